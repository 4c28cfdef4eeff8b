#pragma once
// Self-service for contacts whose PBX plays prompts and collects digits but leaves the flow to
// Hotline: POST /api/v1/interactions {"ivr": "main"} starts the center's flow, and each
// POST /api/v1/interactions/{id}/ivr reports what the caller did and gets the next step, until
// the flow queues the contact (or ends it). The interpreter is the one the simulator runs.
//
// Engine thread only: every use is inside a LiveCenter command.

#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <string>

#include "hotline/core/center.h"
#include "hotline/ivr/session.h"
#include "hotline/routing/engine.h"
#include "live_center.h"

namespace hotline::api {

class IvrCalls {
  public:
    // Starts `flow` for a contact that has arrived; returns the first step for the PBX.
    Result<boost::json::object> Start(routing::Engine& engine, LiveView& v,
                                      std::shared_ptr<const CenterConfig> center,
                                      const std::string& id, const std::string& flow,
                                      ivr::Variables vars, const std::string& from);
    // The caller listened to the prompt (`digits` nullopt, `timeout` false), pressed keys, or
    // let the timeout pass. Returns the next step; a terminal one has been carried out.
    Result<boost::json::object> Next(routing::Engine& engine, LiveView& v, const std::string& id,
                                     std::optional<std::string> digits, bool timeout);

  private:
    struct Call {
        std::shared_ptr<const CenterConfig> center;  // keeps the flow alive across a change
        std::unique_ptr<ivr::Session> session;
        std::string flow, from;
        ivr::Step step;
    };
    Result<boost::json::object> Carry(routing::Engine& engine, LiveView& v, const std::string& id,
                                      Call& call, ivr::Step step);
    std::map<std::string, Call> calls_;
    Timestamp now_{};
};

}  // namespace hotline::api
