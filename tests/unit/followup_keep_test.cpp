// Unit tests of the domain layer (fu/followup.hpp): which interaction keeps which promise, and what a "no" ends. No CLI: the domain functions are
// called directly on an in-memory store at fixed instants (New York, Mon–Fri 09:00–17:00).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "followup_test_support.hpp"
#include "fu/agenda.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/store.hpp"

using namespace fu;
using namespace fu::test; // the Book and its helpers

// ---- The keep rules, pure ----

TEST_CASE("followup: channel_fits follows the promised channel")
{
    struct Row {
        const char* via;
        const char* kind;
        bool fits;
    };
    const std::vector<Row> rows{
        {"call", "call", true},        {"call", "voicemail", true},   {"call", "meeting", true},
        {"call", "visit", true},       {"call", "email", false},      {"call", "text", false},
        {"call", "note", false},       {"email", "email", true},      {"email", "call", false},
        {"email", "text", false},      {"email", "voicemail", false}, {"email", "meeting", false},
        {"text", "text", true},        {"text", "email", false},      {"text", "call", false},
        {"visit", "visit", true},      {"visit", "meeting", true},    {"visit", "call", false},
        {"visit", "voicemail", false}, {"visit", "email", false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.via);
        CAPTURE(r.kind);
        CHECK(channel_fits(r.via, r.kind) == r.fits);
    }
}

