#include "schedule_input.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "hotline/core/text_table.h"
#include "hotline/core/time.h"

namespace hotline::app {
namespace {

constexpr std::array<const char*, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Status At(const std::string& file, const YAML::Node& n, const std::string& what) {
    const YAML::Mark m = n.Mark();
    return InvalidArgument(file + ":" + std::to_string(m.line + 1) + ":" +
                           std::to_string(m.column + 1) + ": " + what);
}

Result<int> Minutes(const std::string& file, const YAML::Node& n) {
    auto d = ParseDuration(n.as<std::string>());
    if (!d) {
        return At(file, n, "'" + n.as<std::string>() + "' is not a duration (e.g. 8h30m)");
    }
    return static_cast<int>(d->count() / 60000);
}

// "07:30" → minutes after midnight.
Result<int> ClockMinutes(const std::string& file, const YAML::Node& n) {
    const std::string s = n.as<std::string>();
    int h = 0, m = 0;
    char c = 0;
    std::istringstream in(s);
    if (!(in >> h >> c >> m) || c != ':' || h < 0 || h > 23 || m < 0 || m > 59) {
        return At(file, n, "'" + s + "' is not a time of day HH:MM");
    }
    return h * 60 + m;
}

Result<std::array<bool, 7>> Days(const std::string& file, const YAML::Node& n) {
    std::array<bool, 7> days{};
    if (!n.IsSequence()) {
        return At(file, n, "expected a list of days such as [mon, tue]");
    }
    for (const auto& d : n) {
        const std::string name = d.as<std::string>();
        auto it = std::find(kDays.begin(), kDays.end(), name);
        if (it == kDays.end()) {
            return At(file, d, "unknown day '" + name + "' (mon … sun)");
        }
        days[static_cast<size_t>(it - kDays.begin())] = true;
    }
    return days;
}

Result<int> Slots(const std::string& file, const YAML::Node& n, int slot, bool clock) {
    ASSIGN_OR_RETURN(int m, clock ? ClockMinutes(file, n) : Minutes(file, n));
    if (m % slot != 0) {
        return At(file, n,
                  "must be a multiple of the " + std::to_string(slot) + "-minute interval");
    }
    return m / slot;
}

Result<wfm::ShiftTemplate> ReadShift(const std::string& file, const YAML::Node& n, int slot) {
    wfm::ShiftTemplate t;
    if (!n["id"] || !n["start"] || !n["length"]) {
        return At(file, n, "a shift needs id, start and length");
    }
    t.id = n["id"].as<std::string>();
    ASSIGN_OR_RETURN(t.earliest_start, Slots(file, n["start"], slot, true));
    t.latest_start = t.earliest_start;
    if (n["latest_start"]) {
        ASSIGN_OR_RETURN(t.latest_start, Slots(file, n["latest_start"], slot, true));
        if (t.latest_start < t.earliest_start) {
            return At(file, n["latest_start"], "is before start");
        }
    }
    ASSIGN_OR_RETURN(t.length, Slots(file, n["length"], slot, false));
    if (t.length <= 0) {
        return At(file, n["length"], "must be above 0");
    }
    if (n["cost"]) {
        t.cost = n["cost"].as<double>();
    }
    if (n["days"]) {
        ASSIGN_OR_RETURN(t.days, Days(file, n["days"]));
    }
    for (const auto& k : n["skills"]) {
        t.skills.push_back(k.as<std::string>());
    }
    for (const auto& b : n["breaks"]) {
        wfm::BreakRule r;
        if (!b["length"] || !b["after"]) {
            return At(file, b, "a break needs length and after (and before)");
        }
        ASSIGN_OR_RETURN(r.length, Slots(file, b["length"], slot, false));
        ASSIGN_OR_RETURN(r.earliest, Slots(file, b["after"], slot, false));
        r.latest = r.earliest;
        if (b["before"]) {
            ASSIGN_OR_RETURN(r.latest, Slots(file, b["before"], slot, false));
        }
        r.paid = b["paid"] && b["paid"].as<bool>();
        if (r.latest < r.earliest || r.latest + r.length > t.length) {
            return At(file, b, "the break window must lie inside the shift");
        }
        t.breaks.push_back(r);
    }
    return t;
}

Status ReadAgentRules(const std::string& file, const YAML::Node& n, wfm::AgentRules& r) {
    if (n["days"]) {
        ASSIGN_OR_RETURN(r.available, Days(file, n["days"]));
    }
    if (n["max_hours"]) {
        r.max_hours = n["max_hours"].as<double>();
    }
    if (n["max_consecutive_days"]) {
        r.max_consecutive_days = n["max_consecutive_days"].as<int>();
    }
    if (n["min_rest"]) {
        ASSIGN_OR_RETURN(int m, Minutes(file, n["min_rest"]));
        r.min_rest = m;  // minutes for now; converted to slots by the caller
    }
    for (const auto& s : n["shifts"]) {
        r.shifts.push_back(s.as<std::string>());
    }
    for (const auto& k : n["skills"]) {
        r.skills.push_back(k.as<std::string>());
    }
    return Status::Ok();
}

Result<ShiftFile> ReadYaml(const std::string& text, const std::string& path) {
    ShiftFile f;
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) {
        return At(path, root, "expected a mapping with 'interval' and 'shifts'");
    }
    if (root["interval"]) {
        ASSIGN_OR_RETURN(f.slot_minutes, Minutes(path, root["interval"]));
        if (f.slot_minutes <= 0 || 1440 % f.slot_minutes != 0) {
            return At(path, root["interval"], "the interval must divide a day (15m, 30m, 60m)");
        }
    }
    if (root["objective"]) {
        const std::string o = root["objective"].as<std::string>();
        if (o != "cost" && o != "shortage") {
            return At(path, root["objective"], "expected cost or shortage");
        }
        f.objective = o == "cost" ? wfm::Objective::kCost : wfm::Objective::kShortage;
    }
    if (root["under_cost"]) {
        f.under_cost = root["under_cost"].as<double>();
    }
    if (root["over_cost"]) {
        f.over_cost = root["over_cost"].as<double>();
    }
    if (!root["shifts"] || !root["shifts"].IsSequence()) {
        return At(path, root, "expected a 'shifts' list");
    }
    for (const auto& s : root["shifts"]) {
        ASSIGN_OR_RETURN(wfm::ShiftTemplate t, ReadShift(path, s, f.slot_minutes));
        f.shifts.push_back(std::move(t));
    }
    f.defaults.min_rest = 11 * 60;
    if (root["defaults"]) {
        RETURN_IF_ERROR(ReadAgentRules(path, root["defaults"], f.defaults));
    }
    for (const auto& a : root["agents"]) {
        wfm::AgentRules r = f.defaults;
        if (!a["id"]) {
            return At(path, a, "an agent needs an id");
        }
        r.id = a["id"].as<std::string>();
        RETURN_IF_ERROR(ReadAgentRules(path, a, r));
        f.agents.push_back(std::move(r));
    }
    return f;
}

// Hour,StartTime,Shift1,…: one row per hour, 1 where the shift works (the bank's shifts.csv).
Result<ShiftFile> ReadCoverageCsv(const std::string& text, const std::string& path) {
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    {
        std::istringstream h(line);
        std::string cell;
        for (int i = 0; std::getline(h, cell, ','); ++i) {
            if (!cell.empty() && cell.back() == '\r') {
                cell.pop_back();
            }
            if (i >= 2) {
                names.push_back(cell);
            }
        }
    }
    ShiftFile f;
    f.slot_minutes = 60;
    std::vector<std::vector<int>> rows;
    int n = 1;
    while (std::getline(in, line)) {
        ++n;
        std::istringstream r(line);
        std::string cell;
        std::vector<int> row;
        for (int i = 0; std::getline(r, cell, ','); ++i) {
            if (i < 2) {
                continue;
            }
            if (cell != "0" && cell != "1" && cell != "0\r" && cell != "1\r") {
                return InvalidArgument(path + ":" + std::to_string(n) + ": column " +
                                       std::to_string(i + 1) + ": expected 0 or 1");
            }
            row.push_back(cell[0] - '0');
        }
        if (row.size() != names.size()) {
            return InvalidArgument(path + ":" + std::to_string(n) + ": expected one 0/1 per shift");
        }
        rows.push_back(row);
    }
    if (rows.size() != 24 || names.empty()) {
        return InvalidArgument(path + ": expected 24 hourly rows and at least one shift column");
    }
    for (size_t s = 0; s < names.size(); ++s) {
        wfm::ShiftTemplate t;
        t.id = names[s];
        int first = -1, length = 0;
        for (size_t h = 0; h < rows.size(); ++h) {
            if (rows[h][s] == 1) {
                if (first < 0) {
                    first = static_cast<int>(h);
                }
                if (static_cast<int>(h) != first + length) {
                    return InvalidArgument(path + ": " + t.id + " must work consecutive hours");
                }
                ++length;
            }
        }
        if (first < 0) {
            return InvalidArgument(path + ": " + t.id + " works no hour");
        }
        t.earliest_start = t.latest_start = first;
        t.length = length;
        f.shifts.push_back(t);
    }
    f.defaults.min_rest = 11 * 60;
    return f;
}

}  // namespace

