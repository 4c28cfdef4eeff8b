#pragma once
// State shared by the section readers of one load: the reader and the ids seen so far.

#include <set>
#include <string>

#include "hotline/config/loader.h"
#include "yaml_reader.h"

namespace hotline::config {

struct LoadContext {
    YamlReader& reader;
    CenterConfig& center;
    std::set<std::string> skills, queues, teams, agents, rules;

    // Records `id` in `seen`; reports a duplicate at `at`.
    bool Claim(std::set<std::string>& seen, const std::string& id, const YAML::Node& at,
               std::string_view what) {
        if (seen.insert(id).second) {
            return true;
        }
        reader.Error(at, "duplicate " + std::string(what) + " id \"" + id + "\"");
        return false;
    }
};

// {skill: level, ...} → Requirement, checking skills exist and levels are 1–10.
std::optional<Requirement> ReadSkillLevels(LoadContext& ctx, const YAML::Node& node,
                                           std::string_view what);

void ReadCenterSection(LoadContext& ctx, const YAML::Node& node);
void ReadRouting(LoadContext& ctx, const YAML::Node& routing);
void ReadIvr(LoadContext& ctx, const YAML::Node& ivr);

std::optional<ServiceLevelTarget> ReadServiceLevel(YamlReader& r, const YAML::Node& node,
                                                   ServiceLevelTarget base);
std::optional<LeaveMode> ParseLeaveMode(std::string_view s);

}  // namespace hotline::config
