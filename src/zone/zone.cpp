// src/zone/zone.cpp — one zone's rules from a TZif file (RFC 8536): its transitions, its local
// time types and its footer rule, and what they make of an instant or of a local time.
#include <algorithm>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/zone.hpp"
#include "zone/posix_tz.hpp"

namespace fu {
namespace {

// Far enough to mean "no bound" and near enough that adding a day or an offset cannot overflow.
constexpr std::int64_t k_no_begin = -(std::int64_t{1} << 60);
constexpr std::int64_t k_no_end = std::int64_t{1} << 60;
// Every offset the zone database has ever held is within a day of UTC; a local time's instant is
// therefore within this span of the same numbers read as UTC.
constexpr std::int64_t k_span = 2 * 86400;

class Bytes {
public:
    Bytes(std::string_view zone, std::string_view data) : m_zone(zone), m_data(data) {}

    std::string_view take(std::size_t n)
    {
        if (n > m_data.size() - m_at) {
            bad("it ends early");
        }
        const std::string_view out = m_data.substr(m_at, n);
        m_at += n;
        return out;
    }
    // The next n bytes as a big-endian number (TZif's byte order).
    std::uint64_t big_endian(std::size_t n)
    {
        std::uint64_t v = 0;
        for (const char c : take(n)) {
            v = (v << 8) | static_cast<unsigned char>(c);
        }
        return v;
    }
    std::uint32_t u32() { return static_cast<std::uint32_t>(big_endian(4)); }
    std::int64_t i64() { return static_cast<std::int64_t>(big_endian(8)); }
    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
    std::string_view rest() const { return m_data.substr(m_at); }

