#include "officials/officials.h"

#include <algorithm>
#include <cstdlib>
#include <random>

#include "base/csv.h"
#include "base/text.h"
#include "benefits/benefit_law.h"
#include "platform/audit/audit.h"
#include "platform/jsonio/json.h"

namespace bhxh {

namespace {


Status Validate(const OfficialsData& data, const OfficialInput& in) {
  if (in.code.empty() || in.code.size() > 20 ||
      !std::all_of(in.code.begin(), in.code.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }))
    return Status::Invalid("code", "Mã cán bộ gồm 1–20 chữ, số, '-' hoặc '.'", "an official's code is 1-20 letters, digits, '-' or '.'");
  if (in.full_name.empty() || in.full_name.size() > 200)
    return Status::Invalid("full_name", "Cần họ tên (tối đa 200 ký tự)", "a full name is required");
  BHXH_ASSIGN_OR_RETURN(Sex s, ParseSex(in.sex, "sex"));
  if (s == Sex::kUndetermined) return Status::Invalid("sex", "Giới tính phải là nam hoặc nữ", "sex must be male or female");
  BHXH_ASSIGN_OR_RETURN(Date b, Date::ParseIsoOrVi(in.birth_date, "birth_date"));
  (void)b;
  if (in.unit.empty() || in.unit.size() > 200) return Status::Invalid("unit", "Cần đơn vị công tác", "a unit is required");
  if (!data.FindPosition(in.position))
    return Status::Invalid("position", "Vị trí không có trong danh mục (data/officials/positions.csv): " + Utf8Prefix(in.position, 40),
                           "unknown position");
  BHXH_ASSIGN_OR_RETURN(Date since, Date::ParseIsoOrVi(in.position_since, "position_since"));
  if (since > Date::Today())
    return Status::Invalid("position_since", "Ngày nhận vị trí không được sau hôm nay", "the start in post cannot be in the future");
  return Status::Ok();
}

Official Read(Stmt& st) {
  return {st.Int(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Text(6), st.Text(7), st.Text(8)};
}
constexpr const char* kCols = "id, code, full_name, sex, birth_date, unit, province, position, position_since";

Result<Official> Find(Db& db, const std::string& code) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM officials WHERE code = ?"));
  st->BindText(1, code);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("code", "Không có cán bộ mã " + Utf8Prefix(code, 40), "no official " + Utf8Prefix(code, 40));
  return Read(*st);
}

std::string SexText(const std::string& s) {
  auto x = ParseSex(s, "sex");
  return x.ok() && *x == Sex::kFemale ? "female" : "male";
}

}  // namespace

Result<OfficialsData> OfficialsData::Load(const std::string& dir) {
  OfficialsData d;
  BHXH_ASSIGN_OR_RETURN(d.params_, ParamTable::LoadFile(dir + "/parameters.csv"));
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(dir + "/positions.csv"));
  int cc = t.Column("code"), cn = t.Column("name"), cd = t.Column("declares"), cl = t.Column("leader"),
      cr = t.Column("rotation_years"), cs = t.Column("source");
  if (cc < 0 || cn < 0 || cd < 0 || cl < 0 || cr < 0)
    return Status::Invalid(dir + "/positions.csv", "Thiếu cột code, name, declares, leader, rotation_years",
                           "positions.csv needs code, name, declares, leader, rotation_years");
  BHXH_ASSIGN_OR_RETURN(int64_t lo, d.params_.Integer("rotation.min_years", Date::Today()));
  BHXH_ASSIGN_OR_RETURN(int64_t hi, d.params_.Integer("rotation.max_years", Date::Today()));
  for (const auto& r : t.rows) {
    Position p{r.cells[cc], r.cells[cn], r.cells[cd], r.cells[cl] == "yes", std::atoi(r.cells[cr].c_str()),
               cs >= 0 ? r.cells[cs] : ""};
    std::string where = dir + "/positions.csv:" + std::to_string(r.line);
    if (p.declares != "annual" && p.declares != "first" && p.declares != "none")
      return Status::Invalid(where, "declares phải là annual, first hoặc none", "declares must be annual, first or none");
    if (p.rotation_years != 0 && (p.rotation_years < lo || p.rotation_years > hi))
      return Status::Invalid(where, "Thời hạn chuyển đổi phải từ " + std::to_string(lo) + " đến " + std::to_string(hi) + " năm",
                             "the rotation period must be within the law's range");
    d.positions_.push_back(std::move(p));
  }
  return d;
}

