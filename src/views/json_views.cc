#include "views/json_views.h"

namespace bhxh {
namespace {

Status TypeError(const std::string& field, const char* want_vi, const char* want_en) {
  return Status::Invalid(field, "Trường \"" + field + "\" phải là " + want_vi,
                         "field \"" + field + "\" must be " + want_en);
}

// Reads an optional string field; numbers are accepted and printed as text
// (amounts often arrive as numbers).
Status Str(const Json& j, const char* key, std::string* out, bool required = false) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required)
      return Status::Invalid(key, std::string("Thiếu trường bắt buộc \"") + key + "\"",
                             std::string("missing required field \"") + key + "\"");
    return Status::Ok();
  }
  if (it->is_string()) *out = it->get<std::string>();
  else if (it->is_number_integer()) *out = std::to_string(it->get<int64_t>());
  else if (it->is_number_unsigned()) *out = std::to_string(it->get<uint64_t>());
  else return TypeError(key, "chuỗi ký tự", "a string");
  return Status::Ok();
}

Status Int(const Json& j, const char* key, int* out, bool required = false) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required)
      return Status::Invalid(key, std::string("Thiếu trường bắt buộc \"") + key + "\"",
                             std::string("missing required field \"") + key + "\"");
    return Status::Ok();
  }
  if (it->is_number_integer()) { *out = it->get<int>(); return Status::Ok(); }
  if (it->is_string() && !it->get<std::string>().empty()) {
    const std::string s = it->get<std::string>();
    for (char c : s) if (c < '0' || c > '9') return TypeError(key, "số nguyên", "an integer");
    *out = std::stoi(s.substr(0, 9));
    return Status::Ok();
  }
  return TypeError(key, "số nguyên", "an integer");
}

Status RequireObject(const Json& j) {
  if (!j.is_object())
    return Status::Invalid("body", "Nội dung yêu cầu phải là một đối tượng JSON", "request body must be a JSON object");
  return Status::Ok();
}

Json Money(Vnd v) { return v; }

}  // namespace

Result<Json> ParseJsonBody(std::string_view body) {
  Json j = Json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded())
    return Status::Error("malformed_json", "body", "Nội dung không phải JSON hợp lệ", "body is not valid JSON");
  return j;
}

Result<PersonInput> PersonFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  PersonInput p;
  BHXH_RETURN_IF_ERROR(Str(j, "cccd", &p.cccd, true));
  BHXH_RETURN_IF_ERROR(Str(j, "si_number", &p.si_number));
  BHXH_RETURN_IF_ERROR(Str(j, "full_name", &p.full_name, true));
  BHXH_RETURN_IF_ERROR(Str(j, "dob", &p.dob, true));
  BHXH_RETURN_IF_ERROR(Str(j, "sex", &p.sex, true));
  BHXH_RETURN_IF_ERROR(Str(j, "province", &p.province));
  BHXH_RETURN_IF_ERROR(Str(j, "commune", &p.commune));
  BHXH_RETURN_IF_ERROR(Str(j, "deceased_on", &p.deceased_on));
  return p;
}

Result<EmployerInput> EmployerFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  EmployerInput e;
  BHXH_RETURN_IF_ERROR(Str(j, "code", &e.code, true));
  BHXH_RETURN_IF_ERROR(Str(j, "tax_code", &e.tax_code, true));
  BHXH_RETURN_IF_ERROR(Str(j, "name", &e.name, true));
  BHXH_RETURN_IF_ERROR(Str(j, "type", &e.type, true));
  BHXH_RETURN_IF_ERROR(Str(j, "province", &e.province, true));
  BHXH_RETURN_IF_ERROR(Int(j, "region", &e.region, true));
  BHXH_RETURN_IF_ERROR(Str(j, "status", &e.status));
  BHXH_RETURN_IF_ERROR(Str(j, "status_from", &e.status_from));
  return e;
}

