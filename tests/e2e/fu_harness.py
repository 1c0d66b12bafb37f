"""A small helper for the end-to-end tests: run the built `fu` in a sealed environment.

Every run gets a temporary HOME, XDG_* directories and database, a fixed --now and an explicit TZ,
and an environment built from scratch (never os.environ), so no test reads the real clock or home.
Each run's stderr is checked for the error contract: only `fu: `, `hint: ` and `note: ` lines.
"""

import json
import os
import subprocess
import tempfile
import unittest
from dataclasses import dataclass
from pathlib import Path

FU_BIN = os.environ.get("FU_BIN") or str(
    (Path(__file__).resolve().parent / ".." / ".." / "build" / "fu").resolve()
)

DEFAULT_TZ = "America/New_York"
DEFAULT_NOW = "2026-06-15T09:30"  # a Monday
STDERR_PREFIXES = ("fu: ", "hint: ", "note: ", "warning: ")


@dataclass
class Result:
    args: list
    status: int
    out: str
    err: str

    def __str__(self):
        return f"fu {self.args!r} -> {self.status}\n--- stdout\n{self.out}--- stderr\n{self.err}"


class FuSandbox:
    """A temporary home, XDG directories and database for one test; runs fu there."""

    def __init__(self, test: unittest.TestCase, tz: str = DEFAULT_TZ, now: str = DEFAULT_NOW):
        self.test = test
        self._tmp = tempfile.TemporaryDirectory(prefix="fu-e2e-")
        test.addCleanup(self._tmp.cleanup)
        self.root = Path(self._tmp.name)
        self.home = self.root / "home"
        for sub in ("home", "xdg-data", "xdg-config", "xdg-state", "xdg-cache"):
            (self.root / sub).mkdir()
        # The database lives in a directory that does not exist yet: fu must create both.
        self.db = self.root / "data" / "fu.db"
        self.tz = tz
        self.now = now

    def env(self, tz=None, extra=None, drop=()):
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.root / "xdg-data"),
            "XDG_CONFIG_HOME": str(self.root / "xdg-config"),
            "XDG_STATE_HOME": str(self.root / "xdg-state"),
            "XDG_CACHE_HOME": str(self.root / "xdg-cache"),
            "TZ": self.tz if tz is None else tz,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        for key in drop:
            env.pop(key, None)
        if extra:
            env.update(extra)
        return env

    def run(self, *args, now=None, tz=None, db=None, fmt=None, env=None, drop=(), globals_=True):
        """Runs fu with --db and --now (unless globals_ is False) and returns a Result.

        Arguments may be str or bytes (to pass invalid UTF-8)."""
        argv = [FU_BIN]
        if globals_:
            argv += ["--db", str(self.db if db is None else db), "--now", now or self.now]
        if fmt:
            argv += ["--format", fmt]
        argv += list(args)
        proc = subprocess.run(argv, env=self.env(tz=tz, extra=env, drop=drop), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=30, cwd=self.root)
        result = Result(list(args), proc.returncode,
                        proc.stdout.decode("utf-8", errors="replace"),
                        proc.stderr.decode("utf-8", errors="replace"))
        self.check_stderr(result)
        return result

    def check_stderr(self, r: Result):
        """No stack traces ever: every stderr line is a fu:/hint:/note: line; no crash signals."""
        self.test.assertGreaterEqual(r.status, 0, f"fu was killed by a signal\n{r}")
        self.test.assertNotIn(r.status, (70, 134, 139), f"fu crashed or hit an internal error\n{r}")
        for line in r.err.splitlines():
            self.test.assertTrue(line.startswith(STDERR_PREFIXES), f"unexpected stderr line {line!r}\n{r}")
        self.test.assertNotIn("terminate called", r.err)
        self.test.assertNotIn("what():", r.err)

    def ok(self, *args, **kw) -> str:
        """Runs fu, expects exit 0 and an empty stderr; returns stdout."""
        r = self.run(*args, **kw)
        self.test.assertEqual(r.status, 0, str(r))
        self.test.assertEqual(r.err, "", str(r))
        self.test.assertNotIn("\x1b", r.out, "colour escapes on a pipe\n" + str(r))
        return r.out

    def warned(self, *args, **kw) -> str:
        """Runs fu, expects exit 0 and only `warning:` lines (not pushy, …) on stderr; returns stdout."""
        r = self.run(*args, **kw)
        self.test.assertEqual(r.status, 0, str(r))
        self.test.assertTrue(r.err, "expected a warning\n" + str(r))
        for line in r.err.splitlines():
            self.test.assertTrue(line.startswith("warning: "), f"unexpected stderr line {line!r}\n{r}")
        return r.out

    def json(self, *args, **kw):
        """Runs fu with --format json, expects success, parses stdout as one JSON document."""
        out = self.ok(*args, fmt="json", **kw)
        try:
            return json.loads(out)
        except json.JSONDecodeError as e:  # pragma: no cover - reported as a failure
            self.test.fail(f"fu {args!r} printed invalid JSON ({e}):\n{out}")

    def fail(self, status, *args, **kw) -> Result:
        """Runs fu, expects exit `status`, nothing on stdout and a `fu: ` first line on stderr."""
        r = self.run(*args, **kw)
        self.test.assertEqual(r.status, status, str(r))
        self.test.assertEqual(r.out, "", str(r))
        self.test.assertTrue(r.err.startswith("fu: "), str(r))
        return r

    def error_lines(self, r: Result):
        return [line for line in r.err.splitlines() if line.startswith("fu: ")]

    def files(self, directory=None):
        """Every path under the sandbox data directory (or `directory`), relative, sorted."""
        base = Path(directory) if directory else self.root
        return sorted(str(p.relative_to(base)) for p in base.rglob("*"))


def lines(text: str):
    return [line.rstrip() for line in text.splitlines()]


SECTION_TITLES = ("Overdue", "Due now", "Upcoming", "No next step")


def section(text: str, title: str):
    """The lines of one section of `fu due` human output: after its title line, up to a blank line
    or the next section title."""
    all_lines = [line.rstrip() for line in text.splitlines()]
    if title not in all_lines:
        return None
    body = []
    for line in all_lines[all_lines.index(title) + 1:]:
        if not line.strip() or line in SECTION_TITLES:
            break
        body.append(line)
    return body


def section_titles(text: str):
    return [line.rstrip() for line in text.splitlines() if line.rstrip() in SECTION_TITLES]
