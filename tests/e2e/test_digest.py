"""Issue 5, part 3: `fu digest`, the morning summary for a mail client or cron."""

import json
import subprocess
import unittest

from fu_harness import FuSandbox

DIGEST_DAY = "2026-06-16T07:30"  # Tuesday, America/New_York
MONDAY = "2026-06-15T09:30"
SECTIONS = ("Overdue", "Due today", "Agreed for tomorrow — send a reminder today", "No next step", "Going cold",
            "Yesterday")
JSON_KEYS = {"date", "actionable", "overdue", "due_today", "agreed_tomorrow", "no_next_step", "going_cold",
             "yesterday"}


def write_config(fu, text):
    path = fu.root / "xdg-config" / "fu" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def headings(text):
    """The section titles of a human digest: unindented lines, without the '(n)' count."""
    out = []
    for line in text.splitlines():
        if line and not line.startswith(" ") and not line.startswith("Follow-ups for"):
            out.append(line.rsplit(" (", 1)[0] if line.endswith(")") else line)
    return out


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


class EverythingToDo(unittest.TestCase):
    """A Tuesday morning with something in every section."""

    @classmethod
    def setUpClass(cls):
        cls._owner = unittest.TestCase()
        fu = cls.fu = FuSandbox(cls._owner, now=MONDAY)
        ids = cls.ids = {}
        # going cold: last interaction 46 days before the digest
        ids["carl"] = fu.json("add", "Carl", "Cold", now="2026-05-01T10:00")["id"]
        fu.ok("log", "carl", "--note", "old chat", now="2026-05-01T10:00")
        # last interaction 13 days before: cold only with cold_after = 10
        ids["tess"] = fu.json("add", "Tess", "Tepid", now="2026-06-03T10:00")["id"]
        fu.ok("log", "tess", now="2026-06-03T10:00")
        ids["olga"] = fu.json("add", "Olga", "Overdue", "--phone", "+1 212 555 0100")["id"]
        ids["p_olga"] = fu.json("promise", "olga", "eod", "--about", "the invoice")["id"]
        ids["dave"] = fu.json("add", "Dave", "Due", "--phone", "+1 212 555 0101")["id"]
        ids["p_dave"] = fu.json("promise", "dave", "tomorrow", "afternoon", "--about", "the quote")["id"]
        ids["agnes"] = fu.json("add", "Agnes", "Agreed")["id"]
        ids["p_agnes"] = fu.json("promise", "agnes", "wednesday", "10am", "--agreed", "--about", "the demo")["id"]
        # Not agreed, tomorrow: not in the reminder section
        ids["una"] = fu.json("add", "Una", "Unagreed")["id"]
        ids["p_una"] = fu.json("promise", "una", "wednesday", "11am")["id"]
        ids["nina"] = fu.json("add", "Nina", "Nonext")["id"]
        fu.ok("log", "nina", "--note", "call me sometime")
        # yesterday: kept on time, kept late, broken
        ids["kim"] = fu.json("add", "Kim", "Kept")["id"]
        ids["p_kim"] = fu.json("promise", "kim", "within", "the", "hour")["id"]
        fu.ok("log", "kim", "--next", "in", "a", "month", now="2026-06-15T10:00")
        ids["lee"] = fu.json("add", "Lee", "Late", now="2026-06-12T09:30")["id"]
        ids["p_lee"] = fu.json("promise", "lee", "today", now="2026-06-12T09:30")["id"]
        fu.ok("log", "lee", "--next", "in", "a", "month")
        ids["bo"] = fu.json("add", "Bo", "Broken", now="2026-06-12T09:30")["id"]
        ids["p_bo"] = fu.json("promise", "bo", "today", now="2026-06-12T09:30")["id"]
        fu.run("reschedule", "bo", "in", "a", "month")
        # kept two days ago: not yesterday
        ids["old"] = fu.json("add", "Otto", "Older", now="2026-06-14T09:00")["id"]
        ids["p_old"] = fu.json("promise", "otto", "within", "the", "hour", now="2026-06-14T09:00")["id"]
        fu.ok("log", "otto", "--next", "in", "a", "month", now="2026-06-14T09:10")

    @classmethod
    def tearDownClass(cls):
        cls._owner.doCleanups()

    def setUp(self):
        self.fu.test = self

    def test_human_has_every_section_in_order(self):
        out = self.fu.ok("digest", "--if-any", now=DIGEST_DAY)
        self.assertTrue(out.startswith("Follow-ups for Tue 16 Jun"), out)
        self.assertEqual(headings(out), list(SECTIONS), out)
        overdue = section_lines(out, "Overdue")
        self.assertEqual(len(overdue), 1, out)
        self.assertIn("Olga Overdue", overdue[0])
        self.assertIn("+1 212 555 0100", overdue[0])
        self.assertIn("the invoice", overdue[0])
        self.assertRegex(overdue[0], r"overdue \d+h")  # with how long
        due = section_lines(out, "Due today")
        self.assertEqual(len(due), 1, out)
        for part in ("Dave Due", "12:00–17:00", "+1 212 555 0101", "the quote"):
            self.assertIn(part, due[0])
        agreed = section_lines(out, SECTIONS[2])
        self.assertEqual(len(agreed), 1, out)
        self.assertIn("Agnes Agreed", agreed[0])
        self.assertIn("10:00", agreed[0])
        self.assertNotIn("Una", out)
        nonext = section_lines(out, "No next step")
        self.assertEqual([n.split(" —")[0].lstrip("- ") for n in nonext], ["Nina Nonext", "Tess Tepid"], out)
        cold = section_lines(out, "Going cold")
        self.assertEqual(len(cold), 1, out)
        self.assertIn("Carl Cold", cold[0])
        yesterday = "\n".join(section_lines(out, "Yesterday"))
        self.assertRegex(yesterday, r"kept on time: Kim Kept")
        self.assertRegex(yesterday, r"kept late: Lee Late")
        self.assertRegex(yesterday, r"broken: Bo Broken")
        self.assertNotIn("Otto", out)
        self.assertNotIn("\x1b", out)

    def test_counts_in_headings(self):
        out = self.fu.ok("digest", now=DIGEST_DAY)
        self.assertIn("Overdue (1)", out.splitlines())
        self.assertIn("No next step (2)", out.splitlines())

    def test_markdown(self):
        out = self.fu.ok("digest", "--if-any", fmt="markdown", now=DIGEST_DAY)
        lines = out.splitlines()
        titles = [line[3:].rsplit(" (", 1)[0] for line in lines if line.startswith("## ")]
        self.assertEqual(titles, list(SECTIONS), out)
        self.assertTrue(lines[0].startswith("# "), out)
        items = [line for line in lines if line.startswith("- ")]
        self.assertEqual(len(items), 1 + 1 + 1 + 2 + 1 + 3, out)
        for line in lines:
            self.assertTrue(line == "" or line.startswith(("# ", "## ", "- ")), f"stray line {line!r}:\n{out}")
        self.assertNotIn("\x1b", out)

    def test_json(self):
        out = self.fu.ok("digest", "--if-any", fmt="json", now=DIGEST_DAY)
        proc = subprocess.run(["jq", "-e", "-c", "[.date, .actionable, (.overdue | length)]"], input=out.encode(),
                              capture_output=True, timeout=10)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.decode(), '["2026-06-16",true,1]\n')
        doc = json.loads(out)
        self.assertTrue(JSON_KEYS <= set(doc), JSON_KEYS - set(doc))
        ids = self.ids
        self.assertEqual([p["id"] for p in doc["overdue"]], [ids["p_olga"]])
        self.assertEqual(doc["overdue"][0]["state"], "overdue")
        self.assertEqual([p["id"] for p in doc["due_today"]], [ids["p_dave"]])
        self.assertEqual([p["id"] for p in doc["agreed_tomorrow"]], [ids["p_agnes"]])
        self.assertIs(doc["agreed_tomorrow"][0]["agreed"], True)
        self.assertEqual(sorted(c["id"] for c in doc["no_next_step"]), sorted([ids["nina"], ids["tess"]]))
        self.assertEqual([c["id"] for c in doc["going_cold"]], [ids["carl"]])
        self.assertEqual(doc["going_cold"][0]["last_interaction"], "2026-05-01T10:00:00-04:00")
        states = {p["id"]: p["state"] for p in doc["yesterday"]}
        self.assertEqual(states, {ids["p_kim"]: "kept", ids["p_lee"]: "late", ids["p_bo"]: "broken"})

    def test_cold_after_from_the_config_file(self):
        write_config(self.fu, "# a shorter fuse\ncold_after = 10\n")
        self.addCleanup(lambda: (self.fu.root / "xdg-config" / "fu" / "config.toml").unlink())
        doc = self.fu.json("digest", now=DIGEST_DAY)
        self.assertEqual(sorted(c["id"] for c in doc["going_cold"]), sorted([self.ids["carl"], self.ids["tess"]]))
        self.assertEqual([c["id"] for c in doc["no_next_step"]], [self.ids["nina"]])
        out = self.fu.ok("digest", now=DIGEST_DAY)
        self.assertIn("Tess Tepid", "\n".join(section_lines(out, "Going cold")))

    def test_cold_threshold_is_more_than_30_days(self):
        # 40 days after Carl's last call he is cold; 29 days after, he is not
        self.assertEqual([c["id"] for c in self.fu.json("digest", now="2026-05-30T08:00")["going_cold"]], [])
        self.assertIn(self.ids["carl"],
                      [c["id"] for c in self.fu.json("digest", now="2026-06-10T08:00")["going_cold"]])


