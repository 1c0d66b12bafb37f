#include "fu/agenda.hpp"
#include "fu/error.hpp"
#include "fu/practice.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

namespace fu {

std::string_view to_string(DueState state)
{
    switch (state) {
    case DueState::overdue: return "overdue";
    case DueState::due: return "due";
    case DueState::upcoming: return "upcoming";
    }
    return "upcoming";
}

namespace {

// Where a window [earliest, latest) stands at `now`: a promise's or a keep-in-touch cadence's.
DueState window_state(Instant earliest, Instant latest, Instant now)
{
    if (now >= latest) {
        return DueState::overdue;
    }
    return now >= earliest ? DueState::due : DueState::upcoming;
}

} // namespace

DueState classify(const Promise& promise, Instant now)
{
    return window_state(promise.earliest, promise.latest, now);
}

std::string state_word(const Promise& promise, Instant now)
{
    if (promise.status == PromiseStatus::open) {
        return std::string(to_string(classify(promise, now)));
    }
    return std::string(to_string(promise.status));
}

PromiseStatus keeping_status(const Promise& promise, Instant at)
{
    return at < promise.latest ? PromiseStatus::kept : PromiseStatus::late;
}

PromiseStatus rescheduling_status(const Promise& promise, Instant now)
{
    return now < promise.latest ? PromiseStatus::renegotiated : PromiseStatus::broken;
}

AttemptSummary summarize_attempts(std::vector<Interaction> interactions)
{
    std::sort(interactions.begin(), interactions.end(), [](const Interaction& a, const Interaction& b) {
        return a.at != b.at ? a.at < b.at : a.id < b.id;
    });
    AttemptSummary summary;
    for (const Interaction& i : interactions) {
        summary.last_interaction = i.at;
        if (is_attempt(i.kind) && is_inbound(i)) {
            summary.unanswered_run = 0; // they reached out: the run of unanswered attempts ends
            continue;
        }
        if (!is_attempt(i.kind)) {
            if (closes_contact(i.outcome)) {
                summary.unanswered_run = 0; // a decision recorded as a note ends the run too
            }
            continue;
        }
        ++summary.attempts;
        if (is_answered(i.outcome)) {
            ++summary.answered;
            summary.unanswered_run = 0;
        } else if (is_unanswered(i.outcome)) {
            ++summary.unanswered_run;
        }
    }
    return summary;
}

int count_attempts(const std::vector<Interaction>& interactions, Instant after, std::optional<Instant> until)
{
    return static_cast<int>(std::count_if(interactions.begin(), interactions.end(), [&](const Interaction& i) {
        return is_own_attempt(i) && i.at > after && (!until || i.at <= *until);
    }));
}

std::vector<Interaction> interactions_of(const Store& store, Id contact_id)
{
    InteractionFilter filter;
    filter.contact_id = contact_id;
    filter.include_archived = true;
    auto interactions = store.list_interactions(filter);
    std::reverse(interactions.begin(), interactions.end());
    return interactions;
}

void order_agenda(std::vector<AgendaItem>& items)
{
    std::stable_sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) {
        if (a.state != b.state) {
            return static_cast<int>(a.state) < static_cast<int>(b.state);
        }
        const int a_interest = interest_rank(a.contact.interest);
        const int b_interest = interest_rank(b.contact.interest);
        if (a_interest != b_interest) {
            return a_interest < b_interest;
        }
        const Promise& p = a.promise;
        const Promise& q = b.promise;
        switch (a.state) {
        case DueState::overdue:
        case DueState::due:
            // Longest overdue = closed earliest; due now = closing soonest: both by latest.
            if (p.latest != q.latest) {
                return p.latest < q.latest;
            }
            if (p.earliest != q.earliest) {
                return p.earliest < q.earliest;
            }
            break;
        case DueState::upcoming:
            if (p.earliest != q.earliest) {
                return p.earliest < q.earliest;
            }
            if (p.latest != q.latest) {
                return p.latest < q.latest;
            }
            break;
        }
        if (a.kind != b.kind) {
            return a.kind == AgendaKind::promise;
        }
        return p.id != q.id ? p.id < q.id : a.contact.id < b.contact.id;
    });
}

