// tests/unit/when_phrases_review_test.cpp — what a second review of the time language found, each
// case as it reads now: a window the words say, or a refusal. Said on the Wednesday
// (17 Jun 2026 10:00, New York) unless another moment is named.
#include <doctest/doctest.h>

#include "fu/error.hpp"
#include "when_test_support.hpp"

using namespace fu::testing;
using namespace fu::testing::phrases;

TEST_CASE("when phrases review: a part of the day holds the hour said with it")
{
    check_cases({
        {k_wed, "tonight after 8", "2026-06-17T20:00-04:00", "2026-06-17T21:00-04:00",
         "\"8\" read as 20:00"},
        {k_wed, "after 8 tonight", "2026-06-17T20:00-04:00", "2026-06-17T21:00-04:00",
         "\"8\" read as 20:00"},
        {k_wed, "tomorrow night after 8", "2026-06-18T20:00-04:00", "2026-06-18T21:00-04:00",
         "20:00"},
        {k_wed, "tonight before 9", "2026-06-17T17:00-04:00", "2026-06-17T21:00-04:00", "21:00"},
        {k_wed, "this afternoon before 4", "2026-06-17T12:00-04:00", "2026-06-17T16:00-04:00",
         "16:00"},
        {k_wed, "tomorrow morning after 10", "2026-06-18T10:00-04:00", "2026-06-18T12:00-04:00",
         "10:00"},
        {k_wed, "tomorrow morning 7", "2026-06-18T07:00-04:00", "2026-06-18T07:15-04:00", "07:00"},
        {k_wed, "tonight 10", "2026-06-17T22:00-04:00", "2026-06-17T22:15-04:00", "22:00"},
        {k_wed, "friday pm 3", "2026-06-19T15:00-04:00", "2026-06-19T15:15-04:00", "15:00"},
    });
    check_rejections({
        {k_wed, "tomorrow morning 3pm", "\"3pm\" is not in the morning"},
        {k_wed, "tomorrow afternoon 10am", "\"10am\" is not in the afternoon"},
        {k_wed, "tonight at 2", "\"2\" is not in the evening"},
        {k_wed, "tonight at 12", "in the evening is ambiguous"},
        {k_wed, "this evening at 3", "not in the evening"},
        {k_wed, "tomorrow evening 2-4", "not in the evening"},
        {k_wed, "tomorrow afternoon at 11", "not in the afternoon"},
        {k_wed, "afternoon 9-11", "not in the afternoon"},
        {k_wed, "tomorrow afternoon before 10", "not in the afternoon"},
        {k_wed, "after 9 tonight", "nothing of the day is left"},
    });
}

