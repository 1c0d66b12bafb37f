// src/io/vcard_read.cpp — fu/vcard.hpp: recognising and reading vCard 2.1, 3.0 (RFC 2426) and 4.0
// (RFC 6350) files.
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/text.hpp"
#include "fu/vcard.hpp"

namespace fu {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view text)
{
    return text.starts_with(k_bom) ? text.substr(k_bom.size()) : text;
}

std::string ascii_upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

// One content line after unfolding, numbered by the physical line it starts on.
struct Line {
    std::size_t number = 0;
    std::string text;
};

// Where a content line's name and parameters end: its first ':' outside a quoted parameter value.
std::size_t header_end(std::string_view line)
{
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') {
            quoted = !quoted;
        } else if (line[i] == ':' && !quoted) {
            return i;
        }
    }
    return std::string_view::npos;
}

// A quoted-printable value ending in '=' goes on on the next physical line (2.1 and 3.0 writers
// break them so, without the leading white space of folding).
bool continues_quoted_printable(std::string_view line)
{
    const std::size_t colon = header_end(line);
    return colon != std::string_view::npos && line.ends_with('=') &&
           ascii_lower(line.substr(0, colon)).find("quoted-printable") != std::string::npos;
}

std::vector<Line> unfold(std::string_view text)
{
    std::vector<Line> lines;
    std::size_t number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = text.find('\n', pos);
        std::string_view physical =
            text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        ++number;
        if (physical.ends_with('\r')) {
            physical.remove_suffix(1);
        }
        if (!lines.empty() && continues_quoted_printable(lines.back().text)) {
            lines.back().text.pop_back();
            lines.back().text += physical;
        } else if (!lines.empty() && !physical.empty() &&
                   (physical.front() == ' ' || physical.front() == '\t')) {
            lines.back().text += physical.substr(1);
        } else {
            lines.push_back({number, std::string(physical)});
        }
    }
    return lines;
}

// One property of a card: `group.NAME;PARAM=a,b;PARAM=c:value`, names upper-cased, parameter
// values unquoted, the value decoded to UTF-8 but still escaped.
struct Property {
    std::size_t line = 0;
    std::string group;
    std::string name;
    std::map<std::string, std::vector<std::string>> params;
    std::string value;

    bool has(std::string_view param, std::string_view value_lower) const
    {
        const auto it = params.find(std::string(param));
        return it != params.end() &&
               std::any_of(it->second.begin(), it->second.end(),
                           [&](const std::string& v) { return ascii_lower(v) == value_lower; });
    }
    std::string first(std::string_view param) const
    {
        const auto it = params.find(std::string(param));
        return it == params.end() || it->second.empty() ? std::string() : it->second.front();
    }
};

class Reader {
  public:
    explicit Reader(std::string_view source) : m_source(source) {}

    [[noreturn]] void fail(std::size_t line, const std::string& message) const
    {
        throw usage_error(fmt::format("{}:{}: {}", m_source, line, message));
    }

    Property parse(const Line& line) const;

  private:
    std::string_view m_source;
    void parse_params(Property& prop, std::string_view header) const;
    std::string decode(const Property& prop, std::string_view raw) const;
};

std::string shown(std::string_view text)
{
    const std::string cut =
        text.size() > 40 ? std::string(text.substr(0, 40)) + "…" : std::string(text);
    return is_valid_utf8(cut) ? cut : "(not UTF-8)";
}

std::vector<std::string> split_param_values(std::string_view raw)
{
    std::vector<std::string> values;
    std::string current;
    bool quoted = false;
    for (const char c : raw) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            values.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    values.push_back(current);
    return values;
}

