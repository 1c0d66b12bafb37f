// src/when/lexicon.cpp — the word tables of the time language.
#include "when/lexicon.hpp"

#include <algorithm>
#include <iterator>

namespace fu::lexicon {

const std::array<std::string_view, 7> k_weekday_short{"sun", "mon", "tue", "wed",
                                                      "thu", "fri", "sat"};
const std::array<std::string_view, 7> k_weekday_long{"sunday",   "monday", "tuesday", "wednesday",
                                                     "thursday", "friday", "saturday"};
const std::array<std::string_view, 12> k_month_short{"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
const std::array<std::string_view, 12> k_month_long{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

namespace {

template <typename T> struct Entry {
    std::string_view word;
    T value;
};

template <typename T, std::size_t N>
std::optional<T> find(const std::array<Entry<T>, N>& table, std::string_view word)
{
    for (const auto& e : table) {
        if (e.word == word) {
            return e.value;
        }
    }
    return std::nullopt;
}

constexpr std::array<Entry<unsigned>, 4> k_weekday_extra{
    {{"tues", 2}, {"thur", 4}, {"thurs", 4}, {"weds", 3}}};

constexpr std::array<Entry<long long>, 29> k_numbers{{
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"ninety", 90},
    {"seventy", 70}, {"eighty", 80},    {"hundred", 100}, {"dozen", 12},
}};

constexpr std::array<Entry<long long>, 21> k_ordinals{{
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},
}};

constexpr std::array<Entry<PartWord>, 6> k_parts{{{"morning", PartWord::morning},
                                                  {"lunch", PartWord::lunch},
                                                  {"lunchtime", PartWord::lunch},
                                                  {"afternoon", PartWord::afternoon},
                                                  {"evening", PartWord::evening},
                                                  {"night", PartWord::evening}}};

constexpr std::array<Entry<UnitWord>, 27> k_units{{
    {"minute", UnitWord::minute},
    {"minutes", UnitWord::minute},
    {"min", UnitWord::minute},
    {"mins", UnitWord::minute},
    {"hour", UnitWord::hour},
    {"hours", UnitWord::hour},
    {"hr", UnitWord::hour},
    {"hrs", UnitWord::hour},
    {"day", UnitWord::day},
    {"days", UnitWord::day},
    {"week", UnitWord::week},
    {"weeks", UnitWord::week},
    {"wk", UnitWord::week},
    {"wks", UnitWord::week},
    {"fortnight", UnitWord::fortnight},
    {"fortnights", UnitWord::fortnight},
    {"month", UnitWord::month},
    {"months", UnitWord::month},
    {"quarter", UnitWord::quarter},
    {"quarters", UnitWord::quarter},
    {"year", UnitWord::year},
    {"years", UnitWord::year},
    {"yr", UnitWord::year},
    {"yrs", UnitWord::year},
    {"workday", UnitWord::business_day},
    {"workdays", UnitWord::business_day},
    {"weekday", UnitWord::business_day},
}};

constexpr std::array<Entry<UnitWord>, 11> k_compact_units{{{"m", UnitWord::minute},
                                                           {"min", UnitWord::minute},
                                                           {"mins", UnitWord::minute},
                                                           {"h", UnitWord::hour},
                                                           {"hr", UnitWord::hour},
                                                           {"hrs", UnitWord::hour},
                                                           {"d", UnitWord::day},
                                                           {"w", UnitWord::week},
                                                           {"wk", UnitWord::week},
                                                           {"bd", UnitWord::business_day},
                                                           {"y", UnitWord::year}}};

constexpr std::array<Entry<ZoneWord>, 15> k_zones{{
    {"pt", {ZoneWord::Kind::named, "America/Los_Angeles"}},
    {"pacific", {ZoneWord::Kind::named, "America/Los_Angeles"}},
    {"et", {ZoneWord::Kind::named, "America/New_York"}},
    {"eastern", {ZoneWord::Kind::named, "America/New_York"}},
    {"ct", {ZoneWord::Kind::named, "America/Chicago"}},
    {"central", {ZoneWord::Kind::named, "America/Chicago"}},
    {"mt", {ZoneWord::Kind::named, "America/Denver"}},
    {"mountain", {ZoneWord::Kind::named, "America/Denver"}},
    {"utc", {ZoneWord::Kind::named, "UTC"}},
    {"gmt", {ZoneWord::Kind::named, "UTC"}},
    {"my", {ZoneWord::Kind::mine, ""}},
    {"their", {ZoneWord::Kind::theirs, ""}},
    {"your", {ZoneWord::Kind::theirs, ""}},
    {"his", {ZoneWord::Kind::theirs, ""}},
    {"her", {ZoneWord::Kind::theirs, ""}},
}};

constexpr std::array<std::string_view, 15> k_vague{
    "later", "someday", "sometime", "sometimes", "soww",    "eventually", "whenever", "tbd",
    "tba",   "never",   "anytime",  "soon",      "shortly", "every",      "each"};

constexpr std::array<std::string_view, 38> k_zone_abbreviations{
    "est",  "edt",  "cst",  "cdt",  "mst",  "mdt", "pst", "pdt",  "akst", "akdt",
    "hst",  "hdt",  "ast",  "adt",  "nst",  "ndt", "cet", "cest", "eet",  "eest",
    "wet",  "west", "bst",  "ist",  "msk",  "jst", "kst", "aest", "aedt", "acst",
    "acdt", "awst", "nzst", "nzdt", "sast", "hkt", "sgt", "met"};

// Words the grammar uses besides the tables above.
constexpr std::string_view k_grammar_words[] = {"today",        "tomorrow",    "tmrw",
                                                "tmr",          "tmw",         "yesterday",
                                                "after",        "next",        "this",
                                                "last",         "coming",      "weekend",
                                                "weekends",     "tonight",     "noon",
                                                "midday",       "midnight",    "now",
                                                "just",         "right",       "away",
                                                "asap",         "as",          "soon",
                                                "possible",     "immediately", "eod",
                                                "cob",          "eob",         "eow",
                                                "eom",          "eoq",         "eoy",
                                                "end",          "close",       "of",
                                                "business",     "working",     "work",
                                                "by",           "at",          "on",
                                                "in",           "within",      "a",
                                                "an",           "couple",      "few",
                                                "half",         "and",         "or",
                                                "so",           "to",          "from",
                                                "ago",          "early",       "beginning",
                                                "start",        "am",          "pm",
                                                "oclock",       "before",      "mid",
                                                "middle",       "late",        "around",
                                                "about",        "roughly",     "approximately",
                                                "ish",          "no",          "not",
                                                "than",         "until",       "till",
                                                "til",          "over",        "any",
                                                "time",         "first",       "thing",
                                                "onwards",      "onward",      "starting",
                                                "between",      "through",     "thru",
                                                "same",         "quarter",     "past",
                                                "week",         "weeks",       "month",
                                                "months",       "q",           "year",
                                                "new",          "years",       "christmas",
                                                "xmas",         "eve",         "boxing",
                                                "thanksgiving", "easter",      "good",
                                                "memorial",     "labor",       "labour",
                                                "independence", "halloween",   "valentines",
                                                "valentine",    "st",          "nd",
                                                "rd",           "th",          "o",
                                                "nye",          "the",         "for",
                                                "sometime",     "anytime",     "later",
                                                "mine",         "theirs",      "yours",
                                                "following",    "latest",      "earliest",
                                                "around",       "near",        "toward",
                                                "towards",      "ok",          "okay",
                                                "then",         "more",        "less",
                                                "mornings",     "afternoons",  "midnight",
                                                "earlier",      "past",        "approx",
                                                "circa",        "commencing",  "starting",
                                                "earliest",     "midweek",     "play",
                                                "eop",          "cop",         "current",
                                                "previous",     "during",      "midst",
                                                "round",        "weekday"};

} // namespace

std::optional<unsigned> weekday(std::string_view word)
{
    for (unsigned i = 0; i < 7; ++i) {
        if (k_weekday_short[i] == word || k_weekday_long[i] == word) {
            return i;
        }
    }
    return find(k_weekday_extra, word);
}

std::optional<unsigned> month(std::string_view word)
{
    for (unsigned i = 0; i < 12; ++i) {
        if (k_month_short[i] == word || k_month_long[i] == word) {
            return i + 1;
        }
    }
    if (word == "sept") {
        return 9u;
    }
    return std::nullopt;
}

std::optional<long long> number(std::string_view word)
{
    return find(k_numbers, word);
}
std::optional<long long> ordinal(std::string_view word)
{
    return find(k_ordinals, word);
}
std::optional<PartWord> part(std::string_view word)
{
    return find(k_parts, word);
}
std::optional<UnitWord> unit(std::string_view word)
{
    return find(k_units, word);
}
std::optional<UnitWord> compact_unit(std::string_view w)
{
    return find(k_compact_units, w);
}
std::optional<ZoneWord> zone(std::string_view word)
{
    return find(k_zones, word);
}

bool is_vague(std::string_view word)
{
    return std::find(k_vague.begin(), k_vague.end(), word) != k_vague.end();
}

bool is_zone_abbreviation(std::string_view word)
{
    return std::find(k_zone_abbreviations.begin(), k_zone_abbreviations.end(), word) !=
           k_zone_abbreviations.end();
}

bool is_known(std::string_view word)
{
    static constexpr std::array<std::string_view, 10> compact{"d", "w", "h",  "m", "s",
                                                              "t", "z", "pt", "p", "c"};
    return std::find(compact.begin(), compact.end(), word) != compact.end() || weekday(word) ||
           month(word) || number(word) || ordinal(word) || part(word) || unit(word) || zone(word) ||
           word == "bd" ||
           std::find(std::begin(k_grammar_words), std::end(k_grammar_words), word) !=
               std::end(k_grammar_words);
}

const std::vector<std::string_view>& suggestable_words()
{
    static const std::vector<std::string_view> words = [] {
        std::vector<std::string_view> all;
        auto add = [&](std::string_view w) {
            if (w.size() >= 3 && std::find(all.begin(), all.end(), w) == all.end()) {
                all.push_back(w);
            }
        };
        for (const auto w : k_weekday_long)
            add(w);
        for (const auto w : k_weekday_short)
            add(w);
        for (const auto w : k_month_long)
            add(w);
        for (const auto w : k_month_short)
            add(w);
        for (const auto& e : k_numbers)
            add(e.word);
        for (const auto& e : k_ordinals)
            add(e.word);
        for (const auto& e : k_parts)
            add(e.word);
        for (const auto& e : k_units)
            add(e.word);
        for (const auto& e : k_zones)
            add(e.word);
        for (const auto w : k_grammar_words)
            add(w);
        return all;
    }();
    return words;
}

} // namespace fu::lexicon
