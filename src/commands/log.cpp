// src/commands/log.cpp — `fu log`: record an interaction (keeping a promise), or list them.
#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/agenda.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"

namespace fu::commands {
namespace {

struct LogOptions {
    std::string contact;
    std::string kind;
    std::string outcome;
    std::string note;
    std::vector<std::string> at;
    std::optional<std::string> promise;
    bool inbound = false;
    bool aside = false;
    std::vector<std::string> next;
    PromiseTerms next_terms;
    std::string next_via;
    bool plan = false;
    // Listing.
    std::vector<std::string> since;
    std::string contact_filter;
    std::string search;
    int limit = 0;
    bool limit_given = false;
};

// The start of what the words name, looking back (for --since).
Instant since_moment(const std::vector<std::string>& words, const Env& env)
{
    const Window window = resolve(join(words, " "), env.now, env.user_zone(), env.settings, TimeDirection::past);
    print_notices(env, window.notices);
    return window.earliest;
}

int list_interactions(const LogOptions& opt, Env& env)
{
    if (opt.limit < 0) {
        throw usage_error(fmt::format("--limit must be 0 or more, not {}", opt.limit));
    }
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    InteractionFilter filter;
    filter.limit = opt.limit;
    if (!opt.contact_filter.empty()) {
        filter.contact_id = find_contact(store, opt.contact_filter, ContactScope::any).id;
        filter.include_archived = true;
    }
    if (!opt.since.empty()) {
        filter.since = since_moment(opt.since, env);
    }
    if (!opt.search.empty()) {
        check_text("the search text", opt.search, 1000);
        filter.search = opt.search;
    }
    if (env.json()) {
        JsonArrayStream list(env.out);
        store.each_interaction(filter, [&](Interaction& i, Contact& c) { list.push(interaction_json(i, c, env)); });
        list.finish();
        return k_exit_ok;
    }
    const std::vector<std::string> keys{"id", "at", "contact_id", "contact", "kind", "outcome", "note", "promise"};
    const auto cells = [&](const Interaction& i, const Contact& c) {
        const std::string when = env.human() ? human_time(i.at, env.user_zone(), env.now) : iso8601(i.at, env.user_zone());
        const std::string promise =
            i.promise_id ? (env.human() ? promise_ref(*i.promise_id) : std::to_string(*i.promise_id)) : "";
        return std::vector<std::string>{env.human() ? interaction_ref(i.id) : std::to_string(i.id), when,
                                        env.human() ? "" : std::to_string(i.contact_id), c.name, i.kind, i.outcome,
                                        i.note, promise};
    };
    if (!env.human()) {
        DelimitedStream rows(env.out, keys, env.output.format);
        store.each_interaction(filter, [&](Interaction& i, Contact& c) { rows.row(cells(i, c)); });
        return k_exit_ok;
    }
    // A person reads the newest rows; the rest is counted.
    filter.limit = opt.limit_given ? opt.limit : k_human_rows;
    Table table;
    table.keys = keys;
    table.headings = {"ID", "WHEN", "", "CONTACT", "KIND", "OUTCOME", "NOTE", "PROMISE"};
    table.shrinkable = {6, 3};
    store.each_interaction(filter, [&](Interaction& i, Contact& c) { table.rows.push_back(cells(i, c)); });
    if (table.rows.empty()) {
        env.out << (filter.contact_id || filter.since || !filter.search.empty() ? "No interactions match.\n"
                                                      : "Nothing logged yet. After a call: fu log NAME [voicemail|email|…]\n");
        return k_exit_ok;
    }
    print_table(env.out, table, env.output);
    print_rest(env.out, table.rows.size(), filter.limit,
               [&] { return store.count_interactions(filter); });
    return k_exit_ok;
}

// "kept p24 on time", "kept p24 late (2h after the window)".
std::string kept_text(const Promise& kept, Instant at)
{
    return kept.status == PromiseStatus::kept
               ? fmt::format("kept {} on time", promise_ref(kept.id))
               : fmt::format("kept {} late ({} after the window)", promise_ref(kept.id), short_duration(at - kept.latest));
}

void print_logged(const Logged& logged, const Contact& contact, Env& env)
{
    const Interaction& i = logged.interaction;
    std::string line = fmt::format("Logged {} with {}", i.kind, name_and_company(contact));
    if (!i.outcome.empty()) {
        line += fmt::format(" ({})", i.outcome);
    }
    if (i.at != env.now) {
        line += " at " + human_time(i.at, env.user_zone(), env.now);
    }
    line += fmt::format("  [{}]", interaction_ref(i.id));
    env.out << line << '\n';
    if (logged.kept && i.keeps == KeepChoice::chosen) {
        env.out << fmt::format("It {} — {}.\n", kept_text(*logged.kept, i.at), window_text(*logged.kept, contact, env));
    } else if (logged.kept) {
        env.out << fmt::format("It {} — {}. Not this one? fu fix {} --promise PROMISE (or --aside).\n",
                               kept_text(*logged.kept, i.at), window_text(*logged.kept, contact, env),
                               interaction_ref(i.id));
    } else if (logged.not_kept) {
        const Promise& open = *logged.not_kept;
        const std::string why = logged.not_kept_because == KeepFit::early_agreed
                                    ? fmt::format("you agreed {}; this was early", window_text(open, contact, env))
                                    : keep_fit_reason(logged.not_kept_because, open, i);
        if (logged.not_kept_because == KeepFit::not_an_attempt) {
            env.out << fmt::format("It kept no promise ({}); {} is still open.\n", why, promise_ref(open.id));
        } else {
            env.out << fmt::format("It kept no promise ({}); {} is still open. If it did: fu fix {} --promise {}\n",
                                   why, promise_ref(open.id), interaction_ref(i.id), promise_ref(open.id));
        }
    } else if (i.keeps == KeepChoice::aside) {
        env.out << "It kept no promise (--aside).\n";
    }
    if (logged.keep_it_friendly) {
        env.out << fmt::format("{} unanswered in a row — keep it friendly.\n", logged.attempts.unanswered_run);
    }
    if (!logged.cancelled.empty() && !logged.out_of_follow_up) {
        env.out << fmt::format("Cancelled {} (the playbook's open step).\n", promise_ref(logged.cancelled.front().id));
    } else if (!logged.cancelled.empty()) {
        std::vector<std::string> refs;
        for (const Promise& p : logged.cancelled) {
            refs.push_back(promise_ref(p.id));
        }
        env.out << fmt::format("Cancelled {} ({}); {} is out of follow-up.\n", join(refs, ", "),
                               logged.cancelled.size() == 1 ? "its open promise" : "its open promises", contact.name);
    } else if (logged.out_of_follow_up) {
        env.out << fmt::format("{} is out of follow-up.\n", contact.name);
    }
    if (logged.plan) {
        print_plan_advanced(*logged.plan, contact, env);
    }
    if (logged.plan_ended) {
        env.out << fmt::format("Playbook {} ended.\n", logged.plan_ended->playbook);
    }
    if (logged.next) {
        env.out << promised_line(logged.next->promise, contact, env) << '\n';
    }
    if (logged.started) {
        env.out << fmt::format("Started {}: ", logged.started->plan.playbook)
                << step_line(logged.started->first.promise, logged.started->plan, contact, env) << '\n';
    } else if (!logged.offer_playbook.empty()) {
        env.out << fmt::format("Won! Now the follow-up after the sale: fu plan {} {}\n", contact.id,
                               logged.offer_playbook);
    } else if (!logged.next && logged.needs_next_step) {
        env.out << fmt::format("No next step with {} yet: fu promise {} WHEN\n", contact.name, contact.id);
    }
}

int record_interaction(const LogOptions& opt, Env& env)
{
    LogRequest request;
    request.kind = opt.kind;
    request.outcome = opt.outcome;
    request.note = opt.note;
    request.inbound = opt.inbound;
    request.aside = opt.aside;
    request.promise = promise_named(opt.contact, opt.promise);
    request.plan = opt.plan;
    if (!opt.next.empty()) {
        request.next = PromiseRequest{join(opt.next, " "), opt.next_terms.about, opt.next_terms.agreed,
                                      opt.next_via.empty() ? opt.next_terms.via : opt.next_via};
    }

    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, opt.contact);
    if (!opt.at.empty()) {
        request.at = happened_at(opt.at, env);
    }
    const Logged logged = log_interaction(store, contact, request, env.change_context());
    transaction.commit();

