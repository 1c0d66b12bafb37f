// tests/unit/book_test_support.hpp — every field of a book's records as one line each, so that
// two books (one written and read back, one imported and listed) compare field by field without
// going through the JSON writer under test.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "fu/book_json.hpp"
#include "fu/model.hpp"
#include "fu/text.hpp"

namespace fu::test {

inline std::string time_text(Instant t)
{
    return date::format("%FT%TZ", t);
}
inline std::string time_text(const std::optional<Instant>& t)
{
    return t ? time_text(*t) : std::string("-");
}
inline std::string id_text(const std::optional<Id>& id)
{
    return id ? std::to_string(*id) : std::string("-");
}

inline std::string describe(const Contact& c)
{
    return "contact " + std::to_string(c.id) + " name[" + c.name + "] company[" + c.company +
           "] phone[" + c.phone + "] email[" + c.email + "] note[" + c.note + "] tz[" + c.tz +
           "] tags[" + join(c.tags, ",") + "] created " + time_text(c.created_at) + " archived " +
           time_text(c.archived_at) + " closed " + time_text(c.closed_at) + " reopened " +
           time_text(c.reopened_at) + " every[" + c.every + "] interest[" + c.interest + "]\n";
}

inline std::string describe(const Plan& p)
{
    std::string steps;
    for (const PlaybookStep& s : p.steps) {
        steps += "{" + s.about + "|" + s.when + "|" + s.via + "}";
    }
    return "plan " + std::to_string(p.id) + " contact " + std::to_string(p.contact_id) +
           " playbook[" + p.playbook + "] steps " + steps + " started " + time_text(p.started_at) +
           " from " + time_text(p.from) + " ended " + time_text(p.ended_at) + " reason[" +
           p.end_reason + "]\n";
}

inline std::string describe(const Promise& p)
{
    return "promise " + std::to_string(p.id) + " contact " + std::to_string(p.contact_id) +
           " made " + time_text(p.made_at) + " window " + time_text(p.earliest) + ".." +
           time_text(p.latest) + " text[" + p.text + "] zone[" + p.zone + "] about[" + p.about +
           "] agreed " + (p.agreed ? "yes" : "no") + " via " + p.via + " status " +
           std::string(to_string(p.status)) + " resolved " + time_text(p.resolved_at) + " reason[" +
           p.reason + "] rescheduled_from " + id_text(p.rescheduled_from) + " replaced_by " +
           id_text(p.replaced_by) + " made_with " + id_text(p.made_with) + " plan " +
           id_text(p.plan_id) + " step " + std::to_string(p.plan_step) + "\n";
}

inline std::string describe(const Interaction& i)
{
    return "interaction " + std::to_string(i.id) + " contact " + std::to_string(i.contact_id) +
           " at " + time_text(i.at) + " kind " + i.kind + " outcome[" + i.outcome + "] note[" +
           i.note + "] inbound " + (i.inbound ? "yes" : "no") + " keeps " +
           std::string(to_string(i.keeps)) + " promise " + id_text(i.promise_id) + " chosen " +
           id_text(i.chosen_promise) + " reminds " + id_text(i.reminds) + "\n";
}

template <typename Record> std::string describe(const std::vector<Record>& records)
{
    std::string out;
    for (const Record& r : records) {
        out += describe(r);
    }
    return out;
}

inline std::string describe(const Book& book)
{
    return describe(book.contacts) + describe(book.plans) + describe(book.promises) +
           describe(book.interactions);
}

} // namespace fu::test
