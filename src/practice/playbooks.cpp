// src/practice/playbooks.cpp — the playbooks fu ships, and finding one by name.
#include "fu/practice.hpp"

namespace fu {

const std::vector<Playbook>& built_in_playbooks()
{
    static const std::vector<Playbook> playbooks{
        {"post-sale",
         {
             {"confirm the order was entered", "by end of day", "call"},
             {"confirm it shipped complete; if back-ordered, offer an alternative or a hold",
              "in 2-3 days", "call"},
             {"confirm it arrived intact", "in a week", "call"},
             {"is it working? any questions or problems implementing it?", "in 2-3 days", "call"},
             {"repeat-order check-in", "in a month", "call"},
         },
         "built in"},
    };
    return playbooks;
}

const Playbook* find_playbook(const Settings& settings, std::string_view name)
{
    // A config playbook of the same name comes later and replaces the built-in one.
    const Playbook* found = nullptr;
    for (const Playbook& playbook : settings.playbooks) {
        if (playbook.name == name) {
            found = &playbook;
        }
    }
    return found;
}

} // namespace fu
