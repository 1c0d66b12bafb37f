// src/io/contacts_csv.cpp — fu/contacts_csv.hpp: fu's CSV columns and writer, and the mapping of
// fu's own, Google Contacts' and Outlook's CSV columns onto IncomingContact.
#include "fu/contacts_csv.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include <fmt/format.h>

#include "fu/error.hpp"
#include "fu/format.hpp"
#include "fu/text.hpp"
#include "io/csv_reader.hpp"

namespace fu {
namespace {

using csv::Record;

enum class Dialect { fu, google, outlook };

std::string_view dialect_name(Dialect dialect)
{
    switch (dialect) {
    case Dialect::fu:
        return "fu CSV";
    case Dialect::google:
        return "Google Contacts CSV";
    case Dialect::outlook:
        return "Outlook CSV";
    }
    return "";
}

using Column = std::optional<std::size_t>;

// A column of phone numbers or email addresses, and where its label comes from.
struct ValueColumn {
    std::size_t value = 0;
    Column label_column;     // Google's "Phone 1 - Label"
    Column type_column;      // Outlook's "E-mail Type": EX is an Exchange path, not an address
    std::string label;       // a label of its own: Outlook's "Mobile"
    bool may_be_main = true; // false for faxes and an assistant's phone: kept in the note only
};

// Which column of a header holds what, for one dialect.
struct Layout {
    Dialect dialect = Dialect::fu;
    std::vector<std::string> headers; // as the file spells them
    std::vector<bool> used;           // columns mapped onto a field
    Column name, company, note, tz, every, interest;
    Column prefix, given, middle, family, suffix, nickname, file_as, display_name;
    std::vector<std::size_t> groups;
    std::vector<ValueColumn> phones, emails;
};

// A header cell as matched: ASCII lower-case, trimmed, single spaces, "e-mail" spelt "email".
std::string column_key(std::string_view header)
{
    std::string key;
    bool space = false;
    for (const char c : ascii_lower(trim(header))) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space) {
            key += ' ';
            space = false;
        }
        key += c;
    }
    for (auto at = key.find("e-mail"); at != std::string::npos; at = key.find("e-mail", at)) {
        key.replace(at, 6, "email");
    }
    return key;
}

// Google's numbered columns: "phone 2 - label" is {phone, 2, label}.
struct Numbered {
    std::string kind;
    std::string number;
    std::string part;
};

