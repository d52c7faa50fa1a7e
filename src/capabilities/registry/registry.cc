#include "registry/registry.h"

#include <algorithm>

#include "base/text.h"

namespace bhxh {

const char* kPersonColumns = "id, cccd, si_number, full_name, dob, sex, province, commune, deceased_on";
const char* kPersonColumnsOfP = "p.id, p.cccd, p.si_number, p.full_name, p.dob, p.sex, p.province, p.commune, p.deceased_on";

Person ReadPerson(const Stmt& st) {
  Person p;
  p.id = st.Int(0);
  p.cccd = st.Text(1);
  p.si_number = st.IsNull(2) ? "" : st.Text(2);
  p.full_name = st.Text(3);
  auto dob = PartialDate::Parse(st.Text(4), "dob");
  if (dob.ok()) p.dob = *dob;
  p.sex = static_cast<Sex>(st.Int(5));
  p.province = st.IsNull(6) ? "" : st.Text(6);
  p.commune = st.IsNull(7) ? "" : st.Text(7);
  if (!st.IsNull(8)) {
    auto d = Date::Parse(st.Text(8), "deceased_on");
    if (d.ok()) p.deceased_on = *d;
  }
  return p;
}

// A death is recorded on a day that has passed, and not before the birth.
Status CheckDeathDate(Date d, const PartialDate& dob) {
  if (d > Date::Today())
    return Status::Invalid("deceased_on", "Ngày chết không được sau ngày hôm nay",
                           "the date of death is in the future");
  if (d.year() < dob.year || (d.year() == dob.year && dob.month && d.ymd().month < dob.month) ||
      (d.year() == dob.year && dob.month && d.ymd().month == dob.month && dob.day && d.ymd().day < dob.day))
    return Status::Invalid("deceased_on", "Ngày chết trước ngày sinh " + dob.ToVi(),
                           "the date of death is before the birth");
  return Status::Ok();
}

bool IsEmployerType(std::string_view t) {
  return t == "enterprise" || t == "state_agency" || t == "cooperative" || t == "household_business" ||
         t == "foreign_organisation" || t == "other";
}

bool IsEmployerStatus(std::string_view s) {
  return s == "active" || s == "suspended" || s == "dissolved" || s == "bankrupt";
}

std::string Employer::StatusOn(Date d) const {
  std::string s = "active";
  for (const auto& h : history)
    if (h.effective_from <= d) s = h.status;
  return s;
}

Status Registry::ValidatePersonInput(const PersonInput& in, Person* out) const {
  Person p;
  if (in.full_name.empty() || Trim(in.full_name).empty())
    return Status::Invalid("full_name", "Họ tên không được để trống", "full name is required");
  if (!IsValidUtf8(in.full_name) || in.full_name.size() > 255 || HasControlChars(in.full_name))
    return Status::Invalid("full_name", "Họ tên không hợp lệ (chữ UTF-8, không ký tự điều khiển, tối đa 255 byte)",
                           "full name must be UTF-8 text without control characters, at most 255 bytes");
  p.full_name = Trim(in.full_name);
  BHXH_ASSIGN_OR_RETURN(p.dob, PartialDate::Parse(in.dob, "dob"));
  BHXH_ASSIGN_OR_RETURN(p.sex, ParseSex(in.sex, "sex"));
  BHXH_RETURN_IF_ERROR(ValidateCccd(
      in.cccd, [this](std::string_view c) { return geo_.IsCccdProvince(c); }, p.dob, p.sex));
  p.cccd = in.cccd;
  if (!in.si_number.empty()) BHXH_RETURN_IF_ERROR(ValidateSiNumber(in.si_number));
  p.si_number = in.si_number;
  if (!in.province.empty() && !geo_.IsKnownCode(in.province))
    return Status::Invalid("province", "Mã tỉnh cư trú không có trong danh mục: \"" + in.province + "\"",
                           "residence province \"" + in.province + "\" is not a known unit code");
  p.province = in.province;
  if (in.commune.size() > 10 || HasControlChars(in.commune))
    return Status::Invalid("commune", "Mã xã tối đa 10 ký tự, không ký tự điều khiển",
                           "commune code is at most 10 characters");
  p.commune = in.commune;
  if (!in.deceased_on.empty()) {
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(in.deceased_on, "deceased_on"));
    BHXH_RETURN_IF_ERROR(CheckDeathDate(d, p.dob));
    p.deceased_on = d;
  }
  *out = std::move(p);
  return Status::Ok();
}

