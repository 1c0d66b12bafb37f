// Store: creation, migration, identity checks, contacts, promises, interactions, indexes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sqlite3.h>

#include <fmt/format.h>
#include <sys/stat.h>

#include "fu/error.hpp"
#include "fu/store.hpp"
#include "store_file_support.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::TempDir;
using fu::test::raw_sql;
using fu::test::status_of;
using fu::test::at;

namespace {


ContactChanges person(const char* name, const char* email = "")
{
    ContactChanges c;
    c.name = name;
    c.email = email;
    return c;
}
} // namespace

TEST_CASE("a new database is created private, versioned and marked as fu's")
{
    TempDir dir;
    const auto path = dir.path / "nested" / "deeper" / "fu.db";
    {
        Store store = Store::open_for_writing(path);
        CHECK(store.schema_version() == k_schema_version);
        store.begin_write().commit();
    }
    struct stat file_stat {};
    REQUIRE(::stat(path.c_str(), &file_stat) == 0);
    CHECK((file_stat.st_mode & 0777) == 0600);
    REQUIRE(::stat(path.parent_path().c_str(), &file_stat) == 0);
    CHECK((file_stat.st_mode & 0777) == 0700);
    // Reopening keeps the version and data.
    {
        Store store = Store::open_for_writing(path);
        auto tx = store.begin_write();
        store.add_contact(person("Ada"), at("2026-06-15T09:30:00Z"));
        tx.commit();
    }
    const Store again = Store::open_for_reading(path);
    CHECK(again.schema_version() == k_schema_version);
    CHECK(again.list_contacts({}).size() == 1);
}

TEST_CASE("a command changing records of a missing database finds nothing and creates nothing")
{
    TempDir dir;
    const auto path = dir.path / "new" / "fu.db";
    {
        const Store store = Store::open_for_update(path);
        CHECK_FALSE(store.contact(1));
        CHECK(store.open_promises().empty());
    }
    CHECK_FALSE(std::filesystem::exists(path.parent_path()));
}

TEST_CASE("reading a missing database creates nothing")
{
    TempDir dir;
    const auto path = dir.path / "missing" / "fu.db";
    const Store store = Store::open_for_reading(path);
    CHECK(store.list_contacts({}).empty());
    CHECK(store.open_promises().empty());
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path.parent_path()));
}

TEST_CASE("migrating from every earlier version")
{
    TempDir dir;
    SUBCASE("version 0: an empty file")
    {
        const auto path = dir.path / "empty.db";
        std::ofstream(path).close();
        {
            const Store reader = Store::open_for_reading(path); // read as empty, left untouched
            CHECK(reader.list_contacts({}).empty());
        }
        CHECK(std::filesystem::file_size(path) == 0);
        Store store = Store::open_for_writing(path);
        CHECK(store.schema_version() == k_schema_version);
    }
    SUBCASE("an SQLite file with nothing in it is not fu's: refused untouched")
    {
        const auto path = dir.path / "zero.db";
        raw_sql(path, "PRAGMA user_version = 0");
        const auto size = std::filesystem::file_size(path);
        CHECK(status_of([&] { Store::open_for_writing(path); }) == k_exit_database);
        CHECK(std::filesystem::file_size(path) == size);
    }
}

TEST_CASE("files that are not fu's, or too new, are refused untouched")
{
    TempDir dir;
    SUBCASE("another application's database")
    {
        const auto path = dir.path / "other.db";
        raw_sql(path, "CREATE TABLE notes (x)");
        CHECK(status_of([&] { Store::open_for_writing(path); }) == k_exit_database);
        CHECK(status_of([&] { Store::open_for_reading(path); }) == k_exit_database);
    }
    SUBCASE("a newer schema")
    {
        const auto path = dir.path / "newer.db";
        raw_sql(path, "PRAGMA application_id = 1718961218; PRAGMA user_version = 99");
        const auto before = std::filesystem::file_size(path);
        CHECK(status_of([&] { Store::open_for_writing(path); }) == k_exit_database);
        CHECK(status_of([&] { Store::open_for_reading(path); }) == k_exit_database);
        CHECK(std::filesystem::file_size(path) == before);
    }
    SUBCASE("not SQLite at all")
    {
        const auto path = dir.path / "garbage.db";
        std::ofstream(path) << std::string(4096, 'x');
        CHECK(status_of([&] { Store::open_for_writing(path); }) == k_exit_database);
        CHECK(status_of([&] { Store::open_for_reading(path); }) == k_exit_database);
    }
}