Result<CardInput> CardFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  CardInput c;
  BHXH_RETURN_IF_ERROR(Str(j, "cccd", &c.cccd, true));
  BHXH_RETURN_IF_ERROR(Str(j, "code", &c.code, true));
  BHXH_RETURN_IF_ERROR(Str(j, "valid_from", &c.valid_from, true));
  BHXH_RETURN_IF_ERROR(Str(j, "valid_to", &c.valid_to, true));
  BHXH_RETURN_IF_ERROR(Str(j, "facility", &c.facility, true));
  BHXH_RETURN_IF_ERROR(Str(j, "five_year_date", &c.five_year_date));
  return c;
}

Result<PeriodInput> PeriodFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  PeriodInput p;
  BHXH_RETURN_IF_ERROR(Str(j, "cccd", &p.cccd, true));
  BHXH_RETURN_IF_ERROR(Str(j, "group", &p.group, true));
  BHXH_RETURN_IF_ERROR(Str(j, "from_month", &p.from_month, true));
  BHXH_RETURN_IF_ERROR(Str(j, "to_month", &p.to_month));
  BHXH_RETURN_IF_ERROR(Str(j, "salary", &p.salary));
  BHXH_RETURN_IF_ERROR(Str(j, "funds", &p.funds));
  return p;
}

Json ToJson(const Period& p) {
  Json j = {{"id", p.id}, {"from", p.from.ToString()}, {"salary", p.salary}, {"group", p.group},
            {"funds", FundMaskString(p.funds)}};
  j["to"] = p.to ? Json(p.to->ToString()) : Json(nullptr);
  return j;
}

Result<Declaration> DeclarationFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  Declaration d;
  BHXH_RETURN_IF_ERROR(Str(j, "employer_code", &d.employer_code, true));
  BHXH_RETURN_IF_ERROR(Str(j, "month", &d.month, true));
  BHXH_RETURN_IF_ERROR(Str(j, "idempotency_key", &d.idempotency_key));
  auto it = j.find("rows");
  if (it == j.end() || !it->is_array())
    return Status::Invalid("rows", "Trường \"rows\" phải là một mảng", "field \"rows\" must be an array");
  int n = 0;
  for (const Json& r : *it) {
    ++n;
    std::string prefix = "rows[" + std::to_string(n) + "].";
    if (!r.is_object())
      return Status::Invalid(prefix, "Mỗi dòng phải là một đối tượng JSON", "each row must be an object");
    DeclarationRow row;
    Status s;
    for (auto [key, dst] : std::initializer_list<std::pair<const char*, std::string*>>{
             {"action", &row.action}, {"cccd", &row.cccd}, {"effective_month", &row.effective_month},
             {"salary", &row.salary}, {"group", &row.group}, {"funds", &row.funds}, {"full_name", &row.full_name},
             {"dob", &row.dob}, {"sex", &row.sex}, {"si_number", &row.si_number}, {"province", &row.province}}) {
      s = Str(r, key, dst);
      if (!s.ok()) return s.WithFieldPrefix(prefix);
    }
    d.rows.push_back(std::move(row));
  }
  return d;
}

Result<PaymentInput> PaymentFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  PaymentInput p;
  BHXH_RETURN_IF_ERROR(Str(j, "employer_code", &p.employer_code, true));
  BHXH_RETURN_IF_ERROR(Str(j, "paid_on", &p.paid_on, true));
  BHXH_RETURN_IF_ERROR(Str(j, "amount", &p.amount, true));
  BHXH_RETURN_IF_ERROR(Str(j, "reference", &p.reference, true));
  BHXH_RETURN_IF_ERROR(Str(j, "idempotency_key", &p.idempotency_key));
  return p;
}

Result<CalcRequest> CalcRequestFromJson(const Json& j) {
  BHXH_RETURN_IF_ERROR(RequireObject(j));
  CalcRequest r;
  std::string month, salary = "0", funds;
  BHXH_RETURN_IF_ERROR(Str(j, "month", &month, true));
  BHXH_ASSIGN_OR_RETURN(r.month, Month::Parse(month, "month"));
  BHXH_RETURN_IF_ERROR(Str(j, "salary", &salary));
  BHXH_ASSIGN_OR_RETURN(r.salary, ParseVnd(salary, "salary"));
  BHXH_RETURN_IF_ERROR(Int(j, "region", &r.region));
  r.group = "DN";
  BHXH_RETURN_IF_ERROR(Str(j, "group", &r.group));
  BHXH_RETURN_IF_ERROR(Int(j, "household_member", &r.household_member));
  BHXH_RETURN_IF_ERROR(Str(j, "funds", &funds));
  if (!funds.empty()) { BHXH_ASSIGN_OR_RETURN(r.funds, ParseFundMask(funds, "funds")); }
  return r;
}

