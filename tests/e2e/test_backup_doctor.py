"""`fu backup` and `fu doctor` against the built binary: a backup is a whole, private, consistent copy
that never replaces a file by accident; the doctor reports each check, exits 1 only when one fails,
and neither command changes the database."""

import hashlib
import json
import os
import sqlite3
import subprocess
import unittest
from pathlib import Path

from fu_harness import FU_BIN, FuSandbox


def digest(path: Path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def db_files(db: Path):
    """The database's content: the file and its write-ahead log. (A reader may leave SQLite's empty
    -wal and its -shm index behind, as every SQLite reader of a WAL database does.)"""
    wal = Path(str(db) + "-wal")
    return {"db": digest(db), "wal": wal.read_bytes() if wal.exists() and wal.stat().st_size else b""}


class Backup(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("demo")
        self.fu.ok("log", "ada", "call", "--note", "after the demo")

    def test_default_name_beside_the_database_private_and_equal(self):
        before = db_files(self.fu.db)
        out = self.fu.ok("backup")
        # --now 2026-06-15T09:30 in America/New_York: the name is the local time of the run.
        target = self.fu.db.parent / "fu.db.backup-20260615-093000"
        self.assertIn(str(target), out)
        self.assertEqual(os.stat(target).st_mode & 0o777, 0o600)
        self.assertEqual(db_files(self.fu.db), before, "backup changed the database")
        self.assertEqual(self.fu.ok("export"), self.fu.ok("export", db=target))
        # Only the backup appeared: no temporary file is left beside it.
        self.assertEqual(sorted(p.name for p in self.fu.db.parent.iterdir() if "backup" in p.name),
                         ["fu.db.backup-20260615-093000"])
        check = sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0]
        self.assertEqual(check, "ok")

    def test_refuses_an_existing_file_unless_forced(self):
        target = self.fu.root / "copy.db"
        target.write_text("keep me\n")
        r = self.fu.fail(2, "backup", str(target))
        self.assertIn("exists already", r.err)
        self.assertIn("--force", r.err)
        self.assertEqual(target.read_text(), "keep me\n")
        self.fu.ok("backup", "--force", str(target))
        self.assertEqual(self.fu.ok("export"), self.fu.ok("export", db=target))

    def test_a_directory_gets_the_default_name_and_json_says_where(self):
        directory = self.fu.root / "backups"
        directory.mkdir()
        doc = self.fu.json("backup", str(directory))
        self.assertEqual(doc["backup"], str(directory / "fu.db.backup-20260615-093000"))
        self.assertEqual(doc["bytes"], os.path.getsize(doc["backup"]))
        self.assertEqual(doc["database"], str(self.fu.db))

    def test_clear_errors(self):
        missing = self.fu.fail(4, "backup", str(self.fu.root / "x.db"), db=self.fu.root / "none.db")
        self.assertIn("no database", missing.err)
        self.assertFalse((self.fu.root / "x.db").exists())
        nowhere = self.fu.fail(4, "backup", str(self.fu.root / "no" / "such" / "dir" / "x.db"))
        self.assertIn("cannot write backup", nowhere.err)
        other = self.fu.root / "other.sqlite"
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        self.assertIn("not a fu database", self.fu.fail(4, "backup", db=other).err)
        empty = self.fu.root / "empty.db"
        empty.write_bytes(b"")
        self.assertIn("nothing to back up", self.fu.fail(4, "backup", str(self.fu.root / "e.db"), db=empty).err)
        self.assertEqual(empty.read_bytes(), b"")
        itself = self.fu.fail(2, "backup", "--force", str(self.fu.db))
        self.assertIn("database's own file", itself.err)

    def test_a_backup_of_a_database_being_written_is_consistent(self):
        # A writer is busy in the same book while the copy is taken: the copy passes its checks.
        writer = subprocess.Popen(
            ["bash", "-c", 'for i in $(seq 30); do "$0" --db "$1" --now 2026-06-15T09:30 log ada call '
             '--note "w$i" >/dev/null || exit 1; done', FU_BIN,
             str(self.fu.db)], env=self.fu.env(), stderr=subprocess.DEVNULL)
        for n in range(3):
            self.fu.ok("backup", str(self.fu.root / f"during-{n}.db"))
        self.assertEqual(writer.wait(timeout=60), 0)
        for n in range(3):
            copy = self.fu.root / f"during-{n}.db"
            self.assertEqual(self.fu.run("doctor", db=copy).status, 0)


class Doctor(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("demo")

    def checks(self, **kw):
        r = self.fu.run("doctor", fmt="json", **kw)
        doc = json.loads(r.out)
        return r.status, doc, {c["check"]: c for c in doc["checks"]}

    def test_a_healthy_database_is_all_ok_and_unchanged(self):
        before = db_files(self.fu.db)
        status, doc, checks = self.checks()
        self.assertEqual(status, 0, doc)
        self.assertEqual(doc["status"], "ok", doc)
        for name in ("owner", "file mode", "directory mode", "filesystem", "free space", "identity", "schema",
                     "objects", "journal", "wal size", "integrity", "references", "summaries", "touch windows"):
            self.assertEqual(checks[name]["status"], "ok", checks)
        self.assertEqual(db_files(self.fu.db), before, "doctor changed the database")
        human = self.fu.ok("doctor")
        self.assertRegex(human, r"(?m)^ok +integrity +integrity_check: ok$")
        tsv = self.fu.ok("doctor", fmt="tsv").splitlines()
        self.assertEqual(tsv[0], "status\tcheck\tdetail")

    def test_open_permissions_are_a_warning_only(self):
        os.chmod(self.fu.db, 0o644)
        os.chmod(self.fu.db.parent, 0o755)
        status, doc, checks = self.checks()
        self.assertEqual(status, 0)
        self.assertEqual(doc["status"], "warn")
        self.assertEqual(checks["file mode"]["status"], "warn")
        self.assertIn("0644", checks["file mode"]["detail"])
        self.assertEqual(checks["directory mode"]["status"], "warn")

    def test_a_planted_trigger_or_view_fails_the_objects_check(self):
        for sql in ("CREATE TRIGGER planted AFTER INSERT ON promises BEGIN DELETE FROM interactions; END",
                    "CREATE VIEW everything AS SELECT * FROM contacts"):
            with self.subTest(sql=sql):
                with sqlite3.connect(self.fu.db) as con:
                    con.execute(sql)
                status, doc, checks = self.checks()
                self.assertEqual(status, 1, doc)
                self.assertEqual(checks["objects"]["status"], "fail", checks)
                self.assertIn("did not make", checks["objects"]["detail"])
                with sqlite3.connect(self.fu.db) as con:
                    con.execute("DROP " + sql.split()[1] + " " + sql.split()[2])
                self.assertEqual(self.checks()[2]["objects"]["status"], "ok")

    def test_kept_summaries_that_drifted_fail(self):
        con = sqlite3.connect(self.fu.db)
        con.execute("DROP TRIGGER contacts_tally_update")
        con.execute("UPDATE contacts SET open_promises = open_promises + 5 WHERE id = 1")
        con.commit()
        con.close()
        status, doc, checks = self.checks()
        self.assertEqual(status, 1)
        self.assertEqual(checks["summaries"]["status"], "fail", checks)
        self.assertEqual(checks["integrity"]["status"], "ok")

    def test_a_stored_window_edited_behind_fus_back_fails_and_an_edit_repairs_it(self):
        self.fu.ok("edit", "1", "--every", "monthly")
        self.fu.ok("edit", "2", "--every", "2-3 weeks")
        self.assertRegex(self.checks()[2]["touch windows"]["detail"], r"^2 stored keep-in-touch windows equal")
        with sqlite3.connect(self.fu.db) as con:
            con.execute("UPDATE contacts SET touch_latest = touch_latest + 3600 WHERE id = 2")
            con.execute("UPDATE contacts SET touch_zone = NULL, touch_earliest = NULL, touch_latest = NULL "
                        "WHERE id = 1")
        status, doc, checks = self.checks()
        self.assertEqual(status, 1, doc)
        self.assertEqual(checks["touch windows"],
                         {"check": "touch windows", "status": "fail",
                          "detail": "1 stored keep-in-touch window differs from its cadence (c2); 1 contact with "
                                    "a cadence has no stored window: fu edit ID --every WORDS computes one again"})
        self.fu.ok("edit", "2", "--every", "2-3 weeks")
        self.fu.ok("edit", "1", "--every", "monthly")
        status, doc, checks = self.checks()
        self.assertEqual((status, checks["touch windows"]["status"]), (0, "ok"), doc)
        # A cadence changed behind fu's back is waiting for the next write: counted, not failed.
        with sqlite3.connect(self.fu.db) as con:
            con.execute("UPDATE contacts SET every = 'weekly' WHERE id = 2")
        status, doc, checks = self.checks()
        self.assertEqual(checks["touch windows"],
                         {"check": "touch windows", "status": "ok",
                          "detail": "1 stored keep-in-touch window equals its cadence; 1 to compute at the next "
                                    "write"}, doc)

    def test_a_dangling_reference_fails(self):
        con = sqlite3.connect(self.fu.db)
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("UPDATE interactions SET contact_id = 999 WHERE id = 1")
        con.commit()
        con.close()
        status, doc, checks = self.checks()
        self.assertEqual(status, 1)
        self.assertEqual(checks["references"]["status"], "fail", checks)

    def test_a_corrupt_file_fails_without_a_crash(self):
        self.fu.ok("backup", str(self.fu.root / "copy.db"))
        copy = self.fu.root / "copy.db"
        data = bytearray(copy.read_bytes())
        page = 4096
        for offset in range(page * 2 + 100, min(len(data), page * 6), 7):
            data[offset] ^= 0x5A
        copy.write_bytes(bytes(data))
        r = self.fu.run("doctor", db=copy)
        self.assertEqual(r.status, 1, str(r))
        self.assertRegex(r.out, r"(?m)^fail ")

    def test_not_a_database_and_missing(self):
        text = self.fu.root / "notes.txt"
        text.write_text("just some text, long enough to be read as a header of a database file\n" * 10)
        before = text.read_bytes()
        status, doc, checks = self.checks(db=text)
        self.assertEqual(status, 1)
        self.assertEqual(checks["database"]["status"], "fail")
        self.assertEqual(text.read_bytes(), before)
        self.assertIn("no database", self.fu.fail(4, "doctor", db=self.fu.root / "none.db").err)
        self.assertFalse((self.fu.root / "none.db").exists())


if __name__ == "__main__":
    unittest.main()
