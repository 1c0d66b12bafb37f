// src/store/contacts.cpp — contacts and their tags.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

Id Store::add_contact(const ContactChanges& fields, Instant now)
{
    SQLite::Statement q(*m_db, "INSERT INTO contacts (name, name_folded, company, phone, email, "
                               "note, tz, created_at, every, interest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const std::string name = fields.name.value_or("");
    q.bind(1, name);
    q.bind(2, fold_case(name));
    q.bind(3, fields.company.value_or(""));
    q.bind(4, fields.phone.value_or(""));
    q.bind(5, fields.email.value_or(""));
    q.bind(6, fields.note.value_or(""));
    q.bind(7, fields.tz.value_or(""));
    q.bind(8, to_seconds(now));
    q.bind(9, fields.every.value_or(""));
    q.bind(10, fields.interest.value_or(""));
    q.exec();
    const Id id = m_db->getLastInsertRowid();
    ContactChanges tags_only;
    tags_only.add_tags = fields.add_tags;
    update_contact(id, tags_only);
    return id;
}

void Store::update_contact(Id id, const ContactChanges& changes)
{
    const auto set_text = [&](const char* column, const std::optional<std::string>& value) {
        if (!value) {
            return;
        }
        SQLite::Statement q(*m_db, fmt::format("UPDATE contacts SET {} = ? WHERE id = ?", column));
        q.bind(1, *value);
        q.bind(2, id);
        q.exec();
    };
    set_text("name", changes.name);
    if (changes.name) {
        set_text("name_folded", fold_case(*changes.name));
    }
    set_text("company", changes.company);
    set_text("phone", changes.phone);
    set_text("email", changes.email);
    set_text("note", changes.note);
    set_text("tz", changes.tz);
    set_text("every", changes.every);
    set_text("interest", changes.interest);
    for (const auto& tag : changes.add_tags) {
        SQLite::Statement q(*m_db,
                            "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)");
        q.bind(1, id);
        q.bind(2, tag);
        q.exec();
    }
    for (const auto& tag : changes.remove_tags) {
        SQLite::Statement q(*m_db, "DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?");
        q.bind(1, id);
        q.bind(2, tag);
        q.exec();
    }
}

std::optional<Contact> Store::contact(Id id) const
{
    SQLite::Statement q(*m_db,
                        fmt::format("SELECT {} FROM contacts c WHERE c.id = ?", k_contact_columns));
    q.bind(1, id);
    return read_first(q, read_contact);
}

std::vector<Contact> Store::contacts_by_email(const std::string& email) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM contacts c WHERE c.email = ? COLLATE "
                                           "NOCASE AND c.email <> '' ORDER BY c.id",
                                           k_contact_columns));
    q.bind(1, email);
    return read_contacts(q);
}

std::vector<Contact> Store::contacts_with_ids(const std::vector<Id>& ids) const
{
    SQLite::Statement q(*m_db,
                        fmt::format("SELECT {} FROM contacts c WHERE c.id IN (SELECT value FROM "
                                    "json_each(?)) ORDER BY c.id",
                                    k_contact_columns));
    q.bind(1, id_list(ids));
    return read_contacts(q);
}

std::vector<Contact> Store::contacts_by_name_part(const std::string& folded_part) const
{
    SQLite::Statement q(*m_db,
                        fmt::format("SELECT {} FROM contacts c WHERE instr(c.name_folded, ?) > 0 "
                                    "ORDER BY c.archived_at IS NOT NULL, c.id",
                                    k_contact_columns));
    q.bind(1, folded_part);
    return read_contacts(q);
}

std::vector<Contact> Store::list_contacts(const ContactFilter& filter) const
{
    std::string sql = fmt::format("SELECT {} FROM contacts c WHERE c.archived_at IS {} NULL",
                                  k_contact_columns, filter.archived ? "NOT" : "");
    if (!filter.tag.empty()) {
        sql += " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)";
    }
    if (filter.closed) {
        sql += *filter.closed ? " AND c.closed_at IS NOT NULL" : " AND c.closed_at IS NULL";
    }
    if (!filter.interest.empty()) {
        sql += " AND c.interest = :interest";
    }
    if (!fts_query(filter.search).empty()) {
        sql += " AND (c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :search) OR "
               "c.id IN "
               "(SELECT i.contact_id FROM interactions i WHERE i.id IN (SELECT rowid FROM "
               "interactions_fts "
               "WHERE interactions_fts MATCH :search)) OR c.id IN (SELECT p.contact_id FROM "
               "promises p WHERE "
               "p.id IN (SELECT rowid FROM promises_fts WHERE promises_fts MATCH :search)))";
    }
    sql += " ORDER BY c.name_folded, c.id";
    SQLite::Statement q(*m_db, sql);
    if (!filter.tag.empty()) {
        q.bind(":tag", filter.tag);
    }
    if (!filter.interest.empty()) {
        q.bind(":interest", filter.interest);
    }
    if (!fts_query(filter.search).empty()) {
        q.bind(":search", fts_query(filter.search));
    }
    return read_contacts(q);
}

