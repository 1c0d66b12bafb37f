// Customer reminders: checking templates and filling them in on the customer's clock.
#include <doctest/doctest.h>

#include "fu/error.hpp"
#include "fu/practice.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;

namespace {
// 1 December 2026 is a Tuesday; London keeps UTC in winter, New York is 5 hours behind.
const fu::Zone& london()
{
    return fu::locate_zone("Europe/London");
}
const fu::Zone& new_york()
{
    return fu::locate_zone("America/New_York");
}
const Instant tuesday_afternoon = at("2026-12-01T15:00:00Z");

Contact ada()
{
    Contact c;
    c.id = 1;
    c.name = "Ada Lovelace";
    c.company = "Analytical Engines";
    c.tz = "Europe/London";
    return c;
}

Promise window(const char* earliest, const char* latest, const char* about = "")
{
    Promise p;
    p.id = 1;
    p.contact_id = 1;
    p.earliest = at(earliest);
    p.latest = at(latest);
    p.about = about;
    return p;
}

// {when} of a window, seen from Tuesday afternoon in London.
std::string when(const char* earliest, const char* latest, Instant now = tuesday_afternoon)
{
    return render_reminder("{when}", window(earliest, latest), ada(), now, london());
}

// The message of the refusal of a template, "" when it is fine.
std::string refusal(const std::string& text, std::string* hint = nullptr)
{
    try {
        check_reminder_template(text);
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        if (hint) {
            *hint = e.hint();
        }
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("the default reminder, with and without a purpose")
{
    const Promise quote = window("2026-12-02T12:00:00Z", "2026-12-02T17:00:00Z", "the quote");
    CHECK(render_reminder(k_default_reminder_template, quote, ada(), tuesday_afternoon, london()) ==
          "Hi Ada — looking forward to our call tomorrow between 12:00 and 17:00 (your time) about "
          "the quote.");
    const Promise plain = window("2026-12-02T12:00:00Z", "2026-12-02T17:00:00Z");
    CHECK(render_reminder(k_default_reminder_template, plain, ada(), tuesday_afternoon, london()) ==
          "Hi Ada — looking forward to our call tomorrow between 12:00 and 17:00 (your time).");
    Promise email = quote;
    email.via = "email";
    CHECK(render_reminder("{via}", email, ada(), tuesday_afternoon, london()) == "email");
}

TEST_CASE("reminder: the customer's clock decides what today and tomorrow are")
{
    // 23:30 UTC on Tuesday is 18:30 in New York, still Tuesday there.
    const Instant now = at("2026-12-01T23:30:00Z");
    const Promise tonight = window("2026-12-02T03:00:00Z", "2026-12-02T04:00:00Z");
    CHECK(render_reminder("{when}", tonight, ada(), now, new_york()) ==
          "today between 22:00 and 23:00");
    CHECK(render_reminder("{when}", tonight, ada(), now, london()) ==
          "tomorrow between 03:00 and 04:00");
    const Promise morning = window("2026-12-02T14:00:00Z", "2026-12-02T15:00:00Z");
    CHECK(render_reminder("{day} {from}-{to} {zone}", morning, ada(), now, new_york()) ==
          "tomorrow 09:00-10:00 America/New_York");
}

TEST_CASE("reminder: days as the customer says them")
{
    const auto day = [](const char* earliest) {
        return render_reminder("{day}", window(earliest, "2027-06-01T00:00:00Z"), ada(),
                               tuesday_afternoon, london());
    };
    CHECK(day("2026-12-01T16:00:00Z") == "today");
    CHECK(day("2026-12-02T09:00:00Z") == "tomorrow");
    CHECK(day("2026-12-03T09:00:00Z") == "on Thursday");
    CHECK(day("2026-12-07T09:00:00Z") == "on Monday");
    CHECK(day("2026-12-08T09:00:00Z") == "on Tuesday 8 December");
    CHECK(day("2026-12-11T09:00:00Z") == "on Friday 11 December");
    CHECK(day("2027-01-08T09:00:00Z") == "on Friday 8 January 2027");
}

TEST_CASE("reminder: {when} for short, same-day, whole-day and longer windows")
{
    CHECK(when("2026-12-04T14:00:00Z", "2026-12-04T14:15:00Z") == "on Friday at 14:00");
    CHECK(when("2026-12-11T14:00:00Z", "2026-12-11T14:30:00Z") == "on Friday 11 December at 14:00");
    CHECK(when("2026-12-02T09:00:00Z", "2026-12-02T12:00:00Z") ==
          "tomorrow between 09:00 and 12:00");
    CHECK(when("2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z") == "tomorrow");
    CHECK(when("2026-12-04T00:00:00Z", "2026-12-05T00:00:00Z") == "on Friday");
    CHECK(when("2026-12-03T00:00:00Z", "2026-12-05T00:00:00Z") == "between Thursday and Friday");
    CHECK(when("2026-12-01T15:00:00Z", "2026-12-02T00:00:00Z") == "today after 15:00");
    CHECK(when("2026-12-02T09:00:00Z", "2026-12-04T17:00:00Z") ==
          "between tomorrow 09:00 and Friday 17:00");
    CHECK(when("2026-12-02T09:00:00Z", "2026-12-04T00:00:00Z") ==
          "between tomorrow 09:00 and Thursday 24:00");
    // Summer in London: the window's clock is local, not UTC.
    CHECK(render_reminder("{when}", window("2027-06-02T11:00:00Z", "2027-06-02T16:00:00Z"), ada(),
                          at("2027-06-01T12:00:00Z"),
                          london()) == "tomorrow between 12:00 and 17:00");
}

TEST_CASE("reminder: placeholders, optional sections and literal brackets")
{
    const Promise p = window("2026-12-02T12:00:00Z", "2026-12-02T17:00:00Z");
    CHECK(render_reminder("{name} of {company}: {first}", p, ada(), tuesday_afternoon, london()) ==
          "Ada Lovelace of Analytical Engines: Ada");
    Contact solo = ada();
    solo.company.clear();
    solo.name = "  Grace   Hopper ";
    CHECK(render_reminder("Hi {first}[ at {company}][ re {about}]!", p, solo, tuesday_afternoon,
                          london()) == "Hi Grace!");
    CHECK(render_reminder("Hi {first}[ at {company}]!", p, ada(), tuesday_afternoon, london()) ==
          "Hi Ada at Analytical Engines!");
    CHECK(render_reminder("[no placeholder] {{first}} [[x]] {{", p, ada(), tuesday_afternoon,
                          london()) == "no placeholder {first} [x] {");
}

TEST_CASE("reminder templates that are refused")
{
    std::string hint;
    CHECK(refusal(k_default_reminder_template).empty());
    CHECK(refusal("Hi {frist}", &hint) ==
          "unknown placeholder {frist} in the reminder template (did "
          "you mean {first}?)");
    CHECK(hint.find("{first} {name} {company}") != std::string::npos);
    CHECK(refusal("Hi {nickname}") == "unknown placeholder {nickname} in the reminder template");
    CHECK(refusal("Hi {first") == "unclosed { in the reminder template at \"{first\"");
    CHECK(refusal("Hi {first [x]}").rfind("unclosed {", 0) == 0);
    CHECK(refusal("Hi {first}[ about {about}") == "unclosed [ in the reminder template");
    CHECK(refusal("[a [b] c]").rfind("a [ inside [ ]", 0) == 0);
    CHECK(refusal("Hi first}").rfind("a } without {", 0) == 0);
    CHECK(refusal("Hi] there").rfind("a ] without [", 0) == 0);
    CHECK(refusal("Hi {}").rfind("unknown placeholder {}", 0) == 0);
    CHECK(refusal("  ", &hint) == "the reminder template is empty");
    CHECK(hint.find("{first}") != std::string::npos);
    CHECK_THROWS_AS(render_reminder("{oops}",
                                    window("2026-12-02T12:00:00Z", "2026-12-02T17:00:00Z"), ada(),
                                    tuesday_afternoon, london()),
                    Error);
}
