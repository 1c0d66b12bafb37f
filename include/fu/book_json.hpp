// fu/book_json.hpp — the whole book of business as one JSON document: `fu export --format json`
// writes it, `fu import` reads it back, record for record (same ids, same times).
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "fu/model.hpp"

namespace fu {

// The version of the document's shape; a reader refuses a newer one.
inline constexpr int k_book_format_version = 1;

// Every record of a book, as a document holds them.
struct Book {
    std::vector<Contact> contacts;
    std::vector<Plan> plans;
    std::vector<Promise> promises;
    std::vector<Interaction> interactions;
};

// True when the text's first non-blank character is '{'.
bool looks_like_json(std::string_view text);

// Parses a document `fu export --format json` wrote. Checks its shape: the format and its version,
// every field's type and words (statuses, kinds, channels), times, ids unique in their table, and
// no unknown fields. `source` names the file in errors. Throws fu::Error (2) "SOURCE: …" naming
// the record ("promises[3] (id 12): …").
Book read_book_json(std::string_view text, std::string_view source);

// Writes a document record by record, so that memory stays flat however large the book: contacts
// first, then plans, promises and interactions (each section in that order, each record on its
// own line); times in UTC ("2026-12-02T14:00:00Z"). The output is a function of the records alone.
class BookJsonWriter {
public:
    explicit BookJsonWriter(std::ostream& out);
    void add(const Contact& contact);
    void add(const Plan& plan);
    void add(const Promise& promise);
    void add(const Interaction& interaction);
    void finish(); // closes the open section and the document; sections never given are empty

private:
    enum class Section { none, contacts, plans, promises, interactions };
    void enter(Section section);
    void record(const std::string& json);

    std::ostream& m_out;
    Section m_section = Section::none;
    bool m_first_in_section = true;
};

} // namespace fu
