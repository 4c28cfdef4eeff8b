#pragma once
// Generated centers of any size for the benchmarks: every queue needs one skill, every agent
// holds a few skills at random levels, so each skill is covered by agents * skills_per_agent /
// skills agents and the pools overlap the way a real multi-skill center's do. Every agent
// holds the skill of at least one queue, so a full load keeps every agent busy.

#include <cstdint>

#include "hotline/core/center.h"

namespace hotline::bench {

struct CenterShape {
    int agents = 100;
    int queues = 10;
    int skills = 20;
    int skills_per_agent = 4;
    Strategy strategy = Strategy::kLongestIdle;
    uint64_t seed = 42;
};

CenterConfig MakeSyntheticCenter(const CenterShape& shape);

}  // namespace hotline::bench
