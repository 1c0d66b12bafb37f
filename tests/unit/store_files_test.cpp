// Tests of the database file's rules: private files, refusals, migrations with a backup.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/private_files.hpp"
#include "fu/store.hpp"
#include "store/schema_check.hpp"
#include "store_file_support.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::TempDir;
using fu::test::raw_sql;
using fu::test::status_of;

namespace {

std::string error_of(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

int user_version(const std::filesystem::path& path)
{
    return std::stoi(fu::test::scalar_text(path, "PRAGMA user_version"));
}

unsigned mode_of(const std::filesystem::path& path)
{
    struct stat s {};
    REQUIRE(::stat(path.c_str(), &s) == 0);
    return s.st_mode & 0777;
}
} // namespace

TEST_CASE("private directories and files")
{
    TempDir dir;
    const auto old_mask = ::umask(0);
    make_private_directories(dir.path / "a" / "b");
    CHECK(mode_of(dir.path / "a") == 0700);
    CHECK(mode_of(dir.path / "a" / "b") == 0700);
    const auto file = dir.path / "a" / "b" / "f";
    const int fd = create_private_file(file);
    ::close(fd);
    ::umask(old_mask);
    CHECK(mode_of(file) == 0600);
    CHECK(status_of([&] { create_private_file(file); }) == k_exit_database); // never reused
    const auto sibling = private_sibling(file, "new");
    CHECK(sibling.parent_path() == file.parent_path());
    CHECK(sibling.filename().string().rfind(".f.new-", 0) == 0);
    CHECK(private_sibling(file, "new") != sibling);
}

TEST_CASE("which files fu opens as a database")
{
    TempDir dir;
    CHECK_FALSE(inspect_own_file(dir.path / "missing.db"));
    const auto db = dir.path / "fu.db";
    std::ofstream(db) << "x";
    CHECK(inspect_own_file(db));

    SUBCASE("a directory") { CHECK(error_of([&] { inspect_own_file(dir.path); }).find("is a directory") != std::string::npos); }
    SUBCASE("a fifo")
    {
        const auto fifo = dir.path / "fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        CHECK(status_of([&] { inspect_own_file(fifo); }) == k_exit_database);
        CHECK(status_of([&] { Store::open_for_reading(fifo); }) == k_exit_database);
        CHECK(status_of([&] { Store::open_for_writing(fifo); }) == k_exit_database);
    }
    SUBCASE("a second hard link")
    {
        REQUIRE(::link(db.c_str(), (dir.path / "other").c_str()) == 0);
        CHECK(error_of([&] { inspect_own_file(db); }).find("2 hard links") != std::string::npos);
    }
    SUBCASE("a symlink to one's own file, and a dangling one")
    {
        std::filesystem::create_symlink(db, dir.path / "link");
        CHECK(inspect_own_file(dir.path / "link"));
        std::filesystem::create_symlink(dir.path / "gone", dir.path / "dangling");
        CHECK(status_of([&] { inspect_own_file(dir.path / "dangling"); }) == k_exit_database);
    }
    if (::geteuid() == 0) {
        SUBCASE("another user's file")
        {
            REQUIRE(::chown(db.c_str(), 65534, 65534) == 0);
            CHECK(error_of([&] { inspect_own_file(db); }).find("belongs to another user") != std::string::npos);
        }
    }
}

TEST_CASE("several fu migrating an older file at once: one migrates, after a backup")
{
    TempDir dir;
    const auto path = dir.path / "fu.db";
    {
        Store old = Store::create_at_version(path, 3);
    }
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "INSERT INTO contacts (name, name_folded, created_at) VALUES ('Ada', 'ada', 0)",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);

