// tests/fuzz/fuzz_json.cpp — fu's JSON book: any bytes are read, checked and imported all or
// nothing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fu/book_json.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const fu::Book book = fu::read_book_json(text, "fuzz.json");
        fu::check_book(book, "fuzz.json");
        fu::fuzz::import_all_or_nothing(book, [](fu::Store& store, const fu::Book& b) {
            fu::import_book(store, b, {"fuzz.json", false}, fu::fuzz::fixed_context());
        });
    } catch (const fu::Error&) {
    }
    return 0;
}
