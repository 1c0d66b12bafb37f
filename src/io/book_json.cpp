// src/io/book_json.cpp — fu/book_json.hpp with nlohmann/json: one record at a time out, the whole
// document checked field by field in.
#include "fu/book_json.hpp"

#include <algorithm>
#include <set>

#include <date/date.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fu/error.hpp"
#include "fu/format.hpp"
#include "fu/text.hpp"

namespace fu {
namespace {

using Document = nlohmann::ordered_json;

constexpr const char* k_format_name = "fu";

// ---- Writing ----

// One record as compact JSON (UTF-8 as it is, strings escaped as all of fu's JSON is), built
// straight into one string: an export writes millions of these, and building a json object for
// each (its keys, its ordered map) was most of an export's time. nlohmann reads them back.
class JsonRecord {
public:
    JsonRecord() { m_text.reserve(256); }

    JsonRecord& null(std::string_view key)
    {
        return raw(key, "null");
    }
    JsonRecord& text(std::string_view key, std::string_view value)
    {
        begin(key);
        quote(value);
        return *this;
    }
    // Empty text is written as null.
    JsonRecord& text_or_null(std::string_view key, std::string_view value)
    {
        return value.empty() ? null(key) : text(key, value);
    }
    JsonRecord& number(std::string_view key, std::int64_t value)
    {
        begin(key);
        fmt::format_to(std::back_inserter(m_text), "{}", value);
        return *this;
    }
    JsonRecord& boolean(std::string_view key, bool value)
    {
        return raw(key, value ? "true" : "false");
    }
    JsonRecord& id(std::string_view key, const std::optional<Id>& value)
    {
        return value ? number(key, *value) : null(key);
    }
    // "2026-12-02T14:00:00Z"
    JsonRecord& time(std::string_view key, Instant t)
    {
        const auto day = date::floor<date::days>(t);
        const date::year_month_day ymd{day};
        const date::hh_mm_ss<std::chrono::seconds> clock{t - day};
        begin(key);
        fmt::format_to(std::back_inserter(m_text), "\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z\"",
                       static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), clock.hours().count(), clock.minutes().count(),
                       clock.seconds().count());
        return *this;
    }
    JsonRecord& time(std::string_view key, const std::optional<Instant>& t)
    {
        return t ? time(key, *t) : null(key);
    }
    JsonRecord& words(std::string_view key, const std::vector<std::string>& list)
    {
        begin(key);
        m_text += '[';
        for (std::size_t n = 0; n < list.size(); ++n) {
            if (n > 0) {
                m_text += ',';
            }
            quote(list[n]);
        }
        m_text += ']';
        return *this;
    }
    // A value already written as JSON.
    JsonRecord& raw(std::string_view key, std::string_view json)
    {
        begin(key);
        m_text += json;
        return *this;
    }
    std::string finish()
    {
        m_text += m_text.empty() ? "{}" : "}";
        return std::move(m_text);
    }

private:
    void begin(std::string_view key)
    {
        m_text += m_text.empty() ? '{' : ',';
        quote(key);
        m_text += ':';
    }
    void quote(std::string_view value)
    {
        if (!is_valid_utf8(value)) {
            // Never in a store that checks its text; nlohmann replaces what is not UTF-8.
            m_text += Document(std::string(value)).dump(-1, ' ', false, Document::error_handler_t::replace);
            return;
        }
        append_json_string(m_text, value);
    }

    std::string m_text;
};

// ---- Reading ----

// "2026-12-02T14:00:00Z", exactly: the form the writer uses.
std::optional<Instant> parse_utc(std::string_view s)
{
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (s.size() != shape.size()) {
        return std::nullopt;
    }
    for (std::size_t n = 0; n < shape.size(); ++n) {
        const bool digit = s[n] >= '0' && s[n] <= '9';
        if (shape[n] == 'd' ? !digit : s[n] != shape[n]) {
            return std::nullopt;
        }
    }
    const auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t n = from; n < from + length; ++n) {
            value = value * 10 + (s[n] - '0');
        }
        return value;
    };
    const date::year_month_day day{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(5, 2))},
                                   date::day{static_cast<unsigned>(number(8, 2))}};
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!day.ok() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    return date::sys_days{day} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

// One record being read: its fields are taken one by one, and whatever is left over is an
// unknown field.
class Fields {
public:
    Fields(const Document& object, std::string where, std::string_view source)
        : m_object(object), m_where(std::move(where)), m_source(source)
    {
        if (!object.is_object()) {
            fail("is not an object");
        }
    }