    std::vector<int> statuses(4, -1);
    std::vector<std::thread> openers;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        openers.emplace_back([&, i] {
            statuses[i] = status_of([&] {
                Store store = Store::open_for_writing(path);
                CHECK(store.schema_version() == k_schema_version);
            });
        });
    }
    for (auto& opener : openers) {
        opener.join();
    }
    CHECK(statuses == std::vector<int>{0, 0, 0, 0}); // a second migration would fail on its ALTERs
    CHECK(user_version(path) == k_schema_version);
    const auto backup = migration_backup_path(path, 3);
    CHECK(backup.filename() == "fu.db.schema-3.backup");
    REQUIRE(std::filesystem::exists(backup));
    CHECK(user_version(backup) == 3);
    CHECK(mode_of(backup) == 0600);
    CHECK(Store::open_for_reading(path).list_contacts({}).size() == 1);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
        const std::string name = entry.path().filename().string();
        INFO(name);
        CHECK(name[0] != '.'); // no half-made copy left behind
        CHECK(name.rfind("fu.db", 0) == 0);
    }
}

TEST_CASE("a new database needs no backup")
{
    TempDir dir;
    const auto path = dir.path / "fu.db";
    Store::open_for_writing(path);
    CHECK_FALSE(std::filesystem::exists(migration_backup_path(path, 0)));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator{}) >= 1);
}

TEST_CASE("the schema fingerprint of each version is the one fu's migrations make")
{
    TempDir dir;
    for (int version = 1; version <= k_schema_version; ++version) {
        const auto path = dir.path / fmt::format("v{}.db", version);
        { Store made = Store::create_at_version(path, version); }
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        INFO("version ", version, ": fingerprint 0x", fmt::format("{:016x}", store_schema::fingerprint(db)));
        CHECK(store_schema::fingerprint(db) == store_schema::expected_fingerprint(version));
    }
    CHECK(store_schema::expected_fingerprint(0) == 0);
    CHECK(store_schema::expected_fingerprint(k_schema_version + 1) == 0);
}

TEST_CASE("a write refuses a file whose schema fu did not make; reads still work")
{
    TempDir dir;
    const auto path = dir.path / "fu.db";
    {
        Store store = Store::open_for_writing(path);
        Store::WriteTransaction tx(store, ChangeLabel{"fu add Ada", Instant{}});
        ContactChanges ada;
        ada.name = "Ada Lovelace";
        store.add_contact(ada, Instant{});
        tx.commit();
    }
    SUBCASE("a trigger planted with sqlite3")
    {
        raw_sql(path, "CREATE TRIGGER planted AFTER INSERT ON contacts BEGIN "
                      "DELETE FROM promises; END");
    }
    SUBCASE("a fu trigger rewritten")
    {
        raw_sql(path, "DROP TRIGGER contacts_fts_insert; CREATE TRIGGER contacts_fts_insert AFTER "
                      "INSERT ON contacts BEGIN DELETE FROM interactions; END");
    }
    SUBCASE("a view")
    {
        raw_sql(path, "CREATE VIEW everything AS SELECT * FROM contacts");
    }
    const std::string refusal = error_of([&] { Store::open_for_writing(path); });
    CHECK(refusal.find("that fu did not make; not writing to it") != std::string::npos);
    CHECK(status_of([&] { Store::open_for_writing(path); }) == 4);
    CHECK(Store::open_for_reading(path).list_contacts({}).size() == 1);
}

TEST_CASE("an untrusted schema may not write fu's FTS5 indexes, a verified one may")
{
    // Without the fingerprint step fu's own triggers would be refused: the reason it exists.
    TempDir dir;
    const auto path = dir.path / "fu.db";
    { Store made = Store::open_for_writing(path); }
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    store_schema::set_trusted(db, false);
    CHECK_THROWS_WITH(db.exec("INSERT INTO contacts (name, name_folded, created_at) VALUES ('A', 'a', 0)"),
                      doctest::Contains("unsafe use of virtual table"));
    store_schema::set_trusted(db, true);
    CHECK_NOTHROW(db.exec("INSERT INTO contacts (name, name_folded, created_at) VALUES ('A', 'a', 0)"));
}

