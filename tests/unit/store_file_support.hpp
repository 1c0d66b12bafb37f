// tests/unit/store_file_support.hpp — helpers for the suites that work on database files.
#pragma once

#include <filesystem>
#include <functional>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include "fu/error.hpp"

namespace fu::test {

// Runs `sql` on the database file with SQLite itself, behind fu's back.
inline void raw_sql(const std::filesystem::path& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

// The exit status of the fu::Error `f` throws, or 0 when it throws none.
inline int status_of(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.status();
    }
    return 0;
}

} // namespace fu::test
