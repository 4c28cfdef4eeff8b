#include "routing_driver.h"

#include <array>
#include <charconv>
#include <string>

namespace hotline::bench {

// Collects the engine's offers so the driver can answer them after each command (a sink must
// not call back into the engine).
class RoutingDriver::OfferCollector : public EventSink {
  public:
    void OnEvent(const Event& e) override {
        ++events;
        if (const auto* o = e.As<events::Offer>()) {
            offers.push_back(o->id);
        }
    }
    std::vector<InteractionId> offers;
    int64_t events = 0;
};

RoutingDriver::RoutingDriver(const CenterShape& shape)
    : center_(MakeSyntheticCenter(shape)),
      sink_(std::make_unique<OfferCollector>()),
      engine_(std::make_unique<routing::Engine>(center_, clock_, clock_, rng_, *sink_)),
      pick_queue_(0, shape.queues - 1) {
    for (const auto& a : center_.agents) {
        (void)engine_->Login(a.id, true);
    }
    for (const auto& q : center_.queues) {
        queue_ids_.push_back(q.id);
    }
}

RoutingDriver::~RoutingDriver() = default;

int64_t RoutingDriver::events() const {
    return sink_->events;
}

int RoutingDriver::Waiting() const {
    int waiting = 0;
    for (const auto& q : engine_->Snapshot().queues) {
        waiting += q.waiting;
    }
    return waiting;
}

namespace {

// The driver's contacts are numbered; it keeps the numbers (8 bytes a call) rather than the id
// strings, so that its own bookkeeping takes as little of the cache as a caller's could.
InteractionId IdOf(int64_t n) {
    std::array<char, 24> text{'c'};
    const auto end = std::to_chars(text.data() + 1, text.data() + text.size(), n).ptr;
    return InteractionId(std::string_view(text.data(), static_cast<size_t>(end - text.data())));
}

int64_t NumberOf(const InteractionId& id) {
    int64_t n = -1;
    std::from_chars(id.str().data() + 1, id.str().data() + id.str().size(), n);
    return n;
}

}  // namespace

void RoutingDriver::Arrive() {
    InteractionId id = IdOf(next_id_++);
    (void)engine_->Arrive({id, Channel::kVoice, "from", "", ""});
    (void)engine_->Enqueue({id, queue_ids_[pick_queue_(driver_rng_)], 0, {}});
}

// Answers every outstanding offer; the answered contacts join the talkers.
void RoutingDriver::AnswerOffers() {
    for (const auto& id : sink_->offers) {
        if (engine_->Answer(id).ok()) {
            talking_.push_back(NumberOf(id));
        }
    }
    sink_->offers.clear();
}

void RoutingDriver::HangupRandomTalker() {
    std::uniform_int_distribution<size_t> pick(0, talking_.size() - 1);
    size_t i = pick(driver_rng_);
    std::swap(talking_[i], talking_.back());
    (void)engine_->Hangup(IdOf(talking_.back()), routing::HangupBy::kCustomer);
    talking_.pop_back();
}

void RoutingDriver::PrepareArrivals() {
    while (talking_.size() < center_.agents.size() / 2) {
        Arrive();
        AnswerOffers();
    }
    arrivals_base_ = talking_.size();
}

void RoutingDriver::StepArrival() {
    Arrive();
    AnswerOffers();
    // Hang up the newest call so the occupied half stays the same agents' share.
    if (talking_.size() > arrivals_base_) {
        (void)engine_->Hangup(IdOf(talking_.back()), routing::HangupBy::kCustomer);
        talking_.pop_back();
    }
    clock_.AdvanceTo(clock_.Now() + Duration{1000});
}

bool RoutingDriver::PrepareBacklog(int waiting) {
    // Guarded: a center where some agent can never be reached would otherwise loop forever.
    for (size_t tries = 0; talking_.size() < center_.agents.size(); ++tries) {
        if (tries > 100 * center_.agents.size()) {
            return false;
        }
        Arrive();
        AnswerOffers();
    }
    for (int i = 0; i < waiting; ++i) {
        Arrive();
    }
    AnswerOffers();
    return true;
}

void RoutingDriver::StepBacklog() {
    HangupRandomTalker();  // the freed agent takes the best waiting contact it can serve
    AnswerOffers();
    Arrive();  // keep the backlog level
    AnswerOffers();
    clock_.AdvanceTo(clock_.Now() + Duration{1000});
}

}  // namespace hotline::bench
