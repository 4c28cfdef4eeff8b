#include "yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace hotline::config {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1] ? 1 : 0)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string Quote(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

}  // namespace

std::string Diagnostic::ToString() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
           (warning ? "warning: " : "error: ") + message;
}

Diagnostic YamlReader::Make(const YAML::Mark& mark, const std::string& message) const {
    // yaml-cpp marks are 0-based; a null node's mark is -1.
    return Diagnostic{file_, std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1, message};
}

void YamlReader::Error(const YAML::Mark& at, const std::string& message) {
    out_.errors.push_back(Make(at, message));
}
void YamlReader::Error(const YAML::Node& at, const std::string& message) {
    Error(at.Mark(), message);
}
void YamlReader::Warning(const YAML::Node& at, const std::string& message) {
    Diagnostic d = Make(at.Mark(), message);
    d.warning = true;
    out_.warnings.push_back(std::move(d));
}

bool YamlReader::ExpectMap(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) {
        return true;
    }
    Error(node, std::string(what) + " must be a mapping of key: value");
    return false;
}

bool YamlReader::ExpectSequence(const YAML::Node& node, std::string_view what) {
    if (node.IsSequence()) {
        return true;
    }
    Error(node, std::string(what) + " must be a list");
    return false;
}

void YamlReader::CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                           std::string_view what) {
    if (!map.IsMap()) {
        return;
    }
    for (const auto& kv : map) {
        std::string key = kv.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
            continue;
        }
        std::string message = "unknown key " + Quote(key) + " in " + std::string(what);
        std::string_view best;
        size_t best_d = 3;
        for (auto a : allowed) {
            size_t d = EditDistance(key, a);
            if (d < best_d) {
                best_d = d, best = a;
            }
        }
        if (!best.empty()) {
            message += " (did you mean " + Quote(best) + "?)";
        }
        Error(kv.first, message);
    }
}

std::optional<std::string> YamlReader::String(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    if (!n.IsDefined() || n.IsNull()) {
        return std::nullopt;
    }
    if (!n.IsScalar()) {
        Error(n, Quote(key) + " must be a text value");
        return std::nullopt;
    }
    return n.Scalar();
}

std::optional<std::string> YamlReader::RequiredString(const YAML::Node& map, const char* key,
                                                      std::string_view what) {
    auto s = String(map, key);
    if (!s && !(map[key].IsDefined() && !map[key].IsNull())) {
        Error(map, std::string(what) + " needs " + Quote(key));
    } else if (s && s->empty()) {
        Error(map[key], Quote(key) + " must not be empty");
        return std::nullopt;
    }
    return s;
}

std::optional<long long> YamlReader::Integer(const YAML::Node& map, const char* key, long long min,
                                             long long max) {
    auto s = String(map, key);
    if (!s) {
        return std::nullopt;
    }
    long long v = 0;
    auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
    if (ec != std::errc{} || ptr != s->data() + s->size()) {
        Error(map[key], Quote(key) + " must be a whole number, not " + Quote(*s));
        return std::nullopt;
    }
    if (v < min || v > max) {
        Error(map[key], Quote(key) + " must be between " + std::to_string(min) + " and " +
                            std::to_string(max) + ", not " + *s);
        return std::nullopt;
    }
    return v;
}

std::optional<bool> YamlReader::Bool(const YAML::Node& map, const char* key) {
    auto s = String(map, key);
    if (!s) {
        return std::nullopt;
    }
    if (*s == "true" || *s == "yes" || *s == "on") {
        return true;
    }
    if (*s == "false" || *s == "no" || *s == "off") {
        return false;
    }
    Error(map[key], Quote(key) + " must be true or false, not " + Quote(*s));
    return std::nullopt;
}

std::optional<Duration> YamlReader::DurationValue(const YAML::Node& map, const char* key) {
    auto s = String(map, key);
    if (!s) {
        return std::nullopt;
    }
    auto d = ParseDuration(*s);
    if (!d) {
        Error(map[key], Quote(key) + " must be a duration such as 20s, 5m or 1h30m, not " +
                            Quote(*s) +
                            (s->starts_with("-") ? " (durations cannot be negative)" : ""));
    }
    return d;
}

std::optional<double> YamlReader::Fraction(const YAML::Node& map, const char* key) {
    auto s = String(map, key);
    if (!s) {
        return std::nullopt;
    }
    std::string text = *s;
    double scale = 1.0;
    if (!text.empty() && text.back() == '%') {
        text.pop_back();
        scale = 0.01;
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty()) {
        Error(map[key], Quote(key) + " must be a fraction such as 0.8 or 80%, not " + Quote(*s));
        return std::nullopt;
    }
    v *= scale;
    if (!(v > 0.0 && v <= 1.0)) {
        Error(map[key], Quote(key) + " must be above 0 and at most 100%, not " + Quote(*s));
        return std::nullopt;
    }
    return v;
}

}  // namespace hotline::config
