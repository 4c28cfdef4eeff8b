#pragma once
// Queueing formulas for staffing (ARCHITECTURE.md §4, docs/staffing.md). Rates are per second,
// times in seconds. Every function is exact (no simulation, no diffusion approximation) and
// stable from one agent to tens of thousands and under any load: an unstable Erlang C queue is
// reported as `stable = false` with infinite waits, never NaN.

#include <optional>

namespace hotline::wfm {

// Which calls a service level counts (docs/staffing.md):
enum class SlVariant {
    kOffered,   // answered within T / all offered calls (abandoned calls count as missed)
    kAnswered,  // answered within T / answered calls
    kVirtual,   // P(the wait an infinitely patient caller would have had <= T)
};

struct Load {
    double arrival_rate = 0;                                       // λ, calls per second
    double handle_time = 0;                                        // 1/μ, seconds
    double traffic() const { return arrival_rate * handle_time; }  // Erlangs
};

// Erlang B: blocking probability of `lines` servers and no queue (M/M/n/n). The recursion
// B(k) = A·B(k−1) / (k + A·B(k−1)) never overflows.
double ErlangB(int lines, double traffic_erlangs);

struct Performance {
    bool stable = true;        // false: Erlang C with agents <= traffic (the queue grows forever)
    double p_wait = 0;         // an arriving call waits (all agents busy)
    double p_abandon = 0;      // share of offered calls that abandon (Erlang A/X)
    double p_block = 0;        // share of offered calls refused: all lines busy (Erlang B/X)
    double service_level = 0;  // by the variant asked for
    double asa = 0;            // mean wait of answered calls, s (infinite when unstable)
    double mean_wait_all = 0;  // mean wait of every accepted call, abandoned ones included, s
    double occupancy = 0;      // carried traffic / agents
    double arrival_rate = 0;   // λ including redials (Erlang X), per second
};

// Erlang C (M/M/n): P(wait), SL(T) = 1 − P(wait)·e^{−(nμ−λ)T}, ASA = P(wait)/(nμ − λ).
Performance ErlangC(int agents, const Load& load, double threshold_s);

// Erlang A (M/M/n+M, exponential patience with mean `patience_s`): exact, with the regularized
// incomplete gamma function (derivation in docs/staffing.md).
// `with_asa = false` skips the one figure that needs numerical integration (staffing searches
// without an ASA target do not look at it); `asa` is then NaN.
Performance ErlangA(int agents, const Load& load, double patience_s, double threshold_s,
                    SlVariant variant, bool with_asa = true);

// Erlang X: Erlang A with `lines` places in the system (callers beyond are blocked) and a share
// `retrial` of blocked and abandoned callers calling again, solved as a fixed point of the
// arrival rate.
Performance ErlangX(int agents, const Load& load, double patience_s, double threshold_s,
                    SlVariant variant, int lines, double retrial);

}  // namespace hotline::wfm
