// Imports and exports (fu/exchange.hpp) against a real store: contacts from CSV and vCard records,
// a whole fu JSON book (ids kept, or remapped with their references), duplicates skipped or
// merged, the kept state after an import equal to a recount, undo of an import, and the exports'
// choice and order of records.
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

#include <date/tz.h>

#include "book_test_support.hpp"
#include "fu/contacts_csv.hpp"
#include "fu/error.hpp"
#include "fu/exchange.hpp"
#include "fu/followup.hpp"
#include "fu/ical.hpp"
#include "fu/practice.hpp"
#include "fu/store.hpp"
#include "store_drift_support.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;
using fu::test::describe;
using fu::test::drift;
using fu::test::query_rows;
using fu::test::TempDir;

namespace {

// The kept columns of every contact and promise, and the tallies, as a recount would not see them.
const char* const k_kept_sql =
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
    const date::time_zone& zone = *date::locate_zone("America/New_York");

    ChangeContext context(Instant now) const { return {now, settings, zone}; }

    template <class F> auto write(const std::string& command, Instant now, F&& change)
    {
        auto tx = store.begin_write({command, now, true});
        if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
            std::forward<F>(change)();
            tx.commit();
        } else {
            auto result = std::forward<F>(change)();
            tx.commit();
            return result;
        }
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
template <class F> Refusal refusal(F&& f)
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
void make_history(Ledger& l)
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
void check_history_is_complete(const Book& book)
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
Book shifted(const Book& book, const Store::RecordIds& offset, const std::map<Id, Id>& contacts)
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
Book added_since(const Book& book, const Store::RecordIds& offset)
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
void make_used_book(Ledger& l)
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

IncomingContact incoming(const char* where, const char* name, const char* email = "",
                         const char* phone = "")
{
    IncomingContact c;
    c.where = where;
    c.name = name;
    c.email = email;
    c.phone = phone;
    return c;
}

} // namespace

// ---- import_book ----

TEST_CASE("import_book: into an empty book every record keeps its id and every column")
{
    Ledger source;
    make_history(source);
    const std::string document = source.exported();
    const Book book = read_book_json(document, "book.json");
    check_history_is_complete(book);

    Ledger copy;
    const ImportReport report = copy.import(book);
    CHECK(report.dialect == "fu JSON");
    CHECK(report.ids_kept);
    CHECK(report.added == 4);
    CHECK(report.skipped == 0);
    CHECK(report.merged == 0);
    CHECK(report.plans == 1);
    CHECK(report.promises == static_cast<std::int64_t>(book.promises.size()));
    CHECK(report.interactions == static_cast<std::int64_t>(book.interactions.size()));
    CHECK(report.duplicates.empty());

    // Byte for byte the same document.
    CHECK(copy.exported() == document);
    // The kept state is a recount's, and the same as the source's.
    CHECK(drift(copy.path) == 0);
    CHECK(copy.kept() == source.kept());
    CHECK(copy.kept().find("|") != std::string::npos);
    // The tags and the full-text indexes hold the imported records.
    CHECK(copy.tagged("lead") == std::vector<std::string>{"Ada Lovelace", "Bob Babbage"});
    CHECK(copy.searched("Lovelace") == std::vector<std::string>{"Ada Lovelace"});
    CHECK(copy.searched("price") == std::vector<std::string>{"Cy Closed"}); // an interaction's note
    CHECK(copy.searched("contract") ==
          std::vector<std::string>{"Ada Lovelace"}); // a promise's purpose
    // A book whose contacts were all erased is empty too: ids are kept.
    Ledger emptied;
    emptied.add("Zed");
    emptied.write("fu rm", at("2026-06-02T00:00:00Z"),
                  [&] { purge_contact(emptied.store, emptied.contact(1)); });
    CHECK(emptied.import(book).ids_kept);
    CHECK(emptied.exported() == document);
}

