// src/when/diagnose.hpp — why a phrase could not be read, in one line and a hint.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "when/tokenizer.hpp"

namespace fu::when {

// Throws fu::Error (status 2) explaining why `tokens` are not a phrase: a zone abbreviation, a
// word that is not a time ("later", "soon"), a numeric date, a two-digit year, an unknown word
// (with "did you mean" only when the suggested word makes the phrase readable), or words left
// over after the `reached` first tokens.
[[noreturn]] void diagnose(const std::vector<Token>& tokens, std::string_view text,
                           std::size_t reached);

} // namespace fu::when
