// src/practice/cadence.cpp — keep-in-touch cadences: reading what people say ("2-3 weeks",
// "monthly", "every week or two"), writing it back, the windows they give; interest levels.
//
// A single length X is due after X and overdue after X plus half of X. Half of N months is N/2
// months when N is even, else (N-1)/2 months and 15 days; half of D days is D/2 rounded up. So
// "weekly" is 7-11 days, "every 2 weeks" 14-21 days, "monthly" 1 month to 1 month 15 days,
// "quarterly" 3 months to 4 months 15 days, "yearly" 12-18 months.
#include "fu/practice.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "when/calendar.hpp"
#include "when/lexicon.hpp"

namespace fu {
namespace {

constexpr long long k_month_days = 30;     // a month, when two lengths are compared
constexpr long long k_longest_days = 5479; // fifteen years (the at-worst of ten)
constexpr const char* k_examples =
    "try \"2-3 weeks\", \"monthly\", \"every 10-14 days\", \"a week or two\" or \"none\"";

// Words with the length they name: units ("3 weeks") and adverbs ("weekly").
struct Named {
    std::string_view words; // space-separated
    Interval length;
};
constexpr Named k_units[] = {
    {"day days d", {0, 1}},
    {"week weeks w wk wks", {0, 7}},
    {"fortnight fortnights", {0, 14}},
    {"month months mo mos mth mths", {1, 0}},
    {"quarter quarters qtr qtrs", {3, 0}},
    {"year years y yr yrs", {12, 0}},
};
constexpr Named k_adverbs[] = {
    {"daily", {0, 1}},
    {"weekly", {0, 7}},
    {"fortnightly", {0, 14}},
    {"monthly", {1, 0}},
    {"quarterly", {3, 0}},
    {"yearly annually", {12, 0}},
    {"semiannually halfyearly", {6, 0}},
};

// Words understood but refused: the words, why ({0} is the cadence, {1} the word), what to say.
struct Refusal {
    std::string_view words;
    const char* why;
    const char* instead;
};
constexpr Refusal k_refusals[] = {
    {"today tomorrow tonight yesterday next this last noon midnight am pm morning afternoon "
     "evening night weekend in on at by until till from now ago before after eod eow eom",
     "\"{0}\" is a time, not a cadence",
     "a cadence is how often, e.g. \"every 2 weeks\"; for a date use fu promise"},
    {"biweekly", "\"{1}\" is ambiguous (every 2 weeks or twice a week?)",
     "say \"every 2 weeks\" or \"twice a week\""},
    {"bimonthly", "\"{1}\" is ambiguous (every 2 months or twice a month?)",
     "say \"every 2 months\" or \"twice a month\""},
    {"biannually", "\"{1}\" is ambiguous (every 6 months or every 2 years?)",
     "say \"every 6 months\" or \"every 2 years\""},
    {"m", "\"{1}\" could be minutes or months", "say \"months\""},
    {"hour hours hr hrs h minute minutes min mins workday workdays weekday weekdays business "
     "working",
     "\"{0}\": a cadence counts calendar days, weeks, months or years", k_examples},
    {"few several some often regularly sometimes occasionally periodically soon later whenever",
     "\"{0}\" is too vague for a cadence", "say how long, e.g. \"3-4 weeks\""},
};

constexpr std::string_view k_off_words = "none off never no";
constexpr std::string_view k_leading_fillers = "about around roughly approximately approx";

std::vector<std::string> words_of(std::string_view list)
{
    std::vector<std::string> words;
    for (std::size_t start = 0; start < list.size();) {
        const std::size_t end = std::min(list.find(' ', start), list.size());
        words.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// True when `word` is one of the space-separated words of `list`.
bool among(std::string_view list, std::string_view word)
{
    const std::vector<std::string> words = words_of(list);
    return std::find(words.begin(), words.end(), word) != words.end();
}

template <std::size_t N> const Named* named(const Named (&table)[N], std::string_view word)
{
    for (const Named& entry : table) {
        if (among(entry.words, word)) {
            return &entry;
        }
    }
    return nullptr;
}

bool is_digit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_count_word(const std::string& w)
{
    return (!w.empty() && is_digit(w[0])) || w == "a" || w == "an" || lexicon::number(w);
}

long long approx_days(const Interval& i)
{
    return i.months * k_month_days + i.days;
}

// X plus half of X (see the file comment).
Interval with_half_more(const Interval& x)
{
    return {x.months + x.months / 2, x.days + (x.months % 2 == 1 ? 15 : 0) + (x.days + 1) / 2};
}

// The words of a cadence, lower-case: letters and digits apart ("2-3wks" -> 2 - 3 wks), dashes
// (the en dash too) a word of their own, "semi-annually" and "bi-weekly" joined.
std::vector<std::string> cadence_words(std::string_view text)
{
    std::string s = ascii_lower(text);
    for (const std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
        for (auto at = s.find(dash); at != std::string::npos; at = s.find(dash)) {
            s.replace(at, dash.size(), "-");
        }
    }
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            words.push_back(word);
        }
        word.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c) || std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
            if (!word.empty() && is_digit(word.back()) != is_digit(c)) {
                flush();
            }
            word += c;
        } else if (c == '.' && i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) &&
                   is_digit(s[i + 1])) {
            throw usage_error(fmt::format("a cadence counts whole units, not \"{}\"", trim(text)),
                              "say \"10 days\" rather than \"1.5 weeks\"");
        } else if (c == '-' && among("semi bi half", word)) {
            continue; // "semi-annually", "bi-weekly": one word
        } else if (c == '-') {
            flush();
            words.emplace_back("-");
        } else if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == '.') {
            flush();
        } else {
            throw usage_error(fmt::format("cannot read \"{}\" as a cadence", trim(text)),
                              k_examples);
        }
    }
    flush();
    return words;
}

