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

std::string hint_of(const std::string& text)
{
    try {
        parse_config(text, "cfg.toml");
    } catch (const Error& e) {
        return e.hint();
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
holidays = ["christmas"]
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
    REQUIRE(s.holidays.size() == 1);
    CHECK(s.holidays[0].name == "christmas");
    CHECK(config.origins.at("holidays") == "cfg.toml:17");
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
    CHECK(error_of("[hours]") == "cfg.toml:1: unknown table [hours]");
    CHECK(error_of("[fu.hours]\nday = \"08:00-18:00\"") == "cfg.toml:1: unknown table [fu.hours]");
}

TEST_CASE("text that is not TOML is refused with the file and the line")
{
    CHECK(error_of("db = unquoted") == "cfg.toml:1: bad value: could not determine value type");
    CHECK(hint_of("db = unquoted") == "the file is TOML: key = \"text\", key = 30 or key = [\"a\", \"b\"]");
    CHECK(error_of("day = \"09:00-17:00") == "cfg.toml:1: bad string: encountered end-of-file");
    CHECK(error_of("just words") == "cfg.toml:1: bad key-value pair: expected '=', saw 'w'");
    CHECK(error_of("cold_after = 5 6") == "cfg.toml:1: bad key-value pair: expected a comment or whitespace, saw '6'");
    CHECK(error_of("# settings\nappointment = 30\nday = \"09:00-17:00\ncold_after = 5\n").rfind("cfg.toml:3: bad string: ", 0) == 0);
    CHECK(error_of("workdays = [\"mon\",\n  \"tue\"") == "cfg.toml:2: bad array: encountered end-of-file");
    CHECK(error_of("appointment = 99999999999999999999").rfind("cfg.toml:1: bad ", 0) == 0);
    CHECK(error_of("\xff = 1").rfind("cfg.toml:1: ", 0) == 0); // not UTF-8
}

TEST_CASE("a key set twice is an error naming the second line")
{
    CHECK(error_of("day = \"08:00-18:00\"\n\nday = \"10:00-16:00\"") ==
          "cfg.toml:3: bad key-value pair: cannot redefine existing string 'day'");
    CHECK(hint_of("appointment = 30\nappointment = 30") == "each key and table may appear only once");
    CHECK(error_of("[fu]\nday = \"08:00-18:00\"\n[fu]\nlunch = \"12:00-13:00\"") ==
          "cfg.toml:3: bad table header: cannot redefine existing table 'fu'");
    // at the top and again under [fu]: the same setting, so also refused
    CHECK(error_of("day = \"08:00-18:00\"\n[fu]\nday = \"10:00-16:00\"") == "cfg.toml:3: day is already set on line 1");
}

TEST_CASE("a value of the wrong type names the key and the line")
{
    CHECK(error_of("appointment = 30.0") == "cfg.toml:1: appointment must be a whole number from 1 to 1440");
    CHECK(error_of("\ncold_after = \"21\"") == "cfg.toml:2: cold_after must be a whole number from 1 to 3650");
    CHECK(error_of("busy_timeout_ms = true") == "cfg.toml:1: busy_timeout_ms must be a whole number from 1 to 600000");
    CHECK(error_of("day = 9") == "cfg.toml:1: day must be a span like \"09:00-17:00\"");
    CHECK(error_of("lunch = [\"12:00-13:00\"]") == "cfg.toml:1: lunch must be a span like \"09:00-17:00\"");
    CHECK(error_of("format = [\"json\"]") == "cfg.toml:1: format must be one of human, json, tsv, csv");
    CHECK(error_of("db = 3") == "cfg.toml:1: db must be a quoted path");
    CHECK(error_of("week_start = 1") == "cfg.toml:1: week_start must be a day name like \"monday\"");
    CHECK(error_of("workdays = 5") ==
          "cfg.toml:1: workdays must be a range like \"mon-fri\" or a list like [\"mon\", \"tue\"]");
    // an item of an array is named by its own line
    CHECK(error_of("workdays = [\n  \"mon\",\n  2,\n]") ==
          "cfg.toml:3: workdays must be a range like \"mon-fri\" or a list like [\"mon\", \"tue\"]");
    CHECK(error_of("workdays = [\n  \"mon\",\n  \"funday\",\n]") == "cfg.toml:3: \"funday\" is not a day of the week");
    CHECK(error_of("workdays = []") == "cfg.toml:1: workdays is empty");
}

TEST_CASE("the first mistake in the file is the one reported, not the first in key order")
{
    CHECK(error_of("wrkdays = \"mon-fri\"\nappointment = 0") ==
          "cfg.toml:1: unknown key \"wrkdays\" (did you mean \"workdays\"?)");
    CHECK(error_of("lunch = \"14:00-12:00\"\n[fu]\nappointment = 0") ==
          "cfg.toml:1: lunch: \"14:00-12:00\" ends before it starts");
}

TEST_CASE("TOML beyond the old subset: multi-line arrays, literal strings, inline [fu]")
{
    const Config config = parse_config("workdays = [\n  'mon', # comment\n  \"wed\",\n]\nfu = { appointment = 45 }\n",
                                       "cfg.toml");
    CHECK(config.settings.workdays == std::array<bool, 7>{false, true, false, true, false, false, false});
    CHECK(config.settings.appointment == std::chrono::minutes{45});
    CHECK(config.origins.at("workdays") == "cfg.toml:1");
    CHECK(config.origins.at("appointment") == "cfg.toml:5");
}

TEST_CASE("holidays: dates, ranges and named days")
{
    const Config config = parse_config(R"(day = "09:00-17:00"
holidays = [
  "2026-12-24",
  "2026-12-28..2027-01-01",
  "thanksgiving",
  "New Year's Day",
]
)",
                                       "cfg.toml");
    const auto& h = config.settings.holidays;
    REQUIRE(h.size() == 4);
    CHECK(h[0].kind == Holiday::Kind::date);
    CHECK(h[0].first == date::local_days{date::year{2026} / 12 / 24});
    CHECK(h[1].kind == Holiday::Kind::range);
    CHECK(h[1].first == date::local_days{date::year{2026} / 12 / 28});
    CHECK(h[1].last == date::local_days{date::year{2027} / 1 / 1});
    CHECK(h[2].kind == Holiday::Kind::named);
    CHECK(h[2].name == "thanksgiving");
    CHECK(h[3].text == "New Year's Day");
    CHECK(config.origins.at("holidays") == "cfg.toml:2");
    // a TOML date without quotes is a date too
    const auto unquoted = parse_config("holidays = [2026-07-03, \"christmas\"]", "c").settings.holidays;
    REQUIRE(unquoted.size() == 2);
    CHECK(unquoted[0].first == date::local_days{date::year{2026} / 7 / 3});
    CHECK(unquoted[0].text == "2026-07-03");
    CHECK(parse_config("holidays = []", "c").settings.holidays.empty());
    CHECK(parse_config("", "c").settings.holidays.empty());
}

