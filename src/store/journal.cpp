// src/store/journal.cpp — write transactions that journal themselves, and taking a change back.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "store/journal.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/store.hpp"
#include "store/rows.hpp"

namespace fu {
namespace {

using namespace store_rows;

// The tables whose rows are the user's records, parents first so that an inverse re-inserts a
// contact before its promises. Full-text indexes follow their tables by trigger.
constexpr const char* k_journaled_tables[] = {"contacts", "contact_tags", "plans", "promises",
                                              "interactions"};

// The column of each journaled table that names the contact a row belongs to.
int contact_column(std::string_view table)
{
    return table == "promises" || table == "interactions" || table == "plans" ? 1 : 0;
}

class ChangesetIterator {
  public:
    explicit ChangesetIterator(const std::string& changeset)
    {
        const int rc = sqlite3changeset_start(&m_iter, static_cast<int>(changeset.size()),
                                              const_cast<char*>(changeset.data()));
        if (rc != SQLITE_OK) {
            throw database_error("the undo journal holds a damaged entry");
        }
    }
    ChangesetIterator(const ChangesetIterator&) = delete;
    ChangesetIterator& operator=(const ChangesetIterator&) = delete;
    ~ChangesetIterator() { sqlite3changeset_finalize(m_iter); }
    bool next() { return sqlite3changeset_next(m_iter) == SQLITE_ROW; }
    sqlite3_changeset_iter* get() { return m_iter; }

  private:
    sqlite3_changeset_iter* m_iter = nullptr;
};

std::optional<Id> int_value(sqlite3_value* value)
{
    if (value == nullptr || sqlite3_value_type(value) != SQLITE_INTEGER) {
        return std::nullopt;
    }
    return sqlite3_value_int64(value);
}

// Decides each conflict while a change is taken back. Rows that the inverse deletes may already
// be gone, or changed, by the foreign keys' cascades within the same inverse: those are fine.
// Anything else means the data moved on and the inverse would not restore what was there.
int on_conflict(void* /*context*/, int conflict, sqlite3_changeset_iter* iter)
{
    const char* table = nullptr;
    int columns = 0;
    int op = 0;
    sqlite3changeset_op(iter, &table, &columns, &op, nullptr);
    if (op == SQLITE_DELETE && conflict == SQLITE_CHANGESET_NOTFOUND) {
        return SQLITE_CHANGESET_OMIT;
    }
    if (op == SQLITE_DELETE && conflict == SQLITE_CHANGESET_DATA) {
        return SQLITE_CHANGESET_REPLACE;
    }
    if (op == SQLITE_UPDATE && conflict == SQLITE_CHANGESET_DATA) {
        return SQLITE_CHANGESET_REPLACE;
    }
    return SQLITE_CHANGESET_ABORT;
}

std::vector<Id> parse_id_list(const std::string& json)
{
    std::vector<Id> ids;
    Id value = 0;
    bool in_number = false;
    for (const char c : json) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            in_number = true;
        } else if (in_number) {
            ids.push_back(value);
            value = 0;
            in_number = false;
        }
    }
    return ids;
}

} // namespace

ChangeRecorder::ChangeRecorder(sqlite3* db)
{
    if (sqlite3session_create(db, "main", &m_session) != SQLITE_OK) {
        throw database_error("cannot record changes for undo");
    }
    for (const char* table : k_journaled_tables) {
        if (sqlite3session_attach(m_session, table) != SQLITE_OK) {
            sqlite3session_delete(m_session);
            throw database_error("cannot record changes for undo");
        }
    }
}

ChangeRecorder::~ChangeRecorder()
{
    sqlite3session_delete(m_session);
}

std::string ChangeRecorder::changeset() const
{
    int size = 0;
    void* data = nullptr;
    if (sqlite3session_changeset(m_session, &size, &data) != SQLITE_OK) {
        sqlite3_free(data);
        throw database_error("cannot record changes for undo");
    }
    std::string blob(static_cast<const char*>(data), static_cast<std::size_t>(size));
    sqlite3_free(data);
    return blob;
}

std::vector<Id> contacts_touched(sqlite3* db, const std::string& changeset)
{
    std::set<Id> ids;
    ChangesetIterator iter(changeset);
    while (iter.next()) {
        const char* table = nullptr;
        int columns = 0;
        int op = 0;
        sqlite3changeset_op(iter.get(), &table, &columns, &op, nullptr);
        const int column = contact_column(table);
        sqlite3_value* old_value = nullptr;
        sqlite3_value* new_value = nullptr;
        if (op != SQLITE_INSERT) {
            sqlite3changeset_old(iter.get(), column, &old_value);
        }
        if (op != SQLITE_DELETE) {
            sqlite3changeset_new(iter.get(), column, &new_value);
        }
        const auto before = int_value(old_value);
        const auto after = int_value(new_value);
        if (before) {
            ids.insert(*before);
        }
        if (after) {
            ids.insert(*after);
        }
        if (!before && !after && op == SQLITE_UPDATE) {
            // An update that left the contact column alone: the row's key says which row it was.
            sqlite3_value* key = nullptr;
            sqlite3changeset_old(iter.get(), 0, &key);
            const auto id = int_value(key);
            sqlite3_stmt* q = nullptr;
            const std::string sql = fmt::format("SELECT contact_id FROM {} WHERE id = ?", table);
            if (id && sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK) {
                sqlite3_bind_int64(q, 1, *id);
                if (sqlite3_step(q) == SQLITE_ROW) {
                    ids.insert(sqlite3_column_int64(q, 0));
                }
            }
            sqlite3_finalize(q);
        }
    }
    return {ids.begin(), ids.end()};
}

