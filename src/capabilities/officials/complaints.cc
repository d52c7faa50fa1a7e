#include "officials/complaints.h"

#include "base/text.h"
#include "platform/audit/audit.h"

namespace bhxh {

namespace {

constexpr const char* kCols =
    "id, kind, received_on, complainant, subject, unit, province, complex, status, accept_by, COALESCE(accepted_on, ''), "
    "COALESCE(assigned_to, ''), COALESCE(resolve_by, ''), COALESCE(answered_on, ''), COALESCE(answer, ''), "
    "COALESCE(refusal_reason, '')";

void Timeliness(Complaint& c, Date today) {
  auto late = [](const std::string& done, const std::string& by) { return done > by ? "late" : "on_time"; };
  std::string t = today.ToString();
  if (c.status == "received")
    c.timeliness = t > c.accept_by ? "overdue" : "pending";
  else if (c.status == "refused")
    c.timeliness = late(c.accepted_on, c.accept_by);
  else if (c.status == "accepted")
    c.timeliness = t > c.resolve_by ? "overdue" : "pending";
  else
    c.timeliness = late(c.answered_on, c.resolve_by);
}

Complaint Read(Stmt& st, Date today) {
  Complaint c;
  c.id = st.Int(0);
  c.kind = st.Text(1);
  c.received_on = st.Text(2);
  c.complainant = st.Text(3);
  c.subject = st.Text(4);
  c.unit = st.Text(5);
  c.province = st.Text(6);
  c.complex = st.Int(7) != 0;
  c.status = st.Text(8);
  c.accept_by = st.Text(9);
  c.accepted_on = st.Text(10);
  c.assigned_to = st.Text(11);
  c.resolve_by = st.Text(12);
  c.answered_on = st.Text(13);
  c.answer = st.Text(14);
  c.refusal_reason = st.Text(15);
  Timeliness(c, today);
  return c;
}

Status NotBefore(Date on, const std::string& earlier, const std::string& field, const std::string& what_vi) {
  if (!earlier.empty() && on.ToString() < earlier)
    return Status::Invalid(field, "Ngày không được trước " + what_vi, "the date cannot precede the previous step");
  if (on > Date::Today()) return Status::Invalid(field, "Ngày không được sau hôm nay", "the date cannot be in the future");
  return Status::Ok();
}

}  // namespace

Result<Complaint> LoadComplaint(Db& db, int64_t id, Date today) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM complaints WHERE id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("id", "Không có đơn số " + std::to_string(id), "no complaint " + std::to_string(id));
  return Read(*st, today);
}

Result<Complaint> ReceiveComplaint(Db& db, const OfficialsData& data, const ComplaintInput& in, const Actor& by) {
  if (in.kind != "complaint" && in.kind != "denunciation")
    return Status::Invalid("kind", "Loại đơn phải là complaint (khiếu nại) hoặc denunciation (tố cáo)",
                           "kind must be complaint or denunciation");
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(in.received_on, "received_on"));
  if (on > Date::Today()) return Status::Invalid("received_on", "Ngày nhận không được sau hôm nay", "cannot be received in the future");
  if (in.complainant.empty() || in.complainant.size() > 200)
    return Status::Invalid("complainant", "Cần tên người gửi đơn (tối đa 200 ký tự)", "the complainant is required");
  if (in.subject.empty() || in.subject.size() > 4000)
    return Status::Invalid("subject", "Cần nội dung đơn (tối đa 4.000 ký tự)", "the subject is required");
  if (in.unit.empty() || in.unit.size() > 200) return Status::Invalid("unit", "Cần đơn vị giải quyết", "a unit is required");
  if (in.idempotency_key.empty())
    return Status::Error("missing_field", "Idempotency-Key", "Cần khoá chống gửi trùng", "an idempotency key is required");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM complaints WHERE idempotency_key = ?"));
    st->BindText(1, in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      BHXH_ASSIGN_OR_RETURN(Complaint c, LoadComplaint(db, st->Int(0), Date::Today()));
      c.replayed = true;
      return c;
    }
  }
  BHXH_ASSIGN_OR_RETURN(int64_t days, data.params().Integer(in.kind + ".accept_days", on));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO complaints (kind, received_on, complainant, subject, unit, province, complex, "
                                            "status, accept_by, idempotency_key, created_by, created_at) VALUES "
                                            "(?,?,?,?,?,?,0,'received',?,?,?,?) RETURNING id"));
  st->Bind(in.kind, on.ToString(), in.complainant, in.subject, in.unit, in.province, on.AddDays(static_cast<int>(days)).ToString(),
           in.idempotency_key, by.id, NowIsoUtc());
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert returned no id");
  int64_t id = st->Int(0);
  st->Reset();
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "receive", "complaint", std::to_string(id), in.kind + " " + Utf8Prefix(in.subject, 100)));
  BHXH_ASSIGN_OR_RETURN(Complaint c, LoadComplaint(db, id, Date::Today()));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return c;
}

