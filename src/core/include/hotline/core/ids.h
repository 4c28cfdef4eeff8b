#pragma once
// Typed identifiers: an AgentId cannot be passed where a QueueId is expected.

#include <compare>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace hotline {

template <class Tag>
class StrongId {
  public:
    StrongId() = default;
    explicit StrongId(std::string value) : value_(std::move(value)) {}
    explicit StrongId(std::string_view value) : value_(value) {}
    explicit StrongId(const char* value) : value_(value) {}

    const std::string& str() const { return value_; }
    bool empty() const { return value_.empty(); }

    friend auto operator<=>(const StrongId&, const StrongId&) = default;
    friend bool operator==(const StrongId&, const StrongId&) = default;

  private:
    std::string value_;
};

struct AgentTag {};
struct QueueTag {};
struct InteractionTag {};
struct SkillTag {};
struct TeamTag {};
struct RuleTag {};

using AgentId = StrongId<AgentTag>;
using QueueId = StrongId<QueueTag>;
using InteractionId = StrongId<InteractionTag>;
using SkillId = StrongId<SkillTag>;
using TeamId = StrongId<TeamTag>;
using RuleId = StrongId<RuleTag>;

}  // namespace hotline

template <class Tag>
struct std::hash<hotline::StrongId<Tag>> {
    size_t operator()(const hotline::StrongId<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.str());
    }
};
