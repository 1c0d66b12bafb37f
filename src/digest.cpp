#include "fu/digest.hpp"

#include <algorithm>

#include "fu/timefmt.hpp"
#include "when/calendar.hpp"

namespace fu {

Digest build_digest(const Store& store, Instant now, const date::time_zone& zone, const Settings& settings)
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
    Agenda agenda = build_agenda(store, query, now);
    for (AgendaItem& item : agenda.items) {
        if (item.state == DueState::overdue) {
            digest.overdue.push_back(item);
        } else if (item.state == DueState::due || item.promise.earliest < end_of_today) {
            digest.due_today.push_back(item);
        } else if (item.promise.agreed) {
            if (item.promise.earliest < end_of_tomorrow) {
                digest.agreed_tomorrow.push_back(item);
            }
            digest.remind_next_workday.push_back(item);
        }
    }
    const Instant cold_before = now - std::chrono::hours{24} * settings.cold_after_days;
    for (auto& [contact, last] : store.contacts_silent_since(cold_before)) {
        digest.going_cold.push_back({contact, last});
    }
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
