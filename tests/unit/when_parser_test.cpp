// tests/unit/when_parser_test.cpp — the time language's tokenizer and parser on their own, and the
// rule that no input is turned into a window it does not say.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fu/error.hpp"
#include "fu/when.hpp"
#include "when/parser.hpp"
#include "when/tokenizer.hpp"
#include "when_test_support.hpp"

namespace {

using namespace fu::when;


std::optional<Phrase> parsed(const std::string& text)
{
    const auto tokens = tokenize(text);
    std::size_t reached = 0;
    return parse_phrase(tokens, text, reached);
}

} // namespace

TEST_CASE("when parser: the structure of a phrase")
{
    SUBCASE("an hour range is a clock range, never an offset")
    {
        const auto p = parsed("tomorrow 2-4");
        REQUIRE(p);
        REQUIRE(p->target.day);
        CHECK(p->target.day->kind == DayKind::tomorrow);
        REQUIRE(p->target.time);
        CHECK(p->target.time->kind == TimeKind::clock_range);
        CHECK(p->target.time->from.hour == 2);
        CHECK(p->target.time->to.hour == 4);
        CHECK_FALSE(p->target.time->from.offset);
        CHECK_FALSE(p->target.time->to.offset);
        const auto q = parsed("tomorrow 9:30-11:00");
        REQUIRE(q);
        CHECK(q->target.time->kind == TimeKind::clock_range);
        CHECK_FALSE(q->target.time->from.offset);
    }
    SUBCASE("a written offset is an offset")
    {
        const auto p = parsed("tomorrow 5pm -05:00");
        REQUIRE(p);
        REQUIRE(p->target.time);
        CHECK(p->target.time->kind == TimeKind::clock);
        REQUIRE(p->target.time->from.offset);
        CHECK(p->target.time->from.offset->count() == -5 * 3600);
        const auto& ny = fu::find_zone("America/New_York");
        CHECK_THROWS_AS(fu::resolve("tomorrow 5pm -5", fu::parse_now("2026-06-17T10:00", ny), ny,
                                    fu::Settings{}),
                        fu::Error);
    }
    SUBCASE("modifiers compose with the phrase they wrap")
    {
        CHECK(parsed("by next week")->mode == Mode::by);
        CHECK(parsed("by next week")->target.span->kind == SpanKind::week);
        CHECK(parsed("before christmas")->mode == Mode::before);
        CHECK(parsed("before christmas")->target.day->kind == DayKind::named);
        CHECK(parsed("after thanksgiving")->mode == Mode::after);
        CHECK(parsed("monday onwards")->mode == Mode::from);
        CHECK(parsed("sometime next week")->target.span->offset == 1);
        CHECK(parsed("next week sometime")->target.span->offset == 1);
        CHECK(parsed("mid next week")->target.portion == Portion::mid);
        CHECK(parsed("late next month")->target.portion == Portion::late);
        CHECK(parsed("end of july")->target.portion == Portion::end_of);
        const auto late = parsed("tomorrow late afternoon");
        CHECK(late->target.time->portion == Portion::late);
        CHECK(late->target.time->part == Part::afternoon);
        CHECK(parsed("friday cob")->target.time->kind == TimeKind::end_of_day);
        CHECK(parsed("eod friday")->target.time->kind == TimeKind::end_of_day);
    }
    SUBCASE("alternatives and zones")
    {
        const auto p = parsed("monday or tuesday");
        REQUIRE(p);
        REQUIRE(p->alternative);
        CHECK(p->alternative->day->weekday == 2);
        const auto z = parsed("monday 2pm pacific");
        REQUIRE(z);
        REQUIRE(z->zone);
        CHECK(z->zone->iana == "America/Los_Angeles");
        const auto mine = parsed("tomorrow 3pm my time");
        REQUIRE(mine);
        REQUIRE(mine->zone);
        CHECK(mine->zone->word.kind == fu::lexicon::ZoneWord::Kind::mine);
        const auto iana = parsed("tomorrow 3pm America/Chicago");
        REQUIRE(iana);
        REQUIRE(iana->zone);
        CHECK(iana->zone->iana == "America/Chicago");
    }
    SUBCASE("clock idioms")
    {
        const auto half = parsed("half four");
        REQUIRE(half);
        CHECK(half->target.time->from.hour == 4);
        CHECK(half->target.time->from.minute == 30);
        const auto to = parsed("quarter to 3");
        CHECK(to->target.time->from.hour == 2);
        CHECK(to->target.time->from.minute == 45);
        CHECK(parsed("4.30")->target.time->from.minute == 30);
        CHECK(parsed("at one")->target.time->from.hour == 1);
    }
    SUBCASE("stand-alone phrases")
    {
        CHECK(parsed("over the next few days")->special == Special::over_next);
        CHECK(parsed("over the next few days")->quantity.lo == 3);
        CHECK(parsed("in an hour or so")->special == Special::hour_or_so);
        CHECK(parsed("later this week")->special == Special::later_week);
        CHECK(parsed("within the hour")->special == Special::within);
    }
    SUBCASE("what is not a phrase")
    {
        for (const char* text : {"later", "soon", "sometime", "tomorrow please", "friday 19",
                                 "tomorrow 2-4 -", "every 3 months", "2 - - 4", "by", "or"}) {
            INFO(text);
            CHECK_FALSE(parsed(text));
        }
    }
}

