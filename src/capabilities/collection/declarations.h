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
  std::string action;  // join | leave | salary | suspend | resume
  // Or the D02-LT change code (TM, TD, TC, GH, KL, OF, TS, ON, DC: law/plan_codes.csv), which sets the
  // action; given both, they must agree.
  std::string plan;
  std::string cccd;
  std::string effective_month;  // YYYY-MM
  std::string salary;           // whole dong, for join and salary
  std::string group = "DN";     // participant group, for join
  std::string funds;            // for join; empty = every fund of the group's scheme
  // For a join of a person not yet registered:
  std::string full_name, dob, sex, si_number, province;
  // For a join: the registered first-contact facility (5 digits) the worker
  // chose, as the D02-LT form's column has it; empty = the facility of the
  // person's last card.
  std::string facility;
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
  int suspended = 0, resumed = 0;  // KL / OF / TS and ON of the D02-LT form
  std::vector<RowError> errors;
  // A join gives the worker an SI number (when the person has none) and an
  // HI card for the group (when none covers the effective month).
  struct IssuedCard {
    std::string cccd, si_number, card_code, valid_from, valid_to, facility;
  };
  std::vector<IssuedCard> cards;
  // A leave ("báo giảm") cuts the worker's cards of the period's group to
  // the last day of the last month contributed (portal code 124 after it);
  // a later join gives that card its reason: 121 another province, 122 the
  // same province, 123 the same employer.
  struct DecreasedCard {
    std::string cccd, card_code, valid_to, code;
  };
  std::vector<DecreasedCard> decreased;
  std::vector<std::string> warnings;  // joins accepted without a card, and why
};

// A join issues, in the declaration's transaction: the SI number (employer's
// province code + the next 8-digit number of that province; uncertain: VSS
// allocates numbers centrally) when the person has none, and the HI card of
// the group (code = group, benefit level, province, SI number; valid from
// the effective month for the dated `hi_card.valid_months`, data/law) when
// no active card covers the effective month. Without a facility (the row's
// or the last card's) the join stands and a warning says the card waits.
//
// Returns a Status only when the request cannot be processed at all
// (unknown employer, storage failure, forbidden); row problems come back in
// DeclarationResult::errors with accepted = false.
Result<DeclarationResult> SubmitDeclaration(Db& db, const Geo& geo, const LawBook& law, const Declaration& decl,
                                            const Actor& actor);

}  // namespace bhxh
