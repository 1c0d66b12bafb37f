// src/commands/output_file.hpp — `--output FILE`: a file that appears whole or not at all.
#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

namespace fu::commands {

// Writes to a private temporary file beside `path` (mode 0600: a book of business holds other
// people's details) and puts it in place with rename() on commit(); a command that fails before
// commit() leaves any existing file as it was and no temporary behind.
class OutputFile {
public:
    explicit OutputFile(std::filesystem::path path);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();

    std::ostream& stream() { return m_stream; }
    // Flushes, syncs and renames into place. Throws fu::Error (2) naming the file on failure.
    void commit();

private:
    std::filesystem::path m_path;
    std::string m_temporary;
    std::ofstream m_stream;
    bool m_committed = false;
};

} // namespace fu::commands
