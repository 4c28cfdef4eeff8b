#include "demo.h"

#include <iostream>

#include "hotline/auth/auth.h"

namespace hotline::api {
namespace {

// Calls per hour by queue for the demo's 42 agents: busy enough that queues form now and then.
double DemoRate(const QueueConfig& q) {
    if (q.channel == Channel::kChat) {
        return 120;
    }
    if (q.channel == Channel::kEmail) {
        return 40;
    }
    if (q.id.str() == "general") {
        return 260;
    }
    if (q.id.str() == "credit_card") {
        return 150;
    }
    return 45;
}

sim::Scenario DemoScenario(const CenterConfig& center) {
    sim::Scenario s;
    s.duration = std::chrono::hours(24 * 365);
    for (const auto& q : center.queues) {
        sim::QueueTraffic t;
        t.queue = q.id;
        t.arrivals.rate_per_hour = DemoRate(q);
        const double aht = ToSeconds(q.expected_handle);
        t.handle_time = sim::Distribution::Exponential(aht > 0 ? aht : 180);
        t.patience = sim::Distribution::Exponential(q.channel == Channel::kVoice ? 150 : 900);
        s.queues.push_back(t);
    }
    return s;
}

}  // namespace

std::vector<DemoUser> DemoUsers(const CenterConfig& center) {
    std::vector<DemoUser> out;
    // The first agent of the first team who is not its leader is the person at a desk.
    std::string agent, team;
    for (const auto& a : center.agents) {
        bool leader = false;
        for (const auto& t : center.teams) {
            leader = leader || t.leader == a.id;
        }
        if (!leader && a.capacity[0] > 0) {
            agent = a.id.str();
            team = a.team.str();
            break;
        }
    }
    std::string leader_agent;
    for (const auto& t : center.teams) {
        if (t.id.str() == team) {
            leader_agent = t.leader.str();
        }
    }
    auto name_of = [&](const std::string& id, const std::string& fallback) {
        const AgentConfig* a = center.FindAgent(AgentId{id});
        return a != nullptr && !a->name.empty() ? a->name : fallback;
    };
    out.push_back({"agent", "agent", agent, team, name_of(agent, "座席 " + agent)});
    out.push_back({"leader", "team_leader", leader_agent, team, name_of(leader_agent, "班长")});
    out.push_back({"shift", "shift_leader", "", "", "值班长"});
    out.push_back({"supervisor", "supervisor", "", "", "主管"});
    out.push_back({"manager", "manager", "", "", "经理"});
    out.push_back({"qa", "qa", "", "", "质检"});
    return out;
}

Status ResetDemoUsers(store::Store& store, const std::vector<DemoUser>& users,
                      const std::string& password) {
    ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(password));
    for (const auto& u : users) {
        RETURN_IF_ERROR(
            store.PutUser(store::User{u.username, hash, u.role, u.role == "agent" ? u.agent : "",
                                      u.team, u.display_name, false}));
        RETURN_IF_ERROR(store.RevokeTokensOf(u.username));
    }
    return Status::Ok();
}

DemoCompanion::DemoCompanion(const CenterConfig& center, std::set<std::string> human_agents,
                             LiveCenter& live, uint64_t seed)
    : scenario_(DemoScenario(center)),
      center_(center),
      human_agents_(std::move(human_agents)),
      live_(live),
      seed_(seed) {}

void DemoCompanion::Attach(routing::Engine& engine, const routing::EngineState& state) {
    if (players_) {  // a new configuration: the callers and agents carry on
        players_->Attach(&engine);
        return;
    }
    // The first engine: the live clock exists now.
    players_ = std::make_unique<sim::Players>(scenario_, center_, null_, live_.clock(),
                                              live_.companion_timers(), seed_);
    players_->SetSimulatedAgents(
        [this](const AgentId& a) { return !human_agents_.contains(a.str()); });
    players_->Attach(&engine);
    std::set<std::string> logged_in;
    for (const auto& a : state.agents) {
        logged_in.insert(a.id.str());
    }
    for (const auto& a : center_.agents) {
        if (!human_agents_.contains(a.id.str()) && !logged_in.contains(a.id.str())) {
            (void)engine.Login(a.id, /*ready=*/true);
        }
    }
    players_->Adopt(state);
    const Timestamp now = live_.clock().Now();
    players_->StartArrivals(now, now + scenario_.duration);
}

void DemoCompanion::OnEvent(const Event& e) {
    if (players_) {
        players_->OnEvent(e);
    }
}

}  // namespace hotline::api
