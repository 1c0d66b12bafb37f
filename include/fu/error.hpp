// fu/error.hpp — the one error type, carrying its exit status.
#pragma once

#include <stdexcept>
#include <string>

namespace fu {

// Documented exit statuses (man page: EXIT STATUS).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_check_failed = 1; // `fu due --check`: something needs attention
inline constexpr int k_exit_usage = 2;        // bad usage or input
inline constexpr int k_exit_not_found = 3;    // no such contact/promise, or ambiguous
inline constexpr int k_exit_database = 4;     // the database cannot be used
inline constexpr int k_exit_conflict = 5;     // refused: a later change depends on this one
inline constexpr int k_exit_internal = 70;    // a bug in fu (EX_SOFTWARE)
inline constexpr int k_exit_busy = 75;        // the database stayed busy (EX_TEMPFAIL)

// Every expected failure: a lower-case message, an exit status and an optional hint line.
class Error : public std::runtime_error {
public:
    Error(int status, std::string message, std::string hint = {})
        : std::runtime_error(std::move(message)), m_status(status), m_hint(std::move(hint))
    {
    }
    // The process exit status this error maps to.
    int status() const noexcept { return m_status; }
    // A suggestion printed as `hint: …` after the message, or empty.
    const std::string& hint() const noexcept { return m_hint; }

private:
    int m_status;
    std::string m_hint;
};

// Bad usage or input (exit 2).
inline Error usage_error(std::string message, std::string hint = {})
{
    return Error(k_exit_usage, std::move(message), std::move(hint));
}
// A reference that names nothing, or more than one thing (exit 3).
inline Error not_found_error(std::string message, std::string hint = {})
{
    return Error(k_exit_not_found, std::move(message), std::move(hint));
}
// The database file cannot be used (exit 4).
inline Error database_error(std::string message, std::string hint = {})
{
    return Error(k_exit_database, std::move(message), std::move(hint));
}

} // namespace fu
