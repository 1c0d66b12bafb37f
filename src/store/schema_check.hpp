// src/store/schema_check.hpp — whether a database's schema is exactly the one fu's migrations make.
//
// Every connection runs with trusted_schema OFF, so a file's triggers, views and table definitions
// cannot call risky functions or write virtual tables. fu's own triggers keep its FTS5 indexes,
// which SQLite then refuses; so a write connection first compares the file's schema with the one
// fu makes at its version and trusts it only when they are the same. A file with a trigger, view,
// index or table fu did not make is refused for writing instead of run.
#pragma once

#include <cstdint>
#include <string>

#include <SQLiteCpp/Database.h>

namespace fu::store_schema {

// FNV-1a (64 bits) of each schema object's type, name, table and SQL, in order of type and name;
// SQLite's own objects (sqlite_*) and the FTS5 shadow tables, which SQLite writes itself and may
// word differently from one version to the next, are left out.
std::uint64_t fingerprint(SQLite::Database& db);

// The fingerprint of the schema fu's migrations make at `version` (1 … k_schema_version); 0 for
// any other version. A unit test checks each against a database migrated to that version.
std::uint64_t expected_fingerprint(int version);

// Whether the schema is exactly the one fu's migrations make at `version`.
bool is_own(SQLite::Database& db, int version);

// Turns trusted_schema on or off for this connection.
void set_trusted(SQLite::Database& db, bool trusted);

} // namespace fu::store_schema
