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
    std::optional<Id> promise;
    std::vector<std::string> next;
    PromiseTerms next_terms;
    std::string next_via;
    // Listing.
    std::vector<std::string> since;
    std::string contact_filter;
    int limit = 0;
};

// The start of what the words name, looking back (for --since).
Instant since_moment(const std::vector<std::string>& words, const Env& env)
{
    const Window window = resolve(join(words, " "), env.now, env.user_zone(), env.settings, TimeDirection::past);
    print_notices(env, window.notices);
    return window.earliest;
}

// When something happened (--at). A whole day ("yesterday") names no moment: fu takes the start of
// that day's working window (or now, if that is later) and says so.
Instant at_moment(const std::vector<std::string>& words, const Env& env)
{
    const auto& zone = env.user_zone();
    const Window window = resolve(join(words, " "), env.now, zone, env.settings, TimeDirection::past);
    print_notices(env, window.notices);
    if (window.earliest != start_of_local_day(window.earliest, zone) || window.latest - window.earliest < std::chrono::hours{20}) {
        return window.earliest;
    }
    const auto day = date::floor<date::days>(zone.to_local(window.earliest));
    const auto work_start = day + std::chrono::minutes{env.settings.day.start_minute};
    Instant at = window.earliest;
    try {
        at = zone.to_sys(work_start, date::choose::earliest);
    } catch (const std::exception&) { // the start of the day does not exist: keep midnight
    }
    at = std::min(at, env.now);
    env.err << fmt::format("note: no time given; logging it at {}\n", human_time(at, zone, env.now));
    return at;
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
    const auto interactions = store.list_interactions(filter);
    std::map<Id, Contact> contacts;
    const auto contact_of = [&](Id id) -> const Contact& {
        auto found = contacts.find(id);
        if (found == contacts.end()) {
            found = contacts.emplace(id, store.contact(id).value_or(Contact{})).first;
        }
        return found->second;
    };
    if (env.json()) {
        Json list = Json::array();
        for (const auto& i : interactions) {
            list.push(interaction_json(i, contact_of(i.contact_id), env));
        }
        list.write(env.out);
        return k_exit_ok;
    }
    if (interactions.empty() && env.human()) {
        env.out << (filter.contact_id || filter.since ? "No interactions match.\n"
                                                      : "Nothing logged yet. After a call: fu log NAME [voicemail|email|…]\n");
        return k_exit_ok;
    }
    Table table;
    table.keys = {"id", "at", "contact_id", "contact", "kind", "outcome", "note", "promise"};
    table.headings = {"ID", "WHEN", "", "CONTACT", "KIND", "OUTCOME", "NOTE", "PROMISE"};
    table.shrinkable = {6, 3};
    for (const auto& i : interactions) {
        const std::string when = env.human() ? human_time(i.at, env.user_zone(), env.now) : iso8601(i.at, env.user_zone());
        const std::string promise = i.promise_id ? (env.human() ? "#" : "") + std::to_string(*i.promise_id) : "";
        table.rows.push_back({std::to_string(i.id), when, env.human() ? "" : std::to_string(i.contact_id),
                              contact_of(i.contact_id).name, i.kind, i.outcome, i.note, promise});
    }
    print_table(env.out, table, env.output);
    return k_exit_ok;
}

