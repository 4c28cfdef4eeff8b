#include "bank_row.h"

#include <algorithm>
#include <array>

#include "local_time.h"

namespace hotline::imports {
namespace {

constexpr size_t kFields = 17;
constexpr int64_t kHalfDay = int64_t{12} * 3600;
constexpr std::array<std::string_view, kFields> kNames = {
    "vru+line",  "call_id",   "customer_id", "priority", "type",   "date",
    "vru_entry", "vru_exit",  "vru_time",    "q_start",  "q_exit", "q_time",
    "outcome",   "ser_start", "ser_exit",    "ser_time", "server"};

Status FieldError(size_t i, std::string_view value, std::string_view expected) {
    return InvalidArgument("field " + std::to_string(i + 1) + " (" + std::string(kNames[i]) +
                           ") is '" + std::string(value) + "', expected " + std::string(expected));
}

}  // namespace

Result<BankRow> ParseBankRow(std::string_view line) {
    if (auto bad = FirstInvalidUtf8(line)) {
        return InvalidArgument(NotUtf8Message(*bad));
    }
    std::vector<std::string_view> f = SplitFields(line, '\t');
    if (f.size() != kFields) {
        return InvalidArgument("expected 17 tab-separated fields, found " +
                               std::to_string(f.size()));
    }
    BankRow r;
    r.vru_line = f[0];
    r.call_id = f[1];
    r.customer_id = f[2];
    r.type = f[4];
    r.outcome = f[12];
    r.server = f[16];
    r.date_text = f[5];
    if (r.vru_line.empty()) {
        return FieldError(0, f[0], "a VRU line such as AA0101");
    }
    if (!ParseCount(f[1])) {
        return FieldError(1, f[1], "a call number");
    }
    // Customer ids are opaque: some rows hold spreadsheet-mangled numbers such as 6.02701E+11.
    if (f[2].empty()) {
        return FieldError(2, f[2], "a customer id (0: unknown)");
    }
    auto priority = ParseCount(f[3]);
    if (!priority || *priority > 9) {
        return FieldError(3, f[3], "a priority 0-2");
    }
    r.priority = *priority;
    if (r.type.empty()) {
        return FieldError(4, f[4], "a service type such as PS");
    }
    auto date = ParseCount(f[5]);
    if (!date || f[5].size() != 6) {
        return FieldError(5, f[5], "a date YYMMDD");
    }
    const int64_t yy = *date / 10000, mm = *date / 100 % 100, dd = *date % 100;
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) {
        return FieldError(5, f[5], "a date YYMMDD");
    }
    r.days = DaysFromCivil(yy < 69 ? 2000 + yy : 1900 + yy, static_cast<unsigned>(mm),
                           static_cast<unsigned>(dd));
    struct Clock {
        size_t index;
        int64_t* out;
    };
    for (Clock c : {Clock{6, &r.vru_entry}, Clock{7, &r.vru_exit}, Clock{9, &r.q_start},
                    Clock{10, &r.q_exit}, Clock{13, &r.ser_start}, Clock{14, &r.ser_exit}}) {
        auto v = ParseClock(f[c.index]);
        if (!v) {
            return FieldError(c.index, f[c.index], "a time H:MM:SS");
        }
        *c.out = *v;
    }
    // vru_time can be negative: the IVR clock now and then stamps the exit before the entry.
    std::string_view vru_time = f[8];
    const bool negative = !vru_time.empty() && vru_time[0] == '-';
    auto vt = ParseCount(negative ? vru_time.substr(1) : vru_time);
    if (!vt || *vt > 86400) {
        return FieldError(8, f[8], "a number of seconds up to a day");
    }
    r.vru_time = negative ? -*vt : *vt;
    for (Clock c : {Clock{11, &r.q_time}, Clock{15, &r.ser_time}}) {
        auto v = ParseCount(f[c.index]);
        if (!v || *v > 86400) {
            return FieldError(c.index, f[c.index], "a number of seconds up to a day");
        }
        *c.out = *v;
    }
    if (r.outcome != "AGENT" && r.outcome != "HANG" && r.outcome != "PHANTOM") {
        return FieldError(12, f[12], "AGENT, HANG or PHANTOM");
    }
    if (r.server.empty()) {
        return FieldError(16, f[16], "an agent name or NO_SERVER");
    }
    return r;
}

Result<BankCall> ToBankCall(const BankRow& r, const metrics::Calendar& calendar) {
    BankCall c;
    c.id = r.vru_line + "-" + r.call_id;
    c.vru_line = r.vru_line;
    c.queue = r.type;
    c.priority = r.priority;
    c.customer = r.customer_id == "0" ? "" : r.customer_id;
    c.phantom = r.outcome == "PHANTOM";
    c.callback = r.type == "TT";  // customers the bank called back (see docs/imports.md)
    // 0:00:00 is "none" unless a duration or the other end shows the stage took place.
    c.queued = r.q_start != 0 || r.q_exit != 0 || r.q_time > 0;
    c.served = r.outcome == "AGENT";
    c.hang_after_service = r.outcome == "HANG" && (r.ser_start != 0 || r.ser_time > 0);
    c.ivr_exit_before_entry = r.vru_exit < r.vru_entry && r.vru_entry - r.vru_exit < kHalfDay;
    c.agent = r.server == "NO_SERVER" ? std::string(kUnknownAgent) : r.server;

    // Seconds of day → local seconds since 1970, moving past midnight when a later stage's clock
    // is earlier than the stage before it.
    const int64_t day0 = r.days * 86400;
    int64_t prev = day0 + r.vru_entry;
    auto place = [&](int64_t clock) {
        int64_t t = day0 + clock;
        while (t < prev - kHalfDay) {
            t += 86400;
        }
        prev = std::max(prev, t);
        return prev;
    };
    auto utc = [&](int64_t local_s) { return ToMillis(calendar.FromLocalMillis(local_s * 1000)); };
    const int64_t entry = day0 + r.vru_entry;
    const int64_t vru_exit = place(r.vru_exit);
    c.vru_entry_ms = utc(entry);
    c.vru_exit_ms = utc(vru_exit);
    // The queue wait is the log's own q_time; the service length its ser_time. Clock fields are
    // used for placing, as they disagree with the durations by a second here and there.
    const int64_t enqueue = c.queued ? place(r.q_start) : vru_exit;
    const int64_t leave = enqueue + (c.queued ? r.q_time : 0);
    c.enqueue_ms = utc(enqueue);
    c.leave_ms = utc(leave);
    c.end_ms = utc(leave + (c.served ? r.ser_time : 0));
    if (!PlausibleMillis(c.vru_entry_ms) || !PlausibleMillis(c.end_ms)) {
        return FieldError(5, r.date_text,
                          "a date from 1970 on (two-digit years 69-99 are 1969-1999)");
    }
    return c;
}

}  // namespace hotline::imports
