// src/commands/promising.hpp — making a promise from words: shared by promise, log --next and
// reschedule.
#pragma once

#include <string>
#include <vector>

#include "fu/env.hpp"
#include "fu/model.hpp"
#include "fu/store.hpp"

namespace fu::commands {

// What a new promise says besides its window.
struct PromiseTerms {
    std::string about;
    bool agreed = false;
    std::string via = "call";
};

// "Promised Ada Lovelace (Analytical Engines) a call Tue 16 Jun 12:00–17:00 — tomorrow afternoon  [p7]"
std::string promised_line(const Promise& promise, const Contact& contact, const Env& env);

} // namespace fu::commands
