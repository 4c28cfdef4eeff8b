// The contact half of the aggregator: follows each interaction through its queue visits and its
// agents' legs and adds what happened to the buckets of the interval it arrived in.
#include <algorithm>
#include <variant>

#include "aggregator_state.h"
#include "hotline/metrics/calendar.h"

namespace hotline::metrics {
namespace {

constexpr int64_t kSurveyRetentionMs = 24LL * 3600 * 1000;

int64_t BucketOf(int64_t ms) {
    // Floor division: timestamps before 1970 still land in the bucket that contains them.
    int64_t b = ms / kBaseBucketMs;
    return (ms % kBaseBucketMs < 0) ? b - 1 : b;
}

struct ContactVisitor {
    Aggregator::State& s;
    int64_t ts;

    ContactState* Find(const InteractionId& id) {
        auto it = s.contacts.find(id.str());
        if (it == s.contacts.end()) {
            ++s.events_unmatched;
            return nullptr;
        }
        return &it->second;
    }
    // A log may start with a contact already queued: its first event introduces it.
    ContactState& FindOrStart(const InteractionId& id) {
        auto [it, inserted] = s.contacts.try_emplace(id.str());
        if (inserted) {
            it->second.arrive_ms = ts;
            it->second.bucket = BucketOf(ts);
        }
        return it->second;
    }

    // Applies `add` to the contact's queue bucket, its agent's bucket (if any) and the total.
    template <class F>
    void AddToAll(const ContactState& c, int32_t queue, int32_t agent, F&& add) {
        if (queue != kNone) {
            add(s.QueueContacts(c.bucket, queue));
        }
        if (agent != kNone) {
            add(s.AgentContacts(c.bucket, agent));
        }
        add(s.TotalContacts(c.bucket));
    }

    void operator()(const events::Arrive& e) {
        ContactState& c = FindOrStart(e.id);
        c.arrive_ms = ts;
        c.bucket = BucketOf(ts);
        if (e.direction == "out") {
            return;  // a callback or outbound call is no repeat contact
        }
        c.customer = !e.customer.empty() ? e.customer : e.from;
        if (c.customer.empty()) {
            return;
        }
        auto it = s.customers.find(c.customer);
        if (it == s.customers.end()) {
            return;
        }
        CustomerHistory& h = it->second;
        if (!h.repeated && ts - h.answered_arrive_ms <= s.options.fcr_window.count()) {
            h.repeated = true;
            ContactState prev;
            prev.bucket = h.bucket;
            AddToAll(prev, h.queue, h.agent, [](ContactCounters& k) { ++k.fcr_repeats; });
        }
    }

    void operator()(const events::Enqueue& e) {
        ContactState& c = FindOrStart(e.id);
        c.queue = s.queues.Intern(e.queue.str());
        c.enqueue_ms = ts;
        c.visit_answered = false;
        ++s.QueueContacts(c.bucket, c.queue).offered;
        if (!c.entered_queue) {
            c.entered_queue = true;
            c.first_since_ms = e.since.value_or(ts);
            ++s.TotalContacts(c.bucket).offered;
        }
    }

    // The visit ends without an answer or an abandon (moved, callback, ended by the system).
    template <class Field>
    void EndVisitUnserved(ContactState& c, Field field) {
        if (c.queue == kNone || c.visit_answered) {
            return;
        }
        ++(s.QueueContacts(c.bucket, c.queue).*field);
        ++(s.TotalContacts(c.bucket).*field);  // the total shows how many moves and callbacks
        c.queue = kNone;
    }

    void operator()(const events::Overflow& e) {
        ContactState* c = Find(e.id);
        if (c == nullptr || e.action == "widen" || e.action == "callback") {
            return;  // same visit; a callback request ends it when the caller accepts
        }
        if (e.action == "move") {
            EndVisitUnserved(*c, &ContactCounters::overflowed);
        } else {  // voicemail, message, hangup; imports: timeout, key, empty
            EndVisitUnserved(*c, &ContactCounters::ended_other);
        }
    }

    // Offers and failed offers count for the agent offered, in the contact's interval.
    void CountOffer(const InteractionId& id, const AgentId& agent_id,
                    int64_t AgentCounters::*field) {
        ContactState* c = Find(id);
        if (c == nullptr) {
            return;
        }
        const int32_t agent = s.agents.Intern(agent_id.str());
        ++(s.agent_buckets[Aggregator::State::Key(c->bucket, agent)].agents.*field);
        ++(s.total_buckets[c->bucket].agents.*field);
    }
    void operator()(const events::Offer& e) { CountOffer(e.id, e.agent, &AgentCounters::offers); }
    void operator()(const events::OfferFail& e) {
        CountOffer(e.id, e.agent, &AgentCounters::offers_failed);
    }

