"""Issue 13, hostile text and input: nothing raw reaches a terminal, bad input is refused quickly.

Escapes are planted straight into the database with the sqlite3 shell (as another program, a sync
tool or an old import could leave them) and typed on the command line; every command's stdout and
stderr must then be free of raw control characters (C0 but newline/TAB, DEL, C1, bidirectional
controls), while JSON still carries the exact data.
"""

import json
import re
import shutil
import subprocess
import time
import unittest

from fu_harness import FU_BIN, FuSandbox, Result

ESC_CLEAR = "\x1b[2J"
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CSI_C1 = "\u009b31m"  # U+009B as UTF-8: C2 9B
RLO = "\u202e"
PLANTED_NAME = f"Ada{ESC_CLEAR}{OSC52}{CSI_C1}{RLO}gnaL"
PLANTED_NOTE = f"note{ESC_CLEAR}\r{OSC52}"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]")


def raw_controls(text: str, csv=False):
    """The raw control characters in `text` (CR+LF allowed for CSV)."""
    if csv:
        text = text.replace("\r\n", "\n")
    return RAW_CONTROL.findall(text)


@unittest.skipUnless(shutil.which("sqlite3"), "needs the sqlite3 shell")
class PlantedText(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)
        fu = self.fu
        fu.ok("add", "Ada Lovelace", "--company", "Analytical", "--email", "ada@example.com", "--tag", "vip")
        fu.ok("promise", "ada", "tomorrow", "--about", "the engine")
        fu.ok("log", "ada", "call", "--note", "talked")
        sql = (
            "UPDATE contacts SET name = :name, company = :name, note = :note;"
            "UPDATE promises SET about = :name, reason = :note;"
            "UPDATE interactions SET note = :note;"
            "UPDATE contact_tags SET tag = :name;"
        )
        # The values go in as hex blobs cast to text, so the shell never sees a raw control byte.
        script = sql.replace(":name", f"CAST(X'{PLANTED_NAME.encode().hex()}' AS TEXT)")
        script = script.replace(":note", f"CAST(X'{PLANTED_NOTE.encode().hex()}' AS TEXT)")
        subprocess.run(["sqlite3", str(fu.db), script], check=True, capture_output=True)

    def assert_clean(self, r: Result, csv=False):
        self.assertEqual(raw_controls(r.out, csv), [], f"raw control on stdout\n{r!r}")
        self.assertEqual(raw_controls(r.err), [], f"raw control on stderr\n{r!r}")

    def test_every_listing_shows_escapes_visibly(self):
        fu = self.fu
        commands = [
            ("due",), ("due", "--all"), ("show", "1"), ("contacts",), ("log",), ("digest",),
            ("stats",), ("remind", "1"), ("plan", "1"), ("playbooks",), ("due", "--until", "next week"),
        ]
        for args in commands:
            with self.subTest(args=args):
                r = fu.run(*args)
                self.assertIn(r.status, (0, 1, 2, 3), str(r))
                self.assert_clean(r)
        shown = fu.ok("show", "1")
        self.assertIn("\\x1b[2J", shown)
        self.assertIn("\\u009b", shown)
        self.assertIn("\\u202e", shown)
        self.assertIn("\\x07", shown)

    def test_machine_formats_carry_no_raw_control(self):
        fu = self.fu
        for fmt in ("tsv", "csv"):
            for args in (("contacts",), ("due", "--all"), ("log",)):
                with self.subTest(fmt=fmt, args=args):
                    r = fu.run(*args, fmt=fmt)
                    self.assertEqual(r.status, 0, str(r))
                    self.assert_clean(r, csv=fmt == "csv")
        tsv = fu.ok("contacts", fmt="tsv")
        self.assertIn("Ada\\x1b[2J", tsv)  # TSV: \x1b after \\ escaping, so it decodes exactly
        for args in (("export", "--format", "vcard"), ("export", "--format", "ics"), ("due", "--format", "ics")):
            with self.subTest(args=args):
                r = fu.run(*args)
                self.assertEqual(r.status, 0, str(r))
                self.assert_clean(r, csv=True)

    def test_json_is_exact_data_with_every_control_escaped(self):
        fu = self.fu
        r = fu.run("contacts", fmt="json")
        self.assertEqual(r.status, 0, str(r))
        self.assert_clean(r)
        self.assertIn("\\u009b", r.out)
        self.assertIn("\\u202e", r.out)
        contacts = json.loads(r.out)
        self.assertEqual(contacts[0]["name"], PLANTED_NAME)
        book = fu.run("export", fmt="json")
        self.assert_clean(book)
        self.assertEqual(json.loads(book.out)["interactions"][0]["note"], PLANTED_NOTE)

    def test_colour_on_passes_only_fus_own_colours(self):
        r = self.fu.run("show", "1", "--color", "always")
        self.assertEqual(r.status, 0, str(r))
        escapes = re.findall("\x1b[^m]*m?", r.out)
        self.assertTrue(escapes, str(r))
        for escape in escapes:
            self.assertRegex(escape, r"^\x1b\[(0|1|2|31|32|33|36)m$")
        self.assertIn("\\x1b[2J", r.out)

    def test_invalid_utf8_in_the_file_is_shown_as_bytes(self):
        fu = self.fu
        subprocess.run(["sqlite3", str(fu.db), "UPDATE contacts SET name = CAST(X'41FF1B5B324A' AS TEXT)"],
                       check=True, capture_output=True)
        r = fu.run("contacts")
        self.assertEqual(r.status, 0, str(r))
        self.assertIn("A\\xff\\x1b[2J", r.out)
        self.assert_clean(r)
        j = fu.run("contacts", fmt="json")
        self.assertEqual(json.loads(j.out)[0]["name"], "A\ufffd\x1b[2J")


