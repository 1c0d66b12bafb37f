// src/io/vcard_write.cpp — fu/vcard.hpp: one contact as a vCard 3.0 or 4.0 card.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "fu/text.hpp"
#include "fu/vcard.hpp"

namespace fu {
namespace {

constexpr std::size_t k_fold_octets = 75;

// Text values (RFC 2426 5.1, RFC 6350 3.4): without control characters (file_text), backslash,
// comma, semicolon and newline escaped, in both versions.
std::string escaped(std::string_view raw)
{
    const std::string text = file_text(raw);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ',' || c == ';') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            out += "\\n";
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

// One content line, folded so that no physical line passes 75 octets and no UTF-8 character is
// split: each continuation starts with one space.
void put_line(std::ostream& out, std::string_view line)
{
    std::size_t limit = k_fold_octets;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        out << line.substr(0, cut) << "\r\n ";
        line.remove_prefix(cut);
        limit = k_fold_octets - 1;
    }
    out << line << "\r\n";
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash)
{
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// The name's last word is the family name, the words before it the given names.
std::pair<std::string, std::string> family_and_given(std::string_view name)
{
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < name.size()) {
        const std::size_t start = name.find_first_not_of(" \t", pos);
        if (start == std::string_view::npos) {
            break;
        }
        const std::size_t end = std::min(name.find_first_of(" \t", start), name.size());
        words.push_back(name.substr(start, end - start));
        pos = end;
    }
    if (words.size() < 2) {
        return {"", words.empty() ? "" : std::string(words.front())};
    }
    std::string given;
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        given += (k == 0 ? "" : " ") + std::string(words[k]);
    }
    return {std::string(words.back()), given};
}

} // namespace

std::string vcard_uid(const Contact& contact)
{
    const std::string key =
        fmt::format("fu-contact:{}:{}", contact.id, contact.created_at.time_since_epoch().count());
    const std::uint64_t high = fnv1a(key, 0xcbf29ce484222325ULL);
    std::uint64_t low = fnv1a(key, high ^ 0x9e3779b97f4a7c15ULL);
    std::uint64_t time_and_version = (high & ~std::uint64_t{0xF000}) | 0x8000; // version 8
    low = (low & ~(std::uint64_t{3} << 62)) | (std::uint64_t{2} << 62);        // variant 10
    return fmt::format("urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", time_and_version >> 32,
                       (time_and_version >> 16) & 0xFFFF, time_and_version & 0xFFFF, low >> 48,
                       low & 0xFFFFFFFFFFFFULL);
}

void write_vcard(std::ostream& out, const Contact& contact, VcardVersion version)
{
    const bool v4 = version == VcardVersion::v4_0;
    put_line(out, "BEGIN:VCARD");
    put_line(out, v4 ? "VERSION:4.0" : "VERSION:3.0");
    put_line(out, "PRODID:-//fu//fu//EN");
    put_line(out, "UID:" + vcard_uid(contact));
    put_line(out, "FN:" + escaped(contact.name));
    const auto [family, given] = family_and_given(contact.name);
    put_line(out, fmt::format("N:{};{};;;", escaped(family), escaped(given)));
    if (!contact.company.empty()) {
        put_line(out, "ORG:" + escaped(contact.company));
    }
    if (!contact.phone.empty()) {
        // A text value, as typed: the default for TEL in 3.0 and still allowed in 4.0, and read by
        // every address book (a tel: URI would have to drop the spaces).
        put_line(out, (v4 ? "TEL;TYPE=voice:" : "TEL;TYPE=VOICE:") + escaped(contact.phone));
    }
    if (!contact.email.empty()) {
        put_line(out, (v4 ? "EMAIL:" : "EMAIL;TYPE=INTERNET:") + escaped(contact.email));
    }
    if (!contact.note.empty()) {
        put_line(out, "NOTE:" + escaped(contact.note));
    }
    if (!contact.tags.empty()) {
        std::string categories;
        for (const auto& tag : contact.tags) {
            categories += (categories.empty() ? "" : ",") + escaped(tag);
        }
        put_line(out, "CATEGORIES:" + categories);
    }
    if (!contact.tz.empty()) {
        // 4.0's TZ is text by default; 3.0's is a UTC offset unless VALUE=text says otherwise.
        put_line(out, (v4 ? "TZ:" : "TZ;VALUE=text:") + escaped(contact.tz));
    }
    if (!contact.every.empty()) {
        put_line(out, "X-FU-EVERY:" + escaped(contact.every));
    }
    if (!contact.interest.empty()) {
        put_line(out, "X-FU-INTEREST:" + escaped(contact.interest));
    }
    put_line(out, "END:VCARD");
}

} // namespace fu
