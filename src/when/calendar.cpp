// src/when/calendar.cpp — working-day arithmetic.
#include "when/calendar.hpp"

#include <algorithm>

#include "fu/calendar.hpp"
#include "fu/error.hpp"

namespace fu::when {

unsigned weekday_of(local_days d)
{
    return date::weekday{d}.c_encoding();
}

void Calendar::need_workdays() const
{
    if (std::none_of(m_s.workdays.begin(), m_s.workdays.end(), [](bool b) { return b; })) {
        throw usage_error("no workdays are configured", "set workdays in the config file");
    }
}

bool Calendar::is_workday(local_days d) const
{
    return m_s.workdays[weekday_of(d)] && (m_s.holidays.empty() || !is_holiday(m_s.holidays, d));
}

local_days Calendar::week_start(local_days d) const
{
    const unsigned back = (weekday_of(d) + 7 - (m_s.week_start % 7)) % 7;
    return d - date::days{back};
}

std::optional<local_days> Calendar::first_workday(local_days from, local_days to) const
{
    need_workdays();
    for (local_days d = from; d <= to; d += date::days{1}) {
        if (is_workday(d)) {
            return d;
        }
    }
    return std::nullopt;
}

std::optional<local_days> Calendar::last_workday(local_days from, local_days to) const
{
    need_workdays();
    for (local_days d = to; d >= from; d -= date::days{1}) {
        if (is_workday(d)) {
            return d;
        }
    }
    return std::nullopt;
}

local_days Calendar::next_workday_after(local_days d) const
{
    return workday_on_or_after(d + date::days{1});
}

// The first working day from `d` on, one day at a time in `step`'s direction; a year with no
// working day (holidays covering it) is an error, not a day that is no working day.
local_days Calendar::step_to_workday(local_days d, date::days step) const
{
    need_workdays();
    local_days n = d;
    for (int guard = 0; !is_workday(n); ++guard) {
        if (guard > 366) {
            throw usage_error("no working day within a year",
                              "check workdays and holidays in the config file");
        }
        n += step;
    }
    return n;
}

local_days Calendar::workday_on_or_after(local_days d) const
{
    return step_to_workday(d, date::days{1});
}

local_days Calendar::workday_before(local_days d) const
{
    return step_to_workday(d - date::days{1}, date::days{-1});
}

local_days Calendar::add_workdays(local_days d, long long n) const
{
    const date::days step{n < 0 ? -1 : 1};
    local_days r = d;
    for (long long k = 0; k < (n < 0 ? -n : n); ++k) {
        r = step_to_workday(r + step, step);
    }
    return r;
}

local_days Calendar::add_months(local_days d, long long n, bool& clipped)
{
    const date::year_month_day ymd{d};
    const date::year_month ym =
        date::year_month{ymd.year(), ymd.month()} + date::months{static_cast<int>(n)};
    const date::day last =
        date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
    clipped = ymd.day() > last;
    return local_days{ym.year() / ym.month() / std::min(ymd.day(), last)};
}

local_days Calendar::month_first(int year, unsigned month)
{
    return local_days{date::year{year} / date::month{month} / 1};
}

local_days Calendar::month_last(int year, unsigned month)
{
    return local_days{date::year{year} / date::month{month} / date::last};
}

} // namespace fu::when