TEST_CASE("when phrases review: deadlines end where the words say")
{
    check_cases({
        {k_wed, "by lunch", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "by friday lunchtime", "2026-06-17T10:00-04:00", "2026-06-19T12:00-04:00"},
        {k_wed, "by the weekend", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "by first thing tomorrow", "2026-06-17T10:00-04:00", "2026-06-18T09:00-04:00"},
        {k_wed, "by tomorrow morning", "2026-06-17T10:00-04:00", "2026-06-18T12:00-04:00"},
        {k_wed, "before 3pm friday", "2026-06-17T10:00-04:00", "2026-06-19T15:00-04:00"},
        {k_wed, "friday before 3pm", "2026-06-19T09:00-04:00", "2026-06-19T15:00-04:00"},
        {k_wed, "friday by eod", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "friday e.o.d.", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "close of play tomorrow", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "by end of play", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
    });
}

TEST_CASE("when phrases review: numbers are never read as the wrong thing")
{
    check_cases({
        {k_wed, "the 19", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "the 3", "2026-07-03T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "2h", "2026-06-17T12:00-04:00", "2026-06-17T12:15-04:00"},
        {k_wed, "in 10 hours", "2026-06-17T20:00-04:00", "2026-06-17T20:15-04:00"},
        {k_wed, "tomorrow 2pm-4pm -05:00", "2026-06-18T15:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "tomorrow 2-4 -05:00", "2026-06-18T15:00-04:00", "2026-06-18T17:00-04:00",
         "14:00–16:00"},
        {k_wed, "friday 4-4:30", "2026-06-19T16:00-04:00", "2026-06-19T16:30-04:00", "16:00–16:30"},
        {k_wed, "friday 9am-noon", "2026-06-19T09:00-04:00", "2026-06-19T12:00-04:00"},
        {k_wed, "8:30", "2026-06-18T08:30-04:00", "2026-06-18T08:45-04:00",
         "\"8:30\" read as 08:30"},
    });
    check_rejections({
        {k_wed, "1400 hours", "\"1400 hours\" is not a duration fu reads"},
        {k_wed, "1000h", "\"1000h\" is not a duration fu reads"},
        {k_wed, "10h", "not a time phrase"},
        {k_wed, "tomorrow 10am -5", "unexpected \"-5\""},
        {k_wed, "2pm -5", "unexpected \"-5\""},
        {k_wed, "tomorrow 9-9", "starts and ends at the same hour"},
        {k_wed, "2pm GMT", "ambiguous while the UK is on summer time"},
    });
    check_cases({{"2026-12-01T10:00", "tomorrow 2pm GMT", "2026-12-02T09:00-05:00",
                  "2026-12-02T09:15-05:00", "read in UTC"}});
}

TEST_CASE("when phrases review: two choices share a day or a time")
{
    check_cases({
        {k_wed, "monday or tuesday at 2", "2026-06-22T14:00-04:00", "2026-06-23T14:15-04:00",
         "14:00"},
        {k_wed, "monday or tuesday afternoon", "2026-06-22T12:00-04:00", "2026-06-23T17:00-04:00"},
        {k_wed, "tomorrow 2pm or 3pm", "2026-06-18T14:00-04:00", "2026-06-18T15:15-04:00"},
        {k_wed, "tomorrow morning or afternoon", "2026-06-18T09:00-04:00",
         "2026-06-18T17:00-04:00"},
        {k_wed, "tomorrow or the day after", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "monday/tuesday", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_wed, "mon-tue", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {k_fri_evening, "friday or monday", "2026-06-26T09:00-04:00", "2026-06-29T17:00-04:00",
         "friday is today"},
    });
}

TEST_CASE("when phrases review: weeks, months and their parts")
{
    check_cases({
        {k_wed, "last week of july", "2026-07-27T09:00-04:00", "2026-07-31T17:00-04:00"},
        {k_wed, "second week of july", "2026-07-08T09:00-04:00", "2026-07-14T17:00-04:00"},
        {k_wed, "w/c 22 june", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "week commencing 22nd june", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "thanksgiving week", "2026-11-23T09:00-05:00", "2026-11-27T17:00-05:00"},
        {k_wed, "mid to late next week", "2026-06-23T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "early to mid next week", "2026-06-22T09:00-04:00", "2026-06-25T17:00-04:00"},
        {k_wed, "first of next month", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "first of the month", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "the 15th of the month", "2026-07-15T09:00-04:00", "2026-07-15T17:00-04:00"},
        {k_wed, "a week tuesday", "2026-06-30T09:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "a week today", "2026-06-24T09:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "a fortnight on friday", "2026-07-03T09:00-04:00", "2026-07-03T17:00-04:00"},
        {k_wed, "next wk", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {k_wed, "not before monday", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00",
         "three working days from it"},
        {k_wed, "after work", "2026-06-17T17:00-04:00", "2026-06-17T21:00-04:00"},
    });
    check_rejections({{k_wed, "early to late tomorrow", "a day has no early-to-late span"}});
}

TEST_CASE("when phrases review: how people type")
{
    check_cases({
        {k_wed, "thurs @ 2pm", "2026-06-18T14:00-04:00", "2026-06-18T14:15-04:00"},
        {k_wed, "fri 5p", "2026-06-19T17:00-04:00", "2026-06-19T17:15-04:00"},
        {k_wed, "Jun. 22", "2026-06-22T09:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "midafternoon tomorrow", "2026-06-18T13:15-04:00", "2026-06-18T15:45-04:00"},
        {k_wed, "tonite", "2026-06-17T17:00-04:00", "2026-06-17T21:00-04:00"},
        {k_wed, "tomorrow eve", "2026-06-18T17:00-04:00", "2026-06-18T21:00-04:00"},
        {k_wed, "tmrw aft", "2026-06-18T12:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "next biz day", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {k_wed, "1st thing tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {k_wed, "between 3 & 5", "2026-06-17T15:00-04:00", "2026-06-17T17:00-04:00", "15:00–17:00"},
        {k_wed,
         "tomorrow\xC2\xA0"
         "2pm",
         "2026-06-18T14:00-04:00", "2026-06-18T14:15-04:00"},
        {k_wed, "\xE2\x80\x8Ftomorrow 2pm", "2026-06-18T14:00-04:00", "2026-06-18T14:15-04:00"},
        {k_wed, "ten to 3", "2026-06-17T14:50-04:00", "2026-06-17T15:05-04:00", "14:50"},
        {k_wed, "three thirty", "2026-06-17T15:30-04:00", "2026-06-17T15:45-04:00", "15:30"},
        {k_wed, "tomorrow 10 to 3", "2026-06-18T10:00-04:00", "2026-06-18T15:00-04:00",
         "10:00–15:00"},
    });
}

TEST_CASE("when phrases review: places as zones")
{
    check_cases({
        {k_wed, "tomorrow 2pm london", "2026-06-18T09:00-04:00", "2026-06-18T09:15-04:00",
         "read in Europe/London"},
        {k_wed, "tomorrow 2pm uk time", "2026-06-18T09:00-04:00", "2026-06-18T09:15-04:00",
         "Europe/London"},
        {k_wed, "tomorrow 9am west coast time", "2026-06-18T12:00-04:00", "2026-06-18T12:15-04:00",
         "America/Los_Angeles"},
        {k_wed, "tomorrow 3pm mumbai time", "2026-06-18T05:30-04:00", "2026-06-18T05:45-04:00",
         "Asia/Kolkata"},
        {k_wed, "tomorrow 3pm new york time", "2026-06-18T15:00-04:00", "2026-06-18T15:15-04:00"},
        {k_wed, "tomorrow 9am (pacific)", "2026-06-18T12:00-04:00", "2026-06-18T12:15-04:00",
         "America/Los_Angeles"},
    });
}

TEST_CASE("when phrases review: hostile input is refused quickly and without a crash")
{
    std::string by;
    for (int i = 0; i < 9000; ++i) {
        by += "by ";
    }
    CHECK(!rejection(k_wed, k_ny, by + "tomorrow").empty());
    std::string after;
    for (int i = 0; i < 4000; ++i) {
        after += "the day after ";
    }
    CHECK(!rejection(k_wed, k_ny, after + "tomorrow").empty());
    std::string typos;
    for (int i = 0; i < 3000; ++i) {
        typos += "tomorow ";
    }
    CHECK(rejection(k_wed, k_ny, typos) == "the time phrase is too long (24000 bytes; at most 256)");
    CHECK(rejection(k_wed, k_ny, typos.substr(0, 256)) == "\"tomorow\" is not a time word");
}

TEST_CASE("when phrases review: looking back, a phrase is a moment that has happened")
{
    using fu::TimeDirection;
    const TimeDirection past = TimeDirection::past;
    check_cases(
        {
            {k_wed, "yesterday eod", "2026-06-16T17:00-04:00", "2026-06-16T17:00-04:00"},
            {k_wed, "friday cob", "2026-06-12T17:00-04:00", "2026-06-12T17:00-04:00"},
            {k_wed, "around 9", "2026-06-17T09:00-04:00", "2026-06-17T09:30-04:00",
             "\"9\" read as 09:00"},
            {k_wed, "lunchtime", "2026-06-16T12:00-04:00", "2026-06-16T14:00-04:00"},
            {k_wed, "the weekend", "2026-06-13T00:00-04:00", "2026-06-15T00:00-04:00"},
            {"2026-09-15T10:00", "last month", "2026-08-01T00:00-04:00", "2026-09-01T00:00-04:00"},
            {"2026-09-15T10:00", "early last month", "2026-08-01T00:00-04:00",
             "2026-08-11T00:00-04:00"},
        },
        k_ny, {}, past);
    check_rejections(
        {
            {k_wed, "by monday", "looks ahead"},
            {k_wed, "before monday", "looks ahead"},
            {k_wed, "asap", "looks ahead"},
            {k_wed, "within the hour", "looks ahead"},
            {k_wed, "later today", "looks ahead"},
            {k_wed, "over the next few days", "looks ahead"},
            {k_wed, "eod", "is in the future"},
        },
        k_ny, {}, past);
}

TEST_CASE("when phrases review: deadlines at the edges of a day, a week and a year")
{
    check_cases({
        {"2026-06-19T14:30", "friday cob", "2026-06-19T14:30-04:00", "2026-06-19T17:00-04:00",
         "friday is today; taking today"},
        {"2026-06-19T14:30", "by friday", "2026-06-19T14:30-04:00", "2026-06-19T17:00-04:00",
         "friday is today"},
        {"2026-06-19T14:30", "friday", "2026-06-26T09:00-04:00", "2026-06-26T17:00-04:00",
         "taking fri 26 jun"},
        {"2026-06-17T00:30", "later today", "2026-06-17T09:00-04:00", "2026-06-17T17:00-04:00"},
    });
    check_rejections({
        {"2026-12-31T17:30", "eoy", "is already over"},
        {"2026-12-31T17:30", "this year", "is already over"},
        {"2026-12-31T17:30", "eoq", "is already over"},
    });
}

TEST_CASE("when phrases review: limits and zones a code review found")
{
    check_rejections({
        {k_wed, "friday 3pm west", "zone abbreviation"},
        {k_wed, "friday 3pm south", "unexpected \"south\""},
        {k_wed, "3pm GMT tomorrow", "unexpected"},
        {k_wed, "999999 fortnights from friday", "too far away"},
        {k_wed, "christmas 0000", "unexpected \"0000\""},
        {k_wed, "2099-01-01", "too far away"},
    });
    check_cases({
        {k_wed, "before tuesday or thursday", "2026-06-17T10:00-04:00", "2026-06-24T17:00-04:00"},
        {k_wed, "tomorrow 3pm Asia/Shanghai.", "2026-06-18T03:00-04:00", "2026-06-18T03:15-04:00",
         "read in Asia/Shanghai"},
        {k_wed, "seventy minutes", "2026-06-17T11:10-04:00", "2026-06-17T11:25-04:00"},
        {k_wed, "by midnight", "2026-06-17T10:00-04:00", "2026-06-18T00:00-04:00"},
        {k_wed, "tomorrow 10pm-12am", "2026-06-18T22:00-04:00", "2026-06-19T00:00-04:00"},
    });
    // holidays that cover every working day for years are an error, not a non-working day
    check_rejections({{k_wed, "next business day", "no working day within a year"}}, k_ny,
                     with_holidays({"2026-06-18..2029-12-31"}));
    check_cases(
        {{k_wed, "3 business days ago", "2026-06-12T00:00-04:00", "2026-06-13T00:00-04:00"}}, k_ny,
        {}, fu::TimeDirection::past);
}

TEST_CASE("when phrases review: what a fourth pass found")
{
    check_cases({
        {k_wed, "june 19-21", "2026-06-19T09:00-04:00", "2026-06-19T17:00-04:00",
         "has working days fri 19 jun – fri 19 jun only"},
        {k_wed, "after 3pm friday", "2026-06-19T15:00-04:00", "2026-06-19T17:00-04:00"},
        {k_wed, "within a few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {k_wed, "by the afternoon", "2026-06-17T10:00-04:00", "2026-06-17T17:00-04:00"},
        {k_wed, "before the afternoon", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {k_wed, "first thing next week", "2026-06-22T09:00-04:00", "2026-06-22T10:00-04:00"},
        {k_wed, "may", "2027-05-03T09:00-04:00", "2027-05-31T17:00-04:00", "may has passed this year"},
        {"2026-06-17T19:00", "tomorrow 9am sydney", "2026-06-18T19:00-04:00", "2026-06-18T19:15-04:00",
         "where today is thu 18 jun"},
    });
    check_rejections({
        {k_wed, "after thanksgiving 3pm", "ambiguous: after the day, or after the time on it?"},
        {k_wed, "after friday 3pm", "ambiguous"},
        {k_wed, "by friday 2-4", "a range of hours has no single edge"},
        {k_wed, "by 2-4", "no single edge"},
        {k_wed, "after 2-4", "no single edge"},
    });
}

TEST_CASE("when phrases review: two hours as choices, years, and a slash that is a date")
{
    check_cases({
        {k_wed, "tomorrow 2 or 3", "2026-06-18T14:00-04:00", "2026-06-18T15:15-04:00", "\"3\" read as 15:00"},
        {k_wed, "around 3 or 4", "2026-06-17T14:30-04:00", "2026-06-17T16:30-04:00", "\"4\" read as 16:00"},
        {k_wed, "end of 2026", "2026-06-17T10:00-04:00", "2026-12-31T17:00-05:00"},
        {k_wed, "in 2027", "2027-01-01T09:00-05:00", "2027-12-31T17:00-05:00"},
        {k_wed, "early 2027", "2027-01-01T09:00-05:00", "2027-03-31T17:00-04:00"},
        {k_wed, "monday/tuesday", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
    });
    check_rejections({
        {k_wed, "2 or 3", "not a time phrase"},
        {k_wed, "after lunch 12/01", "not an ISO date"},
        {k_wed, "tomorrow 2pm 12/01", "not an ISO date"},
    });
}

TEST_CASE("when phrases review: the first or last business day, the last day of a month")
{
    check_cases({
        {k_wed, "first business day of next month", "2026-07-01T09:00-04:00", "2026-07-01T17:00-04:00"},
        {k_wed, "second business day of july", "2026-07-02T09:00-04:00", "2026-07-02T17:00-04:00"},
        {k_wed, "last business day of the month", "2026-06-30T09:00-04:00", "2026-06-30T17:00-04:00"},
        {k_wed, "first business day of january", "2027-01-01T09:00-05:00", "2027-01-01T17:00-05:00"},
        {k_wed, "last day of june", "2026-06-30T09:00-04:00", "2026-06-30T17:00-04:00"},
    });
    // with new year's day a holiday, the first business day of january is the 4th (a Monday)
    check_cases({{k_wed, "first business day of january", "2027-01-04T09:00-05:00",
                  "2027-01-04T17:00-05:00"}},
                k_ny, with_holidays({"new year's day"}));
    check_rejections({{k_wed, "fifth monday of july", "jul 2026 has no 5th monday"}});
}
