#include "store/rows.hpp"

#include <algorithm>
#include <fmt/format.h>

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

std::string text_list(const std::vector<std::string>& words)
{
    std::string json = "[";
    for (const std::string& word : words) {
        json += json.size() > 1 ? ",\"" : "\"";
        for (const char c : word) {
            if (c == '"' || c == '\\') {
                json += '\\';
            }
            json += c;
        }
        json += '"';
    }
    return json + "]";
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
    "c.id, c.name, c.company, c.phone, c.email, c.note, c.tz, c.created_at, c.archived_at, "
    "c.closed_at, c.reopened_at, c.every, c.interest, "
    "(SELECT group_concat(tag, char(31)) FROM contact_tags t WHERE t.contact_id = c.id) AS tags";

const char* const k_promise_columns =
    "p.id, p.contact_id, p.made_at, p.earliest, p.latest, p.text, p.zone, p.about, p.agreed, "
    "p.via, "
    "p.status, p.resolved_at, p.replaced_by, p.rescheduled_from, p.made_with, p.reason, "
    "p.plan_id, p.plan_step";

const char* const k_interaction_columns = "i.id, i.contact_id, i.at, i.kind, i.outcome, i.note, "
                                          "i.promise_id, i.direction, i.keeps, i.chosen_promise, "
                                          "i.reminds";

// The readers take columns by position: every query selects its table's column list first.
Contact read_contact(SQLite::Statement& q)
{
    Contact c;
    c.id = q.getColumn(0).getInt64();
    c.name = q.getColumn(1).getString();
    c.company = q.getColumn(2).getString();
    c.phone = q.getColumn(3).getString();
    c.email = q.getColumn(4).getString();
    c.note = q.getColumn(5).getString();
    c.tz = q.getColumn(6).getString();
    c.created_at = to_instant(q.getColumn(7).getInt64());
    c.archived_at = optional_instant(q.getColumn(8));
    c.closed_at = optional_instant(q.getColumn(9));
    c.reopened_at = optional_instant(q.getColumn(10));
    c.every = q.getColumn(11).getString();
    c.interest = q.getColumn(12).getString();
    const std::string tags = q.getColumn(13).getString();
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
    p.id = q.getColumn(0).getInt64();
    p.contact_id = q.getColumn(1).getInt64();
    p.made_at = to_instant(q.getColumn(2).getInt64());
    p.earliest = to_instant(q.getColumn(3).getInt64());
    p.latest = to_instant(q.getColumn(4).getInt64());
    p.text = q.getColumn(5).getString();
    p.zone = q.getColumn(6).getString();
    p.about = q.getColumn(7).getString();
    p.agreed = q.getColumn(8).getInt() != 0;
    p.via = q.getColumn(9).getString();
    p.status = promise_status_from(q.getColumn(10).getString()).value_or(PromiseStatus::open);
    p.resolved_at = optional_instant(q.getColumn(11));
    p.replaced_by = optional_id(q.getColumn(12));
    p.rescheduled_from = optional_id(q.getColumn(13));
    p.made_with = optional_id(q.getColumn(14));
    p.reason = q.getColumn(15).getString();
    p.plan_id = optional_id(q.getColumn(16));
    p.plan_step = q.getColumn(17).getInt();
    return p;
}

Interaction read_interaction(SQLite::Statement& q)
{
    Interaction i;
    i.id = q.getColumn(0).getInt64();
    i.contact_id = q.getColumn(1).getInt64();
    i.at = to_instant(q.getColumn(2).getInt64());
    i.kind = q.getColumn(3).getString();
    i.outcome = q.getColumn(4).getString();
    i.note = q.getColumn(5).getString();
    i.promise_id = optional_id(q.getColumn(6));
    i.inbound = q.getColumn(7).getString() == "in";
    i.keeps = keep_choice_from(q.getColumn(8).getString()).value_or(KeepChoice::automatic);
    i.chosen_promise = optional_id(q.getColumn(9));
    i.reminds = optional_id(q.getColumn(10));
    return i;
}

namespace {
template <typename Row>
std::vector<Row> read_all(SQLite::Statement& q, Row (*reader)(SQLite::Statement&))
{
    std::vector<Row> rows;
    while (q.executeStep()) {
        rows.push_back(reader(q));
    }
    return rows;
}

std::vector<std::string> field_names(const char* fields)
{
    std::vector<std::string> names;
    std::string name;
    for (const char* c = fields;; ++c) {
        if (*c == ',' || *c == '\0') {
            names.push_back(trim(name));
            name.clear();
            if (*c == '\0') {
                break;
            }
        } else {
            name += *c;
        }
    }
    return names;
}
} // namespace

std::vector<Contact> read_contacts(SQLite::Statement& q)
{
    return read_all(q, read_contact);
}
std::vector<Promise> read_promises(SQLite::Statement& q)
{
    return read_all(q, read_promise);
}
std::vector<Interaction> read_interactions(SQLite::Statement& q)
{
    return read_all(q, read_interaction);
}

const char* const k_promise_fields =
    "contact_id, made_at, earliest, latest, text, zone, about, agreed, via, status, "
    "resolved_at, replaced_by, rescheduled_from, made_with, reason, plan_id, plan_step";
const char* const k_interaction_fields =
    "contact_id, at, kind, outcome, note, promise_id, direction, keeps, chosen_promise, reminds";

void bind_promise(SQLite::Statement& q, const Promise& p)
{
    q.bind(":contact_id", p.contact_id);
    q.bind(":made_at", to_seconds(p.made_at));
    q.bind(":earliest", to_seconds(p.earliest));
    q.bind(":latest", to_seconds(p.latest));
    q.bind(":text", p.text);
    q.bind(":zone", p.zone);
    q.bind(":about", p.about);
    q.bind(":agreed", p.agreed ? 1 : 0);
    q.bind(":via", p.via);
    q.bind(":status", std::string(to_string(p.status)));
    bind_optional(q, ":resolved_at", p.resolved_at);
    bind_optional(q, ":replaced_by", p.replaced_by);
    bind_optional(q, ":rescheduled_from", p.rescheduled_from);
    bind_optional(q, ":made_with", p.made_with);
    q.bind(":reason", p.reason);
    bind_optional(q, ":plan_id", p.plan_id);
    q.bind(":plan_step", p.plan_step);
}

void bind_interaction(SQLite::Statement& q, const Interaction& i)
{
    q.bind(":contact_id", i.contact_id);
    q.bind(":at", to_seconds(i.at));
    q.bind(":kind", i.kind);
    q.bind(":outcome", i.outcome);
    q.bind(":note", i.note);
    bind_optional(q, ":promise_id", i.promise_id);
    q.bind(":direction", i.inbound ? "in" : "out");
    q.bind(":keeps", std::string(to_string(i.keeps)));
    bind_optional(q, ":chosen_promise", i.chosen_promise);
    bind_optional(q, ":reminds", i.reminds);
}

std::string insert_sql(const char* table, const char* fields)
{
    std::vector<std::string> values;
    for (const auto& name : field_names(fields)) {
        values.push_back(":" + name);
    }
    return fmt::format("INSERT INTO {} ({}) VALUES ({})", table, fields, join(values, ", "));
}

std::string update_sql(const char* table, const char* fields)
{
    std::vector<std::string> sets;
    for (const auto& name : field_names(fields)) {
        sets.push_back(name + " = :" + name);
    }
    return fmt::format("UPDATE {} SET {} WHERE id = :id", table, join(sets, ", "));
}

} // namespace fu::store_rows
