// src/when/evaluator_days.cpp — which days a phrase names: days, spans and their portions.
#include <fmt/format.h>

#include "fu/calendar.hpp"
#include "fu/error.hpp"
#include "when/evaluator.hpp"
#include "when/lexicon.hpp"

namespace fu::when {

using date::days;
using lexicon::k_month_short;
using lexicon::k_weekday_long;

namespace {

std::string ordinal(unsigned n)
{
    const char* suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    }
    return fmt::format("{}{}", n, suffix);
}

int year_of(local_days d)
{
    return static_cast<int>(date::year_month_day{d}.year());
}
unsigned month_of(local_days d)
{
    return static_cast<unsigned>(date::year_month_day{d}.month());
}

} // namespace

void Evaluator::check_quantity(const Quantity& q) const
{
    long long limit = 3660;
    switch (q.unit) {
    case Unit::minute:
        limit = 527'040;
        break;
    case Unit::hour:
        limit = 8784;
        break;
    case Unit::day:
        limit = 3660;
        break;
    case Unit::week:
        limit = 522;
        break;
    case Unit::fortnight:
        limit = 261;
        break;
    case Unit::month:
        limit = 120;
        break;
    case Unit::quarter:
        limit = 40;
        break;
    case Unit::year:
        limit = 10;
        break;
    case Unit::business_day:
        limit = 2610;
        break;
    }
    if (q.lo > limit || q.hi > limit) {
        throw usage_error(fmt::format("\"{}\" is too far away", q.text),
                          "promise something within the next ten years");
    }
    if (q.range && q.lo > q.hi) {
        throw usage_error(fmt::format("\"{}\" is a reversed range", q.text),
                          fmt::format("put the smaller number first: {} to {}", q.hi, q.lo));
    }
}

local_days Evaluator::move_to_workday(local_days d)
{
    if (m_cal.is_workday(d)) {
        return d;
    }
    const local_days n = m_cal.workday_on_or_after(d);
    note(fmt::format("{} is not a workday; taking {}", label(d), label(n)));
    return n;
}

// The day `n` units ahead (or back for negative n) of today; moved to a workday when asked.
local_days Evaluator::offset_days(const Quantity& q, long long n, bool move)
{
    local_days d = m_today;
    auto months = [&](long long count) {
        bool clipped = false;
        d = Calendar::add_months(m_today, count, clipped);
        if (clipped) {
            note(fmt::format("{} has no {}; taking {}", k_month_short[month_of(d) - 1],
                             ordinal(static_cast<unsigned>(date::year_month_day{m_today}.day())),
                             label(d)));
        }
    };
    switch (q.unit) {
    case Unit::day:
        d = m_today + days{n};
        break;
    case Unit::week:
        d = m_today + days{7 * n};
        break;
    case Unit::fortnight:
        d = m_today + days{14 * n};
        break;
    case Unit::month:
        months(n);
        break;
    case Unit::quarter:
        months(3 * n);
        break;
    case Unit::year:
        months(12 * n);
        break;
    case Unit::business_day:
        return m_cal.add_workdays(m_today, n);
    case Unit::minute:
    case Unit::hour:
        break;
    }
    return move && n > 0 ? move_to_workday(d) : d;
}

