#include "fu/app.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <cstdlib>
#include <iostream>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "env_setup.hpp"
#include "fu/config.hpp"
#include "fu/env.hpp"
#include "fu/error.hpp"
#include "fu/safe_stream.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/when.hpp"

extern char** environ;

namespace fu {
namespace {

constexpr const char* k_report_hint =
    "this is a bug in fu; please report it with the command that failed";

struct GlobalOptions {
    std::string db;
    std::string config;
    std::string now;
    std::string format = "human";
    bool json = false;
    std::string color = "auto";
    bool quiet = false;
};

void report(std::ostream& err, std::string_view message, std::string_view hint = {})
{
    // Backstops for a message that repeats a huge value in full: quoted values are cut to 80
    // columns, lines to 1000; the stream makes control characters visible.
    constexpr std::size_t k_longest_line = 1000;
    err << "fu: " << truncate_to_width(shorten_quoted(message), k_longest_line) << '\n';
    if (!hint.empty()) {
        err << "hint: " << truncate_to_width(shorten_quoted(hint), k_longest_line) << '\n';
    }
}

std::string lower_first(std::string message)
{
    if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z' &&
        !(message.size() > 1 && message[1] >= 'A' && message[1] <= 'Z')) {
        message[0] = static_cast<char>(message[0] - 'A' + 'a');
    }
    return message;
}

// CLI11's parse errors, reworded as fu's one-line errors.
int report_parse_error(const CLI::ParseError& e, const CLI::App& app, std::ostream& err)
{
    std::string message = lower_first(e.what());
    std::string hint = "see 'fu --help'";
    if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
        // CLI11 says "could not convert: --limit = abc"; the only numbers fu takes are whole ones.
        const std::string_view text = e.what();
        const auto colon = text.find(": ");
        const auto equals = text.find(" = ");
        if (colon != std::string_view::npos && equals != std::string_view::npos && equals > colon) {
            message = fmt::format("{}: \"{}\" is not a whole number", text.substr(colon + 2, equals - colon - 2),
                                  echo(text.substr(equals + 3)));
        }
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        const bool any_command = std::any_of(app.get_subcommands().begin(), app.get_subcommands().end(),
                                             [](const CLI::App* s) { return s->parsed(); });
        const auto extras = app.remaining();
        // The top level takes no positionals: a word there can only be a mistyped command.
        const auto first_word = std::find_if(extras.begin(), extras.end(), [](const std::string& a) {
            return !a.empty() && a[0] != '-';
        });
        if (!any_command && first_word != extras.end()) {
            std::vector<std::string> names;
            for (const auto& spec : commands::command_table()) {
                names.emplace_back(spec.name);
            }
            const std::string suggestion = nearest(ascii_lower(*first_word), names);
            message = fmt::format("unknown command \"{}\"", echo(*first_word));
            if (!suggestion.empty()) {
                message += fmt::format(" (did you mean \"{}\"?)", suggestion);
            }
            hint = "see 'fu --help' for the commands";
        } else if (!extras.empty()) {
            const std::string& extra = extras.front();
            message = extra.size() > 1 && extra[0] == '-'
                          ? fmt::format("unknown option \"{}\"", echo(extra))
                          : fmt::format("unexpected argument \"{}\"", echo(extra));
        }
    }
    for (const CLI::App* sub : app.get_subcommands()) {
        if (sub->parsed()) {
            hint = fmt::format("see 'fu {} --help'", sub->get_name());
        }
    }
    report(err, message, hint);
    return k_exit_usage;
}

// Which global options the command line gave explicitly, and the command chosen.
struct Given {
    bool format = false;
    bool color = false;
    std::string command;
};

