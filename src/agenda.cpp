#include "fu/agenda.hpp"
#include "fu/practice.hpp"

#include <algorithm>
#include <map>

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

DueState classify(const Promise& promise, Instant now)
{
    if (now >= promise.latest) {
        return DueState::overdue;
    }
    if (now >= promise.earliest) {
        return DueState::due;
    }
    return DueState::upcoming;
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
            break;
        case DueState::upcoming:
            if (p.earliest != q.earliest) {
                return p.earliest < q.earliest;
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

bool matches(const Contact& contact, const AgendaQuery& query)
{
    const auto& tags = contact.tags;
    if (!query.tag.empty() && std::find(tags.begin(), tags.end(), query.tag) == tags.end()) {
        return false;
    }
    return query.interest.empty() || contact.interest == query.interest;
}

// Contacts with a cadence and no open promise, as rows whose window is the cadence's.
void add_keep_in_touch(const Store& store, const AgendaQuery& query, Instant now,
                       std::vector<AgendaItem>& items)
{
    for (auto& [contact, last] : store.contacts_to_keep_in_touch()) {
        const auto cadence = parse_cadence(contact.every);
        if (!cadence || !matches(contact, query)) {
            continue;
        }
        const TouchWindow window = keep_in_touch_window(*cadence, last, *query.keep_in_touch_zone);
        AgendaItem item;
        item.kind = AgendaKind::keep_in_touch;
        item.promise.contact_id = contact.id;
        item.promise.made_at = last;
        item.promise.earliest = window.earliest;
        item.promise.latest = window.latest;
        item.promise.text = contact.every;
        item.promise.about = "keep in touch";
        item.promise.via = "call";
        item.promise.zone = std::string(query.keep_in_touch_zone->name());
        item.state = classify(item.promise, now);
        if (item.state == DueState::upcoming && query.until && window.earliest >= *query.until) {
            continue;
        }
        item.last_contact = last;
        item.contact = std::move(contact);
        items.push_back(std::move(item));
    }
}

} // namespace

Agenda build_agenda(const Store& store, const AgendaQuery& query, Instant now)
{
    Agenda agenda;
    // Overdue and due windows have opened already; upcoming ones must open before `until`.
    std::optional<Instant> opening_before;
    if (query.until) {
        opening_before = std::max(*query.until, now + std::chrono::seconds{1});
    }
    auto promises = store.open_promises_opening_before(opening_before);
    if (query.agreed_only) {
        promises.erase(std::remove_if(promises.begin(), promises.end(), [](const Promise& p) { return !p.agreed; }),
                       promises.end());
    }
    // Two queries for all rows, not two per row.
    std::vector<Id> ids;
    for (const Promise& p : promises) {
        ids.push_back(p.contact_id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::map<Id, Contact> contacts;
    for (Contact& c : store.contacts_with_ids(ids)) {
        contacts.emplace(c.id, std::move(c));
    }
    std::map<Id, std::vector<Interaction>> interactions;
    for (Interaction& i : store.interactions_of_contacts(ids)) {
        interactions[i.contact_id].push_back(std::move(i));
    }
    for (Promise& promise : promises) {
        const DueState state = classify(promise, now);
        if (state == DueState::upcoming && query.until && promise.earliest >= *query.until) {
            continue;
        }
        const auto contact = contacts.find(promise.contact_id);
        if (contact == contacts.end()) {
            continue;
        }
        if (!matches(contact->second, query)) {
            continue;
        }
        const auto& history = interactions[promise.contact_id];
        AgendaItem item;
        item.state = state;
        item.attempts = count_attempts(history, promise.made_at);
        item.unanswered = summarize_attempts(history).unanswered_run;
        item.contact = contact->second;
        item.promise = std::move(promise);
        agenda.items.push_back(std::move(item));
    }
    if (query.keep_in_touch_zone && !query.agreed_only) {
        add_keep_in_touch(store, query, now, agenda.items);
    }
    order_agenda(agenda.items);
    if (query.limit > 0 && agenda.items.size() > static_cast<std::size_t>(query.limit)) {
        agenda.items.resize(static_cast<std::size_t>(query.limit));
    }
    if (!query.agreed_only) {
        for (Contact& contact : store.contacts_without_next_step(outcomes_needing_no_next_step())) {
            // A contact with a cadence is kept in touch by it (a keep-in-touch row when due).
            if (matches(contact, query) && contact.every.empty()) {
                agenda.no_next_step.push_back(std::move(contact));
            }
        }
    }
    return agenda;
}

PromiseStats compute_stats(const std::vector<Promise>& promises,
                           const std::vector<Interaction>& interactions, Instant now)
{
    PromiseStats stats;
    std::vector<std::chrono::seconds> lateness;
    for (const Promise& p : promises) {
        ++stats.made;
        switch (p.status) {
        case PromiseStatus::kept: ++stats.on_time; break;
        case PromiseStatus::late:
            ++stats.late;
            if (p.resolved_at) {
                lateness.push_back(*p.resolved_at - p.latest);
            }
            break;
        case PromiseStatus::renegotiated: ++stats.renegotiated_in_time; break;
        case PromiseStatus::broken: ++stats.broken; break;
        case PromiseStatus::cancelled: ++stats.cancelled; break;
        case PromiseStatus::open:
            if (now >= p.latest) {
                ++stats.overdue;
            } else {
                ++stats.open;
            }
            break;
        }
    }
    const int came_due = stats.on_time + stats.late + stats.renegotiated_in_time + stats.broken + stats.overdue;
    if (came_due > 0) {
        stats.on_time_rate = static_cast<double>(stats.on_time + stats.renegotiated_in_time) / came_due;
    }
    if (!lateness.empty()) {
        std::sort(lateness.begin(), lateness.end());
        const std::size_t middle = lateness.size() / 2;
        stats.median_lateness = lateness.size() % 2 == 1
                                    ? lateness[middle]
                                    : (lateness[middle - 1] + lateness[middle]) / 2;
    }
    for (const Interaction& i : interactions) {
        if (!is_own_attempt(i)) {
            continue;
        }
        ++stats.attempts;
        if (is_answered(i.outcome)) {
            ++stats.reached;
        }
    }
    // (summarize_attempts and compute_stats share is_own_attempt/is_answered: one definition of a reach)
    if (stats.reached > 0) {
        stats.attempts_per_reach = static_cast<double>(stats.attempts) / stats.reached;
    }
    return stats;
}

} // namespace fu
