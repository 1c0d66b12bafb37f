"""Issue 5, part 1 and 2: --format human|json|tsv|csv everywhere, and every exit status provoked.

JSON is parsed by Python's json module and, at least once per command, by jq from Debian; TSV and
CSV are parsed back (csv module; tabs with \\t \\n \\\\ unescaped) and must agree with the JSON.
"""

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
import unicodedata
import unittest

from fu_harness import FuSandbox

NOW = "2026-06-15T09:30"  # Monday, America/New_York (EDT, -04:00)
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)$")
NOTE = 'a, "quoted" word\nsecond line\twith a tab and a \\ backslash'
FORMULAS = ['=HYPERLINK("http://x","click")', "+1+1", "@SUM(A1)", "-2"]
CONTACT_REF_KEYS = {"id", "name", "company", "phone", "email", "tz"}
CONTACT_KEYS = CONTACT_REF_KEYS | {"tags", "note", "created", "archived", "closed", "every", "interest"}
PROMISE_KEYS = {"id", "contact", "earliest", "latest", "state", "text", "zone", "about", "agreed", "via",
                "attempts", "unanswered", "made", "resolved", "reason", "rescheduled_from", "replaced_by",
                "type", "plan_id", "plan_step"}
INTERACTION_KEYS = {"id", "contact", "at", "kind", "outcome", "note", "promise"}
STATS_KEYS = {"since", "made", "on_time", "late", "renegotiated_in_time", "broken", "cancelled", "overdue",
              "open", "on_time_rate", "median_lateness_seconds", "attempts", "reached", "attempts_per_reach"}
CONFIG_KEYS = {"db", "format", "color", "day", "workdays", "holidays", "week_start", "morning", "lunch",
               "afternoon", "evening", "appointment", "cold_after", "give_up_after", "busy_timeout_ms",
               "min_gap", "max_attempts_per_day", "reminder_template", "playbooks", "on_won", "user_name", "user_email"}
DIGEST_KEYS = {"date", "actionable", "overdue", "due_today", "agreed_tomorrow", "no_next_step", "going_cold",
               "yesterday"}

DUE_COLUMNS = ["id", "state", "contact_id", "contact", "company", "phone", "email", "earliest", "latest", "text",
               "about", "agreed", "via", "attempts", "unanswered", "type", "interest"]
CONTACTS_COLUMNS = ["id", "name", "company", "phone", "email", "tags", "tz", "interest", "every"]
LOG_COLUMNS = ["id", "at", "contact_id", "contact", "kind", "outcome", "note", "promise"]
STATS_COLUMNS = ["since", "made", "on_time", "late", "renegotiated_in_time", "broken", "cancelled", "overdue", "open",
                 "on_time_rate", "median_lateness_seconds", "attempts", "reached", "attempts_per_reach"]
WHEN_COLUMNS = ["earliest", "latest", "zone", "text"]


def tsv_unescape(field: str) -> str:
    out, i = [], 0
    while i < len(field):
        ch = field[i]
        if ch == "\\" and i + 1 < len(field):
            nxt = field[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def parse_tsv(test, text: str):
    test.assertTrue(text.endswith("\n"), repr(text))
    rows = [[tsv_unescape(f) for f in line.split("\t")] for line in text[:-1].split("\n")]
    widths = {len(r) for r in rows}
    test.assertEqual(len(widths), 1, f"ragged TSV:\n{text}")
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def parse_csv(test, text: str):
    # RFC 4180: CRLF line ends (a CR/LF inside a quoted field is data).
    test.assertTrue(text.endswith("\r\n"), repr(text))
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    widths = {len(r) for r in rows}
    test.assertEqual(len(widths), 1, f"ragged CSV:\n{text}")
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def unformula(cell: str) -> str:
    """What a CSV cell was before formula neutralisation."""
    return cell[1:] if cell[:2] in {"'" + c for c in "=+-@\t\r"} else cell


def jq(test, text: str, program: str = "."):
    """Parses `text` with jq -e (the real, external parser); returns jq's compact output."""
    proc = subprocess.run(["jq", "-e", "-c", program], input=text.encode(), capture_output=True, timeout=10)
    test.assertEqual(proc.returncode, 0, f"jq -e {program!r} failed: {proc.stderr.decode()}\n{text}")
    return proc.stdout.decode()


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 0 if unicodedata.combining(c) else 1
               for c in s)


