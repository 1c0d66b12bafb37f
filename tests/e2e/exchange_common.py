"""Shared by test_exchange.py and test_exchange_errors.py: a realistic book, snapshots, and the
independent iCalendar/vCard parsers (Debian's python3-icalendar and python3-vobject).

The book (Monday 15 June 2026, 09:30 in New York) is `fu demo` plus:
  Émile Zola (id 8): non-ASCII, quotes, a newline and a tab in the note, tags, --every, --interest, a zone
  Temp Person (id 9): added and purged, so the ids have a gap; Late Addition (id 10) after it
  Katherine Johnson (6): an open promise, then archived (`fu rm`)
  Linus Pauling (3): `--outcome not-interested`, so closed
  Grace Hopper (2): her overdue p3 rescheduled to Thursday (p8): broken, replaced_by / rescheduled_from
  Alan Turing (5): won, then the post-sale playbook (plan 1, its first step an open promise)
  Hedy Lamarr (4): an email logged with --next friday --via email --agreed (made_with)
  Ada Lovelace (1): --interest warm --every monthly
"""

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

DATA = (Path(__file__).resolve().parent / ".." / "data").resolve()

MON = "2026-06-15T09:30"

ZOLA_NOTE = 'Line one "quoted"\nLine two — naïve café ☕\ttab'

BOOK_COMMANDS = [
    ("demo",),
    ("add", "Émile Zola", "--company", "L'Assommoir & Fils", "--email", "Emile@Zola.example",
     "--phone", "+33 1 40 20 50 50", "--tag", "press", "--tag", "vip", "--note", ZOLA_NOTE,
     "--every", "2-3 weeks", "--interest", "hot", "--tz", "Europe/Paris"),
    ("add", "Temp Person", "--email", "temp@example.com"),
    ("rm", "Temp Person", "--purge", "--yes"),
    ("add", "Late Addition", "--phone", "+1 617 555 0111", "--tag", "referral"),
    ("promise", "katherine", "friday", "--about", "service visit"),
    ("rm", "katherine"),
    ("log", "linus", "call", "--outcome", "not-interested", "--note", "bought elsewhere"),
    ("reschedule", "grace", "thursday", "--reason", "out of office"),
    ("log", "alan", "--outcome", "won", "--note", "signed for 40 units"),
    ("plan", "alan", "post-sale"),
    ("log", "hedy", "email", "--note", "sent the kit", "--next", "friday", "--about", "feedback on the kit",
     "--via", "email", "--agreed"),
    ("edit", "ada", "--interest", "warm", "--every", "monthly"),
]


def write_ok(test, fu, *args, **kw):
    """Runs a write: exit 0, and stderr only `warning:` lines (not pushy …); returns stdout."""
    r = fu.run(*args, **kw)
    test.assertEqual(r.status, 0, str(r))
    for line in r.err.splitlines():
        test.assertTrue(line.startswith("warning: "), str(r))
    return r.out


def build_book(test, fu, db=None, now=MON):
    for args in BOOK_COMMANDS:
        write_ok(test, fu, *args, db=db, now=now)


def export(fu, *args, db=None, now=MON):
    return fu.ok("export", *args, db=db, now=now)


def book(fu, db=None, now=MON):
    return json.loads(export(fu, db=db, now=now))


def journal(fu, db=None, now=MON):
    return fu.json("undo", "--list", db=db, now=now)


# ---- the independent parsers ----------------------------------------------------------------------

PARSE_SCRIPT = r'''
import json, sys
kind, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8", newline="") as f:
    text = f.read()
if kind == "ics":
    import icalendar, vobject
    cal = icalendar.Calendar.from_ical(text)
    def listed(value):
        if value is None:
            return []
        return [str(v) for v in (value if isinstance(value, list) else [value])]
    events = []
    for e in cal.walk("VEVENT"):
        events.append({"uid": str(e["UID"]), "start": e.decoded("DTSTART").isoformat(),
                       "end": e.decoded("DTEND").isoformat(), "summary": str(e["SUMMARY"]),
                       "organizer": str(e["ORGANIZER"]) if "ORGANIZER" in e else None,
                       "organizer_cn": str(e["ORGANIZER"].params.get("CN")) if "ORGANIZER" in e else None,
                       "attendees": listed(e.get("ATTENDEE")), "status": str(e.get("STATUS"))})
    v = vobject.readOne(text)
    vevents = [{"uid": ev.uid.value, "start": ev.dtstart.value.isoformat(), "end": ev.dtend.value.isoformat(),
                "summary": ev.summary.value} for ev in v.contents.get("vevent", [])]
    out = {"method": str(cal.get("METHOD")), "version": str(cal.get("VERSION")), "events": events,
           "vobject": vevents, "vobject_method": v.method.value if hasattr(v, "method") else None}
elif kind == "vcard":
    import vobject
    cards = []
    for c in vobject.readComponents(text):
        def values(name):
            return [p.value for p in c.contents.get(name, [])]
        cats = []
        for p in c.contents.get("categories", []):
            cats += list(p.value) if isinstance(p.value, list) else [p.value]
        cards.append({"version": c.version.value, "fn": c.fn.value, "email": values("email"),
                      "tel": values("tel"), "note": values("note"), "categories": cats,
                      "uid": values("uid"), "org": [list(v) if isinstance(v, list) else v for v in values("org")]})
    out = {"cards": cards}
print(json.dumps(out))
'''


@functools.lru_cache(maxsize=None)
def parser_python():
    """A Python that has icalendar and vobject (this one, else Debian's), or None."""
    for exe in (sys.executable, "/usr/bin/python3"):
        if not exe or not os.path.exists(exe):
            continue
        probe = subprocess.run([exe, "-c", "import icalendar, vobject"], capture_output=True)
        if probe.returncode == 0:
            return exe
    return None


def parse(test, kind, path):
    """Parses a file with the real parsers (in a subprocess); skips the test when there are none."""
    exe = parser_python()
    if exe is None:
        test.skipTest("no Python with icalendar and vobject (apt install python3-icalendar python3-vobject)")
    proc = subprocess.run([exe, "-c", PARSE_SCRIPT, kind, str(path)], capture_output=True, text=True,
                          timeout=60)
    test.assertEqual(proc.returncode, 0, f"the {kind} parser refused {path}:\n{proc.stderr}")
    return json.loads(proc.stdout)