    [[noreturn]] void bad(std::string_view why) const
    {
        throw usage_error(
            fmt::format("the zone file for {} is not valid: {}", m_zone, why),
            "reinstall the system's zone database (Debian: apt-get install --reinstall tzdata)");
    }

private:
    std::string_view m_zone;
    std::string_view m_data;
    std::size_t m_at = 0;
};

struct Counts {
    std::uint32_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

Counts header(Bytes& in, char& version)
{
    if (in.take(4) != "TZif") {
        in.bad("it does not begin with TZif");
    }
    version = in.take(1)[0];
    in.take(15);
    Counts c;
    c.isut = in.u32();
    c.isstd = in.u32();
    c.leap = in.u32();
    c.time = in.u32();
    c.type = in.u32();
    c.chars = in.u32();
    if (c.type == 0 || c.type > 256 || c.chars == 0 || c.time > 100000 || c.leap > 100000 ||
        (c.isut != 0 && c.isut != c.type) || (c.isstd != 0 && c.isstd != c.type)) {
        in.bad("its counts are out of range");
    }
    return c;
}

} // namespace

Zone::Zone(std::string name, std::string_view tzif_bytes) : m_name(std::move(name))
{
    m_rules_hash = 0xcbf29ce484222325ULL; // FNV-1a
    for (const char c : tzif_bytes) {
        m_rules_hash = (m_rules_hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    Bytes in(m_name, tzif_bytes);
    char version = 0;
    Counts c = header(in, version);
    const bool wide = version >= '2';
    if (wide) {
        // Version 2 and later repeat the data with 64-bit times after the 32-bit block: skip it.
        in.take(std::size_t{c.time} * 5 + std::size_t{c.type} * 6 + c.chars + std::size_t{c.leap} * 8 +
                c.isstd + c.isut);
        c = header(in, version);
    }
    m_transitions.reserve(c.time);
    for (std::uint32_t i = 0; i < c.time; ++i) {
        const std::int64_t t = wide ? in.i64() : static_cast<std::int32_t>(in.u32());
        if (!m_transitions.empty() && t <= m_transitions.back()) {
            in.bad("its transitions are out of order");
        }
        m_transitions.push_back(t);
    }
    m_type_of.reserve(c.time);
    for (std::uint32_t i = 0; i < c.time; ++i) {
        const std::uint8_t type = in.u8();
        if (type >= c.type) {
            in.bad("a transition names a missing type");
        }
        m_type_of.push_back(type);
    }
    struct Raw {
        std::int32_t offset;
        bool dst;
        std::uint8_t abbrev;
    };
    std::vector<Raw> raw;
    for (std::uint32_t i = 0; i < c.type; ++i) {
        const auto offset = static_cast<std::int32_t>(in.u32());
        const std::uint8_t dst = in.u8();
        const std::uint8_t abbrev = in.u8();
        if (offset < -89999 || offset > 93599 || dst > 1 || abbrev >= c.chars) {
            in.bad("a local time type is out of range");
        }
        raw.push_back({offset, dst == 1, abbrev});
    }
    const std::string_view chars = in.take(c.chars);
    for (const Raw& r : raw) {
        const std::string_view from = chars.substr(r.abbrev);
        m_types.push_back({r.offset, r.dst, std::string(from.substr(0, from.find('\0')))});
    }
    in.take(std::size_t{c.leap} * (wide ? 12 : 8) + c.isstd + c.isut);
    if (wide) {
        // The footer: a newline, a POSIX TZ string (possibly empty), a newline.
        const std::string_view rest = in.rest();
        if (rest.size() >= 2 && rest.front() == '\n') {
            const std::size_t close = rest.find('\n', 1);
            const std::string_view tz = rest.substr(1, close == std::string_view::npos ? 0 : close - 1);
            if (!tz.empty()) {
                m_rule = parse_posix_tz(tz);
                if (!m_rule) {
                    in.bad("its footer is not a POSIX TZ string");
                }
            }
        }
    }
}

Zone::Zone(std::string name, Rule rule)
    : m_name(std::move(name)), m_types{rule.standard}, m_rule(std::move(rule))
{
    m_rules_hash = 0xcbf29ce484222325ULL; // FNV-1a of the rule's own text, its name
    for (const char c : m_name) {
        m_rules_hash = (m_rules_hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
}

SysInfo Zone::info_of(const Type& type, std::int64_t begin, std::int64_t end) const
{
    return {Instant{std::chrono::seconds{begin}}, Instant{std::chrono::seconds{end}},
            std::chrono::seconds{type.offset}, type.dst, type.abbrev};
}

SysInfo Zone::from_rule(Instant t, std::int64_t floor) const
{
    const Rule& rule = *m_rule;
    const std::int64_t s = t.time_since_epoch().count();
    if (!rule.daylight) {
        return info_of(rule.standard, floor, k_no_end);
    }
    // The period begins at the last point at or before t where the state was other just before,
    // and ends at the first point after t where it is other. A rule may change only in some years
    // (a date that falls in its own year only when January 1 is a Monday, or only in leap years):
    // the search goes on year by year, and a rule's years repeat in 400, so a state that holds
    // through one cycle holds for ever.
    const bool daylight = rule_daylight_at(rule, s);
    const int year = rule_year_of(rule, s);
    std::int64_t begin = k_no_begin;
    for (int y = year; y >= year - k_rule_cycle_years && begin == k_no_begin; --y) {
        const YearPoints points = rule_year_points(rule, y);
        for (std::size_t i = points.count; i-- > 0;) {
            const std::int64_t p = points.at[i];
            if (p <= s && rule_daylight_at(rule, p - 1) != daylight) {
                begin = p;
                break;
            }
        }
        if (points.at[0] <= floor) {
            break; // the zone file's transitions hold before its last one
        }
    }
    std::int64_t end = k_no_end;
    for (int y = year; y <= year + k_rule_cycle_years && end == k_no_end; ++y) {
        const YearPoints points = rule_year_points(rule, y);
        for (std::size_t i = 0; i < points.count; ++i) {
            const std::int64_t p = points.at[i];
            if (p > s && rule_daylight_at(rule, p) != daylight) {
                end = p;
                break;
            }
        }
    }
    return info_of(daylight ? *rule.daylight : rule.standard, std::max(begin, floor), end);
}

SysInfo Zone::get_info(Instant t) const
{
    const std::int64_t s = t.time_since_epoch().count();
    if (m_transitions.empty()) {
        return m_rule ? from_rule(t, k_no_begin) : info_of(m_types.front(), k_no_begin, k_no_end);
    }
    if (s < m_transitions.front()) {
        // RFC 8536: before the first transition, the first type.
        return info_of(m_types.front(), k_no_begin, m_transitions.front());
    }
    const auto next = std::upper_bound(m_transitions.begin(), m_transitions.end(), s);
    const auto i = static_cast<std::size_t>(std::prev(next) - m_transitions.begin());
    if (next == m_transitions.end()) {
        return m_rule ? from_rule(t, m_transitions.back())
                      : info_of(m_types[m_type_of[i]], m_transitions.back(), k_no_end);
    }
    return info_of(m_types[m_type_of[i]], m_transitions[i], *next);
}

LocalInfo Zone::get_info(date::local_seconds t) const
{
    const std::int64_t l = t.time_since_epoch().count();
    // The periods that could hold it, in time order.
    std::vector<SysInfo> periods{get_info(Instant{std::chrono::seconds{l - k_span}})};
    // (A zone file holds at most 100,000 transitions; a real zone has one or two in four days.)
    while (periods.size() < 100'001 && periods.back().end.time_since_epoch().count() <= l + k_span) {
        periods.push_back(get_info(periods.back().end));
    }
    const auto holds = [&](const SysInfo& p) {
        const std::int64_t u = l - p.offset.count();
        return p.begin.time_since_epoch().count() <= u && u < p.end.time_since_epoch().count();
    };
    // Those that hold it: one, or (the clocks repeated it) the earliest and the latest of several.
    LocalInfo out;
    int found = 0;
    for (const SysInfo& p : periods) {
        if (holds(p)) {
            (found == 0 ? out.first : out.second) = p;
            ++found;
        }
    }
    if (found >= 2) {
        out.result = LocalInfo::ambiguous;
        return out;
    }
    if (found == 1) {
        return out;
    }
    // In no period: the clocks skipped it, between one period and the next.
    for (std::size_t i = 0; i + 1 < periods.size(); ++i) {
        const std::int64_t change = periods[i].end.time_since_epoch().count();
        if (l - periods[i].offset.count() >= change && l - periods[i + 1].offset.count() < change) {
            out.result = LocalInfo::nonexistent;
            out.first = periods[i];
            out.second = periods[i + 1];
            return out;
        }
    }
    out.first = periods.front(); // unreachable for a consistent zone; a clear answer regardless
    return out;
}

date::local_seconds Zone::to_local(Instant t) const
{
    return date::local_seconds{t.time_since_epoch() + get_info(t).offset};
}

Instant Zone::to_sys(date::local_seconds t, Choose choose) const
{
    const LocalInfo info = get_info(t);
    switch (info.result) {
    case LocalInfo::nonexistent:
        return info.second.begin;
    case LocalInfo::ambiguous:
        return Instant{t.time_since_epoch() - (choose == Choose::earliest ? info.first : info.second).offset};
    case LocalInfo::unique:
    default:
        return Instant{t.time_since_epoch() - info.first.offset};
    }
}

} // namespace fu
