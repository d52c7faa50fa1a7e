#include "collection/json.h"

#include "platform/jsonio/rows.h"
#include "reference/json.h"
#include "registry/json.h"

namespace bhxh {

namespace schemas {
Schema RowErrors() { return RowErrorsSchema(); }
Schema Declaration() {
  Schema row = Schema::Object(
      {Opt("action", S::OneOf({"join", "leave", "salary", "suspend", "resume"})
                         .Describe("join: tăng, leave: giảm, salary: điều chỉnh lương, suspend: tạm dừng (nghỉ không lương, "
                                   "ốm dài ngày, thai sản), resume: đi làm lại")),
       Opt("plan", S::Text(4).Describe("Mã phương án của mẫu D02-LT: TM, TD, TC, GH, KL, OF, TS, ON, DC (thay cho action)")),
       Req("cccd", S::Cccd()), Req("effective_month", S::Month()), Opt("salary", S::Money()),
       Opt("group", S::Text(10).Describe("Đối tượng (mặc định DN)")), Opt("funds", S::Text(60)),
       Opt("full_name", S::Text(100)), Opt("dob", S::Text(10)), Opt("sex", S::Text(6)), Opt("si_number", S::SiNumber()),
       Opt("province", S::ProvinceCode()),
       Opt("facility", S::FacilityCode().Describe("Nơi đăng ký KCB ban đầu (cột của mẫu D02-LT) / registered facility"))});
  return Schema::Object({Req("employer_code", S::EmployerCode()), Req("month", S::Month()),
                         Opt("idempotency_key", S::Key()), Req("rows", Schema::Array(row).Items(1, 100000))})
      .Named("Declaration");
}
Schema DeclarationResult() {
  return Schema::Object({Req("accepted", S::Bool()), Req("replayed", S::Bool()),
                         Req("declaration_id", Schema::Integer()), Req("joined", Schema::Integer()),
                         Req("left", Schema::Integer()), Req("salary_changes", Schema::Integer()),
                         Req("persons_registered", Schema::Integer()), Req("suspended", Schema::Integer()),
                         Req("resumed", Schema::Integer()), Req("errors", RowErrors()),
                         Req("cards", Schema::Array(Schema::Object(
                                          {Req("cccd", S::Cccd()), Req("si_number", S::SiNumber()),
                                           Req("card_code", S::Str()), Req("valid_from", S::Str()),
                                           Req("valid_to", S::Str()), Req("facility", S::Str())}))),
                         Req("decreased_cards",
                             Schema::Array(Schema::Object({Req("cccd", S::Cccd()), Req("card_code", S::Str()),
                                                           Req("valid_to", S::Str()), Req("code", S::Str())}))
                                 .Describe("Thẻ BHYT báo giảm: giá trị đến ngày valid_to; code là mã kết quả tra cứu "
                                           "(121 chuyển ngoại tỉnh, 122 nội tỉnh, 123 tăng lại cùng đơn vị, 124 ngừng "
                                           "tham gia) / HI cards reported decreased")),
                         Req("warnings", Schema::Array(S::Str()))})
      .Named("DeclarationResult");
}
Schema CollectStats() {
  return Schema::Object({Req("run_id", Schema::Integer()), Req("month", S::Month()), Req("law", Schema::String()),
                         Req("workers", Schema::Integer()), Req("employers", Schema::Integer()),
                         Req("skipped_employers", Schema::Integer()), Req("total", S::Money()),
                         Req("adjustments",
                             Schema::Object({Req("employers", Schema::Integer()), Req("net", Schema::Integer()),
                                             Opt("recorded_month", S::Month())})
                                 .Describe("Tính lại tháng đã qua: số đơn vị thay đổi và chênh lệch, ghi vào kỳ "
                                           "recorded_month (C12-TS mục B.4) / a re-run of an ended month: what changed, "
                                           "recorded in recorded_month")),
                         Req("by_fund_party", Schema::Array(Schema::Object({Req("fund", Schema::String()),
                                                                            Req("party", Schema::String()),
                                                                            Req("amount", S::Money())}))),
                         Req("parameters", Schema::Array(LawParam())), Req("seconds", Schema::Map(Schema::Number()))})
      .Named("CollectionRun");
}
Schema PaymentInput() {
  return Schema::Object({Req("employer_code", S::EmployerCode()), Req("paid_on", S::Date()),
                         Req("amount", S::Money().Range(1, 1'000'000'000'000'000LL)),
                         Req("reference", S::Text(100).Length(1, 100)), Opt("idempotency_key", S::Key())})
      .Named("PaymentInput");
}
Schema PaymentResult() {
  return Schema::Object({Req("payment_id", Schema::Integer()), Req("replayed", S::Bool()), Req("amount", S::Money()),
                         Req("paid_on", S::Date())})
      .Named("PaymentResult");
}
Schema BankImportResult() {
  return Schema::Object({Req("accepted", S::Bool()), Req("applied", Schema::Integer()),
                         Req("duplicates", Schema::Integer()), Req("total", S::Money()), Req("errors", RowErrors())})
      .Named("BankImportResult");
}
Schema Ledger() {
  Schema line = Schema::Object(
      {Req("month", S::Month()), Req("deadline", S::Date()), Req("workers", Schema::Integer()), Req("due", S::Money()),
       Req("paid", S::Money()), Req("balance", S::SignedMoney()), Req("interest", S::Money()),
       Req("allocations", Schema::Array(Schema::Object({Req("paid_on", S::Date()), Req("amount", S::Money())})))});
  return Schema::Object({Req("as_of", S::Date()), Req("law", Schema::String()), Req("total_due", S::Money()),
                         Req("total_paid", S::Money()), Req("balance", S::SignedMoney()), Req("interest", S::Money()),
                         Req("credit", S::Money()), Req("months_owed", Schema::Integer()),
                         Req("days_overdue", Schema::Integer()),
                         Req("classification", S::OneOf({"none", "late", "evasion"})),
                         Req("interest_rules", Schema::Array(Schema::String())), Req("lines", Schema::Array(line)),
                         Req("allocation_rule", Schema::String()), Req("oldest_unpaid", S::Month().Nullable()),
                         Opt("employer", Employer())})
      .Named("Ledger");
}
Schema ArrearsReport() {
  Schema bucket =
      Schema::Object({Req("employers", Schema::Integer()), Req("owing", Schema::Integer()),
                      Req("owing_1plus_months", Schema::Integer()), Req("owing_3plus_months", Schema::Integer()),
                      Req("late", Schema::Integer()), Req("evasion", Schema::Integer()), Req("owed", S::SignedMoney()),
                      Req("interest", S::Money()), Req("workers_owed", Schema::Integer())})
          .Named("ArrearsBucket");
  Schema worker = Schema::Object({Req("employer_code", Schema::String()), Req("employer_name", Schema::String()),
                                  Req("status", Schema::String()), Req("cccd", Schema::String()),
                                  Req("full_name", Schema::String()), Req("months_owed", Schema::Integer()),
                                  Req("amount_owed", S::Money())});
  Schema top = Schema::Object(
      {Req("code", Schema::String()), Req("name", Schema::String()), Req("type", Schema::String()),
       Req("province", Schema::String()), Req("status", Schema::String()), Req("balance", S::SignedMoney()),
       Req("interest", S::Money()), Req("months_owed", Schema::Integer()), Req("classification", Schema::String())});
  return Schema::Object(
             {Req("as_of", S::Date()), Req("province_units", S::OneOf({"current", "recorded"})), Req("total", bucket),
              Req("by_province", Schema::Map(bucket)), Req("by_type", Schema::Map(bucket)),
              Req("by_status", Schema::Map(bucket)),
              Req("by_age", Schema::Map(bucket).Describe("Đơn vị nợ theo số tháng nợ: 1-2, 3-5, 6-11, 12+ / by months owed")),
              Req("cooperatives", Schema::Object({Req("by_status", Schema::Map(bucket)),
                                                  Req("dissolved_bankrupt_workers", Schema::Array(worker))})),
              Req("top_debtors", Schema::Array(top))})
      .Named("ArrearsReport");
}
}  // namespace schemas

Declaration DeclarationFromJson(const Json& j) {
  Declaration d;
  d.employer_code = Txt(j, "employer_code");
  d.month = Txt(j, "month");
  d.idempotency_key = Txt(j, "idempotency_key");
  for (const Json& r : j["rows"]) {
    DeclarationRow row;
    row.action = Txt(r, "action");
    row.plan = Txt(r, "plan");
    row.cccd = Txt(r, "cccd");
    row.effective_month = Txt(r, "effective_month");
    row.salary = Txt(r, "salary");
    if (r.contains("group")) row.group = Txt(r, "group");
    row.funds = Txt(r, "funds");
    row.full_name = Txt(r, "full_name");
    row.dob = Txt(r, "dob");
    row.sex = Txt(r, "sex");
    row.si_number = Txt(r, "si_number");
    row.province = Txt(r, "province");
    row.facility = Txt(r, "facility");
    d.rows.push_back(std::move(row));
  }
  return d;
}

PaymentInput PaymentInputFromJson(const Json& j) {
  PaymentInput p;
  p.employer_code = Txt(j, "employer_code");
  p.paid_on = Txt(j, "paid_on");
  p.amount = Txt(j, "amount");
  p.reference = Txt(j, "reference");
  p.idempotency_key = Txt(j, "idempotency_key");
  return p;
}

Json ToJson(const DeclarationResult& r) {
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back(ToJson(e));
  Json cards = Json::array();
  for (const auto& c : r.cards)
    cards.push_back({{"cccd", c.cccd}, {"si_number", c.si_number}, {"card_code", c.card_code},
                     {"valid_from", c.valid_from}, {"valid_to", c.valid_to}, {"facility", c.facility}});
  Json decreased = Json::array();
  for (const auto& c : r.decreased)
    decreased.push_back({{"cccd", c.cccd}, {"card_code", c.card_code}, {"valid_to", c.valid_to}, {"code", c.code}});
  return {{"accepted", r.accepted},
          {"replayed", r.replayed},
          {"declaration_id", r.declaration_id},
          {"joined", r.joined},
          {"left", r.left},
          {"salary_changes", r.salary_changes},
          {"persons_registered", r.persons_registered},
          {"suspended", r.suspended},
          {"resumed", r.resumed},
          {"errors", errs},
          {"cards", cards},
          {"decreased_cards", decreased},
          {"warnings", r.warnings}};
}

Json ToJson(const CollectStats& s) {
  Json funds = Json::array();
  for (int f = 0; f < kFundCount; ++f)
    for (int p = 0; p < kPartyCount; ++p)
      if (s.by_fund_party[f][p])
        funds.push_back({{"fund", FundCode(static_cast<Fund>(f))},
                         {"party", PartyCode(static_cast<Party>(p))},
                         {"amount", s.by_fund_party[f][p]}});
  Json params = Json::array();
  for (const auto& p : s.params) params.push_back(ToJson(p));
  Json adjustments = {{"employers", s.adjusted_employers}, {"net", s.adjustment_net}};
  if (s.adjustment_month.index() != 0) adjustments["recorded_month"] = s.adjustment_month.ToString();
  return {{"run_id", s.run_id},
          {"month", s.month.ToString()},
          {"law", s.law},
          {"workers", s.workers},
          {"employers", s.employers},
          {"skipped_employers", s.skipped_employers},
          {"total", s.total},
          {"adjustments", adjustments},
          {"by_fund_party", funds},
          {"parameters", params},
          {"seconds", {{"load", s.load_seconds}, {"compute", s.compute_seconds}, {"write", s.write_seconds}}}};
}

Json ToJson(const PaymentResult& r) {
  return {
      {"payment_id", r.payment_id}, {"replayed", r.replayed}, {"amount", r.amount}, {"paid_on", r.paid_on.ToString()}};
}

Json ToJson(const BankImportResult& r) {
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back(ToJson(e));
  return {{"accepted", r.accepted},
          {"applied", r.applied},
          {"duplicates", r.duplicates},
          {"total", r.total},
          {"errors", errs}};
}

Json ToJson(const Ledger& L) {
  Json lines = Json::array();
  for (const auto& l : L.lines) {
    Json alloc = Json::array();
    for (const auto& a : l.allocations) alloc.push_back({{"paid_on", a.paid_on.ToString()}, {"amount", a.amount}});
    lines.push_back({{"month", l.month.ToString()},
                     {"deadline", l.deadline.ToString()},
                     {"workers", l.workers},
                     {"due", l.due},
                     {"paid", l.paid},
                     {"balance", l.balance},
                     {"interest", l.interest},
                     {"allocations", alloc}});
  }
  Json j = {{"as_of", L.as_of.ToString()},
            {"law", L.law},
            {"total_due", L.total_due},
            {"total_paid", L.total_paid},
            {"balance", L.balance},
            {"interest", L.interest},
            {"credit", L.credit},
            {"months_owed", L.months_owed},
            {"days_overdue", L.days_overdue},
            {"classification", L.classification},
            {"interest_rules", L.interest_rules},
            {"lines", lines},
            {"allocation_rule", "Số tiền nộp được phân bổ cho tháng nợ cũ nhất trước"}};
  j["oldest_unpaid"] = L.oldest_unpaid ? Json(L.oldest_unpaid->ToString()) : Json(nullptr);
  return j;
}

namespace {
Json BucketJson(const ArrearsBucket& b) {
  return {{"employers", b.employers},
          {"owing", b.owing},
          {"owing_1plus_months", b.owing_1plus},
          {"owing_3plus_months", b.owing_3plus},
          {"late", b.late},
          {"evasion", b.evasion},
          {"owed", b.owed},
          {"interest", b.interest},
          {"workers_owed", b.workers_owed}};
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
    workers.push_back({{"employer_code", w.employer_code},
                       {"employer_name", w.employer_name},
                       {"status", w.status},
                       {"cccd", w.cccd},
                       {"full_name", w.full_name},
                       {"months_owed", w.months_owed},
                       {"amount_owed", w.amount_owed}});
  Json top = Json::array();
  for (const auto& e : r.top)
    top.push_back({{"code", e.code},
                   {"name", e.name},
                   {"type", e.type},
                   {"province", e.province},
                   {"status", e.status},
                   {"balance", e.ledger.balance},
                   {"interest", e.ledger.interest},
                   {"months_owed", e.ledger.months_owed},
                   {"classification", e.ledger.classification}});
  return {{"as_of", r.as_of.ToString()},
          {"province_units", r.current_units ? "current" : "recorded"},
          {"total", BucketJson(r.total)},
          {"by_province", BucketMap(r.by_province)},
          {"by_type", BucketMap(r.by_type)},
          {"by_status", BucketMap(r.by_status)}, {"by_age", BucketMap(r.by_age)},
          {"cooperatives", {{"by_status", BucketMap(r.cooperatives)}, {"dissolved_bankrupt_workers", workers}}},
          {"top_debtors", top}};
}

}  // namespace bhxh