const Position* OfficialsData::FindPosition(const std::string& code) const {
  for (const auto& p : positions_)
    if (p.code == code) return &p;
  return nullptr;
}

Result<Official> RegisterOfficial(Db& db, const OfficialsData& data, const OfficialInput& in, const Actor& by) {
  BHXH_RETURN_IF_ERROR(Validate(data, in));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO officials (code, full_name, sex, birth_date, unit, province, position, "
                                            "position_since, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(in.code, in.full_name, SexText(in.sex), Date::ParseIsoOrVi(in.birth_date, "").value().ToString(),
                                in.unit, in.province, in.position,
                                Date::ParseIsoOrVi(in.position_since, "").value().ToString(), by.id, NowIsoUtc())
                           .Run());
  BHXH_ASSIGN_OR_RETURN(auto hist, db.Prepare("INSERT INTO official_positions (official_code, position, since, recorded_by) VALUES (?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(hist->Bind(in.code, in.position, Date::ParseIsoOrVi(in.position_since, "").value().ToString(), by.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "register", "official", in.code, in.position + " từ " + in.position_since));
  BHXH_ASSIGN_OR_RETURN(Official o, Find(db, in.code));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return o;
}

Result<Official> AssignPosition(Db& db, const OfficialsData& data, const std::string& code, const std::string& position,
                                const std::string& since_text, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Official o, Find(db, code));
  if (!data.FindPosition(position))
    return Status::Invalid("position", "Vị trí không có trong danh mục: " + Utf8Prefix(position, 40), "unknown position");
  BHXH_ASSIGN_OR_RETURN(Date since, Date::ParseIsoOrVi(since_text, "since"));
  BHXH_ASSIGN_OR_RETURN(Date prev, Date::ParseIsoOrVi(o.position_since, "position_since"));
  if (since <= prev)
    return Status::Invalid("since", "Ngày nhận vị trí mới phải sau ngày nhận vị trí hiện tại (" + prev.ToVi() + ")",
                           "the new post must start after the current one");
  if (since > Date::Today()) return Status::Invalid("since", "Ngày nhận vị trí không được sau hôm nay", "cannot start in the future");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE officials SET position = ?, position_since = ? WHERE code = ?"));
  BHXH_RETURN_IF_ERROR(st->Bind(position, since.ToString(), code).Run());
  BHXH_ASSIGN_OR_RETURN(auto hist, db.Prepare("INSERT INTO official_positions (official_code, position, since, recorded_by) VALUES (?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(hist->Bind(code, position, since.ToString(), by.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "assign", "official", code, o.position + " → " + position + " từ " + since.ToString()));
  BHXH_ASSIGN_OR_RETURN(Official out, Find(db, code));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Official>> ListOfficials(Db& db, const std::string& unit, const std::vector<std::string>& provinces) {
  std::string sql = std::string("SELECT ") + kCols + " FROM officials WHERE 1=1";
  if (!unit.empty()) sql += " AND unit = ?";
  if (!provinces.empty()) {
    sql += " AND province IN (";
    for (size_t i = 0; i < provinces.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql + " ORDER BY unit, code"));
  int k = 0;
  if (!unit.empty()) st->BindText(++k, unit);
  for (const auto& p : provinces) st->BindText(++k, p);
  std::vector<Official> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(Read(*st));
  }
  return out;
}

// --- Declarations ----------------------------------------------------------

Result<AssetDeclaration> SubmitAssetDeclaration(Db& db, const OfficialsData& data, const std::string& official_code,
                                                const AssetDeclarationInput& in, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(Official o, Find(db, official_code));
  if (in.kind != "first" && in.kind != "annual" && in.kind != "additional" && in.kind != "appointment")
    return Status::Invalid("kind", "Loại kê khai phải là first (lần đầu), annual (hằng năm), additional (bổ sung) hoặc appointment (phục vụ công tác cán bộ)",
                           "kind must be first, annual, additional or appointment");
  BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(in.submitted_on, "submitted_on"));
  if (on > Date::Today()) return Status::Invalid("submitted_on", "Ngày nộp không được sau hôm nay", "cannot be submitted in the future");
  if (in.year < 2019 || in.year > on.year())
    return Status::Invalid("year", "Năm kê khai phải từ 2019 đến năm nộp", "the year must be from 2019 to the year of submission");
  if (in.income < 0) return Status::Invalid("income", "Thu nhập không được âm", "income cannot be negative");
  if (in.idempotency_key.empty())
    return Status::Error("missing_field", "Idempotency-Key", "Cần khoá chống gửi trùng", "an idempotency key is required");
  static const std::vector<std::string> kKinds = {"land", "house", "precious", "cash", "securities", "vehicle", "other", "abroad"};
  AssetDeclaration d;
  d.official_code = official_code;
  d.kind = in.kind;
  d.year = in.year;
  d.submitted_on = on.ToString();
  d.items = in.items;
  d.income = in.income;
  BHXH_ASSIGN_OR_RETURN(Vnd item_threshold, data.params().Amount("declaration.item_threshold", on));
  for (size_t i = 0; i < in.items.size(); ++i) {
    const auto& it = in.items[i];
    std::string f = ItemField("items", i);
    if (std::find(kKinds.begin(), kKinds.end(), it.kind) == kKinds.end())
      return Status::Invalid(f + ".kind", "Loại tài sản phải là land, house, precious, cash, securities, vehicle, other hoặc abroad",
                             "unknown asset kind");
    if (it.value < 0) return Status::Invalid(f + ".value", "Giá trị tài sản không được âm", "a value cannot be negative");
    if (it.description.empty()) return Status::Invalid(f + ".description", "Cần mô tả tài sản", "a description is required");
    bool movable = it.kind == "precious" || it.kind == "cash" || it.kind == "securities" || it.kind == "vehicle" || it.kind == "other";
    if (movable && it.value < item_threshold)
      d.notes.push_back("Tài sản \"" + Utf8Prefix(it.description, 60) + "\" dưới " + FormatVnd(item_threshold) +
                        " đồng: không bắt buộc kê khai riêng (Luật PCTN Điều 35)");
    d.assets += it.value;
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM asset_declarations WHERE idempotency_key = ?"));
    st->BindText(1, in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      d.id = st->Int(0);
      d.replayed = true;
      return d;
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT assets + income FROM asset_declarations WHERE official_code = ? ORDER BY "
                                              "submitted_on DESC, id DESC LIMIT 1"));
    st->BindText(1, official_code);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) d.change = d.assets + d.income - st->Int(0);
  }
  BHXH_ASSIGN_OR_RETURN(Vnd add_threshold, data.params().Amount("declaration.additional_threshold", on));
  if (d.change && std::llabs(*d.change) >= add_threshold) {
    d.over_additional_threshold = true;
    d.notes.push_back("Tài sản, thu nhập biến động " + FormatVnd(*d.change) + " đồng so với lần kê khai trước, từ " +
                      FormatVnd(add_threshold) + " đồng trở lên: phải giải trình nguồn gốc (Luật PCTN Điều 36.2, 40)");
  }
  Json items = Json::array();
  for (const auto& it : d.items) items.push_back({{"kind", it.kind}, {"description", it.description}, {"value", it.value}});
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO asset_declarations (official_code, kind, year, submitted_on, items, assets, "
                                            "income, change, idempotency_key, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                                            "RETURNING id"));
  st->Bind(official_code, d.kind, static_cast<int64_t>(d.year), d.submitted_on, DumpJson(items), d.assets, d.income);
  if (d.change)
    st->BindInt(8, *d.change);
  else
    st->BindNull(8);
  st->BindText(9, in.idempotency_key);
  st->BindText(10, by.id);
  st->BindText(11, NowIsoUtc());
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert returned no id");
  d.id = st->Int(0);
  st->Reset();
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "declare", "asset_declaration", official_code,
                                  d.kind + " " + std::to_string(d.year) + " id=" + std::to_string(d.id)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return d;
}