local_days Evaluator::resolve_day(const DaySpec& spec)
{
    const date::year_month_day today_ymd{m_today};
    const unsigned today_wd = weekday_of(m_today);
    local_days result = m_today;
    auto check_date = [&](long long y, long long m, long long dd) {
        const date::year_month_day ymd{date::year{static_cast<int>(y)},
                                       date::month{static_cast<unsigned>(m)},
                                       date::day{static_cast<unsigned>(dd)}};
        if (y < 1000 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31 || !ymd.ok()) {
            throw usage_error(fmt::format("{} is not a date", quoted(spec.text)),
                              m >= 1 && m <= 12 && dd >= 1 && dd <= 31
                                  ? fmt::format("{} has no day {}", k_month_short[m - 1], dd)
                                  : "write dates as yyyy-mm-dd, e.g. 2026-12-01");
        }
        return local_days{ymd};
    };
    switch (spec.kind) {
    case DayKind::today:
        result = m_today;
        break;
    case DayKind::tomorrow:
        result = m_today + days{1};
        break;
    case DayKind::after_tomorrow:
        result = m_today + days{2};
        break;
    case DayKind::yesterday:
        result = m_today - days{1};
        break;
    case DayKind::earlier_today:
        if (future()) {
            throw usage_error(fmt::format("{} looks back", quoted(spec.text)),
                              "say \"later today\"");
        }
        result = m_today;
        break;
    case DayKind::next_workday:
        result = m_cal.next_workday_after(m_today);
        break;
    case DayKind::weekday: {
        if (future()) {
            unsigned ahead = (spec.weekday + 7 - today_wd) % 7;
            if (ahead == 0 && spec.shift_days == 0 && m_deadline_context &&
                m_now < boundary(m_today, m_s.day.end_minute)) {
                result = m_today; // "by friday", "friday cob" on a Friday: today's end of day
                note(fmt::format("{} is today; taking today", k_weekday_long[spec.weekday]));
            } else if (ahead == 0 && spec.shift_days == 0) {
                result = m_today + days{7};
                note(fmt::format("{} is today; taking {}", k_weekday_long[spec.weekday],
                                 label(result)));
            } else {
                result = m_today + days{ahead == 0 ? 7 : ahead};
            }
        } else {
            result = m_today - days{(today_wd + 7 - spec.weekday) % 7};
        }
        break;
    }
    case DayKind::this_weekday:
        if (future()) {
            result = m_today + days{(spec.weekday + 7 - today_wd) % 7};
        } else {
            result = m_today - days{(today_wd + 7 - spec.weekday) % 7};
        }
        break;
    case DayKind::next_weekday: {
        const unsigned ahead = (spec.weekday + 7 - today_wd) % 7;
        const local_days first = m_today + days{ahead == 0 ? 7 : ahead};
        const local_days ws = m_cal.week_start(m_today) + days{7};
        const local_days in_next_week = ws + days{(spec.weekday + 7 - weekday_of(ws)) % 7};
        if (first != in_next_week) {
            throw usage_error(
                fmt::format("{} is ambiguous: {} or {}?", quoted(spec.text), label(first),
                            label(in_next_week)),
                fmt::format("say \"this {0}\" or \"{0} next week\"", k_weekday_long[spec.weekday]));
        }
        result = first;
        break;
    }
    case DayKind::last_weekday: {
        const unsigned back = (today_wd + 7 - spec.weekday) % 7;
        result = m_today - days{back == 0 ? 7 : back};
        break;
    }
    case DayKind::weekday_this_week: {
        const local_days ws = m_cal.week_start(m_today);
        result = ws + days{(spec.weekday + 7 - weekday_of(ws)) % 7};
        break;
    }
    case DayKind::weekday_next_week: {
        const local_days ws = m_cal.week_start(m_today) + days{7};
        result = ws + days{(spec.weekday + 7 - weekday_of(ws)) % 7};
        break;
    }
    case DayKind::nth: {
        if (spec.day < 1 || spec.day > 31) {
            throw usage_error(fmt::format("{} is not a day of any month", quoted(spec.text)),
                              "days of the month run from 1st to 31st");
        }
        const auto dd = date::day{static_cast<unsigned>(spec.day)};
        date::year_month ym{today_ymd.year(), today_ymd.month()};
        const int step = future() ? 1 : -1;
        std::vector<std::string> skipped;
        for (int k = 0; k < 30; ++k, ym += date::months{step}) {
            const date::year_month_day cand{ym.year(), ym.month(), dd};
            if (!cand.ok()) {
                if (!future() ||
                    local_days{ym.year() / ym.month() / 1} + days{spec.day - 1} > m_today) {
                    skipped.emplace_back(k_month_short[static_cast<unsigned>(ym.month()) - 1]);
                }
                continue;
            }
            const local_days c{cand};
            if (future() ? c > m_today : c <= m_today) {
                result = c;
                break;
            }
        }
        if (!skipped.empty()) {
            std::string months;
            for (const auto& m : skipped) {
                months += (months.empty() ? "" : ", ") + m;
            }
            note(fmt::format("{} has no {}; taking {}", months, spec.text, label(result)));
        }
        break;
    }
    case DayKind::month_day: {
        if (spec.month < 1 || spec.month > 12 || spec.day < 1 || spec.day > 31) {
            throw usage_error(fmt::format("{} is not a date", quoted(spec.text)));
        }
        const auto m = date::month{static_cast<unsigned>(spec.month)};
        const auto dd = date::day{static_cast<unsigned>(spec.day)};
        if (!(date::month_day{m, dd}).ok()) {
            throw usage_error(
                fmt::format("{} is not a date", quoted(spec.text)),
                fmt::format("{} has no day {}", k_month_short[spec.month - 1], spec.day));
        }
        if (spec.year != 0) {
            result = check_date(spec.year, spec.month, spec.day);
            break;
        }
        date::year y = today_ymd.year();
        const int step = future() ? 1 : -1;
        auto valid = [&](date::year yy) { return date::year_month_day{yy, m, dd}.ok(); };
        auto acceptable = [&](date::year yy) {
            if (!valid(yy)) {
                return false;
            }
            const local_days c{date::year_month_day{yy, m, dd}};
            return future() ? c >= m_today : c <= m_today;
        };
        while (!acceptable(y)) {
            y += date::years{step};
        }
        result = local_days{date::year_month_day{y, m, dd}};
        if (y != today_ymd.year()) {
            const char* why = !valid(today_ymd.year()) ? "does not exist this year"
                              : future()               ? "has passed this year"
                                                       : "has not come yet this year";
            note(fmt::format("{} {} {}; taking {}", spec.day, k_month_short[spec.month - 1], why,
                             label(result)));
        }
        break;
    }
    case DayKind::iso:
        result = check_date(spec.year, spec.month, spec.day);
        break;
    case DayKind::relative:
        check_quantity(spec.quantity);
        result = offset_days(spec.quantity, spec.quantity.lo, true);
        break;
    case DayKind::ago:
        check_quantity(spec.quantity);
        result = offset_days(spec.quantity, -spec.quantity.lo, false);
        break;
    case DayKind::named: {
        int y = spec.year != 0 ? static_cast<int>(spec.year) : year_of(m_today);
        auto day = named_day(spec.name, y);
        if (spec.year == 0) {
            const int step = future() ? 1 : -1;
            while (day && (future() ? *day < m_today : *day > m_today)) {
                y += step;
                day = named_day(spec.name, y);
            }
        }
        if (!day) {
            throw usage_error(fmt::format("{} is not a day fu knows", quoted(spec.text)));
        }
        result = *day;
        break;
    }
    case DayKind::nth_of_month: {
        bool clipped = false;
        local_days month = Calendar::add_months(
            Calendar::month_first(year_of(m_today), month_of(m_today)), spec.of.offset, clipped);
        auto in_month = [&](local_days first_of_month) -> std::optional<local_days> {
            const date::year_month_day ymd{date::year{year_of(first_of_month)},
                                           date::month{month_of(first_of_month)},
                                           date::day{static_cast<unsigned>(spec.day)}};
            return ymd.ok() ? std::optional<local_days>{local_days{ymd}} : std::nullopt;
        };
        auto day = in_month(month);
        if (spec.of.offset == 0 && future() && (!day || *day < m_today)) {
            month = Calendar::add_months(month, 1, clipped); // the first of the month: the next one
            day = in_month(month);
        }
        if (spec.day < 1 || spec.day > 31 || !day) {
            throw usage_error(fmt::format("{} is not a date", quoted(spec.text)));
        }
        result = *day;
        break;
    }
    case DayKind::nth_weekday: {
        auto in_month = [&](int y, unsigned m) -> std::optional<local_days> {
            const date::year_month ym{date::year{y}, date::month{m}};
            if (spec.counted == DaySpec::Counted::day) {
                return Calendar::month_last(y, m); // the last day of the month
            }
            if (spec.counted == DaySpec::Counted::workday) {
                const local_days from = Calendar::month_first(y, m);
                const local_days to = Calendar::month_last(y, m);
                if (spec.nth == 0) {
                    return m_cal.last_workday(from, to);
                }
                std::optional<local_days> d = m_cal.first_workday(from, to);
                for (long long k = 1; d && k < spec.nth; ++k) {
                    d = m_cal.first_workday(*d + days{1}, to);
                }
                return d;
            }
            const date::weekday wd{spec.weekday};
            if (spec.nth == 0) {
                return local_days{
                    date::year_month_weekday_last{ym.year(), ym.month(), date::weekday_last{wd}}};
            }
            const date::year_month_weekday ymw{
                ym.year(), ym.month(), date::weekday_indexed{wd, static_cast<unsigned>(spec.nth)}};
            if (!ymw.ok()) {
                return std::nullopt;
            }
            return local_days{ymw};
        };
        int y = year_of(m_today);
        unsigned m = month_of(m_today);
        bool fixed = false;
        if (spec.of.named) {
            m = static_cast<unsigned>(spec.of.month);
            if (spec.of.year != 0) {
                y = static_cast<int>(spec.of.year);
                fixed = true;
            } else if (m < month_of(m_today)) {
                ++y;
            }
        } else {
            const local_days shifted = Calendar::month_first(y, m) + days{0};
            bool clipped = false;
            const local_days target = Calendar::add_months(shifted, spec.of.offset, clipped);
            y = year_of(target);
            m = month_of(target);
            fixed = true;
        }
        auto day = in_month(y, m);
        if (!fixed && day && future() && *day < m_today) {
            ++y;
            day = in_month(y, m);
        }
        if (!day && spec.counted == DaySpec::Counted::weekday) {
            throw usage_error(fmt::format(
                "{} does not exist: {} {} has no {} {}", quoted(spec.text), k_month_short[m - 1], y,
                ordinal(static_cast<unsigned>(spec.nth)), k_weekday_long[spec.weekday]));
        }
        if (!day) {
            throw usage_error(fmt::format("{} does not exist in {} {}", quoted(spec.text),
                                          k_month_short[m - 1], y));
        }
        result = *day;
        break;
    }
    }
    result += days{spec.shift_days};
    if (const int y = year_of(result); y < 1000 || y > 9999) {
        throw usage_error(fmt::format("{} is too far away", quoted(spec.text)),
                          "promise something within the next ten years");
    }
    if (spec.check_weekday && weekday_of(result) != *spec.check_weekday) {
        throw usage_error(fmt::format("{} is a {}, not a {}", iso(result),
                                      k_weekday_long[weekday_of(result)],
                                      k_weekday_long[*spec.check_weekday]));
    }
    return result;
}

