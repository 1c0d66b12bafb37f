// src/commands/complete.cpp — `fu __complete SOURCE PREFIX`: what a shell completes, quietly.
// Hidden from help: the scripts of `fu completion` call it at every Tab. SOURCE is contacts (names
// starting with PREFIX, any case), promises (open promise references, p12, with whose and what),
// playbooks or zones. It reads, never writes or creates a file (a missing database is an empty
// answer), and never prints an error into the user's prompt (a failure is an empty answer with
// status 1, also when the settings or the environment are broken).
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/zone.hpp"

namespace fu::commands {
namespace {

// At most this many words: a shell shows no more usefully.
constexpr int k_completions = 200;
// The status of a completion that could not be answered (nothing is printed).
constexpr int k_no_answer = 1;

struct CompleteOptions {
    std::string what;
    std::string prefix;
};

bool starts_with_folded(const std::string& word, const std::string& folded_prefix)
{
    return fold_case(word).rfind(folded_prefix, 0) == 0;
}

// One line per word; a tab, then what it is, where a shell can show that.
void print_word(std::ostream& out, const std::string& word, const std::string& description = {})
{
    const auto printable = [](std::string text) {
        for (char& c : text) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                c = ' ';
            }
        }
        return text;
    };
    out << printable(word);
    if (!description.empty()) {
        out << '\t' << printable(description);
    }
    out << '\n';
}

void complete_promises(const CompleteOptions& opt, Env& env)
{
    const Store store = Store::open_for_reading(env.db_path, std::chrono::milliseconds{200});
    const std::string prefix = fold_case(opt.prefix);
    int printed = 0;
    for (const Promise& promise : store.open_promises()) {
        const std::string ref = fmt::format("p{}", promise.id);
        if (!starts_with_folded(ref, prefix) || printed == k_completions) {
            continue;
        }
        const auto contact = store.contact(promise.contact_id);
        std::string what = contact ? contact->name : std::string();
        if (!promise.about.empty()) {
            what += (what.empty() ? "" : ": ") + promise.about;
        }
        print_word(env.out, ref, what);
        ++printed;
    }
}

void complete_zones(const CompleteOptions& opt, Env& env)
{
    const std::string prefix = fold_case(opt.prefix);
    for (const std::string& zone : zone_names()) {
        if (starts_with_folded(zone, prefix)) {
            print_word(env.out, zone);
        }
    }
}

int run_complete(const CompleteOptions& opt, Env& env)
{
    try {
        if (opt.what == "contacts") {
            const Store store = Store::open_for_reading(env.db_path, std::chrono::milliseconds{200});
            for (const std::string& name : store.contact_names(fold_case(opt.prefix), k_completions)) {
                print_word(env.out, name);
            }
        } else if (opt.what == "promises") {
            complete_promises(opt, env);
        } else if (opt.what == "playbooks") {
            const std::string prefix = fold_case(opt.prefix);
            for (const Playbook& playbook : env.settings.playbooks) {
                if (starts_with_folded(playbook.name, prefix)) {
                    print_word(env.out, playbook.name, fmt::format("{} steps", playbook.steps.size()));
                }
            }
        } else if (opt.what == "zones") {
            complete_zones(opt, env);
        } else {
            return k_no_answer;
        }
        return k_exit_ok;
    } catch (...) {
        return k_no_answer;
    }
}

} // namespace

Handler setup_complete(CLI::App& command)
{
    auto opt = std::make_shared<CompleteOptions>();
    command.group(""); // hidden
    command.add_option("what", opt->what, "What to complete: contacts, promises, playbooks or zones")->required();
    command.add_option("prefix", opt->prefix, "The start of the word being completed");
    return [opt](Env& env) { return run_complete(*opt, env); };
}

} // namespace fu::commands
