// src/commands/export.cpp — `fu export`: the whole book as JSON, contacts as CSV or vCard, open
// promises as an iCalendar feed; to standard output or, whole or not at all, to a file.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/output_file.hpp"
#include "fu/exchange.hpp"
#include "fu/store.hpp"

namespace fu::commands {
namespace {

struct ExportOptions {
    std::string output;
    std::string vcard_version;
};

// The format asked for on the command line; json when none was (a configured default for
// listings does not choose a file's format).
OutputFormat export_format(const Env& env)
{
    const auto origin = env.origins.find("format");
    const bool given = origin != env.origins.end() && (origin->second == "--format" || origin->second == "--json");
    if (!given) {
        return OutputFormat::json;
    }
    switch (env.output.format) {
    case OutputFormat::json:
    case OutputFormat::csv:
    case OutputFormat::vcard:
    case OutputFormat::ics: return env.output.format;
    default: break;
    }
    throw usage_error(fmt::format("fu export does not write {}", to_string(env.output.format)),
                      "use --format json (everything), csv or vcard (contacts) or ics (open promises)");
}

VcardVersion vcard_version(const std::string& word)
{
    if (word.empty() || word == "4.0" || word == "4") {
        return VcardVersion::v4_0;
    }
    if (word == "3.0" || word == "3") {
        return VcardVersion::v3_0;
    }
    throw usage_error(fmt::format("--vcard-version must be 3.0 or 4.0, not \"{}\"", word));
}

int run_export(const ExportOptions& opt, Env& env)
{
    const OutputFormat format = export_format(env);
    if (!opt.vcard_version.empty() && format != OutputFormat::vcard) {
        throw usage_error("--vcard-version goes with --format vcard");
    }
    const VcardVersion version = vcard_version(opt.vcard_version);
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    std::optional<OutputFile> file;
    if (!opt.output.empty() && opt.output != "-") {
        file.emplace(opt.output);
    }
    std::ostream& out = file ? file->stream() : env.out;
    switch (format) {
    case OutputFormat::csv: export_contacts_csv(store, out); break;
    case OutputFormat::vcard: export_vcards(store, out, version); break;
    case OutputFormat::ics: export_calendar(store, out, env.now); break;
    default: export_book(store, out); break;
    }
    if (file) {
        file->commit();
    }
    return k_exit_ok;
}

} // namespace

Handler setup_export(CLI::App& command)
{
    auto opt = std::make_shared<ExportOptions>();
    command.footer("Formats (--format): json (default: everything, for fu import), csv and vcard (contacts "
                   "not archived), ics (open promises as a calendar feed).\n"
                   "Example: fu export --output book.json; fu export --format ics --output ~/fu.ics");
    command.add_option("-o,--output", opt->output, "Write to this file (whole or not at all) instead of standard output")
        ->type_name("FILE");
    command.add_option("--vcard-version", opt->vcard_version, "With --format vcard: 4.0 (default) or 3.0")
        ->type_name("VERSION");
    return [opt](Env& env) { return run_export(*opt, env); };
}

} // namespace fu::commands
