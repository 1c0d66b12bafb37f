// fu/maintenance.hpp — the database file as a whole: consistent snapshots (`fu backup`) and the
// facts a health check reads (`fu doctor`). Read-only on the database; the SQL stays in the store.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fu/store.hpp"

namespace fu {

// What SQLite says about a database file, read without changing it.
struct DatabaseFacts {
    int application_id = 0;
    int user_version = 0;
    bool has_schema = false;            // any table, index or trigger at all
    std::string journal_mode;           // "wal", "delete", …
    // Whether the schema is exactly what fu's migrations make at `user_version` (no trigger,
    // view, index or table added or changed); writes refuse a file where it is not.
    bool own_schema = false;
    std::vector<std::string> integrity; // PRAGMA integrity_check: {"ok"} or its first problems
    std::int64_t foreign_key_violations = 0;
    // Rows whose kept state (contact summaries, promises' copies, running tallies) differs from
    // a recount from the rows; empty when the schema predates the kept state or is not fu's.
    std::optional<std::int64_t> drift;
};

// Reads the facts of the database at `path` over a read-only connection. Throws fu::Error: 4 when
// the file is missing or SQLite cannot read it at all, 75 when it stays locked. A corrupt file's
// damage is reported in `integrity` rather than thrown when SQLite can still open it.
DatabaseFacts inspect_database(const std::filesystem::path& path,
                               std::chrono::milliseconds busy_timeout = k_default_busy_timeout);

// Writes a consistent snapshot of the fu database at `path` to `target` (VACUUM INTO a private
// temporary file beside it, mode 0600, fsynced, then put in place and the directory fsynced).
// Refuses (fu::Error 2) when `target` exists, unless `replace`; any other failure is exit 4 and
// leaves no temporary file behind. Returns the size of the snapshot in bytes.
std::uintmax_t snapshot_database(const std::filesystem::path& path,
                                 const std::filesystem::path& target, bool replace,
                                 std::chrono::milliseconds busy_timeout = k_default_busy_timeout);

} // namespace fu
