"""Issue 5, part 4: the configuration file, `fu config`, and exit status 75 (busy)."""

import csv
import io
import json
import re
import sqlite3
import time
import unittest

from fu_harness import FuSandbox

NOW = "2026-06-15T07:00"  # Monday, America/New_York
FRIDAY = "2026-06-19T10:00"
KEYS = ["db", "format", "color", "day", "workdays", "holidays", "week_start", "morning", "lunch", "afternoon",
        "evening", "appointment", "cold_after", "give_up_after", "min_gap", "max_attempts_per_day",
        "reminder_template", "playbooks", "on_won", "busy_timeout_ms", "user_name", "user_email"]
DEFAULT_TEMPLATE = "Hi {first} — looking forward to our {via} {when} (your time)[ about {about}]."
ONBOARDING = """# my playbooks
on_won = "onboarding"
min_gap = "4 hours"
max_attempts_per_day = 3
reminder_template = "Hello {first}, talk {when}."

[playbooks]
onboarding = [
  { about = "welcome call", when = "tomorrow" },
  { about = "training check", when = "in a week", via = "email" },
]

[[playbooks.post-sale]]
about = "thank them"
when = "in 2 days"
"""


def xdg_config(fu):
    return fu.root / "xdg-config" / "fu" / "config.toml"


def home_config(fu):
    return fu.home / ".config" / "fu" / "config.toml"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def config_lines(out):
    """`fu config` human output: {key: (value, origin)}."""
    settings = {}
    for line in out.splitlines()[1:]:
        m = re.match(r"^(\w+)\s+= (.*?)\s+# (.*)$", line)
        if m:
            settings[m.group(1)] = (m.group(2), m.group(3))
    return settings


class WhereTheFileIs(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now=NOW)

    def today(self, **kw):
        return self.fu.json("when", "today", **kw)["earliest"]

    def test_no_file_means_defaults(self):
        self.assertEqual(self.today(), "2026-06-15T09:00:00-04:00")
        out = self.fu.ok("config")
        self.assertIn(str(xdg_config(self.fu)), out.splitlines()[0])
        self.assertIn("not present", out.splitlines()[0])

    def test_xdg_config_home(self):
        write(xdg_config(self.fu), 'day = "08:00-18:00"\n')
        write(home_config(self.fu), 'day = "10:00-16:00"\n')
        self.assertEqual(self.today(), "2026-06-15T08:00:00-04:00")

    def test_home_config_without_xdg(self):
        write(xdg_config(self.fu), 'day = "08:00-18:00"\n')
        write(home_config(self.fu), 'day = "10:00-16:00"\n')
        self.assertEqual(self.today(drop=("XDG_CONFIG_HOME",)), "2026-06-15T10:00:00-04:00")
        # XDG_CONFIG_HOME that is not an absolute path is ignored
        self.assertEqual(self.today(env={"XDG_CONFIG_HOME": "relative/dir"}), "2026-06-15T10:00:00-04:00")

    def test_fu_config_and_the_config_option(self):
        write(xdg_config(self.fu), 'day = "08:00-18:00"\n')
        env_file = write(self.fu.root / "env.toml", 'day = "07:15-15:00"\n')
        opt_file = write(self.fu.root / "opt.toml", 'day = "07:45-14:00"\n')
        self.assertEqual(self.today(env={"FU_CONFIG": str(env_file)}), "2026-06-15T07:15:00-04:00")
        self.assertEqual(self.fu.json("--config", str(opt_file), "when", "today", env={"FU_CONFIG": str(env_file)})
                         ["earliest"], "2026-06-15T07:45:00-04:00")
        out = self.fu.ok("--config", str(opt_file), "config")
        self.assertIn(str(opt_file), out.splitlines()[0])
        self.assertEqual(config_lines(out)["day"], ('"07:45-14:00"', f"{opt_file}:1"))

    def test_missing_named_file_is_an_error_missing_default_is_not(self):
        missing = self.fu.root / "nope.toml"
        r = self.fu.fail(2, "--config", str(missing), "due")
        self.assertIn(str(missing), r.err)
        r = self.fu.fail(2, "due", env={"FU_CONFIG": str(missing)})
        self.assertIn(str(missing), r.err)
        self.fu.ok("due")  # no default file at all: fine
        self.fu.ok("due", drop=("XDG_CONFIG_HOME",))


