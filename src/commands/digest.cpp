// src/commands/digest.cpp — `fu digest`: the morning summary, made to be read in a mail client.
#include <fmt/format.h>

#include "commands/commands.hpp"
#include "commands/present.hpp"
#include "fu/contacts.hpp"
#include "fu/digest.hpp"
#include "fu/refs.hpp"
#include "fu/error.hpp"
#include "fu/practice.hpp"
#include "fu/store.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"

namespace fu::commands {
namespace {

struct DigestOptions {
    bool if_any = false;
    std::string interest;
};

// Writes sections as plain text (titles underlined by their own line) or Markdown.
class DigestWriter {
public:
    DigestWriter(const Env& env, bool markdown) : m_env(env), m_markdown(markdown) {}

    void title(const std::string& text)
    {
        m_env.out << (m_markdown ? "# " + text : styled(text, Style::bold, m_env.output.color)) << '\n';
    }
    void section(const std::string& text, std::int64_t count)
    {
        const std::string heading = count > 0 ? fmt::format("{} ({})", text, count) : text;
        m_env.out << '\n' << (m_markdown ? "## " + heading : styled(heading, Style::bold, m_env.output.color)) << '\n';
        if (m_markdown) {
            m_env.out << '\n';
        }
    }
    void item(const std::string& text) { m_env.out << (m_markdown ? "- " : "  - ") << text << '\n'; }
    // After a section's listed rows: how many more there are, and where to see them all.
    void more(std::size_t listed, std::int64_t total, const char* where)
    {
        if (total > static_cast<std::int64_t>(listed)) {
            const std::int64_t more = total - static_cast<std::int64_t>(listed);
            item(*where ? fmt::format("… and {} more: {}", count_text(more), where)
                        : fmt::format("… and {} more", count_text(more)));
        }
    }

private:
    const Env& m_env;
    bool m_markdown;
};

std::string who(const Contact& contact)
{
    std::string text = name_and_company(contact);
    if (!contact.phone.empty()) {
        text += ", " + contact.phone;
    } else if (!contact.email.empty()) {
        text += ", " + contact.email;
    }
    return text;
}

std::string purpose(const Promise& promise)
{
    std::string text;
    if (promise.agreed) {
        text += " [agreed]";
    }
    if (!promise.about.empty()) {
        text += " — " + promise.about;
    }
    return text;
}

// "Agreed for tomorrow — …" when tomorrow is a working day, else "Agreed through Mon 22 Jun — …":
// the reminders reach to the end of the next working day.
std::string reminder_title(const Digest& digest, const Env& env)
{
    const auto& zone = env.user_zone();
    const bool tomorrow = digest.next_workday == end_of_local_day(env.now, zone);
    return fmt::format("Agreed {} — send a reminder today",
                       tomorrow ? "for tomorrow"
                                : "through " + human_date(digest.next_workday, zone, env.now));
}

void print_text(const Digest& digest, const Env& env, bool markdown)
{
    DigestWriter w(env, markdown);
    const auto& zone = env.user_zone();
    w.title("Follow-ups for " + human_date(env.now, zone, env.now));
    if (!digest.overdue.empty()) {
        w.section("Overdue", digest.totals.overdue);
        for (const auto& item : digest.overdue) {
            w.item(fmt::format("{} — {}, {}{}  [{}]", who(item.contact), window_text(item.promise, item.contact, env),
                               relative_hint(item.promise, env.now), purpose(item.promise), promise_ref(item.promise.id)));
        }
        w.more(digest.overdue.size(), digest.totals.overdue, "fu due");
    }
    if (!digest.due_today.empty()) {
        w.section("Due today", digest.totals.due_today);
        for (const auto& item : digest.due_today) {
            w.item(fmt::format("{} — {}{}  [{}]", window_text(item.promise, item.contact, env), who(item.contact),
                               purpose(item.promise), promise_ref(item.promise.id)));
        }
        w.more(digest.due_today.size(), digest.totals.due_today, "fu due");
    }
    if (!digest.remind_next_workday.empty()) {
        w.section(reminder_title(digest, env), digest.totals.remind_next_workday);
        for (const auto& item : digest.remind_next_workday) {
            std::string reach = item.contact.email.empty() ? item.contact.phone : item.contact.email;
            w.item(fmt::format("{} — {}{}{}  [{}]  fu remind {}", window_text(item.promise, item.contact, env),
                               name_and_company(item.contact), reach.empty() ? "" : ", " + reach,
                               purpose(item.promise), promise_ref(item.promise.id), promise_ref(item.promise.id)));
        }
        w.more(digest.remind_next_workday.size(), digest.totals.remind_next_workday, "fu due --agreed --all");
    }
    if (!digest.no_next_step.empty()) {
        w.section("No next step", digest.totals.no_next_step);
        for (const auto& contact : digest.no_next_step) {
            w.item(fmt::format("{} — agree one: fu promise {} WHEN", who(contact), contact.id));
        }
        w.more(digest.no_next_step.size(), digest.totals.no_next_step, "fu due --no-next-step");
    }
    if (!digest.going_cold.empty()) {
        w.section("Going cold", digest.totals.going_cold);
        for (const auto& silent : digest.going_cold) {
            w.item(fmt::format("{} — last contact {} ago{}", who(silent.contact),
                               short_duration(env.now - silent.last_interaction),
                               silent.contact.every.empty() ? ""
                                                            : fmt::format(" (every {})", silent.contact.every)));
        }
        w.more(digest.going_cold.size(), digest.totals.going_cold, "");
    }
    if (!digest.yesterday.empty()) {
        w.section("Yesterday", digest.totals.yesterday);
        for (const auto& ended : digest.yesterday) {
            w.item(fmt::format("{}: {} ({})  [{}]", ended_text(ended.promise.status), name_and_company(ended.contact),
                               ended.promise.text, promise_ref(ended.promise.id)));
        }
        w.more(digest.yesterday.size(), digest.totals.yesterday, "");
    }
    if (!digest.actionable() && digest.yesterday.empty()) {
        env.out << "\nNothing to follow up today.\n";
    }
}

Json items_json(const std::vector<AgendaItem>& items, const Env& env)
{
    Json list = Json::array();
    for (const auto& item : items) {
        list.push(promise_json(item.promise, item.contact, env, item.attempts, item.unanswered));
    }
    return list;
}

int run_digest(const DigestOptions& opt, Env& env)
{
    OutputFormat format = env.output.format;
    if (format == OutputFormat::tsv || format == OutputFormat::csv) {
        const auto origin = env.origins.find("format");
        const bool asked = origin != env.origins.end() && origin->second.rfind("--", 0) == 0;
        if (asked) {
            throw usage_error("digest prints human, markdown or json", "fu digest --format markdown");
        }
        format = OutputFormat::human; // a configured default for listings does not apply to a mail
    }
    const Store store = Store::open_for_reading(env.db_path, env.settings.busy_timeout);
    std::string interest;
    if (!opt.interest.empty()) {
        interest = interest_level(opt.interest);
    }
    const Digest digest = build_digest(store, env.now, env.user_zone(), env.settings, interest);
    if (opt.if_any && !digest.actionable()) {
        return k_exit_ok;
    }
    if (format == OutputFormat::json) {
        Json no_next = Json::array();
        for (const auto& contact : digest.no_next_step) {
            no_next.push(contact_ref_json(contact));
        }
        Json cold = Json::array();
        for (const auto& silent : digest.going_cold) {
            cold.push(contact_ref_json(silent.contact)
                          .set("last_interaction", iso8601(silent.last_interaction, env.user_zone()))
                          .set("every", json_or_null(silent.contact.every))
                          .set("overdue", silent.overdue));
        }
        Json yesterday = Json::array();
        for (const auto& ended : digest.yesterday) {
            yesterday.push(promise_json(ended.promise, ended.contact, env));
        }
        Json::object()
            .set("date", iso8601(start_of_local_day(env.now, env.user_zone()), env.user_zone())
                             .substr(0, 10))
            .set("actionable", digest.actionable())
            .set("overdue", items_json(digest.overdue, env))
            .set("due_today", items_json(digest.due_today, env))
            .set("agreed_tomorrow", items_json(digest.agreed_tomorrow, env))
            .set("next_workday", iso8601(digest.next_workday, env.user_zone()).substr(0, 10))
            .set("remind_next_workday", items_json(digest.remind_next_workday, env))
            .set("no_next_step", std::move(no_next))
            .set("going_cold", std::move(cold))
            .set("yesterday", std::move(yesterday))
            // Each list above holds at most k_digest_section_rows; these are the full counts.
            .set("totals", Json::object()
                               .set("overdue", Json(digest.totals.overdue))
                               .set("due_today", Json(digest.totals.due_today))
                               .set("agreed_tomorrow", Json(digest.totals.agreed_tomorrow))
                               .set("remind_next_workday", Json(digest.totals.remind_next_workday))
                               .set("no_next_step", Json(digest.totals.no_next_step))
                               .set("going_cold", Json(digest.totals.going_cold))
                               .set("yesterday", Json(digest.totals.yesterday)))
            .write(env.out);
        return k_exit_ok;
    }
    print_text(digest, env, format == OutputFormat::markdown);
    return k_exit_ok;
}

} // namespace

Handler setup_digest(CLI::App& command)
{
    auto opt = std::make_shared<DigestOptions>();
    command.add_flag("--if-any", opt->if_any, "Print nothing (and exit 0) when nothing needs doing: for cron");
    command.add_option("--interest", opt->interest, "Only contacts this interested: hot, warm or cold");
    command.footer("Sections: Overdue, Due today, Agreed for tomorrow (or through the next\n"
                   "working day) — send a reminder today, No next step, Going cold, Yesterday.\n"
                   "Formats: human (default), markdown, json.\n"
                   "Cron: 30 7 * * 1-5 fu digest --if-any | mail -s \"Follow-ups\" me@example.com");
    return [opt](Env& env) { return run_digest(*opt, env); };
}

} // namespace fu::commands
