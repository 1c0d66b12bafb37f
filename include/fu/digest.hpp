// fu/digest.hpp — the morning summary: what needs doing today, and how yesterday went.
#pragma once

#include <vector>

#include <date/tz.h>

#include "fu/agenda.hpp"
#include "fu/settings.hpp"
#include "fu/store.hpp"

namespace fu {

// A contact and when it was last heard from.
struct SilentContact {
    Contact contact;
    Instant last_interaction;
    bool overdue = false; // a cadence's at-worst has passed too (cold_after: always)
};

// A promise that ended, with its contact.
struct EndedPromise {
    Promise promise;
    Contact contact;
};

// The digest's sections, each possibly empty.
struct Digest {
    std::vector<AgendaItem> overdue;
    std::vector<AgendaItem> due_today;       // open now, or opening before the end of today
    // Agreed times opening after today and by the end of the next working day (settings' workdays
    // less holidays): remind the customer today. Friday's digest lists Monday's, and the weekend's.
    // Windows whose reminder was recorded (fu remind) are left out.
    std::vector<AgendaItem> remind_next_workday;
    std::vector<AgendaItem> agreed_tomorrow; // those of them opening tomorrow (JSON's older member)
    Instant next_workday{};                  // the first instant of the next working day
    std::vector<Contact> no_next_step;
    // Contacts with no open promise past their cadence's ideal interval, and contacts without a
    // cadence with no interaction in cold_after days.
    std::vector<SilentContact> going_cold;
    std::vector<EndedPromise> yesterday;     // kept, late, renegotiated or broken yesterday
    // Whether anything calls for action (yesterday's results alone do not).
    bool actionable() const
    {
        return !overdue.empty() || !due_today.empty() || !remind_next_workday.empty() ||
               !no_next_step.empty() || !going_cold.empty();
    }
};

// Builds the digest for the local day of `now` in `zone`; only contacts of `interest` when given.
Digest build_digest(const Store& store, Instant now, const date::time_zone& zone, const Settings& settings,
                    const std::string& interest = {});

} // namespace fu
