// src/commands/remind.cpp — `fu remind`: the ready-to-send reminder of an agreed callback, in the
// customer's time, recorded as sent.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/store.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

struct RemindOptions {
    std::string contact;
    std::optional<std::string> promise;
    bool dry_run = false;
};

int run_remind(const RemindOptions& opt, Env& env)
{
    ReminderRequest request;
    request.promise = promise_named(opt.contact, opt.promise);
    request.record = !opt.dry_run;
    Store store = opt.dry_run ? Store::open_for_reading(env.db_path, env.settings.busy_timeout)
                              : Store::open_for_update(env.db_path, env.settings.busy_timeout);
    std::optional<Store::WriteTransaction> transaction;
    if (!opt.dry_run) {
        transaction.emplace(store, env.change_label());
    }
    const Contact contact = find_contact(store, opt.contact);
    const Reminded reminded = remind_customer(store, contact, request, env.change_context());
    if (transaction) {
        transaction->commit();
    }
    if (reminded.reminded_before) {
        env.err << fmt::format("note: {} was reminded of {} already ({})\n", contact.name,
                               promise_ref(reminded.promise.id),
                               human_time(*reminded.reminded_before, env.user_zone(), env.now));
    }
    if (env.json()) {
        Json json = Json::object();
        json.set("message", reminded.message);
        json.set("promise", promise_json(store, reminded.promise, contact, env));
        json.set("interaction_id", reminded.recorded ? Json(reminded.recorded->id) : Json());
        json.set("to", json_or_null(contact.email.empty() ? contact.phone : contact.email));
        json.write(env.out);
        return k_exit_ok;
    }
    env.out << reminded.message << '\n';
    if (!env.output.quiet && env.human()) {
        const std::string to = contact.email.empty() ? contact.phone : contact.email;
        env.err << fmt::format("note: {} for {}{}\n",
                               reminded.recorded
                                   ? fmt::format("recorded as sent ({})", interaction_ref(reminded.recorded->id))
                                   : std::string("not recorded (--dry-run)"),
                               promise_ref(reminded.promise.id), to.empty() ? "" : "; send it to " + to);
    }
    return k_exit_ok;
}

} // namespace

Handler setup_remind(CLI::App& command)
{
    auto opt = std::make_shared<RemindOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name; or the promise, e.g. p12")->required();
    command.add_option("--promise", opt->promise, "Which agreed window, e.g. p12 (default: the next one)");
    command.add_flag("--dry-run", opt->dry_run, "Only write the reminder; record nothing");
    return [opt](Env& env) { return run_remind(*opt, env); };
}

} // namespace fu::commands
