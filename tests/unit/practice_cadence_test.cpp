// Keep-in-touch cadences: reading them, writing them back, their windows; interest levels.
#include <doctest/doctest.h>

#include "fu/error.hpp"
#include "fu/practice.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;

namespace {
Cadence days(int ideal, int worst)
{
    return {{0, ideal}, {0, worst}};
}
Cadence months(int ideal, int worst)
{
    return {{ideal, 0}, {worst, 0}};
}

Cadence read(const std::string& text)
{
    const std::optional<Cadence> cadence = parse_cadence(text);
    REQUIRE_MESSAGE(cadence, text);
    return *cadence;
}

// The message and hint of the refusal of `text`, "" when it is read.
std::string refusal(const std::string& text, std::string* hint = nullptr)
{
    try {
        parse_cadence(text);
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        if (hint) {
            *hint = e.hint();
        }
        return e.what();
    }
    return "";
}

const fu::Zone& london()
{
    return fu::locate_zone("Europe/London");
}
} // namespace

TEST_CASE("a single cadence length is due after it and overdue after half as much again")
{
    CHECK(read("weekly") == days(7, 11));
    CHECK(read("every week") == days(7, 11));
    CHECK(read("a week") == days(7, 11));
    CHECK(read("once a week") == days(7, 11));
    CHECK(read("every 2 weeks") == days(14, 21));
    CHECK(read("fortnightly") == days(14, 21));
    CHECK(read("a fortnight") == days(14, 21));
    CHECK(read("every other week") == days(14, 21));
    CHECK(read("every second week") == days(14, 21));
    CHECK(read("every 2nd week") == days(14, 21));
    CHECK(read("every 10 days") == days(10, 15));
    CHECK(read("daily") == days(1, 2));
    CHECK(read("every 3 days") == days(3, 5));
    CHECK(read("monthly") == Cadence{{1, 0}, {1, 15}});
    CHECK(read("a month") == Cadence{{1, 0}, {1, 15}});
    CHECK(read("every other month") == months(2, 3));
    CHECK(read("quarterly") == Cadence{{3, 0}, {4, 15}});
    CHECK(read("every quarter") == Cadence{{3, 0}, {4, 15}});
    CHECK(read("every 6 months") == months(6, 9));
    CHECK(read("semiannually") == months(6, 9));
    CHECK(read("semi-annually") == months(6, 9));
    CHECK(read("twice a year") == months(6, 9));
    CHECK(read("yearly") == months(12, 18));
    CHECK(read("annually") == months(12, 18));
    CHECK(read("every year") == months(12, 18));
    CHECK(read("every twelve months") == months(12, 18));
    CHECK(read("twice a month") == days(14, 21));
    CHECK(read("1 month 15 days") == Cadence{{1, 15}, {1, 38}});
}

TEST_CASE("cadence ranges, in the many ways salespeople say them")
{
    for (const char* text :
         {"2-3 weeks", "2–3 weeks", "2 — 3 weeks", "2 to 3 weeks", "2 or 3 weeks", "2-3wks",
          "every 2-3 weeks", "EVERY  2-3  Weeks", "two to three weeks", "between 2 and 3 weeks",
          "2 weeks-3 weeks", "2 wk to 3 wk", "about every 2-3 weeks", "every 2-3 weeks or so"}) {
        CAPTURE(text);
        CHECK(read(text) == days(14, 21));
    }
    CHECK(read("every 10-14 days") == days(10, 14));
    CHECK(read("10-14d") == days(10, 14));
    CHECK(read("a week or two") == days(7, 14));
    CHECK(read("every week or two") == days(7, 14));
    CHECK(read("1-2 months") == months(1, 2));
    CHECK(read("every month or two") == months(1, 2));
    CHECK(read("2 weeks to a month") == Cadence{{0, 14}, {1, 0}});
    CHECK(read("3 weeks-2 months") == Cadence{{0, 21}, {2, 0}});
    CHECK(read("1-2 yrs") == months(12, 24));
    CHECK(read("6-8 mos") == months(6, 8));
    CHECK(read("twice a week") == days(3, 4));
    CHECK(read("a couple of weeks") == days(14, 21));
}