TEST_CASE(
    "import_book: into a book with contacts, ids move past every id given and references follow")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    Ledger target;
    make_used_book(target);
    const std::string before = target.exported();
    const Store::RecordIds offset = target.store.highest_ids();
    // Ids given and since erased count: contact 2 and the promise and interaction of contact 1.
    CHECK(offset.contact == 3);
    CHECK(offset.promise == 2);
    CHECK(offset.interaction == 1);
    CHECK(offset.plan == 0);
    REQUIRE(target.records().contacts.size() == 1);
    REQUIRE(target.records().promises.size() == 1);
    REQUIRE(target.records().interactions.empty());

    const ImportReport report = target.import(book);
    CHECK_FALSE(report.ids_kept);
    CHECK(report.added == 4);
    CHECK(report.promises == static_cast<std::int64_t>(book.promises.size()));
    CHECK(report.interactions == static_cast<std::int64_t>(book.interactions.size()));

    std::map<Id, Id> contacts;
    for (const Contact& c : book.contacts) {
        contacts[c.id] = c.id + offset.contact;
    }
    const Book expected = shifted(book, offset, contacts);
    const Book now = target.records();
    const Book added = added_since(now, offset);
    CHECK(describe(added.contacts) == describe(expected.contacts));
    CHECK(describe(added.plans) == describe(expected.plans));
    CHECK(describe(added.promises) == describe(expected.promises));
    CHECK(describe(added.interactions) == describe(expected.interactions));
    // What was there is untouched.
    CHECK(now.contacts.front().name == "Old Timer");
    CHECK(now.contacts.front().id == 3);
    const Book old = read_book_json(before, "before");
    CHECK(describe(now.contacts.front()) == describe(old.contacts.front()));
    CHECK(describe(now.promises.front()) == describe(old.promises.front()));
    CHECK(drift(target.path) == 0);
    CHECK(target.searched("price") == std::vector<std::string>{"Cy Closed"});
}

TEST_CASE("import_book: a duplicate is skipped with its playbook runs, promises and interactions")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    Ledger target;
    const Contact ada = target.add("A. Lovelace", "ada@EXAMPLE.com"); // the same email, any case
    const Contact bob =
        target.add("bob babbage", "", "(555) 0100"); // the same name and phone digits
    const Contact dee =
        target.add("Dee Archived", "", "555-0177"); // the same name, no phone: no duplicate
    target.write("fu archive", at("2026-06-02T00:00:00Z"),
                 [&] { target.store.set_archived(ada.id, at("2026-06-02T00:00:00Z")); });
    const Store::RecordIds offset = target.store.highest_ids();
    const std::string kept_before = target.kept();
    const std::vector<Promise> bobs_before = target.store.promises_of(bob.id);

    const ImportReport report = target.import(book);
    CHECK(report.added == 2);
    CHECK(report.skipped == 2);
    CHECK(report.merged == 0);
    CHECK(report.plans == 0); // Bob's
    CHECK(report.duplicates ==
          std::vector<std::string>{
              "contact 1: Ada Lovelace — same email as A. Lovelace (id 1, archived)",
              "contact 2: Bob Babbage — same name and phone as bob babbage (id 2)"});
    std::map<Id, Id> contacts{{3, 3 + offset.contact}, {4, 4 + offset.contact}};
    const Book expected = shifted(book, offset, contacts);
    const Book added = added_since(target.records(), offset);
    CHECK(describe(added) == describe(expected));
    CHECK(report.promises == static_cast<std::int64_t>(expected.promises.size()));
    CHECK(report.interactions == static_cast<std::int64_t>(expected.interactions.size()));
    CHECK(added.contacts.size() == 2);
    // The contacts it duplicates are left as they were.
    CHECK(target.contact(ada.id).name == "A. Lovelace");
    CHECK(target.contact(ada.id).company.empty());
    CHECK(target.contact(ada.id).tags.empty());
    CHECK(target.store.promises_of(ada.id).empty());
    CHECK(describe(target.contact(bob.id)) == describe(bob));
    CHECK(target.store.promises_of(bob.id).size() == bobs_before.size());
    CHECK(target.store.plans_of(bob.id).empty());
    CHECK(target.contact(dee.id).name == "Dee Archived");
    CHECK(drift(target.path) == 0);
    CHECK(target.kept() != kept_before);
}

