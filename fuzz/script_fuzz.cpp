// libFuzzer target: any bytes as a command script against a small center. Scripts are outside
// input (`hotline run`); a bad line is an error, never a crash or a broken engine invariant.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "hotline/config/loader.h"
#include "hotline/sim/script.h"

namespace {

class NullSink : public hotline::EventSink {
  public:
    void OnEvent(const hotline::Event&) override {}
};

const hotline::CenterConfig& Center() {
    static const hotline::CenterConfig center = [] {
        auto r = hotline::config::LoadCenterFromString(R"(
skills: [{id: s}, {id: t}]
queues:
  - {id: q, skills: {s: 1}, max_wait: 2m}
  - {id: r, skills: {t: 1}, channel: chat, strategy: random}
agents:
  - {id: a1, skills: {s: 5}}
  - {id: a2, skills: {s: 2, t: 3}, capacity: {voice: 1, chat: 2}}
routing:
  overflow: [{id: o, queue: q, when: {waited: 30s}, move_to: r}]
  merge: [{id: m, queues: [q, r], merge_when: {waiting_over: 1}, split_when: {waiting_under: 0}}]
)",
                                                       "fuzz-center.yaml");
        if (!r.ok()) {
            std::abort();
        }
        return r.center;
    }();
    return center;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) {
        return 0;  // keep each run short; long scripts add nothing new
    }
    std::string_view text(reinterpret_cast<const char*>(data), size);
    NullSink sink;
    hotline::sim::ScriptOptions options;
    options.check_invariants = true;
    auto result = hotline::sim::RunScript(Center(), hotline::sim::ParseScript(text), sink, options);
    for (const auto& f : result.failures) {
        if (f.invariant) {
            std::fprintf(stderr, "line %d: %s\n", f.line, f.message.c_str());
            std::abort();
        }
    }
    return 0;
}
