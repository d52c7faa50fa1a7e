// Strategy indicators of 249/QĐ-BHXH Appendix I that the benefits data
// answers, registered on the programmes' MeasureBook:
//  #4 pension_share: persons receiving a pension, a monthly SI benefit
//     (monthly accident/disease benefit, the 2024 law's monthly allowance) or
//     the social pension in the month of the date, counted once each; the
//     denominator (persons past retirement age) is entered;
//  #7 urban_cashless_share: of the beneficiaries living in urban communes
//     (commune_types) paid by the latest payroll on or before the date, the
//     share paid to a bank account.
#include "benefits/indicators.h"

#include "platform/jsonio/json.h"

namespace bhxh {

namespace {

std::string InList(const std::string& col, const std::vector<std::string>& provinces) {
  if (provinces.empty()) return "";
  std::string s = " AND " + col + " IN (";
  for (size_t i = 0; i < provinces.size(); ++i) s += (i ? ",?" : "?");
  return s + ")";
}

Result<MeasureCount> PensionShare(Db& db, Date at, const std::vector<std::string>& provinces) {
  const int64_t m = Month::OfDate(at).index();
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                     "SELECT COUNT(DISTINCT b.person_id) FROM beneficiaries b WHERE b.regime IN "
                                     "('pension','occupational','monthly_allowance','social_pension') AND "
                                     "b.start_month <= ? AND (b.end_month IS NULL OR b.end_month >= ?) AND "
                                     "COALESCE(b.stop_reason, '') <> 'superseded'" +
                                     InList("b.province", provinces)));
  st->BindInt(1, m);
  st->BindInt(2, m);
  int i = 3;
  for (const auto& p : provinces) st->BindText(i++, p);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  MeasureCount c;
  c.numerator = row ? st->Int(0) : 0;
  c.numerator_vi = "số người hưởng lương hưu, trợ cấp BHXH hằng tháng hoặc trợ cấp hưu trí xã hội tháng " +
                   Month::OfDate(at).ToVi() + " (sổ người hưởng)";
  return c;
}

Result<MeasureCount> UrbanCashlessShare(Db& db, Date at, const std::vector<std::string>& provinces) {
  BHXH_ASSIGN_OR_RETURN(int64_t communes, db.QueryInt("SELECT COUNT(*) FROM commune_types WHERE type = 'urban'"));
  if (communes == 0)
    return Status::Error("missing_denominator", "commune_types",
                         "Chưa có danh sách phường/xã khu vực đô thị (bhxh benefits commune-types)",
                         "the urban communes have not been loaded");
  const int64_t m = Month::OfDate(at).index();
  BHXH_ASSIGN_OR_RETURN(auto mp, db.Prepare("SELECT MAX(month) FROM benefit_payrolls WHERE month <= ?"));
  mp->Bind(m);
  BHXH_ASSIGN_OR_RETURN(bool got, mp->Step());
  if (!got || mp->IsNull(0))
    return Status::Error("missing_denominator", "payroll", "Chưa có kỳ chi trả nào đến " + Month::OfDate(at).ToVi(),
                         "no payroll on or before the date");
  const int64_t pm = mp->Int(0);
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                     "SELECT COUNT(*), COALESCE(SUM(CASE WHEN y.channel = 'bank' THEN 1 ELSE 0 END), 0) "
                                     "FROM benefit_payments y JOIN beneficiaries b ON b.id = y.beneficiary_id "
                                     "JOIN persons p ON p.id = b.person_id JOIN commune_types ct ON "
                                     "ct.province = p.province AND ct.commune = p.commune AND ct.type = 'urban' "
                                     "WHERE y.month = ?" +
                                     InList("y.province", provinces)));
  st->BindInt(1, pm);
  int i = 2;
  for (const auto& p : provinces) st->BindText(i++, p);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  MeasureCount c;
  c.denominator = row ? st->Int(0) : 0;
  c.numerator = row ? st->Int(1) : 0;
  const std::string month = Month::FromIndex(static_cast<int32_t>(pm)).ToVi();
  c.numerator_vi = "số người hưởng ở phường (đô thị) nhận qua tài khoản trong kỳ chi trả tháng " + month;
  c.denominator_vi = "số người hưởng ở phường (đô thị) được chi trả tháng " + month;
  return c;
}

}  // namespace

void RegisterBenefitMeasures(MeasureBook& book) {
  book.AddProvider("pension_share", PensionShare);
  book.AddProvider("urban_cashless_share", UrbanCashlessShare);
}

}  // namespace bhxh
