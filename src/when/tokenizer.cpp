// src/when/tokenizer.cpp — from text to tokens.
#include "when/tokenizer.hpp"

#include <algorithm>

#include "when/lexicon.hpp"

namespace fu::when {
namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '(' || c == ')' ||
           c == ';' || c == '!' || c == '?';
}
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// An en or em dash (UTF-8) counts as '-'.
bool dash_at(std::string_view s, std::size_t i)
{
    return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
           static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
            static_cast<unsigned char>(s[i + 2]) == 0x94);
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
           (static_cast<unsigned char>(c) >= 0x80 && !dash_at(s, i) && !curly_apostrophe_at(s, i));
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

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

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
                } else if (const std::size_t len = inner_apostrophe(s, i); len != 0 && !t.text.empty()) {
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
            // noonish, fourish: the stem and "ish"
            if (t.text.size() > 3 && t.text.ends_with("ish") && !lexicon::is_known(t.text)) {
                Token stem = t;
                stem.text.resize(t.text.size() - 3);
                stem.end = i - 3;
                out.push_back(std::move(stem));
                t.text = "ish";
                t.begin = i - 3;
                t.spaced = false;
            }
        } else {
            t.kind = TokenKind::punct;
            t.text = std::string(1, s[i++]);
        }
        t.end = i;
        // A hyphen joining two words is a space: mid-morning, twenty-one, follow-up; between two
        // day names it is a range: mon-fri.
        if (t.kind == TokenKind::word && !t.spaced && out.size() >= 2 &&
            out.back().kind == TokenKind::punct && out.back().text == "-" && !out.back().spaced &&
            out[out.size() - 2].kind == TokenKind::word &&
            !(lexicon::weekday(t.text) && lexicon::weekday(out[out.size() - 2].text))) {
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
