// src/store/file_uri.hpp — opening a connection to a database file, and its SQLite URI.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace fu::store_files {

// "file:/abs/path?parameters", with the characters a URI path cannot hold escaped.
std::string file_uri(const std::filesystem::path& path, const std::string& parameters);

// A connection (SQLiteCpp's open flags and busy timeout). Each connection is used by one thread, so
// it goes without SQLite's per-connection mutex, and SQLite keeps no memory statistics (a global
// mutex on every allocation): a tenth of a large read's time went to locking. Throws
// SQLite::Exception as SQLite::Database does.
std::unique_ptr<SQLite::Database> open_connection(const std::string& name, int flags, int busy_timeout_ms);

} // namespace fu::store_files
