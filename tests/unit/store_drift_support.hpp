// tests/unit/store_drift_support.hpp — the state a store keeps up to date on write (each contact's
// summary, each promise's copy of its contact, the running tallies), recounted from the rows.
#pragma once

#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <sqlite3.h>

namespace fu::test {

// The number of rows where the kept state differs from a recount: 0 when all is well.
inline const char* const k_drift_sql = R"sql(
SELECT
  (SELECT count(*) FROM contacts c WHERE
      c.open_promises <> (SELECT count(*) FROM promises p WHERE p.contact_id = c.id AND p.status = 'open')
   OR c.has_history <> (EXISTS (SELECT 1 FROM promises p WHERE p.contact_id = c.id)
                        OR EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = c.id))
   OR c.last_at IS NOT (SELECT max(i.at) FROM interactions i WHERE i.contact_id = c.id)
   OR c.last_outcome <> coalesce((SELECT i.outcome FROM interactions i WHERE i.contact_id = c.id
                                  ORDER BY i.at DESC, i.id DESC LIMIT 1), ''))
+ (SELECT count(*) FROM promises p JOIN contacts c ON c.id = p.contact_id
   WHERE p.interest <> c.interest OR p.listed <> (c.archived_at IS NULL))
+ (SELECT count(*) FROM (
     SELECT 'no_next_step', last_outcome, interest, count(*) FROM contacts
     WHERE archived_at IS NULL AND closed_at IS NULL AND open_promises = 0 AND has_history = 1 AND every = ''
     GROUP BY last_outcome, interest
     UNION ALL
     SELECT 'heard', '', interest, count(*) FROM contacts
     WHERE archived_at IS NULL AND closed_at IS NULL AND every = '' AND last_at IS NOT NULL GROUP BY interest
     EXCEPT SELECT name, outcome, interest, n FROM tallies WHERE n > 0))
+ (SELECT count(*) FROM (
     SELECT name, outcome, interest, n FROM tallies WHERE n > 0 AND name IN ('no_next_step', 'heard')
     EXCEPT SELECT * FROM (
       SELECT 'no_next_step', last_outcome, interest, count(*) FROM contacts
       WHERE archived_at IS NULL AND closed_at IS NULL AND open_promises = 0 AND has_history = 1 AND every = ''
       GROUP BY last_outcome, interest
       UNION ALL
       SELECT 'heard', '', interest, count(*) FROM contacts
       WHERE archived_at IS NULL AND closed_at IS NULL AND every = '' AND last_at IS NOT NULL GROUP BY interest)))
+ (SELECT count(*) FROM (
     SELECT 'promises', status, '', count(*) FROM promises GROUP BY status
     UNION ALL SELECT 'interactions_' || direction, kind, outcome, count(*) FROM interactions
     GROUP BY direction, kind, outcome
     EXCEPT SELECT name, outcome, interest, n FROM tallies WHERE n > 0 AND name NOT IN ('no_next_step', 'heard')))
+ (SELECT count(*) FROM (
     SELECT name, outcome, interest, n FROM tallies WHERE n > 0 AND name NOT IN ('no_next_step', 'heard')
     EXCEPT SELECT * FROM (
       SELECT 'promises', status, '', count(*) FROM promises GROUP BY status
       UNION ALL SELECT 'interactions_' || direction, kind, outcome, count(*) FROM interactions
       GROUP BY direction, kind, outcome)))
+ (SELECT count(*) FROM tallies WHERE n < 0)
)sql";

inline int drift(const std::filesystem::path& path)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, k_drift_sql, -1, &q, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    const int rows = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return rows;
}

} // namespace fu::test

namespace fu::test {

// The rows `sql` reads from the database file, one line each, columns separated by '|' (NULL as
// "-"): for comparing the kept columns of two books.
inline std::string query_rows(const std::filesystem::path& path, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK);
    std::string out;
    while (sqlite3_step(q) == SQLITE_ROW) {
        for (int n = 0; n < sqlite3_column_count(q); ++n) {
            const unsigned char* text = sqlite3_column_text(q, n);
            out += (n == 0 ? "" : "|") +
                   std::string(text == nullptr ? "-" : reinterpret_cast<const char*>(text));
        }
        out += '\n';
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return out;
}

} // namespace fu::test
