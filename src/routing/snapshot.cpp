// The realtime view (wallboard) and the invariant check.
#include <algorithm>
#include <array>

#include "engine_impl.h"

namespace hotline::routing {

std::string_view AgentStateName(AgentStateKind s) {
    static constexpr std::array<std::string_view, kAgentStateCount> kNames = {
        "logged_out", "ready", "not_ready", "reserved", "busy", "wrapup"};
    return kNames[static_cast<size_t>(s)];
}

namespace {

AgentView ViewOf(const AgentRt& a, Timestamp now) {
    return {a.id, a.shown, a.shown == AgentStateKind::kNotReady ? a.reason : "",
            now - a.shown_since, a.used[0] + a.used[1] + a.used[2]};
}

}  // namespace

std::optional<AgentView> Engine::Agent(const AgentId& id) const {
    const Impl& s = *impl_;
    auto it = s.agent_index.find(id);
    if (it == s.agent_index.end()) {
        return std::nullopt;
    }
    return ViewOf(s.agents[it->second], s.clock.Now());
}

std::optional<QueuePlace> Engine::Place(const InteractionId& id) const {
    const Impl& s = *impl_;
    const ContactIdx ci = s.contact_index.Find(id);
    if (ci == kNone) {
        return std::nullopt;
    }
    const ContactRt& c = s.contacts[ci];
    if (c.stage != ContactRt::Stage::kQueued || c.bucket == kNone) {
        return std::nullopt;
    }
    const WaitEntry& mine = s.buckets[c.bucket].contacts.at(s.bucket_pos[ci]);
    QueuePlace place;
    place.queue = s.queues[c.queue].id;
    // Everyone in this queue's buckets who is served before this contact.
    for (auto b = s.bucket_index.lower_bound({c.queue, Media::kVoice, {}});
         b != s.bucket_index.end() && std::get<0>(b->first) == c.queue; ++b) {
        for (const WaitEntry& e : s.buckets[b->second].contacts) {
            place.ahead += ServesFirst{}(e, mine);
        }
    }
    const QueueRt& q = s.queues[c.queue];
    const int agents_on = std::max(1, s.staffed[q.base_req][static_cast<int>(q.media)]);
    place.expected_wait = Duration{static_cast<int64_t>((place.ahead + 1) * q.aht_ms / agents_on)};
    return place;
}

RealtimeSnapshot Engine::Snapshot() const {
    const Impl& s = *impl_;
    RealtimeSnapshot snap;
    snap.at = s.clock.Now();
    for (QueueIdx qi = 0; qi < s.queues.size(); ++qi) {
        const QueueRt& q = s.queues[qi];
        QueueView v;
        v.id = q.cfg->id;
        v.waiting = q.waiting;
        v.expected_wait = s.ExpectedWait(qi);
        v.merged = q.active_merges > 0;
        for (ContactIdx ci : s.WaitingIn(qi)) {
            v.longest_wait = std::max(v.longest_wait, snap.at - s.contacts[ci].queue_entry);
        }
        for (AgentIdx a : s.req_members[q.base_req]) {
            v.agents[static_cast<int>(s.agents[a].shown)]++;
        }
        snap.queues.push_back(v);
    }
    for (const AgentRt& a : s.agents) {
        snap.agents.push_back(ViewOf(a, snap.at));
    }
    return snap;
}

Status Engine::CheckInvariants() const {
    const Impl& s = *impl_;
    const Timestamp now = s.clock.Now();
    auto fail = [](const std::string& what) { return Internal("invariant: " + what); };
    // One pass over the contacts for what each agent is talking on.
    std::vector<std::array<int, kMediaCount>> talking_media(s.agents.size());
    std::vector<int> talking(s.agents.size(), 0);
    for (const ContactRt& c : s.contacts) {
        if (c.live && c.stage == ContactRt::Stage::kTalking) {
            talking_media[c.agent][static_cast<int>(c.media)]++;
            talking[c.agent]++;
        }
    }
    for (AgentIdx ai = 0; ai < s.agents.size(); ++ai) {
        const AgentRt& a = s.agents[ai];
        std::array<int, kMediaCount> used = talking_media[ai];
        if (a.ringing != kNone) {
            const ContactRt& c = s.contacts[a.ringing];
            if (!c.live || c.stage != ContactRt::Stage::kOffered || c.agent != ai) {
                return fail(a.id.str() + " rings for a contact not offered to it");
            }
            if (c.ring_ends < now) {
                return fail(a.id.str() + " still reserved past its ring timeout");
            }
            used[static_cast<int>(c.media)]++;
        }
        for (const WrapRt& w : a.wraps) {
            if (w.ends < now) {
                return fail(a.id.str() + " still in wrap-up past its timer");
            }
            used[static_cast<int>(w.media)]++;
        }
        if (talking[ai] != a.talking) {
            return fail(a.id.str() + " talking count is off");
        }
        for (int m = 0; m < kMediaCount; ++m) {
            if (used[m] != a.used[m]) {
                return fail(a.id.str() + " slot count is off");
            }
            if (a.used[m] > a.cfg->capacity[m]) {
                return fail(a.id.str() + " holds more than its capacity");
            }
            if (a.indexed[m] != s.Available(a, static_cast<Media>(m))) {
                return fail(a.id.str() + " pool membership disagrees with availability");
            }
        }
        if (a.shown != s.ComputeShown(a)) {
            return fail(a.id.str() + " shows a stale state");
        }
        if (!a.logged_in && (a.ringing != kNone || a.talking > 0)) {
            return fail(a.id.str() + " works while logged out");
        }
    }
    // Every pool holds exactly its requirement's members who are free for its media, and the
    // ordered ones offer the agent with the truly best rank.
    for (const PoolRt& pool : s.pools) {
        const std::vector<AgentIdx>& members = s.req_members[pool.req];
        std::optional<RankKey> best;
        for (Slot slot = 0; slot < members.size(); ++slot) {
            const AgentRt& a = s.agents[members[slot]];
            const bool in = pool.Contains(slot);
            if (in != a.indexed[static_cast<int>(pool.media)]) {
                return fail(a.id.str() + " is in a pool it should not be in, or missing from one");
            }
            if (in && pool.impl->rank) {
                const RankKey key = s.KeyFor(a, pool, SkillScore(a, s.reqs[pool.req]));
                best = best ? std::min(*best, key) : key;
            }
        }
        const StrategyImpl::Pick pick = pool.impl->pick;
        if (pick != StrategyImpl::Pick::kBest && pick != StrategyImpl::Pick::kArrival) {
            continue;
        }
        const std::optional<Candidate> top = pool.Best();
        if (top.has_value() != best.has_value() || (top && top->key != *best)) {
            return fail("a pool's best agent is not the best-ranked free agent");
        }
    }
    std::vector<int> waiting(s.queues.size(), 0);
    for (const ContactRt& c : s.contacts) {
        if (!c.live || c.stage != ContactRt::Stage::kQueued) {
            continue;
        }
        if (c.bucket == kNone) {
            return fail(c.id.str() + " waits outside every bucket");
        }
        waiting[c.queue]++;
    }
    for (QueueIdx q = 0; q < s.queues.size(); ++q) {
        if (waiting[q] != s.queues[q].waiting) {
            return fail("waiting count of a queue is off");
        }
    }
    std::vector<std::array<size_t, kMediaCount>> open_count(s.open_buckets.size());
    for (BucketIdx b = 0; b < s.buckets.size(); ++b) {
        const auto& heap = s.buckets[b].contacts;
        for (size_t pos = 0; pos < heap.size(); ++pos) {
            const ContactRt& c = s.contacts[heap.at(pos).contact];
            if (!c.live || c.bucket != b || c.stage != ContactRt::Stage::kQueued) {
                return fail("a bucket holds a contact that is not waiting in it");
            }
            if (s.bucket_pos[heap.at(pos).contact] != pos) {
                return fail(c.id.str() + " has lost its place in its bucket");
            }
            if (pos > 0 && ServesFirst{}(heap.at(pos), heap.at(heap.Parent(pos)))) {
                return fail("a bucket's heap is out of order");
            }
        }
        const bool open = !s.buckets[b].contacts.empty();
        // Work-conserving: nobody who may take a waiting contact sits free. Contacts of one
        // bucket share their eligibility, so checking the bucket covers them all.
        if (!open) {
            continue;
        }
        for (const Bucket::Listing& listing : s.buckets[b].eligibility) {
            for (AgentIdx a : s.req_members[listing.req]) {
                if (s.Available(s.agents[a], s.buckets[b].media)) {
                    return fail(s.contacts[s.buckets[b].contacts.top().contact].id.str() +
                                " waits while " + s.agents[a].id.str() + " is free for it");
                }
            }
        }
        const Bucket& bucket = s.buckets[b];
        for (const Bucket::Listing& listing : bucket.eligibility) {
            const auto& list = s.open_buckets[listing.req][static_cast<int>(bucket.media)];
            if (listing.open_pos >= list.size() || list[listing.open_pos].bucket != b) {
                return fail("an open bucket is missing from the open-bucket index");
            }
            const BucketHead& listed = list[listing.open_pos];
            if (listed.contact != heap.top().contact || listed.seq != heap.top().seq) {
                return fail("the open-bucket index shows a stale head");
            }
            open_count[listing.req][static_cast<int>(bucket.media)]++;
        }
    }
    // Every open bucket is listed (above), so equal counts mean nothing else is.
    for (ReqIdx r = 0; r < s.open_buckets.size(); ++r) {
        for (int m = 0; m < kMediaCount; ++m) {
            if (s.open_buckets[r][m].size() != open_count[r][m]) {
                return fail("the open-bucket index lists a bucket that is empty");
            }
        }
    }
    return Status::Ok();
}

}  // namespace hotline::routing
