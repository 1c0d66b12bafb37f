// Contacts as CSV: fu's own columns written and read back, Google Contacts' (old and new) and
// Outlook's exports mapped onto incoming contacts, and every way a file can be refused.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "fu/contacts.hpp"
#include "fu/contacts_csv.hpp"
#include "fu/error.hpp"
#include "io/csv_reader.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::data_file;

namespace {

ContactsRead read_data_file(const std::string& name)
{
    return read_contacts_csv(data_file(name), name);
}

// The message a CSV text is refused with, or "" when it is read.
std::string refusal(std::string_view text)
{
    try {
        read_contacts_csv(text, "in.csv");
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        return e.what();
    }
    return "";
}

using Tags = std::vector<std::string>;

} // namespace

TEST_CASE("contacts CSV: fu's columns, in order")
{
    CHECK(contacts_csv_columns() == std::vector<std::string>{"name", "company", "phone", "email",
                                                             "tags", "interest", "every", "tz",
                                                             "note"});
}

TEST_CASE("contacts CSV writer: a header, CRLF rows, quoting and formulas neutralised")
{
    std::ostringstream out;
    ContactsCsvWriter writer(out);
    Contact ada;
    ada.name = "Lovelace, Ada";
    ada.phone = "+44 20 7946 0958";
    ada.email = "ada@analytical.example";
    ada.tags = {"customer", "vip"};
    ada.interest = "hot";
    ada.every = "2-3 weeks";
    ada.tz = "Europe/London";
    ada.note = "said \"=1+1\"\nthen left";
    writer.write(ada);
    Contact bo;
    bo.name = "=HYPERLINK(\"http://x\")";
    bo.company = "@home";
    bo.note = "'=typed with its quote";
    bo.tz = "'plain";
    writer.write(bo);
    CHECK(out.str() ==
          "name,company,phone,email,tags,interest,every,tz,note\r\n"
          "\"Lovelace, Ada\",,'+44 20 7946 0958,ada@analytical.example,customer;vip,hot,2-3 weeks,"
          "Europe/London,\"said \"\"=1+1\"\"\nthen left\"\r\n"
          "\"'=HYPERLINK(\"\"http://x\"\")\",'@home,,,,,,'plain,''=typed with its quote\r\n");
}

TEST_CASE("contacts CSV: what the writer writes, the reader reads back unchanged")
{
    std::vector<Contact> contacts(5);
    contacts[0].name = "Hopper, Grace \"Amazing\"";
    contacts[0].company = "US Navy, Inc.";
    contacts[0].phone = "+44 20 7946 0958";
    contacts[0].email = "grace@navy.example";
    contacts[0].tags = {"customer", "vip", "ünïcode"};
    contacts[0].note = "line one\nline \"two\", with a comma\n=still text";
    contacts[0].interest = "warm";
    contacts[0].every = "monthly";
    contacts[0].tz = "America/New_York";
    contacts[1].name = "=1+1";
    contacts[1].company = "-5";
    contacts[1].note = "@home";
    contacts[2].name = "+Plus";
    contacts[2].company = "'quoted already";
    contacts[2].note = "'=kept as typed";
    contacts[3].name = "Zoë Ångström";
    contacts[3].phone = "-5";
    contacts[3].note = "a\r\n";
    contacts[4].name = "Łukasz Żółć";
    contacts[4].tags = {"a"};

    std::ostringstream out;
    ContactsCsvWriter writer(out);
    for (const auto& contact : contacts) {
        writer.write(contact);
    }
    const ContactsRead read = read_contacts_csv(out.str(), "round.csv");
    CHECK(read.dialect == "fu CSV");
    CHECK(read.notices.empty());
    REQUIRE(read.contacts.size() == contacts.size());
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        CAPTURE(i);
        const Contact& want = contacts[i];
        const IncomingContact& got = read.contacts[i];
        CHECK(got.name == want.name);
        CHECK(got.company == want.company);
        CHECK(got.phone == want.phone);
        CHECK(got.email == want.email);
        CHECK(got.tags == want.tags);
        CHECK(got.interest == want.interest);
        CHECK(got.every == want.every);
        CHECK(got.tz == want.tz);
        CHECK(got.note == (i == 3 ? "a" : want.note)); // values are trimmed
    }
    CHECK(read.contacts[1].where == "line 5"); // Grace's note spans lines 2-4
}

