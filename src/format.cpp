#include "fu/format.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

#include "fu/text.hpp"

namespace fu {

std::optional<OutputFormat> output_format_from(std::string_view word)
{
    if (word == "human") {
        return OutputFormat::human;
    }
    if (word == "json") {
        return OutputFormat::json;
    }
    if (word == "tsv") {
        return OutputFormat::tsv;
    }
    if (word == "csv") {
        return OutputFormat::csv;
    }
    if (word == "markdown") {
        return OutputFormat::markdown;
    }
    if (word == "vcard") {
        return OutputFormat::vcard;
    }
    if (word == "ics") {
        return OutputFormat::ics;
    }
    return std::nullopt;
}

std::string_view to_string(OutputFormat format)
{
    switch (format) {
    case OutputFormat::json: return "json";
    case OutputFormat::tsv: return "tsv";
    case OutputFormat::csv: return "csv";
    case OutputFormat::markdown: return "markdown";
    case OutputFormat::vcard: return "vcard";
    case OutputFormat::ics: return "ics";
    case OutputFormat::human: break;
    }
    return "human";
}

Json& Json::set(std::string key, Json value)
{
    auto& object = std::get<Object>(m_value);
    for (auto& [existing, existing_value] : object) {
        if (existing == key) {
            existing_value = std::move(value);
            return *this;
        }
    }
    object.emplace_back(std::move(key), std::move(value));
    return *this;
}

Json& Json::push(Json value)
{
    std::get<Array>(m_value).push_back(std::move(value));
    return *this;
}

void append_json_string(std::string& out, std::string_view s)
{
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            // UTF-8 is kept, except C1 and bidirectional controls (\u escapes: the same data, and
            // harmless on a terminal) and bytes that are not UTF-8 (U+FFFD: JSON cannot carry them).
            std::size_t length = 1;
            while (length < 4 && i + length < s.size() &&
                   (static_cast<unsigned char>(s[i + length]) & 0xC0) == 0x80) {
                ++length;
            }
            std::string_view character = s.substr(i, length);
            while (!character.empty() && !is_valid_utf8(character)) {
                character.remove_suffix(1);
            }
            if (character.empty()) {
                out += "\\ufffd";
                continue;
            }
            i += character.size() - 1;
            const std::string escaped = visible(character);
            if (escaped != character) {
                out += escaped; // "\u202e" reads the same in JSON
            } else {
                out.append(character);
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

namespace {
void write_string(std::ostream& out, std::string_view s)
{
    std::string quoted;
    quoted.reserve(s.size() + 2);
    append_json_string(quoted, s);
    out << quoted;
}
} // namespace

void Json::write(std::ostream& out, int indent) const
{
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    const std::string close_pad(static_cast<std::size_t>(indent), ' ');
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
                out << "null";
            } else if constexpr (std::is_same_v<T, bool>) {
                out << (v ? "true" : "false");
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                out << v;
            } else if constexpr (std::is_same_v<T, double>) {
                out << fmt::format("{}", v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                write_string(out, v);
            } else if constexpr (std::is_same_v<T, Array>) {
                if (v.empty()) {
                    out << "[]";
                } else {
                    out << "[\n";
                    for (std::size_t i = 0; i < v.size(); ++i) {
                        out << pad;
                        v[i].write(out, indent + 2);
                        out << (i + 1 < v.size() ? ",\n" : "\n");
                    }
                    out << close_pad << ']';
                }
            } else {
                if (v.empty()) {
                    out << "{}";
                } else {
                    out << "{\n";
                    for (std::size_t i = 0; i < v.size(); ++i) {
                        out << pad;
                        write_string(out, v[i].first);
                        out << ": ";
                        v[i].second.write(out, indent + 2);
                        out << (i + 1 < v.size() ? ",\n" : "\n");
                    }
                    out << close_pad << '}';
                }
            }
        },
        m_value);
    if (indent == 0) {
        out << '\n';
    }
}

std::string Json::dump() const
{
    std::ostringstream out;
    write(out);
    return out.str();
}

Json json_or_null(const std::string& s) { return s.empty() ? Json() : Json(s); }

namespace {
// Control characters a delimited format has no escape for, written as visible escapes (\x1b);
// `kept` passes unchanged (the format quotes or escapes it itself).
std::string without_controls(std::string_view value, std::string_view kept)
{
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u != 0x7F && u < 0x80;
    });
    if (plain) {
        return std::string(value);
    }
    std::string out;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i == value.size() || kept.find(value[i]) != std::string_view::npos) {
            out += visible(value.substr(from, i - from));
            if (i < value.size()) {
                out += value[i];
            }
            from = i + 1;
        }
    }
    return out;
}
} // namespace

