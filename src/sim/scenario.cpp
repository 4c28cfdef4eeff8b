#include "hotline/sim/scenario.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "hotline/core/event_codec.h"
#include "hotline/core/text_table.h"

namespace hotline::sim {
namespace {

Status At(const std::string& file, const YAML::Node& n, const std::string& what) {
    const YAML::Mark m = n.Mark();
    return InvalidArgument(file + ":" + std::to_string(m.line + 1) + ":" +
                           std::to_string(m.column + 1) + ": " + what);
}

Result<Duration> DurationAt(const std::string& file, const YAML::Node& n) {
    auto d = ParseDuration(n.as<std::string>());
    if (!d) {
        return At(file, n, "'" + n.as<std::string>() + "' is not a duration (e.g. 8h, 30m, 20s)");
    }
    return *d;
}

Result<double> Positive(const std::string& file, const YAML::Node& n, const char* what,
                        bool zero_ok = false) {
    const double v = n.as<double>();
    if (!std::isfinite(v) || v < 0 || (!zero_ok && v == 0)) {
        return At(file, n,
                  std::string(what) + (zero_ok ? " must be 0 or more" : " must be above 0"));
    }
    // Seconds, or calls an hour: beyond ten million is a typo, and would overflow the clock.
    if (v > 1e7) {
        return At(file, n, std::string(what) + " must be at most 10,000,000");
    }
    return v;
}

// One numeric column of a CSV, read once: the values, and the interval between the first two rows
// when the first column holds their start times ("…HH:MM", as forecast and staff write them).
struct Column {
    std::vector<double> values;
    std::optional<Duration> interval;
};

Result<Column> ReadColumn(const std::string& path, const char* name) {
    std::ifstream in(path);
    if (!in) {
        return InvalidArgument(path + ": cannot open the file");
    }
    std::string line;
    int n = 0;
    if (!NextDataLine(in, line, n)) {
        return InvalidArgument(path + ": no values");
    }
    const auto head = SplitFields(line, ',');
    size_t col = head.size() == 1 ? 0 : head.size();
    for (size_t i = 0; i < head.size(); ++i) {
        if (head[i] == name) {
            col = i;
        }
    }
    if (col == head.size()) {
        return InvalidArgument(path + ":1: expected a column '" + std::string(name) + "'");
    }
    Column out;
    std::vector<int> starts;  // minutes of day of the first two rows
    while (NextDataLine(in, line, n)) {
        const auto f = SplitFields(line, ',');
        const auto v = col < f.size() ? ParseFinite(f[col]) : std::nullopt;
        if (!v || *v < 0) {
            return InvalidArgument(path + ":" + std::to_string(n) +
                                   ": expected a number >= 0 in '" + name + "'");
        }
        out.values.push_back(*v);
        if (starts.size() < 2 && f.size() > 1 && f[0].size() >= 5) {
            int h = 0, m = 0;
            const std::string clock(f[0].substr(f[0].size() - 5));
            starts.push_back(std::sscanf(clock.c_str(), "%d:%d", &h, &m) == 2 ? h * 60 + m : -1);
        }
    }
    if (out.values.empty()) {
        return InvalidArgument(path + ": no values");
    }
    if (starts.size() == 2 && starts[0] >= 0 && starts[1] > starts[0]) {
        out.interval = Duration{(starts[1] - starts[0]) * 60LL * 1000};
    }
    return out;
}

Result<Distribution> ReadDistribution(const std::string& file, const YAML::Node& n,
                                      const std::string& base) {
    if (!n.IsMap() || !n["dist"]) {
        return At(file, n,
                  "expected {dist: exponential|lognormal|gamma|constant|empirical, mean_s: …}");
    }
    const std::string dist = n["dist"].as<std::string>();
    if (dist == "empirical") {
        if (!n["file"]) {
            return At(file, n,
                      "an empirical distribution needs file: (a CSV with a seconds column)");
        }
        ASSIGN_OR_RETURN(Column column, ReadColumn(base + n["file"].as<std::string>(), "seconds"));
        return Distribution::Empirical(std::move(column.values));
    }
    if (!n["mean_s"]) {
        return At(file, n, "needs mean_s");
    }
    ASSIGN_OR_RETURN(double mean, Positive(file, n["mean_s"], "mean_s", dist == "constant"));
    if (dist == "exponential") {
        return Distribution::Exponential(mean);
    }
    if (dist == "constant") {
        return Distribution::Constant(mean);
    }
    if (dist == "lognormal" || dist == "gamma") {
        if (!n["sd_s"]) {
            return At(file, n, dist + " needs sd_s");
        }
        ASSIGN_OR_RETURN(double sd, Positive(file, n["sd_s"], "sd_s"));
        return dist == "lognormal" ? Distribution::Lognormal(mean, sd)
                                   : Distribution::Gamma(mean, sd);
    }
    return At(
        file, n["dist"],
        "unknown distribution '" + dist + "' (exponential, lognormal, gamma, constant, empirical)");
}

// A forecast's CSV (start,calls[,aht_s]): calls per interval; the interval from the first starts.
Result<Arrivals> ReadProfile(const std::string& path) {
    ASSIGN_OR_RETURN(Column column, ReadColumn(path, "calls"));
    Arrivals a;
    a.per_interval = std::move(column.values);
    a.interval = column.interval.value_or(a.interval);
    return a;
}

Result<Arrivals> ReadArrivals(const std::string& file, const YAML::Node& arr,
                              const std::string& base) {
    if (!arr.IsMap()) {
        return At(file, arr, "arrivals are {rate_per_hour: N} or {profile: FILE.csv}");
    }
    Arrivals a;
    if (arr["rate_per_hour"]) {
        ASSIGN_OR_RETURN(a.rate_per_hour,
                         Positive(file, arr["rate_per_hour"], "rate_per_hour", true));
    } else if (arr["profile"]) {
        ASSIGN_OR_RETURN(a, ReadProfile(base + arr["profile"].as<std::string>()));
    } else {
        return At(file, arr, "arrivals need rate_per_hour or profile");
    }
    if (arr["weekdays"]) {  // {mon: 1, …, sun: 0.4}: how busy each weekday is
        constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        for (const auto& kv : arr["weekdays"]) {
            const std::string day = kv.first.as<std::string>();
            const auto* it = std::find(std::begin(kDays), std::end(kDays), day);
            if (it == std::end(kDays)) {
                return At(file, kv.first, "unknown weekday '" + day + "' (mon … sun)");
            }
            ASSIGN_OR_RETURN(a.weekday[static_cast<size_t>(it - std::begin(kDays))],
                             Positive(file, kv.second, "a weekday factor", true));
        }
    }
    return a;
}

Result<IvrTraffic> ReadIvrTraffic(const std::string& file, const YAML::Node& n,
                                  const std::string& base) {
    IvrTraffic t;
    if (!n.IsMap() || !n["flow"] || !n["arrivals"]) {
        return At(file, n, "an IVR entry needs flow: and arrivals:");
    }
    t.flow = n["flow"].as<std::string>();
    ASSIGN_OR_RETURN(t.arrivals, ReadArrivals(file, n["arrivals"], base));
    for (const auto& node : n["choices"]) {
        double total = 0;
        auto& list = t.choices[node.first.as<std::string>()];
        for (const auto& c : node.second) {
            ASSIGN_OR_RETURN(double p, Positive(file, c.second, "a choice's probability", true));
            list.emplace_back(c.first.as<std::string>(), p);
            total += p;
        }
        if (std::abs(total - 1) > 1e-6) {
            return At(file, node.second, "the choices' probabilities must add up to 1");
        }
    }
    for (const auto& d : n["digits"]) {
        t.digits[d.first.as<std::string>()] = d.second.as<std::string>();
    }
    for (const auto& v : n["vars"]) {
        ASSIGN_OR_RETURN(double p, Positive(file, v.second, "a variable's probability", true));
        if (p > 1) {
            return At(file, v.second, "a probability must be at most 1");
        }
        t.vars[v.first.as<std::string>()] = p;
    }
    if (n["think_s"]) {
        ASSIGN_OR_RETURN(t.think_s, Positive(file, n["think_s"], "think_s", true));
    }
    return t;
}

// replay: {events: FILE.jsonl, date: YYYY-MM-DD}: every contact's first enqueue on that (UTC)
// day becomes an arrival; its answer → hang-up time, when the log has one, its talk time.
Result<std::vector<Scenario::ReplayArrival>> ReadReplay(const std::string& file,
                                                        const YAML::Node& n,
                                                        const std::string& base,
                                                        const std::vector<QueueTraffic>& queues) {
    if (!n.IsMap() || !n["events"] || !n["date"]) {
        return At(file, n, "replay needs events: FILE.jsonl and date: YYYY-MM-DD");
    }
    const std::string path = base + n["events"].as<std::string>();
    const std::string date = n["date"].as<std::string>();
    const auto day = ParseCivilDate(date);
    if (!day) {
        return At(file, n["date"], "date must be YYYY-MM-DD");
    }
    const int64_t day0 = *day * 86'400'000;
    std::ifstream in(path);
    if (!in) {
        return InvalidArgument(path + ": cannot open the file");
    }
    struct Seen {
        int64_t enqueue = -1, answer = -1, hangup = -1;
        size_t queue = 0;
    };
    std::map<std::string, Seen> contacts;
    std::vector<std::string> order;
    std::string line;
    int n_line = 0;
    while (std::getline(in, line)) {
        ++n_line;
        if (line.empty()) {
            continue;
        }
        auto e = EventFromJson(line);
        if (!e.ok()) {
            return InvalidArgument(path + ":" + std::to_string(n_line) + ": " +
                                   e.status().message());
        }
        const int64_t ts = ToMillis(e->ts);
        if (const auto* enq = e->As<events::Enqueue>()) {
            if (ts < day0 || ts >= day0 + 86'400'000 || contacts.count(enq->id.str()) > 0) {
                continue;
            }
            size_t q = queues.size();
            for (size_t i = 0; i < queues.size(); ++i) {
                if (queues[i].queue == enq->queue) {
                    q = i;
                }
            }
            if (q == queues.size()) {
                return InvalidArgument(path + ":" + std::to_string(n_line) + ": queue \"" +
                                       enq->queue.str() +
                                       "\" is not in the scenario's queues (list it with its "
                                       "handle_time and patience)");
            }
            contacts[enq->id.str()] = Seen{ts, -1, -1, q};
            order.push_back(enq->id.str());
        } else if (const auto* ans = e->As<events::Answer>()) {
            auto it = contacts.find(ans->id.str());
            if (it != contacts.end() && it->second.answer < 0) {
                it->second.answer = ts;
            }
        } else if (const auto* h = e->As<events::Hangup>()) {
            auto it = contacts.find(h->id.str());
            if (it != contacts.end() && h->stage == "talk") {
                it->second.hangup = ts;
            }
        }
    }
    std::vector<Scenario::ReplayArrival> out;
    for (const auto& id : order) {
        const Seen& c = contacts[id];
        Scenario::ReplayArrival a;
        a.offset = Duration{c.enqueue - day0};
        a.queue = c.queue;
        if (c.answer >= 0 && c.hangup >= c.answer) {
            a.talk_s = static_cast<double>(c.hangup - c.answer) / 1000.0;
        }
        out.push_back(a);
    }
    if (out.empty()) {
        return At(file, n, "the log has no contact queued on " + date);
    }
    return out;
}

// agent,start,end[,breaks]: times from the start of the run ("8h", "1d6h30m"); breaks
// "12h-12h30m|15h-15h15m".
Result<std::vector<Scenario::Shift>> ReadRoster(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        return InvalidArgument(path + ": cannot open the file");
    }
    std::string line;
    std::getline(in, line);
    if (line.rfind("agent,start,end", 0) != 0) {
        return InvalidArgument(path + ":1: expected the header agent,start,end,breaks");
    }
    std::vector<Scenario::Shift> out;
    int n = 1;
    while (NextDataLine(in, line, n)) {
        std::istringstream f(line);
        std::string agent, start, end, breaks;
        std::getline(f, agent, ',');
        std::getline(f, start, ',');
        std::getline(f, end, ',');
        std::getline(f, breaks, ',');
        const std::string where = path + ":" + std::to_string(n) + ": ";
        auto s = ParseDuration(start), e = ParseDuration(end);
        if (agent.empty() || !s || !e || *e <= *s) {
            return InvalidArgument(
                where + "expected agent,start,end with end after start (e.g. a01,8h,16h30m)");
        }
        Scenario::Shift shift{AgentId{agent}, *s, *e, {}};
        std::istringstream b(breaks);
        for (std::string one; std::getline(b, one, '|');) {
            const auto dash = one.find('-');
            auto bs = ParseDuration(one.substr(0, dash)),
                 be =
                     dash == std::string::npos ? std::nullopt : ParseDuration(one.substr(dash + 1));
            if (!bs || !be || *be <= *bs || *bs < *s || *be > *e) {
                return InvalidArgument(where +
                                       "a break is START-END inside the shift (e.g. 12h-12h30m)");
            }
            shift.breaks.emplace_back(*bs, *be);
        }
        out.push_back(std::move(shift));
    }
    return out;
}

Result<QueueTraffic> ReadQueue(const std::string& file, const std::string& id, const YAML::Node& q,
                               const std::string& base) {
    QueueTraffic t;
    t.queue = QueueId{id};
    if (!q.IsMap()) {
        return At(file, q, "a queue needs arrivals and handle_time");
    }
    if (q["agents"]) {
        const int n = q["agents"].as<int>();
        if (n < 0 || n > 100000) {
            return At(file, q["agents"], "agents must be between 0 and 100000");
        }
        t.agents = n;
    }
    if (q["arrivals"]) {  // none: the queue is reached only through an IVR flow
        ASSIGN_OR_RETURN(t.arrivals, ReadArrivals(file, q["arrivals"], base));
    }
    if (!q["handle_time"]) {
        return At(file, q, "needs handle_time: {dist: …, mean_s: …}");
    }
    ASSIGN_OR_RETURN(t.handle_time, ReadDistribution(file, q["handle_time"], base));
    if (q["patience"]) {
        ASSIGN_OR_RETURN(Distribution p, ReadDistribution(file, q["patience"], base));
        t.patience = p;
    }
    if (q["staffing"]) {
        const YAML::Node st = q["staffing"];
        if (!st.IsMap() || !st["profile"]) {
            return At(file, st, "staffing needs profile: FILE.csv (an agents column)");
        }
        const std::string path = base + st["profile"].as<std::string>();
        ASSIGN_OR_RETURN(Column counts, ReadColumn(path, "agents"));
        Staffing staffing;
        staffing.interval = counts.interval.value_or(staffing.interval);
        for (double c : counts.values) {
            staffing.per_interval.push_back(static_cast<int>(std::lround(c)));
        }
        t.staffing = staffing;
        if (!t.agents) {
            t.agents = staffing.max();
        }
    }
    if (q["after_call_work"]) {
        ASSIGN_OR_RETURN(Distribution a, ReadDistribution(file, q["after_call_work"], base));
        t.after_call_work = a;
    }
    return t;
}

Result<Scenario> Parse(const std::string& text, const std::string& file, const std::string& base) {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) {
        return At(file, root, "expected a scenario: duration, queues, …");
    }
    Scenario s;
    if (root["duration"]) {
        ASSIGN_OR_RETURN(s.duration, DurationAt(file, root["duration"]));
        if (s.duration.count() <= 0 || s.duration > std::chrono::hours(24 * 366)) {
            return At(file, root["duration"], "duration must be above 0 and at most a year");
        }
    }
    if (root["warmup"]) {
        ASSIGN_OR_RETURN(s.warmup, DurationAt(file, root["warmup"]));
        if (s.warmup >= s.duration) {
            return At(file, root["warmup"], "warmup must be shorter than the duration");
        }
    }
    if (root["seed"]) {
        s.seed = root["seed"].as<uint64_t>();
    }
    if (root["service_level_s"]) {
        ASSIGN_OR_RETURN(s.service_level_s,
                         Positive(file, root["service_level_s"], "service_level_s", true));
    }
    if (!root["queues"] || !root["queues"].IsMap() || root["queues"].size() == 0) {
        return At(file, root, "needs queues: {QUEUE: {arrivals: …, handle_time: …}}");
    }
    for (const auto& kv : root["queues"]) {
        ASSIGN_OR_RETURN(QueueTraffic q,
                         ReadQueue(file, kv.first.as<std::string>(), kv.second, base));
        s.queues.push_back(std::move(q));
    }
    if (root["staffing"]) {
        const YAML::Node st = root["staffing"];
        if (!st.IsMap() || !st["roster"]) {
            return At(file, st, "staffing needs roster: FILE.csv (agent,start,end,breaks)");
        }
        ASSIGN_OR_RETURN(s.roster, ReadRoster(base + st["roster"].as<std::string>()));
    }
    if (root["replay"]) {
        ASSIGN_OR_RETURN(s.replay, ReadReplay(file, root["replay"], base, s.queues));
    }
    if (root["ivr"]) {
        if (!root["ivr"].IsSequence()) {
            return At(file, root["ivr"], "ivr: is a list of entry points");
        }
        for (const auto& e : root["ivr"]) {
            ASSIGN_OR_RETURN(IvrTraffic t, ReadIvrTraffic(file, e, base));
            s.ivr.push_back(std::move(t));
        }
    }
    return s;
}

}  // namespace

