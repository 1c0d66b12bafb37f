// Not being pushy: crowding warnings for attempts and promised windows, and min_gap.
#include <doctest/doctest.h>

#include "fu/error.hpp"
#include "fu/practice.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;

namespace {
// 1 December 2026 is a Tuesday; London keeps UTC in winter.
const fu::Zone& london()
{
    return fu::locate_zone("Europe/London");
}

Contact ada()
{
    Contact c;
    c.id = 1;
    c.name = "Ada Lovelace";
    return c;
}

Interaction tried(Id id, const char* when, const char* kind, const char* outcome)
{
    Interaction i;
    i.id = id;
    i.contact_id = 1;
    i.at = at(when);
    i.kind = kind;
    i.outcome = outcome;
    return i;
}

Interaction heard_from(Id id, const char* when, const char* kind)
{
    Interaction i = tried(id, when, kind, "reached");
    i.inbound = true;
    return i;
}

std::vector<std::string> warnings(const std::vector<Interaction>& history,
                                  const Interaction& attempt, const Settings& settings = {})
{
    return crowding_warnings_for_attempt(history, attempt, ada(), settings, london());
}

Settings with_gap(const char* gap)
{
    Settings s;
    s.min_gap = parse_min_gap(gap);
    return s;
}
} // namespace

TEST_CASE("crowding: a second attempt soon after an unanswered one")
{
    const std::vector<Interaction> history{
        tried(1, "2026-12-01T10:00:00Z", "voicemail", "left-message")};
    const auto w = warnings(history, tried(2, "2026-12-01T10:30:00Z", "voicemail", "left-message"));
    REQUIRE(w.size() == 1);
    CHECK(w[0] ==
          "a voicemail 30 minutes after an unanswered voicemail (Tue 1 Dec 10:00); give Ada "
          "Lovelace a working day between tries (min_gap = 1 workday)");
    const auto email = warnings(history, tried(2, "2026-12-01T15:05:00Z", "email", "sent"));
    REQUIRE(email.size() == 1);
    CHECK(email[0].rfind("an email 5 hours 5 minutes after an unanswered voicemail", 0) == 0);
}

TEST_CASE("crowding: min_gap in working days counts from the last attempt's local date")
{
    // Monday voicemail, Tuesday call.
    CHECK(warnings({tried(1, "2026-11-30T16:00:00Z", "voicemail", "left-message")},
                   tried(2, "2026-12-01T09:00:00Z", "call", "no-answer"))
              .empty());
    // Friday voicemail, Monday call: the weekend is no working day.
    const std::vector<Interaction> friday{
        tried(1, "2026-12-04T16:00:00Z", "voicemail", "left-message")};
    CHECK(warnings(friday, tried(2, "2026-12-07T09:00:00Z", "call", "no-answer")).empty());
    CHECK(warnings(friday, tried(2, "2026-12-05T09:00:00Z", "call", "no-answer")).size() == 1);
    // Saturday voicemail: the next working day is Monday; Sunday is too soon.
    const std::vector<Interaction> saturday{
        tried(1, "2026-12-05T11:00:00Z", "voicemail", "left-message")};
    CHECK(warnings(saturday, tried(2, "2026-12-07T09:00:00Z", "call", "no-answer")).empty());
    CHECK(warnings(saturday, tried(2, "2026-12-06T09:00:00Z", "call", "no-answer")).size() == 1);
    // Two working days from Friday: Tuesday.
    const Settings two = with_gap("2 workdays");
    CHECK(warnings(friday, tried(2, "2026-12-07T09:00:00Z", "call", "no-answer"), two).size() == 1);
    CHECK(warnings(friday, tried(2, "2026-12-08T09:00:00Z", "call", "no-answer"), two).empty());
    // The user's local date: 23:30 in New York on Monday is Tuesday in UTC.
    const auto& ny = fu::locate_zone("America/New_York");
    CHECK(crowding_warnings_for_attempt({tried(1, "2026-12-01T04:30:00Z", "call", "no-answer")},
                                        tried(2, "2026-12-01T14:00:00Z", "call", "no-answer"),
                                        ada(), Settings{}, ny)
              .empty());
}

