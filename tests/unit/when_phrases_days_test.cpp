// tests/unit/when_phrases_days_test.cpp — the phrases of issue 8 ("The new phrases") that name a
// day, family by family: first thing, in the morning, the end of a day, early/mid/late in a day,
// alternatives, the next business day, day ranges, ordinals and the nth weekday of a month, named
// days, after/from/onwards a day, and holidays from the config file. Each is checked at several
// reference moments (when_test_support.hpp): the issue's own (Wed 17 Jun 2026 10:00, New York), a
// Friday evening, a weekend, a month and quarter end, both changes of the clocks in New York, and a
// second zone (Europe/Berlin, whose clocks change on other dates). `now`, the zone and the settings
// are always explicit.
#include <doctest/doctest.h>

#include "fu/when.hpp"
#include "when_test_support.hpp"

namespace {

using fu::Settings;
using namespace fu::testing;
using namespace fu::testing::phrases;

} // namespace

// ---------------------------------------------------------------------------------------------
// first thing: the first working hour of that day (of the next working day not yet begun).

TEST_CASE("when phrases: first thing")
{
    check_cases({
        {k_wed, "first thing tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {k_wed, "first thing", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {k_wed, "first thing in the morning", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {k_wed, "first thing tomorrow morning", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {k_wed, "tomorrow first thing", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {k_wed, "first thing monday", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_wed, "first thing on monday", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_wed, "monday first thing", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_wed, "first thing monday morning", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_wed, "first thing pacific", "2026-06-17T12:00-04:00", "2026-06-17T13:00-04:00",
         "America/Los_Angeles"},
        // before the working day has begun, today's first hour
        {"2026-06-17T08:00", "first thing", "2026-06-17T09:00-04:00", "2026-06-17T10:00-04:00"},
        // today's is running: "first thing" alone is the next day's, "first thing today" now
        {"2026-06-17T09:30", "first thing", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {"2026-06-17T09:30", "first thing today", "2026-06-17T09:30-04:00",
         "2026-06-17T10:00-04:00"},
        // Friday evening and the weekend: the next working day is Monday
        {k_fri_evening, "first thing", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_fri_evening, "first thing in the morning", "2026-06-22T09:00-04:00",
         "2026-06-22T10:00-04:00"},
        {k_sat, "first thing", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_quarter_end, "first thing", "2026-07-01T09:00-04:00", "2026-07-01T10:00-04:00"},
        {k_spring_sat, "first thing tomorrow", "2026-03-08T09:00-04:00", "2026-03-08T10:00-04:00"},
        {k_spring_sun, "first thing", "2026-03-09T09:00-04:00", "2026-03-09T10:00-04:00"},
        {k_fall_sun, "first thing", "2026-11-02T09:00-05:00", "2026-11-02T10:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "first thing", "2026-03-30T09:00+02:00", "2026-03-30T10:00+02:00"},
            {k_berlin_fall, "first thing tomorrow", "2026-10-25T09:00+01:00",
             "2026-10-25T10:00+01:00"},
        },
        k_berlin);
    check_rejections({{"2026-06-17T21:30", "first thing today", "already over"}});
}

// ---------------------------------------------------------------------------------------------
// in the morning / in the afternoon: the next such part of a working day not yet begun.

TEST_CASE("when phrases: in the morning, in the afternoon")
{
    check_cases({
        {k_wed, "in the morning", "2026-06-18T09:00-04:00", "2026-06-18T12:00-04:00",
         "read as thu 18 jun"},
        {k_wed, "in the afternoon", "2026-06-17T12:00-04:00", "2026-06-17T17:00-04:00"},
        {"2026-06-17T08:00", "in the morning", "2026-06-17T09:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "in the morning pacific", "2026-06-17T12:00-04:00", "2026-06-17T15:00-04:00",
         "America/Los_Angeles"},
        {k_fri_evening, "in the morning", "2026-06-22T09:00-04:00", "2026-06-22T12:00-04:00",
         "read as mon 22 jun"},
        {k_fri_evening, "in the afternoon", "2026-06-22T12:00-04:00", "2026-06-22T17:00-04:00",
         "read as mon 22 jun"},
        {k_sat, "in the morning", "2026-06-22T09:00-04:00", "2026-06-22T12:00-04:00",
         "read as mon 22 jun"},
        {k_quarter_end, "in the afternoon", "2026-07-01T12:00-04:00", "2026-07-01T17:00-04:00",
         "read as wed 1 jul"},
        {k_spring_sat, "in the morning", "2026-03-09T09:00-04:00", "2026-03-09T12:00-04:00",
         "read as mon 9 mar"},
        {k_fall_sat, "in the morning", "2026-11-02T09:00-05:00", "2026-11-02T12:00-05:00",
         "read as mon 2 nov"},
    });
    check_cases(
        {
            {k_berlin_wed, "in the morning", "2026-06-18T09:00+02:00", "2026-06-18T12:00+02:00",
             "read as thu 18 jun"},
            {k_berlin_fall, "in the morning", "2026-10-26T09:00+01:00", "2026-10-26T12:00+01:00",
             "read as mon 26 oct"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// DAY eod / end of day / cob, eod DAY: a deadline at the end of that day.

TEST_CASE("when phrases: end of a day")
{
    check_cases({
        {k_wed, "friday cob", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday eod", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday EOD", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday COB.", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday end of day", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday close of business", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "eod friday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "cob friday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "by eod friday", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "tomorrow eod", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "eod tomorrow", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "end of the day tomorrow", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "monday eod", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "eod pacific", "2026-06-17T10:00-04:00", "2026-06-17T20:00-04:00",
         "America/Los_Angeles"},
        {k_fri_evening, "friday cob", "2026-06-19T18:30-04:00", "2026-06-26T17:00-04:00",
         "friday is today; taking fri 26 jun"},
        {k_fri_evening, "eod monday", "2026-06-19T18:30-04:00", "2026-06-22T17:00-04:00"},
        {k_sat, "monday eod", "2026-06-20T11:00-04:00", "2026-06-22T17:00-04:00"},
        {k_quarter_end, "friday cob", "2026-06-30T16:00-04:00", "2026-07-03T17:00-04:00"},
        {k_spring_sat, "tomorrow eod", "2026-03-07T10:00-05:00", "2026-03-08T17:00-04:00"},
        {k_fall_sat, "tomorrow eod", "2026-10-31T10:00-04:00", "2026-11-01T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "friday cob", "2026-03-28T10:00+01:00", "2026-04-03T17:00+02:00"},
            {k_berlin_fall, "friday cob", "2026-10-24T10:00+02:00", "2026-10-30T17:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// early / mid / late of a part of a day or of a day: first half / middle half / last half.

TEST_CASE("when phrases: early, mid and late in a day")
{
    check_cases({
        // the examples (mid-morning is running at 10:00, so it starts now)
        {k_wed, "tomorrow late afternoon", "2026-06-18T14:30-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "tomorrow mid-morning", "2026-06-18T09:45-04:00", "2026-06-18T11:15-04:00"},
        {k_wed, "mid-morning", "2026-06-17T10:00-04:00", "2026-06-17T11:15-04:00"},
        {"2026-06-17T08:00", "mid-morning", "2026-06-17T09:45-04:00", "2026-06-17T11:15-04:00"},
        {k_wed, "early tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T13:00-04:00"},
        // the other halves
        {k_wed, "mid tomorrow", "2026-06-18T11:00-04:00", "2026-06-18T15:00-04:00"},
        {k_wed, "late tomorrow", "2026-06-18T13:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "early friday", "2026-06-19T09:00-04:00", "2026-06-19T13:00-04:00"},
        {k_wed, "early on friday", "2026-06-19T09:00-04:00", "2026-06-19T13:00-04:00"},
        {k_wed, "late friday", "2026-06-19T13:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday late morning", "2026-06-19T10:30-04:00", "2026-06-19T12:00-04:00"},
        {k_wed, "tomorrow early afternoon", "2026-06-18T12:00-04:00", "2026-06-18T14:30-04:00"},
        {k_wed, "early afternoon", "2026-06-17T12:00-04:00", "2026-06-17T14:30-04:00"},
        {k_wed, "mid afternoon", "2026-06-17T13:15-04:00", "2026-06-17T15:45-04:00"},
        {k_wed, "mid-afternoon", "2026-06-17T13:15-04:00", "2026-06-17T15:45-04:00"},
        {k_wed, "late afternoon", "2026-06-17T14:30-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "late in the afternoon", "2026-06-17T14:30-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "late morning", "2026-06-17T10:30-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "early evening", "2026-06-17T17:00-04:00", "2026-06-17T19:00-04:00"},
        {k_wed, "late evening", "2026-06-17T19:00-04:00", "2026-06-17T21:00-04:00"},
        {k_wed, "early in the morning", "2026-06-18T09:00-04:00", "2026-06-18T10:30-04:00",
         "read as thu 18 jun"},
        // other moments
        {k_fri_evening, "mid-morning", "2026-06-20T09:45-04:00", "2026-06-20T11:15-04:00",
         "this morning is over; taking sat 20 jun"},
        {k_fri_evening, "early tomorrow", "2026-06-20T09:00-04:00", "2026-06-20T13:00-04:00"},
        {k_sat, "tomorrow late afternoon", "2026-06-21T14:30-04:00", "2026-06-21T17:00-04:00"},
        {k_quarter_end, "mid-morning", "2026-07-01T09:45-04:00", "2026-07-01T11:15-04:00",
         "this morning is over; taking wed 1 jul"},
        {k_spring_sat, "early tomorrow", "2026-03-08T09:00-04:00", "2026-03-08T13:00-04:00"},
        {k_spring_sat, "tomorrow late afternoon", "2026-03-08T14:30-04:00",
         "2026-03-08T17:00-04:00"},
        {k_fall_sat, "early tomorrow", "2026-11-01T09:00-05:00", "2026-11-01T13:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_wed, "tomorrow late afternoon", "2026-06-18T14:30+02:00",
             "2026-06-18T17:00+02:00"},
            {k_berlin_fall, "tomorrow late afternoon", "2026-10-25T14:30+01:00",
             "2026-10-25T17:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// DAY or DAY: from the first's start to the second's end, the second within a week after.

TEST_CASE("when phrases: alternatives")
{
    check_cases({
        {k_wed, "monday or tuesday", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_wed, "mon or tue", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_wed, "thursday or friday", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday or monday", "2026-06-19T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "tomorrow or friday", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "today or tomorrow", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "monday or tuesday next week", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_wed, "monday morning or tuesday afternoon", "2026-06-22T09:00-04:00",
         "2026-06-23T17:00-04:00"},
        {k_wed, "wednesday or thursday", "2026-06-24T09:00-04:00", "2026-06-25T17:00-04:00",
         "wednesday is today; taking wed 24 jun"},
        {k_fri_evening, "monday or tuesday", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_fri_evening, "friday or monday", "2026-06-26T09:00-04:00", "2026-06-29T17:00-04:00",
         "friday is today; taking fri 26 jun"},
        {k_sat, "monday or tuesday", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_quarter_end, "monday or tuesday", "2026-07-06T09:00-04:00", "2026-07-07T17:00-04:00",
         "tuesday is today; taking tue 7 jul"},
        {k_spring_sat, "monday or tuesday", "2026-03-09T09:00-04:00", "2026-03-10T17:00-04:00"},
        {k_fall_sat, "monday or tuesday", "2026-11-02T09:00-05:00", "2026-11-03T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "monday or tuesday", "2026-03-30T09:00+02:00",
             "2026-03-31T17:00+02:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// next business day / next working day.

TEST_CASE("when phrases: next business day")
{
    check_cases({
        {k_wed, "next business day", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "next working day", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "the next business day", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "next workday", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_fri_evening, "next business day", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_sat, "next working day", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_quarter_end, "next business day", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_spring_sat, "next business day", "2026-03-09T09:00-04:00", "2026-03-09T17:00-04:00"},
        {k_fall_sat, "next business day", "2026-11-02T09:00-05:00", "2026-11-02T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_fall, "next business day", "2026-10-26T09:00+01:00",
             "2026-10-26T17:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// Day ranges: the working days from the first to the last.

TEST_CASE("when phrases: day ranges")
{
    check_cases({
        {k_wed, "june 22-24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "22-24 june", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "from 22 to 24 june", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "jun 22 - jun 26", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "june 22 to 24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "june 22 to june 24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "22nd-24th june", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "between june 22 and 24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "june 22-july 2", "2026-06-22T09:00-04:00", "2026-07-02T17:00-04:00"},
        {k_wed, "jun 26-jul 2", "2026-06-26T09:00-04:00", "2026-07-02T17:00-04:00"},
        {k_fri_evening, "june 22-24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_sat, "june 22-24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_quarter_end, "june 22-24", "2027-06-22T09:00-04:00", "2027-06-24T17:00-04:00",
         "has passed this year"},
        {k_spring_sat, "march 9-11", "2026-03-09T09:00-04:00", "2026-03-11T17:00-04:00"},
        {k_wed, "oct 30 - nov 3", "2026-10-30T09:00-04:00", "2026-11-03T17:00-05:00"},
    });
    check_rejections({{k_wed, "june 24-22", "reversed range"}});
}

// ---------------------------------------------------------------------------------------------
// Ordinal words; the nth weekday of a month.

TEST_CASE("when phrases: ordinals and the nth weekday of a month")
{
    check_cases({
        {k_wed, "first of july", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "the first of july", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "july first", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "july 1st", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "the 1st of july", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "july third", "2026-07-03T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "the third", "2026-07-03T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "the twenty-second", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "the twenty second", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "first monday of next month", "2026-07-06T09:00-04:00", "2026-07-06T17:00-04:00"},
        {k_wed, "first monday in july", "2026-07-06T09:00-04:00", "2026-07-06T17:00-04:00"},
        {k_wed, "third tuesday in july", "2026-07-21T09:00-04:00", "2026-07-21T17:00-04:00"},
        {k_wed, "third tuesday of july", "2026-07-21T09:00-04:00", "2026-07-21T17:00-04:00"},
        {k_wed, "second wednesday of next month", "2026-07-08T09:00-04:00",
         "2026-07-08T17:00-04:00"},
        {k_wed, "last friday of july", "2026-07-31T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "last friday of the month", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_fri_evening, "first monday of next month", "2026-07-06T09:00-04:00",
         "2026-07-06T17:00-04:00"},
        {k_sat, "first of july", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_quarter_end, "first of july", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_quarter_end, "first monday of next month", "2026-07-06T09:00-04:00",
         "2026-07-06T17:00-04:00"},
        {k_spring_sat, "second monday of march", "2026-03-09T09:00-04:00",
         "2026-03-09T17:00-04:00"},
        {k_fall_sat, "first monday of november", "2026-11-02T09:00-05:00",
         "2026-11-02T17:00-05:00"},
    });
    check_rejections({{k_wed, "first monday of the month", "already over"}});
}

// ---------------------------------------------------------------------------------------------
// Named days.

TEST_CASE("when phrases: named days")
{
    check_cases({
        {k_wed, "christmas", "2026-12-25T09:00-05:00", "2026-12-25T17:00-05:00"},
        {k_wed, "xmas", "2026-12-25T09:00-05:00", "2026-12-25T17:00-05:00"},
        {k_wed, "christmas eve", "2026-12-24T09:00-05:00", "2026-12-24T17:00-05:00"},
        {k_wed, "christmas eve morning", "2026-12-24T09:00-05:00", "2026-12-24T12:00-05:00"},
        {k_wed, "christmas morning", "2026-12-25T09:00-05:00", "2026-12-25T12:00-05:00"},
        {k_wed, "new year's eve", "2026-12-31T09:00-05:00", "2026-12-31T17:00-05:00"},
        {k_wed, "new years eve", "2026-12-31T09:00-05:00", "2026-12-31T17:00-05:00"},
        {k_wed, "new year's day", "2027-01-01T09:00-05:00", "2027-01-01T17:00-05:00"},
        {k_wed, "thanksgiving", "2026-11-26T09:00-05:00", "2026-11-26T17:00-05:00"},
        {k_wed, "easter", "2027-03-28T09:00-04:00", "2027-03-28T17:00-04:00"},
        {k_wed, "good friday", "2027-03-26T09:00-04:00", "2027-03-26T17:00-04:00"},
        {k_wed, "easter monday", "2027-03-29T09:00-04:00", "2027-03-29T17:00-04:00"},
        {k_wed, "memorial day", "2027-05-31T09:00-04:00", "2027-05-31T17:00-04:00"},
        {k_wed, "labor day", "2026-09-07T09:00-04:00", "2026-09-07T17:00-04:00"},
        {k_wed, "independence day", "2026-07-04T09:00-04:00", "2026-07-04T17:00-04:00"},
        {k_wed, "4th of july", "2026-07-04T09:00-04:00", "2026-07-04T17:00-04:00"},
        {k_wed, "fourth of july", "2026-07-04T09:00-04:00", "2026-07-04T17:00-04:00"},
        {k_wed, "halloween", "2026-10-31T09:00-04:00", "2026-10-31T17:00-04:00"},
        {k_wed, "valentine's day", "2027-02-14T09:00-05:00", "2027-02-14T17:00-05:00"},
        {k_wed, "valentines day", "2027-02-14T09:00-05:00", "2027-02-14T17:00-05:00"},
        {k_wed, "in the new year", "2027-01-01T09:00-05:00", "2027-01-08T17:00-05:00"},
        {k_wed, "before christmas", "2026-06-17T10:00-04:00", "2026-12-24T17:00-05:00"},
        {k_wed, "before thanksgiving", "2026-06-17T10:00-04:00", "2026-11-25T17:00-05:00"},
        {k_wed, "by christmas", "2026-06-17T10:00-04:00", "2026-12-25T17:00-05:00"},
        {k_wed, "the week after thanksgiving", "2026-11-30T09:00-05:00", "2026-12-04T17:00-05:00"},
        {k_wed, "the week before christmas", "2026-12-14T09:00-05:00", "2026-12-18T17:00-05:00"},
        {k_fri_evening, "thanksgiving", "2026-11-26T09:00-05:00", "2026-11-26T17:00-05:00"},
        {k_sat, "4th of july", "2026-07-04T09:00-04:00", "2026-07-04T17:00-04:00"},
        {k_quarter_end, "independence day", "2026-07-04T09:00-04:00", "2026-07-04T17:00-04:00"},
        // spring 2026: easter is still ahead, on the far side of the clocks changing
        {k_spring_sat, "easter", "2026-04-05T09:00-04:00", "2026-04-05T17:00-04:00"},
        {k_spring_sat, "good friday", "2026-04-03T09:00-04:00", "2026-04-03T17:00-04:00"},
        // halloween said on halloween is today
        {k_fall_sat, "halloween", "2026-10-31T10:00-04:00", "2026-10-31T17:00-04:00"},
        {k_fall_sat, "thanksgiving", "2026-11-26T09:00-05:00", "2026-11-26T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_wed, "christmas eve morning", "2026-12-24T09:00+01:00",
             "2026-12-24T12:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// after DAY, from DAY, DAY onwards: the first three working days after (from) DAY, with a notice.

TEST_CASE("when phrases: after, from and onwards a day")
{
    check_cases({
        {k_wed, "after thanksgiving", "2026-11-27T09:00-05:00", "2026-12-01T17:00-05:00",
         "\"after thanksgiving\" read as the three working days after it (fri 27 nov – tue 1 "
         "dec)"},
        {k_wed, "after christmas", "2026-12-28T09:00-05:00", "2026-12-30T17:00-05:00",
         "three working days after it"},
        {k_wed, "after labor day", "2026-09-08T09:00-04:00", "2026-09-10T17:00-04:00",
         "three working days after it"},
        {k_wed, "after the 4th of july", "2026-07-06T09:00-04:00", "2026-07-08T17:00-04:00",
         "three working days after it"},
        {k_wed, "after july 4", "2026-07-06T09:00-04:00", "2026-07-08T17:00-04:00",
         "three working days after it"},
        {k_wed, "after june 30", "2026-07-01T09:00-04:00", "2026-07-03T17:00-04:00",
         "three working days after it (wed 1 jul – fri 3 jul)"},
        {k_wed, "after the 15th", "2026-07-16T09:00-04:00", "2026-07-20T17:00-04:00",
         "three working days after it"},
        {k_wed, "after friday", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00",
         "three working days after it (mon 22 jun – wed 24 jun)"},
        {k_wed, "after monday", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00",
         "three working days after it"},
        {k_wed, "from monday", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00",
         "\"from monday\" read as the three working days from it (mon 22 jun – wed 24 jun)"},
        {k_wed, "monday onwards", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00",
         "three working days from it"},
        {k_wed, "from july 1", "2026-07-01T09:00-04:00", "2026-07-03T17:00-04:00",
         "three working days from it"},
        {k_wed, "from thanksgiving", "2026-11-26T09:00-05:00", "2026-11-30T17:00-05:00",
         "three working days from it"},
        {k_wed, "thanksgiving onwards", "2026-11-26T09:00-05:00", "2026-11-30T17:00-05:00",
         "three working days from it"},
        {k_fri_evening, "after friday", "2026-06-29T09:00-04:00", "2026-07-01T17:00-04:00",
         "friday is today; taking fri 26 jun"},
        {k_fri_evening, "after thanksgiving", "2026-11-27T09:00-05:00", "2026-12-01T17:00-05:00",
         "three working days after it"},
        {k_sat, "from monday", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00",
         "three working days from it"},
        {k_sat, "after friday", "2026-06-29T09:00-04:00", "2026-07-01T17:00-04:00",
         "three working days after it (mon 29 jun – wed 1 jul)"},
        {k_quarter_end, "after friday", "2026-07-06T09:00-04:00", "2026-07-08T17:00-04:00",
         "three working days after it"},
        {k_spring_sat, "after easter", "2026-04-06T09:00-04:00", "2026-04-08T17:00-04:00",
         "three working days after it"},
        {k_fall_sat, "after halloween", "2026-11-02T09:00-05:00", "2026-11-04T17:00-05:00",
         "three working days after it"},
    });
    check_cases(
        {
            {k_berlin_fall, "after friday", "2026-11-02T09:00+01:00", "2026-11-04T17:00+01:00",
             "three working days after it"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// Holidays from the config file are not working days for every rule above.

TEST_CASE("when phrases: holidays")
{
    const Settings us = with_holidays({"thanksgiving", "christmas", "2026-12-24..2027-01-01"});
    check_cases(
        {
            // Wed 25 Nov, the afternoon before thanksgiving
            {"2026-11-25T16:00", "next business day", "2026-11-27T09:00-05:00",
             "2026-11-27T17:00-05:00"},
            {"2026-11-25T16:00", "next working day", "2026-11-27T09:00-05:00",
             "2026-11-27T17:00-05:00"},
            {"2026-11-25T16:00", "in 3 business days", "2026-12-01T09:00-05:00",
             "2026-12-01T17:00-05:00"},
            {"2026-11-25T16:00", "after thanksgiving", "2026-11-27T09:00-05:00",
             "2026-12-01T17:00-05:00", "three working days after it"},
            {"2026-11-25T16:00", "first thing", "2026-11-27T09:00-05:00", "2026-11-27T10:00-05:00"},
            {"2026-11-25T16:00", "after christmas", "2027-01-04T09:00-05:00",
             "2027-01-06T17:00-05:00", "mon 4 jan 2027 – wed 6 jan 2027"},
            {"2026-11-25T16:00", "eoy", "2026-11-25T16:00-05:00", "2026-12-23T17:00-05:00"},
            {"2026-11-25T16:00", "before christmas", "2026-11-25T16:00-05:00",
             "2026-12-23T17:00-05:00"},
            {"2026-11-25T16:00", "next year", "2027-01-04T09:00-05:00", "2027-12-31T17:00-05:00"},
            {"2026-11-25T16:00", "in the new year", "2027-01-04T09:00-05:00",
             "2027-01-08T17:00-05:00"},
            // Wed 23 Dec, the last working day of the year
            {"2026-12-23T11:00", "next business day", "2027-01-04T09:00-05:00",
             "2027-01-04T17:00-05:00"},
            {"2026-12-23T11:00", "in 3 business days", "2027-01-06T09:00-05:00",
             "2027-01-06T17:00-05:00"},
            {"2026-12-23T11:00", "early next month", "2027-01-04T09:00-05:00",
             "2027-01-08T17:00-05:00"},
            {"2026-12-23T11:00", "eoy", "2026-12-23T11:00-05:00", "2026-12-23T17:00-05:00"},
            // thanksgiving the following year, with the holiday recurring
            {"2026-12-23T11:00", "after thanksgiving", "2027-11-26T09:00-05:00",
             "2027-11-30T17:00-05:00", "three working days after it"},
        },
        k_ny, us);
    check_rejections({{"2026-12-23T11:00", "early next week", "has no working days"}}, k_ny, us);

    // "early next week" skips a holiday Monday
    const Settings monday_off = with_holidays({"2026-06-22"});
    check_cases(
        {
            {k_wed, "early next week", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00"},
            {k_wed, "in 3 business days", "2026-06-23T09:00-04:00", "2026-06-23T17:00-04:00"},
            {k_fri_evening, "next business day", "2026-06-23T09:00-04:00",
             "2026-06-23T17:00-04:00"},
            {k_fri_evening, "over the next few days", "2026-06-19T18:30-04:00",
             "2026-06-25T17:00-04:00"},
            {k_fri_evening, "after friday", "2026-06-29T09:00-04:00", "2026-07-01T17:00-04:00",
             "three working days after it"},
            {k_sat, "from monday", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00",
             "three working days from it"},
        },
        k_ny, monday_off);

    // a holiday Thursday and Friday
    const Settings long_weekend = with_holidays({"2026-06-18..2026-06-19"});
    check_cases(
        {
            {k_wed, "next business day", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
            {k_wed, "in 3 business days", "2026-06-24T09:00-04:00", "2026-06-24T17:00-04:00"},
            {k_wed, "first thing", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
            {k_wed, "eow", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
            {k_wed, "before friday", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
            {k_wed, "over the next 3 days", "2026-06-17T10:00-04:00", "2026-06-24T17:00-04:00"},
        },
        k_ny, long_weekend);

    // the same rules in Berlin, with a named day and a date
    const Settings de = with_holidays({"christmas", "2026-12-24", "easter monday"});
    check_cases(
        {
            {"2026-12-23T10:00", "next business day", "2026-12-28T09:00+01:00",
             "2026-12-28T17:00+01:00"},
            {"2026-12-23T10:00", "after christmas", "2026-12-28T09:00+01:00",
             "2026-12-30T17:00+01:00", "three working days after it"},
            {"2027-03-26T10:00", "next business day", "2027-03-30T09:00+02:00",
             "2027-03-30T17:00+02:00"},
        },
        k_berlin, de);
}
