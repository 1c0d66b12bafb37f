// fu/store.hpp — the SQLite file: the only code in fu that speaks SQL.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fu/error.hpp"
#include "fu/model.hpp"

namespace SQLite {
class Database;
class Statement;
}

namespace fu {

class ChangeRecorder; // the session that records a write transaction's changes (store-private)

// Which contacts `list_contacts` returns.
struct ContactFilter {
    std::string tag;    // only contacts with this tag, when not empty
    std::string search; // full-text search over name, company, email, phone, notes, interaction
                        // notes and promise purposes
    bool archived = false; // archived contacts instead of live ones
    std::optional<bool> closed; // only closed contacts (said no), only those in follow-up, or both
    std::string interest;       // only contacts of this interest (hot, warm, cold), when not empty
    int limit = 0;              // at most this many, in name order (0: all)
};

// Which interactions `list_interactions` returns, newest first.
struct InteractionFilter {
    std::optional<Id> contact_id;
    std::optional<Instant> since;
    std::optional<Instant> until;
    int limit = 0; // 0: no limit
    bool include_archived = false; // archived contacts' interactions too (their history)
    std::string search;            // full-text search over the notes
};

// Which promises a promise query returns.
struct PromiseFilter {
    std::optional<Id> contact_id;
    bool include_archived = false; // promises of archived contacts too
};

// Which open windows (promises of live contacts) a page of the agenda reads. The bounds combine;
// windows are half-open [earliest, latest).
struct WindowQuery {
    std::optional<Instant> latest_until;    // latest <= this: closed by then (overdue)
    std::optional<Instant> latest_after;    // latest > this: still open then
    std::optional<Instant> earliest_until;  // earliest <= this: opened by then
    std::optional<Instant> earliest_after;  // earliest > this: not yet open then (upcoming)
    std::optional<Instant> earliest_before; // earliest < this
    std::optional<Instant> earliest_from;   // earliest >= this
    std::optional<std::string> interest;    // exactly this interest ("" = unknown); none: any
    std::string tag;                        // only contacts with this tag, when not empty
    bool agreed_only = false;
    bool not_reminded = false;              // only windows no reminder was recorded for
    bool by_opening = false;                // order by earliest, latest, id (else latest, earliest, id)
    int limit = 0;                          // at most this many (0: all)
};

// Which live contacts in follow-up without a next step a query reads: a history (a promise or an
// interaction), no open promise, no keep-in-touch cadence, and a last interaction whose outcome
// is not one of `settled_outcomes`. Most recently active first.
struct NextStepQuery {
    std::vector<std::string> settled_outcomes;
    std::optional<Instant> active_since; // only those last in touch at or after this (or never)
    std::string tag;
    std::string interest; // only this interest, when not empty
    int limit = 0;        // at most this many (0: all)
};

// Contacts without a cadence whose silence a query reads: live, in follow-up, last interaction
// before `before`, longest silent first.
struct SilenceQuery {
    Instant before{};
    std::string interest; // only this interest, when not empty
    int limit = 0;        // at most this many (0: all)
};

// What `fu stats` counts, grouped in SQL: the rules that classify the groups stay in the domain.
struct RecordCounts {
    std::vector<std::pair<PromiseStatus, std::int64_t>> promises_by_status; // made since
    std::int64_t open_closed_by_now = 0; // open promises made since whose window has closed
    std::int64_t late_count = 0;
    std::optional<std::chrono::seconds> median_lateness; // of promises made since and kept late
    struct InteractionGroup {
        std::string kind;
        std::string outcome;
        bool inbound = false;
        std::int64_t count = 0;
    };
    std::vector<InteractionGroup> interactions; // logged since, by kind, outcome and direction
};

// One write command as the undo journal holds it.
struct JournalEntry {
    Id id = 0;
    Instant at{};
    std::string command;           // the command line that made the change
    std::vector<Id> contacts;      // the contacts whose records it changed
    std::optional<Instant> undone_at;
};

// How a write keeps each contact's keep-in-touch window, which is the domain's calendar arithmetic
// in the user's zone (SQL cannot compute it): the zone, stored beside each window as "RULES NAME"
// (windows whose zones have the same RULES, up to the first space, are the same windows), and the
// window [earliest, latest) of a cadence's words from the last contact (none: not a cadence).
struct TouchWindowKeeper {
    std::string zone;
    std::function<std::optional<std::pair<Instant, Instant>>(const std::string& every,
                                                             Instant last)>
        window;
};

// How a write transaction is labelled in the undo journal, and what it keeps besides.
struct ChangeLabel {
    std::string command; // the command line
    Instant at{};        // when it ran
    bool journal = true; // false only for `fu undo` itself, which must not undo itself
    // Recomputes, before the commit, the windows the write made stale and those of another zone;
    // without one they stay stale, and readers compute every window themselves (slower, the same).
    TouchWindowKeeper touch_windows{};
};

// The schema version this build writes; a newer file is refused untouched.
inline constexpr int k_schema_version = 9;
// How many write commands the undo journal keeps.
inline constexpr int k_journal_depth = 100;
// How long a command waits for another fu's write to finish before giving up with status 75.
inline constexpr std::chrono::milliseconds k_default_busy_timeout{5000};
// PRAGMA application_id marking a file as fu's ("fuDB").
inline constexpr int k_application_id = 0x66754442;

// One open SQLite database. Reads happen any time; writes only inside a WriteTransaction.
class Store {
public:
    // Opens the file for a read-only command. A missing file behaves as an empty database and
    // nothing is created. Throws fu::Error (4) for a file that is not fu's, corrupt or too new.
    static Store open_for_reading(const std::filesystem::path& path,
                                  std::chrono::milliseconds busy_timeout = k_default_busy_timeout);
    // Opens (creating, directory 0700 and file 0600, and migrating) the file for a write command
    // that adds records (add, demo).
    static Store open_for_writing(const std::filesystem::path& path,
                                  std::chrono::milliseconds busy_timeout = k_default_busy_timeout);
    // Opens the file for a write command that changes existing records (promise, log, edit, …).
    // A missing file behaves as an empty database: there is nothing to change, so the command fails
    // (not found) without creating anything.
    static Store open_for_update(const std::filesystem::path& path,
                                 std::chrono::milliseconds busy_timeout = k_default_busy_timeout);
    // A private in-memory database, for tests.
    static Store open_in_memory();
    // A new file at an older schema version, for tests of the migrations.
    static Store create_at_version(const std::filesystem::path& path, int schema_version);

