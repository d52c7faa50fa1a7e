// /officials/... and /complaints/...: declarations, verification, rotation,
// complaints and denunciations.
#include "base/parse.h"
#include "benefits/module.h"
#include "officials/complaints.h"
#include "officials/module.h"
#include "platform/http/route_table.h"

namespace bhxh {

namespace {

const OfficialsData& Data(Call& c) { return c.ctx().State<OfficialsState>().data(); }
std::vector<std::string> ScopeProvinces(Call& c) {
  return c.scope().scope == GrantScope::kProvince ? c.scope().provinces : std::vector<std::string>{};
}

Json ToJson(const Official& o) {
  return {{"code", o.code}, {"full_name", o.full_name}, {"sex", o.sex}, {"birth_date", o.birth_date}, {"unit", o.unit},
          {"province", o.province}, {"position", o.position}, {"position_since", o.position_since}};
}
Schema OfficialSchema() {
  return Schema::Object({Req("code", Schema::String()), Req("full_name", Schema::String()), Req("sex", Schema::String()),
                         Req("birth_date", Schema::String()), Req("unit", Schema::String()), Req("province", Schema::String()),
                         Req("position", Schema::String()), Req("position_since", Schema::String())})
      .Named("Official");
}

Json ToJson(const AssetDeclaration& d) {
  Json items = Json::array();
  for (const auto& i : d.items) items.push_back({{"kind", i.kind}, {"description", i.description}, {"value", i.value}});
  return {{"id", d.id},       {"official_code", d.official_code},
          {"kind", d.kind},   {"year", d.year},
          {"submitted_on", d.submitted_on}, {"items", items},
          {"assets", d.assets}, {"income", d.income},
          {"change", d.change ? Json(*d.change) : Json(nullptr)}, {"over_additional_threshold", d.over_additional_threshold},
          {"notes", d.notes}, {"replayed", d.replayed}};
}

Schema DeclarationSchema() {
  Schema item = Schema::Object({Req("kind", Schema::String()), Req("description", Schema::String()), Req("value", Schema::Integer())});
  return Schema::Object({Req("id", Schema::Integer()), Req("official_code", Schema::String()), Req("kind", Schema::String()),
                         Req("year", Schema::Integer()), Req("submitted_on", Schema::String()), Req("items", Schema::Array(item)),
                         Req("assets", Schema::Integer()), Req("income", Schema::Integer()), Req("change", Schema::Integer().Nullable()),
                         Req("over_additional_threshold", Schema::Boolean()), Req("notes", Schema::Array(Schema::String())),
                         Req("replayed", Schema::Boolean())})
      .Named("AssetDeclaration");
}

Schema DueSchema() {
  return Schema::Object({Req("official", OfficialSchema()), Req("kind", S::OneOf({"first", "annual"})), Req("deadline", Schema::String()),
                         Req("status", S::OneOf({"submitted", "due", "overdue"})), Req("submitted_on", Schema::String())})
      .Named("DeclarationDue");
}

Schema RotationSchema() {
  return Schema::Object({Req("official", OfficialSchema()), Req("position_name", Schema::String()), Req("period_years", Schema::Integer()),
                         Req("years_in_post", Schema::Number()), Req("due_on", Schema::String()),
                         Req("status", S::OneOf({"due", "overdue", "not_due", "exempt_retirement"})),
                         Req("retirement_on", Schema::String())})
      .Named("RotationRow");
}

Json ToJson(const VerificationDraw& d) {
  Json items = Json::array();
  for (const auto& i : d.items)
    items.push_back({{"official_code", i.official_code}, {"full_name", i.full_name}, {"position", i.position},
                     {"leader", i.leader}, {"result", i.result}, {"note", i.note}});
  return {{"id", d.id}, {"year", d.year}, {"unit", d.unit}, {"seed", d.seed}, {"eligible", d.eligible}, {"items", items},
          {"replayed", d.replayed}};
}
Schema DrawSchema() {
  Schema item = Schema::Object({Req("official_code", Schema::String()), Req("full_name", Schema::String()),
                                Req("position", Schema::String()), Req("leader", Schema::Boolean()),
                                Req("result", S::OneOf({"pending", "consistent", "inconsistent"})), Req("note", Schema::String())});
  return Schema::Object({Req("id", Schema::Integer()), Req("year", Schema::Integer()), Req("unit", Schema::String()),
                         Req("seed", Schema::String()), Req("eligible", Schema::Integer()), Req("items", Schema::Array(item)),
                         Req("replayed", Schema::Boolean())})
      .Named("VerificationDraw");
}

Json ToJson(const Complaint& c) {
  return {{"id", c.id},
          {"kind", c.kind},
          {"received_on", c.received_on},
          {"complainant", c.complainant},
          {"subject", c.subject},
          {"unit", c.unit},
          {"province", c.province},
          {"complex", c.complex},
          {"status", c.status},
          {"accept_by", c.accept_by},
          {"accepted_on", c.accepted_on},
          {"assigned_to", c.assigned_to},
          {"resolve_by", c.resolve_by},
          {"answered_on", c.answered_on},
          {"answer", c.answer},
          {"refusal_reason", c.refusal_reason},
          {"timeliness", c.timeliness},
          {"replayed", c.replayed}};
}
Schema ComplaintSchema() {
  std::vector<Property> p;
  for (const char* f : {"received_on", "complainant", "subject", "unit", "province", "accept_by", "accepted_on", "assigned_to",
                        "resolve_by", "answered_on", "answer", "refusal_reason"})
    p.push_back(Req(f, Schema::String()));
  p.push_back(Req("id", Schema::Integer()));
  p.push_back(Req("kind", S::OneOf({"complaint", "denunciation"})));
  p.push_back(Req("complex", Schema::Boolean()));
  p.push_back(Req("status", S::OneOf({"received", "accepted", "refused", "answered"})));
  p.push_back(Req("timeliness", S::OneOf({"on_time", "late", "overdue", "pending"})));
  p.push_back(Req("replayed", Schema::Boolean()));
  return Schema::Object(p).Named("Complaint");
}

Schema IdParam() { return S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"); }
Result<int64_t> IdOf(Call& c) { return ParseInt(c.Path("id"), "id", 1); }

Result<Owner> OfficialOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(auto st, c.db().Prepare("SELECT province FROM officials WHERE code = ?"));
  st->BindText(1, c.Path("code"));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("code", "Không có cán bộ mã " + c.Path("code"), "no such official");
  return Owner{st->Text(0), "", "", ""};
}
Result<Owner> ComplaintOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
  BHXH_ASSIGN_OR_RETURN(Complaint x, LoadComplaint(c.db(), id, Date::Today()));
  return Owner{x.province, "", "", ""};
}

}  // namespace

