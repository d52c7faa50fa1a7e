#include "inspection/records.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "platform/audit/audit.h"
#include "platform/jsonio/json.h"

namespace bhxh {

namespace {

std::string Cite(const LawParam& p) { return p.key + " = " + p.value + (p.law.empty() ? "" : " (" + p.law + ")"); }

}  // namespace

Result<FineRange> ComputeFine(const ParamTable& p, const std::string& clause, Vnd total_due, bool organisation,
                              const std::string& circumstance, Date on) {
  if (circumstance != "none" && circumstance != "mitigating" && circumstance != "aggravating")
    return Status::Invalid("circumstance", "Tình tiết phải là none, mitigating (giảm nhẹ) hoặc aggravating (tăng nặng)",
                           "circumstance must be none, mitigating or aggravating");
  if (total_due < 0) return Status::Invalid("total_due", "Số tiền phải đóng không được âm", "the total due cannot be negative");
  // Clause "39.5" is read from the keys "fine.39_5.*".
  if (clause.empty() || clause.size() > 10 ||
      !std::all_of(clause.begin(), clause.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
    return Status::Invalid("clause", "Khoản vi phạm phải có dạng 39.5 (Điều 39 Nghị định 12/2022/NĐ-CP)",
                           "a clause looks like 39.5");
  std::string k = "fine." + clause;
  std::replace(k.begin() + 5, k.end(), '.', '_');
  FineRange f;
  f.clause = clause;
  f.circumstance = circumstance;
  bool pct = p.Has(k + ".pct_min");
  if (!pct && !p.Has(k + ".min"))
    return Status::Invalid("clause", "Không có khung phạt cho khoản " + clause + " (Nghị định 12/2022/NĐ-CP Điều 39)",
                           "no fine range for clause " + clause);
  if (pct) {
    BHXH_ASSIGN_OR_RETURN(RateMicro lo, p.Percent(k + ".pct_min", on));
    BHXH_ASSIGN_OR_RETURN(RateMicro hi, p.Percent(k + ".pct_max", on));
    BHXH_ASSIGN_OR_RETURN(Vnd cap, p.Amount(k + ".cap", on));
    for (const char* part : {".pct_min", ".pct_max", ".cap"}) f.basis.push_back(Cite(*p.Param(k + part, on)));
    f.min = std::min(ApplyRate(total_due, lo), cap);
    f.max = std::min(ApplyRate(total_due, hi), cap);
  } else {
    BHXH_ASSIGN_OR_RETURN(f.min, p.Amount(k + ".min", on));
    BHXH_ASSIGN_OR_RETURN(f.max, p.Amount(k + ".max", on));
    for (const char* part : {".min", ".max"}) f.basis.push_back(Cite(*p.Param(k + part, on)));
  }
  if (organisation) {
    BHXH_ASSIGN_OR_RETURN(int64_t mult, p.Integer("fine.org_multiplier", on));
    f.basis.push_back(Cite(*p.Param("fine.org_multiplier", on)));
    f.min *= mult;
    f.max *= mult;
  }
  BHXH_ASSIGN_OR_RETURN(RateMicro point, p.Percent("fine.default_point", on));
  f.basis.push_back(Cite(*p.Param("fine.default_point", on)));
  if (circumstance == "mitigating")
    f.proposed = f.min;
  else if (circumstance == "aggravating")
    f.proposed = f.max;
  else
    f.proposed = f.min + ApplyRate(f.max - f.min, point);
  f.explanation = "Khoản " + clause + " Điều 39 Nghị định 12/2022/NĐ-CP: khung " + FormatVnd(f.min) + " – " + FormatVnd(f.max) +
                  " đồng" + (organisation ? " (tổ chức: gấp đôi mức của cá nhân)" : "") + "; mức áp dụng " + FormatVnd(f.proposed) +
                  " đồng" +
                  (circumstance == "mitigating"    ? " (có tình tiết giảm nhẹ: mức tối thiểu)"
                   : circumstance == "aggravating" ? " (có tình tiết tăng nặng: mức tối đa)"
                                                   : " (mức trung bình của khung)");
  return f;
}

namespace {

Result<Inspection> Load(Db& db, int64_t id) {
  Inspection in;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT i.id, e.code, e.name, e.province, i.decision_no, i.decided_on, i.kind, "
                                              "i.risk_score, i.status, i.opened_by, i.opened_at, COALESCE(i.concluded_by, ''), "
                                              "COALESCE(i.concluded_on, '') FROM inspections i JOIN employers e ON e.id = "
                                              "i.employer_id WHERE i.id = ?"));
    st->BindInt(1, id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row)
      return Status::NotFound("id", "Không có cuộc thanh tra số " + std::to_string(id), "no inspection " + std::to_string(id));
    in.id = st->Int(0);
    in.employer_code = st->Text(1);
    in.employer_name = st->Text(2);
    in.province = st->Text(3);
    in.decision_no = st->Text(4);
    in.decided_on = st->Text(5);
    in.kind = st->Text(6);
    in.risk_score = static_cast<double>(st->Int(7)) / 10;
    in.status = st->Text(8);
    in.opened_by = st->Text(9);
    in.opened_at = st->Text(10);
    in.concluded_by = st->Text(11);
    in.concluded_on = st->Text(12);
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT f.id, f.clause, f.description, f.total_due, f.workers, f.fine_min, f.fine_max, "
                                            "f.fine, f.circumstance, f.basis, f.explanation, f.recorded_by, f.recorded_at, "
                                            "(SELECT COALESCE(SUM(r.amount), 0) FROM inspection_recoveries r WHERE r.finding_id = f.id) "
                                            "FROM inspection_findings f WHERE f.inspection_id = ? ORDER BY f.id"));
  st->BindInt(1, id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    InspectionFinding f;
    f.id = st->Int(0);
    f.clause = st->Text(1);
    f.description = st->Text(2);
    f.total_due = st->Int(3);
    f.workers = static_cast<int>(st->Int(4));
    f.fine.clause = f.clause;
    f.fine.min = st->Int(5);
    f.fine.max = st->Int(6);
    f.fine.proposed = st->Int(7);
    f.fine.circumstance = st->Text(8);
    if (auto b = ParseJson(st->Text(9), 8); b.ok() && b->is_array())
      for (const auto& x : *b) f.fine.basis.push_back(x.get<std::string>());
    f.fine.explanation = st->Text(10);
    f.recorded_by = st->Text(11);
    f.recorded_at = st->Text(12);
    f.recovered = st->Int(13);
    in.to_recover += f.total_due;
    in.fines += f.fine.proposed;
    in.recovered += f.recovered;
    in.findings.push_back(std::move(f));
  }
  in.outstanding = std::max<Vnd>(0, in.to_recover + in.fines - in.recovered);
  return in;
}

