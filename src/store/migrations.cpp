// src/store/migrations.cpp — the schema as an ordered list of steps, each applied once.
#include <fmt/format.h>

#include "fu/store.hpp"
#include "store/rows.hpp"

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
    // Which interaction keeps which promise: the direction of an interaction and how it was
    // chosen; links made before this step were made by the rules of their day, so they stay.
    // Words in interaction notes and promise purposes become searchable. The undo journal holds
    // one changeset per write command.
    {2, R"sql(
ALTER TABLE interactions ADD COLUMN direction TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('out', 'in'));
ALTER TABLE interactions ADD COLUMN keeps TEXT NOT NULL DEFAULT 'auto' CHECK (keeps IN ('auto', 'chosen', 'aside'));
ALTER TABLE interactions ADD COLUMN chosen_promise INTEGER REFERENCES promises (id) ON DELETE SET NULL;
UPDATE interactions SET keeps = 'chosen', chosen_promise = promise_id WHERE promise_id IS NOT NULL;
ALTER TABLE promises ADD COLUMN made_with INTEGER REFERENCES interactions (id) ON DELETE SET NULL;
CREATE INDEX interactions_by_promise ON interactions (promise_id) WHERE promise_id IS NOT NULL;
CREATE VIRTUAL TABLE interactions_fts USING fts5 (
    note, content = 'interactions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild');
CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interactions_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interactions_fts (interactions_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF note ON interactions BEGIN
    INSERT INTO interactions_fts (interactions_fts, rowid, note) VALUES ('delete', old.id, old.note);
    INSERT INTO interactions_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE VIRTUAL TABLE promises_fts USING fts5 (
    about, content = 'promises', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO promises_fts (promises_fts) VALUES ('rebuild');
CREATE TRIGGER promises_fts_insert AFTER INSERT ON promises BEGIN
    INSERT INTO promises_fts (rowid, about) VALUES (new.id, new.about);
END;
CREATE TRIGGER promises_fts_delete AFTER DELETE ON promises BEGIN
    INSERT INTO promises_fts (promises_fts, rowid, about) VALUES ('delete', old.id, old.about);
END;
CREATE TRIGGER promises_fts_update AFTER UPDATE OF about ON promises BEGIN
    INSERT INTO promises_fts (promises_fts, rowid, about) VALUES ('delete', old.id, old.about);
    INSERT INTO promises_fts (rowid, about) VALUES (new.id, new.about);
END;
CREATE TABLE undo_journal (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    command   TEXT NOT NULL,
    changeset BLOB NOT NULL,
    contacts  TEXT NOT NULL DEFAULT '[]',
    undone_at INTEGER
);
)sql"},
    // The follow-up practice: keep-in-touch cadences, interest and `fu reopen` on contacts;
    // playbooks started for a contact (their steps as JSON, as they were when started), each step
    // a promise; a reminder sent for a promise.
    {3, R"sql(
ALTER TABLE contacts ADD COLUMN every TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN interest TEXT NOT NULL DEFAULT ''
    CHECK (interest IN ('', 'hot', 'warm', 'cold'));
ALTER TABLE contacts ADD COLUMN reopened_at INTEGER;
CREATE INDEX contacts_with_cadence ON contacts (id) WHERE every <> '';
CREATE TABLE plans (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    playbook   TEXT NOT NULL,
    steps      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps)),
    started_at INTEGER NOT NULL,
    from_at    INTEGER NOT NULL,
    ended_at   INTEGER,
    end_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plans_by_contact ON plans (contact_id, ended_at);
ALTER TABLE promises ADD COLUMN plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL;
ALTER TABLE promises ADD COLUMN plan_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE interactions ADD COLUMN reminds INTEGER REFERENCES promises (id) ON DELETE SET NULL;
CREATE INDEX interactions_by_reminds ON interactions (reminds) WHERE reminds IS NOT NULL;
)sql"},
};

} // namespace

int Store::schema_version() const
{
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

void Store::migrate(int up_to)
{
    for (const Migration& step : k_migrations) {
        if (step.version > up_to ||
            m_db->execAndGet("PRAGMA user_version").getInt() >= step.version) {
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

} // namespace fu
