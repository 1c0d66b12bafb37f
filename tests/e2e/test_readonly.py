"""A database the user may read but not write: reads work, writes exit 4 and change nothing; and another
user's database, which fu refuses to open at all.

Needs root to switch to an unprivileged user (setpriv), since root itself ignores file modes."""

import os
import shutil
import subprocess
import unittest

from fu_harness import FU_BIN, FuSandbox

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@unittest.skipUnless(os.geteuid() == 0 and shutil.which("setpriv"), "needs root and setpriv")
class ReadOnlyDatabase(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("demo")
        # The directory and file belong to nobody, who may read but not write them.
        os.chown(self.fu.db.parent, 65534, 65534)
        os.chown(self.fu.db, 65534, 65534)
        os.chmod(self.fu.db.parent, 0o555)
        os.chmod(self.fu.db, 0o444)
        os.chmod(self.fu.root, 0o755)

    def run_as_nobody(self, *args):
        env = self.fu.env()
        env["HOME"] = "/nonexistent"
        return subprocess.run(NOBODY + [FU_BIN, "--db", str(self.fu.db), "--now", self.fu.now, *args],
                              env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)

    def test_reads_work(self):
        due = self.run_as_nobody("due", "--json")
        self.assertEqual(due.returncode, 0, due.stderr)
        self.assertEqual(due.stderr, "")
        self.assertIn('"state": "overdue"', due.stdout)
        show = self.run_as_nobody("show", "ada")
        self.assertEqual(show.returncode, 0, show.stderr)

    def test_writes_exit_4_and_change_nothing(self):
        before = self.fu.db.read_bytes()
        r = self.run_as_nobody("add", "Mallory")
        self.assertEqual(r.returncode, 4)
        self.assertEqual(r.stdout, "")
        self.assertTrue(r.stderr.startswith("fu: "), r.stderr)
        self.assertIn("read-only", r.stderr)
        self.assertEqual(self.fu.db.read_bytes(), before)

    def test_nothing_is_created_beside_a_file_in_a_read_only_directory(self):
        self.assertEqual(self.run_as_nobody("contacts").returncode, 0)
        self.assertEqual(self.run_as_nobody("log", "ada", "called").returncode, 4)
        self.assertEqual(os.listdir(self.fu.db.parent), ["fu.db"])

    def test_another_users_database_is_refused(self):
        os.chown(self.fu.db, 0, 0)
        before = self.fu.db.read_bytes()
        for args in (("due",), ("add", "Mallory")):
            r = self.run_as_nobody(*args)
            self.assertEqual(r.returncode, 4, r.stderr)
            self.assertIn("belongs to another user", r.stderr)
        self.assertEqual(self.fu.db.read_bytes(), before)


if __name__ == "__main__":
    unittest.main()
