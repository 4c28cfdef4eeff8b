// `hotline simulate [CENTER.yaml] SCENARIO.yaml`: replications of the real engine on a virtual
// clock; KPIs per queue through the metrics module, as means with 95% confidence intervals.
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/core/json_text.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/sim/simulator.h"

namespace hotline::app {
namespace {

namespace json = boost::json;

// The simulator's KPIs, under the names of docs/simulation.md.
constexpr const char* kKpis[] = {
    "offered", "answered",     "abandoned",   "service_level", "service_level_answered",
    "asa_s",   "abandon_rate", "answer_rate", "aht_s",         "occupancy",
    "p_wait"};

using Sample = std::map<std::string, double>;  // one replication's KPIs of one row

Sample Kpis(const metrics::ReportRow& row, const std::optional<double>& occupancy) {
    const auto& c = row.counters.contacts;
    const auto& k = row.kpis;
    Sample s;
    auto put = [&](const char* name, const std::optional<double>& v) {
        if (v) {
            s[name] = *v;
        }
    };
    s["offered"] = static_cast<double>(c.offered);
    s["answered"] = static_cast<double>(c.answered);
    s["abandoned"] = static_cast<double>(c.abandoned);
    put("service_level", k.service_level);
    put("service_level_answered", k.service_level_answered);
    put("asa_s", k.asa_s);
    put("abandon_rate", k.abandon_rate);
    put("answer_rate", k.answer_rate);
    put("aht_s", k.aht_s);
    put("p_wait", k.p_wait);
    put("occupancy", occupancy);
    return s;
}

class Tee : public EventSink {
  public:
    Tee(EventSink& a, std::ostream* file) : a_(a), file_(file) {}
    void OnEvent(const Event& e) override {
        a_.OnEvent(e);
        if (file_ != nullptr) {
            *file_ << EventToJson(e) << '\n';
        }
    }

