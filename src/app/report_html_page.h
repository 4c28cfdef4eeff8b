#pragma once
// The page of the HTML report, with /*@NAME@*/ placeholders that report_html.cpp fills.

namespace hotline::app {

extern const char* const kReportHtmlPage;

}  // namespace hotline::app
