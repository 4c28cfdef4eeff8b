#pragma once
// The realtime snapshot as a terminal table (the web wallboard comes with the server).

#include <string>

#include "hotline/core/center.h"
#include "hotline/routing/realtime.h"

namespace hotline::app {

std::string RenderWallboard(const routing::RealtimeSnapshot& snap, const CenterConfig& center,
                            Timestamp origin);

}  // namespace hotline::app
