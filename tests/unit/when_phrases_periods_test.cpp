// tests/unit/when_phrases_periods_test.cpp — the phrases of issue 8 ("The new phrases") that name a
// stretch of time, family by family: later, sometime and anytime, early/mid/late in a week, months,
// quarters and years, weeks from a day, loose durations, and over the next few days. Each is
// checked at several reference moments (when_test_support.hpp): the issue's own (Wed 17 Jun 2026
// 10:00, New York), a Friday evening, a weekend, a month and quarter end, both changes of the
// clocks in New York, and a second zone (Europe/Berlin, whose clocks change on other dates). `now`,
// the zone and the settings are always explicit. The end holds what is still refused, and the
// cases a first review found wrong, now closed.
#include <doctest/doctest.h>

#include <string>

#include "fu/when.hpp"
#include "when_test_support.hpp"

namespace {

using namespace fu::testing;
using namespace fu::testing::phrases;

} // namespace

// ---------------------------------------------------------------------------------------------
// later today / this morning / this afternoon / this week / in the week.

TEST_CASE("when phrases: later")
{
    check_cases({
        {k_wed, "later this week", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "later in the week", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "later today", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "later on today", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "later this morning", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "later this afternoon", "2026-06-17T12:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "later this evening", "2026-06-17T17:00-04:00", "2026-06-17T21:00-04:00"},
        // before the working day: later this morning is the whole morning
        {"2026-06-17T08:00", "later this morning", "2026-06-17T09:00-04:00",
         "2026-06-17T12:00-04:00"},
        // after the working day "later today" means the evening
        {k_fri_evening, "later today", "2026-06-19T18:30-04:00", "2026-06-19T21:00-04:00"},
        {k_sat, "later today", "2026-06-20T11:00-04:00", "2026-06-20T17:00-04:00"},
        {k_sat, "later this afternoon", "2026-06-20T12:00-04:00", "2026-06-20T17:00-04:00"},
        {k_quarter_end, "later today", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_quarter_end, "later this week", "2026-07-01T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_spring_sat, "later today", "2026-03-07T10:00-05:00", "2026-03-07T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_wed, "later this week", "2026-06-18T09:00+02:00", "2026-06-19T17:00+02:00"},
        },
        k_berlin);
    std::string hint;
    CHECK(rejection(k_fri_evening, k_ny, "later this week", {}, &hint) ==
          "\"later this week\": no working day is left this week");
    CHECK(contains(hint, "next week"));
    check_rejections({
        {k_fri_evening, "later this afternoon", "already over"},
        {k_sat, "later this week", "no working day is left this week"},
        {"2026-06-17T21:30", "later today", "already over"},
        {"2026-06-17T21:30", "later this morning", "already over"},
    });
    // holidays on Thursday and Friday leave nothing of this week
    check_rejections({{k_wed, "later this week", "no working day is left this week"}}, k_ny,
                     with_holidays({"2026-06-18", "2026-06-19"}));
}

// ---------------------------------------------------------------------------------------------
// sometime X, X sometime, anytime X, any time X: the same as X.

TEST_CASE("when phrases: sometime and anytime")
{
    check_cases({
        {k_wed, "sometime next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "next week sometime", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "anytime next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "any time next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "sometime tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "anytime tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "sometime tomorrow afternoon", "2026-06-18T12:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "sometime friday", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "sometime today", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "sometime this week", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_fri_evening, "sometime next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_sat, "sometime next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_quarter_end, "sometime next week", "2026-07-06T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_spring_sat, "sometime next week", "2026-03-09T09:00-04:00", "2026-03-13T17:00-04:00"},
    });
}

// ---------------------------------------------------------------------------------------------
// early / mid / late of a week: its first / middle / last three working days.

TEST_CASE("when phrases: early, mid and late in a week")
{
    check_cases({
        {k_wed, "mid next week", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00"},
        {k_wed, "late next week", "2026-06-24T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "early next week", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "middle of next week", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00"},
        {k_wed, "the middle of next week", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00"},
        {k_wed, "mid week", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "mid-week", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "mid this week", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "late this week", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "early this week", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_fri_evening, "mid next week", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00"},
        {k_sat, "late next week", "2026-06-24T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_quarter_end, "mid next week", "2026-07-07T09:00-04:00", "2026-07-09T17:00-04:00"},
        {k_spring_sat, "mid next week", "2026-03-10T09:00-04:00", "2026-03-12T17:00-04:00"},
        {k_fall_sat, "mid next week", "2026-11-03T09:00-05:00", "2026-11-05T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "early next week", "2026-03-30T09:00+02:00",
             "2026-04-01T17:00+02:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// Months: early / mid / late / end of a month, a month name, first week of M, week of DATE,
// mid-month.

TEST_CASE("when phrases: months")
{
    check_cases({
        {k_wed, "mid july", "2026-07-13T09:00-04:00", "2026-07-20T17:00-04:00"},
        {k_wed, "mid-july", "2026-07-13T09:00-04:00", "2026-07-20T17:00-04:00"},
        {k_wed, "early july", "2026-07-01T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_wed, "early jul", "2026-07-01T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_wed, "beginning of july", "2026-07-01T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_wed, "late july", "2026-07-21T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "end of july", "2026-06-17T10:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "july", "2026-07-01T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "june", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "late june", "2026-06-22T09:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "early next month", "2026-07-01T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_wed, "mid next month", "2026-07-13T09:00-04:00", "2026-07-20T17:00-04:00"},
        {k_wed, "late next month", "2026-07-21T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "end of next month", "2026-06-17T10:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "end of the month", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "first week of july", "2026-07-01T09:00-04:00", "2026-07-07T17:00-04:00"},
        {k_wed, "the first week of july", "2026-07-01T09:00-04:00", "2026-07-07T17:00-04:00"},
        {k_wed, "first week of august", "2026-08-03T09:00-04:00", "2026-08-07T17:00-04:00"},
        {k_wed, "week of july 6", "2026-07-06T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_wed, "the week of 6 july", "2026-07-06T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_wed, "mid-month", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "mid month", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_fri_evening, "end of july", "2026-06-19T18:30-04:00", "2026-07-31T17:00-04:00"},
        {k_sat, "mid july", "2026-07-13T09:00-04:00", "2026-07-20T17:00-04:00"},
        // the last working hour of the month
        {k_quarter_end, "end of the month", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_quarter_end, "eom", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_quarter_end, "late this month", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_quarter_end, "early next month", "2026-07-01T09:00-04:00", "2026-07-10T17:00-04:00"},
        {k_quarter_end, "end of next month", "2026-06-30T16:00-04:00", "2026-07-31T17:00-04:00"},
        // across the changes of the clocks
        {k_spring_sat, "mid march", "2026-03-11T09:00-04:00", "2026-03-20T17:00-04:00"},
        {k_fall_sat, "early november", "2026-11-02T09:00-05:00", "2026-11-10T17:00-05:00"},
        {k_fall_sat, "end of november", "2026-10-31T10:00-04:00", "2026-11-30T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_wed, "mid july", "2026-07-13T09:00+02:00", "2026-07-20T17:00+02:00"},
            {k_berlin_spring, "early april", "2026-04-01T09:00+02:00", "2026-04-10T17:00+02:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// Quarters and years.

TEST_CASE("when phrases: quarters and years")
{
    check_cases({
        {k_wed, "eoq", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "EOQ", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "by eoq", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "end of the quarter", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "by the end of the quarter", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "this quarter", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "next quarter", "2026-07-01T09:00-04:00", "2026-09-30T17:00-04:00"},
        {k_wed, "q3", "2026-07-01T09:00-04:00", "2026-09-30T17:00-04:00"},
        {k_wed, "Q3", "2026-07-01T09:00-04:00", "2026-09-30T17:00-04:00"},
        {k_wed, "q4", "2026-10-01T09:00-04:00", "2026-12-31T17:00-05:00"},
        {k_wed, "q2", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "q1", "2027-01-01T09:00-05:00", "2027-03-31T17:00-04:00"},
        {k_wed, "q1 2027", "2027-01-01T09:00-05:00", "2027-03-31T17:00-04:00"},
        {k_wed, "end of q3", "2026-06-17T10:00-04:00", "2026-09-30T17:00-04:00"},
        {k_wed, "end of next quarter", "2026-06-17T10:00-04:00", "2026-09-30T17:00-04:00"},
        {k_wed, "next year", "2027-01-01T09:00-05:00", "2027-12-31T17:00-05:00"},
        {k_wed, "early next year", "2027-01-01T09:00-05:00", "2027-03-31T17:00-04:00"},
        {k_wed, "beginning of next year", "2027-01-01T09:00-05:00", "2027-03-31T17:00-04:00"},
        {k_wed, "end of year", "2026-06-17T10:00-04:00", "2026-12-31T17:00-05:00"},
        {k_wed, "end of the year", "2026-06-17T10:00-04:00", "2026-12-31T17:00-05:00"},
        {k_wed, "eoy", "2026-06-17T10:00-04:00", "2026-12-31T17:00-05:00"},
        {k_wed, "by eoy", "2026-06-17T10:00-04:00", "2026-12-31T17:00-05:00"},
        {k_wed, "in a year", "2027-06-17T09:00-04:00", "2027-06-17T17:00-04:00"},
        {k_wed, "in a year's time", "2027-06-17T09:00-04:00", "2027-06-17T17:00-04:00"},
        {k_fri_evening, "eoq", "2026-06-19T18:30-04:00", "2026-06-30T17:00-04:00"},
        {k_sat, "next quarter", "2026-07-01T09:00-04:00", "2026-09-30T17:00-04:00"},
        // the last working hour of the quarter
        {k_quarter_end, "eoq", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_quarter_end, "this quarter", "2026-06-30T16:00-04:00", "2026-06-30T17:00-04:00"},
        {k_quarter_end, "next quarter", "2026-07-01T09:00-04:00", "2026-09-30T17:00-04:00"},
        {k_quarter_end, "q3", "2026-07-01T09:00-04:00", "2026-09-30T17:00-04:00"},
        {k_quarter_end, "end of next quarter", "2026-06-30T16:00-04:00", "2026-09-30T17:00-04:00"},
        {k_fall_sat, "eoq", "2026-10-31T10:00-04:00", "2026-12-31T17:00-05:00"},
        {k_spring_sat, "eoq", "2026-03-07T10:00-05:00", "2026-03-31T17:00-04:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "eoq", "2026-03-28T10:00+01:00", "2026-03-31T17:00+02:00"},
            {k_berlin_fall, "eoq", "2026-10-24T10:00+02:00", "2026-12-31T17:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// a week from DAY, two weeks from DAY, DAY week, week after next, in a fortnight, in a week's time.

TEST_CASE("when phrases: weeks from a day")
{
    check_cases({
        {k_wed, "tuesday week", "2026-06-30T09:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "friday week", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "monday week", "2026-06-29T09:00-04:00", "2026-06-29T17:00-04:00"},
        {k_wed, "wednesday week", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "a week from monday", "2026-06-29T09:00-04:00", "2026-06-29T17:00-04:00"},
        {k_wed, "a week from friday", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "a week from today", "2026-06-24T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "a week from tomorrow", "2026-06-25T09:00-04:00", "2026-06-25T17:00-04:00"},
        {k_wed, "two weeks from monday", "2026-07-06T09:00-04:00", "2026-07-06T17:00-04:00"},
        {k_wed, "2 weeks from friday", "2026-07-03T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "week after next", "2026-06-29T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "the week after next", "2026-06-29T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "in a fortnight", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "in a week's time", "2026-06-24T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "in 2 weeks time", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_fri_evening, "tuesday week", "2026-06-30T09:00-04:00", "2026-06-30T17:00-04:00"},
        {k_fri_evening, "in a fortnight", "2026-07-03T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_sat, "in a fortnight", "2026-07-06T09:00-04:00", "2026-07-06T17:00-04:00",
         "sat 4 jul is not a workday; taking mon 6 jul"},
        {k_sat, "week after next", "2026-06-29T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_quarter_end, "tuesday week", "2026-07-14T09:00-04:00", "2026-07-14T17:00-04:00"},
        {k_quarter_end, "a week from monday", "2026-07-13T09:00-04:00", "2026-07-13T17:00-04:00"},
        {k_spring_sat, "a week from monday", "2026-03-16T09:00-04:00", "2026-03-16T17:00-04:00"},
        {k_fall_sat, "a week from monday", "2026-11-09T09:00-05:00", "2026-11-09T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "tuesday week", "2026-04-07T09:00+02:00", "2026-04-07T17:00+02:00"},
            {k_berlin_fall, "tuesday week", "2026-11-03T09:00+01:00", "2026-11-03T17:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// Loose durations.

TEST_CASE("when phrases: loose durations")
{
    check_cases({
        {k_wed, "couple of days", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "a couple days", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "in a couple days", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "few days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00",
         "sat 20 jun is not a workday; taking mon 22 jun"},
        {k_wed, "a few days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00",
         "sat 20 jun is not a workday"},
        {k_wed, "in an hour or so", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "in an hour or two", "2026-06-17T11:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "in a couple of weeks", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_fri_evening, "couple of days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00",
         "sun 21 jun is not a workday"},
        {k_fri_evening, "in an hour or so", "2026-06-19T18:30-04:00", "2026-06-19T20:30-04:00"},
        {k_sat, "couple of days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_quarter_end, "couple of days", "2026-07-02T09:00-04:00", "2026-07-02T17:00-04:00"},
        // within two elapsed hours, across the gap and the repeated hour
        {k_spring_sun, "in an hour or so", "2026-03-08T01:30-05:00", "2026-03-08T04:30-04:00"},
        {k_fall_sun, "in an hour or so", "2026-11-01T00:30-04:00", "2026-11-01T01:30-05:00"},
    });
}

// ---------------------------------------------------------------------------------------------
// over / in the next N days, next few days, next couple of weeks: a deadline at the end of the
// Nth working day from today (N weeks: that day N weeks ahead).

TEST_CASE("when phrases: over the next few days")
{
    check_cases({
        {k_wed, "over the next few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "in the next few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "the next few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "next few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "in the next 3 days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "over the next 3 days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "next 3 days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "over the next couple of days", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "next couple of days", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "next couple of weeks", "2026-06-17T10:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "over the next two weeks", "2026-06-17T10:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "in the next couple weeks", "2026-06-17T10:00-04:00", "2026-07-01T17:00-04:00"},
        {k_fri_evening, "over the next few days", "2026-06-19T18:30-04:00",
         "2026-06-24T17:00-04:00"},
        {k_sat, "over the next few days", "2026-06-20T11:00-04:00", "2026-06-24T17:00-04:00"},
        {k_quarter_end, "over the next few days", "2026-06-30T16:00-04:00",
         "2026-07-03T17:00-04:00"},
        {k_spring_sat, "over the next few days", "2026-03-07T10:00-05:00",
         "2026-03-11T17:00-04:00"},
        {k_fall_sat, "over the next few days", "2026-10-31T10:00-04:00", "2026-11-04T17:00-05:00"},
    });
    check_cases(
        {
            {k_berlin_spring, "over the next few days", "2026-03-28T10:00+01:00",
             "2026-04-01T17:00+02:00"},
            {k_berlin_fall, "over the next few days", "2026-10-24T10:00+02:00",
             "2026-10-28T17:00+01:00"},
        },
        k_berlin);
}

// ---------------------------------------------------------------------------------------------
// What is still refused, and how.

TEST_CASE("when phrases: refusals teach the nearest accepted phrase")
{
    std::string hint;
    CHECK(rejection(k_wed, k_ny, "later", {}, &hint) == "\"later\" alone is not a time");
    CHECK(contains(hint, "later today"));
    CHECK(contains(hint, "later this week"));

    CHECK(rejection(k_wed, k_ny, "soon", {}, &hint) == "\"soon\" is not a deadline");
    CHECK(contains(hint, "within the hour"));
    CHECK(rejection(k_wed, k_ny, "shortly", {}, &hint) == "\"shortly\" is not a deadline");
    CHECK(contains(hint, "in a day or so"));

    CHECK(rejection(k_wed, k_ny, "sometime", {}, &hint) == "\"sometime\" needs a time");
    CHECK(contains(hint, "sometime next week"));
    CHECK(rejection(k_wed, k_ny, "anytime", {}, &hint) == "\"anytime\" needs a time");

    CHECK(rejection(k_wed, k_ny, "every 3 months", {}, &hint) ==
          "\"every 3 months\" repeats; a promise is one window");
    CHECK(contains(hint, "in 3 months"));

    CHECK(rejection(k_wed, k_ny, "12/01/2026", {}, &hint) ==
          "\"12/01/2026\" is not an ISO date (day and month order is ambiguous)");
    CHECK(contains(hint, "yyyy-mm-dd"));
    check_rejections({
        {k_wed, "12/01", "day and month order is ambiguous"},
        {k_wed, "01.12.2026", "day and month order is ambiguous"},
        {k_wed, "6/18", "day and month order is ambiguous"},
        {k_wed, "eventually", "is not a deadline"},
        {k_wed, "someday", "is not a deadline"},
        {k_wed, "soonish", "is not a deadline"},
        {k_wed, "sometime soon", "needs a time"},
        {k_wed, "every week", "repeats"},
    });

    // the past
    check_rejections({
        {k_wed, "yesterday 2-4", "already over"},
        {k_wed, "last week", "already over"},
        {k_fri_evening, "later this afternoon", "already over"},
        {k_quarter_end, "first monday of the month", "already over"},
    });

    // an hour range whose end comes before its start
    CHECK(rejection(k_wed, k_ny, "tomorrow 4-2", {}, &hint) == "\"4-2\" ends before it starts");
    CHECK(contains(hint, "put the earlier time first"));
}

TEST_CASE("when phrases: did you mean only suggests a word that fits")
{
    std::string hint;
    CHECK(rejection(k_wed, k_ny, "first thang tomorrow") ==
          "\"thang\" is not a time word (did you mean \"thing\"?)");
    CHECK(rejection(k_wed, k_ny, "first thin tomorrow") ==
          "\"thin\" is not a time word (did you mean \"thing\"?)");
    CHECK(rejection(k_wed, k_ny, "frist thing tomorrow") ==
          "\"frist\" is not a time word (did you mean \"first\"?)");
    CHECK(rejection(k_wed, k_ny, "mdi next week") ==
          "\"mdi\" is not a time word (did you mean \"mid\"?)");
    CHECK(rejection(k_wed, k_ny, "mid nexy week") ==
          "\"nexy\" is not a time word (did you mean \"next\"?)");
    CHECK(rejection(k_wed, k_ny, "aroudn 3") ==
          "\"aroudn\" is not a time word (did you mean \"around\"?)");
    CHECK(rejection(k_wed, k_ny, "after lnch") ==
          "\"lnch\" is not a time word (did you mean \"lunch\"?)");
    CHECK(rejection(k_wed, k_ny, "next buisness day") ==
          "\"buisness\" is not a time word (did you mean \"business\"?)");
    CHECK(rejection(k_wed, k_ny, "after thanksgving") ==
          "\"thanksgving\" is not a time word (did you mean \"thanksgiving\"?)");
    CHECK(rejection(k_wed, k_ny, "quater past 2") ==
          "\"quater\" is not a time word (did you mean \"quarter\"?)");
    CHECK(rejection(k_wed, k_ny, "tomorrow 2-4 pacifc") ==
          "\"pacifc\" is not a time word (did you mean \"pacific\"?)");
    CHECK(rejection(k_wed, k_ny, "tomorrow at tree") ==
          "\"tree\" is not a time word (did you mean \"three\"?)");
    // "thing" does not fit at the start of a phrase, and nothing else near "thang" does
    CHECK(rejection(k_wed, k_ny, "thang tomorrow") == "\"thang\" is not a time word");
    CHECK(rejection(k_wed, k_ny, "tomorrow thang") == "unexpected \"thang\" after \"tomorrow\"");
    // after "first" only "thing" fits; "this" (one edit from "thi") must not be offered
    const std::string first_thi = rejection(k_wed, k_ny, "first thi tomorrow");
    CHECK(!first_thi.empty());
    CHECK(!contains(first_thi, "\"this\""));
    CHECK(!contains(rejection(k_wed, k_ny, "in 3 mid"), "\"min\""));
    CHECK(rejection(k_wed, k_ny, "blorp") == "\"blorp\" is not a time phrase");
    CHECK(rejection(k_wed, k_ny, "fortnite") == "\"fortnite\" is not a time phrase");
}

// ---------------------------------------------------------------------------------------------
// The gaps a review found (fu contradicted the issue, or gave a window the words do not say),
// closed: each check asks for the documented window or a refusal.

TEST_CASE("when phrases: the gaps the first review found")
{
    // "ten to 3" is 14:50 (like "quarter to 3"), not the range 10:00–15:00; "at" makes it a
    // clock time for sure. Either the clock time or a refusal as ambiguous.
    check_documented_or_refused(
        {k_wed, "friday at ten to 3", "2026-06-19T14:50-04:00", "2026-06-19T15:05-04:00"});
    check_documented_or_refused(
        {k_wed, "ten to 3", "2026-06-17T14:50-04:00", "2026-06-17T15:05-04:00"});
    check_documented_or_refused(
        {k_wed, "tomorrow ten to twelve", "2026-06-18T11:50-04:00", "2026-06-18T12:05-04:00"});
    // "five to 4" / "twenty to 4" are clock idioms like "five past 3", not a reversed range
    check_documented_or_refused(
        {k_wed, "five to 4", "2026-06-17T15:55-04:00", "2026-06-17T16:10-04:00"});
    SUBCASE("five to 4 is not a reversed range")
    {
        CHECK(!contains(rejection(k_wed, k_ny, "five to 4"), "ends before it starts"));
    }

    // "4-2pm": 4 is 16:00 by the rule, so the range ends before it starts, as "4-2" and
    // "4pm-2pm" are refused. fu reads 04:00–14:00, a ten-hour window from 4 in the morning.
    check_rejections({
        {k_wed, "tomorrow 4-2pm", "ends before it starts"},
        {k_wed, "tomorrow 5-3pm", "ends before it starts"},
        {k_wed, "tomorrow 3-1pm", "ends before it starts"},
    });

    // Two weekdays in the wrong order: fu spans Tue 23 – Mon 29 (Wed, Thu, Fri included).
    check_rejections({
        {k_wed, "tuesday or monday", "monday"},
        {k_wed, "friday or thursday", "thursday"},
    });

    // "early tomorrow morning" drops "early": fu gives the whole morning.
    check_documented_or_refused(
        {k_wed, "early tomorrow morning", "2026-06-18T09:00-04:00", "2026-06-18T10:30-04:00"});

    // mid-month / early this month at the month's last working hour: fu runs from now (30 Jun)
    // to next month's mid / early part, and says "this month's working days are over" with an
    // hour of June left. The window should be next month's part alone, or a refusal.
    check_documented_or_refused(
        {k_quarter_end, "mid-month", "2026-07-13T09:00-04:00", "2026-07-20T17:00-04:00"});
    check_documented_or_refused(
        {k_quarter_end, "early this month", "2026-07-01T09:00-04:00", "2026-07-10T17:00-04:00"});

    // Day ranges: "the working days from the first to the last". fu keeps weekend ends
    // (Fri 26 09:00 – Sun 28 17:00), and a range already running moves whole to next year.
    check_documented_or_refused(
        {k_wed, "june 26-28", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00"});
    check_documented_or_refused(
        {k_wed, "june 27-29", "2026-06-29T09:00-04:00", "2026-06-29T17:00-04:00"});
    check_documented_or_refused(
        {k_wed, "june 15-19", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"});
    check_documented_or_refused(
        {k_fall_sat, "oct 30 - nov 3", "2026-10-31T10:00-04:00", "2026-11-03T17:00-05:00"});

    // "before" composes with any deadline: fu refuses these as "already over" at 10:00.
    check_cases({
        {k_wed, "before eod", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "before end of day", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "before the end of the month", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
    });

    // "within the next few days" ends on Saturday 20 Jun 17:00, "in/over the next few days"
    // on Monday 22 Jun 17:00; a deadline on a non-working day is a window nobody said.
    check_cases({
        {k_wed, "within the next few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
    });

    // "before T" is a deadline from now; fu reads "before 3pm friday" as Fri 09:00–15:00
    // while "before friday 3pm" and "by 3pm friday" run from now.
    check_cases({
        {k_wed, "before 3pm friday", "2026-06-17T10:00-04:00", "2026-06-19T15:00-04:00"},
    });

    // An end equal to its start is refused, whatever the hour.
    check_rejections({
        {k_wed, "tomorrow 9-9", "starts and ends at the same hour"},
        {k_wed, "tomorrow 12-12", "starts and ends at the same hour"},
    });

    // Refusal wording that names the wrong problem.
    SUBCASE("wording: a trailing word after later today")
    {
        CHECK(rejection(k_wed, k_ny, "later today please") ==
              "unexpected \"please\" after \"later today\"");
    }
    SUBCASE("wording: a trailing word after sometime next week")
    {
        CHECK(rejection(k_wed, k_ny, "sometime next week please") ==
              "unexpected \"please\" after \"sometime next week\"");
    }
    SUBCASE("wording: later this month is not later alone")
    {
        CHECK(!contains(rejection(k_wed, k_ny, "later this month"), "alone"));
    }
    SUBCASE("wording: every week suggests in a week, not in 3 months")
    {
        std::string hint;
        rejection(k_wed, k_ny, "every week", {}, &hint);
        CHECK(!contains(hint, "in 3 months"));
    }

    // Common variants of the families that are refused.
    check_cases({
        {k_wed, "in july", "2026-07-01T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "sometime in july", "2026-07-01T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "midweek", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "in two weeks' time", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "friday by eod", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "from monday onwards", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00",
         "three working days from it"},
        {k_wed, "tomorrow or the day after", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "at one thirty", "2026-06-17T13:30-04:00", "2026-06-17T13:45-04:00",
         "read as 13:30"},
        {k_wed, "twenty to 4", "2026-06-17T15:40-04:00", "2026-06-17T15:55-04:00", "read as 15:40"},
        {k_wed, "june 22nd - 24th", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "lunch time tomorrow", "2026-06-18T12:00-04:00", "2026-06-18T14:00-04:00"},
    });
}
