// src/commands/due.cpp — `fu due`: what is overdue, due now and coming up.
#include <algorithm>
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/agenda.hpp"
#include "fu/refs.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/practice.hpp"
#include "fu/ical.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"

namespace fu::commands {
namespace {

struct DueOptions {
    std::vector<std::string> until;
    bool all = false;
    std::string tag;
    bool agreed = false;
    int limit = 0;
    bool limit_given = false;
    bool check = false;
    bool no_next_step = false;
    std::string interest;
};

// "keep in touch (every 2-3 weeks; last 19d ago)"
std::string touch_text(const AgendaItem& item, Instant now)
{
    const std::string& every = item.promise.text;
    return fmt::format("keep in touch (every {}; last {} ago)",
                       every.rfind("1 ", 0) == 0 ? every.substr(2) : every,
                       short_duration(now - item.last_contact.value_or(now)));
}

const char* section_title(DueState state)
{
    switch (state) {
    case DueState::overdue: return "Overdue";
    case DueState::due: return "Due now";
    case DueState::upcoming: return "Upcoming";
    }
    return "";
}

Style section_style(DueState state)
{
    switch (state) {
    case DueState::overdue: return Style::red;
    case DueState::due: return Style::yellow;
    case DueState::upcoming: return Style::cyan;
    }
    return Style::none;
}

// How many contacts without a next step `fu due` shows under its windows.
constexpr int k_human_no_next_step = 10;

std::string no_next_step_line(const Contact& contact)
{
    return fmt::format("  {}  — agree a next step: fu promise {} WHEN\n", name_and_company(contact), contact.id);
}

void print_human(const Agenda& agenda, const Agenda& later, const Env& env, bool until_end_of_today)
{
    auto& out = env.out;
    if (agenda.items.empty()) {
        out << (until_end_of_today ? "Nothing overdue or due today. Well kept!\n"
                                   : "Nothing overdue or due. Well kept!\n");
        if (!later.items.empty()) {
            const AgendaItem& next = later.items.front();
            out << fmt::format("Next: {} {}  [{}]  (fu due --all)\n", next.contact.name,
                               window_text(next.promise, next.contact, env),
                               next.kind == AgendaKind::keep_in_touch ? "keep in touch"
                                                                      : promise_ref(next.promise.id));
        }
    } else {
        Table table;
        table.headings = {"ID",    "CONTACT", "COMPANY", "PHONE", "WINDOW",
                          "TIMING", "", "ABOUT", "TRIES", ""};
        table.droppable = {2, 9, 8, 3};
        // The about text shrinks first, then the window (never below its own day and clock), then the name.
        table.shrinkable = {7, 4, 1};
        table.minimum_width = {{4, 22}, {1, 10}};
        for (const AgendaItem& item : agenda.items) {
            if (table.rows.empty() || agenda.items[table.rows.size() - 1].state != item.state) {
                const std::int64_t all = agenda.total(item.state);
                const auto shown = std::count_if(agenda.items.begin(), agenda.items.end(),
                                                 [&](const AgendaItem& other) { return other.state == item.state; });
                const bool cut = all > shown;
                table.sections.emplace_back(
                    table.rows.size(),
                    styled(cut ? fmt::format("{} ({})", section_title(item.state), count_text(all))
                               : std::string(section_title(item.state)),
                           section_style(item.state), env.output.color));
            }
            if (item.kind == AgendaKind::keep_in_touch) {
                table.rows.push_back({"", item.contact.name, item.contact.company, item.contact.phone,
                                      window_text(item.promise, item.contact, env),
                                      relative_hint(item.promise, env.now), item.contact.interest,
                                      touch_text(item, env.now), "", ""});
                continue;
            }
            table.rows.push_back({promise_ref(item.promise.id), item.contact.name,
                                  item.contact.company, item.contact.phone,
                                  window_text(item.promise, item.contact, env),
                                  relative_hint(item.promise, env.now),
                                  item.promise.agreed ? "agreed" : item.contact.interest, item.promise.about,
                                  item.attempts > 0 ? std::to_string(item.attempts) : "",
                                  item.unanswered > 0 ? fmt::format("{} unanswered in a row", item.unanswered) : ""});
        }
        print_table(out, table, env.output);
        const std::int64_t more = agenda.total() - static_cast<std::int64_t>(agenda.items.size());
        if (more > 0) {
            out << fmt::format("… and {} more: fu due --limit 0 lists them all\n", count_text(more));
        }
    }
    if (!agenda.no_next_step.empty()) {
        out << '\n' << styled("No next step", Style::bold, env.output.color) << '\n';
        for (const Contact& contact : agenda.no_next_step) {
            out << no_next_step_line(contact);
        }
        const std::int64_t more = agenda.no_next_step_total - static_cast<std::int64_t>(agenda.no_next_step.size());
        if (more > 0) {
            out << fmt::format("  … and {} more: fu due --no-next-step\n", count_text(more));
        }
    }
}

const std::vector<std::string>& row_keys()
{
    static const std::vector<std::string> keys{"id",     "state",    "contact_id", "contact",  "company", "phone",
                                               "email",  "earliest", "latest",     "text",     "about",   "agreed",
                                               "via",    "attempts", "unanswered", "type",     "interest"};
    return keys;
}

std::vector<std::string> row_cells(const AgendaItem& item, const Env& env)
{
    const auto& zone = env.user_zone();
    const Promise& p = item.promise;
    const bool touch = item.kind == AgendaKind::keep_in_touch;
    return {touch ? "" : std::to_string(p.id), std::string(to_string(item.state)),
            std::to_string(item.contact.id), item.contact.name, item.contact.company,
            item.contact.phone, item.contact.email, iso8601(p.earliest, zone),
            iso8601(p.latest, zone), p.text, p.about, p.agreed ? "true" : "false",
            p.via, std::to_string(item.attempts), std::to_string(item.unanswered),
            touch ? "keep-in-touch" : "promise", item.contact.interest};
}

Json item_json(const AgendaItem& item, const Env& env)
{
    return item.kind == AgendaKind::keep_in_touch
               ? keep_in_touch_json(item, env)
               : promise_json(item.promise, item.contact, env, item.attempts, item.unanswered);
}

// `fu due --no-next-step`: every contact without a next step (or the first --limit), streamed.
int print_no_next_step(const Store& store, const AgendaQuery& query, const Env& env)
{
    if (env.json()) {
        JsonArrayStream list(env.out);
        each_without_next_step(store, query, [&](Contact& contact) { list.push(contact_json(contact, env)); });
        list.finish();
        return k_exit_ok;
    }
    if (!env.human()) {
        DelimitedStream rows(env.out, {"id", "name", "company", "phone", "email", "tags", "tz", "interest"},
                             env.output.format);
        each_without_next_step(store, query, [&](Contact& c) {
            rows.row({std::to_string(c.id), c.name, c.company, c.phone, c.email, join(c.tags, ","), c.tz,
                      c.interest});
        });
        return k_exit_ok;
    }
    int shown = 0;
    each_without_next_step(store, query, [&](Contact& contact) {
        if (shown++ == 0) {
            env.out << styled("No next step", Style::bold, env.output.color) << '\n';
        }
        env.out << no_next_step_line(contact);
    });
    if (shown == 0) {
        env.out << "Every contact in follow-up has a next step.\n";
    } else {
        print_rest(
            env.out, static_cast<std::size_t>(shown), query.limit,
            [&] { return count_without_next_step(store, query); }, "  ");
    }
    return k_exit_ok;
}

int run_due(const DueOptions& opt, Env& env)
{
    if (opt.limit < 0) {
        throw usage_error(fmt::format("--limit must be 0 or more, not {}", opt.limit));
    }
    AgendaQuery query;
    query.keep_in_touch_zone = &env.user_zone();
    if (!opt.interest.empty()) {
        query.interest = interest_level(opt.interest);
    }
    query.tag = opt.tag;
    query.agreed_only = opt.agreed;
    query.limit = opt.limit;
    if (!opt.all) {
        query.until = opt.until.empty()
                          ? end_of_local_day(env.now, env.user_zone())
                          : resolve(join(opt.until, " "), env.now, env.user_zone(), env.settings).latest;
    }
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    if (opt.no_next_step) {
        if (env.output.format == OutputFormat::ics) {
            throw usage_error("--no-next-step lists contacts, not windows: there is no calendar of them",
                              "use human, json, tsv or csv");
        }
        return print_no_next_step(store, query, env);
    }
    bool needs_attention = false;
    if (env.human()) {
        // A person reads the first rows; the rest is counted.
        query.limit = opt.limit_given ? opt.limit : k_human_rows;
        query.no_next_step_limit = k_human_no_next_step;
        const Agenda agenda = build_agenda(store, query, env.now);
        Agenda later;
        if (agenda.items.empty()) {
            AgendaQuery next = query;
            next.until.reset();
            next.limit = 1;
            next.count = false;
            next.no_next_step_limit = 0;
            later = build_agenda(store, next, env.now);
        }
        print_human(agenda, later, env, !opt.all && opt.until.empty());
        needs_attention = agenda.total(DueState::overdue) + agenda.total(DueState::due) > 0;
    } else if (env.output.format == OutputFormat::ics) {
        // The promised windows as calendar events (a keep-in-touch reminder is no promise).
        CalendarFeedWriter feed(env.out, env.now);
        each_agenda_item(store, query, env.now, [&](const AgendaItem& item) {
            needs_attention = needs_attention || item.state != DueState::upcoming;
            if (item.kind == AgendaKind::promise) {
                feed.add(item.promise, item.contact);
            }
        });
        feed.finish();
    } else if (env.json()) {
        JsonArrayStream list(env.out);
        each_agenda_item(store, query, env.now, [&](const AgendaItem& item) {
            needs_attention = needs_attention || item.state != DueState::upcoming;
            list.push(item_json(item, env));
        });
        list.finish();
    } else {
        DelimitedStream rows(env.out, row_keys(), env.output.format);
        each_agenda_item(store, query, env.now, [&](const AgendaItem& item) {
            needs_attention = needs_attention || item.state != DueState::upcoming;
            rows.row(row_cells(item, env));
        });
    }
    if (opt.check) {
        return needs_attention ? k_exit_check_failed : k_exit_ok;
    }
    return k_exit_ok;
}

} // namespace

Handler setup_due(CLI::App& command)
{
    auto opt = std::make_shared<DueOptions>();
    command.add_option("--until", opt->until, "Also show windows opening before this time (default: end of today)");
    command.add_flag("--all", opt->all, "Every open promise, however far ahead");
    command.add_option("--tag", opt->tag, "Only contacts with this tag");
    command.add_flag("--agreed", opt->agreed, "Only times the customer agreed to");
    command.add_option("--limit", opt->limit, "At most N rows (0: all; a terminal shows 50 by default; --no-next-step: all)")
        ->each([opt](const std::string&) { opt->limit_given = true; });
    command.add_flag("--check", opt->check, "Exit 1 when something is overdue or due now");
    command.add_option("--interest", opt->interest, "Only contacts this interested: hot, warm or cold");
    command.add_flag("--no-next-step", opt->no_next_step,
                     "List every contact in follow-up without a next step, most recently active first");
    return [opt](Env& env) { return run_due(*opt, env); };
}

} // namespace fu::commands