Result<std::vector<DeclarationDue>> DeclarationStatus(Db& db, const OfficialsData& data, int year, Date today,
                                                      const std::string& unit, const std::vector<std::string>& provinces) {
  BHXH_ASSIGN_OR_RETURN(std::vector<Official> all, ListOfficials(db, unit, provinces));
  Date year_end = Date::FromYmd(year, 12, 31);
  BHXH_ASSIGN_OR_RETURN(LawParam deadline_md, data.params().Param("declaration.annual_deadline", year_end));
  int mm = std::atoi(deadline_md.value.substr(0, 2).c_str()), dd = std::atoi(deadline_md.value.substr(3, 2).c_str());
  Date annual_deadline = Date::FromYmd(year, mm, dd);
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT kind, year, submitted_on FROM asset_declarations WHERE official_code = ? "
                                            "ORDER BY submitted_on"));
  std::vector<DeclarationDue> out;
  for (const auto& o : all) {
    const Position* p = data.FindPosition(o.position);
    if (!p || p->declares == "none") continue;
    st->Reset();
    st->BindText(1, o.code);
    std::string first_on, annual_on;
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      std::string kind = st->Text(0), on = st->Text(2);
      if (on >= o.position_since && first_on.empty()) first_on = on;  // any declaration since placed in the post
      if ((kind == "annual" || kind == "first") && st->Int(1) == year) annual_on = on;
    }
    BHXH_ASSIGN_OR_RETURN(Date since, Date::ParseIsoOrVi(o.position_since, "position_since"));
    BHXH_ASSIGN_OR_RETURN(int64_t first_days, data.params().Integer("declaration.first_days", since));
    Date first_deadline = since.AddDays(static_cast<int>(first_days));
    if (since.year() <= year) {
      DeclarationDue d{o, "first", first_deadline.ToString(), "", first_on};
      d.status = !first_on.empty() ? "submitted" : today > first_deadline ? "overdue" : "due";
      if (first_on.empty() || since.year() == year) out.push_back(d);
    }
    if (p->declares == "annual" && since <= year_end) {
      DeclarationDue d{o, "annual", annual_deadline.ToString(), "", annual_on};
      d.status = !annual_on.empty() ? "submitted" : today > annual_deadline ? "overdue" : "due";
      out.push_back(d);
    }
  }
  return out;
}

