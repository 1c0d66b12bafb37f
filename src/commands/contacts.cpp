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
    int limit = 0;
    bool limit_given = false;
    std::vector<std::string> search_words;
    bool closed = false;
    std::string interest;
};

int run_contacts(ContactsOptions opt, Env& env)
{
    if (opt.limit < 0) {
        throw usage_error(fmt::format("--limit must be 0 or more, not {}", opt.limit));
    }
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

    if (env.json()) {
        opt.filter.limit = opt.limit;
        JsonArrayStream list(env.out);
        store.each_contact(opt.filter, [&](Contact& c) { list.push(contact_json(c, env)); });
        list.finish();
        return k_exit_ok;
    }
    const std::vector<std::string> keys{"id", "name", "company", "phone", "email", "tags", "tz", "interest", "every"};
    const auto cells = [&](const Contact& c) {
        return std::vector<std::string>{std::to_string(c.id), c.name, c.company, c.phone, c.email,
                                        join(c.tags, env.human() ? ", " : ","), c.tz, c.interest, c.every};
    };
    if (!env.human()) {
        opt.filter.limit = opt.limit;
        DelimitedStream rows(env.out, keys, env.output.format);
        store.each_contact(opt.filter, [&](Contact& c) { rows.row(cells(c)); });
        return k_exit_ok;
    }
    // A person reads the first rows; the rest is counted.
    opt.filter.limit = opt.limit_given ? opt.limit : k_human_rows;
    const auto contacts = store.list_contacts(opt.filter);
    if (contacts.empty()) {
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
    table.keys = keys;
    table.headings = {"ID", "NAME", "COMPANY", "PHONE", "EMAIL", "TAGS", "ZONE", "INTEREST", "EVERY"};
    table.shrinkable = {1, 2, 4, 5};
    table.droppable = {8, 7};
    for (const auto& c : contacts) {
        table.rows.push_back(cells(c));
    }
    print_table(env.out, table, env.output);
    print_rest(env.out, contacts.size(), opt.filter.limit,
               [&] { return store.count_contacts(opt.filter); });
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
    command.add_option("--limit", opt->limit, "At most N contacts (0: all; a terminal shows 50 by default)")
        ->each([opt](const std::string&) { opt->limit_given = true; });
    return [opt](Env& env) { return run_contacts(*opt, env); };
}

} // namespace fu::commands