Result<Complaint> DecideComplaint(Db& db, const OfficialsData& data, int64_t id, bool accept, const std::string& on_text,
                                  const std::string& assigned_to, bool complex, const std::string& reason, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Complaint c, LoadComplaint(db, id, Date::Today()));
  if (c.status != "received")
    return Status::Error("conflict", "status", "Đơn số " + std::to_string(id) + " đã được thụ lý hoặc từ chối", "already decided");
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(on_text, "on"));
  BHXH_RETURN_IF_ERROR(NotBefore(on, c.received_on, "on", "ngày nhận đơn"));
  if (accept && assigned_to.empty())
    return Status::Invalid("assigned_to", "Thụ lý thì phải giao người hoặc đơn vị giải quyết", "an accepted complaint needs an assignee");
  if (!accept && reason.empty())
    return Status::Invalid("reason", "Từ chối thụ lý phải nêu lý do", "a refusal needs its reason");
  std::string resolve_by;
  if (accept) {
    BHXH_ASSIGN_OR_RETURN(int64_t days, data.params().Integer(c.kind + (complex ? ".resolve_days_complex" : ".resolve_days"), on));
    resolve_by = on.AddDays(static_cast<int>(days)).ToString();
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE complaints SET status = ?, accepted_on = ?, assigned_to = ?, complex = ?, "
                                            "resolve_by = ?, refusal_reason = ? WHERE id = ? AND status = 'received'"));
  st->Bind(accept ? "accepted" : "refused", on.ToString(), assigned_to, static_cast<int64_t>(complex));
  if (accept)
    st->BindText(5, resolve_by);
  else
    st->BindNull(5);
  st->BindText(6, reason);
  st->BindInt(7, id);
  BHXH_RETURN_IF_ERROR(st->Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, accept ? "accept" : "refuse", "complaint", std::to_string(id),
                                  accept ? "giao " + assigned_to + ", hạn " + resolve_by : reason));
  BHXH_ASSIGN_OR_RETURN(Complaint out, LoadComplaint(db, id, Date::Today()));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Complaint> AnswerComplaint(Db& db, int64_t id, const std::string& on_text, const std::string& answer, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Complaint c, LoadComplaint(db, id, Date::Today()));
  if (c.status != "accepted")
    return Status::Error("conflict", "status", "Chỉ trả lời đơn đã thụ lý (đơn số " + std::to_string(id) + " đang " + c.status + ")",
                         "only an accepted complaint is answered");
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(on_text, "on"));
  BHXH_RETURN_IF_ERROR(NotBefore(on, c.accepted_on, "on", "ngày thụ lý"));
  if (answer.empty()) return Status::Invalid("answer", "Cần nội dung trả lời, kết luận", "an answer is required");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE complaints SET status = 'answered', answered_on = ?, answer = ? WHERE id = ? AND "
                                            "status = 'accepted'"));
  BHXH_RETURN_IF_ERROR(st->Bind(on.ToString(), answer, id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "answer", "complaint", std::to_string(id), Utf8Prefix(answer, 200)));
  BHXH_ASSIGN_OR_RETURN(Complaint out, LoadComplaint(db, id, Date::Today()));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Complaint>> ListComplaints(Db& db, const std::string& status, const std::vector<std::string>& provinces, Date today) {
  std::string sql = std::string("SELECT ") + kCols + " FROM complaints WHERE 1=1";
  if (!status.empty()) sql += " AND status = ?";
  if (!provinces.empty()) {
    sql += " AND province IN (";
    for (size_t i = 0; i < provinces.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql + " ORDER BY id DESC LIMIT 1000"));
  int k = 0;
  if (!status.empty()) st->BindText(++k, status);
  for (const auto& p : provinces) st->BindText(++k, p);
  std::vector<Complaint> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(Read(*st, today));
  }
  return out;
}

}  // namespace bhxh
