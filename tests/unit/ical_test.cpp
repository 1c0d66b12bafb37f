// tests/unit/ical_test.cpp — fu/ical.hpp: UIDs, summaries, the streamed feed and invitations,
// checked line by line (CRLF, folding, escaping) and read back by two independent parsers
// (python3-icalendar and python3-vobject, through tests/tools/ics_dump.py).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fu/error.hpp"
#include "fu/ical.hpp"
#include "fu/text.hpp"
#include "test_support.hpp"

using fu::test::at;

namespace {

fu::Contact ada()
{
    fu::Contact c;
    c.id = 1;
    c.name = "Ada Lovelace";
    c.company = "Analytical Engines, Ltd.; London";
    c.phone = "+44 20 7946 0000";
    c.email = "ada@example.com";
    return c;
}

fu::Contact zoe()
{
    fu::Contact c;
    c.id = 2;
    c.name = "Lovelace-Łukasiewicz, Zoë; \"Dr\": Ångström";
    c.email = "zoe@example.org";
    return c;
}

fu::Contact bare()
{
    fu::Contact c;
    c.id = 3;
    c.name = "Bob";
    return c;
}

fu::Promise quote_call()
{
    fu::Promise p;
    p.id = 7;
    p.contact_id = 1;
    p.made_at = at("2024-03-01T10:00:00Z");
    p.earliest = at("2024-03-05T13:00:00Z");
    p.latest = at("2024-03-05T17:00:00Z");
    p.text = "tomorrow afternoon";
    p.about = "quote";
    p.agreed = true;
    p.via = "call";
    return p;
}

fu::Promise tricky_email()
{
    fu::Promise p;
    p.id = 8;
    p.contact_id = 2;
    p.made_at = at("2024-03-02T08:30:15Z");
    p.earliest = at("2024-03-11T00:00:00Z");
    p.latest = at("2024-03-16T00:00:00Z");
    p.text = "next week\r\nafter the board meeting, \"not\" before; C:\\path";
    p.about = "renewal; pricing, v2 \\ über-long purpose that certainly needs folding in the "
              "file — ünïcödé ünïcödé ünïcödé";
    p.via = "email";
    return p;
}

fu::Promise fax()
{
    fu::Promise p;
    p.id = 9;
    p.contact_id = 3;
    p.made_at = at("2024-03-03T12:00:00Z");
    p.earliest = at("2024-03-20T09:00:00Z");
    p.latest = at("2024-03-20T10:00:00Z");
    p.via = "fax";
    return p;
}

const fu::Instant k_now = at("2024-03-04T09:00:00Z");
const fu::Organizer k_grace{"Grace Hopper, USN", "grace@example.net"};

std::vector<std::string> physical_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

// The content lines after unfolding (RFC 5545 3.1: CRLF followed by one space or tab).
std::vector<std::string> content_lines(const std::string& text)
{
    std::vector<std::string> lines;
    for (const std::string& physical : physical_lines(text)) {
        if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
            REQUIRE(!lines.empty());
            lines.back() += physical.substr(1);
        } else {
            lines.push_back(physical);
        }
    }
    return lines;
}

// The one content line starting with `prefix` in the n-th VEVENT (0-based), or "".
std::string property(const std::string& text, std::string_view prefix, int event = 0)
{
    int seen = -1;
    for (const std::string& line : content_lines(text)) {
        if (line == "BEGIN:VEVENT") {
            ++seen;
        } else if (seen == event && std::string_view(line).starts_with(prefix)) {
            return line;
        }
    }
    return {};
}

void check_wire_format(const std::string& text)
{
    CHECK(fu::is_valid_utf8(text));
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            REQUIRE(i > 0);
            CHECK(text[i - 1] == '\r');
        } else if (text[i] == '\r') {
            REQUIRE(i + 1 < text.size());
            CHECK(text[i + 1] == '\n');
        }
    }
    CHECK(std::string_view(text).ends_with("\r\n"));
    for (const std::string& line : physical_lines(text)) {
        CHECK_MESSAGE(line.size() <= 75, line);
        CHECK_MESSAGE(fu::is_valid_utf8(line), line); // folding never splits a character
    }
}