TEST_CASE("crowding: calendar days, hours and minutes as min_gap")
{
    const std::vector<Interaction> history{tried(1, "2026-12-01T10:00:00Z", "call", "no-answer")};
    const Settings hours = with_gap("4 hours");
    CHECK(warnings(history, tried(2, "2026-12-01T13:59:00Z", "call", "no-answer"), hours).size() ==
          1);
    CHECK(warnings(history, tried(2, "2026-12-01T14:00:00Z", "call", "no-answer"), hours).empty());
    const Settings days = with_gap("2 days");
    CHECK(warnings(history, tried(2, "2026-12-02T23:59:00Z", "call", "no-answer"), days).size() ==
          1);
    CHECK(warnings(history, tried(2, "2026-12-03T00:01:00Z", "call", "no-answer"), days).empty());
    const auto w =
        warnings(history, tried(2, "2026-12-01T10:45:00Z", "text", "sent"), with_gap("90 min"));
    REQUIRE(w.size() == 1);
    CHECK(w[0] ==
          "a text 45 minutes after an unanswered call (Tue 1 Dec 10:00); give Ada Lovelace 90 "
          "minutes between tries (min_gap = 90 minutes)");
    CHECK(warnings(history, tried(2, "2026-12-01T10:01:00Z", "call", "no-answer"), with_gap("none"))
              .empty());
}

TEST_CASE("crowding: only an unanswered own attempt, with nothing heard since, sets the gap")
{
    // Reached: the contact answered, so calling again is fine.
    CHECK(warnings({tried(1, "2026-12-01T10:00:00Z", "call", "reached")},
                   tried(2, "2026-12-01T10:10:00Z", "call", "no-answer"))
              .empty());
    // The contact called back after the voicemail.
    CHECK(warnings({tried(1, "2026-12-01T10:00:00Z", "voicemail", "left-message"),
                    heard_from(2, "2026-12-01T10:10:00Z", "call")},
                   tried(3, "2026-12-01T10:20:00Z", "call", "reached"))
              .empty());
    // A reply counts as hearing from them even when not marked inbound.
    CHECK(warnings({tried(1, "2026-12-01T10:00:00Z", "email", "sent"),
                    tried(2, "2026-12-01T10:10:00Z", "email", "replied")},
                   tried(3, "2026-12-01T10:20:00Z", "email", "sent"))
              .empty());
    // Notes and reminders are no attempts and change nothing.
    CHECK(warnings({tried(1, "2026-12-01T10:00:00Z", "voicemail", "left-message"),
                    tried(2, "2026-12-01T10:10:00Z", "note", ""),
                    tried(3, "2026-12-01T10:15:00Z", "reminder", "sent")},
                   tried(4, "2026-12-01T10:20:00Z", "call", "no-answer"))
              .size() == 1);
    CHECK(warnings({tried(1, "2026-12-01T10:00:00Z", "voicemail", "left-message")},
                   tried(2, "2026-12-01T10:20:00Z", "reminder", "sent"))
              .empty());
    CHECK(warnings({tried(1, "2026-12-01T10:00:00Z", "voicemail", "left-message")},
                   heard_from(2, "2026-12-01T10:20:00Z", "call"))
              .empty());
    // The attempt itself in the history, and attempts logged later than it, are left out.
    CHECK(warnings({tried(7, "2026-12-01T10:00:00Z", "call", "no-answer"),
                    tried(8, "2026-12-01T12:00:00Z", "call", "no-answer")},
                   tried(7, "2026-12-01T10:00:00Z", "call", "no-answer"))
              .empty());
}

TEST_CASE("crowding: too many attempts on one local day")
{
    const std::vector<Interaction> history{tried(1, "2026-12-01T10:00:00Z", "call", "reached"),
                                           tried(2, "2026-12-01T10:00:00Z", "call", "reached")};
    const auto w = warnings(history, tried(3, "2026-12-01T10:00:00Z", "call", "reached"));
    REQUIRE(w.size() == 1);
    CHECK(w[0] ==
          "this is the 3rd attempt to reach Ada Lovelace on Tue 1 Dec; more than 2 a day can "
          "feel pushy (max_attempts_per_day = 2)");
    // Three unanswered calls in the same minute: both warnings.
    const std::vector<Interaction> unanswered{
        tried(1, "2026-12-01T10:00:00Z", "call", "no-answer"),
        tried(2, "2026-12-01T10:00:00Z", "call", "no-answer")};
    const auto both = warnings(unanswered, tried(3, "2026-12-01T10:00:00Z", "call", "no-answer"));
    REQUIRE(both.size() == 2);
    CHECK(both[0].rfind("a call right after an unanswered call", 0) == 0);
    // The day before, inbound calls and notes do not count.
    CHECK(warnings({tried(1, "2026-11-30T23:00:00Z", "call", "reached"),
                    heard_from(2, "2026-12-01T09:00:00Z", "call"),
                    tried(3, "2026-12-01T09:30:00Z", "note", ""),
                    tried(4, "2026-12-01T10:00:00Z", "call", "reached")},
                   tried(5, "2026-12-01T11:00:00Z", "call", "reached"))
              .empty());
    Settings no_limit;
    no_limit.max_attempts_per_day = 0;
    CHECK(warnings(history, tried(3, "2026-12-01T10:00:00Z", "call", "reached"), no_limit).empty());
}

