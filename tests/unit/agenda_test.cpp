// Agenda: classification, ordering, keeping and moving promises, statistics.
#include <doctest/doctest.h>

#include "fu/agenda.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;
using std::chrono::hours;
using std::chrono::minutes;

namespace {
ContactChanges named(const char* name)
{
    ContactChanges c;
    c.name = name;
    return c;
}
const ContactChanges bob = named("Bob");

Promise window(Id id, const char* earliest, const char* latest, const char* made = "2026-06-01T00:00:00Z")
{
    Promise p;
    p.id = id;
    p.made_at = at(made);
    p.earliest = at(earliest);
    p.latest = at(latest);
    return p;
}
} // namespace

TEST_CASE("classification uses half-open windows")
{
    const Promise p = window(1, "2026-06-15T13:00:00Z", "2026-06-15T21:00:00Z");
    CHECK(classify(p, at("2026-06-15T12:59:59Z")) == DueState::upcoming);
    CHECK(classify(p, at("2026-06-15T13:00:00Z")) == DueState::due);
    CHECK(classify(p, at("2026-06-15T20:59:59Z")) == DueState::due);
    CHECK(classify(p, at("2026-06-15T21:00:00Z")) == DueState::overdue);
}

TEST_CASE("keeping and moving promises")
{
    const Promise p = window(1, "2026-06-15T13:00:00Z", "2026-06-15T21:00:00Z");
    CHECK(keeping_status(p, at("2026-06-15T10:00:00Z")) == PromiseStatus::kept); // early is on time
    CHECK(keeping_status(p, at("2026-06-15T20:59:59Z")) == PromiseStatus::kept);
    CHECK(keeping_status(p, at("2026-06-15T21:00:00Z")) == PromiseStatus::late);
    CHECK(rescheduling_status(p, at("2026-06-15T20:00:00Z")) == PromiseStatus::renegotiated);
    CHECK(rescheduling_status(p, at("2026-06-16T09:00:00Z")) == PromiseStatus::broken);
}

TEST_CASE("agenda order: overdue longest first, due closing soonest, upcoming opening soonest")
{
    std::vector<AgendaItem> items;
    const auto add = [&](Id id, DueState state, const char* earliest, const char* latest) {
        AgendaItem item;
        item.promise = window(id, earliest, latest);
        item.state = state;
        items.push_back(item);
    };
    add(1, DueState::upcoming, "2026-06-16T13:00:00Z", "2026-06-16T14:00:00Z");
    add(2, DueState::due, "2026-06-15T10:00:00Z", "2026-06-15T22:00:00Z");
    add(3, DueState::overdue, "2026-06-12T10:00:00Z", "2026-06-13T10:00:00Z");
    add(4, DueState::upcoming, "2026-06-15T20:00:00Z", "2026-06-17T14:00:00Z");
    add(5, DueState::due, "2026-06-15T12:00:00Z", "2026-06-15T16:00:00Z");
    add(6, DueState::overdue, "2026-06-10T10:00:00Z", "2026-06-11T10:00:00Z");
    order_agenda(items);
    std::vector<Id> ids;
    for (const auto& item : items) {
        ids.push_back(item.promise.id);
    }
    CHECK(ids == std::vector<Id>{6, 3, 5, 2, 4, 1});
}

