// src/when/evaluator_specials.cpp — the meaning of the phrases that stand alone: now, asap,
// within, in a day or so, elapsed time, later today, over the next few days, the past week.
#include <algorithm>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "when/evaluator.hpp"

namespace fu::when {

using date::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Window Evaluator::special(const Phrase& p)
{
    const DayPart& wd = m_s.day;
    const Quantity& q = p.quantity;
    auto elapsed = [](const Quantity& qq, long long n) {
        return qq.unit == Unit::hour ? seconds{hours{n}} : seconds{minutes{n}};
    };
    switch (p.special) {
    case Special::now:
        return {m_now, m_now + minutes{1}, {}};
    case Special::asap:
        return {m_now, m_now + hours{1}, {}};
    case Special::within: {
        check_quantity(q);
        if (q.unit == Unit::minute || q.unit == Unit::hour) {
            return {m_now, m_now + elapsed(q, q.lo), {}};
        }
        const local_days last = offset_days(q, q.lo, false);
        return {m_now, boundary(last, wd.end_minute), {}};
    }
    case Special::day_or_so:
        return {m_now, boundary(m_cal.next_workday_after(m_today), wd.end_minute), {}};
    case Special::hour_or_so:
        return {m_now, m_now + hours{2}, {}};
    case Special::elapsed: {
        check_quantity(q);
        if (q.range) {
            return {m_now + elapsed(q, q.lo), m_now + elapsed(q, q.hi), {}};
        }
        const Instant t = m_now + elapsed(q, q.lo);
        return {t, t + m_s.appointment, {}};
    }
    case Special::ago: {
        check_quantity(q);
        const Instant t = m_now - elapsed(q, q.lo);
        return {t, t + m_s.appointment, {}};
    }
    case Special::over_next: {
        check_quantity(q);
        if (q.unit == Unit::week) {
            return {m_now, boundary(m_today + days{7 * q.lo}, wd.end_minute), {}};
        }
        return {m_now, boundary(m_cal.add_workdays(m_today, q.lo), wd.end_minute), {}};
    }
    case Special::later_today: {
        if (m_now < boundary(m_today, wd.end_minute)) {
            return {std::max(m_now, boundary(m_today, wd.start_minute)),
                    boundary(m_today, wd.end_minute),
                    {}};
        }
        return {std::max(m_now, boundary(m_today, m_s.evening.start_minute)),
                boundary(m_today, m_s.evening.end_minute),
                {}};
    }
    case Special::later_part: {
        const DayPart span = part_span(*p.later_part, Portion::none);
        return {std::max(m_now, boundary(m_today, span.start_minute)),
                boundary(m_today, span.end_minute),
                {}};
    }
    case Special::later_week: {
        const local_days ws = m_cal.week_start(m_today);
        const local_days first = m_cal.next_workday_after(m_today);
        const auto last = m_cal.last_workday(ws, ws + days{6});
        if (!last || first > *last) {
            throw usage_error(fmt::format("{}: no working day is left this week", quoted(m_text)),
                              "say \"next week\" or \"early next week\"");
        }
        return work_window(first, *last);
    }
    case Special::past: {
        check_quantity(q);
        if (future()) {
            throw usage_error(fmt::format("{} looks back", quoted(m_text)),
                              "say e.g. \"over the next few days\"");
        }
        if (q.unit == Unit::minute || q.unit == Unit::hour) {
            return {m_now - elapsed(q, q.lo), m_now, {}};
        }
        const local_days from = offset_days(q, -q.lo, false);
        return {boundary(from, 0), m_now, {}};
    }
    case Special::none:
        break;
    }
    return {m_now, m_now, {}};
}

} // namespace fu::when
