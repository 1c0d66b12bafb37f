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

// One step of a playbook: a purpose, a time phrase and a channel. The first step's phrase is read
// from when the playbook starts; each later one from when the step before it was kept.
struct PlaybookStep {
    std::string about;
    std::string when;
    std::string via = "call";
};

// A named, ordered list of follow-up steps (`fu plan CONTACT NAME`).
struct Playbook {
    std::string name;
    std::vector<PlaybookStep> steps;
    std::string origin = "built in"; // or "FILE:LINE" of the config file
};

// The playbooks fu ships: `post-sale`, the "true" follow-up after a sale.
const std::vector<Playbook>& built_in_playbooks();

// How long after an unanswered attempt the next attempt (or a promised window) is not pushy.
struct MinGap {
    enum class Unit { none, workdays, days, minutes };
    Unit unit = Unit::workdays;
    int count = 1; // workdays/days: the attempt may fall on the Nth working/calendar day after; minutes: a duration
};

// The reminder `fu remind` prints when the config file has none (placeholders: see README).
inline constexpr const char* k_default_reminder_template =
    "Hi {first} — looking forward to our {via} {when} (your time)[ about {about}].";

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
    std::vector<Playbook> playbooks = built_in_playbooks(); // built in, then the config file's (a
                                                            // config playbook of the same name replaces it)
    std::string on_won = "post-sale";    // the playbook `log --outcome won` offers; "" for none
    std::string reminder_template = k_default_reminder_template;
    MinGap min_gap;                      // warn when attempts crowd a contact
    int max_attempts_per_day = 2;        // warn beyond this many attempts on one contact in a day
    std::string user_name;               // who you are, for invitations (ORGANIZER) and reminders
    std::string user_email;
};

} // namespace fu
