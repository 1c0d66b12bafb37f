// src/store/rows.hpp — what the store's files share: instants as seconds, optional columns,
// id lists for json_each(), and reading each table's rows by column name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "fu/model.hpp"

namespace fu::store_rows {

inline Instant to_instant(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }
inline std::int64_t to_seconds(Instant t) { return t.time_since_epoch().count(); }

std::optional<Instant> optional_instant(const SQLite::Column& column);
std::optional<Id> optional_id(const SQLite::Column& column);
void bind_optional(SQLite::Statement& statement, int index, std::optional<Instant> value);
void bind_optional(SQLite::Statement& statement, int index, std::optional<Id> value);
void bind_optional(SQLite::Statement& statement, const char* name, std::optional<Instant> value);
void bind_optional(SQLite::Statement& statement, const char* name, std::optional<Id> value);

// A list of ids as a JSON array, bound to one parameter and read with json_each().
std::string id_list(const std::vector<Id>& ids);

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

} // namespace fu::store_rows
