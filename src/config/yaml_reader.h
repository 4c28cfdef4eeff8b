#pragma once
// Typed reads from yaml-cpp nodes that record a Diagnostic instead of throwing. Private to the
// config module.

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "hotline/config/loader.h"
#include "hotline/core/time.h"

namespace hotline::config {

class YamlReader {
  public:
    YamlReader(std::string file, LoadResult& out) : file_(std::move(file)), out_(out) {}

    void Error(const YAML::Node& at, const std::string& message);
    void Error(const YAML::Mark& at, const std::string& message);
    void Warning(const YAML::Node& at, const std::string& message);

    // Complains about keys not in `allowed`, suggesting the closest allowed key.
    void CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                   std::string_view what);
    bool ExpectMap(const YAML::Node& node, std::string_view what);
    bool ExpectSequence(const YAML::Node& node, std::string_view what);

    // Each returns nullopt (after recording an error) when the value is present but wrong, and
    // nullopt silently when the key is absent.
    std::optional<std::string> String(const YAML::Node& map, const char* key);
    std::optional<std::string> RequiredString(const YAML::Node& map, const char* key,
                                              std::string_view what);
    std::optional<long long> Integer(const YAML::Node& map, const char* key, long long min,
                                     long long max);
    std::optional<bool> Bool(const YAML::Node& map, const char* key);
    std::optional<Duration> DurationValue(const YAML::Node& map, const char* key);
    // 0.8, "80%": a fraction in (0, 1].
    std::optional<double> Fraction(const YAML::Node& map, const char* key);

    const std::string& file() const { return file_; }

  private:
    Diagnostic Make(const YAML::Mark& mark, const std::string& message) const;
    std::string file_;
    LoadResult& out_;
};

}  // namespace hotline::config