Result<Person> Registry::RegisterPerson(const PersonInput& in, const Actor& actor) {
  Person p;
  BHXH_RETURN_IF_ERROR(ValidatePersonInput(in, &p));
  BHXH_ASSIGN_OR_RETURN(std::string key, FoldForSearch(p.full_name));
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(
      auto dup, db_.Prepare("SELECT cccd FROM persons WHERE cccd = ? OR (si_number IS NOT NULL AND si_number = ?)"));
  dup->Bind(p.cccd, p.si_number.empty() ? std::string("-") : p.si_number);
  BHXH_ASSIGN_OR_RETURN(bool exists, dup->Step());
  if (exists)
    return Status::Conflict(dup->Text(0) == p.cccd ? "cccd" : "si_number", "Người tham gia đã có trong cơ sở dữ liệu",
                            "a person with this CCCD or SI number already exists");
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare(
          "INSERT INTO persons (cccd, si_number, full_name, name_key, dob, sex, province, commune, deceased_on, "
          "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
  st->BindText(1, p.cccd);
  if (p.si_number.empty())
    st->BindNull(2);
  else
    st->BindText(2, p.si_number);
  st->BindText(3, p.full_name);
  st->BindText(4, key);
  st->BindText(5, p.dob.ToString());
  st->BindInt(6, static_cast<int>(p.sex));
  st->BindText(7, p.province);
  st->BindText(8, p.commune);
  if (p.deceased_on)
    st->BindText(9, p.deceased_on->ToString());
  else
    st->BindNull(9);
  st->BindText(10, NowIsoUtc());
  st->BindText(11, actor.id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert person returned no id");
  p.id = st->Int(0);
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "register", "person", p.cccd, p.full_name));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<Person> Registry::PersonWhere(const std::string& where, const std::string& value) {
  BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kPersonColumns + " FROM persons WHERE " + where));
  st->Bind(value);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("cccd", "Không tìm thấy người tham gia " + value, "no person " + value);
  return ReadPerson(*st);
}

Result<Person> Registry::CorrectPerson(const std::string& cccd, const PersonCorrection& c, const Actor& actor) {
  if (c.empty())
    return Status::Invalid("correction", "Cần ít nhất một thông tin cần điều chỉnh (họ tên, ngày sinh, giới tính, nơi cư trú)",
                           "at least one field to correct is needed");
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Person old, PersonByCccd(cccd));
  PersonInput in{old.cccd,
                 old.si_number,
                 c.full_name.value_or(old.full_name),
                 c.dob.value_or(old.dob.ToString()),
                 c.sex.value_or(SexCode(old.sex)),
                 c.province.value_or(old.province),
                 c.commune.value_or(old.commune),
                 old.deceased_on ? old.deceased_on->ToString() : ""};
  Person p;
  BHXH_RETURN_IF_ERROR(ValidatePersonInput(in, &p));
  BHXH_ASSIGN_OR_RETURN(std::string key, FoldForSearch(p.full_name));
  BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare("UPDATE persons SET full_name = ?, name_key = ?, dob = ?, sex = ?, province = ?, "
                                             "commune = ? WHERE id = ?"));
  st->Bind(p.full_name, key, p.dob.ToString(), static_cast<int>(p.sex), p.province, p.commune, old.id);
  BHXH_RETURN_IF_ERROR(st->Run());
  std::string detail;
  auto note = [&](const char* field, const std::string& from, const std::string& to) {
    if (from != to) detail += std::string(detail.empty() ? "" : "; ") + field + ": " + from + " -> " + to;
  };
  note("full_name", old.full_name, p.full_name);
  note("dob", old.dob.ToString(), p.dob.ToString());
  note("sex", SexCode(old.sex), SexCode(p.sex));
  note("province", old.province, p.province);
  note("commune", old.commune, p.commune);
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "correct", "person", cccd, detail.empty() ? "unchanged" : detail));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  p.id = old.id;
  return p;
}

Result<Person> Registry::PersonByCccd(const std::string& cccd) {
  if (cccd.size() != 12 || !IsDigits(cccd))
    return Status::Error("invalid_cccd", "cccd", "Số định danh cá nhân phải gồm đúng 12 chữ số",
                         "personal ID must be exactly 12 digits");
  return PersonWhere("cccd = ?", cccd);
}

