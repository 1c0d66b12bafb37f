// src/when/evaluator.cpp — from a Phrase to a Window: times of day, targets, modes, specials.
#include "when/evaluator.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "when/lexicon.hpp"

namespace fu::when {

using date::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

std::string hhmm(long long minute_of_day)
{
    return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

namespace {

std::string offset_text(seconds off)
{
    const long long total = off.count() / 60;
    const long long a = total < 0 ? -total : total;
    return fmt::format("{}{:02}:{:02}", total < 0 ? '-' : '+', a / 60, a % 60);
}

const char* part_name(Part p)
{
    switch (p) {
    case Part::morning:
        return "morning";
    case Part::lunch:
        return "lunch";
    case Part::afternoon:
        return "afternoon";
    case Part::evening:
    default:
        return "evening";
    }
}

} // namespace

Evaluator::Evaluator(Instant now, const Zone& zone, const Zone& user_zone,
                     const Settings& settings, TimeDirection direction, std::string text)
    : m_now(now), m_zone(zone), m_user_zone(user_zone), m_s(settings), m_cal(settings),
      m_dir(direction), m_text(std::move(text)), m_now_local(zone.to_local(now)),
      m_today(date::floor<days>(m_now_local))
{
}

std::string Evaluator::label(local_days d) const
{
    const date::year_month_day ymd{d};
    const date::year_month_day now_ymd{m_today};
    std::string s = fmt::format("{} {} {}", lexicon::k_weekday_short[weekday_of(d)],
                                static_cast<unsigned>(ymd.day()),
                                lexicon::k_month_short[static_cast<unsigned>(ymd.month()) - 1]);
    if (ymd.year() != now_ymd.year()) {
        s += fmt::format(" {}", static_cast<int>(ymd.year()));
    }
    return s;
}

std::string Evaluator::iso(local_days d) const
{
    const date::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

Instant Evaluator::boundary(local_days d, long long minute_of_day) const
{
    const local_seconds ls = local_seconds{d} + minutes{minute_of_day};
    const auto info = m_zone.get_info(ls);
    if (info.result == LocalInfo::nonexistent) {
        return info.second.begin;
    }
    return Instant{ls.time_since_epoch() - info.first.offset};
}

Instant Evaluator::typed(local_days d, seconds time_of_day, std::optional<seconds> offset)
{
    const local_seconds ls = local_seconds{d} + time_of_day;
    if (offset) {
        return Instant{ls.time_since_epoch() - *offset};
    }
    const auto info = m_zone.get_info(ls);
    const long long tod_minutes = time_of_day.count() / 60;
    switch (info.result) {
    case LocalInfo::nonexistent: {
        const auto gap_start = date::floor<minutes>(info.second.begin + info.first.offset);
        const auto gap_end = date::floor<minutes>(info.second.begin + info.second.offset);
        const auto start_min = (gap_start - date::floor<days>(gap_start)).count();
        const auto end_min = (gap_end - date::floor<days>(gap_end)).count();
        throw usage_error(fmt::format("{} {} does not exist in {} (the clocks skip it)", iso(d),
                                      hhmm(tod_minutes), m_zone.name()),
                          fmt::format("on {} the clocks go from {} straight to {}", label(d),
                                      hhmm(start_min), hhmm(end_min)));
    }
    case LocalInfo::ambiguous:
        note(fmt::format("{} occurs twice on {} (clocks fall back); taking the earlier, {}",
                         hhmm(tod_minutes), label(d), offset_text(info.first.offset)));
        return Instant{ls.time_since_epoch() - info.first.offset};
    case LocalInfo::unique:
    default:
        return Instant{ls.time_since_epoch() - info.first.offset};
    }
}

// Days as working windows; looking back (--since, --at), whole calendar days, so nothing that
// happened before the working day began is left out.
Window Evaluator::work_window(local_days first, local_days last) const
{
    if (!future()) {
        return {boundary(first, 0), boundary(last + days{1}, 0), {}};
    }
    return {boundary(first, m_s.day.start_minute), boundary(last, m_s.day.end_minute), {}};
}

DayPart Evaluator::part_span(Part p, Portion portion) const
{
    DayPart span = m_s.evening;
    switch (p) {
    case Part::morning:
        span = m_s.morning;
        break;
    case Part::lunch:
        span = m_s.lunch;
        break;
    case Part::afternoon:
        span = m_s.afternoon;
        break;
    case Part::evening:
        span = m_s.evening;
        break;
    }
    return portion_of(span, portion);
}

// early / mid / late of a span of the day: its first, middle or last half.
DayPart Evaluator::portion_of(DayPart span, Portion portion)
{
    const int len = span.end_minute - span.start_minute;
    switch (portion) {
    case Portion::early:
        return {span.start_minute, span.start_minute + len / 2};
    case Portion::mid:
        return {span.start_minute + len / 4, span.end_minute - len / 4};
    case Portion::late:
        return {span.end_minute - len / 2, span.end_minute};
    case Portion::none:
    case Portion::end_of:
        break;
    }
    return span;
}

// " (13:00 your time)", or " (09:00–11:00 your time)" for a range, when the phrase is read on
// another clock than the user's and that clock shows another time.
std::string Evaluator::clocks_note(local_days d, long long minute,
                                   std::optional<long long> end_minute) const
{
    if (m_zone.name() == m_user_zone.name()) {
        return {};
    }
    const auto yours = [&](long long m) {
        const auto local = m_user_zone.to_local(boundary(d, m));
        return (date::floor<minutes>(local) - date::floor<days>(local)).count();
    };
    if (yours(minute) == minute) {
        return {};
    }
    if (end_minute) {
        return fmt::format(" ({}–{} your time)", hhmm(yours(minute)), hhmm(yours(*end_minute)));
    }
    return fmt::format(" ({} your time)", hhmm(yours(minute)));
}

// Minute of the day a clock time names. Unmarked hours 1-7 are afternoon, 8-11 morning, 12 noon;
// a part of the day decides instead when one is given. Every reading by rule is noted.
long long Evaluator::clock_minute(const Clock& c, std::optional<Part> part, bool noted)
{
    auto bad = [&]() {
        return usage_error(fmt::format("{} is not a time of day", quoted(c.text)),
                           "use e.g. 5pm, 3:30pm or 15:30");
    };
    if (c.named) {
        return c.hour * 60; // noon, or midnight as the day's end (24:00)
    }
    if (c.minute > 59 || c.second > 59) {
        throw bad();
    }
    long long h = c.hour;
    bool by_rule = false;
    if (c.meridiem != Meridiem::none) {
        if (h < 1 || h > 12) {
            throw bad();
        }
        h = (h % 12) + (c.meridiem == Meridiem::pm ? 12 : 0);
    } else if (h > 23) {
        throw bad();
    } else if (c.literal || c.zero_padded || h == 0 || h >= 13) {
        // a 24-hour clock as written
    } else if (part) {
        const long long written = h;
        if (*part != Part::morning && h < 12) {
            h += 12;
        }
        by_rule = !c.has_minutes || c.idiom || h != written;
        if (*part == Part::evening && written == 12) {
            throw usage_error(fmt::format("{} in the evening is ambiguous", quoted(c.text)),
                              "say \"midnight\" as \"11:59pm\", or \"noon\"");
        }
    } else {
        if (h <= 7) {
            h += 12;
        }
        by_rule = true; // 4, 3:30, 8:30: the am/pm is the rule's
    }
    const long long minute = h * 60 + c.minute;
    if (part) {
        // the hour must be one the part of the day can hold: "tomorrow morning 3pm" is refused
        static constexpr std::array<std::pair<int, int>, 4> k_holds{
            {{5 * 60, 12 * 60}, {11 * 60, 15 * 60}, {12 * 60, 18 * 60}, {16 * 60, 24 * 60 - 1}}};
        const auto [lo, hi] = k_holds[static_cast<std::size_t>(*part)];
        if (minute < lo || minute > hi) {
            throw usage_error(
                fmt::format("{} is not in the {}", quoted(c.text), part_name(*part)),
                fmt::format("say the time alone (\"{}\"), or the part of the day it is in",
                            c.text));
        }
    }
    if (by_rule && noted) {
        note(fmt::format("{} read as {}", quoted(c.text), hhmm(minute)));
    }
    return minute;
}

Window Evaluator::appointment(local_days d, const Clock& c, std::optional<Part> part)
{
    const std::size_t before = m_notices.size();
    const long long minute = clock_minute(c, part);
    if (m_notices.size() > before) {
        m_notices.back() += clocks_note(d, minute);
    }
    const Instant t = typed(d, seconds{minutes{minute}} + seconds{c.second}, c.offset);
    return {t, t + m_s.appointment, {}};
}

// The day a time of day without one means.
local_days Evaluator::default_day(const TimeSpec& t)
{
    if (!future()) {
        if (t.kind == TimeKind::part && !t.today &&
            boundary(m_today, part_span(*t.part, t.portion).start_minute) > m_now) {
            return m_today - days{1}; // lunchtime, logged before today's lunch: yesterday's
        }
        return m_today;
    }
    switch (t.kind) {
    case TimeKind::first_thing: {
        local_days d = m_today;
        if (!m_cal.is_workday(d) || boundary(d, m_s.day.start_minute) <= m_now) {
            d = m_cal.next_workday_after(d);
        }
        return d;
    }
    case TimeKind::part: {
        if (t.today) {
            return m_today;
        }
        const DayPart span = part_span(*t.part, t.portion);
        if (t.upcoming) {
            local_days d = m_today;
            if (!m_cal.is_workday(d) || boundary(d, span.start_minute) <= m_now) {
                d = m_cal.next_workday_after(d);
                note(fmt::format("{} read as {}", quoted(t.text), label(d)));
            }
            return d;
        }
        if (boundary(m_today, span.end_minute) <= m_now) {
            const local_days d = m_today + days{1};
            note(fmt::format("this {} is over; taking {}", part_name(*t.part), label(d)));
            return d;
        }
        return m_today;
    }
    default:
        return m_today;
    }
}

Reading Evaluator::timed(local_days d, const TimeSpec& t, bool day_given, bool time_first)
{
    Reading r;
    r.first = r.last = d;
    r.timed = true;
    const DayPart& wd = m_s.day;
    auto set = [&](Instant a, Instant b) {
        r.earliest = a;
        r.latest = b;
    };
    auto clock_at = [&](const Clock& c, std::optional<Part> part) {
        return appointment(d, c, part).earliest;
    };
    switch (t.kind) {
    case TimeKind::part: {
        const DayPart span = part_span(*t.part, t.portion);
        set(boundary(d, span.start_minute), boundary(d, span.end_minute));
        if (*t.part == Part::lunch) {
            r.by = r.earliest; // "by lunch" is before lunch begins
        }
        break;
    }
    case TimeKind::clock: {
        const Window w = appointment(d, t.from, t.part);
        set(w.earliest, w.latest);
        r.appointment = true;
        break;
    }
    case TimeKind::clock_range: {
        // The end takes the start's am/pm when one side is marked; an end not after its start
        // moves 12 hours on.
        Clock a = t.from;
        Clock b = t.to;
        if (b.offset && !a.offset) {
            a.offset = b.offset; // "2-4 -05:00": the offset is the whole range's
        }
        const bool a_bare = a.meridiem == Meridiem::none && !a.literal && !a.zero_padded &&
                            !a.named && a.hour >= 1 && a.hour <= 12;
        const bool b_bare = b.meridiem == Meridiem::none && !b.literal && !b.zero_padded &&
                            !b.named && b.hour >= 1 && b.hour <= 12;
        if (a_bare && !b_bare && b.meridiem != Meridiem::none) {
            // "1-3pm": the start takes the end's am/pm; "11-1pm" and "9-5pm" the other one, as
            // the unmarked-hour rule reads them; "4-2pm" neither (refused below).
            const long long by_rule = clock_minute(a, t.part, false);
            a.meridiem = b.meridiem;
            const long long sa = clock_minute(a, std::nullopt, false);
            const long long sb = clock_minute(b, std::nullopt, false);
            if (sa >= sb) {
                a.meridiem = b.meridiem == Meridiem::am ? Meridiem::pm : Meridiem::am;
                if (clock_minute(a, std::nullopt, false) != by_rule) {
                    a.meridiem = b.meridiem;
                }
            }
        }
        if (a_bare && b_bare && a.hour % 12 == b.hour % 12 && !a.has_minutes && !b.has_minutes) {
            throw usage_error(fmt::format("{} starts and ends at the same hour", quoted(t.text)),
                              "say e.g. \"9-5\" or \"9am-9pm\"");
        }
        const long long start = clock_minute(a, t.part, false);
        long long end = 0;
        if (b_bare && !a_bare && a.meridiem == Meridiem::none && !a.named) {
            end = b.hour * 60 + b.minute; // after a 24-hour start ("0-4", "13-5"), as written
        } else if (b_bare && a.meridiem == Meridiem::none && !t.part) {
            end = clock_minute(b, std::nullopt, false);
        } else if (b_bare) {
            end = (b.hour % 12) * 60 + b.minute;
            if (start >= 12 * 60 && end < 12 * 60) {
                end += 12 * 60;
            }
        } else if (b.meridiem == Meridiem::am && b.hour == 12 && b.minute == 0) {
            end = 24 * 60; // "10pm-12am": until midnight
        } else {
            end = clock_minute(b, t.part, false);
        }
        while (end <= start && end + 12 * 60 < 24 * 60 && b_bare) {
            end += 12 * 60;
        }
        if (end <= start || end > 24 * 60) {
            throw usage_error(fmt::format("{} ends before it starts", quoted(t.text)),
                              "put the earlier time first, e.g. \"2-4\" or \"between 1 and 3\"");
        }
        if (a_bare || b_bare) {
            note(fmt::format("{} read as {}–{}{}", quoted(t.text), hhmm(start), hhmm(end),
                             clocks_note(d, start, end)));
        }
        set(typed(d, seconds{minutes{start}}, a.offset), typed(d, seconds{minutes{end}}, b.offset));
        r.range = true;
        break;
    }
    case TimeKind::around: {
        const Instant c = clock_at(t.from, t.part);
        if (future()) {
            set(c - minutes{30}, c + minutes{30});
        } else {
            set(c, c + minutes{30}); // logged "around 3": at 3
        }
        break;
    }
    case TimeKind::after: {
        const std::optional<Part> context = t.anchor_is_part ? std::nullopt : t.part;
        const long long anchor = t.anchor_is_part ? part_span(*t.part, Portion::none).end_minute
                                                  : clock_minute(t.from, context, false);
        long long end = wd.end_minute;
        if (context) {
            end = part_span(*context, Portion::none).end_minute; // tomorrow morning after 10
        } else if (anchor >= wd.end_minute) {
            end = m_s.evening.end_minute;
        }
        if (anchor >= end) {
            throw usage_error(fmt::format("nothing of the day is left {}", quoted(t.text)),
                              "say a day, e.g. \"tomorrow morning\"");
        }
        const Instant from = t.anchor_is_part ? boundary(d, anchor) : clock_at(t.from, context);
        set(from, boundary(d, end));
        break;
    }
    case TimeKind::before:
    case TimeKind::by: {
        const DayPart anchor = t.anchor_is_part ? part_span(*t.part, Portion::none) : DayPart{};
        // before the afternoon: its start; by the afternoon: its end (by lunch: before it)
        const bool by_end = t.kind == TimeKind::by && t.anchor_is_part && *t.part != Part::lunch;
        const Instant until = t.anchor_is_part
                                  ? boundary(d, by_end ? anchor.end_minute : anchor.start_minute)
                                  : clock_at(t.from, t.part);
        if (t.kind == TimeKind::by ||
            ((!day_given || time_first) && !(t.part && !t.anchor_is_part))) {
            set(m_now, until);
            r.deadline = true;
            break;
        }
        const bool in_part = t.part && !t.anchor_is_part; // tonight before 9
        const Instant start =
            boundary(d, in_part ? part_span(*t.part, Portion::none).start_minute : wd.start_minute);
        if (until <= start) {
            throw usage_error(fmt::format("{} leaves nothing of the working day", quoted(t.text)),
                              fmt::format("the working day starts at {}", hhmm(wd.start_minute)));
        }
        set(start, until);
        break;
    }
    case TimeKind::first_thing: {
        const Instant start = boundary(d, wd.start_minute);
        set(start, std::min(start + hours{1}, boundary(d, wd.end_minute)));
        r.by = start; // by first thing tomorrow
        break;
    }
    case TimeKind::end_of_day:
        set(m_now, boundary(d, wd.end_minute));
        r.deadline = true;
        break;
    case TimeKind::same_time: {
        if (!day_given) {
            throw usage_error(fmt::format("{} needs a day", quoted(m_text)),
                              "say e.g. \"same time tomorrow\" or \"this time next week\"");
        }
        const auto tod = date::floor<minutes>(m_now_local) - date::floor<days>(m_now_local);
        const Instant at = typed(d, tod, std::nullopt);
        set(at, at + m_s.appointment);
        r.appointment = true;
        break;
    }
    }
    return r;
}

Reading Evaluator::target(const Target& t)
{
    Reading r;
    Portion portion = t.portion;
    std::optional<SpanSpec> span = t.span;
    if (span && portion == Portion::none) {
        portion = span->implied; // midweek, in the new year
    }
    if (t.day && t.portion_to != Portion::none) {
        throw usage_error(fmt::format("{}: a day has no early-to-late span", quoted(m_text)),
                          "say e.g. \"tomorrow morning\" or \"mid to late next week\"");
    }
    if (t.day) {
        const local_days d = resolve_day(*t.day);
        // "same time next week" is a day, not a span
        if (t.time) {
            TimeSpec tm = *t.time;
            if (tm.kind == TimeKind::part && tm.portion == Portion::none &&
                portion != Portion::none && portion != Portion::end_of) {
                tm.portion = portion; // early tomorrow morning
            }
            Reading timed_day = timed(d, tm, true, t.time_first);
            timed_day.day_and_time = true;
            return timed_day;
        }
        r.first = r.last = d;
        if (portion == Portion::early || portion == Portion::mid || portion == Portion::late) {
            if (!future()) {
                const Window w = work_window(d, d);
                r.earliest = w.earliest;
                r.latest = w.latest;
                return r;
            }
            const DayPart part = portion_of(m_s.day, portion); // early tomorrow
            r.earliest = boundary(d, part.start_minute);
            r.latest = boundary(d, part.end_minute);
            r.timed = true;
            return r;
        }
        const Window w = work_window(d, d);
        r.earliest = w.earliest;
        r.latest = w.latest;
        r.deadline = portion == Portion::end_of;
        if (r.deadline) {
            r.earliest = m_now;
        }
        return r;
    }
    if (span) {
        if (t.time) {
            if (span->kind == SpanKind::week && (span->offset == 1 || span->offset == -1) &&
                t.time->kind == TimeKind::same_time) {
                return timed(m_today + days{7 * span->offset}, *t.time, true, t.time_first);
            }
            auto [a, b] = resolve_span(*span, portion);
            if (t.time->kind == TimeKind::first_thing && future()) {
                a = b = working_days(a, b, span->text).first; // first thing next week
            }
            if (a != b) {
                throw usage_error(fmt::format("{} covers several days; a time of day needs one",
                                              quoted(span->text)),
                                  "name the day, e.g. \"tuesday afternoon\"");
            }
            return timed(a, *t.time, true, t.time_first);
        }
        const bool current = span->relative && span->offset == 0 &&
                             span->kind != SpanKind::weekend &&
                             (span->said_this || portion == Portion::end_of);
        auto [a, b] = resolve_span(*span, portion);
        if (t.portion_to != Portion::none) {
            b = resolve_span(*span, t.portion_to).second; // mid to late next week
        }
        if (!future()) {
            // looking back: since the period began (its first day), or its working days
            if (!current && span->kind != SpanKind::weekend && span->kind != SpanKind::day_range) {
                b = m_cal.last_workday(a, b).value_or(b); // from the period's first calendar day
            }
            r.first = a;
            r.last = b;
            const Window w = work_window(a, b);
            r.earliest = w.earliest;
            r.latest = current ? std::min(w.latest, m_now) : w.latest;
            return r;
        }
        if (span->kind == SpanKind::weekend) {
            // the weekend is taken literally
        } else if (span->kind == SpanKind::day_range && !m_cal.first_workday(a, b)) {
            // "saturday to sunday": days named outright, although none is a working day
        } else {
            const auto [said_a, said_b] = std::pair{a, b};
            std::tie(a, b) = working_days(a, b, span->text);
            if (span->kind == SpanKind::day_range && (a != said_a || b != said_b)) {
                note(fmt::format("{} – {} has working days {} – {} only", label(said_a),
                                 label(said_b), label(a), label(b)));
            }
        }
        const bool narrowed = portion != Portion::none && portion != Portion::end_of;
        const bool rolls_over = span->kind == SpanKind::week || span->kind == SpanKind::month;
        if (current && rolls_over && boundary(b, m_s.day.end_minute) <= m_now) {
            SpanSpec next = *span;
            next.offset = 1;
            std::tie(a, b) = resolve_span(next, portion);
            std::tie(a, b) = working_days(a, b, span->text);
            const std::string until =
                fmt::format("until {} {}", label(b), hhmm(m_s.day.end_minute));
            if (narrowed) {
                note(fmt::format("{} is over; taking {} – {}", quoted(t.text), label(a), label(b)));
            } else
                switch (span->kind) {
                case SpanKind::week:
                    note(fmt::format("the working week is over; taking next week's ({})", until));
                    break;
                case SpanKind::month:
                    note(fmt::format("this month's working days are over; taking next month's ({})",
                                     until));
                    break;
                default:
                    note(fmt::format("this {}'s working days are over; taking the next ({})",
                                     span->kind == SpanKind::quarter ? "quarter" : "year", until));
                    break;
                }
        }
        r.first = a;
        r.last = b;
        const Window w = work_window(a, b);
        r.earliest = w.earliest;
        r.latest = w.latest;
        if (span->kind == SpanKind::weekend) {
            r.by = boundary(m_cal.workday_before(a), m_s.day.end_minute); // by the weekend
        }
        r.deadline = portion == Portion::end_of || (current && !narrowed);
        if (r.deadline) {
            r.earliest = m_now;
        }
        return r;
    }
    const TimeSpec& tm = *t.time;
    const bool rolls = tm.kind == TimeKind::clock || tm.kind == TimeKind::around ||
                       tm.kind == TimeKind::clock_range || tm.kind == TimeKind::after ||
                       tm.kind == TimeKind::before || tm.kind == TimeKind::by;
    if (!rolls || tm.today) {
        return timed(default_day(tm), tm, false, true);
    }
    // A time alone is today's; once it has passed, tomorrow's (looking back, yesterday's once it
    // has not come yet).
    const std::vector<std::string> saved = m_notices;
    Reading today = timed(m_today, tm, false, true);
    const bool passed = tm.kind == TimeKind::clock ? today.earliest < m_now : today.latest <= m_now;
    const bool not_yet = today.earliest > m_now;
    if (future() ? !passed : !not_yet) {
        return today;
    }
    m_notices = saved;
    const local_days d = m_today + days{future() ? 1 : -1};
    Reading other = timed(d, tm, false, true);
    std::string what;
    if (tm.kind == TimeKind::clock && !tm.from.offset) {
        const auto local = m_zone.to_local(today.earliest);
        what = hhmm((date::floor<minutes>(local) - date::floor<days>(local)).count());
    } else {
        what = tm.kind == TimeKind::clock ? tm.from.text : quoted(tm.text);
    }
    note(fmt::format("{} {} today; taking {}", what, future() ? "has passed" : "has not come yet",
                     label(d)));
    return other;
}

Window Evaluator::with_mode(Mode mode, const Reading& r)
{
    if (mode != Mode::plain && r.range) {
        throw usage_error(fmt::format("{}: a range of hours has no single edge", quoted(m_text)),
                          "say e.g. \"by 4\" or \"tomorrow 2-4\"");
    }
    switch (mode) {
    case Mode::plain:
        return {r.earliest, r.latest, {}};
    case Mode::by:
        return {m_now, r.by ? *r.by : r.appointment ? r.earliest : r.latest, {}};
    case Mode::before: {
        if (r.deadline) {
            return {m_now, r.latest, {}}; // before eod, before the end of the month
        }
        if (r.timed) {
            return {m_now, r.earliest, {}};
        }
        const local_days end = m_cal.workday_before(r.first);
        return {m_now, boundary(end, m_s.day.end_minute), {}};
    }
    case Mode::after:
    case Mode::from: {
        if (r.timed && r.day_and_time) {
            throw usage_error(
                fmt::format("{} is ambiguous: after the day, or after the time on it?",
                            quoted(m_text)),
                "say e.g. \"after 3pm on friday\" or \"after friday\"");
        }
        if (r.timed) {
            const local_days d = r.first;
            const Instant from = mode == Mode::after && !r.appointment ? r.latest : r.earliest;
            const Instant day_end = boundary(d, m_s.day.end_minute);
            return {from, from < day_end ? day_end : boundary(d, m_s.evening.end_minute), {}};
        }
        local_days first = mode == Mode::after ? m_cal.next_workday_after(r.last)
                                               : m_cal.workday_on_or_after(r.first);
        const local_days last = m_cal.add_workdays(first, 2);
        note(fmt::format("{} read as the three working days {} it ({} – {})", quoted(m_text),
                         mode == Mode::after ? "after" : "from", label(first), label(last)));
        return work_window(first, last);
    }
    }
    return {r.earliest, r.latest, {}};
}

Window Evaluator::run(const Phrase& p)
{
    Window w;
    m_deadline_context =
        p.mode == Mode::by || (p.target.time && (p.target.time->kind == TimeKind::end_of_day ||
                                                 p.target.time->kind == TimeKind::by));
    const bool looks_ahead =
        p.mode == Mode::by || p.mode == Mode::before ||
        (p.special != Special::none && p.special != Special::now && p.special != Special::ago &&
         p.special != Special::elapsed && p.special != Special::past);
    if (!future() && looks_ahead) {
        throw usage_error(
            fmt::format("{} looks ahead; give a moment that has happened", quoted(m_text)),
            "e.g. \"yesterday 3pm\", \"2 hours ago\" or \"last friday\"");
    }
    bool deadline = false;
    if (p.special != Special::none) {
        w = special(p);
    } else {
        const Reading first = target(p.target);
        deadline = first.deadline;
        w = with_mode(p.mode, first);
        if (p.alternative) {
            Reading second = target(*p.alternative);
            if (second.earliest < first.earliest && p.alternative->day &&
                p.alternative->day->kind == DayKind::weekday) {
                Target later = *p.alternative; // "friday or monday": the monday after that friday
                later.day->shift_days += 7 * ((first.earliest - second.earliest) / days{7} + 1);
                second = target(later);
                if (second.first - first.last > days{4}) {
                    throw usage_error(fmt::format("in {}, the second choice comes before the first",
                                                  quoted(m_text)),
                                      "name them in order, e.g. \"monday or tuesday\"");
                }
            }
            if (second.earliest < first.earliest || second.earliest - first.earliest > days{7}) {
                throw usage_error(
                    fmt::format("in {}, the second choice must follow the first within a week",
                                quoted(m_text)),
                    "say e.g. \"monday or tuesday\"");
            }
            const Window w2 = with_mode(p.mode, second); // before tuesday or wednesday
            w.earliest = std::min(w.earliest, w2.earliest);
            w.latest = std::max(w.latest, w2.latest);
        }
    }
    if (future()) {
        if (p.special == Special::ago || w.latest <= m_now) {
            std::string hint;
            const bool today =
                p.target.day && p.target.day->kind == DayKind::today && !p.target.time;
            const bool eod =
                p.target.time && p.target.time->kind == TimeKind::end_of_day && !p.target.day;
            if (today || eod || p.special == Special::later_today) {
                hint = fmt::format("the working day ended at {}; try \"tomorrow\"",
                                   hhmm(m_s.day.end_minute));
            }
            throw usage_error(fmt::format("{} is already over", quoted(m_text)), hint);
        }
        w.earliest = std::max(w.earliest, m_now);
        if (w.earliest - m_now > days{3660 + 3}) {
            throw usage_error(fmt::format("{} is too far away", quoted(m_text)),
                              "promise something within the next ten years");
        }
    } else if (deadline && w.latest > m_now) {
        throw usage_error(fmt::format("{} is in the future", quoted(m_text)),
                          "give a time that has already happened, e.g. \"2 hours ago\"");
    } else if (deadline) {
        w.earliest = w.latest; // looking back, "yesterday eod" is the moment the day ended
    } else if (w.earliest > m_now) {
        throw usage_error(fmt::format("{} is in the future", quoted(m_text)),
                          "give a time that has already happened, e.g. \"2 hours ago\"");
    }
    if (w.latest <= w.earliest) {
        w.latest = w.earliest + seconds{1};
    }
    for (std::size_t i = 0; i < m_notices.size(); ++i) { // "monday or tuesday at 2": once
        if (std::find(m_notices.begin(), m_notices.begin() + static_cast<std::ptrdiff_t>(i),
                      m_notices[i]) == m_notices.begin() + static_cast<std::ptrdiff_t>(i)) {
            w.notices.push_back(m_notices[i]);
        }
    }
    return w;
}

} // namespace fu::when
