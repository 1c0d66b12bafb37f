// tests/fuzz/fuzz_when.cpp — the time language: any words give a window or one fu::Error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const fu::Settings settings{};
    for (const auto direction : {fu::TimeDirection::future, fu::TimeDirection::past}) {
        try {
            const fu::Window window = fu::resolve(text, fu::fuzz::fixed_now(),
                                                  fu::fuzz::fixed_zone(), settings, direction);
            if (!(window.earliest < window.latest)) {
                std::abort(); // an empty or inverted window
            }
        } catch (const fu::Error&) {
        }
    }
    return 0;
}