TEST_CASE("followup: keep_fit says why an interaction keeps a promise or not")
{
    const Settings settings;
    const fu::Zone& ny = fu::locate_zone("America/New_York");
    const Promise p = monday_promise();

    SUBCASE("an attempt in the window, or after it, keeps")
    {
        CHECK(keep_fit(attempt("call", "2026-06-15T15:00:00Z"), p, settings, ny) == KeepFit::keeps);
        CHECK(keep_fit(attempt("call", "2026-06-15T13:00:00Z"), p, settings, ny) == KeepFit::keeps);
        CHECK(keep_fit(attempt("call", "2026-06-17T15:00:00Z"), p, settings, ny) == KeepFit::keeps);
    }
    SUBCASE("a note is no attempt")
    {
        CHECK(keep_fit(attempt("note", "2026-06-15T15:00:00Z"), p, settings, ny) ==
              KeepFit::not_an_attempt);
    }
    SUBCASE("inbound keeps nothing by itself")
    {
        Interaction i = attempt("call", "2026-06-15T15:00:00Z");
        i.inbound = true;
        CHECK(keep_fit(i, p, settings, ny) == KeepFit::inbound);
    }
    SUBCASE("the wrong channel")
    {
        CHECK(keep_fit(attempt("email", "2026-06-15T15:00:00Z"), p, settings, ny) ==
              KeepFit::wrong_channel);
        CHECK(keep_fit(attempt("call", "2026-06-15T15:00:00Z"), monday_promise(7, "email"),
                       settings, ny) == KeepFit::wrong_channel);
        CHECK(keep_fit(attempt("meeting", "2026-06-15T15:00:00Z"), monday_promise(7, "visit"),
                       settings, ny) == KeepFit::keeps);
    }
    SUBCASE("a promise made after the interaction, or by it")
    {
        Promise later = p;
        later.made_at = at("2026-06-15T16:00:00Z");
        CHECK(keep_fit(attempt("call", "2026-06-15T15:00:00Z"), later, settings, ny) ==
              KeepFit::not_yet_made);
        Promise made_by_it = p;
        made_by_it.made_with = 3;
        CHECK(keep_fit(attempt("call", "2026-06-15T15:00:00Z", 3), made_by_it, settings, ny) ==
              KeepFit::not_yet_made);
        CHECK(keep_fit(attempt("call", "2026-06-15T15:00:00Z", 4), made_by_it, settings, ny) ==
              KeepFit::keeps);
    }
    SUBCASE("early: up to three working days before a window opening on Monday, across the weekend")
    {
        // Monday's window: three working days back is Wednesday 10 June (Fri, Thu, Wed).
        CHECK(keep_fit(attempt("call", "2026-06-15T12:59:59Z"), p, settings, ny) ==
              KeepFit::keeps); // Mon 08:59
        CHECK(keep_fit(attempt("call", "2026-06-13T15:00:00Z"), p, settings, ny) ==
              KeepFit::keeps); // Sat
        CHECK(keep_fit(attempt("call", "2026-06-12T15:00:00Z"), p, settings, ny) ==
              KeepFit::keeps); // Fri
        CHECK(keep_fit(attempt("call", "2026-06-10T14:00:00Z"), p, settings, ny) ==
              KeepFit::keeps); // Wed
        // Wednesday starts at midnight in New York, not in UTC.
        CHECK(keep_fit(attempt("call", "2026-06-10T04:00:00Z"), p, settings, ny) ==
              KeepFit::keeps); // Wed 00:00
        CHECK(keep_fit(attempt("call", "2026-06-10T03:59:59Z"), p, settings, ny) ==
              KeepFit::too_early); // Tue 23:59:59
        CHECK(keep_fit(attempt("call", "2026-06-09T15:00:00Z"), p, settings, ny) ==
              KeepFit::too_early); // Tue
    }
    SUBCASE(
        "an early attempt within the hour the promise was made is the conversation that made it")
    {
        Promise made_friday = p;
        made_friday.made_at = at("2026-06-12T14:00:00Z");
        CHECK(keep_fit(attempt("call", "2026-06-12T14:59:59Z"), made_friday, settings, ny) ==
              KeepFit::same_conversation);
        CHECK(keep_fit(attempt("call", "2026-06-12T15:00:00Z"), made_friday, settings, ny) ==
              KeepFit::keeps);
        // In the window, the hour does not matter.
        Promise made_in_window = p;
        made_in_window.made_at = at("2026-06-15T14:00:00Z");
        CHECK(keep_fit(attempt("call", "2026-06-15T14:10:00Z"), made_in_window, settings, ny) ==
              KeepFit::keeps);
    }
    SUBCASE("an agreed promise is never kept early")
    {
        const Promise agreed = monday_promise(7, "call", true);
        CHECK(keep_fit(attempt("call", "2026-06-12T15:00:00Z"), agreed, settings, ny) ==
              KeepFit::early_agreed);
        CHECK(keep_fit(attempt("call", "2026-06-15T12:59:59Z"), agreed, settings, ny) ==
              KeepFit::early_agreed);
        CHECK(keep_fit(attempt("call", "2026-06-15T13:00:00Z"), agreed, settings, ny) ==
              KeepFit::keeps);
    }
    SUBCASE("a reason for each refusal")
    {
        CHECK(keep_fit_reason(KeepFit::keeps, p, attempt("call", "2026-06-15T15:00:00Z")).empty());
        CHECK(
            keep_fit_reason(KeepFit::wrong_channel, p, attempt("email", "2026-06-15T15:00:00Z")) ==
            "p7 is a promised call; this was an email");
        CHECK(keep_fit_reason(KeepFit::early_agreed, p, attempt("call", "2026-06-12T15:00:00Z")) ==
              "p7 is an agreed time; this was early");
    }
}

TEST_CASE("followup: promise_kept_by picks, of the promises that fit, the one closing first")
{
    const Settings settings;
    const fu::Zone& ny = fu::locate_zone("America/New_York");
    Promise email_first = monday_promise(1, "email"); // closes first but does not fit a call
    Promise call_tuesday = monday_promise(2);
    call_tuesday.earliest += date::days{1};
    call_tuesday.latest += date::days{1};
    Promise call_wednesday = monday_promise(3);
    call_wednesday.earliest += date::days{2};
    call_wednesday.latest += date::days{2};
    Promise kept_already = monday_promise(4);
    kept_already.status = PromiseStatus::kept;

    const Interaction call = attempt("call", "2026-06-15T15:00:00Z");
    const auto kept = promise_kept_by(
        call, {call_wednesday, email_first, kept_already, call_tuesday}, settings, ny);
    REQUIRE(kept);
    CHECK(kept->id == 2);

    const auto by_email =
        promise_kept_by(attempt("email", "2026-06-15T15:00:00Z"),
                        {call_wednesday, email_first, call_tuesday}, settings, ny);
    REQUIRE(by_email);
    CHECK(by_email->id == 1);

    CHECK_FALSE(promise_kept_by(attempt("text", "2026-06-15T15:00:00Z"),
                                {call_wednesday, email_first, call_tuesday}, settings, ny));
}