  private:
    EventSink& a_;
    std::ostream* file_;
};

struct Summary {
    std::map<std::string, std::vector<Sample>> rows;  // "" is the total
    // With --interval: (interval label, queue) → samples; queue "" is the interval's total.
    std::map<std::pair<std::string, std::string>, std::vector<Sample>> intervals;
    int64_t contacts = 0, events = 0;
};

// Mean and 95% half-width (Student's t over replications).
std::pair<double, double> MeanCi(const std::vector<double>& v) {
    const double n = static_cast<double>(v.size());
    double m = 0;
    for (double x : v) {
        m += x;
    }
    m /= n;
    if (v.size() < 2) {
        return {m, 0};
    }
    double ss = 0;
    for (double x : v) {
        ss += (x - m) * (x - m);
    }
    const boost::math::students_t t(n - 1);
    return {m,
            boost::math::quantile(boost::math::complement(t, 0.025)) * std::sqrt(ss / (n - 1) / n)};
}

json::object RowJson(const std::vector<Sample>& samples, bool with_ci) {
    json::object o, ci;
    for (const char* k : kKpis) {
        std::vector<double> v;
        for (const auto& s : samples) {
            if (auto it = s.find(k); it != s.end()) {
                v.push_back(it->second);
            }
        }
        if (v.empty()) {
            o[k] = nullptr;
            continue;
        }
        auto [m, h] = MeanCi(v);
        o[k] = m;
        if (with_ci) {
            ci[k] = h;
        }
    }
    if (with_ci) {
        o["ci95"] = std::move(ci);
    }
    return o;
}

Result<CenterConfig> BuildCenter(const SimulateOptions& o, const sim::Scenario& s) {
    if (o.center.empty()) {
        if (!s.ivr.empty()) {
            return InvalidArgument("IVR entry points need a center file with the flows");
        }
        return sim::CenterForScenario(s);
    }
    config::LoadResult loaded = config::LoadCenterFromFile(o.center);
    for (const auto& e : loaded.errors) {
        std::cerr << e.ToString() << "\n";
    }
    if (!loaded.ok()) {
        return InvalidArgument(o.center + ": not a valid center");
    }
    CenterConfig c = loaded.center;
    for (const auto& q : s.queues) {
        const QueueConfig* qc = c.FindQueue(q.queue);
        if (qc == nullptr) {
            return InvalidArgument("the scenario's queue '" + q.queue.str() + "' is not in " +
                                   o.center);
        }
        // `agents: N` adds N agents dedicated to the queue (its skills at level 10).
        for (int i = 0; q.agents && i < *q.agents; ++i) {
            AgentConfig a;
            a.id = AgentId{"sim-" + q.queue.str() + "-" + std::to_string(i + 1)};
            a.team = TeamId{};
            for (const auto& sk : qc->skills) {
                a.skills.push_back(SkillLevel{sk.skill, 10});
            }
            c.agents.push_back(a);
        }
    }
    for (const auto& shift : s.roster) {
        if (c.FindAgent(shift.agent) == nullptr) {
            return InvalidArgument("the roster's agent '" + shift.agent.str() + "' is not in " +
                                   o.center);
        }
    }
    // Every queue a flow can send callers to needs its handle time in the scenario.
    for (const auto& e : s.ivr) {
        const IvrFlow* flow = c.FindFlow(e.flow);
        if (flow == nullptr) {
            return InvalidArgument("the scenario's IVR flow '" + e.flow + "' is not in " +
                                   o.center);
        }
        for (const auto& n : flow->nodes) {
            if (n.kind != IvrNodeKind::kQueue) {
                continue;
            }
            bool listed = false;
            for (const auto& q : s.queues) {
                listed |= q.queue == n.queue;
            }
            if (!listed) {
                return InvalidArgument("flow '" + e.flow + "' sends callers to queue '" +
                                       n.queue.str() +
                                       "': list it under queues: with its handle_time");
            }
        }
    }
    return c;
}

}  // namespace

int SimulateCommand(const SimulateOptions& o) {
    std::ifstream in(o.scenario);
    if (!in) {
        std::cerr << o.scenario << ": cannot open the file\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const auto slash = o.scenario.find_last_of('/');
    auto scenario = sim::ParseScenario(
        text.str(), o.scenario, slash == std::string::npos ? "" : o.scenario.substr(0, slash));
    if (!scenario.ok()) {
        std::cerr << scenario.status().message() << "\n";
        return 2;
    }
    auto center = BuildCenter(o, *scenario);
    if (!center.ok()) {
        std::cerr << "simulate: " << center.status().message() << "\n";
        return 2;
    }
    if (o.replications < 1 || o.replications > 10000) {
        std::cerr << "simulate: --replications must be between 1 and 10000\n";
        return 2;
    }
    std::ofstream events;
    if (!o.events.empty()) {
        events.open(o.events, std::ios::binary | std::ios::trunc);
        if (!events) {
            std::cerr << o.events << ": cannot write the file\n";
            return 1;
        }
    }
    const uint64_t seed = o.seed.value_or(scenario->seed);
    const Timestamp origin = FromMillis(1'772'409'600'000);  // Monday 2026-03-02 00:00 UTC
    const bool scenario_only = o.center.empty();
    metrics::KpiOptions kpi;
    kpi.service_level_threshold = Duration{static_cast<int64_t>(scenario->service_level_s * 1000)};
    kpi.short_abandon = Duration{0};
    kpi.sl_variant = metrics::SlVariant::kOffered;
    auto cal = metrics::Calendar::ForZone("UTC");
    std::optional<metrics::IntervalSpec> interval;
    if (!o.interval.empty()) {
        auto iv = metrics::ParseInterval(o.interval);
        if (!iv.ok()) {
            std::cerr << "simulate: --interval: " << iv.status().message() << "\n";
            return 2;
        }
        interval = *iv;
    }
    // The IVR's hours node follows the center's business hours in its own time zone.
    std::function<bool(Timestamp)> open;
    if (!scenario_only) {
        open = metrics::BusinessHoursOf(*center);
    }
    std::map<std::string, std::string>
        agent_team;  // for occupancy by team (= queue without a center)
    for (const auto& a : center->agents) {
        agent_team[a.id.str()] = a.team.str();
    }
    const bool progress = isatty(2) != 0;
    Summary sum;
    for (int r = 0; r < o.replications; ++r) {
        metrics::Aggregator agg(kpi);
        Tee tee(agg, r == 0 && events.is_open() ? &events : nullptr);
        sim::RunStats stats = sim::RunReplication(
            *center, *scenario, seed + static_cast<uint64_t>(r), origin, tee, open);
        sum.contacts += stats.arrivals;
        sum.events += stats.events;
        agg.AdvanceTo(agg.last_event());
        metrics::ReportRequest req;
        req.from = origin + scenario->warmup;
        req.to = origin + scenario->duration;
        req.by = metrics::GroupBy::kQueue;
        const metrics::Report by_queue = metrics::BuildReport(agg, *cal, req);
        req.by = metrics::GroupBy::kTeam;
        req.agent_team = agent_team;
        const metrics::Report by_team = metrics::BuildReport(agg, *cal, req);
        std::map<std::string, std::optional<double>> occupancy;
        for (const auto& row : by_team.rows) {
            occupancy[row.key] = row.kpis.occupancy;
        }
        for (const auto& row : by_queue.rows) {
            // Without a center each queue has its own agents (team = queue): its occupancy is
            // theirs.
            sum.rows[row.key].push_back(
                Kpis(row, scenario_only ? occupancy[row.key] : std::nullopt));
        }
        sum.rows[""].push_back(Kpis(by_queue.total, by_queue.total.kpis.occupancy));
        if (interval) {
            metrics::ReportRequest per = req;
            per.interval = *interval;
            per.by = metrics::GroupBy::kQueue;
            for (const auto& row : metrics::BuildReport(agg, *cal, per).rows) {
                sum.intervals[{row.interval, row.key}].push_back(Kpis(row, std::nullopt));
            }
            per.by = metrics::GroupBy::kNone;
            for (const auto& row : metrics::BuildReport(agg, *cal, per).rows) {
                sum.intervals[{row.interval, ""}].push_back(Kpis(row, row.kpis.occupancy));
            }
        }
        if (progress) {
            std::fprintf(stderr, "\rsimulate: replication %d/%d, %lld contacts", r + 1,
                         o.replications, static_cast<long long>(sum.contacts));
        }
    }
    if (progress) {
        std::fprintf(stderr, "\n");
    }

    const bool ci = o.replications > 1;
    if (o.json) {
        json::object root, queues;
        for (const auto& [key, samples] : sum.rows) {
            if (!key.empty()) {
                queues[key] = RowJson(samples, ci);
            }
        }
        root["queues"] = std::move(queues);
        if (interval) {
            json::array rows;
            for (const auto& [key, samples] : sum.intervals) {
                json::object row = RowJson(samples, ci);
                row["interval"] = key.first;
                row["queue"] = key.second.empty() ? json::value(nullptr) : json::value(key.second);
                rows.push_back(std::move(row));
            }
            root["intervals"] = std::move(rows);
        }
        root["total"] = RowJson(sum.rows[""], ci);
        root["replications"] = o.replications;
        root["simulated_contacts"] = sum.contacts;
        root["events"] = sum.events;
        root["seed"] = seed;
        std::cout << PlainJson(root) << "\n";
        return 0;
    }
    std::printf("%d replication%s of %s (warm-up %s), seed %llu: %lld contacts, %lld events\n",
                o.replications, o.replications == 1 ? "" : "s",
                FormatDuration(scenario->duration).c_str(),
                FormatDuration(scenario->warmup).c_str(), static_cast<unsigned long long>(seed),
                static_cast<long long>(sum.contacts), static_cast<long long>(sum.events));
    std::printf("%-14s %9s %9s %9s %15s %13s %15s %11s %15s\n", "queue", "offered", "answered",
                "abandoned", "SL", "ASA", "abandon%", "AHT", "occupancy");
    auto cell = [&](const std::vector<Sample>& samples, const char* k, bool pct) {
        std::vector<double> v;
        for (const auto& s : samples) {
            if (auto it = s.find(k); it != s.end()) {
                v.push_back(it->second);
            }
        }
        if (v.empty()) {
            return std::string("-");
        }
        auto [m, h] = MeanCi(v);
        char buf[48];
        if (pct) {
            std::snprintf(buf, sizeof buf, ci ? "%.1f%% ±%.1f" : "%.1f%%", m * 100, h * 100);
        } else {
            std::snprintf(buf, sizeof buf, ci ? "%.1f ±%.1f" : "%.1f", m, h);
        }
        return std::string(buf);
    };
    for (const auto& [key, samples] : sum.rows) {
        if (key.empty()) {
            continue;
        }
        std::printf(
            "%-14s %9s %9s %9s %15s %13s %15s %11s %15s\n", key.c_str(),
            cell(samples, "offered", false).c_str(), cell(samples, "answered", false).c_str(),
            cell(samples, "abandoned", false).c_str(), cell(samples, "service_level", true).c_str(),
            cell(samples, "asa_s", false).c_str(), cell(samples, "abandon_rate", true).c_str(),
            cell(samples, "aht_s", false).c_str(), cell(samples, "occupancy", true).c_str());
    }
    const auto& t = sum.rows[""];
    std::printf("%-14s %9s %9s %9s %15s %13s %15s %11s %15s\n", "total",
                cell(t, "offered", false).c_str(), cell(t, "answered", false).c_str(),
                cell(t, "abandoned", false).c_str(), cell(t, "service_level", true).c_str(),
                cell(t, "asa_s", false).c_str(), cell(t, "abandon_rate", true).c_str(),
                cell(t, "aht_s", false).c_str(), cell(t, "occupancy", true).c_str());
    std::printf(
        "SL = answered within %.0fs / answered + abandoned; ± is the 95%% confidence half-width\n",
        scenario->service_level_s);
    if (interval) {
        std::printf("\n%-18s %-14s %15s %15s %13s %15s\n", "interval", "queue", "offered", "SL",
                    "ASA", "abandon%");
        for (const auto& [key, samples] : sum.intervals) {
            std::printf("%-18s %-14s %15s %15s %13s %15s\n", key.first.c_str(),
                        key.second.empty() ? "total" : key.second.c_str(),
                        cell(samples, "offered", false).c_str(),
                        cell(samples, "service_level", true).c_str(),
                        cell(samples, "asa_s", false).c_str(),
                        cell(samples, "abandon_rate", true).c_str());
        }
    }
    return 0;
}

}  // namespace hotline::app
