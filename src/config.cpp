// src/config.cpp — the configuration file: TOML read by toml++, then every key checked and its line kept.
#include "fu/config.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>
#include <string_view>
#include <utility>

#include <toml++/toml.h>

#include "fu/calendar.hpp"
#include "fu/error.hpp"
#include "fu/model.hpp"
#include "fu/practice.hpp"
#include "fu/text.hpp"
#include "fu/when.hpp"
#include "when/lexicon.hpp"

namespace fu {
namespace {

// A line of the file, for errors and origins.
struct Line {
    const std::string& source;
    std::uint32_t number;
    [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const
    {
        throw usage_error(fmt::format("{}:{}: {}", source, number, message), hint);
    }
    // The line where `node` (a value, or an item of an array) begins.
    Line at(const toml::node& node) const { return {source, node.source().begin.line}; }
    Line at(const toml::key& key) const { return {source, key.source().begin.line}; }
    // Runs `check`, naming this line and `what` in the fu::Error it throws.
    template <class Check>
    auto wrap(const std::string& what, Check&& check) const
    {
        try {
            return check();
        } catch (const Error& e) {
            fail(fmt::format("{}: {}", what, e.what()), e.hint());
        }
    }
};

// A check that needs the whole file read first: a step's time phrase reads day, workdays and holidays,
// which may come later in the file, and on_won may name a playbook defined further down.
struct Deferred {
    std::uint32_t line;
    std::function<void(const Settings&)> check;
};

// The text of a string value, or nullptr for any other type.
const std::string* text_of(const toml::node& node)
{
    const auto* value = node.as_string();
    return value ? &value->get() : nullptr;
}

// Reads the whole file as TOML; a syntax error, a duplicate key or bad UTF-8 names its line.
toml::table parse_toml(const std::string& text, const std::string& source)
{
    try {
        return toml::parse(std::string_view(text), std::string_view(source));
    } catch (const toml::parse_error& e) {
        // toml++ says "Error while parsing key-value pair: expected '=', saw 'w'"; fu says "bad key-value
        // pair: expected '=', saw 'w'", in its lower case.
        std::string description(e.description());
        constexpr std::string_view k_prefix = "Error while parsing ";
        if (description.rfind(k_prefix, 0) == 0) {
            description.replace(0, k_prefix.size(), "bad ");
        }
        if (!description.empty() && description[0] >= 'A' && description[0] <= 'Z') {
            description[0] = static_cast<char>(description[0] - 'A' + 'a');
        }
        const bool duplicate = description.find("redefine") != std::string::npos;
        throw usage_error(fmt::format("{}:{}: {}", source, e.source().begin.line, description),
                          duplicate ? "each key and table may appear only once"
                                    : "the file is TOML: key = \"text\", key = 30 or key = [\"a\", \"b\"]");
    }
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

DayPart day_part(const toml::node& node, const Line& line, const std::string& key)
{
    const std::string* text = text_of(node);
    const auto dash = text ? text->find('-') : std::string::npos;
    if (dash == std::string::npos) {
        line.fail(fmt::format("{} must be a span like \"09:00-17:00\"", key));
    }
    const DayPart part{clock_minutes(trim(text->substr(0, dash)), line, key),
                       clock_minutes(trim(text->substr(dash + 1)), line, key)};
    if (part.end_minute <= part.start_minute) {
        line.fail(fmt::format("{}: \"{}\" ends before it starts", key, *text));
    }
    return part;
}

int day_index(const std::string& name, const Line& line)
{
    if (const auto day = lexicon::weekday(ascii_lower(name))) {
        return static_cast<int>(*day);
    }
    line.fail(fmt::format("\"{}\" is not a day of the week", name));
}

std::array<bool, 7> workdays(const toml::node& node, const Line& line)
{
    constexpr const char* k_usage = "workdays must be a range like \"mon-fri\" or a list like [\"mon\", \"tue\"]";
    std::array<bool, 7> days{};
    const std::string* text = text_of(node);
    if (const auto* list = node.as_array()) {
        for (const auto& item : *list) {
            const std::string* name = text_of(item);
            if (!name) {
                line.at(item).fail(k_usage);
            }
            days[static_cast<std::size_t>(day_index(*name, line.at(item)))] = true;
        }
    } else if (text && text->find('-') != std::string::npos) {
        const auto dash = text->find('-');
        const int first = day_index(trim(text->substr(0, dash)), line);
        const int last = day_index(trim(text->substr(dash + 1)), line);
        for (int d = first;; d = (d + 1) % 7) {
            days[static_cast<std::size_t>(d)] = true;
            if (d == last) {
                break;
            }
        }
    } else {
        line.fail(k_usage);
    }
    if (std::none_of(days.begin(), days.end(), [](bool b) { return b; })) {
        line.fail("workdays is empty");
    }
    return days;
}

std::vector<Holiday> holidays(const toml::node& node, const Line& line)
{
    constexpr const char* k_usage = "holidays must be a list like [\"2026-12-24\", \"2026-12-28..2026-12-31\", "
                                    "\"thanksgiving\"]";
    const auto* list = node.as_array();
    if (!list) {
        line.fail(k_usage);
    }
    std::vector<Holiday> out;
    for (const auto& item : *list) {
        std::string text;
        if (const std::string* quoted = text_of(item)) {
            text = *quoted;
        } else if (const auto* day = item.as_date()) { // a TOML date, 2026-12-24 without quotes
            text = fmt::format("{:04}-{:02}-{:02}", day->get().year, day->get().month, day->get().day);
        } else {
            line.at(item).fail(k_usage);
        }
        try {
            out.push_back(parse_holiday(text));
        } catch (const Error& e) {
            line.at(item).fail(e.what(), e.hint());
        }
    }
    return out;
}

long long positive(const toml::node& node, const Line& line, const std::string& key, long long max)
{
    const auto* number = node.as_integer();
    if (!number || number->get() < 1 || number->get() > max) {
        line.fail(fmt::format("{} must be a whole number from 1 to {}", key, max));
    }
    return number->get();
}

std::string one_of(const toml::node& node, const Line& line, const std::string& key,
                   const std::vector<std::string>& allowed)
{
    const std::string* text = text_of(node);
    if (!text || std::find(allowed.begin(), allowed.end(), *text) == allowed.end()) {
        line.fail(fmt::format("{} must be one of {}", key, join(allowed, ", ")));
    }
    return *text;
}

void check_text_at(const Line& line, const std::string& what, std::string_view text, std::size_t max_bytes,
                   bool multiline)
{
    try {
        check_text(what, text, max_bytes, multiline);
    } catch (const Error& e) {
        line.fail(e.what(), e.hint());
    }
}

MinGap min_gap(const toml::node& node, const Line& line)
{
    const std::string* text = text_of(node);
    if (!text) {
        line.fail("min_gap must be quoted text like \"1 workday\", \"4 hours\" or \"none\"");
    }
    return line.wrap("min_gap", [&] { return parse_min_gap(*text); });
}

std::string reminder_template(const toml::node& node, const Line& line)
{
    const std::string* text = text_of(node);
    if (!text) {
        line.fail("reminder_template must be quoted text");
    }
    check_text_at(line, "reminder_template", *text, 2000, true);
    line.wrap("reminder_template", [&] { check_reminder_template(*text); });
    return *text;
}

// A key of a table and its value.
using Member = std::pair<const toml::key*, const toml::node*>;

std::pair<std::uint32_t, std::uint32_t> position(const toml::key& key)
{
    return {key.source().begin.line, key.source().begin.column};
}

// The members of a table in the order they were written (toml++ keeps them sorted by name).
std::vector<Member> in_file_order(const toml::table& table)
{
    std::vector<Member> members;
    for (const auto& [key, value] : table) {
        members.emplace_back(&key, &value);
    }
    std::stable_sort(members.begin(), members.end(),
                     [](const Member& a, const Member& b) { return position(*a.first) < position(*b.first); });
    return members;
}

// ---- Playbooks ----

constexpr std::size_t k_max_playbook_steps = 50;
constexpr std::size_t k_max_about_bytes = 1000;
constexpr const char* k_playbook_usage =
    "a playbook is a list of steps: onboarding = [{ about = \"welcome call\", when = \"tomorrow\" }, …], "
    "or [[playbooks.onboarding]] tables";
constexpr const char* k_step_usage = "a step has about (what it is for), when (a time phrase) and, optionally, "
                                     "via (call, email, text or visit)";

bool is_playbook_name(std::string_view name)
{
    const auto allowed = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '-' || c == '_'));
    };
    if (name.empty() || name.size() > 40 || !allowed(name[0], true)) {
        return false;
    }
    return std::all_of(name.begin() + 1, name.end(), [&](char c) { return allowed(c, false); });
}

// The first Monday of 2026 at the start of the working day (or the first working day after it): the
// moment a playbook's time phrases are tried against, so that a phrase that only reads at some times
// of day ("by end of day") is not refused for the hour of the check.
Instant playbook_reference(const Settings& settings)
{
    date::local_days day{date::year{2026} / date::January / 5};
    for (int tries = 0; tries < 366; ++tries, day += date::days{1}) {
        if (settings.workdays[date::weekday{day}.c_encoding()] && !is_holiday(settings.holidays, day)) {
            break;
        }
    }
    return Instant{date::sys_days{day.time_since_epoch()}} + std::chrono::minutes{settings.day.start_minute};
}

void check_time_phrase(const std::string& phrase, const Line& line, const std::string& what, const Settings& settings)
{
    line.wrap(what + ": when", [&] { resolve(phrase, playbook_reference(settings), find_zone("UTC"), settings); });
}

const std::string& step_text(const toml::node& value, const Line& line, const std::string& what,
                             const std::string& key)
{
    const std::string* text = text_of(value);
    if (!text) {
        line.fail(fmt::format("{}: {} must be quoted text", what, key), k_step_usage);
    }
    if (trim(*text).empty()) {
        line.fail(fmt::format("{}: {} is empty", what, key), k_step_usage);
    }
    return *text;
}

// One step; `line` is where it begins, `what` is "playbook NAME step N".
PlaybookStep playbook_step(const toml::node& item, const Line& line, const std::string& what,
                           std::vector<Deferred>& later)
{
    const auto* table = item.as_table();
    if (!table) {
        line.fail(fmt::format("{} must be a table like {{ about = \"welcome call\", when = \"tomorrow\" }}", what),
                  k_step_usage);
    }
    static const std::vector<std::string> k_step_keys{"about", "when", "via"};
    PlaybookStep step;
    for (const auto& [key, value] : in_file_order(*table)) {
        const std::string name(key->str());
        const Line at = line.at(*key);
        if (name == "about") {
            step.about = step_text(*value, at, what, name);
            check_text_at(at, what + ": about", step.about, k_max_about_bytes, false);
        } else if (name == "when") {
            step.when = step_text(*value, at, what, name);
            later.push_back({at.number, [at, what, phrase = step.when](const Settings& settings) {
                                 check_time_phrase(phrase, at, what, settings);
                             }});
        } else if (name == "via") {
            step.via = one_of(*value, at, what + ": via", promise_channels());
        } else {
            const std::string suggestion = nearest(name, k_step_keys);
            at.fail(fmt::format("{}: unknown key \"{}\"{}", what, name,
                                suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)),
                    k_step_usage);
        }
    }
    for (const auto* required : {"about", "when"}) {
        if (!table->contains(required)) {
            line.fail(fmt::format("{}: {} is missing", what, required), k_step_usage);
        }
    }
    return step;
}