def check_times(test, obj, keys):
    for key in keys:
        if obj.get(key) is not None:
            test.assertRegex(obj[key], ISO_WITH_OFFSET, f"{key} in {obj}")


def check_promise(test, p):
    test.assertTrue(PROMISE_KEYS <= set(p), f"missing {PROMISE_KEYS - set(p)}")
    test.assertTrue(CONTACT_REF_KEYS <= set(p["contact"]))
    test.assertIsInstance(p["id"], int)
    test.assertIsInstance(p["agreed"], bool)
    test.assertIn(p["state"], ("overdue", "due", "upcoming", "kept", "late", "renegotiated", "broken", "cancelled"))
    check_times(test, p, ("earliest", "latest", "made", "resolved"))
    test.assertRegex(p["earliest"], ISO_WITH_OFFSET)


def check_interaction(test, i):
    test.assertTrue(INTERACTION_KEYS <= set(i), f"missing {INTERACTION_KEYS - set(i)}")
    test.assertTrue(CONTACT_REF_KEYS <= set(i["contact"]))
    test.assertRegex(i["at"], ISO_WITH_OFFSET)


def check_contact(test, c):
    test.assertTrue(CONTACT_KEYS <= set(c), f"missing {CONTACT_KEYS - set(c)}")
    test.assertIsInstance(c["id"], int)
    test.assertIsInstance(c["tags"], list)
    check_times(test, c, ("created", "archived", "closed"))
    test.assertRegex(c["created"], ISO_WITH_OFFSET)


class Scenario:
    """Contacts with wide and formula-looking names, a promise in each open state, and a tricky note."""

    def __init__(self, test):
        self.fu = fu = FuSandbox(test, now=NOW)
        self.ada = fu.json("add", "Ada", "Lovelace", "--company", "Analytical Engines", "--phone", "+44 20 7946 0100",
                           "--email", "ada@engines.example", "--tag", "prospect", "--tz", "Europe/London")["id"]
        self.yamada = fu.json("add", "山田太郎", "--company", "ソニー", "--phone", "+81 3 1234 5678")["id"]
        self.grace = fu.json("add", "Grace", "Hopper", "--company", "Navy")["id"]
        self.formula_ids = [fu.json("add", "--", name)["id"] for name in FORMULAS]
        # overdue (09:00-09:15 today), due now (until 10:30), upcoming (tomorrow afternoon)
        self.p_overdue = fu.json("promise", str(self.yamada), "tomorrow", "9am", now="2026-06-14T10:00")["id"]
        self.p_due = fu.json("promise", str(self.grace), "within", "the", "hour", "--about", "the, \"deal\"")["id"]
        self.p_upcoming = fu.json("promise", str(self.ada), "tomorrow", "afternoon", "--agreed")["id"]
        self.i_voicemail = fu.json("log", str(self.ada), "voicemail", now="2026-06-14T11:00")["id"]
        self.i_note = fu.json("log", str(self.grace), "note", "--note", NOTE)["id"]


class SharedScenario(unittest.TestCase):
    """One scenario for the whole class (its tests only read), to keep the suite fast."""

    @classmethod
    def setUpClass(cls):
        cls._owner = unittest.TestCase()  # owns the sandbox's cleanups and assertions during setup
        cls.s = Scenario(cls._owner)
        cls.fu = cls.s.fu

    @classmethod
    def tearDownClass(cls):
        cls._owner.doCleanups()

    def setUp(self):
        self.fu.test = self  # failures are reported against the running test