TEST_CASE("crowding: a promised window close after the last unanswered attempt")
{
    const std::vector<Interaction> history{
        tried(1, "2026-12-01T10:00:00Z", "voicemail", "left-message")};
    const auto w = crowding_warnings_for_window(history, at("2026-12-01T14:00:00Z"), ada(),
                                                Settings{}, london());
    REQUIRE(w.size() == 1);
    CHECK(w[0] ==
          "a promised window opening 4 hours after an unanswered voicemail (Tue 1 Dec 10:00); "
          "give Ada Lovelace a working day between tries (min_gap = 1 workday)");
    CHECK(crowding_warnings_for_window(history, at("2026-12-02T09:00:00Z"), ada(), Settings{},
                                       london())
              .empty());
    CHECK(crowding_warnings_for_window(history, at("2026-12-01T09:00:00Z"), ada(), Settings{},
                                       london())
              .at(0)
              .rfind("a promised window opening before an unanswered voicemail", 0) == 0);
    // The latest own attempt was answered.
    CHECK(crowding_warnings_for_window(
              {history[0], tried(2, "2026-12-01T11:00:00Z", "call", "reached")},
              at("2026-12-01T14:00:00Z"), ada(), Settings{}, london())
              .empty());
    CHECK(crowding_warnings_for_window({}, at("2026-12-01T14:00:00Z"), ada(), Settings{}, london())
              .empty());
    // No working days configured: nothing to measure by, and no error.
    Settings idle;
    idle.workdays.fill(false);
    CHECK(crowding_warnings_for_window(history, at("2026-12-01T14:00:00Z"), ada(), idle, london())
              .empty());
}

TEST_CASE("min_gap words")
{
    const auto gap = [](const char* text) { return parse_min_gap(text); };
    CHECK(gap("1 workday").unit == MinGap::Unit::workdays);
    CHECK(gap("2 workdays").count == 2);
    CHECK(gap("1 working day").unit == MinGap::Unit::workdays);
    CHECK(gap("3 business days").count == 3);
    CHECK(gap("a working day").count == 1);
    CHECK(gap("two Working Days").count == 2);
    CHECK(gap("1 day").unit == MinGap::Unit::days);
    CHECK(gap("2 days").count == 2);
    CHECK(gap("4 hours").unit == MinGap::Unit::minutes);
    CHECK(gap("4 hours").count == 240);
    CHECK(gap("4h").count == 240);
    CHECK(gap("90 minutes").count == 90);
    CHECK(gap("90 min").count == 90);
    CHECK(gap("90min").count == 90);
    for (const char* off : {"none", "off", "0", "0 days", " None "}) {
        CAPTURE(off);
        CHECK(gap(off).unit == MinGap::Unit::none);
    }
    for (const char* bad : {"", "soon", "2", "1.5 days", "2 weeks", "1 workday please", "-1 days",
                            "91 days", "3000 hours", "99999999999999999999 minutes"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(gap(bad), Error);
    }
    try {
        gap("2 weks");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "cannot read min_gap \"2 weks\"");
        CHECK(e.hint().find("\"1 workday\"") != std::string::npos);
        CHECK(e.status() == k_exit_usage);
    }

    for (const char* text : {"1 workday", "2 workdays", "1 day", "2 days", "4 hours", "1 hour",
                             "90 minutes", "none"}) {
        CAPTURE(text);
        CHECK(min_gap_text(gap(text)) == text);
    }
    CHECK(min_gap_text(gap("3 business days")) == "3 workdays");
    CHECK(min_gap_text(gap("120 minutes")) == "2 hours");
    CHECK(min_gap_text(MinGap{}) == "1 workday");
}
