// src/store/maintenance.cpp — snapshots and health facts of the whole file (see
// fu/maintenance.hpp).
#include "fu/maintenance.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "store/file_uri.hpp"
#include "store/schema_check.hpp"

namespace fu {
namespace {

// The rows whose kept state differs from a recount from the rows themselves (0 when all is well):
// each contact's summary, each promise's copy of its contact, and the running tallies ({} holds
// the tallies of later versions).
constexpr const char* k_drift_sql = R"sql(
WITH recount(name, outcome, interest, n) AS (
  {}
  SELECT 'no_next_step', last_outcome, interest, count(*) FROM contacts
  WHERE archived_at IS NULL AND closed_at IS NULL AND open_promises = 0 AND has_history = 1 AND every = ''
  GROUP BY last_outcome, interest
  UNION ALL
  SELECT 'heard', '', interest, count(*) FROM contacts
  WHERE archived_at IS NULL AND closed_at IS NULL AND every = '' AND last_at IS NOT NULL GROUP BY interest
  UNION ALL
  SELECT 'promises', status, '', count(*) FROM promises GROUP BY status
  UNION ALL
  SELECT 'interactions_' || direction, kind, outcome, count(*) FROM interactions GROUP BY direction, kind, outcome)
SELECT
  (SELECT count(*) FROM contacts c WHERE
      c.open_promises <> (SELECT count(*) FROM promises p WHERE p.contact_id = c.id AND p.status = 'open')
   OR c.has_history <> (EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = c.id)
                        OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = c.id))
   OR c.last_at IS NOT (SELECT max(i.at) FROM interactions i WHERE i.contact_id = c.id)
   OR c.last_outcome <> coalesce((SELECT i.outcome FROM interactions i WHERE i.contact_id = c.id
                                  ORDER BY i.at DESC, i.id DESC LIMIT 1), ''))
+ (SELECT count(*) FROM promises p JOIN contacts c ON c.id = p.contact_id
   WHERE p.interest <> c.interest OR p.listed <> (c.archived_at IS NULL))
+ (SELECT count(*) FROM (SELECT * FROM recount EXCEPT SELECT name, outcome, interest, n FROM tallies WHERE n > 0))
+ (SELECT count(*) FROM (SELECT name, outcome, interest, n FROM tallies WHERE n > 0 EXCEPT SELECT * FROM recount))
+ (SELECT count(*) FROM tallies WHERE n < 0)
)sql";

// The first schema version that keeps summaries and tallies, and the one that adds the count of
// the contacts in follow-up (its recount ends in UNION ALL, like the next).
constexpr int k_kept_state_version = 4;
constexpr int k_follow_up_tally_version = 7;
constexpr const char* k_follow_up_recount =
    "SELECT 'in_follow_up', '', interest, count(*) FROM contacts WHERE archived_at IS NULL AND "
    "closed_at IS NULL GROUP BY interest UNION ALL ";
// The version that adds the count of the archived contacts' interactions.
constexpr int k_archived_tally_version = 8;
constexpr const char* k_archived_recount =
    "SELECT 'interactions_archived', '', '', n FROM (SELECT count(*) AS n FROM interactions i JOIN "
    "contacts c ON c.id = i.contact_id WHERE c.archived_at IS NOT NULL) WHERE n > 0 UNION ALL ";

int sqlite_code(const SQLite::Exception& e)
{
    return e.getErrorCode() & 0xFF;
}


