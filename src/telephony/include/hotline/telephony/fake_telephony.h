#pragma once
// A Telephony without a network, for tests of whatever sits above the boundary: every command is
// written down as one line ("answer 1", "play 1 welcome,menu zh-CN", "originate 2
// sip:a01@phone"), and the test plays the network's part by calling Deliver.

#include <string>
#include <vector>

#include "hotline/telephony/telephony.h"

namespace hotline::telephony {

class FakeTelephony : public Telephony {
  public:
    void SetListener(Listener* listener) override { listener_ = listener; }
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

    // The network's side.
    LegId NewIncomingLeg() { return next_leg_++; }
    void Deliver(const Event& e);
    // Every command since the last call, then forgets them.
    std::vector<std::string> TakeCommands();
    const std::vector<OriginateRequest>& originated() const { return originated_; }

  private:
    void Log(std::string line) { commands_.push_back(std::move(line)); }
    Listener* listener_ = nullptr;
    LegId next_leg_ = 1;
    std::vector<std::string> commands_;
    std::vector<OriginateRequest> originated_;
};

}  // namespace hotline::telephony