TEST_CASE("a write transaction that is not committed changes nothing")
{
    Store store = Store::open_in_memory();
    {
        auto tx = store.begin_write();
        store.add_contact(person("Ada"), at("2026-06-15T09:30:00Z"));
    }
    CHECK(store.list_contacts({}).empty());
}

TEST_CASE("contacts: fields, tags, search, archive, purge")
{
    Store store = Store::open_in_memory();
    const Instant now = at("2026-06-15T13:30:00Z");
    ContactChanges ada = person("Ada Lovelace", "ada@engines.example");
    ada.company = "Analytical Engines";
    ada.phone = "+44 20 7946 0100";
    ada.note = "prefers mornings";
    ada.add_tags = {"vip", "prospect"};
    const Id ada_id = store.add_contact(ada, now);
    const Id jose_id = store.add_contact(person("José Núñez"), now);

    const auto found = store.contact(ada_id);
    REQUIRE(found);
    CHECK(found->company == "Analytical Engines");
    CHECK(found->tags == std::vector<std::string>{"prospect", "vip"});

    CHECK(store.contacts_by_email("ADA@engines.example").size() == 1);
    CHECK(store.contacts_by_name_part("núñez").size() == 1);

    const auto search = [&](const char* text) {
        ContactFilter filter;
        filter.search = text;
        return store.list_contacts(filter).size();
    };
    CHECK(search("analyt") == 1);    // company, by prefix
    CHECK(search("mornings") == 1);  // notes
    CHECK(search("7946") == 1);      // phone
    CHECK(search("engines.example") == 1);
    CHECK(search("nunez") == 1);     // diacritics removed
    CHECK(search("\"unbalanced") == 0); // user text is never FTS syntax
    CHECK(search("babbage") == 0);

    ContactFilter by_tag;
    by_tag.tag = "vip";
    CHECK(store.list_contacts(by_tag).size() == 1);

    ContactChanges edit;
    edit.name = "Augusta Ada King";
    edit.remove_tags = {"vip"};
    store.update_contact(ada_id, edit);
    CHECK(store.contact(ada_id)->tags == std::vector<std::string>{"prospect"});
    CHECK(search("augusta") == 1); // the search index follows edits

    store.set_archived(jose_id, now);
    CHECK(store.list_contacts({}).size() == 1);
    ContactFilter archived;
    archived.archived = true;
    CHECK(store.list_contacts(archived).size() == 1);

    Promise p;
    p.contact_id = ada_id;
    p.made_at = now;
    p.earliest = now;
    p.latest = now + std::chrono::hours{1};
    p.text = "within the hour";
    p.zone = "UTC";
    store.add_promise(p);
    Interaction call;
    call.contact_id = ada_id;
    call.at = now;
    call.kind = "call";
    call.outcome = "reached";
    store.add_interaction(call);
    store.purge_contact(ada_id);
    CHECK_FALSE(store.contact(ada_id));
    CHECK(store.open_promises().empty());
    CHECK(store.list_interactions({}).empty());
    CHECK(search("augusta") == 0);
}

