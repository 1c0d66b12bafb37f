"""End-to-end: contacts (issue 2) — add, edit, list, search, show, archive, purge, resolution,
the database file's life cycle, and `fu demo`."""

import hashlib
import os
import sqlite3
import stat
import unittest

from fu_harness import FuSandbox, lines

CONTACT_KEYS = {"id", "name", "company", "phone", "email", "tz", "tags"}


def listed_ids(text):
    """The ids in the first column of a human `fu contacts` table (header row skipped)."""
    rows = lines(text)
    return [int(row.split()[0]) for row in rows[1:] if row.strip()]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


class AddTest(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)

    def test_add_prints_the_new_id_and_name(self):
        out = self.fu.ok("add", "Ada Lovelace", "--company", "Analytical Engines")
        self.assertEqual(out, "Added Ada Lovelace (Analytical Engines), id 1\n")
        out = self.fu.ok("add", "Grace", "Hopper")  # several words make one name
        self.assertEqual(out, "Added Grace Hopper, id 2\n")

    def test_add_json_is_the_contact_object(self):
        c = self.fu.json("add", "Hedy Lamarr", "--company", "Frequency Hopping GmbH",
                         "--phone", "+49 30 5550 1234", "--email", "hedy@fh.example",
                         "--tz", "Europe/Berlin", "--tag", "prospect", "--tag", "eu",
                         "--note", "prefers mornings")
        self.assertIsInstance(c, dict)
        self.assertLessEqual(CONTACT_KEYS, set(c))
        self.assertEqual(c["id"], 1)
        self.assertEqual(c["name"], "Hedy Lamarr")
        self.assertEqual(c["company"], "Frequency Hopping GmbH")
        self.assertEqual(c["phone"], "+49 30 5550 1234")
        self.assertEqual(c["email"], "hedy@fh.example")
        self.assertEqual(c["tz"], "Europe/Berlin")
        self.assertEqual(sorted(c["tags"]), ["eu", "prospect"])
        # Unset fields are null, not "".
        bare = self.fu.json("add", "Bare Bones")
        self.assertEqual(bare["id"], 2)
        self.assertIsNone(bare["company"])
        self.assertIsNone(bare["phone"])
        self.assertIsNone(bare["email"])
        self.assertIsNone(bare["tz"])
        self.assertEqual(bare["tags"], [])

    def test_unicode_names_round_trip_and_resolve(self):
        self.assertEqual(self.fu.ok("add", "José Núñez", "--company", "Acme"),
                         "Added José Núñez (Acme), id 1\n")
        self.assertEqual(self.fu.ok("add", "山田太郎"), "Added 山田太郎, id 2\n")
        self.assertEqual(self.fu.ok("add", "Zoë Ångström"), "Added Zoë Ångström, id 3\n")
        names = [c["name"] for c in self.fu.json("contacts")]
        self.assertEqual(sorted(names), sorted(["José Núñez", "山田太郎", "Zoë Ångström"]))
        self.assertIn("José Núñez", self.fu.ok("contacts"))
        self.assertIn("山田太郎", self.fu.ok("contacts"))
        # A unique part of a non-ASCII name resolves, case-insensitively.
        self.assertEqual(self.fu.json("show", "núñez")["contact"]["id"], 1)
        self.assertEqual(self.fu.json("show", "NÚÑEZ")["contact"]["id"], 1)
        self.assertEqual(self.fu.json("show", "山田")["contact"]["id"], 2)
        self.assertEqual(self.fu.json("show", "ÅNGSTRÖM")["contact"]["id"], 3)
        self.assertRegex(lines(self.fu.ok("show", "山田"))[0], r"^山田太郎\b.*\b2\b")


