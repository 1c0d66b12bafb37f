// bench/gen.cpp — fu-bench-gen: a large, realistic fu database for the benchmarks.
//
// Everything goes through fu's public Store API in one write transaction that records no undo
// changes (journal = false), so the file is exactly what fu itself would read and write.
//
//   fu-bench-gen --db FILE --contacts N [--open N] [--promises N] [--interactions N] [--seed S]
//                [--now 2026-06-15T13:30:00Z]
//
// The data: ~10% of the contacts have one open promise (a quarter overdue, a tenth due now, the
// rest upcoming), ~20% have a history but no next step, ~3% were won, ~4% said no (closed), ~1%
// are archived; the rest were added and never followed up. Resolved promises and interactions are
// spread over the five years before --now, skewed so that a few contacts have many.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <date/date.h>
#include <fmt/format.h>

#include "fu/agenda.hpp"
#include "fu/model.hpp"
#include "fu/practice.hpp"
#include "fu/store.hpp"

namespace {

using fu::Id;
using fu::Instant;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// ---- Randomness: one seeded engine and simple distributions of our own ----

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    // Uniform in [0, n).
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(m_engine() % n); }
    // Uniform in [0, 1).
    double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    // Uniform in [lo, hi] (seconds).
    seconds between(seconds lo, seconds hi)
    {
        if (hi <= lo) {
            return lo;
        }
        return lo + seconds{static_cast<std::int64_t>(below(static_cast<std::size_t>((hi - lo).count()) + 1))};
    }
    // A standard normal variate (Box–Muller).
    double normal()
    {
        const double u = 1.0 - unit(); // (0, 1]
        const double v = unit();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    template <typename T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
    template <typename T, std::size_t N> const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

private:
    std::mt19937_64 m_engine;
};

// Picks an index by weight (cumulative weights, binary search).
class Weighted {
public:
    explicit Weighted(const std::vector<double>& weights)
    {
        m_cumulative.reserve(weights.size());
        double total = 0;
        for (const double w : weights) {
            total += w;
            m_cumulative.push_back(total);
        }
    }
    std::size_t pick(Random& random) const
    {
        const double x = random.unit() * m_cumulative.back();
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return std::min(static_cast<std::size_t>(it - m_cumulative.begin()), m_cumulative.size() - 1);
    }

private:
    std::vector<double> m_cumulative;
};

// ---- The vocabulary of the sample ----

struct Name {
    std::string_view text;
    std::string_view ascii; // for the email address
};

constexpr std::array<Name, 60> k_first_names{{
    {"James", "james"},   {"Mary", "mary"},       {"Robert", "robert"},   {"Patricia", "patricia"},
    {"John", "john"},     {"Jennifer", "jennifer"}, {"Michael", "michael"}, {"Linda", "linda"},
    {"David", "david"},   {"Elizabeth", "elizabeth"}, {"William", "william"}, {"Barbara", "barbara"},
    {"Richard", "richard"}, {"Susan", "susan"},   {"Joseph", "joseph"},   {"Jessica", "jessica"},
    {"Thomas", "thomas"}, {"Sarah", "sarah"},     {"Charles", "charles"}, {"Karen", "karen"},
    {"Daniel", "daniel"}, {"Nancy", "nancy"},     {"Matthew", "matthew"}, {"Lisa", "lisa"},
    {"Anthony", "anthony"}, {"Betty", "betty"},   {"Mark", "mark"},       {"Sandra", "sandra"},
    {"José", "jose"},     {"María", "maria"},     {"Zoë", "zoe"},         {"Łukasz", "lukasz"},
    {"Søren", "soren"},   {"Björn", "bjorn"},     {"Chloé", "chloe"},     {"François", "francois"},
    {"Jürgen", "jurgen"}, {"Ingrid", "ingrid"},   {"Priya", "priya"},     {"Arjun", "arjun"},
    {"Wei", "wei"},       {"Mei", "mei"},         {"Hiroshi", "hiroshi"}, {"Yuki", "yuki"},
    {"Minh", "minh"},     {"Thảo", "thao"},       {"Olusegun", "olusegun"}, {"Amara", "amara"},
    {"Mohammed", "mohammed"}, {"Fatima", "fatima"}, {"Dmitri", "dmitri"}, {"Anja", "anja"},
    {"Siobhán", "siobhan"}, {"Ciarán", "ciaran"}, {"Mateus", "mateus"},   {"Inês", "ines"},
    {"Kofi", "kofi"},     {"Lena", "lena"},       {"Omar", "omar"},       {"Ana", "ana"},
}};