namespace {

constexpr DueState k_states[] = {DueState::overdue, DueState::due, DueState::upcoming};

// The interest levels in agenda order (hot, warm, unknown, cold), or just the query's.
std::vector<std::string> interests_in_order(const AgendaQuery& query)
{
    if (!query.interest.empty()) {
        return {query.interest};
    }
    std::vector<std::string> levels = interest_levels();
    levels.push_back("");
    std::stable_sort(levels.begin(), levels.end(), [](const std::string& a, const std::string& b) {
        return interest_rank(a) < interest_rank(b);
    });
    return levels;
}

// Whether the query can hold windows in `state` at `now` (none overdue or due now among windows
// opening later).
bool possible(const AgendaQuery& query, DueState state, Instant now)
{
    return state == DueState::upcoming || !query.opening_from || *query.opening_from <= now;
}

// The store's query for the open windows in `state` at `now`.
WindowQuery window_query(const AgendaQuery& query, DueState state, Instant now)
{
    WindowQuery w;
    w.tag = query.tag;
    w.agreed_only = query.agreed_only;
    w.not_reminded = query.not_reminded;
    w.earliest_from = query.opening_from;
    switch (state) {
    case DueState::overdue: w.latest_until = now; break;
    case DueState::due:
        w.latest_after = now;
        w.earliest_until = now;
        break;
    case DueState::upcoming:
        w.earliest_after = now;
        w.earliest_before = query.until;
        w.by_opening = true;
        break;
    }
    return w;
}

// A keep-in-touch row before its contact is read: a contact with a cadence and no open promise,
// its window the cadence's. Every candidate's window is computed; only the rows shown are read.
struct TouchRow {
    DueState state = DueState::upcoming;
    int rank = 0;                       // of the contact's interest (interest_rank)
    const std::string* every = nullptr; // the cadence's words, held by the reader's table
    Instant last{};
    Instant earliest{};
    Instant latest{};
    Id contact_id = 0;
};

// Cadences read, by their words: a book holds few distinct ones, each parsed once.
using Cadences = std::map<std::string, std::optional<Cadence>>;

// The stored cadence `every`, read once into `cadences`. One fu cannot read (another program wrote
// it, or an older fu's words) keeps no window, as no cadence does: refusing it would fail every
// agenda, and every write that keeps the windows, for one contact's field.
std::optional<Cadence> readable_cadence(const std::string& every)
{
    // Returned from inside the try: g++ 12 -O2 kept an optional assigned in a try block engaged
    // (with no value) when the call threw.
    try {
        return parse_cadence(every);
    } catch (const Error&) {
        return std::nullopt;
    }
}

Cadences::const_iterator read_cadence(Cadences& cadences, const std::string& every)
{
    auto known = cadences.find(every);
    if (known == cadences.end()) {
        known = cadences.emplace(every, readable_cadence(every)).first;
    }
    return known;
}

// The sort key of a row within its state: by latest (overdue, due) or earliest (upcoming).
std::pair<Instant, Instant> order_key(DueState state, Instant earliest, Instant latest)
{
    return state == DueState::upcoming ? std::pair(earliest, latest) : std::pair(latest, earliest);
}

// Keep-in-touch rows of one state in agenda order: by interest, then window, then contact.
bool in_agenda_order(const TouchRow& a, const TouchRow& b)
{
    if (a.rank != b.rank) {
        return a.rank < b.rank;
    }
    const auto ka = order_key(a.state, a.earliest, a.latest);
    const auto kb = order_key(b.state, b.earliest, b.latest);
    return ka != kb ? ka < kb : a.contact_id < b.contact_id;
}

// The keep-in-touch rows of a query: of each state, in agenda order, the first `shown` (0: all)
// or more, and where their counts come from.
struct TouchRows {
    enum class Source { none, computed, stored } source = Source::none;
    std::vector<TouchRow> rows;
};

// Whether the query holds keep-in-touch rows at all (not when it asks for agreed times only).
bool with_keep_in_touch(const AgendaQuery& query)
{
    return query.keep_in_touch_zone && !query.agreed_only && !query.opening_from &&
           !query.not_reminded;
}

TouchRow touch_row(Store::TouchCandidate& stored, DueState state, const std::string* every)
{
    TouchRow row;
    row.state = state;
    row.rank = interest_rank(stored.interest);
    row.every = every;
    row.last = stored.touched_at;
    row.earliest = stored.earliest;
    row.latest = stored.latest;
    row.contact_id = stored.contact_id;
    return row;
}

// The store's query counting the windows in `state` at `now` (of the query's interest, or all).
WindowQuery count_query(const AgendaQuery& query, DueState state, Instant now)
{
    WindowQuery w = window_query(query, state, now);
    if (!query.interest.empty()) {
        w.interest = query.interest;
    }
    return w;
}

// The keep-in-touch rows of the query at `now` from the windows the writes stored: of each state
// and interest, a range of an index in agenda order, the first `shown` of each state (0: all).
std::vector<TouchRow> stored_touch_rows(const Store& store, const AgendaQuery& query, Instant now,
                                        Cadences& cadences, int shown)
{
    std::vector<TouchRow> rows;
    for (const DueState state : k_states) {
        std::size_t in_state = 0;
        for (const std::string& interest : interests_in_order(query)) {
            if (shown > 0 && in_state >= static_cast<std::size_t>(shown)) {
                break;
            }
            WindowQuery w = window_query(query, state, now);
            w.interest = interest;
            w.limit = shown > 0 ? shown - static_cast<int>(in_state) : 0;
            store.each_touch_window(w, [&](Store::TouchCandidate& stored) {
                // The table holds the words the rows point to (a stored window needs no parse).
                const auto known = cadences.emplace(stored.every, std::nullopt).first;
                rows.push_back(touch_row(stored, state, &known->first));
                ++in_state;
            });
        }
    }
    return rows;
}

// The keep-in-touch rows of the query at `now`, in agenda order (of each state, the first `shown`
// rows; 0: all; -1: none in order): the stored windows when the writes kept them in the query's
// zone; else every candidate's window computed here, reading only the contacts whose cadence can
// have come due before `until` (by the store's `every_after` bound).
TouchRows keep_in_touch_rows(const Store& store, const AgendaQuery& query, Instant now,
                             Cadences& cadences, int shown)
{
    TouchRows touch;
    if (!with_keep_in_touch(query)) {
        return touch;
    }
    if (shown >= 0 && store.touch_windows_kept(touch_zone_key(*query.keep_in_touch_zone))) {
        touch.source = TouchRows::Source::stored;
        touch.rows = stored_touch_rows(store, query, now, cadences, shown);
        return touch;
    }
    touch.source = TouchRows::Source::computed;
    std::vector<TouchRow>& rows = touch.rows;
    // Overdue and due rows have opened already; upcoming ones must open before `until`.
    std::optional<Instant> due_before;
    if (query.until) {
        due_before = std::max(*query.until, now + std::chrono::seconds{1});
    }
    for (Store::TouchCandidate& candidate : store.keep_in_touch_candidates(due_before, query.interest, query.tag)) {
        const auto known = read_cadence(cadences, candidate.every);
        if (!known->second) {
            continue;
        }
        const TouchWindow window = keep_in_touch_window(*known->second, candidate.touched_at, *query.keep_in_touch_zone);
        TouchRow row;
        row.earliest = window.earliest;
        row.latest = window.latest;
        row.state = window_state(window.earliest, window.latest, now);
        if (row.state == DueState::upcoming && query.until && window.earliest >= *query.until) {
            continue;
        }
        row.rank = interest_rank(candidate.interest);
        row.every = &known->first;
        row.last = candidate.touched_at;
        row.contact_id = candidate.contact_id;
        rows.push_back(std::move(row));
    }
    if (shown < 0) {
        return touch;
    }
    // Grouped by state, in order; past the first `shown` of a state (never listed, only counted),
    // in no order.
    auto group = rows.begin();
    for (const DueState state : k_states) {
        const auto group_end = std::partition(group, rows.end(), [&](const TouchRow& r) { return r.state == state; });
        if (shown > 0 && group_end - group > shown) {
            std::partial_sort(group, group + shown, group_end, in_agenda_order);
        } else {
            std::sort(group, group_end, in_agenda_order);
        }
        group = group_end;
    }
    return touch;
}

// The agenda row of a keep-in-touch row, with its contact read.
AgendaItem touch_item(const Store& store, const TouchRow& row, const Zone& zone)
{
    AgendaItem item;
    item.kind = AgendaKind::keep_in_touch;
    item.state = row.state;
    item.promise.contact_id = row.contact_id;
    item.promise.made_at = row.last;
    item.promise.earliest = row.earliest;
    item.promise.latest = row.latest;
    item.promise.text = *row.every;
    item.promise.about = "keep in touch";
    item.promise.via = "call";
    item.promise.zone = std::string(zone.name());
    item.last_contact = row.last;
    if (auto contact = store.contact(row.contact_id)) {
        item.contact = std::move(*contact);
    }
    return item;
}

// A promise row with its contact and the contact's attempts.
AgendaItem promise_row(const Store& store, Promise& promise, DueState state)
{
    AgendaItem item;
    item.state = state;
    if (auto contact = store.contact(promise.contact_id)) {
        item.contact = std::move(*contact);
    }
    const std::vector<Interaction> history = store.interactions_of_contact(promise.contact_id);
    item.attempts = count_attempts(history, promise.made_at);
    item.unanswered = summarize_attempts(history).unanswered_run;
    item.promise = std::move(promise);
    return item;
}

// Whether a keep-in-touch row comes before a promise row of the same state and interest
// (order_agenda's order: on equal windows the promise comes first).
bool before(const TouchRow& touch, const AgendaItem& promise)
{
    return order_key(touch.state, touch.earliest, touch.latest) <
           order_key(promise.state, promise.promise.earliest, promise.promise.latest);
}

// Walks the agenda in order: for each state and interest level, one range of an index merged
// with the keep-in-touch rows of that state and level; stops after `limit` rows (0: all).
void walk_agenda(const Store& store, const AgendaQuery& query, Instant now, int limit,
                 const std::vector<TouchRow>& touch, const std::function<void(AgendaItem&)>& sink)
{
    std::int64_t left = limit > 0 ? limit : -1;
    auto next_touch = touch.begin();
    for (const DueState state : k_states) {
        if (!possible(query, state, now)) {
            continue;
        }
        if (query.limit_each_state) {
            left = limit > 0 ? limit : -1;
            while (next_touch != touch.end() && static_cast<int>(next_touch->state) < static_cast<int>(state)) {
                ++next_touch; // rows of an earlier state past its limit
            }
        }
        for (const std::string& interest : interests_in_order(query)) {
            if (left == 0) {
                break;
            }
            WindowQuery w = window_query(query, state, now);
            w.interest = interest;
            w.limit = left > 0 ? static_cast<int>(left) : 0;
            const auto touch_here = [&] {
                return next_touch != touch.end() && next_touch->state == state &&
                       next_touch->rank == interest_rank(interest);
            };
            const auto emit_touch = [&] {
                AgendaItem item = touch_item(store, *next_touch++, *query.keep_in_touch_zone);
                if (left != 0) {
                    sink(item);
                    left -= left > 0 ? 1 : 0;
                }
            };
            store.each_open_window(w, [&](Promise& promise) {
                if (left == 0) {
                    return;
                }
                AgendaItem item = promise_row(store, promise, state);
                while (touch_here() && left != 0 && before(*next_touch, item)) {
                    emit_touch();
                }
                if (left != 0) {
                    sink(item);
                    left -= left > 0 ? 1 : 0;
                }
            });
            while (touch_here() && left != 0) {
                emit_touch();
            }
        }
    }
}

NextStepQuery next_step_query(const AgendaQuery& query)
{
    NextStepQuery q;
    q.settled_outcomes = outcomes_needing_no_next_step();
    q.active_since = query.no_next_step_active_since;
    q.tag = query.tag;
    q.interest = query.interest;
    return q;
}

} // namespace

