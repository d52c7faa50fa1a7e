// `bhxh programs ...`: import decisions, follow up their tasks, report,
// and measure the strategy indicators (issue #3). Every command goes
// through the HTTP API's handler in-process, except `import --dry-run`,
// which reads the file with the data directory's unit list and touches no
// database. Without --json the answers are printed for an officer, in
// Vietnamese.
#include <cstdio>
#include <functional>
#include <iostream>

#include "base/csv.h"
#include "base/text.h"
#include "cli/common.h"
#include "programs/json.h"

namespace bhxh {
namespace {

std::string Get(const Json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return "";
  return j[k].is_string() ? j[k].get<std::string>() : j[k].dump();
}

void PrintImportSummary(const Json& j, const std::string& file) {
  const Json& d = j["decision"];
  const Json& c = j["counts"];
  std::cout << file << ": Quyết định " << Get(d, "number") << " ngày " << Get(d, "date") << " — " << Get(d, "signing_line")
            << " " << Get(d, "signer") << "\n  " << Get(d, "title") << "\n  " << c["tasks"] << " nhiệm vụ ("
            << c["groups"] << " nhóm), " << c["indicators"] << " chỉ tiêu, " << c["reports"] << " nghĩa vụ báo cáo, "
            << j["programme"]["targets"].size() << " mục tiêu định lượng";
  if (!c["stated_total"].is_null()) std::cout << "; văn bản ghi tổng số " << c["stated_total"] << " nhiệm vụ";
  std::cout << "\n";
  for (const auto& t : j["tasks"])
    for (const auto& u : t["unknown_units"])
      std::cout << "  Đơn vị chưa có trong danh mục: \"" << u.get<std::string>() << "\" (nhiệm vụ " << Get(t, "key")
                << ", dòng " << t["lines"][0] << ")\n";
  for (const auto& u : j["unplaced"])
    std::cout << "  Chưa xếp được (dòng " << u["lines"][0] << "–" << u["lines"][1] << "): " << Get(u, "text") << "\n";
  if (j.contains("stored"))
    std::cout << "  " << (j["stored"]["replayed"] == true ? "Đã có sẵn, không ghi lại" : j["stored"]["replaced"] == true ? "Đã thay thế" : "Đã lưu")
              << " (mã chương trình " << j["stored"]["id"] << ")\n";
}


// Runs a GET through the API; prints its JSON with --json or on error,
// otherwise hands the answer to `readable`.
int Readable(const Globals& g, const std::string& path, const std::map<std::string, std::string>& query,
             const std::function<void(const Json&)>& readable) {
  auto ctx = OpenCtx(g);
  if (!ctx.ok()) return Fail(ctx.status(), g.json);
  HttpResponse r = CallApi(g, **ctx, "GET", path, "", query);
  Json j = Json::parse(r.body, nullptr, false);
  if (g.json || r.status >= 400 || j.is_discarded()) Print(j.is_discarded() ? Json(r.body) : j);
  else readable(j);
  return ExitCodeFor(r.status);
}

std::string Units(const Json& list) {
  std::string out;
  for (const auto& u : list) out += (out.empty() ? "" : ", ") + (u.is_object() ? Get(u, "name") : u.get<std::string>());
  return out;
}


}  // namespace

void AddProgrammeCommands(CLI::App& app, Globals& g, int& rc) {
  auto* pc = app.add_subcommand("programs", "Programmes of the agency's decisions: import, tasks, progress, reports, indicators");
  pc->require_subcommand(1);
  // Options shared by the subcommands (CLI11 binds each to one variable).
  static std::vector<std::string> files;
  static std::string ref, key, unit, status, percent, period, note, evidence, difficulties, lessons, idem, as_of, leader,
      format = "md", out, from, to, province, value, kind, source, name, year;
  static bool dry_run = false, replace = false, overdue = false, by_leader = false, all = false, unknown = false;

  auto* imp = pc->add_subcommand("import", "Import decisions from their raw text (the seeds' format)");
  imp->add_option("files", files, "Text files of decisions (- for standard input)")->required();
  imp->add_flag("--dry-run", dry_run, "Print what was extracted; store nothing");
  imp->add_flag("--replace", replace, "Replace a decision already imported with a different text");
  imp->callback([&] {
    Json all_out = Json::array();
    for (const auto& f : files) {
      Result<std::string> text = f == "-" ? Result<std::string>(std::string(std::istreambuf_iterator<char>(std::cin), {}))
                                          : ReadFile(f);
      if (!text.ok()) { rc = Fail(text.status(), g.json); return; }
      Json j;
      if (dry_run) {
        auto units = UnitRegistry::Load(g.data + "/programs/units.csv");
        if (!units.ok()) { rc = Fail(units.status(), g.json); return; }
        auto p = ImportDecision(*text, *units);
        if (!p.ok()) { rc = Fail(p.status().WithFieldPrefix(f + ": "), g.json); return; }
        j = ToJson(*p);
      } else {
        auto ctx = OpenCtx(g);
        if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
        HttpResponse r = CallApi(g, **ctx, "POST", "/programmes", *text, {{"replace", replace ? "true" : ""}});
        j = Json::parse(r.body, nullptr, false);
        if (r.status >= 400) {
          std::cout << j.dump(2) << "\n";
          rc = ExitCodeFor(r.status);
          return;
        }
      }
      if (g.json) all_out.push_back(j);
      else PrintImportSummary(j, f);
    }
    if (g.json) Print(all_out.size() == 1 ? all_out[0] : all_out);
  });

  auto* list = pc->add_subcommand("list", "Programmes imported");
  list->callback([&] {
    rc = Readable(g, "/programmes", {}, [](const Json& j) {
      for (const auto& p : j["programmes"])
        std::cout << Get(p, "number") << " (" << Get(p, "date") << ", mã " << Get(p, "id") << "): " << p["counts"]["tasks"]
                  << " nhiệm vụ, " << p["counts"]["indicators"] << " chỉ tiêu, " << p["counts"]["reports"]
                  << " nghĩa vụ báo cáo — " << Utf8Prefix(Get(p, "title"), 140) << "\n";
    });
  });

  auto* show = pc->add_subcommand("show", "One programme with what its import extracted");
  show->add_option("programme", ref, "Decision number (249/QĐ-BHXH) or id")->required();
  show->callback([&] { rc = ApiCommand(g, "GET", "/programmes/" + PathSegment(ref), "", {}); });

  auto* tasks = pc->add_subcommand("tasks", "Tasks of a programme with their state");
  tasks->add_option("programme", ref)->required();
  tasks->add_option("--unit", unit, "Unit id or name (in charge or coordinating)");
  tasks->add_option("--status", status, "not_started | in_progress | done | blocked");
  tasks->add_flag("--overdue", overdue, "Only overdue tasks or tasks missing a period's report");
  tasks->add_option("--as-of", as_of, "YYYY-MM-DD (default today)");
  tasks->callback([&] {
    rc = Readable(g, "/programmes/" + PathSegment(ref) + "/tasks",
                  {{"unit", unit}, {"status", status}, {"overdue", overdue ? "true" : ""}, {"as_of", as_of}},
                  [](const Json& j) {
                    std::cout << Get(j, "programme") << " — " << j["tasks"].size() << " nhiệm vụ (đến ngày "
                              << Get(j, "as_of") << ")\n";
                    for (const auto& t : j["tasks"]) {
                      std::string when = t["overdue"] == true ? "QUÁ HẠN " + Get(t, "days_overdue") + " ngày"
                                         : !t["missing_periods"].empty() ? "THIẾU BÁO CÁO " + t["missing_periods"].dump()
                                                                          : t["timeframe"]["text"].get<std::string>();
                      std::cout << "  " << Get(t, "key") << "  " << CaseFold(StatusVi(Get(t, "status"))) << " " << Get(t, "percent")
                                << "% · " << when << "\n    " << Utf8Prefix(Get(t, "content"), 160)
                                << "\n    Chủ trì: " << Units(t["lead_units"]);
                      if (!t["coordinating_units"].empty()) std::cout << " · Phối hợp: " << Units(t["coordinating_units"]);
                      if (!t["unknown_units"].empty()) std::cout << " · Chưa rõ: " << Units(t["unknown_units"]);
                      if (!t["leader"].is_null()) std::cout << " · Lãnh đạo: " << Get(t, "leader");
                      if (!t["plan"].is_null()) std::cout << "\n    Đã giao tại: " << Get(t, "plan");
                      std::cout << "\n";
                    }
                  });
  });

  auto* prog = pc->add_subcommand("progress", "Post a unit's progress on a task");
  prog->add_option("programme", ref)->required();
  prog->add_option("task", key, "Task key as listed (1.1, II.a.3)")->required();
  prog->add_option("--unit", unit, "Reporting unit (id or name)")->required();
  prog->add_option("--status", status, "not_started | in_progress | done | blocked")->required();
  prog->add_option("--percent", percent, "0-100");
  prog->add_option("--period", period, "YYYY, YYYY-Qn or YYYY-MM (default this year)");
  prog->add_option("--note", note, "What was done");
  prog->add_option("--evidence", evidence, "Document numbers, links");
  prog->add_option("--difficulties", difficulties);
  prog->add_option("--lessons", lessons);
  prog->add_option("--key", idem, "Idempotency key: a retry with the same key is applied once");
  prog->callback([&] {
    Json body = {{"unit", unit}, {"status", status}, {"percent", percent}, {"period", period}, {"note", note},
                 {"evidence", evidence}, {"difficulties", difficulties}, {"lessons", lessons}, {"idempotency_key", idem}};
    rc = ApiCommand(g, "POST", "/programmes/" + PathSegment(ref) + "/tasks/" + PathSegment(key) + "/progress", body.dump(), {});
  });

  auto* hist = pc->add_subcommand("history", "Every progress post of a task");
  hist->add_option("programme", ref)->required();
  hist->add_option("task", key)->required();
  hist->callback([&] {
    rc = ApiCommand(g, "GET", "/programmes/" + PathSegment(ref) + "/tasks/" + PathSegment(key) + "/progress", "", {});
  });

  auto* fu = pc->add_subcommand("followup", "Tasks to follow up (theo dõi, đôn đốc), by unit or by leader");
  fu->add_option("--programme", ref, "One programme (default all)");
  fu->add_option("--unit", unit);
  fu->add_option("--leader", leader, "Leader's name or part of it");
  fu->add_flag("--by-leader", by_leader);
  fu->add_flag("--all", all, "Include tasks done");
  fu->add_option("--as-of", as_of);
  fu->callback([&] {
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    HttpResponse r = CallApi(g, **ctx, "GET", "/followup", "",
                             {{"programme", ref}, {"unit", unit}, {"leader", leader}, {"by", by_leader ? "leader" : ""},
                              {"include_done", all ? "true" : ""}, {"as_of", as_of}});
    Json j = Json::parse(r.body, nullptr, false);
    rc = ExitCodeFor(r.status);
    if (g.json || r.status >= 400) { Print(j); return; }
    std::cout << "Danh sách theo dõi, đôn đốc đến ngày " << Get(j, "as_of") << "\n";
    for (const auto& grp : j["groups"]) {
      std::cout << "\n" << Get(grp, "name") << " — " << grp["tasks"].size() << " nhiệm vụ, " << grp["overdue"]
                << " quá hạn, " << grp["missing_reports"] << " thiếu báo cáo kỳ\n";
      for (const auto& t : grp["tasks"]) {
        std::string when = t["overdue"] == true ? "QUÁ HẠN " + Get(t, "days_overdue") + " ngày"
                           : !t["missing_periods"].empty() ? "THIẾU BÁO CÁO " + t["missing_periods"].dump()
                                                           : Get(t, "timeframe").empty() ? "" : t["timeframe"]["text"].get<std::string>();
        std::string content = Get(t, "content");
        std::cout << "  [" << Get(t, "programme") << " " << Get(t, "key") << "] " << CaseFold(StatusVi(Get(t, "status"))) << " "
                  << Get(t, "percent") << "% · " << when << "\n    " << Utf8Prefix(content, 160)
                  << (content.size() > 160 ? "…" : "") << "\n";
      }
    }
  });

  auto* rep = pc->add_subcommand("report", "The annual report of a programme (249/QĐ-BHXH §V.1)");
  rep->add_option("programme", ref)->required();
  rep->add_option("--year", year, "YYYY (default this year)");
  rep->add_option("--format", format, "md | html | xlsx | json")->check(CLI::IsMember({"md", "html", "xlsx", "json"}));
  rep->add_option("--out", out, "Write to this file (required for xlsx)");
  rep->callback([&] {
    if (format == "xlsx" && out.empty()) {
      rc = Fail(Status::Invalid("out", "Cần --out FILE cho định dạng xlsx", "--out is required for xlsx"), g.json);
      return;
    }
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    HttpResponse r = CallApi(g, **ctx, "GET", "/programmes/" + PathSegment(ref) + "/report", "",
                             {{"year", year}, {"format", g.json ? "json" : format}});
    rc = ExitCodeFor(r.status);
    if (r.status >= 400 || out.empty()) { std::cout << r.body << "\n"; return; }
    FILE* f = std::fopen(out.c_str(), "wb");
    if (!f) { rc = Fail(Status::Invalid("out", "Không ghi được tệp " + out, "cannot write " + out), g.json); return; }
    std::fwrite(r.body.data(), 1, r.body.size(), f);
    std::fclose(f);
    std::cout << "Đã ghi báo cáo vào " << out << "\n";
  });

  auto* dl = pc->add_subcommand("deadlines", "Calendar of report deadlines and task deadlines across programmes");
  dl->add_option("--from", from, "YYYY-MM-DD (default today)");
  dl->add_option("--to", to, "YYYY-MM-DD (default a year after --from)");
  dl->callback([&] {
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    HttpResponse r = CallApi(g, **ctx, "GET", "/deadlines", "", {{"from", from}, {"to", to}});
    Json j = Json::parse(r.body, nullptr, false);
    rc = ExitCodeFor(r.status);
    if (g.json || r.status >= 400) { Print(j); return; }
    std::cout << "Lịch hạn từ " << Get(j, "from") << " đến " << Get(j, "to") << "\n";
    for (const auto& d : j["deadlines"])
      std::cout << "  " << Get(d, "date") << "  " << (Get(d, "kind") == "report" ? "Báo cáo " : "Nhiệm vụ ")
                << Get(d, "programme") << (d["task_key"].is_null() ? "" : " " + Get(d, "task_key")) << ": "
                << Utf8Prefix(Get(d, "name"), 120) << (Get(d, "detail").empty() ? "" : " → " + Get(d, "detail")) << "\n";
  });

  auto* un = pc->add_subcommand("units", "The unit registry, or the names imports could not place");
  un->add_flag("--unknown", unknown, "Names listed by imports, for an officer to map");
  un->callback([&] { rc = ApiCommand(g, "GET", unknown ? "/units/unknown" : "/units", "", {}); });

  auto* mu = pc->add_subcommand("map-unit", "Map a name an import listed as unknown to a unit");
  mu->add_option("name", name)->required();
  mu->add_option("unit", unit, "Unit id (see `programs units`)")->required();
  mu->callback([&] { rc = ApiCommand(g, "POST", "/units/aliases", Json{{"name", name}, {"unit", unit}}.dump(), {}); });

  auto* ind = pc->add_subcommand("indicators", "Indicators of a programme: values, path to the targets, status");
  ind->add_option("programme", ref)->required();
  ind->add_option("--province", province, "Province code (default the whole country)");
  ind->callback([&] {
    rc = Readable(g, "/programmes/" + PathSegment(ref) + "/indicators", {{"province", province}}, [](const Json& j) {
      std::cout << "Chỉ tiêu của " << Get(j, "programme") << (Get(j, "province").empty() ? " (toàn quốc)" : " (tỉnh " + Get(j, "province") + ")")
                << "\n";
      for (const auto& i : j["indicators"]) {
        std::string targets;
        for (auto it = i["targets"].begin(); it != i["targets"].end(); ++it)
          targets += (targets.empty() ? "" : ", ") + it.key() + ": " + (it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
        std::cout << "  " << Get(i, "key") << ". " << Utf8Prefix(Get(i, "name"), 120) << " (" << Get(i, "unit") << ")\n     mục tiêu "
                  << targets << " · mới nhất " << (i["latest"].is_null() ? "—" : i["latest"].dump() + " (" + Get(i, "latest_year") + ")")
                  << (i["expected"].is_null() ? "" : ", lộ trình " + i["expected"].dump()) << " · " << CaseFold(StatusVi(Get(i, "status")))
                  << (i["computable"] == true ? " · tính được từ CSDL" : "") << "\n";
      }
    });
  });

  auto* iv = pc->add_subcommand("indicator-value", "Enter an indicator's value for a year (and province)");
  iv->add_option("programme", ref)->required();
  iv->add_option("indicator", key, "Indicator key (1, 1.1, ...)")->required();
  iv->add_option("--year", year)->required();
  iv->add_option("--value", value)->required();
  iv->add_option("--province", province);
  iv->callback([&] {
    rc = ApiCommand(g, "POST", "/programmes/" + PathSegment(ref) + "/indicators/" + PathSegment(key) + "/values",
                    Json{{"year", year}, {"value", value}, {"province", province}}.dump(), {});
  });

  auto* ic = pc->add_subcommand("indicator-compute", "Compute an indicator from the national database");
  ic->add_option("programme", ref)->required();
  ic->add_option("indicator", key)->required();
  ic->add_option("--year", year, "YYYY (default this year)");
  ic->add_option("--province", province);
  ic->callback([&] {
    rc = ApiCommand(g, "POST", "/programmes/" + PathSegment(ref) + "/indicators/" + PathSegment(key) + "/compute",
                    Json{{"year", year}, {"province", province}}.dump(), {});
  });

  auto* den = pc->add_subcommand("denominator", "Enter a denominator: labour force or population of a province and year");
  den->add_option("--kind", kind, "labour_force | population | retirement_age_population")->required();
  den->add_option("--province", province, "Province code (empty for the whole country)");
  den->add_option("--year", year)->required();
  den->add_option("--value", value, "Number of persons")->required();
  den->add_option("--source", source, "Where the figure comes from")->required();
  den->callback([&] {
    rc = ApiCommand(g, "POST", "/denominators",
                    Json{{"kind", kind}, {"province", province}, {"year", year}, {"value", value}, {"source", source}}.dump(), {});
  });
}

}  // namespace bhxh
