// src/store/database.cpp — opening and creating the file, its identity, and write transactions.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/private_files.hpp"
#include "fu/store.hpp"
#include "store/file_uri.hpp"
#include "store/schema_check.hpp"

namespace fu {
using store_files::file_uri;
namespace {

int primary(const SQLite::Exception& e) { return e.getErrorCode() & 0xFF; }

// The settings every connection runs with: constraints on, no way for SQL to corrupt the file,
// deleted text overwritten, every commit synced, and the file's schema not trusted: its triggers
// and views may not call risky functions or write virtual tables (trust_own_schema lifts that for
// a schema that is exactly fu's).
void configure(SQLite::Database& db)
{
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    store_schema::set_trusted(db, false);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA secure_delete = ON");
}

// The last setting, once the connection's trust is settled: this pragma parses the schema, which
// an older fu's schema needs trusted for (its CHECK calls json_valid()).
void settle_trust(SQLite::Database& db, bool trusted)
{
    store_schema::set_trusted(db, trusted);
    db.exec("PRAGMA synchronous = FULL");
}

// fu's triggers keep its FTS5 indexes, which an untrusted schema may not do: a write connection
// trusts the file's schema once it is exactly the one fu's migrations make at its version. One
// read transaction, so the version and the schema are of the same moment.
void trust_own_schema(SQLite::Database& db, const std::filesystem::path& path)
{
    store_schema::set_trusted(db, true); // reading the schema runs nothing of it
    db.exec("BEGIN");
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const bool own = store_schema::is_own(db, version);
    db.exec("COMMIT");
    if (!own) {
        store_schema::set_trusted(db, false);
        throw database_error(
            fmt::format("{} has triggers, views, indexes or tables that fu did not make; not "
                        "writing to it",
                        path.string()),
            "reads still work: 'fu export --output book.json', then 'fu --db NEW.db import "
            "book.json' moves the book to a clean file");
    }
    settle_trust(db, true);
}

// Refuses a file that is not a fu database or is too new. One read transaction, so one snapshot:
// a file that another fu is creating or migrating is seen before or after, never halfway. Only
// the header is read: the schema is parsed later, under the trust its version allows.
void check_identity(SQLite::Database& db, const std::string& where)
{
    db.exec("BEGIN");
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    db.exec("COMMIT");
    if (application_id != k_application_id) {
        throw database_error(fmt::format("{} is not a fu database", where),
                             "use --db to choose another file");
    }
    if (version > k_schema_version) {
        throw database_error(
            fmt::format("{} has schema version {}, newer than this fu understands ({})", where,
                        version, k_schema_version),
            "upgrade fu to use this database");
    }
}

// What SQLite's refusal of an existing file means, naming the file.
Error unusable_file(const SQLite::Exception& e, const std::filesystem::path& path)
{
    switch (primary(e)) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return translate_store_failure(e, path);
    case SQLITE_NOTADB:
        return database_error(fmt::format("{} is not a fu database (not an SQLite file)",
                                          path.string()),
                              "use --db to choose another file");
    case SQLITE_CORRUPT:
        return database_error(fmt::format("{} is damaged: {}", path.string(), e.what()),
                              "restore it from a backup");
    case SQLITE_FULL:
        return database_error(
            fmt::format("the disk is full: cannot write {}; nothing was changed", path.string()),
            "free some space and try again");
    case SQLITE_READONLY:
        return database_error(
            fmt::format("{} is read-only for you; nothing was changed", path.string()));
    default:
        return translate_store_failure(e, path); // the file size limit, a full disk, …
    }
}

// Opens and configures a connection; SQLite's exceptions pass through.
std::unique_ptr<SQLite::Database> connect(const std::string& name, int flags,
                                          std::chrono::milliseconds busy_timeout)
{
    auto db = store_files::open_connection(name, flags, static_cast<int>(busy_timeout.count()));
    configure(*db);
    return db;
}

std::unique_ptr<SQLite::Database>
open_database(const std::string& name, int flags,
              std::chrono::milliseconds busy_timeout = k_default_busy_timeout)
{
    std::unique_ptr<SQLite::Database> db;
    try {
        db = store_files::open_connection(name, flags, static_cast<int>(busy_timeout.count()));
        configure(*db);
        return db;
    } catch (const SQLite::Exception& e) {
        if (db && sqlite3_system_errno(db->getHandle()) != 0) {
            errno = sqlite3_system_errno(db->getHandle()); // EFBIG, ENOSPC: what the message says
        }
        throw unusable_file(e, name);
    }
}


// An empty path means no database could be located (no HOME, no --db, no FU_DB).
void require_path(const std::filesystem::path& path)
{
    if (path.empty()) {
        throw database_error("cannot find the database: HOME is not set",
                             "use --db PATH or set FU_DB");
    }
}

void remove_quietly(const std::filesystem::path& path)
{
    ::unlink(path.c_str());
    ::unlink((path.string() + "-journal").c_str());
    ::unlink((path.string() + "-wal").c_str());
    ::unlink((path.string() + "-shm").c_str());
}

} // namespace

