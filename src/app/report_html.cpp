#include "report_html.h"

#include <boost/json.hpp>
#include <cctype>

#include "assets.h"
#include "hotline/metrics/report_render.h"
#include "report_html_page.h"

namespace hotline::app {
namespace {

namespace json = boost::json;

void Replace(std::string& page, std::string_view placeholder, const std::string& with) {
    auto at = page.find(placeholder);
    if (at != std::string::npos) {
        page.replace(at, placeholder.size(), with);
    }
}

// Text inside <script>: only "</script" (any case) ends the element early; "<\\/" is "</" to JS.
std::string ScriptSafe(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/' && i + 8 <= s.size()) {
            std::string word = s.substr(i + 2, 6);
            for (char& c : word) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            if (word == "script") {
                out += "<\\/";
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::string HtmlEscape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string Period(const metrics::Aggregator& agg, const metrics::Calendar& cal,
                   const metrics::ReportRequest& req) {
    if (agg.events_seen() == 0) {
        return "–";
    }
    Timestamp from = req.from.value_or(agg.first_event());
    Timestamp to = req.to.value_or(agg.last_event());
    return cal.LocalText(from).substr(0, 16) + " – " + cal.LocalText(to).substr(0, 16);
}

}  // namespace

Result<std::string> RenderHtmlReport(const metrics::Aggregator& agg, const metrics::Calendar& cal,
                                     const HtmlReportInput& in) {
    ASSIGN_OR_RETURN(std::string echarts, ReadAsset("echarts.min.js"));

    // The charts need a time axis: the report's interval, or days when it has none.
    metrics::ReportRequest series_req = in.request;
    series_req.by = metrics::GroupBy::kNone;
    if (!series_req.interval) {
        series_req.interval = metrics::IntervalSpec::Day();
    }
    metrics::ReportRequest queue_req = in.request;
    queue_req.interval.reset();
    queue_req.by = metrics::GroupBy::kQueue;
    metrics::ReportRequest agent_req = queue_req;
    agent_req.by = metrics::GroupBy::kAgent;

    json::object meta;
    meta["center"] = in.center_name;
    meta["source"] = in.source;
    meta["target"] = in.target;
    meta["lang"] = in.lang;
    meta["events"] = agg.events_seen();
    meta["period"] = Period(agg, cal, in.request);
    const std::string data =
        "{\"series\":" + metrics::ReportToJson(metrics::BuildReport(agg, cal, series_req)) +
        ",\"queues\":" + metrics::ReportToJson(metrics::BuildReport(agg, cal, queue_req)) +
        ",\"agents\":" + metrics::ReportToJson(metrics::BuildReport(agg, cal, agent_req)) +
        ",\"meta\":" + json::serialize(meta) + "}";

    std::string page = kReportHtmlPage;
    const std::string title = (in.center_name.empty() ? "" : in.center_name + " · ") +
                              (in.lang == "en" ? "Contact center report" : "话务报表");
    Replace(page, "/*@LANG@*/", in.lang);
    Replace(page, "/*@TITLE@*/", HtmlEscape(title));
    Replace(page, "/*@DATA@*/", ScriptSafe(data));
    Replace(page, "/*@ECHARTS@*/", ScriptSafe(echarts));
    return page;
}

}  // namespace hotline::app
