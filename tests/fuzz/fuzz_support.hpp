// tests/fuzz/fuzz_support.hpp — what the libFuzzer targets share: a fixed clock and zone, and the
// check that an import of any bytes commits all or nothing.
#pragma once

#include <cstdlib>
#include <string_view>

#include "fu/error.hpp"
#include "fu/exchange.hpp"
#include "fu/store.hpp"
#include "fu/when.hpp"
#include "fu/zone.hpp"

namespace fu::fuzz {

inline Instant fixed_now()
{
    return Instant{std::chrono::seconds{1781530200}}; // 2026-06-15T13:30:00Z, a Monday
}

inline const fu::Zone& fixed_zone()
{
    static const fu::Zone& zone = fu::locate_zone("America/New_York");
    return zone;
}

inline ChangeContext fixed_context()
{
    static const Settings settings{};
    return {fixed_now(), settings, fixed_zone()};
}

// Imports what `read` produced into a fresh in-memory book inside one write transaction, as
// `fu import` does: either every record lands, or (a fu::Error) none does.
template <typename Read, typename Import>
void import_all_or_nothing(const Read& read, Import&& import_records)
{
    Store store = Store::open_in_memory();
    bool committed = false;
    try {
        auto transaction = store.begin_write({"fu import fuzz", fixed_now(), true});
        import_records(store, read);
        transaction.commit();
        committed = true;
    } catch (const Error&) {
    }
    if (!committed && store.has_contacts()) {
        std::abort(); // a failed import left records behind
    }
}

} // namespace fu::fuzz
