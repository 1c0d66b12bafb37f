#include "fu/contacts.hpp"
#include "fu/practice.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"
#include "fu/when.hpp"

namespace fu {
namespace {

bool in_scope(const Contact& c, ContactScope scope)
{
    switch (scope) {
    case ContactScope::live: return !c.archived_at;
    case ContactScope::archived: return c.archived_at.has_value();
    case ContactScope::any: return true;
    }
    return true;
}

std::vector<Contact> keep_in_scope(std::vector<Contact> contacts, ContactScope scope)
{
    contacts.erase(std::remove_if(contacts.begin(), contacts.end(),
                                  [&](const Contact& c) { return !in_scope(c, scope); }),
                   contacts.end());
    return contacts;
}

std::string candidate(const Contact& c)
{
    return fmt::format("id {} {}{}", c.id, name_and_company(c), c.archived_at ? " [archived]" : "");
}

[[noreturn]] void ambiguous(std::string_view ref, const std::vector<Contact>& matches)
{
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < matches.size() && i < 5; ++i) {
        shown.push_back(candidate(matches[i]));
    }
    if (matches.size() > 5) {
        shown.push_back(fmt::format("and {} more", matches.size() - 5));
    }
    throw not_found_error(
        fmt::format("\"{}\" matches {} contacts: {}", ref, matches.size(), join(shown, ", ")),
        fmt::format("use the id (e.g. {}) or more of the name", matches.front().id));
}

// What separates the words of a name: white space, hyphens, apostrophes (' and ’), full stops
// and commas.
constexpr std::string_view k_word_separators = " \t-'.,";
constexpr std::string_view k_right_quote = "\xE2\x80\x99"; // ’ in UTF-8

bool ends_with_separator(std::string_view text)
{
    return !text.empty() && (k_word_separators.find(text.back()) != std::string_view::npos ||
                             text.ends_with(k_right_quote));
}

bool starts_with_separator(std::string_view text)
{
    return !text.empty() && (k_word_separators.find(text.front()) != std::string_view::npos ||
                             text.starts_with(k_right_quote));
}

// True when `folded_ref` is one or more whole words of `folded_name`: it occurs there between
// the start or a separator and the end or a separator ("dan" in "dan morris", not in "dana").
bool whole_words_of(std::string_view folded_name, std::string_view folded_ref)
{
    for (auto at = folded_name.find(folded_ref); at != std::string_view::npos;
         at = folded_name.find(folded_ref, at + 1)) {
        const std::string_view before = folded_name.substr(0, at);
        const std::string_view after = folded_name.substr(at + folded_ref.size());
        if ((before.empty() || ends_with_separator(before)) &&
            (after.empty() || starts_with_separator(after))) {
            return true;
        }
    }
    return false;
}

bool all_digits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string scope_word(ContactScope scope)
{
    return scope == ContactScope::archived ? "archived contact" : "contact";
}

void validate_email(const std::string& email)
{
    const auto at = email.find('@');
    const bool ok = email.size() <= 254 && at != std::string::npos && at > 0 &&
                    email.find('@', at + 1) == std::string::npos &&
                    email.find_first_of(" \t,;<>()[]\\\"") == std::string::npos &&
                    email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
                    email.find("..") == std::string::npos;
    if (!ok) {
        throw usage_error(fmt::format("\"{}\" is not an email address", email),
                          "write it like name@example.com");
    }
}

void validate_phone(const std::string& phone)
{
    int digits = 0;
    for (const char c : phone) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (std::string_view(" +-().#/xXet").find(c) == std::string_view::npos) {
            throw usage_error(fmt::format("\"{}\" is not a phone number (unexpected '{}')", phone, c),
                              "use digits, spaces, + - ( ) . and x for an extension");
        }
    }
    if (digits < 3 || digits > 20 || phone.size() > 40) {
        throw usage_error(fmt::format("\"{}\" is not a phone number", phone),
                          "use digits, spaces, + - ( ) . and x for an extension");
    }
}

void validate_tag(const std::string& tag)
{
    check_text("a tag", tag, 64);
    if (tag.empty() || tag.find_first_of(" \t,") != std::string::npos) {
        throw usage_error(fmt::format("\"{}\" is not a tag (one word, no commas)", tag));
    }
}

} // namespace

