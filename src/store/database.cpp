// src/store/database.cpp — opening and creating the file, its identity, and write transactions.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/store.hpp"

namespace fu {
namespace {

std::unique_ptr<SQLite::Database>
open_database(const std::filesystem::path& path, int flags,
              std::chrono::milliseconds busy_timeout = k_default_busy_timeout)
{
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), flags,
                                                     static_cast<int>(busy_timeout.count()));
        db->exec("PRAGMA foreign_keys = ON");
        return db;
    } catch (const SQLite::Exception& e) {
        throw database_error(fmt::format("cannot open database {}: {}", path.string(), e.what()));
    }
}

void check_identity(SQLite::Database& db, const std::string& where)
{
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (application_id == 0 && version == 0) {
        const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (objects != 0) {
            throw database_error(fmt::format("{} is not a fu database", where),
                                 "use --db to choose another file");
        }
        return;
    }
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

// Creates the file (and its missing directories) private to the user.
void create_private_file(const std::filesystem::path& path)
{
    std::vector<std::filesystem::path> created;
    const auto dir = path.parent_path();
    if (!dir.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(dir, ec)) {
            // Each missing directory is created 0700: follow-up notes are private.
            std::vector<std::filesystem::path> missing;
            for (auto d = dir; !d.empty() && !std::filesystem::exists(d, ec); d = d.parent_path()) {
                missing.push_back(d);
                if (d == d.parent_path()) {
                    break;
                }
            }
            for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
                if (::mkdir(it->c_str(), 0700) != 0) {
                    if (errno == EEXIST) {
                        continue;
                    }
                    const int error = errno;
                    for (auto made = created.rbegin(); made != created.rend(); ++made) {
                        ::rmdir(made->c_str());
                    }
                    throw database_error(fmt::format("cannot create directory {}: {}", it->string(),
                                                     std::strerror(error)));
                }
                created.push_back(*it);
            }
        }
    }
    // Not O_EXCL: another fu may create the same file at the same moment, and that is fine.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        for (auto made = created.rbegin(); made != created.rend(); ++made) {
            ::rmdir(made->c_str());
        }
        throw database_error(
            fmt::format("cannot create database {}: {}", path.string(), std::strerror(error)));
    }
    ::close(fd);
}

// A read-only URI for a file that nothing will change while fu reads it.
std::string immutable_uri(const std::filesystem::path& path)
{
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%' || c == ' ') {
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

// An empty path means no database could be located (no HOME, no --db, no FU_DB).
void require_path(const std::filesystem::path& path)
{
    if (path.empty()) {
        throw database_error("cannot find the database: HOME is not set",
                             "use --db PATH or set FU_DB");
    }
}
} // namespace

Store::Store(std::unique_ptr<SQLite::Database> db) : m_db(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open_in_memory()
{
    Store store(open_database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
    store.migrate();
    return store;
}

Store Store::create_at_version(const std::filesystem::path& path, int schema_version)
{
    create_private_file(path);
    Store store(open_database(path, SQLite::OPEN_READWRITE));
    store.migrate(schema_version);
    return store;
}

Store Store::open_for_reading(const std::filesystem::path& path,
                              std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return open_in_memory();
    }
    auto db = open_database(path, SQLite::OPEN_READONLY, busy_timeout);
    try {
        try {
            check_identity(*db, path.string());
        } catch (const SQLite::Exception& e) {
            const int code = e.getErrorCode() & 0xFF;
            if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) {
                throw;
            }
            // A WAL database in a place this user cannot write (no -shm can be made): read it as
            // an immutable file, which is exact as long as no changes wait in its -wal file.
            const auto wal = path.string() + "-wal";
            if (std::filesystem::exists(wal, ec) && std::filesystem::file_size(wal, ec) > 0) {
                throw database_error(
                    fmt::format("cannot read database {}: it is read-only for you and "
                                "has changes not yet checkpointed in {}",
                                path.string(), wal),
                    "run fu once as the file's owner, or copy the database");
            }
            db.reset();
            db = open_database(immutable_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                               busy_timeout);
            check_identity(*db, path.string());
        }
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        if (version == 0) {
            return open_in_memory(); // an empty file: read as an empty database, written by no read
        }
        if (version < k_schema_version) {
            // An older file must be migrated before this fu can read it.
            db.reset();
            return open_for_writing(path, busy_timeout);
        }
    } catch (const SQLite::Exception& e) {
        throw database_error(fmt::format("cannot read database {}: {}", path.string(), e.what()));
    }
    return Store(std::move(db));
}

Store Store::open_for_update(const std::filesystem::path& path,
                             std::chrono::milliseconds busy_timeout)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0) {
        return open_in_memory(); // nothing to change yet: leave the file as it is
    }
    return open_for_writing(path, busy_timeout);
}

Store Store::open_for_writing(const std::filesystem::path& path,
                              std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        create_private_file(path);
    }
    Store store(open_database(path, SQLite::OPEN_READWRITE, busy_timeout));
    try {
        check_identity(*store.m_db, path.string());
        store.m_db->exec("PRAGMA journal_mode = WAL");
        store.m_db->exec("PRAGMA synchronous = FULL");
        store.migrate();
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xFF) == SQLITE_BUSY) {
            throw translate_store_failure(e);
        }
        if ((e.getErrorCode() & 0xFF) == SQLITE_READONLY) {
            throw database_error(
                fmt::format("{} is read-only for you; nothing was changed", path.string()));
        }
        throw database_error(fmt::format("cannot use database {}: {}", path.string(), e.what()));
    }
    return store;
}

SQLite::Statement& Store::prepared(const std::string& sql) const
{
    for (auto& [text, statement] : m_prepared) {
        if (text == sql) {
            statement->reset();
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

Error translate_store_failure(const std::exception& failure)
{
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&failure);
    const int code = sqlite != nullptr ? (sqlite->getErrorCode() & 0xFF) : SQLITE_ERROR;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        return Error(k_exit_busy, "the database is busy (another fu is writing)",
                     "try again in a moment");
    }
    if (code == SQLITE_FULL) {
        return database_error("the disk is full; nothing was changed");
    }
    if (code == SQLITE_READONLY) {
        return database_error("the database is read-only; nothing was changed");
    }
    return database_error(fmt::format("database error: {}", failure.what()));
}

} // namespace fu
