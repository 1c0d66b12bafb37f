// Unit tests of the follow-up practice in the domain layer (issue 10): playbooks run for a contact,
// won deals, reopening, not-now, crowding warnings, customer reminders, keep-in-touch rows in the
// agenda and the digest. No CLI: the domain functions are called on an in-memory store at fixed
// instants (New York, Mon–Fri 09:00–17:00; June 2026 has no DST change).
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "followup_test_support.hpp"
#include "fu/agenda.hpp"
#include "fu/digest.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/practice.hpp"
#include "fu/store.hpp"
#include "fu/when.hpp"

using namespace fu;
using namespace fu::test; // the Book and its helpers
using std::chrono::hours;

namespace {

const auto k_day = hours{24};

// A three-step playbook whose windows are easy to check.
const Playbook& three()
{
    static const Playbook playbook{"three",
                                   {{"first", "tomorrow", "call"},
                                    {"second", "in 2 days", "call"},
                                    {"third", "in a week", "call"}},
                                   "test"};
    return playbook;
}

// The book of the tests below, each practice change run in its own journaled write at `now`.
struct Practice : Book {
    // What the words mean read from `from` on the user's clock (the contacts here have no zone).
    Window read(const char* s, Instant from) const { return resolve(s, from, zone, settings); }

    PlanStarted start(const Contact& c, const Playbook& playbook,
                      std::optional<Instant> from = std::nullopt, Instant now = k_start())
    {
        return write("fu plan", now,
                     [&] { return start_plan(store, contact(c), playbook, from, context(now)); });
    }
    PlanStopped stop(const Contact& c, Instant now)
    {
        return write("fu plan --stop", now,
                     [&] { return stop_plan(store, contact(c), context(now)); });
    }
    Logged log_at(const Contact& c, Instant now, LogRequest request = {})
    {
        return write("fu log", now,
                     [&] { return log_interaction(store, contact(c), request, context(now)); });
    }
    Cancelled cancel(const Promise& p, Instant now)
    {
        return write("fu cancel", now,
                     [&] { return cancel_promise(store, fresh(p), "not needed", context(now)); });
    }
    InteractionCorrected remove(const Interaction& i, Instant now)
    {
        return write("fu delete", now,
                     [&] { return delete_interaction(store, fresh(i), context(now)); });
    }
    Reminded remind(const Contact& c, Instant now, ReminderRequest request = {})
    {
        return write("fu remind", now,
                     [&] { return remind_customer(store, contact(c), request, context(now)); });
    }
    Contact add_with(const char* name, const char* every, const char* interest = "")
    {
        ContactChanges fields;
        fields.name = name;
        fields.every = every;
        fields.interest = interest;
        return write("fu add", k_start(),
                     [&] { return add_contact(store, fields, context(k_start())).contact; });
    }
};

// An open step `number` of `plan`, made with `made_with`, its window `w`.
void check_step(const Promise& p, Id plan, int number, std::optional<Id> made_with, const Window& w)
{
    CHECK(p.status == PromiseStatus::open);
    CHECK(p.plan_id == plan);
    CHECK(p.plan_step == number);
    CHECK(p.made_with == made_with);
    CHECK(p.earliest == w.earliest);
    CHECK(p.latest == w.latest);
}

// What `logged` did to a playbook by keeping `step`.
PlanAdvanced advanced(const Logged& logged, const Promise& step)
{
    REQUIRE(logged.kept);
    CHECK(logged.kept->id == step.id);
    REQUIRE(logged.plan);
    CHECK(logged.plan->step == step.plan_step);
    return *logged.plan;
}

// The step `logged` made by keeping `step`.
Promise next_step(const Logged& logged, const Promise& step)
{
    const PlanAdvanced plan = advanced(logged, step);
    REQUIRE(plan.next);
    return plan.next->promise;
}

LogRequest outcome(const char* word, const char* kind = "call")
{
    LogRequest request;
    request.kind = kind;
    request.outcome = word;
    return request;
}

// The contact's keep-in-touch rows of the agenda at `now` (the user's zone unless `query` says).
std::vector<AgendaItem> touch_rows(const Book& book, const Contact& c, Instant now,
                                   AgendaQuery query = {})
{
    if (!query.keep_in_touch_zone) {
        query.keep_in_touch_zone = &book.zone;
    }
    std::vector<AgendaItem> rows;
    for (const AgendaItem& item : build_agenda(book.store, query, now).items) {
        if (item.kind == AgendaKind::keep_in_touch && item.contact.id == c.id) {
            rows.push_back(item);
        }
    }
    return rows;
}

std::vector<std::string> names_of(const Agenda& agenda)
{
    std::vector<std::string> names;
    for (const AgendaItem& item : agenda.items) {
        names.push_back(item.contact.name);
    }
    return names;
}

bool has_contact(const std::vector<Contact>& contacts, const Contact& c)
{
    return std::any_of(contacts.begin(), contacts.end(),
                       [&](const Contact& x) { return x.id == c.id; });
}

const SilentContact* cold_entry(const Digest& digest, const Contact& c)
{
    for (const SilentContact& s : digest.going_cold) {
        if (s.contact.id == c.id) {
            return &s;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("practice: start_plan reads step 1 from `from`, and from now by default")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const Instant from = at("2026-06-03T15:00:00Z"); // Wednesday 11:00
    const PlanStarted started = book.start(ada, three(), from);
    CHECK(started.plan.playbook == "three");
    CHECK(started.plan.steps.size() == 3);
    CHECK(started.plan.started_at == k_start());
    CHECK(started.plan.from == from);
    const Promise& first = started.first.promise;
    check_step(first, started.plan.id, 1, std::nullopt, book.read("tomorrow", from));
    CHECK(first.earliest >= at("2026-06-04T04:00:00Z")); // Thursday, not Tuesday
    const auto progress = plan_progress(book.store, ada.id);
    REQUIRE(progress);
    REQUIRE(progress->current);
    CHECK(progress->current->id == first.id);
    CHECK(progress->current_step == 1);

    const PlanStarted from_now = book.start(book.add("Bob"), three());
    CHECK(from_now.plan.from == k_start());
    CHECK(from_now.first.promise.earliest == book.read("tomorrow", k_start()).earliest);
}

TEST_CASE("practice: keeping a plan step moves the playbook on from the keeping interaction")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Instant tuesday = at("2026-06-02T15:00:00Z");
    const Logged first = book.log_at(ada, tuesday);
    const Promise second = next_step(first, started.first.promise);
    check_step(second, started.plan.id, 2, first.interaction.id, book.read("in 2 days", tuesday));
    CHECK(plan_progress(book.store, ada.id)->current_step == 2);

    const Instant keeps_second = second.earliest + hours{2};
    const Logged middle = book.log_at(ada, keeps_second);
    const Promise third = next_step(middle, second);
    check_step(third, started.plan.id, 3, middle.interaction.id,
               book.read("in a week", keeps_second));

    const Instant keeps_third = third.earliest + hours{1};
    const PlanAdvanced last = advanced(book.log_at(ada, keeps_third), third);
    CHECK(last.done);
    CHECK_FALSE(last.next);
    CHECK(last.plan.end_reason == "done");
    CHECK(last.plan.ended_at == keeps_third);
    CHECK_FALSE(plan_progress(book.store, ada.id));
    CHECK(book.store.promises_of(ada.id).size() == 3);

    // Back-filled logs keep their steps: a step is made when the one before was kept.
    const Contact bob = book.add("Bob");
    const PlanStarted bobs = book.start(bob, three());
    const Instant friday = at("2026-06-05T20:00:00Z");
    LogRequest request;
    request.at = tuesday;
    const Promise bobs_second = next_step(book.log_at(bob, friday, request), bobs.first.promise);
    CHECK(bobs_second.made_at == tuesday);
    request.at = bobs_second.earliest + hours{1}; // Thursday, logged on Friday
    advanced(book.log_at(bob, friday, request), bobs_second);
}

TEST_CASE("practice: a step whose words are over when read after hours is read from the next "
          "working morning")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const Instant evening = at("2026-06-01T22:00:00Z"); // Monday 18:00: the first step
    const PlanStarted started = book.start(ada, built_in_playbooks().front(), evening, evening);
    CHECK(started.plan.playbook == "post-sale");
    CHECK(started.plan.from == evening);
    check_step(started.first.promise, started.plan.id, 1, std::nullopt,
               book.read("by end of day", at("2026-06-02T13:00:00Z")));
    REQUIRE_FALSE(started.first.notices.empty());
    CHECK(started.first.notices.front().find("\"by end of day\" was over") != std::string::npos);

    // A later step, the step before kept at 18:30 on Tuesday.
    const Contact bob = book.add("Bob");
    book.start(
        bob, Playbook{"eod",
                      {{"order", "tomorrow evening", "call"}, {"confirm", "by end of day", "call"}},
                      "test"});
    const Logged logged = book.log_at(bob, at("2026-06-02T22:30:00Z"));
    REQUIRE(logged.plan);
    REQUIRE(logged.plan->next);
    check_step(logged.plan->next->promise, logged.plan->plan.id, 2, logged.interaction.id,
               book.read("by end of day", at("2026-06-03T13:00:00Z")));
    const auto& notices = logged.plan->next->notices;
    CHECK((!notices.empty() && notices.front().find("was over") != std::string::npos));
}

TEST_CASE("practice: stop_plan cancels the current step and ends the playbook \"stopped\"; a "
          "playbook is refused twice, for a closed contact, or without steps")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    CHECK(status_of([&] { book.start(ada, built_in_playbooks().front()); }) == k_exit_conflict);
    CHECK(book.store.plans_of(ada.id).size() == 1);
    const Instant now = at("2026-06-01T16:00:00Z");
    const PlanStopped stopped = book.stop(ada, now);
    REQUIRE(stopped.cancelled);
    CHECK(stopped.cancelled->id == started.first.promise.id);
    CHECK(book.fresh(started.first.promise).status == PromiseStatus::cancelled);
    CHECK(stopped.plan.end_reason == "stopped");
    CHECK(stopped.plan.ended_at == now);
    CHECK_FALSE(book.store.active_plan(ada.id));
    CHECK(status_of([&] { book.stop(ada, now); }) == k_exit_not_found);
    CHECK(book.start(ada, three(), {}, now).first.promise.plan_step == 1); // it may start again

