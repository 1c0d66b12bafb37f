// fu/doctor.hpp — `fu doctor`: the health of the database file, one verdict per check.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "fu/store.hpp"

namespace fu {

// How a check came out: ok, worth a look (warn), or a problem to act on (fail).
enum class Verdict { ok, warn, fail };

std::string_view to_string(Verdict verdict);

// One check: a short name ("integrity"), its verdict and one line saying what was found.
struct HealthCheck {
    std::string name;
    Verdict verdict = Verdict::ok;
    std::string detail;
};

// The -wal file size above which `fu doctor` warns (checkpoints are not keeping up).
inline constexpr std::uintmax_t k_wal_warning_bytes = 64ULL * 1024 * 1024;

// The free space below which `fu doctor` warns (SQLite needs room for its -wal and -shm files).
inline constexpr std::uintmax_t k_free_space_warning_bytes = 4ULL * 1024 * 1024;

// Checks the database at `path` without changing it: the file's owner and mode (0600) and its
// directory's (0700), the filesystem (network ones warned of) and its free space, the application
// id and schema version, the journal mode (WAL), the -wal size, integrity_check, foreign_key_check,
// the kept summaries against a recount and the stored keep-in-touch windows against the domain's.
// Throws fu::Error 4 when there is no file, 75 when it stays locked.
std::vector<HealthCheck> diagnose(const std::filesystem::path& path,
                                  std::chrono::milliseconds busy_timeout = k_default_busy_timeout);

// The worst verdict of the checks (ok when there are none).
Verdict worst(const std::vector<HealthCheck>& checks);

} // namespace fu
