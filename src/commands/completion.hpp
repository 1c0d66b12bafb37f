// src/commands/completion.hpp — the command line as data for shell completion scripts: what each
// command and option takes, read from the CLI::App tree, and the scripts written from it.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace fu::commands {

// What a word in a given place may be.
struct Completions {
    enum class Kind {
        none,    // free text: nothing to suggest
        words,   // one of `words`
        dynamic, // what `fu __complete SOURCE PREFIX` prints (contacts, promises, …)
        files,   // a path
    };
    Kind kind = Kind::none;
    std::vector<std::string> words;
    std::string source;
};

// An option as a completion script sees it.
struct OptionShape {
    std::vector<std::string> names; // "--outcome", "-q", …
    std::string description;
    bool takes_value = false;
    bool many = false; // takes every following word up to the next option (--next friday 3pm)
    Completions values;
};

// A positional argument, in order.
struct PositionalShape {
    std::string name; // CONTACT, WHEN, …
    bool many = false;
    Completions values;
};

struct CommandShape {
    std::string name;
    std::string description;
    std::vector<OptionShape> options;
    std::vector<PositionalShape> positionals;
};

// The whole visible command line: the global options and every command that help lists.
struct CommandLineShape {
    std::vector<OptionShape> globals;
    std::vector<CommandShape> commands;
};

// Reads the tree that app.cpp and register_commands built (hidden commands and --help left out).
CommandLineShape command_line_shape(const CLI::App& root);

// The values offered for the option or positional `name` ("--via", "KIND") of `command`: taken from
// the tables the parser checks against (interaction_kinds(), promise_channels(), …).
Completions completions_for(const std::string& command, const std::string& name);

// Common time phrases, offered where a time phrase goes (WHEN, --next, --at, …).
const std::vector<std::string>& common_time_phrases();

// The shells `fu completion` writes for, and the script for each.
const std::vector<std::string>& completion_shells();
std::string bash_completion(const CommandLineShape& shape);
std::string zsh_completion(const CommandLineShape& shape);
std::string fish_completion(const CommandLineShape& shape);

} // namespace fu::commands