TEST_CASE("import_book: a merged duplicate fills in the contact, and its history belongs to it")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    Ledger target;
    ContactChanges existing;
    existing.name = "A. Lovelace";
    existing.email = "ada@example.com";
    existing.note = "from the conference";
    existing.add_tags = {"vip"};
    const Contact ada = target.add(existing);
    const Contact bob = target.add("bob babbage", "bob@example.net", "(555) 0100");
    const Store::RecordIds offset = target.store.highest_ids();

    const ImportReport report = target.import(book, true);
    CHECK(report.added == 2);
    CHECK(report.merged == 2);
    CHECK(report.skipped == 0);
    CHECK(report.plans == 1);
    CHECK(report.duplicates.size() == 2);

    // Ada: empty fields filled, a different phone kept in the note (the email differs only in
    // case), the file's note added, tags added.
    const Contact merged = target.contact(ada.id);
    CHECK(merged.name == "A. Lovelace");
    CHECK(merged.email == "ada@example.com");
    CHECK(merged.company == "Analytical \"Engines\"");
    CHECK(merged.phone == "+44 20 7946 0000");
    CHECK(merged.tz == "Europe/London");
    CHECK(merged.every == book.contacts[0].every);
    CHECK_FALSE(merged.every.empty());
    CHECK(merged.interest == "hot");
    CHECK(merged.note == "from the conference\nmet at \"the fair\"\nlikes tea — ünïcode");
    std::vector<std::string> tags = merged.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"lead", "vip"});
    // Bob: his email stays; the phone is the same digits, so nothing goes to the note.
    const Contact bobs = target.contact(bob.id);
    CHECK(bobs.email == "bob@example.net");
    CHECK(bobs.phone == "(555) 0100");
    CHECK(bobs.note.empty());
    CHECK(bobs.interest == "warm");

    // Their histories now belong to them, references moved with the ids.
    std::map<Id, Id> contacts{
        {1, ada.id}, {2, bob.id}, {3, 3 + offset.contact}, {4, 4 + offset.contact}};
    const Book expected = shifted(book, offset, contacts);
    const Book added = added_since(target.records(), offset);
    CHECK(describe(added.plans) == describe(expected.plans));
    CHECK(describe(added.promises) == describe(expected.promises));
    CHECK(describe(added.interactions) == describe(expected.interactions));
    CHECK(added.contacts.size() == 2);
    CHECK(target.store.plans_of(bob.id).size() == 1);
    CHECK(target.store.promises_of(ada.id).size() == 3);
    CHECK(drift(target.path) == 0);
    // The cadence came with its bound, as `fu edit --every` would write it.
    CHECK(query_rows(target.path, "SELECT every_after > 0 FROM contacts WHERE id = 1") == "1\n");
    CHECK(target.searched("contract") == std::vector<std::string>{"A. Lovelace"});

    // Merging the same file again adds nothing to the note.
    Book again = book;
    again.contacts.resize(1);
    again.plans.clear();
    again.promises.clear();
    again.interactions.clear();
    target.import(again, true);
    CHECK(target.contact(ada.id).note == merged.note);
}

TEST_CASE(
    "import_book: a different phone, email or company of a merged duplicate goes to the note once")
{
    Ledger target;
    ContactChanges existing;
    existing.name = "Ada";
    existing.email = "ada@example.com";
    existing.phone = "555-0100";
    existing.company = "Acme";
    target.add(existing);

    Book book;
    Contact ada;
    ada.id = 1;
    ada.name = "Ada";
    ada.email = "ADA@example.com";
    ada.phone = "+1 555 0199";
    ada.company = "ACME";
    ada.created_at = at("2026-01-01T00:00:00Z");
    book.contacts.push_back(ada);
    Contact by_phone;
    by_phone.id = 2;
    by_phone.name = "ada"; // the same name in another case, the same digits: Ada again
    by_phone.phone = "555 0100";
    by_phone.email = "ada@other.org";
    by_phone.company = "Beta";
    by_phone.created_at = at("2026-01-01T00:00:00Z");
    book.contacts.push_back(by_phone);

    const ImportReport report = target.import(book, true);
    CHECK(report.merged == 2);
    CHECK(report.duplicates ==
          std::vector<std::string>{"contact 1: Ada — same email as Ada (id 1)",
                                   "contact 2: ada — same name and phone as Ada (id 1)"});
    CHECK(target.contact(1).note == "Phone: +1 555 0199\nCompany: Beta\nE-mail: ada@other.org");
    CHECK(target.contact(1).company == "Acme");
    CHECK(target.contact(1).phone == "555-0100");
    CHECK(target.contact(1).email == "ada@example.com");
    target.import(book, true);
    CHECK(target.contact(1).note == "Phone: +1 555 0199\nCompany: Beta\nE-mail: ada@other.org");
    CHECK_FALSE(target.store.contact(2));
}

