// The monthly payroll of the register, deaths from the population
// database, and the checks run on every payroll.
//
// RunPayroll loads every beneficiary active in the month in one query into
// compact columns, computes each amount in memory (the approved amount,
// raised by every pension indexation whose decree took effect after the
// benefit started and by the month: pensions, monthly accident benefits and
// monthly survivor benefits; unemployment benefit and the social pension
// are not indexed), runs the checks, and writes the payments in bulk with
// the payroll's summary and its expenditure postings by fund
// (fund_postings, kind 'expenditure', read by the funds' books) — one
// transaction; a month is paid once (a second run is a conflict).
//
// Back pay (truy lĩnh) for months already paid, paid with the month's own
// amount in the same transfer (benefit_payments.back_pay, one line per
// month in benefit_back_pay with its reason):
//  - indexation: a decree entered after months it covers were paid (Decree
//    75/2024/NĐ-CP, signed 30/06/2024, raised pensions from 01/07/2024). Each
//    payroll records the decrees it applied; a paid month whose decrees
//    differ now is recomputed for everyone paid in it, and the difference
//    paid (then recorded as applied to that month);
//  - late_start: a register entry made after the last payroll whose benefit
//    starts in a month already paid (an approval after its first month, a
//    corrected decision starting earlier): each paid month from its start
//    is due in full, less what the person was paid for it under the same
//    regime (the superseded entry's payments and back pay).
// A month now due less than was paid is not taken back here: it is a
// finding (overpaid_on_revision) for an officer to recover.
//
// Checks, each with its legal basis, listed as findings of the payroll:
//  - paid_after_death: the person is recorded dead before the month — not
//    paid (41/2024/QH15 Art.74 ends the pension the month after death);
//  - unemployment_while_employed: unemployment benefit while the person is
//    in compulsory participation again (dues for the month or the one
//    before) — not paid (Employment Law 74/2025/QH15 Art.41; 38/2013/QH13
//    Art.53);
//  - shared_bank_account: one account receiving for two or more persons —
//    paid, flagged for an officer (Decision 166/QĐ-BHXH on payment via
//    personal accounts).
//
// ProcessDeaths reads a file of CCCDs with dates of death: each death is
// recorded on the person, every active benefit stops from the following
// month (end = the month of death), payments made for later months become
// an overpayment to recover, and a funeral case is prepared from the record
// for the survivors (the survivors' monthly or lump sum benefit needs their
// facts and is opened by an officer). The file is validated whole; one bad
// row rejects it with nothing applied.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/row_error.h"
#include "benefits/benefit_law.h"
#include "geo/geo.h"
#include "law/lawbook.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct PayrollFinding {
  std::string rule;      // paid_after_death | unemployment_while_employed | shared_bank_account | overpaid_on_revision
  int64_t beneficiary_id = 0;
  std::string cccd;
  Vnd amount = 0;        // the amount withheld or flagged
  bool withheld = false;
  std::string detail;    // Vietnamese
};

struct PayrollProvince {
  std::string province;
  int64_t paid = 0, cashless = 0;       // beneficiaries
  Vnd amount = 0, cashless_amount = 0;
  int64_t urban = 0, urban_cashless = 0;  // beneficiaries living in urban communes (commune_types)
};

struct PayrollStats {
  Month month;
  int64_t active = 0, paid = 0, withheld = 0, indexed = 0;
  Vnd total = 0;        // the months' own amounts and the back pay
  int64_t back_paid = 0;  // beneficiaries paid back pay
  Vnd back_pay = 0;       // of which back pay
  std::map<std::string, Vnd> by_fund;  // retirement, accident, unemployment, budget
  std::vector<PayrollProvince> provinces;
  std::vector<PayrollFinding> findings;  // at most 1000 returned; all are stored
  int64_t findings_total = 0;
  double load_seconds = 0, compute_seconds = 0, write_seconds = 0;
  std::string created_at, created_by;
};

// `law` gives the reference level of each month, which the survivors'
// monthly benefit follows (the decrees of indexation.csv raise pensions and
// monthly occupational benefits).
Result<PayrollStats> RunPayroll(Db& db, const LawBook& law, const BenefitLaw& bl, Month month, const Actor& actor);
Result<PayrollStats> GetPayroll(Db& db, Month month);

// Files of a payroll: the banks' transfer file (CSV), the cash points' lists
// (CSV) and the summary workbook (XLSX: by province, by fund, findings).
// `province` empty: all provinces.
Result<std::string> PayrollBankFile(Db& db, Month month, const std::string& province);
Result<std::string> PayrollCashList(Db& db, Month month, const std::string& province);
Result<std::string> PayrollXlsx(Db& db, Month month);

struct DeathsResult {
  bool accepted = false;
  int recorded = 0, already = 0, stopped = 0, cases_opened = 0;  // cases_opened: funeral grants
  int survivor_cases_opened = 0;
  Vnd overpaid = 0;
  std::vector<RowError> errors;
  std::vector<std::string> notes;  // per person, Vietnamese
};
Result<DeathsResult> ProcessDeaths(Db& db, const Geo& geo, const LawBook& law, const BenefitLaw& bl,
                                   const std::string& csv_text, const Actor& actor);

// commune_types: province,commune,type (urban | rural), from the official list.
struct CommuneTypesResult {
  int applied = 0;
  std::vector<RowError> errors;
};
Result<CommuneTypesResult> ImportCommuneTypes(Db& db, const std::string& csv_text, const Actor& actor);

}  // namespace bhxh
