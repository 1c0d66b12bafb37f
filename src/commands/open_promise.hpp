// src/commands/open_promise.hpp — which open promise a reschedule or cancel acts on.
#pragma once

#include <optional>

#include "fu/env.hpp"
#include "fu/model.hpp"
#include "fu/store.hpp"

namespace fu::commands {

// The contact's open promise named by `id`; without an id, the only one. With several and no id,
// fu lists them and asks which on a terminal; off a terminal it fails with status 3 listing them.
// Throws fu::Error (3) when there is none.
Promise choose_open_promise(const Store& store, const Contact& contact, std::optional<Id> id,
                            const Env& env, const char* verb);

// The promise a CONTACT argument names when it is written p12 (`fu cancel p12`), or `option`
// (--promise). Throws fu::Error (2) when both name one and they differ, or --promise is no promise
// reference.
std::optional<Id> promise_named(const std::string& contact_ref,
                                const std::optional<std::string>& option);

} // namespace fu::commands
