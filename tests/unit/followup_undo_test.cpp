// Unit tests of the domain layer (fu/followup.hpp): making, moving and dropping promises, purge, and undo. No CLI: the domain functions are
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

TEST_CASE("followup: purge_contact erases the contact, its promises and its interactions")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Contact bob = book.add("Bob");
    const Promise adas = book.promise(ada, k_monday);
    const Promise bobs = book.promise(bob, k_monday);
    const Logged adas_call = book.log(ada, "2026-06-15T15:00:00Z", book.call());
    LogRequest with_next = book.call();
    with_next.next = PromiseRequest{"2026-06-22", "demo", false, "call"};
    book.log(ada, "2026-06-15T16:00:00Z", with_next);
    const Logged bobs_call = book.log(bob, "2026-06-15T15:00:00Z", book.call());
    REQUIRE(book.store.promises_of(ada.id).size() == 2);

    book.write("fu purge Ada", at("2026-06-16T14:00:00Z"),
               [&] { purge_contact(book.store, book.contact(ada)); });
    CHECK_FALSE(book.store.contact(ada.id));
    CHECK(book.store.promises_of(ada.id).empty());
    CHECK_FALSE(book.store.promise(adas.id));
    CHECK(book.interactions(ada).empty());
    CHECK_FALSE(book.store.interaction(adas_call.interaction.id));
    // Bob keeps everything.
    CHECK(book.store.contact(bob.id));
    CHECK(book.fresh(bobs).status == PromiseStatus::kept);
    CHECK(book.interactions(bob).size() == 1);
    CHECK(book.fresh(bobs_call.interaction).promise_id == bobs.id);
}

// ---- Undo ----

TEST_CASE("followup: undo takes back a log with --next: promise states, the interaction and the "
          "next promise")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    const Promise other = book.promise(ada, "2026-06-17");
    const std::string promises_before = summary(book.store.promises_of(ada.id));
    const std::string interactions_before = summary(book.interactions(ada));
    REQUIRE(interactions_before.empty());

    LogRequest request = book.call();
    request.next = PromiseRequest{"2026-06-22", "demo", true, "call"};
    const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", request);
    REQUIRE(logged.kept);
    REQUIRE(logged.next);
    REQUIRE(book.store.promises_of(ada.id).size() == 3);
    REQUIRE(summary(book.store.promises_of(ada.id)) != promises_before);

    const Undone undone = book.undo(std::nullopt, at("2026-06-15T16:00:00Z"));
    CHECK(undone.entry.command == "fu log call");
    CHECK(undone.entry.contacts == std::vector<Id>{ada.id});
    CHECK(summary(book.store.promises_of(ada.id)) == promises_before);
    CHECK(summary(book.interactions(ada)) == interactions_before);
    CHECK(book.fresh(p).status == PromiseStatus::open);
    CHECK(book.fresh(other).status == PromiseStatus::open);
    CHECK_FALSE(book.store.promise(logged.next->promise.id));
    CHECK_FALSE(book.store.interaction(logged.interaction.id));
    // The undone entry is no longer offered; it is still listed with its time.
    CHECK(book.store.journal().front().command == "fu promise 2026-06-17");
    const auto all = book.store.journal(true);
    REQUIRE_FALSE(all.empty());
    CHECK(all.front().undone_at == at("2026-06-15T16:00:00Z"));
}

TEST_CASE("followup: undo takes back a no: promises reopen, the contact is back")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    const std::string before = summary(book.store.promises_of(ada.id));
    book.log(ada, "2026-06-15T15:00:00Z", book.call("not-interested"));
    REQUIRE(book.contact(ada).closed_at);
    book.undo(std::nullopt, at("2026-06-15T16:00:00Z"));
    CHECK(summary(book.store.promises_of(ada.id)) == before);
    CHECK(book.fresh(p).status == PromiseStatus::open);
    CHECK_FALSE(book.contact(ada).closed_at);
    CHECK(book.interactions(ada).empty());
}