int Staffing::max() const {
    int m = 0;
    for (int v : per_interval) {
        m = std::max(m, v);
    }
    return m;
}

int Staffing::At(Duration t) const {
    if (per_interval.empty()) {
        return 0;
    }
    const int64_t per_day = std::max<int64_t>(1, 86'400'000 / interval.count());
    const int64_t i = (t.count() / interval.count()) %
                      std::min<int64_t>(per_day, static_cast<int64_t>(per_interval.size()));
    return per_interval[static_cast<size_t>(i)];
}

double Arrivals::RateAt(Duration t) const {
    const double day = weekday[static_cast<size_t>((t.count() / 86'400'000) % 7)];
    if (per_interval.empty()) {
        return day * rate_per_hour / 3600.0;
    }
    const int64_t per_day = std::max<int64_t>(1, 86'400'000 / interval.count());
    const int64_t i = (t.count() / interval.count()) %
                      std::min<int64_t>(per_day, static_cast<int64_t>(per_interval.size()));
    return day * per_interval[static_cast<size_t>(i)] /
           (static_cast<double>(interval.count()) / 1000.0);
}

Result<Scenario> ParseScenario(const std::string& yaml, const std::string& file,
                               const std::string& base_dir) {
    const std::string base = base_dir.empty() || base_dir.back() == '/' ? base_dir : base_dir + "/";
    try {
        return Parse(yaml, file, base);
    } catch (const YAML::Exception& e) {
        return InvalidArgument(file + ":" + std::to_string(e.mark.line + 1) + ":" +
                               std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
}

Result<CenterConfig> CenterForScenario(const Scenario& s) {
    CenterConfig c;
    c.name = "simulation";
    c.timezone = "UTC";
    c.service_level.threshold = Duration{static_cast<int64_t>(s.service_level_s * 1000)};
    c.short_abandon = Duration{0};
    for (const QueueTraffic& q : s.queues) {
        if (!q.agents) {
            return InvalidArgument("queue '" + q.queue.str() +
                                   "' needs agents: N when there is no center file");
        }
        const SkillId skill{q.queue.str()};
        c.skills.push_back(SkillDef{skill, q.queue.str()});
        QueueConfig qc;
        qc.id = q.queue;
        qc.name = q.queue.str();
        qc.skills = {SkillLevel{skill, 1}};
        qc.service_level.threshold = c.service_level.threshold;
        qc.expected_handle = Duration{static_cast<int64_t>(q.handle_time.mean() * 1000)};
        c.queues.push_back(qc);
        c.teams.push_back(TeamConfig{TeamId{q.queue.str()}, q.queue.str(), AgentId{}});
        for (int i = 0; i < *q.agents; ++i) {
            AgentConfig a;
            char id[64];
            std::snprintf(id, sizeof id, "%s-%04d", q.queue.str().c_str(), i + 1);
            a.id = AgentId{std::string(id)};
            a.team = TeamId{q.queue.str()};
            a.skills = {SkillLevel{skill, 1}};
            c.agents.push_back(a);
        }
    }
    return c;
}

}  // namespace hotline::sim
