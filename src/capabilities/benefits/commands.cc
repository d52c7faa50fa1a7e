// `bhxh calc benefit FILE` and `bhxh benefits ...`.
#include <iostream>

#include "benefits/json.h"
#include "benefits/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

// The calculator's answer for people: amounts, then every step with its law.
void PrintBenefit(const Json& j) {
  std::cout << Txt(j, "regime_name") << " · sự kiện ngày " << DateVi(Txt(j, "event_date")) << " · Luật "
            << Txt(j, "law") << "\n";
  std::cout << (j["eligible"].get<bool>() ? "Đủ điều kiện hưởng." : "KHÔNG đủ điều kiện hưởng.") << "\n";
  for (const auto& r : j["reasons"]) std::cout << "  - " << r.get<std::string>() << "\n";
  if (!j["amounts"].empty()) {
    std::cout << "\n";
    TextTable t({{"Khoản"}, {"Số tiền", TextTable::Align::kRight}, {"Cách trả"}});
    for (const auto& a : j["amounts"]) {
      std::string how = a["monthly"].get<bool>() ? "hằng tháng" : "một lần";
      if (a.contains("from")) how += " từ " + DateVi(Txt(a, "from"));
      if (a.contains("months")) how += ", " + std::to_string(a["months"].get<int>()) + " tháng";
      t.Row({Txt(a, "label"), MoneyVi(a["amount"].get<int64_t>()), how});
    }
    t.Print(std::cout);
  }
  std::cout << "\nCách tính:\n";
  int n = 0;
  for (const auto& s : j["steps"]) {
    std::cout << " " << ++n << ". " << Txt(s, "text") << "\n    (" << Txt(s, "law") << ")\n";
  }
  if (!j["warnings"].empty()) {
    std::cout << "\nLưu ý:\n";
    for (const auto& w : j["warnings"]) std::cout << "  ! " << w.get<std::string>() << "\n";
  }
}


void PrintCase(const Json& j) {
  std::cout << "Hồ sơ số " << j["id"] << " (lần " << j["version"] << ") · " << Txt(j, "regime_name") << " · "
            << Txt(j, "full_name") << " (CCCD " << Txt(j, "cccd") << ") · sự kiện " << DateVi(Txt(j, "event_date"))
            << "\nTrạng thái: " << Txt(j, "status") << (j.value("replayed", false) ? " (đã lập trước đó)" : "")
            << " · lập bởi " << Txt(j, "prepared_by");
  if (j.contains("decided_by")) std::cout << " · quyết định bởi " << Txt(j, "decided_by");
  std::cout << "\n";
  for (const auto& e : j["excluded"]) std::cout << "  Không tính: " << e.get<std::string>() << "\n";
  for (const auto& e : j["checks"]) std::cout << "  ! Kiểm tra: " << e.get<std::string>() << "\n";
  if (j.contains("result")) {
    std::cout << "\n";
    PrintBenefit(j["result"]);
  }
}

void PrintPayroll(const Json& j) {
  std::cout << "Chi trả tháng " << DateVi(Txt(j, "month")) << ": " << j["paid"] << " người, "
            << MoneyVi(j["total"].get<int64_t>()) << "; dừng chi " << j["withheld"] << "; điều chỉnh lương hưu "
            << j["indexed"] << " người";
  if (j.value("back_paid", 0) > 0)
    std::cout << "; truy lĩnh cho " << j["back_paid"] << " người, " << MoneyVi(j["back_pay"].get<int64_t>())
              << " (đã gồm trong tổng)";
  std::cout << ".\n\n";
  TextTable t({{"Tỉnh"}, {"Số người", TextTable::Align::kRight}, {"Số tiền", TextTable::Align::kRight},
               {"Qua tài khoản", TextTable::Align::kRight}, {"Tỷ lệ", TextTable::Align::kRight}});
  for (const auto& p : j["provinces"]) {
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.1f%%", p["cashless_pct"].get<double>());
    std::string pv = pct;
    for (auto& ch : pv)
      if (ch == '.') ch = ',';
    t.Row({Txt(p, "province"), FormatVnd(p["paid"].get<int64_t>()), MoneyVi(p["amount"].get<int64_t>()),
           FormatVnd(p["cashless"].get<int64_t>()), pv});
  }
  t.Print(std::cout);
  if (j["findings_total"].get<int64_t>() > 0) {
    std::cout << "\nKiểm tra (" << j["findings_total"] << "):\n";
    for (const auto& f : j["findings"]) std::cout << "  ! " << Txt(f, "cccd") << ": " << Txt(f, "detail") << "\n";
  }
}
}  // namespace

