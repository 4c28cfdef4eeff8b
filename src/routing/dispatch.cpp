// Matching: the best agent for a waiting contact (through the strategy's pools) and the best
// waiting contact for a freed agent (through the buckets it is eligible for).
#include <cassert>

#include "engine_impl.h"

namespace hotline::routing {

namespace {

// Priority plus, with aging, a point for every `aging_ms` waited since `since_ms`.
double AgedPriority(int64_t priority, int64_t since_ms, int64_t aging_ms, int64_t now_ms) {
    auto p = static_cast<double>(priority);
    if (aging_ms > 0) {
        p += static_cast<double>(now_ms - since_ms) / static_cast<double>(aging_ms);
    }
    return p;
}

}  // namespace

double Engine::Impl::EffectivePriority(const ContactRt& c) const {
    const QueueRt& q = queues[c.queue];
    return AgedPriority(q.priority + c.priority, ToMillis(c.waiting_since), q.aging.count(),
                        ToMillis(clock.Now()));
}

double Engine::Impl::EffectivePriority(const BucketHead& h, int64_t now_ms) const {
    return AgedPriority(h.priority, h.since, h.aging_ms, now_ms);
}

uint32_t Engine::Impl::PoolOf(ReqIdx req, Strategy s, Media m) {
    for (uint32_t p : pools_of_req[req][static_cast<int>(m)]) {
        if (pools[p].strategy == s) {
            return p;
        }
    }
    return PoolFor(req, s, m);
}

std::optional<AgentIdx> Engine::Impl::ChooseAgent(const ContactRt& c) {
    QueueRt& q = queues[c.queue];
    const Strategy s = q.strategy;
    const StrategyImpl& impl = GetStrategy(s);
    std::optional<Candidate> best;
    int64_t best_distance = INT64_MAX;
    auto& weighted = scratch_weighted;  // pool, total weight; reused: no allocation per draw
    weighted.clear();
    int64_t total = 0;
    for (ReqIdx r : c.eligibility) {
        PoolRt& pool = pools[PoolOf(r, s, c.media)];
        switch (impl.pick) {
            case StrategyImpl::Pick::kBest:
            case StrategyImpl::Pick::kArrival: {
                auto cand = pool.Best();
                if (cand && (!best || cand->key < best->key)) {
                    best = cand;
                }
                break;
            }
            case StrategyImpl::Pick::kCyclic: {
                auto cand = std::get<CyclicPool>(pool.agents).FirstAfter(q.rr_last);
                if (!cand) {
                    break;
                }
                // Distance forward from the last agent served, wrapping at the agent count.
                int64_t d = cand->key[0] - q.rr_last;
                if (d <= 0) {
                    d += static_cast<int64_t>(agents.size());
                }
                if (d < best_distance) {
                    best_distance = d, best = cand;
                }
                break;
            }
            case StrategyImpl::Pick::kWeighted: {
                const int64_t w = std::get<WeightedPool>(pool.agents).total();
                if (w > 0) {
                    weighted.emplace_back(&pool - pools.data(), w);
                    total += w;
                }
                break;
            }
        }
    }
    if (impl.pick != StrategyImpl::Pick::kWeighted) {
        if (!best) {
            return std::nullopt;
        }
        return best->agent;
    }
    if (total == 0) {
        return std::nullopt;
    }
    // Pools of a merged or widened contact may overlap; each pool is drawn in proportion to its
    // weight, so an agent in two of them is somewhat more likely. Documented in docs/routing.md.
    int64_t pick = std::uniform_int_distribution<int64_t>(0, total - 1)(rng);
    for (auto [p, w] : weighted) {
        if (pick < w) {
            return std::get<WeightedPool>(pools[p].agents).Draw(rng);
        }
        pick -= w;
    }
    return std::nullopt;
}

std::optional<ContactIdx> Engine::Impl::ChooseContact(const AgentRt& a, Media m) const {
    const BucketHead* best = nullptr;
    double best_p = 0;
    const int64_t now_ms = ToMillis(clock.Now());
    for (const AgentRt::ReqSlot& rs : a.reqs) {
        for (const BucketHead& head : open_buckets[rs.req][static_cast<int>(m)]) {
            const double p = EffectivePriority(head, now_ms);
            bool better = !best;
            if (!better) {
                better = p != best_p                 ? p > best_p
                         : head.since != best->since ? head.since < best->since
                                                     : head.seq < best->seq;
            }
            if (better) {
                best = &head, best_p = p;
            }
        }
    }
    if (!best) {
        return std::nullopt;
    }
    // The offer reads the contact and takes it out of its bucket: both are cold in a large
    // center, and neither address depends on the other.
    PrefetchLines(contacts[best->contact], 0, 2);
    PrefetchLines(buckets[best->bucket], 0, 1);
    return best->contact;
}

void Engine::Impl::TryContact(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    if (!c.live || c.stage != ContactRt::Stage::kQueued) {
        return;
    }
    if (auto a = ChooseAgent(c)) {
        Offer(ci, *a);
    }
}

bool Engine::Impl::TryAgent(AgentIdx ai, const std::array<bool, kMediaCount>& media) {
    const AgentRt& a = agents[ai];
    std::optional<ContactIdx> best;
    for (int m = 0; m < kMediaCount; ++m) {
        if (!media[m]) {
            continue;
        }
        auto c = ChooseContact(a, static_cast<Media>(m));
        if (!c) {
            continue;
        }
        if (!best) {
            best = c;
            continue;
        }
        const ContactRt& x = contacts[*c];
        const ContactRt& y = contacts[*best];
        double px = EffectivePriority(x), py = EffectivePriority(y);
        if (px != py ? px > py : x.waiting_since < y.waiting_since) {
            best = c;
        }
    }
    if (!best) {
        return false;
    }
    Offer(*best, ai);
    return true;
}

void Engine::Impl::Offer(ContactIdx ci, AgentIdx ai) {
    ContactRt& c = contacts[ci];
    AgentRt& a = agents[ai];
    assert(Available(a, c.media) && "offered to an agent who may not take it");
    RemoveWaiting(ci);
    QueueRt& q = queues[c.queue];
    if (GetStrategy(q.strategy).pick == StrategyImpl::Pick::kCyclic) {
        q.rr_last = a.order;
    }
    c.stage = ContactRt::Stage::kOffered;
    c.agent = ai;
    a.ringing = ci;
    a.used[static_cast<int>(c.media)] += 1;
    Emit<events::Offer>(c.id, a.id, q.id);
    c.ring_ends = clock.Now() + q.ring_timeout;
    c.ring_timer = timers.Schedule(c.ring_ends, ContactTimer<&Impl::OnRingTimeout>(ci));
    Refresh(ai);
}

}  // namespace hotline::routing