// One side of a range: a length ("3 weeks", "1 month 15 days") or a bare count ("2" of "2-3
// weeks").
struct Side {
    Interval length;
    std::optional<Interval> only_unit; // the unit of a one-term length, lent to a bare count
    std::optional<long long> bare;
};

class CadenceReader {
  public:
    CadenceReader(std::string_view text, std::vector<std::string> words)
        : m_text(trim(text)), m_words(std::move(words))
    {
    }
    std::optional<Cadence> read();

  private:
    const std::string& peek(std::size_t ahead = 0) const
    {
        static const std::string none;
        return m_at + ahead < m_words.size() ? m_words[m_at + ahead] : none;
    }
    bool done() const { return m_at >= m_words.size(); }
    bool accept(std::string_view word)
    {
        const bool match = !done() && m_words[m_at] == word;
        m_at += match ? 1 : 0;
        return match;
    }
    std::optional<long long> count(bool after_every);
    std::optional<Cadence> times_per();
    Side side(bool after_every, bool between);
    Interval times(long long n, const Interval& unit) const;
    Cadence range(const Interval& ideal, const Interval& worst) const;
    Cadence single(const Interval& x) const { return range(x, with_half_more(x)); }
    [[noreturn]] void refuse_here() const;

    std::string m_text;
    std::vector<std::string> m_words;
    std::size_t m_at = 0;
};

// A count: digits, a number word, "a"/"an", "a couple (of)"; after "every" also "other",
// "second" and "2nd".
std::optional<long long> CadenceReader::count(bool after_every)
{
    const std::string word = peek();
    if (!word.empty() && is_digit(word[0])) {
        long long n = 0;
        if (std::from_chars(word.data(), word.data() + word.size(), n).ec != std::errc{}) {
            n = k_longest_days + 1; // far too long anyway
        }
        ++m_at;
        if (among("st nd rd th", peek())) {
            if (!after_every) {
                refuse_here();
            }
            ++m_at;
        }
        return n;
    }
    if (accept("a") || accept("an") || word == "couple") {
        if (!accept("couple")) {
            return 1;
        }
        accept("of");
        return 2;
    }
    std::optional<long long> n = lexicon::number(word);
    if (!n && after_every) {
        n = word == "other" ? std::optional<long long>{2} : lexicon::ordinal(word);
    }
    m_at += n ? 1 : 0;
    return n;
}

Interval CadenceReader::times(long long n, const Interval& unit) const
{
    if (n > k_longest_days || n * approx_days(unit) > k_longest_days) {
        throw usage_error(fmt::format("\"{}\" is longer than 15 years", m_text),
                          "a cadence is at most 15 years");
    }
    return {static_cast<int>(n * unit.months), static_cast<int>(n * unit.days)};
}

// A length of one or more terms ("1 month 15 days", "1 month and 2 weeks"), a bare unit ("week"
// is one week), or a bare count.
Side CadenceReader::side(bool after_every, bool between)
{
    Side result;
    for (int terms = 0;; ++terms) {
        const std::size_t start = m_at;
        const std::optional<long long> n = count(after_every && terms == 0);
        const Named* unit = named(k_units, peek());
        if (!unit && terms > 0) {
            m_at = start; // not another term: the caller looks at what follows
            break;
        }
        if (!unit) {
            if (!n) {
                refuse_here();
            }
            result.bare = n;
            return result;
        }
        ++m_at;
        const Interval term = times(n.value_or(1), unit->length);
        result.length =
            times(1, {result.length.months + term.months, result.length.days + term.days});
        result.only_unit = terms == 0 ? std::optional<Interval>{unit->length} : std::nullopt;
        const bool joined = !between && peek() == "and";
        if (!is_count_word(peek(joined ? 1 : 0))) {
            break;
        }
        m_at += joined ? 1 : 0;
    }
    return result;
}

