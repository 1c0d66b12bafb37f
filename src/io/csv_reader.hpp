// src/io/csv_reader.hpp — the syntax of CSV (RFC 4180), before a header gives the columns meaning.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fu::csv {

// One record of a CSV file and the physical line (from 1) it starts on.
struct Record {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// The separator of a CSV text: the comma, or the semicolon (what Excel writes where the comma is
// the decimal mark) or the tab when the header row holds more of those than of commas.
char separator_of(std::string_view text);

// Splits UTF-8 `text` into records: fields separated by separator_of(text) (below, "commas");
// quoted fields may hold commas,
// doubled quotes and line breaks; records end at CRLF or LF; a UTF-8 BOM and blank lines are
// skipped. Fields are returned as written (not trimmed; a quoted field's CRLF kept).
// Throws fu::Error (2) "SOURCE:LINE: …" for text that is not UTF-8, a quoted field that is never
// closed (the line it opens on), or a quote inside an unquoted field or after a closing quote.
std::vector<Record> read_records(std::string_view text, std::string_view source);

} // namespace fu::csv