Json ErrorJson(const Status& s) {
  return {{"error", {{"code", s.code()}, {"field", s.field()}, {"message", s.message_vi()},
                     {"message_en", s.message_en()}}}};
}

Json ToJson(const LawParam& p) {
  Json j = {{"key", p.key}, {"effective_from", p.effective_from.ToString()}, {"value", p.value},
            {"unit", p.unit}, {"law", p.law}, {"source", p.source}};
  if (!p.note.empty()) j["note"] = p.note;
  return j;
}

Json ToJson(const CalcResult& r) {
  Json lines = Json::array();
  for (const FundLine& l : r.breakdown.lines) {
    if (!l.covered) continue;
    const FundTerms& t = r.card.funds[static_cast<int>(l.fund)];
    for (int p = 0; p < kPartyCount; ++p) {
      if (!t.rate[p]) continue;
      lines.push_back({{"fund", FundCode(l.fund)}, {"fund_name", FundNameVi(l.fund)},
                       {"party", PartyCode(static_cast<Party>(p))}, {"party_name", PartyNameVi(static_cast<Party>(p))},
                       {"base", l.base}, {"rate_percent", PercentString(t.rate[p])}, {"amount", l.amount[p]},
                       {"floor", t.floor}, {"cap", t.cap}, {"floor_applied", l.floor_applied},
                       {"cap_applied", l.cap_applied}});
    }
  }
  Json totals = Json::object();
  for (int p = 0; p < kPartyCount; ++p)
    if (r.breakdown.party_total[p]) totals[PartyCode(static_cast<Party>(p))] = r.breakdown.party_total[p];
  totals["total"] = r.breakdown.total;
  Json params = Json::array();
  for (const auto& p : r.card.params) params.push_back(ToJson(p));
  Json rates = Json::array();
  for (const auto& x : r.card.rates)
    rates.push_back({{"fund", FundCode(x.fund)}, {"party", PartyCode(x.party)}, {"rate_percent", PercentString(x.rate)},
                     {"effective_from", x.effective_from.ToString()}, {"law", x.law}, {"source", x.source}});
  return {{"month", r.request.month.ToString()}, {"group", r.group.group}, {"group_name", r.group.name_vi},
          {"scheme", r.card.scheme}, {"region", r.request.region}, {"salary", r.request.salary},
          {"law", r.card.law}, {"rule", r.card.rule_vi}, {"lines", lines}, {"totals", totals},
          {"parameters", params}, {"rates", rates}};
}

Json ToJson(const Person& p) {
  Json j = {{"cccd", p.cccd}, {"si_number", p.si_number}, {"full_name", p.full_name}, {"dob", p.dob.ToString()},
            {"sex", SexCode(p.sex)}, {"province", p.province}, {"commune", p.commune}};
  j["deceased_on"] = p.deceased_on ? Json(p.deceased_on->ToString()) : Json(nullptr);
  return j;
}

Json ToJson(const Employer& e, Date on) {
  Json h = Json::array();
  for (const auto& s : e.history) h.push_back({{"effective_from", s.effective_from.ToString()}, {"status", s.status}});
  return {{"code", e.code}, {"tax_code", e.tax_code}, {"name", e.name}, {"type", e.type}, {"province", e.province},
          {"region", e.region}, {"status", e.StatusOn(on)}, {"status_history", h}};
}

Json ToJson(const Card& c) {
  Json j = {{"code", c.code.ToString()}, {"group", c.code.group}, {"level", c.code.level},
            {"province", c.code.province}, {"si_number", c.code.si_number}, {"valid_from", c.valid_from.ToString()},
            {"valid_to", c.valid_to.ToString()}, {"facility", c.facility}, {"status", c.status}};
  j["five_year_date"] = c.five_year_date ? Json(c.five_year_date->ToString()) : Json(nullptr);
  return j;
}

