"""The storage guarantees of issue 13, against the built binary and real SQLite files.

Creation races, acknowledgements that never lie, busy locks, files fu must refuse untouched, file
modes and ownership, schema versions and a nearly full disk. Cheap by default; FU_HEAVY_TESTS=1 runs
the long variants (100 creation rounds instead of 10).
"""

import hashlib
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from fu_harness import FU_BIN, FuSandbox

HEAVY = os.environ.get("FU_HEAVY_TESTS") == "1"


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def count(db, table="contacts"):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class StoreCase(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)

    def argv(self, *args, db=None):
        return [FU_BIN, "--db", str(db or self.fu.db), "--now", self.fu.now, *args]

    def spawn(self, *args, db=None, env=None, **kw):
        return subprocess.Popen(self.argv(*args, db=db), env=self.fu.env(extra=env), cwd=self.fu.root,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)

    def call(self, *args, db=None, env=None, **kw):
        kw.setdefault("stdout", subprocess.PIPE)
        proc = subprocess.run(self.argv(*args, db=db), env=self.fu.env(extra=env), cwd=self.fu.root,
                              stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=30, **kw)
        return proc.returncode, (proc.stdout or b"").decode(), proc.stderr.decode()


class CreationRace(StoreCase):
    def test_writers_and_readers_racing_to_create_the_file(self):
        rounds = 100 if HEAVY else 10
        for n in range(rounds):
            db = self.fu.root / f"round{n}" / "sub" / "fu.db"
            writers = [self.spawn("add", f"P{w}", db=db) for w in range(8)]
            readers = [self.spawn("due", db=db), self.spawn("contacts", db=db)]
            for i, proc in enumerate(writers + readers):
                out, err = proc.communicate(timeout=60)
                self.assertEqual(proc.returncode, 0, f"round {n}, process {i}: {err.decode()}")
                if proc in readers:
                    self.assertEqual(err, b"", f"round {n}: a reader saw {err.decode()}")
            self.assertEqual(count(db), 8, f"round {n}")
            self.assertEqual(sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")), [],
                             "no half-built file is left behind")
            self.assertEqual(mode(db.parent), 0o700)
            self.assertEqual(mode(db.parent.parent), 0o700)
            self.assertEqual(mode(db), 0o600)

    def test_an_existing_empty_file_becomes_one_database_with_mode_0600(self):
        for n in range(2 if not HEAVY else 20):
            db = self.fu.root / f"empty{n}.db"
            db.touch()
            db.chmod(0o644)
            writers = [self.spawn("add", f"E{w}", db=db) for w in range(4)]
            for proc in writers:
                _, err = proc.communicate(timeout=60)
                self.assertEqual(proc.returncode, 0, err.decode())
            self.assertEqual(count(db), 4)
            self.assertEqual(mode(db), 0o600)

    def test_reads_on_a_missing_or_empty_file_create_nothing(self):
        self.assertEqual(self.call("due")[0], 0)
        self.assertFalse(self.fu.db.parent.exists())
        empty = self.fu.root / "empty.db"
        empty.touch()
        self.assertEqual(self.call("contacts", db=empty)[0], 0)
        self.assertEqual(sorted(p.name for p in self.fu.root.iterdir() if p.name.startswith("empty")),
                         ["empty.db"])
        self.assertEqual(empty.stat().st_size, 0)

    def test_a_build_left_by_a_killed_fu_is_cleared_by_the_next_creation(self):
        # kill -9 during creation leaves the empty placeholder and the half-built file beside it.
        pid_max = int(Path("/proc/sys/kernel/pid_max").read_text())
        dead = pid_max  # never a running process: PIDs stay below pid_max
        db = self.fu.root / "fu.db"
        db.touch()
        stale = [self.fu.root / f".fu.db.new-{dead}-00000000deadbeef{suffix}" for suffix in ("", "-journal")]
        live = self.fu.root / f".fu.db.new-{os.getpid()}-00000000feedface"  # a running process's work
        other = self.fu.root / f".other.db.new-{dead}-00000000deadbeef"  # another database's
        for path in [*stale, live, other]:
            path.write_bytes(b"half")
        self.assertEqual(self.call("add", "Ada", db=db)[0], 0)
        self.assertEqual(count(db), 1)
        self.assertEqual(sorted(p.name for p in self.fu.root.iterdir() if p.name.startswith(".")),
                         sorted([live.name, other.name]))

