// Long work started by a request and followed by polling: a job runs on
// its own thread, reports progress (done of total), and ends with a JSON
// result or a Status. Jobs live in memory (the work itself is written in
// its own transactions and audited; a job lost with a restart rolls back).
// At most one job of a kind runs at a time (two collection runs of the same
// month would fight over it). Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "platform/access/actor.h"
#include "platform/jsonio/json.h"

namespace bhxh {

struct JobView {
  std::string id, kind, started_by, started_at, finished_at;
  std::string status;  // running | done | failed
  int64_t done = 0, total = 0;
  Json result;         // when done
  Json error;          // when failed: {"code", "field", "message", "message_en"}
};

class Jobs {
 public:
  using Progress = std::function<void(int64_t done, int64_t total)>;
  using Work = std::function<Result<Json>(const Progress&)>;
  ~Jobs();
  // Starts `work`; "busy" when a job of `kind` is running.
  Result<JobView> Start(const std::string& kind, const Actor& actor, Work work);
  Result<JobView> Get(const std::string& id) const;
  // Waits for running jobs (tests, shutdown).
  void Wait();

 private:
  struct Job;
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  int seq_ = 0;
};

}  // namespace bhxh
