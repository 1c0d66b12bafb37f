// src/store/promises.cpp — promised windows.
#include <limits>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/queries.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

Id Store::add_promise(const Promise& p)
{
    SQLite::Statement& q = prepared(insert_sql("promises", k_promise_fields));
    bind_promise(q, p);
    q.exec();
    return m_db->getLastInsertRowid();
}

std::optional<Promise> Store::promise(Id id) const
{
    SQLite::Statement q(*m_db,
                        fmt::format("SELECT {} FROM promises p WHERE p.id = ?", k_promise_columns));
    q.bind(1, id);
    return read_first(q, read_promise);
}

std::vector<Promise> Store::open_promises(std::optional<Id> contact_id) const
{
    return open_promises(PromiseFilter{contact_id, false});
}

std::vector<Promise> Store::open_promises(const PromiseFilter& filter) const
{
    std::string sql =
        fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                    "WHERE p.status = 'open'",
                    k_promise_columns);
    if (!filter.include_archived) {
        sql += " AND c.archived_at IS NULL";
    }
    if (filter.contact_id) {
        sql += " AND p.contact_id = :contact";
    }
    sql += " ORDER BY p.latest, p.earliest, p.id";
    SQLite::Statement q(*m_db, sql);
    if (filter.contact_id) {
        q.bind(":contact", *filter.contact_id);
    }
    return read_promises(q);
}

namespace store_queries {

// The bounds of a WindowQuery over the columns of a window: its interest (without one, every
// value the column holds: still one index, a range per value), its opening and closing, its
// contact's tag.
std::string window_bounds(const WindowQuery& query, const WindowColumns& columns)
{
    std::string where = query.interest
                            ? fmt::format("{} = :interest", columns.interest)
                            : fmt::format("{} IN ('', 'hot', 'warm', 'cold')", columns.interest);
    const auto bound = [&](const std::optional<Instant>& value, const char* column,
                           const char* condition) {
        if (value) {
            where += fmt::format(" AND {} {}", column, condition);
        }
    };
    bound(query.latest_until, columns.latest, "<= :latest_until");
    bound(query.latest_after, columns.latest, "> :latest_after");
    bound(query.earliest_until, columns.earliest, "<= :earliest_until");
    bound(query.earliest_after, columns.earliest, "> :earliest_after");
    bound(query.earliest_before, columns.earliest, "< :earliest_before");
    bound(query.earliest_from, columns.earliest, ">= :earliest_from");
    if (!query.tag.empty()) {
        where += fmt::format(" AND {} IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)",
                             columns.contact_id);
    }
    return where;
}

// The conditions of a WindowQuery over `promises p`; with an interest, the partial indexes'
// own terms, so that each page is a range of one index.
std::string window_where(const WindowQuery& query)
{
    std::string where =
        "p.status = 'open' AND p.listed = 1 AND " +
        window_bounds(query, {"p.interest", "p.earliest", "p.latest", "p.contact_id"});
    if (query.agreed_only) {
        where += " AND p.agreed = 1";
    }
    if (query.not_reminded) {
        where += " AND NOT EXISTS (SELECT 1 FROM interactions r WHERE r.reminds = p.id)";
    }
    return where;
}

void bind_window(SQLite::Statement& q, const WindowQuery& query)
{
    if (query.interest) {
        q.bind(":interest", *query.interest);
    }
    const auto bound = [&](const std::optional<Instant>& value, const char* name) {
        if (value) {
            q.bind(name, to_seconds(*value));
        }
    };
    bound(query.latest_until, ":latest_until");
    bound(query.latest_after, ":latest_after");
    bound(query.earliest_until, ":earliest_until");
    bound(query.earliest_after, ":earliest_after");
    bound(query.earliest_before, ":earliest_before");
    bound(query.earliest_from, ":earliest_from");
    if (!query.tag.empty()) {
        q.bind(":tag", query.tag);
    }
}

namespace {

// The index a WindowQuery reads: by closing or by opening time, of the agreed windows or of all.
const char* window_index(const WindowQuery& query, bool by_latest)
{
    if (query.agreed_only) {
        return by_latest ? "promises_agreed_by_latest" : "promises_agreed_by_earliest";
    }
    return by_latest ? "promises_due_by_latest" : "promises_due_by_earliest";
}

} // namespace

std::string window_sql(const WindowQuery& query)
{
    // The index is named: without statistics, SQLite would take the status index for a count.
    // The limit is bound (-1: none), so that the pages of one state share a prepared statement.
    return fmt::format(
        "SELECT {} FROM promises p INDEXED BY {} WHERE {} ORDER BY {} LIMIT :limit",
        k_promise_columns, window_index(query, !query.by_opening), window_where(query),
        query.by_opening ? "p.earliest, p.latest, p.id" : "p.latest, p.earliest, p.id");
}

const char* const k_promises_by_status_sql =
    "SELECT count(*) FROM promises p WHERE p.status = ? AND p.made_at >= ?";
// The open windows closed by now: a range of the open promises by closing time (the index holds
// made_at), not every open promise.
const char* const k_open_closed_sql =
    "SELECT count(*) FROM promises p INDEXED BY promises_open_by_latest "
    "WHERE p.status = 'open' AND p.latest <= ? AND p.made_at >= ?";
const char* const k_lateness_sql = "SELECT p.resolved_at - p.latest FROM promises p INDEXED BY "
                                   "promises_late_by_lateness WHERE p.status = 'late' AND "
                                   "p.made_at >= ? ORDER BY p.resolved_at - p.latest LIMIT ? OFFSET ?";
const char* const k_tallies_sql = "SELECT name, outcome, interest, n FROM tallies WHERE name IN ('promises', "
                                  "'interactions_out', 'interactions_in') AND n > 0";
const char* const k_interaction_groups_sql = "SELECT i.kind, i.outcome, i.direction = 'in', count(*) FROM "
                                             "interactions i WHERE i.at >= ? GROUP BY i.kind, i.direction, i.outcome";

std::string resolved_where(bool without_cancelled, bool with_interest)
{
    return fmt::format("p.resolved_at >= :from AND p.resolved_at < :to AND p.status <> 'open' AND p.listed = 1{}{}",
                       without_cancelled ? " AND p.status <> 'cancelled'" : "",
                       with_interest ? " AND p.interest = :interest" : "");
}

std::string resolved_sql(bool without_cancelled, bool with_interest, int limit)
{
    return fmt::format("SELECT {} FROM promises p WHERE {} ORDER BY p.resolved_at, p.id{}", k_promise_columns,
                       resolved_where(without_cancelled, with_interest),
                       limit > 0 ? fmt::format(" LIMIT {}", limit) : "");
}

std::string window_count_sql(const WindowQuery& query)
{
    const bool by_latest = query.latest_until || query.latest_after;
    return fmt::format("SELECT count(*) FROM promises p INDEXED BY {} WHERE {}",
                       window_index(query, by_latest), window_where(query));
}

} // namespace store_queries

