// src/store/queries.hpp — the SQL of the store's hot queries, built in one place so that the
// store runs exactly what Store::hot_query_plans() explains.
#pragma once

#include <string>
#include <vector>

#include "fu/store.hpp"

namespace fu::store_queries {

// The columns holding a window (of a promise, or a contact's keep-in-touch window).
struct WindowColumns {
    const char* interest;
    const char* earliest;
    const char* latest;
    const char* contact_id;
};
std::string window_bounds(const WindowQuery& query,
                          const WindowColumns& columns); // bound by bind_window
void bind_window(SQLite::Statement& q, const WindowQuery& query);
std::string window_sql(const WindowQuery& query);       // the open windows of a page of the agenda
std::string window_count_sql(const WindowQuery& query); // how many there are
std::string next_step_sql(const NextStepQuery& query);
std::string next_step_count_sql(const NextStepQuery& query);
std::string silence_sql(const SilenceQuery& query);
// Those of a NextStepQuery never heard from or heard from since :since (two ranges).
std::string next_step_active_count_sql(const NextStepQuery& query);
// Contacts with a cadence and no open promise (lean), below `:before` by `every_after` when bounded.
std::string touch_candidates_sql(bool bounded, bool with_interest, bool with_tag);
// The stored keep-in-touch windows of a WindowQuery: a page in agenda order (bound :limit), the
// count, the longest silent (bound :limit; with `at_silence`, those silent since :touched only).
std::string touch_window_sql(const WindowQuery& query);
std::string touch_window_count_sql(const WindowQuery& query);
std::string touch_silence_sql(const WindowQuery& query, bool at_silence);
extern const char* const k_touch_zone_other_sql; // whether any window is of a zone other than :zone
extern const char* const k_touch_refresh_sql;    // the windows a write's commit recomputes
// fu log's listing (`with_contact`: the contact's id, name, company, phone, email and zone after
// the interaction's columns) or its count (`count`), newest first; whose interactions: every
// contact's, live contacts' (joined with `contacts c`), or archived contacts' (read from the small
// index of archived contacts; every contact's count, unfiltered, from the running counts).
// Parameters :contact, :search, :since, :until, :limit.
enum class InteractionPart { all, live, archived };
std::string interactions_sql(const InteractionFilter& filter, const std::string& columns, InteractionPart part,
                             bool with_contact, bool count);
// A running count from `tallies` (:name, less :settled outcomes when asked, of one :interest).
std::string tally_sql(const std::string& interest, bool without_settled);
// Contacts of a SilenceQuery heard from at or after :before (the complement of the silent).
std::string recently_heard_count_sql(const SilenceQuery& query); // with `:before` when bounded
std::string contact_names_sql(int limit);
// fu contacts: a page in name order (a search's many matches found walking the name index) and
// the count of all (bound as :tag, :interest); a search reads the ids in temp.search_hits, made by
// k_search_hits_table and filled by search_hits_sql (bound as :search).
std::string contacts_sql(const ContactFilter& filter, bool by_name_index);
std::string contacts_count_sql(const ContactFilter& filter);
extern const char* const k_search_hits_table;
std::vector<std::string> search_hits_sql();
// Whether a count is of a plain search's matches among the live contacts, and how many of those
// in temp.search_hits are archived.
bool counts_live_matches(const ContactFilter& filter);
std::string archived_hits_count_sql();
extern const char* const k_archived_count_sql;
std::string limit_clause(int limit); // " LIMIT n", or nothing for 0
// Promises ended in [:from, :to) (of one :interest when asked).
std::string resolved_where(bool without_cancelled, bool with_interest);
std::string resolved_sql(bool without_cancelled, bool with_interest, int limit);
// fu stats.
extern const char* const k_promises_by_status_sql;
extern const char* const k_open_closed_sql;
extern const char* const k_lateness_sql;
extern const char* const k_interaction_groups_sql;
extern const char* const k_tallies_sql; // the whole record's running counts

} // namespace fu::store_queries