    const Contact bob = book.add("Bob");
    book.log_at(bob, at("2026-06-01T15:00:00Z"), outcome("not-interested"));
    CHECK(status_of([&] { book.start(bob, three(), {}, now); }) == k_exit_usage);
    const Playbook empty{"empty", {}, "test"};
    CHECK(status_of([&] { book.start(book.add("Cy"), empty); }) == k_exit_usage);
}

TEST_CASE("practice: a no ends the playbook and cancels its step")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Instant no_at = at("2026-06-02T15:00:00Z");
    const Logged logged = book.log_at(ada, no_at, outcome("not-interested"));
    REQUIRE(logged.plan_ended);
    CHECK(logged.plan_ended->id == started.plan.id);
    CHECK(logged.plan_ended->end_reason == "not-interested");
    CHECK(logged.plan_ended->ended_at == no_at);
    CHECK(ids_of(logged.cancelled) == std::vector<Id>{started.first.promise.id});
    CHECK(book.fresh(started.first.promise).status == PromiseStatus::cancelled);
    CHECK_FALSE(book.store.active_plan(ada.id));
    CHECK(book.store.promises_of(ada.id).size() == 1); // no next step was made
}

// Deleting the "no" that ended a playbook takes back everything it did: the step reopens, the
// contact is back in follow-up, and the playbook runs again.
TEST_CASE("practice: deleting the no that ended a playbook runs the playbook again")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Logged no = book.log_at(ada, at("2026-06-02T15:00:00Z"), outcome("not-interested"));
    REQUIRE(no.plan_ended);
    book.remove(no.interaction, at("2026-06-02T16:00:00Z"));
    CHECK(book.fresh(started.first.promise).status == PromiseStatus::open);
    CHECK_FALSE(book.contact(ada).closed_at);
    const auto progress = plan_progress(book.store, ada.id);
    REQUIRE(progress); // fails: the plan is still ended "not-interested"
    CHECK(progress->plan.id == started.plan.id);
    CHECK(progress->current_step == 1);
}

