// tests/unit/when_phrases_test.cpp — the phrases of issue 8 ("The new phrases"), family by family,
// each at several reference moments: the issue's own (Wed 17 Jun 2026 10:00, New York), a Friday
// evening, a weekend, a month and quarter end, both changes of the clocks in New York, and a second
// zone (Europe/Berlin, whose clocks change on other dates). `now`, the zone and the settings are
// always explicit. The end holds the cases a first review found wrong, now closed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fu/calendar.hpp"
#include "fu/error.hpp"
#include "fu/when.hpp"

namespace {

using fu::Instant;
using fu::Settings;
using fu::Window;

constexpr const char* k_ny = "America/New_York";
constexpr const char* k_berlin = "Europe/Berlin";

// Reference moments (local time in the zone of the test).
constexpr const char* k_wed = "2026-06-17T10:00";         // the issue's examples
constexpr const char* k_fri_evening = "2026-06-19T18:30"; // the working week is over
constexpr const char* k_sat = "2026-06-20T11:00";         // a weekend
constexpr const char* k_quarter_end = "2026-06-30T16:00"; // last working hour of June and of Q2
constexpr const char* k_spring_sat = "2026-03-07T10:00";  // New York springs forward that night
constexpr const char* k_spring_sun = "2026-03-08T01:30";  // half an hour before the gap
constexpr const char* k_fall_sat = "2026-10-31T10:00";    // New York falls back that night
constexpr const char* k_fall_sun = "2026-11-01T00:30";    // half an hour before the repeat
constexpr const char* k_berlin_wed = "2026-06-17T10:00";
constexpr const char* k_berlin_spring = "2026-03-28T10:00"; // Berlin springs forward on 29 Mar
constexpr const char* k_berlin_fall = "2026-10-24T10:00";   // Berlin falls back on 25 Oct

std::string iso(Instant t, const date::time_zone& zone)
{
    return date::format("%FT%R%Ez", date::make_zoned(&zone, t));
}

struct Resolved {
    std::string earliest;
    std::string latest;
    std::vector<std::string> notices;
};

Resolved resolve_at(const char* now, const char* zone_name, const std::string& words,
                    const Settings& settings = {})
{
    const date::time_zone& zone = fu::find_zone(zone_name);
    const Window w = fu::resolve(words, fu::parse_now(now, zone), zone, settings);
    return {iso(w.earliest, zone), iso(w.latest, zone), w.notices};
}

// The message of the usage error `words` is rejected with, or "" when it is accepted.
std::string rejection(const char* now, const char* zone_name, const std::string& words,
                      const Settings& settings = {}, std::string* hint = nullptr)
{
    try {
        resolve_at(now, zone_name, words, settings);
    } catch (const fu::Error& e) {
        CHECK(e.status() == fu::k_exit_usage);
        if (hint != nullptr) {
            *hint = e.hint();
        }
        return e.what();
    }
    return {};
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

bool any_notice_contains(const std::vector<std::string>& notices, const std::string& needle)
{
    for (const auto& n : notices) {
        if (contains(n, needle)) {
            return true;
        }
    }
    return false;
}

std::string all_notices(const std::vector<std::string>& notices)
{
    std::string out;
    for (const auto& n : notices) {
        out += (out.empty() ? "" : " | ") + n;
    }
    return out.empty() ? "none" : out;
}

struct Case {
    const char* now;
    const char* words;
    const char* earliest;
    const char* latest;
    const char* notice = ""; // a substring one notice must contain; "" = no notice at all
};

void check_cases(const std::vector<Case>& cases, const char* zone = k_ny,
                 const Settings& settings = {})
{
    for (const Case& c : cases) {
        SUBCASE((std::string(zone) + " " + c.now + " | " + c.words).c_str())
        {
            Resolved r;
            try {
                r = resolve_at(c.now, zone, c.words, settings);
            } catch (const fu::Error& e) {
                FAIL_CHECK("refused: ", e.what());
                continue;
            }
            INFO("notices: ", all_notices(r.notices));
            CHECK(r.earliest == c.earliest);
            CHECK(r.latest == c.latest);
            if (std::string(c.notice).empty()) {
                CHECK(r.notices.empty());
            } else {
                CHECK(any_notice_contains(r.notices, c.notice));
            }
        }
    }
}

struct Rejection {
    const char* now;
    const char* words;
    const char* message; // a substring of the message
};

void check_rejections(const std::vector<Rejection>& cases, const char* zone = k_ny,
                      const Settings& settings = {})
{
    for (const Rejection& c : cases) {
        SUBCASE((std::string(zone) + " " + c.now + " | " + c.words).c_str())
        {
            const std::string message = rejection(c.now, zone, c.words, settings);
            INFO("message: ", message);
            CHECK(!message.empty());
            CHECK(contains(message, c.message));
        }
    }
}

// The issue's "done when": each result is either the documented window or a refusal, never
// another window.
void check_documented_or_refused(const Case& c, const char* zone = k_ny,
                                 const Settings& settings = {})
{
    SUBCASE((std::string(zone) + " " + c.now + " | " + c.words).c_str())
    {
        try {
            const Resolved r = resolve_at(c.now, zone, c.words, settings);
            INFO("fu reads it as ", r.earliest, " – ", r.latest,
                 "; notices: ", all_notices(r.notices));
            CHECK(r.earliest == c.earliest);
            CHECK(r.latest == c.latest);
        } catch (const fu::Error& e) {
            CHECK(e.status() == fu::k_exit_usage);
        }
    }
}

Settings with_holidays(const std::vector<const char*>& entries)
{
    Settings s;
    for (const char* entry : entries) {
        s.holidays.push_back(fu::parse_holiday(entry));
    }
    return s;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Hour ranges: [start, end) that day; unmarked 1–7 pm, 8–11 am, 12 noon; an end not after its
// start moves 12 h on; a dash is never an offset.

TEST_CASE("when phrases: hour ranges")
{
    check_cases({
        // the issue's examples
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
        // the issue's examples
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
        // the issue's examples (mid-morning is running at 10:00, so it starts now)
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
        {k_wed, "later today pacific", "2026-06-17T10:00-04:00", "2026-06-17T20:00-04:00",
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
    const date::time_zone& ny = fu::find_zone(k_ny);
    const date::time_zone& london = fu::find_zone("Europe/London");
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
    CHECK(rejection(k_wed, k_ny, "mid nxt week") ==
          "\"nxt\" is not a time word (did you mean \"next\"?)");
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

    // Common variants of the issue's families that are refused.
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