void Reader::parse_params(Property& prop, std::string_view header) const
{
    std::vector<std::string_view> parts;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= header.size(); ++i) {
        if (i < header.size() && header[i] == '"') {
            quoted = !quoted;
        } else if (i == header.size() || (header[i] == ';' && !quoted)) {
            parts.push_back(header.substr(start, i - start));
            start = i + 1;
        }
    }
    std::string name = ascii_lower(trim(parts.front()));
    if (const std::size_t dot = name.rfind('.'); dot != std::string::npos) {
        prop.group = name.substr(0, dot);
        name = name.substr(dot + 1);
    }
    if (name.empty()) {
        fail(prop.line, "a property has no name");
    }
    prop.name = ascii_upper(name);
    for (std::size_t k = 1; k < parts.size(); ++k) {
        const std::string_view part = parts[k];
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            // vCard 2.1 bare parameters: `TEL;WORK;VOICE`, `NOTE;QUOTED-PRINTABLE`.
            const std::string word = ascii_lower(trim(part));
            const bool encoding =
                word == "quoted-printable" || word == "base64" || word == "8bit" || word == "7bit";
            prop.params[encoding ? "ENCODING" : "TYPE"].push_back(word);
            continue;
        }
        const std::string key = ascii_upper(trim(part.substr(0, eq)));
        for (const auto& v : split_param_values(part.substr(eq + 1))) {
            if (key != "TYPE") {
                prop.params[key].push_back(trim(v));
                continue;
            }
            for (const auto& type : split_param_values(v)) { // 4.0's TYPE="work,voice": two types
                prop.params[key].push_back(trim(type));
            }
        }
    }
}

int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

std::string decode_quoted_printable(std::string_view raw)
{
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '=' && i + 2 < raw.size() && hex_digit(raw[i + 1]) >= 0 &&
            hex_digit(raw[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(raw[i + 1]) * 16 + hex_digit(raw[i + 2]));
            i += 2;
        } else {
            out += raw[i];
        }
    }
    return out;
}

std::string latin1_to_utf8(std::string_view raw)
{
    std::string out;
    for (const char c : raw) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (byte >> 6));
            out += static_cast<char>(0x80 | (byte & 0x3F));
        }
    }
    return out;
}

std::string Reader::decode(const Property& prop, std::string_view raw) const
{
    const std::string encoding = ascii_lower(prop.first("ENCODING"));
    if (encoding == "b" || encoding == "base64") {
        return std::string(raw); // binary (PHOTO, LOGO, KEY): never imported, never decoded
    }
    std::string bytes;
    const std::string decoded =
        encoding == "quoted-printable" ? decode_quoted_printable(raw) : std::string(raw);
    for (std::size_t i = 0; i < decoded.size(); ++i) { // a quoted-printable CRLF or CR is a newline
        if (decoded[i] != '\r') {
            bytes += decoded[i];
        } else if (i + 1 >= decoded.size() || decoded[i + 1] != '\n') {
            bytes += '\n';
        }
    }
    const std::string charset = ascii_lower(prop.first("CHARSET"));
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "iso8859-1") {
        return latin1_to_utf8(bytes);
    }
    if (!charset.empty() && charset != "utf-8" && charset != "us-ascii") {
        fail(prop.line, fmt::format("{}: charset {} is not supported (UTF-8 or ISO-8859-1)",
                                    prop.name, shown(prop.first("CHARSET"))));
    }
    if (!is_valid_utf8(bytes)) {
        fail(prop.line, fmt::format("{}: the value is not UTF-8 text", prop.name));
    }
    return bytes;
}

Property Reader::parse(const Line& line) const
{
    Property prop;
    prop.line = line.number;
    const std::size_t colon = header_end(line.text);
    if (colon == std::string::npos) {
        fail(line.number, fmt::format("\"{}\" is not a property (no ':')", shown(line.text)));
    }
    const std::string_view header = std::string_view(line.text).substr(0, colon);
    if (!is_valid_utf8(header)) {
        fail(line.number, "the property name is not UTF-8 text");
    }
    parse_params(prop, header);
    prop.value = decode(prop, std::string_view(line.text).substr(colon + 1));
    return prop;
}

// Splits a value at `separator`s not escaped by a backslash; the parts stay escaped.
std::vector<std::string> split_escaped(std::string_view value, char separator)
{
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            parts.back() += value.substr(i, 2);
            ++i;
        } else if (value[i] == separator) {
            parts.emplace_back();
        } else {
            parts.back() += value[i];
        }
    }
    return parts;
}

