#include "programmes/indicator_values.h"

#include <set>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <regex>

#include "base/csv.h"
#include "base/parse.h"
#include "base/text.h"
#include "programmes/coverage.h"
#include "programmes/indicator_table.h"

namespace bhxh {
namespace {

Status CheckProvince(const std::string& province) {
  if (province.empty() || (province.size() == 2 && IsDigits(province))) return Status::Ok();
  return Status::Invalid("province", "Mã tỉnh gồm 2 chữ số (để trống cho toàn quốc)",
                         "province is a 2-digit code or empty");
}

Status CheckYear(int year) {
  if (year >= 2000 && year <= 2100) return Status::Ok();
  return Status::Invalid("year", "Năm phải từ 2000 đến 2100", "year must be 2000-2100");
}

Result<StoredIndicator> FindIndicator(Db& db, int64_t programme_id, const std::string& key) {
  BHXH_ASSIGN_OR_RETURN(auto all, LoadIndicators(db, programme_id));
  for (auto& i : all)
    if (i.key == key) return i;
  return Status::NotFound("indicator", "Chương trình không có chỉ tiêu " + key, "no indicator " + key);
}

Status Upsert(Db& db, int64_t programme_id, const IndicatorValue& v, const std::string& key, const Actor& actor) {
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO indicator_values (programme_id, indicator_key, year, "
                                            "province, value, source, method, recorded_at, "
                                            "recorded_by) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (programme_id, "
                                            "indicator_key, year, province) DO UPDATE SET "
                                            "value = excluded.value, source = excluded.source, method = "
                                            "excluded.method, recorded_at = excluded.recorded_at, "
                                            "recorded_by = excluded.recorded_by"));
  BHXH_RETURN_IF_ERROR(
      st->Bind(programme_id, key, v.year, v.province, v.value, v.source, v.method, v.recorded_at, v.recorded_by).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, v.source == "computed" ? "compute" : "record", "indicator_value",
                                  std::to_string(programme_id) + "#" + key + "@" + std::to_string(v.year) +
                                      (v.province.empty() ? "" : "/" + v.province),
                                  v.value + " — " + v.method));
  return tx.Commit();
}

Result<std::optional<int64_t>> Denominator(Db& db, const std::string& kind, const std::string& province, int year) {
  BHXH_ASSIGN_OR_RETURN(auto st,
                        db.Prepare("SELECT value FROM denominators WHERE kind = ? AND province = ? AND year = ?"));
  st->Bind(kind, province, year);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st->Int(0));
}

}  // namespace

Result<MeasureBook> MeasureBook::Load(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int a = t.Column("all_of"), n = t.Column("none_of"), m = t.Column("measure"), d = t.Column("denominator");
  if (a < 0 || n < 0 || m < 0 || d < 0)
    return Status::Invalid("indicator_measures", "Tệp indicator_measures.csv thiếu cột", "missing columns");
  MeasureBook b;
  for (const auto& row : t.rows) {
    MeasureRule r;
    for (const auto& s : Split(row.cells[a], '|'))
      if (!Trim(s).empty()) r.all_of.push_back(Trim(s));
    for (const auto& s : Split(row.cells[n], '|'))
      if (!Trim(s).empty()) r.none_of.push_back(Trim(s));
    r.measure = row.cells[m];
    r.denominator = row.cells[d];
    b.rules_.push_back(std::move(r));
  }
  return b;
}

const MeasureRule* MeasureBook::For(const std::string& indicator_name) const {
  std::string f = FoldOrSelf(indicator_name);
  for (const auto& r : rules_) {
    bool ok = !r.all_of.empty();
    for (const auto& s : r.all_of) ok &= f.find(s) != std::string::npos;
    for (const auto& s : r.none_of) ok &= f.find(s) == std::string::npos;
    if (ok) return &r;
  }
  return nullptr;
}

bool MeasureBook::Computable(const std::string& measure) const {
  static const std::set<std::string> kBuiltIn = {"hi_population_share", "si_labour_share", "ui_labour_share",
                                                 "voluntary_si_share"};
  return kBuiltIn.count(measure) || providers_.count(measure);
}