std::string csv_field(std::string_view value)
{
    std::string cell = without_controls(value, "\r\n\t");
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                          cell[0] == '\t' || cell[0] == '\r')) {
        cell.insert(cell.begin(), '\'');
    }
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (const char c : cell) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string tsv_field(std::string_view value)
{
    std::string out;
    for (const char c : value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return without_controls(out, ""); // other controls as \\x1b: unambiguous, as \\ is escaped
}

std::string styled(std::string_view text, Style style, bool color)
{
    if (!color || style == Style::none || text.empty()) {
        return std::string(text);
    }
    const char* code = "";
    switch (style) {
    case Style::bold: code = "1"; break;
    case Style::dim: code = "2"; break;
    case Style::red: code = "31"; break;
    case Style::yellow: code = "33"; break;
    case Style::green: code = "32"; break;
    case Style::cyan: code = "36"; break;
    case Style::none: break;
    }
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

namespace {
// Human cells are one line: embedded newlines and tabs become spaces.
std::string one_line(std::string_view s)
{
    std::string out(s);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return out;
}

void print_human(std::ostream& out, const Table& table, const OutputOptions& options)
{
    const std::size_t columns = table.headings.size();
    std::vector<std::vector<std::string>> cells;
    cells.reserve(table.rows.size());
    for (const auto& row : table.rows) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < columns; ++c) {
            line.push_back(one_line(c < row.size() ? row[c] : ""));
        }
        cells.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(columns, 0);
    for (std::size_t c = 0; c < columns; ++c) {
        widths[c] = display_width(table.headings[c]);
        for (const auto& row : cells) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    }
    // Empty columns are dropped from a human table: they only waste width.
    std::vector<bool> shown(columns, true);
    for (std::size_t c = 0; c < columns; ++c) {
        shown[c] = std::any_of(cells.begin(), cells.end(), [&](const auto& row) { return !row[c].empty(); });
    }
    if (options.width > 0) {
        const auto total_width = [&] {
            std::size_t sum = 0;
            for (std::size_t c = 0; c < columns; ++c) {
                sum += shown[c] ? widths[c] + 2 : 0;
            }
            return sum;
        };
        for (const std::size_t c : table.droppable) {
            if (total_width() > options.width + 2 && c < columns) {
                shown[c] = false;
            }
        }
        std::size_t total = total_width();
        // Shrink to 8 columns each first, then, if that is not enough, to 4.
        for (const std::size_t floor : {std::size_t{8}, std::size_t{4}}) {
            for (const std::size_t c : table.shrinkable) {
                if (total <= options.width + 2 || c >= columns || !shown[c]) {
                    continue;
                }
                const std::size_t excess = total - (options.width + 2);
                const auto wanted = table.minimum_width.find(c);
                const std::size_t column_floor =
                    floor == 8 && wanted != table.minimum_width.end() ? wanted->second : floor;
                const std::size_t minimum = std::min(widths[c], column_floor);
                const std::size_t cut = std::min(excess, widths[c] - minimum);
                widths[c] -= cut;
                total -= cut;
            }
        }
    }
    const auto print_row = [&](const std::vector<std::string>& row, bool heading) {
        std::string line;
        std::size_t last = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            if (shown[c]) {
                last = c;
            }
        }
        for (std::size_t c = 0; c < columns; ++c) {
            if (!shown[c]) {
                continue;
            }
            const std::string cell = truncate_to_width(row[c], widths[c]);
            const std::string text = heading ? styled(cell, Style::bold, options.color) : cell;
            line += text;
            if (c != last) {
                line += std::string(widths[c] - display_width(cell) + 2, ' ');
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out << line << '\n';
    };
    print_row(table.headings, true);
    auto section = table.sections.begin();
    for (std::size_t r = 0; r < cells.size(); ++r) {
        for (; section != table.sections.end() && section->first == r; ++section) {
            out << section->second << '\n';
        }
        print_row(cells[r], false);
    }
}
} // namespace

void JsonArrayStream::push(const Json& element)
{
    m_out << (m_any ? ",\n  " : "[\n  ");
    element.write(m_out, 2);
    m_any = true;
}

void JsonArrayStream::finish()
{
    m_out << (m_any ? "\n]\n" : "[]\n"); // a line, like every JSON document fu writes
}

DelimitedStream::DelimitedStream(std::ostream& out, std::vector<std::string> keys, OutputFormat format)
    : m_out(out), m_columns(keys.size()), m_csv(format == OutputFormat::csv)
{
    row(keys);
}

void DelimitedStream::row(const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t c = 0; c < m_columns; ++c) {
        const std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
        if (c > 0) {
            line += m_csv ? ',' : '\t';
        }
        line += m_csv ? csv_field(cell) : tsv_field(cell);
    }
    m_out << line << (m_csv ? "\r\n" : "\n");
}

void print_table(std::ostream& out, const Table& table, const OutputOptions& options)
{
    switch (options.format) {
    case OutputFormat::human:
    case OutputFormat::markdown:
    case OutputFormat::vcard:
    case OutputFormat::ics:
    case OutputFormat::json: // callers print JSON (and calendars) themselves; a table is the fallback
        print_human(out, table, options);
        return;
    case OutputFormat::tsv:
    case OutputFormat::csv: {
        DelimitedStream stream(out, table.keys, options.format);
        for (const auto& row : table.rows) {
            stream.row(row);
        }
        return;
    }
    }
}

} // namespace fu
