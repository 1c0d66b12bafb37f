#include "fu/store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"

namespace fu {
namespace {

struct Migration {
    int version;
    const char* sql;
};

// Shipped steps are never edited; a change to the schema is a new step at the end.
constexpr Migration k_migrations[] = {
    {1, R"sql(
CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL CHECK (name <> ''),
    name_folded TEXT NOT NULL,
    company     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    tz          TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    archived_at INTEGER,
    closed_at   INTEGER
);
CREATE INDEX contacts_by_email ON contacts (email COLLATE NOCASE) WHERE email <> '';
CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX contact_tags_by_tag ON contact_tags (tag, contact_id);
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, company, email, phone, note,
    content = 'contacts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, name, company, email, phone, note)
    VALUES (new.id, new.name, new.company, new.email, new.phone, new.note);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, company, email, phone, note)
    VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.note);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, company, email, phone, note)
    VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.note);
    INSERT INTO contacts_fts (rowid, name, company, email, phone, note)
    VALUES (new.id, new.name, new.company, new.email, new.phone, new.note);
END;
CREATE TABLE promises (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id       INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    made_at          INTEGER NOT NULL,
    earliest         INTEGER NOT NULL,
    latest           INTEGER NOT NULL CHECK (latest > earliest),
    text             TEXT NOT NULL,
    zone             TEXT NOT NULL,
    about            TEXT NOT NULL DEFAULT '',
    agreed           INTEGER NOT NULL DEFAULT 0,
    via              TEXT NOT NULL DEFAULT 'call',
    status           TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'kept', 'late', 'renegotiated', 'broken', 'cancelled')),
    resolved_at      INTEGER,
    replaced_by      INTEGER REFERENCES promises (id) ON DELETE SET NULL,
    rescheduled_from INTEGER REFERENCES promises (id) ON DELETE SET NULL,
    reason           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX promises_open_by_latest ON promises (latest) WHERE status = 'open';
CREATE INDEX promises_by_contact ON promises (contact_id, status);
CREATE INDEX promises_by_made_at ON promises (made_at);
CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    outcome    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    promise_id INTEGER REFERENCES promises (id) ON DELETE SET NULL
);
CREATE INDEX interactions_by_contact ON interactions (contact_id, at);
CREATE INDEX interactions_by_at ON interactions (at);
)sql"},
};


Instant to_instant(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }
std::int64_t to_seconds(Instant t) { return t.time_since_epoch().count(); }

std::optional<Instant> optional_instant(const SQLite::Column& column)
{
    if (column.isNull()) {
        return std::nullopt;
    }
    return to_instant(column.getInt64());
}