TEST_CASE("no cadence at all")
{
    for (const char* text : {"none", "off", "never", "no", " None "}) {
        CAPTURE(text);
        CHECK_FALSE(parse_cadence(text));
    }
}

TEST_CASE("cadences that are refused with a reason")
{
    std::string hint;
    CHECK(refusal("biweekly", &hint) ==
          "\"biweekly\" is ambiguous (every 2 weeks or twice a week?)");
    CHECK(hint == "say \"every 2 weeks\" or \"twice a week\"");
    CHECK(refusal("bimonthly", &hint) ==
          "\"bimonthly\" is ambiguous (every 2 months or twice a month?)");
    CHECK(hint == "say \"every 2 months\" or \"twice a month\"");
    CHECK(refusal("bi-weekly").find("ambiguous") != std::string::npos);
    CHECK(refusal("3-2 weeks", &hint) == "\"3-2 weeks\" runs backwards");
    CHECK(refusal("1 month-3 weeks") == "\"1 month-3 weeks\" runs backwards");
    CHECK(refusal("0 days") == "\"0 days\" is no rhythm: a cadence needs a length");
    CHECK(refusal("0-2 weeks").find("no rhythm") != std::string::npos);
    CHECK(refusal("every 16 years") == "\"every 16 years\" is longer than 15 years");
    CHECK(refusal("every 99999999999999999999 days").find("longer than 15 years") !=
          std::string::npos);
    CHECK(refusal("every 10 years").empty());
    CHECK(refusal("tomorrow", &hint) == "\"tomorrow\" is a time, not a cadence");
    CHECK(hint == "a cadence is how often, e.g. \"every 2 weeks\"; for a date use fu promise");
    CHECK(refusal("in 2 weeks") == "\"in 2 weeks\" is a time, not a cadence");
    CHECK(refusal("every monday") == "\"every monday\" is a time, not a cadence");
    CHECK(refusal("next friday 3pm").find("is a time") != std::string::npos);
    CHECK(refusal("every 2 weks", &hint) ==
          "cannot read \"every 2 weks\" as a cadence (did you mean \"weeks\"?)");
    CHECK(hint.find("\"2-3 weeks\"") != std::string::npos);
    CHECK(refusal("whenever I feel like it").find("too vague") != std::string::npos);
    CHECK(refusal("every few weeks") == "\"every few weeks\" is too vague for a cadence");
    CHECK(refusal("every 4 hours").find("calendar days, weeks, months or years") !=
          std::string::npos);
    CHECK(refusal("every 3 m") == "\"m\" could be minutes or months");
    CHECK(refusal("every 2") == "\"every 2\" needs a unit");
    CHECK(refusal("2-3") == "\"2-3\" needs a unit");
    CHECK(refusal("1.5 weeks").find("whole units") != std::string::npos);
    CHECK(refusal("") == "no cadence given");
    CHECK(refusal("every") == "\"every\" needs a length, e.g. \"every 2 weeks\"");
    CHECK(refusal("3 times a month").find("does not divide") != std::string::npos);
    CHECK(refusal("2nd week").find("cannot read") != std::string::npos);
    CHECK(refusal("2 weeks to").find("cannot read") != std::string::npos);
    CHECK(refusal("weekly or monthly").find("cannot read") != std::string::npos);
    CHECK(refusal("2 weeks 💼").find("cannot read") != std::string::npos);
}

