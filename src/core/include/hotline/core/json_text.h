#pragma once
// JSON text for people as well as machines: Boost.JSON prints doubles as "5E-1"; this prints
// "0.5" (up to 15 significant digits), so reports and `--json` output read naturally.

#include <string>

namespace boost::json {
class value;
}

namespace hotline {

std::string PlainJson(const boost::json::value& v);

}  // namespace hotline
