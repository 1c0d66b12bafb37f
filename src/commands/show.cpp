// src/commands/show.cpp — `fu show`: everything needed to pick up the thread before calling.
#include <algorithm>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/agenda.hpp"
#include "fu/refs.hpp"
#include "fu/contacts.hpp"
#include "fu/followup.hpp"
#include "fu/practice.hpp"
#include "commands/promising.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

// One line of the merged history, in time order.
struct HistoryLine {
    Instant at;
    int order; // ties: promise made before it is resolved before an interaction
    std::string text;
};

std::vector<HistoryLine> history(const Contact& contact, const std::vector<Promise>& promises,
                                 const std::vector<Interaction>& interactions,
                                 const std::vector<Plan>& plans, const Env& env)
{
    std::vector<HistoryLine> lines;
    for (const Plan& plan : plans) {
        lines.push_back({plan.started_at, 0, fmt::format("started playbook {}", plan.playbook)});
        if (plan.ended_at) {
            lines.push_back({*plan.ended_at, 2, fmt::format("playbook {} {}", plan.playbook,
                                                            plan.end_reason == "done" ? "done"
                                                            : plan.end_reason == "stopped"
                                                                ? "stopped"
                                                                : "ended: " + plan.end_reason)});
        }
    }
    for (const Promise& p : promises) {
        std::string made = fmt::format("promised {} {} — \"{}\"", channel_phrase(p.via),
                                       window_text(p, contact, env), p.text);
        if (!p.about.empty()) {
            made += fmt::format(" about {}", p.about);
        }
        if (p.agreed) {
            made += " [agreed]";
        }
        lines.push_back({p.made_at, 0, fmt::format("{}  [{}]", made, promise_ref(p.id))});
        if (!p.resolved_at) {
            continue;
        }
        std::string ended = ended_text(p.status);
        if (p.status == PromiseStatus::late) {
            ended += " (" + short_duration(*p.resolved_at - p.latest) + " after the window)";
        } else if (p.status == PromiseStatus::broken) {
            ended += " (moved after the window closed)";
        }
        if (p.replaced_by) {
            ended += fmt::format(", moved to {}", promise_ref(*p.replaced_by));
        }
        if (!p.reason.empty()) {
            ended += ": " + p.reason;
        }
        lines.push_back({*p.resolved_at, 2, fmt::format("{} {}", promise_ref(p.id), ended)});
    }
    for (const Interaction& i : interactions) {
        std::string text = i.kind;
        if (!i.outcome.empty()) {
            text += " (" + i.outcome + ")";
        }
        if (!i.note.empty()) {
            text += ": " + i.note;
        }
        if (is_inbound(i)) {
            text += " (they reached out)";
        }
        lines.push_back({i.at, 1, fmt::format("{}  [{}]", text, interaction_ref(i.id))});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const HistoryLine& a, const HistoryLine& b) {
        return a.at != b.at ? a.at < b.at : a.order < b.order;
    });
    return lines;
}

// Multi-line text with its later lines indented to line up under the first.
std::string continued(const std::string& text, std::size_t indent)
{
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += std::string(indent, ' ');
        }
    }
    return out;
}

