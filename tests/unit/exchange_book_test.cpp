// import_book against a real store: a whole fu JSON book into an empty book (ids kept) or one with
// contacts (ids remapped with their references), duplicates skipped or merged, bad references and
// fields refused with nothing kept.
#include "exchange_support.hpp"

using namespace fu;
using namespace fu::exchange_test;
using fu::test::at;
using fu::test::describe;
using fu::test::drift;
using fu::test::query_rows;
using fu::test::TempDir;


// ---- import_book ----

TEST_CASE("import_book: into an empty book every record keeps its id and every column")
{
    Ledger source;
    make_history(source);
    const std::string document = source.exported();
    const Book book = read_book_json(document, "book.json");
    check_history_is_complete(book);

    Ledger copy;
    const ImportReport report = copy.import(book);
    CHECK(report.dialect == "fu JSON");
    CHECK(report.ids_kept);
    CHECK(report.added == 4);
    CHECK(report.skipped == 0);
    CHECK(report.merged == 0);
    CHECK(report.plans == 1);
    CHECK(report.promises == static_cast<std::int64_t>(book.promises.size()));
    CHECK(report.interactions == static_cast<std::int64_t>(book.interactions.size()));
    CHECK(report.duplicates.empty());

    // Byte for byte the same document.
    CHECK(copy.exported() == document);
    // The kept state is a recount's, and the same as the source's.
    CHECK(drift(copy.path) == 0);
    CHECK(copy.kept() == source.kept());
    CHECK(copy.kept().find("|") != std::string::npos);
    // The tags and the full-text indexes hold the imported records.
    CHECK(copy.tagged("lead") == std::vector<std::string>{"Ada Lovelace", "Bob Babbage"});
    CHECK(copy.searched("Lovelace") == std::vector<std::string>{"Ada Lovelace"});
    CHECK(copy.searched("price") == std::vector<std::string>{"Cy Closed"}); // an interaction's note
    CHECK(copy.searched("contract") ==
          std::vector<std::string>{"Ada Lovelace"}); // a promise's purpose
    // A book whose contacts were all erased is empty too: ids are kept.
    Ledger emptied;
    emptied.add("Zed");
    emptied.write("fu rm", at("2026-06-02T00:00:00Z"),
                  [&] { purge_contact(emptied.store, emptied.contact(1)); });
    CHECK(emptied.import(book).ids_kept);
    CHECK(emptied.exported() == document);
}

TEST_CASE(
    "import_book: into a book with contacts, ids move past every id given and references follow")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    Ledger target;
    make_used_book(target);
    const std::string before = target.exported();
    const Store::RecordIds offset = target.store.highest_ids();
    // Ids given and since erased count: contact 2 and the promise and interaction of contact 1.
    CHECK(offset.contact == 3);
    CHECK(offset.promise == 2);
    CHECK(offset.interaction == 1);
    CHECK(offset.plan == 0);
    REQUIRE(target.records().contacts.size() == 1);
    REQUIRE(target.records().promises.size() == 1);
    REQUIRE(target.records().interactions.empty());

    const ImportReport report = target.import(book);
    CHECK_FALSE(report.ids_kept);
    CHECK(report.added == 4);
    CHECK(report.promises == static_cast<std::int64_t>(book.promises.size()));
    CHECK(report.interactions == static_cast<std::int64_t>(book.interactions.size()));

    std::map<Id, Id> contacts;
    for (const Contact& c : book.contacts) {
        contacts[c.id] = c.id + offset.contact;
    }
    const Book expected = shifted(book, offset, contacts);
    const Book now = target.records();
    const Book added = added_since(now, offset);
    CHECK(describe(added.contacts) == describe(expected.contacts));
    CHECK(describe(added.plans) == describe(expected.plans));
    CHECK(describe(added.promises) == describe(expected.promises));
    CHECK(describe(added.interactions) == describe(expected.interactions));
    // What was there is untouched.
    CHECK(now.contacts.front().name == "Old Timer");
    CHECK(now.contacts.front().id == 3);
    const Book old = read_book_json(before, "before");
    CHECK(describe(now.contacts.front()) == describe(old.contacts.front()));
    CHECK(describe(now.promises.front()) == describe(old.promises.front()));
    CHECK(drift(target.path) == 0);
    CHECK(target.searched("price") == std::vector<std::string>{"Cy Closed"});
}

