// The shape of the command line that completion scripts are written from, and what they offer.
#include <doctest/doctest.h>

#include <algorithm>

#include "commands/commands.hpp"
#include "commands/completion.hpp"
#include "fu/model.hpp"
#include "fu/when.hpp"

using namespace fu;
using namespace fu::commands;

namespace {

struct Shaped {
    CLI::App app{"fu", "fu"};
    std::vector<Registered> registered = register_commands(app);
    CommandLineShape shape;
    Shaped()
    {
        app.add_option("--format", "Output")->group("Options");
        shape = command_line_shape(app);
    }
    const CommandShape& command(const std::string& name) const
    {
        const auto found = std::find_if(shape.commands.begin(), shape.commands.end(),
                                        [&](const CommandShape& c) { return c.name == name; });
        REQUIRE(found != shape.commands.end());
        return *found;
    }
};

const OptionShape& option(const CommandShape& command, const std::string& name)
{
    const auto found = std::find_if(command.options.begin(), command.options.end(), [&](const OptionShape& o) {
        return std::find(o.names.begin(), o.names.end(), name) != o.names.end();
    });
    REQUIRE(found != command.options.end());
    return *found;
}

} // namespace

TEST_CASE("the shape lists the visible commands, their options and positionals")
{
    const Shaped s;
    CHECK(std::none_of(s.shape.commands.begin(), s.shape.commands.end(),
                       [](const CommandShape& c) { return c.name == "__complete"; }));
    CHECK(s.shape.commands.size() + 1 == command_table().size());

    const CommandShape& log = s.command("log");
    REQUIRE(log.positionals.size() == 2);
    CHECK(log.positionals[0].name == "CONTACT");
    CHECK(log.positionals[0].values.kind == Completions::Kind::dynamic);
    CHECK(log.positionals[0].values.source == "contacts");
    CHECK(log.positionals[1].values.words == interaction_kinds());
    CHECK(option(log, "--outcome").values.words == interaction_outcomes());
    CHECK(option(log, "--via").values.words == promise_channels());
    CHECK(option(log, "--next").many);
    CHECK_FALSE(option(log, "--note").many);
    CHECK(option(log, "--note").values.kind == Completions::Kind::none);
    CHECK_FALSE(option(log, "--aside").takes_value);
    CHECK(option(log, "--promise").values.source == "promises");

    const CommandShape& promise = s.command("promise");
    REQUIRE(promise.positionals.size() == 2);
    CHECK(promise.positionals[1].many);
    CHECK(promise.positionals[1].values.words == common_time_phrases());
    CHECK(option(s.command("export"), "-o").values.kind == Completions::Kind::files);
    CHECK(s.shape.globals.front().values.words.size() == 7); // --format: every output format
}

TEST_CASE("every time phrase offered is one the time language reads")
{
    const auto& zone = find_zone("America/New_York");
    const Instant now = parse_now("2026-06-15T09:30", zone); // a Monday morning
    for (const std::string& phrase : common_time_phrases()) {
        CAPTURE(phrase);
        CHECK_NOTHROW(resolve(phrase, now, zone, Settings{}));
    }
}

TEST_CASE("the scripts of each shell hold every command and call fu __complete for names")
{
    const Shaped s;
    for (const auto& script : {bash_completion(s.shape), zsh_completion(s.shape), fish_completion(s.shape)}) {
        for (const CommandShape& command : s.shape.commands) {
            CHECK(script.find(command.name) != std::string::npos);
        }
        CHECK(script.find("__complete") != std::string::npos);
        CHECK(script.find("'D:contacts'") != std::string::npos);
    }
    CHECK(zsh_completion(s.shape).rfind("#compdef fu\n", 0) == 0);
    CHECK(bash_completion(s.shape).find("complete -F _fu fu\n") != std::string::npos);
    CHECK(fish_completion(s.shape).find("complete -c fu -f -a '(__fu_complete)'") != std::string::npos);
}
