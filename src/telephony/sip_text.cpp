#include "hotline/telephony/sip_text.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hotline::telephony {
namespace {

bool IEquals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

std::optional<char> Key(std::string_view v) {
    v = Trim(v);
    if (v.size() != 1) {
        // RFC 4733 event codes also appear as numbers: 10 = *, 11 = #.
        if (v == "10") {
            return '*';
        }
        if (v == "11") {
            return '#';
        }
        return std::nullopt;
    }
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(v.front())));
    if ((c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D')) {
        return c;
    }
    return std::nullopt;
}

}  // namespace

std::optional<char> DtmfFromInfo(std::string_view content_type, std::string_view body) {
    std::string_view type = Trim(content_type.substr(0, content_type.find(';')));
    if (IEquals(type, "application/dtmf")) {
        return Key(body);
    }
    if (!IEquals(type, "application/dtmf-relay")) {
        return std::nullopt;
    }
    while (!body.empty()) {
        const size_t eol = body.find('\n');
        std::string_view line = body.substr(0, eol);
        body = eol == std::string_view::npos ? std::string_view{} : body.substr(eol + 1);
        const size_t eq = line.find('=');
        if (eq != std::string_view::npos && IEquals(Trim(line.substr(0, eq)), "Signal")) {
            return Key(line.substr(eq + 1));
        }
    }
    return std::nullopt;
}

std::optional<AudioFormat> ChooseAudio(const std::vector<SdpFormat>& offered) {
    std::optional<AudioFormat> out;
    int telephone_event = -1;
    for (const SdpFormat& f : offered) {
        if (f.payload_type < 0 || f.payload_type > 127) {
            continue;
        }
        if (IEquals(f.name, "telephone-event") && f.clock_rate == 8000 && telephone_event < 0) {
            telephone_event = f.payload_type;
        }
        if (out || (f.clock_rate != 8000 && f.clock_rate != 0)) {
            continue;
        }
        // Static payload types may come without a name (no a=rtpmap line).
        if (IEquals(f.name, "PCMU") || (f.name.empty() && f.payload_type == 0)) {
            out = AudioFormat{Codec::kPcmu, f.payload_type, -1};
        } else if (IEquals(f.name, "PCMA") || (f.name.empty() && f.payload_type == 8)) {
            out = AudioFormat{Codec::kPcma, f.payload_type, -1};
        }
    }
    if (out) {
        out->telephone_event = telephone_event;
    }
    return out;
}

}  // namespace hotline::telephony
