// vCard: recognising, reading real exports (Apple, Google, Android 2.1, 4.0 servers), the errors
// with their lines, the writer's exact output, round trips, and python3-vobject reading our cards.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "fu/vcard.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::data_file;

namespace {

std::string read_error(std::string_view text)
{
    try {
        read_vcards(text, "in.vcf");
    } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
        return e.what();
    }
    return "(no error)";
}

std::string written(const Contact& c, VcardVersion version)
{
    std::ostringstream out;
    write_vcard(out, c, version);
    return out.str();
}

std::string card(std::string_view body)
{
    return "BEGIN:VCARD\r\nVERSION:3.0\r\n" + std::string(body) + "END:VCARD\r\n";
}

Contact tricky_contact()
{
    Contact c;
    c.id = 42;
    c.created_at = test::at("2026-05-01T08:00:00Z");
    c.name = "Maria-Ångström Øyvind Łukasz Żółć-Brzęczyszczykiewicz de la Fuente y Ñúñez Østergård";
    c.company = "Smith, Jones; Partners \\ Co.";
    c.phone = "+44 20 7946 0958 x12";
    c.email = "maria.zolc@example.co.uk";
    c.note = "First line, with a comma; a semicolon\nC:\\path\\to\\file\n\nafter a blank line: "
             "ünïcödé — ✓ 渡辺健二 and a long tail that must be folded more than once because it "
             "goes on well past seventy-five octets";
    c.tz = "Europe/London";
    c.tags = {"vip", "Trade-Fair-2024", "ünï"};
    c.every = "2-3 weeks";
    c.interest = "hot";
    return c;
}

} // namespace

