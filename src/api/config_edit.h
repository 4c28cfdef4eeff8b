#pragma once
// Changing the center's configuration one entity at a time (a queue, a skill, an agent, a rule)
// by editing its YAML document, so that every change is validated by the one loader that
// `hotline check-config` uses, and the stored document stays the whole truth.

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "hotline/config/loader.h"
#include "hotline/core/status.h"

namespace hotline::api {

struct Collection {
    std::string name;               // as in the URL: skills, queues, teams, agents, overflow, merge
    std::vector<std::string> path;  // where it is in the document: {"routing", "overflow"}
};
const std::vector<Collection>& Collections();
const Collection* FindCollection(const std::string& name);

// The collection's entities as JSON (numbers and booleans as the YAML has them).
Result<boost::json::array> ListEntities(const std::string& yaml, const Collection& c);
Result<boost::json::value> GetEntity(const std::string& yaml, const Collection& c,
                                     const std::string& id);

enum class EditOp { kCreate, kReplace, kDelete };
// The document with the change made; not yet validated. kCreate refuses an existing id,
// kReplace and kDelete a missing one (kNotFound).
Result<std::string> EditEntity(const std::string& yaml, const Collection& c, EditOp op,
                               const std::string& id, const boost::json::object* entity);

// A loader diagnostic with the document path of the field it is about ("queues[2].wrapup").
struct FieldError {
    std::string field, message;
    int line = 0, column = 0;
};
std::vector<FieldError> LocateErrors(const std::string& yaml,
                                     const std::vector<config::Diagnostic>& errors);

}  // namespace hotline::api
