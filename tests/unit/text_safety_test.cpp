// Hostile text: the output choke point (SafeStream, escape_controls), JSON/TSV/CSV escaping,
// input refusal (check_text), echoed values and the "did you mean" length cutoff.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <sstream>

#include "fu/error.hpp"
#include "fu/format.hpp"
#include "fu/safe_stream.hpp"
#include "fu/text.hpp"

using namespace fu;

namespace {

// What a SafeStream forwards when `text` is written to it in pieces of `piece` bytes.
std::string through_safe_stream(std::string_view text, std::size_t piece, bool colors = false)
{
    std::ostringstream target;
    {
        SafeStream safe(target);
        safe.allow_colors(colors);
        for (std::size_t i = 0; i < text.size(); i += piece) {
            safe << text.substr(i, piece);
        }
    }
    return target.str();
}

bool has_raw_control(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool crlf = c == '\r' && i + 1 < s.size() && s[i + 1] == '\n';
        if ((c < 0x20 && c != '\n' && c != '\t' && !crlf) || c == 0x7F) {
            return true;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
            return true; // U+0080–U+009F
        }
        if (s.substr(i, 3) == "\u202e" || s.substr(i, 3) == "\u2066") {
            return true;
        }
    }
    return false;
}

const std::string k_hostile = "Ada\x1b[2J\x1b]52;c;cHduZWQ=\x07 \u009b31m \u202eevil\u2066 \x7f \xff\r.\r\n"
                              "caf\u00e9 \u65e5\u672c\tend\n";

} // namespace

TEST_CASE("the safe stream shows every control visibly and keeps the layout")
{
    const std::string shown = through_safe_stream(k_hostile, 4096);
    CHECK_FALSE(has_raw_control(shown));
    CHECK(shown ==
          "Ada\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07 \\u009b31m \\u202eevil\\u2066 \\x7f \\xff\\r.\r\n"
          "caf\u00e9 \u65e5\u672c\tend\n");
    SUBCASE("written a byte at a time, the result is the same (characters cut between writes)")
    {
        CHECK(through_safe_stream(k_hostile, 1) == shown);
        CHECK(through_safe_stream(k_hostile, 2) == shown);
        CHECK(through_safe_stream(k_hostile, 3) == shown);
    }
    SUBCASE("more than one buffer's worth")
    {
        std::string big;
        for (int i = 0; i < 2000; ++i) {
            big += k_hostile;
        }
        const std::string out = through_safe_stream(big, 1000);
        CHECK_FALSE(has_raw_control(out));
        CHECK(out.size() == shown.size() * 2000);
    }
}

TEST_CASE("the safe stream: random bytes in random pieces come out as they do in one piece")
{
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    const std::string alphabet = std::string("\x1b[0m\r\n\t\x07\x7f\xc2\x9b\xe2\x80\xae\xff\xf0\x9f\x98\x80"
                                             "ab");
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const std::size_t length = next() % 64;
        for (std::size_t i = 0; i < length; ++i) {
            text += alphabet[next() % alphabet.size()];
        }
        for (const bool colors : {false, true}) {
            const std::string whole = through_safe_stream(text, 4096, colors);
            CAPTURE(visible(text));
            CHECK(through_safe_stream(text, 1 + next() % 5, colors) == whole);
            if (!colors) {
                CHECK_FALSE(has_raw_control(whole));
            }
        }
    }
}

TEST_CASE("the safe stream lets only fu's own colours through, and only when allowed")
{
    const std::string coloured = styled("Overdue", Style::red, true) + styled("x", Style::bold, true);
    CHECK(through_safe_stream(coloured, 1, true) == coloured);
    CHECK(through_safe_stream(coloured, 100, false) == "\\x1b[31mOverdue\\x1b[0m\\x1b[1mx\\x1b[0m");
    // Any other sequence stays visible even with colour on: conceal, clear, cursor, OSC 52.
    CHECK(through_safe_stream("\x1b[8m\x1b[2J\x1b[H\x1b]52;c;x\x07", 1, true) ==
          "\\x1b[8m\\x1b[2J\\x1b[H\\x1b]52;c;x\\x07");
    CHECK(through_safe_stream("\x1b[3", 1, true) == "\\x1b[3"); // a cut colour at the very end
}

TEST_CASE("visible() and echo() show one value on one line, echo cut to 80 columns")
{
    CHECK(visible("a\nb\tc\x1b") == "a\\nb\\tc\\x1b");
    CHECK(echo("short") == "short");
    const std::string long_value(133000, 'k');
    const std::string cut = echo(long_value);
    CHECK(display_width(cut) == 80);
    CHECK(cut.substr(cut.size() - 3) == "…");
    CHECK(echo(std::string(100, 'x') + "\x1b").find('\x1b') == std::string::npos);
    CHECK(display_width(echo(std::string(200, '\x1b'))) == 80);
}

TEST_CASE("shorten_quoted cuts only the quoted parts that are too wide")
{
    CHECK(shorten_quoted("unknown key \"abc\" on line 3") == "unknown key \"abc\" on line 3");
    const std::string cut = shorten_quoted("cfg:1: day: \"" + std::string(5000, 'd') + "\" is not a span \"x");
    CHECK(cut == "cfg:1: day: \"" + std::string(79, 'd') + "…\" is not a span \"x");
}

TEST_CASE("check_text refuses NUL, controls, C1 and bidi controls; newline only in multiline text")
{
    CHECK_NOTHROW(check_text("the name", "Zoë 山田 O'Brien"));
    CHECK_NOTHROW(check_text("the note", "two\nlines\tand a tab", 100, true));
    for (const std::string& bad :
         {std::string("a\x1b[2J"), std::string("a\u009b"), std::string("a\u202eb"), std::string("a\u2067b"),
          std::string("a\x7f"), std::string("a\rb"), std::string("a\0b", 3), std::string("a\xc3"),
          std::string("\xed\xa0\x80")}) {
        CAPTURE(visible(bad));
        CHECK_THROWS_AS(check_text("the name", bad, 100, true), Error);
    }
    CHECK_THROWS_WITH_AS(check_text("the name", "a\nb"), "the name contains a control character (U+000A)",
                         Error);
    CHECK_THROWS_WITH_AS(check_text("the name", std::string(201, 'x'), 200),
                         "the name is too long (201 bytes; at most 200)", Error);
}

TEST_CASE("JSON keeps the exact data with C1 and bidi controls escaped")
{
    std::string out;
    append_json_string(out, "a\x1b\u009b\u202e\u00e9\u65e5\xff\xc3");
    CHECK(out == "\"a\\u001b\\u009b\\u202e\u00e9\u65e5\\ufffd\\ufffd\"");
    CHECK_FALSE(has_raw_control(out));
}

TEST_CASE("TSV and CSV fields carry no raw control character")
{
    CHECK(tsv_field("a\x1b[2J\\x\tb\nc") == "a\\x1b[2J\\\\x\\tb\\nc");
    CHECK(tsv_field("\u202e") == "\\u202e");
    CHECK(csv_field("a\x1b[2J,b") == "\"a\\x1b[2J,b\"");
    CHECK(csv_field("two\r\nlines") == "\"two\r\nlines\"");
    CHECK(csv_field("=1+1") == "'=1+1");
}

TEST_CASE("did-you-mean skips candidates a long word cannot be near")
{
    const std::vector<std::string> names{"due", "promise", "contacts", "log", "show", "digest"};
    const std::string word(65536, 'x');
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) {
        CHECK(nearest(word, names).empty());
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(50));
    CHECK(nearest("promse", names) == "promise");
    CHECK_THROWS_AS(known_word(word, names, "command"), Error);
}
