#pragma once
// A report as text: JSON ({"rows": [...], "total": {...}}), CSV, or an aligned table. The KPI
// names are those of docs/kpis.md, the same the simulator prints.

#include <string>

#include "hotline/metrics/report.h"

namespace hotline::metrics {

std::string ReportToJson(const Report& report);
std::string ReportToCsv(const Report& report);
std::string ReportToTable(const Report& report);

// One KPI of a row by its JSON name, formatted as the table prints it ("0.833", "12.5", "-" when
// it has no value). Unknown names return nullopt. Used by the scenario tests and the table.
std::optional<std::string> FormatKpi(const ReportRow& row, std::string_view name);

}  // namespace hotline::metrics
