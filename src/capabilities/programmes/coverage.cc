#include "programmes/coverage.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "base/text.h"
#include "law/contribution.h"
#include "platform/audit/audit.h"

namespace bhxh {
namespace {

enum : uint8_t { kInScope = 1, kHi = 2, kSi = 4, kUi = 8, kVoluntary = 16 };

uint8_t ProvinceIndex(std::string_view p) {
  return p.size() == 2 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9'
             ? static_cast<uint8_t>((p[0] - '0') * 10 + (p[1] - '0'))
             : 0;
}

// The three sequential reads: one byte of flags per person id; with
// `province`, also each person's residence code as a number (0-99).
Status Flags(Db& db, Date day, const std::string& in, std::vector<uint8_t>* flags, std::vector<uint8_t>* province) {
  BHXH_ASSIGN_OR_RETURN(int64_t max_id, db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM persons"));
  flags->assign(static_cast<size_t>(max_id) + 1, 0);
  if (province) province->assign(static_cast<size_t>(max_id) + 1, 0);
  std::string d = day.ToString();
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare("SELECT id, province FROM persons WHERE dob <= ? AND (deceased_on IS NULL OR deceased_on = '' OR "
                   "deceased_on > ?)" +
                   (in.empty() ? std::string() : " AND province IN (" + in + ")")));
    st->Bind(d, d);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      const auto id = static_cast<size_t>(st->Int(0));
      (*flags)[id] = kInScope;
      if (province) (*province)[id] = ProvinceIndex(st->Text(1));
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare("SELECT person_id FROM hi_cards WHERE status = 'active' AND valid_from <= ? AND valid_to >= ?"));
    st->Bind(d, d);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      int64_t id = st->Int(0);
      if (id > 0 && id <= max_id) (*flags)[static_cast<size_t>(id)] |= kHi;
    }
  }
  {
    int64_t month = Month::OfDate(day).index();
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT person_id, employer_id IS NULL, funds FROM periods "
                                              "WHERE from_month <= ? AND (to_month IS NULL OR to_month >= ?)"));
    st->Bind(month, month);
    const int64_t si = FundBit(Fund::kRetirement), ui = FundBit(Fund::kUnemployment);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      int64_t id = st->Int(0);
      if (id <= 0 || id > max_id) continue;
      int64_t funds = st->Int(2);
      uint8_t& f = (*flags)[static_cast<size_t>(id)];
      if (funds & si) f |= st->Int(1) ? (kSi | kVoluntary) : kSi;
      if (funds & ui) f |= kUi;
    }
  }
  return Status::Ok();
}

void Add(CoverageCounts& c, uint8_t f) {
  ++c.alive;
  c.hi += (f & kHi) != 0;
  c.si += (f & kSi) != 0;
  c.ui += (f & kUi) != 0;
  c.voluntary += (f & kVoluntary) != 0;
}

void Add(CoverageCounts& c, const CoverageCounts& x) {
  c.alive += x.alive;
  c.hi += x.hi;
  c.si += x.si;
  c.ui += x.ui;
  c.voluntary += x.voluntary;
}

}  // namespace

Result<CoverageCounts> CountCoverage(Db& db, Date day, const std::vector<std::string>& provinces) {
  std::string in;
  for (const auto& p : provinces) {
    if (p.size() != 2 || !IsDigits(p))
      return Status::Invalid("province", "Mã tỉnh gồm 2 chữ số", "province is 2 digits");
    in += (in.empty() ? "'" : ",'") + p + "'";  // digits only: safe to write inline
  }
  {
    // The day's snapshot, when there is one: a few dozen rows.
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province, alive, hi, si, ui, voluntary, computed_at FROM "
                                              "coverage_snapshots WHERE day = ?"));
    st->Bind(day.ToString());
    CoverageCounts c;
    bool any = false;
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      any = true;
      c.cut_off = st->Text(6);
      if (!provinces.empty() && std::find(provinces.begin(), provinces.end(), st->Text(0)) == provinces.end()) continue;
      Add(c, CoverageCounts{st->Int(1), st->Int(2), st->Int(3), st->Int(4), st->Int(5), ""});
    }
    if (any) return c;
  }
  std::vector<uint8_t> flags;
  BHXH_RETURN_IF_ERROR(Flags(db, day, in, &flags, nullptr));
  CoverageCounts c;
  for (uint8_t f : flags)
    if (f & kInScope) Add(c, f);
  return c;
}

Result<CoverageSnapshot> SnapshotCoverage(Db& db, Date day, const Actor& actor) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<uint8_t> flags, province;
  BHXH_RETURN_IF_ERROR(Flags(db, day, "", &flags, &province));
  std::array<CoverageCounts, 100> by{};
  std::array<bool, 100> seen{};
  for (size_t i = 0; i < flags.size(); ++i)
    if (flags[i] & kInScope) {
      Add(by[province[i]], flags[i]);
      seen[province[i]] = true;
    }
  CoverageSnapshot out;
  out.day = day;
  const std::string now = NowIsoUtc();
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  {
    BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM coverage_snapshots WHERE day = ?"));
    BHXH_RETURN_IF_ERROR(del->Bind(day.ToString()).Run());
  }
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO coverage_snapshots (day, province, alive, hi, si, ui, "
                                             "voluntary, computed_at, computed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (int p = 0; p < 100; ++p) {
    if (!seen[p]) continue;
    char code[4];
    std::snprintf(code, sizeof code, "%02d", p);
    const CoverageCounts& c = by[p];
    ins->Reset();
    BHXH_RETURN_IF_ERROR(
        ins->Bind(day.ToString(), std::string(code), c.alive, c.hi, c.si, c.ui, c.voluntary, now, actor.id).Run());
    Add(out.country, c);
    ++out.provinces;
  }
  out.country.cut_off = now;
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "coverage_snapshot", "coverage", day.ToString(),
                                  std::to_string(out.country.alive) + " persons, " + std::to_string(out.provinces) +
                                      " provinces"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace bhxh
