#include "services/quality.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "platform/audit/audit.h"
#include "programmes/indicator_values.h"

namespace bhxh {

namespace {

constexpr const char* kFbCols =
    "id, received_on, province, from_name, COALESCE(cccd,''), subject, content, due_on, COALESCE(answered_on,''), "
    "COALESCE(answer,''), COALESCE(answered_by,''), satisfied";

Feedback ReadFeedback(Stmt& st) {
  Feedback f;
  f.id = st.Int(0);
  f.received_on = st.Text(1);
  f.province = st.Text(2);
  f.from_name = st.Text(3);
  f.cccd = st.Text(4);
  f.subject = st.Text(5);
  f.content = st.Text(6);
  f.due_on = st.Text(7);
  f.answered_on = st.Text(8);
  f.answer = st.Text(9);
  f.answered_by = st.Text(10);
  if (!st.IsNull(11)) f.satisfied = st.Int(11) != 0;
  f.status = f.answered_on.empty() ? "open" : "answered";
  return f;
}

Result<Feedback> LoadFeedback(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kFbCols + " FROM service_feedback WHERE id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("id", "Không có phản ánh, kiến nghị số " + std::to_string(id), "no such feedback");
  return ReadFeedback(*st);
}

std::string InList(const char* col, const std::vector<std::string>& v, std::vector<std::string>& args) {
  if (v.empty()) return "";
  std::string s = std::string(" AND ") + col + " IN (";
  for (size_t i = 0; i < v.size(); ++i) {
    s += i ? ",?" : "?";
    args.push_back(v[i]);
  }
  return s + ")";
}

Result<std::unique_ptr<Stmt>> Query(Db& db, const std::string& sql, const std::vector<std::string>& args) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  for (size_t i = 0; i < args.size(); ++i) st->BindText(static_cast<int>(i + 1), args[i]);
  return st;
}

std::string Pct(const Share& s) {
  auto p = s.pct();
  if (!p) return "chưa có số liệu";
  char b[32];
  std::snprintf(b, sizeof b, "%.1f%%", *p);
  std::string out = b;
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

}  // namespace

Result<Feedback> ReceiveFeedback(Db& db, const ServicesData& data, const FeedbackInput& in, const Actor& by) {
  if (in.idempotency_key.empty())
    return Status::Error("missing_field", "Idempotency-Key", "Cần khoá chống gửi trùng", "an idempotency key is required");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kFbCols + " FROM service_feedback WHERE idempotency_key = ?"));
    st->BindText(1, in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      Feedback f = ReadFeedback(*st);
      if (f.subject != in.subject || f.content != in.content)
        return Status::Error("idempotency_conflict", "Idempotency-Key", "Khoá đã dùng cho một phản ánh khác",
                             "the key was used for another feedback");
      f.replayed = true;
      return f;
    }
  }
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(in.received_on, "received_on"));
  if (in.subject.empty()) return Status::Invalid("subject", "Cần nội dung tóm tắt", "the subject is required");
  if (in.content.empty()) return Status::Invalid("content", "Cần nội dung phản ánh, kiến nghị", "the content is required");
  if (in.from_name.empty()) return Status::Invalid("from_name", "Cần tên người gửi", "the sender's name is required");
  if (in.province.size() != 2) return Status::Invalid("province", "Mã tỉnh gồm 2 chữ số", "province is 2 digits");
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  BHXH_ASSIGN_OR_RETURN(int64_t days, data.params().Integer("feedback.answer_days", on));
  Date due = cal.AddWorkingDays(cal.NextWorkingDay(on), static_cast<int>(days));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO service_feedback (received_on, province, from_name, cccd, subject, content, "
                                            "due_on, idempotency_key, created_by) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id"));
  st->Bind(on.ToString(), in.province, in.from_name);
  if (in.cccd.empty())
    st->BindNull(4);
  else
    st->BindText(4, in.cccd);
  st->BindText(5, in.subject);
  st->BindText(6, in.content);
  st->BindText(7, due.ToString());
  st->BindText(8, in.idempotency_key);
  st->BindText(9, by.id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert feedback returned no id");
  int64_t id = st->Int(0);
  st->Reset();
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "receive", "feedback", std::to_string(id), in.subject));
  BHXH_ASSIGN_OR_RETURN(Feedback f, LoadFeedback(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return f;
}

Result<Feedback> AnswerFeedback(Db& db, int64_t id, const std::string& on_text, const std::string& answer, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(on_text, "on"));
  if (answer.empty()) return Status::Invalid("answer", "Cần nội dung trả lời", "the answer is required");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Feedback f, LoadFeedback(db, id));
  if (!f.answered_on.empty()) return Status::Error("conflict", "id", "Phản ánh đã được trả lời", "already answered");
  if (on.ToString() < f.received_on)
    return Status::Invalid("on", "Ngày trả lời không được trước ngày nhận", "the answer cannot precede the receipt");
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE service_feedback SET answered_on = ?, answer = ?, answered_by = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(st->Bind(on.ToString(), answer, by.id, id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "answer", "feedback", std::to_string(id), answer.substr(0, 200)));
  BHXH_ASSIGN_OR_RETURN(Feedback out, LoadFeedback(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Feedback> JudgeAnswer(Db& db, int64_t id, bool satisfied, const Actor& by) {
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Feedback f, LoadFeedback(db, id));
  if (f.answered_on.empty()) return Status::Error("conflict", "id", "Phản ánh chưa được trả lời", "not answered yet");
  if (f.satisfied) return Status::Error("conflict", "id", "Đã đánh giá câu trả lời", "already judged");
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE service_feedback SET satisfied = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(st->Bind(satisfied ? 1 : 0, id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "judge", "feedback", std::to_string(id), satisfied ? "hài lòng" : "không hài lòng"));
  BHXH_ASSIGN_OR_RETURN(Feedback out, LoadFeedback(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Feedback>> ListFeedback(Db& db, const std::vector<std::string>& provinces, const std::string& cccd,
                                           bool open_only, int limit) {
  std::vector<std::string> args;
  std::string sql = std::string("SELECT ") + kFbCols + " FROM service_feedback WHERE 1 = 1" + InList("province", provinces, args);
  if (!cccd.empty()) {
    sql += " AND cccd = ?";
    args.push_back(cccd);
  }
  if (open_only) sql += " AND answered_on IS NULL";
  BHXH_ASSIGN_OR_RETURN(auto st, Query(db, sql + " ORDER BY due_on, id LIMIT " + std::to_string(std::clamp(limit, 1, 1000)), args));
  std::vector<Feedback> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ReadFeedback(*st));
  }
  return out;
}

Result<ServiceIndicators> ComputeServiceIndicators(Db& db, const ServicesData& data, const std::vector<std::string>& provinces,
                                                   Date from, Date to, Date today) {
  if (to < from) return Status::Invalid("to", "Đến ngày phải sau từ ngày", "to must not be before from");
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  ServiceIndicators r;
  r.from = from;
  r.to = to;
  std::string f = from.ToString(), t = to.ToString(), t1 = to.AddDays(1).ToString();
  // Finished dossiers: outcome and handling time per procedure.
  {
    std::vector<std::string> args = {f, t};
    std::string sql = "SELECT procedure, counted_from, returned_on, outcome FROM dossiers WHERE status IN ('returned','refused') "
                      "AND returned_on >= ? AND returned_on <= ?" + InList("province", provinces, args);
    BHXH_ASSIGN_OR_RETURN(auto st, Query(db, sql, args));
    std::map<std::string, std::pair<ProcedureTime, int64_t>> by;  // code → (row, sum of working days)
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      std::string code = st->Text(0), outcome = st->Text(3);
      auto a = Date::Parse(st->Text(1), "counted_from");
      auto b = Date::Parse(st->Text(2), "returned_on");
      if (!a.ok() || !b.ok()) continue;
      auto& [pt, sum] = by[code];
      pt.code = code;
      ++pt.finished;
      sum += std::max(0, cal.WorkingDaysBetween(*a, *b));
      bool in_time = outcome == "early" || outcome == "on_time";
      (in_time ? pt.on_time : pt.late) += 1;
      ++r.on_time.denominator;
      if (in_time) ++r.on_time.numerator;
    }
    for (auto& [code, v] : by) {
      v.first.avg_working_days = static_cast<double>(v.second) / static_cast<double>(v.first.finished);
      if (const Procedure* p = data.Find(code)) v.first.name = p->name;
      r.by_procedure.push_back(v.first);
    }
  }
  // Received dossiers by channel.
  {
    std::vector<std::string> args = {f, t1};
    std::string sql = "SELECT channel, COUNT(*) FROM dossiers WHERE received_at >= ? AND received_at < ?" +
                      InList("province", provinces, args) + " GROUP BY channel";
    BHXH_ASSIGN_OR_RETURN(auto st, Query(db, sql, args));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      r.online_dossiers.denominator += st->Int(1);
      if (st->Text(0) == "online") r.online_dossiers.numerator += st->Int(1);
    }
  }
  // Open now, and open past their due date.
  {
    std::vector<std::string> args = {today.ToString()};
    std::string sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END),0) FROM dossiers WHERE status IN "
                      "('received','processing','supplement')" + InList("province", provinces, args);
    BHXH_ASSIGN_OR_RETURN(auto st, Query(db, sql, args));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      r.open = st->Int(0);
      r.open_overdue = st->Int(1);
    }
  }
  for (const auto& p : data.procedures())
    if (p.valid_from <= to) {
      ++r.procedures_fully_online.denominator;
      if (p.fully_online) ++r.procedures_fully_online.numerator;
    }
  // Ratings of dossiers finished in the span.
  {
    std::vector<std::string> args = {f, t};
    std::string sql = "SELECT COUNT(*), AVG(accessibility), AVG(procedures), AVG(service_quality), AVG(results), "
                      "AVG(feedback_handling) FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE "
                      "d.returned_on >= ? AND d.returned_on <= ?" + InList("d.province", provinces, args);
    BHXH_ASSIGN_OR_RETURN(auto st, Query(db, sql, args));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row && st->Int(0) > 0) {
      r.ratings = st->Int(0);
      const char* names[] = {"accessibility", "procedures", "service_quality", "results", "feedback_handling"};
      double sum = 0;
      for (int i = 0; i < 5; ++i) {
        double v = std::strtod(st->Text(i + 1).c_str(), nullptr);
        r.satisfaction_by_factor.push_back({names[i], v});
        sum += v;
      }
      r.satisfaction_pct = sum / 5.0 / 5.0 * 100.0;
    }
  }
  if (auto target = data.params().Percent("satisfaction.target_pct", to); target.ok())
    r.satisfaction_target_pct = static_cast<double>(*target) / 10'000.0;
  // Feedback due in the span.
  {
    std::vector<std::string> args = {f, t};
    std::string sql = "SELECT due_on, COALESCE(answered_on,''), satisfied FROM service_feedback WHERE due_on >= ? AND due_on <= ?" +
                      InList("province", provinces, args);
    BHXH_ASSIGN_OR_RETURN(auto st, Query(db, sql, args));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      std::string due = st->Text(0), ans = st->Text(1);
      bool on_time = !ans.empty() && ans <= due;
      bool unsatisfied = !st->IsNull(2) && st->Int(2) == 0;
      ++r.feedback_on_time.denominator;
      ++r.feedback_satisfied.denominator;
      if (on_time) ++r.feedback_on_time.numerator;
      bool overdue = ans.empty() ? due < today.ToString() : ans > due;
      if (!unsatisfied && !overdue) ++r.feedback_satisfied.numerator;
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT (SELECT COUNT(DISTINCT cccd) FROM users WHERE cccd IS NOT NULL AND "
                                              "disabled_at IS NULL), (SELECT COUNT(*) FROM persons WHERE deceased_on IS NULL)"));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) r.e_accounts = {st->Int(0), st->Int(1)};
  }
  r.method = {
      "Tỷ lệ hồ sơ giải quyết đúng hạn = hồ sơ có kết quả trước hạn hoặc đúng hạn ÷ hồ sơ đã có kết quả (trả hoặc từ chối) từ " +
          from.ToVi() + " đến " + to.ToVi() + " = " + std::to_string(r.on_time.numerator) + "/" +
          std::to_string(r.on_time.denominator) + " = " + Pct(r.on_time) + "; hẹn lại bằng phiếu xin lỗi vẫn tính là quá hạn.",
      "Thời gian giải quyết trung bình theo thủ tục = số ngày làm việc từ ngày bắt đầu tính hạn đến ngày có kết quả, bình quân.",
      "Tỷ lệ hồ sơ trực tuyến = hồ sơ nộp qua Cổng dịch vụ công ÷ hồ sơ tiếp nhận trong kỳ = " +
          std::to_string(r.online_dossiers.numerator) + "/" + std::to_string(r.online_dossiers.denominator) + " = " +
          Pct(r.online_dossiers) + " (chỉ tiêu 249 Phụ lục I #10).",
      "Tỷ lệ thủ tục trực tuyến toàn trình = thủ tục có fully_online trong danh mục ÷ thủ tục đang áp dụng = " +
          std::to_string(r.procedures_fully_online.numerator) + "/" + std::to_string(r.procedures_fully_online.denominator) +
          " = " + Pct(r.procedures_fully_online) + " (chỉ tiêu #9).",
      "Mức độ hài lòng = điểm bình quân 5 yếu tố (tiếp cận dịch vụ, thủ tục hành chính, chất lượng phục vụ, kết quả, tiếp nhận "
      "và xử lý phản ánh; thang 1–5) ÷ 5 trên " + std::to_string(r.ratings) + " phiếu đánh giá hồ sơ có kết quả trong kỳ (chỉ tiêu #5, #6).",
      "PAKN đúng hạn = phản ánh, kiến nghị đến hạn trong kỳ đã trả lời không muộn hơn hạn ÷ đến hạn trong kỳ = " + Pct(r.feedback_on_time) +
          "; theo Quyết định 766/QĐ-TTg: (PAKN − PAKN không hài lòng hoặc quá hạn) ÷ PAKN = " + Pct(r.feedback_satisfied) + ".",
      "Tỷ lệ người tham gia có tài khoản điện tử = số định danh có tài khoản đang dùng ÷ người còn sống trong cơ sở dữ liệu = " +
          std::to_string(r.e_accounts.numerator) + "/" + std::to_string(r.e_accounts.denominator) + " = " + Pct(r.e_accounts) +
          " (chỉ tiêu #8).",
  };
  return r;
}

