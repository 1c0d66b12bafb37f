// fu/clock.hpp — instants and the one place the real clock is read.
#pragma once

#include <chrono>
#include <date/date.h>

namespace fu {

// A moment in time: UTC seconds. Civil (local) times exist only while resolving or formatting.
using Instant = date::sys_seconds;

// The real clock; called once per run, in main, and nowhere else.
Instant system_now();

} // namespace fu