    print_warnings(env, logged.crowding);
    if (logged.next) {
        print_notices(env, logged.next->notices);
        print_warnings(env, logged.next->crowding);
    }
    if (logged.started) {
        print_notices(env, logged.started->first.notices);
    }
    if (logged.back_in_follow_up) {
        env.err << fmt::format("note: {} had said no; this puts them back in follow-up\n", contact.name);
    }
    if (logged.time_to_decide) {
        env.err << fmt::format("note: {} unanswered attempts in a row; decide: keep trying cheerfully, "
                               "park it (fu promise {} in 3 months), or stop "
                               "(fu log {} note --outcome lost)\n",
                               logged.attempts.unanswered_run, contact.id, contact.id);
    }
    if (env.json()) {
        const Contact after = store.contact(contact.id).value_or(contact);
        Json json = interaction_json(logged.interaction, after, env);
        json.set("kept", logged.kept ? promise_json(store, *store.promise(logged.kept->id), after, env) : Json());
        json.set("not_kept", logged.not_kept ? Json(keep_fit_reason(logged.not_kept_because, *logged.not_kept,
                                                                     logged.interaction))
                                             : Json());
        json.set("next", logged.next ? promise_json(store, *store.promise(logged.next->promise.id), after, env) : Json());
        Json cancelled_ids = Json::array();
        for (const Promise& p : logged.cancelled) {
            cancelled_ids.push(p.id);
        }
        json.set("cancelled", std::move(cancelled_ids));
        json.set("unanswered", logged.attempts.unanswered_run);
        Json plan;
        if (logged.started) {
            plan = plan_json(logged.started->plan, 1, env);
        } else if (logged.plan) {
            plan = plan_json(logged.plan->plan, logged.plan->next ? logged.plan->next->promise.plan_step : 0, env);
        } else if (logged.plan_ended) {
            plan = plan_json(*logged.plan_ended, 0, env);
        }
        json.set("plan", std::move(plan));
        json.set("plan_step", logged.started       ? promise_json(store, *store.promise(logged.started->first.promise.id), after, env)
                              : logged.plan && logged.plan->next ? promise_json(store, *store.promise(logged.plan->next->promise.id), after, env)
                                                                 : Json());
        json.set("offer_playbook", logged.offer_playbook.empty() ? Json() : Json(logged.offer_playbook));
        Json warnings = Json::array();
        for (const auto& w : logged.crowding) {
            warnings.push(w);
        }
        if (logged.next) {
            for (const auto& w : logged.next->crowding) {
                warnings.push(w);
            }
        }
        json.set("warnings", std::move(warnings));
        json.write(env.out);
        return k_exit_ok;
    }
    if (!env.output.quiet) {
        print_logged(logged, contact, env);
    }
    return k_exit_ok;
}

int run_log(const LogOptions& opt, Env& env)
{
    if (opt.contact.empty()) {
        if (!opt.kind.empty() || !opt.outcome.empty() || !opt.note.empty() || !opt.at.empty() ||
            opt.promise || opt.inbound || opt.aside || !opt.next.empty() || opt.plan) {
            throw usage_error("which contact?", "fu log CONTACT [KIND] [--outcome …]");
        }
        return list_interactions(opt, env);
    }
    if (opt.next.empty() && (!opt.next_terms.about.empty() || opt.next_terms.agreed || !opt.next_via.empty())) {
        throw usage_error("--about, --agreed and --via describe the next step; they need --next WHEN",
                          "e.g. fu log ada --next tomorrow afternoon --about \"the quote\"");
    }
    if (!opt.since.empty() || !opt.contact_filter.empty() || !opt.search.empty() || opt.limit_given) {
        throw usage_error("--since, --contact, --search and --limit list interactions; they do not go with a CONTACT",
                          "fu log --contact NAME lists one contact's interactions");
    }
    return record_interaction(opt, env);
}

} // namespace