constexpr std::array<Name, 80> k_last_names{{
    {"Smith", "smith"},     {"Johnson", "johnson"}, {"Williams", "williams"}, {"Brown", "brown"},
    {"Jones", "jones"},     {"Garcia", "garcia"},   {"Miller", "miller"},     {"Davis", "davis"},
    {"Rodriguez", "rodriguez"}, {"Martinez", "martinez"}, {"Hernandez", "hernandez"}, {"Lopez", "lopez"},
    {"Gonzalez", "gonzalez"}, {"Wilson", "wilson"}, {"Anderson", "anderson"}, {"Thomas", "thomas"},
    {"Taylor", "taylor"},   {"Moore", "moore"},     {"Jackson", "jackson"},   {"Martin", "martin"},
    {"Lee", "lee"},         {"Perez", "perez"},     {"Thompson", "thompson"}, {"White", "white"},
    {"Harris", "harris"},   {"Sanchez", "sanchez"}, {"Clark", "clark"},       {"Ramirez", "ramirez"},
    {"Lewis", "lewis"},     {"Robinson", "robinson"}, {"Walker", "walker"},   {"Young", "young"},
    {"Allen", "allen"},     {"King", "king"},       {"Wright", "wright"},     {"Scott", "scott"},
    {"Nguyễn", "nguyen"},   {"Trần", "tran"},       {"Núñez", "nunez"},       {"Muñoz", "munoz"},
    {"Müller", "muller"},   {"Schröder", "schroder"}, {"Weiß", "weiss"},      {"Kowalski", "kowalski"},
    {"Wójcik", "wojcik"},   {"Nowak", "nowak"},     {"Jørgensen", "jorgensen"}, {"Søndergaard", "sondergaard"},
    {"Andersson", "andersson"}, {"Lindqvist", "lindqvist"}, {"Dubois", "dubois"}, {"Lefèvre", "lefevre"},
    {"Rossi", "rossi"},     {"Bianchi", "bianchi"}, {"Ferreira", "ferreira"}, {"Gonçalves", "goncalves"},
    {"Yamamoto", "yamamoto"}, {"Tanaka", "tanaka"}, {"Suzuki", "suzuki"},     {"Kim", "kim"},
    {"Park", "park"},       {"Chen", "chen"},       {"Wang", "wang"},         {"Li", "li"},
    {"Patel", "patel"},     {"Sharma", "sharma"},   {"Singh", "singh"},       {"Okafor", "okafor"},
    {"Mensah", "mensah"},   {"Haddad", "haddad"},   {"Ivanov", "ivanov"},     {"Novák", "novak"},
    {"O'Brien", "obrien"},  {"MacLeod", "macleod"}, {"Murphy", "murphy"},     {"Kelly", "kelly"},
    {"Çelik", "celik"},     {"Yılmaz", "yilmaz"},   {"Papadopoulos", "papadopoulos"}, {"Horvat", "horvat"},
}};

// 20 × 15 made-up company names = 300.
constexpr std::array<std::string_view, 20> k_company_heads{
    "Northwind", "Bluefin",  "Redwood",   "Granite",  "Silverline", "Maple",    "Harbor",
    "Summit",    "Brightwater", "Ironbridge", "Cedar", "Oakridge", "Lumen",    "Pioneer",
    "Crescent",  "Evergreen", "Falcon",   "Keystone", "Meridian",  "Café Lumière"};
constexpr std::array<std::string_view, 15> k_company_tails{
    "Logistics", "Dental",     "Analytics", "Builders", "Foods",     "Insurance", "Software",
    "Consulting", "Health",    "Motors",    "Energy",   "Realty",    "Labs",      "Print & Sign",
    "Outfitters"};