TEST_CASE("vcard: looks_like_vcard finds BEGIN:VCARD on the first non-blank line")
{
    CHECK(looks_like_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    CHECK(looks_like_vcard("\xEF\xBB\xBF"
                           "begin:vcard\n"));
    CHECK(looks_like_vcard("\r\n  \n\tBegin:VCard  \r\n"));
    CHECK_FALSE(looks_like_vcard(""));
    CHECK_FALSE(looks_like_vcard("Name,E-mail Address\r\nBEGIN:VCARD\r\n"));
    CHECK_FALSE(looks_like_vcard("BEGIN:VCALENDAR\r\n"));
}

TEST_CASE("vcard: an Apple and Google vCard 3.0 export")
{
    const ContactsRead read = read_vcards(data_file("cards-3.0.vcf"), "cards-3.0.vcf");
    CHECK(read.dialect == "vCard 3.0");
    REQUIRE(read.contacts.size() == 5);

    const IncomingContact& zoe = read.contacts[0];
    CHECK(zoe.where == "card 1 (line 1)");
    CHECK(zoe.name == "Zoë Ångström"); // folded in the middle of "ö"
    CHECK(zoe.company == "Nordlys Design AB");
    CHECK(zoe.phone == "+46 70 123 45 67"); // TYPE=pref over the first
    CHECK(zoe.email == "zoe@nordlys.se");
    CHECK(zoe.tags == std::vector<std::string>{"design", "trade-fair-2024"});
    CHECK(zoe.note == "Met at Formex 2024 (stand C:14).\nPrefers calls after 10:00, never before. "
                      "Asked for the Ångström–Öberg sample book; send it with the quote.\n"
                      "Phone (work): +46 8 555 012 34\n"
                      "E-mail (home): zoe.angstrom@gmail.com");
    CHECK(zoe.tz.empty());

    const IncomingContact& lukasz = read.contacts[1];
    CHECK(lukasz.name == "Łukasz Żółć");
    CHECK(lukasz.company == "Kowalski Budownictwo Sp. z o.o.");
    CHECK(lukasz.phone == "+48 601 234 567"); // no pref: the mobile
    CHECK(lukasz.email == "lukasz.zolc@example.pl");
    CHECK(lukasz.tags == std::vector<std::string>{"klienci-vip"});
    CHECK(lukasz.note == "Decyzja po 15 września — zadzwonić do biura, nie na komórkę. Żona: "
                         "Małgorzata.\n"
                         "Phone (work): +48 22 628 01 02\n"
                         "Phone (Reception): +48 22 555 01 99\n"
                         "E-mail (work): l.zolc@kowalski-budownictwo.pl");

    const IncomingContact& acme = read.contacts[2];
    CHECK(acme.name == "Acme Plumbing, Inc.");
    CHECK(acme.company == "Acme Plumbing, Inc.");
    CHECK(acme.phone == "+1 (555) 010-2000");
    CHECK(acme.note.empty());

    const IncomingContact& siobhan = read.contacts[3];
    CHECK(siobhan.where == "card 4 (line 66)");
    CHECK(siobhan.name == "Dr. Siobhán Marie O'Brien PhD"); // no FN: N assembled
    CHECK(siobhan.email == "siobhan.obrien@example.ie");
    CHECK(siobhan.note == "E-mail (other): s.obrien@tcd.example.ie");
    CHECK(siobhan.tz.empty()); // a UTC offset

    const IncomingContact& marcus = read.contacts[4];
    CHECK(marcus.name == "Marcus Webb");
    CHECK(marcus.company == "Webb & Sons Hardware");
    CHECK(marcus.phone == "(312) 555-0147");
    CHECK(marcus.tz == "America/Chicago");

    CHECK(read.notices == std::vector<std::string>{
                              "property TITLE is not imported (2 cards)",
                              "property ADR is not imported (2 cards)",
                              "property BDAY is not imported (3 cards)",
                              "property PHOTO is not imported (1 card)",
                              "property URL is not imported (2 cards)",
                              "property TZ (a UTC offset, not a zone) is not imported (1 card)",
                          });
}

TEST_CASE("vcard: an Android / Outlook vCard 2.1 export: quoted-printable, ISO-8859-1")
{
    const ContactsRead read = read_vcards(data_file("cards-2.1.vcf"), "cards-2.1.vcf");
    CHECK(read.dialect == "vCard 2.1");
    REQUIRE(read.contacts.size() == 2);
    const IncomingContact& juergen = read.contacts[0];
    CHECK(juergen.name == "Jürgen Müller");
    CHECK(juergen.phone == "+49 171 2345678");
    CHECK(juergen.email == "juergen.mueller@example.de");
    // Soft line breaks, one inside "ö"; the =0D=0A line break as a newline.
    CHECK(juergen.note == "Erstkontakt auf der Messe in Köln.\n"
                          "Rückruf nach Ostern, Termin mit Frau Schäfer.\n"
                          "Phone (work): +49 30 1234567\n"
                          "Phone (fax): +49 30 1234568");
    const IncomingContact& francoise = read.contacts[1];
    CHECK(francoise.where == "card 2 (line 15)");
    CHECK(francoise.name == "Françoise Lefèvre");
    CHECK(francoise.company == "Café de la Gare");
    CHECK(francoise.email == "f.lefevre@example.fr");
    CHECK(read.notices ==
          std::vector<std::string>{"property X-ANDROID-CUSTOM is not imported (1 card)"});
}

TEST_CASE("vcard: a vCard 4.0 file: tel: URIs, PREF=1, quoted TYPE lists, TZ, fu's own fields")
{
    const ContactsRead read = read_vcards(data_file("cards-4.0.vcf"), "cards-4.0.vcf");
    CHECK(read.dialect == "vCard 4.0");
    REQUIRE(read.contacts.size() == 3);
    const IncomingContact& ana = read.contacts[0];
    CHECK(ana.name == "Ana María Núñez");
    CHECK(ana.company == "Estudio Núñez");
    CHECK(ana.phone == "+34-600-123-456");
    CHECK(ana.email == "ana.nunez@example.com");
    CHECK(ana.tz == "Europe/Madrid");
    CHECK(ana.tags == std::vector<std::string>{"clients", "architecture"});
    CHECK(ana.note == "Wants the proposal in Spanish; budget approved in Q3.\nCall mornings.\n"
                      "Phone (work): +34-91-555-0123 x204\n"
                      "E-mail (work): ana@estudionunez.es");
    const IncomingContact& kenji = read.contacts[1];
    CHECK(kenji.where == "card 2 (line 20)");
    CHECK(kenji.name == "Kenji Watanabe (渡辺健二)");
    CHECK(kenji.phone == "+81 90-1234-5678");
    CHECK(kenji.tz.empty());
    CHECK(kenji.every == "2-3 weeks");
    CHECK(kenji.interest == "warm");
    CHECK(read.contacts[2].name == "Nordwind GmbH");
    CHECK(read.contacts[2].email == "info@nordwind.example");
    CHECK(read.notices == std::vector<std::string>{
                              "property BDAY is not imported (1 card)",
                              "property ANNIVERSARY is not imported (1 card)",
                              "property TZ (a UTC offset, not a zone) is not imported (1 card)",
                              "property NICKNAME is not imported (1 card)",
                              "property GEO is not imported (1 card)",
                              "property LOGO is not imported (1 card)",
                          });
}

TEST_CASE("vcard: line endings, BOM, folding, parameters and escapes")
{
    SUBCASE("LF and CRLF, with a BOM, read alike")
    {
        const std::string crlf = card("FN:Ann Lee\r\nEMAIL:ann@example.com\r\n");
        std::string lf = crlf;
        std::erase(lf, '\r');
        const auto a = read_vcards("\xEF\xBB\xBF" + crlf, "a.vcf");
        const auto b = read_vcards(lf, "b.vcf");
        CHECK(a.contacts[0].name == "Ann Lee");
        CHECK(b.contacts[0].name == "Ann Lee");
        CHECK(b.contacts[0].email == "ann@example.com");
    }
    SUBCASE("a fold is CRLF and one space or TAB, removed")
    {
        const auto r = read_vcards(card("FN:Ann\r\n  Lee\r\nNOTE:one\r\n\t two\r\n"), "in.vcf");
        CHECK(r.contacts[0].name == "Ann Lee");
        CHECK(r.contacts[0].note == "one two");
    }
    SUBCASE("quoted parameter values may hold ':' ';' and ','; a group is not the name")
    {
        const auto r = read_vcards(card("FN:Ann\r\nitem7.TEL;X-LABEL=\"a:b;c,d\";TYPE=WORK,PREF:"
                                        "555 0100\r\ntel;type=HOME:555 0199\r\n"),
                                   "in.vcf");
        CHECK(r.contacts[0].phone == "555 0100");
        CHECK(r.contacts[0].note == "Phone (home): 555 0199");
    }
    SUBCASE("escapes in text; unknown escapes kept; N's comma lists")
    {
        const auto r = read_vcards(card("N:Doe;John,Paul;;Dr.\\, Prof.;\r\n"
                                        "NOTE:a\\\\b\\,c\\;d\\ne\\Nf\\tg\r\n"),
                                   "in.vcf");
        CHECK(r.contacts[0].name == "Dr., Prof. John Paul Doe");
        CHECK(r.contacts[0].note == "a\\b,c;d\ne\nf\\tg");
    }
    SUBCASE("another program's categories are labels (lower case, no everyone-group); fu's own cards keep "
            "their tags as they are")
    {
        const auto other = read_vcards(card("FN:A\r\nCATEGORIES:VIP,* myContacts,Key Account\r\n"), "in.vcf");
        CHECK(other.contacts[0].tags == std::vector<std::string>{"vip", "key-account"});
        Contact c;
        c.id = 1;
        c.name = "A";
        c.tags = {"VIP", "myContacts"};
        std::ostringstream out;
        write_vcard(out, c, VcardVersion::v4_0);
        const auto ours = read_vcards(out.str(), "fu.vcf");
        CHECK(ours.contacts[0].tags == std::vector<std::string>{"VIP", "myContacts"});
    }
    SUBCASE("several CATEGORIES lines make one tag list, without repeats")
    {
        const auto r = read_vcards(
            card("FN:A\r\nCATEGORIES:Golf Club, vip\r\nCATEGORIES:vip,x\r\n"), "in.vcf");
        CHECK(r.contacts[0].tags == std::vector<std::string>{"golf-club", "vip", "x"});
    }
    SUBCASE("without FN or N: ORG, then EMAIL, is the name")
    {
        const auto r =
            read_vcards(card("ORG:Acme;Sales\r\n") + card("EMAIL:x@example.com\r\n"), "in.vcf");
        CHECK(r.contacts[0].name == "Acme");
        CHECK(r.contacts[1].name == "x@example.com");
    }
    SUBCASE("cards of different versions")
    {
        const std::string v4 = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\nEND:VCARD\r\n";
        CHECK(read_vcards(card("FN:A\r\n") + v4, "in.vcf").dialect == "vCard");
    }
}

TEST_CASE("vcard: errors name the file and the line")
{
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"", "in.vcf: no vCard in the file"},
        {"\r\n\r\n", "in.vcf: no vCard in the file"},
        {"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n", "in.vcf:1: card 1 has no END:VCARD"},
        {"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nBEGIN:VCARD\r\n",
         "in.vcf:6: BEGIN:VCARD inside card 2 (begun on line 4): END:VCARD is missing"},
        {"\r\nFN:A\r\n", "in.vcf:2: \"FN:A\" is outside a card (BEGIN:VCARD … END:VCARD)"},
        {"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nEND:VCARD\r\n",
         "in.vcf:4: \"END:VCARD\" is outside a card (BEGIN:VCARD … END:VCARD)"},
        {"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNo colon here\r\nEND:VCARD\r\n",
         "in.vcf:4: \"No colon here\" is not a property (no ':')"},
        {"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xE9\r\nEND:VCARD\r\n",
         "in.vcf:3: FN: the value is not UTF-8 text"},
        {"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Ren=E9\r\nEND:VCARD\r\n",
         "in.vcf:3: FN: the value is not UTF-8 text"},
        {"BEGIN:VCARD\r\nFN;CHARSET=SHIFT_JIS:x\r\nEND:VCARD\r\n",
         "in.vcf:2: FN: charset SHIFT_JIS is not supported (UTF-8 or ISO-8859-1)"},
        {"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nTEL:555 0100\r\n"
         "END:VCARD\r\n",
         "in.vcf:5: card 2 has no name (no FN, N, ORG or EMAIL)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(read_error(c.text) == c.message);
    }
}

