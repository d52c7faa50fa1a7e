// /services/... and /dossiers/...: the procedure catalogue and calendar,
// dossiers the one-stop way with their slips and attachments, ratings,
// feedback (PAKN) and the service indicators.
#include <algorithm>

#include "base/parse.h"
#include "benefits/module.h"
#include "platform/http/route_table.h"
#include "services/module.h"
#include "services/quality.h"

namespace bhxh {

namespace {

const ServicesData& Data(Call& c) { return c.ctx().State<ServicesState>().data(); }
ServiceEngines Engines(Call& c) {
  return {&c.ctx().geo, &c.ctx().law, &c.ctx().State<BenefitsState>().law()};
}
std::vector<std::string> ScopeProvinces(Call& c) {
  return c.scope().scope == GrantScope::kProvince ? c.scope().provinces : std::vector<std::string>{};
}
Schema IdParam() { return S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"); }
Result<int64_t> IdOf(Call& c) { return ParseInt(c.Path("id"), "id", 1); }

Result<Owner> DossierOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
  BHXH_ASSIGN_OR_RETURN(auto st, c.db().Prepare("SELECT province, COALESCE(employer_code,''), filer_kind, filer_id, "
                                                "COALESCE(cccd,'') FROM dossiers WHERE id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("id", "Không có hồ sơ số " + std::to_string(id), "no dossier " + std::to_string(id));
  return Owner{st->Text(0), st->Text(1), st->Text(2) == "facility" ? st->Text(3) : "", st->Text(4)};
}

Result<Owner> FeedbackOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
  BHXH_ASSIGN_OR_RETURN(auto st, c.db().Prepare("SELECT province, COALESCE(cccd,'') FROM service_feedback WHERE id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("id", "Không có phản ánh số " + std::to_string(id), "no such feedback");
  return Owner{st->Text(0), "", "", st->Text(1)};
}

Json ToJson(const Procedure& p) {
  return {{"code", p.code},
          {"name", p.name},
          {"group", p.group},
          {"forms", p.forms},
          {"deadline", p.deadline},
          {"deadline_unit", p.deadline_unit},
          {"article", p.article},
          {"filers", p.filers},
          {"fully_online", p.fully_online},
          {"action", p.action},
          {"regime", p.regime},
          {"cutoff", p.cutoff},
          {"valid_from", p.valid_from.ToString()},
          {"source", p.source},
          {"note", p.note},
          {"uncertain", p.uncertain()}};
}
Schema ProcedureSchema() {
  return Schema::Object({Req("code", Schema::String()), Req("name", Schema::String()),
                         Req("group", S::OneOf({"collection", "book_card", "si_benefits", "hi", "payment"})),
                         Req("forms", Schema::Array(Schema::String())), Req("deadline", Schema::Integer()),
                         Req("deadline_unit", S::OneOf({"working_days", "days_excl_holidays", "days"})),
                         Req("article", Schema::String()), Req("filers", Schema::Array(Schema::String())),
                         Req("fully_online", Schema::Boolean()), Req("action", Schema::String()), Req("regime", Schema::String()),
                         Req("cutoff", Schema::String()), Req("valid_from", Schema::String()), Req("source", Schema::String()),
                         Req("note", Schema::String()), Req("uncertain", Schema::Boolean())})
      .Named("Procedure");
}

Json ToJson(const Deadline& d) {
  return {{"received_at", d.received.ToString()}, {"counted_from", d.counted_from.ToString()}, {"due", d.due.ToString()},
          {"amount", d.amount}, {"unit", d.unit}, {"after_cutoff", d.after_cutoff}, {"beyond_calendar", d.beyond_calendar},
          {"notes", d.notes}};
}
Schema DeadlineSchema() {
  return Schema::Object({Req("received_at", Schema::String()), Req("counted_from", S::Date()), Req("due", S::Date()),
                         Req("amount", Schema::Integer()), Req("unit", Schema::String()), Req("after_cutoff", Schema::Boolean()),
                         Req("beyond_calendar", Schema::Boolean()), Req("notes", Schema::Array(Schema::String()))})
      .Named("ServiceDeadline");
}

Json ToJson(const Attachment& a) {
  return {{"seq", a.seq}, {"name", a.name}, {"media_type", a.media_type}, {"size", a.size}, {"sha256", a.sha256},
          {"added_by", a.added_by}, {"added_at", a.added_at}};
}
Schema AttachmentSchema() {
  return Schema::Object({Req("seq", Schema::Integer()), Req("name", Schema::String()), Req("media_type", Schema::String()),
                         Req("size", Schema::Integer()), Req("sha256", Schema::String()), Req("added_by", Schema::String()),
                         Req("added_at", Schema::String())})
      .Named("DossierAttachment");
}

Json ToJson(const Dossier& d) {
  Json steps = Json::array();
  for (const auto& s : d.steps)
    steps.push_back({{"seq", s.seq}, {"at", s.at}, {"action", s.action}, {"from_unit", s.from_unit},
                     {"from_officer", s.from_officer}, {"to_unit", s.to_unit}, {"to_officer", s.to_officer}, {"note", s.note},
                     {"recorded_by", s.recorded_by}});
  Json att = Json::array();
  for (const auto& a : d.attachments) att.push_back(ToJson(a));
  Json rating = nullptr;
  if (d.rating)
    rating = {{"accessibility", d.rating->accessibility}, {"procedures", d.rating->procedures},
              {"service_quality", d.rating->service_quality}, {"results", d.rating->results},
              {"feedback_handling", d.rating->feedback_handling}, {"comment", d.rating->comment}, {"rated_at", d.rating->rated_at}};
  return {{"id", d.id},
          {"number", d.number},
          {"procedure", d.procedure},
          {"province", d.province},
          {"channel", d.channel},
          {"filer_kind", d.filer_kind},
          {"filer_id", d.filer_id},
          {"filer_name", d.filer_name},
          {"cccd", d.cccd},
          {"employer_code", d.employer_code},
          {"contact", d.contact},
          {"payload", d.payload},
          {"received_at", d.received_at},
          {"counted_from", d.counted_from},
          {"due_on", d.due_on},
          {"new_due_on", d.new_due_on},
          {"apology_on", d.apology_on},
          {"apology_late", d.apology_late},
          {"deadline_notes", d.deadline_notes},
          {"status", d.status},
          {"outcome", d.outcome},
          {"returned_on", d.returned_on},
          {"holder_unit", d.holder_unit},
          {"holder_officer", d.holder_officer},
          {"result", d.result.is_null() ? Json::object() : d.result},
          {"refusal_reasons", d.refusal_reasons},
          {"missing_documents", d.missing_documents},
          {"steps", steps},
          {"attachments", att},
          {"rating", rating},
          {"replayed", d.replayed}};
}
Schema DossierSchema() {
  Schema step = Schema::Object({Req("seq", Schema::Integer()), Req("at", Schema::String()),
                                Req("action", S::OneOf({"receive", "handover", "supplement_request", "supplement_received", "apology",
                                                        "refuse", "return"})),
                                Req("from_unit", Schema::String()), Req("from_officer", Schema::String()), Req("to_unit", Schema::String()),
                                Req("to_officer", Schema::String()), Req("note", Schema::String()), Req("recorded_by", Schema::String())});
  Schema rating = Schema::Object({Req("accessibility", Schema::Integer()), Req("procedures", Schema::Integer()),
                                  Req("service_quality", Schema::Integer()), Req("results", Schema::Integer()),
                                  Req("feedback_handling", Schema::Integer()), Req("comment", Schema::String()),
                                  Req("rated_at", Schema::String())});
  std::vector<Property> p;
  for (const char* f : {"number", "procedure", "province", "filer_id", "filer_name", "cccd", "employer_code", "contact", "received_at",
                        "counted_from", "due_on", "new_due_on", "apology_on", "returned_on", "holder_unit", "holder_officer"})
    p.push_back(Req(f, Schema::String()));
  p.push_back(Req("id", Schema::Integer()));
  p.push_back(Req("channel", S::OneOf({"online", "desk"})));
  p.push_back(Req("filer_kind", S::OneOf({"citizen", "employer", "facility"})));
  p.push_back(Req("payload", S::Any()));
  p.push_back(Req("apology_late", Schema::Boolean()));
  p.push_back(Req("deadline_notes", Schema::Array(Schema::String())));
  p.push_back(Req("status", S::OneOf({"received", "processing", "supplement", "returned", "refused"})));
  p.push_back(Req("outcome", S::OneOf({"", "early", "on_time", "late"})));
  p.push_back(Req("result", S::Any()));
  p.push_back(Req("refusal_reasons", Schema::Array(Schema::String())));
  p.push_back(Req("missing_documents", Schema::Array(Schema::String())));
  p.push_back(Req("steps", Schema::Array(step)));
  p.push_back(Req("attachments", Schema::Array(AttachmentSchema())));
  p.push_back(Req("rating", rating.Nullable()));
  p.push_back(Req("replayed", Schema::Boolean()));
  return Schema::Object(p).Named("Dossier");
}

Json ToJson(const Feedback& f) {
  return {{"id", f.id},
          {"received_on", f.received_on},
          {"province", f.province},
          {"from_name", f.from_name},
          {"cccd", f.cccd},
          {"subject", f.subject},
          {"content", f.content},
          {"due_on", f.due_on},
          {"answered_on", f.answered_on},
          {"answer", f.answer},
          {"answered_by", f.answered_by},
          {"satisfied", f.satisfied ? Json(*f.satisfied) : Json(nullptr)},
          {"status", f.status},
          {"replayed", f.replayed}};
}
Schema FeedbackSchema() {
  std::vector<Property> p;
  for (const char* f : {"received_on", "province", "from_name", "cccd", "subject", "content", "due_on", "answered_on", "answer",
                        "answered_by"})
    p.push_back(Req(f, Schema::String()));
  p.push_back(Req("id", Schema::Integer()));
  p.push_back(Req("satisfied", Schema::Boolean().Nullable()));
  p.push_back(Req("status", S::OneOf({"open", "answered"})));
  p.push_back(Req("replayed", Schema::Boolean()));
  return Schema::Object(p).Named("Feedback");
}

Json ShareJson(const Share& s) {
  auto p = s.pct();
  return {{"numerator", s.numerator}, {"denominator", s.denominator}, {"pct", p ? Json(*p) : Json(nullptr)}};
}
Schema ShareSchema() {
  return Schema::Object({Req("numerator", Schema::Integer()), Req("denominator", Schema::Integer()),
                         Req("pct", Schema::Number().Nullable())})
      .Named("Share");
}

// Who files: a citizen, an employer or a facility files online for
// themselves; anyone else (an officer) receives at the desk for the filer
// named in the body.
Result<FileInput> FileInputOf(Call& c) {
  const Json& b = c.Body();
  const Actor& a = c.actor();
  FileInput in;
  in.procedure = c.BodyStr("procedure");
  in.filer_name = c.BodyStr("filer_name");
  in.contact = c.BodyStr("contact");
  in.cccd = c.BodyStr("cccd");
  in.employer_code = c.BodyStr("employer_code");
  in.province = c.BodyStr("province");
  in.payload = b.contains("payload") ? b["payload"] : Json::object();
  in.idempotency_key = c.idempotency_key();
  if (a.Is("citizen") || a.Is("employer") || a.Is("facility")) {
    in.channel = "online";
    if (b.contains("received_at"))
      return Status::Invalid("received_at", "Thời điểm nhận do hệ thống ghi khi nộp trực tuyến",
                             "the receipt time of an online filing is the system's");
    if (a.Is("citizen")) {
      in.filer_kind = "citizen";
      in.filer_id = a.cccd;
      if (in.cccd.empty()) in.cccd = a.cccd;
    } else if (a.Is("employer")) {
      in.filer_kind = "employer";
      in.filer_id = a.employer_code;
      in.employer_code = a.employer_code;
    } else {
      in.filer_kind = "facility";
      in.filer_id = a.facility_code;
    }
    if (in.filer_name.empty()) in.filer_name = a.name.empty() ? in.filer_id : a.name;
  } else {
    in.channel = "desk";
    in.filer_kind = c.BodyStr("filer_kind");
    in.filer_id = c.BodyStr("filer_id");
    in.received_at = c.BodyStr("received_at");
    if (in.filer_kind.empty())
      return Status::Invalid("filer_kind", "Tiếp nhận tại quầy cần loại người nộp (citizen, employer, facility)",
                             "a desk receipt names the filer kind");
    if (in.filer_id.empty()) return Status::Invalid("filer_id", "Cần mã người nộp", "the filer's id is required");
    if (in.filer_kind == "employer" && in.employer_code.empty()) in.employer_code = in.filer_id;
    if (in.filer_kind == "citizen" && in.cccd.empty()) in.cccd = in.filer_id;
  }
  if (!c.BodyStr("unit").empty()) in.unit = c.BodyStr("unit");
  return in;
}

Schema StepBody(std::vector<Property> extra) {
  extra.push_back(Opt("at", S::Text(19).Describe("giờ Việt Nam YYYY-MM-DDTHH:MM; mặc định: bây giờ")));
  extra.push_back(Opt("note", S::Text(2000)));
  return Schema::Object(extra);
}

std::vector<std::string> Strings(const Json& a) {
  std::vector<std::string> out;
  if (a.is_array())
    for (const auto& v : a)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

void ServicesRoutes(RouteTable& t) {
  t.AddTag("services", "Dịch vụ công: thủ tục, hồ sơ một cửa, phiếu, đánh giá, phản ánh / online public services (M9)");

  t.Add(Route::Get("/services/procedures", "listProcedures")
            .Tag("services")
            .Summary("Danh mục thủ tục hành chính: thành phần hồ sơ, thời hạn, đối tượng nộp", "The procedure catalogue")
            .Permission("services.read")
            .Query("group", S::OneOf({"collection", "book_card", "si_benefits", "hi", "payment"}), "Nhóm thủ tục / group")
            .Returns(200, Schema::Object({Req("procedures", Schema::Array(ProcedureSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              Json a = Json::array();
              for (const auto& p : Data(c).procedures())
                if (c.Str("group").empty() || p.group == c.Str("group")) a.push_back(ToJson(p));
              return Reply::Ok({{"procedures", a}});
            }));

  t.Add(Route::Get("/services/calendar", "serviceCalendar")
            .Tag("services")
            .Summary("Ngày nghỉ lễ, Tết, ngày nghỉ hoán đổi và ngày làm bù của một năm", "Holidays and declared days of a year")
            .Permission("services.read")
            .Query("year", S::Year(), "Năm / year", true)
            .Returns(200, Schema::Object({Req("year", Schema::Integer()), Req("complete", Schema::Boolean()),
                                          Req("days", Schema::Array(Schema::Object(
                                                          {Req("date", S::Date()), Req("kind", S::OneOf({"holiday", "day_off", "working_day"})),
                                                           Req("name", Schema::String()), Req("source", Schema::String()),
                                                           Req("note", Schema::String())})
                                                                          .Named("CalendarDay")))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(c.db(), Data(c)));
              int year = static_cast<int>(c.Int("year"));
              Json days = Json::array();
              for (const auto& d : cal.DaysOfYear(year))
                days.push_back({{"date", d.date.ToString()}, {"kind", d.kind}, {"name", d.name}, {"source", d.source}, {"note", d.note}});
              return Reply::Ok({{"year", year}, {"complete", cal.Covers(Date::FromYmd(year, 6, 30))}, {"days", days}});
            }));

  t.Add(Route::Post("/services/calendar", "setCalendarDay")
            .Tag("services")
            .Summary("Sửa, bổ sung một ngày nghỉ hoặc ngày làm bù theo thông báo của Chính phủ",
                     "Correct or add a declared day off or make-up day")
            .Permission("services.calendar.write")
            .JsonBody(Schema::Object({Req("date", S::Date()), Req("kind", S::OneOf({"holiday", "day_off", "working_day", "normal"})),
                                      Req("name", S::Text(200)), Req("source", S::Text(300))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, Schema::Object({Req("date", S::Date()), Req("working_day", Schema::Boolean())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(c.BodyStr("date"), "date"));
              BHXH_RETURN_IF_ERROR(SetCalendarDay(c.db(), {d, c.BodyStr("kind"), c.BodyStr("name"), c.BodyStr("source"), ""}, c.actor()));
              BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(c.db(), Data(c)));
              return Reply::Ok({{"date", d.ToString()}, {"working_day", cal.IsWorkingDay(d)}});
            }));

  t.Add(Route::Get("/services/deadline", "computeDeadline")
            .Tag("services")
            .Summary("Ngày hẹn trả kết quả của một thủ tục nếu nhận hồ sơ vào một thời điểm", "The due date of a procedure")
            .Permission("services.read")
            .Query("procedure", S::Text(20), "Mã thủ tục", true)
            .Query("received_at", S::Text(19), "Thời điểm nhận, giờ Việt Nam YYYY-MM-DDTHH:MM", true)
            .Returns(200, DeadlineSchema())
            .Handle([](Call& c) -> Result<Reply> {
              const Procedure* p = Data(c).Find(c.Str("procedure"));
              if (!p) return Status::NotFound("procedure", "Không có thủ tục mã " + c.Str("procedure"), "no such procedure");
              BHXH_ASSIGN_OR_RETURN(LocalTime at, LocalTime::Parse(c.Str("received_at"), "received_at"));
              BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(c.db(), Data(c)));
              BHXH_ASSIGN_OR_RETURN(int cutoff, CutoffOf(Data(c), *p, at.date));
              BHXH_ASSIGN_OR_RETURN(Deadline d, ComputeDeadline(cal, at, cutoff, p->deadline, p->deadline_unit));
              return Reply::Ok(ToJson(d));
            }));

  t.Add(Route::Post("/dossiers", "fileDossier")
            .Tag("services")
            .Summary("Nộp hồ sơ (trực tuyến) hoặc tiếp nhận hồ sơ tại bộ phận một cửa", "File a dossier online or at the desk")
            .Describe("Người dân, đơn vị, cơ sở KCB nộp trực tuyến cho chính mình; cán bộ một cửa tiếp nhận cho người nộp ghi "
                      "trong filer_kind, filer_id / citizens, employers and facilities file online for themselves; a desk "
                      "officer receives for the filer named in the body.")
            .Permission("services.file")
            .Idempotent(Idempotency::kRequired)
            .JsonBody(Schema::Object({Req("procedure", S::Text(20)), Req("province", S::ProvinceCode()), Opt("filer_name", S::Text(200)),
                                      Opt("filer_kind", S::OneOf({"citizen", "employer", "facility"})), Opt("filer_id", S::Text(20)),
                                      Opt("cccd", S::Cccd()), Opt("employer_code", S::EmployerCode()), Opt("contact", S::Text(200)),
                                      Opt("received_at", S::Text(19)), Opt("unit", S::Text(200)), Opt("payload", S::Any())}),
                      16 << 20)
            .BodyExample({{"procedure", "THE-02"}, {"province", "01"}, {"cccd", "001085012345"},
                          {"payload", {{"facility", "01002"}, {"reason", "Đổi nơi đăng ký KCB ban đầu"}}}})
            .OwnedBy([](Call& c) -> Result<Owner> {
              const Actor& a = c.actor();
              std::string employer = c.BodyStr("employer_code");
              std::string cccd = c.BodyStr("cccd");
              if (a.Is("employer") && employer.empty()) employer = a.employer_code;
              if (a.Is("citizen") && cccd.empty()) cccd = a.cccd;
              std::string facility = c.BodyStr("filer_kind") == "facility" ? c.BodyStr("filer_id") : "";
              if (a.Is("facility")) facility = a.facility_code;
              return Owner{c.BodyStr("province"), employer, facility, cccd};
            })
            .Returns(201, DossierSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(FileInput in, FileInputOf(c));
              if (c.actor().Is("citizen") && in.cccd != c.actor().cccd)
                return Status::Error("forbidden", "cccd", "Người dân chỉ nộp hồ sơ của chính mình", "citizens file their own dossiers");
              BHXH_ASSIGN_OR_RETURN(Dossier d, FileDossier(c.db(), Data(c), Engines(c), in, c.actor()));
              return d.replayed ? Reply::Ok(ToJson(d)) : Reply::Created(ToJson(d));
            }));

  t.Add(Route::Get("/dossiers", "listDossiers")
            .Tag("services")
            .Summary("Danh sách hồ sơ: đang giải quyết, sắp đến hạn, cần xin lỗi, đã trả", "Dossiers")
            .Permission("services.dossiers.read")
            .Query("status", S::OneOf({"received", "processing", "supplement", "returned", "refused"}), "Trạng thái")
            .Query("procedure", S::Text(20), "Mã thủ tục")
            .Query("open", S::Bool(), "Chỉ hồ sơ đang giải quyết")
            .Query("needs_apology", S::Bool(), "Hồ sơ sắp hoặc đã quá hạn mà chưa có phiếu xin lỗi")
            .Query("from", S::Date(), "Nhận từ ngày")
            .Query("to", S::Date(), "Nhận đến ngày")
            .Query("province", S::ProvinceCode(), "Tỉnh tiếp nhận")
            .Paged(50, 500)
            .Returns(200, Schema::Object({Req("dossiers", Schema::Array(Schema::Object(
                                                              {Req("id", Schema::Integer()), Req("number", Schema::String()),
                                                               Req("procedure", Schema::String()), Req("procedure_name", Schema::String()),
                                                               Req("province", Schema::String()), Req("channel", Schema::String()),
                                                               Req("filer_name", Schema::String()), Req("received_at", Schema::String()),
                                                               Req("due_on", Schema::String()), Req("new_due_on", Schema::String()),
                                                               Req("status", Schema::String()), Req("outcome", Schema::String()),
                                                               Req("holder_unit", Schema::String()),
                                                               Req("working_days_left", Schema::Integer())})
                                                                                   .Named("DossierRow"))),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              DossierFilter f;
              const AccessScope& s = c.scope();
              f.provinces = ScopeProvinces(c);
              if (c.Has("province")) {
                if (s.scope == GrantScope::kProvince &&
                    std::find(f.provinces.begin(), f.provinces.end(), c.Str("province")) == f.provinces.end())
                  return Status::Error("forbidden", "province", "Chỉ xem hồ sơ của tỉnh mình", "own province only");
                f.provinces = {c.Str("province")};
              }
              if (s.scope == GrantScope::kOwn) {
                f.cccd = s.cccd;
                f.employer_code = s.employer;
                f.facility = s.facility;
              }
              f.status = c.Str("status");
              f.procedure = c.Str("procedure");
              f.open_only = c.Bool("open");
              f.needs_apology = c.Bool("needs_apology");
              f.received_from = c.Str("from");
              f.received_to = c.Str("to");
              BHXH_ASSIGN_OR_RETURN(DossierPage page, ListDossiers(c.db(), Data(c), f, Date::Today(), c.page().limit, c.page().offset));
              Json a = Json::array();
              for (const auto& r : page.rows)
                a.push_back({{"id", r.id}, {"number", r.number}, {"procedure", r.procedure}, {"procedure_name", r.procedure_name},
                             {"province", r.province}, {"channel", r.channel}, {"filer_name", r.filer_name},
                             {"received_at", r.received_at}, {"due_on", r.due_on}, {"new_due_on", r.new_due_on},
                             {"status", r.status}, {"outcome", r.outcome}, {"holder_unit", r.holder_unit},
                             {"working_days_left", r.working_days_left}});
              Json out = {{"dossiers", a}};
              c.PageInfo(out, page.total, static_cast<int64_t>(page.rows.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/dossiers/{id}", "getDossier")
            .Tag("services")
            .Summary("Một hồ sơ: các bước, ai đang giữ, hạn, kết quả", "One dossier with its steps")
            .Permission("services.dossiers.read")
            .PathParam("id", IdParam(), "Số hồ sơ / dossier id")
            .OwnedBy(DossierOwner)
            .Returns(200, DossierSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(Dossier d, GetDossier(c.db(), id));
              return Reply::Ok(ToJson(d));
            }));

  auto step_route = [&t](const char* path, const char* op, const char* vi, const char* en, Schema body,
                         std::function<Result<Dossier>(Call&, int64_t)> act) {
    t.Add(Route::Post(path, op)
              .Tag("services")
              .Summary(vi, en)
              .Permission("services.process")
              .PathParam("id", IdParam(), "Số hồ sơ / dossier id")
              .OwnedBy(DossierOwner)
              .JsonBody(std::move(body))
              .Idempotent(Idempotency::kOptional)
              .Returns(200, DossierSchema())
              .Handle([act](Call& c) -> Result<Reply> {
                BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
                BHXH_ASSIGN_OR_RETURN(Dossier d, act(c, id));
                for (const auto& [event, key] : d.events)
                  c.AfterCommit([&ctx = c.ctx(), event = event, key = key] { ctx.Publish(event, key); });
                return Reply::Ok(ToJson(d));
              }));
  };
  step_route("/dossiers/{id}/handover", "handOverDossier", "Chuyển hồ sơ cho đơn vị, cán bộ giải quyết (ghi thời điểm giao nhận)",
             "Hand a dossier over (timed)", StepBody({Req("to_unit", S::Text(200)), Req("to_officer", S::Text(100))}),
             [](Call& c, int64_t id) {
               return HandOver(c.db(), id, c.BodyStr("to_unit"), c.BodyStr("to_officer"), c.BodyStr("note"), c.BodyStr("at"), c.actor());
             });
  step_route("/dossiers/{id}/supplement-request", "requestDossierSupplement", "Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
             "Request documents (slip 02)", StepBody({Req("missing", Schema::Array(S::Text(300)).Items(1, 50))}),
             [](Call& c, int64_t id) {
               return RequestSupplement(c.db(), id, Strings(c.Body()["missing"]), c.BodyStr("note"), c.BodyStr("at"), c.actor());
             });
  step_route("/dossiers/{id}/supplement-received", "receiveDossierSupplement", "Nhận đủ giấy tờ bổ sung: tính lại thời hạn",
             "Documents received: the deadline restarts", StepBody({}),
             [](Call& c, int64_t id) { return SupplementReceived(c.db(), Data(c), id, c.BodyStr("note"), c.BodyStr("at"), c.actor()); });
  step_route("/dossiers/{id}/refusal", "refuseDossier", "Từ chối giải quyết hồ sơ, nêu lý do (Mẫu 03)", "Refuse with reasons (slip 03)",
             StepBody({Req("reasons", Schema::Array(S::Text(500)).Items(1, 20))}),
             [](Call& c, int64_t id) { return Refuse(c.db(), id, Strings(c.Body()["reasons"]), c.BodyStr("at"), c.actor()); });
  step_route("/dossiers/{id}/apology", "apologiseForDossier", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)",
             "Apologise with a new date (slip 04)", StepBody({Req("new_due", S::Date()), Req("reason", S::Text(1000))}),
             [](Call& c, int64_t id) {
               return Apologise(c.db(), Data(c), id, c.BodyStr("new_due"), c.BodyStr("reason"), c.BodyStr("at"), c.actor());
             });
  step_route("/dossiers/{id}/result", "returnDossierResult",
             "Trả kết quả: thực hiện thủ tục vào cơ sở dữ liệu (tờ khai, thẻ BHYT, hồ sơ hưởng chế độ) đúng một lần",
             "Return the result: the procedure changes the record, exactly once", StepBody({}),
             [](Call& c, int64_t id) { return ReturnResult(c.db(), Data(c), Engines(c), id, c.BodyStr("note"), c.BodyStr("at"), c.actor()); });

  t.Add(Route::Post("/dossiers/{id}/rating", "rateDossier")
            .Tag("services")
            .Summary("Đánh giá mức độ hài lòng với hồ sơ đã có kết quả (5 yếu tố, thang 1–5)", "Rate a finished dossier")
            .Permission("services.rate")
            .PathParam("id", IdParam(), "Số hồ sơ / dossier id")
            .OwnedBy(DossierOwner)
            .JsonBody(Schema::Object({Req("accessibility", S::Int(1, 5)), Req("procedures", S::Int(1, 5)),
                                      Req("service_quality", S::Int(1, 5)), Req("results", S::Int(1, 5)),
                                      Req("feedback_handling", S::Int(1, 5)), Opt("comment", S::Text(2000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, DossierSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              const Json& b = c.Body();
              Rating r{b["accessibility"].get<int>(), b["procedures"].get<int>(), b["service_quality"].get<int>(),
                       b["results"].get<int>(), b["feedback_handling"].get<int>(), c.BodyStr("comment"), "", ""};
              BHXH_ASSIGN_OR_RETURN(Dossier d, RateDossier(c.db(), id, r, c.actor()));
              return Reply::Ok(ToJson(d));
            }));

  t.Add(Route::Post("/dossiers/{id}/attachments", "attachToDossier")
            .Tag("services")
            .Summary("Đính kèm một tệp vào hồ sơ (giữ SHA-256, giới hạn dung lượng)", "Attach a file (SHA-256 kept, size limit)")
            .Permission("services.file")
            .PathParam("id", IdParam(), "Số hồ sơ / dossier id")
            .Query("name", S::Text(200), "Tên tệp (mặc định: tep-N)")
            .OwnedBy(DossierOwner)
            .RawBody({"application/pdf", "image/jpeg", "application/xml", "text/xml", "text/plain",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"},
                     "Tệp đính kèm / the file", 32u << 20)
            .Idempotent(Idempotency::kRequired)
            .Returns(201, AttachmentSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              const std::string* ct = c.request().Header("content-type");
              std::string media = ct ? ct->substr(0, ct->find(';')) : "application/octet-stream";
              BHXH_ASSIGN_OR_RETURN(Attachment a, AddAttachment(c.db(), Data(c), id, c.Str("name"), media, c.RawBody(), c.actor()));
              return Reply::Created(ToJson(a));
            }));

  t.Add(Route::Get("/dossiers/{id}/attachments/{seq}", "getDossierAttachment")
            .Tag("services")
            .Summary("Tải một tệp đính kèm (kiểm tra SHA-256)", "Download an attachment (SHA-256 checked)")
            .Permission("services.dossiers.read")
            .PathParam("id", IdParam(), "Số hồ sơ / dossier id")
            .PathParam("seq", S::Text(4).Pattern(R"(\d{1,4})", "số", "a number"), "Số thứ tự tệp")
            .OwnedBy(DossierOwner)
            .ReturnsFile(200, {"application/octet-stream"}, "Tệp như đã nộp / the file as filed")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(int64_t seq, ParseInt(c.Path("seq"), "seq", 1, 9999));
              BHXH_ASSIGN_OR_RETURN(auto a, ReadAttachment(c.db(), id, static_cast<int>(seq)));
              return Reply::File(std::move(a.second), a.first.media_type, a.first.name);
            }));

  t.Add(Route::Get("/dossiers/{id}/slips/{form}", "dossierSlip")
            .Tag("services")
            .Summary("Phiếu in của hồ sơ: 01 tiếp nhận và hẹn trả, 02 yêu cầu bổ sung, 03 từ chối, 04 xin lỗi, 05 kiểm soát",
                     "A printable slip of the dossier (01–05)")
            .Permission("services.dossiers.read")
            .PathParam("id", IdParam(), "Số hồ sơ / dossier id")
            .PathParam("form", S::OneOf({"01", "02", "03", "04", "05"}), "Mẫu phiếu")
            .OwnedBy(DossierOwner)
            .ReturnsFile(200, {"text/html"}, "Trang in / printable page")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(std::string html, SlipHtml(c.db(), Data(c), id, c.Path("form")));
              return Reply::Inline(std::move(html), "text/html; charset=utf-8");
            }));

  t.Add(Route::Get("/services/tracking-book", "trackingBook")
            .Tag("services")
            .Summary("Sổ theo dõi hồ sơ (Mẫu 06)", "The dossier tracking book (form 06)")
            .Permission("services.process")
            .Query("from", S::Date(), "Từ ngày", true)
            .Query("to", S::Date(), "Đến ngày", true)
            .Query("province", S::ProvinceCode(), "Tỉnh")
            .ReturnsFile(200, {"text/html"}, "Trang in / printable page")
            .Handle([](Call& c) -> Result<Reply> {
              DossierFilter f;
              f.provinces = ScopeProvinces(c);
              if (c.Has("province")) {
                if (c.scope().scope == GrantScope::kProvince &&
                    std::find(f.provinces.begin(), f.provinces.end(), c.Str("province")) == f.provinces.end())
                  return Status::Error("forbidden", "province", "Chỉ xem hồ sơ của tỉnh mình", "own province only");
                f.provinces = {c.Str("province")};
              }
              BHXH_ASSIGN_OR_RETURN(Date from, Date::Parse(c.Str("from"), "from"));
              BHXH_ASSIGN_OR_RETURN(Date to, Date::Parse(c.Str("to"), "to"));
              BHXH_ASSIGN_OR_RETURN(std::string html, TrackingBookHtml(c.db(), f, from, to));
              return Reply::Inline(std::move(html), "text/html; charset=utf-8");
            }));

  t.Add(Route::Get("/services/indicators", "serviceIndicators")
            .Tag("services")
            .Summary("Chỉ số dịch vụ công: đúng hạn, thời gian giải quyết, trực tuyến, hài lòng, PAKN, tài khoản điện tử",
                     "Service indicators with their method")
            .Permission("services.indicators.read")
            .Query("from", S::Date(), "Từ ngày", true)
            .Query("to", S::Date(), "Đến ngày", true)
            .Query("province", S::ProvinceCode(), "Tỉnh")
            .Returns(200, Schema::Object({Req("from", S::Date()), Req("to", S::Date()), Req("on_time", ShareSchema()),
                                          Req("online_dossiers", ShareSchema()), Req("procedures_fully_online", ShareSchema()),
                                          Req("feedback_on_time", ShareSchema()), Req("feedback_satisfied", ShareSchema()),
                                          Req("e_accounts", ShareSchema()), Req("ratings", Schema::Integer()),
                                          Req("satisfaction_pct", Schema::Number().Nullable()),
                                          Req("satisfaction_target_pct", Schema::Number().Nullable()),
                                          Req("satisfaction_by_factor", Schema::Map(Schema::Number())),
                                          Req("open", Schema::Integer()), Req("open_overdue", Schema::Integer()),
                                          Req("by_procedure", Schema::Array(Schema::Object(
                                                                  {Req("code", Schema::String()), Req("name", Schema::String()),
                                                                   Req("finished", Schema::Integer()),
                                                                   Req("avg_working_days", Schema::Number()),
                                                                   Req("on_time", Schema::Integer()), Req("late", Schema::Integer())})
                                                                                       .Named("ProcedureTime"))),
                                          Req("method", Schema::Array(Schema::String()))}))
            .Handle([](Call& c) -> Result<Reply> {
              std::vector<std::string> provinces = ScopeProvinces(c);
              if (c.Has("province")) {
                if (c.scope().scope == GrantScope::kProvince &&
                    std::find(provinces.begin(), provinces.end(), c.Str("province")) == provinces.end())
                  return Status::Error("forbidden", "province", "Chỉ xem số liệu của tỉnh mình", "own province only");
                provinces = {c.Str("province")};
              }
              BHXH_ASSIGN_OR_RETURN(Date from, Date::Parse(c.Str("from"), "from"));
              BHXH_ASSIGN_OR_RETURN(Date to, Date::Parse(c.Str("to"), "to"));
              BHXH_ASSIGN_OR_RETURN(ServiceIndicators r, ComputeServiceIndicators(c.db(), Data(c), provinces, from, to, Date::Today()));
              Json by = Json::array();
              for (const auto& p : r.by_procedure)
                by.push_back({{"code", p.code}, {"name", p.name}, {"finished", p.finished}, {"avg_working_days", p.avg_working_days},
                              {"on_time", p.on_time}, {"late", p.late}});
              Json factors = Json::object();
              for (const auto& [k, v] : r.satisfaction_by_factor) factors[k] = v;
              return Reply::Ok({{"from", r.from.ToString()}, {"to", r.to.ToString()}, {"on_time", ShareJson(r.on_time)},
                                {"online_dossiers", ShareJson(r.online_dossiers)},
                                {"procedures_fully_online", ShareJson(r.procedures_fully_online)},
                                {"feedback_on_time", ShareJson(r.feedback_on_time)},
                                {"feedback_satisfied", ShareJson(r.feedback_satisfied)}, {"e_accounts", ShareJson(r.e_accounts)},
                                {"ratings", r.ratings},
                                {"satisfaction_pct", r.satisfaction_pct ? Json(*r.satisfaction_pct) : Json(nullptr)},
                                {"satisfaction_target_pct", r.satisfaction_target_pct ? Json(*r.satisfaction_target_pct) : Json(nullptr)},
                                {"satisfaction_by_factor", factors}, {"open", r.open}, {"open_overdue", r.open_overdue},
                                {"by_procedure", by}, {"method", r.method}});
            }));

  t.Add(Route::Post("/services/feedback", "sendFeedback")
            .Tag("services")
            .Summary("Gửi phản ánh, kiến nghị (PAKN)", "Send feedback or a recommendation")
            .Permission("services.feedback.send")
            .Idempotent(Idempotency::kRequired)
            .JsonBody(Schema::Object({Req("province", S::ProvinceCode()), Req("subject", S::Text(300)), Req("content", S::Text(5000)),
                                      Opt("from_name", S::Text(200)), Opt("cccd", S::Cccd()), Opt("received_on", S::Date())}))
            .OwnedBy([](Call& c) -> Result<Owner> {
              std::string cccd = c.BodyStr("cccd");
              if (c.actor().Is("citizen") && cccd.empty()) cccd = c.actor().cccd;
              return Owner{c.BodyStr("province"), "", "", cccd};
            })
            .Returns(201, FeedbackSchema())
            .Handle([](Call& c) -> Result<Reply> {
              FeedbackInput in{c.BodyStr("received_on"), c.BodyStr("province"), c.BodyStr("from_name"), c.BodyStr("cccd"),
                               c.BodyStr("subject"), c.BodyStr("content"), c.idempotency_key()};
              if (c.actor().Is("citizen")) {
                in.cccd = c.actor().cccd;
                in.received_on = "";
                if (in.from_name.empty()) in.from_name = c.actor().name.empty() ? in.cccd : c.actor().name;
              }
              if (in.received_on.empty()) in.received_on = Date::Today().ToString();
              BHXH_ASSIGN_OR_RETURN(Feedback f, ReceiveFeedback(c.db(), Data(c), in, c.actor()));
              return f.replayed ? Reply::Ok(ToJson(f)) : Reply::Created(ToJson(f));
            }));

  t.Add(Route::Get("/services/feedback", "listFeedback")
            .Tag("services")
            .Summary("Phản ánh, kiến nghị và hạn trả lời", "Feedback and its answer deadlines")
            .Permission("services.feedback.read")
            .Query("open", S::Bool(), "Chỉ phản ánh chưa trả lời")
            .Returns(200, Schema::Object({Req("feedback", Schema::Array(FeedbackSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              std::string cccd = c.scope().scope == GrantScope::kOwn ? c.scope().cccd : "";
              if (c.scope().scope == GrantScope::kOwn && cccd.empty()) cccd = "-";
              BHXH_ASSIGN_OR_RETURN(auto list, ListFeedback(c.db(), ScopeProvinces(c), cccd, c.Bool("open"), 500));
              Json a = Json::array();
              for (const auto& f : list) a.push_back(ToJson(f));
              return Reply::Ok({{"feedback", a}});
            }));

  t.Add(Route::Post("/services/feedback/{id}/answer", "answerFeedback")
            .Tag("services")
            .Summary("Trả lời phản ánh, kiến nghị", "Answer feedback")
            .Permission("services.process")
            .PathParam("id", IdParam(), "Số phản ánh")
            .OwnedBy(FeedbackOwner)
            .JsonBody(Schema::Object({Req("on", S::Date()), Req("answer", S::Text(5000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, FeedbackSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(Feedback f, AnswerFeedback(c.db(), id, c.BodyStr("on"), c.BodyStr("answer"), c.actor()));
              return Reply::Ok(ToJson(f));
            }));

  t.Add(Route::Post("/services/feedback/{id}/judgement", "judgeFeedbackAnswer")
            .Tag("services")
            .Summary("Người gửi đánh giá câu trả lời (hài lòng hay không)", "The sender judges the answer")
            .Permission("services.feedback.send")
            .PathParam("id", IdParam(), "Số phản ánh")
            .OwnedBy(FeedbackOwner)
            .JsonBody(Schema::Object({Req("satisfied", S::Bool())}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, FeedbackSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(Feedback f, JudgeAnswer(c.db(), id, c.Body()["satisfied"].get<bool>(), c.actor()));
              return Reply::Ok(ToJson(f));
            }));
}

}  // namespace bhxh