Result<ShiftFile> ReadShiftFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return InvalidArgument(path + ": cannot open the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    const bool csv = path.size() > 4 && path.substr(path.size() - 4) == ".csv";
    return ParseShiftFile(text.str(), path, csv);
}

Result<ShiftFile> ParseShiftFile(const std::string& text, const std::string& path, bool csv) {
    if (csv) {
        return ReadCoverageCsv(text, path);
    }
    try {
        return ReadYaml(text, path);
    } catch (const YAML::Exception& e) {
        return InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                               std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
}

Result<Requirement> ReadRequirement(const std::string& path, int slot_minutes) {
    std::ifstream in(path);
    if (!in) {
        return InvalidArgument(path + ": cannot open the file");
    }
    return ParseRequirement(in, path, slot_minutes);
}

Result<Requirement> ParseRequirement(std::istream& in, const std::string& path, int slot_minutes) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    std::vector<std::string> head;
    {
        std::istringstream h(line);
        std::string c;
        while (std::getline(h, c, ',')) {
            head.push_back(c);
        }
    }
    auto col = [&](const char* name) {
        auto it = std::find(head.begin(), head.end(), name);
        return it == head.end() ? -1 : static_cast<int>(it - head.begin());
    };
    const int start_col = col("start");
    const int value_col = col("positions") >= 0 ? col("positions") : col("agents");
    if (start_col < 0 || value_col < 0) {
        return InvalidArgument(
            path +
            ":1: expected columns start and agents (or positions, as hotline staff --plan writes)");
    }
    struct Row {
        int day, slot;
        double agents;
    };
    std::vector<Row> rows;
    std::string first_date;
    Requirement r;
    r.slot_minutes = slot_minutes;
    int n = 1;
    while (NextDataLine(in, line, n)) {
        std::vector<std::string> f;
        std::istringstream s(line);
        std::string c;
        while (std::getline(s, c, ',')) {
            f.push_back(c);
        }
        const std::string where = path + ":" + std::to_string(n) + ": ";
        if (static_cast<int>(f.size()) <= std::max(start_col, value_col)) {
            return InvalidArgument(where + "too few columns");
        }
        const std::string& start = f[static_cast<size_t>(start_col)];
        const bool dated = start.size() == 16 && start[4] == '-' && start[10] == ' ';
        const std::string clock = dated ? start.substr(11) : start;
        int h = 0, m = 0;
        char colon = 0;
        std::istringstream cs(clock);
        if (!(cs >> h >> colon >> m) || colon != ':' || h < 0 || h > 23 || m < 0 || m > 59 ||
            (!dated && start.size() != 5)) {
            return InvalidArgument(where + "start '" + start +
                                   "': expected YYYY-MM-DD HH:MM or HH:MM");
        }
        if ((h * 60 + m) % slot_minutes != 0) {
            return InvalidArgument(where + "start '" + start + "' is not on the " +
                                   std::to_string(slot_minutes) + "-minute grid of the shift file");
        }
        int day = 0;
        if (dated) {
            if (first_date.empty()) {
                first_date = start.substr(0, 10);
            }
            const auto a = ParseCivilDate(first_date), b = ParseCivilDate(start.substr(0, 10));
            if (!a || !b) {
                return InvalidArgument(where + "start '" + start + "': not a date YYYY-MM-DD");
            }
            day = static_cast<int>(*b - *a);
            if (day < 0 || day > 62) {
                return InvalidArgument(where + "dates must run forward within two months");
            }
        }
        char* end = nullptr;
        const double v = std::strtod(f[static_cast<size_t>(value_col)].c_str(), &end);
        if (*end != '\0' || v < 0) {
            return InvalidArgument(where + "expected a number of agents >= 0");
        }
        rows.push_back({day, (h * 60 + m) / slot_minutes, v});
    }
    if (rows.empty()) {
        return InvalidArgument(path + ": no intervals");
    }
    const int per_day = 1440 / slot_minutes;
    for (const Row& row : rows) {
        r.days = std::max(r.days, row.day + 1);
    }
    r.agents.assign(static_cast<size_t>(r.days * per_day), 0.0);
    for (const Row& row : rows) {
        r.agents[static_cast<size_t>(row.day * per_day + row.slot)] = row.agents;
    }
    if (!first_date.empty()) {
        // Weekday of day 0 (1970-01-01 was a Thursday).
        const auto days_since_epoch = static_cast<int>(*ParseCivilDate(first_date));
        r.first_weekday = ((days_since_epoch % 7) + 7 + 3) % 7;
    }
    for (int i = 0; i < r.days * per_day; ++i) {
        char buf[40];
        const int mins = (i % per_day) * slot_minutes;
        const int day = i / per_day;
        std::snprintf(buf, sizeof buf, "d%d %s %02d:%02d", day + 1,
                      kDays[static_cast<size_t>((r.first_weekday + day) % 7)], mins / 60,
                      mins % 60);
        r.labels.emplace_back(buf);
    }
    return r;
}

}  // namespace hotline::app
