// src/followup/plans.cpp — playbooks run for a contact, coming back after a "no", and reminding a
// customer of an agreed callback.
#include <algorithm>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/practice.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"
#include "followup/internal.hpp"
#include "when/calendar.hpp"

namespace fu {

using namespace followup_internal;

namespace {

// The start of the next working day after the local day of `t` (user's zone and calendar).
Instant next_working_morning(Instant t, const ChangeContext& context)
{
    const auto& zone = context.user_zone;
    const auto today = date::floor<date::days>(zone.to_local(t));
    const auto day = when::Calendar(context.settings).next_workday_after(today);
    const auto local = day + std::chrono::minutes{context.settings.day.start_minute};
    return zone.to_sys(local, Choose::earliest); // skipped by the clocks: the instant they skip at
}

// Makes step `number` (from 1) of `plan`, its words read from `from`. Words that are over when
// read there ("by end of day", read after hours) are read from the next working morning.
PromiseMade make_step(Store& store, const Contact& contact, const Plan& plan, int number,
                      Instant from, std::optional<Id> made_with, const ChangeContext& context)
{
    const PlaybookStep& step = plan.steps.at(static_cast<std::size_t>(number - 1));
    PromiseOrigin origin;
    origin.made_with = made_with;
    origin.plan_id = plan.id;
    origin.plan_step = number;
    origin.read_from = from;
    origin.made_at = from;
    const PromiseRequest request{step.when, step.about, false, step.via};
    try {
        return store_promise(store, contact, request, context, origin);
    } catch (const Error& first) {
        origin.read_from = next_working_morning(from, context);
        try {
            PromiseMade made = store_promise(store, contact, request, context, origin);
            made.notices.insert(made.notices.begin(),
                                fmt::format("\"{}\" was over on {}; read from {}", step.when,
                                            human_date(from, context.user_zone, context.now),
                                            human_time(*origin.read_from, context.user_zone,
                                                       context.now)));
            return made;
        } catch (const Error&) {
            throw first;
        }
    }
}

// The outcome of the contact's latest "no" ("not-interested" or "lost").
std::string last_no_outcome(const Store& store, Id contact_id)
{
    std::string outcome = "lost";
    for (const Interaction& i : interactions_of(store, contact_id)) {
        if (closes_contact(i.outcome)) {
            outcome = i.outcome;
        }
    }
    return outcome;
}

} // namespace

PlanStarted start_plan(Store& store, const Contact& contact, const Playbook& playbook,
                       std::optional<Instant> from, const ChangeContext& context,
                       std::optional<Id> made_with)
{
    if (playbook.steps.empty()) {
        throw usage_error(fmt::format("playbook {} has no steps", playbook.name));
    }
    if (contact.closed_at) {
        throw usage_error(fmt::format("{} is out of follow-up (said no on {})", contact.name,
                                      human_date(*contact.closed_at, context.user_zone, context.now)),
                          fmt::format("if they are back: fu reopen {}", contact.id));
    }
    if (const auto running = store.active_plan(contact.id)) {
        const auto progress = plan_progress(store, contact.id);
        throw Error(k_exit_conflict,
                    fmt::format("{} is on playbook {} already (step {} of {})", contact.name,
                                running->playbook, progress ? progress->current_step : 0,
                                running->steps.size()),
                    fmt::format("stop it first: fu plan {} --stop", contact.id));
    }
    Plan plan;
    plan.contact_id = contact.id;
    plan.playbook = playbook.name;
    plan.steps = playbook.steps;
    plan.started_at = context.now;
    plan.from = from.value_or(context.now);
    plan.id = store.add_plan(plan);
    PlanStarted started;
    started.first = make_step(store, contact, plan, 1, plan.from, made_with, context);
    started.plan = *store.plan(plan.id);
    return started;
}

PlanStopped stop_plan(Store& store, const Contact& contact, const ChangeContext& context)
{
    const auto progress = plan_progress(store, contact.id);
    if (!progress) {
        throw not_found_error(fmt::format("{} is on no playbook", contact.name),
                              fmt::format("start one: fu plan {} NAME (fu playbooks lists them)",
                                          contact.id));
    }
    PlanStopped stopped;
    if (progress->current) {
        store.resolve_promise(progress->current->id, PromiseStatus::cancelled, context.now,
                              "playbook stopped");
        stopped.cancelled = *store.promise(progress->current->id);
    }
    store.end_plan(progress->plan.id, context.now, "stopped");
    stopped.plan = *store.plan(progress->plan.id);
    return stopped;
}

std::optional<PlanProgress> plan_progress(const Store& store, Id contact_id)
{
    auto plan = store.active_plan(contact_id);
    if (!plan) {
        return std::nullopt;
    }
    PlanProgress progress;
    progress.plan = std::move(*plan);
    for (const Promise& p : store.open_promises(PromiseFilter{contact_id, true})) {
        if (p.plan_id == progress.plan.id) {
            progress.current = p;
            progress.current_step = p.plan_step;
        }
    }
    return progress;
}

std::optional<PlanAdvanced> followup_internal::advance_plan(Store& store, const Promise& step,
                                                            Instant at,
                                                            std::optional<Id> made_with,
                                                            const ChangeContext& context)
{
    if (!step.plan_id) {
        return std::nullopt;
    }
    const auto plan = store.plan(*step.plan_id);
    if (!plan || plan->ended_at) {
        return std::nullopt;
    }
    // Only the current step moves the playbook on (a later step exists already otherwise).
    for (const Promise& p : store.open_promises(PromiseFilter{step.contact_id, true})) {
        if (p.plan_id == plan->id) {
            return std::nullopt;
        }
    }
    PlanAdvanced advanced;
    advanced.step = step.plan_step;
    if (step.plan_step >= static_cast<int>(plan->steps.size())) {
        store.end_plan(plan->id, at, "done");
        advanced.done = true;
    } else {
        const Contact contact = *store.contact(step.contact_id);
        advanced.next =
            make_step(store, contact, *plan, step.plan_step + 1, at, made_with, context);
    }
    advanced.plan = *store.plan(plan->id);
    return advanced;
}

std::optional<Plan> followup_internal::end_plan_on_no(Store& store, Id contact_id,
                                                      const std::string& outcome, Instant at)
{
    const auto plan = store.active_plan(contact_id);
    if (!plan) {
        return std::nullopt;
    }
    store.end_plan(plan->id, at, outcome);
    return store.plan(plan->id);
}

std::vector<Promise> followup_internal::reconcile_plan(Store& store, Id contact_id,
                                                      const ChangeContext& context)
{
    std::vector<Promise> made;
    auto plan = store.active_plan(contact_id);
    const auto contact = store.contact(contact_id);
    if (!plan && contact && !contact->closed_at) {
        // The "no" that ended the latest playbook was taken back: it runs again.
        const auto plans = store.plans_of(contact_id);
        if (!plans.empty() && plans.back().ended_at && closes_contact(plans.back().end_reason)) {
            store.resume_plan(plans.back().id);
            plan = store.plan(plans.back().id);
        }
    }
    if (!plan) {
        return made;
    }
    // A "no" the correction made ends the playbook (its steps were cancelled with the rest).
    if (contact && contact->closed_at) {
        for (const Promise& p : store.open_promises(PromiseFilter{contact_id, true})) {
            if (p.plan_id == plan->id) {
                store.resolve_promise(p.id, PromiseStatus::cancelled, *contact->closed_at,
                                      last_no_outcome(store, contact_id));
            }
        }
        store.end_plan(plan->id, *contact->closed_at, last_no_outcome(store, contact_id));
        return made;
    }
    std::vector<Promise> steps; // the plan's promises, in step order
    for (const Promise& p : store.promises_of(contact_id)) {
        if (p.plan_id == plan->id) {
            steps.push_back(p);
        }
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Promise& a, const Promise& b) { return a.plan_step < b.plan_step; });
    const auto first_open = std::find_if(steps.begin(), steps.end(), [](const Promise& p) {
        return p.status == PromiseStatus::open;
    });
    if (first_open != steps.end()) {
        for (auto later = std::next(first_open); later != steps.end(); ++later) {
            if (later->status == PromiseStatus::open && later->plan_step > first_open->plan_step) {
                store.resolve_promise(later->id, PromiseStatus::cancelled, context.now,
                                      fmt::format("step {} is open again", first_open->plan_step));
            }
        }
        return made;
    }
    // The furthest step kept: when the correction kept it, the playbook moves on from it.
    const auto kept = std::find_if(steps.rbegin(), steps.rend(), [](const Promise& p) {
        return p.status == PromiseStatus::kept || p.status == PromiseStatus::late;
    });
    if (kept == steps.rend()) {
        return made;
    }
    const Promise& last = *kept;
    {
        // The correction kept the open step: move on from when it was kept.
        const auto at = last.resolved_at.value_or(context.now);
        std::optional<Id> keeper;
        for (const Interaction& i : interactions_of(store, contact_id)) {
            if (i.promise_id == last.id) {
                keeper = i.id;
            }
        }
        if (const auto advanced = advance_plan(store, last, at, keeper, context);
            advanced && advanced->next) {
            made.push_back(advanced->next->promise);
        }
    }
    return made;
}