// A read-only connection that changes nothing in the file; busy and unreadable files are fu errors.
std::unique_ptr<SQLite::Database> open_read_only(const std::filesystem::path& path,
                                                 std::chrono::milliseconds busy_timeout)
{
    std::error_code ec;
    if (path.empty()) {
        throw database_error("cannot find the database: HOME is not set",
                             "use --db PATH or set FU_DB");
    }
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        throw database_error(fmt::format("there is no database at {}", path.string()));
    }
    if (!std::filesystem::is_regular_file(status)) {
        throw database_error(fmt::format("{} is not a file", path.string()),
                             "use --db to choose the database");
    }
    const auto timeout = static_cast<int>(busy_timeout.count());
    try {
        auto db = store_files::open_connection(path.string(), SQLite::OPEN_READONLY, timeout);
        try {
            db->execAndGet("PRAGMA application_id");
            return db;
        } catch (const SQLite::Exception& e) {
            const int code = sqlite_code(e);
            if (code == SQLITE_IOERR || code == SQLITE_FULL) {
                // Reading a WAL database needs room for its -shm index.
                throw database_error(
                    fmt::format("cannot read database {}: {}", path.string(), e.what()),
                    "is the disk full, or a file size limit (ulimit -f) set?");
            }
            if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY) {
                return db; // the caller reports what it cannot read
            }
        }
        // A WAL database where this user cannot create the -shm index (a read-only mount, another
        // user's directory): read the file as immutable, exact while no changes wait in its -wal.
        if (std::filesystem::file_size(path.string() + "-wal", ec) > 0 && !ec) {
            throw database_error(
                fmt::format("cannot read database {}: it is read-only here and has "
                            "changes not yet checkpointed in its -wal file",
                            path.string()),
                "run fu once where the database can be written");
        }
        return store_files::open_connection(store_files::file_uri(path, "immutable=1"),
                                            SQLite::OPEN_READONLY | SQLite::OPEN_URI, timeout);
    } catch (const SQLite::Exception& e) {
        throw database_error(fmt::format("cannot open database {}: {}", path.string(), e.what()));
    }
}

[[noreturn]] void fail_backup(const std::filesystem::path& target, int error)
{
    if (error == ENOSPC || error == EDQUOT) {
        throw database_error(
            fmt::format("cannot write backup {}: the disk is full", target.string()),
            "free some space and run fu backup again");
    }
    throw database_error(
        fmt::format("cannot write backup {}: {}", target.string(), std::strerror(error)));
}

void sync_file(const std::string& file, const std::filesystem::path& target)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail_backup(target, errno);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        fail_backup(target, error);
    }
    ::close(fd);
}

// Removes the temporary snapshot unless it was put in place.
struct TemporaryFile {
    std::string name;
    ~TemporaryFile()
    {
        if (name.empty()) {
            return;
        }
        ::unlink(name.c_str());
        // VACUUM INTO writes the copy through a rollback journal of its own.
        for (const char* suffix : {"-journal", "-wal", "-shm"}) {
            ::unlink((name + suffix).c_str());
        }
    }
};

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b)
{
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

} // namespace

DatabaseFacts inspect_database(const std::filesystem::path& path,
                               std::chrono::milliseconds busy_timeout)
{
    auto db = open_read_only(path, busy_timeout);
    DatabaseFacts facts;
    try {
        facts.application_id = db->execAndGet("PRAGMA application_id").getInt();
        facts.user_version = db->execAndGet("PRAGMA user_version").getInt();
        // This fu's schema reads untrusted; an older one (a CHECK calling json_valid()) is read
        // trusted, as the migration that upgrades it does. Only fu's own queries run here.
        store_schema::set_trusted(*db, facts.user_version != k_schema_version);
        facts.journal_mode = db->execAndGet("PRAGMA journal_mode").getString();
        facts.has_schema = db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
        facts.own_schema = facts.application_id == k_application_id &&
                           store_schema::is_own(*db, facts.user_version);
    } catch (const SQLite::Exception& e) {
        if (sqlite_code(e) == SQLITE_BUSY || sqlite_code(e) == SQLITE_LOCKED) {
            throw translate_store_failure(e);
        }
        throw database_error(fmt::format("cannot read database {}: {}", path.string(), e.what()));
    }
    try {
        SQLite::Statement integrity(*db, "PRAGMA integrity_check(20)");
        while (integrity.executeStep()) {
            facts.integrity.push_back(integrity.getColumn(0).getString());
        }
    } catch (const SQLite::Exception& e) {
        if (sqlite_code(e) == SQLITE_BUSY || sqlite_code(e) == SQLITE_LOCKED) {
            throw translate_store_failure(e);
        }
        facts.integrity = {e.what()};
    }
    const bool intact = facts.integrity.size() == 1 && facts.integrity.front() == "ok";
    try {
        SQLite::Statement dangling(*db, "PRAGMA foreign_key_check");
        while (dangling.executeStep()) {
            ++facts.foreign_key_violations;
        }
        if (intact && facts.application_id == k_application_id &&
            facts.user_version >= k_kept_state_version) {
            std::string later_tallies;
            if (facts.user_version >= k_follow_up_tally_version) {
                later_tallies += k_follow_up_recount;
            }
            if (facts.user_version >= k_archived_tally_version) {
                later_tallies += k_archived_recount;
            }
            facts.drift =
                db->execAndGet(fmt::format(fmt::runtime(k_drift_sql), later_tallies)).getInt64();
        }
    } catch (const SQLite::Exception& e) {
        if (sqlite_code(e) == SQLITE_BUSY || sqlite_code(e) == SQLITE_LOCKED) {
            throw translate_store_failure(e);
        }
        if (intact) {
            facts.integrity = {e.what()}; // readable page by page, yet a query over it fails
        }
    }
    return facts;
}

