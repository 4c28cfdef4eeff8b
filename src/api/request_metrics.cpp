#include "request_metrics.h"

#include <cstdio>

namespace hotline::api {

void RequestMetrics::Observe(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mu_);
    Series& s = series_[route];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++s.buckets[i];
        }
    }
    ++s.count;
    s.sum += seconds;
    ++s.by_status[status];
}

void RequestMetrics::Render(std::string& out) const {
    std::lock_guard lock(mu_);
    char buf[64];
    out += "# HELP hotline_http_requests_total API requests by route and status.\n";
    out += "# TYPE hotline_http_requests_total counter\n";
    for (const auto& [route, s] : series_) {
        for (const auto& [status, n] : s.by_status) {
            out += "hotline_http_requests_total{route=\"" + route + "\",status=\"" +
                   std::to_string(status) + "\"} " + std::to_string(n) + "\n";
        }
    }
    out += "# HELP hotline_http_request_duration_seconds API request latency by route.\n";
    out += "# TYPE hotline_http_request_duration_seconds histogram\n";
    for (const auto& [route, s] : series_) {
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            std::snprintf(buf, sizeof buf, "%g", kBuckets[i]);
            out += "hotline_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" +
                   buf + "\"} " + std::to_string(s.buckets[i]) + "\n";
        }
        out += "hotline_http_request_duration_seconds_bucket{route=\"" + route +
               "\",le=\"+Inf\"} " + std::to_string(s.count) + "\n";
        std::snprintf(buf, sizeof buf, "%.6f", s.sum);
        out += "hotline_http_request_duration_seconds_sum{route=\"" + route + "\"} " + buf + "\n";
        out += "hotline_http_request_duration_seconds_count{route=\"" + route + "\"} " +
               std::to_string(s.count) + "\n";
    }
}

}  // namespace hotline::api
