// src/store/files.cpp — private directories and files, and which files fu agrees to open.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/private_files.hpp"

namespace fu {

void make_private_directories(const std::filesystem::path& dir)
{
    if (dir.empty()) {
        return;
    }
    std::vector<std::filesystem::path> missing;
    std::error_code ec;
    for (auto d = dir; !d.empty() && !std::filesystem::exists(d, ec); d = d.parent_path()) {
        missing.push_back(d);
        if (d == d.parent_path()) {
            break;
        }
    }
    std::vector<std::filesystem::path> created;
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0) {
            if (errno == EEXIST) {
                continue; // another fu made it at the same moment
            }
            const int error = errno;
            for (auto made = created.rbegin(); made != created.rend(); ++made) {
                ::rmdir(made->c_str());
            }
            throw database_error(
                fmt::format("cannot create directory {}: {}", it->string(), std::strerror(error)));
        }
        created.push_back(*it);
    }
}

int create_private_file(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw database_error(
            fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    }
    // The umask may not be 077 for a library caller: the mode is set, not requested.
    ::fchmod(fd, 0600);
    return fd;
}

std::filesystem::path private_sibling(const std::filesystem::path& target, const std::string& tag)
{
    thread_local std::mt19937_64 random{std::random_device{}()};
    return target.parent_path() / fmt::format(".{}.{}-{}-{:016x}", target.filename().string(), tag,
                                              ::getpid(), random());
}

void remove_abandoned_siblings(const std::filesystem::path& target, const std::string& tag)
{
    auto dir = target.parent_path();
    if (dir.empty()) {
        dir = ".";
    }
    const auto prefix = fmt::format(".{}.{}-", target.filename().string(), tag);
    std::error_code ec;
    std::filesystem::directory_iterator entries(dir, ec);
    if (ec) {
        return;
    }
    for (const auto& entry : entries) {
        const auto name = entry.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        // ".NAME.TAG-PID-RANDOM[-journal|-wal|-shm]": the PID is the digits after the prefix.
        pid_t pid = 0;
        std::size_t at = prefix.size();
        for (; at < name.size() && name[at] >= '0' && name[at] <= '9' && pid < 100000000; ++at) {
            pid = pid * 10 + (name[at] - '0');
        }
        if (pid <= 0 || at >= name.size() || name[at] != '-' || pid == ::getpid()) {
            continue;
        }
        if (::kill(pid, 0) != 0 && errno == ESRCH) {
            ::unlink(entry.path().c_str());
        }
    }
}

void sync_directory_of(const std::filesystem::path& path)
{
    auto dir = path.parent_path();
    if (dir.empty()) {
        dir = ".";
    }
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::optional<struct stat> inspect_own_file(const std::filesystem::path& path,
                                            const std::string& what)
{
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) {
        if (errno == ENOENT) {
            return std::nullopt;
        }
        throw database_error(
            fmt::format("cannot use {} {}: {}", what, path.string(), std::strerror(errno)));
    }
    struct stat file = link;
    const bool symlink = S_ISLNK(link.st_mode);
    if (symlink && ::stat(path.c_str(), &file) != 0) {
        if (errno == ENOENT) {
            throw database_error(fmt::format("{} {} is a symbolic link to a missing file", what,
                                             path.string()),
                                 "remove the link or point it at the database");
        }
        throw database_error(
            fmt::format("cannot use {} {}: {}", what, path.string(), std::strerror(errno)));
    }
    if (S_ISDIR(file.st_mode)) {
        throw database_error(fmt::format("{} {} is a directory", what, path.string()),
                             "use --db to name a file");
    }
    if (!S_ISREG(file.st_mode)) {
        throw database_error(
            fmt::format("{} {} is not a regular file", what, path.string()),
            "use --db to name a file");
    }
    if (file.st_uid != ::geteuid()) {
        throw database_error(
            fmt::format("{} {} {}belongs to another user (uid {}); fu opens only your own files",
                        what, path.string(), symlink ? "is a symbolic link to a file that " : "",
                        file.st_uid),
            "copy it, or run fu as its owner");
    }
    if (file.st_nlink > 1) {
        throw database_error(
            fmt::format("{} {} has {} hard links; fu opens only a file with one name", what,
                        path.string(), file.st_nlink),
            "copy it to a file of its own");
    }
    return file;
}

} // namespace fu
