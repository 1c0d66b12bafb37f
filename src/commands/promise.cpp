// src/commands/promise.cpp — `fu promise`: write the promise down the moment you hang up.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/contacts.hpp"
#include "fu/store.hpp"

namespace fu::commands {
namespace {

struct PromiseOptions {
    std::string contact;
    std::vector<std::string> words;
    PromiseTerms terms;
};

int run_promise(const PromiseOptions& opt, Env& env)
{
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write();
    const Contact contact = find_contact(store, opt.contact);
    Promise promise = new_promise(contact, opt.words, opt.terms, env);
    record_promise(store, contact, promise, env);
    transaction.commit();

    if (!print_json_if_asked(env, promise_json(*store.promise(promise.id), contact, env)) &&
        !env.output.quiet) {
        env.out << promised_line(promise, contact, env) << '\n';
    }
    return k_exit_ok;
}

} // namespace

Handler setup_promise(CLI::App& command)
{
    auto opt = std::make_shared<PromiseOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name")->required();
    command.add_option("WHEN", opt->words, "When, e.g. tomorrow afternoon, eod, in a day or so")->required();
    command.add_option("--about", opt->terms.about, "The purpose of the follow-up");
    command.add_flag("--agreed", opt->terms.agreed, "The customer agreed this time (be punctual)");
    command.add_option("--via", opt->terms.via, "call, email, text or visit (default: call)");
    return [opt](Env& env) { return run_promise(*opt, env); };
}

} // namespace fu::commands
