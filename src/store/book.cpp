// src/store/book.cpp — the whole book record by record: every row in id order for an export, and
// rows inserted exactly as a fu export holds them for an import.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

void Store::each_contact_record(const std::function<void(Contact&)>& sink) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM contacts c ORDER BY c.id", k_contact_columns));
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        sink(contact);
    }
}

void Store::each_promise_record(const std::function<void(Promise&)>& sink) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM promises p ORDER BY p.id", k_promise_columns));
    while (q.executeStep()) {
        Promise promise = read_promise(q);
        sink(promise);
    }
}

void Store::each_interaction_record(const std::function<void(Interaction&)>& sink) const
{
    SQLite::Statement q(*m_db,
                        fmt::format("SELECT {} FROM interactions i ORDER BY i.id", k_interaction_columns));
    while (q.executeStep()) {
        Interaction interaction = read_interaction(q);
        sink(interaction);
    }
}

Store::RecordIds Store::highest_ids() const
{
    // sqlite_sequence remembers ids given and since deleted: an import never reuses them either.
    RecordIds ids;
    const auto highest = [&](const char* table) -> Id {
        SQLite::Statement q(*m_db, fmt::format("SELECT max(coalesce((SELECT seq FROM sqlite_sequence "
                                               "WHERE name = '{0}'), 0), coalesce((SELECT max(id) FROM "
                                               "{0}), 0))",
                                               table));
        q.executeStep();
        return q.getColumn(0).getInt64();
    };
    ids.contact = highest("contacts");
    ids.plan = highest("plans");
    ids.promise = highest("promises");
    ids.interaction = highest("interactions");
    return ids;
}

void Store::defer_references()
{
    m_db->exec("PRAGMA defer_foreign_keys = ON");
}

void Store::insert_contact_record(const Contact& c, std::int64_t every_after)
{
    SQLite::Statement& q = prepared(
        "INSERT INTO contacts (id, name, name_folded, company, phone, email, note, tz, created_at, "
        "archived_at, closed_at, reopened_at, every, every_after, interest) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.id);
    q.bind(2, c.name);
    q.bind(3, fold_case(c.name));
    q.bind(4, c.company);
    q.bind(5, c.phone);
    q.bind(6, c.email);
    q.bind(7, c.note);
    q.bind(8, c.tz);
    q.bind(9, to_seconds(c.created_at));
    bind_optional(q, 10, c.archived_at);
    bind_optional(q, 11, c.closed_at);
    bind_optional(q, 12, c.reopened_at);
    q.bind(13, c.every);
    q.bind(14, every_after);
    q.bind(15, c.interest);
    q.exec();
    for (const auto& tag : c.tags) {
        SQLite::Statement& t = prepared("INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)");
        t.bind(1, c.id);
        t.bind(2, tag);
        t.exec();
    }
}

void Store::insert_promise_record(const Promise& p)
{
    static const std::string sql = [] {
        std::string s = insert_sql("promises", k_promise_fields);
        s.replace(s.find('(') + 1, 0, "id, ");
        s.replace(s.find("VALUES (") + 8, 0, ":id, ");
        return s;
    }();
    SQLite::Statement& q = prepared(sql);
    bind_promise(q, p);
    q.bind(":id", p.id);
    q.exec();
}

void Store::insert_interaction_record(const Interaction& i)
{
    static const std::string sql = [] {
        std::string s = insert_sql("interactions", k_interaction_fields);
        s.replace(s.find('(') + 1, 0, "id, ");
        s.replace(s.find("VALUES (") + 8, 0, ":id, ");
        return s;
    }();
    SQLite::Statement& q = prepared(sql);
    bind_interaction(q, i);
    q.bind(":id", i.id);
    q.exec();
}

std::vector<Contact> Store::contacts_named(const std::string& folded_name) const
{
    SQLite::Statement& q = prepared(
        fmt::format("SELECT {} FROM contacts c WHERE c.name_folded = ? ORDER BY c.id", k_contact_columns));
    q.bind(1, folded_name);
    std::vector<Contact> found = read_contacts(q);
    q.reset();
    return found;
}

} // namespace fu