    [[noreturn]] void fail(const std::string& what) const
    {
        throw usage_error(fmt::format("{}: {}: {}", m_source, m_where, what));
    }

    // The field's JSON, or nullptr when absent or null.
    const Document* take(const char* key)
    {
        m_taken.insert(key);
        const auto found = m_object.find(key);
        if (found == m_object.end() || found->is_null()) {
            return nullptr;
        }
        return &*found;
    }

    Id id(const char* key, bool required)
    {
        const Document* value = take(key);
        if (value == nullptr) {
            if (required) {
                fail(fmt::format("\"{}\" is missing", key));
            }
            return 0;
        }
        if (!value->is_number_integer() || value->get<std::int64_t>() <= 0) {
            fail(fmt::format("\"{}\" must be a positive whole number", key));
        }
        return value->get<std::int64_t>();
    }
    std::optional<Id> optional_id(const char* key)
    {
        const Id value = id(key, false);
        return value == 0 ? std::nullopt : std::optional<Id>(value);
    }

    std::string text(const char* key, bool required = false)
    {
        const Document* value = take(key);
        if (value == nullptr) {
            if (required) {
                fail(fmt::format("\"{}\" is missing", key));
            }
            return {};
        }
        if (!value->is_string()) {
            fail(fmt::format("\"{}\" must be text", key));
        }
        std::string text = value->get<std::string>();
        try {
            // Every text of every record, as fu add and fu log check theirs: no controls, no NUL.
            check_text(fmt::format("\"{}\"", key), text, std::size_t{64} * 1024, true);
        } catch (const Error& e) {
            fail(e.what());
        }
        return text;
    }

    // A word from a closed list ("" allowed when `may_be_empty`).
    std::string word(const char* key, const std::vector<std::string>& known, bool may_be_empty,
                     const char* fallback = "")
    {
        std::string value = text(key);
        const auto found = m_object.find(key);
        const bool absent = found == m_object.end() || found->is_null(); // null reads as absent
        if (absent) {
            value = fallback;
        }
        if (value.empty() && may_be_empty) {
            return value;
        }
        if (value.empty() && absent) {
            fail(fmt::format("\"{}\" is missing", key));
        }
        if (std::find(known.begin(), known.end(), value) == known.end()) {
            fail(fmt::format("\"{}\" is \"{}\", not one of {}", key, value, join(known, ", ")));
        }
        return value;
    }

    bool flag(const char* key)
    {
        const Document* value = take(key);
        if (value == nullptr) {
            return false;
        }
        if (!value->is_boolean()) {
            fail(fmt::format("\"{}\" must be true or false", key));
        }
        return value->get<bool>();
    }

    int number(const char* key)
    {
        const Document* value = take(key);
        if (value == nullptr) {
            return 0;
        }
        if (!value->is_number_integer() || value->get<std::int64_t>() < 0 ||
            value->get<std::int64_t>() > 1000000) {
            fail(fmt::format("\"{}\" must be a whole number from 0", key));
        }
        return value->get<int>();
    }

    std::optional<Instant> optional_time(const char* key)
    {
        const std::string value = text(key);
        if (value.empty()) {
            return std::nullopt;
        }
        const auto t = parse_utc(value);
        if (!t) {
            fail(fmt::format("\"{}\" is \"{}\", not a UTC time like 2026-12-02T14:00:00Z", key, value));
        }
        if (t->time_since_epoch().count() < 0) {
            fail(fmt::format("\"{}\" is \"{}\", before 1970: fu keeps times from 1970 to 9999", key, value));
        }
        return *t;
    }
    Instant time(const char* key)
    {
        const auto t = optional_time(key);
        if (!t) {
            fail(fmt::format("\"{}\" is missing", key));
        }
        return *t;
    }

    std::vector<std::string> words(const char* key)
    {
        std::vector<std::string> list;
        const Document* value = take(key);
        if (value == nullptr) {
            return list;
        }
        if (!value->is_array()) {
            fail(fmt::format("\"{}\" must be a list of text", key));
        }
        for (const Document& item : *value) {
            if (!item.is_string()) {
                fail(fmt::format("\"{}\" must be a list of text", key));
            }
            list.push_back(item.get<std::string>());
        }
        return list;
    }

    const Document& object() const { return m_object; }

