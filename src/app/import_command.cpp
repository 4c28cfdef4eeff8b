// `hotline import FORMAT FILE -o events.jsonl`: foreign call logs into Hotline's event log.
#include <fstream>
#include <iostream>

#include "commands.h"
#include "hotline/core/event_codec.h"
#include "hotline/imports/import.h"

namespace hotline::app {
namespace {

Result<imports::ImportSummary> RunImporter(const ImportOptions& o, std::istream& in,
                                           const imports::ImportOptions& io) {
    if (o.format == "anonymous-bank") {
        return imports::ImportAnonymousBank(in, io);
    }
    if (o.format == "asterisk-queue-log") {
        return imports::ImportAsteriskQueueLog(in, io);
    }
    if (o.format == "cdr") {
        if (o.mapping.empty()) {
            return InvalidArgument("cdr needs --map MAPPING.yaml (docs/imports.md)");
        }
        std::ifstream map(o.mapping);
        if (!map) {
            return InvalidArgument(o.mapping + ": cannot open the file");
        }
        std::string text((std::istreambuf_iterator<char>(map)), std::istreambuf_iterator<char>());
        ASSIGN_OR_RETURN(imports::CdrMapping mapping, imports::ParseCdrMapping(text, o.mapping));
        return imports::ImportCdr(in, mapping, io);
    }
    return InvalidArgument("unknown format '" + o.format +
                           "': expected anonymous-bank, asterisk-queue-log or cdr");
}

}  // namespace

int ImportCommand(const ImportOptions& o) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) {
        std::cerr << o.file << ": cannot open the file\n";
        return 2;
    }
    imports::ImportOptions io;
    io.source = o.file;
    io.skip_bad = o.skip_bad;
    if (!o.tz.empty()) {
        io.zone = o.tz;
    }
    auto result = RunImporter(o, in, io);
    if (!result.ok()) {
        std::cerr << result.status().message() << "\n";
        if (!o.skip_bad) {
            std::cerr << "import: nothing written (--skip-bad goes past bad records)\n";
        }
        return 2;
    }
    const imports::ImportSummary& s = *result;
    for (const auto& e : s.errors) {
        std::cerr << e << "\n";
    }

    std::ofstream file;
    if (!o.output.empty() && o.output != "-") {
        file.open(o.output, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::cerr << o.output << ": cannot write the file\n";
            return 1;
        }
    }
    std::ostream& out = file.is_open() ? file : std::cout;
    for (const auto& e : s.events) {
        out << EventToJson(e) << '\n';
    }
    out.flush();
    if (!out) {
        std::cerr << (o.output.empty() ? "stdout" : o.output) << ": write failed\n";
        return 1;
    }
    std::cerr << "import: " << s.records << " records, " << s.events.size() << " events";
    if (s.skipped > 0) {
        std::cerr << ", " << s.skipped << " bad records skipped";
    }
    std::cerr << "\n";
    for (const auto& [what, count] : s.notes) {
        std::cerr << "  " << count << " " << what << "\n";
    }
    return 0;
}

}  // namespace hotline::app
