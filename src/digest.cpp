#include "fu/digest.hpp"

#include <algorithm>

#include "fu/timefmt.hpp"
#include "when/calendar.hpp"

namespace fu {

Digest build_digest(const Store& store, Instant now, const date::time_zone& zone, const Settings& settings,
                    const std::string& interest)
{
    Digest digest;
    const Instant end_of_today = end_of_local_day(now, zone);
    const Instant end_of_tomorrow = end_of_local_day(end_of_today, zone);
    const auto today = date::floor<date::days>(zone.to_local(now));
    const auto days_to_workday =
        (when::Calendar(settings).next_workday_after(today) - today).count();
    digest.next_workday = end_of_today; // stepping from local midnight to midnight: DST-correct
    for (auto day = 1; day < days_to_workday; ++day) {
        digest.next_workday = end_of_local_day(digest.next_workday, zone);
    }
    const Instant end_of_next_workday = end_of_local_day(digest.next_workday, zone);
    const Instant start_of_today = start_of_local_day(now, zone);
    const Instant start_of_yesterday = start_of_local_day(start_of_today - std::chrono::hours{1}, zone);

    AgendaQuery query;
    query.until = end_of_next_workday;
    query.interest = interest;
    query.keep_in_touch_zone = &zone;
    Agenda agenda = build_agenda(store, query, now);
    std::vector<Id> ids;
    for (const AgendaItem& item : agenda.items) {
        ids.push_back(item.promise.id);
    }
    const std::vector<Id> reminded = store.reminded_promises(ids);
    for (AgendaItem& item : agenda.items) {
        if (item.kind == AgendaKind::keep_in_touch) {
            // A cadence's ideal interval has passed: going cold (due) or gone cold (overdue).
            if (item.state != DueState::upcoming) {
                digest.going_cold.push_back({item.contact, item.last_contact.value_or(item.promise.made_at),
                                             item.state == DueState::overdue});
            }
            continue;
        }
        if (item.state == DueState::overdue) {
            digest.overdue.push_back(item);
        } else if (item.state == DueState::due || item.promise.earliest < end_of_today) {
            digest.due_today.push_back(item);
        } else if (item.promise.agreed) {
            if (item.promise.earliest < end_of_tomorrow) {
                digest.agreed_tomorrow.push_back(item);
            }
            if (!std::binary_search(reminded.begin(), reminded.end(), item.promise.id)) {
                digest.remind_next_workday.push_back(item);
            }
        }
    }
    const Instant cold_before = now - std::chrono::hours{24} * settings.cold_after_days;
    for (auto& [contact, last] : store.contacts_silent_since(cold_before)) {
        if (contact.every.empty() && (interest.empty() || contact.interest == interest)) {
            digest.going_cold.push_back({contact, last, true}); // a cadence decides for the others
        }
    }
    std::stable_sort(digest.going_cold.begin(), digest.going_cold.end(),
                     [](const SilentContact& a, const SilentContact& b) {
                         return a.last_interaction < b.last_interaction;
                     });
    for (Contact& contact : agenda.no_next_step) {
        const bool cold = std::any_of(digest.going_cold.begin(), digest.going_cold.end(),
                                      [&](const SilentContact& s) { return s.contact.id == contact.id; });
        if (!cold) {
            digest.no_next_step.push_back(std::move(contact));
        }
    }
    for (Promise& promise : store.promises_resolved_between(start_of_yesterday, start_of_today)) {
        if (promise.status == PromiseStatus::cancelled) {
            continue;
        }
        if (auto contact = store.contact(promise.contact_id)) {
            digest.yesterday.push_back({std::move(promise), std::move(*contact)});
        }
    }
    return digest;
}

} // namespace fu
