// fu/text.hpp — UTF-8 text helpers: validation, case folding, terminal display width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fu {

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Text as the card and calendar formats allow it (RFC 6350, RFC 5545) and as their readers show
// it: valid UTF-8 (stray bytes become '?'), CR LF and a lone CR as LF, and no control character
// but TAB and LF (C0, DEL and C1 controls become a space).
std::string file_text(std::string_view s);

// True for what fu never lets reach a terminal raw: C0 controls, DEL, C1 controls (U+0080–U+009F)
// and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
bool is_hidden_control(char32_t c);

// Throws a usage error naming `what` when `s` is longer than `max_bytes`, has a NUL byte, is not
// UTF-8, or has a character is_hidden_control() names, other than TAB/newline (when `multiline`).
void check_text(std::string_view what, std::string_view s, std::size_t max_bytes = 4096,
                bool multiline = false);

// How escape_controls() treats what it passes through.
struct EscapeRules {
    bool keep_layout = false;  // keep newline, TAB and CR+LF (whole output), or escape them (one value)
    bool allow_colors = false; // pass fu's own colour codes (ESC[0m, ESC[1m, ESC[31m, …) and no other
    bool final = true;         // false: stop before a character or colour the end of `s` may have cut
};

// Appends `s` to `out` with every hidden control and every byte that is not UTF-8 written as a
// visible escape ("\x1b", "\r", "\u202e"); returns how much of `s` it consumed (all of it when
// `rules.final`). The one rule behind everything fu prints for a person (see SafeStream).
std::size_t escape_controls(std::string_view s, std::string& out, const EscapeRules& rules);

// `s` safe to print on a terminal as one value: escape_controls() with newline and TAB escaped too.
std::string visible(std::string_view s);

// `s` as an error message repeats it: visible(), and cut to `width` columns with "…" when longer,
// so a 100 KB bad value cannot flood the screen.
std::string echo(std::string_view s, std::size_t width = 80);

// `message` with every "quoted" part wider than `width` columns cut by echo(): the last guard,
// applied to every error fu prints, against repeating a huge value in full.
std::string shorten_quoted(std::string_view message, std::size_t width = 80);

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
