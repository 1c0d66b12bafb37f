// src/commands/present.hpp — how commands show contacts, promises and interactions, shared by all.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "fu/agenda.hpp"
#include "fu/env.hpp"
#include "fu/format.hpp"
#include "fu/model.hpp"
#include "fu/store.hpp"

namespace fu::commands {

// How many rows a person reads at the terminal (human output) before the rest is counted in one
// line; --limit sets another number.
inline constexpr int k_human_rows = 50;

// A count for a person to read: 1,973,272.
std::string count_text(std::int64_t n);

// Under a human listing cut at `limit` (0: not cut) after `shown` rows: "… and N more: --limit 0
// lists them all", the whole counted by `total` only when the cut may have left some out.
void print_rest(std::ostream& out, std::size_t shown, int limit,
                const std::function<std::int64_t()>& total, std::string_view indent = "");

// The stable JSON shape of a contact: id, name, company, phone, email, tz, tags, note, created,
// archived, closed.
Json contact_json(const Contact& contact, const Env& env);
// The short contact object embedded in promises and interactions: id, name, company, phone, email, tz.
Json contact_ref_json(const Contact& contact);
// The stable JSON shape of a promise (see the man page).
Json promise_json(const Promise& promise, const Contact& contact, const Env& env, int attempts = 0,
                  int unanswered = 0);
// A promise's JSON with its counts from the contact's history (oldest first): the attempts made
// while it was open, and the contact's current unanswered run while it is still open.
Json promise_json(const Promise& promise, const Contact& contact, const std::vector<Interaction>& history,
                  const Env& env);
// The same, reading the contact's history from the store (for the commands that print one promise).
Json promise_json(const Store& store, const Promise& promise, const Contact& contact, const Env& env);
// A keep-in-touch row of the agenda: type "keep-in-touch", id null, contact, state, earliest,
// latest, every, last_contact, about, interest.
Json keep_in_touch_json(const AgendaItem& item, const Env& env);
// The stable JSON shape of an interaction.
Json interaction_json(const Interaction& interaction, const Contact& contact, const Env& env);

// A promise's window in the user's zone, and in the customer's zone when it differs:
// "Tue 16 Jun 06:00–11:00 (12:00–17:00 in Berlin)".
std::string window_text(const Promise& promise, const Contact& contact, const Env& env);

// A window on the user's clock, followed by the customer's in brackets when their clock differs
// ("Thu 18 Jun 11:00–11:15 (16:00–16:15 in London)"); `with_zone` adds the zone abbreviations.
std::string both_clocks(Instant earliest, Instant latest, const Zone& theirs, const Env& env,
                        bool with_zone);
// "closes in 45m", "overdue 2d", "opens in 3h".
std::string relative_hint(const Promise& promise, Instant now);
// The contact's own zone, or the user's when it has none (or an unknown one).
const Zone& contact_zone(const Contact& contact, const Env& env);


// "a call", "an email", "a text", "a visit".
std::string channel_phrase(const std::string& via);
// How an ended promise ended, for people: "kept on time", "kept late", "renegotiated in time", …
std::string ended_text(PromiseStatus status);
// Writes each notice of a resolved phrase to env.err as a `note: …` line.
void print_notices(const Env& env, const std::vector<std::string>& notices);

// Prints `json` when the output is JSON; returns whether it did.
bool print_json_if_asked(const Env& env, const Json& json);

// For commands that change a contact as a whole (edit, rm, restore): refuses a promise or
// interaction reference (p12, i31), which would name its contact, with the command meant instead.
void refuse_record_ref(const std::string& ref, const char* command);

// When something happened (log --at, fix --at): the start of what the words name, looking back.
// A whole day ("yesterday") names no moment: fu takes the start of that day's working window (or
// now, if that is later) and says so on env.err.
// `doing` says what the moment is for in that note ("logging it at").
Instant happened_at(const std::vector<std::string>& words, const Env& env,
                    const char* doing = "logging it at");

} // namespace fu::commands
