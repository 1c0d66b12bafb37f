// tests/unit/zone_test.cpp — fu's zone reader: against Howard Hinnant's tz library on every zone
// the system has (1970 to 2037, the span both read from the files' transitions), against Python's
// zoneinfo beyond the transitions (the footer rules), and on broken input.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <date/tz.h>
#include <doctest/doctest.h>

#include "fu/error.hpp"
#include "fu/zone.hpp"
#include "test_support.hpp"

using namespace std::chrono;

namespace {

std::string whole_file(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A version-2 TZif file: the types (offset, abbreviation), type 0 first, and the transitions
// (when, which type), with no footer.
std::string tzif(const std::vector<std::pair<int, std::string>>& types,
                 const std::vector<std::pair<long long, unsigned char>>& transitions)
{
    const auto put = [](std::string& out, unsigned long long value, int bytes) {
        for (int i = bytes - 1; i >= 0; --i) {
            out += static_cast<char>((value >> (8 * i)) & 0xff);
        }
    };
    std::string chars;
    std::vector<std::size_t> abbrev_at;
    for (const auto& type : types) {
        abbrev_at.push_back(chars.size());
        chars += type.second + '\0';
    }
    std::string out;
    for (const int time_bytes : {4, 8}) {
        out += "TZif2";
        out += std::string(15, '\0');
        for (const std::size_t count : {std::size_t{0}, std::size_t{0}, std::size_t{0}, transitions.size(),
                                        types.size(), chars.size()}) {
            put(out, count, 4);
        }
        for (const auto& transition : transitions) {
            put(out, static_cast<unsigned long long>(transition.first), time_bytes);
        }
        for (const auto& transition : transitions) {
            out += static_cast<char>(transition.second);
        }
        for (std::size_t i = 0; i < types.size(); ++i) {
            put(out, static_cast<unsigned long long>(static_cast<long long>(types[i].first)), 4);
            out += '\0';
            out += static_cast<char>(abbrev_at[i]);
        }
        out += chars;
    }
    return out + "\n\n";
}

fu::Instant at(long long seconds) { return fu::Instant{std::chrono::seconds{seconds}}; }

struct Change {
    const char* zone;
    long long at;
    int before;
    const char* before_abbrev;
    int after;
    const char* after_abbrev;
};

// Printed by Python's zoneinfo from the same files (each year walked hour by hour, each change then
// found to the second by bisection): every change of offset or abbreviation in 2050 and 2099, where
// only the footer rule applies.
constexpr Change k_footer_changes[] = {
    {"America/New_York", 2530767600, -18000, "EST", -14400, "EDT"},
    {"America/New_York", 2551327200, -14400, "EDT", -18000, "EST"},
    {"America/New_York", 4076636400, -18000, "EST", -14400, "EDT"},
    {"America/New_York", 4097196000, -14400, "EDT", -18000, "EST"},
    {"Australia/Sydney", 2532528000, 39600, "AEDT", 36000, "AEST"},
    {"Australia/Sydney", 2548252800, 36000, "AEST", 39600, "AEDT"},
    {"Australia/Sydney", 4079001600, 39600, "AEDT", 36000, "AEST"},
    {"Australia/Sydney", 4094726400, 36000, "AEST", 39600, "AEDT"},
    {"Asia/Jerusalem", 2531779200, 7200, "IST", 10800, "IDT"},
    {"Asia/Jerusalem", 2550697200, 10800, "IDT", 7200, "IST"},
    {"Asia/Jerusalem", 4078252800, 7200, "IST", 10800, "IDT"},
    {"Asia/Jerusalem", 4096566000, 10800, "IDT", 7200, "IST"},
    {"America/Nuuk", 2531955600, -7200, "-02", -3600, "-01"},
    {"America/Nuuk", 2550704400, -3600, "-01", -7200, "-02"},
    {"America/Nuuk", 4078429200, -7200, "-02", -3600, "-01"},
    {"America/Nuuk", 4096573200, -3600, "-01", -7200, "-02"},
    {"America/Santiago", 2532567600, -10800, "-03", -14400, "-04"},
    {"America/Santiago", 2545876800, -14400, "-04", -10800, "-03"},
    {"America/Santiago", 4079041200, -10800, "-03", -14400, "-04"},
    {"America/Santiago", 4092350400, -14400, "-04", -10800, "-03"},
    {"Europe/Dublin", 2531955600, 0, "GMT", 3600, "IST"},
    {"Europe/Dublin", 2550704400, 3600, "IST", 0, "GMT"},
    {"Europe/Dublin", 4078429200, 0, "GMT", 3600, "IST"},
    {"Europe/Dublin", 4096573200, 3600, "IST", 0, "GMT"},
    {"Pacific/Auckland", 2532520800, 46800, "NZDT", 43200, "NZST"},
    {"Pacific/Auckland", 2547640800, 43200, "NZST", 46800, "NZDT"},
    {"Pacific/Auckland", 4078994400, 46800, "NZDT", 43200, "NZST"},
    {"Pacific/Auckland", 4094114400, 43200, "NZST", 46800, "NZDT"},
    {"Australia/Lord_Howe", 2532524400, 39600, "+11", 37800, "+1030"},
    {"Australia/Lord_Howe", 2548251000, 37800, "+1030", 39600, "+11"},
    {"Australia/Lord_Howe", 4078998000, 39600, "+11", 37800, "+1030"},
    {"Australia/Lord_Howe", 4094724600, 37800, "+1030", 39600, "+11"},
    {"Europe/London", 2531955600, 0, "GMT", 3600, "BST"},
    {"Europe/London", 2550704400, 3600, "BST", 0, "GMT"},
    {"Europe/London", 4078429200, 0, "GMT", 3600, "BST"},
    {"Europe/London", 4096573200, 3600, "BST", 0, "GMT"},
    {"Pacific/Chatham", 2532520800, 49500, "+1345", 45900, "+1245"},
    {"Pacific/Chatham", 2547640800, 45900, "+1245", 49500, "+1345"},
    {"Pacific/Chatham", 4078994400, 49500, "+1345", 45900, "+1245"},
    {"Pacific/Chatham", 4094114400, 45900, "+1245", 49500, "+1345"},
};

} // namespace

TEST_CASE("zones: every zone agrees with the tz library from 1970 to 2037")
{
    const auto& names = fu::zone_names();
    std::set<std::string> theirs;
    for (const auto& z : date::get_tzdb().zones) {
        if (z.name() != "localtime") { // the system's link, not a zone name
            theirs.insert(z.name());
        }
    }
    CHECK(std::set<std::string>(names.begin(), names.end()) == theirs);
    REQUIRE(names.size() > 300);

    const auto span_begin = date::sys_seconds{date::sys_days{date::year{1970} / 1 / 1}};
    const auto span_end = date::sys_seconds{date::sys_days{date::year{2037} / 12 / 1}};
    long long checked = 0;
    for (const std::string& name : names) {
        CAPTURE(name);
        const fu::Zone& mine = fu::locate_zone(name);
        const date::time_zone& oracle = *date::locate_zone(name);
        CHECK(mine.name() == name);
        auto t = span_begin;
        while (t < span_end) {
            const auto expected = oracle.get_info(t);
            // The period's first second, a second before it ends, and local times on both sides
            // of its start (the gap or the overlap a change makes, and the hours around it).
            const auto period_end = std::min(expected.end, span_end) - seconds{1};
            for (const auto probe : {std::max(t, expected.begin), period_end}) {
                const auto want = oracle.get_info(probe);
                const fu::SysInfo got = mine.get_info(probe);
                CAPTURE(date::format("%F %T", probe));
                REQUIRE(got.offset == want.offset);
                REQUIRE(got.abbrev == want.abbrev);
                CHECK(got.dst == (want.save != minutes{0}));
                ++checked;
            }
            if (expected.begin > span_begin) {
                const auto change = expected.begin;
                const auto before = oracle.get_info(change - seconds{1}).offset;
                for (const auto around : {change + before - minutes{61}, change + before - minutes{1},
                                          change + before, change + before + minutes{30},
                                          change + expected.offset - minutes{1}, change + expected.offset,
                                          change + expected.offset + minutes{59}}) {
                    const date::local_seconds local{around.time_since_epoch()};
                    const auto want = oracle.get_info(local);
                    const fu::LocalInfo got = mine.get_info(local);
                    CAPTURE(date::format("%F %T", local));
                    REQUIRE(static_cast<int>(got.result) == static_cast<int>(want.result));
                    CHECK(got.first.offset == want.first.offset);
                    if (want.result != date::local_info::unique) {
                        CHECK(got.second.offset == want.second.offset);
                        CHECK(got.second.begin == want.second.begin);
                    }
                    CHECK(mine.to_sys(local, fu::Choose::earliest) ==
                          oracle.to_sys(local, date::choose::earliest));
                    CHECK(mine.to_sys(local, fu::Choose::latest) ==
                          oracle.to_sys(local, date::choose::latest));
                    ++checked;
                }
            }
            t = expected.end;
        }
    }
    MESSAGE(checked << " instants and local times compared");
}

TEST_CASE("zones: the footer rule beyond the last transition agrees with Python's zoneinfo")
{
    for (const Change& c : k_footer_changes) {
        CAPTURE(c.zone);
        CAPTURE(c.at);
        const fu::Zone& zone = fu::locate_zone(c.zone);
        const fu::SysInfo before = zone.get_info(at(c.at - 1));
        const fu::SysInfo after = zone.get_info(at(c.at));
        CHECK(before.offset.count() == c.before);
        CHECK(before.abbrev == c.before_abbrev);
        CHECK(before.end == at(c.at));
        CHECK(after.offset.count() == c.after);
        CHECK(after.abbrev == c.after_abbrev);
        CHECK(after.begin == at(c.at));
    }
}

TEST_CASE("zones: local times the clocks skip or repeat")
{
    const fu::Zone& ny = fu::locate_zone("America/New_York");
    using date::local_days;
    const auto spring = local_days{date::year{2026} / 3 / 8} + hours{2} + minutes{30};
    const fu::LocalInfo skipped = ny.get_info(spring);
    CHECK(skipped.result == fu::LocalInfo::nonexistent);
    CHECK(skipped.first.offset == hours{-5});
    CHECK(skipped.second.offset == hours{-4});
    CHECK(skipped.second.begin == at(1772953200)); // 07:00 UTC
    CHECK(ny.to_sys(spring, fu::Choose::earliest) == at(1772953200));

    const auto autumn = local_days{date::year{2026} / 11 / 1} + hours{1} + minutes{30};
    const fu::LocalInfo twice = ny.get_info(autumn);
    CHECK(twice.result == fu::LocalInfo::ambiguous);
    CHECK(twice.first.abbrev == "EDT");
    CHECK(twice.second.abbrev == "EST");
    CHECK(ny.to_sys(autumn, fu::Choose::earliest) == at(1793511000)); // 05:30 UTC
    CHECK(ny.to_sys(autumn, fu::Choose::latest) == at(1793514600));   // 06:30 UTC
    CHECK(ny.to_local(at(1793511000)) == autumn);
    CHECK(ny.to_local(at(1793514600)) == autumn);

    const fu::LocalInfo plain = ny.get_info(local_days{date::year{2026} / 6 / 15} + hours{9});
    CHECK(plain.result == fu::LocalInfo::unique);
    CHECK(plain.first.abbrev == "EDT");
}

TEST_CASE("zones: a local time the clocks showed three times")
{
    // Offsets +150 s, +50 s and 0 from -200, -100 and 0: local time 0 was shown in all three.
    const fu::Zone zone("three", tzif({{0, "AAA"}, {150, "BBB"}, {50, "CCC"}, {0, "DDD"}},
                                      {{-200, 1}, {-100, 2}, {0, 3}}));
    const date::local_seconds zero{seconds{0}};
    const fu::LocalInfo info = zone.get_info(zero);
    CHECK(info.result == fu::LocalInfo::ambiguous);
    CHECK(info.first.abbrev == "BBB");
    CHECK(info.second.abbrev == "DDD");
    CHECK(zone.to_sys(zero, fu::Choose::earliest) == at(-150));
    CHECK(zone.to_sys(zero, fu::Choose::latest) == at(0));
    CHECK(zone.get_info(at(-50)).abbrev == "CCC");
    CHECK(zone.get_info(at(-201)).abbrev == "AAA"); // before the first transition: type 0
}

TEST_CASE("zones: POSIX TZ strings")
{
    SUBCASE("accepted")
    {
        const auto plain = fu::parse_posix_tz("<+03>-3");
        REQUIRE(plain);
        CHECK(plain->standard.offset == 3 * 3600);
        CHECK(plain->standard.abbrev == "+03");
        CHECK_FALSE(plain->daylight);

        const auto us = fu::parse_posix_tz("EST5EDT,M3.2.0,M11.1.0");
        REQUIRE(us);
        CHECK(us->standard.offset == -5 * 3600);
        REQUIRE(us->daylight);
        CHECK(us->daylight->offset == -4 * 3600);
        CHECK(us->start.month == 3);
        CHECK(us->start.week == 2);
        CHECK(us->end.time == 7200);

        const auto israel = fu::parse_posix_tz("IST-2IDT,M3.4.4/26,M10.5.0");
        REQUIRE(israel);
        CHECK(israel->start.time == 26 * 3600);

        const auto nuuk = fu::parse_posix_tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
        REQUIRE(nuuk);
        CHECK(nuuk->start.time == -3600);
        CHECK(nuuk->daylight->abbrev == "-01");

        const auto lord_howe = fu::parse_posix_tz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
        REQUIRE(lord_howe);
        CHECK(lord_howe->standard.offset == 37800);
    }
    SUBCASE("refused")
    {
        for (const char* text : {"", "EST", "ES5", "EST5EDT,M13.1.0,M11.1.0", "EST5EDT,M3.2.0",
                                 "<+03-3", "EST5EDT,M3.2.0,M11.1.0x", "EST25", "EST5EDT,M3.6.0,M11.1.0",
                                 "EST5EDT,J0,J100", "EST5EDT,366,10", "EST5EDT,M3.2.0/168,M11.1.0"}) {
            CAPTURE(text);
            CHECK_FALSE(fu::parse_posix_tz(text));
        }
    }
    SUBCASE("julian days, with and without February 29")
    {
        // J60 is March 1 every year; 59 (counted from 0) is February 29 in a leap year.
        const auto j = fu::parse_posix_tz("XST-1XDT,J60/2,59/2");
        REQUIRE(j);
        const fu::Zone zone("test", *j);
        const auto start_2028 = date::sys_days{date::year{2028} / 3 / 1} + hours{1}; // 02:00 at +01
        CHECK(zone.get_info(start_2028 - seconds{1}).abbrev == "XST");
        CHECK(zone.get_info(start_2028).abbrev == "XDT");
        const auto end_2029 = date::sys_days{date::year{2029} / 3 / 1} + hours{0}; // 02:00 at +02
        CHECK(zone.get_info(end_2029 - seconds{1}).abbrev == "XDT");
        CHECK(zone.get_info(end_2029).abbrev == "XST");
    }
}

TEST_CASE("zones: a rule whose years overlap or cover the whole year answers one way")
{
    // Found by fuzz_zone: a start on day 0 and an end on day 365 (past December 31 in a common
    // year) made one year's end fall after the next year's start, and an instant's period depended
    // on which years were looked at. Each year is now read on its own, as C libraries do.
    for (const char* text : {"YYe0XDT,0,365/4", "EST5EDT,0/0,J365/25", "AAA3BBB,M12.5.6/160,M1.1.0/-100",
                             "CET-1CEST,M3.5.0,M10.5.0/3", "AAA0BBB,100,100", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
                             "EST5EDT,M1.1.0/-143,M1.1.0/-141", "XXX0YYY,59/1,J60/2"}) {
        CAPTURE(text);
        const auto rule = fu::parse_posix_tz(text);
        REQUIRE(rule);
        const fu::Zone zone("test", *rule);
        // Every six hours and a bit from 1896 to 1905 (1900 is not a leap year) and 2026 to 2030.
        for (const auto& [from, to] : {std::pair{-2335132800LL, -2051222400LL}, {1767225600LL, 1924992000LL}}) {
            for (long long s = from; s < to; s += 6 * 3600 + 17) {
                const fu::SysInfo info = zone.get_info(at(s));
                CAPTURE(s);
                REQUIRE(info.begin <= at(s));
                REQUIRE(at(s) < info.end);
                if (info.end.time_since_epoch().count() < (1LL << 59)) {
                    const fu::SysInfo next = zone.get_info(info.end);
                    CHECK(next.begin == info.end); // periods meet: none overlaps the next
                    CHECK(next.dst != info.dst);
                }
                const date::local_seconds local = zone.to_local(at(s));
                CHECK(zone.get_info(local).result != fu::LocalInfo::nonexistent);
                CHECK(zone.to_sys(local, fu::Choose::earliest) <= at(s));
                CHECK(at(s) <= zone.to_sys(local, fu::Choose::latest));
            }
        }
    }
    const fu::Zone overlap("test", *fu::parse_posix_tz("YYe0XDT,0,365/4"));
    const auto jan1_2027 = date::sys_days{date::year{2027} / 1 / 1};
    CHECK(overlap.get_info(jan1_2027 + hours{1}).abbrev == "YYe"); // daylight starts at 02:00
    CHECK(overlap.get_info(jan1_2027 + hours{2}).abbrev == "XDT");
    const auto dec31_2028 = date::sys_days{date::year{2028} / 12 / 31}; // a leap year: day 365
    CHECK(overlap.get_info(dec31_2028 + hours{3} - seconds{1}).abbrev == "XDT");
    CHECK(overlap.get_info(dec31_2028 + hours{3}).abbrev == "YYe");
    // Rules that change only in some years: a period lasts until the next year that changes.
    // Daylight time for an hour on January 1, in years that begin on a Monday (2018, 2024, 2029).
    const fu::Zone mondays("test", *fu::parse_posix_tz("EST5EDT,M1.1.0/-143,M1.1.0/-141"));
    const auto jan1_2018 = date::sys_days{date::year{2018} / 1 / 1};
    const fu::SysInfo summer_2012 = mondays.get_info(date::sys_days{date::year{2012} / 7 / 1});
    CHECK(summer_2012.abbrev == "EST");
    CHECK(summer_2012.end == jan1_2018 + hours{6});
    CHECK(mondays.get_info(jan1_2018 + hours{6}).abbrev == "EDT");
    CHECK(mondays.get_info(jan1_2018 + hours{6}).end == jan1_2018 + hours{7});
    // Daylight time from February 29 (or March 1) to March 1 in common years; 2098-2103 has none
    // of its leap-year pattern's short standard spans until 2104.
    const fu::Zone leap("test", *fu::parse_posix_tz("XXX0YYY,59/1,J60/2"));
    const fu::SysInfo in_2100 = leap.get_info(date::sys_days{date::year{2100} / 7 / 1});
    CHECK(in_2100.abbrev == "YYY");
    CHECK(in_2100.end.time_since_epoch().count() < (1LL << 59));
    CHECK(leap.get_info(in_2100.end).abbrev == "XXX");
    CHECK(in_2100.end < date::sys_days{date::year{2105} / 1 / 1});
    const fu::Zone always("test", *fu::parse_posix_tz("EST5EDT,0/0,J365/25")); // RFC 8536 3.3.1
    CHECK(always.get_info(jan1_2027).abbrev == "EDT");
    CHECK(always.get_info(jan1_2027 - seconds{1}).abbrev == "EDT");
    CHECK(always.get_info(jan1_2027).end.time_since_epoch().count() > (1LL << 59));
}

TEST_CASE("zones: names and files that are not zones")
{
    for (const char* name : {"", "Nowhere/City", "../../etc/passwd", "/usr/share/zoneinfo/UTC", "posix/UTC",
                             "right/UTC", "America", "America/", "zone.tab", "posixrules", "Factory",
                             "America//New_York", "localtime"}) {
        CAPTURE(name);
        const int status = fu::test::status_of([&] { fu::locate_zone(name); });
        CHECK(status == fu::k_exit_usage);
    }
    CHECK(&fu::locate_zone("Europe/Berlin") == &fu::locate_zone("Europe/Berlin"));

    std::string bytes = whole_file("/usr/share/zoneinfo/America/New_York");
    REQUIRE(bytes.size() > 100);
    for (const std::size_t cut : {std::size_t{3}, std::size_t{44}, std::size_t{60}, bytes.size() / 2}) {
        CAPTURE(cut);
        CHECK(fu::test::status_of([&] { fu::Zone("cut", bytes.substr(0, cut)); }) == fu::k_exit_usage);
    }
    std::string bad_type = bytes;
    bad_type[20 + 4 * 3 + 1] = '\x7f'; // the transition count: far beyond the file
    CHECK(fu::test::status_of([&] { fu::Zone("bad", bad_type); }) == fu::k_exit_usage);
    std::string bad_footer = bytes;
    bad_footer.replace(bad_footer.rfind("EST5EDT"), 7, "E5EDTXX");
    CHECK(fu::test::status_of([&] { fu::Zone("bad", bad_footer); }) == fu::k_exit_usage);
    CHECK(fu::Zone("whole", bytes).get_info(at(1781530200)).abbrev == "EDT");
}