Result<IndicatorValue> RecordIndicatorValue(Db& db, int64_t programme_id, const std::string& key, int year,
                                            const std::string& province, const std::string& value, const Actor& actor) {
  BHXH_RETURN_IF_ERROR(CheckYear(year));
  BHXH_RETURN_IF_ERROR(CheckProvince(province));
  BHXH_ASSIGN_OR_RETURN(StoredIndicator ind, FindIndicator(db, programme_id, key));
  std::string v = Trim(value);
  if (v.empty() || v.size() > 200 || !IsValidUtf8(v))
    return Status::Invalid("value", "Cần giá trị chỉ tiêu (số hoặc chữ, tối đa 200 ký tự)", "a value is required");
  bool numeric_targets = std::any_of(ind.targets.begin(), ind.targets.end(),
                                     [](const auto& t) { return TargetNumber(t.second).has_value(); });
  if (numeric_targets) {
    auto n = TargetNumber(v);
    if (!n)
      return Status::Invalid("value", "Chỉ tiêu này đo bằng số (ví dụ 45 hoặc 2,5)", "this indicator takes a number");
    if (ind.measure == "%" && *n > 100)
      return Status::Invalid("value", "Tỷ lệ phần trăm không quá 100", "a percentage is at most 100");
    v = DecimalText(*n);
  }
  IndicatorValue out{year, province, v, "entered", "Đơn vị báo cáo nhập", NowIsoUtc(), actor.id};
  BHXH_RETURN_IF_ERROR(Upsert(db, programme_id, out, key, actor));
  return out;
}

Status RecordDenominator(Db& db, const std::string& kind, const std::string& province, int year, int64_t value,
                         const std::string& source, const Actor& actor) {
  if (kind != "labour_force" && kind != "population" && kind != "retirement_age_population")
    return Status::Invalid("kind",
                           "Loại mẫu số là labour_force (lực lượng lao động trong độ tuổi), population (dân số) "
                           "hoặc retirement_age_population (người sau tuổi nghỉ hưu)",
                           "kind must be labour_force, population or retirement_age_population");
  BHXH_RETURN_IF_ERROR(CheckYear(year));
  BHXH_RETURN_IF_ERROR(CheckProvince(province));
  if (value <= 0 || value > 200'000'000)
    return Status::Invalid("value", "Số người phải dương và không quá 200 triệu", "value must be 1-200,000,000");
  if (Trim(source).empty())
    return Status::Invalid("source", "Cần nguồn số liệu (ví dụ: Tổng cục Thống kê, Niên giám 2024)",
                           "a source is required");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("INSERT INTO denominators (kind, province, year, value, source, recorded_at, recorded_by) VALUES "
                 "(?,?,?,?,?,?,?) "
                 "ON CONFLICT (kind, province, year) DO UPDATE SET value = excluded.value, source = excluded.source, "
                 "recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by"));
  BHXH_RETURN_IF_ERROR(st->Bind(kind, province, year, value, Trim(source), NowIsoUtc(), actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "record", "denominator",
                                  kind + "@" + std::to_string(year) + "/" + province,
                                  std::to_string(value) + " (" + Trim(source) + ")"));
  return tx.Commit();
}

// "2026-12-03T02:40:05Z" -> "09:40 03/12/2026" (Vietnam time, UTC+7).
static std::string CutOffVi(const std::string& iso) {
  std::tm t{};
  if (iso.size() < 16 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &t.tm_year, &t.tm_mon, &t.tm_mday,
                                     &t.tm_hour, &t.tm_min) != 5)
    return iso;
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  std::time_t s = timegm(&t) + 7 * 3600;
  std::tm v{};
  gmtime_r(&s, &v);
  char b[64];
  std::snprintf(b, sizeof b, "%02d:%02d %02d/%02d/%04d", v.tm_hour, v.tm_min, v.tm_mday, v.tm_mon + 1, v.tm_year + 1900);
  return b;
}

