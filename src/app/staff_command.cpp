// `hotline staff`: Erlang B/C/A/X for one interval (evaluate agents or find the fewest that meet
// the targets), or every interval of a plan (docs/staffing.md).
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "hotline/core/json_text.h"
#include "hotline/core/time.h"
#include "hotline/wfm/staffing.h"
#include "plan_csv.h"

namespace hotline::app {
namespace {

namespace json = boost::json;

struct Setup {
    wfm::ModelParams params;
    wfm::Targets targets;
    double period_s = 1800;
};

bool Seconds(const std::string& flag, const std::string& text, double& out) {
    if (text.empty()) {
        return true;
    }
    auto d = ParseDuration(text);
    if (!d) {
        std::cerr << "staff: " << flag << " '" << text << "' is not a duration (e.g. 20s, 5m)\n";
        return false;
    }
    out = static_cast<double>(d->count()) / 1000.0;
    return true;
}

// "0.8/20s" or "80%/20s": a service-level goal and its threshold.
bool ParseTarget(const std::string& text, Setup& s) {
    auto slash = text.find('/');
    std::string goal = text.substr(0, slash);
    double scale = 1;
    if (!goal.empty() && goal.back() == '%') {
        goal.pop_back();
        scale = 100;
    }
    char* end = nullptr;
    const double v = std::strtod(goal.c_str(), &end) / scale;
    if (goal.empty() || *end != '\0' || !(v > 0 && v <= 1)) {
        std::cerr << "staff: --target '" << text
                  << "': expected LEVEL/THRESHOLD such as 0.8/20s or 80%/20s\n";
        return false;
    }
    s.targets.service_level = v;
    return slash == std::string::npos ||
           Seconds("--target", text.substr(slash + 1), s.params.threshold_s);
}

bool Configure(const StaffOptions& o, Setup& s) {
    auto model = wfm::ParseModel(o.model);
    if (!model) {
        std::cerr << "staff: --model '" << o.model
                  << "': expected erlang-b, erlang-c, erlang-a or erlang-x\n";
        return false;
    }
    s.params.model = *model;
    if (!o.target.empty() && !ParseTarget(o.target, s)) {
        return false;
    }
    if (!Seconds("--period", o.period, s.period_s) ||
        !Seconds("--patience", o.patience, s.params.patience_s)) {
        return false;
    }
    double asa = 0;
    if (!o.asa.empty()) {
        if (!Seconds("--asa", o.asa, asa)) {
            return false;
        }
        s.targets.asa_s = asa;
    }
    auto fraction = [](const char* flag, const std::optional<double>& v) {
        if (v && (*v < 0 || *v > 1)) {
            std::cerr << "staff: " << flag << " must be between 0 and 1\n";
            return false;
        }
        return true;
    };
    if (!fraction("--max-abandon", o.max_abandon) ||
        !fraction("--max-occupancy", o.max_occupancy) ||
        !fraction("--max-blocking", o.max_blocking) || !fraction("--retrial", o.retrial)) {
        return false;
    }
    if (o.shrinkage < 0 || o.shrinkage >= 1) {
        std::cerr << "staff: --shrinkage must be at least 0 and below 1\n";
        return false;
    }
    s.targets.max_abandon = o.max_abandon;
    s.targets.max_occupancy = o.max_occupancy;
    s.targets.max_blocking = o.max_blocking;
    s.targets.shrinkage = o.shrinkage;
    if (o.sl_variant == "answered") {
        s.params.variant = wfm::SlVariant::kAnswered;
    } else if (o.sl_variant == "virtual") {
        s.params.variant = wfm::SlVariant::kVirtual;
    } else if (o.sl_variant != "offered") {
        std::cerr << "staff: --sl-variant '" << o.sl_variant
                  << "': expected offered, answered or virtual\n";
        return false;
    }
    const bool abandons = *model == wfm::Model::kErlangA || *model == wfm::Model::kErlangX;
    if (abandons && s.params.patience_s <= 0 && o.plan.empty()) {
        std::cerr << "staff: " << o.model
                  << " needs --patience (mean time callers wait before giving up)\n";
        return false;
    }
    s.params.lines = o.lines;
    s.params.retrial = o.retrial.value_or(0);
    if (*model == wfm::Model::kErlangX && o.lines > 0 && o.agents > o.lines) {
        std::cerr << "staff: --lines must be at least --agents\n";
        return false;
    }
    return true;
}

json::object ToJson(const wfm::Model model, int agents, int positions, const wfm::Load& load,
                    const wfm::Performance& p) {
    json::object o;
    auto number = [](double v) -> json::value {
        if (!std::isfinite(v)) {
            return nullptr;
        }
        return std::round(v * 1e9) / 1e9;
    };
    o["agents"] = agents;
    o["positions"] = positions;
    o["traffic_erlangs"] = number(load.traffic());
    if (model == wfm::Model::kErlangB) {
        o["p_block"] = number(p.p_block);
        o["occupancy"] = number(p.occupancy);
        return o;
    }
    o["stable"] = p.stable;
    o["p_wait"] = number(p.p_wait);
    o["service_level"] = number(p.service_level);
    o["asa_s"] = number(p.asa);
    o["occupancy"] = number(p.occupancy);
    if (model == wfm::Model::kErlangA || model == wfm::Model::kErlangX) {
        o["p_abandon"] = number(p.p_abandon);
        o["mean_wait_s"] = number(p.mean_wait_all);
    }
    if (model == wfm::Model::kErlangX) {
        o["p_block"] = number(p.p_block);
        o["arrival_rate_with_redials_per_hour"] = number(p.arrival_rate * 3600);
    }
    return o;
}

std::string Text(const json::object& o) {
    std::ostringstream out;
    for (const auto& [k, v] : o) {
        out << k << ": ";
        if (v.is_double()) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.6g", v.as_double());
            out << buf;
        } else if (v.is_null()) {
            out << "infinite (unstable: agents must exceed the traffic)";
        } else {
            out << json::serialize(v);
        }
        out << "\n";
    }
    return out.str();
}

int One(const StaffOptions& o, const Setup& s) {
    wfm::Load load;
    if (o.traffic) {
        load.handle_time = o.aht.empty() ? 1.0 : 0;
        if (!o.aht.empty() && !Seconds("--aht", o.aht, load.handle_time)) {
            return 2;
        }
        if (o.aht.empty() && s.params.model != wfm::Model::kErlangB) {
            std::cerr << "staff: --traffic needs --aht for waits and service levels\n";
            return 2;
        }
        load.arrival_rate = *o.traffic / load.handle_time;
    } else {
        if (!o.calls || o.aht.empty()) {
            std::cerr << "staff: give --calls N --aht 180s (per --period), or --traffic E\n";
            return 2;
        }
        if (!Seconds("--aht", o.aht, load.handle_time)) {
            return 2;
        }
        load.arrival_rate = *o.calls / s.period_s;
    }
    if (load.handle_time <= 0 || load.arrival_rate < 0) {
        std::cerr << "staff: handle time must be above 0 and calls at least 0\n";
        return 2;
    }
    json::object result;
    if (o.agents) {
        wfm::Performance p = wfm::Evaluate(*o.agents, load, s.params);
        result = ToJson(s.params.model, *o.agents, wfm::Positions(*o.agents, s.targets.shrinkage),
                        load, p);
    } else {
        auto r = wfm::RequiredAgents(load, s.params, s.targets);
        if (!r.ok()) {
            std::cerr << "staff: " << r.status().message() << "\n";
            return 2;
        }
        result = ToJson(s.params.model, r->agents, r->positions, load, r->performance);
    }
    std::cout << (o.json ? PlainJson(result) + "\n" : Text(result));
    return 0;
}

}  // namespace