Json ToJson(const RowError& e) {
  return {{"row", e.row}, {"field", e.field}, {"code", e.code}, {"message", e.message_vi}, {"message_en", e.message_en}};
}

Json ToJson(const DeclarationResult& r) {
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back(ToJson(e));
  return {{"accepted", r.accepted}, {"replayed", r.replayed}, {"declaration_id", r.declaration_id},
          {"joined", r.joined}, {"left", r.left}, {"salary_changes", r.salary_changes},
          {"persons_registered", r.persons_registered}, {"errors", errs}};
}

Json ToJson(const CollectStats& s) {
  Json funds = Json::array();
  for (int f = 0; f < kFundCount; ++f)
    for (int p = 0; p < kPartyCount; ++p)
      if (s.by_fund_party[f][p])
        funds.push_back({{"fund", FundCode(static_cast<Fund>(f))}, {"party", PartyCode(static_cast<Party>(p))},
                         {"amount", s.by_fund_party[f][p]}});
  Json params = Json::array();
  for (const auto& p : s.params) params.push_back(ToJson(p));
  return {{"run_id", s.run_id}, {"month", s.month.ToString()}, {"law", s.law}, {"workers", s.workers},
          {"employers", s.employers}, {"skipped_employers", s.skipped_employers}, {"total", s.total},
          {"by_fund_party", funds}, {"parameters", params},
          {"seconds", {{"load", s.load_seconds}, {"compute", s.compute_seconds}, {"write", s.write_seconds}}}};
}

Json ToJson(const PaymentResult& r) {
  return {{"payment_id", r.payment_id}, {"replayed", r.replayed}, {"amount", r.amount},
          {"paid_on", r.paid_on.ToString()}};
}

Json ToJson(const BankImportResult& r) {
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back(ToJson(e));
  return {{"accepted", r.accepted}, {"applied", r.applied}, {"duplicates", r.duplicates}, {"total", r.total},
          {"errors", errs}};
}

Json ToJson(const Ledger& L) {
  Json lines = Json::array();
  for (const auto& l : L.lines) {
    Json alloc = Json::array();
    for (const auto& a : l.allocations) alloc.push_back({{"paid_on", a.paid_on.ToString()}, {"amount", a.amount}});
    lines.push_back({{"month", l.month.ToString()}, {"deadline", l.deadline.ToString()}, {"workers", l.workers},
                     {"due", l.due}, {"paid", l.paid}, {"balance", l.balance}, {"interest", l.interest},
                     {"allocations", alloc}});
  }
  Json j = {{"as_of", L.as_of.ToString()}, {"law", L.law}, {"total_due", L.total_due}, {"total_paid", L.total_paid},
            {"balance", L.balance}, {"interest", L.interest}, {"credit", L.credit}, {"months_owed", L.months_owed},
            {"days_overdue", L.days_overdue}, {"classification", L.classification},
            {"interest_rules", L.interest_rules}, {"lines", lines},
            {"allocation_rule", "Số tiền nộp được phân bổ cho tháng nợ cũ nhất trước"}};
  j["oldest_unpaid"] = L.oldest_unpaid ? Json(L.oldest_unpaid->ToString()) : Json(nullptr);
  return j;
}

namespace {
Json BucketJson(const ArrearsBucket& b) {
  return {{"employers", b.employers}, {"owing", b.owing}, {"owing_1plus_months", b.owing_1plus},
          {"owing_3plus_months", b.owing_3plus}, {"late", b.late}, {"evasion", b.evasion}, {"owed", b.owed},
          {"interest", b.interest}, {"workers_owed", b.workers_owed}};
}
Json BucketMap(const std::map<std::string, ArrearsBucket>& m) {
  Json j = Json::object();
  for (const auto& [k, v] : m) j[k] = BucketJson(v);
  return j;
}
}  // namespace

