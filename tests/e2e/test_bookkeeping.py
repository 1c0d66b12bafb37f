"""End-to-end: honest bookkeeping — which interaction keeps which promise (the keep rules), corrections
with `fu fix`, several open promises, references (p12, i31) and search.

Each test replays one failure reported in the issue and checks the honest result: the promise that was
not kept stays open, `fu stats` does not count it, and fu says why. The user works in New York; the
dates are in November and December 2026 (offset -05:00) unless a test says otherwise.
"""

import unittest

from fu_harness import FuSandbox, lines

# Mon 16 Nov 2026 … Fri 20 Nov 2026; Mon 21 Dec 2026.
MON = "2026-11-16T10:00"
MON_PM = "2026-11-16T16:30"
TUE = "2026-11-17T11:00"
TUE_2PM = "2026-11-17T14:05"
WED = "2026-11-18T10:00"
THU = "2026-11-19T10:00"
FRI = "2026-11-20T11:00"

# The keys of `fu stats --format json` that count promises (attempts and reaches count interactions).
PROMISE_STATS = ("made", "on_time", "late", "renegotiated_in_time", "broken", "cancelled", "overdue", "open",
                 "on_time_rate", "median_lateness_seconds")


class Bookkeeping(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)

    # --- helpers ---------------------------------------------------------------------------------

    def promise_stats(self, now):
        s = self.fu.json("stats", now=now)
        return {k: s[k] for k in PROMISE_STATS}

    def show(self, contact, now):
        return self.fu.json("show", contact, now=now)

    def states(self, contact, now):
        return {p["id"]: p["state"] for p in self.show(contact, now)["promises"]}

    def links(self, contact, now):
        """(interaction id, promise it kept) for each interaction of a contact, oldest first."""
        return [(i["id"], i["promise"]) for i in self.show(contact, now)["interactions"]]

    def open_ids(self, contact, now):
        return [p["id"] for p in self.show(contact, now)["open_promises"]]


