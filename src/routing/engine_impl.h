#pragma once
// The engine's private state. Agents, queues and requirements are dense indexes; external ids
// are mapped once at the command boundary.

#include <boost/container/small_vector.hpp>
#include <boost/container_hash/hash.hpp>
#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <deque>
#include <map>
#include <memory>
#include <variant>

#include "agent_pool.h"
#include "hotline/routing/engine.h"
#include "indexed_heap.h"
#include "strategy_table.h"

namespace hotline::routing {

using QueueIdx = uint32_t;
using ReqIdx = uint32_t;
using ContactIdx = uint32_t;
using BucketIdx = uint32_t;
inline constexpr uint32_t kNone = UINT32_MAX;

// Asks for cache lines [first, first + count) of `obj` without waiting for them. In a large
// center the agent, contact, queue and bucket a command works on are cold in memory, and found
// one after another (contact -> agent -> ...): asking for all of an object's lines as soon as
// its index is known lets their trips overlap instead of paying them one by one.
inline constexpr size_t kCacheLine = 64;
template <class T>
inline void PrefetchLines(const T& obj, size_t first, size_t count) {
    const char* p = reinterpret_cast<const char*>(&obj);
    for (size_t line = first; line < first + count && line * kCacheLine < sizeof(T); ++line) {
        __builtin_prefetch(p + line * kCacheLine);
    }
}

// A contact's lists of requirements and queues: one or two entries nearly always, kept inside
// the contact (or bucket) rather than in an allocation of their own, which in a large center is
// one more cold cache line for every contact routing looks at.
using ReqList = boost::container::small_vector<ReqIdx, 2>;
using QueueList = boost::container::small_vector<QueueIdx, 2>;

// Ids are short strings; Boost's string hash is about twice as fast on them as libstdc++'s
// (3 ns against 6–7 ns for "c123456"), and every command looks one up.
struct IdHash {
    template <class Tag>
    size_t operator()(const StrongId<Tag>& id) const {
        return boost::hash<std::string>{}(id.str());
    }
};

// One contact's wrap-up on one agent. Kept on the agent, not the contact: the contact may be
// gone (hung up) or talking to someone else (transferred) while the agent still works on it.
struct WrapRt {
    InteractionId id;
    uint32_t tag = 0;  // the agent's own number for it, which its timer carries
    QueueIdx queue = kNone;
    Media media = Media::kVoice;
    Timestamp started;
    Duration handle{0};  // talk + hold, for the queue's expected handle time
    TimerId timer = 0;
    Timestamp ends;
};

// Laid out by cache line, by what routing touches: with thousands of agents and contacts each
// command finds its agent and contact cold in memory, and every line it reads is a trip to the
// shared cache or to memory (routing_cost.sh counts them). So the lines hold, in order, what a
// hang-up, a wrap-up, a refresh, an offer and an answer read and write, and the configuration
// they need is copied in. Both start on a cache line; the static_asserts below keep the sizes.
struct alignas(kCacheLine) AgentRt {
    // ---- line 0: availability and offers ----
    bool logged_in = false;
    bool want_ready = false;
    std::array<bool, kMediaCount> indexed{};  // in the pools of that media now
    AgentStateKind shown = AgentStateKind::kLoggedOut;
    bool own_wrapup = false;     // it has its own after-call work time, `wrapup`
    ContactIdx ringing = kNone;  // one offer at a time
    int talking = 0;
    std::array<int, kMediaCount> used{};      // slots taken by offers, talks and wrap-ups
    std::array<int, kMediaCount> capacity{};  // the configuration's, per media
    uint32_t wrap_tags = 0;                   // tags given to its wrap-ups so far
    int missed_in_row = 0;
    Timestamp blocked_until;  // skipped after a failed offer
    Duration wrapup{0};

    // ---- line 1: the id for events, and what a finished contact adds to ----
    AgentId id;
    Timestamp idle_since;
    int64_t calls = 0;
    int64_t talk_ms = 0;
    int64_t busy_ms = 0;

