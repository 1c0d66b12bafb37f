#include "fu/safe_stream.hpp"

#include <cerrno>
#include <utility>
#include <vector>

#include "fu/text.hpp"

namespace fu {
namespace {
constexpr std::size_t k_chunk = 8192;

std::vector<std::pair<const std::ostream*, int>>& write_errors()
{
    static std::vector<std::pair<const std::ostream*, int>> errors;
    return errors;
}

// Records why writing to `target` failed, once: errno right after the failed write.
void remember_write_error(const std::ostream& target, int error)
{
    if (write_error_of(target) == 0) {
        write_errors().emplace_back(&target, error != 0 ? error : EIO);
    }
}
} // namespace

int write_error_of(const std::ostream& target)
{
    for (const auto& [stream, error] : write_errors()) {
        if (stream == &target) {
            return error;
        }
    }
    return 0;
}

SafeStreamBuf::~SafeStreamBuf()
{
    drain(true);
}

SafeStreamBuf::int_type SafeStreamBuf::overflow(int_type ch)
{
    if (traits_type::eq_int_type(ch, traits_type::eof())) {
        return traits_type::not_eof(ch);
    }
    m_pending += traits_type::to_char_type(ch);
    if (m_pending.size() >= k_chunk) {
        drain(false);
    }
    return ch;
}

std::streamsize SafeStreamBuf::xsputn(const char* s, std::streamsize n)
{
    m_pending.append(s, static_cast<std::size_t>(n));
    if (m_pending.size() >= k_chunk) {
        drain(false);
    }
    return n;
}

int SafeStreamBuf::sync()
{
    drain(true);
    errno = 0;
    m_target.flush();
    if (!m_target) {
        remember_write_error(m_target, errno);
    }
    return m_target ? 0 : -1;
}

void SafeStreamBuf::drain(bool final)
{
    if (m_pending.empty()) {
        return;
    }
    m_escaped.clear();
    const std::size_t used =
        escape_controls(m_pending, m_escaped, EscapeRules{true, m_colors, final});
    m_pending.erase(0, used);
    errno = 0;
    m_target.write(m_escaped.data(), static_cast<std::streamsize>(m_escaped.size()));
    if (!m_target) {
        remember_write_error(m_target, errno);
    }
}

} // namespace fu
