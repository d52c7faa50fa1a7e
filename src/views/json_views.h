// JSON in and out for the two shells (HTTP API and CLI): parses request
// bodies into engine inputs — a wrong type or a missing field is a Status
// naming the field — and renders engine results. Keeping this in one place
// makes `bhxh ... --json` print exactly what the API answers.
#pragma once

#include <nlohmann/json.hpp>

#include "claims/alerts.h"
#include "claims/precheck.h"
#include "claims/review.h"
#include "claims/settlement.h"
#include "collection/arrears.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/payments.h"
#include "eligibility/card_index.h"
#include "history/book.h"
#include "law/contribution.h"
#include "registry/registry.h"

namespace bhxh {

using Json = nlohmann::json;

Result<Json> ParseJsonBody(std::string_view body);
Result<PersonInput> PersonFromJson(const Json& j);
Result<EmployerInput> EmployerFromJson(const Json& j);
Result<CardInput> CardFromJson(const Json& j);
Result<PeriodInput> PeriodFromJson(const Json& j);
Json ToJson(const Period& p);
Result<Declaration> DeclarationFromJson(const Json& j);
Result<PaymentInput> PaymentFromJson(const Json& j);
Result<CalcRequest> CalcRequestFromJson(const Json& j);

Json ErrorJson(const Status& s);
Json ToJson(const LawParam& p);
Json ToJson(const CalcResult& r);
Json ToJson(const Person& p);
Json ToJson(const Employer& e, Date on);
Json ToJson(const Card& c);
Json ToJson(const DeclarationResult& r);
Json ToJson(const RowError& e);
Json ToJson(const CollectStats& s);
Json ToJson(const PaymentResult& r);
Json ToJson(const BankImportResult& r);
Json ToJson(const Ledger& l);
Json ToJson(const ArrearsReport& r);
Json ToJson(const Book& b);
Json ToJson(const EligibilityAnswer& a);
Json ToJson(const CheckReport& r);
Json ToJson(const ReviewResult& r);
Json ToJson(const Settlement& s);
Json ToJson(const PublishedPrice& p);
Json ToJson(const ImportResult& r);
Json ToJson(const AlertRun& r);

}  // namespace bhxh
