// src/commands/complete.cpp — `fu __complete contacts PREFIX`: what a shell completes, quietly.
// Hidden from help: shell completion scripts call it at every Tab. It reads one index range, never
// writes or creates a file, and never prints an error into the user's prompt (a failure is an empty
// answer with status 1, also when the settings or the environment are broken).
#include "commands/commands.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

// At most this many names: a shell shows no more usefully.
constexpr int k_completions = 200;
// The status of a completion that could not be answered (nothing is printed).
constexpr int k_no_answer = 1;

struct CompleteOptions {
    std::string what;
    std::string prefix;
};

int run_complete(const CompleteOptions& opt, Env& env)
{
    try {
        if (opt.what != "contacts") {
            return k_no_answer;
        }
        const Store store = Store::open_for_reading(env.db_path, std::chrono::milliseconds{200});
        for (const std::string& name : store.contact_names(fold_case(opt.prefix), k_completions)) {
            env.out << name << '\n';
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
    command.add_option("what", opt->what, "What to complete: contacts")->required();
    command.add_option("prefix", opt->prefix, "The start of the word being completed");
    return [opt](Env& env) { return run_complete(*opt, env); };
}

} // namespace fu::commands
