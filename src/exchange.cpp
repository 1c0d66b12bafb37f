// src/exchange.cpp — fu/exchange.hpp, the imports: contacts from CSV and vCard, a whole book
// from fu's JSON; duplicates found, skipped or merged; every field checked as `fu add` does.
#include "fu/exchange.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "fu/contacts.hpp"
#include "fu/text.hpp"

namespace fu {
namespace {

std::string digits_of(std::string_view phone)
{
    std::string digits;
    for (const char c : phone) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    return digits;
}

// The file and a record's place in it, as the readers write them: "contacts.csv:12" for "line
// 12", "cards.vcf:40: card 3" for "card 3 (line 40)", "book.json: contact 3" otherwise.
std::string located(const std::string& source, const std::string& where)
{
    constexpr std::string_view line = "line ";
    if (where.rfind(line, 0) == 0) {
        return fmt::format("{}:{}", source, where.substr(line.size()));
    }
    const auto open = where.find(" (line ");
    if (open != std::string::npos && where.back() == ')') {
        const std::string number = where.substr(open + 7, where.size() - open - 8);
        return fmt::format("{}:{}: {}", source, number, where.substr(0, open));
    }
    return fmt::format("{}: {}", source, where);
}

// Runs `check` and puts the file and the record's place before any error it throws.
template <typename Check>
void at_record(const std::string& source, const std::string& where, Check check)
{
    try {
        check();
    } catch (const Error& e) {
        throw Error(e.status(), fmt::format("{}: {}", located(source, where), e.what()), e.hint());
    }
}

// The contact already in the book that `fields` duplicates: the same email (any case), or the
// same name with the same phone digits; and why.
std::optional<std::pair<Contact, std::string>> duplicate_of(const Store& store, const ContactChanges& fields)
{
    const std::string& email = fields.email.value_or("");
    if (!email.empty()) {
        const auto same = store.contacts_by_email(email);
        if (!same.empty()) {
            return std::make_pair(same.front(), std::string("same email as"));
        }
    }
    const std::string phone = digits_of(fields.phone.value_or(""));
    if (!phone.empty()) {
        for (const Contact& named : store.contacts_named(fold_case(fields.name.value_or("")))) {
            if (digits_of(named.phone) == phone) {
                return std::make_pair(named, std::string("same name and phone as"));
            }
        }
    }
    return std::nullopt;
}

// What a duplicate brings to the contact it duplicates: its empty fields filled, a different
// phone, email or company kept in the note, new tags and words added.
ContactChanges merge_changes(const Contact& existing, const ContactChanges& incoming)
{
    ContactChanges changes;
    std::vector<std::string> note_lines;
    const auto fill = [&](std::optional<std::string>& target, const std::string& have,
                          const std::optional<std::string>& brought, const char* label, bool same) {
        if (!brought || brought->empty() || same) {
            return;
        }
        if (have.empty()) {
            target = *brought;
        } else if (label != nullptr) {
            note_lines.push_back(fmt::format("{}: {}", label, *brought));
        }
    };
    fill(changes.company, existing.company, incoming.company, "Company",
         fold_case(existing.company) == fold_case(incoming.company.value_or("")));
    fill(changes.phone, existing.phone, incoming.phone, "Phone",
         digits_of(existing.phone) == digits_of(incoming.phone.value_or("")));
    fill(changes.email, existing.email, incoming.email, "E-mail",
         fold_case(existing.email) == fold_case(incoming.email.value_or("")));
    fill(changes.tz, existing.tz, incoming.tz, nullptr, existing.tz == incoming.tz.value_or(""));
    fill(changes.every, existing.every, incoming.every, nullptr, existing.every == incoming.every.value_or(""));
    if (changes.every) {
        changes.every_after = incoming.every_after;
    }
    fill(changes.interest, existing.interest, incoming.interest, nullptr,
         existing.interest == incoming.interest.value_or(""));
    const std::string& brought_note = incoming.note.value_or("");
    if (!brought_note.empty() && existing.note.find(brought_note) == std::string::npos) {
        note_lines.insert(note_lines.begin(), brought_note);
    }
    if (!note_lines.empty()) {
        std::string note = existing.note;
        for (const auto& line : note_lines) {
            if (existing.note.find(line) != std::string::npos) {
                continue;
            }
            note += (note.empty() ? "" : "\n") + line;
        }
        if (note != existing.note) {
            changes.note = note;
        }
    }
    for (const auto& tag : incoming.add_tags) {
        if (std::find(existing.tags.begin(), existing.tags.end(), tag) == existing.tags.end()) {
            changes.add_tags.push_back(tag);
        }
    }
    return changes;
}

std::string contact_label(const Contact& contact)
{
    return fmt::format("{} (id {}{})", contact.name, contact.id, contact.archived_at ? ", archived" : "");
}

// A duplicate, skipped or merged: the report's line, and the merge when asked.
void settle_duplicate(Store& store, const Contact& existing, const std::string& why, const ContactChanges& fields,
                      const std::string& where, const ImportOptions& options, ImportReport& report)
{
    report.duplicates.push_back(
        fmt::format("{}: {} — {} {}", where, fields.name.value_or(""), why, contact_label(existing)));
    if (options.merge) {
        ContactChanges changes = merge_changes(existing, fields);
        validate(changes);
        store.update_contact(existing.id, changes);
        ++report.merged;
    } else {
        ++report.skipped;
    }
}

// The fields of a contact from a file (an IncomingContact) or from a book (a Contact), as `fu add`
// takes them.
template <typename Record>
ContactChanges changes_of(const Record& r)
{
    ContactChanges fields;
    fields.name = r.name;
    fields.company = r.company;
    fields.phone = r.phone;
    fields.email = r.email;
    fields.note = r.note;
    fields.tz = r.tz;
    fields.every = r.every;
    fields.interest = r.interest;
    fields.add_tags = r.tags;
    return fields;
}

// A contact to be added, from fields already checked.
Store::ContactRecord record_of(Id id, const ContactChanges& fields, Instant now)
{
    Store::ContactRecord record;
    Contact& c = record.contact;
    c.id = id;
    c.name = fields.name.value_or("");
    c.company = fields.company.value_or("");
    c.phone = fields.phone.value_or("");
    c.email = fields.email.value_or("");
    c.note = fields.note.value_or("");
    c.tz = fields.tz.value_or("");
    c.every = fields.every.value_or("");
    c.interest = fields.interest.value_or("");
    c.created_at = now;
    for (const auto& tag : fields.add_tags) {
        if (std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) {
            c.tags.push_back(tag);
        }
    }
    record.every_after = fields.every_after.value_or(0);
    return record;
}

// Applies a merge's changes to a contact not yet stored.
void apply(Store::ContactRecord& record, const ContactChanges& changes)
{
    Contact& c = record.contact;
    for (auto [field, value] : {std::pair{&c.company, &changes.company}, std::pair{&c.phone, &changes.phone},
                                std::pair{&c.email, &changes.email}, std::pair{&c.note, &changes.note},
                                std::pair{&c.tz, &changes.tz}, std::pair{&c.every, &changes.every},
                                std::pair{&c.interest, &changes.interest}}) {
        if (*value) {
            *field = **value;
        }
    }
    if (changes.every_after) {
        record.every_after = *changes.every_after;
    }
    c.tags.insert(c.tags.end(), changes.add_tags.begin(), changes.add_tags.end());
}

// The contacts an import adds, kept in memory until one statement stores them all: a later
// record of the same file may duplicate one of them.
class NewContacts {
public:
    explicit NewContacts(Id first_id) : m_next_id(first_id) {}

