#pragma once
// Importers turn foreign call logs into Hotline events (ARCHITECTURE.md §3), so every report and
// every replay works on them too. Each reads the whole input, and returns the events in time
// order. A bad line is an error naming source:line, unless `skip_bad`: then it is listed in
// ImportSummary::errors, counted, and the import goes on. Nothing is dropped silently: what an
// importer leaves out on purpose (a phantom call, an event it does not map) is counted in `notes`.

#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "hotline/core/event.h"
#include "hotline/core/status.h"

namespace hotline::imports {

struct ImportOptions {
    std::string source = "input";  // the file's name, for messages
    bool skip_bad = false;
    std::string zone = "UTC";  // time zone of local times in the input
};

struct ImportSummary {
    int64_t lines = 0;                     // lines read, header included
    int64_t records = 0;                   // records turned into events
    int64_t skipped = 0;                   // bad records skipped (skip_bad)
    std::vector<std::string> errors;       // "source:line: message" of each skipped record
    std::map<std::string, int64_t> notes;  // what was left out on purpose, with counts
    std::vector<Event> events;             // in time order
};

// The Anonymous Bank format (shared/data/anonymous-bank; docs/imports.md has the mapping).
Result<ImportSummary> ImportAnonymousBank(std::istream& in, const ImportOptions& options);

// Asterisk queue_log: "epoch|callid|queue|agent|EVENT|data1|data2|...".
Result<ImportSummary> ImportAsteriskQueueLog(std::istream& in, const ImportOptions& options);

// Any CSV of call detail records, read through a column mapping (docs/imports.md).
struct CdrMapping {
    char delimiter = ',';
    bool header = true;
    std::string zone;                               // empty: ImportOptions::zone
    std::string time_format = "%Y-%m-%d %H:%M:%S";  // or "epoch", "epoch_ms"
    // Column of each field, by header name or 1-based number; empty when absent.
    std::string id, arrive, queue, answer, wait_s, end, talk_s, acw_s, agent, from, customer,
        channel, outcome;
    std::string queue_default;
    std::vector<std::string> answered, abandoned, ignored;  // outcome values
};

// The error names mapping_file:line:column.
Result<CdrMapping> ParseCdrMapping(const std::string& yaml, const std::string& mapping_file);
Result<ImportSummary> ImportCdr(std::istream& in, const CdrMapping& mapping,
                                const ImportOptions& options);

}  // namespace hotline::imports
