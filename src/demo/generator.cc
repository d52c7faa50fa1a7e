#include "demo/generator.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "base/text.h"
#include "collection/declarations.h"
#include "collection/ledger.h"
#include "collection/payments.h"

namespace bhxh {

uint64_t Rng::Next() {
  uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
double Rng::Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
int64_t Rng::Range(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
}

namespace {

const char* kFamily[] = {"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",  "Phạm",  "Hoàng", "Huỳnh",
                         "Phan",   "Vũ",     "Võ",     "Đặng",   "Bùi",  "Đỗ",   "Hồ", "Ngô", "Dương", "Lý",    "Đinh"};
const char* kMiddleM[] = {"Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân", "Đình", "Ngọc"};
const char* kMiddleF[] = {"Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Phương", "Mai"};
const char* kGivenM[] = {"An",    "Bình", "Cường", "Dũng",  "Đạt",  "Hải",  "Hùng",  "Khánh", "Long", "Nam",
                         "Phong", "Quân", "Sơn",   "Thắng", "Tuấn", "Việt", "Hoàng", "Trung", "Kiên", "Huy"};
const char* kGivenF[] = {"An",  "Anh",  "Châu",  "Dung", "Hà",     "Hạnh",  "Hương", "Lan",   "Linh", "Mai",
                         "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo",  "Trang", "Uyên", "Yến"};
const char* kBizWords[] = {"Thành Công", "Hưng Thịnh", "Phú Gia",  "Minh Phát", "Đại Việt",   "Sao Mai",
                           "Hoàng Long", "An Khang",   "Tân Tiến", "Bình Minh", "Phương Nam", "Hồng Hà"};

template <size_t N>
const char* Pick(Rng& r, const char* (&a)[N]) {
  return a[r.Next() % N];
}

struct GenPerson {
  int64_t id;
  int year, month, day;
  Sex sex;
  std::string cccd, si;
  int age;
};

struct GenEmployer {
  int64_t id;
  std::string code, type;
  int region;
  double weight;
  int behaviour;  // 0 on time, 1 late 1-3 months, 2 stops paying
  Month stop_paying;
  std::optional<Month> closed;  // suspended / dissolved from
};

}  // namespace

Result<GenStats> Generate(Db& db, const Geo& geo, const LawBook& law, const GenOptions& opt, const Actor& actor,
                          const std::function<void(const std::string&, int64_t, int64_t)>& progress) {
  if (opt.persons < 100 || opt.persons > 20'000'000)
    return Status::Invalid("persons", "Số người phải từ 100 đến 20 triệu", "persons must be 100..20M");
  if (!geo.At(opt.province, opt.start.FirstDay()).ok())
    return Status::Invalid("province", "Mã tỉnh không có hiệu lực ở tháng bắt đầu", "province not in force at start");
  BHXH_ASSIGN_OR_RETURN(int64_t existing, db.QueryInt("SELECT COUNT(*) FROM persons"));
  if (existing > 0)
    return Status::Conflict("database", "Cơ sở dữ liệu đã có dữ liệu; hãy dùng tệp mới",
                            "the database already holds persons; use a fresh one");
  Rng rng(opt.seed);
  GenStats gs;
  const int span = opt.end.index() - opt.start.index();
  if (span < 0) return Status::Invalid("to", "Tháng cuối phải sau tháng đầu", "end month is before start month");
  std::vector<Province> provinces = geo.InForce(opt.start.FirstDay());
  const std::string& prov = opt.province;
  int ref_year = opt.end.year();

  // ---- persons
  std::vector<GenPerson> persons;
  persons.reserve(opt.persons);
  std::unordered_set<std::string> cccds;
  cccds.reserve(opt.persons * 2);
  {
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    BHXH_ASSIGN_OR_RETURN(
        auto w, db.Bulk("persons", {"id", "cccd", "si_number", "full_name", "name_key", "dob", "sex", "province",
                                    "commune", "deceased_on", "created_at", "created_by"}));
    std::string now = NowIsoUtc();
    for (int64_t i = 0; i < opt.persons; ++i) {
      GenPerson p;
      p.id = i + 1;
      double u = rng.Uniform();
      // Rough 2024 pyramid: 0-5 8%, 6-17 17%, 18-59 60%, 60-90 15%.
      p.age = u < 0.08   ? static_cast<int>(rng.Range(0, 5))
              : u < 0.25 ? static_cast<int>(rng.Range(6, 17))
              : u < 0.85 ? static_cast<int>(rng.Range(18, 59))
                         : static_cast<int>(rng.Range(60, 90));
      p.sex = rng.Chance(0.5) ? Sex::kMale : Sex::kFemale;
      p.year = ref_year - p.age;
      p.month = static_cast<int>(rng.Range(1, 12));
      p.day = static_cast<int>(rng.Range(1, 28));
      std::string birth = rng.Chance(0.8) ? prov : provinces[rng.Next() % provinces.size()].code;
      int g = ((p.year / 100) - 19) * 2 + (p.sex == Sex::kFemale ? 1 : 0);
      char buf[64];
      do {
        std::snprintf(buf, sizeof buf, "0%s%d%02d%06d", birth.c_str(), g, p.year % 100,
                      static_cast<int>(rng.Range(0, 999999)));
      } while (!cccds.insert(buf).second);
      p.cccd = buf;
      std::snprintf(buf, sizeof buf, "%s%08lld", prov.c_str(), static_cast<long long>(i + 1));
      p.si = buf;
      bool m = p.sex == Sex::kMale;
      std::string name = std::string(Pick(rng, kFamily)) + " " + (m ? Pick(rng, kMiddleM) : Pick(rng, kMiddleF)) + " " +
                         (m ? Pick(rng, kGivenM) : Pick(rng, kGivenF));
      BHXH_ASSIGN_OR_RETURN(std::string key, FoldForSearch(name));
      char dob[16];
      std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", p.year, p.month, p.day);
      w->Int(p.id);
      w->Text(p.cccd);
      w->Text(p.si);
      w->Text(name);
      w->Text(key);
      // A few very old records know only the year, as the XML standard allows.
      w->Text(p.age > 80 && rng.Chance(0.3) ? std::string(dob, 4) : std::string(dob));
      w->Int(static_cast<int>(p.sex));
      w->Text(prov);
      char commune[8];
      std::snprintf(commune, sizeof commune, "%05d", static_cast<int>(rng.Range(1, 300)));
      w->Text(commune);
      if (p.age >= 70 && rng.Chance(0.02)) {
        w->Text(Date::FromYmd(static_cast<int>(rng.Range(opt.start.year(), opt.end.year())),
                              static_cast<int>(rng.Range(1, 12)), 15)
                    .ToString());
      } else {
        w->Null();
      }
      w->Text(now);
      w->Text(actor.id);
      BHXH_RETURN_IF_ERROR(w->EndRow());
      persons.push_back(std::move(p));
      if (progress && i % 100000 == 0) progress("persons", i, opt.persons);
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
    BHXH_RETURN_IF_ERROR(tx.Commit());
  }
  gs.persons = opt.persons;
  if (db.dialect() == Dialect::kPostgres) {
    BHXH_RETURN_IF_ERROR(
        db.Exec("SELECT setval(pg_get_serial_sequence('persons','id'), (SELECT MAX(id) FROM persons))"));
  }

  // ---- employers
  std::vector<size_t> working;
  for (size_t i = 0; i < persons.size(); ++i)
    if (persons[i].age >= 18 && persons[i].age < 62) working.push_back(i);
  size_t n_workers = static_cast<size_t>(working.size() * 0.40);
  size_t n_emp = std::max<size_t>(20, n_workers / 4);
  std::vector<GenEmployer> emps;
  {
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("employers", {"id", "code", "tax_code", "name", "type", "province", "region",
                                                        "created_at", "created_by"}));
    struct StatusRow {
      int64_t id;
      std::string from, status;
    };
    std::vector<StatusRow> statuses;
    std::string now = NowIsoUtc();
    for (size_t i = 0; i < n_emp; ++i) {
      GenEmployer e;
      e.id = static_cast<int64_t>(i + 1);
      double u = rng.Uniform();
      e.type = u < 0.80   ? "enterprise"
               : u < 0.85 ? "state_agency"
               : u < 0.93 ? "cooperative"
               : u < 0.99 ? "household_business"
                          : "foreign_organisation";
      char letter = e.type == "enterprise"           ? 'A'
                    : e.type == "state_agency"       ? 'H'
                    : e.type == "cooperative"        ? 'X'
                    : e.type == "household_business" ? 'K'
                                                     : 'N';
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%c%05zu", prov.c_str(), letter, i + 1);
      e.code = buf;
      std::snprintf(buf, sizeof buf, "%s%08zu", prov.c_str(), 10000000 + i);
      std::string tax = buf;
      double r = rng.Uniform();
      e.region = r < 0.7 ? 1 : r < 0.9 ? 2 : 3;
      // Pareto-like sizes: most employers are small, a few are large.
      e.weight = std::pow(1.0 - rng.Uniform(), -1.0 / 1.2);
      double b = rng.Uniform();
      e.behaviour = b < 0.85 ? 0 : b < 0.95 ? 1 : 2;
      e.stop_paying = opt.start.Add(static_cast<int>(rng.Range(std::min(6, span), span)));
      std::string prefix = e.type == "enterprise"           ? "Công ty TNHH "
                           : e.type == "state_agency"       ? "Trung tâm "
                           : e.type == "cooperative"        ? "Hợp tác xã "
                           : e.type == "household_business" ? "Hộ kinh doanh "
                                                            : "Văn phòng đại diện ";
      std::string name = prefix + Pick(rng, kBizWords) + " " + std::to_string(i + 1);
      w->Int(e.id);
      w->Text(e.code);
      w->Text(tax);
      w->Text(name);
      w->Text(e.type);
      w->Text(prov);
      w->Int(e.region);
      w->Text(now);
      w->Text(actor.id);
      BHXH_RETURN_IF_ERROR(w->EndRow());
      statuses.push_back({e.id, "2015-01-01", "active"});
      double c = rng.Uniform();
      bool coop = e.type == "cooperative";
      std::string closed;
      if (c < (coop ? 0.15 : 0.03))
        closed = rng.Chance(coop ? 0.85 : 0.8) ? "dissolved" : "bankrupt";
      else if (c < (coop ? 0.23 : 0.06))
        closed = "suspended";
      if (!closed.empty()) {
        e.closed = opt.start.Add(static_cast<int>(rng.Range(std::min(6, span), span)));
        statuses.push_back({e.id, e.closed->FirstDay().ToString(), closed});
        // Closed employers mostly stopped paying some months before.
        if (rng.Chance(0.7)) {
          e.behaviour = 2;
          e.stop_paying = e.closed->Add(-static_cast<int>(rng.Range(1, 6)));
        }
      }
      if (coop) ++gs.cooperatives;
      emps.push_back(std::move(e));
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
    BHXH_ASSIGN_OR_RETURN(auto ws,
                          db.Bulk("employer_status", {"employer_id", "effective_from", "status", "recorded_by"}));
    for (const auto& r : statuses) {
      ws->Int(r.id);
      ws->Text(r.from);
      ws->Text(r.status);
      ws->Text(actor.id);
      BHXH_RETURN_IF_ERROR(ws->EndRow());
    }
    BHXH_RETURN_IF_ERROR(ws->Finish());
    BHXH_RETURN_IF_ERROR(tx.Commit());
  }
  gs.employers = static_cast<int64_t>(emps.size());
  if (db.dialect() == Dialect::kPostgres) {
    BHXH_RETURN_IF_ERROR(
        db.Exec("SELECT setval(pg_get_serial_sequence('employers','id'), (SELECT MAX(id) FROM employers))"));
  }

  // ---- periods and cards
  std::vector<double> cum;
  double total_w = 0;
  for (const auto& e : emps) cum.push_back(total_w += e.weight);
  for (size_t i = working.size(); i > 1; --i) std::swap(working[i - 1], working[rng.Next() % i]);
  std::vector<int> employed(persons.size(), -1);  // employer index
  std::vector<Month> employed_from(persons.size());
  {
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("periods", {"person_id", "employer_id", "from_month", "to_month", "salary",
                                                      "funds", "group_code", "province"}));
    for (size_t k = 0; k < n_workers; ++k) {
      size_t pi = working[k];
      const GenPerson& p = persons[pi];
      size_t ei = std::lower_bound(cum.begin(), cum.end(), rng.Uniform() * total_w) - cum.begin();
      ei = std::min(ei, emps.size() - 1);
      const GenEmployer& e = emps[ei];
      std::string group = e.type == "state_agency" ? "HC" : e.type == "cooperative" ? "HX" : "DN";
      FundMask funds = kAllFunds;
      // Start before the window for most; some join during it.
      Month from = rng.Chance(0.75)
                       ? opt.start.Add(-static_cast<int>(rng.Range(1, 60)))
                       : opt.start.Add(static_cast<int>(rng.Range(0, opt.end.index() - opt.start.index())));
      std::optional<Month> to;
      if (rng.Chance(0.2)) {
        Month leave = from.Add(static_cast<int>(rng.Range(3, 48)));
        if (leave <= opt.end) to = leave;
      }
      if (e.closed && (!to || *to >= *e.closed)) to = e.closed->Prev();
      if (to && *to < from) continue;
      // Salary: around the regional minimum, a long tail above it.
      // The floor in force when the period starts (law data, not literals).
      auto floor_at = [&](Month m) -> Result<Vnd> {
        Month at = std::max(m, Month::Of(2017, 1));
        if (e.type == "state_agency") return law.Amount("reference_level", at.FirstDay());
        return law.Amount("region_min_wage." + std::to_string(e.region), at.FirstDay());
      };
      BHXH_ASSIGN_OR_RETURN(Vnd floor, floor_at(from));
      double mult = e.type == "state_agency" ? 2.34 + rng.Uniform() * 4
                                             : 1.0 + std::min(6.0, -std::log(1.0 - rng.Uniform()) * 0.9);
      Vnd salary = static_cast<Vnd>(floor * mult / 10000) * 10000;
      // Salaries rise each January inside the window: one period per year.
      Month seg_from = from;
      while (true) {
        Month year_end = Month::Of(seg_from.year(), 12);
        bool last = (to && *to <= year_end) || year_end >= opt.end;
        Month seg_to = last ? (to ? *to : Month()) : year_end;
        w->Int(static_cast<int64_t>(p.id));
        w->Int(e.id);
        w->Int(seg_from.index());
        if (last && !to)
          w->Null();
        else
          w->Int(seg_to.index());
        // Keep every segment at or above the regional minimum of its year.
        BHXH_ASSIGN_OR_RETURN(Vnd seg_floor, floor_at(seg_from));
        salary = std::max(salary, seg_floor);
        w->Int(salary);
        w->Int(funds);
        w->Text(group);
        w->Text(prov);  // the employer's province
        BHXH_RETURN_IF_ERROR(w->EndRow());
        ++gs.periods;
        if (last) break;
        seg_from = year_end.Next();
        salary = static_cast<Vnd>(salary * (1.03 + rng.Uniform() * 0.05) / 10000) * 10000;
      }
      if (!to) {
        employed[pi] = static_cast<int>(ei);
        employed_from[pi] = from;
      }
      ++gs.workers;
    }
    BHXH_RETURN_IF_ERROR(w->Finish());

    BHXH_ASSIGN_OR_RETURN(auto wc, db.Bulk("hi_cards", {"person_id", "code", "valid_from", "valid_to", "facility",
                                                        "five_year_date", "status", "issued_by"}));
    int year = opt.end.year();
    for (size_t i = 0; i < persons.size(); ++i) {
      const GenPerson& p = persons[i];
      std::string group;
      if (employed[i] >= 0) {
        const auto& t = emps[employed[i]].type;
        group = t == "state_agency" ? "HC" : t == "cooperative" ? "HX" : "DN";
      } else if (!rng.Chance(0.91)) {
        continue;  // not covered: with workers this gives about 93% coverage
      } else if (p.age < 6) {
        group = "TE";
      } else if (p.age < 18) {
        group = "HS";
      } else if (p.age >= 60 && rng.Chance(0.45)) {
        group = "HT";
      } else if (rng.Chance(0.07)) {
        group = "HN";
      } else if (p.age >= 18 && p.age < 23 && rng.Chance(0.5)) {
        group = "SV";
      } else {
        group = "GD";
      }
      BHXH_ASSIGN_OR_RETURN(GroupRule g, law.Group(group, opt.end.FirstDay()));
      std::string code = group + std::to_string(g.hi_level) + p.si.substr(0, 2) + p.si;
      bool expired = rng.Chance(0.04);
      Date from = Date::FromYmd(expired ? year - 1 : year, 1, 1);
      Date to = Date::FromYmd(expired ? year - 1 : year, 12, 31);
      if (group == "TE") {  // valid from birth until the day before the sixth birthday
        from = Date::FromYmd(p.year, p.month, p.day);
        to = Date::FromYmd(p.year + 6, p.month, p.day).AddDays(-1);
      }
      char fac[8];
      std::snprintf(fac, sizeof fac, "%s%03d", prov.c_str(), static_cast<int>(rng.Range(1, 40)));
      wc->Int(static_cast<int64_t>(p.id));
      wc->Text(code);
      wc->Text(from.ToString());
      wc->Text(to.ToString());
      wc->Text(fac);
      if (rng.Chance(0.6))
        wc->Text(
            Date::FromYmd(static_cast<int>(rng.Range(2016, 2030)), static_cast<int>(rng.Range(1, 12)), 1).ToString());
      else
        wc->Null();
      wc->Text("active");
      wc->Text(actor.id);
      BHXH_RETURN_IF_ERROR(wc->EndRow());
      ++gs.cards;
    }
    BHXH_RETURN_IF_ERROR(wc->Finish());
    BHXH_RETURN_IF_ERROR(
        WriteAudit(db, actor, "generate", "database", prov,
                   "seed " + std::to_string(opt.seed) + ", " + std::to_string(opt.persons) + " persons"));
    BHXH_RETURN_IF_ERROR(tx.Commit());
  }
  if (!opt.collect) return gs;

  // ---- monthly collection with the real engine, then payments.
  int total_months = opt.end.index() - opt.start.index() + 1;
  for (Month m = opt.start; m <= opt.end; m = m.Next()) {
    BHXH_ASSIGN_OR_RETURN(CollectStats cs, RunCollection(db, law, m, actor));
    (void)cs;
    ++gs.months_collected;
    if (progress) progress("collect", m.index() - opt.start.index() + 1, total_months);
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st, db.Prepare("SELECT d.employer_id, d.month, d.amount, e.province FROM employer_dues d "
                            "JOIN employers e ON e.id = d.employer_id ORDER BY d.employer_id, d.month"));
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    Date today = Date::Today();
    struct Due {
      int64_t emp;
      Month m;
      Vnd amount;
      std::string province;
    };
    std::vector<Due> dues;
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      dues.push_back({st->Int(0), Month::FromIndex(static_cast<int32_t>(st->Int(1))), st->Int(2), st->Text(3)});
    }
    // Stored as the API stores them (keys first, rows where their province
    // lives), so a replay of a generated key is refused like any other.
    std::vector<NewPayment> pays;
    for (const Due& d : dues) {
      const GenEmployer& e = emps[d.emp - 1];
      Rng er(opt.seed ^ (static_cast<uint64_t>(d.emp) * 0x9E37ULL) ^ static_cast<uint64_t>(d.m.index()));
      if (e.behaviour == 2 && d.m >= e.stop_paying) continue;
      Date paid = d.m.FirstDay().AddDays(static_cast<int>(er.Range(14, 27)));
      if (e.behaviour == 1)
        paid = d.m.Add(static_cast<int>(er.Range(1, 3))).FirstDay().AddDays(static_cast<int>(er.Range(0, 27)));
      if (paid > today) continue;
      std::string ref = "GEN-" + std::to_string(d.emp) + "-" + d.m.ToString();
      pays.push_back({d.emp, d.province, paid, d.amount, ref, "generator", "gen:" + ref});
      ++gs.payments;
    }
    BHXH_ASSIGN_OR_RETURN(auto stored, StorePayments(db, pays, actor.id));
    (void)stored;
    BHXH_RETURN_IF_ERROR(tx.Commit());
  }
  return gs;
}

