#include "development/development.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "base/csv_out.h"
#include "base/parse.h"
#include "base/table_file.h"
#include "base/text.h"
#include "base/xlsx.h"
#include "benefits/benefit_law.h"
#include "geo/geo.h"
#include "law/contribution.h"
#include "law/lawbook.h"
#include "platform/audit/audit.h"

namespace bhxh {

Result<DevelopmentData> DevelopmentData::Load(const std::string& dir) {
  DevelopmentData d;
  BHXH_ASSIGN_OR_RETURN(d.params, ParamTable::LoadFile(dir + "/parameters.csv"));
  for (const char* k : {"registration.deadline_days", "registration.late_days", "new_business.days", "wage_gap.tolerance",
                        "working_age.min_years", "floor_wage.key"})
    if (!d.params.Has(k))
      return Status::Invalid("parameters", std::string("Thiếu tham số ") + k + " trong data/development/parameters.csv",
                             std::string("missing parameter ") + k + " in data/development/parameters.csv");
  return d;
}

namespace {

std::string Cell(const CsvRow& r, int col) {
  return col >= 0 && static_cast<size_t>(col) < r.cells.size() ? Trim(r.cells[col]) : std::string();
}

// Counts and amounts as the sources write them: "1.234", "1,234", "1 234".
Result<int64_t> Whole(const std::string& text, const std::string& field) {
  std::string digits;
  for (char ch : text)
    if (ch != '.' && ch != ',' && ch != ' ') digits.push_back(ch);
  if (digits.empty()) return Status::Invalid(field, "Thiếu giá trị " + field, "missing " + field);
  return ParseInt(digits, field, 0, 1'000'000'000'000'000LL);
}

bool ValidTaxCode(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() == 10) return digits(0, 10);
  return s.size() == 14 && digits(0, 10) && s[10] == '-' && digits(11, 3);
}

// The business register's status in its own words or ours.
std::optional<std::string> RegisterStatus(const std::string& text) {
  std::string k = HeaderKey(text);
  if (k == "active" || k == "dang hoat dong" || k == "hoat dong" || k == "nnt dang hoat dong") return "active";
  if (k == "suspended" || k == "tam ngung kinh doanh" || k == "tam ngung hoat dong" || k == "ngung hoat dong")
    return "suspended";
  if (k == "dissolved" || k == "da giai the" || k == "giai the") return "dissolved";
  if (k == "bankrupt" || k == "pha san" || k == "da pha san") return "bankrupt";
  return std::nullopt;
}

struct ColumnSpec {
  std::string name;
  std::vector<std::string> aliases;
  bool required;
};

std::vector<ColumnSpec> Columns(const std::string& kind) {
  const std::vector<std::string> tax_code = {"ma so thue", "mst", "ma so doanh nghiep", "ma so thue doanh nghiep"};
  if (kind == "tax_employers")
    return {{"tax_code", tax_code, true},
            {"name", {"ten doanh nghiep", "ten to chuc", "ten nguoi nop thue", "ten don vi", "ten"}, false},
            {"workers", {"so lao dong", "so lao dong co thu nhap", "so nguoi co thu nhap", "so ld"}, true},
            {"wage_cost", {"tong quy luong", "quy luong", "chi phi tien luong", "tong thu nhap chiu thue", "tien luong"},
             true},
            {"province", {"ma tinh", "tinh"}, false}};
  if (kind == "tax_workers")
    return {{"tax_code", tax_code, true},
            {"cccd", {"so cccd", "so dinh danh", "so dinh danh ca nhan", "ma so thue ca nhan", "ma dinh danh"}, true},
            {"full_name", {"ho ten", "ho va ten", "ten nguoi lao dong", "ten"}, false},
            {"income", {"thu nhap", "tong thu nhap", "thu nhap chiu thue", "tien luong"}, true}};
  if (kind == "business_register")
    return {{"tax_code", tax_code, true},
            {"name", {"ten doanh nghiep", "ten"}, true},
            {"address", {"dia chi", "dia chi tru so", "dia chi tru so chinh"}, false},
            {"province", {"ma tinh", "tinh"}, true},
            {"commune", {"ma xa", "ma phuong xa", "xa", "xa phuong"}, false},
            {"registered_on", {"ngay thanh lap", "ngay dang ky", "ngay cap", "ngay dang ky lan dau"}, true},
            {"status", {"tinh trang", "trang thai", "tinh trang hoat dong"}, true},
            {"declared_labour", {"so lao dong", "lao dong", "so lao dong dang ky"}, false}};
  if (kind == "commune_targets")
    return {{"province", {"ma tinh", "tinh"}, true},
            {"commune", {"ma xa", "ma phuong xa", "xa"}, true},
            {"voluntary_target", {"chi tieu bhxh tu nguyen", "chi tieu tu nguyen", "bhxh tu nguyen"}, true},
            {"hi_target", {"chi tieu bhyt", "chi tieu bhyt ho gia dinh", "bhyt"}, false}};
  return {};
}

void Err(std::vector<RowError>& e, int line, const std::string& field, const std::string& vi, const std::string& en) {
  e.push_back({line, field, "invalid_input", vi, en});
}

}  // namespace

const std::vector<std::string>& DevImportKinds() {
  static const std::vector<std::string> k = {"tax_employers", "tax_workers", "business_register", "commune_targets"};
  return k;
}

Result<DevImport> ImportDevelopmentFile(Db& db, const Geo& geo, const std::string& kind, std::string_view bytes,
                                        int year, const Actor& actor) {
  std::vector<ColumnSpec> spec = Columns(kind);
  if (spec.empty())
    return Status::Invalid("kind", "Loại tệp phải là tax_employers, tax_workers, business_register hoặc commune_targets",
                           "kind must be tax_employers, tax_workers, business_register or commune_targets");
  bool yearly = kind != "business_register";
  if (yearly && (year < 2000 || year > 2100))
    return Status::Invalid("year", "Cần năm của dữ liệu (2000-2100)", "the data's year is required (2000-2100)");
  if (!yearly) year = 0;
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadTableBytes(bytes, kind));
  std::vector<int> col;
  for (const auto& c : spec) {
    int i = FindColumn(t, c.name, c.aliases);
    if (i < 0 && c.required) {
      std::string also;
      for (const auto& a : c.aliases) also += (also.empty() ? "" : ", ") + a;
      return Status::Invalid(kind, "Thiếu cột \"" + c.name + "\" (hoặc: " + also + ", không phân biệt dấu)",
                             "missing column \"" + c.name + "\" (or: " + also + ")");
    }
    col.push_back(i);
  }
  if (t.rows.empty()) return Status::Invalid(kind, "Tệp không có dòng dữ liệu nào", "the file has no data rows");
  DevImport out;
  out.kind = kind;
  out.year = year;
  out.sha256 = Sha256Hex(std::string(bytes));
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT rows FROM dev_imports WHERE kind = ? AND year = ? AND sha256 = ?"));
    st->BindText(1, kind);
    st->BindInt(2, year);
    st->BindText(3, out.sha256);
    BHXH_ASSIGN_OR_RETURN(bool seen, st->Step());
    if (seen) {
      out.rows = st->Int(0);
      out.replayed = true;
      return out;
    }
  }

  // Every row checked before anything is written.
  std::vector<std::vector<std::string>> rows;
  std::set<std::string> keys;
  auto known_province = [&](const std::string& p) { return p.size() == 2 && geo.IsKnownCode(p); };
  for (const auto& r : t.rows) {
    std::vector<std::string> v;
    for (int i : col) v.push_back(Cell(r, i));
    size_t before = out.errors.size();
    auto& e = out.errors;
    std::string key;
    if (kind == "tax_employers" || kind == "tax_workers" || kind == "business_register") {
      if (!ValidTaxCode(v[0]))
        Err(e, r.line, "tax_code", "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số-3 chữ số cho chi nhánh",
            "tax code is 10 digits, or 10 digits-3 digits for a branch");
      key = v[0];
    }
    if (kind == "tax_employers") {
      for (int i : {2, 3})
        if (auto n = Whole(v[i], spec[i].name); !n.ok())
          Err(e, r.line, spec[i].name, spec[i].name + ": cần số nguyên không âm", spec[i].name + ": a whole number >= 0");
      if (!v[4].empty() && !known_province(v[4]))
        Err(e, r.line, "province", "Mã tỉnh không có trong danh mục", "unknown province code");
    } else if (kind == "tax_workers") {
      if (Status s = ValidateCccd(v[1], [&](std::string_view p) { return geo.IsCccdProvince(p); }, std::nullopt,
                                  std::nullopt, "cccd");
          !s.ok())
        Err(e, r.line, "cccd", s.message_vi(), s.message_en());
      if (auto n = Whole(v[3], "income"); !n.ok())
        Err(e, r.line, "income", "Thu nhập: cần số nguyên không âm", "income: a whole number >= 0");
      key += "|" + v[1];
    } else if (kind == "business_register") {
      if (v[1].empty()) Err(e, r.line, "name", "Thiếu tên doanh nghiệp", "missing business name");
      if (!known_province(v[3])) Err(e, r.line, "province", "Mã tỉnh không có trong danh mục", "unknown province code");
      if (v[4].size() > 10) Err(e, r.line, "commune", "Mã xã tối đa 10 ký tự", "commune code up to 10 characters");
      auto d = Date::ParseIsoOrVi(ExcelSerialToIso(v[5]), "registered_on");
      if (!d.ok())
        Err(e, r.line, "registered_on", "Ngày thành lập: YYYY-MM-DD hoặc dd/mm/yyyy",
            "registered_on: YYYY-MM-DD or dd/mm/yyyy");
      else
        v[5] = d->ToString();
      if (auto s = RegisterStatus(v[6]))
        v[6] = *s;
      else
        Err(e, r.line, "status",
            "Tình trạng: đang hoạt động, tạm ngừng kinh doanh, đã giải thể hoặc phá sản (active, suspended, dissolved, "
            "bankrupt)",
            "status: active, suspended, dissolved or bankrupt");
      if (!v[7].empty() && !Whole(v[7], "declared_labour").ok())
        Err(e, r.line, "declared_labour", "Số lao động: cần số nguyên không âm", "declared_labour: a whole number >= 0");
    } else {  // commune_targets
      if (!known_province(v[0])) Err(e, r.line, "province", "Mã tỉnh không có trong danh mục", "unknown province code");
      if (v[1].empty() || v[1].size() > 10) Err(e, r.line, "commune", "Mã xã 1-10 ký tự", "commune code 1-10 characters");
      if (!Whole(v[2], "voluntary_target").ok())
        Err(e, r.line, "voluntary_target", "Chỉ tiêu: cần số nguyên không âm", "target: a whole number >= 0");
      if (!v[3].empty() && !Whole(v[3], "hi_target").ok())
        Err(e, r.line, "hi_target", "Chỉ tiêu BHYT: cần số nguyên không âm", "HI target: a whole number >= 0");
      key = v[0] + "|" + v[1];
    }
    if (e.size() == before && !keys.insert(key).second)
      Err(e, r.line, spec[0].name, "Dòng trùng khoá với một dòng trước trong tệp", "the same key as an earlier row");
    rows.push_back(std::move(v));
  }
  if (!out.errors.empty()) return out;

  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto imp, db.Prepare("INSERT INTO dev_imports (kind, year, sha256, rows, imported_at, imported_by) "
                                             "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  imp->Bind(kind, year, out.sha256, static_cast<int64_t>(rows.size()), NowIsoUtc(), actor.id);
  BHXH_ASSIGN_OR_RETURN(bool got, imp->Step());
  if (!got) return Status::Internal("import id");
  int64_t import_id = imp->Int(0);
  std::string sql;
  if (kind == "tax_employers")
    sql = "INSERT INTO tax_workforce (year, tax_code, name, employees, wage_bill, province, source, loaded_at, loaded_by) "
          "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (tax_code, year) DO UPDATE SET name = excluded.name, "
          "employees = excluded.employees, wage_bill = excluded.wage_bill, province = excluded.province, "
          "source = excluded.source, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by";
  else if (kind == "tax_workers")
    sql = "INSERT INTO tax_workers (year, tax_code, cccd, full_name, income, import_id) VALUES (?,?,?,?,?,?) "
          "ON CONFLICT (year, tax_code, cccd) DO UPDATE SET full_name = excluded.full_name, income = excluded.income, "
          "import_id = excluded.import_id";
  else if (kind == "business_register")
    sql = "INSERT INTO business_register (tax_code, name, address, province, commune, registered_on, status, "
          "declared_labour, import_id) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (tax_code) DO UPDATE SET "
          "name = excluded.name, address = excluded.address, province = excluded.province, commune = excluded.commune, "
          "registered_on = excluded.registered_on, status = excluded.status, declared_labour = excluded.declared_labour, "
          "import_id = excluded.import_id";
  else
    sql = "INSERT INTO commune_targets (year, province, commune, voluntary_target, hi_target, set_by, set_at) VALUES "
          "(?,?,?,?,?,?,?) ON CONFLICT (year, province, commune) DO UPDATE SET voluntary_target = "
          "excluded.voluntary_target, hi_target = excluded.hi_target, set_by = excluded.set_by, set_at = excluded.set_at";
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(sql));
  auto whole = [](const std::string& s) { return s.empty() ? int64_t{0} : *Whole(s, "n"); };
  for (const auto& v : rows) {
    if (kind == "tax_employers")
      ins->Bind(year, v[0], v[1], whole(v[2]), whole(v[3]), v[4], "development import " + std::to_string(import_id),
                NowIsoUtc(), actor.id);
    else if (kind == "tax_workers")
      ins->Bind(year, v[0], v[1], v[2], whole(v[3]), import_id);
    else if (kind == "business_register")
      ins->Bind(v[0], v[1], v[2], v[3], v[4], v[5], v[6], whole(v[7]), import_id);
    else if (v[3].empty())
      ins->Bind(year, v[0], v[1], whole(v[2]), nullptr, actor.id, NowIsoUtc());
    else
      ins->Bind(year, v[0], v[1], whole(v[2]), whole(v[3]), actor.id, NowIsoUtc());
    BHXH_RETURN_IF_ERROR(ins->Run());
    ins->Reset();
  }
  out.rows = static_cast<int64_t>(rows.size());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "development.import", kind, std::to_string(import_id),
                                  std::to_string(out.rows) + " rows, year " + std::to_string(year)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

