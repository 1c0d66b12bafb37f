// src/practice/reminder.cpp — customer reminders: checking a template and filling it in on the
// customer's clock ("Hi Ada — looking forward to our call tomorrow between 12:00 and 17:00").
#include "fu/practice.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "when/lexicon.hpp"

namespace fu {
namespace {

const std::vector<std::string>& placeholder_names()
{
    static const std::vector<std::string> names{"first", "name", "company", "via",  "when",
                                                "day",   "from", "to",      "zone", "about"};
    return names;
}

// A piece of a template: literal text or a placeholder, maybe inside an optional [section].
struct Piece {
    std::string text; // the literal text, or the placeholder's name
    bool placeholder = false;
    int section = -1; // the number of the [ ] section it is in, or -1
};

// The template from `at` on, shortened, to show where a problem is.
std::string near(std::string_view text, std::size_t at)
{
    return truncate_to_width(text.substr(at), 24);
}

std::vector<Piece> parse_template(std::string_view text)
{
    if (trim(text).empty()) {
        throw usage_error("the reminder template is empty",
                          fmt::format("e.g. \"{}\"", k_default_reminder_template));
    }
    std::vector<Piece> pieces;
    int sections = 0;
    int section = -1;
    const auto literal = [&](char c) {
        if (pieces.empty() || pieces.back().placeholder || pieces.back().section != section) {
            pieces.push_back({"", false, section});
        }
        pieces.back().text += c;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}' || c == '[' || c == ']') && i + 1 < text.size() &&
            text[i + 1] == c) {
            literal(c); // "{{", "}}", "[[", "]]"
            ++i;
        } else if (c == '{') {
            const std::size_t close = text.find('}', i);
            if (close == std::string_view::npos || text.find_first_of("{[]", i + 1) < close) {
                throw usage_error(
                    fmt::format("unclosed {{ in the reminder template at \"{}\"", near(text, i)),
                    "close the placeholder with }, or write {{ for a literal brace");
            }
            const std::string name(text.substr(i + 1, close - i - 1));
            const auto& known = placeholder_names();
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                const std::string guess = nearest(ascii_lower(name), known);
                throw usage_error(
                    fmt::format("unknown placeholder {{{}}} in the reminder template{}", name,
                                guess.empty() ? "" : fmt::format(" (did you mean {{{}}}?)", guess)),
                    "placeholders: {first} {name} {company} {via} {when} {day} {from} {to} {zone} "
                    "{about}");
            }
            pieces.push_back({name, true, section});
            i = close;
        } else if (c == '}') {
            throw usage_error(
                fmt::format("a }} without {{ in the reminder template at \"{}\"", near(text, i)),
                "write }} for a literal brace");
        } else if (c == '[') {
            if (section >= 0) {
                throw usage_error(
                    fmt::format("a [ inside [ ] in the reminder template at \"{}\"", near(text, i)),
                    "optional sections do not nest; write [[ for a literal bracket");
            }
            section = sections++;
        } else if (c == ']') {
            if (section < 0) {
                throw usage_error(
                    fmt::format("a ] without [ in the reminder template at \"{}\"", near(text, i)),
                    "write ]] for a literal bracket");
            }
            section = -1;
        } else {
            literal(c);
        }
    }
    if (section >= 0) {
        throw usage_error("unclosed [ in the reminder template",
                          "end the optional section with ], or write [[ for a literal bracket");
    }
    return pieces;
}