TEST_CASE("practice: cancelling a step skips to the next, read from now")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Instant now = at("2026-06-01T16:00:00Z");
    const Cancelled first = book.cancel(started.first.promise, now);
    REQUIRE(first.plan);
    CHECK(first.plan->step == 1);
    CHECK_FALSE(first.plan->done);
    REQUIRE(first.plan->next);
    const Promise second = first.plan->next->promise;
    check_step(second, started.plan.id, 2, std::nullopt, book.read("in 2 days", now));

    const Cancelled middle = book.cancel(second, now + hours{1});
    REQUIRE(middle.plan);
    REQUIRE(middle.plan->next);
    CHECK(middle.plan->next->promise.plan_step == 3);
    const Cancelled last = book.cancel(middle.plan->next->promise, now + hours{2});
    REQUIRE(last.plan);
    CHECK(last.plan->done);
    CHECK(last.plan->plan.end_reason == "done");
    CHECK_FALSE(book.store.active_plan(ada.id));
    // A promise that is no step moves no playbook.
    CHECK_FALSE(book.cancel(book.promise(ada, "2026-06-10"), now + hours{3}).plan);
}

TEST_CASE("practice: a step moved is still that step, and keeping it moves the playbook on")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Instant now = at("2026-06-01T15:00:00Z");
    const Rescheduled moved = book.write("fu move", now, [&] {
        return reschedule_promise(book.store, book.contact(ada), started.first.promise,
                                  "2026-06-04", "they asked", book.context(now));
    });
    CHECK(moved.moved.promise.plan_id == started.plan.id);
    CHECK(moved.moved.promise.plan_step == 1);
    CHECK(moved.previous.status == PromiseStatus::renegotiated);
    CHECK(book.store.promises_of(ada.id).size() == 2); // no next step made by the move
    const auto progress = plan_progress(book.store, ada.id);
    REQUIRE(progress);
    REQUIRE(progress->current);
    CHECK(progress->current->id == moved.moved.promise.id);

    const Logged logged = book.log_at(ada, at("2026-06-04T15:00:00Z"));
    CHECK(next_step(logged, moved.moved.promise).plan_step == 2);
}

