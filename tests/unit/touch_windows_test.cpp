// Keep-in-touch windows stored at write time: every write that carries the keeper recomputes the
// windows it made stale (and all of them when the user's zone changed), and the agenda, `fu due
// --check` and the digest read them back exactly as they would have computed them.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "followup_test_support.hpp"
#include "fu/agenda.hpp"
#include "store_file_support.hpp"

using namespace fu;
using fu::test::at;
using fu::test::Book;
using fu::test::k_start;

namespace {

// A write that carries the keeper of `zone`, as every command's does, and changes nothing else.
void keep_windows(Store& store, const Zone& zone, Instant now)
{
    auto tx = store.begin_write({"fu touch", now, false, touch_window_keeper(zone)});
    tx.commit();
}

std::string seconds(Instant t)
{
    return std::to_string(t.time_since_epoch().count());
}

// One line per row (what `fu due` shows of it) and the totals.
std::string shown(const Agenda& agenda)
{
    std::string out;
    for (const AgendaItem& item : agenda.items) {
        out +=
            fmt::format("{} {} c{} p{} {}-{} '{}' last {}\n",
                        item.kind == AgendaKind::keep_in_touch ? "touch" : "promise",
                        static_cast<int>(item.state), item.contact.id, item.promise.id,
                        seconds(item.promise.earliest), seconds(item.promise.latest),
                        item.promise.text, item.last_contact ? seconds(*item.last_contact) : "-");
    }
    out += fmt::format("totals {} {} {}\n", agenda.totals[0], agenda.totals[1], agenda.totals[2]);
    return out;
}

std::string shown(const TouchSummary& summary)
{
    std::string out;
    for (const AgendaItem& item : summary.longest_silent) {
        out += fmt::format("c{} {} {}-{} '{}' last {}\n", item.contact.id,
                           static_cast<int>(item.state), seconds(item.promise.earliest),
                           seconds(item.promise.latest), item.promise.text,
                           seconds(*item.last_contact));
    }
    return out + fmt::format("total {}\n", summary.total);
}

// Every view of the book's keep-in-touch rows the commands ask for, at several moments.
std::vector<std::string> every_view(const Book& book, Instant from)
{
    std::vector<std::string> views;
    for (const int days : {0, 3, 9, 20, 45, 120}) {
        const Instant now = from + std::chrono::hours{24 * days} + std::chrono::minutes{days * 7};
        std::vector<AgendaQuery> queries(7);
        queries[0].until = now + std::chrono::hours{24 * 7};
        queries[1].limit = 5;
        queries[1].until = now + std::chrono::hours{24 * 30};
        queries[2].limit = 3;
        queries[2].limit_each_state = true;
        queries[2].until = now + std::chrono::hours{24 * 30};
        queries[3].interest = "warm";
        queries[4].tag = "north";
        queries[4].limit = 4;
        queries[5].interest = "hot";
        queries[5].tag = "south";
        queries[6].limit = 1;
        queries[6].count = false;
        for (std::size_t q = 0; q < queries.size(); ++q) {
            queries[q].keep_in_touch_zone = &book.zone;
            views.push_back(fmt::format("day {} query {}\n{}", days, q,
                                        shown(build_agenda(book.store, queries[q], now))));
            std::string streamed;
            each_agenda_item(book.store, queries[q], now, [&](const AgendaItem& item) {
                streamed += fmt::format("c{} p{} ", item.contact.id, item.promise.id);
            });
            views.push_back(fmt::format("day {} query {} streamed {}", days, q, streamed));
        }
        for (const int limit : {0, 1, 3, 10}) {
            for (const char* interest : {"", "cold"}) {
                AgendaQuery query;
                query.keep_in_touch_zone = &book.zone;
                query.interest = interest;
                views.push_back(
                    fmt::format("day {} silent {} {}\n{}", days, limit, interest,
                                shown(keep_in_touch_due(book.store, query, now, limit))));
            }
        }
    }
    return views;
}

// A book of contacts with every kind of cadence, interest and tag, many of them last in touch at
// the same moment (added together, never heard from since), some with an open promise, some closed.
void fill(Book& book, unsigned seed)
{
    std::mt19937 random(seed);
    const auto pick = [&](const std::vector<const char*>& words) {
        return words[random() % words.size()];
    };
    book.write("fu import", k_start(), [&] {
        for (int n = 0; n < 240; ++n) {
            ContactChanges fields;
            fields.name = fmt::format("Contact {}", n);
            fields.every = pick({"", "weekly", "2-3 weeks", "monthly", "every 10 days", "quarterly",
                                 "every 3 days", "1-2 months"});
            fields.interest = pick({"", "hot", "warm", "cold"});
            const char* tag = pick({"", "north", "south"});
            if (*tag != '\0') {
                fields.add_tags.push_back(tag);
            }
            const Contact c = add_contact(book.store, fields, book.context(k_start())).contact;
            const Instant now = k_start() + std::chrono::hours{24 * 30};
            switch (random() % 6) {
            case 0:
                break; // never heard from: last in touch when added, with many others
            case 1: {
                PromiseRequest request;
                request.when = "tomorrow";
                make_promise(book.store, *book.store.contact(c.id), request, book.context(now));
                break;
            }
            case 2: {
                LogRequest request;
                request.outcome = "not-interested";
                request.at = k_start() + std::chrono::hours{1 + random() % 500};
                log_interaction(book.store, *book.store.contact(c.id), request, book.context(now));
                break;
            }
            default: {
                LogRequest request;
                request.kind = pick({"call", "email", "meeting"});
                // Whole days apart, at one of two times: more ties.
                request.at =
                    k_start() + std::chrono::hours{24 * (random() % 28) + (random() % 2) * 5};
                log_interaction(book.store, *book.store.contact(c.id), request, book.context(now));
            }
            }
        }
    });
}

} // namespace

