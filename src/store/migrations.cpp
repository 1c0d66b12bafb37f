// src/store/migrations.cpp — the schema as an ordered list of steps, each applied once.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/private_files.hpp"

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
    // What every `fu due` needs, kept up to date on write instead of recomputed from the whole
    // history on every read: each contact's open promises, whether it has any history, its last
    // interaction and that interaction's outcome; each promise's copy of its contact's interest and
    // whether the contact is live. Triggers keep them, like the full-text indexes, recomputing
    // from the rows themselves so that replaying a change in any order (undo) ends in the truth.
    // `every_after` is the shortest a cadence's ideal interval can be, in seconds, written with
    // the cadence (0 until then: every such contact is a candidate). Indexes serve the hot queries.
    {4, R"sql(
ALTER TABLE contacts ADD COLUMN open_promises INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN has_history INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN last_at INTEGER;
ALTER TABLE contacts ADD COLUMN last_outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN every_after INTEGER NOT NULL DEFAULT 0;
ALTER TABLE promises ADD COLUMN interest TEXT NOT NULL DEFAULT '';
ALTER TABLE promises ADD COLUMN listed INTEGER NOT NULL DEFAULT 1;

UPDATE contacts SET
    open_promises = (SELECT count(*) FROM promises p WHERE p.contact_id = contacts.id AND p.status = 'open'),
    has_history = EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = contacts.id)
               OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = contacts.id),
    last_at = (SELECT max(i.at) FROM interactions i WHERE i.contact_id = contacts.id),
    last_outcome = coalesce((SELECT i.outcome FROM interactions i WHERE i.contact_id = contacts.id
                             ORDER BY i.at DESC, i.id DESC LIMIT 1), '');
UPDATE promises SET
    interest = (SELECT c.interest FROM contacts c WHERE c.id = promises.contact_id),
    listed = (SELECT c.archived_at IS NULL FROM contacts c WHERE c.id = promises.contact_id);

-- The full-text index changes only with the words it holds, not with every derived column.
DROP TRIGGER contacts_fts_update;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, company, email, phone, note ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, company, email, phone, note)
    VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.note);
    INSERT INTO contacts_fts (rowid, name, company, email, phone, note)
    VALUES (new.id, new.name, new.company, new.email, new.phone, new.note);
END;

CREATE TRIGGER promises_summary_insert AFTER INSERT ON promises BEGIN
    UPDATE promises SET
        interest = (SELECT c.interest FROM contacts c WHERE c.id = new.contact_id),
        listed = (SELECT c.archived_at IS NULL FROM contacts c WHERE c.id = new.contact_id)
    WHERE id = new.id;
    UPDATE contacts SET
        open_promises = (SELECT count(*) FROM promises p WHERE p.contact_id = new.contact_id AND p.status = 'open'),
        has_history = 1
    WHERE id = new.contact_id;
END;
CREATE TRIGGER promises_summary_update AFTER UPDATE OF contact_id, status ON promises BEGIN
    UPDATE contacts SET
        open_promises = (SELECT count(*) FROM promises p WHERE p.contact_id = contacts.id AND p.status = 'open'),
        has_history = EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = contacts.id)
                   OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = contacts.id)
    WHERE id IN (old.contact_id, new.contact_id);
END;
CREATE TRIGGER promises_summary_delete AFTER DELETE ON promises BEGIN
    UPDATE contacts SET
        open_promises = (SELECT count(*) FROM promises p WHERE p.contact_id = old.contact_id AND p.status = 'open'),
        has_history = EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = old.contact_id)
                   OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = old.contact_id)
    WHERE id = old.contact_id;
END;
CREATE TRIGGER interactions_summary_insert AFTER INSERT ON interactions BEGIN
    UPDATE contacts SET
        last_at = (SELECT max(i.at) FROM interactions i WHERE i.contact_id = new.contact_id),
        last_outcome = coalesce((SELECT i.outcome FROM interactions i WHERE i.contact_id = new.contact_id
                                 ORDER BY i.at DESC, i.id DESC LIMIT 1), ''),
        has_history = 1
    WHERE id = new.contact_id;
