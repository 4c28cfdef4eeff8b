// The Anonymous Bank call log (February 1999; shared/data/anonymous-bank). One tab-separated row
// per call: IVR (vru_entry, vru_exit), queue (q_start, q_exit, q_time), outcome AGENT / HANG /
// PHANTOM, service (ser_start, ser_exit, ser_time) and the agent's name in `server`. Times are
// H:MM:SS on the row's date, where 0:00:00 means "none" unless the durations say the stage
// happened (a call can enter the queue at midnight). The mapping is in docs/imports.md.
#include <algorithm>

#include "bank_row.h"
#include "hotline/imports/import.h"
#include "hotline/metrics/calendar.h"

namespace hotline::imports {
namespace {

constexpr std::string_view kHeader = "vru+line";

template <class T>
void Push(std::vector<Event>& out, int64_t ms, T body) {
    out.push_back(Event{FromMillis(ms), EventBody{std::move(body)}});
}

// The events of one call, in the order they happened.
void CallEvents(const BankCall& c, std::vector<Event>& out) {
    const InteractionId id{c.id};
    events::Arrive arrive{id,
                          c.callback ? "callback" : "voice",
                          c.callback ? "out" : "in",
                          "",
                          "",
                          c.customer,
                          InteractionId{}};
    Push(out, c.vru_entry_ms, arrive);
    Push(out, c.vru_entry_ms, events::IvrEnter{id, "vru", c.vru_line});
    if (!c.queued && !c.served) {  // hung up in the IVR
        Push(out, c.vru_exit_ms, events::IvrExit{id, "vru", c.vru_line, "hangup"});
        Push(out, c.vru_exit_ms, events::Hangup{id, "customer", "ivr", ""});
        return;
    }
    Push(out, c.vru_exit_ms, events::IvrExit{id, "vru", c.vru_line, "queued"});
    const QueueId queue{c.queue};
    events::Enqueue enqueue{id, queue, c.priority, {}, std::nullopt};
    Push(out, c.enqueue_ms, enqueue);
    if (!c.served) {  // HANG from the queue
        Push(out, c.leave_ms, events::Abandon{id, queue});
        Push(out, c.leave_ms, events::Hangup{id, "customer", "queue", ""});
        return;
    }
    const AgentId agent{c.agent};
    Push(out, c.leave_ms, events::Offer{id, agent, queue});
    Push(out, c.leave_ms, events::Answer{id, agent, queue});
    Push(out, c.end_ms, events::Hangup{id, "customer", "talk", ""});
    Push(out, c.end_ms, events::WrapupEnd{id, agent, "", ""});
}

}  // namespace

Result<ImportSummary> ImportAnonymousBank(std::istream& in, const ImportOptions& options) {
    auto calendar = metrics::Calendar::ForZone(options.zone);
    if (!calendar.ok()) {
        return calendar.status();
    }
    ImportSummary summary;
    std::string line;
    while (std::getline(in, line)) {
        ++summary.lines;
        if (line.empty() || line == "\r") {
            continue;
        }
        if (summary.lines == 1 && line.rfind(kHeader, 0) == 0) {
            continue;
        }
        Result<BankRow> row = ParseBankRow(line);
        Result<BankCall> call =
            row.ok() ? ToBankCall(*row, *calendar) : Result<BankCall>(row.status());
        if (!call.ok()) {
            std::string where = options.source + ":" + std::to_string(summary.lines) + ": ";
            if (!options.skip_bad) {
                return InvalidArgument(where + call.status().message());
            }
            summary.errors.push_back(where + call.status().message());
            ++summary.skipped;
            continue;
        }
        if (call->phantom) {
            ++summary.notes["phantom calls left out (the bank's own virtual calls)"];
            continue;
        }
        if (call->served && !call->queued) {
            ++summary.notes["calls answered without waiting in queue"];
        }
        if (call->served && call->agent == kUnknownAgent) {
            ++summary.notes["answered calls with no agent name (agent \"" +
                            std::string(kUnknownAgent) + "\")"];
        }
        if (call->ivr_exit_before_entry) {
            ++summary.notes["calls whose IVR exit precedes the entry: IVR time taken as 0"];
        }
        if (call->hang_after_service) {
            ++summary.notes["HANG calls with service times: counted as abandoned from the queue"];
        }
        ++summary.records;
        CallEvents(*call, summary.events);
    }
    std::stable_sort(summary.events.begin(), summary.events.end(),
                     [](const Event& a, const Event& b) { return a.ts < b.ts; });
    return summary;
}

}  // namespace hotline::imports
