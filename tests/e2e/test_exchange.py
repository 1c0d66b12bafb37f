"""End-to-end: `fu export` and `fu import` — the whole book through JSON and back, `fu undo` of an
import, a book merged into another, the real-shaped CSV and vCard files in tests/data/, and
duplicates (skipped, merged, in the same file, in a dry run).

The book every test starts from is described in exchange_common.py. Files are written in the
sandbox's directory, which is fu's working directory, so messages name them as given.
"""

import csv
import io
import subprocess
import unittest

from exchange_common import DATA, MON, ZOLA_NOTE, book, build_book, export, journal, write_ok
from fu_harness import FU_BIN, FuSandbox, lines

BOOK_SIZES = {"contacts": 9, "plans": 1, "promises": 11, "interactions": 8}


def contacts_by_name(fu, db=None, *args):
    return {c["name"]: c for c in fu.json("contacts", *args, db=db, now=MON)}


class JsonRoundTripTest(unittest.TestCase):
    """The whole book into a new database and out again: the same document, byte for byte."""

    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        build_book(self, self.fu)
        self.other = self.fu.root / "other" / "fu.db"

    def test_the_book_holds_every_kind_of_record(self):
        doc = book(self.fu)
        self.assertEqual((doc["format"], doc["format_version"]), ("fu", 1))
        self.assertEqual({k: len(doc[k]) for k in BOOK_SIZES}, BOOK_SIZES)
        ids = [c["id"] for c in doc["contacts"]]
        self.assertEqual(ids, [1, 2, 3, 4, 5, 6, 7, 8, 10])  # 9 was purged: a gap
        zola = doc["contacts"][7]
        self.assertEqual((zola["name"], zola["note"], zola["tags"], zola["every"], zola["interest"], zola["tz"]),
                         ("Émile Zola", ZOLA_NOTE, ["press", "vip"], "2-3 weeks", "hot", "Europe/Paris"))
        self.assertIsNotNone(doc["contacts"][5]["archived"])  # Katherine
        self.assertIsNotNone(doc["contacts"][2]["closed"])  # Linus
        statuses = {p["id"]: p["status"] for p in doc["promises"]}
        self.assertEqual((statuses[3], statuses[9]), ("broken", "open"))
        self.assertEqual((doc["promises"][2]["replaced_by"], doc["promises"][8]["rescheduled_from"]), (9, 3))
        self.assertEqual(doc["promises"][10]["made_with"], 8)
        self.assertEqual((doc["promises"][9]["plan"], doc["promises"][9]["plan_step"]), (1, 1))

    def test_export_import_export_is_byte_identical(self):
        first = export(self.fu, "--output", "book.json")
        self.assertEqual(first, "")
        text = (self.fu.root / "book.json").read_bytes()
        self.assertEqual(text, export(self.fu).encode("utf-8"))

        out = self.fu.ok("import", "book.json", db=self.other)
        self.assertEqual(out, "Imported 9 contacts, 11 promises, 8 interactions and 1 playbook run "
                              "from book.json (fu JSON, ids kept).\n")
        again = export(self.fu, db=self.other).encode("utf-8")
        self.assertEqual(again, text)

    def test_ids_and_every_listing_are_the_same_in_both_databases(self):
        export(self.fu, "--output", "book.json")
        self.fu.ok("import", "book.json", db=self.other)
        for args in (("show", "8"), ("show", "10"), ("show", "6"), ("show", "p9"), ("show", "alan"),
                     ("plan", "alan"), ("due",), ("due", "--all"), ("contacts", "--archived"),
                     ("contacts", "--closed")):
            self.assertEqual(self.fu.ok(*args, db=self.other), self.fu.ok(*args), f"fu {' '.join(args)}")
        for args in (("due",), ("due", "--all"), ("stats",), ("show", "8"), ("log",)):
            self.assertEqual(self.fu.json(*args, db=self.other), self.fu.json(*args), f"fu {' '.join(args)}")
        self.assertIn("Émile Zola (L'Assommoir & Fils)  (contact 8)", self.fu.ok("show", "8", db=self.other))
        self.assertEqual(self.fu.json("show", "8", db=self.other)["contact"]["note"], ZOLA_NOTE)
        # The import is one change in the new database's journal.
        entries = journal(self.fu, db=self.other)
        self.assertEqual([e["command"] for e in entries], ["fu import book.json"])
        # The full-text index was written: a search finds imported notes.
        self.assertIn("Linus Pauling", self.fu.ok("log", "--search", "elsewhere", db=self.other))
        # A contact added later does not take an imported (or purged) id.
        out = self.fu.ok("add", "Newcomer", db=self.other)
        self.assertRegex(out, r"^Added Newcomer, id (1[1-9]|[2-9]\d)\n$")

    def test_export_does_not_depend_on_now_or_the_zone(self):
        self.assertEqual(export(self.fu, now="2027-01-02T03:04"), export(self.fu))
        self.assertEqual(self.fu.ok("export", tz="Asia/Tokyo"), export(self.fu))


