// src/doctor.cpp — `fu doctor`'s checks (see fu/doctor.hpp).
#include "fu/doctor.hpp"

#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <map>
#include <optional>

#include <fmt/format.h>

#include "fu/agenda.hpp"
#include "fu/error.hpp"
#include "fu/maintenance.hpp"
#include "fu/zone.hpp"

namespace fu {
namespace {

HealthCheck ok(std::string name, std::string detail)
{
    return {std::move(name), Verdict::ok, std::move(detail)};
}
HealthCheck warn(std::string name, std::string detail)
{
    return {std::move(name), Verdict::warn, std::move(detail)};
}
HealthCheck fail(std::string name, std::string detail)
{
    return {std::move(name), Verdict::fail, std::move(detail)};
}

// The name of a filesystem on which SQLite's locks and fsync cannot be trusted, or empty.
std::string network_filesystem(unsigned long type)
{
    switch (type) {
    case 0x6969:
        return "nfs";
    case 0x517B:
        return "smb";
    case 0xFF534D42:
        return "cifs";
    case 0xFE534D42:
        return "smb2";
    case 0x65735546:
        return "fuse (sshfs, …)";
    case 0x01021997:
        return "9p";
    case 0x00C36400:
        return "ceph";
    case 0x5346414F:
        return "afs";
    case 0x73757245:
        return "coda";
    case 0x0BD00BD0:
        return "lustre";
    case 0x01161970:
        return "gfs2";
    case 0x7461636F:
        return "ocfs2";
    default:
        return {};
    }
}

std::string mode_text(mode_t mode)
{
    return fmt::format("{:04o}", static_cast<unsigned>(mode & 07777));
}

void check_file(const std::filesystem::path& path, std::vector<HealthCheck>& checks)
{
    struct stat file {};
    if (::lstat(path.c_str(), &file) != 0) {
        throw database_error(fmt::format("there is no database at {}", path.string()));
    }
    if (S_ISLNK(file.st_mode)) {
        checks.push_back(warn("file", fmt::format("{} is a symbolic link", path.string())));
        ::stat(path.c_str(), &file);
    }
    if (file.st_uid != ::geteuid()) {
        checks.push_back(warn("owner", fmt::format("{} belongs to user id {}, not to you ({})",
                                                   path.string(), file.st_uid, ::geteuid())));
    } else {
        checks.push_back(ok("owner", "the file is yours"));
    }
    if ((file.st_mode & 077) != 0) {
        checks.push_back(
            warn("file mode", fmt::format("{} is mode {}, readable by others (chmod 600 it)",
                                          path.string(), mode_text(file.st_mode))));
    } else {
        checks.push_back(ok("file mode", fmt::format("mode {}", mode_text(file.st_mode))));
    }
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    struct stat dir {};
    if (::stat(directory.c_str(), &dir) == 0) {
        if ((dir.st_mode & 077) != 0) {
            checks.push_back(
                warn("directory mode", fmt::format("{} is mode {}, open to others (chmod 700 it)",
                                                   directory.string(), mode_text(dir.st_mode))));
        } else {
            checks.push_back(ok("directory mode", fmt::format("mode {}", mode_text(dir.st_mode))));
        }
    }
    struct statfs fs {};
    if (::statfs(path.c_str(), &fs) == 0) {
        const std::string network = network_filesystem(static_cast<unsigned long>(fs.f_type));
        if (!network.empty()) {
            checks.push_back(warn(
                "filesystem", fmt::format("on a network filesystem ({}): SQLite's locking is not "
                                          "reliable there; keep the database on a local disk",
                                          network)));
        } else {
            checks.push_back(ok("filesystem", "a local filesystem"));
        }
    }
    struct statvfs space {};
    if (::statvfs(directory.c_str(), &space) == 0) {
        const auto free_bytes = static_cast<std::uintmax_t>(space.f_bavail) * space.f_frsize;
        if (free_bytes < k_free_space_warning_bytes) {
            checks.push_back(
                warn("free space", fmt::format("{} KiB free on its filesystem: writes (and "
                                               "soon reads) will fail",
                                               free_bytes / 1024)));
        } else {
            checks.push_back(
                ok("free space", fmt::format("{} MiB free", free_bytes / (1024 * 1024))));
        }
    }
    if (file.st_nlink > 1) {
        checks.push_back(
            warn("links", fmt::format("{} has {} hard links", path.string(), file.st_nlink)));
    }
}

void check_facts(const DatabaseFacts& facts, const std::filesystem::path& path,
                 std::vector<HealthCheck>& checks)
{
    if (facts.application_id == k_application_id) {
        checks.push_back(ok("identity", "a fu database"));
    } else if (facts.application_id == 0 && !facts.has_schema) {
        checks.push_back(warn("identity", "an empty database: the first write makes it fu's"));
    } else {
        checks.push_back(
            fail("identity", fmt::format("not a fu database (application_id {:#x})",
                                         static_cast<unsigned>(facts.application_id))));
    }
    if (facts.user_version == k_schema_version) {
        checks.push_back(ok("schema", fmt::format("version {}", facts.user_version)));
    } else if (facts.user_version > k_schema_version) {
        checks.push_back(
            fail("schema", fmt::format("version {}, newer than this fu understands ({})",
                                       facts.user_version, k_schema_version)));
    } else if (facts.application_id == k_application_id) {
        checks.push_back(
            warn("schema", fmt::format("version {}, older than {}: the next write upgrades it",
                                       facts.user_version, k_schema_version)));
    }
    if (facts.application_id == k_application_id && facts.user_version <= k_schema_version) {
        checks.push_back(facts.own_schema
                             ? ok("objects", "only the tables, indexes and triggers fu makes")
                             : fail("objects", "triggers, views, indexes or tables fu did not "
                                               "make: writes refuse this file"));
    }
    if (facts.journal_mode == "wal") {
        checks.push_back(ok("journal", "write-ahead log (wal)"));
    } else {
        checks.push_back(
            warn("journal", fmt::format("journal mode {}, not wal", facts.journal_mode)));
    }
    std::error_code ec;
    const auto wal = std::filesystem::file_size(path.string() + "-wal", ec);
    if (ec) {
        checks.push_back(ok("wal size", "no -wal file"));
    } else if (wal > k_wal_warning_bytes) {
        checks.push_back(
            warn("wal size", fmt::format("the -wal file holds {} MiB not yet checkpointed",
                                         wal / (1024 * 1024))));
    } else {
        checks.push_back(ok("wal size", fmt::format("{} KiB", (wal + 1023) / 1024)));
    }
    if (facts.integrity.size() == 1 && facts.integrity.front() == "ok") {
        checks.push_back(ok("integrity", "integrity_check: ok"));
    } else {
        const std::string first = facts.integrity.empty() ? "no answer" : facts.integrity.front();
        checks.push_back(fail("integrity", facts.integrity.size() > 1
                                               ? fmt::format("{} (and {} more problems)", first,
                                                             facts.integrity.size() - 1)
                                               : first));
    }
    if (facts.foreign_key_violations == 0) {
        checks.push_back(ok("references", "foreign_key_check: ok"));
    } else {
        checks.push_back(
            fail("references", fmt::format("{} rows refer to records that do not exist",
                                           facts.foreign_key_violations)));
    }
    if (facts.drift) {
        if (*facts.drift == 0) {
            checks.push_back(ok("summaries", "kept summaries and tallies equal a recount"));
        } else {
            checks.push_back(
                fail("summaries", fmt::format("{} kept summaries or tallies differ from a recount",
                                              *facts.drift)));
        }
    }
}

// The stored keep-in-touch windows against the domain's: each window computed in a zone this
// machine has with the same rules is computed again and compared.
void check_touch_windows(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout,
                         std::vector<HealthCheck>& checks)
{
    const Store store = Store::open_for_reading(path, busy_timeout);
    std::map<std::string, std::optional<TouchWindowKeeper>> keepers; // by the zone stored
    std::int64_t compared = 0, elsewhere = 0;
    std::vector<Id> differing;
    store.each_stored_touch_window([&](const Store::StoredTouchWindow& stored) {
        auto keeper = keepers.find(stored.zone);
        if (keeper == keepers.end()) {
            std::optional<TouchWindowKeeper> made;
            try {
                const Zone& zone = locate_zone(stored.zone.substr(stored.zone.find(' ') + 1));
                if (touch_zone_key(zone) == stored.zone) {
                    made = touch_window_keeper(zone);
                }
            } catch (const Error&) {
                // A zone this machine does not have: not comparable here.
            }
            keeper = keepers.emplace(stored.zone, std::move(made)).first;
        }
        if (!keeper->second) {
            ++elsewhere;
            return;
        }
        ++compared;
        const auto window = stored.every.empty()
                                ? std::nullopt
                                : keeper->second->window(stored.every, stored.touched_at);
        const bool same = stored.every.empty() ? false
                          : window
                              ? stored.earliest == window->first && stored.latest == window->second
                              : !stored.earliest && !stored.latest;
        if (!same) {
            differing.push_back(stored.contact_id);
        }
    });
    const Store::TouchWindowGaps gaps = store.touch_window_gaps();
    if (!differing.empty() || gaps.missing > 0) {
        std::string which;
        for (std::size_t i = 0; i < differing.size() && i < 3; ++i) {
            which += fmt::format("{}c{}", i == 0 ? "" : ", ", differing[i]);
        }
        if (differing.size() > 3) {
            which += ", …";
        }
        std::string detail;
        if (!differing.empty()) {
            detail =
                fmt::format("{} stored keep-in-touch {} from {} cadence ({})", differing.size(),
                            differing.size() == 1 ? "window differs" : "windows differ",
                            differing.size() == 1 ? "its" : "their", which);
        }
        if (gaps.missing > 0) {
            detail += fmt::format(
                "{}{} with a cadence {} no stored window", detail.empty() ? "" : "; ",
                gaps.missing == 1 ? "1 contact" : fmt::format("{} contacts", gaps.missing),
                gaps.missing == 1 ? "has" : "have");
        }
        checks.push_back(
            fail("touch windows", detail + ": fu edit ID --every WORDS computes one again"));
        return;
    }
    std::string detail =
        compared == 1
            ? "1 stored keep-in-touch window equals its cadence"
            : fmt::format("{} stored keep-in-touch windows equal their cadence", compared);
    if (gaps.stale > 0) {
        detail += fmt::format("; {} to compute at the next write", gaps.stale);
    }
    if (elsewhere > 0) {
        detail += fmt::format("; {} computed in another zone or with other tz rules", elsewhere);
    }
    checks.push_back(ok("touch windows", detail));
}

} // namespace

std::string_view to_string(Verdict verdict)
{
    switch (verdict) {
    case Verdict::ok:
        return "ok";
    case Verdict::warn:
        return "warn";
    case Verdict::fail:
        return "fail";
    }
    return "fail";
}

std::vector<HealthCheck> diagnose(const std::filesystem::path& path,
                                  std::chrono::milliseconds busy_timeout)
{
    if (path.empty()) {
        throw database_error("cannot find the database: HOME is not set",
                             "use --db PATH or set FU_DB");
    }
    std::vector<HealthCheck> checks;
    check_file(path, checks);
    try {
        const DatabaseFacts facts = inspect_database(path, busy_timeout);
        check_facts(facts, path, checks);
        if (facts.application_id == k_application_id && facts.user_version == k_schema_version &&
            facts.own_schema && facts.integrity == std::vector<std::string>{"ok"}) {
            check_touch_windows(path, busy_timeout, checks);
        }
    } catch (const Error& e) {
        if (e.status() != k_exit_database) {
            throw;
        }
        checks.push_back(fail("database", e.hint().empty()
                                              ? std::string(e.what())
                                              : fmt::format("{} ({})", e.what(), e.hint())));
    }
    return checks;
}

Verdict worst(const std::vector<HealthCheck>& checks)
{
    Verdict result = Verdict::ok;
    for (const HealthCheck& check : checks) {
        if (static_cast<int>(check.verdict) > static_cast<int>(result)) {
            result = check.verdict;
        }
    }
    return result;
}

} // namespace fu