// --- Verification ----------------------------------------------------------

namespace {
Result<VerificationDraw> LoadDraw(Db& db, int64_t id) {
  VerificationDraw d;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, year, unit, seed, eligible FROM verification_draws WHERE id = ?"));
    st->BindInt(1, id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::NotFound("id", "Không có đợt xác minh số " + std::to_string(id), "no verification draw");
    d.id = st->Int(0);
    d.year = static_cast<int>(st->Int(1));
    d.unit = st->Text(2);
    d.seed = st->Text(3);
    d.eligible = static_cast<int>(st->Int(4));
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT v.official_code, o.full_name, o.position, v.leader, v.result, COALESCE(v.note, '') "
                                            "FROM verification_items v JOIN officials o ON o.code = v.official_code WHERE "
                                            "v.draw_id = ? ORDER BY v.seq"));
  st->BindInt(1, id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    d.items.push_back({st->Text(0), st->Text(1), st->Text(2), st->Int(3) != 0, st->Text(4), st->Text(5)});
  }
  return d;
}
}  // namespace

Result<VerificationDraw> DrawVerification(Db& db, const OfficialsData& data, int year, const std::string& unit, const Actor& by) {
  if (year < 2021 || year > Date::Today().year() + 1)
    return Status::Invalid("year", "Năm kế hoạch xác minh không hợp lệ", "invalid plan year");
  if (unit.empty()) return Status::Invalid("unit", "Cần đơn vị được chọn xác minh", "a unit is required");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM verification_draws WHERE year = ? AND unit = ?"));
    st->Bind(static_cast<int64_t>(year), unit);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      BHXH_ASSIGN_OR_RETURN(VerificationDraw d, LoadDraw(db, st->Int(0)));
      d.replayed = true;
      return d;
    }
  }
  Date plan = Date::FromYmd(year, 1, 1);
  BHXH_ASSIGN_OR_RETURN(RateMicro share, data.params().Percent("verification.share", plan));
  BHXH_ASSIGN_OR_RETURN(int64_t min_leaders, data.params().Integer("verification.min_leaders", plan));
  BHXH_ASSIGN_OR_RETURN(int64_t lookback, data.params().Integer("verification.lookback_years", plan));
  // Eligible: the unit's annual declarants who declared for the year before
  // and were not verified in the lookback window.
  BHXH_ASSIGN_OR_RETURN(std::vector<Official> all, ListOfficials(db, unit, {}));
  BHXH_ASSIGN_OR_RETURN(auto declared, db.Prepare("SELECT 1 FROM asset_declarations WHERE official_code = ? AND year = ? AND kind IN "
                                                  "('annual', 'first')"));
  BHXH_ASSIGN_OR_RETURN(auto verified, db.Prepare("SELECT 1 FROM verification_items v JOIN verification_draws d ON d.id = v.draw_id "
                                                  "WHERE v.official_code = ? AND d.year >= ? AND d.year < ?"));
  std::vector<std::pair<Official, bool>> leaders, others;
  for (const auto& o : all) {
    const Position* p = data.FindPosition(o.position);
    if (!p || p->declares != "annual") continue;
    declared->Reset();
    declared->Bind(o.code, static_cast<int64_t>(year - 1));
    BHXH_ASSIGN_OR_RETURN(bool did, declared->Step());
    if (!did) continue;
    verified->Reset();
    verified->Bind(o.code, static_cast<int64_t>(year - lookback), static_cast<int64_t>(year));
    BHXH_ASSIGN_OR_RETURN(bool was, verified->Step());
    if (was) continue;
    (p->leader ? leaders : others).push_back({o, p->leader});
  }
  int64_t n = static_cast<int64_t>(leaders.size() + others.size());
  int64_t k = n == 0 ? 0 : std::max<int64_t>(1, (n * share + 999'999) / 1'000'000);
  std::string seed = Sha256Hex("bhxh-verification-v1|" + std::to_string(year) + "|" + unit);
  std::mt19937_64 rng(std::strtoull(seed.substr(0, 16).c_str(), nullptr, 16));
  auto shuffle = [&rng](std::vector<std::pair<Official, bool>>& v) {
    for (size_t i = 0; i + 1 < v.size(); ++i) std::swap(v[i], v[i + rng() % (v.size() - i)]);
  };
  shuffle(leaders);
  shuffle(others);
  std::vector<std::pair<Official, bool>> chosen;
  int64_t lead_n = std::min<int64_t>(static_cast<int64_t>(leaders.size()), std::max<int64_t>(min_leaders, 0));
  for (int64_t i = 0; i < lead_n; ++i) chosen.push_back(leaders[static_cast<size_t>(i)]);
  // The rest from everyone not yet chosen, leaders after the first ones included.
  std::vector<std::pair<Official, bool>> pool(others);
  for (size_t i = static_cast<size_t>(lead_n); i < leaders.size(); ++i) pool.push_back(leaders[i]);
  shuffle(pool);
  for (size_t i = 0; static_cast<int64_t>(chosen.size()) < k && i < pool.size(); ++i) chosen.push_back(pool[i]);
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  int64_t id = 0;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO verification_draws (year, unit, seed, eligible, created_by, created_at) "
                                              "VALUES (?,?,?,?,?,?) RETURNING id"));
    st->Bind(static_cast<int64_t>(year), unit, seed, n, by.id, NowIsoUtc());
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Internal("insert returned no id");
    id = st->Int(0);
    st->Reset();
  }
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO verification_items (draw_id, seq, official_code, leader, result) VALUES (?,?,?,?,'pending')"));
  std::string names;
  for (size_t i = 0; i < chosen.size(); ++i) {
    ins->Reset();
    BHXH_RETURN_IF_ERROR(ins->Bind(id, static_cast<int64_t>(i + 1), chosen[i].first.code, static_cast<int64_t>(chosen[i].second)).Run());
    names += (names.empty() ? "" : ",") + chosen[i].first.code;
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "draw", "asset_verification", unit,
                                  std::to_string(year) + " seed=" + seed + " eligible=" + std::to_string(n) + " drawn=" + names));
  BHXH_ASSIGN_OR_RETURN(VerificationDraw d, LoadDraw(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return d;
}

Result<VerificationDraw> RecordVerificationResult(Db& db, int64_t draw_id, const std::string& official_code,
                                                  const std::string& result, const std::string& note, const Actor& by) {
  if (result != "consistent" && result != "inconsistent")
    return Status::Invalid("result", "Kết luận phải là consistent (trung thực) hoặc inconsistent (không trung thực)",
                           "result must be consistent or inconsistent");
  if (result == "inconsistent" && note.empty())
    return Status::Invalid("note", "Kết luận không trung thực phải ghi rõ nội dung", "an inconsistent result needs a note");
  BHXH_ASSIGN_OR_RETURN(VerificationDraw d, LoadDraw(db, draw_id));
  const VerificationItem* item = nullptr;
  for (const auto& i : d.items)
    if (i.official_code == official_code) item = &i;
  if (!item) return Status::NotFound("official_code", "Cán bộ " + official_code + " không thuộc đợt xác minh này", "not in this draw");
  if (item->result != "pending")
    return Status::Error("conflict", "official_code", "Đã có kết luận xác minh cho cán bộ " + official_code, "already concluded");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE verification_items SET result = ?, note = ?, checked_by = ?, checked_at = ? "
                                            "WHERE draw_id = ? AND official_code = ?"));
  BHXH_RETURN_IF_ERROR(st->Bind(result, note, by.id, NowIsoUtc(), draw_id, official_code).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "verify", "asset_verification", official_code, result + ": " + note));
  BHXH_ASSIGN_OR_RETURN(VerificationDraw out, LoadDraw(db, draw_id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

// --- Rotation --------------------------------------------------------------

Result<std::vector<RotationRow>> RotationPlan(Db& db, const OfficialsData& data, const BenefitLaw& benefit_law, int year,
                                              Date today, const std::vector<std::string>& provinces) {
  BHXH_ASSIGN_OR_RETURN(std::vector<Official> all, ListOfficials(db, "", provinces));
  Date year_end = Date::FromYmd(year, 12, 31);
  BHXH_ASSIGN_OR_RETURN(int64_t exempt_months, data.params().Integer("rotation.retirement_exempt_months", year_end));
  std::vector<RotationRow> out;
  for (const auto& o : all) {
    const Position* p = data.FindPosition(o.position);
    if (!p || p->rotation_years <= 0) continue;
    RotationRow r;
    r.official = o;
    r.position_name = p->name;
    r.period_years = p->rotation_years;
    BHXH_ASSIGN_OR_RETURN(Date since, Date::ParseIsoOrVi(o.position_since, "position_since"));
    BHXH_ASSIGN_OR_RETURN(Date birth, Date::ParseIsoOrVi(o.birth_date, "birth_date"));
    r.years_in_post = static_cast<double>(year_end.days() - since.days()) / 365.25;
    Date due = since.AddMonths(12 * p->rotation_years);
    r.due_on = due.ToString();
    auto sex = ParseSex(o.sex, "sex");
    auto ret = benefit_law.RetirementDate(sex.ok() ? *sex : Sex::kMale, birth, 0);
    if (ret.ok()) r.retirement_on = ret->first.ToString();
    if (due > year_end)
      r.status = "not_due";
    else if (ret.ok() && std::max(due, Date::FromYmd(year, 1, 1)).AddMonths(static_cast<int>(exempt_months)) > ret->first)
      r.status = "exempt_retirement";
    else
      r.status = due < today ? "overdue" : "due";
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const RotationRow& a, const RotationRow& b) { return a.due_on < b.due_on; });
  return out;
}

}  // namespace bhxh
