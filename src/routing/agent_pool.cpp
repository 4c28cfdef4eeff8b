#include "agent_pool.h"

#include <cassert>

namespace hotline::routing {

std::optional<Candidate> OrderedPool::Best() const {
    if (set_.empty()) {
        return std::nullopt;
    }
    return Candidate{set_.begin()->second, set_.begin()->first};
}

std::optional<Candidate> OrderedPool::FirstAfter(int64_t after) const {
    if (set_.empty()) {
        return std::nullopt;
    }
    auto it = set_.lower_bound({RankKey{after + 1, INT64_MIN, INT64_MIN}, 0});
    if (it == set_.end()) {
        it = set_.begin();
    }
    return Candidate{it->second, it->first};
}

WeightedPool::WeightedPool(std::vector<AgentIdx> members) {
    for (AgentIdx a : members) {
        AddMember(a);
    }
}

void WeightedPool::AddMember(AgentIdx a) {
    if (pos_.contains(a)) {
        return;
    }
    pos_.emplace(a, static_cast<uint32_t>(members_.size()));
    members_.push_back(a);
    weight_.push_back(0);
    // Rebuilding keeps the tree exact; members are added only when a pool is created or an
    // agent first appears, never on the routing path.
    tree_.assign(members_.size() + 1, 0);
    for (size_t i = 0; i < members_.size(); ++i) {
        if (weight_[i] != 0) {
            Add(i, weight_[i]);
        }
    }
}

void WeightedPool::Add(size_t pos, int64_t delta) {
    for (size_t i = pos + 1; i < tree_.size(); i += i & (~i + 1)) {
        tree_[i] += delta;
    }
}

void WeightedPool::SetWeight(AgentIdx a, int64_t weight) {
    auto it = pos_.find(a);
    assert(it != pos_.end());
    size_t p = it->second;
    int64_t delta = weight - weight_[p];
    if (delta == 0) {
        return;
    }
    weight_[p] = weight;
    total_ += delta;
    Add(p, delta);
}

std::optional<AgentIdx> WeightedPool::Draw(std::mt19937_64& rng) const {
    if (total_ <= 0) {
        return std::nullopt;
    }
    int64_t target = std::uniform_int_distribution<int64_t>(0, total_ - 1)(rng);
    // Descend the Fenwick tree: the member whose cumulative weight first exceeds `target`.
    size_t pos = 0;
    size_t step = 1;
    while (step * 2 < tree_.size()) {
        step *= 2;
    }
    for (; step > 0; step /= 2) {
        if (pos + step < tree_.size() && tree_[pos + step] <= target) {
            pos += step;
            target -= tree_[pos];
        }
    }
    assert(pos < members_.size());
    return members_[pos];
}

}  // namespace hotline::routing
