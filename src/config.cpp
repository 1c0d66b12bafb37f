#include "fu/config.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "fu/error.hpp"
#include "fu/text.hpp"

namespace fu {
namespace {

constexpr const char* k_day_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr const char* k_full_day_names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                            "thursday", "friday", "saturday"};

struct Line {
    const std::string& source;
    int number;
    [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const
    {
        throw usage_error(fmt::format("{}:{}: {}", source, number, message), hint);
    }
};

// A value as written: a string, an integer, or an array of strings.
struct Value {
    enum class Kind { string, integer, array } kind = Kind::string;
    std::string text;
    long long integer = 0;
    std::vector<std::string> items;
};

std::string parse_string(std::string_view& rest, const Line& line)
{
    const char quote = rest.front();
    rest.remove_prefix(1);
    std::string out;
    while (!rest.empty() && rest.front() != quote) {
        char c = rest.front();
        rest.remove_prefix(1);
        if (c == '\\' && quote == '"' && !rest.empty()) {
            const char e = rest.front();
            rest.remove_prefix(1);
            c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
        }
        out += c;
    }
    if (rest.empty()) {
        line.fail("unterminated string");
    }
    rest.remove_prefix(1);
    return out;
}

void skip_space(std::string_view& rest)
{
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
        rest.remove_prefix(1);
    }
}

Value parse_value(std::string_view rest, const Line& line)
{
    Value value;
    skip_space(rest);
    if (rest.empty()) {
        line.fail("missing value");
    }
    if (rest.front() == '"' || rest.front() == '\'') {
        value.text = parse_string(rest, line);
    } else if (rest.front() == '[') {
        value.kind = Value::Kind::array;
        rest.remove_prefix(1);
        for (;;) {
            skip_space(rest);
            if (rest.empty()) {
                line.fail("unterminated array");
            }
            if (rest.front() == ']') {
                rest.remove_prefix(1);
                break;
            }
            if (rest.front() != '"' && rest.front() != '\'') {
                line.fail("arrays hold quoted strings, e.g. [\"mon\", \"tue\"]");
            }
            value.items.push_back(parse_string(rest, line));
            skip_space(rest);
            if (!rest.empty() && rest.front() == ',') {
                rest.remove_prefix(1);
            }
        }
    } else {
        std::size_t end = 0;
        while (end < rest.size() && rest[end] != ' ' && rest[end] != '\t' && rest[end] != '#') {
            ++end;
        }
        const std::string word(rest.substr(0, end));
        rest.remove_prefix(end);
        const std::string_view digits = !word.empty() && word[0] == '-' ? std::string_view(word).substr(1)
                                                                         : std::string_view(word);
        const bool numeric = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        if (!numeric || word.size() > 9) {
            line.fail(fmt::format("\"{}\" is not a value (quote strings: \"{}\")", word, word));
        }
        value.kind = Value::Kind::integer;
        value.integer = std::stoll(word);
        value.text = word;
    }
    skip_space(rest);
    if (!rest.empty() && rest.front() != '#') {
        line.fail(fmt::format("unexpected \"{}\" after the value", std::string(rest)));
    }
    return value;
}

int clock_minutes(std::string_view text, const Line& line, const std::string& key)
{
    const auto colon = text.find(':');
    const auto number = [&](std::string_view digits) {
        if (digits.empty() || digits.size() > 2 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            line.fail(fmt::format("{}: \"{}\" is not a time like 09:00", key, std::string(text)));
        }
        return std::stoi(std::string(digits));
    };
    const int hours = number(text.substr(0, colon));
    const int minutes = colon == std::string_view::npos ? 0 : number(text.substr(colon + 1));
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) {
        line.fail(fmt::format("{}: \"{}\" is not a time of day", key, std::string(text)));
    }
    return hours * 60 + minutes;
}

DayPart day_part(const Value& value, const Line& line, const std::string& key)
{
    const auto dash = value.text.find('-');
    if (value.kind != Value::Kind::string || dash == std::string::npos) {
        line.fail(fmt::format("{} must be a span like \"09:00-17:00\"", key));
    }
    const DayPart part{clock_minutes(trim(value.text.substr(0, dash)), line, key),
                       clock_minutes(trim(value.text.substr(dash + 1)), line, key)};
    if (part.end_minute <= part.start_minute) {
        line.fail(fmt::format("{}: \"{}\" ends before it starts", key, value.text));
    }
    return part;
}

int day_index(const std::string& name, const Line& line)
{
    const std::string word = ascii_lower(name).substr(0, 3);
    for (int i = 0; i < 7; ++i) {
        if (word == k_day_names[i] && name.size() >= 3) {
            return i;
        }
    }
    line.fail(fmt::format("\"{}\" is not a day of the week", name));
}

std::array<bool, 7> workdays(const Value& value, const Line& line)
{
    std::array<bool, 7> days{};
    if (value.kind == Value::Kind::array) {
        for (const auto& item : value.items) {
            days[static_cast<std::size_t>(day_index(item, line))] = true;
        }
    } else if (value.kind == Value::Kind::string && value.text.find('-') != std::string::npos) {
        const auto dash = value.text.find('-');
        const int first = day_index(trim(value.text.substr(0, dash)), line);
        const int last = day_index(trim(value.text.substr(dash + 1)), line);
        for (int d = first;; d = (d + 1) % 7) {
            days[static_cast<std::size_t>(d)] = true;
            if (d == last) {
                break;
            }
        }
    } else {
        line.fail("workdays must be a range like \"mon-fri\" or a list like [\"mon\", \"tue\"]");
    }
    if (std::none_of(days.begin(), days.end(), [](bool b) { return b; })) {
        line.fail("workdays is empty");
    }
    return days;
}

