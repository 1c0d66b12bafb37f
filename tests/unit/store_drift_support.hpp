// tests/unit/store_drift_support.hpp — the state a store keeps up to date on write (each contact's
// summary, each promise's copy of its contact, the running tallies), recounted from the rows.
#pragma once

#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include "fu/maintenance.hpp"

namespace fu::test {

// The number of rows where the kept state differs from a recount (0 when all is well), by the
// same check `fu doctor` runs.
inline int drift(const std::filesystem::path& path)
{
    const DatabaseFacts facts = inspect_database(path);
    REQUIRE(facts.drift.has_value());
    return static_cast<int>(*facts.drift);
}

} // namespace fu::test

namespace fu::test {

// The rows `sql` reads from the database file, one line each, columns separated by '|' (NULL as
// "-"): for comparing the kept columns of two books.
inline std::string query_rows(const std::filesystem::path& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK);
    std::string out;
    while (sqlite3_step(q) == SQLITE_ROW) {
        for (int n = 0; n < sqlite3_column_count(q); ++n) {
            const unsigned char* text = sqlite3_column_text(q, n);
            out += (n == 0 ? "" : "|") +
                   std::string(text == nullptr ? "-" : reinterpret_cast<const char*>(text));
        }
        out += '\n';
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return out;
}

} // namespace fu::test
