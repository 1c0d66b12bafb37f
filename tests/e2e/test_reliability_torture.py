"""Torture: fu killed at random moments, many writers at once, a full disk, a file size limit, failing
I/O and a read-only place. Every acknowledged write survives, nothing is half written, the file stays
intact, and every failure is one clear `fu:` line with a documented status, never a crash.

Cheap by default (a few seconds); FU_HEAVY_TESTS=1 runs the heavy variants (200 kill rounds,
8 writers x 100 writes, more fault-injection rounds). Tests that need root (mount, setpriv) or
fiu-run (Debian fiu-utils) say so when they skip.
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from fu_harness import FU_BIN, FuSandbox

HEAVY = os.environ.get("FU_HEAVY_TESTS") == "1"
NOW = "2026-06-15T09:30"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
# fiu's preload library must come after ASan's runtime; that check is for LD_PRELOAD mistakes only.
FAULT_ENV = {"ASAN_OPTIONS": "verify_asan_link_order=0:detect_leaks=0"}


def integrity(db: Path) -> str:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def query(db: Path, sql: str):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def dump(db: Path) -> str:
    """The whole content, by the sqlite3 CLI (a real, independent reader)."""
    return subprocess.run(["sqlite3", "-readonly", str(db), ".dump"], capture_output=True, text=True,
                          check=True).stdout


def failures(stderr) -> list:
    """The lines of stderr that are not fu's notes and warnings (attempts that feel pushy, …)."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    return [line for line in text.splitlines() if not line.startswith(("note: ", "warning: "))]


def try_mount(args) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def one_clear_error(test, proc, status=4):
    err = proc.stderr if isinstance(proc.stderr, str) else proc.stderr.decode("utf-8", "replace")
    test.assertEqual(proc.returncode, status, err)
    lines = err.splitlines()
    test.assertTrue(lines and lines[0].startswith("fu: "), err)
    test.assertEqual(len([line for line in lines if line.startswith("fu: ")]), 1, err)
    for line in lines:
        test.assertTrue(line.startswith(("fu: ", "hint: ", "note: ", "warning: ")), err)


