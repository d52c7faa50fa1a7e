#include "claims/settlement.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "base/csv.h"
#include "base/csv_out.h"
#include "base/date.h"
#include "base/money.h"
#include "base/parse.h"
#include "base/text.h"
#include "base/xlsx_out.h"
#include "claims/xml130.h"

namespace bhxh {
namespace {

Result<std::pair<Date, Date>> QuarterRange(const std::string& q) {
  if (q.size() != 7 || !IsDigits(q.substr(0, 4)) || q[4] != '-' || q[5] != 'Q' || q[6] < '1' || q[6] > '4')
    return Status::Invalid("quarter", "Quý phải có dạng YYYY-Qn (n từ 1 đến 4)", "quarter must look like YYYY-Qn");
  int y = DigitsValue(q.substr(0, 4)), n = q[6] - '0';
  if (y < 1900 || y > 2200) return Status::Invalid("quarter", "Năm của quý không hợp lệ", "quarter year out of range");
  Month first = Month::Of(y, 3 * (n - 1) + 1);
  return std::make_pair(first.FirstDay(), first.Add(2).LastDay());
}

}  // namespace

Result<Settlement> SettleQuarter(Db& db, const std::string& facility, const std::string& quarter) {
  if (facility.size() != 5 || !IsDigits(facility))
    return Status::Invalid("facility", "Mã cơ sở KCB phải gồm 5 chữ số", "facility code must be 5 digits");
  BHXH_ASSIGN_OR_RETURN(auto range, QuarterRange(quarter));
  Settlement s;
  s.facility = facility;
  s.quarter = quarter;
  std::string from = range.first.ToString(), to = range.second.ToString();
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT COUNT(*), COALESCE(SUM(claimed),0), COALESCE(SUM(approved),0), COALESCE(SUM(rejected),0) FROM claims "
          "WHERE is_current = 1 AND facility = ? AND day >= ? AND day <= ? AND month >= ? AND month <= ?"));
  // The quarter's months as yyyymm: on PostgreSQL only their partitions are read.
  const int64_t m0 = range.first.ymd().year * 100 + range.first.ymd().month,
                m1 = range.second.ymd().year * 100 + range.second.ymd().month;
  st->Bind(facility, from, to, m0, m1);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row) {
    s.encounters = st->Int(0);
    s.claimed = st->Int(1);
    s.approved = st->Int(2);
    s.rejected = st->Int(3);
  }
  BHXH_ASSIGN_OR_RETURN(
      auto rs,
      db.Prepare(
          "SELECT l.reasons, l.rejected FROM claim_lines l JOIN claims c ON c.id = l.claim_id WHERE c.is_current = 1 "
          "AND c.facility = ? AND c.day >= ? AND c.day <= ? AND l.rejected > 0 "
          "AND c.month >= ? AND c.month <= ? AND l.month >= ? AND l.month <= ? AND l.month = c.month "
          "AND l.province = c.province"));  // the quarter's months only
  rs->Bind(facility, from, to, m0, m1, m0, m1);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool r, rs->Step());
    if (!r) break;
    std::string reasons = rs->Text(0);
    std::string first = reasons.substr(0, reasons.find(','));
    s.rejected_by_reason[first.empty() ? "UNSPECIFIED" : first] += rs->Int(1);
  }
  BHXH_ASSIGN_OR_RETURN(auto ad,
                        db.Prepare("SELECT COALESCE(SUM(amount),0) FROM advances WHERE facility = ? AND quarter = ? AND status = 'approved'"));
  ad->Bind(facility, quarter);
  BHXH_ASSIGN_OR_RETURN(bool ar, ad->Step());
  if (ar) s.advances = ad->Int(0);
  s.to_settle = s.approved - s.advances * 1000;
  return s;
}

