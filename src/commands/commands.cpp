#include "commands/commands.hpp"

namespace fu::commands {

const std::vector<CommandSpec>& command_table()
{
    static const std::vector<CommandSpec> table{
        {"due", "What is overdue, due now and coming up", setup_due},
        {"promise", "Record a promised callback window", setup_promise},
        {"log", "Log a call, voicemail, email, … (or list them)", setup_log},
        {"reschedule", "Move an open promise to a new window", setup_reschedule},
        {"cancel", "Drop an open promise that is no longer needed", setup_cancel},
        {"fix", "Correct or delete an interaction, or correct a promise", setup_fix},
        {"undo", "Take back the last change (again: the one before)", setup_undo},
        {"plan", "Start a playbook for a contact, see where it stands, or stop it", setup_plan},
        {"playbooks", "The playbooks and their steps", setup_playbooks},
        {"remind", "Write the customer a reminder of an agreed callback", setup_remind},
        {"invite", "A calendar invitation for an agreed window, to attach to an email", setup_invite},
        {"reopen", "Bring a contact who said no back into follow-up", setup_reopen},
        {"add", "Add a contact", setup_add},
        {"edit", "Change a contact", setup_edit},
        {"contacts", "List or search contacts", setup_contacts},
        {"show", "A contact, its open promises and its whole history", setup_show},
        {"rm", "Archive a contact (or erase it for good with --purge)", setup_rm},
        {"restore", "Bring an archived contact back", setup_restore},
        {"digest", "The morning summary, for a mail client or cron", setup_digest},
        {"stats", "How often promises were kept", setup_stats},
        {"import", "Bring in contacts (CSV, vCard) or a whole book (fu's JSON export)", setup_import},
        {"export", "Write the book out: JSON, CSV, vCard, or open promises as a calendar", setup_export},
        {"when", "Show the window a time phrase means, without storing anything", setup_when},
        {"config", "The effective settings and where each came from", setup_config},
        {"backup", "Write a consistent copy of the database", setup_backup},
        {"doctor", "Check the database file's health (changes nothing)", setup_doctor},
        {"demo", "Fill a fresh database with a realistic sample", setup_demo},
        {"completion", "A completion script for bash, zsh or fish", setup_completion},
        {"__complete", "Words for shell completion (hidden)", setup_complete},
    };
    return table;
}

const char* command_example(std::string_view name)
{
    static const std::vector<std::pair<std::string_view, const char*>> examples{
        {"due", "fu due --until friday"},
        {"promise", "fu promise ada tomorrow afternoon --about \"the pilot quote\""},
        {"log", "fu log ada --note \"wants pricing\" --next friday 3pm --agreed"},
        {"reschedule", "fu reschedule ada --reason \"waiting for legal\" early next week"},
        {"cancel", "fu cancel p12 --reason \"bought elsewhere\""},
        {"fix", "fu fix i31 --kind email"},
        {"undo", "fu undo --list"},
        {"plan", "fu plan ada post-sale"},
        {"playbooks", "fu playbooks"},
        {"remind", "fu remind p12"},
        {"reopen", "fu reopen grace"},
        {"add", "fu add Ada Lovelace --company \"Analytical Engines\" --tz Europe/London"},
        {"edit", "fu edit ada --every \"2-3 weeks\" --tag vip"},
        {"contacts", "fu contacts --search ada"},
        {"show", "fu show ada"},
        {"rm", "fu rm grace"},
        {"restore", "fu restore grace"},
        {"digest", "fu digest --format markdown"},
        {"stats", "fu stats --since 2026-06-01"},
        {"config", "fu config --json"},
        {"demo", "fu --db /tmp/fu-demo.db demo"},
        {"completion", "fu completion bash > ~/.local/share/bash-completion/completions/fu"},
        {"backup", "fu backup"},
        {"doctor", "fu doctor --format json"},
    };
    for (const auto& [command, example] : examples) {
        if (command == name) {
            return example;
        }
    }
    return nullptr;
}

std::vector<Registered> register_commands(CLI::App& app, std::string_view only)
{
    std::vector<Registered> registered;
    for (const CommandSpec& spec : command_table()) {
        if (!only.empty() && only != spec.name) {
            continue;
        }
        CLI::App* command = app.add_subcommand(spec.name, spec.summary);
        command->footer(""); // not the top level's
        registered.push_back({command, spec.setup(*command)});
        // A command whose own footer shows no example gets one from the table.
        const char* example = command_example(spec.name);
        if (example != nullptr && command->get_footer().find("Example") == std::string::npos) {
            const std::string own = command->get_footer();
            command->footer(own + (own.empty() ? "" : "\n") + "Example: " + example);
        }
    }
    return registered;
}

} // namespace fu::commands