Result<Person> Registry::PersonBySiNumber(const std::string& si) {
  BHXH_RETURN_IF_ERROR(ValidateSiNumber(si));
  return PersonWhere("si_number = ?", si);
}

Result<Person> Registry::PersonById(int64_t id) { return PersonWhere("id = ?", std::to_string(id)); }

Result<PersonPage> Registry::SearchPersons(const std::string& query, const std::vector<std::string>& provinces,
                                           int limit, int64_t offset) {
  BHXH_ASSIGN_OR_RETURN(std::string key, FoldForSearch(query));
  if (key.size() < 2)
    return Status::Invalid("q", "Từ khoá tìm kiếm cần ít nhất 2 ký tự", "query needs at least 2 characters");
  std::string esc;
  for (char c : key) {
    if (c == '%' || c == '_' || c == '\\') esc.push_back('\\');
    esc.push_back(c);
  }
  std::string where = " FROM persons WHERE name_key LIKE ? ESCAPE '\\'";
  if (!provinces.empty()) {
    where += " AND province IN (";
    for (size_t i = 0; i < provinces.size(); ++i) where += i ? ",?" : "?";
    where += ")";
  }
  auto bind = [&](Stmt& st) {
    st.BindText(1, "%" + esc + "%");
    for (size_t i = 0; i < provinces.size(); ++i) st.BindText(static_cast<int>(i) + 2, provinces[i]);
  };
  PersonPage page;
  {
    BHXH_ASSIGN_OR_RETURN(auto cnt, db_.Prepare("SELECT COUNT(*)" + where));
    bind(*cnt);
    BHXH_ASSIGN_OR_RETURN(bool row, cnt->Step());
    page.total = row ? cnt->Int(0) : 0;
  }
  BHXH_ASSIGN_OR_RETURN(auto st,
                        db_.Prepare(std::string("SELECT ") + kPersonColumns + where + " ORDER BY name_key, id LIMIT " +
                                    std::to_string(std::clamp(limit, 1, 1000)) + " OFFSET " +
                                    std::to_string(std::max<int64_t>(0, offset))));
  bind(*st);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    page.persons.push_back(ReadPerson(*st));
  }
  return page;
}

Status Registry::MarkDeceased(const std::string& cccd, const std::string& date, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(date, "deceased_on"));
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Person p, PersonByCccd(cccd));
  BHXH_RETURN_IF_ERROR(CheckDeathDate(d, p.dob));
  BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare("UPDATE persons SET deceased_on = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(st->Bind(d.ToString(), p.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "deceased", "person", cccd, d.ToString()));
  return tx.Commit();
}

