// `bhxh programmes ...` (also `bhxh programs ...`): import decisions,
// follow up their tasks, report, and measure the strategy's indicators.
// Every command goes through the API's routes as the operator, except
// `import --dry-run`, which touches no database. Printed for an officer in
// Vietnamese; --json prints the API's answer.
#include <fstream>
#include <map>
#include <iostream>

#include "base/text.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"
#include "programmes/document.h"
#include "programmes/formats.h"
#include "programmes/json.h"
#include "programmes/module.h"
#include "programmes/report.h"

namespace bhxh {
namespace {

std::string Seg(const std::string& s) { return PercentEncodeSegment(s); }

void PrintImportSummary(const Json& j, const std::string& file) {
  const Json& d = j["decision"];
  const Json& c = j["counts"];
  static const std::map<std::string, std::string> kinds = {
      {"docx", "Word .docx"}, {"pdf", "PDF"}, {"html", "trang HTML"}, {"markdown", "Markdown"}};
  std::string kind = j.contains("source_format") && kinds.count(Txt(j, "source_format"))
                         ? " (" + kinds.at(Txt(j, "source_format")) + ")"
                         : "";
  std::cout << file << kind << ": " << DocumentKindVi(Txt(d, "kind")) << " " << Txt(d, "number") << " ngày " << DateVi(Txt(d, "date")) << " — "
            << Txt(d, "signing_line") << " " << Txt(d, "signer") << "\n  " << Txt(d, "title") << "\n  " << c["tasks"]
            << " nhiệm vụ (" << c["groups"] << " nhóm), " << c["indicators"] << " chỉ tiêu, " << c["reports"]
            << " nghĩa vụ báo cáo, " << j["programme"]["targets"].size() << " mục tiêu định lượng";
  if (!c["stated_total"].is_null()) std::cout << "; văn bản ghi tổng số " << c["stated_total"] << " nhiệm vụ";
  std::cout << "\n";
  for (const auto& t : j["tasks"])
    for (const auto& u : t["unknown_units"])
      std::cout << "  Đơn vị chưa có trong danh mục: \"" << Txt(u) << "\" (nhiệm vụ " << Txt(t, "key") << ", dòng "
                << t["lines"][0] << ")\n";
  for (const auto& u : j["unplaced"])
    std::cout << "  Chưa xếp được (dòng " << u["lines"][0] << "–" << u["lines"][1] << "): " << Txt(u, "text") << "\n";
  if (j.contains("stored"))
    std::cout << "  "
              << (j["stored"]["replayed"] == true   ? "Đã có sẵn, không ghi lại"
                  : j["stored"]["replaced"] == true ? "Đã thay thế"
                                                    : "Đã lưu")
              << " (mã chương trình " << j["stored"]["id"] << ")\n";
}

std::string Units(const Json& list) {
  std::string out;
  for (const auto& u : list) out += (out.empty() ? "" : ", ") + (u.is_object() ? Txt(u, "name") : Txt(u));
  return out;
}

std::string When(const Json& t) {
  if (t["overdue"] == true) return "QUÁ HẠN " + Txt(t, "days_overdue") + " ngày";
  if (!t["missing_periods"].empty()) {
    std::string p;
    for (const auto& x : t["missing_periods"]) p += (p.empty() ? "" : ", ") + Txt(x);
    return "THIẾU BÁO CÁO " + p;
  }
  return t.contains("timeframe") ? Txt(t["timeframe"], "text") : "";
}

void PrintTask(const Json& t, bool with_programme) {
  std::string content = Txt(t, "content");
  std::cout << "  " << (with_programme ? "[" + Txt(t, "programme") + " " + Txt(t, "key") + "]" : Txt(t, "key")) << "  "
            << CaseFold(StatusVi(Txt(t, "status"))) << " " << Txt(t, "percent") << "% · " << When(t) << "\n    "
            << Utf8Prefix(content, 160) << (content.size() > 160 ? "…" : "")
            << "\n    Chủ trì: ";
  // A name the registry does not know stands in the cell it was read from,
  // marked for an officer to map (`programmes map-unit`).
  std::string lead = Units(t["lead_units"]), coordinating = Units(t["coordinating_units"]), other;
  const Json cells = t.value("unknown_unit_cells", Json::array());
  for (size_t k = 0; k < t["unknown_units"].size(); ++k) {
    const std::string cell = k < cells.size() ? Txt(cells[k]) : "";
    std::string& into = cell == "lead" ? lead : cell == "coordinating" ? coordinating : other;
    into += (into.empty() ? "" : ", ") + Txt(t["unknown_units"][k]) + " (chưa có trong danh mục)";
  }
  std::cout << lead;
  if (!coordinating.empty()) std::cout << " · Phối hợp: " << coordinating;
  if (!other.empty()) std::cout << " · Chưa rõ: " << other;
  if (!t["leader"].is_null()) std::cout << " · Lãnh đạo: " << Txt(t, "leader");
  if (!t["plan"].is_null()) std::cout << "\n    Đã giao tại: " << Txt(t, "plan");
  std::cout << "\n";
}

std::string TargetText(const Json& v) {
  if (v.is_number())
    return DecimalVi(v.get<double>(), v.get<double>() == static_cast<int64_t>(v.get<double>()) ? 0 : 2);
  return Txt(v);
}

}  // namespace

void ProgrammesCommands(Shell& sh) {
  auto* pc = sh.Group("programmes",
                      "Chương trình, nhiệm vụ, chỉ tiêu từ các quyết định / programmes of the agency's decisions");
  pc->alias("programs");
  {
    struct Opt {
      std::vector<std::string> files;
      bool dry_run = false, replace = false;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("import", "Nhập quyết định từ tệp / import decisions from their files");
    c->add_option("files", o->files,
                  "Tệp quyết định: văn bản, Word .docx, PDF có lớp chữ, HTML, Markdown (- là đầu vào chuẩn)")
        ->required();
    c->add_flag("--dry-run", o->dry_run, "Chỉ in nội dung trích xuất, không lưu");
    c->add_flag("--replace", o->replace, "Thay bản đã nhập của cùng số quyết định");
    c->callback(sh.Guard([&sh, o] {
      Json all = Json::array();
      for (const auto& f : o->files) {
        auto text = sh.ReadArg(f);
        if (!text.ok()) return sh.Fail(text.status());
        auto ctx = o->dry_run ? sh.ContextNoDb() : sh.Context();
        if (!ctx.ok()) return sh.Fail(ctx.status());
        HttpResponse r = sh.Call("POST", "/programmes",
                                 {{"dry_run", o->dry_run ? "true" : ""}, {"replace", o->replace ? "true" : ""}}, *text,
                                 {{"content-type", "application/octet-stream"}});  // the kind is read from the content
        auto j = ParseJson(r.body, 512);
        if (r.status >= 400 || !j.ok()) {
          if (j.ok() && j->contains("error")) {
            const Json& e = (*j)["error"];
            sh.Fail(Status::Error(Txt(e, "code"), f + ": " + Txt(e, "field"), Txt(e, "message"), Txt(e, "message_en")));
          } else {
            sh.Fail(Status::Internal("HTTP " + std::to_string(r.status)));
          }
          return;
        }
        if (sh.g().json)
          all.push_back(*j);
        else
          PrintImportSummary(*j, f);
      }
      if (sh.g().json) sh.PrintJson(all.size() == 1 ? all[0] : all);
    }));
  }
  {
    // What the importer reads from a file: the text of a Word document, a
    // PDF's text layer with its table cells, a web page without its chrome.
    // Lets an officer see why a decision reads as it does.
    auto file = std::make_shared<std::string>();
    auto* c = pc->add_subcommand("read", "In văn bản đọc được từ một tệp quyết định / the text read from a file");
    c->add_option("file", *file, "Tệp quyết định (văn bản, .docx, PDF, HTML, Markdown)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto bytes = sh.ReadArg(*file);
      if (!bytes.ok()) return sh.Fail(bytes.status());
      auto d = ReadDecisionFile(*bytes);
      if (!d.ok()) return sh.Fail(d.status());
      if (sh.g().json) return sh.PrintJson(Json{{"format", d->format}, {"text", d->text}});
      std::cout << "# Loại tệp: " << d->format << "\n";
      for (const SourceLine& l : SplitSourceLines(d->text)) {
        std::cout << l.number << "\t";
        if (l.column >= 0) std::cout << "[ô cột " << l.column << (l.span > 1 ? "+" + std::to_string(l.span - 1) : "") << "] ";
        std::cout << (l.indented ? "  " : "") << l.text << "\n";
      }
    }));
  }
  {
    auto* c = pc->add_subcommand("list", "Các chương trình đã nhập / programmes imported");
    c->callback(sh.Guard([&sh] {
      sh.Run("GET", "/programmes", {{"limit", "1000"}}, "", [](const Json& j) {
        TextTable t({{"Mã", TextTable::Align::kRight},
                     {"Số quyết định"},
                     {"Ngày"},
                     {"Nhiệm vụ", TextTable::Align::kRight},
                     {"Chỉ tiêu", TextTable::Align::kRight},
                     {"Báo cáo", TextTable::Align::kRight},
                     {"Trích yếu", {}, 70}});
        for (const auto& p : j["programmes"])
          t.Row({Txt(p, "id"), Txt(p, "number"), DateVi(Txt(p, "date")), Txt(p["counts"], "tasks"),
                 Txt(p["counts"], "indicators"), Txt(p["counts"], "reports"), Txt(p, "title")});
        t.Print(std::cout);
      });
    }));
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = pc->add_subcommand("show", "Một chương trình và nội dung trích xuất / one programme");
    c->add_option("programme", *ref, "Số quyết định (249/QĐ-BHXH) hoặc mã")->required();
    c->callback(sh.Guard([&sh, ref] {
      sh.Run("GET", "/programmes/" + Seg(*ref), {}, "", [](const Json& j) {
        PrintFields(std::cout,
                    {{"Số quyết định", Txt(j, "number")},
                     {"Ngày", DateVi(Txt(j, "date"))},
                     {"Trích yếu", Txt(j, "title")},
                     {"Chương trình", Txt(j, "programme_title")},
                     {"Người ký", Txt(j, "signing_line") + " " + Txt(j, "signer")},
                     {"Thời gian", DateVi(Txt(j["period"], "start")) + " – " + DateVi(Txt(j["period"], "end"))},
                     {"Nhập lúc", DateVi(Txt(j, "imported_at")) + " bởi " + Txt(j, "imported_by")}});
        const Json& e = j["extracted"];
        std::cout << "\n"
                  << e["tasks"].size() << " nhiệm vụ, " << e["indicators"].size() << " chỉ tiêu, "
                  << e["reports"].size() << " nghĩa vụ báo cáo.\n";
        if (!e["reports"].empty()) {
          TextTable t({{"Báo cáo", {}, 50}, {"Định kỳ"}, {"Hạn"}, {"Gửi", {}, 40}});
          for (const auto& r : e["reports"]) {
            const Json& d = r["due"];
            std::string due =
                d.contains("day") ? Txt(d, "day") + "/" + Txt(d, "month") + " hằng năm" : DateVi(Txt(d, "date"));
            t.Row(
                {Txt(r, "name"), Txt(r, "recurrence") == "yearly" ? "hằng năm" : "một lần", due, Txt(r, "recipients")});
          }
          t.Print(std::cout);
        }
      });
    }));
  }
  {
    struct Opt {
      std::string ref, unit, status, as_of, leader;
      bool overdue = false;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("tasks", "Nhiệm vụ của chương trình và tình trạng / a programme's tasks");
    c->add_option("programme", o->ref, "Số quyết định hoặc mã")->required();
    c->add_option("--unit", o->unit, "Đơn vị chủ trì hoặc phối hợp (mã hoặc tên)");
    c->add_option("--status", o->status, "not_started | in_progress | done | blocked");
    c->add_option("--leader", o->leader, "Lãnh đạo phụ trách (một phần họ tên)");
    c->add_flag("--overdue", o->overdue, "Chỉ nhiệm vụ quá hạn hoặc thiếu báo cáo kỳ");
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD (mặc định hôm nay)");
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/programmes/" + Seg(o->ref) + "/tasks",
             {{"unit", o->unit},
              {"status", o->status},
              {"leader", o->leader},
              {"overdue", o->overdue ? "true" : ""},
              {"as_of", o->as_of},
              {"limit", "2000"}},
             "", [](const Json& j) {
               std::cout << Txt(j, "programme") << " — " << j["tasks"].size() << " nhiệm vụ (đến ngày "
                         << DateVi(Txt(j, "as_of")) << ")\n";
               for (const auto& t : j["tasks"]) PrintTask(t, false);
             });
    }));
  }
  {
    struct Opt {
      std::string ref, key, unit, status, period, note, evidence, difficulties, lessons, idem;
      int percent = -1;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("progress", "Báo cáo tiến độ một nhiệm vụ / post progress on a task");
    c->add_option("programme", o->ref, "Số quyết định hoặc mã")->required();
    c->add_option("task", o->key, "Mã nhiệm vụ như trong danh sách (1.1, II.a.3)")->required();
    c->add_option("--unit", o->unit, "Đơn vị báo cáo (mã hoặc tên)")->required();
    c->add_option("--status", o->status, "not_started | in_progress | done | blocked")->required();
    c->add_option("--percent", o->percent, "Tỷ lệ hoàn thành 0-100")->check(CLI::Range(0, 100));
    c->add_option("--period", o->period, "Kỳ báo cáo YYYY, YYYY-Hn (nửa năm), YYYY-Qn hoặc YYYY-MM (mặc định năm nay)");
    c->add_option("--note", o->note, "Kết quả thực hiện");
    c->add_option("--evidence", o->evidence, "Văn bản, đường dẫn minh chứng");
    c->add_option("--difficulties", o->difficulties, "Khó khăn, vướng mắc");
    c->add_option("--lessons", o->lessons, "Bài học kinh nghiệm");
    c->add_option("--key", o->idem, "Khoá chống gửi trùng: gửi lại cùng khoá chỉ ghi một lần");
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"unit", o->unit}, {"status", o->status}};
      if (o->percent >= 0) body["percent"] = o->percent;
      for (auto [k, v] : {std::pair<const char*, std::string*>{"period", &o->period},
                          {"note", &o->note},
                          {"evidence", &o->evidence},
                          {"difficulties", &o->difficulties},
                          {"lessons", &o->lessons}})
        if (!v->empty()) body[k] = *v;
      std::map<std::string, std::string> headers;
      if (!o->idem.empty()) headers["idempotency-key"] = o->idem;
      sh.Run(
          "POST", "/programmes/" + Seg(o->ref) + "/tasks/" + Seg(o->key) + "/progress", {}, DumpJson(body),
          [](const Json& j) {
            const Json& p = j["progress"];
            std::cout << "Đã ghi tiến độ nhiệm vụ " << Txt(p, "task_key") << " của " << Txt(p, "unit") << ": "
                      << CaseFold(StatusVi(Txt(p, "status"))) << " " << Txt(p, "percent") << "%, kỳ "
                      << Txt(p, "period") << ".\n";
          },
          headers);
    }));
  }
  {
    struct Opt {
      std::string ref, key;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("history", "Các lần báo cáo tiến độ của một nhiệm vụ / a task's progress history");
    c->add_option("programme", o->ref, "Số quyết định hoặc mã")->required();
    c->add_option("task", o->key, "Mã nhiệm vụ")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/programmes/" + Seg(o->ref) + "/tasks/" + Seg(o->key) + "/progress", {}, "", [](const Json& j) {
        TextTable t({{"Ngày báo cáo"},
                     {"Đơn vị"},
                     {"Kỳ"},
                     {"Trạng thái"},
                     {"%", TextTable::Align::kRight},
                     {"Nội dung", {}, 70}});
        for (const auto& e : j["history"])
          t.Row({DateVi(Txt(e, "reported_at")), Txt(e, "unit"), Txt(e, "period"), StatusVi(Txt(e, "status")),
                 Txt(e, "percent"), Txt(e, "note")});
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opt {
      std::string ref, unit, leader, as_of;
      bool by_leader = false, all = false;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("followup", "Theo dõi, đôn đốc nhiệm vụ theo đơn vị hoặc lãnh đạo / follow-up list");
    c->add_option("--programme", o->ref, "Một chương trình (mặc định tất cả)");
    c->add_option("--unit", o->unit, "Đơn vị (mã hoặc tên)");
    c->add_option("--leader", o->leader, "Lãnh đạo (một phần họ tên)");
    c->add_flag("--by-leader", o->by_leader, "Nhóm theo lãnh đạo phụ trách");
    c->add_flag("--all", o->all, "Gồm cả nhiệm vụ đã hoàn thành");
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD");
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/followup",
             {{"programme", o->ref},
              {"unit", o->unit},
              {"leader", o->leader},
              {"by", o->by_leader ? "leader" : ""},
              {"include_done", o->all ? "true" : ""},
              {"as_of", o->as_of}},
             "", [](const Json& j) {
               std::cout << "Danh sách theo dõi, đôn đốc đến ngày " << DateVi(Txt(j, "as_of")) << "\n";
               for (const auto& g : j["groups"]) {
                 std::cout << "\n"
                           << Txt(g, "name") << " — " << g["tasks"].size() << " nhiệm vụ, " << g["overdue"]
                           << " quá hạn, " << g["missing_reports"] << " thiếu báo cáo kỳ\n";
                 for (const auto& t : g["tasks"]) PrintTask(t, true);
               }
             });
    }));
  }
  {
    struct Opt {
      std::string ref, year, format = "md", out;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("report", "Báo cáo năm của chương trình (249/QĐ-BHXH §V.1) / the annual report");
    c->add_option("programme", o->ref, "Số quyết định hoặc mã")->required();
    c->add_option("--year", o->year, "Năm YYYY (mặc định năm nay)");
    c->add_option("--format", o->format, "md (mặc định) | html | xlsx | json")
        ->check(CLI::IsMember({"md", "html", "xlsx", "json"}));
    c->add_option("--out", o->out, "Ghi ra tệp (bắt buộc với xlsx)");
    c->callback(sh.Guard([&sh, o] {
      if (o->format == "xlsx" && o->out.empty())
        return sh.Fail(Status::Invalid("out", "Cần --out TỆP cho định dạng xlsx", "--out is required for xlsx"));
      std::string format = sh.g().json ? "json" : o->format;
      HttpResponse r =
          sh.Call("GET", "/programmes/" + Seg(o->ref) + "/report", {{"year", o->year}, {"format", format}});
      if (r.status >= 400)
        return sh.Run("GET", "/programmes/" + Seg(o->ref) + "/report", {{"year", o->year}}, "", [](const Json&) {});
      if (o->out.empty()) {
        std::cout << r.body << "\n";
        return;
      }
      if (Status s = WriteFileBytes(o->out, r.body); !s.ok()) return sh.Fail(s);
      std::cout << "Đã ghi báo cáo vào " << o->out << "\n";
    }));
  }
  {
    struct Opt {
      std::string from, to;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("deadlines", "Lịch hạn báo cáo và hạn nhiệm vụ / the deadline calendar");
    c->add_option("--from", o->from, "Từ ngày YYYY-MM-DD (mặc định hôm nay)");
    c->add_option("--to", o->to, "Đến ngày YYYY-MM-DD (mặc định một năm sau)");
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/deadlines", {{"from", o->from}, {"to", o->to}}, "", [](const Json& j) {
        std::cout << "Lịch hạn từ " << DateVi(Txt(j, "from")) << " đến " << DateVi(Txt(j, "to")) << "\n";
        TextTable t({{"Ngày"}, {"Còn", TextTable::Align::kRight}, {"Loại"}, {"Chương trình"}, {"Nội dung", {}, 80}});
        for (const auto& d : j["deadlines"])
          t.Row({DateVi(Txt(d, "date")), Txt(d, "days_left") + " ngày",
                 Txt(d, "kind") == "report" ? "Báo cáo" : "Nhiệm vụ",
                 Txt(d, "programme") + (d["task_key"].is_null() ? "" : " " + Txt(d, "task_key")),
                 Txt(d, "name") + (Txt(d, "detail").empty() ? "" : " → " + Txt(d, "detail"))});
        t.Print(std::cout);
      });
    }));
  }
  {
    auto unknown = std::make_shared<bool>(false);
    auto* c = pc->add_subcommand("units", "Danh mục đơn vị, hoặc các tên chưa xếp được / the unit registry");
    c->add_flag("--unknown", *unknown, "Các tên khi nhập chưa nhận ra, để cán bộ ánh xạ");
    c->callback(sh.Guard([&sh, unknown] {
      if (*unknown) {
        sh.Run("GET", "/units/unknown", {}, "", [](const Json& j) {
          if (j["unknown"].empty()) std::cout << "Không có tên đơn vị nào chưa nhận ra.\n";
          for (const auto& u : j["unknown"]) {
            std::cout << "\"" << Txt(u, "name") << "\":";
            for (const auto& t : u["tasks"])
              std::cout << " " << Txt(t, "programme") << " " << Txt(t, "key") << " (dòng " << t["line"]
                        << (Txt(t, "cell") == "lead"           ? ", ô chủ trì"
                            : Txt(t, "cell") == "coordinating" ? ", ô phối hợp"
                                                               : "")
                        << ")";
            std::cout << "\n";
          }
        });
        return;
      }
      sh.Run("GET", "/units", {}, "", [](const Json& j) {
        TextTable t({{"Mã"}, {"Tên đơn vị", {}, 60}, {"Loại"}, {"Viết tắt", {}, 40}});
        for (const auto& u : j["units"]) {
          std::string ab;
          for (const auto& a : u["abbreviations"]) ab += (ab.empty() ? "" : ", ") + Txt(a);
          t.Row({Txt(u, "id"), Txt(u, "name"), Txt(u, "kind"), ab});
        }
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opt {
      std::string name, unit;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("map-unit", "Ánh xạ một tên chưa nhận ra vào một đơn vị / map a name to a unit");
    c->add_option("name", o->name, "Tên như trong văn bản")->required();
    c->add_option("unit", o->unit, "Mã đơn vị (xem `programmes units`)")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("POST", "/units/aliases", {}, DumpJson({{"name", o->name}, {"unit", o->unit}}), [](const Json& j) {
        std::cout << "Đã ánh xạ \"" << Txt(j, "name") << "\" vào " << Txt(j, "unit") << "; " << j["tasks_updated"]
                  << " nhiệm vụ được cập nhật.\n";
      });
    }));
  }
  {
    auto o = std::make_shared<std::pair<std::string, std::string>>();
    auto* c = pc->add_subcommand("indicators",
                                 "Chỉ tiêu: giá trị, lộ trình, đánh giá / indicators with their path and status");
    c->add_option("programme", o->first, "Số quyết định hoặc mã")->required();
    c->add_option("--province", o->second, "Tỉnh (mặc định toàn quốc)");
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/programmes/" + Seg(o->first) + "/indicators", {{"province", o->second}}, "", [](const Json& j) {
        std::cout << "Chỉ tiêu của " << Txt(j, "programme")
                  << (Txt(j, "province").empty() ? " (toàn quốc)" : " (tỉnh " + Txt(j, "province") + ")") << "\n";
        TextTable t({{"Mã"},
                     {"Chỉ tiêu", {}, 60},
                     {"Đơn vị tính"},
                     {"Mục tiêu", {}, 30},
                     {"Mới nhất", TextTable::Align::kRight},
                     {"Lộ trình", TextTable::Align::kRight},
                     {"Đánh giá"}});
        for (const auto& i : j["indicators"]) {
          std::string targets;
          for (const auto& [y, v] : i["targets"].items())
            targets += (targets.empty() ? "" : "; ") + y + ": " + TargetText(v);
          t.Row({Txt(i, "key"), Txt(i, "name"), Txt(i, "unit"), targets,
                 i["latest"].is_null() ? "—" : TargetText(i["latest"]) + " (" + Txt(i, "latest_year") + ")",
                 i["expected"].is_null() ? "" : TargetText(i["expected"]),
                 StatusVi(Txt(i, "status")) + (i["computable"] == true ? " · tính được từ CSDL" : "")});
        }
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opt {
      std::string ref, key, value, province;
      int year = 0;
    };
    auto o = std::make_shared<Opt>();
    auto* c =
        pc->add_subcommand("indicator-value", "Nhập giá trị một chỉ tiêu của một năm / enter an indicator's value");
    c->add_option("programme", o->ref, "Số quyết định hoặc mã")->required();
    c->add_option("indicator", o->key, "Mã chỉ tiêu (1, 1.1, ...)")->required();
    c->add_option("--year", o->year, "Năm")->required()->check(CLI::Range(1900, 2200));
    c->add_option("--value", o->value, "Giá trị (dấu phẩy hoặc chấm thập phân)")->required();
    c->add_option("--province", o->province, "Tỉnh (mặc định toàn quốc)");
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"year", o->year}, {"value", o->value}};
      if (!o->province.empty()) body["province"] = o->province;
      sh.Run("POST", "/programmes/" + Seg(o->ref) + "/indicators/" + Seg(o->key) + "/values", {}, DumpJson(body),
             [](const Json& j) {
               std::cout << "Đã ghi giá trị " << Txt(j, "value") << " năm " << Txt(j, "year")
                         << (Txt(j, "province").empty() ? "" : ", tỉnh " + Txt(j, "province")) << ".\n";
             });
    }));
  }
  {
    struct Opt {
      std::string ref, key, province;
      int year = 0;
    };
    auto o = std::make_shared<Opt>();
    auto* c =
        pc->add_subcommand("indicator-compute", "Tính một chỉ tiêu từ cơ sở dữ liệu quốc gia / compute an indicator");
    c->add_option("programme", o->ref, "Số quyết định hoặc mã")->required();
    c->add_option("indicator", o->key, "Mã chỉ tiêu")->required();
    c->add_option("--year", o->year, "Năm (mặc định năm nay)")->check(CLI::Range(1900, 2200));
    c->add_option("--province", o->province, "Tỉnh (mặc định toàn quốc)");
    c->callback(sh.Guard([&sh, o] {
      Json body = Json::object();
      if (o->year) body["year"] = o->year;
      if (!o->province.empty()) body["province"] = o->province;
      sh.Run("POST", "/programmes/" + Seg(o->ref) + "/indicators/" + Seg(o->key) + "/compute", {}, DumpJson(body),
             [](const Json& j) {
               std::cout << "Giá trị năm " << Txt(j, "year")
                         << (Txt(j, "province").empty() ? " (toàn quốc)" : " (tỉnh " + Txt(j, "province") + ")") << ": "
                         << Txt(j, "value") << "\nCách tính: " << Txt(j, "method") << "\n";
             });
    }));
  }
  {
    auto day = std::make_shared<std::string>();
    auto* c = pc->add_subcommand("coverage-snapshot",
                                 "Chốt số liệu bao phủ của một ngày theo tỉnh; chạy hằng đêm / count a day's coverage once");
    c->add_option("--day", *day, "Ngày (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)");
    c->callback(sh.Guard([&sh, day] {
      Json body = Json::object();
      if (!day->empty()) {
        auto d = Date::ParseIsoOrVi(*day, "day");
        body["day"] = d.ok() ? d->ToString() : *day;  // a bad day is refused by the API, naming the field
      }
      sh.Run("POST", "/coverage-snapshots", {}, DumpJson(body), [](const Json& j) {
        std::cout << "Đã chốt số liệu ngày " << DateVi(Txt(j, "day")) << " cho " << j["provinces"] << " tỉnh: "
                  << NumberVi(j["alive"].get<int64_t>()) << " người, có thẻ BHYT " << NumberVi(j["hi"].get<int64_t>())
                  << ", tham gia BHXH " << NumberVi(j["si"].get<int64_t>()) << " (tự nguyện "
                  << NumberVi(j["voluntary"].get<int64_t>()) << "), BHTN " << NumberVi(j["ui"].get<int64_t>())
                  << ".\nCác chỉ tiêu của ngày này đọc số liệu chốt.\n";
      });
    }));
  }
  {
    struct Opt {
      std::string kind, province, source;
      int year = 0;
      int64_t value = 0;
    };
    auto o = std::make_shared<Opt>();
    auto* c = pc->add_subcommand("denominator",
                                 "Nhập mẫu số: lực lượng lao động, dân số của tỉnh và năm / enter a denominator");
    c->add_option("--kind", o->kind, "labour_force | population | retirement_age_population")->required();
    c->add_option("--province", o->province, "Tỉnh (để trống: toàn quốc)");
    c->add_option("--year", o->year, "Năm")->required()->check(CLI::Range(1900, 2200));
    c->add_option("--value", o->value, "Số người")->required()->check(CLI::Range(int64_t{1}, int64_t{9'999'999'999}));
    c->add_option("--source", o->source, "Nguồn số liệu")->required();
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"kind", o->kind}, {"year", o->year}, {"value", o->value}, {"source", o->source}};
      if (!o->province.empty()) body["province"] = o->province;
      sh.Run("POST", "/denominators", {}, DumpJson(body), [o](const Json&) {
        std::cout << "Đã ghi mẫu số " << o->kind << " năm " << o->year << ": " << NumberVi(o->value) << " người ("
                  << o->source << ").\n";
      });
    }));
  }
}

}  // namespace bhxh
