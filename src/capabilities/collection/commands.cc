// `bhxh declare | pay | import bank-statement | collect | statement | arrears`:
// the collection from the command line.
#include <cstdio>
#include <iostream>

#include "base/citation.h"
#include "collection/json.h"
#include "collection/module.h"
#include "platform/audit/audit.h"
#include "platform/cli/format.h"
#include "platform/cli/progress.h"
#include "platform/cli/shell.h"
#include "registry/labels.h"

namespace bhxh {
namespace {

// The default idempotency key of `bhxh pay` is the bank reference, which
// often holds spaces or Vietnamese letters ("UNC số 0001"); keys are
// printable ASCII. Other bytes are percent-encoded (and '%' itself), so two
// different references never share a key; a reference too long for that is
// keyed by its SHA-256.
std::string ReferenceKey(const std::string& reference) {
  std::string key;
  for (unsigned char ch : reference) {
    if (ch <= ' ' || ch == '%' || ch >= 0x7f) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      key += buf;
    } else {
      key.push_back(static_cast<char>(ch));
    }
  }
  return key.size() <= 200 ? key : "ref-sha256:" + Sha256Hex(reference);
}

std::string ClassificationVi(const std::string& c) {
  if (c == "late") return "Chậm đóng";
  if (c == "evasion") return "Trốn đóng";
  return "Không nợ";
}

void PrintStatement(const Json& j) {
  const Json& e = j["employer"];
  std::cout << "Đối chiếu của " << Txt(e, "name") << " (" << Txt(e, "code") << ") đến ngày " << DateVi(Txt(j, "as_of"))
            << " — " << CitationVi(Txt(j, "law")) << "\n\n";
  TextTable t({{"Tháng"},
               {"Hạn nộp"},
               {"Số LĐ", TextTable::Align::kRight},
               {"Phải đóng", TextTable::Align::kRight},
               {"Đã đóng", TextTable::Align::kRight},
               {"Còn nợ", TextTable::Align::kRight},
               {"Lãi chậm đóng", TextTable::Align::kRight}});
  for (const auto& l : j["lines"])
    t.Row({DateVi(Txt(l, "month")), DateVi(Txt(l, "deadline")), std::to_string(l["workers"].get<int>()),
           MoneyVi(l["due"].get<int64_t>()), MoneyVi(l["paid"].get<int64_t>()), MoneyVi(l["balance"].get<int64_t>()),
           MoneyVi(l["interest"].get<int64_t>())});
  t.Print(std::cout);
  std::cout << "\n";
  PrintFields(std::cout, {{"Tổng phải đóng", MoneyVi(j["total_due"].get<int64_t>())},
                          {"Tổng đã đóng", MoneyVi(j["total_paid"].get<int64_t>())},
                          {"Còn nợ", MoneyVi(j["balance"].get<int64_t>())},
                          {"Lãi chậm đóng", MoneyVi(j["interest"].get<int64_t>())},
                          {"Số tháng nợ", std::to_string(j["months_owed"].get<int>())},
                          {"Phân loại", ClassificationVi(Txt(j, "classification"))}});
  if (!j["interest_rules"].empty()) {
    std::cout << "Quy định tính lãi áp dụng:\n";
    for (const auto& r : j["interest_rules"]) std::cout << "  - " << Txt(r) << "\n";
  }
  std::cout << Txt(j, "allocation_rule") << ".\n";
}

}  // namespace

