#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/sim/script.h"
#include "wallboard_text.h"

namespace hotline::app {
namespace {

class PrintingSink : public EventSink {
  public:
    PrintingSink(bool json, Timestamp origin) : json_(json), origin_(origin) {}
    void OnEvent(const Event& e) override {
        std::cout << (json_ ? EventToJson(e) : EventToText(e, origin_)) << "\n";
    }

  private:
    bool json_;
    Timestamp origin_;
};

}  // namespace

int RunScriptCommand(const RunOptions& options) {
    config::LoadResult center = config::LoadCenterFromFile(options.center);
    for (const auto& e : center.errors) {
        std::cerr << e.ToString() << "\n";
    }
    if (!center.ok()) {
        return 2;
    }
    std::ifstream in(options.script);
    if (!in) {
        std::cerr << options.script << ": cannot open the file\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    sim::ScriptOptions so;
    so.seed = options.seed;
    PrintingSink sink(options.json, so.origin);
    sim::ScriptResult result =
        sim::RunScript(center.center, sim::ParseScript(text.str()), sink, so);
    for (const auto& f : result.failures) {
        std::cerr << options.script << ":" << f.line << ": " << f.message << "\n";
    }
    if (!options.json) {
        std::cout << "\n" << RenderWallboard(result.final_snapshot, center.center, so.origin);
    }
    return result.ok() ? 0 : 1;
}

}  // namespace hotline::app