TEST_CASE("practice: a correction that takes back a kept step takes back the next step; one that "
          "keeps the open step moves the playbook on")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Logged kept = book.log_at(ada, at("2026-06-02T15:00:00Z"));
    const Promise second = next_step(kept, started.first.promise);
    book.remove(kept.interaction, at("2026-06-02T16:00:00Z"));
    CHECK(book.fresh(started.first.promise).status == PromiseStatus::open);
    CHECK(book.fresh(second).status == PromiseStatus::cancelled);
    CHECK(plan_progress(book.store, ada.id)->current_step == 1);

    // A note fixed to a call keeps step 1: step 2 is made again.
    const Logged note = book.log_at(ada, at("2026-06-02T17:00:00Z"), outcome("", "note"));
    InteractionCorrection fix;
    fix.kind = "call";
    fix.outcome = "reached";
    const Instant now = at("2026-06-02T18:00:00Z");
    book.write("fu fix", now, [&] {
        return correct_interaction(book.store, book.fresh(note.interaction), fix,
                                   book.context(now));
    });
    CHECK(book.fresh(started.first.promise).status == PromiseStatus::kept);
    const auto progress = plan_progress(book.store, ada.id);
    REQUIRE(progress);
    REQUIRE(progress->current);
    check_step(*progress->current, started.plan.id, 2, note.interaction.id,
               book.read("in 2 days", at("2026-06-02T17:00:00Z")));
}