Cadence CadenceReader::range(const Interval& ideal, const Interval& worst) const
{
    if (approx_days(ideal) <= 0 || approx_days(worst) <= 0) {
        throw usage_error(fmt::format("\"{}\" is no rhythm: a cadence needs a length", m_text),
                          "say \"none\" for no cadence, or e.g. \"every 2 weeks\"");
    }
    if (approx_days(ideal) > approx_days(worst)) {
        throw usage_error(fmt::format("\"{}\" runs backwards", m_text),
                          "put the shorter length first, e.g. \"2-3 weeks\"");
    }
    return {ideal, worst};
}

// "twice a month" (2 weeks), "3 times a year", "twice weekly" (3-4 days).
std::optional<Cadence> CadenceReader::times_per()
{
    if (peek() != "twice" && peek(1) != "times") {
        return std::nullopt;
    }
    const bool twice = accept("twice");
    const std::optional<long long> counted = twice ? 2 : count(false);
    if (!counted || (!twice && !accept("times"))) {
        refuse_here();
    }
    const long long n = *counted;
    const bool per =
        accept("a") || accept("an") || accept("per") || accept("every") || accept("each");
    const Named* period = per ? named(k_units, peek()) : named(k_adverbs, peek());
    if (!period) {
        refuse_here();
    }
    ++m_at;
    if (!done()) {
        refuse_here();
    }
    const Interval p = period->length;
    if (n > 0 && p.months % n == 0 && p.days % n == 0) {
        return single({static_cast<int>(p.months / n), static_cast<int>(p.days / n)});
    }
    if (n == 2 && p == Interval{1, 0}) {
        return single({0, 14});
    }
    if (n == 2 && p == Interval{0, 7}) {
        return range({0, 3}, {0, 4});
    }
    throw usage_error(fmt::format("\"{}\" does not divide into whole days or months", m_text),
                      "say how long between, e.g. \"every 10 days\" or \"every 3-4 days\"");
}

// Explains why the word at the cursor cannot be read, and throws.
void CadenceReader::refuse_here() const
{
    const std::string& word = peek();
    // A day or month name is refused as a time, like "today".
    const bool names_a_day = lexicon::weekday(word) || lexicon::month(word);
    for (const Refusal& refusal : k_refusals) {
        if (among(refusal.words, names_a_day ? "today" : word)) {
            throw usage_error(fmt::format(fmt::runtime(refusal.why), m_text, word),
                              refusal.instead);
        }
    }
    std::string known = "every each once other twice times none";
    for (const Named& entry : k_units) {
        known += " " + std::string(entry.words);
    }
    for (const Named& entry : k_adverbs) {
        known += " " + std::string(entry.words);
    }
    std::string guess = word.size() > 3 ? nearest(word, words_of(known)) : std::string{};
    guess = guess == word ? std::string{} : guess; // a known word in the wrong place
    throw usage_error(
        fmt::format("cannot read \"{}\" as a cadence{}", m_text,
                    guess.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", guess)),
        k_examples);
}

std::optional<Cadence> CadenceReader::read()
{
    while (among(k_leading_fillers, peek())) {
        ++m_at;
    }
    if (m_words.size() >= m_at + 2 && m_words[m_words.size() - 2] == "or" &&
        m_words.back() == "so") {
        m_words.resize(m_words.size() - 2);
    }
    if (done()) {
        throw usage_error("no cadence given", k_examples);
    }
    if (m_at + 1 == m_words.size() && among(k_off_words, peek())) {
        return std::nullopt;
    }
    // "every", "each", "once every", "once a", "once per": how often, said aloud.
    const bool once = accept("once");
    if (once) {
        accept("per");
    }
    const bool after_every = once ? accept("every") : accept("every") || accept("each");
    if (done()) {
        throw usage_error(fmt::format("\"{}\" needs a length, e.g. \"every 2 weeks\"", m_text),
                          k_examples);
    }
    if (const Named* adverb = named(k_adverbs, peek()); adverb && m_at + 1 == m_words.size()) {
        return single(adverb->length);
    }
    if (const auto per = times_per()) {
        return per;
    }
    const bool between = !after_every && accept("between");
    Side ideal = side(after_every, between);
    const auto needs_unit = [&] {
        return usage_error(fmt::format("\"{}\" needs a unit", m_text),
                           "e.g. \"every 10 days\", \"2-3 weeks\" or \"every 2 months\"");
    };
    if (done() && !between) {
        if (ideal.bare) {
            throw needs_unit();
        }
        return single(ideal.length);
    }
    if (!(between ? accept("and") : accept("-") || accept("to") || accept("or"))) {
        refuse_here();
    }
    Side worst = side(false, false);
    if (!done()) {
        refuse_here();
    }
    if ((ideal.bare && !worst.only_unit) || (worst.bare && !ideal.only_unit)) {
        throw needs_unit();
    }
    if (ideal.bare) {
        ideal.length = times(*ideal.bare, *worst.only_unit);
    }
    if (worst.bare) {
        worst.length = times(*worst.bare, *ideal.only_unit);
    }
    return range(ideal.length, worst.length);
}

std::string counted(long long n, std::string_view unit)
{
    return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
}

// "1 year", "18 months", "1 month 15 days", "2 weeks".
std::string length_words(const Interval& x)
{
    std::vector<std::string> parts;
    if (x.months != 0) {
        parts.push_back(x.months % 12 == 0 ? counted(x.months / 12, "year")
                                           : counted(x.months, "month"));
    }
    if (x.days != 0) {
        parts.push_back(x.days % 7 == 0 ? counted(x.days / 7, "week") : counted(x.days, "day"));
    }
    return join(parts, " ");
}

} // namespace