bool apply_inverse(sqlite3* db, const std::string& changeset)
{
    int size = 0;
    void* inverse = nullptr;
    if (sqlite3changeset_invert(static_cast<int>(changeset.size()), changeset.data(), &size,
                                &inverse) != SQLITE_OK) {
        sqlite3_free(inverse);
        throw database_error("the undo journal holds a damaged entry");
    }
    const int rc = sqlite3changeset_apply(db, size, inverse, nullptr, on_conflict, nullptr);
    sqlite3_free(inverse);
    if (rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT) {
        return false;
    }
    if (rc != SQLITE_OK) {
        throw database_error(fmt::format("cannot undo: {}", sqlite3_errstr(rc)));
    }
    return true;
}

namespace {
std::atomic<std::uint64_t> g_committed_writes{0};
} // namespace

Store::WriteTransaction::WriteTransaction(Store& store, ChangeLabel label)
    : m_store(store), m_label(std::move(label))
{
    m_store.m_db->exec("BEGIN IMMEDIATE");
    if (m_label.journal) {
        try {
            m_recorder = std::make_unique<ChangeRecorder>(m_store.m_db->getHandle());
        } catch (...) {
            m_store.m_db->exec("ROLLBACK");
            throw;
        }
    }
}

Store::WriteTransaction::~WriteTransaction()
{
    m_recorder.reset();
    if (!m_done) {
        try {
            m_store.m_db->exec("ROLLBACK");
        } catch (...) { // NOLINT(bugprone-empty-catch): nothing more can be done in a destructor
        }
    }
}

void Store::WriteTransaction::commit()
{
    if (m_recorder) {
        const std::string changes = m_recorder->changeset();
        m_recorder.reset();
        if (!changes.empty()) {
            SQLite::Statement q(*m_store.m_db,
                                "INSERT INTO undo_journal (at, command, changeset, contacts) "
                                "VALUES (?, ?, ?, ?)");
            q.bind(1, to_seconds(m_label.at));
            q.bind(2, m_label.command);
            q.bind(3, changes.data(), static_cast<int>(changes.size()));
            q.bind(4, id_list(contacts_touched(m_store.m_db->getHandle(), changes)));
            q.exec();
            SQLite::Statement prune(*m_store.m_db, "DELETE FROM undo_journal WHERE id <= "
                                                   "(SELECT max(id) FROM undo_journal) - ?");
            prune.bind(1, k_journal_depth);
            prune.exec();
        }
    }
    // After the changeset is taken: a window is derived state, never undone, only recomputed.
    if (m_label.touch_windows.window) {
        m_store.refresh_touch_windows(m_label.touch_windows);
    }
    m_store.m_db->exec("COMMIT");
    m_done = true;
    g_committed_writes.fetch_add(1);
}

std::uint64_t committed_writes() noexcept
{
    return g_committed_writes.load();
}

std::vector<JournalEntry> Store::journal(bool include_undone, int limit) const
{
    SQLite::Statement q(
        *m_db, fmt::format("SELECT id, at, command, contacts, undone_at FROM undo_journal {} "
                           "ORDER BY id DESC LIMIT ?",
                           include_undone ? "" : "WHERE undone_at IS NULL"));
    q.bind(1, limit);
    std::vector<JournalEntry> entries;
    while (q.executeStep()) {
        JournalEntry entry;
        entry.id = q.getColumn("id").getInt64();
        entry.at = to_instant(q.getColumn("at").getInt64());
        entry.command = q.getColumn("command").getString();
        entry.contacts = parse_id_list(q.getColumn("contacts").getString());
        entry.undone_at = optional_instant(q.getColumn("undone_at"));
        entries.push_back(std::move(entry));
    }
    return entries;
}

void Store::revert(const JournalEntry& entry, Instant now)
{
    SQLite::Statement q(*m_db,
                        "SELECT changeset FROM undo_journal WHERE id = ? AND undone_at IS NULL");
    q.bind(1, entry.id);
    if (!q.executeStep()) {
        throw not_found_error(fmt::format("there is no change u{} to undo", entry.id));
    }
    const SQLite::Column blob = q.getColumn(0);
    const std::string changes(static_cast<const char*>(blob.getBlob()),
                              static_cast<std::size_t>(blob.getBytes()));
    q.reset();
    if (!apply_inverse(m_db->getHandle(), changes)) {
        throw Error(k_exit_conflict,
                    fmt::format("cannot undo u{} ({}): its records have changed since", entry.id,
                                entry.command),
                    "undo the later changes first (fu undo --list)");
    }
    SQLite::Statement mark(*m_db, "UPDATE undo_journal SET undone_at = ? WHERE id = ?");
    mark.bind(1, to_seconds(now));
    mark.bind(2, entry.id);
    mark.exec();
}

} // namespace fu
