// src/zone/posix_tz.cpp — POSIX TZ strings ("EST5EDT,M3.2.0,M11.1.0"): the rule a zone file's
// footer gives for the times after its last transition (RFC 8536 section 3.3, POSIX 8.3).
#include <algorithm>
#include <cctype>

#include "fu/zone.hpp"
#include "zone/posix_tz.hpp"

namespace fu {
namespace {

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}
    bool done() const { return m_at == m_text.size(); }
    char peek() const { return done() ? '\0' : m_text[m_at]; }
    bool take(char c)
    {
        if (peek() != c) {
            return false;
        }
        ++m_at;
        return true;
    }

    // A zone abbreviation: three or more letters, or <...> of letters, digits, '+' and '-'.
    std::optional<std::string> abbrev()
    {
        std::string out;
        if (take('<')) {
            while (!done() && peek() != '>') {
                const char c = m_text[m_at++];
                if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '+' && c != '-') {
                    return std::nullopt;
                }
                out += c;
            }
            if (!take('>')) {
                return std::nullopt;
            }
        } else {
            while (std::isalpha(static_cast<unsigned char>(peek())) != 0) {
                out += m_text[m_at++];
            }
        }
        return out.size() >= 3 ? std::optional(out) : std::nullopt;
    }

    // [+-]hh[:mm[:ss]], hours up to max_hours.
    std::optional<std::int32_t> clock(int max_hours)
    {
        int sign = 1;
        if (take('-')) {
            sign = -1;
        } else {
            take('+');
        }
        const auto hours = number(0, max_hours);
        if (!hours) {
            return std::nullopt;
        }
        std::int32_t seconds = *hours * 3600;
        if (take(':')) {
            const auto minutes = number(0, 59);
            if (!minutes) {
                return std::nullopt;
            }
            seconds += *minutes * 60;
            if (take(':')) {
                const auto secs = number(0, 59);
                if (!secs) {
                    return std::nullopt;
                }
                seconds += *secs;
            }
        }
        return sign * seconds;
    }

    std::optional<int> number(int low, int high)
    {
        if (std::isdigit(static_cast<unsigned char>(peek())) == 0) {
            return std::nullopt;
        }
        int value = 0;
        while (std::isdigit(static_cast<unsigned char>(peek())) != 0) {
            value = value * 10 + (m_text[m_at++] - '0');
            if (value > high) {
                return std::nullopt;
            }
        }
        return value >= low ? std::optional(value) : std::nullopt;
    }

    // Jn, n or Mm.w.d, then an optional /time.
    std::optional<Zone::Rule::Date> date()
    {
        Zone::Rule::Date d;
        if (take('M')) {
            d.kind = Zone::Rule::Date::month_week_day;
            const auto month = number(1, 12);
            if (!month || !take('.')) {
                return std::nullopt;
            }
            const auto week = number(1, 5);
            if (!week || !take('.')) {
                return std::nullopt;
            }
            const auto day = number(0, 6);
            if (!day) {
                return std::nullopt;
            }
            d.month = *month;
            d.week = *week;
            d.day = *day;
        } else if (take('J')) {
            d.kind = Zone::Rule::Date::julian_no_leap;
            const auto day = number(1, 365);
            if (!day) {
                return std::nullopt;
            }
            d.day = *day;
        } else {
            d.kind = Zone::Rule::Date::zero_based;
            const auto day = number(0, 365);
            if (!day) {
                return std::nullopt;
            }
            d.day = *day;
        }
        if (take('/')) {
            const auto time = clock(167); // RFC 8536: -167 to 167 hours
            if (!time) {
                return std::nullopt;
            }
            d.time = *time;
        }
        return d;
    }

private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

