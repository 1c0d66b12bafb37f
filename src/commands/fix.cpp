// src/commands/fix.cpp — `fu fix`: correct or delete an interaction, or correct a promise.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

struct FixOptions {
    std::string ref;
    // An interaction.
    std::optional<std::string> kind, outcome, note, contact;
    std::vector<std::string> at;
    bool inbound = false;
    bool outbound = false;
    bool remove = false;
    std::optional<std::string> promise;
    bool aside = false;
    // A promise.
    std::optional<std::string> about, via;
    bool agreed = false;
    bool not_agreed = false;
};

void print_verdicts(const Recomputed& verdicts, Env& env)
{
    for (const Promise& p : verdicts.reopened) {
        env.out << fmt::format("{} is open again.\n", promise_ref(p.id));
    }
    for (const Promise& p : verdicts.kept) {
        env.out << fmt::format("{} is now {}.\n", promise_ref(p.id),
                               p.status == PromiseStatus::kept ? "kept on time" : "kept late");
    }
    for (const Promise& p : verdicts.cancelled) {
        env.out << fmt::format("{} is cancelled (a \"{}\" ends follow-up).\n", promise_ref(p.id),
                               p.reason);
    }
}

Json verdicts_json(const Recomputed& verdicts)
{
    Json reopened = Json::array();
    for (const Promise& p : verdicts.reopened) {
        reopened.push(p.id);
    }
    Json kept = Json::array();
    for (const Promise& p : verdicts.kept) {
        kept.push(p.id);
    }
    Json cancelled = Json::array();
    for (const Promise& p : verdicts.cancelled) {
        cancelled.push(p.id);
    }
    return Json::object()
        .set("reopened", std::move(reopened))
        .set("kept", std::move(kept))
        .set("cancelled", std::move(cancelled));
}

int fix_interaction(const FixOptions& opt, Id id, Env& env)
{
    if (opt.about || opt.via || opt.agreed || opt.not_agreed) {
        throw usage_error("--about, --via, --agreed and --not-agreed correct a promise (p12), not "
                          "an interaction");
    }
    if (opt.inbound && opt.outbound) {
        throw usage_error("--in and --out contradict each other");
    }
    const bool nothing = !opt.kind && !opt.outcome && !opt.note && !opt.contact && opt.at.empty() &&
                         !opt.inbound && !opt.outbound && !opt.promise && !opt.aside;
    if (opt.remove && !nothing) {
        throw usage_error("--delete deletes the interaction; it takes no corrections");
    }
    if (!opt.remove && nothing) {
        throw usage_error("nothing to correct",
                          "give e.g. --kind, --outcome, --note, --at or --contact; or --delete");
    }
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const auto found = store.interaction(id);
    if (!found) {
        throw not_found_error(fmt::format("there is no interaction {}", interaction_ref(id)),
                              "fu log lists the interactions");
    }
    InteractionCorrected result;
    if (opt.remove) {
        result = delete_interaction(store, *found, env.change_context());
    } else {
        InteractionCorrection correction;
        correction.kind = opt.kind;
        correction.outcome = opt.outcome;
        correction.note = opt.note;
        if (!opt.at.empty()) {
            correction.at = happened_at(opt.at, env);
        }
        if (opt.contact) {
            correction.contact_id = find_contact(store, *opt.contact, ContactScope::any).id;
        }
        if (opt.inbound || opt.outbound) {
            correction.inbound = opt.inbound;
        }
        if (opt.promise) {
            correction.promise = parse_promise_ref(*opt.promise);
        }
        correction.aside = opt.aside;
        result = correct_interaction(store, *found, correction, env.change_context());
    }
    const Contact contact = store.contact(result.interaction.contact_id).value_or(Contact{});
    transaction.commit();

    if (env.json()) {
        Json json = interaction_json(result.interaction, contact, env);
        json.set("deleted", opt.remove)
            .set("changed", result.changed)
            .set("verdicts", verdicts_json(result.verdicts))
            .write(env.out);
        return k_exit_ok;
    }
    if (!env.output.quiet && !result.changed) {
        env.out << fmt::format("Nothing changed: {} already says so.\n", interaction_ref(id));
    } else if (!env.output.quiet) {
        env.out << fmt::format("{} {} ({} with {}, {})  (fu undo takes it back)\n",
                               opt.remove ? "Deleted" : "Corrected", interaction_ref(id),
                               result.interaction.kind, contact.name,
                               human_time(result.interaction.at, env.user_zone(), env.now));
        print_verdicts(result.verdicts, env);
    }
    return k_exit_ok;
}

