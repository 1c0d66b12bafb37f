// src/commands/promise.cpp — `fu promise`: write the promise down the moment you hang up.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/contacts.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"

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
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, opt.contact);
    const PromiseMade made = make_promise(
        store, contact, {join(opt.words, " "), opt.terms.about, opt.terms.agreed, opt.terms.via}, env.change_context());
    transaction.commit();
    print_notices(env, made.notices);
    print_warnings(env, made.crowding);
    if (made.back_in_follow_up) {
        env.err << fmt::format("note: {} had said no; this promise puts them back in follow-up\n", contact.name);
    }
    const Promise& promise = made.promise;

    if (!print_json_if_asked(env, promise_json(store, *store.promise(promise.id), contact, env)) &&
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
