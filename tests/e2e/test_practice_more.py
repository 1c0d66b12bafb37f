"""End-to-end: the follow-up practice (issue 10), part 2 — knowing when to stop and when to come back,
not being pushy, reminding the customer in their own time zone, and interest.

Part 1 (test_practice.py) has the playbooks and cadences, and the sandbox used here. Unless a test says
otherwise the user works in New York (EDT, -04:00); Mon 15 Jun 2026 is a Monday.
"""

import json
import unittest

from fu_harness import lines, section
from test_practice import PracticeSandbox

MON = "2026-06-15T09:30"
MON_10 = "2026-06-15T10:00"
TUE = "2026-06-16T10:02"
TUE_1032 = "2026-06-16T10:32"
WED = "2026-06-17T10:00"
THU = "2026-06-18T10:00"
FRI = "2026-06-19T16:00"
NEXT_MON = "2026-06-22T09:00"


class StopAndComeBackTest(unittest.TestCase):
    """Issue 10, "Done when": a not-interested contact disappearing from every list and reappearing
    after `fu reopen`; not-now keeps a parked prospect in view."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self)
        self.fu.ok("add", "Kim Lee", "--company", "Lee Logistics")
        self.fu.ok("add", "Ann Park")
        self.fu.ok("log", "ann", "--outcome", "reached")  # Ann: in follow-up, no next step
        self.fu.ok("promise", "kim", "today", "--about", "the offer")  # p1, due now

    def lists(self, now):
        """Where Kim Lee shows: (due, due --all, contacts, digest, No next step of due and digest)."""
        fu = self.fu
        due = [p["contact"]["name"] for p in fu.json("due", now=now)]
        due_all = [p["contact"]["name"] for p in fu.due_all(now)]
        contacts = [c["name"] for c in fu.json("contacts", now=now)]
        digest = fu.json("digest", now=now)
        in_digest = [p["contact"]["name"] for key in ("overdue", "due_today", "remind_next_workday")
                     for p in digest[key]] + [c["name"] for c in digest["going_cold"]]
        no_next = [line.strip().split("  ")[0] for line in (section(fu.ok("due", now=now), "No next step") or [])]
        digest_no_next = [c["name"] for c in digest["no_next_step"]]
        return due, due_all, contacts, in_digest, no_next, digest_no_next

    def test_not_interested_leaves_every_list_and_reopen_brings_it_back(self):
        fu = self.fu
        self.assertEqual(self.lists(MON), (["Kim Lee"], ["Kim Lee"], ["Ann Park", "Kim Lee"], ["Kim Lee"],
                                           ["Ann Park"], ["Ann Park"]))
        out = fu.ok("log", "kim", "email", "--outcome", "not-interested", "--note", "went with a competitor",
                    now=MON_10)
        self.assertEqual(lines(out), ["Logged email with Kim Lee (Lee Logistics) (not-interested)  [i2]",
                                      "Cancelled p1 (its open promise); Kim Lee is out of follow-up."])
        # Gone from every list, today and a month on, and from every human list too.
        for now in (MON_10, "2026-07-20T10:00"):
            with self.subTest(now=now):
                due, due_all, contacts, in_digest, no_next, digest_no_next = self.lists(now)
                self.assertEqual((due, due_all, in_digest), ([], [], [] if now == MON_10 else ["Ann Park"]))
                self.assertEqual(contacts, ["Ann Park"])
                self.assertNotIn("Kim Lee", no_next + digest_no_next)
                for args in (("due",), ("due", "--all"), ("contacts",), ("digest",)):
                    self.assertNotIn("Kim", fu.ok(*args, now=now))
        # Still there for whoever looks: show says closed, --closed lists it, a search finds it.
        kim = fu.show("kim", MON_10)
        self.assertEqual(kim["contact"]["closed"], "2026-06-15T10:00:00-04:00")
        self.assertIn("  status  closed Mon 15 Jun 10:00 (said no or lost): out of follow-up\n",
                      fu.ok("show", "kim", now=MON_10))
        self.assertEqual([c["name"] for c in fu.json("contacts", "--closed", now=MON_10)], ["Kim Lee"])
        self.assertEqual([c["name"] for c in fu.json("contacts", "--search", "lee", now=MON_10)], ["Kim Lee"])

        # fu reopen: back in every list as a contact with no next step.
        later = "2026-06-16T11:00"
        self.assertEqual(fu.ok("reopen", "kim", now=later),
                         "Kim Lee (Lee Logistics) is back in follow-up. Agree a next step: fu promise 1 WHEN\n")
        # No next step: most recently active first.
        self.assertEqual(self.lists(later), ([], [], ["Ann Park", "Kim Lee"], [],
                                             ["Kim Lee (Lee Logistics)", "Ann Park"], ["Kim Lee", "Ann Park"]))
        kim = fu.show("kim", later)
        self.assertIsNone(kim["contact"]["closed"])
        show = fu.ok("show", "kim", now=later)
        self.assertNotIn("status", show)
        self.assertIn("none — agree a next step: fu promise 1 WHEN", show)
        self.assertEqual(fu.json("contacts", "--closed", now=later), [])
        self.assertEqual(fu.ok("contacts", "--closed", now=later), "No contacts have said no.\n")
        # The cancelled promise stays cancelled; a new one lists it again.
        self.assertEqual([(p["id"], p["state"]) for p in kim["promises"]], [(1, "cancelled")])
        fu.ok("promise", "kim", "tomorrow", now=later)
        self.assertEqual([p["contact"]["name"] for p in fu.due_all(later)], ["Kim Lee"])

    def test_reopen_of_an_open_contact_says_so_and_changes_nothing(self):
        self.assertEqual(self.fu.ok("reopen", "ann"), "Ann Park is in follow-up already; nothing to reopen.\n")
        self.assertIsNone(self.fu.json("reopen", "ann")["closed"])
        # Nothing was written: undo takes back the promise made in setUp, not a reopen.
        self.assertIn("fu promise kim today", self.fu.ok("undo"))
        self.fu.fail(3, "reopen", "nobody")

    def test_undo_takes_a_reopen_back(self):
        self.fu.ok("log", "kim", "--outcome", "lost", now=MON_10)
        self.fu.ok("reopen", "kim", now=MON_10)
        self.assertIn("fu reopen kim", self.fu.ok("undo", now=MON_10))
        self.assertEqual(self.fu.show("kim", MON_10)["contact"]["closed"], "2026-06-15T10:00:00-04:00")

    def test_a_closed_contact_with_a_cadence_is_not_kept_in_touch_until_reopened(self):
        self.fu.ok("edit", "ann", "--every", "weekly")
        self.fu.ok("log", "ann", "--outcome", "lost", now=MON_10)
        later = "2026-07-20T10:00"
        self.assertNotIn("Ann Park", [p["contact"]["name"] for p in self.fu.due_all(later)])
        self.assertNotIn("Ann Park", [c["name"] for c in self.fu.json("digest", now=later)["going_cold"]])
        self.fu.ok("reopen", "ann", now=later)
        rows = [(r["type"], r["contact"]["name"], r["state"]) for r in self.fu.due_all(later)
                if r["type"] == "keep-in-touch"]
        self.assertEqual(rows, [("keep-in-touch", "Ann Park", "overdue")])

    def test_not_now_keeps_the_contact_open_with_a_long_revisit(self):
        fu = self.fu
        fu.ok("add", "Linda Hart")
        r = fu.fail(2, "log", "linda", "--outcome", "not-now", now=MON_10)
        self.assertEqual(r.err, 'fu: "not-now" needs --next: when to come back\n'
                                'hint: e.g. --next "in 6 months" or --next "next quarter"\n')
        r = fu.fail(2, "log", "linda", "--outcome", "lost", "--next", "in", "6", "months", now=MON_10)
        self.assertEqual(fu.error_lines(r), ['fu: --next with "lost": there is no next step with a contact who said no'])
        self.assertIn("hint: ", r.err)
        self.assertIn("not-now", r.err.split("hint: ", 1)[1])
        self.assertEqual(fu.show("linda", MON_10)["interactions"], [])  # both refused, nothing written

        out = fu.ok("log", "linda", "--outcome", "not-now", "--note", "after the budget round",
                    "--next", "in", "6", "months", now=MON_10)
        self.assertEqual(lines(out), ["Logged call with Linda Hart (not-now)  [i2]",
                                      "Promised Linda Hart a call Tue 15 Dec 09:00–17:00 — in 6 months  [p2]"])
        linda = fu.show("linda", MON_10)
        self.assertIsNone(linda["contact"]["closed"])
        self.assertEqual([i["outcome"] for i in linda["interactions"]], ["not-now"])
        self.assertEqual([(p["id"], p["earliest"], p["latest"], p["state"]) for p in linda["open_promises"]],
                         [(2, "2026-12-15T09:00:00-05:00", "2026-12-15T17:00:00-05:00", "upcoming")])
        self.assertIn("Linda Hart", [c["name"] for c in fu.json("contacts", now=MON_10)])
        self.assertEqual([p["id"] for p in fu.due_all(MON_10) if p["contact"]["name"] == "Linda Hart"], [2])
        # Six months on, it is due.
        self.assertEqual([(p["id"], p["state"]) for p in fu.json("due", now="2026-12-15T10:00")
                          if p["contact"]["name"] == "Linda Hart"], [(2, "due")])

    def test_not_now_brings_back_a_contact_who_had_said_no(self):
        self.fu.ok("log", "kim", "--outcome", "not-interested", now=MON_10)
        r = self.fu.run("log", "kim", "--outcome", "not-now", "--next", "next", "quarter", now="2026-06-16T10:00")
        self.assertEqual((r.status, r.err), (0, "note: Kim Lee had said no; this puts them back in follow-up\n"))
        self.assertIsNone(self.fu.show("kim", "2026-06-16T10:00")["contact"]["closed"])


class NotPushyTest(unittest.TestCase):
    """Issue 10, "Done when": the pushy warning — warn, never refuse."""

    maxDiff = None
    GAP = "give Ada Lovelace a working day between tries (min_gap = 1 workday)"

    def setUp(self):
        self.fu = PracticeSandbox(self)
        self.fu.ok("add", "Ada Lovelace")

    def test_two_voicemails_30_minutes_apart(self):
        self.fu.ok("log", "ada", "voicemail", now=TUE)
        r = self.fu.run("log", "ada", "voicemail", now=TUE_1032)
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(r.err, f"warning: a voicemail 30 minutes after an unanswered voicemail (Tue 16 Jun 10:02); "
                                f"{self.GAP}\n")
        self.assertIn("Logged voicemail with Ada Lovelace (left-message)  [i2]", r.out)
        # Recorded all the same, and said in JSON too.
        self.assertEqual(len(self.fu.show("ada", TUE_1032)["interactions"]), 2)
        r = self.fu.run("log", "ada", "voicemail", "--format", "json", now="2026-06-16T10:40")
        self.assertEqual(r.status, 0, str(r))
        warnings = json.loads(r.out)["warnings"]
        self.assertEqual(["warning: " + w for w in warnings], r.err.splitlines())
        self.assertEqual(len(warnings), 2)  # 8 minutes after a voicemail, and a third attempt that day
        self.assertIn("this is the 3rd attempt to reach Ada Lovelace on Tue 16 Jun; more than 2 a day can feel "
                      "pushy (max_attempts_per_day = 2)", warnings)

    def test_three_calls_the_same_day(self):
        self.fu.ok("log", "ada", "--outcome", "reached", now=THU)
        self.fu.ok("log", "ada", "--outcome", "reached", now=THU)
        out = self.fu.warned("log", "ada", "--outcome", "reached", now=THU)
        self.assertIn("Logged call with Ada Lovelace (reached)  [i3]", out)
        r = self.fu.run("log", "ada", "--outcome", "reached", now="2026-06-18T16:00")
        self.assertEqual(r.err, "warning: this is the 4th attempt to reach Ada Lovelace on Thu 18 Jun; more than 2 a "
                                "day can feel pushy (max_attempts_per_day = 2)\n")
        # The next day starts a new count.
        self.fu.ok("log", "ada", "--outcome", "reached", now="2026-06-19T09:00")

    def test_three_unanswered_calls_in_the_same_minute(self):
        self.fu.ok("log", "ada", "--outcome", "no-answer", now=THU)
        r = self.fu.run("log", "ada", "--outcome", "no-answer", now=THU)
        self.assertEqual(r.err, f"warning: a call right after an unanswered call (Thu 18 Jun 10:00); {self.GAP}\n")
        r = self.fu.run("log", "ada", "--outcome", "no-answer", now=THU)
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(len(r.err.splitlines()), 2, str(r))
        self.assertIn("warning: this is the 3rd attempt to reach Ada Lovelace on Thu 18 Jun", r.err)

    def test_the_next_working_day_is_not_pushy(self):
        self.fu.ok("log", "ada", "voicemail", now=TUE)
        self.fu.ok("log", "ada", "--outcome", "no-answer", now="2026-06-17T09:00")  # Wednesday
        self.fu.ok("log", "ada", "voicemail", now=FRI)
        self.fu.ok("log", "ada", "--outcome", "no-answer", now=NEXT_MON)  # Monday after a Friday voicemail
        # An answer in between: the contact is not waiting on us.
        self.fu.ok("log", "ada", "email", "--in", "--note", "call me at 10", now="2026-06-22T09:30")
        self.fu.ok("log", "ada", "--outcome", "reached", now="2026-06-22T10:00")

    def test_history_logged_for_an_earlier_day_draws_no_warning(self):
        self.fu.ok("log", "ada", "voicemail", now=TUE)
        r = self.fu.run("log", "ada", "--outcome", "no-answer", "--at", "yesterday", "10:20", now=WED)
        self.assertEqual(r.status, 0, str(r))
        self.assertNotIn("warning:", r.err)

    def test_meetings_and_reminders_are_not_tries(self):
        self.fu.ok("log", "ada", "voicemail", now=TUE)
        self.fu.ok("log", "ada", "meeting", now=TUE_1032)  # she came by: an appointment, not a try
        self.fu.ok("log", "ada", "visit", now="2026-06-16T10:40")
        self.fu.ok("promise", "ada", "friday", "2pm", "--agreed", now="2026-06-17T08:00")
        # Two calls and a reminder on Wednesday: two attempts, within max_attempts_per_day.
        self.fu.ok("log", "ada", "--outcome", "reached", now="2026-06-17T09:00")
        self.fu.ok("remind", "ada", "-q", now="2026-06-17T09:05")
        self.fu.ok("log", "ada", "note", "--note", "prepared the demo", now="2026-06-17T09:10")
        self.fu.ok("log", "ada", "--outcome", "reached", now="2026-06-17T11:00")
        r = self.fu.run("log", "ada", "--outcome", "reached", now="2026-06-17T11:30")
        self.assertEqual(r.err, "warning: this is the 3rd attempt to reach Ada Lovelace on Wed 17 Jun; more than 2 a "
                                "day can feel pushy (max_attempts_per_day = 2)\n")

    def test_a_promise_the_same_day_as_an_unanswered_voicemail(self):
        self.fu.ok("log", "ada", "voicemail", now=WED)
        r = self.fu.run("promise", "ada", "today", "3pm", now="2026-06-17T10:05")
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(r.out, "Promised Ada Lovelace a call Wed 17 Jun 15:00–15:15 — today 3pm  [p1]\n")
        self.assertEqual(r.err, "warning: a promised window opening 5 hours after an unanswered voicemail "
                                f"(Wed 17 Jun 10:00); {self.GAP}\n")
        self.assertEqual([p["id"] for p in self.fu.show("ada", WED)["open_promises"]], [1])
        # Tomorrow is a working day later: fine.
        self.fu.ok("promise", "ada", "tomorrow", now="2026-06-17T10:05")
        # log --next warns about the window too.
        r = self.fu.run("log", "ada", "--outcome", "no-answer", "--next", "today", "4pm", now="2026-06-18T10:00")
        self.assertEqual(r.status, 0, str(r))
        self.assertIn("warning: a promised window opening 6 hours after an unanswered call (Thu 18 Jun 10:00)", r.err)

    def test_min_gap_none_turns_the_gap_warning_off(self):
        cfg = self.fu.config('min_gap = "none"\n')
        self.fu.ok("--config", cfg, "log", "ada", "voicemail", now=TUE)
        self.fu.ok("--config", cfg, "log", "ada", "voicemail", now=TUE_1032)
        self.fu.ok("--config", cfg, "promise", "ada", "today", "3pm", now=TUE_1032)
        self.assertEqual(self.fu.json("--config", cfg, "config")["settings"]["min_gap"]["value"], "none")

    def test_min_gap_in_hours_and_max_attempts_from_the_config_file(self):
        cfg = self.fu.config('min_gap = "4 hours"\nmax_attempts_per_day = 3\n')
        self.fu.ok("--config", cfg, "log", "ada", "voicemail", now="2026-06-16T10:00")
        r = self.fu.run("--config", cfg, "log", "ada", "--outcome", "no-answer", now="2026-06-16T13:00")
        self.assertEqual(r.err, "warning: a call 3 hours after an unanswered voicemail (Tue 16 Jun 10:00); "
                                "give Ada Lovelace 4 hours between tries (min_gap = 4 hours)\n")
        self.fu.ok("--config", cfg, "log", "ada", "--outcome", "reached", now="2026-06-16T17:01")  # the 3rd: fine
        r = self.fu.run("--config", cfg, "log", "ada", "--outcome", "reached", now="2026-06-16T17:30")
        self.assertIn("this is the 4th attempt", r.err)
        self.assertIn("(max_attempts_per_day = 3)", r.err)


class ReminderTest(unittest.TestCase):
    """Issue 10, "Done when": a reminder rendered in the customer's zone. The user is in London
    (BST, +01:00); Ada is in New York, five hours behind."""

    maxDiff = None
    MESSAGE = "Hi Ada — looking forward to our call tomorrow between 12:00 and 17:00 (your time) about the quote.\n"

    def setUp(self):
        self.fu = PracticeSandbox(self, tz="Europe/London")
        self.fu.ok("add", "Ada Lovelace", "--tz", "America/New_York", "--email", "ada@example.com",
                   "--company", "Analytical Engines")
        out = self.fu.ok("promise", "ada", "tomorrow", "afternoon", "their", "time", "--agreed", "--about", "the quote")
        self.assertEqual(out, "Promised Ada Lovelace (Analytical Engines) a call Tue 16 Jun 17:00–22:00 "
                              "(12:00–17:00 in New York) — tomorrow afternoon their time (agreed) — about the quote  [p1]\n")

    def remind(self, *args, now=None):
        """Runs fu remind; returns (stdout, the second line on stderr)."""
        r = self.fu.run("remind", *args, now=now)
        self.assertEqual(r.status, 0, str(r))
        return r.out, r.err

    def test_a_reminder_in_the_customers_zone_recorded_once_sent(self):
        fu = self.fu
        # The digest asks for a reminder, with the command that writes it.
        digest = fu.ok("digest")
        self.assertIn("Agreed for tomorrow — send a reminder today (1)\n"
                      "  - Tue 16 Jun 17:00–22:00 (12:00–17:00 in New York) — Ada Lovelace (Analytical Engines), "
                      "ada@example.com [agreed] — the quote  [p1]  fu remind p1\n", digest)
        self.assertEqual([p["id"] for p in fu.json("digest")["remind_next_workday"]], [1])

        # --dry-run: the text on Ada's clock, and nothing recorded.
        out, err = self.remind("ada", "--dry-run")
        self.assertEqual(out, self.MESSAGE)
        self.assertEqual(err, "note: not recorded (--dry-run) for p1; send it to ada@example.com\n")
        self.assertEqual(fu.show("ada")["interactions"], [])
        self.assertEqual(fu.json("log"), [])
        self.assertIn("fu remind p1", fu.ok("digest"))

        # Sent: recorded as a reminder that keeps nothing and is no attempt.
        out, err = self.remind("ada")
        self.assertEqual(out, self.MESSAGE)
        self.assertEqual(err, "note: recorded as sent (i1) for p1; send it to ada@example.com\n")
        log = fu.json("log", "--contact", "ada")
        self.assertEqual([(i["id"], i["kind"], i["outcome"], i["note"], i["promise"], i["reminds"]) for i in log],
                         [(1, "reminder", "sent", self.MESSAGE.rstrip("\n"), None, 1)])
        self.assertIn("reminder", fu.ok("log", "--contact", "ada"))
        ada = fu.show("ada")
        self.assertEqual([(p["id"], p["state"]) for p in ada["open_promises"]], [(1, "upcoming")])
        self.assertEqual((ada["attempts"], ada["unanswered"]), (0, 0))
        # The digest's reminder section drops it.
        digest = fu.json("digest")
        self.assertEqual(digest["remind_next_workday"], [])
        self.assertNotIn("send a reminder", fu.ok("digest"))
        self.assertEqual(fu.ok("digest", "--if-any"), "")

    def test_the_customers_day_not_the_users(self):
        # 00:30 Tuesday in London is 19:30 Monday in New York: for Ada the call is still tomorrow.
        out, _ = self.remind("ada", "--dry-run", now="2026-06-16T00:30")
        self.assertEqual(out, self.MESSAGE)
        # 10:00 Tuesday in London is 05:00 in New York: today.
        out, _ = self.remind("ada", "--dry-run", now="2026-06-16T10:00")
        self.assertEqual(out, self.MESSAGE.replace("tomorrow", "today"))

    def test_friday_lists_the_weekend_and_monday_and_drops_only_the_reminded_window(self):
        fu = self.fu
        fri = "2026-06-19T08:00"
        fu.ok("add", "Bo Berg", "--phone", "+1 555 0100")
        fu.ok("promise", "bo", "monday", "3pm", "--agreed", now=fri)  # p2; p1 (Ada, Tuesday) is not listed
        digest = fu.ok("digest", now=fri)
        self.assertIn("Agreed through Mon 22 Jun — send a reminder today (1)\n"
                      "  - Mon 22 Jun 15:00–15:15 — Bo Berg, +1 555 0100 [agreed]  [p2]  fu remind p2\n", digest)
        out, err = self.remind("bo", now=fri)
        self.assertEqual(out, "Hi Bo — looking forward to our call on Monday at 15:00 (your time).\n")
        self.assertEqual(err, "note: recorded as sent (i1) for p2; send it to +1 555 0100\n")
        self.assertNotIn("send a reminder", fu.ok("digest", now=fri))
        # A window moved after its reminder is a new window: listed again.
        fu.ok("reschedule", "p2", "monday", "4pm", now=fri)
        self.assertIn("[p3]  fu remind p3", fu.ok("digest", now=fri))

    # A reminder logged by hand says why it kept nothing, and suggests no correction fu refuses.
    def test_a_reminder_logged_by_hand_says_why_it_kept_nothing(self):
        out = self.fu.ok("log", "ada", "reminder", "--note", "see you tomorrow")
        self.assertIn("It kept no promise (a reminder keeps no promise); p1 is still open.", out)
        self.assertNotIn("fu fix i1 --promise p1", out)

    def test_a_reminder_cannot_be_made_to_keep_a_promise(self):
        r = self.fu.fail(2, "log", "ada", "reminder", "--promise", "p1")
        self.assertEqual(r.err, "fu: a reminder keeps no promise\nhint: log the call, email, … that kept it\n")

    def test_json(self):
        dry = self.fu.json("remind", "ada", "--dry-run")
        self.assertEqual((dry["message"], dry["interaction_id"]), (self.MESSAGE.rstrip("\n"), None))
        r = self.fu.json("remind", "p1")
        self.assertEqual((r["message"], r["interaction_id"], r["to"]), (self.MESSAGE.rstrip("\n"), 1, "ada@example.com"))
        self.assertEqual((r["promise"]["id"], r["promise"]["zone"], r["promise"]["agreed"]),
                         (1, "America/New_York", True))

    def test_reminding_twice_notes_the_first(self):
        self.remind("ada")
        r = self.fu.run("remind", "ada", now="2026-06-15T15:00")
        self.assertEqual(r.status, 0, str(r))
        self.assertIn("note: Ada Lovelace was reminded of p1 already (", r.err)
        self.assertEqual(len(self.fu.json("log", "--contact", "ada", now="2026-06-15T15:00")), 2)

    def test_a_reminder_keeps_no_promise_even_in_the_window(self):
        self.remind("ada", now="2026-06-16T16:55")
        ada = self.fu.show("ada", "2026-06-16T17:30")
        self.assertEqual([(p["id"], p["state"]) for p in ada["promises"]], [(1, "due")])
        self.assertEqual([i["promise"] for i in ada["interactions"]], [None])

    def test_nothing_to_remind(self):
        fu = self.fu
        fu.ok("add", "Bo Berg")
        r = fu.fail(3, "remind", "bo")
        self.assertEqual(fu.error_lines(r), ["fu: Bo Berg has no agreed callback ahead to remind them of"])
        fu.ok("promise", "bo", "friday", "--about", "pricing")  # p2, not agreed
        fu.fail(3, "remind", "bo")
        r = fu.fail(2, "remind", "bo", "--promise", "p2")
        self.assertEqual(fu.error_lines(r), ["fu: p2 was not agreed with Bo Berg: there is no time to remind them of"])
        self.assertIn("hint: if they agreed it: fu fix p2 --agreed", r.err)
        fu.fail(2, "remind", "p2")
        # Once the window is open, it is time to call, not to remind; a reference that is no promise: exit 3.
        fu.fail(3, "remind", "ada", now="2026-06-16T17:30")
        r = fu.fail(2, "remind", "ada", "--promise", "p1", now="2026-06-16T17:30")
        self.assertIn("open already", r.err)
        fu.fail(3, "remind", "p9")
        self.assertEqual(fu.json("log", now="2026-06-16T17:30"), [])

    def test_which_window_and_the_default_template(self):
        fu = self.fu
        fu.ok("add", "Bo Berg")  # no zone: the user's
        fu.ok("promise", "bo", "wednesday", "2pm", "--agreed")                        # p2
        r = fu.run("promise", "bo", "friday", "10-12", "--agreed", "--via", "visit", "--about", "the install")  # p3
        self.assertEqual((r.status, r.err), (0, 'note: "10-12" read as 10:00–12:00\n'))
        out, _ = self.remind("bo", "--dry-run")
        self.assertEqual(out, "Hi Bo — looking forward to our call on Wednesday at 14:00 (your time).\n")
        out, _ = self.remind("bo", "--promise", "p3", "--dry-run")
        self.assertEqual(out, "Hi Bo — looking forward to our visit on Friday between 10:00 and 12:00 (your time) "
                              "about the install.\n")

    def test_a_custom_template_from_the_config_file(self):
        cfg = self.fu.config('reminder_template = "Dear {name}[ ({company})], our {via} is {day}, {from}-{to} '
                             '{zone}[, re {about}]. [[fu]] {{x}}"\n')
        out, _ = self.remind("--config", cfg, "ada", "--dry-run")
        self.assertEqual(out, "Dear Ada Lovelace (Analytical Engines), our call is tomorrow, 12:00-17:00 "
                              "America/New_York, re the quote. [fu] {x}\n")
        self.fu.ok("add", "Bo Berg")
        self.fu.ok("promise", "bo", "wednesday", "2pm", "--agreed")
        out, _ = self.remind("--config", cfg, "bo", "--dry-run")
        self.assertEqual(out, "Dear Bo Berg, our call is on Wednesday, 14:00-14:15 Europe/London. [fu] {x}\n")


class InterestTest(unittest.TestCase):
    """--interest hot|warm|cold: shown, filtered by, and hot before cold within the same state."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self, now="2026-06-12T09:00")
        for name, level in (("Cora Cold", "cold"), ("Hank Hot", "hot"), ("Wanda Warm", "warm"), ("Pat Plain", None)):
            self.fu.ok("add", name, *(("--interest", level) if level else ()))
        self.fu.ok("add", "Olga Old", "--interest", "cold")
        self.fu.ok("promise", "olga", "today")  # Fri 12 Jun: overdue on Monday
        for name in ("cora", "hank", "wanda", "pat"):
            self.fu.ok("promise", name, "monday")  # p2..p5, due on Monday

    def test_hot_sorts_before_cold_within_the_same_state(self):
        due = self.fu.json("due", now=MON)
        self.assertEqual([(p["state"], p["contact"]["name"]) for p in due],
                         [("overdue", "Olga Old"), ("due", "Hank Hot"), ("due", "Wanda Warm"), ("due", "Pat Plain"),
                          ("due", "Cora Cold")])
        human = self.fu.ok("due", now=MON)
        self.assertEqual([line.split()[1] for line in section(human, "Due now")], ["Hank", "Wanda", "Pat", "Cora"])
        self.assertTrue(section(human, "Due now")[0].rstrip().endswith("hot"))
        tsv = self.fu.ok("due", "--format", "tsv", now=MON).splitlines()
        column = tsv[0].split("\t").index("interest")
        self.assertEqual([row.split("\t")[column] for row in tsv[1:]], ["cold", "hot", "warm", "", "cold"])

    def test_filter_by_interest(self):
        fu = self.fu
        self.assertEqual([p["contact"]["name"] for p in fu.json("due", "--interest", "hot", now=MON)], ["Hank Hot"])
        self.assertEqual([p["contact"]["name"] for p in fu.json("due", "--interest", "cold", now=MON)],
                         ["Olga Old", "Cora Cold"])
        self.assertEqual([c["name"] for c in fu.json("contacts", "--interest", "HOT", now=MON)], ["Hank Hot"])
        self.assertEqual([(c["name"], c["interest"]) for c in fu.json("contacts", "--interest", "warm", now=MON)],
                         [("Wanda Warm", "warm")])
        digest = fu.json("digest", "--interest", "hot", now=MON)
        self.assertEqual(([p["contact"]["name"] for p in digest["due_today"]], digest["overdue"]), (["Hank Hot"], []))
        self.assertNotIn("Cora", fu.ok("digest", "--interest", "hot", now=MON))
        self.assertIn("Cora", fu.ok("digest", now=MON))
        # Shown in the contact list.
        contacts = fu.ok("contacts", now=MON)
        self.assertIn("INTEREST", contacts.splitlines()[0])

    def test_edit_and_clear_interest(self):
        self.fu.ok("edit", "cora", "--interest", "hot")
        self.assertEqual(self.fu.show("cora")["contact"]["interest"], "hot")
        self.fu.ok("edit", "cora", "--interest", "none")
        self.assertIsNone(self.fu.show("cora")["contact"]["interest"])
        self.assertEqual([c["name"] for c in self.fu.json("contacts", "--interest", "hot")], ["Hank Hot"])

    def test_a_bad_level_is_refused(self):
        for args in (("add", "Xavier", "--interest", "lukewarm"), ("edit", "cora", "--interest", "lukewarm"),
                     ("due", "--interest", "lukewarm"), ("contacts", "--interest", "lukewarm"),
                     ("digest", "--interest", "lukewarm")):
            with self.subTest(args=args):
                r = self.fu.fail(2, *args)
                self.assertEqual(r.err, 'fu: unknown interest "lukewarm"\nhint: use one of: hot, warm, cold\n')
        self.assertEqual(self.fu.show("cora")["contact"]["interest"], "cold")
        self.assertNotIn("Xavier", [c["name"] for c in self.fu.json("contacts")])


