// fu/when.hpp — the time language: words a salesperson says -> a precise callback window.
//
// A pure function of (words, now, zone, settings): it never reads the clock or the environment.
// It is the only place in fu that parses time words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fu/clock.hpp"
#include "fu/settings.hpp"
#include "fu/zone.hpp"

namespace fu {

// A half-open window [earliest, latest) plus notices explaining any reading that was not literal
// ("friday is today; taking the friday in 7 days", "4 read as 16:00").
struct Window {
    Instant earliest;
    Instant latest;
    std::vector<std::string> notices;
};

// How resolve() treats the past.
enum class TimeDirection {
    future, // a promise: a window that is already over is rejected (the default)
    past,   // a moment something happened (`log --at`): past days and times are allowed
};

// The clocks a phrase may be read on: the user's ("my time") and the customer's ("their time"),
// which is the default when known.
struct Clocks {
    const Zone* user = nullptr;    // never null
    const Zone* contact = nullptr; // null when the customer's zone is unknown
};

// The longest time phrase fu reads, in bytes; a longer one is refused before it is looked at.
inline constexpr std::size_t k_longest_phrase = 256;

// Resolves `text` against `now`, on the customer's clock when known, else the user's; a zone at
// the end of the phrase ("pacific", "my time", "their time") chooses another clock.
// Throws fu::Error (status 2) as the overload below does.
Window resolve(std::string_view text, Instant now, const Clocks& clocks, const Settings& settings,
               TimeDirection direction = TimeDirection::future);

// Resolves `text` (e.g. "tomorrow afternoon") against `now` in `zone`.
// Throws fu::Error (status 2) with one clear line, and a hint where one helps, when the words are
// rejected: unknown or leftover words, ambiguity, impossible or non-existent times, windows already
// over.
Window resolve(std::string_view text, Instant now, const Zone& zone,
               const Settings& settings, TimeDirection direction = TimeDirection::future);

// Parses the value of --now / FU_NOW: ISO 8601 local time ("2026-06-15T09:30", seconds optional,
// a space instead of T allowed) read in `zone`, or with an offset/Z. Throws fu::Error (status 2).
Instant parse_now(std::string_view text, const Zone& zone);

// Looks up an IANA zone name; throws fu::Error (status 2) naming it when unknown.
// Zone abbreviations like "EST" are refused with a hint to use an IANA name.
const Zone& find_zone(std::string_view name);

// The zone a stored record names (a contact's tz, a promise's zone), or `fallback` when the name is
// empty or this system no longer knows it.
const Zone& zone_or(std::string_view name, const Zone& fallback);

} // namespace fu
