// src/commands/contacts.cpp — `fu contacts`: list or search contacts.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/practice.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

struct ContactsOptions {
    ContactFilter filter;
    std::vector<std::string> search_words;
    bool closed = false;
    std::string interest;
};

int run_contacts(ContactsOptions opt, Env& env)
{
    if (!opt.search_words.empty()) {
        opt.filter.search = join(opt.search_words, " ");
    }
    check_text("the search", opt.filter.search, 500);
    if (!opt.interest.empty()) {
        opt.filter.interest = interest_level(opt.interest);
    }
    // A contact who said no has left the lists; a search still finds them, --closed lists them.
    if (opt.closed) {
        opt.filter.closed = true;
    } else if (opt.filter.search.empty() && !opt.filter.archived) {
        opt.filter.closed = false;
    }
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    const auto contacts = store.list_contacts(opt.filter);

    if (env.json()) {
        Json list = Json::array();
        for (const auto& c : contacts) {
            list.push(contact_json(c, env));
        }
        list.write(env.out);
        return k_exit_ok;
    }
    if (contacts.empty() && env.human()) {
        if (!opt.filter.search.empty() || !opt.filter.tag.empty() || !opt.filter.interest.empty()) {
            env.out << "No contacts match.\n";
        } else if (opt.filter.archived) {
            env.out << "No archived contacts.\n";
        } else if (opt.closed) {
            env.out << "No contacts have said no.\n";
        } else if (store.has_contacts()) {
            env.out << "No contacts in follow-up. Those who said no: fu contacts --closed\n";
        } else {
            env.out << "No contacts yet. Add one: fu add \"Ada Lovelace\" --phone \"+1 555 0100\"\n";
        }
        return k_exit_ok;
    }
    Table table;
    table.keys = {"id", "name", "company", "phone", "email", "tags", "tz", "interest", "every"};
    table.headings = {"ID", "NAME", "COMPANY", "PHONE", "EMAIL", "TAGS", "ZONE", "INTEREST", "EVERY"};
    table.shrinkable = {1, 2, 4, 5};
    table.droppable = {8, 7};
    for (const auto& c : contacts) {
        table.rows.push_back({std::to_string(c.id), c.name, c.company, c.phone, c.email,
                              join(c.tags, env.human() ? ", " : ","), c.tz, c.interest, c.every});
    }
    print_table(env.out, table, env.output);
    return k_exit_ok;
}

} // namespace

Handler setup_contacts(CLI::App& command)
{
    auto opt = std::make_shared<ContactsOptions>();
    command.add_option("--tag", opt->filter.tag, "Only contacts with this tag");
    command.add_option("--search", opt->search_words,
                       "Search name, company, email, phone and notes (word prefixes)");
    command.add_flag("--archived", opt->filter.archived, "Archived contacts instead of live ones");
    command.add_flag("--closed", opt->closed, "Contacts who said no (left follow-up) instead");
    command.add_option("--interest", opt->interest, "Only contacts this interested: hot, warm or cold");
    return [opt](Env& env) { return run_contacts(*opt, env); };
}

} // namespace fu::commands
