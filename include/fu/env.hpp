// fu/env.hpp — what every command may need, passed by reference, never global.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <istream>
#include <ostream>

#include "fu/clock.hpp"
#include "fu/format.hpp"
#include "fu/followup.hpp"
#include "fu/settings.hpp"
#include "fu/zone.hpp"

namespace fu {

// One run's context: the instant it treats as now (read once), the user's zone, settings,
// the database path, output options and the streams commands write to.
struct Env {
    Instant now;
    const Zone* zone;
    Settings settings;
    std::filesystem::path db_path;
    // Where each configurable value came from ("default", "FILE:LINE", "--db", "FU_DB", …).
    std::map<std::string, std::string> origins;
    std::filesystem::path config_path;
    OutputOptions output;
    std::ostream& out;
    std::ostream& err;
    // Standard input, for the rare question fu asks (rm --purge on a terminal); null when none.
    std::istream* in = nullptr;
    bool in_is_terminal = false;
    // The command line as typed ("fu log ada voicemail"), labelling changes in the undo journal.
    std::string command_line = "fu";

    // The user's zone (never null once the run has started).
    const Zone& user_zone() const { return *zone; }
    bool json() const { return output.format == OutputFormat::json; }
    bool human() const { return output.format == OutputFormat::human; }
    // The label of this run's write transaction in the undo journal.
    // (Its writes keep the keep-in-touch windows in the user's zone.)
    ChangeLabel change_label() const;
    // What the domain's changes need from this run.
    ChangeContext change_context() const { return {now, settings, *zone}; }
};

} // namespace fu