class NothingToDo(unittest.TestCase):
    def test_missing_database_is_silent(self):
        fu = FuSandbox(self)
        r = fu.run("digest", "--if-any")
        self.assertEqual((r.status, r.out, r.err), (0, "", ""))
        self.assertFalse(fu.db.exists())
        self.assertFalse(fu.db.parent.exists())
        out = fu.ok("digest")  # without --if-any, a friendly line
        self.assertIn("Nothing to follow up today.", out)
        doc = fu.json("digest")
        self.assertIs(doc["actionable"], False)
        self.assertEqual(fu.ok("digest", "--if-any", fmt="json"), "")
        self.assertEqual(fu.ok("digest", "--if-any", fmt="markdown"), "")

    def test_empty_database_is_silent(self):
        fu = FuSandbox(self)
        fu.ok("add", "Ada")  # a contact with no history is not in follow-up
        r = fu.run("digest", "--if-any")
        self.assertEqual((r.status, r.out, r.err), (0, "", ""))

    def test_only_far_future_promises_is_silent(self):
        fu = FuSandbox(self, now=MONDAY)
        fu.ok("add", "Fay", "Future")
        fu.ok("promise", "fay", "in", "a", "month")
        fu.ok("add", "Gus", "Agreed")
        fu.ok("promise", "gus", "in", "2", "weeks", "--agreed")
        r = fu.run("digest", "--if-any", now=DIGEST_DAY)
        self.assertEqual((r.status, r.out, r.err), (0, "", ""))
        # ... but the day the agreed time is tomorrow, it asks for a reminder
        out = fu.ok("digest", "--if-any", now="2026-06-28T07:30")
        self.assertIn("Agreed for tomorrow — send a reminder today", out)
        self.assertIn("Gus Agreed", out)

    def test_yesterday_alone_is_not_actionable(self):
        fu = FuSandbox(self, now=MONDAY)
        fu.ok("add", "Kim")
        fu.ok("promise", "kim", "within", "the", "hour")
        fu.ok("log", "kim", "--next", "in", "a", "month")
        self.assertEqual(fu.ok("digest", "--if-any", now=DIGEST_DAY), "")
        doc = fu.json("digest", now=DIGEST_DAY)
        self.assertIs(doc["actionable"], False)
        self.assertEqual(len(doc["yesterday"]), 1)
        out = fu.ok("digest", now=DIGEST_DAY)
        self.assertIn("Yesterday", out)

    def test_if_any_speaks_when_one_promise_is_due_or_overdue(self):
        fu = FuSandbox(self, now=MONDAY)
        fu.ok("add", "Olga")
        fu.ok("promise", "olga", "eod")
        self.assertEqual(headings(fu.ok("digest", "--if-any", now="2026-06-15T16:00")), ["Due today"])
        self.assertEqual(headings(fu.ok("digest", "--if-any", now=DIGEST_DAY)), ["Overdue"])