TEST_CASE("import_book: a duplicate is skipped with its playbook runs, promises and interactions")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    Ledger target;
    const Contact ada = target.add("A. Lovelace", "ada@EXAMPLE.com"); // the same email, any case
    const Contact bob =
        target.add("bob babbage", "", "(555) 0100"); // the same name and phone digits
    const Contact dee =
        target.add("Dee Archived", "", "555-0177"); // the same name, no phone: no duplicate
    target.write("fu archive", at("2026-06-02T00:00:00Z"),
                 [&] { target.store.set_archived(ada.id, at("2026-06-02T00:00:00Z")); });
    const Store::RecordIds offset = target.store.highest_ids();
    const std::string kept_before = target.kept();
    const std::vector<Promise> bobs_before = target.store.promises_of(bob.id);

    const ImportReport report = target.import(book);
    CHECK(report.added == 2);
    CHECK(report.skipped == 2);
    CHECK(report.merged == 0);
    CHECK(report.plans == 0); // Bob's
    CHECK(report.duplicates ==
          std::vector<std::string>{
              "contact 1: Ada Lovelace — same email as A. Lovelace (id 1, archived)",
              "contact 2: Bob Babbage — same name and phone as bob babbage (id 2)"});
    std::map<Id, Id> contacts{{3, 3 + offset.contact}, {4, 4 + offset.contact}};
    const Book expected = shifted(book, offset, contacts);
    const Book added = added_since(target.records(), offset);
    CHECK(describe(added) == describe(expected));
    CHECK(report.promises == static_cast<std::int64_t>(expected.promises.size()));
    CHECK(report.interactions == static_cast<std::int64_t>(expected.interactions.size()));
    CHECK(added.contacts.size() == 2);
    // The contacts it duplicates are left as they were.
    CHECK(target.contact(ada.id).name == "A. Lovelace");
    CHECK(target.contact(ada.id).company.empty());
    CHECK(target.contact(ada.id).tags.empty());
    CHECK(target.store.promises_of(ada.id).empty());
    CHECK(describe(target.contact(bob.id)) == describe(bob));
    CHECK(target.store.promises_of(bob.id).size() == bobs_before.size());
    CHECK(target.store.plans_of(bob.id).empty());
    CHECK(target.contact(dee.id).name == "Dee Archived");
    CHECK(drift(target.path) == 0);
    CHECK(target.kept() != kept_before);
}