    // ---- line 2: rank inputs (they change only while the agent is out of every pool) ----
    Timestamp login_at;
    int64_t occupancy_permille = 0;  // busy / logged-in, as of the last time it became ready
    int64_t id_rank = 0;             // position in id order (ties)
    int64_t order = 0;               // position in the configuration (linear, round robin)
    Timestamp shown_since;
    TimerId block_timer = 0;
    const AgentConfig* cfg = nullptr;

    // ---- lines 3-4: requirements it satisfies, a few for most agents, inline (a freed agent
    // reads them first, to look for work) ----
    struct ReqSlot {
        ReqIdx req;
        Slot slot;            // its place among the requirement's members and so in its pools
        int32_t skill_score;  // SkillScore on the requirement, for strategies that rank by it
    };
    boost::container::small_vector<ReqSlot, 4> reqs;
    // A voice agent wraps up one contact at a time: kept inline, not in a separate allocation.
    boost::container::small_vector<WrapRt, 1> wraps;

    // ---- colder ----
    std::string reason;  // not-ready reason
};

// A contact's id and plain fields, kept apart from its vectors so that a freed slot is reset by
// one assignment while the vectors keep their storage. Line 0 is what every command on the
// contact reads, line 1 its timers and times.
struct ContactScalars {
    enum class Stage : uint8_t { kArrived, kQueued, kOffered, kTalking };
    // ---- line 0 ----
    InteractionId id;
    Stage stage = Stage::kArrived;
    bool live = false;
    bool on_hold = false;
    bool callback_offered = false;
    Channel channel = Channel::kVoice;
    Media media = Media::kVoice;
    QueueIdx queue = kNone;
    AgentIdx agent = kNone;
    BucketIdx bucket = kNone;  // while waiting; its place in the bucket is in bucket_pos
    int priority = 0;          // the contact's own, added to the queue's
    uint64_t seq = 0;          // arrival order, the last tie-break
    // ---- line 1 ----
    TimerId ring_timer = 0;
    TimerId rule_timer = 0;
    Timestamp waiting_since;  // rank time, kept across moves, failed offers and callbacks
    Timestamp queue_entry;    // entry into the current queue (time-based rules)
    Timestamp answered_at;
    Timestamp ring_ends;
    Timestamp arrived_at;
    Timestamp hold_since;
    // ---- lines 2-3, with the vectors ----
    int64_t hold_ms = 0;
    uint32_t next_time_rule = 0;
};

// Four cache lines in all: a contact's whole life (arrival, waiting, offer, talk, hang-up and the
// reset of its slot) touches no more than these.
struct alignas(kCacheLine) ContactRt : ContactScalars {
    ReqList eligibility;          // sorted: who may take it now
    Requirement extra;            // contact's own skills
    std::vector<ReqIdx> widened;  // alternatives added by overflow rules (rare)
    QueueList visited;
};
// With libstdc++'s 32-byte strings; smaller elsewhere.
static_assert(sizeof(ContactRt) <= 4 * kCacheLine, "a contact should fit in four cache lines");
static_assert(sizeof(AgentRt) <= 7 * kCacheLine, "an agent should fit in seven cache lines");

// A queue's time-triggered rule, or its max wait, in the order they fire.
struct TimeRule {
    RuleId id;  // "max_wait" for the queue's own limit
    Duration after{0};
    OverflowAction action;
};

struct Outcome {
    Timestamp at;
    bool within = false;  // answered within the SL threshold
};

// By cache line, like agents and contacts (the configuration routing needs is copied in). A
// hang-up reads line 0 of its queue, an offer and an answer lines 0-1, an arrival lines 0-2.
struct alignas(kCacheLine) QueueRt {
    // ---- line 0 ----
    QueueId id;  // for events, without a trip into the configuration
    int64_t priority = 0;
    Duration aging{0};
    Duration wrapup{0};
    double aht_ms = 0;  // moving average of handle time
    // ---- line 1 ----
    ReqIdx base_req = kNone;
    Strategy strategy = Strategy::kLongestIdle;
    Media media = Media::kVoice;
    // The bucket of contacts that wait for base_req alone, per media, once there is one.
    std::array<BucketIdx, kMediaCount> base_bucket{kNone, kNone, kNone};
    int waiting = 0;
    Duration ring_timeout{0};    // the queue's, or the center's default
    Duration outcome_window{0};  // longest window of a merge rule using this queue
    std::vector<TimeRule> time_rules;
    // ---- line 2: what else an arrival checks ----
    std::vector<const OverflowRule*> arrival_rules;  // queue_length, expected_wait
    std::vector<ReqIdx> merged_reqs;                 // from active merge rules
    int64_t rr_last = -1;                            // round robin memory
    int active_merges = 0;
    // ---- colder ----
    const QueueConfig* cfg = nullptr;
    std::vector<const OverflowRule*> no_agent_rules;
    std::deque<Outcome> outcomes;  // for merge rules' sliding window
};

// A waiting contact's place in service order: (class, rank time ms, seq), lower serves first.
// Fixed when the contact starts waiting (aging is folded into the rank time).
// It also carries what a freed agent compares across buckets (priority, waiting since), so
// choosing among the heads of many buckets reads only the heaps, not each head's contact.
struct WaitEntry {
    int64_t cls = 0;
    int64_t rank = 0;
    uint64_t seq = 0;
    int64_t since = 0;     // waiting since, ms
    int64_t priority = 0;  // queue's + contact's own
    ContactIdx contact = 0;
};
struct ServesFirst {
    bool operator()(const WaitEntry& a, const WaitEntry& b) const {
        if (a.cls != b.cls) {
            return a.cls < b.cls;
        }
        if (a.rank != b.rank) {
            return a.rank < b.rank;
        }
        return a.seq < b.seq;
    }
};

// What a freed agent compares across buckets, copied out of the bucket's head: the open-bucket
// lists hold these inline, so choosing among many buckets reads a few contiguous lines instead
// of each bucket and each head's heap.
struct BucketHead {
    int64_t priority = 0;  // queue's + contact's own
    int64_t since = 0;     // waiting since, ms
    uint64_t seq = 0;
    int64_t aging_ms = 0;
    ContactIdx contact = 0;
    BucketIdx bucket = 0;
};

// Waiting contacts of one queue, one media and one eligibility set; the one served next is the
// heap's top. (A queue mostly holds one media, but a transfer or a callback can bring another.)
// One cache line: adding, removing and publishing a head read the bucket and its heap only.
struct alignas(kCacheLine) Bucket {
    QueueIdx queue = kNone;
    Media media = Media::kVoice;
    IndexedHeap<WaitEntry, ServesFirst> contacts;
    // Its eligibility, sorted by requirement, and while it has contacts its place in each
    // requirement's open list, open_buckets[req][media].
    struct Listing {
        ReqIdx req;
        uint32_t open_pos;
    };
    boost::container::small_vector<Listing, 1> eligibility;
};
static_assert(sizeof(Bucket) <= kCacheLine, "a bucket should fit in one cache line");

struct PoolRt {
    ReqIdx req = kNone;
    Strategy strategy = Strategy::kLongestIdle;
    const StrategyImpl* impl = nullptr;
    Media media = Media::kVoice;
    // By the strategy's kind of pick; held inline, so reaching a pool is one look-up.
    std::variant<OrderedPool, ArrivalPool, CyclicPool, WeightedPool> agents;