// The run's Env from the global options, the configuration file and the environment.
Env make_env(GlobalOptions global, const Given& given, const ProcessContext& context)
{
    bool config_required = false;
    const auto config_file = config_path(global.config, context.environment, config_required);
    const Config config = config_file.empty() ? parse_config("", "") : load_config(config_file, config_required);
    std::map<std::string, std::string> origins = config.origins;

    if (global.json) {
        global.format = "json";
        origins["format"] = "--json";
    } else if (given.format) {
        origins["format"] = "--format";
    } else if (config.format && given.command != "export" && given.command != "import") {
        global.format = *config.format; // a default for listings, not for a file's format
    }
    if (given.command == "import" && global.format == "auto") {
        global.format = "human"; // import's --format names the file's format; auto is the default
    }
    const auto format = output_format_from(global.format);
    if (!format) {
        throw usage_error(fmt::format("unknown format \"{}\"", echo(global.format)),
                          "use human, json, tsv or csv");
    }
    if (*format == OutputFormat::markdown && given.command != "digest") {
        throw usage_error("--format markdown is only for digest", "use human, json, tsv or csv");
    }
    if (*format == OutputFormat::vcard && given.command != "export" && given.command != "import") {
        throw usage_error("--format vcard is only for export and import", "use human, json, tsv or csv");
    }
    if (*format == OutputFormat::ics && given.command != "due" && given.command != "export") {
        throw usage_error("--format ics is only for due and export", "use human, json, tsv or csv");
    }
    if (given.color) {
        origins["color"] = "--color";
    } else if (config.color) {
        global.color = *config.color;
    }
    if (std::find(color_choices().begin(), color_choices().end(), global.color) == color_choices().end()) {
        throw usage_error(fmt::format("unknown colour choice \"{}\"", echo(global.color)),
                          "use auto, always or never");
    }

    const Zone& zone = user_zone(context.environment, context.system_zone);
    if (global.now.empty()) {
        global.now = env_variable(context.environment, "FU_NOW");
    }
    Instant now{};
    if (!global.now.empty()) {
        try {
            now = parse_now(global.now, zone);
        } catch (const Error& e) {
            throw usage_error(fmt::format("--now: {}", e.what()), e.hint());
        }
    } else {
        now = context.clock(); // the one read of the real clock (run_main passes system_now)
    }

    OutputOptions output;
    output.format = *format;
    output.quiet = global.quiet;
    output.color = use_color(global.color, context.environment, context.out_is_terminal);
    output.color_choice = global.color;
    output.width = context.out_is_terminal ? context.terminal_width : 0;

    std::string db_origin = origins["db"];
    const auto db_path = database_path(global.db, config.db, context.environment, db_origin);
    origins["db"] = db_origin;
    Settings settings = config.settings;
    if (const std::string busy = env_variable(context.environment, "FU_BUSY_TIMEOUT"); !busy.empty()) {
        // Milliseconds, like busy_timeout_ms, which it overrides.
        const bool digits = busy.size() <= 6 && std::all_of(busy.begin(), busy.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        const long value = digits ? std::stol(busy) : 0;
        if (value < 1 || value > 600000) {
            throw usage_error(fmt::format("FU_BUSY_TIMEOUT: \"{}\" is not a number of milliseconds "
                                          "from 1 to 600000",
                                          busy.substr(0, 40)));
        }
        settings.busy_timeout = std::chrono::milliseconds{value};
        origins["busy_timeout_ms"] = "FU_BUSY_TIMEOUT";
    }
    return Env{now,        &zone,       settings, db_path,
               origins,    config_file, output,          context.out,
               context.err, context.in, context.in_is_terminal};
}

// The global options of `app` by every name they have: "--db" -> whether it takes a value.
std::map<std::string, bool> global_options(const CLI::App& app)
{
    std::map<std::string, bool> global;
    for (const CLI::Option* option : app.get_options()) {
        // A flag expects no items (CLI11 still gives it a type size of 1).
        const bool takes_value = option->get_items_expected_min() > 0;
        for (const auto& name : option->get_lnames()) {
            global["--" + name] = takes_value;
        }
        for (const auto& name : option->get_snames()) {
            global["-" + name] = takes_value;
        }
    }
    return global;
}

// The command the arguments name, when it is certain: the first word after the global options
// (and their values) is a command's name. Empty when asked for help, when something else comes
// first, or for `completion` (which reads every command's options).
std::string named_command(const std::vector<std::string>& args, const CLI::App& app)
{
    const auto help = [](const std::string& a) { return a == "-h" || a == "--help" || a == "--help-all"; };
    if (std::any_of(args.begin(), args.end(), help)) {
        return {};
    }
    const auto global = global_options(app);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.empty() && arg[0] == '-') {
            const auto known = global.find(arg.substr(0, arg.find('=')));
            if (known == global.end()) {
                return {}; // CLI11 says what is wrong with it
            }
            if (known->second && arg.find('=') == std::string::npos) {
                ++i;
            }
            continue;
        }
        const auto& table = commands::command_table();
        const bool command =
            std::any_of(table.begin(), table.end(), [&](const auto& s) { return arg == s.name; });
        return command && arg != "completion" ? arg : std::string();
    }
    return {};
}

