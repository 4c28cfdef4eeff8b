// SIP sessions: calls in and out, their end, DTMF by INFO, REFER; other requests refused.
#include <cerrno>
#include <iostream>
#include <string>

#include "adapter.h"

namespace hotline::telephony::sip {
namespace {

constexpr const char* kAllow = "Allow: INVITE, ACK, BYE, CANCEL, INFO, OPTIONS, REFER, NOTIFY\r\n";

std::string Text(const struct pl& p) {
    return p.p == nullptr ? std::string() : std::string(p.p, p.l);
}

Leg& Of(void* arg) {
    return *static_cast<Leg*>(arg);
}

EndCause CauseOfStatus(uint16_t scode) {
    switch (scode) {
        case 486:
        case 600:
            return EndCause::kBusy;
        case 408:
        case 480:
            return EndCause::kNoAnswer;
        case 404:
        case 410:
        case 484:
        case 604:
            return EndCause::kUnreachable;
        case 487:
            return EndCause::kCancelled;
        default:
            return EndCause::kRejected;
    }
}

int OnOffer(struct mbuf** descp, const struct sip_msg* msg, void* arg) {
    // A re-INVITE (the phone holds, or changes its address): answer with what we have.
    Leg& leg = Of(arg);
    if (mbuf_get_left(msg->mb) > 0) {
        if (int err = sdp_decode(leg.sdp, msg->mb, true); err != 0) {
            return err;
        }
        leg.adapter->Negotiate(leg);
    }
    return sdp_encode(descp, leg.sdp, mbuf_get_left(msg->mb) == 0);
}

int OnAnswer(const struct sip_msg* msg, void* arg) {
    Leg& leg = Of(arg);
    if (int err = sdp_decode(leg.sdp, msg->mb, false); err != 0) {
        return err;
    }
    return leg.adapter->Negotiate(leg) ? 0 : EPROTO;
}

void OnProgress(const struct sip_msg* msg, void* arg) {
    Leg& leg = Of(arg);
    if ((msg->scode == 180 || msg->scode == 183) && !leg.ringing_reported) {
        leg.ringing_reported = true;
        leg.adapter->Emit(Event::Kind::kRinging, leg.id);
    }
}

// The leg is up: media flows from the next tick, a new talkspurt.
void Up(Leg& leg) {
    leg.answered = true;
    leg.marker = true;
    leg.adapter->Emit(Event::Kind::kAnswered, leg.id);
}

void OnEstablished(const struct sip_msg* /*msg*/, void* arg) {
    Leg& leg = Of(arg);
    tmr_cancel(&leg.ring_timer);
    if (leg.outgoing) {
        Up(leg);
    }
}

void OnInfo(struct sip* sip, const struct sip_msg* msg, void* arg) {
    Leg& leg = Of(arg);
    const std::string ctype = Text(msg->ctyp.type) + "/" + Text(msg->ctyp.subtype);
    const std::string body(reinterpret_cast<const char*>(mbuf_buf(msg->mb)),
                           mbuf_get_left(msg->mb));
    if (auto digit = DtmfFromInfo(ctype, body)) {
        (void)sip_treply(nullptr, sip, msg, 200, "OK");
        leg.adapter->Dtmf(leg, *digit);
        return;
    }
    (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 415, "Unsupported Media Type",
                      "Accept: application/dtmf-relay, application/dtmf\r\n"
                      "Content-Length: 0\r\n\r\n");
}

void OnRefer(struct sip* sip, const struct sip_msg* msg, void* /*arg*/) {
    // A caller's phone may not move the call elsewhere: the center transfers, not the caller.
    (void)sip_treply(nullptr, sip, msg, 603, "Decline");
}

void OnClose(int err, const struct sip_msg* msg, void* arg) {
    Leg& leg = Of(arg);
    EndCause cause = EndCause::kNormal;
    int status = 0;
    if (msg != nullptr && msg->scode >= 300) {
        status = msg->scode;
        cause = CauseOfStatus(msg->scode);
    } else if (err == ECONNRESET) {
        // A BYE, or a CANCEL before the call was up.
        cause = leg.answered ? EndCause::kNormal : EndCause::kCancelled;
    } else if (err == ETIMEDOUT) {
        cause = leg.answered ? EndCause::kError : EndCause::kNoAnswer;
    } else if (err != 0) {
        cause = leg.answered ? EndCause::kError : EndCause::kUnreachable;
    }
    leg.adapter->End(leg, cause, status);
}

void OnRingTimeout(void* arg) {
    Leg& leg = Of(arg);
    // mem_deref of a pending INVITE sends the CANCEL.
    leg.adapter->End(leg, EndCause::kNoAnswer, 0);
}

std::string LocalUri(SipAdapter& a, const std::string& user) {
    char buf[96];
    re_snprintf(buf, sizeof(buf), "sip:%s@%J", user.empty() ? "hotline" : user.c_str(), &a.local());
    return buf;
}

}  // namespace

void OnIncomingSession(const struct sip_msg* msg, void* arg) {
    SipAdapter& a = *static_cast<SipAdapter*>(arg);
    struct sip* sip = a.sip();
    if (mbuf_get_left(msg->mb) == 0) {
        // Offer-less INVITEs (the offer in our 200 OK) are not supported.
        (void)sip_treply(nullptr, sip, msg, 488, "Not Acceptable Here (an SDP offer is required)");
        return;
    }
    if (!msg_ctype_cmp(&msg->ctyp, "application", "sdp")) {
        (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 415, "Unsupported Media Type",
                          "Accept: application/sdp\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    auto owned = std::make_unique<Leg>();
    Leg& leg = *owned;
    leg.adapter = &a;
    leg.id = a.NewLegId();
    tmr_init(&leg.ring_timer);
    if (!a.OpenMedia(leg).ok() || sdp_decode(leg.sdp, msg->mb, true) != 0) {
        a.CloseMedia(leg);
        (void)sip_treply(nullptr, sip, msg, 488, "Not Acceptable Here");
        return;
    }
    if (!a.Negotiate(leg)) {
        a.CloseMedia(leg);
        (void)sip_treply(nullptr, sip, msg, 488, "Not Acceptable Here (PCMU or PCMA only)");
        return;
    }
    if (sdp_encode(&leg.answer_sdp, leg.sdp, false) != 0 ||
        sipsess_accept(&leg.sess, a.sessions(), msg, 180, "Ringing", "hotline", "application/sdp",
                       nullptr, nullptr, nullptr, false, OnOffer, OnAnswer, OnEstablished, OnInfo,
                       OnRefer, OnClose, &leg, kAllow) != 0) {
        leg.answer_sdp = static_cast<struct mbuf*>(mem_deref(leg.answer_sdp));
        a.CloseMedia(leg);
        (void)sip_treply(nullptr, sip, msg, 500, "Server Internal Error");
        return;
    }
    const LegId id = leg.id;
    a.legs.emplace(id, std::move(owned));
    Event e;
    e.kind = Event::Kind::kIncoming;
    e.leg = id;
    e.from = Text(msg->from.uri.user);
    e.to = Text(msg->uri.user);
    e.display = Text(msg->from.dname);
    a.Emit(e);
}

bool OnOtherRequest(const struct sip_msg* msg, void* arg) {
    SipAdapter& a = *static_cast<SipAdapter*>(arg);
    if (pl_strcmp(&msg->met, "OPTIONS") == 0) {
        (void)sip_treplyf(nullptr, nullptr, a.sip(), msg, false, 200, "OK",
                          "%sAccept: application/sdp\r\nContent-Length: 0\r\n\r\n", kAllow);
        return true;
    }
    if (pl_strcmp(&msg->met, "ACK") == 0) {
        return true;  // a stray ACK gets no answer
    }
    if (pl_strcmp(&msg->met, "REGISTER") == 0) {
        a.registrar.Handle(a.sip(), msg, tmr_jiffies());
        return true;
    }
    if (pl_strcmp(&msg->met, "BYE") == 0 || pl_strcmp(&msg->met, "INFO") == 0 ||
        pl_strcmp(&msg->met, "CANCEL") == 0 || pl_strcmp(&msg->met, "REFER") == 0) {
        (void)sip_treply(nullptr, a.sip(), msg, 481, "Call/Transaction Does Not Exist");
        return true;
    }
    (void)sip_treplyf(nullptr, nullptr, a.sip(), msg, false, 405, "Method Not Allowed",
                      "%sContent-Length: 0\r\n\r\n", kAllow);
    return true;
}

Status StartOriginate(SipAdapter& a, Leg& leg, const OriginateRequest& req) {
    std::string to = req.to;
    if (auto registered = a.registrar.Contact(req.user, tmr_jiffies())) {
        to = *registered;
    }
    if (to.empty()) {
        return Status(ErrorCode::kUnavailable,
                      "agent " + req.user + "'s phone is not registered and has no sip address");
    }
    RETURN_IF_ERROR(a.OpenMedia(leg));
    struct mbuf* offer = nullptr;
    if (sdp_encode(&offer, leg.sdp, true) != 0) {
        return Internal("cannot encode the SDP offer");
    }
    const std::string from = LocalUri(a, req.from_user);
    const std::string display = req.from_display.empty() ? "Hotline" : req.from_display;
    int err = sipsess_connect(&leg.sess, a.sessions(), to.c_str(), display.c_str(), from.c_str(),
                              "hotline", nullptr, 0, "application/sdp", offer, nullptr, nullptr,
                              false, OnOffer, OnAnswer, OnProgress, OnEstablished, OnInfo, OnRefer,
                              OnClose, &leg, kAllow);
    mem_deref(offer);
    if (err != 0) {
        char buf[96];
        return InvalidArgument("INVITE " + to + ": " + str_error(err, buf, sizeof(buf)));
    }
    tmr_start(&leg.ring_timer, static_cast<uint64_t>(req.ring_timeout.count()), OnRingTimeout,
              &leg);
    return Status::Ok();
}

void AnswerLeg(SipAdapter& /*a*/, Leg& leg) {
    if (leg.outgoing || leg.answered || leg.sess == nullptr) {
        return;
    }
    if (sipsess_answer(leg.sess, 200, "OK", leg.answer_sdp, nullptr) != 0) {
        std::cerr << "hotline: sip: cannot answer leg " << leg.id << "\n";
        return;
    }
    Up(leg);
}

void RejectLeg(SipAdapter& a, Leg& leg, int sip_status) {
    if (!leg.outgoing && !leg.answered && leg.sess != nullptr) {
        const uint16_t code = sip_status >= 400 && sip_status <= 699 ? sip_status : 480;
        (void)sipsess_reject(leg.sess, code, code == 486 ? "Busy Here" : "Rejected", nullptr);
    }
    a.End(leg, EndCause::kNormal, sip_status);
}

void HangupLeg(SipAdapter& a, Leg& leg) {
    // BYE when up, CANCEL when still ringing out (both by letting the session go), and a final
    // answer to an incoming call that was never answered.
    if (!leg.outgoing && !leg.answered && leg.sess != nullptr) {
        (void)sipsess_reject(leg.sess, 480, "Temporarily Unavailable", nullptr);
    }
    a.End(leg, EndCause::kNormal, 0);
}

void TransferLeg(SipAdapter& a, Leg& leg, const std::string& target) {
    if (leg.sess == nullptr || !leg.answered) {
        return;
    }
    int err = sip_drequestf(nullptr, a.sip(), true, "REFER", sipsess_dialog(leg.sess), 0, nullptr,
                            nullptr, nullptr, nullptr,
                            "Refer-To: <%s>\r\nReferred-By: <%s>\r\nContent-Length: 0\r\n\r\n",
                            target.c_str(), LocalUri(a, "hotline").c_str());
    if (err != 0) {
        std::cerr << "hotline: sip: REFER to " << target << " failed\n";
    }
}

}  // namespace hotline::telephony::sip