class Settings(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now=NOW)

    def test_day_and_workdays(self):
        self.assertEqual(self.fu.json("when", "in", "1", "business", "day", now=FRIDAY)["earliest"],
                         "2026-06-22T09:00:00-04:00")  # default: Monday
        write(xdg_config(self.fu), '[fu]\nday = "08:00-18:00"\nworkdays = ["mon","tue","wed","thu","fri","sat"]\n')
        today = self.fu.json("when", "today")
        self.assertEqual((today["earliest"], today["latest"]), ("2026-06-15T08:00:00-04:00", "2026-06-15T18:00:00-04:00"))
        sat = self.fu.json("when", "in", "1", "business", "day", now=FRIDAY)
        self.assertEqual((sat["earliest"], sat["latest"]), ("2026-06-20T08:00:00-04:00", "2026-06-20T18:00:00-04:00"))
        self.assertIn("Sat 20 Jun 08:00–18:00", self.fu.ok("when", "in", "1", "business", "day", now=FRIDAY))
        # a promise uses the same settings
        self.fu.ok("add", "Ada")
        p = self.fu.json("promise", "ada", "tomorrow")
        self.assertEqual(p["earliest"], "2026-06-16T08:00:00-04:00")

    def test_workdays_as_a_range(self):
        write(xdg_config(self.fu), 'workdays = "mon-sat"\n')
        self.assertEqual(self.fu.json("when", "in", "1", "business", "day", now=FRIDAY)["earliest"][:10], "2026-06-20")

    def test_appointment(self):
        self.assertEqual(self.fu.json("when", "3pm")["latest"], "2026-06-15T15:15:00-04:00")
        write(xdg_config(self.fu), "appointment = 30  # minutes\n")
        self.assertEqual(self.fu.json("when", "3pm")["latest"], "2026-06-15T15:30:00-04:00")

    def test_format(self):
        write(xdg_config(self.fu), 'format = "json"\n')
        self.fu.ok("add", "Ada")
        doc = json.loads(self.fu.ok("contacts"))
        self.assertEqual(doc[0]["name"], "Ada")
        self.assertIn("Ada", self.fu.ok("contacts", fmt="human"))
        with self.assertRaises(json.JSONDecodeError):
            json.loads(self.fu.ok("contacts", fmt="human"))
        self.assertTrue(self.fu.ok("contacts", fmt="tsv").startswith("id\tname\t"))
        self.assertEqual(config_lines(self.fu.ok("config", fmt="human"))["format"], ('"human"', "--format"))
        self.assertEqual(json.loads(self.fu.ok("config"))["settings"]["format"]["origin"], f"{xdg_config(self.fu)}:1")

    def test_a_tsv_or_csv_default_does_not_break_the_digest(self):
        # A default of tsv/csv for listings must not make the cron digest fail: like show, the digest
        # falls back to its human form (an explicit --format csv is still refused).
        self.fu.ok("add", "Olga")
        self.fu.ok("promise", "olga", "eod")
        for fmt in ("tsv", "csv"):
            with self.subTest(fmt=fmt):
                write(xdg_config(self.fu), f'format = "{fmt}"\n')
                self.assertTrue(self.fu.ok("contacts").startswith("id"))
                out = self.fu.ok("digest", "--if-any")
                self.assertIn("Due today", out)
                self.assertNotIn(",", out.splitlines()[0])
        self.fu.fail(2, "digest", fmt="csv")

    def test_color(self):
        self.fu.ok("add", "Ada")
        self.fu.ok("promise", "ada", "9am")
        write(xdg_config(self.fu), 'color = "always"\n')
        r = self.fu.run("due", now="2026-06-15T10:00")
        self.assertEqual(r.status, 0, str(r))
        self.assertIn("\x1b[", r.out)
        r = self.fu.run("--color", "never", "due", now="2026-06-15T10:00")
        self.assertNotIn("\x1b", r.out)
        write(xdg_config(self.fu), 'color = "never"\n')
        r = self.fu.run("--color", "auto", "due", now="2026-06-15T10:00")
        self.assertNotIn("\x1b", r.out)

    def test_config_shows_the_colour_choice(self):
        write(xdg_config(self.fu), 'color = "never"\n')
        self.assertEqual(config_lines(self.fu.ok("config"))["color"], ('"never"', f"{xdg_config(self.fu)}:1"))
        self.assertEqual(config_lines(self.fu.ok("--color", "always", "config"))["color"], ('"always"', "--color"))
        self.assertEqual(self.fu.json("config", "--color", "never")["settings"]["color"],
                         {"value": "never", "origin": "--color"})

    def test_db_chosen_by_the_file_and_overridden(self):
        fu = self.fu
        from_file = fu.root / "from-file" / "fu.db"
        write(xdg_config(fu), f'# where my data lives\ndb = "{from_file}"\n')
        fu.ok("add", "Filed", globals_=False, env={"FU_NOW": NOW})
        self.assertTrue(from_file.exists())
        self.assertEqual(config_lines(fu.ok("config", globals_=False))["db"],
                         (f'"{from_file}"', f"{xdg_config(fu)}:2"))
        from_env = fu.root / "from-env.db"
        fu.ok("add", "Envy", globals_=False, env={"FU_NOW": NOW, "FU_DB": str(from_env)})
        self.assertTrue(from_env.exists())
        self.assertEqual(config_lines(fu.ok("config", globals_=False, env={"FU_DB": str(from_env)}))["db"],
                         (f'"{from_env}"', "FU_DB"))
        from_opt = fu.root / "from-opt.db"
        fu.ok("--db", str(from_opt), "add", "Optimus", globals_=False, env={"FU_NOW": NOW, "FU_DB": str(from_env)})
        self.assertEqual(config_lines(fu.ok("--db", str(from_opt), "config", globals_=False,
                                            env={"FU_DB": str(from_env)}))["db"], (f'"{from_opt}"', "--db"))
        names = lambda db: [c["name"] for c in fu.json("contacts", db=db)]
        self.assertEqual(names(from_file), ["Filed"])
        self.assertEqual(names(from_env), ["Envy"])
        self.assertEqual(names(from_opt), ["Optimus"])


