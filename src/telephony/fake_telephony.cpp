#include "hotline/telephony/fake_telephony.h"

namespace hotline::telephony {
namespace {

std::string Joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : ",") + p;
    }
    return out;
}

std::string Id(LegId leg) {
    return std::to_string(leg);
}

}  // namespace

void FakeTelephony::Answer(LegId leg) {
    Log("answer " + Id(leg));
}
void FakeTelephony::Reject(LegId leg, int sip_status) {
    Log("reject " + Id(leg) + " " + std::to_string(sip_status));
}
void FakeTelephony::Play(LegId leg, std::vector<std::string> prompts, std::string language,
                         bool interruptible) {
    Log("play " + Id(leg) + " " + Joined(prompts) + " " + language +
        (interruptible ? " interruptible" : ""));
}
void FakeTelephony::Stop(LegId leg) {
    Log("stop " + Id(leg));
}
void FakeTelephony::Music(LegId leg, std::string music) {
    Log("music " + Id(leg) + " " + music);
}
LegId FakeTelephony::Originate(const OriginateRequest& request) {
    const LegId leg = next_leg_++;
    originated_.push_back(request);
    Log("originate " + Id(leg) + " " + request.to);
    return leg;
}
void FakeTelephony::Bridge(LegId a, LegId b) {
    Log("bridge " + Id(a) + " " + Id(b));
}
void FakeTelephony::Unbridge(LegId a) {
    Log("unbridge " + Id(a));
}
void FakeTelephony::Hangup(LegId leg) {
    Log("hangup " + Id(leg));
}
void FakeTelephony::Transfer(LegId leg, std::string target) {
    Log("transfer " + Id(leg) + " " + target);
}
void FakeTelephony::Hold(LegId leg, std::string music) {
    Log("hold " + Id(leg) + " " + music);
}
void FakeTelephony::Unhold(LegId leg) {
    Log("unhold " + Id(leg));
}
void FakeTelephony::Record(LegId leg, std::string path) {
    Log("record " + Id(leg) + " " + path);
}
void FakeTelephony::PauseRecording(LegId leg, bool paused) {
    Log(std::string(paused ? "pause_recording " : "resume_recording ") + Id(leg));
}
void FakeTelephony::StopRecording(LegId leg) {
    Log("stop_recording " + Id(leg));
}
void FakeTelephony::SendDtmf(LegId leg, std::string digits) {
    Log("dtmf " + Id(leg) + " " + digits);
}

void FakeTelephony::Deliver(const Event& e) {
    if (listener_ != nullptr) {
        listener_->OnTelephonyEvent(e);
    }
}

std::vector<std::string> FakeTelephony::TakeCommands() {
    std::vector<std::string> out;
    out.swap(commands_);
    return out;
}

}  // namespace hotline::telephony