namespace {

struct Example {
    const char* words;
    const char* earliest; // ISO in New York, or "" for a refusal
    const char* latest;
};

using fu::testing::iso;

// The window `words` resolves to on Wed 17 Jun 2026 10:00 in `zone`, or "refused".
std::string outcome(const std::string& words, const char* zone_name = fu::testing::k_ny)
{
    try {
        const fu::testing::Resolved r =
            fu::testing::resolve_at(fu::testing::phrases::k_wed, zone_name, words);
        return r.earliest + " " + r.latest;
    } catch (const fu::Error& e) {
        CHECK(e.status() == fu::k_exit_usage);
        return "refused";
    }
}

} // namespace

// One example of every family; each is fed with a dash, a dot, a comma, a zone word, a bad
// offset and a trailing word. Every result must be the documented window, the same phrase read
// on the zone's clock, or a refusal — never some other window.
TEST_CASE("when: no input is turned into a window it does not say")
{
    const std::vector<Example> examples{
        {"tomorrow 2-4", "2026-06-18T14:00-04:00", "2026-06-18T16:00-04:00"},
        {"friday 9-12", "2026-06-19T09:00-04:00", "2026-06-19T12:00-04:00"},
        {"thursday between 1 and 3", "2026-06-18T13:00-04:00", "2026-06-18T15:00-04:00"},
        {"tomorrow 11-1", "2026-06-18T11:00-04:00", "2026-06-18T13:00-04:00"},
        {"3-5", "2026-06-17T15:00-04:00", "2026-06-17T17:00-04:00"},
        {"tomorrow 4-2", "", ""},
        {"around 3", "2026-06-17T14:30-04:00", "2026-06-17T15:30-04:00"},
        {"friday around noon", "2026-06-19T11:30-04:00", "2026-06-19T12:30-04:00"},
        {"after 2 tomorrow", "2026-06-18T14:00-04:00", "2026-06-18T17:00-04:00"},
        {"after lunch", "2026-06-17T14:00-04:00", "2026-06-17T17:00-04:00"},
        {"before friday", "2026-06-17T10:00-04:00", "2026-06-18T17:00-04:00"},
        {"tomorrow before 11", "2026-06-18T09:00-04:00", "2026-06-18T11:00-04:00"},
        {"lunchtime tomorrow", "2026-06-18T12:00-04:00", "2026-06-18T14:00-04:00"},
        {"later this week", "2026-06-18T09:00-04:00", "2026-06-19T17:00-04:00"},
        {"sometime next week", "2026-06-22T09:00-04:00", "2026-06-26T17:00-04:00"},
        {"first thing tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T10:00-04:00"},
        {"in the morning", "2026-06-18T09:00-04:00", "2026-06-18T12:00-04:00"},
        {"friday cob", "2026-06-17T10:00-04:00", "2026-06-19T17:00-04:00"},
        {"tomorrow late afternoon", "2026-06-18T14:30-04:00", "2026-06-18T17:00-04:00"},
        {"early tomorrow", "2026-06-18T09:00-04:00", "2026-06-18T13:00-04:00"},
        {"mid next week", "2026-06-23T09:00-04:00", "2026-06-25T17:00-04:00"},
        {"late next week", "2026-06-24T09:00-04:00", "2026-06-26T17:00-04:00"},
        {"mid july", "2026-07-13T09:00-04:00", "2026-07-20T17:00-04:00"},
        {"eoq", "2026-06-17T10:00-04:00", "2026-06-30T17:00-04:00"},
        {"monday or tuesday", "2026-06-22T09:00-04:00", "2026-06-23T17:00-04:00"},
        {"tuesday week", "2026-06-30T09:00-04:00", "2026-06-30T17:00-04:00"},
        {"next business day", "2026-06-18T09:00-04:00", "2026-06-18T17:00-04:00"},
        {"friday am", "2026-06-19T09:00-04:00", "2026-06-19T12:00-04:00"},
        {"tomorrow half four", "2026-06-18T16:30-04:00", "2026-06-18T16:45-04:00"},
        {"same time tomorrow", "2026-06-18T10:00-04:00", "2026-06-18T10:15-04:00"},
        {"in an hour or so", "2026-06-17T10:00-04:00", "2026-06-17T12:00-04:00"},
        {"june 22-24", "2026-06-22T09:00-04:00", "2026-06-24T17:00-04:00"},
        {"first monday of next month", "2026-07-06T09:00-04:00", "2026-07-06T17:00-04:00"},
        {"over the next few days", "2026-06-17T10:00-04:00", "2026-06-22T17:00-04:00"},
        {"after thanksgiving", "2026-11-27T09:00-05:00", "2026-12-01T17:00-05:00"},
        {"tomorrow 9:30-11:00", "2026-06-18T09:30-04:00", "2026-06-18T11:00-04:00"},
        {"in 2-3 days", "2026-06-19T09:00-04:00", "2026-06-22T17:00-04:00"},
    };
    for (const Example& e : examples) {
        const std::string documented =
            std::string(e.earliest).empty() ? "refused" : std::string(e.earliest) + " " + e.latest;
        CAPTURE(e.words);
        CHECK(outcome(e.words) == documented);
        const std::string w = e.words;
        for (const std::string& variant : {w + " -", w + ".", w + ",", w + " please", w + " -05",
                                           w + " - 4", "- " + w, w + " 12/01", w + " . 4"}) {
            CAPTURE(variant);
            const std::string got = outcome(variant);
            CHECK((got == documented || got == "refused"));
        }
        // with a zone word, the same phrase on that zone's clock (or a refusal)
        const std::string on_la = outcome(w, "America/Los_Angeles");
        for (const std::string& variant : {w + " pacific", w + " PT", w + " pacific time"}) {
            CAPTURE(variant);
            const std::string got = outcome(variant);
            if (got != "refused" && on_la != "refused") {
                const auto& ny = fu::find_zone("America/New_York");
                const auto& la = fu::find_zone("America/Los_Angeles");
                const fu::Window w_la =
                    fu::resolve(w, fu::parse_now("2026-06-17T10:00", ny), la, fu::Settings{});
                CHECK(got == iso(w_la.earliest, ny) + " " + iso(w_la.latest, ny));
            }
        }
    }
}