constexpr std::array<std::string_view, 6> k_zones{"America/New_York", "Europe/London",  "Europe/Berlin",
                                                  "Asia/Tokyo",       "Australia/Sydney", "America/Los_Angeles"};

constexpr std::array<std::string_view, 20> k_tags{
    "prospect", "customer", "partner",  "vip",       "renewal",  "trade-show", "referral",
    "inbound",  "outbound", "smb",      "enterprise", "pilot",   "churn-risk", "reseller",
    "press",    "investor", "supplier", "webinar",   "q3-push",  "follow-up"};

// What fu stores for these cadences (contacts.cpp normalises through parse_cadence/cadence_text;
// checked with `fu add X --every ...`: "1 week" is stored as "7-11 days").
constexpr std::array<std::string_view, 4> k_cadences{"2-3 weeks", "1 month", "7-11 days", "3 months"};

constexpr std::array<std::string_view, 24> k_note_sentences{
    "Met at the spring trade show.",
    "Prefers calls in the morning.",
    "Decision maker is the CFO, not them.",
    "Budget frees up next quarter.",
    "Asked for a detailed quote with volume discounts.",
    "Referred by an existing customer.",
    "Very price sensitive; compare with the competitor's offer.",
    "Assistant screens calls — ask for the direct line.",
    "Interested in the premium plan but worried about onboarding time.",
    "Speaks German and English.",
    "Has a small team of five; growing fast.",
    "Wants a demo for the whole team.",
    "Previous vendor let them down on support.",
    "Only reachable by email during the week.",
    "Send the case study about the logistics rollout.",
    "Renewal due in the autumn.",
    "Likes short, concrete messages.",
    "On parental leave until next month.",
    "Their fiscal year ends in March.",
    "Mentioned a possible pilot in two regions.",
    "Call after 2pm their time.",
    "Was unhappy with the last invoice; resolved.",
    "Knows our CEO from university.",
    "Evaluating three vendors this quarter.",
};

constexpr std::array<std::string_view, 20> k_interaction_notes{
    "left a message with the front desk",
    "talked pricing; wants a written quote",
    "asked to call back next week",
    "sent the brochure and the price list",
    "no answer, line busy",
    "good call — they liked the demo",
    "followed up on the proposal",
    "they need sign-off from finance",
    "sent the contract draft",
    "replied: interested, but not before the summer",
    "walked through the onboarding plan",
    "confirmed the delivery date",
    "asked about integrations with their ERP",
    "voicemail; mentioned the discount ending Friday",
    "met at their office; toured the warehouse",
    "they want references from similar companies",
    "discussed the renewal terms",
    "sent a short check-in",
    "answered questions about support hours",
    "agreed on a pilot scope",
};

constexpr std::array<std::string_view, 20> k_abouts{
    "the renewal quote",   "pricing for the pilot", "the contract draft", "demo feedback",
    "the sample kit",      "installation date",     "volume discount",    "onboarding plan",
    "the signed order",    "references",            "budget approval",    "the case study",
    "integration questions", "the trial extension", "support contract",   "the invoice",
    "delivery schedule",   "a second demo",         "the proposal",       "next year's order",
};

struct WindowShape {
    std::string_view text;
    hours min_length;
    hours max_length;
};
// Window lengths between 2 hours and 3 days, with words a user would type for them.
constexpr std::array<WindowShape, 8> k_windows{{
    {"by end of day", hours{2}, hours{8}},
    {"tomorrow afternoon", hours{4}, hours{5}},
    {"tomorrow morning", hours{3}, hours{4}},
    {"in 2-3 days", hours{24}, hours{48}},
    {"next week", hours{48}, hours{72}},
    {"friday", hours{8}, hours{10}},
    {"in a day or so", hours{12}, hours{36}},
    {"monday 10am", hours{2}, hours{2}},
}};

// ---- Options ----

