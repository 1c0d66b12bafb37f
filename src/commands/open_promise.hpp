// src/commands/open_promise.hpp — which open promise a reschedule or cancel acts on.
#pragma once

#include <optional>

#include "fu/model.hpp"
#include "fu/store.hpp"

namespace fu::commands {

// The contact's open promise named by `id`, or, without an id, the one closing first.
// Throws fu::Error (3) when there is none.
Promise target_promise(const Store& store, const Contact& contact, std::optional<Id> id);

} // namespace fu::commands