class KeepRulesFromTheIssueTest(Bookkeeping):
    """The failures reported in the issue, replayed."""

    def test_1_reminder_email_does_not_keep_an_agreed_call(self):
        self.fu.ok("add", "Dana Scully", "--email", "dana@fbi.example")
        self.assertEqual(self.fu.ok("promise", "dana", "tomorrow", "2pm", "--agreed", "--about", "the demo"),
                         "Promised Dana Scully a call Tue 17 Nov 14:00–14:15 — tomorrow 2pm (agreed) — "
                         "about the demo  [p1]\n")
        before = self.promise_stats(MON_PM)
        out = self.fu.ok("log", "dana", "email", "--note", "Reminder: our call tomorrow at 2pm", now=MON_PM)
        self.assertEqual(lines(out)[:2], [
            "Logged email with Dana Scully (sent)  [i1]",
            "It kept no promise (p1 is a promised call; this was an email); p1 is still open. "
            "If it did: fu fix i1 --promise p1",
        ])
        self.assertNotIn("kept p1", out)
        self.assertEqual(self.promise_stats(MON_PM), before)
        self.assertEqual(before["open"], 1)
        self.assertEqual(self.open_ids("dana", MON_PM), [1])
        self.assertEqual(self.states("dana", MON_PM), {1: "upcoming"})
        self.assertEqual(self.links("dana", MON_PM), [(1, None)])
        # The agreed call, made on time, keeps it.
        out = self.fu.ok("log", "dana", "--note", "demo done", now=TUE_2PM)
        self.assertIn("It kept p1 on time — Tue 17 Nov 14:00–14:15.", out)
        self.assertEqual(self.links("dana", TUE_2PM), [(1, None), (2, 1)])
        stats = self.promise_stats(TUE_2PM)
        self.assertEqual((stats["on_time"], stats["open"], stats["on_time_rate"]), (1, 0, 1.0))

    def test_1_json_says_why_it_kept_nothing(self):
        self.fu.ok("add", "Dana Scully")
        self.fu.ok("promise", "dana", "tomorrow", "2pm", "--agreed")
        logged = self.fu.json("log", "dana", "email", "--note", "Reminder", now=MON_PM)
        self.assertEqual((logged["id"], logged["promise"], logged["kept"]), (1, None, None))
        self.assertEqual(logged["not_kept"], "p1 is a promised call; this was an email")

    def test_2_the_customers_reply_keeps_nothing(self):
        self.fu.ok("add", "Priya Patel", "--company", "Patel Imports")
        self.fu.ok("promise", "priya", "tomorrow", "--via", "email", "--about", "the quote")  # p1 Tue 09–17
        before = self.promise_stats(TUE)
        out = self.fu.ok("log", "priya", "email", "--outcome", "replied", "--note", "thanks, reading it", now=TUE)
        self.assertEqual(lines(out)[:2], [
            "Logged email with Priya Patel (Patel Imports) (replied)  [i1]",
            "It kept no promise (they reached out; that keeps no promise of yours); p1 is still open. "
            "If it did: fu fix i1 --promise p1",
        ])
        self.assertEqual(self.promise_stats(TUE), before)
        self.assertEqual(self.open_ids("priya", TUE), [1])
        self.assertEqual(self.states("priya", TUE), {1: "due"})
        # They write again (--in): still nothing of yours kept.
        out = self.fu.ok("log", "priya", "email", "--in", "--note", "one more question", now=TUE)
        self.assertIn("It kept no promise (they reached out; that keeps no promise of yours); p1 is still open.", out)
        self.assertEqual(self.promise_stats(TUE), before)
        self.assertEqual(self.links("priya", TUE), [(1, None), (2, None)])
        # Sending the quote keeps it.
        out = self.fu.ok("log", "priya", "email", "--note", "quote attached", now=TUE_2PM)
        self.assertIn("It kept p1 on time", out)
        self.assertEqual(self.states("priya", TUE_2PM), {1: "kept"})

    def test_2_an_email_from_the_customer_is_not_an_unanswered_attempt(self):
        # `log CONTACT email --in` is their reply (outcome "replied"), not one of *your* unanswered attempts.
        self.fu.ok("add", "Priya Patel")
        self.fu.ok("promise", "priya", "tomorrow", "--via", "email")
        out = self.fu.ok("log", "priya", "email", "--in", "--note", "a question about the quote", now=TUE)
        self.assertNotIn("unanswered", out)
        self.assertEqual(self.show("priya", TUE)["unanswered"], 0)

    def test_2_a_reply_corrected_with_out_still_keeps_nothing(self):
        # The rule is "not --in, not outcome replied": `fix iN --out` on an interaction whose outcome is
        # still "replied" keeps nothing.
        self.fu.ok("add", "Priya Patel")
        self.fu.ok("promise", "priya", "tomorrow", "--via", "email")  # p1 Tue 09–17
        self.fu.ok("log", "priya", "email", "--outcome", "replied", now=TUE)
        before = self.promise_stats(TUE)
        out = self.fu.ok("fix", "i1", "--out", now=TUE)
        self.assertNotIn("kept", out)
        self.assertEqual(self.fu.json("log", now=TUE)[0]["outcome"], "replied")
        self.assertEqual(self.states("priya", TUE), {1: "due"})
        self.assertEqual(self.promise_stats(TUE), before)

    def test_3_an_unrelated_early_call_keeps_nothing(self):
        self.fu.ok("add", "Tom Baker", now="2026-11-02T10:00")
        self.assertIn("Mon 21 Dec 09:00–17:00",
                      self.fu.ok("promise", "tom", "dec", "21", "--about", "the year-end check-in",
                                 now="2026-11-02T10:00"))
        before = self.promise_stats(FRI)
        out = self.fu.ok("log", "tom", "--note", "asked about an invoice", now=FRI)
        self.assertEqual(lines(out)[:2], [
            "Logged call with Tom Baker (reached)  [i1]",
            "It kept no promise (p1 opens more than 3 working days later); p1 is still open. "
            "If it did: fu fix i1 --promise p1",
        ])
        self.assertEqual(self.promise_stats(FRI), before)
        self.assertEqual(self.states("tom", FRI), {1: "upcoming"})
        self.assertEqual(self.links("tom", FRI), [(1, None)])
        due = self.fu.json("due", "--all", now=FRI)
        self.assertEqual([p["id"] for p in due], [1])

    def test_4_a_no_by_email_counts_no_promise_as_kept(self):
        self.fu.ok("add", "Ola Nordmann")
        self.fu.ok("add", "Kim Lee", "--company", "Lee Logistics")
        self.fu.ok("promise", "ola", "eod")                                        # p1
        self.fu.ok("log", "ola", now="2026-11-16T11:00")                           # i1 keeps p1
        self.fu.ok("promise", "kim", "tomorrow", "--via", "email", "--about", "the offer")  # p2 Tue 09–17
        self.fu.ok("promise", "kim", "friday", "--about", "a visit")               # p3
        before = self.fu.json("stats", now=TUE)
        self.assertEqual((before["on_time"], before["on_time_rate"], before["open"]), (1, 1.0, 2))
        # The "no" comes by email inside p2's window: it fits p2's channel and time, yet keeps nothing.
        out = self.fu.ok("log", "kim", "email", "--outcome", "not-interested", "--note", "went with a competitor",
                         now=TUE)
        self.assertEqual(lines(out), [
            "Logged email with Kim Lee (Lee Logistics) (not-interested)  [i2]",
            "Cancelled p2, p3 (its open promises); Kim Lee is out of follow-up.",
        ])
        after = self.fu.json("stats", now=TUE)
        self.assertEqual((after["on_time"], after["on_time_rate"]), (before["on_time"], before["on_time_rate"]))
        self.assertEqual((after["made"], after["cancelled"], after["open"], after["late"]), (3, 2, 0, 0))
        kim = self.show("kim", TUE)
        self.assertEqual({p["id"]: (p["state"], p["reason"]) for p in kim["promises"]},
                         {2: ("cancelled", "not-interested"), 3: ("cancelled", "not-interested")})
        self.assertEqual(kim["open_promises"], [])
        self.assertEqual(kim["contact"]["closed"], "2026-11-17T11:00:00-05:00")
        self.assertEqual(self.links("kim", TUE), [(2, None)])
        self.assertEqual(self.fu.json("due", "--all", now=TUE), [])

    def test_4_lost_keeps_nothing_either(self):
        self.fu.ok("add", "Kim Lee")
        self.fu.ok("promise", "kim", "tomorrow", "--about", "the offer")  # p1, a call, Tue 09–17
        before = self.promise_stats(TUE)
        logged = self.fu.json("log", "kim", "--outcome", "lost", "--note", "budget cut", now=TUE)
        self.assertEqual((logged["promise"], logged["kept"], logged["cancelled"]), (None, None, [1]))
        after = self.promise_stats(TUE)
        self.assertEqual((after["on_time"], after["on_time_rate"]), (before["on_time"], before["on_time_rate"]))
        self.assertEqual((after["cancelled"], after["open"]), (1, 0))
        # --promise cannot force a "no" to keep one.
        self.fu.ok("add", "Jo Park")
        self.fu.ok("promise", "jo", "tomorrow")  # p2
        r = self.fu.fail(2, "log", "jo", "--outcome", "not-interested", "--promise", "p2", now=TUE)
        self.assertIn("not-interested", r.err)
        self.assertEqual(self.states("jo", TUE), {2: "due"})
        self.assertEqual(self.show("jo", TUE)["interactions"], [])

    def test_4_a_no_recorded_by_fix_cancels_the_promise_the_interaction_had_kept(self):
        # Correcting an interaction into a "no" (fix --outcome not-interested) cancels every open promise,
        # the one the interaction itself had kept too, and closes the contact.
        self.fu.ok("add", "Kim Lee")
        self.fu.ok("promise", "kim", "tomorrow", "--via", "email", "--about", "the offer")  # p1 Tue 09–17
        self.fu.ok("promise", "kim", "friday", "--about", "a visit")                      # p2
        self.assertIn("It kept p1 on time", self.fu.ok("log", "kim", "email", "--note", "no thanks", now=TUE))
        self.fu.ok("fix", "i1", "--outcome", "not-interested", now=TUE)
        kim = self.show("kim", TUE)
        self.assertIsNotNone(kim["contact"]["closed"])
        self.assertEqual(self.links("kim", TUE), [(1, None)])
        self.assertEqual(kim["open_promises"], [])
        self.assertEqual({p["id"]: p["state"] for p in kim["promises"]}, {1: "cancelled", 2: "cancelled"})
        self.assertEqual(self.fu.json("due", "--all", now=TUE), [])

    def test_5_logged_to_the_wrong_person_then_fixed(self):
        self.fu.ok("add", "Dan Morris")
        self.fu.ok("add", "Dana Scott")
        self.fu.ok("promise", "dan", "tomorrow", "afternoon", "--about", "pricing")  # p1 Tue 12–17
        self.fu.ok("promise", "dana", "tomorrow", "afternoon", "--about", "the demo")  # p2 Tue 12–17
        out = self.fu.ok("log", "dan", "--note", "walked through the demo", now=TUE_2PM)  # meant Dana
        self.assertIn("It kept p1 on time", out)
        before = self.promise_stats(TUE_2PM)
        out = self.fu.ok("fix", "i1", "--contact", "dana", now=TUE_2PM)
        self.assertEqual(lines(out), [
            "Corrected i1 (call with Dana Scott, Tue 17 Nov 14:05)  (fu undo takes it back)",
            "p1 is open again.",
            "p2 is now kept on time.",
        ])
        self.assertEqual(self.states("dan", TUE_2PM), {1: "due"})
        self.assertEqual(self.show("dan", TUE_2PM)["interactions"], [])
        self.assertEqual(self.states("dana", TUE_2PM), {2: "kept"})
        self.assertEqual(self.links("dana", TUE_2PM), [(1, 2)])
        self.assertEqual(self.promise_stats(TUE_2PM), before)  # one kept on time, one open, either way
        log = self.fu.json("log", now=TUE_2PM)
        self.assertEqual([(i["id"], i["contact"]["name"], i["promise"]) for i in log], [(1, "Dana Scott", 2)])
        # The other corrections recompute too: made a note, it keeps nothing; deleted, nothing is kept.
        self.assertIn("p2 is open again.", self.fu.ok("fix", "i1", "--kind", "note", now=TUE_2PM))
        self.assertIn("p2 is now kept on time.", self.fu.ok("fix", "i1", "--kind", "call", now=TUE_2PM))
        self.assertIn("p2 is now kept late", self.fu.ok("fix", "i1", "--at", "6pm", now="2026-11-17T19:00"))
        out = self.fu.ok("fix", "i1", "--delete", now="2026-11-17T19:00")
        self.assertEqual(lines(out), ["Deleted i1 (call with Dana Scott, Tue 17 Nov 18:00)  (fu undo takes it back)",
                                      "p2 is open again."])
        self.assertEqual(self.promise_stats("2026-11-17T19:00")["overdue"], 2)

    def test_6_cancel_with_two_open_promises_asks_which(self):
        self.fu.ok("add", "Sarah Connor")
        self.fu.ok("promise", "sarah", "tomorrow", "afternoon", "--about", "the quote")      # p1
        self.fu.ok("promise", "sarah", "friday", "--via", "email", "--about", "the contract")  # p2
        before = (self.show("sarah", TUE), self.fu.json("stats", now=TUE), self.fu.json("undo", "--list", now=TUE))
        for args in (("cancel", "sarah", "--reason", "done"), ("reschedule", "sarah", "monday")):
            with self.subTest(command=args[0]):
                r = self.fu.fail(3, *args, now=TUE)
                first = lines(r.err)[0]
                self.assertEqual(first, "fu: Sarah Connor has 2 open promises: "
                                        "p1 Tue 17 Nov 12:00–17:00 — the quote; "
                                        "p2 Fri 20 Nov 09:00–17:00 — the contract")
                self.assertEqual(len(self.fu.error_lines(r)), 1)
                self.assertEqual(lines(r.err)[1], f"hint: say which, e.g. fu {args[0]} p1"
                                                  + (" WHEN" if args[0] == "reschedule" else ""))
                self.assertEqual((self.show("sarah", TUE), self.fu.json("stats", now=TUE),
                                  self.fu.json("undo", "--list", now=TUE)), before)
        # The promise itself names the contact: fu cancel p2.
        out = self.fu.ok("cancel", "p2", "--reason", "signed by post", now=TUE)
        self.assertEqual(out, "Cancelled p2 for Sarah Connor (Fri 20 Nov 09:00–17:00)\n")
        self.assertEqual(self.states("sarah", TUE), {1: "upcoming", 2: "cancelled"})
        # With one open promise left, no --promise is needed.
        self.assertIn("Moved p1 to p3", self.fu.ok("reschedule", "sarah", "thursday", now=TUE))
        self.assertEqual(self.states("sarah", TUE), {1: "renegotiated", 2: "cancelled", 3: "upcoming"})


