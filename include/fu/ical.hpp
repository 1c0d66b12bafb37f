// fu/ical.hpp — promised windows as iCalendar (RFC 5545): a feed to subscribe to, and an
// invitation (RFC 5546, METHOD:REQUEST) to attach to an email. Written with libical.
#pragma once

#include <ostream>
#include <string>

#include "fu/clock.hpp"
#include "fu/model.hpp"

namespace fu {

// Who sends an invitation: the config file's user_name and user_email.
struct Organizer {
    std::string name;
    std::string email;
};

// A stable UID for a promise's event: the same promise gives the same UID in every export.
std::string promise_uid(const Promise& promise);

// "Call Ada Lovelace — quote" (the verb from the promise's channel; no dash without a purpose).
std::string promise_summary(const Promise& promise, const Contact& contact);

// An invitation's title, phrased for the customer who reads it: "Call with Grace Hopper — quote"
// (the organizer's email when the config gives no name; no dash without a purpose).
std::string invitation_summary(const Promise& promise, const Organizer& organizer);

// Writes a VCALENDAR with one VEVENT per open promise, streamed: each event is written as it is
// added, so memory stays flat however many there are. Times are UTC; DTSTAMP is `now`.
class CalendarFeedWriter {
  public:
    CalendarFeedWriter(std::ostream& out, Instant now);
    CalendarFeedWriter(const CalendarFeedWriter&) = delete;
    CalendarFeedWriter& operator=(const CalendarFeedWriter&) = delete;
    ~CalendarFeedWriter();
    void add(const Promise& promise, const Contact& contact);
    void finish(); // writes END:VCALENDAR (once; the destructor does not write)

  private:
    std::ostream& m_out;
    Instant m_now;
    bool m_finished = false;
};

// An invitation for one promise: METHOD:REQUEST, one VEVENT for the window, ORGANIZER from
// `organizer`, ATTENDEE the contact (RSVP). The description tells the customer who will reach them
// and why ("Grace Hopper will call you in this window.\nAbout: quote"); the user's own notes (the
// words typed, the phone) stay out. Throws fu::Error (2) when the contact has no email or
// the organizer has no email.
std::string invitation(const Promise& promise, const Contact& contact, const Organizer& organizer,
                       Instant now);

} // namespace fu