std::pair<local_days, local_days> Evaluator::working_days(local_days first, local_days last,
                                                          const std::string& what) const
{
    const auto a = m_cal.first_workday(first, last);
    const auto b = m_cal.last_workday(first, last);
    if (!a || !b) {
        throw usage_error(fmt::format("{} has no working days", quoted(what)),
                          "its days are all weekends or holidays; name a day or another period");
    }
    return {*a, *b};
}

// early / mid / late of a span's days: thirds of a week's working days, of a month's days, of a
// quarter's months; a year's first quarter, middle half, last quarter.
std::pair<local_days, local_days> Evaluator::narrow(const SpanSpec& s, local_days first,
                                                    local_days last, Portion portion) const
{
    if (portion == Portion::none || portion == Portion::end_of) {
        return {first, last};
    }
    const int y = year_of(first);
    switch (s.kind) {
    case SpanKind::week:
    case SpanKind::week_of: {
        std::vector<local_days> work;
        for (local_days d = first; d <= last; d += days{1}) {
            if (m_cal.is_workday(d)) {
                work.push_back(d);
            }
        }
        if (work.empty()) {
            return {first, last};
        }
        const std::size_t n = work.size();
        const std::size_t take = std::min<std::size_t>(3, n);
        const std::size_t from = portion == Portion::early  ? 0
                                 : portion == Portion::late ? n - take
                                                            : (n - take) / 2;
        return {work[from], work[from + take - 1]};
    }
    case SpanKind::weekend:
        return portion == Portion::early  ? std::pair{first, first}
               : portion == Portion::late ? std::pair{last, last}
                                          : std::pair{first, last};
    case SpanKind::month: {
        const unsigned m = month_of(first);
        if (portion == Portion::early) {
            return {first, Calendar::month_first(y, m) + days{9}};
        }
        if (portion == Portion::mid) {
            return {Calendar::month_first(y, m) + days{10}, Calendar::month_first(y, m) + days{19}};
        }
        return {Calendar::month_first(y, m) + days{20}, last};
    }
    case SpanKind::quarter: {
        const unsigned m = month_of(first);
        const unsigned k = portion == Portion::early ? 0 : portion == Portion::mid ? 1 : 2;
        return {Calendar::month_first(y, m + k), Calendar::month_last(y, m + k)};
    }
    case SpanKind::year:
        if (portion == Portion::early) {
            return {Calendar::month_first(y, 1), Calendar::month_last(y, 3)};
        }
        if (portion == Portion::mid) {
            return {Calendar::month_first(y, 4), Calendar::month_last(y, 9)};
        }
        return {Calendar::month_first(y, 10), Calendar::month_last(y, 12)};
    case SpanKind::day_range:
    case SpanKind::quantity_range:
        break;
    }
    throw usage_error(fmt::format("{} cannot be early, mid or late", quoted(s.text)),
                      "say e.g. \"early next week\" or \"mid july\"");
}