std::string touch_zone_key(const Zone& zone)
{
    return fmt::format("{:016x} {}", zone.rules_hash(), zone.name());
}

TouchWindowKeeper touch_window_keeper(const Zone& zone)
{
    // The keeper's own table of cadences: a book holds few distinct ones, each parsed once.
    auto cadences = std::make_shared<Cadences>();
    return {touch_zone_key(zone), [&zone, cadences](const std::string& every, Instant last) {
                const auto known = read_cadence(*cadences, every);
                std::optional<std::pair<Instant, Instant>> window;
                if (known->second) {
                    const TouchWindow computed = keep_in_touch_window(*known->second, last, zone);
                    window.emplace(computed.earliest, computed.latest);
                }
                return window;
            }};
}

Agenda build_agenda(const Store& store, const AgendaQuery& query, Instant now)
{
    const auto snapshot =
        store.read_snapshot(); // the windows' zone checked, then read, in one state
    Agenda agenda;
    Cadences cadences;
    const TouchRows touch = keep_in_touch_rows(store, query, now, cadences, query.limit);
    walk_agenda(store, query, now, query.limit, touch.rows,
                [&](AgendaItem& item) { agenda.items.push_back(std::move(item)); });
    if (query.count) {
        const auto touching = [&](DueState state) -> std::int64_t {
            switch (touch.source) {
            case TouchRows::Source::none:
                return 0;
            case TouchRows::Source::stored:
                return store.count_touch_windows(count_query(query, state, now));
            case TouchRows::Source::computed:
                break;
            }
            return std::count_if(touch.rows.begin(), touch.rows.end(),
                                 [&](const TouchRow& t) { return t.state == state; });
        };
        const auto at = [](DueState state) { return static_cast<std::size_t>(state); };
        if (possible(query, DueState::overdue, now)) {
            agenda.totals[at(DueState::overdue)] =
                store.count_open_windows(count_query(query, DueState::overdue, now));
            // Due now = opened by now less closed by now: a shorter range than "not closed yet".
            WindowQuery opened = count_query(query, DueState::overdue, now);
            opened.latest_until.reset();
            opened.earliest_until = now;
            agenda.totals[at(DueState::due)] =
                store.count_open_windows(opened) - agenda.totals[at(DueState::overdue)];
        }
        agenda.totals[at(DueState::upcoming)] =
            store.count_open_windows(count_query(query, DueState::upcoming, now));
        for (const DueState state : k_states) {
            agenda.totals[at(state)] += touching(state);
        }
    }
    if (!query.agreed_only && query.no_next_step_limit != 0) {
        NextStepQuery q = next_step_query(query);
        q.limit = std::max(query.no_next_step_limit, 0);
        agenda.no_next_step = store.contacts_without_next_step(q);
        agenda.no_next_step_total =
            query.no_next_step_limit > 0 && agenda.no_next_step.size() == static_cast<std::size_t>(q.limit)
                ? store.count_without_next_step(q)
                : static_cast<std::int64_t>(agenda.no_next_step.size());
    }
    return agenda;
}

