// src/practice/crowding.cpp — not being pushy: warnings when attempts crowd a contact, and the
// config's min_gap ("1 workday", "4 hours").
//
// An attempt crowds a contact when it comes less than min_gap after the last own attempt, and
// that attempt went unanswered with nothing heard from the contact since; or when it is one
// too many own attempts on its local day (max_attempts_per_day; 0 or less: no limit). Notes and
// reminders are never attempts; a meeting or a visit (an appointment) draws no warning itself.
#include "fu/practice.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "when/calendar.hpp"
#include "when/lexicon.hpp"

namespace fu {
namespace {

constexpr int k_longest_gap_days = 90;
constexpr const char* k_gap_examples =
    "e.g. \"1 workday\", \"2 working days\", \"1 day\", \"4 hours\", \"90 minutes\" or \"none\"";

// An own attempt to reach the contact; a reminder sent for a promise is none.
bool counts_as_attempt(const Interaction& i)
{
    return i.kind != "reminder" && is_own_attempt(i);
}

// An own attempt, or the contact reaching out: what says whether the contact is waiting on us.
bool is_exchange(const Interaction& i)
{
    return i.kind != "reminder" && is_attempt(i.kind) && (is_own_attempt(i) || is_inbound(i));
}

bool same_record(const Interaction& a, const Interaction& b)
{
    return a.id != 0 && a.id == b.id;
}

date::local_days local_date(Instant t, const Zone& zone)
{
    return date::floor<date::days>(zone.to_local(t));
}

// The latest exchange at or before `until` (ties: the later record), other than `self`.
const Interaction* last_exchange(const std::vector<Interaction>& history, Instant until,
                                 const Interaction* self)
{
    const Interaction* last = nullptr;
    for (const Interaction& i : history) {
        if (!is_exchange(i) || i.at > until || (self && same_record(i, *self))) {
            continue;
        }
        if (!last || i.at > last->at || (i.at == last->at && i.id > last->id)) {
            last = &i;
        }
    }
    return last;
}

// True when `next` comes before min_gap has passed since `last`.
bool too_soon(Instant last, Instant next, const Settings& settings, const Zone& zone)
{
    const MinGap& gap = settings.min_gap;
    if (gap.count <= 0) {
        return false;
    }
    switch (gap.unit) {
    case MinGap::Unit::none:
        return false;
    case MinGap::Unit::minutes:
        return next - last < std::chrono::minutes{gap.count};
    case MinGap::Unit::days:
        return local_date(next, zone) < local_date(last, zone) + date::days{gap.count};
    case MinGap::Unit::workdays:
        try {
            const when::Calendar calendar(settings);
            return local_date(next, zone) <
                   calendar.add_workdays(local_date(last, zone), gap.count);
        } catch (const Error&) {
            return false; // no working days configured: nothing to measure by
        }
    }
    return false;
}

std::string plural(long long n, std::string_view unit)
{
    return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
}

// "30 minutes", "2 hours 5 minutes", "3 days".
std::string elapsed_words(std::chrono::seconds elapsed)
{
    const long long minutes = std::chrono::duration_cast<std::chrono::minutes>(elapsed).count();
    if (minutes < 60) {
        return plural(minutes, "minute");
    }
    if (minutes < 48 * 60) {
        return minutes % 60 == 0
                   ? plural(minutes / 60, "hour")
                   : plural(minutes / 60, "hour") + " " + plural(minutes % 60, "minute");
    }
    return plural(minutes / (24 * 60), "day");
}

// "a working day", "2 days", "an hour", "90 minutes".
std::string gap_words(const MinGap& gap)
{
    const auto one_or = [](const char* one, std::string_view unit, long long n) {
        return n == 1 ? std::string(one) : plural(n, unit);
    };
    switch (gap.unit) {
    case MinGap::Unit::workdays:
        return one_or("a working day", "working day", gap.count);
    case MinGap::Unit::days:
        return one_or("a day", "day", gap.count);
    case MinGap::Unit::minutes:
        return gap.count % 60 == 0 ? one_or("an hour", "hour", gap.count / 60)
                                   : plural(gap.count, "minute");
    case MinGap::Unit::none:
        break;
    }
    return "some time";
}

std::string with_article(std::string_view word)
{
    const bool vowel =
        !word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos;
    return fmt::format("{} {}", vowel ? "an" : "a", word);
}

std::string contact_name(const Contact& contact)
{
    return contact.name.empty() ? std::string("them") : contact.name;
}

// The warning when `what` ("a call", "a promised window opening") comes at `next`, too soon after
// `last`, an own attempt nobody answered.
std::vector<std::string> gap_warnings(const Interaction* last, Instant next, std::string_view what,
                                      const Contact& contact, const Settings& settings,
                                      const Zone& zone)
{
    if (!last || !counts_as_attempt(*last) || !is_unanswered(last->outcome) ||
        !too_soon(last->at, next, settings, zone)) {
        return {};
    }
    const auto elapsed = next - last->at;
    const std::string how_soon = elapsed < std::chrono::seconds{0} ? "before"
                                 : elapsed < std::chrono::minutes{1}
                                     ? "right after"
                                     : elapsed_words(elapsed) + " after";
    return {fmt::format("{} {} an unanswered {} ({}); give {} {} between tries (min_gap = {})",
                        what, how_soon, last->kind, human_time(last->at, zone, next),
                        contact_name(contact), gap_words(settings.min_gap),
                        min_gap_text(settings.min_gap))};
}

std::string ordinal(long long n)
{
    const long long tens = n % 100;
    const char* suffix = tens >= 11 && tens <= 13 ? "th"
                         : n % 10 == 1            ? "st"
                         : n % 10 == 2            ? "nd"
                         : n % 10 == 3            ? "rd"
                                                  : "th";
    return fmt::format("{}{}", n, suffix);
}

// Words of a min_gap, lower-case, digits apart from letters ("4h" -> 4 h).
std::vector<std::string> gap_words_of(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : ascii_lower(text) + " ") {
        const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (std::isspace(static_cast<unsigned char>(c)) ||
            (!word.empty() &&
             (std::isdigit(static_cast<unsigned char>(word.back())) != 0) != digit)) {
            if (!word.empty()) {
                words.push_back(word);
            }
            word.clear();
        }
        if (!std::isspace(static_cast<unsigned char>(c))) {
            word += c;
        }
    }
    return words;
}

} // namespace