// ---- The keep rules, as log applies them ----

TEST_CASE("followup: a logged attempt keeps a promise only on its channel")
{
    struct Row {
        const char* via;
        const char* kind;
        bool keeps;
    };
    const std::vector<Row> rows{
        {"call", "call", true},   {"call", "voicemail", true}, {"call", "meeting", true},
        {"call", "visit", true},  {"call", "email", false},    {"call", "text", false},
        {"email", "email", true}, {"email", "call", false},    {"email", "text", false},
        {"visit", "visit", true}, {"visit", "meeting", true},  {"visit", "call", false},
        {"text", "text", true},   {"text", "email", false},
    };
    for (const Row& r : rows) {
        const std::string name = std::string(r.via) + " promise, " + r.kind;
        SUBCASE(name.c_str())
        {
            Book book;
            const Contact ada = book.add("Ada");
            const Promise p = book.promise(ada, k_monday, r.via);
            REQUIRE(p.earliest == monday_opens());
            REQUIRE(p.latest == monday_closes());
            const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", book.by(r.kind));
            if (r.keeps) {
                REQUIRE(logged.kept);
                CHECK(logged.kept->id == p.id);
                CHECK(logged.kept->status == PromiseStatus::kept);
                CHECK_FALSE(logged.not_kept);
                CHECK(logged.interaction.promise_id == p.id);
                CHECK(book.fresh(p).status == PromiseStatus::kept);
                CHECK(book.fresh(p).resolved_at == at("2026-06-15T15:00:00Z"));
                CHECK_FALSE(logged.has_open_promise);
            } else {
                CHECK_FALSE(logged.kept);
                REQUIRE(logged.not_kept);
                CHECK(logged.not_kept->id == p.id);
                CHECK(logged.not_kept_because == KeepFit::wrong_channel);
                CHECK_FALSE(logged.interaction.promise_id);
                CHECK(book.fresh(p).status == PromiseStatus::open);
                CHECK(logged.has_open_promise);
            }
        }
    }
}

TEST_CASE("followup: when the contact reached out, only --promise keeps a promise")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);

    SUBCASE("inbound")
    {
        LogRequest request = book.call();
        request.inbound = true;
        const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", request);
        CHECK(is_inbound(logged.interaction));
        CHECK_FALSE(logged.kept);
        REQUIRE(logged.not_kept);
        CHECK(logged.not_kept_because == KeepFit::inbound);
        CHECK(book.fresh(p).status == PromiseStatus::open);
    }
    SUBCASE("outcome replied implies inbound")
    {
        const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", book.call("replied"));
        CHECK(is_inbound(logged.interaction));
        CHECK(is_inbound(book.fresh(logged.interaction)));
        CHECK_FALSE(logged.kept);
        CHECK(logged.not_kept_because == KeepFit::inbound);
        CHECK(book.fresh(p).status == PromiseStatus::open);
    }
    SUBCASE("inbound with --promise keeps the named promise")
    {
        LogRequest request = book.call("replied");
        request.promise = p.id;
        const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", request);
        REQUIRE(logged.kept);
        CHECK(logged.kept->id == p.id);
        CHECK(logged.interaction.keeps == KeepChoice::chosen);
        CHECK(book.fresh(p).status == PromiseStatus::kept);
        // A recomputation honours the choice.
        const Recomputed again = book.write("recompute", at("2026-06-15T16:00:00Z"), [&] {
            return recompute_verdicts(book.store, ada.id, book.context(at("2026-06-15T16:00:00Z")));
        });
        CHECK(again.kept.empty());
        CHECK(again.reopened.empty());
        CHECK(book.fresh(p).status == PromiseStatus::kept);
    }
}

TEST_CASE("followup: a note keeps no promise")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", book.by("note"));
    CHECK_FALSE(logged.kept);
    REQUIRE(logged.not_kept);
    CHECK(logged.not_kept->id == p.id);
    CHECK(logged.not_kept_because == KeepFit::not_an_attempt);
    CHECK(book.fresh(p).status == PromiseStatus::open);
}

