#include "env_setup.hpp"

#include <fmt/format.h>

#include "fu/agenda.hpp"
#include "fu/env.hpp"
#include "fu/error.hpp"
#include "fu/text.hpp"
#include "fu/when.hpp"

namespace fu {

ChangeLabel Env::change_label() const
{
    return {command_line, now, true, touch_window_keeper(*zone)};
}

std::string env_variable(const std::map<std::string, std::string>& environment, const std::string& name)
{
    const auto found = environment.find(name);
    return found == environment.end() ? std::string() : found->second;
}

std::filesystem::path database_path(const std::string& option, const std::optional<std::string>& configured,
                                    const std::map<std::string, std::string>& environment,
                                    std::string& origin)
{
    if (!option.empty()) {
        origin = "--db";
        return option;
    }
    if (const std::string from_env = env_variable(environment, "FU_DB"); !from_env.empty()) {
        origin = "FU_DB";
        return from_env;
    }
    if (configured) {
        // The origin (the config file's line) is already recorded.
        if (configured->rfind("~/", 0) == 0 && !env_variable(environment, "HOME").empty()) {
            return std::filesystem::path(env_variable(environment, "HOME")) / configured->substr(2);
        }
        return *configured;
    }
    origin = "default";
    if (const std::string data_home = env_variable(environment, "XDG_DATA_HOME");
        !data_home.empty() && data_home.front() == '/') {
        return std::filesystem::path(data_home) / "fu" / "fu.db";
    }
    const std::string home = env_variable(environment, "HOME");
    if (home.empty()) {
        return {}; // the store refuses it, when a command needs the database
    }
    return std::filesystem::path(home) / ".local" / "share" / "fu" / "fu.db";
}

std::filesystem::path config_path(const std::string& option,
                                  const std::map<std::string, std::string>& environment, bool& required)
{
    required = true;
    if (!option.empty()) {
        return option;
    }
    if (const std::string from_env = env_variable(environment, "FU_CONFIG"); !from_env.empty()) {
        return from_env;
    }
    required = false;
    if (const std::string config_home = env_variable(environment, "XDG_CONFIG_HOME");
        !config_home.empty() && config_home.front() == '/') {
        return std::filesystem::path(config_home) / "fu" / "config.toml";
    }
    const std::string home = env_variable(environment, "HOME");
    if (home.empty()) {
        return {};
    }
    return std::filesystem::path(home) / ".config" / "fu" / "config.toml";
}

const Zone& user_zone(const std::map<std::string, std::string>& environment,
                      const std::function<const Zone*()>& system_zone)
{
    const auto tz = environment.find("TZ");
    if (tz == environment.end()) {
        const Zone* zone = system_zone ? system_zone() : nullptr;
        return zone != nullptr ? *zone : find_zone("UTC");
    }
    std::string name = tz->second;
    if (!name.empty() && name.front() == ':') {
        name.erase(0, 1);
    }
    if (name.empty()) {
        return find_zone("UTC"); // POSIX: an empty TZ is UTC
    }
    // TZ may name a zone file: /usr/share/zoneinfo/Europe/Berlin.
    for (const std::string prefix : {"/usr/share/zoneinfo/", "/usr/lib/zoneinfo/"}) {
        if (name.rfind(prefix, 0) == 0) {
            name.erase(0, prefix.size());
        }
    }
    try {
        return find_zone(name);
    } catch (const Error& e) {
        throw usage_error(fmt::format("TZ: {}", e.what()), e.hint());
    }
}

bool use_color(const std::string& option, const std::map<std::string, std::string>& environment,
               bool out_is_terminal)
{
    if (option == "always") {
        return true;
    }
    if (option == "never") {
        return false;
    }
    if (!env_variable(environment, "NO_COLOR").empty()) {
        return false;
    }
    if (env_variable(environment, "TERM") == "dumb") {
        return false;
    }
    return out_is_terminal;
}

const std::vector<std::string>& color_choices()
{
    static const std::vector<std::string> choices{"auto", "always", "never"};
    return choices;
}

} // namespace fu