// The value of `playbooks`: a table of named lists of steps.
std::vector<Playbook> playbooks(const toml::node& node, const Line& line, std::vector<Deferred>& later)
{
    const auto* table = node.as_table();
    if (!table) {
        line.fail("playbooks must be a table of named playbooks", k_playbook_usage);
    }
    std::vector<Playbook> out;
    for (const auto& [key, value] : in_file_order(*table)) {
        const std::string name(key->str());
        const Line at = line.at(*key);
        if (name == "none") {
            at.fail("\"none\" cannot name a playbook", "on_won = \"none\" means no playbook; choose another name");
        }
        if (!is_playbook_name(name)) {
            at.fail(fmt::format("\"{}\" is not a playbook name", name),
                    "a name is 1 to 40 lower-case letters, digits, '-' and '_', such as \"post-sale\"");
        }
        const std::string what = "playbook " + name;
        const auto* steps = value->as_array();
        if (!steps) {
            at.fail(what + " must be a list of steps", k_playbook_usage);
        }
        if (steps->empty()) {
            at.fail(what + " has no steps", k_playbook_usage);
        }
        if (steps->size() > k_max_playbook_steps) {
            at.fail(fmt::format("{} has {} steps; at most {}", what, steps->size(), k_max_playbook_steps));
        }
        Playbook playbook{name, {}, fmt::format("{}:{}", line.source, at.number)};
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const toml::node& item = *steps->get(i);
            playbook.steps.push_back(playbook_step(item, line.at(item), fmt::format("{} step {}", what, i + 1), later));
        }
        out.push_back(std::move(playbook));
    }
    return out;
}

