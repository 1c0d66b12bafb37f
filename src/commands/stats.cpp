// src/commands/stats.cpp — `fu stats`: how often promises were kept, honestly.
#include <chrono>
#include <cmath>
#include <cstdint>
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

// One measure of the record, as JSON and as a TSV/CSV cell, built together so they cannot differ.
struct StatField {
    std::string key;
    Json json;
    std::string cell; // empty when json is null
};

StatField count_field(std::string key, int n)
{
    return {std::move(key), Json(n), std::to_string(n)};
}

// A ratio rounded half up to three decimals (0.571), or null.
StatField ratio_field(std::string key, const std::optional<double>& r)
{
    if (!r) {
        return {std::move(key), Json(), ""};
    }
    const double rounded = static_cast<double>(static_cast<long long>(*r * 1000 + 0.5)) / 1000;
    return {std::move(key), Json(rounded), fmt::format("{}", rounded)};
}

StatField seconds_field(std::string key, const std::optional<std::chrono::seconds>& d)
{
    if (!d) {
        return {std::move(key), Json(), ""};
    }
    const auto seconds = static_cast<std::int64_t>(d->count());
    return {std::move(key), Json(seconds), std::to_string(seconds)};
}

// Every measure `stats` prints in JSON, TSV and CSV, in this order: the one list of its fields.
std::vector<StatField> stat_fields(const PromiseStats& stats, const std::optional<Instant>& since,
                                   const Env& env)
{
    const std::string since_text = since ? iso8601(*since, env.user_zone()) : "";
    return {
        {"since", json_or_null(since_text), since_text},
        count_field("made", stats.made),
        count_field("on_time", stats.on_time),
        count_field("late", stats.late),
        count_field("renegotiated_in_time", stats.renegotiated_in_time),
        count_field("broken", stats.broken),
        count_field("cancelled", stats.cancelled),
        count_field("overdue", stats.overdue),
        count_field("open", stats.open),
        ratio_field("on_time_rate", stats.on_time_rate),
        seconds_field("median_lateness_seconds", stats.median_lateness),
        count_field("attempts", stats.attempts),
        count_field("reached", stats.reached),
        ratio_field("attempts_per_reach", stats.attempts_per_reach),
    };
}

// The human summary: the same record in words.
void print_human(const PromiseStats& stats, const std::optional<Instant>& since, Env& env)
{
    Table table;
    table.keys = {"measure", "value"};
    table.headings = {since ? "SINCE " + human_time(*since, env.user_zone(), env.now) : "ALL TIME",
                      ""};
    const auto row = [&](const char* label, const std::string& value) {
        table.rows.push_back({label, value});
    };
    row("promises made", std::to_string(stats.made));
    row("kept on time", std::to_string(stats.on_time));
    row("kept late", std::to_string(stats.late));
    row("renegotiated in time", std::to_string(stats.renegotiated_in_time));
    row("broken", std::to_string(stats.broken));
    row("cancelled", std::to_string(stats.cancelled));
    row("still overdue", std::to_string(stats.overdue));
    row("open, window not closed", std::to_string(stats.open));
    row("on-time rate",
        stats.on_time_rate ? fmt::format("{}%", std::lround(*stats.on_time_rate * 100)) : "–");
    row("median lateness", stats.median_lateness ? short_duration(*stats.median_lateness) : "–");
    row("attempts per reach",
        stats.attempts_per_reach ? fmt::format("{:.1f}", *stats.attempts_per_reach) : "–");
    print_table(env.out, table, env.output);
}

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
    // Counted in SQL over the indexes; your record includes contacts archived since.
    const PromiseStats stats = compute_stats(store.count_record(since, env.now));

    if (env.human()) {
        print_human(stats, since, env);
        return k_exit_ok;
    }
    const std::vector<StatField> fields = stat_fields(stats, since, env);
    if (env.json()) {
        Json document = Json::object();
        for (const StatField& field : fields) {
            document.set(field.key, field.json);
        }
        document.write(env.out);
        return k_exit_ok;
    }
    // TSV and CSV: a header row of the JSON keys, then one row of values.
    Table table;
    table.rows.emplace_back();
    for (const StatField& field : fields) {
        table.keys.push_back(field.key);
        table.rows.front().push_back(field.cell);
    }
    table.headings = table.keys;
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