Store::Store(std::unique_ptr<SQLite::Database> db) : m_db(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open_in_memory()
{
    Store store(open_database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
    settle_trust(*store.m_db, true); // its schema is the one fu makes next
    store.migrate();
    return store;
}

Store Store::create_at_version(const std::filesystem::path& path, int schema_version)
{
    ::close(create_private_file(path));
    Store store(open_database(path.string(), SQLite::OPEN_READWRITE));
    settle_trust(*store.m_db, true); // a new file: its schema is the one fu makes
    store.migrate(schema_version);
    return store;
}

std::filesystem::path Store::build_new_database(const std::filesystem::path& path)
{
    const auto temp = private_sibling(path, "new");
    ::close(create_private_file(temp));
    try {
        Store store(open_database(temp.string(), SQLite::OPEN_READWRITE));
        settle_trust(*store.m_db, true); // a new file: its schema is the one fu makes
        store.migrate();
        store.m_db->exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
        remove_quietly(temp);
        throw unusable_file(e, path);
    } catch (...) {
        remove_quietly(temp);
        throw;
    }
    return temp;
}

void Store::create_database(const std::filesystem::path& path)
{
    make_private_directories(path.parent_path());
    // An empty placeholder first: it reads as an empty database, and every fu that finds it
    // empty meets the others at its lock (no link: a second name would look like a hard link).
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
        throw database_error(
            fmt::format("cannot create database {}: {}", path.string(), std::strerror(errno)));
    }
    if (fd >= 0) {
        ::close(fd);
    }
    replace_empty_file(path, fd >= 0);
}

void Store::replace_empty_file(const std::filesystem::path& path, bool made_here)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return; // gone meanwhile: the caller looks again
    }
    // Every fu that finds the file empty takes this lock; the first replaces the file, and the
    // others find another file under the name when they get the lock.
    ::flock(fd, LOCK_EX);
    struct stat held {};
    struct stat named {};
    const bool still_empty = ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 &&
                             held.st_ino == named.st_ino && held.st_dev == named.st_dev &&
                             named.st_size == 0;
    if (still_empty) {
        remove_abandoned_siblings(path, "new"); // a fu killed here before us left its build
        try {
            const auto temp = build_new_database(path);
            const bool renamed = ::rename(temp.c_str(), path.c_str()) == 0;
            const int error = errno;
            remove_quietly(temp);
            if (!renamed) {
                throw database_error(fmt::format("cannot create database {}: {}", path.string(),
                                                 std::strerror(error)));
            }
            sync_directory_of(path);
        } catch (...) {
            if (made_here) {
                ::unlink(path.c_str()); // still the empty file this fu made: nothing is left
            }
            ::close(fd);
            throw;
        }
    }
    ::close(fd);
}

Store Store::open_for_reading(const std::filesystem::path& path,
                              std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    const auto file = inspect_own_file(path);
    if (!file || file->st_size == 0) {
        return open_in_memory(); // read as an empty database; nothing is created or written
    }
    std::unique_ptr<SQLite::Database> db;
    try {
        try {
            db = connect(path.string(), SQLite::OPEN_READONLY, busy_timeout);
            check_identity(*db, path.string());
        } catch (const SQLite::Exception& e) {
            const int code = primary(e);
            if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN && code != SQLITE_IOERR &&
                code != SQLITE_FULL) {
                throw;
            }
            // A WAL database whose -shm cannot be made (a directory this user cannot write, a
            // full disk): read it as an immutable file, which is exact while no changes wait in
            // its -wal file.
            const auto wal = path.string() + "-wal";
            std::error_code ec;
            if (std::filesystem::file_size(wal, ec) > 0 && !ec) {
                throw database_error(
                    fmt::format("cannot read database {}: SQLite cannot make its shared-memory "
                                "file there ({}), and changes wait in {}",
                                path.string(), e.what(), wal),
                    code == SQLITE_READONLY || code == SQLITE_CANTOPEN
                        ? "run fu once as the file's owner, or copy the database"
                        : "free some disk space and try again");
            }
            db.reset();
            db = connect(file_uri(path, "immutable=1"), SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                         busy_timeout);
            check_identity(*db, path.string());
        }
        if (db->execAndGet("PRAGMA user_version").getInt() < k_schema_version) {
            // An older file must be migrated before this fu can read it.
            db.reset();
            return open_for_writing(path, busy_timeout);
        }
        settle_trust(*db, false); // reads trust nothing in the file
    } catch (const SQLite::Exception& e) {
        throw unusable_file(e, path);
    }
    return Store(std::move(db));
}