int run_show(const std::string& ref, Env& env)
{
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    const Contact contact = find_contact(store, ref, ContactScope::any);
    const auto promises = store.promises_of(contact.id);
    const auto interactions = interactions_of(store, contact.id);
    const AttemptSummary attempts = summarize_attempts(interactions);
    const auto progress = plan_progress(store, contact.id);
    std::vector<Promise> open;
    std::copy_if(promises.begin(), promises.end(), std::back_inserter(open),
                 [](const Promise& p) { return p.status == PromiseStatus::open; });
    std::sort(open.begin(), open.end(), [](const Promise& a, const Promise& b) { return a.latest < b.latest; });

    if (env.json()) {
        Json open_json = Json::array();
        Json promises_json = Json::array();
        Json interactions_json = Json::array();
        for (const Promise& p : open) {
            open_json.push(promise_json(p, contact, interactions, env));
        }
        for (const Promise& p : promises) {
            promises_json.push(promise_json(p, contact, interactions, env));
        }
        for (const Interaction& i : interactions) {
            interactions_json.push(interaction_json(i, contact, env));
        }
        Json::object()
            .set("contact", contact_json(contact, env))
            .set("unanswered", attempts.unanswered_run)
            .set("attempts", attempts.attempts)
            .set("open_promises", std::move(open_json))
            .set("promises", std::move(promises_json))
            .set("interactions", std::move(interactions_json))
            .set("plan", progress ? plan_json(progress->plan, progress->current_step, env) : Json())
            .write(env.out);
        return k_exit_ok;
    }

    if (!env.human()) {
        // TSV/CSV: the contact as one row, with its counters.
        Table table;
        table.keys = {"id", "name", "company", "phone", "email", "tags", "tz", "note",
                      "open_promises", "attempts", "unanswered", "archived", "closed"};
        table.headings = table.keys;
        const auto& zone = env.user_zone();
        table.rows.push_back({std::to_string(contact.id), contact.name, contact.company, contact.phone,
                              contact.email, join(contact.tags, ","), contact.tz, contact.note,
                              std::to_string(open.size()), std::to_string(attempts.attempts),
                              std::to_string(attempts.unanswered_run),
                              contact.archived_at ? iso8601(*contact.archived_at, zone) : "",
                              contact.closed_at ? iso8601(*contact.closed_at, zone) : ""});
        print_table(env.out, table, env.output);
        return k_exit_ok;
    }
    const bool color = env.output.color;
    auto& out = env.out;
    out << styled(fmt::format("{}  (contact {})", name_and_company(contact), contact.id), Style::bold, color) << '\n';
    const auto field = [&](const char* label, const std::string& value) {
        if (!value.empty()) {
            out << fmt::format("  {:<8}{}\n", label, continued(value, 10));
        }
    };
    field("phone", contact.phone);
    field("email", contact.email);
    if (!contact.tz.empty()) {
        const auto& zone = contact_zone(contact, env);
        field("zone", fmt::format("{} (their time now: {})", contact.tz, human_time(env.now, zone, env.now)));
    }
    field("tags", join(contact.tags, ", "));
    field("note", contact.note);
    if (contact.archived_at) {
        field("status", "archived " + human_time(*contact.archived_at, env.user_zone(), env.now) +
                            fmt::format(" (fu restore {})", contact.id));
    }
    if (contact.closed_at) {
        field("status", "closed " + human_time(*contact.closed_at, env.user_zone(), env.now) +
                            " (said no or lost): out of follow-up");
    }
    if (attempts.unanswered_run > 0) {
        field("tries", fmt::format("{} unanswered in a row", attempts.unanswered_run));
    }
    field("lead", contact.interest.empty() ? "" : contact.interest + " (interest)");
    if (const auto cadence = contact.every.empty() ? std::nullopt : parse_cadence(contact.every)) {
        const Instant last = attempts.last_interaction.value_or(contact.created_at);
        const TouchWindow window = keep_in_touch_window(*cadence, last, env.user_zone());
        field("touch", fmt::format("every {} — due {}, overdue {}", contact.every,
                                   human_date(window.earliest, env.user_zone(), env.now),
                                   human_date(window.latest, env.user_zone(), env.now)));
    }

    out << '\n' << styled("Open promises", Style::bold, color) << '\n';
    if (open.empty()) {
        out << (contact.closed_at ? "  none\n" : "  none — agree a next step: fu promise " + std::to_string(contact.id) + " WHEN\n");
    }
    for (const Promise& p : open) {
        std::string line = fmt::format("  {}  {}  {}", promise_ref(p.id), window_text(p, contact, env), relative_hint(p, env.now));
        if (p.agreed) {
            line += "  agreed";
        }
        if (!p.about.empty()) {
            line += "  — " + p.about;
        }
        out << line << '\n';
    }

    if (progress) {
        out << '\n'
            << styled(fmt::format("Playbook {}", progress->plan.playbook), Style::bold, color) << '\n';
        print_plan_steps(*progress, contact, env);
    }

    out << '\n' << styled("History", Style::bold, color) << '\n';
    const auto lines = history(contact, promises, interactions, store.plans_of(contact.id), env);
    if (lines.empty()) {
        out << "  nothing yet\n";
    }
    for (const auto& line : lines) {
        const std::string when = human_time(line.at, env.user_zone(), env.now);
        out << fmt::format("  {}  {}\n", when, continued(line.text, 4 + display_width(when)));
    }
    return k_exit_ok;
}

} // namespace

Handler setup_show(CLI::App& command)
{
    auto ref = std::make_shared<std::string>();
    command.add_option("CONTACT", *ref, "Id, email or part of the name")->required();
    return [ref](Env& env) { return run_show(*ref, env); };
}

} // namespace fu::commands