class JsonEverywhere(SharedScenario):
    @classmethod
    def setUpClass(cls):
        if shutil.which("jq") is None:
            raise unittest.SkipTest("jq is not installed")
        super().setUpClass()

    def test_due_json(self):
        out = self.fu.ok("due", "--all", fmt="json")
        self.assertEqual(jq(self, out, "[.[].id]"), f"[{self.s.p_overdue},{self.s.p_due},{self.s.p_upcoming}]\n")
        doc = json.loads(out)
        self.assertIsInstance(doc, list)
        for p in doc:
            check_promise(self, p)
        self.assertEqual([p["state"] for p in doc], ["overdue", "due", "upcoming"])
        self.assertEqual(doc[0]["contact"]["name"], "山田太郎")
        self.assertEqual(doc[0]["earliest"], "2026-06-15T09:00:00-04:00")
        self.assertEqual(doc[0]["latest"], "2026-06-15T09:15:00-04:00")
        self.assertEqual(doc[1]["about"], 'the, "deal"')
        self.assertIs(doc[2]["agreed"], True)
        self.assertEqual(doc[2]["text"], "tomorrow afternoon")
        self.assertEqual(doc[2]["zone"], "Europe/London")  # read in the customer's zone
        self.assertEqual(doc[2]["contact"]["tz"], "Europe/London")
        # London's afternoon, written in the user's zone (TZ) with its offset
        self.assertEqual(doc[2]["earliest"], "2026-06-16T07:00:00-04:00")
        self.assertEqual(doc[2]["latest"], "2026-06-16T12:00:00-04:00")

    def test_contacts_json(self):
        out = self.fu.ok("contacts", fmt="json")
        self.assertEqual(jq(self, out, "length"), "7\n")
        doc = json.loads(out)
        for c in doc:
            check_contact(self, c)
        by_id = {c["id"]: c for c in doc}
        self.assertEqual(by_id[self.s.ada]["tags"], ["prospect"])
        self.assertEqual(by_id[self.s.ada]["email"], "ada@engines.example")
        # JSON keeps names exactly: the ' prefix is only for CSV
        self.assertEqual(sorted(c["name"] for c in doc if c["id"] in self.s.formula_ids), sorted(FORMULAS))
        self.assertIsNone(by_id[self.s.grace]["phone"])

    def test_show_json(self):
        out = self.fu.ok("show", str(self.s.grace), fmt="json")
        self.assertEqual(jq(self, out, ".contact.name"), '"Grace Hopper"\n')
        doc = json.loads(out)
        self.assertTrue({"contact", "unanswered", "attempts", "open_promises", "promises", "interactions"} <= set(doc))
        check_contact(self, doc["contact"])
        self.assertEqual([p["id"] for p in doc["open_promises"]], [self.s.p_due])
        for p in doc["open_promises"] + doc["promises"]:
            check_promise(self, p)
        self.assertEqual([i["id"] for i in doc["interactions"]], [self.s.i_note])
        check_interaction(self, doc["interactions"][0])
        self.assertEqual(doc["interactions"][0]["note"], NOTE)
        self.assertIsNone(doc["interactions"][0]["outcome"])

    def test_log_listing_json(self):
        out = self.fu.ok("log", fmt="json")
        self.assertEqual(jq(self, out, "[.[].id]"), f"[{self.s.i_note},{self.s.i_voicemail}]\n")  # newest first
        doc = json.loads(out)
        for i in doc:
            check_interaction(self, i)
        self.assertEqual(doc[1]["kind"], "voicemail")
        self.assertEqual(doc[1]["outcome"], "left-message")
        self.assertEqual(doc[1]["at"], "2026-06-14T11:00:00-04:00")

    def test_stats_json(self):
        out = self.fu.ok("stats", fmt="json")
        self.assertEqual(jq(self, out, ".made"), "3\n")
        doc = json.loads(out)
        self.assertTrue(STATS_KEYS <= set(doc), STATS_KEYS - set(doc))
        self.assertEqual((doc["overdue"], doc["open"], doc["on_time"]), (1, 2, 0))
        self.assertEqual(doc["on_time_rate"], 0)
        self.assertEqual(doc["attempts"], 1)

    def test_when_json(self):
        out = self.fu.ok("when", "tomorrow", "afternoon", fmt="json")
        self.assertEqual(jq(self, out, ".zone"), '"America/New_York"\n')
        doc = json.loads(out)
        self.assertEqual(doc, {"earliest": "2026-06-16T12:00:00-04:00", "latest": "2026-06-16T17:00:00-04:00",
                               "zone": "America/New_York", "text": "tomorrow afternoon", "notices": []})
        winter = self.fu.json("when", "2026-12-01T14:00+01:00")
        self.assertEqual(winter["earliest"], "2026-12-01T08:00:00-05:00")

    def test_config_json(self):
        out = self.fu.ok("config", fmt="json")
        self.assertEqual(jq(self, out, ".settings.appointment.value"), '15\n')
        doc = json.loads(out)
        self.assertEqual(set(doc), {"file", "settings"})
        self.assertEqual(set(doc["settings"]), CONFIG_KEYS)
        for value in doc["settings"].values():
            self.assertEqual(set(value), {"value", "origin"})

    def test_digest_json(self):
        out = self.fu.ok("digest", fmt="json")
        self.assertEqual(jq(self, out, ".date"), '"2026-06-15"\n')
        doc = json.loads(out)
        self.assertTrue(DIGEST_KEYS <= set(doc), DIGEST_KEYS - set(doc))
        self.assertIs(doc["actionable"], True)
        self.assertEqual([p["id"] for p in doc["overdue"]], [self.s.p_overdue])
        self.assertEqual([p["id"] for p in doc["due_today"]], [self.s.p_due])
        for p in doc["overdue"] + doc["due_today"]:
            check_promise(self, p)

    def test_json_flag_equals_format_json(self):
        for args in (("due", "--all"), ("contacts",), ("show", str(self.s.ada)), ("log",), ("stats",),
                     ("when", "friday", "3pm"), ("digest",)):
            with self.subTest(args=args):
                a = self.fu.ok(*args, "--json")
                b = self.fu.ok(*args, fmt="json")
                self.assertEqual(a, b)
                json.loads(a)
        # fu config says which option chose the format; everything else is the same
        a = json.loads(self.fu.ok("config", "--json"))
        b = json.loads(self.fu.ok("config", fmt="json"))
        self.assertEqual(a["settings"].pop("format"), {"value": "json", "origin": "--json"})
        self.assertEqual(b["settings"].pop("format"), {"value": "json", "origin": "--format"})
        self.assertEqual(a, b)

    def test_human_is_not_json(self):
        out = self.fu.ok("due", "--all")
        with self.assertRaises(json.JSONDecodeError):
            json.loads(out)
        self.assertIn("山田太郎", out)


