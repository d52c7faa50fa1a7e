#include "development/match.h"

#include <algorithm>
#include <thread>

#include <boost/sort/spreadsort/integer_sort.hpp>

namespace bhxh {

namespace {

constexpr uint64_t kCccdSpace = 1'000'000'000'000ULL;  // 12 digits

// "0101234567" / "0101234567-001" → a number (the 10 digits, then the
// branch + 1 in the low 10 bits, 0 without a branch); 0 when malformed.
uint64_t TaxNumber(std::string_view s) {
  if (s.size() != 10 && s.size() != 14) return 0;
  uint64_t n = 0;
  for (size_t i = 0; i < 10; ++i) {
    if (s[i] < '0' || s[i] > '9') return 0;
    n = n * 10 + static_cast<uint64_t>(s[i] - '0');
  }
  uint64_t branch = 0;
  if (s.size() == 14) {
    if (s[10] != '-') return 0;
    for (size_t i = 11; i < 14; ++i) {
      if (s[i] < '0' || s[i] > '9') return 0;
      branch = branch * 10 + static_cast<uint64_t>(s[i] - '0');
    }
    ++branch;
  }
  return (n << 10) | branch;
}

template <typename It>
void SortIntegers(It begin, It end) {
  boost::sort::spreadsort::integer_sort(begin, end);
}

}  // namespace

const char* FindingKindCode(FindingKind k) { return k == FindingKind::kUnregistered ? "unregistered" : "under_declared"; }

uint64_t CccdNumber(std::string_view s) {
  if (s.size() != 12) return 0;
  uint64_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return 0;
    v = v * 10 + static_cast<uint64_t>(ch - '0');
  }
  return v;
}