Result<IndicatorValue> ComputeIndicatorValue(Db& db, const MeasureBook& measures, int64_t programme_id,
                                             const std::string& key, int year, const std::string& province, Date today,
                                             const Actor& actor, const Geo* geo) {
  BHXH_RETURN_IF_ERROR(CheckYear(year));
  BHXH_RETURN_IF_ERROR(CheckProvince(province));
  if (year > today.year())
    return Status::Invalid("year", "Không tính được chỉ tiêu cho năm chưa đến", "the year has not come");
  BHXH_ASSIGN_OR_RETURN(StoredIndicator ind, FindIndicator(db, programme_id, key));
  const MeasureRule* rule = measures.For(ind.name);
  if (!rule)
    return Status::Error(
        "not_computable", "indicator",
        "Cơ sở dữ liệu không có số liệu để tính chỉ tiêu \"" + ind.name + "\"; đơn vị báo cáo nhập giá trị",
        "the national database holds no data for this indicator; enter it");
  const MeasureProvider* provider = measures.Provider(rule->measure);
  if (!measures.Computable(rule->measure))
    return Status::Error("not_computable", "indicator",
                         "Cơ sở dữ liệu chưa có số liệu để tính chỉ tiêu \"" + ind.name + "\" (" + rule->measure +
                             "); đơn vị báo cáo nhập giá trị",
                         "the database holds no data for this measure yet; enter the value");
  Date at = year == today.year() ? today : Date::FromYmd(year, 12, 31);
  // A province today includes the provinces merged into it on 2025-07-01:
  // persons keep the code recorded at registration.
  std::vector<std::string> codes;
  std::string merged;
  if (!province.empty()) {
    codes.push_back(province);
    if (geo) {
      if (!geo->IsKnownCode(province))
        return Status::Invalid("province", "Không có tỉnh mã " + province, "unknown province " + province);
      for (const auto& c : geo->MergedFrom(province))
        if (c != province) codes.push_back(c), merged += (merged.empty() ? "" : ", ") + c;
    }
  }
  int64_t numerator = 0;
  std::string num_vi;
  std::optional<MeasureCount> provided;
  CoverageCounts counts;
  if (provider) {
    BHXH_ASSIGN_OR_RETURN(MeasureCount m, (*provider)(db, at, codes));
    numerator = m.numerator;
    num_vi = m.numerator_vi;
    provided = m;
  } else {
    BHXH_ASSIGN_OR_RETURN(counts, CountCoverage(db, at, codes));
  }
  if (provider) {
  } else if (rule->measure == "hi_population_share") {
    numerator = counts.hi;
    num_vi = "số người có thẻ BHYT còn hiệu lực ngày " + at.ToVi();
  } else if (rule->measure == "ui_labour_share") {
    numerator = counts.ui;
    num_vi = "số người tham gia BHTN tháng " + Month::OfDate(at).ToString();
  } else if (rule->measure == "voluntary_si_share") {
    numerator = counts.voluntary;
    num_vi = "số người tham gia BHXH tự nguyện tháng " + Month::OfDate(at).ToString();
  } else if (rule->measure == "si_labour_share") {
    numerator = counts.si;
    num_vi = "số người tham gia BHXH (bắt buộc và tự nguyện) tháng " + Month::OfDate(at).ToString();
  } else {
    return Status::Internal("unknown measure " + rule->measure + " in indicator_measures.csv");
  }
  if (!counts.cut_off.empty()) num_vi += " (số liệu chốt lúc " + CutOffVi(counts.cut_off) + ")";
  BHXH_ASSIGN_OR_RETURN(auto entered, Denominator(db, rule->denominator, province, year));
  int64_t denominator = 0;
  std::string den_vi;
  std::string where = province.empty() ? "toàn quốc" : "tỉnh " + province;
  if (!merged.empty()) where += " (gồm mã tỉnh cũ " + merged + ")";
  if (provided && provided->denominator) {
    denominator = *provided->denominator;
    den_vi = provided->denominator_vi + " (" + where + ")";
  } else if (entered) {
    denominator = *entered;
    den_vi = (rule->denominator == "population"                  ? "dân số"
              : rule->denominator == "retirement_age_population" ? "số người sau độ tuổi nghỉ hưu"
                                                                 : "lực lượng lao động trong độ tuổi") +
             std::string(" đã nhập cho ") + where + " năm " + std::to_string(year);
  } else if (rule->denominator == "population") {
    denominator = counts.alive;
    den_vi =
        "số người còn sống trong cơ sở dữ liệu (chưa nhập dân số của " + where + " năm " + std::to_string(year) + ")";
  } else {
    return Status::Error("missing_denominator", "denominator",
                         "Chưa nhập mẫu số (" + rule->denominator + ") của " + where + " năm " + std::to_string(year) +
                             " (bhxh programmes denominator --kind " + rule->denominator + ")",
                         "enter the denominator (" + rule->denominator + ") for this province and year first");
  }
  if (denominator <= 0)
    return Status::Error("missing_denominator", "denominator", "Mẫu số bằng 0: không có dữ liệu cho " + where,
                         "the denominator is zero");
  double share = 100.0 * static_cast<double>(numerator) / static_cast<double>(denominator);
  IndicatorValue v{year,
                   province,
                   DecimalText(share),
                   "computed",
                   num_vi + " = " + std::to_string(numerator) + "; chia cho " + den_vi + " = " +
                       std::to_string(denominator) + "; × 100 (" + rule->measure + ")",
                   NowIsoUtc(),
                   actor.id};
  BHXH_RETURN_IF_ERROR(Upsert(db, programme_id, v, key, actor));
  return v;
}