    // Every field was read: anything else is a field this fu does not know.
    void done() const
    {
        for (const auto& [key, value] : m_object.items()) {
            if (m_taken.count(key) == 0) {
                fail(fmt::format("unknown field \"{}\"", key));
            }
        }
    }

private:
    const Document& m_object;
    std::string m_where;
    std::string_view m_source;
    std::set<std::string> m_taken;
};

const std::vector<std::string>& statuses()
{
    static const std::vector<std::string> words{"open", "kept", "late", "renegotiated", "broken", "cancelled"};
    return words;
}
const std::vector<std::string>& keep_choices()
{
    static const std::vector<std::string> words{"auto", "chosen", "aside"};
    return words;
}
const std::vector<std::string>& interest_levels()
{
    static const std::vector<std::string> words{"hot", "warm", "cold"};
    return words;
}
Contact read_contact_record(Fields& f)
{
    Contact c;
    c.id = f.id("id", true);
    c.name = f.text("name", true);
    c.company = f.text("company");
    c.phone = f.text("phone");
    c.email = f.text("email");
    c.note = f.text("note");
    c.tz = f.text("tz");
    c.tags = f.words("tags");
    c.created_at = f.time("created");
    c.archived_at = f.optional_time("archived");
    c.closed_at = f.optional_time("closed");
    c.reopened_at = f.optional_time("reopened");
    c.every = f.text("every");
    c.interest = f.word("interest", interest_levels(), true);
    return c;
}

Plan read_plan_record(Fields& f, std::string_view source, const std::string& where)
{
    Plan plan;
    plan.id = f.id("id", true);
    plan.contact_id = f.id("contact", true);
    plan.playbook = f.text("playbook", true);
    plan.started_at = f.time("started");
    plan.from = f.time("from");
    plan.ended_at = f.optional_time("ended");
    plan.end_reason = f.text("end_reason");
    const Document* steps = f.take("steps");
    if (steps != nullptr) {
        if (!steps->is_array()) {
            f.fail("\"steps\" must be a list");
        }
        int n = 0;
        for (const Document& item : *steps) {
            Fields step(item, fmt::format("{}: steps[{}]", where, n++), source);
            PlaybookStep s;
            s.about = step.text("about");
            s.when = step.text("when", true);
            s.via = step.word("via", promise_channels(), false, "call");
            step.done();
            plan.steps.push_back(std::move(s));
        }
    }
    return plan;
}

Promise read_promise_record(Fields& f)
{
    Promise p;
    p.id = f.id("id", true);
    p.contact_id = f.id("contact", true);
    p.made_at = f.time("made");
    p.earliest = f.time("earliest");
    p.latest = f.time("latest");
    if (p.latest <= p.earliest) {
        f.fail("\"latest\" must be after \"earliest\"");
    }
    p.text = f.text("text", true);
    p.zone = f.text("zone", true);
    p.about = f.text("about");
    p.agreed = f.flag("agreed");
    p.via = f.word("via", promise_channels(), false, "call");
    p.status = *promise_status_from(f.word("status", statuses(), false, "open"));
    p.resolved_at = f.optional_time("resolved");
    p.reason = f.text("reason");
    p.rescheduled_from = f.optional_id("rescheduled_from");
    p.replaced_by = f.optional_id("replaced_by");
    p.made_with = f.optional_id("made_with");
    p.plan_id = f.optional_id("plan");
    p.plan_step = f.number("plan_step");
    return p;
}

Interaction read_interaction_record(Fields& f)
{
    Interaction i;
    i.id = f.id("id", true);
    i.contact_id = f.id("contact", true);
    i.at = f.time("at");
    i.kind = f.word("kind", interaction_kinds(), false);
    i.outcome = f.word("outcome", interaction_outcomes(), true);
    i.note = f.text("note");
    i.promise_id = f.optional_id("promise");
    i.inbound = f.flag("inbound");
    i.keeps = *keep_choice_from(f.word("keeps", keep_choices(), false, "auto"));
    i.chosen_promise = f.optional_id("chosen_promise");
    i.reminds = f.optional_id("reminds");
    return i;
}

constexpr const char* k_sections[] = {"contacts", "plans", "promises", "interactions"};

// The records of a document, section by section, each checked as it is taken.
class BookReader {
public:
    explicit BookReader(std::string_view source) : m_source(source) {}

