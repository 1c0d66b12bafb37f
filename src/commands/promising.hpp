// src/commands/promising.hpp — making a promise from words: shared by promise, log --next and
// reschedule.
#pragma once

#include <string>
#include <vector>

#include "fu/env.hpp"
#include "fu/followup.hpp"
#include "fu/format.hpp"
#include "fu/model.hpp"
#include "fu/store.hpp"

namespace fu::commands {

// What a new promise says besides its window.
struct PromiseTerms {
    std::string about;
    bool agreed = false;
    std::string via = "call";
};

// "Promised Ada Lovelace (Analytical Engines) a call Tue 16 Jun 12:00–17:00 — tomorrow afternoon  [p7]"
std::string promised_line(const Promise& promise, const Contact& contact, const Env& env);

// "Step 2 of 5 of post-sale — confirm it shipped complete: a call Thu 3 Dec 09:00 – Fri 4 Dec
// 17:00  [p31]"
std::string step_line(const Promise& step, const Plan& plan, const Contact& contact, const Env& env);

// Writes each warning (not pushy, …) to env.err as a `warning: …` line.
void print_warnings(const Env& env, const std::vector<std::string>& warnings);

// What keeping (or skipping) a playbook step did: the next step, or the playbook done.
void print_plan_advanced(const PlanAdvanced& advanced, const Contact& contact, const Env& env);

// The steps of a running playbook, one line each: done, the current one with its window, and
// those ahead with their words.
void print_plan_steps(const PlanProgress& progress, const Contact& contact, const Env& env);

// A plan as JSON: id, contact_id, playbook, started, from, ended, end_reason, current_step (0:
// none open), steps [{step, about, when, via}].
Json plan_json(const Plan& plan, int current_step, const Env& env);
// A playbook's steps as JSON: [{step, about, when, via}].
Json steps_json(const std::vector<PlaybookStep>& steps);

} // namespace fu::commands
