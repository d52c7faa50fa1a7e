// /inspection/...: the risk ranking, tax workforce data, inspections with
// findings, fines and recoveries, and post-audit samples.
#include "base/parse.h"
#include "inspection/module.h"
#include "inspection/postaudit.h"
#include "inspection/records.h"
#include "inspection/risk.h"
#include "platform/http/route_table.h"
#include "platform/jsonio/rows.h"
#include "registry/owners.h"

namespace bhxh {

namespace {

const ParamTable& Params(Call& c) { return c.ctx().State<InspectionState>().params(); }

std::vector<std::string> ScopeProvinces(Call& c) {
  return c.scope().scope == GrantScope::kProvince ? c.scope().provinces : std::vector<std::string>{};
}

Json ToJson(const FineRange& f) {
  return {{"clause", f.clause}, {"min", f.min},         {"max", f.max},
          {"fine", f.proposed}, {"circumstance", f.circumstance}, {"basis", f.basis},
          {"explanation", f.explanation}};
}

Json ToJson(const Inspection& in) {
  Json findings = Json::array();
  for (const auto& f : in.findings)
    findings.push_back({{"id", f.id},
                        {"clause", f.clause},
                        {"description", f.description},
                        {"total_due", f.total_due},
                        {"workers", f.workers},
                        {"fine", ToJson(f.fine)},
                        {"recovered", f.recovered},
                        {"recorded_by", f.recorded_by},
                        {"recorded_at", f.recorded_at}});
  return {{"id", in.id},
          {"employer_code", in.employer_code},
          {"employer_name", in.employer_name},
          {"province", in.province},
          {"decision_no", in.decision_no},
          {"decided_on", in.decided_on},
          {"kind", in.kind},
          {"risk_score", in.risk_score},
          {"status", in.status},
          {"opened_by", in.opened_by},
          {"opened_at", in.opened_at},
          {"concluded_by", in.concluded_by},
          {"concluded_on", in.concluded_on},
          {"findings", findings},
          {"to_recover", in.to_recover},
          {"fines", in.fines},
          {"recovered", in.recovered},
          {"outstanding", in.outstanding},
          {"replayed", in.replayed}};
}

Json ToJson(const PostAudit& pa) {
  Json strata = Json::array(), items = Json::array();
  for (const auto& s : pa.strata)
    strata.push_back({{"kind", s.kind}, {"population", s.population}, {"drawn", s.drawn}, {"share", s.share}});
  for (const auto& i : pa.items)
    items.push_back({{"kind", i.kind},
                     {"ref", i.ref},
                     {"summary", i.summary},
                     {"result", i.result},
                     {"note", i.note},
                     {"checked_by", i.checked_by},
                     {"checked_at", i.checked_at}});
  return {{"id", pa.id},         {"label", pa.label},     {"from", pa.from},       {"to", pa.to},
          {"seed", pa.seed},     {"strata", strata},      {"items", items},        {"pending", pa.pending},
          {"ok", pa.ok},         {"discrepancies", pa.discrepancies}, {"created_by", pa.created_by},
          {"created_at", pa.created_at}, {"replayed", pa.replayed}};
}

Schema FineSchema() {
  return Schema::Object({Req("clause", Schema::String()), Req("min", Schema::Integer()), Req("max", Schema::Integer()),
                         Req("fine", Schema::Integer()), Req("circumstance", Schema::String()),
                         Req("basis", Schema::Array(Schema::String())), Req("explanation", Schema::String())})
      .Named("Fine");
}

Schema InspectionSchema() {
  Schema finding = Schema::Object({Req("id", Schema::Integer()), Req("clause", Schema::String()),
                                   Req("description", Schema::String()), Req("total_due", Schema::Integer()),
                                   Req("workers", Schema::Integer()), Req("fine", FineSchema()),
                                   Req("recovered", Schema::Integer()), Req("recorded_by", Schema::String()),
                                   Req("recorded_at", Schema::String())})
                       .Named("InspectionFinding");
  return Schema::Object({Req("id", Schema::Integer()), Req("employer_code", Schema::String()),
                         Req("employer_name", Schema::String()), Req("province", Schema::String()),
                         Req("decision_no", Schema::String()), Req("decided_on", Schema::String()),
                         Req("kind", S::OneOf({"planned", "unannounced"})), Req("risk_score", Schema::Number()),
                         Req("status", S::OneOf({"open", "concluded", "recovered"})), Req("opened_by", Schema::String()),
                         Req("opened_at", Schema::String()), Req("concluded_by", Schema::String()),
                         Req("concluded_on", Schema::String()), Req("findings", Schema::Array(finding)),
                         Req("to_recover", Schema::Integer()), Req("fines", Schema::Integer()),
                         Req("recovered", Schema::Integer()), Req("outstanding", Schema::Integer()),
                         Req("replayed", Schema::Boolean())})
      .Named("Inspection");
}

Schema PostAuditSchema() {
  Schema stratum = Schema::Object({Req("kind", Schema::String()), Req("population", Schema::Integer()),
                                   Req("drawn", Schema::Integer()), Req("share", Schema::String())})
                       .Named("PostAuditStratum");
  Schema item = Schema::Object({Req("kind", S::OneOf({"declaration", "claims_envelope", "benefit_payment"})),
                                Req("ref", Schema::String()), Req("summary", Schema::String()),
                                Req("result", S::OneOf({"pending", "ok", "discrepancy"})), Req("note", Schema::String()),
                                Req("checked_by", Schema::String()), Req("checked_at", Schema::String())})
                    .Named("PostAuditItem");
  return Schema::Object({Req("id", Schema::Integer()), Req("label", Schema::String()), Req("from", Schema::String()),
                         Req("to", Schema::String()), Req("seed", Schema::String()), Req("strata", Schema::Array(stratum)),
                         Req("items", Schema::Array(item)), Req("pending", Schema::Integer()), Req("ok", Schema::Integer()),
                         Req("discrepancies", Schema::Integer()), Req("created_by", Schema::String()),
                         Req("created_at", Schema::String()), Req("replayed", Schema::Boolean())})
      .Named("PostAudit");
}

Schema IdParam() { return S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"); }
Result<int64_t> IdOf(Call& c) { return ParseInt(c.Path("id"), "id", 1); }

Result<Owner> InspectionOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
  BHXH_ASSIGN_OR_RETURN(std::string province, InspectionProvince(c.db(), id));
  return Owner{province, "", "", ""};
}

}  // namespace

void InspectionRoutes(RouteTable& t) {
  t.AddTag("inspection", "Thanh tra, kiểm tra và hậu kiểm / inspection and post-audit");

  Schema factor = Schema::Object({Req("factor", Schema::String()), Req("value", Schema::Number()), Req("points", Schema::Number()),
                                  Req("weight", Schema::Number()), Req("threshold", Schema::Number()),
                                  Req("full", Schema::Number()), Req("explanation", Schema::String()),
                                  Req("source", Schema::String())})
                      .Named("RiskFactor");
  Schema emp = Schema::Object({Req("code", Schema::String()), Req("name", Schema::String()), Req("tax_code", Schema::String()),
                               Req("type", Schema::String()), Req("province", Schema::String()), Req("region", Schema::Integer()),
                               Req("workers", Schema::Integer()), Req("score", Schema::Number()),
                               Req("mandatory", Schema::Boolean()), Req("months_owed", Schema::Integer()),
                               Req("balance", Schema::Integer()), Req("factors", Schema::Array(factor))})
                   .Named("EmployerRisk");
  t.Add(Route::Get("/inspection/risk", "rankEmployersByRisk")
            .Tag("inspection")
            .Summary("Xếp hạng rủi ro đơn vị để lập kế hoạch thanh tra, giải thích từng yếu tố",
                     "Employers ranked by risk for the inspection plan, each score explained")
            .Describe("Cán bộ cấp tỉnh chỉ thấy đơn vị của tỉnh mình / provincial officers see their province's employers.")
            .Permission("inspection.risk.read")
            .Query("as_of", S::Date(), "Tính đến ngày (mặc định hôm nay)")
            .Query("province", S::ProvinceCode(), "Chỉ đơn vị của tỉnh này")
            .Query("limit", S::Int(1, 10000), "Số đơn vị (mặc định 100)")
            .Query("min_score", S::Int(0, 100), "Chỉ đơn vị từ số điểm này (luôn gồm đơn vị bắt buộc thanh tra)")
            .Heavy()
            .Returns(200, Schema::Object({Req("as_of", Schema::String()), Req("employers", Schema::Integer()),
                                          Req("mandatory", Schema::Integer()), Req("tax_data", Schema::Boolean()),
                                          Req("ranking", Schema::Array(emp)), Req("parameters", Schema::Array(Schema::String()))}))
            .Handle([](Call& c) -> Result<Reply> {
              RiskOptions o;
              o.as_of = c.DateOr("as_of", Date::Today());
              o.provinces = ScopeProvinces(c);
              if (c.Has("province")) {
                std::vector<std::string> want = c.ctx().ProvincesCovering(c.Str("province"));
                if (!o.provinces.empty()) {
                  std::erase_if(want, [&](const std::string& p) {
                    return std::find(o.provinces.begin(), o.provinces.end(), p) == o.provinces.end();
                  });
                  if (want.empty())
                    return Status::Error("forbidden", "province", "Chỉ xem được đơn vị trong tỉnh của mình", "own province only");
                }
                o.provinces = want;
              }
              o.limit = static_cast<int>(c.Int("limit", 100));
              o.min_score = static_cast<double>(c.Int("min_score", 0));
              BHXH_ASSIGN_OR_RETURN(RiskRanking r, RankEmployers(c.db(), c.ctx().law, c.ctx().geo, Params(c), o));
              Json ranking = Json::array();
              for (const auto& e : r.top) {
                Json fs = Json::array();
                for (const auto& f : e.factors)
                  fs.push_back({{"factor", f.factor}, {"value", f.value}, {"points", f.points}, {"weight", f.weight},
                                {"threshold", f.threshold}, {"full", f.full}, {"explanation", f.explanation}, {"source", f.source}});
                ranking.push_back({{"code", e.code}, {"name", e.name}, {"tax_code", e.tax_code}, {"type", e.type},
                                   {"province", e.province}, {"region", e.region}, {"workers", e.workers}, {"score", e.score},
                                   {"mandatory", e.mandatory}, {"months_owed", e.months_owed}, {"balance", e.balance},
                                   {"factors", fs}});
              }
              return Reply::Ok({{"as_of", r.as_of.ToString()}, {"employers", r.employers}, {"mandatory", r.mandatory},
                                {"tax_data", r.tax_data}, {"ranking", ranking}, {"parameters", r.parameters}});
            }));

  t.Add(Route::Post("/inspection/tax-workforce", "importTaxWorkforce")
            .Tag("inspection")
            .Summary("Nhập dữ liệu lao động của cơ quan thuế (Luật BHXH 2024 Điều 17)",
                     "Load the tax authority's workforce data (Law 41/2024 Art.17)")
            .Permission("inspection.tax.write")
            .Query("source", S::Text(200), "Nguồn dữ liệu, ví dụ \"Cục Thuế Hà Nội, công văn 123/2026\"")
            .RawBody({"text/csv"}, "CSV: tax_code,year,employees[,wage_bill]", 64 << 20)
            .Idempotent(Idempotency::kOptional)
            .Returns(201, Schema::Object({Req("rows", Schema::Integer()), Req("unknown_tax_codes", Schema::Array(Schema::String()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(TaxImport r, ImportTaxWorkforce(c.db(), c.RawBody(), c.Str("source", "không ghi nguồn"), c.actor()));
              if (!r.errors.empty()) return Reply::With(422, RowsRejectedJson(r.errors, "Dữ liệu thuế", "the tax file"));
              return Reply::Created({{"rows", r.rows}, {"unknown_tax_codes", r.unknown_tax_codes}});
            }));

  t.Add(Route::Post("/inspection/fine", "calculateFine")
            .Tag("inspection")
            .Summary("Tính khung phạt và mức phạt theo Điều 39 Nghị định 12/2022/NĐ-CP",
                     "The fine range and amount of Decree 12/2022/NĐ-CP Art.39")
            .Permission("inspection.read")
            .NoDb()
            .JsonBody(Schema::Object({Req("clause", S::Text(10)), Opt("total_due", S::Money()), Opt("organisation", S::Bool()),
                                      Opt("circumstance", S::OneOf({"none", "mitigating", "aggravating"})),
                                      Opt("date", S::Date())}))
            .BodyExample({{"clause", "39.5"}, {"total_due", 100000000}, {"organisation", true}})
            .Returns(200, FineSchema())
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              Date on = Date::Today();
              if (b.contains("date")) {
                BHXH_ASSIGN_OR_RETURN(on, Date::ParseIsoOrVi(b["date"].get<std::string>(), "date"));
              }
              BHXH_ASSIGN_OR_RETURN(FineRange f, ComputeFine(Params(c), b["clause"].get<std::string>(), b.value("total_due", Vnd{0}),
                                                             b.value("organisation", true), b.value("circumstance", "none"), on));
              return Reply::Ok(ToJson(f));
            }));

  t.Add(Route::Post("/inspection/inspections", "openInspection")
            .Tag("inspection")
            .Summary("Mở một cuộc thanh tra theo quyết định", "Open an inspection under its decision")
            .Permission("inspection.write")
            .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.BodyStr("employer_code"), "employer_code"); })
            .JsonBody(Schema::Object({Req("employer_code", S::EmployerCode()), Req("decision_no", S::Text(60)),
                                      Req("decided_on", S::Date()), Opt("kind", S::OneOf({"planned", "unannounced"})),
                                      Opt("risk_score", Schema::Number()), Opt("idempotency_key", S::Key())}))
            .BodyExample({{"employer_code", "01A1"}, {"decision_no", "15/QĐ-TTr"}, {"decided_on", "2026-03-02"}, {"kind", "planned"}})
            .Idempotent(Idempotency::kRequired)
            .Returns(201, InspectionSchema())
            .Returns(200, InspectionSchema(), "Đã mở trước đó với cùng khoá / replayed")
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              InspectionOpenInput in;
              in.employer_code = b["employer_code"];
              in.decision_no = b["decision_no"];
              in.decided_on = b["decided_on"];
              in.kind = b.value("kind", "planned");
              in.risk_score = b.value("risk_score", 0.0);
              in.idempotency_key = c.idempotency_key();
              BHXH_ASSIGN_OR_RETURN(Inspection r, OpenInspection(c.db(), in, c.actor()));
              return r.replayed ? Reply::Ok(ToJson(r)) : Reply::Created(ToJson(r));
            }));

  t.Add(Route::Get("/inspection/inspections", "listInspections")
            .Tag("inspection")
            .Summary("Các cuộc thanh tra và việc thu hồi, mới nhất trước", "Inspections and their follow-up, newest first")
            .Permission("inspection.read")
            .Query("status", S::OneOf({"open", "concluded", "recovered"}), "Trạng thái")
            .Query("limit", S::Int(1, 1000), "Số cuộc (mặc định 100)")
            .Returns(200, Schema::Object({Req("inspections", Schema::Array(InspectionSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto list, ListInspections(c.db(), c.Str("status"), ScopeProvinces(c),
                                                               static_cast<int>(c.Int("limit", 100))));
              Json out = Json::array();
              for (const auto& i : list) out.push_back(ToJson(i));
              return Reply::Ok({{"inspections", out}});
            }));

  t.Add(Route::Get("/inspection/inspections/{id}", "getInspection")
            .Tag("inspection")
            .Summary("Một cuộc thanh tra: sai phạm, mức phạt, số đã thu hồi", "One inspection: findings, fines, recoveries")
            .Permission("inspection.read")
            .PathParam("id", IdParam(), "Số cuộc thanh tra")
            .OwnedBy(InspectionOwner)
            .Returns(200, InspectionSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(Inspection r, LoadInspection(c.db(), id));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Post("/inspection/inspections/{id}/findings", "recordInspectionFinding")
            .Tag("inspection")
            .Summary("Ghi một sai phạm; mức phạt được tính theo khung của Nghị định 12/2022/NĐ-CP",
                     "Record a finding; its fine is computed from the decree's range")
            .Permission("inspection.write")
            .PathParam("id", IdParam(), "Số cuộc thanh tra")
            .OwnedBy(InspectionOwner)
            .JsonBody(Schema::Object({Req("clause", S::Text(10)), Req("description", S::Text(2000)), Opt("total_due", S::Money()),
                                      Opt("workers", S::Int(0, 1000000)),
                                      Opt("circumstance", S::OneOf({"none", "mitigating", "aggravating"}))}))
            .BodyExample({{"clause", "39.5"}, {"description", "Chậm đóng 4 tháng"}, {"total_due", 100000000}, {"workers", 12}})
            .Idempotent(Idempotency::kOptional)
            .Returns(201, InspectionSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              const Json& b = c.Body();
              InspectionFindingInput in;
              in.clause = b["clause"];
              in.description = b["description"];
              in.total_due = b.value("total_due", Vnd{0});
              in.workers = b.value("workers", 0);
              in.circumstance = b.value("circumstance", "none");
              BHXH_ASSIGN_OR_RETURN(Inspection r, RecordFinding(c.db(), Params(c), id, in, c.actor()));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/inspection/inspections/{id}/conclusion", "concludeInspection")
            .Tag("inspection")
            .Summary("Kết luận thanh tra (người ghi sai phạm không được tự kết luận)",
                     "Conclude an inspection (not by whoever recorded its findings)")
            .Permission("inspection.conclude")
            .PathParam("id", IdParam(), "Số cuộc thanh tra")
            .OwnedBy(InspectionOwner)
            .JsonBody(Schema::Object({Req("concluded_on", S::Date())}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, InspectionSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(Inspection r, ConcludeInspection(c.db(), id, c.BodyStr("concluded_on"), c.actor()));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Post("/inspection/inspections/{id}/recoveries", "recordInspectionRecovery")
            .Tag("inspection")
            .Summary("Ghi số tiền đã thu hồi theo kết luận", "Record money recovered under the conclusion")
            .Permission("inspection.write")
            .PathParam("id", IdParam(), "Số cuộc thanh tra")
            .OwnedBy(InspectionOwner)
            .JsonBody(Schema::Object({Req("finding_id", S::Int(1, INT64_MAX)), Req("amount", S::Money()), Req("paid_on", S::Date()),
                                      Req("reference", S::Text(100))}))
            .Idempotent(Idempotency::kRequired)
            .Returns(201, InspectionSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              const Json& b = c.Body();
              BHXH_ASSIGN_OR_RETURN(Inspection r, RecordRecovery(c.db(), id, b["finding_id"].get<int64_t>(), b["amount"].get<Vnd>(),
                                                                 b["paid_on"], b["reference"], c.actor()));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/inspection/post-audits", "drawPostAudit")
            .Tag("inspection")
            .Summary("Chọn mẫu ngẫu nhiên, phân tầng theo loại giao dịch, để hậu kiểm (tái lập được)",
                     "Draw a reproducible stratified random sample of transactions to post-audit")
            .Permission("postaudit.write")
            .JsonBody(Schema::Object({Req("label", S::Text(100)), Req("from", S::Date()), Req("to", S::Date())}))
            .BodyExample({{"label", "Hậu kiểm quý 3/2025"}, {"from", "2025-07-01"}, {"to", "2025-09-30"}})
            .Idempotent(Idempotency::kOptional)
            .Returns(201, PostAuditSchema())
            .Returns(200, PostAuditSchema(), "Đợt đã chọn trước đó với cùng tên / the same draw")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(PostAudit r, DrawPostAudit(c.db(), Params(c), c.BodyStr("label"), c.BodyStr("from"),
                                                               c.BodyStr("to"), c.actor()));
              return r.replayed ? Reply::Ok(ToJson(r)) : Reply::Created(ToJson(r));
            }));

  t.Add(Route::Get("/inspection/post-audits/{id}", "getPostAudit")
            .Tag("inspection")
            .Summary("Một đợt hậu kiểm: mẫu và kết quả kiểm tra", "A post-audit: its sample and results")
            .Permission("postaudit.read")
            .PathParam("id", IdParam(), "Số đợt hậu kiểm")
            .Returns(200, PostAuditSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(PostAudit r, LoadPostAudit(c.db(), id));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Post("/inspection/post-audits/{id}/results", "recordPostAuditResult")
            .Tag("inspection")
            .Summary("Ghi kết quả kiểm tra lại một giao dịch trong mẫu", "Record the result of re-checking one sampled transaction")
            .Permission("postaudit.write")
            .PathParam("id", IdParam(), "Số đợt hậu kiểm")
            .JsonBody(Schema::Object({Req("kind", S::OneOf({"declaration", "claims_envelope", "benefit_payment"})),
                                      Req("ref", S::Text(100)), Req("result", S::OneOf({"ok", "discrepancy"})),
                                      Opt("note", S::Text(2000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, PostAuditSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(PostAudit r, RecordPostAuditResult(c.db(), id, c.BodyStr("kind"), c.BodyStr("ref"),
                                                                       c.BodyStr("result"), c.BodyStr("note"), c.actor()));
              return Reply::Ok(ToJson(r));
            }));
}

}  // namespace bhxh
