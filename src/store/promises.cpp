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
    SQLite::Statement q(*m_db,
                        "INSERT INTO promises (contact_id, made_at, earliest, latest, text, zone, "
                        "about, agreed, via, status, rescheduled_from, made_with) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)");
    q.bind(1, p.contact_id);
    q.bind(2, to_seconds(p.made_at));
    q.bind(3, to_seconds(p.earliest));
    q.bind(4, to_seconds(p.latest));
    q.bind(5, p.text);
    q.bind(6, p.zone);
    q.bind(7, p.about);
    q.bind(8, p.agreed ? 1 : 0);
    q.bind(9, p.via);
    bind_optional(q, 10, p.rescheduled_from);
    bind_optional(q, 11, p.made_with);
    q.exec();
    return m_db->getLastInsertRowid();
}

std::optional<Promise> Store::promise(Id id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p WHERE p.id = ?", k_promise_columns));
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_promise(q);
}

std::vector<Promise> Store::open_promises(std::optional<Id> contact_id) const
{
    return open_promises(PromiseFilter{contact_id, false});
}

std::vector<Promise> Store::open_promises(const PromiseFilter& filter) const
{
    std::string sql = fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
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

std::vector<Promise> Store::open_promises_opening_before(std::optional<Instant> opening_before) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
                                           "WHERE p.status = 'open' AND c.archived_at IS NULL AND p.earliest < ? "
                                           "ORDER BY p.latest, p.earliest, p.id",
                                           k_promise_columns));
    q.bind(1, opening_before ? to_seconds(*opening_before) : std::numeric_limits<std::int64_t>::max());
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
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p JOIN contacts c ON c.id = p.contact_id "
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

} // namespace fu

namespace fu {

void Store::update_promise(const Promise& p)
{
    SQLite::Statement q(*m_db, "UPDATE promises SET contact_id = :contact, made_at = :made, earliest = :earliest, "
                               "latest = :latest, text = :text, zone = :zone, about = :about, agreed = :agreed, "
                               "via = :via, status = :status, resolved_at = :resolved, replaced_by = :replaced_by, "
                               "rescheduled_from = :from, made_with = :made_with, reason = :reason WHERE id = :id");
    q.bind(":contact", p.contact_id);
    q.bind(":made", to_seconds(p.made_at));
    q.bind(":earliest", to_seconds(p.earliest));
    q.bind(":latest", to_seconds(p.latest));
    q.bind(":text", p.text);
    q.bind(":zone", p.zone);
    q.bind(":about", p.about);
    q.bind(":agreed", p.agreed ? 1 : 0);
    q.bind(":via", p.via);
    q.bind(":status", std::string(to_string(p.status)));
    bind_optional(q, ":resolved", p.resolved_at);
    bind_optional(q, ":replaced_by", p.replaced_by);
    bind_optional(q, ":from", p.rescheduled_from);
    bind_optional(q, ":made_with", p.made_with);
    q.bind(":reason", p.reason);
    q.bind(":id", p.id);
    q.exec();
}

void Store::delete_promise(Id id)
{
    SQLite::Statement q(*m_db, "DELETE FROM promises WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

} // namespace fu
