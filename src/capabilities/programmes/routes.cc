// The programmes' API: import a decision, its tasks and their progress,
// follow-up, the annual report, the deadline calendar, units, indicators.
// Officers only (the agency's own programmes are internal).
#include "base/text.h"
#include "platform/http/route_table.h"
#include "programmes/json.h"
#include "programmes/coverage.h"
#include "programmes/module.h"
#include "programmes/schemas.h"
#include "programmes/store.h"

namespace bhxh {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

ProgrammesState& State(Call& c) { return c.ctx().State<ProgrammesState>(); }

Result<const Unit*> FindUnit(const UnitRegistry& units, const std::string& name) {
  const Unit* u = units.Find(name);
  if (!u) u = units.ById(name);
  if (!u) return Status::Invalid("unit", "Không có đơn vị " + name, "unknown unit " + name);
  return u;
}

Schema RefParam() { return S::Text(80).Length(1, 80); }
constexpr const char* kRefHelp =
    "Số quyết định (249/QĐ-BHXH, '/' viết %2F) hoặc mã chương trình / decision number or id";

}  // namespace

void ProgrammesRoutes(RouteTable& t) {
  t.AddTag("programmes",
           "Chương trình, nhiệm vụ, chỉ tiêu chiến lược từ các quyết định / programmes, tasks, indicators (M11, M12)");

  t.Add(Route::Post("/programmes", "importProgramme")
            .Tag("programmes")
            .Summary("Nhập quyết định từ tệp (văn bản, Word, PDF, HTML, Markdown)",
                     "Import a decision from its file (text, Word, PDF, HTML, Markdown)")
            .Describe("dry_run=true: chỉ trích xuất, không lưu; replace=true: thay bản đã nhập cùng số / "
                      "dry_run: extract only; replace: replace the stored text of the same number.")
            .Permission("programmes.write")
            .Query("dry_run", S::Bool(), "Chỉ trích xuất / extract only")
            .Query("replace", S::Bool(), "Thay bản đã nhập / replace")
            .RawBody({"text/plain", "text/markdown", "text/html",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf",
                      "application/octet-stream"},
                     "Tệp quyết định: văn bản UTF-8, Word .docx, PDF có lớp chữ, trang HTML hoặc Markdown; loại tệp "
                     "nhận ra từ nội dung / the decision's file: UTF-8 text, Word .docx, PDF with a text layer, an "
                     "HTML page or Markdown, recognised from its content",
                     kMaxDecisionFileBytes)
            .Heavy()
            .NoDb()  // a dry run needs none; storing leases its own connection
            .Returns(201, schemas::ImportedProgramme())
            .Returns(200, schemas::ImportedProgramme(),
                     "Đã có sẵn (cùng văn bản) hoặc chỉ trích xuất / replayed or dry run")
            .Handle([](Call& c) -> Result<Reply> {
              auto units = State(c).units();
              std::string text;
              BHXH_ASSIGN_OR_RETURN(ImportedProgramme p, ImportDecisionFile(c.RawBody(), *units, &text));
              Json extract = ToJson(p);
              if (c.Bool("dry_run")) return Reply::Ok(extract);
              if (!c.ctx().pool)
                return Status::Error("unavailable", "db", "Cần cơ sở dữ liệu để lưu", "storing needs a database");
              BHXH_ASSIGN_OR_RETURN(auto lease, c.ctx().pool->Acquire());
              BHXH_ASSIGN_OR_RETURN(auto saved, SaveProgramme(*lease, p, text, c.Bool("replace"), c.actor()));
              extract["programme"]["id"] = saved.programme.id;
              extract["stored"] = {
                  {"id", saved.programme.id}, {"replayed", saved.replayed}, {"replaced", saved.replaced}};
              return Reply::With(saved.replayed ? 200 : 201, extract);
            }));

  t.Add(Route::Get("/programmes", "listProgrammes")
            .Tag("programmes")
            .Summary("Danh sách chương trình đã nhập", "Programmes imported")
            .Permission("programmes.read")
            .Paged(100, 1000)
            .Returns(200, Schema::Object({Req("programmes", Schema::Array(schemas::StoredProgramme())),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto r, ListProgrammes(c.db()));
              Json all = Json::array();
              for (const auto& p : r) all.push_back(ToJson(p));
              Json out = Json::object();
              c.Paginate(out, "programmes", std::move(all));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/programmes/{ref}", "getProgramme")
            .Tag("programmes")
            .Summary("Một chương trình và nội dung trích xuất", "One programme with its extraction")
            .Permission("programmes.read")
            .PathParam("ref", RefParam(), kRefHelp)
            .Returns(200, schemas::StoredProgramme())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
              BHXH_ASSIGN_OR_RETURN(std::string extract, LoadExtract(c.db(), p.id));
              Json j = ToJson(p);
              auto e = ParseJson(extract, 256);
              if (!e.ok()) return Status::Internal("stored extraction is not JSON");
              j["extracted"] = std::move(*e);
              return Reply::Ok(j);
            }));

  t.Add(
      Route::Get("/programmes/{ref}/tasks", "programmeTasks")
          .Tag("programmes")
          .Summary("Nhiệm vụ của chương trình và tình trạng", "A programme's tasks with their state")
          .Permission("programmes.read")
          .PathParam("ref", RefParam(), kRefHelp)
          .Query("unit", S::Text(200), "Đơn vị chủ trì hoặc phối hợp (mã hoặc tên) / unit in charge or coordinating")
          .Query("status", S::OneOf({"not_started", "in_progress", "done", "blocked"}), "Trạng thái / status")
          .Query("overdue", S::Bool(), "Chỉ nhiệm vụ quá hạn hoặc thiếu báo cáo kỳ / overdue only")
          .Query("leader", S::Text(100), "Lãnh đạo phụ trách (một phần họ tên) / leader")
          .Query("as_of", S::Date(), "Tính đến ngày (mặc định hôm nay) / as of")
          .Paged(200, 2000)
          .Returns(200, Schema::Object({Req("programme", Schema::String()), Req("as_of", S::Date()),
                                        Req("tasks", Schema::Array(schemas::TaskState())), Req("page", PageSchema())}))
          .Handle([](Call& c) -> Result<Reply> {
            auto units = State(c).units();
            BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
            Date as_of = c.DateOr("as_of", Date::Today());
            BHXH_ASSIGN_OR_RETURN(auto states, TaskStates(c.db(), p.id, as_of));
            const Unit* u = nullptr;
            if (c.Has("unit")) {
              BHXH_ASSIGN_OR_RETURN(u, FindUnit(*units, c.Str("unit")));
            }
            std::string leader = FoldOrSelf(c.Str("leader"));
            Json all = Json::array();
            for (const auto& s : states) {
              auto names = [&](const std::vector<std::string>& v) {
                return std::find(v.begin(), v.end(), u ? u->id : "") != v.end();
              };
              if (u && !names(s.task.lead_units) && !names(s.task.coordinating_units)) continue;
              if (c.Has("status") && s.status != c.Str("status")) continue;
              if (c.Bool("overdue") && !s.overdue && s.missing_periods.empty()) continue;
              if (!leader.empty() && FoldOrSelf(s.task.leader).find(leader) == std::string::npos) continue;
              all.push_back(ToJson(s, *units));
            }
            Json out = {{"programme", p.number}, {"as_of", as_of.ToString()}};
            c.Paginate(out, "tasks", std::move(all));
            return Reply::Ok(out);
          }));

  t.Add(Route::Post("/programmes/{ref}/tasks/{key}/progress", "postProgress")
            .Tag("programmes")
            .Summary("Báo cáo tiến độ một nhiệm vụ", "Post progress on a task")
            .Permission("programmes.progress")
            .PathParam("ref", RefParam(), kRefHelp)
            .PathParam("key", S::Text(40).Length(1, 40), "Mã nhiệm vụ như trong danh sách (1.1, II.a.3) / task key")
            .JsonBody(Schema::Object(
                {Req("unit", S::Text(200).Length(1, 200)),
                 Req("status", S::OneOf({"not_started", "in_progress", "done", "blocked"})),
                 Opt("percent", S::Int(0, 100)),
                 Opt("period", Schema::String().Pattern("\\d{4}(-H[12]|-Q[1-4]|-\\d{2})?",
                                                        "YYYY, YYYY-Hn (nửa năm), YYYY-Qn hoặc YYYY-MM",
                                                        "YYYY, YYYY-Hn (half year), YYYY-Qn or YYYY-MM")),
                 Opt("note", S::Text(20000)), Opt("evidence", S::Text(20000)), Opt("difficulties", S::Text(20000)),
                 Opt("lessons", S::Text(20000)), Opt("idempotency_key", S::Key())}))
            .Idempotent(Idempotency::kOptional)
            .Returns(201, Schema::Object({Req("progress", schemas::ProgressEntry()), Req("replayed", S::Bool())}))
            .Handle([](Call& c) -> Result<Reply> {
              auto units = State(c).units();
              ProgressInput in{c.Path("ref"),       c.Path("key"),         c.BodyStr("unit"),
                               c.BodyStr("status"), c.BodyStr("percent"),  c.BodyStr("period"),
                               c.BodyStr("note"),   c.BodyStr("evidence"), c.BodyStr("difficulties"),
                               c.BodyStr("lessons")};
              BHXH_ASSIGN_OR_RETURN(auto r, PostProgress(c.db(), *units, in, Date::Today(), c.actor()));
              return Reply::Created({{"progress", ToJson(r.entry)}, {"replayed", r.replayed}});
            }));

  t.Add(Route::Get("/programmes/{ref}/tasks/{key}/progress", "progressHistory")
            .Tag("programmes")
            .Summary("Lịch sử báo cáo tiến độ của một nhiệm vụ", "A task's progress history")
            .Permission("programmes.read")
            .PathParam("ref", RefParam(), kRefHelp)
            .PathParam("key", S::Text(40).Length(1, 40), "Mã nhiệm vụ / task key")
            .Returns(200, Schema::Object({Req("programme", Schema::String()), Req("task_key", Schema::String()),
                                          Req("history", Schema::Array(schemas::ProgressEntry()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
              BHXH_ASSIGN_OR_RETURN(auto r, ProgressHistory(c.db(), p.id, c.Path("key")));
              Json out = Json::array();
              for (const auto& e : r) out.push_back(ToJson(e));
              return Reply::Ok({{"programme", p.number}, {"task_key", c.Path("key")}, {"history", out}});
            }));

  t.Add(
      Route::Get("/followup", "followUp")
          .Tag("programmes")
          .Summary("Danh sách theo dõi, đôn đốc theo đơn vị hoặc lãnh đạo", "Tasks to follow up, by unit or by leader")
          .Permission("programmes.read")
          .Query("programme", RefParam(), "Một chương trình (mặc định tất cả) / one programme")
          .Query("unit", S::Text(200), "Đơn vị (mã hoặc tên) / unit")
          .Query("leader", S::Text(100), "Lãnh đạo (một phần họ tên) / leader")
          .Query("by", S::OneOf({"unit", "leader"}), "Nhóm theo đơn vị (mặc định) hoặc lãnh đạo / group by")
          .Query("include_done", S::Bool(), "Gồm cả nhiệm vụ đã xong / include tasks done")
          .Query("as_of", S::Date(), "Tính đến ngày / as of")
          .Returns(200, Schema::Object({Req("as_of", S::Date()), Req("by", S::OneOf({"unit", "leader"})),
                                        Req("groups", Schema::Array(schemas::FollowUpGroup()))}))
          .Handle([](Call& c) -> Result<Reply> {
            auto units = State(c).units();
            Date as_of = c.DateOr("as_of", Date::Today());
            int64_t pid = 0;
            if (c.Has("programme")) {
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Str("programme")));
              pid = p.id;
            }
            FollowUpFilter f;
            if (c.Has("unit")) {
              BHXH_ASSIGN_OR_RETURN(const Unit* u, FindUnit(*units, c.Str("unit")));
              f.unit = u->id;
            }
            f.leader = c.Str("leader");
            f.by_leader = c.Str("by") == "leader" || !f.leader.empty();
            f.include_done = c.Bool("include_done");
            BHXH_ASSIGN_OR_RETURN(auto states, TaskStates(c.db(), pid, as_of));
            Json out = Json::array();
            for (const auto& g : FollowUp(states, *units, f)) out.push_back(ToJson(g, *units));
            return Reply::Ok({{"as_of", as_of.ToString()}, {"by", f.by_leader ? "leader" : "unit"}, {"groups", out}});
          }));

  t.Add(Route::Get("/programmes/{ref}/report", "annualReport")
            .Tag("programmes")
            .Summary("Báo cáo năm của chương trình (249/QĐ-BHXH §V.1)", "A programme's annual report")
            .Permission("programmes.read")
            .PathParam("ref", RefParam(), kRefHelp)
            .Query("year", S::Year(), "Năm (mặc định năm nay) / year")
            .Query("format", S::OneOf({"json", "md", "html", "xlsx"}), "json (mặc định), md, html, xlsx")
            .Returns(200, schemas::AnnualReport())
            .ReturnsFile(200, {"text/markdown", "text/html", kXlsx}, "Báo cáo dạng tệp / the report as a file")
            .Handle([](Call& c) -> Result<Reply> {
              auto units = State(c).units();
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
              Date today = Date::Today();
              int year = static_cast<int>(c.Int("year", today.year()));
              BHXH_ASSIGN_OR_RETURN(auto r, BuildAnnualReport(c.db(), State(c).measures, p.id, year, today));
              std::string format = c.Str("format", "json");
              std::string base = "bao-cao-" + std::to_string(year) + "-" + p.number;
              for (auto& ch : base)
                if (ch == '/') ch = '-';
              if (format == "md")
                return Reply::File(ReportMarkdown(r, *units), "text/markdown; charset=utf-8", base + ".md");
              if (format == "html") return Reply::Inline(ReportHtml(r, *units), "text/html; charset=utf-8");
              if (format == "xlsx") {
                BHXH_ASSIGN_OR_RETURN(std::string x, ReportXlsx(r, *units));
                return Reply::File(std::move(x), kXlsx, base + ".xlsx");
              }
              return Reply::Ok(ToJson(r, *units));
            }));

  t.Add(Route::Get("/deadlines", "deadlines")
            .Tag("programmes")
            .Summary("Lịch hạn báo cáo và hạn nhiệm vụ", "The calendar of report and task deadlines")
            .Permission("programmes.read")
            .Query("from", S::Date(), "Từ ngày (mặc định hôm nay) / from")
            .Query("to", S::Date(), "Đến ngày (mặc định một năm sau) / to")
            .Returns(200, Schema::Object({Req("from", S::Date()), Req("to", S::Date()),
                                          Req("deadlines", Schema::Array(schemas::Deadline()))}))
            .Handle([](Call& c) -> Result<Reply> {
              Date today = Date::Today();
              Date from = c.DateOr("from", today);
              Date to = c.DateOr("to", from.AddDays(365));
              if (to < from) return Status::Invalid("to", "Ngày kết thúc trước ngày bắt đầu", "to is before from");
              BHXH_ASSIGN_OR_RETURN(auto r, DeadlineCalendar(c.db(), from, to, today));
              Json out = Json::array();
              for (const auto& d : r) out.push_back(ToJson(d));
              return Reply::Ok({{"from", from.ToString()}, {"to", to.ToString()}, {"deadlines", out}});
            }));

  t.Add(Route::Get("/units", "units")
            .Tag("programmes")
            .Summary("Danh mục đơn vị", "The unit registry")
            .Permission("programmes.read")
            .NoDb()
            .Returns(200, Schema::Object({Req("units", Schema::Array(schemas::Unit()))}))
            .Handle([](Call& c) -> Result<Reply> {
              Json out = Json::array();
              for (const auto& u : State(c).units()->units()) out.push_back(ToJson(u));
              return Reply::Ok({{"units", out}});
            }));

  t.Add(Route::Get("/units/unknown", "unknownUnits")
            .Tag("programmes")
            .Summary("Tên đơn vị chưa có trong danh mục, kèm nhiệm vụ, dòng và ô (chủ trì / phối hợp)",
                     "Unit names not in the registry, with tasks, lines and cells (lead / coordinating)")
            .Permission("programmes.read")
            .Returns(200, Schema::Object({Req(
                              "unknown",
                              Schema::Array(Schema::Object(
                                  {Req("name", Schema::String()),
                                   Req("tasks", Schema::Array(Schema::Object({Req("programme", Schema::String()),
                                                                              Req("key", Schema::String()),
                                                                              Req("line", Schema::Integer()),
                                                                              Opt("cell", Schema::String())})))})))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto tasks, LoadTasks(c.db(), 0));
              std::map<std::string, Json> names;
              for (const auto& task : tasks)
                for (size_t k = 0; k < task.unknown_units.size(); ++k) {
                  const std::string& n = task.unknown_units[k];
                  Json& e = names[n];
                  if (e.is_null()) e = {{"name", n}, {"tasks", Json::array()}};
                  Json where = {{"programme", task.programme_number}, {"key", task.key}, {"line", task.first_line}};
                  if (k < task.unknown_cells.size()) where["cell"] = task.unknown_cells[k];
                  e["tasks"].push_back(std::move(where));
                }
              Json out = Json::array();
              for (auto& [n, e] : names) out.push_back(e);
              return Reply::Ok({{"unknown", out}});
            }));

  t.Add(
      Route::Post("/units/aliases", "mapUnit")
          .Tag("programmes")
          .Summary("Ánh xạ một tên vào đơn vị", "Map a name to a unit")
          .Permission("programmes.write")
          .JsonBody(Schema::Object({Req("name", S::Text(300).Length(1, 300)), Req("unit", S::Text(40).Length(1, 40))}))
          .Returns(201, Schema::Object({Req("name", Schema::String()), Req("unit", Schema::String()),
                                        Req("tasks_updated", Schema::Integer())}))
          .Handle([](Call& c) -> Result<Reply> {
            BHXH_ASSIGN_OR_RETURN(int n, State(c).MapUnit(c.db(), c.BodyStr("name"), c.BodyStr("unit"), c.actor()));
            return Reply::Created({{"name", c.BodyStr("name")}, {"unit", c.BodyStr("unit")}, {"tasks_updated", n}});
          }));

  t.Add(Route::Get("/programmes/{ref}/indicators", "programmeIndicators")
            .Tag("programmes")
            .Summary("Chỉ tiêu: giá trị, lộ trình đến mục tiêu, đánh giá",
                     "Indicators: values, path to the targets, status")
            .Permission("programmes.read")
            .PathParam("ref", RefParam(), kRefHelp)
            .Query("province", S::ProvinceCode(), "Tỉnh (mặc định toàn quốc) / province")
            .Returns(200, Schema::Object({Req("programme", Schema::String()), Req("province", Schema::String()),
                                          Req("indicators", Schema::Array(schemas::IndicatorStatus()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
              BHXH_ASSIGN_OR_RETURN(auto r, IndicatorStatuses(c.db(), State(c).measures, p.id, c.Str("province")));
              Json out = Json::array();
              for (const auto& s : r) out.push_back(ToJson(s));
              return Reply::Ok({{"programme", p.number}, {"province", c.Str("province")}, {"indicators", out}});
            }));

  t.Add(Route::Post("/programmes/{ref}/indicators/{key}/values", "recordIndicatorValue")
            .Tag("programmes")
            .Summary("Nhập giá trị chỉ tiêu của một năm", "Enter an indicator's value for a year")
            .Permission("programmes.write")
            .PathParam("ref", RefParam(), kRefHelp)
            .PathParam("key", S::Text(20).Length(1, 20), "Mã chỉ tiêu (1, 1.1) / indicator key")
            .JsonBody(Schema::Object(
                {Req("year", S::Year()), Opt("province", S::ProvinceCode()),
                 Req("value", Schema::String().Pattern("\\d{1,9}([.,]\\d{1,4})?", "số, dấu phẩy hoặc chấm thập phân",
                                                       "a number, '.' or ',' decimals"))}))
            .Returns(201, schemas::IndicatorValue())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
              BHXH_ASSIGN_OR_RETURN(auto r, RecordIndicatorValue(c.db(), p.id, c.Path("key"),
                                                                 static_cast<int>(c.Body()["year"].get<int64_t>()),
                                                                 c.BodyStr("province"), c.BodyStr("value"), c.actor()));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/programmes/{ref}/indicators/{key}/compute", "computeIndicator")
            .Tag("programmes")
            .Summary("Tính chỉ tiêu từ cơ sở dữ liệu quốc gia", "Compute an indicator from the national database")
            .Permission("programmes.write")
            .PathParam("ref", RefParam(), kRefHelp)
            .PathParam("key", S::Text(20).Length(1, 20), "Mã chỉ tiêu / indicator key")
            .OptionalJsonBody(Schema::Object({Opt("year", S::Year()), Opt("province", S::ProvinceCode())}))
            .Heavy()
            .Returns(201, schemas::IndicatorValue())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto p, FindProgramme(c.db(), c.Path("ref")));
              Date today = Date::Today();
              int year = c.Body().contains("year") ? static_cast<int>(c.Body()["year"].get<int64_t>()) : today.year();
              BHXH_ASSIGN_OR_RETURN(auto r,
                                    ComputeIndicatorValue(c.db(), State(c).measures, p.id, c.Path("key"), year,
                                                          c.BodyStr("province"), today, c.actor(), &c.ctx().geo));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/coverage-snapshots", "snapshotCoverage")
            .Tag("programmes")
            .Summary("Chốt số liệu bao phủ của một ngày theo tỉnh (chỉ tiêu đọc số liệu chốt)",
                     "Count a day's coverage per province once; the indicators then read it")
            .Permission("programmes.write")
            .OptionalJsonBody(Schema::Object({Opt("day", S::Date())}))
            .Heavy()
            .Returns(201, Schema::Object({Req("day", S::Date()), Req("provinces", Schema::Integer()),
                                          Req("alive", Schema::Integer()), Req("hi", Schema::Integer()),
                                          Req("si", Schema::Integer()), Req("ui", Schema::Integer()),
                                          Req("voluntary", Schema::Integer()), Req("cut_off", Schema::String()),
                                          Req("seconds", Schema::Number())})
                              .Named("CoverageSnapshot"))
            .Handle([](Call& c) -> Result<Reply> {
              Date day = Date::Today();
              if (c.Body().contains("day")) {
                BHXH_ASSIGN_OR_RETURN(day, Date::Parse(c.BodyStr("day"), "day"));
              }
              if (day > Date::Today())
                return Status::Invalid("day", "Không chốt số liệu cho ngày chưa đến", "the day has not come");
              BHXH_ASSIGN_OR_RETURN(CoverageSnapshot s, SnapshotCoverage(c.db(), day, c.actor()));
              return Reply::Created({{"day", s.day.ToString()},
                                     {"provinces", s.provinces},
                                     {"alive", s.country.alive},
                                     {"hi", s.country.hi},
                                     {"si", s.country.si},
                                     {"ui", s.country.ui},
                                     {"voluntary", s.country.voluntary},
                                     {"cut_off", s.country.cut_off},
                                     {"seconds", s.seconds}});
            }));

  t.Add(Route::Post("/denominators", "recordDenominator")
            .Tag("programmes")
            .Summary("Nhập mẫu số: lực lượng lao động, dân số của tỉnh và năm",
                     "Enter a denominator: labour force or population")
            .Permission("programmes.write")
            .JsonBody(
                Schema::Object({Req("kind", S::OneOf({"labour_force", "population", "retirement_age_population"})),
                                Opt("province", S::ProvinceCode()), Req("year", S::Year()),
                                Req("value", S::Int(1, 9'999'999'999)), Req("source", S::Text(300).Length(1, 300))}))
            .Returns(201, Schema::Object({Req("recorded", S::Bool())}))
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              BHXH_RETURN_IF_ERROR(RecordDenominator(c.db(), c.BodyStr("kind"), c.BodyStr("province"),
                                                     static_cast<int>(b["year"].get<int64_t>()),
                                                     b["value"].get<int64_t>(), c.BodyStr("source"), c.actor()));
              return Reply::Created({{"recorded", true}});
            }));
}

}  // namespace bhxh
