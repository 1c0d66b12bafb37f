// src/store/touch_windows.cpp — keep-in-touch windows stored at write time, read as index ranges.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "store/queries.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

namespace store_queries {

namespace {

// The candidates' conditions (a cadence with a window, no open promise, live, in follow-up): the
// partial indexes' own terms.
constexpr const char* k_touch_candidate = "c.touch_latest IS NOT NULL AND c.open_promises = 0 AND "
                                          "c.archived_at IS NULL AND c.closed_at IS NULL";
constexpr const char* k_touch_columns =
    "c.id, c.every, c.interest, coalesce(c.last_at, c.created_at), "
    "c.touch_earliest, c.touch_latest";

std::string touch_where(const WindowQuery& query)
{
    return fmt::format(
        "{} AND {}", k_touch_candidate,
        window_bounds(query, {"c.interest", "c.touch_earliest", "c.touch_latest", "c.id"}));
}

} // namespace

std::string touch_window_sql(const WindowQuery& query)
{
    return fmt::format("SELECT {} FROM contacts c INDEXED BY {} WHERE {} ORDER BY {} LIMIT :limit",
                       k_touch_columns,
                       query.by_opening ? "contacts_touch_by_earliest" : "contacts_touch_by_latest",
                       touch_where(query),
                       query.by_opening ? "c.touch_earliest, c.touch_latest, c.id"
                                        : "c.touch_latest, c.touch_earliest, c.id");
}

std::string touch_window_count_sql(const WindowQuery& query)
{
    const bool by_latest = query.latest_until || query.latest_after;
    return fmt::format("SELECT count(*) FROM contacts c INDEXED BY {} WHERE {}",
                       by_latest ? "contacts_touch_by_latest" : "contacts_touch_by_earliest",
                       touch_where(query));
}

std::string touch_silence_sql(const WindowQuery& query, bool at_silence)
{
    // The ties in no order: the domain puts them in its own.
    return fmt::format("SELECT {} FROM contacts c INDEXED BY contacts_touch_by_silence WHERE {}{}",
                       k_touch_columns, touch_where(query),
                       at_silence
                           ? " AND coalesce(c.last_at, c.created_at) = :touched"
                           : " ORDER BY coalesce(c.last_at, c.created_at), c.id LIMIT :limit");
}

// Two empty ranges of the zone index when every window is of :zone (`<>` would read it all).
const char* const k_touch_zone_other_sql = "SELECT EXISTS (SELECT 1 FROM contacts c WHERE "
                                           "c.touch_zone < :rules OR c.touch_zone >= :rules_end)";

// The stale, and those computed in another zone (all of them, once, when the user's zone changes).
const char* const k_touch_refresh_sql =
    "SELECT c.id, c.every, coalesce(c.last_at, c.created_at) FROM contacts c "
    "WHERE c.id IN (SELECT contact_id FROM touch_stale) "
    "OR c.touch_zone < :rules OR c.touch_zone >= :rules_end";

} // namespace store_queries

using namespace store_queries;

namespace {

// Binds the range of the zones with the rules of `zone` ("RULES NAME"): from "RULES " up to
// "RULES!" (the character after the space), whatever the name.
void bind_rules(SQLite::Statement& q, const std::string& zone)
{
    std::string rules = zone.substr(0, zone.find(' ')) + ' ';
    q.bind(":rules", rules);
    rules.back() = '!';
    q.bind(":rules_end", rules);
}

Store::TouchCandidate read_touch_window(SQLite::Statement& q)
{
    return {q.getColumn(0).getInt64(),
            q.getColumn(1).getString(),
            q.getColumn(2).getString(),
            to_instant(q.getColumn(3).getInt64()),
            to_instant(q.getColumn(4).getInt64()),
            to_instant(q.getColumn(5).getInt64())};
}

} // namespace

Store::ReadSnapshot::ReadSnapshot(const Store& store) : m_store(store)
{
    m_store.m_db->exec("SAVEPOINT fu_read");
}

Store::ReadSnapshot::~ReadSnapshot()
{
    try {
        m_store.m_db->exec("RELEASE fu_read");
    } catch (...) {
        // Only a read ends here: nothing to keep or lose.
    }
}

bool Store::touch_windows_kept(const std::string& zone) const
{
    if (m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM touch_stale)").getInt() != 0) {
        return false;
    }
    SQLite::Statement& other = prepared(k_touch_zone_other_sql);
    bind_rules(other, zone);
    other.executeStep();
    const bool kept = other.getColumn(0).getInt() == 0;
    other.reset();
    return kept;
}