std::vector<std::string> crowding_warnings_for_attempt(const std::vector<Interaction>& history,
                                                       const Interaction& attempt,
                                                       const Contact& contact,
                                                       const Settings& settings,
                                                       const Zone& user_zone)
{
    // A meeting or a visit is an appointment kept, not one more try to get through.
    if (!counts_as_attempt(attempt) || attempt.kind == "meeting" || attempt.kind == "visit") {
        return {};
    }
    const Interaction* last = last_exchange(history, attempt.at, &attempt);
    std::vector<std::string> warnings =
        gap_warnings(last, attempt.at, with_article(attempt.kind), contact, settings, user_zone);
    const date::local_days day = local_date(attempt.at, user_zone);
    long long attempts_that_day = 1;
    for (const Interaction& i : history) {
        if (counts_as_attempt(i) && !same_record(i, attempt) &&
            local_date(i.at, user_zone) == day) {
            ++attempts_that_day;
        }
    }
    if (settings.max_attempts_per_day > 0 && attempts_that_day > settings.max_attempts_per_day) {
        warnings.push_back(fmt::format(
            "this is the {} attempt to reach {} on {}; more than {} a day can feel pushy "
            "(max_attempts_per_day = {})",
            ordinal(attempts_that_day), contact_name(contact),
            human_date(attempt.at, user_zone, attempt.at), settings.max_attempts_per_day,
            settings.max_attempts_per_day));
    }
    return warnings;
}

std::vector<std::string> crowding_warnings_for_window(const std::vector<Interaction>& history,
                                                      Instant earliest, const Contact& contact,
                                                      const Settings& settings,
                                                      const Zone& user_zone)
{
    // The window is promised after everything in the history: the last exchange of all counts.
    const Interaction* last = last_exchange(history, Instant::max(), nullptr);
    return gap_warnings(last, earliest, "a promised window opening", contact, settings, user_zone);
}

MinGap parse_min_gap(std::string_view text)
{
    const std::vector<std::string> words = gap_words_of(text);
    const auto refuse = [&] {
        return usage_error(fmt::format("cannot read min_gap \"{}\"", trim(text)), k_gap_examples);
    };
    if (words.size() == 1 && (words[0] == "none" || words[0] == "off" || words[0] == "no" ||
                              words[0] == "never" || words[0] == "0")) {
        return {MinGap::Unit::none, 0};
    }
    if (words.empty() || words.size() > 3) {
        throw refuse();
    }
    long long count = 1;
    std::size_t at = 0;
    if (std::isdigit(static_cast<unsigned char>(words[0][0]))) {
        if (std::from_chars(words[0].data(), words[0].data() + words[0].size(), count).ec !=
            std::errc{}) {
            count = (k_longest_gap_days + 1) * 24 * 60;
        }
        count = std::min(count, (k_longest_gap_days + 1) * 24 * 60LL);
        at = 1;
    } else if (words[0] == "a" || words[0] == "an" || words[0] == "one") {
        at = 1;
    } else if (const auto n = lexicon::number(words[0])) {
        count = *n;
        at = 1;
    }
    std::string unit;
    for (std::size_t i = at; i < words.size(); ++i) {
        unit += (i > at ? " " : "") + words[i];
    }
    MinGap gap;
    long long days = count;
    if (unit == "workday" || unit == "workdays" || unit == "working day" ||
        unit == "working days" || unit == "business day" || unit == "business days" ||
        unit == "weekday" || unit == "weekdays") {
        gap.unit = MinGap::Unit::workdays;
    } else if (unit == "day" || unit == "days" || unit == "d") {
        gap.unit = MinGap::Unit::days;
    } else if (unit == "hour" || unit == "hours" || unit == "hr" || unit == "hrs" || unit == "h") {
        gap.unit = MinGap::Unit::minutes;
        days = count / 24;
        count *= 60;
    } else if (unit == "minute" || unit == "minutes" || unit == "min" || unit == "mins" ||
               unit == "m") {
        gap.unit = MinGap::Unit::minutes;
        days = count / (24 * 60);
    } else {
        throw refuse();
    }
    if (days > k_longest_gap_days) {
        throw usage_error(
            fmt::format("min_gap \"{}\" is longer than {} days", trim(text), k_longest_gap_days),
            k_gap_examples);
    }
    gap.count = static_cast<int>(count);
    return count == 0 ? MinGap{MinGap::Unit::none, 0} : gap;
}

std::string min_gap_text(const MinGap& gap)
{
    switch (gap.count <= 0 ? MinGap::Unit::none : gap.unit) {
    case MinGap::Unit::none:
        return "none";
    case MinGap::Unit::workdays:
        return plural(gap.count, "workday");
    case MinGap::Unit::days:
        return plural(gap.count, "day");
    case MinGap::Unit::minutes:
        return gap.count % 60 == 0 ? plural(gap.count / 60, "hour") : plural(gap.count, "minute");
    }
    return "none";
}

} // namespace fu
