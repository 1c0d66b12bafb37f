"""Issue 13, DST/TZ row: promises made the day before each change of the clocks, in several zones,
resolve as docs/TIME-LANGUAGE.md says (elapsed hours are exact; days are calendar days), and cron's
bare `env -i` run shows the same as an interactive one in the same zone.
"""

import json
import subprocess
import unittest
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from fu_harness import FU_BIN, FuSandbox

# zone -> the local days before its two changes in 2026 (spring forward / fall back, either order)
CHANGES = {
    "America/New_York": ("2026-03-07", "2026-10-31"),
    "Europe/Berlin": ("2026-03-28", "2026-10-24"),
    "Australia/Sydney": ("2026-04-04", "2026-10-03"),
    "Australia/Adelaide": ("2026-04-04", "2026-10-03"),  # half-hour offsets: +10:30 / +09:30
    "Asia/Kolkata": ("2026-03-28",),                      # half-hour, no DST: a control
}


def parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


class DaylightSaving(unittest.TestCase):
    def test_windows_around_both_changes(self):
        for zone, days in CHANGES.items():
            tz = ZoneInfo(zone)
            for day in days:
                with self.subTest(zone=zone, day=day):
                    fu = FuSandbox(self, tz=zone, now=f"{day}T10:00")
                    fu.ok("add", "Ada")
                    now = datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=tz)
                    hours = fu.json("promise", "ada", "in", "24", "hours")
                    start = parse(hours["earliest"])
                    self.assertEqual(start - now, timedelta(hours=24), hours)
                    self.assertEqual(start.utcoffset(), start.astimezone(tz).utcoffset())
                    tomorrow = fu.json("promise", "ada", "tomorrow")
                    first, last = parse(tomorrow["earliest"]), parse(tomorrow["latest"])
                    next_day = (now + timedelta(days=1)).date()
                    self.assertEqual(first.astimezone(tz).replace(tzinfo=None),
                                     datetime.combine(next_day, datetime.min.time()).replace(hour=9))
                    self.assertEqual(last.astimezone(tz).replace(tzinfo=None),
                                     datetime.combine(next_day, datetime.min.time()).replace(hour=17))
                    # the offset printed is the zone's on that day, not today's
                    self.assertEqual(first.utcoffset(), first.astimezone(tz).utcoffset())

    def test_a_time_the_clocks_skip_is_refused_in_each_zone(self):
        for zone, phrase in (("America/New_York", "2026-03-08 02:30"), ("Europe/Berlin", "2026-03-29 02:30"),
                             ("Australia/Sydney", "2026-10-04 02:30"), ("Australia/Adelaide", "2026-10-04 02:30")):
            with self.subTest(zone=zone):
                fu = FuSandbox(self, tz=zone, now="2026-03-01T10:00" if "-03-" in phrase else "2026-10-01T10:00")
                r = fu.fail(2, "when", phrase)
                self.assertIn("does not exist", r.err)


class CronMatchesInteractive(unittest.TestCase):
    def test_env_i_with_tz_equals_the_interactive_run(self):
        for zone in ("Australia/Adelaide", "Europe/Berlin"):
            with self.subTest(zone=zone):
                fu = FuSandbox(self, tz=zone, now="2026-10-03T10:00")
                fu.ok("add", "Ada", "--tz", "America/New_York")
                fu.ok("promise", "ada", "tomorrow", "afternoon")
                fu.ok("add", "Bob")
                fu.ok("promise", "bob", "in", "20", "hours")
                args = ["--db", str(fu.db), "--now", "2026-10-04T08:00", "due", "--until", "in 2 days"]
                interactive = fu.run(*args[4:], now="2026-10-04T08:00")
                self.assertEqual(interactive.status, 0, str(interactive))
                for fmt in ([], ["--json"]):
                    cron = subprocess.run(["/usr/bin/env", "-i", f"TZ={zone}", FU_BIN, *args, *fmt],
                                          stdin=subprocess.DEVNULL, capture_output=True, timeout=30,
                                          cwd=fu.root, start_new_session=True)
                    self.assertEqual(cron.returncode, 0, cron.stderr)
                    self.assertEqual(cron.stderr, b"")
                    expected = fu.run(*args[4:], *fmt, now="2026-10-04T08:00")
                    self.assertEqual(cron.stdout.decode(), expected.out)
                self.assertIn("Bob", interactive.out)
                json.loads(fu.ok("due", "--all", fmt="json", now="2026-10-04T08:00"))


if __name__ == "__main__":
    unittest.main()
