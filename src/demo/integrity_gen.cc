#include "demo/integrity_gen.h"

#include "inspection/records.h"
#include "inspection/risk.h"
#include "officials/complaints.h"

namespace bhxh {

Result<IntegrityGenStats> GenerateIntegrity(Db& db, const LawBook& law, const Geo& geo, const OfficialsData& officials,
                                            const ParamTable& inspection, const std::string& province, Date today,
                                            const Actor& personnel, const Actor& inspector) {
  IntegrityGenStats s;
  struct O {
    const char* code;
    const char* name;
    const char* sex;
    const char* birth;
    const char* unit;
    const char* position;
    int years_ago;  // in post since
    bool declared;  // annual declaration for last year and this year
  };
  const O list[] = {
      {"GD01", "Đặng Quốc Hưng", "male", "1968-02-11", "Ban Giám đốc", "giam_doc", 6, true},
      {"PGD01", "Vũ Thị Mai", "female", "1972-09-23", "Ban Giám đốc", "pho_giam_doc", 4, true},
      {"TP01", "Ngô Văn Thắng", "male", "1975-05-30", "Phòng Kế hoạch - Tài chính", "truong_phong", 5, true},
      {"KT01", "Phạm Thị Hằng", "female", "1985-03-14", "Phòng Kế hoạch - Tài chính", "ke_toan", 4, true},
      {"KT02", "Lý Minh Đức", "male", "1988-11-02", "Phòng Kế hoạch - Tài chính", "ke_toan", 2, true},
      {"KT03", "Trịnh Thu Trang", "female", "1990-07-19", "Phòng Kế hoạch - Tài chính", "ke_toan", 1, false},
      {"TT01", "Hoàng Văn Long", "male", "1980-01-25", "Phòng Thanh tra - Kiểm tra", "thanh_tra", 5, true},
      {"TT02", "Đỗ Thị Ngọc", "female", "1986-04-08", "Phòng Thanh tra - Kiểm tra", "thanh_tra", 2, false},
      {"THU01", "Bùi Thị Lan", "female", "1984-12-12", "Phòng Quản lý thu", "thu_bhxh", 4, true},
      {"THU02", "Phan Văn Nam", "male", "1966-06-06", "Phòng Quản lý thu", "thu_bhxh", 5, true},
      {"GDB01", "Cao Thị Yến", "female", "1987-08-21", "Phòng Giám định BHYT", "giam_dinh_bhyt", 3, true},
      {"MC01", "Lưu Văn Tâm", "male", "1992-10-10", "Bộ phận một cửa", "mot_cua", 3, true},
  };
  for (const auto& o : list) {
    Date since = Date::FromYmd(today.year() - o.years_ago, 3, 1);
    auto r = RegisterOfficial(db, officials, {o.code, o.name, o.sex, o.birth, o.unit, province, o.position, since.ToString()}, personnel);
    if (!r.ok()) return r.status();
    ++s.officials;
    if (!o.declared) continue;
    for (int y : {today.year() - 1, today.year()}) {
      if (y == today.year() && today.ymd().month < 12) continue;  // this year's is due by 31/12
      AssetDeclarationInput in;
      in.kind = "annual";
      in.year = y;
      in.submitted_on = (y < today.year() ? Date::FromYmd(y, 12, 15) : today).ToString();
      in.idempotency_key = std::string("demo-decl-") + o.code + "-" + std::to_string(y);
      in.items = {{"house", "Nhà ở", 1'800'000'000 + 100'000'000 * (y - today.year() + 1)}, {"cash", "Tiền gửi tiết kiệm", 250'000'000}};
      in.income = 280'000'000;
      auto d = SubmitAssetDeclaration(db, officials, o.code, in, personnel);
      if (!d.ok()) return d.status();
      ++s.declarations;
    }
  }
  const ComplaintInput cs[] = {
      {"complaint", today.AddDays(-40).ToString(), "Nguyễn Văn Bình", "Chậm giải quyết trợ cấp thai sản", "Phòng Chế độ BHXH", province, "demo-cmp-1"},
      {"complaint", today.AddDays(-18).ToString(), "Trần Thị Hoa", "Không đồng ý mức hưởng lương hưu", "Phòng Chế độ BHXH", province, "demo-cmp-2"},
      {"denunciation", today.AddDays(-3).ToString(), "Ẩn danh", "Đơn vị thu tiền BHXH của người lao động nhưng không nộp", "Phòng Thanh tra - Kiểm tra", province, "demo-cmp-3"},
  };
  for (const auto& c : cs) {
    auto r = ReceiveComplaint(db, officials, c, personnel);
    if (!r.ok()) return r.status();
    ++s.complaints;
  }
  if (auto a = DecideComplaint(db, officials, 1, true, today.AddDays(-35).ToString(), "Phòng Chế độ BHXH", false, "", personnel); !a.ok())
    return a.status();
  if (auto a = AnswerComplaint(db, 1, today.AddDays(-10).ToString(), "Đã chi trả trợ cấp thai sản và xin lỗi người lao động", personnel); !a.ok())
    return a.status();
  if (auto a = DecideComplaint(db, officials, 2, true, today.AddDays(-12).ToString(), "Phòng Chế độ BHXH", true, "", personnel); !a.ok())
    return a.status();
  // The riskiest employer gets an inspection with one finding.
  RiskOptions ro;
  ro.as_of = today;
  ro.limit = 1;
  BHXH_ASSIGN_OR_RETURN(RiskRanking rank, RankEmployers(db, law, geo, inspection, ro));
  if (!rank.top.empty()) {
    const EmployerRisk& e = rank.top[0];
    s.top_employer = e.code;
    InspectionOpenInput in;
    in.employer_code = e.code;
    in.decision_no = "25/QĐ-BHXH-TTr";
    in.decided_on = today.AddDays(-7).ToString();
    in.kind = e.mandatory ? "unannounced" : "planned";
    in.risk_score = e.score;
    in.idempotency_key = "demo-inspection-1";
    BHXH_ASSIGN_OR_RETURN(Inspection insp, OpenInspection(db, in, inspector));
    if (e.balance > 0) {
      InspectionFindingInput f;
      f.clause = e.months_owed >= 3 && e.balance > 0 ? "39.5" : "39.2";
      f.description = "Chậm đóng BHXH, BHYT, BHTN " + std::to_string(e.months_owed) + " tháng";
      f.total_due = e.balance;
      f.workers = e.workers;
      BHXH_ASSIGN_OR_RETURN(Inspection with, RecordFinding(db, inspection, insp.id, f, inspector));
      (void)with;
    }
    ++s.inspections;
  }
  return s;
}

}  // namespace bhxh
