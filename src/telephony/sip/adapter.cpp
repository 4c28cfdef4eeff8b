// The loop's thread, and the Telephony commands posted into it.
#include "adapter.h"

#include <sys/resource.h>

#include <algorithm>
#include <future>
#include <iostream>

namespace hotline::telephony::sip {
namespace {

std::string Errno(int err) {
    char buf[128];
    return std::string(str_error(err, buf, sizeof(buf)));
}

}  // namespace

SipAdapter::SipAdapter(SipOptions options)
    : prompts(options.prompts),
      registrar(options.users, options.realm),
      options_(std::move(options)) {}

SipAdapter::~SipAdapter() {
    if (!thread_.joinable()) {
        return;
    }
    Post([] { re_cancel(); });
    thread_.join();
}

Status SipAdapter::Start() {
    std::promise<Status> started;
    auto result = started.get_future();
    thread_ = std::thread([this, &started] { Run(&started); });
    Status st = result.get();
    if (!st.ok()) {
        thread_.join();
    }
    return st;
}

void SipAdapter::Run(std::promise<Status>* started) {
    if (int err = libre_init(); err != 0) {
        started->set_value(Internal("libre_init: " + Errno(err)));
        return;
    }
    // One RTP socket per leg: the open-file limit decides how many calls fit, and libre's own
    // table of descriptors is 1024 unless told otherwise.
    struct rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &files);
    }
    (void)fd_setsize(static_cast<int>(std::min<rlim_t>(files.rlim_cur, 1 << 16)));
    Status st = Setup();
    if (!st.ok()) {
        Teardown();
        libre_close();
        started->set_value(st);
        return;
    }
    running_ = true;
    started->set_value(Status::Ok());
    re_main(nullptr);
    running_ = false;
    Teardown();
    libre_close();
}

Status SipAdapter::Setup() {
    if (sa_decode(&local_, options_.listen.c_str(), options_.listen.size()) != 0) {
        return InvalidArgument("--sip " + options_.listen + ": expected address:port");
    }
    if (sa_is_any(&local_)) {
        // Listen everywhere, but the SDP needs an address the far end can send RTP to.
        struct sa src {};
        if (net_default_source_addr_get(AF_INET, &src) == 0) {
            const uint16_t port = sa_port(&local_);
            local_ = src;
            sa_set_port(&local_, port);
        }
    }
    if (int err = mqueue_alloc(&queue_, &SipAdapter::OnQueue, this); err != 0) {
        return Internal("mqueue: " + Errno(err));
    }
    struct sa ns[4];
    uint32_t nsn = 4;
    char domain[64] = "";
    if (dns_srv_get(domain, sizeof(domain), ns, &nsn) != 0 || nsn == 0) {
        sa_set_str(&ns[0], "127.0.0.1", 53);
        nsn = 1;
    }
    if (int err = dnsc_alloc(&dns_, nullptr, ns, nsn); err != 0) {
        return Internal("dns client: " + Errno(err));
    }
    if (int err = sip_alloc(&sip_, dns_, 32, 32, 32, options_.user_agent.c_str(), nullptr, nullptr);
        err != 0) {
        return Internal("sip: " + Errno(err));
    }
    struct sa bind = local_;
    if (sa_decode(&bind, options_.listen.c_str(), options_.listen.size()) != 0) {
        bind = local_;
    }
    if (int err = sip_transp_add(sip_, SIP_TRANSP_UDP, &bind); err != 0) {
        return Status(ErrorCode::kUnavailable,
                      "cannot listen for SIP on udp " + options_.listen + ": " + Errno(err));
    }
    if (int err = sip_transp_add(sip_, SIP_TRANSP_TCP, &bind); err != 0) {
        return Status(ErrorCode::kUnavailable,
                      "cannot listen for SIP on tcp " + options_.listen + ": " + Errno(err));
    }
    if (!options_.tls_cert.empty()) {
        if (int err = tls_alloc(&tls_, TLS_METHOD_SSLV23, options_.tls_cert.c_str(), nullptr);
            err != 0) {
            return InvalidArgument("--sip-tls " + options_.tls_cert +
                                   ": cannot load the certificate and key (PEM): " + Errno(err));
        }
        struct sa tls_bind = bind;
        sa_set_port(&tls_bind, static_cast<uint16_t>(sa_port(&bind) + 1));
        if (int err = sip_transp_add(sip_, SIP_TRANSP_TLS, &tls_bind, tls_); err != 0) {
            return Status(ErrorCode::kUnavailable, "cannot listen for SIP on tls port " +
                                                       std::to_string(sa_port(&tls_bind)) + ": " +
                                                       Errno(err));
        }
    }
    if (int err = sipsess_listen(&sessions_, sip_, 64, OnIncomingSession, this); err != 0) {
        return Internal("sipsess: " + Errno(err));
    }
    if (int err = sip_listen(&others_, sip_, true, OnOtherRequest, this); err != 0) {
        return Internal("sip listener: " + Errno(err));
    }
    frame_ = mbuf_alloc(RTP_HEADER_SIZE + 512);
    tmr_init(&tick_);
    next_frame_ms_ = tmr_jiffies() + 20;
    tmr_start(&tick_, 20, &SipAdapter::OnTimer, this);
    return Status::Ok();
}

