// src/when/phrase.hpp — the structure of a time phrase, as the parser finds it.
//
// A phrase is a Target (a day or a span of days, a time of day, a portion such as "early") wrapped
// by a Mode ("by", "before", "after", "from") and an optional alternative ("monday or tuesday"),
// read on an optional zone ("pacific", "my time"). A few phrases stand alone (Special): "now",
// "within 2 hours", "in a day or so", "later this week". The evaluator gives each its meaning.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "when/lexicon.hpp"

namespace fu::when {

using Unit = lexicon::UnitWord;
using Part = lexicon::PartWord;

// Minutes and hours are elapsed time; the other units are calendar days.
inline bool elapsed_unit(Unit u)
{
    return u == Unit::minute || u == Unit::hour;
}

// A number of units: "2 days", "2-3 days", "a day or so", "2d", "PT1H30M".
struct Quantity {
    long long lo = 1;
    long long hi = 1;
    bool range = false;
    bool or_so = false;
    bool compact = false;
    Unit unit = Unit::day;
    std::string text;
};

// The am/pm written after a clock time, if any.
enum class Meridiem { none, am, pm };

// A clock time as written: "4", "4pm", "15:30", "noon", "half four", "03:30 +01:00".
struct Clock {
    long long hour = 0;
    long long minute = 0;
    long long second = 0;
    Meridiem meridiem = Meridiem::none;
    bool has_minutes = false;
    bool zero_padded = false;
    bool literal = false; // ISO: a 24-hour clock, no am/pm reading
    bool named = false;   // noon, midday, midnight
    bool oclock = false;  // "4 o'clock"
    bool idiom = false;   // "half four", "quarter to 3": the hour is read by the rule
    bool said_at = false; // "at 4"
    std::optional<std::chrono::seconds> offset;
    std::string text;
};

// How a day is named; DaySpec holds the details each kind needs.
enum class DayKind {
    today,
    tomorrow,
    after_tomorrow,
    yesterday,
    weekday,           // friday: the next one strictly after today
    this_weekday,      // this friday
    next_weekday,      // next friday (refused when ambiguous)
    last_weekday,      // last friday
    weekday_this_week, // friday this week
    weekday_next_week, // friday next week
    nth,               // the 15th
    month_day,         // dec 15 [2027]
    iso,               // 2026-12-01
    relative,          // in 3 days
    ago,               // 3 days ago
    named,             // christmas, thanksgiving
    nth_weekday,       // first monday of next month
    nth_of_month,      // the first of next month, the 15th of the month
    earlier_today,     // looking back only
    next_workday,      // next business day
};

// Which month "of"/"in" refers to: "of next month", "in july", "of the month".
struct MonthRef {
    bool named = false;
    long long month = 0;  // when named
    long long year = 0;   // when named; 0 = the next such month not yet over
    long long offset = 0; // when not named: 0 this month, 1 next month
};

// One day, as written.
struct DaySpec {
    DayKind kind = DayKind::today;
    unsigned weekday = 0;
    long long day = 0;
    long long month = 0;
    long long year = 0; // 0 = not given
    std::optional<unsigned> check_weekday;
    Quantity quantity;
    std::string name;  // named days
    long long nth = 0; // nth_weekday: 1-5, or 0 for "last"
    enum class Counted { weekday, workday, day };
    Counted counted =
        Counted::weekday; // nth_weekday: "first monday", "last business day", "last day"
    MonthRef of;
    long long shift_days = 0; // "tuesday week", "a week from friday"
    std::string text;
};

// How a run of days is named.
enum class SpanKind {
    week, // this week, next week, week after next
    weekend,
    month,          // next month, july, july 2027
    quarter,        // next quarter, q3
    year,           // next year, 2027
    day_range,      // june 22-24, monday to wednesday
    quantity_range, // in 2-3 days
    week_of,        // week of june 22, the week after thanksgiving
};

// early / mid / late of a day, a part of a day, or a period; end_of makes a deadline.
enum class Portion { none, early, mid, late, end_of };

// A run of days: a calendar period or a range of days.
struct SpanSpec {
    SpanKind kind = SpanKind::week;
    long long offset = 0;        // relative periods: -1 last, 0 this, 1 next, 2 after next
    bool relative = true;        // false when named: july, q3, 2027
    bool said_this = false;      // "this week": a deadline that rolls over when its days are over
    long long number = 0;        // month 1-12, quarter 1-4 when named
    long long year = 0;          // when named; 0 = the next one not yet over, -1 = next year
    long long week_of_month = 0; // "first week of july" 1 … 5, "last week of july" -1
    std::optional<DaySpec> from;
    std::optional<DaySpec> to;
    long long shift_weeks = 0;       // week_of: "the week after DAY" is 1
    Portion implied = Portion::none; // midweek (mid), in the new year (early)
    Quantity quantity;
    std::string text;
};

// How a time of day is named.
enum class TimeKind {
    part,        // afternoon, lunchtime, friday am
    clock,       // 3pm: an appointment
    clock_range, // 2-4, between 1 and 3
    around,      // around 3, 3ish
    after,       // after 2, after lunch
    before,      // before 11, before lunch (within a day: from its start)
    by,          // by 3 (a deadline)
    first_thing, // first thing
    end_of_day,  // eod, cob
    same_time,   // this time, same time
};

// A time of day.
struct TimeSpec {
    TimeKind kind = TimeKind::part;
    std::optional<Part> part; // the part named, or the part an anchor belongs to
    Portion portion = Portion::none;
    Clock from;                  // clock, range start, around, after/before anchor
    Clock to;                    // range end
    bool anchor_is_part = false; // after lunch / before lunch
    bool today = false;          // tonight, this morning: today's, refused when over
    bool upcoming = false;       // "in the morning": the next one not yet begun, on a working day
    std::string text;
};

// A day or span, a time of day and a portion, in any order: "tomorrow late afternoon".
struct Target {
    std::optional<DaySpec> day;
    std::optional<SpanSpec> span;
    std::optional<TimeSpec> time;
    Portion portion = Portion::none;    // of the day or span
    Portion portion_to = Portion::none; // "mid to late next week": the span ends with this one
    bool time_first = false;            // "before 3pm friday" (a deadline), not "friday before 3pm"
    std::string text;
};

// What a phrase's first words make of its Target.
enum class Mode {
    plain,
    by,     // by friday, no later than, on or before, until: [now, its end)
    before, // before friday: until the end of the working day before it
    after,  // after thanksgiving: the first working days after it
    from,   // from monday, monday onwards: the first working days from it
};

// The phrases that stand alone, with no Target.
enum class Special {
    none,
    now,
    asap,
    within,     // within 2 days, in the next hour
    day_or_so,  // in a day or so
    hour_or_so, // in an hour or so
    elapsed,    // in 2 hours, in 2-3 hours
    ago,        // 2 hours ago
    over_next,  // over the next few days, next couple of weeks
    later_today,
    later_part, // later this morning / afternoon / evening
    later_week, // later this week, later in the week
    past,       // the last 7 days, the past week, in the last hour (looking back)
};

// A zone the phrase names at its end.
struct ZoneSpec {
    lexicon::ZoneWord word;
    std::string iana; // an IANA name written out ("America/Los_Angeles")
    std::string text;
};

// A whole phrase as parsed: a Special, or a Mode over a Target (and its alternative), on a zone.
struct Phrase {
    Special special = Special::none;
    Quantity quantity;
    std::optional<Part> later_part;
    Mode mode = Mode::plain;
    Target target;
    std::optional<Target> alternative;
    std::optional<ZoneSpec> zone;
};

} // namespace fu::when
