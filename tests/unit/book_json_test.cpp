// The JSON book (fu/book_json.hpp): the writer's shape, writer -> reader round trips of every
// field, and the reader's refusals, each naming the file and the record.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sstream>
#include <string>

#include "book_test_support.hpp"
#include "fu/book_json.hpp"
#include "fu/error.hpp"
#include "test_support.hpp"

using namespace fu;
using fu::test::at;
using fu::test::describe;

namespace {

std::string write_book(const Book& book)
{
    std::ostringstream out;
    BookJsonWriter writer(out);
    for (const Contact& c : book.contacts) {
        writer.add(c);
    }
    for (const Plan& p : book.plans) {
        writer.add(p);
    }
    for (const Promise& p : book.promises) {
        writer.add(p);
    }
    for (const Interaction& i : book.interactions) {
        writer.add(i);
    }
    writer.finish();
    return out.str();
}

// The message of the fu::Error reading `text` throws (status 2), or "(read)".
std::string refusal(const std::string& text)
{
    try {
        read_book_json(text, "book.json");
    } catch (const Error& e) {
        CHECK(e.status() == 2);
        return e.what();
    }
    return "(read)";
}

// A book in which every field of every record is set, every status, keep choice and channel
// appears, and texts hold quotes, backslashes, newlines and non-ASCII letters.
Book full_book()
{
    Book book;
    Contact zoe;
    zoe.id = 3;
    zoe.name = "Zoë \"Zed\" O'Brien";
    zoe.company = "Ærø & Søn, \\ Ltd";
    zoe.phone = "+45 12 34 56 78";
    zoe.email = "zoe@example.dk";
    zoe.note = "first line\nsecond line\twith a tab — and “quotes”";
    zoe.tz = "Europe/Copenhagen";
    zoe.tags = {"vip", "lead", "日本"};
    zoe.created_at = at("2026-01-02T03:04:05Z");
    zoe.archived_at = at("2026-05-01T00:00:00Z");
    zoe.closed_at = at("2026-04-01T12:00:00Z");
    zoe.reopened_at = at("2026-04-15T08:30:00Z");
    zoe.every = "2-3 weeks";
    zoe.interest = "hot";
    book.contacts.push_back(zoe);
    Contact bo;
    bo.id = 7;
    bo.name = "Bo";
    bo.created_at = at("2026-01-03T00:00:00Z");
    bo.interest = "cold";
    book.contacts.push_back(bo);
    Contact wu;
    wu.id = 8;
    wu.name = "Wu";
    wu.created_at = at("2026-01-04T00:00:00Z");
    wu.interest = "warm";
    book.contacts.push_back(wu);

    Plan plan;
    plan.id = 2;
    plan.contact_id = 3;
    plan.playbook = "post-sale";
    plan.steps = {{"thank \"you\"", "2-3 days after", "email"},
                  {"", "2 weeks after", "call"},
                  {"visit", "1 month after", "visit"},
                  {"text", "6 weeks after", "text"}};
    plan.started_at = at("2026-02-01T10:00:00Z");
    plan.from = at("2026-01-31T09:00:00Z");
    plan.ended_at = at("2026-03-01T10:00:00Z");
    plan.end_reason = "not-interested";
    book.plans.push_back(plan);
    Plan running = plan;
    running.id = 5;
    running.contact_id = 7;
    running.steps = {{"", "tomorrow", "call"}};
    running.ended_at.reset();
    running.end_reason.clear();
    book.plans.push_back(running);

    const PromiseStatus statuses[] = {PromiseStatus::open,   PromiseStatus::kept,
                                      PromiseStatus::late,   PromiseStatus::renegotiated,
                                      PromiseStatus::broken, PromiseStatus::cancelled};
    Id id = 10;
    for (const PromiseStatus status : statuses) {
        Promise p;
        p.id = id++;
        p.contact_id = 3;
        p.made_at = at("2026-02-01T10:00:00Z");
        p.earliest = at("2026-02-03T09:00:00Z");
        p.latest = at("2026-02-03T17:00:00Z");
        p.text = "tuesday \"morning\"\nplease";
        p.zone = "America/New_York";
        p.about = "démo";
        p.agreed = status == PromiseStatus::kept;
        p.via = promise_channels()[static_cast<std::size_t>(p.id) % promise_channels().size()];
        p.status = status;
        if (status != PromiseStatus::open) {
            p.resolved_at = at("2026-02-03T12:00:00Z");
            p.reason = "because";
        }
        book.promises.push_back(p);
    }
    book.promises[3].replaced_by = 14; // renegotiated -> the broken one
    book.promises[4].rescheduled_from = 13;
    book.promises[0].made_with = 21;
    book.promises[0].plan_id = 2;
    book.promises[0].plan_step = 2;

    Interaction call;
    call.id = 20;
    call.contact_id = 3;
    call.at = at("2026-02-03T10:00:00Z");
    call.kind = "call";
    call.outcome = "reached";
    call.note = "said \"yes\"\nthen hung up";
    call.promise_id = 11;
    book.interactions.push_back(call);
    Interaction chosen;
    chosen.id = 21;
    chosen.contact_id = 3;
    chosen.at = at("2026-02-03T11:00:00Z");
    chosen.kind = "email";
    chosen.outcome = "replied";
    chosen.inbound = true;
    chosen.keeps = KeepChoice::chosen;
    chosen.chosen_promise = 12;
    chosen.promise_id = 12;
    book.interactions.push_back(chosen);
    Interaction aside;
    aside.id = 22;
    aside.contact_id = 7;
    aside.at = at("2026-02-04T11:00:00Z");
    aside.kind = "note";
    aside.keeps = KeepChoice::aside;
    book.interactions.push_back(aside);
    Interaction reminder;
    reminder.id = 23;
    reminder.contact_id = 3;
    reminder.at = at("2026-02-02T11:00:00Z");
    reminder.kind = "reminder";
    reminder.outcome = "sent";
    reminder.reminds = 10;
    book.interactions.push_back(reminder);
    return book;
}

const char* const k_contact = R"({"id":1,"name":"Ada","created":"2026-06-01T14:00:00Z"})";
const char* const k_plan =
    R"({"id":2,"contact":1,"playbook":"post-sale","started":"2026-06-01T14:00:00Z","from":"2026-06-01T14:00:00Z","steps":[{"when":"2 days after"}]})";
const char* const k_promise =
    R"({"id":3,"contact":1,"made":"2026-06-01T14:00:00Z","earliest":"2026-12-02T14:00:00Z","latest":"2026-12-02T22:00:00Z","text":"2 dec","zone":"UTC"})";
const char* const k_interaction =
    R"({"id":4,"contact":1,"at":"2026-06-02T14:00:00Z","kind":"call"})";

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto found = text.find(from);
    REQUIRE(found != std::string::npos);
    return text.replace(found, from.size(), to);
}

