// tests/test_support.hpp — small helpers shared by the doctest suites.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <sstream>
#include <string>

#include <date/date.h>

#include "fu/clock.hpp"
#include "fu/error.hpp"

namespace fu::test {

// A fresh directory under the system temp dir, removed with everything in it.
struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "fu-test-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// An instant from "YYYY-MM-DDTHH:MM:SSZ" (UTC).
inline Instant at(const std::string& utc)
{
    int y = 0;
    unsigned mo = 0, d = 0;
    int h = 0, mi = 0, s = 0;
    std::sscanf(utc.c_str(), "%d-%u-%uT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &s);
    const date::sys_days day = date::year{y} / date::month{mo} / date::day{d};
    return Instant{day} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

// The whole text of a file in tests/data/ (FU_TEST_DATA_DIR), bytes as they are.
inline std::string data_file(const std::string& name)
{
    std::ifstream in(std::filesystem::path(FU_TEST_DATA_DIR) / name, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read test data " + name);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The exit status of the fu::Error `f` throws, or 0 when it throws none.
inline int status_of(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.status();
    }
    return 0;
}

} // namespace fu::test