TEST_CASE("statistics are counted by the store and classified by the domain")
{
    const Instant now = at("2026-06-20T12:00:00Z");
    Store store = Store::open_in_memory();
    const Id bob_id = store.add_contact(bob, at("2026-06-01T12:00:00Z"));
    const auto add = [&](PromiseStatus status, const char* latest, const char* resolved,
                         const char* made = "2026-06-15T12:00:00Z") {
        Promise p = window(0, "2026-06-15T13:00:00Z", latest);
        p.contact_id = bob_id;
        p.made_at = at(made);
        p.status = status;
        if (resolved != nullptr) {
            p.resolved_at = at(resolved);
        }
        store.add_promise(p);
    };
    add(PromiseStatus::kept, "2026-06-15T21:00:00Z", "2026-06-15T14:00:00Z");
    add(PromiseStatus::late, "2026-06-15T21:00:00Z", "2026-06-16T21:00:00Z"); // 24h late
    add(PromiseStatus::late, "2026-06-15T21:00:00Z", "2026-06-15T23:00:00Z"); // 2h late
    add(PromiseStatus::renegotiated, "2026-06-15T21:00:00Z", "2026-06-15T20:00:00Z");
    add(PromiseStatus::broken, "2026-06-15T21:00:00Z", "2026-06-17T20:00:00Z");
    add(PromiseStatus::cancelled, "2026-06-15T21:00:00Z", "2026-06-15T20:00:00Z");
    add(PromiseStatus::open, "2026-06-19T21:00:00Z", nullptr); // overdue
    add(PromiseStatus::open, "2026-06-22T21:00:00Z", nullptr); // open
    // Made before --since: counted in all time only.
    add(PromiseStatus::late, "2026-06-15T21:00:00Z", "2026-06-25T21:00:00Z", "2026-06-01T12:00:00Z");
    for (const char* outcome : {"no-answer", "left-message", "reached", "replied"}) {
        Interaction i;
        i.contact_id = bob_id;
        i.at = at("2026-06-16T12:00:00Z");
        i.kind = "call";
        i.outcome = outcome;
        store.add_interaction(i);
    }
    Interaction note;
    note.contact_id = bob_id;
    note.at = at("2026-06-16T12:00:00Z");
    note.kind = "note";
    store.add_interaction(note);
    Interaction inbound;
    inbound.contact_id = bob_id;
    inbound.at = at("2026-06-16T12:00:00Z");
    inbound.kind = "call";
    inbound.outcome = "reached";
    inbound.inbound = true;
    store.add_interaction(inbound);

    const PromiseStats s = compute_stats(store.count_record(at("2026-06-10T00:00:00Z"), now));
    CHECK(s.made == 8);
    CHECK(s.on_time == 1);
    CHECK(s.late == 2);
    CHECK(s.renegotiated_in_time == 1);
    CHECK(s.broken == 1);
    CHECK(s.cancelled == 1);
    CHECK(s.overdue == 1);
    CHECK(s.open == 1);
    REQUIRE(s.on_time_rate);
    CHECK(*s.on_time_rate == doctest::Approx(2.0 / 6.0));
    REQUIRE(s.median_lateness);
    CHECK(*s.median_lateness == hours{13}); // (2h + 24h) / 2
    CHECK(s.attempts == 3); // a reply or their call is the contact reaching out, not an attempt of yours
    REQUIRE(s.attempts_per_reach);
    CHECK(*s.attempts_per_reach == doctest::Approx(3.0));

    const PromiseStats all = compute_stats(store.count_record(std::nullopt, now));
    CHECK(all.made == 9);
    CHECK(all.late == 3);
    REQUIRE(all.median_lateness);
    CHECK(*all.median_lateness == hours{24}); // the middle of 2h, 24h, 240h
    CHECK(compute_stats(store.count_record(at("2026-06-17T00:00:00Z"), now)).attempts == 0);
}

TEST_CASE("statistics of nothing have no rates")
{
    const Store store = Store::open_in_memory();
    const PromiseStats s = compute_stats(store.count_record(std::nullopt, at("2026-06-20T12:00:00Z")));
    CHECK(s.made == 0);
    CHECK_FALSE(s.on_time_rate);
    CHECK_FALSE(s.median_lateness);
    CHECK_FALSE(s.attempts_per_reach);
}

TEST_CASE("attempt summary counts the unanswered run; a promise counts attempts after it was made")
{
    Store store = Store::open_in_memory();
    const Instant now = at("2026-06-15T13:30:00Z");
    const Id id = store.add_contact(bob, now);
    const auto log = [&](const char* kind, const char* outcome, int offset_minutes) {
        Interaction i;
        i.contact_id = id;
        i.at = now + std::chrono::minutes{offset_minutes};
        i.kind = kind;
        i.outcome = outcome;
        store.add_interaction(i);
    };
    log("voicemail", "left-message", 0);
    log("call", "no-answer", 1);
    CHECK(summarize_attempts(interactions_of(store, id)).unanswered_run == 2);
    log("call", "reached", 2);
    CHECK(summarize_attempts(interactions_of(store, id)).unanswered_run == 0);
    log("email", "sent", 3);
    log("note", "", 4); // a note is no attempt
    const auto interactions = interactions_of(store, id);
    const AttemptSummary summary = summarize_attempts(interactions);
    CHECK(summary.unanswered_run == 1);
    CHECK(summary.attempts == 4);
    CHECK(summary.answered == 1);
    CHECK(summary.last_interaction == now + std::chrono::minutes{4});
    CHECK(count_attempts(interactions, now + std::chrono::minutes{1}) == 2);   // after the no-answer
    CHECK(count_attempts(interactions, now, now + std::chrono::minutes{2}) == 2); // no-answer, reached
}