// --- the match -----------------------------------------------------------------

namespace {

struct TaxWorkerRows {
  std::vector<std::string> codes;  // employers in index order, with their row counts
  std::vector<int64_t> counts;
  std::vector<uint64_t> cccd;
  std::vector<int64_t> income;
};

// In two passes over the same index order — each employer's row count, then
// the rows without their tax code — so the 25 million rows of a national
// year carry no text at all (CCCD read as a number).
Status ReadTaxWorkers(Db& db, int year, TaxWorkerRows* out) {
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT tax_code, COUNT(*) FROM tax_workers WHERE year = ? GROUP BY tax_code "
                                              "ORDER BY tax_code"));
    st->BindInt(1, year);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      out->codes.push_back(st->Text(0));
      out->counts.push_back(st->Int(1));
    }
  }
  int64_t total = 0;
  for (int64_t n : out->counts) total += n;
  out->cccd.reserve(static_cast<size_t>(total));
  out->income.reserve(static_cast<size_t>(total));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT CAST(cccd AS BIGINT), income FROM tax_workers WHERE year = ? "
                                            "ORDER BY tax_code, cccd"));
  st->BindInt(1, year);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out->cccd.push_back(static_cast<uint64_t>(st->Int(0)));
    out->income.push_back(st->Int(1));
  }
  if (static_cast<int64_t>(out->cccd.size()) != total) return Status::Internal("tax_workers changed while being read");
  return Status::Ok();
}

