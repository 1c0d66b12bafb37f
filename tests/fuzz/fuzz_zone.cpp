// tests/fuzz/fuzz_zone.cpp — the zone reader: any bytes are a zone (TZif, or a POSIX TZ string) or
// one fu::Error; a zone's answers agree with each other (an instant's period holds it, and the next
// period begins where it ends, or none does; its local time is never one the clocks skip, and the
// instant lies between that local time's earliest and latest readings).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "fu/error.hpp"
#include "fu/zone.hpp"

namespace {

void check(const fu::Zone& zone)
{
    // 1901, 1970, 2026, 2038 (past the 32-bit transitions), 2100 and 9999.
    for (const long long seconds :
         {-2145916800LL, 0LL, 1781530200LL, 2147483648LL, 4102444800LL, 253402300799LL}) {
        const fu::Instant t{std::chrono::seconds{seconds}};
        const fu::SysInfo info = zone.get_info(t);
        if (!(info.begin <= t && t < info.end)) {
            std::abort();
        }
        if (info.end.time_since_epoch().count() < (1LL << 59)) {
            if (zone.get_info(info.end).begin != info.end) {
                std::abort(); // the next period begins where this one ends: no gap, no overlap
            }
        } else {
            for (int k = 1; k <= 12; ++k) { // a period without end: the years after hold no change
                const fu::SysInfo later = zone.get_info(t + std::chrono::hours{24 * (365 * k + 13)});
                if (later.offset != info.offset || later.dst != info.dst) {
                    std::abort();
                }
            }
        }
        const date::local_seconds local = zone.to_local(t);
        const fu::LocalInfo back = zone.get_info(local);
        if (back.result == fu::LocalInfo::nonexistent) {
            std::abort(); // the clocks showed it, so they did not skip it
        }
        if (!(zone.to_sys(local, fu::Choose::earliest) <= t && t <= zone.to_sys(local, fu::Choose::latest))) {
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.starts_with("TZif")) {
        std::optional<fu::Zone> zone;
        try {
            zone.emplace("fuzz", bytes);
        } catch (const fu::Error&) {
            return 0;
        }
        check(*zone);
    } else if (const auto rule = fu::parse_posix_tz(bytes)) {
        check(fu::Zone("fuzz", *rule));
    }
    return 0;
}
