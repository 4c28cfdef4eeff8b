// Property test: random command sequences against a center with every strategy, overflow trigger
// and action, merge rules and multi-chat agents. After every command the engine's invariants must
// hold, and the event stream must keep the event contract: one hangup per contact, offers only to
// agents free to take them, no agent reserved or in wrap-up past its timers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"

namespace hotline {
namespace {

using routing::Engine;

std::string MakeCenter() {
    std::string y = R"(center: {ring_timeout: 12s, reject_delay: 3s, max_missed_offers: 2}
skills: [{id: s0}, {id: s1}, {id: s2}, {id: s3}, {id: lang}]
queues:
  - {id: q_idle, skills: {s0: 2}, strategy: longest_idle, wrapup: 5s, max_wait: 4m}
  - {id: q_skill, skills: {s1: 3}, strategy: most_skilled, priority: 2, aging: 20s}
  - {id: q_occ, skills: {s2: 1}, strategy: least_occupied, wrapup: 3s}
  - {id: q_calls, skills: {s0: 1, s1: 1}, strategy: fewest_calls}
  - {id: q_talk, skills: {s3: 4}, strategy: least_talk_time, max_wait: 3m, on_max_wait: message}
  - {id: q_rr, skills: {s2: 3}, strategy: round_robin}
  - {id: q_lin, skills: {s3: 1}, strategy: linear, ring_timeout: 8s}
  - {id: q_rand, skills: {s1: 1}, strategy: random}
  - {id: q_wrand, skills: {s0: 1}, strategy: skill_weighted_random}
  - {id: chat, channel: chat, skills: {s2: 1}, strategy: least_occupied, wrapup: 2s}
  - {id: mail, channel: email, skills: {s3: 1}, strategy: fewest_calls}
agents:
)";
    std::mt19937 gen(3);
    for (int i = 0; i < 24; ++i) {
        y += "  - {id: a" + std::to_string(i) + ", skills: {";
        bool first = true;
        for (int s = 0; s < 5; ++s) {
            if (gen() % 3 == 0 && !(s == 4 && i % 2)) {
                continue;
            }
            y += (first ? "" : ", ") + std::string(s == 4 ? "lang" : "s" + std::to_string(s)) +
                 ": " + std::to_string(1 + gen() % 10);
            first = false;
        }
        y += "}";
        if (i % 4 == 0) {
            y += ", capacity: {voice: 1, chat: 3, email: 2}";
        }
        if (i % 7 == 0) {
            y += ", wrapup: 0s";
        }
        y += "}\n";
    }
    y += R"(routing:
  overflow:
    - {id: w1, queue: q_skill, when: {waited: 30s}, widen: {lower_min_level_by: 2}}
    - {id: w2, queue: q_talk, when: {waited: 20s}, widen: {add: [{s0: 5}]}}
    - {id: m1, queue: q_idle, when: {waited: 60s}, move_to: q_wrand}
    - {id: m2, queue: q_wrand, when: {waited: 60s}, move_to: q_idle}
    - {id: l1, queue: q_rr, when: {queue_length: 3}, move_to: q_occ}
    - {id: e1, queue: q_calls, when: {expected_wait: 4m}, offer_callback: true}
    - {id: n1, queue: q_lin, when: {no_agents: true}, move_to: q_calls}
    - {id: n2, queue: chat, when: {no_agents: true}, leave: message}
  merge:
    - {id: g1, queues: [q_idle, q_calls], check_every: 20s, window: 5m, min_samples: 5, min_merged: 1m,
       merge_when: {service_level_below: 50%, waiting_over: 4}, split_when: {service_level_above: 70%, waiting_under: 1}}
    - {id: g2, queues: [chat, mail], check_every: 15s, merge_when: {waiting_over: 3}, split_when: {waiting_under: 0}}
)";
    return y;
}

// Checks the event stream as it flows.
class ContractChecker : public EventSink {
  public:
    void OnEvent(const Event& e) override {
        ++events;
        ++by_type[std::string(e.type())];
        if (events % 16 == 0) {
            RoundTrip(e);
        }
        std::visit([&](const auto& b) { Check(b); }, e.body);
    }
    void Fail(const std::string& what) {
        if (failure.empty()) {
            failure = what;
        }
    }

    int64_t events = 0;
    std::string failure;
    std::set<std::string> live;                // arrived, not hung up
    std::set<std::string> ringing;             // offered, not answered/failed/ended
    std::set<std::string> talking;             // answered, not transferred or ended
    std::map<std::string, std::string> state;  // agent → last shown state
    std::map<std::string, std::string> media;  // contact → voice, chat or email
    std::vector<std::string> offered_now;      // contacts offered by the last command
    int64_t hangups = 0, arrivals = 0;
    std::map<std::string, int64_t> by_type;