// on_won names a playbook: one fu ships or one of the file's.
void check_on_won(const std::string& name, const Line& line, const Settings& settings)
{
    if (find_playbook(settings, name)) {
        return;
    }
    std::vector<std::string> names;
    for (const auto& playbook : settings.playbooks) {
        names.push_back(playbook.name);
    }
    const std::string suggestion = nearest(name, names);
    line.fail(fmt::format("on_won: there is no playbook \"{}\"{}", name,
                          suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)),
              fmt::format("the playbooks are: {}; on_won = \"none\" offers none", join(names, ", ")));
}

// One `key = value` of the file, at the top or in the [fu] table.
struct Entry {
    std::string table; // "" at the top, "fu" under [fu]
    const toml::key* key;
    const toml::node* value;
};

// The entries of the file in the order they were written, so that the first mistake is the one reported.
std::vector<Entry> entries_of(const toml::table& file)
{
    std::vector<Entry> entries;
    for (const auto& [key, value] : file) {
        if (key.str() == "fu" && value.is_table()) {
            for (const auto& [inner_key, inner_value] : *value.as_table()) {
                entries.push_back({"fu", &inner_key, &inner_value});
            }
        } else {
            entries.push_back({"", &key, &value});
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return position(*a.key) < position(*b.key); });
    return entries;
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
        "db",      "format",  "color",       "day",        "workdays",      "holidays",       "week_start",
        "morning", "lunch",   "afternoon",   "evening",    "appointment",   "cold_after",     "give_up_after",
        "min_gap", "max_attempts_per_day",   "reminder_template",           "playbooks",      "on_won",
        "busy_timeout_ms", "user_name", "user_email"};
    return keys;
}

