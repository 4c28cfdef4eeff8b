#pragma once
// Private: one row of the Anonymous Bank log, parsed and then placed in time.

#include <cstdint>
#include <string>
#include <string_view>

#include "hotline/core/status.h"
#include "hotline/metrics/calendar.h"

namespace hotline::imports {

inline constexpr std::string_view kUnknownAgent = "unknown";

struct BankRow {
    std::string vru_line, call_id, customer_id, type, outcome, server, date_text;
    int64_t priority = 0;
    int64_t days = 0;  // the row's date, days since 1970-01-01
    int64_t vru_entry = 0, vru_exit = 0, q_start = 0, q_exit = 0, ser_start = 0, ser_exit = 0;
    int64_t vru_time = 0, q_time = 0, ser_time = 0;  // seconds; clock fields are seconds of day
};

// What happened to the call, with UTC times in milliseconds.
struct BankCall {
    std::string id;  // vru+line and call_id: call_id alone repeats across lines
    std::string vru_line, queue, agent, customer;
    int64_t priority = 0;
    bool phantom = false, queued = false, served = false, callback = false;
    bool hang_after_service = false;
    bool ivr_exit_before_entry = false;  // a clock error of the IVR: its time is taken as 0
    int64_t vru_entry_ms = 0, vru_exit_ms = 0, enqueue_ms = 0, leave_ms = 0, end_ms = 0;
};

// Checks every field; the error names the field and what it holds.
Result<BankRow> ParseBankRow(std::string_view line);
Result<BankCall> ToBankCall(const BankRow& row, const metrics::Calendar& calendar);

}  // namespace hotline::imports
