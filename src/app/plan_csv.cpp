#include "plan_csv.h"

#include <sstream>

#include "hotline/core/text_table.h"

namespace hotline::app {
Result<std::vector<PlanRow>> ParsePlanCsv(std::istream& in, const std::string& name) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    if (line.rfind("start,calls,aht_s", 0) != 0) {
        return InvalidArgument(name + ":1: expected the header start,calls,aht_s[,patience_s]");
    }
    const bool has_patience = line.find("patience_s") != std::string::npos;
    std::vector<PlanRow> rows;
    int n = 1;
    while (NextDataLine(in, line, n)) {
        std::istringstream fields(line);
        std::string start, calls, aht, patience;
        std::getline(fields, start, ',');
        std::getline(fields, calls, ',');
        std::getline(fields, aht, ',');
        std::getline(fields, patience, ',');
        auto c = ParseFinite(calls), a = ParseFinite(aht);
        if (!c || !a || *c < 0 || *c > 1e7 || *a <= 0 || *a > 86400) {
            return InvalidArgument(
                name + ":" + std::to_string(n) +
                ": expected start,calls,aht_s with calls >= 0 and 0 < aht_s <= 86400");
        }
        PlanRow row{n, start, *c, *a, std::nullopt};
        if (has_patience && !patience.empty()) {
            auto p = ParseFinite(patience);
            if (!p || *p <= 0 || *p > 86400) {
                return InvalidArgument(name + ":" + std::to_string(n) +
                                       ": patience_s must be above 0 (seconds)");
            }
            row.patience_s = *p;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace hotline::app