void RegisterServiceMeasures(MeasureBook& book, const ServicesData* data) {
  auto span = [data](Db& db, Date at, const std::vector<std::string>& provinces) {
    return ComputeServiceIndicators(db, *data, provinces, Date::FromYmd(at.year(), 1, 1), at, at);
  };
  auto period = [](Date at) { return "từ 01/01/" + std::to_string(at.year()) + " đến " + at.ToVi(); };
  book.AddProvider("service_satisfaction", [span, period](Db& db, Date at, const std::vector<std::string>& p) -> Result<MeasureCount> {
    BHXH_ASSIGN_OR_RETURN(ServiceIndicators r, span(db, at, p));
    if (r.ratings == 0)
      return Status::Error("missing_denominator", "ratings", "Chưa có phiếu đánh giá hồ sơ nào " + period(at),
                           "no dossier was rated in the span");
    double sum = 0;
    for (const auto& [k, v] : r.satisfaction_by_factor) sum += v;
    MeasureCount c;
    // Σ of the five factor scores over the ratings ÷ (ratings × 25): the mean rating as a share of the top score.
    c.numerator = static_cast<int64_t>(std::llround(sum * static_cast<double>(r.ratings)));
    c.denominator = r.ratings * 25;
    c.numerator_vi = "tổng điểm 5 yếu tố của " + std::to_string(r.ratings) + " phiếu đánh giá hồ sơ có kết quả " + period(at);
    c.denominator_vi = "điểm tối đa (25 điểm mỗi phiếu)";
    return c;
  });
  book.AddProvider("online_procedures_share", [span](Db& db, Date at, const std::vector<std::string>& p) -> Result<MeasureCount> {
    BHXH_ASSIGN_OR_RETURN(ServiceIndicators r, span(db, at, p));
    MeasureCount c{r.procedures_fully_online.numerator, "số thủ tục cung cấp trực tuyến toàn trình (danh mục thủ tục)",
                   r.procedures_fully_online.denominator, "số thủ tục đang áp dụng"};
    return c;
  });
  book.AddProvider("online_dossiers_share", [span, period](Db& db, Date at, const std::vector<std::string>& p) -> Result<MeasureCount> {
    BHXH_ASSIGN_OR_RETURN(ServiceIndicators r, span(db, at, p));
    MeasureCount c{r.online_dossiers.numerator, "số hồ sơ nộp và xử lý trực tuyến " + period(at), r.online_dossiers.denominator,
                   "số hồ sơ tiếp nhận " + period(at)};
    return c;
  });
  book.AddProvider("e_account_share", [span, period](Db& db, Date at, const std::vector<std::string>& p) -> Result<MeasureCount> {
    BHXH_ASSIGN_OR_RETURN(ServiceIndicators r, span(db, at, p));
    MeasureCount c{r.e_accounts.numerator, "số người có tài khoản giao dịch điện tử đang sử dụng", r.e_accounts.denominator,
                   "số người còn sống trong cơ sở dữ liệu quốc gia về bảo hiểm"};
    (void)period;
    return c;
  });
}

}  // namespace bhxh
