#include "commands/present.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "fu/agenda.hpp"
#include "fu/error.hpp"
#include "fu/refs.hpp"
#include "fu/text.hpp"
#include "fu/timefmt.hpp"
#include "fu/when.hpp"

namespace fu::commands {

const Zone& contact_zone(const Contact& contact, const Env& env)
{
    return zone_or(contact.tz, env.user_zone());
}

std::string count_text(std::int64_t n)
{
    std::string digits = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

void print_rest(std::ostream& out, std::size_t shown, int limit,
                const std::function<std::int64_t()>& total, std::string_view indent)
{
    if (limit <= 0 || shown != static_cast<std::size_t>(limit)) {
        return;
    }
    if (const std::int64_t more = total() - limit; more > 0) {
        out << fmt::format("{}… and {} more: --limit 0 lists them all\n", indent, count_text(more));
    }
}

Json contact_ref_json(const Contact& contact)
{
    return Json::object()
        .set("id", contact.id)
        .set("name", contact.name)
        .set("company", json_or_null(contact.company))
        .set("phone", json_or_null(contact.phone))
        .set("email", json_or_null(contact.email))
        .set("tz", json_or_null(contact.tz));
}

Json contact_json(const Contact& contact, const Env& env)
{
    Json tags = Json::array();
    for (const auto& tag : contact.tags) {
        tags.push(tag);
    }
    const auto optional_time = [&](const std::optional<Instant>& t) {
        return t ? Json(iso8601(*t, env.user_zone())) : Json();
    };
    return Json::object()
        .set("id", contact.id)
        .set("name", contact.name)
        .set("company", json_or_null(contact.company))
        .set("phone", json_or_null(contact.phone))
        .set("email", json_or_null(contact.email))
        .set("tz", json_or_null(contact.tz))
        .set("tags", std::move(tags))
        .set("note", json_or_null(contact.note))
        .set("created", iso8601(contact.created_at, env.user_zone()))
        .set("archived", optional_time(contact.archived_at))
        .set("closed", optional_time(contact.closed_at))
        .set("every", json_or_null(contact.every))
        .set("interest", json_or_null(contact.interest));
}

Json promise_json(const Promise& promise, const Contact& contact, const Env& env, int attempts,
                  int unanswered)
{
    const auto& zone = env.user_zone();
    return Json::object()
        .set("id", promise.id)
        .set("contact", contact_ref_json(contact))
        .set("earliest", iso8601(promise.earliest, zone))
        .set("latest", iso8601(promise.latest, zone))
        .set("state", state_word(promise, env.now))
        .set("text", promise.text)
        .set("zone", promise.zone)
        .set("about", json_or_null(promise.about))
        .set("agreed", promise.agreed)
        .set("via", promise.via)
        .set("attempts", attempts)
        .set("unanswered", unanswered)
        .set("made", iso8601(promise.made_at, zone))
        .set("resolved", promise.resolved_at ? Json(iso8601(*promise.resolved_at, zone)) : Json())
        .set("reason", json_or_null(promise.reason))
        .set("rescheduled_from", promise.rescheduled_from ? Json(*promise.rescheduled_from) : Json())
        .set("replaced_by", promise.replaced_by ? Json(*promise.replaced_by) : Json())
        .set("type", "promise")
        .set("plan_id", promise.plan_id ? Json(*promise.plan_id) : Json())
        .set("plan_step", promise.plan_id ? Json(promise.plan_step) : Json());
}

Json keep_in_touch_json(const AgendaItem& item, const Env& env)
{
    const auto& zone = env.user_zone();
    return Json::object()
        .set("type", "keep-in-touch")
        .set("id", Json())
        .set("contact", contact_ref_json(item.contact))
        .set("state", std::string(to_string(item.state)))
        .set("earliest", iso8601(item.promise.earliest, zone))
        .set("latest", iso8601(item.promise.latest, zone))
        .set("every", item.promise.text)
        .set("last_contact", item.last_contact ? Json(iso8601(*item.last_contact, zone)) : Json())
        .set("about", item.promise.about)
        .set("interest", json_or_null(item.contact.interest));
}

Json promise_json(const Promise& promise, const Contact& contact, const std::vector<Interaction>& history,
                  const Env& env)
{
    const bool open = promise.status == PromiseStatus::open;
    return promise_json(promise, contact, env, count_attempts(history, promise.made_at, promise.resolved_at),
                        open ? summarize_attempts(history).unanswered_run : 0);
}

Json promise_json(const Store& store, const Promise& promise, const Contact& contact, const Env& env)
{
    return promise_json(promise, contact, interactions_of(store, contact.id), env);
}

Json interaction_json(const Interaction& interaction, const Contact& contact, const Env& env)
{
    return Json::object()
        .set("id", interaction.id)
        .set("contact", contact_ref_json(contact))
        .set("at", iso8601(interaction.at, env.user_zone()))
        .set("kind", interaction.kind)
        .set("outcome", json_or_null(interaction.outcome))
        .set("note", json_or_null(interaction.note))
        .set("promise", interaction.promise_id ? Json(*interaction.promise_id) : Json())
        .set("inbound", is_inbound(interaction))
        .set("keeps", std::string(to_string(interaction.keeps)))
        .set("reminds", interaction.reminds ? Json(*interaction.reminds) : Json());
}

std::string both_clocks(Instant earliest, Instant latest, const Zone& theirs, const Env& env,
                        bool with_zone)
{
    const auto& mine = env.user_zone();
    std::string text = human_window(earliest, latest, mine, env.now, with_zone);
    if (&theirs != &mine && theirs.get_info(earliest).offset != mine.get_info(earliest).offset) {
        const bool same_day = date::floor<date::days>(theirs.to_local(earliest)) ==
                              date::floor<date::days>(mine.to_local(earliest));
        text += fmt::format(" ({} in {})",
                            same_day ? human_window_short(earliest, latest, theirs, env.now)
                                     : human_window(earliest, latest, theirs, env.now, with_zone),
                            zone_city(theirs));
    }
    return text;
}

std::string window_text(const Promise& promise, const Contact& contact, const Env& env)
{
    return both_clocks(promise.earliest, promise.latest, contact_zone(contact, env), env, false);
}

std::string relative_hint(const Promise& promise, Instant now)
{
    switch (classify(promise, now)) {
    case DueState::overdue: return "overdue " + short_duration(now - promise.latest);
    case DueState::due: return "closes in " + short_duration(promise.latest - now);
    case DueState::upcoming: return "opens in " + short_duration(promise.earliest - now);
    }
    return {};
}

std::string channel_phrase(const std::string& via)
{
    if (via == "email") {
        return "an email";
    }
    if (via == "text") {
        return "a text";
    }
    if (via == "visit") {
        return "a visit";
    }
    return "a call";
}

std::string ended_text(PromiseStatus status)
{
    switch (status) {
    case PromiseStatus::kept: return "kept on time";
    case PromiseStatus::late: return "kept late";
    case PromiseStatus::renegotiated: return "renegotiated in time";
    case PromiseStatus::broken: return "broken";
    case PromiseStatus::cancelled: return "cancelled";
    case PromiseStatus::open: break;
    }
    return "open";
}

void print_notices(const Env& env, const std::vector<std::string>& notices)
{
    for (const auto& notice : notices) {
        env.err << "note: " << notice << '\n';
    }
}

bool print_json_if_asked(const Env& env, const Json& json)
{
    if (!env.json()) {
        return false;
    }
    json.write(env.out);
    return true;
}

// When something happened (--at). A whole day ("yesterday") names no moment: fu takes the start of
// that day's working window (or now, if that is later) and says so.
Instant happened_at(const std::vector<std::string>& words, const Env& env, const char* doing)
{
    const auto& zone = env.user_zone();
    const Window window = resolve(join(words, " "), env.now, zone, env.settings, TimeDirection::past);
    print_notices(env, window.notices);
    if (window.earliest != start_of_local_day(window.earliest, zone) || window.latest - window.earliest < std::chrono::hours{20}) {
        return window.earliest;
    }
    const auto day = date::floor<date::days>(zone.to_local(window.earliest));
    const auto work_start = day + std::chrono::minutes{env.settings.day.start_minute};
    // A start of the day the clocks skip is the instant they skip at.
    const Instant at = std::min(zone.to_sys(work_start, Choose::earliest), env.now);
    env.err << fmt::format("note: no time given; {} {}\n", doing, human_time(at, zone, env.now));
    return at;
}

void refuse_record_ref(const std::string& ref, const char* command)
{
    const auto record = parse_ref(trim(ref));
    if (!record || record->kind == RefKind::change) {
        return;
    }
    const bool promise = record->kind == RefKind::promise;
    throw usage_error(fmt::format("fu {} changes a contact, and {} is {}", command, trim(ref),
                                  promise ? "a promise" : "an interaction"),
                      promise ? fmt::format("to drop the promise: fu cancel {}; to correct it: fu fix {}", trim(ref),
                                            trim(ref))
                              : fmt::format("to delete the interaction: fu fix {} --delete", trim(ref)));
}

} // namespace fu::commands
