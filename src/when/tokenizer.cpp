// src/when/tokenizer.cpp — from text to tokens.
#include "when/tokenizer.hpp"

#include "fu/text.hpp"

#include <algorithm>

#include "when/lexicon.hpp"

namespace fu::when {
namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '(' || c == ')' ||
           c == ';' || c == '!' || c == '?';
}
char to_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// The length of an invisible or no-break space at i (copied from mail and chat), or 0:
// U+00A0, U+200B-U+200F, U+202F, U+2060, U+FEFF.
std::size_t odd_space_at(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (i + 1 < s.size() && b(0) == 0xC2 && b(1) == 0xA0) {
        return 2;
    }
    if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 &&
        ((b(2) >= 0x8B && b(2) <= 0x8F) || b(2) == 0xAF)) {
        return 3;
    }
    if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) {
        return 3;
    }
    if (i + 2 < s.size() && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
        return 3;
    }
    return 0;
}

// An en or em dash (UTF-8) counts as '-'.
bool dash_at(std::string_view s, std::size_t i)
{
    return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
           static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
            static_cast<unsigned char>(s[i + 2]) == 0x94);
}

// Words typed for other words: tonite, morn, arvo, biz.
std::string_view alias(std::string_view w)
{
    static constexpr std::pair<std::string_view, std::string_view> k_aliases[] = {
        {"tonite", "tonight"}, {"morn", "morning"},   {"aft", "afternoon"},  {"arvo", "afternoon"},
        {"biz", "business"},   {"tmrrw", "tomorrow"}, {"tomoz", "tomorrow"}, {"2moro", "tomorrow"},
        {"nxt", "next"},       {"wks", "weeks"},      {"mths", "months"},    {"mos", "months"},
        {"tues", "tuesday"},   {"weds", "wednesday"}};
    for (const auto& [from, to] : k_aliases) {
        if (from == w) {
            return to;
        }
    }
    return w;
}

// A right single quotation mark (UTF-8), typed by phones for an apostrophe.
bool curly_apostrophe_at(std::string_view s, std::size_t i)
{
    return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
           static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           static_cast<unsigned char>(s[i + 2]) == 0x99;
}

bool is_letter_at(std::string_view s, std::size_t i)
{
    const char c = s[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (static_cast<unsigned char>(c) >= 0x80 && !dash_at(s, i) && !curly_apostrophe_at(s, i) &&
            odd_space_at(s, i) == 0);
}

// The length of an apostrophe at i that joins two letters ("o'clock", "year's"), or 0.
std::size_t inner_apostrophe(std::string_view s, std::size_t i)
{
    std::size_t len = 0;
    if (s[i] == '\'' || s[i] == '`') {
        len = 1;
    } else if (curly_apostrophe_at(s, i)) {
        len = 3;
    }
    return len != 0 && i + len < s.size() && is_letter_at(s, i + len) ? len : 0;
}

} // namespace

bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

