#include "hotline/core/center.h"

#include <algorithm>

namespace hotline {

const QueueConfig* CenterConfig::FindQueue(const QueueId& id) const {
    auto it = std::find_if(queues.begin(), queues.end(), [&](const auto& q) { return q.id == id; });
    return it == queues.end() ? nullptr : &*it;
}

const AgentConfig* CenterConfig::FindAgent(const AgentId& id) const {
    auto it = std::find_if(agents.begin(), agents.end(), [&](const auto& a) { return a.id == id; });
    return it == agents.end() ? nullptr : &*it;
}

Requirement NormalizeRequirement(Requirement r) {
    std::sort(r.begin(), r.end(), [](const SkillLevel& a, const SkillLevel& b) {
        return a.skill != b.skill ? a.skill < b.skill : a.level > b.level;
    });
    r.erase(
        std::unique(r.begin(), r.end(),
                    [](const SkillLevel& a, const SkillLevel& b) { return a.skill == b.skill; }),
        r.end());
    return r;
}

}  // namespace hotline

namespace hotline {

const IvrFlow* CenterConfig::FindFlow(const std::string& id) const {
    for (const auto& f : ivr) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

}  // namespace hotline
