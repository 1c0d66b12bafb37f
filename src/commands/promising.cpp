#include "commands/promising.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/error.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"
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

} // namespace fu::commands
