// src/io/incoming.cpp — fu/incoming.hpp: labels made into tags, the same way for every format.
#include "fu/incoming.hpp"

#include "fu/text.hpp"

namespace fu {

std::string tag_from_label(std::string_view label, bool keep_case)
{
    std::string text = trim(label);
    if (text.starts_with('*')) {
        text = trim(std::string_view(text).substr(1));
    }
    if (!keep_case) {
        text = fold_case(text);
    }
    std::string tag;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool separator = c == ' ' || c == ',' || c == ';' || c == '-' || byte < 0x20 || byte == 0x7F;
        if (!separator) {
            tag += c;
        } else if (!tag.empty() && tag.back() != '-') {
            tag += '-';
        }
    }
    if (tag.size() > 64) {
        std::size_t cut = 64;
        while (cut > 0 && (static_cast<unsigned char>(tag[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        tag.resize(cut);
    }
    while (!tag.empty() && tag.back() == '-') {
        tag.pop_back();
    }
    return tag;
}

bool is_everyone_group(std::string_view label)
{
    const std::string word = tag_from_label(label);
    return word == "mycontacts" || word == "my-contacts" || word == "othercontacts" || word == "other-contacts";
}

} // namespace fu
