// src/store/schema_check.cpp — fingerprints of the schema, and the ones fu's migrations make.
#include <array>
#include <set>
#include <string>
#include <vector>
#include <string_view>

#include <sqlite3.h>

#include "fu/store.hpp"
#include "store/schema_check.hpp"

namespace fu::store_schema {
namespace {

// Index: the schema version. Recompute with `fu_tests -tc="the schema fingerprint*"` after a
// migration is added; a migration already released never changes, and neither does its entry.
constexpr std::array<std::uint64_t, k_schema_version + 1> k_fingerprints{
    0,                     // no version 0
    0x01ada05064aa4e53ULL, // 1
    0x7ae6d8f1d4e7c16bULL, // 2
    0x5b3f880601669267ULL, // 3
    0xa2481dc2ea120d13ULL, // 4
    0xcfd200665e90abe4ULL, // 5
    0x1a1403ea1204beaaULL, // 6
    0x1a2bab1011f46f36ULL, // 7
    0xc7a820b2e2720d45ULL, // 8
    0x57d043dd263bcd71ULL, // 9
};

void mix(std::uint64_t& hash, std::string_view text)
{
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff; // a separator no text holds (not UTF-8): "ab","c" differs from "a","bc"
    hash *= 0x100000001b3ULL;
}

} // namespace

std::uint64_t fingerprint(SQLite::Database& db)
{
    struct Object {
        std::string type, name, table, sql;
    };
    std::vector<Object> objects;
    std::set<std::string> shadows; // FTS5 makes NAME_data, _idx, _content, _docsize, _config
    SQLite::Statement q(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name");
    while (q.executeStep()) {
        Object o{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                 q.getColumn(3).getString()};
        if (o.type == "table" && o.sql.starts_with("CREATE VIRTUAL TABLE") && o.sql.find("USING fts5") != std::string::npos) {
            for (const char* suffix : {"_data", "_idx", "_content", "_docsize", "_config"}) {
                shadows.insert(o.name + suffix);
            }
        }
        objects.push_back(std::move(o));
    }
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const Object& o : objects) {
        if (o.type == "table" && shadows.count(o.name) != 0) {
            continue; // written by SQLite itself from the virtual table's statement, which counts
        }
        for (const std::string* text : {&o.type, &o.name, &o.table, &o.sql}) {
            mix(hash, *text);
        }
    }
    return hash;
}

bool is_own(SQLite::Database& db, int version)
{
    const std::uint64_t expected = expected_fingerprint(version);
    return expected != 0 && fingerprint(db) == expected;
}

std::uint64_t expected_fingerprint(int version)
{
    if (version < 1 || version > k_schema_version) {
        return 0;
    }
    return k_fingerprints[static_cast<std::size_t>(version)];
}

void set_trusted(SQLite::Database& db, bool trusted)
{
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, trusted ? 1 : 0, nullptr);
}

} // namespace fu::store_schema