Result<Employer> Registry::RegisterEmployer(const EmployerInput& in, const Actor& actor) {
  if (in.code.empty() || in.code.size() > 20 || HasControlChars(in.code) || HasControlChars(in.name))
    return Status::Invalid("code", "Mã đơn vị bắt buộc, tối đa 20 ký tự",
                           "employer code is required, at most 20 characters");
  if (!((in.tax_code.size() == 10 && IsDigits(in.tax_code)) ||
        (in.tax_code.size() == 14 && IsDigits(in.tax_code.substr(0, 10)) && in.tax_code[10] == '-' &&
         IsDigits(in.tax_code.substr(11))) ||
        (in.tax_code.size() == 13 && IsDigits(in.tax_code))))
    return Status::Invalid("tax_code", "Mã số thuế phải gồm 10 hoặc 13 chữ số", "tax code must have 10 or 13 digits");
  if (Trim(in.name).empty() || !IsValidUtf8(in.name))
    return Status::Invalid("name", "Tên đơn vị không được để trống", "employer name is required");
  if (!IsEmployerType(in.type))
    return Status::Invalid("type",
                           "Loại hình đơn vị không hợp lệ (enterprise, state_agency, cooperative, household_business, "
                           "foreign_organisation, other)",
                           "unknown employer type \"" + in.type + "\"");
  if (!geo_.IsKnownCode(in.province))
    return Status::Invalid("province", "Mã tỉnh không có trong danh mục: \"" + in.province + "\"",
                           "unknown province code \"" + in.province + "\"");
  if (in.region < 1 || in.region > 4)
    return Status::Invalid("region", "Vùng lương tối thiểu phải là 1, 2, 3 hoặc 4", "wage region must be 1-4");
  if (!IsEmployerStatus(in.status))
    return Status::Invalid("status", "Trạng thái không hợp lệ (active, suspended, dissolved, bankrupt)",
                           "unknown status \"" + in.status + "\"");
  Date from = Date::Today();
  if (!in.status_from.empty()) {
    BHXH_ASSIGN_OR_RETURN(from, Date::Parse(in.status_from, "status_from"));
  }
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto dup, db_.Prepare("SELECT code FROM employers WHERE code = ? OR tax_code = ?"));
  dup->Bind(in.code, in.tax_code);
  BHXH_ASSIGN_OR_RETURN(bool exists, dup->Step());
  if (exists)
    return Status::Conflict(dup->Text(0) == in.code ? "code" : "tax_code", "Đơn vị đã tồn tại",
                            "an employer with this code or tax code already exists");
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare("INSERT INTO employers (code, tax_code, name, type, province, region, created_at, created_by) "
                  "VALUES (?,?,?,?,?,?,?,?) RETURNING id"));
  st->Bind(in.code, in.tax_code, Trim(in.name), in.type, in.province, in.region, NowIsoUtc(), actor.id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert employer returned no id");
  int64_t id = st->Int(0);
  BHXH_ASSIGN_OR_RETURN(
      auto hs,
      db_.Prepare("INSERT INTO employer_status (employer_id, effective_from, status, recorded_by) VALUES (?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(hs->Bind(id, from.ToString(), in.status, actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "register", "employer", in.code, in.name));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return EmployerById(id);
}

Result<Employer> Registry::EmployerWhere(const std::string& where, const std::string& value) {
  BHXH_ASSIGN_OR_RETURN(
      auto st, db_.Prepare("SELECT id, code, tax_code, name, type, province, region FROM employers WHERE " + where));
  st->Bind(value);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("employer", "Không tìm thấy đơn vị " + value, "no employer " + value);
  Employer e{st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), static_cast<int>(st->Int(6)),
             {}};
  BHXH_ASSIGN_OR_RETURN(
      auto hs,
      db_.Prepare("SELECT effective_from, status FROM employer_status WHERE employer_id = ? ORDER BY effective_from"));
  hs->Bind(e.id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool r, hs->Step());
    if (!r) break;
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(hs->Text(0), "effective_from"));
    e.history.push_back({d, hs->Text(1)});
  }
  return e;
}

Result<Employer> Registry::EmployerByCode(const std::string& code) { return EmployerWhere("code = ?", code); }
Result<Employer> Registry::EmployerById(int64_t id) { return EmployerWhere("id = ?", std::to_string(id)); }

Status Registry::SetEmployerStatus(const std::string& code, const std::string& date, const std::string& status,
                                   const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(date, "effective_from"));
  if (!IsEmployerStatus(status))
    return Status::Invalid("status", "Trạng thái không hợp lệ (active, suspended, dissolved, bankrupt)",
                           "unknown status \"" + status + "\"");
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Employer e, EmployerByCode(code));
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare("INSERT INTO employer_status (employer_id, effective_from, status, recorded_by) VALUES (?,?,?,?) "
                  "ON CONFLICT (employer_id, effective_from) DO UPDATE SET status = excluded.status, recorded_by = "
                  "excluded.recorded_by"));
  BHXH_RETURN_IF_ERROR(st->Bind(e.id, d.ToString(), status, actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "status", "employer", code, status + " from " + d.ToString()));
  return tx.Commit();
}

