// `hotline`: one executable, one verb per job (ARCHITECTURE.md §7). Exit status: 0 success,
// 1 failure, 2 bad usage or bad input.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.h"
#include "hotline/api/server.h"
#include "hotline/metrics/kpi.h"

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
        "run",
        "Run a timed command script against a center on a virtual clock; print the events "
        "and the final wallboard (script language: docs/scenarios.md).");
    run_cmd->add_option("center", run.center, "center YAML file")->required();
    run_cmd->add_option("script", run.script, "script file")->required();
    run_cmd->add_flag("--json", run.json, "events as JSON Lines, no wallboard");
    run_cmd->add_option("--seed", run.seed, "seed for the random strategies")->default_val(1);

    hotline::app::ReportOptions report;
    auto* report_cmd = app.add_subcommand(
        "report",
        "KPIs from a JSON Lines event log: by interval, queue, team or agent, as a "
        "table, CSV, JSON or a self-contained HTML page with charts (docs/reports.md).");
    report_cmd->add_option("events", report.events, "event log (JSON Lines)")->required();
    report_cmd->add_option("--center", report.center,
                           "center YAML: time zone, SL threshold, short abandons, teams");
    report_cmd->add_option("--from", report.from,
                           "first local date or time (2026-12-03, 2026-12-03T08:00)");
    report_cmd->add_option("--to", report.to, "end, exclusive, local date or time");
    report_cmd->add_option("--interval", report.interval, "15m, 30m, 60m, day, week or month");
    report_cmd->add_option("--by", report.by,
                           "queue, team, agent or day (no --by and no --interval: by day)");
    report_cmd->add_option("--sl-variant", report.sl_variant,
                           "service-level formula: " + hotline::metrics::SlVariantNames() +
                               " (default short_excluded)");
    report_cmd->add_option("--threshold", report.threshold,
                           "service-level threshold T (default: the center's, or 20s)");
    report_cmd->add_option("--short-abandon", report.short_abandon,
                           "abandons within this are short (default: the center's, or 5s)");
    report_cmd->add_option("--fcr-window", report.fcr_window,
                           "a repeat contact within this is no first-contact resolution (7d)");
    report_cmd->add_option("--tz", report.tz,
                           "time zone for intervals (default: the center's, or UTC)");
    report_cmd->add_option("--format", report.format, "table, csv, json or html")
        ->default_val("table");
    report_cmd->add_option("-o,--output", report.output, "write to this file instead of stdout");
    report_cmd->add_option("--lang", report.lang, "HTML report language: zh-CN or en")
        ->default_val("zh-CN")
        ->check(CLI::IsMember({"zh-CN", "en"}));
    report_cmd->add_flag("--skip-bad", report.skip_bad,
                         "skip bad lines (each is reported) instead of stopping");

    hotline::app::ImportOptions import;
    auto* import_cmd = app.add_subcommand(
        "import", "Turn a foreign call log into a Hotline event log (docs/imports.md).");
    import_cmd->add_option("format", import.format, "anonymous-bank, asterisk-queue-log or cdr")
        ->required()
        ->check(CLI::IsMember({"anonymous-bank", "asterisk-queue-log", "cdr"}));
    import_cmd->add_option("file", import.file, "the log to read")->required();
    import_cmd->add_option("-o,--output", import.output,
                           "event log to write (JSON Lines); default stdout");
    import_cmd->add_option("--map", import.mapping, "cdr: the column mapping (YAML)");
    import_cmd->add_option("--tz", import.tz, "time zone of the log's local times (default UTC)");
    import_cmd->add_flag("--skip-bad", import.skip_bad,
                         "skip bad records (each is reported and counted) instead of stopping");

    hotline::app::StaffOptions staff;
    auto* staff_cmd = app.add_subcommand(
        "staff",
        "Agents needed for a service level (Erlang B, C, A, X), or the service an agent "
        "count gives; one interval or a plan (docs/staffing.md).");
    staff_cmd->add_option("--model", staff.model, "erlang-b, erlang-c, erlang-a or erlang-x")
        ->default_val("erlang-c");
    staff_cmd->add_option("--calls", staff.calls, "calls per --period");
    staff_cmd->add_option("--period", staff.period, "length of the interval")->default_val("30m");
    staff_cmd->add_option("--aht", staff.aht, "average handle time, e.g. 180s");
    staff_cmd->add_option("--traffic", staff.traffic,
                          "offered traffic in Erlangs instead of --calls");
    staff_cmd->add_option("--agents", staff.agents,
                          "evaluate this many agents (lines for Erlang B)");
    staff_cmd->add_option(
        "--target", staff.target,
        "service level and threshold, e.g. 0.8/20s (with --agents: the threshold)");
    staff_cmd->add_option("--asa", staff.asa, "largest average speed of answer, e.g. 20s");
    staff_cmd->add_option("--max-abandon", staff.max_abandon,
                          "largest share of callers abandoning");
    staff_cmd->add_option("--max-occupancy", staff.max_occupancy,
                          "largest agent occupancy, e.g. 0.85");
    staff_cmd->add_option("--max-blocking", staff.max_blocking,
                          "Erlang B/X: largest share blocked");
    staff_cmd->add_option("--shrinkage", staff.shrinkage,
                          "share of paid time away from the phones");
    staff_cmd->add_option("--patience", staff.patience, "Erlang A/X: mean patience, e.g. 300s");
    staff_cmd->add_option("--sl-variant", staff.sl_variant, "offered, answered or virtual")
        ->default_val("offered");
    staff_cmd->add_option("--lines", staff.lines, "Erlang X: places in the system (trunks)");
    staff_cmd->add_option("--retrial", staff.retrial,
                          "Erlang X: share of blocked/abandoned callers who call again");
    staff_cmd->add_option("--plan", staff.plan, "CSV of intervals: start,calls,aht_s[,patience_s]");
    staff_cmd->add_flag("--json", staff.json, "JSON instead of text (or CSV for --plan)");

    hotline::app::ForecastOptions forecast;
    auto* forecast_cmd = app.add_subcommand(
        "forecast",
        "Forecast contacts and handle time per interval from an event log or a CSV "
        "of volumes; the CSV output feeds `hotline staff --plan` (docs/forecasting.md).");
    forecast_cmd
        ->add_option("history", forecast.history,
                     "event log (JSON Lines) or CSV start,calls[,aht_s]")
        ->required();
    forecast_cmd->add_option("--center", forecast.center, "center YAML: time zone and holidays");
    forecast_cmd->add_option("--tz", forecast.tz, "time zone (default: the center's, or UTC)");
    forecast_cmd->add_option("--interval", forecast.interval, "15m, 30m, 60m or day")
        ->default_val("30m");
    forecast_cmd->add_option("--horizon", forecast.horizon, "how far ahead")->default_val("7d");
    forecast_cmd
        ->add_option("--holdout", forecast.holdout,
                     "history tail that measures (and, for auto, chooses) the method")
        ->default_val("7d");
    forecast_cmd->add_option(
        "--test-last", forecast.test_last,
        "hide this much of the history's end, forecast it, and report the error");
    forecast_cmd->add_option("--method", forecast.method, "auto, profile or holt-winters")
        ->default_val("auto");
    forecast_cmd->add_flag("--json", forecast.json, "JSON instead of CSV");

    hotline::app::ScheduleOptions schedule;
    auto* schedule_cmd = app.add_subcommand(
        "schedule",
        "Least-cost shifts covering a staffing requirement (COIN-OR CBC), and who "
        "works them (docs/scheduling.md).");
    schedule_cmd
        ->add_option("requirement", schedule.requirement,
                     "CSV with start and agents (or positions, as staff --plan writes)")
        ->required();
    schedule_cmd
        ->add_option("shifts", schedule.shifts, "shift templates (YAML) or a coverage matrix (CSV)")
        ->required();
    schedule_cmd->add_option("--agents", schedule.agents,
                             "center YAML whose agents get the shifts");
    schedule_cmd
        ->add_option("--time-limit", schedule.time_limit,
                     "solver time; then the best found and its gap")
        ->default_val("30s");
    schedule_cmd
        ->add_option("--objective", schedule.objective, "cost (cover everything) or shortage")
        ->check(CLI::IsMember({"cost", "shortage"}));
    schedule_cmd->add_option(
        "--roster", schedule.roster,
        "write who works when as agent,start,end,breaks for `hotline simulate`");
    schedule_cmd->add_flag("--json", schedule.json, "everything as JSON");
    schedule_cmd->add_flag("--csv", schedule.csv, "coverage per interval as CSV");

    hotline::app::SimulateOptions simulate;
    std::vector<std::string> simulate_files;
    auto* simulate_cmd = app.add_subcommand(
        "simulate",
        "Run the real routing engine on a virtual clock with generated traffic; KPIs "
        "per queue with 95% confidence intervals (docs/simulation.md).");
    simulate_cmd->add_option("files", simulate_files, "[CENTER.yaml] SCENARIO.yaml")
        ->required()
        ->expected(1, 2);
    simulate_cmd->add_flag("--json", simulate.json, "JSON: queues.<id>, total, ci95, replications");
    simulate_cmd->add_option("--events", simulate.events,
                             "write the first replication's events (JSON Lines)");
    simulate_cmd
        ->add_option("--replications", simulate.replications,
                     "independent runs with seeds S, S+1, …")
        ->default_val(1);
    simulate_cmd->add_option("--seed", simulate.seed, "first seed (default: the scenario's)");
    simulate_cmd->add_option("--interval", simulate.interval,
                             "also KPIs per interval and queue: 15m, 30m, 60m or day");

    hotline::app::PromptsOptions prompts;
    auto* prompts_cmd = app.add_subcommand(
        "prompts",
        "Make the prompt folder for `serve --sip`: 8 kHz mono WAV files spoken by espeak-ng "
        "(Mandarin and English) and music on hold made by sox (docs/telephony.md).");
    prompts_cmd->add_option("--out", prompts.out, "folder to write")->default_val("prompts");
    prompts_cmd->add_option("--texts", prompts.texts,
                            "YAML of the words: language → prompt name → text "
                            "(examples/prompts.yaml)");
    prompts_cmd->add_option("--center", prompts.center,
                            "center YAML: name its prompts that have no words, make its music");
    prompts_cmd->add_option("--language", prompts.languages, "languages to make")
        ->default_val(std::vector<std::string>{"zh-CN", "en"});
    prompts_cmd->add_flag("--force", prompts.force, "remake files that exist");

    hotline::api::ServeOptions serve;
    auto* serve_cmd = app.add_subcommand(
        "serve",
        "Run the center: the engine on the wall clock, the REST and WebSocket API, an embedded "
        "SQLite store (docs/server.md). --demo starts a living demo center.");
    serve_cmd->add_option("--port", serve.port, "TCP port (0: any free port)")->default_val(8080);
    serve_cmd->add_option("--bind", serve.bind, "address to listen on")->default_val("127.0.0.1");
    serve_cmd->add_option("--db", serve.db, "SQLite database file")->default_val("hotline.db");
    serve_cmd->add_option("--center", serve.center,
                          "center YAML to run (stored as the configuration's new version)");
    serve_cmd->add_flag("--demo", serve.demo,
                        "simulated callers and agents on the demo center; demo users printed");
    serve_cmd->add_option("--speed", serve.speed, "the demo's clock speed (10: ten times faster)")
        ->default_val(1.0);
    serve_cmd->add_option("--web", serve.web_dir, "directory of the built web UI");
    serve_cmd->add_option("--threads", serve.threads, "HTTP threads")->default_val(2);
    serve_cmd
        ->add_option("--durability", serve.durability,
                     "full: fsync every batch (survives power loss); normal: survives a "
                     "crash of the process")
        ->default_val("full")
        ->check(CLI::IsMember({"full", "normal"}));
    serve_cmd->add_option("--seed", serve.seed, "seed for random strategies and the demo")
        ->default_val(1);
    serve_cmd->add_option("--sip", serve.sip,
                          "answer phone calls: SIP over UDP and TCP on address:port "
                          "(e.g. 0.0.0.0:5060); off unless given");
    serve_cmd->add_option("--prompts", serve.prompts,
                          "prompt folder for --sip (made by `hotline prompts`)");
    serve_cmd->add_option("--language", serve.language, "prompts' language")->default_val("zh-CN");
    serve_cmd->add_option("--flow", serve.flow,
                          "IVR flow for a dialled number that names no flow or queue "
                          "(default: the first flow)");
    serve_cmd->add_option("--recordings", serve.recordings,
                          "folder for call recordings (queues with record: true) and voicemail");
    serve_cmd->add_option("--rtp-ports", serve.rtp_min, "lowest RTP port")->default_val(20000);
    serve_cmd->add_option("--sip-tls", serve.sip_tls,
                          "PEM file with certificate and key: SIP over TLS on the next port");
    serve_cmd->add_option("--sip-trunk", serve.sip_trunk,
                          "dial callbacks out: SIP URI with {number}, e.g. "
                          "sip:{number}@10.0.0.1:5060; the agent's phone rings first");
    serve_cmd->add_option("--sip-users", serve.sip_users,
                          "YAML of agent id: SIP password, for phones that REGISTER (digest)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    if (*check_cmd) {
        return hotline::app::CheckConfig(check);
    }
    if (*prompts_cmd) {
        return hotline::app::PromptsCommand(prompts);
    }
    if (*serve_cmd) {
        return hotline::api::Serve(serve);
    }
    if (*run_cmd) {
        return hotline::app::RunScriptCommand(run);
    }
    if (*simulate_cmd) {
        simulate.scenario = simulate_files.back();
        if (simulate_files.size() == 2) {
            simulate.center = simulate_files.front();
        }
        return hotline::app::SimulateCommand(simulate);
    }
    if (*schedule_cmd) {
        return hotline::app::ScheduleCommand(schedule);
    }
    if (*forecast_cmd) {
        return hotline::app::ForecastCommand(forecast);
    }
    if (*staff_cmd) {
        return hotline::app::StaffCommand(staff);
    }
    if (*import_cmd) {
        return hotline::app::ImportCommand(import);
    }
    if (*report_cmd) {
        return hotline::app::ReportCommand(report);
    }
    return 2;
}