// A document with one record of each kind, the one of `section` replaced by `record`.
std::string document(const std::string& section = "", const std::string& record = "")
{
    const auto pick = [&](const char* name, const char* standard) {
        return section == name ? record : std::string(standard);
    };
    return R"({"format":"fu","format_version":1,"contacts":[)" + pick("contacts", k_contact) +
           R"(],"plans":[)" + pick("plans", k_plan) + R"(],"promises":[)" +
           pick("promises", k_promise) + R"(],"interactions":[)" +
           pick("interactions", k_interaction) + "]}";
}

} // namespace

TEST_CASE("book json: the writer's shape")
{
    SUBCASE("an empty book has every section, empty, in order")
    {
        CHECK(write_book(Book{}) == "{\"format\": \"fu\", \"format_version\": 1,\n"
                                    "\"contacts\": [],\n"
                                    "\"plans\": [],\n"
                                    "\"promises\": [],\n"
                                    "\"interactions\": []\n"
                                    "}\n");
    }
    SUBCASE("one record per line, empty fields as null, times in UTC")
    {
        Book book;
        Contact bo;
        bo.id = 2;
        bo.name = "Bo";
        bo.created_at = at("2026-06-01T14:00:00Z");
        book.contacts.push_back(bo);
        bo.id = 3;
        bo.name = "Cy";
        book.contacts.push_back(bo);
        Interaction note;
        note.id = 5;
        note.contact_id = 2;
        note.at = at("2026-06-02T09:30:00Z");
        note.kind = "note";
        book.interactions.push_back(note);
        CHECK(
            write_book(book) ==
            "{\"format\": \"fu\", \"format_version\": 1,\n"
            "\"contacts\": [\n"
            R"(  {"id":2,"name":"Bo","company":null,"phone":null,"email":null,"tz":null,"tags":[],"note":null,)"
            R"("every":null,"interest":null,"created":"2026-06-01T14:00:00Z","archived":null,"closed":null,)"
            R"("reopened":null},)"
            "\n"
            R"(  {"id":3,"name":"Cy","company":null,"phone":null,"email":null,"tz":null,"tags":[],"note":null,)"
            R"("every":null,"interest":null,"created":"2026-06-01T14:00:00Z","archived":null,"closed":null,)"
            R"("reopened":null})"
            "\n],\n"
            "\"plans\": [],\n"
            "\"promises\": [],\n"
            "\"interactions\": [\n"
            R"(  {"id":5,"contact":2,"at":"2026-06-02T09:30:00Z","kind":"note","outcome":null,"note":null,)"
            R"("inbound":false,"keeps":"auto","promise":null,"chosen_promise":null,"reminds":null})"
            "\n]\n}\n");
    }
    SUBCASE("a promise and a plan: every field, in a fixed order, newlines escaped")
    {
        const Book book = full_book();
        const std::string text = write_book(book);
        CHECK(
            text.find(
                R"(  {"id":2,"contact":3,"playbook":"post-sale","steps":[{"about":"thank \"you\"",)"
                R"("when":"2-3 days after","via":"email"},{"about":null,"when":"2 weeks after","via":"call"},)") !=
            std::string::npos);
        CHECK(text.find(R"("started":"2026-02-01T10:00:00Z","from":"2026-01-31T09:00:00Z",)"
                        R"("ended":"2026-03-01T10:00:00Z","end_reason":"not-interested"})") !=
              std::string::npos);
        CHECK(
            text.find(
                R"(  {"id":10,"contact":3,"made":"2026-02-01T10:00:00Z","earliest":"2026-02-03T09:00:00Z",)"
                R"("latest":"2026-02-03T17:00:00Z","text":"tuesday \"morning\"\nplease",)"
                R"("zone":"America/New_York","about":"démo","agreed":false,"via":"text","status":"open",)"
                R"("resolved":null,"reason":null,"rescheduled_from":null,"replaced_by":null,"made_with":21,)"
                R"("plan":2,"plan_step":2})") != std::string::npos);
        // One record per line: the sections' lines and the records' lines, nothing else.
        std::size_t lines = 0;
        for (const char c : text) {
            lines += c == '\n' ? 1 : 0;
        }
        const std::size_t records = book.contacts.size() + book.plans.size() +
                                    book.promises.size() + book.interactions.size();
        CHECK(lines == 2 + 4 * 2 + records); // the header, each section's [ and ], the closing }
        // The sections come in order.
        const auto contacts = text.find("\"contacts\": [");
        const auto plans = text.find("\"plans\": [");
        const auto promises = text.find("\"promises\": [");
        const auto interactions = text.find("\"interactions\": [");
        CHECK(contacts < plans);
        CHECK(plans < promises);
        CHECK(promises < interactions);
        CHECK(interactions != std::string::npos);
    }
    SUBCASE("sections given out of turn still come in order, the skipped ones empty")
    {
        std::ostringstream out;
        BookJsonWriter writer(out);
        Promise p = full_book().promises.front();
        writer.add(p);
        writer.finish();
        const std::string text = out.str();
        CHECK(text.rfind(
                  "{\"format\": \"fu\", \"format_version\": 1,\n\"contacts\": [],\n\"plans\": [],\n"
                  "\"promises\": [\n  {\"id\":10,",
                  0) == 0);
        const std::string end = "}\n],\n\"interactions\": []\n}\n";
        REQUIRE(text.size() > end.size());
        CHECK(text.substr(text.size() - end.size()) == end);
    }
}