Result<Card> Registry::IssueCard(const CardInput& in, const Actor& actor) {
  Card c;
  BHXH_ASSIGN_OR_RETURN(c.code, ParseCardCode(in.code, "code"));
  BHXH_ASSIGN_OR_RETURN(c.valid_from, Date::Parse(in.valid_from, "valid_from"));
  BHXH_ASSIGN_OR_RETURN(c.valid_to, Date::Parse(in.valid_to, "valid_to"));
  if (c.valid_to < c.valid_from)
    return Status::Invalid("valid_to", "Ngày hết hạn phải sau ngày bắt đầu", "valid_to is before valid_from");
  if (in.facility.size() != 5 || !IsDigits(in.facility))
    return Status::Invalid("facility", "Mã nơi đăng ký KCB ban đầu phải gồm 5 chữ số",
                           "registered facility code must be 5 digits");
  c.facility = in.facility;
  if (!in.five_year_date.empty()) {
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(in.five_year_date, "five_year_date"));
    c.five_year_date = d;
  }
  BHXH_ASSIGN_OR_RETURN(GroupRule g, law_.Group(c.code.group, c.valid_from));
  if (g.hi_level == 0)
    return Status::Invalid("code", "Đối tượng " + c.code.group + " không được cấp thẻ BHYT",
                           "group " + c.code.group + " has no HI card");
  if (g.hi_level != c.code.level)
    return Status::Invalid("code",
                           "Mức hưởng " + std::to_string(c.code.level) + " không đúng với đối tượng " + c.code.group +
                               " (mức " + std::to_string(g.hi_level) + ")",
                           "benefit digit does not match group " + c.code.group);
  if (!geo_.IsKnownCode(c.code.province))
    return Status::Invalid("code", "Mã tỉnh trên thẻ không có trong danh mục", "unknown province in card code");
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Person p, PersonByCccd(in.cccd));
  if (!p.si_number.empty() && p.si_number != c.code.si_number)
    return Status::Invalid("code", "10 số cuối của mã thẻ phải là mã số BHXH " + p.si_number,
                           "the card's last 10 digits must be the person's SI number");
  if (p.si_number.empty()) {
    BHXH_ASSIGN_OR_RETURN(auto up, db_.Prepare("UPDATE persons SET si_number = ? WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(up->Bind(c.code.si_number, p.id).Run());
  }
  c.person_id = p.id;
  c.status = "active";
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare(
          "INSERT INTO hi_cards (person_id, code, valid_from, valid_to, facility, five_year_date, status, issued_by) "
          "VALUES (?,?,?,?,?,?,?,?) RETURNING id"));
  st->Bind(p.id, c.code.ToString(), c.valid_from.ToString(), c.valid_to.ToString(), c.facility);
  if (c.five_year_date)
    st->BindText(6, c.five_year_date->ToString());
  else
    st->BindNull(6);
  st->BindText(7, c.status);
  st->BindText(8, actor.id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert card returned no id");
  c.id = st->Int(0);
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "issue", "hi_card", p.cccd, c.code.ToString()));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return c;
}

Result<Card> Registry::ReissueCard(const std::string& cccd, const std::string& facility, Date on, const Actor& actor) {
  if (!facility.empty() && (facility.size() != 5 || !IsDigits(facility)))
    return Status::Invalid("facility", "Mã nơi đăng ký KCB ban đầu phải gồm 5 chữ số",
                           "registered facility code must be 5 digits");
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Person p, PersonByCccd(cccd));
  BHXH_ASSIGN_OR_RETURN(auto cards, CardsOfPerson(p.id));
  const Card* cur = nullptr;
  for (const auto& c : cards)
    if (c.status == "active" && c.valid_from <= on && on <= c.valid_to) cur = &c;
  if (!cur)
    return Status::NotFound("cccd", "Người này không có thẻ BHYT còn giá trị ngày " + on.ToVi() + " để cấp lại, đổi",
                            "the person has no HI card valid on that day to reissue or exchange");
  Card old = *cur;
  BHXH_ASSIGN_OR_RETURN(auto up, db_.Prepare("UPDATE hi_cards SET status = 'withdrawn' WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(up->Bind(old.id).Run());
  CardInput in{cccd, old.code.ToString(), old.valid_from.ToString(), old.valid_to.ToString(),
               facility.empty() ? old.facility : facility, old.five_year_date ? old.five_year_date->ToString() : ""};
  BHXH_ASSIGN_OR_RETURN(Card c, IssueCard(in, actor));
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "withdraw", "hi_card", p.cccd,
                                  "thẻ số " + std::to_string(old.id) + " thay bằng thẻ số " + std::to_string(c.id)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return c;
}

Result<std::vector<Card>> Registry::CardsOfPerson(int64_t person_id) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare("SELECT id, person_id, code, valid_from, valid_to, facility, five_year_date, status, decrease_code, "
                  "valid_to_issued FROM hi_cards WHERE person_id = ? ORDER BY valid_from"));
  st->Bind(person_id);
  std::vector<Card> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Card c;
    c.id = st->Int(0);
    c.person_id = st->Int(1);
    BHXH_ASSIGN_OR_RETURN(c.code, ParseCardCode(st->Text(2)));
    BHXH_ASSIGN_OR_RETURN(c.valid_from, Date::Parse(st->Text(3), "valid_from"));
    BHXH_ASSIGN_OR_RETURN(c.valid_to, Date::Parse(st->Text(4), "valid_to"));
    c.facility = st->Text(5);
    if (!st->IsNull(6)) {
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(6), "five_year_date"));
      c.five_year_date = d;
    }
    c.status = st->Text(7);
    if (!st->IsNull(8)) c.decrease_code = st->Text(8);
    if (!st->IsNull(9)) {
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(9), "valid_to_issued"));
      c.valid_to_issued = d;
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<Period>> Registry::PeriodsOfPerson(int64_t person_id) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare("SELECT id, person_id, employer_id, from_month, to_month, salary, funds, group_code, province "
                  "FROM periods WHERE person_id = ? ORDER BY from_month, id"));
  st->Bind(person_id);
  std::vector<Period> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Period p;
    p.id = st->Int(0);
    p.person_id = st->Int(1);
    p.employer_id = st->IsNull(2) ? 0 : st->Int(2);
    p.from = Month::FromIndex(static_cast<int32_t>(st->Int(3)));
    if (!st->IsNull(4)) p.to = Month::FromIndex(static_cast<int32_t>(st->Int(4)));
    p.salary = st->Int(5);
    p.funds = static_cast<FundMask>(st->Int(6));
    p.group = st->Text(7);
    p.province = st->Text(8);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace bhxh

