// Posting the fund journal from the engines that move money.
//
// Contract: PostSources(month) brings the journal in line with what the
// collection, the benefits payroll and the claims settlement hold for that
// month, idempotently. For each source the engine computes what the month
// should hold (the target lines), subtracts what is already posted for that
// source (including reversals), and posts the difference as one entry —
// nothing when they agree. Re-running the collection for a month therefore
// posts an adjustment, never an edit. Sources:
//   contributions  dues of the month by employer province and fund (the
//                  rates of the month, as the collection computed them);
//                  Dr receivable / Cr contribution revenue. Health dues are
//                  split between medical care and the reserve by the dated
//                  share hi.medical_share; voluntary participants' retirement
//                  dues go to the voluntary retirement fund.
//   payments       money received in the month, allocated as the collection
//                  ledger allocates it (oldest month first) and split over the
//                  funds in proportion to each month's dues; money not yet
//                  due waits in `unallocated` as an advance.
//   benefits       the payroll's payments by province and regime, charged to
//                  the fund of each regime (benefits/cases.h FundOfRegime);
//                  payments from the State budget are not a fund's and are
//                  counted, not posted.
//   hi_settlement  at a quarter's last month: approved HI costs of the
//                  quarter per facility province (claims/settlement.h) and
//                  the advances paid to facilities.
// The month's period must be open.
#pragma once

#include <map>
#include <tuple>

#include "funds/journal.h"
#include "law/lawbook.h"
#include "law/params.h"

namespace bhxh {

struct SourcePosting {
  std::string kind, ref;
  std::optional<int64_t> entry_id;  // empty: nothing to post (already in line)
  Vnd amount = 0;                   // total debits of the posted difference
  int lines = 0;
  std::string note_vi;
  double seconds = 0;  // computing and posting this source
};
struct SourcesResult {
  Month month;
  std::vector<SourcePosting> postings;
  Vnd budget_paid = 0;  // benefits paid for the State budget (not posted)
  double seconds = 0;
};

// Target lines of one source: (account, fund, province) → debit − credit.
using NetLines = std::map<std::tuple<std::string, std::string, std::string>, Vnd>;
// Posts target − already posted for (kind, ref) as one entry dated the
// month's last day ("ref", then "ref/2", "ref/3" for adjustments).
Result<SourcePosting> ReconcileSource(Db& db, const FundsCatalog& cat, const std::string& kind, const std::string& ref,
                                      const std::string& description, const NetLines& target, Month month,
                                      const Actor& actor);

Result<SourcesResult> PostSources(Db& db, const LawBook& law, const ParamTable& fund_params, const FundsCatalog& cat,
                                  Month month, const Actor& actor);

}  // namespace bhxh