TEST_CASE("when: an am/pm read by the rule is said, on both clocks when they differ")
{
    const auto& ny = fu::find_zone("America/New_York");
    const auto& london = fu::find_zone("Europe/London");
    const fu::Instant now = fu::parse_now("2026-06-17T10:00", ny);
    const fu::Window w = fu::resolve("tomorrow 4", now, fu::Clocks{&ny, &london}, fu::Settings{});
    REQUIRE(w.notices.size() == 1);
    CHECK(w.notices[0] == "\"4\" read as 16:00 (11:00 your time)");
    const fu::Window r = fu::resolve("tomorrow 2-4", now, fu::Clocks{&ny, &london}, fu::Settings{});
    REQUIRE(r.notices.size() == 1);
    CHECK(r.notices[0] == "\"2-4\" read as 14:00–16:00 (09:00–11:00 your time)");
    const fu::Window mine =
        fu::resolve("tomorrow 4pm my time", now, fu::Clocks{&ny, &london}, fu::Settings{});
    CHECK(iso(mine.earliest, ny) == "2026-06-18T16:00-04:00");
    CHECK_THROWS_WITH_AS(
        fu::resolve("tomorrow 4pm their time", now, fu::Clocks{&ny, nullptr}, fu::Settings{}),
        "\"their time\": fu does not know their time zone", fu::Error);
}