std::optional<Numbered> numbered(std::string_view key)
{
    const auto dash = key.find(" - ");
    if (dash == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view left = key.substr(0, dash);
    const auto space = left.rfind(' ');
    if (space == std::string_view::npos || space + 1 == left.size() ||
        !std::all_of(left.begin() + static_cast<std::ptrdiff_t>(space) + 1, left.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return Numbered{std::string(left.substr(0, space)), std::string(left.substr(space + 1)),
                    std::string(key.substr(dash + 3))};
}

class HeaderIndex {
  public:
    explicit HeaderIndex(Layout& layout) : m_layout(layout)
    {
        for (const auto& header : layout.headers) {
            m_keys.push_back(column_key(header));
        }
        m_layout.used.assign(m_keys.size(), false);
    }

    const std::vector<std::string>& keys() const { return m_keys; }

    // The first column with one of `keys` (in the order given), marked as mapped.
    Column take(std::initializer_list<std::string_view> keys)
    {
        for (const auto key : keys) {
            if (const Column column = find(key)) {
                m_layout.used[*column] = true;
                return column;
            }
        }
        return std::nullopt;
    }

    Column find(std::string_view key) const
    {
        const auto it = std::find(m_keys.begin(), m_keys.end(), key);
        return it == m_keys.end() ? std::nullopt
                                  : Column(static_cast<std::size_t>(it - m_keys.begin()));
    }

  private:
    Layout& m_layout;
    std::vector<std::string> m_keys;
};

bool has_any(const HeaderIndex& index, std::initializer_list<std::string_view> keys)
{
    return std::any_of(keys.begin(), keys.end(),
                       [&](std::string_view key) { return index.find(key).has_value(); });
}

void fu_layout(Layout& layout, HeaderIndex& index)
{
    layout.name = index.take({"name"});
    layout.company = index.take({"company"});
    if (const Column phone = index.take({"phone"})) {
        layout.phones.push_back(ValueColumn{*phone, {}, {}, {}, true});
    }
    if (const Column email = index.take({"email"})) {
        layout.emails.push_back(ValueColumn{*email, {}, {}, {}, true});
    }
    if (const Column tags = index.take({"tags"})) {
        layout.groups.push_back(*tags);
    }
    layout.interest = index.take({"interest"});
    layout.every = index.take({"every"});
    layout.tz = index.take({"tz"});
    layout.note = index.take({"note"});
}

void google_layout(Layout& layout, HeaderIndex& index)
{
    layout.name = index.take({"name"});
    layout.given = index.take({"first name", "given name"});
    layout.middle = index.take({"middle name", "additional name"});
    layout.family = index.take({"last name", "family name"});
    layout.prefix = index.take({"name prefix"});
    layout.suffix = index.take({"name suffix"});
    layout.nickname = index.take({"nickname"});
    layout.file_as = index.take({"file as"});
    layout.company = index.take({"organization name", "organization 1 - name"});
    layout.note = index.take({"notes"});
    for (const auto key : {"labels", "group membership"}) {
        if (const Column column = index.take({key})) {
            layout.groups.push_back(*column);
        }
    }
    for (std::size_t i = 0; i < index.keys().size(); ++i) {
        const auto parts = numbered(index.keys()[i]);
        if (!parts || parts->part != "value" ||
            (parts->kind != "email" && parts->kind != "phone")) {
            continue;
        }
        const std::string prefix = parts->kind + " " + parts->number + " - ";
        ValueColumn column{i, index.take({prefix + "label", prefix + "type"}), {}, {}, true};
        layout.used[i] = true;
        (parts->kind == "email" ? layout.emails : layout.phones).push_back(column);
    }
}

bool is_outlook_phone(std::string_view key)
{
    return key.find("phone") != std::string_view::npos ||
           key.find("fax") != std::string_view::npos || key == "pager" || key == "callback" ||
           key == "isdn" || key == "telex";
}

// "Business Phone 2" is labelled "Business 2"; "Pager" stays "Pager".
std::string outlook_phone_label(std::string_view header)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    const std::string text = trim(header);
    while (start <= text.size()) {
        const auto end = std::min(text.find(' ', start), text.size());
        if (const std::string word = text.substr(start, end - start);
            !word.empty() && ascii_lower(word) != "phone") {
            words.push_back(word);
        }
        start = end + 1;
    }
    return words.empty() ? std::string(header) : join(words, " ");
}

void outlook_layout(Layout& layout, HeaderIndex& index)
{
    layout.name = index.take({"name"}); // not Outlook's, but a hand-made file's full name
    layout.prefix = index.take({"title"});
    layout.given = index.take({"first name"});
    layout.middle = index.take({"middle name"});
    layout.family = index.take({"last name"});
    layout.suffix = index.take({"suffix"});
    layout.nickname = index.take({"nickname"});
    layout.display_name = index.take({"email display name"});
    layout.company = index.take({"company"});
    layout.note = index.take({"notes"});
    if (const Column categories = index.take({"categories"})) {
        layout.groups.push_back(*categories);
    }
    for (const std::string number : {"", " 1", " 2", " 3"}) {
        if (const Column address = index.take({"email" + number + " address"})) {
            layout.emails.push_back(
                ValueColumn{*address, {}, index.take({"email" + number + " type"}), {}, true});
            index.take({"email" + number + " display name"});
        }
    }
    // Mobile first: the number that reaches the person; then work, the one marked primary, home.
    for (const auto key : {"mobile phone", "business phone", "primary phone", "home phone"}) {
        if (const Column column = index.take({key})) {
            layout.phones.push_back(
                ValueColumn{*column, {}, {}, outlook_phone_label(layout.headers[*column]), true});
        }
    }
    for (std::size_t i = 0; i < index.keys().size(); ++i) {
        const std::string& key = index.keys()[i];
        if (layout.used[i] || !is_outlook_phone(key)) {
            continue;
        }
        layout.used[i] = true;
        const bool main = key.find("fax") == std::string::npos && !key.starts_with("assistant");
        layout.phones.push_back(
            ValueColumn{i, {}, {}, outlook_phone_label(layout.headers[i]), main});
    }
}

bool looks_like_google(const HeaderIndex& index)
{
    if (has_any(index,
                {"given name", "family name", "additional name", "group membership", "labels",
                 "file as", "organization name", "phonetic first name", "yomi name"})) {
        return true;
    }
    return std::any_of(index.keys().begin(), index.keys().end(),
                       [](const std::string& key) { return numbered(key).has_value(); });
}

bool looks_like_outlook(const HeaderIndex& index)
{
    return has_any(index, {"first name", "last name", "middle name", "email address",
                           "email display name", "mobile phone", "business phone", "home phone",
                           "primary phone", "categories", "job title"});
}

bool has_name_source(const Layout& layout)
{
    return layout.name || layout.given || layout.middle || layout.family || layout.nickname ||
           layout.file_as || layout.display_name ||
           (layout.dialect != Dialect::fu && (layout.company || !layout.emails.empty()));
}

[[noreturn]] void unknown_header(const Record& header, std::string_view source)
{
    std::vector<std::string> cells;
    for (const auto& cell : header.fields) {
        if (cells.size() == 8) {
            cells.emplace_back("…");
            break;
        }
        cells.push_back(trim(cell));
    }
    throw usage_error(
        fmt::format(
            "{}:{}: the header row ({}) has no name column; fu reads its own columns ({}: name is "
            "required, the others may be left out), and Google Contacts' and Outlook's CSV exports",
            source, header.line, join(cells, ","), join(contacts_csv_columns(), ",")),
        "the first row of the file must name the columns, e.g. name,email,phone");
}

Layout layout_for(const Record& header, std::string_view source)
{
    Layout layout;
    layout.headers = header.fields;
    HeaderIndex index(layout);
    if (looks_like_google(index)) {
        layout.dialect = Dialect::google;
        google_layout(layout, index);
    } else if (looks_like_outlook(index)) {
        layout.dialect = Dialect::outlook;
        outlook_layout(layout, index);
    } else {
        layout.dialect = Dialect::fu;
        fu_layout(layout, index);
    }
    if (!has_name_source(layout)) {
        unknown_header(header, source);
    }
    return layout;
}

// True when `text` is quotes and then a character a spreadsheet starts a formula with.
bool quotes_then_formula(std::string_view text)
{
    const auto first = text.find_first_not_of('\'');
    return first != std::string_view::npos &&
           std::string_view("=+-@\t\r").find(text[first]) != std::string_view::npos;
}

// The writer's "'=…" back to "=…" (and "''=…" back to "'=…"): fu's own files only.
std::string undo_neutralising(std::string_view cell)
{
    if (cell.starts_with('\'') && quotes_then_formula(cell)) {
        cell.remove_prefix(1);
    }
    return std::string(cell);
}

// The trimmed, non-empty parts of `text` between `separator`s (Google's " ::: ").
std::vector<std::string> split(std::string_view text, std::string_view separator)
{
    std::vector<std::string> parts;
    for (;;) {
        const auto end = text.find(separator);
        if (std::string part = trim(text.substr(0, end)); !part.empty()) {
            parts.push_back(std::move(part));
        }
        if (end == std::string_view::npos) {
            return parts;
        }
        text.remove_prefix(end + separator.size());
    }
}

// Google marks system groups and primary values with a leading "* " ("* starred", "* Work").
std::string without_star(std::string_view label)
{
    std::string text = trim(label);
    return text.starts_with('*') ? trim(std::string_view(text).substr(1)) : text;
}

// Values Outlook and Google write into columns that hold nothing.
bool is_placeholder(Dialect dialect, std::string_view value)
{
    if (dialect == Dialect::google) {
        return value == "*";
    }
    if (dialect == Dialect::outlook) {
        const std::string word = ascii_lower(value);
        return word == "0/0/00" || word == "unspecified" || word == "normal" || word == "false";
    }
    return false;
}

// Notes keep LF line ends only: the domain's note refuses a CR.
std::string note_text(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                continue;
            }
            out += '\n';
        } else {
            out += text[i];
        }
    }
    return out;
}

