#include "agent_pool.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace hotline::routing {

// ---- OrderedPool ----

void OrderedPool::Insert(Slot slot, AgentIdx agent, const RankKey& key) {
    assert(!Contains(slot) && "an agent is in a pool once");
    heap_.Push(Entry{key, slot, agent}, Positions());
}

bool OrderedPool::Erase(Slot slot) {
    const uint32_t at = pos_[slot];
    if (at == kAbsent) {
        return false;
    }
    pos_[slot] = kAbsent;
    heap_.EraseAt(at, Positions());
    return true;
}

std::optional<Candidate> OrderedPool::Best() const {
    if (heap_.empty()) {
        return std::nullopt;
    }
    return Candidate{heap_.top().agent, heap_.top().key};
}

// ---- ArrivalPool: sorted doubly-linked list ----

void ArrivalPool::Insert(Slot slot, AgentIdx agent, const RankKey& key) {
    Node& n = nodes_[slot];
    assert(!n.in && "an agent is in a pool once");
    Slot after = tail_;
    while (after != kNil && key < nodes_[after].key) {
        after = nodes_[after].prev;
    }
    n.key = key;
    n.agent = agent;
    n.in = true;
    n.prev = after;
    n.next = after == kNil ? head_ : nodes_[after].next;
    (n.prev == kNil ? head_ : nodes_[n.prev].next) = slot;
    (n.next == kNil ? tail_ : nodes_[n.next].prev) = slot;
    ++size_;
}

bool ArrivalPool::Erase(Slot slot) {
    Node& n = nodes_[slot];
    if (!n.in) {
        return false;
    }
    (n.prev == kNil ? head_ : nodes_[n.prev].next) = n.next;
    (n.next == kNil ? tail_ : nodes_[n.next].prev) = n.prev;
    n.in = false;
    n.prev = n.next = kNil;
    --size_;
    return true;
}

std::optional<Candidate> ArrivalPool::Best() const {
    if (head_ == kNil) {
        return std::nullopt;
    }
    return Candidate{nodes_[head_].agent, nodes_[head_].key};
}

// ---- CyclicPool: two-level bitset ----

CyclicPool::CyclicPool(std::vector<AgentIdx> members, std::vector<int64_t> orders)
    : members_(std::move(members)),
      orders_(std::move(orders)),
      words_((members_.size() + 63) / 64, 0),
      summary_((words_.size() + 63) / 64, 0) {
    assert(members_.size() == orders_.size());
    assert(std::is_sorted(orders_.begin(), orders_.end()));
}

void CyclicPool::Insert(Slot slot) {
    uint64_t& w = words_[slot / 64];
    const uint64_t bit = uint64_t{1} << (slot % 64);
    assert(!(w & bit) && "an agent is in a pool once");
    w |= bit;
    summary_[slot / 4096] |= uint64_t{1} << ((slot / 64) % 64);
    ++count_;
}

bool CyclicPool::Erase(Slot slot) {
    uint64_t& w = words_[slot / 64];
    const uint64_t bit = uint64_t{1} << (slot % 64);
    if (!(w & bit)) {
        return false;
    }
    w &= ~bit;
    if (w == 0) {
        summary_[slot / 4096] &= ~(uint64_t{1} << ((slot / 64) % 64));
    }
    --count_;
    return true;
}

std::optional<Slot> CyclicPool::NextFrom(size_t slot) const {
    if (slot >= members_.size()) {
        return std::nullopt;
    }
    size_t word = slot / 64;
    if (uint64_t bits = words_[word] & (~uint64_t{0} << (slot % 64))) {
        return static_cast<Slot>(word * 64 + std::countr_zero(bits));
    }
    // The next non-empty word, from the summary.
    size_t next = word + 1;
    for (size_t s = next / 64; s < summary_.size(); ++s) {
        uint64_t bits = summary_[s];
        if (s == next / 64) {
            bits &= ~uint64_t{0} << (next % 64);
        }
        if (bits) {
            size_t w = s * 64 + std::countr_zero(bits);
            return static_cast<Slot>(w * 64 + std::countr_zero(words_[w]));
        }
    }
    return std::nullopt;
}

std::optional<Candidate> CyclicPool::FirstAfter(int64_t after) const {
    if (count_ == 0) {
        return std::nullopt;
    }
    size_t from = std::upper_bound(orders_.begin(), orders_.end(), after) - orders_.begin();
    std::optional<Slot> s = NextFrom(from);
    if (!s) {
        s = NextFrom(0);  // wrap around
    }
    if (!s) {
        assert(false && "a cyclic pool with members found none");
        return std::nullopt;
    }
    return Candidate{members_[*s], RankKey{orders_[*s], 0, 0}};
}

// ---- WeightedPool: Fenwick tree ----

WeightedPool::WeightedPool(std::vector<AgentIdx> members)
    : members_(std::move(members)), tree_(members_.size() + 1, 0), weight_(members_.size(), 0) {}

void WeightedPool::Add(size_t pos, int64_t delta) {
    for (size_t i = pos + 1; i < tree_.size(); i += i & (~i + 1)) {
        tree_[i] += delta;
    }
}

void WeightedPool::SetWeight(Slot slot, int64_t weight) {
    assert(slot < members_.size());
    int64_t delta = weight - weight_[slot];
    if (delta == 0) {
        return;
    }
    weight_[slot] = weight;
    total_ += delta;
    Add(slot, delta);
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
