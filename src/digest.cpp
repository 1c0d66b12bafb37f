#include "fu/digest.hpp"

#include <algorithm>

#include "fu/timefmt.hpp"
#include "when/calendar.hpp"

namespace fu {

Digest build_digest(const Store& store, Instant now, const Zone& zone, const Settings& settings,
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

    const int rows = k_digest_section_rows;

    // Overdue, and due today: open now or opening before the end of today.
    AgendaQuery for_today;
    for_today.until = end_of_today;
    for_today.interest = interest;
    for_today.limit = rows;
    for_today.limit_each_state = true;
    Agenda agenda = build_agenda(store, for_today, now);
    for (AgendaItem& item : agenda.items) {
        auto& section = item.state == DueState::overdue ? digest.overdue : digest.due_today;
        if (section.size() < static_cast<std::size_t>(rows)) {
            section.push_back(std::move(item));
        }
    }
    digest.totals.overdue = agenda.total(DueState::overdue);
    digest.totals.due_today = agenda.total(DueState::due) + agenda.total(DueState::upcoming);

    // Agreed times after today: by the end of the next working day (remind them), and tomorrow.
    AgendaQuery agreed;
    agreed.until = end_of_next_workday;
    agreed.opening_from = end_of_today;
    agreed.agreed_only = true;
    agreed.interest = interest;
    agreed.limit = rows;
    {
        AgendaQuery remind = agreed;
        remind.not_reminded = true; // a reminder recorded with fu remind is done
        Agenda to_remind = build_agenda(store, remind, now);
        digest.remind_next_workday = std::move(to_remind.items);
        digest.totals.remind_next_workday = to_remind.total();
    }
    AgendaQuery tomorrow = agreed;
    tomorrow.until = end_of_tomorrow;
    {
        Agenda agreed_tomorrow = build_agenda(store, tomorrow, now);
        digest.agreed_tomorrow = std::move(agreed_tomorrow.items);
        digest.totals.agreed_tomorrow = agreed_tomorrow.total();
    }

    // Going cold: cadences past their ideal interval, and contacts without one silent too long.
    AgendaQuery touch;
    touch.until = end_of_next_workday;
    touch.interest = interest;
    touch.keep_in_touch_zone = &zone;
    TouchSummary touch_due = keep_in_touch_due(store, touch, now, rows);
    for (AgendaItem& item : touch_due.longest_silent) {
        // A cadence's ideal interval has passed: going cold (due) or gone cold (overdue).
        digest.going_cold.push_back({item.contact, item.last_contact.value_or(item.promise.made_at),
                                     item.state == DueState::overdue});
    }
    const Instant cold_before = now - std::chrono::hours{24} * settings.cold_after_days;
    SilenceQuery silence{cold_before, interest, rows};
    digest.totals.going_cold = touch_due.total + store.count_silent_since(silence);
    for (auto& [contact, last] : store.contacts_silent_since(silence)) {
        digest.going_cold.push_back({contact, last, true}); // a cadence decides for the others
    }
    std::stable_sort(digest.going_cold.begin(), digest.going_cold.end(),
                     [](const SilentContact& a, const SilentContact& b) {
                         return a.last_interaction < b.last_interaction;
                     });
    if (digest.going_cold.size() > static_cast<std::size_t>(rows)) {
        digest.going_cold.resize(static_cast<std::size_t>(rows));
    }

    // No next step, leaving out those already going cold.
    NextStepQuery next;
    next.settled_outcomes = outcomes_needing_no_next_step();
    next.active_since = cold_before;
    next.interest = interest;
    next.limit = rows;
    digest.no_next_step = store.contacts_without_next_step(next);
    digest.totals.no_next_step = store.count_without_next_step(next);

    for (Promise& promise : store.promises_resolved_between(start_of_yesterday, start_of_today, true, rows, interest)) {
        if (auto contact = store.contact(promise.contact_id)) {
            digest.yesterday.push_back({std::move(promise), std::move(*contact)});
        }
    }
    digest.totals.yesterday = store.count_resolved_between(start_of_yesterday, start_of_today, true, interest);
    return digest;
}

} // namespace fu