    Store::ContactRecord& add(const ContactChanges& fields, Instant now)
    {
        m_records.push_back(record_of(m_next_id++, fields, now));
        index(m_records.size() - 1);
        return m_records.back();
    }

    // Makes the new contact findable by its email and its name and phone (again after a merge
    // filled them in, so that a later record finds it as it would a contact in the book).
    void index(std::size_t position)
    {
        const Contact& c = m_records[position].contact;
        if (!c.email.empty()) {
            m_by_email.emplace(ascii_lower(c.email), position);
        }
        if (!digits_of(c.phone).empty()) {
            m_by_name_and_phone.emplace(fold_case(c.name) + '\n' + digits_of(c.phone), position);
        }
    }

    // The new contact `fields` duplicates, and why.
    std::optional<std::pair<std::size_t, std::string>> duplicate_of(const ContactChanges& fields) const
    {
        // ASCII case only, as the book's own lookup (COLLATE NOCASE) compares emails.
        const std::string email = ascii_lower(fields.email.value_or(""));
        if (!email.empty()) {
            if (const auto found = m_by_email.find(email); found != m_by_email.end()) {
                return std::make_pair(found->second, std::string("same email as"));
            }
        }
        const std::string phone = digits_of(fields.phone.value_or(""));
        if (!phone.empty()) {
            const auto found = m_by_name_and_phone.find(fold_case(fields.name.value_or("")) + '\n' + phone);
            if (found != m_by_name_and_phone.end()) {
                return std::make_pair(found->second, std::string("same name and phone as"));
            }
        }
        return std::nullopt;
    }

