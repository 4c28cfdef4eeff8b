#include "report_html_page.h"

namespace hotline::app {

// Styles and script of the report. Data arrives as one JSON object (DATA); the texts of both
// languages live here so the page needs nothing from the network.
const char* const kReportHtmlPage = R"HTML(<!DOCTYPE html>
<html lang="/*@LANG@*/">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>/*@TITLE@*/</title>
<style>
  :root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --good:#2f9e44; --bad:#e03131;
          --warn:#f08c00; --accent:#1c7ed6; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",
         "Helvetica Neue",Arial,sans-serif; color: var(--ink); background: #f5f7fa; }
  header { background: #102a43; color: #fff; padding: 18px 28px; }
  header h1 { margin: 0; font-size: 22px; font-weight: 600; }
  header .meta { color: #bcccdc; font-size: 13px; margin-top: 4px; }
  main { padding: 20px 28px 40px; max-width: 1280px; margin: 0 auto; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
          break-inside: avoid; }
  .card .label { color: var(--muted); font-size: 12px; }
  .card .value { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
  .card .sub { color: var(--muted); font-size: 12px; }
  .card.good .value { color: var(--good); } .card.bad .value { color: var(--bad); }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; margin-top: 14px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
            margin-top: 14px; break-inside: avoid; }
  .grid section { margin-top: 0; }
  section h2 { font-size: 15px; margin: 0 0 6px; font-weight: 600; }
  .chart { width: 100%; height: 280px; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right;
           white-space: nowrap; }
  th:first-child, td:first-child { text-align: left; }
  th { color: var(--muted); font-weight: 500; font-size: 12px; }
  tr.total td { font-weight: 600; border-top: 2px solid var(--ink); }
  td.bad { color: var(--bad); font-weight: 600; } td.good { color: var(--good); }
  .note { color: var(--muted); font-size: 12px; margin-top: 10px; }
  @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
  @media print {
    @page { size: A4; margin: 12mm; }
    body { background: #fff; font-size: 11px; }
    header { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 0 0 8px; }
    header .meta { color: var(--muted); }
    main { padding: 8px 0; max-width: none; }
    .card, section { border-color: #ccc; }
    .cards { grid-template-columns: repeat(7, 1fr); gap: 6px; }
    .card .value { font-size: 18px; }
    .chart { height: 230px; }
    .grid { grid-template-columns: 1fr; }
    .pagebreak { break-before: page; }
    section.long { break-inside: auto; }
    thead { display: table-header-group; }
  }
</style>
</head>
<body>
<header><h1 id="title"></h1><div class="meta" id="meta"></div></header>
<main>
  <div class="cards" id="cards"></div>
  <div class="grid">
    <section><h2 data-t="slChart"></h2><div class="chart" id="chart-sl"></div></section>
    <section><h2 data-t="volumeChart"></h2><div class="chart" id="chart-volume"></div></section>
    <section><h2 data-t="abandonChart"></h2><div class="chart" id="chart-abandon"></div></section>
    <section><h2 data-t="timeChart"></h2><div class="chart" id="chart-times"></div></section>
  </div>
  <section class="pagebreak long"><h2 data-t="queueTable"></h2><table id="queues"></table></section>
  <section class="long"><h2 data-t="agentTable"></h2><table id="agents"></table></section>
  <p class="note" id="note"></p>
</main>
<script>/*@ECHARTS@*/</script>
<script>
const DATA = /*@DATA@*/;
const T = {
  "zh-CN": { title: "话务报表", offered: "进线量", answered: "接通量", abandoned: "放弃量",
    sl: "服务水平", asa: "平均应答速度", abandonRate: "放弃率", answerRate: "呼叫接通率", aht: "平均处理时长",
    occupancy: "座席占用率", target: "目标", slChart: "服务水平与目标（按时段）",
    volumeChart: "话务量（按时段）", abandonChart: "放弃率（按时段）", timeChart: "应答速度与处理时长（秒）",
    queueTable: "按队列", agentTable: "按座席", queue: "队列", agent: "座席", interval: "时段",
    handled: "处理量", talk: "通话", acw: "事后处理时间", login: "登录时长", utilization: "利用率",
    other: "其他（溢出/回呼/系统）", total: "合计", longest: "最长等待", period: "时间范围",
    source: "数据", generated: "生成于", events: "事件",
    note: (o) => `服务水平 = ${o.sl_variant}，阈值 ${o.service_level_threshold_s} 秒；短放弃 ≤ ${o.short_abandon_s} 秒；时区 ${o.time_zone}。口径见 docs/kpis.md。`,
    noData: "无数据", seconds: "秒" },
  "en": { title: "Contact center report", offered: "Offered", answered: "Answered", abandoned: "Abandoned",
    sl: "Service level", asa: "ASA", abandonRate: "Abandon rate", answerRate: "Answer rate", aht: "AHT",
    occupancy: "Occupancy", target: "Target", slChart: "Service level against target, by interval",
    volumeChart: "Volume by interval", abandonChart: "Abandon rate by interval", timeChart: "ASA and handle time (s)",
    queueTable: "By queue", agentTable: "By agent", queue: "Queue", agent: "Agent", interval: "Interval",
    handled: "Handled", talk: "Talk", acw: "ACW", login: "Logged in", utilization: "Utilization",
    other: "Other (overflow/callback/system)", total: "Total", longest: "Longest wait", period: "Period",
    source: "Source", generated: "Generated", events: "events",
    note: (o) => `Service level = ${o.sl_variant} at ${o.service_level_threshold_s} s; short abandons ≤ ${o.short_abandon_s} s; time zone ${o.time_zone}. Definitions: docs/kpis.md.`,
    noData: "no data", seconds: "s" },
}[DATA.meta.lang] ;
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const pct = (v) => v == null ? "–" : (v * 100).toFixed(1) + "%";
const sec = (v) => v == null ? "–" : v.toFixed(1) + (DATA.meta.lang === "en" ? " s" : " 秒");
const num = (v) => v == null ? "–" : Number(v).toLocaleString(DATA.meta.lang);
const hms = (v) => { if (v == null) return "–"; const s = Math.round(v);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`; };

document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = T[el.dataset.t]; });
document.getElementById("title").textContent = (DATA.meta.center ? DATA.meta.center + " · " : "") + T.title;
document.getElementById("meta").textContent =
  `${T.period}: ${DATA.meta.period} · ${T.source}: ${DATA.meta.source} (${num(DATA.meta.events)} ${T.events})`;
document.getElementById("note").textContent = T.note(DATA.series.options);

const tot = DATA.series.total, target = DATA.meta.target;
const cards = [
  [T.offered, num(tot.offered), ""],
  [T.answered, num(tot.answered), `${T.answerRate} ${pct(tot.answer_rate)}`],
  [T.abandoned, num(tot.abandoned), `${T.abandonRate} ${pct(tot.abandon_rate)}`],
  [T.sl, pct(tot.service_level), `${T.target} ${pct(target)}`,
    tot.service_level == null ? "" : (tot.service_level >= target ? "good" : "bad")],
  [T.asa, sec(tot.asa_s), `${T.longest} ${sec(tot.longest_wait_s)}`],
  [T.aht, sec(tot.aht_s), `${T.talk} ${sec(tot.talk_s)} · ${T.acw} ${sec(tot.acw_s)}`],
  [T.occupancy, pct(tot.occupancy), `${T.utilization} ${pct(tot.utilization)}`],
];
document.getElementById("cards").innerHTML = cards.map(([l, v, s, cls]) =>
  `<div class="card ${cls || ""}"><div class="label">${l}</div><div class="value">${v}</div><div class="sub">${s}</div></div>`).join("");

const rows = DATA.series.rows;
const x = rows.map((r) => r.interval);
const base = { animation: false, grid: { left: 48, right: 48, top: 36, bottom: 40 },
  tooltip: { trigger: "axis" }, xAxis: { type: "category", data: x, axisLabel: { hideOverlap: true } },
  legend: { top: 0 } };
const charts = [];
const chart = (id, option) => {
  const c = echarts.init(document.getElementById(id), null, { renderer: "svg" });
  c.setOption(Object.assign({}, base, option));
  charts.push(c);
};
// Charts follow their boxes: the window, and the page when printing.
const resizeAll = () => charts.forEach((c) => c.resize());
window.addEventListener("resize", resizeAll);
window.addEventListener("beforeprint", resizeAll);
window.matchMedia("print").addEventListener("change", resizeAll);
const r100 = (v) => v == null ? null : Math.round(v * 1000) / 10;

chart("chart-sl", {
  legend: { show: false },
  yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
  series: [{ name: T.sl, type: "bar", data: rows.map((r) => r.service_level == null ? null : {
      value: r100(r.service_level), itemStyle: { color: r.service_level >= target ? "#2f9e44" : "#e03131" } }),
    markLine: { symbol: "none", lineStyle: { color: "#1f2933", type: "dashed" },
      label: { position: "insideEndTop", formatter: `${T.target} ${r100(target)}%` },
      data: [{ yAxis: r100(target) }] } }] });
chart("chart-volume", {
  yAxis: { type: "value" },
  series: [
    { name: T.answered, type: "bar", stack: "v", data: rows.map((r) => r.answered), color: "#1c7ed6" },
    { name: T.abandoned, type: "bar", stack: "v", data: rows.map((r) => r.abandoned), color: "#e03131" },
    { name: T.other, type: "bar", stack: "v", color: "#adb5bd",
      data: rows.map((r) => Math.max(0, r.offered - r.answered - r.abandoned)) }] });
chart("chart-abandon", {
  yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
  series: [{ name: T.abandonRate, type: "line", smooth: true, color: "#e03131", areaStyle: { opacity: 0.12 },
    data: rows.map((r) => r100(r.abandon_rate)) }] });
chart("chart-times", {
  yAxis: [{ type: "value", name: T.asa }, { type: "value", name: T.aht }],
  series: [
    { name: T.asa, type: "line", yAxisIndex: 0, color: "#f08c00", data: rows.map((r) => r.asa_s == null ? null : +r.asa_s.toFixed(1)) },
    { name: T.aht, type: "line", yAxisIndex: 1, color: "#5f3dc4", data: rows.map((r) => r.aht_s == null ? null : +r.aht_s.toFixed(1)) }] });

function table(id, report, key, cols) {
  const head = `<thead><tr><th>${T[key]}</th>${cols.map((c) => `<th>${c[0]}</th>`).join("")}</tr></thead>`;
  const line = (r, cls, name) => `<tr class="${cls}"><td>${name}</td>${cols.map((c) => {
    const v = r[c[1]]; const judge = c[3] ? c[3](v) : "";
    return `<td class="${judge}">${c[2](v)}</td>`; }).join("")}</tr>`;
  const body = report.rows.length ? report.rows.map((r) => line(r, "", esc(r[key]))).join("")
                                  : `<tr><td colspan="${cols.length + 1}">${T.noData}</td></tr>`;
  document.getElementById(id).innerHTML = head + body + line(report.total, "total", T.total);
}
const slJudge = (v) => v == null ? "" : (v >= target ? "good" : "bad");
table("queues", DATA.queues, "queue", [
  [T.offered, "offered", num], [T.answered, "answered", num], [T.abandoned, "abandoned", num],
  [T.sl, "service_level", pct, slJudge], [T.asa, "asa_s", sec], [T.longest, "longest_wait_s", sec],
  [T.abandonRate, "abandon_rate", pct], [T.aht, "aht_s", sec]]);
table("agents", DATA.agents, "agent", [
  [T.answered, "answered", num], [T.handled, "handled", num], [T.aht, "aht_s", sec],
  [T.talk, "talk_s", sec], [T.acw, "acw_s", sec], [T.login, "login_time_s", hms],
  [T.occupancy, "occupancy", pct], [T.utilization, "utilization", pct]]);
</script>
</body>
</html>
)HTML";

}  // namespace hotline::app