    // The same three questions of whichever kind it is; inline, for the routing path.
    bool Erase(Slot slot);  // false when the slot was not in the pool
    bool Contains(Slot slot) const;
    std::optional<Candidate> Best() const;  // ranked pools; nullopt for cyclic and weighted
};

inline bool PoolRt::Erase(Slot slot) {
    if (auto* heap = std::get_if<OrderedPool>(&agents)) {
        return heap->Erase(slot);
    }
    if (auto* list = std::get_if<ArrivalPool>(&agents)) {
        return list->Erase(slot);
    }
    if (auto* cyclic = std::get_if<CyclicPool>(&agents)) {
        return cyclic->Erase(slot);
    }
    auto& weighted = std::get<WeightedPool>(agents);
    const bool held = weighted.weight(slot) > 0;
    weighted.SetWeight(slot, 0);
    return held;
}

inline bool PoolRt::Contains(Slot slot) const {
    if (const auto* heap = std::get_if<OrderedPool>(&agents)) {
        return heap->Contains(slot);
    }
    if (const auto* list = std::get_if<ArrivalPool>(&agents)) {
        return list->Contains(slot);
    }
    if (const auto* cyclic = std::get_if<CyclicPool>(&agents)) {
        return cyclic->Contains(slot);
    }
    return std::get<WeightedPool>(agents).weight(slot) > 0;
}

inline std::optional<Candidate> PoolRt::Best() const {
    if (const auto* heap = std::get_if<OrderedPool>(&agents)) {
        return heap->Best();
    }
    if (const auto* list = std::get_if<ArrivalPool>(&agents)) {
        return list->Best();
    }
    return std::nullopt;
}

struct MergeRt {
    const MergeRule* rule = nullptr;
    std::vector<QueueIdx> queues;
    bool active = false;
    Timestamp since;
};

// Interaction id → contact slot, in open addressing (Boost 1.81's flat set). The index holds
// only slots: a slot's key is its contact's id, read from the contact itself — the line a
// look-up needs next anyway — so a probe in a large center touches one cold line less than a
// map holding copies of the ids would. A contact's id is set before it is inserted and stays
// until it is erased.
class ContactIndex {
  public:
    explicit ContactIndex(const std::vector<ContactRt>& contacts)
        : set_(0, Hash{&contacts}, Equal{&contacts}) {}
    ContactIdx Find(const InteractionId& id) const {
        auto it = set_.find(id);
        return it == set_.end() ? kNone : *it;
    }
    void Insert(ContactIdx ci) { set_.insert(ci); }
    void Erase(ContactIdx ci) { set_.erase(ci); }
    bool Empty() const { return set_.empty(); }

