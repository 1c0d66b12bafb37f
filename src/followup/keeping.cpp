// src/followup/keeping.cpp — which interaction keeps which promise, and recomputing that from a
// corrected history.
#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/when.hpp"
#include "when/calendar.hpp"

namespace fu {
namespace {

date::local_days local_day(Instant t, const Zone& zone)
{
    return date::floor<date::days>(zone.to_local(t));
}

std::string kind_phrase(std::string_view kind)
{
    if (kind == "email" || kind == "meeting") {
        return fmt::format("an {}", kind);
    }
    return fmt::format("a {}", kind);
}

} // namespace

bool channel_fits(std::string_view via, std::string_view kind)
{
    if (via == "call") {
        return kind == "call" || kind == "voicemail" || kind == "meeting" || kind == "visit";
    }
    if (via == "visit") {
        return kind == "visit" || kind == "meeting";
    }
    return via == kind; // email, text
}

KeepFit keep_fit(const Interaction& interaction, const Promise& promise, const Settings& settings,
                 const Zone& fallback_zone)
{
    if (!is_attempt(interaction.kind)) {
        return KeepFit::not_an_attempt;
    }
    if (promise.made_at > interaction.at ||
        (promise.made_with && *promise.made_with == interaction.id)) {
        return KeepFit::not_yet_made;
    }
    if (is_inbound(interaction)) {
        return KeepFit::inbound;
    }
    if (!channel_fits(promise.via, interaction.kind)) {
        return KeepFit::wrong_channel;
    }
    if (interaction.at >= promise.earliest) {
        return KeepFit::keeps;
    }
    if (promise.agreed) {
        return KeepFit::early_agreed;
    }
    if (promise.plan_id) {
        return KeepFit::early_step; // "2-3 days after it arrived" is after
    }
    if (!promise.made_with && interaction.outcome == "reached" &&
        interaction.at - promise.made_at < k_same_conversation) {
        return KeepFit::same_conversation;
    }
    const Zone& zone = zone_or(promise.zone, fallback_zone);
    const when::Calendar calendar(settings);
    const auto opening_day = local_day(promise.earliest, zone);
    const auto earliest_allowed = calendar.add_workdays(opening_day, -k_early_workdays);
    return local_day(interaction.at, zone) >= earliest_allowed ? KeepFit::keeps
                                                               : KeepFit::too_early;
}

std::optional<Promise> promise_kept_by(const Interaction& interaction,
                                       const std::vector<Promise>& open_promises,
                                       const Settings& settings, const Zone& zone)
{
    std::optional<Promise> best;
    for (const Promise& p : open_promises) {
        if (p.status != PromiseStatus::open ||
            keep_fit(interaction, p, settings, zone) != KeepFit::keeps) {
            continue;
        }
        if (!best || p.latest < best->latest || (p.latest == best->latest && p.id < best->id)) {
            best = p;
        }
    }
    return best;
}

std::string keep_fit_reason(KeepFit fit, const Promise& promise, const Interaction& interaction)
{
    const std::string ref = promise_ref(promise.id);
    switch (fit) {
    case KeepFit::keeps:
        return {};
    case KeepFit::not_an_attempt:
        return fmt::format("a {} keeps no promise", interaction.kind);
    case KeepFit::early_step:
        return fmt::format("{} is a playbook step; its window opens later", ref);
    case KeepFit::inbound:
        return "they reached out; that keeps no promise of yours";
    case KeepFit::wrong_channel:
        return fmt::format("{} is a promised {}; this was {}", ref, promise.via,
                           kind_phrase(interaction.kind));
    case KeepFit::early_agreed:
        return fmt::format("{} is an agreed time; this was early", ref);
    case KeepFit::too_early:
        return fmt::format("{} opens more than {} working days later", ref, k_early_workdays);
    case KeepFit::not_yet_made:
        return fmt::format("{} was made after this", ref);
    case KeepFit::same_conversation:
        return fmt::format("{} was made less than an hour before and its window opens later", ref);
    }
    return {};
}

Recomputed recompute_verdicts(Store& store, Id contact_id, const ChangeContext& context)
{
    std::vector<Promise> promises = store.promises_of(contact_id);
    const std::vector<Interaction> interactions =
        interactions_of(store, contact_id); // oldest first

    // Replayed: what interactions decide (kept, late, cancelled by a "no") and what is still open.
    // Renegotiated, broken and cancelled-by-hand promises were ended by the user and stay.
    const auto replayed = [](const Promise& p) {
        return p.status == PromiseStatus::open || p.status == PromiseStatus::kept ||
               p.status == PromiseStatus::late ||
               (p.status == PromiseStatus::cancelled && closes_contact(p.reason));
    };
    std::map<Id, Promise> before;
    std::vector<Promise> open;
    for (Promise& p : promises) {
        if (replayed(p)) {
            before.emplace(p.id, p);
            p.status = PromiseStatus::open;
            p.resolved_at.reset();
            p.reason.clear();
            open.push_back(p);
        }
    }
    std::vector<Id> chosen; // promises an interaction was told to keep: the rules leave them to it
    for (const Interaction& i : interactions) {
        if (i.keeps == KeepChoice::chosen && i.chosen_promise && is_attempt(i.kind)) {
            chosen.push_back(*i.chosen_promise);
        }
    }
    const auto is_chosen = [&](Id id) {
        return std::find(chosen.begin(), chosen.end(), id) != chosen.end();
    };
    std::map<Id, std::optional<Id>> links; // interaction -> promise kept
    std::map<Id, Promise> after;
    // Ends a replayed promise; returns the position after it in `open`.
    const auto end = [&](std::vector<Promise>::iterator it, PromiseStatus status, Instant at,
                         std::string reason) {
        Promise done = *it;
        done.status = status;
        done.resolved_at = at;
        done.reason = std::move(reason);
        after.emplace(done.id, done);
        return open.erase(it);
    };
    for (const Interaction& i : interactions) {
        if (closes_contact(i.outcome)) {
            links[i.id] = std::nullopt;
            for (auto it = open.begin(); it != open.end();) {
                if (it->made_at <= i.at) {
                    it = end(it, PromiseStatus::cancelled, i.at, i.outcome);
                } else {
                    ++it;
                }
            }
            continue;
        }
        auto kept = open.end();
        if (i.keeps == KeepChoice::chosen && i.chosen_promise && is_attempt(i.kind)) {
            kept = std::find_if(open.begin(), open.end(), [&](const Promise& p) {
                return p.id == *i.chosen_promise && p.made_at <= i.at;
            });
        } else if (i.keeps == KeepChoice::automatic) {
            std::vector<Promise> candidates;
            std::copy_if(open.begin(), open.end(), std::back_inserter(candidates),
                         [&](const Promise& p) { return !is_chosen(p.id); });
            if (const auto best =
                    promise_kept_by(i, candidates, context.settings, context.user_zone)) {
                kept = std::find_if(open.begin(), open.end(),
                                    [&](const Promise& p) { return p.id == best->id; });
            }
        }
        if (kept == open.end()) {
            links[i.id] = std::nullopt;
            continue;
        }
        links[i.id] = kept->id;
        end(kept, keeping_status(*kept, i.at), i.at, "");
    }
    for (const Promise& p : open) {
        after.emplace(p.id, p);
    }

    Recomputed result;
    for (const auto& [id, now_state] : after) {
        const Promise& was = before.at(id);
        if (was.status == now_state.status && was.resolved_at == now_state.resolved_at &&
            was.reason == now_state.reason) {
            continue;
        }
        store.update_promise(now_state);
        if (now_state.status == PromiseStatus::open) {
            result.reopened.push_back(now_state);
        } else if (now_state.status == PromiseStatus::cancelled) {
            result.cancelled.push_back(now_state);
        } else {
            result.kept.push_back(now_state);
        }
    }
    for (Interaction i : interactions) {
        if (i.promise_id != links[i.id]) {
            i.promise_id = links[i.id];
            store.update_interaction(i);
        }
    }
    return result;
}

} // namespace fu
