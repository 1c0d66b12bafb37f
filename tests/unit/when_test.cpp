// tests/unit/when_test.cpp — the time language, table-driven; `now` and the zone are always explicit.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fu/error.hpp"
#include "fu/when.hpp"
#include "when_test_support.hpp"

namespace {

using fu::Settings;
using fu::TimeDirection;
using namespace fu::testing;

constexpr const char* k_mon = "2026-06-15T09:30"; // Monday
constexpr const char* k_fri_evening = "2026-06-19T17:45";

} // namespace

TEST_CASE("when: every example in the issue")
{
    check_cases({
        {k_mon, "today", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "tomorrow afternoon", "2026-06-16T12:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "tonight", "2026-06-15T17:00-04:00", "2026-06-15T21:00-04:00"},
        {k_mon, "eod", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "in the next day or so", "2026-06-15T09:30-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "by friday 5pm", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "friday 5pm", "2026-06-19T17:00-04:00", "2026-06-19T17:15-04:00"},
        {k_mon, "friday", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "monday", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00", "monday is today"},
        {k_mon, "next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_mon, "eow", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "in 2-3 days", "2026-06-17T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in 3 business days", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in a week or two", "2026-06-22T09:00-04:00", "2026-06-29T17:00-04:00"},
        {k_mon, "within the hour", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
        {k_mon, "in an hour", "2026-06-15T10:30-04:00", "2026-06-15T10:45-04:00"},
        {k_mon, "5pm", "2026-06-15T17:00-04:00", "2026-06-15T17:15-04:00"},
        {k_mon, "friday at 4", "2026-06-19T16:00-04:00", "2026-06-19T16:15-04:00", "16:00"},
        {k_mon, "next month", "2026-07-01T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_mon, "15th", "2026-07-15T09:00-04:00", "2026-07-15T17:00-04:00"},
        {k_mon, "2026-12-01T14:00+01:00", "2026-12-01T08:00-05:00", "2026-12-01T08:15-05:00"},
        {k_fri_evening, "5pm", "2026-06-20T17:00-04:00", "2026-06-20T17:15-04:00", "sat 20 jun"},
        {k_fri_evening, "this week", "2026-06-19T17:45-04:00", "2026-06-26T17:00-04:00",
         "next week"},
        {k_fri_evening, "in 2-3 days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00",
         "not a workday"},
        {"2026-03-07T10:00", "in 24 hours", "2026-03-08T11:00-04:00", "2026-03-08T11:15-04:00"},
        {"2026-10-31T10:00", "tomorrow 1:30am", "2026-11-01T01:30-04:00", "2026-11-01T01:45-04:00",
         "occurs twice"},
        {"2026-01-31T10:00", "in a month", "2026-03-02T09:00-05:00", "2026-03-02T17:00-05:00",
         "mon 2 mar"},
        {"2026-01-31T10:00", "eom", "2026-01-31T10:00-05:00", "2026-02-27T17:00-05:00",
         "next month"},
    });
}

TEST_CASE("when: rejections in the issue's examples")
{
    check_rejections({
        {k_mon, "next friday", "ambiguous"},
        {k_mon, "12/01/2026", "12/01/2026"},
        {k_mon, "yesterday", "already over"},
        {k_mon, "tomorow", "did you mean \"tomorrow\""},
        {k_fri_evening, "eod", "already over"},
        {"2026-03-07T10:00", "tomorrow 2:30am", "does not exist in America/New_York"},
    });
}

TEST_CASE("when: messages name the problem")
{
    std::string hint;
    CHECK(rejection(k_mon, k_ny, "next friday", {}, TimeDirection::future, &hint) ==
          "\"next friday\" is ambiguous: fri 19 jun or fri 26 jun?");
    CHECK(hint == "say \"this friday\" or \"friday next week\"");
    CHECK(rejection(k_mon, k_ny, "tomorow") ==
          "\"tomorow\" is not a time phrase (did you mean \"tomorrow\"?)");
    CHECK(rejection(k_mon, k_ny, "yesterday") == "\"yesterday\" is already over");
    CHECK(rejection("2026-03-07T10:00", k_ny, "tomorrow 2:30am") ==
          "2026-03-08 02:30 does not exist in America/New_York (the clocks skip it)");
    CHECK(rejection(k_mon, k_ny, "5pm EST", {}, TimeDirection::future, &hint) ==
          "\"EST\" is a zone abbreviation");
    CHECK(contains(hint, "-05:00"));
    CHECK(rejection(k_mon, k_ny, "tomorrow afternoon please") ==
          "unexpected \"please\" after \"tomorrow afternoon\"");
    CHECK(rejection(k_mon, k_ny, "tomorrow afternon") ==
          "\"afternon\" is not a time word (did you mean \"afternoon\"?)");
    CHECK(rejection(k_mon, k_ny, "gibberish words") == "\"gibberish\" is not a time word");
    CHECK(rejection(k_fri_evening, k_ny, "eod", {}, TimeDirection::future, &hint) ==
          "\"eod\" is already over");
    CHECK(contains(hint, "17:00"));
    CHECK(rejection(k_mon, k_ny, "next weekend") ==
          "\"next weekend\" is ambiguous: sat 20 jun–sun 21 jun or sat 27 jun–sun 28 jun?");
}

TEST_CASE("when: days")
{
    check_cases({
        {k_mon, "tomorrow", "2026-06-16T09:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "Tomorrow.", "2026-06-16T09:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "  TOMORROW   afternoon ", "2026-06-16T12:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "the day after tomorrow", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "mon", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00", "today"},
        {k_mon, "tue", "2026-06-16T09:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "on wednesday", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "thurs", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "saturday", "2026-06-20T09:00-04:00", "2026-06-20T17:00-04:00"},
        {k_mon, "sunday", "2026-06-21T09:00-04:00", "2026-06-21T17:00-04:00"},
        {k_mon, "this friday", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "this coming friday", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "tuesday next week", "2026-06-23T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_mon, "friday next week", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_mon, "thursday this week", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "next monday", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {"2026-06-20T10:00", "next friday", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00"},
        {"2026-06-21T10:00", "next tuesday", "2026-06-23T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_mon, "the 15th", "2026-07-15T09:00-04:00", "2026-07-15T17:00-04:00"},
        {k_mon, "on the 16th", "2026-06-16T09:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "1st", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_mon, "31st", "2026-07-31T09:00-04:00", "2026-07-31T17:00-04:00", "jun has no 31st"},
        {"2026-01-31T10:00", "30th", "2026-03-30T09:00-04:00", "2026-03-30T17:00-04:00",
         "feb has no 30th"},
        {k_mon, "dec 15", "2026-12-15T09:00-05:00", "2026-12-15T17:00-05:00"},
        {k_mon, "15 december", "2026-12-15T09:00-05:00", "2026-12-15T17:00-05:00"},
        {k_mon, "december 15th", "2026-12-15T09:00-05:00", "2026-12-15T17:00-05:00"},
        {k_mon, "the 15th of december", "2026-12-15T09:00-05:00", "2026-12-15T17:00-05:00"},
        {k_mon, "dec 15 2027", "2027-12-15T09:00-05:00", "2027-12-15T17:00-05:00"},
        {k_mon, "june 15", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "june 14", "2027-06-14T09:00-04:00", "2027-06-14T17:00-04:00",
         "has passed this year"},
        {k_mon, "feb 29", "2028-02-29T09:00-05:00", "2028-02-29T17:00-05:00", "2028"},
        {k_mon, "2026-12-01", "2026-12-01T09:00-05:00", "2026-12-01T17:00-05:00"},
        {k_mon, "friday 19 jun", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "sat 2026-06-20", "2026-06-20T09:00-04:00", "2026-06-20T17:00-04:00"},
    });
}

TEST_CASE("when: parts of a day")
{
    check_cases({
        {k_mon, "monday morning", "2026-06-22T09:00-04:00", "2026-06-22T12:00-04:00", "today"},
        {k_mon, "tuesday morning", "2026-06-16T09:00-04:00", "2026-06-16T12:00-04:00"},
        {k_mon, "this morning", "2026-06-15T09:30-04:00", "2026-06-15T12:00-04:00"},
        {k_mon, "this afternoon", "2026-06-15T12:00-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "this evening", "2026-06-15T17:00-04:00", "2026-06-15T21:00-04:00"},
        {k_mon, "friday lunch", "2026-06-19T12:00-04:00", "2026-06-19T14:00-04:00"},
        {k_mon, "friday at lunch", "2026-06-19T12:00-04:00", "2026-06-19T14:00-04:00"},
        {k_mon, "tomorrow evening", "2026-06-16T17:00-04:00", "2026-06-16T21:00-04:00"},
        {k_mon, "tomorrow night", "2026-06-16T17:00-04:00", "2026-06-16T21:00-04:00"},
        {k_mon, "afternoon", "2026-06-15T12:00-04:00", "2026-06-15T17:00-04:00"},
        {"2026-06-15T13:00", "in the morning", "2026-06-16T09:00-04:00", "2026-06-16T12:00-04:00",
         "tue 16 jun"},
        {k_mon, "tonight at 8", "2026-06-15T20:00-04:00", "2026-06-15T20:15-04:00",
         "\"8\" read as 20:00"},
        {k_mon, "tomorrow morning at 10", "2026-06-16T10:00-04:00", "2026-06-16T10:15-04:00",
         "\"10\" read as 10:00"},
        {k_mon, "tomorrow afternoon at 3", "2026-06-16T15:00-04:00", "2026-06-16T15:15-04:00",
         "\"3\" read as 15:00"},
        {k_mon, "8pm tonight", "2026-06-15T20:00-04:00", "2026-06-15T20:15-04:00"},
    });
    check_rejections({
        {"2026-06-15T15:00", "this morning", "already over"},
        {"2026-06-15T21:30", "tonight", "already over"},
    });
}

TEST_CASE("when: clock times")
{
    check_cases({
        {k_mon, "5 pm", "2026-06-15T17:00-04:00", "2026-06-15T17:15-04:00"},
        {k_mon, "5 p.m.", "2026-06-15T17:00-04:00", "2026-06-15T17:15-04:00"},
        {k_mon, "5PM", "2026-06-15T17:00-04:00", "2026-06-15T17:15-04:00"},
        {k_mon, "at 5pm", "2026-06-15T17:00-04:00", "2026-06-15T17:15-04:00"},
        {k_mon, "3:30pm", "2026-06-15T15:30-04:00", "2026-06-15T15:45-04:00"},
        {k_mon, "15:30", "2026-06-15T15:30-04:00", "2026-06-15T15:45-04:00"},
        {k_mon, "noon", "2026-06-15T12:00-04:00", "2026-06-15T12:15-04:00"},
        {k_mon, "at noon", "2026-06-15T12:00-04:00", "2026-06-15T12:15-04:00"},
        {k_mon, "12 noon", "2026-06-15T12:00-04:00", "2026-06-15T12:15-04:00"},
        {k_mon, "9am", "2026-06-16T09:00-04:00", "2026-06-16T09:15-04:00", "has passed today"},
        {k_mon, "9:30", "2026-06-15T09:30-04:00", "2026-06-15T09:45-04:00", "\"9:30\" read as 09:30"},
        {k_mon, "12am tomorrow", "2026-06-16T00:00-04:00", "2026-06-16T00:15-04:00"},
        {k_mon, "12pm", "2026-06-15T12:00-04:00", "2026-06-15T12:15-04:00"},
        {k_mon, "4", "2026-06-15T16:00-04:00", "2026-06-15T16:15-04:00", "\"4\" read as 16:00"},
        {k_mon, "at 10", "2026-06-15T10:00-04:00", "2026-06-15T10:15-04:00", "read as 10:00"},
        {k_mon, "at 12", "2026-06-15T12:00-04:00", "2026-06-15T12:15-04:00", "read as 12:00"},
        {k_mon, "friday at 5", "2026-06-19T17:00-04:00", "2026-06-19T17:15-04:00", "17:00"},
        {k_mon, "friday at 1", "2026-06-19T13:00-04:00", "2026-06-19T13:15-04:00", "13:00"},
        {k_mon, "friday at 6", "2026-06-19T18:00-04:00", "2026-06-19T18:15-04:00", "18:00"},
        {k_mon, "friday at 8", "2026-06-19T08:00-04:00", "2026-06-19T08:15-04:00", "08:00"},
        {k_mon, "friday at 11", "2026-06-19T11:00-04:00", "2026-06-19T11:15-04:00", "11:00"},
        {k_mon, "friday at 4 o'clock", "2026-06-19T16:00-04:00", "2026-06-19T16:15-04:00",
         "16:00"},
        {k_mon, "at 4 on friday", "2026-06-19T16:00-04:00", "2026-06-19T16:15-04:00", "16:00"},
        {k_mon, "5pm tomorrow", "2026-06-16T17:00-04:00", "2026-06-16T17:15-04:00"},
        {k_mon, "at 10 in the morning", "2026-06-15T10:00-04:00", "2026-06-15T10:15-04:00"},
        {k_mon, "2026-12-01 14:00", "2026-12-01T14:00-05:00", "2026-12-01T14:15-05:00"},
        {k_mon, "2026-12-01T14:00", "2026-12-01T14:00-05:00", "2026-12-01T14:15-05:00"},
        {k_mon, "2026-12-01T14:00Z", "2026-12-01T09:00-05:00", "2026-12-01T09:15-05:00"},
        {k_mon, "2026-12-01T14:00-0800", "2026-12-01T17:00-05:00", "2026-12-01T17:15-05:00"},
        {k_mon, "tomorrow 5pm -05:00", "2026-06-16T18:00-04:00", "2026-06-16T18:15-04:00"},
    });
}

TEST_CASE("when: deadlines")
{
    check_cases({
        {k_mon, "end of day", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "by end of day", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "by the end of the day", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "cob", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "by close of business", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00"},
        {k_mon, "by friday", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "by tomorrow", "2026-06-15T09:30-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "eod friday", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "by the end of tomorrow", "2026-06-15T09:30-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "by tomorrow morning", "2026-06-15T09:30-04:00", "2026-06-16T12:00-04:00"},
        {k_mon, "by 3pm", "2026-06-15T09:30-04:00", "2026-06-15T15:00-04:00"},
        {k_mon, "by noon", "2026-06-15T09:30-04:00", "2026-06-15T12:00-04:00"},
        {k_mon, "by 9am", "2026-06-15T09:30-04:00", "2026-06-16T09:00-04:00", "has passed"},
        {k_mon, "by friday at 2pm", "2026-06-15T09:30-04:00", "2026-06-19T14:00-04:00"},
        {k_mon, "by 2pm friday", "2026-06-15T09:30-04:00", "2026-06-19T14:00-04:00"},
        {k_mon, "end of week", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "by the end of the week", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "this week", "2026-06-15T09:30-04:00", "2026-06-19T17:00-04:00"},
        {k_mon, "by the end of next week", "2026-06-15T09:30-04:00", "2026-06-26T17:00-04:00"},
        {k_mon, "eom", "2026-06-15T09:30-04:00", "2026-06-30T17:00-04:00"},
        {k_mon, "end of month", "2026-06-15T09:30-04:00", "2026-06-30T17:00-04:00"},
        {k_mon, "by the end of the month", "2026-06-15T09:30-04:00", "2026-06-30T17:00-04:00"},
        {"2026-06-21T12:00", "eow", "2026-06-21T12:00-04:00", "2026-06-26T17:00-04:00",
         "next week"},
        {"2026-06-19T16:59", "eow", "2026-06-19T16:59-04:00", "2026-06-19T17:00-04:00"},
        {"2026-05-29T18:00", "eom", "2026-05-29T18:00-04:00", "2026-06-30T17:00-04:00",
         "next month"},
        {k_mon, "asap", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
        {k_mon, "right away", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
        {k_mon, "as soon as possible", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
        {k_mon, "within an hour", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
        {k_mon, "within 30 minutes", "2026-06-15T09:30-04:00", "2026-06-15T10:00-04:00"},
        {k_mon, "within 2 hours", "2026-06-15T09:30-04:00", "2026-06-15T11:30-04:00"},
        {k_mon, "within 2 days", "2026-06-15T09:30-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "within a week", "2026-06-15T09:30-04:00", "2026-06-22T17:00-04:00"},
        {k_mon, "within 2 weeks", "2026-06-15T09:30-04:00", "2026-06-29T17:00-04:00"},
        {k_mon, "within 3 business days", "2026-06-15T09:30-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "this month", "2026-06-15T09:30-04:00", "2026-06-30T17:00-04:00"},
        {k_mon, "in a day or so", "2026-06-15T09:30-04:00", "2026-06-16T17:00-04:00"},
        {k_fri_evening, "in the next day or so", "2026-06-19T17:45-04:00",
         "2026-06-22T17:00-04:00"},
    });
    check_rejections({
        {"2026-06-15T17:00", "eod", "already over"},
        {"2026-06-15T17:00", "today", "already over"},
        {"2026-06-15T18:00", "by 5pm today", "already over"},
        {"2026-06-15T10:00", "by today 9am", "already over"},
    });
}

TEST_CASE("when: relative days")
{
    check_cases({
        {k_mon, "in 2 days", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "in two days", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "3d", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in a day", "2026-06-16T09:00-04:00", "2026-06-16T17:00-04:00"},
        {k_mon, "in a couple of days", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "in a few days", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in 5 days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00", "sat 20 jun"},
        {k_mon, "in a week", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_mon, "in 2 weeks", "2026-06-29T09:00-04:00", "2026-06-29T17:00-04:00"},
        {k_mon, "2w", "2026-06-29T09:00-04:00", "2026-06-29T17:00-04:00"},
        {k_mon, "in a month", "2026-07-15T09:00-04:00", "2026-07-15T17:00-04:00"},
        {k_mon, "in 2 to 3 days", "2026-06-17T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in 2–3 days", "2026-06-17T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in a day or two", "2026-06-16T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "in 4-6 days", "2026-06-19T09:00-04:00", "2026-06-22T17:00-04:00", "not a workday"},
        {k_mon, "in 2 working days", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "in 5 business days", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_fri_evening, "in 1 business day", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_mon, "in 2 days at 3pm", "2026-06-17T15:00-04:00", "2026-06-17T15:15-04:00"},
        {k_mon, "in a week in the morning", "2026-06-22T09:00-04:00", "2026-06-22T12:00-04:00"},
        {k_mon, "2 days from now", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
        {k_mon, "in two or three days", "2026-06-17T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_mon, "in 2 months", "2026-08-17T09:00-04:00", "2026-08-17T17:00-04:00",
         "sat 15 aug is not a workday"},
        {"2026-03-31T10:00", "in a month", "2026-04-30T09:00-04:00", "2026-04-30T17:00-04:00",
         "apr has no 31st"},
    });
}

TEST_CASE("when: weeks, weekends and months")
{
    check_cases({
        {k_mon, "early next week", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_mon, "beginning of next week", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_fri_evening, "next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {"2026-06-21T10:00", "next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_mon, "this weekend", "2026-06-20T09:00-04:00", "2026-06-21T17:00-04:00"},
        {k_mon, "the weekend", "2026-06-20T09:00-04:00", "2026-06-21T17:00-04:00"},
        {"2026-06-20T10:00", "this weekend", "2026-06-20T10:00-04:00", "2026-06-21T17:00-04:00"},
        {"2026-06-20T10:00", "next weekend", "2026-06-27T09:00-04:00", "2026-06-28T17:00-04:00"},
        {"2026-06-21T10:00", "next weekend", "2026-06-27T09:00-04:00", "2026-06-28T17:00-04:00"},
        {k_mon, "the weekend after next", "2026-06-27T09:00-04:00", "2026-06-28T17:00-04:00"},
        {"2026-12-15T10:00", "next month", "2027-01-01T09:00-05:00", "2027-01-29T17:00-05:00"},
        {"2026-07-15T10:00", "next month", "2026-08-03T09:00-04:00", "2026-08-31T17:00-04:00"},
    });
    check_rejections({
        {k_mon, "next weekend", "ambiguous"},
        {"2026-06-21T17:30", "this weekend", "already over"},
    });
}

TEST_CASE("when: elapsed time is added to the instant")
{
    check_cases({
        {k_mon, "in 2 hours", "2026-06-15T11:30-04:00", "2026-06-15T11:45-04:00"},
        {k_mon, "in 30 minutes", "2026-06-15T10:00-04:00", "2026-06-15T10:15-04:00"},
        {k_mon, "in half an hour", "2026-06-15T10:00-04:00", "2026-06-15T10:15-04:00"},
        {k_mon, "in an hour and a half", "2026-06-15T11:00-04:00", "2026-06-15T11:15-04:00"},
        {k_mon, "2h", "2026-06-15T11:30-04:00", "2026-06-15T11:45-04:00"},
        {k_mon, "PT24H", "2026-06-16T09:30-04:00", "2026-06-16T09:45-04:00"},
        {k_mon, "PT1H30M", "2026-06-15T11:00-04:00", "2026-06-15T11:15-04:00"},
        {k_mon, "2 hours from now", "2026-06-15T11:30-04:00", "2026-06-15T11:45-04:00"},
        {k_mon, "in 2-3 hours", "2026-06-15T11:30-04:00", "2026-06-15T12:30-04:00"},
        {"2026-11-01T00:30", "in 2 hours", "2026-11-01T01:30-05:00", "2026-11-01T01:45-05:00"},
        {"2026-03-08T01:30", "in 1 hour", "2026-03-08T03:30-04:00", "2026-03-08T03:45-04:00"},
    });
}

TEST_CASE("when: DST in America/New_York")
{
    check_cases({
        // spring forward, sun 8 mar 2026, 02:00 -> 03:00
        {"2026-03-07T10:00", "tomorrow", "2026-03-08T09:00-04:00", "2026-03-08T17:00-04:00"},
        {"2026-03-07T10:00", "tomorrow 3am", "2026-03-08T03:00-04:00", "2026-03-08T03:15-04:00"},
        {"2026-03-07T10:00", "tomorrow 1:59am", "2026-03-08T01:59-05:00",
         "2026-03-08T03:14-04:00"},
        {"2026-03-07T10:00", "in 2 days", "2026-03-09T09:00-04:00", "2026-03-09T17:00-04:00"},
        // fall back, sun 1 nov 2026, 02:00 -> 01:00
        {"2026-10-31T10:00", "tomorrow 1:30am -05:00", "2026-11-01T01:30-05:00",
         "2026-11-01T01:45-05:00"},
        {"2026-10-31T10:00", "in 24 hours", "2026-11-01T09:00-05:00", "2026-11-01T09:15-05:00"},
        {"2026-10-31T10:00", "tomorrow", "2026-11-01T09:00-05:00", "2026-11-01T17:00-05:00"},
        {"2026-11-01T00:30", "1:30am", "2026-11-01T01:30-04:00", "2026-11-01T01:45-04:00",
         "taking the earlier, -04:00"},
    });
    check_rejections({
        {"2026-03-07T10:00", "tomorrow 2:30am", "(the clocks skip it)"},
        {"2026-03-07T10:00", "2026-03-08 02:00", "does not exist"},
    });
}

TEST_CASE("when: DST in Europe/Berlin")
{
    check_cases(
        {
            // spring forward, sun 29 mar 2026, 02:00 -> 03:00
            {"2026-03-28T10:00", "tomorrow", "2026-03-29T09:00+02:00", "2026-03-29T17:00+02:00"},
            {"2026-03-28T10:00", "in 24 hours", "2026-03-29T11:00+02:00",
             "2026-03-29T11:15+02:00"},
            {"2026-03-28T10:00", "tomorrow 03:00", "2026-03-29T03:00+02:00",
             "2026-03-29T03:15+02:00"},
            // fall back, sun 25 oct 2026, 03:00 -> 02:00
            {"2026-10-24T10:00", "tomorrow 02:30", "2026-10-25T02:30+02:00",
             "2026-10-25T02:45+02:00", "occurs twice on sun 25 oct"},
            {"2026-10-24T10:00", "tomorrow 02:30 +01:00", "2026-10-25T02:30+01:00",
             "2026-10-25T02:45+01:00"},
            {"2026-10-24T10:00", "in 24 hours", "2026-10-25T09:00+01:00",
             "2026-10-25T09:15+01:00"},
            {"2026-10-24T10:00", "next week", "2026-10-26T09:00+01:00",
             "2026-10-30T17:00+01:00"},
        },
        k_berlin);
    check_rejections({{"2026-03-28T10:00", "tomorrow 02:30", "does not exist in Europe/Berlin"}},
                     k_berlin);
}

TEST_CASE("when: month and year ends")
{
    check_cases({
        {"2026-12-31T10:00", "tomorrow", "2027-01-01T09:00-05:00", "2027-01-01T17:00-05:00"},
        {"2026-12-31T10:00", "next week", "2027-01-04T09:00-05:00", "2027-01-08T17:00-05:00"},
        {"2026-12-31T10:00", "eom", "2026-12-31T10:00-05:00", "2026-12-31T17:00-05:00"},
        {"2026-12-31T18:00", "eom", "2026-12-31T18:00-05:00", "2027-01-29T17:00-05:00",
         "next month"},
        {"2026-12-31T10:00", "eow", "2026-12-31T10:00-05:00", "2027-01-01T17:00-05:00"},
        {"2026-12-31T10:00", "jan 5", "2027-01-05T09:00-05:00", "2027-01-05T17:00-05:00",
         "2027"},
        {"2026-12-31T10:00", "15th", "2027-01-15T09:00-05:00", "2027-01-15T17:00-05:00"},
        {"2026-12-31T10:00", "in a month", "2027-02-01T09:00-05:00", "2027-02-01T17:00-05:00",
         "not a workday"},
        {"2026-12-31T10:00", "in 2 days", "2027-01-04T09:00-05:00", "2027-01-04T17:00-05:00",
         "not a workday"},
        {"2026-02-27T10:00", "in 2 days", "2026-03-02T09:00-05:00", "2026-03-02T17:00-05:00",
         "sun 1 mar is not a workday"},
        {"2026-01-30T18:00", "eom", "2026-01-30T18:00-05:00", "2026-02-27T17:00-05:00",
         "next month"},
        {"2028-02-28T10:00", "tomorrow", "2028-02-29T09:00-05:00", "2028-02-29T17:00-05:00"},
    });
}

TEST_CASE("when: non-default settings")
{
    Settings s;
    s.day = {8 * 60, 18 * 60};
    s.workdays = {false, true, true, true, true, true, true}; // Mon–Sat
    check_cases(
        {
            {k_mon, "today", "2026-06-15T09:30-04:00", "2026-06-15T18:00-04:00"},
            {k_mon, "tomorrow", "2026-06-16T08:00-04:00", "2026-06-16T18:00-04:00"},
            {k_mon, "eod", "2026-06-15T09:30-04:00", "2026-06-15T18:00-04:00"},
            {k_mon, "next week", "2026-06-22T08:00-04:00", "2026-06-27T18:00-04:00"},
            {k_mon, "eow", "2026-06-15T09:30-04:00", "2026-06-20T18:00-04:00"},
            {k_fri_evening, "in 2-3 days", "2026-06-22T08:00-04:00", "2026-06-22T18:00-04:00",
             "sun 21 jun is not a workday"},
            {k_fri_evening, "in 1 day", "2026-06-20T08:00-04:00", "2026-06-20T18:00-04:00"},
            {k_fri_evening, "eod", "2026-06-19T17:45-04:00", "2026-06-19T18:00-04:00"},
            {k_mon, "in 6 business days", "2026-06-22T08:00-04:00", "2026-06-22T18:00-04:00"},
            {"2026-10-30T10:00", "eom", "2026-10-30T10:00-04:00", "2026-10-31T18:00-04:00"},
            {k_mon, "this weekend", "2026-06-20T08:00-04:00", "2026-06-21T18:00-04:00"},
        },
        k_ny, s);

    Settings other;
    other.appointment = std::chrono::minutes{30};
    other.afternoon = {13 * 60, 18 * 60};
    other.week_start = 0; // Sunday
    check_cases(
        {
            {k_mon, "friday 5pm", "2026-06-19T17:00-04:00", "2026-06-19T17:30-04:00"},
            {k_mon, "tomorrow afternoon", "2026-06-16T13:00-04:00", "2026-06-16T18:00-04:00"},
            {"2026-06-21T10:00", "eow", "2026-06-21T10:00-04:00", "2026-06-26T17:00-04:00"},
            {"2026-06-21T10:00", "next week", "2026-06-29T09:00-04:00", "2026-07-03T17:00-04:00"},
        },
        k_ny, other);
}

TEST_CASE("when: every rejection class")
{
    check_rejections({
        // unknown words, with a suggestion
        {k_mon, "tomorow", "did you mean \"tomorrow\""},
        {k_mon, "fridya", "did you mean \"friday\""},
        {k_mon, "nexy week", "did you mean \"next\""},
        {k_mon, "wednsday", "did you mean \"wednesday\""},
        {k_mon, "blorp", "\"blorp\" is not a time phrase"},
        // leftovers
        {k_mon, "tomorrow afternoon please", "unexpected \"please\""},
        {k_mon, "friday friday", "unexpected"},
        {k_mon, "in 2 days 5", "unexpected"},
        // windows already over
        {k_mon, "yesterday", "already over"},
        {k_mon, "last friday", "already over"},
        {"2026-06-15T15:00", "this morning", "already over"},
        {"2026-06-15T17:30", "today", "already over"},
        {"2026-06-15T17:30", "eod", "already over"},
        {k_mon, "2 hours ago", "already over"},
        {k_mon, "2026-01-01", "already over"},
        {k_mon, "today 9am", "already over"},
        // not deadlines
        {k_mon, "later", "\"later\" alone is not a time"},
        {k_mon, "someday", "not a deadline"},
        {k_mon, "sometime", "\"sometime\" needs a time"},
        {k_mon, "soww", "not a deadline"},
        // ambiguity
        {k_mon, "next friday", "fri 19 jun or fri 26 jun"},
        {k_mon, "next saturday", "ambiguous"},
        {k_mon, "next weekend", "ambiguous"},
        // numeric dates other than ISO, two-digit years
        {k_mon, "12/01/2026", "not an ISO date"},
        {k_mon, "01.12.2026", "not an ISO date"},
        {k_mon, "12/01", "not an ISO date"},
        {k_mon, "2026/12/01", "not an ISO date"},
        {k_mon, "26-12-01", "two-digit year"},
        // impossible dates and times
        {k_mon, "2026-02-30", "not a date"},
        {k_mon, "2026-13-01", "not a date"},
        {k_mon, "feb 30", "not a date"},
        {k_mon, "32nd", "not a day of any month"},
        {k_mon, "25:00", "not a time of day"},
        {k_mon, "13:75", "not a time of day"},
        {k_mon, "13pm", "not a time of day"},
        {k_mon, "friday at 25", "not a time of day"},
        // reversed ranges
        {k_mon, "in 3-2 days", "reversed range"},
        {k_mon, "in 3 to 2 weeks", "reversed range"},
        // zone abbreviations
        {k_mon, "EST", "zone abbreviation"},
        {k_mon, "friday 5pm PST", "\"PST\" is a zone abbreviation"},
        {k_mon, "tomorrow 9am CET", "zone abbreviation"},
        // empty input
        {k_mon, "", "empty"},
        {k_mon, "   ", "empty"},
        {k_mon, ".", "empty"},
        // mismatched weekday and date
        {k_mon, "monday 19 jun", "is a friday, not a monday"},
        // absurd distances
        {k_mon, "in 99999 days", "too far"},
    });
}

TEST_CASE("when: past direction (log --at)")
{
    check_cases(
        {
            {k_mon, "now", "2026-06-15T09:30-04:00", "2026-06-15T09:31-04:00"},
            {k_mon, "yesterday", "2026-06-14T00:00-04:00", "2026-06-15T00:00-04:00"},
            {k_mon, "yesterday 3pm", "2026-06-14T15:00-04:00", "2026-06-14T15:15-04:00"},
            {"2026-06-15T15:00", "this morning", "2026-06-15T09:00-04:00",
             "2026-06-15T12:00-04:00"},
            {k_mon, "last friday", "2026-06-12T00:00-04:00", "2026-06-13T00:00-04:00"},
            {k_mon, "friday", "2026-06-12T00:00-04:00", "2026-06-13T00:00-04:00"},
            {k_mon, "2 hours ago", "2026-06-15T07:30-04:00", "2026-06-15T07:45-04:00"},
            {k_mon, "30 minutes ago", "2026-06-15T09:00-04:00", "2026-06-15T09:15-04:00"},
            {k_mon, "3 days ago", "2026-06-12T00:00-04:00", "2026-06-13T00:00-04:00"},
            {k_mon, "9:00", "2026-06-15T09:00-04:00", "2026-06-15T09:15-04:00", "\"9:00\" read as 09:00"},
            {k_mon, "10:30", "2026-06-14T10:30-04:00", "2026-06-14T10:45-04:00",
             "not come yet today"},
            {k_mon, "last week", "2026-06-08T00:00-04:00", "2026-06-13T00:00-04:00"},
            {k_mon, "june 1", "2026-06-01T00:00-04:00", "2026-06-02T00:00-04:00"},
            // looking back, days are whole calendar days: "since today" works before 09:00
            {"2026-06-15T08:00", "today", "2026-06-15T00:00-04:00", "2026-06-16T00:00-04:00"},
            {"2026-06-17T08:00", "this week", "2026-06-15T00:00-04:00", "2026-06-17T08:00-04:00"},
            {"2026-06-17T08:00", "eom", "2026-06-01T00:00-04:00", "2026-06-17T08:00-04:00"},
            {k_mon, "2026-06-10 14:00", "2026-06-10T14:00-04:00", "2026-06-10T14:15-04:00"},
        },
        k_ny, {}, TimeDirection::past);
    check_rejections({{k_mon, "tomorrow", "in the future"}, {k_mon, "in 2 hours", "in the future"}},
                     k_ny, {}, TimeDirection::past);
}

TEST_CASE("when: parse_now")
{
    const fu::Zone& ny = fu::find_zone(k_ny);
    struct NowCase {
        const char* text;
        const char* expected;
    };
    for (const NowCase& c : std::vector<NowCase>{
             {"2026-06-15T09:30", "2026-06-15T09:30-04:00"},
             {"2026-06-15T09:30:15", "2026-06-15T09:30-04:00"},
             {"2026-06-15 09:30", "2026-06-15T09:30-04:00"},
             {"2026-06-15T09:30+01:00", "2026-06-15T04:30-04:00"},
             {"2026-06-15T09:30-0400", "2026-06-15T09:30-04:00"},
             {"2026-06-15T13:30Z", "2026-06-15T09:30-04:00"},
             {"2026-11-01T01:30", "2026-11-01T01:30-04:00"},
         }) {
        SUBCASE(c.text) { CHECK(iso(fu::parse_now(c.text, ny), ny) == c.expected); }
    }
    CHECK(fu::parse_now("2026-06-15T09:30:15", ny).time_since_epoch().count() % 60 == 15);
    for (const char* bad : {"2026-03-08T02:30", "tomorrow", "2026-06-15", "2026-02-30T10:00",
                            "2026-06-15T25:00", "26-06-15T09:30", "2026-06-15T09:30 EST", ""}) {
        SUBCASE(bad) { CHECK_THROWS_AS(fu::parse_now(bad, ny), fu::Error); }
    }
    try {
        fu::parse_now("2026-03-08T02:30", ny);
        FAIL("accepted a time that does not exist");
    } catch (const fu::Error& e) {
        CHECK(std::string(e.what()) ==
              "2026-03-08 02:30 does not exist in America/New_York (the clocks skip it)");
    }
}

TEST_CASE("when: find_zone")
{
    CHECK(fu::find_zone("America/New_York").name() == "America/New_York");
    CHECK(fu::find_zone("Europe/Berlin").name() == "Europe/Berlin");
    CHECK_NOTHROW(fu::find_zone("UTC"));
    CHECK_NOTHROW(fu::find_zone("GMT"));
    try {
        fu::find_zone("Mars/Olympus");
        FAIL("accepted an unknown zone");
    } catch (const fu::Error& e) {
        CHECK(e.status() == fu::k_exit_usage);
        CHECK(std::string(e.what()) == "unknown time zone \"Mars/Olympus\"");
    }
    for (const char* abbreviation : {"EST", "PST", "CET", "CEST", "EDT"}) {
        SUBCASE(abbreviation)
        {
            try {
                fu::find_zone(abbreviation);
                FAIL("accepted an abbreviation");
            } catch (const fu::Error& e) {
                CHECK(contains(e.what(), "abbreviation"));
                CHECK(contains(e.hint(), "America/New_York"));
            }
        }
    }
}

TEST_CASE("when: UTC zone")
{
    check_cases({{"2026-06-15T09:30", "tomorrow", "2026-06-16T09:00+00:00",
                  "2026-06-16T17:00+00:00"}},
                "UTC");
}

TEST_CASE("when: the at before a clock time is optional, and bare hours are always echoed")
{
    check_cases({
        // "with an optional at": a bare hour right after a day named by words
        {k_mon, "friday 4", "2026-06-19T16:00-04:00", "2026-06-19T16:15-04:00",
         "\"4\" read as 16:00"},
        {k_mon, "tomorrow 9", "2026-06-16T09:00-04:00", "2026-06-16T09:15-04:00",
         "\"9\" read as 09:00"},
        {k_mon, "friday 12", "2026-06-19T12:00-04:00", "2026-06-19T12:15-04:00",
         "\"12\" read as 12:00"},
        {k_mon, "by friday 4", "2026-06-15T09:30-04:00", "2026-06-19T16:00-04:00", "16:00"},
        {k_mon, "4 o'clock", "2026-06-15T16:00-04:00", "2026-06-15T16:15-04:00", "16:00"},
        // a part of the day sets am/pm, and the reading is still echoed
        {k_mon, "tonight at 8", "2026-06-15T20:00-04:00", "2026-06-15T20:15-04:00",
         "\"8\" read as 20:00"},
        {k_mon, "friday afternoon at 3", "2026-06-19T15:00-04:00", "2026-06-19T15:15-04:00",
         "\"3\" read as 15:00"},
        {k_mon, "tomorrow morning at 10", "2026-06-16T10:00-04:00", "2026-06-16T10:15-04:00",
         "\"10\" read as 10:00"},
        // after an ISO date, a bare hour follows the bare-hour rule; HH:MM is a 24-hour clock
        {k_mon, "2026-12-01 at 2", "2026-12-01T14:00-05:00", "2026-12-01T14:15-05:00",
         "\"2\" read as 14:00"},
        {k_mon, "2026-12-01 14:00", "2026-12-01T14:00-05:00", "2026-12-01T14:15-05:00"},
        {k_mon, "2026-12-01 02:00", "2026-12-01T02:00-05:00", "2026-12-01T02:15-05:00"},
        {k_mon, "within the next hour", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
        {k_mon, "feb 29", "2028-02-29T09:00-05:00", "2028-02-29T17:00-05:00",
         "does not exist this year"},
    });
    check_rejections({
        {k_mon, "friday 19", "unexpected \"19\""},
        {k_mon, "dec 15 26", "\"dec 15 26\" has a two-digit year"},
        {k_mon, "15 dec 26", "two-digit year"},
        {k_mon, "9.3am", "\"9.3\" is not a time of day"},
        {k_mon, "in 2.5 days", "\"2.5\" is not a whole number"},
        {k_mon, "in 1.5 hours", "not a whole number"},
    });
}

TEST_CASE("when: a clock time in the repeated hour after the clocks fall back")
{
    // Now is 01:40 EST, the second 01:40 of the day. "1:50am" typed alone means the earlier 01:50
    // (EDT), which is already past, so it is tomorrow's, with a notice.
    check_cases({
        {"2026-11-01T01:40-05:00", "1:50am", "2026-11-02T01:50-05:00", "2026-11-02T02:05-05:00",
         "passed today"},
        {"2026-11-01T01:40-04:00", "1:50am", "2026-11-01T01:50-04:00", "2026-11-01T01:05-05:00",
         "occurs twice"},
    });
}

TEST_CASE("when: an appointment already running starts now; only one that is over is refused")
{
    // The window [17:00, 17:15) is still running at 17:05: it is not "already over".
    check_cases({
        {"2026-06-15T17:05", "today 5pm", "2026-06-15T17:05-04:00", "2026-06-15T17:15-04:00"},
        {"2026-06-15T09:10", "2026-06-15T09:00", "2026-06-15T09:10-04:00",
         "2026-06-15T09:15-04:00"},
        {"2026-06-15T09:10", "this morning at 9", "2026-06-15T09:10-04:00",
         "2026-06-15T09:15-04:00", "read as 09:00"},
        // alone, a clock time already past still means tomorrow's
        {"2026-06-15T17:05", "5pm", "2026-06-16T17:00-04:00", "2026-06-16T17:15-04:00",
         "has passed today"},
    });
    check_rejections({
        {"2026-06-15T17:15", "today 5pm", "already over"},
        {k_mon, "today 9am", "already over"},
        {k_mon, "10 minutes ago", "already over"},
        {k_mon, "2 hours ago", "already over"},
    });
}

TEST_CASE("when: by a bare hour, in the next hour")
{
    check_cases({
        {k_mon, "by 4", "2026-06-15T09:30-04:00", "2026-06-15T16:00-04:00", "\"4\" read as 16:00"},
        {k_mon, "by 5", "2026-06-15T09:30-04:00", "2026-06-15T17:00-04:00", "read as 17:00"},
        {k_mon, "by 11", "2026-06-15T09:30-04:00", "2026-06-15T11:00-04:00", "read as 11:00"},
        {k_fri_evening, "by 5", "2026-06-19T17:45-04:00", "2026-06-20T17:00-04:00",
         "has passed today"},
        {k_mon, "in the next hour", "2026-06-15T09:30-04:00", "2026-06-15T10:30-04:00"},
    });
}
