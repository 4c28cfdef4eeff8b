// `hotline`: one executable, one verb per job (ARCHITECTURE.md §7). Exit status: 0 success,
// 1 failure, 2 bad usage or bad input.
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
    CLI::App app{"Hotline — call-center operations: routing engine, configuration, simulation."};
    app.set_version_flag("--version", std::string("hotline ") + hotline::app::kVersion);
    app.require_subcommand(1);

    hotline::app::CheckConfigOptions check;
    auto* check_cmd = app.add_subcommand(
        "check-config", "Validate a center configuration file; errors name file:line:column.");
    check_cmd->add_option("file", check.file, "center YAML file")->required();
    check_cmd->add_flag("--quiet,-q", check.quiet, "print nothing on success");

    hotline::app::RunOptions run;
    auto* run_cmd = app.add_subcommand(
        "run", "Run a timed command script against a center on a virtual clock; print the events "
               "and the final wallboard (script language: docs/scenarios.md).");
    run_cmd->add_option("center", run.center, "center YAML file")->required();
    run_cmd->add_option("script", run.script, "script file")->required();
    run_cmd->add_flag("--json", run.json, "events as JSON Lines, no wallboard");
    run_cmd->add_option("--seed", run.seed, "seed for the random strategies")->default_val(1);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    if (*check_cmd) return hotline::app::CheckConfig(check);
    if (*run_cmd) return hotline::app::RunScriptCommand(run);
    return 2;
}