// \\ \, \; \n \N as in RFC 6350 3.4; any other backslash is kept as written.
std::string unescape(std::string_view value)
{
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char next = i + 1 < value.size() ? value[i + 1] : '\0';
        if (value[i] == '\\' && (next == '\\' || next == ',' || next == ';')) {
            out += next;
            ++i;
        } else if (value[i] == '\\' && (next == 'n' || next == 'N')) {
            out += '\n';
            ++i;
        } else {
            out += value[i];
        }
    }
    return out;
}

// A structured component (N's given names, …) whose comma-separated values are one text.
std::string component_text(std::string_view component)
{
    std::vector<std::string> words;
    for (const auto& v : split_escaped(component, ',')) {
        if (std::string w = trim(unescape(v)); !w.empty()) {
            words.push_back(std::move(w));
        }
    }
    return join(words, " ");
}

bool is_utc_offset(std::string_view tz)
{
    if (tz.empty() || (tz.front() != '+' && tz.front() != '-')) {
        return false;
    }
    return std::all_of(tz.begin() + 1, tz.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == ':'; });
}

bool looks_like_zone_name(std::string_view tz)
{
    return !tz.empty() &&
           ((tz.front() >= 'A' && tz.front() <= 'Z') || (tz.front() >= 'a' && tz.front() <= 'z')) &&
           std::all_of(tz.begin(), tz.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '/' || c == '_' || c == '-' || c == '+';
           });
}

// A TEL or EMAIL with what the card says about it.
struct Address {
    std::string value;
    std::string label;    // "work", "cell, voice", an Apple X-ABLabel, or empty
    int preference = 101; // PREF=1 (4.0) or TYPE=pref (2.1, 3.0) is 1; 100 is least preferred
    bool mobile = false;
};

std::string apple_label(std::string label)
{
    if (label.starts_with("_$!<") && label.ends_with(">!$_")) {
        return ascii_lower(label.substr(4, label.size() - 8));
    }
    return label;
}

Address address_of(const Property& prop, const std::map<std::string, std::string>& group_labels,
                   const std::set<std::string>& unlabelled)
{
    Address a;
    a.value = trim(unescape(prop.value));
    std::vector<std::string> labels;
    if (const auto it = prop.params.find("TYPE"); it != prop.params.end()) {
        for (const auto& type : it->second) {
            const std::string t = ascii_lower(type);
            if (t == "pref") {
                a.preference = 1;
            } else if (t == "cell" || t == "mobile" || t == "iphone") {
                a.mobile = true;
            }
            if (!unlabelled.contains(t) && !t.empty() &&
                std::find(labels.begin(), labels.end(), t) == labels.end()) {
                labels.push_back(t);
            }
        }
    }
    if (const std::string pref = prop.first("PREF"); !pref.empty()) {
        const int n = std::clamp(std::atoi(pref.c_str()), 1, 100);
        a.preference = std::min(a.preference, n);
    }
    const auto group = group_labels.find(prop.group);
    a.label =
        !prop.group.empty() && group != group_labels.end() ? group->second : join(labels, ", ");
    return a;
}

// The preferred one first (lowest PREF, then a mobile number when `mobile_counts`), then the rest
// in file order.
std::vector<Address> preferred_first(std::vector<Address> all, bool mobile_counts)
{
    const auto better = [&](const Address& a, const Address& b) {
        if (a.preference != b.preference) {
            return a.preference < b.preference;
        }
        return mobile_counts && a.mobile && !b.mobile;
    };
    const auto best = std::min_element(all.begin(), all.end(), better);
    if (best != all.end()) {
        std::rotate(all.begin(), best, best + 1);
    }
    return all;
}

// "+1-555-0100;ext=12" from a tel: URI as "+1-555-0100 x12".
std::string phone_from_uri(std::string value)
{
    if (ascii_lower(value.substr(0, 4)) != "tel:") {
        return value;
    }
    value = value.substr(4);
    std::string number = value.substr(0, value.find(';'));
    const std::string lower = ascii_lower(value);
    if (const std::size_t ext = lower.find(";ext="); ext != std::string::npos) {
        number += " x" + value.substr(ext + 5, value.find(';', ext + 5) - (ext + 5));
    }
    return number;
}