TEST_CASE("a search with many matches pages them in name order and counts only the live ones")
{
    // Over 1000 matches: the page is read walking the name index, not by id and sorted. Both ways
    // must give the same rows, and the count (by the live-contacts index) must leave out the
    // archived matches and include those found only by an interaction's note.
    Store store = Store::open_in_memory();
    const Instant now = at("2026-06-15T13:30:00Z");
    std::vector<std::string> live_names;
    for (int i = 0; i < 1300; ++i) {
        // Names in an order unrelated to the ids; every fifth one archived.
        const std::string name = fmt::format("Buyer {:04}", (i * 7919) % 1300);
        ContactChanges c = person(name.c_str());
        c.company = i % 2 == 0 ? "Northwind Traders" : "Contoso";
        const Id id = store.add_contact(c, now);
        if (i % 2 == 1) {
            Interaction note;
            note.contact_id = id;
            note.at = now;
            note.kind = "email";
            note.note = "asked about northwind's rates";
            store.add_interaction(note);
        }
        if (i % 5 == 0) {
            store.set_archived(id, now);
        } else {
            live_names.push_back(name);
        }
    }
    std::sort(live_names.begin(), live_names.end());
    ContactFilter filter;
    filter.search = "northwind";
    filter.limit = 50;
    const auto page = store.list_contacts(filter);
    REQUIRE(page.size() == 50);
    for (std::size_t i = 0; i < page.size(); ++i) {
        CHECK(page[i].name == live_names[i]);
    }
    CHECK(store.count_contacts(filter) == static_cast<std::int64_t>(live_names.size()));
    filter.limit = 0;
    CHECK(store.list_contacts(filter).size() == live_names.size());
    filter.archived = true;
    CHECK(store.count_contacts(filter) == 260);
    filter.archived = false;
    filter.search = "contoso";
    CHECK(store.count_contacts(filter) == 520); // the odd ones, less the archived among them
}

TEST_CASE("a search's matches are found again when the book changes, in this process or another")
{
    // The page and the count of one search share the ids found once; a write by this store or by
    // another process in between must be seen, as a search run afresh would see it.
    TempDir dir;
    const auto path = dir.path / "fu.db";
    Store reader = Store::open_for_writing(path);
    const Instant now = at("2026-06-15T13:30:00Z");
    const auto add = [&](Store& store, const char* name) {
        auto tx = store.begin_write({"add", now, true});
        ContactChanges c = person(name);
        c.company = "Northwind Traders";
        const Id id = store.add_contact(c, now);
        tx.commit();
        return id;
    };
    add(reader, "Ada One");
    ContactFilter filter;
    filter.search = "northwind";
    CHECK(reader.count_contacts(filter) == 1);
    CHECK(reader.list_contacts(filter).size() == 1);
    const Id bea = add(reader, "Bea Two"); // this store's own write
    CHECK(reader.count_contacts(filter) == 2);
    CHECK(reader.list_contacts(filter).size() == 2);
    {
        Store other = Store::open_for_update(path); // another process's write
        add(other, "Cy Three");
        auto tx = other.begin_write({"archive", now, true});
        other.set_archived(bea, now);
        tx.commit();
    }
    CHECK(reader.count_contacts(filter) == 2);
    const auto page = reader.list_contacts(filter);
    REQUIRE(page.size() == 2);
    CHECK(page[0].name == "Ada One");
    CHECK(page[1].name == "Cy Three");
    filter.search = "traders cy";
    CHECK(reader.count_contacts(filter) == 1);

    // Inside a write transaction, and after it is rolled back.
    filter.search = "northwind";
    {
        auto tx = reader.begin_write({"add", now, true});
        ContactChanges c = person("Dee Four");
        c.company = "Northwind Traders";
        reader.add_contact(c, now);
        CHECK(reader.count_contacts(filter) == 3);
        CHECK(reader.list_contacts(filter).size() == 3);
    } // not committed
    CHECK(reader.count_contacts(filter) == 2);
    CHECK(reader.list_contacts(filter).size() == 2);
}

