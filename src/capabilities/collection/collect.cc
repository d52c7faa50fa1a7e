#include "collection/collect.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/parse.h"
#include "store/partitioned.h"

namespace bhxh {
namespace {

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Periods covering the month, as columns.
struct PeriodColumns {
  std::vector<int64_t> id, person, employer;
  std::vector<Vnd> salary;
  std::vector<uint8_t> funds;
  std::vector<uint16_t> group;  // index into group_codes
  std::vector<std::string> group_codes;
};

struct EmployerInfo {
  int region = 0;
  bool owes = true;            // active on the month's first day
  std::string province;        // where its dues are kept (the partition on PostgreSQL)
  BulkWriter* dues = nullptr;  // the writer of its province's partition, once asked for
  uint16_t slot = 0;           // its province, numbered for grouping rows
};

// The C12-TS column of a fund: BHXH (retirement and survivors, sickness and
// maternity), BHYT, BHTN, BHTNLĐ-BNN.
int C12Group(Fund f) {
  switch (f) {
    case Fund::kRetirement:
    case Fund::kSickness:
      return 0;
    case Fund::kHealth:
      return 1;
    case Fund::kUnemployment:
      return 2;
    case Fund::kAccident:
      return 3;
  }
  return 0;
}

}  // namespace

Result<bool> CollectionRunRecorded(Db& db, const std::string& token) {
  return RecordedAs(db, "collect", "SELECT COUNT(*) FROM collection_runs WHERE id = ?")(token);
}

Result<CollectStats> RunCollection(Db& db, const LawBook& law, Month month, const Actor& actor,
                                   const Progress& progress) {
  CollectStats stats;
  stats.month = month;
  auto t0 = Clock::now();
  std::string first_day = month.FirstDay().ToString();

  // Employers with region and status on the first day.
  std::unordered_map<int64_t, EmployerInfo> employers;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, region, province FROM employers"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      employers[st->Int(0)] = {static_cast<int>(st->Int(1)), true, st->Text(2)};
    }
    BHXH_ASSIGN_OR_RETURN(auto hs, db.Prepare("SELECT employer_id, status FROM employer_status WHERE effective_from <= "
                                              "? ORDER BY employer_id, effective_from"));
    hs->Bind(first_day);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, hs->Step());
      if (!row) break;
      auto it = employers.find(hs->Int(0));
      if (it != employers.end()) it->second.owes = hs->Text(1) == "active";  // last row wins
    }
  }

  // Persons deceased before the month: a small set, read through a partial
  // index rather than probed once per period row.
  std::unordered_set<int64_t> deceased;
  {
    BHXH_ASSIGN_OR_RETURN(auto st,
                          db.Prepare("SELECT id FROM persons WHERE deceased_on IS NOT NULL AND deceased_on < ?"));
    st->Bind(first_day);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      deceased.insert(st->Int(0));
    }
  }
  PeriodColumns pc;
  {
    // Streamed (Db::Stream): put in columns as the server sends the rows.
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Stream(
            "SELECT p.id, p.person_id, p.employer_id, p.salary, p.funds, p.group_code FROM periods p "
            "WHERE p.employer_id IS NOT NULL AND p.from_month <= ? AND (p.to_month IS NULL OR p.to_month >= ?)"));
    st->Bind(month.index(), month.index());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      if (deceased.count(st->Int(1))) continue;
      pc.id.push_back(st->Int(0));
      pc.person.push_back(st->Int(1));
      pc.employer.push_back(st->Int(2));
      pc.salary.push_back(st->Int(3));
      pc.funds.push_back(static_cast<uint8_t>(st->Int(4)));
      // A handful of groups: found by a look along the list.
      const std::string_view g = st->View(5);
      size_t k = 0;
      while (k < pc.group_codes.size() && pc.group_codes[k] != g) ++k;
      if (k == pc.group_codes.size()) pc.group_codes.emplace_back(g);
      pc.group.push_back(static_cast<uint16_t>(k));
    }
  }
  stats.load_seconds = Since(t0);
  auto t1 = Clock::now();

  // One card per (group, region).
  std::map<std::pair<uint16_t, int>, RateCard> cards;
  auto card_for = [&](uint16_t g, int region) -> Result<const RateCard*> {
    auto key = std::make_pair(g, region);
    auto it = cards.find(key);
    if (it != cards.end()) return &it->second;
    BHXH_ASSIGN_OR_RETURN(GroupRule rule, law.Group(pc.group_codes[g], month.FirstDay()));
    if (rule.scheme.empty())
      return Status::Invalid("group", "Đối tượng " + rule.group + " không có chế độ đóng",
                             "group " + rule.group + " has no contribution scheme");
    BHXH_ASSIGN_OR_RETURN(RateCard c, BuildRateCard(law, rule.scheme, month, region));
    return &cards.emplace(key, std::move(c)).first->second;
  };

  size_t n = pc.id.size();
  // Resolve every row's card first (a missing parameter fails the run before
  // anything is written); the costing itself streams into the writer below,
  // so no per-worker result is ever held in memory.
  std::vector<const RateCard*> row_card(n, nullptr);
  std::unordered_set<int64_t> skipped;
  for (size_t i = 0; i < n; ++i) {
    auto e = employers.find(pc.employer[i]);
    if (e == employers.end()) continue;
    if (!e->second.owes) {
      skipped.insert(pc.employer[i]);
      continue;
    }
    BHXH_ASSIGN_OR_RETURN(row_card[i], card_for(pc.group[i], e->second.region));
  }
  stats.skipped_employers = static_cast<int64_t>(skipped.size());
  for (const auto& [k, c] : cards) {
    stats.law = c.law;
    for (const auto& p : c.params) CiteOnce(stats.params, p);
  }
  if (stats.law.empty()) {
    BHXH_ASSIGN_OR_RETURN(LawParam l, law.Param("si_law", month.FirstDay()));
    stats.law = l.value;
  }
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : stats.params)
    params.push_back(
        {{"key", p.key}, {"effective_from", p.effective_from.ToString()}, {"value", p.value}, {"law", p.law}});
  stats.compute_seconds = Since(t1);
  auto t2 = Clock::now();

  // Dues on shards (store/partitioned.h) that a coordinator which died
  // while committing left prepared: kept if their run was recorded here.
  BHXH_ASSIGN_OR_RETURN(int settled, ResolvePrepared(db, "dues", [&db](const std::string& token) {
                          return CollectionRunRecorded(db, token);
                        }));
  (void)settled;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  // The month as an earlier run left it, when it had one and has ended:
  // its change is an adjustment recorded in the month of today (C12-TS
  // B.4). A first run, or a run of the current month, changes nothing
  // already notified.
  struct Before {
    int64_t workers = 0;
    std::array<Vnd, 4> due{};
    Vnd amount = 0;
  };
  std::unordered_map<int64_t, Before> before;
  const Month today = Month::OfDate(Date::Today());
  bool adjusts = false;
  if (month < today) {
    BHXH_ASSIGN_OR_RETURN(auto ran, db.Prepare("SELECT COUNT(*) FROM collection_runs WHERE month = ?"));
    ran->Bind(month.index());
    BHXH_ASSIGN_OR_RETURN(bool row, ran->Step());
    adjusts = row && ran->Int(0) > 0;
  }
  if (adjusts) {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT employer_id, workers, bhxh_due, bhyt_due, bhtn_due, bhtnld_due, amount "
                                              "FROM employer_dues WHERE month = ?"));
    st->Bind(month.index());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      Before& b = before[st->Int(0)];
      b.workers = st->Int(1);
      for (int k = 0; k < 4; ++k) b.due[static_cast<size_t>(k)] = st->Int(2 + k);
      b.amount = st->Int(6);
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto d2, db.Prepare("DELETE FROM employer_dues WHERE month = ?"));
    BHXH_RETURN_IF_ERROR(d2->Bind(month.index()).Run());
    BHXH_ASSIGN_OR_RETURN(
        auto run,
        db.Prepare(
            "INSERT INTO collection_runs (month, law, workers, employers, total, params, created_at, created_by) "
            "VALUES (?,?,0,0,0,?,?,?) RETURNING id"));
    run->Bind(month.index(), stats.law, params.dump(), NowIsoUtc(), actor.id);
    BHXH_ASSIGN_OR_RETURN(bool got, run->Step());
    if (!got) return Status::Internal("insert run returned no id");
    stats.run_id = run->Int(0);
  }
  // Per employer: workers, the amount, and by C12 fund group (BHXH =
  // retirement + sickness, BHYT, BHTN, BHTNLĐ-BNN) the employer's and the
  // worker's dues and the wage bases.
  struct EmployerMonth {
    int64_t workers = 0;
    Vnd amount = 0;
    std::array<Vnd, 4> due{}, base{};
  };
  std::unordered_map<int64_t, EmployerMonth> per_employer;
  {
    std::vector<std::string> cols = {"month", "employer_id", "person_id", "period_id", "run_id", "group_code"};
    for (int f = 0; f < kFundCount; ++f) {
      std::string code = FundCode(static_cast<Fund>(f));
      cols.push_back(code + "_base");
      cols.push_back(code + "_er");
      cols.push_back(code + "_ee");
    }
    cols.push_back("total");
    cols.push_back("province");
    // Each province's dues go to the server holding its partition; the
    // month's earlier run is deleted there first. The coordinator's own
    // partitions are dealt among several connections by their rows this
    // month (store/partitioned.h: one server backend per connection).
    BHXH_ASSIGN_OR_RETURN(int connections, BulkWriteConnections());
    WriteOptions spread{.connections = connections};
    for (size_t i = 0; i < n; ++i)
      if (row_card[i]) ++spread.rows_by_key[employers.find(pc.employer[i])->second.province];
    BHXH_ASSIGN_OR_RETURN(auto dues, PartitionedWrite::Open(db, "dues", cols, "collect-" + std::to_string(stats.run_id),
                                                            std::move(spread)));
    BHXH_RETURN_IF_ERROR(dues->DeleteWhere("month", month.index()));
    // Rows go out grouped by province within chunks of 64k: COPY into a
    // table partitioned by province batches rows per partition but keeps
    // at most 32 partitions' batches open, so rows alternating between 35
    // partitions went in small batches (1M rows: 5.7 s, grouped 4.3 s);
    // chunks keep every shard busy at once, which a global sort would not.
    uint16_t slots = 0;
    {
      std::unordered_map<std::string, uint16_t> by_code;
      for (auto& [id, e] : employers) {
        auto [it, added] = by_code.emplace(e.province, slots);
        if (added) ++slots;
        e.slot = it->second;
      }
    }
    constexpr size_t kChunk = size_t{1} << 16;
    std::vector<uint32_t> count(size_t{slots} + 1), order;
    std::vector<EmployerInfo*> who(kChunk);
    for (size_t s = 0; s < n; s += kChunk) {
      const size_t e = std::min(n, s + kChunk);
      std::fill(count.begin(), count.end(), 0);
      for (size_t i = s; i < e; ++i) {
        // present: row_card is set only for known employers
        who[i - s] = row_card[i] ? &employers.find(pc.employer[i])->second : nullptr;
        if (who[i - s]) ++count[who[i - s]->slot + 1];
      }
      for (size_t k = 1; k <= slots; ++k) count[k] += count[k - 1];
      order.resize(count[slots]);
      for (size_t i = s; i < e; ++i)
        if (EmployerInfo* ep = who[i - s]) order[count[ep->slot]++] = static_cast<uint32_t>(i);
      for (uint32_t i : order) {
        EmployerInfo& ei = *who[i - s];
        if (!ei.dues) {
          BHXH_ASSIGN_OR_RETURN(ei.dues, dues->For(ei.province));
        }
        BulkWriter* w = ei.dues;
        Breakdown b = ApplyCard(*row_card[i], pc.salary[i], pc.funds[i]);
        auto& agg = per_employer[pc.employer[i]];
        agg.workers += 1;
        agg.amount += b.total;
        for (int f = 0; f < kFundCount; ++f) {
          int g = C12Group(static_cast<Fund>(f));
          const FundLine& l = b.lines[f];
          agg.due[g] += l.amount[static_cast<int>(Party::kEmployer)] + l.amount[static_cast<int>(Party::kEmployee)];
          if (f != static_cast<int>(Fund::kSickness)) agg.base[g] += l.base;  // BHXH's base is retirement's
        }
        stats.total += b.total;
        for (int f = 0; f < kFundCount; ++f)
          for (int p = 0; p < kPartyCount; ++p) stats.by_fund_party[f][p] += b.lines[f].amount[p];
        ++stats.workers;
        w->Int(month.index());
        w->Int(pc.employer[i]);
        w->Int(pc.person[i]);
        w->Int(pc.id[i]);
        w->Int(stats.run_id);
        w->Text(pc.group_codes[pc.group[i]]);
        for (int f = 0; f < kFundCount; ++f) {
          const FundLine& l = b.lines[f];
          w->Int(l.base);
          w->Int(l.amount[static_cast<int>(Party::kEmployer)]);
          w->Int(l.amount[static_cast<int>(Party::kEmployee)]);
        }
        w->Int(b.total);
        w->Text(ei.province);
        BHXH_RETURN_IF_ERROR(w->EndRow());
        if (progress && (stats.workers % 100000 == 0)) progress(stats.workers, static_cast<int64_t>(n));
      }
    }
    BHXH_RETURN_IF_ERROR(dues->Finish());
    BHXH_ASSIGN_OR_RETURN(
        auto ew, db.Bulk("employer_dues",
                         {"month", "employer_id", "run_id", "workers", "amount", "bhxh_due", "bhyt_due", "bhtn_due",
                          "bhtnld_due", "retirement_base", "health_base", "unemployment_base", "accident_base"}));
    for (const auto& [emp, agg] : per_employer) {
      ew->Int(month.index());
      ew->Int(emp);
      ew->Int(stats.run_id);
      ew->Int(agg.workers);
      ew->Int(agg.amount);
      for (Vnd v : agg.due) ew->Int(v);
      for (Vnd v : agg.base) ew->Int(v);
      BHXH_RETURN_IF_ERROR(ew->EndRow());
    }
    BHXH_RETURN_IF_ERROR(ew->Finish());
  }
  stats.employers = static_cast<int64_t>(per_employer.size());
  if (adjusts) {
    stats.adjustment_month = today;
    for (const auto& [emp, agg] : per_employer) before.try_emplace(emp);  // every employer, before or after
    std::vector<int64_t> ids;
    ids.reserve(before.size());
    for (const auto& [emp, b] : before) ids.push_back(emp);
    std::sort(ids.begin(), ids.end());
    BHXH_ASSIGN_OR_RETURN(
        auto ins, db.Prepare("INSERT INTO dues_adjustments (employer_id, for_month, recorded_month, run_id, workers_before, "
                             "workers_after, bhxh, bhyt, bhtn, bhtnld, amount, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    const std::string now = NowIsoUtc();
    for (int64_t emp : ids) {
      const Before& b = before[emp];
      auto it = per_employer.find(emp);
      const EmployerMonth after = it != per_employer.end() ? it->second : EmployerMonth{};
      std::array<Vnd, 4> d{};
      bool changed = after.amount != b.amount;
      for (size_t k = 0; k < 4; ++k) {
        d[k] = after.due[k] - b.due[k];
        changed = changed || d[k] != 0;
      }
      if (!changed) continue;
      ins->Reset();
      ins->Bind(emp, month.index(), today.index(), stats.run_id, b.workers, after.workers, d[0], d[1], d[2], d[3],
                after.amount - b.amount, now);
      BHXH_RETURN_IF_ERROR(ins->Run());
      ++stats.adjusted_employers;
      stats.adjustment_net += after.amount - b.amount;
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto up,
                          db.Prepare("UPDATE collection_runs SET workers = ?, employers = ?, total = ? WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(up->Bind(stats.workers, stats.employers, stats.total, stats.run_id).Run());
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "collect", "month", month.ToString(),
                                  "run " + std::to_string(stats.run_id) + ": " + std::to_string(stats.workers) +
                                      " workers, total " + std::to_string(stats.total)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  if (progress) progress(stats.workers, stats.workers);
  stats.write_seconds = Since(t2);
  return stats;
}

}  // namespace bhxh