Status ReadRegister(Db& db, Date as_of, MatchColumns* c) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT tax_code, name, province, commune, registered_on, status, "
                                            "declared_labour FROM business_register ORDER BY tax_code"));
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    auto d = Date::Parse(st->Text(4), "registered_on");
    if (!d.ok() || *d > as_of) continue;  // registered after the run's date: not yet known then
    c->br_tax_code.Add(st->Text(0));
    c->br_name.Add(st->Text(1));
    c->br_province.Add(st->Text(2));
    c->br_commune.Add(st->Text(3));
    c->br_registered.push_back(d->days());
    c->br_active.push_back(st->Text(5) == "active" ? 1 : 0);
    c->br_labour.push_back(st->Int(6));
  }
  return Status::Ok();
}

}  // namespace

Result<MatchColumns> LoadMatchColumns(Db& db, Db* helper, int year, Date as_of) {
  // Read for speed: numbers rather than text where the value is a number
  // (CCCD as an integer: no string per row); with a helper connection the
  // tax workers are read on the other core while this one reads the rest.
  MatchColumns c;
  std::unordered_map<std::string, uint32_t> tx_index;
  auto add_tax_employer = [&](const std::string& code, const std::string& name, int64_t workers, int64_t wage,
                              const std::string& province) {
    uint32_t i = static_cast<uint32_t>(c.tx_tax_code.size());
    tx_index.emplace(code, i);
    c.tx_tax_code.Add(code);
    c.tx_name.Add(name);
    c.tx_workers.push_back(workers);
    c.tx_wage.push_back(wage);
    c.tx_province.Add(province);
    return i;
  };
  TaxWorkerRows tw;
  Status tw_status;
  std::thread reader;
  if (helper) reader = std::thread([&] { tw_status = ReadTaxWorkers(*helper, year, &tw); });
  Status main_status = [&]() -> Status {
    std::vector<int32_t> si_index;  // by employer id
    {
      BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, code, tax_code, name, province FROM employers ORDER BY id"));
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
        if (!row) break;
        int64_t id = st->Int(0);
        if (id < 0 || id > 1'000'000'000) return Status::Internal("employer id out of range");
        if (static_cast<size_t>(id) >= si_index.size()) si_index.resize(static_cast<size_t>(id) + 1, -1);
        si_index[static_cast<size_t>(id)] = static_cast<int32_t>(c.si_code.size());
        c.si_code.Add(st->Text(1));
        c.si_tax_code.Add(st->Text(2));
        c.si_name.Add(st->Text(3));
        c.si_province.Add(st->Text(4));
      }
    }
    // Months of the year up to the run date: a period still open is counted
    // only to the month the run looks from.
    int32_t first = Month::Of(year, 1).index();
    int32_t last = std::min(Month::Of(year, 12).index(), Month::OfDate(as_of).index());
    {
      BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.employer_id, CAST(pe.cccd AS BIGINT), p.from_month, p.to_month, "
                                                "p.salary FROM periods p JOIN persons pe ON pe.id = p.person_id WHERE "
                                                "p.employer_id IS NOT NULL AND p.from_month <= ? AND (p.to_month IS NULL OR "
                                                "p.to_month >= ?)"));
      st->BindInt(1, last);
      st->BindInt(2, first);
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
        if (!row) break;
        int64_t id = st->Int(0);
        if (id < 0 || static_cast<size_t>(id) >= si_index.size() || si_index[static_cast<size_t>(id)] < 0) continue;
        int64_t from = std::max<int64_t>(st->Int(2), first), to = st->IsNull(3) ? last : std::min<int64_t>(st->Int(3), last);
        if (to < from) continue;
        c.eng_employer.push_back(static_cast<uint32_t>(si_index[static_cast<size_t>(id)]));
        c.eng_cccd.push_back(static_cast<uint64_t>(st->Int(1)));
        c.eng_wage.push_back(st->Int(4) * (to - from + 1));
      }
    }
    {
      BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT tax_code, COALESCE(name,''), employees, wage_bill, COALESCE(province,'') "
                                                "FROM tax_workforce WHERE year = ? ORDER BY tax_code"));
      st->BindInt(1, year);
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
        if (!row) break;
        add_tax_employer(st->Text(0), st->Text(1), st->Int(2), st->Int(3), st->Text(4));
      }
    }
    return ReadRegister(db, as_of, &c);
  }();
  if (reader.joinable())
    reader.join();
  else if (main_status.ok())
    tw_status = ReadTaxWorkers(db, year, &tw);
  BHXH_RETURN_IF_ERROR(main_status);
  BHXH_RETURN_IF_ERROR(tw_status);
  size_t row = 0;
  for (size_t r = 0; r < tw.codes.size(); ++r) {
    auto it = tx_index.find(tw.codes[r]);
    // Listed workers of an employer without a summary row.
    uint32_t i = it != tx_index.end() ? it->second : add_tax_employer(tw.codes[r], "", 0, 0, "");
    for (int64_t k = 0; k < tw.counts[r]; ++k, ++row) c.tw_employer.push_back(i);
  }
  c.tw_cccd = std::move(tw.cccd);
  c.tw_income = std::move(tw.income);
  return c;
}

