// The collection's JSON: declarations, payments, bank statements, the
// monthly run, an employer's statement, the arrears report.
#pragma once

#include "collection/arrears.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/ledger.h"
#include "collection/payments.h"
#include "platform/jsonio/rows.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema Declaration();
Schema DeclarationResult();
Schema RowErrors();
Schema CollectStats();
Schema PaymentInput();
Schema PaymentResult();
Schema BankImportResult();
Schema Ledger();
Schema ArrearsReport();
}  // namespace schemas

Declaration DeclarationFromJson(const Json& j);
PaymentInput PaymentInputFromJson(const Json& j);
Json ToJson(const DeclarationResult& r);
Json ToJson(const CollectStats& s);
Json ToJson(const PaymentResult& r);
Json ToJson(const BankImportResult& r);
Json ToJson(const Ledger& l);
Json ToJson(const ArrearsReport& r);

}  // namespace bhxh
