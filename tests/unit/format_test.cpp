// Output formats: JSON, CSV (RFC 4180 + formula neutralising), TSV, tables, time text.
#include <doctest/doctest.h>

#include <sstream>

#include "fu/format.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;

TEST_CASE("JSON documents keep key order and escape strings")
{
    const Json doc = Json::object()
                         .set("id", 7)
                         .set("name", "Ada \"the\" Countess\n\x01")
                         .set("rate", 0.5)
                         .set("none", Json())
                         .set("tags", Json::array().push("a").push(true));
    CHECK(doc.dump() == "{\n  \"id\": 7,\n  \"name\": \"Ada \\\"the\\\" Countess\\n\\u0001\",\n"
                        "  \"rate\": 0.5,\n  \"none\": null,\n  \"tags\": [\n    \"a\",\n    true\n  ]\n}\n");
    CHECK(Json::array().dump() == "[]\n");
}

TEST_CASE("CSV fields follow RFC 4180 and cannot become formulas")
{
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+1 555") == "'+1 555");
    CHECK(csv_field("-2") == "'-2");
    CHECK(csv_field("@sum") == "'@sum");
    CHECK(csv_field("\tx") == "'\tx");
}

TEST_CASE("TSV fields escape tabs, newlines and backslashes")
{
    CHECK(tsv_field("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re");
}

TEST_CASE("tables: aligned by display width, fitted to the terminal, or as TSV/CSV")
{
    Table table;
    table.keys = {"id", "name"};
    table.headings = {"ID", "NAME"};
    table.rows = {{"1", "山田太郎"}, {"22", "Ada"}};
    table.shrinkable = {1};
    std::ostringstream human;
    print_table(human, table, OutputOptions{});
    CHECK(human.str() == "ID  NAME\n1   山田太郎\n22  Ada\n");

    OutputOptions narrow;
    narrow.width = 12;
    table.rows = {{"1", "Augusta Ada King, Countess of Lovelace"}};
    std::ostringstream fitted;
    print_table(fitted, table, narrow);
    CHECK(fitted.str() == "ID  NAME\n1   Augusta…\n");

    OutputOptions csv;
    csv.format = OutputFormat::csv;
    table.rows = {{"1", "=cmd"}};
    std::ostringstream csv_out;
    print_table(csv_out, table, csv);
    CHECK(csv_out.str() == "id,name\r\n1,'=cmd\r\n");
}

TEST_CASE("text helpers")
{
    CHECK(display_width("abc") == 3);
    CHECK(display_width("山田") == 4);
    CHECK(display_width("e\xCC\x81") == 1); // e + combining acute
    CHECK(is_valid_utf8("José"));
    CHECK_FALSE(is_valid_utf8("\xC3("));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80")); // a surrogate
    CHECK(fold_case("ÁDA Ñ") == "áda ñ");
    CHECK(nearest("tomorow", {"today", "tomorrow"}) == "tomorrow");
    CHECK(nearest("xyz", {"today", "tomorrow"}).empty());
    CHECK(truncate_to_width("山田太郎", 5) == "山田…");
}

TEST_CASE("times for people and machines")
{
    const auto& ny = find_zone("America/New_York");
    const auto& berlin = find_zone("Europe/Berlin");
    const Instant now = at("2026-06-15T13:30:00Z");
    CHECK(iso8601(at("2026-06-16T16:00:00Z"), ny) == "2026-06-16T12:00:00-04:00");
    CHECK(iso8601(at("2026-12-01T13:00:00Z"), berlin) == "2026-12-01T14:00:00+01:00");
    CHECK(human_window(at("2026-06-16T16:00:00Z"), at("2026-06-16T21:00:00Z"), ny, now, true) ==
          "Tue 16 Jun 12:00–17:00 EDT");
    CHECK(human_window(at("2026-06-15T13:30:00Z"), at("2026-06-19T21:00:00Z"), ny, now) ==
          "Mon 15 Jun 09:30 – Fri 19 Jun 17:00");
    CHECK(human_window(at("2027-01-04T14:00:00Z"), at("2027-01-04T22:00:00Z"), ny, now) ==
          "Mon 4 Jan 2027 09:00–17:00");
    CHECK(human_window(at("2026-06-15T13:30:00Z"), at("2026-12-15T22:00:00Z"), ny, now, true) ==
          "Mon 15 Jun 09:30 EDT – Tue 15 Dec 17:00 EST");
    CHECK(short_duration(std::chrono::minutes{45}) == "45m");
    CHECK(short_duration(std::chrono::minutes{200}) == "3h 20m");
    CHECK(short_duration(std::chrono::hours{48}) == "2d");
    CHECK(short_duration(std::chrono::hours{24 * 21}) == "3w");
    CHECK(zone_city(ny) == "New York");
    // The end of a local day across both DST changes.
    CHECK(end_of_local_day(at("2026-03-08T12:00:00Z"), ny) == at("2026-03-09T04:00:00Z"));
    CHECK(end_of_local_day(at("2026-11-01T12:00:00Z"), ny) == at("2026-11-02T05:00:00Z"));
}
