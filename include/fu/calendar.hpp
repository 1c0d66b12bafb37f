// fu/calendar.hpp — working days: which local days count as working days, holidays included.
//
// The time language, the agenda and the config file share these rules, so "the next working day"
// means the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace fu {

// One entry of the config file's `holidays` list: a date, an inclusive range of dates, or a day
// named by the time language that recurs every year ("christmas", "thanksgiving").
struct Holiday {
    enum class Kind { date, range, named };
    Kind kind = Kind::date;
    date::local_days first{}; // date and range
    date::local_days last{};  // range (== first for a date)
    std::string name;         // named: the canonical name, e.g. "thanksgiving"
    std::string text;         // as written, for `fu config`
};

// Parses "2026-12-24", "2026-12-24..2027-01-01" or a named day ("christmas", "christmas eve",
// "thanksgiving", "new year's day", "good friday", "labor day", …).
// Throws fu::Error (status 2) naming the entry when it is none of these.
Holiday parse_holiday(std::string_view text);

// The date a named day falls on in `year`, or nullopt when `name` is not a named day.
// Names are lower-case and may be written with or without apostrophes ("new years eve").
std::optional<date::local_days> named_day(std::string_view name, int year);

// True when `name` names a day of the year ("christmas", "new year's eve").
bool is_named_day(std::string_view name);

// True when `day` is one of `holidays`.
bool is_holiday(const std::vector<Holiday>& holidays, date::local_days day);

} // namespace fu
