// src/followup/internal.hpp — what the domain's files share and commands never see.
#pragma once

#include <optional>
#include <string>

#include "fu/followup.hpp"

namespace fu::followup_internal {

// Where a new promise comes from, besides its words.
struct PromiseOrigin {
    std::optional<Id> rescheduled_from;
    std::optional<Id> made_with;      // the interaction that agreed it (or kept the step before)
    std::optional<Id> plan_id;        // a playbook step: its plan and step number
    int plan_step = 0;
    std::optional<Instant> read_from; // read the words from this moment instead of now
    std::optional<Instant> made_at;   // a playbook step: when the step before was kept
};

// Resolves the words on the user's and the contact's clocks and stores an open promise (a
// contact who had said no is back in follow-up).
PromiseMade store_promise(Store& store, const Contact& contact, const PromiseRequest& request,
                          const ChangeContext& context, const PromiseOrigin& origin);

// A promise ended: when it was the current step of a playbook that is still running, the next
// step is read from `at` and made (made_with: the interaction that kept it), or the plan is done.
std::optional<PlanAdvanced> advance_plan(Store& store, const Promise& step, Instant at,
                                         std::optional<Id> made_with,
                                         const ChangeContext& context);

// A "no" ends the contact's running playbook (its steps are cancelled with the other promises).
std::optional<Plan> end_plan_on_no(Store& store, Id contact_id, const std::string& outcome,
                                   Instant at);

// The open promise `id` among the contact's `open` ones; fu::Error (3) naming the contact when it
// is not one of them.
const Promise& open_promise_named(const std::vector<Promise>& open, Id id, const Contact& contact);

// After verdicts were worked out again (fix, delete): a playbook whose kept step was reopened
// keeps only its earliest open step (later ones are cancelled); one whose open step was kept by
// the correction moves on. Returns the steps made.
std::vector<Promise> reconcile_plan(Store& store, Id contact_id, const ChangeContext& context);

} // namespace fu::followup_internal
