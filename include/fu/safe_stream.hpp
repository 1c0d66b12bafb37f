// fu/safe_stream.hpp — the one choke point between fu and a person's terminal.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace fu {

// A stream buffer that forwards everything written to it to `target`, with every control
// character, C1 control, bidirectional control and byte that is not UTF-8 made visible
// (escape_controls: "\x1b", "\u202e"); newline, TAB and CR+LF pass, and so do fu's own colour codes
// once allow_colors(true). Text planted in the database or typed on the command line therefore
// cannot clear the screen, move the cursor, set the clipboard (OSC 52) or reorder a line.
class SafeStreamBuf : public std::streambuf {
public:
    explicit SafeStreamBuf(std::ostream& target) : m_target(target) {}
    SafeStreamBuf(const SafeStreamBuf&) = delete;
    SafeStreamBuf& operator=(const SafeStreamBuf&) = delete;
    ~SafeStreamBuf() override;
    void allow_colors(bool allow) { m_colors = allow; }

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    void drain(bool final);

    std::ostream& m_target;
    std::string m_pending;
    std::string m_escaped;
    bool m_colors = false;
};

// An ostream over a SafeStreamBuf: what app.cpp hands to every command as `out` and `err`.
class SafeStream : public std::ostream {
public:
    explicit SafeStream(std::ostream& target) : std::ostream(nullptr), m_buf(target) { rdbuf(&m_buf); }
    ~SafeStream() override { flush(); }
    // Lets fu's own colour codes through (when the run has colour on); nothing else ever passes.
    void allow_colors(bool allow) { m_buf.allow_colors(allow); }

private:
    SafeStreamBuf m_buf;
};

// The error (an errno value) of the first write to `target` through a SafeStream that failed, or 0.
// The streams are written when a run ends, so this is how main learns why its output was lost.
int write_error_of(const std::ostream& target);

} // namespace fu
