// fu/agenda.hpp — what is overdue, due now and coming; how promises end; honest statistics.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fu/clock.hpp"
#include "fu/model.hpp"
#include "fu/store.hpp"
#include "fu/zone.hpp"

namespace fu {

// Where an open promise stands at a moment.
enum class DueState {
    overdue,  // the window has closed
    due,      // the window is open
    upcoming, // the window opens later
};

std::string_view to_string(DueState state);

// Classifies an open promise at `now`; windows are half-open [earliest, latest).
DueState classify(const Promise& promise, Instant now);

// The `state` word of any promise: overdue/due/upcoming when open, else how it ended.
std::string state_word(const Promise& promise, Instant now);

// How an attempt at `at` ends an open promise: kept on time before the window's end, else late.
PromiseStatus keeping_status(const Promise& promise, Instant at);
// How moving an open promise at `now` counts: renegotiated in time before the window closed,
// broken after.
PromiseStatus rescheduling_status(const Promise& promise, Instant now);

// A contact's attempt counters.
struct AttemptSummary {
    int unanswered_run = 0; // attempts since the contact last answered
    int attempts = 0;       // all attempts
    int answered = 0;       // attempts the contact answered (reached, replied, …)
    std::optional<Instant> last_interaction;
};

// Counts a contact's interactions (in any order).
AttemptSummary summarize_attempts(std::vector<Interaction> interactions);

// Attempts after `after` and, when given, no later than `until`: those a promise made at `after`
// saw (the attempt that made it, logged at the same instant, is not one of them).
int count_attempts(const std::vector<Interaction>& interactions, Instant after,
                   std::optional<Instant> until = std::nullopt);

// All of a contact's interactions, oldest first.
std::vector<Interaction> interactions_of(const Store& store, Id contact_id);

// What a row of the agenda is.
enum class AgendaKind {
    promise,       // an open promise
    keep_in_touch, // a contact with a cadence and no open promise: its window is the cadence's
};

// One row of the agenda. A keep-in-touch row has a promise with id 0 whose window is
// [last contact + ideal, last contact + at worst) and whose text is the cadence's words.
struct AgendaItem {
    AgendaKind kind = AgendaKind::promise;
    Promise promise;
    Contact contact;
    DueState state = DueState::upcoming;
    int attempts = 0;   // attempts since the promise was made
    int unanswered = 0; // the contact's current run of unanswered attempts
    std::optional<Instant> last_contact; // keep-in-touch: the last interaction (or when added)
};

// What `fu due` and the digest show: the first rows of the agenda, and how many there are.
struct Agenda {
    std::vector<AgendaItem> items;     // overdue, then due now, then upcoming, each in its order
    std::array<std::int64_t, 3> totals{}; // every row of each state (by DueState), shown or not
    std::vector<Contact> no_next_step; // live prospects without an open promise, most recent first
    std::int64_t no_next_step_total = 0;
    std::int64_t total() const { return totals[0] + totals[1] + totals[2]; }
    std::int64_t total(DueState state) const { return totals[static_cast<std::size_t>(state)]; }
    bool empty() const { return total() == 0 && no_next_step_total == 0; }
};

// Which promises the agenda holds.
struct AgendaQuery {
    std::optional<Instant> until; // upcoming windows opening before this; none: every open promise
    std::string tag;              // only contacts with this tag
    bool agreed_only = false;
    bool not_reminded = false;    // only windows no reminder was recorded for
    int limit = 0;                // at most this many rows (0: all)
    bool limit_each_state = false; // the limit applies to each state's rows, not to all
    std::optional<Instant> opening_from; // only windows opening at or after this
    std::string interest;         // only contacts this interested (hot, warm, cold)
    // The zone keep-in-touch windows are counted in (the user's); none: no keep-in-touch rows.
    const Zone* keep_in_touch_zone = nullptr;
    // The contacts without a next step: at most this many (0: none; -1: all), and their count.
    int no_next_step_limit = 0;
    // Only those last in touch at or after this (or never).
    std::optional<Instant> no_next_step_active_since;
    bool count = true; // fill the totals
};

// Orders items: overdue, then due now, then upcoming; within a state hot before warm before
// unknown before cold; then overdue longest overdue first, due now closing soonest first (both by
// latest, then earliest), upcoming opening soonest first (by earliest, then latest); then promises
// before keep-in-touch rows; ties by id.
void order_agenda(std::vector<AgendaItem>& items);

// Builds the agenda at `now` from the store: reads only the rows it keeps, from the indexes.
Agenda build_agenda(const Store& store, const AgendaQuery& query, Instant now);

// How many contacts without a next step the query finds (its tag and interest; not its limit).
std::int64_t count_without_next_step(const Store& store, const AgendaQuery& query);

// How writes keep each contact's keep-in-touch window, computed in `zone` (the user's), for the
// agenda to read as stored (see TouchWindowKeeper). The zone must outlive the keeper.
TouchWindowKeeper touch_window_keeper(const Zone& zone);

// What the stored windows computed in `zone` are marked with: the fingerprint of its rules, then
// its name ("RULES NAME", see TouchWindowKeeper): windows computed before a tz database update are
// computed again, and those of a zone with the same rules under another name (US/Eastern) are not.
std::string touch_zone_key(const Zone& zone);

// The keep-in-touch rows of the query that have come due (due or overdue) at `now`: how many, and
// the `limit` longest silent (0: all), oldest last contact first.
struct TouchSummary {
    std::vector<AgendaItem> longest_silent;
    std::int64_t total = 0;
};
TouchSummary keep_in_touch_due(const Store& store, const AgendaQuery& query, Instant now, int limit);

// Streams every row of the agenda at `now` in order (the query's limit applies), one at a time:
// memory stays flat however many there are.
void each_agenda_item(const Store& store, const AgendaQuery& query, Instant now,
                      const std::function<void(const AgendaItem&)>& sink);

// Streams the contacts without a next step of the query (its tag, interest and limit), most
// recently active first.
void each_without_next_step(const Store& store, const AgendaQuery& query,
                            const std::function<void(Contact&)>& sink);

// The numbers of `fu stats`: each promise window counts once.
struct PromiseStats {
    int made = 0;
    int on_time = 0;
    int late = 0;
    int renegotiated_in_time = 0;
    int broken = 0;
    int cancelled = 0;
    int overdue = 0; // open, window closed
    int open = 0;    // open, window not yet closed
    int attempts = 0;
    int reached = 0;
    std::optional<double> on_time_rate;              // (on time + renegotiated) / came due
    std::optional<std::chrono::seconds> median_lateness; // of promises kept late
    std::optional<double> attempts_per_reach;
};

// Computes the statistics from the store's counts of promises made and interactions logged since a
// moment: this is where the groups are classified (what counts as an attempt, a reach, on time).
PromiseStats compute_stats(const RecordCounts& counts);

} // namespace fu
