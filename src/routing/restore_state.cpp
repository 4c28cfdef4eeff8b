// The fold from events to the engine's state (restore.h). It reads only the event contract, so
// it rebuilds the state of any engine version whose events it can read.
#include <algorithm>
#include <charconv>

#include "hotline/routing/restore.h"

namespace hotline::routing {
namespace {

Requirement ParseSkills(const std::vector<std::string>& items) {
    Requirement out;
    for (const std::string& item : items) {
        const size_t colon = item.rfind(':');
        int level = 1;
        if (colon != std::string::npos) {
            std::from_chars(item.data() + colon + 1, item.data() + item.size(), level);
        }
        out.push_back(SkillLevel{SkillId{item.substr(0, colon)}, level});
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::string_view StageName(RestoredContact::Stage s) {
    switch (s) {
        case RestoredContact::Stage::kArrived:
            return "arrived";
        case RestoredContact::Stage::kQueued:
            return "queued";
        case RestoredContact::Stage::kOffered:
            return "offered";
        case RestoredContact::Stage::kTalking:
            return "talking";
    }
    return "arrived";
}

const RestoredContact* EngineStateBuilder::Find(const InteractionId& id) const {
    auto it = contacts_.find(id.str());
    return it == contacts_.end() ? nullptr : &it->second.second;
}

void EngineStateBuilder::StartWrap(const RestoredContact& c, Timestamp at) {
    if (c.agent.empty()) {
        return;
    }
    RestoredWrap w;
    w.agent = c.agent;
    w.id = c.id;
    w.queue = c.queue;
    w.channel = c.channel;
    w.started = at;
    w.handle = at - c.answered_at;
    wraps_[c.agent.str()].list.push_back(std::move(w));
}

void EngineStateBuilder::Apply(const Event& e) {
    as_of_ = e.ts;
    auto contact = [this](const InteractionId& id) -> RestoredContact* {
        auto it = contacts_.find(id.str());
        return it == contacts_.end() ? nullptr : &it->second.second;
    };
    if (const auto* a = e.As<events::Arrive>()) {
        RestoredContact c;
        c.id = a->id;
        c.channel = ParseChannel(a->channel).value_or(Channel::kVoice);
        c.direction = a->direction;
        c.from = a->from;
        c.to = a->to;
        c.customer = a->customer;
        c.arrived_at = e.ts;
        contacts_[a->id.str()] = {++order_, std::move(c)};
    } else if (const auto* q = e.As<events::Enqueue>()) {
        if (RestoredContact* c = contact(q->id)) {
            c->stage = RestoredContact::Stage::kQueued;
            c->queue = q->queue;
            c->priority = static_cast<int>(q->priority);
            c->extra = ParseSkills(q->skills);
            c->waiting_since = q->since ? FromMillis(*q->since) : e.ts;
            c->queue_entry = e.ts;
            c->fired_rules.clear();
            c->agent = AgentId{};
        }
    } else if (const auto* o = e.As<events::Overflow>()) {
        if (RestoredContact* c = contact(o->id)) {
            c->fired_rules.insert(o->rule.str());
        }
    } else if (const auto* of = e.As<events::Offer>()) {
        if (RestoredContact* c = contact(of->id)) {
            c->stage = RestoredContact::Stage::kOffered;
            c->agent = of->agent;
        }
    } else if (const auto* f = e.As<events::OfferFail>()) {
        if (RestoredContact* c = contact(f->id)) {
            c->stage = RestoredContact::Stage::kQueued;
            c->agent = AgentId{};
        }
    } else if (const auto* an = e.As<events::Answer>()) {
        if (RestoredContact* c = contact(an->id)) {
            c->stage = RestoredContact::Stage::kTalking;
            c->agent = an->agent;
            c->answered_at = e.ts;
        }
    } else if (const auto* h = e.As<events::Hold>()) {
        if (RestoredContact* c = contact(h->id)) {
            c->on_hold = true;
            c->hold_since = e.ts;
        }
    } else if (const auto* u = e.As<events::Unhold>()) {
        if (RestoredContact* c = contact(u->id); c != nullptr && c->on_hold) {
            c->on_hold = false;
            c->hold_ms += (e.ts - c->hold_since).count();
        }
    } else if (const auto* t = e.As<events::Transfer>()) {
        if (RestoredContact* c = contact(t->id)) {
            StartWrap(*c, e.ts);
            c->on_hold = false;
            c->stage = RestoredContact::Stage::kQueued;  // an enqueue or an offer follows
            c->agent = AgentId{};
        }
    } else if (const auto* hu = e.As<events::Hangup>()) {
        if (RestoredContact* c = contact(hu->id)) {
            if (c->stage == RestoredContact::Stage::kTalking) {
                StartWrap(*c, e.ts);
            }
            contacts_.erase(hu->id.str());
        }
    } else if (const auto* w = e.As<events::WrapupEnd>()) {
        auto& list = wraps_[w->agent.str()].list;
        std::erase_if(list, [&](const RestoredWrap& x) { return x.id == w->id; });
    } else if (const auto* x = e.As<events::WrapupExtend>()) {
        for (RestoredWrap& wr : wraps_[x->agent.str()].list) {
            if (wr.id == x->id) {
                wr.ends = FromMillis(x->until);
            }
        }
    } else if (const auto* li = e.As<events::AgentLogin>()) {
        RestoredAgent a;
        a.id = li->agent;
        a.reason = "login";
        a.login_at = e.ts;
        a.state_since = e.ts;
        agents_[li->agent.str()] = std::move(a);
    } else if (const auto* lo = e.As<events::AgentLogout>()) {
        agents_.erase(lo->agent.str());
    } else if (const auto* st = e.As<events::AgentState>()) {
        auto it = agents_.find(st->agent.str());
        if (it == agents_.end()) {
            return;
        }
        RestoredAgent& a = it->second;
        if (!st->pending.empty()) {
            a.ready = st->pending == "ready";
            a.reason = a.ready ? "" : st->reason;
            return;  // the shown state did not change
        }
        a.state_since = e.ts;
        if (st->state == "ready") {
            a.ready = true;
            a.reason.clear();
        } else if (st->state == "not_ready") {
            a.ready = false;
            a.reason = st->reason;
        }
    } else if (const auto* m = e.As<events::Merge>()) {
        merges_.insert(m->rule.str());
    } else if (const auto* sp = e.As<events::Split>()) {
        merges_.erase(sp->rule.str());
    }
}

EngineState EngineStateBuilder::State() const {
    EngineState s;
    s.as_of = as_of_;
    for (const auto& [id, a] : agents_) {
        s.agents.push_back(a);
    }
    std::vector<std::pair<uint64_t, const RestoredContact*>> ordered;
    for (const auto& [id, entry] : contacts_) {
        ordered.emplace_back(entry.first, &entry.second);
    }
    std::sort(ordered.begin(), ordered.end());
    for (const auto& [order, c] : ordered) {
        s.contacts.push_back(*c);
    }
    for (const auto& [agent, w] : wraps_) {
        s.wraps.insert(s.wraps.end(), w.list.begin(), w.list.end());
    }
    s.active_merges = merges_;
    return s;
}

}  // namespace hotline::routing
