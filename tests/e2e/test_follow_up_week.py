"""End-to-end: a salesperson's week (issue 4) — promise, due, log, reschedule, cancel, show, stats.

The user works in New York. --now moves forward from Monday 15 June 2026 to Friday 19 June. Each test
replays the week up to a checkpoint (every write is checked as it is replayed) and then checks `due`,
`show` and `stats` there, in human text and JSON, with exact expected numbers.

Contacts (ids in order of adding):
  1 Ada Lovelace (Analytical Engines)       called late, then `log --next`, then that promise cancelled
  2 Grace Hopper (Compiler Corp)            voicemails pile up (1, 2, 3 unanswered), then she calls back
  3 Hedy Lamarr (Frequency Hopping GmbH)    in Europe/Berlin; window missed, rescheduled late (broken)
  4 Alan Turing (Bletchley Analytics)       an agreed appointment, friday 3pm, kept on time
  5 Linus Pauling (Vitamin C Ltd)           email promise, renegotiated in time, then overdue again
  6 Margaret Hamilton (Apollo Software)     says "not interested": her open promises are cancelled
  7 Dorothy Vaughan (FORTRAN Training)      promised "this afternoon" and forgotten all week
  8 Katherine Johnson (Orbital Mechanics)   never contacted: never in "No next step"

Promise ids, in order of making:
  1 Ada     tomorrow afternoon   Tue 12:00–17:00         late (called Tue 18:30)
  2 Grace   eod                  Mon 09:30–17:00         kept (voicemail Mon 16:00)
  3 Hedy    tomorrow afternoon   Tue 06:00–11:00 NY      broken (rescheduled Wed 09:30) -> 12
  4 Alan    friday 3pm --agreed  Fri 15:00–15:15         kept (call Fri 15:05)
  5 Linus   in 2-3 days --via email  Wed 09:00–Thu 17:00 renegotiated (Thu 09:30) -> 13
  6 Margaret in a day or so      Mon 09:30–Tue 17:00     kept (the not-interested call, Tue 10:15)
  7 Margaret next week           Mon 22–Fri 26 Jun       cancelled by not-interested
  8 Dorothy this afternoon       Mon 12:00–17:00         overdue from Mon 17:00 on
  9 Grace   tomorrow morning (log --next, Mon 16:00)  Tue 09:00–12:00   kept (voicemail Tue 10:15)
 10 Grace   wednesday (log --next, Tue 10:15)         Wed 09:00–17:00   kept (no-answer Wed 11:00)
 11 Ada     in 2-3 days (log --next, Tue 18:30)       Thu 09:00–Fri 17:00  cancelled Wed 11:00
 12 Hedy    tomorrow afternoon (reschedule, Wed)      Thu 06:00–11:00 NY   kept (call Thu 09:30)
 13 Linus   tomorrow afternoon (reschedule, Thu)      Fri 12:00–17:00      overdue Fri 17:30
 14 Grace   next week (log --next, Thu 09:30)         Mon 22–Fri 26 Jun    open
"""

import csv
import io
import re
import unittest

from fu_harness import FuSandbox, lines, section, section_titles

MON = "2026-06-15T09:30"
MON_PM = "2026-06-15T16:00"
TUE = "2026-06-16T09:30"
TUE_LATER = "2026-06-16T10:15"
TUE_EVENING = "2026-06-16T18:30"
WED = "2026-06-17T09:30"
WED_LATER = "2026-06-17T11:00"
THU = "2026-06-18T09:30"
FRI = "2026-06-19T09:30"
FRI_CALL = "2026-06-19T15:05"
FRI_EVENING = "2026-06-19T17:30"

PROMISE_KEYS = {"id", "contact", "earliest", "latest", "state", "text", "about", "agreed", "via", "attempts"}
CONTACT_REF_KEYS = {"id", "name", "company", "phone", "email", "tz"}
INTERACTION_KEYS = {"id", "contact", "at", "kind", "outcome", "note", "promise"}
STATS_KEYS = {"made", "on_time", "late", "renegotiated_in_time", "broken", "cancelled", "overdue", "open",
              "on_time_rate"}

# Windows (ISO 8601 in the user's zone) of every promise.
WINDOWS = {
    1: ("2026-06-16T12:00:00-04:00", "2026-06-16T17:00:00-04:00"),
    2: ("2026-06-15T09:30:00-04:00", "2026-06-15T17:00:00-04:00"),
    3: ("2026-06-16T06:00:00-04:00", "2026-06-16T11:00:00-04:00"),
    4: ("2026-06-19T15:00:00-04:00", "2026-06-19T15:15:00-04:00"),
    5: ("2026-06-17T09:00:00-04:00", "2026-06-18T17:00:00-04:00"),
    6: ("2026-06-15T09:30:00-04:00", "2026-06-16T17:00:00-04:00"),
    7: ("2026-06-22T09:00:00-04:00", "2026-06-26T17:00:00-04:00"),
    8: ("2026-06-15T12:00:00-04:00", "2026-06-15T17:00:00-04:00"),
    9: ("2026-06-16T09:00:00-04:00", "2026-06-16T12:00:00-04:00"),
    10: ("2026-06-17T09:00:00-04:00", "2026-06-17T17:00:00-04:00"),
    11: ("2026-06-18T09:00:00-04:00", "2026-06-19T17:00:00-04:00"),
    12: ("2026-06-18T06:00:00-04:00", "2026-06-18T11:00:00-04:00"),
    13: ("2026-06-19T12:00:00-04:00", "2026-06-19T17:00:00-04:00"),
    14: ("2026-06-22T09:00:00-04:00", "2026-06-26T17:00:00-04:00"),
}

