// fu/private_files.hpp — files only their owner may read: the database, its backups, exports.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <sys/stat.h>

namespace fu {

// Creates the missing directories of `dir`, each mode 0700. Throws fu::Error (4) naming the one
// that cannot be made; removes those it made before the failure.
void make_private_directories(const std::filesystem::path& dir);

// Creates `path`, which must not exist, mode 0600 (O_EXCL, never through a symlink), and returns
// its open descriptor (read-write, close-on-exec). Throws fu::Error (4), or with errno EEXIST in
// the message when another process made it first.
int create_private_file(const std::filesystem::path& path);

// A name beside `target` that no other process uses: ".NAME.TAG-PID-RANDOM" in its directory.
std::filesystem::path private_sibling(const std::filesystem::path& target, const std::string& tag);

// Removes the siblings of `target` with `tag` (and their -journal, -wal, -shm) that a process
// killed mid-way left behind: those whose PID no longer runs. Call it holding the lock under
// which such siblings are made, so none of them is another live fu's work. Best effort.
void remove_abandoned_siblings(const std::filesystem::path& target, const std::string& tag);

// Flushes `path`'s directory entry to disk (after a link or rename into it); best effort.
void sync_directory_of(const std::filesystem::path& path);

// What fu will open as a database: nothing (missing), or the stat of a regular file of this user
// with one link. Throws fu::Error (4) for a directory, a fifo or another non-regular file, a file
// (or the target of a symlink) owned by another user, or one with a second hard link.
std::optional<struct stat> inspect_own_file(const std::filesystem::path& path,
                                            const std::string& what = "database");

} // namespace fu
