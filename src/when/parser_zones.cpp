// src/when/parser_zones.cpp — the zone at the end of a phrase: a zone word, an IANA name, a city
// or a place ("pacific", "America/Chicago", "london", "west coast", "my time").
#include <algorithm>
#include <cctype>
#include <iterator>

#include "fu/zone.hpp"

#include "when/lexicon.hpp"
#include "when/parser.hpp"

namespace fu::when {
namespace {

std::string title_case_zone(std::string_view raw)
{
    std::string out;
    bool up = true;
    for (const char c : raw) {
        out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        up = c == '/' || c == '_' || c == '-';
    }
    return out;
}

// The IANA zone named after a city ("london" -> Europe/London, "new york" -> America/New_York).
std::optional<std::string> city_zone(const std::string& city)
{
    static const std::vector<std::pair<std::string, std::string>> cities = [] {
        std::vector<std::pair<std::string, std::string>> all;
        static constexpr std::string_view k_areas[] = {"Africa/", "America/",  "Antarctica/",
                                                       "Asia/",   "Atlantic/", "Australia/",
                                                       "Europe/", "Indian/",   "Pacific/"};
        static constexpr std::string_view k_not_cities[] = {"west",    "east",    "north", "south",
                                                            "central", "general", "center"};
        for (const std::string& name : zone_names()) {
            const std::size_t slash = name.rfind('/');
            const bool area = std::any_of(std::begin(k_areas), std::end(k_areas),
                                          [&](std::string_view a) { return name.starts_with(a); });
            if (slash == std::string::npos || !area) {
                continue;
            }
            std::string c = name.substr(slash + 1);
            for (char& ch : c) {
                ch = ch == '_' ? ' '
                               : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            if (std::find(std::begin(k_not_cities), std::end(k_not_cities), c) !=
                std::end(k_not_cities)) {
                continue; // Australia/West: a compass word, not a place
            }
            all.emplace_back(std::move(c), name);
        }
        return all;
    }();
    for (const auto& [c, zone] : cities) {
        if (c == city) {
            return zone;
        }
    }
    // places people name that no zone is named after
    static constexpr std::pair<std::string_view, std::string_view> k_places[] = {
        {"uk", "Europe/London"},
        {"britain", "Europe/London"},
        {"england", "Europe/London"},
        {"la", "America/Los_Angeles"},
        {"sf", "America/Los_Angeles"},
        {"san francisco", "America/Los_Angeles"},
        {"seattle", "America/Los_Angeles"},
        {"west coast", "America/Los_Angeles"},
        {"nyc", "America/New_York"},
        {"ny", "America/New_York"},
        {"boston", "America/New_York"},
        {"east coast", "America/New_York"},
        {"dallas", "America/Chicago"},
        {"houston", "America/Chicago"},
        {"india", "Asia/Kolkata"},
        {"mumbai", "Asia/Kolkata"},
        {"delhi", "Asia/Kolkata"},
        {"bangalore", "Asia/Kolkata"},
        {"ireland", "Europe/Dublin"},
        {"germany", "Europe/Berlin"},
        {"france", "Europe/Paris"},
        {"japan", "Asia/Tokyo"}};
    for (const auto& [place, zone] : k_places) {
        if (place == city) {
            return std::string(zone);
        }
    }
    return std::nullopt;
}

// Takes a zone off the end of the phrase: "pacific", "pt", "eastern time", "my time",
// "their time", "America/Los_Angeles". Returns where the rest of the phrase ends.
} // namespace

std::size_t strip_zone(const std::vector<Token>& t, std::string_view text,
                       std::optional<ZoneSpec>& zone)
{
    std::size_t end = t.size();
    if (end < 2) {
        return end;
    }
    // An IANA name: the last run of text without spaces holds a '/'.
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '.' ||
                             text.back() == '\n' || text.back() == ')')) {
        text.remove_suffix(1);
    }
    const std::size_t last_space = text.find_last_of(" \t(");
    const std::string_view tail =
        text.substr(last_space == std::string_view::npos ? 0 : last_space + 1);
    if (tail.find('/') != std::string_view::npos && tail.front() != '/' && tail.back() != '/') {
        for (const std::string& name : {std::string(tail), title_case_zone(tail)}) {
            try {
                locate_zone(name);
                std::size_t first = end;
                while (first > 0 && t[first - 1].begin >= text.size() - tail.size()) {
                    --first;
                }
                if (first == 0) {
                    return end;
                }
                zone = ZoneSpec{{lexicon::ZoneWord::Kind::named, ""}, name, std::string(tail)};
                return first;
            } catch (const std::exception&) {
            }
        }
        return end;
    }
    std::size_t k = end;
    const bool said_time = t[k - 1].kind == TokenKind::word && t[k - 1].text == "time";
    if (said_time) {
        --k;
    }
    if (k < 2 || t[k - 1].kind != TokenKind::word) {
        return end;
    }
    const auto word = lexicon::zone(t[k - 1].text);
    if (!word) {
        // a city: "2pm london", "3pm new york time"
        if (lexicon::is_known(t[k - 1].text)) {
            return end;
        }
        std::string city;
        for (std::size_t n = 1; n <= 3 && n < k; ++n) {
            if (t[k - n].kind != TokenKind::word) {
                break;
            }
            city = n == 1 ? t[k - 1].text : t[k - n].text + " " + city;
            if (const auto iana = city_zone(city)) {
                std::size_t first = k - n;
                if (first > 0 && t[first - 1].kind == TokenKind::word &&
                    (t[first - 1].text == "in" || t[first - 1].text == "on")) {
                    --first;
                }
                if (first == 0) {
                    return end;
                }
                zone = ZoneSpec{
                    {lexicon::ZoneWord::Kind::named, ""},
                    *iana,
                    std::string(text.substr(t[k - n].begin, t[end - 1].end - t[k - n].begin))};
                return first;
            }
        }
        return end;
    }
    const bool personal = word->kind != lexicon::ZoneWord::Kind::named;
    if (personal && !said_time) {
        return end;
    }
    // "utc" right after a clock time with an offset sign is the offset's
    --k;
    if (k > 0 && t[k - 1].kind == TokenKind::word &&
        (t[k - 1].text == "in" || t[k - 1].text == "on")) {
        --k;
    }
    if (k == 0) {
        return end;
    }
    zone = ZoneSpec{*word, std::string(word->zone),
                    std::string(text.substr(t[k].begin, t[end - 1].end - t[k].begin))};
    return k;
}

} // namespace fu::when