void CollectionCommands(Shell& sh) {
  {
    struct Opts {
      std::string employer, month, html, xlsx;
    };
    auto o = std::make_shared<Opts>();
    auto* c = sh.app().add_subcommand("c12", "Thông báo kết quả đóng BHXH, BHYT, BHTN (mẫu C12-TS) của đơn vị trong một tháng");
    c->add_option("--employer", o->employer, "Mã đơn vị")->required();
    c->add_option("--month", o->month, "Tháng YYYY-MM")->required();
    c->add_option("--html", o->html, "Ghi trang in (HTML) ra tệp");
    c->add_option("--xlsx", o->xlsx, "Ghi bảng tính XLSX ra tệp");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      const std::string path = "/employers/" + o->employer + "/c12";
      if (!o->html.empty()) return sh.Save(path, {{"month", o->month}, {"format", "html"}}, o->html);
      if (!o->xlsx.empty()) return sh.Save(path, {{"month", o->month}, {"format", "xlsx"}}, o->xlsx);
      sh.Run("GET", "/employers/" + o->employer + "/c12", {{"month", o->month}}, "", [](const Json& j) {
        std::cout << "THÔNG BÁO KẾT QUẢ ĐÓNG BHXH, BHYT, BHTN, BHTNLĐ-BNN (C12-TS) — tháng " << DateVi(Txt(j, "month")) << "\n"
                  << "Đơn vị: " << Txt(j, "employer_name") << " (" << Txt(j, "employer_code") << ")\n\n";
        TextTable t({{"Chỉ tiêu", {}, 52}, {"BHXH", TextTable::Align::kRight}, {"BHYT", TextTable::Align::kRight},
                     {"BHTN", TextTable::Align::kRight}, {"BHTNLĐ-BNN", TextTable::Align::kRight}, {"Cộng", TextTable::Align::kRight}});
        auto row = [&t](const std::string& label, const Json& v) {
          t.Row({label, MoneyVi(v["bhxh"].get<int64_t>()), MoneyVi(v["bhyt"].get<int64_t>()), MoneyVi(v["bhtn"].get<int64_t>()),
                 MoneyVi(v["bhtnld"].get<int64_t>()), MoneyVi(v["cong"].get<int64_t>())});
        };
        auto one = [&t](const std::string& label, int64_t v) { t.Row({label, "", "", "", "", MoneyVi(v)}); };
        const Json &a = j["a"], &b = j["b"], &cc = j["c"], &d = j["d"], &e = j["carried"];
        t.Row({"A. Kỳ trước mang sang — 1. Lao động: " + std::to_string(a["headcount"].get<int>()), "", "", "", "", ""});
        row("   2.1 Thừa", a["overpaid"]);
        row("   2.2 Thiếu", a["underpaid"]);
        one("   3. Thiếu lãi", a["interest_owed"].get<int64_t>());
        t.Row({"B. Phát sinh — 1. Lao động: " + std::to_string(b["headcount"].get<int>()) + " (tăng " + std::to_string(b["up"].get<int>()) +
                   ", giảm " + std::to_string(b["down"].get<int>()) + ")",
               "", "", "", "", ""});
        row("   2. Quỹ lương", b["wage_fund"]);
        row("   3. Số phải đóng", b["due"]);
        const Json& adj = b["adjustments"];
        row("   4.1 Điều chỉnh tăng kỳ trước", adj["up"]);
        row("       trong đó năm trước", adj["up_prior_year"]);
        row("   4.2 Điều chỉnh giảm kỳ trước", adj["down"]);
        row("       trong đó năm trước", adj["down_prior_year"]);
        row("   4.3 Điều chỉnh thuần", adj["net"]);
        for (const auto& m : adj["months"])
          row("       tháng " + DateVi(Txt(m, "month")) + " (lao động " + std::to_string(m["workers_before"].get<int>()) + " → " +
                  std::to_string(m["workers_after"].get<int>()) + ")",
              m["amount"]);
        one("   5. Lãi chậm đóng phát sinh", b["interest"].get<int64_t>());
        for (const auto& p : cc["payments"])
          one("C. " + Txt(p, "reference") + ", ngày " + DateVi(Txt(p, "paid_on")), p["amount"].get<int64_t>());
        one("C. Tổng số tiền đã nộp trong kỳ", cc["total"].get<int64_t>());
        one("D.1 Phân bổ vào số phải đóng", d["to_contributions"].get<int64_t>());
        one("D.2 Phân bổ vào lãi", d["to_interest"].get<int64_t>());
        t.Row({"Đ. Chuyển kỳ sau — 1. Lao động: " + std::to_string(e["headcount"].get<int>()), "", "", "", "", ""});
        row("   2.1 Thừa", e["overpaid"]);
        row("   2.2 Thiếu", e["underpaid"]);
        one("   2.3 Thiếu lãi", e["interest_owed"].get<int64_t>());
        t.Print(std::cout);
        std::cout << "\nNội dung chuyển tiền: " << Txt(j, "transfer_note") << "\n";
      });
    }));
  }

  {
    struct Opt {
      std::string file, key;
    };
    auto o = std::make_shared<Opt>();
    auto* c = sh.app().add_subcommand("declare",
                                      "Nộp tờ khai tăng, giảm, điều chỉnh lao động (tệp JSON) / submit a declaration");
    c->add_option("file", o->file, "Tệp JSON (- là đầu vào chuẩn)")->required();
    c->add_option("--key", o->key, "Khoá chống gửi trùng (mặc định: idempotency_key trong tệp)");
    c->callback(sh.Guard([&sh, o] {
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      std::map<std::string, std::string> headers;
      if (!o->key.empty()) headers["idempotency-key"] = o->key;
      sh.Run(
          "POST", "/declarations", {}, *body,
          [](const Json& j) {
            std::cout << (j.value("replayed", false) ? "Tờ khai đã nộp trước đó (cùng khoá), không ghi lại"
                                                     : "Đã ghi tờ khai")
                      << " số " << j["declaration_id"] << ": " << j["joined"] << " tăng, " << j["left"] << " giảm, "
                      << j["salary_changes"] << " điều chỉnh lương, " << j["suspended"] << " tạm dừng, " << j["resumed"]
                      << " đi làm lại, " << j["persons_registered"]
                      << " người mới đăng ký.\n";
          },
          headers);
    }));
  }
  {
    struct Opt {
      std::string employer, date, reference, key;
      int64_t amount = 0;
    };
    auto o = std::make_shared<Opt>();
    auto* c = sh.app().add_subcommand("pay", "Ghi nhận một lần nộp tiền của đơn vị / post one payment");
    c->add_option("--employer", o->employer, "Mã đơn vị")->required();
    c->add_option("--amount", o->amount, "Số tiền, đồng")
        ->required()
        ->check(CLI::Range(int64_t{1}, int64_t{1'000'000'000'000'000}));
    c->add_option("--date", o->date, "Ngày nộp YYYY-MM-DD")->required();
    c->add_option("--reference", o->reference, "Số chứng từ ngân hàng")->required();
    c->add_option("--key", o->key, "Khoá chống gửi trùng (mặc định: số chứng từ)");
    c->callback(sh.Guard([&sh, o] {
      Json body = {
          {"employer_code", o->employer}, {"amount", o->amount}, {"paid_on", o->date}, {"reference", o->reference}};
      sh.Run("POST", "/payments", {}, DumpJson(body),
             [](const Json& j) {
               std::cout << (j.value("replayed", false) ? "Lần nộp này đã được ghi trước đó" : "Đã ghi nhận") << ": "
                         << MoneyVi(j["amount"].get<int64_t>()) << " ngày " << DateVi(Txt(j, "paid_on")) << " (số "
                         << j["payment_id"] << ").\n";
             },
             {{"idempotency-key", o->key.empty() ? ReferenceKey(o->reference) : o->key}});
    }));
  }
  {
    auto file = std::make_shared<std::string>();
    auto* imp = sh.Group("import", "Nhập tệp / import files");
    auto* c =
        imp->add_subcommand("bank-statement", "Nhập sao kê ngân hàng CSV (employer_code,paid_on,amount,reference)");
    c->add_option("file", *file, "Tệp CSV (- là đầu vào chuẩn)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto body = sh.ReadArg(*file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/payments/bank-statement", {}, *body,
             [](const Json& j) {
               std::cout << "Đã nhập " << j["applied"] << " giao dịch (" << MoneyVi(j["total"].get<int64_t>()) << "); "
                         << j["duplicates"] << " giao dịch đã nhập trước đó được bỏ qua.\n";
             },
             {{"content-type", "text/csv"}});
    }));
  }
  {
    auto month = std::make_shared<std::string>();
    auto* c =
        sh.app().add_subcommand("collect", "Tính số phải thu của một tháng (chạy thu hằng tháng) / the monthly run");
    c->add_option("--month", *month, "Tháng YYYY-MM")->required();
    c->callback(sh.Guard([&sh, month] {
      // Called directly (not through the route) to show progress; the
      // operator holds every permission at the server's console.
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      auto m = Month::Parse(*month, "month");
      if (!m.ok()) return sh.Fail(m.status());
      auto lease = (*ctx)->pool->Acquire();
      if (!lease.ok()) return sh.Fail(lease.status());
      ProgressBar bar("thu " + m->ToString());
      auto r = RunCollection(**lease, (*ctx)->law, *m, sh.Operator(), [&](int64_t d, int64_t t) { bar.Update(d, t); });
      bar.Clear();
      if (!r.ok()) return sh.Fail(r.status());
      if (sh.g().json) return sh.PrintJson(ToJson(*r));
      std::cout << "Tháng " << DateVi(r->month.ToString()) << " (" << CitationVi(r->law) << "): " << NumberVi(r->workers)
                << " người lao động, " << NumberVi(r->employers) << " đơn vị, phải thu " << MoneyVi(r->total)
                << " (lần tính số " << r->run_id << ").\n";
      if (r->adjusted_employers > 0)
        std::cout << "Điều chỉnh kỳ trước ghi vào tháng " << DateVi(r->adjustment_month.ToString()) << ": "
                  << NumberVi(r->adjusted_employers) << " đơn vị, chênh lệch " << MoneyVi(r->adjustment_net)
                  << " (mục B.4 của thông báo C12-TS).\n";
    }));
  }
  {
    struct Opt {
      std::string code, as_of;
    };
    auto o = std::make_shared<Opt>();
    auto* c = sh.app().add_subcommand(
        "statement", "Đối chiếu của đơn vị: phải đóng, đã đóng, còn nợ, lãi / an employer's statement");
    c->add_option("--employer", o->code, "Mã đơn vị")->required();
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD (mặc định hôm nay)");
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/employers/" + o->code + "/statement", {{"as_of", o->as_of}}, "", PrintStatement);
    }));
  }
  {
    struct Opt {
      std::string as_of, units = "current", province;
      int top = 20;
    };
    auto o = std::make_shared<Opt>();
    auto* c = sh.app().add_subcommand("arrears",
                                      "Báo cáo nợ đóng theo tỉnh, loại hình, trạng thái; hợp tác xã (2422) / arrears");
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD (mặc định hôm nay)");
    c->add_option("--units", o->units, "current: 34 tỉnh hiện nay (mặc định) | recorded: mã tỉnh như khi ghi");
    c->add_option("--province", o->province, "Chỉ một tỉnh (mã 2 chữ số)");
    c->add_option("--top", o->top, "Số đơn vị nợ nhiều nhất liệt kê (mặc định 20)")->check(CLI::Range(0, 1000));
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/arrears",
             {{"as_of", o->as_of}, {"units", o->units}, {"province", o->province}, {"top", std::to_string(o->top)}}, "",
             [&sh](const Json& j) {
               auto ctx = sh.Context();
               auto table = [](const std::string& title) {
                 return TextTable({{title, {}, 40},
                                   {"Đơn vị", TextTable::Align::kRight},
                                   {"Nợ 1+ tháng", TextTable::Align::kRight},
                                   {"Nợ 3+ tháng", TextTable::Align::kRight},
                                   {"Trốn đóng", TextTable::Align::kRight},
                                   {"Số nợ", TextTable::Align::kRight},
                                   {"Lãi", TextTable::Align::kRight}});
               };
               auto row = [](TextTable& t, const std::string& k, const Json& b) {
                 t.Row({k, NumberVi(b["employers"].get<int64_t>()), NumberVi(b["owing_1plus_months"].get<int64_t>()),
                        NumberVi(b["owing_3plus_months"].get<int64_t>()), NumberVi(b["evasion"].get<int64_t>()),
                        MoneyVi(b["owed"].get<int64_t>()), MoneyVi(b["interest"].get<int64_t>())});
               };
               std::cout << "Báo cáo nợ đóng đến ngày " << DateVi(Txt(j, "as_of")) << "\n\n";
               TextTable p = table("Tỉnh");
               for (const auto& [k, b] : j["by_province"].items())
                 row(p, ctx.ok() ? (*ctx)->geo.NameOf(k) + " (" + k + ")" : k, b);
               row(p, "Tổng cộng", j["total"]);
               p.Print(std::cout);
               std::cout << "\n";
               TextTable ty = table("Loại hình");
               for (const auto& [k, b] : j["by_type"].items()) row(ty, EmployerTypeVi(k), b);
               ty.Print(std::cout);
               std::cout << "\n";
               TextTable st = table("Trạng thái");
               for (const auto& [k, b] : j["by_status"].items()) row(st, EmployerStatusVi(k), b);
               st.Print(std::cout);
               std::cout << "\nHợp tác xã (QĐ 2422/QĐ-BHXH §II.2):\n";
               TextTable co = table("Hợp tác xã theo trạng thái");
               for (const auto& [k, b] : j["cooperatives"]["by_status"].items()) row(co, EmployerStatusVi(k), b);
               co.Print(std::cout);
               std::cout << "Người lao động của HTX giải thể, phá sản còn nợ: "
                         << NumberVi(static_cast<int64_t>(j["cooperatives"]["dissolved_bankrupt_workers"].size()))
                         << "\n";
               if (!j["top_debtors"].empty()) {
                 std::cout << "\nĐơn vị nợ nhiều nhất:\n";
                 TextTable t({{"Mã"},
                              {"Tên", {}, 40},
                              {"Trạng thái"},
                              {"Số tháng", TextTable::Align::kRight},
                              {"Còn nợ", TextTable::Align::kRight},
                              {"Lãi", TextTable::Align::kRight},
                              {"Phân loại"}});
                 for (const auto& e : j["top_debtors"])
                   t.Row({Txt(e, "code"), Txt(e, "name"), EmployerStatusVi(Txt(e, "status")),
                          std::to_string(e["months_owed"].get<int>()), MoneyVi(e["balance"].get<int64_t>()),
                          MoneyVi(e["interest"].get<int64_t>()), ClassificationVi(Txt(e, "classification"))});
                 t.Print(std::cout);
               }
             });
    }));
  }
}

}  // namespace bhxh
