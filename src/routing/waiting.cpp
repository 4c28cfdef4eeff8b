// Waiting contacts: their eligibility (who may take them), their buckets in service order, and
// entering a queue.
#include <algorithm>
#include <cassert>

#include "engine_impl.h"

namespace hotline::routing {
namespace {

std::vector<std::string> SkillStrings(const Requirement& r) {
    std::vector<std::string> out;
    for (const SkillLevel& s : r) {
        out.push_back(s.skill.str() + ":" + std::to_string(s.level));
    }
    return out;
}

Requirement Combine(const Requirement& a, const Requirement& b) {
    if (b.empty()) {
        return a;
    }
    Requirement r = a;
    r.insert(r.end(), b.begin(), b.end());
    return NormalizeRequirement(std::move(r));
}

}  // namespace

ContactRt* Engine::Impl::FindContact(const InteractionId& id) {
    const ContactIdx ci = contact_index.Find(id);
    return ci == kNone ? nullptr : &contacts[ci];
}

ContactIdx Engine::Impl::NewContact() {
    ContactIdx ci;
    if (!free_contacts.empty()) {
        ci = free_contacts.back();
        free_contacts.pop_back();  // reset by FreeContact
    } else {
        ci = static_cast<ContactIdx>(contacts.size());
        contacts.emplace_back();
        bucket_pos.push_back(0);
    }
    contacts[ci].live = true;
    contacts[ci].seq = next_seq++;
    return ci;
}

void Engine::Impl::FreeContact(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    if (c.rule_timer) {
        timers.Cancel(c.rule_timer);
    }
    if (c.ring_timer) {
        timers.Cancel(c.ring_timer);
    }
    contact_index.Erase(ci);
    // Reset, but keep the vectors' storage for the next contact in this slot: a contact's life
    // then allocates nothing here.
    static_cast<ContactScalars&>(c) = ContactScalars{};
    c.eligibility.clear();
    c.extra.clear();
    c.widened.clear();
    c.visited.clear();
    free_contacts.push_back(ci);
}

void Engine::Impl::RecomputeEligibility(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    const QueueRt& q = queues[c.queue];
    ReqList& elig = scratch_eligibility;  // reused: no allocation per contact
    elig.clear();
    elig.push_back(c.extra.empty() ? q.base_req : Intern(Combine(q.cfg->skills, c.extra)));
    for (ReqIdx r : q.merged_reqs) {
        elig.push_back(c.extra.empty() ? r : Intern(Combine(reqs[r], c.extra)));
    }
    elig.insert(elig.end(), c.widened.begin(), c.widened.end());
    std::sort(elig.begin(), elig.end());
    elig.erase(std::unique(elig.begin(), elig.end()), elig.end());
    if (elig == c.eligibility) {
        return;
    }
    bool waiting = c.bucket != kNone;
    if (waiting) {
        RemoveWaiting(ci);
    }
    c.eligibility.assign(elig.begin(), elig.end());
    if (waiting) {
        AddWaiting(ci);
    }
}

BucketIdx Engine::Impl::BucketFor(const ContactRt& c) {
    // Most contacts wait for exactly their queue's own pool: that bucket is remembered per queue
    // and media, so the common case costs no search over vectors of requirements.
    QueueRt& q = queues[c.queue];
    const int m = static_cast<int>(c.media);
    const bool plain = c.eligibility.size() == 1 && c.eligibility[0] == q.base_req;
    if (plain && q.base_bucket[m] != kNone) {
        return q.base_bucket[m];
    }
    auto it = bucket_index.find(std::tie(c.queue, c.media, c.eligibility));
    if (it == bucket_index.end()) {
        it = bucket_index
                 .emplace(std::make_tuple(c.queue, c.media, c.eligibility),
                          BucketIdx(buckets.size()))
                 .first;
        Bucket bucket;
        bucket.queue = c.queue;
        bucket.media = c.media;
        for (ReqIdx r : c.eligibility) {
            bucket.eligibility.push_back({r, 0});
        }
        buckets.push_back(std::move(bucket));
    }
    if (plain) {
        q.base_bucket[m] = it->second;
    }
    return it->second;
}

void Engine::Impl::AddWaiting(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    assert(c.bucket == kNone);
    const BucketIdx b = BucketFor(c);
    Bucket& bucket = buckets[b];
    const QueueRt& q = queues[c.queue];
    const int64_t p = q.priority + c.priority;
    const int64_t since = ToMillis(c.waiting_since);
    // With aging, a priority point is worth `aging` of waiting: the order is fixed at entry.
    const int64_t aging = q.aging.count();
    const WaitEntry entry = aging > 0 ? WaitEntry{0, since - p * aging, c.seq, since, p, ci}
                                      : WaitEntry{-p, since, c.seq, since, p, ci};
    const bool was_empty = bucket.contacts.empty();
    bucket.contacts.Push(entry, BucketPositions());
    c.bucket = b;
    if (was_empty) {
        OpenBucket(b);
    } else if (bucket.contacts.top().contact == ci) {
        PublishHead(b);  // it goes first: the listed head changes
    }
    c.stage = ContactRt::Stage::kQueued;
    queues[c.queue].waiting += 1;
}

void Engine::Impl::RemoveWaiting(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    if (c.bucket == kNone) {
        return;
    }
    Bucket& bucket = buckets[c.bucket];
    // Mostly it is the head, being offered: the heap's top says so without a look into the
    // (cold) place array.
    const bool was_head = bucket.contacts.top().contact == ci;
    const uint32_t pos = was_head ? 0 : bucket_pos[ci];
    assert(bucket.contacts.at(pos).contact == ci);
    bucket.contacts.EraseAt(pos, BucketPositions());
    if (bucket.contacts.empty()) {
        CloseBucket(c.bucket);
    } else if (was_head) {
        PublishHead(c.bucket);
    }
    c.bucket = kNone;
    queues[c.queue].waiting -= 1;
}

BucketHead Engine::Impl::HeadOf(BucketIdx b) const {
    const Bucket& bucket = buckets[b];
    const WaitEntry& top = bucket.contacts.top();
    const int64_t aging_ms = queues[bucket.queue].aging.count();
    return BucketHead{top.priority, top.since, top.seq, aging_ms, top.contact, b};
}

void Engine::Impl::OpenBucket(BucketIdx b) {
    Bucket& bucket = buckets[b];
    const BucketHead head = HeadOf(b);
    for (Bucket::Listing& listing : bucket.eligibility) {
        auto& open = open_buckets[listing.req][static_cast<int>(bucket.media)];
        listing.open_pos = static_cast<uint32_t>(open.size());
        open.push_back(head);
    }
}

void Engine::Impl::PublishHead(BucketIdx b) {
    const Bucket& bucket = buckets[b];
    const BucketHead head = HeadOf(b);
    for (const Bucket::Listing& listing : bucket.eligibility) {
        open_buckets[listing.req][static_cast<int>(bucket.media)][listing.open_pos] = head;
    }
}

void Engine::Impl::CloseBucket(BucketIdx b) {
    const Bucket& bucket = buckets[b];
    for (const Bucket::Listing& listing : bucket.eligibility) {
        const ReqIdx r = listing.req;
        auto& open = open_buckets[r][static_cast<int>(bucket.media)];
        // The last open bucket of this requirement takes the leaving one's place.
        const uint32_t pos = listing.open_pos;
        const BucketIdx moved = open.back().bucket;
        open[pos] = open.back();
        open.pop_back();
        if (moved != b) {
            Bucket& other = buckets[moved];
            auto at =
                std::lower_bound(other.eligibility.begin(), other.eligibility.end(), r,
                                 [](const Bucket::Listing& l, ReqIdx req) { return l.req < req; });
            assert(at != other.eligibility.end() && at->req == r);
            at->open_pos = pos;
        }
    }
}

bool Engine::Impl::Staffed(const ContactRt& c) const {
    return std::any_of(c.eligibility.begin(), c.eligibility.end(),
                       [&](ReqIdx r) { return staffed[r][static_cast<int>(c.media)] > 0; });
}

Duration Engine::Impl::ExpectedWait(QueueIdx qi) const {
    const QueueRt& q = queues[qi];
    const int agents_on = std::max(1, staffed[q.base_req][static_cast<int>(q.media)]);
    // Erlang-free estimate: the contacts ahead, served by the logged-in agents at the
    // queue's average handle time. Good enough to trigger overflow; WFM does the real math.
    return Duration{static_cast<int64_t>((q.waiting + 1) * q.aht_ms / agents_on)};
}

std::vector<ContactIdx> Engine::Impl::WaitingIn(QueueIdx q) const {
    std::vector<ContactIdx> out;
    for (auto it = bucket_index.lower_bound({q, Media::kVoice, {}});
         it != bucket_index.end() && std::get<0>(it->first) == q; ++it) {
        for (const WaitEntry& e : buckets[it->second].contacts) {
            out.push_back(e.contact);
        }
    }
    std::sort(out.begin(), out.end(),
              [&](ContactIdx a, ContactIdx b) { return contacts[a].seq < contacts[b].seq; });
    return out;
}

void Engine::Impl::EnterQueue(ContactIdx ci, QueueIdx qi, bool fresh_arrival) {
    ContactRt& c = contacts[ci];
    const Timestamp now = clock.Now();
    c.queue = qi;
    c.queue_entry = now;
    c.visited.push_back(qi);
    c.next_time_rule = 0;
    c.callback_offered = false;
    c.stage = ContactRt::Stage::kQueued;
    std::optional<int64_t> since;
    if (c.waiting_since != now) {
        since = ToMillis(c.waiting_since);
    }
    Emit<events::Enqueue>(c.id, queues[qi].id, c.priority, SkillStrings(c.extra), since);
    c.eligibility.clear();
    RecomputeEligibility(ci);
    if (fresh_arrival) {
        ApplyArrivalRules(ci);
        // A rule may have moved the contact on, ended it, or (widening) already offered it.
        if (!c.live || c.queue != qi || c.stage != ContactRt::Stage::kQueued) {
            return;
        }
    }
    // A contact an agent is free for goes to it at once, without entering a bucket (which would
    // open and close again for nothing). Same choice, same timers in the same order as waiting
    // first and then looking.
    const std::optional<AgentIdx> agent = ChooseAgent(c);
    if (!agent) {
        AddWaiting(ci);
    }
    ScheduleTimeRule(ci);
    if (agent) {
        Offer(ci, *agent);
    }
}

}  // namespace hotline::routing
