// src/zone/zone_files.cpp — finding zones in the system's zone database: one file per name, read
// when first named and kept for the run; the whole list only when a command asks for it.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/zone.hpp"

namespace fu {
namespace {

constexpr std::array<const char*, 3> k_zone_dirs{"/usr/share/zoneinfo", "/usr/lib/zoneinfo",
                                                  "/usr/share/lib/zoneinfo"};
constexpr std::size_t k_largest_zone_file = 1 << 20;

const std::string& zone_dir()
{
    static const std::string dir = [] {
        for (const char* d : k_zone_dirs) {
            struct stat st {};
            if (::stat(d, &st) == 0 && S_ISDIR(st.st_mode)) {
                return std::string(d);
            }
        }
        return std::string(k_zone_dirs.front());
    }();
    return dir;
}

// Names that are files in the zone directory but not zones: the POSIX rules template, the
// "Factory" placeholder, the system's own link, and the copies with other conventions.
bool is_zone_name(std::string_view name)
{
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') {
        return false;
    }
    const bool characters_ok = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
               c == '_' || c == '-' || c == '+';
    });
    if (!characters_ok || name.find("//") != std::string_view::npos) {
        return false; // no '.' at all: no "..", no "zone.tab"
    }
    const std::string_view first = name.substr(0, name.find('/'));
    return first != "posix" && first != "right" && name != "posixrules" && name != "Factory" &&
           name != "localtime";
}

// The file's bytes, or nullopt when it is not a readable regular file of a sensible size.
std::optional<std::string> read_small_file(const std::string& path, std::size_t limit)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    std::optional<std::string> out;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= limit) {
        std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < bytes.size()) {
            const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            got += static_cast<std::size_t>(n);
        }
        if (got == bytes.size()) {
            out = std::move(bytes);
        }
    }
    ::close(fd);
    return out;
}

struct Cache {
    std::mutex lock;
    std::map<std::string, std::unique_ptr<Zone>, std::less<>> zones;
};

Cache& cache()
{
    static Cache c;
    return c;
}

void list_dir(const std::string& root, const std::string& prefix, std::vector<std::string>& out, int depth)
{
    DIR* dir = ::opendir((root + "/" + prefix).c_str());
    if (dir == nullptr) {
        return;
    }
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = prefix + entry->d_name;
        if (entry->d_name[0] == '.' || !is_zone_name(name)) {
            continue;
        }
        struct stat st {};
        if (::stat((root + "/" + name).c_str(), &st) != 0) {
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (depth < 4) {
                list_dir(root, name + "/", out, depth + 1);
            }
            continue;
        }
        char magic[4] = {};
        const int fd = ::open((root + "/" + name).c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            if (S_ISREG(st.st_mode) && ::read(fd, magic, 4) == 4 && std::string_view(magic, 4) == "TZif") {
                out.push_back(name);
            }
            ::close(fd);
        }
    }
    ::closedir(dir);
}

} // namespace

const Zone& locate_zone(std::string_view name)
{
    Cache& c = cache();
    const std::lock_guard hold(c.lock);
    if (const auto found = c.zones.find(name); found != c.zones.end()) {
        return *found->second;
    }
    const auto unknown = [&] {
        return usage_error(fmt::format("unknown time zone \"{}\"", name),
                           "use an IANA name such as America/New_York or Europe/Berlin");
    };
    if (!is_zone_name(name)) {
        throw unknown();
    }
    const auto bytes = read_small_file(zone_dir() + "/" + std::string(name), k_largest_zone_file);
    if (!bytes || !bytes->starts_with("TZif")) {
        throw unknown();
    }
    auto zone = std::make_unique<Zone>(std::string(name), *bytes);
    const Zone& kept = *zone;
    c.zones.emplace(std::string(name), std::move(zone));
    return kept;
}

const Zone* current_zone()
{
    // /etc/localtime links to a zone file: its name is the path after "zoneinfo/", links followed
    // to the end (US/Eastern is America/New_York), else the link's own words; else /etc/timezone.
    const auto zone_in = [](std::string_view path) {
        const std::size_t at = path.find("zoneinfo/");
        return at == std::string_view::npos ? std::string() : std::string(path.substr(at + 9));
    };
    std::string name;
    if (char* real = ::realpath("/etc/localtime", nullptr)) {
        name = zone_in(real);
        std::free(real);
    }
    if (name.empty()) {
        std::array<char, 4096> target{};
        const ssize_t n = ::readlink("/etc/localtime", target.data(), target.size() - 1);
        if (n > 0) {
            name = zone_in(std::string_view(target.data(), static_cast<std::size_t>(n)));
        }
    }
    if (name.empty()) {
        if (const auto text = read_small_file("/etc/timezone", 4096)) {
            name = text->substr(0, text->find_first_of(" \t\r\n"));
        }
    }
    try {
        return name.empty() ? nullptr : &locate_zone(name);
    } catch (const Error&) {
        return nullptr;
    }
}

const std::vector<std::string>& zone_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        list_dir(zone_dir(), "", out, 0);
        std::sort(out.begin(), out.end());
        return out;
    }();
    return names;
}

} // namespace fu