Store Store::open_for_update(const std::filesystem::path& path,
                             std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    const auto file = inspect_own_file(path);
    if (!file || file->st_size == 0) {
        return open_in_memory(); // nothing to change yet: leave the file as it is
    }
    return open_for_writing(path, busy_timeout);
}

Store Store::open_for_writing(const std::filesystem::path& path,
                              std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    for (int attempt = 0;; ++attempt) {
        const auto file = inspect_own_file(path);
        if (file && file->st_size > 0) {
            break;
        }
        if (attempt == 3) {
            throw database_error(fmt::format("cannot create database {}: it keeps changing",
                                             path.string()));
        }
        if (file) {
            replace_empty_file(path, false); // an empty file is a new database, made 0600
        } else {
            create_database(path);
        }
    }
    if (::access(path.c_str(), W_OK) != 0 ||
        ::access(path.parent_path().empty() ? "." : path.parent_path().c_str(), W_OK) != 0) {
        throw database_error(
            fmt::format("{} is read-only for you; nothing was changed", path.string()),
            "ask its owner, or copy the database somewhere you can write");
    }
    // Never OPEN_CREATE: the file exists, and if it vanished since, creating an empty one here
    // would be a database nobody initialised.
    Store store(open_database(path.string(), SQLite::OPEN_READWRITE, busy_timeout));
    try {
        check_identity(*store.m_db, path.string());
        trust_own_schema(*store.m_db, path);
        if (store.m_db->execAndGet("PRAGMA journal_mode").getString() != "wal") {
            store.m_db->exec("PRAGMA journal_mode = WAL"); // a file made by an older fu
        }
        store.migrate_file(path);
    } catch (const SQLite::Exception& e) {
        if (sqlite3_system_errno(store.m_db->getHandle()) != 0) {
            errno = sqlite3_system_errno(store.m_db->getHandle());
        }
        throw unusable_file(e, path);
    }
    return store;
}

SQLite::Statement& Store::prepared(const std::string& sql) const
{
    for (auto& [text, statement] : m_prepared) {
        // One still stepping belongs to a caller's loop (a reader called from its own sink).
        if (text == sql && !statement->hasRow()) {
            statement->tryReset(); // an error of its last run was reported then
            statement->clearBindings();
            return *statement;
        }
    }
    m_prepared.emplace_back(sql, std::make_unique<SQLite::Statement>(*m_db, sql));
    return *m_prepared.back().second;
}

std::string Store::explain(const std::string& sql) const
{
    SQLite::Statement q(*m_db, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (q.executeStep()) {
        plan += q.getColumn(3).getString();
        plan += '\n';
    }
    return plan;
}

bool is_store_failure(const std::exception& failure)
{
    return dynamic_cast<const SQLite::Exception*>(&failure) != nullptr;
}

Error translate_store_failure(const std::exception& failure, const std::filesystem::path& path)
{
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&failure);
    const int code = sqlite != nullptr ? (sqlite->getErrorCode() & 0xFF) : SQLITE_ERROR;
    const int system_error = errno;
    const std::string file = path.empty() ? std::string("the database") : path.string();
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        return Error(k_exit_busy,
                     fmt::format("{} is busy (another program holds its lock)", file),
                     "try again in a moment, or raise busy_timeout_ms");
    }
    if (code == SQLITE_FULL || (code == SQLITE_IOERR && system_error == ENOSPC)) {
        return database_error(
            fmt::format("the disk is full: cannot write {}; nothing was changed", file),
            "free some space and try again");
    }
    rlimit size_limit{};
    const bool size_limited = ::getrlimit(RLIMIT_FSIZE, &size_limit) == 0 &&
                              size_limit.rlim_cur != RLIM_INFINITY;
    if (code == SQLITE_IOERR && (system_error == EFBIG || size_limited)) {
        return database_error(
            fmt::format("cannot write {}: the file size limit (ulimit -f) is reached; nothing "
                        "was changed",
                        file));
    }
    if (code == SQLITE_READONLY) {
        return database_error(fmt::format("{} is read-only; nothing was changed", file));
    }
    if (path.empty()) {
        return database_error(fmt::format("database error: {}", failure.what()));
    }
    return database_error(fmt::format("database error in {}: {}", file, failure.what()));
}

namespace store_files {

std::string file_uri(const std::filesystem::path& path, const std::string& parameters)
{
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%' || c == ' ') {
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
            uri += c;
        }
    }
    return uri + "?" + parameters;
}

std::unique_ptr<SQLite::Database> open_connection(const std::string& name, int flags, int busy_timeout_ms)
{
    // Only before SQLite's first use in the process; later, SQLite refuses it and nothing changes.
    [[maybe_unused]] static const int statistics_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return std::make_unique<SQLite::Database>(name, flags | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
}

} // namespace store_files

} // namespace fu
