#include "hotline/wfm/erlang.h"

#include <algorithm>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <vector>

namespace hotline::wfm {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// log P(a, z), the regularized lower incomplete gamma function, without underflow: below the
// mode (z < a) P is tiny for large a, so it is summed as the series
//   P(a, z) = z^a e^{-z} / Γ(a+1) · Σ_j z^j / ((a+1)…(a+j)).
double LogLowerGammaP(double a, double z) {
    if (z <= 0) {
        return -kInf;
    }
    if (z >= a) {
        return std::log(boost::math::gamma_p(a, z));
    }
    double term = 1, sum = 1;
    for (double j = 1; term > sum * 1e-17; ++j) {
        term *= z / (a + j);
        sum += term;
    }
    return a * std::log(z) - z - std::lgamma(a + 1) + std::log(sum);
}

// G0 = Σ_{q≥0} Π_{j=1..q} y/(x+j): the (unnormalized) chance mass of the waiting states of
// M/M/n+M relative to state n, with x = nμ/θ and y = λ/θ. Returns log G0 and G0 − 1 (the latter
// exact for light loads, where G0 is close to 1).
struct WaitingMass {
    double log_g0;
    double g0_minus_1;
};

WaitingMass WaitingStates(double x, double y) {
    if (y <= x) {  // terms fall from the start: sum them
        double term = 1, rest = 0;
        for (double j = 1; term > 1e-17 * (1 + rest); ++j) {
            term *= y / (x + j);
            rest += term;
        }
        return {std::log1p(rest), rest};
    }
    const double log_g0 = std::lgamma(x + 1) - x * std::log(y) + y + LogLowerGammaP(x, y);
    return {log_g0, std::expm1(log_g0)};
}

}  // namespace

double ErlangB(int lines, double traffic) {
    if (traffic <= 0) {
        return lines <= 0 ? 1.0 : 0.0;
    }
    double b = 1.0;
    for (int k = 1; k <= lines; ++k) {
        b = traffic * b / (k + traffic * b);
    }
    return b;
}

Performance ErlangC(int agents, const Load& load, double threshold_s) {
    Performance p;
    const double a = load.traffic();
    const double n = agents;
    p.arrival_rate = load.arrival_rate;
    if (a <= 0) {
        p.service_level = 1;
        return p;
    }
    if (n <= a) {  // the queue grows without bound
        p.stable = false;
        p.p_wait = 1;
        p.service_level = 0;
        p.asa = p.mean_wait_all = kInf;
        p.occupancy = 1;
        return p;
    }
    const double b = ErlangB(agents, a);
    p.p_wait = n * b / (n - a * (1 - b));
    const double drain = (n - a) / load.handle_time;  // nμ − λ
    p.service_level = 1 - p.p_wait * std::exp(-drain * threshold_s);
    p.asa = p.mean_wait_all = p.p_wait / drain;
    p.occupancy = a / n;
    return p;
}

Performance ErlangA(int agents, const Load& load, double patience_s, double threshold_s,
                    SlVariant variant, bool with_asa) {
    Performance p;
    const double lambda = load.arrival_rate;
    p.arrival_rate = lambda;
    if (lambda <= 0) {
        p.service_level = 1;
        return p;
    }
    if (agents <= 0) {  // everyone waits until they give up
        p.p_wait = p.p_abandon = 1;
        p.service_level = variant == SlVariant::kAnswered ? 0 : 0;
        p.asa = kInf;
        p.mean_wait_all = patience_s;
        return p;
    }
    const double theta = 1.0 / patience_s;
    const double mu = 1.0 / load.handle_time;
    const double x = agents * mu / theta, y = lambda / theta;
    const double b = ErlangB(agents, load.traffic());
    const WaitingMass g = WaitingStates(x, y);
    const double inv_g0 = std::exp(-g.log_g0);
    const double g_ratio = g.g0_minus_1 * inv_g0;  // 1 − 1/G0, exact when G0 is near 1
    // P(W > 0) = B·G0 / (1 + B·(G0 − 1)), written to survive G0 = e^700.
    p.p_wait = b / (inv_g0 + b * g_ratio);
    const double served_given_wait = x / y * g_ratio;  // Garnett–Mandelbaum–Reiman
    p.p_abandon = p.p_wait * (1 - served_given_wait);
    p.mean_wait_all = p.p_abandon / theta;  // Little: E[Q] = λ·E[W], P(ab) = θ·E[Q]/λ
    p.occupancy = load.traffic() * (1 - p.p_abandon) / agents;

    const double u = std::exp(-theta * threshold_s);
    const double log_px = LogLowerGammaP(x, y), log_px1 = LogLowerGammaP(x + 1, y);
    // Of the callers who wait: served within T (S(T)/G0), and virtually served within T.
    const double served_within =
        x / y * std::exp(log_px1 - log_px) * -std::expm1(LogLowerGammaP(x + 1, y * u) - log_px1);
    const double virtual_late = std::exp(LogLowerGammaP(x, y * u) - log_px);
    const double answered_within = (1 - p.p_wait) + p.p_wait * served_within;
    const double answered = 1 - p.p_abandon;
    switch (variant) {
        case SlVariant::kOffered:
            p.service_level = answered_within;
            break;
        case SlVariant::kAnswered:
            p.service_level = answered > 0 ? answered_within / answered : 0;
            break;
        case SlVariant::kVirtual:
            p.service_level = 1 - p.p_wait * virtual_late;
            break;
    }
    // ASA: the density of "served after waiting s" among waiting callers is
    // θx·u(s)^{x+1}·e^{y(1−u(s))} / G0 with u(s) = e^{−θs}; integrate s against it.
    auto density = [&](double s) {
        const double us = std::exp(-theta * s);
        return std::exp(std::log(theta * x) - (x + 1) * theta * s + y * (1 - us) - g.log_g0);
    };
    if (!with_asa) {
        p.asa = std::numeric_limits<double>::quiet_NaN();
        return p;
    }
    boost::math::quadrature::exp_sinh<double> integrator;
    const double waited = integrator.integrate([&](double s) { return s * density(s); });
    p.asa = answered > 0 ? p.p_wait * waited / answered : kInf;
    return p;
}