TEST_CASE("import_book: a merged duplicate fills in the contact, and its history belongs to it")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();

    Ledger target;
    ContactChanges existing;
    existing.name = "A. Lovelace";
    existing.email = "ada@example.com";
    existing.note = "from the conference";
    existing.add_tags = {"vip"};
    const Contact ada = target.add(existing);
    const Contact bob = target.add("bob babbage", "bob@example.net", "(555) 0100");
    const Store::RecordIds offset = target.store.highest_ids();

    const ImportReport report = target.import(book, true);
    CHECK(report.added == 2);
    CHECK(report.merged == 2);
    CHECK(report.skipped == 0);
    CHECK(report.plans == 1);
    CHECK(report.duplicates.size() == 2);

    // Ada: empty fields filled, a different phone kept in the note (the email differs only in
    // case), the file's note added, tags added.
    const Contact merged = target.contact(ada.id);
    CHECK(merged.name == "A. Lovelace");
    CHECK(merged.email == "ada@example.com");
    CHECK(merged.company == "Analytical \"Engines\"");
    CHECK(merged.phone == "+44 20 7946 0000");
    CHECK(merged.tz == "Europe/London");
    CHECK(merged.every == book.contacts[0].every);
    CHECK_FALSE(merged.every.empty());
    CHECK(merged.interest == "hot");
    CHECK(merged.note == "from the conference\nmet at \"the fair\"\nlikes tea — ünïcode");
    std::vector<std::string> tags = merged.tags;
    std::sort(tags.begin(), tags.end());
    CHECK(tags == std::vector<std::string>{"lead", "vip"});
    // Bob: his email stays; the phone is the same digits, so nothing goes to the note.
    const Contact bobs = target.contact(bob.id);
    CHECK(bobs.email == "bob@example.net");
    CHECK(bobs.phone == "(555) 0100");
    CHECK(bobs.note.empty());
    CHECK(bobs.interest == "warm");

    // Their histories now belong to them, references moved with the ids.
    std::map<Id, Id> contacts{
        {1, ada.id}, {2, bob.id}, {3, 3 + offset.contact}, {4, 4 + offset.contact}};
    const Book expected = shifted(book, offset, contacts);
    const Book added = added_since(target.records(), offset);
    CHECK(describe(added.plans) == describe(expected.plans));
    CHECK(describe(added.promises) == describe(expected.promises));
    CHECK(describe(added.interactions) == describe(expected.interactions));
    CHECK(added.contacts.size() == 2);
    CHECK(target.store.plans_of(bob.id).size() == 1);
    CHECK(target.store.promises_of(ada.id).size() == 3);
    CHECK(drift(target.path) == 0);
    // The cadence came with its bound, as `fu edit --every` would write it.
    CHECK(query_rows(target.path, "SELECT every_after > 0 FROM contacts WHERE id = 1") == "1\n");
    CHECK(target.searched("contract") == std::vector<std::string>{"A. Lovelace"});

    // Merging the same file again adds nothing to the note.
    Book again = book;
    again.contacts.resize(1);
    again.plans.clear();
    again.promises.clear();
    again.interactions.clear();
    target.import(again, true);
    CHECK(target.contact(ada.id).note == merged.note);
}

TEST_CASE(
    "import_book: a different phone, email or company of a merged duplicate goes to the note once")
{
    Ledger target;
    ContactChanges existing;
    existing.name = "Ada";
    existing.email = "ada@example.com";
    existing.phone = "555-0100";
    existing.company = "Acme";
    target.add(existing);

    Book book;
    Contact ada;
    ada.id = 1;
    ada.name = "Ada";
    ada.email = "ADA@example.com";
    ada.phone = "+1 555 0199";
    ada.company = "ACME";
    ada.created_at = at("2026-01-01T00:00:00Z");
    book.contacts.push_back(ada);
    Contact by_phone;
    by_phone.id = 2;
    by_phone.name = "ada"; // the same name in another case, the same digits: Ada again
    by_phone.phone = "555 0100";
    by_phone.email = "ada@other.org";
    by_phone.company = "Beta";
    by_phone.created_at = at("2026-01-01T00:00:00Z");
    book.contacts.push_back(by_phone);

    const ImportReport report = target.import(book, true);
    CHECK(report.merged == 2);
    CHECK(report.duplicates ==
          std::vector<std::string>{"contact 1: Ada — same email as Ada (id 1)",
                                   "contact 2: ada — same name and phone as Ada (id 1)"});
    CHECK(target.contact(1).note == "Phone: +1 555 0199\nCompany: Beta\nE-mail: ada@other.org");
    CHECK(target.contact(1).company == "Acme");
    CHECK(target.contact(1).phone == "555-0100");
    CHECK(target.contact(1).email == "ada@example.com");
    target.import(book, true);
    CHECK(target.contact(1).note == "Phone: +1 555 0199\nCompany: Beta\nE-mail: ada@other.org");
    CHECK_FALSE(target.store.contact(2));
}

