#include "fu/refs.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#include "fu/error.hpp"

namespace fu {
namespace {

std::optional<Id> number(std::string_view digits)
{
    if (digits.empty() || digits.size() > 18 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    Id value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value > 0 ? std::optional<Id>(value) : std::nullopt;
}

} // namespace

std::string promise_ref(Id id)
{
    return fmt::format("p{}", id);
}
std::string interaction_ref(Id id)
{
    return fmt::format("i{}", id);
}
std::string change_ref(Id id)
{
    return fmt::format("u{}", id);
}

std::optional<Ref> parse_ref(std::string_view text)
{
    if (text.size() < 2) {
        return std::nullopt;
    }
    const auto id = number(text.substr(1));
    if (!id) {
        return std::nullopt;
    }
    switch (text.front()) {
    case 'p':
    case 'P':
        return Ref{RefKind::promise, *id};
    case 'i':
    case 'I':
        return Ref{RefKind::interaction, *id};
    case 'u':
    case 'U':
        return Ref{RefKind::change, *id};
    default:
        return std::nullopt;
    }
}

Id parse_promise_ref(std::string_view text)
{
    if (const auto ref = parse_ref(text); ref && ref->kind == RefKind::promise) {
        return ref->id;
    }
    const auto bare = number(!text.empty() && text.front() == '#' ? text.substr(1) : text);
    if (bare) {
        return *bare;
    }
    throw usage_error(fmt::format("\"{}\" is not a promise (promises are written like p12)", text),
                      "see the promises with: fu show CONTACT");
}

} // namespace fu
