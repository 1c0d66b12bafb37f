// src/store/query_plans.cpp — the plans of the hot queries, from the SQL the store runs.
#include <fmt/format.h>

#include "fu/store.hpp"
#include "store/queries.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_queries;

std::vector<std::pair<std::string, std::string>> Store::hot_query_plans() const
{
    const Instant now{std::chrono::seconds{1'800'000'000}};
    std::vector<std::pair<std::string, std::string>> plans;
    const auto add = [&](std::string name, const std::string& sql) {
        plans.emplace_back(std::move(name), explain(sql));
    };

    WindowQuery overdue;
    overdue.interest = "hot";
    overdue.latest_until = now;
    overdue.limit = 50;
    add("due: overdue page", window_sql(overdue));
    WindowQuery due_now;
    due_now.interest = "";
    due_now.latest_after = now;
    due_now.earliest_until = now;
    due_now.limit = 50;
    add("due: due-now page", window_sql(due_now));
    WindowQuery upcoming;
    upcoming.interest = "cold";
    upcoming.earliest_after = now;
    upcoming.earliest_before = now + std::chrono::hours{24};
    upcoming.by_opening = true;
    upcoming.limit = 50;
    add("due: upcoming page", window_sql(upcoming));
    WindowQuery all_overdue;
    all_overdue.latest_until = now;
    add("due: overdue count", window_count_sql(all_overdue));
    WindowQuery all_due;
    all_due.latest_after = now;
    all_due.earliest_until = now;
    add("due: due-now count", window_count_sql(all_due));
    WindowQuery agreed = upcoming;
    agreed.agreed_only = true;
    agreed.not_reminded = true;
    agreed.earliest_from = now;
    add("digest: agreed page", window_sql(agreed));
    agreed.interest.reset();
    add("digest: agreed count", window_count_sql(agreed));
    WindowQuery agreed_overdue = all_overdue;
    agreed_overdue.agreed_only = true;
    add("due --agreed: overdue count", window_count_sql(agreed_overdue));

    NextStepQuery next;
    next.settled_outcomes = {"won"};
    next.limit = 10;
    add("no next step: page", next_step_sql(next));
    add("no next step: count", tally_sql("hot", true));
    next.active_since = now;
    add("no next step: count since", next_step_active_count_sql(next));
    SilenceQuery silence{now, "", 25};
    add("going cold: page", silence_sql(silence));
    add("going cold: count", tally_sql("", false));
    add("going cold: recently heard", recently_heard_count_sql(silence));
    add("keep in touch: candidates", touch_candidates_sql(true, false, false));
    overdue.interest = "warm";
    add("keep in touch: overdue page", touch_window_sql(overdue));
    add("keep in touch: due-now page", touch_window_sql(due_now));
    add("keep in touch: upcoming page", touch_window_sql(upcoming));
    add("keep in touch: overdue count", touch_window_count_sql(all_overdue));
    add("keep in touch: due-now count", touch_window_count_sql(all_due));
    WindowQuery opened;
    opened.interest = "hot";
    opened.earliest_until = now;
    add("keep in touch: opened count", touch_window_count_sql(opened));
    add("keep in touch: longest silent page", touch_silence_sql(opened, false));
    add("keep in touch: silent ties", touch_silence_sql(opened, true));
    add("keep in touch: zone check", k_touch_zone_other_sql);
    add("keep in touch: stale windows", k_touch_refresh_sql);
    add("completion: names by prefix", contact_names_sql(100));
    m_db->exec(k_search_hits_table); // what a search's page and count read
    ContactFilter search;
    search.search = "northwind";
    search.limit = 50;
    add("contacts: count in follow-up", tally_sql("", false));
    add("search: page of many", contacts_sql(search, true));
    add("search: few matches", contacts_sql(search, false));
    add("search: count", contacts_count_sql(search));
    const char* const ways[] = {"search: matches by fields", "search: matches by notes",
                                "search: matches by purposes"};
    const std::vector<std::string> inserts = search_hits_sql();
    for (std::size_t way = 0; way < inserts.size(); ++way) {
        add(ways[way], inserts[way]);
    }
    add("search: archived matches", archived_hits_count_sql());
    add("search: archived contacts", k_archived_count_sql);
    InteractionFilter log;
    log.limit = 50;
    const std::string log_columns = "i.id, c.name";
    add("log: page", interactions_sql(log, log_columns, InteractionPart::live, true, false));
    add("log: count", interactions_sql(log, "count(*)", InteractionPart::all, false, true));
    add("log: archived count", interactions_sql(log, "count(*)", InteractionPart::archived, false, true));
    InteractionFilter since = log;
    since.since = now;
    add("log: page since", interactions_sql(since, log_columns, InteractionPart::live, true, false));
    add("log: count since", interactions_sql(since, "count(*)", InteractionPart::all, false, true));
    add("log: archived count since",
        interactions_sql(since, "count(*)", InteractionPart::archived, false, true));
    InteractionFilter one = log;
    one.contact_id = 1;
    one.include_archived = true;
    add("log: page of a contact", interactions_sql(one, log_columns, InteractionPart::all, true, false));
    add("digest: yesterday", resolved_sql(true, false, 25));
    add("stats: promises by status", k_promises_by_status_sql);
    add("stats: open windows closed", k_open_closed_sql);
    add("stats: median lateness", k_lateness_sql);
    add("stats: interactions since", k_interaction_groups_sql);
    add("stats: the whole record", k_tallies_sql);
    return plans;
}

} // namespace fu
