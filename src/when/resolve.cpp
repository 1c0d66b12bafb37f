// src/when/resolve.cpp — the time language's entry points: resolve, parse_now, find_zone.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "fu/when.hpp"
#include "when/evaluator.hpp"
#include "when/lexicon.hpp"
#include "when/parser.hpp"
#include "when/tokenizer.hpp"

namespace fu {

using date::local_days;
using date::local_seconds;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const Zone& phrase_zone(const when::ZoneSpec& z, const Clocks& clocks)
{
    using Kind = lexicon::ZoneWord::Kind;
    switch (z.word.kind) {
    case Kind::mine:
        return *clocks.user;
    case Kind::theirs:
        if (clocks.contact == nullptr) {
            throw usage_error(fmt::format("\"{}\": fu does not know their time zone", z.text),
                              "set it with fu edit CONTACT --tz ZONE (with fu when: --tz ZONE)");
        }
        return *clocks.contact;
    case Kind::named:
    default:
        return find_zone(z.iana);
    }
}

// "GMT" said while the UK is on summer time means London to most people and UTC to the rest.
void check_gmt(const when::ZoneSpec& z, Instant now)
{
    std::string said;
    for (const char c : z.text) {
        said += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (said.rfind("gmt", 0) == 0 && find_zone("Europe/London").get_info(now).offset.count() != 0) {
        throw usage_error(fmt::format("\"{}\" is ambiguous while the UK is on summer time", z.text),
                          "say \"london\" for UK time, or \"UTC\"");
    }
}

// The instants fu stores and prints: 1970-01-01 to 9999-12-31 (UTC), so every date has four digits.
bool in_range(Instant t)
{
    using namespace date::literals;
    constexpr auto k_first = date::sys_days{1970_y / 1 / 1};
    constexpr auto k_after_last = date::sys_days{10000_y / 1 / 1};
    return t >= k_first && t < k_after_last;
}

} // namespace

Window resolve(std::string_view text, Instant now, const Clocks& clocks, const Settings& settings,
               TimeDirection direction)
{
    if (text.size() > k_longest_phrase) {
        throw usage_error(fmt::format("the time phrase is too long ({} bytes; at most {})", text.size(),
                                      k_longest_phrase),
                          "say when, e.g. \"tomorrow afternoon\"");
    }
    const std::vector<when::Token> tokens = when::tokenize(text);
    if (tokens.empty()) {
        throw usage_error("empty time phrase", "say when, e.g. \"tomorrow afternoon\"");
    }
    const when::Phrase phrase = when::parse(tokens, text);
    const Zone& fallback = clocks.contact != nullptr ? *clocks.contact : *clocks.user;
    if (phrase.zone) {
        check_gmt(*phrase.zone, now);
    }
    const Zone& zone = phrase.zone ? phrase_zone(*phrase.zone, clocks) : fallback;
    when::Evaluator evaluator(now, zone, *clocks.user, settings, direction,
                              when::display_text(text));
    Window w = evaluator.run(phrase);
    if (!in_range(w.earliest) || !in_range(w.latest)) {
        throw usage_error(fmt::format("{} falls outside the years 1970 to 9999", when::quoted(text)),
                          "fu keeps times from 1970 to 9999");
    }
    if (phrase.zone && zone.name() != fallback.name()) {
        std::string notice =
            phrase.zone->text == zone.name()
                ? fmt::format("read in {}", zone.name())
                : fmt::format("read in {} (\"{}\")", zone.name(), phrase.zone->text);
        // "tomorrow 9am sydney" said on a Wednesday evening in New York is Sydney's tomorrow
        const auto there = date::floor<date::days>(zone.to_local(now));
        if (there != date::floor<date::days>(fallback.to_local(now))) {
            const date::year_month_day ymd{there};
            notice += fmt::format(", where today is {} {} {}",
                                  lexicon::k_weekday_short[date::weekday{there}.c_encoding()],
                                  static_cast<unsigned>(ymd.day()),
                                  lexicon::k_month_short[static_cast<unsigned>(ymd.month()) - 1]);
        }
        w.notices.insert(w.notices.begin(), notice);
    }
    return w;
}

Window resolve(std::string_view text, Instant now, const Zone& zone,
               const Settings& settings, TimeDirection direction)
{
    return resolve(text, now, Clocks{&zone, nullptr}, settings, direction);
}

Instant parse_now(std::string_view text, const Zone& zone)
{
    std::string_view s = text;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    const std::string shown = echo(s);
    auto fail = [&]() {
        return usage_error(fmt::format("\"{}\" is not an ISO 8601 time", shown),
                           "use e.g. 2026-06-15T09:30, 2026-06-15T09:30:15 or "
                           "2026-06-15T09:30-04:00");
    };
    std::size_t i = 0;
    auto digits = [&](std::size_t n) -> int {
        if (i + n > s.size()) {
            throw fail();
        }
        int v = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (!when::is_ascii_digit(s[i + k])) {
                throw fail();
            }
            v = v * 10 + (s[i + k] - '0');
        }
        i += n;
        return v;
    };
    auto expect = [&](char c) {
        if (i >= s.size() || s[i] != c) {
            throw fail();
        }
        ++i;
    };
    const int y = digits(4);
    expect('-');
    const int mo = digits(2);
    expect('-');
    const int d = digits(2);
    if (i >= s.size() || (s[i] != 'T' && s[i] != 't' && s[i] != ' ')) {
        throw fail();
    }
    ++i;
    const int h = digits(2);
    expect(':');
    const int mi = digits(2);
    int sec = 0;
    if (i < s.size() && s[i] == ':') {
        ++i;
        sec = digits(2);
    }
    std::optional<seconds> offset;
    if (i < s.size()) {
        if (s[i] == 'Z' || s[i] == 'z') {
            offset = seconds{0};
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            const bool negative = s[i] == '-';
            ++i;
            const int oh = digits(2);
            int om = 0;
            if (i < s.size() && s[i] == ':') {
                ++i;
                om = digits(2);
            } else if (i < s.size()) {
                om = digits(2);
            }
            if (oh > 14 || om > 59) {
                throw fail();
            }
            const long long total = (oh * 60LL + om) * 60;
            offset = seconds{negative ? -total : total};
        }
    }
    if (i != s.size()) {
        throw fail();
    }
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) {
        throw usage_error(fmt::format("\"{}\" is not a valid date and time", shown),
                          "use e.g. 2026-06-15T09:30");
    }
    const local_seconds ls = local_seconds{local_days{ymd}} + hours{h} + minutes{mi} + seconds{sec};
    const auto checked = [&](Instant t) {
        if (!in_range(t)) {
            throw usage_error(fmt::format("\"{}\" is outside the years 1970 to 9999", shown),
                              "use e.g. 2026-06-15T09:30");
        }
        return t;
    };
    if (offset) {
        return checked(Instant{ls.time_since_epoch() - *offset});
    }
    const auto info = zone.get_info(ls);
    if (info.result == LocalInfo::nonexistent) {
        throw usage_error(fmt::format("{:04}-{:02}-{:02} {:02}:{:02} does not exist in {} (the "
                                      "clocks skip it)",
                                      y, mo, d, h, mi, zone.name()),
                          "give an offset, e.g. 2026-03-08T03:30-04:00");
    }
    return checked(Instant{ls.time_since_epoch() - info.first.offset});
}

const Zone& zone_or(std::string_view name, const Zone& fallback)
{
    if (name.empty()) {
        return fallback;
    }
    try {
        return find_zone(name);
    } catch (const Error&) {
        return fallback;
    }
}

const Zone& find_zone(std::string_view name)
{
    const std::string n(name);
    if (n.empty()) {
        throw usage_error("empty time zone name", "use an IANA name such as America/New_York");
    }
    std::string lower;
    for (const char c : n) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool abbreviation = lexicon::is_zone_abbreviation(lower);
    if (abbreviation) {
        throw usage_error(fmt::format("\"{}\" is a zone abbreviation, not a time zone", echo(n)),
                          "use an IANA name such as America/New_York or Europe/Berlin, or an "
                          "offset like -05:00 in a time");
    }
    try {
        return locate_zone(n);
    } catch (const std::exception&) {
        throw usage_error(fmt::format("unknown time zone \"{}\"", echo(n)),
                          "use an IANA name such as America/New_York or Europe/Berlin");
    }
}

} // namespace fu