TEST_CASE("followup: early attempts keep a promise not agreed, up to three working days before")
{
    Book book;
    const Contact ada = book.add("Ada");

    SUBCASE("not agreed: the Wednesday before a Monday window keeps it on time")
    {
        const Promise p = book.promise(ada, k_monday);
        const Logged logged = book.log(ada, "2026-06-10T14:00:00Z", book.call());
        REQUIRE(logged.kept);
        CHECK(logged.kept->id == p.id);
        CHECK(book.fresh(p).status == PromiseStatus::kept);
        CHECK(book.fresh(p).resolved_at == at("2026-06-10T14:00:00Z"));
    }
    SUBCASE("not agreed: the Tuesday before is too early")
    {
        const Promise p = book.promise(ada, k_monday);
        const Logged logged = book.log(ada, "2026-06-09T20:00:00Z", book.call());
        CHECK_FALSE(logged.kept);
        REQUIRE(logged.not_kept);
        CHECK(logged.not_kept->id == p.id);
        CHECK(logged.not_kept_because == KeepFit::too_early);
        CHECK(book.fresh(p).status == PromiseStatus::open);
    }
    SUBCASE("agreed: never kept early, not even on the morning of the day")
    {
        const Promise p = book.promise(ada, k_monday, "call", true);
        REQUIRE(p.agreed);
        for (const char* when : {"2026-06-10T14:00:00Z", "2026-06-15T12:30:00Z"}) {
            CAPTURE(when);
            const Logged logged = book.log(ada, when, book.call());
            CHECK_FALSE(logged.kept);
            REQUIRE(logged.not_kept);
            CHECK(logged.not_kept->id == p.id);
            CHECK(logged.not_kept_because == KeepFit::early_agreed);
            CHECK(book.fresh(p).status == PromiseStatus::open);
            CHECK(logged.has_open_promise);
        }
        // In the window it keeps.
        const Logged in_window = book.log(ada, "2026-06-15T13:30:00Z", book.call());
        REQUIRE(in_window.kept);
        CHECK(in_window.kept->id == p.id);
    }
}

TEST_CASE("followup: the call logged just after making a promise does not keep it early")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday, "call", false, at("2026-06-12T14:00:00Z"));
    const Logged same = book.log(ada, "2026-06-12T14:20:00Z", book.call());
    CHECK_FALSE(same.kept);
    REQUIRE(same.not_kept);
    CHECK(same.not_kept_because == KeepFit::same_conversation);
    CHECK(book.fresh(p).status == PromiseStatus::open);
    const Logged later = book.log(ada, "2026-06-12T16:00:00Z", book.call());
    REQUIRE(later.kept);
    CHECK(later.kept->id == p.id);
}

TEST_CASE("followup: an attempt after the window keeps the promise late")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    SUBCASE("the day after")
    {
        const Logged logged = book.log(ada, "2026-06-16T14:00:00Z", book.call());
        REQUIRE(logged.kept);
        CHECK(logged.kept->status == PromiseStatus::late);
        CHECK(book.fresh(p).status == PromiseStatus::late);
        CHECK(book.fresh(p).resolved_at == at("2026-06-16T14:00:00Z"));
    }
    SUBCASE("the window is half-open: its last second is on time, its end is late")
    {
        LogRequest on_time = book.call();
        on_time.at = monday_closes() - std::chrono::seconds{1};
        const Logged logged = book.log(ada, "2026-06-16T14:00:00Z", on_time);
        REQUIRE(logged.kept);
        CHECK(logged.kept->status == PromiseStatus::kept);
    }
    SUBCASE("at the end of the window")
    {
        LogRequest late = book.call();
        late.at = monday_closes();
        const Logged logged = book.log(ada, "2026-06-16T14:00:00Z", late);
        REQUIRE(logged.kept);
        CHECK(logged.kept->status == PromiseStatus::late);
        CHECK(book.fresh(p).resolved_at == monday_closes());
    }
}

