// libFuzzer target: the planning CSVs and `hotline schedule`'s shift file — the shift file as
// YAML or as a coverage CSV, the requirement CSV, the staffing plan CSV; the first byte picks.
// Whatever parses must expand into patterns whose covered intervals lie inside the horizon.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "plan_csv.h"
#include "schedule_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 4) {
        case 3: {
            std::istringstream in(text);
            auto plan = hotline::app::ParsePlanCsv(in, "fuzz");
            if (plan.ok()) {
                for (const auto& row : *plan) {
                    if (!(row.calls >= 0) || !(row.aht_s > 0)) {
                        std::abort();
                    }
                }
            }
            break;
        }
        case 0:
        case 1: {
            auto f = hotline::app::ParseShiftFile(text, "fuzz", data[0] % 4 == 1);
            if (!f.ok()) {
                if (f.status().message().rfind("fuzz", 0) != 0) {
                    std::abort();  // errors name the file
                }
                return 0;
            }
            const int per_day = 1440 / f->slot_minutes;
            size_t patterns = 1;  // keep the expansion bounded: skip files that would explode it
            for (const auto& t : f->shifts) {
                patterns *= static_cast<size_t>(t.latest_start - t.earliest_start + 1) *
                            (t.breaks.size() + 1);
            }
            if (patterns > 100000 || f->shifts.size() > 50) {
                return 0;
            }
            for (const auto& p :
                 hotline::wfm::ExpandTemplates(f->shifts, 7, per_day, f->slot_minutes / 60.0)) {
                for (int i : p.working) {
                    if (i < 0 || i >= 7 * per_day) {
                        std::abort();
                    }
                }
            }
            break;
        }
        default: {  // 2
            std::istringstream in(text);
            auto r = hotline::app::ParseRequirement(in, "fuzz", 30);
            if (r.ok() && r->agents.size() != static_cast<size_t>(r->days * 48)) {
                std::abort();
            }
            break;
        }
    }
    return 0;
}