int fix_promise(const FixOptions& opt, Id id, Env& env)
{
    if (opt.kind || opt.outcome || opt.note || opt.contact || !opt.at.empty() || opt.inbound ||
        opt.outbound || opt.remove || opt.promise || opt.aside) {
        throw usage_error(
            "--kind, --outcome, --note, --at, --contact, --in, --out, --promise, --aside and "
            "--delete correct an interaction (i31), not a promise",
            "to drop a promise: fu cancel CONTACT --promise " + promise_ref(id));
    }
    if (opt.agreed && opt.not_agreed) {
        throw usage_error("--agreed and --not-agreed contradict each other");
    }
    if (!opt.about && !opt.via && !opt.agreed && !opt.not_agreed) {
        throw usage_error("nothing to correct", "give --about, --via, --agreed or --not-agreed");
    }
    PromiseCorrection correction;
    correction.about = opt.about;
    correction.via = opt.via;
    if (opt.agreed || opt.not_agreed) {
        correction.agreed = opt.agreed;
    }
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const auto found = store.promise(id);
    if (!found) {
        throw not_found_error(fmt::format("there is no promise {}", promise_ref(id)),
                              "fu show CONTACT lists them");
    }
    const PromiseCorrected result =
        correct_promise(store, *found, correction, env.change_context());
    const Contact contact = store.contact(result.promise.contact_id).value_or(Contact{});
    transaction.commit();

    if (env.json()) {
        promise_json(store, result.promise, contact, env)
            .set("changed", result.changed)
            .set("verdicts", verdicts_json(result.verdicts))
            .write(env.out);
        return k_exit_ok;
    }
    if (!env.output.quiet && !result.changed) {
        env.out << fmt::format("Nothing changed: {} already says so.\n", promise_ref(id));
    } else if (!env.output.quiet) {
        env.out << fmt::format(
            "Corrected {} ({} {}{}{})  (fu undo takes it back)\n", promise_ref(id),
            channel_phrase(result.promise.via), window_text(result.promise, contact, env),
            result.promise.agreed ? ", agreed" : "",
            result.promise.about.empty() ? "" : " — about " + result.promise.about);
        print_verdicts(result.verdicts, env);
    }
    return k_exit_ok;
}

int run_fix(const FixOptions& opt, Env& env)
{
    const auto ref = parse_ref(opt.ref);
    if (!ref || ref->kind == RefKind::change) {
        throw usage_error(
            fmt::format("\"{}\" names no interaction or promise", opt.ref),
            "interactions are written like i31 (fu log), promises like p12 (fu show CONTACT)");
    }
    return ref->kind == RefKind::interaction ? fix_interaction(opt, ref->id, env)
                                             : fix_promise(opt, ref->id, env);
}

} // namespace

Handler setup_fix(CLI::App& command)
{
    auto opt = std::make_shared<FixOptions>();
    command.add_option("REF", opt->ref, "The interaction (i31) or promise (p12) to correct")
        ->required();
    command.add_option("--kind", opt->kind,
                       "Interaction: call, voicemail, email, text, meeting, visit or note");
    command.add_option("--outcome", opt->outcome, "Interaction: the outcome");
    command.add_option("--note", opt->note, "Interaction: what was said");
    command.add_option("--at", opt->at, "Interaction: when it happened");
    command.add_option("--contact", opt->contact, "Interaction: the contact it was really with");
    command.add_flag("--in", opt->inbound, "Interaction: they reached out");
    command.add_flag("--out", opt->outbound, "Interaction: you reached out");
    command.add_option("--promise", opt->promise, "Interaction: the promise it kept, e.g. p12");
    command.add_flag("--aside", opt->aside, "Interaction: it kept no promise");
    command.add_flag("--delete", opt->remove, "Interaction: delete it (logged by mistake)");
    command.add_option("--about", opt->about, "Promise: the purpose");
    command.add_option("--via", opt->via, "Promise: call, email, text or visit");
    command.add_flag("--agreed", opt->agreed, "Promise: the customer agreed the time");
    command.add_flag("--not-agreed", opt->not_agreed, "Promise: the time was not agreed");
    return [opt](Env& env) { return run_fix(*opt, env); };
}

} // namespace fu::commands