TEST_CASE("book json: what the writer writes, the reader reads back field for field")
{
    const Book book = full_book();
    const std::string text = write_book(book);
    const Book read = read_book_json(text, "book.json");
    CHECK(describe(read.contacts) == describe(book.contacts));
    CHECK(describe(read.plans) == describe(book.plans));
    CHECK(describe(read.promises) == describe(book.promises));
    CHECK(describe(read.interactions) == describe(book.interactions));
    // And writes the same document again.
    CHECK(write_book(read) == text);
    // The describer sees a difference (the comparisons above can fail).
    Book other = read;
    other.interactions[1].inbound = false;
    CHECK(describe(other) != describe(book));

    SUBCASE("an empty book")
    {
        const Book empty = read_book_json(write_book(Book{}), "empty.json");
        CHECK(describe(empty).empty());
    }
    SUBCASE("absent optional fields take their defaults")
    {
        const Book minimal = read_book_json(document(), "book.json");
        REQUIRE(minimal.contacts.size() == 1);
        CHECK(describe(minimal.contacts) ==
              "contact 1 name[Ada] company[] phone[] email[] note[] tz[] tags[] created "
              "2026-06-01T14:00:00Z archived - closed - reopened - every[] interest[]\n");
        REQUIRE(minimal.plans.size() == 1);
        REQUIRE(minimal.plans[0].steps.size() == 1);
        CHECK(minimal.plans[0].steps[0].via == "call");
        CHECK(minimal.plans[0].steps[0].about.empty());
        REQUIRE(minimal.promises.size() == 1);
        CHECK(minimal.promises[0].status == PromiseStatus::open);
        CHECK(minimal.promises[0].via == "call");
        CHECK_FALSE(minimal.promises[0].agreed);
        CHECK(minimal.promises[0].plan_step == 0);
        REQUIRE(minimal.interactions.size() == 1);
        CHECK(minimal.interactions[0].keeps == KeepChoice::automatic);
        CHECK(minimal.interactions[0].outcome.empty());
        CHECK_FALSE(minimal.interactions[0].inbound);
    }
    SUBCASE("null is the same as absent")
    {
        const Book nulls = read_book_json(
            document("contacts",
                     R"({"id":1,"name":"Ada","created":"2026-06-01T14:00:00Z","company":null,)"
                     R"("tags":null,"archived":null,"interest":null,"every":null})"),
            "book.json");
        REQUIRE(nulls.contacts.size() == 1);
        CHECK(nulls.contacts[0].company.empty());
        CHECK(nulls.contacts[0].tags.empty());
        CHECK_FALSE(nulls.contacts[0].archived_at);
    }
    SUBCASE("sections may be missing")
    {
        const Book only = read_book_json(R"({"format":"fu","format_version":1,"contacts":[)" +
                                             std::string(k_contact) + "]}",
                                         "book.json");
        CHECK(only.contacts.size() == 1);
        CHECK(only.plans.empty());
        CHECK(only.promises.empty());
        CHECK(only.interactions.empty());
    }
}