TEST_CASE("contacts CSV: fu's own file")
{
    const ContactsRead read = read_data_file("fu-contacts.csv");
    CHECK(read.dialect == "fu CSV");
    CHECK(read.notices.empty());
    REQUIRE(read.contacts.size() == 4);
    const IncomingContact& ada = read.contacts[0];
    CHECK(ada.where == "line 2");
    CHECK(ada.name == "Ada Lovelace");
    CHECK(ada.company == "Analytical Engines");
    CHECK(ada.phone == "+44 20 7946 0958");
    CHECK(ada.email == "ada@analytical.example");
    CHECK(ada.tags == Tags{"customer", "vip"});
    CHECK(ada.interest == "hot");
    CHECK(ada.every == "2-3 weeks");
    CHECK(ada.tz == "Europe/London");
    CHECK(ada.note == "Prefers mornings.\nAsked about \"the engine\", twice."); // CRLF inside: LF
    CHECK(read.contacts[1].where == "line 4");
    CHECK(read.contacts[1].name == "Zoë Ångström");
    CHECK(read.contacts[1].note == "=1+1 is what she typed");
    CHECK(read.contacts[2].name == "Hopper, Grace");
    CHECK(read.contacts[2].note == "-5 dB on the line");
    CHECK(read.contacts[2].every == "monthly");
    CHECK(read.contacts[3].where == "line 6");
    CHECK(read.contacts[3].name == "Łukasz Żółć");
    CHECK(read.contacts[3].tags.empty());
}

TEST_CASE("contacts CSV: semicolons (Excel where the comma is the decimal mark) and tabs separate "
          "too, as the header row shows")
{
    CHECK(csv::separator_of("name,email\nAda;x\n") == ',');
    CHECK(csv::separator_of("\xEF\xBB\xBFname;email;phone\r\nAda,Lovelace;a@x.org;1\r\n") == ';');
    CHECK(csv::separator_of("name\temail\n") == '\t');
    CHECK(csv::separator_of("\"a;b;c\",email\n") == ',');   // quoted semicolons do not count
    CHECK(csv::separator_of("name\n") == ',');
    CHECK(csv::separator_of("") == ',');

    const ContactsRead semi = read_contacts_csv(
        "Name;Company;E-mail;Note\r\n\"Ada; Countess\";Analytical, Engines;ada@x.org;\"a;b\"\r\n", "eu.csv");
    REQUIRE(semi.contacts.size() == 1);
    CHECK(semi.contacts[0].name == "Ada; Countess");
    CHECK(semi.contacts[0].company == "Analytical, Engines");
    CHECK(semi.contacts[0].email == "ada@x.org");
    CHECK(semi.contacts[0].note == "a;b");

    const ContactsRead tabs = read_contacts_csv("name\tphone\nBo\t+33 6 12\n", "tabs.csv");
    REQUIRE(tabs.contacts.size() == 1);
    CHECK(tabs.contacts[0].phone == "+33 6 12");
}

TEST_CASE("contacts CSV: fu's columns in any order and case, a subset, short rows padded")
{
    const ContactsRead read =
        read_contacts_csv("\xEF\xBB\xBF Email , NAME,Tags\n\nada@x.example,Ada, customer ; vip \n"
                          "bo@x.example,Bo\n,,\n   \n\"\",\"\",\"\"\r\n,Cy\n",
                          "sub.csv");
    CHECK(read.dialect == "fu CSV");
    REQUIRE(read.contacts.size() == 3);
    CHECK(read.contacts[0].name == "Ada");
    CHECK(read.contacts[0].email == "ada@x.example");
    CHECK(read.contacts[0].tags == Tags{"customer", "vip"});
    CHECK(read.contacts[0].where == "line 3");
    CHECK(read.contacts[1].name == "Bo");
    CHECK(read.contacts[1].tags.empty());
    CHECK(read.contacts[2].name == "Cy"); // two fields of three: padded
    CHECK(read.contacts[2].tags.empty());
    CHECK(read.contacts[2].where == "line 8");
}

TEST_CASE("contacts CSV: a quote before a formula character is taken off in fu's files only")
{
    CHECK(read_contacts_csv("name,note\nAda,'+1\n", "f.csv").contacts[0].note == "+1");
    CHECK(read_contacts_csv("name,note\nAda,'x\n", "f.csv").contacts[0].note == "'x");
    const ContactsRead google = read_contacts_csv("First Name,Notes,Labels\nAda,'=1+1,\n", "g.csv");
    CHECK(google.dialect == "Google Contacts CSV");
    CHECK(google.contacts[0].note == "'=1+1");
}

