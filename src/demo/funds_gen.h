// Demo fund accounts: the reserves brought forward at the start of the
// generated record (national figures scaled down to the demo province by
// its share of contributions), a few government bonds and bank deposits of
// the retirement fund, and every generated month posted from the engines
// (contributions, payments, payroll, HI settlement), with interest accrued
// and monthly management costs; the months before the last two are closed,
// and next year's estimate is prepared.
#pragma once

#include "funds/module.h"
#include "law/lawbook.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct FundsGenStats {
  int months = 0, entries = 0, investments = 0;
};

Result<FundsGenStats> GenerateFunds(Db& db, const LawBook& law, const FundsData& data, Month first, Month last,
                                    const std::string& province, const Actor& actor);

}  // namespace bhxh