namespace {

constexpr const char* kAdvanceCols =
    "id, facility, quarter, amount, paid_on, reference, status, created_by, COALESCE(decided_by,''), "
    "COALESCE(decided_at,''), COALESCE(note,'')";

Advance ReadAdvance(Stmt& st) {
  Advance a;
  a.id = st.Int(0);
  a.facility = st.Text(1);
  a.quarter = st.Text(2);
  a.amount = st.Int(3);
  a.paid_on = st.Text(4);
  a.reference = st.Text(5);
  a.status = st.Text(6);
  a.prepared_by = st.Text(7);
  a.decided_by = st.Text(8);
  a.decided_at = st.Text(9);
  a.note = st.Text(10);
  return a;
}

// By id when `id` is positive, else by reference.
Result<std::optional<Advance>> FindAdvance(Db& db, int64_t id, const std::string& reference) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kAdvanceCols + " FROM advances WHERE " +
                                            (id > 0 ? "id = ?" : "reference = ?")));
  if (id > 0)
    st->BindInt(1, id);
  else
    st->BindText(1, reference);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<Advance>();
  return std::optional<Advance>(ReadAdvance(*st));
}

}  // namespace

Result<Advance> RecordAdvance(Db& db, const AdvanceInput& in, const Actor& actor) {
  BHXH_RETURN_IF_ERROR(QuarterRange(in.quarter).status());
  if (in.facility.size() != 5 || !IsDigits(in.facility))
    return Status::Invalid("facility", "Mã cơ sở phải gồm 5 chữ số", "facility code must be 5 digits");
  BHXH_ASSIGN_OR_RETURN(Vnd amount, ParseVnd(in.amount, "amount"));
  if (amount <= 0) return Status::Invalid("amount", "Số tiền phải lớn hơn 0", "amount must be positive");
  BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(in.paid_on, "paid_on"));
  if (in.reference.empty()) return Status::Invalid("reference", "Cần số chứng từ", "a reference is required");
  BHXH_ASSIGN_OR_RETURN(auto seen, FindAdvance(db, 0, in.reference));
  if (seen) {
    if (seen->facility != in.facility || seen->quarter != in.quarter || seen->amount != amount ||
        seen->paid_on != d.ToString())
      return Status::Error("conflict", "reference", "Số chứng từ " + in.reference + " đã dùng cho một khoản tạm ứng khác",
                           "reference " + in.reference + " is already used by another advance");
    seen->replayed = true;
    return *seen;
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO advances (facility, quarter, amount, paid_on, reference, "
                                            "created_by, status) VALUES (?,?,?,?,?,?,'pending')"));
  BHXH_RETURN_IF_ERROR(st->Bind(in.facility, in.quarter, amount, d.ToString(), in.reference, actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "propose", "advance", in.reference,
                                  in.facility + " " + in.quarter + " " + std::to_string(amount)));
  BHXH_ASSIGN_OR_RETURN(auto out, FindAdvance(db, 0, in.reference));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return *out;
}

Result<Advance> DecideAdvance(Db& db, int64_t id, bool approve, const std::string& note, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(auto a, FindAdvance(db, id, ""));
  if (!a)
    return Status::NotFound("id", "Không có khoản tạm ứng số " + std::to_string(id), "no advance " + std::to_string(id));
  if (a->status != "pending")
    return Status::Error("conflict", "id", "Khoản tạm ứng số " + std::to_string(id) + " đã được quyết định",
                         "already decided");
  if (a->prepared_by == actor.id)
    return Status::Error("four_eyes", "actor", "Người lập khoản tạm ứng không được tự duyệt; cần cán bộ khác duyệt",
                         "whoever prepared an advance cannot approve it (segregation of duties)");
  if (!approve && note.empty()) return Status::Invalid("note", "Từ chối phải nêu lý do", "a rejection needs its reason");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE advances SET status = ?, decided_by = ?, decided_at = ?, note = ? "
                                            "WHERE id = ? AND status = 'pending'"));
  BHXH_RETURN_IF_ERROR(st->Bind(approve ? "approved" : "rejected", actor.id, NowIsoUtc(), note, id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, approve ? "approve" : "reject", "advance", a->reference,
                                  approve ? a->facility + " " + std::to_string(a->amount) : note));
  BHXH_ASSIGN_OR_RETURN(auto out, FindAdvance(db, id, ""));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return *out;
}