// Properties that say nothing about the person, or that fu reads: never reported.
const std::set<std::string, std::less<>>& silent_properties()
{
    static const std::set<std::string, std::less<>> names{
        "VERSION",   "PRODID",  "UID",        "REV",         "KIND",       "CLIENTPIDMAP",
        "PROFILE",   "NAME",    "SOURCE",     "SORT-STRING", "X-ABUID",    "X-ABSHOWAS",
        "X-ABLABEL", "X-ABADR", "FN",         "N",           "ORG",        "TEL",
        "EMAIL",     "NOTE",    "CATEGORIES", "TZ",          "X-FU-EVERY", "X-FU-INTEREST"};
    return names;
}

// Notices counted per card: "property BDAY is not imported (2 cards)".
class Notices {
  public:
    void card_has(const std::string& what)
    {
        if (std::find(m_card.begin(), m_card.end(), what) == m_card.end()) {
            m_card.push_back(what);
        }
    }
    void end_card()
    {
        for (const auto& what : m_card) {
            if (m_counts[what]++ == 0) {
                m_order.push_back(what);
            }
        }
        m_card.clear();
    }
    std::vector<std::string> lines() const
    {
        std::vector<std::string> out;
        for (const auto& what : m_order) {
            const int n = m_counts.at(what);
            out.push_back(
                fmt::format("{} is not imported ({} card{})", what, n, n == 1 ? "" : "s"));
        }
        return out;
    }

  private:
    std::vector<std::string> m_card;
    std::map<std::string, int> m_counts;
    std::vector<std::string> m_order;
};

struct Card {
    std::size_t number = 0;
    std::size_t line = 0;
    std::vector<Property> properties;
};

IncomingContact to_contact(const Card& card, const Reader& reader, Notices& notices)
{
    IncomingContact c;
    c.where = fmt::format("card {} (line {})", card.number, card.line);
    std::map<std::string, std::string> group_labels;
    for (const auto& p : card.properties) {
        if (p.name == "X-ABLABEL" && !p.group.empty()) {
            group_labels[p.group] = apple_label(trim(unescape(p.value)));
        }
    }
    std::string fn;
    std::string n;
    std::vector<std::string> notes;
    std::vector<Address> phones;
    std::vector<Address> emails;
    // fu's own cards carry fu's tags as they are; another program's categories are labels.
    const bool from_fu = std::any_of(card.properties.begin(), card.properties.end(), [](const auto& p) {
        return p.name == "PRODID" && trim(p.value).starts_with("-//fu//");
    });
    for (const auto& p : card.properties) {
        const std::string text = trim(unescape(p.value));
        const bool binary =
            ascii_lower(p.first("ENCODING")) == "b" || ascii_lower(p.first("ENCODING")) == "base64";
        if (trim(p.value).empty()) {
            continue;
        }
        if (binary && p.name != "PHOTO" && p.name != "LOGO" && p.name != "SOUND" &&
            p.name != "KEY" && silent_properties().contains(p.name)) {
            notices.card_has(fmt::format("property {} in base64", p.name));
            continue;
        }
        if (!silent_properties().contains(p.name)) {
            notices.card_has(fmt::format("property {}", p.name));
        } else if (p.name == "FN" && fn.empty()) {
            fn = text;
        } else if (p.name == "N" && n.empty()) {
            const auto parts = split_escaped(p.value, ';');
            std::vector<std::string> words;
            for (const std::size_t k : {3, 1, 2, 0, 4}) {
                if (k < parts.size()) {
                    if (std::string w = component_text(parts[k]); !w.empty()) {
                        words.push_back(std::move(w));
                    }
                }
            }
            n = join(words, " ");
        } else if (p.name == "ORG" && c.company.empty()) {
            c.company = trim(unescape(split_escaped(p.value, ';').front()));
        } else if (p.name == "TEL") {
            Address a = address_of(p, group_labels, {"pref", "voice"});
            a.value = trim(phone_from_uri(a.value));
            phones.push_back(std::move(a));
        } else if (p.name == "EMAIL") {
            emails.push_back(address_of(p, group_labels, {"pref", "internet"}));
        } else if (p.name == "NOTE") {
            notes.push_back(unescape(p.value));
        } else if (p.name == "CATEGORIES") {
            for (const auto& category : split_escaped(p.value, ',')) {
                if (!from_fu && is_everyone_group(unescape(category))) {
                    continue;
                }
                std::string tag = tag_from_label(unescape(category), from_fu);
                if (!tag.empty() && std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) {
                    c.tags.push_back(std::move(tag));
                }
            }
        } else if (p.name == "TZ" && c.tz.empty()) {
            if (!is_utc_offset(text) && looks_like_zone_name(text)) {
                c.tz = text;
            } else {
                notices.card_has(is_utc_offset(text) ? "property TZ (a UTC offset, not a zone)"
                                                     : "property TZ (not a zone name)");
            }
        } else if (p.name == "X-FU-EVERY") {
            c.every = text;
        } else if (p.name == "X-FU-INTEREST") {
            c.interest = text;
        }
    }
    phones = preferred_first(std::move(phones), true);
    emails = preferred_first(std::move(emails), false);
    c.name = !fn.empty() ? fn : n;
    if (!phones.empty()) {
        c.phone = phones.front().value;
    }
    if (!emails.empty()) {
        c.email = emails.front().value;
    }
    if (c.name.empty()) {
        c.name = !c.company.empty() ? c.company : c.email;
    }
    if (c.name.empty()) {
        reader.fail(card.line,
                    fmt::format("card {} has no name (no FN, N, ORG or EMAIL)", card.number));
    }
    const auto more = [&](const char* what, const std::vector<Address>& all) {
        for (std::size_t k = 1; k < all.size(); ++k) {
            notes.push_back(all[k].label.empty()
                                ? fmt::format("{}: {}", what, all[k].value)
                                : fmt::format("{} ({}): {}", what, all[k].label, all[k].value));
        }
    };
    more("Phone", phones);
    more("E-mail", emails);
    c.note = join(notes, "\n");
    return c;
}

