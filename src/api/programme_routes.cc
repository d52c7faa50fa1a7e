// Routes for programmes, tasks, progress, follow-up, reports, deadlines,
// units and indicators (issue #3). Thin: parse, call one engine, render.
#include <nlohmann/json.hpp>

#include "api/http_util.h"
#include "api/routes.h"
#include "base/text.h"
#include "programs/json.h"
#include "views/json_views.h"

namespace bhxh {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& body, const char* k) {
  if (!body.is_object() || !body.contains(k) || body[k].is_null()) return "";
  return body[k].is_string() ? body[k].get<std::string>() : body[k].dump();
}

Result<int> YearParam(const std::string& v, const std::string& field, int def) {
  if (v.empty()) return def;
  if (!IsDigits(v) || v.size() != 4) return Status::Invalid(field, "Năm gồm 4 chữ số", "year is 4 digits");
  return std::stoi(v);
}

HttpResponse Import(AppContext& ctx, Db& db, const HttpRequest& req, const Actor& actor) {
  auto units = ctx.CurrentUnits();
  // The body is the decision's raw text, or JSON {"text": ..., "replace": bool}.
  std::string text = req.body;
  bool replace = Q(req, "replace") == "true";
  if (!text.empty() && text[0] == '{') {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    text = Str(*body, "text");
    replace = replace || (body->contains("replace") && (*body)["replace"] == true);
  }
  auto p = ImportDecision(text, *units);
  if (!p.ok()) return Error(p.status());
  Json extract = ToJson(*p);
  if (Q(req, "dry_run") == "true") return Reply(200, extract);
  auto saved = SaveProgramme(db, *p, text, replace, actor);
  if (!saved.ok()) return Error(saved.status());
  extract["programme"]["id"] = saved->programme.id;
  extract["stored"] = {{"id", saved->programme.id}, {"replayed", saved->replayed}, {"replaced", saved->replaced}};
  return Reply(saved->replayed ? 200 : 201, extract);
}

}  // namespace