class ConfigErrors(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now=NOW)

    def check(self, text, line, *words):
        path = write(xdg_config(self.fu), text)
        r = self.fu.fail(2, "add", "Ada")
        first = self.fu.error_lines(r)[0]
        self.assertTrue(first.startswith(f"fu: {path}:{line}: "), first)
        for word in words:
            self.assertIn(word, first)
        self.assertFalse(self.fu.db.exists(), "a bad configuration must change nothing")
        self.fu.fail(2, "config")
        self.fu.fail(2, "due")
        return r

    def test_unknown_key(self):
        r = self.check('# my settings\nday = "08:00-18:00"\nwrkdays = ["mon", "tue"]\n', 3, "wrkdays")
        self.assertIn("workdays", r.err)  # a suggestion

    def test_reversed_day(self):
        self.check('# my hours\n\nday = "17:00-09:00"\n', 3, "17:00-09:00")

    def test_a_key_set_twice(self):
        # TOML refuses it (it used to be silently accepted, the last one winning)
        r = self.check('day = "08:00-18:00"\n\nday = "17:00-09:00"\n', 3, "day")
        self.assertIn("hint: each key and table may appear only once", r.err)
        self.check('appointment = 30\n[fu]\nappointment = 45\n', 3, "appointment", "line 1")

    def test_not_toml(self):
        r = self.check('appointment = 30\nday = "08:00-18:00\ncold_after = 5\n', 2, "string")
        self.assertIn("hint: the file is TOML", r.err)
        self.check('workdays = ["mon",\n  "tue"', 2, "array")

    def test_bad_holiday(self):
        r = self.check('holidays = [\n  "2026-12-24",\n  "funday",\n]\n', 3, '"funday"', "holiday")
        self.assertIn("thanksgiving", r.err)  # the hint
        self.check('holidays = "christmas"\n', 1, "holidays must be a list")

    def test_appointment_not_a_number(self):
        self.check('[fu]\nappointment = "x"\n', 2, "appointment")

    def test_other_bad_values(self):
        self.check('format = "yaml"\n', 1, "format")
        self.check('color = "sometimes"\n', 1, "color")
        self.check('cold_after = 0\n', 1, "cold_after")
        self.check('give_up_after = -3\n', 1)
        self.check('workdays = ["mon", "funday"]\n', 1)
        self.check('day = 9\n', 1, "day")
        self.check('appointment = 30.5\n', 1, "appointment")
        self.check('this is not toml\n', 1)


