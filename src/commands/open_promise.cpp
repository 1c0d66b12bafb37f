#include "commands/open_promise.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "commands/present.hpp"
#include "fu/error.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"

namespace fu::commands {

std::optional<Id> promise_named(const std::string& contact_ref,
                                const std::optional<std::string>& option)
{
    std::optional<Id> by_option;
    if (option) {
        by_option = parse_promise_ref(*option);
    }
    const auto ref = parse_ref(trim(contact_ref));
    if (!ref || ref->kind != RefKind::promise) {
        return by_option;
    }
    if (by_option && *by_option != ref->id) {
        throw usage_error(
            fmt::format("{} and --promise {} name different promises", trim(contact_ref), *option));
    }
    return ref->id;
}

Promise choose_open_promise(const Store& store, const Contact& contact, std::optional<Id> id,
                            const Env& env, const char* verb)
{
    const auto open = store.open_promises(contact.id);
    if (id) {
        const auto named =
            std::find_if(open.begin(), open.end(), [&](const Promise& p) { return p.id == *id; });
        if (named == open.end()) {
            throw not_found_error(
                fmt::format("{} has no open promise {}", contact.name, promise_ref(*id)),
                fmt::format("see 'fu show {}'", contact.id));
        }
        return *named;
    }
    if (open.empty()) {
        throw not_found_error(fmt::format("{} has no open promise", contact.name),
                              fmt::format("make one: fu promise {} WHEN", contact.id));
    }
    if (open.size() == 1) {
        return open.front();
    }
    std::vector<std::string> listed;
    for (const Promise& p : open) {
        listed.push_back(fmt::format("{} {}{}", promise_ref(p.id), window_text(p, contact, env),
                                     p.about.empty() ? "" : " — " + p.about));
    }
    if (env.in == nullptr || !env.in_is_terminal) {
        throw not_found_error(fmt::format("{} has {} open promises: {}", contact.name, open.size(),
                                          join(listed, "; ")),
                              fmt::format("say which, e.g. fu {} {}{}", verb,
                                          promise_ref(open.front().id),
                                          std::string_view(verb) == "reschedule" ? " WHEN" : ""));
    }
    env.err << fmt::format("{} has {} open promises:\n", contact.name, open.size());
    for (const auto& line : listed) {
        env.err << "  " << line << '\n';
    }
    env.err << fmt::format("Which one to {}? ", verb);
    env.err.flush();
    std::string answer;
    std::getline(*env.in, answer);
    // Returned from inside the try (see read_cadence in src/agenda.cpp: g++ 12 -O2 once left an
    // optional assigned in a try block engaged when the call threw).
    const std::optional<Id> picked = [&]() -> std::optional<Id> {
        try {
            return parse_promise_ref(trim(answer));
        } catch (const Error&) { // not a promise reference: none of them
            return std::nullopt;
        }
    }();
    const auto chosen =
        std::find_if(open.begin(), open.end(), [&](const Promise& p) { return picked == p.id; });
    if (chosen == open.end()) {
        throw not_found_error(fmt::format("\"{}\" is none of {}'s open promises; nothing changed",
                                          trim(answer), contact.name));
    }
    return *chosen;
}

} // namespace fu::commands
