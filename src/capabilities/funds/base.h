// The starting population of the fund-balance model.
//
//  - NationalBase reads data/funds/base_national.csv: contributors and
//    pensioners by sex and age band (spread evenly over the band's ages),
//    their average wage / pension and years of contributions, the reserve
//    and the first projected year.
//  - BaseFromDb reads the same quantities from the national database as of
//    a month: contributors are the persons with retirement dues that month
//    (age, sex, contribution base; years of contributions = their months
//    with dues, to which a paper book's earlier years are not yet added);
//    pensioners are the active pension beneficiaries; the reserve is the
//    retirement fund's balance in the fund journal at the end of the month.
//    One pass over each table, aggregated in memory.
#pragma once

#include "base/date.h"
#include "funds/journal.h"
#include "funds/projection.h"
#include "store/db.h"

namespace bhxh {

Result<BasePopulation> NationalBase(const std::string& path);
Result<BasePopulation> BaseFromDb(Db& db, const FundsCatalog& cat, Month as_of);

}  // namespace bhxh