TEST_CASE("import_book: a reference to a record the file does not hold is refused, nothing stored")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();
    Ledger target;
    target.add("Old Timer");
    const std::string before = target.exported();

    struct Case {
        std::string what;
        std::function<void(Book&)> change;
        std::string message;
    };
    const Id p = book.promises.front().id;
    const Id i = book.interactions.front().id;
    const Id plan = book.plans.front().id;
    const Case cases[] = {
        {"a plan's contact", [](Book& b) { b.plans.front().contact_id = 99; },
         "book.json: plan " + std::to_string(plan) + ": contact 99 is not in the file"},
        {"a promise's contact", [](Book& b) { b.promises.front().contact_id = 98; },
         "book.json: promise " + std::to_string(p) + ": contact 98 is not in the file"},
        {"a promise's plan", [](Book& b) { b.promises.front().plan_id = 97; },
         "book.json: promise " + std::to_string(p) + ": plan 97 is not in the file"},
        {"a promise's replacement", [](Book& b) { b.promises.front().replaced_by = 96; },
         "book.json: promise " + std::to_string(p) + ": promise 96 is not in the file"},
        {"a promise's origin", [](Book& b) { b.promises.front().rescheduled_from = 95; },
         "book.json: promise " + std::to_string(p) + ": promise 95 is not in the file"},
        {"a promise's interaction", [](Book& b) { b.promises.front().made_with = 94; },
         "book.json: promise " + std::to_string(p) + ": interaction 94 is not in the file"},
        {"an interaction's contact", [](Book& b) { b.interactions.front().contact_id = 93; },
         "book.json: interaction " + std::to_string(i) + ": contact 93 is not in the file"},
        {"an interaction's promise", [](Book& b) { b.interactions.front().promise_id = 92; },
         "book.json: interaction " + std::to_string(i) + ": promise 92 is not in the file"},
        {"an interaction's chosen promise",
         [](Book& b) { b.interactions.front().chosen_promise = 91; },
         "book.json: interaction " + std::to_string(i) + ": promise 91 is not in the file"},
        {"an interaction's reminded promise", [](Book& b) { b.interactions.front().reminds = 90; },
         "book.json: interaction " + std::to_string(i) + ": promise 90 is not in the file"},
    };
    for (const Case& test : cases) {
        INFO(test.what);
        Book broken = book;
        test.change(broken);
        const Refusal refused = refusal([&] { target.import(broken); });
        CHECK(refused.status == 2);
        CHECK(refused.message == test.message);
        CHECK(target.exported() == before);
    }
    // Into an empty book too.
    Ledger empty;
    Book broken = book;
    broken.interactions.back().reminds = 89;
    CHECK(refusal([&] { empty.import(broken); }).message ==
          "book.json: interaction " + std::to_string(broken.interactions.back().id) +
              ": promise 89 is not in the file");
    CHECK_FALSE(empty.store.has_contacts());
}

TEST_CASE("import_book: a contact field fu add refuses stops the import, and nothing is kept")
{
    Ledger source;
    make_history(source);
    Book book = source.records();
    book.contacts[2].email = "cy at example.org";
    Ledger target;
    target.add("A. Lovelace", "ada@example.com");
    const std::string before = target.exported();
    // The merge into contact 1 is written before contact 3 is refused: the transaction takes it
    // back.
    const Refusal refused = refusal([&] { target.import(book, true); });
    CHECK(refused.status == 2);
    CHECK(refused.message ==
          R"(book.json: contact 3: "cy at example.org" is not an email address)");
    CHECK(refused.hint == "write it like name@example.com");
    CHECK(target.exported() == before);
    CHECK(drift(target.path) == 0);

    Ledger empty;
    book = source.records();
    book.contacts[1].tags = {"two words"};
    CHECK(refusal([&] { empty.import(book); }).message ==
          R"(book.json: contact 2: "two words" is not a tag (one word, no commas))");
    CHECK_FALSE(empty.store.has_contacts());
}

// ---- import_contacts ----

TEST_CASE("import_contacts: new contacts get fresh ids in file order, their fields checked as fu "
          "add does")
{
    Ledger l;
    make_used_book(l); // ids 1 and 2 given and gone, 3 live
    ContactsRead read;
    read.dialect = "Google Contacts CSV";
    read.notices = {"column \"Birthday\" (2 values) is not imported"};
    IncomingContact ada =
        incoming("line 2", "  Ada Lovelace ", " ada@example.com ", " +44 20 7946 0000 ");
    ada.company = " Engines ";
    ada.note = "first\nsecond";
    ada.tz = "Europe/London";
    ada.every = "2-3 weeks";
    ada.interest = " HOT ";
    ada.tags = {"vip", " lead ", "vip"};
    read.contacts.push_back(ada);
    read.contacts.push_back(incoming("line 3", "Zed"));
    read.contacts.push_back(incoming("line 4", "Bea", "", "555-0100"));
    const Instant now = at("2026-07-01T12:00:00Z");
    const ImportReport report = l.import(read, false, now);
    CHECK(report.dialect == "Google Contacts CSV");
    CHECK(report.notices == read.notices);
    CHECK(report.added == 3);
    CHECK(report.skipped == 0);
    CHECK(report.duplicates.empty());
    CHECK_FALSE(report.ids_kept);

    const Contact added = l.contact(4);
    CHECK(added.name == "Ada Lovelace");
    CHECK(added.company == "Engines");
    CHECK(added.email == "ada@example.com");
    CHECK(added.phone == "+44 20 7946 0000");
    CHECK(added.note == "first\nsecond");
    CHECK(added.tz == "Europe/London");
    CHECK(added.every == "2-3 weeks");
    CHECK(added.interest == "hot");
    CHECK(added.created_at == now);
    std::vector<std::string> tags = added.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"lead", "vip"});
    CHECK(l.contact(5).name == "Zed");
    CHECK(l.contact(6).name == "Bea");
    CHECK_FALSE(l.store.contact(7));
    CHECK(l.store.highest_ids().contact == 6);
    // The cadence's bound is the one fu add writes.
    Ledger by_add;
    ContactChanges same;
    same.name = "Ada";
    same.every = "2-3 weeks";
    by_add.add(same);
    CHECK(query_rows(l.path, "SELECT every_after FROM contacts WHERE id = 4") ==
          query_rows(by_add.path, "SELECT every_after FROM contacts WHERE id = 1"));
    CHECK(query_rows(l.path, "SELECT every_after FROM contacts WHERE id = 4") != "0\n");
    CHECK(drift(l.path) == 0);
    CHECK(l.searched("Lovelace") == std::vector<std::string>{"Ada Lovelace"});
    CHECK(l.tagged("lead") == std::vector<std::string>{"Ada Lovelace"});
}