Result<MatchParams> MatchParamsFor(const DevelopmentData& data, const LawBook& law, int year, Date as_of,
                                   std::vector<LawParam>* cited) {
  MatchParams p;
  p.year = year;
  p.as_of = as_of;
  auto integer = [&](const char* key) -> Result<int64_t> {
    BHXH_ASSIGN_OR_RETURN(LawParam row, data.params.Param(key, as_of));
    CiteOnce(*cited, row);
    return data.params.Integer(key, as_of);
  };
  BHXH_ASSIGN_OR_RETURN(int64_t reg, integer("registration.deadline_days"));
  BHXH_ASSIGN_OR_RETURN(int64_t late, integer("registration.late_days"));
  BHXH_ASSIGN_OR_RETURN(int64_t fresh, integer("new_business.days"));
  p.registration_days = static_cast<int>(reg);
  p.late_days = static_cast<int>(late);
  p.new_business_days = static_cast<int>(fresh);
  BHXH_ASSIGN_OR_RETURN(LawParam tol, data.params.Param("wage_gap.tolerance", as_of));
  CiteOnce(*cited, tol);
  BHXH_ASSIGN_OR_RETURN(p.wage_tolerance, data.params.Percent("wage_gap.tolerance", as_of));
  BHXH_ASSIGN_OR_RETURN(LawParam floor_key, data.params.Param("floor_wage.key", as_of));
  CiteOnce(*cited, floor_key);
  BHXH_ASSIGN_OR_RETURN(LawParam floor, law.Param(floor_key.value, as_of));
  CiteOnce(*cited, floor);
  BHXH_ASSIGN_OR_RETURN(p.floor_wage, law.Amount(floor_key.value, as_of));
  // The rates of a private employer's worker at the end of the income year
  // (or the run's date, if earlier): both parties, every fund.
  Date at = std::min(Date::FromYmd(year, 12, 31), as_of);
  for (const auto& r : law.Rates("employee_private", at)) {
    if (r.party != Party::kEmployer && r.party != Party::kEmployee) continue;
    p.rate += r.rate;
    CiteOnce(*cited, LawParam{std::string("rate.") + FundCode(r.fund) + "." + PartyCode(r.party), r.effective_from,
                              PercentString(r.rate), "percent", r.law, r.source, ""});
  }
  if (p.rate <= 0)
    return Status::NotFound("rates", "Không có tỷ lệ đóng bắt buộc tại ngày " + at.ToVi(),
                            "no compulsory rates in force on " + at.ToString());
  return p;
}

