// Deterministic demo data for one province, shaped by the national
// statistics of si-rules.md §3: an age/sex pyramid, about 40% of the
// working-age population in compulsory SI, about 93% HI coverage, employer
// sizes with a long tail, salaries around the regional minimums, employers
// of every type with a share of cooperatives (some suspended or dissolved),
// some employers paying late or not at all, a few deaths.
//
// The same seed and options give the same rows on every machine (SplitMix64,
// no std:: distributions). Registry rows are written in bulk; dues come from
// the real collection engine month by month; payments follow each
// employer's behaviour class from those dues.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "collection/collect.h"
#include "geo/geo.h"
#include "store/db.h"

namespace bhxh {

struct GenOptions {
  uint64_t seed = 1;
  int64_t persons = 30000;
  std::string province = "01";  // code of the demo province (as of the start month)
  Month start = Month::Of(2023, 1);
  Month end = Month::Of(2026, 10);  // last month collected
  bool collect = true;              // run collection and generate payments
};

struct GenStats {
  int64_t persons = 0, employers = 0, periods = 0, cards = 0, payments = 0, workers = 0;
  int64_t cooperatives = 0, months_collected = 0;
};

// Stable pseudo-random numbers (SplitMix64).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next();
  double Uniform();                       // [0, 1)
  int64_t Range(int64_t lo, int64_t hi);  // inclusive
  bool Chance(double p) { return Uniform() < p; }

 private:
  uint64_t s_;
};

Result<GenStats> Generate(Db& db, const Geo& geo, const LawBook& law, const GenOptions& opt, const Actor& actor,
                          const std::function<void(const std::string&, int64_t, int64_t)>& progress = nullptr);

// A late raise, as employers declare them: `employer_code` declares today
// that its first worker's salary rose 10% from the month before
// `last_run`; both months are run again, and what changed is recorded in
// today's month (C12-TS B.4). Nothing is done when `last_run` is not yet
// over or the employer has no worker since then.
struct RetroRaise {
  std::string cccd;
  Month from, recorded;
  Vnd net = 0;  // the dues' change over the two months
};
Result<std::optional<RetroRaise>> GenerateRetroactiveRaise(Db& db, const Geo& geo, const LawBook& law,
                                                            const std::string& employer_code, Month last_run,
                                                            const Actor& actor);

}  // namespace bhxh