std::optional<Id> optional_id(const SQLite::Column& column)
{
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt64();
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<Instant> value)
{
    if (value) {
        statement.bind(index, to_seconds(*value));
    } else {
        statement.bind(index);
    }
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<Id> value)
{
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

constexpr const char* k_contact_columns =
    "c.id, c.name, c.company, c.phone, c.email, c.note, c.tz, c.created_at, c.archived_at, "
    "c.closed_at, (SELECT group_concat(tag, char(31)) FROM contact_tags t WHERE t.contact_id = c.id)";

Contact read_contact(SQLite::Statement& q)
{
    Contact c;
    c.id = q.getColumn(0).getInt64();
    c.name = q.getColumn(1).getString();
    c.company = q.getColumn(2).getString();
    c.phone = q.getColumn(3).getString();
    c.email = q.getColumn(4).getString();
    c.note = q.getColumn(5).getString();
    c.tz = q.getColumn(6).getString();
    c.created_at = to_instant(q.getColumn(7).getInt64());
    c.archived_at = optional_instant(q.getColumn(8));
    c.closed_at = optional_instant(q.getColumn(9));
    const std::string tags = q.getColumn(10).getString();
    std::size_t start = 0;
    while (!tags.empty() && start <= tags.size()) {
        const std::size_t end = std::min(tags.find('\x1f', start), tags.size());
        c.tags.push_back(tags.substr(start, end - start));
        start = end + 1;
    }
    std::sort(c.tags.begin(), c.tags.end());
    return c;
}

std::vector<Contact> read_contacts(SQLite::Statement& q)
{
    std::vector<Contact> contacts;
    while (q.executeStep()) {
        contacts.push_back(read_contact(q));
    }
    return contacts;
}

constexpr const char* k_promise_columns =
    "p.id, p.contact_id, p.made_at, p.earliest, p.latest, p.text, p.zone, p.about, p.agreed, p.via, "
    "p.status, p.resolved_at, p.replaced_by, p.rescheduled_from, p.reason";

Promise read_promise(SQLite::Statement& q)
{
    Promise p;
    p.id = q.getColumn(0).getInt64();
    p.contact_id = q.getColumn(1).getInt64();
    p.made_at = to_instant(q.getColumn(2).getInt64());
    p.earliest = to_instant(q.getColumn(3).getInt64());
    p.latest = to_instant(q.getColumn(4).getInt64());
    p.text = q.getColumn(5).getString();
    p.zone = q.getColumn(6).getString();
    p.about = q.getColumn(7).getString();
    p.agreed = q.getColumn(8).getInt() != 0;
    p.via = q.getColumn(9).getString();
    p.status = promise_status_from(q.getColumn(10).getString()).value_or(PromiseStatus::open);
    p.resolved_at = optional_instant(q.getColumn(11));
    p.replaced_by = optional_id(q.getColumn(12));
    p.rescheduled_from = optional_id(q.getColumn(13));
    p.reason = q.getColumn(14).getString();
    return p;
}

std::vector<Promise> read_promises(SQLite::Statement& q)
{
    std::vector<Promise> promises;
    while (q.executeStep()) {
        promises.push_back(read_promise(q));
    }
    return promises;
}

Interaction read_interaction(SQLite::Statement& q)
{
    Interaction i;
    i.id = q.getColumn(0).getInt64();
    i.contact_id = q.getColumn(1).getInt64();
    i.at = to_instant(q.getColumn(2).getInt64());
    i.kind = q.getColumn(3).getString();
    i.outcome = q.getColumn(4).getString();
    i.note = q.getColumn(5).getString();
    i.promise_id = optional_id(q.getColumn(6));
    return i;
}

// A list of ids as a JSON array, bound to one parameter and read with json_each().
std::string id_list(const std::vector<Id>& ids)
{
    std::string list = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        list += (i ? "," : "") + std::to_string(ids[i]);
    }
    return list + "]";
}

// Each word becomes a quoted prefix term, so user text is never FTS5 syntax.
std::string fts_query(const std::string& text)
{
    std::vector<std::string> terms;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            terms.push_back("\"" + word + "\"*");
            word.clear();
        }
    };
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            flush();
        } else if (c == '"') {
            word += "\"\"";
        } else {
            word += c;
        }
    }
    flush();
    return join(terms, " ");
}

std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& path, int flags,
                                                std::chrono::milliseconds busy_timeout = k_default_busy_timeout)
{
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), flags,
                                                     static_cast<int>(busy_timeout.count()));
        db->exec("PRAGMA foreign_keys = ON");
        return db;
    } catch (const SQLite::Exception& e) {
        throw database_error(fmt::format("cannot open database {}: {}", path.string(), e.what()));
    }
}

void check_identity(SQLite::Database& db, const std::string& where)
{
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (application_id == 0 && version == 0) {
        const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (objects != 0) {
            throw database_error(fmt::format("{} is not a fu database", where),
                                 "use --db to choose another file");
        }
        return;
    }
    if (application_id != k_application_id) {
        throw database_error(fmt::format("{} is not a fu database", where),
                             "use --db to choose another file");
    }
    if (version > k_schema_version) {
        throw database_error(
            fmt::format("{} has schema version {}, newer than this fu understands ({})", where,
                        version, k_schema_version),
            "upgrade fu to use this database");
    }
}

// Creates the file (and its missing directories) private to the user.
void create_private_file(const std::filesystem::path& path)
{
    std::vector<std::filesystem::path> created;
    const auto dir = path.parent_path();
    if (!dir.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(dir, ec)) {
            // Each missing directory is created 0700: follow-up notes are private.
            std::vector<std::filesystem::path> missing;
            for (auto d = dir; !d.empty() && !std::filesystem::exists(d, ec); d = d.parent_path()) {
                missing.push_back(d);
                if (d == d.parent_path()) {
                    break;
                }
            }
            for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
                if (::mkdir(it->c_str(), 0700) != 0) {
                    if (errno == EEXIST) {
                        continue;
                    }
                    const int error = errno;
                    for (auto made = created.rbegin(); made != created.rend(); ++made) {
                        ::rmdir(made->c_str());
                    }
                    throw database_error(fmt::format("cannot create directory {}: {}",
                                                     it->string(), std::strerror(error)));
                }
                created.push_back(*it);
            }
        }
    }
    // Not O_EXCL: another fu may create the same file at the same moment, and that is fine.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        for (auto made = created.rbegin(); made != created.rend(); ++made) {
            ::rmdir(made->c_str());
        }
        throw database_error(
            fmt::format("cannot create database {}: {}", path.string(), std::strerror(error)));
    }
    ::close(fd);
}

} // namespace