    Store::ContactRecord& at(std::size_t index) { return m_records[index]; }
    const std::vector<Store::ContactRecord>& records() const { return m_records; }

private:
    Id m_next_id;
    std::vector<Store::ContactRecord> m_records;
    std::map<std::string, std::size_t> m_by_email;
    std::map<std::string, std::size_t> m_by_name_and_phone;
};

std::string new_contact_label(const Contact& contact, const std::string& where)
{
    return fmt::format("{} ({}, new)", contact.name, where);
}

} // namespace

ImportReport import_contacts(Store& store, const ContactsRead& read, const ImportOptions& options,
                             const ChangeContext& context)
{
    ImportReport report;
    report.dialect = read.dialect;
    report.notices = read.notices;
    NewContacts added(store.highest_ids().contact + 1);
    std::vector<std::string> added_where;
    for (const IncomingContact& in : read.contacts) {
        ContactChanges fields = changes_of(in);
        at_record(options.source, in.where, [&] { validate(fields); });
        if (const auto duplicate = duplicate_of(store, fields)) {
            at_record(options.source, in.where, [&] {
                settle_duplicate(store, duplicate->first, duplicate->second, fields, in.where, options, report);
            });
            continue;
        }
        if (const auto earlier = added.duplicate_of(fields)) {
            Store::ContactRecord& record = added.at(earlier->first);
            report.duplicates.push_back(fmt::format("{}: {} — {} {}", in.where, fields.name.value_or(""),
                                                    earlier->second,
                                                    new_contact_label(record.contact, added_where[earlier->first])));
            if (options.merge) {
                ContactChanges changes = merge_changes(record.contact, fields);
                at_record(options.source, in.where, [&] { validate(changes); });
                apply(record, changes);
                added.index(earlier->first);
                ++report.merged;
            } else {
                ++report.skipped;
            }
            continue;
        }
        added.add(fields, context.now);
        added_where.push_back(in.where);
        ++report.added;
    }
    store.insert_contact_records(added.records());
    return report;
}

namespace {

// How ids in the file become ids in the book.
struct IdMap {
    Store::RecordIds offset;
    std::map<Id, Id> contacts; // file id -> book id (a merged contact: the one it duplicates)
    std::set<Id> plans, promises, interactions; // file ids brought in

