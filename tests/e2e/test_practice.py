"""End-to-end: the follow-up practice (issue 10), part 1 — playbooks and keep-in-touch cadences.

A won deal goes through the whole built-in `post-sale` playbook with --now advancing over weeks, each
step read from the moment the one before was kept; `fu plan` starts, shows and stops playbooks; config
playbooks are used and validated; a cadence goes due, overdue and starts again on a logged email; a
contact reaches give_up_after. Part 2 (test_practice_more.py): stopping and coming back, not being
pushy, customer reminders, interest.

The user works in New York (EDT, -04:00) in June–August 2026; Mon 15 Jun 2026 is a Monday.
"""

import unittest

from fu_harness import FuSandbox, lines, section

MON = "2026-06-15T09:30"  # the harness's default --now

POST_SALE = [
    ("confirm the order was entered", "by end of day"),
    ("confirm it shipped complete; if back-ordered, offer an alternative or a hold", "in 2-3 days"),
    ("confirm it arrived intact", "in a week"),
    ("is it working? any questions or problems implementing it?", "in 2-3 days"),
    ("repeat-order check-in", "in a month"),
]

class PracticeSandbox(FuSandbox):
    """FuSandbox plus config files and a contact's promises and steps."""

    def config(self, text: str, name: str = "practice.toml") -> str:
        path = self.root / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    def show(self, contact, now=None):
        return self.json("show", contact, now=now)

    def open_steps(self, contact, now=None):
        """(id, plan_step, earliest, latest, about) of each open promise of a contact."""
        return [(p["id"], p["plan_step"], p["earliest"], p["latest"], p["about"])
                for p in self.show(contact, now)["open_promises"]]

    def due_all(self, now=None, *extra):
        return self.json("due", "--all", *extra, now=now)


def window(when_json):
    return when_json["earliest"], when_json["latest"]


