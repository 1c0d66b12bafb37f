"""Start-up does only the work a command needs (issue 11): the zone database is not listed, one
zone file is read, and a release binary loads no shared library but libc and libm.

strace(1) records what the built binary really opens; readelf(1) reads what it links."""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from fu_harness import FU_BIN, FuSandbox

STRACE = shutil.which("strace")


def traced(sandbox, *args, tz="America/New_York"):
    """The file system calls fu makes for `args`, as strace prints them (one per line)."""
    with tempfile.TemporaryDirectory(prefix="fu-strace-") as tmp:
        log = Path(tmp) / "trace"
        argv = [STRACE, "-f", "-qq", "-o", str(log),
                "-e", "trace=openat,open,stat,lstat,newfstatat,statx,getdents64,readlink",
                FU_BIN, "--db", str(sandbox.db), "--now", sandbox.now] + list(args)
        # LeakSanitizer cannot run under ptrace: a sanitizer build traced checks no leaks.
        proc = subprocess.run(argv, env=sandbox.env(tz=tz, extra={"ASAN_OPTIONS": "detect_leaks=0"}),
                              stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=60, cwd=sandbox.root)
        sandbox.test.assertEqual(proc.returncode, 0, proc.stderr.decode())
        return log.read_text().splitlines()


@unittest.skipUnless(STRACE, "strace is not installed")
class ZoneFilesRead(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("add", "Ada Lovelace", "--tz", "Europe/London")

    def zone_calls(self, calls):
        return [c for c in calls if "zoneinfo" in c]

    def test_a_write_reads_only_the_zones_it_uses(self):
        calls = traced(self.fu, "promise", "ada", "tomorrow", "afternoon")
        zone_calls = self.zone_calls(calls)
        self.assertFalse([c for c in calls if c.split("(")[0].endswith("getdents64")],
                         "a directory was listed:\n" + "\n".join(calls))
        opened = sorted({c.split('"')[1] for c in zone_calls if "open" in c.split("(")[0]})
        # The user's zone and the contact's, once each.
        self.assertEqual(opened, ["/usr/share/zoneinfo/America/New_York",
                                  "/usr/share/zoneinfo/Europe/London"], "\n".join(zone_calls))
        self.assertLessEqual(len(zone_calls), 6, "\n".join(zone_calls))

    def test_due_and_version(self):
        due = self.zone_calls(traced(self.fu, "due"))
        self.assertLessEqual(len(due), 6, "\n".join(due))
        self.assertEqual(self.zone_calls(traced(self.fu, "--version")), [])

    def test_zone_completion_lists_the_database(self):
        # The one command that needs every name lists the directory, and finds the zones.
        calls = traced(self.fu, "__complete", "zones", "Europe/Lo")
        self.assertTrue([c for c in calls if c.split("(")[0].endswith("getdents64")])
        out = self.fu.ok("__complete", "zones", "Europe/Lo")
        self.assertIn("Europe/London", out.split())
        self.assertNotIn("posix/Europe/London", out)


class OneCommandPerRun(unittest.TestCase):
    """fu builds only the named command's options when it is sure which; either way, a word that
    names another command is one of the command's words, and flags take no value."""

    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("add", "Ada Lovelace")

    def test_a_command_name_among_the_words_is_a_word(self):
        for flags in ([], ["-q"], ["--json"]):
            r = self.fu.run(*flags, "promise", "ada", "after", "the", "demo")
            self.assertEqual(r.status, 2, str(r))
            self.assertIn('"demo" is not a time word', r.err, str(r))
        # Nothing was filled in by `fu demo`.
        self.assertEqual(len(self.fu.json("contacts")), 1)
        r = self.fu.run("-q", "when", "due")
        self.assertEqual(r.status, 2, str(r))
        self.assertNotIn("unknown command", r.err)

    def test_flags_before_the_command(self):
        self.fu.ok("-q", "log", "ada", "call", "--note", "hello")
        self.assertEqual(self.fu.ok("--json", "-q", "--color", "never", "contacts").count("Ada"), 1)
        r = self.fu.run("-q", "backup", "due")
        self.assertEqual(r.status, 0, str(r))
        self.assertTrue((self.fu.root / "due").exists(), "the backup is written to the file named due")

    def test_the_journal_keeps_the_words_a_flag_stood_beside(self):
        self.fu.ok("log", "ada", "-q", "call", "--note", "hello")
        listing = self.fu.ok("undo", "--list")
        self.assertIn("fu log ada call --note hello", listing)

    def test_a_misspelt_command_is_named(self):
        r = self.fu.fail(2, "-q", "dew")
        self.assertIn('unknown command "dew" (did you mean "due"?)', r.err)


@unittest.skipUnless(os.environ.get("FU_STATIC_BUILD") == "1" and shutil.which("readelf"),
                     "not a FU_STATIC_DEPS build without sanitizers")
class SharedLibraries(unittest.TestCase):
    def test_only_libc_and_libm(self):
        dynamic = subprocess.run(["readelf", "-d", FU_BIN], capture_output=True, text=True, check=True).stdout
        needed = sorted(line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line)
        # The loader itself may be named (for thread-local storage): it is loaded regardless.
        needed = [name for name in needed if not name.startswith("ld-linux")]
        self.assertEqual(needed, ["libc.so.6", "libm.so.6"], dynamic)


if __name__ == "__main__":
    unittest.main()
