// The worker several engine tests start from: employer 01A1 (province 01,
// wage region I) and a woman born 02/03/1966 (CCCD 001166012345) who joins
// it from 01/2025 on 10,000,000 a month.
#pragma once

#include "collection/declarations.h"
#include "registry/registry.h"
#include "testing/test_support.h"

namespace bhxh::testing {

constexpr const char* kWorkerCccd = "001166012345";

inline Status JoinTestWorker(Db& db, AppContext& ctx) {
  Registry reg(db, ctx.geo, ctx.law);
  BHXH_ASSIGN_OR_RETURN(
      Employer e, reg.RegisterEmployer({"01A1", "0101234567", "Công ty 01A1", "enterprise", "01", 1, "active", "2020-01-01"},
                                       TestOfficer()));
  (void)e;
  DeclarationRow r;
  r.action = "join";
  r.cccd = kWorkerCccd;
  r.effective_month = "2025-01";
  r.salary = "10000000";
  r.full_name = "Trần Thị Bình";
  r.dob = "1966-03-02";
  r.sex = "2";
  r.province = "01";
  BHXH_ASSIGN_OR_RETURN(DeclarationResult d, SubmitDeclaration(db, ctx.geo, ctx.law, {"01A1", "2025-01", "decl-1", {r}},
                                                               TestOfficer()));
  if (!d.accepted) return Status::Internal("the test worker's declaration was refused");
  return Status::Ok();
}

}  // namespace bhxh::testing
