// fu/timefmt.hpp — instants and windows written for people and for machines.
#pragma once

#include <chrono>
#include <string>

#include "fu/clock.hpp"
#include "fu/zone.hpp"

namespace fu {

// ISO 8601 with the zone's offset: 2026-06-16T12:00:00-04:00.
std::string iso8601(Instant t, const Zone& zone);

// "Tue 16 Jun" (the year is added when it is not the year of `now`).
std::string human_date(Instant t, const Zone& zone, Instant now);

// "Tue 16 Jun 12:00" (the year is added when it is not the year of `now`).
std::string human_time(Instant t, const Zone& zone, Instant now);

// "Tue 16 Jun 12:00–17:00" for a window within one day, else "Mon 15 Jun 09:30 – Fri 19 Jun 17:00";
// with `with_zone`, the zone's abbreviation follows ("… EDT").
std::string human_window(Instant earliest, Instant latest, const Zone& zone, Instant now,
                         bool with_zone = false);

// The clock part only when the window is within one day ("12:00–17:00"), else as human_window.
std::string human_window_short(Instant earliest, Instant latest, const Zone& zone,
                               Instant now);

// A compact duration: "45m", "3h", "3h 20m", "2d", "2d 4h", "3w".
std::string short_duration(std::chrono::seconds d);

// The zone's city for display: "Europe/Berlin" -> "Berlin", "America/New_York" -> "New York".
std::string zone_city(const Zone& zone);

// The next local midnight after `t` in `zone` (the end of t's local day), DST-correct.
Instant end_of_local_day(Instant t, const Zone& zone);
// The first instant of t's local day in `zone`.
Instant start_of_local_day(Instant t, const Zone& zone);

} // namespace fu