class ConfigCommand(unittest.TestCase):
    def test_every_setting_with_its_origin(self):
        fu = FuSandbox(self, now=NOW)
        path = write(xdg_config(fu), '# comment\n\nappointment = 30\ncold_after = 21\nday = "08:00-18:00"\n')
        out = fu.ok("config")
        self.assertEqual(out.splitlines()[0], f"# configuration file: {path}")
        settings = config_lines(out)
        self.assertEqual(list(settings), KEYS)
        self.assertEqual(settings["appointment"], ("30", f"{path}:3"))
        self.assertEqual(settings["cold_after"], ("21", f"{path}:4"))
        self.assertEqual(settings["day"], ('"08:00-18:00"', f"{path}:5"))
        self.assertEqual(settings["db"], (f'"{fu.db}"', "--db"))
        self.assertEqual(settings["format"], ('"human"', "default"))
        self.assertEqual(settings["lunch"], ('"12:00-14:00"', "default"))
        self.assertEqual(settings["give_up_after"], ("7", "default"))
        self.assertEqual(settings["busy_timeout_ms"], ("5000", "default"))
        doc = fu.json("config")
        self.assertEqual(doc["file"], str(path))
        self.assertEqual(list(doc["settings"]), KEYS)
        # JSON values are data: numbers, strings and lists, not TOML literals
        self.assertEqual(doc["settings"]["appointment"], {"value": 30, "origin": f"{path}:3"})
        self.assertEqual(doc["settings"]["db"], {"value": str(fu.db), "origin": "--db"})
        self.assertEqual(doc["settings"]["format"], {"value": "json", "origin": "--format"})
        self.assertEqual(doc["settings"]["color"], {"value": "auto", "origin": "default"})
        self.assertEqual(fu.json("config", "--color", "never")["settings"]["color"]["origin"], "--color")
        self.assertFalse(fu.db.exists(), "fu config must not create the database")

    def test_defaults_without_a_file(self):
        fu = FuSandbox(self, now=NOW)
        doc = fu.json("config")
        for key in KEYS:
            if key not in ("db", "format"):
                self.assertEqual(doc["settings"][key]["origin"], "default", key)
        self.assertEqual(doc["settings"]["workdays"]["value"], ["mon", "tue", "wed", "thu", "fri"])
        self.assertEqual(doc["settings"]["day"]["value"], "09:00-17:00")
        self.assertEqual(doc["settings"]["week_start"]["value"], "monday")
        # the default database path follows XDG_DATA_HOME
        out = fu.ok("config", globals_=False)
        self.assertEqual(config_lines(out)["db"][0], f'"{fu.root / "xdg-data" / "fu" / "fu.db"}"')