TEST_CASE("book json: a document in another order (sections before the header) reads the same")
{
    const Book book = full_book();
    const std::string text = write_book(book);
    // Move the header line ({"format": …, "format_version": 1,) to the end of the document.
    const std::size_t first_section = text.find("\"contacts\"");
    REQUIRE(first_section != std::string::npos);
    std::string reordered = "{" + text.substr(first_section);
    const std::size_t last_brace = reordered.rfind('}');
    reordered.insert(last_brace, fmt::format(",\"format_version\": {}, \"format\": \"fu\"\n", k_book_format_version));
    REQUIRE(reordered != text);
    const Book read = read_book_json(reordered, "book.json");
    CHECK(describe(read) == describe(book));
    // A section before the header is read once the whole document is parsed.
    const std::string twice =
        R"({"contacts": [{"id": 1, "name": "A", "created": "2026-01-01T00:00:00Z"}], "format": "fu", )"
        R"("format_version": 1, "plans": [], "promises": [], "interactions": []})";
    CHECK(read_book_json(twice, "b.json").contacts.size() == 1);
}

TEST_CASE("book json: looks_like_json")
{
    CHECK(looks_like_json("{}"));
    CHECK(looks_like_json(" \r\n\t{\"format\""));
    CHECK_FALSE(looks_like_json(""));
    CHECK_FALSE(looks_like_json("   "));
    CHECK_FALSE(looks_like_json("name,email\n"));
    CHECK_FALSE(looks_like_json("[{}]"));
    CHECK_FALSE(looks_like_json("BEGIN:VCARD"));
}