    void operator()(const events::Answer& e) {
        ContactState* c = Find(e.id);
        if (c == nullptr) {
            return;
        }
        int32_t agent = s.agents.Intern(e.agent.str());
        Leg leg;
        leg.agent = agent;
        leg.answer_ms = ts;
        leg.queue = c->queue != kNone ? c->queue : c->answer_queue;
        if (c->queue != kNone && !c->visit_answered) {
            c->visit_answered = true;
            const int64_t wait = ts - c->enqueue_ms;
            const bool within = wait <= s.options.service_level_threshold.count();
            auto count = [&](ContactCounters& k) {
                ++k.answered;
                k.wait_answered_ms += wait;
                k.longest_wait_ms = std::max(k.longest_wait_ms, wait);
                k.answer_time_ms += ts - c->arrive_ms;
                if (within) {
                    ++k.answered_within;
                }
                if (wait > 0) {
                    ++k.waited;
                }
            };
            count(s.QueueContacts(c->bucket, c->queue));
            count(s.AgentContacts(c->bucket, agent));
        }
        // The center's total counts answers of contacts that were offered (entered a queue): an
        // answer the log gives without any enqueue (a log cut short, or a foreign one) would
        // otherwise make more answered than offered.
        if (!c->answered && c->entered_queue) {
            c->answered = true;
            c->answer_queue = leg.queue;
            c->answer_agent = agent;
            ContactCounters& t = s.TotalContacts(c->bucket);
            const int64_t wait = ts - c->first_since_ms;
            ++t.answered;
            t.wait_answered_ms += wait;
            t.longest_wait_ms = std::max(t.longest_wait_ms, wait);
            t.answer_time_ms += ts - c->arrive_ms;
            if (wait <= s.options.service_level_threshold.count()) {
                ++t.answered_within;
            }
            if (wait > 0) {
                ++t.waited;
            }
            if (!c->customer.empty()) {
                AddToAll(*c, leg.queue, agent, [](ContactCounters& k) { ++k.fcr_eligible; });
                s.customers[c->customer] =
                    CustomerHistory{c->arrive_ms, c->bucket, leg.queue, agent, false};
            }
        }
        c->legs.push_back(leg);
    }

    void operator()(const events::Hold& e) {
        ContactState* c = Find(e.id);
        Leg* leg = c != nullptr ? c->FindLeg(s.agents.Intern(e.agent.str())) : nullptr;
        if (leg != nullptr && leg->hold_since_ms < 0 && leg->talk_end_ms < 0) {
            leg->hold_since_ms = ts;
        }
    }

    void operator()(const events::Unhold& e) {
        ContactState* c = Find(e.id);
        Leg* leg = c != nullptr ? c->FindLeg(s.agents.Intern(e.agent.str())) : nullptr;
        if (leg == nullptr || leg->hold_since_ms < 0) {
            return;
        }
        leg->hold_ms += ts - leg->hold_since_ms;
        s.AddAgentHold(leg->agent, leg->hold_since_ms, ts);
        leg->hold_since_ms = -1;
    }

    void operator()(const events::Transfer& e) {
        ContactState* c = Find(e.id);
        if (c == nullptr) {
            return;
        }
        Leg* leg = c->FindLeg(s.agents.Intern(e.agent.str()));
        if (leg == nullptr || leg->talk_end_ms >= 0) {
            return;
        }
        AddToAll(*c, leg->queue, leg->agent, [](ContactCounters& k) { ++k.transfers; });
        s.FinishTalk(*c, *leg, ts);
        c->queue = kNone;  // a transfer to a queue starts a new visit with its enqueue
    }

    void Abandon(ContactState& c) {
        const int64_t wait = ts - c.enqueue_ms;
        const int64_t t = s.options.service_level_threshold.count();
        const int64_t short_ms = s.options.short_abandon.count();
        auto count = [&](ContactCounters& k, int64_t w) {
            ++k.abandoned;
            k.wait_abandoned_ms += w;
            k.longest_wait_ms = std::max(k.longest_wait_ms, w);
            if (w <= short_ms) {
                ++k.short_abandoned;
            }
            if (w <= t) {
                ++k.abandoned_within;
            }
            if (w > 0) {
                ++k.waited;
            }
        };
        count(s.QueueContacts(c.bucket, c.queue), wait);
        c.queue = kNone;
        if (!c.answered && !c.abandoned) {
            c.abandoned = true;
            count(s.TotalContacts(c.bucket), ts - c.first_since_ms);
        }
    }

