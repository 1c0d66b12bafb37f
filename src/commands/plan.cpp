// src/commands/plan.cpp — `fu plan`: start a playbook for a contact, see where it stands, or stop it.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "commands/promising.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/practice.hpp"
#include "fu/refs.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

struct PlanOptions {
    std::string contact;
    std::string playbook;
    std::vector<std::string> from;
    bool stop = false;
};

const Playbook& known_playbook(const std::string& name, const Env& env)
{
    if (const Playbook* playbook = find_playbook(env.settings, name)) {
        return *playbook;
    }
    std::vector<std::string> names;
    for (const Playbook& p : env.settings.playbooks) {
        names.push_back(p.name);
    }
    const std::string suggestion = nearest(name, names);
    throw usage_error(fmt::format("there is no playbook \"{}\"{}", name,
                                  suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)),
                      fmt::format("the playbooks are: {} (fu playbooks shows their steps)", join(names, ", ")));
}

// The steps of a running plan: done, current (with its window) and ahead.
void print_progress(const PlanProgress& progress, const Contact& contact, const Env& env)
{
    const Plan& plan = progress.plan;
    env.out << fmt::format("{}: playbook {}, started {}\n", name_and_company(contact), plan.playbook,
                           human_date(plan.started_at, env.user_zone(), env.now));
    print_plan_steps(progress, contact, env);
}

int show_plan(const PlanOptions& opt, Env& env)
{
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    const Contact contact = find_contact(store, opt.contact);
    const auto progress = plan_progress(store, contact.id);
    if (env.json()) {
        (progress ? plan_json(progress->plan, progress->current_step, env) : Json()).write(env.out);
        return k_exit_ok;
    }
    if (!progress) {
        env.out << fmt::format("{} is on no playbook. Start one: fu plan {} NAME (fu playbooks lists them)\n",
                               contact.name, contact.id);
        return k_exit_ok;
    }
    print_progress(*progress, contact, env);
    return k_exit_ok;
}

int run_plan(const PlanOptions& opt, Env& env)
{
    if (opt.stop && (!opt.playbook.empty() || !opt.from.empty())) {
        throw usage_error("--stop ends the contact's playbook; it takes no PLAYBOOK or --from",
                          "fu plan CONTACT --stop");
    }
    if (!opt.stop && opt.playbook.empty()) {
        if (!opt.from.empty()) {
            throw usage_error("--from needs a PLAYBOOK to start", "e.g. fu plan ada post-sale --from yesterday");
        }
        return show_plan(opt, env);
    }
    Store store = Store::open_for_update(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    const Contact contact = find_contact(store, opt.contact);
    if (opt.stop) {
        const PlanStopped stopped = stop_plan(store, contact, env.change_context());
        transaction.commit();
        if (!print_json_if_asked(env, plan_json(stopped.plan, 0, env)) && !env.output.quiet) {
            env.out << fmt::format("Stopped playbook {} for {}{}\n", stopped.plan.playbook, name_and_company(contact),
                                   stopped.cancelled ? fmt::format("; cancelled {}", promise_ref(stopped.cancelled->id))
                                                     : "");
        }
        return k_exit_ok;
    }
    const Playbook& playbook = known_playbook(trim(opt.playbook), env);
    std::optional<Instant> from;
    if (!opt.from.empty()) {
        from = happened_at(opt.from, env, "reading the playbook from");
    }
    const PlanStarted started = start_plan(store, contact, playbook, from, env.change_context());
    transaction.commit();
    print_notices(env, started.first.notices);
    if (started.first.back_in_follow_up) {
        env.err << fmt::format("note: {} had said no; this puts them back in follow-up\n", contact.name);
    }
    if (!print_json_if_asked(env, plan_json(started.plan, 1, env)) && !env.output.quiet) {
        env.out << fmt::format("Started {} for {} ({} step{})\n", playbook.name, name_and_company(contact),
                               playbook.steps.size(), playbook.steps.size() == 1 ? "" : "s");
        env.out << step_line(started.first.promise, started.plan, contact, env) << '\n';
    }
    return k_exit_ok;
}

} // namespace

Handler setup_plan(CLI::App& command)
{
    auto opt = std::make_shared<PlanOptions>();
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name")->required();
    command.add_option("PLAYBOOK", opt->playbook, "The playbook to start, e.g. post-sale (none: where it stands)");
    command.add_option("--from", opt->from, "Read the first step from this moment (default: now), e.g. yesterday 3pm");
    command.add_flag("--stop", opt->stop, "End the contact's playbook; its current step is cancelled");
    return [opt](Env& env) { return run_plan(*opt, env); };
}

} // namespace fu::commands
