// fu/vcard.hpp — contacts as vCard 3.0 (RFC 2426) and 4.0 (RFC 6350).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "fu/incoming.hpp"
#include "fu/model.hpp"

namespace fu {

enum class VcardVersion { v3_0, v4_0 };

// True when the text's first non-blank line is BEGIN:VCARD (any case).
bool looks_like_vcard(std::string_view text);

// Reads every card of a file (vCard 2.1, 3.0 or 4.0): folded lines, quoted-printable with its soft
// line breaks, CHARSET=UTF-8 or ISO-8859-1, a UTF-8 BOM, CRLF or LF, escaped \\ \, \; \n. FN (else N,
// else ORG, else EMAIL) is the name; the preferred TEL and EMAIL are kept and the others added to the
// note; CATEGORIES are the tags, white space made '-'; TZ when it names a zone; X-FU-EVERY and
// X-FU-INTEREST. Other properties with data are reported in `notices`, once each with a count of
// cards. `source` names the file in errors. Throws fu::Error (2) "SOURCE:LINE: …" for a card that is
// not closed, a BEGIN:VCARD inside a card, a line outside a card or one that is not a property,
// text that is not UTF-8, or a card without a name; "SOURCE: no vCard in the file" when it has none.
ContactsRead read_vcards(std::string_view text, std::string_view source);

// The card's UID, the same on every export: "urn:uuid:" and a version-8 (custom) UUID whose 122
// free bits come from two 64-bit FNV-1a hashes of "fu-contact:ID:CREATED_AT" (seconds since 1970).
std::string vcard_uid(const Contact& contact);

// Writes one contact as one card, a pure function of the contact (no REV, no clock): FN, N (the
// last word of the name as the family name), ORG, TEL, EMAIL, NOTE, CATEGORIES (the tags), TZ, and
// X-FU-EVERY / X-FU-INTEREST for fu's own fields. CRLF line endings, folded at 75 octets (never
// inside a UTF-8 character).
void write_vcard(std::ostream& out, const Contact& contact, VcardVersion version);

} // namespace fu
