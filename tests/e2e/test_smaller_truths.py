"""Issue 9, "smaller truths": a whole word names a contact, stats prints one field list in every
format, and the digest's reminders reach to the next working day."""

import csv
import io
import unittest

from fu_harness import FuSandbox

WEDNESDAY = "2026-06-17T09:30"  # America/New_York
THURSDAY = "2026-06-18T07:30"
FRIDAY = "2026-06-19T07:30"
REMINDER = " — send a reminder today"


def write_config(fu, text):
    path = fu.root / "xdg-config" / "fu" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def section_lines(text, title):
    """The item lines under one section title of a human digest."""
    body, inside = [], False
    for line in text.splitlines():
        if line and not line.startswith(" "):
            inside = line == title or line.startswith(title + " (")
            continue
        if inside and line.strip():
            body.append(line.strip())
    return body


class WholeWordsNameAContact(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.dan = self.fu.json("add", "Dan Morris")["id"]
        self.dana = self.fu.json("add", "Dana Scott")["id"]

    def test_a_whole_word_wins_over_a_part_of_a_word(self):
        self.assertEqual(self.fu.json("show", "dan")["contact"]["id"], self.dan)
        self.assertEqual(self.fu.json("show", "DAN")["contact"]["id"], self.dan)
        promised = self.fu.json("promise", "dan", "friday")
        self.assertEqual(promised["contact"]["id"], self.dan)
        # a part of a word alone still names the one contact that has it
        self.assertEqual(self.fu.json("show", "scot")["contact"]["id"], self.dana)
        # a part of both names' words is ambiguous, listing both
        r = self.fu.fail(3, "show", "da")
        self.assertIn('"da" matches 2 contacts', r.err)
        self.assertIn("Dan Morris", r.err)
        self.assertIn("Dana Scott", r.err)

    def test_a_whole_word_of_several_names_lists_only_those(self):
        brown = self.fu.json("add", "Dan Brown")["id"]
        r = self.fu.fail(3, "show", "dan")
        self.assertIn('"dan" matches 2 contacts', r.err)
        self.assertIn(f"id {self.dan} Dan Morris", r.err)
        self.assertIn(f"id {brown} Dan Brown", r.err)
        self.assertNotIn("Dana", r.err)
        self.assertRegex(r.err, r"\nhint: use the id")
        self.assertEqual(self.fu.json("show", "brown")["contact"]["id"], brown)

    def test_an_exact_full_name_wins_first(self):
        self.fu.ok("add", "Dan Brown")
        just_dan = self.fu.json("add", "Dan")["id"]
        self.assertEqual(self.fu.json("show", "dan")["contact"]["id"], just_dan)

    def test_hyphens_and_apostrophes_separate_words(self):
        mary_jane = self.fu.json("add", "Mary-Jane Watson")["id"]
        self.fu.ok("add", "Janet Mary")
        self.assertEqual(self.fu.json("show", "jane")["contact"]["id"], mary_jane)
        pat = self.fu.json("add", "Pat O'Neil")["id"]
        self.fu.ok("add", "Neill Blomkamp")
        self.assertEqual(self.fu.json("show", "neil")["contact"]["id"], pat)


class StatsHasOneFieldList(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._owner = unittest.TestCase()
        fu = cls.fu = FuSandbox(cls._owner, now="2026-06-15T09:30")
        fu.ok("add", "Ada")
        fu.ok("promise", "ada", "within", "the", "hour")
        fu.ok("log", "ada", now="2026-06-15T10:00")  # kept on time
        fu.ok("add", "Bob")
        fu.ok("promise", "bob", "today")
        fu.ok("log", "bob", "voicemail", now="2026-06-16T09:00")
        fu.run("log", "bob", now="2026-06-16T10:00")  # kept late (and warned: an hour after a voicemail)
        fu.ok("add", "Cy")
        fu.ok("promise", "cy", "friday")  # still open

    @classmethod
    def tearDownClass(cls):
        cls._owner.doCleanups()

    def setUp(self):
        self.fu.test = self

    def check_formats(self, *args):
        now = "2026-06-17T12:00"
        doc = self.fu.json("stats", *args, now=now)
        tsv = self.fu.ok("stats", *args, fmt="tsv", now=now)
        tsv_rows = [line.split("\t") for line in tsv.splitlines()]
        csv_text = self.fu.ok("stats", *args, fmt="csv", now=now)
        self.assertTrue(csv_text.endswith("\r\n"), repr(csv_text))
        csv_rows = list(csv.reader(io.StringIO(csv_text, newline=""), strict=True))
        for rows in (tsv_rows, csv_rows):
            self.assertEqual(len(rows), 2, rows)  # a header of the JSON keys, and one row
            self.assertEqual(rows[0], list(doc))
            for key, cell in zip(rows[0], rows[1]):
                value = doc[key]
                if value is None:
                    self.assertEqual(cell, "", key)
                elif isinstance(value, str):
                    self.assertEqual(cell, value, key)
                else:
                    self.assertEqual(float(cell), float(value), key)
        return doc

    def test_tsv_and_csv_headers_are_the_json_keys(self):
        doc = self.check_formats()
        for key in ("median_lateness_seconds", "attempts", "reached", "attempts_per_reach"):
            self.assertIn(key, doc)
        self.assertIsNone(doc["since"])
        self.assertEqual((doc["made"], doc["on_time"], doc["late"], doc["open"]), (3, 1, 1, 1))
        self.assertEqual((doc["attempts"], doc["reached"]), (3, 2))
        self.assertEqual(doc["attempts_per_reach"], 1.5)
        self.assertGreater(doc["median_lateness_seconds"], 0)

    def test_with_since_too(self):
        doc = self.check_formats("--since", "2026-06-16")
        self.assertEqual(doc["since"], "2026-06-16T00:00:00-04:00")
        self.assertEqual(doc["made"], 0)
        self.assertIsNone(doc["on_time_rate"])
        self.assertIsNone(doc["median_lateness_seconds"])

    def test_human_stays_prose(self):
        out = self.fu.ok("stats", now="2026-06-17T12:00")
        self.assertRegex(out, r"promises made\s+3\b")
        self.assertRegex(out, r"attempts per reach\s+1\.5\b")


class DigestRemindsBeforeTheNextWorkingDay(unittest.TestCase):
    """Agreed times opening by the end of the next working day are in the reminder section."""

    def setUp(self):
        fu = self.fu = FuSandbox(self, now=WEDNESDAY)
        ids = self.ids = {}
        for name, when, agreed in (("Fran Friday", "friday 10am", True),
                                   ("Sam Saturday", "saturday 11am", True),
                                   ("Mona Monday", "monday 10am", True),
                                   ("Una Unagreed", "monday 11am", False),
                                   ("Tom Tuesday", "tuesday 10am", True)):
            fu.ok("add", name)
            first = name.split()[0].lower()
            args = ["promise", first, *when.split()] + (["--agreed"] if agreed else [])
            ids[first] = fu.json(*args)["id"]

    def reminded(self, now):
        doc = self.fu.json("digest", now=now)
        return doc, [p["id"] for p in doc["remind_next_workday"]]

    def test_thursday_lists_fridays(self):
        doc, ids = self.reminded(THURSDAY)
        self.assertEqual(ids, [self.ids["fran"]])
        self.assertEqual(doc["next_workday"], "2026-06-19")
        self.assertEqual([p["id"] for p in doc["agreed_tomorrow"]], [self.ids["fran"]])
        out = self.fu.ok("digest", now=THURSDAY)
        lines = section_lines(out, "Agreed for tomorrow" + REMINDER)
        self.assertEqual(len(lines), 1, out)
        self.assertIn("Fran Friday", lines[0])

    def test_friday_lists_the_weekend_and_mondays(self):
        doc, ids = self.reminded(FRIDAY)
        self.assertEqual(ids, [self.ids["sam"], self.ids["mona"]])  # not the unagreed one, not Tuesday's
        self.assertEqual(doc["next_workday"], "2026-06-22")
        self.assertTrue(doc["actionable"])
        self.assertEqual([p["id"] for p in doc["agreed_tomorrow"]], [self.ids["sam"]])  # tomorrow is Saturday
        out = self.fu.ok("digest", "--if-any", now=FRIDAY)
        lines = section_lines(out, "Agreed through Mon 22 Jun" + REMINDER)
        self.assertEqual(len(lines), 2, out)
        self.assertIn("Sam Saturday", lines[0])
        self.assertIn("Mona Monday", lines[1])
        self.assertNotIn("Una Unagreed", out)
        self.assertNotIn("Tom Tuesday", out)
        markdown = self.fu.ok("digest", fmt="markdown", now=FRIDAY)
        self.assertIn("## Agreed through Mon 22 Jun" + REMINDER + " (2)", markdown)

    def test_a_monday_holiday_makes_friday_list_tuesdays(self):
        write_config(self.fu, 'holidays = ["2026-06-22"]\n')
        doc, ids = self.reminded(FRIDAY)
        self.assertEqual(doc["next_workday"], "2026-06-23")
        self.assertEqual(ids, [self.ids["sam"], self.ids["mona"], self.ids["tom"]])
        out = self.fu.ok("digest", now=FRIDAY)
        self.assertIn("Tom Tuesday", "\n".join(section_lines(out, "Agreed through Tue 23 Jun" + REMINDER)))

    def test_the_configured_working_days(self):
        write_config(self.fu, 'workdays = "mon-thu"\n')
        doc, ids = self.reminded(THURSDAY)  # Friday is no working day: the next one is Monday
        self.assertEqual(doc["next_workday"], "2026-06-22")
        self.assertEqual(ids, [self.ids["fran"], self.ids["sam"], self.ids["mona"]])


if __name__ == "__main__":
    unittest.main()
