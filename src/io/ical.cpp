// src/io/ical.cpp — fu/ical.hpp: promises as iCalendar, built and serialized by libical (which
// escapes TEXT, quotes and caret-encodes parameter values, folds at 75 octets and ends lines CRLF).
#include "fu/ical.hpp"

#include <ctime>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <libical/ical.h>

#include "fu/error.hpp"
#include "fu/text.hpp"

namespace fu {
namespace {

constexpr std::string_view k_calendar_end = "END:VCALENDAR\r\n";

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

struct BufferFree {
    void operator()(char* buffer) const { icalmemory_free_buffer(buffer); }
};

Component make_component(icalcomponent* raw)
{
    if (raw == nullptr) {
        throw std::bad_alloc();
    }
    return Component(raw);
}

std::string serialize(icalcomponent* component)
{
    const std::unique_ptr<char, BufferFree> text(icalcomponent_as_ical_string_r(component));
    if (!text) {
        throw std::runtime_error("libical could not serialize a calendar component");
    }
    return {text.get()};
}

// A name for a CN parameter: one line.
std::string clean_name(std::string_view s)
{
    std::string out = file_text(s);
    for (char& c : out) {
        if (c == '\n' || c == '\t') {
            c = ' ';
        }
    }
    return trim(out);
}

icaltimetype utc_time(Instant t)
{
    const auto seconds = static_cast<std::time_t>(t.time_since_epoch().count());
    return icaltime_from_timet_with_zone(seconds, 0, icaltimezone_get_utc_timezone());
}

// "Call", "Email", …: the channel as a capitalised word ("call" when none is set).
std::string channel_word(std::string_view via)
{
    std::string word = via.empty() ? std::string("call") : clean_name(via);
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    return word;
}

// What the organizer will do, as the customer reads it: "will call you".
std::string channel_action(std::string_view via)
{
    if (via.empty() || via == "call") {
        return "will call you";
    }
    if (via == "email" || via == "text" || via == "visit") {
        return fmt::format("will {} you", via);
    }
    return "will follow up with you";
}

std::string with_purpose(std::string head, std::string_view about)
{
    const std::string purpose = clean_name(about);
    if (!purpose.empty()) {
        head += " — ";
        head += purpose;
    }
    return head;
}

// The user's own notes on the event: how to reach the contact and what was promised.
std::string feed_description(const Promise& promise, const Contact& contact)
{
    std::vector<std::string> lines;
    const auto line = [&lines](std::string_view label, std::string_view value) {
        const std::string text = trim(file_text(value));
        if (!text.empty()) {
            lines.push_back(fmt::format("{}: {}", label, text));
        }
    };
    line("Phone", contact.phone);
    line("Email", contact.email);
    line("Purpose", promise.about);
    const std::string words = trim(file_text(promise.text));
    if (!words.empty() || promise.agreed) {
        std::string promised = words.empty() ? std::string("Promised:") : "Promised: " + words;
        if (promise.agreed) {
            promised += " (agreed with the customer)";
        }
        lines.push_back(std::move(promised));
    }
    line("Company", contact.company);
    return join(lines, "\n");
}

// The organizer as the customer knows them: the name, or the address when the config has none.
std::string organizer_name(const Organizer& organizer)
{
    std::string name = clean_name(organizer.name);
    return name.empty() ? clean_name(organizer.email) : name;
}

// What the customer reads in an invitation: who will reach them, how, and why.
std::string invitation_description(const Promise& promise, const Organizer& organizer)
{
    const std::string who = organizer_name(organizer);
    std::string text = fmt::format("{} {} in this window.", who, channel_action(promise.via));
    const std::string purpose = trim(file_text(promise.about));
    if (!purpose.empty()) {
        text += "\nAbout: " + purpose;
    }
    return text;
}

void add_window(icalcomponent* event, const Promise& promise, Instant now)
{
    icalcomponent_add_property(event, icalproperty_new_uid(promise_uid(promise).c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(utc_time(now)));
    icalcomponent_add_property(event, icalproperty_new_dtstart(utc_time(promise.earliest)));
    // RFC 5545 wants DTEND after DTSTART; a window without width is a moment (DTSTART alone).
    if (promise.latest > promise.earliest) {
        icalcomponent_add_property(event, icalproperty_new_dtend(utc_time(promise.latest)));
    }
}

icalproperty* address(icalproperty* property, std::string_view name)
{
    const std::string cn = clean_name(name);
    if (!cn.empty()) {
        icalproperty_add_parameter(property, icalparameter_new_cn(cn.c_str()));
    }
    return property;
}

Component new_calendar(icalproperty_method method)
{
    Component calendar = make_component(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//fu//fu//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(method));
    return calendar;
}

std::string mailto(std::string_view email)
{
    return "mailto:" + clean_name(email);
}

} // namespace

std::string promise_uid(const Promise& promise)
{
    return fmt::format("fu-p{}-{}@fu", promise.id, promise.made_at.time_since_epoch().count());
}

std::string promise_summary(const Promise& promise, const Contact& contact)
{
    std::string head = channel_word(promise.via);
    const std::string name = clean_name(contact.name);
    if (!name.empty()) {
        head += " " + name;
    }
    return with_purpose(std::move(head), promise.about);
}

CalendarFeedWriter::CalendarFeedWriter(std::ostream& out, Instant now) : m_out(out), m_now(now)
{
    const Component calendar = new_calendar(ICAL_METHOD_PUBLISH);
    icalproperty* name = icalproperty_new_x("fu follow-ups");
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(calendar.get(), name);
    // The envelope is libical's too: everything of the empty calendar but its last line.
    std::string head = serialize(calendar.get());
    if (!std::string_view(head).ends_with(k_calendar_end)) {
        throw std::runtime_error("libical ended a calendar unexpectedly");
    }
    head.resize(head.size() - k_calendar_end.size());
    m_out << head;
}

CalendarFeedWriter::~CalendarFeedWriter() = default;

void CalendarFeedWriter::add(const Promise& promise, const Contact& contact)
{
    if (m_finished) {
        throw std::logic_error("CalendarFeedWriter::add after finish");
    }
    const Component event = make_component(icalcomponent_new_vevent());
    add_window(event.get(), promise, m_now);
    const std::string summary = promise_summary(promise, contact);
    icalcomponent_add_property(event.get(), icalproperty_new_summary(summary.c_str()));
    const std::string description = feed_description(promise, contact);
    if (!description.empty()) {
        icalcomponent_add_property(event.get(), icalproperty_new_description(description.c_str()));
    }
    const icalproperty_status status =
        promise.agreed ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_TENTATIVE;
    icalcomponent_add_property(event.get(), icalproperty_new_status(status));
    // A window to call in is not a busy meeting.
    icalcomponent_add_property(event.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    icalcomponent_add_property(event.get(), icalproperty_new_categories("fu"));
    m_out << serialize(event.get());
}

void CalendarFeedWriter::finish()
{
    if (!m_finished) {
        m_out << k_calendar_end;
        m_out.flush();
        m_finished = true;
    }
}

std::string invitation(const Promise& promise, const Contact& contact, const Organizer& organizer,
                       Instant now)
{
    if (trim(organizer.email).empty()) {
        throw usage_error("set user_email in the config file to send invitations",
                          "add user_email = \"you@example.com\" (and user_name) to the config file; see fu config");
    }
    if (trim(contact.email).empty()) {
        throw usage_error(fmt::format("{} has no email to invite", contact.name),
                          fmt::format("fu edit \"{}\" --email ADDRESS", contact.name));
    }
    const Component calendar = new_calendar(ICAL_METHOD_REQUEST);

    icalcomponent* event = icalcomponent_new_vevent();
    if (event == nullptr) {
        throw std::bad_alloc();
    }
    icalcomponent_add_component(calendar.get(), event); // the calendar owns and frees it
    add_window(event, promise, now);
    const std::string summary = invitation_summary(promise, organizer);
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    const std::string description = invitation_description(promise, organizer);
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(
        event,
        address(icalproperty_new_organizer(mailto(organizer.email).c_str()), organizer.name));
    icalproperty* attendee =
        address(icalproperty_new_attendee(mailto(contact.email).c_str()), contact.name);
    icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    icalcomponent_add_property(event, attendee);
    icalcomponent_add_property(event, icalproperty_new_sequence(0));
    icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
    return serialize(calendar.get());
}

std::string invitation_summary(const Promise& promise, const Organizer& organizer)
{
    return with_purpose(
        fmt::format("{} with {}", channel_word(promise.via), organizer_name(organizer)),
        promise.about);
}

} // namespace fu
