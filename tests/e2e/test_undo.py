"""End-to-end: `fu undo` takes back every kind of write, one step or several, and refuses what a later
change depends on.

For each kind of write the test captures `fu show ID --format json` for every contact and
`fu stats --format json`, runs the write, checks that it changed something, runs `fu undo` and checks
that both documents are exactly what they were before.

The base history (America/New_York), journal entries u1–u6:
  Mon 15 Jun 09:30  u1 add Ada Lovelace (id 1)       u2 add Bob Byte (id 2)
                    u3 promise ada tomorrow afternoon   p1  Tue 12:00–17:00, a call
                    u4 promise bob eod --via email      p2  Mon 09:30–17:00, an email
  Mon 15 Jun 16:00  u5 log bob email                    i1  keeps p2 on time
                    u6 promise bob thursday             p3  Thu 09:00–17:00, a call
The writes under test run on Tuesday 16 Jun at 14:00, inside p1's window.
"""

import json
import shlex
import unittest

from fu_harness import FuSandbox, lines

MON = "2026-06-15T09:30"
MON_PM = "2026-06-15T16:00"
TUE = "2026-06-16T14:00"
TUE_LATER = "2026-06-16T15:30"
WED = "2026-06-17T10:00"
WED_LATER = "2026-06-17T11:00"
FRI = "2026-06-19T18:00"  # after everything: where several-step undos are looked at

BASE = [
    (MON, ("add", "Ada Lovelace", "--company", "Analytical Engines", "--email", "ada@analytical.example",
           "--tag", "prospect")),
    (MON, ("add", "Bob Byte", "--company", "Byte Shop", "--phone", "+1 212 555 0101")),
    (MON, ("promise", "ada", "tomorrow", "afternoon", "--about", "pricing for the pilot")),
    (MON, ("promise", "bob", "eod", "--via", "email", "--about", "the brochure")),
    (MON_PM, ("log", "bob", "email", "--note", "sent the brochure")),
    (MON_PM, ("promise", "bob", "thursday", "--about", "a demo")),
]
CONTACT_IDS = (1, 2, 3)  # 3: a contact that exists only when a test adds it


def command_line(args):
    return "fu " + shlex.join(args)


class UndoBase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        for now, args in BASE:
            self.fu.ok(*args, now=now)
        self.assertEqual(len(self.fu.json("undo", "--list", now=MON_PM)), len(BASE))

    # --- helpers ---------------------------------------------------------------------------------

    def show(self, contact_id, now):
        """`fu show ID --format json`, or None when there is no such contact (exit 3, one error line)."""
        r = self.fu.run("show", str(contact_id), fmt="json", now=now)
        if r.status == 3:
            self.assertEqual(r.out, "", str(r))
            self.assertEqual(lines(r.err), [f"fu: no contact with id {contact_id}"], str(r))
            return None
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(r.err, "", str(r))
        return json.loads(r.out)

    def snapshot(self, now):
        return {"show": {cid: self.show(cid, now) for cid in CONTACT_IDS},
                "stats": self.fu.json("stats", now=now)}

    def journal(self, now):
        return self.fu.json("undo", "--list", now=now)

    def undo(self, now, expected_ref, expected_command, expected_when, named=False):
        """`fu undo` (or `fu undo REF` when named) and its one line."""
        out = self.fu.ok("undo", *([expected_ref] if named else []), now=now)
        self.assertEqual(out, f"Undid {expected_ref}: {expected_command}  ({expected_when})\n")
        return out

    def assert_undoes(self, args, expected_parts, now=TUE, when="Tue 16 Jun 14:00"):
        """Runs one write at `now`, checks its confirmation, undoes it, and checks that `show` of every
        contact and `stats` are back to what they were. Returns (before, after the write)."""
        before = self.snapshot(now)
        journal_before = self.journal(now)
        out = self.fu.ok(*args, now=now)
        for part in expected_parts:
            self.assertIn(part, out, f"fu {shlex.join(args)}")
        after = self.snapshot(now)
        self.assertNotEqual(after, before, "the write changed nothing, so undoing it proves nothing")
        journal = self.journal(now)
        self.assertEqual(len(journal), len(journal_before) + 1)
        newest = journal[0]
        self.assertEqual(newest["command"], command_line(args))
        self.assertIsNone(newest["undone"])
        self.undo(now, newest["ref"], command_line(args), when)
        undone = self.snapshot(now)
        self.assertEqual(undone["stats"], before["stats"])
        for cid in CONTACT_IDS:
            self.assertEqual(undone["show"][cid], before["show"][cid], f"fu show {cid} after the undo")
        journal_after = self.journal(now)
        self.assertEqual(journal_after[0]["ref"], newest["ref"])
        self.assertEqual(journal_after[0]["undone"], self.iso(now))
        self.assertEqual(journal_after[1:], journal_before)
        return before, after

    @staticmethod
    def iso(now):
        return now + ":00-04:00"  # June in New York

    @staticmethod
    def states(show):
        return {p["id"]: p["state"] for p in show["promises"]}