END;
CREATE TRIGGER interactions_summary_update AFTER UPDATE OF contact_id, at, outcome ON interactions BEGIN
    UPDATE contacts SET
        last_at = (SELECT max(i.at) FROM interactions i WHERE i.contact_id = contacts.id),
        last_outcome = coalesce((SELECT i.outcome FROM interactions i WHERE i.contact_id = contacts.id
                                 ORDER BY i.at DESC, i.id DESC LIMIT 1), ''),
        has_history = EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = contacts.id)
                   OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = contacts.id)
    WHERE id IN (old.contact_id, new.contact_id);
END;
CREATE TRIGGER interactions_summary_delete AFTER DELETE ON interactions BEGIN
    UPDATE contacts SET
        last_at = (SELECT max(i.at) FROM interactions i WHERE i.contact_id = old.contact_id),
        last_outcome = coalesce((SELECT i.outcome FROM interactions i WHERE i.contact_id = old.contact_id
                                 ORDER BY i.at DESC, i.id DESC LIMIT 1), ''),
        has_history = EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = old.contact_id)
                   OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = old.contact_id)
    WHERE id = old.contact_id;
END;
CREATE TRIGGER contacts_summary_to_promises AFTER UPDATE OF interest, archived_at ON contacts BEGIN
    UPDATE promises SET interest = new.interest, listed = new.archived_at IS NULL
    WHERE contact_id = new.id AND (interest IS NOT new.interest OR listed IS NOT (new.archived_at IS NULL));
END;

