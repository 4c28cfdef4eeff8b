// Media: one RTP socket per leg, one 20 ms clock for all of them. On each tick every leg that is
// not bridged gets its next 160 samples (prompt, music or silence) as one G.711 packet; a
// bridged leg's packets are relayed to its peer as they arrive, re-stamped with the peer's own
// sequence, timestamp and SSRC (libre's per-socket counters), so a switch of source is never a
// jump for the receiver, only a marker bit.
#include <array>
#include <iostream>

#include "adapter.h"

namespace hotline::telephony::sip {
namespace {

constexpr size_t kFrame = 160;  // 20 ms at 8 kHz

uint8_t Encode(Codec c, int16_t s) {
    return c == Codec::kPcmu ? linear_to_ulaw(s) : linear_to_alaw(s);
}

int16_t Decode(Codec c, uint8_t b) {
    return c == Codec::kPcmu ? ulaw_to_linear(b) : alaw_to_linear(b);
}

void OnRtpPacket(const struct sa* src, const struct rtp_header* hdr, struct mbuf* mb, void* arg) {
    Leg& leg = *static_cast<Leg*>(arg);
    leg.adapter->OnRtp(leg, src, hdr, mb);
}

void OnTones(void* user_data, const char* digits, int len) {
    Leg& leg = *static_cast<Leg*>(user_data);
    for (int i = 0; i < len; ++i) {
        leg.adapter->Dtmf(leg, digits[i]);
    }
}

// Keeps at most this many samples waiting for the recorder: a side that sends faster than the
// clock (or in bursts) loses the excess instead of growing the buffer.
constexpr size_t kRecordSlack = kFrame * 10;

void Buffer(std::vector<int16_t>& to, const int16_t* s, size_t n) {
    if (to.size() + n > kRecordSlack) {
        return;
    }
    to.insert(to.end(), s, s + n);
}

}  // namespace

std::vector<SdpFormat> RemoteFormats(const struct sdp_media* media,
                                     std::vector<std::string>& names) {
    std::vector<SdpFormat> offered;
    const struct list* fl = sdp_media_format_lst(media, false);
    for (const struct le* le = list_head(fl); le != nullptr; le = le->next) {
        const auto* f = static_cast<const struct sdp_format*>(le->data);
        names.emplace_back(f->name != nullptr ? f->name : "");
    }
    size_t i = 0;
    for (const struct le* le = list_head(fl); le != nullptr; le = le->next, ++i) {
        const auto* f = static_cast<const struct sdp_format*>(le->data);
        offered.push_back({f->pt, names[i], f->srate});
    }
    return offered;
}

Status SipAdapter::OpenMedia(Leg& leg) {
    struct sa ip = local_;
    sa_set_port(&ip, 0);
    if (int err = rtp_listen(&leg.rtp, IPPROTO_UDP, &ip, options_.rtp_min, options_.rtp_max, false,
                             OnRtpPacket, nullptr, &leg);
        err != 0) {
        return Status(ErrorCode::kUnavailable, "no RTP port free in " +
                                                   std::to_string(options_.rtp_min) + "-" +
                                                   std::to_string(options_.rtp_max));
    }
    if (sdp_session_alloc(&leg.sdp, &ip) != 0 ||
        sdp_media_add(&leg.media, leg.sdp, "audio", sa_port(rtp_local(leg.rtp)), "RTP/AVP") != 0 ||
        sdp_format_add(nullptr, leg.media, false, "0", "PCMU", 8000, 1, nullptr, nullptr, nullptr,
                       false, nullptr) != 0 ||
        sdp_format_add(nullptr, leg.media, false, "8", "PCMA", 8000, 1, nullptr, nullptr, nullptr,
                       false, nullptr) != 0 ||
        sdp_format_add(nullptr, leg.media, false, "101", telev_rtpfmt, 8000, 1, nullptr, nullptr,
                       nullptr, false, "0-15") != 0) {
        return Internal("cannot build the SDP");
    }
    if (telev_alloc(&leg.telev, TELEV_PTIME) != 0) {
        return Internal("cannot set up telephone-events");
    }
    if (options_.inband_dtmf) {
        leg.tones = dtmf_rx_init(nullptr, OnTones, &leg);
    }
    return Status::Ok();
}

bool SipAdapter::Negotiate(Leg& leg) {
    std::vector<std::string> names;
    const std::vector<SdpFormat> offered = RemoteFormats(leg.media, names);
    auto chosen = ChooseAudio(offered);
    const struct sa* raddr = sdp_media_raddr(leg.media);
    if (!chosen || raddr == nullptr || !sa_isset(raddr, SA_ALL)) {
        return false;
    }
    leg.format = *chosen;
    leg.remote = *raddr;
    leg.remote_known = true;
    return true;
}

void SipAdapter::CloseMedia(Leg& leg) {
    if (leg.record != nullptr) {
        sf_close(leg.record);
        leg.record = nullptr;
    }
    if (leg.tones != nullptr) {
        dtmf_rx_free(leg.tones);
        leg.tones = nullptr;
    }
    leg.telev = static_cast<struct telev*>(mem_deref(leg.telev));
    leg.rtp = static_cast<struct rtp_sock*>(mem_deref(leg.rtp));
    leg.sdp = static_cast<struct sdp_session*>(mem_deref(leg.sdp));
    leg.media = nullptr;  // owned by the session
}

void SipAdapter::Unlink(Leg& leg) {
    if (leg.peer == 0) {
        return;
    }
    const LegId peer = leg.peer;
    leg.peer = 0;
    leg.marker = true;
    if (Leg* p = Find(peer); p != nullptr && p->peer == leg.id) {
        p->peer = 0;
        p->marker = true;
    }
    Event e;
    e.kind = Event::Kind::kUnbridged;
    e.leg = leg.id;
    e.peer = peer;
    Emit(e);
}

void SipAdapter::Dtmf(Leg& leg, char digit) {
    if (leg.playing && leg.interruptible) {
        leg.playing = false;  // barge-in: the caller knows what to press
        leg.playlist.clear();
    }
    // In a bridge the key goes on to the other side as a telephone-event (an agent's phone
    // menu, a transfer to another IVR), in the other side's payload type.
    if (Leg* peer = leg.peer != 0 ? Find(leg.peer) : nullptr;
        peer != nullptr && peer->telev != nullptr && peer->format.telephone_event >= 0) {
        if (const int code = telev_digit2code(digit); code >= 0) {
            (void)telev_send(peer->telev, code, false);
            (void)telev_send(peer->telev, code, true);
        }
    }
    Event e;
    e.kind = Event::Kind::kDtmf;
    e.leg = leg.id;
    e.digit = digit;
    Emit(e);
}

void SipAdapter::OnRtp(Leg& leg, const struct sa* src, const struct rtp_header* hdr,
                       struct mbuf* mb) {
    if (!leg.remote_known) {
        leg.remote = *src;  // symmetric RTP: answer where it comes from
        leg.remote_known = true;
    }
    if (leg.format.telephone_event >= 0 && hdr->pt == leg.format.telephone_event) {
        int event = 0;
        bool end = false;
        // An event's end is sent three times with the same timestamp: count it once.
        if (telev_recv(leg.telev, mb, &event, &end) == 0 && end &&
            !(leg.had_dtmf && leg.last_dtmf_ts == hdr->ts)) {
            leg.had_dtmf = true;
            leg.last_dtmf_ts = hdr->ts;
            const int digit = telev_code2digit(event);
            if (digit > 0) {
                Dtmf(leg, static_cast<char>(digit));
            }
        }
        return;
    }
    if (hdr->pt != leg.format.payload_type) {
        return;  // comfort noise, a codec we did not agree on
    }
    const uint8_t* payload = mbuf_buf(mb);
    const size_t n = std::min<size_t>(mbuf_get_left(mb), 480);
    int16_t pcm[480];
    for (size_t i = 0; i < n; ++i) {
        pcm[i] = Decode(leg.format.codec, payload[i]);
    }
    Leg* peer = leg.peer != 0 ? Find(leg.peer) : nullptr;
    const bool bridged = peer != nullptr && peer->answered && peer->remote_known;
    if (leg.tones != nullptr && !bridged) {
        dtmf_rx(leg.tones, pcm, static_cast<int>(n));
    }
    if (leg.record != nullptr && !leg.record_paused) {
        Buffer(leg.heard_own, pcm, n);
    }
    if (!bridged) {
        return;
    }
    if (peer->record != nullptr && !peer->record_paused) {
        Buffer(peer->heard_peer, pcm, n);
    }
    if (leg.held || peer->held) {
        return;  // the held side hears music, and is not heard
    }
    ResetFrame();
    for (size_t i = 0; i < n; ++i) {
        mbuf_write_u8(frame_, peer->format.codec == leg.format.codec
                                  ? payload[i]
                                  : Encode(peer->format.codec, pcm[i]));
    }
    mbuf_set_pos(frame_, RTP_HEADER_SIZE);
    (void)rtp_send(peer->rtp, &peer->remote, false, peer->marker,
                   static_cast<uint8_t>(peer->format.payload_type), peer->ts, frame_);
    peer->marker = false;
    peer->ts += static_cast<uint32_t>(n);
}

void SipAdapter::OnTick() {
    // Frames are due every 20 ms from the start; a late tick sends what is due (at most a few)
    // so the spacing the far end sees averages 20 ms.
    const uint64_t now = tmr_jiffies();
    int due = 0;
    while (next_frame_ms_ <= now && due < 5) {
        next_frame_ms_ += 20;
        ++due;
    }
    if (next_frame_ms_ <= now) {
        next_frame_ms_ = now + 20;  // far behind (a stall): start afresh
    }
    std::vector<LegId> ids;
    ids.reserve(legs.size());
    for (const auto& [id, leg] : legs) {
        ids.push_back(id);
    }
    for (int f = 0; f < due; ++f) {
        for (LegId id : ids) {
            if (Leg* leg = Find(id)) {  // an event handler may have ended it
                SendFrame(*leg);
            }
        }
    }
    tmr_start(&tick_, next_frame_ms_ - now, &SipAdapter::OnTimer, this);
}

namespace {

// One frame of the stereo recording: what was heard from each side since the last tick, or
// silence where nothing came.
void WriteRecording(Leg& leg) {
    std::array<int16_t, kFrame * 2> stereo{};
    for (size_t i = 0; i < kFrame; ++i) {
        stereo[2 * i] = i < leg.heard_own.size() ? leg.heard_own[i] : int16_t{0};
        stereo[2 * i + 1] = i < leg.heard_peer.size() ? leg.heard_peer[i] : int16_t{0};
    }
    for (auto* v : {&leg.heard_own, &leg.heard_peer}) {
        v->erase(v->begin(), v->begin() + static_cast<long>(std::min(kFrame, v->size())));
    }
    sf_writef_short(leg.record, stereo.data(), kFrame);
}

// The next 160 samples of what the leg hears when it is not bridged: the playlist, the
// music, or silence. True when this frame finished the playlist.
bool NextSamples(Leg& leg, std::array<int16_t, kFrame>& pcm) {
    pcm.fill(0);
    if (leg.playing) {
        size_t filled = 0;
        while (filled < kFrame && leg.item < leg.playlist.size()) {
            const Pcm& p = *leg.playlist[leg.item];
            const size_t take = std::min(kFrame - filled, p.size() - leg.pos);
            std::copy_n(p.begin() + static_cast<long>(leg.pos), take,
                        pcm.begin() + static_cast<long>(filled));
            filled += take;
            leg.pos += take;
            if (leg.pos >= p.size()) {
                ++leg.item;
                leg.pos = 0;
            }
        }
        return leg.item >= leg.playlist.size();
    }
    if (leg.music != nullptr && !leg.music->empty()) {
        for (auto& sample : pcm) {
            sample = (*leg.music)[leg.music_pos];
            leg.music_pos = (leg.music_pos + 1) % leg.music->size();
        }
    }
    return false;
}

}  // namespace

void SipAdapter::ResetFrame() {
    mbuf_rewind(frame_);
    mbuf_set_end(frame_, RTP_HEADER_SIZE);  // end first: libre traps a pos past the end
    mbuf_set_pos(frame_, RTP_HEADER_SIZE);
}

bool SipAdapter::SendPendingDtmf(Leg& leg) {
    if (leg.telev == nullptr || leg.format.telephone_event < 0) {
        return false;
    }
    ResetFrame();
    bool marker = false;
    if (telev_poll(leg.telev, &marker, frame_) != 0 || frame_->end <= RTP_HEADER_SIZE) {
        return false;
    }
    mbuf_set_pos(frame_, RTP_HEADER_SIZE);
    (void)rtp_send(leg.rtp, &leg.remote, false, marker,
                   static_cast<uint8_t>(leg.format.telephone_event), leg.ts, frame_);
    leg.ts += kFrame;
    return true;
}

void SipAdapter::SendFrame(Leg& leg) {
    if (leg.record != nullptr && !leg.record_paused) {
        WriteRecording(leg);
    }
    if (!leg.answered || !leg.remote_known || leg.rtp == nullptr) {
        return;
    }
    if (SendPendingDtmf(leg)) {
        return;  // a key (SendDtmf, or passed on in a bridge) goes in place of audio
    }
    Leg* peer = leg.peer != 0 ? Find(leg.peer) : nullptr;
    if (peer != nullptr && !leg.held && !peer->held && peer->answered) {
        return;  // bridged: the peer's packets are relayed as they come
    }
    std::array<int16_t, kFrame> pcm{};
    const bool finished = NextSamples(leg, pcm);
    ResetFrame();
    for (int16_t s : pcm) {
        mbuf_write_u8(frame_, Encode(leg.format.codec, s));
    }
    mbuf_set_pos(frame_, RTP_HEADER_SIZE);
    (void)rtp_send(leg.rtp, &leg.remote, false, leg.marker,
                   static_cast<uint8_t>(leg.format.payload_type), leg.ts, frame_);
    leg.marker = false;
    leg.ts += kFrame;
    if (finished) {
        leg.playing = false;
        leg.playlist.clear();
        Emit(Event::Kind::kPlaybackDone, leg.id);
    }
}

}  // namespace hotline::telephony::sip
