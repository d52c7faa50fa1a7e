// `bhxh funds ...`: the journal, statements, postings, investments, the
// fund-balance model, forecasts and estimates, through the route table.
#include <cmath>
#include <iostream>

#include "base/xlsx_out.h"
#include "funds/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

// Billions of dong, as leaders read fund figures: "1.234,5 tỷ".
std::string Billions(double v) { return DecimalVi(v / 1e9, 1) + " tỷ"; }
std::string Num(double v) { return NumberVi(static_cast<int64_t>(std::llround(v))); }
std::string YearOrNone(const Json& j) { return j.is_null() ? "không trong kỳ dự báo" : std::to_string(j.get<int>()); }

void PrintProjection(const Json& j) {
  std::cout << "Mô hình cân đối quỹ hưu trí và tử tuất — " << Txt(j, "title") << "\nDân số gốc: " << Txt(j, "base") << "\n";
  std::cout << "Năm đầu " << j["start_year"] << ", số dư đầu kỳ " << Billions(j["start_reserve"].get<double>()) << "\n\n";
  TextTable t({{"Năm"},
               {"Người đóng", TextTable::Align::kRight},
               {"Người hưởng", TextTable::Align::kRight},
               {"Thu", TextTable::Align::kRight},
               {"Chi", TextTable::Align::kRight},
               {"Lãi đầu tư", TextTable::Align::kRight},
               {"Số dư cuối năm", TextTable::Align::kRight},
               {"Chi phí PAYG", TextTable::Align::kRight}});
  const auto& ys = j["years"];
  for (size_t i = 0; i < ys.size(); ++i) {
    if (i % 5 != 0 && i + 1 != ys.size()) continue;
    const auto& y = ys[i];
    t.Row({std::to_string(y["year"].get<int>()), Num(y["contributors"].get<double>()),
           Num(y["pensioners"].get<double>()), Billions(y["revenue"].get<double>()),
           Billions(y["expenditure"].get<double>()), Billions(y["investment_income"].get<double>()),
           Billions(y["reserve"].get<double>()), DecimalVi(y["payg_cost_rate"].get<double>(), 2) + "%"});
  }
  t.Print(std::cout);
  std::cout << "\nNăm đầu tiên thu đóng thấp hơn chi: " << YearOrNone(j["deficit_year"])
            << "\nNăm quỹ cạn (số dư âm): " << YearOrNone(j["depletion_year"])
            << "\nTỷ lệ chi phí PAYG năm đầu: " << DecimalVi(j["payg_cost_rate"].get<double>(), 2)
            << "% quỹ lương; phí bình quân chung (GAP): " << DecimalVi(j["gap"].get<double>(), 2) << "% quỹ lương\n";
  if (j.contains("stochastic")) {
    const auto& s = j["stochastic"];
    const auto& d = s["depletion_year_percentiles"];
    std::cout << "\nChạy ngẫu nhiên " << s["paths"] << " kịch bản: năm cạn quỹ P5 " << YearOrNone(d["p5"]) << ", P50 "
              << YearOrNone(d["p50"]) << ", P95 " << YearOrNone(d["p95"]) << "; "
              << DecimalVi(s["share_depleted"].get<double>(), 1) << "% kịch bản cạn quỹ trong kỳ ("
              << DecimalVi(s["seconds"].get<double>(), 2) << " giây)\n";
  }
  std::cout << "\nGiả định (đổi bằng --set TÊN=GIÁ_TRỊ):\n";
  for (const auto& [name, a] : j["assumptions"].items())
    std::cout << "  " << name << " = " << a["value"].get<double>() << " " << Txt(a, "unit")
              << (a["overridden"].get<bool>() ? "  [đã thay đổi]" : "") << "  (" << Txt(a, "source") << ")\n";
  for (const auto& n : j["notes"]) std::cout << "  * " << n.get<std::string>() << "\n";
}