class UndoEveryWriteTest(UndoBase):
    """Every kind of write, then `fu undo`: show and stats are exactly as before."""

    def test_base_history(self):
        s = self.snapshot(TUE)
        self.assertEqual(self.states(s["show"][1]), {1: "due"})
        self.assertEqual(self.states(s["show"][2]), {2: "kept", 3: "upcoming"})
        self.assertIsNone(s["show"][3])
        self.assertEqual([(i["id"], i["promise"]) for i in s["show"][2]["interactions"]], [(1, 2)])
        self.assertEqual((s["stats"]["made"], s["stats"]["on_time"], s["stats"]["open"]), (3, 1, 2))

    def test_add(self):
        before, after = self.assert_undoes(
            ("add", "Grace Hopper", "--company", "Compiler Corp", "--tag", "prospect", "--note", "met at the fair"),
            ["Added Grace Hopper (Compiler Corp), id 3"])
        self.assertIsNone(before["show"][3])
        self.assertEqual(after["show"][3]["contact"]["name"], "Grace Hopper")
        self.assertIsNone(self.show(3, TUE))
        self.assertNotIn("Grace", self.fu.ok("contacts", now=TUE))

    def test_edit(self):
        before, after = self.assert_undoes(
            ("edit", "ada", "--name", "Ada King", "--phone", "+44 20 7946 0100", "--tz", "Europe/London",
             "--tag", "vip", "--untag", "prospect", "--note", "prefers mornings", "--email", ""),
            ["Ada King"])
        self.assertEqual((after["show"][1]["contact"]["name"], after["show"][1]["contact"]["tags"]),
                         ("Ada King", ["vip"]))
        self.assertEqual((before["show"][1]["contact"]["name"], before["show"][1]["contact"]["tags"]),
                         ("Ada Lovelace", ["prospect"]))
        self.assertIn("Ada Lovelace", self.fu.ok("contacts", "--tag", "prospect", now=TUE))
        self.assertEqual(self.fu.ok("contacts", "--tag", "vip", now=TUE), "No contacts match.\n")

    def test_promise(self):
        _, after = self.assert_undoes(
            ("promise", "ada", "friday", "3pm", "--agreed", "--about", "the contract"),
            ["Promised Ada Lovelace (Analytical Engines) a call Fri 19 Jun 15:00–15:15", "(agreed)", "[p4]"])
        self.assertEqual(self.states(after["show"][1]), {1: "due", 4: "upcoming"})

    def test_log_with_next(self):
        _, after = self.assert_undoes(
            ("log", "ada", "--note", "wants a quote", "--next", "thursday", "morning", "--about", "the quote"),
            ["Logged call with Ada Lovelace (Analytical Engines) (reached)  [i2]", "It kept p1 on time",
             "Thu 18 Jun 09:00–12:00", "about the quote  [p4]"])
        self.assertEqual(self.states(after["show"][1]), {1: "kept", 4: "upcoming"})
        self.assertEqual(after["stats"]["on_time"], 2)

    def test_reschedule(self):
        _, after = self.assert_undoes(
            ("reschedule", "ada", "thursday", "--reason", "quote not ready"),
            ["Moved p1 to p4: renegotiated in time", "Thu 18 Jun 09:00–17:00", "[p4]"])
        self.assertEqual(self.states(after["show"][1]), {1: "renegotiated", 4: "upcoming"})

    def test_cancel(self):
        _, after = self.assert_undoes(("cancel", "ada", "--reason", "they ordered online"),
                                      ["Cancelled p1 for Ada Lovelace"])
        self.assertEqual(self.states(after["show"][1]), {1: "cancelled"})

    def test_rm_archives_and_undo_brings_the_contact_back(self):
        before, after = self.assert_undoes(("rm", "ada"), ["Archived Ada Lovelace, id 1"])
        # An archived contact can still be shown: archived is set, and nothing else changed.
        self.assertIsNone(before["show"][1]["contact"]["archived"])
        self.assertEqual(after["show"][1]["contact"]["archived"], self.iso(TUE))
        self.assertIn("Ada Lovelace", self.fu.ok("contacts", now=TUE))
        self.assertEqual(self.fu.ok("contacts", "--archived", now=TUE), "No archived contacts.\n")

    def test_restore(self):
        self.fu.ok("rm", "ada", now=MON_PM)
        before, after = self.assert_undoes(("restore", "1"), ["Restored Ada Lovelace (Analytical Engines), id 1"])
        self.assertEqual(before["show"][1]["contact"]["archived"], self.iso(MON_PM))
        self.assertIsNone(after["show"][1]["contact"]["archived"])
        self.assertIn("Ada Lovelace", self.fu.ok("contacts", "--archived", now=TUE))

    def test_purge(self):
        # Bob has a kept promise, an open one and an interaction: all of it must come back, linked.
        before, after = self.assert_undoes(("rm", "bob", "--purge", "--yes"),
                                           ["Erased Bob Byte (id 2) and all its history"])
        self.assertIsNone(after["show"][2])
        self.assertEqual(after["stats"]["made"], 1)
        self.assertEqual(self.states(before["show"][2]), {2: "kept", 3: "upcoming"})
        # The full-text index came back too: the note and the company are found again.
        self.assertIn("Bob Byte", self.fu.ok("log", "--search", "brochure", now=TUE))
        self.assertIn("Bob Byte", self.fu.ok("contacts", "--search", "Byte", now=TUE))

    def test_fix_interaction(self):
        # A call no longer keeps the email promise p2; it keeps the call promise p3 instead (Monday is
        # within 3 working days before Thursday, p3 is not agreed, and an attempt that reached nobody
        # is no conversation that could have made p3).
        _, after = self.assert_undoes(("fix", "i1", "--kind", "call", "--note", "phoned about the brochure"),
                                      ["Corrected i1 (call with Bob Byte", "p2 is open again.",
                                       "p3 is now kept on time."])
        self.assertEqual(self.states(after["show"][2]), {2: "overdue", 3: "kept"})
        self.assertEqual([i["promise"] for i in after["show"][2]["interactions"]], [3])

    def test_fix_interaction_contact(self):
        # The email was really a call with Ada: Bob's p2 reopens; Ada's p1 is kept (early, on Monday).
        _, after = self.assert_undoes(("fix", "i1", "--contact", "ada", "--kind", "call"),
                                      ["Corrected i1 (call with Ada Lovelace", "p2 is open again.",
                                       "p1 is now kept on time."])
        self.assertEqual(self.states(after["show"][1]), {1: "kept"})
        self.assertEqual(self.states(after["show"][2]), {2: "overdue", 3: "upcoming"})

    def test_fix_promise(self):
        _, after = self.assert_undoes(("fix", "p2", "--via", "call", "--about", "the printed brochure", "--agreed"),
                                      ["Corrected p2", "about the printed brochure", "p2 is open again."])
        p2 = next(p for p in after["show"][2]["promises"] if p["id"] == 2)
        self.assertEqual((p2["via"], p2["about"], p2["agreed"], p2["state"]),
                         ("call", "the printed brochure", True, "overdue"))

    def test_fix_delete(self):
        _, after = self.assert_undoes(("fix", "i1", "--delete"), ["Deleted i1 (email with Bob Byte",
                                                                  "p2 is open again."])
        self.assertEqual(after["show"][2]["interactions"], [])
        self.assertIn("sent the brochure", self.fu.ok("log", "--search", "brochure", now=TUE))

    def test_log_not_interested(self):
        # A "no" closes the contact and cancels its open promises; undo reopens both.
        _, after = self.assert_undoes(("log", "bob", "email", "--outcome", "not-interested"),
                                      ["Cancelled p3 (its open promise); Bob Byte is out of follow-up."])
        self.assertEqual(after["show"][2]["contact"]["closed"], self.iso(TUE))
        self.assertIsNone(self.show(2, TUE)["contact"]["closed"])


