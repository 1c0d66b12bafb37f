// Store maintenance: `fu backup`'s snapshot and `fu doctor`'s facts and verdicts, on real files.
#include <doctest/doctest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>

#include "fu/doctor.hpp"
#include "fu/maintenance.hpp"
#include "fu/store.hpp"
#include "store_file_support.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;
using fu::test::TempDir;
using fu::test::raw_sql;
using fu::test::status_of;

namespace {

// A small book on disk: two contacts, a promise and an interaction.
std::filesystem::path make_book(const TempDir& dir)
{
    const auto path = dir.path / "fu.db";
    Store store = Store::open_for_writing(path);
    auto tx = store.begin_write({"fu add", at("2026-06-15T13:00:00Z"), true});
    ContactChanges ada;
    ada.name = "Ada Lovelace";
    const Id id = store.add_contact(ada, at("2026-06-15T13:00:00Z"));
    ContactChanges bob;
    bob.name = "Bob";
    store.add_contact(bob, at("2026-06-15T13:00:00Z"));
    Interaction call;
    call.contact_id = id;
    call.at = at("2026-06-15T13:00:00Z");
    call.kind = "call";
    call.outcome = "reached";
    store.add_interaction(call);
    tx.commit();
    return path;
}



Verdict verdict_of(const std::vector<HealthCheck>& checks, const std::string& name)
{
    for (const auto& check : checks) {
        if (check.name == name) {
            return check.verdict;
        }
    }
    FAIL("no check named ", name);
    return Verdict::fail;
}

} // namespace

TEST_CASE("the facts of a healthy book, and of one whose kept state drifted")
{
    TempDir dir;
    const auto path = make_book(dir);
    DatabaseFacts facts = inspect_database(path);
    CHECK(facts.application_id == k_application_id);
    CHECK(facts.user_version == k_schema_version);
    CHECK(facts.journal_mode == "wal");
    CHECK(facts.integrity == std::vector<std::string>{"ok"});
    CHECK(facts.foreign_key_violations == 0);
    REQUIRE(facts.drift.has_value());
    CHECK(*facts.drift == 0);

    raw_sql(path, "UPDATE tallies SET n = n + 3 WHERE name = 'interactions_out'");
    facts = inspect_database(path);
    CHECK(*facts.drift > 0);
    CHECK(verdict_of(diagnose(path), "summaries") == Verdict::fail);
    CHECK(worst(diagnose(path)) == Verdict::fail);
}

TEST_CASE("diagnose: modes are warnings, a missing file is an error")
{
    TempDir dir;
    const auto path = make_book(dir);
    ::chmod(dir.path.c_str(), 0700);
    auto checks = diagnose(path);
    CHECK(worst(checks) == Verdict::ok);
    CHECK(verdict_of(checks, "file mode") == Verdict::ok);
    ::chmod(path.c_str(), 0640);
    checks = diagnose(path);
    CHECK(verdict_of(checks, "file mode") == Verdict::warn);
    CHECK(worst(checks) == Verdict::warn);
    CHECK(status_of([&] { diagnose(dir.path / "none.db"); }) == k_exit_database);
    CHECK_FALSE(std::filesystem::exists(dir.path / "none.db"));
}

TEST_CASE("a snapshot is the same book, private, and never replaces a file by accident")
{
    TempDir dir;
    const auto path = make_book(dir);
    const auto copy = dir.path / "copy.db";
    const auto bytes = snapshot_database(path, copy, false);
    CHECK(bytes == std::filesystem::file_size(copy));
    struct stat st {};
    REQUIRE(::stat(copy.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    {
        const Store store = Store::open_for_reading(copy);
        CHECK(store.count_contacts({}) == 2);
    }
    CHECK(inspect_database(copy).integrity == std::vector<std::string>{"ok"});

    std::ofstream(dir.path / "taken") << "keep";
    CHECK(status_of([&] { snapshot_database(path, dir.path / "taken", false); }) == k_exit_usage);
    CHECK(std::filesystem::file_size(dir.path / "taken") == 4);
    snapshot_database(path, dir.path / "taken", true);
    CHECK(std::filesystem::file_size(dir.path / "taken") > 4);

    CHECK(status_of([&] { snapshot_database(path, path, true); }) == k_exit_usage);
    CHECK(status_of([&] { snapshot_database(dir.path / "none.db", dir.path / "x", false); }) ==
          k_exit_database);
    CHECK(status_of([&] { snapshot_database(path, dir.path / "no" / "dir" / "x", false); }) ==
          k_exit_database);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
        CHECK_MESSAGE(entry.path().filename().string().find(".fu-") == std::string::npos,
                      "a temporary file was left behind: ", entry.path().string());
    }
}