class UndoImportTest(unittest.TestCase):
    """`fu undo` after an import restores the database exactly (compared as `fu export`)."""

    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        write_ok(self, self.fu, "demo")
        # Zoë is in Google's file (same email), so a merge changes her and a plain import skips her.
        write_ok(self, self.fu, "add", "Zoë Ångström", "--email", "ZOE@nordljus.se", "--tag", "lead")
        other = FuSandbox(self, now=MON)
        build_book(self, other)
        (self.fu.root / "book.json").write_text(export(other), encoding="utf-8")

    def assert_undone(self, *args, expect_in_export=()):
        before = export(self.fu)
        journal_before = journal(self.fu)
        out = self.fu.run("import", *args)
        self.assertEqual(out.status, 0, str(out))
        after = export(self.fu)
        self.assertNotEqual(after, before, "the import changed nothing, so undoing it proves nothing")
        for text in expect_in_export:
            self.assertIn(text, after)
        entries = journal(self.fu)
        self.assertEqual(len(entries), len(journal_before) + 1)
        self.assertTrue(entries[0]["command"].startswith("fu import "), entries[0])
        undo = self.fu.ok("undo")
        self.assertRegex(undo, rf"^Undid {entries[0]['ref']}: fu import ")
        self.assertEqual(export(self.fu), before)
        for text in expect_in_export:
            self.assertNotIn(text, export(self.fu))
        return out

    def test_csv_import(self):
        self.assert_undone(str(DATA / "google-contacts.csv"), expect_in_export=("lukasz.zolc@fabryka.pl",))
        self.assertEqual(self.fu.ok("contacts", "--search", "Fabryka"), "No contacts match.\n")

    def test_csv_import_with_merge(self):
        self.assert_undone(str(DATA / "google-contacts.csv"), "--merge", expect_in_export=("FOSDEM",))
        self.assertEqual(self.fu.ok("contacts", "--search", "FOSDEM"), "No contacts match.\n")
        self.assertEqual(contacts_by_name(self.fu)["Zoë Ångström"]["company"], None)

    def test_vcard_import(self):
        self.assert_undone(str(DATA / "cards-3.0.vcf"), expect_in_export=("Marcus Webb",))

    def test_json_import_into_a_non_empty_book(self):
        # Every demo contact is a duplicate: only Émile Zola and Late Addition come in.
        r = self.assert_undone("book.json", expect_in_export=("Émile Zola", "Late Addition"))
        self.assertTrue(r.out.startswith("Imported 2 contacts, 0 promises, 0 interactions and 0 playbook runs"), r)
        self.assertIn("Skipped 7 duplicates", r.out)
        self.assertEqual(self.fu.ok("contacts", "--search", "Assommoir"), "No contacts match.\n")

    def test_json_import_with_merge(self):
        self.assert_undone("book.json", "--merge", expect_in_export=("signed for 40 units",))