void BenefitsCommands(Shell& sh) {
  auto* calc = sh.Group("calc", "Máy tính không cần cơ sở dữ liệu / calculators without a database");
  {
    auto file = std::make_shared<std::string>();
    auto* c = calc->add_subcommand("benefit", "Tính chế độ BHXH từ một tệp yêu cầu JSON (- là đầu vào chuẩn) / "
                                              "compute a benefit from a JSON request");
    c->add_option("file", *file, "Tệp JSON: regime, event_date, person, history, facts")->required();
    c->callback(sh.Guard([&sh, file] {
      auto ctx = sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      auto body = sh.ReadArg(*file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/calc/benefit", {}, *body, PrintBenefit);
    }));
  }

  auto* g = sh.Group("benefits", "Chế độ BHXH: hồ sơ, người hưởng, chi trả / benefits: cases, beneficiaries, payroll");
  {
    struct Opts {
      std::string cccd, regime, event_date, facts, prior, bank, account, cash_point, payee, key;
      int64_t supersedes = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("case-open", "Lập hồ sơ hưởng chế độ từ dữ liệu quá trình đóng / prepare a case");
    c->add_option("cccd", o->cccd, "Số CCCD")->required();
    c->add_option("--regime", o->regime, "pension, one_time, sickness, maternity, ...")->required();
    c->add_option("--event-date", o->event_date, "Ngày của sự kiện YYYY-MM-DD")->required();
    c->add_option("--facts", o->facts, "Dữ kiện dạng JSON, ví dụ {\"days\":3}");
    c->add_option("--prior-history", o->prior, "Tệp JSON: quá trình đóng trước khi có dữ liệu (mảng)");
    c->add_option("--bank", o->bank, "Ngân hàng");
    c->add_option("--account", o->account, "Số tài khoản");
    c->add_option("--cash-point", o->cash_point, "Điểm chi trả tiền mặt");
    c->add_option("--payee", o->payee, "Người nhận (mặc định: người hưởng)");
    c->add_option("--supersedes", o->supersedes, "Số hồ sơ được điều chỉnh");
    c->add_option("--key", o->key, "Khoá chống gửi trùng")->required();
    c->callback(sh.Guard([&sh, o] {
      Json req = {{"regime", o->regime}, {"event_date", o->event_date}};
      if (!o->facts.empty()) {
        auto f = ParseJson(o->facts);
        if (!f.ok()) return sh.Fail(f.status().WithFieldPrefix("facts"));
        req["facts"] = *f;
      }
      if (!o->prior.empty()) {
        auto text = sh.ReadArg(o->prior);
        if (!text.ok()) return sh.Fail(text.status());
        auto f = ParseJson(*text);
        if (!f.ok()) return sh.Fail(f.status().WithFieldPrefix("prior_history"));
        req["prior_history"] = *f;
      }
      Json body = {{"cccd", o->cccd}, {"request", req}};
      if (!o->bank.empty()) body["bank"] = o->bank;
      if (!o->account.empty()) body["bank_account"] = o->account;
      if (!o->cash_point.empty()) body["cash_point"] = o->cash_point;
      if (!o->payee.empty()) body["payee"] = o->payee;
      if (o->supersedes) body["supersedes"] = o->supersedes;
      sh.Run("POST", "/benefits/cases", {}, DumpJson(body), PrintCase, {{"idempotency-key", o->key}});
    }));
  }
  {
    struct Opts {
      std::string cccd, regime = "pension", event_date, facts, save;
      bool assume_continued = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("estimate", "Tính thử chế độ từ quá trình đóng trong cơ sở dữ liệu (không lập hồ sơ) / "
                                            "estimate a benefit from the national record");
    c->add_option("cccd", o->cccd, "Số CCCD")->required();
    c->add_option("--regime", o->regime, "pension (mặc định), one_time, sickness, maternity, ...");
    c->add_option("--event-date", o->event_date, "Ngày của sự kiện YYYY-MM-DD (mặc định hôm nay)");
    c->add_flag("--continue", o->assume_continued,
                "Giả định tiếp tục đóng với tiền lương tháng cuối đến tháng trước sự kiện");
    c->add_option("--facts", o->facts, "Dữ kiện dạng JSON, ví dụ {\"days\":3}");
    c->add_option("--save-request", o->save, "Ghi yêu cầu tính ra tệp JSON (để sửa rồi dùng với bhxh calc benefit)");
    c->callback(sh.Guard([&sh, o] {
      const std::string path = "/persons/" + o->cccd + "/benefit-request";
      std::map<std::string, std::string> q = {{"regime", o->regime}, {"event_date", o->event_date}};
      if (o->assume_continued) q["assume_continued"] = "true";
      HttpResponse r = sh.Call("GET", path, q);
      if (r.status >= 400) return sh.Run("GET", path, q, "", [](const Json&) {});
      auto record = ParseJson(r.body);
      if (!record.ok()) return sh.Fail(record.status());
      Json req = (*record)["request"];
      if (!o->facts.empty()) {
        auto f = ParseJson(o->facts);
        if (!f.ok()) return sh.Fail(f.status().WithFieldPrefix("facts"));
        req["facts"] = *f;
      }
      if (!o->save.empty()) {
        if (Status s = WriteFileBytes(o->save, DumpJson(req, 2) + "\n"); !s.ok()) return sh.Fail(s);
      }
      const Json rec = *record;
      const std::string saved = o->save;
      sh.Run("POST", "/calc/benefit", {}, DumpJson(req), [rec, saved](const Json& j) {
        std::cout << Txt(rec, "full_name") << " · dữ liệu quá trình đóng đến hết tháng "
                  << DateVi(Txt(rec, "counted_through")) << "\n";
        for (const auto& e : rec["excluded"]) std::cout << "  Không tính: " << e.get<std::string>() << "\n";
        if (rec["continued"].get<bool>())
          std::cout << "  Giả định: tiếp tục đóng với tiền lương tháng cuối đến tháng trước ngày sự kiện\n";
        if (!saved.empty()) std::cout << "  Đã ghi yêu cầu tính vào " << saved << "\n";
        std::cout << "\n";
        PrintBenefit(j);
      });
    }));
  }
  {
    auto id = std::make_shared<std::string>();
    auto* c = g->add_subcommand("case-show", "Xem hồ sơ với từng bước tính / show a case");
    c->add_option("id", *id, "Số hồ sơ")->required();
    c->callback(sh.Guard([&sh, id] { sh.Run("GET", "/benefits/cases/" + *id, {}, "", PrintCase); }));
  }
  {
    struct Opts {
      std::string id, note;
      bool reject = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("decide", "Phê duyệt (hoặc --reject) hồ sơ; người duyệt khác người lập");
    c->add_option("id", o->id, "Số hồ sơ")->required();
    c->add_flag("--reject", o->reject, "Từ chối");
    c->add_option("--note", o->note, "Ghi chú, lý do từ chối");
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"approve", !o->reject}};
      if (!o->note.empty()) body["note"] = o->note;
      sh.Run("POST", "/benefits/cases/" + o->id + "/decision", {}, DumpJson(body), PrintCase,
             {{"idempotency-key", "cli:decide:" + o->id}});
    }));
  }
  {
    auto status = std::make_shared<std::string>();
    auto* c = g->add_subcommand("cases", "Danh sách hồ sơ / list cases");
    c->add_option("--status", *status, "prepared, approved, rejected, superseded");
    c->callback(sh.Guard([&sh, status] {
      std::map<std::string, std::string> q;
      if (!status->empty()) q["status"] = *status;
      sh.Run("GET", "/benefits/cases", q, "", [](const Json& j) {
        TextTable t({{"Số"}, {"CCCD"}, {"Họ tên"}, {"Chế độ"}, {"Sự kiện"}, {"Trạng thái"},
                     {"Hằng tháng", TextTable::Align::kRight}, {"Một lần", TextTable::Align::kRight}});
        for (const auto& x : j["cases"])
          t.Row({std::to_string(x["id"].get<int64_t>()), Txt(x, "cccd"), Txt(x, "full_name"), Txt(x, "regime_name"),
                 DateVi(Txt(x, "event_date")), Txt(x, "status"), MoneyVi(x["monthly"].get<int64_t>()),
                 MoneyVi(x["lump_sum"].get<int64_t>())});
        t.Print(std::cout);
        std::cout << "Tổng số: " << j["page"]["total"] << " hồ sơ\n";
      });
    }));
  }
  {
    auto month = std::make_shared<std::string>();
    auto* c = g->add_subcommand("payroll", "Chi trả hằng tháng cho mọi người hưởng / run the monthly payroll");
    c->add_option("month", *month, "Tháng YYYY-MM")->required();
    c->callback(sh.Guard([&sh, month] {
      sh.Run("POST", "/benefits/payrolls", {}, DumpJson({{"month", *month}}), PrintPayroll);
    }));
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = g->add_subcommand("deaths", "Nhận danh sách người chết (CSV cccd,death_date): dừng chi, thu hồi, mai táng");
    c->add_option("file", *file, "Tệp CSV (- là đầu vào chuẩn)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto body = sh.ReadArg(*file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/benefits/deaths", {}, *body,
             [](const Json& j) {
               std::cout << "Ghi nhận " << j["recorded"] << " người chết (" << j["already"] << " đã có); dừng chi "
                         << j["stopped"] << " chế độ; chi thừa cần thu hồi " << MoneyVi(j["overpaid"].get<int64_t>())
                         << "; lập " << j["cases_opened"] << " hồ sơ mai táng, " << j["survivor_cases_opened"]
                         << " hồ sơ tử tuất.\n";
               for (const auto& n : j["notes"]) std::cout << "  - " << n.get<std::string>() << "\n";
             },
             {{"content-type", "text/csv"}});
    }));
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = g->add_subcommand("commune-types", "Nhập loại xã/phường (CSV province,commune,type urban|rural)");
    c->add_option("file", *file, "Tệp CSV")->required();
    c->callback(sh.Guard([&sh, file] {
      auto body = sh.ReadArg(*file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/benefits/commune-types", {}, *body,
             [](const Json& j) { std::cout << "Đã nhập " << j["applied"] << " xã/phường.\n"; },
             {{"content-type", "text/csv"}});
    }));
  }
}

}  // namespace bhxh