std::optional<Cadence> parse_cadence(std::string_view text)
{
    return CadenceReader(text, cadence_words(text)).read();
}

std::string cadence_text(const Cadence& cadence)
{
    const Interval& a = cadence.ideal;
    const Interval& b = cadence.worst;
    // A range in one unit says both ends ("2-3 weeks", even where a single length would mean the
    // same); the default at-worst of a length in months is no such range ("1 month").
    const bool one_unit = (a.days == 0 && b.days == 0 && a.months > 0 && b.months > 0) ||
                          (a.months == 0 && b.months == 0 && a.days > 0 && b.days > 0);
    if (b == with_half_more(a) && !one_unit) {
        return length_words(a);
    }
    if (a.days == 0 && b.days == 0 && a.months > 0 && b.months > 0) {
        return a.months % 12 == 0 && b.months % 12 == 0
                   ? fmt::format("{}-{} years", a.months / 12, b.months / 12)
                   : fmt::format("{}-{} months", a.months, b.months);
    }
    if (a.months == 0 && b.months == 0 && a.days > 0 && b.days > 0) {
        return a.days % 7 == 0 && b.days % 7 == 0
                   ? fmt::format("{}-{} weeks", a.days / 7, b.days / 7)
                   : fmt::format("{}-{} days", a.days, b.days);
    }
    return length_words(a) + "-" + length_words(b);
}

Instant add_interval(Instant from, const Interval& interval, const Zone& zone)
{
    const auto local = zone.to_local(from);
    const date::local_days day = date::floor<date::days>(local);
    bool clipped = false;
    const date::local_days target =
        when::Calendar::add_months(day, interval.months, clipped) + date::days{interval.days};
    // A clock time skipped or repeated by a DST change resolves to its earliest instant.
    return zone.to_sys(target + (local - day), Choose::earliest);
}

std::int64_t soonest_seconds(const Interval& interval)
{
    const std::int64_t days = std::int64_t{interval.months} * 28 + interval.days;
    // A local day is at least 23 hours (a spring-forward day); one more day covers any zone shift.
    return std::max<std::int64_t>(0, (days - 1) * 23 * 3600);
}

TouchWindow keep_in_touch_window(const Cadence& cadence, Instant last, const Zone& zone)
{
    const Instant earliest = add_interval(last, cadence.ideal, zone);
    Instant latest = add_interval(last, cadence.worst, zone);
    if (latest <= earliest) {
        latest = add_interval(earliest, {0, 1}, zone); // ideal == worst: one local day
    }
    return {earliest, latest};
}

const std::vector<std::string>& interest_levels()
{
    static const std::vector<std::string> levels{"hot", "warm", "cold"};
    return levels;
}

std::string interest_level(std::string_view word)
{
    return known_word(ascii_lower(trim(word)), interest_levels(), "interest");
}

int interest_rank(std::string_view interest)
{
    if (interest == "hot" || interest == "warm") {
        return interest == "hot" ? 0 : 1;
    }
    return interest == "cold" ? 3 : 2;
}

} // namespace fu
