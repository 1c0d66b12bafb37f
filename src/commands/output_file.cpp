// src/commands/output_file.cpp — see output_file.hpp.
#include "commands/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "fu/error.hpp"

namespace fu::commands {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error)
{
    throw usage_error(fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(error)));
}
} // namespace

OutputFile::OutputFile(std::filesystem::path path) : m_path(std::move(path))
{
    if (m_path.empty()) {
        throw usage_error("--output needs a file name");
    }
    std::error_code ec;
    if (std::filesystem::is_directory(m_path, ec)) {
        throw usage_error(fmt::format("--output {} is a directory", m_path.string()), "name a file");
    }
    const std::filesystem::path directory = m_path.has_parent_path() ? m_path.parent_path() : ".";
    std::string pattern = (directory / ("." + m_path.filename().string() + ".fu-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data()); // mode 0600
    if (fd < 0) {
        fail(m_path, "write", errno);
    }
    ::close(fd);
    m_temporary = name.data();
    m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_stream) {
        const int error = errno;
        std::remove(m_temporary.c_str());
        fail(m_path, "write", error);
    }
}

OutputFile::~OutputFile()
{
    if (!m_committed) {
        m_stream.close();
        std::remove(m_temporary.c_str());
    }
}

void OutputFile::commit()
{
    m_stream.flush();
    if (!m_stream) {
        fail(m_path, "write", errno != 0 ? errno : EIO);
    }
    m_stream.close();
    const int fd = ::open(m_temporary.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        fail(m_path, "write", error);
    }
    ::close(fd);
    if (std::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
        fail(m_path, "write", errno);
    }
    m_committed = true;
}

} // namespace fu::commands
