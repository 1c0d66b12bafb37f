// src/when.cpp — the time language: a tokenizer, a recursive-descent parser over a closed
// vocabulary (producing a Phrase), and an evaluator turning a Phrase into a Window.
#include "fu/when.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "fu/error.hpp"

namespace fu {
namespace {

using date::days;
using date::local_days;
using date::local_seconds;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<std::string_view, 7> k_weekday_short{"sun", "mon", "tue", "wed",
                                                          "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> k_weekday_long{
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> k_month_short{"jan", "feb", "mar", "apr", "may", "jun",
                                                         "jul", "aug", "sep", "oct", "nov", "dec"};

const std::string k_phrase_hint =
    R"(try e.g. "tomorrow afternoon", "friday 3pm", "in 2-3 days", "by eod" or "next week")";

// ---------------------------------------------------------------------------------------------
// Vocabulary

struct NamedValue {
    std::string_view name;
    int value;
};

constexpr std::array<NamedValue, 17> k_weekday_words{{{"sunday", 0},
                                                      {"sun", 0},
                                                      {"monday", 1},
                                                      {"mon", 1},
                                                      {"tuesday", 2},
                                                      {"tue", 2},
                                                      {"tues", 2},
                                                      {"wednesday", 3},
                                                      {"wed", 3},
                                                      {"thursday", 4},
                                                      {"thu", 4},
                                                      {"thur", 4},
                                                      {"thurs", 4},
                                                      {"friday", 5},
                                                      {"fri", 5},
                                                      {"saturday", 6},
                                                      {"sat", 6}}};

constexpr std::array<NamedValue, 24> k_month_words{{{"january", 1},  {"jan", 1},  {"february", 2},
                                                    {"feb", 2},      {"march", 3}, {"mar", 3},
                                                    {"april", 4},    {"apr", 4},  {"may", 5},
                                                    {"june", 6},     {"jun", 6},  {"july", 7},
                                                    {"jul", 7},      {"august", 8}, {"aug", 8},
                                                    {"september", 9}, {"sep", 9}, {"sept", 9},
                                                    {"october", 10}, {"oct", 10}, {"november", 11},
                                                    {"nov", 11},     {"december", 12},
                                                    {"dec", 12}}};

constexpr std::array<NamedValue, 16> k_number_words{
    {{"one", 1},    {"two", 2},     {"three", 3},   {"four", 4},   {"five", 5},  {"six", 6},
     {"seven", 7},  {"eight", 8},   {"nine", 9},    {"ten", 10},   {"eleven", 11},
     {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30}, {"ninety", 90}}};

// Words the grammar knows besides the tables above (used to tell unknown words from misplaced ones
// and to suggest the nearest word).
constexpr std::array<std::string_view, 82> k_other_words{
    "today",     "tomorrow",  "tmrw",      "tmr",        "yesterday", "day",       "days",
    "after",     "next",      "this",      "last",       "coming",    "week",      "weeks",
    "weekend",   "month",     "months",    "morning",    "afternoon", "evening",   "tonight",
    "night",     "lunch",     "lunchtime", "noon",       "midday",    "now",       "just",
    "right",     "away",      "asap",      "as",         "soon",      "possible",  "immediately",
    "eod",       "cob",       "eob",       "eow",        "eom",       "end",       "close",
    "of",        "business",  "working",   "work",       "workday",   "workdays",  "by",
    "at",        "on",        "in",        "within",     "a",         "an",        "couple",
    "few",       "half",      "and",       "or",         "so",        "to",        "from",
    "ago",       "early",     "beginning", "start",      "am",        "pm",        "oclock",
    "minute",    "minutes",   "min",       "mins",       "hour",      "hours",     "hr",
    "hrs",       "wk",        "wks",       "sat",        "before"};

// Words that are understood but are not deadlines; refused with their own message.
constexpr std::array<std::string_view, 13> k_vague_words{
    "later", "someday", "sometime", "sometimes", "soww", "eventually", "whenever",
    "tbd",   "tba",     "never",    "anytime",   "soon", "shortly"};

constexpr std::array<std::string_view, 38> k_zone_abbreviations{
    "est",  "edt",  "cst",  "cdt", "mst",  "mdt",  "pst",  "pdt", "akst", "akdt",
    "hst",  "hdt",  "ast",  "adt", "nst",  "ndt",  "cet",  "cest", "eet", "eest",
    "wet",  "west", "bst",  "ist", "msk",  "jst",  "kst",  "aest", "aedt", "acst",
    "acdt", "awst", "nzst", "nzdt", "sast", "hkt", "sgt",  "met"};

template <std::size_t N>
std::optional<int> lookup(const std::array<NamedValue, N>& table, std::string_view word)
{
    for (const auto& entry : table) {
        if (entry.name == word) {
            return entry.value;
        }
    }
    return std::nullopt;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& table, std::string_view word)
{
    return std::find(table.begin(), table.end(), word) != table.end();
}

bool is_known_word(std::string_view w)
{
    // Short technical words used in compact forms (2d, pt24h, 15th, 14:00z).
    static constexpr std::array<std::string_view, 12> compact{"d", "w", "h", "m", "s", "t",
                                                               "z", "pt", "p", "st", "nd", "rd"};
    return contains(compact, w) || w == "th" || w == "utc" || w == "gmt" || w == "bd" ||
           lookup(k_weekday_words, w) || lookup(k_month_words, w) || lookup(k_number_words, w) ||
           contains(k_other_words, w);
}

// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::optional<std::string> suggest(std::string_view word)
{
    std::vector<std::string_view> candidates;
    for (const auto& e : k_weekday_words) {
        candidates.push_back(e.name);
    }
    for (const auto& e : k_month_words) {
        candidates.push_back(e.name);
    }
    for (const auto& e : k_number_words) {
        candidates.push_back(e.name);
    }
    for (const auto w : k_other_words) {
        candidates.push_back(w);
    }
    const std::size_t limit = word.size() <= 4 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto c : candidates) {
        if (c.size() < 3) {
            continue;
        }
        const std::size_t dist = edit_distance(word, c);
        if (dist < best_distance) {
            best_distance = dist;
            best = std::string(c);
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokenKind { word, number, punct };

struct Token {
    TokenKind kind = TokenKind::word;
    std::string text; // lower-case word, the digits, or the punctuation character
    long long value = 0;
    int digits = 0;
    bool spaced = true; // preceded by a space (or first)
    std::size_t begin = 0;
    std::size_t end = 0;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// An en or em dash (UTF-8) counts as '-'.
bool dash_at(std::string_view s, std::size_t i)
{
    return i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2 &&
           static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
            static_cast<unsigned char>(s[i + 2]) == 0x94);
}

bool is_letter_at(std::string_view s, std::size_t i)
{
    const char c = s[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (static_cast<unsigned char>(c) >= 0x80 && !dash_at(s, i));
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
            t.value = 0;
            for (const char c : t.text) {
                t.value = std::min(t.value * 10 + (c - '0'), 1'000'000'000LL);
            }
        } else if (dash_at(s, i)) {
            t.kind = TokenKind::punct;
            t.text = "-";
            i += 3;
        } else if (is_letter_at(s, i)) {
            t.kind = TokenKind::word;
            while (i < s.size() && is_letter_at(s, i)) {
                t.text += to_lower(s[i++]);
            }
            // a.m. / p.m.
            if ((t.text == "a" || t.text == "p") && i + 1 < s.size() && s[i] == '.' &&
                to_lower(s[i + 1]) == 'm' && (i + 2 >= s.size() || !is_letter_at(s, i + 2))) {
                t.text += 'm';
                i += 2;
                if (i < s.size() && s[i] == '.') {
                    ++i;
                }
            }
            // o'clock
            if (t.text == "o" && i + 5 < s.size() && (s[i] == '\'' || s[i] == '`')) {
                std::string rest;
                for (std::size_t k = i + 1; k < i + 6; ++k) {
                    rest += to_lower(s[k]);
                }
                if (rest == "clock") {
                    t.text = "oclock";
                    i += 6;
                }
            }
        } else {
            t.kind = TokenKind::punct;
            t.text = std::string(1, s[i++]);
        }
        t.end = i;
        out.push_back(std::move(t));
    }
    if (!out.empty() && out.back().kind == TokenKind::punct && out.back().text == ".") {
        out.pop_back();
    }
    std::erase_if(out, [](const Token& t) { return t.kind == TokenKind::word && t.text == "the"; });
    return out;
}

// ---------------------------------------------------------------------------------------------
// Syntax

enum class Unit { minute, hour, day, week, month, business_day };

struct Quantity {
    long long lo = 1;
    long long hi = 1;
    bool range = false;
    bool or_so = false;
    bool compact = false;
    Unit unit = Unit::day;
    std::string text;
};

enum class Meridiem { none, am, pm };

struct Clock {
    long long hour = 0;
    long long minute = 0;
    long long second = 0;
    Meridiem meridiem = Meridiem::none;
    bool has_minutes = false;
    bool zero_padded = false;
    bool literal = false; // ISO: a 24-hour clock, no am/pm reading
    bool named = false;   // noon, midday
    bool oclock = false;  // "4 o'clock"
    std::optional<seconds> offset;
    std::string text;
};

enum class DayKind {
    today,
    tomorrow,
    after_tomorrow,
    yesterday,
    weekday,
    this_weekday,
    next_weekday,
    last_weekday,
    weekday_this_week,
    weekday_next_week,
    nth,
    month_day,
    iso,
    relative,
    ago,
};

struct DaySpec {
    DayKind kind = DayKind::today;
    unsigned weekday = 0;
    long long day = 0;
    long long month = 0;
    long long year = 0; // 0 = not given
    std::optional<unsigned> check_weekday;
    Quantity quantity;
    std::string text;
};

enum class Part { morning, lunch, afternoon, evening };

enum class PhraseKind {
    now,
    asap,
    within,
    day_or_so,
    eod,
    eow,
    eom,
    by_day,
    by_clock,
    day,
    day_part,
    bare_part,
    appointment,
    bare_clock,
    day_range,
    elapsed,
    ago,
    next_week,
    early_next_week,
    last_week,
    weekend,
    next_weekend,
    weekend_after_next,
    last_weekend,
    next_month,
    early_next_month,
    last_month,
};

struct Phrase {
    PhraseKind kind = PhraseKind::day;
    std::optional<DaySpec> day;
    std::optional<Part> part;
    std::optional<Clock> clock;
    Quantity quantity;
    bool next = false;
};

class Parser {
public:
    Parser(const std::vector<Token>& tokens, std::string_view text) : m_t(tokens), m_text(text) {}

    // The phrase covering every token, or a thrown usage_error diagnosing why there is none.
    Phrase parse_all();

private:
    using Production = std::optional<Phrase> (Parser::*)();

    const Token* peek(std::size_t k = 0) const
    {
        return m_pos + k < m_t.size() ? &m_t[m_pos + k] : nullptr;
    }
    bool is_word(std::string_view w, std::size_t k = 0) const
    {
        const Token* t = peek(k);
        return t != nullptr && t->kind == TokenKind::word && t->text == w;
    }
    bool word(std::string_view w)
    {
        if (is_word(w)) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool words(std::initializer_list<std::string_view> ws)
    {
        std::size_t k = 0;
        for (const auto w : ws) {
            if (!is_word(w, k++)) {
                return false;
            }
        }
        m_pos += ws.size();
        return true;
    }
    bool is_word_at(std::size_t index, std::string_view w) const
    {
        return index < m_t.size() && m_t[index].kind == TokenKind::word && m_t[index].text == w;
    }
    bool adjacent(std::size_t k = 0) const
    {
        const Token* t = peek(k);
        return t != nullptr && !t->spaced;
    }
    bool punct(char c, bool must_be_adjacent)
    {
        const Token* t = peek();
        if (t != nullptr && t->kind == TokenKind::punct && t->text[0] == c &&
            (!must_be_adjacent || !t->spaced)) {
            ++m_pos;
            return true;
        }
        return false;
    }
    const Token* number(bool must_be_adjacent = false)
    {
        const Token* t = peek();
        if (t != nullptr && t->kind == TokenKind::number && (!must_be_adjacent || !t->spaced)) {
            ++m_pos;
            return t;
        }
        return nullptr;
    }
    std::string span(std::size_t from, std::size_t to) const
    {
        if (from >= to || to > m_t.size()) {
            return {};
        }
        return std::string(m_text.substr(m_t[from].begin, m_t[to - 1].end - m_t[from].begin));
    }

    std::optional<long long> amount();
    std::optional<Unit> unit();
    std::optional<Quantity> quantity();
    std::optional<unsigned> weekday_word();
    std::optional<long long> ordinal_number();
    std::optional<DaySpec> date();
    std::optional<DaySpec> day();
    std::optional<Part> part();
    std::optional<Clock> clock(bool allow_bare, bool literal);
    std::optional<seconds> offset();
    void clock_tail(Clock& c);

    std::optional<Phrase> p_now();
    std::optional<Phrase> p_asap();
    std::optional<Phrase> p_within();
    std::optional<Phrase> p_eod();
    std::optional<Phrase> p_eow();
    std::optional<Phrase> p_eom();
    std::optional<Phrase> p_by();
    std::optional<Phrase> p_week();
    std::optional<Phrase> p_weekend();
    std::optional<Phrase> p_month();
    std::optional<Phrase> p_relative();
    std::optional<Phrase> p_day_first();
    std::optional<Phrase> p_clock_first();
    std::optional<Phrase> p_part_first();
    std::optional<Phrase> p_day_based();

    [[noreturn]] void diagnose(std::size_t best_end) const;

    const std::vector<Token>& m_t;
    std::string_view m_text;
    std::size_t m_pos = 0;
};

std::optional<long long> Parser::amount()
{
    const std::size_t save = m_pos;
    if (const Token* n = number()) {
        if (n->digits > 6) {
            m_pos = save;
            return std::nullopt;
        }
        return n->value;
    }
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    if (const auto v = lookup(k_number_words, t->text)) {
        ++m_pos;
        return *v;
    }
    const bool article = word("a") || word("an");
    if (word("couple")) {
        word("of");
        return 2;
    }
    if (word("few")) {
        return 3;
    }
    if (article) {
        return 1;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Unit> Parser::unit()
{
    const std::size_t save = m_pos;
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    const std::string& w = t->text;
    ++m_pos;
    if (w == "minute" || w == "minutes" || w == "min" || w == "mins") {
        return Unit::minute;
    }
    if (w == "hour" || w == "hours" || w == "hr" || w == "hrs") {
        return Unit::hour;
    }
    if (w == "day" || w == "days") {
        return Unit::day;
    }
    if (w == "week" || w == "weeks" || w == "wk" || w == "wks") {
        return Unit::week;
    }
    if (w == "month" || w == "months") {
        return Unit::month;
    }
    if (w == "workday" || w == "workdays") {
        return Unit::business_day;
    }
    if ((w == "business" || w == "working" || w == "work") && (word("day") || word("days"))) {
        return Unit::business_day;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Unit> compact_unit(std::string_view w)
{
    if (w == "m" || w == "min" || w == "mins") {
        return Unit::minute;
    }
    if (w == "h" || w == "hr" || w == "hrs") {
        return Unit::hour;
    }
    if (w == "d") {
        return Unit::day;
    }
    if (w == "w" || w == "wk") {
        return Unit::week;
    }
    if (w == "bd") {
        return Unit::business_day;
    }
    return std::nullopt;
}

std::optional<Quantity> Parser::quantity()
{
    const std::size_t save = m_pos;
    Quantity q;
    // ISO 8601 durations: PT24H, PT1H30M, PT90M, P3D, P2W.
    if (is_word("pt") || is_word("p")) {
        const bool time_part = is_word("pt");
        ++m_pos;
        long long total_minutes = 0;
        bool any = false;
        while (adjacent() && peek()->kind == TokenKind::number && adjacent(1) &&
               peek(1)->kind == TokenKind::word) {
            const long long n = peek()->value;
            const std::string& u = peek(1)->text;
            if (time_part && u == "h") {
                total_minutes += n * 60;
            } else if (time_part && u == "m") {
                total_minutes += n;
            } else if (!time_part && (u == "d" || u == "w") && !any) {
                q.lo = q.hi = n;
                q.unit = u == "d" ? Unit::day : Unit::week;
                any = true;
                m_pos += 2;
                break;
            } else {
                break;
            }
            any = true;
            m_pos += 2;
        }
        if (any) {
            if (time_part) {
                q.lo = q.hi = total_minutes;
                q.unit = Unit::minute;
            }
            q.compact = true;
            q.text = span(save, m_pos);
            return q;
        }
        m_pos = save;
        return std::nullopt;
    }
    // Compact: 2d, 3w, 2h, 30m, 2-3d.
    if (const Token* n = number()) {
        long long lo = n->value;
        long long hi = lo;
        bool range = false;
        const std::size_t after_number = m_pos;
        if (punct('-', true)) {
            if (const Token* n2 = number(true)) {
                hi = n2->value;
                range = true;
            } else {
                m_pos = after_number;
            }
        }
        if (adjacent() && peek()->kind == TokenKind::word) {
            if (const auto u = compact_unit(peek()->text)) {
                ++m_pos;
                q.lo = lo;
                q.hi = hi;
                q.range = range;
                q.unit = *u;
                q.compact = true;
                q.text = span(save, m_pos);
                return q;
            }
        }
        m_pos = save;
    }
    // Half an hour.
    if (words({"half", "an", "hour"}) || words({"half", "hour"}) || words({"a", "half", "hour"})) {
        q.lo = q.hi = 30;
        q.unit = Unit::minute;
        q.text = span(save, m_pos);
        return q;
    }
    const auto lo = amount();
    if (!lo) {
        return std::nullopt;
    }
    q.lo = q.hi = *lo;
    const std::size_t after_lo = m_pos;
    if (punct('-', false) || word("to") || word("or")) {
        if (const auto hi = amount()) {
            q.hi = *hi;
            q.range = true;
        } else {
            m_pos = after_lo;
        }
    }
    const auto u = unit();
    if (!u) {
        m_pos = save;
        return std::nullopt;
    }
    q.unit = *u;
    if (!q.range) {
        const std::size_t after_unit = m_pos;
        if (word("or")) {
            if (word("so")) {
                q.or_so = true;
            } else if (const auto hi = amount()) {
                q.hi = *hi;
                q.range = true;
            } else {
                m_pos = after_unit;
            }
        } else if (q.unit == Unit::hour && words({"and", "a", "half"})) {
            q.lo = q.hi = q.lo * 60 + 30;
            q.unit = Unit::minute;
        }
    }
    q.text = span(save, m_pos);
    return q;
}

std::optional<unsigned> Parser::weekday_word()
{
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    const std::optional<int> v = lookup(k_weekday_words, t->text);
    if (!v) {
        return std::nullopt;
    }
    ++m_pos;
    return static_cast<unsigned>(*v);
}

// 15th, 1st, 22nd (the suffix written right after the digits).
std::optional<long long> Parser::ordinal_number()
{
    const std::size_t save = m_pos;
    const Token* n = number();
    if (n == nullptr || n->digits > 2) {
        m_pos = save;
        return std::nullopt;
    }
    if (adjacent() && (is_word("st") || is_word("nd") || is_word("rd") || is_word("th"))) {
        ++m_pos;
        return n->value;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<DaySpec> Parser::date()
{
    const std::size_t save = m_pos;
    DaySpec d;
    // ISO 2026-12-01
    if (const Token* y = number()) {
        if (y->digits == 4 && punct('-', true)) {
            const Token* m = number(true);
            if (m != nullptr && m->digits <= 2 && punct('-', true)) {
                const Token* dd = number(true);
                if (dd != nullptr && dd->digits <= 2) {
                    d.kind = DayKind::iso;
                    d.year = y->value;
                    d.month = m->value;
                    d.day = dd->value;
                    d.text = span(save, m_pos);
                    return d;
                }
            }
        }
        m_pos = save;
    }
    auto year_after = [&]() -> long long {
        const std::size_t at = m_pos;
        if (const Token* y = number()) {
            if (y->digits == 4) {
                return y->value;
            }
        }
        m_pos = at;
        return 0;
    };
    auto month_word = [&]() -> std::optional<int> {
        const Token* t = peek();
        if (t == nullptr || t->kind != TokenKind::word) {
            return std::nullopt;
        }
        const auto v = lookup(k_month_words, t->text);
        if (v) {
            ++m_pos;
        }
        return v;
    };
    // december 15[th] [2026]
    if (const auto m = month_word()) {
        std::optional<long long> dd = ordinal_number();
        if (!dd) {
            if (const Token* n = number(); n != nullptr && n->digits <= 2) {
                dd = n->value;
            }
        }
        if (dd) {
            d.kind = DayKind::month_day;
            d.month = *m;
            d.day = *dd;
            d.year = year_after();
            d.text = span(save, m_pos);
            return d;
        }
        m_pos = save;
        return std::nullopt;
    }
    // 15[th] [of] december [2026]  |  15th
    std::optional<long long> dd = ordinal_number();
    const bool had_suffix = dd.has_value();
    if (!dd) {
        if (const Token* n = number(); n != nullptr && n->digits <= 2) {
            dd = n->value;
        }
    }
    if (!dd) {
        m_pos = save;
        return std::nullopt;
    }
    const std::size_t after_day = m_pos;
    word("of");
    if (const auto m = month_word()) {
        d.kind = DayKind::month_day;
        d.month = *m;
        d.day = *dd;
        d.year = year_after();
        d.text = span(save, m_pos);
        return d;
    }
    m_pos = after_day;
    if (had_suffix) {
        d.kind = DayKind::nth;
        d.day = *dd;
        d.text = span(save, m_pos);
        return d;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<DaySpec> Parser::day()
{
    const std::size_t save = m_pos;
    DaySpec d;
    auto done = [&](DayKind kind) {
        d.kind = kind;
        d.text = span(save, m_pos);
        return d;
    };
    if (word("today")) {
        return done(DayKind::today);
    }
    if (word("tomorrow") || word("tmrw") || word("tmr")) {
        return done(DayKind::tomorrow);
    }
    if (words({"day", "after", "tomorrow"})) {
        return done(DayKind::after_tomorrow);
    }
    if (word("yesterday")) {
        return done(DayKind::yesterday);
    }
    if (words({"this", "coming"}) || word("this") || word("coming")) {
        if (const auto wd = weekday_word()) {
            d.weekday = *wd;
            return done(DayKind::this_weekday);
        }
        m_pos = save;
        return std::nullopt;
    }
    if (word("next")) {
        if (const auto wd = weekday_word()) {
            d.weekday = *wd;
            return done(DayKind::next_weekday);
        }
        if (word("week")) {
            word("on");
            if (const auto wd = weekday_word()) {
                d.weekday = *wd;
                return done(DayKind::weekday_next_week);
            }
        }
        m_pos = save;
        return std::nullopt;
    }
    if (word("last")) {
        if (const auto wd = weekday_word()) {
            d.weekday = *wd;
            return done(DayKind::last_weekday);
        }
        m_pos = save;
        return std::nullopt;
    }
    if (const auto wd = weekday_word()) {
        d.weekday = *wd;
        const std::size_t after = m_pos;
        if (words({"next", "week"})) {
            return done(DayKind::weekday_next_week);
        }
        if (words({"this", "week"})) {
            return done(DayKind::weekday_this_week);
        }
        if (auto dated = date()) {
            dated->check_weekday = *wd;
            dated->text = span(save, m_pos);
            return dated;
        }
        m_pos = after;
        return done(DayKind::weekday);
    }
    if (auto dated = date()) {
        return dated;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Part> Parser::part()
{
    const std::size_t save = m_pos;
    const bool at = word("at");
    if (word("lunch") || word("lunchtime")) {
        return Part::lunch;
    }
    if (!at) {
        word("in");
        if (word("morning")) {
            return Part::morning;
        }
        if (word("afternoon")) {
            return Part::afternoon;
        }
        if (word("evening")) {
            return Part::evening;
        }
    }
    if (word("night")) {
        return Part::evening;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<seconds> Parser::offset()
{
    const std::size_t save = m_pos;
    if (adjacent() && word("z")) {
        return seconds{0};
    }
    const bool named = word("utc") || word("gmt");
    const Token* sign = peek();
    if (sign != nullptr && sign->kind == TokenKind::punct && (sign->text == "+" || sign->text == "-")) {
        ++m_pos;
        const Token* n = number(true);
        if (n != nullptr) {
            long long h = 0;
            long long m = 0;
            bool ok = true;
            if (n->digits <= 2) {
                h = n->value;
                if (punct(':', true)) {
                    const Token* mm = number(true);
                    ok = mm != nullptr && mm->digits == 2;
                    m = ok ? mm->value : 0;
                }
            } else if (n->digits == 4) {
                h = n->value / 100;
                m = n->value % 100;
            } else {
                ok = false;
            }
            if (ok && h <= 14 && m < 60) {
                const long long total = (h * 60 + m) * 60;
                return seconds{sign->text == "-" ? -total : total};
            }
        }
        m_pos = save;
        return std::nullopt;
    }
    if (named) {
        return seconds{0};
    }
    m_pos = save;
    return std::nullopt;
}

// "in the morning" / "at night" after a clock time, then an optional offset.
void Parser::clock_tail(Clock& c)
{
    if (c.meridiem == Meridiem::none && !c.named) {
        if (words({"in", "morning"})) {
            c.meridiem = Meridiem::am;
        } else if (words({"in", "afternoon"}) || words({"in", "evening"}) ||
                   words({"at", "night"})) {
            c.meridiem = Meridiem::pm;
        }
    }
    if (const auto off = offset()) {
        c.offset = off;
    }
}

std::optional<Clock> Parser::clock(bool allow_bare, bool literal)
{
    const std::size_t save = m_pos;
    const bool at = word("at");
    Clock c;
    c.literal = literal;
    const bool twelve = is_word("noon", 1) && peek() != nullptr &&
                        peek()->kind == TokenKind::number && peek()->text == "12";
    if (twelve) {
        ++m_pos;
    }
    if (word("noon") || word("midday")) {
        c.hour = 12;
        c.named = true;
        c.text = span(save + (at ? 1 : 0), m_pos);
        clock_tail(c);
        return c;
    }
    const Token* h = number();
    if (h == nullptr || h->digits > 2) {
        m_pos = save;
        return std::nullopt;
    }
    c.hour = h->value;
    c.zero_padded = h->digits == 2 && h->text[0] == '0';
    const std::size_t after_hour = m_pos;
    if (punct(':', true)) {
        const Token* m = number(true);
        if (m == nullptr || m->digits != 2) {
            m_pos = after_hour;
        } else {
            c.minute = m->value;
            c.has_minutes = true;
            const std::size_t after_minute = m_pos;
            if (punct(':', true)) {
                const Token* s = number(true);
                if (s == nullptr || s->digits != 2) {
                    m_pos = after_minute;
                } else {
                    c.second = s->value;
                }
            }
        }
    }
    if (word("am")) {
        c.meridiem = Meridiem::am;
    } else if (word("pm")) {
        c.meridiem = Meridiem::pm;
    }
    // "4 o'clock" is a bare hour, marked as a clock time
    c.oclock = c.meridiem == Meridiem::none && !c.has_minutes && word("oclock");
    c.text = span(save + (at ? 1 : 0), m_pos);
    if (c.meridiem == Meridiem::none && !c.has_minutes && !at && !c.oclock && !allow_bare) {
        m_pos = save;
        return std::nullopt;
    }
    clock_tail(c);
    return c;
}

std::optional<Phrase> Parser::p_now()
{
    if (word("now") || words({"right", "now"}) || words({"just", "now"})) {
        return Phrase{PhraseKind::now, {}, {}, {}, {}, false};
    }
    return std::nullopt;
}

std::optional<Phrase> Parser::p_asap()
{
    if (word("asap") || words({"as", "soon", "as", "possible"}) || words({"right", "away"}) ||
        word("immediately")) {
        return Phrase{PhraseKind::asap, {}, {}, {}, {}, false};
    }
    return std::nullopt;
}

std::optional<Phrase> Parser::p_within()
{
    const std::size_t save = m_pos;
    if (!word("within")) {
        return std::nullopt;
    }
    Phrase p;
    p.kind = PhraseKind::within;
    if (word("hour") || words({"an", "hour"}) || words({"next", "hour"})) {
        p.quantity.lo = p.quantity.hi = 1;
        p.quantity.unit = Unit::hour;
        p.quantity.text = span(save + 1, m_pos);
        return p;
    }
    word("next");
    if (auto q = quantity(); q && !q->range) {
        p.quantity = *q;
        if (q->or_so) {
            if (q->unit != Unit::day || q->lo != 1) {
                m_pos = save;
                return std::nullopt;
            }
            p.kind = PhraseKind::day_or_so;
        }
        return p;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::p_eod()
{
    const std::size_t save = m_pos;
    word("by");
    const bool core = word("eod") || word("cob") || word("eob") ||
                      words({"end", "of", "business", "day"}) || words({"end", "of", "day"}) ||
                      words({"end", "of", "business"}) || words({"close", "of", "business"}) ||
                      words({"end", "of", "working", "day"}) || words({"end", "of", "workday"});
    if (!core) {
        m_pos = save;
        return std::nullopt;
    }
    Phrase p;
    p.kind = PhraseKind::eod;
    const std::size_t after = m_pos;
    word("on");
    if (auto d = day()) {
        p.kind = PhraseKind::by_day;
        p.day = d;
    } else {
        m_pos = after;
    }
    return p;
}

std::optional<Phrase> Parser::p_eow()
{
    const std::size_t save = m_pos;
    word("by");
    Phrase p;
    p.kind = PhraseKind::eow;
    if (word("eow") || words({"this", "week"}) || words({"end", "of", "week"}) ||
        words({"end", "of", "this", "week"})) {
        return p;
    }
    if (words({"end", "of", "next", "week"}) || words({"eow", "next", "week"})) {
        p.next = true;
        return p;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::p_eom()
{
    const std::size_t save = m_pos;
    word("by");
    Phrase p;
    p.kind = PhraseKind::eom;
    if (word("eom") || words({"this", "month"}) || words({"end", "of", "month"}) ||
        words({"end", "of", "this", "month"})) {
        return p;
    }
    if (words({"end", "of", "next", "month"})) {
        p.next = true;
        return p;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::p_by()
{
    const std::size_t save = m_pos;
    if (!word("by") && !word("before")) {
        return std::nullopt;
    }
    const std::size_t inner = m_pos;
    if (words({"end", "of"})) {
        if (auto d = day()) {
            Phrase p;
            p.kind = PhraseKind::by_day;
            p.day = d;
            return p;
        }
        m_pos = inner;
    }
    auto p = p_day_based();
    if (!p) {
        m_pos = save;
        return std::nullopt;
    }
    switch (p->kind) {
    case PhraseKind::day:
    case PhraseKind::day_part:
        p->kind = PhraseKind::by_day;
        return p;
    case PhraseKind::appointment:
    case PhraseKind::bare_clock:
        p->kind = PhraseKind::by_clock;
        return p;
    default:
        m_pos = save;
        return std::nullopt;
    }
}

std::optional<Phrase> Parser::p_week()
{
    const std::size_t save = m_pos;
    Phrase p;
    if (words({"next", "week"})) {
        p.kind = PhraseKind::next_week;
        return p;
    }
    if (words({"last", "week"})) {
        p.kind = PhraseKind::last_week;
        return p;
    }
    if (words({"early", "next", "week"}) || words({"beginning", "of", "next", "week"}) ||
        words({"start", "of", "next", "week"})) {
        p.kind = PhraseKind::early_next_week;
        return p;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::p_weekend()
{
    const std::size_t save = m_pos;
    Phrase p;
    if (words({"next", "weekend"})) {
        p.kind = PhraseKind::next_weekend;
        return p;
    }
    if (words({"last", "weekend"})) {
        p.kind = PhraseKind::last_weekend;
        return p;
    }
    if (words({"weekend", "after", "next"})) {
        p.kind = PhraseKind::weekend_after_next;
        return p;
    }
    if (word("this") || word("over") || word("on") || word("at") || true) {
        if (word("weekend")) {
            p.kind = PhraseKind::weekend;
            return p;
        }
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::p_month()
{
    const std::size_t save = m_pos;
    Phrase p;
    if (words({"next", "month"})) {
        p.kind = PhraseKind::next_month;
        return p;
    }
    if (words({"last", "month"})) {
        p.kind = PhraseKind::last_month;
        return p;
    }
    if (words({"early", "next", "month"}) || words({"beginning", "of", "next", "month"}) ||
        words({"start", "of", "next", "month"})) {
        p.kind = PhraseKind::early_next_month;
        return p;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::p_relative()
{
    const std::size_t save = m_pos;
    const bool in = word("in");
    const bool next = in && word("next");
    if (next && (word("hour") || word("hr"))) {
        // "in the next hour" is "within the next hour"
        Phrase p;
        p.kind = PhraseKind::within;
        p.quantity.unit = Unit::hour;
        p.quantity.text = span(save + 1, m_pos);
        return p;
    }
    auto q = quantity();
    if (!q && next) {
        const std::size_t at = m_pos;
        if (const auto u = unit(); u && words({"or", "so"})) {
            q = Quantity{1, 1, false, true, false, *u, span(at, m_pos)};
        }
    }
    if (!q) {
        m_pos = save;
        return std::nullopt;
    }
    bool ago = false;
    if (!in) {
        if (words({"from", "now"}) || words({"from", "today"})) {
        } else if (word("ago")) {
            ago = true;
        } else if (!q->compact) {
            m_pos = save;
            return std::nullopt;
        }
    }
    Phrase p;
    p.quantity = *q;
    if (q->or_so) {
        if (q->unit != Unit::day || q->lo != 1 || ago) {
            m_pos = save;
            return std::nullopt;
        }
        p.kind = PhraseKind::day_or_so;
        return p;
    }
    if (next) {
        if (q->range) {
            m_pos = save;
            return std::nullopt;
        }
        p.kind = PhraseKind::within;
        return p;
    }
    const bool elapsed = q->unit == Unit::minute || q->unit == Unit::hour;
    if (ago) {
        if (q->range) {
            m_pos = save;
            return std::nullopt;
        }
        if (elapsed) {
            p.kind = PhraseKind::ago;
            return p;
        }
        DaySpec d;
        d.kind = DayKind::ago;
        d.quantity = *q;
        d.text = q->text + " ago";
        p.kind = PhraseKind::day;
        p.day = d;
    } else if (elapsed) {
        p.kind = PhraseKind::elapsed;
        return p;
    } else if (q->range) {
        p.kind = PhraseKind::day_range;
        return p;
    } else {
        DaySpec d;
        d.kind = DayKind::relative;
        d.quantity = *q;
        d.text = span(save, m_pos);
        p.kind = PhraseKind::day;
        p.day = d;
    }
    const std::size_t after = m_pos;
    if (const auto pt = part()) {
        p.part = pt;
        p.kind = PhraseKind::day_part;
    }
    if (auto c = clock(false, false)) {
        p.clock = c;
        p.kind = PhraseKind::appointment;
    } else if (!p.part) {
        m_pos = after;
    }
    return p;
}

std::optional<Phrase> Parser::p_day_first()
{
    const std::size_t save = m_pos;
    word("on");
    auto d = day();
    if (!d) {
        m_pos = save;
        return std::nullopt;
    }
    Phrase p;
    p.kind = PhraseKind::day;
    p.day = d;
    const bool iso = d->kind == DayKind::iso;
    if (iso && adjacent() && word("t")) {
        auto c = clock(true, true);
        if (!c || !c->has_minutes) {
            m_pos = save;
            return std::nullopt;
        }
        p.clock = c;
        p.kind = PhraseKind::appointment;
        return p;
    }
    if (const auto pt = part()) {
        p.part = pt;
        p.kind = PhraseKind::day_part;
    }
    // The "at" before a clock time is optional, so "friday 4" is "friday at 4". Only after a day
    // named by words, and only for 1-12 (the bare-hour rule), so "dec 15 26" or "friday 19" are
    // not read as clock times.
    const bool worded_day = d->kind != DayKind::nth && d->kind != DayKind::month_day &&
                            d->kind != DayKind::iso && !d->check_weekday;
    const std::size_t before_clock = m_pos;
    if (auto c = clock(worded_day, false)) {
        const bool bare = c->meridiem == Meridiem::none && !c->has_minutes && !c->named &&
                          !c->oclock;
        const bool had_at = is_word_at(before_clock, "at");
        if (bare && !had_at && (c->hour < 1 || c->hour > 12)) {
            m_pos = before_clock;
        } else {
            p.clock = c;
            p.kind = PhraseKind::appointment;
        }
    }
    return p;
}

std::optional<Phrase> Parser::p_part_first()
{
    const std::size_t save = m_pos;
    Phrase p;
    if (word("tonight")) {
        p.kind = PhraseKind::day_part;
        p.part = Part::evening;
    } else if (word("this")) {
        const auto pt = part();
        if (!pt) {
            m_pos = save;
            return std::nullopt;
        }
        p.kind = PhraseKind::day_part;
        p.part = pt;
    } else {
        word("in");
        const auto pt = part();
        if (!pt) {
            m_pos = save;
            return std::nullopt;
        }
        p.kind = PhraseKind::bare_part;
        p.part = pt;
    }
    DaySpec today;
    today.kind = DayKind::today;
    today.text = span(save, m_pos);
    p.day = today;
    if (auto c = clock(false, false)) {
        p.clock = c;
        p.kind = PhraseKind::appointment;
    }
    return p;
}

std::optional<Phrase> Parser::p_clock_first()
{
    const std::size_t save = m_pos;
    // A bare number ("4") is a clock time only when it ends the phrase: "4", "by 4".
    auto c = clock(m_pos + 1 == m_t.size(), false);
    if (!c) {
        m_pos = save;
        return std::nullopt;
    }
    Phrase p;
    p.kind = PhraseKind::bare_clock;
    p.clock = c;
    const std::size_t after = m_pos;
    if (auto rest = p_part_first(); rest && !rest->clock && rest->kind == PhraseKind::day_part) {
        p.day = rest->day;
        p.part = rest->part;
        p.kind = PhraseKind::appointment;
        return p;
    }
    m_pos = after;
    word("on");
    if (auto d = day()) {
        p.day = d;
        p.kind = PhraseKind::appointment;
        const std::size_t after_day = m_pos;
        if (const auto pt = part()) {
            p.part = pt;
        } else {
            m_pos = after_day;
        }
        return p;
    }
    m_pos = after;
    return p;
}

std::optional<Phrase> Parser::p_day_based()
{
    const std::size_t save = m_pos;
    std::optional<Phrase> best;
    std::size_t best_end = save;
    for (const Production prod : {&Parser::p_day_first, &Parser::p_clock_first,
                                  &Parser::p_part_first, &Parser::p_relative}) {
        m_pos = save;
        if (auto p = (this->*prod)(); p && m_pos > best_end) {
            best = p;
            best_end = m_pos;
        }
    }
    m_pos = best ? best_end : save;
    return best;
}

Phrase Parser::parse_all()
{
    static constexpr std::array<Production, 14> productions{
        &Parser::p_now,     &Parser::p_asap,     &Parser::p_within,    &Parser::p_eod,
        &Parser::p_eow,     &Parser::p_eom,      &Parser::p_by,        &Parser::p_week,
        &Parser::p_weekend, &Parser::p_month,    &Parser::p_relative,  &Parser::p_day_first,
        &Parser::p_clock_first, &Parser::p_part_first};
    std::size_t best_end = 0;
    for (const Production prod : productions) {
        m_pos = 0;
        if (auto p = (this->*prod)()) {
            if (m_pos == m_t.size()) {
                return *p;
            }
            best_end = std::max(best_end, m_pos);
        }
    }
    diagnose(best_end);
}

std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

void Parser::diagnose(std::size_t best_end) const
{
    const std::string whole = span(0, m_t.size());
    // Zone abbreviations, vague words.
    for (const Token& t : m_t) {
        if (t.kind != TokenKind::word) {
            continue;
        }
        const std::string raw(m_text.substr(t.begin, t.end - t.begin));
        if (contains(k_zone_abbreviations, t.text)) {
            throw usage_error(fmt::format("\"{}\" is a zone abbreviation", raw),
                              "give an offset instead, e.g. \"5pm -05:00\", or set TZ to an IANA "
                              "zone such as America/New_York");
        }
        if (contains(k_vague_words, t.text)) {
            throw usage_error(fmt::format("\"{}\" is not a deadline", raw),
                              "promise a window, e.g. \"friday\", \"in 2-3 days\" or \"by eod\"");
        }
    }
    // Numeric dates other than ISO, two-digit years.
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
            m_t[i + 3].text[0] == s && m_t[i + 4].kind == TokenKind::number &&
            !m_t[i + 4].spaced) {
            last = i + 4;
        }
        if (s == '-' && last == i + 2) {
            continue; // a range like 2-3
        }
        const std::string value(m_text.substr(a.begin, m_t[last].end - a.begin));
        if (s == '.' && last == i + 2 && i + 3 < m_t.size() && m_t[i + 3].kind == TokenKind::word) {
            const std::string& next = m_t[i + 3].text;
            if (next == "am" || next == "pm") {
                throw usage_error(fmt::format("\"{}\" is not a time of day", value),
                                  fmt::format("write times with a colon, e.g. {}:{}{}", a.text,
                                              b.text, next));
            }
            Parser probe(m_t, m_text);
            probe.m_pos = i + 3;
            if (probe.unit() || compact_unit(next)) {
                throw usage_error(fmt::format("\"{}\" is not a whole number", value),
                                  "use whole numbers, e.g. \"in 90 minutes\" or \"in 2-3 days\"");
            }
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
    // Two-digit years after a month name: "dec 15 26", "15 dec 26".
    for (std::size_t i = 0; i < m_t.size(); ++i) {
        if (m_t[i].kind != TokenKind::word || !lookup(k_month_words, m_t[i].text)) {
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
        const bool standalone =
            year_at + 1 >= m_t.size() ||
            (m_t[year_at + 1].spaced && !is_word_at(year_at + 1, "am") &&
             !is_word_at(year_at + 1, "pm") && !is_word_at(year_at + 1, "oclock"));
        if (year_at != 0 && year_at < m_t.size() && m_t[year_at].kind == TokenKind::number &&
            m_t[year_at].digits <= 2 && m_t[year_at].spaced && standalone) {
            const Token& y = m_t[year_at];
            throw usage_error(fmt::format("\"{}\" has a two-digit year", span(from, year_at + 1)),
                              fmt::format("write the year in full, e.g. 20{:0>2}", y.text));
        }
    }
    // Unknown words: a close suggestion first.
    const Token* unknown = nullptr;
    for (const Token& t : m_t) {
        if (t.kind == TokenKind::word && !is_known_word(t.text)) {
            const std::string raw(m_text.substr(t.begin, t.end - t.begin));
            if (const auto s = suggest(t.text)) {
                throw usage_error(fmt::format("{} is not a time {} (did you mean \"{}\"?)",
                                              quoted(raw), m_t.size() == 1 ? "phrase" : "word",
                                              *s),
                                  k_phrase_hint);
            }
            if (unknown == nullptr) {
                unknown = &t;
            }
        }
    }
    if (best_end > 0 && best_end < m_t.size()) {
        throw usage_error(fmt::format("unexpected {} after {}",
                                      quoted(span(best_end, m_t.size())), quoted(span(0, best_end))),
                          k_phrase_hint);
    }
    if (unknown != nullptr) {
        const std::string raw(m_text.substr(unknown->begin, unknown->end - unknown->begin));
        throw usage_error(fmt::format("{} is not a time {}", quoted(raw),
                                      m_t.size() == 1 ? "phrase" : "word"),
                          k_phrase_hint);
    }
    throw usage_error(fmt::format("{} is not a time phrase fu understands", quoted(whole)),
                      k_phrase_hint);
}

// ---------------------------------------------------------------------------------------------
// Meaning

std::string hhmm(long long minute_of_day)
{
    return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

std::string offset_text(seconds off)
{
    const long long total = off.count() / 60;
    const long long a = total < 0 ? -total : total;
    return fmt::format("{}{:02}:{:02}", total < 0 ? '-' : '+', a / 60, a % 60);
}

std::string ordinal(unsigned n)
{
    const char* suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    }
    return fmt::format("{}{}", n, suffix);
}

unsigned weekday_of(local_days d) { return date::weekday{d}.c_encoding(); }

class Evaluator {
public:
    Evaluator(Instant now, const date::time_zone& zone, const Settings& settings,
              TimeDirection direction, std::string text)
        : m_now(now), m_zone(zone), m_s(settings), m_dir(direction), m_text(std::move(text)),
          m_now_local(zone.to_local(now)), m_today(date::floor<days>(m_now_local))
    {
    }

    Window run(const Phrase& p);

private:
    bool future() const { return m_dir == TimeDirection::future; }
    bool is_workday(local_days d) const { return m_s.workdays[weekday_of(d)]; }
    void need_workdays() const
    {
        if (std::none_of(m_s.workdays.begin(), m_s.workdays.end(), [](bool b) { return b; })) {
            throw usage_error("no workdays are configured", "set workdays in the config file");
        }
    }
    std::string label(local_days d) const
    {
        const date::year_month_day ymd{d};
        const date::year_month_day now_ymd{m_today};
        std::string s = fmt::format("{} {} {}", k_weekday_short[weekday_of(d)],
                                    static_cast<unsigned>(ymd.day()),
                                    k_month_short[static_cast<unsigned>(ymd.month()) - 1]);
        if (ymd.year() != now_ymd.year()) {
            s += fmt::format(" {}", static_cast<int>(ymd.year()));
        }
        return s;
    }
    std::string iso(local_days d) const
    {
        const date::year_month_day ymd{d};
        return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                           static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    }
    void note(std::string n) { m_notices.push_back(std::move(n)); }

    Instant boundary(local_days d, long long minute_of_day) const;
    Instant typed(local_days d, seconds time_of_day, std::optional<seconds> offset);
    local_days week_start(local_days d) const;
    local_days first_workday(local_days from, local_days to) const;
    local_days last_workday(local_days from, local_days to) const;
    local_days next_workday_after(local_days d) const;
    local_days move_to_workday(local_days d);
    local_days add_business_days(local_days d, long long n) const;
    local_days add_months(local_days d, long long n, bool& clipped) const;
    local_days offset_days(const Quantity& q, long long n, bool move);
    local_days resolve_day(const DaySpec& d);
    DayPart part_span(Part p) const;
    long long clock_minute(const Clock& c, std::optional<Part> part);
    Window appointment(local_days d, const Clock& c, std::optional<Part> part);
    // Days as working windows; looking back (--since, --at), whole calendar days, so nothing
    // that happened before the working day began is left out.
    Window work_window(local_days first, local_days last) const
    {
        if (!future()) {
            return {boundary(first, 0), boundary(last + days{1}, 0), {}};
        }
        return {boundary(first, m_s.day.start_minute), boundary(last, m_s.day.end_minute), {}};
    }
    seconds elapsed(const Quantity& q, long long n) const
    {
        return q.unit == Unit::hour ? seconds{hours{n}} : seconds{minutes{n}};
    }
    void check_quantity(const Quantity& q) const;
    Window evaluate(const Phrase& p);

    Instant m_now;
    const date::time_zone& m_zone;
    const Settings& m_s;
    TimeDirection m_dir;
    std::string m_text;
    local_seconds m_now_local;
    local_days m_today;
    std::vector<std::string> m_notices;
};

Instant Evaluator::boundary(local_days d, long long minute_of_day) const
{
    const local_seconds ls = local_seconds{d} + minutes{minute_of_day};
    const auto info = m_zone.get_info(ls);
    switch (info.result) {
    case date::local_info::nonexistent:
        return info.second.begin;
    case date::local_info::ambiguous:
    case date::local_info::unique:
    default:
        return Instant{ls.time_since_epoch() - info.first.offset};
    }
}

Instant Evaluator::typed(local_days d, seconds time_of_day, std::optional<seconds> offset)
{
    const local_seconds ls = local_seconds{d} + time_of_day;
    if (offset) {
        return Instant{ls.time_since_epoch() - *offset};
    }
    const auto info = m_zone.get_info(ls);
    const long long tod_minutes = time_of_day.count() / 60;
    switch (info.result) {
    case date::local_info::nonexistent: {
        const auto gap_start = date::floor<minutes>(info.second.begin + info.first.offset);
        const auto gap_end = date::floor<minutes>(info.second.begin + info.second.offset);
        const auto start_min = (gap_start - date::floor<days>(gap_start)).count();
        const auto end_min = (gap_end - date::floor<days>(gap_end)).count();
        throw usage_error(fmt::format("{} {} does not exist in {} (the clocks skip it)", iso(d),
                                      hhmm(tod_minutes), m_zone.name()),
                          fmt::format("on {} the clocks go from {} straight to {}", label(d),
                                      hhmm(start_min), hhmm(end_min)));
    }
    case date::local_info::ambiguous:
        note(fmt::format("{} occurs twice on {} (clocks fall back); taking the earlier, {}",
                         hhmm(tod_minutes), label(d), offset_text(info.first.offset)));
        return Instant{ls.time_since_epoch() - info.first.offset};
    case date::local_info::unique:
    default:
        return Instant{ls.time_since_epoch() - info.first.offset};
    }
}

local_days Evaluator::week_start(local_days d) const
{
    const unsigned wd = weekday_of(d);
    const unsigned back = (wd + 7 - (m_s.week_start % 7)) % 7;
    return d - days{back};
}

local_days Evaluator::first_workday(local_days from, local_days to) const
{
    need_workdays();
    for (local_days d = from; d <= to; d += days{1}) {
        if (is_workday(d)) {
            return d;
        }
    }
    return from;
}

local_days Evaluator::last_workday(local_days from, local_days to) const
{
    need_workdays();
    for (local_days d = to; d >= from; d -= days{1}) {
        if (is_workday(d)) {
            return d;
        }
    }
    return to;
}

local_days Evaluator::next_workday_after(local_days d) const
{
    need_workdays();
    local_days n = d + days{1};
    while (!is_workday(n)) {
        n += days{1};
    }
    return n;
}

local_days Evaluator::move_to_workday(local_days d)
{
    need_workdays();
    if (is_workday(d)) {
        return d;
    }
    local_days n = d;
    while (!is_workday(n)) {
        n += days{1};
    }
    note(fmt::format("{} is not a workday; taking {}", label(d), label(n)));
    return n;
}

local_days Evaluator::add_business_days(local_days d, long long n) const
{
    need_workdays();
    local_days r = d;
    for (long long k = 0; k < n;) {
        r += days{1};
        if (is_workday(r)) {
            ++k;
        }
    }
    return r;
}

local_days Evaluator::add_months(local_days d, long long n, bool& clipped) const
{
    const date::year_month_day ymd{d};
    const date::year_month ym =
        date::year_month{ymd.year(), ymd.month()} + date::months{static_cast<int>(n)};
    const date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
    clipped = ymd.day() > last;
    return local_days{ym.year() / ym.month() / std::min(ymd.day(), last)};
}

void Evaluator::check_quantity(const Quantity& q) const
{
    long long limit = 3660;
    switch (q.unit) {
    case Unit::minute: limit = 527'040; break;
    case Unit::hour: limit = 8784; break;
    case Unit::day: limit = 3660; break;
    case Unit::week: limit = 522; break;
    case Unit::month: limit = 120; break;
    case Unit::business_day: limit = 2610; break;
    }
    if (q.lo > limit || q.hi > limit) {
        throw usage_error(fmt::format("\"{}\" is too far away", q.text),
                          "promise something within the next ten years");
    }
    if (q.range && q.lo > q.hi) {
        throw usage_error(fmt::format("\"{}\" is a reversed range", q.text),
                          fmt::format("put the smaller number first: {} to {}", q.hi, q.lo));
    }
}

// The day `n` units ahead (or back for negative n) of today; moved to a workday when asked.
local_days Evaluator::offset_days(const Quantity& q, long long n, bool move)
{
    local_days d = m_today;
    switch (q.unit) {
    case Unit::day: d = m_today + days{n}; break;
    case Unit::week: d = m_today + days{7 * n}; break;
    case Unit::month: {
        bool clipped = false;
        d = add_months(m_today, n, clipped);
        if (clipped) {
            note(fmt::format("{} has no {}; taking {}",
                             k_month_short[static_cast<unsigned>(date::year_month_day{d}.month()) - 1],
                             ordinal(static_cast<unsigned>(date::year_month_day{m_today}.day())),
                             label(d)));
        }
        break;
    }
    case Unit::business_day:
        if (n >= 0) {
            return add_business_days(m_today, n);
        }
        d = m_today + days{n};
        break;
    case Unit::minute:
    case Unit::hour: break;
    }
    return move && n > 0 ? move_to_workday(d) : d;
}

local_days Evaluator::resolve_day(const DaySpec& spec)
{
    const date::year_month_day today_ymd{m_today};
    const unsigned today_wd = weekday_of(m_today);
    local_days result = m_today;
    auto check_date = [&](long long y, long long m, long long dd) {
        const date::year_month_day ymd{date::year{static_cast<int>(y)},
                                       date::month{static_cast<unsigned>(m)},
                                       date::day{static_cast<unsigned>(dd)}};
        if (y < 1000 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31 || !ymd.ok()) {
            throw usage_error(fmt::format("{} is not a date", quoted(spec.text)),
                              m >= 1 && m <= 12 && dd >= 1 && dd <= 31
                                  ? fmt::format("{} has no day {}", k_month_short[m - 1], dd)
                                  : "write dates as yyyy-mm-dd, e.g. 2026-12-01");
        }
        return local_days{ymd};
    };
    switch (spec.kind) {
    case DayKind::today: result = m_today; break;
    case DayKind::tomorrow: result = m_today + days{1}; break;
    case DayKind::after_tomorrow: result = m_today + days{2}; break;
    case DayKind::yesterday: result = m_today - days{1}; break;
    case DayKind::weekday: {
        if (future()) {
            unsigned ahead = (spec.weekday + 7 - today_wd) % 7;
            if (ahead == 0) {
                ahead = 7;
                result = m_today + days{ahead};
                note(fmt::format("{} is today; taking {}", k_weekday_long[spec.weekday],
                                 label(result)));
            } else {
                result = m_today + days{ahead};
            }
        } else {
            result = m_today - days{(today_wd + 7 - spec.weekday) % 7};
        }
        break;
    }
    case DayKind::this_weekday:
        if (future()) {
            result = m_today + days{(spec.weekday + 7 - today_wd) % 7};
        } else {
            result = m_today - days{(today_wd + 7 - spec.weekday) % 7};
        }
        break;
    case DayKind::next_weekday: {
        unsigned ahead = (spec.weekday + 7 - today_wd) % 7;
        const local_days first = m_today + days{ahead == 0 ? 7 : ahead};
        const local_days ws = week_start(m_today) + days{7};
        const local_days in_next_week =
            ws + days{(spec.weekday + 7 - weekday_of(ws)) % 7};
        if (first != in_next_week) {
            throw usage_error(
                fmt::format("{} is ambiguous: {} or {}?", quoted(spec.text), label(first),
                            label(in_next_week)),
                fmt::format("say \"this {0}\" or \"{0} next week\"", k_weekday_long[spec.weekday]));
        }
        result = first;
        break;
    }
    case DayKind::last_weekday: {
        unsigned back = (today_wd + 7 - spec.weekday) % 7;
        result = m_today - days{back == 0 ? 7 : back};
        break;
    }
    case DayKind::weekday_this_week: {
        const local_days ws = week_start(m_today);
        result = ws + days{(spec.weekday + 7 - weekday_of(ws)) % 7};
        break;
    }
    case DayKind::weekday_next_week: {
        const local_days ws = week_start(m_today) + days{7};
        result = ws + days{(spec.weekday + 7 - weekday_of(ws)) % 7};
        break;
    }
    case DayKind::nth: {
        if (spec.day < 1 || spec.day > 31) {
            throw usage_error(fmt::format("{} is not a day of any month", quoted(spec.text)),
                              "days of the month run from 1st to 31st");
        }
        const auto dd = date::day{static_cast<unsigned>(spec.day)};
        date::year_month ym{today_ymd.year(), today_ymd.month()};
        const int step = future() ? 1 : -1;
        std::vector<std::string> skipped;
        for (int k = 0; k < 30; ++k, ym += date::months{step}) {
            const date::year_month_day cand{ym.year(), ym.month(), dd};
            if (!cand.ok()) {
                if (future() ? local_days{ym.year() / ym.month() / 1} + days{spec.day - 1} > m_today
                             : true) {
                    skipped.emplace_back(k_month_short[static_cast<unsigned>(ym.month()) - 1]);
                }
                continue;
            }
            const local_days c{cand};
            if (future() ? c > m_today : c <= m_today) {
                result = c;
                break;
            }
        }
        if (!skipped.empty()) {
            std::string months;
            for (const auto& m : skipped) {
                months += (months.empty() ? "" : ", ") + m;
            }
            note(fmt::format("{} has no {}; taking {}", months, spec.text, label(result)));
        }
        break;
    }
    case DayKind::month_day: {
        if (spec.month < 1 || spec.month > 12 || spec.day < 1 || spec.day > 31) {
            throw usage_error(fmt::format("{} is not a date", quoted(spec.text)));
        }
        const auto m = date::month{static_cast<unsigned>(spec.month)};
        const auto dd = date::day{static_cast<unsigned>(spec.day)};
        if (!(date::month_day{m, dd}).ok()) {
            throw usage_error(fmt::format("{} is not a date", quoted(spec.text)),
                              fmt::format("{} has no day {}", k_month_short[spec.month - 1], spec.day));
        }
        if (spec.year != 0) {
            result = check_date(spec.year, spec.month, spec.day);
            break;
        }
        date::year y = today_ymd.year();
        const int step = future() ? 1 : -1;
        auto valid = [&](date::year yy) { return date::year_month_day{yy, m, dd}.ok(); };
        auto acceptable = [&](date::year yy) {
            if (!valid(yy)) {
                return false;
            }
            const local_days c{date::year_month_day{yy, m, dd}};
            return future() ? c >= m_today : c <= m_today;
        };
        while (!acceptable(y)) {
            y += date::years{step};
        }
        result = local_days{date::year_month_day{y, m, dd}};
        if (y != today_ymd.year()) {
            const char* why = !valid(today_ymd.year()) ? "does not exist this year"
                              : future()                ? "has passed this year"
                                                        : "has not come yet this year";
            note(fmt::format("{} {} {}; taking {}", spec.day, k_month_short[spec.month - 1], why,
                             label(result)));
        }
        break;
    }
    case DayKind::iso: result = check_date(spec.year, spec.month, spec.day); break;
    case DayKind::relative:
        check_quantity(spec.quantity);
        result = offset_days(spec.quantity, spec.quantity.lo, true);
        break;
    case DayKind::ago:
        check_quantity(spec.quantity);
        result = offset_days(spec.quantity, -spec.quantity.lo, false);
        break;
    }
    if (spec.check_weekday && weekday_of(result) != *spec.check_weekday) {
        throw usage_error(fmt::format("{} is a {}, not a {}", iso(result),
                                      k_weekday_long[weekday_of(result)],
                                      k_weekday_long[*spec.check_weekday]));
    }
    return result;
}

DayPart Evaluator::part_span(Part p) const
{
    switch (p) {
    case Part::morning: return m_s.morning;
    case Part::lunch: return m_s.lunch;
    case Part::afternoon: return m_s.afternoon;
    case Part::evening:
    default: return m_s.evening;
    }
}

// Minute of the day a clock time names, applying the am/pm rules.
long long Evaluator::clock_minute(const Clock& c, std::optional<Part> part)
{
    auto bad = [&]() {
        return usage_error(fmt::format("{} is not a time of day", quoted(c.text)),
                           "use e.g. 5pm, 3:30pm or 15:30");
    };
    if (c.named) {
        return 12 * 60;
    }
    if (c.minute > 59 || c.second > 59) {
        throw bad();
    }
    long long h = c.hour;
    if (c.meridiem != Meridiem::none) {
        if (h < 1 || h > 12) {
            throw bad();
        }
        h = (h % 12) + (c.meridiem == Meridiem::pm ? 12 : 0);
    } else if (h > 23) {
        throw bad();
    } else if (c.literal || c.zero_padded || h == 0 || h >= 13) {
        // a 24-hour clock as written
    } else if (part) {
        // A part of the day sets am/pm; the reading is echoed like any bare hour's.
        const long long written = h;
        if (*part != Part::morning && h < 12) {
            h += 12;
        }
        if (!c.has_minutes || h != written) {
            note(fmt::format("{} read as {}", quoted(c.text), hhmm(h * 60 + c.minute)));
        }
    } else if (!c.has_minutes) {
        if (h <= 5) {
            h += 12;
        }
        note(fmt::format("{} read as {}", quoted(c.text), hhmm(h * 60)));
    } else if (h <= 5) {
        h += 12;
        note(fmt::format("{} read as {}", quoted(c.text), hhmm(h * 60 + c.minute)));
    }
    return h * 60 + c.minute;
}

Window Evaluator::appointment(local_days d, const Clock& c, std::optional<Part> part)
{
    const long long minute = clock_minute(c, part);
    const Instant t = typed(d, seconds{minutes{minute}} + seconds{c.second}, c.offset);
    return {t, t + m_s.appointment, {}};
}

Window Evaluator::evaluate(const Phrase& p)
{
    const DayPart& wd = m_s.day;
    switch (p.kind) {
    case PhraseKind::now: return {m_now, m_now + minutes{1}, {}};
    case PhraseKind::asap: return {m_now, m_now + hours{1}, {}};
    case PhraseKind::within: {
        const Quantity& q = p.quantity;
        check_quantity(q);
        if (q.unit == Unit::minute || q.unit == Unit::hour) {
            return {m_now, m_now + elapsed(q, q.lo), {}};
        }
        const local_days last = offset_days(q, q.lo, false);
        return {m_now, boundary(last, wd.end_minute), {}};
    }
    case PhraseKind::day_or_so:
        return {m_now, boundary(next_workday_after(m_today), wd.end_minute), {}};
    case PhraseKind::eod: return {m_now, boundary(m_today, wd.end_minute), {}};
    case PhraseKind::eow: {
        local_days ws = week_start(m_today) + days{p.next ? 7 : 0};
        if (!future()) {
            return {boundary(ws, 0), m_now, {}}; // looking back: since the week began
        }
        Instant end = boundary(last_workday(ws, ws + days{6}), wd.end_minute);
        if (end <= m_now && future()) {
            ws += days{7};
            const local_days last = last_workday(ws, ws + days{6});
            end = boundary(last, wd.end_minute);
            note(fmt::format("the working week is over; taking next week's (until {} {})",
                             label(last), hhmm(wd.end_minute)));
        }
        return {m_now, end, {}};
    }
    case PhraseKind::eom: {
        const date::year_month_day t{m_today};
        date::year_month ym = date::year_month{t.year(), t.month()} + date::months{p.next ? 1 : 0};
        auto month_end = [&](date::year_month m) {
            return boundary(last_workday(local_days{m.year() / m.month() / 1},
                                         local_days{m.year() / m.month() / date::last}),
                            wd.end_minute);
        };
        if (!future()) {
            return {boundary(local_days{ym.year() / ym.month() / 1}, 0), m_now, {}}; // since the 1st
        }
        Instant end = month_end(ym);
        if (end <= m_now && future()) {
            ym += date::months{1};
            end = month_end(ym);
            const local_days last = last_workday(local_days{ym.year() / ym.month() / 1},
                                                 local_days{ym.year() / ym.month() / date::last});
            note(fmt::format("this month's working days are over; taking next month's (until {} "
                             "{})",
                             label(last), hhmm(wd.end_minute)));
        }
        return {m_now, end, {}};
    }
    case PhraseKind::by_day: {
        const local_days d = resolve_day(*p.day);
        const long long end = p.part ? part_span(*p.part).end_minute : wd.end_minute;
        return {m_now, boundary(d, end), {}};
    }
    case PhraseKind::by_clock: {
        Phrase inner = p;
        inner.kind = p.day ? PhraseKind::appointment : PhraseKind::bare_clock;
        const Window w = evaluate(inner);
        return {m_now, w.earliest, {}};
    }
    case PhraseKind::day: {
        const local_days d = resolve_day(*p.day);
        return work_window(d, d);
    }
    case PhraseKind::day_part: {
        const local_days d = resolve_day(*p.day);
        const DayPart span = part_span(*p.part);
        return {boundary(d, span.start_minute), boundary(d, span.end_minute), {}};
    }
    case PhraseKind::bare_part: {
        const DayPart span = part_span(*p.part);
        local_days d = m_today;
        if (future() && boundary(d, span.end_minute) <= m_now) {
            d += days{1};
            note(fmt::format("this {} is over; taking {}",
                             p.day->text.substr(p.day->text.find_last_of(' ') + 1), label(d)));
        } else if (!future() && boundary(d, span.start_minute) > m_now) {
            d -= days{1};
        }
        return {boundary(d, span.start_minute), boundary(d, span.end_minute), {}};
    }
    case PhraseKind::appointment: {
        const local_days d = resolve_day(*p.day);
        return appointment(d, *p.clock, p.part);
    }
    case PhraseKind::bare_clock: {
        std::vector<std::string> saved = m_notices;
        const long long minute = clock_minute(*p.clock, std::nullopt);
        const local_seconds wall =
            local_seconds{m_today} + seconds{minutes{minute}} + seconds{p.clock->second};
        local_days d = m_today;
        if (!p.clock->offset) {
            // Past by the wall clock, or (when the clocks fall back and now is in the repeated
            // hour) its earlier occurrence, which is the one a typed time means, is already past.
            const auto info = m_zone.get_info(wall);
            const bool earlier_past =
                info.result == date::local_info::ambiguous &&
                Instant{wall.time_since_epoch() - info.first.offset} < m_now;
            if (future() && (wall < m_now_local || earlier_past)) {
                d += days{1};
                note(fmt::format("{} has passed today; taking {}", hhmm(minute), label(d)));
            } else if (!future() && wall > m_now_local) {
                d -= days{1};
                note(fmt::format("{} has not come yet today; taking {}", hhmm(minute), label(d)));
            }
        } else {
            const Instant t = typed(m_today, wall - local_seconds{m_today}, p.clock->offset);
            if (future() && t < m_now) {
                d += days{1};
                note(fmt::format("{} has passed today; taking {}", p.clock->text, label(d)));
            } else if (!future() && t > m_now) {
                d -= days{1};
                note(fmt::format("{} has not come yet today; taking {}", p.clock->text, label(d)));
            }
        }
        const Instant t = typed(d, wall - local_seconds{m_today}, p.clock->offset);
        return {t, t + m_s.appointment, {}};
    }
    case PhraseKind::day_range: {
        check_quantity(p.quantity);
        const local_days first = offset_days(p.quantity, p.quantity.lo, true);
        const local_days last = offset_days(p.quantity, p.quantity.hi, true);
        return work_window(first, last);
    }
    case PhraseKind::elapsed: {
        const Quantity& q = p.quantity;
        check_quantity(q);
        if (q.range) {
            return {m_now + elapsed(q, q.lo), m_now + elapsed(q, q.hi), {}};
        }
        const Instant t = m_now + elapsed(q, q.lo);
        return {t, t + m_s.appointment, {}};
    }
    case PhraseKind::ago: {
        check_quantity(p.quantity);
        const Instant t = m_now - elapsed(p.quantity, p.quantity.lo);
        return {t, t + m_s.appointment, {}};
    }
    case PhraseKind::next_week:
    case PhraseKind::last_week:
    case PhraseKind::early_next_week: {
        const local_days ws =
            week_start(m_today) + days{p.kind == PhraseKind::last_week ? -7 : 7};
        const local_days first = first_workday(ws, ws + days{6});
        local_days last = last_workday(ws, ws + days{6});
        if (p.kind == PhraseKind::early_next_week) {
            last = first;
            int count = 1;
            for (local_days d = first + days{1}; d <= ws + days{6} && count < 3; d += days{1}) {
                if (is_workday(d)) {
                    last = d;
                    ++count;
                }
            }
        }
        return work_window(first, last);
    }
    case PhraseKind::weekend:
    case PhraseKind::next_weekend:
    case PhraseKind::weekend_after_next:
    case PhraseKind::last_weekend: {
        const unsigned today_wd = weekday_of(m_today);
        const bool inside = today_wd == 6 || today_wd == 0;
        const local_days this_saturday =
            today_wd == 0 ? m_today - days{1} : m_today + days{(6 + 7 - today_wd) % 7};
        local_days sat = this_saturday;
        if (p.kind == PhraseKind::next_weekend) {
            if (!inside) {
                throw usage_error(
                    fmt::format("{} is ambiguous: {}–{} or {}–{}?", quoted(m_text),
                                label(sat), label(sat + days{1}), label(sat + days{7}),
                                label(sat + days{8})),
                    "say \"this weekend\" or \"the weekend after next\"");
            }
            sat += days{7};
        } else if (p.kind == PhraseKind::weekend_after_next) {
            sat += days{7};
        } else if (p.kind == PhraseKind::last_weekend) {
            sat = this_saturday - days{7};
        }
        return {boundary(sat, wd.start_minute), boundary(sat + days{1}, wd.end_minute), {}};
    }
    case PhraseKind::next_month:
    case PhraseKind::last_month:
    case PhraseKind::early_next_month: {
        const date::year_month_day t{m_today};
        const date::year_month ym = date::year_month{t.year(), t.month()} +
                                    date::months{p.kind == PhraseKind::last_month ? -1 : 1};
        const local_days from{ym.year() / ym.month() / 1};
        const local_days to{ym.year() / ym.month() / date::last};
        const local_days first = first_workday(from, to);
        local_days last = last_workday(from, to);
        if (p.kind == PhraseKind::early_next_month) {
            last = first;
            int count = 1;
            for (local_days d = first + days{1}; d <= to && count < 3; d += days{1}) {
                if (is_workday(d)) {
                    last = d;
                    ++count;
                }
            }
        }
        return work_window(first, last);
    }
    }
    return {m_now, m_now, {}};
}

Window Evaluator::run(const Phrase& p)
{
    Window w = evaluate(p);
    if (future()) {
        // Only a window that is over is refused; one already running starts now (a clock time
        // typed alone that has passed already means tomorrow's). A moment "ago" is always past.
        if (p.kind == PhraseKind::ago || w.latest <= m_now) {
            std::string hint;
            if (p.kind == PhraseKind::eod || (p.kind == PhraseKind::day && p.day &&
                                              p.day->kind == DayKind::today)) {
                hint = fmt::format("the working day ended at {}; try \"tomorrow\"",
                                   hhmm(m_s.day.end_minute));
            }
            throw usage_error(fmt::format("{} is already over", quoted(m_text)), hint);
        }
        w.earliest = std::max(w.earliest, m_now);
    } else if (w.earliest > m_now) {
        throw usage_error(fmt::format("{} is in the future", quoted(m_text)),
                          "give a time that has already happened, e.g. \"2 hours ago\"");
    }
    if (w.latest <= w.earliest) {
        w.latest = w.earliest + seconds{1};
    }
    w.notices = std::move(m_notices);
    return w;
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

} // namespace

Window resolve(std::string_view text, Instant now, const date::time_zone& zone,
               const Settings& settings, TimeDirection direction)
{
    const std::vector<Token> tokens = tokenize(text);
    const std::string shown = display_text(text);
    if (tokens.empty()) {
        throw usage_error("empty time phrase", "say when, e.g. \"tomorrow afternoon\"");
    }
    Parser parser(tokens, text);
    const Phrase phrase = parser.parse_all();
    Evaluator evaluator(now, zone, settings, direction, shown);
    return evaluator.run(phrase);
}

Instant parse_now(std::string_view text, const date::time_zone& zone)
{
    std::string_view s = text;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    const std::string shown(s);
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
            if (!is_ascii_digit(s[i + k])) {
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
    const local_seconds ls =
        local_seconds{local_days{ymd}} + hours{h} + minutes{mi} + seconds{sec};
    if (offset) {
        return Instant{ls.time_since_epoch() - *offset};
    }
    const auto info = zone.get_info(ls);
    if (info.result == date::local_info::nonexistent) {
        throw usage_error(fmt::format("{:04}-{:02}-{:02} {:02}:{:02} does not exist in {} (the "
                                      "clocks skip it)",
                                      y, mo, d, h, mi, zone.name()),
                          "give an offset, e.g. 2026-03-08T03:30-04:00");
    }
    return Instant{ls.time_since_epoch() - info.first.offset};
}

const date::time_zone& find_zone(std::string_view name)
{
    const std::string n(name);
    if (n.empty()) {
        throw usage_error("empty time zone name", "use an IANA name such as America/New_York");
    }
    const bool abbreviation = n.size() >= 3 && n.size() <= 5 &&
                              std::all_of(n.begin(), n.end(), [](char c) {
                                  return c >= 'A' && c <= 'Z';
                              }) &&
                              n != "UTC" && n != "GMT" && n != "UCT";
    if (abbreviation) {
        throw usage_error(fmt::format("\"{}\" is a zone abbreviation, not a time zone", n),
                          "use an IANA name such as America/New_York or Europe/Berlin, or an "
                          "offset like -05:00 in a time");
    }
    try {
        return *date::locate_zone(n);
    } catch (const std::exception&) {
        throw usage_error(fmt::format("unknown time zone \"{}\"", n),
                          "use an IANA name such as America/New_York or Europe/Berlin");
    }
}

} // namespace fu