using namespace store_queries;

void Store::each_open_window(const WindowQuery& query, const std::function<void(Promise&)>& sink) const
{
    // The agenda reads a page per state and interest: one statement per state, rebound.
    each_window_row(window_sql(query), query, [&](SQLite::Statement& q) {
        Promise promise = read_promise(q);
        sink(promise);
    });
}

void Store::each_window_row(const std::string& sql, const WindowQuery& query,
                            const std::function<void(SQLite::Statement&)>& row) const
{
    SQLite::Statement& q = prepared(sql);
    const struct Reset {
        SQLite::Statement& q;
        ~Reset() { q.tryReset(); }
    } reset{q};
    bind_window(q, query);
    q.bind(":limit", query.limit > 0 ? query.limit : -1);
    while (q.executeStep()) {
        row(q);
    }
}

std::vector<Promise> Store::open_windows(const WindowQuery& query) const
{
    std::vector<Promise> promises;
    each_open_window(query, [&](Promise& p) { promises.push_back(std::move(p)); });
    return promises;
}

std::int64_t Store::count_open_windows(const WindowQuery& query) const
{
    SQLite::Statement q(*m_db, window_count_sql(query));
    bind_window(q, query);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<Promise> Store::promises_of(Id contact_id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p WHERE p.contact_id = ? "
                                           "ORDER BY p.made_at, p.id",
                                           k_promise_columns));
    q.bind(1, contact_id);
    return read_promises(q);
}

std::vector<Promise> Store::promises_made_since(std::optional<Instant> since) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p WHERE p.made_at >= ? "
                                           "ORDER BY p.made_at, p.id",
                                           k_promise_columns));
    q.bind(1, since ? to_seconds(*since) : std::numeric_limits<std::int64_t>::min());
    return read_promises(q);
}