TEST_CASE("followup: undoing twice steps back two changes")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", book.call());
    REQUIRE(logged.kept);
    REQUIRE(book.store.journal().size() == 3);

    const Undone first = book.undo(std::nullopt, at("2026-06-15T16:00:00Z"));
    CHECK(first.entry.command == "fu log call");
    CHECK(book.interactions(ada).empty());
    CHECK(book.fresh(p).status == PromiseStatus::open);

    const Undone second = book.undo(std::nullopt, at("2026-06-15T16:01:00Z"));
    CHECK(second.entry.command == "fu promise 2026-06-15");
    CHECK(second.entry.id < first.entry.id);
    CHECK(book.store.promises_of(ada.id).empty());
    CHECK(book.store.contact(ada.id)); // the contact itself was the change before
    REQUIRE(book.store.journal().size() == 1);
    CHECK(book.store.journal().front().command == "fu add Ada");
}

TEST_CASE("followup: undo refuses a change that a later change to the same contact depends on")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Contact bob = book.add("Bob");
    const Promise p = book.promise(ada, k_monday);
    const Id promise_change = book.store.journal().front().id;
    book.log(ada, "2026-06-15T15:00:00Z", book.call());
    const Promise bobs = book.promise(bob, k_monday, "call", false, at("2026-06-15T15:30:00Z"));

    const std::string promises_before = summary(book.store.promises_of(ada.id));
    const std::string interactions_before = summary(book.interactions(ada));
    const auto journal_before = book.store.journal().size();

    int status = 0;
    try {
        book.undo(promise_change, at("2026-06-15T16:00:00Z"));
    } catch (const Error& e) {
        status = e.status();
        CHECK(std::string(e.what()).find(change_ref(promise_change)) != std::string::npos);
    }
    CHECK(status == k_exit_conflict);
    CHECK(summary(book.store.promises_of(ada.id)) == promises_before);
    CHECK(summary(book.interactions(ada)) == interactions_before);
    CHECK(book.store.journal().size() == journal_before);
    CHECK(book.fresh(p).status == PromiseStatus::kept);
    CHECK(book.fresh(bobs).status == PromiseStatus::open);
}

TEST_CASE("followup: undo of an older change to another contact")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Contact bob = book.add("Bob");
    const Promise bobs = book.promise(bob, k_monday);
    const Id bobs_change = book.store.journal().front().id;
    const Promise adas = book.promise(ada, k_monday);
    const Logged call = book.log(ada, "2026-06-15T15:00:00Z", book.call());
    REQUIRE(call.kept);

    const Undone undone = book.undo(bobs_change, at("2026-06-15T16:00:00Z"));
    CHECK(undone.entry.id == bobs_change);
    CHECK_FALSE(book.store.promise(bobs.id));
    CHECK(book.store.contact(bob.id));
    // Ada's later changes stand.
    CHECK(book.fresh(adas).status == PromiseStatus::kept);
    CHECK(book.fresh(call.interaction).promise_id == adas.id);
    // The newest change is still the first to undo.
    CHECK(book.store.journal().front().command == "fu log call");
    // Naming the undone change again finds nothing.
    CHECK(status_of([&] { book.undo(bobs_change, at("2026-06-15T16:01:00Z")); }) ==
          k_exit_not_found);
}

TEST_CASE("followup: nothing to undo")
{
    Book book;
    CHECK(status_of([&] { book.undo(std::nullopt, at("2026-06-15T16:00:00Z")); }) ==
          k_exit_not_found);

    const Contact ada = book.add("Ada");
    book.undo(std::nullopt, at("2026-06-15T16:00:00Z"));
    CHECK_FALSE(book.store.contact(ada.id));
    CHECK(book.store.journal().empty());
    CHECK(status_of([&] { book.undo(std::nullopt, at("2026-06-15T16:01:00Z")); }) ==
          k_exit_not_found);
    // An undo does not journal itself: there is no redo entry to take back.
    CHECK(book.store.journal(true).size() == 1);
}

// ---- Promises made, moved and dropped ----

