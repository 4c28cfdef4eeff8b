#pragma once
// Skills with levels: what an agent has and what a queue or a contact requires.

#include <compare>
#include <vector>

#include "hotline/core/ids.h"

namespace hotline {

// One skill at or above a level (levels run 1–10).
struct SkillLevel {
    SkillId skill;
    int level = 1;
    friend bool operator==(const SkillLevel&, const SkillLevel&) = default;
    friend auto operator<=>(const SkillLevel&, const SkillLevel&) = default;
};

// All of these skills, each at least at its level. Kept sorted by skill id, one entry per skill.
using Requirement = std::vector<SkillLevel>;

}  // namespace hotline
