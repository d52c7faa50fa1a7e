// HTTP requests and answers as the platform sees them, without Boost: the
// server (server.cc, the only Beast translation unit) fills an HttpRequest
// and writes an HttpResponse; everything else works on these.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bhxh {

struct HttpRequest {
  std::string method;                        // GET, HEAD, POST, ...
  std::string target;                        // as sent, with the query string
  std::string path;                          // without the query string, not decoded (segments are decoded one by one)
  std::map<std::string, std::string> query;  // decoded
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote;      // client address
  std::string request_id;  // X-Request-Id as received, or generated
  const std::string* Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? nullptr : &it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, Content-Disposition, ...)
  void SetHeader(std::string name, std::string value) {
    for (auto& [n, v] : headers)
      if (n == name) {
        v = std::move(value);
        return;
      }
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// Splits "a=1&b=x%20y" into a map (percent- and '+'-decoded).
std::map<std::string, std::string> ParseQuery(std::string_view q);
// Decodes %XX; in a query string "+" is a space, in a path segment it is not.
std::string PercentDecode(std::string_view s, bool plus_is_space);
// A path segment with '/' and other reserved bytes percent-encoded ("249/QĐ-BHXH" → "249%2FQĐ-BHXH").
std::string PercentEncodeSegment(std::string_view s);

}  // namespace bhxh