void SipAdapter::Teardown() {
    tmr_cancel(&tick_);
    for (auto& [id, leg] : legs) {
        tmr_cancel(&leg->ring_timer);
        leg->sess = static_cast<struct sipsess*>(mem_deref(leg->sess));
        leg->answer_sdp = static_cast<struct mbuf*>(mem_deref(leg->answer_sdp));
        CloseMedia(*leg);
    }
    legs.clear();
    if (sip_ != nullptr) {
        sip_close(sip_, true);
    }
    others_ = static_cast<struct sip_lsnr*>(mem_deref(others_));
    sessions_ = static_cast<struct sipsess_sock*>(mem_deref(sessions_));
    sip_ = static_cast<struct sip*>(mem_deref(sip_));
    dns_ = static_cast<struct dnsc*>(mem_deref(dns_));
    tls_ = static_cast<struct tls*>(mem_deref(tls_));
    frame_ = static_cast<struct mbuf*>(mem_deref(frame_));
    queue_ = static_cast<struct mqueue*>(mem_deref(queue_));
}

void SipAdapter::Post(std::function<void()> fn) {
    if (queue_ == nullptr) {
        return;
    }
    auto* task = new std::function<void()>(std::move(fn));
    if (mqueue_push(queue_, 0, task) != 0) {
        delete task;
    }
}

void SipAdapter::OnQueue(int /*id*/, void* data, void* /*arg*/) {
    std::unique_ptr<std::function<void()>> task(static_cast<std::function<void()>*>(data));
    (*task)();
}

void SipAdapter::OnTimer(void* arg) {
    static_cast<SipAdapter*>(arg)->OnTick();
}

void SipAdapter::Emit(const Event& e) {
    if (Listener* l = listener_.load()) {
        l->OnTelephonyEvent(e);
    }
}

void SipAdapter::Emit(Event::Kind kind, LegId leg) {
    Event e;
    e.kind = kind;
    e.leg = leg;
    Emit(e);
}

Leg* SipAdapter::Find(LegId id) {
    auto it = legs.find(id);
    return it == legs.end() ? nullptr : it->second.get();
}

void SipAdapter::End(Leg& leg, EndCause cause, int sip_status) {
    const LegId id = leg.id;
    tmr_cancel(&leg.ring_timer);
    Unlink(leg);
    CloseMedia(leg);
    leg.sess = static_cast<struct sipsess*>(mem_deref(leg.sess));
    leg.answer_sdp = static_cast<struct mbuf*>(mem_deref(leg.answer_sdp));
    legs.erase(id);  // `leg` is gone from here on
    Event e;
    e.kind = Event::Kind::kEnded;
    e.leg = id;
    e.cause = cause;
    e.sip_status = sip_status;
    Emit(e);
}

// ---- commands: each runs on the loop; a leg that has ended meanwhile is ignored ----

void SipAdapter::Answer(LegId id) {
    Post([this, id] {
        if (Leg* l = Find(id)) {
            AnswerLeg(*this, *l);
        }
    });
}

void SipAdapter::Reject(LegId id, int sip_status) {
    Post([this, id, sip_status] {
        if (Leg* l = Find(id)) {
            RejectLeg(*this, *l, sip_status);
        }
    });
}

void SipAdapter::Play(LegId id, std::vector<std::string> names, std::string language,
                      bool interruptible) {
    Post([this, id, names = std::move(names), language = std::move(language), interruptible] {
        Leg* l = Find(id);
        if (l == nullptr) {
            return;
        }
        l->playlist.clear();
        for (const auto& n : names) {
            if (const Pcm* p = prompts.Prompt(n, language)) {
                l->playlist.push_back(p);
            }
        }
        l->item = l->pos = 0;
        l->playing = true;  // even when nothing could be found: done at the next tick
        l->interruptible = interruptible;
        l->marker = true;
    });
}