class TsvAndCsvAgreeWithJson(SharedScenario):
    def both(self, columns, *args):
        """Runs a listing as tsv and csv, checks the header, returns (tsv rows, csv rows)."""
        tsv_head, tsv_rows = parse_tsv(self, self.fu.ok(*args, fmt="tsv"))
        csv_head, csv_rows = parse_csv(self, self.fu.ok(*args, fmt="csv"))
        self.assertEqual(tsv_head, columns)
        self.assertEqual(csv_head, columns)
        self.assertEqual(len(tsv_rows), len(csv_rows))
        return tsv_rows, csv_rows

    def test_due(self):
        doc = self.fu.json("due", "--all")
        tsv_rows, csv_rows = self.both(DUE_COLUMNS, "due", "--all")
        for rows in (tsv_rows, csv_rows):
            self.assertEqual([int(r["id"]) for r in rows], [p["id"] for p in doc])
            self.assertEqual([r["state"] for r in rows], [p["state"] for p in doc])
            self.assertEqual([int(r["contact_id"]) for r in rows], [p["contact"]["id"] for p in doc])
            self.assertEqual([r["earliest"] for r in rows], [p["earliest"] for p in doc])
            self.assertEqual([r["latest"] for r in rows], [p["latest"] for p in doc])
            self.assertEqual([r["text"] for r in rows], [p["text"] for p in doc])
            self.assertEqual([r["agreed"] for r in rows], ["false", "false", "true"])
        self.assertEqual([r["about"] for r in tsv_rows], [p["about"] or "" for p in doc])
        self.assertEqual([r["about"] for r in csv_rows], [p["about"] or "" for p in doc])
        self.assertEqual(tsv_rows[0]["contact"], "山田太郎")
        self.assertEqual(tsv_rows[0]["phone"], "+81 3 1234 5678")
        self.assertEqual(csv_rows[0]["phone"], "'+81 3 1234 5678")  # a phone starting with + is neutralised

    def test_contacts(self):
        doc = self.fu.json("contacts")
        tsv_rows, csv_rows = self.both(CONTACTS_COLUMNS, "contacts")
        for rows in (tsv_rows, csv_rows):
            self.assertEqual([int(r["id"]) for r in rows], [c["id"] for c in doc])
            self.assertEqual([unformula(r["name"]) for r in rows], [c["name"] for c in doc])
            self.assertEqual([r["tz"] for r in rows], [c["tz"] or "" for c in doc])
            self.assertEqual([r["tags"] for r in rows], [",".join(c["tags"]) for c in doc])
        self.assertEqual([r["name"] for r in tsv_rows], [c["name"] for c in doc])  # TSV keeps names as they are

    def test_csv_neutralises_formulas(self):
        _, rows = parse_csv(self, self.fu.ok("contacts", fmt="csv"))
        names = {int(r["id"]): r["name"] for r in rows}
        for cid, name in zip(self.s.formula_ids, FORMULAS):
            with self.subTest(name=name):
                self.assertEqual(names[cid], "'" + name)
        self.assertEqual(names[self.s.ada], "Ada Lovelace")  # ordinary names untouched
        self.assertEqual(names[self.s.yamada], "山田太郎")
        raw = self.fu.ok("contacts", fmt="csv")
        self.assertNotRegex(raw, r"(^|,|\r\n)\"?[=+@-]", "a cell starts with a formula character")

    def test_csv_neutralises_a_note_starting_with_a_tab_or_equals(self):
        fu = FuSandbox(self, now=NOW)
        fu.ok("add", "Ada")
        fu.ok("log", "ada", "note", "--note", "\tindented", now="2026-06-15T09:00")
        fu.ok("log", "ada", "note", "--note", "=1+2")
        _, rows = parse_csv(self, fu.ok("log", fmt="csv"))
        self.assertEqual([r["note"] for r in rows], ["'=1+2", "'\tindented"])

    def test_log_listing_and_a_tricky_note_round_trips(self):
        doc = self.fu.json("log")
        tsv_rows, csv_rows = self.both(LOG_COLUMNS, "log")
        for rows in (tsv_rows, csv_rows):
            self.assertEqual([int(r["id"]) for r in rows], [i["id"] for i in doc])
            self.assertEqual([r["at"] for r in rows], [i["at"] for i in doc])
            self.assertEqual([r["kind"] for r in rows], [i["kind"] for i in doc])
            self.assertEqual(rows[0]["note"], NOTE)
            self.assertEqual(rows[1]["promise"], "")
        raw_tsv = self.fu.ok("log", fmt="tsv")
        self.assertEqual(raw_tsv.count("\n"), 3, "a newline inside a TSV field must be escaped")
        self.assertIn("second line\\twith a tab", raw_tsv)
        self.assertIn("\\\\ backslash", raw_tsv)
        raw_csv = self.fu.ok("log", fmt="csv")
        self.assertIn('"a, ""quoted"" word\nsecond line', raw_csv)  # RFC 4180 quoting, quotes doubled

    def test_stats(self):
        doc = self.fu.json("stats")
        self.assertEqual(list(doc), STATS_COLUMNS)
        tsv_rows, csv_rows = self.both(STATS_COLUMNS, "stats")
        for rows in (tsv_rows, csv_rows):
            self.assertEqual(len(rows), 1)
            for key, value in rows[0].items():
                if doc[key] is None:
                    self.assertEqual(value, "")
                else:
                    self.assertAlmostEqual(float(value), float(doc[key]), places=3)

    def test_when(self):
        doc = self.fu.json("when", "in", "2-3", "days")
        tsv_rows, csv_rows = self.both(WHEN_COLUMNS, "when", "in", "2-3", "days")
        for rows in (tsv_rows, csv_rows):
            self.assertEqual(rows, [{k: doc[k] for k in WHEN_COLUMNS}])
        self.assertEqual(doc["earliest"], "2026-06-17T09:00:00-04:00")
        self.assertEqual(doc["latest"], "2026-06-18T17:00:00-04:00")

    def test_empty_listings_have_just_the_header(self):
        fu = FuSandbox(self)
        self.assertEqual(fu.ok("due", fmt="tsv"), "\t".join(DUE_COLUMNS) + "\n")
        self.assertEqual(fu.ok("contacts", fmt="csv"), ",".join(CONTACTS_COLUMNS) + "\r\n")
        self.assertEqual(fu.json("due"), [])
        self.assertFalse(fu.db.exists())


