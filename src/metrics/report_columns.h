#pragma once
// Private: the one list of report columns that JSON, CSV, table and FormatKpi share.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hotline/metrics/report.h"

namespace hotline::metrics {

enum class ColumnKind { kCount, kRatio, kSeconds, kScore };

struct Column {
    std::string_view name;
    ColumnKind kind;
    std::optional<double> (*get)(const ReportRow& row);
    bool agent_time;  // shown in tables only for agent and team reports
};

const std::vector<Column>& ReportColumns();
const Column* FindColumn(std::string_view name);

}  // namespace hotline::metrics