class PostSalePlaybookTest(unittest.TestCase):
    """Issue 10, "Done when": a won deal through the whole post-sale playbook, --now advancing."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self)
        self.fu.ok("add", "Ada Lovelace", "--company", "Analytical Engines")

    def when(self, now, *words):
        return window(self.fu.json("when", *words, now=now))

    def assert_current_step(self, now, pid, step, earliest, latest):
        about = POST_SALE[step - 1][0]
        self.assertEqual(self.fu.open_steps("ada", now), [(pid, step, earliest, latest, about)])
        due = self.fu.due_all(now)
        self.assertEqual([(p["type"], p["id"], p["plan_step"], p["earliest"], p["latest"], p["text"]) for p in due],
                         [("promise", pid, step, earliest, latest, POST_SALE[step - 1][1])])
        self.assertEqual(self.fu.json("plan", "ada", now=now)["current_step"], step)

    def test_a_won_deal_through_the_whole_post_sale_playbook(self):
        fu = self.fu
        # The built-in playbook, as `fu playbooks` lists it.
        books = fu.json("playbooks")
        self.assertEqual([(b["name"], b["origin"], b["on_won"]) for b in books], [("post-sale", "built in", True)])
        self.assertEqual([(s["step"], s["about"], s["when"], s["via"]) for s in books[0]["steps"]],
                         [(n + 1, about, when, "call") for n, (about, when) in enumerate(POST_SALE)])

        # Won: fu offers the on_won playbook (prints the command), and starts nothing by itself.
        out = fu.ok("log", "ada", "--outcome", "won", "--note", "signed for 40 units")
        self.assertEqual(lines(out), ["Logged call with Ada Lovelace (Analytical Engines) (won)  [i1]",
                                      "Won! Now the follow-up after the sale: fu plan 1 post-sale"])
        self.assertIsNone(fu.show("ada")["plan"])
        self.assertEqual(fu.due_all(), [])

        # Step 1, "by end of day", read from now (Mon 09:30).
        out = fu.ok("plan", "ada", "post-sale")
        self.assertEqual(lines(out), [
            "Started post-sale for Ada Lovelace (Analytical Engines) (5 steps)",
            "Step 1 of 5 of post-sale — confirm the order was entered: a call Mon 15 Jun 09:30–17:00  [p1]",
        ])
        self.assert_current_step(MON, 1, 1, "2026-06-15T09:30:00-04:00", "2026-06-15T17:00:00-04:00")
        # fu show lists the steps ahead.
        show = fu.ok("show", "ada")
        self.assertEqual(section(show, "Playbook post-sale"), [
            "  1. confirm the order was entered — a call Mon 15 Jun 09:30–17:00  [p1]",
            "  2. confirm it shipped complete; if back-ordered, offer an alternative or a hold — in 2-3 days "
            "after the step before",
            "  3. confirm it arrived intact — in a week after the step before",
            "  4. is it working? any questions or problems implementing it? — in 2-3 days after the step before",
            "  5. repeat-order check-in — in a month after the step before",
        ])

        # Kept Mon 11:00: step 2, "in 2-3 days", is read from Mon 11:00 → Wed 09:00 – Thu 17:00.
        kept1 = "2026-06-15T11:00"
        out = fu.ok("log", "ada", "--note", "order entered, ships Wednesday", now=kept1)
        self.assertEqual(lines(out), [
            "Logged call with Ada Lovelace (Analytical Engines) (reached)  [i2]",
            "It kept p1 on time — Mon 15 Jun 09:30–17:00. Not this one? fu fix i2 --promise PROMISE (or --aside).",
            "Next: Step 2 of 5 of post-sale — confirm it shipped complete; if back-ordered, offer an alternative "
            "or a hold: a call Wed 17 Jun 09:00 – Thu 18 Jun 17:00  [p2]",
        ])
        self.assertEqual(self.when(kept1, "in", "2-3", "days"),
                         ("2026-06-17T09:00:00-04:00", "2026-06-18T17:00:00-04:00"))
        self.assert_current_step(kept1, 2, 2, "2026-06-17T09:00:00-04:00", "2026-06-18T17:00:00-04:00")
        self.assertEqual(section(fu.ok("show", "ada", now=kept1), "Playbook post-sale")[:2], [
            "  1. confirm the order was entered  (done)",
            "  2. confirm it shipped complete; if back-ordered, offer an alternative or a hold — a call "
            "Wed 17 Jun 09:00 – Thu 18 Jun 17:00  [p2]",
        ])

        # Kept late, Tue 23 Jun: step 3, "in a week", is a week after *that* (Tue 30 Jun), not after the
        # window or the start of the playbook.
        kept2 = "2026-06-23T10:00"
        out = fu.ok("log", "ada", "--note", "shipped complete", now=kept2)
        self.assertIn("It kept p2 late (4d after the window)", out)
        self.assertIn("Next: Step 3 of 5 of post-sale — confirm it arrived intact: a call Tue 30 Jun 09:00–17:00  [p3]",
                      out)
        self.assertEqual(self.when(kept2, "in", "a", "week"),
                         ("2026-06-30T09:00:00-04:00", "2026-06-30T17:00:00-04:00"))
        self.assert_current_step(kept2, 3, 3, "2026-06-30T09:00:00-04:00", "2026-06-30T17:00:00-04:00")

        # Kept Tue 30 Jun 14:00: step 4, "in 2-3 days" → Thu 2 Jul 09:00 – Fri 3 Jul 17:00.
        kept3 = "2026-06-30T14:00"
        self.assertIn("It kept p3 on time", fu.ok("log", "ada", "--note", "arrived intact", now=kept3))
        self.assertEqual(self.when(kept3, "in", "2-3", "days"),
                         ("2026-07-02T09:00:00-04:00", "2026-07-03T17:00:00-04:00"))
        self.assert_current_step(kept3, 4, 4, "2026-07-02T09:00:00-04:00", "2026-07-03T17:00:00-04:00")

        # Kept Fri 3 Jul 10:00: step 5, "in a month" → Mon 3 Aug.
        kept4 = "2026-07-03T10:00"
        out = fu.ok("log", "ada", "--note", "working fine", now=kept4)
        self.assertIn("It kept p4 on time", out)
        self.assertIn("Next: Step 5 of 5 of post-sale — repeat-order check-in: a call Mon 3 Aug 09:00–17:00  [p5]", out)
        self.assertEqual(self.when(kept4, "in", "a", "month"),
                         ("2026-08-03T09:00:00-04:00", "2026-08-03T17:00:00-04:00"))
        self.assert_current_step(kept4, 5, 5, "2026-08-03T09:00:00-04:00", "2026-08-03T17:00:00-04:00")

        # fu undo of the log that kept step 4 takes step 5 away and reopens step 4.
        out = fu.ok("undo", now="2026-07-03T10:05")
        self.assertTrue(out.startswith("Undid u"), out)
        self.assertIn("fu log ada", out)
        ada = fu.show("ada", "2026-07-03T10:05")
        self.assertEqual([(p["id"], p["plan_step"], p["state"]) for p in ada["promises"]],
                         [(1, 1, "kept"), (2, 2, "late"), (3, 3, "kept"), (4, 4, "due")])
        self.assertEqual(ada["plan"]["current_step"], 4)
        self.assertEqual([p["id"] for p in fu.due_all("2026-07-03T10:05")], [4])
        # Logged again, step 5 comes back (a new promise: ids are never reused).
        self.assertIn("Next: Step 5 of 5 of post-sale — repeat-order check-in: a call Mon 3 Aug 09:00–17:00  [p6]",
                      fu.ok("log", "ada", "--note", "working fine", now=kept4))

        # The last step, kept: the playbook is done, and nothing of it is left open.
        done_at = "2026-08-03T11:00"
        logged = fu.json("log", "ada", "--note", "ordered 20 more", now=done_at)
        self.assertEqual((logged["kept"]["id"], logged["kept"]["plan_step"], logged["kept"]["state"]), (6, 5, "kept"))
        self.assertEqual((logged["plan"]["playbook"], logged["plan"]["end_reason"], logged["plan"]["ended"]),
                         ("post-sale", "done", "2026-08-03T11:00:00-04:00"))
        self.assertIsNone(logged["plan_step"])
        self.assertEqual(fu.due_all(done_at), [])
        ada = fu.show("ada", done_at)
        self.assertIsNone(ada["plan"])
        self.assertEqual(ada["open_promises"], [])
        self.assertEqual([(p["id"], p["plan_step"], p["state"]) for p in ada["promises"]],
                         [(1, 1, "kept"), (2, 2, "late"), (3, 3, "kept"), (4, 4, "kept"), (6, 5, "kept")])
        self.assertIn("playbook post-sale done", fu.ok("show", "ada", now=done_at))
        self.assertEqual(fu.ok("plan", "ada", now=done_at),
                         "Ada Lovelace is on no playbook. Start one: fu plan 1 NAME (fu playbooks lists them)\n")

    def test_the_last_step_kept_says_the_playbook_is_done(self):
        # A one-step playbook from the config file: keeping its only step ends it, in words.
        cfg = self.fu.config('[playbooks]\nthanks = [ { about = "thank-you call", when = "tomorrow" } ]\n')
        self.fu.ok("--config", cfg, "plan", "ada", "thanks")
        out = self.fu.ok("--config", cfg, "log", "ada", now="2026-06-16T10:00")
        self.assertIn("It kept p1 on time", out)
        self.assertIn("That was the last step of thanks: the playbook is done.", out)
        self.assertEqual(self.fu.due_all("2026-06-16T10:00"), [])

    def test_a_voicemail_left_keeps_a_call_step(self):
        self.fu.ok("plan", "ada", "post-sale")
        self.fu.ok("log", "ada", now="2026-06-15T11:00")  # keeps step 1; p2 Wed–Thu
        out = self.fu.ok("log", "ada", "voicemail", now="2026-06-18T15:00")
        self.assertIn("It kept p2 on time", out)
        self.assertIn("Next: Step 3 of 5 of post-sale — confirm it arrived intact: a call Thu 25 Jun 09:00–17:00  [p3]",
                      out)

    def test_a_rescheduled_step_stays_that_step(self):
        self.fu.ok("plan", "ada", "post-sale")
        self.fu.ok("log", "ada", now="2026-06-15T11:00")  # p2, step 2
        self.assertIn("Moved p2 to p3", self.fu.ok("reschedule", "ada", "friday", now="2026-06-16T11:00"))
        self.assertEqual([(pid, step) for pid, step, *_ in self.fu.open_steps("ada", "2026-06-16T11:00")], [(3, 2)])
        out = self.fu.ok("log", "ada", now="2026-06-19T11:00")
        self.assertIn("It kept p3 on time", out)
        self.assertIn("Next: Step 3 of 5 of post-sale — confirm it arrived intact: a call Fri 26 Jun 09:00–17:00  [p4]",
                      out)

    def test_cancelling_a_step_skips_it_and_reads_the_next_from_now(self):
        self.fu.ok("plan", "ada", "post-sale")
        out = self.fu.ok("cancel", "p1", now="2026-06-15T12:00")
        self.assertEqual(lines(out), [
            "Cancelled p1 for Ada Lovelace (Analytical Engines) (Mon 15 Jun 09:30–17:00)",
            "Next: Step 2 of 5 of post-sale — confirm it shipped complete; if back-ordered, offer an alternative "
            "or a hold: a call Wed 17 Jun 09:00 – Thu 18 Jun 17:00  [p2]",
        ])
        steps = self.fu.open_steps("ada", "2026-06-15T12:00")
        self.assertEqual(steps, [(2, 2, "2026-06-17T09:00:00-04:00", "2026-06-18T17:00:00-04:00", POST_SALE[1][0])])

    def test_a_step_over_by_then_is_read_from_the_next_working_morning(self):
        r = self.fu.run("plan", "ada", "post-sale", now="2026-06-19T18:30")  # Friday evening
        self.assertEqual(r.status, 0, str(r))
        self.assertIn("Step 1 of 5 of post-sale — confirm the order was entered: a call Mon 22 Jun 09:00–17:00  [p1]",
                      r.out)
        self.assertEqual(r.err, 'note: "by end of day" was over on Fri 19 Jun; read from Mon 22 Jun 09:00\n')


class PlanCommandTest(unittest.TestCase):
    """fu plan: --plan with won, one playbook at a time, --stop, a "no", unknown names."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self)
        self.fu.ok("add", "Ada Lovelace")
        self.fu.ok("add", "Bob Stone")

    def test_won_with_plan_starts_step_one_in_the_same_command_and_undo_takes_back_both(self):
        out = self.fu.ok("log", "ada", "--outcome", "won", "--plan")
        self.assertEqual(lines(out), [
            "Logged call with Ada Lovelace (won)  [i1]",
            "Started post-sale: Step 1 of 5 of post-sale — confirm the order was entered: "
            "a call Mon 15 Jun 09:30–17:00  [p1]",
        ])
        ada = self.fu.show("ada")
        self.assertEqual((ada["plan"]["playbook"], ada["plan"]["current_step"]), ("post-sale", 1))
        self.assertEqual([(p["id"], p["plan_step"], p["state"]) for p in ada["open_promises"]], [(1, 1, "due")])
        # The interaction that started it keeps none of its steps.
        self.assertEqual([i["promise"] for i in ada["interactions"]], [None])
        # One change: undo takes back the won call and the playbook.
        self.assertIn("fu log ada --outcome won --plan", self.fu.ok("undo"))
        ada = self.fu.show("ada")
        self.assertEqual((ada["plan"], ada["promises"], ada["interactions"]), (None, [], []))
        self.assertEqual(self.fu.due_all(), [])
        self.assertEqual(self.fu.ok("plan", "ada"),
                         "Ada Lovelace is on no playbook. Start one: fu plan 1 NAME (fu playbooks lists them)\n")

    def test_won_with_plan_in_json(self):
        logged = self.fu.json("log", "ada", "--outcome", "won", "--plan")
        self.assertEqual((logged["plan"]["playbook"], logged["plan"]["current_step"]), ("post-sale", 1))
        self.assertEqual((logged["plan_step"]["id"], logged["plan_step"]["plan_step"]), (1, 1))
        self.assertIsNone(logged["offer_playbook"])
        self.assertEqual(self.fu.json("log", "bob", "--outcome", "won")["offer_playbook"], "post-sale")

    def test_plan_without_won_is_refused(self):
        for args in (("log", "ada", "--plan"), ("log", "ada", "--outcome", "reached", "--plan")):
            r = self.fu.fail(2, *args)
            self.assertEqual(self.fu.error_lines(r), ["fu: --plan starts the after-sale playbook of a won deal"])
            self.assertIn("hint: ", r.err)
        self.assertEqual(self.fu.show("ada")["interactions"], [])

    def test_one_playbook_at_a_time(self):
        self.fu.ok("plan", "ada", "post-sale")
        r = self.fu.fail(5, "plan", "ada", "post-sale")
        self.assertEqual(r.err, "fu: Ada Lovelace is on playbook post-sale already (step 1 of 5)\n"
                                "hint: stop it first: fu plan 1 --stop\n")
        self.fu.fail(5, "log", "ada", "--outcome", "won", "--plan")
        ada = self.fu.show("ada")
        self.assertEqual(([p["id"] for p in ada["open_promises"]], ada["interactions"]), ([1], []))

    def test_stop_cancels_the_current_step(self):
        self.fu.ok("plan", "ada", "post-sale")
        self.assertEqual(self.fu.ok("plan", "ada", "--stop", now="2026-06-15T10:00"),
                         "Stopped playbook post-sale for Ada Lovelace; cancelled p1\n")
        ada = self.fu.show("ada", "2026-06-15T10:00")
        self.assertIsNone(ada["plan"])
        self.assertEqual([(p["id"], p["state"], p["reason"]) for p in ada["promises"]],
                         [(1, "cancelled", "playbook stopped")])
        self.assertEqual(self.fu.due_all("2026-06-15T10:00"), [])
        r = self.fu.fail(3, "plan", "ada", "--stop", now="2026-06-15T10:00")
        self.assertEqual(self.fu.error_lines(r), ["fu: Ada Lovelace is on no playbook"])
        self.fu.fail(3, "plan", "bob", "--stop")
        # Stopped, another can start.
        self.assertIn("Started post-sale", self.fu.ok("plan", "ada", "post-sale", now="2026-06-15T10:05"))
        self.fu.fail(2, "plan", "ada", "post-sale", "--stop", now="2026-06-15T10:05")

    def test_a_no_ends_the_playbook(self):
        self.fu.ok("plan", "bob", "post-sale")
        out = self.fu.ok("log", "bob", "--outcome", "not-interested", now="2026-06-15T10:00")
        self.assertEqual(lines(out), ["Logged call with Bob Stone (not-interested)  [i1]",
                                      "Cancelled p1 (its open promise); Bob Stone is out of follow-up.",
                                      "Playbook post-sale ended."])
        bob = self.fu.show("bob", "2026-06-15T10:00")
        self.assertIsNone(bob["plan"])
        self.assertEqual([(p["state"], p["reason"]) for p in bob["promises"]], [("cancelled", "not-interested")])
        self.assertIn("playbook post-sale ended: not-interested", self.fu.ok("show", "bob", now="2026-06-15T10:00"))
        self.fu.fail(3, "plan", "bob", "--stop", now="2026-06-15T10:00")

    def test_not_now_stops_the_playbook(self):
        self.fu.ok("plan", "ada", "post-sale")
        self.fu.ok("log", "ada", now="2026-06-15T11:00")  # keeps step 1; p2 is step 2, Wed–Thu
        out = self.fu.ok("log", "ada", "--outcome", "not-now", "--next", "in", "3", "months", now="2026-06-16T10:00")
        self.assertIn("Playbook post-sale ended.", out)
        ada = self.fu.show("ada", "2026-06-16T10:00")
        self.assertIsNone(ada["plan"])
        self.assertEqual([(p["text"], p["plan_step"], p["earliest"]) for p in ada["open_promises"]],
                         [("in 3 months", None, "2026-09-16T09:00:00-04:00")])

    # A not-now keeps the open step and parks the playbook: no next step is made to be cancelled.
    def test_not_now_makes_no_step_only_to_cancel_it(self):
        self.fu.ok("plan", "ada", "post-sale")
        self.fu.ok("log", "ada", now="2026-06-15T11:00")
        out = self.fu.ok("log", "ada", "--outcome", "not-now", "--next", "in", "3", "months", now="2026-06-16T10:00")
        self.assertNotIn("p3 (the playbook's open step)", out)
        steps = [p["plan_step"] for p in self.fu.show("ada", "2026-06-16T10:00")["promises"] if p["plan_step"]]
        self.assertEqual(steps, [1, 2])
        self.assertEqual(self.fu.json("stats", now="2026-06-16T10:00")["made"], 3)

    def test_from_reads_the_first_step_from_an_earlier_moment(self):
        self.fu.ok("plan", "ada", "post-sale", "--from", "yesterday", "3pm", now="2026-06-17T10:00")
        plan = self.fu.json("plan", "ada", now="2026-06-17T10:00")
        self.assertEqual((plan["started"], plan["from"]), ("2026-06-17T10:00:00-04:00", "2026-06-16T15:00:00-04:00"))
        self.assertEqual(self.fu.open_steps("ada", "2026-06-17T10:00"),
                         [(1, 1, "2026-06-16T15:00:00-04:00", "2026-06-16T17:00:00-04:00", POST_SALE[0][0])])
        r = self.fu.fail(2, "plan", "bob", "post-sale", "--from", "tomorrow")
        self.assertIn("in the future", r.err)

    # A whole day names no moment: the note says what the moment is for.
    def test_from_a_whole_day_says_what_it_reads_the_playbook_from(self):
        r = self.fu.run("plan", "ada", "post-sale", "--from", "yesterday", now="2026-06-16T10:00")
        self.assertEqual(r.status, 0, str(r))
        self.assertIn("a call Mon 15 Jun 09:00–17:00  [p1]", r.out)
        self.assertEqual(len(r.err.splitlines()), 1, str(r))
        self.assertTrue(r.err.startswith("note: no time given; "), str(r))
        self.assertIn("Mon 15 Jun 09:00", r.err)
        self.assertNotIn("logging", r.err)

    def test_an_unknown_playbook_is_refused_with_a_suggestion(self):
        r = self.fu.fail(2, "plan", "ada", "post-sal")
        self.assertEqual(r.err, 'fu: there is no playbook "post-sal" (did you mean "post-sale"?)\n'
                                "hint: the playbooks are: post-sale (fu playbooks shows their steps)\n")
        self.assertIsNone(self.fu.show("ada")["plan"])
        self.fu.fail(3, "plan", "nobody", "post-sale")


