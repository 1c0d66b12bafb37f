// The configuration file's follow-up practice keys: playbooks, on_won, reminder_template, min_gap,
// max_attempts_per_day.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fu/config.hpp"
#include "fu/error.hpp"
#include "fu/practice.hpp"

using namespace fu;

namespace {
struct Failure {
    std::string message;
    std::string hint;
};

Failure failure_of(const std::string& text)
{
    try {
        parse_config(text, "cfg.toml");
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        return {e.what(), e.hint()};
    }
    FAIL_CHECK("no error for: " << text);
    return {};
}

std::string error_of(const std::string& text) { return failure_of(text).message; }

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::vector<std::string> names_of(const Settings& settings)
{
    std::vector<std::string> names;
    for (const auto& playbook : settings.playbooks) {
        names.push_back(playbook.name);
    }
    return names;
}

const ConfigValue& value_of(const std::vector<ConfigValue>& values, const std::string& key)
{
    const auto found =
        std::find_if(values.begin(), values.end(), [&](const ConfigValue& v) { return v.key == key; });
    REQUIRE(found != values.end());
    return *found;
}

const char* const k_onboarding_inline = R"(# my playbooks
[playbooks]
onboarding = [
  { about = "welcome call", when = "tomorrow" },
  { about = "training check", when = "in a week", via = "email" },
]
)";

const char* const k_onboarding_tables = R"(# my playbooks
[[playbooks.onboarding]]
about = "welcome call"
when = "tomorrow"

[[playbooks.onboarding]]
about = "training check"
when = "in a week"
via = "email"
)";

void check_onboarding(const Settings& s, const std::string& origin)
{
    REQUIRE(s.playbooks.size() == 2);
    CHECK(s.playbooks[0].name == "post-sale");
    CHECK(s.playbooks[0].origin == "built in");
    const Playbook& onboarding = s.playbooks[1];
    CHECK(onboarding.name == "onboarding");
    CHECK(onboarding.origin == origin);
    REQUIRE(onboarding.steps.size() == 2);
    CHECK(onboarding.steps[0].about == "welcome call");
    CHECK(onboarding.steps[0].when == "tomorrow");
    CHECK(onboarding.steps[0].via == "call"); // the default
    CHECK(onboarding.steps[1].about == "training check");
    CHECK(onboarding.steps[1].when == "in a week");
    CHECK(onboarding.steps[1].via == "email");
    CHECK(find_playbook(s, "onboarding") == &onboarding);
}
} // namespace

TEST_CASE("config practice keys: the defaults")
{
    const Config config = parse_config("", "cfg.toml");
    const Settings& s = config.settings;
    CHECK(s.on_won == "post-sale");
    CHECK(s.reminder_template == k_default_reminder_template);
    CHECK(s.min_gap.unit == MinGap::Unit::workdays);
    CHECK(s.min_gap.count == 1);
    CHECK(s.max_attempts_per_day == 2);
    CHECK(names_of(s) == std::vector<std::string>{"post-sale"});
    CHECK(s.playbooks[0].origin == "built in");
    for (const char* key : {"on_won", "reminder_template", "min_gap", "max_attempts_per_day", "playbooks"}) {
        CHECK(config.origins.at(key) == "default");
    }
    const auto values = config_values(config);
    CHECK(std::get<std::string>(value_of(values, "on_won").value) == "post-sale");
    CHECK(std::get<std::string>(value_of(values, "reminder_template").value) == k_default_reminder_template);
    CHECK(std::get<std::string>(value_of(values, "min_gap").value) == "1 workday");
    CHECK(std::get<long long>(value_of(values, "max_attempts_per_day").value) == 2);
    CHECK(std::get<std::vector<std::string>>(value_of(values, "playbooks").value) ==
          std::vector<std::string>{"post-sale"});
}

TEST_CASE("config practice keys: in config_keys and config_values, in the same order")
{
    const auto& keys = config_keys();
    for (const char* key : {"on_won", "reminder_template", "min_gap", "max_attempts_per_day", "playbooks"}) {
        CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
    }
    const auto values = config_values(parse_config("", "cfg.toml"));
    REQUIRE(values.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(values[i].key == keys[i]);
    }
}