Result<std::vector<Advance>> ListAdvances(Db& db, const std::vector<std::string>& facilities, const std::string& status,
                                          int limit) {
  std::string sql = std::string("SELECT ") + kAdvanceCols + " FROM advances WHERE (? = '' OR status = ?)";
  if (!facilities.empty()) {
    sql += " AND facility IN (";
    for (size_t i = 0; i < facilities.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql + " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(limit, 1, 1000))));
  st->BindText(1, status);
  st->BindText(2, status);
  for (size_t i = 0; i < facilities.size(); ++i) st->BindText(static_cast<int>(i + 3), facilities[i]);
  std::vector<Advance> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ReadAdvance(*st));
  }
  return out;
}

Result<std::vector<PublishedPrice>> PublishedPrices(Db& db, const std::string& province, const std::string& facility,
                                                    const std::string& on) {
  Date d = Date::Today();
  if (!on.empty()) {
    BHXH_ASSIGN_OR_RETURN(d, Date::Parse(on, "date"));
  }
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT p.facility, COALESCE(f.name,''), COALESCE(f.province, substr(p.facility,1,2)), p.drug_code, p.name, "
          "p.tt_thau, p.unit_price, p.valid_from, p.valid_to FROM drug_prices p LEFT JOIN facilities f ON f.code = "
          "p.facility "
          "WHERE p.valid_from <= ? AND p.valid_to >= ? ORDER BY p.facility, p.drug_code, p.tt_thau"));
  st->Bind(d.ToString(), d.ToString());
  std::vector<PublishedPrice> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    PublishedPrice p{st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4),
                     st->Text(5), st->Int(6),  st->Text(7), st->Text(8)};
    if (!province.empty() && p.province != province) continue;
    if (!facility.empty() && p.facility != facility) continue;
    out.push_back(std::move(p));
  }
  return out;
}

std::string PricesCsv(const std::vector<PublishedPrice>& ps) {
  CsvWriter w;
  w.Row({"ma_cskcb", "ten_cskcb", "ma_tinh", "ma_thuoc", "ten_thuoc", "tt_thau", "don_gia", "hieu_luc_tu",
         "hieu_luc_den"});
  for (const auto& p : ps) {
    // Open data: "." as the decimal mark and no grouping, so any CSV reader takes it as a number.
    w.Row({p.facility, p.facility_name, p.province, p.drug_code, p.name, p.tt_thau, FixedText(p.unit_price, 1000, '.'),
           p.valid_from, p.valid_to});
  }
  return w.text();
}

Result<std::string> PricesXlsx(const std::vector<PublishedPrice>& ps, Date on) {
  XlsxSheet sheet;
  sheet.name = "Gia trung thau";
  sheet.header = {"Mã CSKCB",       "Tên CSKCB",   "Mã tỉnh",     "Mã thuốc", "Tên thuốc", "Thông tin thầu (TT_THAU)",
                  "Đơn giá (đồng)", "Hiệu lực từ", "Hiệu lực đến"};
  sheet.number_format = "#,##0.###";
  sheet.widths = {10, 32, 8, 14, 28, 28, 14, 14, 14};
  for (const auto& p : ps)
    sheet.rows.push_back({p.facility, p.facility_name, p.province, p.drug_code, p.name, p.tt_thau,
                          static_cast<double>(p.unit_price) / 1000.0, DateCell(p.valid_from), DateCell(p.valid_to)});
  return WriteXlsx({sheet}, {"Công khai giá thuốc trúng thầu của cơ sở khám bệnh, chữa bệnh BHYT", on});
}

}  // namespace bhxh