class Acknowledgement(StoreCase):
    def test_output_on_a_full_device_after_the_commit_is_a_warning(self):
        with open("/dev/full", "wb") as full:
            status, _, err = self.call("add", "Ada Lovelace", stdout=full)
        self.assertEqual(status, 0, err)
        self.assertIn("fu: warning: the change is saved, but its output could not be written", err)
        self.assertEqual(count(self.fu.db), 1)

    def test_a_retrying_script_records_once(self):
        script = f'n=0; until "$@" >/dev/full; do n=$((n+1)); [ $n -ge 3 ] && break; done; echo "$n"'
        proc = subprocess.run(["sh", "-c", script, "sh", *self.argv("add", "Bob")], env=self.fu.env(),
                              cwd=self.fu.root, capture_output=True, timeout=30)
        self.assertEqual(proc.stdout.strip(), b"0", proc.stderr)
        self.assertEqual(count(self.fu.db), 1)

    def test_a_closed_stdout_or_a_closed_pipe_after_the_commit_is_a_warning(self):
        proc = subprocess.run(["sh", "-c", '"$@" >&-', "sh", *self.argv("add", "Cy")], env=self.fu.env(),
                              cwd=self.fu.root, capture_output=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn(b"saved", proc.stderr)
        proc = subprocess.run(["bash", "-c", 'set -o pipefail; "$@" | true', "bash",
                               *self.argv("add", "Dee")],
                              env=self.fu.env(), cwd=self.fu.root, capture_output=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(count(self.fu.db), 2)

    def test_a_read_whose_output_fails_says_so(self):
        self.fu.ok("add", "Ada")
        with open("/dev/full", "wb") as full:
            status, _, err = self.call("contacts", stdout=full)
        self.assertEqual(status, 70)
        self.assertIn("fu: cannot write the output: No space left on device", err)

    def test_the_file_size_limit_is_an_error_before_the_commit_never_after(self):
        self.fu.ok("add", "Ada")
        size = self.fu.db.stat().st_size
        present = 1
        for n, limit in enumerate((4096, 32768, size, size + 8192, size * 4)):
            def limited(limit=limit):
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            status, _, err = self.call("add", f"Limited {n}", "--note", "n" * 20000, preexec_fn=limited)
            self.assertIn(status, (0, 4), err)
            present += status == 0
            self.assertEqual(count(self.fu.db), present, f"limit {limit}: exit {status} but {err}")
            if status == 4:
                self.assertIn("file size limit", err)
                self.assertIn(str(self.fu.db), err)
        self.assertLess(present, 6, "the smallest limit must have refused the write")
        self.assertEqual(self.call("add", "Free")[0], 0)

    def test_an_import_past_the_file_size_limit_is_all_or_nothing(self):
        self.fu.ok("add", "Ada")
        book = self.fu.root / "book.csv"
        book.write_text("name,email,note\n" + "".join(f"P{i},p{i}@example.com,{'z' * 200}\n"
                                                       for i in range(2000)))
        limit = self.fu.db.stat().st_size + 65536

        def limited():
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        status, _, err = self.call("import", str(book), preexec_fn=limited)
        self.assertEqual(status, 4, err)
        self.assertEqual(count(self.fu.db), 1)


class Busy(StoreCase):
    def hold(self, *sql):
        """A sqlite3 shell holding a lock taken by `sql` until the test ends."""
        shell = subprocess.Popen(["sqlite3", str(self.fu.db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        self.addCleanup(shell.stderr.close)
        self.addCleanup(shell.stdout.close)
        self.addCleanup(shell.wait, 10)
        self.addCleanup(shell.stdin.close)
        shell.stdin.write("\n".join(sql) + "\nSELECT 'held';\n")
        shell.stdin.flush()
        for _ in range(10):
            if shell.stdout.readline().strip() == "held":
                break
        else:
            self.fail("the sqlite3 shell did not take its lock")
        return shell

    def assert_busy(self, *args):
        config = self.fu.root / "xdg-config" / "fu" / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text("busy_timeout_ms = 300\n")
        before = sha256(self.fu.db)
        started = time.monotonic()
        status, out, err = self.call(*args)
        elapsed = time.monotonic() - started
        self.assertEqual(status, 75, f"{args}: {err}")
        self.assertTrue(err.startswith(f"fu: {self.fu.db} is busy"), err)
        self.assertLess(elapsed, 0.3 + 1.0)
        self.assertGreaterEqual(elapsed, 0.25, "fu must wait for the lock before giving up")
        self.assertEqual(sha256(self.fu.db), before)

    def test_a_write_lock_makes_writes_wait_then_exit_75(self):
        self.fu.ok("add", "Ada")
        self.hold("BEGIN IMMEDIATE;", "INSERT INTO contacts (name, name_folded, created_at) VALUES ('X', 'x', 0);")
        self.assert_busy("add", "Bob")
        self.assert_busy("log", "Ada", "called")
        self.assertEqual(self.call("contacts")[0], 0, "a read goes on beside a writer")

    def test_fu_busy_timeout_overrides_the_setting(self):
        self.fu.ok("add", "Ada")
        self.hold("BEGIN IMMEDIATE;", "INSERT INTO contacts (name, name_folded, created_at) VALUES ('X', 'x', 0);")
        started = time.monotonic()
        status, _, err = self.call("add", "Bob", env={"FU_BUSY_TIMEOUT": "200"})
        self.assertEqual(status, 75, err)
        self.assertLess(time.monotonic() - started, 1.2)
        status, _, err = self.call("due", env={"FU_BUSY_TIMEOUT": "soon"})
        self.assertEqual(status, 2)
        self.assertIn("FU_BUSY_TIMEOUT", err)

    def test_an_exclusive_lock_makes_reads_wait_then_exit_75(self):
        self.fu.ok("add", "Ada")
        self.hold("PRAGMA locking_mode = EXCLUSIVE;", "BEGIN EXCLUSIVE;", "SELECT count(*) FROM contacts;")
        for args in (("due",), ("contacts",), ("show", "Ada"), ("add", "Bob")):
            self.assert_busy(*args)


class RefusedFiles(StoreCase):
    def assert_refused(self, path, *needles, commands=(("due",), ("add", "Zed"), ("log", "Zed", "called"))):
        before = sha256(path) if path.is_file() else None
        listing = sorted(os.listdir(path.parent))
        for args in commands:
            status, out, err = self.call(*args, db=path)
            self.assertEqual(status, 4, f"{path.name} {args}: {err}")
            self.assertEqual(out, "")
            first = err.splitlines()[0]
            self.assertTrue(first.startswith("fu: "), err)
            self.assertIn(str(path), first)
            for needle in needles:
                self.assertIn(needle, first)
            if before is not None:
                self.assertEqual(sha256(path), before, f"{path.name} changed by {args}")
            # SQLite's own -wal and -shm may appear beside a WAL file it read; nothing else may.
            self.assertEqual(sorted(n for n in os.listdir(path.parent) if not n.endswith(("-wal", "-shm"))),
                             [n for n in listing if not n.endswith(("-wal", "-shm"))],
                             f"{args} left files beside {path}")

    def test_a_schema_fu_did_not_make_is_never_written_but_still_read(self):
        # trusted_schema is off on every connection; a write trusts the file only when its schema
        # is exactly fu's, so a trigger planted with sqlite3 never runs.
        self.assertEqual(self.call("add", "Ada Lovelace")[0], 0)
        self.assertEqual(self.call("promise", "ada", "tomorrow")[0], 0)
        con = sqlite3.connect(self.fu.db)
        con.execute("CREATE TRIGGER planted AFTER INSERT ON interactions BEGIN DELETE FROM promises; END")
        con.commit()
        con.close()  # the last connection: its commit is checkpointed into the file itself
        before = sha256(self.fu.db)
        for args in (("log", "ada", "called"), ("add", "Zed"), ("promise", "ada", "friday"), ("undo",)):
            status, out, err = self.call(*args)
            self.assertEqual(status, 4, f"{args}: {err}")
            self.assertEqual(out, "")
            self.assertIn(f"fu: {self.fu.db} has triggers, views, indexes or tables that fu did not make; "
                          "not writing to it", err)
            self.assertEqual(sha256(self.fu.db), before, f"{args} changed the file")
        status, out, err = self.call("due", "--all", "--format", "tsv")
        self.assertEqual((status, err), (0, ""))
        self.assertIn("Ada Lovelace", out)
        self.assertEqual(count(self.fu.db, "promises"), 1)

    def test_files_that_are_not_fu_databases_are_refused_untouched(self):
        files = self.fu.root / "files"
        files.mkdir()
        (files / "text.db").write_text("name,phone\nAda,+1 555 0100\n" * 20)
        (files / "random.db").write_bytes(os.urandom(8192))
        (files / "zeros.db").write_bytes(b"\0" * 4096)
        other = files / "other-app.db"
        with sqlite3.connect(other) as conn:
            conn.execute("CREATE TABLE notes (body TEXT)")
            conn.execute("INSERT INTO notes VALUES ('mine')")
        conn.close()
        blank = files / "blank-sqlite.db"
        with sqlite3.connect(blank) as conn:
            conn.execute("CREATE TABLE t (x)")
            conn.execute("DROP TABLE t")
        conn.close()
        self.fu.ok("add", "Ada")
        truncated = files / "truncated.db"
        truncated.write_bytes(self.fu.db.read_bytes()[:100])
        for name in ("text.db", "random.db", "zeros.db", "other-app.db", "blank-sqlite.db", "truncated.db"):
            self.assert_refused(files / name, "not a fu database" if name != "truncated.db" else "")

    def test_a_newer_schema_is_refused_untouched(self):
        self.fu.ok("add", "Ada")
        with sqlite3.connect(self.fu.db) as conn:
            conn.execute("PRAGMA user_version = 99")
        conn.close()
        self.assert_refused(self.fu.db, "schema version 99")

    def test_a_directory_and_a_fifo_are_refused_at_once(self):
        directory = self.fu.root / "dir.db"
        directory.mkdir()
        self.assert_refused(directory, "is a directory")
        fifo = self.fu.root / "fifo.db"
        os.mkfifo(fifo)
        self.assert_refused(fifo, "not a regular file")

    def test_a_second_hard_link_is_refused(self):
        self.fu.ok("add", "Ada")
        os.link(self.fu.db, self.fu.root / "other-name.db")
        self.assert_refused(self.fu.db, "hard links")

    @unittest.skipUnless(os.geteuid() == 0, "chown to another user needs root")
    def test_another_users_file_is_refused_directly_and_through_a_symlink(self):
        self.fu.ok("add", "Ada")
        mine = self.fu.root / "mine.db"
        os.symlink(self.fu.db, mine)
        self.assertIn("Ada", self.fu.ok("contacts", db=mine), "a symlink to one's own file is fine")
        os.chown(self.fu.db, 65534, 65534)
        self.assert_refused(self.fu.db, "belongs to another user")
        self.assert_refused(mine, "symbolic link", "another user")


class Modes(StoreCase):
    def test_umask_022_still_gives_0700_directories_and_0600_files(self):
        def lax():
            os.umask(0o022)
        self.assertEqual(self.call("add", "Ada", preexec_fn=lax)[0], 0)
        self.assertEqual(mode(self.fu.db.parent), 0o700)
        # A reader keeps the -wal and -shm files in place while fu writes beside it.
        reader = sqlite3.connect(self.fu.db)
        self.addCleanup(reader.close)
        reader.execute("SELECT count(*) FROM contacts").fetchone()
        self.assertEqual(self.call("add", "Bob", preexec_fn=lax)[0], 0)
        for suffix in ("", "-wal", "-shm"):
            self.assertEqual(mode(f"{self.fu.db}{suffix}"), 0o600, suffix)
        out = self.fu.root / "export.json"
        self.assertEqual(self.call("export", "--output", str(out), preexec_fn=lax)[0], 0)
        self.assertEqual(mode(out), 0o600)

    def test_the_pragmas(self):
        self.fu.ok("add", "Ada")
        with sqlite3.connect(self.fu.db) as conn:
            self.assertEqual(conn.execute("PRAGMA journal_mode").fetchone()[0], "wal")
            self.assertEqual(conn.execute("PRAGMA application_id").fetchone()[0], 0x66754442)
            self.assertGreater(conn.execute("PRAGMA user_version").fetchone()[0], 0)
        conn.close()


class DiskFull(StoreCase):
    def setUp(self):
        super().setUp()
        self.mount = Path(tempfile.mkdtemp(prefix="fu-full-"))
        self.addCleanup(shutil.rmtree, self.mount, ignore_errors=True)
        if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(self.mount)],
                                                capture_output=True).returncode != 0:
            self.skipTest("cannot mount a small tmpfs here")
        self.addCleanup(subprocess.run, ["umount", "-l", str(self.mount)], capture_output=True)

    def test_reads_work_and_writes_fail_clearly_on_a_nearly_full_disk(self):
        db = self.mount / "fu.db"
        self.assertEqual(self.call("add", "Ada", db=db)[0], 0)
        filler = self.mount / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        before = sha256(db)
        status, out, err = self.call("contacts", db=db)
        self.assertEqual(status, 0, err)
        self.assertIn("Ada", out)
        status, out, err = self.call("add", "Bob", "--note", "b" * 60000, db=db)
        self.assertEqual(status, 4, err)
        self.assertIn("disk is full", err)
        self.assertIn(str(db), err)
        self.assertEqual(sha256(db), before)
        filler.unlink()
        self.assertEqual(self.call("add", "Bob", db=db)[0], 0)
        self.assertEqual(count(db), 2)


if __name__ == "__main__":
    unittest.main()
