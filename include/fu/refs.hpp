// fu/refs.hpp — how records are named to a person: a contact by its number (or name), a promise
// as p12, an interaction as i31, a change in the undo journal as u7. Printed and accepted the same
// way everywhere, so a promise and an interaction never look alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fu/model.hpp"

namespace fu {

enum class RefKind { promise, interaction, change };

struct Ref {
    RefKind kind = RefKind::promise;
    Id id = 0;
};

std::string promise_ref(Id id);     // "p12"
std::string interaction_ref(Id id); // "i31"
std::string change_ref(Id id);      // "u7"

// Reads "p12", "i31" or "u7" (either case); nullopt for anything else.
std::optional<Ref> parse_ref(std::string_view text);

// Reads the value of an option that names a promise: "p12" (or, as before, a bare number or "#12").
// Throws fu::Error (2) for anything else, e.g. an interaction reference.
Id parse_promise_ref(std::string_view text);

} // namespace fu
