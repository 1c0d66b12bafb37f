// fu/contacts.hpp — finding a contact from what the user typed, and validating contact fields.
#pragma once

#include <string_view>

#include "fu/model.hpp"
#include "fu/store.hpp"

namespace fu {

// Which contacts a reference may name.
enum class ContactScope {
    live,      // archived contacts are not matched (most commands)
    any,       // live or archived (show, purge)
    archived,  // archived only (restore)
};

// Finds the contact that `ref` names: the contact of a promise (p12) or interaction (i31), an id
// (digits, optionally after '#'), an exact email, or a
// unique case-insensitive part of a name. When several names contain it, an exact full name wins,
// then a name of which it is one or more whole words (words are separated by white space, hyphens,
// apostrophes, full stops and commas): "dan" names Dan Morris, not also Dana Scott.
// Throws fu::Error (3) when nothing matches, or listing the candidates when several do (only the
// whole-word ones when those tie).
Contact find_contact(const Store& store, std::string_view ref, ContactScope scope = ContactScope::live);

// Checks and normalises the fields of `changes` (trims; validates name, email, phone, tags, zone,
// note; canonicalises the zone name). Throws fu::Error (2) naming the bad field and value.
void validate(ContactChanges& changes);

// "Ada Lovelace (Analytical Engines)", or the name alone when there is no company.
std::string name_and_company(const Contact& contact);

} // namespace fu
