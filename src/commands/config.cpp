// src/commands/config.cpp — `fu config`: the effective settings and where each came from.
#include <algorithm>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "fu/config.hpp"
#include "fu/format.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

// A value as written in the file ("\"09:00-17:00\"", "15", "[\"mon\", \"tue\"]") as data for scripts.
Json value_json(const std::string& literal)
{
    const auto unquote = [](std::string_view s) {
        return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? std::string(s.substr(1, s.size() - 2))
                                                                     : std::string(s);
    };
    if (!literal.empty() && literal.front() == '[') {
        Json list = Json::array();
        std::string_view rest = std::string_view(literal).substr(1, literal.size() - 2);
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            list.push(unquote(trim(rest.substr(0, comma))));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        return list;
    }
    if (!literal.empty() && std::all_of(literal.begin(), literal.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Json(static_cast<std::int64_t>(std::stoll(literal)));
    }
    if (!literal.empty() && literal.front() == '(') {
        return Json(); // no value, e.g. no database without HOME
    }
    return Json(unquote(literal));
}

int run_config(Env& env)
{
    Config effective;
    effective.settings = env.settings;
    if (!env.db_path.empty()) {
        effective.db = env.db_path.string();
    }
    effective.color = env.output.color_choice;
    const auto format_word = [](OutputFormat f) {
        switch (f) {
        case OutputFormat::json: return "json";
        case OutputFormat::tsv: return "tsv";
        case OutputFormat::csv: return "csv";
        case OutputFormat::markdown: return "markdown";
        case OutputFormat::human: break;
        }
        return "human";
    };
    effective.format = format_word(env.output.format);
    const auto values = config_values(effective);
    const auto origin = [&](const std::string& key) {
        const auto found = env.origins.find(key);
        return found == env.origins.end() ? std::string("default") : found->second;
    };
    if (env.json()) {
        Json settings = Json::object();
        for (const auto& [key, value] : values) {
            settings.set(key, Json::object().set("value", value_json(value)).set("origin", origin(key)));
        }
        Json::object()
            .set("file", env.config_path.empty() ? Json() : Json(env.config_path.string()))
            .set("settings", std::move(settings))
            .write(env.out);
        return k_exit_ok;
    }
    if (!env.human()) {
        Table table;
        table.keys = {"key", "value", "origin"};
        table.headings = table.keys;
        for (const auto& [key, value] : values) {
            const Json data = value_json(value);
            std::string text = data.dump();
            text.pop_back(); // the newline
            if (!value.empty() && value.front() == '"') {
                text = value.substr(1, value.size() - 2);
            } else if (!value.empty() && value.front() == '(') {
                text.clear();
            } else if (!value.empty() && value.front() == '[') {
                std::vector<std::string> items;
                for (const char* day : {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}) {
                    if (value.find(fmt::format("\"{}\"", day)) != std::string::npos) {
                        items.emplace_back(day);
                    }
                }
                text = join(items, ",");
            }
            table.rows.push_back({key, text, origin(key)});
        }
        print_table(env.out, table, env.output);
        return k_exit_ok;
    }
    std::error_code ec;
    env.out << fmt::format("# configuration file: {}{}\n", env.config_path.empty() ? "(none)" : env.config_path.string(),
                           !env.config_path.empty() && !std::filesystem::exists(env.config_path, ec) ? " (not present)" : "");
    for (const auto& [key, value] : values) {
        env.out << fmt::format("{:<16} = {:<40} # {}\n", key, value, origin(key));
    }
    return k_exit_ok;
}

} // namespace

Handler setup_config(CLI::App& /*command*/)
{
    return [](Env& env) { return run_config(env); };
}

} // namespace fu::commands
