// src/commands/add.cpp — `fu add`: a new contact.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

struct AddOptions {
    std::vector<std::string> name_words;
    std::string company, phone, email, note, tz, every, interest;
    std::vector<std::string> tags;
};

int run_add(const AddOptions& opt, Env& env)
{
    ContactChanges fields;
    fields.name = join(opt.name_words, " ");
    fields.company = opt.company;
    fields.phone = opt.phone;
    fields.email = opt.email;
    fields.note = opt.note;
    fields.tz = opt.tz;
    fields.add_tags = opt.tags;
    fields.every = opt.every;
    fields.interest = opt.interest;
    validate(fields); // before the file is opened: a bad field must not create the database
    Store store = Store::open_for_writing(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const ContactResult added = add_contact(store, fields, env.change_context());
    transaction.commit();

    const Contact& contact = added.contact;
    for (const Contact& other : added.same_email) {
        env.err << fmt::format("note: {} (id {}) has the same email\n", other.name, other.id);
    }
    if (!print_json_if_asked(env, contact_json(contact, env)) && !env.output.quiet) {
        env.out << fmt::format("Added {}, id {}\n", name_and_company(contact), contact.id);
    }
    return k_exit_ok;
}

} // namespace

Handler setup_add(CLI::App& command)
{
    auto opt = std::make_shared<AddOptions>();
    command.add_option("NAME", opt->name_words, "The contact's name (any Unicode text)")->required();
    command.add_option("--company", opt->company, "Company");
    command.add_option("--phone", opt->phone, "Phone number");
    command.add_option("--email", opt->email, "Email address");
    command.add_option("--tag", opt->tags, "A tag (repeatable)")->take_all();
    command.add_option("--note", opt->note, "A note");
    command.add_option("--tz", opt->tz, "The contact's IANA time zone, e.g. Europe/Berlin");
    command.add_option("--every", opt->every, "Keep in touch this often, e.g. \"2-3 weeks\", monthly");
    command.add_option("--interest", opt->interest, "How interested: hot, warm or cold");
    return [opt](Env& env) { return run_add(*opt, env); };
}

} // namespace fu::commands