struct Found {
    std::string label;
    std::string value;
    bool may_be_main = true;
};

class RowReader {
  public:
    RowReader(const Layout& layout, const Record& record) : m_layout(layout), m_record(record) {}

    std::string cell(Column column) const
    {
        if (!column || *column >= m_record.fields.size()) {
            return {};
        }
        const std::string& raw = m_record.fields[*column];
        return trim(m_layout.dialect == Dialect::fu ? undo_neutralising(raw) : raw);
    }

    std::vector<Found> values(const std::vector<ValueColumn>& columns) const
    {
        std::vector<Found> found;
        for (const auto& column : columns) {
            const std::string text = cell(column.value);
            const bool exchange =
                column.type_column && ascii_lower(cell(column.type_column)) == "ex";
            const std::string label = exchange ? "Exchange"
                                      : column.label_column
                                          ? without_star(cell(column.label_column))
                                          : column.label;
            const auto parts = m_layout.dialect == Dialect::google ? split(text, ":::")
                                                                   : std::vector<std::string>{text};
            for (const auto& part : parts) {
                if (!part.empty()) {
                    found.push_back(Found{label, part, column.may_be_main && !exchange});
                }
            }
        }
        return found;
    }

  private:
    const Layout& m_layout;
    const Record& m_record;
};

