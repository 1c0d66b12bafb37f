// src/commands/commands.hpp — the table of subcommands and what each command file provides.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "fu/env.hpp"
#include "fu/error.hpp"

namespace fu::commands {

// Runs a parsed command against the run's Env; returns the exit status.
using Handler = std::function<int(Env&)>;
// Declares a command's options and positionals on its CLI::App and returns its handler.
using Setup = Handler (*)(CLI::App& command);

// One row of the command table.
struct CommandSpec {
    const char* name;
    const char* summary;
    Setup setup;
};

// Every subcommand, in help order: the one list.
const std::vector<CommandSpec>& command_table();

// The example at the foot of `fu COMMAND --help` when the command's own footer has none; null for
// a command whose footer shows its examples (import, export, when, invite) and for hidden ones.
const char* command_example(std::string_view name);

// A command added to the CLI::App, with its handler.
struct Registered {
    CLI::App* app;
    Handler handler;
};

// Adds the subcommands of the table to `app`: every one, or only the one named `only` (a run that
// names its command builds no other: each costs start-up time, and only help lists them all).
std::vector<Registered> register_commands(CLI::App& app, std::string_view only = {});

Handler setup_add(CLI::App& command);
Handler setup_complete(CLI::App& command);
Handler setup_completion(CLI::App& command);
Handler setup_edit(CLI::App& command);
Handler setup_contacts(CLI::App& command);
Handler setup_show(CLI::App& command);
Handler setup_rm(CLI::App& command);
Handler setup_restore(CLI::App& command);
Handler setup_promise(CLI::App& command);
Handler setup_due(CLI::App& command);
Handler setup_log(CLI::App& command);
Handler setup_reschedule(CLI::App& command);
Handler setup_cancel(CLI::App& command);
Handler setup_stats(CLI::App& command);
Handler setup_when(CLI::App& command);
Handler setup_demo(CLI::App& command);
Handler setup_digest(CLI::App& command);
Handler setup_config(CLI::App& command);
Handler setup_fix(CLI::App& command);
Handler setup_undo(CLI::App& command);
Handler setup_plan(CLI::App& command);
Handler setup_playbooks(CLI::App& command);
Handler setup_remind(CLI::App& command);
Handler setup_reopen(CLI::App& command);
Handler setup_export(CLI::App& command);
Handler setup_import(CLI::App& command);
Handler setup_invite(CLI::App& command);
Handler setup_backup(CLI::App& command);
Handler setup_doctor(CLI::App& command);

} // namespace fu::commands
