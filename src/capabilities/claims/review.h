// Claim review at VSS (issue #4 §1-2): a facility's envelope is parsed,
// pre-checked, then checked against the national database (the card
// index: card exists, valid on admission, level, name, date of birth, sex,
// registered facility) and the facility's approved lists (drug bid prices
// and packages, service prices and groups), and against claims already
// stored (the same visit under another MA_LK; overlapping inpatient stays).
//
// Every line ends with claimed, approved and rejected amounts (fund share,
// thousandths of a dong) and its reasons: a rejecting finding on the line
// or on the whole encounter rejects the line; a price above the approved
// one rejects only the fund's share of the excess. Results are stored in
// one transaction. Sending an encounter (facility, MA_LK) again stores a
// new version and retires the old one, so history is kept and only the
// current version is ever settled. The idempotency key makes a retried
// submission return the first answer.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "claims/catalogue.h"
#include "claims/precheck.h"
#include "eligibility/card_index.h"
#include "platform/audit/audit.h"

namespace bhxh {

struct LineOutcome {
  std::string table, stt, code, group;
  int64_t quantity = 0, unit_price = 0, claimed = 0, approved = 0, rejected = 0;
  std::optional<int64_t> ordered_at;  // NGAY_YL, minutes since 1970
  std::vector<std::string> reasons;
};

struct ReviewedEncounter {
  EncounterReport report;
  std::vector<LineOutcome> lines;
  int64_t claimed = 0, approved = 0, rejected = 0;
  int version = 0;  // set when stored
  int64_t claim_id = 0;
};

struct ReviewResult {
  bool replayed = false;
  std::string txn, received_at, facility;
  std::vector<ReviewedEncounter> encounters;
  std::vector<EnvelopeError> errors;
};

struct ReviewDeps {
  const ClaimSchema& schema;
  const LawBook& law;
  const CardIndex& cards;
  const Catalogue& catalogue;
};

// Reviews and stores. Errors (Status): unreadable envelope, missing key,
// a facility account sending for another facility, storage failure.
Result<ReviewResult> SubmitClaims(Db& db, const ReviewDeps& deps, std::string_view envelope_xml,
                                  const std::string& idempotency_key, const Actor& actor);

// The same in two stages, so a batch can overlap them on two cores:
// PrepareReview needs no store (parse, pre-check, card and catalogue
// rules); CommitReview checks against stored claims, settles the amounts
// and stores, in one transaction. Commit prepared envelopes in order.
struct PreparedReview {
  std::string key;
  ReviewResult result;
  std::vector<Encounter> encounters;
};
Result<PreparedReview> PrepareReview(const ReviewDeps& deps, std::string_view envelope_xml,
                                     const std::string& idempotency_key, const Actor& actor);
// The same, parsing the given text in place.
Result<PreparedReview> PrepareReviewInPlace(const ReviewDeps& deps, std::string&& envelope_xml,
                                            const std::string& idempotency_key, const Actor& actor);
Result<ReviewResult> CommitReview(Db& db, const ReviewDeps& deps, PreparedReview prepared, const Actor& actor);

// Claims that a submission prepared on a shard (store/partitioned.h) and
// whose coordinator died before settling them: committed if the submission
// is recorded on the coordinator, rolled back if not and older than ten
// minutes. CommitReview calls it at most once per `every` in a process;
// `every` zero settles now. Returns how many were settled.
Result<int> SettleLeftClaims(Db& db, std::chrono::seconds every);

// The catalogue rule for one line (exposed for tests).
void CatalogueRuleForTest(const ReviewDeps& deps, EncounterReport& rep, const std::string& facility, const Record& r,
                          LineOutcome& line);

// Submits envelope files, preparing the next ones on other threads while
// the current one is stored. Each file's key is its content's SHA-256, so a
// file sent twice is applied once. `on_done` sees each result, in the
// files' order, on the calling thread. On PostgreSQL, outside a caller's
// transaction, envelopes are stored through BulkWriteConnections()
// connections at once (store/partitioned.h), each facility's always through
// the same one, so a facility's envelopes are stored in the files' order
// (its versions) while different facilities' go side by side, as they do
// when facilities send through the API. Each envelope is its own
// transaction: after a failure the batch stops and returns the first
// failure in the files' order; envelopes stored before it (and any other
// facility's stored meanwhile) stay stored, and sending the batch again
// applies only the rest.
Status SubmitFiles(Db& db, const ReviewDeps& deps, const std::vector<std::string>& files, const Actor& actor,
                   const std::function<void(const std::string&, const ReviewResult&)>& on_done);

}  // namespace bhxh
