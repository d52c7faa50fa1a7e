// JSON of the law's parameters and the contribution calculator, shared by
// every capability that cites the rules it applied.
#pragma once

#include "law/contribution.h"
#include "law/lawbook.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema LawParam();
Schema CalcRequest();
Schema CalcResult();
}  // namespace schemas

Json ToJson(const LawParam& p);
Json ToJson(const CalcResult& r);
// Reads a validated calculator request.
Result<CalcRequest> CalcRequestFromJson(const Json& j);

}  // namespace bhxh
