// src/store/promises.cpp — promised windows.
#include <limits>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

Id Store::add_promise(const Promise& p)
{
    SQLite::Statement q(*m_db, insert_sql("promises", k_promise_fields));
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

std::vector<Promise>
Store::open_promises_opening_before(std::optional<Instant> opening_before) const
{
    SQLite::Statement q(
        *m_db, fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                           "WHERE p.status = 'open' AND c.archived_at IS NULL AND p.earliest < ? "
                           "ORDER BY p.latest, p.earliest, p.id",
                           k_promise_columns));
    q.bind(1,
           opening_before ? to_seconds(*opening_before) : std::numeric_limits<std::int64_t>::max());
    return read_promises(q);
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

std::vector<Promise> Store::promises_resolved_between(Instant from, Instant to) const
{
    SQLite::Statement q(
        *m_db, fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                           "WHERE c.archived_at IS NULL AND p.status <> 'open' AND "
                           "p.resolved_at >= ? AND p.resolved_at < ? "
                           "ORDER BY p.resolved_at, p.id",
                           k_promise_columns));
    q.bind(1, to_seconds(from));
    q.bind(2, to_seconds(to));
    return read_promises(q);
}

void Store::resolve_promise(Id id, PromiseStatus status, Instant at, const std::string& reason,
                            std::optional<Id> replaced_by)
{
    SQLite::Statement q(*m_db, "UPDATE promises SET status = ?, resolved_at = ?, reason = ?, "
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
    SQLite::Statement q(*m_db, update_sql("promises", k_promise_fields));
    bind_promise(q, p);
    q.bind(":id", p.id);
    q.exec();
}

} // namespace fu
