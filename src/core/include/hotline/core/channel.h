#pragma once
// Contact channels and the capacity class each one draws on.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hotline {

enum class Channel : uint8_t { kVoice, kChat, kEmail, kSocial, kCallback };
inline constexpr int kChannelCount = 5;

// Agents have capacity per media class: a callback is a phone call, social messages are chats.
enum class Media : uint8_t { kVoice, kChat, kEmail };
inline constexpr int kMediaCount = 3;

std::string_view ChannelName(Channel c);
std::optional<Channel> ParseChannel(std::string_view name);
std::string_view MediaName(Media m);
std::optional<Media> ParseMedia(std::string_view name);

constexpr Media MediaOf(Channel c) {
    switch (c) {
        case Channel::kVoice:
        case Channel::kCallback:
            return Media::kVoice;
        case Channel::kChat:
        case Channel::kSocial:
            return Media::kChat;
        case Channel::kEmail:
            return Media::kEmail;
    }
    return Media::kVoice;
}

}  // namespace hotline
