// src/commands/invite.cpp — `fu invite`: an iCalendar invitation for an agreed window, to attach
// to an email to the customer. It records nothing.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/open_promise.hpp"
#include "commands/output_file.hpp"
#include "fu/contacts.hpp"
#include "fu/exchange.hpp"
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
    const std::string calendar = invite_to(promise, contact, env.change_context());
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