bool is_begin(const Line& line)
{
    const std::size_t colon = line.text.find(':');
    return colon != std::string::npos && iequals(trim(line.text.substr(0, colon)), "BEGIN") &&
           iequals(trim(line.text.substr(colon + 1)), "VCARD");
}

bool is_end(const Line& line)
{
    const std::size_t colon = line.text.find(':');
    return colon != std::string::npos && iequals(trim(line.text.substr(0, colon)), "END") &&
           iequals(trim(line.text.substr(colon + 1)), "VCARD");
}

} // namespace

bool looks_like_vcard(std::string_view text)
{
    for (const auto& line : unfold(without_bom(text))) {
        if (!trim(line.text).empty()) {
            return iequals(trim(line.text), "BEGIN:VCARD");
        }
    }
    return false;
}

ContactsRead read_vcards(std::string_view text, std::string_view source)
{
    const Reader reader(source);
    ContactsRead read;
    Notices notices;
    std::set<std::string> versions;
    std::optional<Card> card;
    std::size_t cards = 0;
    for (const auto& line : unfold(without_bom(text))) {
        if (!card) {
            if (is_begin(line)) {
                card = Card{++cards, line.number, {}};
            } else if (!trim(line.text).empty()) {
                reader.fail(line.number,
                            fmt::format("\"{}\" is outside a card (BEGIN:VCARD … END:VCARD)",
                                        shown(line.text)));
            }
        } else if (is_begin(line)) {
            reader.fail(line.number, fmt::format("BEGIN:VCARD inside card {} (begun on line {}): "
                                                 "END:VCARD is missing",
                                                 card->number, card->line));
        } else if (is_end(line)) {
            std::string version;
            for (const auto& p : card->properties) {
                if (p.name == "VERSION") {
                    version = trim(p.value);
                }
            }
            versions.insert(version);
            read.contacts.push_back(to_contact(*card, reader, notices));
            notices.end_card();
            card.reset();
        } else if (!trim(line.text).empty()) {
            card->properties.push_back(reader.parse(line));
        }
    }
    if (card) {
        reader.fail(card->line, fmt::format("card {} has no END:VCARD", card->number));
    }
    if (read.contacts.empty()) {
        throw usage_error(fmt::format("{}: no vCard in the file", source));
    }
    const std::string& version = *versions.begin();
    const bool known = version == "2.1" || version == "3.0" || version == "4.0";
    read.dialect = versions.size() == 1 && known ? "vCard " + version : "vCard";
    read.notices = notices.lines();
    return read;
}

} // namespace fu
