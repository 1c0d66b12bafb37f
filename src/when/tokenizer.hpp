// src/when/tokenizer.hpp — the words, numbers and punctuation of a time phrase.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fu::when {

// A token is a lower-case word, a run of digits, or one punctuation character.
enum class TokenKind { word, number, punct };

// One token, with where it stands in the text so messages can quote the user's own words.
struct Token {
    TokenKind kind = TokenKind::word;
    std::string text;       // lower-case word, the digits, or the punctuation character
    long long value = 0;    // a number's value (capped)
    int digits = 0;         // a number's digit count
    bool spaced = true;     // preceded by a space (or first)
    bool after_the = false; // followed "the": "the 19" is a day of the month, not 19:00
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Splits `text` into tokens: words are lower-cased, "a.m."/"p.m." become am/pm, apostrophes inside
// words vanish (o'clock -> oclock, year's -> years), a hyphen joining two words is a space
// (mid-morning), "-ish" is its own word (noonish -> noon ish), en and em dashes are '-', commas are
// spaces, "the" and a final period are dropped.
std::vector<Token> tokenize(std::string_view text);

// The text as the user wrote it with runs of white space folded and a final period dropped, for
// messages.
std::string display_text(std::string_view text);

// Whether `c` is 0-9.
bool is_ascii_digit(char c);

// `s` in double quotes, as every message of the time language quotes the user's words.
std::string quoted(std::string_view s);

} // namespace fu::when
