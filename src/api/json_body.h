#pragma once
// Reading JSON request bodies with errors that say which field is wrong and why.

#include <boost/json/object.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "hotline/core/status.h"

namespace hotline::api {

// The body as a JSON object; an empty body is an empty object when `empty_ok`.
Result<boost::json::object> ParseJsonObject(std::string_view body, bool empty_ok = false);

// Reads fields; the first problem is kept and every later read returns a default.
class BodyReader {
  public:
    explicit BodyReader(const boost::json::object& o) : o_(o) {}

    std::string String(std::string_view key, bool required = false, size_t max_len = 256);
    std::optional<int64_t> Int(std::string_view key, int64_t min, int64_t max,
                               bool required = false);
    bool Bool(std::string_view key, bool fallback);
    // One of `allowed`, or "" when absent and not required.
    std::string OneOf(std::string_view key, std::initializer_list<std::string_view> allowed,
                      bool required = false);
    // Fields not in `known` are an error: a typo should not pass silently.
    void OnlyKnown(std::initializer_list<std::string_view> known);

    bool ok() const { return status_.ok(); }
    const Status& status() const { return status_; }

  private:
    // The field, or null when absent (an error if required) or after an earlier error.
    const boost::json::value* Find(std::string_view key, bool required);
    void Fail(std::string_view key, const std::string& why);
    const boost::json::object& o_;
    Status status_;
};

}  // namespace hotline::api
