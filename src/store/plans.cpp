// src/store/plans.cpp — playbooks started for contacts, and the reminders recorded for promises.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "fu/store.hpp"
#include "store/rows.hpp"

namespace fu {

using namespace store_rows;

namespace {

constexpr const char* k_plan_columns =
    "id, contact_id, playbook, started_at, from_at, ended_at, end_reason";

// A plan row, its steps read from their JSON by SQLite.
Plan read_plan(SQLite::Database& db, SQLite::Statement& q)
{
    Plan plan;
    plan.id = q.getColumn("id").getInt64();
    plan.contact_id = q.getColumn("contact_id").getInt64();
    plan.playbook = q.getColumn("playbook").getString();
    plan.started_at = to_instant(q.getColumn("started_at").getInt64());
    plan.from = to_instant(q.getColumn("from_at").getInt64());
    plan.ended_at = optional_instant(q.getColumn("ended_at"));
    plan.end_reason = q.getColumn("end_reason").getString();
    SQLite::Statement steps(db, "SELECT json_extract(s.value, '$.about') AS about, "
                                "json_extract(s.value, '$.when') AS phrase, "
                                "json_extract(s.value, '$.via') AS via "
                                "FROM plans, json_each(plans.steps) s WHERE plans.id = ? "
                                "ORDER BY s.key");
    steps.bind(1, plan.id);
    while (steps.executeStep()) {
        plan.steps.push_back({steps.getColumn("about").getString(),
                              steps.getColumn("phrase").getString(),
                              steps.getColumn("via").getString()});
    }
    return plan;
}

std::vector<Plan> read_plans(SQLite::Database& db, SQLite::Statement& q)
{
    std::vector<Plan> plans;
    while (q.executeStep()) {
        plans.push_back(read_plan(db, q));
    }
    return plans;
}

} // namespace

namespace {

// Inserts a plan row (with its id when `with_id`) and its steps; returns its id.
Id insert_plan(SQLite::Database& db, const Plan& plan, bool with_id)
{
    SQLite::Statement q(db, "INSERT INTO plans (id, contact_id, playbook, started_at, from_at, "
                            "ended_at, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (with_id) {
        q.bind(1, plan.id);
    }
    q.bind(2, plan.contact_id);
    q.bind(3, plan.playbook);
    q.bind(4, to_seconds(plan.started_at));
    q.bind(5, to_seconds(plan.from));
    bind_optional(q, 6, plan.ended_at);
    q.bind(7, plan.end_reason);
    q.exec();
    const Id id = db.getLastInsertRowid();
    for (const PlaybookStep& step : plan.steps) {
        SQLite::Statement append(db,
                                 "UPDATE plans SET steps = json_insert(steps, '$[#]', "
                                 "json_object('about', ?, 'when', ?, 'via', ?)) WHERE id = ?");
        append.bind(1, step.about);
        append.bind(2, step.when);
        append.bind(3, step.via);
        append.bind(4, id);
        append.exec();
    }
    return id;
}

} // namespace

Id Store::add_plan(const Plan& plan)
{
    return insert_plan(*m_db, plan, false);
}

void Store::insert_plan_record(const Plan& plan)
{
    insert_plan(*m_db, plan, true);
}

void Store::each_plan_record(const std::function<void(Plan&)>& sink) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM plans ORDER BY id", k_plan_columns));
    while (q.executeStep()) {
        Plan plan = read_plan(*m_db, q);
        sink(plan);
    }
}

std::optional<Plan> Store::plan(Id id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM plans WHERE id = ?", k_plan_columns));
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_plan(*m_db, q);
}

std::optional<Plan> Store::active_plan(Id contact_id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM plans WHERE contact_id = ? AND "
                                           "ended_at IS NULL ORDER BY id DESC LIMIT 1",
                                           k_plan_columns));
    q.bind(1, contact_id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_plan(*m_db, q);
}

std::vector<Plan> Store::plans_of(Id contact_id) const
{
    SQLite::Statement q(*m_db, fmt::format("SELECT {} FROM plans WHERE contact_id = ? ORDER BY id",
                                           k_plan_columns));
    q.bind(1, contact_id);
    return read_plans(*m_db, q);
}

void Store::end_plan(Id id, Instant at, const std::string& reason)
{
    SQLite::Statement q(*m_db, "UPDATE plans SET ended_at = ?, end_reason = ? WHERE id = ?");
    q.bind(1, to_seconds(at));
    q.bind(2, reason);
    q.bind(3, id);
    q.exec();
}

void Store::resume_plan(Id id)
{
    SQLite::Statement q(*m_db, "UPDATE plans SET ended_at = NULL, end_reason = '' WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

} // namespace fu
