// fu/zone.hpp — time zones: the system's zoneinfo files (TZif, RFC 8536) read one zone at a time.
//
// fu needs a zone's offset at an instant, and a local time's instant. Reading only the zone a run
// names (one small file) instead of listing the whole zone database keeps start-up short; the
// list is read only where a command needs it (completion of zone names, city names in phrases).
// Times after a file's last transition follow its footer rule (a POSIX TZ string).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fu/clock.hpp"

namespace fu {

// The offset in effect over [begin, end).
struct SysInfo {
    Instant begin;
    Instant end;
    std::chrono::seconds offset{0}; // local = UTC + offset
    bool dst = false;               // daylight saving (summer) time is in effect
    std::string abbrev;
};

// What a local (wall-clock) time is: one instant, none (the clocks skip it) or two (they repeat it).
// unique: `first` holds it. nonexistent: `first` ends and `second` begins at the skip.
// ambiguous: `first` is the earliest, `second` the latest (a real zone repeats a time twice at most).
struct LocalInfo {
    enum Result { unique, nonexistent, ambiguous };
    Result result = unique;
    SysInfo first;
    SysInfo second;
};

// For a local time that is ambiguous: the earlier or the later instant. A nonexistent local time
// is the instant the clocks skip at, either way.
enum class Choose { earliest, latest };

// One zone's rules, read from a TZif file.
class Zone {
public:
    struct Type {
        std::int32_t offset = 0; // seconds east of UTC
        bool dst = false;
        std::string abbrev;
    };
    // A POSIX TZ footer: standard time, and daylight time with the rules that start and end it.
    struct Rule {
        struct Date {
            enum Kind { julian_no_leap, zero_based, month_week_day };
            Kind kind = month_week_day;
            int month = 0, week = 0, day = 0; // M<month>.<week>.<weekday>, or J<day> / <day>
            std::int32_t time = 7200;         // seconds after local midnight; may exceed a day
        };
        Type standard;
        std::optional<Type> daylight;
        Date start, end;
    };

    // Parses TZif bytes; throws fu::Error (data) when they are not a zone file.
    Zone(std::string name, std::string_view tzif_bytes);
    // A zone made of a footer rule alone ("UTC0", "EST5EDT,M3.2.0,M11.1.0").
    Zone(std::string name, Rule rule);

    const std::string& name() const { return m_name; }
    // A fingerprint of the rules (of the TZif file's bytes; of the name for a footer rule alone,
    // which its name spells out): it changes when a tz database update changes the zone.
    std::uint64_t rules_hash() const { return m_rules_hash; }
    SysInfo get_info(Instant t) const;
    LocalInfo get_info(date::local_seconds t) const;
    date::local_seconds to_local(Instant t) const;
    Instant to_sys(date::local_seconds t, Choose choose) const;

private:
    SysInfo from_rule(Instant t, std::int64_t floor) const;
    SysInfo info_of(const Type& type, std::int64_t begin, std::int64_t end) const;

    std::string m_name;
    std::vector<std::int64_t> m_transitions; // UTC seconds, ascending
    std::vector<std::uint8_t> m_type_of;     // the type each transition starts
    std::vector<Type> m_types;
    std::optional<Rule> m_rule; // after the last transition (or always, with none)
    std::uint64_t m_rules_hash = 0;
};

// Parses a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0", "<+03>-3"); nullopt when it is not one.
std::optional<Zone::Rule> parse_posix_tz(std::string_view text);

// The zone with this IANA name ("America/New_York"), read once per run and kept; its address
// stays valid for the run. Throws fu::Error (usage) for a name that is not a zone in the system's
// database (/usr/share/zoneinfo).
const Zone& locate_zone(std::string_view name);

// The system's zone from /etc/localtime; nullptr when it has none that names a zone.
const Zone* current_zone();

// Every zone name in the system's database, sorted (lists the directory: only where a command
// needs the whole list).
const std::vector<std::string>& zone_names();

} // namespace fu