TEST_CASE("practice: a won deal offers the on_won playbook, or starts it with --plan")
{
    Practice book;
    const Instant now = at("2026-06-01T15:00:00Z"); // Monday 11:00
    const Logged offered = book.log_at(book.add("Ada"), now, outcome("won"));
    CHECK(offered.offer_playbook == "post-sale");
    CHECK_FALSE(offered.started);
    CHECK_FALSE(offered.needs_next_step);
    const Contact bob = book.add("Bob"); // not offered while a playbook runs
    book.start(bob, three());
    CHECK(book.log_at(bob, now, outcome("won")).offer_playbook.empty());

    const Contact cy = book.add("Cy");
    LogRequest request = outcome("won");
    request.plan = true;
    request.at = at("2026-06-01T14:30:00Z");
    const Logged won = book.log_at(cy, now, request);
    REQUIRE(won.started);
    CHECK(won.offer_playbook.empty());
    CHECK(won.started->plan.from == *request.at);
    check_step(won.started->first.promise, won.started->plan.id, 1, won.interaction.id,
               book.read("by end of day", *request.at));

    // --plan is refused without won, or without on_won; no on_won, no offer.
    const Contact dee = book.add("Dee");
    request.outcome = "reached";
    CHECK(status_of([&] { book.log_at(dee, now, request); }) == k_exit_usage);
    book.settings.on_won = "";
    request.outcome = "won";
    CHECK(status_of([&] { book.log_at(dee, now, request); }) == k_exit_usage);
    CHECK(book.interactions(dee).empty());
    CHECK(book.store.plans_of(dee.id).empty());
    const Logged quiet = book.log_at(dee, now, outcome("won"));
    CHECK(quiet.offer_playbook.empty());
    CHECK_FALSE(quiet.started);
}

TEST_CASE("practice: undo takes back the log that kept a step, with the next step and the end")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const PlanStarted started = book.start(ada, three());
    const Promise second =
        next_step(book.log_at(ada, at("2026-06-02T15:00:00Z")), started.first.promise);
    CHECK(book.store.journal().front().contacts == std::vector<Id>{ada.id});
    book.undo(std::nullopt, at("2026-06-02T16:00:00Z"));
    CHECK_FALSE(book.store.promise(second.id));
    CHECK(book.fresh(started.first.promise).status == PromiseStatus::open);
    const auto progress = plan_progress(book.store, ada.id);
    REQUIRE(progress);
    CHECK(progress->current_step == 1);

    // A one-step playbook: undoing the log that finished it runs it again.
    const Contact bob = book.add("Bob");
    const Playbook one{"one", {{"only", "tomorrow", "call"}}, "test"};
    const Promise only = book.start(bob, one).first.promise;
    REQUIRE(advanced(book.log_at(bob, at("2026-06-02T15:00:00Z")), only).done);
    book.undo(std::nullopt, at("2026-06-02T16:00:00Z"));
    const auto again = book.store.active_plan(bob.id);
    REQUIRE(again);
    CHECK(again->end_reason.empty());
    // And undoing the start leaves no playbook and no step.
    book.undo(std::nullopt, at("2026-06-02T16:01:00Z"));
    CHECK(book.store.plans_of(bob.id).empty());
    CHECK(book.store.promises_of(bob.id).empty());
}

TEST_CASE("practice: reopen brings a closed contact back, and a later correction keeps it open")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const Logged call = book.log_at(ada, at("2026-06-01T15:00:00Z"));
    const Logged other = book.log_at(ada, at("2026-06-01T16:00:00Z"), outcome("no-answer"));
    book.log_at(ada, at("2026-06-02T15:00:00Z"), outcome("not-interested"));
    REQUIRE(book.contact(ada).closed_at);
    const Instant now = at("2026-06-03T15:00:00Z");
    const auto reopen = [&](Instant when) {
        return book.write("fu reopen", when, [&] {
            return reopen_contact(book.store, book.contact(ada), book.context(when));
        });
    };
    const Reopened reopened = reopen(now);
    CHECK(reopened.changed);
    CHECK(reopened.contact.reopened_at == now);
    CHECK_FALSE(book.contact(ada).closed_at);

    const Instant later = at("2026-06-04T15:00:00Z");
    InteractionCorrection fix;
    fix.outcome = "no-answer";
    const InteractionCorrected fixed = book.write("fu fix", later, [&] {
        return correct_interaction(book.store, book.fresh(call.interaction), fix,
                                   book.context(later));
    });
    REQUIRE(fixed.changed);
    CHECK_FALSE(book.contact(ada).closed_at);
    book.remove(other.interaction, later + hours{1});
    CHECK_FALSE(book.contact(ada).closed_at);

    // An open contact is in follow-up already: nothing changes, nothing is journaled.
    const std::size_t entries = book.store.journal().size();
    const Reopened again = reopen(later + hours{2});
    CHECK_FALSE(again.changed);
    CHECK(again.contact.reopened_at == now);
    CHECK(book.store.journal().size() == entries);
}