class TypedText(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)

    def refused(self, *args, **kw):
        r = self.fu.fail(2, *args, **kw)
        self.assertEqual(raw_controls(r.err), [], str(r))
        return r

    def test_controls_c1_bidi_and_bad_utf8_are_refused_and_change_nothing(self):
        fu = self.fu
        fu.ok("add", "Ada")
        for bad in (f"Eve{ESC_CLEAR}", f"Eve{OSC52}", f"Eve{CSI_C1}", f"Eve{RLO}evE", "Eve\u2066x\u2069"):
            with self.subTest(bad=bad):
                r = self.refused("add", bad)
                self.assertIn("control character", r.err)
                self.refused("log", "ada", "call", "--note", bad)
                self.refused("edit", "ada", "--company", bad)
                self.refused("promise", "ada", "tomorrow", "--about", bad)
        self.refused("add", b"Eve\xff\xfe")
        self.refused("add", "Ada", "--tag", b"t\xc3")
        self.assertEqual([c["name"] for c in fu.json("contacts")], ["Ada"])
        self.assertEqual(fu.json("log"), [])

    def test_imported_records_are_checked_as_typed_ones(self):
        fu = self.fu
        fu.ok("add", "Ada")
        fu.ok("log", "ada", "call", "--note", "talked")
        book = json.loads(fu.ok("export", fmt="json"))
        book["interactions"][0]["note"] = "n" + OSC52
        hostile = fu.root / "hostile.json"
        hostile.write_text(json.dumps(book))
        other = fu.root / "other.db"
        r = self.refused("import", str(hostile), db=other)
        self.assertIn("U+001B", r.err)
        self.assertFalse(other.exists() and fu.run("contacts", db=other, fmt="json").out.strip() != "[]")

    def test_lengths_are_capped(self):
        fu = self.fu
        r = self.refused("add", "x" * 257)
        self.assertIn("too long", r.err)
        fu.ok("add", "Ada")
        self.refused("log", "ada", "call", "--note", "n" * (64 * 1024 + 1))
        r = self.refused("when", "in " + "2 " * 200 + "days")
        self.assertIn("too long", r.err)

    def test_sql_looking_text_round_trips(self):
        fu = self.fu
        name = "Robert'); DROP TABLE contacts;--"
        fu.ok("add", name, "--note", "1' OR '1'='1")
        contacts = fu.json("contacts")
        self.assertEqual(contacts[0]["name"], name)
        self.assertIn(name, fu.ok("show", "1"))

    def test_a_64kb_word_is_refused_quickly_and_not_echoed_in_full(self):
        fu = self.fu
        word = "x" * 65536
        for args in (("when", word), ("when", "in", word), (word,), ("due", "--until", word)):
            with self.subTest(args=args[0]):
                start = time.monotonic()
                r = self.refused(*args)
                elapsed = time.monotonic() - start
                # < 50 ms of work; the bound allows for a sanitizer build on a busy machine
                self.assertLess(elapsed, 1.0, str(r)[:300])
                self.assertLess(len(r.err), 1200, r.err[:300])

    def test_errors_echo_hostile_values_visibly_and_cut(self):
        fu = self.fu
        r = self.refused("--now", "2026" + ESC_CLEAR, "due")  # typed: refused as a control character
        self.assertIn("U+001B", r.err)
        r = fu.fail(2, "due", env={"FU_NOW": "2026" + ESC_CLEAR}, globals_=False)
        self.assertIn("\\x1b[2J", r.err)
        r = fu.fail(2, "due", tz="Mars/" + OSC52)
        self.assertIn("\\x1b]52", r.err)
        self.assertEqual(raw_controls(r.err), [], str(r))
        r = fu.fail(2, "due", env={"FU_NOW": "x" * 5000 + ESC_CLEAR}, globals_=False)
        self.assertEqual(raw_controls(r.err), [], str(r))
        self.assertLess(len(r.err), 400, r.err)
        self.assertIn("…", r.err)


