// Employer monthly declarations (M3): workers joining, leaving and salary
// changes, each with its effective month.
//
// SubmitDeclaration validates every row and reports every problem (row,
// field, rule) rather than the first; it then applies the rows in order
// inside one transaction, where rows that conflict with stored periods are
// reported the same way. Any problem rolls everything back. The
// idempotency key makes a retry return the first answer without applying
// the rows twice.
#pragma once

#include <string>
#include <vector>

#include "base/row_error.h"
#include "law/lawbook.h"
#include "registry/registry.h"
#include "store/db.h"

namespace bhxh {

struct DeclarationRow {
  std::string action;  // join | leave | salary
  std::string cccd;
  std::string effective_month;  // YYYY-MM
  std::string salary;           // whole dong, for join and salary
  std::string group = "DN";     // participant group, for join
  std::string funds;            // for join; empty = every fund of the group's scheme
  // For a join of a person not yet registered:
  std::string full_name, dob, sex, si_number, province;
};

struct Declaration {
  std::string employer_code;
  std::string month;  // the declaration period, YYYY-MM
  std::string idempotency_key;
  std::vector<DeclarationRow> rows;
};

struct DeclarationResult {
  bool accepted = false;
  bool replayed = false;  // same idempotency key seen before: nothing applied now
  int64_t declaration_id = 0;
  int joined = 0, left = 0, salary_changes = 0, persons_registered = 0;
  std::vector<RowError> errors;
};

// Returns a Status only when the request cannot be processed at all
// (unknown employer, storage failure, forbidden); row problems come back in
// DeclarationResult::errors with accepted = false.
Result<DeclarationResult> SubmitDeclaration(Db& db, const Geo& geo, const LawBook& law, const Declaration& decl,
                                            const Actor& actor);

}  // namespace bhxh
