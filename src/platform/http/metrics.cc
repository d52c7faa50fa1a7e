#include "platform/http/metrics.h"

#include <array>
#include <cstdio>
#include <map>
#include <mutex>

namespace bhxh {

namespace {
constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

struct Histogram {
  std::array<uint64_t, kBuckets.size()> counts{};
  uint64_t count = 0;
  double sum = 0;
  void Observe(double s) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      if (s <= kBuckets[i]) ++counts[i];
    ++count;
    sum += s;
  }
};

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

void Write(std::string& out, const std::string& name, const std::string& labels, const Histogram& h) {
  char buf[64];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%g", kBuckets[i]);
    out += name + "_bucket{" + labels + ",le=\"" + buf + "\"} " + std::to_string(h.counts[i]) + "\n";
  }
  out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
  std::snprintf(buf, sizeof buf, "%.6f", h.sum);
  out += name + "_sum{" + labels + "} " + buf + "\n";
  out += name + "_count{" + labels + "} " + std::to_string(h.count) + "\n";
}
}  // namespace

struct Metrics::Impl {
  mutable std::mutex mu;
  std::map<std::pair<std::string, int>, uint64_t> requests;
  std::map<std::string, Histogram> latency;
  std::map<std::string, Histogram> jobs;
};

Metrics& Metrics::Get() {
  static Metrics m;
  return m;
}

Metrics::Impl* Metrics::impl() {
  static Impl i;
  return &i;
}
const Metrics::Impl* Metrics::impl() const { return const_cast<Metrics*>(this)->impl(); }

void Metrics::Request(const std::string& route, int status, double seconds) {
  Impl* i = impl();
  std::lock_guard lock(i->mu);
  ++i->requests[{route, status}];
  i->latency[route].Observe(seconds);
}

void Metrics::Job(const std::string& name, double seconds) {
  Impl* i = impl();
  std::lock_guard lock(i->mu);
  i->jobs[name].Observe(seconds);
}

std::string Metrics::Text(const std::string& extra) const {
  const Impl* i = impl();
  std::lock_guard lock(i->mu);
  std::string out;
  out +=
      "# HELP bhxh_http_requests_total HTTP requests by route and status.\n# TYPE bhxh_http_requests_total counter\n";
  for (const auto& [k, n] : i->requests)
    out += "bhxh_http_requests_total{route=\"" + Escape(k.first) + "\",status=\"" + std::to_string(k.second) + "\"} " +
           std::to_string(n) + "\n";
  out +=
      "# HELP bhxh_http_request_duration_seconds Request latency by route.\n"
      "# TYPE bhxh_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : i->latency)
    Write(out, "bhxh_http_request_duration_seconds", "route=\"" + Escape(route) + "\"", h);
  out +=
      "# HELP bhxh_job_duration_seconds Engine jobs (collection runs, claim reviews, ...).\n"
      "# TYPE bhxh_job_duration_seconds histogram\n";
  for (const auto& [job, h] : i->jobs) Write(out, "bhxh_job_duration_seconds", "job=\"" + Escape(job) + "\"", h);
  out += extra;
  return out;
}

}  // namespace bhxh
