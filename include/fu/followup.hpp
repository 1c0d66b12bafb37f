// fu/followup.hpp — every change to the book of business, as one function each: a request in, a
// result out that says exactly what changed. Commands call one of these inside one write
// transaction; the rules (which interaction keeps which promise, what a "no" ends, how a
// correction recomputes verdicts) live here and nowhere else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fu/agenda.hpp"
#include "fu/model.hpp"
#include "fu/settings.hpp"
#include "fu/store.hpp"
#include "fu/zone.hpp"

namespace fu {

// What every change needs besides its request: the one "now", the settings, the user's zone.
struct ChangeContext {
    Instant now{};
    const Settings& settings;
    const Zone& user_zone;
};

// ---- The keep rules (pure) ----

// Why an interaction does or does not keep an open promise by itself.
enum class KeepFit {
    keeps,             // it keeps it
    not_an_attempt,    // a note or a reminder keeps nothing
    inbound,           // the contact reached out; only --promise makes that keep a promise
    wrong_channel,     // e.g. an email for a promised call
    early_agreed,      // before an agreed window: the customer expects the agreed time
    early_step,        // before a playbook step's window: "2-3 days after" is after
    too_early,         // more than three working days before the window opens
    not_yet_made,      // the promise was made after the interaction (or by it, with --next)
    same_conversation, // early, and within the hour the promise was made: the call that made it
};

// How many working days before a window opens an attempt still keeps a promise not agreed.
inline constexpr int k_early_workdays = 3;
// An early conversation (outcome reached) this soon after the promise was made is the conversation
// that made it (logged after `fu promise`), not a delivery: it keeps nothing early. Not when the
// promise was made by log --next (that conversation is logged already), nor for an email sent, a
// voicemail left, or no answer.
inline constexpr std::chrono::minutes k_same_conversation{60};

// The interaction kinds that keep a promise made for `via` (call: call, voicemail, meeting,
// visit; email: email; text: text; visit: visit, meeting).
bool channel_fits(std::string_view via, std::string_view kind);

// Whether `interaction` keeps `promise` automatically, and if not, why. Working days are counted
// on the promise's clock (its zone; `fallback_zone` when that zone is unknown here).
KeepFit keep_fit(const Interaction& interaction, const Promise& promise, const Settings& settings,
                 const Zone& fallback_zone);

// Among `open_promises`, the one `interaction` keeps automatically: of those it fits, the one
// whose window closes first (ties: the lower id).
std::optional<Promise> promise_kept_by(const Interaction& interaction,
                                       const std::vector<Promise>& open_promises,
                                       const Settings& settings,
                                       const Zone& fallback_zone);

// One line for a person on why a promise was not kept by an interaction ("it was an email; p7 is
// a promised call").
std::string keep_fit_reason(KeepFit fit, const Promise& promise, const Interaction& interaction);

// ---- Contacts ----

struct ContactResult {
    Contact contact;
    std::vector<Contact> same_email; // other contacts with this email (add)
};
ContactResult add_contact(Store& store, ContactChanges fields, const ChangeContext& context);
ContactResult edit_contact(Store& store, const Contact& contact, ContactChanges changes);
// Archive hides a contact with its history; restore brings it back; purge erases it all.
Contact archive_contact(Store& store, const Contact& contact, const ChangeContext& context);
Contact restore_contact(Store& store, const Contact& contact);
void purge_contact(Store& store, const Contact& contact);

// ---- Promises ----

struct PromiseRequest {
    std::string when;  // the time phrase
    std::string about; // the purpose
    bool agreed = false;
    std::string via = "call";
};

struct PromiseMade {
    Promise promise;
    std::vector<std::string> notices;  // what the time language wants the user to know
    std::vector<std::string> crowding; // not pushy: the window crowds an unanswered attempt
    bool back_in_follow_up = false;    // the contact had said no
};

// Resolves the words on the user's and the contact's clocks and stores an open promise.
// Throws fu::Error (2) for bad words or terms.
PromiseMade make_promise(Store& store, const Contact& contact, const PromiseRequest& request,
                         const ChangeContext& context);

struct Rescheduled {
    Promise previous; // renegotiated (in time) or broken (after the window closed)
    PromiseMade moved;
};
// Moves an open promise to a new window, keeping its purpose, agreement and channel.
Rescheduled reschedule_promise(Store& store, const Contact& contact, const Promise& open,
                               const std::string& when, const std::string& reason,
                               const ChangeContext& context);

// Drops an open promise that is no longer needed; a playbook step is skipped (the next step is
// read from now).
struct Cancelled;
Cancelled cancel_promise(Store& store, const Promise& open, const std::string& reason,
                       const ChangeContext& context);

// What a correction of a promise may change; an empty optional leaves a field alone.
struct PromiseCorrection {
    std::optional<std::string> about;
    std::optional<bool> agreed;
    std::optional<std::string> via;
};
struct Recomputed {
    std::vector<Promise>
        reopened;              // verdicts taken back (and promises a corrected "no" had cancelled)
    std::vector<Promise> kept; // verdicts given (kept or late) that were not there before
    std::vector<Promise> cancelled; // by a "no" the correction made
};
struct PromiseCorrected {
    Promise promise;
    Recomputed verdicts;
    bool changed = false; // false: it already said so, and nothing was written
};
PromiseCorrected correct_promise(Store& store, const Promise& promise,
                                 const PromiseCorrection& correction, const ChangeContext& context);

// ---- Playbooks ----

struct PlanStarted {
    Plan plan;
    PromiseMade first; // the first step
};
// Starts `playbook` for the contact: its first step is read from `from` (default now) and made
// an open promise. Throws fu::Error (5) when the contact is on a playbook already, (2) when it is
// closed or a step's words cannot be read.
// `made_with`: the interaction that started it (log --plan), which keeps none of its steps.
PlanStarted start_plan(Store& store, const Contact& contact, const Playbook& playbook,
                       std::optional<Instant> from, const ChangeContext& context,
                       std::optional<Id> made_with = std::nullopt);

struct PlanStopped {
    Plan plan;
    std::optional<Promise> cancelled; // the current step
};
// Ends the contact's playbook; its current step is cancelled. Throws fu::Error (3) when there is
// none.
PlanStopped stop_plan(Store& store, const Contact& contact, const ChangeContext& context);

// What a kept (or cancelled) step did to its playbook.
struct PlanAdvanced {
    Plan plan;
    int step = 0;                     // the step that was kept
    std::optional<PromiseMade> next;  // the next step, read from when it was kept
    bool done = false;                // that was the last step
};

// Where a contact's playbook stands: the steps done, the current one and those ahead.
struct PlanProgress {
    Plan plan;
    std::optional<Promise> current; // the open step
    int current_step = 0;           // from 1; 0 when no step is open
};
std::optional<PlanProgress> plan_progress(const Store& store, Id contact_id);

struct Cancelled {
    Promise promise;
    std::optional<PlanAdvanced> plan; // a playbook step: what came next
};

// ---- Interactions ----

struct LogRequest {
    std::string kind = "call";
    std::string outcome; // empty: the kind's default
    std::string note;
    std::optional<Instant> at; // empty: now
    bool inbound = false;      // they reached out ("replied" implies it)
    std::optional<Id> promise; // keep this open promise, whatever the rules say
    bool aside = false;        // keep none
    std::optional<PromiseRequest> next;
    bool plan = false; // with "won": start the on_won playbook from this interaction
};

struct Logged {
    Interaction interaction;
    std::optional<Promise> kept;     // kept on time or late
    std::optional<Promise> not_kept; // the open promise closing first, when none was kept
    KeepFit not_kept_because = KeepFit::keeps;
    std::vector<Promise> cancelled; // ended by a "no"
    bool out_of_follow_up = false;  // a "no": the contact is closed
    bool back_in_follow_up = false; // the contact had said no
    std::optional<PromiseMade> next;
    AttemptSummary attempts;       // the contact's counters after this interaction
    bool has_open_promise = false; // after this change
    bool keep_it_friendly = false; // an unanswered attempt in a run still short of give_up_after
    bool time_to_decide = false;   // give_up_after unanswered attempts in a row: go on, or stop?
    bool needs_next_step = false;  // an attempt left the contact in follow-up with no open promise
    std::vector<std::string> crowding;   // not pushy: this attempt crowds the contact
    std::optional<PlanAdvanced> plan;    // the kept promise was a playbook step
    std::optional<Plan> plan_ended;      // a "no" ended the contact's playbook
    std::optional<PlanStarted> started;  // --plan: the on_won playbook, started
    std::string offer_playbook;          // won, without --plan: the playbook to offer (on_won)
};

// Records an interaction and applies the keep rules. Throws fu::Error (2) for bad words, a time
// in the future, --next with a "no", or --promise with a note.
Logged log_interaction(Store& store, const Contact& contact, const LogRequest& request,
                       const ChangeContext& context);

// What a correction of an interaction may change.
struct InteractionCorrection {
    std::optional<std::string> kind;
    std::optional<std::string> outcome;
    std::optional<std::string> note;
    std::optional<Instant> at;
    std::optional<Id> contact_id;
    std::optional<bool> inbound;
    std::optional<Id> promise; // keep this promise of the contact (it keeps no other)
    bool aside = false;        // keep none
};
struct InteractionCorrected {
    Interaction before;
    Interaction interaction;
    Recomputed verdicts;
    bool changed = false; // false: it already said so, and nothing was written
};
InteractionCorrected correct_interaction(Store& store, const Interaction& interaction,
                                         const InteractionCorrection& correction,
                                         const ChangeContext& context);
// Deletes an interaction logged by mistake; the promise it kept reopens (or another interaction
// keeps it).
InteractionCorrected delete_interaction(Store& store, const Interaction& interaction,
                                        const ChangeContext& context);

// Re-derives which interactions keep which of a contact's promises from its history: promises
// that were kept or late, or are open, are replayed against the interactions in time order
// (chosen links and --aside are honoured). Renegotiated, broken and cancelled promises stay.
Recomputed recompute_verdicts(Store& store, Id contact_id, const ChangeContext& context);

// ---- Stopping and coming back ----

struct Reopened {
    Contact contact;
    bool changed = false; // false: the contact was in follow-up already
};
// Brings a closed contact (said no, or lost) back into follow-up.
Reopened reopen_contact(Store& store, const Contact& contact, const ChangeContext& context);

// ---- Customer reminders ----

struct ReminderRequest {
    std::optional<Id> promise; // default: the contact's next agreed window
    bool record = true;        // false: only write the text (--dry-run)
};
struct Reminded {
    Promise promise;
    std::string message;                         // in the customer's zone, from the template
    std::optional<Interaction> recorded;         // the `reminder` interaction
    std::optional<Instant> reminded_before;      // an earlier reminder of the same window
};
// Writes the reminder of an agreed callback and records it (kind reminder; it keeps no promise).
// Throws fu::Error (3) when there is no agreed open window, (2) for a window not agreed or open.
Reminded remind_customer(Store& store, const Contact& contact, const ReminderRequest& request,
                         const ChangeContext& context);

// ---- Undo ----

struct Undone {
    JournalEntry entry;
};
// Takes back the newest change not yet undone, or the one named. Throws fu::Error (3) when there
// is nothing to undo and (5) when a later change touched the same contacts.
Undone undo_change(Store& store, std::optional<Id> entry, const ChangeContext& context);

} // namespace fu
