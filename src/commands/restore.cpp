// src/commands/restore.cpp — `fu restore`: bring an archived contact back.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"

namespace fu::commands {
namespace {

int run_restore(const std::string& ref, Env& env)
{
    refuse_record_ref(ref, "restore");
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact archived = find_contact(store, ref, ContactScope::archived);
    const Contact contact = restore_contact(store, archived);
    transaction.commit();
    if (!print_json_if_asked(env, contact_json(contact, env)) && !env.output.quiet) {
        env.out << fmt::format("Restored {}, id {}\n", name_and_company(contact), contact.id);
    }
    return k_exit_ok;
}

} // namespace

Handler setup_restore(CLI::App& command)
{
    auto ref = std::make_shared<std::string>();
    command.add_option("CONTACT", *ref, "Id, email or part of the name of an archived contact")
        ->required();
    return [ref](Env& env) { return run_restore(*ref, env); };
}

} // namespace fu::commands