    Store(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The schema version of the open database.
    int schema_version() const;

    // One `BEGIN IMMEDIATE` transaction; rolled back unless commit() is called. It records its
    // own changes (SQLite's session extension) and commit() stores them in the undo journal
    // under the label, so no write can forget to be undoable.
    class WriteTransaction {
    public:
        WriteTransaction(Store& store, ChangeLabel label);
        WriteTransaction(const WriteTransaction&) = delete;
        WriteTransaction& operator=(const WriteTransaction&) = delete;
        ~WriteTransaction();
        void commit();

    private:
        Store& m_store;
        ChangeLabel m_label;
        std::unique_ptr<ChangeRecorder> m_recorder;
        bool m_done = false;
    };
    WriteTransaction begin_write(ChangeLabel label = {"(unlabelled)", Instant{}, true})
    {
        return WriteTransaction(*this, std::move(label));
    }

    // One read snapshot while it lives (a savepoint: a deferred transaction of its own, or part
    // of the write it is inside), so that several reads see the file in one state: no write by
    // another process commits between them.
    class ReadSnapshot {
      public:
        explicit ReadSnapshot(const Store& store);
        ReadSnapshot(const ReadSnapshot&) = delete;
        ReadSnapshot& operator=(const ReadSnapshot&) = delete;
        ~ReadSnapshot();

      private:
        const Store& m_store;
    };
    ReadSnapshot read_snapshot() const { return ReadSnapshot(*this); }

    // The undo journal, newest first: entries not yet undone (or all with `include_undone`).
    std::vector<JournalEntry> journal(bool include_undone = false, int limit = k_journal_depth) const;
    // Takes back a journal entry inside the current write transaction: applies the inverse of its
    // changeset and marks it undone at `now`. Throws fu::Error (1) when a row it changed has
    // changed since in a way the inverse cannot meet.
    void revert(const JournalEntry& entry, Instant now);

    // Contacts.
    Id add_contact(const ContactChanges& fields, Instant now);
    void update_contact(Id id, const ContactChanges& changes);
    std::optional<Contact> contact(Id id) const;
    std::vector<Contact> contacts_by_email(const std::string& email) const;
    // Contacts (live and archived) whose case-folded name contains `folded_part`.
    std::vector<Contact> contacts_by_name_part(const std::string& folded_part) const;
    // Contacts of the filter in name order, streamed or as a list, and how many there are.
    void each_contact(const ContactFilter& filter, const std::function<void(Contact&)>& sink) const;
    std::vector<Contact> list_contacts(const ContactFilter& filter) const;
    std::int64_t count_contacts(const ContactFilter& filter) const;
    void set_archived(Id id, std::optional<Instant> archived_at);
    void set_closed(Id id, std::optional<Instant> closed_at);
    // Marks a contact back in follow-up after a "no" (`fu reopen`): open, reopened at `at`.
    void set_reopened(Id id, std::optional<Instant> reopened_at);
    // Erases the contact and every promise and interaction of it.
    void purge_contact(Id id);
    // Contacts without a next step (see NextStepQuery), streamed in order, and how many there are.
    void each_without_next_step(const NextStepQuery& query, const std::function<void(Contact&)>& sink) const;
    std::vector<Contact> contacts_without_next_step(const NextStepQuery& query) const;
    std::int64_t count_without_next_step(const NextStepQuery& query) const;
    // Contacts silent since `query.before` (see SilenceQuery), with the time of their last
    // interaction, and how many there are.
    std::vector<std::pair<Contact, Instant>> contacts_silent_since(const SilenceQuery& query) const;
    std::int64_t count_silent_since(const SilenceQuery& query) const;
    // Live contacts in follow-up with a keep-in-touch cadence and no open promise, lean: id,
    // cadence, interest and the time of the last interaction (of any kind), or when the contact
    // was added when it has none; of `interest` and `tag` when not empty. With `due_before`, only
    // those whose cadence can have come due before it (by `every_after`).
    struct TouchCandidate {
        Id contact_id = 0;
        std::string every;
        std::string interest;
        Instant touched_at{};
        Instant earliest{}, latest{}; // the stored window (read from kept windows only)
    };
    std::vector<TouchCandidate> keep_in_touch_candidates(std::optional<Instant> due_before, const std::string& interest,
                                                         const std::string& tag) const;
    // Whether every keep-in-touch window is stored and was computed in `zone` (see
    // TouchWindowKeeper): then the windows below are the agenda's, read as ranges of an index.
    bool touch_windows_kept(const std::string& zone) const;
    // The stored windows of the keep-in-touch candidates (as WindowQuery bounds them, of its
    // interest or of all; agreed_only and not_reminded do not apply), streamed in order (latest,
    // earliest, id; by_opening: earliest, latest, id), and how many there are.
    void each_touch_window(const WindowQuery& query,
                           const std::function<void(TouchCandidate&)>& sink) const;
    std::int64_t count_touch_windows(const WindowQuery& query) const;
    // The same, longest silent first (by touched_at, then id): the first `limit`, and every one
    // silent exactly as long as the last of them (ties are the domain's to order).
    std::vector<TouchCandidate> touch_windows_by_silence(const WindowQuery& query, int limit) const;
    // Every stored window not waiting for the next write (of every contact that has one, in or out
    // of follow-up), for `fu
    // doctor` to compare with the domain's; and how many contacts have a cadence whose window is
    // waiting for the next write (stale) or is missing while none is waiting (which no write of
    // fu's leaves).
    struct StoredTouchWindow {
        Id contact_id = 0;
        std::string every;
        Instant touched_at{};
        std::string zone; // the TouchWindowKeeper's zone it was computed in
        std::optional<Instant> earliest, latest;
    };
    void each_stored_touch_window(const std::function<void(const StoredTouchWindow&)>& sink) const;
    struct TouchWindowGaps {
        std::int64_t stale = 0;
        std::int64_t missing = 0;
    };
    TouchWindowGaps touch_window_gaps() const;
    // Names of live contacts whose case-folded name starts with `folded_prefix`, for shell
    // completion, in name order, at most `limit`.
    std::vector<std::string> contact_names(const std::string& folded_prefix = "", int limit = 0) const;
    bool has_contacts() const;

    // Promises.
    Id add_promise(const Promise& promise);
    std::optional<Promise> promise(Id id) const;
    // Open promises of live contacts, soonest-closing first; all of them, or one contact's.
    std::vector<Promise> open_promises(std::optional<Id> contact_id = std::nullopt) const;
    std::vector<Promise> open_promises(const PromiseFilter& filter) const;
    // Open windows of live contacts (see WindowQuery), streamed in order, and how many there are.
    void each_open_window(const WindowQuery& query, const std::function<void(Promise&)>& sink) const;
    std::vector<Promise> open_windows(const WindowQuery& query) const;
    std::int64_t count_open_windows(const WindowQuery& query) const;
    std::vector<Promise> promises_of(Id contact_id) const;
    // Promises made at or after `since` (all when empty), in the order made.
    std::vector<Promise> promises_made_since(std::optional<Instant> since) const;
    // Promises of live contacts that ended (kept, late, renegotiated, broken, cancelled, but not
    // cancelled when `without_cancelled`) in [from, to), in that order; at most `limit` (0: all);
    // of contacts of `interest` when not empty. And how many there are.
    std::vector<Promise> promises_resolved_between(Instant from, Instant to, bool without_cancelled = false,
                                                   int limit = 0, const std::string& interest = {}) const;
    std::int64_t count_resolved_between(Instant from, Instant to, bool without_cancelled = false,
                                        const std::string& interest = {}) const;
    // The counts of `fu stats` for promises made and interactions logged since `since` (all when
    // empty); an open promise counts as closed when its window closed by `now`.
    RecordCounts count_record(std::optional<Instant> since, Instant now) const;
    void resolve_promise(Id id, PromiseStatus status, Instant at, const std::string& reason,
                         std::optional<Id> replaced_by = std::nullopt);
    // Writes every field of an existing promise (corrections, recomputed verdicts).
    void update_promise(const Promise& promise);

    // Interactions.
    Id add_interaction(const Interaction& interaction);
    std::optional<Interaction> interaction(Id id) const;
    // Writes every field of an existing interaction.
    void update_interaction(const Interaction& interaction);
    void delete_interaction(Id id);
    std::vector<Interaction> list_interactions(const InteractionFilter& filter) const;
    // The same, streamed, each with the contact it was with (the fields that name and reach them:
    // id, name, company, phone, email and zone; not tags or notes).
    void each_interaction(const InteractionFilter& filter,
                          const std::function<void(Interaction&, Contact&)>& sink) const;
    // How many interactions the filter finds, regardless of its limit.
    std::int64_t count_interactions(const InteractionFilter& filter) const;
    // Every interaction of one contact, oldest first (a prepared query, for row-by-row readers).
    std::vector<Interaction> interactions_of_contact(Id contact_id) const;

    // Playbooks started for contacts.
    Id add_plan(const Plan& plan);
    std::optional<Plan> plan(Id id) const;
    // The contact's plan that has not ended, if any.
    std::optional<Plan> active_plan(Id contact_id) const;
    // Every plan of the contact, oldest first.
    std::vector<Plan> plans_of(Id contact_id) const;
    void end_plan(Id id, Instant at, const std::string& reason);
    // Runs an ended plan again (the "no" that ended it was taken back).
    void resume_plan(Id id);

    // ---- The whole book, record by record (export and import) ----
    // Every record of a table, archived contacts' included, in id order.
    void each_contact_record(const std::function<void(Contact&)>& sink) const;
    void each_plan_record(const std::function<void(Plan&)>& sink) const;
    void each_promise_record(const std::function<void(Promise&)>& sink) const;
    void each_interaction_record(const std::function<void(Interaction&)>& sink) const;
    // The highest id each table has given (0 when it never held a row), for importing records
    // whose ids must not collide.
    struct RecordIds {
        Id contact = 0, plan = 0, promise = 0, interaction = 0;
    };
    RecordIds highest_ids() const;
    // Insert records exactly as given: their ids, their times, every column (a contact's
    // `every_after` as given too); the kept columns follow by the triggers. Each call is one
    // statement, so that the full-text indexes are written once for the lot, not once per row.
    struct ContactRecord {
        Contact contact;
        std::int64_t every_after = 0;
    };
    void insert_contact_records(const std::vector<ContactRecord>& records);
    void insert_plan_record(const Plan& plan);
    void insert_promise_records(const std::vector<Promise>& promises);
    void insert_interaction_records(const std::vector<Interaction>& interactions);
    // Sets the references of promises inserted before what they name (the promise a reschedule
    // moved one to, the one it came from, the interaction that made it), in one statement.
    void link_promise_records(const std::vector<Promise>& promises);
    // Contacts whose folded name is exactly `folded_name`, in id order.
    std::vector<Contact> contacts_named(const std::string& folded_name) const;

    // The query plan SQLite chooses for `sql`, for tests of the indexes.
    std::string explain(const std::string& sql) const;
    // The plans of the hot queries (what `fu due`, the digest, completion and stats run), by name,
    // from the very SQL the store runs: for the test that they read their indexes.
    std::vector<std::pair<std::string, std::string>> hot_query_plans() const;

private:
    explicit Store(std::unique_ptr<SQLite::Database> db);
    // Applies the missing steps up to `up_to` in one immediate transaction, re-reading the version
    // inside it; `backup_of` (an existing file) is first copied beside itself, 0600.
    void migrate(int up_to = k_schema_version, const std::filesystem::path& backup_of = {});
    void migrate_file(const std::filesystem::path& path) { migrate(k_schema_version, path); }
    // Creation without a race: a whole new database is built beside `path` under a unique name,
    // then renamed over the empty file at `path` (made if missing) under that file's lock.
    static std::filesystem::path build_new_database(const std::filesystem::path& path);
    static void create_database(const std::filesystem::path& path);
    static void replace_empty_file(const std::filesystem::path& path, bool made_here);
    // A statement prepared once per process for `sql`, reset and unbound, for point queries and
    // pages read again and again. One still stepping (a caller's loop, whose sink reads the same
    // query) is not handed out again: a second one is prepared beside it.
    SQLite::Statement& prepared(const std::string& sql) const;
    // Steps the shared statement of a WindowQuery's page (`sql`, with its bounds and :limit bound),
    // each row to `row`; reset however the loop ends (a sink may throw), for a statement left
    // stepping would hold its read snapshot for the rest of the process.
    void each_window_row(const std::string& sql, const WindowQuery& query,
                         const std::function<void(SQLite::Statement&)>& row) const;
    // Computes the windows the transaction made stale, and those computed in another zone.
    void refresh_touch_windows(const TouchWindowKeeper& keeper);
    // Fills temp.search_hits with the ids of the contacts a search finds, unless it holds them
    // already for this search and this state of the book; returns how many there are.
    std::int64_t find_search_hits(const std::string& search) const;

    std::unique_ptr<SQLite::Database> m_db;
    // Declared after m_db: destroyed (finalized) before the database closes.
    mutable std::vector<std::pair<std::string, std::unique_ptr<SQLite::Statement>>> m_prepared;
    // What temp.search_hits holds: the ids of one full-text query at one state of the book.
    struct SearchHits {
        bool found = false;
        std::string fts;
        std::int64_t count = 0;
        std::int64_t changes = 0; // sqlite3_total_changes64 after filling it
        std::int64_t version = 0; // PRAGMA data_version: another connection's commits
    };
    mutable SearchHits m_search_hits;
};

// Whether an exception was raised by SQLite (the store's engine) rather than by fu's own code.
bool is_store_failure(const std::exception& failure);
// Turns a failure raised by SQLite into fu's error naming `path` (the database) when given:
// busy -> 75, anything else -> 4 (disk full, the file size limit, read-only, …).
Error translate_store_failure(const std::exception& failure, const std::filesystem::path& path = {});
// How many write transactions this process has committed: once one has, the change is saved, and
// a later failure (to print the acknowledgement) must not be reported as a failure to save it.
std::uint64_t committed_writes() noexcept;
// The file name of the copy made before migrating `path` from `version`.
std::filesystem::path migration_backup_path(const std::filesystem::path& path, int version);

} // namespace fu