TEST_CASE("config practice keys: good values, at the top and under [fu], with their lines")
{
    const Config config = parse_config(R"(min_gap = "4 hours"
max_attempts_per_day = 3
[fu]
reminder_template = "Hello {first}, talk {when}."
on_won = "none"
)",
                                       "cfg.toml");
    const Settings& s = config.settings;
    CHECK(s.min_gap.unit == MinGap::Unit::minutes);
    CHECK(s.min_gap.count == 240);
    CHECK(s.max_attempts_per_day == 3);
    CHECK(s.reminder_template == "Hello {first}, talk {when}.");
    CHECK(s.on_won.empty());
    CHECK(config.origins.at("min_gap") == "cfg.toml:1");
    CHECK(config.origins.at("max_attempts_per_day") == "cfg.toml:2");
    CHECK(config.origins.at("reminder_template") == "cfg.toml:4");
    CHECK(config.origins.at("on_won") == "cfg.toml:5");
    const auto values = config_values(config);
    CHECK(std::get<std::string>(value_of(values, "min_gap").value) == "4 hours");
    CHECK(std::get<std::string>(value_of(values, "on_won").value) == "none");
    CHECK(std::get<long long>(value_of(values, "max_attempts_per_day").value) == 3);

    CHECK(parse_config("on_won = \"\"", "c").settings.on_won.empty());
    CHECK(parse_config("min_gap = \"none\"", "c").settings.min_gap.unit == MinGap::Unit::none);
    CHECK(parse_config("max_attempts_per_day = 1", "c").settings.max_attempts_per_day == 1);
    CHECK(parse_config("max_attempts_per_day = 100", "c").settings.max_attempts_per_day == 100);
    // a multi-line template
    CHECK(parse_config("reminder_template = \"\"\"\nHi {first},\nsee you {when}.\"\"\"", "c").settings.reminder_template ==
          "Hi {first},\nsee you {when}.");
}

TEST_CASE("config playbooks: an array of inline tables")
{
    const Config config = parse_config(k_onboarding_inline, "cfg.toml");
    check_onboarding(config.settings, "cfg.toml:3");
    CHECK(config.origins.at("playbooks") == "cfg.toml:2");
    CHECK(std::get<std::vector<std::string>>(value_of(config_values(config), "playbooks").value) ==
          std::vector<std::string>{"post-sale", "onboarding"});
}

TEST_CASE("config playbooks: [[playbooks.NAME]] tables")
{
    const Config config = parse_config(k_onboarding_tables, "cfg.toml");
    check_onboarding(config.settings, "cfg.toml:2");
    CHECK(config.origins.at("playbooks") == "cfg.toml:2");
}

TEST_CASE("config playbooks: under [fu], as an inline table and with dotted keys")
{
    check_onboarding(parse_config(R"([fu]
day = "08:00-18:00"
[fu.playbooks]
onboarding = [{ about = "welcome call", when = "tomorrow" }, { about = "training check", when = "in a week", via = "email" }]
)",
                                  "cfg.toml")
                         .settings,
                     "cfg.toml:4");
    check_onboarding(parse_config(R"(day = "08:00-18:00"
playbooks.onboarding = [
  { about = "welcome call", when = "tomorrow" },
  { about = "training check", when = "in a week", via = "email" },
]
)",
                                  "cfg.toml")
                         .settings,
                     "cfg.toml:2");
}

TEST_CASE("config playbooks: the file's keep their order after the built-in ones")
{
    const Settings s = parse_config(R"([playbooks]
zeta = [{ about = "z", when = "tomorrow" }]
alpha = [{ about = "a", when = "tomorrow" }]
mid_2 = [{ about = "m", when = "tomorrow" }]
)",
                                    "cfg.toml")
                           .settings;
    CHECK(names_of(s) == std::vector<std::string>{"post-sale", "zeta", "alpha", "mid_2"});
    CHECK(s.playbooks[2].origin == "cfg.toml:3");
    CHECK(s.playbooks[1].steps[0].about == "z");
}

TEST_CASE("config playbooks: one named post-sale replaces the built-in one")
{
    const Config config = parse_config(R"([playbooks]
onboarding = [{ about = "welcome call", when = "tomorrow" }]
post-sale = [
  { about = "thank them", when = "tomorrow", via = "email" },
]
)",
                                       "cfg.toml");
    const Settings& s = config.settings;
    CHECK(names_of(s) == std::vector<std::string>{"onboarding", "post-sale"});
    const Playbook* post_sale = find_playbook(s, "post-sale");
    REQUIRE(post_sale != nullptr);
    CHECK(post_sale->origin == "cfg.toml:3");
    REQUIRE(post_sale->steps.size() == 1);
    CHECK(post_sale->steps[0].about == "thank them");
    CHECK(s.on_won == "post-sale"); // the default now offers the file's post-sale
    CHECK(std::get<std::vector<std::string>>(value_of(config_values(config), "playbooks").value) ==
          std::vector<std::string>{"onboarding", "post-sale"});
}

