// src/env_setup.hpp — deriving a run's Env values from its options and environment variables.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fu/zone.hpp"

namespace fu {

// The value of an environment variable, or empty when unset.
std::string env_variable(const std::map<std::string, std::string>& environment, const std::string& name);

// --db, else FU_DB, else the config file's db, else $XDG_DATA_HOME/fu/fu.db, else
// ~/.local/share/fu/fu.db; empty when there is no HOME. `origin` is set to where the path came from.
std::filesystem::path database_path(const std::string& option, const std::optional<std::string>& configured,
                                    const std::map<std::string, std::string>& environment,
                                    std::string& origin);

// --config, else FU_CONFIG (both must exist), else $XDG_CONFIG_HOME/fu/config.toml, else
// ~/.config/fu/config.toml (optional). Empty when there is no home to look in.
std::filesystem::path config_path(const std::string& option,
                                  const std::map<std::string, std::string>& environment, bool& required);

// TZ when set (a leading ':' stripped; empty means UTC; unknown is an error), else the system zone.
const Zone& user_zone(const std::map<std::string, std::string>& environment,
                      const std::function<const Zone*()>& system_zone);

// --color always|never|auto; auto means a terminal, unless NO_COLOR is set or TERM is dumb.
bool use_color(const std::string& option, const std::map<std::string, std::string>& environment,
               bool out_is_terminal);

// The words --color takes: auto, always, never.
const std::vector<std::string>& color_choices();

} // namespace fu