  private:
    struct Hash {
        using is_transparent = void;
        const std::vector<ContactRt>* contacts;
        size_t operator()(ContactIdx ci) const { return IdHash{}((*contacts)[ci].id); }
        size_t operator()(const InteractionId& id) const { return IdHash{}(id); }
    };
    struct Equal {
        using is_transparent = void;
        const std::vector<ContactRt>* contacts;
        bool operator()(ContactIdx a, ContactIdx b) const { return a == b; }
        bool operator()(const InteractionId& id, ContactIdx ci) const {
            return (*contacts)[ci].id == id;
        }
        bool operator()(ContactIdx ci, const InteractionId& id) const {
            return (*contacts)[ci].id == id;
        }
    };
    boost::unordered_flat_set<ContactIdx, Hash, Equal> set_;
};

struct Engine::Impl {
    Impl(CenterConfig center, Clock& clock, TimerService& timers, std::mt19937_64& rng,
         EventSink& sink);

    CenterConfig center;
    Clock& clock;
    TimerService& timers;
    std::mt19937_64& rng;
    EventSink& sink;
    uint64_t next_seq = 1;

    std::vector<AgentRt> agents;
    boost::unordered_flat_map<AgentId, AgentIdx, IdHash> agent_index;
    std::vector<QueueRt> queues;
    boost::unordered_flat_map<QueueId, QueueIdx, IdHash> queue_index;
    std::vector<MergeRt> merges;

    // Requirements, interned; each with its (static) member agents.
    std::map<Requirement, ReqIdx> req_index;
    std::vector<Requirement> reqs;
    std::vector<std::vector<AgentIdx>> req_members;
    std::vector<std::array<int, kMediaCount>> staffed;  // logged-in members per media

    std::vector<PoolRt> pools;
    std::map<std::tuple<ReqIdx, Strategy, Media>, uint32_t> pool_index;
    std::vector<std::array<std::vector<uint32_t>, kMediaCount>> pools_of_req;

