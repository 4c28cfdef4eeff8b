#include "hotline/wfm/staffing.h"

#include <array>
#include <cmath>
#include <utility>

namespace hotline::wfm {
namespace {

constexpr std::array<std::pair<Model, std::string_view>, 4> kModels{{
    {Model::kErlangB, "erlang-b"},
    {Model::kErlangC, "erlang-c"},
    {Model::kErlangA, "erlang-a"},
    {Model::kErlangX, "erlang-x"},
}};

// Lines for Erlang X when none are given: enough that blocking is negligible.
int DefaultLines(int agents, const Load& load) {
    return agents + static_cast<int>(std::ceil(20 + 10 * load.traffic()));
}

bool Meets(const Performance& p, const Targets& t, Model model) {
    if (!p.stable) {
        return false;
    }
    if (t.service_level && model != Model::kErlangB && p.service_level + 1e-12 < *t.service_level) {
        return false;
    }
    if (t.asa_s && model != Model::kErlangB && p.asa > *t.asa_s + 1e-9) {
        return false;
    }
    if (t.max_abandon && p.p_abandon > *t.max_abandon + 1e-12) {
        return false;
    }
    if (t.max_occupancy && p.occupancy > *t.max_occupancy + 1e-12) {
        return false;
    }
    if (t.max_blocking && p.p_block > *t.max_blocking + 1e-12) {
        return false;
    }
    return true;
}

}  // namespace

std::optional<Model> ParseModel(std::string_view name) {
    for (const auto& [m, n] : kModels) {
        if (n == name) {
            return m;
        }
    }
    return std::nullopt;
}

std::string_view ModelName(Model m) {
    for (const auto& [model, n] : kModels) {
        if (model == m) {
            return n;
        }
    }
    return "?";
}

Performance Evaluate(int agents, const Load& load, const ModelParams& params) {
    switch (params.model) {
        case Model::kErlangB: {
            Performance p;
            p.arrival_rate = load.arrival_rate;
            p.p_block = ErlangB(agents, load.traffic());
            p.occupancy = agents > 0 ? load.traffic() * (1 - p.p_block) / agents : 0;
            return p;
        }
        case Model::kErlangC:
            return ErlangC(agents, load, params.threshold_s);
        case Model::kErlangA:
            return ErlangA(agents, load, params.patience_s, params.threshold_s, params.variant);
        case Model::kErlangX: {
            const int lines = params.lines > 0 ? params.lines : DefaultLines(agents, load);
            return ErlangX(agents, load, params.patience_s, params.threshold_s, params.variant,
                           lines, params.retrial);
        }
    }
    return {};
}

int Positions(int agents, double shrinkage) {
    if (shrinkage <= 0) {
        return agents;
    }
    return static_cast<int>(std::ceil(agents / (1 - shrinkage) - 1e-9));
}

Result<Requirement> RequiredAgents(const Load& load, const ModelParams& params,
                                   const Targets& targets) {
    if (!targets.any()) {
        return InvalidArgument(
            "no target: give a service level, ASA, abandon, occupancy or blocking target");
    }
    if (params.model == Model::kErlangB && !targets.max_blocking && !targets.max_occupancy) {
        return InvalidArgument("Erlang B sizes lines for a blocking target (--max-blocking)");
    }
    if (targets.max_abandon && *targets.max_abandon <= 0 &&
        (params.model == Model::kErlangA || params.model == Model::kErlangX)) {
        return InvalidArgument(
            "an abandon rate of 0 cannot be met while callers have finite patience");
    }
    if (targets.service_level && *targets.service_level >= 1 && params.model != Model::kErlangB) {
        return InvalidArgument("a service level of 100% cannot be met: some callers always wait");
    }
    const double a = load.traffic();
    if (load.arrival_rate <= 0) {
        Requirement none;
        none.performance = Evaluate(0, load, params);
        return none;
    }
    // The search skips Erlang A's ASA integral unless a target needs it; the answer gets it.
    const bool need_asa = targets.asa_s.has_value();
    auto ok = [&](int n) {
        const Performance p =
            params.model == Model::kErlangA
                ? ErlangA(n, load, params.patience_s, params.threshold_s, params.variant, need_asa)
                : Evaluate(n, load, params);
        return Meets(p, targets, params.model);
    };
    // Grow from the traffic by doubling steps, then bisect between the last miss and the hit.
    int low = std::max(0, static_cast<int>(std::floor(a)) - 1);
    while (low > 0 && ok(low)) {
        low /= 2;  // light targets can be met below the traffic (Erlang A)
    }
    int step = std::max(1, static_cast<int>(std::sqrt(a + 1)));
    int high = low + step;
    constexpr int kMaxAgents = 1'000'000;
    while (!ok(high)) {
        low = high;
        step *= 2;
        high = low + step;
        if (high > kMaxAgents) {
            return InvalidArgument("the targets need more than 1,000,000 agents");
        }
    }
    while (high - low > 1) {
        const int mid = low + (high - low) / 2;
        (ok(mid) ? high : low) = mid;
    }
    Requirement r;
    r.agents = high;
    r.positions = Positions(high, targets.shrinkage);
    r.performance = Evaluate(high, load, params);
    return r;
}

}  // namespace hotline::wfm
