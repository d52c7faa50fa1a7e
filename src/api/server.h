// The HTTP server: Boost.Beast over Asio, asynchronous, a fixed number of
// I/O threads, keep-alive. Hardened against unbounded input: request
// bodies are capped (body_limit), headers are capped, and idle or slow
// connections time out. Requests are handed to a Router; the server knows
// nothing of the domain.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "base/status.h"

namespace bhxh {

struct HttpRequest {
  std::string method;  // GET, POST, ...
  std::string path;    // without the query string, as sent (Match decodes each segment)
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

using Router = std::function<HttpResponse(const HttpRequest&)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 2;
  size_t body_limit = 16 * 1024 * 1024;
  int timeout_seconds = 30;
};

// Serves until SIGINT/SIGTERM. Returns an error if it cannot bind.
Status Serve(const ServerOptions& opt, Router router);

// Splits "a=1&b=x%20y" into a map (percent- and '+'-decoded).
std::map<std::string, std::string> ParseQuery(std::string_view q);
std::string PercentDecode(std::string_view s);

}  // namespace bhxh
