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

namespace {

// Rows added many at a time go first into a private staging table with the table's columns (no
// triggers, no indexes), then into the table in one statement: the full-text index is written
// once for the lot, not once per row (FTS5 writes its pending terms at every statement's end).
class Staging {
public:
    Staging(SQLite::Database& db, const char* table, const std::string& columns)
        : m_db(db), m_table(table), m_columns(columns)
    {
        // A bulk write's pages stay in memory until the commit writes them once, instead of being
        // spilled to the WAL mid-transaction and read back (SQLite's default cache is 2 MB).
        m_db.exec("PRAGMA cache_size = -131072");
        m_db.exec(fmt::format("DROP TABLE IF EXISTS temp.staging_{0}; CREATE TEMP TABLE staging_{0} AS "
                              "SELECT {1} FROM main.{0} WHERE 0",
                              m_table, m_columns));
    }
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;
    ~Staging()
    {
        try {
            m_db.exec(fmt::format("DROP TABLE IF EXISTS temp.staging_{}", m_table));
        } catch (...) {
            // the transaction is failing already; it takes the temporary table with it
        }
    }
    std::string insert_sql() const { return store_rows::insert_sql(fmt::format("temp.staging_{}", m_table).c_str(), m_columns.c_str()); }
    void move_in(const char* verb = "INSERT")
    {
        m_db.exec(fmt::format("{0} INTO main.{1} ({2}) SELECT {2} FROM temp.staging_{1} ORDER BY rowid", verb,
                              m_table, m_columns));
    }

private:
    SQLite::Database& m_db;
    std::string m_table;
    std::string m_columns;
};

} // namespace

void Store::insert_contact_records(const std::vector<ContactRecord>& records)
{
    if (records.empty()) {
        return;
    }
    Staging contacts(*m_db, "contacts",
                     "id, name, name_folded, company, phone, email, note, tz, created_at, archived_at, closed_at, "
                     "reopened_at, every, every_after, interest");
    Staging tags(*m_db, "contact_tags", "contact_id, tag");
    SQLite::Statement add(*m_db, contacts.insert_sql());
    SQLite::Statement tag(*m_db, tags.insert_sql());
    for (const auto& [c, every_after] : records) {
        add.bind(":id", c.id);
        add.bind(":name", c.name);
        add.bind(":name_folded", fold_case(c.name));
        add.bind(":company", c.company);
        add.bind(":phone", c.phone);
        add.bind(":email", c.email);
        add.bind(":note", c.note);
        add.bind(":tz", c.tz);
        add.bind(":created_at", to_seconds(c.created_at));
        bind_optional(add, ":archived_at", c.archived_at);
        bind_optional(add, ":closed_at", c.closed_at);
        bind_optional(add, ":reopened_at", c.reopened_at);
        add.bind(":every", c.every);
        add.bind(":every_after", every_after);
        add.bind(":interest", c.interest);
        add.exec();
        add.reset();
        for (const auto& t : c.tags) {
            tag.bind(":contact_id", c.id);
            tag.bind(":tag", t);
            tag.exec();
            tag.reset();
        }
    }
    contacts.move_in();
    tags.move_in("INSERT OR IGNORE");
}

void Store::insert_promise_records(const std::vector<Promise>& promises)
{
    if (promises.empty()) {
        return;
    }
    Staging staging(*m_db, "promises", fmt::format("id, {}", k_promise_fields));
    SQLite::Statement add(*m_db, staging.insert_sql());
    for (const Promise& p : promises) {
        bind_promise(add, p);
        add.bind(":id", p.id);
        add.exec();
        add.reset();
    }
    staging.move_in();
}

void Store::insert_interaction_records(const std::vector<Interaction>& interactions)
{
    if (interactions.empty()) {
        return;
    }
    Staging staging(*m_db, "interactions", fmt::format("id, {}", k_interaction_fields));
    SQLite::Statement add(*m_db, staging.insert_sql());
    for (const Interaction& i : interactions) {
        bind_interaction(add, i);
        add.bind(":id", i.id);
        add.exec();
        add.reset();
    }
    staging.move_in();
}

void Store::link_promise_records(const std::vector<Promise>& promises)
{
    if (promises.empty()) {
        return;
    }
    Staging links(*m_db, "promises", "id, replaced_by, rescheduled_from, made_with");
    SQLite::Statement add(*m_db, links.insert_sql());
    for (const Promise& p : promises) {
        add.bind(":id", p.id);
        bind_optional(add, ":replaced_by", p.replaced_by);
        bind_optional(add, ":rescheduled_from", p.rescheduled_from);
        bind_optional(add, ":made_with", p.made_with);
        add.exec();
        add.reset();
    }
    m_db->exec("UPDATE main.promises SET replaced_by = l.replaced_by, rescheduled_from = l.rescheduled_from, "
               "made_with = l.made_with FROM temp.staging_promises l WHERE main.promises.id = l.id");
}

std::vector<Contact> Store::contacts_named(const std::string& folded_name) const
{
    static const std::string sql =
        fmt::format("SELECT {} FROM contacts c WHERE c.name_folded = ? ORDER BY c.id", k_contact_columns);
    SQLite::Statement& q = prepared(sql);
    q.bind(1, folded_name);
    std::vector<Contact> found = read_contacts(q);
    q.reset();
    return found;
}

} // namespace fu
