// fu/app.hpp — the entry point: arguments and environment in, exit status out.
#pragma once

#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "fu/clock.hpp"
#include "fu/error.hpp"
#include "fu/zone.hpp"

namespace fu {

// Everything a run takes from its process, so tests can run fu in-process with captured streams.
struct ProcessContext {
    std::vector<std::string> args;                  // without the program name
    std::map<std::string, std::string> environment; // FU_DB, FU_NOW, TZ, HOME, XDG_DATA_HOME, NO_COLOR…
    std::function<Instant()> clock;                 // required; read at most once, when --now/FU_NOW is absent
    std::function<const Zone*()> system_zone; // when TZ is unset
    std::ostream& out;
    std::ostream& err;
    bool out_is_terminal = false;
    std::istream* in = nullptr; // standard input, when fu may ask a question
    bool in_is_terminal = false;
    std::size_t terminal_width = 0;
};

// Runs one fu command line; returns the exit status. Never throws.
int run(const ProcessContext& context);

// What a failure that escaped a command means: a fu::Error as it is; SQLite's failures as the store
// reads them (busy 75; full, read-only or anything else 4); running out of memory 70; any other
// exception is a bug in fu: "internal error: WHAT" (70) with a hint asking to report it.
Error classify_failure(const std::exception& failure);

// The process boundary: reads argv, the environment, the clock and the terminal; used by main().
int run_main(int argc, char** argv);

} // namespace fu
