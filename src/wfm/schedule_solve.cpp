// The shift-selection integer program, solved by COIN-OR CBC through its C interface:
//   min Σ_p cost_p·x_p (+ Σ_i under·u_i + over·o_i)
//   s.t. Σ_{p working in i} x_p ≥ required_i          (kCost)
//        Σ_{p working in i} x_p + u_i − o_i = required_i   (kShortage)
//        x_p ∈ ℕ
#include <Cbc_C_Interface.h>

#include <cmath>
#include <limits>
#include <memory>

#include "hotline/wfm/schedule.h"

namespace hotline::wfm {
namespace {

struct CbcDeleter {
    void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

}  // namespace

Result<ScheduleSolution> SolveSchedule(const ScheduleProblem& problem) {
    const int rows = static_cast<int>(problem.required.size());
    const int patterns = static_cast<int>(problem.patterns.size());
    if (rows == 0) {
        return InvalidArgument("the requirement has no intervals");
    }
    if (patterns == 0) {
        return InvalidArgument("no shift pattern: check the templates' days and start windows");
    }
    const bool shortage = problem.objective == Objective::kShortage;
    const int cols = patterns + (shortage ? 2 * rows : 0);
    const double inf = std::numeric_limits<double>::infinity();

    // The matrix column by column (compressed sparse column).
    std::vector<int> start{0}, index;
    std::vector<double> value, obj, col_lb(static_cast<size_t>(cols), 0.0),
        col_ub(static_cast<size_t>(cols), inf);
    for (const Pattern& p : problem.patterns) {
        for (int i : p.working) {
            index.push_back(i);
            value.push_back(1.0);
        }
        start.push_back(static_cast<int>(index.size()));
        obj.push_back(p.cost);
    }
    if (shortage) {
        for (int sign : {+1, -1}) {  // u_i (shortage), then o_i (surplus)
            for (int i = 0; i < rows; ++i) {
                index.push_back(i);
                value.push_back(sign);
                start.push_back(static_cast<int>(index.size()));
                obj.push_back(sign > 0 ? problem.under_cost : problem.over_cost);
            }
        }
    }
    std::vector<double> row_lb = problem.required, row_ub(static_cast<size_t>(rows), inf);
    if (shortage) {
        row_ub = problem.required;
    }
    for (double& r : row_lb) {
        r = std::ceil(r - 1e-9);
    }
    if (shortage) {
        for (double& r : row_ub) {
            r = std::ceil(r - 1e-9);
        }
    }

    std::unique_ptr<Cbc_Model, CbcDeleter> model(Cbc_newModel());
    Cbc_loadProblem(model.get(), cols, rows, start.data(), index.data(), value.data(),
                    col_lb.data(), col_ub.data(), obj.data(), row_lb.data(), row_ub.data());
    for (int c = 0; c < patterns; ++c) {
        Cbc_setInteger(model.get(), c);
    }
    Cbc_setLogLevel(model.get(), 0);
    Cbc_setMaximumSeconds(model.get(), problem.time_limit_s);
    Cbc_setParameter(model.get(), "threads", "1");  // deterministic: the same answer every run
    Cbc_solve(model.get());

    if (Cbc_isProvenInfeasible(model.get())) {
        return FailedPrecondition(
            "no set of shifts covers the requirement: some intervals have no "
            "shift working in them (use the shortage objective, or add shifts)");
    }
    const double* x = Cbc_bestSolution(model.get());
    if (x == nullptr) {
        return FailedPrecondition(
            "the time limit ended before any schedule was found; give more time");
    }
    ScheduleSolution s;
    s.count.resize(static_cast<size_t>(patterns));
    s.coverage.assign(static_cast<size_t>(rows), 0.0);
    for (int c = 0; c < patterns; ++c) {
        const int n = static_cast<int>(std::lround(x[c]));
        s.count[static_cast<size_t>(c)] = n;
        s.cost += n * problem.patterns[static_cast<size_t>(c)].cost;
        for (int i : problem.patterns[static_cast<size_t>(c)].working) {
            s.coverage[static_cast<size_t>(i)] += n;
        }
    }
    for (int i = 0; i < rows; ++i) {
        const double diff = s.coverage[static_cast<size_t>(i)] -
                            std::ceil(problem.required[static_cast<size_t>(i)] - 1e-9);
        (diff < 0 ? s.under : s.over) += std::abs(diff);
    }
    s.objective =
        shortage ? s.cost + problem.under_cost * s.under + problem.over_cost * s.over : s.cost;
    s.optimal = Cbc_isProvenOptimal(model.get()) != 0;
    s.bound = s.optimal ? s.objective : Cbc_getBestPossibleObjValue(model.get());
    s.gap = s.objective > 0 ? std::max(0.0, (s.objective - s.bound) / s.objective) : 0;
    return s;
}

}  // namespace hotline::wfm