std::vector<MatchFinding> CrossMatch(const MatchColumns& c, const MatchParams& p) {
  const size_t n_si = c.si_tax_code.size(), n_tx = c.tx_tax_code.size(), n_br = c.br_tax_code.size();

  // The record's (employer, person) keys, sorted on the second core while
  // this one joins the three sources by tax code. Boost's spreadsort (a
  // radix/comparison hybrid) sorts integers 2-3 times faster than std::sort.
  std::vector<int64_t> si_wage(n_si, 0);
  std::vector<uint64_t> keys(c.eng_employer.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    si_wage[c.eng_employer[i]] += c.eng_wage[i];
    keys[i] = c.eng_employer[i] * kCccdSpace + c.eng_cccd[i];
  }
  std::thread sort_keys([&keys] {
    SortIntegers(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  });

  // The three sources joined by tax code: one sort of (code, source, row).
  constexpr uint64_t kSi = 0, kTx = 1, kBr = 2;
  std::vector<std::pair<uint64_t, uint32_t>> tagged;
  tagged.reserve(n_si + n_tx + n_br);
  auto add = [&](const StringColumn& col, size_t n, uint64_t tag) {
    for (size_t i = 0; i < n; ++i)
      if (uint64_t code = TaxNumber(col[i])) tagged.emplace_back(code, static_cast<uint32_t>((tag << 30) | i));
  };
  add(c.si_tax_code, n_si, kSi);
  add(c.tx_tax_code, n_tx, kTx);
  add(c.br_tax_code, n_br, kBr);
  using Tagged = std::pair<uint64_t, uint32_t>;
  boost::sort::spreadsort::integer_sort(
      tagged.begin(), tagged.end(), [](const Tagged& x, unsigned offset) { return x.first >> offset; },
      [](const Tagged& a, const Tagged& b) { return a.first < b.first; });
  std::vector<int32_t> tx_si(n_tx, -1), tx_br(n_tx, -1), si_tx(n_si, -1);
  std::vector<uint8_t> br_known(n_br, 0);  // in SI or in the tax data
  for (size_t i = 0; i < tagged.size();) {
    size_t j = i;
    int32_t si = -1, tx = -1, br = -1;
    for (; j < tagged.size() && tagged[j].first == tagged[i].first; ++j) {
      auto row = static_cast<int32_t>(tagged[j].second & ((1u << 30) - 1));
      switch (tagged[j].second >> 30) {
        case kSi: si = row; break;
        case kTx: tx = row; break;
        default: br = row; break;
      }
    }
    if (tx >= 0) {
      tx_si[tx] = si;
      tx_br[tx] = br;
    }
    if (si >= 0) si_tx[si] = tx;
    if (br >= 0 && (si >= 0 || tx >= 0)) br_known[br] = 1;
    i = j;
  }
  tagged = {};

  // Each tax worker looked up at the SI employer with the same tax code.
  std::vector<int64_t> listed(n_tx, 0), listed_income(n_tx, 0);
  std::vector<uint64_t> probe;
  probe.reserve(c.tw_employer.size());
  for (size_t r = 0; r < c.tw_employer.size(); ++r) {
    uint32_t t = c.tw_employer[r];
    ++listed[t];
    listed_income[t] += c.tw_income[r];
    if (tx_si[t] >= 0) probe.push_back(static_cast<uint64_t>(tx_si[t]) * kCccdSpace + c.tw_cccd[r]);
  }
  SortIntegers(probe.begin(), probe.end());
  sort_keys.join();
  std::vector<int64_t> si_workers(n_si, 0);
  for (uint64_t k : keys) ++si_workers[k / kCccdSpace];
  // The (employer, person) pairs of the tax data the record does not hold.
  std::vector<uint64_t> absent;
  {
    size_t k = 0;
    for (uint64_t key : probe) {
      while (k < keys.size() && keys[k] < key) ++k;
      if (k < keys.size() && keys[k] == key) continue;
      absent.push_back(key);
    }
  }
  probe = {};
  keys = {};
  // Back to their rows (for the income and the list), in the file's order.
  std::vector<std::vector<uint32_t>> missing_of;  // by index in `missing_tx`
  std::vector<int32_t> missing_slot(n_tx, -1);
  if (!absent.empty())
    for (size_t r = 0; r < c.tw_employer.size(); ++r) {
      uint32_t t = c.tw_employer[r];
      if (tx_si[t] < 0) continue;
      uint64_t key = static_cast<uint64_t>(tx_si[t]) * kCccdSpace + c.tw_cccd[r];
      if (!std::binary_search(absent.begin(), absent.end(), key)) continue;
      if (missing_slot[t] < 0) {
        missing_slot[t] = static_cast<int32_t>(missing_of.size());
        missing_of.emplace_back();
      }
      missing_of[static_cast<size_t>(missing_slot[t])].push_back(static_cast<uint32_t>(r));
    }

  const int32_t today = p.as_of.days();
  auto date_register = [&](MatchFinding& f) {
    if (f.br < 0) return;
    int32_t reg = c.br_registered[f.br];
    f.days_past_deadline = today - (reg + p.registration_days);
    f.new_business = today - reg <= p.new_business_days;
  };

  std::vector<MatchFinding> out;
  for (uint32_t t = 0; t < n_tx; ++t) {
    MatchFinding f;
    f.tx = static_cast<int32_t>(t);
    f.br = tx_br[t];
    f.tax_workers = std::max(c.tx_workers[t], listed[t]);
    f.tax_wage = std::max(c.tx_wage[t], listed_income[t]);
    if (tx_si[t] < 0) {
      if (f.tax_workers == 0 && f.tax_wage == 0) continue;  // no one paid: nothing to register
      f.kind = FindingKind::kUnregistered;
      f.gap_people = f.tax_workers;
      f.gap_wage = f.tax_wage;
      f.at_stake = ApplyRate(f.tax_wage, p.rate);
      date_register(f);
      out.push_back(std::move(f));
      continue;
    }
    f.kind = FindingKind::kUnderDeclared;
    f.si = tx_si[t];
    f.si_workers = si_workers[f.si];
    f.si_wage = si_wage[f.si];
    if (missing_slot[t] >= 0) {
      f.missing = std::move(missing_of[static_cast<size_t>(missing_slot[t])]);
      for (uint32_t r : f.missing) f.missing_income += c.tw_income[r];
    }
    f.gap_people = listed[t] > 0 ? static_cast<int64_t>(f.missing.size()) : std::max<int64_t>(0, f.tax_workers - f.si_workers);
    f.gap_wage = std::max<int64_t>(0, f.tax_wage - f.si_wage);
    bool wage_gap = f.gap_wage > ApplyRate(f.tax_wage, p.wage_tolerance);
    if (f.gap_people == 0 && !wage_gap) continue;
    f.at_stake = ApplyRate(std::max(wage_gap ? f.gap_wage : 0, f.missing_income), p.rate);
    out.push_back(std::move(f));
  }
  // Active businesses with declared workers, in neither SI nor the tax data.
  for (uint32_t b = 0; b < n_br; ++b) {
    if (!c.br_active[b] || c.br_labour[b] <= 0 || br_known[b]) continue;
    MatchFinding f;
    f.kind = FindingKind::kUnregistered;
    f.br = static_cast<int32_t>(b);
    date_register(f);
    if (f.days_past_deadline <= 0) continue;  // still within the time to register
    f.gap_people = c.br_labour[b];
    f.estimated = true;
    f.at_stake = ApplyRate(c.br_labour[b] * p.floor_wage * 12, p.rate);
    out.push_back(std::move(f));
  }
  auto code = [&](const MatchFinding& f) { return f.tx >= 0 ? c.tx_tax_code[f.tx] : c.br_tax_code[f.br]; };
  std::sort(out.begin(), out.end(), [&](const MatchFinding& a, const MatchFinding& b) {
    if (a.at_stake != b.at_stake) return a.at_stake > b.at_stake;
    return code(a) < code(b);
  });
  return out;
}

}  // namespace bhxh