TEST_CASE("import_contacts: the first bad field stops the import with the record's place, and "
          "nothing is kept")
{
    struct Case {
        std::string what;
        IncomingContact bad;
        std::string message;
    };
    IncomingContact bad_tz = incoming("card 3 (line 40)", "Cy");
    bad_tz.tz = "Mars/Olympus";
    IncomingContact bad_tag = incoming("line 7", "Cy");
    bad_tag.tags = {"a,b"};
    IncomingContact bad_interest = incoming("line 7", "Cy");
    bad_interest.interest = "scorching";
    const Case cases[] = {
        {"an email", incoming("line 7", "Cy", "cy@"),
         R"(contacts.csv:7: "cy@" is not an email address)"},
        {"a phone", incoming("line 7", "Cy", "", "12"),
         R"(contacts.csv:7: "12" is not a phone number)"},
        {"a phone with letters", incoming("line 7", "Cy", "", "555-CALL"),
         R"(contacts.csv:7: "555-CALL" is not a phone number (unexpected 'C'))"},
        {"an empty name", incoming("line 7", "   "), "contacts.csv:7: the name is empty"},
        {"a tag", bad_tag, R"(contacts.csv:7: "a,b" is not a tag (one word, no commas))"},
    };
    for (const Case& test : cases) {
        INFO(test.what);
        Ledger l;
        const Contact ada = l.add("Ada", "ada@example.com");
        const std::string before = l.exported();
        ContactsRead read;
        read.contacts.push_back(incoming("line 2", "Bob"));
        IncomingContact dup = incoming("line 3", "Ada", "ADA@example.com");
        dup.company = "Merged Ltd"; // merged before the bad record: taken back with the rest
        read.contacts.push_back(dup);
        read.contacts.push_back(test.bad);
        const Refusal refused = refusal([&] { l.import(read, true); });
        CHECK(refused.status == 2);
        CHECK(refused.message == test.message);
        CHECK(l.exported() == before);
        CHECK(l.contact(ada.id).company.empty());
        CHECK(l.store.journal().size() == 1);
    }
    const std::pair<IncomingContact, std::string> located[] = {{bad_tz, "contacts.csv:40: card 3: "},
                                                               {bad_interest, "contacts.csv:7: "}};
    for (const auto& [bad, prefix] : located) {
        Ledger l;
        ContactsRead read;
        read.contacts.push_back(bad);
        const Refusal refused = refusal([&] { l.import(read); });
        CHECK(refused.status == 2);
        CHECK(refused.message.rfind(prefix, 0) == 0);
        CHECK_FALSE(l.store.has_contacts());
    }
}