TEST_CASE("vcard: the writer's exact cards")
{
    Contact c;
    c.id = 7;
    c.created_at = test::at("2026-01-02T03:04:05Z");
    c.name = "Ann Marie Lee";
    c.company = "Lee, Lee & Co";
    c.phone = "+1 555 0100";
    c.email = "ann@example.com";
    c.note = "line one\nline two; ok";
    c.tags = {"vip", "golf"};
    c.tz = "America/New_York";
    c.every = "2 weeks";
    c.interest = "warm";
    const std::string uid = vcard_uid(c);
    CHECK(written(c, VcardVersion::v3_0) == "BEGIN:VCARD\r\n"
                                            "VERSION:3.0\r\n"
                                            "PRODID:-//fu//fu//EN\r\n"
                                            "UID:" +
                                                uid +
                                                "\r\n"
                                                "FN:Ann Marie Lee\r\n"
                                                "N:Lee;Ann Marie;;;\r\n"
                                                "ORG:Lee\\, Lee & Co\r\n"
                                                "TEL;TYPE=VOICE:+1 555 0100\r\n"
                                                "EMAIL;TYPE=INTERNET:ann@example.com\r\n"
                                                "NOTE:line one\\nline two\\; ok\r\n"
                                                "CATEGORIES:vip,golf\r\n"
                                                "TZ;VALUE=text:America/New_York\r\n"
                                                "X-FU-EVERY:2 weeks\r\n"
                                                "X-FU-INTEREST:warm\r\n"
                                                "END:VCARD\r\n");
    Contact bare;
    bare.name = "Cher";
    CHECK(written(bare, VcardVersion::v4_0) == "BEGIN:VCARD\r\n"
                                               "VERSION:4.0\r\n"
                                               "PRODID:-//fu//fu//EN\r\n"
                                               "UID:" +
                                                   vcard_uid(bare) +
                                                   "\r\n"
                                                   "FN:Cher\r\n"
                                                   "N:;Cher;;;\r\n"
                                                   "END:VCARD\r\n");
}

