#include "synthetic_center.h"

#include <random>
#include <set>
#include <string>

namespace hotline::bench {

CenterConfig MakeSyntheticCenter(const CenterShape& shape) {
    CenterConfig c;
    c.name = "synthetic";
    for (int s = 0; s < shape.skills; ++s) {
        c.skills.push_back({SkillId("s" + std::to_string(s)), "skill " + std::to_string(s)});
    }
    for (int q = 0; q < shape.queues; ++q) {
        QueueConfig queue;
        queue.id = QueueId("q" + std::to_string(q));
        queue.name = queue.id.str();
        queue.skills = {{SkillId("s" + std::to_string(q % shape.skills)), 1}};
        queue.strategy = shape.strategy;
        queue.priority = q % 3;
        c.queues.push_back(std::move(queue));
    }
    c.teams.push_back({TeamId("t0"), "team", AgentId("a0")});
    std::mt19937_64 rng(shape.seed);
    std::uniform_int_distribution<int> pick_skill(0, shape.skills - 1);
    std::uniform_int_distribution<int> pick_level(1, 10);
    for (int a = 0; a < shape.agents; ++a) {
        AgentConfig agent;
        agent.id = AgentId("a" + std::to_string(a));
        agent.name = agent.id.str();
        agent.team = TeamId("t0");
        std::set<int> held;
        held.insert((a % shape.queues) %
                    shape.skills);  // every queue has agents, every agent a queue
        while (static_cast<int>(held.size()) < std::min(shape.skills_per_agent, shape.skills)) {
            held.insert(pick_skill(rng));
        }
        for (int s : held) {
            agent.skills.push_back({SkillId("s" + std::to_string(s)), pick_level(rng)});
        }
        agent.skills = NormalizeRequirement(std::move(agent.skills));
        c.agents.push_back(std::move(agent));
    }
    return c;
}

}  // namespace hotline::bench
