// The claims' JSON. Amounts are whole dong: the claim's thousandths of a
// dong are rounded half up once, where they are shown.
#pragma once

#include "claims/alerts.h"
#include "claims/catalogue.h"
#include "claims/lookup.h"
#include "claims/precheck.h"
#include "claims/review.h"
#include "claims/settlement.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema CheckReport();
Schema ReviewResult();
Schema Settlement();
Schema Advance();
Schema PublishedPrice();
Schema ImportResult();
Schema AlertRun();
Schema SubmissionSummary();
Schema ClaimVersion();
}  // namespace schemas

// Thousandths of a dong → whole dong, half up.
int64_t DongOf(int64_t milli);
Json ToJson(const CheckReport& r);
Json ToJson(const ReviewResult& r);
Json ToJson(const Settlement& s);
Json ToJson(const Advance& a);
Json ToJson(const PublishedPrice& p);
Json ToJson(const ImportResult& r);
Json ToJson(const AlertRun& r);
Json ToJson(const SubmissionSummary& s);
Json ToJson(const ClaimVersion& v);
// One reviewed encounter: amounts, findings, lines.
Json ToJson(const ReviewedEncounter& e);

}  // namespace bhxh
