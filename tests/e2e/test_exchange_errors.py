"""End-to-end: what `fu import`, `fu export` and `fu invite` refuse.

Every import error is one `fu:` line naming the file and the line or record (a `hint:` may follow),
exit status 2, and leaves the database exactly as it was (`fu export` and the undo journal compared),
or, when there was none, creates nothing.
"""

import os
import stat
import unittest

from exchange_common import MON, build_book, export, journal, write_ok
from fu_harness import FuSandbox, lines

JSON_HEAD = '{"format": "fu", "format_version": 1, '
CONTACT = ('{"id":3,"name":"A","company":null,"phone":null,"email":null,"tz":null,"tags":[],"note":null,'
           '"every":null,"interest":null,"created":"2026-05-26T13:00:00Z","archived":null,"closed":null,'
           '"reopened":null}')
PROMISE_MADE_WITH_7 = ('{"id":1,"contact":3,"made":"2026-06-09T13:00:00Z","earliest":"2026-06-10T13:00:00Z",'
                       '"latest":"2026-06-10T21:00:00Z","text":"tomorrow","zone":"Europe/London","about":"x",'
                       '"agreed":false,"via":"call","status":"kept","resolved":"2026-06-10T15:00:00Z","reason":null,'
                       '"rescheduled_from":null,"replaced_by":null,"made_with":7,"plan":null,"plan_step":0}')
INTERACTION_OF_9 = ('{"id":1,"contact":9,"at":"2026-06-10T15:00:00Z","kind":"call","outcome":"reached","note":null,'
                    '"inbound":false,"keeps":"auto","promise":null,"chosen_promise":null,"reminds":null}')

# (file name, contents, the fu: line (or its start, when it ends with "…"), the hint or None)
BAD_FILES = [
    ("unterminated.csv", b'name,email\nAda,ada@x.example\nBob,"b@x.example\nCy,c@x.example\n',
     "fu: unterminated.csv:3: a quoted field that opens on this line is never closed",
     'hint: close the field with a quote; a quote inside it is written twice: ""'),
    ("too-many.csv", b"name,email\nAda,ada@x.example\nBob,b@x.example,extra\n",
     "fu: too-many.csv:3: 3 fields, but the header has 2",
     'hint: a value with a comma in it must be in quotes: "Acme, Inc."'),
    ("unknown-header.csv", b"foo,bar\n1,2\n",
     "fu: unknown-header.csv:1: the header row (foo,bar) has no name column; …",
     "hint: the first row of the file must name the columns, e.g. name,email,phone"),
    ("nameless.csv", b"name,email\nAda,ada@x.example\n,b@x.example\n",
     "fu: nameless.csv:3: a contact without a name", "hint: fill in its name, or remove the row"),
    ("bad-email.csv", b"name,email\nAda,ada@x.example\nBob,not-an-email\n",
     'fu: bad-email.csv:3: "not-an-email" is not an email address', "hint: write it like name@example.com"),
    ("bad-phone.csv", b"name,phone\nAda,+1 555 0100\nBob,call me maybe\n",
     "fu: bad-phone.csv:3: \"call me maybe\" is not a phone number (unexpected 'c')",
     "hint: use digits, spaces, + - ( ) . and x for an extension"),
    ("bad-zone.csv", b"name,tz\nAda,Europe/London\nBob,Mars/Olympus\n",
     'fu: bad-zone.csv:3: unknown time zone "Mars/Olympus"',
     "hint: use an IANA name such as America/New_York or Europe/Berlin"),
    ("bad-every.csv", b"name,every\nAda,2-3 weeks\nBob,biweekly\n", "fu: bad-every.csv:3: …", None),
    ("latin1.csv", b"name,email\nAda,ada@x.example\nB\xf6b,b@x.example\n",
     "fu: latin1.csv:3: the text is not valid UTF-8",
     'hint: save the file as UTF-8 (Excel: "CSV UTF-8"), or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8'),
    ("utf16.csv", "name,email\nAda,ada@x.example\n".encode("utf-16"), "fu: utf16.csv is UTF-16 text",
     "hint: save it as UTF-8 (CSV UTF-8) and import that"),
    ("empty.csv", b"", "fu: empty.csv: the file is empty (it needs a header row)",
     "hint: the first row of the file must name the columns, e.g. name,email,phone"),
    ("no-end.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\n",
     "fu: no-end.vcf:5: card 2 has no END:VCARD", None),
    ("bad-email.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEMAIL:ada@x.example\nEND:VCARD\n"
                      b"BEGIN:VCARD\nVERSION:3.0\nFN:Bob\nEMAIL:bob at x\nEND:VCARD\n",
     'fu: bad-email.vcf:6: card 2: "bob at x" is not an email address', "hint: write it like name@example.com"),
    ("latin1.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:B\xf6b\nEND:VCARD\n", "fu: latin1.vcf:3: FN: the value is not UTF-8 text",
     None),
    ("no-card.vcf", b"hello\n", 'fu: no-card.vcf:1: "hello" is outside a card (BEGIN:VCARD … END:VCARD)', None),
    ("not-json.json", b'{"format": "fu", oops\n', "fu: not-json.json: not valid JSON (parse error at line 1, column 18…",
     None),
    ("huge-number.json", b'{"format": "fu", "contacts": [{"id": 1e400}]}',
     "fu: huge-number.json: not valid JSON (number overflow parsing '1e400')", None),
    ("newer.json", (JSON_HEAD.replace('1, ', '2, ') + '"contacts": [], "plans": [], "promises": [], '
                                                       '"interactions": []}\n').encode(),
     "fu: newer.json: written by a newer fu (format version 2; this fu reads 1)", "hint: upgrade fu to import it"),
    ("unknown-field.json", (JSON_HEAD + '"contacts": [' + CONTACT.replace('}', ',"shoe":1}') +
                            '], "plans": [], "promises": [], "interactions": []}').encode(),
     'fu: unknown-field.json: contacts[0] (id 3): unknown field "shoe"', None),
    ("missing-contact.json", (JSON_HEAD + '"contacts": [], "plans": [], "promises": [], "interactions": [' +
                              INTERACTION_OF_9 + ']}').encode(),
     "fu: missing-contact.json: interaction 1: contact 9 is not in the file", None),
    ("missing-interaction.json", (JSON_HEAD + '"contacts": [' + CONTACT + '], "plans": [], "promises": [' +
                                  PROMISE_MADE_WITH_7 + '], "interactions": []}').encode(),
     "fu: missing-interaction.json: promise 1: interaction 7 is not in the file", None),
    ("bad-phone.json", (JSON_HEAD + '"contacts": [' + CONTACT.replace('"phone":null', '"phone":"call me"') +
                        '], "plans": [], "promises": [], "interactions": []}').encode(),
     "fu: bad-phone.json: contact 3: \"call me\" is not a phone number (unexpected 'c')",
     "hint: use digits, spaces, + - ( ) . and x for an extension"),
    ("not-fu.json", b'{"format": "other", "format_version": 1}\n',
     'fu: not-fu.json: not a fu export (no "format": "fu")', "hint: fu imports its own JSON export, CSV and vCard"),
]


class ImportErrorsTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        write_ok(self, self.fu, "add", "Zed Zulu", "--email", "zed@example.com", "--phone", "+1 212 555 0100")
        write_ok(self, self.fu, "promise", "zed", "tomorrow", "--about", "the quote")

    def assert_refused(self, name, expected, hint, db=None):
        r = self.fu.fail(2, "import", name, db=db)
        errors = self.fu.error_lines(r)
        self.assertEqual(len(errors), 1, str(r))
        if expected.endswith("…"):
            self.assertTrue(errors[0].startswith(expected[:-1]), str(r))
        else:
            self.assertEqual(errors[0], expected)
        if hint is not None:
            self.assertEqual(lines(r.err), [errors[0], hint])
        else:
            self.assertTrue(all(line.startswith(("fu: ", "hint: ")) for line in lines(r.err)), str(r))
        return r

    def test_every_bad_file_is_refused_and_changes_nothing(self):
        before, journal_before = export(self.fu), journal(self.fu)
        for name, contents, expected, hint in BAD_FILES:
            with self.subTest(name):
                (self.fu.root / name).write_bytes(contents)
                self.assert_refused(name, expected, hint)
                self.assertEqual(export(self.fu), before)
                self.assertEqual(journal(self.fu), journal_before)

    def test_a_bad_file_into_no_database_creates_nothing(self):
        missing = self.fu.root / "nothing-yet" / "fu.db"
        for name, contents, expected, hint in BAD_FILES:
            with self.subTest(name):
                (self.fu.root / name).write_bytes(contents)
                self.assert_refused(name, expected, hint, db=missing)
                self.assertFalse(missing.parent.exists(), f"{name}: {self.fu.files()}")

    def test_a_bad_row_after_good_ones_brings_in_none_of_them(self):
        rows = "".join(f"Person {n},p{n}@example.com\n" for n in range(1, 200))
        (self.fu.root / "late.csv").write_text("name,email\n" + rows + "Bad,nope\n", encoding="utf-8")
        before = export(self.fu)
        self.assert_refused("late.csv", 'fu: late.csv:201: "nope" is not an email address',
                            "hint: write it like name@example.com")
        self.assertEqual(export(self.fu), before)
        self.assertEqual(self.fu.ok("contacts", "--search", "Person"), "No contacts match.\n")

    def test_a_missing_file_and_a_directory(self):
        r = self.fu.fail(2, "import", "missing.csv")
        self.assertEqual(lines(r.err), ["fu: cannot read missing.csv: No such file or directory"])
        (self.fu.root / "adir").mkdir()
        r = self.fu.fail(2, "import", "adir")
        self.assertEqual(lines(r.err), ["fu: adir is a directory", "hint: name the file to import"])

    def test_the_format_must_be_one_import_reads(self):
        (self.fu.root / "x.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
        for fmt in ("ics", "tsv"):
            with self.subTest(fmt):
                r = self.fu.fail(2, "import", "x.ics", "--format", fmt)
                self.assertRegex(self.fu.error_lines(r)[0], rf"^fu: (--format {fmt} is only for|fu import does not read)")
        # --format decides over the name: a .csv read as vCard.
        (self.fu.root / "cards.csv").write_text("BEGIN:VCARD\nVERSION:4.0\nFN:Vera Card\nEND:VCARD\n", encoding="utf-8")
        self.assertEqual(self.fu.ok("import", "cards.csv", "--format", "vcard"),
                         "Imported 1 contact from cards.csv (vCard 4.0).\n")


class ExportOptionsTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)

    def test_output_is_a_private_file_written_whole(self):
        build_book(self, self.fu)
        for fmt, name in (("json", "book.json"), ("csv", "contacts.csv"), ("vcard", "cards.vcf"), ("ics", "fu.ics")):
            with self.subTest(fmt):
                self.assertEqual(self.fu.ok("export", "--format", fmt, "-o", name), "")
                path = self.fu.root / name
                self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600)
                self.assertEqual(path.read_bytes().decode("utf-8"), self.fu.ok("export", "--format", fmt))
        # Overwriting keeps the mode and leaves no temporary file behind.
        (self.fu.root / "book.json").chmod(0o644)
        self.fu.ok("export", "--output", "book.json")
        self.assertEqual(stat.S_IMODE((self.fu.root / "book.json").stat().st_mode), 0o600)
        leftovers = [f for f in os.listdir(self.fu.root) if f not in
                     ("home", "xdg-data", "xdg-config", "xdg-state", "xdg-cache", "data",
                      "book.json", "contacts.csv", "cards.vcf", "fu.ics")]
        self.assertEqual(leftovers, [])
        # "-" is standard output.
        self.assertEqual(self.fu.ok("export", "-o", "-"), self.fu.ok("export"))

    def test_output_to_a_directory_or_nowhere_fails(self):
        write_ok(self, self.fu, "add", "Ada")
        (self.fu.root / "adir").mkdir()
        r = self.fu.fail(2, "export", "-o", "adir")
        self.assertEqual(lines(r.err), ["fu: --output adir is a directory", "hint: name a file"])
        self.assertEqual(os.listdir(self.fu.root / "adir"), [])
        r = self.fu.fail(2, "export", "-o", "no/such/dir/book.json")
        self.assertEqual(self.fu.error_lines(r), ["fu: cannot write no/such/dir/book.json: No such file or directory"])

    def test_export_from_a_missing_database_creates_nothing(self):
        self.assertEqual(self.fu.ok("export"), '{"format": "fu", "format_version": 1,\n"contacts": [],\n'
                                               '"plans": [],\n"promises": [],\n"interactions": []\n}\n')
        self.assertEqual(self.fu.ok("export", "--format", "csv"), "name,company,phone,email,tags,interest,every,tz,note\r\n")
        self.assertEqual(self.fu.ok("export", "--format", "vcard"), "")
        self.assertIn("END:VCALENDAR", self.fu.ok("export", "--format", "ics"))
        self.assertFalse(self.fu.db.parent.exists())

    def test_refused_formats_and_options(self):
        write_ok(self, self.fu, "add", "Ada")
        cases = [
            (("export", "--format", "human"), "fu: fu export does not write human"),
            (("export", "--format", "tsv"), "fu: fu export does not write tsv"),
            (("export", "--format", "vcard", "--vcard-version", "2.1"), 'fu: --vcard-version must be 3.0 or 4.0, not "2.1"'),
            (("export", "--vcard-version", "3.0"), "fu: --vcard-version goes with --format vcard"),
            (("contacts", "--format", "vcard"), "fu: --format vcard is only for export and import"),
            (("due", "--format", "vcard"), "fu: --format vcard is only for export and import"),
            (("contacts", "--format", "ics"), "fu: --format ics is only for due and export"),
            (("import", "x.ics", "--format", "ics"), "fu: --format ics is only for due and export"),
        ]
        for args, expected in cases:
            with self.subTest(args):
                r = self.fu.fail(2, *args)
                self.assertEqual(self.fu.error_lines(r), [expected])

    def test_a_configured_format_does_not_choose_the_file_format(self):
        config = self.fu.root / "csv.toml"
        config.write_text('format = "csv"\n', encoding="utf-8")
        write_ok(self, self.fu, "add", "Ada")
        self.assertTrue(self.fu.ok("--config", str(config), "export").startswith('{"format": "fu"'))
        self.fu.ok("--config", str(config), "export", "-o", "book.json")
        other = self.fu.root / "other.db"
        self.assertEqual(self.fu.ok("--config", str(config), "import", "book.json", db=other),
                         "Imported 1 contact, 0 promises, 0 interactions and 0 playbook runs from book.json "
                         "(fu JSON, ids kept).\n")


class InviteErrorsTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.fu = FuSandbox(self, now=MON)
        build_book(self, self.fu)
        self.config = self.fu.root / "config.toml"
        self.config.write_text('user_name = "Sam Seller"\nuser_email = "sam@example.com"\n', encoding="utf-8")

    def invite(self, status, *args, config=True, now=MON):
        extra = ("--config", str(self.config)) if config else ()
        r = self.fu.fail(status, *extra, "invite", *args, now=now)
        return lines(r.err)

    def test_no_user_email(self):
        expected = ["fu: set user_email in the config file to send invitations",
                    'hint: add user_email = "you@example.com" (and user_name) to the config file; see fu config']
        self.assertEqual(self.invite(2, "p11", config=False), expected)
        self.config.write_text('user_name = "Sam Seller"\n', encoding="utf-8")
        self.assertEqual(self.invite(2, "p11"), expected)

    def test_a_contact_without_email(self):
        write_ok(self, self.fu, "promise", "late addition", "tomorrow")
        self.assertEqual(self.invite(2, "late addition"),
                         ["fu: Late Addition has no email to invite", 'hint: fu edit "Late Addition" --email ADDRESS'])

    def test_a_window_that_closed(self):
        # Ada's agreed p4 is Mon 15 Jun 08:30–10:30; at 14:00 it is over.
        self.assertEqual(self.invite(2, "p4", now="2026-06-15T14:00"),
                         ["fu: p4's window closed Mon 15 Jun 10:30: an invitation for it comes too late",
                          "hint: agree a new time first: fu reschedule p4 WHEN"])

    def test_several_open_promises_off_a_terminal(self):
        err = self.invite(3, "hedy")
        self.assertEqual(len(err), 2, err)
        self.assertTrue(err[0].startswith("fu: Hedy Lamarr has 2 open promises: p5 "), err)
        self.assertIn("; p11 ", err[0])
        self.assertEqual(err[1], "hint: say which, e.g. fu invite p5")

    def test_no_open_promise(self):
        err = self.invite(3, "hedy", "--promise", "p3")
        self.assertTrue(err[0].startswith("fu: "), err)
        err = self.invite(3, "nobody")
        self.assertEqual(err[0], 'fu: no contact matches "nobody"')

    def test_output_writes_a_private_file_and_says_where(self):
        r = self.fu.run("--config", str(self.config), "invite", "p11", "--output", "hedy.ics")
        self.assertEqual((r.status, r.out), (0, ""), str(r))
        self.assertEqual(lines(r.err),
                         ["note: wrote the invitation to hedy.ics; attach it to an email to hedy@hopping.example"])
        path = self.fu.root / "hedy.ics"
        self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600)
        self.assertEqual(path.read_bytes().decode("utf-8"),
                         self.fu.ok("--config", str(self.config), "invite", "p11"))


if __name__ == "__main__":
    unittest.main()
