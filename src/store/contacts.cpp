// src/store/contacts.cpp — contacts and their tags.
#include <algorithm>

#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "fu/text.hpp"
#include "store/queries.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

Id Store::add_contact(const ContactChanges& fields, Instant now)
{
    SQLite::Statement& q = prepared("INSERT INTO contacts (name, name_folded, company, phone, email, note, tz, "
                                    "created_at, every, interest, every_after) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    q.bind(11, fields.every_after.value_or(0));
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
        SQLite::Statement& q = prepared(fmt::format("UPDATE contacts SET {} = ? WHERE id = ?", column));
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
    if (changes.every_after) {
        SQLite::Statement& q = prepared("UPDATE contacts SET every_after = ? WHERE id = ?");
        q.bind(1, *changes.every_after);
        q.bind(2, id);
        q.exec();
    }
    set_text("interest", changes.interest);
    for (const auto& tag : changes.add_tags) {
        SQLite::Statement& q = prepared(
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
    static const std::string sql = fmt::format("SELECT {} FROM contacts c WHERE c.id = ?", k_contact_columns);
    SQLite::Statement& q = prepared(sql);
    q.bind(1, id);
    auto found = read_first(q, read_contact);
    q.reset();
    return found;
}

std::vector<Contact> Store::contacts_by_email(const std::string& email) const
{
    static const std::string sql = fmt::format(
        "SELECT {} FROM contacts c WHERE c.email = ? COLLATE NOCASE AND c.email <> '' ORDER BY c.id", k_contact_columns);
    SQLite::Statement& q = prepared(sql);
    q.bind(1, email);
    std::vector<Contact> found = read_contacts(q);
    q.reset();
    return found;
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

namespace {

// A search matching more contacts than this is "many": its page walks the name index, its count
// subtracts the archived matches.
constexpr std::int64_t k_many_matches = 1000;

// A page of matches in name order is read one of two ways: few matches are read by id and
// sorted; many (a company's name in a big book) are found walking the name index, which stops at
// the page's end instead of reading and sorting every match.
bool page_by_name_index(const ContactFilter& filter, std::int64_t matches)
{
    constexpr std::int64_t k_matches_per_row = 20;
    return filter.limit > 0 && matches > std::max(k_many_matches, k_matches_per_row * filter.limit);
}

void bind_contact_filter(SQLite::Statement& q, const ContactFilter& filter)
{
    if (!filter.tag.empty()) {
        q.bind(":tag", filter.tag);
    }
    if (!filter.interest.empty()) {
        q.bind(":interest", filter.interest);
    }
}

} // namespace

std::int64_t Store::find_search_hits(const std::string& search) const
{
    // The page, the count and the choice between them read one set of ids: the full-text
    // indexes are asked once per command, not once per query. The set is found again when the
    // search differs, or the book has changed since (by this connection or another), and always
    // inside a transaction, whose rollback would take the table back but not the counter of
    // changes.
    const std::string fts = fts_query(search);
    const std::int64_t changes = sqlite3_total_changes64(m_db->getHandle());
    const std::int64_t version = m_db->execAndGet("PRAGMA data_version").getInt64();
    const bool in_transaction = sqlite3_get_autocommit(m_db->getHandle()) == 0;
    if (m_search_hits.found && !in_transaction && m_search_hits.fts == fts &&
        m_search_hits.changes == changes && m_search_hits.version == version) {
        return m_search_hits.count;
    }
    m_search_hits.found = false; // until the table is full
    m_db->exec(store_queries::k_search_hits_table);
    m_db->exec("DELETE FROM temp.search_hits");
    m_search_hits.count = 0;
    for (const std::string& sql : store_queries::search_hits_sql()) {
        SQLite::Statement q(*m_db, sql);
        q.bind(":search", fts);
        m_search_hits.count += q.exec(); // the contacts not found already
    }
    m_search_hits.found = !in_transaction;
    m_search_hits.fts = fts;
    m_search_hits.changes = sqlite3_total_changes64(m_db->getHandle());
    m_search_hits.version = version;
    return m_search_hits.count;
}

void Store::each_contact(const ContactFilter& filter, const std::function<void(Contact&)>& sink) const
{
    const std::int64_t matches =
        fts_query(filter.search).empty() ? 0 : find_search_hits(filter.search);
    SQLite::Statement q(*m_db,
                        store_queries::contacts_sql(filter, page_by_name_index(filter, matches)));
    bind_contact_filter(q, filter);
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        sink(contact);
    }
}

std::vector<Contact> Store::list_contacts(const ContactFilter& filter) const
{
    std::vector<Contact> contacts;
    each_contact(filter, [&](Contact& contact) { contacts.push_back(std::move(contact)); });
    return contacts;
}

std::int64_t Store::count_contacts(const ContactFilter& filter) const
{
    if (filter.closed == false && !filter.archived && filter.tag.empty() &&
        fts_query(filter.search).empty()) {
        // The contacts in follow-up (of one interest): a running count the triggers keep.
        SQLite::Statement q(*m_db, store_queries::tally_sql(filter.interest, false));
        q.bind(":name", "in_follow_up");
        if (!filter.interest.empty()) {
            q.bind(":interest", filter.interest);
        }
        q.executeStep();
        return q.getColumn(0).getInt64();
    }
    if (!fts_query(filter.search).empty()) {
        const std::int64_t matches = find_search_hits(filter.search);
        // Many matches and fewer archived contacts: all matches less the archived ones, found by
        // walking the archived contacts instead of looking up each match among the live.
        if (matches > k_many_matches && store_queries::counts_live_matches(filter) &&
            m_db->execAndGet(store_queries::k_archived_count_sql).getInt64() < matches) {
            SQLite::Statement archived(*m_db, store_queries::archived_hits_count_sql());
            archived.executeStep();
            return matches - archived.getColumn(0).getInt64();
        }
    }
    SQLite::Statement q(*m_db, store_queries::contacts_count_sql(filter));
    bind_contact_filter(q, filter);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

void Store::set_archived(Id id, std::optional<Instant> archived_at)
{
    SQLite::Statement& q = prepared("UPDATE contacts SET archived_at = ? WHERE id = ?");
    bind_optional(q, 1, archived_at);
    q.bind(2, id);
    q.exec();
}

void Store::set_closed(Id id, std::optional<Instant> closed_at)
{
    SQLite::Statement& q = prepared("UPDATE contacts SET closed_at = ? WHERE id = ?");
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

namespace store_queries {

// The conditions of a NextStepQuery, as SQL over `contacts c` (the partial index's own terms).
std::string next_step_where(const NextStepQuery& query)
{
    std::string where = "c.archived_at IS NULL AND c.closed_at IS NULL AND c.open_promises = 0 AND "
                        "c.has_history = 1 AND c.every = '' AND c.last_outcome NOT IN (SELECT value "
                        "FROM json_each(:settled))";
    if (query.active_since) {
        where += " AND (c.last_at IS NULL OR c.last_at >= :since)";
    }
    if (!query.tag.empty()) {
        where += " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)";
    }
    if (!query.interest.empty()) {
        where += " AND c.interest = :interest";
    }
    return where;
}

void bind_next_step(SQLite::Statement& q, const NextStepQuery& query)
{
    q.bind(":settled", text_list(query.settled_outcomes));
    if (query.active_since) {
        q.bind(":since", to_seconds(*query.active_since));
    }
    if (!query.tag.empty()) {
        q.bind(":tag", query.tag);
    }
    if (!query.interest.empty()) {
        q.bind(":interest", query.interest);
    }
}

std::string silence_where(const SilenceQuery& query)
{
    return std::string("c.archived_at IS NULL AND c.closed_at IS NULL AND c.every = '' AND "
                       "c.last_at IS NOT NULL AND c.last_at < :before") +
           (query.interest.empty() ? "" : " AND c.interest = :interest");
}

void bind_silence(SQLite::Statement& q, const SilenceQuery& query)
{
    q.bind(":before", to_seconds(query.before));
    if (!query.interest.empty()) {
        q.bind(":interest", query.interest);
    }
}

std::string limit_clause(int limit)
{
    return limit > 0 ? fmt::format(" LIMIT {}", limit) : "";
}

std::string next_step_sql(const NextStepQuery& query)
{
    return fmt::format("SELECT {} FROM contacts c WHERE {} ORDER BY c.last_at DESC, c.id DESC{}", k_contact_columns,
                       next_step_where(query), limit_clause(query.limit));
}

std::string next_step_count_sql(const NextStepQuery& query)
{
    return fmt::format("SELECT count(*) FROM contacts c WHERE {}", next_step_where(query));
}

std::string silence_sql(const SilenceQuery& query)
{
    return fmt::format("SELECT {}, c.last_at AS last_at FROM contacts c WHERE {} ORDER BY c.last_at, c.id{}",
                       k_contact_columns, silence_where(query), limit_clause(query.limit));
}

std::string next_step_active_count_sql(const NextStepQuery& query)
{
    NextStepQuery never = query;
    never.active_since.reset();
    return fmt::format("SELECT (SELECT count(*) FROM contacts c WHERE {0} AND c.last_at IS NULL) + "
                       "(SELECT count(*) FROM contacts c WHERE {0} AND c.last_at >= :since)",
                       next_step_where(never));
}

std::string tally_sql(const std::string& interest, bool without_settled)
{
    return fmt::format("SELECT coalesce(sum(n), 0) FROM tallies WHERE name = :name{}{}",
                       without_settled ? " AND outcome NOT IN (SELECT value FROM json_each(:settled))" : "",
                       interest.empty() ? "" : " AND interest = :interest");
}

std::string recently_heard_count_sql(const SilenceQuery& query)
{
    std::string where = silence_where(query);
    const std::string before = "c.last_at < :before";
    where.replace(where.find(before), before.size(), "c.last_at >= :before");
    return fmt::format("SELECT count(*) FROM contacts c WHERE {}", where);
}

std::string touch_candidates_sql(bool bounded, bool with_interest, bool with_tag)
{
    return fmt::format("SELECT c.id, c.every, c.interest, coalesce(c.last_at, c.created_at) FROM contacts c "
                       "WHERE c.every <> '' AND c.open_promises = 0 AND c.archived_at IS NULL AND "
                       "c.closed_at IS NULL{}{}{}",
                       bounded ? " AND coalesce(c.last_at, c.created_at) + c.every_after < :before" : "",
                       with_interest ? " AND c.interest = :interest" : "",
                       with_tag ? " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)" : "");
}

namespace {

// The ids of the contacts a search finds, three ways (bound as :search): in their own fields,
// their interactions' notes, their promises' purposes. Each inserts into temp.search_hits, whose
// key keeps each contact once.
constexpr const char* k_search_hits[] = {
    "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :search",
    "SELECT i.contact_id FROM interactions i WHERE i.id IN (SELECT rowid FROM interactions_fts "
    "WHERE interactions_fts MATCH :search)",
    "SELECT p.contact_id FROM promises p WHERE p.id IN (SELECT rowid FROM promises_fts "
    "WHERE promises_fts MATCH :search)",
};

// The conditions of a ContactFilter over `contacts c`.
std::string contact_where(const ContactFilter& filter)
{
    std::string where = fmt::format("c.archived_at IS {} NULL", filter.archived ? "NOT" : "");
    if (!filter.tag.empty()) {
        where += " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag = :tag)";
    }
    if (filter.closed) {
        where += *filter.closed ? " AND c.closed_at IS NOT NULL" : " AND c.closed_at IS NULL";
    }
    if (!filter.interest.empty()) {
        where += " AND c.interest = :interest";
    }
    if (!fts_query(filter.search).empty()) {
        where += " AND c.id IN (SELECT id FROM temp.search_hits)";
    }
    return where;
}

} // namespace

const char* const k_search_hits_table =
    "CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY)";

std::vector<std::string> search_hits_sql()
{
    std::vector<std::string> inserts;
    for (const char* hits : k_search_hits) {
        inserts.push_back(fmt::format("INSERT OR IGNORE INTO temp.search_hits (id) {}", hits));
    }
    return inserts;
}

const char* const k_archived_count_sql =
    "SELECT count(*) FROM contacts c INDEXED BY contacts_archived WHERE c.archived_at IS NOT NULL";

std::string archived_hits_count_sql()
{
    return "SELECT count(*) FROM contacts c INDEXED BY contacts_archived CROSS JOIN "
           "temp.search_hits h "
           "ON h.id = c.id WHERE c.archived_at IS NOT NULL";
}

std::string contacts_sql(const ContactFilter& filter, bool by_name_index)
{
    return fmt::format("SELECT {} FROM contacts c{} WHERE {} ORDER BY c.name_folded, c.id{}", k_contact_columns,
                       by_name_index ? " INDEXED BY contacts_by_name" : "", contact_where(filter),
                       limit_clause(filter.limit));
}

std::string contacts_count_sql(const ContactFilter& filter)
{
    // The matches of a plain search are counted among the live contacts by a small index, not
    // by reading each one's row.
    return fmt::format("SELECT count(*) FROM contacts c{} WHERE {}",
                       counts_live_matches(filter) ? " INDEXED BY contacts_live" : "",
                       contact_where(filter));
}

bool counts_live_matches(const ContactFilter& filter)
{
    return !filter.archived && !fts_query(filter.search).empty() && filter.tag.empty() &&
           filter.interest.empty() && !filter.closed;
}

std::string contact_names_sql(int limit)
{
    return fmt::format("SELECT name FROM contacts WHERE archived_at IS NULL AND name_folded >= :from AND "
                       "name_folded < :to ORDER BY name_folded, id{}",
                       limit_clause(limit));
}

} // namespace store_queries

using namespace store_queries;

void Store::each_without_next_step(const NextStepQuery& query, const std::function<void(Contact&)>& sink) const
{
    SQLite::Statement q(*m_db, next_step_sql(query));
    bind_next_step(q, query);
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        sink(contact);
    }
}

std::vector<Contact> Store::contacts_without_next_step(const NextStepQuery& query) const
{
    std::vector<Contact> contacts;
    each_without_next_step(query, [&](Contact& contact) { contacts.push_back(std::move(contact)); });
    return contacts;
}

std::int64_t Store::count_without_next_step(const NextStepQuery& query) const
{
    const auto count = [&](const std::string& sql, const auto& bind) {
        SQLite::Statement q(*m_db, sql);
        bind(q);
        q.executeStep();
        return q.getColumn(0).getInt64();
    };
    if (!query.tag.empty()) {
        return count(next_step_count_sql(query), [&](SQLite::Statement& q) { bind_next_step(q, query); });
    }
    if (query.active_since) {
        // Those never heard from, and those heard from since: two short ranges of the index.
        NextStepQuery never = query;
        never.active_since.reset();
        return count(next_step_active_count_sql(query), [&](SQLite::Statement& q) {
                         bind_next_step(q, never);
                         q.bind(":since", to_seconds(*query.active_since));
                     });
    }
    return count(tally_sql(query.interest, true), [&](SQLite::Statement& q) {
        q.bind(":name", "no_next_step");
        q.bind(":settled", text_list(query.settled_outcomes));
        if (!query.interest.empty()) {
            q.bind(":interest", query.interest);
        }
    });
}

std::vector<std::pair<Contact, Instant>> Store::contacts_silent_since(const SilenceQuery& query) const
{
    SQLite::Statement q(*m_db, silence_sql(query));
    bind_silence(q, query);
    std::vector<std::pair<Contact, Instant>> result;
    while (q.executeStep()) {
        Contact contact = read_contact(q);
        result.emplace_back(std::move(contact), to_instant(q.getColumn("last_at").getInt64()));
    }
    return result;
}

std::int64_t Store::count_silent_since(const SilenceQuery& query) const
{
    // All heard from (a running count) less those heard from since: a short range of the index.
    SQLite::Statement heard(*m_db, tally_sql(query.interest, false));
    heard.bind(":name", "heard");
    if (!query.interest.empty()) {
        heard.bind(":interest", query.interest);
    }
    heard.executeStep();
    SQLite::Statement recent(*m_db, recently_heard_count_sql(query));
    bind_silence(recent, query);
    recent.executeStep();
    return heard.getColumn(0).getInt64() - recent.getColumn(0).getInt64();
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

std::vector<Store::TouchCandidate> Store::keep_in_touch_candidates(std::optional<Instant> due_before,
                                                                  const std::string& interest,
                                                                  const std::string& tag) const
{
    SQLite::Statement q(*m_db, touch_candidates_sql(due_before.has_value(), !interest.empty(), !tag.empty()));
    if (due_before) {
        q.bind(":before", to_seconds(*due_before));
    }
    if (!interest.empty()) {
        q.bind(":interest", interest);
    }
    if (!tag.empty()) {
        q.bind(":tag", tag);
    }
    std::vector<TouchCandidate> candidates;
    while (q.executeStep()) {
        candidates.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                              to_instant(q.getColumn(3).getInt64())});
    }
    return candidates;
}

std::vector<std::string> Store::contact_names(const std::string& folded_prefix, int limit) const
{
    // A prefix range of the name index: [prefix, prefix + U+10FFFF). Namesakes are listed once;
    // the range is read a bounded number of rows past the limit for them.
    SQLite::Statement q(*m_db, contact_names_sql(limit > 0 ? limit * 5 : 0));
    q.bind(":from", folded_prefix);
    q.bind(":to", folded_prefix + "\xF4\x8F\xBF\xBF");
    std::vector<std::string> names;
    while (q.executeStep() && (limit <= 0 || names.size() < static_cast<std::size_t>(limit))) {
        std::string name = q.getColumn(0).getString();
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(std::move(name));
        }
    }
    return names;
}

bool Store::has_contacts() const
{
    return m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM contacts)").getInt() != 0;
}

} // namespace fu
