// src/commands/doctor.cpp — `fu doctor`: is the database file healthy? Changes nothing.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "fu/doctor.hpp"

namespace fu::commands {
namespace {

int run_doctor(Env& env)
{
    const std::vector<HealthCheck> checks = diagnose(env.db_path, env.settings.busy_timeout);
    const Verdict overall = worst(checks);
    if (env.json()) {
        Json list = Json::array();
        for (const HealthCheck& check : checks) {
            Json item = Json::object();
            item.set("check", check.name);
            item.set("status", to_string(check.verdict));
            item.set("detail", check.detail);
            list.push(std::move(item));
        }
        Json document = Json::object();
        document.set("database", env.db_path.string());
        document.set("status", to_string(overall));
        document.set("checks", std::move(list));
        document.write(env.out);
    } else {
        Table table;
        table.keys = {"status", "check", "detail"};
        table.headings = {"STATUS", "CHECK", "DETAIL"};
        for (const HealthCheck& check : checks) {
            table.rows.push_back({std::string(to_string(check.verdict)), check.name, check.detail});
        }
        table.shrinkable = {2};
        print_table(env.out, table, env.output);
    }
    return overall == Verdict::fail ? k_exit_check_failed : k_exit_ok;
}

} // namespace

Handler setup_doctor(CLI::App& command)
{
    command.footer("Exit status 0 when no check fails (warnings included), 1 when one fails.");
    return [](Env& env) { return run_doctor(env); };
}

} // namespace fu::commands
