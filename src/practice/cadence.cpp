// placeholder: being written
#include "fu/practice.hpp"
namespace fu {
std::optional<Cadence> parse_cadence(std::string_view) { return Cadence{{0, 14}, {0, 21}}; }
std::string cadence_text(const Cadence&) { return "2-3 weeks"; }
Instant add_interval(Instant from, const Interval& i, const date::time_zone&) { return from + std::chrono::hours{24} * (i.days + 30 * i.months); }
TouchWindow keep_in_touch_window(const Cadence& c, Instant last, const date::time_zone& z) { return {add_interval(last, c.ideal, z), add_interval(last, c.worst, z)}; }
const std::vector<std::string>& interest_levels() { static const std::vector<std::string> v{"hot", "warm", "cold"}; return v; }
int interest_rank(std::string_view i) { return i == "hot" ? 0 : i == "warm" ? 1 : i == "cold" ? 3 : 2; }
}
