#pragma once
// Files the executable ships beside itself (build/share/hotline/, or <prefix>/share/hotline/ once
// installed): ECharts for the HTML reports. HOTLINE_ASSETS overrides the folder.

#include <string>

#include "hotline/core/status.h"

namespace hotline::app {

// The text of share/hotline/<name>; the error says where it looked and how to get the file.
Result<std::string> ReadAsset(const std::string& name);

}  // namespace hotline::app
