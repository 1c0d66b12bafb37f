"""The second round of the time language through the built binary: what a salesperson says on the
phone is stored as the window they meant, on the customer's clock, and what fu read by a rule is
said on stderr."""
import json
import unittest

from fu_harness import FuSandbox

NOW = "2026-06-17T10:00"  # Wednesday, America/New_York (EDT, -04:00)


class PromiseWithTheNewPhrases(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now=NOW, tz="America/New_York")
        self.dana = self.fu.json("add", "Dana", "Scully", "--tz", "America/Los_Angeles")["id"]
        self.ada = self.fu.json("add", "Ada", "Lovelace")["id"]

    def promise(self, contact, *words):
        r = self.fu.run("promise", str(contact), *words, fmt="json")
        self.assertEqual(r.status, 0, str(r))
        return json.loads(r.out), r.err

    def test_an_hour_range_is_never_an_offset(self):
        p, err = self.promise(self.ada, "tomorrow", "2-4", "--agreed")
        self.assertEqual((p["earliest"], p["latest"]), ("2026-06-18T14:00:00-04:00", "2026-06-18T16:00:00-04:00"))
        self.assertEqual(err, 'note: "2-4" read as 14:00–16:00\n')

    def test_the_customers_clock_and_both_clocks_in_the_notice(self):
        p, err = self.promise(self.dana, "tomorrow", "2-4")
        self.assertEqual((p["earliest"], p["latest"]), ("2026-06-18T17:00:00-04:00", "2026-06-18T19:00:00-04:00"))
        self.assertEqual(err, 'note: "2-4" read as 14:00–16:00 (17:00–19:00 your time)\n')
        p, err = self.promise(self.dana, "tomorrow", "2pm", "my", "time")
        self.assertEqual(p["earliest"], "2026-06-18T14:00:00-04:00")
        self.assertIn("America/New_York", err)

    def test_their_time_needs_their_zone(self):
        r = self.fu.fail(2, "promise", str(self.ada), "tomorrow", "3pm", "their", "time")
        self.assertIn("does not know their time zone", r.err)
        self.assertEqual(self.fu.json("show", str(self.ada))["promises"], [])

    def test_everyday_phrases_are_stored_as_said(self):
        cases = {
            ("first", "thing", "tomorrow"): ("2026-06-18T09:00:00-04:00", "2026-06-18T10:00:00-04:00"),
            ("mid", "next", "week"): ("2026-06-23T09:00:00-04:00", "2026-06-25T17:00:00-04:00"),
            ("monday", "or", "tuesday"): ("2026-06-22T09:00:00-04:00", "2026-06-23T17:00:00-04:00"),
            ("after", "lunch"): ("2026-06-17T14:00:00-04:00", "2026-06-17T17:00:00-04:00"),
            ("around", "3"): ("2026-06-17T14:30:00-04:00", "2026-06-17T15:30:00-04:00"),
            ("eoq",): ("2026-06-17T10:00:00-04:00", "2026-06-30T17:00:00-04:00"),
        }
        for words, window in cases.items():
            with self.subTest(words=words):
                p, _ = self.promise(self.ada, *words)
                self.assertEqual((p["earliest"], p["latest"]), window)

    def test_a_refusal_stores_nothing(self):
        for words, message in [(("tomorrow", "4-2"), "ends before it starts"),
                               (("later",), '"later" alone is not a time'),
                               (("soon",), "is not a deadline"),
                               (("every", "3", "months"), "repeats")]:
            with self.subTest(words=words):
                r = self.fu.fail(2, "promise", str(self.ada), *words)
                self.assertIn(message, r.err)
        self.assertEqual(self.fu.json("show", str(self.ada))["promises"], [])


class WhenTheirTime(unittest.TestCase):
    def test_when_with_the_customers_zone_shows_both_clocks(self):
        fu = FuSandbox(self, now=NOW, tz="America/New_York")
        r = fu.run("when", "--tz", "Europe/London", "tomorrow", "4", "their", "time")
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(r.out, "Thu 18 Jun 11:00–11:15 EDT (16:00–16:15 in London)  "
                                "(tomorrow 4 their time)\n")
        self.assertEqual(r.err, 'note: "4" read as 16:00 (11:00 your time)\n')
        r = fu.run("when", "--tz", "Europe/London", "tomorrow", "4", fmt="json")
        data = json.loads(r.out)
        self.assertEqual(data["earliest"], "2026-06-18T11:00:00-04:00")
        self.assertEqual(data["notices"], ['"4" read as 16:00 (11:00 your time)'])

    def test_a_bad_zone_for_tz_is_refused(self):
        fu = FuSandbox(self, now=NOW, tz="America/New_York")
        r = fu.fail(2, "when", "--tz", "Mars/Olympus", "tomorrow")
        self.assertIn("unknown time zone", r.err)


if __name__ == "__main__":
    unittest.main()
