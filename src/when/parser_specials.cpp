// src/when/parser_specials.cpp — the phrases that stand alone: now, asap, within, in the next
// few days, later today, in 2 hours, 2 hours ago, in a day or so.
#include "when/parser.hpp"

namespace fu::when {

// within the hour, within 2 days, in the next hour, within a day or so
std::optional<Phrase> Parser::within()
{
    const std::size_t save = m_pos;
    if (!word("within")) {
        return std::nullopt;
    }
    Phrase p;
    p.special = Special::within;
    if (word("hour") || words({"an", "hour"}) || words({"next", "hour"}) ||
        words({"one", "hour"})) {
        p.quantity.unit = Unit::hour;
        p.quantity.text = span_text(save + 1, m_pos);
        return p;
    }
    word("next");
    if (auto q = quantity(); q && !q->range) {
        p.quantity = *q;
        if (!q->or_so && (q->unit == Unit::day || q->unit == Unit::business_day)) {
            // within (the next) few days: the end of a working day, as "over the next few days"
            p.special = Special::over_next;
            return p;
        }
        if (q->or_so) {
            if (q->unit != Unit::day || q->lo != 1) {
                m_pos = save;
                return std::nullopt;
            }
            p.special = Special::day_or_so;
        }
        return p;
    }
    m_pos = save;
    return std::nullopt;
}

// later today, later this morning, later this week, later in the week
std::optional<Phrase> Parser::later()
{
    const std::size_t save = m_pos;
    if (!word("later")) {
        return std::nullopt;
    }
    word("on");
    Phrase p;
    if (word("today") || words({"this", "day"})) {
        p.special = Special::later_today;
        return p;
    }
    if (word("tonight")) {
        p.special = Special::later_part;
        p.later_part = Part::evening;
        return p;
    }
    if (words({"this", "week"}) || words({"in", "week"})) {
        p.special = Special::later_week;
        return p;
    }
    if (word("this") || word("in")) {
        if (const auto part = part_word(); part && *part != Part::lunch) {
            p.special = Special::later_part;
            p.later_part = *part;
            return p;
        }
    }
    m_pos = save;
    return std::nullopt;
}

std::optional<Phrase> Parser::special()
{
    const std::size_t save = m_pos;
    Phrase p;
    auto is = [&](Special s) {
        p.special = s;
        return p;
    };
    if (word("now") || words({"right", "now"}) || words({"just", "now"})) {
        return is(Special::now);
    }
    if (word("asap") || words({"as", "soon", "as", "possible"}) || words({"right", "away"}) ||
        word("immediately")) {
        return is(Special::asap);
    }
    if (auto w = within()) {
        return w;
    }
    if (auto l = later()) {
        return l;
    }
    // over the next few days, in the next 3 days, next couple of weeks, in the next hour
    {
        const bool over = word("over") || word("in") || word("during") || word("for");
        if (word("next")) {
            if (!over && (is_word("hour") || is_word("hr"))) {
                m_pos = save;
            } else if (word("hour") || word("hr")) {
                p.quantity.unit = Unit::hour;
                p.quantity.text = span_text(save, m_pos);
                return is(Special::within);
            } else if (auto q = quantity(); q && !q->range) {
                p.quantity = *q;
                if (q->or_so && q->unit == Unit::day && q->lo == 1) {
                    return is(Special::day_or_so);
                }
                if (!q->or_so) {
                    if (elapsed_unit(q->unit)) {
                        return is(Special::within);
                    }
                    if (q->unit == Unit::day || q->unit == Unit::week ||
                        q->unit == Unit::business_day) {
                        return is(Special::over_next);
                    }
                }
            } else if (const auto u = unit(); u && words({"or", "so"}) && *u == Unit::day) {
                p.quantity.unit = *u;
                return is(Special::day_or_so);
            } else if (over && (u == Unit::week || u == Unit::day) && at_end()) {
                p.quantity.unit = *u; // over the next week: a deadline a week ahead
                p.quantity.text = span_text(save, m_pos);
                return is(Special::over_next);
            }
        }
        m_pos = save;
    }
    // the last 7 days, the past week, over the last few days, in the last hour
    {
        word("in") || word("over") || word("during") || word("for") || word("within");
        if (word("past") || word("last")) {
            if (auto q = quantity(); q && !q->range && !q->or_so && at_end()) {
                p.quantity = *q;
                return is(Special::past);
            }
            const std::size_t at = m_pos;
            // "the past week", "the last hour"; "last week" and "last month" are periods
            if (const auto u = unit();
                u && at_end() &&
                (is_word_before(at, "past") || *u == Unit::hour || *u == Unit::minute)) {
                p.quantity.unit = *u; // the past week, the last hour
                p.quantity.text = span_text(at, m_pos);
                return is(Special::past);
            }
        }
        m_pos = save;
    }
    // in 2 hours, 2h, 2 hours from now, in 2-3 hours, 2 hours ago, in an hour or so
    {
        const bool in = word("in");
        if (auto q = quantity(); q && elapsed_unit(q->unit)) {
            p.quantity = *q;
            if (q->or_so) {
                if (in && q->unit == Unit::hour && q->lo == 1) {
                    return is(Special::hour_or_so);
                }
            } else if (!in && word("ago")) {
                if (!q->range) {
                    return is(Special::ago);
                }
            } else {
                const bool from_now = words({"from", "now"});
                // "1400 hours" and "10h" name a clock time, not a duration: say "in"
                const bool clock_like = !in && !from_now && q->unit == Unit::hour &&
                                        ((q->compact && q->lo > 5) || q->lo >= 100);
                if (!clock_like) {
                    return is(Special::elapsed);
                }
            }
        }
        m_pos = save;
    }
    // in a day or so, in the next day or so
    {
        word("in");
        if (auto q = quantity(); q && q->or_so && q->unit == Unit::day && q->lo == 1) {
            return is(Special::day_or_so);
        }
        m_pos = save;
    }
    return std::nullopt;
}

} // namespace fu::when
