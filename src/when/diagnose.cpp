// src/when/diagnose.cpp — the messages for phrases fu cannot read.
#include "when/diagnose.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "when/lexicon.hpp"
#include "when/parser.hpp"

namespace fu::when {
namespace {

const std::string k_phrase_hint =
    R"(try e.g. "tomorrow afternoon", "friday 3pm", "in 2-3 days", "by eod" or "next week")";

std::string raw(std::string_view text, const Token& t)
{
    return std::string(text.substr(t.begin, t.end - t.begin));
}

std::string span(const std::vector<Token>& t, std::string_view text, std::size_t from,
                 std::size_t to)
{
    if (from >= to || to > t.size()) {
        return {};
    }
    return std::string(text.substr(t[from].begin, t[to - 1].end - t[from].begin));
}

bool is_word_at(const std::vector<Token>& t, std::size_t i, std::string_view w)
{
    return i < t.size() && t[i].kind == TokenKind::word && t[i].text == w;
}

[[noreturn]] void vague(const std::vector<Token>& tokens, std::string_view text, const Token& t)
{
    const std::string word = raw(text, t);
    if (t.text == "later") {
        if (tokens.size() == 1) {
            throw usage_error(
                fmt::format("{} alone is not a time", quoted(word)),
                R"(say when, e.g. "later today", "later this week" or "tomorrow afternoon")");
        }
        throw usage_error(
            fmt::format("{} is not a time fu reads", quoted(span(tokens, text, 0, tokens.size()))),
            R"(fu reads "later today", "later this morning", "later this afternoon", "later tonight" and "later this week")");
    }
    if (t.text == "soon" || t.text == "shortly") {
        throw usage_error(
            fmt::format("{} is not a deadline", quoted(word)),
            R"(promise a window, e.g. "within the hour", "in a day or so" or "by eod")");
    }
    if (t.text == "sometime" || t.text == "anytime") {
        throw usage_error(
            fmt::format("{} needs a time", quoted(span(tokens, text, 0, tokens.size()))),
            R"(say e.g. "sometime next week" or "sometime tomorrow afternoon")");
    }
    if (t.text == "every" || t.text == "each") {
        // suggest the first one: "every 3 months" -> "in 3 months", "every week" -> "in a week"
        const std::string rest = t.end < text.size() ? std::string(text.substr(t.end)) : "";
        std::string first = "in 3 months";
        for (const std::string& candidate : {"in" + rest, "in a" + rest, rest}) {
            std::size_t reached = 0;
            if (!rest.empty() && parse_phrase(tokenize(candidate), candidate, reached)) {
                first = display_text(candidate);
                break;
            }
        }
        throw usage_error(
            fmt::format("{} repeats; a promise is one window",
                        quoted(span(tokens, text, 0, tokens.size()))),
            fmt::format("promise the first one, e.g. \"{}\", and the next when you keep it",
                        first));
    }
    throw usage_error(fmt::format("{} is not a deadline", quoted(word)),
                      R"(promise a window, e.g. "friday", "in 2-3 days" or "by eod")");
}

void numeric_dates(const std::vector<Token>& m_t, std::string_view text)
{
    for (std::size_t i = 0; i + 2 < m_t.size(); ++i) {
        const Token& a = m_t[i];
        const Token& sep = m_t[i + 1];
        const Token& b = m_t[i + 2];
        if (a.kind != TokenKind::number || sep.kind != TokenKind::punct || sep.spaced ||
            b.kind != TokenKind::number || b.spaced) {
            continue;
        }
        const char s = sep.text[0];
        if (s != '/' && s != '.' && s != '-') {
            continue;
        }
        std::size_t last = i + 2;
        if (i + 4 < m_t.size() && m_t[i + 3].kind == TokenKind::punct && !m_t[i + 3].spaced &&
            m_t[i + 3].text[0] == s && m_t[i + 4].kind == TokenKind::number && !m_t[i + 4].spaced) {
            last = i + 4;
        }
        if (s == '-' && last == i + 2) {
            continue; // a range like 2-3
        }
        const std::string value(text.substr(a.begin, m_t[last].end - a.begin));
        if (s == '.' && last == i + 2) {
            const bool unit_after =
                i + 3 < m_t.size() && m_t[i + 3].kind == TokenKind::word &&
                (lexicon::unit(m_t[i + 3].text) || lexicon::compact_unit(m_t[i + 3].text) ||
                 m_t[i + 3].text == "business" || m_t[i + 3].text == "working");
            if (unit_after) {
                throw usage_error(fmt::format("\"{}\" is not a whole number", value),
                                  "use whole numbers, e.g. \"in 90 minutes\" or \"in 2-3 days\"");
            }
            if (b.digits == 2) {
                continue; // 4.30 is a clock time; its own checks say what is wrong with it
            }
            throw usage_error(
                fmt::format("\"{}\" is not a time of day", value),
                fmt::format("write times with a colon, e.g. {}:{:0>2}", a.text, b.text));
        }
        if (s == '-' && a.digits != 4 && m_t[last].digits != 4) {
            throw usage_error(fmt::format("\"{}\" has a two-digit year", value),
                              "write the date as yyyy-mm-dd, e.g. 2026-12-01");
        }
        if (s != '-' || a.digits != 4) {
            throw usage_error(
                fmt::format("\"{}\" is not an ISO date (day and month order is ambiguous)", value),
                "write the date as yyyy-mm-dd, e.g. 2026-12-01");
        }
    }
}

void two_digit_years(const std::vector<Token>& m_t, std::string_view text)
{
    for (std::size_t i = 0; i < m_t.size(); ++i) {
        if (m_t[i].kind != TokenKind::word || !lexicon::month(m_t[i].text)) {
            continue;
        }
        std::size_t year_at = 0;
        std::size_t from = i;
        auto day_number = [&](std::size_t k) {
            return k < m_t.size() && m_t[k].kind == TokenKind::number && m_t[k].digits <= 2;
        };
        if (i > 0 && day_number(i - 1)) {
            year_at = i + 1; // 15 dec 26
            from = i - 1;
        } else if (i > 1 && m_t[i - 1].kind == TokenKind::word && !m_t[i - 1].spaced &&
                   day_number(i - 2)) {
            year_at = i + 1; // 15th dec 26
            from = i - 2;
        } else if (day_number(i + 1)) {
            year_at = i + 2; // dec 15 26
            if (year_at < m_t.size() && m_t[year_at].kind == TokenKind::word &&
                !m_t[year_at].spaced) {
                ++year_at; // dec 15th 26
            }
        }
        if (year_at == 0 || year_at >= m_t.size()) {
            continue;
        }
        const bool standalone =
            year_at + 1 >= m_t.size() ||
            (m_t[year_at + 1].spaced && !is_word_at(m_t, year_at + 1, "am") &&
             !is_word_at(m_t, year_at + 1, "pm") && !is_word_at(m_t, year_at + 1, "oclock"));
        if (m_t[year_at].kind == TokenKind::number && m_t[year_at].digits <= 2 &&
            m_t[year_at].spaced && standalone) {
            throw usage_error(
                fmt::format("\"{}\" has a two-digit year", span(m_t, text, from, year_at + 1)),
                fmt::format("write the year in full, e.g. 20{:0>2}", m_t[year_at].text));
        }
    }
}

// The nearest known word that makes the whole phrase readable when put in place of `t`.
std::optional<std::string> fitting_suggestion(std::string_view text, const Token& t)
{
    const std::size_t limit = t.text.size() <= 4 ? 1 : 2;
    std::vector<std::pair<std::size_t, std::string_view>> near;
    for (const auto candidate : lexicon::suggestable_words()) {
        const std::size_t a = candidate.size();
        const std::size_t b = t.text.size();
        if ((a > b ? a - b : b - a) > limit) {
            continue;
        }
        if (const std::size_t d = edit_distance(t.text, candidate); d <= limit) {
            near.emplace_back(d, candidate);
        }
    }
    std::stable_sort(near.begin(), near.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [distance, candidate] : near) {
        std::string fixed(text);
        fixed.replace(t.begin, t.end - t.begin, candidate);
        const std::vector<Token> retokenized = tokenize(fixed);
        std::size_t reached = 0;
        if (parse_phrase(retokenized, fixed, reached)) {
            return std::string(candidate);
        }
    }
    return std::nullopt;
}

} // namespace

void diagnose(const std::vector<Token>& m_t, std::string_view text, std::size_t reached)
{
    for (const Token& t : m_t) {
        if (t.kind != TokenKind::word) {
            continue;
        }
        if (lexicon::is_zone_abbreviation(t.text)) {
            throw usage_error(fmt::format("\"{}\" is a zone abbreviation", raw(text, t)),
                              "say the zone instead, e.g. \"5pm pacific\", \"5pm eastern\" or "
                              "\"5pm -05:00\"");
        }
    }
    for (std::size_t i = 0; i < m_t.size(); ++i) {
        // a vague word that the phrase already read past ("later today please") is not the problem
        if (m_t[i].kind == TokenKind::word && lexicon::is_vague(m_t[i].text) &&
            (reached == 0 || i >= reached)) {
            vague(m_t, text, m_t[i]);
        }
    }
    numeric_dates(m_t, text);
    for (std::size_t i = 0; i + 1 < m_t.size(); ++i) {
        const Token& n = m_t[i];
        const Token& u = m_t[i + 1];
        if (n.kind == TokenKind::number && n.digits == 4 && u.kind == TokenKind::word &&
            (u.text == "hours" || u.text == "hrs" || u.text == "h")) {
            throw usage_error(
                fmt::format("{} is not a duration fu reads", quoted(span(m_t, text, i, i + 2))),
                fmt::format("write a clock time as {}:{}", n.text.substr(0, 2), n.text.substr(2)));
        }
    }
    two_digit_years(m_t, text);
    // Unknown words: a suggestion only when it makes the phrase readable.
    const Token* unknown = nullptr;
    for (const Token& t : m_t) {
        if (t.kind == TokenKind::word && !lexicon::is_known(t.text)) {
            // one suggestion, for the first unknown word of a phrase of a sensible length
            if (unknown == nullptr && t.text.size() <= 40 && m_t.size() <= 24) {
                if (const auto s = fitting_suggestion(text, t)) {
                    throw usage_error(fmt::format("{} is not a time {} (did you mean \"{}\"?)",
                                                  quoted(raw(text, t)),
                                                  m_t.size() == 1 ? "phrase" : "word", *s),
                                      k_phrase_hint);
                }
            }
            if (unknown == nullptr) {
                unknown = &t;
            }
        }
    }
    if (reached > 0 && reached < m_t.size()) {
        throw usage_error(fmt::format("unexpected {} after {}",
                                      quoted(span(m_t, text, reached, m_t.size())),
                                      quoted(span(m_t, text, 0, reached))),
                          k_phrase_hint);
    }
    if (unknown != nullptr) {
        throw usage_error(fmt::format("{} is not a time {}", quoted(raw(text, *unknown)),
                                      m_t.size() == 1 ? "phrase" : "word"),
                          k_phrase_hint);
    }
    throw usage_error(fmt::format("{} is not a time phrase fu understands",
                                  quoted(span(m_t, text, 0, m_t.size()))),
                      k_phrase_hint);
}

} // namespace fu::when
