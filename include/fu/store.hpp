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

// Which contacts `list_contacts` returns.
struct ContactFilter {
    std::string tag;    // only contacts with this tag, when not empty
    std::string search; // full-text search over name, company, email, phone and notes
    bool archived = false; // archived contacts instead of live ones
};

// Which interactions `list_interactions` returns, newest first.
struct InteractionFilter {
    std::optional<Id> contact_id;
    std::optional<Instant> since;
    std::optional<Instant> until;
    int limit = 0; // 0: no limit
    bool include_archived = false; // archived contacts' interactions too (their history)
};

// The schema version this build writes; a newer file is refused untouched.
inline constexpr int k_schema_version = 1;
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

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The schema version of the open database.
    int schema_version() const;

    // One `BEGIN IMMEDIATE` transaction; rolled back unless commit() is called.
    class WriteTransaction {
    public:
        explicit WriteTransaction(Store& store);
        WriteTransaction(const WriteTransaction&) = delete;
        WriteTransaction& operator=(const WriteTransaction&) = delete;
        ~WriteTransaction();
        void commit();

    private:
        Store& m_store;
        bool m_done = false;
    };
    WriteTransaction begin_write() { return WriteTransaction(*this); }

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
    // Erases the contact and every promise and interaction of it.
    void purge_contact(Id id);
    // Live, not closed contacts that have a history (a promise or an interaction) but no open promise,
    // leaving out those whose latest interaction won the deal.
    std::vector<Contact> contacts_without_next_step() const;
    // Live, not closed contacts whose last interaction is before `before`, oldest silence first,
    // with the time of that last interaction.
    std::vector<std::pair<Contact, Instant>> contacts_silent_since(Instant before) const;
    // Every contact name, for shell completion.
    std::vector<std::string> contact_names() const;
    bool has_contacts() const;

    // Promises.
    Id add_promise(const Promise& promise);
    std::optional<Promise> promise(Id id) const;
    // Open promises of live contacts, soonest-closing first; all of them, or one contact's.
    std::vector<Promise> open_promises(std::optional<Id> contact_id = std::nullopt) const;
    // Open promises of live contacts whose window opens before `opening_before` (all when empty).
    std::vector<Promise> open_promises_opening_before(std::optional<Instant> opening_before) const;
    std::vector<Promise> promises_of(Id contact_id) const;
    // Promises made at or after `since` (all when empty), in the order made.
    std::vector<Promise> promises_made_since(std::optional<Instant> since) const;
    // Promises that ended (kept, late, renegotiated, broken, cancelled) in [from, to), in that order.
    std::vector<Promise> promises_resolved_between(Instant from, Instant to) const;
    void resolve_promise(Id id, PromiseStatus status, Instant at, const std::string& reason,
                         std::optional<Id> replaced_by = std::nullopt);

    // Interactions.
    Id add_interaction(const Interaction& interaction);
    std::vector<Interaction> list_interactions(const InteractionFilter& filter) const;
    // Every interaction of these contacts, oldest first, in one query.
    std::vector<Interaction> interactions_of_contacts(const std::vector<Id>& contact_ids) const;

    // The query plan SQLite chooses for `sql`, for tests of the indexes.
    std::string explain(const std::string& sql) const;

private:
    explicit Store(std::unique_ptr<SQLite::Database> db);
    void migrate();

    std::unique_ptr<SQLite::Database> m_db;
};

// Turns a failure raised by SQLite into fu's error: busy -> 75, anything else -> 4.
Error translate_store_failure(const std::exception& failure);

} // namespace fu
