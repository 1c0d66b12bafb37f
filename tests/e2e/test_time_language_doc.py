"""docs/TIME-LANGUAGE.md runs: every example table in it is fed, row by row, to the built
`fu when … --format json`, and the window it prints must be the one the table says.

Which tables: those whose header starts `| words | window |`. Every backticked span in the words
cell is one phrase, and each must give the row's window. Besides the phrases and the separators
`,`, `or` and `and`, the words cell may only say when it is said: `at HH:MM` (on the table's day)
or `on Www D Mmm [YYYY] at HH:MM`.

The window cell (the grammar below is the whole of it; a cell that does not parse fails the test):

    cell    := "refused" anything        exit status 2, nothing on stdout, a `fu: ` line on stderr
             | "—" anything              not checked
             | window [" (" remark ")"]
    window  := DAY " " HH:MM "–" HH:MM [" " ZONE]          one day, e.g. Tue 16 Jun 12:00–17:00
             | start " – " end                             e.g. Mon 15 Jun 09:30 – Fri 19 Jun 17:00
             | DAY                                         that day's working window, 09:00–17:00
    start   := "now" | DAY [" " HH:MM [" " ZONE]]          a DAY alone starts at 09:00
    end     := DAY [" " HH:MM [" " ZONE]]                  a DAY alone ends at 17:00
    DAY     := Www " " D " " Mmm [" " YYYY]                 the year is 2026 unless given; the
                                                           weekday must match the date
    ZONE    := EDT | EST | PDT | …                         a fixed offset; without one a time is
                                                           local to the table's zone (TZ)

In the notes cell, a backticked span starting with `fu: `, `hint: ` or `note: ` must appear in what fu
printed on stderr, and the words "with a note" require at least one `note: ` line.

Each table is said at the doc's reference moment, Monday 15 June 2026 09:30 in America/New_York, unless
HTML comments just before it say otherwise:

    <!-- now: 2026-06-17T10:00 -->          another moment (ISO 8601 local time)
    <!-- tz: Europe/Berlin -->              another zone for the user (TZ)
    <!-- contact-tz: Europe/London -->      the customer's zone (`fu when --tz`)
    <!-- config: holidays = ["christmas"] -->   a line of the config file (several allowed)
    <!-- untested -->                       the next table is not checked

The runs are sealed by fu_harness: a fixed --now, an explicit TZ, a temporary HOME; no real clock.
"""

import json
import re
import unittest
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from fu_harness import DEFAULT_NOW, DEFAULT_TZ, FuSandbox