std::string feed(const std::vector<std::pair<fu::Promise, fu::Contact>>& items)
{
    std::ostringstream out;
    fu::CalendarFeedWriter writer(out, k_now);
    for (const auto& [promise, contact] : items) {
        writer.add(promise, contact);
    }
    writer.finish();
    return out.str();
}

std::string json(std::string_view s)
{
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out + "\"";
}

// What tests/tools/ics_dump.py prints for `path` read by `parser`; empty when no parser is
// installed.
std::string dump(const char* parser, const std::filesystem::path& path)
{
    const std::string python = FU_ICS_PYTHON;
    if (python.empty()) {
        return {};
    }
    const std::string command =
        python + " '" FU_TEST_TOOLS_DIR "/ics_dump.py' " + parser + " '" + path.string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        out.append(buffer.data(), n);
    }
    CHECK_MESSAGE(::pclose(pipe) == 0, out);
    return out;
}

void write_file(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream file(path, std::ios::binary);
    file << text;
}

const std::string k_feed_header = "calendar\n"
                                  "VERSION \"2.0\"\n"
                                  "PRODID \"-//fu//fu//EN\"\n"
                                  "CALSCALE \"GREGORIAN\"\n"
                                  "METHOD \"PUBLISH\"\n"
                                  "X-WR-CALNAME \"fu follow-ups\"\n";

} // namespace

TEST_CASE("ical: a promise's UID is stable and names the promise")
{
    const fu::Promise p = quote_call();
    CHECK(fu::promise_uid(p) == "fu-p7-1709287200@fu");
    CHECK(fu::promise_uid(p) == fu::promise_uid(quote_call()));
    fu::Promise other = p;
    other.id = 70;
    CHECK(fu::promise_uid(other) == "fu-p70-1709287200@fu");
    other = p;
    other.text = "changed words";
    other.earliest = at("2024-04-01T00:00:00Z");
    CHECK(fu::promise_uid(other) == fu::promise_uid(p)); // a rescheduled window keeps its event
}

TEST_CASE("ical: summaries say how, whom and why")
{
    fu::Promise p = quote_call();
    const fu::Contact c = ada();
    SUBCASE("call")
    {
        CHECK(fu::promise_summary(p, c) == "Call Ada Lovelace — quote");
    }
    SUBCASE("each channel")
    {
        p.via = "email";
        CHECK(fu::promise_summary(p, c) == "Email Ada Lovelace — quote");
        p.via = "text";
        CHECK(fu::promise_summary(p, c) == "Text Ada Lovelace — quote");
        p.via = "visit";
        CHECK(fu::promise_summary(p, c) == "Visit Ada Lovelace — quote");
        p.via = "fax";
        CHECK(fu::promise_summary(p, c) == "Fax Ada Lovelace — quote");
        p.via = "";
        CHECK(fu::promise_summary(p, c) == "Call Ada Lovelace — quote");
    }
    SUBCASE("no purpose, no dash")
    {
        p.about = "";
        CHECK(fu::promise_summary(p, c) == "Call Ada Lovelace");
        p.about = "  ";
        CHECK(fu::promise_summary(p, c) == "Call Ada Lovelace");
    }
    SUBCASE("invitation, for the customer")
    {
        CHECK(fu::invitation_summary(p, k_grace) == "Call with Grace Hopper, USN — quote");
        p.via = "visit";
        p.about = "";
        CHECK(fu::invitation_summary(p, k_grace) == "Visit with Grace Hopper, USN");
        CHECK(fu::invitation_summary(p, fu::Organizer{"", "grace@example.net"}) ==
              "Visit with grace@example.net");
    }
}

TEST_CASE("ical: an empty feed is a valid calendar")
{
    const std::string text = feed({});
    CHECK(text == "BEGIN:VCALENDAR\r\n"
                  "VERSION:2.0\r\n"
                  "PRODID:-//fu//fu//EN\r\n"
                  "CALSCALE:GREGORIAN\r\n"
                  "METHOD:PUBLISH\r\n"
                  "X-WR-CALNAME:fu follow-ups\r\n"
                  "END:VCALENDAR\r\n");
    const fu::test::TempDir dir;
    write_file(dir.path / "empty.ics", text);
    if (std::string(FU_ICS_PYTHON).empty()) {
        MESSAGE("no python3 with icalendar and vobject: parser checks skipped");
        return;
    }
    CHECK(dump("icalendar", dir.path / "empty.ics") == k_feed_header);
    CHECK(dump("vobject", dir.path / "empty.ics") == k_feed_header);
}

