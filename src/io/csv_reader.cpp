// src/io/csv_reader.cpp — io/csv_reader.hpp: a small, strict RFC 4180 reader.
#include "io/csv_reader.hpp"

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"

namespace fu::csv {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_quote_hint =
    "put the whole field in quotes and write a quote inside it twice: \"say \"\"hi\"\"\"";

[[noreturn]] void fail(std::string_view source, std::size_t line, std::string_view what,
                       std::string hint = {})
{
    throw usage_error(fmt::format("{}:{}: {}", source, line, what), std::move(hint));
}

// Lines end at LF (a CRLF's CR is the line's last byte), and no UTF-8 sequence holds an LF byte,
// so checking line by line finds the line of the first bad sequence.
void check_utf8(std::string_view text, std::string_view source)
{
    if (is_valid_utf8(text)) {
        return;
    }
    std::size_t line = 1;
    for (std::size_t start = 0;; ++line) {
        const std::size_t end = text.find('\n', start);
        if (!is_valid_utf8(text.substr(start, end == std::string_view::npos ? end : end - start))) {
            fail(source, line, "the text is not valid UTF-8",
                 "save the file as UTF-8 (Excel: \"CSV UTF-8\"), or convert it, e.g. "
                 "iconv -f WINDOWS-1252 -t UTF-8");
        }
        if (end == std::string_view::npos) {
            return;
        }
        start = end + 1;
    }
}

class Parser {
  public:
    Parser(std::string_view text, std::string_view source, char separator)
        : m_text(text), m_source(source), m_separator(separator)
    {
        if (m_text.starts_with(k_bom)) {
            m_pos = k_bom.size();
        }
    }

    std::vector<Record> records()
    {
        std::vector<Record> out;
        while (!at_end()) {
            if (at_line_break()) {
                skip_line_break();
                continue;
            }
            Record record{m_line, {}};
            for (;;) {
                record.fields.push_back(!at_end() && peek() == '"' ? quoted_field()
                                                                   : plain_field());
                if (at_end()) {
                    break;
                }
                if (peek() == m_separator) {
                    ++m_pos;
                    continue;
                }
                skip_line_break();
                break;
            }
            out.push_back(std::move(record));
        }
        return out;
    }

  private:
    bool at_end() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    bool at_line_break() const
    {
        return !at_end() && (peek() == '\n' || m_text.substr(m_pos).starts_with("\r\n"));
    }
    void skip_line_break()
    {
        m_pos += peek() == '\r' ? 2 : 1;
        ++m_line;
    }

    std::string plain_field()
    {
        const std::size_t start = m_pos;
        while (!at_end() && peek() != m_separator && !at_line_break()) {
            if (peek() == '"') {
                fail(m_source, m_line, "a quote inside a field that does not start with one",
                     std::string(k_quote_hint));
            }
            ++m_pos;
        }
        return std::string(m_text.substr(start, m_pos - start));
    }

    std::string quoted_field()
    {
        const std::size_t opened_on = m_line;
        ++m_pos;
        std::string value;
        for (;;) {
            if (at_end()) {
                fail(m_source, opened_on, "a quoted field that opens on this line is never closed",
                     "close the field with a quote; a quote inside it is written twice: \"\"");
            }
            const char c = m_text[m_pos++];
            if (c == '"') {
                if (!at_end() && peek() == '"') {
                    value += '"';
                    ++m_pos;
                    continue;
                }
                if (!at_end() && peek() != m_separator && !at_line_break()) {
                    fail(m_source, m_line, "text after the closing quote of a field",
                         std::string(k_quote_hint));
                }
                return value;
            }
            if (c == '\n') {
                ++m_line;
            }
            value += c;
        }
    }

    std::string_view m_text;
    std::string_view m_source;
    char m_separator;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

} // namespace

char separator_of(std::string_view text)
{
    if (text.starts_with(k_bom)) {
        text.remove_prefix(k_bom.size());
    }
    const std::size_t start = text.find_first_not_of("\r\n");
    if (start == std::string_view::npos) {
        return ',';
    }
    std::size_t counts[3] = {0, 0, 0}; // , ; TAB
    bool quoted = false;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            counts[0] += c == ',';
            counts[1] += c == ';';
            counts[2] += c == '\t';
        }
    }
    if (counts[1] > counts[0] && counts[1] >= counts[2]) {
        return ';';
    }
    return counts[2] > counts[0] && counts[2] > counts[1] ? '\t' : ',';
}

std::vector<Record> read_records(std::string_view text, std::string_view source)
{
    check_utf8(text, source);
    return Parser(text, source, separator_of(text)).records();
}

} // namespace fu::csv