TEST_CASE("a bad holiday names the file, the line of the entry and what is wrong")
{
    CHECK(error_of("holidays = [\n  \"2026-12-24\",\n  \"funday\",\n]") ==
          "cfg.toml:3: holiday \"funday\" is not a date, a range or a named day");
    CHECK(hint_of("holidays = [\"funday\"]").find("thanksgiving") != std::string::npos);
    CHECK(error_of("holidays = [\"2027-01-01..2026-12-24\"]") ==
          "cfg.toml:1: holiday \"2027-01-01..2026-12-24\" is a reversed range");
    CHECK(error_of("holidays = [\"2026-02-30\"]") ==
          "cfg.toml:1: holiday \"2026-02-30\" is not a date, a range or a named day");
    CHECK(error_of("holidays = \"christmas\"") ==
          "cfg.toml:1: holidays must be a list like [\"2026-12-24\", \"2026-12-28..2026-12-31\", \"thanksgiving\"]");
    CHECK(error_of("holidays = [\"christmas\", 24]").rfind("cfg.toml:1: holidays must be a list like", 0) == 0);
    CHECK(error_of("holidays = [2026-12-24T10:00:00]").rfind("cfg.toml:1: holidays must be a list like", 0) == 0);
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
    CHECK(std::get<std::vector<std::string>>(find("holidays")->value).empty());
    // holidays as written, in order, right after workdays
    const auto with_holidays = config_values(parse_config("holidays = [\"christmas\", \"2026-12-31\"]", "c"));
    CHECK(with_holidays[5].key == "holidays");
    CHECK(std::get<std::vector<std::string>>(with_holidays[5].value) ==
          std::vector<std::string>{"christmas", "2026-12-31"});
}
