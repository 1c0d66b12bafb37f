// src/when/lexicon.hpp — every word of the time language and what it means, in one place.
//
// The tokenizer, the parser and the diagnosis look words up here; timefmt and the config file take
// their day and month names from here too, so fu has one list of each.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace fu::lexicon {

// Day names by date::weekday::c_encoding() (0 = Sunday) and month names by month number - 1.
extern const std::array<std::string_view, 7> k_weekday_short; // "sun" … "sat"
extern const std::array<std::string_view, 7> k_weekday_long;  // "sunday" … "saturday"
extern const std::array<std::string_view, 12> k_month_short;  // "jan" … "dec"
extern const std::array<std::string_view, 12> k_month_long;   // "january" … "december"

// A part of a day a word names.
enum class PartWord { morning, lunch, afternoon, evening };

// A unit of a duration.
enum class UnitWord { minute, hour, day, week, fortnight, month, quarter, year, business_day };

// The clock a zone word names: an IANA zone, the user's own ("my time"), or the customer's
// ("their time").
struct ZoneWord {
    enum class Kind { named, mine, theirs };
    Kind kind = Kind::named;
    std::string_view zone; // IANA name for `named`
};

std::optional<unsigned> weekday(std::string_view word);   // "fri" -> 5
std::optional<unsigned> month(std::string_view word);     // "sept" -> 9
std::optional<long long> number(std::string_view word);   // "twelve" -> 12, "twenty" -> 20
std::optional<long long> ordinal(std::string_view word);  // "third" -> 3, "twentieth" -> 20
std::optional<PartWord> part(std::string_view word);      // "afternoon", "lunchtime"
std::optional<UnitWord> unit(std::string_view word);      // "days", "hrs", "fortnight"
std::optional<UnitWord> compact_unit(std::string_view w); // the letter after "2" in "2d"
std::optional<ZoneWord> zone(std::string_view word);      // "pacific", "pt", "utc"

// Words that are understood but are not a time: "later", "soon", "someday", …
bool is_vague(std::string_view word);
// Zone abbreviations that name no single zone rule ("est", "cet"): refused with a hint.
bool is_zone_abbreviation(std::string_view word);
// True for every word the time language knows, in any position.
bool is_known(std::string_view word);
// Every known word of three letters or more, for "did you mean …?".
const std::vector<std::string_view>& suggestable_words();

} // namespace fu::lexicon