Handler setup_log(CLI::App& command)
{
    auto opt = std::make_shared<LogOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name (none: list interactions)");
    command.add_option("KIND", opt->kind,
                       "call (default), voicemail, email, text, meeting, visit, note or reminder");
    command.add_option("--outcome", opt->outcome,
                       "reached, no-answer, left-message, sent, replied, not-interested, won, lost or not-now");
    command.add_option("--note", opt->note, "What was said");
    command.add_option("--at", opt->at, "When it happened (default: now), e.g. 10:30, yesterday 3pm");
    command.add_option("--promise", opt->promise,
                       "The open promise this keeps, e.g. p12 (default: by the keep rules)");
    command.add_flag("--aside", opt->aside, "It keeps no promise");
    command.add_flag("--in", opt->inbound, "They reached out (keeps no promise of yours by itself)");
    command.add_option("--next", opt->next, "Agree the next step now: a time phrase");
    command.add_option("--about", opt->next_terms.about, "With --next: the purpose of the next follow-up");
    command.add_flag("--agreed", opt->next_terms.agreed, "With --next: the customer agreed the time");
    command.add_option("--via", opt->next_via, "With --next: call, email, text or visit");
    command.add_flag("--plan", opt->plan, "With --outcome won: start the after-sale playbook (on_won) now");
    command.add_option("--since", opt->since, "Listing: interactions since this time");
    command.add_option("--contact", opt->contact_filter, "Listing: one contact's interactions");
    command.add_option("--search", opt->search, "Listing: interactions whose note has these words");
    command.add_option("--limit", opt->limit, "Listing: at most N interactions (0: all; a terminal shows 50 by default)")
        ->each([opt](const std::string&) { opt->limit_given = true; });
    return [opt](Env& env) { return run_log(*opt, env); };
}

} // namespace fu::commands