namespace bhxh {

Result<Period> Registry::AddPeriod(const PeriodInput& in, const Actor& actor) {
  Period p;
  BHXH_ASSIGN_OR_RETURN(p.from, Month::Parse(in.from_month, "from_month"));
  if (!in.to_month.empty()) {
    BHXH_ASSIGN_OR_RETURN(Month to, Month::Parse(in.to_month, "to_month"));
    if (to < p.from)
      return Status::Invalid("to_month", "Tháng kết thúc phải từ tháng bắt đầu trở đi",
                             "to_month is before from_month");
    p.to = to;
  }
  BHXH_ASSIGN_OR_RETURN(GroupRule g, law_.Group(in.group, p.from.FirstDay()));
  if (g.scheme.empty() || g.scheme == "employee_private" || g.scheme == "employee_state")
    return Status::Invalid("group",
                           "Đối tượng " + in.group + " tham gia qua đơn vị sử dụng lao động (dùng tờ khai của đơn vị)",
                           "group " + in.group + " joins through an employer's declaration");
  p.group = in.group;
  BHXH_ASSIGN_OR_RETURN(RateCard card, BuildRateCard(law_, g.scheme, p.from, 0, g.scheme == "household_hi" ? 1 : 0));
  p.funds = card.scheme_funds;
  if (!in.funds.empty()) {
    BHXH_ASSIGN_OR_RETURN(FundMask m, ParseFundMask(in.funds, "funds"));
    p.funds = m & card.scheme_funds;
    if (!p.funds)
      return Status::Invalid("funds", "Đối tượng này không đóng vào các quỹ đã chọn",
                             "the group pays into none of these funds");
  }
  if (!card.base_is_reference_level) {
    BHXH_ASSIGN_OR_RETURN(p.salary, ParseVnd(in.salary, "salary"));
    for (const auto& t : card.funds) {
      if (!t.present) continue;
      if (t.floor && p.salary < t.floor)
        return Status::Invalid("salary", "Thu nhập lựa chọn thấp hơn mức tối thiểu " + FormatVnd(t.floor) + " đồng",
                               "chosen income below the floor " + std::to_string(t.floor));
      if (t.cap && p.salary > t.cap)
        return Status::Invalid("salary", "Thu nhập lựa chọn vượt mức tối đa " + FormatVnd(t.cap) + " đồng",
                               "chosen income above the cap " + std::to_string(t.cap));
      break;
    }
  }
  Tx tx(db_);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Person person, PersonByCccd(in.cccd));
  if (person.deceased_on && p.from.FirstDay() > *person.deceased_on)
    return Status::Invalid("from_month", "Người tham gia đã chết", "the person has died");
  BHXH_ASSIGN_OR_RETURN(std::vector<Period> existing, PeriodsOfPerson(person.id));
  for (const Period& e : existing) {
    if (e.employer_id) continue;
    bool overlap = (!e.to || *e.to >= p.from) && (!p.to || *p.to >= e.from);
    if (overlap && (e.funds & p.funds))
      return Status::Conflict("from_month", "Trùng với thời gian tham gia từ " + e.from.ToVi(),
                              "overlaps the period from " + e.from.ToString());
  }
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare("INSERT INTO periods (person_id, employer_id, from_month, to_month, salary, funds, group_code, "
                  "province) VALUES (?,NULL,?,?,?,?,?,?) RETURNING id"));
  st->Bind(person.id, p.from.index());
  if (p.to)
    st->BindInt(3, p.to->index());
  else
    st->BindNull(3);
  st->BindInt(4, p.salary);
  st->BindInt(5, p.funds);
  st->BindText(6, p.group);
  // Without an employer the period is recorded under the person's residence.
  p.province = person.province;
  st->BindText(7, p.province);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert period returned no id");
  p.id = st->Int(0);
  p.person_id = person.id;
  BHXH_RETURN_IF_ERROR(WriteAudit(db_, actor, "period", "person", person.cccd, p.group + " from " + p.from.ToString()));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<EmployerPage> Registry::SearchEmployers(const std::string& query, const std::vector<std::string>& provinces, int limit,
                                               int64_t offset) {
  std::string q = Trim(query);
  BHXH_ASSIGN_OR_RETURN(std::string key, FoldForSearch(q));
  std::string where = " FROM employers WHERE 1=1";
  std::vector<std::string> binds;
  if (!q.empty()) {
    where += " AND (code = ? OR tax_code = ? OR LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')";
    std::string esc;
    for (char c : key) {
      if (c == '%' || c == '_' || c == '\\') esc.push_back('\\');
      esc.push_back(c);
    }
    std::string lower = CaseFold(q), lesc;
    for (char c : lower) {
      if (c == '%' || c == '_' || c == '\\') lesc.push_back('\\');
      lesc.push_back(c);
    }
    binds = {q, q, "%" + lesc + "%", "%" + esc + "%"};
  }
  if (!provinces.empty()) {
    where += " AND province IN (";
    for (size_t i = 0; i < provinces.size(); ++i) where += i ? ",?" : "?";
    where += ")";
    binds.insert(binds.end(), provinces.begin(), provinces.end());
  }
  EmployerPage page;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT COUNT(*)" + where));
    for (size_t i = 0; i < binds.size(); ++i) st->BindText(static_cast<int>(i) + 1, binds[i]);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    page.total = row ? st->Int(0) : 0;
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT code" + where + " ORDER BY code LIMIT " +
                                             std::to_string(std::clamp(limit, 1, 1000)) + " OFFSET " +
                                             std::to_string(std::max<int64_t>(0, offset))));
  for (size_t i = 0; i < binds.size(); ++i) st->BindText(static_cast<int>(i) + 1, binds[i]);
  std::vector<std::string> codes;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    codes.push_back(st->Text(0));
  }
  for (const auto& c : codes) {
    BHXH_ASSIGN_OR_RETURN(Employer e, EmployerByCode(c));
    page.employers.push_back(std::move(e));
  }
  return page;
}