namespace {
// A read-only URI for a file that nothing will change while fu reads it.
std::string immutable_uri(const std::filesystem::path& path)
{
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%' || c == ' ') {
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

// An empty path means no database could be located (no HOME, no --db, no FU_DB).
void require_path(const std::filesystem::path& path)
{
    if (path.empty()) {
        throw database_error("cannot find the database: HOME is not set", "use --db PATH or set FU_DB");
    }
}
} // namespace

Store::Store(std::unique_ptr<SQLite::Database> db) : m_db(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open_in_memory()
{
    Store store(open_database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
    store.migrate();
    return store;
}

Store Store::open_for_reading(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return open_in_memory();
    }
    auto db = open_database(path, SQLite::OPEN_READONLY, busy_timeout);
    try {
        try {
            check_identity(*db, path.string());
        } catch (const SQLite::Exception& e) {
            const int code = e.getErrorCode() & 0xFF;
            if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) {
                throw;
            }
            // A WAL database in a place this user cannot write (no -shm can be made): read it as
            // an immutable file, which is exact as long as no changes wait in its -wal file.
            const auto wal = path.string() + "-wal";
            if (std::filesystem::exists(wal, ec) && std::filesystem::file_size(wal, ec) > 0) {
                throw database_error(fmt::format("cannot read database {}: it is read-only for you and "
                                                 "has changes not yet checkpointed in {}",
                                                 path.string(), wal),
                                     "run fu once as the file's owner, or copy the database");
            }
            db.reset();
            db = open_database(immutable_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI, busy_timeout);
            check_identity(*db, path.string());
        }
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        if (version == 0) {
            return open_in_memory(); // an empty file: read as an empty database, written by no read
        }
        if (version < k_schema_version) {
            // An older file must be migrated before this fu can read it.
            db.reset();
            return open_for_writing(path, busy_timeout);
        }
    } catch (const SQLite::Exception& e) {
        throw database_error(fmt::format("cannot read database {}: {}", path.string(), e.what()));
    }
    return Store(std::move(db));
}

Store Store::open_for_update(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0) {
        return open_in_memory(); // nothing to change yet: leave the file as it is
    }
    return open_for_writing(path, busy_timeout);
}

Store Store::open_for_writing(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout)
{
    require_path(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        create_private_file(path);
    }
    Store store(open_database(path, SQLite::OPEN_READWRITE, busy_timeout));
    try {
        check_identity(*store.m_db, path.string());
        store.m_db->exec("PRAGMA journal_mode = WAL");
        store.m_db->exec("PRAGMA synchronous = FULL");
        store.migrate();
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xFF) == SQLITE_BUSY) {
            throw translate_store_failure(e);
        }
        if ((e.getErrorCode() & 0xFF) == SQLITE_READONLY) {
            throw database_error(fmt::format("{} is read-only for you; nothing was changed", path.string()));
        }
        throw database_error(fmt::format("cannot use database {}: {}", path.string(), e.what()));
    }
    return store;
}

void Store::migrate()
{
    for (const Migration& step : k_migrations) {
        if (m_db->execAndGet("PRAGMA user_version").getInt() >= step.version) {
            continue;
        }
        m_db->exec("BEGIN IMMEDIATE");
        try {
            // Re-read inside the transaction: another process may have migrated meanwhile.
            if (m_db->execAndGet("PRAGMA user_version").getInt() < step.version) {
                m_db->exec(step.sql);
                m_db->exec(fmt::format("PRAGMA application_id = {}", k_application_id));
                m_db->exec(fmt::format("PRAGMA user_version = {}", step.version));
            }
            m_db->exec("COMMIT");
        } catch (...) {
            m_db->exec("ROLLBACK");
            throw;
        }
    }
}

int Store::schema_version() const { return m_db->execAndGet("PRAGMA user_version").getInt(); }

Store::WriteTransaction::WriteTransaction(Store& store) : m_store(store)
{
    m_store.m_db->exec("BEGIN IMMEDIATE");
}