TEST_CASE(
    "stored keep-in-touch windows give the agenda, the check and the digest their computed rows")
{
    for (const unsigned seed : {1U, 7U, 2026U}) {
        INFO("seed ", seed);
        Book book;
        fill(book, seed);
        // The writes carried no keeper: every window is stale, and each reader computes them all.
        CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
        const Instant from = k_start() + std::chrono::hours{24 * 30};
        const std::vector<std::string> computed = every_view(book, from);
        keep_windows(book.store, book.zone, from);
        REQUIRE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
        const std::vector<std::string> stored = every_view(book, from);
        REQUIRE(computed.size() == stored.size());
        for (std::size_t view = 0; view < computed.size(); ++view) {
            CHECK(stored[view] == computed[view]);
        }
    }
}

TEST_CASE(
    "a write's keeper recomputes the windows it made stale; a write without one leaves them stale")
{
    Book book;
    const Contact ada = book.add("Ada");
    book.write("fu edit Ada --every weekly", k_start(), [&] {
        ContactChanges changes;
        changes.every = "weekly";
        edit_contact(book.store, book.contact(ada), changes);
    });
    const auto window_of = [&](Instant now) {
        AgendaQuery query;
        query.keep_in_touch_zone = &book.zone;
        const Agenda agenda = build_agenda(book.store, query, now);
        REQUIRE(agenda.items.size() == 1);
        return std::make_pair(agenda.items[0].promise.earliest, agenda.items[0].promise.latest);
    };
    const Instant now = at("2026-06-03T14:00:00Z");
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    const auto added = window_of(now);
    CHECK(added.first == at("2026-06-08T14:00:00Z")); // a week after Monday 10:00 in New York
    keep_windows(book.store, book.zone, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    CHECK(window_of(now) == added);

    // An interaction moves the last touch: its window is stale until a write with the keeper.
    const auto logged = book.log(ada, "2026-06-03T15:00:00Z", book.call("reached"));
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    const auto moved = window_of(now);
    CHECK(moved.first == at("2026-06-10T15:00:00Z"));
    keep_windows(book.store, book.zone, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    CHECK(window_of(now) == moved);

    // Undo puts the last touch back, and with it the window.
    book.undo(std::nullopt, now);
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    keep_windows(book.store, book.zone, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    CHECK(window_of(now) == added);

    // Kept in another zone: not the user's windows; the next write in the user's zone redoes all.
    const Zone& tokyo = locate_zone("Asia/Tokyo");
    keep_windows(book.store, tokyo, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(tokyo)));
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    CHECK(window_of(now) == added); // computed in New York, not read from Tokyo's
    keep_windows(book.store, book.zone, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    CHECK(window_of(now) == added);

    // A tz database update that changes New York's rules (here: Detroit's file under New York's
    // name) makes the stored windows another zone's, computed again by the next write.
    std::ifstream file("/usr/share/zoneinfo/America/Detroit", std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    REQUIRE_FALSE(bytes.empty());
    const Zone updated("America/New_York", bytes);
    CHECK(updated.name() == book.zone.name());
    CHECK(touch_zone_key(updated) != touch_zone_key(book.zone));
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(updated)));
    keep_windows(book.store, updated, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(updated)));
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    keep_windows(book.store, book.zone, now);

    // The same rules under another name (a link such as US/Eastern): the same windows.
    std::ifstream same_file("/usr/share/zoneinfo/America/New_York", std::ios::binary);
    const std::string same_bytes{std::istreambuf_iterator<char>(same_file),
                                 std::istreambuf_iterator<char>()};
    const Zone eastern("US/Eastern", same_bytes);
    CHECK(touch_zone_key(eastern) != touch_zone_key(book.zone));
    CHECK(book.store.touch_windows_kept(touch_zone_key(eastern)));

    // A cadence removed: no window, and none stored.
    book.write("fu edit Ada --every ''", now, [&] {
        ContactChanges changes;
        changes.every = "";
        edit_contact(book.store, book.contact(ada), changes);
    });
    keep_windows(book.store, book.zone, now);
    AgendaQuery query;
    query.keep_in_touch_zone = &book.zone;
    CHECK(build_agenda(book.store, query, now).items.empty());
    CHECK(build_agenda(book.store, query, now).total() == 0);
    CHECK(logged.interaction.id > 0);

    // A contact whose cadence is cleared and who is deleted in the same write leaves nothing stale.
    const Contact bo = book.add("Bo");
    book.write("fu edit Bo --every weekly", now, [&] {
        ContactChanges changes;
        changes.every = "weekly";
        edit_contact(book.store, book.contact(bo), changes);
    });
    keep_windows(book.store, book.zone, now);
    book.write("fu rm Bo", now, [&] {
        ContactChanges changes;
        changes.every = "";
        edit_contact(book.store, book.contact(bo), changes);
        book.store.purge_contact(bo.id);
    });
    CHECK_FALSE(book.store.touch_windows_kept(touch_zone_key(book.zone)));
    keep_windows(book.store, book.zone, now);
    CHECK(book.store.touch_windows_kept(touch_zone_key(book.zone)));
}

TEST_CASE("schema 9 marks every cadence stale; a cadence fu cannot read keeps no window")
{
    fu::test::TempDir dir;
    const auto path = dir.path / "fu.db";
    {
        Store old = Store::create_at_version(path, 8);
    }
    fu::test::raw_sql(path,
                      "INSERT INTO contacts (id, name, name_folded, created_at, every) VALUES "
                      "(1, 'Ada', 'ada', 1780322400, 'weekly'), (2, 'Bo', 'bo', 1780322400, ''), "
                      "(3, 'Cy', 'cy', 1780322400, 'whenever the moon is full');");
    const fu::Zone& zone = locate_zone("America/New_York");
    const Instant now = at("2026-06-20T14:00:00Z");
    AgendaQuery query;
    query.keep_in_touch_zone = &zone;
    std::string computed;
    {
        Store store = Store::open_for_writing(path);
        CHECK(store.schema_version() == k_schema_version);
        CHECK_FALSE(store.touch_windows_kept(touch_zone_key(zone)));
        computed = shown(build_agenda(store, query, now));
        keep_windows(store, zone, now);
        CHECK(store.touch_windows_kept(touch_zone_key(zone)));
        CHECK(shown(build_agenda(store, query, now)) == computed);
    }
    CHECK(computed.find("c1 ") != std::string::npos);
    CHECK(computed.find("c3 ") == std::string::npos);
    const auto text = [&](const char* sql) { return fu::test::scalar_text(path, sql); };
    CHECK(text("SELECT count(*) FROM touch_stale") == "0");
    CHECK(text("SELECT touch_zone || ' ' || touch_earliest FROM contacts WHERE id = 1") ==
          touch_zone_key(zone) + " " + seconds(at("2026-06-08T14:00:00Z")));
    CHECK(text("SELECT touch_zone IS NULL FROM contacts WHERE id = 2") == "1");
    CHECK(text("SELECT touch_zone || ' ' || (touch_latest IS NULL) FROM contacts WHERE id = 3") ==
          touch_zone_key(zone) + " 1");
    CHECK(text("PRAGMA integrity_check") == "ok");
}