namespace {

// Erlang X for a fixed arrival rate: the birth–death chain truncated at `lines`.
Performance FiniteLines(int agents, const Load& load, double patience_s, double threshold_s,
                        SlVariant variant, int lines) {
    Performance p;
    const double lambda = load.arrival_rate;
    p.arrival_rate = lambda;
    const double a = load.traffic();
    const double theta = 1.0 / patience_s, mu = 1.0 / load.handle_time;
    const double x = agents * mu / theta, y = lambda / theta;
    const int queue_places = lines - agents;
    // log weights of states 0..lines, normalized with the largest.
    std::vector<double> lw(static_cast<size_t>(lines) + 1);
    for (int k = 0; k <= lines; ++k) {
        lw[k] = k <= agents ? k * std::log(a) - std::lgamma(k + 1.0)
                            : lw[k - 1] + std::log(y / (x + (k - agents)));
    }
    const double top = *std::max_element(lw.begin(), lw.end());
    double total = 0;
    for (double v : lw) {
        total += std::exp(v - top);
    }
    auto pi = [&](int k) { return std::exp(lw[k] - top) / total; };

    p.p_block = pi(lines);
    double no_wait = 0, served_after_wait = 0, queued = 0;
    for (int k = 0; k < agents; ++k) {
        no_wait += pi(k);
    }
    for (int q = 0; q < queue_places; ++q) {
        const double w = pi(agents + q);
        p.p_wait += w;
        served_after_wait += w * x / (x + q + 1);
        p.p_abandon += w * (q + 1) / (x + q + 1);
    }
    for (int q = 1; q <= queue_places; ++q) {
        queued += q * pi(agents + q);
    }
    const double accepted = 1 - p.p_block;
    const double answered = no_wait + served_after_wait;
    p.mean_wait_all = accepted > 0 ? queued / (lambda * accepted) : 0;
    p.occupancy = a * answered / agents;

    // Served (or virtually served) after waiting s, summed over the places a caller may find:
    // θx·π_n·u^{x+1}·Σ_{q<Q} (y(1−u))^q/q!  =  θx·π_n·u^{x+1}·e^{z}·Q(Q, z), z = y(1 − u).
    const double log_pi_n = lw[agents] - top - std::log(total);
    auto density = [&](double s, double extra_u) {
        const double us = std::exp(-theta * s), z = y * (1 - us);
        const double tail = queue_places > 0 ? boost::math::gamma_q(double(queue_places), z) : 0;
        return std::exp(std::log(theta * x) + log_pi_n - (x + extra_u) * theta * s + z) * tail;
    };
    boost::math::quadrature::gauss_kronrod<double, 61> gk;
    const double within = threshold_s > 0 ? gk.integrate([&](double s) { return density(s, 1); },
                                                         0.0, threshold_s, 12, 1e-12)
                                          : 0;
    const double virtual_within =
        threshold_s > 0
            ? gk.integrate([&](double s) { return density(s, 0); }, 0.0, threshold_s, 12, 1e-12)
            : 0;
    switch (variant) {
        case SlVariant::kOffered:
            p.service_level = no_wait + within;
            break;
        case SlVariant::kAnswered:
            p.service_level = answered > 0 ? (no_wait + within) / answered : 0;
            break;
        case SlVariant::kVirtual:
            p.service_level = accepted > 0 ? (no_wait + virtual_within) / accepted : 0;
            break;
    }
    boost::math::quadrature::exp_sinh<double> integrator;
    const double waited = integrator.integrate([&](double s) { return s * density(s, 1); });
    p.asa = answered > 0 ? waited / answered : kInf;
    return p;
}

}  // namespace

Performance ErlangX(int agents, const Load& load, double patience_s, double threshold_s,
                    SlVariant variant, int lines, double retrial) {
    lines = std::max(lines, agents);
    if (load.arrival_rate <= 0 || agents <= 0) {
        Performance p = ErlangA(agents, load, patience_s, threshold_s, variant);
        p.p_block = load.arrival_rate > 0 && lines == 0 ? 1 : 0;
        return p;
    }
    // Redials: λ = λ_fresh + r·λ·(P(block) + P(abandon)). The map is a contraction for r < 1.
    Load total = load;
    Performance p;
    for (int i = 0; i < 500; ++i) {
        p = FiniteLines(agents, total, patience_s, threshold_s, variant, lines);
        const double next =
            load.arrival_rate + retrial * total.arrival_rate * (p.p_block + p.p_abandon);
        const bool done = std::abs(next - total.arrival_rate) <= 1e-12 * next;
        total.arrival_rate = next;
        if (done || retrial <= 0) {
            break;
        }
    }
    return p;
}

}  // namespace hotline::wfm
