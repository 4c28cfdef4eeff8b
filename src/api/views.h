#pragma once
// Views shared by the REST routes and the WebSocket stream.

#include <boost/json/object.hpp>

#include "auth_service.h"
#include "live_center.h"

namespace hotline::api {

// GET /api/v1/realtime: queues now and today, agents in the caller's scope. Engine thread only.
boost::json::object RealtimeJson(LiveView& v, const Caller& caller);

}  // namespace hotline::api
