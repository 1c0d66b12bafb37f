// src/commands/reschedule.cpp — `fu reschedule`: renegotiate a window, ideally before it closes.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/agenda.hpp"
#include "fu/contacts.hpp"
#include "fu/store.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

struct RescheduleOptions {
    std::string contact;
    std::vector<std::string> words;
    std::string reason;
    std::optional<std::string> promise;
};

int run_reschedule(const RescheduleOptions& opt, Env& env)
{
    const std::optional<Id> named = promise_named(opt.contact, opt.promise);
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, opt.contact);
    const Promise open = choose_open_promise(store, contact, named, env, "reschedule");
    const Rescheduled result =
        reschedule_promise(store, contact, open, join(opt.words, " "), opt.reason, env.change_context());
    transaction.commit();
    print_notices(env, result.moved.notices);
    if (result.moved.back_in_follow_up) {
        env.err << fmt::format("note: {} had said no; this promise puts them back in follow-up\n", contact.name);
    }
    const Promise& old = result.previous;
    const Promise& moved = result.moved.promise;
    const PromiseStatus status = old.status;

    if (env.json()) {
        promise_json(store, *store.promise(moved.id), contact, env)
            .set("previous", promise_json(store, *store.promise(old.id), contact, env))
            .write(env.out);
        return k_exit_ok;
    }
    if (!env.output.quiet) {
        env.out << fmt::format("Moved {} to {}: {}\n", promise_ref(old.id), promise_ref(moved.id),
                               status == PromiseStatus::renegotiated
                                   ? "renegotiated in time — your word is kept"
                                   : "the old window had closed, so it counts as broken");
        env.out << promised_line(moved, contact, env) << '\n';
    }
    return k_exit_ok;
}

} // namespace

Handler setup_reschedule(CLI::App& command)
{
    auto opt = std::make_shared<RescheduleOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name; or the promise, e.g. p12")->required();
    command.add_option("WHEN", opt->words, "The new window, e.g. tomorrow afternoon")->required();
    command.add_option("--reason", opt->reason, "Why it moved");
    command.add_option("--promise", opt->promise, "Which open promise, e.g. p12 (needed when there are several)");
    return [opt](Env& env) { return run_reschedule(*opt, env); };
}

} // namespace fu::commands
