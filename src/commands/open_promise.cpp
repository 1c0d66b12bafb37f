#include "commands/open_promise.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "fu/error.hpp"

namespace fu::commands {

Promise target_promise(const Store& store, const Contact& contact, std::optional<Id> id)
{
    const auto open = store.open_promises(contact.id);
    if (id) {
        const auto named = std::find_if(open.begin(), open.end(), [&](const Promise& p) { return p.id == *id; });
        if (named == open.end()) {
            throw not_found_error(fmt::format("{} has no open promise #{}", contact.name, *id),
                                  fmt::format("see 'fu show {}'", contact.id));
        }
        return *named;
    }
    if (open.empty()) {
        throw not_found_error(fmt::format("{} has no open promise", contact.name),
                              fmt::format("make one: fu promise {} WHEN", contact.id));
    }
    return open.front(); // open_promises() is ordered by closing time
}

} // namespace fu::commands