// The command as the user typed it, for the undo journal: words with spaces or quotes are quoted.
// The global options of `app` (--db, --now, --json, …) are left out wherever they stand: they say
// where and how, not what.
std::string command_line(const std::vector<std::string>& args, const std::string& command, const CLI::App& app)
{
    std::map<std::string, bool> global = global_options(app);
    std::string line = "fu";
    const auto from = std::find(args.begin(), args.end(), command);
    for (auto it = from == args.end() ? args.begin() : from; it != args.end(); ++it) {
        const std::string& arg = *it;
        if (arg == "--") {
            global.clear(); // what follows is words, never options
        }
        const auto known = global.find(arg.substr(0, arg.find('=')));
        if (known != global.end()) {
            if (known->second && arg.find('=') == std::string::npos && std::next(it) != args.end()) {
                ++it;
            }
            continue;
        }
        const bool plain = !arg.empty() && arg.find_first_of(" '\"\\$`") == std::string::npos &&
                           std::none_of(arg.begin(), arg.end(), [](char c) {
                               return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
                           });
        line += ' ';
        if (plain) {
            line += arg;
            continue;
        }
        line += '\'';
        for (const char c : arg) {
            const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
            line += c == '\'' ? std::string("'\\''") : std::string(1, control ? ' ' : c);
        }
        line += '\'';
    }
    return line;
}

int run_checked(const ProcessContext& context)
{
    if (context.args.size() == 1 && context.args.front() == "--version") {
        // Asked alone, the version needs no command line built: answer at once.
        context.out << "fu " << FU_VERSION << '\n';
        return k_exit_ok;
    }
    CLI::App app{"fu — a follow-up tracker: promise callback windows, log calls, see what is due.",
                 "fu"};
    app.footer("With no command, fu runs 'fu due'. More: 'fu COMMAND --help', 'man fu'; times: 'fu when --help'.\n"
               "Example: fu promise ada tomorrow afternoon --about \"the quote\"");
    app.set_version_flag("--version", std::string("fu ") + FU_VERSION);
    app.fallthrough();
    // One command per run: once it is named, a later word that names another command ("fu promise
    // ada after the demo") is one of its words, never a second command.
    app.require_subcommand(0, 1);
    GlobalOptions global;
    app.add_option("--db", global.db, "The database file (default: $FU_DB, else $XDG_DATA_HOME/fu/fu.db)")
        ->type_name("PATH");
    app.add_option("--config", global.config, "The configuration file (default: $FU_CONFIG, else ~/.config/fu/config.toml)")
        ->type_name("PATH");
    CLI::Option* now_option = app.add_option("--now", global.now, "Behave as if it were this moment (ISO 8601; default: $FU_NOW, else the clock)")
        ->type_name("WHEN");
    CLI::Option* format_option =
        app.add_option("--format", global.format, "Output: human, json, tsv or csv (digest: also markdown; due: also ics; export: json, csv, vcard or ics)")
            ->type_name("FORMAT");
    app.add_flag("--json", global.json, "Short for --format json");
    CLI::Option* color_option = app.add_option("--color", global.color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", global.quiet, "Print no confirmations");

    // A global option may come before or after the command, and the last one given wins.
    for (CLI::Option* option : app.get_options()) {
        option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    }
    const auto registered = commands::register_commands(app, named_command(context.args, app));
    // Every whole-number option takes plain decimal digits: not 0x10, 010 (octal to CLI11), +5 or -1.
    const CLI::Validator whole_number(
        [](const std::string& value) -> std::string {
            const bool digits = !value.empty() && value.size() <= 9 && (value == "0" || value[0] != '0') &&
                                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            return digits ? std::string() : fmt::format("\"{}\" is not a whole number", echo(value));
        },
        "", "whole number");
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        for (CLI::Option* option : command->get_options()) {
            if (option->get_type_name() == "INT" || option->get_type_name() == "UINT") {
                option->check(whole_number);
            }
        }
    }

    std::vector<std::string> reversed(context.args.rbegin(), context.args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        context.out << app.help();
        return k_exit_ok;
    } catch (const CLI::CallForAllHelp&) {
        context.out << app.help("", CLI::AppFormatMode::All);
        return k_exit_ok;
    } catch (const CLI::CallForVersion& e) {
        context.out << e.what() << '\n';
        return k_exit_ok;
    } catch (const CLI::ParseError& e) {
        return report_parse_error(e, app, context.err);
    }

    for (const auto& arg : context.args) {
        check_text("the command line", arg, std::size_t{64} * 1024, true);
    }
    if (now_option->count() > 0 && trim(global.now).empty()) {
        throw usage_error("--now is empty", "give a moment, e.g. --now 2026-06-15T09:30, or leave --now out");
    }
    const commands::Registered* chosen = nullptr;
    for (const auto& command : registered) {
        if (command.app->parsed()) {
            chosen = &command;
        }
    }
    const Given given{format_option->count() > 0, color_option->count() > 0,
                      chosen != nullptr ? chosen->app->get_name() : std::string("due")};
    if (given.command == "__complete") {
        // Completion runs at every Tab: a broken setting is an empty answer, never an error in the prompt.
        try {
            Env env = make_env(global, given, context);
            return chosen->handler(env);
        } catch (...) {
            return 1;
        }
    }
    Env env = make_env(global, given, context);
    if (auto* safe = dynamic_cast<SafeStream*>(&context.out)) {
        safe->allow_colors(env.output.color);
    }
    env.command_line = command_line(context.args, given.command, app);
    try {
        if (chosen != nullptr) {
            return chosen->handler(env);
        }
        // No command: the question fu exists to answer.
        CLI::App due_app;
        return commands::setup_due(due_app)(env);
    } catch (const std::exception& e) {
        if (is_store_failure(e)) {
            throw translate_store_failure(e, env.db_path); // naming the file
        }
        throw;
    }
}

