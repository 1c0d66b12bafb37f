// src/exchange_export.cpp — fu/exchange.hpp, the exports (each reads the store once, in order,
// and writes record by record) and invitations.
#include "fu/contacts_csv.hpp"
#include "fu/exchange.hpp"
#include "fu/ical.hpp"
#include "fu/refs.hpp"
#include "fu/timefmt.hpp"

#include <fmt/format.h>

namespace fu {

void export_book(const Store& store, std::ostream& out)
{
    BookJsonWriter writer(out);
    store.each_contact_record([&](Contact& c) { writer.add(c); });
    store.each_plan_record([&](Plan& p) { writer.add(p); });
    store.each_promise_record([&](Promise& p) { writer.add(p); });
    store.each_interaction_record([&](Interaction& i) { writer.add(i); });
    writer.finish();
}

void export_contacts_csv(const Store& store, std::ostream& out)
{
    ContactsCsvWriter writer(out);
    store.each_contact(ContactFilter{}, [&](Contact& c) { writer.write(c); });
}

void export_vcards(const Store& store, std::ostream& out, VcardVersion version)
{
    store.each_contact(ContactFilter{}, [&](Contact& c) { write_vcard(out, c, version); });
}

std::string invite_to(const Promise& promise, const Contact& contact, const ChangeContext& context)
{
    if (promise.latest <= context.now) {
        throw usage_error(fmt::format("{}'s window closed {}: an invitation for it comes too late",
                                      promise_ref(promise.id),
                                      human_time(promise.latest, context.user_zone, context.now)),
                          fmt::format("agree a new time first: fu reschedule {} WHEN", promise_ref(promise.id)));
    }
    const Organizer organizer{context.settings.user_name, context.settings.user_email};
    return invitation(promise, contact, organizer, context.now);
}

void export_calendar(const Store& store, std::ostream& out, Instant now)
{
    CalendarFeedWriter feed(out, now);
    WindowQuery all;
    all.by_opening = true;
    store.each_open_window(all, [&](Promise& p) {
        if (const auto contact = store.contact(p.contact_id)) {
            feed.add(p, *contact);
        }
    });
    feed.finish();
}

} // namespace fu
