// src/zone/posix_tz.hpp — what a POSIX TZ rule says of an instant: standard or daylight time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fu/zone.hpp"

namespace fu {

// A year's rule times as UTC seconds: when daylight time starts (given in standard time) and when
// it ends (given in daylight time). The start may come after the end (the southern hemisphere).
struct RuleYear {
    std::int64_t start = 0;
    std::int64_t end = 0;
};
RuleYear rule_year(const Zone::Rule& rule, int year);

// The instant a year begins in the rule's standard time (January 1, 00:00).
std::int64_t rule_year_begin(const Zone::Rule& rule, int year);

// The instants of a year (in the rule's standard time) where the rule's state can change: the
// year's first instant, then its start and its end when they fall within the year, in order.
struct YearPoints {
    std::array<std::int64_t, 3> at{};
    std::size_t count = 0;
};
YearPoints rule_year_points(const Zone::Rule& rule, int year);

// How many years a rule's pattern takes to repeat: the Gregorian calendar's leap years and
// weekdays repeat every 400 years, and a rule's dates depend on nothing else.
constexpr int k_rule_cycle_years = 400;

// The year an instant falls in, read in the rule's standard time.
int rule_year_of(const Zone::Rule& rule, std::int64_t seconds);

// Whether daylight time is in effect at an instant. As in C libraries and Python's zoneinfo, each
// year is read on its own: within the year, daylight time runs from its start to its end, or (the
// start after the end) outside the span from its end to its start. A start equal to its end means
// daylight time all year. A function of the instant alone, so a rule
// whose years overlap (a start a week before the last year's end) still answers one way.
bool rule_daylight_at(const Zone::Rule& rule, std::int64_t seconds);

} // namespace fu