class PracticeKeys(unittest.TestCase):
    """The follow-up practice keys: playbooks, on_won, reminder_template, min_gap, max_attempts_per_day."""

    def setUp(self):
        self.fu = FuSandbox(self, now=NOW)

    def test_defaults(self):
        settings = config_lines(self.fu.ok("config"))
        self.assertEqual(settings["min_gap"], ('"1 workday"', "default"))
        self.assertEqual(settings["max_attempts_per_day"], ("2", "default"))
        self.assertEqual(settings["reminder_template"], (f'"{DEFAULT_TEMPLATE}"', "default"))
        self.assertEqual(settings["playbooks"], ('["post-sale"]', "default"))
        self.assertEqual(settings["on_won"], ('"post-sale"', "default"))
        doc = self.fu.json("config")["settings"]
        self.assertEqual(doc["playbooks"], {"value": ["post-sale"], "origin": "default"})
        self.assertEqual(doc["max_attempts_per_day"], {"value": 2, "origin": "default"})
        self.assertEqual(doc["reminder_template"], {"value": DEFAULT_TEMPLATE, "origin": "default"})

    def test_fu_config_shows_the_new_keys(self):
        path = write(xdg_config(self.fu), ONBOARDING)
        settings = config_lines(self.fu.ok("config"))
        self.assertEqual(list(settings), KEYS)
        self.assertEqual(settings["on_won"], ('"onboarding"', f"{path}:2"))
        self.assertEqual(settings["min_gap"], ('"4 hours"', f"{path}:3"))
        self.assertEqual(settings["max_attempts_per_day"], ("3", f"{path}:4"))
        self.assertEqual(settings["reminder_template"], ('"Hello {first}, talk {when}."', f"{path}:5"))
        # post-sale is replaced by the file's, which comes after the built-in ones
        self.assertEqual(settings["playbooks"], ('["onboarding", "post-sale"]', f"{path}:7"))
        doc = self.fu.json("config")["settings"]
        self.assertEqual(list(doc), KEYS)
        self.assertEqual(doc["playbooks"], {"value": ["onboarding", "post-sale"], "origin": f"{path}:7"})
        self.assertEqual(doc["on_won"], {"value": "onboarding", "origin": f"{path}:2"})
        self.assertEqual(doc["max_attempts_per_day"], {"value": 3, "origin": f"{path}:4"})
        tsv = {line.split("\t")[0]: line.split("\t")[1:] for line in self.fu.ok("config", fmt="tsv").splitlines()}
        self.assertEqual(tsv["playbooks"], ["onboarding,post-sale", f"{path}:7"])
        # the settings are in effect for other commands too
        self.fu.ok("add", "Ada")

    def test_on_won_none(self):
        path = write(xdg_config(self.fu), '[fu]\non_won = "none"\n')
        self.assertEqual(config_lines(self.fu.ok("config"))["on_won"], ('"none"', f"{path}:2"))
        self.assertEqual(self.fu.json("config")["settings"]["on_won"], {"value": "none", "origin": f"{path}:2"})

    def test_a_template_with_quotes_is_shown_as_toml(self):
        write(xdg_config(self.fu), 'reminder_template = \'Hi {first}, "see" you {when}\\.\'\n')
        self.assertEqual(config_lines(self.fu.ok("config"))["reminder_template"][0],
                         '"Hi {first}, \\"see\\" you {when}\\\\."')
        self.assertEqual(self.fu.json("config")["settings"]["reminder_template"]["value"],
                         'Hi {first}, "see" you {when}\\.')


class PracticeKeyErrors(unittest.TestCase):
    def setUp(self):
        self.fu = FuSandbox(self, now=NOW)

    def check(self, text, line, *words, hint=None):
        """Exit 2, exactly one `fu: FILE:LINE: …` line (and at most a hint) on stderr, nothing written."""
        path = write(xdg_config(self.fu), text)
        for args in (("add", "Ada"), ("config",), ("due",)):
            r = self.fu.fail(2, *args)
            lines = r.err.splitlines()
            self.assertEqual(len(self.fu.error_lines(r)), 1, str(r))
            self.assertTrue(lines[0].startswith(f"fu: {path}:{line}: "), str(r))
            self.assertLessEqual(len(lines), 2, str(r))
            if len(lines) == 2:
                self.assertTrue(lines[1].startswith("hint: "), str(r))
            for word in words:
                self.assertIn(word, lines[0])
            if hint is not None:
                self.assertEqual(lines[1:], [f"hint: {hint}"] if hint else [], str(r))
        self.assertFalse(self.fu.db.exists(), "a bad configuration must change nothing")
        return r

    def test_a_bad_step_in_the_middle_of_an_array(self):
        self.check('[playbooks]\nonboarding = [\n  { about = "welcome call", when = "tomorrow" },\n'
                   '  { about = "training check", when = "in a weak" },\n  { about = "last", when = "in a month" },\n]\n',
                   4, "playbook onboarding step 2: when: ", '"weak"')
        self.check('[playbooks]\nonboarding = [\n  { about = "welcome call", when = "tomorrow" },\n'
                   '  { about = "training check", when = "in a week", via = "fax" },\n]\n',
                   4, "playbook onboarding step 2: via must be one of call, email, text, visit")

    def test_a_bad_step_of_an_array_of_tables(self):
        self.check('[[playbooks.onboarding]]\nabout = "welcome call"\nwhen = "tomorrow"\n\n'
                   '[[playbooks.onboarding]]\nabout = "training check"\nwen = "in a week"\n',
                   7, 'playbook onboarding step 2: unknown key "wen" (did you mean "when"?)')
        self.check('[[playbooks.onboarding]]\nabout = "welcome call"\nwhen = "tomorrow"\n\n'
                   '[[playbooks.onboarding]]\nabout = "training check"\n',
                   5, "playbook onboarding step 2: when is missing")

    def test_bad_names_and_shapes(self):
        self.check('[playbooks]\nOnboarding = [{ about = "a", when = "tomorrow" }]\n', 2,
                   '"Onboarding" is not a playbook name')
        self.check('[playbooks]\nnone = [{ about = "a", when = "tomorrow" }]\n', 2, '"none"')
        self.check('[playbooks]\nempty = []\n', 2, "playbook empty has no steps")
        self.check('playbooks = "post-sale"\n', 1, "playbooks must be a table")
        self.check('[playbook]\nx = []\n', 1, "unknown table [playbook]", "[playbooks]")

    def test_on_won_names_no_playbook(self):
        self.check('# deals\non_won = "onbording"\n[playbooks]\nonboarding = [{ about = "a", when = "tomorrow" }]\n',
                   2, 'on_won: there is no playbook "onbording" (did you mean "onboarding"?)',
                   hint='the playbooks are: post-sale, onboarding; on_won = "none" offers none')

    def test_other_practice_keys(self):
        self.check('min_gap = "soon"\n', 1, "min_gap: ", '"soon"')
        self.check('[fu]\nreminder_template = "Hi {nope}"\n', 2, "reminder_template: ", "{nope}")
        self.check('max_attempts_per_day = 0\n', 1, "max_attempts_per_day must be a whole number from 1 to 100")