class JsonIntoABookTest(unittest.TestCase):
    """A fu JSON export into a book that has contacts: new ids, references that follow, duplicates."""

    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        source = FuSandbox(self, now=MON)
        build_book(self, source)
        (self.fu.root / "book.json").write_text(export(source), encoding="utf-8")
        # Ada King has Ada Lovelace's email in another case: a duplicate.
        write_ok(self, self.fu, "add", "Ada King", "--email", "ADA@engines.example")
        write_ok(self, self.fu, "add", "Bob Byte", "--phone", "+1 212 555 0101")
        write_ok(self, self.fu, "promise", "bob", "tomorrow", "--about", "the brochure")
        write_ok(self, self.fu, "log", "bob", "--note", "hello from bob", now="2026-06-15T11:00")
        self.before = book(self.fu)

    def test_ids_are_remapped_and_references_follow(self):
        out = self.fu.ok("import", "book.json")
        self.assertEqual(lines(out), [
            "Imported 8 contacts, 9 promises, 7 interactions and 1 playbook run from book.json (fu JSON).",
            "Skipped 1 duplicate (--merge fills in the contact each duplicates):",
            "  contact 1: Ada Lovelace — same email as Ada King (id 1)",
        ])
        doc = book(self.fu)
        for section in ("contacts", "plans", "promises", "interactions"):
            ids = [r["id"] for r in doc[section]]
            self.assertEqual(len(ids), len(set(ids)), f"{section}: ids collide")
        # What was there is untouched.
        for section in ("contacts", "promises", "interactions"):
            old = {r["id"]: r for r in self.before[section]}
            for record in doc[section]:
                if record["id"] in old:
                    self.assertEqual(record, old[record["id"]], f"{section} {record['id']} changed")
        self.assertEqual(len(doc["contacts"]), 2 + 8)
        by_id = {c["id"]: c["name"] for c in doc["contacts"]}
        promises = {p["id"]: p for p in doc["promises"]}
        interactions = {i["id"]: i for i in doc["interactions"]}
        # Every reference points at a record of the same contact, and at the right one.
        for p in doc["promises"]:
            for ref in ("replaced_by", "rescheduled_from"):
                if p[ref] is not None:
                    self.assertEqual(promises[p[ref]]["contact"], p["contact"])
                    self.assertEqual(promises[p[ref]]["about"], p["about"])
            if p["made_with"] is not None:
                self.assertEqual(interactions[p["made_with"]]["contact"], p["contact"])
        for i in doc["interactions"]:
            if i["promise"] is not None:
                self.assertEqual(promises[i["promise"]]["contact"], i["contact"], i)
        # Grace (file id 2) is now 4: her broken p3 became p4, moved to p10 (was p9).
        self.assertEqual(by_id[4], "Grace Hopper")
        grace = self.fu.ok("show", "grace")
        self.assertIn("(contact 4)", grace)
        self.assertIn("  p10  Thu 18 Jun 09:00–17:00", grace)
        self.assertIn("p4 broken (moved after the window closed), moved to p10: out of office", grace)
        self.assertIn("voicemail (left-message): asked for a call back  [i4]", grace)
        # Katherine (archived, file id 6 → 8): her call i2 → i3 still keeps her promise p2 → p3.
        katherine = self.fu.ok("show", "8")
        self.assertIn("call (reached): installed; all working  [i3]", katherine)
        self.assertIn("p3 kept late (1d after the window)", katherine)
        self.assertIn("archived", katherine)
        self.assertEqual(interactions[3]["promise"], 3)
        # Hedy's p11 → p12 was made with her email i8 → i9; Alan's playbook step p10 → p11 is plan 1.
        self.assertEqual(promises[12]["made_with"], 9)
        self.assertEqual(interactions[9]["note"], "sent the kit")
        self.assertIn("[p11]", self.fu.ok("plan", "alan"))
        # Bob keeps his own records and ids.
        self.assertIn("Bob Byte  (contact 2)", self.fu.ok("show", "2"))
        self.assertIn("hello from bob  [i1]", self.fu.ok("show", "2"))

    def test_a_skipped_duplicate_leaves_its_history_out(self):
        self.fu.ok("import", "book.json")
        ada = self.fu.json("show", "1")
        self.assertEqual((ada["contact"]["name"], ada["contact"]["company"]), ("Ada King", None))
        self.assertEqual((ada["promises"], ada["interactions"]), ([], []))
        self.assertEqual(self.fu.ok("log", "--search", "pricing"), "No interactions match.\n")
        self.assertNotIn("pricing for the pilot", export(self.fu))

    def test_merge_attaches_the_history_to_the_existing_contact(self):
        out = self.fu.ok("import", "book.json", "--merge")
        self.assertEqual(lines(out), [
            "Imported 8 contacts, 11 promises, 8 interactions and 1 playbook run from book.json (fu JSON).",
            "Merged 1 duplicate into the contact it duplicates:",
            "  contact 1: Ada Lovelace — same email as Ada King (id 1)",
        ])
        ada = self.fu.json("show", "1")
        c = ada["contact"]
        # Her name and email stay; the empty fields are filled from the file.
        self.assertEqual((c["name"], c["email"], c["company"], c["phone"], c["tz"], c["interest"], c["every"]),
                         ("Ada King", "ADA@engines.example", "Analytical Engines", "+44 20 7946 0100",
                          "Europe/London", "warm", "1 month"))
        self.assertEqual(sorted(p["about"] for p in ada["promises"]), ["pricing for the pilot", "the pilot proposal"])
        self.assertEqual([i["note"] for i in ada["interactions"]], ["liked the pilot; wants pricing"])
        human = self.fu.ok("show", "1")
        self.assertIn("liked the pilot; wants pricing  [i2]", human)
        self.assertRegex(human, r"p2 kept on time")
        self.assertRegex(self.fu.ok("due"), r"\np5 +Ada King +Analytical Engines .* pricing for the pilot\n")