void Store::set_archived(Id id, std::optional<Instant> archived_at)
{
    SQLite::Statement q(*m_db, "UPDATE contacts SET archived_at = ? WHERE id = ?");
    bind_optional(q, 1, archived_at);
    q.bind(2, id);
    q.exec();
}

void Store::set_closed(Id id, std::optional<Instant> closed_at)
{
    SQLite::Statement q(*m_db, "UPDATE contacts SET closed_at = ? WHERE id = ?");
    bind_optional(q, 1, closed_at);
    q.bind(2, id);
    q.exec();
}

void Store::purge_contact(Id id)
{
    // Foreign keys cascade to tags, promises and interactions.
    SQLite::Statement q(*m_db, "DELETE FROM contacts WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

std::vector<Contact>
Store::contacts_without_next_step(const std::vector<std::string>& settled_outcomes) const
{
    std::string settled = "[";
    for (std::size_t i = 0; i < settled_outcomes.size(); ++i) {
        settled += (i ? ",\"" : "\"") + settled_outcomes[i] + "\"";
    }
    settled += "]";
    SQLite::Statement q(
        *m_db, fmt::format(
                   "SELECT {} FROM contacts c WHERE c.archived_at IS NULL AND c.closed_at IS NULL "
                   "AND NOT EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = c.id AND "
                   "p.status = 'open') AND (EXISTS (SELECT 1 FROM promises p WHERE "
                   "p.contact_id = c.id) OR EXISTS (SELECT 1 FROM interactions i WHERE "
                   "i.contact_id = c.id)) AND coalesce((SELECT i.outcome FROM interactions i WHERE "
                   "i.contact_id = c.id ORDER BY i.at DESC, i.id DESC LIMIT 1), '') NOT IN "
                   "(SELECT value FROM json_each(:settled)) "
                   "ORDER BY c.name_folded, c.id",
                   k_contact_columns));
    q.bind(":settled", settled);
    return read_contacts(q);
}

std::vector<std::pair<Contact, Instant>> Store::contacts_silent_since(Instant before) const
{
    SQLite::Statement q(
        *m_db, fmt::format("SELECT {}, last.at AS last_at FROM contacts c JOIN (SELECT contact_id, "
                           "max(at) AS at FROM interactions GROUP BY contact_id) last "
                           "ON last.contact_id = c.id WHERE c.archived_at IS NULL AND "
                           "c.closed_at IS NULL AND last.at < ? ORDER BY last.at, c.id",
                           k_contact_columns));
    q.bind(1, to_seconds(before));
    std::vector<std::pair<Contact, Instant>> result;
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        result.emplace_back(std::move(contact), to_instant(q.getColumn("last_at").getInt64()));
    }
    return result;
}

void Store::set_reopened(Id id, std::optional<Instant> reopened_at)
{
    SQLite::Statement q(*m_db, "UPDATE contacts SET reopened_at = ?, closed_at = CASE WHEN ? IS "
                               "NULL THEN closed_at END WHERE id = ?");
    bind_optional(q, 1, reopened_at);
    bind_optional(q, 2, reopened_at);
    q.bind(3, id);
    q.exec();
}

std::vector<std::pair<Contact, Instant>> Store::contacts_to_keep_in_touch() const
{
    SQLite::Statement q(
        *m_db,
        fmt::format("SELECT {}, coalesce((SELECT max(i.at) FROM interactions i WHERE i.contact_id "
                    "= c.id), c.created_at) AS last_at FROM contacts c WHERE c.every <> '' AND "
                    "c.archived_at IS NULL AND c.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                    "promises p WHERE p.contact_id = c.id AND p.status = 'open') ORDER BY c.id",
                    k_contact_columns));
    std::vector<std::pair<Contact, Instant>> result;
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        result.emplace_back(std::move(contact), to_instant(q.getColumn("last_at").getInt64()));
    }
    return result;
}

std::vector<std::string> Store::contact_names() const
{
    SQLite::Statement q(*m_db,
                        "SELECT name FROM contacts WHERE archived_at IS NULL ORDER BY name_folded");
    std::vector<std::string> names;
    while (q.executeStep()) {
        names.push_back(q.getColumn(0).getString());
    }
    return names;
}

bool Store::has_contacts() const
{
    return m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM contacts)").getInt() != 0;
}

} // namespace fu