void PrintEntry(const Json& j) {
  std::cout << "Bút toán số " << j["id"] << (j.value("replayed", false) ? " (đã ghi trước đó)" : "") << " ngày "
            << DateVi(Txt(j, "posted_on")) << " · " << Txt(j, "source_kind") << " " << Txt(j, "source_ref") << "\n"
            << Txt(j, "description") << "\n";
  TextTable t({{"Tài khoản"}, {"Quỹ"}, {"Tỉnh"}, {"Nợ", TextTable::Align::kRight}, {"Có", TextTable::Align::kRight}});
  for (const auto& l : j["lines"])
    t.Row({Txt(l, "account"), Txt(l, "fund"), Txt(l, "province"), l.contains("debit") ? MoneyVi(l["debit"].get<int64_t>()) : "",
           l.contains("credit") ? MoneyVi(l["credit"].get<int64_t>()) : ""});
  t.Print(std::cout);
}

void PrintProposal(const Json& j) {
  std::string st = Txt(j, "status");
  std::cout << (j["reverses"].is_number() ? "Đề xuất đảo bút toán số " + std::to_string(j["reverses"].get<int64_t>()) + ", đề xuất số "
                                           : std::string("Bút toán thủ công số "))
            << j["id"] << " (" << DateVi(Txt(j, "posted_on")) << ", " << Txt(j, "description") << ", "
            << MoneyVi(j["total"].get<int64_t>()) << ") lập bởi " << Txt(j, "prepared_by") << ": "
            << (st == "pending"  ? "chờ cán bộ khác duyệt"
                : st == "posted" ? "đã duyệt, vào sổ thành bút toán số " + std::to_string(j["entry_id"].get<int64_t>())
                                 : "bị từ chối (" + Txt(j, "note") + ")")
            << "\n";
}

void PrintStatements(const Json& j) {
  TextTable t({{"Quỹ"},
               {"Đầu kỳ", TextTable::Align::kRight},
               {"Thu", TextTable::Align::kRight},
               {"Chi", TextTable::Align::kRight},
               {"Cuối kỳ", TextTable::Align::kRight}});
  std::string label;
  for (const auto& s : j["statements"]) {
    label = Txt(s["span"], "label");
    t.Row({Txt(s, "fund_name"), MoneyVi(s["opening"].get<int64_t>()), MoneyVi(s["revenue"].get<int64_t>()), MoneyVi(s["expenditure"].get<int64_t>()),
           MoneyVi(s["closing"].get<int64_t>())});
  }
  std::cout << "Báo cáo các quỹ " << label << "\n";
  t.Print(std::cout);
}

void PrintSources(const Json& j) {
  std::cout << "Ghi sổ quỹ tháng " << DateVi(Txt(j, "month")) << ":\n";
  for (const auto& p : j["postings"])
    std::cout << "  " << Txt(p, "kind") << " " << Txt(p, "ref") << ": " << Txt(p, "note")
              << (p.contains("entry_id") ? " — bút toán số " + std::to_string(p["entry_id"].get<int64_t>()) + ", " +
                                               MoneyVi(p["amount"].get<int64_t>()) + ", " + std::to_string(p["lines"].get<int>()) +
                                               " dòng"
                                         : "")
              << "\n";
  if (j["budget_paid"].get<int64_t>() > 0)
    std::cout << "  Chi từ ngân sách nhà nước (không thuộc quỹ): " << MoneyVi(j["budget_paid"].get<int64_t>()) << "\n";
}

void PrintPortfolio(const Json& j) {
  std::cout << "Danh mục đầu tư ngày " << DateVi(Txt(j, "as_of")) << ": gốc " << MoneyVi(j["principal"].get<int64_t>())
            << ", lãi dự thu " << MoneyVi(j["accrued"].get<int64_t>()) << "\n";
  TextTable t({{"Mã"}, {"Quỹ"}, {"Hình thức"}, {"Tổ chức"}, {"Gốc", TextTable::Align::kRight},
               {"Lãi suất", TextTable::Align::kRight}, {"Đáo hạn"}, {"Lãi dự thu", TextTable::Align::kRight}});
  for (const auto& v : j["items"])
    t.Row({Txt(v, "reference"), Txt(v, "fund"), Txt(v, "kind"), Txt(v, "issuer"), MoneyVi(v["amount"].get<int64_t>()),
           DecimalVi(v["rate"].get<double>(), 2) + "%", DateVi(Txt(v, "matures_on")), MoneyVi(v["accrued"].get<int64_t>())});
  t.Print(std::cout);
  std::cout << "\nThang đáo hạn:\n";
  for (const auto& l : j["ladder"]) std::cout << "  " << l["year"] << ": " << MoneyVi(l["amount"].get<int64_t>()) << "\n";
  std::cout << "\nCơ cấu:\n";
  for (const auto& s : j["structure"])
    std::cout << "  " << Txt(s, "name") << ": " << DecimalVi(s["share"].get<double>(), 2) << "%"
              << (s.contains("problem") ? "  ! " + Txt(s, "problem") : "") << "\n";
}

}  // namespace