// Local midnight of a rule's date in a year, as seconds since the epoch (as if UTC).
std::int64_t local_midnight(const Zone::Rule::Date& d, int year)
{
    using namespace date;
    const date::year y{year};
    switch (d.kind) {
    case Zone::Rule::Date::julian_no_leap: {
        // 1..365, February 29 never counted: day 60 is always March 1.
        const int shift = y.is_leap() && d.day >= 60 ? 1 : 0;
        return sys_days{y / January / 1}.time_since_epoch().count() * 86400LL +
               (d.day - 1 + shift) * 86400LL;
    }
    case Zone::Rule::Date::zero_based:
        return sys_days{y / January / 1}.time_since_epoch().count() * 86400LL + d.day * 86400LL;
    case Zone::Rule::Date::month_week_day:
    default: {
        const date::month m{static_cast<unsigned>(d.month)};
        const date::weekday wd{static_cast<unsigned>(d.day)};
        const sys_days day = d.week == 5 ? sys_days{y / m / wd[last]}
                                         : sys_days{y / m / wd[static_cast<unsigned>(d.week)]};
        return day.time_since_epoch().count() * 86400LL;
    }
    }
}

} // namespace

std::optional<Zone::Rule> parse_posix_tz(std::string_view text)
{
    Reader r(text);
    Zone::Rule rule;
    const auto std_abbrev = r.abbrev();
    if (!std_abbrev) {
        return std::nullopt;
    }
    const auto std_offset = r.clock(24);
    if (!std_offset) {
        return std::nullopt;
    }
    rule.standard = {-*std_offset, false, *std_abbrev}; // POSIX counts hours west of UTC
    if (r.done()) {
        return rule;
    }
    const auto dst_abbrev = r.abbrev();
    if (!dst_abbrev) {
        return std::nullopt;
    }
    std::int32_t dst_offset = rule.standard.offset + 3600;
    if (r.peek() != ',' && !r.done()) {
        const auto given = r.clock(24);
        if (!given) {
            return std::nullopt;
        }
        dst_offset = -*given;
    }
    rule.daylight = Zone::Type{dst_offset, true, *dst_abbrev};
    if (r.done()) {
        // No dates: the United States' rules, as C libraries assume.
        rule.start = {Zone::Rule::Date::month_week_day, 3, 2, 0, 7200};
        rule.end = {Zone::Rule::Date::month_week_day, 11, 1, 0, 7200};
        return rule;
    }
    if (!r.take(',')) {
        return std::nullopt;
    }
    const auto start = r.date();
    if (!start || !r.take(',')) {
        return std::nullopt;
    }
    const auto end = r.date();
    if (!end || !r.done()) {
        return std::nullopt;
    }
    rule.start = *start;
    rule.end = *end;
    return rule;
}

RuleYear rule_year(const Zone::Rule& rule, int year)
{
    const std::int32_t daylight = rule.daylight ? rule.daylight->offset : rule.standard.offset;
    return {local_midnight(rule.start, year) + rule.start.time - rule.standard.offset,
            local_midnight(rule.end, year) + rule.end.time - daylight};
}

std::int64_t rule_year_begin(const Zone::Rule& rule, int year)
{
    using namespace date;
    return sys_days{date::year{year} / January / 1}.time_since_epoch().count() * 86400LL -
           rule.standard.offset;
}

YearPoints rule_year_points(const Zone::Rule& rule, int year)
{
    YearPoints points;
    const std::int64_t first = rule_year_begin(rule, year);
    const std::int64_t next = rule_year_begin(rule, year + 1);
    points.at[points.count++] = first;
    const RuleYear times = rule_year(rule, year);
    for (const std::int64_t p : {std::min(times.start, times.end), std::max(times.start, times.end)}) {
        if (first < p && p < next && p != points.at[points.count - 1]) {
            points.at[points.count++] = p;
        }
    }
    return points;
}

int rule_year_of(const Zone::Rule& rule, std::int64_t seconds)
{
    // Clamped to years date's calendar holds; fu's own times stay within 1000-9999.
    const std::int64_t local =
        std::clamp<std::int64_t>(seconds + rule.standard.offset, -100'000'000'000, 100'000'000'000);
    const std::int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    return static_cast<int>(date::year_month_day{date::sys_days{date::days{day}}}.year());
}

bool rule_daylight_at(const Zone::Rule& rule, std::int64_t seconds)
{
    if (!rule.daylight) {
        return false;
    }
    const RuleYear y = rule_year(rule, rule_year_of(rule, seconds));
    return y.start < y.end ? y.start <= seconds && seconds < y.end
                           : !(y.end <= seconds && seconds < y.start);
}

} // namespace fu
