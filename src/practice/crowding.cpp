// placeholder: being written
#include "fu/practice.hpp"
namespace fu {
std::vector<std::string> crowding_warnings_for_attempt(const std::vector<Interaction>&, const Interaction&, const Contact&, const Settings&, const date::time_zone&) { return {}; }
std::vector<std::string> crowding_warnings_for_window(const std::vector<Interaction>&, Instant, const Contact&, const Settings&, const date::time_zone&) { return {}; }
MinGap parse_min_gap(std::string_view) { return {}; }
std::string min_gap_text(const MinGap&) { return "1 workday"; }
}