TEST_CASE("interactions of archived contacts are hidden from listings unless asked for")
{
    Store store = Store::open_in_memory();
    const Instant now = at("2026-06-15T13:30:00Z");
    const Id id = store.add_contact(person("Bob"), now);
    Interaction call;
    call.contact_id = id;
    call.at = now;
    call.kind = "call";
    call.outcome = "reached";
    store.add_interaction(call);
    store.set_archived(id, now);
    CHECK(store.list_interactions({}).empty());
    InteractionFilter all;
    all.include_archived = true;
    CHECK(store.list_interactions(all).size() == 1);
}

TEST_CASE("hot queries use their indexes")
{
    const Store store = Store::open_in_memory();
    CHECK(store.explain("SELECT id FROM interactions WHERE contact_id = 1 ORDER BY at")
              .find("interactions_by_contact") != std::string::npos);
    CHECK(store.explain("SELECT id FROM contacts WHERE email = 'a@b.c' COLLATE NOCASE AND email <> ''")
              .find("contacts_by_email") != std::string::npos);
    CHECK(store.explain("SELECT contact_id FROM contact_tags WHERE tag = 'vip'")
              .find("contact_tags_by_tag") != std::string::npos);
}

TEST_CASE("one contact's interactions, oldest first, from a statement prepared once")
{
    Store store = Store::open_in_memory();
    const Instant now = at("2026-06-15T13:30:00Z");
    const Id ada = store.add_contact(person("Ada"), now);
    const Id bob = store.add_contact(person("Bob"), now);
    store.add_contact(person("Cy"), now);
    const auto log = [&](Id who, int minutes_later) {
        Interaction i;
        i.contact_id = who;
        i.at = now + std::chrono::minutes{minutes_later};
        i.kind = "call";
        i.outcome = "reached";
        store.add_interaction(i);
    };
    log(bob, 5);
    log(ada, 10);
    log(ada, 1);
    const auto interactions = store.interactions_of_contact(ada);
    REQUIRE(interactions.size() == 2);
    CHECK(interactions[0].at == now + std::chrono::minutes{1});
    CHECK(interactions[1].at == now + std::chrono::minutes{10});
    REQUIRE(store.interactions_of_contact(bob).size() == 1); // the prepared statement, reused
    CHECK(store.interactions_of_contact(999).empty());
}

TEST_CASE("version 1 to 2: links kept by the old rules stay as chosen, notes become searchable")
{
    TempDir dir;
    const auto path = dir.path / "v1.db";
    {
        Store old = Store::create_at_version(path, 1);
        CHECK(old.schema_version() == 1);
    }
    raw_sql(path, "INSERT INTO contacts (id, name, name_folded, created_at) VALUES (1, 'Ada', 'ada', 0);"
                  "INSERT INTO promises (id, contact_id, made_at, earliest, latest, text, zone, about, status, "
                  "resolved_at) VALUES (1, 1, 0, 100, 200, 'soon', 'UTC', 'the zeppelin quote', 'kept', 50);"
                  "INSERT INTO interactions (id, contact_id, at, kind, outcome, note, promise_id) VALUES "
                  "(1, 1, 50, 'email', 'sent', 'sent the brochure', 1),"
                  "(2, 1, 60, 'email', 'replied', 'asked about delivery', NULL);");
    Store store = Store::open_for_writing(path);
    CHECK(store.schema_version() == k_schema_version);
    const auto kept = store.interaction(1);
    REQUIRE(kept);
    CHECK(kept->keeps == KeepChoice::chosen);
    CHECK(kept->promise_id == Id{1});
    CHECK_FALSE(kept->inbound);
    const auto reply = store.interaction(2);
    REQUIRE(reply);
    CHECK(is_inbound(*reply));
    CHECK(reply->keeps == KeepChoice::automatic);
    ContactFilter by_note;
    by_note.search = "delivery";
    CHECK(store.list_contacts(by_note).size() == 1);
    ContactFilter by_purpose;
    by_purpose.search = "zeppelin";
    CHECK(store.list_contacts(by_purpose).size() == 1);
    InteractionFilter notes;
    notes.search = "brochure";
    const auto found = store.list_interactions(notes);
    REQUIRE(found.size() == 1);
    CHECK(found.front().id == 1);
}