std::pair<local_days, local_days> Evaluator::resolve_span(const SpanSpec& s, Portion portion)
{
    const date::year_month_day t{m_today};
    const int ty = static_cast<int>(t.year());
    const unsigned tm = static_cast<unsigned>(t.month());
    local_days first = m_today;
    local_days last = m_today;
    switch (s.kind) {
    case SpanKind::week: {
        const local_days ws = m_cal.week_start(m_today) + days{7 * s.offset};
        first = ws;
        last = ws + days{6};
        break;
    }
    case SpanKind::week_of: {
        const local_days ws = m_cal.week_start(resolve_day(*s.from)) + days{7 * s.shift_weeks};
        first = ws;
        last = ws + days{6};
        break;
    }
    case SpanKind::weekend: {
        const unsigned wd = weekday_of(m_today);
        const bool inside = wd == 6 || wd == 0;
        const local_days this_saturday =
            wd == 0 ? m_today - days{1} : m_today + days{(6 + 7 - wd) % 7};
        local_days sat = this_saturday;
        if (!future() && s.offset == 0 && !inside) {
            sat -= days{7}; // looking back on a weekday, "the weekend" is the one just gone
        }
        if (s.offset == 1) {
            if (!inside) {
                throw usage_error(fmt::format("{} is ambiguous: {}–{} or {}–{}?", quoted(m_text),
                                              label(sat), label(sat + days{1}),
                                              label(sat + days{7}), label(sat + days{8})),
                                  "say \"this weekend\" or \"the weekend after next\"");
            }
            sat += days{7};
        } else if (s.offset == 2) {
            sat += days{7};
        } else if (s.offset == -1) {
            sat = this_saturday - days{7};
        }
        first = sat;
        last = sat + days{1};
        break;
    }
    case SpanKind::month: {
        int y = ty;
        unsigned m = tm;
        if (s.relative) {
            bool clipped = false;
            const local_days d =
                Calendar::add_months(Calendar::month_first(ty, tm), s.offset, clipped);
            y = year_of(d);
            m = month_of(d);
        } else {
            m = static_cast<unsigned>(s.number);
            if (s.year == -1) {
                y = ty + 1; // in the new year
            } else if (s.year != 0) {
                y = static_cast<int>(s.year);
            } else if (future() ? m < tm : m > tm) {
                y += future() ? 1 : -1;
                if (future()) {
                    note(fmt::format("{} has passed this year; taking {} {}",
                                     lexicon::k_month_long[m - 1], lexicon::k_month_long[m - 1],
                                     y));
                }
            }
        }
        first = Calendar::month_first(y, m);
        last = Calendar::month_last(y, m);
        if (s.week_of_month > 0) {
            first += days{7 * (s.week_of_month - 1)};
            last = std::min(last, first + days{6});
            if (first > Calendar::month_last(y, m)) {
                throw usage_error(fmt::format("{} has no such week", quoted(s.text)));
            }
        } else if (s.week_of_month < 0) {
            first = last - days{6};
        }
        break;
    }
    case SpanKind::quarter: {
        int y = ty;
        long long q = (tm - 1) / 3;
        if (s.relative) {
            q += s.offset;
        } else {
            q = s.number - 1;
            if (s.year == -1) {
                y = ty + 1; // q3 next year
            } else if (s.year != 0) {
                y = static_cast<int>(s.year);
            } else if (future() ? q < static_cast<long long>((tm - 1) / 3)
                                : q > static_cast<long long>((tm - 1) / 3)) {
                y += future() ? 1 : -1;
            }
        }
        while (q > 3) {
            q -= 4;
            ++y;
        }
        while (q < 0) {
            q += 4;
            --y;
        }
        first = Calendar::month_first(y, static_cast<unsigned>(3 * q + 1));
        last = Calendar::month_last(y, static_cast<unsigned>(3 * q + 3));
        break;
    }
    case SpanKind::year: {
        const int y = s.relative ? ty + static_cast<int>(s.offset) : static_cast<int>(s.number);
        first = Calendar::month_first(y, 1);
        last = Calendar::month_last(y, 12);
        break;
    }
    case SpanKind::day_range: {
        DaySpec from = *s.from;
        DaySpec to = *s.to;
        if (from.kind == DayKind::month_day && from.year == 0 && to.kind == DayKind::month_day &&
            to.year == 0 && future()) {
            // a range still running ("june 10-20" on the 15th) is this year's
            from.year = ty;
            to.year = ty + (to.month < from.month ? 1 : 0);
            bool ok = true;
            try {
                ok = resolve_day(to) >= m_today;
            } catch (const Error&) {
                ok = false;
            }
            if (!ok) {
                from.year = 0;
                to.year = 0;
            }
        }
        first = resolve_day(from);
        if (to.kind == DayKind::month_day && to.year == 0 && from.kind == DayKind::month_day) {
            to.year = year_of(first);
            if (to.month < from.month) {
                ++to.year;
            }
        }
        last = resolve_day(to);
        const bool weekdays = s.from->kind == DayKind::weekday && s.to->kind == DayKind::weekday;
        if (weekdays && last < first) {
            last += days{7};
        }
        if (last < first) {
            throw usage_error(fmt::format("{} is a reversed range", quoted(s.text)),
                              "put the earlier day first");
        }
        if (last - first > days{366}) {
            throw usage_error(fmt::format("{} is more than a year long", quoted(s.text)));
        }
        break;
    }
    case SpanKind::quantity_range:
        check_quantity(s.quantity);
        first = offset_days(s.quantity, s.quantity.lo, true);
        last = offset_days(s.quantity, s.quantity.hi, true);
        break;
    }
    return narrow(s, first, last, portion);
}

} // namespace fu::when