Result<std::vector<IndicatorStatus>> IndicatorStatuses(Db& db, const MeasureBook& measures, int64_t programme_id,
                                                       const std::string& province) {
  BHXH_RETURN_IF_ERROR(CheckProvince(province));
  BHXH_ASSIGN_OR_RETURN(auto inds, LoadIndicators(db, programme_id));
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT indicator_key, year, province, value, source, method, recorded_at, recorded_by FROM indicator_values "
          "WHERE programme_id = ? AND province = ? ORDER BY year"));
  st->Bind(programme_id, province);
  std::map<std::string, std::vector<IndicatorValue>> values;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    values[st->Text(0)].push_back(
        {static_cast<int>(st->Int(1)), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6), st->Text(7)});
  }
  std::vector<IndicatorStatus> out;
  for (auto& ind : inds) {
    IndicatorStatus s;
    s.indicator = ind;
    const MeasureRule* r = measures.For(ind.name);
    s.measure = r && measures.Computable(r->measure) ? r->measure : "";
    s.values = values[ind.key];
    std::map<int, double> targets;
    std::map<int, std::string> text_targets;
    for (const auto& [y, t] : ind.targets) {
      int year = DigitsValue(y);
      if (year < 1900 || year > 2200) continue;
      if (auto n = TargetNumber(t))
        targets[year] = *n;
      else
        text_targets[year] = t;
    }
    if (s.values.empty()) {
      s.status = "no_data";
      out.push_back(std::move(s));
      continue;
    }
    const IndicatorValue& last = s.values.back();
    s.latest_year = last.year;
    if (!text_targets.empty()) {
      s.status = FoldOrSelf(last.value) == FoldOrSelf(text_targets.rbegin()->second) ? "achieved" : "in_progress";
      out.push_back(std::move(s));
      continue;
    }
    auto latest = TargetNumber(last.value);
    auto base = TargetNumber(s.values.front().value);
    if (!latest || !base || targets.empty()) {
      s.status = "no_data";
      out.push_back(std::move(s));
      continue;
    }
    s.latest = *latest;
    int by = s.values.front().year;
    // The line from the baseline through each target in turn.
    std::vector<std::pair<int, double>> knots = {{by, *base}};
    for (const auto& [y, t] : targets)
      if (y > by) knots.push_back({y, t});
    for (size_t k = 0; k + 1 < knots.size(); ++k)
      for (int y = knots[k].first; y <= knots[k + 1].first; ++y) {
        double f = static_cast<double>(y - knots[k].first) / (knots[k + 1].first - knots[k].first);
        s.path[y] = std::round((knots[k].second + f * (knots[k + 1].second - knots[k].second)) * 100) / 100;
      }
    if (s.path.count(last.year)) s.expected = s.path[last.year];
    double final_target = targets.rbegin()->second;
    if (*latest >= final_target)
      s.status = "achieved";
    else if (last.year <= by)
      // The only point is the baseline itself: the path starts at the value
      // it would be judged by, so nothing says whether it is on track.
      s.status = "no_baseline";
    else if (!s.expected || *latest + 1e-9 >= *s.expected)
      s.status = "on_track";
    else
      s.status = "behind";
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace bhxh