class WritesPrintTheObject(unittest.TestCase):
    def test_every_write_prints_json_a_script_can_capture(self):
        fu = FuSandbox(self, now=NOW)
        out = fu.ok("add", "Bob", "Builder", "--company", "Acme", fmt="json")
        bob = int(jq(self, out, ".id"))  # id=$(fu add X --json | jq .id)
        check_contact(self, json.loads(out))
        self.assertEqual(json.loads(out)["name"], "Bob Builder")

        edited = fu.json("edit", str(bob), "--phone", "+1 212 555 0100")
        check_contact(self, edited)
        self.assertEqual((edited["id"], edited["phone"]), (bob, "+1 212 555 0100"))

        out = fu.ok("promise", str(bob), "tomorrow", "--about", "pricing", fmt="json")
        p1 = int(jq(self, out, ".id"))
        promise = json.loads(out)
        check_promise(self, promise)
        self.assertEqual((promise["state"], promise["about"], promise["contact"]["id"]), ("upcoming", "pricing", bob))

        moved = fu.json("reschedule", str(bob), "friday", "--reason", "legal", "--promise", str(p1))
        check_promise(self, moved)
        self.assertNotEqual(moved["id"], p1)
        self.assertEqual(moved["previous"]["id"], p1)
        self.assertEqual(moved["previous"]["state"], "renegotiated")
        self.assertEqual(moved["rescheduled_from"], p1)
        self.assertEqual(moved["about"], "pricing")
        p2 = moved["id"]

        logged = fu.json("log", str(bob), "--note", "called", "--promise", f"p{p2}", "--next", "wednesday",
                         "--agreed")
        check_interaction(self, logged)
        self.assertEqual(logged["promise"], p2)
        self.assertEqual(logged["kept"]["id"], p2)
        self.assertEqual(logged["kept"]["state"], "kept")
        self.assertIs(logged["next"]["agreed"], True)
        self.assertEqual((logged["cancelled"], logged["unanswered"]), ([], 0))
        p3 = logged["next"]["id"]
        self.assertEqual(fu.json("show", str(bob))["open_promises"][0]["id"], p3)

        cancelled = fu.json("cancel", str(bob), "--reason", "bought elsewhere")
        check_promise(self, cancelled)
        self.assertEqual((cancelled["id"], cancelled["state"], cancelled["reason"]), (p3, "cancelled", "bought elsewhere"))

        removed = fu.json("rm", str(bob))
        self.assertEqual((removed["id"], removed["purged"]), (bob, False))
        self.assertRegex(removed["archived"], ISO_WITH_OFFSET)
        restored = fu.json("restore", str(bob))
        self.assertEqual((restored["id"], restored["archived"]), (bob, None))

    def test_quiet_json_still_prints_the_object(self):
        fu = FuSandbox(self, now=NOW)
        out = fu.ok("-q", "add", "Quinn", fmt="json")
        self.assertEqual(json.loads(out)["name"], "Quinn")