std::string capitalised(std::string_view word)
{
    std::string out(word);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

// A day as the customer says it, seen from `today`: "today", "tomorrow", "Friday" (within the
// week), "Friday 11 December", "Friday 8 January 2027" (another year).
std::string day_name(date::local_days day, date::local_days today)
{
    const auto ahead = (day - today).count();
    if (ahead == 0 || ahead == 1) {
        return ahead == 0 ? "today" : "tomorrow";
    }
    const std::string weekday =
        capitalised(lexicon::k_weekday_long[date::weekday{day}.c_encoding()]);
    if (ahead >= 2 && ahead <= 6) {
        return weekday;
    }
    const date::year_month_day ymd{day};
    std::string text =
        fmt::format("{} {} {}", weekday, static_cast<unsigned>(ymd.day()),
                    capitalised(lexicon::k_month_long[static_cast<unsigned>(ymd.month()) - 1]));
    if (ymd.year() != date::year_month_day{today}.year()) {
        text += fmt::format(" {}", static_cast<int>(ymd.year()));
    }
    return text;
}

// {day}: "today", "tomorrow", "on Friday", "on Friday 11 December".
std::string on_day(date::local_days day, date::local_days today)
{
    const std::string name = day_name(day, today);
    return name == "today" || name == "tomorrow" ? name : "on " + name;
}

using LocalTime = date::local_seconds;

std::string clock(LocalTime t)
{
    const date::hh_mm_ss<std::chrono::seconds> tod{t - date::floor<date::days>(t)};
    return fmt::format("{:02}:{:02}", tod.hours().count(), tod.minutes().count());
}

// The window [start, end) on the customer's clock.
struct LocalWindow {
    LocalTime start;
    LocalTime end;
    date::local_days first_day;
    date::local_days last_day; // the day of the window's last moment
    bool ends_at_midnight;
    std::string to_clock() const { return ends_at_midnight && end > start ? "24:00" : clock(end); }
};

LocalWindow local_window(const Promise& promise, const Zone& zone)
{
    const LocalTime start = zone.to_local(promise.earliest);
    const LocalTime end = std::max(zone.to_local(promise.latest), start);
    const date::local_days last =
        date::floor<date::days>(end > start ? end - std::chrono::seconds{1} : end);
    return {start, end, date::floor<date::days>(start), last, end == date::floor<date::days>(end)};
}

// {when}: "tomorrow", "between Thursday and Friday", "on Friday at 14:00", "tomorrow between
// 12:00 and 17:00", "today after 14:00", "between tomorrow 09:00 and Friday 17:00".
std::string when_words(const LocalWindow& w, date::local_days today)
{
    const bool whole_days = w.start == w.first_day && w.ends_at_midnight && w.end > w.start;
    if (whole_days) {
        return w.first_day == w.last_day
                   ? on_day(w.first_day, today)
                   : fmt::format("between {} and {}", day_name(w.first_day, today),
                                 day_name(w.last_day, today));
    }
    if (w.end - w.start <= std::chrono::minutes{30}) {
        return fmt::format("{} at {}", on_day(w.first_day, today), clock(w.start));
    }
    if (w.first_day == w.last_day) {
        return w.ends_at_midnight
                   ? fmt::format("{} after {}", on_day(w.first_day, today), clock(w.start))
                   : fmt::format("{} between {} and {}", on_day(w.first_day, today), clock(w.start),
                                 w.to_clock());
    }
    return fmt::format("between {} {} and {} {}", day_name(w.first_day, today), clock(w.start),
                       day_name(w.last_day, today), w.to_clock());
}

std::string first_word(std::string_view name)
{
    const std::string trimmed = trim(name);
    return trimmed.substr(0, trimmed.find_first_of(" \t"));
}

} // namespace

void check_reminder_template(std::string_view text)
{
    parse_template(text);
}

std::string render_reminder(std::string_view template_text, const Promise& promise,
                            const Contact& contact, Instant now,
                            const Zone& customer_zone)
{
    const std::vector<Piece> pieces = parse_template(template_text);
    const LocalWindow window = local_window(promise, customer_zone);
    const date::local_days today = date::floor<date::days>(customer_zone.to_local(now));
    const std::map<std::string, std::string> values{
        {"first", first_word(contact.name)},
        {"name", contact.name},
        {"company", contact.company},
        {"via", promise.via},
        {"when", when_words(window, today)},
        {"day", on_day(window.first_day, today)},
        {"from", clock(window.start)},
        {"to", window.to_clock()},
        {"zone", std::string(customer_zone.name())},
        {"about", promise.about},
    };
    std::string out;
    for (std::size_t i = 0; i < pieces.size();) {
        // One piece outside a section, or a whole [section], left out when a placeholder in it is
        // empty.
        const int section = pieces[i].section;
        std::string part;
        bool complete = true;
        do {
            const Piece& piece = pieces[i];
            const std::string& text = piece.placeholder ? values.at(piece.text) : piece.text;
            complete = complete && !(piece.placeholder && trim(text).empty());
            part += text;
            ++i;
        } while (section >= 0 && i < pieces.size() && pieces[i].section == section);
        if (complete || section < 0) {
            out += part;
        }
    }
    return out;
}

} // namespace fu
