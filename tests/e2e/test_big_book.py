"""A book bigger than a screen: human lists are capped with honest counts, machine formats are
complete, the digest's sections are capped with their totals, and shell completion of names.

(Speed itself is measured by bench/run, never here.)"""

import subprocess
import unittest

from fu_harness import FuSandbox, lines, section

NOW = "2026-06-15T09:30"
OVERDUE = 60   # more than the 50 rows a terminal shows
SILENT = 13    # contacts without a next step: more than the 10 shown


class BigBook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # One book for all the tests of the class (building it takes a few hundred runs of fu).
        cls.holder = unittest.TestCase()
        cls.fu = FuSandbox(cls.holder)
        fu = cls.fu
        for n in range(1, OVERDUE + 1):
            fu.ok("-q", "add", f"Overdue {n:02d}", now="2026-06-01T09:00")
            fu.ok("-q", "promise", str(n), "tomorrow", "--about", f"quote {n}", now="2026-06-12T09:00")
        for n in range(1, SILENT + 1):
            contact_id = OVERDUE + n
            fu.ok("-q", "add", f"Silent {n:02d}", now="2026-06-01T09:00")
            # Spoken to on successive days: the most recent first in the list.
            fu.run("-q", "log", str(contact_id), "call", "--outcome", "reached",
                   now=f"2026-06-{n:02d}T10:00")

    @classmethod
    def tearDownClass(cls):
        cls.holder.doCleanups()

    def test_human_due_shows_fifty_rows_and_counts_the_rest(self):
        out = self.fu.ok("due", now=NOW)
        self.assertIn(f"Overdue ({OVERDUE})", out)
        rows = [line for line in lines(out) if line.lstrip().startswith("p")]
        self.assertEqual(len(rows), 50, out)
        self.assertIn(f"… and {OVERDUE - 50} more: fu due --limit 0 lists them all", out)
        everything = self.fu.ok("due", "--limit", "0", now=NOW)
        self.assertEqual(len([l for l in lines(everything) if l.lstrip().startswith("p")]), OVERDUE)
        self.assertNotIn("more: fu due --limit 0", everything)
        self.assertNotIn(f"Overdue ({OVERDUE})", everything)  # nothing cut: no count needed
        some = self.fu.ok("due", "--limit", "5", now=NOW)
        self.assertIn(f"… and {OVERDUE - 5} more", some)
        self.assertIn(f"Overdue ({OVERDUE})", some)

    def test_no_next_step_shows_ten_most_recent_and_counts_the_rest(self):
        out = self.fu.ok("due", now=NOW)
        body = section(out, "No next step")
        self.assertEqual(len(body), 11, out)
        self.assertIn("Silent 13", body[0])  # spoken to last
        self.assertIn("Silent 04", body[9])
        self.assertEqual(body[10].strip(), f"… and {SILENT - 10} more: fu due --no-next-step")

    def test_no_next_step_lists_them_all_in_every_format(self):
        out = self.fu.ok("due", "--no-next-step", now=NOW)
        names = [line.strip().split("  ")[0] for line in lines(out)[1:]]
        self.assertEqual(names, [f"Silent {n:02d}" for n in range(SILENT, 0, -1)])
        data = self.fu.json("due", "--no-next-step", now=NOW)
        self.assertEqual([c["name"] for c in data], names)
        tsv = self.fu.ok("due", "--no-next-step", fmt="tsv", now=NOW)
        self.assertEqual(lines(tsv)[0].split("\t")[:2], ["id", "name"])
        self.assertEqual(len(lines(tsv)), SILENT + 1)
        self.assertEqual(self.fu.json("due", "--no-next-step", "--tag", "nobody", now=NOW), [])

    def test_no_next_step_takes_a_limit_and_counts_the_rest(self):
        out = self.fu.ok("due", "--no-next-step", "--limit", "4", now=NOW)
        names = [line.strip().split("  ")[0] for line in lines(out)[1:5]]
        self.assertEqual(names, [f"Silent {n:02d}" for n in range(SILENT, SILENT - 4, -1)])
        self.assertEqual(lines(out)[5].strip(), f"… and {SILENT - 4} more: --limit 0 lists them all")
        self.assertEqual(len(lines(out)), 6, out)
        self.assertEqual([c["name"] for c in self.fu.json("due", "--no-next-step", "--limit", "4", now=NOW)],
                         names)
        self.assertEqual(len(lines(self.fu.ok("due", "--no-next-step", "--limit", "2", fmt="csv", now=NOW))), 3)
        whole = self.fu.ok("due", "--no-next-step", "--limit", str(SILENT), now=NOW)
        self.assertNotIn("more", whole)

    def test_machine_formats_are_complete_and_parse(self):
        data = self.fu.json("due", now=NOW)
        self.assertEqual(len(data), OVERDUE)
        self.assertEqual([p["contact"]["name"] for p in data[:2]], ["Overdue 01", "Overdue 02"])
        jq = subprocess.run(["jq", "length"], input=self.fu.ok("due", fmt="json", now=NOW),
                            capture_output=True, text=True, check=True)
        self.assertEqual(jq.stdout.strip(), str(OVERDUE))
        tsv = self.fu.ok("due", fmt="tsv", now=NOW)
        self.assertEqual(len(lines(tsv)), OVERDUE + 1)
        csv_out = self.fu.ok("due", "--limit", "3", fmt="csv", now=NOW)
        self.assertEqual(len(csv_out.splitlines()), 4)
        self.assertEqual(self.fu.json("due", "--limit", "0", now=NOW), data)
        self.assertEqual(self.fu.run("due", "--check", fmt="json", now=NOW).status, 1)

    def test_contacts_shows_fifty_and_counts_the_rest(self):
        out = self.fu.ok("contacts", now=NOW)
        self.assertEqual(len([l for l in lines(out) if l[:1].isdigit()]), 50, out)
        total = OVERDUE + SILENT
        self.assertIn(f"… and {total - 50} more: --limit 0 lists them all", out)
        self.assertEqual(len(self.fu.json("contacts", now=NOW)), total)
        self.assertEqual(len(lines(self.fu.ok("contacts", fmt="tsv", now=NOW))), total + 1)
        self.assertEqual(len(self.fu.json("contacts", "--limit", "3", now=NOW)), 3)
        found = self.fu.ok("contacts", "--search", "silent", "--limit", "4", now=NOW)
        self.assertIn(f"… and {SILENT - 4} more", found)
        self.fu.fail(2, "contacts", "--limit", "-1", now=NOW)

    def test_digest_sections_are_capped_with_totals(self):
        out = self.fu.ok("digest", now=NOW)
        self.assertIn(f"Overdue ({OVERDUE})", out)
        body = section(out, f"Overdue ({OVERDUE})")
        self.assertEqual(len(body), 26, out)
        self.assertEqual(body[-1].strip(), f"- … and {OVERDUE - 25} more: fu due")
        data = self.fu.json("digest", now=NOW)
        self.assertEqual(len(data["overdue"]), 25)
        self.assertEqual(data["totals"]["overdue"], OVERDUE)
        self.assertEqual(data["totals"]["no_next_step"], len(data["no_next_step"]))


