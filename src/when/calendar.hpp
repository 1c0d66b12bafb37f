// src/when/calendar.hpp — working days, weeks, months, quarters and years on local dates.
#pragma once

#include <date/date.h>

#include "fu/settings.hpp"

namespace fu::when {

using date::local_days;

// 0 = Sunday … 6 = Saturday.
unsigned weekday_of(local_days d);

// The working calendar of one user: which days are working days (workdays less holidays), and
// the calendar periods around a day. Throws fu::Error (2) when no day of the week is a workday.
class Calendar {
  public:
    explicit Calendar(const Settings& settings) : m_s(settings) {}

    // A workday of the settings that is no holiday.
    bool is_workday(local_days d) const;
    // The first day of the week `d` is in (settings' week_start).
    local_days week_start(local_days d) const;
    // The first/last working day in [from, to], or nullopt when there is none.
    std::optional<local_days> first_workday(local_days from, local_days to) const;
    std::optional<local_days> last_workday(local_days from, local_days to) const;
    // The working day after `d`, the first from `d` on, and the last before `d`; throws when a
    // year passes without one.
    local_days next_workday_after(local_days d) const;
    local_days workday_on_or_after(local_days d) const;
    local_days workday_before(local_days d) const;
    local_days add_workdays(local_days d, long long n) const; // n < 0 counts back
    // `n` months on, the day clipped to the month's end (`clipped` says so).
    static local_days add_months(local_days d, long long n, bool& clipped);
    // The first and the last day of a month.
    static local_days month_first(int year, unsigned month);
    static local_days month_last(int year, unsigned month);

  private:
    void need_workdays() const;
    local_days step_to_workday(local_days d, date::days step) const;
    const Settings& m_s;
};

} // namespace fu::when