TEST_CASE("ical: the feed writes one event per promise, escaped and folded")
{
    const std::string text =
        feed({{quote_call(), ada()}, {tricky_email(), zoe()}, {fax(), bare()}});
    check_wire_format(text);
    CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fu//fu//EN\r\n"));
    CHECK(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    CHECK(text.find("END:VCALENDAR") == text.rfind("END:VCALENDAR"));

    std::vector<std::string> begins;
    for (const std::string& line : content_lines(text)) {
        if (line.starts_with("BEGIN:")) {
            begins.push_back(line);
        }
    }
    CHECK(begins == std::vector<std::string>{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VEVENT",
                                             "BEGIN:VEVENT"});

    CHECK(property(text, "UID:") == "UID:fu-p7-1709287200@fu");
    CHECK(property(text, "DTSTAMP:") == "DTSTAMP:20240304T090000Z");
    CHECK(property(text, "DTSTART:") == "DTSTART:20240305T130000Z");
    CHECK(property(text, "DTEND:") == "DTEND:20240305T170000Z");
    CHECK(property(text, "SUMMARY:") == "SUMMARY:Call Ada Lovelace — quote");
    CHECK(property(text, "DESCRIPTION:") ==
          "DESCRIPTION:Phone: +44 20 7946 0000\\nEmail: ada@example.com\\nPurpose: quote\\n"
          "Promised: tomorrow afternoon (agreed with the customer)\\n"
          "Company: Analytical Engines\\, Ltd.\\; London");
    CHECK(property(text, "STATUS:") == "STATUS:CONFIRMED");
    CHECK(property(text, "TRANSP:") == "TRANSP:TRANSPARENT");
    CHECK(property(text, "CATEGORIES:") == "CATEGORIES:fu");
    CHECK(property(text, "BEGIN:VALARM").empty());

    SUBCASE("escaping: , ; \\ and newlines; non-ASCII kept")
    {
        CHECK(property(text, "SUMMARY:", 1) ==
              "SUMMARY:Email Lovelace-Łukasiewicz\\, Zoë\\; \"Dr\": Ångström — renewal\\; "
              "pricing\\, v2 \\\\ über-long purpose that certainly needs folding in the file — "
              "ünïcödé ünïcödé ünïcödé");
        CHECK(property(text, "DESCRIPTION:", 1) ==
              "DESCRIPTION:Email: zoe@example.org\\nPurpose: renewal\\; pricing\\, v2 \\\\ "
              "über-long purpose that certainly needs folding in the file — ünïcödé ünïcödé "
              "ünïcödé\\nPromised: next week\\nafter the board meeting\\, \"not\" before\\; "
              "C:\\\\path");
        CHECK(property(text, "STATUS:", 1) == "STATUS:TENTATIVE");
        CHECK(text.find("SUMMARY:Email Lovelace") != std::string::npos); // the summary was folded
        CHECK(
            text.find("SUMMARY:Email Lovelace-Łukasiewicz\\, Zoë\\; \"Dr\": Ångström — renewal\\; "
                      "pricing\\, v2 \\\\ über-long purpose that") == std::string::npos);
    }
    SUBCASE("a promise with nothing to describe has no DESCRIPTION")
    {
        CHECK(property(text, "SUMMARY:", 2) == "SUMMARY:Fax Bob");
        CHECK(property(text, "DESCRIPTION:", 2).empty());
        CHECK(property(text, "UID:", 2) == "UID:fu-p9-1709467200@fu");
    }
}

TEST_CASE("ical: the feed writer finishes once")
{
    std::ostringstream out;
    fu::CalendarFeedWriter writer(out, k_now);
    writer.add(quote_call(), ada());
    writer.finish();
    writer.finish();
    const std::string text = out.str();
    CHECK(text.find("END:VCALENDAR") == text.rfind("END:VCALENDAR"));
    CHECK_THROWS_AS(writer.add(fax(), bare()), std::logic_error);
}

TEST_CASE("ical: an invitation asks the contact, from the organizer")
{
    const std::string text = fu::invitation(quote_call(), zoe(), k_grace, k_now);
    check_wire_format(text);
    CHECK(text.starts_with("BEGIN:VCALENDAR\r\n"));
    CHECK(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    const std::vector<std::string> lines = content_lines(text);
    CHECK(std::count(lines.begin(), lines.end(), "METHOD:REQUEST") == 1);
    CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 1);
    CHECK(property(text, "UID:") == "UID:fu-p7-1709287200@fu");
    CHECK(property(text, "DTSTAMP:") == "DTSTAMP:20240304T090000Z");
    CHECK(property(text, "DTSTART:") == "DTSTART:20240305T130000Z");
    CHECK(property(text, "DTEND:") == "DTEND:20240305T170000Z");
    CHECK(property(text, "SUMMARY:") == "SUMMARY:Call with Grace Hopper\\, USN — quote");
    CHECK(property(text, "DESCRIPTION:") ==
          "DESCRIPTION:Grace Hopper\\, USN will call you in this window.\\nAbout: quote");
    // Parameter values with , ; : are quoted; a DQUOTE is caret-encoded (RFC 6868).
    CHECK(property(text, "ORGANIZER") ==
          "ORGANIZER;CN=\"Grace Hopper, USN\":mailto:grace@example.net");
    CHECK(property(text, "ATTENDEE") ==
          "ATTENDEE;CN=\"Lovelace-Łukasiewicz, Zoë; ^'Dr^': Ångström\";ROLE=REQ-PARTICIPANT;"
          "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:zoe@example.org");
    CHECK(property(text, "SEQUENCE:") == "SEQUENCE:0");
    CHECK(property(text, "STATUS:") == "STATUS:CONFIRMED");
    CHECK(property(text, "TRANSP:") == "TRANSP:OPAQUE");
    CHECK(text.find("tomorrow afternoon") == std::string::npos); // the user's notes stay private

    fu::Promise plain = quote_call();
    plain.about = "";
    plain.via = "text";
    const std::string simple =
        fu::invitation(plain, ada(), fu::Organizer{"Grace", "g@x.org"}, k_now);
    CHECK(property(simple, "ORGANIZER") == "ORGANIZER;CN=Grace:mailto:g@x.org");
    CHECK(property(simple, "ATTENDEE").starts_with("ATTENDEE;CN=Ada Lovelace;ROLE="));
    CHECK(property(simple, "SUMMARY:") == "SUMMARY:Text with Grace");
    CHECK(property(simple, "DESCRIPTION:") == "DESCRIPTION:Grace will text you in this window.");
}

TEST_CASE("ical: an invitation needs both email addresses")
{
    SUBCASE("the organizer's")
    {
        try {
            (void)fu::invitation(quote_call(), ada(), fu::Organizer{"Grace", ""}, k_now);
            FAIL("no error");
        } catch (const fu::Error& e) {
            CHECK(e.status() == fu::k_exit_usage);
            CHECK(std::string(e.what()) == "set user_email in the config file to send invitations");
        }
    }
    SUBCASE("the contact's")
    {
        fu::Contact c = ada();
        c.email = "";
        try {
            (void)fu::invitation(quote_call(), c, k_grace, k_now);
            FAIL("no error");
        } catch (const fu::Error& e) {
            CHECK(e.status() == fu::k_exit_usage);
            CHECK(std::string(e.what()) == "Ada Lovelace has no email to invite");
            CHECK(e.hint() == "fu edit \"Ada Lovelace\" --email ADDRESS");
        }
    }
}

TEST_CASE("ical: independent parsers read the feed and the invitation back")
{
    if (std::string(FU_ICS_PYTHON).empty()) {
        MESSAGE("no python3 with icalendar and vobject: parser checks skipped");
        return;
    }
    const fu::test::TempDir dir;
    const fu::Promise tricky = tricky_email();
    write_file(dir.path / "feed.ics",
               feed({{quote_call(), ada()}, {tricky, zoe()}, {fax(), bare()}}));
    write_file(dir.path / "invite.ics", fu::invitation(tricky, zoe(), k_grace, k_now));

    const std::string tricky_about = "renewal; pricing, v2 \\ über-long purpose that certainly "
                                     "needs folding in the file — ünïcödé ünïcödé ünïcödé";
    const std::string expected_feed =
        k_feed_header +
        "event\n"
        "UID \"fu-p7-1709287200@fu\"\n"
        "DTSTAMP 2024-03-04T09:00:00Z\n"
        "DTSTART 2024-03-05T13:00:00Z\n"
        "DTEND 2024-03-05T17:00:00Z\n"
        "SUMMARY \"Call Ada Lovelace — quote\"\n"
        "DESCRIPTION " +
        json("Phone: +44 20 7946 0000\nEmail: ada@example.com\nPurpose: quote\n"
             "Promised: tomorrow afternoon (agreed with the customer)\n"
             "Company: Analytical Engines, Ltd.; London") +
        "\n"
        "STATUS \"CONFIRMED\"\n"
        "TRANSP \"TRANSPARENT\"\n"
        "CATEGORIES \"fu\"\n"
        "event\n"
        "UID \"fu-p8-1709368215@fu\"\n"
        "DTSTAMP 2024-03-04T09:00:00Z\n"
        "DTSTART 2024-03-11T00:00:00Z\n"
        "DTEND 2024-03-16T00:00:00Z\n"
        "SUMMARY " +
        json("Email Lovelace-Łukasiewicz, Zoë; \"Dr\": Ångström — " + tricky_about) +
        "\n"
        "DESCRIPTION " +
        json("Email: zoe@example.org\nPurpose: " + tricky_about +
             "\nPromised: next week\nafter the board meeting, \"not\" before; C:\\path") +
        "\n"
        "STATUS \"TENTATIVE\"\n"
        "TRANSP \"TRANSPARENT\"\n"
        "CATEGORIES \"fu\"\n"
        "event\n"
        "UID \"fu-p9-1709467200@fu\"\n"
        "DTSTAMP 2024-03-04T09:00:00Z\n"
        "DTSTART 2024-03-20T09:00:00Z\n"
        "DTEND 2024-03-20T10:00:00Z\n"
        "SUMMARY \"Fax Bob\"\n"
        "STATUS \"TENTATIVE\"\n"
        "TRANSP \"TRANSPARENT\"\n"
        "CATEGORIES \"fu\"\n";
    CHECK(dump("icalendar", dir.path / "feed.ics") == expected_feed);
    CHECK(dump("vobject", dir.path / "feed.ics") == expected_feed);

    // Neither parser decodes RFC 6868, so the attendee's quotes come back as ^'.
    const std::string expected_invitation =
        "calendar\n"
        "VERSION \"2.0\"\n"
        "PRODID \"-//fu//fu//EN\"\n"
        "CALSCALE \"GREGORIAN\"\n"
        "METHOD \"REQUEST\"\n"
        "event\n"
        "UID \"fu-p8-1709368215@fu\"\n"
        "DTSTAMP 2024-03-04T09:00:00Z\n"
        "DTSTART 2024-03-11T00:00:00Z\n"
        "DTEND 2024-03-16T00:00:00Z\n"
        "SUMMARY " +
        json("Email with Grace Hopper, USN — " + tricky_about) +
        "\n"
        "DESCRIPTION " +
        json("Grace Hopper, USN will email you in this window.\nAbout: " + tricky_about) +
        "\n"
        "STATUS \"CONFIRMED\"\n"
        "TRANSP \"OPAQUE\"\n"
        "SEQUENCE \"0\"\n"
        "ORGANIZER \"mailto:grace@example.net\" CN=\"Grace Hopper, USN\"\n"
        "ATTENDEE \"mailto:zoe@example.org\" CN=" +
        json("Lovelace-Łukasiewicz, Zoë; ^'Dr^': Ångström") +
        " PARTSTAT=\"NEEDS-ACTION\" ROLE=\"REQ-PARTICIPANT\" RSVP=\"TRUE\"\n";
    CHECK(dump("icalendar", dir.path / "invite.ics") == expected_invitation);
    CHECK(dump("vobject", dir.path / "invite.ics") == expected_invitation);
}
