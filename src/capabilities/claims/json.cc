#include "claims/json.h"

#include "platform/jsonio/rows.h"

namespace bhxh {

int64_t DongOf(int64_t milli) { return milli >= 0 ? (milli + 500) / 1000 : -((-milli + 500) / 1000); }

namespace schemas {
namespace {
Schema Finding(bool with_basis) {
  std::vector<Property> p = {Req("rule", Schema::String()),  Req("severity", S::OneOf({"reject", "warn"})),
                             Req("table", Schema::String()), Req("stt", Schema::String()),
                             Req("field", Schema::String()), Req("message", Schema::String())};
  if (with_basis) p.push_back(Req("legal_basis", Schema::String()));
  return Schema::Object(p);
}
Schema EnvelopeErrors() {
  return Schema::Array(Schema::Object(
      {Req("ma_lk", Schema::String()), Req("field", Schema::String()), Req("message", Schema::String())}));
}
}  // namespace

Schema CheckReport() {
  return Schema::Object(
             {Req("facility", Schema::String()),
              Req("encounters", Schema::Array(Schema::Object({Req("ma_lk", Schema::String()),
                                                              Req("hoso", Schema::Integer()), Req("rejected", S::Bool()),
                                                              Req("findings", Schema::Array(Finding(true)))}))),
              Req("errors", EnvelopeErrors()),
              Req("summary",
                  Schema::Object({Req("encounters", Schema::Integer()), Req("lines", Schema::Integer()),
                                  Req("with_rejections", Schema::Integer()),
                                  Req("with_warnings_only", Schema::Integer()), Req("errors", Schema::Integer())}))})
      .Named("ClaimCheckReport");
}
Schema Encounter() {
  Schema line = Schema::Object({Req("table", Schema::String()), Req("stt", Schema::String()), Req("code", Schema::String()),
                                Req("claimed", S::Money()), Req("approved", S::Money()), Req("rejected", S::Money()),
                                Req("reasons", Schema::Array(Schema::String()))});
  return Schema::Object({Req("ma_lk", Schema::String()), Req("version", Schema::Integer()), Req("claimed", S::Money()),
                         Req("approved", S::Money()), Req("rejected", S::Money()), Req("findings", Schema::Array(Finding(false))),
                         Req("lines", Schema::Array(line)), Opt("current", S::Bool()), Opt("txn", Schema::String()),
                         Opt("received_at", S::DateTime()), Opt("day", S::Date())})
      .Named("ReviewedEncounter");
}
Schema ReviewResult() {
  return Schema::Object({Req("maKetQua", Schema::String()), Req("maGiaoDich", Schema::String()),
                         Req("thoiGianTiepNhan", Schema::String().Describe("yyyyMMddHHmmss")), Req("thongDiep", Schema::String()),
                         Req("replayed", S::Bool()), Req("facility", Schema::String()), Req("encounters", Schema::Array(Encounter())),
                         Req("errors", EnvelopeErrors())})
      .Named("ClaimReviewResult");
}
Schema SubmissionSummary() {
  return Schema::Object({Req("txn", Schema::String()), Req("facility", Schema::String()), Req("received_at", S::DateTime()),
                         Req("created_by", Schema::String()), Req("encounters", Schema::Integer()), Req("claimed", S::Money()),
                         Req("approved", S::Money()), Req("rejected", S::Money())})
      .Named("ClaimSubmission");
}
Schema ClaimVersion() { return Encounter(); }
Schema Settlement() {
  return Schema::Object({Req("facility", Schema::String()), Req("quarter", S::Quarter()),
                         Req("encounters", Schema::Integer()), Req("claimed", S::Money()), Req("approved", S::Money()),
                         Req("rejected", S::Money()), Req("rejected_by_reason", Schema::Map(S::Money())),
                         Req("advances", S::Money()), Req("to_settle", S::SignedMoney())})
      .Named("Settlement");
}
Schema Advance() {
  return Schema::Object({Req("id", Schema::Integer()), Req("facility", S::FacilityCode()), Req("quarter", S::Quarter()),
                         Req("amount", S::Money()), Req("paid_on", S::Date()), Req("reference", Schema::String()),
                         Req("status", S::OneOf({"pending", "approved", "rejected"})),
                         Req("prepared_by", Schema::String()), Req("decided_by", Schema::String()),
                         Req("decided_at", Schema::String()), Req("note", Schema::String()),
                         Req("replayed", S::Bool())})
      .Named("Advance");
}
Schema PublishedPrice() {
  return Schema::Object({Req("facility", Schema::String()), Req("facility_name", Schema::String()),
                         Req("province", Schema::String()), Req("drug_code", Schema::String()),
                         Req("name", Schema::String()), Req("tt_thau", Schema::String()), Req("unit_price", S::Money()),
                         Req("valid_from", S::Date()), Req("valid_to", S::Date())})
      .Named("PublishedPrice");
}
Schema ImportResult() {
  return Schema::Object({Req("accepted", S::Bool()), Req("rows", Schema::Integer()), Req("errors", RowErrorsSchema())})
      .Named("CatalogueImport");
}
Schema AlertRun() {
  Schema a = Schema::Object({Req("facility", Schema::String()), Req("facility_name", Schema::String()),
                             Req("province", Schema::String()), Req("level", Schema::String()), Req("day", S::Date()),
                             Req("indicator", Schema::String()), Req("baseline", Schema::String()),
                             Req("value", Schema::Number()), Req("baseline_median", Schema::Number()),
                             Req("baseline_points", Schema::Integer()), Req("z", Schema::Number()),
                             Req("rise_percent", Schema::Number()), Req("message", Schema::String())});
  return Schema::Object({Req("day", S::Date()), Req("facilities_checked", Schema::Integer()),
                         Req("claims_read", Schema::Integer()), Req("alerts", Schema::Array(a))})
      .Named("CostAlerts");
}
}  // namespace schemas

Json ToJson(const CheckReport& r) {
  Json encs = Json::array();
  int rejected = 0, warned = 0;
  for (const auto& e : r.encounters) {
    Json f = Json::array();
    for (const auto& x : e.findings)
      f.push_back({{"rule", x.rule},
                   {"severity", x.severity},
                   {"table", x.table},
                   {"stt", x.stt},
                   {"field", x.field},
                   {"message", x.message},
                   {"legal_basis", x.legal_basis}});
    bool rej = e.rejected();
    rejected += rej;
    warned += !rej && !e.findings.empty();
    encs.push_back({{"ma_lk", e.ma_lk}, {"hoso", e.hoso}, {"rejected", rej}, {"findings", f}});
  }
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back({{"ma_lk", e.ma_lk}, {"field", e.field}, {"message", e.message}});
  return {{"facility", r.facility},
          {"encounters", encs},
          {"errors", errs},
          {"summary",
           {{"encounters", r.encounters.size()},
            {"lines", r.lines},
            {"with_rejections", rejected},
            {"with_warnings_only", warned},
            {"errors", r.errors.size()}}}};
}

Json ToJson(const ReviewedEncounter& e) {
  Json f = Json::array();
  for (const auto& x : e.report.findings)
    f.push_back({{"rule", x.rule}, {"severity", x.severity}, {"table", x.table}, {"stt", x.stt}, {"field", x.field},
                 {"message", x.message}});
  Json lines = Json::array();
  for (const auto& l : e.lines)
    lines.push_back({{"table", l.table}, {"stt", l.stt}, {"code", l.code}, {"claimed", DongOf(l.claimed)},
                     {"approved", DongOf(l.approved)}, {"rejected", DongOf(l.rejected)}, {"reasons", l.reasons}});
  return {{"ma_lk", e.report.ma_lk}, {"version", e.version}, {"claimed", DongOf(e.claimed)}, {"approved", DongOf(e.approved)},
          {"rejected", DongOf(e.rejected)}, {"findings", f}, {"lines", lines}};
}

Json ToJson(const ReviewResult& r) {
  Json encs = Json::array();
  for (const auto& e : r.encounters) encs.push_back(ToJson(e));
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back({{"ma_lk", e.ma_lk}, {"field", e.field}, {"message", e.message}});
  std::string compact;
  for (char c : r.received_at)
    if (c >= '0' && c <= '9') compact.push_back(c);
  return {{"maKetQua", "200"},
          {"maGiaoDich", r.txn},
          {"thoiGianTiepNhan", compact},
          {"thongDiep", r.replayed ? "Đã tiếp nhận trước đó (gửi lại cùng khoá)" : "Tiếp nhận thành công"},
          {"replayed", r.replayed},
          {"facility", r.facility},
          {"encounters", encs},
          {"errors", errs}};
}

Json ToJson(const Settlement& s) {
  Json by = Json::object();
  for (const auto& [k, v] : s.rejected_by_reason) by[k] = DongOf(v);
  return {{"facility", s.facility},       {"quarter", s.quarter},           {"encounters", s.encounters},
          {"claimed", DongOf(s.claimed)}, {"approved", DongOf(s.approved)}, {"rejected", DongOf(s.rejected)},
          {"rejected_by_reason", by},     {"advances", s.advances},         {"to_settle", DongOf(s.to_settle)}};
}

Json ToJson(const Advance& a) {
  return {{"id", a.id},
          {"facility", a.facility},
          {"quarter", a.quarter},
          {"amount", a.amount},
          {"paid_on", a.paid_on},
          {"reference", a.reference},
          {"status", a.status},
          {"prepared_by", a.prepared_by},
          {"decided_by", a.decided_by},
          {"decided_at", a.decided_at},
          {"note", a.note},
          {"replayed", a.replayed}};
}

Json ToJson(const PublishedPrice& p) {
  return {{"facility", p.facility},
          {"facility_name", p.facility_name},
          {"province", p.province},
          {"drug_code", p.drug_code},
          {"name", p.name},
          {"tt_thau", p.tt_thau},
          {"unit_price", DongOf(p.unit_price)},
          {"valid_from", p.valid_from},
          {"valid_to", p.valid_to}};
}

Json ToJson(const ImportResult& r) {
  Json errs = Json::array();
  for (const auto& e : r.errors) errs.push_back(ToJson(e));
  return {{"accepted", r.accepted}, {"rows", r.rows}, {"errors", errs}};
}

Json ToJson(const SubmissionSummary& s) {
  return {{"txn", s.txn}, {"facility", s.facility}, {"received_at", s.received_at}, {"created_by", s.created_by},
          {"encounters", s.encounters}, {"claimed", DongOf(s.claimed)}, {"approved", DongOf(s.approved)},
          {"rejected", DongOf(s.rejected)}};
}

Json ToJson(const ClaimVersion& v) {
  Json j = ToJson(v.review);
  j["current"] = v.current;
  j["txn"] = v.txn;
  j["received_at"] = v.received_at;
  j["day"] = v.day;
  return j;
}

Json ToJson(const AlertRun& r) {
  Json a = Json::array();
  for (const auto& x : r.alerts)
    a.push_back({{"facility", x.facility},
                 {"facility_name", x.facility_name},
                 {"province", x.province},
                 {"level", x.level},
                 {"day", x.day.ToString()},
                 {"indicator", x.indicator},
                 {"baseline", x.baseline},
                 {"value", x.value},
                 {"baseline_median", x.baseline_median},
                 {"baseline_points", x.baseline_points},
                 {"z", x.z},
                 {"rise_percent", x.rise_percent},
                 {"message", x.message_vi}});
  return {{"day", r.day.ToString()},
          {"facilities_checked", r.facilities_checked},
          {"claims_read", r.claims_read},
          {"alerts", a}};
}

}  // namespace bhxh