class EditTest(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("add", "Ada Lovelace", "--company", "Analytical Engines", "--phone", "+1 212 555 0100",
                   "--email", "ada@example.com", "--tag", "hot", "--tag", "pilot")

    def test_edit_fields(self):
        out = self.fu.ok("edit", "ada", "--phone", "+44 20 7946 0000", "--email", "ada@engines.example",
                         "--tz", "Europe/London", "--note", "call after lunch")
        self.assertEqual(out, "Updated Ada Lovelace (Analytical Engines), id 1\n")
        c = self.fu.json("show", "1")["contact"]
        self.assertEqual(c["phone"], "+44 20 7946 0000")
        self.assertEqual(c["email"], "ada@engines.example")
        self.assertEqual(c["tz"], "Europe/London")
        self.assertEqual(c["company"], "Analytical Engines")  # untouched
        # "" clears a field.
        c = self.fu.json("edit", "1", "--company", "", "--tz", "")
        self.assertIsNone(c["company"])
        self.assertIsNone(c["tz"])
        self.assertEqual(c["phone"], "+44 20 7946 0000")

    def test_edit_tags_and_name(self):
        c = self.fu.json("edit", "lovelace", "--tag", "vip", "--untag", "hot", "--name", "Augusta Ada King")
        self.assertEqual(c["id"], 1)
        self.assertEqual(c["name"], "Augusta Ada King")
        self.assertEqual(sorted(c["tags"]), ["pilot", "vip"])
        self.assertEqual(listed_ids(self.fu.ok("contacts", "--tag", "vip")), [1])
        self.assertEqual(self.fu.ok("contacts", "--tag", "hot"), "No contacts match.\n")
        # The old name no longer resolves, the new one does.
        self.fu.fail(3, "show", "lovelace")
        self.assertEqual(self.fu.json("show", "augusta")["contact"]["name"], "Augusta Ada King")
        # The search index follows the rename.
        self.assertEqual([c["id"] for c in self.fu.json("contacts", "--search", "augusta")], [1])
        self.assertEqual(self.fu.json("contacts", "--search", "lovelace"), [])

    def test_edit_rejects_bad_values_and_changes_nothing(self):
        before = self.fu.json("show", "1")["contact"]
        r = self.fu.fail(2, "edit", "1", "--email", "not-an-email", "--phone", "+1 999")
        self.assertIn("not-an-email", r.err)
        self.fu.fail(2, "edit", "1", "--tz", "Mars/Olympus")
        self.fu.fail(2, "edit", "1", "--name", "")
        self.assertEqual(self.fu.json("show", "1")["contact"], before)


class ListingTest(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        fu = self.fu
        fu.ok("add", "Ada Lovelace", "--company", "Analytical Engines", "--phone", "+1 212 555 0100",
              "--email", "ada@example.com", "--tag", "prospect")
        fu.ok("add", "Grace Hopper", "--company", "Compiler Corp", "--email", "admiral@navy.example",
              "--tag", "customer")
        fu.ok("add", "Hedy Lamarr", "--phone", "+49 30 5550 1234", "--note", "loves golf and radios",
              "--tag", "prospect")
        fu.ok("add", "Alan Turing", "--company", "Bletchley Analytics")

    def search(self, *words):
        return sorted(c["id"] for c in self.fu.json("contacts", "--search", *words))

    def test_contacts_lists_every_live_contact(self):
        out = self.fu.ok("contacts")
        self.assertTrue(lines(out)[0].startswith("ID"), out)
        self.assertIn("NAME", lines(out)[0])
        self.assertEqual(sorted(listed_ids(out)), [1, 2, 3, 4])
        self.assertIn("Analytical Engines", out)
        data = self.fu.json("contacts")
        self.assertIsInstance(data, list)
        self.assertEqual(sorted(c["id"] for c in data), [1, 2, 3, 4])
        for c in data:
            self.assertLessEqual(CONTACT_KEYS, set(c))

    def test_contacts_by_tag(self):
        self.assertEqual(sorted(listed_ids(self.fu.ok("contacts", "--tag", "prospect"))), [1, 3])
        self.assertEqual(sorted(c["id"] for c in self.fu.json("contacts", "--tag", "customer")), [2])
        self.assertEqual(self.fu.json("contacts", "--tag", "nobody-has-this"), [])

    def test_search_matches_name_company_email_phone_and_notes(self):
        self.assertEqual(self.search("lovelace"), [1])          # name
        self.assertEqual(self.search("compiler"), [2])          # company
        self.assertEqual(self.search("admiral"), [2])           # email
        self.assertEqual(self.search("5550"), [3])              # phone
        self.assertEqual(self.search("golf"), [3])              # notes
        self.assertEqual(self.search("analyt"), [1, 4])         # word prefix, two companies
        self.assertEqual(self.search("zebra"), [])
        out = self.fu.ok("contacts", "--search", "golf")
        self.assertEqual(listed_ids(out), [3])
        self.assertEqual(self.fu.ok("contacts", "--search", "zebra"), "No contacts match.\n")

    def test_archived_listing(self):
        self.assertEqual(self.fu.json("contacts", "--archived"), [])
        self.assertEqual(self.fu.ok("rm", "turing"), "Archived Alan Turing, id 4 (undo: fu restore 4)\n")
        self.assertEqual(sorted(c["id"] for c in self.fu.json("contacts")), [1, 2, 3])
        archived = self.fu.json("contacts", "--archived")
        self.assertEqual([c["id"] for c in archived], [4])
        self.assertEqual(listed_ids(self.fu.ok("contacts", "--archived")), [4])
        # Searching does not surface archived contacts among the live ones.
        self.assertEqual(self.search("bletchley"), [])

    def test_show_human_and_json(self):
        self.fu.ok("edit", "hedy", "--tz", "Europe/Berlin", "--email", "hedy@fh.example")
        out = self.fu.ok("show", "hedy")
        self.assertRegex(lines(out)[0], r"^Hedy Lamarr\b.*\b3\b")
        self.assertIn("+49 30 5550 1234", out)
        self.assertIn("hedy@fh.example", out)
        self.assertIn("Europe/Berlin", out)
        self.assertIn("loves golf and radios", out)
        self.assertIn("Open promises", out)
        self.assertIn("History", out)
        data = self.fu.json("show", "hedy")
        self.assertLessEqual({"contact", "open_promises", "promises", "interactions", "unanswered"}, set(data))
        self.assertEqual(data["contact"]["id"], 3)
        self.assertEqual(data["open_promises"], [])
        self.assertEqual(data["promises"], [])
        self.assertEqual(data["interactions"], [])
        self.assertEqual(data["unanswered"], 0)


class FollowUpCountTest(unittest.TestCase):
    """fu contacts' "and N more" is a running count kept on every write: it must match the list
    itself after archiving, restoring, a no, a reopen, a change of interest, an undo, an import and
    a purge, and fu doctor must find no drift."""

    def setUp(self):
        self.fu = FuSandbox(self)

    def check(self, interest=None):
        extra = ["--interest", interest] if interest else []
        listed = len(self.fu.json("contacts", *extra))
        out = self.fu.ok("contacts", "--limit", "1", *extra)
        more = lines(out)[-1]
        if listed > 1:
            self.assertEqual(more, f"… and {listed - 1} more: --limit 0 lists them all", out)
        else:
            self.assertNotIn("more", out)

    def test_the_count_follows_every_write(self):
        fu = self.fu
        for name, interest in [("Ada One", "hot"), ("Bea Two", "warm"), ("Cy Three", "hot"),
                               ("Di Four", ""), ("Ed Five", "cold")]:
            fu.ok("-q", "add", name, *(["--interest", interest] if interest else []))
        steps = [
            ("rm", "ada"), ("restore", "ada"), ("rm", "bea"),
            ("log", "cy", "--outcome", "not-interested"), ("reopen", "cy"),
            ("log", "di", "--outcome", "not-interested"),
            ("edit", "ed", "--interest", "hot"), ("edit", "ada", "--interest", "cold"),
            ("undo",), ("undo",),
            ("rm", "ed", "--purge", "--yes"),
        ]
        self.check()
        for step in steps:
            fu.ok("-q", *step)
            with self.subTest(step=step):
                self.check()
                self.check("hot")
                self.check("cold")
        csv = self.fu.root / "more.csv"
        csv.write_text("name,interest\nFay Six,hot\nGus Seven,\nHal Eight,warm\n")
        fu.ok("-q", "import", str(csv))
        self.check()
        self.check("hot")
        self.assertEqual(fu.run("doctor").status, 0, fu.run("doctor"))


class ResolutionTest(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        self.fu.ok("add", "Ada Lovelace", "--company", "Analytical Engines", "--email", "ada@example.com")
        self.fu.ok("add", "Ada Byron", "--company", "Byron Ltd", "--email", "byron@example.com")
        self.fu.ok("add", "Grace Hopper", "--email", "grace@example.com")

    def shown_id(self, contact):
        return self.fu.json("show", contact)["contact"]["id"]

    def test_by_id(self):
        self.assertEqual(self.shown_id("2"), 2)
        self.assertEqual(self.shown_id("3"), 3)
        self.assertEqual(self.shown_id("#3"), 3)

    def test_by_exact_email(self):
        self.assertEqual(self.shown_id("byron@example.com"), 2)
        self.assertEqual(self.shown_id("grace@example.com"), 3)

    def test_by_unique_part_of_name_case_insensitively(self):
        self.assertEqual(self.shown_id("lovelace"), 1)
        self.assertEqual(self.shown_id("LOVE"), 1)
        self.assertEqual(self.shown_id("byr"), 2)
        self.assertEqual(self.shown_id("gRaCe"), 3)

    def test_ambiguous_lists_the_candidates(self):
        r = self.fu.fail(3, "show", "ada")
        self.assertEqual(len(self.fu.error_lines(r)), 1, r.err)
        for candidate in ("Ada Lovelace (Analytical Engines)", "Ada Byron (Byron Ltd)"):
            self.assertIn(candidate, r.err)
        self.assertRegex(r.err, r"\b1\b.*Ada Lovelace")
        self.assertRegex(r.err, r"\b2\b.*Ada Byron")
        self.assertNotIn("Grace", r.err)
        # The same for a write command, which then changes nothing.
        self.fu.fail(3, "promise", "ada", "tomorrow", "afternoon")
        self.assertEqual(self.fu.json("due", "--all"), [])

    def test_an_exact_name_beats_a_partial_one(self):
        self.fu.ok("add", "Ann")
        self.fu.ok("add", "Ann Lee")
        self.assertEqual(self.shown_id("ann"), 4)
        self.assertEqual(self.shown_id("lee"), 5)

    def test_writes_resolve_among_live_contacts(self):
        self.fu.ok("rm", "byron")
        # `promise` and `log` see only live contacts, so "ada" is Ada Lovelace...
        self.assertIn("Ada Lovelace", self.fu.ok("promise", "ada", "tomorrow"))
        self.fu.fail(3, "promise", "byron", "tomorrow")
        self.assertEqual([p["contact"]["id"] for p in self.fu.json("due", "--all")], [1])
        # ...while `show` also finds the archived one (its history is kept).
        self.assertEqual(self.shown_id("byron"), 2)

    def test_unknown(self):
        r = self.fu.fail(3, "show", "nobody")
        self.assertIn("nobody", r.err)
        r = self.fu.fail(3, "show", "99")
        self.assertIn("99", r.err)
        self.fu.fail(3, "edit", "nobody@example.com", "--phone", "+1 555 0100")
        self.fu.fail(3, "log", "nobody")
        self.fu.fail(3, "rm", "nobody")
        self.assertEqual(self.fu.json("log"), [])


class ArchiveAndPurgeTest(unittest.TestCase):
    NOW = "2026-06-15T09:30"
    LATER = "2026-06-16T13:00"  # Ada's window (tomorrow afternoon) is open

    def setUp(self):
        self.fu = FuSandbox(self)
        fu = self.fu
        fu.ok("add", "Ada Lovelace", "--company", "Analytical Engines", "--email", "ada@example.com")
        fu.ok("add", "Grace Hopper", "--company", "Compiler Corp")
        fu.ok("promise", "ada", "tomorrow", "afternoon", "--about", "pricing")   # #1
        fu.ok("log", "ada", "voicemail", "--note", "first try", "--promise", "p1")  # keeps #1
        fu.ok("promise", "ada", "tomorrow", "afternoon", "--about", "pricing again")  # #2, open
        fu.ok("promise", "grace", "tomorrow", "afternoon")                      # #3, open

    def due_ids(self):
        return [p["id"] for p in self.fu.json("due", "--all", now=self.LATER)]

    def test_rm_archives_hides_and_keeps_history_restore_undoes(self):
        self.assertEqual(self.due_ids(), [2, 3])
        self.assertEqual(self.fu.ok("rm", "ada"), "Archived Ada Lovelace, id 1 (undo: fu restore 1)\n")
        # Hidden from contacts and from due (human and JSON).
        self.assertEqual([c["id"] for c in self.fu.json("contacts")], [2])
        self.assertEqual(self.due_ids(), [3])
        self.assertNotIn("Ada", self.fu.ok("due", "--all", now=self.LATER))
        # History kept.
        data = self.fu.json("show", "1")
        self.assertIsNotNone(data["contact"]["archived"])
        self.assertEqual([p["id"] for p in data["promises"]], [1, 2])
        self.assertEqual(len(data["interactions"]), 1)
        self.assertEqual(data["interactions"][0]["note"], "first try")
        self.assertIn("archived", self.fu.ok("show", "1"))
        # Restore undoes it.
        self.assertEqual(self.fu.ok("restore", "ada"), "Restored Ada Lovelace (Analytical Engines), id 1\n")
        self.assertEqual(sorted(c["id"] for c in self.fu.json("contacts")), [1, 2])
        self.assertEqual(self.fu.json("contacts", "--archived"), [])
        self.assertEqual(self.due_ids(), [2, 3])
        self.assertIsNone(self.fu.json("show", "1")["contact"]["archived"])
        # Restoring a live contact is an error.
        self.fu.fail(3, "restore", "1")

    def test_purge_without_yes_is_refused_and_changes_nothing(self):
        before = (self.fu.json("show", "1"), self.fu.json("log"), self.fu.json("stats"))
        r = self.fu.fail(2, "rm", "ada", "--purge")
        self.assertIn("--yes", r.err)
        after = (self.fu.json("show", "1"), self.fu.json("log"), self.fu.json("stats"))
        self.assertEqual(before, after)
        self.assertEqual([c["id"] for c in self.fu.json("contacts")], [1, 2])

    def test_purge_with_yes_erases_contact_promises_and_interactions(self):
        self.assertEqual(self.fu.json("stats")["made"], 3)
        out = self.fu.ok("rm", "ada", "--purge", "--yes")
        self.assertTrue(out.startswith("Erased Ada Lovelace"), out)
        self.assertRegex(out, r"\bid 1\b")
        self.fu.fail(3, "show", "1")
        self.fu.fail(3, "show", "ada@example.com")
        self.assertEqual([c["id"] for c in self.fu.json("contacts")], [2])
        self.assertEqual(self.fu.json("contacts", "--archived"), [])
        self.assertEqual(self.fu.json("contacts", "--search", "lovelace"), [])
        self.assertEqual(self.fu.json("log"), [])
        self.assertEqual(self.due_ids(), [3])
        self.assertEqual(self.fu.json("stats")["made"], 1)
        # Nothing of her is left in the file, not even in the search index.
        con = sqlite3.connect(f"file:{self.fu.db}?mode=ro", uri=True)
        try:
            self.assertEqual(con.execute("SELECT count(*) FROM promises WHERE contact_id = 1").fetchone()[0], 0)
            self.assertEqual(con.execute("SELECT count(*) FROM interactions WHERE contact_id = 1").fetchone()[0], 0)
            self.assertEqual(con.execute("SELECT count(*) FROM contacts WHERE id = 1").fetchone()[0], 0)
        finally:
            con.close()
        # An archived contact can be purged too.
        self.fu.ok("rm", "grace")
        self.fu.ok("rm", "grace", "--purge", "--yes")
        self.assertEqual(self.fu.json("contacts", "--archived"), [])
        self.assertEqual(self.fu.json("due", "--all", now=self.LATER), [])


class DatabaseFileTest(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)

    def test_created_on_first_write_with_private_modes(self):
        self.assertFalse(self.fu.db.parent.exists())
        self.fu.ok("add", "Ada Lovelace")
        self.assertEqual(stat.S_IMODE(os.stat(self.fu.db).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(self.fu.db.parent).st_mode), 0o700)
        con = sqlite3.connect(f"file:{self.fu.db}?mode=ro", uri=True)
        try:
            self.assertEqual(con.execute("PRAGMA application_id").fetchone()[0], 0x66754442)
            self.assertGreaterEqual(con.execute("PRAGMA user_version").fetchone()[0], 1)
        finally:
            con.close()
        # Reopened, the contact is still there.
        self.assertEqual([c["name"] for c in self.fu.json("contacts")], ["Ada Lovelace"])

    def test_read_only_commands_on_a_missing_database_create_nothing(self):
        before = self.fu.files()
        self.assertEqual(self.fu.ok("due"), "Nothing overdue or due today. Well kept!\n")
        self.assertEqual(self.fu.json("due"), [])
        self.assertTrue(self.fu.ok("contacts").startswith("No contacts yet."))
        self.assertEqual(self.fu.json("contacts"), [])
        self.assertEqual(self.fu.json("log"), [])
        self.assertEqual(self.fu.json("stats")["made"], 0)
        self.fu.fail(3, "show", "ada")
        self.assertEqual(self.fu.files(), before)
        self.assertFalse(self.fu.db.parent.exists())

    def test_default_location_is_xdg_data_home_then_home(self):
        fu = self.fu
        fu.ok("add", "Ada", globals_=False, env={"FU_NOW": fu.now})
        xdg_db = fu.root / "xdg-data" / "fu" / "fu.db"
        self.assertTrue(xdg_db.is_file())
        self.assertEqual(stat.S_IMODE(os.stat(xdg_db.parent).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(xdg_db).st_mode), 0o600)
        # Without XDG_DATA_HOME: ~/.local/share/fu/fu.db
        fu.ok("add", "Grace", globals_=False, env={"FU_NOW": fu.now}, drop=("XDG_DATA_HOME",))
        home_db = fu.home / ".local" / "share" / "fu" / "fu.db"
        self.assertTrue(home_db.is_file())
        self.assertEqual([c["name"] for c in fu.json("contacts", db=home_db)], ["Grace"])
        self.assertEqual([c["name"] for c in fu.json("contacts", db=xdg_db)], ["Ada"])

    def assert_refused_untouched(self, path, message_part=None):
        digest = sha256(path)
        siblings = sorted(p.name for p in path.parent.iterdir())
        for args in (("add", "Ada"), ("due",), ("contacts",), ("promise", "ada", "tomorrow")):
            r = self.fu.fail(4, *args, db=path)
            self.assertIn(str(path), r.err)
            if message_part:
                self.assertIn(message_part, r.err)
        self.assertEqual(sha256(path), digest)
        self.assertEqual(sorted(p.name for p in path.parent.iterdir()), siblings)

    def test_non_fu_sqlite_file_is_refused_untouched(self):
        path = self.fu.root / "other.sqlite"
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE recipes (name TEXT)")
        con.execute("INSERT INTO recipes VALUES ('pancakes')")
        con.commit()
        con.close()
        self.assert_refused_untouched(path)

    def test_newer_schema_is_refused_untouched(self):
        path = self.fu.root / "newer.db"
        con = sqlite3.connect(path)
        con.execute("PRAGMA application_id = 0x66754442")
        con.execute("PRAGMA user_version = 999")
        con.commit()
        con.close()
        self.assert_refused_untouched(path, "999")

    def test_garbage_file_is_refused_untouched(self):
        path = self.fu.root / "garbage.db"
        path.write_bytes(b"this is not a database, just some text\n" * 200)
        self.assert_refused_untouched(path)


class DemoTest(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)

    def test_demo_fills_a_fresh_database_and_due_shows_it(self):
        out = self.fu.ok("demo")
        self.assertIn(str(self.fu.db), out)
        contacts = self.fu.json("contacts")
        self.assertGreaterEqual(len(contacts), 3)
        out = self.fu.ok("due")
        self.assertIn("Overdue\n", out)
        self.assertIn("Due now\n", out)
        self.assertLess(out.index("Overdue\n"), out.index("Due now\n"))
        states = [p["state"] for p in self.fu.json("due")]
        self.assertIn("overdue", states)
        self.assertIn("due", states)
        self.assertEqual(states, sorted(states, key=["overdue", "due", "upcoming"].index))
        self.assertNotEqual(self.fu.json("log"), [])
        # A demo is relative to --now: a week later everything open is overdue.
        later = self.fu.json("due", now="2026-07-15T09:30")
        self.assertTrue(later)
        self.assertEqual({p["state"] for p in later}, {"overdue"})

    def test_demo_refuses_a_non_empty_database(self):
        self.fu.ok("demo")
        count = len(self.fu.json("contacts"))
        r = self.fu.fail(2, "demo")
        self.assertIn("not empty", r.err)
        self.assertEqual(len(self.fu.json("contacts")), count)

    def test_demo_refuses_a_database_with_one_contact(self):
        self.fu.ok("add", "Ada Lovelace")
        self.fu.fail(2, "demo")
        self.assertEqual([c["name"] for c in self.fu.json("contacts")], ["Ada Lovelace"])


if __name__ == "__main__":
    unittest.main()
