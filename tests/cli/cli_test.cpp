// The command line in-process: run(args, env) with captured streams and a fixed clock.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "fu/app.hpp"
#include "fu/error.hpp"
#include "test_support.hpp"

using namespace fu;

namespace {

struct Result {
    int status;
    std::string out;
    std::string err;
};

// Runs fu in-process with a database in `dir`, TZ=America/New_York and a clock that must not be read.
struct Cli {
    fu::test::TempDir dir;
    std::map<std::string, std::string> environment{{"TZ", "America/New_York"}};

    Cli() { environment["HOME"] = dir.path.string(); }

    std::optional<std::string> typed; // what the user types on a terminal, when set
    std::function<Instant()> clock;   // when set, the clock (else reading it fails the test)

    Result operator()(std::vector<std::string> args, bool terminal = false)
    {
        std::ostringstream out;
        std::ostringstream err;
        std::istringstream in(typed.value_or(""));
        ProcessContext context{std::move(args), environment, nullptr, nullptr, out, err};
        context.in = &in;
        context.in_is_terminal = typed.has_value();
        context.clock = clock ? clock : []() -> Instant {
            FAIL("the real clock was read");
            return {};
        };
        context.out_is_terminal = terminal;
        context.terminal_width = terminal ? 100 : 0;
        const int status = run(context);
        return {status, out.str(), err.str()};
    }
    std::filesystem::path db() const { return dir.path / ".local" / "share" / "fu" / "fu.db"; }
};

const std::string k_now = "--now=2026-06-15T09:30";

} // namespace

