#include "commands/promising.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"

namespace fu::commands {

std::string promised_line(const Promise& promise, const Contact& contact, const Env& env)
{
    std::string line = fmt::format("Promised {} {} {} — {}", name_and_company(contact), channel_phrase(promise.via),
                                   window_text(promise, contact, env), promise.text);
    if (promise.agreed) {
        line += " (agreed)";
    }
    if (!promise.about.empty()) {
        line += " — about " + promise.about;
    }
    return line + fmt::format("  [{}]", promise_ref(promise.id));
}

std::string step_line(const Promise& step, const Plan& plan, const Contact& contact, const Env& env)
{
    return fmt::format("Step {} of {} of {} — {}: {} {}  [{}]", step.plan_step, plan.steps.size(),
                       plan.playbook, step.about, channel_phrase(step.via),
                       window_text(step, contact, env), promise_ref(step.id));
}

void print_warnings(const Env& env, const std::vector<std::string>& warnings)
{
    for (const auto& warning : warnings) {
        env.err << "warning: " << warning << '\n';
    }
}

void print_plan_advanced(const PlanAdvanced& advanced, const Contact& contact, const Env& env)
{
    if (advanced.next) {
        print_notices(env, advanced.next->notices);
        env.out << "Next: " << step_line(advanced.next->promise, advanced.plan, contact, env) << '\n';
    } else if (advanced.done) {
        env.out << fmt::format("That was the last step of {}: the playbook is done.\n",
                               advanced.plan.playbook);
    }
}

void print_plan_steps(const PlanProgress& progress, const Contact& contact, const Env& env)
{
    int number = 0;
    for (const PlaybookStep& step : progress.plan.steps) {
        ++number;
        if (number < progress.current_step) {
            env.out << fmt::format("  {}. {}  (done)\n", number, step.about);
        } else if (number == progress.current_step && progress.current) {
            env.out << fmt::format("  {}. {} — {} {}  [{}]\n", number, step.about, channel_phrase(step.via),
                                   window_text(*progress.current, contact, env), promise_ref(progress.current->id));
        } else {
            env.out << fmt::format("  {}. {} — {} after the step before\n", number, step.about, step.when);
        }
    }
}

Json plan_json(const Plan& plan, int current_step, const Env& env)
{
    const auto& zone = env.user_zone();
    Json json = Json::object();
    json.set("id", plan.id);
    json.set("contact_id", plan.contact_id);
    json.set("playbook", plan.playbook);
    json.set("started", iso8601(plan.started_at, zone));
    json.set("from", iso8601(plan.from, zone));
    json.set("ended", plan.ended_at ? Json(iso8601(*plan.ended_at, zone)) : Json());
    json.set("end_reason", json_or_null(plan.end_reason));
    json.set("current_step", current_step);
    json.set("steps", steps_json(plan.steps));
    return json;
}

Json steps_json(const std::vector<PlaybookStep>& steps)
{
    Json list = Json::array();
    int number = 0;
    for (const PlaybookStep& step : steps) {
        Json item = Json::object();
        item.set("step", ++number);
        item.set("about", step.about);
        item.set("when", step.when);
        item.set("via", step.via);
        list.push(std::move(item));
    }
    return list;
}

} // namespace fu::commands
