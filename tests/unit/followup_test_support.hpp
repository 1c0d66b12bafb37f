// tests/unit/followup_test_support.hpp — a book of business in memory for the domain tests: a
// store, default settings, New York as the user's zone, and each change run in its own journaled
// write transaction at a fixed instant.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "fu/error.hpp"
#include "fu/followup.hpp"
#include "fu/store.hpp"
#include "fu/zone.hpp"
#include "test_support.hpp"

namespace fu::test {

// Monday 1 June 2026, 10:00 in New York: when the contacts are added and the promises made.
inline Instant k_start()
{
    return at("2026-06-01T14:00:00Z");
}

// Runs `change` in one journaled write transaction of `store`, labelled `command` at `now`.
template <class F> auto journaled(Store& store, const std::string& command, Instant now, F&& change)
{
    auto tx = store.begin_write({command, now, true});
    if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
        std::forward<F>(change)();
        tx.commit();
    } else {
        auto result = std::forward<F>(change)();
        tx.commit();
        return result;
    }
}

struct Book {
    Store store = Store::open_in_memory();
    Settings settings;
    const fu::Zone& zone = fu::locate_zone("America/New_York");

    ChangeContext context(Instant now) const { return {now, settings, zone}; }

    // Runs `change` in one journaled write transaction labelled `command` at `now`.
    template <class F> auto write(const std::string& command, Instant now, F&& change)
    {
        return journaled(store, command, now, std::forward<F>(change));
    }

    Contact add(const char* name, Instant now = k_start())
    {
        ContactChanges fields;
        fields.name = name;
        return write(std::string("fu add ") + name, now,
                     [&] { return add_contact(store, fields, context(now)).contact; });
    }

    Contact contact(const Contact& c) const { return *store.contact(c.id); }

    Promise promise(const Contact& c, const char* when, const char* via = "call",
                    bool agreed = false, Instant now = k_start())
    {
        PromiseRequest request;
        request.when = when;
        request.about = "follow up";
        request.via = via;
        request.agreed = agreed;
        return write(std::string("fu promise ") + when, now, [&] {
            return make_promise(store, contact(c), request, context(now)).promise;
        });
    }

    // Logs `request` for `c` with "now" at `now_utc` (the interaction happens then unless
    // request.at says otherwise).
    Logged log(const Contact& c, const char* now_utc, LogRequest request = {})
    {
        const Instant now = at(now_utc);
        return write("fu log " + request.kind, now,
                     [&] { return log_interaction(store, contact(c), request, context(now)); });
    }

    LogRequest call(const char* outcome = "") const
    {
        LogRequest request;
        request.kind = "call";
        request.outcome = outcome;
        return request;
    }

    LogRequest by(const char* kind, const char* outcome = "") const
    {
        LogRequest request;
        request.kind = kind;
        request.outcome = outcome;
        return request;
    }

    Promise fresh(const Promise& p) const { return *store.promise(p.id); }
    Interaction fresh(const Interaction& i) const { return *store.interaction(i.id); }

    std::vector<Interaction> interactions(const Contact& c) const
    {
        InteractionFilter filter;
        filter.contact_id = c.id;
        filter.include_archived = true;
        return store.list_interactions(filter);
    }

    // `fu undo` as the command runs it: one transaction that does not journal itself.
    Undone undo(std::optional<Id> entry, Instant now)
    {
        auto tx = store.begin_write({"fu undo", now, false});
        Undone undone = undo_change(store, entry, context(now));
        tx.commit();
        return undone;
    }
};

// One line per promise (id, status, resolution, window): what undo must restore exactly.
inline std::string summary(const std::vector<Promise>& promises)
{
    std::string out;
    for (const Promise& p : promises) {
        out += "p" + std::to_string(p.id) + " " + std::string(to_string(p.status)) + " resolved " +
               (p.resolved_at ? std::to_string(p.resolved_at->time_since_epoch().count()) : "-") +
               " window " + std::to_string(p.earliest.time_since_epoch().count()) + "-" +
               std::to_string(p.latest.time_since_epoch().count()) + " reason '" + p.reason + "'\n";
    }
    return out;
}

inline std::string summary(const std::vector<Interaction>& interactions)
{
    std::string out;
    for (const Interaction& i : interactions) {
        out += "i" + std::to_string(i.id) + " c" + std::to_string(i.contact_id) + " " + i.kind +
               " " + i.outcome + " keeps " + (i.promise_id ? std::to_string(*i.promise_id) : "-") +
               "\n";
    }
    return out;
}

inline std::vector<Id> ids_of(const std::vector<Promise>& promises)
{
    std::vector<Id> ids;
    for (const Promise& p : promises) {
        ids.push_back(p.id);
    }
    return ids;
}

// ---- Records for the pure keep rules ----

// The promise window "2026-06-15" on the user's clock: Monday 09:00–17:00 in New York (EDT).
inline const char* const k_monday = "2026-06-15";
inline Instant monday_opens()
{
    return at("2026-06-15T13:00:00Z");
}
inline Instant monday_closes()
{
    return at("2026-06-15T21:00:00Z");
}

// A promise record for the pure keep rules: Monday 15 June's working window, made 1 June.
inline Promise monday_promise(Id id = 7, const char* via = "call", bool agreed = false)
{
    Promise p;
    p.id = id;
    p.contact_id = 1;
    p.made_at = k_start();
    p.earliest = monday_opens();
    p.latest = monday_closes();
    p.zone = "America/New_York";
    p.via = via;
    p.agreed = agreed;
    return p;
}

inline Interaction attempt(const char* kind, const char* when_utc, Id id = 3)
{
    Interaction i;
    i.id = id;
    i.contact_id = 1;
    i.kind = kind;
    i.outcome = default_outcome(kind);
    i.at = at(when_utc);
    return i;
}


} // namespace fu::test
