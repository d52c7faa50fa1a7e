#include "claims/catalogue.h"

#include "base/csv.h"
#include "base/parse.h"
#include "base/table_file.h"
#include "base/text.h"
#include "base/xlsx.h"
#include "claims/xml130.h"
#include "platform/audit/audit.h"

namespace bhxh {

namespace {

const PriceEntry* Pick(const std::vector<PriceEntry>& v, std::string_view tt_thau, Date d) {
  const PriceEntry* any = nullptr;
  for (const auto& e : v) {
    if (d < e.valid_from || d > e.valid_to) continue;
    if (!tt_thau.empty() && e.tt_thau == tt_thau) return &e;
    if (!any) any = &e;
  }
  return tt_thau.empty() ? any : (any ? any : nullptr);
}

}  // namespace

Status Catalogue::Load(Db& db) {
  Index drugs, services, supplies;
  std::map<std::string, FacilityInfo> facs;
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare("SELECT facility, drug_code, name, tt_thau, unit_price, valid_from, valid_to FROM drug_prices"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      PriceEntry e{st->Text(1), st->Text(2), st->Text(3), "", st->Int(4), {}, {}};
      BHXH_ASSIGN_OR_RETURN(e.valid_from, Date::Parse(st->Text(5), "valid_from"));
      BHXH_ASSIGN_OR_RETURN(e.valid_to, Date::Parse(st->Text(6), "valid_to"));
      drugs[st->Text(0)][e.code].push_back(std::move(e));
    }
  }
  for (auto [table, index] : {std::pair<const char*, Index*>{"service_prices", &services},
                              std::pair<const char*, Index*>{"supply_prices", &supplies}}) {
    std::string code_col = std::string(table) == "service_prices" ? "service_code" : "supply_code";
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT facility, " + code_col +
                                              ", name, group_code, unit_price, valid_from, valid_to FROM " + table));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      PriceEntry e{st->Text(1), st->Text(2), "", st->Text(3), st->Int(4), {}, {}};
      BHXH_ASSIGN_OR_RETURN(e.valid_from, Date::Parse(st->Text(5), "valid_from"));
      BHXH_ASSIGN_OR_RETURN(e.valid_to, Date::Parse(st->Text(6), "valid_to"));
      (*index)[st->Text(0)][e.code].push_back(std::move(e));
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT code, name, level, province FROM facilities"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      facs[st->Text(0)] = {st->Text(0), st->Text(1), st->Text(2), st->Text(3)};
    }
  }
  drugs_.swap(drugs);
  services_.swap(services);
  supplies_.swap(supplies);
  facilities_.swap(facs);
  return Status::Ok();
}

const PriceEntry* Catalogue::Drug(const std::string& f, std::string_view code, std::string_view tt, Date d) const {
  auto fi = drugs_.find(f);
  if (fi == drugs_.end()) return nullptr;
  auto ci = fi->second.find(code);
  return ci == fi->second.end() ? nullptr : Pick(ci->second, tt, d);
}

const PriceEntry* Catalogue::Service(const std::string& f, std::string_view code, Date d) const {
  auto fi = services_.find(f);
  if (fi == services_.end()) return nullptr;
  auto ci = fi->second.find(code);
  return ci == fi->second.end() ? nullptr : Pick(ci->second, "", d);
}

const PriceEntry* Catalogue::Supply(const std::string& f, std::string_view code, Date d) const {
  auto fi = supplies_.find(f);
  if (fi == supplies_.end()) return nullptr;
  auto ci = fi->second.find(code);
  return ci == fi->second.end() ? nullptr : Pick(ci->second, "", d);
}

const FacilityInfo* Catalogue::Facility(const std::string& code) const {
  auto it = facilities_.find(code);
  return it == facilities_.end() ? nullptr : &it->second;
}