class StoredWindowsTest(unittest.TestCase):
    """Each write keeps the keep-in-touch windows it changed, in the user's zone; a read in another
    zone, or of a file whose windows are not kept, computes them itself: the same rows either way."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self)
        cadences = ["weekly", "2-3 weeks", "monthly", "every 10 days", "quarterly"]
        for i in range(10):
            self.fu.ok("add", f"Contact {i}", "--every", cadences[i % 5], now=f"2026-05-{1 + i * 3:02}T{8 + i:02}:15")
        self.fu.ok("log", "contact 2", "email", now="2026-06-02T11:00")

    def views(self, tz=None):
        fu = self.fu
        return [fu.run("due", "--all", "--format", "json", now="2026-06-20T12:00", tz=tz).out,
                fu.run("due", "--check", "--format", "json", now="2026-06-20T12:00", tz=tz).out,
                fu.run("digest", "--format", "json", now="2026-06-20T12:00", tz=tz).out]

    def zones(self):
        """The zones the stored windows were computed in (each marked with its rules' fingerprint)."""
        rows = self.stored("SELECT DISTINCT touch_zone FROM contacts WHERE every <> ''")
        self.assertTrue(all(len(z.split(" ")) == 2 and len(z.split(" ")[0]) == 16 for (z,) in rows), rows)
        return [z.split(" ")[1] for (z,) in rows]

    def stored(self, sql):
        import sqlite3
        with sqlite3.connect(self.fu.db) as db:
            return db.execute(sql).fetchall()

    def test_the_windows_follow_the_zone_of_the_last_write(self):
        fu = self.fu
        self.assertEqual(self.zones(), ["America/New_York"])
        new_york = self.views()
        self.assertEqual(len(json.loads(new_york[0])), 10)
        # Read in Tokyo: the stored windows are New York's, so Tokyo's are computed, not read.
        tokyo = self.views("Asia/Tokyo")
        self.assertNotEqual(tokyo[0], new_york[0])
        self.assertEqual(self.zones(), ["America/New_York"])
        # A write in Tokyo keeps every window in Tokyo's time; the rows do not change.
        fu.ok("add", "Someone New", now="2026-06-20T12:00", tz="Asia/Tokyo")
        self.assertEqual(self.zones(), ["Asia/Tokyo"])
        self.assertEqual(self.views("Asia/Tokyo"), tokyo)
        self.assertEqual(self.views(), new_york)  # computed again in New York

    def test_a_cadence_fu_cannot_read_keeps_no_window_and_fails_nothing(self):
        import sqlite3
        with sqlite3.connect(self.fu.db) as db:
            db.execute("UPDATE contacts SET every = 'whenever the moon is full' WHERE name = 'Contact 0'")
        before = json.loads(self.views()[0])
        self.assertEqual(len(before), 9)
        self.fu.ok("log", "contact 1", "call", now="2026-06-20T12:00")
        [(zone, latest)] = self.stored("SELECT touch_zone, touch_latest FROM contacts WHERE name = 'Contact 0'")
        self.assertEqual((zone.split(" ")[1], latest), ("America/New_York", None))
        self.assertEqual(len(json.loads(self.views()[0])), 9)


if __name__ == "__main__":
    unittest.main()