TEST_CASE("import_contacts: duplicates by email (any case) or by name and phone digits, in the "
          "book or the file")
{
    Ledger l;
    const Contact ada = l.add("Ada Lovelace", "ada@example.com");
    const Contact old = l.add("Old Timer", "", "+1 (555) 010-0199");
    l.write("fu archive", at("2026-06-02T00:00:00Z"),
            [&] { l.store.set_archived(old.id, at("2026-06-02T00:00:00Z")); });
    ContactsRead read;
    read.contacts = {
        incoming("line 2", "Ada L", "ADA@EXAMPLE.COM"),     // the book's Ada, by email
        incoming("line 3", "Bob", "", "+1 (555) 010-0100"), // new: id 3
        incoming("line 4", "bob", "", "15550100100"),  // the same digits, the name in another case
        incoming("line 5", "Bob", "", "555 010 0100"), // other digits (no country code): new
        incoming("line 6", "Robert", "", "+1 (555) 010-0100"),     // another name: new
        incoming("line 7", "Cy", "cy@example.org"),                // new
        incoming("line 8", "Cyrus", "CY@example.ORG"),             // line 7's email
        incoming("line 9", "Ada Lovelace"),                        // a name alone is no duplicate
        incoming("line 10", "old timer", "", "1 555 010 0199"),    // the archived contact
        incoming("line 11", "Dee", "dee@example.org", "555-0111"), // new
        incoming("line 12", "Dee", "", "555 0111"),                // line 11 by name and phone
    };
    const ImportReport report = l.import(read);
    CHECK(report.added == 6);
    CHECK(report.skipped == 5);
    CHECK(report.merged == 0);
    CHECK(report.duplicates ==
          std::vector<std::string>{
              "line 2: Ada L — same email as Ada Lovelace (id 1)",
              "line 4: bob — same name and phone as Bob (line 3, new)",
              "line 8: Cyrus — same email as Cy (line 7, new)",
              "line 10: old timer — same name and phone as Old Timer (id 2, archived)",
              "line 12: Dee — same name and phone as Dee (line 11, new)",
          });
    std::vector<std::string> names;
    for (const Contact& c : l.records().contacts) {
        names.push_back(std::to_string(c.id) + " " + c.name);
    }
    CHECK(names == std::vector<std::string>{"1 Ada Lovelace", "2 Old Timer", "3 Bob", "4 Bob",
                                            "5 Robert", "6 Cy", "7 Ada Lovelace", "8 Dee"});
    CHECK(l.contact(ada.id).name == "Ada Lovelace");
    CHECK(drift(l.path) == 0);
}

TEST_CASE("import_contacts: a merged duplicate fills in empty fields, keeps a different phone or "
          "email in the "
          "note once, and adds tags")
{
    Ledger l;
    ContactChanges existing;
    existing.name = "Ada Lovelace";
    existing.email = "ada@example.com";
    existing.phone = "020 7946 0000";
    existing.note = "met at the fair";
    existing.add_tags = {"vip"};
    const Contact ada = l.add(existing);
    const Contact bob = l.add("Bob", "bob@a.com", "555-0100");

    ContactsRead read;
    IncomingContact ada_again = incoming("line 2", "Ada L", "ADA@example.com", "+44 20 7946 1111");
    ada_again.company = "Engines Ltd";
    ada_again.note = "likes tea";
    ada_again.tz = "Europe/London";
    ada_again.interest = "hot";
    ada_again.every = "2-3 weeks";
    ada_again.tags = {"vip", "lead"};
    read.contacts.push_back(ada_again);
    IncomingContact ada_twice = ada_again;
    ada_twice.where = "line 3";
    read.contacts.push_back(ada_twice);
    read.contacts.push_back(incoming("line 4", "bob", "bob@b.com", "(555) 0100"));
    // Into an earlier record of the same file.
    read.contacts.push_back(incoming("line 5", "Cy", "", "555 1234"));
    IncomingContact cy_again = incoming("line 6", "cy", "cy@example.org", "5551234");
    cy_again.company = "Acme";
    cy_again.note = "second card";
    cy_again.tags = {"x", "y"};
    read.contacts.push_back(cy_again);
    IncomingContact cy_third = incoming("line 7", "Cy", "", "555-1234");
    cy_third.company = "Other Co";
    cy_third.tags = {"y", "z"};
    read.contacts.push_back(cy_third);

    const ImportReport report = l.import(read, true);
    CHECK(report.added == 1);
    CHECK(report.merged == 5);
    CHECK(report.skipped == 0);
    CHECK(report.duplicates == std::vector<std::string>{
                                   "line 2: Ada L — same email as Ada Lovelace (id 1)",
                                   "line 3: Ada L — same email as Ada Lovelace (id 1)",
                                   "line 4: bob — same name and phone as Bob (id 2)",
                                   "line 6: cy — same name and phone as Cy (line 5, new)",
                                   "line 7: Cy — same name and phone as Cy (line 5, new)",
                               });

    const Contact merged = l.contact(ada.id);
    CHECK(merged.name == "Ada Lovelace");
    CHECK(merged.email == "ada@example.com");
    CHECK(merged.phone == "020 7946 0000");
    CHECK(merged.company == "Engines Ltd");
    CHECK(merged.tz == "Europe/London");
    CHECK(merged.interest == "hot");
    CHECK_FALSE(merged.every.empty());
    CHECK(merged.note == "met at the fair\nlikes tea\nPhone: +44 20 7946 1111");
    std::vector<std::string> tags = merged.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"lead", "vip"});
    CHECK(l.contact(bob.id).note == "E-mail: bob@b.com");
    CHECK(l.contact(bob.id).email == "bob@a.com");

    const Contact cy = l.contact(3);
    CHECK(cy.name == "Cy");
    CHECK(cy.phone == "555 1234");
    CHECK(cy.email == "cy@example.org");
    CHECK(cy.company == "Acme");
    CHECK(cy.note == "second card\nCompany: Other Co");
    tags = cy.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"x", "y", "z"});
    CHECK_FALSE(l.store.contact(4));
    CHECK(drift(l.path) == 0);
    // The cadence merged in has the bound fu edit --every writes.
    CHECK(query_rows(l.path, "SELECT every_after > 0 FROM contacts WHERE id = 1") == "1\n");
}

