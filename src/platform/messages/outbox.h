// Messages the system sends to people (a login code by SMS, an e-mail): a
// durable outbox, written in the same transaction as what caused the
// message, and a deliverer that hands pending messages to a sink.
//
// Why an outbox: a code sent for a challenge that was rolled back, or a
// challenge stored without its code ever leaving, are both wrong; writing
// the message with the work and delivering after commit makes them one.
// The sink is the deployment's: a pickup directory that an SMS gateway's or
// mail relay's agent watches (one file per message, written atomically),
// which is also what a test or a demo reads. Delivery is at least once: a
// message is marked delivered after the sink accepted it, and its body
// (which may hold a login code) is then cleared from the table.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/db.h"

namespace bhxh {

class DbPool;

struct OutMessage {
  int64_t id = 0;
  std::string channel;    // "sms" or "email"
  std::string recipient;  // phone number or address
  std::string purpose;    // "login", "enrolment", ...
  std::string body;
  std::string created_at, delivered_at;
};

// Queues a message; call inside the transaction of the work that sends it.
[[nodiscard]] Status QueueMessage(Db& db, const std::string& channel, const std::string& recipient, const std::string& purpose,
                                  const std::string& body);

// Newest first; only those not yet delivered when `pending_only`.
Result<std::vector<OutMessage>> ListOutbox(Db& db, bool pending_only, int limit);

// Writes each pending message (oldest first, at most `limit`) to
// `dir/<id>-<channel>.txt` (first line the recipient, then the body; written
// to a temporary name and renamed) and marks it delivered. Answers how many.
Result<int> DeliverToDirectory(Db& db, const std::string& dir, int limit);

// Delivers in the background, on a connection of its own, every `period`;
// stops (after its current round) with the object.
class OutboxDeliverer {
 public:
  OutboxDeliverer(DbPool& pool, std::string dir, std::chrono::milliseconds period);
  ~OutboxDeliverer();

 private:
  void Loop();
  DbPool& pool_;
  std::string dir_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// "0912345678" → "091****678"; "lan@example.vn" → "l***@example.vn": what a
// screen may show of where a code went.
std::string MaskRecipient(const std::string& channel, const std::string& recipient);

}  // namespace bhxh
