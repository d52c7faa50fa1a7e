// Complaints and denunciations (Law on Complaints 02/2011/QH13, Law on
// Denunciations 25/2018/QH14): received, accepted or refused within the
// legal time, assigned, answered, each deadline tracked as tasks are.
//
// Contract: deadlines are dated parameters (complaint.* / denunciation.*
// in data/officials/parameters.csv); a complaint moves received →
// accepted | refused → answered, never back; each step is one transaction
// with its audit row; receiving takes an idempotency key.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "officials/officials.h"

namespace bhxh {

struct Complaint {
  int64_t id = 0;
  std::string kind;  // complaint | denunciation
  std::string received_on, complainant, subject, unit, province;
  bool complex = false;
  std::string status;  // received | accepted | refused | answered
  std::string accept_by, accepted_on, assigned_to, resolve_by, answered_on, answer, refusal_reason;
  std::string timeliness;  // on_time | late | overdue | pending (against the current step's deadline)
  bool replayed = false;
};

struct ComplaintInput {
  std::string kind, received_on, complainant, subject, unit, province, idempotency_key;
};
[[nodiscard]] Result<Complaint> ReceiveComplaint(Db& db, const OfficialsData& data, const ComplaintInput& in, const Actor& by);
// accept: assigned_to and complex; refuse: the reason.
[[nodiscard]] Result<Complaint> DecideComplaint(Db& db, const OfficialsData& data, int64_t id, bool accept,
                                                const std::string& on, const std::string& assigned_to, bool complex,
                                                const std::string& reason, const Actor& by);
[[nodiscard]] Result<Complaint> AnswerComplaint(Db& db, int64_t id, const std::string& on, const std::string& answer,
                                                const Actor& by);
[[nodiscard]] Result<std::vector<Complaint>> ListComplaints(Db& db, const std::string& status,
                                                            const std::vector<std::string>& provinces, Date today);
[[nodiscard]] Result<Complaint> LoadComplaint(Db& db, int64_t id, Date today);

}  // namespace bhxh
