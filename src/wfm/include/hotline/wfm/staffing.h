#pragma once
// Staffing: the fewest agents that meet every target, for one interval or a plan of intervals.

#include <optional>
#include <string>
#include <vector>

#include "hotline/core/status.h"
#include "hotline/wfm/erlang.h"

namespace hotline::wfm {

enum class Model { kErlangB, kErlangC, kErlangA, kErlangX };

std::optional<Model> ParseModel(std::string_view name);  // erlang-b, erlang-c, erlang-a, erlang-x
std::string_view ModelName(Model m);

struct ModelParams {
    Model model = Model::kErlangC;
    double threshold_s = 20;  // T of the service level
    double patience_s = 0;    // Erlang A/X: mean patience
    SlVariant variant = SlVariant::kOffered;
    int lines = 0;       // Erlang X: places in the system (0: agents + 100 × traffic)
    double retrial = 0;  // Erlang X: share of blocked/abandoned callers who call again
};

struct Targets {
    std::optional<double> service_level;  // e.g. 0.8 (at ModelParams::threshold_s)
    std::optional<double> asa_s;
    std::optional<double> max_abandon;
    std::optional<double> max_occupancy;
    std::optional<double> max_blocking;  // Erlang B (and X)
    double shrinkage = 0;                // positions = ceil(agents / (1 − shrinkage))
    bool any() const {
        return service_level || asa_s || max_abandon || max_occupancy || max_blocking;
    }
};

// One evaluation: the model's figures for `agents` (for Erlang B, `agents` are lines).
Performance Evaluate(int agents, const Load& load, const ModelParams& params);

struct Requirement {
    int agents = 0;
    int positions = 0;  // agents grossed up for shrinkage
    Performance performance;
};

// The fewest agents meeting every target. Monotone search: grows from the traffic until the
// targets hold, then bisects; an impossible target (an abandon cap of 0 with patience) is an
// error naming it.
Result<Requirement> RequiredAgents(const Load& load, const ModelParams& params,
                                   const Targets& targets);

int Positions(int agents, double shrinkage);

}  // namespace hotline::wfm