-- Running counts, kept by trigger like an index, so that "and 199,950 more" and a whole book's
-- statistics are a few rows read, not a million: contacts without a next step (by last outcome and
-- interest; which outcomes are settled is the domain's rule, applied when summing), contacts in
-- follow-up heard from at least once (by interest; the silent ones are these less the recently
-- heard), promises by status, and interactions by direction, kind and outcome (what counts as an
-- attempt or a reach is the domain's rule, applied when summing).
CREATE TABLE tallies (
    name     TEXT NOT NULL,
    outcome  TEXT NOT NULL, -- or a promise's status, or an interaction's kind
    interest TEXT NOT NULL, -- or an interaction's outcome
    n        INTEGER NOT NULL,
    PRIMARY KEY (name, outcome, interest)
) WITHOUT ROWID;
INSERT INTO tallies (name, outcome, interest, n)
    SELECT 'promises', status, '', count(*) FROM promises GROUP BY status;
INSERT INTO tallies (name, outcome, interest, n)
    SELECT 'interactions_' || direction, kind, outcome, count(*) FROM interactions GROUP BY direction, kind, outcome;
CREATE TRIGGER promises_tally_insert AFTER INSERT ON promises BEGIN
    INSERT INTO tallies (name, outcome, interest, n) VALUES ('promises', new.status, '', 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER promises_tally_update AFTER UPDATE OF status ON promises BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'promises' AND outcome = old.status AND interest = '';
    INSERT INTO tallies (name, outcome, interest, n) VALUES ('promises', new.status, '', 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER promises_tally_delete AFTER DELETE ON promises BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'promises' AND outcome = old.status AND interest = '';
END;
CREATE TRIGGER interactions_tally_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO tallies (name, outcome, interest, n) VALUES ('interactions_' || new.direction, new.kind, new.outcome, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interactions_tally_update AFTER UPDATE OF direction, kind, outcome ON interactions BEGIN
    UPDATE tallies SET n = n - 1
        WHERE name = 'interactions_' || old.direction AND outcome = old.kind AND interest = old.outcome;
    INSERT INTO tallies (name, outcome, interest, n) VALUES ('interactions_' || new.direction, new.kind, new.outcome, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interactions_tally_delete AFTER DELETE ON interactions BEGIN
    UPDATE tallies SET n = n - 1
        WHERE name = 'interactions_' || old.direction AND outcome = old.kind AND interest = old.outcome;
END;
INSERT INTO tallies (name, outcome, interest, n)
    SELECT 'no_next_step', last_outcome, interest, count(*) FROM contacts
    WHERE archived_at IS NULL AND closed_at IS NULL AND open_promises = 0 AND has_history = 1 AND every = ''
    GROUP BY last_outcome, interest;
INSERT INTO tallies (name, outcome, interest, n)
    SELECT 'heard', '', interest, count(*) FROM contacts
    WHERE archived_at IS NULL AND closed_at IS NULL AND every = '' AND last_at IS NOT NULL
    GROUP BY interest;
CREATE TRIGGER contacts_tally_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'no_next_step', new.last_outcome, new.interest, 1
        WHERE new.archived_at IS NULL AND new.closed_at IS NULL AND new.open_promises = 0
          AND new.has_history = 1 AND new.every = ''
        ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'heard', '', new.interest, 1
        WHERE new.archived_at IS NULL AND new.closed_at IS NULL AND new.every = '' AND new.last_at IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contacts_tally_update
AFTER UPDATE OF archived_at, closed_at, open_promises, has_history, every, last_at, last_outcome, interest
ON contacts BEGIN
    UPDATE tallies SET n = n - 1
        WHERE name = 'no_next_step' AND outcome = old.last_outcome AND interest = old.interest
          AND old.archived_at IS NULL AND old.closed_at IS NULL AND old.open_promises = 0
          AND old.has_history = 1 AND old.every = '';
    UPDATE tallies SET n = n - 1
        WHERE name = 'heard' AND outcome = '' AND interest = old.interest
          AND old.archived_at IS NULL AND old.closed_at IS NULL AND old.every = '' AND old.last_at IS NOT NULL;
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'no_next_step', new.last_outcome, new.interest, 1
        WHERE new.archived_at IS NULL AND new.closed_at IS NULL AND new.open_promises = 0
          AND new.has_history = 1 AND new.every = ''
        ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'heard', '', new.interest, 1
        WHERE new.archived_at IS NULL AND new.closed_at IS NULL AND new.every = '' AND new.last_at IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contacts_tally_delete AFTER DELETE ON contacts BEGIN
    UPDATE tallies SET n = n - 1
        WHERE name = 'no_next_step' AND outcome = old.last_outcome AND interest = old.interest
          AND old.archived_at IS NULL AND old.closed_at IS NULL AND old.open_promises = 0
          AND old.has_history = 1 AND old.every = '';
    UPDATE tallies SET n = n - 1
        WHERE name = 'heard' AND outcome = '' AND interest = old.interest
          AND old.archived_at IS NULL AND old.closed_at IS NULL AND old.every = '' AND old.last_at IS NOT NULL;
END;

-- fu due: open windows of live contacts by interest, closing or opening soonest first. The
-- columns of each partial index's condition come last, so that counting reads the index alone.
CREATE INDEX promises_due_by_latest ON promises (interest, latest, earliest, status, listed)
    WHERE status = 'open' AND listed = 1;
CREATE INDEX promises_due_by_earliest ON promises (interest, earliest, latest, status, listed)
    WHERE status = 'open' AND listed = 1;
-- Contacts without a next step, most recently active first.
CREATE INDEX contacts_without_next_step
    ON contacts (last_at, last_outcome, archived_at, closed_at, open_promises, has_history, every)
    WHERE archived_at IS NULL AND closed_at IS NULL AND open_promises = 0 AND has_history = 1 AND every = '';
-- Going cold: live contacts in follow-up, longest silent first.
CREATE INDEX contacts_by_last_at ON contacts (last_at, archived_at, closed_at, every)
    WHERE archived_at IS NULL AND closed_at IS NULL AND every = '' AND last_at IS NOT NULL;
-- Keep-in-touch candidates: a cadence, no open promise, its soonest possible due time.
CREATE INDEX contacts_keep_in_touch
    ON contacts (coalesce(last_at, created_at) + every_after, every, interest, last_at, created_at, every_after,
                 open_promises, archived_at, closed_at)
    WHERE every <> '' AND open_promises = 0 AND archived_at IS NULL AND closed_at IS NULL;
CREATE INDEX contacts_by_name ON contacts (name_folded, id);
CREATE INDEX promises_by_resolved_at ON promises (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX promises_late_by_lateness ON promises (resolved_at - latest, made_at, status, resolved_at, latest)
    WHERE status = 'late';
CREATE INDEX promises_by_status ON promises (status, made_at, latest);
CREATE INDEX interactions_since ON interactions (at, kind, direction, outcome);
)sql"},
    // `fu contacts --search` counts its matches among the live contacts by this small index
    // instead of reading each matching contact's row.
    {5, R"sql(
CREATE INDEX contacts_live ON contacts (id) WHERE archived_at IS NULL;
)sql"},
    // Connections run with trusted_schema OFF, under which SQLite 3.40 refuses to read a schema
    // whose CHECK calls json_valid() (not marked innocuous there): plans is rebuilt without it
    // (the store writes its steps as JSON itself). Dropping the old table sets promises' plan_id
    // to NULL, so the links are kept aside and put back.
    {6, R"sql(
CREATE TABLE plans_v6 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    playbook   TEXT NOT NULL,
    steps      TEXT NOT NULL DEFAULT '[]',
    started_at INTEGER NOT NULL,
    from_at    INTEGER NOT NULL,
    ended_at   INTEGER,
    end_reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO plans_v6 SELECT id, contact_id, playbook, steps, started_at, from_at, ended_at, end_reason
    FROM plans;
CREATE TEMP TABLE plan_links AS SELECT id, plan_id FROM promises WHERE plan_id IS NOT NULL;
DROP TABLE plans;
ALTER TABLE plans_v6 RENAME TO plans;
CREATE INDEX plans_by_contact ON plans (contact_id, ended_at);
UPDATE promises SET plan_id = (SELECT l.plan_id FROM temp.plan_links l WHERE l.id = promises.id)
    WHERE id IN (SELECT id FROM temp.plan_links);
DROP TABLE temp.plan_links;
)sql"},
    // Counting the live contacts' part of a large set (fu log's interactions) as the whole set
    // less the archived contacts' part: the archived contacts are found by this small index
    // instead of each member's contact being read. And a running count of the contacts in
    // follow-up (live, not said no) by interest, for fu contacts' "and N more".
    {7, R"sql(
CREATE INDEX contacts_archived ON contacts (id) WHERE archived_at IS NOT NULL;
INSERT INTO tallies (name, outcome, interest, n)
    SELECT 'in_follow_up', '', interest, count(*) FROM contacts
    WHERE archived_at IS NULL AND closed_at IS NULL GROUP BY interest;
CREATE TRIGGER contacts_follow_up_insert AFTER INSERT ON contacts
WHEN new.archived_at IS NULL AND new.closed_at IS NULL BEGIN
    INSERT INTO tallies (name, outcome, interest, n) VALUES ('in_follow_up', '', new.interest, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contacts_follow_up_update AFTER UPDATE OF archived_at, closed_at, interest ON contacts BEGIN
    UPDATE tallies SET n = n - 1
        WHERE name = 'in_follow_up' AND outcome = '' AND interest = old.interest
          AND old.archived_at IS NULL AND old.closed_at IS NULL;
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'in_follow_up', '', new.interest, 1 WHERE new.archived_at IS NULL AND new.closed_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contacts_follow_up_delete AFTER DELETE ON contacts
WHEN old.archived_at IS NULL AND old.closed_at IS NULL BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'in_follow_up' AND outcome = '' AND interest = old.interest;
END;
)sql"},
    // A running count of the archived contacts' interactions, so that fu log's count of the live
    // contacts' part is two tallies read, not each archived contact's interactions counted. It
    // holds whatever order an undo replays rows in: an interaction counts when its contact exists
    // and is archived; a contact archived, restored, inserted or deleted moves all of its own.
    // The index of archived contacts holds the column its condition reads, so that walking it
    // reads no contact's row; the open promises by closing time hold what fu stats counts them by.
    {8, R"sql(
DROP INDEX contacts_archived;
CREATE INDEX contacts_archived ON contacts (id, archived_at) WHERE archived_at IS NOT NULL;
DROP INDEX promises_open_by_latest;
CREATE INDEX promises_open_by_latest ON promises (latest, made_at, status) WHERE status = 'open';
INSERT INTO tallies (name, outcome, interest, n)
    SELECT 'interactions_archived', '', '', n FROM (SELECT count(*) AS n FROM interactions i
    JOIN contacts c ON c.id = i.contact_id WHERE c.archived_at IS NOT NULL) WHERE n > 0;
CREATE TRIGGER interactions_archived_insert AFTER INSERT ON interactions
WHEN EXISTS (SELECT 1 FROM contacts c WHERE c.id = new.contact_id AND c.archived_at IS NOT NULL) BEGIN
    INSERT INTO tallies (name, outcome, interest, n) VALUES ('interactions_archived', '', '', 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interactions_archived_delete AFTER DELETE ON interactions
WHEN EXISTS (SELECT 1 FROM contacts c WHERE c.id = old.contact_id AND c.archived_at IS NOT NULL) BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'interactions_archived' AND outcome = '' AND interest = '';
END;
CREATE TRIGGER interactions_archived_move AFTER UPDATE OF contact_id ON interactions BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'interactions_archived' AND outcome = '' AND interest = ''
        AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = old.contact_id AND c.archived_at IS NOT NULL);
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'interactions_archived', '', '', 1
        WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.id = new.contact_id AND c.archived_at IS NOT NULL)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contacts_archived_interactions AFTER UPDATE OF archived_at ON contacts
WHEN (old.archived_at IS NULL) <> (new.archived_at IS NULL) BEGIN
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'interactions_archived', '', '', CASE WHEN new.archived_at IS NULL THEN -count(*) ELSE count(*) END
        FROM interactions i WHERE i.contact_id = new.id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER contacts_archived_insert AFTER INSERT ON contacts
WHEN new.archived_at IS NOT NULL BEGIN
    INSERT INTO tallies (name, outcome, interest, n)
        SELECT 'interactions_archived', '', '', count(*) FROM interactions i WHERE i.contact_id = new.id
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
-- Before the row goes: its interactions, deleted by the cascade after it, no longer find it.
CREATE TRIGGER contacts_archived_delete BEFORE DELETE ON contacts
WHEN old.archived_at IS NOT NULL BEGIN
    UPDATE tallies SET n = n - (SELECT count(*) FROM interactions i WHERE i.contact_id = old.id)
        WHERE name = 'interactions_archived' AND outcome = '' AND interest = '';
END;
)sql"},
    // Each contact's keep-in-touch window, stored so that the agenda reads it as a range of an
    // index instead of computing every cadence's window on every read. The window is calendar
    // arithmetic in the user's zone, which SQL cannot do: a trigger notes the contacts whose
    // window a change made stale (in touch_stale, which the undo journal does not record), and
    // the write transaction computes them before it commits, with the zone they were computed
    // in. Readers use the stored windows only when none is stale and all are of their zone.
    {9, R"sql(
ALTER TABLE contacts ADD COLUMN touch_zone TEXT;
ALTER TABLE contacts ADD COLUMN touch_earliest INTEGER;
ALTER TABLE contacts ADD COLUMN touch_latest INTEGER;
CREATE TABLE touch_stale (contact_id INTEGER PRIMARY KEY);
INSERT INTO touch_stale (contact_id) SELECT id FROM contacts WHERE every <> '';
CREATE TRIGGER contacts_touch_insert AFTER INSERT ON contacts WHEN new.every <> '' BEGIN
    INSERT OR IGNORE INTO touch_stale (contact_id) VALUES (new.id);
END;
-- A cadence written, even unchanged, is computed again: `fu edit ID --every WORDS` repairs a window.
CREATE TRIGGER contacts_touch_cadence AFTER UPDATE OF every ON contacts
WHEN new.every <> '' OR old.every <> '' BEGIN
    INSERT OR IGNORE INTO touch_stale (contact_id) VALUES (new.id);
END;
CREATE TRIGGER contacts_touch_update AFTER UPDATE OF last_at, created_at ON contacts
WHEN new.every <> '' AND (new.last_at IS NOT old.last_at OR new.created_at IS NOT old.created_at) BEGIN
    INSERT OR IGNORE INTO touch_stale (contact_id) VALUES (new.id);
END;
CREATE TRIGGER contacts_touch_delete AFTER DELETE ON contacts WHEN old.every <> '' BEGIN
    DELETE FROM touch_stale WHERE contact_id = old.id;
END;
CREATE INDEX contacts_touch_zone ON contacts (touch_zone) WHERE touch_zone IS NOT NULL;
CREATE INDEX contacts_touch_by_latest
    ON contacts (interest, touch_latest, touch_earliest, open_promises, archived_at, closed_at)
    WHERE touch_latest IS NOT NULL AND open_promises = 0 AND archived_at IS NULL AND closed_at IS NULL;
CREATE INDEX contacts_touch_by_earliest
    ON contacts (interest, touch_earliest, touch_latest, open_promises, archived_at, closed_at)
    WHERE touch_latest IS NOT NULL AND open_promises = 0 AND archived_at IS NULL AND closed_at IS NULL;
CREATE INDEX contacts_touch_by_silence
    ON contacts (coalesce(last_at, created_at), touch_earliest, touch_latest, interest, open_promises,
                 archived_at, closed_at)
    WHERE touch_latest IS NOT NULL AND open_promises = 0 AND archived_at IS NULL AND closed_at IS NULL;
-- The references that had no index: deleting a promise (undoing one made), an interaction or a plan
-- made SQLite's foreign-key check read every row of the referring table (0.8 s at a million).
CREATE INDEX promises_by_replaced_by ON promises (replaced_by) WHERE replaced_by IS NOT NULL;
CREATE INDEX promises_by_rescheduled_from ON promises (rescheduled_from) WHERE rescheduled_from IS NOT NULL;
CREATE INDEX promises_by_made_with ON promises (made_with) WHERE made_with IS NOT NULL;
CREATE INDEX promises_by_plan ON promises (plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX interactions_by_chosen_promise ON interactions (chosen_promise) WHERE chosen_promise IS NOT NULL;
-- The agreed times (fu due --agreed, the digest's reminders and tomorrow's): a range of their own,
-- not every open window's row read to ask whether it was agreed.
CREATE INDEX promises_agreed_by_latest ON promises (interest, latest, earliest, status, listed, agreed)
    WHERE status = 'open' AND listed = 1 AND agreed = 1;
CREATE INDEX promises_agreed_by_earliest ON promises (interest, earliest, latest, status, listed, agreed)
    WHERE status = 'open' AND listed = 1 AND agreed = 1;
)sql"},
};

} // namespace

int Store::schema_version() const
{
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

std::filesystem::path migration_backup_path(const std::filesystem::path& path, int version)
{
    return path.string() + fmt::format(".schema-{}.backup", version);
}

namespace {

// Copies the database as it stands (its last commit) to `target`, 0600, synced, renamed into place.
// A connection of its own reads it: the migrating one holds the write lock and has written nothing.
void copy_database(const std::filesystem::path& path, const std::filesystem::path& target)
{
    remove_abandoned_siblings(target, "partial"); // a migration killed mid-copy left it
    const auto temp = private_sibling(target, "partial");
    const int fd = create_private_file(temp);
    ::close(fd);
    try {
        SQLite::Database source(path.string(), SQLite::OPEN_READONLY);
        SQLite::Database copy(temp.string(), SQLite::OPEN_READWRITE);
        sqlite3_backup* backup = sqlite3_backup_init(copy.getHandle(), "main", source.getHandle(), "main");
        if (backup == nullptr) {
            throw SQLite::Exception(copy.getHandle());
        }
        const int step = sqlite3_backup_step(backup, -1);
        const int finish = sqlite3_backup_finish(backup);
        if (step != SQLITE_DONE || finish != SQLITE_OK) {
            throw SQLite::Exception(fmt::format("cannot copy {} before migrating it: {}", path.string(),
                                                sqlite3_errstr(step != SQLITE_DONE ? step : finish)),
                                    step != SQLITE_DONE ? step : finish);
        }
    } catch (...) {
        ::unlink(temp.c_str());
        ::unlink((temp.string() + "-journal").c_str());
        throw;
    }
    const int synced = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (synced >= 0) {
        ::fsync(synced);
        ::close(synced);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        throw database_error(fmt::format("cannot write {}: {}", target.string(), std::strerror(error)));
    }
    sync_directory_of(target);
}

} // namespace

void Store::migrate(int up_to, const std::filesystem::path& backup_of)
{
    if (m_db->execAndGet("PRAGMA user_version").getInt() >= up_to) {
        return;
    }
    m_db->exec("BEGIN IMMEDIATE");
    try {
        // Re-read inside the transaction: another process may have migrated meanwhile.
        const int version = m_db->execAndGet("PRAGMA user_version").getInt();
        if (version < up_to) {
            if (!backup_of.empty() && version > 0) {
                copy_database(backup_of, migration_backup_path(backup_of, version));
            }
            for (const Migration& step : k_migrations) {
                if (step.version > version && step.version <= up_to) {
                    m_db->exec(step.sql);
                    m_db->exec(fmt::format("PRAGMA user_version = {}", step.version));
                }
            }
            m_db->exec(fmt::format("PRAGMA application_id = {}", k_application_id));
        }
        m_db->exec("COMMIT");
    } catch (...) {
        m_db->exec("ROLLBACK");
        throw;
    }
}

} // namespace fu
