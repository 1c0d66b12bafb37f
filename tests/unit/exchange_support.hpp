// tests/unit/exchange_support.hpp — what the import and export tests share: a book of business in a
// temporary file with journaled changes, a history with every kind of record, and books shifted by
// an import's id offsets.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "book_test_support.hpp"
#include "followup_test_support.hpp"
#include "fu/contacts_csv.hpp"
#include "fu/error.hpp"
#include "fu/exchange.hpp"
#include "fu/followup.hpp"
#include "fu/ical.hpp"
#include "fu/practice.hpp"
#include "fu/store.hpp"
#include "fu/zone.hpp"
#include "store_drift_support.hpp"
#include "test_support.hpp"

namespace fu::exchange_test {

using fu::test::at;
using fu::test::describe;
using fu::test::drift;
using fu::test::query_rows;
using fu::test::TempDir;

// The kept columns of every contact and promise, and the tallies, as a recount would not see them.
inline const char* const k_kept_sql =
    "SELECT 'c', id, open_promises, has_history, last_at, last_outcome, every_after FROM contacts "
    "UNION ALL SELECT 'p', id, interest, listed, '', '', '' FROM promises "
    "UNION ALL SELECT 't', name, outcome, interest, n, '', '' FROM tallies WHERE n <> 0 ORDER BY "
    "1, 2, 3, 4";

// A book of business in a temporary file (so that the kept state can be recounted from another
// connection), with each change in its own journaled write transaction.
struct Ledger {
    TempDir dir;
    std::filesystem::path path = dir.path / "fu.db";
    Store store = Store::open_for_writing(path);
    Settings settings;
    const fu::Zone& zone = fu::locate_zone("America/New_York");

    ChangeContext context(Instant now) const { return {now, settings, zone}; }

    template <class F> auto write(const std::string& command, Instant now, F&& change)
    {
        return fu::test::journaled(store, command, now, std::forward<F>(change));
    }

    Contact add(ContactChanges fields, Instant now = at("2026-06-01T14:00:00Z"))
    {
        return write("fu add", now,
                     [&] { return add_contact(store, fields, context(now)).contact; });
    }
    Contact add(const char* name, const char* email = "", const char* phone = "")
    {
        ContactChanges fields;
        fields.name = name;
        fields.email = email;
        fields.phone = phone;
        return add(fields);
    }
    Contact contact(Id id) const { return *store.contact(id); }

    ImportReport import(const Book& book, bool merge = false,
                        Instant now = at("2026-07-01T12:00:00Z"))
    {
        ImportOptions options;
        options.source = "book.json";
        options.merge = merge;
        return write("fu import book.json", now,
                     [&] { return import_book(store, book, options, context(now)); });
    }
    ImportReport import(const ContactsRead& read, bool merge = false,
                        Instant now = at("2026-07-01T12:00:00Z"))
    {
        ImportOptions options;
        options.source = "contacts.csv";
        options.merge = merge;
        return write("fu import contacts.csv", now,
                     [&] { return import_contacts(store, read, options, context(now)); });
    }

    // `fu undo` of the newest change, by the store's revert.
    void undo_newest(Instant now = at("2026-07-02T12:00:00Z"))
    {
        const auto journal = store.journal();
        REQUIRE_FALSE(journal.empty());
        auto tx = store.begin_write({"fu undo", now, false});
        store.revert(journal.front(), now);
        tx.commit();
    }

    std::string exported() const
    {
        std::ostringstream out;
        export_book(store, out);
        return out.str();
    }
    Book records() const { return read_book_json(exported(), "export"); }
    std::string kept() const { return query_rows(path, k_kept_sql); }

