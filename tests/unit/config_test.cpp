// The configuration file: parsing, validation with file:line, origins.
#include <doctest/doctest.h>

#include <algorithm>

#include "fu/config.hpp"
#include "fu/error.hpp"

using namespace fu;

namespace {
std::string error_of(const std::string& text)
{
    try {
        parse_config(text, "cfg.toml");
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("an empty file gives the defaults")
{
    const Config config = parse_config("", "cfg.toml");
    CHECK(config.settings.day.start_minute == 9 * 60);
    CHECK(config.settings.day.end_minute == 17 * 60);
    CHECK(config.settings.appointment == std::chrono::minutes{15});
    CHECK_FALSE(config.db);
    CHECK(config.origins.at("day") == "default");
}

TEST_CASE("every key is read, with its origin")
{
    const Config config = parse_config(R"(# my settings
[fu]
db = "/data/fu.db"   # a comment after a value
format = "json"
color = 'never'
day = "08:00-18:00"
workdays = ["mon", "tue", "wed", "thu", "fri", "saturday"]
week_start = "sunday"
morning = "08:00-11:30"
lunch = "12:00-13:00"
afternoon = "13:00-18:00"
evening = "18:00-22:00"
appointment = 30
cold_after = 10
give_up_after = 5
busy_timeout_ms = 250
)",
                                       "cfg.toml");
    const Settings& s = config.settings;
    CHECK(config.db == "/data/fu.db");
    CHECK(config.format == "json");
    CHECK(config.color == "never");
    CHECK(s.day.start_minute == 8 * 60);
    CHECK(s.day.end_minute == 18 * 60);
    CHECK(s.workdays == std::array<bool, 7>{false, true, true, true, true, true, true});
    CHECK(s.week_start == 0);
    CHECK(s.morning.end_minute == 11 * 60 + 30);
    CHECK(s.appointment == std::chrono::minutes{30});
    CHECK(s.cold_after_days == 10);
    CHECK(s.give_up_after == 5);
    CHECK(s.busy_timeout == std::chrono::milliseconds{250});
    CHECK(config.origins.at("day") == "cfg.toml:6");
    CHECK(config.origins.at("lunch") == "cfg.toml:10");
}

TEST_CASE("workdays as a range, wrapping the week")
{
    CHECK(parse_config("workdays = \"mon-sat\"", "c").settings.workdays ==
          std::array<bool, 7>{false, true, true, true, true, true, true});
    CHECK(parse_config("workdays = \"sun-thu\"", "c").settings.workdays ==
          std::array<bool, 7>{true, true, true, true, true, false, false});
    CHECK(parse_config("workdays = \"fri-mon\"", "c").settings.workdays ==
          std::array<bool, 7>{true, true, false, false, false, true, true});
}

TEST_CASE("mistakes name the file, the line and the problem")
{
    CHECK(error_of("\nwrkdays = \"mon-fri\"") == "cfg.toml:2: unknown key \"wrkdays\" (did you mean \"workdays\"?)");
    CHECK(error_of("day = \"17:00-09:00\"") == "cfg.toml:1: day: \"17:00-09:00\" ends before it starts");
    CHECK(error_of("day = \"25:00-26:00\"") == "cfg.toml:1: day: \"25:00\" is not a time of day");
    CHECK(error_of("appointment = \"x\"") == "cfg.toml:1: appointment must be a whole number from 1 to 1440");
    CHECK(error_of("give_up_after = -3") == "cfg.toml:1: give_up_after must be a whole number from 1 to 1000");
    CHECK(error_of("appointment = 0") == "cfg.toml:1: appointment must be a whole number from 1 to 1440");
    CHECK(error_of("format = \"yaml\"") == "cfg.toml:1: format must be one of human, json, tsv, csv");
    CHECK(error_of("workdays = [\"funday\"]") == "cfg.toml:1: \"funday\" is not a day of the week");
    CHECK(error_of("db = unquoted") == "cfg.toml:1: \"unquoted\" is not a value (quote strings: \"unquoted\")");
    CHECK(error_of("day = \"09:00-17:00") == "cfg.toml:1: unterminated string");
    CHECK(error_of("[hours]") == "cfg.toml:1: unknown table [hours]");
    CHECK(error_of("just words") == "cfg.toml:1: expected key = value, not \"just words\"");
    CHECK(error_of("cold_after = 5 6") == "cfg.toml:1: unexpected \"6\" after the value");
}

TEST_CASE("config_values lists every key once")
{
    const auto values = config_values(parse_config("appointment = 20", "c"));
    CHECK(values.size() == config_keys().size());
    const auto find = [&](const char* key) {
        return std::find_if(values.begin(), values.end(), [&](const ConfigValue& v) { return v.key == key; });
    };
    REQUIRE(find("appointment") != values.end());
    CHECK(std::get<long long>(find("appointment")->value) == 20);
    CHECK(std::get<std::string>(find("day")->value) == "09:00-17:00");
    CHECK(std::get<std::vector<std::string>>(find("workdays")->value) ==
          std::vector<std::string>{"mon", "tue", "wed", "thu", "fri"});
    CHECK(std::holds_alternative<std::monostate>(find("db")->value));
}