long long positive(const Value& value, const Line& line, const std::string& key, long long max)
{
    if (value.kind != Value::Kind::integer || value.integer < 1 || value.integer > max) {
        line.fail(fmt::format("{} must be a whole number from 1 to {}", key, max));
    }
    return value.integer;
}

std::string one_of(const Value& value, const Line& line, const std::string& key,
                   const std::vector<std::string>& allowed)
{
    if (value.kind != Value::Kind::string ||
        std::find(allowed.begin(), allowed.end(), value.text) == allowed.end()) {
        line.fail(fmt::format("{} must be one of {}", key, join(allowed, ", ")));
    }
    return value.text;
}

std::string span_text(const DayPart& part)
{
    return fmt::format("{:02}:{:02}-{:02}:{:02}", part.start_minute / 60, part.start_minute % 60,
                       part.end_minute / 60, part.end_minute % 60);
}

} // namespace

const std::vector<std::string>& config_keys()
{
    static const std::vector<std::string> keys{
        "db",      "format",    "color",       "day",        "workdays",    "week_start",
        "morning", "lunch",     "afternoon",   "evening",    "appointment", "cold_after",
        "give_up_after", "busy_timeout_ms"};
    return keys;
}

Config parse_config(const std::string& text, const std::string& source)
{
    Config config;
    for (const auto& key : config_keys()) {
        config.origins[key] = "default";
    }
    std::istringstream in(text);
    std::string raw;
    int number = 0;
    while (std::getline(in, raw)) {
        ++number;
        const Line line{source, number};
        if (!is_valid_utf8(raw)) {
            line.fail("not valid UTF-8");
        }
        const std::string content = trim(raw);
        if (content.empty() || content[0] == '#') {
            continue;
        }
        if (content[0] == '[') {
            if (content != "[fu]") {
                line.fail(fmt::format("unknown table {}", content), "put the keys at the top, or under [fu]");
            }
            continue;
        }
        const auto equals = content.find('=');
        if (equals == std::string::npos) {
            line.fail(fmt::format("expected key = value, not \"{}\"", content));
        }
        const std::string key = trim(content.substr(0, equals));
        const auto& keys = config_keys();
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            const std::string suggestion = nearest(key, keys);
            line.fail(fmt::format("unknown key \"{}\"{}", key,
                                  suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)),
                      fmt::format("the keys are: {}", join(keys, ", ")));
        }
        const Value value = parse_value(std::string_view(content).substr(equals + 1), line);
        Settings& s = config.settings;
        if (key == "db") {
            if (value.kind != Value::Kind::string || value.text.empty()) {
                line.fail("db must be a quoted path");
            }
            config.db = value.text;
        } else if (key == "format") {
            config.format = one_of(value, line, key, {"human", "json", "tsv", "csv"});
        } else if (key == "color") {
            config.color = one_of(value, line, key, {"auto", "always", "never"});
        } else if (key == "day") {
            s.day = day_part(value, line, key);
        } else if (key == "workdays") {
            s.workdays = workdays(value, line);
        } else if (key == "week_start") {
            if (value.kind != Value::Kind::string) {
                line.fail("week_start must be a day name like \"monday\"");
            }
            s.week_start = static_cast<unsigned>(day_index(value.text, line));
        } else if (key == "morning") {
            s.morning = day_part(value, line, key);
        } else if (key == "lunch") {
            s.lunch = day_part(value, line, key);
        } else if (key == "afternoon") {
            s.afternoon = day_part(value, line, key);
        } else if (key == "evening") {
            s.evening = day_part(value, line, key);
        } else if (key == "appointment") {
            s.appointment = std::chrono::minutes{positive(value, line, key, 24 * 60)};
        } else if (key == "cold_after") {
            s.cold_after_days = static_cast<int>(positive(value, line, key, 3650));
        } else if (key == "give_up_after") {
            s.give_up_after = static_cast<int>(positive(value, line, key, 1000));
        } else if (key == "busy_timeout_ms") {
            s.busy_timeout = std::chrono::milliseconds{positive(value, line, key, 600000)};
        }
        config.origins[key] = fmt::format("{}:{}", source, number);
    }
    return config;
}

Config load_config(const std::filesystem::path& path, bool required)
{
    std::ifstream in(path);
    if (!in) {
        std::error_code ec;
        if (!required && !std::filesystem::exists(path, ec)) {
            return parse_config("", path.string());
        }
        throw usage_error(fmt::format("cannot read the configuration file {}", path.string()));
    }
    std::stringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path.string());
}

std::vector<ConfigValue> config_values(const Config& config)
{
    const Settings& s = config.settings;
    std::vector<std::string> days;
    for (std::size_t i = 0; i < 7; ++i) {
        if (s.workdays[i]) {
            days.emplace_back(k_day_names[i]);
        }
    }
    const auto text_or_none = [](const std::optional<std::string>& v) -> decltype(ConfigValue::value) {
        if (v) {
            return *v;
        }
        return std::monostate{};
    };
    return {
        {"db", text_or_none(config.db)},
        {"format", config.format.value_or("human")},
        {"color", config.color.value_or("auto")},
        {"day", span_text(s.day)},
        {"workdays", days},
        {"week_start", std::string(k_full_day_names[s.week_start % 7])},
        {"morning", span_text(s.morning)},
        {"lunch", span_text(s.lunch)},
        {"afternoon", span_text(s.afternoon)},
        {"evening", span_text(s.evening)},
        {"appointment", static_cast<long long>(s.appointment.count())},
        {"cold_after", static_cast<long long>(s.cold_after_days)},
        {"give_up_after", static_cast<long long>(s.give_up_after)},
        {"busy_timeout_ms", static_cast<long long>(s.busy_timeout.count())},
    };
}

} // namespace fu