Result<std::vector<Worker>> Registry::WorkersOf(int64_t employer_id, Month as_of) {
  BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      std::string("SELECT ") + kPersonColumnsOfP + ", pe.id, pe.from_month, pe.to_month, pe.salary, pe.funds, pe.group_code "
      "FROM periods pe JOIN persons p ON p.id = pe.person_id WHERE pe.employer_id = ? ORDER BY p.id, pe.from_month"));
  st->Bind(employer_id);
  std::vector<Worker> out;
  const int base = 9;  // after the person's columns
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Person p = ReadPerson(*st);
    if (out.empty() || out.back().person.id != p.id) out.push_back({p, {}, false});
    Period x;
    x.id = st->Int(base);
    x.person_id = p.id;
    x.employer_id = employer_id;
    x.from = Month::FromIndex(static_cast<int32_t>(st->Int(base + 1)));
    if (!st->IsNull(base + 2)) x.to = Month::FromIndex(static_cast<int32_t>(st->Int(base + 2)));
    x.salary = st->Int(base + 3);
    x.funds = static_cast<FundMask>(st->Int(base + 4));
    x.group = st->Text(base + 5);
    if (x.from <= as_of && (!x.to || as_of <= *x.to)) out.back().current = true;
    out.back().periods.push_back(std::move(x));
  }
  std::stable_sort(out.begin(), out.end(), [](const Worker& a, const Worker& b) {
    if (a.current != b.current) return a.current;
    return a.person.full_name < b.person.full_name;
  });
  return out;
}

}  // namespace bhxh
