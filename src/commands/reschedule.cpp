// src/commands/reschedule.cpp — `fu reschedule`: renegotiate a window, ideally before it closes.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/agenda.hpp"
#include "fu/contacts.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"

namespace fu::commands {
namespace {

struct RescheduleOptions {
    std::string contact;
    std::vector<std::string> words;
    std::string reason;
    std::optional<Id> promise;
};

int run_reschedule(const RescheduleOptions& opt, Env& env)
{
    check_text("the reason", opt.reason, 1000);
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write();
    const Contact contact = find_contact(store, opt.contact);
    const Promise old = target_promise(store, contact, opt.promise);
    Promise moved = new_promise(contact, opt.words, {old.about, old.agreed, old.via}, env);
    moved.rescheduled_from = old.id;
    record_promise(store, contact, moved, env);
    const PromiseStatus status = rescheduling_status(old, env.now);
    store.resolve_promise(old.id, status, env.now, trim(opt.reason), moved.id);
    transaction.commit();

    if (env.json()) {
        promise_json(*store.promise(moved.id), contact, env)
            .set("previous", promise_json(*store.promise(old.id), contact, env))
            .write(env.out);
        return k_exit_ok;
    }
    if (!env.output.quiet) {
        env.out << fmt::format("Moved #{} to #{}: {}\n", old.id, moved.id,
                               status == PromiseStatus::renegotiated
                                   ? "renegotiated in time — your word is kept"
                                   : "the old window had closed, so it counts as broken");
        env.out << promised_line(moved, contact, env) << '\n';
    }
    return k_exit_ok;
}

} // namespace

Handler setup_reschedule(CLI::App& command)
{
    auto opt = std::make_shared<RescheduleOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name")->required();
    command.add_option("WHEN", opt->words, "The new window, e.g. tomorrow afternoon")->required();
    command.add_option("--reason", opt->reason, "Why it moved");
    command.add_option("--promise", opt->promise, "Which open promise (default: the one closing first)");
    return [opt](Env& env) { return run_reschedule(*opt, env); };
}

} // namespace fu::commands