class RunningPlaybookMergeTest(unittest.TestCase):
    """A contact follows one playbook at a time, also after a merge."""

    def test_a_running_playbook_merged_into_a_contact_on_one_comes_in_ended(self):
        fu = FuSandbox(self, now=MON)
        other = fu.root / "other" / "fu.db"
        fu.ok("add", "Ada", "--email", "ada@x.example", db=other)
        fu.ok("plan", "Ada", "post-sale", db=other)
        fu.ok("export", "--output", "book.json", db=other)
        fu.ok("add", "Ada L", "--email", "ada@x.example")
        fu.ok("plan", "Ada L", "post-sale")
        result = fu.run("import", "--merge", "book.json")
        self.assertEqual(result.status, 0, result)
        self.assertIn('note: the playbook post-sale of contact 1 in the file comes in ended ("merged"): '
                      "Ada L (id 1) follows a playbook already", result.err)
        plans = [p for p in book(fu)["plans"]]
        self.assertEqual([(p["ended"] is None, p["end_reason"]) for p in plans], [(True, None), (False, "merged")])
        self.assertIn("playbook post-sale ended: merged", fu.ok("show", "Ada L"))


class SampleFilesTest(unittest.TestCase):
    """The real-shaped exports in tests/data/: what each brings in, and what it reports."""

    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)

    def import_sample(self, name, added, dialect):
        path = DATA / name
        r = self.fu.run("import", str(path))
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(r.out, f"Imported {added} contacts from {path} ({dialect}).\n")
        notes = lines(r.err)
        for line in notes:
            self.assertTrue(line.startswith("note: "), str(r))
        contacts = contacts_by_name(self.fu)
        self.assertEqual(len(contacts), added)
        return contacts, notes

    def test_google_contacts(self):
        contacts, notes = self.import_sample("google-contacts.csv", 6, "Google Contacts CSV")
        zoe = contacts["Zoë Ångström"]
        self.assertEqual((zoe["company"], zoe["phone"], zoe["email"], zoe["tags"]),
                         ("Nordljus AB", "+46 70 123 45 67", "zoe@nordljus.se", ["customers", "starred"]))
        # The second value of "E-mail 1" (:::) and the second e-mail go to the note, after the notes.
        self.assertEqual(zoe["note"], 'Met at FOSDEM 2024.\nPrefers email to calls.\n"Call after 3pm", she said.\n'
                                      "E-mail (Work): zoe.angstrom@gmail.com\nE-mail (Home): zoe@home.example")
        lukasz = contacts["Łukasz Żółć"]
        self.assertEqual((lukasz["phone"], lukasz["note"], lukasz["tags"]),
                         ("+48 22 555 01 23", "Phone (Mobile): +48 601 234 567", ["partners"]))
        # Prefix, given, additional, family and suffix make the name; a nickname does not.
        self.assertIn("Dr. Ada Augusta King PhD", contacts)
        self.assertEqual(contacts["Dr. Ada Augusta King PhD"]["tags"], ["friends", "vip-customers"])
        # A company without a person is named by the company; a row with only an email, by the email.
        self.assertEqual(contacts["Acme Widgets, Inc."]["note"], "Net 30.\nPhone (Work): +1 555 0199")
        self.assertEqual(contacts["someone@unknown.example"]["tags"], [])
        self.assertEqual(contacts["Bo"]["phone"], "+33 6 12 34 56 78")
        self.assertIn('note: column "Birthday" is not imported (2 values)', notes)
        self.assertIn('note: column "Website 1 - Value" is not imported (1 value)', notes)
        self.assertNotIn("Labels", "\n".join(notes))

    def test_google_contacts_old_format(self):
        contacts, notes = self.import_sample("google-contacts-old.csv", 3, "Google Contacts CSV")
        grace = contacts["Grace Hopper"]
        self.assertEqual((grace["company"], grace["phone"], grace["email"], grace["tags"]),
                         ("US Navy", "+1 202 555 0147", "grace@navy.example", ["clients", "starred"]))
        self.assertEqual(grace["note"], "Ask about the COBOL migration.\nE-mail (Home): grace.hopper@mail.example")
        soren = contacts["Søren Kierkegaard"]
        self.assertEqual((soren["phone"], soren["tags"], soren["note"]),
                         ("+45 20 12 34 56", ["book-club"], "Phone (Home): +45 33 12 34 56"))
        self.assertEqual(contacts["Kontor GmbH"]["email"], "info@kontor.example")
        self.assertEqual(notes, ['note: column "Organization 1 - Title" is not imported (1 value)'])

    def test_outlook(self):
        contacts, notes = self.import_sample("outlook-contacts.csv", 5, "Outlook CSV")
        sam = contacts["Mr. Sam Okafor-Jones"]
        # The mobile is preferred; business and home phones go to the note, and the fax never first.
        self.assertEqual((sam["phone"], sam["email"], sam["company"], sam["tags"]),
                         ("+44 7700 900123", "sam.okafor@brightwater.example", "Brightwater Ltd",
                          ["customers", "key-account"]))
        self.assertTrue(sam["note"].startswith("Budget approved in Q3.\nFollow up on the pilot.\n"), sam["note"])
        self.assertIn("Phone (Business): +44 161 496 0000", sam["note"])
        self.assertIn("E-mail: sam@okafor.example", sam["note"])
        self.assertEqual(contacts["Ingrid Bjørnsdóttir"]["phone"], "+47 22 12 34 56")
        self.assertEqual(contacts["Northwind Traders"]["tags"], ["suppliers", "wholesale"])
        self.assertEqual(contacts["François Dupont"]["note"], 'Says "call me Frank", prefers French.')
        # An Exchange (X.500) address is not an email: the SMTP one is used.
        self.assertEqual(contacts["Priya Raman"]["email"], "priya.raman@contoso.example")
        self.assertIn('note: column "Job Title" is not imported (1 value)', notes)

    def test_fu_csv(self):
        contacts, notes = self.import_sample("fu-contacts.csv", 4, "fu CSV")
        self.assertEqual(notes, [])
        ada = contacts["Ada Lovelace"]
        # The ' that neutralised a formula is taken off again.
        self.assertEqual((ada["phone"], ada["tags"], ada["interest"], ada["every"], ada["tz"]),
                         ("+44 20 7946 0958", ["customer", "vip"], "hot", "2-3 weeks", "Europe/London"))
        self.assertEqual(ada["note"], 'Prefers mornings.\nAsked about "the engine", twice.')
        self.assertEqual(contacts["Zoë Ångström"]["note"], "=1+1 is what she typed")
        self.assertEqual(contacts["Hopper, Grace"]["note"], "-5 dB on the line")
        self.assertEqual(contacts["Hopper, Grace"]["every"], "1 month")
        self.assertIsNone(contacts["Łukasz Żółć"]["email"])

    def test_vcard_2_1(self):
        contacts, notes = self.import_sample("cards-2.1.vcf", 2, "vCard 2.1")
        jurgen = contacts["Jürgen Müller"]
        # Quoted-printable UTF-8 with soft line breaks; the PREF phone; the fax only in the note.
        self.assertEqual((jurgen["phone"], jurgen["email"]), ("+49 171 2345678", "juergen.mueller@example.de"))
        self.assertEqual(jurgen["note"], "Erstkontakt auf der Messe in Köln.\nRückruf nach Ostern, Termin mit Frau "
                                         "Schäfer.\nPhone (work): +49 30 1234567\nPhone (fax): +49 30 1234568")
        # ISO-8859-1, plain and quoted-printable.
        self.assertEqual(contacts["Françoise Lefèvre"]["company"], "Café de la Gare")
        self.assertEqual(notes, ["note: property X-ANDROID-CUSTOM is not imported (1 card)"])

    def test_vcard_3_0(self):
        contacts, notes = self.import_sample("cards-3.0.vcf", 5, "vCard 3.0")
        zoe = contacts["Zoë Ångström"]  # FN folded inside a UTF-8 character
        self.assertEqual((zoe["phone"], zoe["email"], zoe["company"], zoe["tags"]),
                         ("+46 70 123 45 67", "zoe@nordlys.se", "Nordlys Design AB", ["design", "trade-fair-2024"]))
        self.assertTrue(zoe["note"].startswith("Met at Formex 2024 (stand C:14).\nPrefers calls after 10:00, never "
                                               "before. Asked for the Ångström–Öberg sample book; send it with the "
                                               "quote."), zoe["note"])
        self.assertIn("Acme Plumbing, Inc.", contacts)
        self.assertEqual(contacts["Marcus Webb"]["tz"], "America/Chicago")
        self.assertIn("Dr. Siobhán Marie O'Brien PhD", contacts)  # no FN: from N
        self.assertIn("note: property PHOTO is not imported (1 card)", notes)
        self.assertIn("note: property BDAY is not imported (3 cards)", notes)
        self.assertIn("note: property TZ (a UTC offset, not a zone) is not imported (1 card)", notes)

    def test_vcard_4_0(self):
        contacts, notes = self.import_sample("cards-4.0.vcf", 3, "vCard 4.0")
        ana = contacts["Ana María Núñez"]
        self.assertEqual((ana["phone"], ana["email"], ana["tz"], sorted(ana["tags"])),
                         ("+34-600-123-456", "ana.nunez@example.com", "Europe/Madrid", ["architecture", "clients"]))
        self.assertEqual(ana["note"], "Wants the proposal in Spanish; budget approved in Q3.\nCall mornings.\n"
                                      "Phone (work): +34-91-555-0123 x204\nE-mail (work): ana@estudionunez.es")
        kenji = contacts["Kenji Watanabe (渡辺健二)"]
        self.assertEqual((kenji["every"], kenji["interest"], kenji["tz"]), ("2-3 weeks", "warm", None))
        self.assertEqual(contacts["Nordwind GmbH"]["email"], "info@nordwind.example")
        self.assertIn("note: property GEO is not imported (1 card)", notes)

    def test_standard_input_with_a_format(self):
        text = (DATA / "cards-4.0.vcf").read_bytes()
        proc = subprocess.run([FU_BIN, "--db", str(self.fu.db), "--now", MON, "import", "-", "--format", "vcard"],
                              input=text, env=self.fu.env(), capture_output=True, cwd=self.fu.root, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.decode(), "Imported 3 contacts from standard input (vCard 4.0).\n")
        self.assertEqual(len(contacts_by_name(self.fu)), 3)


