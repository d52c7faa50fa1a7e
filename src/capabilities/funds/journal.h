// The fund journal: double-entry accounts of every fund.
//
// Contract:
//  - The chart of accounts and the list of funds are data
//    (data/funds/accounts.csv, funds.csv).
//  - An entry has at least two lines; each line names an account, a fund and
//    a province ("" = national) and carries a debit or a credit, never both.
//    Debits equal credits within every fund of the entry (each fund is its
//    own accounting entity), so the whole journal always balances.
//  - Entries are never edited or deleted: the tables refuse UPDATE and
//    DELETE (store/migrations.h {APPEND_ONLY}); a correction is a reversal
//    (the same lines, sides swapped) plus a new entry. An entry is reversed
//    at most once.
//  - An entry belongs to the month of its date (its period); a closed period
//    accepts nothing, and a period once closed stays closed.
//  - Every entry names its source (kind and reference: a collection month, a
//    payroll, a settlement quarter, an investment, or "manual") and carries
//    an idempotency key: the same key with the same lines returns the stored
//    entry; with other lines it is a conflict. (kind, reference) is unique.
//  - Everything is written in one transaction: a refused entry stores nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/status.h"
#include "platform/audit/audit.h"
#include "store/db.h"

namespace bhxh {

struct AccountDef {
  std::string code, number, kind, normal, name_vi, name_en;  // kind: asset|liability|equity|revenue|expense
  bool debit_normal() const { return normal == "debit"; }
};
struct FundDef {
  std::string code, source_fund, name_vi, name_en, law;
};

class FundsCatalog {
 public:
  static Result<FundsCatalog> Load(const std::string& dir);
  const AccountDef* Account(const std::string& code) const;
  const FundDef* Fund(const std::string& code) const;
  const std::vector<AccountDef>& accounts() const { return accounts_; }
  const std::vector<FundDef>& funds() const { return funds_; }

 private:
  std::vector<AccountDef> accounts_;
  std::vector<FundDef> funds_;
};

struct PostingLine {
  std::string account, fund, province;
  Vnd debit = 0, credit = 0;
};

struct EntryInput {
  Date posted_on;
  std::string description;
  std::string source_kind = "manual";  // manual | contributions | payments | benefits | hi_settlement | investment | interest | reversal
  std::string source_ref;              // empty for manual: the idempotency key
  std::string idempotency_key;
  std::vector<PostingLine> lines;
};

struct Entry {
  int64_t id = 0;
  Date posted_on;
  Month period;
  std::string description, source_kind, source_ref;
  std::optional<int64_t> reverses, reversed_by;
  std::vector<PostingLine> lines;
  std::string created_at, created_by;
  bool replayed = false;
  Vnd Total() const;
};

// Field-named validation (accounts, funds, provinces, sides, balance per
// fund); nothing is read or written.
[[nodiscard]] Status ValidateEntry(const FundsCatalog& cat, const EntryInput& in);

Result<Entry> PostEntry(Db& db, const FundsCatalog& cat, const EntryInput& in, const Actor& actor);
// The reversal of entry `id` dated `on` (the same lines, sides swapped),
// validated — a reversal is not reversed, nor dated before its entry — and
// not stored. (A second reversal of the same
// entry is refused when stored.)
[[nodiscard]] Result<EntryInput> PrepareReversal(Db& db, const FundsCatalog& cat, int64_t id, Date on,
                                                 const std::string& reason, const std::string& idempotency_key);
// A reversal of entry `id` dated `on`, with its reason.
Result<Entry> ReverseEntry(Db& db, const FundsCatalog& cat, int64_t id, Date on, const std::string& reason,
                           const std::string& idempotency_key, const Actor& actor);
Result<Entry> GetEntry(Db& db, int64_t id);

struct EntryFilter {
  std::optional<Month> from, to;
  std::string fund, source_kind;
};
struct EntryPage {
  std::vector<Entry> items;
  int64_t total = 0;
};
Result<EntryPage> ListEntries(Db& db, const EntryFilter& f, int64_t limit, int64_t offset);

// Periods.
[[nodiscard]] Status RequireOpen(Db& db, Month period);
Status ClosePeriod(Db& db, Month period, const Actor& actor);
struct PeriodRow {
  Month period;
  std::string closed_at, closed_by;
};
Result<std::vector<PeriodRow>> ClosedPeriods(Db& db);

// A span of months: "2025-03", "2025-Q1" or "2025"; an error names the field.
struct Span {
  Month from, to;
  std::string label_vi;  // "tháng 03/2025", "quý I/2025", "năm 2025"
};
Result<Span> ParseSpan(const std::string& text, const std::string& field);

// Trial balance over a span: per account (and fund), debits, credits and
// the closing balance on the account's normal side; totals must agree.
struct TrialRow {
  std::string account, fund;
  Vnd opening = 0, debit = 0, credit = 0, closing = 0;  // opening/closing on the normal side
};
struct TrialBalance {
  Span span;
  std::string province;
  std::vector<TrialRow> rows;
  Vnd total_debit = 0, total_credit = 0;
  bool balanced() const { return total_debit == total_credit; }
};
Result<TrialBalance> ComputeTrialBalance(Db& db, const FundsCatalog& cat, const Span& span,
                                         const std::string& province);

// The statement of one fund (or all funds: fund ""): balance brought
// forward, revenue and expenditure by account, balance carried forward
// (assets less liabilities), by province or national.
struct StatementLine {
  std::string account, name_vi;
  Vnd amount = 0;
};
struct FundStatement {
  Span span;
  std::string fund, fund_name_vi, province;
  Vnd opening = 0, revenue = 0, expenditure = 0, closing = 0;
  std::vector<StatementLine> revenues, expenditures, assets, liabilities;
};
Result<FundStatement> ComputeStatement(Db& db, const FundsCatalog& cat, const std::string& fund, const Span& span,
                                       const std::string& province);
// The statements of every fund over the span, as a workbook (one sheet per fund and a summary).
Result<std::string> StatementsXlsx(Db& db, const FundsCatalog& cat, const Span& span, const std::string& province);

// Net balance of a fund (assets less liabilities) at the end of `month`.
struct FundBalance {
  std::string fund;
  Vnd balance = 0;
};
Result<FundBalance> FundBalanceAt(Db& db, const FundsCatalog& cat, const std::string& fund, Month month);

}  // namespace bhxh
