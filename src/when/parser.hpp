// src/when/parser.hpp — a recursive-descent parser from tokens to a Phrase.
//
// Each production returns the longest match at the cursor and restores the cursor when it fails.
// A phrase is parsed in three layers: the stand-alone phrases (Special), then a Mode prefix and
// the constituents of a Target (a day or span, a time of day, a portion) in any order, then an
// optional "or" and a second Target. A trailing zone is taken off first.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "when/phrase.hpp"
#include "when/tokenizer.hpp"

namespace fu::when {

// Takes a zone off the end of the phrase ("pacific", "London time", "America/Chicago", "my time")
// into `zone`; returns where the rest of the phrase ends.
std::size_t strip_zone(const std::vector<Token>& tokens, std::string_view text,
                       std::optional<ZoneSpec>& zone);

// The phrase covering every token, or nullopt; `reached` is how far the best attempt got.
std::optional<Phrase> parse_phrase(const std::vector<Token>& tokens, std::string_view text,
                                   std::size_t& reached);

// The phrase covering every token; throws fu::Error (status 2) diagnosing why there is none.
Phrase parse(const std::vector<Token>& tokens, std::string_view text);

// The grammar over a token vector, parsed up to `end` (a trailing zone is left out).
class Parser {
  public:
    Parser(const std::vector<Token>& tokens, std::string_view text, std::size_t end)
        : m_t(tokens), m_text(text), m_end(end)
    {
    }

    std::optional<Phrase> phrase();
    std::size_t reached() const { return m_reached; }

    // Productions, public so the tokenizer and parser tests can drive them one at a time.
    std::optional<Quantity> quantity();
    std::optional<DaySpec> day();
    std::optional<SpanSpec> span();
    std::optional<TimeSpec> time(bool allow_bare);
    std::optional<Clock> clock(bool allow_bare, bool literal);
    std::size_t pos() const { return m_pos; }

  private:
    // the cursor
    const Token* peek(std::size_t k = 0) const
    {
        return m_pos + k < m_end ? &m_t[m_pos + k] : nullptr;
    }
    bool is_word(std::string_view w, std::size_t k = 0) const
    {
        const Token* t = peek(k);
        return t != nullptr && t->kind == TokenKind::word && t->text == w;
    }
    bool is_number(std::size_t k = 0) const
    {
        const Token* t = peek(k);
        return t != nullptr && t->kind == TokenKind::number;
    }
    bool is_punct(char c, std::size_t k = 0) const
    {
        const Token* t = peek(k);
        return t != nullptr && t->kind == TokenKind::punct && t->text[0] == c;
    }
    bool word(std::string_view w);
    bool words(std::initializer_list<std::string_view> ws);
    bool adjacent(std::size_t k = 0) const
    {
        const Token* t = peek(k);
        return t != nullptr && !t->spaced;
    }
    bool punct(char c, bool must_be_adjacent);
    const Token* number(bool must_be_adjacent = false);
    bool at_end() const { return m_pos >= m_end; }
    bool is_word_before(std::size_t index, std::string_view w) const
    {
        return index > 0 && m_t[index - 1].kind == TokenKind::word && m_t[index - 1].text == w;
    }
    std::string span_text(std::size_t from, std::size_t to) const;
    void reach() { m_reached = std::max(m_reached, m_pos); }

    // parser.cpp: quantities, specials, modes, targets
    std::optional<long long> amount();
    std::optional<Unit> unit();
    std::optional<Phrase> special();
    std::optional<Phrase> later();
    std::optional<Phrase> within();
    Mode mode_prefix();
    bool mode_suffix(Mode& mode);
    std::optional<Target> target();
    std::optional<DaySpec> relative_day();

    // parser_days.cpp: days and spans of days
    std::optional<unsigned> weekday_word();
    std::optional<long long> ordinal_number();
    std::optional<long long> day_number();
    std::optional<long long> month_word();
    std::optional<DaySpec> date();
    std::optional<DaySpec> named_day();
    std::optional<DaySpec> nth_weekday();
    std::optional<MonthRef> month_ref();
    std::optional<SpanSpec> period();
    std::optional<SpanSpec> day_range();
    long long year_after();

    // parser_times.cpp: clock times and times of day
    std::optional<Clock> clock_idiom();
    Clock idiom_clock(long long hour, long long minute, std::size_t from);
    void read_meridiem(Clock& c);
    std::optional<Clock> range_end(const Clock& start);
    std::optional<std::chrono::seconds> offset(bool literal);
    void clock_tail(Clock& c);
    std::optional<Part> part_word();
    std::optional<TimeSpec> part_time();
    std::optional<Portion> portion();
    bool end_of_day_words();

    const std::vector<Token>& m_t;
    std::string_view m_text;
    std::size_t m_end;
    std::size_t m_pos = 0;
    std::size_t m_reached = 0;
    bool m_after_portion = false; // a bare "month" may follow "mid", "end of"
    int m_depth = 0;
    bool m_bare_choice = false; // the choice after "tomorrow 2 or": a bare hour is a clock time //
                                // nesting of day() and time(): "the day after the day after …"
};

} // namespace fu::when
