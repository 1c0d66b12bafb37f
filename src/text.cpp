#include "fu/text.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "fu/error.hpp"

namespace fu {
namespace {

struct Decoded {
    char32_t code;
    std::size_t length; // 0 when invalid
};

Decoded decode(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        return {b0, 1};
    }
    std::size_t length = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2, code = b0 & 0x1F, minimum = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, code = b0 & 0x0F, minimum = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, code = b0 & 0x07, minimum = 0x10000;
    } else {
        return {0, 0};
    }
    if (i + length > s.size()) {
        return {0, 0};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return {0, 0};
        }
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return {0, 0};
    }
    return {code, length};
}

void encode(char32_t c, std::string& out)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

char32_t lower(char32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return c + 0x20;
    }
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
        c != 0x17F) {
        // Latin Extended-A mostly alternates upper/lower; the exceptions above are left alone.
        const bool odd_is_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        const bool is_upper = odd_is_lower ? (c % 2 == 1) : (c % 2 == 0);
        return is_upper ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) {
        return c + 0x20;
    }
    if (c >= 0x410 && c <= 0x42F) {
        return c + 0x20;
    }
    if (c >= 0x400 && c <= 0x40F) {
        return c + 0x50;
    }
    return c;
}

bool is_combining(char32_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || (c >= 0x591 && c <= 0x5BD) ||
           (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200B ||
           c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F);
}

bool is_wide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

template <typename F>
void for_each_code_point(std::string_view s, F&& f)
{
    std::size_t i = 0;
    while (i < s.size()) {
        Decoded d = decode(s, i);
        if (d.length == 0) {
            d = {0xFFFD, 1};
        }
        f(d.code, s.substr(i, d.length));
        i += d.length;
    }
}

std::string control_name(char32_t c)
{
    return fmt::format("U+{:04X}", static_cast<unsigned>(c));
}

// The only escape sequences fu itself writes: its colours (bold, dim, red, green, yellow, cyan, reset).
constexpr std::string_view k_own_colors[] = {"\x1b[0m",  "\x1b[1m",  "\x1b[2m", "\x1b[31m",
                                             "\x1b[32m", "\x1b[33m", "\x1b[36m"};

} // namespace

std::string file_text(std::string_view s)
{
    const bool valid = is_valid_utf8(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c1 = valid && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0;
        if (c == '\r') {
            if (i + 1 >= s.size() || s[i + 1] != '\n') {
                out += '\n';
            }
        } else if (c1) {
            out += ' ';
            ++i; // U+0080 to U+009F: two bytes
        } else if (c >= 0x80 && !valid) {
            out += '?';
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            out += ' ';
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

bool is_valid_utf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode(s, i);
        if (d.length == 0) {
            return false;
        }
        i += d.length;
    }
    return true;
}

bool is_hidden_control(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

void check_text(std::string_view what, std::string_view s, std::size_t max_bytes, bool multiline)
{
    if (s.size() > max_bytes) {
        throw usage_error(fmt::format("{} is too long ({} bytes; at most {})", what, s.size(),
                                      max_bytes));
    }
    if (s.find('\0') != std::string_view::npos) {
        throw usage_error(fmt::format("{} contains a NUL byte", what));
    }
    if (!is_valid_utf8(s)) {
        throw usage_error(fmt::format("{} is not valid UTF-8", what));
    }
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode(s, i);
        const bool allowed_space = multiline && (d.code == '\n' || d.code == '\t');
        if (is_hidden_control(d.code) && !allowed_space) {
            throw usage_error(fmt::format("{} contains a control character ({})", what,
                                          control_name(d.code)),
                              "fu refuses control characters, C1 controls and bidirectional "
                              "controls in text");
        }
        i += d.length;
    }
}

std::size_t escape_controls(std::string_view s, std::string& out, const EscapeRules& rules)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x20 && byte < 0x7F) {
            const std::size_t from = i;
            while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 &&
                   static_cast<unsigned char>(s[i]) < 0x7F) {
                ++i;
            }
            out.append(s.substr(from, i - from));
            continue;
        }
        if (byte == 0x1B && rules.allow_colors) {
            const std::string_view rest = s.substr(i);
            bool partial = false;
            bool passed = false;
            for (const std::string_view sgr : k_own_colors) {
                if (rest.substr(0, sgr.size()) == sgr) {
                    out.append(sgr);
                    i += sgr.size();
                    passed = true;
                    break;
                }
                partial = partial || (rest.size() < sgr.size() && sgr.substr(0, rest.size()) == rest);
            }
            if (passed) {
                continue;
            }
            if (partial && !rules.final) {
                return i; // perhaps a colour cut by the buffer's end: wait for the rest
            }
        }
        if (byte == '\r' && rules.keep_layout) {
            if (i + 1 == s.size() && !rules.final) {
                return i;
            }
            if (i + 1 < s.size() && s[i + 1] == '\n') {
                out.append("\r\n"); // CSV's line end; a lone CR could overwrite the line
                i += 2;
                continue;
            }
        }
        const Decoded d = decode(s, i);
        if (d.length == 0) {
            const std::size_t expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
            if (!rules.final && expected > 1 && i + expected > s.size()) {
                bool continuing = true;
                for (std::size_t k = i + 1; k < s.size(); ++k) {
                    continuing = continuing && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
                }
                if (continuing) {
                    return i; // a character cut by the buffer's end: wait for the rest
                }
            }
            fmt::format_to(std::back_inserter(out), "\\x{:02x}", byte);
            ++i;
            continue;
        }
        const char32_t c = d.code;
        if (rules.keep_layout && (c == '\n' || c == '\t')) {
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            fmt::format_to(std::back_inserter(out), "\\x{:02x}", static_cast<unsigned>(c));
        } else if (is_hidden_control(c)) {
            fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
        } else {
            out.append(s.substr(i, d.length));
        }
        i += d.length;
    }
    return i;
}