struct Options {
    std::string db;
    std::int64_t contacts = 0;
    std::optional<std::int64_t> open;
    std::optional<std::int64_t> promises;
    std::optional<std::int64_t> interactions;
    std::uint64_t seed = 1;
    std::string now = "2026-06-15T13:30:00Z";
    std::string zone = "America/New_York"; // the user's: keep-in-touch windows are stored in it
};

// "2026-06-15T13:30:00Z" (seconds and the Z optional; always UTC).
std::optional<Instant> parse_instant(std::string_view text)
{
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
        text.remove_suffix(1);
    }
    if (text.size() != 16 && text.size() != 19) {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t width) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = at; i < at + width; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto year = number(0, 4);
    const auto month = number(5, 2);
    const auto day = number(8, 2);
    const auto hour = number(11, 2);
    const auto minute = number(14, 2);
    const auto second = text.size() == 19 ? number(17, 2) : std::optional<int>{0};
    if (!year || !month || !day || !hour || !minute || !second || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || (text.size() == 19 && text[16] != ':') ||
        *hour > 23 || *minute > 59 || *second > 59) {
        return std::nullopt;
    }
    const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                   date::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Instant{date::sys_days{ymd}} + hours{*hour} + minutes{*minute} + seconds{*second};
}

// ---- The generator ----

// What a contact's history ends with.
enum class Group : std::uint8_t {
    none,     // added, never followed up
    open,     // one open promise, made by its last interaction
    no_next,  // a history, no open promise, last outcome not "won"
    won,      // a history ending with "won"
    closed,   // said no: last interaction not-interested or lost, closed at it
    archived, // archived (half of them with a history)
};

struct Counts {
    std::int64_t contacts = 0;
    std::int64_t promises = 0;
    std::int64_t open = 0;
    std::int64_t interactions = 0;
};

class Generator {
public:
    Generator(fu::Store& store, Random& random, Instant now) : m_store(store), m_random(random), m_now(now) {}

    Counts run(std::int64_t contacts, std::int64_t open, std::int64_t promises, std::int64_t interactions)
    {
        const auto n = static_cast<std::size_t>(contacts);
        assign_groups(n, static_cast<std::size_t>(open));
        distribute(static_cast<std::size_t>(std::max<std::int64_t>(0, promises - open)),
                   static_cast<std::size_t>(std::max<std::int64_t>(0, interactions)));
        for (std::size_t c = 0; c < n; ++c) {
            write_contact(c);
        }
        return m_counts;
    }

private:
    fu::Store& m_store;
    Random& m_random;
    Instant m_now;
    Counts m_counts;

    std::vector<Group> m_group;
    std::vector<std::uint32_t> m_resolved; // resolved promises per contact
    std::vector<std::uint32_t> m_free;     // interactions per contact besides the last one and those keeping promises
    std::vector<std::uint8_t> m_statuses;  // drawn statuses of the resolved promises, used in order
    std::size_t m_next_status = 0;

    static constexpr auto k_five_years = days{5 * 365};

    void assign_groups(std::size_t n, std::size_t open)
    {
        m_group.assign(n, Group::none);
        std::vector<std::size_t> pool;
        pool.reserve(n);
        for (std::size_t c = 0; c < n; ++c) {
            const double x = m_random.unit();
            if (x < 0.01) {
                m_group[c] = Group::archived;
            } else if (x < 0.05) {
                m_group[c] = Group::closed;
            } else {
                pool.push_back(c);
            }
        }
        // Partial shuffle: the first `open` of the pool get an open promise, the next 20% of all
        // contacts no next step, the next 3% were won.
        const std::size_t want_open = std::min(open, pool.size());
        const std::size_t want_no_next = std::min(pool.size() - want_open, n / 5);
        const std::size_t want_won = std::min(pool.size() - want_open - want_no_next, n * 3 / 100);
        const std::size_t take = want_open + want_no_next + want_won;
        for (std::size_t i = 0; i < take; ++i) {
            std::swap(pool[i], pool[i + m_random.below(pool.size() - i)]);
            m_group[pool[i]] = i < want_open ? Group::open : i < want_open + want_no_next ? Group::no_next : Group::won;
        }
        if (want_open < open) {
            std::cerr << fmt::format("fu-bench-gen: only {} contacts can have an open promise\n", want_open);
        }
    }