// A standard descriptor that is closed gets /dev/null, so that no file fu opens takes its number
// (output meant for the terminal must never land in the database). Returns whether 1 was closed.
bool guard_standard_descriptors()
{
    bool out_closed = false;
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            out_closed = out_closed || fd == STDOUT_FILENO;
            const int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (null >= 0 && null != fd) {
                ::dup2(null, fd);
                ::close(null);
            }
        }
    }
    return out_closed;
}

std::size_t terminal_width()
{
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
        const long value = std::strtol(columns, nullptr, 10);
        if (value > 0) {
            return static_cast<std::size_t>(value);
        }
    }
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 80;
}

} // namespace

int run(const ProcessContext& process)
{
    // The one choke point: every command and every error writes through these two streams.
    SafeStream out(process.out);
    SafeStream err(process.err);
    const ProcessContext context{process.args,      process.environment,    process.clock,
                                 process.system_zone, out,                  err,
                                 process.out_is_terminal, process.in,       process.in_is_terminal,
                                 process.terminal_width};
    try {
        return run_checked(context);
    } catch (const Error& e) {
        report(context.err, e.what(), e.hint());
        return e.status();
    } catch (const std::exception& e) {
        const Error classified = classify_failure(e);
        report(context.err, classified.what(), classified.hint());
        return classified.status();
    } catch (...) {
        report(context.err, "internal error: an exception of unknown type", k_report_hint);
        return k_exit_internal;
    }
}

Error classify_failure(const std::exception& failure)
{
    if (const auto* error = dynamic_cast<const Error*>(&failure)) {
        return *error;
    }
    // SQLite reports busy, full and read-only files by exception: the store says what they mean.
    if (is_store_failure(failure)) {
        return translate_store_failure(failure);
    }
    if (dynamic_cast<const std::bad_alloc*>(&failure) != nullptr) {
        return Error(k_exit_internal, "out of memory");
    }
    return Error(k_exit_internal, fmt::format("internal error: {}", failure.what()), k_report_hint);
}

int run_main(int argc, char** argv)
{
    // Files fu makes are the user's alone. A file grown past `ulimit -f` is an error SQLite reports
    // (EFBIG) before a commit, not a signal that kills fu after one; a closed pipe is an error
    // on the output, not a signal.
    ::umask(077);
    std::signal(SIGXFSZ, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    const bool out_closed = guard_standard_descriptors();
    std::ios::sync_with_stdio(false);
    if (out_closed) {
        std::cout.setstate(std::ios::badbit);
    }
    ProcessContext context{{}, {}, system_now, nullptr, std::cout, std::cerr};
    for (int i = 1; i < argc; ++i) {
        context.args.emplace_back(argv[i]);
    }
    for (char** variable = environ; variable != nullptr && *variable != nullptr; ++variable) {
        const std::string entry(*variable);
        const auto equals = entry.find('=');
        if (equals != std::string::npos) {
            context.environment.emplace(entry.substr(0, equals), entry.substr(equals + 1));
        }
    }
    context.system_zone = []() -> const Zone* {
        return current_zone(); // null without /etc/localtime: UTC
    };
    context.out_is_terminal = ::isatty(STDOUT_FILENO) == 1;
    context.in = &std::cin;
    context.in_is_terminal = ::isatty(STDIN_FILENO) == 1;
    context.terminal_width = context.out_is_terminal ? terminal_width() : 0;
    const int status = run(context);
    errno = 0;
    std::cout.flush();
    if (!std::cout) {
        const int error = out_closed ? EBADF : write_error_of(std::cout) != 0 ? write_error_of(std::cout) : errno;
        const std::string why = error != 0 ? std::string(": ") + std::strerror(error) : "";
        if (committed_writes() > 0) {
            // The change is saved: a script that retried on a failure would record it twice.
            std::cerr << "fu: warning: the change is saved, but its output could not be written"
                      << why << '\n';
            return status;
        }
        if (error == EPIPE) {
            // A reader that stopped reading (`fu due | head -1`): end as if SIGPIPE had been left alone.
            std::signal(SIGPIPE, SIG_DFL);
            std::raise(SIGPIPE);
        }
        std::cerr << "fu: cannot write the output" << why << '\n';
        return status == k_exit_ok ? k_exit_internal : status;
    }
    return status;
}

} // namespace fu