class DuplicatesTest(unittest.TestCase):
    """Duplicates: the same email (any case), or the same name and phone digits."""

    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        self.google = str(DATA / "google-contacts.csv")

    def test_importing_the_same_file_again_skips_every_contact(self):
        self.fu.run("import", self.google)
        before = export(self.fu)
        r = self.fu.run("import", self.google)
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(lines(r.out), [
            f"Imported 0 contacts from {self.google} (Google Contacts CSV).",
            "Skipped 6 duplicates (--merge fills in the contact each duplicates):",
            "  line 2: Zoë Ångström — same email as Zoë Ångström (id 1)",
            "  line 7: Łukasz Żółć — same email as Łukasz Żółć (id 2)",
            "  line 8: Dr. Ada Augusta King PhD — same email as Dr. Ada Augusta King PhD (id 3)",
            "  line 9: Acme Widgets, Inc. — same email as Acme Widgets, Inc. (id 4)",
            "  line 10: someone@unknown.example — same email as someone@unknown.example (id 5)",
            "  line 11: Bo — same name and phone as Bo (id 6)",
        ])
        self.assertEqual(export(self.fu), before)
        self.assertEqual(len(journal(self.fu)), 1, "an import that changes nothing is not journaled")

    def test_vcards_again_are_listed_by_card_and_line(self):
        path = str(DATA / "cards-4.0.vcf")
        self.fu.run("import", path)
        r = self.fu.run("import", path)
        self.assertEqual(lines(r.out)[2:], [
            "  card 1 (line 1): Ana María Núñez — same email as Ana María Núñez (id 1)",
            "  card 2 (line 20): Kenji Watanabe (渡辺健二) — same name and phone as Kenji Watanabe (渡辺健二) (id 2)",
            "  card 3 (line 30): Nordwind GmbH — same email as Nordwind GmbH (id 3)",
        ])

    def test_merge_fills_the_empty_fields(self):
        write_ok(self, self.fu, "add", "Zoë Ångström", "--email", "ZOE@NORDLJUS.SE", "--tag", "lead")
        write_ok(self, self.fu, "add", "Bo", "--phone", "+33 612345678", "--company", "Bo & Co")
        r = self.fu.run("import", self.google, "--merge")
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(lines(r.out), [
            f"Imported 4 contacts from {self.google} (Google Contacts CSV).",
            "Merged 2 duplicates into the contact they duplicate:",
            "  line 2: Zoë Ångström — same email as Zoë Ångström (id 1)",
            "  line 11: Bo — same name and phone as Bo (id 2)",
        ])
        zoe = self.fu.json("show", "1")["contact"]
        self.assertEqual((zoe["email"], zoe["company"], zoe["phone"], zoe["tags"]),
                         ("ZOE@NORDLJUS.SE", "Nordljus AB", "+46 70 123 45 67", ["customers", "lead", "starred"]))
        self.assertIn("Met at FOSDEM 2024.", zoe["note"])
        bo = self.fu.json("show", "2")["contact"]
        self.assertEqual((bo["phone"], bo["company"]), ("+33 612345678", "Bo & Co"))
        # A second merge brings nothing new: the note is not written twice.
        self.fu.run("import", self.google, "--merge")
        self.assertEqual(self.fu.json("show", "1")["contact"]["note"], zoe["note"])

    def test_merge_keeps_a_different_company_in_the_note(self):
        write_ok(self, self.fu, "add", "Grace", "--email", "grace@navy.example", "--company", "Navy")
        self.fu.run("import", str(DATA / "google-contacts-old.csv"), "--merge")
        grace = self.fu.json("show", "1")["contact"]
        self.assertEqual((grace["name"], grace["company"], grace["phone"]), ("Grace", "Navy", "+1 202 555 0147"))
        self.assertIn("Company: US Navy", grace["note"])

    def test_duplicates_inside_one_file(self):
        (self.fu.root / "twice.csv").write_text(
            "name,company,phone,email,tags\n"
            "Ada Lovelace,,,ada@x.example,a\n"
            "ADA L.,Engines,+44 20 1,ADA@X.EXAMPLE,b\n"
            "Bob Byte,,+1 (212) 555-0101,,\n"
            "bob byte,Byte Shop,1 212 555 0101,bob@byte.example,\n", encoding="utf-8")
        listed = ["  line 3: ADA L. — same email as Ada Lovelace (line 2, new)",
                  "  line 5: bob byte — same name and phone as Bob Byte (line 4, new)"]
        r = self.fu.run("import", "twice.csv")
        self.assertEqual(lines(r.out), ["Imported 2 contacts from twice.csv (fu CSV).",
                                        "Skipped 2 duplicates (--merge fills in the contact each duplicates):"] + listed)
        self.fu.ok("undo")
        r = self.fu.run("import", "twice.csv", "--merge")
        self.assertEqual(lines(r.out), ["Imported 2 contacts from twice.csv (fu CSV).",
                                        "Merged 2 duplicates into the contact they duplicate:"] + listed)
        contacts = contacts_by_name(self.fu)
        self.assertEqual(sorted(contacts), ["Ada Lovelace", "Bob Byte"])
        ada, bob = contacts["Ada Lovelace"], contacts["Bob Byte"]
        self.assertEqual((ada["company"], ada["phone"], ada["tags"]), ("Engines", "+44 20 1", ["a", "b"]))
        self.assertEqual((bob["company"], bob["email"], bob["phone"]),
                         ("Byte Shop", "bob@byte.example", "+1 (212) 555-0101"))

    def test_dry_run_into_a_missing_database_creates_nothing(self):
        r = self.fu.run("import", self.google, "--dry-run")
        self.assertEqual(r.status, 0, str(r))
        self.assertEqual(lines(r.out), [f"Would import 6 contacts from {self.google} (Google Contacts CSV); "
                                        "nothing written (--dry-run)"])
        self.assertTrue(r.err.startswith("note: "), "the notices are the same in a dry run")
        self.assertFalse(self.fu.db.parent.exists(), self.fu.files())

    def test_dry_run_reports_the_same_counts_and_changes_nothing(self):
        write_ok(self, self.fu, "add", "Zoë Ångström", "--email", "zoe@nordljus.se")
        before, journal_before = export(self.fu), journal(self.fu)
        dry = self.fu.run("import", self.google, "--dry-run", "--merge")
        self.assertEqual(lines(dry.out), [
            f"Would import 5 contacts from {self.google} (Google Contacts CSV); nothing written (--dry-run)",
            "Would merge 1 duplicate into the contact it duplicates:",
            "  line 2: Zoë Ångström — same email as Zoë Ångström (id 1)",
        ])
        self.assertEqual((export(self.fu), journal(self.fu)), (before, journal_before))
        real = self.fu.run("import", self.google, "--merge")
        self.assertEqual(lines(real.out)[0], f"Imported 5 contacts from {self.google} (Google Contacts CSV).")
        self.assertEqual(lines(real.out)[1:], ["Merged 1 duplicate into the contact it duplicates:",
                                               lines(dry.out)[2]])
        self.assertEqual(real.err, dry.err)

    def test_dry_run_of_a_book(self):
        source = FuSandbox(self, now=MON)
        build_book(self, source)
        (self.fu.root / "book.json").write_text(export(source), encoding="utf-8")
        r = self.fu.ok("import", "book.json", "--dry-run")
        self.assertEqual(r, "Would import 9 contacts, 11 promises, 8 interactions and 1 playbook run from "
                            "book.json (fu JSON, ids kept); nothing written (--dry-run)\n")
        self.assertFalse(self.fu.db.exists())