void FundsCommands(Shell& sh) {
  auto* g = sh.Group("funds", "Quỹ: sổ kế toán, đầu tư, mô hình cân đối, dự báo, dự toán / funds");
  {
    struct Opts {
      int years = 0;
      std::string base = "national", as_of, scenario;
      std::vector<std::string> set;
      bool stochastic = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("project", "Dự báo dài hạn quỹ hưu trí, tử tuất / long-term projection");
    c->add_option("--years", o->years, "Số năm dự báo (mặc định 75)");
    c->add_option("--base", o->base, "Dân số gốc: national (tệp số liệu quốc gia) hoặc db (cơ sở dữ liệu)")
        ->check(CLI::IsMember({"national", "db"}));
    c->add_option("--as-of", o->as_of, "base=db: tháng YYYY-MM của dân số gốc");
    c->add_option("--set", o->set, "Giả định TÊN=GIÁ_TRỊ (lặp lại được), ví dụ retirement_age_male=65");
    c->add_option("--scenario", o->scenario, "Kịch bản trong data/funds/scenarios (ilo2013, retirement_65, ...)");
    c->add_flag("--stochastic", o->stochastic, "Thêm 1.000 kịch bản ngẫu nhiên (lương, lãi, tử vong)");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = o->base == "db" ? sh.Context() : sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      Json body = {{"base", o->base}, {"stochastic", o->stochastic}, {"set", Json::object()}};
      if (!o->as_of.empty()) body["as_of"] = o->as_of;
      if (!o->scenario.empty()) body["scenario"] = o->scenario;
      if (o->years) body["set"]["years"] = o->years;
      for (const auto& kv : o->set) {
        auto eq = kv.find('=');
        if (eq == std::string::npos)
          return sh.Fail(Status::Invalid("set", "Giả định phải có dạng TÊN=GIÁ_TRỊ: \"" + kv + "\"",
                                         "an assumption is NAME=VALUE: \"" + kv + "\""));
        std::string name = kv.substr(0, eq), value = kv.substr(eq + 1);
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size())
          return sh.Fail(Status::Invalid(name, "Giá trị của giả định " + name + " không phải là số: \"" + value + "\"",
                                         "assumption " + name + " is not a number"));
        body["set"][name] = v;
      }
      sh.Run("POST", "/funds/projection", {}, DumpJson(body), PrintProjection);
    }));
  }
  {
    auto* c = g->add_subcommand("scenarios", "So sánh các kịch bản của mô hình cân đối quỹ / scenarios side by side");
    c->callback(sh.Guard([&sh] {
      auto ctx = sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("GET", "/funds/scenarios", {}, "", [](const Json& j) {
        TextTable t({{"Kịch bản", {}, 44}, {"Năm đầu"}, {"Bội chi từ"}, {"Cạn quỹ"},
                     {"PAYG năm đầu", TextTable::Align::kRight}, {"GAP", TextTable::Align::kRight}});
        for (const auto& s : j["scenarios"])
          t.Row({Txt(s, "title") + (Txt(s, "scenario").empty() ? "" : " (" + Txt(s, "scenario") + ")"),
                 std::to_string(s["start_year"].get<int>()), YearOrNone(s["deficit_year"]), YearOrNone(s["depletion_year"]),
                 DecimalVi(s["payg_cost_rate"].get<double>(), 2) + "%", DecimalVi(s["gap"].get<double>(), 2) + "%"});
        t.Print(std::cout);
      });
    }));
  }
  {
    auto month = std::make_shared<std::string>();
    auto* c = g->add_subcommand("post", "Ghi sổ quỹ từ thu, chi trả, quyết toán KCB của tháng / post a month");
    c->add_option("month", *month, "Tháng YYYY-MM")->required();
    c->callback(sh.Guard(
        [&sh, month] { sh.Run("POST", "/funds/postings", {}, DumpJson({{"month", *month}}), PrintSources); }));
  }
  {
    struct Opts {
      std::string file, key;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("entry", "Lập một bút toán thủ công từ tệp JSON (chờ người khác duyệt) / prepare an entry");
    c->add_option("file", o->file, "Tệp JSON: posted_on, description, lines (- là đầu vào chuẩn)")->required();
    c->add_option("--key", o->key, "Khoá chống gửi trùng")->required();
    c->callback(sh.Guard([&sh, o] {
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/funds/entries", {}, *body, PrintProposal, {{"idempotency-key", o->key}});
    }));
  }
  {
    struct Opts {
      std::string id, note;
      bool reject = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("approve", "Duyệt (vào sổ) hoặc từ chối bút toán thủ công do người khác lập");
    c->add_option("id", o->id, "Số đề xuất")->required();
    c->add_flag("--reject", o->reject, "Từ chối thay vì duyệt");
    c->add_option("--note", o->note, "Ghi chú (bắt buộc khi từ chối)");
    c->callback(sh.Guard([&sh, o] {
      Json b = {{"approve", !o->reject}};
      if (!o->note.empty()) b["note"] = o->note;
      sh.Run("POST", "/funds/proposals/" + o->id + "/decision", {}, DumpJson(b), PrintProposal);
    }));
  }
  {
    auto status = std::make_shared<std::string>();
    auto* c = g->add_subcommand("proposals", "Bút toán thủ công chờ duyệt / manual entries waiting");
    c->add_option("--status", *status, "pending | posted | rejected");
    c->callback(sh.Guard([&sh, status] {
      std::map<std::string, std::string> q;
      if (!status->empty()) q["status"] = *status;
      sh.Run("GET", "/funds/proposals", q, "", [](const Json& j) {
        TextTable t({{"Số", TextTable::Align::kRight}, {"Ngày"}, {"Diễn giải", {}, 40}, {"Số tiền", TextTable::Align::kRight},
                     {"Người lập"}, {"Trạng thái"}});
        for (const auto& p : j["proposals"])
          t.Row({std::to_string(p["id"].get<int64_t>()), DateVi(Txt(p, "posted_on")), Txt(p, "description"),
                 MoneyVi(p["total"].get<int64_t>()), Txt(p, "prepared_by"), Txt(p, "status")});
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opts {
      std::string id, date, reason, key;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("reverse", "Đề xuất đảo một bút toán (cán bộ khác duyệt) / propose a reversal");
    c->add_option("id", o->id, "Số bút toán")->required();
    c->add_option("--date", o->date, "Ngày ghi đảo YYYY-MM-DD")->required();
    c->add_option("--reason", o->reason, "Lý do")->required();
    c->add_option("--key", o->key, "Khoá chống gửi trùng")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("POST", "/funds/entries/" + o->id + "/reversal", {},
             DumpJson({{"posted_on", o->date}, {"reason", o->reason}}), PrintProposal, {{"idempotency-key", o->key}});
    }));
  }
  {
    auto id = std::make_shared<std::string>();
    auto* c = g->add_subcommand("show", "Một bút toán với các dòng / one entry with its lines");
    c->add_option("id", *id, "Số bút toán")->required();
    c->callback(sh.Guard([&sh, id] { sh.Run("GET", "/funds/entries/" + *id, {}, "", PrintEntry); }));
  }
  {
    auto period = std::make_shared<std::string>();
    auto* c = g->add_subcommand("entries", "Sổ nhật ký quỹ / the journal");
    c->add_option("--period", *period, "Kỳ YYYY-MM, YYYY-Qn hoặc YYYY");
    c->callback(sh.Guard([&sh, period] {
      std::map<std::string, std::string> q;
      if (!period->empty()) q["period"] = *period;
      sh.Run("GET", "/funds/entries", q, "", [](const Json& j) {
        TextTable t({{"Số"}, {"Ngày"}, {"Nguồn"}, {"Diễn giải", {}, 60}, {"Số tiền", TextTable::Align::kRight}});
        for (const auto& e : j["entries"])
          t.Row({std::to_string(e["id"].get<int64_t>()), DateVi(Txt(e, "posted_on")),
                 Txt(e, "source_kind") + " " + Txt(e, "source_ref"), Txt(e, "description"), MoneyVi(e["total"].get<int64_t>())});
        t.Print(std::cout);
        std::cout << "Tổng số: " << j["page"]["total"] << " bút toán\n";
      });
    }));
  }
  {
    struct Opts {
      std::string period, fund, province, xlsx;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("statement", "Báo cáo thu, chi, số dư các quỹ / fund statements");
    c->add_option("--period", o->period, "Kỳ YYYY-MM, YYYY-Qn hoặc YYYY");
    c->add_option("--fund", o->fund, "Quỹ");
    c->add_option("--province", o->province, "Tỉnh");
    c->add_option("--xlsx", o->xlsx, "Ghi ra tệp XLSX");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q;
      if (!o->period.empty()) q["period"] = o->period;
      if (!o->fund.empty()) q["fund"] = o->fund;
      if (!o->province.empty()) q["province"] = o->province;
      if (!o->xlsx.empty()) {
        q["format"] = "xlsx";
        HttpResponse r = sh.Call("GET", "/funds/statements", q);
        if (r.status >= 400) return sh.Run("GET", "/funds/statements", q, "", [](const Json&) {});
        if (Status s = WriteFileBytes(o->xlsx, r.body); !s.ok()) return sh.Fail(s);
        std::cout << "Đã ghi báo cáo các quỹ vào " << o->xlsx << "\n";
        return;
      }
      sh.Run("GET", "/funds/statements", q, "", PrintStatements);
    }));
  }
  {
    struct Opts {
      int year = 0;
      std::string province, xlsx;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("statistics", "Bảng thống kê năm: người tham gia, người hưởng, thu chi các quỹ");
    c->add_option("year", o->year, "Năm")->required();
    c->add_option("--province", o->province, "Tỉnh");
    c->add_option("--xlsx", o->xlsx, "Ghi ra tệp XLSX");
    c->callback(sh.Guard([&sh, o] {
      std::string path = "/funds/statistics/" + std::to_string(o->year);
      std::map<std::string, std::string> q;
      if (!o->province.empty()) q["province"] = o->province;
      if (!o->xlsx.empty()) {
        q["format"] = "xlsx";
        HttpResponse r = sh.Call("GET", path, q);
        if (r.status >= 400) return sh.Run("GET", path, q, "", [](const Json&) {});
        if (Status s = WriteFileBytes(o->xlsx, r.body); !s.ok()) return sh.Fail(s);
        std::cout << "Đã ghi các bảng thống kê vào " << o->xlsx << "\n";
        return;
      }
      sh.Run("GET", path, q, "", [](const Json& j) {
        std::cout << "Thống kê năm " << j["year"]
                  << (j["month"].is_null() ? "" : " (số người tham gia tháng " + DateVi(Txt(j, "month")) + ")") << "\n\n";
        TextTable t({{"Tỉnh"}, {"Hưu trí - tử tuất", TextTable::Align::kRight}, {"Ốm đau - thai sản", TextTable::Align::kRight},
                     {"TNLĐ - BNN", TextTable::Align::kRight}, {"BHTN", TextTable::Align::kRight},
                     {"BHYT", TextTable::Align::kRight}});
        auto row = [&t](const Json& f, const std::string& label) {
          t.Row({label, NumberVi(f["retirement"].get<int64_t>()), NumberVi(f["sickness"].get<int64_t>()),
                 NumberVi(f["accident"].get<int64_t>()), NumberVi(f["unemployment"].get<int64_t>()),
                 NumberVi(f["health"].get<int64_t>())});
        };
        for (const auto& f : j["by_province"]) row(f, Txt(f, "province"));
        row(j["national"], "Tổng");
        t.Print(std::cout);
        std::cout << "\nNgười hưởng hằng tháng:\n";
        for (const auto& r : j["beneficiaries"])
          std::cout << "  " << Txt(r, "regime_name") << ": " << NumberVi(r["persons"].get<int64_t>()) << " người, "
                    << MoneyVi(r["monthly"].get<int64_t>()) << "/tháng\n";
        std::cout << "\n";
        PrintStatements({{"statements", j["finances"]}});
      });
    }));
  }
  {
    auto period = std::make_shared<std::string>();
    auto* c = g->add_subcommand("trial-balance", "Bảng cân đối số phát sinh / trial balance");
    c->add_option("--period", *period, "Kỳ YYYY-MM, YYYY-Qn hoặc YYYY");
    c->callback(sh.Guard([&sh, period] {
      std::map<std::string, std::string> q;
      if (!period->empty()) q["period"] = *period;
      sh.Run("GET", "/funds/trial-balance", q, "", [](const Json& j) {
        TextTable t({{"Tài khoản"}, {"Quỹ"}, {"Đầu kỳ", TextTable::Align::kRight}, {"Nợ", TextTable::Align::kRight},
                     {"Có", TextTable::Align::kRight}, {"Cuối kỳ", TextTable::Align::kRight}});
        for (const auto& r : j["rows"])
          t.Row({Txt(r, "account"), Txt(r, "fund"), MoneyVi(r["opening"].get<int64_t>()), MoneyVi(r["debit"].get<int64_t>()), MoneyVi(r["credit"].get<int64_t>()),
                 MoneyVi(r["closing"].get<int64_t>())});
        t.Print(std::cout);
        std::cout << "Tổng Nợ " << MoneyVi(j["total_debit"].get<int64_t>()) << " · Tổng Có " << MoneyVi(j["total_credit"].get<int64_t>())
                  << (j["balanced"].get<bool>() ? " · cân đối\n" : " · KHÔNG CÂN ĐỐI\n");
      });
    }));
  }
  {
    auto month = std::make_shared<std::string>();
    auto* c = g->add_subcommand("close", "Khoá sổ một tháng / close a period");
    c->add_option("month", *month, "Tháng YYYY-MM")->required();
    c->callback(sh.Guard([&sh, month] {
      sh.Run("POST", "/funds/periods/" + *month + "/close", {}, "",
             [](const Json& j) { std::cout << "Đã khoá sổ tháng " << DateVi(Txt(j, "period")) << ".\n"; });
    }));
  }
  {
    struct Opts {
      std::string file, key;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("invest", "Ghi một khoản đầu tư từ tệp JSON / record an investment");
    c->add_option("file", o->file, "Tệp JSON: fund, kind, issuer, reference, amount, rate, purchased_on, matures_on")
        ->required();
    c->add_option("--key", o->key, "Khoá chống gửi trùng")->required();
    c->callback(sh.Guard([&sh, o] {
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/funds/investments", {}, *body,
             [](const Json& j) {
               std::cout << "Khoản đầu tư " << Txt(j, "reference") << " (số " << j["id"] << "): "
                         << MoneyVi(j["amount"].get<int64_t>()) << ", bút toán số " << j["entry_id"] << "\n";
             },
             {{"idempotency-key", o->key}});
    }));
  }
  {
    auto as_of = std::make_shared<std::string>();
    auto* c = g->add_subcommand("portfolio", "Danh mục đầu tư, lãi dự thu, thang đáo hạn / the portfolio");
    c->add_option("--as-of", *as_of, "Ngày YYYY-MM-DD");
    c->callback(sh.Guard([&sh, as_of] {
      std::map<std::string, std::string> q;
      if (!as_of->empty()) q["as_of"] = *as_of;
      sh.Run("GET", "/funds/investments", q, "", PrintPortfolio);
    }));
  }
  {
    auto month = std::make_shared<std::string>();
    auto* c = g->add_subcommand("interest", "Ghi lãi dự thu và khoản đáo hạn của tháng / accrue interest");
    c->add_option("month", *month, "Tháng YYYY-MM")->required();
    c->callback(sh.Guard([&sh, month] {
      sh.Run("POST", "/funds/interest", {}, DumpJson({{"month", *month}}), [](const Json& j) {
        const auto& p = j["posting"];
        std::cout << "Lãi đầu tư tháng: " << Txt(p, "note") << (p.contains("entry_id") ? ", " + MoneyVi(p["amount"].get<int64_t>()) : "")
                  << "\n";
      });
    }));
  }
  {
    struct Opts {
      std::string year;
      bool publish = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("yield", "Lợi suất đầu tư thực hiện của năm (--publish: công bố) / realised yield");
    c->add_option("year", o->year, "Năm")->required();
    c->add_flag("--publish", o->publish, "Công bố làm tham số lãi chậm đóng từ 01/01 năm sau");
    c->callback(sh.Guard([&sh, o] {
      sh.Run(o->publish ? "POST" : "GET", "/funds/yield/" + o->year + (o->publish ? "/publish" : ""), {}, "",
             [o](const Json& j) {
               std::cout << "Lợi suất năm " << j["year"] << ": " << DecimalVi(j["yield_percent"].get<double>(), 4)
                         << "%\n  " << Txt(j, "method") << "\n";
               if (o->publish) std::cout << "Đã công bố; có hiệu lực khi dịch vụ khởi động lại.\n";
             });
    }));
  }
  {
    struct Opts {
      std::string fund, month;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("forecast", "Dự báo 12 tháng tới của một quỹ / 12-month forecast");
    c->add_option("--fund", o->fund, "Quỹ (mặc định: mọi quỹ)");
    c->add_option("--month", o->month, "Tháng thực hiện cuối");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q;
      if (!o->fund.empty()) q["fund"] = o->fund;
      if (!o->month.empty()) q["month"] = o->month;
      sh.Run("GET", "/funds/forecast", q, "", [](const Json& j) {
        TextTable t({{"Tháng"}, {"Thu", TextTable::Align::kRight}, {"Chi", TextTable::Align::kRight}});
        for (const auto& m : j["months"])
          t.Row({DateVi(Txt(m, "month")), MoneyVi(static_cast<int64_t>(m["revenue"].get<double>())),
                 MoneyVi(static_cast<int64_t>(m["expenditure"].get<double>()))});
        t.Print(std::cout);
        std::cout << "Phương pháp: " << Txt(j, "method") << "\n";
      });
    }));
  }
  {
    struct Opts {
      int year = 0;
      std::string as_of;
      bool make = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("estimate", "Dự toán thu, chi năm (--make: lập mới) / annual estimates");
    c->add_option("year", o->year, "Năm")->required();
    c->add_flag("--make", o->make, "Lập dự toán mới từ 12 tháng thực hiện");
    c->add_option("--as-of", o->as_of, "Tháng thực hiện cuối làm cơ sở");
    c->callback(sh.Guard([&sh, o] {
      auto print = [](const Json& j) {
        std::cout << "Dự toán năm " << j["year"] << " (lần " << j["version"] << "): " << Txt(j, "method") << "\n";
        TextTable t({{"Tỉnh"}, {"Quỹ"}, {"Loại"}, {"Dự toán", TextTable::Align::kRight},
                     {"Thực hiện", TextTable::Align::kRight}, {"Đạt", TextTable::Align::kRight}});
        for (const auto& r : j["rows"])
          t.Row({Txt(r, "province").empty() ? "Toàn quốc" : Txt(r, "province"), Txt(r, "fund"), Txt(r, "kind") == "revenue" ? "thu" : Txt(r, "kind") == "expenditure" ? "chi" : "chi phí quản lý", MoneyVi(r["amount"].get<int64_t>()),
                 MoneyVi(r["actual"].get<int64_t>()), DecimalVi(r["done"].get<double>(), 1) + "%"});
        t.Print(std::cout);
      };
      if (o->make) {
        Json body = {{"year", o->year}};
        if (!o->as_of.empty()) body["as_of"] = o->as_of;
        return sh.Run("POST", "/funds/estimates", {}, DumpJson(body), print);
      }
      sh.Run("GET", "/funds/estimates/" + std::to_string(o->year), {}, "", print);
    }));
  }
}

}  // namespace bhxh