DOC = Path(__file__).resolve().parent.parent.parent / "docs" / "TIME-LANGUAGE.md"

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ZONES = {"UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "JST": 9, "EDT": -4, "EST": -5,
         "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8}
DAY_START, DAY_END = (9, 0), (17, 0)  # the default working window

DAY = r"(?:%s) \d{1,2} (?:%s)(?: \d{4})?" % ("|".join(WEEKDAYS), "|".join(MONTHS))
CLOCK = r"\d\d:\d\d"
ZONE = r"(?:%s)" % "|".join(ZONES)
POINT = rf"(?P<@day>{DAY})(?: (?P<@time>{CLOCK})(?: (?P<@zone>{ZONE}))?)?"
ONE_DAY_RE = re.compile(rf"^(?P<day>{DAY}) (?P<t1>{CLOCK})–(?P<t2>{CLOCK})(?: (?P<zone>{ZONE}))?$")
SPAN_RE = re.compile(r"^(?:now|%s) – %s$" % (POINT.replace("@", "a"), POINT.replace("@", "b")))
WHOLE_DAY_RE = re.compile(rf"^(?P<day>{DAY})$")
REMARK_RE = re.compile(r"^(?P<window>.*?) \([^()]*(?:\([^()]*\)[^()]*)*\)$")
MARKER_RE = re.compile(r"^<!--\s*(?P<key>[a-z-]+)\s*(?::\s*(?P<value>.*?))?\s*-->$")
MOMENT_RE = re.compile(rf"^(?:at (?P<time>{CLOCK})|on (?P<day>{DAY}) at (?P<dtime>{CLOCK}))$")


class DocError(Exception):
    """The doc says something this test cannot read."""


@dataclass
class Expect:
    refused: bool = False
    earliest: datetime = None
    latest: datetime = None


@dataclass
class Table:
    line: int
    now: str = DEFAULT_NOW
    tz: str = DEFAULT_TZ
    contact_tz: str = None
    config: list = field(default_factory=list)
    untested: bool = False
    rows: list = field(default_factory=list)  # (line number, [cells])


def split_row(line):
    """The cells of a Markdown table row; a `|` inside backticks does not split."""
    cells, cell, in_code = [], "", False
    for ch in line.strip().strip("|"):
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += ch
    cells.append(cell.strip())
    return cells


def read_tables(text):
    """Every Markdown table outside code blocks, with the markers just before it."""
    tables, pending, current, in_fence = [], {}, None, False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if stripped.startswith("|"):
            if current is None:
                current = Table(line=number, **pending)
                pending = {}
                tables.append(current)
            current.rows.append((number, split_row(stripped)))
            continue
        current = None
        marker = MARKER_RE.match(stripped)
        if marker:
            key, value = marker["key"], marker["value"]
            if key == "untested" and value is None:
                pending["untested"] = True
            elif key in ("now", "tz", "contact-tz") and value:
                pending[key.replace("-", "_")] = value
            elif key == "config" and value:
                pending.setdefault("config", []).append(value)
            else:
                raise DocError(f"line {number}: unknown marker {stripped!r}")
    return tables


def civil_date(text):
    """A DAY of the grammar as a date, checking its weekday."""
    parts = text.split()
    weekday, day, month = parts[0], int(parts[1]), MONTHS.index(parts[2]) + 1
    year = int(parts[3]) if len(parts) > 3 else 2026
    try:
        date = datetime(year, month, day)
    except ValueError as e:
        raise DocError(f"{text!r} is not a date ({e})") from None
    if WEEKDAYS[date.weekday()] != weekday:
        raise DocError(f"{text!r}: that date is a {WEEKDAYS[date.weekday()]}")
    return date


def instant(day, clock, zone, tz):
    """DAY at HH:MM (or the given default (h, m)) in ZONE, else local to tz."""
    date = civil_date(day) if isinstance(day, str) else day
    hour, minute = map(int, clock.split(":")) if isinstance(clock, str) else clock
    if hour == 24:  # 24:00 is the end of the day, as fu prints a window ending at midnight
        date, hour = date + timedelta(days=1), 0
    local = date.replace(hour=hour, minute=minute)
    if zone:
        return local.replace(tzinfo=timezone(timedelta(hours=ZONES[zone])))
    return local.replace(tzinfo=ZoneInfo(tz))


def parse_window(cell, tz, now):
    """The Expect of a window cell (see the module docstring), or None for "—"."""
    cell = cell.strip()
    if cell.startswith("—"):
        return None
    if cell.startswith("refused"):
        return Expect(refused=True)
    candidates = [cell]
    remark = REMARK_RE.match(cell)
    if remark:
        candidates.append(remark["window"])
    for text in candidates:
        m = ONE_DAY_RE.match(text)
        if m:
            return Expect(earliest=instant(m["day"], m["t1"], m["zone"], tz),
                          latest=instant(m["day"], m["t2"], m["zone"], tz))
        m = SPAN_RE.match(text)
        if m:
            if m["aday"] is None:
                earliest = now
            else:
                earliest = instant(m["aday"], m["atime"] or DAY_START, m["azone"], tz)
            return Expect(earliest=earliest,
                          latest=instant(m["bday"], m["btime"] or DAY_END, m["bzone"], tz))
        m = WHOLE_DAY_RE.match(text)
        if m:
            return Expect(earliest=instant(m["day"], DAY_START, None, tz),
                          latest=instant(m["day"], DAY_END, None, tz))
    raise DocError(f"window {cell!r} does not parse (see the grammar in {Path(__file__).name})")


def parse_words(cell, table_now):
    """The phrases of a words cell and the moment they are said at (ISO local time)."""
    phrases = re.findall(r"`([^`]+)`", cell)
    if not phrases:
        raise DocError(f"no `phrase` in {cell!r}")
    rest = re.sub(r"`[^`]+`", " ", cell)
    rest = re.sub(r"(?:,|\bor\b|\band\b)", " ", rest)
    rest = " ".join(rest.split())
    now = table_now
    if rest:
        m = MOMENT_RE.match(rest)
        if not m:
            raise DocError(f"words {cell!r}: cannot read {rest!r} (only `at HH:MM` or `on DAY at HH:MM`)")
        if m["time"]:
            now = table_now[:10] + "T" + m["time"]
        else:
            now = civil_date(m["day"]).strftime("%Y-%m-%d") + "T" + m["dtime"]
    return phrases, now


def example_tables(text):
    tables = []
    for table in read_tables(text):
        header = [cell.lower() for cell in table.rows[0][1]]
        if header[0] != "words":
            continue
        if table.untested:
            continue
        if len(header) < 2 or header[1] != "window":
            raise DocError(f"line {table.line}: a `words` table must be `| words | window | notes |` "
                           "or be marked <!-- untested -->")
        tables.append(table)
    return tables


class TimeLanguageDocTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.text = DOC.read_text(encoding="utf-8")

    def test_the_doc_is_checkable(self):
        """Every example table and row parses, and there are many of them."""
        rows = 0
        for table in example_tables(self.text):
            for number, cells in table.rows[2:]:
                with self.subTest(line=number):
                    parse_words(cells[0], table.now)
                    parse_window(cells[1], table.tz, None)
                    rows += 1
        self.assertGreater(rows, 150, "the doc lost most of its examples")

    def test_grammar(self):
        """The cell grammar itself, so a lenient parser cannot make every row pass."""
        tz = DEFAULT_TZ
        now = instant("Mon 15 Jun", (9, 30), None, tz)
        e = parse_window("Tue 16 Jun 12:00–17:00", tz, now)
        self.assertEqual(e.earliest.isoformat(), "2026-06-16T12:00:00-04:00")
        self.assertEqual(e.latest.isoformat(), "2026-06-16T17:00:00-04:00")
        e = parse_window("now – Fri 19 Jun 17:00 (the week's last workday)", tz, now)
        self.assertEqual((e.earliest, e.latest.isoformat()), (now, "2026-06-19T17:00:00-04:00"))
        e = parse_window("Fri 1 Jan 2027 – Wed 31 Mar 2027", tz, now)
        self.assertEqual(e.earliest.isoformat(), "2027-01-01T09:00:00-05:00")
        self.assertEqual(e.latest.isoformat(), "2027-03-31T17:00:00-04:00")
        e = parse_window("Tue 1 Dec 08:00–08:15 EST", tz, now)
        self.assertEqual(e.earliest.utcoffset(), timedelta(hours=-5))
        self.assertTrue(parse_window("refused (ambiguous)", tz, now).refused)
        self.assertIsNone(parse_window("— today's, or tomorrow's", tz, now))
        for bad in ("Mon 16 Jun", "Tue 16 Jun 12:00-17:00", "tomorrow", "Tue 16 Jun 12:00 – 17:00", "",
                    "Mon 15 Jun 09:30–17:00 / Tue 16 Jun"):
            with self.subTest(bad=bad), self.assertRaises(DocError):
                parse_window(bad, tz, now)
        self.assertEqual(parse_words("`today 5pm` at 17:05", "2026-06-15T09:30"),
                         (["today 5pm"], "2026-06-15T17:05"))
        self.assertEqual(parse_words("`a`, `b` or `c`", "2026-06-15T09:30")[0], ["a", "b", "c"])
        with self.assertRaises(DocError):
            parse_words("`in a couple of days` (2)", "2026-06-15T09:30")

    def test_examples(self):
        """Every example gives the window its table says, at the moment the table is said."""
        checked = 0
        for table in example_tables(self.text):
            sandbox = FuSandbox(self, tz=table.tz, now=table.now)
            pre = []
            if table.config:
                config = sandbox.root / "config.toml"
                config.write_text("\n".join(table.config) + "\n", encoding="utf-8")
                pre = ["--config", str(config)]
            when = ["when"] + (["--tz", table.contact_tz] if table.contact_tz else []) + ["--"]
            for number, cells in table.rows[2:]:
                notes = cells[2] if len(cells) > 2 else ""
                try:
                    phrases, said_at = parse_words(cells[0], table.now)
                    now = datetime.fromisoformat(said_at).replace(tzinfo=ZoneInfo(table.tz))
                    expect = parse_window(cells[1], table.tz, now)
                except DocError as e:
                    with self.subTest(line=number):
                        self.fail(f"docs/TIME-LANGUAGE.md:{number}: {e}")
                    continue
                if expect is None:
                    continue
                for phrase in phrases:
                    with self.subTest(line=number, phrase=phrase, now=said_at):
                        checked += 1
                        self.check(sandbox, pre + when + phrase.split(), said_at, expect, notes,
                                   f"docs/TIME-LANGUAGE.md:{number}: `{phrase}` at {said_at} {table.tz}")
        self.assertGreater(checked, 200)

    def check(self, sandbox, args, said_at, expect, notes, where):
        if expect.refused:
            r = sandbox.fail(2, *args, now=said_at)
        else:
            r = sandbox.run(*args, now=said_at, fmt="json")
            self.assertEqual(r.status, 0, f"{where}: expected a window\n{r}")
            doc = json.loads(r.out)
            got = (datetime.fromisoformat(doc["earliest"]), datetime.fromisoformat(doc["latest"]))
            want = (expect.earliest, expect.latest)
            if got != want:
                self.fail(f"{where}: fu says {doc['earliest']} – {doc['latest']}, the doc says "
                          f"{want[0].isoformat()} – {want[1].isoformat()}\n{r}")
            self.assertEqual(doc["zone"], sandbox.tz)
        for message in re.findall(r"`((?:fu|hint|note): [^`]+)`", notes):
            self.assertIn(message, r.err, f"{where}: stderr lacks {message!r}\n{r}")
        if "with a note" in notes:
            self.assertIn("note: ", r.err, f"{where}: the doc promises a note\n{r}")


if __name__ == "__main__":
    unittest.main()
