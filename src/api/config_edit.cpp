#include "config_edit.h"

#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <charconv>
#include <cmath>

namespace hotline::api {
namespace json = boost::json;

const std::vector<Collection>& Collections() {
    static const std::vector<Collection> kAll = {
        {"skills", {"skills"}},
        {"queues", {"queues"}},
        {"teams", {"teams"}},
        {"agents", {"agents"}},
        {"overflow", {"routing", "overflow"}},
        {"merge", {"routing", "merge"}},
    };
    return kAll;
}

const Collection* FindCollection(const std::string& name) {
    for (const Collection& c : Collections()) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

namespace {

YAML::Node ToYaml(const json::value& v) {
    switch (v.kind()) {
        case json::kind::object: {
            YAML::Node n(YAML::NodeType::Map);
            for (const auto& kv : v.as_object()) {
                n[std::string(kv.key())] = ToYaml(kv.value());
            }
            return n;
        }
        case json::kind::array: {
            YAML::Node n(YAML::NodeType::Sequence);
            for (const auto& e : v.as_array()) {
                n.push_back(ToYaml(e));
            }
            return n;
        }
        case json::kind::string:
            return YAML::Node(std::string(v.as_string()));
        case json::kind::int64:
            return YAML::Node(v.as_int64());
        case json::kind::uint64:
            return YAML::Node(v.as_uint64());
        case json::kind::double_:
            return YAML::Node(v.as_double());
        case json::kind::bool_:
            return YAML::Node(v.as_bool());
        case json::kind::null:
            return YAML::Node(YAML::NodeType::Null);
    }
    return YAML::Node();
}

// Scalars become numbers or booleans when they read as such, as a person wrote them.
json::value ToJson(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: {
            json::object o;
            for (const auto& kv : n) {
                o[kv.first.as<std::string>()] = ToJson(kv.second);
            }
            return o;
        }
        case YAML::NodeType::Sequence: {
            json::array a;
            for (const auto& e : n) {
                a.push_back(ToJson(e));
            }
            return a;
        }
        case YAML::NodeType::Scalar: {
            const std::string s = n.Scalar();
            if (n.Tag() == "!") {
                return json::value(s);  // quoted in the document
            }
            int64_t i = 0;
            auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
            if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) {
                return i;
            }
            if (s == "true") {
                return true;
            }
            if (s == "false") {
                return false;
            }
            return json::value(s);
        }
        default:
            return nullptr;
    }
}

Result<YAML::Node> Load(const std::string& yaml) {
    try {
        return YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return InvalidArgument(std::string("the stored configuration does not parse: ") + e.what());
    }
}

// The collection's sequence, created (empty) if `create` and missing.
YAML::Node Seq(YAML::Node root, const Collection& c, bool create) {
    YAML::Node n = root;
    for (const std::string& key : c.path) {
        if (!n[key] && !create) {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        YAML::Node child = n[key];
        if (!child || child.IsNull()) {
            if (!create) {
                return YAML::Node(YAML::NodeType::Undefined);
            }
            n[key] = (&key == &c.path.back()) ? YAML::Node(YAML::NodeType::Sequence)
                                              : YAML::Node(YAML::NodeType::Map);
        }
        n.reset(n[key]);  // rebinds; `n = n[key]` would overwrite the parent's content
    }
    return n;
}

int IndexOf(const YAML::Node& seq, const std::string& id) {
    if (!seq || !seq.IsSequence()) {
        return -1;
    }
    for (size_t i = 0; i < seq.size(); ++i) {
        if (seq[i].IsMap() && seq[i]["id"] && seq[i]["id"].IsScalar() &&
            seq[i]["id"].Scalar() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void Walk(const YAML::Node& n, const std::string& path,
          std::vector<std::pair<YAML::Mark, std::string>>& out) {
    if (n.IsMap()) {
        for (const auto& kv : n) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
            const std::string child = path.empty() ? key : path + "." + key;
            out.emplace_back(kv.first.Mark(), child);
            out.emplace_back(kv.second.Mark(), child);
            Walk(kv.second, child, out);
        }
    } else if (n.IsSequence()) {
        for (size_t i = 0; i < n.size(); ++i) {
            const std::string child = path + "[" + std::to_string(i) + "]";
            out.emplace_back(n[i].Mark(), child);
            Walk(n[i], child, out);
        }
    }
}

}  // namespace

Result<json::array> ListEntities(const std::string& yaml, const Collection& c) {
    ASSIGN_OR_RETURN(YAML::Node root, Load(yaml));
    json::array out;
    YAML::Node seq = Seq(root, c, false);
    if (seq && seq.IsSequence()) {
        for (const auto& e : seq) {
            out.push_back(ToJson(e));
        }
    }
    return out;
}

Result<json::value> GetEntity(const std::string& yaml, const Collection& c, const std::string& id) {
    ASSIGN_OR_RETURN(YAML::Node root, Load(yaml));
    YAML::Node seq = Seq(root, c, false);
    const int i = IndexOf(seq, id);
    if (i < 0) {
        return NotFound("no " + c.name + " entry with id \"" + id + "\"");
    }
    return ToJson(seq[static_cast<size_t>(i)]);
}

Result<std::string> EditEntity(const std::string& yaml, const Collection& c, EditOp op,
                               const std::string& id, const json::object* entity) {
    ASSIGN_OR_RETURN(YAML::Node root, Load(yaml));
    if (!root.IsMap()) {
        root.reset(YAML::Node(YAML::NodeType::Map));
    }
    YAML::Node seq = Seq(root, c, op == EditOp::kCreate);
    const int i = IndexOf(seq, id);
    switch (op) {
        case EditOp::kCreate: {
            if (i >= 0) {
                return Conflict(c.name + " \"" + id + "\" exists already");
            }
            YAML::Node n = ToYaml(*entity);
            n["id"] = id;
            seq.push_back(n);
            break;
        }
        case EditOp::kReplace: {
            if (i < 0) {
                return NotFound("no " + c.name + " entry with id \"" + id + "\"");
            }
            YAML::Node n = ToYaml(*entity);
            n["id"] = id;
            seq[static_cast<size_t>(i)] = n;
            break;
        }
        case EditOp::kDelete: {
            if (i < 0) {
                return NotFound("no " + c.name + " entry with id \"" + id + "\"");
            }
            seq.remove(static_cast<size_t>(i));
            break;
        }
    }
    YAML::Emitter out;
    out.SetIndent(2);
    out << root;
    if (!out.good()) {
        return Internal("cannot write the configuration: " + out.GetLastError());
    }
    return std::string(out.c_str()) + "\n";
}

std::vector<FieldError> LocateErrors(const std::string& yaml,
                                     const std::vector<config::Diagnostic>& errors) {
    std::vector<std::pair<YAML::Mark, std::string>> marks;
    try {
        Walk(YAML::Load(yaml), "", marks);
    } catch (const YAML::Exception&) {
    }
    std::vector<FieldError> out;
    for (const auto& d : errors) {
        FieldError f{"", d.message, d.line, d.column};
        // The field whose text starts on the error's line, at or before its column.
        int best = -1;
        for (const auto& [mark, path] : marks) {
            if (mark.line + 1 == d.line && mark.column + 1 <= d.column && mark.column > best) {
                best = mark.column;
                f.field = path;
            }
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace hotline::api
