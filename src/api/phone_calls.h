#pragma once
// Call control: phone calls through the contact center (docs/telephony.md). It maps what the
// telephony adapter says about call legs onto the engine's commands and the IVR interpreter,
// and what the engine decides (offers, failed offers, holds, transfers, hang-ups) back onto
// legs:
//
//   caller's INVITE → contact arrives → IVR prompts and digits → queue: greeting, music,
//   position announcements → offer → INVITE to the agent's phone → answered → bridge →
//   a BYE on either side ends both legs and the contact → the agent's wrap-up.
//
// Engine thread only, through a CallHost; the adapter's events are handed over to that thread.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "hotline/core/center.h"
#include "hotline/core/clock.h"
#include "hotline/ivr/session.h"
#include "hotline/routing/engine.h"
#include "hotline/telephony/telephony.h"

namespace hotline::api {

// What a step of call control works with, on the engine thread.
struct CallContext {
    routing::Engine& engine;
    EventSink& sink;  // for events beside the engine's (IVR, recordings); durable with its own
    Timestamp now;
};

// Where call control runs: the live center in production, a virtual clock in tests.
class CallHost {
  public:
    virtual ~CallHost() = default;
    // Runs `step` on the engine thread as one command, now or soon, in the order asked.
    virtual void Run(std::function<Status(CallContext&)> step) = 0;
    // Engine-thread timers that outlive a configuration change.
    virtual TimerService& timers() = 0;
    virtual Timestamp Now() const = 0;
};

struct PhoneOptions {
    std::string flow;                // IVR flow for a number that names neither flow nor queue
    std::string language = "zh-CN";  // of the prompts, unless the IVR sets `lang`
    std::string recordings;          // folder for recordings and voicemail; "" = none
    Duration voicemail_limit{120000};
    bool registered_phones = false;  // agents' phones may REGISTER: ring agents without `sip` too
    // Callbacks dialled out: when a callback's turn comes its agent's phone rings first, and
    // once the agent answers the customer is called through this URI, "{number}" replaced
    // (e.g. "sip:{number}@10.0.0.1:5060", a SIP trunk). Empty: callbacks are left to the desk.
    std::string trunk;
};

class PhoneCalls final : public telephony::Listener {
  public:
    // Becomes the adapter's listener; whoever owns both detaches it before the adapter goes.
    PhoneCalls(telephony::Telephony& telephony, CallHost& host, PhoneOptions options);
    ~PhoneCalls() override;

    // A (new) engine and its configuration are in place (engine thread).
    void Attach(routing::Engine& engine);
    // Every engine event as it happens (engine thread). Never calls the engine back: what
    // needs a command is run as a step of its own.
    void OnEngineEvent(const Event& e);
    // From the adapter's thread: handed to the engine thread.
    void OnTelephonyEvent(const telephony::Event& e) override;

    size_t calls() const { return calls_.size(); }
    // Pauses or resumes the recording of a phone contact (a caller reading out a card number).
    Status PauseRecording(CallContext& ctx, const InteractionId& id, bool paused);

  private:
    using LegId = telephony::LegId;
    enum class Stage { kIvr, kQueued, kRinging, kDialling, kTalking, kLeaving, kVoicemail };
    struct Call;

    Status Handle(CallContext& ctx, const telephony::Event& e);
    Status Incoming(CallContext& ctx, const telephony::Event& e);
    Status CallerEvent(CallContext& ctx, Call& call, const telephony::Event& e);
    Status AgentEvent(CallContext& ctx, Call& call, const telephony::Event& e);
    Status CallerEnded(CallContext& ctx, Call& call);
    Status Carry(CallContext& ctx, Call& call, ivr::Step step);
    Status SubmitDigits(CallContext& ctx, Call& call);
    Status EnterQueue(CallContext& ctx, Call& call, const QueueId& queue, int priority,
                      const Requirement& skills);
    void StartVoicemail(Call& call);
    void Offered(Call& call, const AgentId& agent);
    // A callback's turn: a call without a caller's leg yet (the customer is dialled later).
    void CallbackOffered(const events::Offer& offer, const std::string& number);
    void DialCustomer(Call& call);
    void OfferEnded(Call& call);
    void Transferred(Call& call, const events::Transfer& transfer);
    void EndedByEngine(Call& call, const events::Hangup& hangup);
    // Lets the agent's phone go (BYE or CANCEL), if there is one.
    void DropAgentLeg(Call& call);
    void QueueMusic(Call& call);
    std::string MusicOf(const Call& call) const;  // the queue's music on hold
    void OnOffer(const events::Offer& offer);
    void ScheduleAnnouncement(Call& call);
    void Announce(CallContext& ctx, Call& call);
    void ArmDigitTimer(Call& call, Duration after);
    void CancelTimers(Call& call);
    void StartRecording(CallContext& ctx, Call& call);
    void StopRecording(CallContext& ctx, Call& call);
    void Forget(LegId caller);
    Call* ByContact(const InteractionId& id);
    // Runs `step` for the call of `caller` later, as a command of its own, if it still exists.
    TimerId Later(telephony::LegId caller, Timestamp at,
                  std::function<Status(CallContext&, Call&)> step);

    telephony::Telephony& tel_;
    CallHost& host_;
    PhoneOptions options_;
    routing::Engine* engine_ = nullptr;
    std::shared_ptr<const CenterConfig> center_;
    std::function<bool(Timestamp)> open_;
    std::map<LegId, std::unique_ptr<Call>> calls_;  // by the caller's leg
    std::unordered_map<std::string, LegId> by_contact_;
    std::unordered_map<LegId, LegId> agent_legs_;                    // agent's leg → caller's leg
    std::unordered_map<std::string, std::string> callback_numbers_;  // callback id → number
    LegId next_placeholder_ = LegId{1} << 62;  // keys of callbacks not yet dialled
    uint64_t next_call_ = 1;
};

}  // namespace hotline::api