TEST_CASE("cadence words read back to the same cadence")
{
    CHECK(cadence_text(days(14, 21)) == "2-3 weeks"); // a range in one unit says both ends
    CHECK(cadence_text(days(7, 11)) == "7-11 days");
    CHECK(cadence_text(days(10, 15)) == "10-15 days");
    CHECK(cadence_text(days(14, 14)) == "2-2 weeks");
    CHECK(cadence_text(days(14, 21 + 7)) == "2-4 weeks");
    CHECK(cadence_text(days(10, 14)) == "10-14 days");
    CHECK(cadence_text(days(7, 10)) == "7-10 days");
    CHECK(cadence_text(Cadence{{1, 0}, {1, 15}}) == "1 month");
    CHECK(cadence_text(Cadence{{3, 0}, {4, 15}}) == "3 months");
    CHECK(cadence_text(months(12, 18)) == "12-18 months");
    CHECK(cadence_text(months(1, 2)) == "1-2 months");
    CHECK(cadence_text(months(12, 24)) == "1-2 years");
    CHECK(cadence_text(months(12, 15)) == "12-15 months");
    CHECK(cadence_text(Cadence{{0, 14}, {1, 0}}) == "2 weeks-1 month");
    CHECK(cadence_text(Cadence{{1, 15}, {1, 38}}) == "1 month 15 days");
    CHECK(cadence_text(Cadence{{1, 0}, {0, 42}}) == "1 month-6 weeks");

    for (const char* text : {"weekly",
                             "every 2 weeks",
                             "2-3 weeks",
                             "every 10-14 days",
                             "a month",
                             "monthly",
                             "fortnightly",
                             "every other week",
                             "quarterly",
                             "every 6 months",
                             "yearly",
                             "every week or two",
                             "1-2 months",
                             "2 weeks to a month",
                             "3 weeks-2 months",
                             "1 month 15 days",
                             "twice a week",
                             "daily",
                             "every 18 months",
                             "1 month-6 weeks",
                             "1 month 15 days-2 months",
                             "1 year 2 weeks",
                             "2-2 weeks",
                             "4 weeks-1 month",
                             "every 10 years",
                             "1-2 yrs",
                             "every 3 days"}) {
        CAPTURE(text);
        const Cadence cadence = read(text);
        CAPTURE(cadence_text(cadence));
        CHECK(read(cadence_text(cadence)) == cadence);
    }
}

TEST_CASE("cadence: an interval is added on the local calendar, keeping the clock time")
{
    const Instant noon = at("2026-12-01T12:00:00Z"); // 12:00 in London
    CHECK(add_interval(noon, {0, 14}, london()) == at("2026-12-15T12:00:00Z"));
    CHECK(add_interval(noon, {1, 15}, london()) == at("2027-01-16T12:00:00Z"));
    // Months clip to the month's end.
    CHECK(add_interval(at("2026-01-31T09:00:00Z"), {1, 0}, london()) == at("2026-02-28T09:00:00Z"));
    // Across the spring clock change the local time stays 09:00 (08:00 UTC in summer).
    CHECK(add_interval(at("2026-03-20T09:00:00Z"), {0, 14}, london()) ==
          at("2026-04-03T08:00:00Z"));
    // A local time the clock change skips (01:30 on 29 March 2026) resolves without throwing.
    CHECK(add_interval(at("2026-03-28T01:30:00Z"), {0, 1}, london()) == at("2026-03-29T01:00:00Z"));
    // A repeated local time (01:30 on 25 October 2026) takes its earlier instant.
    CHECK(add_interval(at("2026-10-24T00:30:00Z"), {0, 1}, london()) == at("2026-10-25T00:30:00Z"));
}

TEST_CASE("cadence: the keep-in-touch window runs from ideal to worst")
{
    const Instant last = at("2026-12-01T10:00:00Z");
    const TouchWindow w = keep_in_touch_window(days(14, 21), last, london());
    CHECK(w.earliest == at("2026-12-15T10:00:00Z"));
    CHECK(w.latest == at("2026-12-22T10:00:00Z"));
    const TouchWindow one_day = keep_in_touch_window(days(14, 14), last, london());
    CHECK(one_day.earliest == at("2026-12-15T10:00:00Z"));
    CHECK(one_day.latest == at("2026-12-16T10:00:00Z"));
    // 30 days to 1 month from 1 February: the month is shorter, still a day long at least.
    const TouchWindow february =
        keep_in_touch_window(Cadence{{0, 30}, {1, 0}}, at("2026-02-01T10:00:00Z"), london());
    CHECK(february.latest == add_interval(february.earliest, {0, 1}, london()));
}

TEST_CASE("cadence: interest levels and their rank")
{
    CHECK(interest_levels() == std::vector<std::string>{"hot", "warm", "cold"});
    CHECK(interest_rank("hot") == 0);
    CHECK(interest_rank("warm") == 1);
    CHECK(interest_rank("") == 2);
    CHECK(interest_rank("cold") == 3);
}
