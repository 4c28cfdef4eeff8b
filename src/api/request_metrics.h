#pragma once
// What /metrics reports about the API itself: requests by route and status class, and a latency
// histogram per route (Prometheus text format).

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace hotline::api {

class RequestMetrics {
  public:
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    void Observe(const std::string& route, int status, double seconds);
    // Appends the request metrics in Prometheus text format.
    void Render(std::string& out) const;

  private:
    struct Series {
        std::array<uint64_t, kBuckets.size()> buckets{};
        uint64_t count = 0;
        double sum = 0;
        std::map<int, uint64_t> by_status;
    };
    mutable std::mutex mu_;
    std::map<std::string, Series> series_;
};

}  // namespace hotline::api
