// fu/practice.hpp — the follow-up practice as pure rules: keep-in-touch cadences, not crowding a
// contact, customer reminders and playbooks. No store, no clock: everything is passed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fu/clock.hpp"
#include "fu/model.hpp"
#include "fu/settings.hpp"
#include "fu/zone.hpp"

namespace fu {

// ---- Keep-in-touch cadences (`--every "2-3 weeks"`) ----

// A calendar length: whole months (a month, a quarter = 3, a year = 12) plus days (a week = 7).
struct Interval {
    int months = 0;
    int days = 0;
    friend bool operator==(const Interval&, const Interval&) = default;
};

// How often to be in touch: due once `ideal` has passed since the last interaction, overdue once
// `worst` has. `worst` >= `ideal`.
struct Cadence {
    Interval ideal;
    Interval worst;
    friend bool operator==(const Cadence&, const Cadence&) = default;
};

// Reads what a user says: "2-3 weeks", "2 to 3 weeks", "every 10-14 days", "a month", "monthly",
// "weekly", "fortnightly", "every other week", "quarterly", "every 6 months", "yearly", "every week
// or two", "1-2 months". A single length X is due after X and overdue after X and a half (a week:
// 7-11 days; a month: 1 month 15 days). Returns nullopt for "none", "off" or "never" (no cadence).
// Throws fu::Error (2) with one line and a hint for anything else (e.g. "biweekly" is ambiguous,
// "3-2 weeks" runs backwards, "0 days" is no rhythm).
std::optional<Cadence> parse_cadence(std::string_view text);

// The words fu stores and shows for a cadence, read back by parse_cadence to the same cadence:
// "2-3 weeks", "1 month" (a single length), "10-14 days", "1 month-6 weeks".
std::string cadence_text(const Cadence& cadence);

// `from` plus `interval` on the local calendar of `zone` (months clipped to the month's end; the
// local clock time kept, DST-correct).
Instant add_interval(Instant from, const Interval& interval, const Zone& zone);
// The fewest seconds `interval` can span in any zone (months of 28 days, days of 23 hours less a
// margin): a lower bound that lets a query skip cadences that cannot have come due.
std::int64_t soonest_seconds(const Interval& interval);

// The keep-in-touch window of a contact last in touch at `last`: [last + ideal, last + worst).
// When ideal == worst the window is one day long.
struct TouchWindow {
    Instant earliest;
    Instant latest;
};
TouchWindow keep_in_touch_window(const Cadence& cadence, Instant last, const Zone& zone);

// ---- Interest ----

// "hot", "warm", "cold"; "" is unknown.
const std::vector<std::string>& interest_levels();
// The level a user typed ("Hot", " warm "), lower-cased; fu::Error (2) with the levels for any
// other word.
std::string interest_level(std::string_view word);
// Sort rank within one agenda state: hot 0, warm 1, unknown 2, cold 3.
int interest_rank(std::string_view interest);

// ---- Not pushy ----

// Warnings (never refusals) when a new own attempt at `at` crowds a contact: less than
// settings.min_gap after the last unanswered own attempt before it, or more than
// settings.max_attempts_per_day own attempts on its local day (user zone). `history` is the
// contact's interactions before this one, in any order. Each warning is one sentence, e.g.
// "a second attempt 30 minutes after an unanswered voicemail (Tue 10:02); give Ada Lovelace a
// working day between tries (min_gap)".
std::vector<std::string> crowding_warnings_for_attempt(const std::vector<Interaction>& history,
                                                       const Interaction& attempt,
                                                       const Contact& contact,
                                                       const Settings& settings,
                                                       const Zone& user_zone);
// Warnings when a promised window opening at `earliest` crowds the last unanswered own attempt in
// `history` (less than min_gap after it).
std::vector<std::string> crowding_warnings_for_window(const std::vector<Interaction>& history,
                                                      Instant earliest, const Contact& contact,
                                                      const Settings& settings,
                                                      const Zone& user_zone);

// Reads config's min_gap: "1 workday", "2 working days", "1 day", "4 hours", "90 minutes", "none".
// Throws fu::Error (2) for anything else.
MinGap parse_min_gap(std::string_view text);
std::string min_gap_text(const MinGap& gap);

// ---- Customer reminders ----

// Checks a reminder template: placeholders {first} {name} {company} {via} {when} {day} {from} {to}
// {zone} {about}; text in [ ] is left out when a placeholder inside it is empty; "{{", "}}", "[[",
// "]]" are literal. Throws fu::Error (2) naming the first problem (unknown placeholder, unclosed
// brace or bracket).
void check_reminder_template(std::string_view text);

// The reminder of `promise` for `contact`, on the customer's clock (`customer_zone`), from the
// template: e.g. "Hi Ada — looking forward to our call tomorrow between 12:00 and 17:00 (your
// time) about the quote." {when} is {day} plus the times ("tomorrow between 12:00 and 17:00",
// "on Friday 4 December at 14:00", "tomorrow" for a window of whole local days); {day} is "today", "tomorrow",
// "on Friday" (within a week), else "on Friday 11 December"; {first} is the first word of the name.
std::string render_reminder(std::string_view template_text, const Promise& promise,
                            const Contact& contact, Instant now,
                            const Zone& customer_zone);

// ---- Playbooks ----

// The playbook of that name in the settings, or nullptr.
const Playbook* find_playbook(const Settings& settings, std::string_view name);

} // namespace fu