class CsvRoundTripTest(unittest.TestCase):
    """fu's CSV: the header, formula-looking cells neutralised, and read back as they were."""

    def test_csv_export_and_back(self):
        fu = FuSandbox(self, now=MON)
        build_book(self, fu)
        write_ok(self, fu, "add", "Formula Fan", "--note", "=SUM(A1:A9)", "--company", "@corp", "--tag", "x")
        text = export(fu, "--format", "csv")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual(rows[0], ["name", "company", "phone", "email", "tags", "interest", "every", "tz", "note"])
        by_name = {row[0]: row for row in rows[1:]}
        # Not archived contacts only, in name order.
        self.assertNotIn("Katherine Johnson", by_name)
        self.assertEqual([row[0] for row in rows[1:]], sorted((row[0] for row in rows[1:]), key=str.casefold))
        self.assertEqual(len(rows) - 1, 9)
        self.assertEqual(by_name["Ada Lovelace"][2], "'+44 20 7946 0100")
        self.assertEqual(by_name["Formula Fan"][1], "'@corp")
        self.assertEqual(by_name["Formula Fan"][8], "'=SUM(A1:A9)")
        self.assertEqual(by_name["Émile Zola"][4], "press;vip")
        self.assertEqual(by_name["Émile Zola"][8], ZOLA_NOTE)
        (fu.root / "contacts.csv").write_text(text, encoding="utf-8", newline="")
        fresh = fu.root / "fresh.db"
        self.assertEqual(fu.ok("import", "contacts.csv", db=fresh),
                         "Imported 9 contacts from contacts.csv (fu CSV).\n")
        ada = fu.json("show", "ada", db=fresh)["contact"]
        self.assertEqual((ada["phone"], ada["every"], ada["interest"]), ("+44 20 7946 0100", "1 month", "warm"))
        fan = fu.json("show", "formula", db=fresh)["contact"]
        self.assertEqual((fan["company"], fan["note"]), ("@corp", "=SUM(A1:A9)"))
        self.assertEqual(export(fu, "--format", "csv", db=fresh), text)

    def test_vcard_export_and_back(self):
        fu = FuSandbox(self, now=MON)
        build_book(self, fu)
        export(fu, "--format", "vcard", "--output", "cards.vcf")
        fresh = fu.root / "fresh.db"
        self.assertEqual(fu.ok("import", "cards.vcf", db=fresh), "Imported 8 contacts from cards.vcf (vCard 4.0).\n")
        self.assertEqual(export(fu, "--format", "csv", db=fresh), export(fu, "--format", "csv"))


if __name__ == "__main__":
    unittest.main()
