// fu/settings.hpp — working hours and other user preferences, passed in, never global.
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "fu/calendar.hpp"

namespace fu {

// A span of local clock time within one day, in minutes after midnight: [start, end).
struct DayPart {
    int start_minute = 0;
    int end_minute = 0;
};

// Everything the time language and the listings take from the user's configuration.
struct Settings {
    DayPart day{9 * 60, 17 * 60};        // the working window of a workday
    // workdays[0] is Sunday … workdays[6] is Saturday (date::weekday::c_encoding()).
    std::array<bool, 7> workdays{false, true, true, true, true, true, false};
    DayPart morning{9 * 60, 12 * 60};
    DayPart lunch{12 * 60, 14 * 60};
    DayPart afternoon{12 * 60, 17 * 60};
    DayPart evening{17 * 60, 21 * 60};   // also "tonight"
    std::chrono::minutes appointment{15}; // length of a window for a clock time
    unsigned week_start = 1;              // c_encoding of the first day of a week (1 = Monday)
    std::vector<Holiday> holidays;        // days that are not working days although workdays says so
    int cold_after_days = 30;             // digest: "going cold" after this many days of silence
    int give_up_after = 7;                // unanswered attempts before fu asks you to decide
    std::chrono::milliseconds busy_timeout{5000}; // wait for another fu's write this long
};

} // namespace fu
