// fu/vcard.hpp — contacts as vCard 3.0 (RFC 2426) and 4.0 (RFC 6350).
#pragma once

#include <ostream>
#include <string_view>

#include "fu/incoming.hpp"
#include "fu/model.hpp"

namespace fu {

enum class VcardVersion { v3_0, v4_0 };

// True when the text's first non-blank line is BEGIN:VCARD (any case).
bool looks_like_vcard(std::string_view text);

// Reads every card of a file: folded lines, quoted-printable (2.1/3.0 style), UTF-8 (with a BOM or
// not), CRLF or LF, escaped \, \; \n. `source` names the file in errors. Throws fu::Error (2)
// "SOURCE:LINE: …" for a card that is not closed, a line that is not a property, or a card without
// a name (no FN and no N).
ContactsRead read_vcards(std::string_view text, std::string_view source);

// Writes one contact as one card, CRLF line endings, folded at 75 octets (never inside a UTF-8
// character).
void write_vcard(std::ostream& out, const Contact& contact, VcardVersion version);

} // namespace fu
