#pragma once
// Ready agents that satisfy one requirement, ordered for one strategy and one media. The agents
// who may ever be in a pool are fixed — the requirement's members — so each member has a slot
// (its place in the requirement's member list) and every pool is flat arrays indexed by slot:
// nothing is allocated while routing, and taking an agent out needs no search.
//  - OrderedPool (best-ranked strategies): an indexed 4-ary min-heap; insert and erase are
//    O(log n) sift steps over one contiguous array, the best agent is its root.
//  - ArrivalPool (longest idle): agents enter in rank order — the rank is the time they became
//    free — so a sorted doubly-linked list over slots keeps them: insert at the tail, erase by
//    relinking two neighbours, the best at the head. O(1), three cache lines per change.
//  - CyclicPool (round robin): a two-level bitset over slots in configuration order; the next
//    ready agent after a position is a masked word and a summary scan.
//  - WeightedPool (random draws): a Fenwick tree of weights over slots.

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "indexed_heap.h"

namespace hotline::routing {

using AgentIdx = uint32_t;
using Slot = uint32_t;                   // a member's place in its requirement's member list
using RankKey = std::array<int64_t, 3>;  // lower is better; the last entry breaks ties by id

struct Candidate {
    AgentIdx agent;
    RankKey key;
};

class OrderedPool {
  public:
    explicit OrderedPool(size_t members = 0) : pos_(members, kAbsent) {}
    void Insert(Slot slot, AgentIdx agent, const RankKey& key);
    bool Erase(Slot slot);  // false when the slot was not in the pool
    bool Contains(Slot slot) const { return pos_[slot] != kAbsent; }
    bool empty() const { return heap_.empty(); }
    size_t size() const { return heap_.size(); }
    std::optional<Candidate> Best() const;

  private:
    static constexpr uint32_t kAbsent = UINT32_MAX;
    struct Entry {
        RankKey key;
        Slot slot;
        AgentIdx agent;
    };
    struct KeyLess {
        // Spelled out: std::array's generic comparison costs several times the instructions.
        bool operator()(const Entry& a, const Entry& b) const {
            if (a.key[0] != b.key[0]) {
                return a.key[0] < b.key[0];
            }
            if (a.key[1] != b.key[1]) {
                return a.key[1] < b.key[1];
            }
            return a.key[2] < b.key[2];
        }
    };
    auto Positions() {
        return [this](const Entry& e, uint32_t pos) { pos_[e.slot] = pos; };
    }
    IndexedHeap<Entry, KeyLess> heap_;
    std::vector<uint32_t> pos_;  // slot → heap position, kAbsent when out
};

class ArrivalPool {
  public:
    explicit ArrivalPool(size_t members) : nodes_(members) {}
    // O(1) when `key` is not below the tail's; otherwise it steps back to its place (two agents
    // freed in the same millisecond, ids out of order). Bulk fills should go in key order.
    void Insert(Slot slot, AgentIdx agent, const RankKey& key);
    bool Erase(Slot slot);  // false when the slot was not in the pool
    bool Contains(Slot slot) const { return nodes_[slot].in; }
    bool empty() const { return size_ == 0; }
    size_t size() const { return size_; }
    std::optional<Candidate> Best() const;

  private:
    static constexpr Slot kNil = UINT32_MAX;
    struct Node {
        RankKey key{};
        AgentIdx agent = 0;
        Slot prev = kNil;
        Slot next = kNil;
        bool in = false;
    };
    std::vector<Node> nodes_;
    Slot head_ = kNil;
    Slot tail_ = kNil;
    size_t size_ = 0;
};

class CyclicPool {
  public:
    // `orders` are the members' configuration positions, ascending by slot.
    CyclicPool(std::vector<AgentIdx> members, std::vector<int64_t> orders);
    void Insert(Slot slot);
    bool Erase(Slot slot);
    bool Contains(Slot slot) const { return (words_[slot / 64] >> (slot % 64)) & 1; }
    bool empty() const { return count_ == 0; }
    size_t size() const { return count_; }
    // The first member whose order is after `after`, wrapping around; key[0] is its order.
    std::optional<Candidate> FirstAfter(int64_t after) const;

  private:
    std::optional<Slot> NextFrom(size_t slot) const;  // first set slot ≥ slot, no wrap
    std::vector<AgentIdx> members_;
    std::vector<int64_t> orders_;
    std::vector<uint64_t> words_;    // bit per slot
    std::vector<uint64_t> summary_;  // bit per non-empty word
    size_t count_ = 0;
};

class WeightedPool {
  public:
    explicit WeightedPool(std::vector<AgentIdx> members);
    void SetWeight(Slot slot, int64_t weight);  // 0 removes the member from the draw
    int64_t total() const { return total_; }
    int64_t weight(Slot slot) const { return weight_[slot]; }
    std::optional<AgentIdx> Draw(std::mt19937_64& rng) const;

  private:
    void Add(size_t pos, int64_t delta);
    std::vector<AgentIdx> members_;
    std::vector<int64_t> tree_;    // Fenwick tree, 1-based
    std::vector<int64_t> weight_;  // current weight per slot
    int64_t total_ = 0;
};

}  // namespace hotline::routing
