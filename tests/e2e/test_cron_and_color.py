"""Issue 5, parts 1 and 5: fu under cron's bare environment, and colour only on a terminal.

The cron runs deliberately have no TZ: fu then uses the system zone (/etc/localtime), so every --now
there carries an explicit offset, and the results are compared with a normal run whose TZ is the
system zone.
"""

import fcntl
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import termios
import unicodedata
import unittest
from datetime import datetime, timezone
from pathlib import Path

from fu_harness import FU_BIN, FuSandbox, Result

DIGEST_NOW = "2026-06-15T09:30-04:00"  # 13:30 UTC
ESC = "\x1b"


def system_zone():
    """The IANA name of the system zone, read from /etc/localtime (or /etc/timezone)."""
    try:
        target = os.path.realpath("/etc/localtime")
        if "/zoneinfo/" in target:
            return target.split("/zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        return Path("/etc/timezone").read_text().strip() or "UTC"
    except OSError:
        return "UTC"


def iso_in_zone(utc: datetime, zone: str) -> str:
    from zoneinfo import ZoneInfo
    return utc.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


def run_cron(fu, home, *args):
    """Runs fu exactly as cron would: env -i HOME=... PATH=/usr/bin:/bin, stdin /dev/null, no TTY, no TZ."""
    argv = ["/usr/bin/env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", FU_BIN, *args]
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=30, cwd=fu.root,
                          start_new_session=True)  # no controlling terminal either
    r = Result(list(args), proc.returncode, proc.stdout.decode("utf-8", "replace"),
               proc.stderr.decode("utf-8", "replace"))
    fu.check_stderr(r)
    return r


def run_pty(fu, args, extra=None, drop=(), cols=200):
    """Runs fu with stdout on a pseudo-terminal (stderr on a pipe); returns a Result with \\r\\n undone."""
    env = fu.env(extra={"TERM": "xterm-256color", **(extra or {})}, drop=drop)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
    proc = subprocess.Popen([FU_BIN, "--db", str(fu.db), "--now", fu.now, *args], env=env, stdin=slave,
                            stdout=slave, stderr=subprocess.PIPE, cwd=fu.root)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    err = proc.stderr.read()
    proc.stderr.close()
    status = proc.wait(timeout=30)
    r = Result(list(args), status, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"),
               err.decode("utf-8", "replace"))
    fu.check_stderr(r)
    return r


