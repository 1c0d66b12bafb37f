"""Every write command is exactly one transaction; a read, a dry run or a failing write is none.

Counted from outside, in the file itself: while the test holds a connection open, SQLite neither
checkpoints nor resets the write-ahead log, so each commit fu makes stays in `fu.db-wal` as one
frame marked as a commit (a non-zero "database size" in its header). The count is what SQLite
wrote, not what fu says it did.
"""

import re
import shutil
import sqlite3
import struct
import unittest
from pathlib import Path

from fu_harness import FuSandbox

ROOT = Path(__file__).resolve().parent.parent.parent

WAL_HEADER = struct.Struct(">8I")  # magic, version, page size, checkpoint, salt 1, salt 2, checksums
FRAME_HEADER = struct.Struct(">4I")  # page, database size after commit (0: not a commit), salts


def commits_in_wal(wal: Path) -> int:
    data = wal.read_bytes() if wal.exists() else b""
    if len(data) < WAL_HEADER.size:
        return 0
    header = WAL_HEADER.unpack_from(data)
    page_size, salts = header[2], header[4:6]
    count, offset = 0, WAL_HEADER.size
    while offset + 24 + page_size <= len(data):
        _page, size_after_commit, *frame_salts = FRAME_HEADER.unpack_from(data, offset)
        if tuple(frame_salts) != salts:
            break  # left from an earlier generation of the log
        count += size_after_commit != 0
        offset += 24 + page_size
    return count


# (arguments, transactions). In order: each relies on the ones before; "{last}" is the promise
# the latest write printed ([p9]).
WRITES = [
    (["add", "Zed Test", "--company", "Zeta", "--tag", "new"], 1),
    (["edit", "zed", "--tag", "vip", "--every", "2-3 weeks", "--tz", "Europe/Berlin"], 1),
    (["promise", "zed", "tomorrow", "afternoon", "--about", "the quote"], 1),
    # a call that keeps the promise and agrees the next one: still one transaction
    (["log", "zed", "--note", "wants pricing", "--next", "friday", "3pm", "--agreed"], 1),
    (["reschedule", "{last}", "early", "next", "week", "--reason", "legal"], 1),
    (["log", "zed", "voicemail"], 1),
    (["fix", "i1", "--kind", "email"], 1),
    (["undo"], 1),
    (["cancel", "{last}", "--reason", "bought elsewhere"], 1),
    (["plan", "zed", "post-sale"], 1),
    (["plan", "zed", "--stop"], 1),
    (["rm", "grace"], 1),
    (["restore", "grace"], 1),
    (["log", "grace", "--outcome", "not-interested"], 1),
    (["reopen", "grace"], 1),
    (["import", "contacts.csv"], 1),
    (["import", "book.json"], 1),
    (["rm", "zed", "--purge", "--yes"], 1),
]

READS = [
    ["due"], ["due", "--all", "--format", "json"], ["due", "--check"], ["digest"], ["stats"],
    ["contacts", "--search", "ada"], ["show", "1"], ["log"], ["undo", "--list"], ["when", "tomorrow"],
    ["config"], ["playbooks"], ["export", "--output", "out.json"], ["export", "--format", "ics"],
    ["import", "--dry-run", "contacts.csv"], ["backup", "copy.db"], ["doctor"],
    ["__complete", "contacts", "a"], ["completion", "bash"],
]

# Writes that fail part-way through their work, after fu has begun it.
FAILING = [
    (["promise", "nobody", "tomorrow"], 3),
    (["promise", "ada", "blah", "blah"], 2),
    (["log", "ada", "--note", "called", "--next", "gibberish", "words"], 2),
    (["edit", "ada", "--company", "X", "--tz", "Mars/Olympus"], 2),
    (["add", ""], 2),
    (["import", "bad.csv"], 2),
    (["rm", "ada", "--purge"], 2),
]


class Transactions(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now="2026-12-02T10:00")
        self.fu.ok("demo")
        shutil.copy(ROOT / "tests" / "data" / "fu-contacts.csv", self.fu.root / "contacts.csv")
        other = self.fu.root / "other.db"  # a second book, imported whole below
        self.fu.ok("add", "Bea Book", "--email", "bea@book.example", db=other)
        self.fu.ok("promise", "bea", "friday", db=other)
        self.fu.ok("log", "bea", "email", "--at", "yesterday", "3pm", db=other)
        (self.fu.root / "book.json").write_text(self.fu.ok("export", "--format", "json", db=other))
        (self.fu.root / "bad.csv").write_text("name,email\nGood One,good@example.com\nBad,\x01\n")
        self.wal = Path(f"{self.fu.db}-wal")
        # Held open for the whole test: the last connection to close would checkpoint the log away.
        self.holder = sqlite3.connect(f"file:{self.fu.db}?mode=ro", uri=True)
        self.addCleanup(self.holder.close)
        self.holder.execute("SELECT count(*) FROM sqlite_schema").fetchone()

    def transactions(self, args, expect_status=None):
        before = commits_in_wal(self.wal)
        r = self.fu.run(*args)
        if expect_status is not None:
            self.assertEqual(r.status, expect_status, str(r))
        return r, commits_in_wal(self.wal) - before

    def test_every_write_command_is_one_transaction(self):
        last = None
        for args, expected in WRITES:
            args = [last if a == "{last}" else a for a in args]
            with self.subTest(args=args):
                r, n = self.transactions(args, expect_status=0)
                self.assertEqual(n, expected, f"fu {' '.join(args)} made {n} transactions\n{r}")
                last = (re.findall(r"\[(p\d+)\]", r.out) or [last])[-1]

    def test_reads_and_dry_runs_make_none(self):
        self.fu.ok("promise", "1", "tomorrow")
        for args in READS:
            with self.subTest(args=args):
                r, n = self.transactions(args)
                self.assertIn(r.status, (0, 1), str(r))  # due --check exits 1 when something is due
                self.assertEqual(n, 0, f"fu {' '.join(args)} wrote to the database\n{r}")

    def test_a_failing_write_makes_none(self):
        for args, status in FAILING:
            with self.subTest(args=args):
                r, n = self.transactions(args, expect_status=status)
                self.assertEqual(n, 0, f"fu {' '.join(args)} failed yet committed\n{r}")
        self.assertEqual(self.holder.execute("SELECT count(*) FROM contacts WHERE name = 'Good One'")
                         .fetchone()[0], 0, "an import that fails keeps none of its rows")

    def test_the_count_sees_a_commit(self):
        # The measurement itself: a commit by another program shows as one.
        before = commits_in_wal(self.wal)
        with sqlite3.connect(self.fu.db) as other:
            other.execute("PRAGMA user_version")
            other.execute("UPDATE contacts SET note = note WHERE id = 1")
        self.assertEqual(commits_in_wal(self.wal) - before, 1)


if __name__ == "__main__":
    unittest.main()