class ReferencesTest(Bookkeeping):
    """(7) Promises are p12, interactions i31, changes u7; each is refused where another is meant."""

    def test_promises_and_interactions_are_told_apart(self):
        self.fu.ok("add", "Sarah Connor")
        self.assertTrue(self.fu.ok("promise", "sarah", "tomorrow").endswith("[p1]\n"))
        self.assertTrue(self.fu.ok("promise", "sarah", "friday").endswith("[p2]\n"))
        out = self.fu.ok("log", "sarah", "voicemail", now=TUE)
        self.assertEqual(lines(out)[0], "Logged voicemail with Sarah Connor (left-message)  [i1]")
        self.assertIn("It kept p1 on time", out)
        self.fu.ok("log", "sarah", "note", "--note", "prefers email", now=TUE)  # i2
        self.fu.warned("log", "sarah", "email", "--aside", now=TUE)                 # i3
        show = self.fu.ok("show", "sarah", now=TUE)
        self.assertIn("[p1]", show)
        self.assertIn("[p2]", show)
        self.assertIn("[i1]", show)
        self.assertIn("[i3]", show)
        listing = self.fu.ok("log", now=TUE)
        self.assertEqual([line.split()[0] for line in lines(listing)[1:]], ["i3", "i2", "i1"])
        before = (self.show("sarah", TUE), self.fu.json("undo", "--list", now=TUE))
        for args in (("log", "sarah", "--promise", "i3"), ("cancel", "sarah", "--promise", "i3"),
                     ("reschedule", "sarah", "monday", "--promise", "i3")):
            with self.subTest(args=args):
                r = self.fu.fail(2, *args, now=TUE)
                self.assertEqual(self.fu.error_lines(r), ['fu: "i3" is not a promise (promises are written like p12)'])
        for args, status, text in ((("fix", "u3", "--note", "x"), 2, '"u3" names no interaction or promise'),
                                   (("fix", "i9", "--note", "x"), 3, "there is no interaction i9"),
                                   (("fix", "p9", "--about", "x"), 3, "there is no promise p9"),
                                   (("fix", "p1", "--note", "x"), 2, "correct an interaction"),
                                   (("fix", "i1", "--about", "x"), 2, "correct a promise"),
                                   (("log", "sarah", "--promise", "p1"), 3, "Sarah Connor has no open promise p1"),
                                   (("undo", "p1"), 2, '"p1" is not a change')):
            with self.subTest(args=args):
                r = self.fu.fail(status, *args, now=TUE)
                self.assertIn(text, self.fu.error_lines(r)[0])
        self.assertEqual((self.show("sarah", TUE), self.fu.json("undo", "--list", now=TUE)), before)
        # A promise of another contact is not this contact's.
        self.fu.ok("add", "Kyle Reese")
        self.fu.ok("promise", "kyle", "tomorrow", now=TUE)  # p3
        r = self.fu.fail(3, "log", "sarah", "--promise", "p3", now=TUE)
        self.assertIn("p3", r.err)
        self.assertEqual(self.states("kyle", TUE), {3: "upcoming"})


