// The simulator against queueing theory: on models where Erlang C (M/M/c) and Erlang A
// (M/M/c+M) are exact, the real engine on a virtual clock must reproduce their P(wait), service
// level, ASA and P(abandon). Each KPI's mean over replications must lie within 1.5 times its 95%
// confidence half-width (about 3 standard errors) of the formula — the Envoy lesson: many
// contacts, EXPECT_NEAR against the analytic value with a stated tolerance. Seeds are fixed, so
// the outcome is the same on every run and in every build (no fast-math; the sanitizer build runs
// the same replications). HOTLINE_SIM_REPLICATIONS changes their number for exploring.
#include <gtest/gtest.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/sim/simulator.h"
#include "hotline/wfm/erlang.h"

namespace hotline::testing {
namespace {

struct Model {
    const char* name;
    int agents;
    double calls_per_hour, aht_s;
    double patience_s;  // 0: Erlang C
};

struct Estimate {
    double mean = 0, half_width = 0;
};

Estimate MeanCi(const std::vector<double>& v) {
    double m = 0;
    for (double x : v) {
        m += x;
    }
    m /= static_cast<double>(v.size());
    double ss = 0;
    for (double x : v) {
        ss += (x - m) * (x - m);
    }
    const double se =
        std::sqrt(ss / static_cast<double>(v.size() - 1) / static_cast<double>(v.size()));
    const boost::math::students_t t(static_cast<double>(v.size() - 1));
    return {m, boost::math::quantile(boost::math::complement(t, 0.025)) * se};
}

std::map<std::string, Estimate> Simulate(const Model& m, int replications) {
    sim::Scenario s;
    s.duration = std::chrono::hours(6);
    s.warmup = std::chrono::minutes(30);
    s.service_level_s = 20;
    sim::QueueTraffic q;
    q.queue = QueueId{"q"};
    q.agents = m.agents;
    q.arrivals.rate_per_hour = m.calls_per_hour;
    q.handle_time = sim::Distribution::Exponential(m.aht_s);
    if (m.patience_s > 0) {
        q.patience = sim::Distribution::Exponential(m.patience_s);
    }
    s.queues.push_back(q);
    const CenterConfig center = *sim::CenterForScenario(s);
    metrics::KpiOptions kpi;
    kpi.service_level_threshold = std::chrono::seconds(20);
    kpi.short_abandon = Duration{0};
    kpi.sl_variant = metrics::SlVariant::kOffered;
    const Timestamp origin = FromMillis(1'772'409'600'000);
    std::map<std::string, std::vector<double>> samples;
    for (int r = 0; r < replications; ++r) {
        metrics::Aggregator agg(kpi);
        sim::RunReplication(center, s, 1000 + static_cast<uint64_t>(r), origin, agg);
        metrics::ReportRequest req;
        req.from = origin + s.warmup;
        req.to = origin + s.duration;
        const auto rep = metrics::BuildReport(agg, *metrics::Calendar::ForZone("UTC"), req);
        const auto& k = rep.total.kpis;
        samples["p_wait"].push_back(*k.p_wait);
        samples["service_level"].push_back(*k.service_level);
        samples["asa_s"].push_back(*k.asa_s);
        samples["p_abandon"].push_back(static_cast<double>(rep.total.counters.contacts.abandoned) /
                                       static_cast<double>(rep.total.counters.contacts.offered));
    }
    std::map<std::string, Estimate> out;
    for (const auto& [k, v] : samples) {
        out[k] = MeanCi(v);
    }
    return out;
}

int Replications() {
    const char* env = std::getenv("HOTLINE_SIM_REPLICATIONS");
    return env != nullptr ? std::max(3, std::atoi(env)) : 16;
}

void ExpectWithin(const char* model, const char* kpi, const Estimate& sim, double exact) {
    const double tolerance = 1.5 * sim.half_width + 1e-3;
    std::printf("%-26s %-11s simulated %9.4f ± %.4f   formula %9.4f\n", model, kpi, sim.mean,
                sim.half_width, exact);
    EXPECT_NEAR(sim.mean, exact, tolerance) << model << " " << kpi << ": simulated " << sim.mean
                                            << " ± " << sim.half_width << ", formula " << exact;
}

TEST(SimulatorVsErlang, ErlangCModels) {
    for (const Model& m : {Model{"M/M/14, 10 Erlangs", 14, 200, 180, 0},
                           Model{"M/M/105, 100 Erlangs", 105, 2000, 180, 0},
                           Model{"M/M/3, 2.5 Erlangs", 3, 60, 150, 0}}) {
        auto sim = Simulate(m, Replications());
        wfm::Performance p =
            wfm::ErlangC(m.agents, wfm::Load{m.calls_per_hour / 3600, m.aht_s}, 20);
        ExpectWithin(m.name, "P(wait)", sim["p_wait"], p.p_wait);
        ExpectWithin(m.name, "SL(20s)", sim["service_level"], p.service_level);
        ExpectWithin(m.name, "ASA", sim["asa_s"], p.asa);
        EXPECT_EQ(sim["p_abandon"].mean, 0.0) << m.name;
    }
}

TEST(SimulatorVsErlang, ErlangAModels) {
    for (const Model& m : {Model{"M/M/14+M, light", 14, 200, 180, 300},
                           Model{"M/M/10+M, overloaded", 10, 240, 180, 120},
                           Model{"M/M/100+M, 105 Erlangs", 100, 2100, 180, 300}}) {
        auto sim = Simulate(m, Replications());
        wfm::Load load{m.calls_per_hour / 3600, m.aht_s};
        wfm::Performance p =
            wfm::ErlangA(m.agents, load, m.patience_s, 20, wfm::SlVariant::kOffered);
        ExpectWithin(m.name, "P(wait)", sim["p_wait"], p.p_wait);
        ExpectWithin(m.name, "P(abandon)", sim["p_abandon"], p.p_abandon);
        ExpectWithin(m.name, "SL(20s)", sim["service_level"], p.service_level);
        ExpectWithin(m.name, "ASA", sim["asa_s"], p.asa);
    }
}

}  // namespace
}  // namespace hotline::testing