Store::WriteTransaction::~WriteTransaction()
{
    if (!m_done) {
        try {
            m_store.m_db->exec("ROLLBACK");
        } catch (...) { // NOLINT(bugprone-empty-catch): nothing more can be done in a destructor
        }
    }
}

void Store::WriteTransaction::commit()
{
    m_store.m_db->exec("COMMIT");
    m_done = true;
}

Id Store::add_contact(const ContactChanges& fields, Instant now)
{
    SQLite::Statement q(*m_db, "INSERT INTO contacts (name, name_folded, company, phone, email, "
                               "note, tz, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const std::string name = fields.name.value_or("");
    q.bind(1, name);
    q.bind(2, fold_case(name));
    q.bind(3, fields.company.value_or(""));
    q.bind(4, fields.phone.value_or(""));
    q.bind(5, fields.email.value_or(""));
    q.bind(6, fields.note.value_or(""));
    q.bind(7, fields.tz.value_or(""));
    q.bind(8, to_seconds(now));
    q.exec();
    const Id id = m_db->getLastInsertRowid();
    ContactChanges tags_only;
    tags_only.add_tags = fields.add_tags;
    update_contact(id, tags_only);
    return id;
}

void Store::update_contact(Id id, const ContactChanges& changes)
{
    const auto set_text = [&](const char* column, const std::optional<std::string>& value) {
        if (!value) {
            return;
        }
        SQLite::Statement q(*m_db, fmt::format("UPDATE contacts SET {} = ? WHERE id = ?", column));
        q.bind(1, *value);
        q.bind(2, id);
        q.exec();
    };
    set_text("name", changes.name);
    if (changes.name) {
        set_text("name_folded", fold_case(*changes.name));
    }
    set_text("company", changes.company);
    set_text("phone", changes.phone);
    set_text("email", changes.email);
    set_text("note", changes.note);
    set_text("tz", changes.tz);
    for (const auto& tag : changes.add_tags) {
        SQLite::Statement q(*m_db, "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)");
        q.bind(1, id);
        q.bind(2, tag);
        q.exec();
    }
    for (const auto& tag : changes.remove_tags) {
        SQLite::Statement q(*m_db, "DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?");
        q.bind(1, id);
        q.bind(2, tag);
        q.exec();
    }
}

std::optional<Contact> Store::contact(Id id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM contacts c WHERE c.id = ?", k_contact_columns));
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_contact(q);
}

std::vector<Contact> Store::contacts_by_email(const std::string& email) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM contacts c WHERE c.email = ? COLLATE "
                                           "NOCASE AND c.email <> '' ORDER BY c.id",
                                           k_contact_columns));
    q.bind(1, email);
    return read_contacts(q);
}

std::vector<Contact> Store::contacts_with_ids(const std::vector<Id>& ids) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM contacts c WHERE c.id IN (SELECT value FROM "
                                           "json_each(?)) ORDER BY c.id",
                                           k_contact_columns));
    q.bind(1, id_list(ids));
    return read_contacts(q);
}

std::vector<Contact> Store::contacts_by_name_part(const std::string& folded_part) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM contacts c WHERE instr(c.name_folded, ?) > 0 "
                                           "ORDER BY c.archived_at IS NOT NULL, c.id",
                                           k_contact_columns));
    q.bind(1, folded_part);
    return read_contacts(q);
}

std::vector<Contact> Store::list_contacts(const ContactFilter& filter) const
{
    std::string sql = fmt::format("SELECT {} FROM contacts c WHERE c.archived_at IS {} NULL",
                                  k_contact_columns, filter.archived ? "NOT" : "");
    if (!filter.tag.empty()) {
        sql += " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)";
    }
    if (!filter.search.empty()) {
        sql += " AND c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :search)";
    }
    sql += " ORDER BY c.name_folded, c.id";
    SQLite::Statement q(*m_db, sql);
    if (!filter.tag.empty()) {
        q.bind(":tag", filter.tag);
    }
    if (!filter.search.empty()) {
        q.bind(":search", fts_query(filter.search));
    }
    return read_contacts(q);
}

void Store::set_archived(Id id, std::optional<Instant> archived_at)
{
    SQLite::Statement q(*m_db, "UPDATE contacts SET archived_at = ? WHERE id = ?");
    bind_optional(q, 1, archived_at);
    q.bind(2, id);
    q.exec();
}