TEST_CASE("config on_won names a built-in playbook or one of the file's, even one defined after it")
{
    CHECK(parse_config("on_won = \"post-sale\"", "c").settings.on_won == "post-sale");
    const Config config = parse_config(std::string("on_won = \"onboarding\"\n") + k_onboarding_inline, "cfg.toml");
    CHECK(config.settings.on_won == "onboarding");
    CHECK(config.origins.at("on_won") == "cfg.toml:1");
    CHECK(std::get<std::string>(value_of(config_values(config), "on_won").value) == "onboarding");
    CHECK(parse_config("[fu]\non_won = \"onboarding\"\n[[fu.playbooks.onboarding]]\nabout = \"a\"\nwhen = \"tomorrow\"",
                       "c")
              .settings.on_won == "onboarding");
}

TEST_CASE("config on_won naming no playbook is an error at its line, listing the playbooks")
{
    const Failure unknown = failure_of(std::string("# won deals\non_won = \"onbording\"\n") + k_onboarding_inline);
    CHECK(unknown.message == "cfg.toml:2: on_won: there is no playbook \"onbording\" (did you mean \"onboarding\"?)");
    CHECK(unknown.hint == "the playbooks are: post-sale, onboarding; on_won = \"none\" offers none");
    const Failure far = failure_of("\n\non_won = \"renewal\"");
    CHECK(far.message == "cfg.toml:3: on_won: there is no playbook \"renewal\"");
    CHECK(far.hint == "the playbooks are: post-sale; on_won = \"none\" offers none");
    CHECK(error_of("on_won = 3") == "cfg.toml:1: on_won must be a playbook name or \"none\"");
    CHECK(error_of("on_won = [\"post-sale\"]") == "cfg.toml:1: on_won must be a playbook name or \"none\"");
    // of two mistakes only known once the file is read, the earlier line is reported
    CHECK(error_of("on_won = \"renewal\"\n[playbooks]\nonboarding = [{ about = \"a\", when = \"tomorow\" }]") ==
          "cfg.toml:1: on_won: there is no playbook \"renewal\"");
}

TEST_CASE("config min_gap, reminder_template and max_attempts_per_day: mistakes name the line")
{
    const Failure gap = failure_of("\nmin_gap = \"soon\"");
    CHECK(starts_with(gap.message, "cfg.toml:2: min_gap: "));
    CHECK(gap.message.find("soon") != std::string::npos);
    CHECK_FALSE(gap.hint.empty()); // the parser's hint is kept
    CHECK(error_of("min_gap = 2") ==
          "cfg.toml:1: min_gap must be quoted text like \"1 workday\", \"4 hours\" or \"none\"");

    const Failure placeholder = failure_of("# reminders\n[fu]\nreminder_template = \"Hi {nope}\"");
    CHECK(starts_with(placeholder.message, "cfg.toml:3: reminder_template: "));
    CHECK(placeholder.message.find("{nope}") != std::string::npos);
    CHECK(placeholder.hint.find("{first}") != std::string::npos);
    CHECK(starts_with(error_of("reminder_template = \"Hi {first\""), "cfg.toml:1: reminder_template: "));
    CHECK(starts_with(error_of("reminder_template = \"\""), "cfg.toml:1: reminder_template: "));
    CHECK(error_of("reminder_template = 5") == "cfg.toml:1: reminder_template must be quoted text");
    CHECK(error_of("reminder_template = \"Hi\\u0007 {first}\"") ==
          "cfg.toml:1: reminder_template contains a control character (U+0007)");

    for (const char* bad : {"0", "101", "-1", "\"2\"", "2.5"}) {
        CAPTURE(bad);
        CHECK(error_of(std::string("max_attempts_per_day = ") + bad) ==
              "cfg.toml:1: max_attempts_per_day must be a whole number from 1 to 100");
    }
}

