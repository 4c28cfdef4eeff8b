#pragma once
// Requests and responses as the API's handlers see them: plain values, no socket library types,
// so routing, checking and fuzzing need no network.

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hotline::api {

struct HttpRequest {
    std::string method;  // GET, POST, PUT, DELETE
    std::string path;    // decoded, without the query
    std::map<std::string, std::string> query;
    std::string body;
    std::string authorization;  // the Authorization header
    std::string cookie;         // the Cookie header
    std::string content_type;
    std::string peer;  // client address, for login throttling
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

using Reply = std::function<void(HttpResponse)>;

// Splits "a=1&b=x%20y" into decoded pairs. Returns false (and says why) for a broken escape.
bool ParseQueryString(std::string_view text, std::map<std::string, std::string>& out,
                      std::string& error);
// Percent-decodes a path or query component ("+" is a space only in queries).
bool PercentDecode(std::string_view in, bool plus_is_space, std::string& out);

}  // namespace hotline::api