void Store::set_closed(Id id, std::optional<Instant> closed_at)
{
    SQLite::Statement q(*m_db, "UPDATE contacts SET closed_at = ? WHERE id = ?");
    bind_optional(q, 1, closed_at);
    q.bind(2, id);
    q.exec();
}

void Store::purge_contact(Id id)
{
    // Foreign keys cascade to tags, promises and interactions.
    SQLite::Statement q(*m_db, "DELETE FROM contacts WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

std::vector<Contact> Store::contacts_without_next_step() const
{
    SQLite::Statement q(
        *m_db, fmt::format("SELECT {} FROM contacts c WHERE c.archived_at IS NULL AND c.closed_at IS NULL "
                           "AND NOT EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = c.id AND "
                           "p.status = 'open') AND (EXISTS (SELECT 1 FROM promises p WHERE "
                           "p.contact_id = c.id) OR EXISTS (SELECT 1 FROM interactions i WHERE "
                           "i.contact_id = c.id)) AND coalesce((SELECT i.outcome FROM interactions i WHERE "
                           "i.contact_id = c.id ORDER BY i.at DESC, i.id DESC LIMIT 1), '') <> 'won' "
                           "ORDER BY c.name_folded, c.id",
                           k_contact_columns));
    return read_contacts(q);
}

std::vector<std::pair<Contact, Instant>> Store::contacts_silent_since(Instant before) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {}, last.at FROM contacts c JOIN (SELECT contact_id, "
                                           "max(at) AS at FROM interactions GROUP BY contact_id) last "
                                           "ON last.contact_id = c.id WHERE c.archived_at IS NULL AND "
                                           "c.closed_at IS NULL AND last.at < ? ORDER BY last.at, c.id",
                                           k_contact_columns));
    q.bind(1, to_seconds(before));
    std::vector<std::pair<Contact, Instant>> result;
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        result.emplace_back(std::move(contact), to_instant(q.getColumn(11).getInt64()));
    }
    return result;
}

std::vector<std::string> Store::contact_names() const
{
    SQLite::Statement q(*m_db, "SELECT name FROM contacts WHERE archived_at IS NULL ORDER BY name_folded");
    std::vector<std::string> names;
    while (q.executeStep()) {
        names.push_back(q.getColumn(0).getString());
    }
    return names;
}

bool Store::has_contacts() const
{
    return m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM contacts)").getInt() != 0;
}

Id Store::add_promise(const Promise& p)
{
    SQLite::Statement q(*m_db,
                        "INSERT INTO promises (contact_id, made_at, earliest, latest, text, zone, "
                        "about, agreed, via, status, rescheduled_from) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)");
    q.bind(1, p.contact_id);
    q.bind(2, to_seconds(p.made_at));
    q.bind(3, to_seconds(p.earliest));
    q.bind(4, to_seconds(p.latest));
    q.bind(5, p.text);
    q.bind(6, p.zone);
    q.bind(7, p.about);
    q.bind(8, p.agreed ? 1 : 0);
    q.bind(9, p.via);
    bind_optional(q, 10, p.rescheduled_from);
    q.exec();
    return m_db->getLastInsertRowid();
}

std::optional<Promise> Store::promise(Id id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p WHERE p.id = ?", k_promise_columns));
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_promise(q);
}

std::vector<Promise> Store::open_promises(std::optional<Id> contact_id) const
{
    std::string sql = fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                                  "WHERE p.status = 'open' AND c.archived_at IS NULL",
                                  k_promise_columns);
    if (contact_id) {
        sql += " AND p.contact_id = :contact";
    }
    sql += " ORDER BY p.latest, p.earliest, p.id";
    SQLite::Statement q(*m_db, sql);
    if (contact_id) {
        q.bind(":contact", *contact_id);
    }
    return read_promises(q);
}

std::vector<Promise> Store::open_promises_opening_before(std::optional<Instant> opening_before) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                                           "WHERE p.status = 'open' AND c.archived_at IS NULL AND p.earliest < ? "
                                           "ORDER BY p.latest, p.earliest, p.id",
                                           k_promise_columns));
    q.bind(1, opening_before ? to_seconds(*opening_before) : std::numeric_limits<std::int64_t>::max());
    return read_promises(q);
}

std::vector<Promise> Store::promises_of(Id contact_id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p WHERE p.contact_id = ? "
                                           "ORDER BY p.made_at, p.id",
                                           k_promise_columns));
    q.bind(1, contact_id);
    return read_promises(q);
}