    // Takes one record of section `section` (an index into k_sections).
    void take(std::size_t section, const Document& item)
    {
        std::string where = fmt::format("{}[{}]", k_sections[section], m_counts[section]++);
        if (item.is_object() && item.contains("id") && item["id"].is_number_integer()) {
            where += fmt::format(" (id {})", item["id"].get<std::int64_t>());
        }
        Fields fields(item, where, m_source);
        Id id = 0;
        switch (section) {
        case 0: id = push(m_book.contacts, read_contact_record(fields)); break;
        case 1: id = push(m_book.plans, read_plan_record(fields, m_source, where)); break;
        case 2: id = push(m_book.promises, read_promise_record(fields)); break;
        default: id = push(m_book.interactions, read_interaction_record(fields)); break;
        }
        fields.done();
        if (!m_ids[section].insert(id).second) {
            fields.fail(fmt::format("id {} appears twice in \"{}\"", id, k_sections[section]));
        }
    }

    // Takes the records a section of a whole document holds.
    void take_section(std::size_t section, const Document& document)
    {
        const auto found = document.find(k_sections[section]);
        if (found == document.end() || found->is_null()) {
            return;
        }
        if (!found->is_array()) {
            throw usage_error(fmt::format("{}: \"{}\" must be a list", m_source, k_sections[section]));
        }
        for (const Document& item : *found) {
            take(section, item);
        }
    }

    Book& book() { return m_book; }

private:
    template <typename Record>
    static Id push(std::vector<Record>& records, Record record)
    {
        records.push_back(std::move(record));
        return records.back().id;
    }

    std::string_view m_source;
    Book m_book;
    std::set<Id> m_ids[4];
    std::size_t m_counts[4] = {0, 0, 0, 0};
};

// The document's "format" and "format_version" as fu writes them.
void check_header(const Document& format, const Document& version, std::string_view source)
{
    if (format != k_format_name) {
        throw usage_error(fmt::format("{}: not a fu export (no \"format\": \"fu\")", source),
                          "fu imports its own JSON export, CSV and vCard");
    }
    if (!version.is_number_integer() || version.get<std::int64_t>() < 1) {
        throw usage_error(fmt::format("{}: \"format_version\" must be a whole number from 1", source));
    }
    if (version.get<std::int64_t>() > k_book_format_version) {
        throw usage_error(fmt::format("{}: written by a newer fu (format version {}; this fu reads {})", source,
                                      version.get<std::int64_t>(), k_book_format_version),
                          "upgrade fu to import it");
    }
}

} // namespace

