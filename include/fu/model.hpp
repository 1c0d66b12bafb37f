// fu/model.hpp — the domain records: contacts, promises and interactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fu/clock.hpp"
#include "fu/settings.hpp"

namespace fu {

using Id = std::int64_t;

// A person followed up with. Archived contacts are hidden but keep their history; closed ones
// (said no, or lost) have left active follow-up.
struct Contact {
    Id id = 0;
    std::string name;
    std::string company;
    std::string phone;
    std::string email;
    std::string note;
    std::string tz; // IANA zone of the customer, or empty: the user's zone
    std::vector<std::string> tags;
    Instant created_at{};
    std::optional<Instant> archived_at;
    std::optional<Instant> closed_at;
    std::optional<Instant> reopened_at; // `fu reopen`: back in follow-up after a "no"
    std::string every;                  // keep-in-touch cadence as words ("2-3 weeks"), or empty
    std::string interest;               // hot, warm, cold, or empty: unknown
};

// The fields `add` and `edit` may set; an empty optional leaves a field unchanged.
struct ContactChanges {
    std::optional<std::string> name;
    std::optional<std::string> company;
    std::optional<std::string> phone;
    std::optional<std::string> email;
    std::optional<std::string> note;
    std::optional<std::string> tz;
    std::optional<std::string> every;    // a cadence's words ("" removes it)
    std::optional<std::int64_t> every_after; // with `every`: the shortest its ideal interval can
                                             // be, in seconds (a bound for the store's queries)
    std::optional<std::string> interest; // hot, warm, cold ("" clears)
    std::vector<std::string> add_tags;
    std::vector<std::string> remove_tags;
};

// How a promise ended, or `open`. Stored as the lower-case word.
enum class PromiseStatus { open, kept, late, renegotiated, broken, cancelled };

// A promised callback window [earliest, latest) for a contact.
struct Promise {
    Id id = 0;
    Id contact_id = 0;
    Instant made_at{};
    Instant earliest{};
    Instant latest{};
    std::string text;  // the words as typed
    std::string zone;  // the zone the words were resolved in
    std::string about; // the purpose of the follow-up
    bool agreed = false;
    std::string via = "call";
    PromiseStatus status = PromiseStatus::open;
    std::optional<Instant> resolved_at;
    std::optional<Id> replaced_by;     // the promise a reschedule moved this one to
    std::optional<Id> rescheduled_from;
    std::optional<Id> made_with;       // the interaction that agreed it (log --next), or whose
                                       // keeping of the step before made this playbook step
    std::string reason;
    std::optional<Id> plan_id;         // the playbook run this promise is a step of
    int plan_step = 0;                 // its step, from 1
};

// A playbook started for a contact: the steps as they were when it started. Only the current step
// is an open promise; the next one is made when it is kept.
struct Plan {
    Id id = 0;
    Id contact_id = 0;
    std::string playbook;
    std::vector<PlaybookStep> steps;
    Instant started_at{};        // when `fu plan` (or `log --plan`) ran
    Instant from{};              // the moment the first step was read from
    std::optional<Instant> ended_at;
    std::string end_reason;      // done, stopped, or the outcome that ended it (not-interested, lost)
};

// How an interaction came to keep a promise, or not.
enum class KeepChoice {
    automatic, // by the keep rules (stored 'auto')
    chosen,    // the user named the promise (--promise)
    aside,     // the user said it keeps none (--aside)
};

// A call, voicemail, email, … logged against a contact.
struct Interaction {
    Id id = 0;
    Id contact_id = 0;
    Instant at{};
    std::string kind;    // call voicemail email text meeting visit note
    std::string outcome; // reached no-answer left-message sent replied not-interested won lost
    std::string note;
    std::optional<Id> promise_id; // the promise it kept
    bool inbound = false;         // the contact reached out ("they called me"; a reply is inbound anyway)
    KeepChoice keeps = KeepChoice::automatic;
    std::optional<Id> chosen_promise; // with KeepChoice::chosen: the promise the user named, kept when
                                      // the interaction can keep it (an attempt made after it)
    std::optional<Id> reminds;        // kind reminder: the promise the customer was reminded of
};

std::string_view to_string(PromiseStatus status);
std::optional<PromiseStatus> promise_status_from(std::string_view word);
std::string_view to_string(KeepChoice choice);
std::optional<KeepChoice> keep_choice_from(std::string_view word);

// The interaction kinds and outcomes fu knows, in documentation order.
const std::vector<std::string>& interaction_kinds();
const std::vector<std::string>& interaction_outcomes();
const std::vector<std::string>& promise_channels(); // --via: call email text visit

// Outcomes after which a contact needs no next step: won (the post-sale follow-up is planned
// separately).
const std::vector<std::string>& outcomes_needing_no_next_step();

// The outcome a kind implies when --outcome is not given.
std::string default_outcome(std::string_view kind);
// True for every kind but `note` and `reminder`: an attempt to reach the contact.
bool is_attempt(std::string_view kind);
// The contact reached out: marked inbound (log --in), or a reply.
bool is_inbound(const Interaction& interaction);
// An attempt by the user to reach the contact: an attempt kind, not inbound.
bool is_own_attempt(const Interaction& interaction);
// The outcome an interaction of `kind` has when --outcome is not given and the contact reached out.
std::string default_inbound_outcome(std::string_view kind);
// no-answer, left-message and sent: the contact did not answer (yet).
bool is_unanswered(std::string_view outcome);
// reached and replied: the contact answered; the unanswered run starts again.
bool is_answered(std::string_view outcome);
// not-interested and lost: follow-up with this contact ends.
bool closes_contact(std::string_view outcome);

} // namespace fu
