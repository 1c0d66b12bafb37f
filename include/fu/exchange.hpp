// fu/exchange.hpp — a book of business in and out. Imports follow the rules of every other
// write (fields checked as `fu add` checks them, one transaction, undone by `fu undo`); the file
// formats themselves live in book_json.hpp, contacts_csv.hpp, vcard.hpp and ical.hpp.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "fu/book_json.hpp"
#include "fu/followup.hpp"
#include "fu/incoming.hpp"
#include "fu/store.hpp"
#include "fu/vcard.hpp"

namespace fu {

struct ImportOptions {
    std::string source; // the file's name, for messages
    bool merge = false; // a duplicate fills in the contact it duplicates, instead of being skipped
};

// What an import did (or, in a dry run, would do).
struct ImportReport {
    std::string dialect;               // "fu JSON", "Google Contacts CSV", "vCard 3.0", …
    std::int64_t added = 0;            // new contacts
    std::int64_t merged = 0;           // duplicates merged into the contact they duplicate
    std::int64_t skipped = 0;          // duplicates left out
    std::int64_t plans = 0;            // fu JSON: playbook runs, promises and interactions brought in
    std::int64_t promises = 0;
    std::int64_t interactions = 0;
    bool ids_kept = false;             // fu JSON into an empty book: every record keeps its id
    std::vector<std::string> duplicates; // one line each: "line 12: Ada Lovelace — same email as Ada Lovelace (id 3)"
    std::vector<std::string> notices;    // what the file holds that fu does not import
};

// Checks every record of a file as an import will, without a store: the first bad one throws
// Error (2) naming the file and the record. A command runs these before it opens the database,
// so that a bad file creates nothing.
void check_contacts(const ContactsRead& read, const std::string& source);
void check_book(const Book& book, const std::string& source);

// Adds the contacts a CSV or vCard reader found. Each is checked as `fu add` checks its fields;
// the first bad one stops the import: Error (2) "SOURCE:12: …". A contact with the email
// (any case) of a contact already in the book, or with its name and phone number (the same
// digits), is a duplicate: skipped, or with `merge` used to fill in that contact's empty fields
// (a different phone or email it brings is added to the note; tags are added).
ImportReport import_contacts(Store& store, const ContactsRead& read, const ImportOptions& options,
                             const ChangeContext& context);

// Brings in a whole fu JSON export. Into an empty book every record keeps its id and every
// column, so that an export of the result is the same document. Into a book that has contacts,
// records get new ids (their references follow), and a contact that duplicates one already in
// the book is skipped with its history, or merged (its history then belongs to that contact).
// Throws Error (2) naming the record for a reference to a record the file does not hold, or a
// field `fu add` would refuse.
ImportReport import_book(Store& store, const Book& book, const ImportOptions& options,
                         const ChangeContext& context);

// An invitation for an open promise (fu/ical.hpp), from you (`settings.user_name`, `user_email`)
// to the contact. Throws Error (2) for a window that has closed (agree a new time first), no
// user_email, or a contact without an email.
std::string invite_to(const Promise& promise, const Contact& contact, const ChangeContext& context);

// ---- Exports (reads; each streams, so memory stays flat however large the book) ----

// Every record: contacts (archived ones too), playbook runs, promises and interactions.
void export_book(const Store& store, std::ostream& out);
// Contacts not archived, in name order, as fu's CSV or as vCards.
void export_contacts_csv(const Store& store, std::ostream& out);
void export_vcards(const Store& store, std::ostream& out, VcardVersion version);
// Open promises of contacts not archived, by when they open, as an iCalendar feed.
void export_calendar(const Store& store, std::ostream& out, Instant now);

} // namespace fu
