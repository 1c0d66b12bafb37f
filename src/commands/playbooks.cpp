// src/commands/playbooks.cpp — `fu playbooks`: the playbooks there are, and their steps.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/format.hpp"
#include "fu/practice.hpp"

namespace fu::commands {
namespace {

int run_playbooks(Env& env)
{
    // The config file replaces a built-in playbook of the same name: each name appears once.
    std::vector<const Playbook*> playbooks;
    for (const Playbook& playbook : env.settings.playbooks) {
        playbooks.push_back(&playbook);
    }
    if (env.json()) {
        Json list = Json::array();
        for (const Playbook* playbook : playbooks) {
            Json item = Json::object();
            item.set("name", playbook->name);
            item.set("origin", playbook->origin);
            item.set("on_won", playbook->name == env.settings.on_won);
            item.set("steps", steps_json(playbook->steps));
            list.push(std::move(item));
        }
        list.write(env.out);
        return k_exit_ok;
    }
    if (!env.human()) {
        Table table;
        table.keys = {"playbook", "step", "when", "via", "about", "origin"};
        table.headings = table.keys;
        for (const Playbook* playbook : playbooks) {
            int number = 0;
            for (const PlaybookStep& step : playbook->steps) {
                table.rows.push_back({playbook->name, std::to_string(++number), step.when, step.via, step.about,
                                      playbook->origin});
            }
        }
        print_table(env.out, table, env.output);
        return k_exit_ok;
    }
    bool first = true;
    for (const Playbook* playbook : playbooks) {
        env.out << (first ? "" : "\n")
                << styled(playbook->name, Style::bold, env.output.color)
                << fmt::format("  ({}{})\n", playbook->origin,
                               playbook->name == env.settings.on_won ? "; offered after a won deal" : "");
        first = false;
        int number = 0;
        for (const PlaybookStep& step : playbook->steps) {
            ++number;
            env.out << fmt::format("  {}. {} — {}, {}\n", number, step.about,
                                   number == 1 ? step.when : step.when + " after the step before", step.via);
        }
    }
    if (playbooks.empty()) {
        env.out << "No playbooks. Define one in the config file (see man fu, CONFIGURATION).\n";
    } else {
        env.out << "\nStart one: fu plan CONTACT NAME [--from WHEN]\n";
    }
    return k_exit_ok;
}

} // namespace

Handler setup_playbooks(CLI::App& /*command*/)
{
    return [](Env& env) { return run_playbooks(env); };
}

} // namespace fu::commands
