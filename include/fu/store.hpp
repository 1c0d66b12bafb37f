// fu/store.hpp — the SQLite file: the only code in fu that speaks SQL.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fu/error.hpp"
#include "fu/model.hpp"

namespace SQLite {
class Database;
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

// One write command as the undo journal holds it.
struct JournalEntry {
    Id id = 0;
    Instant at{};
    std::string command;           // the command line that made the change
    std::vector<Id> contacts;      // the contacts whose records it changed
    std::optional<Instant> undone_at;
};

// How a write transaction is labelled in the undo journal.
struct ChangeLabel {
    std::string command; // the command line
    Instant at{};        // when it ran
    bool journal = true; // false only for `fu undo` itself, which must not undo itself
};

// The schema version this build writes; a newer file is refused untouched.
inline constexpr int k_schema_version = 3;
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
    // The contacts with these ids (in id order; missing ids are skipped), in one query.
    std::vector<Contact> contacts_with_ids(const std::vector<Id>& ids) const;
    // Contacts (live and archived) whose case-folded name contains `folded_part`.
    std::vector<Contact> contacts_by_name_part(const std::string& folded_part) const;
    std::vector<Contact> list_contacts(const ContactFilter& filter) const;
    void set_archived(Id id, std::optional<Instant> archived_at);
    void set_closed(Id id, std::optional<Instant> closed_at);
    // Marks a contact back in follow-up after a "no" (`fu reopen`): open, reopened at `at`.
    void set_reopened(Id id, std::optional<Instant> reopened_at);
    // Erases the contact and every promise and interaction of it.
    void purge_contact(Id id);
    // Live, not closed contacts that have a history (a promise or an interaction) but no open promise,
    // leaving out those whose latest interaction has one of `settled_outcomes`.
    std::vector<Contact> contacts_without_next_step(const std::vector<std::string>& settled_outcomes) const;
    // Live, not closed contacts whose last interaction is before `before`, oldest silence first,
    // with the time of that last interaction.
    std::vector<std::pair<Contact, Instant>> contacts_silent_since(Instant before) const;
    // Live contacts in follow-up with a keep-in-touch cadence and no open promise, each with the
    // time of its last interaction (of any kind), or when it was added when it has none.
    std::vector<std::pair<Contact, Instant>> contacts_to_keep_in_touch() const;
    // Every contact name, for shell completion.
    std::vector<std::string> contact_names() const;
    bool has_contacts() const;

    // Promises.
    Id add_promise(const Promise& promise);
    std::optional<Promise> promise(Id id) const;
    // Open promises of live contacts, soonest-closing first; all of them, or one contact's.
    std::vector<Promise> open_promises(std::optional<Id> contact_id = std::nullopt) const;
    std::vector<Promise> open_promises(const PromiseFilter& filter) const;
    // Open promises of live contacts whose window opens before `opening_before` (all when empty).
    std::vector<Promise> open_promises_opening_before(std::optional<Instant> opening_before) const;
    std::vector<Promise> promises_of(Id contact_id) const;
    // Promises made at or after `since` (all when empty), in the order made.
    std::vector<Promise> promises_made_since(std::optional<Instant> since) const;
    // Promises that ended (kept, late, renegotiated, broken, cancelled) in [from, to), in that order.
    std::vector<Promise> promises_resolved_between(Instant from, Instant to) const;
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
    // Every interaction of these contacts, oldest first, in one query.
    std::vector<Interaction> interactions_of_contacts(const std::vector<Id>& contact_ids) const;

    // Of these promises, those a reminder was recorded for.
    std::vector<Id> reminded_promises(const std::vector<Id>& promise_ids) const;

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

    // The query plan SQLite chooses for `sql`, for tests of the indexes.
    std::string explain(const std::string& sql) const;

private:
    explicit Store(std::unique_ptr<SQLite::Database> db);
    void migrate(int up_to = k_schema_version);

    std::unique_ptr<SQLite::Database> m_db;
};

// Whether an exception was raised by SQLite (the store's engine) rather than by fu's own code.
bool is_store_failure(const std::exception& failure);
// Turns a failure raised by SQLite into fu's error: busy -> 75, anything else -> 4.
Error translate_store_failure(const std::exception& failure);

} // namespace fu