bool looks_like_json(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

Book read_book_json(std::string_view text, std::string_view source)
{
    // Records are checked as the parser completes them and then dropped from the document, so
    // that a large book is never held twice. That needs the header first, as fu writes it; a
    // document in another order is read whole and then checked.
    BookReader reader(source);
    Document format, version;
    bool header_first = true;
    std::string key;
    int section = -1;
    const auto callback = [&](int depth, nlohmann::detail::parse_event_t event, Document& parsed) {
        using Event = nlohmann::detail::parse_event_t;
        if (depth == 1 && event == Event::key) {
            key = parsed.get<std::string>();
            section = -1;
            for (int n = 0; n < 4; ++n) {
                if (key == k_sections[n]) {
                    section = n;
                }
            }
            if (section >= 0 && (format.is_null() || version.is_null())) {
                header_first = false;
            }
        } else if (depth == 1 && event == Event::value) {
            if (key == "format") {
                format = parsed;
            } else if (key == "format_version") {
                version = parsed;
            }
        } else if (depth == 2 && event == Event::object_end && section >= 0 && header_first) {
            check_header(format, version, source);
            reader.take(static_cast<std::size_t>(section), parsed);
            return false;
        }
        return true;
    };
    Document document;
    try {
        document = Document::parse(text.begin(), text.end(), callback);
    } catch (const Document::parse_error& e) {
        // nlohmann's message ends with where it stopped: "… at line 3, column 7: …".
        std::string what = e.what();
        const auto detail = what.find("parse error");
        throw usage_error(fmt::format("{}: not valid JSON ({})", source,
                                      detail == std::string::npos ? what : what.substr(detail)));
    } catch (const Document::out_of_range& e) {
        // A number no double holds ("1e400"): "[json.exception.out_of_range.406] number overflow …".
        std::string what = e.what();
        const auto detail = what.find("] ");
        throw usage_error(fmt::format("{}: not valid JSON ({})", source,
                                      detail == std::string::npos ? what : what.substr(detail + 2)));
    }
    if (!document.is_object()) {
        throw usage_error(fmt::format("{}: not a fu export (the document is not an object)", source));
    }
    check_header(document.contains("format") ? document["format"] : Document(),
                 document.contains("format_version") ? document["format_version"] : Document(), source);
    for (const auto& [name, value] : document.items()) {
        static const std::set<std::string> known{"format",   "format_version", "contacts",
                                                 "plans",    "promises",       "interactions"};
        if (known.count(name) == 0) {
            throw usage_error(fmt::format("{}: unknown section \"{}\"", source, name));
        }
    }
    for (std::size_t n = 0; n < 4; ++n) {
        reader.take_section(n, document); // what was not taken as it was parsed
    }
    return std::move(reader.book());
}

BookJsonWriter::BookJsonWriter(std::ostream& out) : m_out(out)
{
    m_out << fmt::format("{{\"format\": \"{}\", \"format_version\": {}", k_format_name, k_book_format_version);
}

void BookJsonWriter::enter(Section section)
{
    static constexpr const char* names[] = {"", "contacts", "plans", "promises", "interactions"};
    while (m_section < section) {
        if (m_section != Section::none) {
            m_out << (m_first_in_section ? "]" : "\n]");
        }
        m_section = static_cast<Section>(static_cast<int>(m_section) + 1);
        m_out << fmt::format(",\n\"{}\": [", names[static_cast<int>(m_section)]);
        m_first_in_section = true;
    }
}

void BookJsonWriter::record(const std::string& json)
{
    m_out << (m_first_in_section ? "\n  " : ",\n  ") << json;
    m_first_in_section = false;
}

void BookJsonWriter::add(const Contact& c)
{
    enter(Section::contacts);
    record(JsonRecord()
               .number("id", c.id)
               .text("name", c.name)
               .text_or_null("company", c.company)
               .text_or_null("phone", c.phone)
               .text_or_null("email", c.email)
               .text_or_null("tz", c.tz)
               .words("tags", c.tags)
               .text_or_null("note", c.note)
               .text_or_null("every", c.every)
               .text_or_null("interest", c.interest)
               .time("created", c.created_at)
               .time("archived", c.archived_at)
               .time("closed", c.closed_at)
               .time("reopened", c.reopened_at)
               .finish());
}

void BookJsonWriter::add(const Plan& plan)
{
    enter(Section::plans);
    std::string steps = "[";
    for (const PlaybookStep& step : plan.steps) {
        steps += steps.size() > 1 ? "," : "";
        steps += JsonRecord().text_or_null("about", step.about).text("when", step.when).text("via", step.via).finish();
    }
    steps += ']';
    record(JsonRecord()
               .number("id", plan.id)
               .number("contact", plan.contact_id)
               .text("playbook", plan.playbook)
               .raw("steps", steps)
               .time("started", plan.started_at)
               .time("from", plan.from)
               .time("ended", plan.ended_at)
               .text_or_null("end_reason", plan.end_reason)
               .finish());
}

void BookJsonWriter::add(const Promise& p)
{
    enter(Section::promises);
    record(JsonRecord()
               .number("id", p.id)
               .number("contact", p.contact_id)
               .time("made", p.made_at)
               .time("earliest", p.earliest)
               .time("latest", p.latest)
               .text("text", p.text)
               .text("zone", p.zone)
               .text_or_null("about", p.about)
               .boolean("agreed", p.agreed)
               .text("via", p.via)
               .text("status", to_string(p.status))
               .time("resolved", p.resolved_at)
               .text_or_null("reason", p.reason)
               .id("rescheduled_from", p.rescheduled_from)
               .id("replaced_by", p.replaced_by)
               .id("made_with", p.made_with)
               .id("plan", p.plan_id)
               .number("plan_step", p.plan_step)
               .finish());
}

void BookJsonWriter::add(const Interaction& i)
{
    enter(Section::interactions);
    record(JsonRecord()
               .number("id", i.id)
               .number("contact", i.contact_id)
               .time("at", i.at)
               .text("kind", i.kind)
               .text_or_null("outcome", i.outcome)
               .text_or_null("note", i.note)
               .boolean("inbound", i.inbound)
               .text("keeps", to_string(i.keeps))
               .id("promise", i.promise_id)
               .id("chosen_promise", i.chosen_promise)
               .id("reminds", i.reminds)
               .finish());
}

void BookJsonWriter::finish()
{
    enter(Section::interactions);
    m_out << (m_first_in_section ? "]\n}\n" : "\n]\n}\n");
    m_section = Section::none;
}

} // namespace fu
