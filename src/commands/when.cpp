// src/commands/when.cpp — `fu when`: the window a phrase means, stored nowhere.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/format.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"

namespace fu::commands {
namespace {

struct WhenOptions {
    std::vector<std::string> words;
    std::string tz; // the customer's zone, for "their time" and both clocks
};

int run_when(const WhenOptions& opt, Env& env)
{
    const std::string text = join(opt.words, " ");
    const auto& zone = env.user_zone();
    const Zone* theirs = opt.tz.empty() ? nullptr : &find_zone(opt.tz);
    const Window window = resolve(text, env.now, Clocks{&zone, theirs}, env.settings);
    print_notices(env, window.notices);
    if (env.json()) {
        Json notices = Json::array();
        for (const auto& notice : window.notices) {
            notices.push(notice);
        }
        Json::object()
            .set("earliest", iso8601(window.earliest, zone))
            .set("latest", iso8601(window.latest, zone))
            .set("zone", std::string(zone.name()))
            .set("text", text)
            .set("notices", std::move(notices))
            .write(env.out);
        return k_exit_ok;
    }
    if (env.human()) {
        env.out << fmt::format("{}  ({})\n",
                               both_clocks(window.earliest, window.latest, theirs ? *theirs : zone, env, true),
                               text);
        return k_exit_ok;
    }
    Table table;
    table.keys = {"earliest", "latest", "zone", "text"};
    table.headings = table.keys;
    table.rows.push_back({iso8601(window.earliest, zone), iso8601(window.latest, zone),
                          std::string(zone.name()), text});
    print_table(env.out, table, env.output);
    return k_exit_ok;
}

} // namespace

Handler setup_when(CLI::App& command)
{
    auto opt = std::make_shared<WhenOptions>();
    command.add_option("WHEN", opt->words, "A time phrase, e.g. tomorrow afternoon, eod, in 2-3 days")
        ->required();
    command.add_option("--tz", opt->tz,
                       "The customer's time zone: read the phrase on their clock (\"their time\") and show both");
    command.footer("Examples: fu when tomorrow afternoon; fu when by friday 5pm; fu when in a day or so.\n"
                   "The whole language: man fu (TIME PHRASES) or docs/TIME-LANGUAGE.md.");
    return [opt](Env& env) { return run_when(*opt, env); };
}

} // namespace fu::commands
