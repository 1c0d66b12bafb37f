// src/commands/stats.cpp — `fu stats`: how often promises were kept, honestly.
#include <cmath>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/agenda.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"

namespace fu::commands {
namespace {

int run_stats(const std::vector<std::string>& since_words, Env& env)
{
    std::optional<Instant> since;
    if (!since_words.empty()) {
        const Window window = resolve(join(since_words, " "), env.now, env.user_zone(), env.settings,
                                      TimeDirection::past);
        print_notices(env, window.notices);
        since = window.earliest;
    }
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    InteractionFilter filter;
    filter.since = since;
    filter.include_archived = true; // your record includes contacts archived since
    const PromiseStats stats =
        compute_stats(store.promises_made_since(since), store.list_interactions(filter), env.now);

    const auto rate = [](const std::optional<double>& r) {
        return r ? Json(static_cast<double>(static_cast<long long>(*r * 1000 + 0.5)) / 1000) : Json();
    };
    if (env.json()) {
        Json::object()
            .set("since", since ? Json(iso8601(*since, env.user_zone())) : Json())
            .set("made", stats.made)
            .set("on_time", stats.on_time)
            .set("late", stats.late)
            .set("renegotiated_in_time", stats.renegotiated_in_time)
            .set("broken", stats.broken)
            .set("cancelled", stats.cancelled)
            .set("overdue", stats.overdue)
            .set("open", stats.open)
            .set("on_time_rate", rate(stats.on_time_rate))
            .set("median_lateness_seconds",
                 stats.median_lateness ? Json(static_cast<std::int64_t>(stats.median_lateness->count())) : Json())
            .set("attempts", stats.attempts)
            .set("reached", stats.reached)
            .set("attempts_per_reach", rate(stats.attempts_per_reach))
            .write(env.out);
        return k_exit_ok;
    }
    Table table;
    table.keys = {"measure", "value"};
    table.headings = {since ? "SINCE " + human_time(*since, env.user_zone(), env.now) : "ALL TIME", ""};
    const auto row = [&](const char* label, const std::string& value) { table.rows.push_back({label, value}); };
    row("promises made", std::to_string(stats.made));
    row("kept on time", std::to_string(stats.on_time));
    row("kept late", std::to_string(stats.late));
    row("renegotiated in time", std::to_string(stats.renegotiated_in_time));
    row("broken", std::to_string(stats.broken));
    row("cancelled", std::to_string(stats.cancelled));
    row("still overdue", std::to_string(stats.overdue));
    row("open, window not closed", std::to_string(stats.open));
    row("on-time rate", stats.on_time_rate ? fmt::format("{}%", std::lround(*stats.on_time_rate * 100)) : "–");
    row("median lateness", stats.median_lateness ? short_duration(*stats.median_lateness) : "–");
    row("attempts per reach", stats.attempts_per_reach ? fmt::format("{:.1f}", *stats.attempts_per_reach) : "–");
    if (!env.human()) {
        table.rows.clear();
        table.rows = {{"made", std::to_string(stats.made)},
                      {"on_time", std::to_string(stats.on_time)},
                      {"late", std::to_string(stats.late)},
                      {"renegotiated_in_time", std::to_string(stats.renegotiated_in_time)},
                      {"broken", std::to_string(stats.broken)},
                      {"cancelled", std::to_string(stats.cancelled)},
                      {"overdue", std::to_string(stats.overdue)},
                      {"open", std::to_string(stats.open)},
                      {"on_time_rate", stats.on_time_rate ? fmt::format("{:.3f}", *stats.on_time_rate) : ""}};
    }
    print_table(env.out, table, env.output);
    return k_exit_ok;
}

} // namespace

Handler setup_stats(CLI::App& command)
{
    auto since = std::make_shared<std::vector<std::string>>();
    command.add_option("--since", *since, "Only promises made and calls logged since, e.g. monday, 2026-06-01");
    return [since](Env& env) { return run_stats(*since, env); };
}

} // namespace fu::commands
