"""End-to-end: fu's iCalendar and vCard output read by independent parsers (python3-icalendar and
python3-vobject, in a subprocess: the Python running the tests may not have them; skipped only
when no Python here does).

The book is the one in exchange_common.py; its open promises of contacts not archived are p4 (Ada,
agreed), p5 (Hedy), p6 (Alan, agreed), p7 (José), p9 (Grace, rescheduled), p10 (Alan's playbook
step) and p11 (Hedy, an email); Katherine's p8 is open but she is archived.
"""

import json
import re
import unittest
from datetime import datetime, timezone

from exchange_common import MON, build_book, export, parse, write_ok
from fu_harness import FuSandbox

OPEN_NOT_ARCHIVED = [4, 5, 6, 7, 9, 10, 11]


def utc(iso_z):
    return datetime.strptime(iso_z, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).isoformat()


class CalendarTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        build_book(self, self.fu)
        doc = json.loads(export(self.fu))
        self.promises = {p["id"]: p for p in doc["promises"]}
        self.names = {c["id"]: c["name"] for c in doc["contacts"]}

    def feed(self, name, *args, now=MON):
        text = self.fu.ok(*args, now=now)
        path = self.fu.root / name
        path.write_bytes(text.encode("utf-8"))
        return text, parse(self, "ics", path)

    def expected_event(self, pid):
        p = self.promises[pid]
        verb = {"call": "Call", "email": "Email"}[p["via"]]
        return {"start": utc(p["earliest"]), "end": utc(p["latest"]),
                "summary": f"{verb} {self.names[p['contact']]} — {p['about']}"}

    def check_events(self, parsed, ids):
        events = parsed["events"]
        self.assertEqual(len(events), len(ids))
        uids = [e["uid"] for e in events]
        self.assertEqual(len(set(uids)), len(uids), uids)
        got = {}
        for event in events:
            m = re.fullmatch(r"fu-p(\d+)-\d+@fu", event["uid"])
            self.assertIsNotNone(m, event["uid"])
            got[int(m.group(1))] = event
        self.assertEqual(sorted(got), sorted(ids))
        for pid in ids:
            expected = self.expected_event(pid)
            self.assertEqual({k: got[pid][k] for k in expected}, expected, f"p{pid}")
        # vobject reads the same events.
        self.assertEqual([(e["uid"], e["start"], e["end"], e["summary"]) for e in parsed["vobject"]],
                         [(e["uid"], e["start"], e["end"], e["summary"]) for e in events])
        return got

    def test_export_ics_has_one_event_per_open_promise(self):
        text, parsed = self.feed("export.ics", "export", "--format", "ics")
        self.assertEqual((parsed["version"], parsed["method"]), ("2.0", "PUBLISH"))
        got = self.check_events(parsed, OPEN_NOT_ARCHIVED)
        self.assertEqual(got[4]["status"], "CONFIRMED")  # agreed
        self.assertEqual(got[5]["status"], "TENTATIVE")
        # UTC times, CRLF lines, folded at 75 octets.
        self.assertRegex(text, r"\r\nDTSTART:20260615T123000Z\r\nDTEND:20260615T143000Z\r\n")
        self.assertNotIn("\n", text.replace("\r\n", ""))
        for line in text.split("\r\n"):
            self.assertLessEqual(len(line.encode("utf-8")), 75, line)
        self.assertNotIn("Katherine", text)
        # By when they open.
        starts = [e["start"] for e in parsed["events"]]
        self.assertEqual(starts, sorted(starts))

    def test_uids_are_stable(self):
        _, monday = self.feed("monday.ics", "export", "--format", "ics")
        _, later = self.feed("later.ics", "export", "--format", "ics", now="2026-06-15T09:45")
        self.assertEqual([e["uid"] for e in later["events"]], [e["uid"] for e in monday["events"]])

    def test_due_ics_is_the_due_listing(self):
        due = self.fu.json("due")
        ids = [row["id"] for row in due if row["type"] == "promise"]
        self.assertEqual(sorted(ids), [4, 5, 6, 10])
        _, parsed = self.feed("due.ics", "due", "--format", "ics")
        self.check_events(parsed, ids)
        due_all = [row["id"] for row in self.fu.json("due", "--all") if row["type"] == "promise"]
        _, parsed = self.feed("due-all.ics", "due", "--all", "--format", "ics")
        self.check_events(parsed, due_all)
        self.assertEqual(sorted(due_all), OPEN_NOT_ARCHIVED)

    def test_invite(self):
        config = self.fu.root / "invite.toml"
        config.write_text('user_name = "Sam Seller"\nuser_email = "sam@example.com"\n', encoding="utf-8")
        text, parsed = self.feed("invite.ics", "--config", str(config), "invite", "p11")
        self.assertEqual(parsed["method"], "REQUEST")
        self.assertEqual(parsed["vobject_method"], "REQUEST")
        self.assertEqual(len(parsed["events"]), 1)
        event = parsed["events"][0]
        p = self.promises[11]
        self.assertEqual((event["start"], event["end"]), (utc(p["earliest"]), utc(p["latest"])))
        self.assertEqual(event["summary"], "Email with Sam Seller — feedback on the kit")
        self.assertEqual((event["organizer"], event["organizer_cn"]), ("mailto:sam@example.com", "Sam Seller"))
        self.assertEqual(event["attendees"], ["mailto:hedy@hopping.example"])
        self.assertRegex(event["uid"], r"^fu-p11-\d+@fu$")
        # The user's own notes stay out of what the customer receives.
        self.assertNotIn("+49 30 5550 1234", text)
        # Without user_name the organizer is the email alone.
        config.write_text('user_email = "sam@example.com"\n', encoding="utf-8")
        _, parsed = self.feed("invite2.ics", "--config", str(config), "invite", "hedy", "--promise", "p11")
        self.assertEqual(parsed["events"][0]["summary"], "Email with sam@example.com — feedback on the kit")
        self.assertEqual(parsed["events"][0]["organizer"], "mailto:sam@example.com")


class VcardTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        build_book(self, self.fu)
        write_ok(self, self.fu, "add", "Kenji Watanabe (渡辺健二)", "--email", "kenji@example.jp",
                 "--note", "x" * 30 + "渡辺健二" * 20)
        self.contacts = {c["name"]: c for c in json.loads(export(self.fu))["contacts"] if c["archived"] is None}

    def check(self, version, *args):
        text = self.fu.ok("export", "--format", "vcard", *args)
        path = self.fu.root / f"cards-{version}.vcf"
        path.write_bytes(text.encode("utf-8"))
        cards = parse(self, "vcard", path)["cards"]
        self.assertEqual(len(cards), len(self.contacts))
        self.assertEqual(len(cards), 9)  # the book's 8 not archived, and Kenji
        by_fn = {card["fn"]: card for card in cards}
        self.assertEqual(sorted(by_fn), sorted(self.contacts))
        for name, c in self.contacts.items():
            card = by_fn[name]
            self.assertEqual(card["version"], version)
            self.assertEqual(card["email"], [c["email"]] if c["email"] else [], name)
            self.assertEqual(card["tel"], [c["phone"]] if c["phone"] else [], name)
            self.assertEqual(card["categories"], c["tags"], name)
            self.assertEqual(card["note"], [c["note"]] if c["note"] else [], name)
            self.assertEqual(len(card["uid"]), 1)
        self.assertEqual(by_fn["Émile Zola"]["org"], [["L'Assommoir & Fils"]])
        for line in text.split("\r\n"):
            self.assertLessEqual(len(line.encode("utf-8")), 75, line)
        return text, by_fn

    def test_vcard_4_0(self):
        text, _ = self.check("4.0")
        self.assertNotIn("Katherine", text)

    def test_vcard_3_0(self):
        text3, cards3 = self.check("3.0", "--vcard-version", "3.0")
        _, cards4 = self.check("4.0", "--vcard-version", "4.0")
        # The same card, whichever version: its UID too.
        self.assertEqual({n: c["uid"] for n, c in cards3.items()}, {n: c["uid"] for n, c in cards4.items()})


if __name__ == "__main__":
    unittest.main()