class Completion(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        for name in ("Ada Lovelace", "Ada Lovelace", "adam Smith", "Zoë Ng", "Alan Turing"):
            self.fu.ok("-q", "add", name)
        self.fu.ok("-q", "add", "Adele Archived")
        self.fu.ok("-q", "rm", "adele")

    def complete(self, prefix, **kw):
        return self.fu.run("__complete", "contacts", prefix, **kw)

    def test_names_by_prefix_any_case_namesakes_once_archived_left_out(self):
        r = self.complete("ad")
        self.assertEqual((r.status, r.err), (0, ""))
        self.assertEqual(lines(r.out), ["Ada Lovelace", "adam Smith"])
        self.assertEqual(lines(self.complete("ZO").out), ["Zoë Ng"])
        self.assertEqual(lines(self.complete("zoë").out), ["Zoë Ng"])
        self.assertEqual(len(lines(self.complete("").out)), 4)
        self.assertEqual(self.complete("x").out, "")

    def test_hidden_quiet_and_never_writes(self):
        self.assertNotIn("__complete", self.fu.ok("--help"))
        missing = self.fu.root / "nowhere" / "fu.db"
        r = self.complete("a", db=str(missing))
        self.assertEqual((r.status, r.out, r.err), (0, "", ""))
        self.assertFalse(missing.parent.exists())
        broken = self.complete("a", tz="Not/A_Zone")
        self.assertEqual((broken.status, broken.out, broken.err), (1, "", ""))
        unknown = self.fu.run("__complete", "planets", "a")
        self.assertEqual((unknown.status, unknown.out, unknown.err), (1, "", ""))


class BigLog(unittest.TestCase):
    """fu log's listing of a log longer than a screen: 50 rows and an honest count of the rest
    (archived contacts' interactions left out, as the listing leaves them out), every row in the
    machine formats."""

    LIVE = 56      # interactions with live contacts
    ARCHIVED = 4   # with a contact archived since

    @classmethod
    def setUpClass(cls):
        cls.holder = unittest.TestCase()
        cls.fu = FuSandbox(cls.holder)
        fu = cls.fu
        fu.ok("-q", "add", "Ada Lovelace", now="2026-06-01T09:00")
        fu.ok("-q", "add", "Grace Hopper", now="2026-06-01T09:00")
        fu.ok("-q", "add", "Old Customer", now="2026-06-01T09:00")
        for n in range(cls.LIVE):
            who = "ada" if n % 2 == 0 else "grace"
            note = "sent the price list" if n % 7 == 0 else f"call {n}"
            fu.ok("-q", "log", who, "note", "--aside", "--note", note,
                  now=f"2026-06-{2 + n // 8:02d}T{9 + n % 8:02d}:00")
        for n in range(cls.ARCHIVED):
            fu.ok("-q", "log", "old", "note", "--aside", "--note", "price list again",
                  now=f"2026-06-14T{9 + n:02d}:30")
        fu.ok("-q", "rm", "old", now="2026-06-15T09:00")

    @classmethod
    def tearDownClass(cls):
        cls.holder.doCleanups()

    def rows(self, out):
        return [line for line in lines(out) if line.startswith("i")]

    def test_a_terminal_shows_fifty_newest_and_counts_the_rest(self):
        out = self.fu.ok("log", now=NOW)
        rows = self.rows(out)
        self.assertEqual(len(rows), 50, out)
        self.assertTrue(rows[0].startswith(f"i{self.LIVE} "), rows[0])  # the newest first
        self.assertEqual(lines(out)[-1], f"… and {self.LIVE - 50} more: --limit 0 lists them all")
        everything = self.fu.ok("log", "--limit", "0", now=NOW)
        self.assertEqual(len(self.rows(everything)), self.LIVE)
        self.assertNotIn("more", everything)
        self.assertEqual(len(self.rows(self.fu.ok("log", "--limit", str(self.LIVE), now=NOW))), self.LIVE)

    def test_counts_follow_the_filters(self):
        since = self.fu.ok("log", "--since", "2026-06-03", "--limit", "10", now=NOW)
        self.assertEqual(lines(since)[-1], f"… and {self.LIVE - 8 - 10} more: --limit 0 lists them all")
        priced = self.fu.ok("log", "--search", "price", "--limit", "3", now=NOW)
        matches = len(range(0, self.LIVE, 7))
        self.assertEqual(lines(priced)[-1], f"… and {matches - 3} more: --limit 0 lists them all")
        old = self.fu.ok("log", "--contact", "old", now=NOW)  # an archived contact's own history
        self.assertEqual(len(self.rows(old)), self.ARCHIVED)
        self.assertNotIn("more", old)

    def test_machine_formats_list_every_one(self):
        out = self.fu.ok("log", fmt="json", now=NOW)
        self.assertTrue(out.endswith("]\n"))
        jq = subprocess.run(["jq", "length"], input=out, capture_output=True, text=True, check=True)
        self.assertEqual(jq.stdout.strip(), str(self.LIVE))
        data = self.fu.json("log", now=NOW)
        self.assertEqual(data[0]["contact"]["name"], "Grace Hopper")
        self.assertEqual(data[0]["contact"]["id"], 2)
        self.assertEqual(len(lines(self.fu.ok("log", fmt="tsv", now=NOW))), self.LIVE + 1)
        self.assertEqual(len(self.fu.json("log", "--limit", "3", now=NOW)), 3)
        self.assertEqual(self.fu.ok("log", "--search", "nothing", fmt="json", now=NOW), "[]\n")

    def test_limit_is_for_the_listing_only(self):
        r = self.fu.fail(2, "log", "ada", "--limit", "0", now=NOW)
        self.assertIn("list interactions", r.err)
        self.fu.fail(2, "log", "--limit", "-1", now=NOW)


class LogCountTest(unittest.TestCase):
    """fu log's "and N more" counts the live contacts' interactions as all of them less the
    archived contacts' part, a running count kept on every write: it must match the listing itself
    after archiving, restoring, logging, a purge and undoing each, and fu doctor must find no drift."""

    def setUp(self):
        self.fu = FuSandbox(self)

    def check(self):
        listed = len(self.fu.json("log", now=NOW))
        out = self.fu.ok("log", "--limit", "1", now=NOW)
        if listed > 1:
            self.assertEqual(lines(out)[-1], f"… and {listed - 1} more: --limit 0 lists them all", out)
        else:
            self.assertNotIn("more", out)

    def test_the_count_follows_every_write(self):
        fu = self.fu
        for name in ["Ada One", "Bea Two", "Cy Three"]:
            fu.ok("-q", "add", name, now="2026-06-01T09:00")
        for n, who in enumerate(["ada", "ada", "bea", "bea", "bea", "cy"]):
            fu.ok("-q", "log", who, "note", "--aside", "--note", f"note {n}", now=f"2026-06-0{2 + n}T10:00")
        steps = [
            ("rm", "bea"), ("restore", "bea"), ("rm", "bea"), ("rm", "ada"),
            ("log", "cy", "email", "--outcome", "reached"),
            ("undo",), ("undo",), ("undo",),
            ("rm", "bea", "--purge", "--yes"), ("undo",), ("rm", "cy"), ("rm", "cy", "--purge", "--yes"),
        ]
        self.check()
        for step in steps:
            fu.ok("-q", *step, now=NOW)
            with self.subTest(step=step):
                self.check()
        self.assertEqual(fu.run("doctor").status, 0, fu.run("doctor"))


if __name__ == "__main__":
    unittest.main()