int record_interaction(const LogOptions& opt, Env& env)
{
    const std::string kind = opt.kind.empty() ? "call" : known_word(opt.kind, interaction_kinds(), "kind");
    const std::string outcome = opt.outcome.empty() ? default_outcome(kind)
                                                    : known_word(opt.outcome, interaction_outcomes(), "outcome");
    check_text("the note", opt.note, std::size_t{64} * 1024, true);
    if (!opt.next.empty() && closes_contact(outcome)) {
        throw usage_error(fmt::format("--next with \"{}\": there is no next step with a contact who said no", outcome),
                          "leave out --next, or log another outcome");
    }

    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write();
    const Contact contact = find_contact(store, opt.contact);
    const Instant at = opt.at.empty() ? env.now : at_moment(opt.at, env);
    if (at > env.now) {
        throw usage_error("--at is in the future", "log what happened; promise what will happen (fu promise)");
    }
    // Resolve --next before writing anything, so a bad phrase records nothing.
    std::optional<Promise> next;
    if (!opt.next.empty()) {
        PromiseTerms terms = opt.next_terms;
        if (!opt.next_via.empty()) {
            terms.via = opt.next_via;
        }
        next = new_promise(contact, opt.next, terms, env);
    }

    Interaction interaction;
    interaction.contact_id = contact.id;
    interaction.at = at;
    interaction.kind = kind;
    interaction.outcome = outcome;
    interaction.note = opt.note;

    std::optional<Promise> kept;
    if (opt.promise) {
        if (!is_attempt(kind)) {
            throw usage_error("a note keeps no promise", "log the call, email, … that kept it");
        }
        kept = target_promise(store, contact, opt.promise);
    } else if (is_attempt(kind)) {
        kept = promise_kept_by(store.open_promises(contact.id), at);
    }
    if (kept) {
        kept->status = keeping_status(*kept, at);
        kept->resolved_at = at;
        store.resolve_promise(kept->id, kept->status, at, "");
        interaction.promise_id = kept->id;
    }
    interaction.id = store.add_interaction(interaction);

    std::vector<Promise> cancelled;
    if (closes_contact(outcome)) {
        for (const Promise& p : store.open_promises(contact.id)) {
            store.resolve_promise(p.id, PromiseStatus::cancelled, at, outcome);
            cancelled.push_back(p);
        }
        store.set_closed(contact.id, at);
    } else if (contact.closed_at && is_attempt(kind) && !next) {
        store.set_closed(contact.id, std::nullopt);
        env.err << fmt::format("note: {} had said no; this puts them back in follow-up\n", contact.name);
    }
    if (next) {
        record_promise(store, contact, *next, env);
    }
    const AttemptSummary summary = summarize_attempts(interactions_of(store, contact.id));
    transaction.commit();

    if (summary.unanswered_run >= env.settings.give_up_after && is_unanswered(outcome)) {
        env.err << fmt::format("note: {} unanswered attempts in a row; decide: keep trying cheerfully, "
                               "or stop (fu log {} note --outcome lost)\n",
                               summary.unanswered_run, contact.id);
    }

    if (env.json()) {
        Json json = interaction_json(interaction, contact, env);
        const Contact after = store.contact(contact.id).value_or(contact);
        json.set("kept", kept ? promise_json(*store.promise(kept->id), after, env) : Json());
        json.set("next", next ? promise_json(*store.promise(next->id), after, env) : Json());
        Json cancelled_ids = Json::array();
        for (const Promise& p : cancelled) {
            cancelled_ids.push(p.id);
        }
        json.set("cancelled", std::move(cancelled_ids));
        json.set("unanswered", summary.unanswered_run);
        json.write(env.out);
        return k_exit_ok;
    }
    if (env.output.quiet) {
        return k_exit_ok;
    }
    std::string line = fmt::format("Logged {} with {}", kind, name_and_company(contact));
    if (!outcome.empty()) {
        line += fmt::format(" ({})", outcome);
    }
    if (at != env.now) {
        line += " at " + human_time(at, env.user_zone(), env.now);
    }
    if (kept) {
        line += kept->status == PromiseStatus::kept
                    ? fmt::format(" — kept promise #{} on time", kept->id)
                    : fmt::format(" — kept promise #{} late ({} after the window)", kept->id,
                                  short_duration(at - kept->latest));
    }
    line += fmt::format("  [#{}]", interaction.id);
    env.out << line << '\n';
    if (summary.unanswered_run > 0 && summary.unanswered_run < env.settings.give_up_after &&
        is_unanswered(outcome)) {
        env.out << fmt::format("{} unanswered in a row — keep it friendly.\n", summary.unanswered_run);
    }
    if (!cancelled.empty()) {
        env.out << fmt::format("Cancelled {} open promise{}; {} is out of follow-up.\n", cancelled.size(),
                               cancelled.size() == 1 ? "" : "s", contact.name);
    } else if (closes_contact(outcome)) {
        env.out << fmt::format("{} is out of follow-up.\n", contact.name);
    }
    if (next) {
        env.out << promised_line(*next, contact, env) << '\n';
    } else if (!closes_contact(outcome) && outcome != "won" && store.open_promises(contact.id).empty() &&
               is_attempt(kind)) {
        env.out << fmt::format("No next step with {} yet: fu promise {} WHEN\n", contact.name, contact.id);
    }
    return k_exit_ok;
}

int run_log(const LogOptions& opt, Env& env)
{
    if (opt.contact.empty()) {
        if (!opt.kind.empty() || !opt.outcome.empty() || !opt.note.empty() || !opt.at.empty() ||
            opt.promise || !opt.next.empty()) {
            throw usage_error("which contact?", "fu log CONTACT [KIND] [--outcome …]");
        }
        return list_interactions(opt, env);
    }
    if (opt.next.empty() && (!opt.next_terms.about.empty() || opt.next_terms.agreed || !opt.next_via.empty())) {
        throw usage_error("--about, --agreed and --via describe the next step; they need --next WHEN",
                          "e.g. fu log ada --next tomorrow afternoon --about \"the quote\"");
    }
    if (!opt.since.empty() || !opt.contact_filter.empty() || opt.limit != 0) {
        throw usage_error("--since, --contact and --limit list interactions; they do not go with a CONTACT",
                          "fu log --contact NAME lists one contact's interactions");
    }
    return record_interaction(opt, env);
}

} // namespace

Handler setup_log(CLI::App& command)
{
    auto opt = std::make_shared<LogOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name (none: list interactions)");
    command.add_option("KIND", opt->kind, "call (default), voicemail, email, text, meeting, visit or note");
    command.add_option("--outcome", opt->outcome,
                       "reached, no-answer, left-message, sent, replied, not-interested, won or lost");
    command.add_option("--note", opt->note, "What was said");
    command.add_option("--at", opt->at, "When it happened (default: now), e.g. 10:30, yesterday 3pm");
    command.add_option("--promise", opt->promise, "The open promise this keeps (default: the one closing first)");
    command.add_option("--next", opt->next, "Agree the next step now: a time phrase");
    command.add_option("--about", opt->next_terms.about, "With --next: the purpose of the next follow-up");
    command.add_flag("--agreed", opt->next_terms.agreed, "With --next: the customer agreed the time");
    command.add_option("--via", opt->next_via, "With --next: call, email, text or visit");
    command.add_option("--since", opt->since, "Listing: interactions since this time");
    command.add_option("--contact", opt->contact_filter, "Listing: one contact's interactions");
    command.add_option("--limit", opt->limit, "Listing: at most N interactions");
    return [opt](Env& env) { return run_log(*opt, env); };
}

} // namespace fu::commands
