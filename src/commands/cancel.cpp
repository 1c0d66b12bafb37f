// src/commands/cancel.cpp — `fu cancel`: drop an open promise that is no longer needed.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/contacts.hpp"
#include "fu/store.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

struct CancelOptions {
    std::string contact;
    std::string reason;
    std::optional<std::string> promise;
};

int run_cancel(const CancelOptions& opt, Env& env)
{
    const std::optional<Id> named = promise_named(opt.contact, opt.promise);
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, opt.contact);
    const Promise open = choose_open_promise(store, contact, named, env, "cancel");
    const Cancelled cancelled = cancel_promise(store, open, opt.reason, env.change_context());
    const Promise& promise = cancelled.promise;
    transaction.commit();

    if (!print_json_if_asked(env, promise_json(store, *store.promise(promise.id), contact, env)) &&
        !env.output.quiet) {
        env.out << fmt::format("Cancelled {} for {} ({})\n", promise_ref(promise.id), name_and_company(contact),
                               window_text(promise, contact, env));
        if (cancelled.plan) {
            print_plan_advanced(*cancelled.plan, contact, env);
        }
    }
    return k_exit_ok;
}

} // namespace

Handler setup_cancel(CLI::App& command)
{
    auto opt = std::make_shared<CancelOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name; or the promise, e.g. p12")->required();
    command.add_option("--reason", opt->reason, "Why it is no longer needed");
    command.add_option("--promise", opt->promise, "Which open promise, e.g. p12 (needed when there are several)");
    return [opt](Env& env) { return run_cancel(*opt, env); };
}

} // namespace fu::commands