CONTACTS = [
    ("Ada Lovelace", "--company", "Analytical Engines", "--phone", "+1 212 555 0100",
     "--email", "ada@analytical.example", "--tag", "prospect"),
    ("Grace Hopper", "--company", "Compiler Corp", "--phone", "+1 212 555 0142",
     "--email", "grace@compiler.example", "--tag", "prospect"),
    ("Hedy Lamarr", "--company", "Frequency Hopping GmbH", "--phone", "+49 30 5550 1234",
     "--email", "hedy@fh.example", "--tz", "Europe/Berlin", "--tag", "prospect"),
    ("Alan Turing", "--company", "Bletchley Analytics", "--phone", "+1 617 555 0177", "--tag", "prospect"),
    ("Linus Pauling", "--company", "Vitamin C Ltd", "--email", "linus@vitc.example"),
    ("Margaret Hamilton", "--company", "Apollo Software", "--phone", "+1 617 555 0111"),
    ("Dorothy Vaughan", "--company", "FORTRAN Training", "--email", "dorothy@fortran.example"),
    ("Katherine Johnson", "--company", "Orbital Mechanics"),
]

# The week, in order: (checkpoint name, now, fu arguments, substrings the confirmation must contain).
WEEK = [
    ("mon", MON, ("promise", "ada", "tomorrow", "afternoon", "--about", "pricing for the pilot"),
     ["Ada Lovelace", "Tue 16 Jun 12:00–17:00", "tomorrow afternoon", "[p1]"]),
    ("mon", MON, ("promise", "grace", "eod", "--about", "the renewal quote"),
     ["Grace Hopper", "Mon 15 Jun 09:30–17:00", "[p2]"]),
    ("mon", MON, ("promise", "hedy", "tomorrow", "afternoon", "--about", "the sample kit"),
     ["Hedy Lamarr", "Tue 16 Jun 06:00–11:00 (12:00–17:00 in Berlin)", "[p3]"]),
    ("mon", MON, ("promise", "alan", "friday", "3pm", "--agreed", "--about", "contract questions"),
     ["Alan Turing", "Fri 19 Jun 15:00–15:15", "agreed", "[p4]"]),
    ("mon", MON, ("promise", "linus", "in", "2-3", "days", "--via", "email"),
     ["Linus Pauling", "an email", "Wed 17 Jun 09:00 – Thu 18 Jun 17:00", "[p5]"]),
    ("mon", MON, ("promise", "margaret", "in", "a", "day", "or", "so"),
     ["Margaret Hamilton", "Mon 15 Jun 09:30 – Tue 16 Jun 17:00", "[p6]"]),
    ("mon", MON, ("promise", "margaret", "next", "week", "--via", "email", "--about", "send the case study"),
     ["Margaret Hamilton", "[p7]"]),
    ("mon", MON, ("promise", "dorothy", "this", "afternoon", "--about", "the training dates"),
     ["Dorothy Vaughan", "Mon 15 Jun 12:00–17:00", "[p8]"]),
    ("mon_pm", MON_PM, ("log", "grace", "voicemail", "--next", "tomorrow", "morning"),
     ["voicemail", "Grace Hopper", "left-message", "kept p2 on time", "1 unanswered",
      "Tue 16 Jun 09:00–12:00", "[p9]"]),
    ("tue", TUE, None, None),
    ("tue_later", TUE_LATER, ("log", "grace", "voicemail", "--note", "left second message", "--next", "wednesday"),
     ["kept p9 on time", "2 unanswered", "Wed 17 Jun 09:00–17:00", "[p10]"]),
    ("tue_later", TUE_LATER, ("log", "margaret", "--outcome", "not-interested", "--note", "went with a competitor"),
     ["Margaret Hamilton", "not-interested", "Cancelled p6, p7 (its open promises)"]),
    ("tue_evening", TUE_EVENING, ("log", "ada", "--note", "agreed on pilot pricing", "--next", "in", "2-3", "days",
                                  "--about", "send the contract"),
     ["Ada Lovelace", "reached", "kept p1 late", "1h 30m", "Thu 18 Jun 09:00 – Fri 19 Jun 17:00", "[p11]"]),
    ("wed", WED, None, None),
    ("wed_rescheduled", WED, ("reschedule", "hedy", "tomorrow", "afternoon", "--reason",
                              "missed it; apologised by email"),
     ["p3", "p12", "broken", "Thu 18 Jun 06:00–11:00 (12:00–17:00 in Berlin)"]),
    ("wed_later", WED_LATER, ("log", "grace", "--outcome", "no-answer"),
     ["no-answer", "kept p10 on time", "3 unanswered"]),
    ("wed_later", WED_LATER, ("cancel", "ada", "--reason", "they emailed the signed order"),
     ["Cancelled p11", "Ada Lovelace"]),
    ("thu", THU, None, None),
    ("thu_done", THU, ("log", "hedy", "--note", "kit arrives Monday"),
     ["Hedy Lamarr", "kept p12 on time"]),
    ("thu_done", THU, ("reschedule", "linus", "tomorrow", "afternoon", "--reason", "waiting for their budget"),
     ["p5", "p13", "renegotiated in time", "Fri 19 Jun 12:00–17:00"]),
    ("thu_done", THU, ("log", "grace", "--note", "she called back; quote approved", "--next", "next", "week",
                       "--about", "kick-off"),
     ["Grace Hopper", "reached", "[p14]"]),
    ("fri", FRI, None, None),
    ("fri_call", FRI_CALL, ("log", "alan", "--note", "answered contract questions"),
     ["Alan Turing", "kept p4 on time"]),
    ("fri_evening", FRI_EVENING, None, None),
]
CHECKPOINTS = []
for name, *_ in WEEK:
    if name not in CHECKPOINTS:
        CHECKPOINTS.append(name)