TEST_CASE("book json: the reader refuses a document that is not fu's, naming what is wrong")
{
    SUBCASE("not JSON: nlohmann's place in the text")
    {
        const std::string message = refusal("{\"format\": \"fu\",\n  \"contacts\": [}");
        CHECK(message.rfind("book.json: not valid JSON (parse error at line 2, column 16: ", 0) ==
              0);
        CHECK(message.back() == ')');
        CHECK(message.find("[json.exception") == std::string::npos);
        CHECK(refusal("").rfind("book.json: not valid JSON (parse error at line 1, column 1: ",
                                0) == 0);
    }
    SUBCASE("a number no double holds (found by fuzz_json)")
    {
        CHECK(refusal("1e661\xd9") == "book.json: not valid JSON (number overflow parsing '1e661')");
        CHECK(refusal("{\"format\": \"fu\", \"format_version\": 1e400}") ==
              "book.json: not valid JSON (number overflow parsing '1e400')");
    }
    SUBCASE("not an object")
    {
        CHECK(refusal("[1, 2]") == "book.json: not a fu export (the document is not an object)");
        CHECK(refusal("\"fu\"") == "book.json: not a fu export (the document is not an object)");
    }
    SUBCASE("no format, or another one")
    {
        CHECK(refusal(R"({"format_version":1,"contacts":[]})") ==
              R"(book.json: not a fu export (no "format": "fu"))");
        CHECK(refusal(R"({"format":"vcard","format_version":1})") ==
              R"(book.json: not a fu export (no "format": "fu"))");
        CHECK(refusal(R"({"format":1,"format_version":1})") ==
              R"(book.json: not a fu export (no "format": "fu"))");
        try {
            read_book_json(R"({"contacts":[]})", "book.json");
            FAIL("read");
        } catch (const Error& e) {
            CHECK(e.hint() == "fu imports its own JSON export, CSV and vCard");
        }
    }
    SUBCASE("a format version that is missing, not a number, or newer")
    {
        CHECK(refusal(R"({"format":"fu"})") ==
              R"(book.json: "format_version" must be a whole number from 1)");
        CHECK(refusal(R"({"format":"fu","format_version":"1"})") ==
              R"(book.json: "format_version" must be a whole number from 1)");
        CHECK(refusal(R"({"format":"fu","format_version":0})") ==
              R"(book.json: "format_version" must be a whole number from 1)");
        CHECK(refusal(R"({"format":"fu","format_version":1.5})") ==
              R"(book.json: "format_version" must be a whole number from 1)");
        CHECK(refusal(R"({"format":"fu","format_version":2,"contacts":[]})") ==
              "book.json: written by a newer fu (format version 2; this fu reads 1)");
        try {
            read_book_json(R"({"format":"fu","format_version":2})", "book.json");
            FAIL("read");
        } catch (const Error& e) {
            CHECK(e.hint() == "upgrade fu to import it");
        }
    }
    SUBCASE("an unknown section, a section that is not a list")
    {
        CHECK(refusal(R"({"format":"fu","format_version":1,"contacts":[],"notes":[]})") ==
              R"(book.json: unknown section "notes")");
        CHECK(refusal(R"({"format":"fu","format_version":1,"contacts":{}})") ==
              R"(book.json: "contacts" must be a list)");
        CHECK(refusal(R"({"format":"fu","format_version":1,"promises":"none"})") ==
              R"(book.json: "promises" must be a list)");
    }
}