  private:
    void RoundTrip(const Event& e) {
        auto back = EventFromJson(EventToJson(e));
        if (!back.ok() || EventToJson(*back) != EventToJson(e)) {
            Fail("JSON round trip: " + EventToJson(e));
        }
    }
    void Check(const events::Arrive& a) {
        ++arrivals;
        media[a.id.str()] = a.channel == "voice" || a.channel == "callback" ? "voice" : a.channel;
        if (!live.insert(a.id.str()).second) {
            Fail("arrive twice: " + a.id.str());
        }
    }
    void Check(const events::Hangup& h) {
        ++hangups;
        if (live.erase(h.id.str()) != 1) {
            Fail("hangup of a contact not live: " + h.id.str());
        }
        ringing.erase(h.id.str());
        talking.erase(h.id.str());
    }
    void Check(const events::Offer& o) {
        // A phone call needs an agent who is ready; a chat or email may also go to an agent busy
        // with (or wrapping up) other chats, within its capacity.
        const std::string& s = state[o.agent.str()];
        const bool voice = media[o.id.str()] == "voice";
        if (voice ? s != "ready" : (s != "ready" && s != "busy" && s != "wrapup")) {
            Fail("offer of a " + media[o.id.str()] + " contact to " + o.agent.str() + " in state " +
                 s);
        }
        if (!live.contains(o.id.str())) {
            Fail("offer of a contact not live: " + o.id.str());
        }
        ringing.insert(o.id.str());
    }
    void Check(const events::Answer& a) {
        if (ringing.erase(a.id.str()) != 1) {
            Fail("answer without offer: " + a.id.str());
        }
        talking.insert(a.id.str());
    }
    void Check(const events::Transfer& t) {
        if (talking.erase(t.id.str()) != 1) {
            Fail("transfer of a contact not talking: " + t.id.str());
        }
    }
    void Check(const events::OfferFail& f) {
        if (ringing.erase(f.id.str()) != 1) {
            Fail("offer_fail without offer: " + f.id.str());
        }
    }
    void Check(const events::AgentState& s) { state[s.agent.str()] = s.state; }
    void Check(const events::AgentLogout& s) { state[s.agent.str()] = "logged_out"; }
    void Check(const events::WrapupEnd&) {}
    template <class T>
    void Check(const T& body) {
        if constexpr (requires { body.id; }) {
            if constexpr (std::is_same_v<decltype(body.id), InteractionId>) {
                if (!live.contains(body.id.str())) {
                    Fail(std::string(T::kType) + " of an ended contact");
                }
            }
        }
    }
};

struct Driver {
    Driver(const CenterConfig& center, uint64_t seed)
        : clock(FromMillis(1'772'409'600'000)),
          rng(seed),
          engine_rng(seed + 1),
          engine(center, clock, clock, engine_rng, checker) {
        for (const auto& a : center.agents) {
            agents.push_back(a.id);
        }
        for (const auto& q : center.queues) {
            queues.push_back(q);
        }
    }

    template <class T>
    const T& Pick(const std::vector<T>& v) {
        return v[rng() % v.size()];
    }