    bool has_history(std::size_t c) const
    {
        // Half the archived contacts have a history: the even ones, decided without randomness.
        return m_group[c] != Group::none && (m_group[c] != Group::archived || c % 2 == 0);
    }

    // Spreads the resolved promises and the free interactions over the contacts with a history,
    // skewed (log-normal weights): most have a few, some have many.
    void distribute(std::size_t resolved, std::size_t interactions)
    {
        const std::size_t n = m_group.size();
        m_resolved.assign(n, 0);
        m_free.assign(n, 0);
        std::vector<std::size_t> with_history;
        std::vector<double> weights;
        for (std::size_t c = 0; c < n; ++c) {
            if (has_history(c)) {
                with_history.push_back(c);
                weights.push_back(std::exp(1.1 * m_random.normal()));
            }
        }
        // Statuses: kept 55%, late 20%, renegotiated 12%, broken 5%, cancelled 8%.
        m_statuses.resize(resolved);
        std::size_t keeping = 0; // kept and late promises each bring the interaction that kept them
        for (auto& s : m_statuses) {
            const double x = m_random.unit();
            const auto status = x < 0.55   ? fu::PromiseStatus::kept
                                : x < 0.75 ? fu::PromiseStatus::late
                                : x < 0.87 ? fu::PromiseStatus::renegotiated
                                : x < 0.92 ? fu::PromiseStatus::broken
                                           : fu::PromiseStatus::cancelled;
            s = static_cast<std::uint8_t>(status);
            keeping += status == fu::PromiseStatus::kept || status == fu::PromiseStatus::late;
        }
        if (with_history.empty()) {
            return;
        }
        const Weighted weighted(weights);
        for (std::size_t i = 0; i < resolved; ++i) {
            ++m_resolved[with_history[weighted.pick(m_random)]];
        }
        // Every contact with a history has one last interaction; the rest are free.
        const std::size_t fixed = with_history.size() + keeping;
        const std::size_t free = interactions > fixed ? interactions - fixed : 0;
        for (std::size_t i = 0; i < free; ++i) {
            ++m_free[with_history[weighted.pick(m_random)]];
        }
    }

    std::string note(std::size_t max_chars)
    {
        // 0–300 characters of sentences, most short.
        const std::size_t target = std::min<std::size_t>(max_chars, 20 + m_random.below(281));
        std::string text;
        while (text.size() < target) {
            const std::string_view s = m_random.pick(k_note_sentences);
            if (!text.empty() && text.size() + 1 + s.size() > max_chars) {
                break;
            }
            if (!text.empty()) {
                text += ' ';
            }
            text += s;
        }
        return text;
    }

    std::string phone()
    {
        const auto digits = [&](std::size_t count) {
            std::string d;
            for (std::size_t i = 0; i < count; ++i) {
                d += static_cast<char>('0' + m_random.below(10));
            }
            return d;
        };
        switch (m_random.below(5)) {
        case 0: return fmt::format("+44 20 {} {}", digits(4), digits(4));
        case 1: return fmt::format("+49 30 {} {}", digits(4), digits(4));
        case 2: return fmt::format("({}) 555-{}", 200 + m_random.below(800), digits(4));
        default: return fmt::format("+1 {} 555 {}", 200 + m_random.below(800), digits(4));
        }
    }

