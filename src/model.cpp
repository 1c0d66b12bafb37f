#include "fu/model.hpp"

#include <algorithm>
#include <array>

namespace fu {
namespace {
constexpr std::array<std::string_view, 6> k_status_words{"open",         "kept",   "late",
                                                          "renegotiated", "broken", "cancelled"};
bool one_of(std::string_view word, std::initializer_list<std::string_view> words)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}
} // namespace

std::string_view to_string(PromiseStatus status)
{
    return k_status_words.at(static_cast<std::size_t>(status));
}

std::optional<PromiseStatus> promise_status_from(std::string_view word)
{
    for (std::size_t i = 0; i < k_status_words.size(); ++i) {
        if (k_status_words[i] == word) {
            return static_cast<PromiseStatus>(i);
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& outcomes_needing_no_next_step()
{
    static const std::vector<std::string> outcomes{"won"};
    return outcomes;
}

std::string_view to_string(KeepChoice choice)
{
    switch (choice) {
    case KeepChoice::automatic: return "auto";
    case KeepChoice::chosen: return "chosen";
    case KeepChoice::aside: return "aside";
    }
    return "auto";
}

std::optional<KeepChoice> keep_choice_from(std::string_view word)
{
    for (const KeepChoice choice : {KeepChoice::automatic, KeepChoice::chosen, KeepChoice::aside}) {
        if (to_string(choice) == word) {
            return choice;
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& interaction_kinds()
{
    static const std::vector<std::string> kinds{"call", "voicemail", "email", "text",
                                                "meeting", "visit", "note", "reminder"};
    return kinds;
}

const std::vector<std::string>& interaction_outcomes()
{
    static const std::vector<std::string> outcomes{"reached", "no-answer", "left-message",
                                                   "sent",    "replied",   "not-interested",
                                                   "won",     "lost",      "not-now"};
    return outcomes;
}

const std::vector<std::string>& promise_channels()
{
    static const std::vector<std::string> channels{"call", "email", "text", "visit"};
    return channels;
}

std::string default_outcome(std::string_view kind)
{
    if (kind == "voicemail") {
        return "left-message";
    }
    if (kind == "email" || kind == "text" || kind == "reminder") {
        return "sent";
    }
    if (kind == "note") {
        return "";
    }
    return "reached";
}

bool is_attempt(std::string_view kind) { return kind != "note" && kind != "reminder"; }
bool is_inbound(const Interaction& interaction) { return interaction.inbound || interaction.outcome == "replied"; }
bool is_own_attempt(const Interaction& interaction) { return is_attempt(interaction.kind) && !is_inbound(interaction); }
std::string default_inbound_outcome(std::string_view kind)
{
    return kind == "email" || kind == "text" ? "replied" : kind == "note" || kind == "reminder" ? "" : "reached";
}
bool is_unanswered(std::string_view outcome)
{
    return one_of(outcome, {"no-answer", "left-message", "sent"});
}
bool is_answered(std::string_view outcome)
{
    return one_of(outcome, {"reached", "replied", "not-interested", "won", "lost", "not-now"});
}
bool closes_contact(std::string_view outcome) { return one_of(outcome, {"not-interested", "lost"}); }

} // namespace fu
