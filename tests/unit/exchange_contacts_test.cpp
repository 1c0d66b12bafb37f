// import_contacts against a real store: fresh ids, fields checked as fu add checks them, duplicates
// in the book or the file skipped or merged; and undo of an import, which restores the book exactly.
#include "exchange_support.hpp"

using namespace fu;
using namespace fu::exchange_test;
using fu::test::at;
using fu::test::describe;
using fu::test::drift;
using fu::test::query_rows;
using fu::test::TempDir;

TEST_CASE("import_contacts: new contacts get fresh ids in file order, their fields checked as fu "
          "add does")
{
    Ledger l;
    make_used_book(l); // ids 1 and 2 given and gone, 3 live
    ContactsRead read;
    read.dialect = "Google Contacts CSV";
    read.notices = {"column \"Birthday\" (2 values) is not imported"};
    IncomingContact ada =
        incoming("line 2", "  Ada Lovelace ", " ada@example.com ", " +44 20 7946 0000 ");
    ada.company = " Engines ";
    ada.note = "first\nsecond";
    ada.tz = "Europe/London";
    ada.every = "2-3 weeks";
    ada.interest = " HOT ";
    ada.tags = {"vip", " lead ", "vip"};
    read.contacts.push_back(ada);
    read.contacts.push_back(incoming("line 3", "Zed"));
    read.contacts.push_back(incoming("line 4", "Bea", "", "555-0100"));
    const Instant now = at("2026-07-01T12:00:00Z");
    const ImportReport report = l.import(read, false, now);
    CHECK(report.dialect == "Google Contacts CSV");
    CHECK(report.notices == read.notices);
    CHECK(report.added == 3);
    CHECK(report.skipped == 0);
    CHECK(report.duplicates.empty());
    CHECK_FALSE(report.ids_kept);

    const Contact added = l.contact(4);
    CHECK(added.name == "Ada Lovelace");
    CHECK(added.company == "Engines");
    CHECK(added.email == "ada@example.com");
    CHECK(added.phone == "+44 20 7946 0000");
    CHECK(added.note == "first\nsecond");
    CHECK(added.tz == "Europe/London");
    CHECK(added.every == "2-3 weeks");
    CHECK(added.interest == "hot");
    CHECK(added.created_at == now);
    std::vector<std::string> tags = added.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"lead", "vip"});
    CHECK(l.contact(5).name == "Zed");
    CHECK(l.contact(6).name == "Bea");
    CHECK_FALSE(l.store.contact(7));
    CHECK(l.store.highest_ids().contact == 6);
    // The cadence's bound is the one fu add writes.
    Ledger by_add;
    ContactChanges same;
    same.name = "Ada";
    same.every = "2-3 weeks";
    by_add.add(same);
    CHECK(query_rows(l.path, "SELECT every_after FROM contacts WHERE id = 4") ==
          query_rows(by_add.path, "SELECT every_after FROM contacts WHERE id = 1"));
    CHECK(query_rows(l.path, "SELECT every_after FROM contacts WHERE id = 4") != "0\n");
    CHECK(drift(l.path) == 0);
    CHECK(l.searched("Lovelace") == std::vector<std::string>{"Ada Lovelace"});
    CHECK(l.tagged("lead") == std::vector<std::string>{"Ada Lovelace"});
}

