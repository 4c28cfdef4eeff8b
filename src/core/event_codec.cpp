#include "hotline/core/event_codec.h"

#include <boost/json.hpp>
#include <cstdio>

namespace hotline {
namespace json = boost::json;
namespace {

// ---- writing: one visitor for JSON, one for text; both skip empty fields ----

struct JsonWriter {
    json::object& obj;
    void operator()(const char* name, const std::string& v) const {
        if (!v.empty()) {
            obj[name] = v;
        }
    }
    template <class Tag>
    void operator()(const char* name, const StrongId<Tag>& v) const {
        if (!v.empty()) {
            obj[name] = v.str();
        }
    }
    void operator()(const char* name, int64_t v) const { obj[name] = v; }
    void operator()(const char* name, const std::optional<int64_t>& v) const {
        if (v) {
            obj[name] = *v;
        }
    }
    void operator()(const char* name, const std::optional<bool>& v) const {
        if (v) {
            obj[name] = *v;
        }
    }
    void operator()(const char* name, const std::vector<std::string>& v) const {
        if (v.empty()) {
            return;
        }
        json::array arr;
        for (const auto& s : v) {
            arr.emplace_back(s);
        }
        obj[name] = std::move(arr);
    }
};

struct TextWriter {
    std::string& out;
    void Put(const char* name, std::string_view v) const {
        out += ' ';
        out += name;
        out += '=';
        out += v;
    }
    void operator()(const char* name, const std::string& v) const {
        if (!v.empty()) {
            Put(name, v);
        }
    }
    template <class Tag>
    void operator()(const char* name, const StrongId<Tag>& v) const {
        if (!v.empty()) {
            Put(name, v.str());
        }
    }
    void operator()(const char* name, int64_t v) const {
        if (v != 0) {
            Put(name, std::to_string(v));
        }
    }
    void operator()(const char* name, const std::optional<int64_t>& v) const {
        if (v) {
            Put(name, std::to_string(*v));
        }
    }
    void operator()(const char* name, const std::optional<bool>& v) const {
        if (v) {
            Put(name, *v ? "true" : "false");
        }
    }
    void operator()(const char* name, const std::vector<std::string>& v) const {
        if (v.empty()) {
            return;
        }
        std::string joined;
        for (const auto& s : v) {
            joined += (joined.empty() ? "" : ",") + s;
        }
        Put(name, joined);
    }
};

// ---- reading: assigns present fields, remembers the first type error ----

struct JsonReader {
    const json::object& obj;
    std::string& error;

    const json::value* Find(const char* name) const {
        auto it = obj.find(name);
        return it == obj.end() || it->value().is_null() ? nullptr : &it->value();
    }
    void Fail(const char* name, const char* want) const {
        if (error.empty()) {
            error = std::string("field \"") + name + "\" must be " + want;
        }
    }
    void operator()(const char* name, std::string& v) const {
        if (const auto* j = Find(name)) {
            if (j->is_string()) {
                v = std::string(j->as_string());
            } else {
                Fail(name, "a string");
            }
        }
    }
    template <class Tag>
    void operator()(const char* name, StrongId<Tag>& v) const {
        std::string s;
        (*this)(name, s);
        v = StrongId<Tag>(std::move(s));
    }
    void operator()(const char* name, int64_t& v) const {
        if (const auto* j = Find(name)) {
            if (j->is_int64()) {
                v = j->as_int64();
            } else if (j->is_uint64() && j->as_uint64() <= INT64_MAX) {
                v = static_cast<int64_t>(j->as_uint64());
            } else {
                Fail(name, "an integer");
            }
        }
    }
    void operator()(const char* name, std::optional<int64_t>& v) const {
        if (Find(name)) {
            int64_t x = 0;
            (*this)(name, x);
            v = x;
        }
    }
    void operator()(const char* name, std::optional<bool>& v) const {
        if (const auto* j = Find(name)) {
            if (j->is_bool()) {
                v = j->as_bool();
            } else {
                Fail(name, "true or false");
            }
        }
    }
    void operator()(const char* name, std::vector<std::string>& v) const {
        const auto* j = Find(name);
        if (!j) {
            return;
        }
        if (!j->is_array()) {
            return Fail(name, "an array of strings");
        }
        for (const auto& item : j->as_array()) {
            if (!item.is_string()) {
                return Fail(name, "an array of strings");
            }
            v.emplace_back(item.as_string());
        }
    }
};

template <size_t I = 0>
std::optional<EventBody> MakeBody(std::string_view type) {
    if constexpr (I < std::variant_size_v<EventBody>) {
        using T = std::variant_alternative_t<I, EventBody>;
        if (T::kType == type) {
            return EventBody{std::in_place_index<I>};
        }
        return MakeBody<I + 1>(type);
    } else {
        return std::nullopt;
    }
}

}  // namespace

std::string EventToJson(const Event& event) {
    json::object obj;
    obj["ts"] = ToMillis(event.ts);
    obj["type"] = event.type();
    std::visit([&](const auto& b) { std::decay_t<decltype(b)>::Fields(b, JsonWriter{obj}); },
               event.body);
    return json::serialize(obj);
}

constexpr int64_t kLatestEventMs = 7258118400000;  // 2200-01-01

Result<Event> EventFromJson(std::string_view line) {
    boost::system::error_code ec;
    // A line's DOM lives in a stack buffer: no heap allocation for an ordinary event, which
    // doubles the speed of reading a log (bench/event_codec_bench.cpp).
    unsigned char buffer[4096];
    json::monotonic_resource arena(buffer, sizeof buffer);
    json::value v = json::parse(line, ec, &arena);
    if (ec) {
        return InvalidArgument("not valid JSON: " + ec.message());
    }
    if (!v.is_object()) {
        return InvalidArgument("an event must be a JSON object");
    }
    const auto& obj = v.as_object();
    const auto* ts = obj.if_contains("ts");
    if (!ts || !ts->is_int64()) {
        return InvalidArgument("field \"ts\" must be an integer (ms)");
    }
    // 1970 to 2200: anything else is a unit mistake (seconds, microseconds) or damage, and would
    // make every report that spans it meaningless.
    if (ts->as_int64() < 0 || ts->as_int64() >= kLatestEventMs) {
        return InvalidArgument("field \"ts\" must be milliseconds between 1970 and 2200");
    }
    const auto* type = obj.if_contains("type");
    if (!type || !type->is_string()) {
        return InvalidArgument("field \"type\" must be a string");
    }
    auto body = MakeBody(std::string_view(type->as_string()));
    if (!body) {
        return InvalidArgument("unknown event type \"" + std::string(type->as_string()) + "\"");
    }
    Event event{FromMillis(ts->as_int64()), std::move(*body)};
    std::string error;
    std::visit(
        [&](auto& b) {
            std::decay_t<decltype(b)>::Fields(b, JsonReader{obj, error});
        },
        event.body);
    if (!error.empty()) {
        return InvalidArgument(error);
    }
    return event;
}

std::string EventToText(const Event& event, Timestamp origin) {
    int64_t ms = ToMillis(event.ts) - ToMillis(origin);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%lld.%03lld ", ms < 0 ? "-" : "",
                  static_cast<long long>(std::llabs(ms) / 1000),
                  static_cast<long long>(std::llabs(ms) % 1000));
    std::string out = buf;
    out += event.type();
    std::visit([&](const auto& b) { std::decay_t<decltype(b)>::Fields(b, TextWriter{out}); },
               event.body);
    return out;
}

}  // namespace hotline