TEST_CASE("every committed write is journaled under its label; an uncommitted one is not")
{
    Store store = Store::open_in_memory();
    {
        auto tx = store.begin_write({"fu add Ada", at("2026-06-15T10:00:00Z"), true});
        store.add_contact(person("Ada"), at("2026-06-15T10:00:00Z"));
        tx.commit();
    }
    {
        auto tx = store.begin_write({"fu add Bob", at("2026-06-15T11:00:00Z"), true});
        store.add_contact(person("Bob"), at("2026-06-15T11:00:00Z"));
    }
    {
        auto tx = store.begin_write({"fu nothing", at("2026-06-15T12:00:00Z"), true});
        tx.commit(); // no change, no entry
    }
    const auto journal = store.journal();
    REQUIRE(journal.size() == 1);
    CHECK(journal.front().command == "fu add Ada");
    CHECK(journal.front().contacts == std::vector<Id>{1});
    {
        auto tx = store.begin_write({"fu undo", at("2026-06-15T13:00:00Z"), false});
        store.revert(journal.front(), at("2026-06-15T13:00:00Z"));
        tx.commit();
    }
    CHECK_FALSE(store.contact(1));
    CHECK(store.journal().empty());
    REQUIRE(store.journal(true).size() == 1);
    CHECK(store.journal(true).front().undone_at == at("2026-06-15T13:00:00Z"));
}

TEST_CASE("version 2 to 3: records are kept, the new columns take their defaults, plans are "
          "journaled")
{
    TempDir dir;
    const auto path = dir.path / "v2.db";
    {
        Store old = Store::create_at_version(path, 2);
        CHECK(old.schema_version() == 2);
    }
    raw_sql(path, "INSERT INTO contacts (id, name, name_folded, created_at, closed_at) VALUES "
                  "(1, 'Ada', 'ada', 0, NULL), (2, 'Bob', 'bob', 0, 70);"
                  "INSERT INTO promises (id, contact_id, made_at, earliest, latest, text, zone, "
                  "about, status, resolved_at, made_with) VALUES "
                  "(1, 1, 0, 100, 200, 'soon', 'UTC', 'the quote', 'kept', 50, NULL),"
                  "(2, 1, 50, 300, 400, 'later', 'UTC', 'the demo', 'open', NULL, 1);"
                  "INSERT INTO interactions (id, contact_id, at, kind, outcome, note, promise_id, "
                  "direction, keeps, chosen_promise) VALUES "
                  "(1, 1, 50, 'call', 'reached', 'agreed the demo', 1, 'out', 'auto', NULL),"
                  "(2, 2, 70, 'call', 'not-interested', '', NULL, 'out', 'auto', NULL);");
    Store store = Store::open_for_writing(path);
    CHECK(store.schema_version() == k_schema_version);
    const auto ada = store.contact(1);
    REQUIRE(ada);
    CHECK(ada->name == "Ada");
    CHECK(ada->every.empty());
    CHECK(ada->interest.empty());
    CHECK_FALSE(ada->reopened_at);
    CHECK_FALSE(ada->closed_at);
    const auto bob = store.contact(2);
    REQUIRE(bob);
    CHECK(bob->closed_at == at("1970-01-01T00:01:10Z"));
    const auto kept = store.promise(1);
    REQUIRE(kept);
    CHECK(kept->status == PromiseStatus::kept);
    CHECK(kept->about == "the quote");
    CHECK_FALSE(kept->plan_id);
    CHECK(kept->plan_step == 0);
    const auto open = store.promise(2);
    REQUIRE(open);
    CHECK(open->status == PromiseStatus::open);
    CHECK(open->made_with == Id{1});
    const auto call = store.interaction(1);
    REQUIRE(call);
    CHECK(call->promise_id == Id{1});
    CHECK(call->keeps == KeepChoice::automatic);
    CHECK_FALSE(call->reminds);
    CHECK(store.plans_of(1).empty());
    CHECK_FALSE(store.active_plan(1));

    // The plans table is there, and a plan written is journaled with its contact and undone.
    const Instant now = at("2026-06-15T10:00:00Z");
    Plan plan;
    plan.contact_id = 1;
    plan.playbook = "post-sale";
    plan.steps = {{"confirm the order", "by end of day", "call"},
                  {"check in", "in a week", "call"}};
    plan.started_at = now;
    plan.from = now;
    Id plan_id = 0;
    {
        auto tx = store.begin_write({"fu plan Ada post-sale", now, true});
        plan_id = store.add_plan(plan);
        tx.commit();
    }
    const auto stored = store.plan(plan_id);
    REQUIRE(stored);
    CHECK(stored->steps.size() == 2);
    CHECK(stored->steps[1].when == "in a week");
    CHECK(store.active_plan(1));
    const auto journal = store.journal();
    REQUIRE_FALSE(journal.empty());
    CHECK(journal.front().command == "fu plan Ada post-sale");
    CHECK(journal.front().contacts == std::vector<Id>{1});
    {
        auto tx = store.begin_write({"fu undo", now, false});
        store.revert(journal.front(), now);
        tx.commit();
    }
    CHECK_FALSE(store.plan(plan_id));
    CHECK(store.plans_of(1).empty());
    CHECK(store.contact(1)); // the contact stays
}

