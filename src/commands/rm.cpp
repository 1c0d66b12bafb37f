// src/commands/rm.cpp — `fu rm`: archive a contact, or erase it and its history for good.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

struct RmOptions {
    std::string contact;
    bool purge = false;
    bool yes = false;
};

// Asks on a terminal whether to erase; without one, --yes is required.
bool confirmed_purge(const Contact& contact, const Env& env)
{
    if (env.in == nullptr || !env.in_is_terminal) {
        throw usage_error(fmt::format("--purge erases {} (id {}) and all its history for good",
                                      contact.name, contact.id),
                          "add --yes to confirm (or leave out --purge to archive instead)");
    }
    env.err << fmt::format("Erase {} (id {}) and all its history for good? [y/N] ",
                           name_and_company(contact), contact.id);
    env.err.flush();
    std::string answer;
    std::getline(*env.in, answer);
    answer = ascii_lower(trim(answer));
    return answer == "y" || answer == "yes";
}

int run_rm(const RmOptions& opt, Env& env)
{
    refuse_record_ref(opt.contact, "rm");
    std::string ref = opt.contact;
    if (opt.purge && !opt.yes) {
        // Ask before the write transaction: nobody else waits while the user thinks.
        const Contact contact = find_contact(Store::open_for_update(env.db_path, env.settings.busy_timeout),
                                             opt.contact, ContactScope::any);
        if (!confirmed_purge(contact, env)) {
            env.out << "Nothing erased.\n";
            return k_exit_ok;
        }
        ref = std::to_string(contact.id);
    }
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, ref, opt.purge ? ContactScope::any : ContactScope::live);
    std::optional<Contact> archived;
    if (opt.purge) {
        purge_contact(store, contact);
    } else {
        archived = archive_contact(store, contact, env.change_context());
    }
    transaction.commit();

    if (env.json()) {
        contact_json(archived.value_or(contact), env).set("purged", opt.purge).write(env.out);
    } else if (!env.output.quiet) {
        if (opt.purge) {
            env.out << fmt::format("Erased {} (id {}) and all its history (fu undo takes it back)\n",
                                   contact.name, contact.id);
        } else {
            env.out << fmt::format("Archived {}, id {} (undo: fu restore {})\n", contact.name,
                                   contact.id, contact.id);
        }
    }
    return k_exit_ok;
}

} // namespace

Handler setup_rm(CLI::App& command)
{
    auto opt = std::make_shared<RmOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name")->required();
    command.add_flag("--purge", opt->purge, "Erase the contact and all its history for good");
    command.add_flag("-y,--yes", opt->yes, "Confirm --purge without being asked (needed off a terminal)");
    return [opt](Env& env) { return run_rm(*opt, env); };
}

} // namespace fu::commands
