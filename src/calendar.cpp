// src/calendar.cpp — named days of the year and the holidays list of the config file.
#include "fu/calendar.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "fu/error.hpp"

namespace fu {
namespace {

using date::local_days;

// The nth (1-based) `wd` of a month, or the last one for n == 0.
local_days nth_weekday(int year, unsigned month, unsigned wd, unsigned n)
{
    const date::year_month ym{date::year{year}, date::month{month}};
    if (n == 0) {
        return local_days{date::year_month_weekday_last{ym.year(), ym.month(),
                                                        date::weekday_last{date::weekday{wd}}}};
    }
    return local_days{date::year_month_weekday{ym.year(), ym.month(),
                                               date::weekday_indexed{date::weekday{wd}, n}}};
}

// Western Easter Sunday (the anonymous Gregorian algorithm).
local_days easter_sunday(int y)
{
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return local_days{date::year{y} / date::month{static_cast<unsigned>(month)} /
                      date::day{static_cast<unsigned>(day)}};
}

std::string canonical(std::string_view text)
{
    std::string out;
    bool space = false;
    for (const char raw : text) {
        const char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
        if (c == '\'' || c == '`') {
            continue;
        }
        if (c == ' ' || c == '\t' || c == '-' || c == '_') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    if (out.rfind("the ", 0) == 0) {
        out.erase(0, 4);
    }
    return out;
}

std::optional<local_days> parse_iso_day(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return std::nullopt;
    }
    int v[3] = {0, 0, 0};
    const std::array<std::pair<std::size_t, std::size_t>, 3> fields{{{0, 4}, {5, 2}, {8, 2}}};
    for (std::size_t f = 0; f < 3; ++f) {
        for (std::size_t k = 0; k < fields[f].second; ++k) {
            const char c = s[fields[f].first + k];
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            v[f] = v[f] * 10 + (c - '0');
        }
    }
    const date::year_month_day ymd{date::year{v[0]}, date::month{static_cast<unsigned>(v[1])},
                                   date::day{static_cast<unsigned>(v[2])}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return local_days{ymd};
}

} // namespace

std::optional<local_days> named_day(std::string_view name, int year)
{
    const std::string n = canonical(name);
    auto fixed = [&](unsigned m, unsigned d) {
        return local_days{date::year{year} / date::month{m} / date::day{d}};
    };
    if (n == "christmas" || n == "christmas day" || n == "xmas" || n == "xmas day") {
        return fixed(12, 25);
    }
    if (n == "christmas eve" || n == "xmas eve") {
        return fixed(12, 24);
    }
    if (n == "boxing day") {
        return fixed(12, 26);
    }
    if (n == "new years eve" || n == "nye") {
        return fixed(12, 31);
    }
    if (n == "new years day" || n == "new years" || n == "new year") {
        return fixed(1, 1);
    }
    if (n == "thanksgiving" || n == "thanksgiving day") {
        return nth_weekday(year, 11, 4, 4);
    }
    if (n == "easter" || n == "easter sunday") {
        return easter_sunday(year);
    }
    if (n == "good friday") {
        return easter_sunday(year) - date::days{2};
    }
    if (n == "easter monday") {
        return easter_sunday(year) + date::days{1};
    }
    if (n == "memorial day") {
        return nth_weekday(year, 5, 1, 0);
    }
    if (n == "labor day" || n == "labour day") {
        return nth_weekday(year, 9, 1, 1);
    }
    if (n == "independence day" || n == "4th of july" || n == "fourth of july") {
        return fixed(7, 4);
    }
    if (n == "halloween") {
        return fixed(10, 31);
    }
    if (n == "valentines day" || n == "valentines" || n == "st valentines day") {
        return fixed(2, 14);
    }
    return std::nullopt;
}

bool is_named_day(std::string_view name)
{
    return named_day(name, 2000).has_value();
}

Holiday parse_holiday(std::string_view text)
{
    Holiday h;
    h.text = std::string(text);
    if (const auto dots = text.find(".."); dots != std::string_view::npos) {
        const auto a = parse_iso_day(text.substr(0, dots));
        const auto b = parse_iso_day(text.substr(dots + 2));
        if (!a || !b) {
            throw usage_error(fmt::format("holiday \"{}\" is not a range of dates", text),
                              "write a range as 2026-12-24..2027-01-01");
        }
        if (*b < *a) {
            throw usage_error(fmt::format("holiday \"{}\" is a reversed range", text),
                              "put the earlier date first");
        }
        h.kind = Holiday::Kind::range;
        h.first = *a;
        h.last = *b;
        return h;
    }
    if (const auto d = parse_iso_day(text)) {
        h.kind = Holiday::Kind::date;
        h.first = h.last = *d;
        return h;
    }
    if (is_named_day(text)) {
        h.kind = Holiday::Kind::named;
        h.name = canonical(text);
        return h;
    }
    throw usage_error(fmt::format("holiday \"{}\" is not a date, a range or a named day", text),
                      "use e.g. \"2026-12-24\", \"2026-12-24..2027-01-01\", \"thanksgiving\" or "
                      "\"christmas\"");
}

bool is_holiday(const std::vector<Holiday>& holidays, local_days day)
{
    return std::any_of(holidays.begin(), holidays.end(), [&](const Holiday& h) {
        if (h.kind != Holiday::Kind::named) {
            return day >= h.first && day <= h.last;
        }
        const int year = static_cast<int>(date::year_month_day{day}.year());
        const auto d = named_day(h.name, year);
        return d && *d == day;
    });
}

} // namespace fu