void OfficialsRoutes(RouteTable& t) {
  t.AddTag("officials", "Kiểm soát tài sản, thu nhập; chuyển đổi vị trí; khiếu nại, tố cáo / officials' integrity");
  Schema code = S::Text(20).Pattern(R"([A-Za-z0-9.\-]{1,20})", "mã cán bộ", "an official's code");

  t.Add(Route::Post("/officials", "registerOfficial")
            .Tag("officials")
            .Summary("Ghi nhận một cán bộ, vị trí công tác và ngày nhận vị trí", "Register an official, the post and since when")
            .Permission("integrity.officials.write")
            .OwnedBy([](Call& c) -> Result<Owner> { return Owner{c.BodyStr("province"), "", "", ""}; })
            .JsonBody(Schema::Object({Req("code", S::Text(20)), Req("full_name", S::Text(200)), Req("sex", S::OneOf({"male", "female"})),
                                      Req("birth_date", S::Date()), Req("unit", S::Text(200)), Req("province", S::ProvinceCode()),
                                      Req("position", S::Text(40)), Req("position_since", S::Date())}))
            .BodyExample({{"code", "CB001"}, {"full_name", "Nguyễn Thị Hoa"}, {"sex", "female"}, {"birth_date", "1980-04-02"},
                          {"unit", "Phòng Quản lý thu"}, {"province", "01"}, {"position", "thu_bhxh"}, {"position_since", "2022-03-01"}})
            .Returns(201, OfficialSchema())
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              OfficialInput in{b["code"], b["full_name"], b["sex"], b["birth_date"], b["unit"], b["province"], b["position"],
                               b["position_since"]};
              BHXH_ASSIGN_OR_RETURN(Official o, RegisterOfficial(c.db(), Data(c), in, c.actor()));
              return Reply::Created(ToJson(o));
            }));

  t.Add(Route::Get("/officials", "listOfficials")
            .Tag("officials")
            .Summary("Danh sách cán bộ theo đơn vị", "Officials by unit")
            .Permission("integrity.officials.read")
            .Query("unit", S::Text(200), "Đơn vị")
            .Returns(200, Schema::Object({Req("officials", Schema::Array(OfficialSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto list, ListOfficials(c.db(), c.Str("unit"), ScopeProvinces(c)));
              Json out = Json::array();
              for (const auto& o : list) out.push_back(ToJson(o));
              return Reply::Ok({{"officials", out}});
            }));

  t.Add(Route::Post("/officials/{code}/position", "assignOfficialPosition")
            .Tag("officials")
            .Summary("Bổ nhiệm hoặc chuyển đổi vị trí công tác", "Appoint or rotate an official to a post")
            .Permission("integrity.officials.write")
            .PathParam("code", code, "Mã cán bộ")
            .OwnedBy(OfficialOwner)
            .JsonBody(Schema::Object({Req("position", S::Text(40)), Req("since", S::Date())}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, OfficialSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Official o, AssignPosition(c.db(), Data(c), c.Path("code"), c.BodyStr("position"),
                                                               c.BodyStr("since"), c.actor()));
              return Reply::Ok(ToJson(o));
            }));

  Schema item = Schema::Object({Req("kind", S::OneOf({"land", "house", "precious", "cash", "securities", "vehicle", "other", "abroad"})),
                                Req("description", S::Text(500)), Req("value", S::Money())});
  t.Add(Route::Post("/officials/{code}/asset-declarations", "submitAssetDeclaration")
            .Tag("officials")
            .Summary("Ghi nhận bản kê khai tài sản, thu nhập (Luật PCTN 2018, Nghị định 130/2020/NĐ-CP)",
                     "Record an asset and income declaration")
            .Permission("integrity.declarations.write")
            .PathParam("code", code, "Mã cán bộ")
            .OwnedBy(OfficialOwner)
            .JsonBody(Schema::Object({Req("kind", S::OneOf({"first", "annual", "additional", "appointment"})), Req("year", S::Year()),
                                      Req("submitted_on", S::Date()), Req("items", Schema::Array(item)), Opt("income", S::Money()),
                                      Opt("idempotency_key", S::Key())}))
            .Idempotent(Idempotency::kRequired)
            .Returns(201, DeclarationSchema())
            .Returns(200, DeclarationSchema(), "Đã ghi trước đó / replayed")
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              AssetDeclarationInput in;
              in.kind = b["kind"];
              in.year = b["year"].get<int>();
              in.submitted_on = b["submitted_on"];
              in.income = b.value("income", Vnd{0});
              in.idempotency_key = c.idempotency_key();
              for (const auto& i : b["items"]) in.items.push_back({i["kind"], i["description"], i["value"].get<Vnd>()});
              BHXH_ASSIGN_OR_RETURN(AssetDeclaration d, SubmitAssetDeclaration(c.db(), Data(c), c.Path("code"), in, c.actor()));
              return d.replayed ? Reply::Ok(ToJson(d)) : Reply::Created(ToJson(d));
            }));

  t.Add(Route::Get("/officials/asset-declarations", "assetDeclarationStatus")
            .Tag("officials")
            .Summary("Ai phải kê khai, hạn, đã nộp hay quá hạn (theo đơn vị)", "Who must declare, by when, and who is overdue")
            .Permission("integrity.declarations.read")
            .Query("year", S::Year(), "Năm kê khai", true)
            .Query("unit", S::Text(200), "Đơn vị")
            .Query("status", S::OneOf({"submitted", "due", "overdue"}), "Chỉ các dòng ở trạng thái này")
            .Returns(200, Schema::Object({Req("year", Schema::Integer()), Req("rows", Schema::Array(DueSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              int year = static_cast<int>(c.Int("year"));
              BHXH_ASSIGN_OR_RETURN(auto rows, DeclarationStatus(c.db(), Data(c), year, Date::Today(), c.Str("unit"), ScopeProvinces(c)));
              Json out = Json::array();
              for (const auto& r : rows) {
                if (c.Has("status") && r.status != c.Str("status")) continue;
                out.push_back({{"official", ToJson(r.official)}, {"kind", r.kind}, {"deadline", r.deadline}, {"status", r.status},
                               {"submitted_on", r.submitted_on}});
              }
              return Reply::Ok({{"year", year}, {"rows", out}});
            }));

  t.Add(Route::Post("/officials/verifications", "drawAssetVerification")
            .Tag("officials")
            .Summary("Bốc thăm ngẫu nhiên người được xác minh tài sản trong năm (tái lập được)",
                     "Draw the year's declarants to verify (reproducible)")
            .Permission("integrity.declarations.verify")
            .JsonBody(Schema::Object({Req("year", S::Year()), Req("unit", S::Text(200))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(201, DrawSchema())
            .Returns(200, DrawSchema(), "Đã bốc thăm trước đó / the same draw")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(VerificationDraw d, DrawVerification(c.db(), Data(c), c.Body()["year"].get<int>(),
                                                                         c.BodyStr("unit"), c.actor()));
              return d.replayed ? Reply::Ok(ToJson(d)) : Reply::Created(ToJson(d));
            }));

  t.Add(Route::Post("/officials/verifications/{id}/results", "recordAssetVerification")
            .Tag("officials")
            .Summary("Ghi kết luận xác minh tài sản của một người", "Record the verification result for one declarant")
            .Permission("integrity.declarations.verify")
            .PathParam("id", IdParam(), "Số đợt xác minh")
            .JsonBody(Schema::Object({Req("official_code", S::Text(20)), Req("result", S::OneOf({"consistent", "inconsistent"})),
                                      Opt("note", S::Text(2000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, DrawSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(VerificationDraw d, RecordVerificationResult(c.db(), id, c.BodyStr("official_code"),
                                                                                 c.BodyStr("result"), c.BodyStr("note"), c.actor()));
              return Reply::Ok(ToJson(d));
            }));

  t.Add(Route::Get("/officials/rotation", "rotationPlan")
            .Tag("officials")
            .Summary("Kế hoạch chuyển đổi vị trí công tác trong năm: ai đến hạn, quá hạn, được miễn",
                     "The year's rotation plan: who is due, overdue, exempt")
            .Permission("integrity.rotation.read")
            .Query("year", S::Year(), "Năm kế hoạch", true)
            .Returns(200, Schema::Object({Req("year", Schema::Integer()), Req("rows", Schema::Array(RotationSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              int year = static_cast<int>(c.Int("year"));
              BHXH_ASSIGN_OR_RETURN(auto rows, RotationPlan(c.db(), Data(c), c.ctx().State<BenefitsState>().law(), year,
                                                            Date::Today(), ScopeProvinces(c)));
              Json out = Json::array();
              for (const auto& r : rows)
                out.push_back({{"official", ToJson(r.official)}, {"position_name", r.position_name}, {"period_years", r.period_years},
                               {"years_in_post", std::round(r.years_in_post * 10) / 10}, {"due_on", r.due_on},
                               {"status", r.status}, {"retirement_on", r.retirement_on}});
              return Reply::Ok({{"year", year}, {"rows", out}});
            }));

  t.Add(Route::Post("/complaints", "receiveComplaint")
            .Tag("officials")
            .Summary("Tiếp nhận đơn khiếu nại, tố cáo", "Receive a complaint or denunciation")
            .Permission("integrity.complaints.write")
            .OwnedBy([](Call& c) -> Result<Owner> { return Owner{c.BodyStr("province"), "", "", ""}; })
            .JsonBody(Schema::Object({Req("kind", S::OneOf({"complaint", "denunciation"})), Req("received_on", S::Date()),
                                      Req("complainant", S::Text(200)), Req("subject", S::Text(4000)), Req("unit", S::Text(200)),
                                      Req("province", S::ProvinceCode()), Opt("idempotency_key", S::Key())}))
            .Idempotent(Idempotency::kRequired)
            .Returns(201, ComplaintSchema())
            .Returns(200, ComplaintSchema(), "Đã tiếp nhận trước đó / replayed")
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              ComplaintInput in{b["kind"], b["received_on"], b["complainant"], b["subject"], b["unit"], b["province"],
                                c.idempotency_key()};
              BHXH_ASSIGN_OR_RETURN(Complaint x, ReceiveComplaint(c.db(), Data(c), in, c.actor()));
              return x.replayed ? Reply::Ok(ToJson(x)) : Reply::Created(ToJson(x));
            }));

  t.Add(Route::Get("/complaints", "listComplaints")
            .Tag("officials")
            .Summary("Đơn khiếu nại, tố cáo và hạn giải quyết", "Complaints and their deadlines")
            .Permission("integrity.complaints.read")
            .Query("status", S::OneOf({"received", "accepted", "refused", "answered"}), "Trạng thái")
            .Returns(200, Schema::Object({Req("complaints", Schema::Array(ComplaintSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto list, ListComplaints(c.db(), c.Str("status"), ScopeProvinces(c), Date::Today()));
              Json out = Json::array();
              for (const auto& x : list) out.push_back(ToJson(x));
              return Reply::Ok({{"complaints", out}});
            }));

  t.Add(Route::Post("/complaints/{id}/decision", "decideComplaint")
            .Tag("officials")
            .Summary("Thụ lý (giao người giải quyết) hoặc từ chối thụ lý", "Accept (and assign) or refuse a complaint")
            .Permission("integrity.complaints.write")
            .PathParam("id", IdParam(), "Số đơn")
            .OwnedBy(ComplaintOwner)
            .JsonBody(Schema::Object({Req("accept", S::Bool()), Req("on", S::Date()), Opt("assigned_to", S::Text(200)),
                                      Opt("complex", S::Bool()), Opt("reason", S::Text(2000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, ComplaintSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              const Json& b = c.Body();
              BHXH_ASSIGN_OR_RETURN(Complaint x, DecideComplaint(c.db(), Data(c), id, b["accept"].get<bool>(), b["on"],
                                                                 c.BodyStr("assigned_to"), b.value("complex", false),
                                                                 c.BodyStr("reason"), c.actor()));
              return Reply::Ok(ToJson(x));
            }));

  t.Add(Route::Post("/complaints/{id}/answer", "answerComplaint")
            .Tag("officials")
            .Summary("Trả lời, kết luận giải quyết đơn", "Answer a complaint")
            .Permission("integrity.complaints.write")
            .PathParam("id", IdParam(), "Số đơn")
            .OwnedBy(ComplaintOwner)
            .JsonBody(Schema::Object({Req("on", S::Date()), Req("answer", S::Text(8000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, ComplaintSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(Complaint x, AnswerComplaint(c.db(), id, c.BodyStr("on"), c.BodyStr("answer"), c.actor()));
              return Reply::Ok(ToJson(x));
            }));
}

}  // namespace bhxh