class Options(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self)

    def test_integer_options_take_plain_decimal_digits(self):
        fu = self.fu
        for value in ("0x10", "010", "+5", "-1", "1e3", "99999999999999999999", " 5", "0b11"):
            for command in ("due", "contacts", "log"):
                with self.subTest(value=value, command=command):
                    r = fu.fail(2, command, "--limit", value)
                    self.assertIn("whole number", r.err)
        fu.ok("contacts", "--limit", "10")
        fu.ok("due", "--limit", "0")

    def test_empty_now_is_refused_not_the_clock(self):
        r = self.fu.fail(2, "--now", "", "due", globals_=False)
        self.assertIn("--now is empty", r.err)

    def test_instants_outside_1970_to_9999_are_refused(self):
        fu = self.fu
        fu.ok("add", "Ada")
        r = fu.fail(2, "promise", "ada", "tomorrow", now="9999-12-31T23:59")
        self.assertIn("1970 to 9999", r.err)
        fu.fail(2, "promise", "ada", "in 2 days", now="9999-12-30T12:00")
        fu.fail(2, "due", now="1969-06-01T12:00")
        fu.fail(2, "due", now="9999-12-31T23:00-05:00")
        self.assertEqual(json.loads(fu.ok("export", fmt="json"))["promises"], [])

    def test_config_duplicate_key_directory_and_huge_key(self):
        fu = self.fu
        config = fu.root / "config.toml"
        config.write_text('format = "json"\nday = "09:00-17:00"\nformat = "tsv"\n')
        r = fu.fail(2, "--config", str(config), "due")
        self.assertIn("config.toml:3", r.err)
        self.assertIn("format", r.err)
        r = fu.fail(2, "--config", str(fu.root), "due")
        self.assertIn("is a directory", r.err)
        config.write_text('day = "' + "9" * 100000 + '-17:00"\n')
        r = fu.fail(2, "--config", str(config), "due")
        self.assertIn("config.toml:1", r.err)
        self.assertLess(len(r.err), 400, r.err[:500])
        config.write_text("k" * 133000 + " = 1\n")
        r = fu.fail(2, "--config", str(config), "due")
        self.assertIn("…", r.err)
        self.assertLess(len(r.err), 1200)


if __name__ == "__main__":
    unittest.main()