TEST_CASE("import_contacts: a field merged into an earlier record of the file finds later "
          "duplicates, as one "
          "merged into the book does")
{
    // In the book: Cy's email, merged in by line 3, makes line 4 a duplicate.
    Ledger book;
    book.add("Cy", "", "555 1234");
    ContactsRead read;
    read.contacts = {incoming("line 3", "cy", "cy@example.org", "5551234"),
                     incoming("line 4", "Cyrus", "CY@example.org")};
    const ImportReport into_book = book.import(read, true);
    CHECK(into_book.merged == 2);
    CHECK(into_book.added == 0);

    // In the file: the same records after Cy's own line.
    Ledger file;
    read.contacts.insert(read.contacts.begin(), incoming("line 2", "Cy", "", "555 1234"));
    const ImportReport in_file = file.import(read, true);
    CHECK(in_file.added == 1);
    CHECK(in_file.merged == 2);
    CHECK(in_file.duplicates.back() == "line 4: Cyrus — same email as Cy (line 2, new)");
    CHECK_FALSE(file.store.contact(2));
}

// ---- Undo ----

TEST_CASE("undo of an import restores the book exactly")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    SUBCASE("a book into an empty book")
    {
        Ledger l;
        const std::string before = l.exported();
        l.import(book);
        REQUIRE(l.exported() != before);
        CHECK(l.searched("Lovelace") == std::vector<std::string>{"Ada Lovelace"});
        CHECK(l.searched("price") == std::vector<std::string>{"Cy Closed"});
        CHECK(l.tagged("lead").size() == 2);
        CHECK(l.store.journal().front().command == "fu import book.json");
        l.undo_newest();
        CHECK(l.exported() == before);
        CHECK(l.searched("Lovelace").empty());
        CHECK(l.searched("price").empty());
        CHECK(l.searched("contract").empty());
        CHECK(l.tagged("lead").empty());
        CHECK(drift(l.path) == 0);
        CHECK(l.kept().empty());
    }
    SUBCASE("a book merged into a book with contacts")
    {
        Ledger l;
        make_used_book(l);
        ContactChanges existing;
        existing.name = "A. Lovelace";
        existing.email = "ada@example.com";
        existing.add_tags = {"vip"};
        l.add(existing);
        const std::string before = l.exported();
        const std::string kept_before = l.kept();
        l.import(book, true);
        REQUIRE(l.exported() != before);
        CHECK(l.searched("Babbage") == std::vector<std::string>{"Bob Babbage"});
        CHECK(l.searched("tea") == std::vector<std::string>{"A. Lovelace"}); // the merged note
        CHECK(l.tagged("lead").size() == 2);
        l.undo_newest();
        CHECK(l.exported() == before);
        CHECK(l.kept() == kept_before);
        CHECK(l.searched("Babbage").empty());
        CHECK(l.searched("tea").empty());
        CHECK(l.tagged("lead").empty());
        CHECK(l.tagged("vip") == std::vector<std::string>{"A. Lovelace"});
        CHECK(drift(l.path) == 0);
    }
    SUBCASE("contacts added and merged")
    {
        Ledger l;
        ContactChanges existing;
        existing.name = "Ada Lovelace";
        existing.email = "ada@example.com";
        l.add(existing);
        const std::string before = l.exported();
        const std::string kept_before = l.kept();
        ContactsRead read;
        IncomingContact ada = incoming("line 2", "Ada", "ADA@example.com", "555-0100");
        ada.note = "loves engines";
        ada.tags = {"vip"};
        IncomingContact bea = incoming("line 3", "Bea Zephyr", "bea@example.org");
        bea.tags = {"lead"};
        bea.every = "2-3 weeks";
        read.contacts = {ada, bea};
        l.import(read, true);
        CHECK(l.searched("Zephyr") == std::vector<std::string>{"Bea Zephyr"});
        CHECK(l.searched("engines") == std::vector<std::string>{"Ada Lovelace"});
        CHECK(l.tagged("vip") == std::vector<std::string>{"Ada Lovelace"});
        l.undo_newest();
        CHECK(l.exported() == before);
        CHECK(l.kept() == kept_before);
        CHECK(l.searched("Zephyr").empty());
        CHECK(l.searched("engines").empty());
        CHECK(l.tagged("vip").empty());
        CHECK(l.tagged("lead").empty());
        CHECK(drift(l.path) == 0);
    }
}

// ---- Exports ----

