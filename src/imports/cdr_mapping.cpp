// The column mapping of `hotline import cdr` (YAML), checked before any record is read.
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "hotline/imports/import.h"
#include "local_time.h"

namespace hotline::imports {
namespace {

Status At(const std::string& file, const YAML::Node& node, const std::string& message) {
    const YAML::Mark m = node.Mark();
    return InvalidArgument(file + ":" + std::to_string(m.line + 1) + ":" +
                           std::to_string(m.column + 1) + ": " + message);
}

struct ColumnField {
    const char* name;
    std::string CdrMapping::*member;
};

constexpr ColumnField kColumns[] = {
    {"id", &CdrMapping::id},
    {"arrive", &CdrMapping::arrive},
    {"queue", &CdrMapping::queue},
    {"answer", &CdrMapping::answer},
    {"wait_s", &CdrMapping::wait_s},
    {"end", &CdrMapping::end},
    {"talk_s", &CdrMapping::talk_s},
    {"acw_s", &CdrMapping::acw_s},
    {"agent", &CdrMapping::agent},
    {"from", &CdrMapping::from},
    {"customer", &CdrMapping::customer},
    {"channel", &CdrMapping::channel},
    {"outcome", &CdrMapping::outcome},
};

Status ReadValues(const std::string& file, const YAML::Node& node, std::vector<std::string>& out) {
    if (!node) {
        return Status::Ok();
    }
    if (!node.IsSequence()) {
        return At(file, node, "expected a list of outcome values");
    }
    for (const auto& v : node) {
        if (!v.IsScalar()) {
            return At(file, v, "expected an outcome value");
        }
        out.push_back(v.as<std::string>());
    }
    return Status::Ok();
}

Status ParseOutcomes(const std::string& file, const YAML::Node& v, CdrMapping& m) {
    if (!v.IsMap()) {
        return At(file, v, "expected answered:, abandoned: and ignored: lists");
    }
    for (const auto& o : v) {
        const std::string kind = o.first.as<std::string>();
        std::vector<std::string>* list = kind == "answered"    ? &m.answered
                                         : kind == "abandoned" ? &m.abandoned
                                         : kind == "ignored"   ? &m.ignored
                                                               : nullptr;
        if (list == nullptr) {
            return At(
                file, o.first,
                "unknown outcome kind '" + kind + "' (expected answered, abandoned, ignored)");
        }
        RETURN_IF_ERROR(ReadValues(file, o.second, *list));
    }
    return Status::Ok();
}

Status ParseColumns(const std::string& file, const YAML::Node& v, CdrMapping& m) {
    if (!v.IsMap()) {
        return At(file, v, "expected field: column pairs");
    }
    for (const auto& c : v) {
        const std::string field = c.first.as<std::string>();
        const auto* f = std::find_if(std::begin(kColumns), std::end(kColumns),
                                     [&](const ColumnField& k) { return field == k.name; });
        if (f == std::end(kColumns)) {
            return At(file, c.first, "unknown field '" + field + "'");
        }
        if (!c.second.IsScalar()) {
            return At(file, c.second, "expected a column name or number");
        }
        m.*(f->member) = c.second.as<std::string>();
    }
    return Status::Ok();
}

Status ParseInto(const std::string& file, const YAML::Node& root, CdrMapping& m) {
    if (!root.IsMap()) {
        return At(file, root, "expected a mapping with a 'columns' section");
    }
    for (const auto& kv : root) {
        const std::string key = kv.first.as<std::string>();
        const YAML::Node& v = kv.second;
        if (key == "delimiter") {
            std::string d = v.as<std::string>();
            if (d == "\\t" || d == "tab") {
                d = "\t";
            }
            if (d.size() != 1) {
                return At(file, v, "delimiter must be one character (or tab)");
            }
            m.delimiter = d[0];
        } else if (key == "header") {
            m.header = v.as<bool>();
        } else if (key == "timezone") {
            m.zone = v.as<std::string>();
        } else if (key == "time_format") {
            m.time_format = v.as<std::string>();
        } else if (key == "queue_default") {
            m.queue_default = v.as<std::string>();
        } else if (key == "outcomes") {
            RETURN_IF_ERROR(ParseOutcomes(file, v, m));
        } else if (key == "columns") {
            RETURN_IF_ERROR(ParseColumns(file, v, m));
        } else {
            return At(file, kv.first, "unknown key '" + key + "'");
        }
    }
    if (m.id.empty()) {
        return At(file, root, "columns: 'id' is required");
    }
    if (m.arrive.empty()) {
        return At(file, root, "columns: 'arrive' is required");
    }
    if (m.queue.empty() && m.queue_default.empty()) {
        return At(file, root, "give columns: queue, or queue_default");
    }
    if (!m.outcome.empty() && m.answered.empty()) {
        return At(file, root, "an 'outcome' column needs outcomes: answered: [...]");
    }
    return Status::Ok();
}

}  // namespace

Result<CdrMapping> ParseCdrMapping(const std::string& yaml, const std::string& file) {
    if (auto bad = FirstInvalidUtf8(yaml)) {
        const auto line =
            1 + std::count(yaml.begin(), yaml.begin() + static_cast<long>(*bad), '\n');
        const size_t line_start = yaml.rfind('\n', *bad == 0 ? 0 : *bad - 1);
        const size_t column =
            line_start == std::string::npos || *bad == 0 ? *bad + 1 : *bad - line_start;
        return InvalidArgument(
            file + ":" + std::to_string(line) + ":" + std::to_string(column) +
            ": not UTF-8 text; convert the file first, e.g. iconv -f GBK -t UTF-8");
    }
    CdrMapping m;
    try {
        RETURN_IF_ERROR(ParseInto(file, YAML::Load(yaml), m));
    } catch (const YAML::Exception& e) {
        return InvalidArgument(file + ":" + std::to_string(e.mark.line + 1) + ":" +
                               std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
    return m;
}

}  // namespace hotline::imports
