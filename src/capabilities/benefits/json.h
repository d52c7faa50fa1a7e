// JSON of the benefits capability: the calculator's request and answer
// (the request's field names are the public contract of
// POST /calc/benefit and `bhxh calc benefit`), cases, beneficiaries and
// payrolls.
#pragma once

#include "benefits/calc.h"
#include "benefits/cases.h"
#include "benefits/payroll.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema BenefitRequest();
Schema BenefitResult();
Schema CaseInput();
Schema Case();
Schema RecordRequest();
Schema Beneficiary();
Schema Payroll();
Schema DeathsResult();
}  // namespace schemas

// Reads a request already validated against schemas::BenefitRequest(); the
// domain checks (overlaps, dates, ranges) are Validate()'s.
Result<BenefitRequest> BenefitRequestFromJson(const Json& j);
Json ToJson(const BenefitRequest& r);
Json ToJson(const BenefitResult& r);
CaseInput CaseInputFromJson(const Json& j);
Json ToJson(const CaseView& c);
Json ToJson(const RecordRequest& r);
Json ToJson(const BeneficiaryView& b);
Json ToJson(const PayrollStats& p);
Json ToJson(const DeathsResult& d);

}  // namespace bhxh
