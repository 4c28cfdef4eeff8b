#pragma once
// Random durations for the simulator: handle times, patience, after-call work. Each draw takes
// the run's own generator, so a replication is reproducible from its seed.

#include <random>
#include <string>
#include <vector>

#include "hotline/core/status.h"

namespace hotline::sim {

class Distribution {
  public:
    enum class Kind { kConstant, kExponential, kLognormal, kGamma, kEmpirical };

    static Distribution Constant(double seconds);
    static Distribution Exponential(double mean_s);
    // Parameterised by the mean and standard deviation of the duration itself (not of its log).
    static Distribution Lognormal(double mean_s, double sd_s);
    static Distribution Gamma(double mean_s, double sd_s);
    // Draws one of the given durations uniformly (e.g. a day's real handle times).
    static Result<Distribution> Empirical(std::vector<double> seconds);

    double Sample(std::mt19937_64& rng) const;
    double mean() const { return mean_; }
    Kind kind() const { return kind_; }
    std::string Describe() const;

  private:
    Kind kind_ = Kind::kConstant;
    double mean_ = 0, p1_ = 0, p2_ = 0;
    std::vector<double> values_;
};

}  // namespace hotline::sim
