#include "claims/alerts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>
#include <unordered_map>

#include "base/csv.h"
#include "base/csv_out.h"
#include "base/parse.h"

namespace bhxh {

Result<AlertParams> AlertParams::Load(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int k = t.Column("key"), v = t.Column("value");
  if (k < 0 || v < 0) return Status::Invalid(path, "Thiếu cột key/value", "missing key/value columns");
  AlertParams p;
  for (const auto& r : t.rows) {
    const std::string& key = r.cells[k];
    std::string where = path + ":" + std::to_string(r.line);
    char* end = nullptr;
    double x = std::strtod(r.cells[v].c_str(), &end);
    if (r.cells[v].empty() || *end != '\0' || x < 0)
      return Status::Invalid(where, "Giá trị của " + key + " phải là số không âm",
                             key + " must be a non-negative number");
    if (key == "z_threshold")
      p.z_threshold = x;
    else if (key == "min_rise_percent")
      p.min_rise_percent = x;
    else if (key == "min_visits")
      p.min_visits = static_cast<int>(x);
    else if (key == "own_weeks")
      p.own_weeks = static_cast<int>(x);
    else if (key == "last_year_days")
      p.last_year_days = static_cast<int>(x);
    else if (key == "min_peers")
      p.min_peers = static_cast<int>(x);
    else
      return Status::Invalid(where, "Tham số cảnh báo không xác định: " + key, "unknown alert parameter " + key);
  }
  return p;
}

namespace {

constexpr int kIndicators = 7;
const char* kNames[kIndicators] = {
    "fund_cost",       "visits",         "cost_per_visit", "inpatient_days", "cost_per_inpatient_day",
    "high_cost_share", "drugs_per_visit"};
const char* kNamesVi[kIndicators] = {"Chi phí quỹ BHYT",
                                     "Số lượt KCB",
                                     "Chi phí bình quân một lượt",
                                     "Số ngày điều trị nội trú",
                                     "Chi phí bình quân một ngày nội trú",
                                     "Tỷ trọng dịch vụ chi phí cao",
                                     "Số thuốc bình quân một lượt"};
const char* kBaselineVi(const std::string& b) {
  return b == "own_weeks"   ? "cùng thứ các tuần trước"
         : b == "last_year" ? "cùng kỳ năm trước"
                            : "các cơ sở cùng hạng, cùng tỉnh";
}

struct Cell {
  double cost = 0, visits = 0, inpatient_days = 0, inpatient_cost = 0, high = 0, drugs = 0;
  std::array<double, kIndicators> Indicators() const {
    return {cost,
            visits,
            visits ? cost / visits : 0,
            inpatient_days,
            inpatient_days ? inpatient_cost / inpatient_days : 0,
            cost ? high / cost : 0,
            visits ? drugs / visits : 0};
  }
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  size_t n = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + n, v.end());
  double m = v[n];
  if (v.size() % 2 == 0) m = (m + *std::max_element(v.begin(), v.begin() + n)) / 2;
  return m;
}

// Robust z of x against `base`; 0 if the baseline is too thin.
std::pair<double, double> RobustZ(double x, const std::vector<double>& base) {
  double med = Median(base);
  std::vector<double> dev;
  for (double b : base) dev.push_back(std::fabs(b - med));
  double mad = Median(dev);
  // A flat baseline (MAD 0) is scaled by its mean absolute deviation or 1% of the median.
  if (mad == 0) {
    double s = 0;
    for (double d : dev) s += d;
    mad = base.empty() ? 0 : s / base.size() / 1.2533;
    if (mad == 0) mad = std::max(std::fabs(med) * 0.01, 1e-9);
  }
  return {med, (x - med) / (1.4826 * mad)};
}

std::string Fmt(double v) {
  char b[64];
  if (std::fabs(v) >= 1000)
    std::snprintf(b, sizeof b, "%.0f", v);
  else
    std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

}  // namespace

Result<Date> LatestClaimDay(Db& db, Date fallback) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT MAX(day) FROM claims WHERE is_current = 1"));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row || st->IsNull(0)) return fallback;
  auto d = Date::Parse(st->Text(0), "day");
  return d.ok() ? *d : fallback;
}