    std::optional<Id> promise(std::optional<Id> id) const
    {
        return id && promises.count(*id) != 0 ? std::optional<Id>(*id + offset.promise) : std::nullopt;
    }
    std::optional<Id> interaction(std::optional<Id> id) const
    {
        return id && interactions.count(*id) != 0 ? std::optional<Id>(*id + offset.interaction) : std::nullopt;
    }
    std::optional<Id> plan(std::optional<Id> id) const
    {
        return id && plans.count(*id) != 0 ? std::optional<Id>(*id + offset.plan) : std::nullopt;
    }
};

// Every reference in the file names a record the file holds.
void check_references(const Book& book, const std::string& source)
{
    std::set<Id> contacts, plans, promises, interactions;
    for (const auto& c : book.contacts) contacts.insert(c.id);
    for (const auto& p : book.plans) plans.insert(p.id);
    for (const auto& p : book.promises) promises.insert(p.id);
    for (const auto& i : book.interactions) interactions.insert(i.id);
    const auto check = [&](const std::set<Id>& ids, std::optional<Id> id, const char* record, Id record_id,
                           const char* what) {
        if (id && ids.count(*id) == 0) {
            throw usage_error(fmt::format("{}: {} {}: {} {} is not in the file", source, record, record_id, what, *id));
        }
    };
    for (const auto& p : book.plans) {
        check(contacts, p.contact_id, "plan", p.id, "contact");
    }
    for (const auto& p : book.promises) {
        check(contacts, p.contact_id, "promise", p.id, "contact");
        check(plans, p.plan_id, "promise", p.id, "plan");
        check(promises, p.replaced_by, "promise", p.id, "promise");
        check(promises, p.rescheduled_from, "promise", p.id, "promise");
        check(interactions, p.made_with, "promise", p.id, "interaction");
    }
    for (const auto& i : book.interactions) {
        check(contacts, i.contact_id, "interaction", i.id, "contact");
        check(promises, i.promise_id, "interaction", i.id, "promise");
        check(promises, i.chosen_promise, "interaction", i.id, "promise");
        check(promises, i.reminds, "interaction", i.id, "promise");
    }
}

} // namespace

void check_contacts(const ContactsRead& read, const std::string& source)
{
    for (const IncomingContact& in : read.contacts) {
        ContactChanges fields = changes_of(in);
        at_record(source, in.where, [&] { validate(fields); });
    }
}

void check_book(const Book& book, const std::string& source)
{
    check_references(book, source);
    for (const Contact& c : book.contacts) {
        ContactChanges fields = changes_of(c);
        at_record(source, fmt::format("contact {}", c.id), [&] { validate(fields); });
    }
}

ImportReport import_book(Store& store, const Book& book, const ImportOptions& options,
                         const ChangeContext& context)
{
    check_references(book, options.source);
    ImportReport report;
    report.dialect = "fu JSON";
    const bool empty = !store.has_contacts();
    report.ids_kept = empty;
    IdMap ids;
    if (!empty) {
        ids.offset = store.highest_ids();
    }

    std::vector<Store::ContactRecord> new_contacts;
    for (const Contact& c : book.contacts) {
        const std::string where = fmt::format("contact {}", c.id);
        ContactChanges fields = changes_of(c);
        at_record(options.source, where, [&] { validate(fields); });
        if (!empty) {
            if (const auto duplicate = duplicate_of(store, fields)) {
                at_record(options.source, where, [&] {
                    settle_duplicate(store, duplicate->first, duplicate->second, fields, where, options, report);
                });
                if (options.merge) {
                    ids.contacts[c.id] = duplicate->first.id;
                }
                continue;
            }
        }
        Store::ContactRecord record{c, fields.every_after.value_or(0)};
        Contact& added = record.contact;
        added.id = c.id + ids.offset.contact;
        added.name = *fields.name;
        added.company = *fields.company;
        added.phone = *fields.phone;
        added.email = *fields.email;
        added.tz = *fields.tz;
        added.every = *fields.every;
        added.interest = *fields.interest;
        added.tags = fields.add_tags;
        ids.contacts[c.id] = added.id;
        new_contacts.push_back(std::move(record));
        ++report.added;
    }
    store.insert_contact_records(new_contacts);
    const auto contact_of = [&](Id file_id) -> std::optional<Id> {
        const auto found = ids.contacts.find(file_id);
        return found == ids.contacts.end() ? std::nullopt : std::optional<Id>(found->second);
    };
    // What is brought in: the records of contacts brought in (or merged).
    for (const Plan& p : book.plans) {
        if (contact_of(p.contact_id)) {
            ids.plans.insert(p.id);
        }
    }
    for (const Promise& p : book.promises) {
        if (contact_of(p.contact_id)) {
            ids.promises.insert(p.id);
        }
    }
    for (const Interaction& i : book.interactions) {
        if (contact_of(i.contact_id)) {
            ids.interactions.insert(i.id);
        }
    }
    // A contact follows one playbook at a time: a running playbook merged into a contact that
    // runs one already comes in ended ("merged"), its step promise still open.
    std::set<Id> running;
    for (Plan p : book.plans) {
        if (const auto contact = contact_of(p.contact_id)) {
            const Id file_contact = p.contact_id;
            p.id += ids.offset.plan;
            p.contact_id = *contact;
            if (!p.ended_at && (running.count(*contact) != 0 || store.active_plan(*contact))) {
                p.ended_at = context.now;
                p.end_reason = "merged";
                report.notices.push_back(fmt::format(
                    "the playbook {} of contact {} in the file comes in ended (\"merged\"): {} follows a playbook already",
                    p.playbook, file_contact, contact_label(*store.contact(*contact))));
            }
            if (!p.ended_at) {
                running.insert(*contact);
            }
            store.insert_plan_record(p);
            ++report.plans;
        }
    }
    // Every reference points at a record inserted before it (foreign keys are checked as each row
    // goes in; deferring them would make SQLite search the tables for every row): promises first
    // without their links to other promises and to interactions, which are set at the end.
    std::vector<Promise> promises;
    std::vector<Promise> links;
    for (Promise p : book.promises) {
        if (const auto contact = contact_of(p.contact_id)) {
            p.id += ids.offset.promise;
            p.contact_id = *contact;
            p.plan_id = ids.plan(p.plan_id);
            p.replaced_by = ids.promise(p.replaced_by);
            p.rescheduled_from = ids.promise(p.rescheduled_from);
            p.made_with = ids.interaction(p.made_with);
            if (p.replaced_by || p.rescheduled_from || p.made_with) {
                links.push_back(p);
                p.replaced_by.reset();
                p.rescheduled_from.reset();
                p.made_with.reset();
            }
            promises.push_back(std::move(p));
        }
    }
    store.insert_promise_records(promises);
    report.promises = static_cast<std::int64_t>(promises.size());
    std::vector<Interaction> interactions;
    for (Interaction i : book.interactions) {
        if (const auto contact = contact_of(i.contact_id)) {
            i.id += ids.offset.interaction;
            i.contact_id = *contact;
            i.promise_id = ids.promise(i.promise_id);
            i.chosen_promise = ids.promise(i.chosen_promise);
            i.reminds = ids.promise(i.reminds);
            interactions.push_back(std::move(i));
        }
    }
    store.insert_interaction_records(interactions);
    report.interactions = static_cast<std::int64_t>(interactions.size());
    store.link_promise_records(links);
    return report;
}

} // namespace fu