TEST_CASE("practice: not-now needs --next, keeps the contact in follow-up and is an answer")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const Logged voicemail = book.log_at(ada, at("2026-06-01T15:00:00Z"), outcome("", "voicemail"));
    REQUIRE(voicemail.attempts.unanswered_run == 1);
    const Instant now = at("2026-06-02T15:00:00Z");
    LogRequest request = outcome("not-now");
    CHECK(status_of([&] { book.log_at(ada, now, request); }) == k_exit_usage);
    CHECK(book.interactions(ada).size() == 1);
    request.next = PromiseRequest{"in 6 months", "check back", false, "call"};
    const Logged logged = book.log_at(ada, now, request);
    CHECK_FALSE(logged.out_of_follow_up);
    CHECK_FALSE(book.contact(ada).closed_at);
    CHECK(logged.attempts.unanswered_run == 0);
    CHECK(logged.attempts.answered == 1);
    REQUIRE(logged.next);
    CHECK(logged.next->promise.earliest > now + 150 * k_day);
    CHECK_FALSE(logged.needs_next_step);

    // Not now parks a running playbook: it ends, and its open step is cancelled.
    const Contact cy = book.add("Cy");
    book.start(cy, three());
    const Logged parked = book.log_at(cy, now, request);
    REQUIRE(parked.plan_ended);
    CHECK(parked.plan_ended->end_reason == "not-now");
    CHECK_FALSE(book.store.active_plan(cy.id));
    REQUIRE(book.store.open_promises(cy.id).size() == 1);
    CHECK(book.store.open_promises(cy.id).front().id == parked.next->promise.id);

    // A contact who had said no is back in follow-up with a not-now.
    const Contact bob = book.add("Bob");
    book.log_at(bob, at("2026-06-01T15:00:00Z"), outcome("not-interested"));
    CHECK(book.log_at(bob, now, request).back_in_follow_up);
    CHECK_FALSE(book.contact(bob).closed_at);
}

TEST_CASE("practice: crowding warnings for attempts logged today and promised windows")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const LogRequest voicemail = outcome("", "voicemail");
    CHECK(book.log_at(ada, at("2026-06-02T14:00:00Z"), voicemail).crowding.empty());
    const Logged second = book.log_at(ada, at("2026-06-02T14:30:00Z"), voicemail);
    REQUIRE_FALSE(second.crowding.empty());
    CHECK(second.crowding.front().find("30 minutes after an unanswered voicemail") !=
          std::string::npos);
    // The next working day is not crowded.
    CHECK(book.log_at(ada, at("2026-06-03T14:00:00Z"), voicemail).crowding.empty());
    // Logged on Thursday for Wednesday, 30 minutes after Wednesday's voicemail: history, no advice.
    LogRequest earlier = voicemail;
    earlier.at = at("2026-06-03T14:30:00Z");
    CHECK(book.log_at(ada, at("2026-06-04T20:00:00Z"), earlier).crowding.empty());

    const Contact bob = book.add("Bob");
    book.log_at(bob, at("2026-06-01T15:00:00Z"), voicemail);
    const Instant now = at("2026-06-01T15:30:00Z");
    const auto promise = [&](const char* when) {
        return book.write("fu promise", now, [&] {
            return make_promise(book.store, book.contact(bob), {when, "call back", false, "call"},
                                book.context(now));
        });
    };
    CHECK_FALSE(promise("this afternoon").crowding.empty());
    CHECK(promise("tomorrow").crowding.empty());
}