class ExplicitAndEarlyKeepsTest(Bookkeeping):
    """(8) --promise and --aside; early calls up to 3 working days before a window that was not agreed."""

    def test_promise_and_aside(self):
        self.fu.ok("add", "Ann Early")
        self.fu.ok("promise", "ann", "tomorrow", "afternoon", "--about", "the quote")  # p1 Tue 12–17
        self.fu.ok("promise", "ann", "friday", "--about", "the order")                 # p2 Fri 09–17
        # By the rules the call would keep p1 (closing soonest); --promise says it was about p2.
        out = self.fu.ok("log", "ann", "--promise", "p2", "--note", "the order is in", now=TUE_2PM)
        self.assertIn("It kept p2 on time — Fri 20 Nov 09:00–17:00.", out)
        self.assertEqual(self.states("ann", TUE_2PM), {1: "due", 2: "kept"})
        # --aside: a call about something else keeps nothing.
        out = self.fu.ok("log", "ann", "--aside", "--note", "chatted about the weather", now=TUE_2PM)
        self.assertEqual(lines(out), ["Logged call with Ann Early (reached)  [i2]", "It kept no promise (--aside)."])
        self.assertEqual(self.states("ann", TUE_2PM), {1: "due", 2: "kept"})
        self.assertEqual(self.links("ann", TUE_2PM), [(1, 2), (2, None)])
        # Contradictions and impossible choices are refused, and record nothing.
        for args in (("--aside", "--promise", "p1"), ("note", "--promise", "p1")):
            with self.subTest(args=args):
                self.fu.fail(2, "log", "ann", *args, now=TUE_2PM)
        self.fu.fail(3, "log", "ann", "--promise", "p2", now=TUE_2PM)  # already kept
        self.assertEqual(len(self.show("ann", TUE_2PM)["interactions"]), 2)
        # Without a choice, the next call keeps p1 by the rules.
        self.assertIn("It kept p1 on time", self.fu.warned("log", "ann", now=TUE_2PM))

    def test_explicit_promise_sticks_through_a_correction(self):
        self.fu.ok("add", "Ann Early")
        self.fu.ok("promise", "ann", "tomorrow", "afternoon")  # p1
        self.fu.ok("promise", "ann", "friday")                  # p2
        self.fu.ok("log", "ann", "--promise", "p2", now=TUE_2PM)
        self.fu.ok("fix", "i1", "--note", "about the order", "--outcome", "left-message", now=TUE_2PM)
        self.assertEqual(self.links("ann", TUE_2PM), [(1, 2)])
        self.assertEqual(self.states("ann", TUE_2PM), {1: "due", 2: "kept"})

    def test_early_call_keeps_a_window_that_was_not_agreed(self):
        self.fu.ok("add", "Ann Early")
        self.assertIn("Thu 19 Nov 09:00–17:00", self.fu.ok("promise", "ann", "thursday"))  # p1
        out = self.fu.ok("log", "ann", "--note", "called early", now=MON_PM)  # 3 working days before
        self.assertIn("It kept p1 on time — Thu 19 Nov 09:00–17:00.", out)
        self.assertEqual(self.states("ann", MON_PM), {1: "kept"})
        self.assertEqual(self.promise_stats(MON_PM)["on_time"], 1)

    def test_early_call_does_not_keep_an_agreed_time(self):
        self.fu.ok("add", "Agnes Agreed")
        self.assertIn("Thu 19 Nov 14:00–14:15", self.fu.ok("promise", "agnes", "thursday", "2pm", "--agreed"))
        before = self.promise_stats(WED)
        out = self.fu.ok("log", "agnes", "--note", "called a day early", now=WED)
        self.assertEqual(lines(out)[1],
                         "It kept no promise (you agreed Thu 19 Nov 14:00–14:15; this was early); p1 is still open. "
                         "If it did: fu fix i1 --promise p1")
        self.assertEqual(self.promise_stats(WED), before)
        self.assertEqual(self.states("agnes", WED), {1: "upcoming"})
        # Even ten minutes early is early for an agreed time; on time is on time.
        self.assertIn("this was early", self.fu.ok("log", "agnes", now="2026-11-19T13:50"))
        self.assertIn("It kept p1 on time", self.fu.ok("log", "agnes", now="2026-11-19T14:02"))
        # Made not agreed afterwards, the first early call keeps it instead.
        out = self.fu.ok("fix", "p1", "--not-agreed", now=THU)
        self.assertIn("p1 is now kept on time.", out)
        self.assertEqual(self.links("agnes", "2026-11-19T15:00"), [(1, 1), (2, None), (3, None)])

    def test_three_working_days_across_a_weekend(self):
        self.fu.ok("add", "Ann Early")
        self.fu.ok("add", "Bea Early")
        self.assertIn("Tue 24 Nov 09:00–17:00", self.fu.ok("promise", "ann", "nov", "24"))  # p1
        self.fu.ok("promise", "bea", "nov", "24")                                            # p2
        # Wednesday 18th is 4 working days before Tuesday 24th: too early.
        out = self.fu.ok("log", "bea", now="2026-11-18T16:59")
        self.assertIn("It kept no promise (p2 opens more than 3 working days later); p2 is still open.", out)
        # Thursday 19th (Thu, Fri, Mon before Tue) is in time.
        out = self.fu.ok("log", "ann", now="2026-11-19T08:00")
        self.assertIn("It kept p1 on time", out)
        self.assertEqual(self.states("ann", THU), {1: "kept"})
        self.assertEqual(self.states("bea", THU), {2: "upcoming"})

    def test_channel_decides_which_promise_a_log_keeps(self):
        self.fu.ok("add", "Val Visit")
        self.fu.ok("promise", "val", "tomorrow", "--via", "visit", "--about", "site survey")  # p1
        self.fu.ok("promise", "val", "tomorrow", "--via", "text", "--about", "parking code")  # p2
        self.fu.ok("promise", "val", "tomorrow", "--about", "the call")                       # p3
        out = self.fu.ok("log", "val", "voicemail", now=TUE)
        self.assertIn("It kept p3 on time", out)
        out = self.fu.warned("log", "val", "call", now=TUE)
        self.assertIn("It kept no promise", out)
        self.assertIn("It kept p2 on time", self.fu.warned("log", "val", "text", now=TUE))
        self.assertIn("It kept p1 on time", self.fu.ok("log", "val", "meeting", now=TUE))
        self.assertEqual(self.links("val", TUE), [(1, 3), (2, None), (3, 2), (4, 1)])


