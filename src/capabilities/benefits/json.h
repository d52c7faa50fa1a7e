// JSON of the benefits capability: the calculator's request and answer
// (the request's field names are the public contract of
// POST /calc/benefit and `bhxh calc benefit`), cases, beneficiaries and
// payrolls.
#pragma once

#include "benefits/calc.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema BenefitRequest();
Schema BenefitResult();
}  // namespace schemas

// Reads a request already validated against schemas::BenefitRequest(); the
// domain checks (overlaps, dates, ranges) are Validate()'s.
Result<BenefitRequest> BenefitRequestFromJson(const Json& j);
Json ToJson(const BenefitRequest& r);
Json ToJson(const BenefitResult& r);

}  // namespace bhxh