Json ToJson(const ArrearsReport& r) {
  Json workers = Json::array();
  for (const auto& w : r.cooperative_workers)
    workers.push_back({{"employer_code", w.employer_code}, {"employer_name", w.employer_name}, {"status", w.status},
                       {"cccd", w.cccd}, {"full_name", w.full_name}, {"months_owed", w.months_owed},
                       {"amount_owed", w.amount_owed}});
  Json top = Json::array();
  for (const auto& e : r.top)
    top.push_back({{"code", e.code}, {"name", e.name}, {"type", e.type}, {"province", e.province},
                   {"status", e.status}, {"balance", e.ledger.balance}, {"interest", e.ledger.interest},
                   {"months_owed", e.ledger.months_owed}, {"classification", e.ledger.classification}});
  return {{"as_of", r.as_of.ToString()}, {"province_units", r.current_units ? "current" : "recorded"},
          {"total", BucketJson(r.total)}, {"by_province", BucketMap(r.by_province)}, {"by_type", BucketMap(r.by_type)},
          {"by_status", BucketMap(r.by_status)},
          {"cooperatives", {{"by_status", BucketMap(r.cooperatives)}, {"dissolved_bankrupt_workers", workers}}},
          {"top_debtors", top}};
}

Json ToJson(const Book& b) {
  Json periods = Json::array();
  for (const auto& p : b.periods) {
    Json j = {{"from", p.period.from.ToString()}, {"salary", p.period.salary}, {"group", p.period.group},
              {"funds", FundMaskString(p.period.funds)}, {"months", p.months},
              {"employer_code", p.employer_code}, {"employer_name", p.employer_name}};
    j["to"] = p.period.to ? Json(p.period.to->ToString()) : Json(nullptr);
    periods.push_back(j);
  }
  Json by_fund = Json::object();
  for (int f = 0; f < kFundCount; ++f) by_fund[FundCode(static_cast<Fund>(f))] = b.months_by_fund[f];
  auto months = [](const std::vector<BookMonth>& v) {
    Json a = Json::array();
    for (const auto& m : v)
      a.push_back({{"month", m.month.ToString()}, {"employer_code", m.employer_code}, {"base", m.salary_base},
                   {"due", m.due}, {"paid", m.paid}});
    return a;
  };
  Json cards = Json::array();
  for (const auto& c : b.cards) cards.push_back(ToJson(c));
  return {{"person", ToJson(b.person)}, {"as_of", b.as_of.ToString()}, {"periods", periods},
          {"months_by_fund", by_fund}, {"months", months(b.months)}, {"unpaid_months", months(b.unpaid)},
          {"cards", cards}};
}

Json ToJson(const EligibilityAnswer& a) {
  Json j = {{"code", a.code}, {"valid", a.valid}, {"message", a.message_vi}, {"message_en", a.message_en},
            {"date", a.date.ToString()}};
  if (a.card) {
    const CardRecord& c = *a.card;
    j["card"] = {{"code", c.card_code}, {"full_name", c.full_name}, {"dob", c.dob.ToString()},
                 {"sex", SexCode(c.sex)}, {"cccd", c.cccd}, {"valid_from", c.valid_from.ToString()},
                 {"valid_to", c.valid_to.ToString()}, {"registered_facility", c.facility}};
    j["card"]["five_year_date"] = c.five_year_date ? Json(c.five_year_date->ToString()) : Json(nullptr);
    j["group"] = a.group;
    j["level"] = a.level;
    j["benefit_percent"] = PercentString(a.percent);
    j["registered_here"] = a.registered_here;
    j["five_years_reached"] = a.five_years_reached;
  }
  return j;
}

Json ToJson(const CheckReport& r) {
  Json encs = Json::array();
  int rejected = 0, warned = 0;
  for (const auto& e : r.encounters) {
    Json f = Json::array();
    for (const auto& x : e.findings)
      f.push_back({{"rule", x.rule}, {"severity", x.severity}, {"table", x.table}, {"stt", x.stt},
                   {"field", x.field}, {"message", x.message}, {"legal_basis", x.legal_basis}});
    bool rej = e.rejected();
    rejected += rej;
    warned += !rej && !e.findings.empty();
    encs.push_back({{"ma_lk", e.ma_lk}, {"hoso", e.hoso}, {"rejected", rej}, {"findings", f}});
  }
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back({{"ma_lk", e.ma_lk}, {"field", e.field}, {"message", e.message}});
  return {{"facility", r.facility}, {"encounters", encs}, {"errors", errs},
          {"summary", {{"encounters", r.encounters.size()}, {"lines", r.lines}, {"with_rejections", rejected},
                       {"with_warnings_only", warned}, {"errors", r.errors.size()}}}};
}

