// src/store/file_uri.hpp — the SQLite URI of a database file, for opening it with parameters.
#pragma once

#include <filesystem>
#include <string>

namespace fu::store_files {

// "file:/abs/path?parameters", with the characters a URI path cannot hold escaped.
std::string file_uri(const std::filesystem::path& path, const std::string& parameters);

} // namespace fu::store_files