TouchSummary keep_in_touch_due(const Store& store, const AgendaQuery& query, Instant now, int limit)
{
    const auto snapshot = store.read_snapshot();
    Cadences cadences;
    std::vector<TouchRow> rows;
    TouchSummary summary;
    if (with_keep_in_touch(query) &&
        store.touch_windows_kept(touch_zone_key(*query.keep_in_touch_zone))) {
        // Come due = opened by now: the longest silent of them, and their ties, from the index.
        WindowQuery opened = count_query(query, DueState::overdue, now);
        opened.latest_until.reset();
        opened.earliest_until = now;
        summary.total = store.count_touch_windows(opened);
        for (Store::TouchCandidate& stored : store.touch_windows_by_silence(opened, limit)) {
            const auto known = cadences.emplace(stored.every, std::nullopt).first;
            rows.push_back(touch_row(stored, window_state(stored.earliest, stored.latest, now),
                                     &known->first));
        }
    } else {
        rows = std::move(keep_in_touch_rows(store, query, now, cadences, -1).rows);
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [](const TouchRow& r) { return r.state == DueState::upcoming; }),
                   rows.end());
        summary.total = static_cast<std::int64_t>(rows.size());
    }
    // The longest silent first; of those last in touch at the same moment, overdue first, then in
    // agenda order. Only the rows listed are put in order.
    const auto silent_longer = [](const TouchRow& a, const TouchRow& b) {
        if (a.last != b.last) {
            return a.last < b.last;
        }
        return a.state != b.state ? static_cast<int>(a.state) < static_cast<int>(b.state) : in_agenda_order(a, b);
    };
    const std::size_t listed = limit > 0 ? std::min(rows.size(), static_cast<std::size_t>(limit)) : rows.size();
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(listed), rows.end(), silent_longer);
    for (std::size_t i = 0; i < listed; ++i) {
        summary.longest_silent.push_back(touch_item(store, rows[i], *query.keep_in_touch_zone));
    }
    return summary;
}