namespace {

// The Vietnamese headers of the same columns: those of the published price
// lists this system exports (so an export reads back) and of the forms
// facilities keep (Mã CSKCB, Mã thuốc, Đơn giá, Hiệu lực từ ...).
std::vector<std::string> HeaderAliases(const std::string& kind, const std::string& column) {
  if (column == "facility" || (kind == "facilities" && column == "code")) return {"ma cskcb", "ma co so", "ma co so kcb"};
  if (column == "drug_code") return {"ma thuoc"};
  if (column == "service_code") return {"ma dich vu", "ma dvkt"};
  if (column == "supply_code") return {"ma vat tu", "ma vtyt"};
  if (column == "name") {
    if (kind == "drugs") return {"ten thuoc"};
    if (kind == "services") return {"ten dich vu", "ten dvkt"};
    if (kind == "supplies") return {"ten vat tu", "ten vtyt"};
    return {"ten cskcb", "ten co so", "ten"};
  }
  if (column == "tt_thau") return {"tt thau", "thong tin thau"};
  if (column == "unit_price") return {"don gia", "gia"};
  if (column == "valid_from") return {"hieu luc tu", "tu ngay", "ngay hieu luc"};
  if (column == "valid_to") return {"hieu luc den", "den ngay", "ngay het hieu luc"};
  if (column == "group_code") return {"ma nhom"};
  if (column == "level") return {"hang", "tuyen", "hang tuyen"};
  if (column == "province") return {"ma tinh", "tinh"};
  return {};
}

int FindColumn(const CsvTable& t, const std::string& kind, const std::string& column) {
  return FindColumn(t, column, HeaderAliases(kind, column));
}

}  // namespace

