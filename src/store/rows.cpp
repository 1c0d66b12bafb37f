#include "store/rows.hpp"

#include <algorithm>

#include "fu/text.hpp"

namespace fu::store_rows {

std::optional<Instant> optional_instant(const SQLite::Column& column)
{
    if (column.isNull()) {
        return std::nullopt;
    }
    return to_instant(column.getInt64());
}

std::optional<Id> optional_id(const SQLite::Column& column)
{
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt64();
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<Instant> value)
{
    if (value) {
        statement.bind(index, to_seconds(*value));
    } else {
        statement.bind(index);
    }
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<Id> value)
{
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

void bind_optional(SQLite::Statement& statement, const char* name, std::optional<Instant> value)
{
    bind_optional(statement, statement.getIndex(name), value);
}

void bind_optional(SQLite::Statement& statement, const char* name, std::optional<Id> value)
{
    bind_optional(statement, statement.getIndex(name), value);
}

std::string id_list(const std::vector<Id>& ids)
{
    std::string list = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        list += (i ? "," : "") + std::to_string(ids[i]);
    }
    return list + "]";
}

std::string fts_query(const std::string& text)
{
    std::vector<std::string> terms;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            terms.push_back("\"" + word + "\"*");
            word.clear();
        }
    };
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            flush();
        } else if (c == '"') {
            word += "\"\"";
        } else {
            word += c;
        }
    }
    flush();
    return join(terms, " ");
}

const char* const k_contact_columns =
    "c.id, c.name, c.company, c.phone, c.email, c.note, c.tz, c.created_at, c.archived_at, c.closed_at, "
    "(SELECT group_concat(tag, char(31)) FROM contact_tags t WHERE t.contact_id = c.id) AS tags";

const char* const k_promise_columns =
    "p.id, p.contact_id, p.made_at, p.earliest, p.latest, p.text, p.zone, p.about, p.agreed, p.via, "
    "p.status, p.resolved_at, p.replaced_by, p.rescheduled_from, p.made_with, p.reason";

const char* const k_interaction_columns =
    "i.id, i.contact_id, i.at, i.kind, i.outcome, i.note, i.promise_id, i.direction, i.keeps, i.chosen_promise";

Contact read_contact(SQLite::Statement& q)
{
    Contact c;
    c.id = q.getColumn("id").getInt64();
    c.name = q.getColumn("name").getString();
    c.company = q.getColumn("company").getString();
    c.phone = q.getColumn("phone").getString();
    c.email = q.getColumn("email").getString();
    c.note = q.getColumn("note").getString();
    c.tz = q.getColumn("tz").getString();
    c.created_at = to_instant(q.getColumn("created_at").getInt64());
    c.archived_at = optional_instant(q.getColumn("archived_at"));
    c.closed_at = optional_instant(q.getColumn("closed_at"));
    const std::string tags = q.getColumn("tags").getString();
    std::size_t start = 0;
    while (!tags.empty() && start <= tags.size()) {
        const std::size_t end = std::min(tags.find('\x1f', start), tags.size());
        c.tags.push_back(tags.substr(start, end - start));
        start = end + 1;
    }
    std::sort(c.tags.begin(), c.tags.end());
    return c;
}

Promise read_promise(SQLite::Statement& q)
{
    Promise p;
    p.id = q.getColumn("id").getInt64();
    p.contact_id = q.getColumn("contact_id").getInt64();
    p.made_at = to_instant(q.getColumn("made_at").getInt64());
    p.earliest = to_instant(q.getColumn("earliest").getInt64());
    p.latest = to_instant(q.getColumn("latest").getInt64());
    p.text = q.getColumn("text").getString();
    p.zone = q.getColumn("zone").getString();
    p.about = q.getColumn("about").getString();
    p.agreed = q.getColumn("agreed").getInt() != 0;
    p.via = q.getColumn("via").getString();
    p.status = promise_status_from(q.getColumn("status").getString()).value_or(PromiseStatus::open);
    p.resolved_at = optional_instant(q.getColumn("resolved_at"));
    p.replaced_by = optional_id(q.getColumn("replaced_by"));
    p.rescheduled_from = optional_id(q.getColumn("rescheduled_from"));
    p.made_with = optional_id(q.getColumn("made_with"));
    p.reason = q.getColumn("reason").getString();
    return p;
}

Interaction read_interaction(SQLite::Statement& q)
{
    Interaction i;
    i.id = q.getColumn("id").getInt64();
    i.contact_id = q.getColumn("contact_id").getInt64();
    i.at = to_instant(q.getColumn("at").getInt64());
    i.kind = q.getColumn("kind").getString();
    i.outcome = q.getColumn("outcome").getString();
    i.note = q.getColumn("note").getString();
    i.promise_id = optional_id(q.getColumn("promise_id"));
    i.inbound = q.getColumn("direction").getString() == "in";
    i.keeps = keep_choice_from(q.getColumn("keeps").getString()).value_or(KeepChoice::automatic);
    i.chosen_promise = optional_id(q.getColumn("chosen_promise"));
    return i;
}

std::vector<Contact> read_contacts(SQLite::Statement& q)
{
    std::vector<Contact> rows;
    while (q.executeStep()) {
        rows.push_back(read_contact(q));
    }
    return rows;
}

std::vector<Promise> read_promises(SQLite::Statement& q)
{
    std::vector<Promise> rows;
    while (q.executeStep()) {
        rows.push_back(read_promise(q));
    }
    return rows;
}

std::vector<Interaction> read_interactions(SQLite::Statement& q)
{
    std::vector<Interaction> rows;
    while (q.executeStep()) {
        rows.push_back(read_interaction(q));
    }
    return rows;
}

} // namespace fu::store_rows
