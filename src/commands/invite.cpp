// src/commands/invite.cpp — `fu invite`: an iCalendar invitation for an agreed window, to attach
// to an email to the customer. It records nothing.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/output_file.hpp"
#include "fu/contacts.hpp"
#include "fu/ical.hpp"
#include "fu/refs.hpp"
#include "fu/timefmt.hpp"
#include "fu/store.hpp"

namespace fu::commands {
namespace {

struct InviteOptions {
    std::string contact;
    std::optional<std::string> promise;
    std::string output;
};

int run_invite(const InviteOptions& opt, Env& env)
{
    const std::optional<Id> promise_id = promise_named(opt.contact, opt.promise);
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    const Contact contact = find_contact(store, opt.contact);
    const Promise promise = choose_open_promise(store, contact, promise_id, env, "invite");
    if (promise.latest <= env.now) {
        throw usage_error(fmt::format("{}'s window closed {}: an invitation for it comes too late",
                                      promise_ref(promise.id), human_time(promise.latest, env.user_zone(), env.now)),
                          fmt::format("agree a new time first: fu reschedule {} WHEN", promise_ref(promise.id)));
    }
    const Organizer organizer{env.settings.user_name, env.settings.user_email};
    const std::string calendar = invitation(promise, contact, organizer, env.now);
    if (opt.output.empty() || opt.output == "-") {
        env.out << calendar;
        return k_exit_ok;
    }
    OutputFile file(opt.output);
    file.stream() << calendar;
    file.commit();
    if (!env.output.quiet) {
        env.err << fmt::format("note: wrote the invitation to {}; attach it to an email to {}\n", opt.output,
                               contact.email);
    }
    return k_exit_ok;
}

} // namespace

Handler setup_invite(CLI::App& command)
{
    auto opt = std::make_shared<InviteOptions>();
    command.footer("The organizer is user_name and user_email from the config file; the attendee is the contact.\n"
                   "Example: fu invite ada --output ada.ics");
    command.add_option("CONTACT", opt->contact, "Id, email or part of the name; or the promise, e.g. p12")->required();
    command.add_option("--promise", opt->promise, "Which open promise, e.g. p12 (default: the only one)");
    command.add_option("-o,--output", opt->output, "Write to this file instead of standard output")->type_name("FILE");
    return [opt](Env& env) { return run_invite(*opt, env); };
}

} // namespace fu::commands
