// Feedback and recommendations (PAKN) and the service indicators of 249/QĐ-BHXH
// Appendix I (#5, #6 satisfaction; #8 electronic accounts; #9, #10 online
// service) and of Decision 766/QĐ-TTg (on-time handling, average handling
// time, PAKN handled on time), computed from the dossiers with their method.
//
// Contract:
//  - Feedback is received with a due date `feedback.answer_days` working
//    days after receipt (parameters.csv), answered once; the sender may say
//    whether the answer satisfied them.
//  - Indicators are computed over dossiers finished (returned or refused)
//    in [from, to], optionally within provinces; each value carries its
//    numerator, denominator and method text; a share with no denominator is
//    null, never 0 or 100.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/dossiers.h"

namespace bhxh {

struct Feedback {
  int64_t id = 0;
  std::string received_on, province, from_name, cccd, subject, content, due_on, answered_on, answer, answered_by;
  std::optional<bool> satisfied;
  std::string status;  // open | answered
  bool replayed = false;
};
struct FeedbackInput {
  std::string received_on, province, from_name, cccd, subject, content, idempotency_key;
};
[[nodiscard]] Result<Feedback> ReceiveFeedback(Db& db, const ServicesData& data, const FeedbackInput& in, const Actor& by);
[[nodiscard]] Result<Feedback> AnswerFeedback(Db& db, int64_t id, const std::string& on, const std::string& answer,
                                              const Actor& by);
[[nodiscard]] Result<Feedback> JudgeAnswer(Db& db, int64_t id, bool satisfied, const Actor& by);
[[nodiscard]] Result<std::vector<Feedback>> ListFeedback(Db& db, const std::vector<std::string>& provinces,
                                                         const std::string& cccd, bool open_only, int limit);

struct Share {
  int64_t numerator = 0, denominator = 0;
  std::optional<double> pct() const {
    if (denominator == 0) return std::nullopt;
    return 100.0 * static_cast<double>(numerator) / static_cast<double>(denominator);
  }
};
struct ProcedureTime {
  std::string code, name;
  int64_t finished = 0;
  double avg_working_days = 0;
  int64_t on_time = 0, late = 0;
};
struct ServiceIndicators {
  Date from, to;
  Share on_time;                  // finished early or on time ÷ finished
  Share online_dossiers;          // received online ÷ received
  Share procedures_fully_online;  // catalogue
  Share feedback_on_time;         // answered by the due date ÷ due in the span
  Share feedback_satisfied;       // (PAKN − unsatisfied or overdue) ÷ PAKN, Decision 766
  Share e_accounts;               // persons with an electronic account ÷ persons on the record
  int64_t ratings = 0;
  std::optional<double> satisfaction_pct;  // mean rating ÷ 5
  std::vector<std::pair<std::string, double>> satisfaction_by_factor;  // mean 1–5
  std::optional<double> satisfaction_target_pct;
  int64_t open = 0, open_overdue = 0;
  std::vector<ProcedureTime> by_procedure;
  std::vector<std::string> method;  // Vietnamese, one line per indicator
};
class MeasureBook;
// Registers the measures of 249/QĐ-BHXH Appendix I #5/#6 (service_satisfaction),
// #8 (online_procedures_share), #9 (online_dossiers_share) and #10
// (e_account_share) on the programmes' MeasureBook: each computed over the
// year of the date, up to the date. `data` must outlive the book.
void RegisterServiceMeasures(MeasureBook& book, const ServicesData* data);

[[nodiscard]] Result<ServiceIndicators> ComputeServiceIndicators(Db& db, const ServicesData& data,
                                                                 const std::vector<std::string>& provinces, Date from, Date to,
                                                                 Date today);

}  // namespace bhxh
