#include "platform/messages/outbox.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

#include "platform/audit/audit.h"
#include "platform/context.h"

namespace bhxh {

Status QueueMessage(Db& db, const std::string& channel, const std::string& recipient, const std::string& purpose,
                    const std::string& body) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO outbox (channel, recipient, purpose, body, created_at) VALUES (?,?,?,?,?)"));
  return st->Bind(channel, recipient, purpose, body, NowIsoUtc()).Run();
}

Result<std::vector<OutMessage>> ListOutbox(Db& db, bool pending_only, int limit) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT id, channel, recipient, purpose, body, created_at, delivered_at FROM outbox ") +
                                            (pending_only ? "WHERE delivered_at IS NULL " : "") + "ORDER BY id DESC LIMIT ?"));
  st->BindInt(1, std::max(1, std::min(limit, 1000)));
  std::vector<OutMessage> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->IsNull(6) ? "" : st->Text(6)});
  }
  return out;
}

Result<int> DeliverToDirectory(Db& db, const std::string& dir, int limit) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Invalid("outbox_dir", "Không tạo được thư mục gửi tin " + dir, "cannot create the outbox directory " + dir);
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT id, channel, recipient, body FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?"));
  st->BindInt(1, std::max(1, limit));
  std::vector<OutMessage> todo;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    OutMessage m;
    m.id = st->Int(0);
    m.channel = st->Text(1);
    m.recipient = st->Text(2);
    m.body = st->Text(3);
    todo.push_back(std::move(m));
  }
  st->Reset();
  int n = 0;
  for (const auto& m : todo) {
    std::string name = std::to_string(m.id) + "-" + m.channel + ".txt";
    std::string tmp = dir + "/." + name + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      f << m.recipient << "\n" << m.body << "\n";
      if (!f) return Status::Internal("cannot write " + tmp);
    }
    std::filesystem::rename(tmp, dir + "/" + name, ec);
    if (ec) return Status::Internal("cannot rename " + tmp + ": " + ec.message());
    // The body is kept only until it is handed over: it may hold a login code.
    BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE outbox SET delivered_at = ?, delivery_note = ?, body = '' WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(up->Bind(NowIsoUtc(), "dir:" + name, m.id).Run());
    ++n;
  }
  return n;
}

OutboxDeliverer::OutboxDeliverer(DbPool& pool, std::string dir, std::chrono::milliseconds period)
    : pool_(pool), dir_(std::move(dir)), period_(period), thread_([this] { Loop(); }) {}

OutboxDeliverer::~OutboxDeliverer() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void OutboxDeliverer::Loop() {
  std::unique_lock<std::mutex> l(mu_);
  while (!stop_) {
    l.unlock();
    if (auto lease = pool_.Acquire(); lease.ok()) {
      Result<int> n = DeliverToDirectory(**lease, dir_, 100);
      if (!n.ok()) spdlog::warn("outbox: {}", n.status().message_en());
    }
    l.lock();
    cv_.wait_for(l, period_, [this] { return stop_; });
  }
}

std::string MaskRecipient(const std::string& channel, const std::string& r) {
  if (channel == "email") {
    size_t at = r.find('@');
    if (at == std::string::npos || at == 0) return "***";
    return r.substr(0, 1) + "***" + r.substr(at);
  }
  if (r.size() < 7) return "***";
  return r.substr(0, 3) + std::string(r.size() - 6, '*') + r.substr(r.size() - 3);
}

}  // namespace bhxh
