#pragma once
// The interval plan `hotline staff --plan` reads: start,calls,aht_s[,patience_s] per interval,
// as `hotline forecast` writes it.

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/status.h"

namespace hotline::app {

struct PlanRow {
    int line = 0;
    std::string start;
    double calls = 0, aht_s = 0;
    std::optional<double> patience_s;
};

// Errors name `name`:line and what the line should hold.
Result<std::vector<PlanRow>> ParsePlanCsv(std::istream& in, const std::string& name);

}  // namespace hotline::app