TEST_CASE("followup: --aside keeps no promise")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    LogRequest request = book.call();
    request.aside = true;
    const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", request);
    CHECK_FALSE(logged.kept);
    CHECK(logged.interaction.keeps == KeepChoice::aside);
    CHECK_FALSE(book.fresh(logged.interaction).promise_id);
    CHECK(book.fresh(logged.interaction).keeps == KeepChoice::aside);
    CHECK(book.fresh(p).status == PromiseStatus::open);
    CHECK(logged.has_open_promise);
    // Recomputing the history honours --aside.
    const Recomputed again = book.write("recompute", at("2026-06-15T16:00:00Z"), [&] {
        return recompute_verdicts(book.store, ada.id, book.context(at("2026-06-15T16:00:00Z")));
    });
    CHECK(again.kept.empty());
    CHECK(book.fresh(p).status == PromiseStatus::open);
}

TEST_CASE("followup: --promise keeps the named promise even when another closes first")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise first = book.promise(ada, k_monday);
    const Promise named = book.promise(ada, "2026-06-17");
    REQUIRE(first.latest < named.latest);

    LogRequest request = book.call();
    request.promise = named.id;
    const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", request);
    REQUIRE(logged.kept);
    CHECK(logged.kept->id == named.id);
    CHECK(logged.interaction.keeps == KeepChoice::chosen);
    CHECK(book.fresh(logged.interaction).promise_id == named.id);
    CHECK(book.fresh(named).status == PromiseStatus::kept);
    CHECK(book.fresh(first).status == PromiseStatus::open);

    // Recomputing keeps the choice.
    const Recomputed again = book.write("recompute", at("2026-06-15T16:00:00Z"), [&] {
        return recompute_verdicts(book.store, ada.id, book.context(at("2026-06-15T16:00:00Z")));
    });
    CHECK(again.kept.empty());
    CHECK(again.reopened.empty());
    CHECK(book.fresh(named).status == PromiseStatus::kept);
    CHECK(book.fresh(first).status == PromiseStatus::open);

    // Naming a promise that is no longer open finds nothing.
    LogRequest again_named = book.call();
    again_named.promise = named.id;
    CHECK(status_of([&] { book.log(ada, "2026-06-15T17:00:00Z", again_named); }) ==
          k_exit_not_found);
}

TEST_CASE("followup: of several open promises an attempt keeps the one closing first that fits")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise email_monday = book.promise(ada, k_monday, "email");
    const Promise call_wednesday = book.promise(ada, "2026-06-17");
    const Promise call_tuesday = book.promise(ada, "2026-06-16");

    const Logged first = book.log(ada, "2026-06-15T15:00:00Z", book.call());
    REQUIRE(first.kept);
    CHECK(first.kept->id == call_tuesday.id);
    CHECK(book.fresh(call_tuesday).status == PromiseStatus::kept);
    CHECK(book.fresh(call_wednesday).status == PromiseStatus::open);
    CHECK(book.fresh(email_monday).status == PromiseStatus::open);

    const Logged second = book.log(ada, "2026-06-15T16:00:00Z", book.call());
    REQUIRE(second.kept);
    CHECK(second.kept->id == call_wednesday.id);

    const Logged email = book.log(ada, "2026-06-15T17:00:00Z", book.by("email"));
    REQUIRE(email.kept);
    CHECK(email.kept->id == email_monday.id);
    CHECK_FALSE(email.has_open_promise);
}

TEST_CASE("followup: the promise made by log --next is not kept by the interaction that made it")
{
    Book book;
    const Contact ada = book.add("Ada");

    SUBCASE("a next step for today, made by a call now")
    {
        LogRequest request = book.call();
        request.next = PromiseRequest{"today", "send the quote", false, "call"};
        const Logged logged = book.log(ada, "2026-06-15T14:00:00Z", request);
        REQUIRE(logged.next);
        const Promise next = logged.next->promise;
        CHECK(next.made_with == logged.interaction.id);
        CHECK(next.made_at == logged.interaction.at);
        REQUIRE(next.earliest <= logged.interaction.at); // the call is in the window
        CHECK(book.fresh(next).status == PromiseStatus::open);
        CHECK(logged.has_open_promise);
        CHECK(keep_fit(book.fresh(logged.interaction), book.fresh(next), book.settings,
                       book.zone) == KeepFit::not_yet_made);
        // Recomputing the history does not let the call keep it either.
        const Recomputed again = book.write("recompute", at("2026-06-15T15:00:00Z"), [&] {
            return recompute_verdicts(book.store, ada.id, book.context(at("2026-06-15T15:00:00Z")));
        });
        CHECK(again.kept.empty());
        CHECK(book.fresh(next).status == PromiseStatus::open);
        CHECK_FALSE(book.fresh(logged.interaction).promise_id);
        // The next call keeps it.
        const Logged later = book.log(ada, "2026-06-15T16:00:00Z", book.call());
        REQUIRE(later.kept);
        CHECK(later.kept->id == next.id);
    }
    SUBCASE("the call keeps the promise before and makes the next one")
    {
        const Promise p = book.promise(ada, k_monday);
        LogRequest request = book.call();
        request.next = PromiseRequest{"2026-06-22", "demo", true, "call"};
        const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", request);
        REQUIRE(logged.kept);
        CHECK(logged.kept->id == p.id);
        REQUIRE(logged.next);
        CHECK(book.fresh(logged.next->promise).status == PromiseStatus::open);
        CHECK(book.fresh(logged.next->promise).agreed);
        CHECK(logged.has_open_promise);
    }
}

