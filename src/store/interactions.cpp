// src/store/interactions.cpp — logged calls, emails, visits, …
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/queries.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;
using namespace store_queries;

Id Store::add_interaction(const Interaction& i)
{
    SQLite::Statement& q = prepared(insert_sql("interactions", k_interaction_fields));
    bind_interaction(q, i);
    q.exec();
    return m_db->getLastInsertRowid();
}

namespace {

InteractionPart part_of(const InteractionFilter& filter)
{
    return filter.include_archived ? InteractionPart::all : InteractionPart::live;
}

void bind_filter(SQLite::Statement& q, const InteractionFilter& filter, bool count)
{
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
    if (!count && filter.limit > 0) {
        q.bind(":limit", filter.limit);
    }
}

} // namespace

std::vector<Interaction> Store::list_interactions(const InteractionFilter& filter) const
{
    SQLite::Statement q(*m_db, interactions_sql(filter, k_interaction_columns, part_of(filter), false, false));
    bind_filter(q, filter, false);
    return read_interactions(q);
}

void Store::each_interaction(const InteractionFilter& filter,
                             const std::function<void(Interaction&, Contact&)>& sink) const
{
    SQLite::Statement q(*m_db, interactions_sql(filter,
                                                fmt::format("{}, c.id, c.name, c.company, c.phone, c.email, c.tz",
                                                            k_interaction_columns),
                                                part_of(filter), true, false));
    bind_filter(q, filter, false);
    const int first = q.getColumnCount() - 6; // the contact's columns follow the interaction's
    while (q.executeStep()) {
        Interaction interaction = read_interaction(q);
        Contact contact;
        contact.id = q.getColumn(first).getInt64();
        contact.name = q.getColumn(first + 1).getString();
        contact.company = q.getColumn(first + 2).getString();
        contact.phone = q.getColumn(first + 3).getString();
        contact.email = q.getColumn(first + 4).getString();
        contact.tz = q.getColumn(first + 5).getString();
        sink(interaction, contact);
    }
}

std::int64_t Store::count_interactions(const InteractionFilter& filter) const
{
    const auto count = [&](InteractionPart part) {
        SQLite::Statement q(*m_db, interactions_sql(filter, "count(*)", part, false, true));
        bind_filter(q, filter, true);
        q.executeStep();
        return q.getColumn(0).getInt64();
    };
    // The live contacts' interactions: all of them less the archived contacts' (few), so that no
    // interaction's contact is read.
    return filter.include_archived ? count(InteractionPart::all)
                                   : count(InteractionPart::all) - count(InteractionPart::archived);
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

namespace store_queries {

std::string interactions_sql(const InteractionFilter& filter, const std::string& columns, InteractionPart part,
                             bool with_contact, bool count)
{
    const bool unfiltered =
        !filter.contact_id && fts_query(filter.search).empty() && !filter.since && !filter.until;
    if (count && unfiltered && part != InteractionPart::live) {
        // Every interaction (by direction, kind and outcome) or the archived contacts': running
        // counts the triggers keep.
        return part == InteractionPart::all
                   ? "SELECT coalesce(sum(n), 0) FROM tallies WHERE name IN ('interactions_in', "
                     "'interactions_out')"
                   : "SELECT coalesce(sum(n), 0) FROM tallies WHERE name = 'interactions_archived'";
    }
    std::string sql =
        part == InteractionPart::archived
            ? fmt::format("SELECT {} FROM contacts c INDEXED BY contacts_archived "
                          "CROSS JOIN interactions i ON i.contact_id = c.id WHERE c.archived_at IS NOT NULL",
                          columns) // the archived contacts first (CROSS JOIN keeps the order)
            : fmt::format("SELECT {} FROM interactions i{} WHERE 1", columns,
                          part == InteractionPart::live || with_contact ? " JOIN contacts c ON c.id = i.contact_id" : "");
    if (part == InteractionPart::live) {
        sql += " AND c.archived_at IS NULL";
    }
    if (filter.contact_id) {
        sql += " AND i.contact_id = :contact";
    }
    if (!fts_query(filter.search).empty()) {
        sql += " AND i.id IN (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH :search)";
    }
    if (filter.since) {
        sql += " AND i.at >= :since";
    }
    if (filter.until) {
        sql += " AND i.at < :until";
    }
    if (!count) {
        sql += " ORDER BY i.at DESC, i.id DESC";
        if (filter.limit > 0) {
            sql += " LIMIT :limit";
        }
    }
    return sql;
}

} // namespace store_queries

} // namespace fu