TEST_CASE("practice: remind_customer reminds of the next agreed window and records it aside")
{
    Practice book;
    const Contact ada = book.add("Ada");
    const Promise today = book.promise(ada, "today", "call", true); // open now
    const Promise wednesday = book.promise(ada, "2026-06-03");      // not agreed
    const Promise friday = book.promise(ada, "2026-06-05", "call", true);
    book.promise(ada, "2026-06-10", "call", true);
    REQUIRE(today.earliest <= k_start());
    const std::string promises_before = summary(book.store.promises_of(ada.id));

    const Instant now = at("2026-06-01T16:00:00Z");
    const Reminded first = book.remind(ada, now);
    CHECK(first.promise.id == friday.id);
    CHECK(first.message.find("Hi Ada") == 0);
    CHECK_FALSE(first.reminded_before);
    REQUIRE(first.recorded);
    CHECK(first.recorded->kind == "reminder");
    CHECK(first.recorded->reminds == friday.id);
    CHECK(first.recorded->keeps == KeepChoice::aside);
    CHECK_FALSE(first.recorded->promise_id);
    CHECK(book.store.interaction(first.recorded->id)->at == now);
    CHECK(summary(book.store.promises_of(ada.id)) == promises_before); // it keeps no promise
    CHECK(summarize_attempts(book.interactions(ada)).attempts == 0);   // not an attempt

    const Reminded second = book.remind(ada, now + hours{1});
    CHECK(second.promise.id == friday.id);
    CHECK(second.reminded_before == now);

    const std::size_t interactions = book.interactions(ada).size();
    const std::size_t entries = book.store.journal().size();
    ReminderRequest dry;
    dry.record = false;
    const Reminded printed = book.remind(ada, now + hours{2}, dry);
    CHECK_FALSE(printed.recorded);
    CHECK_FALSE(printed.message.empty());
    CHECK(book.interactions(ada).size() == interactions);
    CHECK(book.store.journal().size() == entries);

    ReminderRequest named;
    named.promise = wednesday.id;
    CHECK(status_of([&] { book.remind(ada, now, named); }) == k_exit_usage); // not agreed
    named.promise = today.id;
    CHECK(status_of([&] { book.remind(ada, now, named); }) == k_exit_usage); // open now
    named.promise = Id{999};
    CHECK(status_of([&] { book.remind(ada, now, named); }) == k_exit_not_found);
    const Contact bob = book.add("Bob");
    book.promise(bob, "2026-06-05"); // not agreed: nothing to remind of
    CHECK(status_of([&] { book.remind(bob, now); }) == k_exit_not_found);
    CHECK(book.interactions(ada).size() == interactions);
}

TEST_CASE("practice: a contact with a cadence gets a keep-in-touch row from its last interaction")
{
    Practice book;
    const Contact ada = book.add_with("Ada", "2-3 weeks");
    const Contact plain = book.add("Plain");
    const Instant t = at("2026-06-01T15:00:00Z");
    book.log_at(ada, t);
    book.log_at(plain, t);

    const auto upcoming = touch_rows(book, ada, t + 13 * k_day);
    REQUIRE(upcoming.size() == 1);
    const AgendaItem& row = upcoming.front();
    CHECK(row.state == DueState::upcoming);
    CHECK(row.promise.earliest == t + 14 * k_day);
    CHECK(row.promise.latest == t + 21 * k_day);
    CHECK(row.promise.text == "2-3 weeks");
    CHECK(row.last_contact == t);
    const auto state_at = [&](Instant now) {
        const auto rows = touch_rows(book, ada, now);
        REQUIRE(rows.size() == 1);
        return rows.front().state;
    };
    CHECK(state_at(t + 14 * k_day) == DueState::due);
    CHECK(state_at(t + 21 * k_day - std::chrono::seconds{1}) == DueState::due);
    CHECK(state_at(t + 21 * k_day) == DueState::overdue);

    AgendaQuery until;
    until.until = t + 13 * k_day + hours{12};
    CHECK(touch_rows(book, ada, t + 13 * k_day, until).empty()); // opens after `until`
    for (const AgendaItem& item : build_agenda(book.store, {}, t + 15 * k_day).items) {
        CHECK(item.kind == AgendaKind::promise); // no zone given: no keep-in-touch rows
    }

    // Without a next step: the contact without a cadence is listed, the one with a cadence is not.
    AgendaQuery with_next_steps;
    with_next_steps.no_next_step_limit = -1;
    const Agenda agenda = build_agenda(book.store, with_next_steps, t + k_day);
    CHECK(has_contact(agenda.no_next_step, plain));
    CHECK_FALSE(has_contact(agenda.no_next_step, ada));

    // No row with an open promise, once closed, or archived.
    const Contact promised = book.add_with("Promised", "2-3 weeks");
    const Contact closed = book.add_with("Closed", "2-3 weeks");
    const Contact archived = book.add_with("Archived", "2-3 weeks");
    for (const Contact& c : {promised, closed, archived}) {
        book.log_at(c, t);
    }
    const Instant next = t + hours{1};
    book.promise(promised, "2026-07-20", "call", false, next);
    book.log_at(closed, next, outcome("not-interested"));
    book.write("fu archive", next, [&] {
        return archive_contact(book.store, book.contact(archived), book.context(next));
    });
    CHECK(touch_rows(book, promised, t + 15 * k_day).empty());
    CHECK(touch_rows(book, closed, t + 15 * k_day).empty());
    CHECK(touch_rows(book, archived, t + 15 * k_day).empty());
    CHECK(touch_rows(book, ada, t + 15 * k_day).size() == 1);
}