TEST_CASE("book json: the reader refuses a bad record, naming it")
{
    struct Case {
        std::string what;
        std::string text;
        std::string message;
    };
    const std::string c = k_contact, pl = k_plan, pr = k_promise, in = k_interaction;
    const Case cases[] = {
        {"a record that is not an object", document("contacts", "[1]"),
         "book.json: contacts[0]: is not an object"},
        {"an unknown field", document("contacts", replaced(c, "}", R"(,"nickname":"Addy"})")),
         R"(book.json: contacts[0] (id 1): unknown field "nickname")"},
        {"an unknown field in a plan step",
         document("plans", replaced(pl, R"({"when")", R"({"who":"me","when")")),
         R"(book.json: plans[0] (id 2): steps[0]: unknown field "who")"},
        {"a name that is not text", document("contacts", replaced(c, R"("Ada")", "42")),
         R"(book.json: contacts[0] (id 1): "name" must be text)"},
        {"an id that is text: the record is named by its place",
         document("contacts", replaced(c, "1", R"("1")")),
         R"(book.json: contacts[0]: "id" must be a positive whole number)"},
        {"an id that is zero", document("promises", replaced(pr, R"("id":3)", R"("id":0)")),
         R"(book.json: promises[0] (id 0): "id" must be a positive whole number)"},
        {"a reference that is negative",
         document("promises", replaced(pr, R"("contact":1)", R"("contact":-1)")),
         R"(book.json: promises[0] (id 3): "contact" must be a positive whole number)"},
        {"an optional reference that is text",
         document("promises", replaced(pr, "}", R"(,"made_with":"i4"})")),
         R"(book.json: promises[0] (id 3): "made_with" must be a positive whole number)"},
        {"tags that are not a list", document("contacts", replaced(c, "}", R"(,"tags":"vip"})")),
         R"(book.json: contacts[0] (id 1): "tags" must be a list of text)"},
        {"a tag that is not text", document("contacts", replaced(c, "}", R"(,"tags":["vip",3]})")),
         R"(book.json: contacts[0] (id 1): "tags" must be a list of text)"},
        {"a flag that is not true or false",
         document("interactions", replaced(in, "}", R"(,"inbound":1})")),
         R"(book.json: interactions[0] (id 4): "inbound" must be true or false)"},
        {"a step number below zero", document("promises", replaced(pr, "}", R"(,"plan_step":-1})")),
         R"(book.json: promises[0] (id 3): "plan_step" must be a whole number from 0)"},
        {"steps that are not a list",
         document("plans", replaced(pl, R"([{"when":"2 days after"}])", "{}")),
         R"(book.json: plans[0] (id 2): "steps" must be a list)"},
        {"a step that is not an object",
         document("plans", replaced(pl, R"([{"when":"2 days after"}])", R"(["x"])")),
         R"(book.json: plans[0] (id 2): steps[0]: is not an object)"},
        {"a time that is not text",
         document("contacts", replaced(c, R"("2026-06-01T14:00:00Z")", "1780322400")),
         R"(book.json: contacts[0] (id 1): "created" must be text)"},
        {"a month 13",
         document("promises", replaced(pr, "2026-12-02T14:00:00Z", "2026-13-01T00:00:00Z")),
         R"(book.json: promises[0] (id 3): "earliest" is "2026-13-01T00:00:00Z", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"30 February",
         document("promises", replaced(pr, "2026-12-02T14:00:00Z", "2026-02-30T10:00:00Z")),
         R"(book.json: promises[0] (id 3): "earliest" is "2026-02-30T10:00:00Z", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"hour 24",
         document("promises", replaced(pr, "2026-12-02T22:00:00Z", "2026-12-02T24:00:00Z")),
         R"(book.json: promises[0] (id 3): "latest" is "2026-12-02T24:00:00Z", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"a time before 1970",
         document("promises", replaced(pr, "2026-12-02T14:00:00Z", "1969-12-31T23:59:59Z")),
         R"(book.json: promises[0] (id 3): "earliest" is "1969-12-31T23:59:59Z", before 1970: fu keeps times from 1970 to 9999)"},
        {"a leap second",
         document("interactions", replaced(in, "2026-06-02T14:00:00Z", "2026-06-30T23:59:60Z")),
         R"(book.json: interactions[0] (id 4): "at" is "2026-06-30T23:59:60Z", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"a time without seconds and zone",
         document("promises", replaced(pr, "2026-12-02T14:00:00Z", "2026-12-02 14:00")),
         R"(book.json: promises[0] (id 3): "earliest" is "2026-12-02 14:00", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"a time with an offset",
         document("promises", replaced(pr, "2026-12-02T14:00:00Z", "2026-12-02T15:00:00+01:00")),
         R"(book.json: promises[0] (id 3): "earliest" is "2026-12-02T15:00:00+01:00", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"a time with +00:00 for Z",
         document("promises", replaced(pr, "2026-12-02T14:00:00Z", "2026-12-02T14:00:00+00:00")),
         R"(book.json: promises[0] (id 3): "earliest" is "2026-12-02T14:00:00+00:00", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"a time with fractions",
         document("contacts", replaced(c, "2026-06-01T14:00:00Z", "2026-06-01T14:00:00.000Z")),
         R"(book.json: contacts[0] (id 1): "created" is "2026-06-01T14:00:00.000Z", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"a lower-case z",
         document("contacts", replaced(c, "2026-06-01T14:00:00Z", "2026-06-01T14:00:00z")),
         R"(book.json: contacts[0] (id 1): "created" is "2026-06-01T14:00:00z", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"an optional time that is bad",
         document("contacts", replaced(c, "}", R"(,"archived":"yesterday"})")),
         R"(book.json: contacts[0] (id 1): "archived" is "yesterday", not a UTC time like 2026-12-02T14:00:00Z)"},
        {"latest equal to earliest",
         document("promises", replaced(pr, "2026-12-02T22:00:00Z", "2026-12-02T14:00:00Z")),
         R"(book.json: promises[0] (id 3): "latest" must be after "earliest")"},
        {"latest before earliest",
         document("promises", replaced(pr, "2026-12-02T22:00:00Z", "2026-12-01T22:00:00Z")),
         R"(book.json: promises[0] (id 3): "latest" must be after "earliest")"},
        {"an id twice in a section", document("contacts", c + "," + replaced(c, "Ada", "Bob")),
         R"(book.json: contacts[1] (id 1): id 1 appears twice in "contacts")"},
        {"a bad status", document("promises", replaced(pr, "}", R"(,"status":"done"})")),
         R"(book.json: promises[0] (id 3): "status" is "done", not one of open, kept, late, renegotiated, broken, cancelled)"},
        {"a status in capitals", document("promises", replaced(pr, "}", R"(,"status":"Open"})")),
         R"(book.json: promises[0] (id 3): "status" is "Open", not one of open, kept, late, renegotiated, broken, cancelled)"},
        {"a bad channel", document("promises", replaced(pr, "}", R"(,"via":"fax"})")),
         R"(book.json: promises[0] (id 3): "via" is "fax", not one of call, email, text, visit)"},
        {"a bad step channel",
         document("plans", replaced(pl, R"({"when")", R"({"via":"pigeon","when")")),
         R"(book.json: plans[0] (id 2): steps[0]: "via" is "pigeon", not one of call, email, text, visit)"},
        {"a bad kind", document("interactions", replaced(in, R"("call")", R"("telegram")")),
         R"(book.json: interactions[0] (id 4): "kind" is "telegram", not one of call, voicemail, email, text, meeting, visit, note, reminder)"},
        {"a bad outcome", document("interactions", replaced(in, "}", R"(,"outcome":"maybe"})")),
         R"(book.json: interactions[0] (id 4): "outcome" is "maybe", not one of reached, no-answer, left-message, sent, replied, not-interested, won, lost, not-now)"},
        {"a bad keep choice",
         document("interactions", replaced(in, "}", R"(,"keeps":"automatic"})")),
         R"(book.json: interactions[0] (id 4): "keeps" is "automatic", not one of auto, chosen, aside)"},
        {"a bad interest", document("contacts", replaced(c, "}", R"(,"interest":"lukewarm"})")),
         R"(book.json: contacts[0] (id 1): "interest" is "lukewarm", not one of hot, warm, cold)"},
        {"a missing name", document("contacts", R"({"id":1,"created":"2026-06-01T14:00:00Z"})"),
         R"(book.json: contacts[0] (id 1): "name" is missing)"},
        {"a missing id", document("contacts", R"({"name":"Ada","created":"2026-06-01T14:00:00Z"})"),
         R"(book.json: contacts[0]: "id" is missing)"},
        {"a missing creation time", document("contacts", R"({"id":1,"name":"Ada"})"),
         R"(book.json: contacts[0] (id 1): "created" is missing)"},
        {"a missing contact of a promise",
         document("promises", replaced(pr, R"("contact":1,)", "")),
         R"(book.json: promises[0] (id 3): "contact" is missing)"},
        {"a missing zone", document("promises", replaced(pr, R"(,"zone":"UTC")", "")),
         R"(book.json: promises[0] (id 3): "zone" is missing)"},
        {"a missing window",
         document("promises", replaced(pr, R"("latest":"2026-12-02T22:00:00Z",)", "")),
         R"(book.json: promises[0] (id 3): "latest" is missing)"},
        {"a missing playbook", document("plans", replaced(pl, R"("playbook":"post-sale",)", "")),
         R"(book.json: plans[0] (id 2): "playbook" is missing)"},
        {"a step without when",
         document("plans", replaced(pl, R"({"when":"2 days after"})", R"({"about":"x"})")),
         R"(book.json: plans[0] (id 2): steps[0]: "when" is missing)"},
        {"a missing kind", document("interactions", replaced(in, R"(,"kind":"call")", "")),
         R"(book.json: interactions[0] (id 4): "kind" is missing)"},
        {"a kind that is null",
         document("interactions", replaced(in, R"("kind":"call")", R"("kind":null)")),
         R"(book.json: interactions[0] (id 4): "kind" is missing)"},
        {"a kind that is empty",
         document("interactions", replaced(in, R"("kind":"call")", R"("kind":"")")),
         R"(book.json: interactions[0] (id 4): "kind" is "", not one of call, voicemail, email, text, meeting, visit, note, reminder)"},
        {"the second record is named by its place",
         document("interactions", in + "," + replaced(in, "4", "5") + ",{\"id\":6}"),
         R"(book.json: interactions[2] (id 6): "contact" is missing)"},
    };
    for (const Case& test : cases) {
        INFO(test.what);
        CHECK(refusal(test.text) == test.message);
    }
    // The base document itself is read.
    CHECK(refusal(document()) == "(read)");
}

TEST_CASE("book json: a field left null where a default exists takes the default")
{
    // The writer never writes these as null, but a null reads as absent everywhere else.
    const Book book = read_book_json(
        document("promises", replaced(k_promise, "}", R"(,"via":null,"status":null})")),
        "book.json");
    REQUIRE(book.promises.size() == 1);
    CHECK(book.promises[0].via == "call");
    CHECK(book.promises[0].status == PromiseStatus::open);
    const Book interactions = read_book_json(
        document("interactions", replaced(k_interaction, "}", R"(,"keeps":null})")), "book.json");
    REQUIRE(interactions.interactions.size() == 1);
    CHECK(interactions.interactions[0].keeps == KeepChoice::automatic);
}