class HumanTables(unittest.TestCase):
    def test_wide_names_align_in_contacts(self):
        fu = FuSandbox(self, now=NOW)
        fu.ok("add", "山田太郎", "--company", "ソニー", "--phone", "+81 3 1234 5678")
        fu.ok("add", "Ada", "Lovelace", "--company", "Analytical Engines", "--phone", "+44 20 7946 0100")
        fu.ok("add", "Zoë", "Çelik", "--company", "Özel", "--phone", "+90 212 555 0100")
        fu.ok("add", "Kim", "--company", "한국전자", "--phone", "+82 2 555 0100")
        out = fu.ok("contacts")
        rows = [line for line in out.splitlines() if line.strip()]
        header = rows[0]
        self.assertIn("COMPANY", header)
        company_col = display_width(header[:header.index("COMPANY")])
        phone_col = display_width(header[:header.index("PHONE")])
        companies = {"山田太郎": "ソニー", "Ada Lovelace": "Analytical Engines", "Zoë Çelik": "Özel", "Kim": "한국전자"}
        phones = ["+81 3 1234 5678", "+44 20 7946 0100", "+90 212 555 0100", "+82 2 555 0100"]
        seen = 0
        for row in rows[1:]:
            for name, company in companies.items():
                if name in row:
                    seen += 1
                    self.assertEqual(display_width(row[:row.index(company, row.index(name) + len(name))]), company_col,
                                     f"company column of {name!r} misaligned:\n{out}")
                    phone = next(p for p in phones if p in row)
                    self.assertEqual(display_width(row[:row.index(phone)]), phone_col,
                                     f"phone column of {name!r} misaligned:\n{out}")
        self.assertEqual(seen, 4, out)