std::string visible(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    escape_controls(s, out, EscapeRules{});
    return out;
}

std::string echo(std::string_view s, std::size_t width)
{
    const std::size_t limit = width * 4 + 8;
    const std::string shown = visible(s.substr(0, std::min(s.size(), limit)));
    if (s.size() <= limit && display_width(shown) <= width) {
        return shown;
    }
    // Cut here or by `limit`: either way the value ends in "…".
    return truncate_to_width(shown + "…", width);
}

std::string shorten_quoted(std::string_view message, std::size_t width)
{
    std::string out;
    std::size_t i = 0;
    while (i < message.size()) {
        const std::size_t open = message.find('"', i);
        const std::size_t close = open == std::string_view::npos ? open : message.find('"', open + 1);
        if (close == std::string_view::npos) {
            out.append(message.substr(i));
            break;
        }
        out.append(message.substr(i, open + 1 - i));
        const std::string_view quoted = message.substr(open + 1, close - open - 1);
        out += display_width(quoted) > width ? echo(quoted, width) : std::string(quoted);
        out += '"';
        i = close + 1;
    }
    return out;
}

std::string ascii_lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

std::string fold_case(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for_each_code_point(s, [&](char32_t c, std::string_view) { encode(lower(c), out); });
    return out;
}

std::string trim(std::string_view s)
{
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += parts[i];
    }
    return out;
}

std::size_t display_width(std::string_view s)
{
    std::size_t width = 0;
    for_each_code_point(s, [&](char32_t c, std::string_view) {
        if (!is_combining(c)) {
            width += is_wide(c) ? 2 : 1;
        }
    });
    return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width)
{
    if (display_width(s) <= width) {
        return std::string(s);
    }
    if (width == 0) {
        return {};
    }
    std::string out;
    std::size_t used = 0;
    bool full = false;
    for_each_code_point(s, [&](char32_t c, std::string_view bytes) {
        if (full) {
            return;
        }
        const std::size_t w = is_combining(c) ? 0 : (is_wide(c) ? 2 : 1);
        if (used + w > width - 1) {
            full = true;
            return;
        }
        used += w;
        out += bytes;
    });
    return out + "…";
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    // Optimal string alignment: Levenshtein plus the swap of two neighbours ("fridya").
    std::vector<std::size_t> before(b.size() + 1);
    std::vector<std::size_t> above(b.size() + 1);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        above[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, above);
        std::swap(above, row);
    }
    return above[b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t best_distance = word.size() < 3 ? 1 : 2;
    for (const auto& candidate : candidates) {
        const std::size_t longer = std::max(word.size(), candidate.size());
        if (longer - std::min(word.size(), candidate.size()) > best_distance) {
            continue; // the distance is at least the difference in length: no need to compute it
        }
        const std::size_t d = edit_distance(word, candidate);
        if (d <= best_distance && (best.empty() || d < best_distance)) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string known_word(const std::string& word, const std::vector<std::string>& known, const char* what)
{
    const std::string lowered = ascii_lower(word);
    if (std::find(known.begin(), known.end(), lowered) != known.end()) {
        return lowered;
    }
    const std::string suggestion = nearest(lowered, known);
    throw usage_error(fmt::format("unknown {} \"{}\"{}", what, echo(word),
                                  suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)),
                      fmt::format("use one of: {}", join(known, ", ")));
}

} // namespace fu