namespace {

// A book with live contacts out of name order, an archived one, open, kept and archived promises.
struct ExportBook {
    Ledger l;
    Contact zed, ada, bea, bob, cy;
    Promise zeds, adas, beas, cys;

    ExportBook()
    {
        zed = l.add("Zed Zimmer", "zed@example.org");
        ada = l.add("Ada Archived", "ada@example.org");
        bea = l.add("bea lower", "bea@example.org");
        bob = l.add("Bob Kept", "bob@example.org");
        cy = l.add("Cy Closed", "cy@example.org");
        const auto promise = [&](const Contact& c, const char* when) {
            const Instant now = at("2026-06-01T14:00:00Z");
            return l.write("fu promise", now, [&] {
                PromiseRequest request;
                request.when = when;
                request.about = "check in";
                return make_promise(l.store, l.contact(c.id), request, l.context(now)).promise;
            });
        };
        zeds = promise(zed, "2026-06-04");
        beas = promise(bea, "2026-06-10");
        adas = promise(ada, "2026-06-02");
        cys = promise(cy, "2026-06-03");
        Promise bobs = promise(bob, "2026-06-02");
        const Instant now = at("2026-06-02T15:00:00Z");
        l.write("fu log", now, [&] {
            LogRequest call;
            call.kind = "call";
            return log_interaction(l.store, l.contact(bob.id), call, l.context(now));
        });
        REQUIRE(l.store.promise(bobs.id)->status == PromiseStatus::kept);
        l.write("fu archive", now, [&] { l.store.set_archived(ada.id, now); });
        REQUIRE(l.store.promise(adas.id)->status == PromiseStatus::open);
    }
};

std::vector<std::size_t> positions(const std::string& text, const std::vector<std::string>& parts)
{
    std::vector<std::size_t> found;
    for (const auto& part : parts) {
        found.push_back(text.find(part));
    }
    return found;
}

std::size_t count_of(const std::string& text, const std::string& part)
{
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos;
         at = text.find(part, at + part.size())) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("export_contacts_csv: live contacts (archived ones not), in name order")
{
    ExportBook b;
    std::ostringstream out;
    export_contacts_csv(b.l.store, out);
    const std::string csv = out.str();
    CHECK(csv.find("Ada Archived") == std::string::npos);
    const auto at = positions(csv, {"bea lower", "Bob Kept", "Cy Closed", "Zed Zimmer"});
    CHECK(at[0] != std::string::npos);
    CHECK(std::is_sorted(at.begin(), at.end()));
    CHECK(at[3] != std::string::npos);
    CHECK(count_of(csv, "\n") == 5); // the header and four rows
    // What it writes, the CSV reader reads back as the same contacts.
    const ContactsRead read = read_contacts_csv(csv, "contacts.csv");
    REQUIRE(read.contacts.size() == 4);
    CHECK(read.contacts[0].name == "bea lower");
    CHECK(read.contacts[3].email == "zed@example.org");
}

TEST_CASE("export_vcards: live contacts (archived ones not), in name order")
{
    ExportBook b;
    for (const VcardVersion version : {VcardVersion::v3_0, VcardVersion::v4_0}) {
        std::ostringstream out;
        export_vcards(b.l.store, out, version);
        const std::string cards = out.str();
        CHECK(count_of(cards, "BEGIN:VCARD\r\n") == 4);
        CHECK(cards.find("Ada Archived") == std::string::npos);
        const auto at =
            positions(cards, {"FN:bea lower", "FN:Bob Kept", "FN:Cy Closed", "FN:Zed Zimmer"});
        CHECK(at[0] != std::string::npos);
        CHECK(std::is_sorted(at.begin(), at.end()));
        CHECK(at[3] != std::string::npos);
        CHECK(read_vcards(cards, "cards.vcf").contacts.size() == 4);
    }
}

TEST_CASE("export_calendar: the open promises of live contacts, by when they open")
{
    ExportBook b;
    std::ostringstream out;
    export_calendar(b.l.store, out, at("2026-06-02T16:00:00Z"));
    const std::string feed = out.str();
    const auto uid = [](const Promise& p) { return "UID:" + promise_uid(p); };
    CHECK(count_of(feed, "BEGIN:VEVENT") == 3);
    CHECK(feed.find(uid(b.adas)) == std::string::npos); // archived
    const auto at = positions(feed, {uid(b.cys), uid(b.zeds), uid(b.beas)});
    CHECK(at[0] != std::string::npos);
    CHECK(std::is_sorted(at.begin(), at.end()));
    CHECK(at[2] != std::string::npos);
    CHECK(feed.find("Bob Kept") == std::string::npos); // kept
    CHECK(feed.find("END:VCALENDAR") != std::string::npos);
}