namespace {

std::string Stage(const std::optional<int>& days, int late_days, const std::string& kind) {
  if (kind != "unregistered" || !days) return "";
  if (*days <= 0) return "within_deadline";
  return *days <= late_days ? "late" : "evasion";
}

const char* kFindingColumns =
    "f.id, f.run_id, f.year, f.kind, f.tax_code, COALESCE(f.employer_code,''), f.name, f.province, f.commune, "
    "f.tax_workers, f.si_workers, f.gap_people, f.tax_wage, f.si_wage, f.gap_wage, f.missing_income, f.at_stake, "
    "f.days_past_deadline, f.new_business, f.estimated, COALESCE(f.registered_on,''), f.stage, "
    "COALESCE(u.status,'open'), COALESCE(u.note,''), COALESCE(u.recorded_at,''), COALESCE(u.recorded_by,'') "
    "FROM dev_findings f LEFT JOIN dev_followups u ON u.id = (SELECT MAX(x.id) FROM dev_followups x WHERE "
    "x.kind = f.kind AND x.tax_code = f.tax_code AND x.year = f.year)";

StoredFinding ReadFinding(Stmt& st) {
  StoredFinding f;
  f.id = st.Int(0);
  f.run_id = st.Int(1);
  f.year = static_cast<int>(st.Int(2));
  f.kind = st.Text(3);
  f.tax_code = st.Text(4);
  f.employer_code = st.Text(5);
  f.name = st.Text(6);
  f.province = st.Text(7);
  f.commune = st.Text(8);
  f.tax_workers = st.Int(9);
  f.si_workers = st.Int(10);
  f.gap_people = st.Int(11);
  f.tax_wage = st.Int(12);
  f.si_wage = st.Int(13);
  f.gap_wage = st.Int(14);
  f.missing_income = st.Int(15);
  f.at_stake = st.Int(16);
  if (!st.IsNull(17)) f.days_past_deadline = static_cast<int>(st.Int(17));
  f.new_business = st.Int(18) != 0;
  f.estimated = st.Int(19) != 0;
  f.registered_on = st.Text(20);
  f.stage = st.Text(21);
  f.follow_up = st.Text(22);
  f.follow_up_note = st.Text(23);
  f.follow_up_at = st.Text(24);
  f.follow_up_by = st.Text(25);
  return f;
}

Result<MatchRun> ReadRun(Db& db, const std::string& where, int64_t arg) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, year, as_of, ran_at, ran_by, findings, unregistered, under_declared, "
                                            "at_stake FROM dev_runs " + where));
  st->BindInt(1, arg);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("year", "Chưa có lần đối chiếu nào", "no match run yet");
  MatchRun r;
  r.id = st->Int(0);
  r.year = static_cast<int>(st->Int(1));
  r.as_of = *Date::Parse(st->Text(2), "as_of");
  r.ran_at = st->Text(3);
  r.ran_by = st->Text(4);
  r.findings = st->Int(5);
  r.unregistered = st->Int(6);
  r.under_declared = st->Int(7);
  r.at_stake = st->Int(8);
  return r;
}

}  // namespace

Result<MatchRun> RunMatch(Db& db, Db* helper, const DevelopmentData& data, const LawBook& law, int year, Date as_of,
                          const Actor& actor) {
  if (year < 2000 || year > as_of.year())
    return Status::Invalid("year", "Năm đối chiếu từ 2000 đến năm hiện tại", "the income year is 2000 to this year");
  MatchRun run;
  run.year = year;
  run.as_of = as_of;
  BHXH_ASSIGN_OR_RETURN(MatchParams p, MatchParamsFor(data, law, year, as_of, &run.cited));
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  BHXH_ASSIGN_OR_RETURN(MatchColumns c, LoadMatchColumns(db, helper, year, as_of));
  if (c.tx_tax_code.size() == 0 && c.br_tax_code.size() == 0)
    return Status::NotFound("year", "Chưa có dữ liệu thuế năm " + std::to_string(year) + " hay đăng ký doanh nghiệp để đối chiếu",
                            "no tax data for " + std::to_string(year) + " and no business register to match");
  auto t1 = Clock::now();
  std::vector<MatchFinding> found = CrossMatch(c, p);
  auto t2 = Clock::now();

  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  run.ran_at = NowIsoUtc();
  run.ran_by = actor.id;
  for (const auto& f : found) {
    ++(f.kind == FindingKind::kUnregistered ? run.unregistered : run.under_declared);
    run.at_stake += f.at_stake;
  }
  run.findings = static_cast<int64_t>(found.size());
  std::string cited;
  for (const auto& q : run.cited) cited += (cited.empty() ? "" : "; ") + q.key + "=" + q.value + " (" + q.law + ")";
  // Findings are numbered after every earlier run's, so an id once shown
  // never names another employer's finding.
  BHXH_ASSIGN_OR_RETURN(int64_t next, db.QueryInt("SELECT COALESCE(MAX(first_finding_id + findings), 0) FROM dev_runs"));
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO dev_runs (year, as_of, ran_at, ran_by, findings, unregistered, "
                                             "under_declared, at_stake, first_finding_id, parameters) "
                                             "VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id"));
  ins->Bind(year, as_of.ToString(), run.ran_at, run.ran_by, run.findings, run.unregistered, run.under_declared,
            run.at_stake, next + 1, cited);
  BHXH_ASSIGN_OR_RETURN(bool got, ins->Step());
  if (!got) return Status::Internal("run id");
  run.id = ins->Int(0);
  ins.reset();
  // The new run's findings take the place of the previous run's for the year;
  // follow-ups stay, keyed by (kind, tax code, year).
  BHXH_ASSIGN_OR_RETURN(auto del_people, db.Prepare("DELETE FROM dev_finding_people WHERE finding_id IN (SELECT id FROM "
                                                    "dev_findings WHERE year = ?)"));
  del_people->BindInt(1, year);
  BHXH_RETURN_IF_ERROR(del_people->Run());
  BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM dev_findings WHERE year = ?"));
  del->BindInt(1, year);
  BHXH_RETURN_IF_ERROR(del->Run());
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("dev_findings", {"id", "run_id", "year", "kind", "tax_code", "employer_code", "name",
                                                           "province", "commune", "tax_workers", "si_workers", "gap_people",
                                                           "tax_wage", "si_wage", "gap_wage", "missing_income", "at_stake",
                                                           "days_past_deadline", "new_business", "estimated",
                                                           "registered_on", "stage"}));
    int64_t id = next;
    for (const auto& f : found) {
      w->Int(++id);
      w->Int(run.id);
      w->Int(year);
      w->Text(FindingKindCode(f.kind));
      w->Text(f.tx >= 0 ? c.tx_tax_code[f.tx] : c.br_tax_code[f.br]);
      if (f.si >= 0) w->Text(c.si_code[f.si]); else w->Null();
      std::string_view name = f.br >= 0 ? c.br_name[f.br] : std::string_view();
      if (name.empty() && f.tx >= 0) name = c.tx_name[f.tx];
      if (name.empty() && f.si >= 0) name = c.si_name[f.si];
      w->Text(name);
      std::string_view prov = f.br >= 0 ? c.br_province[f.br] : std::string_view();
      if (prov.empty() && f.si >= 0) prov = c.si_province[f.si];
      if (prov.empty() && f.tx >= 0) prov = c.tx_province[f.tx];
      w->Text(prov);
      w->Text(f.br >= 0 ? c.br_commune[f.br] : std::string_view());
      w->Int(f.tax_workers);
      w->Int(f.si_workers);
      w->Int(f.gap_people);
      w->Int(f.tax_wage);
      w->Int(f.si_wage);
      w->Int(f.gap_wage);
      w->Int(f.missing_income);
      w->Int(f.at_stake);
      std::optional<int> days;
      if (f.br >= 0) days = f.days_past_deadline;
      if (days) w->Int(*days); else w->Null();
      w->Int(f.new_business ? 1 : 0);
      w->Int(f.estimated ? 1 : 0);
      if (f.br >= 0) w->Text(Date::FromDays(c.br_registered[f.br]).ToString()); else w->Null();
      w->Text(Stage(days, p.late_days, FindingKindCode(f.kind)));
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("dev_finding_people", {"finding_id", "cccd", "income"}));
    int64_t id = next;
    for (const auto& f : found) {
      ++id;
      for (uint32_t r : f.missing) {
        w->Int(id);
        uint64_t n = c.tw_cccd[r];
        std::string cccd = std::to_string(n);
        cccd.insert(0, 12 - std::min<size_t>(12, cccd.size()), '0');
        w->Text(cccd);
        w->Int(c.tw_income[r]);
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "development.match", "dev_runs", std::to_string(run.id),
                                  "year " + std::to_string(year) + ": " + std::to_string(run.findings) + " findings"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  auto t3 = Clock::now();
  run.seconds_load = std::chrono::duration<double>(t1 - t0).count();
  run.seconds_match = std::chrono::duration<double>(t2 - t1).count();
  run.seconds_store = std::chrono::duration<double>(t3 - t2).count();
  return run;
}

Result<std::vector<MatchRun>> ListRuns(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM dev_runs ORDER BY id DESC LIMIT 50"));
  std::vector<int64_t> ids;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    ids.push_back(st->Int(0));
  }
  std::vector<MatchRun> out;
  for (int64_t id : ids) {
    BHXH_ASSIGN_OR_RETURN(MatchRun r, ReadRun(db, "WHERE id = ?", id));
    out.push_back(std::move(r));
  }
  return out;
}