class SearchTest(Bookkeeping):
    """(9) `fu log --search` finds notes; `fu contacts --search` finds interaction notes and promise purposes."""

    def setUp(self):
        super().setUp()
        self.fu.ok("add", "Kim Lee", "--company", "Lee Logistics")
        self.fu.ok("add", "Ola Nordmann")
        self.fu.ok("add", "Pat Quinn", "--note", "plays golf")
        self.fu.ok("promise", "kim", "friday", "--about", "the forklift brochure")
        self.fu.ok("log", "ola", "--note", "asked about warehouse shelving prices", now=TUE)  # i1
        self.fu.ok("log", "kim", "--aside", "--note", "quick hello", now=TUE)                 # i2

    def test_log_search(self):
        out = self.fu.ok("log", "--search", "shelving", now=TUE)
        self.assertEqual(lines(out)[0].split(), ["ID", "WHEN", "CONTACT", "KIND", "OUTCOME", "NOTE"])
        self.assertEqual(len(lines(out)), 2)
        self.assertTrue(lines(out)[1].startswith("i1 "))
        self.assertIn("Ola Nordmann", out)
        self.assertIn("asked about warehouse shelving prices", out)
        found = self.fu.json("log", "--search", "prices shelving", now=TUE)  # all the words, any order
        self.assertEqual([(i["id"], i["contact"]["name"]) for i in found], [(1, "Ola Nordmann")])
        self.assertEqual([i["id"] for i in self.fu.json("log", "--search", "SHELVING", now=TUE)], [1])
        self.assertEqual(self.fu.json("log", "--search", "shelving tractor", now=TUE), [])  # every word
        self.assertEqual([i["id"] for i in self.fu.json("log", "--search", "hello", now=TUE)], [2])
        self.assertEqual(self.fu.json("log", "--search", "forklift", now=TUE), [])  # an about is not a note
        self.assertEqual(self.fu.ok("log", "--search", "tractor", now=TUE), "No interactions match.\n")

    def test_contacts_search(self):
        found = self.fu.json("contacts", "--search", "shelving", now=TUE)  # an interaction's note
        self.assertEqual([c["name"] for c in found], ["Ola Nordmann"])
        found = self.fu.json("contacts", "--search", "forklift", now=TUE)  # a promise's purpose
        self.assertEqual([c["name"] for c in found], ["Kim Lee"])
        out = self.fu.ok("contacts", "--search", "forklift", now=TUE)
        self.assertIn("Kim Lee", out)
        self.assertNotIn("Ola", out)
        self.assertEqual([c["name"] for c in self.fu.json("contacts", "--search", "golf", now=TUE)], ["Pat Quinn"])
        self.assertEqual(self.fu.ok("contacts", "--search", "tractor", now=TUE), "No contacts match.\n")
        # A corrected note or purpose is found by its new words, not its old ones.
        self.fu.ok("fix", "i1", "--note", "asked about pallet racking", now=TUE)
        self.fu.ok("fix", "p1", "--about", "the crane catalogue", now=TUE)
        self.assertEqual(self.fu.json("contacts", "--search", "shelving", now=TUE), [])
        self.assertEqual([c["name"] for c in self.fu.json("contacts", "--search", "racking", now=TUE)],
                         ["Ola Nordmann"])
        self.assertEqual([c["name"] for c in self.fu.json("contacts", "--search", "crane", now=TUE)], ["Kim Lee"])
        self.assertEqual(self.fu.json("contacts", "--search", "forklift", now=TUE), [])