void Store::each_touch_window(const WindowQuery& query,
                              const std::function<void(TouchCandidate&)>& sink) const
{
    each_window_row(touch_window_sql(query), query, [&](SQLite::Statement& q) {
        TouchCandidate row = read_touch_window(q);
        sink(row);
    });
}

std::int64_t Store::count_touch_windows(const WindowQuery& query) const
{
    SQLite::Statement q(*m_db, touch_window_count_sql(query));
    bind_window(q, query);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<Store::TouchCandidate> Store::touch_windows_by_silence(const WindowQuery& query,
                                                                   int limit) const
{
    std::vector<TouchCandidate> rows;
    SQLite::Statement first(*m_db, touch_silence_sql(query, false));
    bind_window(first, query);
    first.bind(":limit", limit > 0 ? limit : -1);
    while (first.executeStep()) {
        rows.push_back(read_touch_window(first));
    }
    if (limit <= 0 || rows.size() < static_cast<std::size_t>(limit)) {
        return rows;
    }
    // The last row's ties may go on past the limit: all of them, in place of those read.
    const Instant last = rows.back().touched_at;
    while (!rows.empty() && rows.back().touched_at == last) {
        rows.pop_back();
    }
    SQLite::Statement ties(*m_db, touch_silence_sql(query, true));
    bind_window(ties, query);
    ties.bind(":touched", to_seconds(last));
    while (ties.executeStep()) {
        rows.push_back(read_touch_window(ties));
    }
    return rows;
}

void Store::each_stored_touch_window(
    const std::function<void(const StoredTouchWindow&)>& sink) const
{
    SQLite::Statement q(
        *m_db,
        "SELECT c.id, c.every, coalesce(c.last_at, c.created_at), c.touch_zone, "
        "c.touch_earliest, c.touch_latest FROM contacts c INDEXED BY contacts_touch_zone "
        "WHERE c.touch_zone IS NOT NULL AND c.id NOT IN (SELECT contact_id FROM touch_stale)");
    while (q.executeStep()) {
        StoredTouchWindow row;
        row.contact_id = q.getColumn(0).getInt64();
        row.every = q.getColumn(1).getString();
        row.touched_at = to_instant(q.getColumn(2).getInt64());
        row.zone = q.getColumn(3).getString();
        row.earliest = optional_instant(q.getColumn(4));
        row.latest = optional_instant(q.getColumn(5));
        sink(row);
    }
}

Store::TouchWindowGaps Store::touch_window_gaps() const
{
    TouchWindowGaps gaps;
    gaps.stale = m_db->execAndGet("SELECT count(*) FROM touch_stale").getInt64();
    gaps.missing =
        m_db->execAndGet("SELECT count(*) FROM contacts c INDEXED BY contacts_with_cadence "
                         "WHERE c.every <> '' AND c.touch_zone IS NULL "
                         "AND c.id NOT IN (SELECT contact_id FROM touch_stale)")
            .getInt64();
    return gaps;
}

void Store::refresh_touch_windows(const TouchWindowKeeper& keeper)
{
    // A contact without a cadence keeps no window.
    SQLite::Statement q(*m_db, k_touch_refresh_sql);
    bind_rules(q, keeper.zone);
    struct Stale {
        Id id;
        std::string every;
        Instant last;
    };
    std::vector<Stale> stale;
    while (q.executeStep()) {
        stale.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                         to_instant(q.getColumn(2).getInt64())});
    }
    // Always emptied: it may name a contact deleted since (its cadence cleared first).
    m_db->exec("DELETE FROM touch_stale");
    if (stale.empty()) {
        return;
    }
    SQLite::Statement& update = prepared(
        "UPDATE contacts SET touch_zone = ?, touch_earliest = ?, touch_latest = ? WHERE id = ?");
    for (const Stale& s : stale) {
        update.reset();
        update.clearBindings();
        if (!s.every.empty()) {
            update.bind(1, keeper.zone);
            if (const auto window = keeper.window(s.every, s.last)) {
                update.bind(2, to_seconds(window->first));
                update.bind(3, to_seconds(window->second));
            }
        }
        update.bind(4, s.id);
        update.exec();
    }
    update.reset();
}

} // namespace fu
