// src/when/parser_times.cpp — the productions for clock times and times of day.
#include "when/lexicon.hpp"
#include "when/parser.hpp"

namespace fu::when {

using std::chrono::seconds;

std::optional<seconds> Parser::offset(bool literal)
{
    // An offset is always written in full, ±HH:MM or ±HHMM (or Z right after a time), so
    // "2-4" is never read as a time zone offset.
    const std::size_t save = m_pos;
    if (adjacent() && word("z")) {
        return seconds{0};
    }
    const bool named = word("utc"); // "gmt" is a zone word, checked for summer time
    const Token* sign = peek();
    // "9:30-11:00" is a range: a sign written against the time is an offset only after an ISO time
    if (sign != nullptr && !sign->spaced && !literal && !named) {
        sign = nullptr;
    }
    if (sign != nullptr && sign->kind == TokenKind::punct &&
        (sign->text == "+" || sign->text == "-")) {
        ++m_pos;
        const Token* n = number(true);
        if (n != nullptr) {
            long long h = -1;
            long long m = 0;
            if (n->digits == 2 && punct(':', true)) {
                const Token* mm = number(true);
                if (mm != nullptr && mm->digits == 2) {
                    h = n->value;
                    m = mm->value;
                }
            } else if (n->digits == 4) {
                h = n->value / 100;
                m = n->value % 100;
            }
            if (h >= 0 && h <= 14 && m < 60) {
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
    // "utc"/"gmt" alone at the end is a zone word, taken off before parsing; here only offsets
    if (const auto off = offset(c.literal)) {
        c.offset = off;
    }
}

// half four, half past 2, quarter past 2, quarter to 3, 10 past 4, 20 minutes to 5
std::optional<Clock> Parser::clock_idiom()
{
    const std::size_t save = m_pos;
    long long minutes_word = -1;
    bool to = false;
    auto hour = [&]() -> std::optional<long long> {
        if (const Token* n = number();
            n != nullptr && n->digits <= 2 && n->value >= 1 && n->value <= 12 && !is_punct(':')) {
            return n->value;
        }
        if (const Token* t = peek(); t != nullptr && t->kind == TokenKind::word) {
            if (const auto v = lexicon::number(t->text); v && *v >= 1 && *v <= 12) {
                ++m_pos;
                return *v;
            }
        }
        return std::nullopt;
    };
    if (word("half")) {
        minutes_word = 30;
        word("past");
    } else if (word("quarter") || words({"a", "quarter"})) {
        if (word("past") || word("after")) {
            minutes_word = 15;
        } else if (word("to") || word("til") || word("till") || word("of")) {
            minutes_word = 45;
            to = true;
        }
    } else {
        std::optional<long long> n;
        bool worded = false;
        if (const Token* t = number(); t != nullptr && t->digits <= 2) {
            n = t->value;
        } else if (const Token* w = peek(); w != nullptr && w->kind == TokenKind::word) {
            if (const auto v = lexicon::number(w->text)) {
                ++m_pos;
                n = *v;
                worded = true;
                if (*v == 20 && is_word("five")) { // twenty-five
                    ++m_pos;
                    n = 25;
                }
            }
        }
        // "ten to 3" and "at 10 to 3" are 14:50; "10 to 3" alone is a range of hours
        const bool said_at =
            save > 0 && m_t[save - 1].kind == TokenKind::word && m_t[save - 1].text == "at";
        const bool minute_number = n && (*n == 5 || *n == 10 || *n == 20 || *n == 25);
        const bool said_minutes = n && (word("minutes") || word("mins") || word("min"));
        if (n && *n >= 1 && *n < 60 && word("past")) {
            minutes_word = *n;
        } else if (n && *n >= 1 && *n < 60 &&
                   (said_minutes || (minute_number && (worded || said_at))) &&
                   (word("to") || word("before") || word("til") || word("till"))) {
            minutes_word = 60 - *n;
            to = true;
        } else if (worded && !said_minutes && *n >= 1 && *n <= 12) {
            // three thirty, one fifteen, four forty-five
            if (const Token* w = peek(); w != nullptr && w->kind == TokenKind::word) {
                if (const auto m = lexicon::number(w->text); m && *m >= 10 && *m < 60) {
                    ++m_pos;
                    long long minute = *m;
                    if (minute >= 20 && minute % 10 == 0) {
                        if (const Token* o = peek(); o != nullptr && o->kind == TokenKind::word) {
                            if (const auto ones = lexicon::number(o->text); ones && *ones < 10) {
                                ++m_pos;
                                minute += *ones;
                            }
                        }
                    }
                    return idiom_clock(*n, minute, save);
                }
            }
        }
    }
    if (minutes_word < 0) {
        m_pos = save;
        return std::nullopt;
    }
    const auto h = hour();
    if (!h) {
        m_pos = save;
        return std::nullopt;
    }
    return idiom_clock(to ? (*h == 1 ? 12 : *h - 1) : *h, minutes_word, save);
}

// A clock time said as words ("half four", "three thirty"): its am/pm, if said, comes after.
Clock Parser::idiom_clock(long long hour, long long minute, std::size_t from)
{
    Clock c;
    c.hour = hour;
    c.minute = minute;
    c.has_minutes = true;
    c.idiom = true;
    read_meridiem(c);
    c.text = span_text(from, m_pos);
    clock_tail(c);
    return c;
}

void Parser::read_meridiem(Clock& c)
{
    if (word("am")) {
        c.meridiem = Meridiem::am;
    } else if (word("pm")) {
        c.meridiem = Meridiem::pm;
    }
}

std::optional<Clock> Parser::clock(bool allow_bare, bool literal)
{
    const std::size_t save = m_pos;
    const bool at = word("at");
    if (!literal) {
        if (auto idiom = clock_idiom()) {
            return idiom;
        }
    }
    Clock c;
    c.literal = literal;
    c.said_at = at;
    const bool twelve = is_word("noon", 1) && is_number() && peek()->text == "12";
    if (twelve) {
        ++m_pos;
    }
    if (word("midnight")) {
        c.hour = 24; // the end of the day: "by midnight", "10pm-midnight"
        c.named = true;
        c.text = span_text(save + (at ? 1 : 0), m_pos);
        clock_tail(c);
        return c;
    }
    if (word("noon") || word("midday")) {
        c.hour = 12;
        c.named = true;
        c.text = span_text(save + (at ? 1 : 0), m_pos);
        clock_tail(c);
        return c;
    }
    bool worded = false;
    if (const Token* t = peek(); t != nullptr && t->kind == TokenKind::word && !literal) {
        if (const auto v = lexicon::number(t->text); v && *v >= 1 && *v <= 12) {
            ++m_pos;
            c.hour = *v;
            worded = true;
        }
    }
    if (!worded) {
        const Token* h = number();
        if (h == nullptr || h->digits > 2 || h->after_the) {
            m_pos = save;
            return std::nullopt;
        }
        c.hour = h->value;
        c.zero_padded = h->digits == 2 && h->text[0] == '0';
        const std::size_t after_hour = m_pos;
        // 15:30, 4.30 (a dot only with two digits, and not before a unit: "2.5 days" is refused)
        if (punct(':', true) || (is_punct('.') && adjacent() && is_number(1) && adjacent(1) &&
                                 peek(1)->digits == 2 && punct('.', true))) {
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
                if (const Token* u = peek();
                    u != nullptr && u->kind == TokenKind::word &&
                    (lexicon::unit(u->text) || lexicon::compact_unit(u->text))) {
                    m_pos = save;
                    return std::nullopt;
                }
            }
        }
    }
    read_meridiem(c);
    // "4 o'clock" is a bare hour, marked as a clock time
    c.oclock = c.meridiem == Meridiem::none && !c.has_minutes && word("oclock");
    c.text = span_text(save + (at ? 1 : 0), m_pos);
    if (c.meridiem == Meridiem::none && !c.has_minutes && !at && !c.oclock && !allow_bare) {
        m_pos = save;
        return std::nullopt;
    }
    clock_tail(c);
    return c;
}

// The end of a clock range after its start: "-4", "to 4pm", "until 5", "and 3" (after between).
std::optional<Clock> Parser::range_end(const Clock& start)
{
    const std::size_t save = m_pos;
    if (start.offset) {
        return std::nullopt;
    }
    // "2pm -5" (a space before the dash, none after) looks like an offset: not a range
    if (is_punct('-') && peek()->spaced && adjacent(1)) {
        return std::nullopt;
    }
    if (!(punct('-', false) || word("to") || word("until") || word("till") || word("til") ||
          word("through") || word("thru"))) {
        return std::nullopt;
    }
    if (auto end = clock(true, false)) {
        return end;
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Part> Parser::part_word()
{
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::word) {
        return std::nullopt;
    }
    const auto p = lexicon::part(t->text);
    if (p) {
        ++m_pos;
        if (*p == Part::lunch) {
            word("time"); // lunch time
        }
    }
    return p;
}

std::optional<Portion> Parser::portion()
{
    const std::size_t save = m_pos;
    if (word("early") || words({"beginning", "of"}) || words({"start", "of"})) {
        return Portion::early;
    }
    if (word("mid") || words({"middle", "of"}) || words({"midst", "of"})) {
        return Portion::mid;
    }
    if (word("late")) {
        return Portion::late;
    }
    if (words({"end", "of"}) || words({"close", "of"})) {
        return Portion::end_of;
    }
    m_pos = save;
    return std::nullopt;
}

// afternoon, this morning, in the morning, at lunch, over lunch, tonight, late afternoon, am, pm
std::optional<TimeSpec> Parser::part_time()
{
    const std::size_t save = m_pos;
    TimeSpec t;
    t.kind = TimeKind::part;
    if (word("tonight")) {
        t.part = Part::evening;
        t.today = true;
        t.text = span_text(save, m_pos);
        return t;
    }
    if (word("am")) {
        t.part = Part::morning;
        t.text = span_text(save, m_pos);
        return t;
    }
    if (word("pm")) {
        t.part = Part::afternoon;
        t.text = span_text(save, m_pos);
        return t;
    }
    if (word("this")) {
        t.today = true;
    } else if (word("in") || word("during")) {
        t.upcoming = true;
    } else {
        word("at") || word("over") || word("around") || word("for");
    }
    if (const auto p = portion(); p && *p != Portion::end_of) {
        t.portion = *p;
    }
    const auto p = part_word();
    if (!p) {
        m_pos = save;
        return std::nullopt;
    }
    t.part = *p;
    t.text = span_text(save, m_pos);
    return t;
}

// eod, cob, end of (the) day, close of business, close of play (UK), end of play
bool Parser::end_of_day_words()
{
    return word("eod") || word("cob") || word("eob") || word("eop") || word("cop") ||
           words({"end", "of", "business", "day"}) || words({"end", "of", "day"}) ||
           words({"end", "of", "business"}) || words({"close", "of", "business"}) ||
           words({"end", "of", "working", "day"}) || words({"end", "of", "workday"}) ||
           words({"end", "of", "work", "day"}) || words({"close", "of", "play"}) ||
           words({"end", "of", "play"});
}

std::optional<TimeSpec> Parser::time(bool allow_bare)
{
    const std::size_t save = m_pos;
    TimeSpec t;
    auto done = [&](TimeKind kind) {
        t.kind = kind;
        t.text = span_text(save, m_pos);
        return t;
    };
    const bool first_1st =
        is_number() && peek()->value == 1 && is_word("st", 1) && adjacent(1) && is_word("thing", 2);
    if (first_1st) {
        m_pos += 1; // "1st thing" is "first thing"
    }
    if (words({"first", "thing"}) || (first_1st && words({"st", "thing"}))) {
        words({"in", "morning"}) || word("morning");
        return done(TimeKind::first_thing);
    }
    if (end_of_day_words()) {
        return done(TimeKind::end_of_day);
    }
    if (words({"same", "time"}) || words({"this", "time"}) || words({"at", "same", "time"}) ||
        words({"at", "this", "time"})) {
        return done(TimeKind::same_time);
    }
    if (words({"after", "work"}) || words({"after", "hours"})) {
        t.part = Part::evening; // after work: the evening
        return done(TimeKind::part);
    }
    if (word("around") || word("about") || word("roughly") || word("approximately") ||
        word("approx") || word("circa") || word("round") || words({"at", "around"}) ||
        words({"at", "about"}) || words({"round", "about"})) {
        if (auto c = clock(true, false)) {
            t.from = *c;
            return done(TimeKind::around);
        }
        if (const auto p = part_word()) {
            t.part = *p; // around lunch: lunchtime
            return done(TimeKind::part);
        }
        m_pos = save;
        return std::nullopt;
    }
    for (const auto& [w, kind] :
         {std::pair{"after", TimeKind::after}, std::pair{"before", TimeKind::before},
          std::pair{"by", TimeKind::by}}) {
        if (!word(w)) {
            continue;
        }
        if (auto c = clock(true, false)) {
            t.from = *c;
            return done(kind);
        }
        if (kind == TimeKind::by && end_of_day_words()) {
            return done(TimeKind::end_of_day); // friday by eod
        }
        if (const auto p = part_word()) {
            t.part = *p;
            t.anchor_is_part = true;
            return done(kind);
        }
        m_pos = save;
        return std::nullopt;
    }
    // from 2 to 4, between 1 and 3
    if (word("from") || word("between")) {
        const bool between = m_t[m_pos - 1].text == "between";
        if (auto a = clock(true, false)) {
            const std::size_t at = m_pos;
            std::optional<Clock> b;
            if (between && word("and")) {
                b = clock(true, false);
            } else {
                b = range_end(*a);
            }
            if (b) {
                t.from = *a;
                t.to = *b;
                return done(TimeKind::clock_range);
            }
            m_pos = at;
        }
        m_pos = save;
        return std::nullopt;
    }
    if (auto part = part_time()) {
        return part;
    }
    // 2026-12-01T14:00: an ISO time right after an ISO date
    if (is_word("t") && adjacent() && m_pos > 0 && m_t[m_pos - 1].kind == TokenKind::number &&
        adjacent(1)) {
        ++m_pos;
        if (auto c = clock(true, true); c && c->has_minutes) {
            t.from = *c;
            return done(TimeKind::clock);
        }
        m_pos = save;
        return std::nullopt;
    }
    // A bare number is a clock time in a range ("3-5"), with "ish", or where the caller allows it.
    if (auto c = clock(true, false)) {
        t.from = *c;
        if (word("ish") ||
            (is_punct('-') && is_word("ish", 1) && punct('-', false) && word("ish"))) {
            return done(TimeKind::around);
        }
        if (auto end = range_end(*c)) {
            t.to = *end;
            return done(TimeKind::clock_range);
        }
        const bool bare = c->meridiem == Meridiem::none && !c->has_minutes && !c->named &&
                          !c->oclock && !c->said_at;
        if (!bare || allow_bare) {
            return done(TimeKind::clock);
        }
    }
    m_pos = save;
    return std::nullopt;
}

} // namespace fu::when