Reopened reopen_contact(Store& store, const Contact& contact, const ChangeContext& context)
{
    if (!contact.closed_at) {
        return {contact, false};
    }
    store.set_reopened(contact.id, context.now);
    return {*store.contact(contact.id), true};
}

Reminded remind_customer(Store& store, const Contact& contact, const ReminderRequest& request,
                         const ChangeContext& context)
{
    const std::vector<Promise> open = store.open_promises(PromiseFilter{contact.id, true});
    std::optional<Promise> chosen;
    if (request.promise) {
        const Promise* named = &open_promise_named(open, *request.promise, contact);
        if (!named->agreed) {
            throw usage_error(
                fmt::format("{} was not agreed with {}: there is no time to remind them of",
                            promise_ref(named->id), contact.name),
                fmt::format("if they agreed it: fu fix {} --agreed", promise_ref(named->id)));
        }
        chosen = *named;
    } else {
        for (const Promise& p : open) { // soonest-closing first; the first agreed one ahead
            if (p.agreed && p.earliest > context.now &&
                (!chosen || p.earliest < chosen->earliest)) {
                chosen = p;
            }
        }
        if (!chosen) {
            throw not_found_error(
                fmt::format("{} has no agreed callback ahead to remind them of", contact.name),
                fmt::format("agree one: fu promise {} WHEN --agreed", contact.id));
        }
    }
    if (chosen->earliest <= context.now) {
        throw usage_error(fmt::format("the window of {} is {} already; call instead",
                                      promise_ref(chosen->id),
                                      context.now >= chosen->latest ? "over" : "open"));
    }
    Reminded result;
    result.promise = *chosen;
    result.message = render_reminder(context.settings.reminder_template, *chosen, contact,
                                     context.now, zone_or(contact.tz, context.user_zone));
    for (const Interaction& i : interactions_of(store, contact.id)) {
        if (i.reminds == chosen->id) {
            result.reminded_before = i.at;
        }
    }
    if (request.record) {
        Interaction reminder;
        reminder.contact_id = contact.id;
        reminder.at = context.now;
        reminder.kind = "reminder";
        reminder.outcome = default_outcome("reminder");
        reminder.note = result.message;
        reminder.keeps = KeepChoice::aside;
        reminder.reminds = chosen->id;
        reminder.id = store.add_interaction(reminder);
        result.recorded = reminder;
    }
    return result;
}

} // namespace fu