std::vector<Promise> Store::promises_made_since(std::optional<Instant> since) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p WHERE p.made_at >= ? "
                                           "ORDER BY p.made_at, p.id",
                                           k_promise_columns));
    q.bind(1, since ? to_seconds(*since) : std::numeric_limits<std::int64_t>::min());
    return read_promises(q);
}

std::vector<Promise> Store::promises_resolved_between(Instant from, Instant to) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                                           "WHERE c.archived_at IS NULL AND p.status <> 'open' AND "
                                           "p.resolved_at >= ? AND p.resolved_at < ? "
                                           "ORDER BY p.resolved_at, p.id",
                                           k_promise_columns));
    q.bind(1, to_seconds(from));
    q.bind(2, to_seconds(to));
    return read_promises(q);
}

void Store::resolve_promise(Id id, PromiseStatus status, Instant at, const std::string& reason,
                            std::optional<Id> replaced_by)
{
    SQLite::Statement q(*m_db, "UPDATE promises SET status = ?, resolved_at = ?, reason = ?, "
                               "replaced_by = ? WHERE id = ?");
    q.bind(1, std::string(to_string(status)));
    q.bind(2, to_seconds(at));
    q.bind(3, reason);
    bind_optional(q, 4, replaced_by);
    q.bind(5, id);
    q.exec();
}

Id Store::add_interaction(const Interaction& i)
{
    SQLite::Statement q(*m_db, "INSERT INTO interactions (contact_id, at, kind, outcome, note, "
                               "promise_id) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, i.contact_id);
    q.bind(2, to_seconds(i.at));
    q.bind(3, i.kind);
    q.bind(4, i.outcome);
    q.bind(5, i.note);
    bind_optional(q, 6, i.promise_id);
    q.exec();
    return m_db->getLastInsertRowid();
}

std::vector<Interaction> Store::list_interactions(const InteractionFilter& filter) const
{
    std::string sql = "SELECT i.id, i.contact_id, i.at, i.kind, i.outcome, i.note, i.promise_id "
                      "FROM interactions i WHERE 1";
    if (filter.contact_id) {
        sql += " AND i.contact_id = :contact";
    }
    if (!filter.include_archived) {
        sql += " AND i.contact_id IN (SELECT id FROM contacts WHERE archived_at IS NULL)";
    }
    if (filter.since) {
        sql += " AND i.at >= :since";
    }
    if (filter.until) {
        sql += " AND i.at < :until";
    }
    sql += " ORDER BY i.at DESC, i.id DESC";
    if (filter.limit > 0) {
        sql += " LIMIT :limit";
    }
    SQLite::Statement q(*m_db, sql);
    if (filter.contact_id) {
        q.bind(":contact", *filter.contact_id);
    }
    if (filter.since) {
        q.bind(":since", to_seconds(*filter.since));
    }
    if (filter.until) {
        q.bind(":until", to_seconds(*filter.until));
    }
    if (filter.limit > 0) {
        q.bind(":limit", filter.limit);
    }
    std::vector<Interaction> result;
    while (q.executeStep()) {
        result.push_back(read_interaction(q));
    }
    return result;
}

std::vector<Interaction> Store::interactions_of_contacts(const std::vector<Id>& contact_ids) const
{
    SQLite::Statement q(*m_db, "SELECT id, contact_id, at, kind, outcome, note, promise_id FROM interactions "
                               "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY at, id");
    q.bind(1, id_list(contact_ids));
    std::vector<Interaction> result;
    while (q.executeStep()) {
        result.push_back(read_interaction(q));
    }
    return result;
}

std::string Store::explain(const std::string& sql) const
{
    SQLite::Statement q(*m_db, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (q.executeStep()) {
        plan += q.getColumn(3).getString();
        plan += '\n';
    }
    return plan;
}

Error translate_store_failure(const std::exception& failure)
{
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&failure);
    const int code = sqlite != nullptr ? (sqlite->getErrorCode() & 0xFF) : SQLITE_ERROR;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        return Error(k_exit_busy, "the database is busy (another fu is writing)",
                     "try again in a moment");
    }
    if (code == SQLITE_FULL) {
        return database_error("the disk is full; nothing was changed");
    }
    if (code == SQLITE_READONLY) {
        return database_error("the database is read-only; nothing was changed");
    }
    return database_error(fmt::format("database error: {}", failure.what()));
}

} // namespace fu