TEST_CASE("import_contacts: the first bad field stops the import with the record's place, and "
          "nothing is kept")
{
    struct Case {
        std::string what;
        IncomingContact bad;
        std::string message;
    };
    IncomingContact bad_tz = incoming("card 3 (line 40)", "Cy");
    bad_tz.tz = "Mars/Olympus";
    IncomingContact bad_tag = incoming("line 7", "Cy");
    bad_tag.tags = {"a,b"};
    IncomingContact bad_interest = incoming("line 7", "Cy");
    bad_interest.interest = "scorching";
    const Case cases[] = {
        {"an email", incoming("line 7", "Cy", "cy@"),
         R"(contacts.csv:7: "cy@" is not an email address)"},
        {"a phone", incoming("line 7", "Cy", "", "12"),
         R"(contacts.csv:7: "12" is not a phone number)"},
        {"a phone with letters", incoming("line 7", "Cy", "", "555-CALL"),
         R"(contacts.csv:7: "555-CALL" is not a phone number (unexpected 'C'))"},
        {"an empty name", incoming("line 7", "   "), "contacts.csv:7: the name is empty"},
        {"a tag", bad_tag, R"(contacts.csv:7: "a,b" is not a tag (one word, no commas))"},
    };
    for (const Case& test : cases) {
        INFO(test.what);
        Ledger l;
        const Contact ada = l.add("Ada", "ada@example.com");
        const std::string before = l.exported();
        ContactsRead read;
        read.contacts.push_back(incoming("line 2", "Bob"));
        IncomingContact dup = incoming("line 3", "Ada", "ADA@example.com");
        dup.company = "Merged Ltd"; // merged before the bad record: taken back with the rest
        read.contacts.push_back(dup);
        read.contacts.push_back(test.bad);
        const Refusal refused = refusal([&] { l.import(read, true); });
        CHECK(refused.status == 2);
        CHECK(refused.message == test.message);
        CHECK(l.exported() == before);
        CHECK(l.contact(ada.id).company.empty());
        CHECK(l.store.journal().size() == 1);
    }
    const std::pair<IncomingContact, std::string> located[] = {{bad_tz, "contacts.csv:40: card 3: "},
                                                               {bad_interest, "contacts.csv:7: "}};
    for (const auto& [bad, prefix] : located) {
        Ledger l;
        ContactsRead read;
        read.contacts.push_back(bad);
        const Refusal refused = refusal([&] { l.import(read); });
        CHECK(refused.status == 2);
        CHECK(refused.message.rfind(prefix, 0) == 0);
        CHECK_FALSE(l.store.has_contacts());
    }
}

TEST_CASE("import_contacts: duplicates by email (any case) or by name and phone digits, in the "
          "book or the file")
{
    Ledger l;
    const Contact ada = l.add("Ada Lovelace", "ada@example.com");
    const Contact old = l.add("Old Timer", "", "+1 (555) 010-0199");
    l.write("fu archive", at("2026-06-02T00:00:00Z"),
            [&] { l.store.set_archived(old.id, at("2026-06-02T00:00:00Z")); });
    ContactsRead read;
    read.contacts = {
        incoming("line 2", "Ada L", "ADA@EXAMPLE.COM"),     // the book's Ada, by email
        incoming("line 3", "Bob", "", "+1 (555) 010-0100"), // new: id 3
        incoming("line 4", "bob", "", "15550100100"),  // the same digits, the name in another case
        incoming("line 5", "Bob", "", "555 010 0100"), // other digits (no country code): new
        incoming("line 6", "Robert", "", "+1 (555) 010-0100"),     // another name: new
        incoming("line 7", "Cy", "cy@example.org"),                // new
        incoming("line 8", "Cyrus", "CY@example.ORG"),             // line 7's email
        incoming("line 9", "Ada Lovelace"),                        // a name alone is no duplicate
        incoming("line 10", "old timer", "", "1 555 010 0199"),    // the archived contact
        incoming("line 11", "Dee", "dee@example.org", "555-0111"), // new
        incoming("line 12", "Dee", "", "555 0111"),                // line 11 by name and phone
    };
    const ImportReport report = l.import(read);
    CHECK(report.added == 6);
    CHECK(report.skipped == 5);
    CHECK(report.merged == 0);
    CHECK(report.duplicates ==
          std::vector<std::string>{
              "line 2: Ada L — same email as Ada Lovelace (id 1)",
              "line 4: bob — same name and phone as Bob (line 3, new)",
              "line 8: Cyrus — same email as Cy (line 7, new)",
              "line 10: old timer — same name and phone as Old Timer (id 2, archived)",
              "line 12: Dee — same name and phone as Dee (line 11, new)",
          });
    std::vector<std::string> names;
    for (const Contact& c : l.records().contacts) {
        names.push_back(std::to_string(c.id) + " " + c.name);
    }
    CHECK(names == std::vector<std::string>{"1 Ada Lovelace", "2 Old Timer", "3 Bob", "4 Bob",
                                            "5 Robert", "6 Cy", "7 Ada Lovelace", "8 Dee"});
    CHECK(l.contact(ada.id).name == "Ada Lovelace");
    CHECK(drift(l.path) == 0);
}

