// fu/digest.hpp — the morning summary: what needs doing today, and how yesterday went.
#pragma once

#include <vector>

#include "fu/agenda.hpp"
#include "fu/settings.hpp"
#include "fu/store.hpp"
#include "fu/zone.hpp"

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

// How many rows each section of the digest lists at most; its count says how many there are.
inline constexpr int k_digest_section_rows = 25;

// The digest's sections, each possibly empty, each at most k_digest_section_rows long, with the
// number of rows each would have in full.
struct Digest {
    struct Totals {
        std::int64_t overdue = 0;
        std::int64_t due_today = 0;
        std::int64_t remind_next_workday = 0;
        std::int64_t agreed_tomorrow = 0;
        std::int64_t no_next_step = 0;
        std::int64_t going_cold = 0;
        std::int64_t yesterday = 0;
    } totals;
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
        return totals.overdue + totals.due_today + totals.remind_next_workday + totals.no_next_step +
                   totals.going_cold >
               0;
    }
};

// Builds the digest for the local day of `now` in `zone`; only contacts of `interest` when given.
Digest build_digest(const Store& store, Instant now, const Zone& zone, const Settings& settings,
                    const std::string& interest = {});

} // namespace fu