TEST_CASE("contacts CSV: Google Contacts' export (2023 and later)")
{
    const ContactsRead read = read_data_file("google-contacts.csv");
    CHECK(read.dialect == "Google Contacts CSV");
    REQUIRE(read.contacts.size() == 6);

    const IncomingContact& zoe = read.contacts[0];
    CHECK(zoe.where == "line 2");
    CHECK(zoe.name == "Zoë Ångström");
    CHECK(zoe.company == "Nordljus AB");
    CHECK(zoe.email == "zoe@nordljus.se");
    CHECK(zoe.phone == "+46 70 123 45 67");
    CHECK(zoe.note ==
          "Met at FOSDEM 2024.\nPrefers email to calls.\n\"Call after 3pm\", she said.\n"
          "E-mail (Work): zoe.angstrom@gmail.com\nE-mail (Home): zoe@home.example");
    CHECK(zoe.tags == Tags{"customers", "starred"});
    CHECK(zoe.tz.empty());
    CHECK(zoe.every.empty());
    CHECK(zoe.interest.empty());

    const IncomingContact& lukasz = read.contacts[1];
    CHECK(lukasz.where == "line 7"); // Zoë's note and address span lines 2-6
    CHECK(lukasz.name == "Łukasz Żółć");
    CHECK(lukasz.company == "Fabryka Sp. z o.o.");
    CHECK(lukasz.phone == "+48 22 555 01 23");
    CHECK(lukasz.note == "Phone (Mobile): +48 601 234 567");
    CHECK(lukasz.tags == Tags{"partners"});

    const IncomingContact& ada = read.contacts[2];
    CHECK(ada.name == "Dr. Ada Augusta King PhD");
    CHECK(ada.email == "ada@analytical.example");
    CHECK(ada.phone == "+44 20 7946 0018");
    CHECK(ada.note.empty());
    CHECK(ada.tags == Tags{"vip-customers", "friends"});

    const IncomingContact& acme = read.contacts[3];
    CHECK(acme.name == "Acme Widgets, Inc."); // no person's name: the organization
    CHECK(acme.company == "Acme Widgets, Inc.");
    CHECK(acme.phone == "+1 555 0100");
    CHECK(acme.note == "Net 30.\nPhone (Work): +1 555 0199");
    CHECK(acme.tags == Tags{"suppliers"});

    CHECK(read.contacts[4].name == "someone@unknown.example"); // nothing but an address
    CHECK(read.contacts[4].email == "someone@unknown.example");
    CHECK(read.contacts[4].tags.empty());
    CHECK(read.contacts[5].name == "Bo"); // the nickname
    CHECK(read.contacts[5].where == "line 11");

    CHECK(read.notices == std::vector<std::string>{
                              "column \"Organization Title\" is not imported (1 value)",
                              "column \"Birthday\" is not imported (2 values)",
                              "column \"Photo\" is not imported (1 value)",
                              "column \"Address 1 - Label\" is not imported (1 value)",
                              "column \"Address 1 - Formatted\" is not imported (1 value)",
                              "column \"Address 1 - Street\" is not imported (1 value)",
                              "column \"Address 1 - City\" is not imported (1 value)",
                              "column \"Address 1 - Postal Code\" is not imported (1 value)",
                              "column \"Address 1 - Country\" is not imported (1 value)",
                              "column \"Website 1 - Label\" is not imported (1 value)",
                              "column \"Website 1 - Value\" is not imported (1 value)",
                          });
}

TEST_CASE("contacts CSV: Google Contacts' older export")
{
    const ContactsRead read = read_data_file("google-contacts-old.csv");
    CHECK(read.dialect == "Google Contacts CSV");
    REQUIRE(read.contacts.size() == 3);
    const IncomingContact& grace = read.contacts[0];
    CHECK(grace.where == "line 2");
    CHECK(grace.name == "Grace Hopper");
    CHECK(grace.company == "US Navy");
    CHECK(grace.email == "grace@navy.example");
    CHECK(grace.phone == "+1 202 555 0147");
    CHECK(grace.note == "Ask about the COBOL migration.\nE-mail (Home): grace.hopper@mail.example");
    CHECK(grace.tags == Tags{"clients", "starred"});
    const IncomingContact& soren = read.contacts[1];
    CHECK(soren.name == "Søren Kierkegaard");
    CHECK(soren.phone == "+45 20 12 34 56");
    CHECK(soren.note == "Phone (Home): +45 33 12 34 56");
    CHECK(soren.tags == Tags{"book-club"});
    CHECK(read.contacts[2].name == "Kontor GmbH");
    CHECK(read.contacts[2].email == "info@kontor.example");
    // "* " in Organization 1 - Type is Google's empty value, not worth a notice.
    CHECK(read.notices ==
          std::vector<std::string>{"column \"Organization 1 - Title\" is not imported (1 value)"});
}