Status RequireStatus(const Inspection& in, const std::string& status, const std::string& doing_vi, const std::string& doing_en) {
  if (in.status == status) return Status::Ok();
  return Status::Error("conflict", "status",
                       "Không thể " + doing_vi + ": cuộc thanh tra số " + std::to_string(in.id) + " đang ở trạng thái " + in.status,
                       "cannot " + doing_en + ": inspection " + std::to_string(in.id) + " is " + in.status);
}

}  // namespace

Result<Inspection> LoadInspection(Db& db, int64_t id) { return Load(db, id); }

Result<std::string> InspectionProvince(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT e.province FROM inspections i JOIN employers e ON e.id = i.employer_id WHERE i.id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("id", "Không có cuộc thanh tra số " + std::to_string(id), "no inspection " + std::to_string(id));
  return st->Text(0);
}

Result<Inspection> OpenInspection(Db& db, const InspectionOpenInput& in, const Actor& by) {
  if (in.decision_no.empty() || in.decision_no.size() > 60)
    return Status::Invalid("decision_no", "Cần số quyết định thanh tra (tối đa 60 ký tự)", "the inspection decision number is required");
  BHXH_ASSIGN_OR_RETURN(Date decided, Date::ParseIsoOrVi(in.decided_on, "decided_on"));
  if (decided > Date::Today())
    return Status::Invalid("decided_on", "Ngày quyết định không được sau hôm nay", "the decision date cannot be in the future");
  if (in.kind != "planned" && in.kind != "unannounced")
    return Status::Invalid("kind", "Loại thanh tra phải là planned (theo kế hoạch) hoặc unannounced (đột xuất)",
                           "kind must be planned or unannounced");
  if (in.idempotency_key.empty())
    return Status::Error("missing_field", "Idempotency-Key", "Cần khoá chống gửi trùng", "an idempotency key is required");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM inspections WHERE idempotency_key = ?"));
    st->BindText(1, in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      BHXH_ASSIGN_OR_RETURN(Inspection prior, Load(db, st->Int(0)));
      prior.replayed = true;
      return prior;
    }
  }
  int64_t employer_id = 0;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM employers WHERE code = ?"));
    st->BindText(1, in.employer_code);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row)
      return Status::NotFound("employer_code", "Không có đơn vị " + in.employer_code, "no employer " + in.employer_code);
    employer_id = st->Int(0);
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  int64_t id = 0;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO inspections (employer_id, decision_no, decided_on, kind, risk_score, "
                                              "status, opened_by, opened_at, idempotency_key) VALUES (?,?,?,?,?,'open',?,?,?) "
                                              "RETURNING id"));
    st->Bind(employer_id, in.decision_no, decided.ToString(), in.kind, static_cast<int64_t>(std::llround(in.risk_score * 10)),
             by.id, NowIsoUtc(), in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Internal("insert returned no id");
    id = st->Int(0);
    st->Reset();
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "open", "inspection", in.employer_code,
                                  "id=" + std::to_string(id) + " decision=" + in.decision_no + " kind=" + in.kind));
  BHXH_ASSIGN_OR_RETURN(Inspection out, Load(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Inspection> RecordFinding(Db& db, const ParamTable& p, int64_t inspection_id, const InspectionFindingInput& in, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Inspection insp, Load(db, inspection_id));
  BHXH_RETURN_IF_ERROR(RequireStatus(insp, "open", "ghi kết quả", "record a finding"));
  if (in.description.empty() || in.description.size() > 2000)
    return Status::Invalid("description", "Cần mô tả sai phạm (tối đa 2.000 ký tự)", "a description is required");
  if (in.workers < 0) return Status::Invalid("workers", "Số lao động không được âm", "workers cannot be negative");
  // The employers of the registry are organisations (enterprises, agencies,
  // cooperatives); a household business is fined as an individual.
  BHXH_ASSIGN_OR_RETURN(auto tst, db.Prepare("SELECT e.type FROM inspections i JOIN employers e ON e.id = i.employer_id WHERE i.id = ?"));
  tst->BindInt(1, inspection_id);
  BHXH_ASSIGN_OR_RETURN(bool trow, tst->Step());
  bool organisation = !trow || tst->Text(0) != "household_business";
  BHXH_ASSIGN_OR_RETURN(Date decided, Date::ParseIsoOrVi(insp.decided_on, "decided_on"));
  BHXH_ASSIGN_OR_RETURN(FineRange fine, ComputeFine(p, in.clause, in.total_due, organisation, in.circumstance, decided));
  Json basis = Json::array();
  for (const auto& b : fine.basis) basis.push_back(b);
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO inspection_findings (inspection_id, clause, description, total_due, workers, "
                                            "fine_min, fine_max, fine, circumstance, basis, explanation, recorded_by, recorded_at) "
                                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(inspection_id, in.clause, in.description, in.total_due, static_cast<int64_t>(in.workers), fine.min,
                                fine.max, fine.proposed, in.circumstance, DumpJson(basis), fine.explanation, by.id, NowIsoUtc())
                           .Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "finding", "inspection", insp.employer_code,
                                  "id=" + std::to_string(inspection_id) + " clause=" + in.clause + " due=" +
                                      std::to_string(in.total_due) + " fine=" + std::to_string(fine.proposed)));
  BHXH_ASSIGN_OR_RETURN(Inspection out, Load(db, inspection_id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Inspection> ConcludeInspection(Db& db, int64_t inspection_id, const std::string& concluded_on, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Inspection insp, Load(db, inspection_id));
  BHXH_RETURN_IF_ERROR(RequireStatus(insp, "open", "kết luận", "conclude"));
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(concluded_on, "concluded_on"));
  BHXH_ASSIGN_OR_RETURN(Date decided, Date::ParseIsoOrVi(insp.decided_on, "decided_on"));
  if (on < decided)
    return Status::Invalid("concluded_on", "Ngày kết luận không được trước ngày quyết định thanh tra",
                           "the conclusion cannot precede the decision");
  for (const auto& f : insp.findings)
    if (f.recorded_by == by.id)
      return Status::Error("four_eyes", "actor",
                           "Người ghi kết quả thanh tra không được tự kết luận (phân tách nhiệm vụ): " + by.id +
                               " đã ghi sai phạm số " + std::to_string(f.id),
                           "whoever recorded a finding cannot conclude the inspection (segregation of duties)");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE inspections SET status = ?, concluded_by = ?, concluded_on = ? WHERE id = ? AND status = 'open'"));
  BHXH_RETURN_IF_ERROR(st->Bind(insp.outstanding > 0 ? "concluded" : "recovered", by.id, on.ToString(), inspection_id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "conclude", "inspection", insp.employer_code,
                                  "id=" + std::to_string(inspection_id) + " to_recover=" + std::to_string(insp.to_recover) +
                                      " fines=" + std::to_string(insp.fines)));
  BHXH_ASSIGN_OR_RETURN(Inspection out, Load(db, inspection_id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Inspection> RecordRecovery(Db& db, int64_t inspection_id, int64_t finding_id, Vnd amount, const std::string& paid_on,
                                  const std::string& reference, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Inspection insp, Load(db, inspection_id));
  BHXH_RETURN_IF_ERROR(RequireStatus(insp, "concluded", "ghi số đã thu hồi", "record a recovery"));
  if (amount <= 0) return Status::Invalid("amount", "Số tiền thu hồi phải lớn hơn 0", "the amount must be positive");
  BHXH_ASSIGN_OR_RETURN(Date paid, Date::ParseIsoOrVi(paid_on, "paid_on"));
  if (reference.empty() || reference.size() > 100)
    return Status::Invalid("reference", "Cần số chứng từ (tối đa 100 ký tự)", "a reference is required");
  const InspectionFinding* f = nullptr;
  for (const auto& x : insp.findings)
    if (x.id == finding_id) f = &x;
  if (!f)
    return Status::NotFound("finding_id", "Cuộc thanh tra không có sai phạm số " + std::to_string(finding_id),
                            "no such finding in this inspection");
  Vnd left = f->total_due + f->fine.proposed - f->recovered;
  if (amount > left)
    return Status::Invalid("amount", "Số thu hồi " + FormatVnd(amount) + " vượt số còn phải thu " + FormatVnd(left) + " đồng",
                           "the amount exceeds what is left to recover");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO inspection_recoveries (finding_id, paid_on, amount, reference, recorded_by, "
                                            "recorded_at) VALUES (?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(finding_id, paid.ToString(), amount, reference, by.id, NowIsoUtc()).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "recovery", "inspection", insp.employer_code,
                                  "id=" + std::to_string(inspection_id) + " finding=" + std::to_string(finding_id) +
                                      " amount=" + std::to_string(amount) + " ref=" + reference));
  BHXH_ASSIGN_OR_RETURN(Inspection out, Load(db, inspection_id));
  if (out.outstanding == 0) {
    BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE inspections SET status = 'recovered' WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(up->Bind(inspection_id).Run());
    out.status = "recovered";
  }
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Inspection>> ListInspections(Db& db, const std::string& status, const std::vector<std::string>& provinces,
                                                int limit) {
  std::string sql = "SELECT i.id FROM inspections i JOIN employers e ON e.id = i.employer_id WHERE 1=1";
  if (!status.empty()) sql += " AND i.status = ?";
  if (!provinces.empty()) {
    sql += " AND e.province IN (";
    for (size_t i = 0; i < provinces.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  sql += " ORDER BY i.id DESC LIMIT " + std::to_string(std::clamp(limit, 1, 1000));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  int k = 0;
  if (!status.empty()) st->BindText(++k, status);
  for (const auto& p : provinces) st->BindText(++k, p);
  std::vector<int64_t> ids;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    ids.push_back(st->Int(0));
  }
  std::vector<Inspection> out;
  for (int64_t id : ids) {
    BHXH_ASSIGN_OR_RETURN(Inspection in, Load(db, id));
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace bhxh
