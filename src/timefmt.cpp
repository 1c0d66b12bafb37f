#include "fu/timefmt.hpp"

#include <fmt/format.h>

#include "when/lexicon.hpp"

namespace fu {
namespace {
// "Mon", "Jun": the time language's names, capitalised for people.
std::string capitalised(std::string_view word)
{
    std::string out(word);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

struct Civil {
    date::year_month_day ymd;
    date::weekday wd;
    date::hh_mm_ss<std::chrono::seconds> tod;
};

Civil civil(Instant t, const Zone& zone)
{
    const auto local = zone.to_local(t);
    const auto day = date::floor<date::days>(local);
    return {date::year_month_day{day}, date::weekday{day},
            date::hh_mm_ss<std::chrono::seconds>{local - day}};
}

std::string day_text(const Civil& c, Instant now, const Zone& zone)
{
    std::string text = fmt::format("{} {} {}", capitalised(lexicon::k_weekday_short[c.wd.c_encoding()]),
                                   static_cast<unsigned>(c.ymd.day()),
                                   capitalised(lexicon::k_month_short[static_cast<unsigned>(c.ymd.month()) - 1]));
    if (c.ymd.year() != civil(now, zone).ymd.year()) {
        text += fmt::format(" {}", static_cast<int>(c.ymd.year()));
    }
    return text;
}

std::string clock_text(const Civil& c)
{
    return fmt::format("{:02}:{:02}", c.tod.hours().count(), c.tod.minutes().count());
}

std::string abbreviation(Instant t, const Zone& zone) { return zone.get_info(t).abbrev; }
} // namespace

std::string iso8601(Instant t, const Zone& zone)
{
    const auto info = zone.get_info(t);
    const Civil c = civil(t, zone);
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
    const char sign = offset < 0 ? '-' : '+';
    const long magnitude = offset < 0 ? -offset : offset;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", static_cast<int>(c.ymd.year()),
                       static_cast<unsigned>(c.ymd.month()), static_cast<unsigned>(c.ymd.day()),
                       c.tod.hours().count(), c.tod.minutes().count(), c.tod.seconds().count(), sign,
                       magnitude / 60, magnitude % 60);
}

std::string human_date(Instant t, const Zone& zone, Instant now)
{
    return day_text(civil(t, zone), now, zone);
}

std::string human_time(Instant t, const Zone& zone, Instant now)
{
    const Civil c = civil(t, zone);
    return day_text(c, now, zone) + " " + clock_text(c);
}

std::string human_window(Instant earliest, Instant latest, const Zone& zone, Instant now,
                         bool with_zone)
{
    const Civil a = civil(earliest, zone);
    // A window ending at midnight belongs to the day before: show 24:00 rather than the next day.
    const Civil b = civil(latest - std::chrono::seconds{1}, zone);
    std::string text;
    const std::string start_zone = abbreviation(earliest, zone);
    const std::string end_zone = abbreviation(latest, zone);
    if (with_zone && start_zone != end_zone) {
        // The window crosses a clock change: each end carries its own zone.
        return fmt::format("{} {} {} – {} {}", day_text(a, now, zone), clock_text(a), start_zone,
                           human_time(latest, zone, now), end_zone);
    }
    if (a.ymd == b.ymd) {
        const Civil end = civil(latest, zone);
        const std::string end_clock = end.ymd == a.ymd ? clock_text(end) : "24:00";
        text = fmt::format("{} {}–{}", day_text(a, now, zone), clock_text(a), end_clock);
    } else {
        text = fmt::format("{} {} – {}", day_text(a, now, zone), clock_text(a),
                           human_time(latest, zone, now));
    }
    if (with_zone) {
        text += " " + start_zone;
    }
    return text;
}

std::string human_window_short(Instant earliest, Instant latest, const Zone& zone,
                               Instant now)
{
    const Civil a = civil(earliest, zone);
    const Civil b = civil(latest - std::chrono::seconds{1}, zone);
    if (a.ymd == b.ymd) {
        const Civil end = civil(latest, zone);
        return fmt::format("{}–{}", clock_text(a), end.ymd == a.ymd ? clock_text(end) : "24:00");
    }
    return human_window(earliest, latest, zone, now);
}

std::string short_duration(std::chrono::seconds d)
{
    using namespace std::chrono;
    const long long total_minutes = duration_cast<minutes>(d).count();
    if (total_minutes < 60) {
        return fmt::format("{}m", total_minutes < 1 ? 1 : total_minutes);
    }
    const long long hours = total_minutes / 60;
    if (hours < 24) {
        const long long rest = total_minutes % 60;
        return rest == 0 || hours >= 10 ? fmt::format("{}h", hours) : fmt::format("{}h {}m", hours, rest);
    }
    const long long days = hours / 24;
    if (days < 14) {
        const long long rest = hours % 24;
        return rest == 0 || days >= 3 ? fmt::format("{}d", days) : fmt::format("{}d {}h", days, rest);
    }
    return fmt::format("{}w", days / 7);
}

namespace {
Instant first_instant_of(date::local_days day, const Zone& zone)
{
    const auto info = zone.get_info(day);
    // Midnight may be skipped or repeated by a DST change: take the first instant of the new day.
    if (info.result == LocalInfo::nonexistent) {
        return info.second.begin;
    }
    return Instant{day.time_since_epoch()} - info.first.offset;
}
} // namespace

Instant end_of_local_day(Instant t, const Zone& zone)
{
    return first_instant_of(date::floor<date::days>(zone.to_local(t)) + date::days{1}, zone);
}

Instant start_of_local_day(Instant t, const Zone& zone)
{
    return first_instant_of(date::floor<date::days>(zone.to_local(t)), zone);
}

std::string zone_city(const Zone& zone)
{
    std::string name(zone.name());
    const auto slash = name.rfind('/');
    if (slash != std::string::npos) {
        name = name.substr(slash + 1);
    }
    for (char& c : name) {
        if (c == '_') {
            c = ' ';
        }
    }
    return name;
}

} // namespace fu
