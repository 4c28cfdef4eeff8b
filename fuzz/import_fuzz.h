#pragma once
// Shared by the importer fuzz targets: whatever an importer accepts must be events in time order
// that the event codec round-trips and the KPI aggregator digests.
#include <cstdlib>
#include <sstream>
#include <string>

#include "hotline/core/event_codec.h"
#include "hotline/imports/import.h"
#include "hotline/metrics/aggregator.h"

inline void CheckImport(const hotline::Result<hotline::imports::ImportSummary>& result) {
    if (!result.ok()) {
        if (result.status().message().empty()) {
            std::abort();  // an error must say what
        }
        return;
    }
    hotline::metrics::Aggregator aggregator;
    hotline::Timestamp previous{};
    bool first = true;
    for (const auto& e : result->events) {
        if (!first && e.ts < previous) {
            std::abort();
        }
        first = false;
        previous = e.ts;
        auto back = hotline::EventFromJson(hotline::EventToJson(e));
        if (!back.ok()) {
            std::abort();
        }
        aggregator.OnEvent(e);
    }
    aggregator.AdvanceTo(previous);
}

// Runs a stream importer over the bytes twice: strict, and going past bad records.
template <class Importer>
void FuzzImporter(const uint8_t* data, size_t size, Importer import) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (bool skip_bad : {false, true}) {
        std::istringstream in(text);
        hotline::imports::ImportOptions options;
        options.skip_bad = skip_bad;
        CheckImport(import(in, options));
    }
}