TEST_CASE("followup: a no keeps nothing, cancels every open promise and closes the contact")
{
    for (const char* outcome : {"not-interested", "lost"}) {
        SUBCASE(outcome)
        {
            Book book;
            const Contact ada = book.add("Ada");
            const Contact bob = book.add("Bob");
            const Promise call = book.promise(ada, k_monday);
            const Promise email = book.promise(ada, "2026-06-16", "email");
            const Promise bobs = book.promise(bob, k_monday);
            const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", book.call(outcome));
            CHECK_FALSE(logged.kept);
            CHECK_FALSE(logged.interaction.promise_id);
            CHECK(ids_of(logged.cancelled) == std::vector<Id>{call.id, email.id});
            CHECK(logged.out_of_follow_up);
            CHECK_FALSE(logged.has_open_promise);
            for (const Promise& p : {call, email}) {
                const Promise now = book.fresh(p);
                CHECK(now.status == PromiseStatus::cancelled);
                CHECK(now.resolved_at == at("2026-06-15T15:00:00Z"));
                CHECK(now.reason == outcome);
            }
            CHECK(book.contact(ada).closed_at == at("2026-06-15T15:00:00Z"));
            // Other contacts are untouched.
            CHECK(book.fresh(bobs).status == PromiseStatus::open);
            CHECK_FALSE(book.contact(bob).closed_at);
        }
    }
}

TEST_CASE("followup: log refuses contradictions and times in the future")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    LogRequest request = book.call();

    SUBCASE("--promise with a note")
    {
        request.kind = "note";
        request.promise = p.id;
        CHECK(status_of([&] { book.log(ada, "2026-06-15T15:00:00Z", request); }) == k_exit_usage);
    }
    SUBCASE("--promise with a no")
    {
        request.outcome = "not-interested";
        request.promise = p.id;
        CHECK(status_of([&] { book.log(ada, "2026-06-15T15:00:00Z", request); }) == k_exit_usage);
        CHECK_FALSE(book.contact(ada).closed_at);
    }
    SUBCASE("--promise with --aside")
    {
        request.aside = true;
        request.promise = p.id;
        CHECK(status_of([&] { book.log(ada, "2026-06-15T15:00:00Z", request); }) == k_exit_usage);
    }
    SUBCASE("--next with a no")
    {
        request.outcome = "lost";
        request.next = PromiseRequest{"2026-06-22", "again", false, "call"};
        CHECK(status_of([&] { book.log(ada, "2026-06-15T15:00:00Z", request); }) == k_exit_usage);
        CHECK(book.store.promises_of(ada.id).size() == 1);
    }
    SUBCASE("a time in the future")
    {
        request.at = at("2026-06-15T15:00:01Z");
        CHECK(status_of([&] { book.log(ada, "2026-06-15T15:00:00Z", request); }) == k_exit_usage);
    }
    SUBCASE("an unknown kind")
    {
        request.kind = "fax";
        CHECK(status_of([&] { book.log(ada, "2026-06-15T15:00:00Z", request); }) == k_exit_usage);
    }
    // Nothing was recorded, and the promise is still open.
    CHECK(book.interactions(ada).empty());
    CHECK(book.fresh(p).status == PromiseStatus::open);
}

// ---- Corrections ----