    std::vector<std::string> names(const ContactFilter& filter) const
    {
        std::vector<std::string> found;
        for (const Contact& c : store.list_contacts(filter)) {
            found.push_back(c.name);
        }
        return found;
    }
    std::vector<std::string> searched(const std::string& words) const
    {
        ContactFilter filter;
        filter.search = words;
        return names(filter);
    }
    std::vector<std::string> tagged(const std::string& tag) const
    {
        ContactFilter filter;
        filter.tag = tag;
        return names(filter);
    }
};

// The message and status of the fu::Error `f` throws.
struct Refusal {
    int status = 0;
    std::string message;
    std::string hint;
};
template <class F> inline Refusal refusal(F&& f)
{
    try {
        std::forward<F>(f)();
    } catch (const Error& e) {
        return {e.status(), e.what(), e.hint()};
    }
    return {0, "(no error)", ""};
}

// A history with every kind of record and reference, made by the domain functions the commands
// call: every promise status, every keep choice, an inbound interaction, a reminder, a playbook
// run, a reschedule, a "no", an archived contact, a cadence, tags, quotes, newlines, non-ASCII.
inline void make_history(Ledger& l)
{
    ContactChanges ada;
    ada.name = "Ada Lovelace";
    ada.company = "Analytical \"Engines\"";
    ada.phone = "+44 20 7946 0000";
    ada.email = "Ada@Example.com";
    ada.note = "met at \"the fair\"\nlikes tea — ünïcode";
    ada.tz = "Europe/London";
    ada.every = "2-3 weeks";
    ada.interest = "hot";
    ada.add_tags = {"vip", "lead"};
    const Contact a = l.add(ada);
    ContactChanges bob;
    bob.name = "Bob Babbage";
    bob.phone = "555-0100";
    bob.interest = "warm";
    bob.add_tags = {"lead"};
    const Contact b = l.add(bob);
    const Contact c = l.add("Cy Closed", "cy@example.org");
    const Contact d = l.add("Dee Archived", "dee@example.org");

    // Ada: agreed, kept by a call that agrees the next (made_with), which is rescheduled
    // (renegotiated, replaced_by / rescheduled_from) and reminded.
    const auto promise = [&](const Contact& who, const char* when, bool agreed, const char* via,
                             Instant now) {
        PromiseRequest request;
        request.when = when;
        request.about = "demo \"v2\"";
        request.agreed = agreed;
        request.via = via;
        return l.write("fu promise", now, [&] {
            return make_promise(l.store, l.contact(who.id), request, l.context(now)).promise;
        });
    };
    const auto log = [&](const Contact& who, const char* when, LogRequest request) {
        const Instant now = at(when);
        return l.write("fu log", now, [&] {
            return log_interaction(l.store, l.contact(who.id), request, l.context(now));
        });
    };
    const Promise first = promise(a, "2026-06-03", true, "call", at("2026-06-01T14:00:00Z"));
    LogRequest call;
    call.kind = "call";
    call.outcome = "reached";
    call.note = "said \"yes\"\nthen: call back";
    call.next = PromiseRequest{"2026-06-10", "contract", true, "email"};
    const Logged called = log(a, "2026-06-03T15:00:00Z", call);
    REQUIRE(called.kept);
    REQUIRE(called.kept->id == first.id);
    REQUIRE(called.next);
    const Instant june4 = at("2026-06-04T14:00:00Z");
    const Rescheduled moved = l.write("fu reschedule", june4, [&] {
        return reschedule_promise(l.store, l.contact(a.id),
                                  *l.store.promise(called.next->promise.id), "2026-06-12",
                                  "asked for friday", l.context(june4));
    });
    const Instant june11 = at("2026-06-11T14:00:00Z");
    l.write("fu remind", june11, [&] {
        ReminderRequest request;
        request.promise = moved.moved.promise.id;
        return remind_customer(l.store, l.contact(a.id), request, l.context(june11));
    });

    // Bob: a playbook; its first step kept by an inbound call he chose; the next step kept late.
    const Instant june2 = at("2026-06-02T13:00:00Z");
    const PlanStarted started = l.write("fu plan", june2, [&] {
        return start_plan(l.store, l.contact(b.id), *find_playbook(l.settings, "post-sale"),
                          std::nullopt, l.context(june2));
    });
    LogRequest inbound;
    inbound.kind = "call";
    inbound.outcome = "reached";
    inbound.inbound = true;
    inbound.promise = started.first.promise.id;
    const Logged chosen = log(b, "2026-06-02T15:00:00Z", inbound);
    REQUIRE(chosen.plan);
    REQUIRE(chosen.plan->next);
    LogRequest late;
    late.kind = "call";
    late.outcome = "no-answer";
    log(b, "2026-06-09T15:00:00Z", late);

    // Cy: a promise cancelled, a note kept aside, then a "no".
    const Promise dropped = promise(c, "2026-06-05", false, "text", at("2026-06-01T15:00:00Z"));
    const Instant june2b = at("2026-06-02T16:00:00Z");
    l.write("fu cancel", june2b, [&] {
        return cancel_promise(l.store, *l.store.promise(dropped.id), "not needed",
                              l.context(june2b));
    });
    promise(c, "2026-06-08", false, "call", at("2026-06-02T17:00:00Z"));
    LogRequest note;
    note.kind = "note";
    note.note = "asked about price";
    note.aside = true;
    log(c, "2026-06-03T13:00:00Z", note);
    LogRequest no;
    no.kind = "email";
    no.outcome = "not-interested";
    log(c, "2026-06-04T13:00:00Z", no);

    // Dee: a promise broken (moved after its window closed), then archived with the moved one open.
    const Promise missed = promise(d, "2026-06-03", false, "visit", at("2026-06-01T16:00:00Z"));
    const Instant june8 = at("2026-06-08T14:00:00Z");
    l.write("fu reschedule", june8, [&] {
        return reschedule_promise(l.store, l.contact(d.id), *l.store.promise(missed.id),
                                  "2026-06-15", "", l.context(june8));
    });
    l.write("fu archive", june8,
            [&] { return archive_contact(l.store, l.contact(d.id), l.context(june8)); });
}

// The book `make_history` made, as checked once: every status, keep choice and reference is there.
inline void check_history_is_complete(const Book& book)
{
    std::set<std::string> statuses, keeps;
    bool made_with = false, replaced = false, rescheduled = false, in_plan = false;
    for (const Promise& p : book.promises) {
        statuses.insert(std::string(to_string(p.status)));
        made_with = made_with || p.made_with;
        replaced = replaced || p.replaced_by;
        rescheduled = rescheduled || p.rescheduled_from;
        in_plan = in_plan || p.plan_id;
    }
    bool inbound = false, reminds = false, kept = false, chosen_promise = false;
    for (const Interaction& i : book.interactions) {
        keeps.insert(std::string(to_string(i.keeps)));
        inbound = inbound || i.inbound;
        reminds = reminds || i.reminds;
        kept = kept || i.promise_id;
        chosen_promise = chosen_promise || i.chosen_promise;
    }
    CHECK(statuses ==
          std::set<std::string>{"open", "kept", "late", "renegotiated", "broken", "cancelled"});
    CHECK(keeps == std::set<std::string>{"auto", "chosen", "aside"});
    CHECK(made_with);
    CHECK(replaced);
    CHECK(rescheduled);
    CHECK(in_plan);
    CHECK(inbound);
    CHECK(reminds);
    CHECK(kept);
    CHECK(chosen_promise);
    CHECK(book.plans.size() == 1);
    CHECK(std::any_of(book.contacts.begin(), book.contacts.end(),
                      [](const Contact& c) { return c.archived_at; }));
    CHECK(std::any_of(book.contacts.begin(), book.contacts.end(),
                      [](const Contact& c) { return c.closed_at; }));
}

// The records of `book` as an import with these offsets brings them in (every id and reference
// moved), for records whose contact maps by `contacts` (file id -> book id; absent: left out).
inline Book shifted(const Book& book, const Store::RecordIds& offset, const std::map<Id, Id>& contacts)
{
    const auto add = [](std::optional<Id>& id, Id by) {
        if (id) {
            *id += by;
        }
    };
    Book out;
    for (Contact c : book.contacts) {
        if (contacts.count(c.id) != 0 && contacts.at(c.id) == c.id + offset.contact) {
            c.id += offset.contact;
            out.contacts.push_back(c);
        }
    }
    for (Plan p : book.plans) {
        if (contacts.count(p.contact_id) != 0) {
            p.id += offset.plan;
            p.contact_id = contacts.at(p.contact_id);
            out.plans.push_back(p);
        }
    }
    for (Promise p : book.promises) {
        if (contacts.count(p.contact_id) != 0) {
            p.id += offset.promise;
            p.contact_id = contacts.at(p.contact_id);
            add(p.plan_id, offset.plan);
            add(p.replaced_by, offset.promise);
            add(p.rescheduled_from, offset.promise);
            add(p.made_with, offset.interaction);
            out.promises.push_back(p);
        }
    }
    for (Interaction i : book.interactions) {
        if (contacts.count(i.contact_id) != 0) {
            i.id += offset.interaction;
            i.contact_id = contacts.at(i.contact_id);
            add(i.promise_id, offset.promise);
            add(i.chosen_promise, offset.promise);
            add(i.reminds, offset.promise);
            out.interactions.push_back(i);
        }
    }
    return out;
}

// The records of `book` with ids above the offsets: what an import added.
inline Book added_since(const Book& book, const Store::RecordIds& offset)
{
    Book out;
    std::copy_if(book.contacts.begin(), book.contacts.end(), std::back_inserter(out.contacts),
                 [&](const Contact& c) { return c.id > offset.contact; });
    std::copy_if(book.plans.begin(), book.plans.end(), std::back_inserter(out.plans),
                 [&](const Plan& p) { return p.id > offset.plan; });
    std::copy_if(book.promises.begin(), book.promises.end(), std::back_inserter(out.promises),
                 [&](const Promise& p) { return p.id > offset.promise; });
    std::copy_if(book.interactions.begin(), book.interactions.end(),
                 std::back_inserter(out.interactions),
                 [&](const Interaction& i) { return i.id > offset.interaction; });
    return out;
}

// A book with contacts 1 and 2 gone but their ids given (and a promise and an interaction of
// theirs), and "Old Timer" (id 3) with a promise: the ids an import must not reuse.
inline void make_used_book(Ledger& l)
{
    const Contact gone = l.add("Gone Away", "gone@example.org");
    const Contact also = l.add("Also Gone");
    const Contact old = l.add("Old Timer", "old@example.org", "555-0199");
    for (const Contact& c : {gone, old}) {
        const Instant now = at("2026-06-01T14:30:00Z");
        l.write("fu promise", now, [&] {
            PromiseRequest request;
            request.when = "2026-06-20";
            return make_promise(l.store, l.contact(c.id), request, l.context(now));
        });
    }
    const Instant now = at("2026-06-01T15:00:00Z");
    l.write("fu log", now, [&] {
        LogRequest request;
        request.kind = "note";
        request.note = "moving away";
        return log_interaction(l.store, l.contact(gone.id), request, l.context(now));
    });
    l.write("fu rm", now, [&] {
        purge_contact(l.store, l.contact(gone.id));
        purge_contact(l.store, l.contact(also.id));
    });
}

inline IncomingContact incoming(const char* where, const char* name, const char* email = "",
                         const char* phone = "")
{
    IncomingContact c;
    c.where = where;
    c.name = name;
    c.email = email;
    c.phone = phone;
    return c;
}

} // namespace fu::exchange_test
