// src/when/parser_days.cpp — the productions for days and spans of days.
#include <array>

#include "fu/calendar.hpp"
#include "when/lexicon.hpp"
#include "when/parser.hpp"

namespace fu::when {

std::optional<unsigned> Parser::weekday_word()
{
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    const auto v = lexicon::weekday(t->text);
    if (v) {
        ++m_pos;
    }
    return v;
}

std::optional<long long> Parser::month_word()
{
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    const auto v = lexicon::month(t->text);
    if (!v) {
        return std::nullopt;
    }
    ++m_pos;
    return static_cast<long long>(*v);
}

// 15th, 1st, 22nd (the suffix right after the digits); first, third, twenty-first.
std::optional<long long> Parser::ordinal_number()
{
    const std::size_t save = m_pos;
    if (const Token* n = number(); n != nullptr && n->digits <= 2) {
        if (adjacent() && (is_word("st") || is_word("nd") || is_word("rd") || is_word("th"))) {
            ++m_pos;
            return n->value;
        }
        m_pos = save;
        return std::nullopt;
    }
    m_pos = save;
    if (is_word("twenty") || is_word("thirty")) {
        const long long tens = is_word("twenty") ? 20 : 30;
        ++m_pos;
        if (const Token* t = peek(); t != nullptr && t->kind == TokenKind::word) {
            if (const auto o = lexicon::ordinal(t->text); o && *o < 10) {
                ++m_pos;
                return tens + *o;
            }
        }
        m_pos = save;
        return std::nullopt;
    }
    if (const Token* t = peek(); t != nullptr && t->kind == TokenKind::word) {
        // "first thing" and "second" as a unit are not days
        if (t->text == "first" && is_word("thing", 1)) {
            return std::nullopt;
        }
        if (const auto o = lexicon::ordinal(t->text)) {
            ++m_pos;
            return *o;
        }
    }
    return std::nullopt;
}

// 15, 15th, fifteenth
std::optional<long long> Parser::day_number()
{
    if (auto o = ordinal_number()) {
        return o;
    }
    const std::size_t save = m_pos;
    if (const Token* n = number(); n != nullptr && n->digits <= 2) {
        return n->value;
    }
    m_pos = save;
    return std::nullopt;
}

long long Parser::year_after()
{
    const std::size_t at = m_pos;
    if (const Token* y = number(); y != nullptr && y->digits == 4 && y->value >= 1000) {
        return y->value;
    }
    m_pos = at;
    return 0;
}

std::optional<DaySpec> Parser::date()
{
    const std::size_t save = m_pos;
    DaySpec d;
    auto done = [&](DayKind kind) {
        d.kind = kind;
        d.text = span_text(save, m_pos);
        return d;
    };
    // ISO 2026-12-01
    if (const Token* y = number()) {
        if (y->digits == 4 && punct('-', true)) {
            const Token* m = number(true);
            if (m != nullptr && m->digits <= 2 && punct('-', true)) {
                const Token* dd = number(true);
                if (dd != nullptr && dd->digits <= 2) {
                    d.year = y->value;
                    d.month = m->value;
                    d.day = dd->value;
                    return done(DayKind::iso);
                }
            }
        }
        m_pos = save;
    }
    // december 15[th] [2026], july first
    if (const auto m = month_word()) {
        if (const auto dd = day_number()) {
            d.month = *m;
            d.day = *dd;
            d.year = year_after();
            return done(DayKind::month_day);
        }
        m_pos = save;
        return std::nullopt;
    }
    // 15[th] [of] december [2026]  |  15th  |  the third
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
    const bool of = word("of");
    if (const auto m = month_word()) {
        d.month = *m;
        d.day = *dd;
        d.year = year_after();
        return done(DayKind::month_day);
    }
    if (of && !is_word("july") && (is_word("next") || is_word("this") || is_word("month"))) {
        if (const auto ref = month_ref(); ref && !ref->named) {
            d.day = *dd; // the first of next month
            d.of = *ref;
            return done(DayKind::nth_of_month);
        }
    }
    m_pos = after_day;
    const bool said_the = m_t[save].after_the && m_t[save].kind == TokenKind::number;
    // "first week", "third tuesday" are not the nth of a month
    if ((had_suffix || said_the) && !is_word("week") &&
        !(peek() != nullptr && lexicon::weekday(peek()->text))) {
        d.day = *dd;
        return done(DayKind::nth);
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<DaySpec> Parser::named_day()
{
    // The longest run of words (up to four) that names a day, plus an optional year.
    const std::size_t save = m_pos;
    std::string name;
    std::size_t best = 0;
    std::string best_name;
    for (std::size_t k = 0; k < 4; ++k) {
        const Token* t = peek(k);
        if (t == nullptr ||
            (t->kind != TokenKind::word && !(k == 0 && t->kind == TokenKind::number))) {
            break;
        }
        name += (name.empty() ? "" : " ") + t->text;
        if (fu::is_named_day(name) && name != "new year" && name != "new years") {
            best = k + 1;
            best_name = name;
        }
    }
    // "new year's day" and "new year's eve" are days; "new year" alone is one too unless it
    // follows "in" (the new year: early January, a span).
    if (best == 0 && (words({"new", "years"}) || words({"new", "year"}))) {
        m_pos = save;
        if (m_pos > 0 && m_t[m_pos - 1].kind == TokenKind::word && m_t[m_pos - 1].text == "in") {
            return std::nullopt;
        }
        m_pos += 2;
        best_name = "new years day";
        best = 2;
    }
    if (best == 0) {
        m_pos = save;
        return std::nullopt;
    }
    m_pos = save + best;
    DaySpec d;
    d.kind = DayKind::named;
    d.name = best_name;
    d.year = year_after();
    d.text = span_text(save, m_pos);
    return d;
}

std::optional<MonthRef> Parser::month_ref()
{
    const std::size_t save = m_pos;
    MonthRef ref;
    if (words({"next", "month"})) {
        ref.offset = 1;
        return ref;
    }
    if (words({"this", "month"}) || word("month")) {
        return ref;
    }
    if (const auto m = month_word()) {
        ref.named = true;
        ref.month = *m;
        ref.year = year_after();
        return ref;
    }
    m_pos = save;
    return std::nullopt;
}

// first monday of next month, third tuesday in july, last friday of the month
std::optional<DaySpec> Parser::nth_weekday()
{
    const std::size_t save = m_pos;
    long long n = 0;
    if (!word("last")) {
        const auto o = ordinal_number();
        if (!o || *o > 5) {
            m_pos = save;
            return std::nullopt;
        }
        n = *o;
    }
    DaySpec d;
    // the first monday, the last business day, the last day (of a month)
    const auto wd = weekday_word();
    if (!wd) {
        if (words({"business", "day"}) || words({"working", "day"}) || words({"work", "day"}) ||
            word("workday")) {
            d.counted = DaySpec::Counted::workday;
        } else if (word("day") && n == 0) {
            d.counted = DaySpec::Counted::day;
        } else {
            m_pos = save;
            return std::nullopt;
        }
    }
    if (!(word("of") || word("in"))) {
        m_pos = save;
        return std::nullopt;
    }
    const auto ref = month_ref();
    if (!ref) {
        m_pos = save;
        return std::nullopt;
    }
    d.kind = DayKind::nth_weekday;
    d.nth = n;
    d.weekday = wd.value_or(0);
    d.of = *ref;
    d.text = span_text(save, m_pos);
    return d;
}

std::optional<DaySpec> Parser::day()
{
    if (m_depth > 4) {
        return std::nullopt; // no phrase nests deeper; stop "day after day after …" here
    }
    struct Nest {
        int& depth;
        explicit Nest(int& d) : depth(d) { ++depth; }
        ~Nest() { --depth; }
        Nest(const Nest&) = delete;
        Nest& operator=(const Nest&) = delete;
    } nest(m_depth);
    const std::size_t save = m_pos;
    DaySpec d;
    auto done = [&](DayKind kind) {
        d.kind = kind;
        d.text = span_text(save, m_pos);
        return d;
    };
    word("on");
    const std::size_t start = m_pos;
    if (word("today")) {
        return done(DayKind::today);
    }
    if (word("tomorrow") || word("tmrw") || word("tmr") || word("tmw")) {
        return done(DayKind::tomorrow);
    }
    if (words({"day", "after", "tomorrow"})) {
        return done(DayKind::after_tomorrow);
    }
    if (is_word("day") && (is_word("after", 1) || is_word("before", 1))) {
        // the day after thanksgiving, the day before christmas
        const long long shift = is_word("after", 1) ? 1 : -1;
        m_pos += 2;
        if (auto base = day()) {
            base->shift_days += shift;
            base->text = span_text(save, m_pos);
            return base;
        }
        m_pos = save;
        return std::nullopt;
    }
    if (word("yesterday")) {
        return done(DayKind::yesterday);
    }
    if (words({"earlier", "today"}) || words({"earlier", "on", "today"})) {
        return done(DayKind::earlier_today);
    }
    if (words({"next", "business", "day"}) || words({"next", "working", "day"}) ||
        words({"next", "workday"}) || words({"next", "work", "day"})) {
        return done(DayKind::next_workday);
    }
    if (auto nth = nth_weekday()) {
        return nth;
    }
    // this friday, next friday, last friday, next week friday
    const bool said_this = words({"this", "coming"}) || word("this") || word("coming");
    const bool said_next = !said_this && word("next");
    const bool said_last = !said_this && !said_next && word("last");
    if (said_this || said_next || said_last) {
        const bool next_week = said_next && word("week");
        if (next_week) {
            word("on");
        }
        if (const auto wd = weekday_word()) {
            d.weekday = *wd;
            return done(next_week   ? DayKind::weekday_next_week
                        : said_this ? DayKind::this_weekday
                        : said_next ? DayKind::next_weekday
                                    : DayKind::last_weekday);
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
            dated->text = span_text(save, m_pos);
            return dated;
        }
        m_pos = after;
        // "tuesday week": the tuesday a week after the coming one
        if (is_word("week") && (peek(1) == nullptr || !(is_word("of", 1) || is_word("after", 1) ||
                                                        is_word("before", 1)))) {
            ++m_pos;
            d.shift_days = 7;
        }
        return done(DayKind::weekday);
    }
    if (auto named = named_day()) {
        named->text = span_text(save, m_pos);
        return named;
    }
    m_pos = start;
    if (auto dated = date()) {
        dated->text = span_text(save, m_pos);
        return dated;
    }
    m_pos = save;
    return std::nullopt;
}

// june 22-24, 22-24 june, from 22 to 24 june, jun 22 - jun 26, monday to wednesday,
// between june 22 and june 24
std::optional<SpanSpec> Parser::day_range()
{
    const std::size_t save = m_pos;
    const bool between = word("between");
    const bool from = !between && word("from");
    auto joiner = [&] {
        if (between) {
            return word("and");
        }
        return punct('-', false) || word("to") || word("through") || word("thru") || word("till") ||
               word("until") || (!from && word("til"));
    };
    SpanSpec s;
    s.kind = SpanKind::day_range;
    auto range = [&](const DaySpec& from_day, const DaySpec& to_day) {
        s.from = from_day;
        s.to = to_day;
        s.text = span_text(save, m_pos);
        return s;
    };
    // 22-24 june, 22nd to 24th of june, from 22 to 24 june
    {
        const std::size_t at = m_pos;
        const std::optional<long long> a = day_number();
        if (a && joiner()) {
            const std::optional<long long> b = day_number();
            const std::size_t before_month = m_pos;
            if (b && m_t[at].after_the && !word("of") &&
                !(peek() != nullptr && lexicon::month(peek()->text))) {
                DaySpec f; // the 20-22: days of the month
                f.kind = DayKind::nth;
                f.day = *a;
                f.text = span_text(at, m_pos);
                DaySpec t = f;
                t.day = *b;
                return range(f, t);
            }
            m_pos = before_month;
            word("of");
            if (b) {
                if (const auto m = month_word()) {
                    const long long y = year_after();
                    DaySpec f;
                    f.kind = DayKind::month_day;
                    f.month = *m;
                    f.day = *a;
                    f.year = y;
                    f.text = span_text(at, before_month);
                    DaySpec t = f;
                    t.day = *b;
                    return range(f, t);
                }
            }
        }
        m_pos = at;
    }
    auto first = day();
    if (!first) {
        m_pos = save;
        return std::nullopt;
    }
    if (!joiner()) {
        m_pos = save;
        return std::nullopt;
    }
    // june 22-24: the second day takes the first's month
    if (first->kind == DayKind::month_day) {
        const std::size_t at = m_pos;
        if (const auto n = day_number(); n && !month_word()) {
            DaySpec t = *first;
            t.day = *n;
            t.year = year_after();
            if (t.year != 0 && first->year == 0) {
                first->year = t.year;
            }
            t.text = span_text(at, m_pos);
            return range(*first, t);
        }
        m_pos = at;
    }
    auto second = day();
    if (!second) {
        m_pos = save;
        return std::nullopt;
    }
    return range(*first, *second);
}

std::optional<SpanSpec> Parser::period()
{
    const std::size_t save = m_pos;
    SpanSpec s;
    auto done = [&](SpanKind kind) {
        s.kind = kind;
        s.text = span_text(save, m_pos);
        return s;
    };
    auto unit_kind = [&]() -> std::optional<SpanKind> {
        if (word("week") || word("wk")) {
            return SpanKind::week;
        }
        if (word("weekend")) {
            return SpanKind::weekend;
        }
        if (word("month")) {
            return SpanKind::month;
        }
        if (word("quarter")) {
            return SpanKind::quarter;
        }
        if (word("year")) {
            return SpanKind::year;
        }
        return std::nullopt;
    };
    // first week of july, last week of next month
    long long nth_week = 0;
    if (word("last")) {
        nth_week = -1;
    } else if (const auto o = ordinal_number(); o && *o <= 5) {
        nth_week = *o;
    }
    if (nth_week != 0 && word("week") && (word("of") || word("in"))) {
        if (auto ref = month_ref()) {
            s.week_of_month = nth_week;
            s.relative = !ref->named;
            s.offset = ref->offset;
            s.number = ref->month;
            s.year = ref->year;
            return done(SpanKind::month);
        }
    }
    m_pos = save;
    // w/c 22 june, week commencing 22 june: the week of
    if (is_word("w") && is_punct('/', 1) && is_word("c", 2)) {
        m_pos += 3;
        if (auto d = day()) {
            s.from = d;
            return done(SpanKind::week_of);
        }
        m_pos = save;
    }
    if (words({"week", "commencing"}) || words({"week", "beginning"}) ||
        words({"week", "starting"})) {
        if (auto d = day()) {
            s.from = d;
            return done(SpanKind::week_of);
        }
        m_pos = save;
    }
    // thanksgiving week, christmas week
    if (auto named = named_day(); named && word("week")) {
        s.from = named;
        return done(SpanKind::week_of);
    }
    m_pos = save;
    // week of june 22, the week after thanksgiving
    if (word("week")) {
        long long shift = 0;
        bool ok = word("of");
        if (!ok && word("after")) {
            shift = 1;
            ok = !is_word("next");
        } else if (!ok && word("before")) {
            shift = -1;
            ok = true;
        }
        if (ok) {
            if (auto d = day()) {
                s.from = d;
                s.shift_weeks = shift;
                return done(SpanKind::week_of);
            }
        }
        m_pos = save;
    }
    // week after next, weekend after next, month after next
    {
        if (const auto k = unit_kind()) {
            if (words({"after", "next"})) {
                s.offset = 2;
                return done(*k);
            }
        }
        m_pos = save;
    }
    if (words({"in", "new", "year"})) {
        // early January: a span the evaluator narrows to its early days
        s.relative = false;
        s.number = 1;
        s.year = -1; // next year's, as in "q3 next year"
        s.implied = Portion::early;
        return done(SpanKind::month);
    }
    const bool said_this = words({"this", "coming"}) || word("this") || word("current");
    if (said_this || word("over") || word("at") || word("on") || word("during")) {
        if (const auto k = unit_kind()) {
            s.said_this = said_this;
            return done(*k);
        }
        m_pos = save;
    }
    if (word("next") || word("following")) {
        if (const auto k = unit_kind()) {
            s.offset = 1;
            return done(*k);
        }
        m_pos = save;
    }
    if (word("last") || word("previous")) {
        if (const auto k = unit_kind()) {
            s.offset = -1;
            return done(*k);
        }
        m_pos = save;
    }
    if (word("weekend")) {
        return done(SpanKind::weekend);
    }
    if (word("midweek")) {
        s.implied = Portion::mid;
        return done(SpanKind::week);
    }
    // q3 [2027]
    if (is_word("q") && is_number(1) && adjacent(1)) {
        m_pos += 1;
        const Token* n = number();
        if (n->value >= 1 && n->value <= 4 && n->digits == 1) {
            s.relative = false;
            s.number = n->value;
            s.year = year_after();
            if (s.year == 0 && words({"next", "year"})) {
                s.year = -1; // q3 next year: the evaluator adds one to this year
            }
            return done(SpanKind::quarter);
        }
        m_pos = save;
        return std::nullopt;
    }
    // 2027, in 2027, end of 2026 (not the year of an ISO date)
    {
        word("in");
        if (const Token* y = peek();
            y != nullptr && y->kind == TokenKind::number && y->digits == 4 && y->value >= 1000 &&
            !(is_punct('-', 1) && adjacent(1)) &&
            !(peek(1) != nullptr && peek(1)->kind == TokenKind::punct && !peek(1)->spaced)) {
            ++m_pos;
            s.relative = false;
            s.number = y->value;
            return done(SpanKind::year);
        }
        m_pos = save;
    }
    // july [2027], in july
    if (word("in") && !(peek() != nullptr && lexicon::month(peek()->text))) {
        m_pos = save;
    }
    if (const auto m = month_word()) {
        s.relative = false;
        s.number = *m;
        s.year = year_after();
        return done(SpanKind::month);
    }
    // a bare unit after early/mid/late/end of: "mid-month", "end of quarter"
    if (m_after_portion) {
        word("in");
        if (const auto k = unit_kind()) {
            s.said_this = true;
            return done(*k);
        }
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<SpanSpec> Parser::span()
{
    const std::size_t save = m_pos;
    std::optional<SpanSpec> best;
    std::size_t best_end = save;
    m_pos = save;
    if (auto r = day_range(); r && m_pos > best_end) {
        best = r;
        best_end = m_pos;
    }
    m_pos = save;
    if (auto p = period(); p && m_pos > best_end) {
        best = p;
        best_end = m_pos;
    }
    m_pos = best ? best_end : save;
    return best;
}

} // namespace fu::when