TEST_CASE("followup: make_promise stores an open promise on the resolved window")
{
    Book book;
    const Contact ada = book.add("Ada");
    PromiseRequest request;
    request.when = k_monday;
    request.about = "  send the quote  ";
    request.via = "email";
    const PromiseMade made = book.write("fu promise", k_start(), [&] {
        return make_promise(book.store, ada, request, book.context(k_start()));
    });
    const Promise stored = book.fresh(made.promise);
    CHECK(stored.contact_id == ada.id);
    CHECK(stored.status == PromiseStatus::open);
    CHECK(stored.earliest == monday_opens());
    CHECK(stored.latest == monday_closes());
    CHECK(stored.made_at == k_start());
    CHECK(stored.text == k_monday);
    CHECK(stored.zone == "America/New_York");
    CHECK(stored.about == "send the quote");
    CHECK(stored.via == "email");
    CHECK_FALSE(stored.agreed);
    CHECK_FALSE(stored.made_with);
    CHECK_FALSE(made.back_in_follow_up);

    SUBCASE("bad words and an unknown channel are refused, and nothing is stored")
    {
        PromiseRequest bad_words = request;
        bad_words.when = "blorp glorp";
        CHECK(status_of([&] {
                  book.write("fu promise", k_start(), [&] {
                      return make_promise(book.store, ada, bad_words, book.context(k_start()));
                  });
              }) == k_exit_usage);
        PromiseRequest bad_via = request;
        bad_via.via = "fax";
        CHECK(status_of([&] {
                  book.write("fu promise", k_start(), [&] {
                      return make_promise(book.store, ada, bad_via, book.context(k_start()));
                  });
              }) == k_exit_usage);
        CHECK(book.store.promises_of(ada.id).size() == 1);
    }
    SUBCASE("a promise to a contact who said no brings them back")
    {
        book.log(ada, "2026-06-02T15:00:00Z", book.call("lost"));
        REQUIRE(book.contact(ada).closed_at);
        REQUIRE(book.fresh(made.promise).status == PromiseStatus::cancelled);
        const Instant now = at("2026-06-03T15:00:00Z");
        const PromiseMade again = book.write("fu promise", now, [&] {
            return make_promise(book.store, book.contact(ada), request, book.context(now));
        });
        CHECK(again.back_in_follow_up);
        CHECK_FALSE(book.contact(ada).closed_at);
    }
}

TEST_CASE(
    "followup: reschedule_promise moves an open promise, renegotiated in time or broken after")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday, "email", true);

    SUBCASE("in time")
    {
        const Instant now = at("2026-06-15T15:00:00Z");
        const Rescheduled moved = book.write("fu reschedule", now, [&] {
            return reschedule_promise(book.store, ada, book.fresh(p), "2026-06-17", " they asked ",
                                      book.context(now));
        });
        CHECK(moved.previous.status == PromiseStatus::renegotiated);
        const Promise old_one = book.fresh(p);
        const Promise new_one = book.fresh(moved.moved.promise);
        CHECK(old_one.status == PromiseStatus::renegotiated);
        CHECK(old_one.resolved_at == now);
        CHECK(old_one.reason == "they asked");
        CHECK(old_one.replaced_by == new_one.id);
        CHECK(new_one.rescheduled_from == p.id);
        CHECK(new_one.status == PromiseStatus::open);
        CHECK(new_one.earliest == at("2026-06-17T13:00:00Z"));
        CHECK(new_one.about == p.about);
        CHECK(new_one.agreed);
        CHECK(new_one.via == "email");

        // A later email in the new window keeps the new promise; the old one stays renegotiated.
        const Logged email = book.log(ada, "2026-06-17T15:00:00Z", book.by("email"));
        REQUIRE(email.kept);
        CHECK(email.kept->id == new_one.id);
        const Recomputed again = book.write("recompute", at("2026-06-17T16:00:00Z"), [&] {
            return recompute_verdicts(book.store, ada.id, book.context(at("2026-06-17T16:00:00Z")));
        });
        CHECK(again.kept.empty());
        CHECK(again.reopened.empty());
        CHECK(book.fresh(p).status == PromiseStatus::renegotiated);
    }
    SUBCASE("after the window closed")
    {
        const Instant now = at("2026-06-16T15:00:00Z");
        const Rescheduled moved = book.write("fu reschedule", now, [&] {
            return reschedule_promise(book.store, ada, book.fresh(p), "2026-06-18", "",
                                      book.context(now));
        });
        CHECK(moved.previous.status == PromiseStatus::broken);
        CHECK(book.fresh(p).status == PromiseStatus::broken);
        CHECK(book.fresh(moved.moved.promise).status == PromiseStatus::open);
    }
}

