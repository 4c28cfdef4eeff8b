#pragma once
// The CLI verbs. Each parses nothing itself: main.cpp fills the options.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hotline::app {

inline constexpr const char* kVersion = "0.1.0";

struct CheckConfigOptions {
    std::string file;
    bool quiet = false;
};
int CheckConfig(const CheckConfigOptions& options);

struct PromptsOptions {
    std::string out = "prompts";
    std::string texts;   // YAML: language → prompt name → words
    std::string center;  // report the center's prompts that have no words
    std::vector<std::string> languages{"zh-CN", "en"};
    bool force = false;  // remake files that exist
};
int PromptsCommand(const PromptsOptions& options);

struct RunOptions {
    std::string center;
    std::string script;
    bool json = false;
    uint64_t seed = 1;
};
int RunScriptCommand(const RunOptions& options);

struct ReportOptions {
    std::string events;
    std::string center;
    std::string from, to;
    std::string interval;
    std::string by;
    std::string sl_variant;
    std::string threshold;
    std::string short_abandon;
    std::string fcr_window;
    std::string tz;
    std::string format = "table";
    std::string output;
    std::string lang = "zh-CN";
    bool skip_bad = false;
};
int ReportCommand(const ReportOptions& options);

struct ImportOptions {
    std::string format;  // anonymous-bank, asterisk-queue-log, cdr
    std::string file;
    std::string output;
    std::string mapping;  // cdr only
    std::string tz;
    bool skip_bad = false;
};
int ImportCommand(const ImportOptions& options);

struct StaffOptions {
    std::string model = "erlang-c";
    std::optional<double> calls;
    std::optional<double> traffic;
    std::string period = "30m";
    std::string aht;
    std::optional<int> agents;
    std::string target;
    std::string asa;
    std::optional<double> max_abandon, max_occupancy, max_blocking, retrial;
    double shrinkage = 0;
    std::string patience;
    std::string sl_variant = "offered";
    int lines = 0;
    std::string plan;
    bool json = false;
};
int StaffCommand(const StaffOptions& options);

struct ForecastOptions {
    std::string history;
    std::string center;
    std::string tz;
    std::string interval = "30m";
    std::string horizon = "7d";
    std::string holdout = "7d";
    std::string test_last;
    std::string method = "auto";
    bool json = false;
};
int ForecastCommand(const ForecastOptions& options);

struct ScheduleOptions {
    std::string requirement;
    std::string shifts;
    std::string agents;  // center YAML
    std::string time_limit = "30s";
    std::string objective;  // cost, shortage; default: the shift file's
    std::string roster;     // write the assignments as a roster CSV for `hotline simulate`
    bool json = false;
    bool csv = false;
};
int ScheduleCommand(const ScheduleOptions& options);

struct SimulateOptions {
    std::string center;  // optional
    std::string scenario;
    bool json = false;
    std::string events;
    int replications = 1;
    std::optional<uint64_t> seed;
    std::string interval;  // also report per interval: 15m, 30m, 60m, day
};
int SimulateCommand(const SimulateOptions& options);

}  // namespace hotline::app