TEST_CASE("help and version go to stdout and succeed")
{
    Cli fu;
    const Result help = fu({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("promise") != std::string::npos);
    CHECK(help.err.empty());
    const Result sub_help = fu({"promise", "--help"});
    CHECK(sub_help.status == 0);
    CHECK(sub_help.out.find("--agreed") != std::string::npos);
    const Result version = fu({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.rfind("fu ", 0) == 0);
}

TEST_CASE("usage errors are one line with a hint, exit 2, and nothing on stdout")
{
    Cli fu;
    SUBCASE("unknown command with a suggestion")
    {
        const Result r = fu({"dew", k_now});
        CHECK(r.status == k_exit_usage);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("fu: unknown command \"dew\" (did you mean \"due\"?)\n", 0) == 0);
    }
    SUBCASE("unknown option")
    {
        const Result r = fu({"due", "--frobnicate", k_now});
        CHECK(r.status == k_exit_usage);
        CHECK(r.err.rfind("fu: unknown option \"--frobnicate\"", 0) == 0);
        CHECK(r.err.find("hint: see 'fu due --help'") != std::string::npos);
    }
    SUBCASE("a number that is not one")
    {
        const Result r = fu({"due", "--limit", "abc", k_now});
        CHECK(r.status == k_exit_usage);
        CHECK(r.err == "fu: --limit: \"abc\" is not a whole number\nhint: see 'fu due --help'\n");
    }
    SUBCASE("a bad format")
    {
        const Result r = fu({"due", "--format", "yaml", k_now});
        CHECK(r.status == k_exit_usage);
        CHECK(r.err == "fu: unknown format \"yaml\"\nhint: use human, json, tsv or csv\n");
    }
    SUBCASE("a bad --now")
    {
        const Result r = fu({"due", "--now", "tomorrow-ish"});
        CHECK(r.status == k_exit_usage);
        CHECK(r.err.rfind("fu: --now: ", 0) == 0);
    }
    SUBCASE("an unknown TZ")
    {
        fu.environment["TZ"] = "Mars/Olympus";
        const Result r = fu({"due", k_now});
        CHECK(r.status == k_exit_usage);
        CHECK(r.err.find("Mars/Olympus") != std::string::npos);
    }
    SUBCASE("invalid UTF-8")
    {
        const Result r = fu({"add", "Ad\xC3(a", k_now});
        CHECK(r.status == k_exit_usage);
        CHECK(r.err.find("UTF-8") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(fu.db()));
    }
}

TEST_CASE("read-only commands on a missing database create nothing")
{
    Cli fu;
    for (const char* command : {"due", "contacts", "log", "stats"}) {
        CAPTURE(command);
        const Result r = fu({command, k_now});
        CHECK(r.status == 0);
        CHECK(r.err.empty());
    }
    CHECK_FALSE(std::filesystem::exists(fu.db().parent_path()));
    CHECK(fu({k_now}).out == "Nothing overdue or due today. Well kept!\n"); // no command: due
}

TEST_CASE("global options work before or after the command, and FU_NOW/FU_DB are read")
{
    Cli fu;
    const auto db = (fu.dir.path / "x.db").string();
    CHECK(fu({"--db", db, k_now, "add", "Ada"}).status == 0);
    CHECK(fu({"contacts", "--db", db, "--format", "tsv", k_now}).out == "id\tname\tcompany\tphone\temail\ttags\ttz\tinterest\tevery\n1\tAda\t\t\t\t\t\t\t\n");
    fu.environment["FU_DB"] = db;
    fu.environment["FU_NOW"] = "2026-06-15T09:30";
    CHECK(fu({"contacts", "--json"}).out.find("\"created\": \"2026-06-15T09:30:00-04:00\"") != std::string::npos);
    fu.environment["TZ"] = ":Europe/Berlin";
    CHECK(fu({"when", "eod", "--json"}).out.find("\"zone\": \"Europe/Berlin\"") != std::string::npos);
}

TEST_CASE("when prints the window and its notices")
{
    Cli fu;
    const Result r = fu({"when", "tomorrow", "afternoon", k_now});
    CHECK(r.status == 0);
    CHECK(r.out == "Tue 16 Jun 12:00–17:00 EDT  (tomorrow afternoon)\n");
    const Result json = fu({"when", "tomorrow afternoon", "--format", "json", k_now});
    CHECK(json.out == "{\n  \"earliest\": \"2026-06-16T12:00:00-04:00\",\n  \"latest\": "
                      "\"2026-06-16T17:00:00-04:00\",\n  \"zone\": \"America/New_York\",\n  \"text\": "
                      "\"tomorrow afternoon\",\n  \"notices\": []\n}\n");
    const Result rejected = fu({"when", "tomorow", k_now});
    CHECK(rejected.status == k_exit_usage);
    CHECK(rejected.out.empty());
    CHECK(rejected.err.find("did you mean \"tomorrow\"") != std::string::npos);
    const Result noticed = fu({"when", "friday", "at", "4", k_now});
    CHECK(noticed.status == 0);
    CHECK(noticed.err.rfind("note: ", 0) == 0);
}

TEST_CASE("the follow-up loop in-process")
{
    Cli fu;
    REQUIRE(fu({"add", "Ada Lovelace", "--company", "Analytical Engines", "--tz", "Europe/Berlin", k_now}).status == 0);
    const Result promised = fu({"promise", "ada", "tomorrow", "afternoon", "--about", "pricing", k_now});
    CHECK(promised.status == 0);
    CHECK(promised.out == "Promised Ada Lovelace (Analytical Engines) a call Tue 16 Jun 06:00–11:00 "
                          "(12:00–17:00 in Berlin) — tomorrow afternoon — about pricing  [p1]\n");
    CHECK(fu({"due", "--check", k_now}).status == 0); // only upcoming tomorrow
    CHECK(fu({"due", "--check", "--now=2026-06-16T07:00"}).status == k_exit_check_failed);

    // A failing log --next records nothing.
    const Result bad = fu({"log", "ada", "--next", "someday", "--now=2026-06-16T07:00"});
    CHECK(bad.status == k_exit_usage);
    CHECK(fu({"log", "--json", k_now}).out == "[]\n");
    CHECK(fu({"due", "--json", "--now=2026-06-16T07:00"}).out.find("\"state\": \"due\"") != std::string::npos);

    const Result logged = fu({"log", "ada", "--next", "friday", "--now=2026-06-16T07:00"});
    CHECK(logged.status == 0);
    CHECK(logged.out.find("kept p1 on time") != std::string::npos);
    const Result stats = fu({"stats", "--json", "--now=2026-06-16T07:00"});
    CHECK(stats.out.find("\"made\": 2") != std::string::npos);
    CHECK(stats.out.find("\"on_time\": 1") != std::string::npos);
    CHECK(stats.out.find("\"on_time_rate\": 1") != std::string::npos);
}

TEST_CASE("without HOME, fu config still answers and commands needing the database exit 4")
{
    Cli fu;
    fu.environment.erase("HOME");
    const Result config = fu({"config", k_now});
    CHECK(config.status == 0);
    CHECK(config.out.find("appointment") != std::string::npos);
    const Result due = fu({"due", k_now});
    CHECK(due.status == k_exit_database);
    CHECK(due.err == "fu: cannot find the database: HOME is not set\nhint: use --db PATH or set FU_DB\n");
}

TEST_CASE("a failing command leaves an empty database file as it was")
{
    Cli fu;
    const auto db = fu.dir.path / "empty.db";
    std::ofstream(db).close();
    const Result promised = fu({"promise", "ada", "friday", "--db", db.string(), k_now});
    CHECK(promised.status == k_exit_not_found);
    CHECK(fu({"due", "--db", db.string(), k_now}).status == 0);
    CHECK(std::filesystem::file_size(db) == 0);
    CHECK(fu({"add", "Ada", "--db", db.string(), k_now}).status == 0); // the first add creates it
    CHECK(std::filesystem::file_size(db) > 0);
}

TEST_CASE("rm --purge asks on a terminal and needs --yes off one")
{
    Cli fu;
    REQUIRE(fu({"add", "Ada Lovelace", k_now}).status == 0);
    const Result refused = fu({"rm", "ada", "--purge", k_now});
    CHECK(refused.status == k_exit_usage);
    CHECK(refused.err.find("add --yes to confirm") != std::string::npos);

    fu.typed = "n\n";
    const Result declined = fu({"rm", "ada", "--purge", k_now});
    CHECK(declined.status == 0);
    CHECK(declined.err == "Erase Ada Lovelace (id 1) and all its history for good? [y/N] ");
    CHECK(declined.out == "Nothing erased.\n");
    CHECK(fu({"show", "1", k_now}).status == 0);

    fu.typed = "yes\n";
    const Result erased = fu({"rm", "ada", "--purge", k_now});
    CHECK(erased.status == 0);
    CHECK(erased.out == "Erased Ada Lovelace (id 1) and all its history (fu undo takes it back)\n");
    CHECK(fu({"show", "1", k_now}).status == k_exit_not_found);
}

TEST_CASE("looking back: --since today works before the working day, and records before 09:00 count")
{
    Cli fu;
    REQUIRE(fu({"add", "Grace", "--now=2026-06-22T07:00"}).status == 0);
    REQUIRE(fu({"log", "grace", "email", "--now=2026-06-22T07:10"}).status == 0);
    const Result since = fu({"log", "--since", "today", "--json", "--now=2026-06-22T08:00"});
    CHECK(since.status == 0);
    CHECK(since.out.find("\"at\": \"2026-06-22T07:10:00-04:00\"") != std::string::npos);
    const Result stats = fu({"stats", "--since", "this", "week", "--json", "--now=2026-06-24T08:00"});
    CHECK(stats.out.find("\"since\": \"2026-06-22T00:00:00-04:00\"") != std::string::npos);
    CHECK(stats.out.find("\"attempts\": 1") != std::string::npos);
    const Result at = fu({"log", "grace", "--at", "yesterday", "--now=2026-06-23T10:00"});
    CHECK(at.err == "note: no time given; logging it at Mon 22 Jun 09:00\n");
}

TEST_CASE("a won deal leaves No next step; a closing decision noted ends the unanswered run")
{
    Cli fu;
    REQUIRE(fu({"add", "Ada", k_now}).status == 0);
    REQUIRE(fu({"add", "Bob", k_now}).status == 0);
    REQUIRE(fu({"log", "ada", "meeting", "--outcome", "won", k_now}).status == 0);
    REQUIRE(fu({"log", "bob", "voicemail", k_now}).status == 0);
    const Result due = fu({"due", k_now});
    CHECK(due.out.find("Bob") != std::string::npos);
    CHECK(due.out.find("Ada") == std::string::npos);
    REQUIRE(fu({"log", "bob", "note", "--outcome", "lost", k_now}).status == 0);
    CHECK(fu({"show", "bob", "--json", k_now}).out.find("\"unanswered\": 0") != std::string::npos);
}

TEST_CASE("a failure that is no fu::Error is an internal error, unless SQLite raised it")
{
    Cli fu;
    // Without --now the clock is read, inside the one try block: what it throws reaches the catch.
    fu.clock = []() -> Instant { throw std::out_of_range("map::at"); };
    const Result bug = fu({"due"});
    CHECK(bug.status == k_exit_internal);
    CHECK(bug.out.empty());
    CHECK(bug.err == "fu: internal error: map::at\n"
                     "hint: this is a bug in fu; please report it with the command that failed\n");

    fu.clock = []() -> Instant { throw SQLite::Exception("database is locked", SQLITE_BUSY); };
    const Result busy = fu({"due"});
    CHECK(busy.status == k_exit_busy);
    CHECK(busy.err ==
          "fu: the database is busy (another program holds its lock)\n"
          "hint: try again in a moment, or raise busy_timeout_ms\n");

    fu.clock = []() -> Instant {
        throw SQLite::Exception("database or disk is full", SQLITE_FULL);
    };
    const Result full = fu({"due"});
    CHECK(full.status == k_exit_database);
    CHECK(full.err == "fu: the disk is full: cannot write the database; nothing was changed\n"
                     "hint: free some space and try again\n");

    fu.clock = []() -> Instant { throw SQLite::Exception("disk I/O error", SQLITE_IOERR); };
    const Result io = fu({"due"});
    CHECK(io.status == k_exit_database);
    CHECK(io.err == "fu: database error: disk I/O error\n");

    fu.clock = []() -> Instant { throw 42; };
    const Result odd = fu({"due"});
    CHECK(odd.status == k_exit_internal);
    CHECK(odd.err.rfind("fu: internal error: ", 0) == 0);
}

TEST_CASE("classify_failure: fu errors as they are, SQLite's by the store, anything else a bug")
{
    const Error usage = classify_failure(usage_error("bad", "fix it"));
    CHECK(usage.status() == k_exit_usage);
    CHECK(std::string(usage.what()) == "bad");
    CHECK(usage.hint() == "fix it");
    CHECK(classify_failure(SQLite::Exception("locked", SQLITE_LOCKED)).status() == k_exit_busy);
    CHECK(classify_failure(SQLite::Exception("read-only", SQLITE_READONLY)).status() ==
          k_exit_database);
    CHECK(classify_failure(SQLite::Exception("no such table: x")).status() == k_exit_database);
    const Error bug = classify_failure(std::logic_error("vector::_M_range_check"));
    CHECK(bug.status() == k_exit_internal);
    CHECK(std::string(bug.what()) == "internal error: vector::_M_range_check");
    CHECK(bug.hint().find("report") != std::string::npos);
    CHECK(classify_failure(std::bad_alloc()).status() == k_exit_internal);
}