    void write_contact(std::size_t c)
    {
        const Group group = m_group[c];
        const Name& first = m_random.pick(k_first_names);
        const Name& last = m_random.pick(k_last_names);
        fu::ContactChanges fields;
        fields.name = fmt::format("{} {}", first.text, last.text);
        std::string company;
        if (!m_random.chance(0.15)) {
            const std::size_t k = m_random.below(k_company_heads.size() * k_company_tails.size());
            company = fmt::format("{} {}", k_company_heads[k % k_company_heads.size()],
                                  k_company_tails[k / k_company_heads.size()]);
        }
        fields.company = company;
        if (m_random.chance(0.75)) {
            fields.phone = phone();
        }
        if (m_random.chance(0.80)) {
            std::string domain = "mail.example";
            if (!company.empty()) {
                domain.clear();
                for (const char ch : company) {
                    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
                        domain += static_cast<char>(ch | 0x20);
                    }
                }
                domain += ".example";
            }
            fields.email = fmt::format("{}.{}{}@{}", first.ascii, last.ascii,
                                       m_random.chance(0.2) ? std::to_string(m_random.below(100)) : "",
                                       domain);
        }
        if (m_random.chance(0.40)) {
            fields.note = note(300);
        }
        std::string zone;
        if (m_random.chance(0.30)) {
            zone = m_random.pick(k_zones);
            fields.tz = zone;
        }
        const std::size_t tag_count = m_random.below(3);
        for (std::size_t t = 0; t < tag_count; ++t) {
            const std::string tag(m_random.pick(k_tags));
            if (std::find(fields.add_tags.begin(), fields.add_tags.end(), tag) == fields.add_tags.end()) {
                fields.add_tags.push_back(tag);
            }
        }
        const double interest = m_random.unit();
        if (interest < 0.40) {
            fields.interest = interest < 0.05 ? "hot" : interest < 0.20 ? "warm" : "cold";
        }
        if (m_random.chance(0.02)) {
            fields.every = std::string(m_random.pick(k_cadences));
            fields.every_after = fu::soonest_seconds(fu::parse_cadence(*fields.every)->ideal); // as `fu add` does
        }
        Instant created = m_now - m_random.between(hours{1}, k_five_years);

        // When the history ends, and the open promise (made by the last interaction).
        std::optional<fu::Promise> open;
        Instant end = m_now - m_random.between(hours{1}, days{60});
        if (group == Group::open) {
            open = open_promise(zone);
            end = open->made_at;
        } else if (group == Group::no_next || group == Group::won) {
            // A five-year book: a tenth touched this month, most long ago.
            const double x = m_random.unit();
            end = m_now - m_random.between(hours{1}, x < 0.1 ? days{30} : x < 0.4 ? days{365} : days{4 * 365});
        } else if (group == Group::closed) {
            end = m_now - m_random.between(days{1}, days{3 * 365});
        }
        const bool history = has_history(c);
        if (history && created > end - days{30}) {
            created = end - m_random.between(days{30}, days{400});
        }

