#pragma once
// The libre side of the SIP adapter (internal; see hotline/telephony/sip_telephony.h).
// signalling.cpp: SIP sessions in and out, INFO, REFER, OPTIONS and what is refused;
// media.cpp: RTP sockets, the shared media clock, playback, bridging, DTMF, recording.
// Everything here runs on the loop's thread except the Telephony commands, which only post.

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "hotline/telephony/sip_telephony.h"
#include "hotline/telephony/sip_text.h"
#include "prompt_library.h"
#include "registrar.h"

// The C libraries last: their headers define macros that upset the standard library's.
#include <re.h>
#include <sndfile.h>
#include <spandsp.h>

namespace hotline::telephony::sip {

class SipAdapter;

struct Leg {
    SipAdapter* adapter = nullptr;
    LegId id = 0;
    bool outgoing = false;
    struct sipsess* sess = nullptr;
    struct mbuf* answer_sdp = nullptr;  // an incoming leg's SDP answer, sent with the 200 OK
    bool answered = false;              // 200 OK sent or received
    bool ringing_reported = false;
    struct tmr ring_timer {};

    // Media.
    struct rtp_sock* rtp = nullptr;
    struct sdp_session* sdp = nullptr;
    struct sdp_media* media = nullptr;
    AudioFormat format;
    struct sa remote {};
    bool remote_known = false;
    uint32_t ts = 0;     // our RTP timestamp towards the far end
    bool marker = true;  // the next packet starts a new talkspurt (a new source)
    struct telev* telev = nullptr;
    uint32_t last_dtmf_ts = 0;
    bool had_dtmf = false;
    dtmf_rx_state_t* tones = nullptr;

    // What the far end hears when it is not bridged.
    std::vector<const Pcm*> playlist;
    size_t item = 0, pos = 0;
    bool playing = false, interruptible = false;
    const Pcm* music = nullptr;
    size_t music_pos = 0;
    LegId peer = 0;
    bool held = false;

    // Recording: what this leg says (left) and what its peer says (right).
    SNDFILE* record = nullptr;
    bool record_paused = false;
    std::vector<int16_t> heard_own, heard_peer;
};

class SipAdapter final : public Telephony {
  public:
    explicit SipAdapter(SipOptions options);
    ~SipAdapter() override;
    Status Start();

    void SetListener(Listener* listener) override { listener_.store(listener); }
    void Answer(LegId leg) override;
    void Reject(LegId leg, int sip_status) override;
    void Play(LegId leg, std::vector<std::string> prompts, std::string language,
              bool interruptible) override;
    void Stop(LegId leg) override;
    void Music(LegId leg, std::string music) override;
    LegId Originate(const OriginateRequest& request) override;
    void Bridge(LegId a, LegId b) override;
    void Unbridge(LegId a) override;
    void Hangup(LegId leg) override;
    void Transfer(LegId leg, std::string target) override;
    void Hold(LegId leg, std::string music) override;
    void Unhold(LegId leg) override;
    void Record(LegId leg, std::string path) override;
    void PauseRecording(LegId leg, bool paused) override;
    void StopRecording(LegId leg) override;
    void SendDtmf(LegId leg, std::string digits) override;

    // ---- loop thread ----
    LegId NewLegId() { return next_leg_++; }  // incoming and outgoing legs alike
    void Emit(const Event& e);
    void Emit(Event::Kind kind, LegId leg);
    Leg* Find(LegId id);
    // Ends a leg: its media, its bridge, then kEnded. The session must be gone or closing.
    void End(Leg& leg, EndCause cause, int sip_status);
    // Media (media.cpp).
    Status OpenMedia(Leg& leg);
    bool Negotiate(Leg& leg);  // after the peer's SDP: picks the codec and the address
    void CloseMedia(Leg& leg);
    void Dtmf(Leg& leg, char digit);
    void OnRtp(Leg& leg, const struct sa* src, const struct rtp_header* hdr, struct mbuf* mb);
    void OnTick();
    void Unlink(Leg& leg);  // breaks the leg's bridge, telling both sides

    struct sip* sip() { return sip_; }
    struct sipsess_sock* sessions() { return sessions_; }
    const SipOptions& options() const { return options_; }
    const struct sa& local() const { return local_; }
    std::unordered_map<LegId, std::unique_ptr<Leg>> legs;
    PromptLibrary prompts;
    Registrar registrar;

  private:
    void Post(std::function<void()> fn);
    void Run(std::promise<Status>* started);
    Status Setup();
    void Teardown();
    static void OnQueue(int id, void* data, void* arg);
    static void OnTimer(void* arg);
    void SendFrame(Leg& leg);
    bool SendPendingDtmf(Leg& leg);
    void ResetFrame();  // frame_ empty, with room for the RTP header in front

    SipOptions options_;
    std::atomic<Listener*> listener_{nullptr};
    std::atomic<LegId> next_leg_{1};
    std::thread thread_;
    std::atomic<bool> running_{false};
    struct mqueue* queue_ = nullptr;
    struct dnsc* dns_ = nullptr;
    struct sip* sip_ = nullptr;
    struct sipsess_sock* sessions_ = nullptr;
    struct sip_lsnr* others_ = nullptr;
    struct tls* tls_ = nullptr;
    struct sa local_ {};
    struct tmr tick_ {};
    uint64_t next_frame_ms_ = 0;
    struct mbuf* frame_ = nullptr;
};

// The peer's formats of an SDP media line, in its order; `names` keeps their names alive.
std::vector<SdpFormat> RemoteFormats(const struct sdp_media* media,
                                     std::vector<std::string>& names);

// Signalling handlers (signalling.cpp), registered in Setup.
void OnIncomingSession(const struct sip_msg* msg, void* arg);
bool OnOtherRequest(const struct sip_msg* msg, void* arg);
Status StartOriginate(SipAdapter& a, Leg& leg, const OriginateRequest& req);
void HangupLeg(SipAdapter& a, Leg& leg);
void AnswerLeg(SipAdapter& a, Leg& leg);
void RejectLeg(SipAdapter& a, Leg& leg, int sip_status);
void TransferLeg(SipAdapter& a, Leg& leg, const std::string& target);

}  // namespace hotline::telephony::sip
