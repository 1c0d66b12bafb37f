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

// Resolves `words` in the contact's zone (the customer's working hours) into a new open promise,
// not yet stored; notices go to env.err as `note:` lines. Throws fu::Error (2) for bad words/terms.
Promise new_promise(const Contact& contact, const std::vector<std::string>& words,
                    const PromiseTerms& terms, const Env& env);

// Stores a new promise (setting its id); a contact who had said no is back in follow-up (with a note).
void record_promise(Store& store, const Contact& contact, Promise& promise, const Env& env);

// "Promised Ada Lovelace (Analytical Engines) a call Tue 16 Jun 12:00–17:00 — tomorrow afternoon  [#7]"
std::string promised_line(const Promise& promise, const Contact& contact, const Env& env);

} // namespace fu::commands