// The first value that may be the contact's becomes it; the others are kept as note lines.
std::string pick(const std::vector<Found>& found, std::string_view kind,
                 std::vector<std::string>& note_lines)
{
    const auto main =
        std::find_if(found.begin(), found.end(), [](const Found& f) { return f.may_be_main; });
    const std::string chosen = main == found.end() ? std::string() : main->value;
    std::vector<std::string> seen{chosen};
    for (const auto& f : found) {
        if (std::find(seen.begin(), seen.end(), f.value) != seen.end()) {
            continue;
        }
        seen.push_back(f.value);
        note_lines.push_back(f.label.empty() ? fmt::format("{}: {}", kind, f.value)
                                             : fmt::format("{} ({}): {}", kind, f.label, f.value));
    }
    return chosen;
}

// "Sam Okafor (sam@example.com)" as Outlook displays an address: the name, when there is one.
std::string display_name_part(std::string_view display)
{
    std::string name = trim(display);
    if (const auto open = name.rfind(" ("); open != std::string::npos && name.ends_with(')')) {
        name = trim(std::string_view(name).substr(0, open));
    }
    return name.find('@') == std::string::npos ? name : std::string();
}

std::string resolve_name(const Layout& layout, const RowReader& row, const IncomingContact& contact)
{
    std::string name = row.cell(layout.name);
    if (!name.empty() || layout.dialect == Dialect::fu) {
        return name;
    }
    std::vector<std::string> parts;
    for (const Column column :
         {layout.prefix, layout.given, layout.middle, layout.family, layout.suffix}) {
        if (std::string part = row.cell(column); !part.empty()) {
            parts.push_back(std::move(part));
        }
    }
    for (std::string candidate :
         {join(parts, " "), row.cell(layout.nickname), row.cell(layout.file_as),
          display_name_part(row.cell(layout.display_name)), contact.company, contact.email}) {
        if (!candidate.empty()) {
            return candidate;
        }
    }
    return {};
}

std::vector<std::string> tags_of(const Layout& layout, const RowReader& row)
{
    std::vector<std::string> tags;
    for (const std::size_t column : layout.groups) {
        std::string text = row.cell(column);
        if (layout.dialect != Dialect::google) { // fu's "a;b", Outlook's "a;b" or "a, b"
            std::replace(text.begin(), text.end(), ',', ';');
        }
        const auto groups = split(text, layout.dialect == Dialect::google ? ":::" : ";");
        for (const auto& group : groups) {
            if (layout.dialect == Dialect::google && is_everyone_group(group)) {
                continue;
            }
            std::string tag = layout.dialect == Dialect::fu ? group : tag_from_label(group);
            if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) {
                tags.push_back(std::move(tag));
            }
        }
    }
    return tags;
}