void each_agenda_item(const Store& store, const AgendaQuery& query, Instant now,
                      const std::function<void(const AgendaItem&)>& sink)
{
    const auto snapshot = store.read_snapshot();
    Cadences cadences;
    const TouchRows touch = keep_in_touch_rows(store, query, now, cadences, query.limit);
    walk_agenda(store, query, now, query.limit, touch.rows, [&](AgendaItem& item) { sink(item); });
}

void each_without_next_step(const Store& store, const AgendaQuery& query,
                            const std::function<void(Contact&)>& sink)
{
    NextStepQuery q = next_step_query(query);
    q.limit = std::max(query.limit, 0);
    store.each_without_next_step(q, sink);
}

std::int64_t count_without_next_step(const Store& store, const AgendaQuery& query)
{
    return store.count_without_next_step(next_step_query(query));
}

PromiseStats compute_stats(const RecordCounts& counts)
{
    PromiseStats stats;
    for (const auto& [status, n] : counts.promises_by_status) {
        const int count = static_cast<int>(n);
        stats.made += count;
        switch (status) {
        case PromiseStatus::kept: stats.on_time += count; break;
        case PromiseStatus::late: stats.late += count; break;
        case PromiseStatus::renegotiated: stats.renegotiated_in_time += count; break;
        case PromiseStatus::broken: stats.broken += count; break;
        case PromiseStatus::cancelled: stats.cancelled += count; break;
        case PromiseStatus::open:
            stats.overdue += static_cast<int>(counts.open_closed_by_now);
            stats.open += count - static_cast<int>(counts.open_closed_by_now);
            break;
        }
    }
    const int came_due = stats.on_time + stats.late + stats.renegotiated_in_time + stats.broken + stats.overdue;
    if (came_due > 0) {
        stats.on_time_rate = static_cast<double>(stats.on_time + stats.renegotiated_in_time) / came_due;
    }
    stats.median_lateness = counts.median_lateness;
    for (const auto& group : counts.interactions) {
        Interaction i;
        i.kind = group.kind;
        i.outcome = group.outcome;
        i.inbound = group.inbound;
        if (!is_own_attempt(i)) {
            continue;
        }
        stats.attempts += static_cast<int>(group.count);
        if (is_answered(i.outcome)) {
            stats.reached += static_cast<int>(group.count);
        }
    }
    // (summarize_attempts and compute_stats share is_own_attempt/is_answered: one definition of a reach)
    if (stats.reached > 0) {
        stats.attempts_per_reach = static_cast<double>(stats.attempts) / stats.reached;
    }
    return stats;
}

} // namespace fu
