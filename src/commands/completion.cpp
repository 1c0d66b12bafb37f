// src/commands/completion.cpp — `fu completion bash|zsh|fish`: a completion script for the shell,
// written from the command line fu has just built, so it cannot drift from it. What each option or
// positional takes comes from the tables the parser and the domain use.
#include "commands/completion.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "env_setup.hpp"
#include "fu/format.hpp"
#include "fu/model.hpp"
#include "fu/practice.hpp"

namespace fu::commands {
namespace {

Completions words(std::vector<std::string> list)
{
    return {Completions::Kind::words, std::move(list), {}};
}

Completions from(std::string source)
{
    return {Completions::Kind::dynamic, {}, std::move(source)};
}

Completions paths()
{
    return {Completions::Kind::files, {}, {}};
}

std::vector<std::string> format_words()
{
    std::vector<std::string> list;
    for (const OutputFormat format : {OutputFormat::human, OutputFormat::json, OutputFormat::tsv, OutputFormat::csv,
                                      OutputFormat::markdown, OutputFormat::vcard, OutputFormat::ics}) {
        list.emplace_back(to_string(format));
    }
    return list;
}

bool one_of(const std::string& name, std::initializer_list<const char*> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

OptionShape option_shape(const CLI::Option& option, const std::string& command)
{
    OptionShape shape;
    for (const auto& name : option.get_lnames()) {
        shape.names.push_back("--" + name);
    }
    for (const auto& name : option.get_snames()) {
        shape.names.push_back("-" + name);
    }
    shape.description = option.get_description();
    shape.takes_value = option.get_items_expected_max() != 0;
    shape.many = shape.takes_value && option.get_items_expected_max() > 1;
    if (shape.takes_value) {
        for (const auto& name : shape.names) {
            shape.values = completions_for(command, name);
            if (shape.values.kind != Completions::Kind::none) {
                break;
            }
        }
    }
    return shape;
}

struct CompletionOptions {
    std::string shell;
};

int run_completion(const CompletionOptions& opt, const CLI::App& root, Env& env)
{
    const CommandLineShape shape = command_line_shape(root);
    if (opt.shell == "bash") {
        env.out << bash_completion(shape);
    } else if (opt.shell == "zsh") {
        env.out << zsh_completion(shape);
    } else if (opt.shell == "fish") {
        env.out << fish_completion(shape);
    } else {
        throw usage_error(fmt::format("no completion for the shell \"{}\"", opt.shell), "use bash, zsh or fish");
    }
    return k_exit_ok;
}

} // namespace

const std::vector<std::string>& common_time_phrases()
{
    static const std::vector<std::string> phrases{
        "today",          "this afternoon", "tonight",        "eod",          "tomorrow",
        "tomorrow morning", "tomorrow afternoon", "in an hour", "in a day or so", "in 2-3 days",
        "monday",         "tuesday",        "wednesday",      "thursday",     "friday",
        "end of week",    "next week",      "early next week", "next month",  "next quarter"};
    return phrases;
}

const std::vector<std::string>& completion_shells()
{
    static const std::vector<std::string> shells{"bash", "zsh", "fish"};
    return shells;
}

Completions completions_for(const std::string& command, const std::string& name)
{
    if (name == "--format") {
        return words(format_words());
    }
    if (name == "--color") {
        return words(color_choices());
    }
    if (name == "--via") {
        return words(promise_channels());
    }
    if (name == "--outcome") {
        return words(interaction_outcomes());
    }
    if (name == "KIND" || name == "--kind") {
        return words(interaction_kinds());
    }
    if (name == "--interest") {
        return words(interest_levels());
    }
    if (name == "SHELL" && command == "completion") {
        return words(completion_shells());
    }
    if (name == "CONTACT" || name == "--contact") {
        return from("contacts");
    }
    if (name == "--promise" || (name == "REF" && command == "fix")) {
        return from("promises");
    }
    if (name == "PLAYBOOK") {
        return from("playbooks");
    }
    if (name == "--tz") {
        return from("zones");
    }
    if (one_of(name, {"WHEN", "--next", "--at", "--until", "--since", "--from"})) {
        return words(common_time_phrases());
    }
    if (one_of(name, {"FILE", "--output", "--db", "--config"})) {
        return paths();
    }
    return {};
}

CommandLineShape command_line_shape(const CLI::App& root)
{
    CommandLineShape shape;
    const auto visible = [](const CLI::Option* option) {
        return !option->get_group().empty() && option->get_lnames() != std::vector<std::string>{"help"};
    };
    for (const CLI::Option* option : root.get_options(visible)) {
        shape.globals.push_back(option_shape(*option, ""));
    }
    for (const CLI::App* sub : root.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        CommandShape command{sub->get_name(), sub->get_description(), {}, {}};
        for (const CLI::Option* option : sub->get_options(visible)) {
            if (option->nonpositional()) {
                command.options.push_back(option_shape(*option, command.name));
            } else {
                const std::string name = option->get_name(true);
                command.positionals.push_back(
                    {name, option->get_items_expected_max() > 1, completions_for(command.name, name)});
            }
        }
        shape.commands.push_back(std::move(command));
    }
    return shape;
}

Handler setup_completion(CLI::App& command)
{
    auto opt = std::make_shared<CompletionOptions>();
    command.add_option("SHELL", opt->shell, "bash, zsh or fish")->required();
    const CLI::App* self = &command;
    return [opt, self](Env& env) { return run_completion(*opt, *self->get_parent(), env); };
}

} // namespace fu::commands