int PlanCommand(const StaffOptions& o, const Setup& s);

int StaffCommand(const StaffOptions& o) {
    Setup s;
    if (!Configure(o, s)) {
        return 2;
    }
    if (!o.plan.empty()) {
        return PlanCommand(o, s);
    }
    return One(o, s);
}

// The plan: every interval of a CSV (start, calls, aht_s, optional patience_s).
int PlanCommand(const StaffOptions& o, const Setup& s) {
    std::ifstream in(o.plan);
    if (!in) {
        std::cerr << o.plan << ": cannot open the file\n";
        return 2;
    }
    if (!s.targets.any()) {
        std::cerr << "staff: --plan needs a target (--target, --asa, --max-abandon, ...)\n";
        return 2;
    }
    auto plan = ParsePlanCsv(in, o.plan);
    if (!plan.ok()) {
        std::cerr << plan.status().message() << "\n";
        return 2;
    }
    json::array rows;
    std::ostringstream csv;
    csv << "start,calls,aht_s,agents,positions,service_level,asa_s,occupancy,p_abandon\n";
    for (const PlanRow& pr : *plan) {
        const std::string& start = pr.start;
        const double n_calls = pr.calls, aht_s = pr.aht_s;
        const int line_no = pr.line;
        wfm::ModelParams params = s.params;
        if (pr.patience_s) {
            params.patience_s = *pr.patience_s;
        }
        if ((params.model == wfm::Model::kErlangA || params.model == wfm::Model::kErlangX) &&
            params.patience_s <= 0) {
            std::cerr << o.plan << ":" << line_no
                      << ": no patience: give --patience or a patience_s column\n";
            return 2;
        }
        wfm::Load load{n_calls / s.period_s, aht_s};
        auto r = wfm::RequiredAgents(load, params, s.targets);
        if (!r.ok()) {
            std::cerr << o.plan << ":" << line_no << ": " << r.status().message() << "\n";
            return 2;
        }
        json::object row = ToJson(params.model, r->agents, r->positions, load, r->performance);
        row["start"] = start;
        row["calls"] = n_calls;
        row["aht_s"] = aht_s;
        const auto& p = r->performance;
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s,%g,%g,%d,%d,%.4f,%.2f,%.4f,%.4f\n", start.c_str(),
                      n_calls, aht_s, r->agents, r->positions, p.service_level,
                      std::isfinite(p.asa) ? p.asa : -1, p.occupancy, p.p_abandon);
        csv << buf;
        rows.push_back(std::move(row));
    }
    if (o.json) {
        json::object root;
        root["intervals"] = std::move(rows);
        std::cout << PlainJson(root) << "\n";
    } else {
        std::cout << csv.str();
    }
    return 0;
}

}  // namespace hotline::app