Result<ImportResult> ImportCatalogue(Db& db, const std::string& kind, const std::string& text, const Actor& actor) {
  std::vector<std::string> cols;
  std::string table, sql;
  if (kind == "drugs") {
    cols = {"facility", "drug_code", "name", "tt_thau", "unit_price", "valid_from", "valid_to"};
    sql =
        "INSERT INTO drug_prices (facility, drug_code, name, tt_thau, unit_price, valid_from, valid_to) VALUES "
        "(?,?,?,?,?,?,?) "
        "ON CONFLICT (facility, drug_code, tt_thau, valid_from) DO UPDATE SET name = excluded.name, "
        "unit_price = excluded.unit_price, valid_to = excluded.valid_to";
  } else if (kind == "services") {
    cols = {"facility", "service_code", "name", "group_code", "unit_price", "valid_from", "valid_to"};
    sql =
        "INSERT INTO service_prices (facility, service_code, name, group_code, unit_price, valid_from, valid_to) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT (facility, service_code, valid_from) DO UPDATE SET name = excluded.name, "
        "group_code = excluded.group_code, unit_price = excluded.unit_price, valid_to = excluded.valid_to";
  } else if (kind == "supplies") {
    cols = {"facility", "supply_code", "name", "group_code", "unit_price", "valid_from", "valid_to"};
    sql =
        "INSERT INTO supply_prices (facility, supply_code, name, group_code, unit_price, valid_from, valid_to) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT (facility, supply_code, valid_from) DO UPDATE SET name = excluded.name, "
        "group_code = excluded.group_code, unit_price = excluded.unit_price, valid_to = excluded.valid_to";
  } else if (kind == "facilities") {
    cols = {"code", "name", "level", "province"};
    sql =
        "INSERT INTO facilities (code, name, level, province) VALUES (?,?,?,?) ON CONFLICT (code) DO UPDATE SET "
        "name = excluded.name, level = excluded.level, province = excluded.province";
  } else {
    return Status::Invalid("kind", "Loại danh mục phải là drugs, services, supplies hoặc facilities",
                           "kind must be drugs, services, supplies or facilities");
  }
  // A spreadsheet (XLSX) or CSV text: the same table, the same checks.
  CsvTable t;
  if (LooksLikeXlsx(text)) {
    BHXH_ASSIGN_OR_RETURN(t, ReadXlsxFirstSheet(text, kind));
    int from = FindColumn(t, kind, "valid_from"), to = FindColumn(t, kind, "valid_to");
    for (auto& r : t.rows)
      for (int i : {from, to})
        if (i >= 0 && static_cast<size_t>(i) < r.cells.size()) r.cells[i] = ExcelSerialToIso(r.cells[i]);
  } else {
    BHXH_ASSIGN_OR_RETURN(t, ParseCsv(text, kind));
  }
  std::vector<int> idx;
  for (const auto& c : cols) {
    int i = FindColumn(t, kind, c);
    if (i < 0) {
      std::string also;
      for (const auto& a : HeaderAliases(kind, c)) also += (also.empty() ? "" : ", ") + a;
      return Status::Invalid(kind,
                             "Thiếu cột \"" + c + "\"" + (also.empty() ? "" : " (hoặc: " + also + ", không phân biệt dấu)"),
                             "missing column \"" + c + "\"" + (also.empty() ? "" : " (or: " + also + ")"));
    }
    idx.push_back(i);
  }
  ImportResult res;
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : t.rows) {
    std::vector<std::string> v;
    for (int i : idx) v.push_back(Trim(r.cells[i]));
    auto err = [&](const std::string& field, const std::string& vi) {
      res.errors.push_back({r.line, field, "invalid_input", vi, vi});
    };
    size_t before = res.errors.size();
    if (kind == "facilities") {
      if (v[0].size() != 5 || !IsDigits(v[0])) err("code", "Mã cơ sở phải gồm 5 chữ số");
      if (v[1].empty()) err("name", "Thiếu tên cơ sở");
      if (v[2] != "central" && v[2] != "province" && v[2] != "district" && v[2] != "commune")
        err("level", "Hạng/tuyến phải là central, province, district hoặc commune");
      if (v[3].size() != 2 || !IsDigits(v[3])) err("province", "Mã tỉnh phải gồm 2 chữ số");
    } else {
      if (v[0].size() != 5 || !IsDigits(v[0])) err("facility", "Mã cơ sở phải gồm 5 chữ số");
      if (v[1].empty()) err(cols[1], "Thiếu mã");
      auto price = Milli(v[4]);
      if (!price || *price <= 0)
        err("unit_price", "Đơn giá phải là số dương, dấu chấm thập phân");
      else
        v[4] = std::to_string(*price);
      // ISO dates, or dd/mm/yyyy as Vietnamese sheets write them.
      auto f = Date::ParseIsoOrVi(v[5], "valid_from"), to = Date::ParseIsoOrVi(v[6], "valid_to");
      if (!f.ok()) err("valid_from", f.status().message_vi());
      if (!to.ok()) err("valid_to", to.status().message_vi());
      if (f.ok()) v[5] = f->ToString();
      if (to.ok()) v[6] = to->ToString();
      if (f.ok() && to.ok() && *to < *f) err("valid_to", "Ngày hết hiệu lực trước ngày hiệu lực");
      if ((kind == "services" || kind == "supplies") && (v[3].empty() || !IsDigits(v[3])))
        err("group_code", "Mã nhóm (MA_NHOM) phải là số");
    }
    if (res.errors.size() == before) rows.push_back(std::move(v));
  }
  if (!res.errors.empty()) return res;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  for (const auto& v : rows) {
    for (size_t i = 0; i < v.size(); ++i) {
      bool numeric = kind != "facilities" && i == 4;
      if (numeric) {
        auto n = ParseInt(v[i], "price", 0, INT64_MAX / 1000);
        if (!n.ok()) return n.status();  // validated before; a changed validator must not abort here
        st->BindInt(static_cast<int>(i) + 1, *n);
      } else
        st->BindText(static_cast<int>(i) + 1, v[i]);
    }
    BHXH_RETURN_IF_ERROR(st->Run());
    st->Reset();
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "import", "catalogue", kind, std::to_string(rows.size()) + " rows"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  res.accepted = true;
  res.rows = static_cast<int>(rows.size());
  return res;
}

}  // namespace bhxh