TEST_CASE("vcard: UIDs are version-8 UUIDs, stable per contact and different between contacts")
{
    Contact a;
    a.id = 1;
    a.created_at = test::at("2026-01-01T00:00:00Z");
    Contact b = a;
    b.name = "changed";
    Contact other = a;
    other.id = 2;
    const std::string uid = vcard_uid(a);
    CHECK(uid == vcard_uid(b));
    CHECK(uid != vcard_uid(other));
    REQUIRE(uid.size() == 45);
    CHECK(uid.starts_with("urn:uuid:"));
    CHECK(uid[9 + 14] == '8');                                                   // version
    CHECK(std::string_view("89ab").find(uid[9 + 19]) != std::string_view::npos); // variant
    CHECK(written(tricky_contact(), VcardVersion::v4_0) ==
          written(tricky_contact(), VcardVersion::v4_0));
}

TEST_CASE("vcard: long lines fold at 75 octets, never inside a character")
{
    for (const auto version : {VcardVersion::v3_0, VcardVersion::v4_0}) {
        const std::string text = written(tricky_contact(), version);
        std::size_t folds = 0;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t eol = text.find("\r\n", pos);
            REQUIRE(eol != std::string::npos);
            const std::string_view line = std::string_view(text).substr(pos, eol - pos);
            CHECK(line.size() <= 75);
            CHECK(is_valid_utf8(line));
            folds += line.starts_with(' ') ? 1 : 0;
            pos = eol + 2;
        }
        CHECK(folds >= 4);
    }
}