class ExitStatuses(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now=NOW)

    def test_0_success_including_nothing_due(self):
        r = self.fu.run("due")
        self.assertEqual(r.status, 0, str(r))
        self.assertTrue(r.out.strip())
        self.assertEqual(self.fu.run("due", "--check").status, 0)

    def test_1_only_with_due_check_when_overdue_or_due_now(self):
        fu = self.fu
        fu.ok("add", "Ada")
        fu.ok("promise", "ada", "in", "a", "week")
        r = fu.run("due", "--check", "--all")
        self.assertEqual(r.status, 0, f"only upcoming must exit 0\n{r}")
        fu.ok("promise", "ada", "within", "the", "hour")  # due now
        r = fu.run("due", "--check")
        self.assertEqual(r.status, 1, f"due now must exit 1\n{r}")
        self.assertIn("Ada", r.out)  # the list is printed as usual
        self.assertEqual(r.err, "")
        self.assertEqual(fu.run("due").status, 0, "without --check, due exits 0")
        r = fu.run("due", "--check", now="2026-06-15T11:00")  # now overdue
        self.assertEqual(r.status, 1, str(r))
        self.assertEqual(fu.run("due", "--check", "--json", now="2026-06-15T11:00").status, 1)
        fu.ok("log", "ada", now="2026-06-15T11:00")
        self.assertEqual(fu.run("due", "--check", now="2026-06-15T11:00").status, 0)

    def test_2_bad_usage_or_input(self):
        fu = self.fu
        fu.ok("add", "Ada")
        fu.fail(2, "due", "--bogus")
        fu.fail(2, "frobnicate")
        fu.fail(2, "promise", "ada", "someday")
        fu.fail(2, "when", "tomorow")
        fu.fail(2, "add", b"Bad \xff\xfe name")
        fu.fail(2, "log", "ada", "--note", b"\xc3\x28")
        r = fu.fail(2, "add", "x" * 300)
        self.assertIn("too long", r.err)
        r = fu.fail(2, "log", "ada", "--note", "y" * 70_000)
        self.assertIn("too long", r.err)
        fu.fail(2, "due", "--format", "yaml")
        fu.fail(2, "contacts", "--format", "markdown")
        fu.fail(2, "digest", "--format", "csv")
        fu.fail(2, "due", "--color", "sometimes")
        self.assertEqual(fu.json("contacts")[0]["name"], "Ada")
        self.assertEqual(len(fu.json("log")), 0, "a refused write changed something")

    def test_3_not_found_or_ambiguous(self):
        fu = self.fu
        fu.ok("add", "Ada", "Lovelace")
        fu.ok("add", "Ada", "Byron")
        fu.ok("add", "Bob")
        fu.ok("promise", "bob", "tomorrow")
        self.assertIn("zed", fu.fail(3, "show", "zed").err)
        r = fu.fail(3, "promise", "ada", "tomorrow")
        self.assertIn("Lovelace", r.err)
        self.assertIn("Byron", r.err)
        r = fu.fail(3, "cancel", "bob", "--promise", "999")
        self.assertIn("999", r.err)
        fu.fail(3, "reschedule", "ada lovelace", "friday")  # no open promise
        self.assertEqual(fu.json("due", "--all")[0]["state"], "upcoming")

    def test_4_database_cannot_be_used(self):
        fu = self.fu
        # an SQLite database that is not fu's
        other = fu.root / "other.db"
        con = sqlite3.connect(other)
        con.execute("create table notes(x)")
        con.commit()
        con.close()
        self.assertIn("not a fu database", fu.fail(4, "due", db=other).err)
        fu.fail(4, "add", "X", db=other)
        # a garbage file
        garbage = fu.root / "garbage.db"
        garbage.write_bytes(bytes(range(256)) * 20)
        fu.fail(4, "due", db=garbage)
        fu.fail(4, "add", "X", db=garbage)
        self.assertEqual(garbage.read_bytes(), bytes(range(256)) * 20)
        # a database made by a newer fu
        fu.ok("add", "Ada")
        con = sqlite3.connect(fu.db)
        (version,) = con.execute("pragma user_version").fetchone()
        con.execute(f"pragma user_version = {version + 50}")
        con.commit()
        con.close()
        r = fu.fail(4, "due")
        self.assertIn("newer", r.err)
        fu.fail(4, "add", "Bob")
        # a path that cannot be created
        fu.fail(4, "add", "X", db="/proc/nope/fu.db")


if __name__ == "__main__":
    unittest.main()