std::uintmax_t snapshot_database(const std::filesystem::path& path,
                                 const std::filesystem::path& target, bool replace,
                                 std::chrono::milliseconds busy_timeout)
{
    auto db = open_read_only(path, busy_timeout);
    try {
        const int application_id = db->execAndGet("PRAGMA application_id").getInt();
        if (application_id == 0 &&
            db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0) {
            throw database_error(
                fmt::format("{} is empty: there is nothing to back up", path.string()));
        }
        if (application_id != k_application_id) {
            throw database_error(fmt::format("{} is not a fu database", path.string()),
                                 "use --db to choose the database");
        }
    } catch (const SQLite::Exception& e) {
        throw translate_store_failure(e);
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (same_file(target, path.string() + suffix) ||
            std::filesystem::weakly_canonical(target) ==
                std::filesystem::weakly_canonical(path.string() + suffix)) {
            throw usage_error(
                fmt::format("the backup {} would replace the database's own file", target.string()),
                "name another file");
        }
    }
    std::error_code ec;
    if (!replace && std::filesystem::symlink_status(target, ec).type() !=
                        std::filesystem::file_type::not_found) {
        throw usage_error(fmt::format("{} exists already", target.string()),
                          "use --force to replace it");
    }

    const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
    std::string pattern = (directory / ("." + target.filename().string() + ".fu-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data()); // mode 0600
    if (fd < 0) {
        fail_backup(target, errno);
    }
    ::close(fd);
    TemporaryFile temporary{name.data()};

    try {
        SQLite::Statement vacuum(*db, "VACUUM INTO ?");
        vacuum.bind(1, temporary.name);
        vacuum.exec();
    } catch (const SQLite::Exception& e) {
        const int code = sqlite_code(e);
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            throw translate_store_failure(e);
        }
        if (code == SQLITE_FULL) {
            fail_backup(target, ENOSPC);
        }
        throw database_error(fmt::format("cannot write backup {}: {}", target.string(), e.what()));
    }
    db.reset();
    sync_file(temporary.name, target);

    if (replace) {
        if (::rename(temporary.name.c_str(), target.c_str()) != 0) {
            fail_backup(target, errno);
        }
    } else if (::link(temporary.name.c_str(), target.c_str()) != 0) {
        const int error = errno;
        if (error == EEXIST) {
            throw usage_error(fmt::format("{} exists already", target.string()),
                              "use --force to replace it");
        }
        if (error != EPERM && error != ENOTSUP && error != EXDEV && error != EMLINK) {
            fail_backup(target, error);
        }
        // A filesystem without hard links: rename, having checked just now that nothing is there.
        if (::rename(temporary.name.c_str(), target.c_str()) != 0) {
            fail_backup(target, errno);
        }
    }
    ::unlink(temporary.name.c_str());
    temporary.name.clear();
    const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd); // the new name survives a crash
        ::close(dir_fd);
    }
    return std::filesystem::file_size(target, ec);
}

} // namespace fu
