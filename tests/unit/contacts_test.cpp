// find_contact: ids, emails and names, and which of several matching names a reference means.
#include <doctest/doctest.h>

#include <string>

#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/store.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;

namespace {

const Instant k_now = at("2026-06-15T13:30:00Z");

Id add(Store& store, const char* name, const char* email = "")
{
    ContactChanges c;
    c.name = name;
    if (*email != '\0') {
        c.email = email;
    }
    return store.add_contact(c, k_now);
}

// The message of the error find_contact throws, checking that it is "not found or ambiguous" (3).
std::string refusal(const Store& store, const char* ref, ContactScope scope = ContactScope::live)
{
    try {
        find_contact(store, ref, scope);
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_not_found);
        return e.what();
    }
    FAIL("\"" << ref << "\" named a contact");
    return {};
}

bool mentions(const std::string& message, const std::string& name)
{
    return message.find(name) != std::string::npos;
}

} // namespace

TEST_CASE("a whole word of one name wins over names that only contain it")
{
    Store store = Store::open_in_memory();
    const Id dan = add(store, "Dan Morris");
    add(store, "Dana Scott");
    add(store, "Jordan Lee");
    CHECK(find_contact(store, "dan").id == dan);
    CHECK(find_contact(store, "DAN").id == dan);
    CHECK(find_contact(store, "  Dan ").id == dan);
    CHECK(find_contact(store, "morris").id == dan);
    // a part of a word of several names, and a whole word of none, is still ambiguous, listing them
    // all
    const std::string message = refusal(store, "da");
    CHECK(mentions(message, "\"da\" matches 3 contacts"));
    CHECK(mentions(message, "Dan Morris"));
    CHECK(mentions(message, "Dana Scott"));
    CHECK(mentions(message, "Jordan Lee"));
    // a part of one name alone still names it
    CHECK(find_contact(store, "sco").name == "Dana Scott");
}

TEST_CASE("when the whole word names several contacts, only those are listed")
{
    Store store = Store::open_in_memory();
    const Id morris = add(store, "Dan Morris");
    add(store, "Dana Scott");
    const Id brown = add(store, "Dan Brown");
    const std::string message = refusal(store, "dan");
    CHECK(mentions(message, "\"dan\" matches 2 contacts"));
    CHECK(mentions(message, "id " + std::to_string(morris) + " Dan Morris"));
    CHECK(mentions(message, "id " + std::to_string(brown) + " Dan Brown"));
    CHECK_FALSE(mentions(message, "Dana"));
    // more of the name, or the id, settles it
    CHECK(find_contact(store, "dan b").id == brown);
    CHECK(find_contact(store, "brown").id == brown);
    CHECK(find_contact(store, std::to_string(morris)).id == morris);
}

TEST_CASE("an exact full name wins first")
{
    Store store = Store::open_in_memory();
    add(store, "Dan Morris");
    const Id dan = add(store, "Dan");
    add(store, "Dana Scott");
    CHECK(find_contact(store, "dan").id == dan);
    CHECK(find_contact(store, "dan morris").id != dan);
    // two contacts with the very same name stay ambiguous, listing only those two
    add(store, "dan");
    const std::string message = refusal(store, "Dan");
    CHECK(mentions(message, "matches 2 contacts"));
    CHECK_FALSE(mentions(message, "Morris"));
}

TEST_CASE("words are separated by spaces, hyphens and apostrophes")
{
    Store store = Store::open_in_memory();
    const Id mary_jane = add(store, "Mary-Jane Watson");
    add(store, "Janet Mary");
    CHECK(find_contact(store, "jane").id == mary_jane);
    const Id conan = add(store, "Conan O\xE2\x80\x99"
                                "Brien"); // a typographic apostrophe
    add(store, "Brienne Tarth");
    CHECK(find_contact(store, "brien").id == conan);
    const Id pat = add(store, "Pat O'Neil");
    add(store, "Neill Blomkamp");
    CHECK(find_contact(store, "neil").id == pat);
    CHECK(find_contact(store, "o'neil").id == pat);
    // several words in a row are whole words too
    const Id jan = add(store, "Jan van der Berg");
    add(store, "Vanessa Vanderbilt");
    CHECK(find_contact(store, "van der").id == jan);
    CHECK(find_contact(store, "Van").id == jan);
}

TEST_CASE("whole words are compared case-folded, beyond ASCII")
{
    Store store = Store::open_in_memory();
    const Id umit = add(store, "\xC3\x9Cmit Kaya");       // Ümit Kaya
    add(store, "\xC3\x9Cmitcan Demir");                   // Ümitcan Demir
    CHECK(find_contact(store, "\xC3\xBCmit").id == umit); // ümit
    CHECK(find_contact(store, "\xC3\x9CMIT").id == umit); // ÜMIT
}

TEST_CASE("the scope is applied before names are compared")
{
    Store store = Store::open_in_memory();
    const Id archived_dan = add(store, "Dan Morris");
    store.set_archived(archived_dan, k_now);
    const Id dana = add(store, "Dana Scott");
    // among live contacts only Dana contains "dan"
    CHECK(find_contact(store, "dan").id == dana);
    CHECK(find_contact(store, "dan", ContactScope::archived).id == archived_dan);
    CHECK(find_contact(store, "dan", ContactScope::any).id == archived_dan);
}

TEST_CASE("ids and emails are found before names")
{
    Store store = Store::open_in_memory();
    const Id dan = add(store, "Dan Morris", "dan@example.com");
    const Id dana = add(store, "Dana Scott", "dana@example.com");
    CHECK(find_contact(store, "dana@example.com").id == dana);
    CHECK(find_contact(store, "#" + std::to_string(dan)).id == dan);
    CHECK(mentions(refusal(store, "nobody"), "no contact matches \"nobody\""));
}