if __name__ == "__main__":
    unittest.main()


class ReviewFindingsTest(Bookkeeping):
    """What a review as a new user found, and the honest behaviour now."""

    def setUp(self):
        super().setUp()
        self.fu.ok("add", "Ada Lovelace")
        self.fu.ok("promise", "ada", "friday")                        # p1
        self.fu.ok("log", "ada", "--note", "hi", now=MON_PM)          # i1

    def dump(self):
        return (self.show("ada", TUE), self.fu.json("stats", now=TUE), self.fu.json("undo", "--list", now=TUE))

    def test_contact_commands_refuse_a_record_reference(self):
        before = self.dump()
        for args, hint in ((("rm", "i1", "--purge", "--yes"), "hint: to delete the interaction: fu fix i1 --delete"),
                           (("rm", "p1"), "hint: to drop the promise: fu cancel p1; to correct it: fu fix p1"),
                           (("edit", "i1", "--name", "Oops"), "hint: to delete the interaction: fu fix i1 --delete"),
                           (("restore", "p1"), "hint: to drop the promise: fu cancel p1; to correct it: fu fix p1")):
            with self.subTest(args=args):
                r = self.fu.fail(2, *args, now=TUE)
                self.assertEqual(r.out, "")
                self.assertTrue(lines(r.err)[0].startswith(f"fu: fu {args[0]} changes a contact, and "), r.err)
                self.assertEqual(lines(r.err)[1], hint)
        self.assertEqual(self.dump(), before)

    def test_an_empty_promise_option_is_refused_not_ignored(self):
        before = self.dump()
        for args in (("cancel", "ada", "--promise", ""), ("reschedule", "ada", "monday", "--promise", ""),
                     ("log", "ada", "--promise", "", "--aside"), ("fix", "i1", "--promise", "")):
            with self.subTest(args=args):
                r = self.fu.fail(2, *args, now=TUE)
                self.assertEqual(self.fu.error_lines(r), ['fu: "" is not a promise (promises are written like p12)'])
        self.assertEqual(self.dump(), before)

    def test_a_fix_that_changes_nothing_writes_nothing(self):
        journal = self.fu.json("undo", "--list", now=TUE)
        self.assertEqual(self.fu.ok("fix", "p1", "--via", "call", now=TUE), "Nothing changed: p1 already says so.\n")
        self.assertEqual(self.fu.ok("fix", "i1", "--note", "hi", now=TUE), "Nothing changed: i1 already says so.\n")
        self.assertIs(self.fu.json("fix", "i1", "--note", "hi", now=TUE)["changed"], False)
        self.assertEqual(self.fu.json("undo", "--list", now=TUE), journal)
        # So undo still takes back the log, not something older.
        self.assertTrue(self.fu.ok("undo", now=TUE).startswith("Undid u3: fu log ada --note hi"))

    def test_a_blank_search_lists_everything(self):
        self.assertEqual([c["id"] for c in self.fu.json("contacts", "--search", "  ", now=TUE)], [1])
        self.assertEqual([i["id"] for i in self.fu.json("log", "--search", "  ", now=TUE)], [1])

    def test_an_email_sent_soon_after_log_next_delivers_early(self):
        self.fu.ok("add", "Grace Hopper")
        self.fu.ok("log", "grace", "--note", "wants a quote", "--next", "wednesday", "--via", "email",
                   now="2026-11-16T10:00")                                                         # p2
        out = self.fu.ok("log", "grace", "email", "--note", "quote attached", now="2026-11-16T10:20")
        self.assertIn("It kept p2 on time", out)
        # But a conversation a minute after `fu promise` is the one that made the promise.
        self.fu.ok("promise", "grace", "thursday", now="2026-11-16T11:00")                        # p3
        out = self.fu.warned("log", "grace", "--note", "agreed thursday", now="2026-11-16T11:01")
        self.assertIn("It kept no promise (p3 was made less than an hour before and its window opens later)", out)

    def test_write_commands_print_a_promise_with_its_real_counts(self):
        self.fu.ok("log", "ada", "voicemail", "--aside", now=TUE)                 # after p1 was made
        moved = self.fu.json("reschedule", "p1", "monday", now=WED)
        self.assertEqual((moved["attempts"], moved["unanswered"]), (0, 1))     # the contact's run goes on
        self.assertEqual((moved["previous"]["attempts"], moved["previous"]["unanswered"]), (2, 0))
        shown = {p["id"]: p for p in self.show("ada", WED)["promises"]}
        self.assertEqual(shown[1]["attempts"], moved["previous"]["attempts"])

    def test_an_archived_contacts_promise_says_whose_it_is(self):
        self.fu.ok("rm", "ada", now=TUE)
        r = self.fu.fail(3, "cancel", "p1", now=TUE)
        self.assertEqual(self.fu.error_lines(r), ["fu: p1 is Ada Lovelace's, who is archived"])
        self.assertIn("hint: bring them back first: fu restore 1", r.err)

    def test_fix_refuses_bad_input_and_changes_nothing(self):
        before = self.dump()
        cases = [
            (2, ("fix", "x1", "--note", "n"), 'fu: "x1" names no interaction or promise'),
            (2, ("fix", "u1", "--note", "n"), 'fu: "u1" names no interaction or promise'),
            (2, ("fix", "i1"), "fu: nothing to correct"),
            (2, ("fix", "p1"), "fu: nothing to correct"),
            (2, ("fix", "i1", "--in", "--out"), "fu: --in and --out contradict each other"),
            (2, ("fix", "i1", "--promise", "p1", "--aside"), "fu: --promise and --aside contradict each other"),
            (2, ("fix", "i1", "--delete", "--note", "n"), "fu: --delete deletes the interaction; it takes no corrections"),
            (2, ("fix", "p1", "--agreed", "--not-agreed"), "fu: --agreed and --not-agreed contradict each other"),
            (2, ("fix", "i1", "--about", "x"),
             "fu: --about, --via, --agreed and --not-agreed correct a promise (p12), not an interaction"),
            (2, ("fix", "i1", "--kind", "fax"), None),
            (2, ("fix", "p1", "--via", "pigeon"), None),
            (2, ("fix", "i1", "--at", "tomorrow"), None),
            (3, ("fix", "i9", "--note", "n"), "fu: there is no interaction i9"),
            (3, ("fix", "p9", "--about", "n"), "fu: there is no promise p9"),
            (3, ("fix", "i1", "--contact", "nobody"), None),
        ]
        for status, args, first in cases:
            with self.subTest(args=args):
                r = self.fu.fail(status, *args, now=TUE)
                self.assertEqual(r.out, "")
                self.assertEqual(len(self.fu.error_lines(r)), 1, r.err)
                if first:
                    self.assertEqual(self.fu.error_lines(r)[0], first)
        self.assertEqual(self.dump(), before)