TEST_CASE("schema 6 rebuilds plans without its CHECK and keeps every plan and every promise's link to one")
{
    TempDir dir;
    const auto path = dir.path / "fu.db";
    { Store old = Store::create_at_version(path, 5); }
    raw_sql(path, "INSERT INTO contacts (id, name, name_folded, created_at) VALUES (1, 'Ada', 'ada', 0);"
                  "INSERT INTO plans (id, contact_id, playbook, steps, started_at, from_at, ended_at, end_reason) "
                  "VALUES (3, 1, 'post-sale', json_array(json_object('about', 'order entered', 'when', "
                  "'tomorrow', 'via', 'call'), json_object('about', 'arrived', 'when', 'in a week', 'via', "
                  "'email')), 100, 100, NULL, ''), (5, 1, 'old', '[]', 50, 50, 90, 'done');"
                  "INSERT INTO promises (id, contact_id, made_at, earliest, latest, text, zone, about, status, "
                  "plan_id, plan_step) VALUES (1, 1, 100, 200, 300, 'tomorrow', 'UTC', 'order entered', 'open', 3, 1),"
                  "(2, 1, 100, 400, 500, 'friday', 'UTC', 'the quote', 'open', NULL, 0),"
                  "(4, 1, 50, 60, 70, 'soon', 'UTC', 'step', 'kept', 5, 1);"
                  "INSERT INTO interactions (id, contact_id, at, kind, outcome, note, reminds) VALUES "
                  "(1, 1, 150, 'email', 'sent', 'a reminder', 1);");
    {
        Store store = Store::open_for_writing(path);
        CHECK(store.schema_version() == k_schema_version);
        const auto plan = store.plan(3);
        REQUIRE(plan);
        CHECK(plan->playbook == "post-sale");
        REQUIRE(plan->steps.size() == 2);
        CHECK(plan->steps[1].about == "arrived");
        CHECK(plan->steps[1].via == "email");
        CHECK_FALSE(plan->ended_at);
        const auto ended = store.plan(5);
        REQUIRE(ended);
        CHECK(ended->end_reason == "done");
        CHECK(store.promise(1)->plan_id == Id{3});
        CHECK(store.promise(1)->plan_step == 1);
        CHECK_FALSE(store.promise(2)->plan_id);
        CHECK(store.promise(4)->plan_id == Id{5});
        CHECK(store.interaction(1)->reminds == Id{1});
        CHECK(store.plans_of(1).size() == 2);
    }
    const auto text = [&](const char* sql) { return fu::test::scalar_text(path, sql); };
    CHECK(text("SELECT sql FROM sqlite_schema WHERE name = 'plans'").find("json_valid") == std::string::npos);
    CHECK(text("SELECT seq FROM sqlite_sequence WHERE name = 'plans'") == "5"); // ids never reused
    CHECK(text("SELECT count(*) FROM sqlite_schema WHERE name = 'plans_v6'") == "0");
    CHECK(text("PRAGMA integrity_check") == "ok");
    CHECK(text("SELECT count(*) FROM pragma_foreign_key_check") == "0");
}

TEST_CASE(
    "every foreign key has an index that starts with it: deleting a referenced row reads no table")
{
    TempDir dir;
    const auto path = dir.path / "fu.db";
    {
        Store made = Store::create_at_version(path, k_schema_version);
    }
    // Each reference (table.column) without an index whose first column is it, "" when none.
    const std::string unindexed = fu::test::scalar_text(
        path,
        "SELECT coalesce(group_concat(m.name || '.' || f.\"from\", ' '), '') "
        "FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' "
        "AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) l, pragma_index_info(l.name) i "
        "WHERE i.seqno = 0 AND i.name = f.\"from\") "
        "AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) t WHERE t.pk = 1 AND t.name = "
        "f.\"from\")");
    CHECK(unindexed == "");
}