def rows(text, title):
    """The promise ids listed in one section of human `fu due` output, in order."""
    body = section(text, title)
    if body is None:
        return None
    return [int(m.group(1)) for m in (re.match(r"p(\d+)\s", line) for line in body) if m]


def row_of(text, promise_id):
    for line in text.splitlines():
        if line.startswith(f"p{promise_id} "):
            return line
    return None


class WeekTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, tz="America/New_York", now=MON)

    def replay(self, until):
        """Adds the contacts and replays the week up to and including checkpoint `until`."""
        for i, contact in enumerate(CONTACTS, start=1):
            out = self.fu.ok("add", *contact, now=MON)
            self.assertIn(contact[0], out)
            self.assertRegex(out, rf"\bid {i}\b")
        last = CHECKPOINTS.index(until)
        for name, now, args, expected in WEEK:
            if CHECKPOINTS.index(name) > last:
                break
            if args is None:
                continue
            out = self.fu.ok(*args, now=now)
            for part in expected:
                self.assertIn(part, out, f"fu {' '.join(args)} at {now}")
        self.now = {n: t for n, t, *_ in WEEK}[until]

    # --- helpers ---------------------------------------------------------------------------------

    def due(self, *args):
        return self.fu.ok("due", *args, now=self.now)

    def due_json(self, *args):
        data = self.fu.json("due", *args, now=self.now)
        self.assertIsInstance(data, list)
        for p in data:
            self.assertLessEqual(PROMISE_KEYS, set(p))
            self.assertLessEqual(CONTACT_REF_KEYS, set(p["contact"]))
            self.assertEqual((p["earliest"], p["latest"]), WINDOWS[p["id"]], f"window of #{p['id']}")
        return data

    def stats(self):
        data = self.fu.json("stats", now=self.now)
        self.assertLessEqual(STATS_KEYS, set(data))
        return data

    def assert_stats(self, made, on_time=0, late=0, renegotiated_in_time=0, broken=0, cancelled=0,
                     overdue=0, open_=0, rate=None):
        s = self.stats()
        got = {k: s[k] for k in STATS_KEYS - {"on_time_rate"}}
        self.assertEqual(got, {"made": made, "on_time": on_time, "late": late,
                               "renegotiated_in_time": renegotiated_in_time, "broken": broken,
                               "cancelled": cancelled, "overdue": overdue, "open": open_})
        if rate is None:
            self.assertIsNone(s["on_time_rate"])
        else:
            self.assertAlmostEqual(s["on_time_rate"], rate, places=2)
        return s

    def assert_sections(self, text, overdue=(), due=(), upcoming=(), no_next_step=()):
        expected = [t for t, ids in (("Overdue", overdue), ("Due now", due), ("Upcoming", upcoming),
                                     ("No next step", no_next_step)) if ids]
        self.assertEqual(section_titles(text), expected, text)
        if overdue:
            self.assertEqual(rows(text, "Overdue"), list(overdue), text)
        if due:
            self.assertEqual(rows(text, "Due now"), list(due), text)
        if upcoming:
            self.assertEqual(rows(text, "Upcoming"), list(upcoming), text)
        if no_next_step:
            # Most recently active first (test_performance checks that order); here: who is listed.
            body = section(text, "No next step")
            self.assertEqual(len(body), len(no_next_step), text)
            listed = sorted(name for name in no_next_step for line in body if name in line)
            self.assertEqual(listed, sorted(no_next_step), text)

    def assert_due(self, overdue=(), due=(), upcoming=(), no_next_step=()):
        text = self.due()
        self.assert_sections(text, overdue, due, upcoming, no_next_step)
        data = self.due_json()
        self.assertEqual([p["id"] for p in data], list(overdue) + list(due) + list(upcoming))
        self.assertEqual([p["state"] for p in data],
                         ["overdue"] * len(overdue) + ["due"] * len(due) + ["upcoming"] * len(upcoming))
        self.assertNotIn("Katherine", text)
        return text, data

    # --- the checkpoints ----------------------------------------------------------------------------

    def test_monday_morning(self):
        self.replay("mon")
        text, data = self.assert_due(due=[2, 6], upcoming=[8])
        self.assertIn("closes in 7h", row_of(text, 2))
        self.assertIn("the renewal quote", row_of(text, 2))
        self.assertIn("opens in 2h", row_of(text, 8))
        grace = data[0]
        self.assertEqual({k: grace["contact"][k] for k in CONTACT_REF_KEYS},
                         {"id": 2, "name": "Grace Hopper", "company": "Compiler Corp",
                          "phone": "+1 212 555 0142", "email": "grace@compiler.example", "tz": None})
        self.assertEqual((grace["text"], grace["about"], grace["agreed"], grace["via"], grace["attempts"]),
                         ("eod", "the renewal quote", False, "call", 0))
        # --all: every open promise; upcoming opening soonest first.
        everything = self.due_json("--all")
        self.assertEqual([p["id"] for p in everything], [2, 6, 8, 3, 1, 5, 4, 7])
        by_id = {p["id"]: p for p in everything}
        self.assertEqual(by_id[4]["agreed"], True)
        self.assertEqual(by_id[4]["text"], "friday 3pm")
        self.assertEqual(by_id[5]["via"], "email")
        self.assertIsNone(by_id[5]["about"])
        self.assertEqual(by_id[3]["contact"]["tz"], "Europe/Berlin")
        self.assertEqual(by_id[3]["text"], "tomorrow afternoon")
        self.assertIsNone(by_id[5]["contact"]["phone"])
        all_text = self.due("--all")
        self.assert_sections(all_text, due=[2, 6], upcoming=[8, 3, 1, 5, 4, 7])
        self.assertIn("Tue 16 Jun 06:00–11:00 (12:00–17:00 in Berlin)", row_of(all_text, 3))
        self.assertIn("agreed", row_of(all_text, 4))
        self.assertNotIn("agreed", row_of(all_text, 1))
        # Filters.
        self.assertEqual([p["id"] for p in self.due_json("--all", "--agreed")], [4])
        self.assertEqual([p["id"] for p in self.due_json("--all", "--tag", "prospect")], [2, 3, 1, 4])
        self.assertEqual([p["id"] for p in self.due_json("--all", "--limit", "3")], [2, 6, 8])
        self.assertEqual([p["id"] for p in self.due_json("--until", "wednesday")], [2, 6, 8, 3, 1, 5])
        self.assert_stats(made=8, open_=8, rate=None)
        self.assertRegex(self.fu.ok("stats", now=self.now), r"promises made\s+8\b")

    def test_monday_afternoon_voicemail_with_next(self):
        self.replay("mon_pm")
        self.assert_due(due=[8, 6])
        self.assert_stats(made=9, on_time=1, open_=8, rate=1.0)
        show = self.fu.json("show", "grace", now=self.now)
        self.assertLessEqual({"contact", "open_promises", "promises", "interactions", "unanswered"}, set(show))
        self.assertEqual(show["contact"]["id"], 2)
        self.assertEqual(show["unanswered"], 1)
        self.assertEqual([p["id"] for p in show["open_promises"]], [9])
        self.assertEqual({p["id"]: p["state"] for p in show["promises"]}, {2: "kept", 9: "upcoming"})
        nine = show["open_promises"][0]
        self.assertEqual((nine["text"], nine["via"], nine["agreed"]), ("tomorrow morning", "call", False))
        self.assertEqual(WINDOWS[9], (nine["earliest"], nine["latest"]))
        self.assertEqual(len(show["interactions"]), 1)
        vm = show["interactions"][0]
        self.assertLessEqual(INTERACTION_KEYS, set(vm))
        self.assertEqual((vm["kind"], vm["outcome"], vm["promise"], vm["at"]),
                         ("voicemail", "left-message", 2, "2026-06-15T16:00:00-04:00"))
        human = self.fu.ok("show", "grace", now=self.now)
        self.assertIn("1 unanswered", human)
        self.assertIn("Tue 16 Jun 09:00–12:00", human)
        self.assertIn("voicemail", human)

    def test_tuesday_morning(self):
        self.replay("tue")
        text, data = self.assert_due(overdue=[8], due=[3, 9, 6], upcoming=[1])
        self.assertIn("overdue 16h", row_of(text, 8))
        self.assertIn("Tue 16 Jun 06:00–11:00 (12:00–17:00 in Berlin)", row_of(text, 3))
        self.assertIn("closes in 1h", row_of(text, 3))
        self.assertIn("1 unanswered", row_of(text, 9))
        self.assertNotIn("unanswered", row_of(text, 6))
        by_id = {p["id"]: p for p in data}
        self.assertEqual(by_id[3]["earliest"], "2026-06-16T06:00:00-04:00")
        self.assertEqual(by_id[3]["contact"]["tz"], "Europe/Berlin")
        self.assert_stats(made=9, on_time=1, overdue=1, open_=7, rate=0.5)
        self.assertEqual(by_id[6]["attempts"], 0)
        self.assertEqual(by_id[8]["attempts"], 0)
        # The voicemail that opened #9 (log --next) kept #2; it was not an attempt at #9.
        self.assertEqual(by_id[9]["attempts"], 0)

    def test_tuesday_evening_not_interested_and_late_call(self):
        self.replay("tue_evening")
        # Margaret said no: out of due (her "next week" promise is gone) and out of "No next step".
        text, _ = self.assert_due(overdue=[8, 3])
        self.assertNotIn("Margaret", text)
        self.assertIn("overdue 1d 1h", row_of(text, 8))
        self.assertIn("overdue 7h", row_of(text, 3))
        everything = self.due_json("--all")
        # #10 and #5 open at the same time: the one closing sooner first.
        self.assertEqual([p["id"] for p in everything], [8, 3, 10, 5, 11, 4])
        self.assertNotIn("Margaret", self.due("--all"))
        margaret = self.fu.json("show", "margaret", now=self.now)
        self.assertIsNotNone(margaret["contact"]["closed"])
        self.assertEqual(margaret["open_promises"], [])
        # A "no" keeps no promise: it cancels them all (it must not lift the on-time rate).
        self.assertEqual({p["id"]: p["state"] for p in margaret["promises"]}, {6: "cancelled", 7: "cancelled"})
        self.assertEqual([(i["kind"], i["outcome"], i["note"]) for i in margaret["interactions"]],
                         [("call", "not-interested", "went with a competitor")])
        ada = self.fu.json("show", "ada", now=self.now)
        self.assertEqual({p["id"]: p["state"] for p in ada["promises"]}, {1: "late", 11: "upcoming"})
        self.assertEqual([p["id"] for p in ada["open_promises"]], [11])
        self.assertEqual(ada["open_promises"][0]["about"], "send the contract")
        self.assertEqual(ada["unanswered"], 0)
        self.assertEqual(self.fu.json("show", "grace", now=self.now)["unanswered"], 2)
        self.assert_stats(made=11, on_time=2, late=1, cancelled=2, overdue=2, open_=4, rate=2 / 5)
        # `log` with no contact: every interaction, newest first.
        log = self.fu.json("log", now=self.now)
        self.assertEqual([i["id"] for i in log], [4, 3, 2, 1])
        for i in log:
            self.assertLessEqual(INTERACTION_KEYS, set(i))
            self.assertLessEqual(CONTACT_REF_KEYS, set(i["contact"]))
        self.assertEqual([(i["contact"]["name"], i["kind"], i["outcome"], i["promise"], i["at"]) for i in log], [
            ("Ada Lovelace", "call", "reached", 1, "2026-06-16T18:30:00-04:00"),
            ("Margaret Hamilton", "call", "not-interested", None, "2026-06-16T10:15:00-04:00"),
            ("Grace Hopper", "voicemail", "left-message", 9, "2026-06-16T10:15:00-04:00"),
            ("Grace Hopper", "voicemail", "left-message", 2, "2026-06-15T16:00:00-04:00"),
        ])
        self.assertEqual(log[2]["note"], "left second message")
        self.assertIsNone(log[3]["note"])
        human_log = self.fu.ok("log", now=self.now)
        self.assertLess(human_log.index("agreed on pilot pricing"), human_log.index("left second message"))
        self.assertEqual([i["id"] for i in self.fu.json("log", "--limit", "2", now=self.now)], [4, 3])
        self.assertEqual([i["id"] for i in self.fu.json("log", "--contact", "grace", now=self.now)], [2, 1])

    def test_wednesday_morning_before_and_after_a_late_reschedule(self):
        self.replay("wed")
        text, _ = self.assert_due(overdue=[8, 3], due=[10, 5])
        self.assertIn("2 unanswered", row_of(text, 10))
        self.assert_stats(made=11, on_time=2, late=1, cancelled=2, overdue=2, open_=4, rate=2 / 5)

        self.replay_more("wed_rescheduled")
        self.assert_due(overdue=[8], due=[10, 5])
        hedy = self.fu.json("show", "hedy", now=self.now)
        self.assertEqual({p["id"]: p["state"] for p in hedy["promises"]}, {3: "broken", 12: "upcoming"})
        self.assertEqual([p["id"] for p in hedy["open_promises"]], [12])
        twelve = hedy["open_promises"][0]
        self.assertEqual((twelve["earliest"], twelve["latest"]), WINDOWS[12])
        self.assertEqual(twelve["about"], "the sample kit")  # the purpose carries over
        human = self.fu.ok("show", "hedy", now=self.now)
        self.assertIn("Thu 18 Jun 06:00–11:00 (12:00–17:00 in Berlin)", human)
        self.assertIn("broken", human)
        self.assertIn("missed it; apologised by email", human)
        self.assertIn("Tue 16 Jun 06:00–11:00", human)  # the old window stays in the history
        self.assert_stats(made=12, on_time=2, late=1, broken=1, cancelled=2, overdue=1, open_=5, rate=2 / 5)

    def replay_more(self, until):
        """Continues a replay from the current checkpoint (exclusive) to `until` (inclusive)."""
        start = CHECKPOINTS.index(next(n for n, t, *_ in WEEK if t == self.now))
        last = CHECKPOINTS.index(until)
        for name, now, args, expected in WEEK:
            if not start < CHECKPOINTS.index(name) <= last or args is None:
                continue
            out = self.fu.ok(*args, now=now)
            for part in expected:
                self.assertIn(part, out)
        self.now = {n: t for n, t, *_ in WEEK}[until]

    def test_wednesday_cancel_and_no_next_step(self):
        self.replay("wed_later")
        text, _ = self.assert_due(overdue=[8], due=[5], no_next_step=["Ada Lovelace", "Grace Hopper"])
        self.assertNotIn("Margaret", text)
        self.assertEqual([p["id"] for p in self.due_json("--all")], [8, 5, 12, 4])
        ada = self.fu.json("show", "ada", now=self.now)
        self.assertEqual(ada["open_promises"], [])
        self.assertEqual({p["id"]: p["state"] for p in ada["promises"]}, {1: "late", 11: "cancelled"})
        grace = self.fu.json("show", "grace", now=self.now)
        self.assertEqual(grace["unanswered"], 3)
        self.assertIn("3 unanswered", self.fu.ok("show", "grace", now=self.now))
        self.assert_stats(made=12, on_time=3, late=1, broken=1, cancelled=3, overdue=1, open_=3, rate=3 / 6)

    def test_thursday(self):
        self.replay("thu")
        text, _ = self.assert_due(overdue=[8], due=[12, 5], no_next_step=["Ada Lovelace", "Grace Hopper"])
        self.assertIn("Thu 18 Jun 06:00–11:00 (12:00–17:00 in Berlin)", row_of(text, 12))
        self.assertIn("closes in 1h", row_of(text, 12))
        self.assertIn("closes in 7h", row_of(text, 5))

        self.replay_more("thu_done")
        self.assert_due(overdue=[8], no_next_step=["Ada Lovelace", "Hedy Lamarr"])
        grace = self.fu.json("show", "grace", now=self.now)
        self.assertEqual(grace["unanswered"], 0)  # she answered: the run resets
        self.assertEqual([p["id"] for p in grace["open_promises"]], [14])
        self.assertEqual(grace["open_promises"][0]["about"], "kick-off")
        self.assertEqual({p["id"]: p["state"] for p in grace["promises"]},
                         {2: "kept", 9: "kept", 10: "kept", 14: "upcoming"})
        self.assertEqual(len(grace["interactions"]), 4)
        linus = self.fu.json("show", "linus", now=self.now)
        self.assertEqual({p["id"]: p["state"] for p in linus["promises"]}, {5: "renegotiated", 13: "upcoming"})
        self.assertEqual(linus["open_promises"][0]["via"], "email")
        self.assertEqual(self.fu.json("show", "hedy", now=self.now)["open_promises"], [])
        self.assert_stats(made=14, on_time=4, late=1, renegotiated_in_time=1, broken=1, cancelled=3, overdue=1, open_=3, rate=5 / 8)
        # The call that opened #14 (log --next) was not an attempt at #14.
        self.assertEqual(grace["open_promises"][0]["attempts"], 0)

    def test_friday_morning(self):
        self.replay("fri")
        text, data = self.assert_due(overdue=[8], upcoming=[13, 4], no_next_step=["Ada Lovelace", "Hedy Lamarr"])
        self.assertIn("overdue 3d", row_of(text, 8))
        self.assertIn("opens in 2h", row_of(text, 13))
        self.assertIn("agreed", row_of(text, 4))
        self.assertIn("opens in 5h", row_of(text, 4))
        # --check: Dorothy's promise is overdue.
        r = self.fu.run("due", "--check", now=self.now)
        self.assertEqual(r.status, 1, str(r))
        self.assertEqual(r.out, text)
        self.assertEqual([p["id"] for p in self.due_json("--agreed")], [4])
        self.assertEqual([p["id"] for p in self.due_json("--tag", "prospect")], [4])

    def test_friday_evening_end_of_week(self):
        self.replay("fri_evening")
        text, data = self.assert_due(overdue=[8, 13],
                                     no_next_step=["Ada Lovelace", "Alan Turing", "Hedy Lamarr"])
        self.assertIn("overdue 4d", row_of(text, 8))
        self.assertIn("overdue 30m", row_of(text, 13))
        s = self.assert_stats(made=14, on_time=5, late=1, renegotiated_in_time=1, broken=1, cancelled=3, overdue=2, open_=1, rate=6 / 10)
        human = self.fu.ok("stats", now=self.now)
        for label, value in (("promises made", "14"), ("kept on time", "5"), ("kept late", "1"),
                             ("renegotiated in time", "1"), ("broken", "1"), ("cancelled", "3"),
                             ("on-time rate", "60%")):
            self.assertRegex(human, rf"{label}\s+{value}(?!\d)")
        self.assertEqual(s["on_time_rate"], round(s["on_time_rate"], 3))
        alan = self.fu.json("show", "alan", now=self.now)
        self.assertEqual({p["id"]: p["state"] for p in alan["promises"]}, {4: "kept"})
        self.assertEqual(alan["interactions"][0]["at"], "2026-06-19T15:05:00-04:00")
        log = self.fu.json("log", now=self.now)
        self.assertEqual([i["id"] for i in log], [8, 7, 6, 5, 4, 3, 2, 1])
        self.assertEqual(log[0]["promise"], 4)
        self.assertIsNone(log[1]["promise"])  # Grace's call-back kept nothing: no promise was open
        self.assertEqual([i["id"] for i in self.fu.json("log", "--since", "2026-06-18", now=self.now)], [8, 7, 6])
        r = self.fu.run("due", "--check", now=self.now)
        self.assertEqual(r.status, 1, str(r))

    def test_friday_evening_tsv_and_csv_agree_with_json(self):
        self.replay("fri_evening")
        data = self.due_json("--all")
        self.assertEqual([p["id"] for p in data], [8, 13, 14])

        def expected_row(p, csv_guard):
            def cell(v):
                if v is None:
                    return ""
                if isinstance(v, bool):
                    return "true" if v else "false"
                v = str(v)
                # CSV cells that could become spreadsheet formulas get a leading ' (documented in README).
                if csv_guard and v[:1] in ("=", "+", "-", "@"):
                    return "'" + v
                return v
            return {"id": cell(p["id"]), "state": p["state"], "contact": cell(p["contact"]["name"]),
                    "company": cell(p["contact"]["company"]), "phone": cell(p["contact"]["phone"]),
                    "email": cell(p["contact"]["email"]), "earliest": p["earliest"], "latest": p["latest"],
                    "text": cell(p["text"]), "about": cell(p["about"]), "agreed": cell(p["agreed"]),
                    "via": cell(p["via"]), "attempts": cell(p["attempts"])}

        for fmt, guard in (("tsv", False), ("csv", True)):
            out = self.fu.ok("due", "--all", fmt=fmt, now=self.now)
            if fmt == "tsv":
                table = [line.split("\t") for line in out.split("\n") if line]
            else:
                table = list(csv.reader(io.StringIO(out, newline="")))
            header, body = table[0], table[1:]
            self.assertLessEqual(set(expected_row(data[0], guard)), set(header), fmt)
            self.assertEqual(len(body), len(data), fmt)
            for values, p in zip(body, data):
                self.assertEqual(len(values), len(header), fmt)
                record = dict(zip(header, values))
                want = expected_row(p, guard)
                self.assertEqual({k: record[k] for k in want}, want, fmt)
        # Default due (end of today) in CSV: the overdue rows only.
        out = self.fu.ok("due", fmt="csv", now=self.now)
        self.assertEqual([r[0] for r in list(csv.reader(io.StringIO(out, newline="")))[1:]], ["8", "13"])