Config parse_config(const std::string& text, const std::string& source)
{
    Config config;
    for (const auto& key : config_keys()) {
        config.origins[key] = "default";
    }
    const toml::table file = parse_toml(text, source);
    std::map<std::string, std::uint32_t> seen; // key -> line
    std::vector<Deferred> later;
    for (const Entry& entry : entries_of(file)) {
        const std::string key(entry.key->str());
        const toml::node& value = *entry.value;
        const Line line{source, entry.key->source().begin.line};
        if (value.is_table() && key != "playbooks") {
            const std::string suggestion = nearest(key, {"playbooks"});
            line.fail(fmt::format("unknown table [{}{}]{}", entry.table.empty() ? "" : echo(entry.table) + ".", echo(key),
                                  suggestion.empty() ? "" : fmt::format(" (did you mean [{}]?)", suggestion)),
                      "put the keys at the top, or under [fu]; playbooks under [playbooks]");
        }
        const auto& keys = config_keys();
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            const std::string suggestion = nearest(key, keys);
            line.fail(fmt::format("unknown key \"{}\"{}", echo(key),
                                  suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)),
                      fmt::format("the keys are: {}", join(keys, ", ")));
        }
        if (const auto before = seen.find(key); before != seen.end()) {
            line.fail(fmt::format("{} is already set on line {}", key, before->second),
                      "a key may be set only once, at the top or under [fu]");
        }
        seen[key] = line.number;
        Settings& s = config.settings;
        if (key == "db") {
            const std::string* path = text_of(value);
            if (!path || path->empty()) {
                line.fail("db must be a quoted path");
            }
            config.db = *path;
        } else if (key == "format") {
            config.format = one_of(value, line, key, {"human", "json", "tsv", "csv"});
        } else if (key == "color") {
            config.color = one_of(value, line, key, {"auto", "always", "never"});
        } else if (key == "day") {
            s.day = day_part(value, line, key);
        } else if (key == "workdays") {
            s.workdays = workdays(value, line);
        } else if (key == "holidays") {
            s.holidays = holidays(value, line);
        } else if (key == "week_start") {
            const std::string* day = text_of(value);
            if (!day) {
                line.fail("week_start must be a day name like \"monday\"");
            }
            s.week_start = static_cast<unsigned>(day_index(*day, line));
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
        } else if (key == "min_gap") {
            s.min_gap = min_gap(value, line);
        } else if (key == "max_attempts_per_day") {
            s.max_attempts_per_day = static_cast<int>(positive(value, line, key, 100));
        } else if (key == "reminder_template") {
            s.reminder_template = reminder_template(value, line);
        } else if (key == "playbooks") {
            // A playbook of the file replaces a built-in one of the same name; the file's come last.
            for (Playbook& playbook : playbooks(value, line, later)) {
                std::erase_if(s.playbooks, [&](const Playbook& p) { return p.name == playbook.name; });
                s.playbooks.push_back(std::move(playbook));
            }
        } else if (key == "user_name" || key == "user_email") {
            const std::string* words = text_of(value);
            if (!words) {
                line.fail(fmt::format("{} must be quoted text", key));
            }
            check_text_at(line, key, *words, 254, false);
            const std::string trimmed = trim(*words);
            if (key == "user_email" && !trimmed.empty() &&
                (trimmed.find('@') == std::string::npos || trimmed.find_first_of(" \t,;<>\"") != std::string::npos)) {
                line.fail(fmt::format("user_email \"{}\" is not an email address", trimmed),
                          "write it like you@example.com");
            }
            (key == "user_name" ? s.user_name : s.user_email) = trimmed;
        } else if (key == "on_won") {
            const std::string* name = text_of(value);
            if (!name) {
                line.fail("on_won must be a playbook name or \"none\"");
            }
            s.on_won = *name == "none" ? "" : *name;
            if (!s.on_won.empty()) {
                later.push_back({line.number, [line, won = s.on_won](const Settings& settings) {
                                     check_on_won(won, line, settings);
                                 }});
            }
        }
        config.origins[key] = fmt::format("{}:{}", source, line.number);
    }
    std::stable_sort(later.begin(), later.end(), [](const Deferred& a, const Deferred& b) { return a.line < b.line; });
    for (const Deferred& check : later) {
        check.check(config.settings);
    }
    return config;
}