TEST_CASE("import_book: a reference to a record the file does not hold is refused, nothing stored")
{
    Ledger source;
    make_history(source);
    const Book book = source.records();
    Ledger target;
    target.add("Old Timer");
    const std::string before = target.exported();

    struct Case {
        std::string what;
        std::function<void(Book&)> change;
        std::string message;
    };
    const Id p = book.promises.front().id;
    const Id i = book.interactions.front().id;
    const Id plan = book.plans.front().id;
    const Case cases[] = {
        {"a plan's contact", [](Book& b) { b.plans.front().contact_id = 99; },
         "book.json: plan " + std::to_string(plan) + ": contact 99 is not in the file"},
        {"a promise's contact", [](Book& b) { b.promises.front().contact_id = 98; },
         "book.json: promise " + std::to_string(p) + ": contact 98 is not in the file"},
        {"a promise's plan", [](Book& b) { b.promises.front().plan_id = 97; },
         "book.json: promise " + std::to_string(p) + ": plan 97 is not in the file"},
        {"a promise's replacement", [](Book& b) { b.promises.front().replaced_by = 96; },
         "book.json: promise " + std::to_string(p) + ": promise 96 is not in the file"},
        {"a promise's origin", [](Book& b) { b.promises.front().rescheduled_from = 95; },
         "book.json: promise " + std::to_string(p) + ": promise 95 is not in the file"},
        {"a promise's interaction", [](Book& b) { b.promises.front().made_with = 94; },
         "book.json: promise " + std::to_string(p) + ": interaction 94 is not in the file"},
        {"an interaction's contact", [](Book& b) { b.interactions.front().contact_id = 93; },
         "book.json: interaction " + std::to_string(i) + ": contact 93 is not in the file"},
        {"an interaction's promise", [](Book& b) { b.interactions.front().promise_id = 92; },
         "book.json: interaction " + std::to_string(i) + ": promise 92 is not in the file"},
        {"an interaction's chosen promise",
         [](Book& b) { b.interactions.front().chosen_promise = 91; },
         "book.json: interaction " + std::to_string(i) + ": promise 91 is not in the file"},
        {"an interaction's reminded promise", [](Book& b) { b.interactions.front().reminds = 90; },
         "book.json: interaction " + std::to_string(i) + ": promise 90 is not in the file"},
    };
    for (const Case& test : cases) {
        INFO(test.what);
        Book broken = book;
        test.change(broken);
        const Refusal refused = refusal([&] { target.import(broken); });
        CHECK(refused.status == 2);
        CHECK(refused.message == test.message);
        CHECK(target.exported() == before);
    }
    // Into an empty book too.
    Ledger empty;
    Book broken = book;
    broken.interactions.back().reminds = 89;
    CHECK(refusal([&] { empty.import(broken); }).message ==
          "book.json: interaction " + std::to_string(broken.interactions.back().id) +
              ": promise 89 is not in the file");
    CHECK_FALSE(empty.store.has_contacts());
}

TEST_CASE("import_book: a contact field fu add refuses stops the import, and nothing is kept")
{
    Ledger source;
    make_history(source);
    Book book = source.records();
    book.contacts[2].email = "cy at example.org";
    Ledger target;
    target.add("A. Lovelace", "ada@example.com");
    const std::string before = target.exported();
    // The merge into contact 1 is written before contact 3 is refused: the transaction takes it
    // back.
    const Refusal refused = refusal([&] { target.import(book, true); });
    CHECK(refused.status == 2);
    CHECK(refused.message ==
          R"(book.json: contact 3: "cy at example.org" is not an email address)");
    CHECK(refused.hint == "write it like name@example.com");
    CHECK(target.exported() == before);
    CHECK(drift(target.path) == 0);

    Ledger empty;
    book = source.records();
    book.contacts[1].tags = {"two words"};
    CHECK(refusal([&] { empty.import(book); }).message ==
          R"(book.json: contact 2: "two words" is not a tag (one word, no commas))");
    CHECK_FALSE(empty.store.has_contacts());
}

// ---- import_contacts ----