Result<FindingPage> ListFindings(Db& db, const FindingFilter& f) {
  FindingPage page;
  int year = f.year;
  if (year == 0) {
    BHXH_ASSIGN_OR_RETURN(int64_t latest, db.QueryInt("SELECT COALESCE(MAX(year), 0) FROM dev_findings"));
    year = static_cast<int>(latest);
  }
  if (year > 0) {
    auto run = ReadRun(db, "WHERE year = ? ORDER BY id DESC LIMIT 1", year);
    if (run.ok()) page.run = *run;
  }
  std::string where = " WHERE f.year = ?";
  std::vector<std::string> binds;
  if (!f.provinces.empty()) {
    where += " AND f.province IN (";
    for (size_t i = 0; i < f.provinces.size(); ++i) {
      where += i ? ",?" : "?";
      binds.push_back(f.provinces[i]);
    }
    where += ")";
  }
  auto eq = [&](const char* col, const std::string& v) {
    if (v.empty()) return;
    where += std::string(" AND ") + col + " = ?";
    binds.push_back(v);
  };
  eq("f.province", f.province);
  eq("f.commune", f.commune);
  eq("f.kind", f.kind);
  eq("COALESCE(u.status,'open')", f.follow_up);
  auto bind_all = [&](Stmt& st) {
    st.BindInt(1, year);
    for (size_t i = 0; i < binds.size(); ++i) st.BindText(static_cast<int>(i) + 2, binds[i]);
  };
  std::string from(kFindingColumns);
  std::string tail = from.substr(from.find("FROM dev_findings"));
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*), COALESCE(SUM(f.at_stake), 0) " + tail + where));
    bind_all(*st);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      page.total = st->Int(0);
      page.total_at_stake = st->Int(1);
    }
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kFindingColumns + where +
                                            " ORDER BY f.at_stake DESC, f.tax_code, f.kind LIMIT ? OFFSET ?"));
  bind_all(*st);
  st->BindInt(static_cast<int>(binds.size()) + 2, f.limit);
  st->BindInt(static_cast<int>(binds.size()) + 3, f.offset);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    page.items.push_back(ReadFinding(*st));
  }
  return page;
}

Result<StoredFinding> GetFinding(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kFindingColumns + " WHERE f.id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("id", "Không có kết quả đối chiếu số " + std::to_string(id) + " (có thể đã được thay bằng lần chạy mới)",
                            "no finding " + std::to_string(id) + " (a newer run may have replaced it)");
  return ReadFinding(*st);
}

Result<std::vector<FindingPerson>> FindingPeople(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.cccd, COALESCE(tw.full_name,''), p.income, pe.id IS NOT NULL, "
                                            "COALESCE(pe.full_name,'') FROM dev_finding_people p JOIN dev_findings f ON "
                                            "f.id = p.finding_id LEFT JOIN tax_workers tw ON tw.year = f.year AND "
                                            "tw.tax_code = f.tax_code AND tw.cccd = p.cccd LEFT JOIN persons pe ON "
                                            "pe.cccd = p.cccd WHERE p.finding_id = ? ORDER BY p.income DESC, p.cccd"));
  st->BindInt(1, id);
  std::vector<FindingPerson> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    FindingPerson p{st->Text(0), st->Text(1), st->Int(2), st->Int(3) != 0};
    if (p.full_name.empty()) p.full_name = st->Text(4);
    out.push_back(std::move(p));
  }
  return out;
}

const std::vector<std::string>& FollowUpStatuses() {
  static const std::vector<std::string> s = {"open", "contacted", "registered", "referred_inspection", "closed"};
  return s;
}

Result<StoredFinding> SetFollowUp(Db& db, int64_t finding_id, const std::string& status, const std::string& note,
                                  const Actor& actor) {
  const auto& all = FollowUpStatuses();
  if (std::find(all.begin(), all.end(), status) == all.end())
    return Status::Invalid("status", "Trạng thái: open, contacted, registered, referred_inspection hoặc closed",
                           "status: open, contacted, registered, referred_inspection or closed");
  if ((status == "closed" || status == "referred_inspection") && Trim(note).empty())
    return Status::Invalid("note", "Cần ghi lý do khi đóng hoặc chuyển thanh tra", "a note is required to close or refer");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(StoredFinding f, GetFinding(db, finding_id));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO dev_followups (kind, tax_code, year, status, note, recorded_at, "
                                            "recorded_by) VALUES (?,?,?,?,?,?,?)"));
  st->Bind(f.kind, f.tax_code, f.year, status, Trim(note), NowIsoUtc(), actor.id);
  BHXH_RETURN_IF_ERROR(st->Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "development.follow_up", "dev_findings", std::to_string(finding_id), status));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return GetFinding(db, finding_id);
}