Result<std::optional<RetroRaise>> GenerateRetroactiveRaise(Db& db, const Geo& geo, const LawBook& law,
                                                            const std::string& employer_code, Month last_run,
                                                            const Actor& actor) {
  const Month today = Month::OfDate(Date::Today());
  const Month from = last_run.Prev();
  if (!(last_run < today)) return std::optional<RetroRaise>{};
  RetroRaise r;
  r.from = from;
  r.recorded = today;
  Vnd salary = 0;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.cccd, pe.salary FROM periods pe JOIN persons p ON p.id = pe.person_id "
                                              "JOIN employers e ON e.id = pe.employer_id WHERE e.code = ? AND "
                                              "pe.to_month IS NULL AND pe.from_month < ? AND p.deceased_on IS NULL "
                                              "ORDER BY p.id LIMIT 1"));
    st->Bind(employer_code, static_cast<int64_t>(from.index()));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return std::optional<RetroRaise>{};
    r.cccd = st->Text(0);
    salary = st->Int(1);
  }
  Declaration d{employer_code, today.ToString(), "demo-retroactive-raise-" + employer_code, {}};
  DeclarationRow row;
  row.action = "salary";
  row.cccd = r.cccd;
  row.effective_month = from.ToString();
  row.salary = std::to_string((salary * 11 / 10 + 999) / 1000 * 1000);
  d.rows.push_back(row);
  BHXH_ASSIGN_OR_RETURN(DeclarationResult res, SubmitDeclaration(db, geo, law, d, actor));
  if (!res.accepted)
    return Status::Internal("the demo's late raise was refused: " + (res.errors.empty() ? "" : res.errors[0].message_en));
  for (Month m : {from, last_run}) {
    BHXH_ASSIGN_OR_RETURN(CollectStats cs, RunCollection(db, law, m, actor));
    r.net += cs.adjustment_net;
  }
  return std::optional<RetroRaise>{r};
}

}  // namespace bhxh
