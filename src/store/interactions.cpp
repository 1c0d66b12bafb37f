// src/store/interactions.cpp — logged calls, emails, visits, …
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

Id Store::add_interaction(const Interaction& i)
{
    SQLite::Statement& q = prepared(insert_sql("interactions", k_interaction_fields));
    bind_interaction(q, i);
    q.exec();
    return m_db->getLastInsertRowid();
}

std::vector<Interaction> Store::list_interactions(const InteractionFilter& filter) const
{
    std::string sql = fmt::format("SELECT {} FROM interactions i WHERE 1", k_interaction_columns);
    if (filter.contact_id) {
        sql += " AND i.contact_id = :contact";
    }
    if (!filter.include_archived) {
        sql += " AND i.contact_id IN (SELECT id FROM contacts WHERE archived_at IS NULL)";
    }
    if (!fts_query(filter.search).empty()) {
        sql += " AND i.id IN (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH "
               ":search)";
    }
    if (filter.since) {
        sql += " AND i.at >= :since";
    }
    if (filter.until) {
        sql += " AND i.at < :until";
    }
    sql += " ORDER BY i.at DESC, i.id DESC";
    if (filter.limit > 0) {
        sql += " LIMIT :limit";
    }
    SQLite::Statement q(*m_db, sql);
    if (filter.contact_id) {
        q.bind(":contact", *filter.contact_id);
    }
    if (!fts_query(filter.search).empty()) {
        q.bind(":search", fts_query(filter.search));
    }
    if (filter.since) {
        q.bind(":since", to_seconds(*filter.since));
    }
    if (filter.until) {
        q.bind(":until", to_seconds(*filter.until));
    }
    if (filter.limit > 0) {
        q.bind(":limit", filter.limit);
    }
    return read_interactions(q);
}

std::vector<Interaction> Store::interactions_of_contact(Id contact_id) const
{
    static const std::string sql = fmt::format(
        "SELECT {} FROM interactions i WHERE i.contact_id = ? ORDER BY i.at, i.id", k_interaction_columns);
    SQLite::Statement& q = prepared(sql);
    q.bind(1, contact_id);
    auto interactions = read_interactions(q);
    q.reset();
    return interactions;
}

std::optional<Interaction> Store::interaction(Id id) const
{
    SQLite::Statement q(
        *m_db, fmt::format("SELECT {} FROM interactions i WHERE i.id = ?", k_interaction_columns));
    q.bind(1, id);
    return read_first(q, read_interaction);
}

void Store::update_interaction(const Interaction& i)
{
    SQLite::Statement& q = prepared(update_sql("interactions", k_interaction_fields));
    bind_interaction(q, i);
    q.bind(":id", i.id);
    q.exec();
}

void Store::delete_interaction(Id id)
{
    SQLite::Statement q(*m_db, "DELETE FROM interactions WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

} // namespace fu
