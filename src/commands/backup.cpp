// src/commands/backup.cpp — `fu backup [FILE]`: a consistent copy of the database, whole or not at
// all.
#include <csignal>

#include <date/date.h>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "fu/maintenance.hpp"
#include "fu/zone.hpp"

namespace fu::commands {
namespace {

struct BackupOptions {
    std::string file;
    bool force = false;
};

// `fu.db.backup-20260615-093000`: the database's name and this run's now on the user's clock.
std::string default_name(const Env& env)
{
    return fmt::format("{}.backup-{}", env.db_path.filename().string(),
                       date::format("%Y%m%d-%H%M%S", env.user_zone().to_local(env.now)));
}

int run_backup(const BackupOptions& opt, Env& env)
{
    if (env.db_path.empty()) {
        throw database_error("cannot find the database: HOME is not set",
                             "use --db PATH or set FU_DB");
    }
    std::filesystem::path target;
    std::error_code ec;
    if (opt.file.empty()) {
        target = env.db_path.parent_path() / default_name(env);
    } else if (std::filesystem::is_directory(opt.file, ec)) {
        target = std::filesystem::path(opt.file) / default_name(env);
    } else {
        target = opt.file;
    }
    // Past `ulimit -f` the copy fails with EFBIG, reported, instead of killing fu mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    const auto bytes = snapshot_database(env.db_path, target, opt.force, env.settings.busy_timeout);
    if (env.json()) {
        Json document = Json::object();
        document.set("database", env.db_path.string());
        document.set("backup", target.string());
        document.set("bytes", static_cast<std::int64_t>(bytes));
        document.write(env.out);
    } else if (env.human()) {
        env.out << fmt::format("backed up {} to {} ({} KiB)\n", env.db_path.string(),
                               target.string(), (bytes + 1023) / 1024);
    } else {
        Table table;
        table.keys = {"database", "backup", "bytes"};
        table.headings = table.keys;
        table.rows.push_back({env.db_path.string(), target.string(), std::to_string(bytes)});
        print_table(env.out, table, env.output);
    }
    return k_exit_ok;
}

} // namespace

Handler setup_backup(CLI::App& command)
{
    auto opt = std::make_shared<BackupOptions>();
    command.add_option("file", opt->file,
                       "Where to write the copy (a file or a directory; default: "
                       "DB.backup-YYYYMMDD-HHMMSS beside it)");
    command.add_flag("--force", opt->force, "Replace FILE if it exists");
    return [opt](Env& env) { return run_backup(*opt, env); };
}

} // namespace fu::commands