class PlaybooksFromConfigTest(unittest.TestCase):
    """Users define their own playbooks, and on_won, in the config file; mistakes name file and line."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self)
        self.fu.ok("add", "Ada Lovelace")

    def test_a_custom_playbook_offered_and_run_after_a_won_deal(self):
        cfg = self.fu.config('on_won = "onboarding"\n'
                             '\n'
                             '[playbooks]\n'
                             'onboarding = [\n'
                             '  { about = "welcome call", when = "tomorrow" },\n'
                             '  { about = "training check", when = "in a week", via = "email" },\n'
                             ']\n')
        books = self.fu.json("--config", cfg, "playbooks")
        self.assertEqual([(b["name"], b["origin"], b["on_won"]) for b in books],
                         [("post-sale", "built in", False), ("onboarding", f"{cfg}:4", True)])
        self.assertEqual([(s["about"], s["when"], s["via"]) for s in books[1]["steps"]],
                         [("welcome call", "tomorrow", "call"), ("training check", "in a week", "email")])
        human = self.fu.ok("--config", cfg, "playbooks")
        self.assertIn(f"onboarding  ({cfg}:4; offered after a won deal)\n"
                      "  1. welcome call — tomorrow, call\n"
                      "  2. training check — in a week after the step before, email\n", human)

        self.assertIn("Won! Now the follow-up after the sale: fu plan 1 onboarding",
                      self.fu.ok("--config", cfg, "log", "ada", "--outcome", "won"))
        out = self.fu.ok("--config", cfg, "log", "ada", "--outcome", "won", "--plan")
        self.assertIn("Started onboarding: Step 1 of 2 of onboarding — welcome call: a call Tue 16 Jun 09:00–17:00  [p1]",
                      out)
        out = self.fu.ok("--config", cfg, "log", "ada", "--note", "welcomed", now="2026-06-16T10:00")
        self.assertIn("Next: Step 2 of 2 of onboarding — training check: an email Tue 23 Jun 09:00–17:00  [p2]", out)
        # An email step is kept by an email, and that ends the playbook.
        self.assertIn("It kept no promise", self.fu.ok("--config", cfg, "log", "ada", now="2026-06-23T10:00"))
        out = self.fu.ok("--config", cfg, "log", "ada", "email", now="2026-06-23T11:00")
        self.assertIn("It kept p2 on time", out)
        self.assertIn("That was the last step of onboarding: the playbook is done.", out)

    def test_steps_as_arrays_of_tables_and_a_playbook_replacing_the_built_in_one(self):
        cfg = self.fu.config('[[playbooks.post-sale]]\nabout = "check the invoice"\nwhen = "in 2 days"\n')
        books = self.fu.json("--config", cfg, "playbooks")
        self.assertEqual([(b["name"], b["origin"], len(b["steps"])) for b in books], [("post-sale", f"{cfg}:1", 1)])
        self.assertIn("Started post-sale for Ada Lovelace (1 step)\n", self.fu.ok("--config", cfg, "plan", "ada", "post-sale"))

    def test_on_won_none_offers_nothing(self):
        cfg = self.fu.config('on_won = "none"\n')
        logged = self.fu.json("--config", cfg, "log", "ada", "--outcome", "won")
        self.assertIsNone(logged["offer_playbook"])
        self.assertNotIn("fu plan", self.fu.ok("--config", cfg, "log", "ada", "--outcome", "won"))

    def test_bad_playbooks_and_settings_name_the_file_and_line(self):
        cases = [
            ('[playbooks]\nonb = [\n  { about = "a", when = "tomorrow" },\n  { about = "b", when = "blurgh" },\n]\n',
             ':4: playbook onb step 2: when: "blurgh" is not a time phrase'),
            ('[[playbooks.x]]\nabout = "a"\nwhen = "tomorrow"\nvia = "fax"\n',
             ":4: playbook x step 1: via must be one of call, email, text, visit"),
            ('on_won = "nope"\n', ':1: on_won: there is no playbook "nope"'),
            ('\nreminder_template = "Hi {frist}"\n',
             ":2: reminder_template: unknown placeholder {frist} in the reminder template (did you mean {first}?)"),
            ('min_gap = "sometimes"\n', ':1: min_gap: cannot read min_gap "sometimes"'),
            ("max_attempts_per_day = 0\n", ":1: max_attempts_per_day must be a whole number from 1 to 100"),
        ]
        for n, (text, message) in enumerate(cases):
            with self.subTest(message=message):
                cfg = self.fu.config(text, f"bad{n}.toml")
                r = self.fu.fail(2, "--config", cfg, "playbooks")
                self.assertEqual(self.fu.error_lines(r), [f"fu: {cfg}{message}"])
                self.fu.fail(2, "--config", cfg, "due")


class KeepInTouchTest(unittest.TestCase):
    """Issue 10, "Done when": a cadence going due and overdue and resetting on a logged email."""

    maxDiff = None

    def setUp(self):
        self.fu = PracticeSandbox(self)

    def touch_rows(self, now):
        return [(r["type"], r["contact"]["name"], r["state"], r["earliest"], r["latest"], r["every"],
                 r["last_contact"]) for r in self.fu.due_all(now)]

    def test_due_overdue_and_reset_by_an_email(self):
        fu = self.fu
        self.assertEqual(fu.ok("add", "Bob Stone", "--every", "2-3 weeks"), "Added Bob Stone, id 1\n")
        self.assertEqual(fu.show("bob")["contact"]["every"], "2-3 weeks")
        self.assertIn("  touch   every 2-3 weeks — due Mon 29 Jun, overdue Mon 6 Jul\n", fu.ok("show", "bob"))
        start = "2026-06-15T09:30:00-04:00"
        row = ("keep-in-touch", "Bob Stone")
        window = ("2026-06-29T09:30:00-04:00", "2026-07-06T09:30:00-04:00", "2-3 weeks", start)
        # Ahead: upcoming in --all, not in today's list; a contact with a cadence has a next step.
        self.assertEqual(self.touch_rows(MON), [row + ("upcoming",) + window])
        self.assertEqual(fu.json("due"), [])
        self.assertNotIn("No next step", fu.ok("due"))
        # Two weeks on: due.
        two_weeks = "2026-06-29T10:00"
        self.assertEqual(self.touch_rows(two_weeks), [row + ("due",) + window])
        due = fu.json("due", now=two_weeks)
        self.assertEqual([(r["type"], r["id"], r["state"], r["about"]) for r in due],
                         [("keep-in-touch", None, "due", "keep in touch")])
        out = fu.ok("due", now=two_weeks)
        self.assertIn("keep in touch (every 2-3 weeks; last 2w ago)", out)
        self.assertEqual(fu.run("due", "--check", now=two_weeks).status, 1)
        # Three weeks on: overdue, and the digest says it is going cold.
        three_weeks = "2026-07-06T10:30"
        self.assertEqual(self.touch_rows(three_weeks), [row + ("overdue",) + window])
        self.assertIn("  - Bob Stone — last contact 3w ago (every 2-3 weeks)\n",
                      fu.ok("digest", now=three_weeks))
        cold = fu.json("digest", now=three_weeks)["going_cold"]
        self.assertEqual([(c["name"], c["every"], c["overdue"], c["last_interaction"]) for c in cold],
                         [("Bob Stone", "2-3 weeks", True, start)])
        # An email starts it again: gone from today's list, due two weeks after the email.
        fu.ok("log", "bob", "email", "--note", "sent the case study", now=three_weeks)
        self.assertEqual(fu.json("due", now=three_weeks), [])
        self.assertEqual(fu.json("digest", now=three_weeks)["going_cold"], [])
        self.assertEqual(self.touch_rows(three_weeks), [row + (
            "upcoming", "2026-07-20T10:30:00-04:00", "2026-07-27T10:30:00-04:00", "2-3 weeks",
            "2026-07-06T10:30:00-04:00")])
        self.assertEqual([r["state"] for r in fu.due_all("2026-07-20T11:00")], ["due"])
        # --every none removes it.
        fu.ok("edit", "bob", "--every", "none", now="2026-07-20T11:00")
        self.assertIsNone(fu.show("bob", "2026-07-20T11:00")["contact"]["every"])
        self.assertEqual(fu.due_all("2026-08-20T11:00"), [])

    def test_any_interaction_resets_it(self):
        self.fu.ok("add", "Bob Stone", "--every", "monthly")
        self.fu.ok("log", "bob", "note", "--note", "saw him at the trade fair", now="2026-07-10T12:00")
        rows = self.fu.due_all("2026-07-10T12:00")
        self.assertEqual([(r["earliest"], r["latest"], r["last_contact"]) for r in rows],
                         [("2026-08-10T12:00:00-04:00", "2026-08-25T12:00:00-04:00", "2026-07-10T12:00:00-04:00")])

    def test_a_contact_with_an_open_promise_has_no_keep_in_touch_row(self):
        self.fu.ok("add", "Bob Stone", "--every", "2-3 weeks")
        self.fu.ok("add", "Carl Berg", "--every", "2-3 weeks")
        self.fu.ok("promise", "carl", "in", "4", "weeks")
        rows = self.fu.due_all("2026-07-06T10:30")
        self.assertEqual([(r["type"], r["contact"]["name"], r["state"]) for r in rows],
                         [("keep-in-touch", "Bob Stone", "overdue"), ("promise", "Carl Berg", "upcoming")])

    def test_each_limit_lists_the_first_rows_of_the_whole_list(self):
        # Only the rows a limit shows are put in order; the others are only counted. Every limit
        # must still show the start of the unlimited list, with the same counts.
        fu = self.fu
        cadences = ["weekly", "2-3 weeks", "monthly", "every 10-14 days"]
        interests = ["hot", "warm", "cold", ""]
        for i in range(14):
            extra = ["--interest", interests[i % 4]] if interests[i % 4] else []
            fu.ok("add", f"Contact {i:02}", "--every", cadences[i % 4], *extra,
                  now=f"2026-05-{1 + (i * 7) % 28:02}T{8 + i % 9:02}:15")
        fu.ok("promise", "contact 03", "today", "5pm")
        fu.ok("promise", "contact 05", "tomorrow", now="2026-05-29T10:00")
        now = "2026-06-01T12:00"
        whole = fu.ok("due", "--until", "in 3 weeks", "--limit", "0", "--format", "tsv", now=now).splitlines()
        self.assertGreater(len(whole), 8)
        states = {line.split("\t")[0] for line in whole[1:]}
        for limit in range(1, len(whole)):
            shown = fu.ok("due", "--until", "in 3 weeks", "--limit", str(limit), "--format", "tsv",
                          now=now).splitlines()
            self.assertEqual(shown, whole[:limit + 1], f"--limit {limit}")
        human = fu.ok("due", "--until", "in 3 weeks", "--limit", "2", now=now)
        self.assertIn("Overdue (", human)
        self.assertTrue(states)

    def test_the_window_keeps_the_local_clock_across_a_change_of_offset(self):
        # US clocks go back on Sun 1 Nov 2026: the window keeps 10:00 local time, now at -05:00.
        self.fu.ok("add", "Bob Stone", "--every", "2-3 weeks", now="2026-10-20T10:00")
        self.assertEqual([(r["earliest"], r["latest"]) for r in self.fu.due_all("2026-10-20T10:00")],
                         [("2026-11-03T10:00:00-05:00", "2026-11-10T10:00:00-05:00")])

    def test_cadence_words(self):
        self.fu.ok("add", "Bob Stone")
        r = self.fu.fail(2, "edit", "bob", "--every", "biweekly")
        self.assertEqual(r.err, 'fu: "biweekly" is ambiguous (every 2 weeks or twice a week?)\n'
                                'hint: say "every 2 weeks" or "twice a week"\n')
        self.fu.fail(2, "add", "Carl Berg", "--every", "biweekly")
        self.assertEqual([c["name"] for c in self.fu.json("contacts")], ["Bob Stone"])
        self.fu.fail(2, "edit", "bob", "--every", "3-2 weeks")
        self.assertIsNone(self.fu.show("bob")["contact"]["every"])
        self.fu.ok("edit", "bob", "--every", "every other week")
        self.assertEqual(self.fu.show("bob")["contact"]["every"], "2-3 weeks")  # 2 weeks, overdue after 3


class GiveUpAfterTest(unittest.TestCase):
    """Issue 10, "Done when": a contact reaching give_up_after (7 unanswered attempts by default)."""

    DAYS = ["2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18", "2026-06-19", "2026-06-22", "2026-06-23",
            "2026-06-24"]  # working days, one attempt each: no crowding warning

    def setUp(self):
        self.fu = PracticeSandbox(self, now="2026-06-15T08:00")
        self.fu.ok("add", "Dan Morris")

    def assert_decide(self, r, run):
        """One note on stderr: decide whether to go on (cheerfully) or stop, with the command to stop."""
        self.assertEqual(len(r.err.splitlines()), 1, str(r))
        self.assertTrue(r.err.startswith(f"note: {run} unanswered attempts in a row; decide: keep trying cheerfully"),
                        str(r))
        self.assertTrue(r.err.endswith("or stop (fu log 1 note --outcome lost)\n"), str(r))

    def test_seven_unanswered_attempts_ask_you_to_decide(self):
        for n, day in enumerate(self.DAYS[:6], start=1):
            out = self.fu.ok("log", "dan", "--outcome", "no-answer", now=f"{day}T10:00")
            self.assertIn(f"{n} unanswered in a row — keep it friendly.", out)
        r = self.fu.run("log", "dan", "voicemail", now=f"{self.DAYS[6]}T10:00")
        self.assertEqual(r.status, 0, str(r))
        self.assert_decide(r, 7)
        self.assertNotIn("keep it friendly", r.out)
        self.assertEqual(self.fu.show("dan", f"{self.DAYS[6]}T10:00")["unanswered"], 7)
        r = self.fu.run("log", "dan", "--outcome", "no-answer", now=f"{self.DAYS[7]}T10:00")
        self.assertIn("note: 8 unanswered attempts in a row; decide", r.err)
        # Deciding to stop: the suggested command closes the contact.
        self.fu.ok("log", "1", "note", "--outcome", "lost", now=f"{self.DAYS[7]}T11:00")
        self.assertIsNotNone(self.fu.show("dan", f"{self.DAYS[7]}T11:00")["contact"]["closed"])

    def test_an_answer_ends_the_run(self):
        for day in self.DAYS[:6]:
            self.fu.ok("log", "dan", "--outcome", "no-answer", now=f"{day}T10:00")
        self.fu.ok("log", "dan", "email", "--in", "--note", "sorry, was away", now=f"{self.DAYS[6]}T09:00")
        out = self.fu.ok("log", "dan", "--outcome", "no-answer", now=f"{self.DAYS[6]}T10:00")
        self.assertIn("1 unanswered in a row — keep it friendly.", out)

    def test_a_reminder_sent_ends_no_run(self):
        self.fu.ok("promise", "dan", "jul", "20", "2pm", "--agreed")  # far ahead: the calls keep nothing
        for day in self.DAYS[:6]:
            self.fu.ok("log", "dan", "--outcome", "no-answer", now=f"{day}T10:00")
        self.fu.ok("remind", "dan", "-q", now=f"{self.DAYS[6]}T09:00")
        r = self.fu.run("log", "dan", "--outcome", "no-answer", now=f"{self.DAYS[6]}T10:00")
        self.assertEqual(r.status, 0, str(r))
        self.assert_decide(r, 7)

    def test_give_up_after_from_the_config_file(self):
        cfg = self.fu.config("give_up_after = 3\n")
        for day in self.DAYS[:2]:
            self.fu.ok("--config", cfg, "log", "dan", "--outcome", "no-answer", now=f"{day}T10:00")
        r = self.fu.run("--config", cfg, "log", "dan", "--outcome", "no-answer", now=f"{self.DAYS[2]}T10:00")
        self.assertEqual(r.status, 0, str(r))
        self.assert_decide(r, 3)


if __name__ == "__main__":
    unittest.main()