TEST_CASE("practice: agenda rows by interest within a state, and the interest filter")
{
    Practice book;
    // Upcoming windows opening in the opposite order of interest; one overdue; one cadence.
    book.promise(book.add_with("Cold", "", "cold"), "2026-06-03");
    book.promise(book.add_with("Unknown", ""), "2026-06-04");
    book.promise(book.add_with("Warm", "", "warm"), "2026-06-05");
    const Contact hot = book.add_with("Hot", "", "hot");
    book.promise(hot, "2026-06-08");
    book.promise(book.add_with("Late", "", "cold"), "today");
    book.add_with("Touch", "1 month", "cold");
    const Instant now = at("2026-06-01T22:00:00Z"); // Monday 18:00: "today" is over

    AgendaQuery query;
    query.keep_in_touch_zone = &book.zone;
    CHECK(names_of(build_agenda(book.store, query, now)) ==
          std::vector<std::string>{"Late", "Hot", "Warm", "Unknown", "Cold", "Touch"});
    query.interest = "hot";
    const Agenda hot_only = build_agenda(book.store, query, now);
    REQUIRE(hot_only.items.size() == 1);
    CHECK(hot_only.items.front().contact.id == hot.id);
    query.interest = "cold";
    CHECK(names_of(build_agenda(book.store, query, now)) ==
          std::vector<std::string>{"Late", "Cold", "Touch"});
}

TEST_CASE("practice: the digest holds a contact going cold by its cadence, and drops reminded "
          "windows")
{
    Practice book;
    const Contact ada = book.add_with("Ada", "2-3 weeks");
    const Contact slow = book.add_with("Slow", "every 6 months");
    const Contact plain = book.add("Plain");
    const Instant t = at("2026-06-01T15:00:00Z");
    for (const Contact& c : {ada, slow, plain}) {
        book.log_at(c, t);
    }
    const auto digest = [&](Instant now) {
        return build_digest(book.store, now, book.zone, book.settings);
    };

    CHECK_FALSE(cold_entry(digest(t + 13 * k_day), ada));
    const Digest going = digest(t + 15 * k_day);
    const SilentContact* entry = cold_entry(going, ada);
    REQUIRE(entry);
    CHECK(entry->last_interaction == t);
    CHECK_FALSE(entry->overdue);
    CHECK_FALSE(has_contact(going.no_next_step, ada));
    const Digest later = digest(t + 22 * k_day); // cold_entry points into it
    const SilentContact* gone = cold_entry(later, ada);
    REQUIRE(gone);
    CHECK(gone->overdue);
    // Past cold_after (30 days): the contact without a cadence is cold, the six-monthly one is not.
    const Digest month = digest(t + 35 * k_day);
    REQUIRE(cold_entry(month, plain));
    CHECK(cold_entry(month, plain)->overdue);
    CHECK_FALSE(cold_entry(month, slow));

    // An agreed window tomorrow is to be reminded of today, until the reminder is recorded.
    const Contact bob = book.add("Bob");
    const Promise tomorrow = book.promise(bob, "tomorrow", "call", true);
    const Instant noon = at("2026-06-01T16:00:00Z");
    const auto to_remind = [&](const Digest& d) {
        return std::any_of(d.remind_next_workday.begin(), d.remind_next_workday.end(),
                           [&](const AgendaItem& item) { return item.promise.id == tomorrow.id; });
    };
    CHECK(to_remind(digest(noon)));
    book.remind(bob, noon);
    CHECK_FALSE(to_remind(digest(noon + hours{1})));
}
