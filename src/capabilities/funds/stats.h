// The statistical tables of a year (M15; 88/QĐ-BHXH task 4.3): who takes
// part in each fund (by province), who draws a benefit (by regime), and the
// revenue, expenditure and balance of every fund — from the collection's
// dues, the benefits register and the fund journal, so the tables agree
// with the records they summarise.
//
// Participants are those with dues to the fund in the year's last month
// that has dues (December, or the latest month before it); a person with
// two employers counts once per fund. Beneficiaries are the register's
// active monthly benefits at the end of that month.
#pragma once

#include "funds/journal.h"

namespace bhxh {

struct FundPersons {
  std::string province;
  int64_t retirement = 0, sickness = 0, accident = 0, unemployment = 0, health = 0;
};
struct RegimeRow {
  std::string regime, name_vi;
  int64_t persons = 0;
  Vnd monthly = 0;
};
struct YearStatistics {
  int year = 0;
  std::optional<Month> month;           // the month the counts describe
  FundPersons national;
  std::vector<FundPersons> by_province;
  std::vector<RegimeRow> beneficiaries;
  std::vector<FundStatement> finances;  // one per fund, the whole year
};

Result<YearStatistics> ComputeStatistics(Db& db, const FundsCatalog& cat, int year, const std::string& province);
Result<std::string> StatisticsXlsx(const YearStatistics& s, const FundsCatalog& cat);

}  // namespace bhxh