TEST_CASE("followup: cancel_promise drops an open promise for good")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Promise p = book.promise(ada, k_monday);
    const Instant now = at("2026-06-12T15:00:00Z");
    const Promise cancelled = book.write("fu cancel", now, [&]() -> Promise {
        return cancel_promise(book.store, book.fresh(p), "  no longer needed ", book.context(now)).promise;
    });
    CHECK(cancelled.status == PromiseStatus::cancelled);
    CHECK(book.fresh(p).status == PromiseStatus::cancelled);
    CHECK(book.fresh(p).resolved_at == now);
    CHECK(book.fresh(p).reason == "no longer needed");

    // A call in its window keeps nothing, now or when the history is worked out again.
    const Logged call = book.log(ada, "2026-06-15T15:00:00Z", book.call());
    CHECK_FALSE(call.kept);
    CHECK_FALSE(call.not_kept);
    CHECK_FALSE(call.has_open_promise);
    book.write("recompute", at("2026-06-15T16:00:00Z"), [&] {
        return recompute_verdicts(book.store, ada.id, book.context(at("2026-06-15T16:00:00Z")));
    });
    CHECK(book.fresh(p).status == PromiseStatus::cancelled);
    CHECK_FALSE(book.fresh(call.interaction).promise_id);
}

// ---- More corrections: a history worked out again must match the history as logged ----

TEST_CASE("followup: undo brings a purged contact back with its promises and interactions")
{
    Book book;
    const Contact ada = book.add("Ada");
    book.promise(ada, k_monday);
    book.promise(ada, "2026-06-17", "email");
    book.log(ada, "2026-06-15T15:00:00Z", book.call());
    const std::string promises_before = summary(book.store.promises_of(ada.id));
    const std::string interactions_before = summary(book.interactions(ada));
    REQUIRE_FALSE(interactions_before.empty());

    book.write("fu rm --purge Ada", at("2026-06-16T14:00:00Z"),
               [&] { purge_contact(book.store, book.contact(ada)); });
    REQUIRE_FALSE(book.store.contact(ada.id));
    REQUIRE(book.store.promises_of(ada.id).empty());

    const Undone undone = book.undo(std::nullopt, at("2026-06-16T15:00:00Z"));
    CHECK(undone.entry.command == "fu rm --purge Ada");
    REQUIRE(book.store.contact(ada.id));
    CHECK(book.contact(ada).name == "Ada");
    CHECK(summary(book.store.promises_of(ada.id)) == promises_before);
    CHECK(summary(book.interactions(ada)) == interactions_before);
}

TEST_CASE("followup: undo of a correction that moved an interaction restores both contacts")
{
    Book book;
    const Contact ada = book.add("Ada");
    const Contact bob = book.add("Bob");
    const Promise adas = book.promise(ada, k_monday);
    const Promise bobs = book.promise(bob, k_monday);
    const Logged logged = book.log(ada, "2026-06-15T15:00:00Z", book.call());
    REQUIRE(logged.kept);
    const std::string before = summary(book.store.promises_of(ada.id)) +
                               summary(book.store.promises_of(bob.id)) +
                               summary(book.interactions(ada)) + summary(book.interactions(bob));

    const Instant now = at("2026-06-15T18:00:00Z");
    InteractionCorrection move;
    move.contact_id = bob.id;
    book.write("fu fix --contact bob", now, [&] {
        return correct_interaction(book.store, book.fresh(logged.interaction), move,
                                   book.context(now));
    });
    REQUIRE(book.fresh(bobs).status == PromiseStatus::kept);
    const auto entry = book.store.journal().front();
    CHECK(entry.contacts == std::vector<Id>{ada.id, bob.id});

    book.undo(std::nullopt, at("2026-06-15T19:00:00Z"));
    CHECK(summary(book.store.promises_of(ada.id)) + summary(book.store.promises_of(bob.id)) +
              summary(book.interactions(ada)) + summary(book.interactions(bob)) ==
          before);
    CHECK(book.fresh(adas).status == PromiseStatus::kept);
    CHECK(book.fresh(bobs).status == PromiseStatus::open);
}

// ---- What log tells the user next ----

