#include "hotline/sim/distribution.h"

#include <cmath>
#include <cstdio>
#include <numeric>

namespace hotline::sim {
namespace {

// Uniform in (0, 1], from the top 53 bits: std::generate_canonical's result differs between
// standard libraries, this one does not.
double Uniform(std::mt19937_64& rng) {
    return (static_cast<double>(rng() >> 11) + 1.0) * 0x1.0p-53;
}

double StandardNormal(std::mt19937_64& rng) {  // Box–Muller, one of the pair
    const double u1 = Uniform(rng), u2 = Uniform(rng);
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
}

// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3).
double StandardGamma(double shape, std::mt19937_64& rng) {
    if (shape < 1) {
        return StandardGamma(shape + 1, rng) * std::pow(Uniform(rng), 1 / shape);
    }
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    while (true) {
        double x = 0, v = 0;
        do {
            x = StandardNormal(rng);
            v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const double u = Uniform(rng);
        if (u < 1 - 0.0331 * x * x * x * x ||
            std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) {
            return d * v;
        }
    }
}

}  // namespace

Distribution Distribution::Constant(double seconds) {
    Distribution d;
    d.kind_ = Kind::kConstant;
    d.mean_ = seconds;
    return d;
}

Distribution Distribution::Exponential(double mean_s) {
    Distribution d;
    d.kind_ = Kind::kExponential;
    d.mean_ = mean_s;
    return d;
}

Distribution Distribution::Lognormal(double mean_s, double sd_s) {
    Distribution d;
    d.kind_ = Kind::kLognormal;
    d.mean_ = mean_s;
    const double sigma2 = std::log(1 + (sd_s * sd_s) / (mean_s * mean_s));
    d.p1_ = std::log(mean_s) - sigma2 / 2;  // μ of the log
    d.p2_ = std::sqrt(sigma2);              // σ of the log
    return d;
}

Distribution Distribution::Gamma(double mean_s, double sd_s) {
    Distribution d;
    d.kind_ = Kind::kGamma;
    d.mean_ = mean_s;
    d.p1_ = (mean_s * mean_s) / (sd_s * sd_s);  // shape
    d.p2_ = (sd_s * sd_s) / mean_s;             // scale
    return d;
}

Result<Distribution> Distribution::Empirical(std::vector<double> seconds) {
    if (seconds.empty()) {
        return InvalidArgument("an empirical distribution needs at least one value");
    }
    for (double v : seconds) {
        if (!(v >= 0) || !std::isfinite(v)) {
            return InvalidArgument("empirical durations must be finite and >= 0");
        }
    }
    Distribution d;
    d.kind_ = Kind::kEmpirical;
    d.mean_ =
        std::accumulate(seconds.begin(), seconds.end(), 0.0) / static_cast<double>(seconds.size());
    d.values_ = std::move(seconds);
    return d;
}

double Distribution::Sample(std::mt19937_64& rng) const {
    switch (kind_) {
        case Kind::kConstant:
            return mean_;
        case Kind::kExponential:
            return -mean_ * std::log(Uniform(rng));
        case Kind::kLognormal:
            return std::exp(p1_ + p2_ * StandardNormal(rng));
        case Kind::kGamma:
            return StandardGamma(p1_, rng) * p2_;
        case Kind::kEmpirical:
            return values_[rng() % values_.size()];
    }
    return mean_;
}

std::string Distribution::Describe() const {
    char buf[96];
    const char* names[] = {"constant", "exponential", "lognormal", "gamma", "empirical"};
    std::snprintf(buf, sizeof buf, "%s, mean %.1fs", names[static_cast<int>(kind_)], mean_);
    return buf;
}

}  // namespace hotline::sim
