// tests/unit/when_test_support.hpp — what the time-language tests share: a phrase resolved at an
// explicit moment and zone, and the table-driven checks of accepted and refused phrases.
#pragma once

#include <string>
#include <vector>

#include "fu/when.hpp"

namespace fu::testing {

inline constexpr const char* k_ny = "America/New_York";
inline constexpr const char* k_berlin = "Europe/Berlin";

// `t` on `zone`'s clock as yyyy-mm-ddThh:mm±hh:mm, the form every expected window is written in.
std::string iso(Instant t, const fu::Zone& zone);

// A window as the tests compare it: both ends in ISO, and what fu said about its reading.
struct Resolved {
    std::string earliest;
    std::string latest;
    std::vector<std::string> notices;
};

// `words` resolved at `now` (local time in `zone_name`); a refusal escapes as fu::Error.
Resolved resolve_at(const char* now, const char* zone_name, const std::string& words,
                    const Settings& settings = {}, TimeDirection direction = TimeDirection::future);

// The message of the usage error `words` is rejected with, or "" when it is accepted; checks that
// the error is a usage error, and stores its hint in `hint` when given.
std::string rejection(const char* now, const char* zone_name, const std::string& words,
                      const Settings& settings = {},
                      TimeDirection direction = TimeDirection::future, std::string* hint = nullptr);

// The same, looking ahead, for the tests that also read the hint.
std::string rejection(const char* now, const char* zone_name, const std::string& words,
                      const Settings& settings, std::string* hint);

// Whether `needle` occurs in `haystack`.
bool contains(const std::string& haystack, const std::string& needle);

// Whether one of the notices contains `needle`.
bool any_notice_contains(const std::vector<std::string>& notices, const std::string& needle);

// Every notice joined by " | ", or "none": what a failed check shows.
std::string all_notices(const std::vector<std::string>& notices);

// One row of a table of accepted phrases.
struct Case {
    const char* now;
    const char* words;
    const char* earliest;
    const char* latest;
    const char* notice = ""; // a substring one notice must contain; "" = no notice at all
};

// Each case in its own SUBCASE: the window, and the notice or none. A refusal is a failed check
// that shows its message, and the other cases still run.
void check_cases(const std::vector<Case>& cases, const char* zone = k_ny,
                 const Settings& settings = {}, TimeDirection direction = TimeDirection::future);

// One row of a table of refused phrases.
struct Rejection {
    const char* now;
    const char* words;
    const char* message; // a substring of the message
};

// Each case in its own SUBCASE: refused as a usage error whose message contains the expected text.
void check_rejections(const std::vector<Rejection>& cases, const char* zone = k_ny,
                      const Settings& settings = {},
                      TimeDirection direction = TimeDirection::future);

// The "done when": the result is either the documented window or a refusal, never
// another window.
void check_documented_or_refused(const Case& c, const char* zone = k_ny,
                                 const Settings& settings = {});

// Default settings with these holidays, each written as in the config file.
Settings with_holidays(const std::vector<const char*>& entries);

// The reference moments of the phrase tests (local time in the zone of the test).
namespace phrases {
inline constexpr const char* k_wed = "2026-06-17T10:00";         // the examples
inline constexpr const char* k_fri_evening = "2026-06-19T18:30"; // the working week is over
inline constexpr const char* k_sat = "2026-06-20T11:00";         // a weekend
inline constexpr const char* k_quarter_end = "2026-06-30T16:00"; // last working hour of Q2
inline constexpr const char* k_spring_sat = "2026-03-07T10:00";  // New York springs forward
inline constexpr const char* k_spring_sun = "2026-03-08T01:30";  // half an hour before the gap
inline constexpr const char* k_fall_sat = "2026-10-31T10:00";    // New York falls back that night
inline constexpr const char* k_fall_sun = "2026-11-01T00:30";    // half an hour before the repeat
inline constexpr const char* k_berlin_wed = "2026-06-17T10:00";
inline constexpr const char* k_berlin_spring = "2026-03-28T10:00"; // Berlin springs forward 29 Mar
inline constexpr const char* k_berlin_fall = "2026-10-24T10:00";   // Berlin falls back on 25 Oct
} // namespace phrases

} // namespace fu::testing