Config load_config(const std::filesystem::path& path, bool required)
{
    std::error_code is_dir_error;
    if (std::filesystem::is_directory(path, is_dir_error)) {
        throw usage_error(fmt::format("the configuration file {} is a directory", echo(path.string())),
                          "give the path of a TOML file, e.g. ~/.config/fu/config.toml");
    }
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
            days.emplace_back(lexicon::k_weekday_short[i]);
        }
    }
    std::vector<std::string> holiday_texts;
    for (const auto& holiday : s.holidays) {
        holiday_texts.push_back(holiday.text);
    }
    std::vector<std::string> playbook_names;
    for (const auto& playbook : s.playbooks) {
        playbook_names.push_back(playbook.name);
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
        {"holidays", holiday_texts},
        {"week_start", std::string(lexicon::k_weekday_long[s.week_start % 7])},
        {"morning", span_text(s.morning)},
        {"lunch", span_text(s.lunch)},
        {"afternoon", span_text(s.afternoon)},
        {"evening", span_text(s.evening)},
        {"appointment", static_cast<long long>(s.appointment.count())},
        {"cold_after", static_cast<long long>(s.cold_after_days)},
        {"give_up_after", static_cast<long long>(s.give_up_after)},
        {"min_gap", min_gap_text(s.min_gap)},
        {"max_attempts_per_day", static_cast<long long>(s.max_attempts_per_day)},
        {"reminder_template", s.reminder_template},
        {"playbooks", playbook_names},
        {"on_won", s.on_won.empty() ? std::string("none") : s.on_won},
        {"busy_timeout_ms", static_cast<long long>(s.busy_timeout.count())},
        {"user_name", text_or_none(s.user_name.empty() ? std::nullopt : std::optional<std::string>(s.user_name))},
        {"user_email", text_or_none(s.user_email.empty() ? std::nullopt : std::optional<std::string>(s.user_email))},
    };
}

} // namespace fu
