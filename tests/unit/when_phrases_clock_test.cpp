// tests/unit/when_phrases_clock_test.cpp — the phrases of issue 8 ("The new phrases") that name a
// time of day, family by family: hour ranges, approximate times, after and before a time,
// lunchtime, am/pm shorthands, number words and clock idioms, the same time on another day, and a
// trailing zone. Each is checked at several reference moments (when_test_support.hpp): the issue's
// own (Wed 17 Jun 2026 10:00, New York), a Friday evening, a weekend, a month and quarter end, both
// changes of the clocks in New York, and a second zone (Europe/Berlin, whose clocks change on other
// dates). `now`, the zone and the settings are always explicit.
#include <doctest/doctest.h>

#include <string>

#include "fu/when.hpp"
#include "when_test_support.hpp"

namespace {

using fu::Instant;
using fu::Settings;
using fu::Window;
using namespace fu::testing;
using namespace fu::testing::phrases;

} // namespace

// ---------------------------------------------------------------------------------------------
// Hour ranges: [start, end) that day; unmarked 1–7 pm, 8–11 am, 12 noon; an end not after its
// start moves 12 h on; a dash is never an offset.

TEST_CASE("when phrases: hour ranges")
{
    check_cases({
        // the examples
        {k_wed, "tomorrow 2-4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "\"2-4\" read as 14:00–16:00"},
        {k_wed, "friday 9-12", "2026-06-19T09:00-04:00", "2026-06-19T12:00-04:00",
         "read as 09:00–12:00"},
        {k_wed, "thursday between 1 and 3", "2026-06-18T13:00-04:00", "2026-06-18T15:00-04:00",
         "read as 13:00–15:00"},
        {k_wed, "tomorrow 11-1", "2026-06-18T11:00-04:00", "2026-06-18T13:00-04:00",
         "read as 11:00–13:00"},
        {k_wed, "3-5", "2026-06-17T15:00-04:00", "2026-06-17T17:00-04:00", "read as 15:00–17:00"},
        // the forms of the row
        {k_wed, "tomorrow 2 to 4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow from 2 to 4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "between 2 and 4 tomorrow", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "2-4 tomorrow", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow 2pm-4pm", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00"},
        {k_wed, "tomorrow between 2pm and 4pm", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00"},
        {k_wed, "tomorrow 10am-2pm", "2026-06-18T10:00-04:00", "2026-06-18T14:00-04:00"},
        {k_wed, "tomorrow 2-4pm", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow 2pm-4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow 11am-1", "2026-06-18T11:00-04:00", "2026-06-18T13:00-04:00",
         "read as 11:00–13:00"},
        {k_wed, "tomorrow 11-1pm", "2026-06-18T11:00-04:00", "2026-06-18T13:00-04:00",
         "read as 11:00–13:00"},
        {k_wed, "tomorrow 10-11pm", "2026-06-18T22:00-04:00", "2026-06-18T23:00-04:00",
         "read as 22:00–23:00"},
        {k_wed, "tomorrow 2-4am", "2026-06-18T02:00-04:00", "2026-06-18T04:00-04:00",
         "read as 02:00–04:00"},
        {k_wed, "tomorrow 14:00-16:00", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00"},
        {k_wed, "tomorrow 14-16", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00"},
        {k_wed, "tomorrow 2:30-4:30", "2026-06-18T14:30-04:00", "2026-06-18T16:30-04:00",
         "read as 14:30–16:30"},
        {k_wed, "tomorrow 9:30-11", "2026-06-18T09:30-04:00", "2026-06-18T11:00-04:00",
         "read as 09:30–11:00"},
        {k_wed, "tomorrow 9-5:30", "2026-06-18T09:00-04:00", "2026-06-18T17:30-04:00",
         "read as 09:00–17:30"},
        {k_wed, "tomorrow 4.30-5.30", "2026-06-18T16:30-04:00", "2026-06-18T17:30-04:00",
         "read as 16:30–17:30"},
        // the rule for unmarked hours, at its edges
        {k_wed, "tomorrow 8-9", "2026-06-18T08:00-04:00", "2026-06-18T09:00-04:00",
         "read as 08:00–09:00"},
        {k_wed, "tomorrow 7-9", "2026-06-18T19:00-04:00", "2026-06-18T21:00-04:00",
         "read as 19:00–21:00"},
        {k_wed, "friday 12-2", "2026-06-19T12:00-04:00", "2026-06-19T14:00-04:00",
         "read as 12:00–14:00"},
        {k_wed, "friday 9-5", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00",
         "read as 09:00–17:00"},
        {k_wed, "tomorrow 10-2", "2026-06-18T10:00-04:00", "2026-06-18T14:00-04:00",
         "read as 10:00–14:00"},
        // spaces, en dashes, commas, capitals, a trailing period, till/until
        {k_wed, "tomorrow 2 - 4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow 2–4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "Tomorrow, 2-4.", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow 2-4 pm", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        {k_wed, "tomorrow 2 until 4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00",
         "read as 14:00–16:00"},
        // a dash is not an offset; an offset needs ±HH:MM
        {k_wed, "tomorrow 2pm -04:00", "2026-06-18T14:00-04:00", "2026-06-18T14:15-04:00"},
        // a trailing zone: read on that zone's clock, echoed in both clocks
        {k_wed, "tomorrow 2-4 pacific", "2026-06-18T17:00-04:00", "2026-06-18T19:00-04:00",
         "(17:00–19:00 your time)"},
        {k_wed, "TOMORROW 2-4 PT", "2026-06-18T17:00-04:00", "2026-06-18T19:00-04:00",
         "America/Los_Angeles"},
        // a Friday evening: today's range is over, so tomorrow's (Saturday, literal)
        {k_fri_evening, "tomorrow 2-4", "2026-06-20T14:00-04:00", "2026-06-20T16:00-04:00",
         "read as 14:00–16:00"},
        {k_fri_evening, "3-5", "2026-06-20T15:00-04:00", "2026-06-20T17:00-04:00",
         "has passed today; taking sat 20 jun"},
        {k_fri_evening, "monday 2-4", "2026-06-22T14:00-04:00", "2026-06-22T16:00-04:00",
         "read as 14:00–16:00"},
        // a weekend
        {k_sat, "3-5", "2026-06-20T15:00-04:00", "2026-06-20T17:00-04:00", "read as 15:00–17:00"},
        {k_sat, "tomorrow 2-4", "2026-06-21T14:00-04:00", "2026-06-21T16:00-04:00",
         "read as 14:00–16:00"},
        // the last working hour of the quarter: a running range starts now
        {k_quarter_end, "3-5", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00",
         "read as 15:00–17:00"},
        {k_quarter_end, "tomorrow 2-4", "2026-07-01T14:00-04:00", "2026-07-01T16:00-04:00",
         "read as 14:00–16:00"},
        // both changes of the clocks: the ends are local clock times, the length is elapsed
        {k_spring_sat, "tomorrow 2-4", "2026-03-08T14:00-04:00", "2026-03-08T16:00-04:00",
         "read as 14:00–16:00"},
        {k_spring_sat, "tomorrow 1am-3am", "2026-03-08T01:00-05:00", "2026-03-08T03:00-04:00"},
        {k_spring_sun, "tomorrow 2-4", "2026-03-09T14:00-04:00", "2026-03-09T16:00-04:00",
         "read as 14:00–16:00"},
        {k_fall_sat, "tomorrow 2-4", "2026-11-01T14:00-05:00", "2026-11-01T16:00-05:00",
         "read as 14:00–16:00"},
        {k_fall_sat, "tomorrow 1am-3am", "2026-11-01T01:00-04:00", "2026-11-01T03:00-05:00",
         "01:00 occurs twice on sun 1 nov"},
        {k_fall_sun, "tomorrow 1am-3am", "2026-11-02T01:00-05:00", "2026-11-02T03:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_wed, "tomorrow 2-4", "2026-06-18T14:00+02:00", "2026-06-18T16:00+02:00",
             "read as 14:00–16:00"},
            {k_berlin_spring, "tomorrow 1am-3am", "2026-03-29T01:00+01:00",
             "2026-03-29T03:00+02:00"},
            {k_berlin_fall, "tomorrow 2-4", "2026-10-25T14:00+01:00", "2026-10-25T16:00+01:00",
             "read as 14:00–16:00"},
            // New York's clock read from Berlin: 14:00 EDT is 20:00 CEST, 19:00 CET on 25 Oct
            {k_berlin_wed, "tomorrow 2-4 eastern", "2026-06-18T20:00+02:00",
             "2026-06-18T22:00+02:00", "(20:00–22:00 your time)"},
            {k_berlin_fall, "tomorrow 2-4 eastern", "2026-10-25T19:00+01:00",
             "2026-10-25T21:00+01:00", "(19:00–21:00 your time)"},
        },
        k_berlin);
}

TEST_CASE("when phrases: hour ranges that are refused")
{
    std::string hint;
    CHECK(rejection(k_wed, k_ny, "tomorrow 4-2", {}, &hint) == "\"4-2\" ends before it starts");
    CHECK(contains(hint, "put the earlier time first"));
    check_rejections({
        {k_wed, "tomorrow 4pm-2pm", "ends before it starts"},
        {k_wed, "tomorrow 10pm-2am", "ends before it starts"},
        {k_wed, "tomorrow 2-2", "starts and ends at the same hour"},
        {k_wed, "tomorrow 3 to 2", "ends before it starts"},
        {k_wed, "tomorrow between 4 and 2", "ends before it starts"},
        {k_wed, "tomorrow 2-04:00", "ends before it starts"},
        {k_wed, "tomorrow 2-4 EST", "zone abbreviation"},
        {k_wed, "tomorrow 2-4 please", "unexpected \"please\" after \"tomorrow 2-4\""},
        {k_wed, "tomorrow 2--4", "unexpected"},
        {k_wed, "tomorrow 2-", "unexpected"},
        {k_wed, "tomorrow 2-4-6", "two-digit year"},
        {k_wed, "yesterday 2-4", "already over"},
        {k_spring_sat, "tomorrow 2:30am", "does not exist in America/New_York"},
    });
}

// ---------------------------------------------------------------------------------------------
// Approximate times: [T−30 min, T+30 min).

TEST_CASE("when phrases: approximate times")
{
    check_cases({
        {k_wed, "around 3", "2026-06-17T14:30-04:00", "2026-06-17T15:30-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "about 3", "2026-06-17T14:30-04:00", "2026-06-17T15:30-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "3ish", "2026-06-17T14:30-04:00", "2026-06-17T15:30-04:00", "\"3\" read as 15:00"},
        {k_wed, "at around 3", "2026-06-17T14:30-04:00", "2026-06-17T15:30-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "around 3pm", "2026-06-17T14:30-04:00", "2026-06-17T15:30-04:00"},
        {k_wed, "noonish", "2026-06-17T11:30-04:00", "2026-06-17T12:30-04:00"},
        {k_wed, "around noon", "2026-06-17T11:30-04:00", "2026-06-17T12:30-04:00"},
        {k_wed, "friday around noon", "2026-06-19T11:30-04:00", "2026-06-19T12:30-04:00"},
        {k_wed, "friday at around 2", "2026-06-19T13:30-04:00", "2026-06-19T14:30-04:00",
         "\"2\" read as 14:00"},
        {k_wed, "around 3:30", "2026-06-17T15:00-04:00", "2026-06-17T16:00-04:00",
         "\"3:30\" read as 15:30"},
        {k_wed, "around 4.30", "2026-06-17T16:00-04:00", "2026-06-17T17:00-04:00",
         "\"4.30\" read as 16:30"},
        {k_wed, "tomorrow around 3", "2026-06-18T14:30-04:00", "2026-06-18T15:30-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "around 3 tomorrow", "2026-06-18T14:30-04:00", "2026-06-18T15:30-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "4ish tomorrow", "2026-06-18T15:30-04:00", "2026-06-18T16:30-04:00",
         "\"4\" read as 16:00"},
        {k_wed, "tonight around 8", "2026-06-17T19:30-04:00", "2026-06-17T20:30-04:00",
         "\"8\" read as 20:00"},
        {k_wed, "tomorrow morning around 10", "2026-06-18T09:30-04:00", "2026-06-18T10:30-04:00",
         "\"10\" read as 10:00"},
        // a running window starts now; one that is over moves to tomorrow, with a notice
        {k_wed, "around 10", "2026-06-17T10:00-04:00", "2026-06-17T10:30-04:00",
         "\"10\" read as 10:00"},
        {k_wed, "around 9", "2026-06-18T08:30-04:00", "2026-06-18T09:30-04:00",
         "has passed today; taking thu 18 jun"},
        {k_wed, "around 3 pacific", "2026-06-17T17:30-04:00", "2026-06-17T18:30-04:00",
         "\"3\" read as 15:00 (18:00 your time)"},
        {k_fri_evening, "around 3", "2026-06-20T14:30-04:00", "2026-06-20T15:30-04:00",
         "has passed today; taking sat 20 jun"},
        {k_sat, "around 3", "2026-06-20T14:30-04:00", "2026-06-20T15:30-04:00",
         "\"3\" read as 15:00"},
        {k_quarter_end, "around 3", "2026-07-01T14:30-04:00", "2026-07-01T15:30-04:00",
         "has passed today; taking wed 1 jul"},
        // around 3am on the night the clocks skip 02:00–03:00: one elapsed hour
        {k_spring_sat, "tomorrow around 3am", "2026-03-08T01:30-05:00", "2026-03-08T03:30-04:00"},
        {k_fall_sat, "tomorrow around 2am", "2026-11-01T01:30-05:00", "2026-11-01T02:30-05:00"},
    });
    check_cases(
        {
            {k_berlin_wed, "around 3", "2026-06-17T14:30+02:00", "2026-06-17T15:30+02:00",
             "\"3\" read as 15:00"},
            {k_berlin_spring, "around 3", "2026-03-28T14:30+01:00", "2026-03-28T15:30+01:00",
             "\"3\" read as 15:00"},
        },
        k_berlin);
    check_rejections({
        {k_spring_sat, "tomorrow around 2am", "does not exist in America/New_York"},
    });
}

// ---------------------------------------------------------------------------------------------
// after T / after lunch: from T to the end of the working day (the evening's, if T is later).

TEST_CASE("when phrases: after a time")
{
    check_cases({
        {k_wed, "after 2 tomorrow", "2026-06-18T14:00-04:00", "2026-06-18T17:00-04:00",
         "\"2\" read as 14:00"},
        {k_wed, "tomorrow after 2", "2026-06-18T14:00-04:00", "2026-06-18T17:00-04:00",
         "\"2\" read as 14:00"},
        {k_wed, "after 2pm tomorrow", "2026-06-18T14:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "after 2 on friday", "2026-06-19T14:00-04:00", "2026-06-19T17:00-04:00",
         "\"2\" read as 14:00"},
        {k_wed, "after lunch", "2026-06-17T14:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "after lunch tomorrow", "2026-06-18T14:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "tomorrow after lunch", "2026-06-18T14:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "friday after lunch", "2026-06-19T14:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "after 3", "2026-06-17T15:00-04:00", "2026-06-17T17:00-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "after 4:30", "2026-06-17T16:30-04:00", "2026-06-17T17:00-04:00",
         "\"4:30\" read as 16:30"},
        {k_wed, "after noon", "2026-06-17T12:00-04:00", "2026-06-17T17:00-04:00"},
        // after the working day: to the evening's end
        {k_wed, "after 5", "2026-06-17T17:00-04:00", "2026-06-17T21:00-04:00",
         "\"5\" read as 17:00"},
        {k_wed, "after 6 tomorrow", "2026-06-18T18:00-04:00", "2026-06-18T21:00-04:00",
         "\"6\" read as 18:00"},
        {k_wed, "after 7pm tomorrow", "2026-06-18T19:00-04:00", "2026-06-18T21:00-04:00"},
        {k_wed, "tomorrow evening after 7", "2026-06-18T19:00-04:00", "2026-06-18T21:00-04:00",
         "\"7\" read as 19:00"},
        // already running: starts now
        {k_wed, "after 9", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00",
         "\"9\" read as 09:00"},
        {k_wed, "after lunch pacific", "2026-06-17T17:00-04:00", "2026-06-17T20:00-04:00",
         "America/Los_Angeles"},
        {k_fri_evening, "after lunch", "2026-06-20T14:00-04:00", "2026-06-20T17:00-04:00",
         "has passed today; taking sat 20 jun"},
        {k_fri_evening, "after 2 tomorrow", "2026-06-20T14:00-04:00", "2026-06-20T17:00-04:00",
         "\"2\" read as 14:00"},
        {k_sat, "after lunch", "2026-06-20T14:00-04:00", "2026-06-20T17:00-04:00"},
        {k_quarter_end, "after lunch", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_spring_sat, "tomorrow after 2", "2026-03-08T14:00-04:00", "2026-03-08T17:00-04:00",
         "\"2\" read as 14:00"},
        {k_fall_sat, "tomorrow after 2", "2026-11-01T14:00-05:00", "2026-11-01T17:00-05:00",
         "\"2\" read as 14:00"},
    });
    check_cases(
        {
            {k_berlin_fall, "after lunch", "2026-10-24T14:00+02:00", "2026-10-24T17:00+02:00"},
            {k_berlin_fall, "tomorrow after 2", "2026-10-25T14:00+01:00", "2026-10-25T17:00+01:00",
             "\"2\" read as 14:00"},
        },
        k_berlin);
    check_rejections({
        {k_wed, "after 9pm", "nothing of the day is left"},
        {k_wed, "after 10pm tomorrow", "nothing of the day is left"},
        {k_wed, "after lunch please", "unexpected \"please\" after \"after lunch\""},
    });
}

// ---------------------------------------------------------------------------------------------
// before T, by T, before lunch, no later than X, on or before X, before DAY, DAY before T.

TEST_CASE("when phrases: before a time or a day")
{
    check_cases({
        // the examples
        {k_wed, "before friday", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "tomorrow before 11", "2026-06-18T09:00-04:00", "2026-06-18T11:00-04:00",
         "\"11\" read as 11:00"},
        // variants
        {k_wed, "Before Fri.", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "before thursday", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "before monday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "before tomorrow", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "before next week", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "before july", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "before 3", "2026-06-17T10:00-04:00", "2026-06-17T15:00-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "by 3", "2026-06-17T10:00-04:00", "2026-06-17T15:00-04:00", "\"3\" read as 15:00"},
        {k_wed, "before noon", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "before lunch", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "tomorrow before lunch", "2026-06-18T09:00-04:00", "2026-06-18T12:00-04:00"},
        {k_wed, "friday before 3", "2026-06-19T09:00-04:00", "2026-06-19T15:00-04:00",
         "\"3\" read as 15:00"},
        {k_wed, "friday before noon", "2026-06-19T09:00-04:00", "2026-06-19T12:00-04:00"},
        {k_wed, "before friday 3pm", "2026-06-17T10:00-04:00", "2026-06-19T15:00-04:00"},
        {k_wed, "by next week", "2026-06-17T10:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "no later than friday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "not later than friday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "no later than 3pm", "2026-06-17T10:00-04:00", "2026-06-17T15:00-04:00"},
        {k_wed, "no later than tomorrow", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "no later than eod", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "on or before friday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "on or before june 30", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "before 9", "2026-06-17T10:00-04:00", "2026-06-18T09:00-04:00",
         "has passed today; taking thu 18 jun"},
        // on a Friday evening "friday" is next week's
        {k_fri_evening, "before friday", "2026-06-19T18:30-04:00", "2026-06-25T17:00-04:00",
         "friday is today; taking fri 26 jun"},
        {k_fri_evening, "tomorrow before 11", "2026-06-20T09:00-04:00", "2026-06-20T11:00-04:00",
         "\"11\" read as 11:00"},
        {k_sat, "before friday", "2026-06-20T11:00-04:00", "2026-06-25T17:00-04:00"},
        {k_quarter_end, "before friday", "2026-06-30T16:00-04:00", "2026-07-02T17:00-04:00"},
        {k_quarter_end, "before monday", "2026-06-30T16:00-04:00", "2026-07-03T17:00-04:00"},
        {k_spring_sat, "tomorrow before 11", "2026-03-08T09:00-04:00", "2026-03-08T11:00-04:00",
         "\"11\" read as 11:00"},
        {k_fall_sat, "tomorrow before 11", "2026-11-01T09:00-05:00", "2026-11-01T11:00-05:00",
         "\"11\" read as 11:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "before friday", "2026-03-28T10:00+01:00", "2026-04-02T17:00+02:00"},
            {k_berlin_fall, "before friday", "2026-10-24T10:00+02:00", "2026-10-29T17:00+01:00"},
        },
        k_berlin);
    check_rejections({
        {k_wed, "tomorrow before 9", "leaves nothing of the working day"},
        {k_fri_evening, "before monday", "already over"},
        {k_sat, "before monday", "already over"},
        {k_wed, "before friday please", "unexpected \"please\" after \"before friday\""},
    });
}

// ---------------------------------------------------------------------------------------------
// lunchtime, over lunch, at lunch: the lunch window.

TEST_CASE("when phrases: lunchtime")
{
    check_cases({
        {k_wed, "lunchtime tomorrow", "2026-06-18T12:00-04:00", "2026-06-18T14:00-04:00"},
        {k_wed, "lunchtime", "2026-06-17T12:00-04:00", "2026-06-17T14:00-04:00"},
        {k_wed, "over lunch", "2026-06-17T12:00-04:00", "2026-06-17T14:00-04:00"},
        {k_wed, "at lunch", "2026-06-17T12:00-04:00", "2026-06-17T14:00-04:00"},
        {k_wed, "at lunchtime", "2026-06-17T12:00-04:00", "2026-06-17T14:00-04:00"},
        {k_wed, "tomorrow over lunch", "2026-06-18T12:00-04:00", "2026-06-18T14:00-04:00"},
        {k_wed, "friday at lunchtime", "2026-06-19T12:00-04:00", "2026-06-19T14:00-04:00"},
        {k_wed, "lunchtime pacific", "2026-06-17T15:00-04:00", "2026-06-17T17:00-04:00",
         "America/Los_Angeles"},
        {k_fri_evening, "lunchtime", "2026-06-20T12:00-04:00", "2026-06-20T14:00-04:00",
         "taking sat 20 jun"},
        {k_fri_evening, "lunchtime tomorrow", "2026-06-20T12:00-04:00", "2026-06-20T14:00-04:00"},
        {k_sat, "lunchtime", "2026-06-20T12:00-04:00", "2026-06-20T14:00-04:00"},
        {k_quarter_end, "lunchtime", "2026-07-01T12:00-04:00", "2026-07-01T14:00-04:00",
         "taking wed 1 jul"},
        {k_spring_sat, "tomorrow lunchtime", "2026-03-08T12:00-04:00", "2026-03-08T14:00-04:00"},
        {k_fall_sat, "tomorrow lunchtime", "2026-11-01T12:00-05:00", "2026-11-01T14:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_fall, "lunchtime tomorrow", "2026-10-25T12:00+01:00",
             "2026-10-25T14:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// am/pm shorthands: the morning / the afternoon.

TEST_CASE("when phrases: am and pm shorthands")
{
    check_cases({
        {k_wed, "friday am", "2026-06-19T09:00-04:00", "2026-06-19T12:00-04:00"},
        {k_wed, "fri pm", "2026-06-19T12:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "tomorrow a.m.", "2026-06-18T09:00-04:00", "2026-06-18T12:00-04:00"},
        {k_wed, "tomorrow p.m.", "2026-06-18T12:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "tomorrow AM", "2026-06-18T09:00-04:00", "2026-06-18T12:00-04:00"},
        {k_wed, "monday a.m.", "2026-06-22T09:00-04:00", "2026-06-22T12:00-04:00"},
        {k_wed, "tomorrow am pacific", "2026-06-18T12:00-04:00", "2026-06-18T15:00-04:00",
         "America/Los_Angeles"},
        {k_fri_evening, "fri pm", "2026-06-26T12:00-04:00", "2026-06-26T17:00-04:00",
         "friday is today; taking fri 26 jun"},
        {k_sat, "monday am", "2026-06-22T09:00-04:00", "2026-06-22T12:00-04:00"},
        {k_quarter_end, "fri pm", "2026-07-03T12:00-04:00", "2026-07-03T17:00-04:00"},
        {k_spring_sat, "tomorrow am", "2026-03-08T09:00-04:00", "2026-03-08T12:00-04:00"},
        {k_fall_sat, "tomorrow am", "2026-11-01T09:00-05:00", "2026-11-01T12:00-05:00"},
    });
}

// ---------------------------------------------------------------------------------------------
// Number words and clock idioms.

TEST_CASE("when phrases: number words and clock idioms")
{
    check_cases({
        {k_wed, "tomorrow half four", "2026-06-18T16:30-04:00", "2026-06-18T16:45-04:00",
         "\"half four\" read as 16:30"},
        {k_wed, "tomorrow at half four", "2026-06-18T16:30-04:00", "2026-06-18T16:45-04:00",
         "\"half four\" read as 16:30"},
        {k_wed, "half past four tomorrow", "2026-06-18T16:30-04:00", "2026-06-18T16:45-04:00",
         "\"half past four\" read as 16:30"},
        {k_wed, "at one", "2026-06-17T13:00-04:00", "2026-06-17T13:15-04:00",
         "\"one\" read as 13:00"},
        {k_wed, "at three", "2026-06-17T15:00-04:00", "2026-06-17T15:15-04:00",
         "\"three\" read as 15:00"},
        {k_wed, "tomorrow at two", "2026-06-18T14:00-04:00", "2026-06-18T14:15-04:00",
         "\"two\" read as 14:00"},
        {k_wed, "two pm", "2026-06-17T14:00-04:00", "2026-06-17T14:15-04:00"},
        {k_wed, "eleven am", "2026-06-17T11:00-04:00", "2026-06-17T11:15-04:00"},
        {k_wed, "one pm tomorrow", "2026-06-18T13:00-04:00", "2026-06-18T13:15-04:00"},
        {k_wed, "one o'clock", "2026-06-17T13:00-04:00", "2026-06-17T13:15-04:00",
         "\"one o'clock\" read as 13:00"},
        {k_wed, "three o'clock", "2026-06-17T15:00-04:00", "2026-06-17T15:15-04:00",
         "\"three o'clock\" read as 15:00"},
        {k_wed, "twelve o'clock", "2026-06-17T12:00-04:00", "2026-06-17T12:15-04:00",
         "\"twelve o'clock\" read as 12:00"},
        {k_wed, "half four", "2026-06-17T16:30-04:00", "2026-06-17T16:45-04:00",
         "\"half four\" read as 16:30"},
        {k_wed, "half eleven", "2026-06-17T11:30-04:00", "2026-06-17T11:45-04:00",
         "\"half eleven\" read as 11:30"},
        {k_wed, "half past 2", "2026-06-17T14:30-04:00", "2026-06-17T14:45-04:00",
         "\"half past 2\" read as 14:30"},
        {k_wed, "half past twelve", "2026-06-17T12:30-04:00", "2026-06-17T12:45-04:00",
         "\"half past twelve\" read as 12:30"},
        {k_wed, "quarter past 2", "2026-06-17T14:15-04:00", "2026-06-17T14:30-04:00",
         "\"quarter past 2\" read as 14:15"},
        {k_wed, "a quarter past 2", "2026-06-17T14:15-04:00", "2026-06-17T14:30-04:00",
         "read as 14:15"},
        {k_wed, "quarter past two", "2026-06-17T14:15-04:00", "2026-06-17T14:30-04:00",
         "read as 14:15"},
        {k_wed, "quarter to 3", "2026-06-17T14:45-04:00", "2026-06-17T15:00-04:00",
         "\"quarter to 3\" read as 14:45"},
        {k_wed, "a quarter to 3", "2026-06-17T14:45-04:00", "2026-06-17T15:00-04:00",
         "read as 14:45"},
        {k_wed, "tomorrow at quarter to 3", "2026-06-18T14:45-04:00", "2026-06-18T15:00-04:00",
         "read as 14:45"},
        {k_wed, "quarter to twelve", "2026-06-17T11:45-04:00", "2026-06-17T12:00-04:00",
         "read as 11:45"},
        {k_wed, "quarter to one", "2026-06-17T12:45-04:00", "2026-06-17T13:00-04:00",
         "read as 12:45"},
        {k_wed, "twenty past 2", "2026-06-17T14:20-04:00", "2026-06-17T14:35-04:00",
         "read as 14:20"},
        {k_wed, "ten past 2", "2026-06-17T14:10-04:00", "2026-06-17T14:25-04:00", "read as 14:10"},
        {k_wed, "five past 3", "2026-06-17T15:05-04:00", "2026-06-17T15:20-04:00", "read as 15:05"},
        {k_wed, "4.30", "2026-06-17T16:30-04:00", "2026-06-17T16:45-04:00",
         "\"4.30\" read as 16:30"},
        {k_wed, "tomorrow 4.30", "2026-06-18T16:30-04:00", "2026-06-18T16:45-04:00",
         "\"4.30\" read as 16:30"},
        {k_wed, "tomorrow 4.30pm", "2026-06-18T16:30-04:00", "2026-06-18T16:45-04:00"},
        {k_wed, "tomorrow 9.30am", "2026-06-18T09:30-04:00", "2026-06-18T09:45-04:00"},
        {k_wed, "friday at 1.45", "2026-06-19T13:45-04:00", "2026-06-19T14:00-04:00",
         "\"1.45\" read as 13:45"},
        {k_fri_evening, "half four", "2026-06-20T16:30-04:00", "2026-06-20T16:45-04:00",
         "16:30 has passed today; taking sat 20 jun"},
        {k_sat, "tomorrow half four", "2026-06-21T16:30-04:00", "2026-06-21T16:45-04:00",
         "read as 16:30"},
        {k_quarter_end, "half four", "2026-06-30T16:30-04:00", "2026-06-30T16:45-04:00",
         "read as 16:30"},
        {k_spring_sat, "tomorrow half four", "2026-03-08T16:30-04:00", "2026-03-08T16:45-04:00",
         "read as 16:30"},
        {k_fall_sat, "tomorrow half four", "2026-11-01T16:30-05:00", "2026-11-01T16:45-05:00",
         "read as 16:30"},
    });
    check_cases(
        {
            {k_berlin_fall, "tomorrow half four", "2026-10-25T16:30+01:00",
             "2026-10-25T16:45+01:00", "read as 16:30"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// this time tomorrow, same time tomorrow, same time next week: an appointment at now's clock time.

TEST_CASE("when phrases: the same time on another day")
{
    check_cases({
        {k_wed, "this time tomorrow", "2026-06-18T10:00-04:00", "2026-06-18T10:15-04:00"},
        {k_wed, "same time tomorrow", "2026-06-18T10:00-04:00", "2026-06-18T10:15-04:00"},
        {k_wed, "same time next week", "2026-06-24T10:00-04:00", "2026-06-24T10:15-04:00"},
        {k_wed, "this time next week", "2026-06-24T10:00-04:00", "2026-06-24T10:15-04:00"},
        {k_wed, "same time friday", "2026-06-19T10:00-04:00", "2026-06-19T10:15-04:00"},
        {k_fri_evening, "this time tomorrow", "2026-06-20T18:30-04:00", "2026-06-20T18:45-04:00"},
        {k_fri_evening, "same time next week", "2026-06-26T18:30-04:00", "2026-06-26T18:45-04:00"},
        {k_sat, "same time next week", "2026-06-27T11:00-04:00", "2026-06-27T11:15-04:00"},
        {k_quarter_end, "this time tomorrow", "2026-07-01T16:00-04:00", "2026-07-01T16:15-04:00"},
        // the clock time, not 24 elapsed hours: 23 hours on the spring night, 25 in autumn
        {k_spring_sat, "this time tomorrow", "2026-03-08T10:00-04:00", "2026-03-08T10:15-04:00"},
        {k_spring_sat, "same time next week", "2026-03-14T10:00-04:00", "2026-03-14T10:15-04:00"},
        {k_spring_sun, "same time tomorrow", "2026-03-09T01:30-04:00", "2026-03-09T01:45-04:00"},
        {k_fall_sat, "same time tomorrow", "2026-11-01T10:00-05:00", "2026-11-01T10:15-05:00"},
        {k_fall_sun, "same time next week", "2026-11-08T00:30-05:00", "2026-11-08T00:45-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "this time tomorrow", "2026-03-29T10:00+02:00",
             "2026-03-29T10:15+02:00"},
            {k_berlin_fall, "same time next week", "2026-10-31T10:00+01:00",
             "2026-10-31T10:15+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// A trailing zone: the phrase is read on that zone's clock.

TEST_CASE("when phrases: a trailing zone")
{
    check_cases({
        // 14:00 in each zone on Mon 22 Jun, on New York's clock
        {k_wed, "monday 2pm pacific", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles (\"pacific\")"},
        {k_wed, "monday 2pm PT", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles"},
        {k_wed, "monday 2pm pt", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles"},
        {k_wed, "monday 2pm pacific time", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles"},
        {k_wed, "monday 2pm, Pacific.", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles"},
        {k_wed, "monday 2pm CT", "2026-06-22T15:00-04:00", "2026-06-22T15:15-04:00",
         "America/Chicago"},
        {k_wed, "monday 2pm central", "2026-06-22T15:00-04:00", "2026-06-22T15:15-04:00",
         "America/Chicago"},
        {k_wed, "monday 2pm MT", "2026-06-22T16:00-04:00", "2026-06-22T16:15-04:00",
         "America/Denver"},
        {k_wed, "monday 2pm mountain", "2026-06-22T16:00-04:00", "2026-06-22T16:15-04:00",
         "America/Denver"},
        {k_wed, "monday 2pm UTC", "2026-06-22T10:00-04:00", "2026-06-22T10:15-04:00",
         "read in UTC"},
        {k_wed, "monday 2pm Europe/London", "2026-06-22T09:00-04:00", "2026-06-22T09:15-04:00",
         "read in Europe/London"},
        // the user's own zone says nothing new
        {k_wed, "monday 2pm ET", "2026-06-22T14:00-04:00", "2026-06-22T14:15-04:00"},
        {k_wed, "monday 2pm eastern", "2026-06-22T14:00-04:00", "2026-06-22T14:15-04:00"},
        {k_wed, "monday 2pm my time", "2026-06-22T14:00-04:00", "2026-06-22T14:15-04:00"},
        {k_wed, "tomorrow 3 pacific", "2026-06-18T18:00-04:00", "2026-06-18T18:15-04:00",
         "\"3\" read as 15:00 (18:00 your time)"},
        {k_wed, "tomorrow afternoon pacific", "2026-06-18T15:00-04:00", "2026-06-18T20:00-04:00",
         "America/Los_Angeles"},
        {k_wed, "later today pacific", "2026-06-17T12:00-04:00", "2026-06-17T20:00-04:00",
         "America/Los_Angeles"},
        {k_fri_evening, "monday 2pm pacific", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles"},
        {k_sat, "monday 2pm pacific", "2026-06-22T17:00-04:00", "2026-06-22T17:15-04:00",
         "America/Los_Angeles"},
        // London's clocks change three weeks after New York's in spring, one week before in
        // autumn: 14:00 in London is 10:00 in New York on 9 Mar and 09:00 on 2 Nov
        {k_spring_sat, "monday 2pm Europe/London", "2026-03-09T10:00-04:00",
         "2026-03-09T10:15-04:00", "Europe/London"},
        {k_fall_sat, "monday 2pm Europe/London", "2026-11-02T09:00-05:00", "2026-11-02T09:15-05:00",
         "Europe/London"},
        {k_spring_sat, "monday 2pm pacific", "2026-03-09T17:00-04:00", "2026-03-09T17:15-04:00",
         "America/Los_Angeles"},
    });
    check_cases(
        {
            {k_berlin_wed, "monday 2pm pacific", "2026-06-22T23:00+02:00", "2026-06-22T23:15+02:00",
             "America/Los_Angeles"},
            // 30 Mar: Los Angeles on PDT (-7), Berlin on CEST (+2)
            {k_berlin_spring, "monday 2pm pacific", "2026-03-30T23:00+02:00",
             "2026-03-30T23:15+02:00", "America/Los_Angeles"},
            // 26 Oct: Berlin back on CET (+1), Los Angeles still on PDT (-7)
            {k_berlin_fall, "monday 2pm pacific", "2026-10-26T22:00+01:00",
             "2026-10-26T22:15+01:00", "America/Los_Angeles"},
            {k_berlin_wed, "monday 2pm my time", "2026-06-22T14:00+02:00",
             "2026-06-22T14:15+02:00"},
        },
        k_berlin);
    check_rejections({
        {k_wed, "monday 2pm PST", "zone abbreviation"},
        {k_wed, "monday 2pm their time", "fu does not know their time zone"},
        {k_wed, "monday 2pm your time", "fu does not know their time zone"},
    });
}

TEST_CASE("when phrases: my time and their time with a customer's zone")
{
    const fu::Zone& ny = fu::find_zone(k_ny);
    const fu::Zone& london = fu::find_zone("Europe/London");
    const Instant now = fu::parse_now(k_wed, ny);
    const fu::Clocks clocks{&ny, &london};
    const auto window = [&](const char* words) {
        const Window w = fu::resolve(words, now, clocks, Settings{});
        return iso(w.earliest, ny) + " " + iso(w.latest, ny);
    };
    // the customer's clock by default: 14:00 in London is 09:00 in New York
    CHECK(window("monday 2pm") == "2026-06-22T09:00-04:00 2026-06-22T09:15-04:00");
    CHECK(window("monday 2pm their time") == "2026-06-22T09:00-04:00 2026-06-22T09:15-04:00");
    CHECK(window("monday 2pm your time") == "2026-06-22T09:00-04:00 2026-06-22T09:15-04:00");
    CHECK(window("monday 2pm my time") == "2026-06-22T14:00-04:00 2026-06-22T14:15-04:00");
    CHECK(window("tomorrow 2-4") == "2026-06-18T09:00-04:00 2026-06-18T11:00-04:00");
    CHECK(window("tomorrow 2-4 my time") == "2026-06-18T14:00-04:00 2026-06-18T16:00-04:00");
    // 10:00 in New York is 15:00 in London: "around 3" is running, so it starts now
    CHECK(window("around 3") == "2026-06-17T10:00-04:00 2026-06-17T10:30-04:00");
    CHECK(window("first thing tomorrow") == "2026-06-18T04:00-04:00 2026-06-18T05:00-04:00");
    CHECK(window("eod") == "2026-06-17T10:00-04:00 2026-06-17T12:00-04:00");
    // a bare hour read by the rule is echoed in both clocks
    const Window w = fu::resolve("tomorrow 2-4", now, clocks, Settings{});
    INFO("notices: ", all_notices(w.notices));
    CHECK(any_notice_contains(w.notices, "\"2-4\" read as 14:00–16:00 (09:00–11:00 your time)"));
}