Contact find_contact(const Store& store, std::string_view raw_ref, ContactScope scope)
{
    const std::string ref = trim(raw_ref);
    if (ref.empty()) {
        throw usage_error("the contact is empty", "give an id, an email or part of a name");
    }
    if (const auto record = parse_ref(ref); record && record->kind != RefKind::change) {
        // p12 or i31: the contact of that promise or interaction.
        std::optional<Id> owner;
        if (record->kind == RefKind::promise) {
            if (const auto p = store.promise(record->id)) {
                owner = p->contact_id;
            }
        } else if (const auto i = store.interaction(record->id)) {
            owner = i->contact_id;
        }
        const auto contact = owner ? store.contact(*owner) : std::nullopt;
        if (contact && in_scope(*contact, scope)) {
            return *contact;
        }
        if (contact && scope == ContactScope::live) {
            throw not_found_error(fmt::format("{} is {}'s, who is archived", ref, contact->name),
                                  fmt::format("bring them back first: fu restore {}", contact->id));
        }
        if (store.contacts_by_name_part(fold_case(ref)).empty()) {
            throw not_found_error(fmt::format("no {} has {} {}", scope_word(scope),
                                              record->kind == RefKind::promise ? "promise" : "interaction", ref),
                                  scope == ContactScope::live ? "see 'fu contacts'" : "");
        }
    }
    std::string_view digits = ref;
    if (digits.front() == '#') {
        digits.remove_prefix(1);
    }
    if (all_digits(digits) && digits.size() <= 18) {
        const Id id = std::stoll(std::string(digits));
        if (const auto contact = store.contact(id); contact && in_scope(*contact, scope)) {
            return *contact;
        }
        if (ref.front() == '#' || store.contacts_by_name_part(fold_case(ref)).empty()) {
            throw not_found_error(fmt::format("no {} with id {}", scope_word(scope), id),
                                  scope == ContactScope::live ? "see 'fu contacts'" : "");
        }
    }
    if (ref.find('@') != std::string::npos) {
        const auto matches = keep_in_scope(store.contacts_by_email(ref), scope);
        if (matches.size() == 1) {
            return matches.front();
        }
        if (matches.size() > 1) {
            ambiguous(ref, matches);
        }
    }
    const std::string folded = fold_case(ref);
    const auto matches = keep_in_scope(store.contacts_by_name_part(folded), scope);
    if (matches.size() == 1) {
        return matches.front();
    }
    if (matches.empty()) {
        throw not_found_error(fmt::format("no {} matches \"{}\"", scope_word(scope), ref),
                              scope == ContactScope::live ? "see 'fu contacts' (archived: 'fu contacts --archived')"
                                                          : "");
    }
    // Several names contain the reference: an exact full name wins, then whole words of one name
    // ("dan" names Dan Morris, not Dana Scott); when those tie too, only they are listed.
    std::vector<Contact> exact;
    std::copy_if(matches.begin(), matches.end(), std::back_inserter(exact),
                 [&](const Contact& c) { return fold_case(c.name) == folded; });
    if (exact.size() == 1) {
        return exact.front();
    }
    if (!exact.empty()) {
        ambiguous(ref, exact);
    }
    std::vector<Contact> whole;
    std::copy_if(matches.begin(), matches.end(), std::back_inserter(whole),
                 [&](const Contact& c) { return whole_words_of(fold_case(c.name), folded); });
    if (whole.size() == 1) {
        return whole.front();
    }
    ambiguous(ref, whole.empty() ? matches : whole);
}

void validate(ContactChanges& changes)
{
    if (changes.name) {
        *changes.name = trim(*changes.name);
        check_text("the name", *changes.name, 200);
        if (changes.name->empty()) {
            throw usage_error("the name is empty", "give the contact a name, e.g. fu add \"Ada Lovelace\"");
        }
    }
    if (changes.company) {
        *changes.company = trim(*changes.company);
        check_text("the company", *changes.company, 200);
    }
    if (changes.email) {
        *changes.email = trim(*changes.email);
        check_text("the email", *changes.email, 254);
        if (!changes.email->empty()) {
            validate_email(*changes.email);
        }
    }
    if (changes.phone) {
        *changes.phone = trim(*changes.phone);
        check_text("the phone number", *changes.phone, 40);
        if (!changes.phone->empty()) {
            validate_phone(*changes.phone);
        }
    }
    if (changes.note) {
        check_text("the note", *changes.note, std::size_t{64} * 1024, true);
    }
    if (changes.tz) {
        *changes.tz = trim(*changes.tz);
        if (!changes.tz->empty()) {
            *changes.tz = std::string(find_zone(*changes.tz).name());
        }
    }
    if (changes.every) {
        check_text("the cadence", *changes.every, 200);
        const std::string words = trim(*changes.every);
        const auto cadence = words.empty() ? std::nullopt : parse_cadence(words);
        *changes.every = cadence ? cadence_text(*cadence) : "";
        changes.every_after = cadence ? soonest_seconds(cadence->ideal) : 0;
    }
    if (changes.interest) {
        const std::string level = ascii_lower(trim(*changes.interest));
        *changes.interest = level == "none" || level.empty()
                                ? ""
                                : interest_level(level);
    }
    for (auto* tags : {&changes.add_tags, &changes.remove_tags}) {
        for (auto& tag : *tags) {
            tag = trim(tag);
            validate_tag(tag);
        }
    }
}

std::string name_and_company(const Contact& contact)
{
    return contact.company.empty() ? contact.name
                                   : fmt::format("{} ({})", contact.name, contact.company);
}

} // namespace fu