    std::vector<Bucket> buckets;
    std::map<std::tuple<QueueIdx, Media, ReqList>, BucketIdx, std::less<>> bucket_index;
    // Non-empty buckets by requirement and media, in no order, with their heads: where a freed
    // agent looks for work. A bucket knows its place in each list, so it leaves in O(1).
    std::vector<std::array<std::vector<BucketHead>, kMediaCount>> open_buckets;

    std::vector<ContactRt> contacts;
    std::vector<ContactIdx> free_contacts;
    // Each waiting contact's place in its bucket's heap, by slot. Kept apart from the contacts:
    // a heap step moves other contacts' entries, and writing their places here touches this
    // small array instead of one cold contact per moved entry.
    std::vector<uint32_t> bucket_pos;
    ContactIndex contact_index{contacts};

    // ---- setup (engine.cpp) ----
    void BuildQueues();
    ReqIdx Intern(const Requirement& r);
    uint32_t PoolFor(ReqIdx req, Strategy s, Media m);
    bool Satisfies(const AgentRt& a, const Requirement& r) const;

    // ---- events ----
    // While restoring a state the events that made it are already in the log: none is emitted.
    bool silent = false;
    // The event is built from `args` (its fields in order), and not at all while silent. With
    // C++20's parenthesised aggregate initialisation (g++ 10+, clang 16+) it is built in place
    // inside the variant, with no moves of its strings; older compilers (Debian's clang 14,
    // which builds the fuzz targets) build it and move it in.
    template <class T, class... Args>
    void Emit(Args&&... args) {
        if (silent) {
            return;
        }
#if defined(__cpp_aggregate_paren_init) && __cpp_aggregate_paren_init >= 201902L
        sink.OnEvent(
            Event{clock.Now(), EventBody{std::in_place_type<T>, std::forward<Args>(args)...}});
#else
        sink.OnEvent(Event{clock.Now(), EventBody{T{std::forward<Args>(args)...}}});
#endif
    }

    // A timer callback for contact `ci` that does nothing once the contact is gone and its slot
    // reused (the timers are also cancelled then; this is the second guard). Sixteen bytes —
    // this, the slot, the low half of the arrival sequence — so std::function keeps it inline
    // instead of allocating for every offer.
    template <void (Impl::*Fire)(ContactIdx)>
    auto ContactTimer(ContactIdx ci) {
        const auto seq = static_cast<uint32_t>(contacts[ci].seq);
        return [this, ci, seq] {
            if (contacts[ci].live && static_cast<uint32_t>(contacts[ci].seq) == seq) {
                (this->*Fire)(ci);
            }
        };
    }

    // ---- agents (agents.cpp) ----
    AgentRt* FindAgent(const AgentId& id);
    bool Available(const AgentRt& a, Media m) const;
    std::array<bool, kMediaCount> AvailableMedia(const AgentRt& a, Timestamp now) const;
    void Refresh(AgentIdx a);  // state event, re-index, look for work
    void Index(AgentIdx a, Media m);
    // Out of the pools of media m, if in them (inline: mostly it is not, and this is asked
    // for every media on every refresh).
    void Unindex(AgentIdx a, Media m) {
        if (agents[a].indexed[static_cast<int>(m)]) {
            LeavePools(a, m);
        }
    }
    void LeavePools(AgentIdx a, Media m);
    RankKey KeyFor(const AgentRt& a, const PoolRt& p, int64_t skill_score) const;
    void EnterPool(PoolRt& pool, const AgentRt& a, AgentIdx ai, Slot slot, int64_t skill_score);
    void SetStaffed(AgentIdx a, int delta);
    void BlockAfterFailedOffer(AgentIdx a);
    // A state asked for while the agent works: recorded as an event, so it survives a restart.
    void EmitPending(const AgentRt& a);
    AgentStateKind ComputeShown(const AgentRt& a) const;