TEST_CASE("import_contacts: a merged duplicate fills in empty fields, keeps a different phone or "
          "email in the "
          "note once, and adds tags")
{
    Ledger l;
    ContactChanges existing;
    existing.name = "Ada Lovelace";
    existing.email = "ada@example.com";
    existing.phone = "020 7946 0000";
    existing.note = "met at the fair";
    existing.add_tags = {"vip"};
    const Contact ada = l.add(existing);
    const Contact bob = l.add("Bob", "bob@a.com", "555-0100");

    ContactsRead read;
    IncomingContact ada_again = incoming("line 2", "Ada L", "ADA@example.com", "+44 20 7946 1111");
    ada_again.company = "Engines Ltd";
    ada_again.note = "likes tea";
    ada_again.tz = "Europe/London";
    ada_again.interest = "hot";
    ada_again.every = "2-3 weeks";
    ada_again.tags = {"vip", "lead"};
    read.contacts.push_back(ada_again);
    IncomingContact ada_twice = ada_again;
    ada_twice.where = "line 3";
    read.contacts.push_back(ada_twice);
    read.contacts.push_back(incoming("line 4", "bob", "bob@b.com", "(555) 0100"));
    // Into an earlier record of the same file.
    read.contacts.push_back(incoming("line 5", "Cy", "", "555 1234"));
    IncomingContact cy_again = incoming("line 6", "cy", "cy@example.org", "5551234");
    cy_again.company = "Acme";
    cy_again.note = "second card";
    cy_again.tags = {"x", "y"};
    read.contacts.push_back(cy_again);
    IncomingContact cy_third = incoming("line 7", "Cy", "", "555-1234");
    cy_third.company = "Other Co";
    cy_third.tags = {"y", "z"};
    read.contacts.push_back(cy_third);

    const ImportReport report = l.import(read, true);
    CHECK(report.added == 1);
    CHECK(report.merged == 5);
    CHECK(report.skipped == 0);
    CHECK(report.duplicates == std::vector<std::string>{
                                   "line 2: Ada L — same email as Ada Lovelace (id 1)",
                                   "line 3: Ada L — same email as Ada Lovelace (id 1)",
                                   "line 4: bob — same name and phone as Bob (id 2)",
                                   "line 6: cy — same name and phone as Cy (line 5, new)",
                                   "line 7: Cy — same name and phone as Cy (line 5, new)",
                               });

    const Contact merged = l.contact(ada.id);
    CHECK(merged.name == "Ada Lovelace");
    CHECK(merged.email == "ada@example.com");
    CHECK(merged.phone == "020 7946 0000");
    CHECK(merged.company == "Engines Ltd");
    CHECK(merged.tz == "Europe/London");
    CHECK(merged.interest == "hot");
    CHECK_FALSE(merged.every.empty());
    CHECK(merged.note == "met at the fair\nlikes tea\nPhone: +44 20 7946 1111");
    std::vector<std::string> tags = merged.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"lead", "vip"});
    CHECK(l.contact(bob.id).note == "E-mail: bob@b.com");
    CHECK(l.contact(bob.id).email == "bob@a.com");

    const Contact cy = l.contact(3);
    CHECK(cy.name == "Cy");
    CHECK(cy.phone == "555 1234");
    CHECK(cy.email == "cy@example.org");
    CHECK(cy.company == "Acme");
    CHECK(cy.note == "second card\nCompany: Other Co");
    tags = cy.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"x", "y", "z"});
    CHECK_FALSE(l.store.contact(4));
    CHECK(drift(l.path) == 0);
    // The cadence merged in has the bound fu edit --every writes.
    CHECK(query_rows(l.path, "SELECT every_after > 0 FROM contacts WHERE id = 1") == "1\n");
}

