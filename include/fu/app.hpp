// fu/app.hpp — the entry point: arguments and environment in, exit status out.
#pragma once

#include <functional>
#include <map>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include <date/tz.h>

#include "fu/clock.hpp"

namespace fu {

// Everything a run takes from its process, so tests can run fu in-process with captured streams.
struct ProcessContext {
    std::vector<std::string> args;                  // without the program name
    std::map<std::string, std::string> environment; // FU_DB, FU_NOW, TZ, HOME, XDG_DATA_HOME, NO_COLOR…
    std::function<Instant()> clock;                 // required; read at most once, when --now/FU_NOW is absent
    std::function<const date::time_zone*()> system_zone; // when TZ is unset
    std::ostream& out;
    std::ostream& err;
    bool out_is_terminal = false;
    std::istream* in = nullptr; // standard input, when fu may ask a question
    bool in_is_terminal = false;
    std::size_t terminal_width = 0;
};

// Runs one fu command line; returns the exit status. Never throws.
int run(const ProcessContext& context);

// The process boundary: reads argv, the environment, the clock and the terminal; used by main().
int run_main(int argc, char** argv);

} // namespace fu