class UnderCron(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._owner = unittest.TestCase()
        fu = cls.fu = FuSandbox(cls._owner, tz=system_zone())
        cls.zone = fu.tz
        cls.home = fu.root / "cron-home"
        cls.home.mkdir()
        cron = lambda *a: cls._cron_ok(*a)
        cron("--now", "2026-05-01T12:00-04:00", "add", "Carl", "Cold", "--phone", "+1 212 555 0199")
        cron("--now", "2026-05-01T12:00-04:00", "log", "carl", "--note", "talk in a while")
        cron("--now", "2026-06-14T09:00-04:00", "add", "Olga", "Overdue", "--phone", "+1 212 555 0100")
        cron("--now", "2026-06-14T09:00-04:00", "promise", "olga", "2026-06-14T10:00-04:00", "--about", "invoice")
        cron("--now", "2026-06-15T09:00-04:00", "add", "Dora", "Duenow")
        cron("--now", "2026-06-15T09:00-04:00", "promise", "dora", "within", "the", "hour")
        cron("--now", "2026-06-15T09:00-04:00", "add", "Fay", "Future")
        cron("--now", "2026-06-15T09:00-04:00", "promise", "fay", "2026-07-01T12:00-04:00")
        cls.db = cls.home / ".local" / "share" / "fu" / "fu.db"

    @classmethod
    def _cron_ok(cls, *args):
        r = run_cron(cls.fu, cls.home, *args)
        if r.status != 0:
            raise AssertionError(f"setup under cron failed\n{r}")
        return r

    @classmethod
    def tearDownClass(cls):
        cls._owner.doCleanups()

    def setUp(self):
        self.fu.test = self

    def normal(self, *args):
        """The same command in a normal run: TZ set to the system zone, the same database named by --db."""
        return self.fu.ok("--db", str(self.db), "--now", DIGEST_NOW, *args, globals_=False, tz=self.zone)

    def test_database_lives_under_home(self):
        self.assertTrue(self.db.is_file(), sorted(str(p) for p in self.home.rglob("*")))
        outside = [p for p in self.home.rglob("*") if p.is_file() and p.parent != self.db.parent]
        self.assertEqual(outside, [])
        self.assertEqual(oct(self.db.stat().st_mode & 0o777), "0o600")

    def test_digest_if_any_is_the_same_as_a_normal_run(self):
        r = run_cron(self.fu, self.home, "--now", DIGEST_NOW, "digest", "--if-any")
        self.assertEqual((r.status, r.err), (0, ""), str(r))
        self.assertNotIn(ESC, r.out)
        self.assertIn("Overdue", r.out)
        self.assertIn("Olga Overdue", r.out)
        self.assertIn("Going cold", r.out)
        self.assertIn("Carl Cold", r.out)
        self.assertNotIn("Fay", r.out)
        self.assertEqual(r.out, self.normal("digest", "--if-any"))

    def test_digest_json_times_are_in_the_system_zone(self):
        r = run_cron(self.fu, self.home, "--now", DIGEST_NOW, "--json", "digest")
        self.assertEqual(r.status, 0, str(r))
        doc = json.loads(r.out)
        self.assertEqual([p["contact"]["name"] for p in doc["overdue"]], ["Olga Overdue"])
        self.assertEqual([p["contact"]["name"] for p in doc["due_today"]], ["Dora Duenow"])
        olga = doc["overdue"][0]
        self.assertEqual(olga["earliest"], iso_in_zone(datetime(2026, 6, 14, 14, 0, tzinfo=timezone.utc), self.zone))
        self.assertEqual(olga["zone"], self.zone)
        self.assertEqual(r.out, self.normal("--json", "digest"))

    def test_due_is_the_same_as_a_normal_run(self):
        for args in (("due",), ("due", "--all"), ("due", "--all", "--format", "tsv"), ("due", "--json")):
            with self.subTest(args=args):
                r = run_cron(self.fu, self.home, "--now", DIGEST_NOW, *args)
                self.assertEqual((r.status, r.err), (0, ""), str(r))
                self.assertNotIn(ESC, r.out)
                self.assertEqual(r.out, self.normal(*args))
        states = [(p["contact"]["name"], p["state"])
                  for p in json.loads(run_cron(self.fu, self.home, "--now", DIGEST_NOW, "due", "--json").out)]
        self.assertEqual(states, [("Olga Overdue", "overdue"), ("Dora Duenow", "due")])
        r = run_cron(self.fu, self.home, "--now", DIGEST_NOW, "due", "--check")
        self.assertEqual(r.status, 1, str(r))

    def test_nothing_to_do_under_cron_is_silent_and_creates_nothing(self):
        home = self.fu.root / "empty-home"
        home.mkdir()
        r = run_cron(self.fu, home, "--now", DIGEST_NOW, "digest", "--if-any")
        self.assertEqual((r.status, r.out, r.err), (0, "", ""))
        r = run_cron(self.fu, home, "--now", DIGEST_NOW, "due")
        self.assertEqual((r.status, r.err), (0, ""))
        self.assertIn("Nothing overdue or due today", r.out)
        self.assertEqual(list(home.iterdir()), [])

class Colour(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._owner = unittest.TestCase()
        fu = cls.fu = FuSandbox(cls._owner, now="2026-06-15T10:00")
        fu.ok("add", "Olga", "Overdue", now="2026-06-15T08:00")
        fu.ok("promise", "olga", "9am", now="2026-06-15T08:00")  # overdue at 10:00

    @classmethod
    def tearDownClass(cls):
        cls._owner.doCleanups()

    def setUp(self):
        self.fu.test = self

    def pty(self, *args, **kw):
        r = run_pty(self.fu, args, **kw)
        self.assertEqual((r.status, r.err), (0, ""), str(r))
        self.assertIn("Olga Overdue", r.out)
        return r.out

    def test_colour_on_a_terminal(self):
        out = self.pty("due")
        self.assertIn(ESC + "[", out)
        plain = self.fu.ok("due")
        self.assertNotIn(ESC, plain)
        self.assertEqual(strip_ansi(out), plain)  # the same text, only coloured

    def test_no_color_env(self):
        self.assertNotIn(ESC, self.pty("due", extra={"NO_COLOR": "1"}))
        self.assertIn(ESC, self.pty("due", extra={"NO_COLOR": ""}), "an empty NO_COLOR does not count")

    def test_color_never(self):
        self.assertNotIn(ESC, self.pty("--color", "never", "due"))

    def test_term_dumb(self):
        self.assertNotIn(ESC, self.pty("due", extra={"TERM": "dumb"}))

    def test_no_colour_in_a_pipe_by_default_and_always_forces_it(self):
        self.assertNotIn(ESC, self.fu.ok("due"))
        self.assertNotIn(ESC, self.fu.ok("digest"))
        self.assertNotIn(ESC, self.fu.ok("--color", "auto", "due"))
        r = self.fu.run("--color", "always", "due")
        self.assertEqual(r.status, 0, str(r))
        self.assertIn(ESC + "[", r.out)
        self.assertEqual(strip_ansi(r.out), self.fu.ok("due"))

    def test_no_colour_in_machine_formats_even_on_a_terminal(self):
        for fmt in ("json", "tsv", "csv"):
            with self.subTest(fmt=fmt):
                out = self.pty("--format", fmt, "due")
                self.assertNotIn(ESC, out)
        json.loads(self.pty("--color", "always", "--json", "due"))

    @unittest.skipUnless(shutil.which("script"), "script(1) from bsdutils is not installed")
    def test_with_script(self):
        fu = self.fu
        cmd = f"{FU_BIN} --db {fu.db} --now {fu.now} due"
        env = fu.env(extra={"TERM": "xterm"})
        coloured = subprocess.run(["script", "-qec", cmd, "/dev/null"], env=env, capture_output=True, timeout=30,
                                  stdin=subprocess.DEVNULL).stdout.decode()
        self.assertIn(ESC + "[", coloured)
        plain = subprocess.run(["script", "-qec", cmd, "/dev/null"], env=dict(env, NO_COLOR="1"),
                               capture_output=True, timeout=30, stdin=subprocess.DEVNULL).stdout.decode()
        self.assertIn("Olga Overdue", plain)
        self.assertNotIn(ESC, plain)


class TerminalWidth(unittest.TestCase):
    """Human tables fit the terminal, with wide names measured in display columns."""

    @classmethod
    def setUpClass(cls):
        cls._owner = unittest.TestCase()
        fu = cls.fu = FuSandbox(cls._owner)
        fu.ok("add", "山田太郎山田太郎山田太郎", "--company", "株式会社ソニーグループ株式会社", "--phone", "+81 3 1234 5678",
              "--email", "yamada@sony.example")
        fu.ok("add", "Ada", "Lovelace-Byron", "Countess", "of", "Lovelace", "--company",
              "Analytical Engines Incorporated Ltd", "--phone", "+44 20 7946 0100", "--email", "ada@engines.example")
        fu.ok("promise", "山田", "within", "the", "hour", "--about", "お見積もりの件について確認するための電話")
        fu.ok("promise", "ada", "tomorrow", "afternoon", "--about", "the pilot quote for the whole department")

    @classmethod
    def tearDownClass(cls):
        cls._owner.doCleanups()

    def setUp(self):
        self.fu.test = self

    def widest(self, args, cols):
        r = run_pty(self.fu, args, extra={"NO_COLOR": "1"}, cols=cols)
        self.assertEqual(r.status, 0, str(r))
        return max(display_width(line) for line in r.out.splitlines()), r.out

    def test_contacts_fit_and_align(self):
        for cols in (100, 80, 60):
            with self.subTest(cols=cols):
                widest, out = self.widest(("contacts",), cols)
                self.assertLessEqual(widest, cols, out)
                rows = out.splitlines()
                starts = {display_width(row[:row.index("+")]) for row in rows[1:]}  # the phone column
                self.assertEqual(len(starts), 1, f"phone column misaligned at {cols} columns:\n{out}")

    def test_due_fits_80_columns(self):
        widest, out = self.widest(("due", "--all"), 80)
        self.assertLessEqual(widest, 80, out)
        self.assertIn("p1", out)
        self.assertIn("p2", out)

    def test_due_fits_60_columns(self):
        widest, out = self.widest(("due", "--all"), 60)
        self.assertLessEqual(widest, 60, out)


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


if __name__ == "__main__":
    unittest.main()