std::vector<Promise> Store::promises_resolved_between(Instant from, Instant to, bool without_cancelled, int limit,
                                                      const std::string& interest) const
{
    SQLite::Statement q(*m_db, resolved_sql(without_cancelled, !interest.empty(), limit));
    q.bind(":from", to_seconds(from));
    q.bind(":to", to_seconds(to));
    if (!interest.empty()) {
        q.bind(":interest", interest);
    }
    return read_promises(q);
}

std::int64_t Store::count_resolved_between(Instant from, Instant to, bool without_cancelled,
                                           const std::string& interest) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT count(*) FROM promises p WHERE {}",
                                           resolved_where(without_cancelled, !interest.empty())));
    q.bind(":from", to_seconds(from));
    q.bind(":to", to_seconds(to));
    if (!interest.empty()) {
        q.bind(":interest", interest);
    }
    q.executeStep();
    return q.getColumn(0).getInt64();
}

RecordCounts Store::count_record(std::optional<Instant> since, Instant now) const
{
    const std::int64_t from = since ? to_seconds(*since) : std::numeric_limits<std::int64_t>::min();
    RecordCounts counts;
    const auto count_of = [&](PromiseStatus status) {
        for (const auto& [s, n] : counts.promises_by_status) {
            if (s == status) {
                return n;
            }
        }
        return std::int64_t{0};
    };
    if (!since) {
        // The whole record: the running counts.
        SQLite::Statement q(*m_db, k_tallies_sql);
        while (q.executeStep()) {
            const std::string name = q.getColumn(0).getString();
            const std::int64_t n = q.getColumn(3).getInt64();
            if (name == "promises") {
                if (const auto status = promise_status_from(q.getColumn(1).getString())) {
                    counts.promises_by_status.emplace_back(*status, n);
                }
            } else {
                counts.interactions.push_back({q.getColumn(1).getString(), q.getColumn(2).getString(),
                                               name == "interactions_in", n});
            }
        }
    } else {
        // Since a moment: one range of (status, made_at) per status, and one of the interactions.
        SQLite::Statement q(*m_db, k_promises_by_status_sql);
        for (const PromiseStatus status : {PromiseStatus::open, PromiseStatus::kept, PromiseStatus::late,
                                           PromiseStatus::renegotiated, PromiseStatus::broken,
                                           PromiseStatus::cancelled}) {
            q.reset();
            q.bind(1, std::string(to_string(status)));
            q.bind(2, from);
            q.executeStep();
            counts.promises_by_status.emplace_back(status, q.getColumn(0).getInt64());
        }
        SQLite::Statement groups(*m_db, k_interaction_groups_sql);
        groups.bind(1, from);
        while (groups.executeStep()) {
            counts.interactions.push_back({groups.getColumn(0).getString(), groups.getColumn(1).getString(),
                                           groups.getColumn(2).getInt() != 0, groups.getColumn(3).getInt64()});
        }
    }
    counts.late_count = count_of(PromiseStatus::late);
    {
        SQLite::Statement q(*m_db, k_open_closed_sql);
        q.bind(1, to_seconds(now));
        q.bind(2, from);
        q.executeStep();
        counts.open_closed_by_now = q.getColumn(0).getInt64();
    }
    if (counts.late_count > 0) {
        // The median over the lateness index: the middle one or two values, found by offset.
        SQLite::Statement q(*m_db, k_lateness_sql);
        const std::int64_t n = counts.late_count;
        q.bind(1, from);
        q.bind(2, n % 2 == 1 ? 1 : 2);
        q.bind(3, n % 2 == 1 ? n / 2 : n / 2 - 1);
        std::int64_t sum = 0;
        int values = 0;
        while (q.executeStep()) {
            sum += q.getColumn(0).getInt64();
            ++values;
        }
        if (values > 0) {
            counts.median_lateness = std::chrono::seconds{sum / values};
        }
    }
    return counts;
}

void Store::resolve_promise(Id id, PromiseStatus status, Instant at, const std::string& reason,
                            std::optional<Id> replaced_by)
{
    SQLite::Statement& q = prepared("UPDATE promises SET status = ?, resolved_at = ?, reason = ?, "
                               "replaced_by = ? WHERE id = ?");
    q.bind(1, std::string(to_string(status)));
    q.bind(2, to_seconds(at));
    q.bind(3, reason);
    bind_optional(q, 4, replaced_by);
    q.bind(5, id);
    q.exec();
}


void Store::update_promise(const Promise& p)
{
    SQLite::Statement& q = prepared(update_sql("promises", k_promise_fields));
    bind_promise(q, p);
    q.bind(":id", p.id);
    q.exec();
}

} // namespace fu