        const Id id = m_store.add_contact(fields, created);
        ++m_counts.contacts;
        if (history) {
            write_history(c, id, created, end, zone, open);
        }
        if (group == Group::closed) {
            m_store.set_closed(id, end);
        } else if (group == Group::archived) {
            m_store.set_archived(id, end + m_random.between(hours{1}, std::max(hours{2}, std::chrono::duration_cast<hours>(m_now - end))));
        }
    }

    fu::Promise open_promise(const std::string& contact_zone)
    {
        fu::Promise p;
        const WindowShape& shape = m_random.pick(k_windows);
        const seconds length = m_random.between(shape.min_length, shape.max_length);
        const double x = m_random.unit();
        if (x < 0.25) { // overdue: closed up to 30 days ago
            p.latest = m_now - m_random.between(minutes{10}, days{30});
            p.earliest = p.latest - length;
        } else if (x < 0.35) { // due now
            p.earliest = m_now - m_random.between(seconds{0}, length - minutes{10});
            p.latest = p.earliest + length;
        } else { // upcoming: opens within 45 days
            p.earliest = m_now + m_random.between(minutes{10}, days{45});
            p.latest = p.earliest + length;
        }
        p.earliest = date::floor<minutes>(p.earliest);
        p.latest = date::floor<minutes>(p.latest);
        p.made_at = std::min(p.earliest - m_random.between(hours{1}, days{5}), m_now - m_random.between(minutes{5}, days{3}));
        fill_promise(p, shape.text, contact_zone);
        return p;
    }

    void fill_promise(fu::Promise& p, std::string_view text, const std::string& contact_zone)
    {
        p.text = std::string(text);
        p.zone = contact_zone.empty() ? "America/New_York" : contact_zone;
        if (m_random.chance(0.70)) {
            p.about = std::string(m_random.pick(k_abouts));
        }
        p.agreed = m_random.chance(0.20);
        const double v = m_random.unit();
        p.via = v < 0.70 ? "call" : v < 0.90 ? "email" : "text";
    }

    // One logged interaction of an own attempt or an inbound one, with its outcome.
    fu::Interaction interaction(Id contact, Instant at)
    {
        fu::Interaction i;
        i.contact_id = contact;
        i.at = at;
        const double k = m_random.unit();
        i.kind = k < 0.35 ? "call" : k < 0.50 ? "voicemail" : k < 0.75 ? "email" : k < 0.85 ? "text" : k < 0.90 ? "meeting" : "note";
        // They reached out themselves (a reply to an email or a text is one of those): a fifth of
        // these, about a tenth of all interactions (kept promises and last steps are own attempts).
        i.inbound = i.kind != "note" && i.kind != "voicemail" && m_random.chance(0.20);
        if (i.inbound) {
            i.outcome = fu::default_inbound_outcome(i.kind);
        } else if (i.kind == "call") {
            const double o = m_random.unit();
            i.outcome = o < 0.50 ? "reached" : o < 0.85 ? "no-answer" : o < 0.95 ? "left-message" : "not-now";
        } else {
            i.outcome = fu::default_outcome(i.kind);
        }
        if (m_random.chance(0.50)) {
            i.note = i.kind == "note" || m_random.chance(0.3) ? note(300) : std::string(m_random.pick(k_interaction_notes));
        }
        return i;
    }

    Id add(const fu::Interaction& i)
    {
        ++m_counts.interactions;
        return m_store.add_interaction(i);
    }

    void write_history(std::size_t c, Id id, Instant created, Instant end, const std::string& zone,
                       std::optional<fu::Promise>& open)
    {
        // Events before the end: resolved promises (made at least 12 days before it, so that even
        // a late keeping comes before it) and free interactions.
        struct Event {
            Instant at;
            bool promise;
        };
        std::vector<Event> events;
        events.reserve(m_resolved[c] + m_free[c]);
        const seconds span = std::chrono::duration_cast<seconds>(end - created);
        for (std::uint32_t k = 0; k < m_resolved[c]; ++k) {
            events.push_back({created + m_random.between(seconds{0}, std::max(seconds{0}, span - days{12})), true});
        }
        for (std::uint32_t k = 0; k < m_free[c]; ++k) {
            events.push_back({created + m_random.between(minutes{1}, span - minutes{1}), false});
        }
        std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
        for (const Event& e : events) {
            if (!e.promise) {
                add(interaction(id, e.at));
                continue;
            }
            fu::Promise p;
            p.contact_id = id;
            p.made_at = e.at;
            const WindowShape& shape = m_random.pick(k_windows);
            p.earliest = date::floor<minutes>(e.at + m_random.between(hours{1}, days{3}));
            p.latest = p.earliest + date::floor<minutes>(m_random.between(shape.min_length, shape.max_length));
            fill_promise(p, shape.text, zone);
            const Id pid = m_store.add_promise(p);
            ++m_counts.promises;
            const auto status = static_cast<fu::PromiseStatus>(m_statuses[m_next_status++]);
            Instant resolved{};
            std::string reason;
            if (status == fu::PromiseStatus::kept || status == fu::PromiseStatus::late) {
                resolved = status == fu::PromiseStatus::kept
                               ? p.earliest + m_random.between(seconds{0}, p.latest - p.earliest - seconds{1})
                               : p.latest + m_random.between(hours{1}, days{5});
                fu::Interaction i = interaction(id, resolved);
                i.kind = p.via;
                i.inbound = false;
                i.outcome = p.via == "call" ? (m_random.chance(0.7) ? "reached" : "left-message") : "sent";
                i.promise_id = pid;
                add(i);
            } else if (status == fu::PromiseStatus::renegotiated) {
                resolved = p.made_at + m_random.between(minutes{5}, p.latest - p.made_at - minutes{1});
                reason = m_random.chance(0.4) ? "they asked for next week" : "";
            } else if (status == fu::PromiseStatus::broken) {
                resolved = p.latest + m_random.between(hours{1}, days{4});
                reason = m_random.chance(0.3) ? "forgot; rescheduled" : "";
            } else {
                resolved = p.made_at + m_random.between(minutes{5}, p.latest - p.made_at - minutes{1});
                reason = m_random.chance(0.5) ? "no longer needed" : "";
            }
            m_store.resolve_promise(pid, status, resolved, reason);
        }

        // The last interaction: it made the open promise, or says how the history ends.
        const Group group = m_group[c];
        fu::Interaction last = interaction(id, end);
        if (group == Group::won) {
            last.kind = m_random.chance(0.5) ? "call" : "meeting";
            last.inbound = false;
            last.outcome = "won";
        } else if (group == Group::closed) {
            last.kind = m_random.chance(0.7) ? "call" : "email";
            last.inbound = false;
            last.outcome = m_random.chance(0.6) ? "not-interested" : "lost";
        } else if (last.outcome == "not-now" || last.outcome.empty()) {
            last.kind = "call";
            last.outcome = "reached";
        }
        const Id last_id = add(last);
        if (open) {
            open->contact_id = id;
            open->made_with = last_id;
            m_store.add_promise(*open);
            ++m_counts.promises;
            ++m_counts.open;
        }
    }
};

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Fills a new fu database with a large, realistic sample for the benchmarks"};
    Options opt;
    app.add_option("--db", opt.db, "The database file to create (must not exist)")->required();
    app.add_option("--contacts", opt.contacts, "How many contacts")->required()->check(CLI::NonNegativeNumber);
    app.add_option("--open", opt.open, "Open promises, on distinct contacts (default: contacts / 10)");
    app.add_option("--promises", opt.promises, "All promises, open and resolved (default: 0.9 × contacts)");
    app.add_option("--interactions", opt.interactions, "Interactions (default: 2 × contacts)");
    app.add_option("--seed", opt.seed, "The random seed");
    app.add_option("--now", opt.now, "The moment the sample is built around (UTC, ISO 8601)");
    app.add_option("--zone", opt.zone, "The user's zone, which keep-in-touch windows are stored in");
    CLI11_PARSE(app, argc, argv);

    const auto now = parse_instant(opt.now);
    if (!now) {
        std::cerr << fmt::format("fu-bench-gen: --now {}: not an ISO 8601 UTC time like 2026-06-15T13:30:00Z\n", opt.now);
        return 2;
    }
    std::error_code ec;
    if (std::filesystem::exists(opt.db, ec)) {
        std::cerr << fmt::format("fu-bench-gen: {} exists; give a new file\n", opt.db);
        return 2;
    }
    const std::int64_t open = opt.open.value_or(opt.contacts / 10);
    const std::int64_t promises = std::max(open, opt.promises.value_or(opt.contacts * 9 / 10));
    const std::int64_t interactions = opt.interactions.value_or(opt.contacts * 2);

    const auto started = std::chrono::steady_clock::now();
    try {
        fu::Store store = fu::Store::open_for_writing(opt.db);
        Random random(opt.seed);
        Generator generator(store, random, *now);
        auto transaction = store.begin_write(
            fu::ChangeLabel{"fu-bench-gen", *now, false, fu::touch_window_keeper(fu::locate_zone(opt.zone))});
        const Counts counts = generator.run(opt.contacts, open, promises, interactions);
        transaction.commit();
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        std::cerr << fmt::format("fu-bench-gen: {} contacts, {} promises ({} open), {} interactions in {:.1f} s "
                                 "({:.0f} contacts/s)\n",
                                 counts.contacts, counts.promises, counts.open, counts.interactions,
                                 took.count(), static_cast<double>(counts.contacts) / std::max(took.count(), 1e-9));
    } catch (const std::exception& e) {
        std::cerr << "fu-bench-gen: " << e.what() << '\n';
        std::filesystem::remove(opt.db, ec);
        return 1;
    }
    return 0;
}