TEST_CASE("vcard: control characters planted in a contact never reach the file")
{
    Contact c;
    c.id = 7;
    c.name = "Eve \x1b[2JMallory";
    c.company = "Evil \xc2\x9b" "6n Corp";     // U+009B, a C1 control
    c.note = "line one\r\nline two\rthree\x07\x7f"; // CR LF, a lone CR, BEL, DEL
    for (const auto version : {VcardVersion::v3_0, VcardVersion::v4_0}) {
        const std::string text = written(c, version);
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            const bool line_end = byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
            if (byte < 0x20 && byte != '\n' && !line_end) {
                FAIL_CHECK("control byte ", int(byte), " at ", i);
            }
            CHECK(byte != 0x7f);
        }
        CHECK(text.find("\xc2\x9b") == std::string::npos);
        CHECK(text.find("FN:Eve  [2JMallory\r\n") != std::string::npos);
        CHECK(text.find("NOTE:line one\\nline two\\nthree  \r\n") != std::string::npos);
    }
}

TEST_CASE("vcard: what the writer writes, the reader reads back unchanged")
{
    Contact plain;
    plain.name = "Zoë";
    plain.email = "zoe@example.se";
    for (const auto version : {VcardVersion::v3_0, VcardVersion::v4_0}) {
        for (const Contact& c : {tricky_contact(), plain}) {
            CAPTURE(c.name);
            const ContactsRead read = read_vcards(written(c, version), "out.vcf");
            CHECK(read.dialect == (version == VcardVersion::v3_0 ? "vCard 3.0" : "vCard 4.0"));
            CHECK(read.notices.empty());
            REQUIRE(read.contacts.size() == 1);
            const IncomingContact& r = read.contacts[0];
            CHECK(r.name == c.name);
            CHECK(r.company == c.company);
            CHECK(r.phone == c.phone);
            CHECK(r.email == c.email);
            CHECK(r.note == c.note);
            CHECK(r.tz == c.tz);
            CHECK(r.tags == c.tags);
            CHECK(r.every == c.every);
            CHECK(r.interest == c.interest);
        }
    }
}

TEST_CASE("vcard: python3-vobject, an independent parser, reads our cards")
{
    // Debian's python3-vobject is installed for /usr/bin/python3 (.ci/install-deps).
    const std::string python =
        std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const test::TempDir dir;
    {
        std::ofstream script(dir.path / "check.py");
        script << "import sys, vobject\n"
                  "def show(v):\n"
                  "    return v.replace('\\\\', '\\\\\\\\').replace('\\n', '\\\\n')\n"
                  "text = open(sys.argv[1], encoding='utf-8', newline='').read()\n"
                  "for card in vobject.readComponents(text):\n"
                  "    for name in ('fn', 'email', 'tel', 'note', 'org'):\n"
                  "        value = card.contents[name][0].value\n"
                  "        if isinstance(value, list):\n"
                  "            value = ';'.join(value)\n"
                  "        print(name.upper() + '=' + show(value))\n"
                  "    print('CATEGORIES=' + '|'.join(card.categories.value))\n";
    }
    const auto show = [](std::string_view v) {
        std::string out;
        for (const char ch : v) {
            out += ch == '\\' ? "\\\\" : ch == '\n' ? "\\n" : std::string(1, ch);
        }
        return out;
    };
    const Contact c = tricky_contact();
    const std::string expected = "FN=" + show(c.name) + "\nEMAIL=" + show(c.email) +
                                 "\nTEL=" + show(c.phone) + "\nNOTE=" + show(c.note) +
                                 "\nORG=" + show(c.company) +
                                 "\nCATEGORIES=vip|Trade-Fair-2024|ünï\n";
    for (const auto version : {VcardVersion::v3_0, VcardVersion::v4_0}) {
        CAPTURE(version == VcardVersion::v3_0 ? "3.0" : "4.0");
        const auto vcf = dir.path / "out.vcf";
        const auto result = dir.path / "parsed.txt";
        {
            std::ofstream out(vcf, std::ios::binary);
            write_vcard(out, c, version);
        }
        const std::string command = python + " " + (dir.path / "check.py").string() + " " +
                                    vcf.string() + " >" + result.string() + " 2>&1";
        const int status = std::system(command.c_str());
        std::ifstream in(result);
        std::ostringstream parsed;
        parsed << in.rdbuf();
        CAPTURE(parsed.str());
        REQUIRE(status == 0);
        CHECK(parsed.str() == expected);
    }
}