class LogRulesTest(unittest.TestCase):
    """The rules of `fu log` outside the week's story: which promise an attempt keeps, and when."""

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        self.fu.ok("add", "Ada Lovelace")
        self.fu.ok("add", "Bob Jones", "--company", "Jones & Sons")
        self.fu.ok("promise", "ada", "eod")       # #1 Mon 09:30–17:00
        self.fu.ok("promise", "ada", "friday")    # #2 Fri 09:00–17:00

    def states(self, contact, now=TUE):
        return {p["id"]: p["state"] for p in self.fu.json("show", contact, now=now)["promises"]}

    def test_a_note_is_not_an_attempt(self):
        out = self.fu.ok("log", "ada", "note", "--note", "internal: check pricing", now=TUE)
        self.assertIn("It kept no promise (a note keeps no promise); p1 is still open", out)
        self.assertEqual(self.states("ada"), {1: "overdue", 2: "upcoming"})
        self.assertEqual(self.fu.json("log", now=TUE)[0]["promise"], None)

    def test_a_back_dated_attempt_counts_at_its_own_time(self):
        out = self.fu.ok("log", "ada", "voicemail", "--at", "yesterday", "4pm", now=TUE)
        self.assertIn("It kept p1 on time", out)
        self.assertEqual(self.states("ada"), {1: "kept", 2: "upcoming"})
        entry = self.fu.json("log", now=TUE)[0]
        self.assertEqual((entry["at"], entry["kind"], entry["outcome"], entry["promise"]),
                         ("2026-06-15T16:00:00-04:00", "voicemail", "left-message", 1))
        self.assertEqual(self.fu.json("show", "ada", now=TUE)["unanswered"], 1)  # sent, no reply yet
        # A reply resets the run; --promise chooses which promise it keeps.
        out = self.fu.ok("log", "ada", "email", "--outcome", "replied", "--promise", "p2", now=TUE)
        self.assertIn("It kept p2 on time", out)
        self.assertEqual(self.fu.json("show", "ada", now=TUE)["unanswered"], 0)
        self.assertEqual(self.states("ada"), {1: "kept", 2: "kept"})

    def test_the_closing_first_open_promise_is_kept_late_after_its_window(self):
        out = self.fu.ok("log", "ada", now=TUE)
        self.assertIn("It kept p1 late", out)
        self.assertEqual(self.states("ada"), {1: "late", 2: "upcoming"})
        s = self.fu.json("stats", now=TUE)
        self.assertEqual((s["late"], s["on_time"], s["open"]), (1, 0, 1))
        self.assertEqual(s["median_lateness_seconds"], 16 * 3600 + 1800)  # Mon 17:00 -> Tue 09:30

    def test_an_attempt_before_the_promise_was_made_keeps_nothing(self):
        self.fu.ok("promise", "bob", "friday", now=TUE)  # #3, made Tue 10:00
        out = self.fu.ok("log", "bob", "--at", "yesterday", "4pm", now=TUE)
        self.assertIn("It kept no promise (p3 was made after this)", out)
        self.assertEqual(self.states("bob"), {3: "upcoming"})

    def test_lost_closes_the_contact_and_cancels_the_rest(self):
        self.fu.ok("promise", "bob", "friday", now=TUE)        # #3
        self.fu.ok("promise", "bob", "next", "week", now=TUE)  # #4
        out = self.fu.ok("log", "bob", "--outcome", "lost", now=TUE)
        self.assertNotIn("It kept", out)  # a "no" keeps nothing: it ends follow-up
        self.assertIn("Cancelled p3, p4 (its open promises); Bob Jones is out of follow-up.", out)
        self.assertEqual(self.states("bob"), {3: "cancelled", 4: "cancelled"})
        self.assertIsNotNone(self.fu.json("show", "bob", now=TUE)["contact"]["closed"])
        text = self.fu.ok("due", "--all", now=TUE)
        self.assertNotIn("Bob", text)
        # A contact who said no gets no next step.
        r = self.fu.fail(2, "log", "ada", "--outcome", "not-interested", "--next", "friday", now=TUE)
        self.assertEqual(self.states("ada"), {1: "overdue", 2: "upcoming"})

    def test_stats_since(self):
        self.fu.ok("promise", "bob", "friday", now=TUE)  # made Tue
        self.fu.ok("log", "bob", "--promise", "p3", now=TUE)  # (the same conversation keeps nothing by itself)
        s = self.fu.json("stats", "--since", "2026-06-16", now=TUE)
        self.assertEqual((s["made"], s["on_time"], s["open"], s["overdue"]), (1, 1, 0, 0))
        self.assertEqual(s["on_time_rate"], 1)
        s = self.fu.json("stats", now=TUE)
        self.assertEqual((s["made"], s["on_time"], s["open"], s["overdue"]), (3, 1, 1, 1))
        self.assertAlmostEqual(s["on_time_rate"], 0.5, places=3)

    def test_a_contact_in_the_same_offset_shows_one_clock(self):
        self.fu.ok("add", "Tess Toronto", "--tz", "America/Toronto")
        out = self.fu.ok("promise", "tess", "tomorrow", "afternoon")
        self.assertIn("Tue 16 Jun 12:00–17:00", out)
        self.assertNotIn(" in Toronto)", out)
        self.fu.ok("add", "Kai Tokyo", "--tz", "Asia/Tokyo")
        out = self.fu.ok("promise", "kai", "tomorrow", "afternoon")
        # 12:00–17:00 in Tokyo (UTC+9) is 23:00–04:00 in New York (UTC-4), the day before: the
        # customer's date differs from ours, so it is shown.
        self.assertIn("Mon 15 Jun 23:00 – Tue 16 Jun 04:00 (Tue 16 Jun 12:00–17:00 in Tokyo)", out)
        kai = [p for p in self.fu.json("due", "--all") if p["contact"]["name"] == "Kai Tokyo"][0]
        self.assertEqual((kai["earliest"], kai["latest"]),
                         ("2026-06-15T23:00:00-04:00", "2026-06-16T04:00:00-04:00"))


if __name__ == "__main__":
    unittest.main()
