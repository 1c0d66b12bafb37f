// src/commands/edit.cpp — `fu edit`: change a contact's fields and tags.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"

namespace fu::commands {
namespace {

struct EditOptions {
    std::string contact;
    std::optional<std::string> name, company, phone, email, note, tz, every, interest;
    std::vector<std::string> tags, untags;
};

int run_edit(const EditOptions& opt, Env& env)
{
    ContactChanges changes;
    changes.name = opt.name;
    changes.company = opt.company;
    changes.phone = opt.phone;
    changes.email = opt.email;
    changes.note = opt.note;
    changes.tz = opt.tz;
    changes.add_tags = opt.tags;
    changes.remove_tags = opt.untags;
    changes.every = opt.every;
    changes.interest = opt.interest;
    const bool nothing = !changes.name && !changes.company && !changes.phone && !changes.email &&
                         !changes.note && !changes.tz && !changes.every && !changes.interest &&
                         changes.add_tags.empty() && changes.remove_tags.empty();
    if (nothing) {
        throw usage_error("nothing to change", "give e.g. --phone, --email, --tag, --every or --name");
    }
    refuse_record_ref(opt.contact, "edit");
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact before = find_contact(store, opt.contact, ContactScope::any);
    const Contact contact = edit_contact(store, before, changes).contact;
    transaction.commit();

    if (!print_json_if_asked(env, contact_json(contact, env)) && !env.output.quiet) {
        env.out << fmt::format("Updated {}, id {}\n", name_and_company(contact), contact.id);
    }
    return k_exit_ok;
}

} // namespace

Handler setup_edit(CLI::App& command)
{
    auto opt = std::make_shared<EditOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name")->required();
    command.add_option("--name", opt->name, "New name");
    command.add_option("--company", opt->company, "Company (\"\" clears)");
    command.add_option("--phone", opt->phone, "Phone number (\"\" clears)");
    command.add_option("--email", opt->email, "Email address (\"\" clears)");
    command.add_option("--note", opt->note, "Note (\"\" clears)");
    command.add_option("--tz", opt->tz, "IANA time zone (\"\" clears)");
    command.add_option("--every", opt->every, "Keep in touch this often, e.g. \"2-3 weeks\" (none removes it)");
    command.add_option("--interest", opt->interest, "How interested: hot, warm or cold (none clears)");
    command.add_option("--tag", opt->tags, "Add a tag (repeatable)")->take_all();
    command.add_option("--untag", opt->untags, "Remove a tag (repeatable)")->take_all();
    return [opt](Env& env) { return run_edit(*opt, env); };
}

} // namespace fu::commands
