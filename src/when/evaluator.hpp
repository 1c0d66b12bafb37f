// src/when/evaluator.hpp — the meaning of a Phrase: a window on the clock of one zone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fu/when.hpp"
#include "fu/zone.hpp"
#include "when/calendar.hpp"
#include "when/phrase.hpp"
#include "when/tokenizer.hpp"

namespace fu::when {

using date::local_seconds;

// What a Target means before its Mode: a window and the days it covers.
struct Reading {
    Instant earliest;
    Instant latest;
    local_days first;
    local_days last;
    bool appointment = false;  // a clock time: "by" ends at its start
    bool timed = false;        // names a time of day, not whole days
    bool deadline = false;     // already a deadline from now ("eod", "by 3")
    std::optional<Instant> by; // where "by" ends when not at `latest`: by lunch, by the weekend
    bool range = false;        // an hour range: "by 2-4" has no single edge
    bool day_and_time = false; // a named day and a time: "after thanksgiving 3pm" is ambiguous
};

// Gives a Phrase its meaning at one moment, on one zone's clock, with the user's settings.
// Notices collect every reading that was not literal.
class Evaluator {
  public:
    Evaluator(Instant now, const Zone& zone, const Zone& user_zone,
              const Settings& settings, TimeDirection direction, std::string text);

    // The window `p` means; throws fu::Error (2) when it is over, in the future looking back,
    // impossible, or too far away.
    Window run(const Phrase& p);

  private:
    // evaluator.cpp: specials, modes, times of day
    Window special(const Phrase& p);
    Window with_mode(Mode mode, const Reading& r);
    Reading target(const Target& t);
    Reading timed(local_days d, const TimeSpec& t, bool day_given, bool time_first);
    local_days default_day(const TimeSpec& t);
    long long clock_minute(const Clock& c, std::optional<Part> part, bool noted = true);
    Window appointment(local_days d, const Clock& c, std::optional<Part> part);
    DayPart part_span(Part p, Portion portion) const;
    static DayPart portion_of(DayPart span, Portion portion);
    std::string clocks_note(local_days d, long long minute,
                            std::optional<long long> end_minute = std::nullopt) const;

    // evaluator_days.cpp: days, spans, portions
    local_days resolve_day(const DaySpec& d);
    local_days offset_days(const Quantity& q, long long n, bool move);
    local_days move_to_workday(local_days d);
    void check_quantity(const Quantity& q) const;
    std::pair<local_days, local_days> resolve_span(const SpanSpec& s, Portion portion);
    std::pair<local_days, local_days> narrow(const SpanSpec& s, local_days first, local_days last,
                                             Portion portion) const;
    std::pair<local_days, local_days> working_days(local_days first, local_days last,
                                                   const std::string& what) const;

    // shared
    bool future() const { return m_dir == TimeDirection::future; }
    Instant boundary(local_days d, long long minute_of_day) const;
    Instant typed(local_days d, std::chrono::seconds time_of_day,
                  std::optional<std::chrono::seconds> offset);
    Window work_window(local_days first, local_days last) const;
    std::string label(local_days d) const;
    std::string iso(local_days d) const;
    void note(std::string n) { m_notices.push_back(std::move(n)); }

    Instant m_now;
    const Zone& m_zone;
    const Zone& m_user_zone;
    const Settings& m_s;
    Calendar m_cal;
    TimeDirection m_dir;
    std::string m_text;
    local_seconds m_now_local;
    local_days m_today;
    std::vector<std::string> m_notices;
    bool m_deadline_context = false; // "friday cob" said on a Friday means today's
};

// 540 -> "09:00".
std::string hhmm(long long minute_of_day);

} // namespace fu::when
