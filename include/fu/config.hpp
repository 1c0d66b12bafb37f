// fu/config.hpp — the configuration file: defaults for settings and options, with their origins.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "fu/settings.hpp"

namespace fu {

// The effective configuration and where each value came from ("default", "FILE:LINE", …).
struct Config {
    Settings settings;
    std::optional<std::string> db;     // database path
    std::optional<std::string> format; // default --format
    std::optional<std::string> color;  // default --color
    std::map<std::string, std::string> origins;
};

// Every key the file may hold, in documentation order.
const std::vector<std::string>& config_keys();

// Parses config text: TOML, with the keys at the top or in an optional [fu] table, and named
// playbooks in a [playbooks] table (they follow the built-in ones; one of the same name replaces it).
// `source` names the file in errors and origins. Throws fu::Error (2) "FILE:LINE: …" for text that is
// not TOML (a key set twice included), an unknown key or a bad value; a playbook step's time phrase and
// on_won are checked once the whole file is read.
Config parse_config(const std::string& text, const std::string& source);

// Reads and parses the file; a missing file is an error only when `required`.
Config load_config(const std::filesystem::path& path, bool required);

// One effective setting as data: none (no value), text, a whole number, or a list of words.
struct ConfigValue {
    std::string key;
    std::variant<std::monostate, std::string, long long, std::vector<std::string>> value;
};

// Every setting of `config`, in config_keys() order, for `fu config`.
std::vector<ConfigValue> config_values(const Config& config);

} // namespace fu