TEST_CASE("contacts CSV: Outlook's export")
{
    const ContactsRead read = read_data_file("outlook-contacts.csv");
    CHECK(read.dialect == "Outlook CSV");
    REQUIRE(read.contacts.size() == 5);

    const IncomingContact& sam = read.contacts[0];
    CHECK(sam.where == "line 2");
    CHECK(sam.name == "Mr. Sam Okafor-Jones");
    CHECK(sam.company == "Brightwater Ltd");
    CHECK(sam.phone == "+44 7700 900123"); // mobile before business and home
    CHECK(sam.email == "sam.okafor@brightwater.example");
    CHECK(sam.note == "Budget approved in Q3.\nFollow up on the pilot.\n"
                      "Phone (Business): +44 161 496 0000\nPhone (Home): +44 161 496 0999\n"
                      "Phone (Business Fax): +44 161 496 0001\nE-mail: sam@okafor.example");
    CHECK(sam.tags == Tags{"customers", "key-account"});

    const IncomingContact& ingrid = read.contacts[1];
    CHECK(ingrid.where == "line 4");
    CHECK(ingrid.name == "Ingrid Bjørnsdóttir");
    CHECK(ingrid.phone == "+47 22 12 34 56"); // business before primary
    CHECK(ingrid.note == "Phone (Primary): +47 22 12 34 00");
    CHECK(ingrid.tags == Tags{"prospects"});

    const IncomingContact& northwind = read.contacts[2];
    CHECK(northwind.name == "Northwind Traders"); // the display name is only an address
    CHECK(northwind.phone == "+1 206 555 0100");
    CHECK(northwind.tags == Tags{"suppliers", "wholesale"});
    CHECK(northwind.note.empty());

    CHECK(read.contacts[3].name == "François Dupont");
    CHECK(read.contacts[3].phone == "+33 1 23 45 67 89");
    CHECK(read.contacts[3].note == "Says \"call me Frank\", prefers French.");
    CHECK(read.contacts[3].tags.empty());

    const IncomingContact& priya = read.contacts[4];
    CHECK(priya.email == "priya.raman@contoso.example"); // an Exchange path is not an address
    CHECK(priya.note == "E-mail (Exchange): /o=ExchangeLabs/ou=Exchange Administrative Group "
                        "(FYDIBOHF23SPDLT)/cn=Recipients/cn=priya");
    CHECK(priya.phone == "+91 98765 43210");

    // Outlook's "0/0/00", "Unspecified", "Normal" and "False" fill empty columns: not values.
    CHECK(read.notices == std::vector<std::string>{
                              "column \"Job Title\" is not imported (1 value)",
                              "column \"Business Street\" is not imported (1 value)",
                              "column \"Business City\" is not imported (1 value)",
                              "column \"Business Postal Code\" is not imported (1 value)",
                              "column \"Business Country/Region\" is not imported (1 value)",
                              "column \"Birthday\" is not imported (2 values)",
                          });
}

TEST_CASE("contacts CSV: every sample contact passes the checks `fu add` makes")
{
    for (const char* file : {"fu-contacts.csv", "google-contacts.csv", "google-contacts-old.csv",
                             "outlook-contacts.csv"}) {
        for (const auto& contact : read_data_file(file).contacts) {
            CAPTURE(file);
            CAPTURE(contact.where);
            ContactChanges changes;
            changes.name = contact.name;
            changes.company = contact.company;
            changes.phone = contact.phone;
            changes.email = contact.email;
            changes.note = contact.note;
            changes.tz = contact.tz;
            changes.every = contact.every;
            changes.interest = contact.interest;
            changes.add_tags = contact.tags;
            CHECK_NOTHROW(validate(changes));
        }
    }
}

TEST_CASE("contacts CSV: Outlook.com's header variants")
{
    const ContactsRead read =
        read_contacts_csv("First Name,Last Name,Nickname,Email Address,E-mail 2 Address,Home "
                          "Phone,Mobile Phone,Categories\n"
                          ",,Kim,kim@x.example,kim2@x.example,+1 555 0101,,Friends; Golf Club\n"
                          ",,,,,,,\n"
                          "Lee,,,,,,,\n",
                          "o.csv");
    CHECK(read.dialect == "Outlook CSV");
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].name == "Kim");
    CHECK(read.contacts[0].email == "kim@x.example");
    CHECK(read.contacts[0].phone == "+1 555 0101");
    CHECK(read.contacts[0].note == "E-mail: kim2@x.example");
    CHECK(read.contacts[0].tags == Tags{"friends", "golf-club"});
    CHECK(read.contacts[1].name == "Lee");
    CHECK(read.contacts[1].where == "line 4");
    const ContactsRead plain =
        read_contacts_csv("Name,E-mail Address\nAda King,ada@x.example\n", "p.csv");
    CHECK(plain.dialect == "Outlook CSV");
    CHECK(plain.contacts[0].name == "Ada King");
    CHECK(plain.notices.empty());
}

