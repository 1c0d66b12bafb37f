// fu/contacts_csv.hpp — contacts as CSV: fu's own columns, and Google Contacts' and Outlook's
// exports, told apart by the header row.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "fu/incoming.hpp"
#include "fu/model.hpp"

namespace fu {

// The columns `fu export --format csv` writes and `fu import` reads back, in order.
const std::vector<std::string>& contacts_csv_columns();

// Reads RFC 4180 CSV (quoted fields with commas, quotes and line breaks; CRLF or LF; a UTF-8 BOM)
// whose first row is a header: fu's own columns, Google Contacts' (old and new), or Outlook's.
// `source` names the file in errors. Throws fu::Error (2) "SOURCE:LINE: …" for malformed CSV, a row
// with more fields than the header, a header it cannot map (no name column), or a row without a name.
// Header names match case-insensitively ("E-mail" = "Email"). The first phone and email become the
// contact's (Outlook: mobile, then business, primary, home, then the others; never a fax), the rest
// become note lines ("Phone (Home): …"). Google's labels and Outlook's categories become tags
// (lower-case, spaces as '-'); Google's "* myContacts" and "* Other Contacts" are dropped, its other
// system groups ("* starred") kept without the star. Columns not imported that hold values are
// named in `notices`; a ' the writer put before = + - @ TAB CR is taken off (fu's own files only).
ContactsRead read_contacts_csv(std::string_view text, std::string_view source);

// Writes contacts as fu's CSV: a header, then one row per contact; cells that a spreadsheet would
// run as a formula are neutralised (a leading ' that the reader takes off again).
class ContactsCsvWriter {
public:
    explicit ContactsCsvWriter(std::ostream& out);
    void write(const Contact& contact);

private:
    std::ostream& m_out;
};

} // namespace fu
