// src/store/rows.hpp — what the store's files share: instants as seconds, optional columns,
// id lists for json_each(), and reading each table's rows by column name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "fu/model.hpp"

namespace fu::store_rows {

inline Instant to_instant(std::int64_t seconds)
{
    return Instant{std::chrono::seconds{seconds}};
}
inline std::int64_t to_seconds(Instant t)
{
    return t.time_since_epoch().count();
}

std::optional<Instant> optional_instant(const SQLite::Column& column);
std::optional<Id> optional_id(const SQLite::Column& column);
void bind_optional(SQLite::Statement& statement, int index, std::optional<Instant> value);
void bind_optional(SQLite::Statement& statement, int index, std::optional<Id> value);
void bind_optional(SQLite::Statement& statement, const char* name, std::optional<Instant> value);
void bind_optional(SQLite::Statement& statement, const char* name, std::optional<Id> value);

// A list of ids as a JSON array, bound to one parameter and read with json_each().
std::string id_list(const std::vector<Id>& ids);
// A list of words as a JSON array, for the same purpose.
std::string text_list(const std::vector<std::string>& words);

// Each word becomes a quoted prefix term, so user text is never FTS5 syntax.
std::string fts_query(const std::string& text);

// The select lists that the readers below expect (tables aliased c, p and i).
extern const char* const k_contact_columns;
extern const char* const k_promise_columns;
extern const char* const k_interaction_columns;

Contact read_contact(SQLite::Statement& q);
Promise read_promise(SQLite::Statement& q);
Interaction read_interaction(SQLite::Statement& q);
std::vector<Contact> read_contacts(SQLite::Statement& q);
std::vector<Promise> read_promises(SQLite::Statement& q);
std::vector<Interaction> read_interactions(SQLite::Statement& q);

// The first row of a query through `reader`, or nullopt when there is none.
template <typename Reader>
auto read_first(SQLite::Statement& q, Reader reader) -> std::optional<decltype(reader(q))>
{
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return reader(q);
}

// The named columns each table's writes bind (`:contact_id`, `:made_at`, …), shared by INSERT and
// UPDATE so that a field is written in one place.
extern const char* const k_promise_fields;     // "contact_id, made_at, …" (without id)
extern const char* const k_interaction_fields; // "contact_id, at, …" (without id)
void bind_promise(SQLite::Statement& q, const Promise& p);
void bind_interaction(SQLite::Statement& q, const Interaction& i);
// "INSERT INTO table (fields) VALUES (:field, …)" and "UPDATE table SET field = :field, … WHERE id
// = :id".
std::string insert_sql(const char* table, const char* fields);
std::string update_sql(const char* table, const char* fields);

} // namespace fu::store_rows
