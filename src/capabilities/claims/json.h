// The claims' JSON. Amounts are whole dong: the claim's thousandths of a
// dong are rounded half up once, where they are shown.
#pragma once

#include "claims/alerts.h"
#include "claims/catalogue.h"
#include "claims/precheck.h"
#include "claims/review.h"
#include "claims/settlement.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema CheckReport();
Schema ReviewResult();
Schema Settlement();
Schema PublishedPrice();
Schema ImportResult();
Schema AlertRun();
}  // namespace schemas

// Thousandths of a dong → whole dong, half up.
int64_t DongOf(int64_t milli);
Json ToJson(const CheckReport& r);
Json ToJson(const ReviewResult& r);
Json ToJson(const Settlement& s);
Json ToJson(const PublishedPrice& p);
Json ToJson(const ImportResult& r);
Json ToJson(const AlertRun& r);

}  // namespace bhxh
