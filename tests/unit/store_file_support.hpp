// tests/unit/store_file_support.hpp — helpers for the suites that work on database files.
#pragma once

#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include "test_support.hpp" // status_of

namespace fu::test {

// Runs `sql` on the database file with SQLite itself, behind fu's back.
inline void raw_sql(const std::filesystem::path& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

// The first column of the first row `sql` gives on the database file, read with SQLite itself
// (read-only), as text ("" for NULL).
inline std::string scalar_text(const std::filesystem::path& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    const auto* text = sqlite3_column_text(q, 0);
    std::string value = text != nullptr ? reinterpret_cast<const char*>(text) : "";
    sqlite3_finalize(q);
    sqlite3_close(db);
    return value;
}

} // namespace fu::test