class Holidays(unittest.TestCase):
    def test_fu_config_shows_them_as_written(self):
        fu = FuSandbox(self, now=NOW)
        self.assertEqual(config_lines(fu.ok("config"))["holidays"], ("[]", "default"))
        self.assertEqual(fu.json("config")["settings"]["holidays"], {"value": [], "origin": "default"})
        path = write(xdg_config(fu), '[fu]\nholidays = [\n  "2026-12-24..2026-12-31",\n  "thanksgiving",\n'
                                     '  2027-01-01,\n  "New Year\'s Day",\n]\n')
        self.assertEqual(config_lines(fu.ok("config"))["holidays"],
                         ('["2026-12-24..2026-12-31", "thanksgiving", "2027-01-01", "New Year\'s Day"]', f"{path}:2"))
        self.assertEqual(fu.json("config")["settings"]["holidays"],
                         {"value": ["2026-12-24..2026-12-31", "thanksgiving", "2027-01-01", "New Year's Day"],
                          "origin": f"{path}:2"})
        tsv = {line.split("\t")[0]: line.split("\t")[1:] for line in fu.ok("config", fmt="tsv").splitlines()}
        self.assertEqual(tsv["holidays"], ["2026-12-24..2026-12-31,thanksgiving,2027-01-01,New Year's Day",
                                           f"{path}:2"])
        csv_rows = list(csv.reader(io.StringIO(fu.ok("config", fmt="csv"), newline="")))
        row = next(r for r in csv_rows if r[0] == "holidays")
        self.assertEqual(row, ["holidays", "2026-12-24..2026-12-31,thanksgiving,2027-01-01,New Year's Day",
                               f"{path}:2"])


class Busy(unittest.TestCase):
    def test_75_when_another_writer_holds_the_lock(self):
        fu = FuSandbox(self, now=NOW)
        write(xdg_config(fu), "busy_timeout_ms = 200\n")
        fu.ok("add", "Ada")
        holder = sqlite3.connect(fu.db, isolation_level=None, timeout=0)
        self.addCleanup(holder.close)
        holder.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            r = fu.run("add", "Bob")
            elapsed = time.monotonic() - started
            self.assertEqual(r.status, 75, str(r))
            self.assertEqual(r.out, "")
            self.assertRegex(fu.error_lines(r)[0], r"^fu: .*busy", str(r))
            self.assertGreaterEqual(elapsed, 0.15, "fu gave up before busy_timeout_ms")
            self.assertLess(elapsed, 4, "fu ignored busy_timeout_ms = 200")
            r = fu.run("promise", "ada", "tomorrow")
            self.assertEqual(r.status, 75, str(r))
        finally:
            holder.execute("ROLLBACK")
        self.assertEqual([c["name"] for c in fu.json("contacts")], ["Ada"])
        fu.ok("add", "Bob")  # and works once the lock is gone


if __name__ == "__main__":
    unittest.main()
