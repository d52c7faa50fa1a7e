#include "platform/jobs.h"

#include <thread>

#include "platform/audit/audit.h"

namespace bhxh {

struct Jobs::Job {
  JobView view;
  std::thread thread;
};

Jobs::~Jobs() { Wait(); }

Result<JobView> Jobs::Start(const std::string& kind, const Actor& actor, Work work) {
  std::lock_guard lock(mu_);
  for (const auto& [id, j] : jobs_)
    if (j->view.kind == kind && j->view.status == "running")
      return Status::Error("busy", "kind", "Đang có một việc " + kind + " chạy (" + id + "); chờ việc đó xong",
                           "a " + kind + " job is running (" + id + ")");
  auto job = std::make_shared<Job>();
  job->view.id = kind + "-" + std::to_string(++seq_);
  job->view.kind = kind;
  job->view.started_by = actor.id;
  job->view.started_at = NowIsoUtc();
  job->view.status = "running";
  jobs_[job->view.id] = job;
  std::weak_ptr<Job> weak = job;
  job->thread = std::thread([this, weak, work = std::move(work)] {
    auto progress = [this, weak](int64_t d, int64_t t) {
      std::lock_guard lock(mu_);
      if (auto j = weak.lock()) j->view.done = d, j->view.total = t;
    };
    Result<Json> r = Status::Internal("job did not run");
    try {
      r = work(progress);
    } catch (const std::exception& e) {
      r = Status::Internal(e.what());
    }
    std::lock_guard lock(mu_);
    if (auto j = weak.lock()) {
      j->view.finished_at = NowIsoUtc();
      if (r.ok()) {
        j->view.status = "done";
        j->view.result = std::move(*r);
        if (j->view.total > 0) j->view.done = j->view.total;
      } else {
        j->view.status = "failed";
        j->view.error = ErrorJson(r.status())["error"];
      }
    }
  });
  return job->view;
}

Result<JobView> Jobs::Get(const std::string& id) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return Status::NotFound("id", "Không có việc " + id, "no job " + id);
  return it->second->view;
}

void Jobs::Wait() {
  std::vector<std::shared_ptr<Job>> all;
  {
    std::lock_guard lock(mu_);
    for (auto& [id, j] : jobs_) all.push_back(j);
  }
  for (auto& j : all)
    if (j->thread.joinable()) j->thread.join();
}

}  // namespace bhxh
