#pragma once
// The boundary between the contact center and the phone network (docs/telephony.md). The call
// control above it (api/phone_calls) sees call legs, never SIP: a leg rings, is answered, sends
// digits, hears prompts or music or another leg, and ends with a cause. The SIP adapter on libre
// (sip_telephony.h) implements it for real; FakeTelephony drives tests without a network.
//
// Threads: commands may be issued from any thread and are carried out in order on the adapter's
// own thread; events are delivered on the adapter's thread, one at a time, in order per leg.

#include <cstdint>
#include <string>
#include <vector>

#include "hotline/core/time.h"

namespace hotline::telephony {

// One call leg: a caller's call in, or a call out to an agent's phone. 0 is never a leg.
using LegId = uint64_t;

// Why a leg ended, as the other side or the network told it.
enum class EndCause {
    kNormal,       // a BYE after the call was up, or our own hang-up
    kBusy,         // 486 / 600: the phone is in another call
    kRejected,     // 603, or another 4xx–6xx final answer to our INVITE
    kNoAnswer,     // 408 / 480, or the INVITE timed out
    kUnreachable,  // no such phone (404), not registered, or the transport failed
    kCancelled,    // the caller gave up before the call was answered (CANCEL)
    kError,        // a media or protocol failure on our side
};
std::string_view EndCauseName(EndCause c);

struct Event {
    enum class Kind {
        kIncoming,      // a new call in: `from`, `to` (the dialled user), `display`
        kRinging,       // an outgoing leg rings at the far end (180 / 183)
        kAnswered,      // the leg is up (an outgoing leg's 200 OK; an incoming leg answered)
        kDtmf,          // the caller pressed `digit` (0-9 * # A-D), by RFC 4733, INFO or in-band
        kPlaybackDone,  // the prompts asked for by Play() have all been played (not on Stop)
        kBridged,       // `leg` and `peer` hear each other
        kUnbridged,     // they no longer do
        kEnded,         // the leg is gone, with `cause` and the SIP status when there was one
    };
    Kind kind = Kind::kEnded;
    LegId leg = 0;
    LegId peer = 0;
    std::string from, to, display;
    char digit = 0;
    EndCause cause = EndCause::kNormal;
    int sip_status = 0;
};
std::string_view EventKindName(Event::Kind k);

class Listener {
  public:
    virtual ~Listener() = default;
    virtual void OnTelephonyEvent(const Event& e) = 0;
};

struct OriginateRequest {
    std::string to;            // the agent's phone, a SIP URI (sip:1001@10.0.0.5:5060)
    std::string user;          // the agent's id: its registered phone, if any, is rung instead
    std::string from_display;  // what the phone shows: the caller's number (来电显示)
    std::string from_user;     // the user part of our From: the caller's number
    Duration ring_timeout{30000};
};

class Telephony {
  public:
    virtual ~Telephony() = default;
    virtual void SetListener(Listener* listener) = 0;

    // Incoming legs.
    virtual void Answer(LegId leg) = 0;
    virtual void Reject(LegId leg, int sip_status) = 0;  // e.g. 486, 503
    // Plays `prompts` one after another (names in the prompt library, in `language`), then
    // kPlaybackDone. A digit stops it when `interruptible`. A new Play replaces the old one.
    virtual void Play(LegId leg, std::vector<std::string> prompts, std::string language,
                      bool interruptible) = 0;
    virtual void Stop(LegId leg) = 0;
    // Music on hold from the library, looped until something else is played or bridged.
    virtual void Music(LegId leg, std::string music) = 0;
    // A new outgoing leg; its events carry the returned id. Ends by itself after ring_timeout.
    virtual LegId Originate(const OriginateRequest& request) = 0;
    virtual void Bridge(LegId a, LegId b) = 0;
    virtual void Unbridge(LegId a) = 0;
    // Ends the leg: BYE when up, CANCEL when still ringing out, 480 when not yet answered in.
    virtual void Hangup(LegId leg) = 0;
    // Blind transfer: asks the far end of an answered leg to call `target` instead (REFER).
    virtual void Transfer(LegId leg, std::string target) = 0;
    // Hold: the leg hears music and what it says is not passed on; Unhold resumes the bridge.
    virtual void Hold(LegId leg, std::string music) = 0;
    virtual void Unhold(LegId leg) = 0;
    // Records what the leg and its bridged peer say into a WAV file, until StopRecording or
    // the end of the leg; Pause keeps the file open and writes nothing meanwhile.
    virtual void Record(LegId leg, std::string path) = 0;
    virtual void PauseRecording(LegId leg, bool paused) = 0;
    virtual void StopRecording(LegId leg) = 0;
    virtual void SendDtmf(LegId leg, std::string digits) = 0;
};

}  // namespace hotline::telephony