std::string quoted(std::string_view s)
{
    return "\"" + echo(s) + "\"";
}

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> out;
    bool spaced = true;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_space(s[i])) {
            spaced = true;
            ++i;
            continue;
        }
        if (const std::size_t odd = odd_space_at(s, i); odd != 0) {
            spaced = true;
            i += odd;
            continue;
        }
        Token t;
        t.spaced = spaced;
        t.begin = i;
        spaced = false;
        if (is_ascii_digit(s[i])) {
            t.kind = TokenKind::number;
            while (i < s.size() && is_ascii_digit(s[i])) {
                t.text += s[i++];
            }
            t.digits = static_cast<int>(t.text.size());
            for (const char c : t.text) {
                t.value = std::min(t.value * 10 + (c - '0'), 1'000'000'000LL);
            }
        } else if (dash_at(s, i)) {
            t.kind = TokenKind::punct;
            t.text = "-";
            i += 3;
        } else if (is_letter_at(s, i)) {
            t.kind = TokenKind::word;
            while (i < s.size()) {
                if (is_letter_at(s, i)) {
                    t.text += to_lower(s[i++]);
                } else if (const std::size_t len = inner_apostrophe(s, i);
                           len != 0 && !t.text.empty()) {
                    i += len;
                } else if ((s[i] == '\'' || s[i] == '`') && t.text.ends_with('s')) {
                    ++i; // two weeks' time
                    break;
                } else {
                    break;
                }
            }
            // letters with dots: a.m., p.m., e.o.d., c.o.b.
            if (t.text.size() == 1 && i + 1 < s.size() && s[i] == '.' && is_letter_at(s, i + 1) &&
                (i + 2 >= s.size() || !is_letter_at(s, i + 2))) {
                while (i + 1 < s.size() && s[i] == '.' && is_letter_at(s, i + 1) &&
                       (i + 2 >= s.size() || !is_letter_at(s, i + 2))) {
                    t.text += to_lower(s[i + 1]);
                    i += 2;
                }
                if (i < s.size() && s[i] == '.') {
                    ++i;
                }
            }
            // noonish, fourish: the stem and "ish", when the stem is a time word (not gibberish)
            if (t.text.size() > 3 && t.text.ends_with("ish") && !lexicon::is_known(t.text) &&
                lexicon::is_known(std::string(alias(t.text.substr(0, t.text.size() - 3))))) {
                Token stem = t;
                stem.text.resize(t.text.size() - 3);
                stem.end = i - 3;
                out.push_back(std::move(stem));
                t.text = "ish";
                t.begin = i - 3;
                t.spaced = false;
            }
        } else if (s[i] == '@' || s[i] == '&') {
            t.kind = TokenKind::word; // thurs @ 2pm, between 3 & 5
            t.text = s[i] == '@' ? "at" : "and";
            ++i;
        } else {
            t.kind = TokenKind::punct;
            t.text = std::string(1, s[i++]);
        }
        t.end = i;
        if (t.kind == TokenKind::word) {
            t.text = std::string(alias(t.text));
            // midmorning, midafternoon, midmonth: "mid" and the rest
            if (t.text.size() > 3 && t.text.starts_with("mid") && t.text != "midday" &&
                t.text != "midweek" && t.text != "midnight" && !lexicon::is_known(t.text) &&
                lexicon::is_known(t.text.substr(3))) {
                Token mid = t;
                mid.text = "mid";
                mid.end = t.begin + 3;
                out.push_back(std::move(mid));
                t.text = t.text.substr(3);
                t.begin += 3;
                t.spaced = false;
            }
            // 5p, 9a: the am/pm of the number just before
            if ((t.text == "p" || t.text == "a") && !t.spaced && !out.empty() &&
                out.back().kind == TokenKind::number) {
                t.text += 'm';
            }
            // "eve" alone is the evening; after christmas or new year's it is the day before
            if (t.text == "eve" &&
                (out.empty() || (out.back().text != "christmas" && out.back().text != "xmas" &&
                                 out.back().text != "years"))) {
                t.text = "evening";
            }
        }
        // "Jun. 22", "Thurs. 3pm": a period right after a word is an abbreviation's
        if (t.kind == TokenKind::punct && t.text == "." && !t.spaced && !out.empty() &&
            out.back().kind == TokenKind::word && (i >= s.size() || s[i] == ' ')) {
            spaced = true;
            continue;
        }
        // A hyphen joining two words is a space: mid-morning, twenty-one, follow-up; between two
        // day names it is a range: mon-fri.
        if (t.kind == TokenKind::word && !t.spaced && out.size() >= 2 &&
            out.back().kind == TokenKind::punct && out.back().text == "-" && !out.back().spaced &&
            out[out.size() - 2].kind == TokenKind::word &&
            !(lexicon::weekday(t.text) && lexicon::weekday(out[out.size() - 2].text)) &&
            out[out.size() - 2].text != "am" && out[out.size() - 2].text != "pm" &&
            t.text != "noon" && t.text != "midday") {
            out.pop_back();
            t.spaced = true;
        }
        out.push_back(std::move(t));
    }
    if (!out.empty() && out.back().kind == TokenKind::punct && out.back().text == ".") {
        out.pop_back();
    }
    for (std::size_t k = 0; k + 1 < out.size(); ++k) {
        if (out[k].kind == TokenKind::word && out[k].text == "the") {
            out[k + 1].after_the = true;
        }
    }
    std::erase_if(out, [](const Token& t) { return t.kind == TokenKind::word && t.text == "the"; });
    return out;
}

std::string display_text(std::string_view text)
{
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    if (!out.empty() && out.back() == '.') {
        out.pop_back();
    }
    return out;
}

} // namespace fu::when