    // ---- matching (dispatch.cpp) ----
    std::optional<AgentIdx> ChooseAgent(const ContactRt& c);
    std::vector<std::pair<uint32_t, int64_t>> scratch_weighted;
    std::optional<ContactIdx> ChooseContact(const AgentRt& a, Media m) const;
    void TryContact(ContactIdx c);
    // Offers the agent the best contact waiting in the media it is free for; false if none.
    bool TryAgent(AgentIdx a, const std::array<bool, kMediaCount>& media);
    void Offer(ContactIdx c, AgentIdx a);
    double EffectivePriority(const ContactRt& c) const;
    double EffectivePriority(const BucketHead& h, int64_t now_ms) const;
    uint32_t PoolOf(ReqIdx req, Strategy s, Media m);  // PoolFor without the map, once it exists

    // ---- waiting contacts (waiting.cpp) ----
    ReqList scratch_eligibility;
    ContactRt* FindContact(const InteractionId& id);
    ContactIdx NewContact();
    void FreeContact(ContactIdx c);
    void RecomputeEligibility(ContactIdx c);
    void AddWaiting(ContactIdx c);
    BucketIdx BucketFor(const ContactRt& c);  // finds or makes the contact's bucket
    void RemoveWaiting(ContactIdx c);
    auto BucketPositions() {
        return [this](const WaitEntry& e, uint32_t pos) { bucket_pos[e.contact] = pos; };
    }
    void OpenBucket(BucketIdx b);
    void CloseBucket(BucketIdx b);
    void PublishHead(BucketIdx b);  // after the bucket's head changed
    BucketHead HeadOf(BucketIdx b) const;
    void EnterQueue(ContactIdx c, QueueIdx q, bool fresh_arrival);
    Duration ExpectedWait(QueueIdx q) const;

    // ---- offers, talk and wrap-up (offers.cpp) ----
    void OnRingTimeout(ContactIdx c);
    // The words of the event's fixed vocabularies (why, by, stage, reason) come as literals, so
    // each is built once, inside the event, and not first as a string argument.
    void FailOffer(ContactIdx c, const char* why);
    void ReturnToQueue(ContactIdx c);
    void StartWrapup(AgentIdx a, ContactRt& c);
    // Ends the agent's wrap-up number `wrap` (its place in the agent's list).
    void EndWrapup(AgentIdx a, size_t wrap, const std::string& disposition,
                   const std::string& notes = {});
    // The end of a wrap-up already taken out of the list (or never in it: no after-call work).
    void FinishWrapup(AgentIdx a, WrapRt&& w, const std::string& disposition,
                      const std::string& notes);
    // The timer carries the wrap-up's tag, not its id: sixteen bytes, kept inline by
    // std::function instead of allocated for every call.
    TimerId ScheduleWrapEnd(AgentIdx a, uint32_t tag, Timestamp at);
    uint32_t NextWrapTag(AgentRt& a) { return ++a.wrap_tags; }
    // After-call work for a contact of queue `q`: the agent's own time, else the queue's.
    Duration WrapupTime(const AgentRt& a, QueueIdx q) const {
        return a.own_wrapup ? a.wrapup : queues[q].wrapup;
    }
    void EndContact(ContactIdx c, const char* by, const char* stage, const char* reason);

    // ---- overflow (overflow.cpp) ----
    void ScheduleTimeRule(ContactIdx c);
    void OnTimeRule(ContactIdx c);
    void ApplyArrivalRules(ContactIdx c);
    void ApplyNoAgentRules(QueueIdx q);
    // Returns false when the contact left its queue (moved or ended).
    bool ApplyAction(ContactIdx c, const RuleId& rule, const OverflowAction& action);
    bool Staffed(const ContactRt& c) const;
    std::vector<ContactIdx> WaitingIn(QueueIdx q) const;

    // ---- group merging (merge.cpp) ----
    void ScheduleMergeCheck(size_t m);
    void CheckMerge(size_t m);
    void RecordOutcome(QueueIdx q, bool answered, Duration waited);
    std::optional<double> WindowServiceLevel(QueueIdx q, Duration window);
    void SetMerged(size_t m, bool active, const std::string& why);
};

}  // namespace hotline::routing
