// The cross-match of participant development (M4): the tax authority's wage
// data and the business register against the national record, over compact
// columns loaded in bulk (Law 41/2024/QH15 Art. 17.2–3 and Art. 30 give VSS
// both sources for exactly this).
//
// Three kinds of finding, each with its evidence:
//   unregistered   — a business that pays wages (tax data) or is active in
//                    the register with declared workers, and has no SI
//                    registration; with the days past the registration
//                    deadline (Art. 28: 30 days; Art. 38–39: late for 60 more
//                    days, then evasion) when the register dates it.
//   under_declared — an SI employer with fewer workers or a smaller wage fund
//                    in SI than in the tax data for the year: the people
//                    (by CCCD, when the tax data lists them) and the money.
// The contributions at stake are the gap in wages × the compulsory rates of
// both parties in force at the end of the year; for an unregistered business
// known only from the register, its declared labour × the lowest regional
// minimum wage × 12 months × the same rates (a floor, said as such).
//
// CrossMatch is a pure function (benchmarked against the same match in
// SQL); the store reads and writes are in development.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"

namespace bhxh {

// Strings kept end to end in one buffer (millions of names without millions
// of allocations).
class StringColumn {
 public:
  void Add(std::string_view s) {
    data_.append(s);
    end_.push_back(data_.size());
  }
  std::string_view operator[](size_t i) const {
    size_t b = i == 0 ? 0 : end_[i - 1];
    return std::string_view(data_).substr(b, end_[i] - b);
  }
  size_t size() const { return end_.size(); }
  void Reserve(size_t n, size_t bytes) {
    end_.reserve(n);
    data_.reserve(bytes);
  }

 private:
  std::string data_;
  std::vector<size_t> end_;
};

struct MatchColumns {
  // Employers of the national record.
  StringColumn si_tax_code, si_code, si_name, si_province;
  // Work with an SI employer in the year: one row per period, with the
  // wages declared for the months of the year it covers.
  std::vector<uint32_t> eng_employer;
  std::vector<uint64_t> eng_cccd;
  std::vector<int64_t> eng_wage;
  // The tax authority's employers of the year.
  StringColumn tx_tax_code, tx_name, tx_province;
  std::vector<int64_t> tx_workers, tx_wage;
  // Its workers with income from each employer (optional).
  std::vector<uint32_t> tw_employer;  // index into tx_*
  std::vector<uint64_t> tw_cccd;
  std::vector<int64_t> tw_income;
  // The business register.
  StringColumn br_tax_code, br_name, br_province, br_commune;
  std::vector<int32_t> br_registered;  // days since 1970-01-01
  std::vector<uint8_t> br_active;
  std::vector<int64_t> br_labour;
};

struct MatchParams {
  int year = 0;
  Date as_of;
  int registration_days = 30;    // Law 41/2024 Art. 28
  int late_days = 60;            // Art. 38–39: late, then evasion
  int new_business_days = 365;   // "newly registered"
  RateMicro rate = 0;            // employer + employee compulsory rates
  RateMicro wage_tolerance = 0;  // a wage gap below this share of the tax wage is not a finding
  Vnd floor_wage = 0;            // lowest regional minimum wage, for register-only estimates
};

enum class FindingKind : uint8_t { kUnregistered, kUnderDeclared };
const char* FindingKindCode(FindingKind k);

struct MatchFinding {
  FindingKind kind;
  int32_t si = -1, tx = -1, br = -1;  // rows in the columns (-1: absent)
  int64_t tax_workers = 0, si_workers = 0, gap_people = 0;
  Vnd tax_wage = 0, si_wage = 0, gap_wage = 0, missing_income = 0, at_stake = 0;
  int32_t days_past_deadline = -1;  // -1: not dated by the register
  bool new_business = false;
  bool estimated = false;               // at stake from the register's declared labour
  std::vector<uint32_t> missing;        // rows of tw_* not found in SI
};

// CCCD text → number (0 when not 12 digits).
uint64_t CccdNumber(std::string_view cccd);

// Findings, most contributions at stake first.
std::vector<MatchFinding> CrossMatch(const MatchColumns& c, const MatchParams& p);

}  // namespace bhxh
