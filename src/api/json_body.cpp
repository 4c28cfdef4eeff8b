#include "json_body.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cmath>

namespace hotline::api {

Result<boost::json::object> ParseJsonObject(std::string_view body, bool empty_ok) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        if (empty_ok) {
            return boost::json::object{};
        }
        return InvalidArgument("the request needs a JSON body");
    }
    boost::system::error_code ec;
    boost::json::parse_options opts;
    opts.max_depth = 32;
    boost::json::value v = boost::json::parse(body, ec, {}, opts);
    if (ec) {
        return InvalidArgument("the body is not valid JSON: " + ec.message());
    }
    if (!v.is_object()) {
        return InvalidArgument("the body must be a JSON object");
    }
    return std::move(v.as_object());
}

void BodyReader::Fail(std::string_view key, const std::string& why) {
    if (status_.ok()) {
        status_ = InvalidArgument("field \"" + std::string(key) + "\": " + why);
    }
}

const boost::json::value* BodyReader::Find(std::string_view key, bool required) {
    if (!ok()) {
        return nullptr;
    }
    auto it = o_.find(key);
    if (it == o_.end() || it->value().is_null()) {
        if (required) {
            Fail(key, "is required");
        }
        return nullptr;
    }
    return &it->value();
}

std::string BodyReader::String(std::string_view key, bool required, size_t max_len) {
    const boost::json::value* v = Find(key, required);
    if (v == nullptr) {
        return "";
    }
    if (!v->is_string()) {
        Fail(key, "must be a string");
        return "";
    }
    std::string s(v->as_string());
    if (s.size() > max_len) {
        Fail(key, "is longer than " + std::to_string(max_len) + " bytes");
        return "";
    }
    if (required && s.empty()) {
        Fail(key, "must not be empty");
        return "";
    }
    return s;
}

std::optional<int64_t> BodyReader::Int(std::string_view key, int64_t min, int64_t max,
                                       bool required) {
    const boost::json::value* found = Find(key, required);
    if (found == nullptr) {
        return std::nullopt;
    }
    const auto& v = *found;
    int64_t n = 0;
    if (v.is_int64()) {
        n = v.as_int64();
    } else if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
        n = static_cast<int64_t>(v.as_uint64());
    } else if (v.is_double() && std::floor(v.as_double()) == v.as_double() &&
               std::abs(v.as_double()) < 9e15) {
        n = static_cast<int64_t>(v.as_double());
    } else {
        Fail(key, "must be a whole number");
        return std::nullopt;
    }
    if (n < min || n > max) {
        Fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return n;
}

bool BodyReader::Bool(std::string_view key, bool fallback) {
    const boost::json::value* v = Find(key, false);
    if (v == nullptr) {
        return fallback;
    }
    if (!v->is_bool()) {
        Fail(key, "must be true or false");
        return fallback;
    }
    return v->as_bool();
}

std::string BodyReader::OneOf(std::string_view key, std::initializer_list<std::string_view> allowed,
                              bool required) {
    std::string s = String(key, required);
    if (!ok() || s.empty()) {
        return s;
    }
    for (std::string_view a : allowed) {
        if (a == s) {
            return s;
        }
    }
    std::string list;
    for (std::string_view a : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    Fail(key, "must be one of " + list + ", not \"" + s.substr(0, 40) + "\"");
    return "";
}

void BodyReader::OnlyKnown(std::initializer_list<std::string_view> known) {
    if (!ok()) {
        return;
    }
    for (const auto& kv : o_) {
        bool found = false;
        for (std::string_view k : known) {
            found = found || k == kv.key();
        }
        if (!found) {
            Fail(kv.key(), "is not a field of this request");
            return;
        }
    }
}

}  // namespace hotline::api
