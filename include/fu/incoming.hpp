// fu/incoming.hpp — contacts read from another program's file (CSV, vCard), in one shape, before
// the domain checks them the way `fu add` does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fu {

// One contact as a file holds it. Empty fields are absent; the reader has already mapped the
// file's own names for things (Google's "E-mail 1 - Value", vCard's EMAIL) onto ours.
struct IncomingContact {
    std::string where; // its place in the file, for messages: "line 12", "card 3 (line 40)"
    std::string name;
    std::string company;
    std::string phone;
    std::string email;
    std::string note; // the file's notes; more phones and emails than fu keeps are added here
    std::string tz;
    std::string every;    // a keep-in-touch cadence's words (fu's own files only)
    std::string interest; // hot, warm, cold (fu's own files only)
    std::vector<std::string> tags;
};

// What a reader found in a file.
struct ContactsRead {
    std::string dialect; // "fu CSV", "Google Contacts CSV", "Outlook CSV", "vCard 3.0", …
    std::vector<IncomingContact> contacts;
    // What the file holds that fu does not import, said once each ("column \"Birthday\" (3 values)
    // is not imported"): reported, never dropped silently.
    std::vector<std::string> notices;
};

// A label or category another program gave a contact, as a tag `fu add --tag` accepts: a leading
// '*' (Google's system groups) dropped, white space, commas and semicolons as one '-', at most 64
// bytes; folded to lower case (so that "Customers" and "customers" are one tag) unless
// `keep_case` (fu's own files, whose tags are fu's already).
std::string tag_from_label(std::string_view label, bool keep_case = false);

// The groups every contact of an account is in ("* myContacts", "Other Contacts"): no tag.
bool is_everyone_group(std::string_view label);

} // namespace fu
