#include "commands/promising.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/text.hpp"
#include "fu/when.hpp"

namespace fu::commands {

Promise new_promise(const Contact& contact, const std::vector<std::string>& words,
                    const PromiseTerms& terms, const Env& env)
{
    const std::string text = join(words, " ");
    check_text("the about text", terms.about, 1000);
    const std::string via = known_word(terms.via, promise_channels(), "channel");
    const auto& zone = contact_zone(contact, env);
    const Window window = resolve(text, env.now, Clocks{&env.user_zone(), contact.tz.empty() ? nullptr : &zone},
                                  env.settings);
    print_notices(env, window.notices);
    Promise promise;
    promise.contact_id = contact.id;
    promise.made_at = env.now;
    promise.earliest = window.earliest;
    promise.latest = window.latest;
    promise.text = text;
    promise.zone = std::string(zone.name());
    promise.about = trim(terms.about);
    promise.agreed = terms.agreed;
    promise.via = via;
    return promise;
}

void record_promise(Store& store, const Contact& contact, Promise& promise, const Env& env)
{
    promise.id = store.add_promise(promise);
    if (contact.closed_at) {
        store.set_closed(contact.id, std::nullopt);
        env.err << fmt::format("note: {} had said no; this promise puts them back in follow-up\n",
                               contact.name);
    }
}

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
    return line + fmt::format("  [#{}]", promise.id);
}

} // namespace fu::commands