TEST_CASE("the hot queries read their indexes: no table scan, no sort, no temporary b-tree")
{
    const Store store = Store::open_in_memory();
    // Which index each hot query must read.
    const std::map<std::string, std::string> expected{
        {"due: overdue page", "INDEX promises_due_by_latest (interest=? AND latest<?)"},
        {"due: due-now page", "INDEX promises_due_by_latest (interest=? AND latest>?)"},
        {"due: upcoming page",
         "INDEX promises_due_by_earliest (interest=? AND earliest>? AND earliest<?)"},
        {"due: overdue count", "COVERING INDEX promises_due_by_latest"},
        {"due: due-now count", "COVERING INDEX promises_due_by_latest"},
        {"digest: agreed page",
         "INDEX promises_agreed_by_earliest (interest=? AND earliest>? AND earliest<?)\n"
         "CORRELATED SCALAR SUBQUERY 1\n"
         "SEARCH r USING COVERING INDEX interactions_by_reminds (reminds=?)"},
        {"digest: agreed count",
         "COVERING INDEX promises_agreed_by_earliest (interest=? AND earliest>? AND "
         "earliest<?)"},
        {"due --agreed: overdue count",
         "COVERING INDEX promises_agreed_by_latest (interest=? AND latest<?)"},
        {"no next step: page", "contacts_without_next_step"},
        {"no next step: count", "tallies"},
        {"no next step: count since", "COVERING INDEX contacts_without_next_step (last_at>?)"},
        {"going cold: page", "INDEX contacts_by_last_at (last_at>? AND last_at<?)"},
        {"going cold: count", "tallies"},
        {"going cold: recently heard", "COVERING INDEX contacts_by_last_at (last_at>?)"},
        {"keep in touch: candidates", "COVERING INDEX contacts_keep_in_touch"},
        {"keep in touch: overdue page",
         "INDEX contacts_touch_by_latest (interest=? AND touch_latest>? AND touch_latest<?)"},
        {"keep in touch: due-now page",
         "INDEX contacts_touch_by_latest (interest=? AND touch_latest>?)"},
        {"keep in touch: upcoming page",
         "INDEX contacts_touch_by_earliest (interest=? AND touch_earliest>? AND touch_earliest<?)"},
        {"keep in touch: overdue count", "COVERING INDEX contacts_touch_by_latest (interest=? AND "
                                         "touch_latest>? AND touch_latest<?)"},
        {"keep in touch: due-now count",
         "COVERING INDEX contacts_touch_by_latest (interest=? AND touch_latest>?)"},
        {"keep in touch: opened count",
         "COVERING INDEX contacts_touch_by_earliest (interest=? AND touch_earliest<?)"},
        {"keep in touch: longest silent page", "SCAN c USING INDEX contacts_touch_by_silence"},
        {"keep in touch: silent ties", "INDEX contacts_touch_by_silence (<expr>=?"},
        {"keep in touch: zone check",
         "MULTI-INDEX OR\nINDEX 1\nSEARCH c USING COVERING INDEX contacts_touch_zone "
         "(touch_zone<?)\nINDEX 2\n"
         "SEARCH c USING COVERING INDEX contacts_touch_zone (touch_zone>?)"},
        {"keep in touch: stale windows",
         "MULTI-INDEX OR\nINDEX 1\nUSING ROWID SEARCH ON TABLE touch_stale FOR IN-OPERATOR\n"
         "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)\nINDEX 2\n"
         "SEARCH c USING INDEX contacts_touch_zone (touch_zone<?)"},
        {"completion: names by prefix", "contacts_by_name"},
        {"contacts: count in follow-up", "tallies"},
        {"search: page of many", "SCAN c USING INDEX contacts_by_name"},
        {"search: few matches", "SEARCH c USING INTEGER PRIMARY KEY"},
        {"search: count", "USING INDEX contacts_live"},
        {"search: matches by fields", "contacts_fts VIRTUAL TABLE"},
        {"search: matches by notes", "interactions_fts VIRTUAL TABLE"},
        {"search: matches by purposes", "promises_fts VIRTUAL TABLE"},
        {"search: archived matches", "SCAN c USING COVERING INDEX contacts_archived\n"
                                     "SEARCH h USING INTEGER PRIMARY KEY (rowid=?)"},
        {"search: archived contacts", "COVERING INDEX contacts_archived"},
        {"log: page", "SCAN i USING INDEX interactions_by_at"},
        {"log: count", "tallies"},
        {"log: archived count", "tallies"},
        {"log: page since", "INDEX interactions_by_at (at>?)"},
        {"log: count since", "COVERING INDEX interactions_by_at (at>?)"},
        {"log: archived count since",
         "SCAN c USING COVERING INDEX contacts_archived\n"
         "SEARCH i USING COVERING INDEX interactions_by_contact (contact_id=? AND at>?)"},
        {"log: page of a contact", "INDEX interactions_by_contact (contact_id=?)"},
        {"digest: yesterday", "promises_by_resolved_at"},
        {"stats: promises by status", "COVERING INDEX promises_by_status"},
        {"stats: open windows closed", "COVERING INDEX promises_open_by_latest (latest<?)"},
        {"stats: median lateness", "COVERING INDEX promises_late_by_lateness"},
        {"stats: interactions since", "COVERING INDEX interactions_since (at>?)"},
        {"stats: the whole record", "tallies"},
    };
    const auto plans = store.hot_query_plans();
    CHECK(plans.size() == expected.size());
    for (const auto& named_plan : plans) {
        const std::string& name = named_plan.first; // not a structured binding: INFO captures it
        const std::string& plan = named_plan.second;
        INFO(name, ": ", plan);
        REQUIRE(expected.count(name) == 1);
        CHECK(plan.find(expected.at(name)) != std::string::npos);
        // A scan is only ever of an index, never of a table.
        for (const char* table : {"SCAN p\n", "SCAN c\n", "SCAN i\n", "SCAN promises\n", "SCAN contacts\n",
                                  "SCAN interactions\n"}) {
            CHECK(plan.find(table) == std::string::npos);
        }
        if (name.find("page") != std::string::npos || name.find("prefix") != std::string::npos) {
            // Read in index order and stopped at the LIMIT: at most ties are sorted ("RIGHT PART").
            CHECK(plan.find("USE TEMP B-TREE FOR ORDER BY") == std::string::npos);
        }
    }
}