TEST_CASE("config playbooks: mistakes in the table and the names")
{
    CHECK(error_of("playbooks = \"post-sale\"") == "cfg.toml:1: playbooks must be a table of named playbooks");
    CHECK(failure_of("playbooks = 1").hint.find("[[playbooks.onboarding]]") != std::string::npos);
    CHECK(error_of("[playbooks]\nok = [{ about = \"a\", when = \"tomorrow\" }]\nOnboarding = []") ==
          "cfg.toml:3: \"Onboarding\" is not a playbook name");
    CHECK(failure_of("[playbooks]\nOnboarding = []").hint ==
          "a name is 1 to 40 lower-case letters, digits, '-' and '_', such as \"post-sale\"");
    CHECK(error_of("[playbooks]\n-x = []") == "cfg.toml:2: \"-x\" is not a playbook name");
    CHECK(error_of("[playbooks]\n\"a b\" = []") == "cfg.toml:2: \"a b\" is not a playbook name");
    CHECK(error_of("[playbooks]\n\"\" = []") == "cfg.toml:2: \"\" is not a playbook name");
    const std::string forty(40, 'a');
    CHECK(parse_config("[playbooks]\n" + forty + " = [{ about = \"a\", when = \"tomorrow\" }]", "c")
              .settings.playbooks.back()
              .name == forty);
    CHECK(error_of("[playbooks]\n" + forty + "a = []") == "cfg.toml:2: \"" + forty + "a\" is not a playbook name");
    CHECK(parse_config("[playbooks]\n9-to_5 = [{ about = \"a\", when = \"tomorrow\" }]", "c")
              .settings.playbooks.back()
              .name == "9-to_5");
    const Failure none = failure_of("[playbooks]\nnone = [{ about = \"a\", when = \"tomorrow\" }]");
    CHECK(none.message == "cfg.toml:2: \"none\" cannot name a playbook");
    CHECK(none.hint.find("on_won = \"none\"") != std::string::npos);
    CHECK(error_of("[playbooks.onboarding]\nabout = \"welcome call\"") ==
          "cfg.toml:1: playbook onboarding must be a list of steps");
    CHECK(error_of("[playbooks]\n\nonboarding = []") == "cfg.toml:3: playbook onboarding has no steps");
    CHECK(error_of("[playbooks]\nonboarding = \"tomorrow\"") == "cfg.toml:2: playbook onboarding must be a list of steps");
    // set twice: at the top and under [fu]
    CHECK(error_of("[playbooks]\na = [{ about = \"a\", when = \"tomorrow\" }]\n[fu.playbooks]\nb = []") ==
          "cfg.toml:3: playbooks is already set on line 1");
    // other tables are still refused
    CHECK(error_of("[hours]") == "cfg.toml:1: unknown table [hours]");
    CHECK(error_of("[playbook]\nx = []") == "cfg.toml:1: unknown table [playbook] (did you mean [playbooks]?)");
    CHECK(error_of("[fu.plays]\nx = 1") == "cfg.toml:1: unknown table [fu.plays]");
}

TEST_CASE("config playbooks: at most 50 steps")
{
    const auto with_steps = [](int count) {
        std::string text = "[playbooks]\nlong = [\n";
        for (int i = 0; i < count; ++i) {
            text += "  { about = \"step\", when = \"tomorrow\" },\n";
        }
        return text + "]\n";
    };
    CHECK(parse_config(with_steps(50), "c").settings.playbooks.back().steps.size() == 50);
    CHECK(error_of(with_steps(51)) == "cfg.toml:2: playbook long has 51 steps; at most 50");
}

