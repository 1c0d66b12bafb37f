// src/zone/posix_tz.hpp — the instants a POSIX TZ rule changes between standard and daylight time.
#pragma once

#include <cstdint>
#include <vector>

#include "fu/zone.hpp"

namespace fu {

struct RuleChange {
    std::int64_t at = 0;      // UTC seconds
    bool to_daylight = false; // daylight time begins (else standard time does)
};

// A year's two changes in time order; none for a rule without daylight time.
std::vector<RuleChange> rule_changes(const Zone::Rule& rule, int year);

} // namespace fu
