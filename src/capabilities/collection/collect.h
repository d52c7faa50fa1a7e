// The monthly collection run (M3): what every employer owes for a month.
//
// Loads in bulk the periods covering the month (one query into compact
// columns), builds one RateCard per (participant group, wage region) and
// costs every worker with ApplyCard — the calculator's code — then replaces
// the month's dues (per worker, per fund and party) and per-employer totals
// in one transaction, with a run record citing the law and parameters.
// Employers suspended, dissolved or bankrupt on the month's first day and
// persons deceased before it owe nothing for the month. Re-running a month
// recomputes it (retroactive declarations are picked up); when the month had
// been run before and has ended, what changed for each employer is recorded
// as an adjustment of the current month (dues_adjustments; C12-TS B.4).
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "law/contribution.h"
#include "platform/audit/audit.h"
#include "store/db.h"

namespace bhxh {

struct CollectStats {
  int64_t run_id = 0;
  Month month;
  std::string law;
  int64_t workers = 0, employers = 0, skipped_employers = 0;
  Vnd total = 0;
  std::array<std::array<Vnd, kPartyCount>, kFundCount> by_fund_party{};
  std::vector<LawParam> params;                                     // union of the cards' parameters
  // A re-run of an ended month: the employers whose dues changed, the net
  // change, and the month (today's, Vietnam time) it is recorded in.
  int64_t adjusted_employers = 0;
  Vnd adjustment_net = 0;
  Month adjustment_month;
  double load_seconds = 0, compute_seconds = 0, write_seconds = 0;  // compute = cards; costing streams with the write
};

// `progress(done, total)` is called now and then during the write.
using Progress = std::function<void(int64_t, int64_t)>;

Result<CollectStats> RunCollection(Db& db, const LawBook& law, Month month, const Actor& actor,
                                   const Progress& progress = nullptr);

// Whether the run a shard's prepared dues belong to ("collect-<run id>",
// store/partitioned.h) was recorded on the coordinator: its dues are kept
// if so. The run settles what an earlier coordinator left prepared.
[[nodiscard]] Result<bool> CollectionRunRecorded(Db& db, const std::string& token);

}  // namespace bhxh
