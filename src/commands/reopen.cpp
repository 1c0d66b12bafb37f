// src/commands/reopen.cpp — `fu reopen`: a contact who said no is back in follow-up.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"

namespace fu::commands {
namespace {

int run_reopen(const std::string& ref, Env& env)
{
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, ref);
    const Reopened reopened = reopen_contact(store, contact, env.change_context());
    if (reopened.changed) {
        transaction.commit();
    }
    if (!print_json_if_asked(env, contact_json(reopened.contact, env)) && !env.output.quiet) {
        if (reopened.changed) {
            env.out << fmt::format("{} is back in follow-up. Agree a next step: fu promise {} WHEN\n",
                                   name_and_company(reopened.contact), contact.id);
        } else {
            env.out << fmt::format("{} is in follow-up already; nothing to reopen.\n",
                                   name_and_company(contact));
        }
    }
    return k_exit_ok;
}

} // namespace

Handler setup_reopen(CLI::App& command)
{
    auto ref = std::make_shared<std::string>();
    command.add_option("CONTACT", *ref, "Id, email or part of the name of a contact who said no")->required();
    return [ref](Env& env) { return run_reopen(*ref, env); };
}

} // namespace fu::commands
