// src/commands/undo.cpp — `fu undo`: take back the last change (again: the one before).
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/refs.hpp"
#include "fu/store.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

struct UndoOptions {
    std::string change;
    bool list = false;
};

int list_changes(Env& env)
{
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    const auto entries = store.journal(true);
    if (env.json()) {
        Json list = Json::array();
        for (const JournalEntry& e : entries) {
            list.push(Json::object()
                          .set("id", e.id)
                          .set("ref", change_ref(e.id))
                          .set("at", iso8601(e.at, env.user_zone()))
                          .set("command", e.command)
                          .set("undone", e.undone_at ? Json(iso8601(*e.undone_at, env.user_zone()))
                                                     : Json()));
        }
        list.write(env.out);
        return k_exit_ok;
    }
    if (entries.empty() && env.human()) {
        env.out << "Nothing to undo yet.\n";
        return k_exit_ok;
    }
    Table table;
    table.keys = {"change", "at", "command", "undone"};
    table.headings = {"CHANGE", "WHEN", "COMMAND", ""};
    table.shrinkable = {2};
    for (const JournalEntry& e : entries) {
        const std::string when = env.human() ? human_time(e.at, env.user_zone(), env.now)
                                             : iso8601(e.at, env.user_zone());
        table.rows.push_back({change_ref(e.id), when, e.command, e.undone_at ? "undone" : ""});
    }
    print_table(env.out, table, env.output);
    return k_exit_ok;
}

int run_undo(const UndoOptions& opt, Env& env)
{
    if (opt.list) {
        if (!opt.change.empty()) {
            throw usage_error("--list takes no CHANGE");
        }
        return list_changes(env);
    }
    std::optional<Id> named;
    if (!opt.change.empty()) {
        const auto ref = parse_ref(opt.change);
        if (!ref || ref->kind != RefKind::change) {
            throw usage_error(
                fmt::format("\"{}\" is not a change (changes are written like u7)", opt.change),
                "fu undo --list shows them");
        }
        named = ref->id;
    }
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    ChangeLabel label = env.change_label();
    label.journal = false; // an undo is not undone
    auto transaction = store.begin_write(std::move(label));
    const Undone undone = undo_change(store, named, env.change_context());
    transaction.commit();
    if (env.json()) {
        Json::object()
            .set("id", undone.entry.id)
            .set("ref", change_ref(undone.entry.id))
            .set("at", iso8601(undone.entry.at, env.user_zone()))
            .set("command", undone.entry.command)
            .write(env.out);
    } else if (!env.output.quiet) {
        env.out << fmt::format("Undid {}: {}  ({})\n", change_ref(undone.entry.id),
                               undone.entry.command,
                               human_time(undone.entry.at, env.user_zone(), env.now));
    }
    return k_exit_ok;
}

} // namespace

Handler setup_undo(CLI::App& command)
{
    auto opt = std::make_shared<UndoOptions>();
    command.add_option("CHANGE", opt->change,
                       "A change from --list, e.g. u7 (default: the last one)");
    command.add_flag("--list", opt->list, "The changes that can be undone, newest first");
    return [opt](Env& env) { return run_undo(*opt, env); };
}

} // namespace fu::commands