std::optional<HttpResponse> HandleProgrammeRoutes(AppContext& ctx, Db& db, const HttpRequest& req, const Actor& actor) {
  std::vector<std::string> a;
  const std::string& m = req.method;
  // The agency's own programmes are internal: officers only, for reading too.
  bool ours = false;
  for (const char* prefix : {"/api/v1/programmes", "/api/v1/followup", "/api/v1/deadlines", "/api/v1/units", "/api/v1/denominators"})
    ours |= req.path.rfind(prefix, 0) == 0;
  if (!ours) return std::nullopt;
  if (Status s = RequireOfficer(actor); !s.ok()) return Error(s);
  auto units = ctx.CurrentUnits();
  if (m == "POST" && Match(req.path, "/programmes", a)) return Import(ctx, db, req, actor);
  if (m == "GET" && Match(req.path, "/programmes", a)) {
    auto r = ListProgrammes(db);
    if (!r.ok()) return Error(r.status());
    Json out = Json::array();
    for (const auto& p : *r) out.push_back(ToJson(p));
    return Reply(200, {{"programmes", out}});
  }
  if (m == "GET" && Match(req.path, "/programmes/{ref}", a)) {
    auto p = FindProgramme(db, a[0]);
    if (!p.ok()) return Error(p.status());
    auto extract = LoadExtract(db, p->id);
    if (!extract.ok()) return Error(extract.status());
    Json j = ToJson(*p);
    j["extracted"] = Json::parse(*extract, nullptr, false);
    return Reply(200, j);
  }
  if (m == "GET" && Match(req.path, "/programmes/{ref}/tasks", a)) {
    auto p = FindProgramme(db, a[0]);
    if (!p.ok()) return Error(p.status());
    auto as_of = DateParam(req, "as_of");
    if (!as_of.ok()) return Error(as_of.status());
    auto states = TaskStates(db, p->id, *as_of);
    if (!states.ok()) return Error(states.status());
    std::string unit = Q(req, "unit"), status = Q(req, "status");
    const Unit* u = unit.empty() ? nullptr : units->Find(unit) ? units->Find(unit) : units->ById(unit);
    if (!unit.empty() && !u) return Error(Status::Invalid("unit", "Không có đơn vị " + unit, "unknown unit"));
    Json out = Json::array();
    for (const auto& s : *states) {
      if (u && std::find(s.task.lead_units.begin(), s.task.lead_units.end(), u->id) == s.task.lead_units.end() &&
          std::find(s.task.coordinating_units.begin(), s.task.coordinating_units.end(), u->id) == s.task.coordinating_units.end())
        continue;
      if (!status.empty() && s.status != status) continue;
      if (Q(req, "overdue") == "true" && !s.overdue && s.missing_periods.empty()) continue;
      out.push_back(ToJson(s, *units));
    }
    return Reply(200, {{"programme", p->number}, {"as_of", as_of->ToString()}, {"tasks", out}});
  }
  if (m == "POST" && Match(req.path, "/programmes/{ref}/tasks/{key}/progress", a)) {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    ProgressInput in{a[0], a[1], Str(*body, "unit"), Str(*body, "status"), Str(*body, "percent"), Str(*body, "period"),
                     Str(*body, "note"), Str(*body, "evidence"), Str(*body, "difficulties"), Str(*body, "lessons"),
                     IdempotencyKey(req, *body)};
    auto r = PostProgress(db, *units, in, Date::Today(), actor);
    if (!r.ok()) return Error(r.status());
    return Reply(r->replayed ? 200 : 201, {{"progress", ToJson(r->entry)}, {"replayed", r->replayed}});
  }
  if (m == "GET" && Match(req.path, "/programmes/{ref}/tasks/{key}/progress", a)) {
    auto p = FindProgramme(db, a[0]);
    if (!p.ok()) return Error(p.status());
    auto r = ProgressHistory(db, p->id, a[1]);
    if (!r.ok()) return Error(r.status());
    Json out = Json::array();
    for (const auto& e : *r) out.push_back(ToJson(e));
    return Reply(200, {{"programme", p->number}, {"task_key", a[1]}, {"history", out}});
  }
  if (m == "GET" && Match(req.path, "/followup", a)) {
    auto as_of = DateParam(req, "as_of");
    if (!as_of.ok()) return Error(as_of.status());
    int64_t pid = 0;
    if (!Q(req, "programme").empty()) {
      auto p = FindProgramme(db, Q(req, "programme"));
      if (!p.ok()) return Error(p.status());
      pid = p->id;
    }
    FollowUpFilter f;
    if (!Q(req, "unit").empty()) {
      const Unit* u = units->Find(Q(req, "unit")) ? units->Find(Q(req, "unit")) : units->ById(Q(req, "unit"));
      if (!u) return Error(Status::Invalid("unit", "Không có đơn vị " + Q(req, "unit"), "unknown unit"));
      f.unit = u->id;
    }
    f.leader = Q(req, "leader");
    f.by_leader = Q(req, "by") == "leader" || !f.leader.empty();
    f.include_done = Q(req, "include_done") == "true";
    auto states = TaskStates(db, pid, *as_of);
    if (!states.ok()) return Error(states.status());
    Json out = Json::array();
    for (const auto& g : FollowUp(*states, *units, f)) out.push_back(ToJson(g, *units));
    return Reply(200, {{"as_of", as_of->ToString()}, {"by", f.by_leader ? "leader" : "unit"}, {"groups", out}});
  }
  if (m == "GET" && Match(req.path, "/programmes/{ref}/report", a)) {
    auto p = FindProgramme(db, a[0]);
    if (!p.ok()) return Error(p.status());
    Date today = Date::Today();
    auto year = YearParam(Q(req, "year"), "year", today.year());
    if (!year.ok()) return Error(year.status());
    auto r = BuildAnnualReport(db, ctx.measures, p->id, *year, today);
    if (!r.ok()) return Error(r.status());
    std::string format = Q(req, "format", "json");
    if (format == "md") return HttpResponse{200, "text/markdown; charset=utf-8", ReportMarkdown(*r, *units)};
    if (format == "html") return HttpResponse{200, "text/html; charset=utf-8", ReportHtml(*r, *units)};
    if (format == "xlsx") {
      auto x = ReportXlsx(*r, *units);
      if (!x.ok()) return Error(x.status());
      return HttpResponse{200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", *x};
    }
    if (format != "json")
      return Error(Status::Invalid("format", "Định dạng là json, md, html hoặc xlsx", "format is json, md, html or xlsx"));
    return Reply(200, ToJson(*r, *units));
  }
  if (m == "GET" && Match(req.path, "/deadlines", a)) {
    Date today = Date::Today();
    auto from = Q(req, "from").empty() ? Result<Date>(today) : Date::Parse(Q(req, "from"), "from");
    if (!from.ok()) return Error(from.status());
    auto to = Q(req, "to").empty() ? Result<Date>(from->AddDays(365)) : Date::Parse(Q(req, "to"), "to");
    if (!to.ok()) return Error(to.status());
    auto r = DeadlineCalendar(db, *from, *to, today);
    if (!r.ok()) return Error(r.status());
    Json out = Json::array();
    for (const auto& d : *r) out.push_back(ToJson(d));
    return Reply(200, {{"from", from->ToString()}, {"to", to->ToString()}, {"deadlines", out}});
  }
  if (m == "GET" && Match(req.path, "/units", a)) {
    Json out = Json::array();
    for (const auto& u : units->units()) out.push_back(ToJson(u));
    return Reply(200, {{"units", out}});
  }
  if (m == "GET" && Match(req.path, "/units/unknown", a)) {
    auto tasks = LoadTasks(db, 0);
    if (!tasks.ok()) return Error(tasks.status());
    std::map<std::string, Json> names;
    for (const auto& t : *tasks)
      for (const auto& n : t.unknown_units) {
        Json& e = names[n];
        if (e.is_null()) e = {{"name", n}, {"tasks", Json::array()}};
        e["tasks"].push_back({{"programme", t.programme_number}, {"key", t.key}, {"line", t.first_line}});
      }
    Json out = Json::array();
    for (auto& [n, e] : names) out.push_back(e);
    return Reply(200, {{"unknown", out}});
  }
  if (m == "POST" && Match(req.path, "/units/aliases", a)) {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto r = ctx.MapUnit(Str(*body, "name"), Str(*body, "unit"), actor);
    if (!r.ok()) return Error(r.status());
    return Reply(201, {{"name", Str(*body, "name")}, {"unit", Str(*body, "unit")}, {"tasks_updated", *r}});
  }
  if (m == "GET" && Match(req.path, "/programmes/{ref}/indicators", a)) {
    auto p = FindProgramme(db, a[0]);
    if (!p.ok()) return Error(p.status());
    auto r = IndicatorStatuses(db, ctx.measures, p->id, Q(req, "province"));
    if (!r.ok()) return Error(r.status());
    Json out = Json::array();
    for (const auto& s : *r) out.push_back(ToJson(s));
    return Reply(200, {{"programme", p->number}, {"province", Q(req, "province")}, {"indicators", out}});
  }
  if (m == "POST" && (Match(req.path, "/programmes/{ref}/indicators/{key}/values", a) ||
                      Match(req.path, "/programmes/{ref}/indicators/{key}/compute", a))) {
    bool compute = req.path.size() >= 8 && req.path.compare(req.path.size() - 8, 8, "/compute") == 0;
    auto p = FindProgramme(db, a[0]);
    if (!p.ok()) return Error(p.status());
    auto body = ParseJsonBody(req.body.empty() ? "{}" : req.body);
    if (!body.ok()) return Error(body.status());
    Date today = Date::Today();
    auto year = YearParam(Str(*body, "year"), "year", today.year());
    if (!year.ok()) return Error(year.status());
    auto r = compute ? ComputeIndicatorValue(db, ctx.measures, p->id, a[1], *year, Str(*body, "province"), today, actor, &ctx.geo)
                     : RecordIndicatorValue(db, p->id, a[1], *year, Str(*body, "province"), Str(*body, "value"), actor);
    if (!r.ok()) return Error(r.status());
    return Reply(201, ToJson(*r));
  }
  if (m == "POST" && Match(req.path, "/denominators", a)) {
    auto body = ParseJsonBody(req.body);
    if (!body.ok()) return Error(body.status());
    auto year = YearParam(Str(*body, "year"), "year", 0);
    if (!year.ok()) return Error(year.status());
    std::string v = Str(*body, "value");
    if (!IsDigits(v) || v.empty() || v.size() > 10)
      return Error(Status::Invalid("value", "Số người là số nguyên dương", "value is a positive integer"));
    Status s = RecordDenominator(db, Str(*body, "kind"), Str(*body, "province"), *year, std::stoll(v), Str(*body, "source"), actor);
    if (!s.ok()) return Error(s);
    return Reply(201, {{"recorded", true}});
  }
  return std::nullopt;
}

}  // namespace bhxh