    void operator()(const events::Abandon& e) {
        ContactState* c = Find(e.id);
        if (c != nullptr && c->queue != kNone && !c->visit_answered) {
            Abandon(*c);
        }
    }

    void operator()(const events::CallbackRequest& e) {
        ContactState* c = Find(e.id);
        if (c == nullptr) {
            return;
        }
        EndVisitUnserved(*c, &ContactCounters::callbacks);
    }

    void operator()(const events::Hangup& e) {
        ContactState* c = Find(e.id);
        if (c == nullptr) {
            return;
        }
        if (c->queue != kNone && !c->visit_answered) {
            // The engine reports a caller leaving the queue as an abandon first; a log without
            // one (an import) still counts the caller as abandoned.
            if (e.by == "customer") {
                Abandon(*c);
            } else {
                EndVisitUnserved(*c, &ContactCounters::ended_other);
            }
        }
        for (Leg& leg : c->legs) {
            if (leg.talk_end_ms < 0) {
                s.FinishTalk(*c, leg, ts);
            }
        }
        c->ended = true;
        s.MaybeRetire(e.id.str(), *c, ts);
    }

    void operator()(const events::WrapupEnd& e) {
        auto it = s.contacts.find(e.id.str());
        if (it == s.contacts.end()) {
            ++s.events_unmatched;
            return;
        }
        ContactState& c = it->second;
        int32_t agent = s.agents.Intern(e.agent.str());
        auto leg = std::find_if(c.legs.begin(), c.legs.end(), [&](const Leg& l) {
            return l.agent == agent && l.talk_end_ms >= 0;
        });
        if (leg == c.legs.end()) {
            return;
        }
        const int64_t acw = ts - leg->talk_end_ms;
        AddToAll(c, leg->queue, agent, [&](ContactCounters& k) { k.acw_ms += acw; });
        c.legs.erase(leg);
        s.MaybeRetire(e.id.str(), c, ts);
    }

    void operator()(const events::Survey& e) {
        FinishedContact where;
        if (auto it = s.contacts.find(e.id.str()); it != s.contacts.end()) {
            where = {it->second.bucket, it->second.answer_queue, it->second.answer_agent};
        } else if (auto f = s.finished.find(e.id.str()); f != s.finished.end()) {
            where = f->second;
        } else {
            ++s.events_unmatched;
            return;
        }
        ContactState at;
        at.bucket = where.bucket;
        AddToAll(at, where.queue, where.agent, [&](ContactCounters& k) {
            ++k.surveys;
            k.survey_score_sum += e.score;
            if (e.score >= 4) {
                ++k.surveys_satisfied;
            }
        });
    }

    template <class T>
    void operator()(const T&) {}
};

}  // namespace

void Aggregator::State::FinishTalk(ContactState& c, Leg& leg, int64_t ts) {
    if (leg.hold_since_ms >= 0) {  // hung up while on hold
        leg.hold_ms += ts - leg.hold_since_ms;
        AddAgentHold(leg.agent, leg.hold_since_ms, ts);
        leg.hold_since_ms = -1;
    }
    leg.talk_end_ms = ts;
    const int64_t talk = ts - leg.answer_ms - leg.hold_ms;
    auto add = [&](ContactCounters& k) {
        ++k.handled;
        k.talk_ms += talk;
        k.hold_ms += leg.hold_ms;
    };
    if (leg.queue != kNone) {
        add(QueueContacts(c.bucket, leg.queue));
    }
    add(AgentContacts(c.bucket, leg.agent));
    add(TotalContacts(c.bucket));
}

void Aggregator::State::MaybeRetire(const std::string& id, ContactState& c, int64_t ts) {
    if (!c.ended || !c.legs.empty()) {
        return;
    }
    finished[id] = FinishedContact{c.bucket, c.answer_queue, c.answer_agent};
    finished_order.emplace_back(ts, id);
    contacts.erase(id);
    while (!finished_order.empty() && ts - finished_order.front().first > kSurveyRetentionMs) {
        finished.erase(finished_order.front().second);
        finished_order.pop_front();
    }
}

void Aggregator::State::OnContactEvent(int64_t ts, const EventBody& body) {
    std::visit(ContactVisitor{*this, ts}, body);
}

}  // namespace hotline::metrics
