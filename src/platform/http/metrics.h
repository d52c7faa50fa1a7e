// Counters and histograms in the Prometheus text format (served at
// /metrics): requests by route and status, request latency, store pool use,
// engine job durations. Lock-free on the hot path where it matters (one
// mutex per observation is cheap next to a request); a process-wide
// registry, since metrics describe the process.
#pragma once

#include <string>

namespace bhxh {

class Metrics {
 public:
  static Metrics& Get();
  // A request finished: its route pattern ("GET /persons/{cccd}"), status and duration.
  void Request(const std::string& route, int status, double seconds);
  // A job finished: "collection", "claims_review", ...
  void Job(const std::string& name, double seconds);
  // Text for /metrics; `extra` lines (gauges the caller knows) appended.
  std::string Text(const std::string& extra) const;

 private:
  Metrics() = default;
  struct Impl;
  Impl* impl();
  const Impl* impl() const;
};

}  // namespace bhxh
