// `bhxh services ...` and `bhxh dossiers ...`: the catalogue, the calendar,
// deadlines, dossiers at the desk, slips, the tracking book and the
// indicators — through the route table, as the operator at the desk.
#include <iostream>

#include "platform/cli/format.h"
#include "platform/cli/shell.h"
#include "services/module.h"

namespace bhxh {

namespace {

const char* StatusVi(const std::string& s) {
  if (s == "received") return "Mới tiếp nhận";
  if (s == "processing") return "Đang giải quyết";
  if (s == "supplement") return "Chờ bổ sung";
  if (s == "returned") return "Đã trả kết quả";
  if (s == "refused") return "Từ chối";
  return s.c_str();
}
const char* OutcomeVi(const std::string& s) {
  if (s == "early") return "trước hạn";
  if (s == "on_time") return "đúng hạn";
  if (s == "late") return "quá hạn";
  return "";
}

void PrintDossier(const Json& d) {
  std::cout << "Hồ sơ " << Txt(d, "number") << (d.value("replayed", false) ? " (đã nhận trước đó)" : "") << " · thủ tục "
            << Txt(d, "procedure") << " · " << Txt(d, "filer_name") << "\n"
            << "Nhận: " << Txt(d, "received_at") << " · hẹn trả: " << DateVi(Txt(d, "due_on"))
            << (Txt(d, "new_due_on").empty() ? "" : " (hẹn lại " + DateVi(Txt(d, "new_due_on")) + ")") << " · "
            << StatusVi(Txt(d, "status"))
            << (Txt(d, "outcome").empty() ? "" : std::string(" (") + OutcomeVi(Txt(d, "outcome")) + ")") << "\n";
  for (const auto& n : d["deadline_notes"]) std::cout << "  * " << n.get<std::string>() << "\n";
  TextTable t({{"Bước", TextTable::Align::kRight}, {"Thời điểm"}, {"Việc"}, {"Từ", {}, 24}, {"Đến", {}, 24}, {"Ghi chú", {}, 40}});
  for (const auto& s : d["steps"])
    t.Row({std::to_string(s["seq"].get<int>()), Txt(s, "at"), Txt(s, "action"), Txt(s, "from_unit"), Txt(s, "to_unit"), Txt(s, "note")});
  t.Print(std::cout);
  if (!d["result"].empty()) std::cout << "Kết quả: " << d["result"].dump() << "\n";
}

}  // namespace

void ServicesCommands(Shell& sh) {
  auto* g = sh.Group("services", "Dịch vụ công: thủ tục, lịch làm việc, thời hạn, chỉ số / public services");
  {
    auto group = std::make_shared<std::string>();
    auto* c = g->add_subcommand("procedures", "Danh mục thủ tục hành chính / the procedure catalogue");
    c->add_option("--group", *group, "collection | book_card | si_benefits | hi | payment");
    c->callback(sh.Guard([&sh, group] {
      std::map<std::string, std::string> q;
      if (!group->empty()) q["group"] = *group;
      sh.Run("GET", "/services/procedures", q, "", [](const Json& j) {
        TextTable t({{"Mã"}, {"Thủ tục", {}, 50}, {"Hạn", TextTable::Align::kRight}, {"Đơn vị"}, {"Nộp"}, {"Toàn trình"}, {"Căn cứ", {}, 30}});
        for (const auto& p : j["procedures"]) {
          std::string filers;
          for (const auto& f : p["filers"]) filers += (filers.empty() ? "" : ", ") + f.get<std::string>();
          std::string unit = Txt(p, "deadline_unit");
          t.Row({Txt(p, "code"), Txt(p, "name"), std::to_string(p["deadline"].get<int>()),
                 unit == "working_days" ? "ngày làm việc" : unit == "days" ? "ngày" : "ngày trừ ngày lễ", filers,
                 p["fully_online"].get<bool>() ? "có" : "không", Txt(p, "article")});
        }
        t.Print(std::cout);
      });
    }));
  }
  {
    auto year = std::make_shared<int>(0);
    auto* c = g->add_subcommand("calendar", "Ngày nghỉ lễ, Tết, nghỉ hoán đổi và làm bù của một năm");
    c->add_option("--year", *year, "Năm")->required();
    c->callback(sh.Guard([&sh, year] {
      sh.Run("GET", "/services/calendar", {{"year", std::to_string(*year)}}, "", [](const Json& j) {
        if (!j["complete"].get<bool>()) std::cout << "Chú ý: lịch năm này chưa đầy đủ (chưa có thông báo nghỉ của Chính phủ)\n";
        TextTable t({{"Ngày"}, {"Loại"}, {"Tên", {}, 40}, {"Căn cứ", {}, 40}});
        for (const auto& d : j["days"]) {
          std::string k = Txt(d, "kind");
          t.Row({DateVi(Txt(d, "date")), k == "holiday" ? "Nghỉ lễ" : k == "day_off" ? "Nghỉ hoán đổi" : "Làm bù", Txt(d, "name"),
                 Txt(d, "source")});
        }
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opts {
      std::string date, kind, name, source;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("calendar-set", "Sửa hoặc thêm một ngày nghỉ, ngày làm bù (normal: bỏ ngày của tệp)");
    c->add_option("date", o->date, "Ngày YYYY-MM-DD")->required();
    c->add_option("--kind", o->kind, "holiday | day_off | working_day | normal")->required();
    c->add_option("--name", o->name, "Tên ngày / lý do")->required();
    c->add_option("--source", o->source, "Văn bản thông báo")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("POST", "/services/calendar", {},
             DumpJson({{"date", o->date}, {"kind", o->kind}, {"name", o->name}, {"source", o->source}}), [](const Json& j) {
               std::cout << "Ngày " << DateVi(Txt(j, "date")) << (j["working_day"].get<bool>() ? " là ngày làm việc" : " là ngày nghỉ")
                         << "\n";
             });
    }));
  }
  {
    struct Opts {
      std::string procedure, at;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("deadline", "Ngày hẹn trả kết quả nếu nhận hồ sơ vào một thời điểm");
    c->add_option("--procedure", o->procedure, "Mã thủ tục")->required();
    c->add_option("--received-at", o->at, "Giờ Việt Nam YYYY-MM-DDTHH:MM")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/services/deadline", {{"procedure", o->procedure}, {"received_at", o->at}}, "", [](const Json& j) {
        std::cout << "Bắt đầu tính hạn: " << DateVi(Txt(j, "counted_from")) << "\nHẹn trả kết quả: " << DateVi(Txt(j, "due")) << " ("
                  << j["amount"].get<int>() << " " << (Txt(j, "unit") == "working_days" ? "ngày làm việc" : "ngày") << ")\n";
        for (const auto& n : j["notes"]) std::cout << "  * " << n.get<std::string>() << "\n";
      });
    }));
  }
  {
    struct Opts {
      std::string from, to, province, out;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("tracking-book", "Sổ theo dõi hồ sơ (Mẫu 06), trang HTML");
    c->add_option("--from", o->from, "Từ ngày")->required();
    c->add_option("--to", o->to, "Đến ngày")->required();
    c->add_option("--province", o->province, "Tỉnh");
    c->add_option("--out", o->out, "Tệp ghi ra");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q = {{"from", o->from}, {"to", o->to}};
      if (!o->province.empty()) q["province"] = o->province;
      sh.Save("/services/tracking-book", q, o->out);
    }));
  }
  {
    struct Opts {
      std::string from, to, province;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("indicators", "Chỉ số dịch vụ công của một kỳ, kèm cách tính");
    c->add_option("--from", o->from, "Từ ngày")->required();
    c->add_option("--to", o->to, "Đến ngày")->required();
    c->add_option("--province", o->province, "Tỉnh");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q = {{"from", o->from}, {"to", o->to}};
      if (!o->province.empty()) q["province"] = o->province;
      sh.Run("GET", "/services/indicators", q, "", [](const Json& j) {
        std::cout << "Hồ sơ đang giải quyết: " << NumberVi(j["open"].get<int64_t>()) << " (quá hạn "
                  << NumberVi(j["open_overdue"].get<int64_t>()) << ")\n";
        for (const auto& m : j["method"]) std::cout << "- " << m.get<std::string>() << "\n";
        TextTable t({{"Thủ tục"}, {"Tên", {}, 40}, {"Có kết quả", TextTable::Align::kRight}, {"Đúng hạn", TextTable::Align::kRight},
                     {"Quá hạn", TextTable::Align::kRight}, {"Ngày làm việc TB", TextTable::Align::kRight}});
        for (const auto& p : j["by_procedure"])
          t.Row({Txt(p, "code"), Txt(p, "name"), NumberVi(p["finished"].get<int64_t>()), NumberVi(p["on_time"].get<int64_t>()),
                 NumberVi(p["late"].get<int64_t>()), DecimalVi(p["avg_working_days"].get<double>(), 1)});
        t.Print(std::cout);
      });
    }));
  }

  auto* d = sh.Group("dossiers", "Hồ sơ một cửa: tiếp nhận, chuyển, bổ sung, từ chối, xin lỗi, trả kết quả, phiếu in");
  {
    struct Opts {
      std::string file, key;
    };
    auto o = std::make_shared<Opts>();
    auto* c = d->add_subcommand("receive", "Tiếp nhận hồ sơ tại bộ phận một cửa từ tệp JSON (như POST /dossiers)");
    c->add_option("file", o->file, "Tệp JSON (- là đầu vào chuẩn)")->required();
    c->add_option("--key", o->key, "Khoá chống gửi trùng")->required();
    c->callback(sh.Guard([&sh, o] {
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/dossiers", {}, *body, PrintDossier, {{"idempotency-key", o->key}});
    }));
  }
  {
    struct Opts {
      bool open = false, apology = false;
      std::string status, province, procedure;
    };
    auto o = std::make_shared<Opts>();
    auto* c = d->add_subcommand("list", "Danh sách hồ sơ (--open: đang giải quyết; --needs-apology: cần phiếu xin lỗi)");
    c->add_flag("--open", o->open, "Chỉ hồ sơ đang giải quyết");
    c->add_flag("--needs-apology", o->apology, "Sắp hoặc đã quá hạn mà chưa xin lỗi");
    c->add_option("--status", o->status, "received | processing | supplement | returned | refused");
    c->add_option("--province", o->province, "Tỉnh");
    c->add_option("--procedure", o->procedure, "Mã thủ tục");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q = {{"limit", "500"}};
      if (o->open) q["open"] = "true";
      if (o->apology) q["needs_apology"] = "true";
      if (!o->status.empty()) q["status"] = o->status;
      if (!o->province.empty()) q["province"] = o->province;
      if (!o->procedure.empty()) q["procedure"] = o->procedure;
      sh.Run("GET", "/dossiers", q, "", [](const Json& j) {
        TextTable t({{"Số", TextTable::Align::kRight}, {"Mã hồ sơ"}, {"Thủ tục"}, {"Người nộp", {}, 24}, {"Hẹn trả"}, {"Trạng thái"},
                     {"Còn (ngày LV)", TextTable::Align::kRight}, {"Đang ở", {}, 24}});
        for (const auto& r : j["dossiers"]) {
          std::string st = Txt(r, "status");
          bool open = st == "received" || st == "processing" || st == "supplement";
          t.Row({std::to_string(r["id"].get<int64_t>()), Txt(r, "number"), Txt(r, "procedure"), Txt(r, "filer_name"),
                 DateVi(Txt(r, "due_on")), std::string(StatusVi(st)) + (open ? "" : std::string(" ") + OutcomeVi(Txt(r, "outcome"))),
                 open ? std::to_string(r["working_days_left"].get<int>()) : "", Txt(r, "holder_unit")});
        }
        t.Print(std::cout);
        std::cout << "Tổng số: " << NumberVi(j["page"]["total"].get<int64_t>()) << " hồ sơ\n";
      });
    }));
  }
  {
    auto id = std::make_shared<std::string>();
    auto* c = d->add_subcommand("show", "Một hồ sơ với các bước giao nhận");
    c->add_option("id", *id, "Số hồ sơ")->required();
    c->callback(sh.Guard([&sh, id] { sh.Run("GET", "/dossiers/" + *id, {}, "", PrintDossier); }));
  }
  // The steps: each a POST with a small body.
  struct StepOpts {
    std::string id, at, note, to_unit, to_officer, new_due, reason;
    std::vector<std::string> list;
  };
  auto step = [&sh, d](const char* name, const char* help, const char* path,
                       std::function<void(CLI::App*, StepOpts&)> options, std::function<Json(const StepOpts&)> body) {
    auto o = std::make_shared<StepOpts>();
    auto* c = d->add_subcommand(name, help);
    c->add_option("id", o->id, "Số hồ sơ")->required();
    c->add_option("--at", o->at, "Thời điểm, giờ Việt Nam YYYY-MM-DDTHH:MM (mặc định: bây giờ)");
    c->add_option("--note", o->note, "Ghi chú");
    options(c, *o);
    c->callback(sh.Guard([&sh, o, path, body] {
      Json b = body(*o);
      if (!o->at.empty()) b["at"] = o->at;
      if (!o->note.empty()) b["note"] = o->note;
      sh.Run("POST", "/dossiers/" + o->id + path, {}, DumpJson(b), PrintDossier);
    }));
  };
  step("handover", "Chuyển hồ sơ cho đơn vị, cán bộ giải quyết", "/handover",
       [](CLI::App* c, StepOpts& o) {
         c->add_option("--to-unit", o.to_unit, "Đơn vị nhận")->required();
         c->add_option("--to-officer", o.to_officer, "Cán bộ nhận")->required();
       },
       [](const StepOpts& o) { return Json{{"to_unit", o.to_unit}, {"to_officer", o.to_officer}}; });
  step("supplement", "Yêu cầu bổ sung hồ sơ (Mẫu 02)", "/supplement-request",
       [](CLI::App* c, StepOpts& o) { c->add_option("--missing", o.list, "Giấy tờ cần bổ sung (lặp lại được)")->required(); },
       [](const StepOpts& o) { return Json{{"missing", o.list}}; });
  step("supplement-received", "Đã nhận đủ giấy tờ bổ sung: tính lại hạn", "/supplement-received", [](CLI::App*, StepOpts&) {},
       [](const StepOpts&) { return Json::object(); });
  step("refuse", "Từ chối giải quyết hồ sơ (Mẫu 03)", "/refusal",
       [](CLI::App* c, StepOpts& o) { c->add_option("--reason", o.list, "Lý do (lặp lại được)")->required(); },
       [](const StepOpts& o) { return Json{{"reasons", o.list}}; });
  step("apology", "Phiếu xin lỗi và hẹn lại ngày trả (Mẫu 04)", "/apology",
       [](CLI::App* c, StepOpts& o) {
         c->add_option("--new-due", o.new_due, "Ngày hẹn mới")->required();
         c->add_option("--reason", o.reason, "Lý do chậm")->required();
       },
       [](const StepOpts& o) { return Json{{"new_due", o.new_due}, {"reason", o.reason}}; });
  step("result", "Trả kết quả: thực hiện thủ tục vào cơ sở dữ liệu", "/result", [](CLI::App*, StepOpts&) {},
       [](const StepOpts&) { return Json::object(); });
  {
    struct Opts {
      std::string id, form = "01", out;
    };
    auto o = std::make_shared<Opts>();
    auto* c = d->add_subcommand("slip", "Phiếu in của hồ sơ: 01 tiếp nhận, 02 bổ sung, 03 từ chối, 04 xin lỗi, 05 kiểm soát");
    c->add_option("id", o->id, "Số hồ sơ")->required();
    c->add_option("--form", o->form, "01 | 02 | 03 | 04 | 05");
    c->add_option("--out", o->out, "Tệp ghi ra");
    c->callback(sh.Guard([&sh, o] { sh.Save("/dossiers/" + o->id + "/slips/" + o->form, {}, o->out); }));
  }
}

}  // namespace bhxh
