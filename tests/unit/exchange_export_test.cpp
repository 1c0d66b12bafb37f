// The exports (fu/exchange.hpp): which records each writes and in what order.
#include "exchange_support.hpp"

using namespace fu;
using namespace fu::exchange_test;
using fu::test::at;
using fu::test::describe;
using fu::test::drift;
using fu::test::query_rows;
using fu::test::TempDir;

// ---- Exports ----

namespace {

// A book with live contacts out of name order, an archived one, open, kept and archived promises.
struct ExportBook {
    Ledger l;
    Contact zed, ada, bea, bob, cy;
    Promise zeds, adas, beas, cys;

    ExportBook()
    {
        zed = l.add("Zed Zimmer", "zed@example.org");
        ada = l.add("Ada Archived", "ada@example.org");
        bea = l.add("bea lower", "bea@example.org");
        bob = l.add("Bob Kept", "bob@example.org");
        cy = l.add("Cy Closed", "cy@example.org");
        const auto promise = [&](const Contact& c, const char* when) {
            const Instant now = at("2026-06-01T14:00:00Z");
            return l.write("fu promise", now, [&] {
                PromiseRequest request;
                request.when = when;
                request.about = "check in";
                return make_promise(l.store, l.contact(c.id), request, l.context(now)).promise;
            });
        };
        zeds = promise(zed, "2026-06-04");
        beas = promise(bea, "2026-06-10");
        adas = promise(ada, "2026-06-02");
        cys = promise(cy, "2026-06-03");
        Promise bobs = promise(bob, "2026-06-02");
        const Instant now = at("2026-06-02T15:00:00Z");
        l.write("fu log", now, [&] {
            LogRequest call;
            call.kind = "call";
            return log_interaction(l.store, l.contact(bob.id), call, l.context(now));
        });
        REQUIRE(l.store.promise(bobs.id)->status == PromiseStatus::kept);
        l.write("fu archive", now, [&] { l.store.set_archived(ada.id, now); });
        REQUIRE(l.store.promise(adas.id)->status == PromiseStatus::open);
    }
};

std::vector<std::size_t> positions(const std::string& text, const std::vector<std::string>& parts)
{
    std::vector<std::size_t> found;
    for (const auto& part : parts) {
        found.push_back(text.find(part));
    }
    return found;
}

std::size_t count_of(const std::string& text, const std::string& part)
{
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos;
         at = text.find(part, at + part.size())) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("export_contacts_csv: live contacts (archived ones not), in name order")
{
    ExportBook b;
    std::ostringstream out;
    export_contacts_csv(b.l.store, out);
    const std::string csv = out.str();
    CHECK(csv.find("Ada Archived") == std::string::npos);
    const auto at = positions(csv, {"bea lower", "Bob Kept", "Cy Closed", "Zed Zimmer"});
    CHECK(at[0] != std::string::npos);
    CHECK(std::is_sorted(at.begin(), at.end()));
    CHECK(at[3] != std::string::npos);
    CHECK(count_of(csv, "\n") == 5); // the header and four rows
    // What it writes, the CSV reader reads back as the same contacts.
    const ContactsRead read = read_contacts_csv(csv, "contacts.csv");
    REQUIRE(read.contacts.size() == 4);
    CHECK(read.contacts[0].name == "bea lower");
    CHECK(read.contacts[3].email == "zed@example.org");
}

TEST_CASE("export_vcards: live contacts (archived ones not), in name order")
{
    ExportBook b;
    for (const VcardVersion version : {VcardVersion::v3_0, VcardVersion::v4_0}) {
        std::ostringstream out;
        export_vcards(b.l.store, out, version);
        const std::string cards = out.str();
        CHECK(count_of(cards, "BEGIN:VCARD\r\n") == 4);
        CHECK(cards.find("Ada Archived") == std::string::npos);
        const auto at =
            positions(cards, {"FN:bea lower", "FN:Bob Kept", "FN:Cy Closed", "FN:Zed Zimmer"});
        CHECK(at[0] != std::string::npos);
        CHECK(std::is_sorted(at.begin(), at.end()));
        CHECK(at[3] != std::string::npos);
        CHECK(read_vcards(cards, "cards.vcf").contacts.size() == 4);
    }
}

TEST_CASE("export_calendar: the open promises of live contacts, by when they open")
{
    ExportBook b;
    std::ostringstream out;
    export_calendar(b.l.store, out, at("2026-06-02T16:00:00Z"));
    const std::string feed = out.str();
    const auto uid = [](const Promise& p) { return "UID:" + promise_uid(p); };
    CHECK(count_of(feed, "BEGIN:VEVENT") == 3);
    CHECK(feed.find(uid(b.adas)) == std::string::npos); // archived
    const auto at = positions(feed, {uid(b.cys), uid(b.zeds), uid(b.beas)});
    CHECK(at[0] != std::string::npos);
    CHECK(std::is_sorted(at.begin(), at.end()));
    CHECK(at[2] != std::string::npos);
    CHECK(feed.find("Bob Kept") == std::string::npos); // kept
    CHECK(feed.find("END:VCALENDAR") != std::string::npos);
}
