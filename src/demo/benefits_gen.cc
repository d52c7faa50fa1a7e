#include "demo/benefits_gen.h"

#include <cstdio>
#include <random>

#include "benefits/cases.h"
#include "benefits/payroll.h"
#include "registry/registry.h"

namespace bhxh {

namespace {

struct Candidate {
  std::string cccd;
  PartialDate dob;
  bool working_last_month = false;
};

}  // namespace

Result<BenefitsGenStats> GenerateBenefits(Db& db, const Geo& geo, const LawBook& law, const BenefitLaw& bl,
                                          const std::string& province, Month last_month, uint64_t seed,
                                          const Actor& preparer, const Actor& approver) {
  BenefitsGenStats out;
  std::mt19937_64 rng(seed * 7919 + 17);
  std::vector<Candidate> old, workers;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                       "SELECT p.cccd, p.dob, MAX(d.month) FROM persons p JOIN dues d ON d.person_id = p.id "
                                       "WHERE p.province = ? AND p.deceased_on IS NULL GROUP BY p.id, p.cccd, p.dob "
                                       "ORDER BY p.dob, p.cccd"));
    st->Bind(province);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      BHXH_ASSIGN_OR_RETURN(PartialDate dob, PartialDate::Parse(st->Text(1), "dob"));
      Candidate c{st->Text(0), dob, st->Int(2) >= last_month.index()};
      (dob.year <= 1968 ? old : workers).push_back(c);
    }
  }
  const Date event = last_month.Add(-2).LastDay();  // retired two months before the last payroll
  int n = 0;
  std::vector<std::string> pensioners;
  for (const auto& c : old) {
    if (n >= 40) break;
    ++n;
    CaseInput in;
    in.cccd = c.cccd;
    const int from_year = c.dob.year + 22 + static_cast<int>(rng() % 4);
    Json prior;
    if (n % 3 == 0) {
      // A civil servant: State pay scale coefficient with seniority.
      double coef = 2.34 + 0.33 * static_cast<double>(rng() % 8);
      prior = {{{"from", std::to_string(from_year) + "-01"},
                {"to", "2022-12"},
                {"salary_coefficient", coef},
                {"allowances_pct", {{"seniority", 5 + static_cast<int>(rng() % 15)}}},
                {"pay_scale", "state"}}};
    } else {
      prior = {{{"from", std::to_string(from_year) + "-01"},
                {"to", "2022-12"},
                {"salary", static_cast<Vnd>(4'000'000 + (rng() % 80) * 100'000)}}};
    }
    in.request = {{"regime", "pension"}, {"event_date", event.ToString()}, {"prior_history", prior}};
    if (n % 5 == 0) {
      in.cash_point = "Bưu điện văn hoá xã";
    } else {
      in.bank = n % 2 ? "Vietcombank" : "Agribank";
      // Planted: unrelated pensioners paid into one account.
      in.bank_account = n % 4 == 1 ? "0451000999888" : "04510" + std::to_string(10000000 + n * 7919);
    }
    in.idempotency_key = "demo-pension-" + c.cccd;
    auto cv = PrepareCase(db, geo, law, bl, in, preparer);
    if (!cv.ok()) continue;
    if (n % 13 == 0) {  // left open for an officer to decide
      ++out.open_cases;
      continue;
    }
    if (!cv->eligible) {
      BHXH_RETURN_IF_ERROR(DecideCase(db, cv->id, false, "Chưa đủ điều kiện hưởng lương hưu", approver).status());
      continue;
    }
    BHXH_RETURN_IF_ERROR(DecideCase(db, cv->id, true, "", approver).status());
    ++out.pensioners;
    pensioners.push_back(c.cccd);
  }
  // Sickness cases prepared, not yet decided; an unemployment benefit for a
  // worker who is back at work (planted for the check).
  int k = 0;
  for (const auto& w : workers) {
    if (!w.working_last_month) continue;
    if (k < 3) {
      CaseInput in;
      in.cccd = w.cccd;
      in.request = {{"regime", "sickness"}, {"event_date", last_month.FirstDay().AddDays(4).ToString()},
                    {"facts", {{"days", 3 + k}}}};
      in.bank = "BIDV";
      in.bank_account = "21110" + std::to_string(20000000 + k);
      in.idempotency_key = "demo-sickness-" + w.cccd;
      if (PrepareCase(db, geo, law, bl, in, preparer).ok()) ++out.open_cases;
    } else if (k == 3) {
      CaseInput in;
      in.cccd = w.cccd;
      in.request = {{"regime", "unemployment"},
                    {"event_date", last_month.Add(-3).FirstDay().ToString()},
                    {"facts", {{"region", 1}}}};
      in.bank = "BIDV";
      in.bank_account = "2111099990001";
      in.idempotency_key = "demo-ui-" + w.cccd;
      auto cv = PrepareCase(db, geo, law, bl, in, preparer);
      if (cv.ok() && cv->eligible && DecideCase(db, cv->id, true, "", approver).ok()) ++out.other_monthly;
    } else {
      break;
    }
    ++k;
  }
  // Deaths the population database knows and VSS has not yet been told of.
  std::string csv = "cccd,death_date\n";
  for (size_t i = 0; i < pensioners.size() && out.deaths_pending < 2; i += 7) {
    csv += pensioners[i] + "," + last_month.Add(-1).FirstDay().AddDays(9 + static_cast<int>(i)).ToVi() + "\n";
    ++out.deaths_pending;
  }
  out.deaths_csv = csv;
  // The demo's communes (codes 00001-00300, made up by the generator): the
  // first hundred are wards (urban), for the cashless-in-urban-areas share.
  {
    std::string ct = "province,commune,type\n";
    for (int i = 1; i <= 300; ++i) {
      char code[8];
      std::snprintf(code, sizeof code, "%05d", i);
      ct += province + "," + code + "," + (i <= 100 ? "urban" : "rural") + "\n";
    }
    BHXH_ASSIGN_OR_RETURN(CommuneTypesResult r, ImportCommuneTypes(db, ct, approver));
    if (!r.errors.empty()) return Status::Internal("demo commune types refused");
  }
  // Payrolls of the last two months (the first before the deaths are known).
  BHXH_RETURN_IF_ERROR(RunPayroll(db, law, bl, last_month.Prev(), approver).status());
  BHXH_RETURN_IF_ERROR(RunPayroll(db, law, bl, last_month, approver).status());
  return out;
}

}  // namespace bhxh