TEST_CASE("contacts CSV: Google labels become tags fu accepts")
{
    const ContactsRead read =
        read_contacts_csv("Name,Labels\n"
                          "Ada,\"* myContacts ::: * starred ::: Key  Accounts, EMEA ::: Ünïcode "
                          "Straße ::: * Other Contacts\"\n",
                          "g.csv");
    CHECK(read.contacts[0].tags == Tags{"starred", "key-accounts-emea", "ünïcode-straße"});
}

TEST_CASE("contacts CSV: unknown columns are reported once, with how many values they hold")
{
    const ContactsRead read = read_contacts_csv(
        "name,Birthday,Spouse,,email\nAda,1815-12-10,,x,\nBo,1900-01-01,,,\n", "f.csv");
    CHECK(read.notices == std::vector<std::string>{"column \"Birthday\" is not imported (2 values)",
                                                   "column 4 (no name) is not imported (1 value)"});
}

TEST_CASE("contacts CSV: malformed files are refused with the line")
{
    SUBCASE("a quoted field never closed: the line it opens on")
    {
        CHECK(refusal("name,note\r\nAda,ok\r\nBo,\"never closed\r\nstill open\r\n") ==
              "in.csv:3: a quoted field that opens on this line is never closed");
    }
    SUBCASE("a quote inside an unquoted field")
    {
        CHECK(refusal("name,note\nAda,\"two\nlines\"\nBo,say \"hi\"\n") ==
              "in.csv:4: a quote inside a field that does not start with one");
    }
    SUBCASE("text after a closing quote")
    {
        CHECK(refusal("name\n\"Ada\" Lovelace\n") ==
              "in.csv:2: text after the closing quote of a field");
    }
    SUBCASE("more fields than the header")
    {
        CHECK(refusal("name,email\nAda,\"a\nb\",c\n") ==
              "in.csv:2: 3 fields, but the header has 2");
        CHECK(refusal("name,email\n\nAda,a@x.example\nBo,b@x.example,extra\n") ==
              "in.csv:4: 3 fields, but the header has 2");
    }
    SUBCASE("text that is not UTF-8")
    {
        CHECK(refusal("name\nAda\nBj\xf6rn\n") == "in.csv:3: the text is not valid UTF-8");
        CHECK(refusal("name,note\nAda,\"ok\nstill \xc3(\"\n") ==
              "in.csv:3: the text is not valid UTF-8");
    }
    SUBCASE("a header fu cannot map")
    {
        const std::string message = refusal("\nfoo,bar\n1,2\n");
        CHECK(message.starts_with("in.csv:2: the header row (foo,bar) has no name column"));
        CHECK(message.find("name,company,phone,email,tags,interest,every,tz,note") !=
              std::string::npos);
        CHECK(refusal("company,email\nAcme,a@x.example\n").starts_with("in.csv:1: the header row"));
    }
    SUBCASE("a contact without a name")
    {
        CHECK(refusal("name,company\nAda,\n,Acme\n") == "in.csv:3: a contact without a name");
        CHECK(refusal("First Name,Last Name,Birthday\nAda,King,\n,,1900-01-01\n") ==
              "in.csv:3: a contact without a name");
    }
    SUBCASE("an empty file")
    {
        CHECK(refusal("") == "in.csv: the file is empty (it needs a header row)");
        CHECK(refusal("\xEF\xBB\xBF\r\n\r\n") ==
              "in.csv: the file is empty (it needs a header row)");
    }
}

TEST_CASE("CSV records: RFC 4180 syntax")
{
    const auto records =
        csv::read_records("a,\"b,c\",\"d\"\"e\"\r\n\r\n\"multi\r\nline\",\n,\n\"\"", "r.csv");
    REQUIRE(records.size() == 4);
    CHECK(records[0].line == 1);
    CHECK(records[0].fields == std::vector<std::string>{"a", "b,c", "d\"e"});
    CHECK(records[1].line == 3);
    CHECK(records[1].fields == std::vector<std::string>{"multi\r\nline", ""});
    CHECK(records[2].line == 5);
    CHECK(records[2].fields == std::vector<std::string>{"", ""});
    CHECK(records[3].line == 6);
    CHECK(records[3].fields == std::vector<std::string>{""});
    CHECK(csv::read_records("x,\r", "r.csv").front().fields == std::vector<std::string>{"x", "\r"});
}
