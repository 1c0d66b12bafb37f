// src/commands/config.cpp — `fu config`: the effective settings and where each came from.
#include <algorithm>
#include <type_traits>
#include <variant>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "fu/config.hpp"
#include "fu/format.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

// A TOML basic string: "text" with quotes, backslashes and control characters escaped.
std::string toml_quoted(const std::string& text)
{
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// The three renderings of a setting: data for JSON, a TOML literal for people, plain text for TSV/CSV.
Json as_json(const ConfigValue& v)
{
    return std::visit(
        [](const auto& x) -> Json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return Json();
            } else if constexpr (std::is_same_v<T, long long>) {
                return Json(static_cast<std::int64_t>(x));
            } else if constexpr (std::is_same_v<T, std::string>) {
                return Json(x);
            } else {
                Json list = Json::array();
                for (const auto& item : x) {
                    list.push(item);
                }
                return list;
            }
        },
        v.value);
}

std::string as_toml(const ConfigValue& v)
{
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "(none: HOME is not set; use --db or FU_DB)";
            } else if constexpr (std::is_same_v<T, long long>) {
                return std::to_string(x);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return toml_quoted(x);
            } else {
                std::vector<std::string> quoted;
                for (const auto& item : x) {
                    quoted.push_back(toml_quoted(item));
                }
                return "[" + join(quoted, ", ") + "]";
            }
        },
        v.value);
}

std::string as_plain(const ConfigValue& v)
{
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "";
            } else if constexpr (std::is_same_v<T, long long>) {
                return std::to_string(x);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return x;
            } else {
                return join(x, ",");
            }
        },
        v.value);
}

int run_config(Env& env)
{
    Config effective;
    effective.settings = env.settings;
    if (!env.db_path.empty()) {
        effective.db = env.db_path.string();
    }
    effective.color = env.output.color_choice;
    effective.format = std::string(to_string(env.output.format));
    const auto values = config_values(effective);
    const auto origin = [&](const std::string& key) {
        const auto found = env.origins.find(key);
        return found == env.origins.end() ? std::string("default") : found->second;
    };
    if (env.json()) {
        Json settings = Json::object();
        for (const auto& v : values) {
            settings.set(v.key, Json::object().set("value", as_json(v)).set("origin", origin(v.key)));
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
        for (const auto& v : values) {
            table.rows.push_back({v.key, as_plain(v), origin(v.key)});
        }
        print_table(env.out, table, env.output);
        return k_exit_ok;
    }
    std::error_code ec;
    env.out << fmt::format("# configuration file: {}{}\n", env.config_path.empty() ? "(none)" : env.config_path.string(),
                           !env.config_path.empty() && !std::filesystem::exists(env.config_path, ec) ? " (not present)" : "");
    std::size_t key_width = 0;
    for (const auto& v : values) {
        key_width = std::max(key_width, v.key.size());
    }
    for (const auto& v : values) {
        env.out << fmt::format("{:<{}} = {:<40} # {}\n", v.key, key_width, as_toml(v), origin(v.key));
    }
    return k_exit_ok;
}

} // namespace

Handler setup_config(CLI::App& /*command*/)
{
    return [](Env& env) { return run_config(env); };
}

} // namespace fu::commands
