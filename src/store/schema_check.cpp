// src/store/schema_check.cpp — fingerprints of the schema, and the ones fu's migrations make.
#include <array>
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
    // FTS5 makes NAME_data, NAME_idx, NAME_content, NAME_docsize and NAME_config for a virtual
    // table NAME; its own CREATE VIRTUAL TABLE statement is kept in the fingerprint.
    SQLite::Statement q(db, R"(
        SELECT s.type, s.name, s.tbl_name, coalesce(s.sql, '') FROM sqlite_schema s
        WHERE s.name NOT LIKE 'sqlite\_%' ESCAPE '\'
          AND NOT (s.type = 'table' AND EXISTS (
              SELECT 1 FROM sqlite_schema v
              WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'
                AND s.name IN (v.name || '_data', v.name || '_idx', v.name || '_content',
                               v.name || '_docsize', v.name || '_config')))
        ORDER BY s.type, s.name)");
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    while (q.executeStep()) {
        for (int column = 0; column < 4; ++column) {
            mix(hash, q.getColumn(column).getString());
        }
    }
    return hash;
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
