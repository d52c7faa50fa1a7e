#include "claims/settlement.h"

#include <cstdio>

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
          "WHERE is_current = 1 AND facility = ? AND day >= ? AND day <= ?"));
  st->Bind(facility, from, to);
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
          "AND c.facility = ? AND c.day >= ? AND c.day <= ? AND l.rejected > 0"));
  rs->Bind(facility, from, to);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool r, rs->Step());
    if (!r) break;
    std::string reasons = rs->Text(0);
    std::string first = reasons.substr(0, reasons.find(','));
    s.rejected_by_reason[first.empty() ? "UNSPECIFIED" : first] += rs->Int(1);
  }
  BHXH_ASSIGN_OR_RETURN(auto ad,
                        db.Prepare("SELECT COALESCE(SUM(amount),0) FROM advances WHERE facility = ? AND quarter = ?"));
  ad->Bind(facility, quarter);
  BHXH_ASSIGN_OR_RETURN(bool ar, ad->Step());
  if (ar) s.advances = ad->Int(0);
  s.to_settle = s.approved - s.advances * 1000;
  return s;
}

Status RecordAdvance(Db& db, const AdvanceInput& in, const Actor& actor) {
  BHXH_RETURN_IF_ERROR(QuarterRange(in.quarter).status());
  if (in.facility.size() != 5 || !IsDigits(in.facility))
    return Status::Invalid("facility", "Mã cơ sở phải gồm 5 chữ số", "facility code must be 5 digits");
  BHXH_ASSIGN_OR_RETURN(Vnd amount, ParseVnd(in.amount, "amount"));
  if (amount <= 0) return Status::Invalid("amount", "Số tiền phải lớn hơn 0", "amount must be positive");
  BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(in.paid_on, "paid_on"));
  if (in.reference.empty()) return Status::Invalid("reference", "Cần số chứng từ", "a reference is required");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "INSERT INTO advances (facility, quarter, amount, paid_on, reference, created_by) VALUES (?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(in.facility, in.quarter, amount, d.ToString(), in.reference, actor.id).Run());
  BHXH_RETURN_IF_ERROR(
      WriteAudit(db, actor, "advance", "facility", in.facility, in.quarter + " " + std::to_string(amount)));
  return tx.Commit();
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
    std::string price = std::to_string(p.unit_price / 1000);
    if (p.unit_price % 1000) {
      std::string d = std::to_string(1000 + p.unit_price % 1000).substr(1);
      while (d.back() == '0') d.pop_back();
      price += "." + d;
    }
    w.Row({p.facility, p.facility_name, p.province, p.drug_code, p.name, p.tt_thau, price, p.valid_from, p.valid_to});
  }
  return w.text();
}

Result<std::string> PricesXlsx(const std::vector<PublishedPrice>& ps) {
  XlsxSheet sheet;
  sheet.name = "Gia trung thau";
  sheet.header = {"Mã CSKCB",       "Tên CSKCB",   "Mã tỉnh",     "Mã thuốc", "Tên thuốc", "Thông tin thầu (TT_THAU)",
                  "Đơn giá (đồng)", "Hiệu lực từ", "Hiệu lực đến"};
  sheet.number_format = "#,##0.###";
  sheet.widths = {10, 32, 8, 14, 28, 28, 14, 14, 14};
  for (const auto& p : ps)
    sheet.rows.push_back({p.facility, p.facility_name, p.province, p.drug_code, p.name, p.tt_thau,
                          static_cast<double>(p.unit_price) / 1000.0, p.valid_from, p.valid_to});
  return WriteXlsx({sheet});
}

}  // namespace bhxh