IncomingContact map_row(const Layout& layout, const Record& record, std::string_view source)
{
    const RowReader row(layout, record);
    IncomingContact contact;
    contact.where = fmt::format("line {}", record.line);
    contact.company = row.cell(layout.company);
    contact.tz = row.cell(layout.tz);
    contact.every = row.cell(layout.every);
    contact.interest = row.cell(layout.interest);
    std::vector<std::string> note_lines;
    contact.phone = pick(row.values(layout.phones), "Phone", note_lines);
    contact.email = pick(row.values(layout.emails), "E-mail", note_lines);
    contact.note = note_text(row.cell(layout.note));
    if (!note_lines.empty()) {
        contact.note += (contact.note.empty() ? "" : "\n") + join(note_lines, "\n");
    }
    contact.tags = tags_of(layout, row);
    contact.name = resolve_name(layout, row, contact);
    if (contact.name.empty()) {
        throw usage_error(fmt::format("{}:{}: a contact without a name", source, record.line),
                          layout.dialect == Dialect::fu
                              ? "fill in its name, or remove the row"
                              : "give it a name, a company or an email address, "
                                "or remove the row");
    }
    return contact;
}

std::string column_title(const Layout& layout, std::size_t column)
{
    const std::string header = trim(layout.headers[column]);
    return header.empty() ? fmt::format("{} (no name)", column + 1) : fmt::format("\"{}\"", header);
}

} // namespace

const std::vector<std::string>& contacts_csv_columns()
{
    static const std::vector<std::string> columns{"name",     "company", "phone", "email", "tags",
                                                  "interest", "every",   "tz",    "note"};
    return columns;
}

ContactsRead read_contacts_csv(std::string_view text, std::string_view source)
{
    const std::vector<Record> records = csv::read_records(text, source);
    if (records.empty()) {
        throw usage_error(fmt::format("{}: the file is empty (it needs a header row)", source),
                          "the first row of the file must name the columns, e.g. name,email,phone");
    }
    const Record& header = records.front();
    const Layout layout = layout_for(header, source);
    ContactsRead read;
    read.dialect = dialect_name(layout.dialect);
    std::vector<std::size_t> unmapped_values(header.fields.size(), 0);
    for (auto record = records.begin() + 1; record != records.end(); ++record) {
        if (record->fields.size() > header.fields.size()) {
            throw usage_error(fmt::format("{}:{}: {} fields, but the header has {}", source,
                                          record->line, record->fields.size(),
                                          header.fields.size()),
                              "a value with a comma in it must be in quotes: \"Acme, Inc.\"");
        }
        if (std::all_of(record->fields.begin(), record->fields.end(),
                        [](const std::string& field) { return trim(field).empty(); })) {
            continue;
        }
        read.contacts.push_back(map_row(layout, *record, source));
        for (std::size_t column = 0; column < record->fields.size(); ++column) {
            const std::string value = trim(record->fields[column]);
            if (!layout.used[column] && !value.empty() && !is_placeholder(layout.dialect, value)) {
                ++unmapped_values[column];
            }
        }
    }
    for (std::size_t column = 0; column < unmapped_values.size(); ++column) {
        if (const std::size_t count = unmapped_values[column]; count > 0) {
            read.notices.push_back(fmt::format("column {} is not imported ({} value{})",
                                               column_title(layout, column), count,
                                               count == 1 ? "" : "s"));
        }
    }
    return read;
}

ContactsCsvWriter::ContactsCsvWriter(std::ostream& out) : m_out(out)
{
    std::vector<std::string> cells;
    for (const auto& column : contacts_csv_columns()) {
        cells.push_back(csv_field(column));
    }
    m_out << join(cells, ",") << "\r\n";
}

void ContactsCsvWriter::write(const Contact& contact)
{
    std::vector<std::string> cells;
    for (const std::string& value :
         {contact.name, contact.company, contact.phone, contact.email, join(contact.tags, ";"),
          contact.interest, contact.every, contact.tz, contact.note}) {
        // csv_field puts a ' before "=…"; one more before "'=…" keeps the reader's undoing exact.
        cells.push_back(
            csv_field(value.starts_with('\'') && quotes_then_formula(value) ? "'" + value : value));
    }
    m_out << join(cells, ",") << "\r\n";
}

} // namespace fu