Result<std::vector<FollowUp>> FollowUpHistory(Db& db, int64_t finding_id) {
  BHXH_ASSIGN_OR_RETURN(StoredFinding f, GetFinding(db, finding_id));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT status, note, recorded_at, recorded_by FROM dev_followups WHERE kind = ? "
                                            "AND tax_code = ? AND year = ? ORDER BY id"));
  st->Bind(f.kind, f.tax_code, f.year);
  std::vector<FollowUp> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->Text(0), st->Text(1), st->Text(2), st->Text(3)});
  }
  return out;
}

std::string FindingsCsv(const std::vector<StoredFinding>& items) {
  CsvWriter w;
  w.Row({"Mã số thuế", "Tên đơn vị", "Mã đơn vị BHXH", "Loại", "Mã tỉnh", "Mã xã", "Lao động theo thuế", "Lao động đóng BHXH",
         "Chênh lệch lao động", "Quỹ lương theo thuế", "Quỹ lương đóng BHXH", "Chênh lệch quỹ lương",
         "Số tiền phải đóng ước tính", "Số ngày quá hạn đăng ký", "Theo dõi", "Ghi chú"});
  for (const auto& f : items)
    w.Row({f.tax_code, f.name, f.employer_code, f.kind == "unregistered" ? "Chưa đăng ký tham gia" : "Đóng thiếu",
           f.province, f.commune, std::to_string(f.tax_workers), std::to_string(f.si_workers),
           std::to_string(f.gap_people), std::to_string(f.tax_wage), std::to_string(f.si_wage),
           std::to_string(f.gap_wage), std::to_string(f.at_stake),
           f.days_past_deadline ? std::to_string(*f.days_past_deadline) : "", f.follow_up, f.follow_up_note});
  return w.text();
}

// --- coverage by commune ---------------------------------------------------------

namespace {

struct PersonFacts {
  std::string cccd, name, dob, province, commune;
  Sex sex = Sex::kMale;
  Date birth;
  bool compulsory = false, voluntary = false, pensioner = false, hi_valid = false;
  std::optional<Date> hi_last;  // latest valid_to of the person's cards
};

std::string InList(const std::vector<std::string>& v, std::vector<std::string>* binds) {
  std::string s = "(";
  for (size_t i = 0; i < v.size(); ++i) {
    s += i ? ",?" : "?";
    binds->push_back(v[i]);
  }
  return s + ")";
}

// " AND <alias>province IN (...) AND <alias>province = ? AND <alias>commune = ?"
// for the query's scope and area, with its binds.
std::string AreaWhere(const CoverageQuery& q, const std::string& alias, std::vector<std::string>* binds) {
  std::string where;
  if (!q.provinces.empty()) where += " AND " + alias + "province IN " + InList(q.provinces, binds);
  if (!q.province.empty()) {
    where += " AND " + alias + "province = ?";
    binds->push_back(q.province);
  }
  if (!q.commune.empty()) {
    where += " AND " + alias + "commune = ?";
    binds->push_back(q.commune);
  }
  return where;
}

// The people in the query's area with what covers them on the date.
Result<std::vector<PersonFacts>> Classify(Db& db, const LawBook& law, const CoverageQuery& q) {
  std::vector<std::string> binds;
  std::string where = " WHERE pe.deceased_on IS NULL AND pe.commune IS NOT NULL AND pe.commune <> ''" + AreaWhere(q, "pe.", &binds);
  auto bind = [&](Stmt& st, int from) {
    for (size_t i = 0; i < binds.size(); ++i) st.BindText(from + static_cast<int>(i), binds[i]);
  };
  std::vector<PersonFacts> people;
  std::unordered_map<int64_t, size_t> at;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT pe.id, pe.cccd, pe.full_name, pe.dob, pe.sex, pe.province, pe.commune "
                                              "FROM persons pe" + where + " ORDER BY pe.province, pe.commune, pe.cccd"));
    bind(*st, 1);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      PersonFacts p;
      p.cccd = st->Text(1);
      p.name = st->Text(2);
      p.dob = st->Text(3);
      p.sex = st->Int(4) == 2 ? Sex::kFemale : Sex::kMale;
      p.province = st->Text(5);
      p.commune = st->Text(6);
      auto d = PartialDate::Parse(p.dob, "dob");
      if (!d.ok()) continue;
      // An unknown day or month counts from the first: the earliest the
      // person can have reached an age.
      p.birth = Date::FromYmd(d->year, d->month ? d->month : 1, d->day ? d->day : 1);
      at.emplace(st->Int(0), people.size());
      people.push_back(std::move(p));
    }
  }
  // Rows of `sql` (the area's binds, then the month twice) for each person
  // of the area.
  const int32_t m = Month::OfDate(q.as_of).index();
  auto in_month = [&](const std::string& sql, const std::function<void(Stmt&, PersonFacts&)>& on_row) -> Status {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
    bind(*st, 1);
    st->BindInt(static_cast<int>(binds.size()) + 1, m);
    st->BindInt(static_cast<int>(binds.size()) + 2, m);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      if (auto it = at.find(st->Int(0)); it != at.end()) on_row(*st, people[it->second]);
    }
    return Status::Ok();
  };
  BHXH_RETURN_IF_ERROR(in_month("SELECT p.person_id, p.employer_id IS NOT NULL, p.group_code, p.funds FROM periods p "
                                "JOIN persons pe ON pe.id = p.person_id" + where +
                                " AND p.from_month <= ? AND (p.to_month IS NULL OR p.to_month >= ?)",
                                [&](Stmt& st, PersonFacts& p) {
                                  if (!(static_cast<FundMask>(st.Int(3)) & FundBit(Fund::kRetirement))) return;  // HI only
                                  auto g = law.Group(st.Text(2), q.as_of);
                                  bool voluntary = st.Int(1) == 0 && g.ok() && g->scheme == "voluntary";
                                  (voluntary ? p.voluntary : p.compulsory) = true;
                                }));
  BHXH_RETURN_IF_ERROR(in_month("SELECT b.person_id FROM beneficiaries b JOIN persons pe ON pe.id = b.person_id" + where +
                                " AND b.status = 'active' AND b.start_month <= ? AND (b.end_month IS NULL OR b.end_month >= ?)",
                                [](Stmt&, PersonFacts& p) { p.pensioner = true; }));
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT c.person_id, c.valid_from, c.valid_to FROM hi_cards c JOIN persons pe ON "
                                              "pe.id = c.person_id" + where + " AND c.status = 'active'"));
    bind(*st, 1);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = at.find(st->Int(0));
      auto from = Date::Parse(st->Text(1), "valid_from"), to = Date::Parse(st->Text(2), "valid_to");
      if (it == at.end() || !from.ok() || !to.ok()) continue;
      PersonFacts& p = people[it->second];
      if (*from <= q.as_of && q.as_of <= *to) p.hi_valid = true;
      if (!p.hi_last || *p.hi_last < *to) p.hi_last = *to;
    }
  }
  return people;
}