Result<AlertRun> DailyAlerts(Db& db, const Catalogue& cat, const AlertParams& p, Date day,
                             const std::string& province) {
  AlertRun run;
  run.day = day;
  Date from = day.AddDays(-std::max(p.own_weeks * 7, 0));
  Date ly_day = day.AddDays(-364);  // same weekday last year
  // Two windows: the recent weeks, and last year's dates around the day.
  std::unordered_map<std::string, std::unordered_map<int32_t, Cell>> cells;
  auto read = [&](Date a, Date b) -> Status {
    BHXH_ASSIGN_OR_RETURN(
        auto st, db.Prepare("SELECT facility, day, kind, claimed, treatment_days, drug_lines, high_cost FROM claims "
                            "WHERE is_current = 1 AND day >= ? AND day <= ? AND month >= ? AND month <= ?"));
    // The window's months as yyyymm too: on PostgreSQL only their partitions are read.
    st->Bind(a.ToString(), b.ToString(), a.ymd().year * 100 + a.ymd().month, b.ymd().year * 100 + b.ymd().month);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      std::string d = st->Text(1);
      auto day = Date::Parse(d, "day");
      if (!day.ok()) continue;
      int32_t dn = day->days();
      Cell& c = cells[st->Text(0)][dn];
      double cost = st->Int(3) / 1000.0;
      c.cost += cost;
      c.visits += 1;
      if (st->Text(2) == "03") {
        c.inpatient_days += st->Int(4);
        c.inpatient_cost += cost;
      }
      c.drugs += st->Int(5);
      c.high += st->Int(6) / 1000.0;
      ++run.claims_read;
    }
    return Status::Ok();
  };
  BHXH_RETURN_IF_ERROR(read(from, day));
  BHXH_RETURN_IF_ERROR(read(ly_day.AddDays(-p.last_year_days), ly_day.AddDays(p.last_year_days)));

  // Peers: facilities of the same level and province, on the day.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::array<double, kIndicators>>>>
      peers;
  for (const auto& [f, days] : cells) {
    auto it = days.find(day.days());
    if (it == days.end()) continue;
    const FacilityInfo* info = cat.Facility(f);
    std::string level = info ? info->level : "", prov = info ? info->province : f.substr(0, 2);
    peers[{level, prov}].push_back({f, it->second.Indicators()});
  }

  for (const auto& [f, days] : cells) {
    auto today = days.find(day.days());
    if (today == days.end()) continue;
    const FacilityInfo* info = cat.Facility(f);
    std::string prov = info ? info->province : f.substr(0, 2), level = info ? info->level : "";
    if (!province.empty() && prov != province) continue;
    ++run.facilities_checked;
    if (today->second.visits < p.min_visits) continue;
    auto x = today->second.Indicators();
    const std::string& fac = f;  // a structured binding cannot be captured before C++20 in every compiler
    auto consider = [&](const std::string& baseline, int ind, const std::vector<double>& base, size_t min_points) {
      if (base.size() < min_points) return;
      auto [med, z] = RobustZ(x[ind], base);
      if (med <= 0) return;
      double rise = (x[ind] - med) / med * 100;
      if (z < p.z_threshold || rise < p.min_rise_percent) return;
      CostAlert a{fac,  info ? info->name : "",        prov, level, day, kNames[ind], baseline, x[ind], med, z,
                  rise, static_cast<int>(base.size()), ""};
      a.message_vi = std::string(kNamesVi[ind]) + " ngày " + day.ToVi() + " là " + Fmt(x[ind]) + ", tăng " +
                     Fmt(rise) + "% so với trung vị " + Fmt(med) + " của " + kBaselineVi(baseline) + " (" +
                     std::to_string(base.size()) + " điểm so sánh, z = " + Fmt(z) + ")";
      run.alerts.push_back(std::move(a));
    };
    for (int ind = 0; ind < kIndicators; ++ind) {
      std::vector<double> own, last_year, peer;
      for (int w = 1; w <= p.own_weeks; ++w) {
        auto it = days.find(day.days() - 7 * w);
        if (it != days.end()) own.push_back(it->second.Indicators()[ind]);
      }
      for (int k = -p.last_year_days; k <= p.last_year_days; ++k) {
        auto it = days.find(ly_day.days() + k);
        if (it != days.end()) last_year.push_back(it->second.Indicators()[ind]);
      }
      for (const auto& [other, ix] : peers[{level, prov}])
        if (other != f) peer.push_back(ix[ind]);
      consider("own_weeks", ind, own, 3);
      consider("last_year", ind, last_year, 3);
      consider("peers", ind, peer, static_cast<size_t>(p.min_peers));
    }
  }
  std::sort(run.alerts.begin(), run.alerts.end(), [](const CostAlert& a, const CostAlert& b) {
    return std::tie(a.province, a.facility, a.indicator, a.baseline) <
           std::tie(b.province, b.facility, b.indicator, b.baseline);
  });
  return run;
}

std::string AlertsCsv(const AlertRun& run) {
  CsvWriter w;
  w.Row({"ngay", "ma_tinh", "ma_cskcb", "ten_cskcb", "hang", "chi_so", "so_sanh", "gia_tri", "trung_vi",
         "tang_phan_tram", "z", "dien_giai"});
  for (const auto& a : run.alerts)
    w.Row({a.day.ToString(), a.province, a.facility, a.facility_name, a.level, a.indicator, a.baseline, Fmt(a.value),
           Fmt(a.baseline_median), Fmt(a.rise_percent), Fmt(a.z), a.message_vi});
  return w.text();
}

}  // namespace bhxh
