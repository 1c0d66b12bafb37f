// tests/fuzz/fuzz_vcard.cpp — vCard: any bytes are read, checked and imported all or nothing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fu/vcard.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const fu::ContactsRead read = fu::read_vcards(text, "fuzz.vcf");
        fu::check_contacts(read, "fuzz.vcf");
        fu::fuzz::import_all_or_nothing(read, [](fu::Store& store, const fu::ContactsRead& r) {
            fu::import_contacts(store, r, {"fuzz.vcf", true}, fu::fuzz::fixed_context());
        });
    } catch (const fu::Error&) {
    }
    return 0;
}
