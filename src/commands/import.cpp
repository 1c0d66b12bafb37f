// src/commands/import.cpp — `fu import`: contacts from CSV (fu's, Google Contacts', Outlook's) or
// vCard, or a whole book from fu's JSON export; all or nothing, and `fu undo` takes it back.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/book_json.hpp"
#include "fu/contacts_csv.hpp"
#include "fu/exchange.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/vcard.hpp"

namespace fu::commands {
namespace {

// How many duplicates are listed one per line before the rest are counted.
constexpr std::size_t k_listed_duplicates = 20;

struct ImportCommandOptions {
    std::string file;
    bool dry_run = false;
    bool merge = false;
};

enum class FileFormat { json, csv, vcard };

std::string read_input(const std::string& file, Env& env)
{
    std::ostringstream text;
    if (file == "-") {
        if (env.in == nullptr) {
            throw usage_error("there is no standard input to import");
        }
        text << env.in->rdbuf();
        return text.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        throw usage_error(fmt::format("{} is a directory", file), "name the file to import");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw usage_error(fmt::format("cannot read {}: {}", file, std::strerror(errno)));
    }
    text << in.rdbuf();
    return text.str();
}

bool ends_with(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == suffix;
}

// --format when given; else the file's extension; else its first characters.
FileFormat file_format(const Env& env, const std::string& file, std::string_view text)
{
    switch (env.output.format) {
    case OutputFormat::json: return FileFormat::json;
    case OutputFormat::csv: return FileFormat::csv;
    case OutputFormat::vcard: return FileFormat::vcard;
    case OutputFormat::human: break;
    default:
        throw usage_error(fmt::format("fu import does not read {}", to_string(env.output.format)),
                          "use --format auto, json, csv or vcard");
    }
    if (ends_with(file, ".json")) {
        return FileFormat::json;
    }
    if (ends_with(file, ".csv")) {
        return FileFormat::csv;
    }
    if (ends_with(file, ".vcf") || ends_with(file, ".vcard")) {
        return FileFormat::vcard;
    }
    if (looks_like_json(text)) {
        return FileFormat::json;
    }
    return looks_like_vcard(text) ? FileFormat::vcard : FileFormat::csv;
}

std::string count_of(std::int64_t n, const char* one, const char* many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

void print_report(const ImportReport& report, const std::string& source, bool dry_run, bool merge, Env& env)
{
    for (const auto& notice : report.notices) {
        env.err << "note: " << visible(notice) << '\n';
    }
    if (env.output.quiet && !dry_run) {
        return;
    }
    std::vector<std::string> brought{count_of(report.added, "contact", "contacts")};
    if (report.dialect == "fu JSON") {
        brought.push_back(count_of(report.promises, "promise", "promises"));
        brought.push_back(count_of(report.interactions, "interaction", "interactions"));
        brought.push_back(count_of(report.plans, "playbook run", "playbook runs"));
    }
    std::string list = brought.size() == 1 ? brought[0]
                                            : join({brought.begin(), brought.end() - 1}, ", ") + " and " + brought.back();
    env.out << fmt::format("{} {} from {} ({}{}){}\n", dry_run ? "Would import" : "Imported", list, source,
                           report.dialect, report.ids_kept && report.added > 0 ? ", ids kept" : "",
                           dry_run ? "; nothing written (--dry-run)" : ".");
    if (report.duplicates.empty()) {
        return;
    }
    if (merge) {
        env.out << fmt::format("{} {} into the contact {} duplicate{}:\n", dry_run ? "Would merge" : "Merged",
                               count_of(report.merged, "duplicate", "duplicates"), report.merged == 1 ? "it" : "they",
                               report.merged == 1 ? "s" : "");
    } else {
        env.out << fmt::format("{} {} (--merge fills in the contact each duplicates):\n",
                               dry_run ? "Would skip" : "Skipped", count_of(report.skipped, "duplicate", "duplicates"));
    }
    for (std::size_t n = 0; n < report.duplicates.size() && n < k_listed_duplicates; ++n) {
        env.out << "  " << visible(report.duplicates[n]) << '\n';
    }
    if (report.duplicates.size() > k_listed_duplicates) {
        env.out << fmt::format(
            "  … and {} more\n",
            count_text(static_cast<std::int64_t>(report.duplicates.size() - k_listed_duplicates)));
    }
}

int import_file(const ImportCommandOptions& opt, Env& env)
{
    const std::string source = opt.file == "-" ? std::string("standard input") : opt.file;
    const std::string text = read_input(opt.file, env);
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        throw usage_error(fmt::format("{} is UTF-16 text", source), "save it as UTF-8 (CSV UTF-8) and import that");
    }
    // The file is read, and every record checked as fu add checks it, before the database is
    // opened: a bad file creates nothing.
    const FileFormat format = file_format(env, opt.file, text);
    std::optional<Book> book;
    std::optional<ContactsRead> contacts;
    switch (format) {
    case FileFormat::json: book = read_book_json(text, source); break;
    case FileFormat::csv: contacts = read_contacts_csv(text, source); break;
    case FileFormat::vcard: contacts = read_vcards(text, source); break;
    }
    if (book) {
        check_book(*book, source);
    } else {
        check_contacts(*contacts, source);
    }

    ImportOptions options;
    options.source = source;
    options.merge = opt.merge;
    const auto import_into = [&](Store& store) {
        return book ? import_book(store, *book, options, env.change_context())
                    : import_contacts(store, *contacts, options, env.change_context());
    };
    Store store = opt.dry_run ? Store::open_for_update(env.db_path, env.settings.busy_timeout)
                              : Store::open_for_writing(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const ImportReport report = import_into(store);
    if (!opt.dry_run) {
        transaction.commit();
    }
    print_report(report, visible(source), opt.dry_run, opt.merge, env);
    return k_exit_ok;
}

// Messages about a file repeat its text: shown with its control characters made visible, so a
// hostile file cannot rewrite the terminal.
int run_import(const ImportCommandOptions& opt, Env& env)
{
    try {
        return import_file(opt, env);
    } catch (const Error& e) {
        throw Error(e.status(), visible(e.what()), visible(e.hint()));
    }
}

} // namespace

Handler setup_import(CLI::App& command)
{
    auto opt = std::make_shared<ImportCommandOptions>();
    command.footer("Formats (--format): auto (default: from the name, else the contents), json (a fu export: "
                   "everything), csv (fu's columns, Google Contacts or Outlook), vcard (3.0, 4.0, 2.1).\n"
                   "Example: fu import --dry-run contacts.csv; fu import contacts.csv; fu undo");
    command.add_option("FILE", opt->file, "The file to import, or - for standard input")->required();
    command.add_flag("--dry-run", opt->dry_run, "Report what would be imported; write nothing");
    command.add_flag("--merge", opt->merge,
                     "Fill in the existing contact a duplicate matches (same email, or same name and phone) "
                     "instead of skipping it");
    return [opt](Env& env) { return run_import(*opt, env); };
}

} // namespace fu::commands
