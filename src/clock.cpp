#include "fu/clock.hpp"

namespace fu {

Instant system_now()
{
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace fu