class UndoStepsTest(UndoBase):
    """Several steps back; the list; refusals; nothing to undo."""

    STEPS = [
        (MON_PM, ("promise", "ada", "friday", "--about", "the contract"), "Mon 15 Jun 16:00"),        # u7, p4
        (TUE, ("log", "ada", "--note", "pricing agreed", "--next", "thursday", "morning"), "Tue 16 Jun 14:00"),  # u8
        (WED, ("reschedule", "ada", "friday", "morning", "--promise", "p5", "--reason", "waiting for legal"),
         "Wed 17 Jun 10:00"),                                                                        # u9, p6
        (WED_LATER, ("edit", "ada", "--phone", "+1 212 555 0199"), "Wed 17 Jun 11:00"),               # u10
    ]

    def test_four_steps_back(self):
        states = [self.snapshot(FRI)]
        for now, args, _ in self.STEPS:
            self.fu.ok(*args, now=now)
            states.append(self.snapshot(FRI))
        for a, b in zip(states, states[1:]):
            self.assertNotEqual(a, b)
        self.assertEqual(self.states(states[4]["show"][1]),
                         {1: "kept", 4: "overdue", 5: "renegotiated", 6: "overdue"})
        self.assertEqual(states[4]["show"][1]["contact"]["phone"], "+1 212 555 0199")
        for step in range(4, 0, -1):
            now, args, when = self.STEPS[step - 1]
            self.undo(FRI, f"u{6 + step}", command_line(args), when)
            self.assertEqual(self.snapshot(FRI), states[step - 1], f"after undoing step {step}")

        journal = self.journal(FRI)
        self.assertEqual([e["ref"] for e in journal], [f"u{n}" for n in range(10, 0, -1)])
        self.assertEqual([e["id"] for e in journal], list(range(10, 0, -1)))
        self.assertEqual([e["undone"] for e in journal], [self.iso(FRI)] * 4 + [None] * 6)
        self.assertEqual([e["command"] for e in journal[:4]], [command_line(a) for _, a, _ in reversed(self.STEPS)])
        self.assertEqual([e["at"] for e in journal[:4]], [self.iso(n) for n, _, _ in reversed(self.STEPS)])
        self.assertFalse(any(e["command"].startswith("fu undo") for e in journal), "undo journaled itself")
        human = lines(self.fu.ok("undo", "--list", now=FRI))
        self.assertEqual(human[0].split(), ["CHANGE", "WHEN", "COMMAND"])
        self.assertEqual(len(human), 11)
        for line in human[1:5]:
            self.assertTrue(line.endswith("undone"), line)
        for line in human[5:]:
            self.assertFalse(line.endswith("undone"), line)
        self.assertTrue(human[1].startswith("u10  "), human[1])
        self.assertIn("fu edit ada --phone '+1 212 555 0199'", human[1])

        # A new change takes the next number; undo takes it back, then steps over the undone ones.
        self.fu.ok("promise", "ada", "monday", now=FRI)
        self.assertEqual(self.journal(FRI)[0]["ref"], "u11")
        self.undo(FRI, "u11", "fu promise ada monday", "Fri 19 Jun 18:00")
        self.undo(FRI, "u6", "fu promise bob thursday --about 'a demo'", "Mon 15 Jun 16:00")
        self.assertEqual(self.states(self.show(2, FRI)), {2: "kept"})

    def test_undo_a_named_change_that_a_later_one_depends_on_is_refused(self):
        self.fu.ok("log", "ada", "--note", "pricing agreed", now=TUE)                     # u7, i2 keeps p1
        self.fu.ok("log", "bob", "--note", "demo booked", now=TUE_LATER)                  # u8, Bob
        self.fu.ok("fix", "i2", "--note", "pricing agreed for ten seats", now=WED)        # u9, Ada again
        before = self.snapshot(WED)
        journal = self.journal(WED)
        r = self.fu.fail(5, "undo", "u7", now=WED)
        errors = self.fu.error_lines(r)
        self.assertEqual(len(errors), 1, r.err)
        self.assertEqual(lines(r.err)[0], errors[0])
        self.assertIn("u7", errors[0])
        self.assertIn("fu log ada --note 'pricing agreed'", errors[0])
        self.assertIn("u9", errors[0])
        self.assertIn("fu fix i2", errors[0])
        self.assertNotIn("u8", errors[0])  # Bob's change is not in the way
        self.assertEqual(self.snapshot(WED), before)
        self.assertEqual(self.journal(WED), journal)

        # An older change of another contact can be undone past Ada's later ones.
        ada = self.show(1, WED)
        self.undo(WED, "u8", "fu log bob --note 'demo booked'", "Tue 16 Jun 15:30", named=True)
        self.assertEqual(self.show(1, WED), ada)
        bob = self.show(2, WED)
        self.assertEqual(bob["interactions"], before["show"][2]["interactions"][:1])  # oldest first
        self.assertEqual([i["note"] for i in bob["interactions"]], ["sent the brochure"])
        self.assertEqual(self.states(bob), {2: "kept", 3: "upcoming"})
        self.assertEqual([e["ref"] for e in self.journal(WED) if e["undone"]], ["u8"])
        # Undoing an undone change again: not found.
        r = self.fu.fail(3, "undo", "u8", now=WED)
        self.assertIn("u8", r.err)
        # Once the later change is undone, the first can be.
        self.undo(WED, "u9", "fu fix i2 --note 'pricing agreed for ten seats'", "Wed 17 Jun 10:00")
        self.undo(WED, "u7", "fu log ada --note 'pricing agreed'", "Tue 16 Jun 14:00")
        self.assertEqual(self.states(self.show(1, WED)), {1: "overdue"})
        self.assertEqual(self.show(1, WED)["interactions"], [])

    def test_a_change_touching_two_contacts_blocks_both(self):
        self.fu.ok("log", "bob", "--note", "it was Ada on the line", now=TUE)           # u7, i2 keeps p3 early
        self.fu.ok("fix", "i2", "--contact", "ada", now=TUE_LATER)                      # u8 touches Bob and Ada
        before = self.snapshot(TUE_LATER)
        r = self.fu.fail(5, "undo", "u5", now=TUE_LATER)  # Bob's email: u7 (and u8) came later
        self.assertIn("u5", self.fu.error_lines(r)[0])
        self.assertEqual(self.snapshot(TUE_LATER), before)
        r = self.fu.fail(5, "undo", "u3", now=TUE_LATER)  # Ada's promise: u8 moved i2 to her
        self.assertIn("u3", self.fu.error_lines(r)[0])
        self.assertIn("u8", self.fu.error_lines(r)[0])
        self.assertEqual(self.snapshot(TUE_LATER), before)

    def test_bad_change_references(self):
        before = self.snapshot(TUE)
        r = self.fu.fail(3, "undo", "u99", now=TUE)
        self.assertIn("u99", r.err)
        for bad in ("x5", "p1", "i1", "7"):
            with self.subTest(ref=bad):
                r = self.fu.fail(2, "undo", bad, now=TUE)
                self.assertIn(f'"{bad}"', r.err)
        self.fu.fail(2, "undo", "--list", "u1", now=TUE)
        self.assertEqual(self.snapshot(TUE), before)
        self.assertEqual(len(self.journal(TUE)), len(BASE))


class NothingToUndoTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)

    def test_missing_database_creates_no_file(self):
        before = self.fu.files()
        self.assertFalse(self.fu.db.exists())
        r = self.fu.fail(3, "undo")
        self.assertEqual(self.fu.error_lines(r), ["fu: there is nothing to undo"])
        r = self.fu.fail(3, "undo", "u1")
        self.assertEqual(len(self.fu.error_lines(r)), 1)
        self.assertEqual(self.fu.ok("undo", "--list"), "Nothing to undo yet.\n")
        self.assertEqual(self.fu.json("undo", "--list"), [])
        self.assertFalse(self.fu.db.exists())
        self.assertFalse(self.fu.db.parent.exists())
        self.assertEqual(self.fu.files(), before)

    def test_everything_undone_then_nothing_left(self):
        self.fu.ok("add", "Ada Lovelace")
        self.fu.ok("promise", "ada", "eod", now="2026-06-15T10:00")
        self.assertEqual(self.fu.ok("undo", now="2026-06-15T11:00"),
                         "Undid u2: fu promise ada eod  (Mon 15 Jun 10:00)\n")
        self.assertEqual(self.fu.ok("undo", now="2026-06-15T11:00"),
                         "Undid u1: fu add 'Ada Lovelace'  (Mon 15 Jun 09:30)\n")
        r = self.fu.fail(3, "undo", now="2026-06-15T11:00")
        self.assertEqual(self.fu.error_lines(r), ["fu: there is nothing to undo"])
        self.assertEqual(self.fu.json("contacts"), [])
        self.assertEqual(self.fu.json("stats")["made"], 0)
        self.assertEqual([(e["ref"], e["undone"]) for e in self.fu.json("undo", "--list")],
                         [("u2", "2026-06-15T11:00:00-04:00"), ("u1", "2026-06-15T11:00:00-04:00")])
        # A read is not a change: still nothing to undo.
        self.fu.ok("due")
        self.fu.fail(3, "undo")

    def test_undo_in_json(self):
        self.fu.ok("add", "Ada Lovelace")
        self.fu.ok("promise", "ada", "eod", now="2026-06-15T10:00")
        undone = self.fu.json("undo", now="2026-06-15T11:00")
        self.assertEqual(undone, {"id": 2, "ref": "u2", "at": "2026-06-15T10:00:00-04:00",
                                  "command": "fu promise ada eod"})
        self.assertEqual(self.fu.ok("undo", "--quiet", now="2026-06-15T11:00"), "")
        self.assertEqual([e["undone"] is not None for e in self.fu.json("undo", "--list")], [True, True])

    def test_a_failed_write_is_not_journaled(self):
        self.fu.ok("add", "Ada Lovelace")
        self.fu.fail(2, "promise", "ada", "tomorow")
        self.fu.fail(3, "cancel", "ada")
        self.assertEqual([e["command"] for e in self.fu.json("undo", "--list")], ["fu add 'Ada Lovelace'"])

    def test_the_journal_keeps_the_last_100_changes(self):
        for n in range(1, 103):
            self.fu.ok("add", f"Person {n}", "--quiet")
        journal = self.fu.json("undo", "--list")
        self.assertEqual(len(journal), 100)
        self.assertEqual((journal[0]["ref"], journal[-1]["ref"]), ("u102", "u3"))
        r = self.fu.fail(3, "undo", "u2")
        self.assertIn("u2", r.err)
        self.assertEqual(self.fu.ok("undo", "u3"), "Undid u3: fu add 'Person 3'  (Mon 15 Jun 09:30)\n")
        self.assertEqual(len(self.fu.json("contacts")), 101)


if __name__ == "__main__":
    unittest.main()