TEST_CASE("import_contacts: a field merged into an earlier record of the file finds later "
          "duplicates, as one "
          "merged into the book does")
{
    // In the book: Cy's email, merged in by line 3, makes line 4 a duplicate.
    Ledger book;
    book.add("Cy", "", "555 1234");
    ContactsRead read;
    read.contacts = {incoming("line 3", "cy", "cy@example.org", "5551234"),
                     incoming("line 4", "Cyrus", "CY@example.org")};
    const ImportReport into_book = book.import(read, true);
    CHECK(into_book.merged == 2);
    CHECK(into_book.added == 0);

    // In the file: the same records after Cy's own line.
    Ledger file;
    read.contacts.insert(read.contacts.begin(), incoming("line 2", "Cy", "", "555 1234"));
    const ImportReport in_file = file.import(read, true);
    CHECK(in_file.added == 1);
    CHECK(in_file.merged == 2);
    CHECK(in_file.duplicates.back() == "line 4: Cyrus — same email as Cy (line 2, new)");
    CHECK_FALSE(file.store.contact(2));
}

// ---- Undo ----

TEST_CASE("undo of an import restores the book exactly")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    SUBCASE("a book into an empty book")
    {
        Ledger l;
        const std::string before = l.exported();
        l.import(book);
        REQUIRE(l.exported() != before);
        CHECK(l.searched("Lovelace") == std::vector<std::string>{"Ada Lovelace"});
        CHECK(l.searched("price") == std::vector<std::string>{"Cy Closed"});
        CHECK(l.tagged("lead").size() == 2);
        CHECK(l.store.journal().front().command == "fu import book.json");
        l.undo_newest();
        CHECK(l.exported() == before);
        CHECK(l.searched("Lovelace").empty());
        CHECK(l.searched("price").empty());
        CHECK(l.searched("contract").empty());
        CHECK(l.tagged("lead").empty());
        CHECK(drift(l.path) == 0);
        CHECK(l.kept().empty());
    }
    SUBCASE("a book merged into a book with contacts")
    {
        Ledger l;
        make_used_book(l);
        ContactChanges existing;
        existing.name = "A. Lovelace";
        existing.email = "ada@example.com";
        existing.add_tags = {"vip"};
        l.add(existing);
        const std::string before = l.exported();
        const std::string kept_before = l.kept();
        l.import(book, true);
        REQUIRE(l.exported() != before);
        CHECK(l.searched("Babbage") == std::vector<std::string>{"Bob Babbage"});
        CHECK(l.searched("tea") == std::vector<std::string>{"A. Lovelace"}); // the merged note
        CHECK(l.tagged("lead").size() == 2);
        l.undo_newest();
        CHECK(l.exported() == before);
        CHECK(l.kept() == kept_before);
        CHECK(l.searched("Babbage").empty());
        CHECK(l.searched("tea").empty());
        CHECK(l.tagged("lead").empty());
        CHECK(l.tagged("vip") == std::vector<std::string>{"A. Lovelace"});
        CHECK(drift(l.path) == 0);
    }
    SUBCASE("contacts added and merged")
    {
        Ledger l;
        ContactChanges existing;
        existing.name = "Ada Lovelace";
        existing.email = "ada@example.com";
        l.add(existing);
        const std::string before = l.exported();
        const std::string kept_before = l.kept();
        ContactsRead read;
        IncomingContact ada = incoming("line 2", "Ada", "ADA@example.com", "555-0100");
        ada.note = "loves engines";
        ada.tags = {"vip"};
        IncomingContact bea = incoming("line 3", "Bea Zephyr", "bea@example.org");
        bea.tags = {"lead"};
        bea.every = "2-3 weeks";
        read.contacts = {ada, bea};
        l.import(read, true);
        CHECK(l.searched("Zephyr") == std::vector<std::string>{"Bea Zephyr"});
        CHECK(l.searched("engines") == std::vector<std::string>{"Ada Lovelace"});
        CHECK(l.tagged("vip") == std::vector<std::string>{"Ada Lovelace"});
        l.undo_newest();
        CHECK(l.exported() == before);
        CHECK(l.kept() == kept_before);
        CHECK(l.searched("Zephyr").empty());
        CHECK(l.searched("engines").empty());
        CHECK(l.tagged("vip").empty());
        CHECK(l.tagged("lead").empty());
        CHECK(drift(l.path) == 0);
    }
}

