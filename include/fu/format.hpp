// fu/format.hpp — output: JSON documents, aligned tables, TSV and CSV.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace fu {

// --format: how listings and records are printed.
// vcard: `fu export` only; ics: `fu due` and `fu export`; markdown: `fu digest` only.
enum class OutputFormat { human, json, tsv, csv, markdown, vcard, ics };

// Parses a --format value; std::nullopt when unknown.
std::optional<OutputFormat> output_format_from(std::string_view word);
// The --format word of a format.
std::string_view to_string(OutputFormat format);

// How this run prints: format, colour and terminal width (0: do not fit to a width).
struct OutputOptions {
    OutputFormat format = OutputFormat::human;
    bool color = false;
    std::string color_choice = "auto"; // as chosen: auto, always or never
    bool quiet = false;
    std::size_t width = 0;
};

// A JSON value with insertion-ordered object keys, so documents keep a stable key order.
class Json {
public:
    using Array = std::vector<Json>;
    using Object = std::vector<std::pair<std::string, Json>>;

    Json() = default; // null
    Json(std::nullptr_t) {}
    Json(bool b) : m_value(b) {}
    Json(int i) : m_value(static_cast<std::int64_t>(i)) {}
    Json(std::int64_t i) : m_value(i) {}
    Json(double d) : m_value(d) {}
    Json(std::string s) : m_value(std::move(s)) {}
    Json(const char* s) : m_value(std::string(s)) {}
    Json(std::string_view s) : m_value(std::string(s)) {}
    Json(Array a) : m_value(std::move(a)) {}

    // An empty object, to be filled with set().
    static Json object() { Json j; j.m_value = Object{}; return j; }
    // An empty array, to be filled with push().
    static Json array() { Json j; j.m_value = Array{}; return j; }
    // Adds (or replaces) a key of an object; returns *this for chaining.
    Json& set(std::string key, Json value);
    // Appends to an array.
    Json& push(Json value);
    // Writes the document, indented by two spaces, with a final newline at the top level.
    void write(std::ostream& out, int indent = 0) const;
    std::string dump() const;

private:
    std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> m_value;
};

// A JSON string value, or null when `s` is empty.
Json json_or_null(const std::string& s);

// Rows for every listing format: `keys` name the columns in TSV/CSV headers; `headings` in tables.
struct Table {
    std::vector<std::string> keys;
    std::vector<std::string> headings;
    std::vector<std::vector<std::string>> rows;
    // Columns a human table may shorten (with "…") to fit the width, widest first.
    std::vector<std::size_t> shrinkable;
    // The narrowest a shrinkable column may become in the first pass (default 8).
    std::map<std::size_t, std::size_t> minimum_width;
    // Columns a human table may leave out, in this order, before shrinking any.
    std::vector<std::size_t> droppable;
    // Human tables only: a title line printed before the row with this index (e.g. "Overdue").
    std::vector<std::pair<std::size_t, std::string>> sections;
};

// Prints a table as an aligned human table (fitting options.width when set), TSV or CSV.
void print_table(std::ostream& out, const Table& table, const OutputOptions& options);

// Writes a JSON array one element at a time, exactly as Json::write writes a whole array, so a
// listing of any length is printed in constant memory. finish() closes it.
class JsonArrayStream {
public:
    explicit JsonArrayStream(std::ostream& out) : m_out(out) {}
    void push(const Json& element);
    void finish();

private:
    std::ostream& m_out;
    bool m_any = false;
};

// Writes TSV or CSV rows one at a time (the header first), as print_table writes a whole table.
class DelimitedStream {
public:
    DelimitedStream(std::ostream& out, std::vector<std::string> keys, OutputFormat format);
    void row(const std::vector<std::string>& cells);

private:
    std::ostream& m_out;
    std::size_t m_columns;
    bool m_csv;
};

// One CSV field per RFC 4180, with formula injection neutralised (a leading = + - @ TAB CR gets ').
std::string csv_field(std::string_view value);
// `s` as a JSON string, quoted and escaped (", \\, control characters and DEL), appended to `out`;
// UTF-8 is kept as it is.
void append_json_string(std::string& out, std::string_view s);

// One TSV field: backslash, TAB, CR and newline escaped as \\ \t \r \n.
std::string tsv_field(std::string_view value);

// ANSI styles used on a terminal when colour is on.
enum class Style { none, bold, dim, red, yellow, green, cyan };
// `text` wrapped in the escape codes for `style` when `color`, else unchanged.
std::string styled(std::string_view text, Style style, bool color);

} // namespace fu
