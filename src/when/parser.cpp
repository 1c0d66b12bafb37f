// src/when/parser.cpp — the cursor, quantities, stand-alone phrases, modes and targets.
#include "when/parser.hpp"

#include <algorithm>
#include <cctype>

#include "fu/zone.hpp"

#include "when/diagnose.hpp"
#include "when/lexicon.hpp"

namespace fu::when {

bool Parser::word(std::string_view w)
{
    if (is_word(w)) {
        ++m_pos;
        return true;
    }
    return false;
}

bool Parser::words(std::initializer_list<std::string_view> ws)
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

bool Parser::punct(char c, bool must_be_adjacent)
{
    const Token* t = peek();
    if (t != nullptr && t->kind == TokenKind::punct && t->text[0] == c &&
        (!must_be_adjacent || !t->spaced)) {
        ++m_pos;
        return true;
    }
    return false;
}

const Token* Parser::number(bool must_be_adjacent)
{
    const Token* t = peek();
    if (t != nullptr && t->kind == TokenKind::number && (!must_be_adjacent || !t->spaced)) {
        ++m_pos;
        return t;
    }
    return nullptr;
}

std::string Parser::span_text(std::size_t from, std::size_t to) const
{
    if (from >= to || to > m_t.size()) {
        return {};
    }
    return std::string(m_text.substr(m_t[from].begin, m_t[to - 1].end - m_t[from].begin));
}

std::optional<long long> Parser::amount()
{
    const std::size_t save = m_pos;
    if (const Token* n = number()) {
        if (n->digits > 6 || (is_punct('.') && adjacent() && is_number(1))) {
            m_pos = save;
            return std::nullopt;
        }
        return n->value;
    }
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    if (const auto v = lexicon::number(t->text)) {
        ++m_pos;
        if (*v == 20 || *v == 30 || *v == 40 || *v == 50) {
            if (const Token* u = peek(); u != nullptr && u->kind == TokenKind::word) {
                if (const auto ones = lexicon::number(u->text); ones && *ones < 10) {
                    ++m_pos;
                    return *v + *ones;
                }
            }
        }
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
    const std::string w = t->text;
    ++m_pos;
    if ((w == "business" || w == "working" || w == "work") && (word("day") || word("days"))) {
        return Unit::business_day;
    }
    if (const auto u = lexicon::unit(w)) {
        return u;
    }
    m_pos = save;
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
        while (adjacent() && is_number() && adjacent(1) && peek(1)->kind == TokenKind::word) {
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
            q.text = span_text(save, m_pos);
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
            if (const auto u = lexicon::compact_unit(peek()->text)) {
                ++m_pos;
                q.lo = lo;
                q.hi = hi;
                q.range = range;
                q.unit = *u;
                q.compact = true;
                q.text = span_text(save, m_pos);
                return q;
            }
        }
        m_pos = save;
    }
    // Half an hour.
    if (words({"half", "an", "hour"}) || words({"half", "hour"}) || words({"a", "half", "hour"})) {
        q.lo = q.hi = 30;
        q.unit = Unit::minute;
        q.text = span_text(save, m_pos);
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
    word("time"); // "in a week's time"
    q.text = span_text(save, m_pos);
    return q;
}

// in 3 days, 3 days from now, a week from friday, 3 days ago, in a fortnight
std::optional<DaySpec> Parser::relative_day()
{
    const std::size_t save = m_pos;
    const bool in = word("in");
    auto q = quantity();
    if (!q || q->or_so || q->range || elapsed_unit(q->unit)) {
        m_pos = save;
        return std::nullopt;
    }
    DaySpec d;
    d.quantity = *q;
    if (!in) {
        if (word("ago")) {
            d.kind = DayKind::ago;
            d.text = span_text(save, m_pos);
            return d;
        }
        const std::size_t at = m_pos;
        // a week from friday; UK: a week tuesday, a week on monday, a fortnight today
        const bool weeks = q->unit == Unit::week || q->unit == Unit::fortnight;
        bool joined = word("from");
        if (!joined && weeks) {
            word("on");
            joined = true;
        }
        if (joined && !is_word("now") && !is_word("time")) {
            if (auto base = day(); base && (q->unit == Unit::day || weeks)) {
                const long long per = q->unit == Unit::day ? 1 : q->unit == Unit::week ? 7 : 14;
                base->shift_days += q->lo * per;
                base->text = span_text(save, m_pos);
                return base;
            }
        }
        m_pos = at;
        words({"from", "now"}) || words({"from", "today"});
    }
    d.kind = DayKind::relative;
    d.text = span_text(save, m_pos);
    return d;
}

Mode Parser::mode_prefix()
{
    if (word("by") || word("until") || word("till") || word("til") ||
        words({"no", "later", "than"}) || words({"not", "later", "than"}) ||
        words({"on", "or", "before"}) || words({"at", "latest", "by"})) {
        return Mode::by;
    }
    if (word("before")) {
        return Mode::before;
    }
    if (word("after")) {
        return Mode::after;
    }
    if (words({"starting", "from"}) || word("starting") || word("from") || words({"as", "of"}) ||
        words({"not", "before"}) || words({"no", "earlier", "than"}) ||
        words({"not", "earlier", "than"}) || words({"at", "earliest"})) {
        return Mode::from;
    }
    return Mode::plain;
}

bool Parser::mode_suffix(Mode& mode)
{
    if (word("onwards") || word("onward") || words({"and", "after"})) {
        if (mode != Mode::plain && mode != Mode::from) {
            return false;
        }
        mode = Mode::from;
    } else if (words({"at", "latest"}) || word("latest")) {
        if (mode != Mode::plain) {
            return false;
        }
        mode = Mode::by;
    }
    return true;
}

namespace {

bool worded_day(const DaySpec& d)
{
    return d.kind != DayKind::nth && d.kind != DayKind::month_day && d.kind != DayKind::iso &&
           d.kind != DayKind::relative && d.kind != DayKind::ago && d.kind != DayKind::named &&
           !d.check_weekday;
}

bool is_bare(const Clock& c)
{
    return c.meridiem == Meridiem::none && !c.has_minutes && !c.named && !c.oclock && !c.said_at;
}

// Can a part of day and a clock-like time be said together ("tomorrow morning at 10")?
bool merge_times(TimeSpec& into, const TimeSpec& add)
{
    const bool into_part = into.kind == TimeKind::part && into.portion == Portion::none;
    const bool add_part = add.kind == TimeKind::part && add.portion == Portion::none;
    if (into_part == add_part) {
        return false;
    }
    const TimeSpec part = into_part ? into : add;
    TimeSpec clock = into_part ? add : into;
    if (clock.kind == TimeKind::first_thing && part.part == Part::morning) {
        into = clock; // first thing friday morning
        return true;
    }
    if (clock.kind == TimeKind::first_thing || clock.kind == TimeKind::end_of_day ||
        clock.kind == TimeKind::same_time || clock.anchor_is_part) {
        return false;
    }
    clock.part = part.part;
    clock.today = part.today;
    into = clock;
    return true;
}

} // namespace

std::optional<Target> Parser::target()
{
    const std::size_t save = m_pos;
    Target t;
    Portion pending_portion = Portion::none;
    bool has_pending = false;
    bool last_was_worded_day = false;
    bool last_was_part = false; // "tomorrow morning 7"
    auto is_word_at = [&](std::size_t i, std::string_view w) {
        return i < m_end && m_t[i].kind == TokenKind::word && m_t[i].text == w;
    };
    while (!at_end()) {
        const std::size_t at = m_pos;
        if (word("sometime") || words({"any", "time"}) || word("anytime")) {
            continue;
        }
        if (!t.day && !t.span && !t.time &&
            (words({"last", "night"}) || words({"yesterday", "evening"}))) {
            DaySpec y; // last night: yesterday evening
            y.kind = DayKind::yesterday;
            y.text = span_text(at, m_pos);
            TimeSpec evening;
            evening.kind = TimeKind::part;
            evening.part = Part::evening;
            evening.text = y.text;
            t.day = y;
            t.time = evening;
            continue;
        }
        // eow, eom, eoq, eoy
        if (is_word("eow") || is_word("eom") || is_word("eoq") || is_word("eoy")) {
            if (t.day || t.span || has_pending) {
                break;
            }
            SpanSpec s;
            const std::string& w = peek()->text;
            s.kind = w == "eow"   ? SpanKind::week
                     : w == "eom" ? SpanKind::month
                     : w == "eoq" ? SpanKind::quarter
                                  : SpanKind::year;
            s.said_this = true;
            ++m_pos;
            if (words({"next", "week"}) && s.kind == SpanKind::week) {
                s.offset = 1;
                s.said_this = false;
            }
            s.text = span_text(at, m_pos);
            t.span = s;
            t.portion = Portion::end_of;
            last_was_worded_day = false;
            continue;
        }
        std::optional<DaySpec> day_c;
        std::optional<SpanSpec> span_c;
        std::optional<TimeSpec> time_c;
        std::size_t best = at;
        m_after_portion = has_pending;
        m_pos = at;
        if (auto s = span(); s && m_pos > best) {
            span_c = s;
            best = m_pos;
        }
        m_pos = at;
        if (auto d = day(); d && m_pos > best) {
            day_c = d;
            span_c.reset();
            best = m_pos;
        }
        m_pos = at;
        if (auto d = relative_day(); d && m_pos > best) {
            day_c = d;
            span_c.reset();
            best = m_pos;
        }
        m_pos = at;
        {
            // in 2-3 days, in a day or two
            const bool in = word("in");
            if (auto q = quantity(); q && q->range && !q->or_so && !elapsed_unit(q->unit) &&
                                     (in || q->compact) && m_pos > best) {
                SpanSpec s;
                s.kind = SpanKind::quantity_range;
                s.quantity = *q;
                s.text = span_text(at, m_pos);
                span_c = s;
                day_c.reset();
                best = m_pos;
            }
        }
        m_pos = at;
        const bool allow_bare = last_was_worded_day || last_was_part || (at == 0 && m_end == 1) ||
                                (at == 1 && m_end == 2 && is_word_at(0, "sometime")) ||
                                (m_bare_choice && at == save);
        if (auto tm = time(allow_bare); tm && m_pos > best) {
            const bool bare_after_day =
                tm->kind == TimeKind::clock && is_bare(tm->from) && last_was_worded_day;
            if (!bare_after_day || (tm->from.hour >= 1 && tm->from.hour <= 12)) {
                time_c = tm;
                day_c.reset();
                span_c.reset();
                best = m_pos;
            }
        }
        m_pos = at;
        if (best == at) {
            // a portion word, bound to what follows
            if (const auto p = portion(); p && !has_pending) {
                pending_portion = *p;
                has_pending = true;
                const std::size_t after = m_pos;
                if (word("to") || punct('-', false)) { // mid to late next week
                    if (const auto p2 = portion();
                        p2 && *p2 != Portion::end_of && *p != Portion::end_of) {
                        t.portion_to = *p2;
                        continue;
                    }
                }
                m_pos = after;
                continue;
            }
            m_pos = at;
            break;
        }
        m_pos = best;
        last_was_worded_day = false;
        last_was_part = time_c && time_c->kind == TimeKind::part;
        if (day_c || span_c) {
            if (t.day || t.span) {
                m_pos = at;
                break;
            }
            if (has_pending) {
                t.portion = pending_portion;
                has_pending = false;
            }
            if (day_c) {
                last_was_worded_day = worded_day(*day_c);
                t.day = day_c;
            } else {
                t.span = span_c;
            }
        } else {
            if (has_pending) {
                if (time_c->kind != TimeKind::part || time_c->portion != Portion::none ||
                    pending_portion == Portion::end_of || t.portion_to != Portion::none) {
                    m_pos = at;
                    break;
                }
                time_c->portion = pending_portion;
                has_pending = false;
            }
            if (t.time && !merge_times(*t.time, *time_c)) {
                m_pos = at;
                break;
            }
            if (!t.time) {
                t.time = time_c;
                t.time_first = !t.day && !t.span;
            }
        }
        reach();
    }
    if (has_pending) {
        // "early", "late" after a day: early tomorrow is also "tomorrow early"
        if ((t.day || t.span) && t.portion == Portion::none && pending_portion != Portion::end_of &&
            !t.time) {
            t.portion = pending_portion;
        } else {
            m_pos = save;
            return std::nullopt;
        }
    }
    if (!t.day && !t.span && !t.time) {
        m_pos = save;
        return std::nullopt;
    }
    t.text = span_text(save, m_pos);
    return t;
}

std::optional<Phrase> Parser::phrase()
{
    // Stand-alone phrases first.
    m_pos = 0;
    word("sometime") || words({"any", "time"}) || word("anytime");
    const std::size_t start = m_pos;
    if (auto p = special()) {
        reach();
        if (at_end()) {
            return p;
        }
    }
    // [mode] target [suffix] [or target]; a mode word may also begin a target ("from 2 to 4")
    for (const bool with_mode : {false, true}) {
        m_pos = start;
        Phrase p;
        if (with_mode) {
            p.mode = mode_prefix();
            if (p.mode == Mode::plain) {
                continue;
            }
        }
        auto t = target();
        if (!t) {
            continue;
        }
        p.target = *t;
        reach();
        if (!mode_suffix(p.mode)) {
            continue;
        }
        // "monday/tuesday"; a slash between numbers is a date ("12/01"), never a choice
        const bool slash = is_punct('/') && m_pos > 0 && m_t[m_pos - 1].kind == TokenKind::word &&
                           peek(1) != nullptr && peek(1)->kind == TokenKind::word;
        if (word("or") || (slash && punct('/', false))) {
            if (p.target.day && !p.target.time &&
                (words({"day", "after"}) || words({"next", "day"}))) {
                Target next = p.target; // tomorrow or the day after
                next.day->shift_days += 1;
                p.alternative = next;
            } else if (auto second = [&] {
                           // "tomorrow 2 or 3", "around 3 or 4": a bare hour after a clock time
                           m_bare_choice =
                               p.target.time && (p.target.time->kind == TimeKind::clock ||
                                                 p.target.time->kind == TimeKind::around);
                           auto choice = target();
                           m_bare_choice = false;
                           if (choice && choice->time && p.target.time && !choice->day &&
                               !choice->span && p.target.time->kind == TimeKind::around &&
                               choice->time->kind == TimeKind::clock) {
                               choice->time->kind = TimeKind::around;
                           }
                           return choice;
                       }()) {
                // "tomorrow 2pm or 3pm": the day is the first's; "monday or tuesday at 2": the
                // time is the second's too
                if (!second->day && !second->span && second->time) {
                    second->day = p.target.day;
                    second->span = p.target.span;
                }
                if (!p.target.time && second->time && (p.target.day || p.target.span)) {
                    p.target.time = second->time;
                }
                p.alternative = *second;
            } else {
                continue;
            }
        }
        if (at_end()) {
            return p;
        }
    }
    return std::nullopt;
}

std::optional<Phrase> parse_phrase(const std::vector<Token>& tokens, std::string_view text,
                                   std::size_t& reached)
{
    std::optional<ZoneSpec> zone;
    const std::size_t end = strip_zone(tokens, text, zone);
    Parser parser(tokens, text, end);
    auto p = parser.phrase();
    reached = parser.reached();
    if (!p && zone) {
        // perhaps the zone word was not one ("central" in another sense): try it whole
        Parser whole(tokens, text, tokens.size());
        p = whole.phrase();
        reached = std::max(reached, whole.reached());
        zone.reset();
    }
    if (p) {
        p->zone = zone;
    }
    return p;
}

Phrase parse(const std::vector<Token>& tokens, std::string_view text)
{
    std::size_t reached = 0;
    if (auto p = parse_phrase(tokens, text, reached)) {
        return *p;
    }
    diagnose(tokens, text, reached);
}

} // namespace fu::when