// Working age on the date: at least the minimum age and below the
// retirement age of the person's sex and birth (Decree 135/2020 table).
class WorkingAge {
 public:
  WorkingAge(const BenefitLaw& blaw, int min_years, Date as_of) : blaw_(blaw), min_years_(min_years), as_of_(as_of) {}
  bool operator()(const PersonFacts& p) {
    auto b = p.birth.ymd(), t = as_of_.ymd();
    int age = t.year - b.year - ((t.month < b.month || (t.month == b.month && t.day < b.day)) ? 1 : 0);
    if (age < min_years_) return false;
    int64_t key = static_cast<int64_t>(p.sex == Sex::kFemale) * 100'000'000 + p.birth.days();
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      auto r = blaw_.RetirementDate(p.sex, p.birth, 0);
      it = cache_.emplace(key, r.ok() ? r->first : as_of_).first;
    }
    return as_of_ < it->second;
  }

 private:
  const BenefitLaw& blaw_;
  int min_years_;
  Date as_of_;
  std::unordered_map<int64_t, Date> cache_;
};

Result<int> MinAge(const DevelopmentData& data, Date d, std::vector<LawParam>* cited) {
  BHXH_ASSIGN_OR_RETURN(LawParam row, data.params.Param("working_age.min_years", d));
  if (cited) CiteOnce(*cited, row);
  BHXH_ASSIGN_OR_RETURN(int64_t v, data.params.Integer("working_age.min_years", d));
  return static_cast<int>(v);
}

bool PotentialVoluntary(const PersonFacts& p, bool working_age) {
  return working_age && !p.compulsory && !p.voluntary && !p.pensioner;
}
bool HiLapsed(const PersonFacts& p, Date as_of) { return !p.hi_valid && p.hi_last && *p.hi_last < as_of; }

}  // namespace

Result<std::vector<CommuneCoverage>> Coverage(Db& db, const DevelopmentData& data, const LawBook& law,
                                              const BenefitLaw& blaw, const CoverageQuery& q,
                                              std::vector<LawParam>* cited) {
  BHXH_ASSIGN_OR_RETURN(int min_age, MinAge(data, q.as_of, cited));
  BHXH_ASSIGN_OR_RETURN(auto people, Classify(db, law, q));
  WorkingAge working(blaw, min_age, q.as_of);
  std::map<std::pair<std::string, std::string>, CommuneCoverage> by;
  for (const auto& p : people) {
    auto& c = by[{p.province, p.commune}];
    c.province = p.province;
    c.commune = p.commune;
    ++c.residents;
    bool w = working(p);
    c.working_age += w;
    c.compulsory += p.compulsory;
    c.voluntary += p.voluntary && !p.compulsory;
    c.pensioners += p.pensioner;
    c.potential_voluntary += PotentialVoluntary(p, w);
    c.hi_valid += p.hi_valid;
    c.hi_lapsed += HiLapsed(p, q.as_of);
  }
  // Targets of the year, also for communes with no resident on record yet.
  std::vector<std::string> binds;
  std::string where = " WHERE year = ?" + AreaWhere(q, "", &binds);
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province, commune, voluntary_target, hi_target FROM commune_targets" + where));
  st->BindInt(1, q.as_of.year());
  for (size_t i = 0; i < binds.size(); ++i) st->BindText(static_cast<int>(i) + 2, binds[i]);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    auto& c = by[{st->Text(0), st->Text(1)}];
    c.province = st->Text(0);
    c.commune = st->Text(1);
    c.voluntary_target = st->Int(2);
    if (!st->IsNull(3)) c.hi_target = st->Int(3);
  }
  std::vector<CommuneCoverage> out;
  for (auto& [k, c] : by) {
    if (c.voluntary_target && *c.voluntary_target > 0)
      c.voluntary_progress = 100.0 * static_cast<double>(c.voluntary) / static_cast<double>(*c.voluntary_target);
    if (c.hi_target && *c.hi_target > 0)
      c.hi_progress = 100.0 * static_cast<double>(c.hi_valid) / static_cast<double>(*c.hi_target);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<PotentialPerson>> PotentialPeople(Db& db, const DevelopmentData& data, const LawBook& law,
                                                     const BenefitLaw& blaw, const CoverageQuery& q,
                                                     const std::string& reason) {
  if (reason != "voluntary" && reason != "hi_lapsed")
    return Status::Invalid("reason", "Lý do: voluntary hoặc hi_lapsed", "reason: voluntary or hi_lapsed");
  BHXH_ASSIGN_OR_RETURN(int min_age, MinAge(data, q.as_of, nullptr));
  BHXH_ASSIGN_OR_RETURN(auto people, Classify(db, law, q));
  WorkingAge working(blaw, min_age, q.as_of);
  std::vector<PotentialPerson> out;
  for (const auto& p : people) {
    bool in = reason == "voluntary" ? PotentialVoluntary(p, working(p)) : HiLapsed(p, q.as_of);
    if (!in) continue;
    out.push_back({p.cccd, p.name, p.dob, p.sex == Sex::kFemale ? "female" : "male", p.province, p.commune, reason,
                   p.hi_last ? p.hi_last->ToString() : ""});
  }
  return out;
}

}  // namespace bhxh