TEST_CASE("config playbooks: a bad step names its own line in a multi-line array")
{
    const std::string head = "# playbooks\n[playbooks]\nonboarding = [\n  { about = \"welcome call\", when = \"tomorrow\" },\n";
    const std::string tail = "  { about = \"last\", when = \"in a month\" },\n]\n";
    const auto bad_step = [&](const std::string& step) { return error_of(head + "  " + step + ",\n" + tail); };
    const std::string at = "cfg.toml:5: playbook onboarding step 2: ";
    CHECK(bad_step("{ when = \"tomorrow\" }") == at + "about is missing");
    CHECK(bad_step("{ about = \"training\" }") == at + "when is missing");
    CHECK(bad_step("{ about = \"\", when = \"tomorrow\" }") == at + "about is empty");
    CHECK(bad_step("{ about = \"  \", when = \"tomorrow\" }") == at + "about is empty");
    CHECK(bad_step("{ about = 3, when = \"tomorrow\" }") == at + "about must be quoted text");
    CHECK(bad_step("{ about = \"a\", when = 3 }") == at + "when must be quoted text");
    CHECK(bad_step("{ about = \"a\", when = \"\" }") == at + "when is empty");
    CHECK(bad_step("{ about = \"a\", when = \"tomorrow\", via = \"fax\" }") ==
          at + "via must be one of call, email, text, visit");
    CHECK(bad_step("{ about = \"a\", when = \"tomorrow\", via = 1 }") ==
          at + "via must be one of call, email, text, visit");
    CHECK(bad_step("{ about = \"a\", wen = \"tomorrow\" }") == at + "unknown key \"wen\" (did you mean \"when\"?)");
    CHECK(bad_step("{ about = \"a\", when = \"tomorrow\", channel = \"email\" }") == at + "unknown key \"channel\"");
    CHECK(bad_step("\"call them\"") == at.substr(0, at.size() - 2) + " must be a table like { about = \"welcome call\", when = \"tomorrow\" }");
    CHECK(bad_step("{ about = \"a\", when = \"tomorow\" }") ==
          at + "when: \"tomorow\" is not a time phrase (did you mean \"tomorrow\"?)");
    CHECK(bad_step("{ about = \"a\", when = \"yesterday\" }") == at + "when: \"yesterday\" is already over");
    CHECK(bad_step("{ about = \"" + std::string(1001, 'x') + "\", when = \"tomorrow\" }") ==
          at + "about is too long (1001 bytes; at most 1000)");
    CHECK(bad_step("{ about = \"a\\tb\", when = \"tomorrow\" }") == at + "about contains a control character (U+0009)");
    // the resolver's hint and the step's are kept
    CHECK(failure_of(head + "  { about = \"a\", when = \"tomorow\" },\n" + tail).hint.find("tomorrow afternoon") !=
          std::string::npos);
    CHECK(failure_of(head + "  { about = \"a\", wen = \"tomorrow\" },\n" + tail).hint.find("via") != std::string::npos);
    // a good step of 1000 bytes
    CHECK(parse_config(head + "  { about = \"" + std::string(1000, 'x') + "\", when = \"tomorrow\" },\n" + tail, "c")
              .settings.playbooks.back()
              .steps.size() == 3);
}

TEST_CASE("config playbooks: a bad step of [[playbooks.NAME]] names the line of its key, or of its header")
{
    const std::string text = R"(# my playbooks
[[playbooks.onboarding]]
about = "welcome call"
when = "tomorrow"

[[playbooks.onboarding]]
about = "training check"
when = "%s"
via = "%s"

[[playbooks.onboarding]]
%s
)";
    const auto with = [&](const std::string& when, const std::string& via, const std::string& third) {
        std::string out = text;
        for (const std::string* part : {&when, &via, &third}) {
            out.replace(out.find("%s"), 2, *part);
        }
        return out;
    };
    const std::string good_third = "about = \"last\"\nwhen = \"in a month\"";
    CHECK(parse_config(with("in a week", "email", good_third), "c").settings.playbooks.back().steps.size() == 3);
    CHECK(error_of(with("in a weak", "email", good_third)).rfind("cfg.toml:8: playbook onboarding step 2: when: ", 0) ==
          0);
    CHECK(error_of(with("in a week", "fax", good_third)) ==
          "cfg.toml:9: playbook onboarding step 2: via must be one of call, email, text, visit");
    CHECK(error_of(with("in a week", "email", "about = \"last\"")) ==
          "cfg.toml:11: playbook onboarding step 3: when is missing");
    CHECK(error_of(with("in a week", "email", "about = \"last\"\nwhen = \"in a month\"\nabuot = \"x\"")) ==
          "cfg.toml:14: playbook onboarding step 3: unknown key \"abuot\" (did you mean \"about\"?)");
}

TEST_CASE("config playbooks: a time phrase is read with the settings of the whole file")
{
    // At the start of the default working day (09:00), 8am today is over; with a day starting at 07:00,
    // set further down the file, it is not.
    const std::string playbook = "[playbooks]\nearly = [{ about = \"a\", when = \"today 8am\" }]\n";
    CHECK(error_of(playbook) == "cfg.toml:2: playbook early step 1: when: \"today 8am\" is already over");
    const Settings s = parse_config(playbook + "[fu]\nday = \"07:00-15:00\"\n", "c").settings;
    CHECK(s.day.start_minute == 7 * 60);
    CHECK(s.playbooks.back().steps[0].when == "today 8am");
    // the built-in phrases all read
    for (const Playbook& built_in : built_in_playbooks()) {
        for (const PlaybookStep& step : built_in.steps) {
            CAPTURE(step.when);
            CHECK_NOTHROW(parse_config("[playbooks]\nx = [{ about = \"a\", when = \"" + step.when + "\" }]", "c"));
        }
    }
}
