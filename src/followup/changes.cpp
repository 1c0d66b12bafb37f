// src/followup/changes.cpp — contacts, promises and interactions changed the way the practice says.
#include <algorithm>
#include <unordered_set>
#include <fmt/format.h>

#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"
#include "fu/practice.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"
#include "followup/internal.hpp"

namespace fu {

using namespace followup_internal;

namespace {

std::string checked_via(const std::string& via)
{
    return known_word(via, promise_channels(), "channel");
}

Promise resolved(Store& store, Promise p, PromiseStatus status, Instant at,
                 const std::string& reason, std::optional<Id> replaced_by = std::nullopt)
{
    store.resolve_promise(p.id, status, at, reason, replaced_by);
    p.status = status;
    p.resolved_at = at;
    p.reason = reason;
    p.replaced_by = replaced_by;
    return p;
}

// A "no" ends follow-up: the open promises are cancelled, the contact closed.
std::vector<Promise> end_follow_up(Store& store, Id contact_id, const std::string& outcome,
                                   Instant at)
{
    std::vector<Promise> cancelled;
    for (const Promise& p : store.open_promises(PromiseFilter{contact_id, true})) {
        cancelled.push_back(resolved(store, p, PromiseStatus::cancelled, at, outcome));
    }
    store.set_closed(contact_id, at);
    return cancelled;
}

// Whether a contact is out of follow-up, from its history: closed at its latest "no", unless an
// attempt or a new promise came after it (which put the contact back in follow-up).
void refresh_closed(Store& store, Id contact_id)
{
    std::optional<Instant> last_no;
    std::optional<Instant> last_engagement;
    for (const Interaction& i : interactions_of(store, contact_id)) {
        if (closes_contact(i.outcome)) {
            last_no = std::max(last_no.value_or(i.at), i.at);
        } else if (is_attempt(i.kind)) {
            last_engagement = std::max(last_engagement.value_or(i.at), i.at);
        }
    }
    for (const Promise& p : store.promises_of(contact_id)) {
        last_engagement = std::max(last_engagement.value_or(p.made_at), p.made_at);
    }
    const auto contact = store.contact(contact_id);
    if (contact && contact->reopened_at) {
        last_engagement = std::max(last_engagement.value_or(*contact->reopened_at), *contact->reopened_at);
    }
    const bool closed = last_no && (!last_engagement || *last_engagement <= *last_no);
    if (contact && contact->closed_at != (closed ? last_no : std::nullopt)) {
        store.set_closed(contact_id, closed ? last_no : std::nullopt);
    }
}

void merge(Recomputed& into, Recomputed more)
{
    into.reopened.insert(into.reopened.end(), more.reopened.begin(), more.reopened.end());
    into.kept.insert(into.kept.end(), more.kept.begin(), more.kept.end());
    into.cancelled.insert(into.cancelled.end(), more.cancelled.begin(), more.cancelled.end());
}

std::string checked_kind(const std::string& kind)
{
    return known_word(kind, interaction_kinds(), "kind");
}
std::string checked_outcome(const std::string& outcome)
{
    return known_word(outcome, interaction_outcomes(), "outcome");
}

} // namespace

const Promise& followup_internal::open_promise_named(const std::vector<Promise>& open, Id id,
                                                     const Contact& contact)
{
    const auto named =
        std::find_if(open.begin(), open.end(), [&](const Promise& p) { return p.id == id; });
    if (named == open.end()) {
        throw not_found_error(
            fmt::format("{} has no open promise {}", contact.name, promise_ref(id)),
            fmt::format("see its promises: fu show {}", contact.id));
    }
    return *named;
}

PromiseMade followup_internal::store_promise(Store& store, const Contact& contact,
                                             const PromiseRequest& request,
                                             const ChangeContext& context,
                                             const PromiseOrigin& origin)
{
    check_text("the about text", request.about, 1000);
    const std::string via = checked_via(request.via);
    const auto& zone = zone_or(contact.tz, context.user_zone);
    const Window window = resolve(request.when, origin.read_from.value_or(context.now),
                                  Clocks{&context.user_zone, contact.tz.empty() ? nullptr : &zone},
                                  context.settings);
    PromiseMade made;
    made.notices = window.notices;
    Promise& p = made.promise;
    p.contact_id = contact.id;
    // A playbook step is made when the step before was kept (or the playbook started), which a
    // log --at may put in the past.
    p.made_at = std::min(origin.made_at.value_or(context.now), context.now);
    p.earliest = window.earliest;
    p.latest = window.latest;
    p.text = request.when;
    p.zone = std::string(zone.name());
    p.about = trim(request.about);
    p.agreed = request.agreed;
    p.via = via;
    p.rescheduled_from = origin.rescheduled_from;
    p.made_with = origin.made_with;
    p.plan_id = origin.plan_id;
    p.plan_step = origin.plan_step;
    p.id = store.add_promise(p);
    if (contact.closed_at) {
        store.set_closed(contact.id, std::nullopt);
        made.back_in_follow_up = true;
    }
    return made;
}

ContactResult add_contact(Store& store, ContactChanges fields, const ChangeContext& context)
{
    validate(fields);
    ContactResult result;
    if (fields.email && !fields.email->empty()) {
        result.same_email = store.contacts_by_email(*fields.email);
    }
    result.contact = *store.contact(store.add_contact(fields, context.now));
    return result;
}

ContactResult edit_contact(Store& store, const Contact& contact, ContactChanges changes)
{
    validate(changes);
    store.update_contact(contact.id, changes);
    return {*store.contact(contact.id), {}};
}

Contact archive_contact(Store& store, const Contact& contact, const ChangeContext& context)
{
    store.set_archived(contact.id, context.now);
    return *store.contact(contact.id);
}

Contact restore_contact(Store& store, const Contact& contact)
{
    store.set_archived(contact.id, std::nullopt);
    return *store.contact(contact.id);
}

void purge_contact(Store& store, const Contact& contact)
{
    store.purge_contact(contact.id);
}

PromiseMade make_promise(Store& store, const Contact& contact, const PromiseRequest& request,
                         const ChangeContext& context)
{
    PromiseMade made = store_promise(store, contact, request, context, {});
    made.crowding = crowding_warnings_for_window(interactions_of(store, contact.id),
                                                 made.promise.earliest, contact, context.settings,
                                                 context.user_zone);
    return made;
}

Rescheduled reschedule_promise(Store& store, const Contact& contact, const Promise& open,
                               const std::string& when, const std::string& reason,
                               const ChangeContext& context)
{
    check_text("the reason", reason, 1000);
    Rescheduled result;
    PromiseOrigin origin;
    origin.rescheduled_from = open.id;
    origin.plan_id = open.plan_id; // a playbook step moved is still that step
    origin.plan_step = open.plan_step;
    result.moved = store_promise(store, contact, {when, open.about, open.agreed, open.via}, context,
                                 origin);
    result.previous = resolved(store, open, rescheduling_status(open, context.now), context.now,
                               trim(reason), result.moved.promise.id);
    return result;
}

Cancelled cancel_promise(Store& store, const Promise& open, const std::string& reason,
                         const ChangeContext& context)
{
    check_text("the reason", reason, 1000);
    Cancelled result;
    result.promise = resolved(store, open, PromiseStatus::cancelled, context.now, trim(reason));
    // A playbook step no longer needed is skipped: the next one is read from now.
    result.plan = advance_plan(store, result.promise, context.now, std::nullopt, context);
    return result;
}

PromiseCorrected correct_promise(Store& store, const Promise& promise,
                                 const PromiseCorrection& correction, const ChangeContext& context)
{
    Promise p = promise;
    if (correction.about) {
        check_text("the about text", *correction.about, 1000);
        p.about = trim(*correction.about);
    }
    if (correction.agreed) {
        p.agreed = *correction.agreed;
    }
    if (correction.via) {
        p.via = checked_via(*correction.via);
    }
    PromiseCorrected result;
    result.changed = p.about != promise.about || p.agreed != promise.agreed || p.via != promise.via;
    if (!result.changed) {
        result.promise = promise;
        return result;
    }
    store.update_promise(p);
    if (p.agreed != promise.agreed || p.via != promise.via) {
        result.verdicts = recompute_verdicts(store, p.contact_id, context);
        reconcile_plan(store, p.contact_id, context);
    }
    result.promise = *store.promise(p.id);
    return result;
}

Logged log_interaction(Store& store, const Contact& contact, const LogRequest& request,
                       const ChangeContext& context)
{
    Logged result;
    Interaction interaction;
    interaction.contact_id = contact.id;
    interaction.kind = checked_kind(request.kind.empty() ? "call" : request.kind);
    interaction.outcome = !request.outcome.empty() ? checked_outcome(request.outcome)
                          : request.inbound        ? default_inbound_outcome(interaction.kind)
                                                   : default_outcome(interaction.kind);
    check_text("the note", request.note, std::size_t{64} * 1024, true);
    interaction.note = request.note;
    interaction.at = request.at.value_or(context.now);
    interaction.inbound = request.inbound;
    const bool says_no = closes_contact(interaction.outcome);
    if (interaction.at > context.now) {
        throw usage_error("--at is in the future",
                          "log what happened; promise what will happen (fu promise)");
    }
    if (request.next && says_no) {
        throw usage_error(
            fmt::format("--next with \"{}\": there is no next step with a contact who said no",
                        interaction.outcome),
            "leave out --next; to come back later, log --outcome not-now --next WHEN");
    }
    if (interaction.outcome == "not-now" && !request.next) {
        throw usage_error("\"not-now\" needs --next: when to come back",
                          "e.g. --next \"in 6 months\" or --next \"next quarter\"");
    }
    if (request.plan && interaction.outcome != "won") {
        throw usage_error("--plan starts the after-sale playbook of a won deal",
                          "log --outcome won --plan, or start any playbook: fu plan CONTACT NAME");
    }
    if (request.promise && request.aside) {
        throw usage_error("--promise and --aside contradict each other", "give one of them");
    }
    if (request.promise && !is_attempt(interaction.kind)) {
        throw usage_error(fmt::format("a {} keeps no promise", interaction.kind),
                          "log the call, email, … that kept it");
    }
    if (request.promise && says_no) {
        throw usage_error(
            fmt::format("\"{}\" keeps no promise: it cancels them", interaction.outcome),
            "leave out --promise");
    }
    interaction.keeps = request.promise ? KeepChoice::chosen
                        : request.aside ? KeepChoice::aside
                                        : KeepChoice::automatic;

    const std::vector<Promise> open = store.open_promises(contact.id);
    if (request.promise) {
        const Promise* named = &open_promise_named(open, *request.promise, contact);
        if (named->made_at > interaction.at) {
            throw usage_error(
                fmt::format("{} was made after this interaction", promise_ref(named->id)));
        }
        result.kept = *named;
    } else if (interaction.keeps == KeepChoice::automatic && !says_no) {
        result.kept = promise_kept_by(interaction, open, context.settings, context.user_zone);
        if (!result.kept && !open.empty()) {
            result.not_kept = open.front(); // the one closing first: why it was not kept
            result.not_kept_because =
                keep_fit(interaction, open.front(), context.settings, context.user_zone);
        }
    }
    if (result.kept) {
        interaction.promise_id = result.kept->id;
    }
    if (interaction.keeps == KeepChoice::chosen) {
        interaction.chosen_promise = interaction.promise_id;
    }
    // Crowding is advice for today: an attempt logged for an earlier day is history.
    if (is_own_attempt(interaction) &&
        interaction.at >= start_of_local_day(context.now, context.user_zone)) {
        result.crowding = crowding_warnings_for_attempt(interactions_of(store, contact.id),
                                                        interaction, contact, context.settings,
                                                        context.user_zone);
    }
    interaction.id = store.add_interaction(interaction);
    if (result.kept) {
        result.kept = resolved(store, *result.kept, keeping_status(*result.kept, interaction.at),
                               interaction.at, "");
        if (interaction.outcome != "not-now") { // "not now" parks the playbook instead
            result.plan = advance_plan(store, *result.kept, interaction.at, interaction.id, context);
        }
    }
    if (interaction.outcome == "not-now") {
        // "Not now" parks the contact until --next: a running playbook stops with its open step.
        result.plan_ended = end_plan_on_no(store, contact.id, interaction.outcome, interaction.at);
        if (result.plan_ended) {
            for (const Promise& p : store.open_promises(PromiseFilter{contact.id, true})) {
                if (p.plan_id == result.plan_ended->id) {
                    result.cancelled.push_back(resolved(store, p, PromiseStatus::cancelled,
                                                        interaction.at, "not now"));
                }
            }
        }
    }
    if (says_no) {
        result.plan_ended = end_plan_on_no(store, contact.id, interaction.outcome, interaction.at);
        result.cancelled = end_follow_up(store, contact.id, interaction.outcome, interaction.at);
        result.out_of_follow_up = true;
    } else if (contact.closed_at && is_attempt(interaction.kind) && !request.next) {
        store.set_closed(contact.id, std::nullopt);
        result.back_in_follow_up = true;
    }
    if (request.next) {
        Contact current = *store.contact(contact.id);
        PromiseOrigin origin;
        origin.made_with = interaction.id;
        result.next = store_promise(store, current, *request.next, context, origin);
        result.next->crowding = crowding_warnings_for_window(
            interactions_of(store, contact.id), result.next->promise.earliest, current,
            context.settings, context.user_zone);
        result.back_in_follow_up = result.back_in_follow_up || result.next->back_in_follow_up;
    }
    if (interaction.outcome == "won") {
        const Playbook* on_won = context.settings.on_won.empty()
                                     ? nullptr
                                     : find_playbook(context.settings, context.settings.on_won);
        const bool running = store.active_plan(contact.id).has_value();
        if (request.plan) {
            if (!on_won) {
                throw usage_error("no playbook is set to start after a sale (on_won)",
                                  "set on_won in the config file, or use fu plan CONTACT NAME");
            }
            result.started = start_plan(store, *store.contact(contact.id), *on_won,
                                        interaction.at, context, interaction.id);
        } else if (on_won && !running) {
            result.offer_playbook = on_won->name;
        }
    }
    result.interaction = interaction;
    result.attempts = summarize_attempts(interactions_of(store, contact.id));
    result.has_open_promise = !store.open_promises(contact.id).empty();
    const int run = result.attempts.unanswered_run;
    const bool unanswered = is_unanswered(interaction.outcome) && is_own_attempt(interaction);
    result.keep_it_friendly = unanswered && run > 0 && run < context.settings.give_up_after;
    result.time_to_decide = unanswered && run >= context.settings.give_up_after;
    const auto& settled = outcomes_needing_no_next_step();
    result.needs_next_step =
        !result.out_of_follow_up && !result.has_open_promise && is_attempt(interaction.kind) &&
        contact.every.empty() && // a cadence keeps the contact in touch
        std::find(settled.begin(), settled.end(), interaction.outcome) == settled.end();
    return result;
}

InteractionCorrected correct_interaction(Store& store, const Interaction& interaction,
                                         const InteractionCorrection& correction,
                                         const ChangeContext& context)
{
    InteractionCorrected result;
    result.before = interaction;
    Interaction i = interaction;
    if (correction.kind) {
        i.kind = checked_kind(*correction.kind);
    }
    if (correction.outcome) {
        i.outcome = checked_outcome(*correction.outcome);
    }
    if (correction.note) {
        check_text("the note", *correction.note, std::size_t{64} * 1024, true);
        i.note = *correction.note;
    }
    if (correction.at) {
        if (*correction.at > context.now) {
            throw usage_error("--at is in the future", "an interaction is something that happened");
        }
        i.at = *correction.at;
    }
    if (correction.inbound) {
        i.inbound = *correction.inbound;
    }
    if (correction.contact_id && *correction.contact_id != i.contact_id) {
        i.contact_id = *correction.contact_id;
        i.promise_id.reset(); // a promise of the other contact is not this one's
        if (i.keeps == KeepChoice::chosen) {
            i.keeps = KeepChoice::automatic;
            i.chosen_promise.reset();
        }
    }
    const bool is_no = closes_contact(i.outcome);
    if (correction.promise && correction.aside) {
        throw usage_error("--promise and --aside contradict each other", "give one of them");
    }
    if (correction.aside) {
        i.keeps = KeepChoice::aside;
        i.promise_id.reset();
        i.chosen_promise.reset();
    }
    if (correction.promise) {
        const auto named = store.promise(*correction.promise);
        if (!named || named->contact_id != i.contact_id) {
            throw not_found_error(fmt::format("{} is not a promise of this interaction's contact",
                                              promise_ref(*correction.promise)));
        }
        if (!is_attempt(i.kind) || is_no) {
            throw usage_error(
                fmt::format("{} keeps no promise", !is_attempt(i.kind) ? "a " + i.kind : i.outcome));
        }
        if (named->made_at > i.at) {
            throw usage_error(
                fmt::format("{} was made after this interaction", promise_ref(named->id)));
        }
        const bool endable = named->status == PromiseStatus::open ||
                             named->status == PromiseStatus::kept ||
                             named->status == PromiseStatus::late;
        if (!endable) {
            throw usage_error(fmt::format("{} was {}; it can no longer be kept",
                                          promise_ref(named->id), to_string(named->status)));
        }
        i.keeps = KeepChoice::chosen;
        i.chosen_promise = named->id;
    }
    if (is_no && i.keeps == KeepChoice::chosen) {
        i.keeps = KeepChoice::automatic; // a "no" keeps nothing
        i.chosen_promise.reset();
    }
    result.changed = i.kind != interaction.kind || i.outcome != interaction.outcome ||
                     i.note != interaction.note || i.at != interaction.at ||
                     i.contact_id != interaction.contact_id || i.inbound != interaction.inbound ||
                     i.keeps != interaction.keeps || i.chosen_promise != interaction.chosen_promise;
    if (!result.changed) {
        result.interaction = interaction;
        return result;
    }
    store.update_interaction(i);
    const bool keeping_changed = i.kind != interaction.kind || i.outcome != interaction.outcome ||
                                 i.at != interaction.at || i.contact_id != interaction.contact_id ||
                                 i.inbound != interaction.inbound || i.keeps != interaction.keeps ||
                                 i.chosen_promise != interaction.chosen_promise;
    if (keeping_changed) {
        result.verdicts = recompute_verdicts(store, interaction.contact_id, context);
        if (i.contact_id != interaction.contact_id) {
            merge(result.verdicts, recompute_verdicts(store, i.contact_id, context));
        }
    }
    if (keeping_changed) {
        refresh_closed(store, interaction.contact_id);
        reconcile_plan(store, interaction.contact_id, context);
        if (i.contact_id != interaction.contact_id) {
            refresh_closed(store, i.contact_id);
            reconcile_plan(store, i.contact_id, context);
        }
    }
    result.interaction = *store.interaction(i.id);
    return result;
}

InteractionCorrected delete_interaction(Store& store, const Interaction& interaction,
                                        const ChangeContext& context)
{
    InteractionCorrected result;
    result.before = interaction;
    result.interaction = interaction;
    result.changed = true;
    store.delete_interaction(interaction.id);
    refresh_closed(store, interaction.contact_id);
    result.verdicts = recompute_verdicts(store, interaction.contact_id, context);
    reconcile_plan(store, interaction.contact_id, context);
    return result;
}

Undone undo_change(Store& store, std::optional<Id> entry, const ChangeContext& context)
{
    const std::vector<JournalEntry> entries = store.journal();
    if (entries.empty()) {
        throw not_found_error("there is nothing to undo",
                              "fu undo --list shows what can be undone");
    }
    const auto target = entry ? std::find_if(entries.begin(), entries.end(),
                                             [&](const JournalEntry& e) { return e.id == *entry; })
                              : entries.begin();
    if (target == entries.end()) {
        throw not_found_error(
            fmt::format("{} is not a change that can be undone", change_ref(*entry)),
            "fu undo --list shows what can be undone");
    }
    // A set: an import touches as many contacts as its file holds, and so may a later one.
    const std::unordered_set<Id> touched(target->contacts.begin(), target->contacts.end());
    for (auto later = entries.begin(); later != target; ++later) {
        const bool shares = std::any_of(later->contacts.begin(), later->contacts.end(),
                                        [&](Id id) { return touched.count(id) != 0; });
        if (shares) {
            throw Error(k_exit_conflict,
                        fmt::format("cannot undo {} ({}): a later change, {} ({}), depends on it",
                                    change_ref(target->id), target->command, change_ref(later->id),
                                    later->command),
                        fmt::format("undo {} first", change_ref(later->id)));
        }
    }
    store.revert(*target, context.now);
    return {*target};
}

} // namespace fu
