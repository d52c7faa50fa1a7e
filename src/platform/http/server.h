// The HTTP server: Boost.Beast over Asio (this header is Beast-free; only
// server.cc includes Boost). I/O threads read and write; handlers run on a
// separate pool of workers so a long request never stalls other clients.
//
// Against unbounded input: a request's headers are read first and handed to
// the route table, which authenticates and decides how large a body may be
// read before a byte of it is read (RouteTable::Admit); header size is
// capped; each phase has its own deadline — headers, then a body deadline
// that grows with its declared length (a minimum transfer rate), then the
// answer's — so a slow upload of a large file is not cut off while a client
// that stalls is.
//
// Operations: every request carries an id (X-Request-Id, echoed or made),
// and is written to the access log (text or JSON lines). On SIGTERM or
// SIGINT the server stops accepting, lets requests in flight finish within
// a grace period, closes idle keep-alive connections, and returns.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "base/status.h"

namespace bhxh {

class RouteTable;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 2;
  int workers = 4;
  int header_timeout_seconds = 15;  // to receive a request's headers (also the keep-alive idle time)
  int body_base_seconds = 30;       // a body may take this long ...
  int body_min_rate_kbps = 64;      // ... plus its size at this rate (KB/s)
  int write_base_seconds = 30;      // answers likewise
  int shutdown_grace_seconds = 20;  // requests in flight may finish within this
  bool access_log = true;
  std::string log_format = "text";  // text | json
};

// Serves until SIGINT/SIGTERM (or *stop becomes true), then drains.
// `on_listening(port)` is called once the socket is bound (port 0 picks one).
Status Serve(const ServerOptions& opt, RouteTable& table,
             const std::function<void(unsigned short)>& on_listening = nullptr, std::atomic<bool>* stop = nullptr);

}  // namespace bhxh
