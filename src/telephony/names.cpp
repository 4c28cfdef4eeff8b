#include "hotline/telephony/telephony.h"

namespace hotline::telephony {

std::string_view EndCauseName(EndCause c) {
    switch (c) {
        case EndCause::kNormal:
            return "normal";
        case EndCause::kBusy:
            return "busy";
        case EndCause::kRejected:
            return "rejected";
        case EndCause::kNoAnswer:
            return "no_answer";
        case EndCause::kUnreachable:
            return "unreachable";
        case EndCause::kCancelled:
            return "cancelled";
        case EndCause::kError:
            return "error";
    }
    return "error";
}

std::string_view EventKindName(Event::Kind k) {
    switch (k) {
        case Event::Kind::kIncoming:
            return "incoming";
        case Event::Kind::kRinging:
            return "ringing";
        case Event::Kind::kAnswered:
            return "answered";
        case Event::Kind::kDtmf:
            return "dtmf";
        case Event::Kind::kPlaybackDone:
            return "playback_done";
        case Event::Kind::kBridged:
            return "bridged";
        case Event::Kind::kUnbridged:
            return "unbridged";
        case Event::Kind::kEnded:
            return "ended";
    }
    return "ended";
}

}  // namespace hotline::telephony
