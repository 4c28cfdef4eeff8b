#pragma once
// Ready agents that satisfy one requirement, ordered for one strategy and one media. Choosing an
// agent is O(log n) in the pool's size: ordered strategies keep a sorted set, random ones a
// Fenwick tree of weights over the requirement's (static) members.

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <unordered_map>
#include <vector>

namespace hotline::routing {

using AgentIdx = uint32_t;
using RankKey = std::array<int64_t, 3>;  // lower is better; the last entry breaks ties by id

struct Candidate {
    AgentIdx agent;
    RankKey key;
};

class OrderedPool {
  public:
    void Insert(const RankKey& key, AgentIdx a) { set_.insert({key, a}); }
    bool Erase(const RankKey& key, AgentIdx a) { return set_.erase({key, a}) == 1; }
    bool empty() const { return set_.empty(); }
    size_t size() const { return set_.size(); }
    std::optional<Candidate> Best() const;
    // Round robin: the first entry whose key[0] is after `after`, wrapping around.
    std::optional<Candidate> FirstAfter(int64_t after) const;

  private:
    std::set<std::pair<RankKey, AgentIdx>> set_;
};

class WeightedPool {
  public:
    explicit WeightedPool(std::vector<AgentIdx> members);
    void SetWeight(AgentIdx a, int64_t weight);  // 0 removes the agent from the draw
    int64_t total() const { return total_; }
    std::optional<AgentIdx> Draw(std::mt19937_64& rng) const;
    void AddMember(AgentIdx a);

  private:
    void Add(size_t pos, int64_t delta);
    std::vector<AgentIdx> members_;
    std::unordered_map<AgentIdx, uint32_t> pos_;
    std::vector<int64_t> tree_;    // Fenwick tree, 1-based
    std::vector<int64_t> weight_;  // current weight per member position
    int64_t total_ = 0;
};

}  // namespace hotline::routing