namespace {
// Thousandths of a dong as a JSON number of dong with up to 3 decimals.
Json Dong(int64_t milli) { return static_cast<double>(milli) / 1000.0; }
}  // namespace

Json ToJson(const ReviewResult& r) {
  Json encs = Json::array();
  for (const auto& e : r.encounters) {
    Json f = Json::array();
    for (const auto& x : e.report.findings)
      f.push_back({{"rule", x.rule}, {"severity", x.severity}, {"table", x.table}, {"stt", x.stt},
                   {"field", x.field}, {"message", x.message}});
    Json lines = Json::array();
    for (const auto& l : e.lines)
      lines.push_back({{"table", l.table}, {"stt", l.stt}, {"code", l.code}, {"claimed", Dong(l.claimed)},
                       {"approved", Dong(l.approved)}, {"rejected", Dong(l.rejected)}, {"reasons", l.reasons}});
    encs.push_back({{"ma_lk", e.report.ma_lk}, {"version", e.version}, {"claimed", Dong(e.claimed)},
                    {"approved", Dong(e.approved)}, {"rejected", Dong(e.rejected)}, {"findings", f}, {"lines", lines}});
  }
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back({{"ma_lk", e.ma_lk}, {"field", e.field}, {"message", e.message}});
  std::string t = r.received_at;  // 2026-11-22T10:11:12Z → yyyyMMddHHmmss
  std::string compact;
  for (char c : t) if (c >= '0' && c <= '9') compact.push_back(c);
  return {{"maKetQua", "200"}, {"maGiaoDich", r.txn}, {"thoiGianTiepNhan", compact},
          {"thongDiep", r.replayed ? "Đã tiếp nhận trước đó (gửi lại cùng khoá)" : "Tiếp nhận thành công"},
          {"replayed", r.replayed}, {"facility", r.facility}, {"encounters", encs}, {"errors", errs}};
}

Json ToJson(const Settlement& s) {
  Json by = Json::object();
  for (const auto& [k, v] : s.rejected_by_reason) by[k] = Dong(v);
  return {{"facility", s.facility}, {"quarter", s.quarter}, {"encounters", s.encounters}, {"claimed", Dong(s.claimed)},
          {"approved", Dong(s.approved)}, {"rejected", Dong(s.rejected)}, {"rejected_by_reason", by},
          {"advances", s.advances}, {"to_settle", Dong(s.to_settle)}};
}

Json ToJson(const PublishedPrice& p) {
  return {{"facility", p.facility}, {"facility_name", p.facility_name}, {"province", p.province},
          {"drug_code", p.drug_code}, {"name", p.name}, {"tt_thau", p.tt_thau}, {"unit_price", Dong(p.unit_price)},
          {"valid_from", p.valid_from}, {"valid_to", p.valid_to}};
}

Json ToJson(const ImportResult& r) {
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back(ToJson(e));
  return {{"accepted", r.accepted}, {"rows", r.rows}, {"errors", errs}};
}

Json ToJson(const AlertRun& r) {
  Json a = Json::array();
  for (const auto& x : r.alerts)
    a.push_back({{"facility", x.facility}, {"facility_name", x.facility_name}, {"province", x.province},
                 {"level", x.level}, {"day", x.day.ToString()}, {"indicator", x.indicator}, {"baseline", x.baseline},
                 {"value", x.value}, {"baseline_median", x.baseline_median}, {"baseline_points", x.baseline_points},
                 {"z", x.z}, {"rise_percent", x.rise_percent}, {"message", x.message_vi}});
  return {{"day", r.day.ToString()}, {"facilities_checked", r.facilities_checked}, {"claims_read", r.claims_read},
          {"alerts", a}};
}

}  // namespace bhxh