    void Step() {
        const int op = static_cast<int>(rng() % 100);
        const AgentId& agent = Pick(agents);
        if (op < 22) {
            // Keep the population near a busy center's: when too many are waiting, callers give
            // up instead of new ones arriving (and the invariant check stays cheap).
            if (checker.live.size() < 60) {
                NewContact();
            } else {
                ActOnContact(62);
            }
        } else if (op < 30) {
            (void)engine.Login(agent, rng() % 4 != 0);
        } else if (op < 33) {
            (void)engine.Logout(agent);
        } else if (op < 40) {
            (void)engine.SetReady(agent);
        } else if (op < 43) {
            (void)engine.SetNotReady(agent, rng() % 2 ? "break" : "meal");
        } else if (op < 80) {
            ActOnContact(op);
        } else {
            // Let time pass: timers (ring, wrap-up, rules, merge checks) fire.
            clock.AdvanceTo(clock.Now() + Duration{static_cast<int64_t>(rng() % 20'000)});
        }
    }

    void NewContact() {
        const QueueConfig& q = Pick(queues);
        InteractionId id("c" + std::to_string(next_id++));
        (void)engine.Arrive({id, q.channel, "138" + std::to_string(rng() % 100000), "", ""});
        contacts.push_back(id);
        if (rng() % 10 == 0) {
            return;  // stays in the IVR for a while
        }
        routing::EnqueueCommand e{id, q.id, static_cast<int>(rng() % 3), {}};
        if (rng() % 6 == 0) {
            e.skills.push_back({SkillId("lang"), 1 + static_cast<int>(rng() % 6)});
        }
        (void)engine.Enqueue(e);
    }

    // A random member of a small set (ringing or talking contacts), if any.
    std::optional<InteractionId> Any(const std::set<std::string>& set) {
        if (set.empty()) {
            return std::nullopt;
        }
        auto it = set.begin();
        std::advance(it, static_cast<long>(rng() % set.size()));
        return InteractionId(*it);
    }

    void ActOnContact(int op) {
        // Agents mostly answer what rings at them and work on what they talk on.
        if (op < 55 || (op >= 68 && op < 74)) {
            auto id = Any(op < 55 && rng() % 10 ? checker.ringing : checker.talking);
            if (id && op < 50) {
                (void)engine.Answer(*id);
                return;
            }
            if (id && op >= 68) {
                if (op < 71) {
                    (void)(rng() % 2 ? engine.Hold(*id) : engine.Unhold(*id));
                }
                if (op >= 71 && op < 73) {
                    (void)engine.TransferToQueue(*id, Pick(queues).id);
                }
                if (op == 73) {
                    (void)engine.TransferToAgent(*id, Pick(agents));
                }
                return;
            }
            if (id) {
                (void)engine.Hangup(*id, routing::HangupBy::kAgent);
                return;
            }
        }
        if (contacts.empty()) {
            return;
        }
        size_t i = rng() % contacts.size();
        const InteractionId id = contacts[i];
        if (!checker.live.contains(id.str())) {
            contacts[i] = contacts.back();
            contacts.pop_back();
            return;
        }
        if (op < 55) {
            (void)engine.Answer(id);
        } else if (op < 59) {
            (void)engine.Reject(id, rng() % 2 ? "rejected" : "busy");
        } else if (op < 68) {
            (void)engine.Hangup(
                id, rng() % 2 ? routing::HangupBy::kCustomer : routing::HangupBy::kAgent);
        } else if (op < 71) {
            (void)(rng() % 2 ? engine.Hold(id) : engine.Unhold(id));
        } else if (op < 73) {
            (void)engine.TransferToQueue(id, Pick(queues).id);
        } else if (op < 74) {
            (void)engine.TransferToAgent(id, Pick(agents));
        } else if (op < 76) {
            auto cb = engine.RequestCallback(id, "021" + std::to_string(rng() % 10000));
            if (cb.ok()) {
                contacts.push_back(*cb);
            }
        } else if (op < 78) {
            (void)engine.FinishWrapup(Pick(agents), id, "done");
        } else {
            (void)engine.ExtendWrapup(Pick(agents), id, Duration{5'000});
        }
    }

    VirtualClock clock;
    std::mt19937_64 rng;
    std::mt19937_64 engine_rng;
    ContractChecker checker;
    Engine engine;
    std::vector<AgentId> agents;
    std::vector<QueueConfig> queues;
    std::vector<InteractionId> contacts;
    int next_id = 0;
};

int64_t TargetEvents() {
    if (const char* env = std::getenv("HOTLINE_PROPERTY_EVENTS")) {
        return std::atoll(env);
    }
    return 1'000'000;
}

TEST(EngineProperty, RandomCommandsKeepEveryInvariant) {
    auto loaded = config::LoadCenterFromString(MakeCenter(), "property.yaml");
    for (const auto& e : loaded.errors) {
        FAIL() << e.ToString();
    }
    const int64_t target = TargetEvents();
    int64_t total_events = 0;
    std::map<std::string, int64_t> by_type;
    for (uint64_t seed = 1; total_events < target; ++seed) {
        Driver d(loaded.center, seed);
        for (int step = 0; step < 50'000 && d.checker.failure.empty(); ++step) {
            d.Step();
            Status inv = d.engine.CheckInvariants();
            ASSERT_TRUE(inv.ok()) << "seed " << seed << " step " << step << ": " << inv.ToString();
        }
        ASSERT_EQ(d.checker.failure, "") << "seed " << seed;
        // Wind down: every caller hangs up, time runs out every timer; nothing may stay open.
        for (const auto& id :
             std::vector<std::string>(d.checker.live.begin(), d.checker.live.end())) {
            ASSERT_TRUE(d.engine.Hangup(InteractionId(id), routing::HangupBy::kCustomer).ok())
                << id;
        }
        d.clock.AdvanceTo(d.clock.Now() + Duration{3'600'000});
        ASSERT_TRUE(d.engine.CheckInvariants().ok());
        EXPECT_TRUE(d.checker.live.empty());
        EXPECT_EQ(d.checker.arrivals, d.checker.hangups) << "every contact ends exactly once";
        for (const auto& a : d.engine.Snapshot().agents) {
            EXPECT_NE(a.state, routing::AgentStateKind::kReserved) << a.id.str();
            EXPECT_NE(a.state, routing::AgentStateKind::kWrapup) << a.id.str();
            EXPECT_NE(a.state, routing::AgentStateKind::kBusy) << a.id.str();
        }
        total_events += d.checker.events;
        for (const auto& [type, n] : d.checker.by_type) {
            by_type[type] += n;
        }
    }
    std::cout << "checked " << total_events << " events:";
    for (const auto& [type, n] : by_type) {
        std::cout << " " << type << "=" << n;
    }
    std::cout << "\n";
    // The run must have exercised what it claims to check.
    for (const char* type : {"offer", "answer", "offer_fail", "abandon", "overflow", "merge",
                             "split", "callback_request", "transfer", "wrapup_end", "hold"}) {
        EXPECT_GT(by_type[type], 0) << type;
    }
}

}  // namespace
}  // namespace hotline
