// fu/text.hpp — UTF-8 text helpers: validation, case folding, terminal display width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fu {

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Throws a usage error naming `what` when `s` is not UTF-8, has control characters other than
// TAB/newline (when `multiline`), or is longer than `max_bytes`.
void check_text(std::string_view what, std::string_view s, std::size_t max_bytes = 4096,
                bool multiline = false);

// `s` safe to print on a terminal: control characters (C0, DEL, C1), bidirectional controls and
// bytes that are not UTF-8 become visible escapes ("\\x1b", "\\r", "\\u202e"); the rest is kept.
// For text from a file or the command line that a message repeats.
std::string visible(std::string_view s);

// ASCII lower-case (enough for keywords); non-ASCII bytes are left alone.
std::string ascii_lower(std::string_view s);

// Simple Unicode lower-case for matching names case-insensitively (ASCII, Latin-1, Latin Extended-A,
// Greek and Cyrillic); other characters are kept.
std::string fold_case(std::string_view s);

// Strips leading and trailing ASCII white space.
std::string trim(std::string_view s);

// Joins `parts` with `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Columns a string occupies on a terminal: East Asian wide and emoji count 2, combining marks 0.
std::size_t display_width(std::string_view s);

// Cuts `s` to at most `width` columns, ending with "…" when anything was cut.
std::string truncate_to_width(std::string_view s, std::size_t width);

// Edit distance (Levenshtein plus swapped neighbours), for every "did you mean …?" in fu.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` within a small distance, or empty.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// `word` lower-cased when it is one of `known`; otherwise a usage error naming `what`, with a
// did-you-mean and the list of known words.
std::string known_word(const std::string& word, const std::vector<std::string>& known, const char* what);

} // namespace fu