void SipAdapter::Stop(LegId id) {
    Post([this, id] {
        if (Leg* l = Find(id)) {
            l->playing = false;
            l->playlist.clear();
        }
    });
}

void SipAdapter::Music(LegId id, std::string music) {
    Post([this, id, music = std::move(music)] {
        if (Leg* l = Find(id)) {
            l->playing = false;
            l->playlist.clear();
            l->music = prompts.Music(music);
            l->music_pos = 0;
            l->marker = true;
        }
    });
}

LegId SipAdapter::Originate(const OriginateRequest& request) {
    const LegId id = NewLegId();
    Post([this, id, request] {
        auto owned = std::make_unique<Leg>();
        Leg& leg = *owned;
        leg.adapter = this;
        leg.id = id;
        leg.outgoing = true;
        tmr_init(&leg.ring_timer);
        legs.emplace(id, std::move(owned));
        if (Status st = StartOriginate(*this, leg, request); !st.ok()) {
            std::cerr << "hotline: sip: cannot call " << request.to << ": " << st.message() << "\n";
            End(leg, EndCause::kUnreachable, 0);
        }
    });
    return id;
}

void SipAdapter::Bridge(LegId a, LegId b) {
    Post([this, a, b] {
        Leg* la = Find(a);
        Leg* lb = Find(b);
        if (la == nullptr || lb == nullptr || a == b) {
            return;
        }
        Unlink(*la);
        Unlink(*lb);
        la->peer = b;
        lb->peer = a;
        for (Leg* l : {la, lb}) {
            l->playing = false;
            l->playlist.clear();
            l->music = nullptr;
            l->marker = true;
        }
        Event e;
        e.kind = Event::Kind::kBridged;
        e.leg = a;
        e.peer = b;
        Emit(e);
    });
}

void SipAdapter::Unbridge(LegId a) {
    Post([this, a] {
        if (Leg* l = Find(a)) {
            Unlink(*l);
        }
    });
}

void SipAdapter::Hangup(LegId id) {
    Post([this, id] {
        if (Leg* l = Find(id)) {
            HangupLeg(*this, *l);
        }
    });
}

void SipAdapter::Transfer(LegId id, std::string target) {
    Post([this, id, target = std::move(target)] {
        if (Leg* l = Find(id)) {
            TransferLeg(*this, *l, target);
        }
    });
}

void SipAdapter::Hold(LegId id, std::string music) {
    Post([this, id, music = std::move(music)] {
        if (Leg* l = Find(id)) {
            l->held = true;
            l->music = prompts.Music(music);
            l->music_pos = 0;
            l->marker = true;
        }
    });
}

void SipAdapter::Unhold(LegId id) {
    Post([this, id] {
        if (Leg* l = Find(id)) {
            l->held = false;
            l->music = nullptr;
            l->marker = true;
        }
    });
}

void SipAdapter::Record(LegId id, std::string path) {
    Post([this, id, path = std::move(path)] {
        Leg* l = Find(id);
        if (l == nullptr || l->record != nullptr) {
            return;
        }
        SF_INFO info{};
        info.samplerate = 8000;
        info.channels = 2;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        l->record = sf_open(path.c_str(), SFM_WRITE, &info);
        if (l->record == nullptr) {
            std::cerr << "hotline: cannot record into " << path << ": " << sf_strerror(nullptr)
                      << "\n";
        }
        l->record_paused = false;
    });
}

void SipAdapter::PauseRecording(LegId id, bool paused) {
    Post([this, id, paused] {
        if (Leg* l = Find(id)) {
            l->record_paused = paused;
        }
    });
}

void SipAdapter::StopRecording(LegId id) {
    Post([this, id] {
        if (Leg* l = Find(id); l != nullptr && l->record != nullptr) {
            sf_close(l->record);
            l->record = nullptr;
        }
    });
}

void SipAdapter::SendDtmf(LegId id, std::string digits) {
    Post([this, id, digits = std::move(digits)] {
        Leg* l = Find(id);
        if (l == nullptr || l->telev == nullptr) {
            return;
        }
        for (char d : digits) {
            const int code = telev_digit2code(d);
            if (code >= 0) {
                (void)telev_send(l->telev, code, false);
                (void)telev_send(l->telev, code, true);
            }
        }
    });
}

}  // namespace hotline::telephony::sip

namespace hotline::telephony {

Result<std::unique_ptr<Telephony>> StartSip(const SipOptions& options) {
    auto adapter = std::make_unique<sip::SipAdapter>(options);
    RETURN_IF_ERROR(adapter->Start());
    return std::unique_ptr<Telephony>(std::move(adapter));
}

}  // namespace hotline::telephony
