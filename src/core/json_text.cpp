#include "hotline/core/json_text.h"

#include <boost/json.hpp>
#include <cstdio>

namespace hotline {
namespace {

namespace json = boost::json;

void WriteJson(const json::value& v, std::string& out) {
    switch (v.kind()) {
        case json::kind::object: {
            out += '{';
            bool first = true;
            for (const auto& [k, item] : v.get_object()) {
                if (!first) {
                    out += ',';
                }
                first = false;
                out += json::serialize(json::string(k));
                out += ':';
                WriteJson(item, out);
            }
            out += '}';
            break;
        }
        case json::kind::array: {
            out += '[';
            bool first = true;
            for (const auto& item : v.get_array()) {
                if (!first) {
                    out += ',';
                }
                first = false;
                WriteJson(item, out);
            }
            out += ']';
            break;
        }
        case json::kind::double_: {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.15g", v.get_double());
            out += buf;
            break;
        }
        default:
            out += json::serialize(v);
    }
}

}  // namespace

std::string PlainJson(const json::value& v) {
    std::string out;
    WriteJson(v, out);
    return out;
}

}  // namespace hotline