class KillNine(unittest.TestCase):
    """A loop of writes, each acknowledged after fu exits 0, killed with SIGKILL at random moments."""

    ROUNDS = 200 if HEAVY else 20

    def test_acknowledged_writes_survive_and_none_is_partial(self):
        fu = FuSandbox(self)
        fu.ok("add", "Ada Lovelace")
        # Each write is an interaction and its next promise, one transaction: both or neither.
        script = ('for i in $(seq 1000); do "$0" --db "$1" --now "$2" log ada call --note "$3-$i" '
                  '--next tomorrow --about "$3-$i" >/dev/null || exit 1; echo "ack $3-$i"; done')
        rng = random.Random(13)
        acknowledged = []
        for round_ in range(self.ROUNDS):
            proc = subprocess.Popen(["bash", "-c", script, FU_BIN, str(fu.db), NOW, f"r{round_}"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=fu.env(),
                                    start_new_session=True)
            time.sleep(rng.uniform(0.01, 0.25))
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate(timeout=30)
            self.assertEqual(failures(err), [], f"round {round_}")
            acknowledged += [line.split()[1] for line in out.decode().splitlines() if line.startswith("ack ")]
        self.assertEqual(integrity(fu.db), "ok")
        notes = {row[0] for row in query(fu.db, "SELECT note FROM interactions")}
        purposes = {row[0] for row in query(fu.db, "SELECT about FROM promises")}
        self.assertFalse(set(acknowledged) - notes, "an acknowledged write was lost")
        self.assertEqual(notes, purposes, "an interaction without its promise, or the reverse")
        # At most one write per round committed without its acknowledgement (killed in between).
        self.assertLessEqual(len(notes) - len(acknowledged), self.ROUNDS)
        self.assertGreater(len(acknowledged), 0)
        doctor = fu.run("doctor")
        self.assertEqual(doctor.status, 0, str(doctor))


class ConcurrentWriters(unittest.TestCase):
    """Writers at once on one existing database, with readers: no failure, exact counts."""

    WRITERS = 8
    WRITES = 100 if HEAVY else 20

    def test_every_write_lands_exactly_once(self):
        fu = FuSandbox(self)
        for w in range(self.WRITERS):
            fu.ok("add", f"Writer{w}")
        writer = ('for i in $(seq "$3"); do '
                  'if [ $((i % 2)) = 0 ]; then "$0" --db "$1" --now "$2" log "$4" call --aside --note "n$i" >/dev/null; '
                  'else "$0" --db "$1" --now "$2" promise "$4" "in $i days" --about "p$i" >/dev/null; fi '
                  '|| { echo "fail $? $4 $i" >&2; }; done')
        reader = ('while [ ! -e "$3" ]; do "$0" --db "$1" --now "$2" due --all --format json >/dev/null '
                  '|| echo "reader failed $?" >&2; sleep 0.05; done')
        stop = fu.root / "stop"
        readers = [subprocess.Popen(["bash", "-c", reader, FU_BIN, str(fu.db), NOW, str(stop)],
                                    stderr=subprocess.PIPE, env=fu.env()) for _ in range(2)]
        writers = [subprocess.Popen(["bash", "-c", writer, FU_BIN, str(fu.db), NOW, str(self.WRITES),
                                     f"Writer{w}"], stderr=subprocess.PIPE, env=fu.env())
                   for w in range(self.WRITERS)]
        errors = [p.communicate(timeout=600)[1] for p in writers]
        stop.touch()
        errors += [p.communicate(timeout=60)[1] for p in readers]
        self.assertEqual([line for e in errors for line in failures(e)], [], "some fu run failed")
        logs = dict(query(fu.db, "SELECT c.name, count(*) FROM interactions i JOIN contacts c "
                                 "ON c.id = i.contact_id GROUP BY c.name"))
        promises = dict(query(fu.db, "SELECT c.name, count(*) FROM promises p JOIN contacts c "
                                     "ON c.id = p.contact_id GROUP BY c.name"))
        expected_promises = (self.WRITES + 1) // 2
        for w in range(self.WRITERS):
            self.assertEqual(logs.get(f"Writer{w}"), self.WRITES // 2)
            self.assertEqual(promises.get(f"Writer{w}"), expected_promises)
        self.assertEqual(integrity(fu.db), "ok")


class DiskFull(unittest.TestCase):
    """A database on a small tmpfs that fills up."""

    def setUp(self):
        self.fu = FuSandbox(self)
        self.mnt = self.fu.root / "small"
        self.mnt.mkdir()
        if not try_mount(["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(self.mnt)]):
            self.skipTest("needs root and mount -t tmpfs")
        self.addCleanup(subprocess.run, ["umount", "-l", str(self.mnt)])
        self.db = self.mnt / "fu.db"
        self.fu.ok("add", "Ada Lovelace", db=self.db)
        self.fu.ok("log", "ada", "call", "--note", "before the disk filled", db=self.db)
        self.filler = self.mnt / "filler"

    def fill(self):
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError:
                    pass
        finally:
            os.close(fd)

    def test_clear_error_nothing_changed_and_works_again(self):
        before = dump(self.db)
        self.fill()
        note = "x" * 60000
        r = self.fu.run("log", "ada", "call", "--note", note, db=self.db)
        one_clear_error(self, subprocess.CompletedProcess([], r.status, r.out, r.err))
        self.assertEqual(r.out, "")
        self.assertEqual(dump(self.db), before)
        self.assertEqual(integrity(self.db), "ok")
        reads = self.fu.run("due", "--all", db=self.db)
        self.assertEqual(reads.status, 0, "a read must work on a full disk\n" + str(reads))
        doctor = self.fu.run("doctor", "--format", "tsv", db=self.db)
        self.assertIn("warn\tfree space\t", doctor.out, str(doctor))
        backup = self.fu.run("backup", str(self.mnt / "copy.db"), db=self.db)
        one_clear_error(self, subprocess.CompletedProcess([], backup.status, backup.out, backup.err))
        self.assertIn("disk is full", backup.err)
        self.assertEqual(sorted(p.name for p in self.mnt.iterdir() if not p.name.startswith("fu.db")),
                         ["filler"], "a failed backup left a file behind")
        self.filler.unlink()
        self.fu.ok("log", "ada", "call", "--note", note, db=self.db)
        self.assertIn(note, dump(self.db))
        self.fu.ok("backup", str(self.mnt / "copy.db"), db=self.db)


class FileSizeLimit(unittest.TestCase):
    """`ulimit -f` while importing a big CSV: the import lands whole or not at all."""

    def test_import_is_all_or_nothing(self):
        fu = FuSandbox(self)
        fu.ok("add", "Ada Lovelace")
        fu.ok("log", "ada", "call", "--note", "already here")
        rows = ["name,email,phone,company,note"]
        rows += [f"Person {n},person{n}@example.com,+1 555 {n:07d},Firm {n % 97},{'note ' * 20}{n}"
                 for n in range(3000)]
        csv = fu.root / "big.csv"
        csv.write_text("\n".join(rows) + "\n")
        size = fu.db.stat().st_size
        killed = []
        limits = [size // 512 + k for k in ((8, 64, 256, 1024, 2048) if HEAVY else (16, 512))]
        for blocks in limits:
            before = dump(fu.db)
            proc = subprocess.run(["bash", "-c", 'ulimit -f "$1"; exec "$0" --db "$2" --now "$3" import "$4"',
                                   FU_BIN, str(blocks), str(fu.db), NOW, str(csv)],
                                  capture_output=True, text=True, env=fu.env(), timeout=120)
            self.assertEqual(integrity(fu.db), "ok", f"ulimit -f {blocks}")
            count = query(fu.db, "SELECT count(*) FROM contacts")[0][0]
            if proc.returncode == 0:
                self.assertEqual(count, 3001, f"ulimit -f {blocks}: exit 0 but {count} contacts")
                break
            self.assertEqual(count, 1, f"ulimit -f {blocks}: a failed import left {count - 1} contacts")
            self.assertEqual(dump(fu.db), before)
            if proc.returncode < 0:
                killed.append((blocks, -proc.returncode))
            else:
                one_clear_error(self, proc)
        # fu ignores SIGXFSZ and reports the limit: it is never killed by it.
        self.assertEqual(killed, [], "fu was killed (ulimit -f blocks, signal) instead of reporting the limit")


    def test_a_backup_past_the_limit_is_a_clear_error_and_leaves_nothing(self):
        fu = FuSandbox(self)
        fu.ok("demo")
        # 100 blocks of 512 bytes: room for SQLite's 32 KiB -shm index, not for the copy.
        proc = subprocess.run(["bash", "-c", 'ulimit -f 100; exec "$0" --db "$1" --now "$2" backup "$3"',
                               FU_BIN, str(fu.db), NOW, str(fu.root / "copy.db")],
                              capture_output=True, text=True, env=fu.env(), timeout=60)
        one_clear_error(self, proc)
        self.assertIn("cannot write backup", proc.stderr)
        self.assertEqual([p.name for p in fu.root.iterdir() if "copy.db" in p.name], [])


def sanitized(binary):
    """Whether `binary` loads GCC's shared AddressSanitizer runtime (libasan). clang links its own
    runtime into the binary, and that build (the one CI's sanitizer stage makes) runs under fiu."""
    try:
        return "libasan" in subprocess.run(["ldd", binary], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return False


@unittest.skipUnless(shutil.which("fiu-run"), "needs fiu-run (Debian fiu-utils)")
@unittest.skipIf(sanitized(FU_BIN), "fiu's preloaded library and GCC's shared ASan runtime do not mix: under "
                 "fiu-run even `fu --version` crashes inside the sanitizer (build with clang, as CI does)")
class IoErrors(unittest.TestCase):
    """Writes, syncs and reads that fail at random (libfiu): a clear error or success, never damage."""

    ROUNDS = 150 if HEAVY else 25

    def fiu(self, fu, probability, *args):
        points = [f"enable_random name=posix/io/rw/pwrite*,probability={probability}",
                  f"enable_random name=posix/io/sync/*,probability={probability * 3}",
                  f"enable_random name=posix/io/rw/pread*,probability={probability / 4}"]
        argv = ["fiu-run", "-x"]
        for point in points:
            argv += ["-c", point]
        return subprocess.run(argv + [FU_BIN, "--db", str(fu.db), "--now", NOW, *args],
                              capture_output=True, text=True, env=fu.env(extra=FAULT_ENV), timeout=60)

    def test_failures_are_clear_and_the_file_stays_intact(self):
        fu = FuSandbox(self)
        fu.ok("add", "Ada Lovelace")
        rng = random.Random(7)
        saved, failed = [], 0
        for n in range(self.ROUNDS):
            note = f"io-{n}"
            command = rng.choice([("log", "ada", "call", "--note", note, "--next", "tomorrow", "--about", note),
                                  ("backup", "--force", str(fu.root / "copy.db")),
                                  ("due", "--all")])
            proc = self.fiu(fu, rng.choice([0.02, 0.1, 0.3]), *command)
            self.assertGreaterEqual(proc.returncode, 0, f"{command}: killed by a signal\n{proc.stderr}")
            self.assertNotIn("AddressSanitizer", proc.stderr)
            self.assertNotIn("runtime error", proc.stderr)
            if proc.returncode == 0:
                if command[0] == "log":
                    saved.append(note)
            else:
                failed += 1
                one_clear_error(self, proc, status=proc.returncode)
                self.assertIn(proc.returncode, (4, 75), proc.stderr)
            self.assertEqual(integrity(fu.db), "ok", f"after {command}: {proc.stderr}")
        notes = {row[0] for row in query(fu.db, "SELECT note FROM interactions")}
        purposes = {row[0] for row in query(fu.db, "SELECT about FROM promises")}
        self.assertFalse(set(saved) - notes, "a write that reported success is missing")
        self.assertEqual(notes, purposes, "a half-written log")
        self.assertGreater(failed, 0, "no fault was injected: is fiu-run working?")
        self.assertEqual([p.name for p in fu.root.iterdir() if ".fu-" in p.name], [],
                         "a failed backup left its temporary file")
        self.assertEqual(fu.run("doctor").status, 0)


@unittest.skipUnless(os.geteuid() == 0 and shutil.which("setpriv"), "needs root and setpriv")
class ReadOnlyPlaces(unittest.TestCase):
    def test_a_0500_directory_as_an_unprivileged_user(self):
        fu = FuSandbox(self)
        place = fu.root / "locked"
        place.mkdir()
        os.chown(place, 65534, 65534)
        os.chmod(place, 0o500)
        os.chmod(fu.root, 0o755)
        env = fu.env()
        env["HOME"] = "/nonexistent"
        for db in (place / "fu.db", place / "sub" / "fu.db"):
            proc = subprocess.run(NOBODY + [FU_BIN, "--db", str(db), "--now", NOW, "add", "Mallory"],
                                  capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
            one_clear_error(self, proc)
            self.assertIn(str(place), proc.stderr)
            self.assertEqual(list(place.iterdir()), [], "something was created")
        backup = subprocess.run(NOBODY + [FU_BIN, "--db", str(place / "fu.db"), "--now", NOW, "backup"],
                                capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
        one_clear_error(self, backup)
        self.assertEqual(list(place.iterdir()), [])

    def test_a_read_only_mount(self):
        fu = FuSandbox(self)
        fu.ok("demo")
        fu.ok("log", "ada", "call", "--note", "before the mount")
        view = fu.root / "view"
        view.mkdir()
        if not try_mount(["--bind", str(fu.db.parent), str(view)]):
            self.skipTest("needs root and mount --bind")
        self.addCleanup(subprocess.run, ["umount", "-l", str(view)])
        if not try_mount(["-o", "remount,bind,ro", str(view)]):
            self.skipTest("cannot remount read-only")
        db = view / "fu.db"
        before = {p.name: p.read_bytes() for p in view.iterdir()}
        write = fu.run("log", "ada", "call", "--note", "on a read-only mount", db=db)
        one_clear_error(self, subprocess.CompletedProcess([], write.status, write.out, write.err))
        reads = fu.run("due", "--all", db=db)
        self.assertEqual(reads.status, 0, str(reads))
        doctor = fu.run("doctor", db=db)
        self.assertNotEqual(doctor.status, 4, str(doctor))
        fu.ok("backup", str(fu.root / "copy.db"), db=db)
        self.assertIn("before the mount", dump(fu.root / "copy.db"))
        self.assertEqual({p.name: p.read_bytes() for p in view.iterdir()}, before)


if __name__ == "__main__":
    unittest.main()
