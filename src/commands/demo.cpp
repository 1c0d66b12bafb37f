// src/commands/demo.cpp — `fu demo`: a fresh database filled with a realistic sample around now.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "fu/error.hpp"
#include "fu/store.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

struct SampleContact {
    const char* name;
    const char* company;
    const char* phone;
    const char* email;
    const char* tz;
    const char* tag;
};

constexpr SampleContact k_people[] = {
    {"Ada Lovelace", "Analytical Engines", "+44 20 7946 0100", "ada@engines.example", "Europe/London", "prospect"},
    {"Grace Hopper", "Compiler Corp", "+1 212 555 0142", "grace@compiler.example", "", "prospect"},
    {"Linus Pauling", "Vitamin C Ltd", "+1 503 555 0199", "linus@vitaminc.example", "America/Los_Angeles", "customer"},
    {"Hedy Lamarr", "Frequency Hopping GmbH", "+49 30 5550 1234", "hedy@hopping.example", "Europe/Berlin", "prospect"},
    {"Alan Turing", "Bletchley Analytics", "+44 1908 555 777", "alan@bletchley.example", "", "prospect"},
    {"Katherine Johnson", "Orbital Mechanics", "+1 757 555 0123", "katherine@orbit.example", "", "customer"},
    {"José Núñez", "Café Barista SL", "+34 91 555 0100", "jose@cafe.example", "Europe/Madrid", "prospect"},
};

int run_demo(Env& env)
{
    Store store = Store::open_for_writing(env.db_path, env.settings.busy_timeout);
    auto transaction = store.begin_write(env.change_label());
    if (store.has_contacts()) {
        throw usage_error(fmt::format("{} is not empty; the demo only fills a fresh database", env.db_path.string()),
                          "use another file: fu --db /tmp/fu-demo.db demo");
    }
    // Whole hours make a sample that reads like real promises.
    const Instant now = date::floor<std::chrono::hours>(env.now);
    std::vector<Id> ids;
    for (const auto& person : k_people) {
        ContactChanges c;
        c.name = person.name;
        c.company = person.company;
        c.phone = person.phone;
        c.email = person.email;
        c.tz = person.tz;
        c.add_tags = {person.tag};
        ids.push_back(store.add_contact(c, now - hours{24 * 20}));
    }
    const std::string zone(env.user_zone().name());
    const auto promise = [&](std::size_t who, Instant made, Instant earliest, Instant latest,
                             const char* text, const char* about, bool agreed) {
        Promise p;
        p.contact_id = ids[who];
        p.made_at = made;
        p.earliest = earliest;
        p.latest = latest;
        p.text = text;
        p.zone = k_people[who].tz[0] != '\0' ? k_people[who].tz : zone;
        p.about = about;
        p.agreed = agreed;
        return store.add_promise(p);
    };
    const auto interaction = [&](std::size_t who, Instant at, const char* kind, const char* outcome,
                                 const char* note, std::optional<Id> kept = std::nullopt) {
        Interaction i;
        i.contact_id = ids[who];
        i.at = at;
        i.kind = kind;
        i.outcome = outcome;
        i.note = note;
        i.promise_id = kept;
        return store.add_interaction(i);
    };

    // A kept promise and a late one in the history.
    const Id kept = promise(0, now - hours{24 * 6}, now - hours{24 * 5}, now - hours{24 * 5 - 8},
                            "tomorrow", "the pilot proposal", false);
    interaction(0, now - hours{24 * 5 - 2}, "call", "reached", "liked the pilot; wants pricing", kept);
    store.resolve_promise(kept, PromiseStatus::kept, now - hours{24 * 5 - 2}, "");
    const Id late = promise(5, now - hours{24 * 4}, now - hours{24 * 4}, now - hours{24 * 3},
                            "in a day or so", "installation date", false);
    interaction(5, now - hours{24 * 2}, "call", "reached", "installed; all working", late);
    store.resolve_promise(late, PromiseStatus::late, now - hours{24 * 2}, "");

    // Overdue: two days past; voicemails piling up.
    promise(1, now - hours{24 * 4}, now - hours{24 * 3}, now - hours{24 * 2}, "in a couple of days",
            "the renewal quote", false);
    interaction(1, now - hours{24 * 5}, "voicemail", "left-message", "asked for a call back");
    interaction(1, now - hours{24 * 4}, "call", "no-answer", "");
    // Due now: an agreed time, window open.
    promise(0, now - hours{24 * 1}, now - minutes{30}, now + minutes{90}, "tomorrow 10am",
            "pricing for the pilot", true);
    // Due now: a vague window closing later today.
    promise(3, now - hours{3}, now - hours{3}, now + hours{4}, "eod", "the sample kit", false);
    // Upcoming: later today and tomorrow.
    promise(4, now - hours{1}, now + hours{2}, now + hours{2} + minutes{15}, "in 2 hours",
            "contract questions", true);
    promise(6, now - hours{5}, now + hours{20}, now + hours{28}, "tomorrow",
            "menu of the coffee machines", false);
    // A customer after the sale: no next step yet.
    interaction(2, now - hours{24 * 3}, "email", "sent", "order confirmation");
    transaction.commit();

    if (env.output.quiet) {
        return k_exit_ok;
    }
    env.out << fmt::format("Filled {} with {} sample contacts, their promises and calls.\n"
                           "Try: fu --db {} due\n",
                           env.db_path.string(), std::size(k_people), env.db_path.string());
    return k_exit_ok;
}

} // namespace

Handler setup_demo(CLI::App& /*command*/)
{
    return [](Env& env) { return run_demo(env); };
}

} // namespace fu::commands
