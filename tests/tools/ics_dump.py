#!/usr/bin/env python3
"""ics_dump.py — parse an iCalendar file with an independent parser and print what it read.

Usage: ics_dump.py icalendar|vobject FILE

Both parsers print the same lines, so a test compares one expected text against either:
  calendar
  VERSION "2.0"                       (each property present, in a fixed order; values as JSON)
  event                               (one block per VEVENT, in file order)
  DTSTART 2024-03-05T14:00:00Z        (UTC, or "not-utc ..." when the parser did not read UTC)
  ORGANIZER "mailto:…" CN="…"         (parameters sorted by name)
Parameter values are printed as the parser returns them (neither decodes RFC 6868 ^' ^n ^^).
"""
import datetime
import json
import sys

CALENDAR_KEYS = ["VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"]
EVENT_KEYS = ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "STATUS", "TRANSP",
              "CATEGORIES", "SEQUENCE", "ORGANIZER", "ATTENDEE"]
TIME_KEYS = {"DTSTAMP", "DTSTART", "DTEND"}


def text(value):
    return json.dumps(value, ensure_ascii=False)


def instant(value):
    if not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(0):
        return "not-utc " + repr(value)
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def line(key, value, params):
    shown = instant(value) if key in TIME_KEYS else text(str(value))
    rest = "".join(f" {name}={text(params[name])}" for name in sorted(params))
    return f"{key} {shown}{rest}"


def dump_icalendar(data):
    import icalendar
    cal = icalendar.Calendar.from_ical(data)
    out = ["calendar"]
    out += [line(k, cal[k], {}) for k in CALENDAR_KEYS if k in cal]
    for event in cal.walk("VEVENT"):
        out.append("event")
        for key in EVENT_KEYS:
            if key not in event:
                continue
            prop = event[key]
            if key in TIME_KEYS:
                value = prop.dt
            elif key == "CATEGORIES":
                value = ",".join(str(c) for c in prop.cats)
            else:
                value = prop
            params = {n: str(v) for n, v in getattr(prop, "params", {}).items()
                      if key not in TIME_KEYS}
            out.append(line(key, value, params))
    return out


def dump_vobject(data):
    import vobject
    cal = vobject.readOne(data.decode("utf-8"))
    out = ["calendar"]
    for key in CALENDAR_KEYS:
        props = cal.contents.get(key.lower())
        if props:
            out.append(line(key, props[0].value, {}))
    for event in cal.contents.get("vevent", []):
        out.append("event")
        for key in EVENT_KEYS:
            props = event.contents.get(key.lower())
            if not props:
                continue
            prop = props[0]
            value = ",".join(prop.value) if key == "CATEGORIES" else prop.value
            params = {} if key in TIME_KEYS else {n: ",".join(v) for n, v in prop.params.items()}
            out.append(line(key, value, params))
    return out


def main():
    parser, path = sys.argv[1], sys.argv[2]
    data = open(path, "rb").read()
    out = dump_icalendar(data) if parser == "icalendar" else dump_vobject(data)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
