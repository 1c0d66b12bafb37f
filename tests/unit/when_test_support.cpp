// tests/unit/when_test_support.cpp — the shared helpers of the time-language tests.
#include "when_test_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fu/calendar.hpp"
#include "fu/error.hpp"

namespace fu::testing {
namespace {

std::string subcase_name(const char* zone, const char* now, const char* words)
{
    return std::string(zone) + " " + now + " | " + words;
}

} // namespace

std::string iso(Instant t, const fu::Zone& zone)
{
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(zone.get_info(t).offset).count();
    const long magnitude = offset < 0 ? -offset : offset;
    return fmt::format("{}{}{:02}:{:02}", date::format("%FT%R", zone.to_local(t)), offset < 0 ? '-' : '+',
                       magnitude / 60, magnitude % 60);
}

Resolved resolve_at(const char* now, const char* zone_name, const std::string& words,
                    const Settings& settings, TimeDirection direction)
{
    const fu::Zone& zone = find_zone(zone_name);
    const Window w = resolve(words, parse_now(now, zone), zone, settings, direction);
    return {iso(w.earliest, zone), iso(w.latest, zone), w.notices};
}

std::string rejection(const char* now, const char* zone_name, const std::string& words,
                      const Settings& settings, TimeDirection direction, std::string* hint)
{
    try {
        resolve_at(now, zone_name, words, settings, direction);
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        if (hint != nullptr) {
            *hint = e.hint();
        }
        return e.what();
    }
    return {};
}

std::string rejection(const char* now, const char* zone_name, const std::string& words,
                      const Settings& settings, std::string* hint)
{
    return rejection(now, zone_name, words, settings, TimeDirection::future, hint);
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

bool any_notice_contains(const std::vector<std::string>& notices, const std::string& needle)
{
    for (const auto& n : notices) {
        if (contains(n, needle)) {
            return true;
        }
    }
    return false;
}

std::string all_notices(const std::vector<std::string>& notices)
{
    std::string out;
    for (const auto& n : notices) {
        out += (out.empty() ? "" : " | ") + n;
    }
    return out.empty() ? "none" : out;
}

void check_cases(const std::vector<Case>& cases, const char* zone, const Settings& settings,
                 TimeDirection direction)
{
    for (const Case& c : cases) {
        SUBCASE(subcase_name(zone, c.now, c.words).c_str())
        {
            Resolved r;
            try {
                r = resolve_at(c.now, zone, c.words, settings, direction);
            } catch (const Error& e) {
                FAIL_CHECK("refused: ", e.what());
                continue;
            }
            INFO("notices: ", all_notices(r.notices));
            CHECK(r.earliest == c.earliest);
            CHECK(r.latest == c.latest);
            if (std::string(c.notice).empty()) {
                CHECK(r.notices.empty());
            } else {
                CHECK(any_notice_contains(r.notices, c.notice));
            }
        }
    }
}

void check_rejections(const std::vector<Rejection>& cases, const char* zone,
                      const Settings& settings, TimeDirection direction)
{
    for (const Rejection& c : cases) {
        SUBCASE(subcase_name(zone, c.now, c.words).c_str())
        {
            const std::string message = rejection(c.now, zone, c.words, settings, direction);
            INFO("message: ", message);
            CHECK(!message.empty());
            CHECK(contains(message, c.message));
        }
    }
}

void check_documented_or_refused(const Case& c, const char* zone, const Settings& settings)
{
    SUBCASE(subcase_name(zone, c.now, c.words).c_str())
    {
        try {
            const Resolved r = resolve_at(c.now, zone, c.words, settings);
            INFO("fu reads it as ", r.earliest, " – ", r.latest,
                 "; notices: ", all_notices(r.notices));
            CHECK(r.earliest == c.earliest);
            CHECK(r.latest == c.latest);
        } catch (const Error& e) {
            CHECK(e.status() == k_exit_usage);
        }
    }
}

Settings with_holidays(const std::vector<const char*>& entries)
{
    Settings s;
    for (const char* entry : entries) {
        s.holidays.push_back(parse_holiday(entry));
    }
    return s;
}

} // namespace fu::testing
