// `bhxh calc contribution`, `bhxh law`: the calculator and the law's
// parameters, without a database.
#include <iostream>

#include "base/parse.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"
#include "reference/module.h"

namespace bhxh {

void ReferenceCommands(Shell& sh) {
  auto* calc = sh.Group("calc", "Máy tính không cần cơ sở dữ liệu / calculators without a database");
  {
    struct Opt {
      std::string month, group = "DN", funds;
      int64_t salary = 0;
      int region = 0, member = 0;
    };
    auto o = std::make_shared<Opt>();
    auto* c = calc->add_subcommand("contribution",
                                   "Số người lao động và đơn vị phải đóng trong tháng / what is owed for a month");
    c->add_option("--month", o->month, "Tháng YYYY-MM")->required();
    c->add_option("--salary", o->salary, "Tiền lương tháng đóng BHXH, đồng (mặc định 0)")
        ->check(CLI::Range(int64_t{0}, int64_t{1'000'000'000'000}));
    c->add_option("--region", o->region, "Vùng lương tối thiểu 1-4 (mặc định 0: không áp dụng)")
        ->check(CLI::Range(0, 4));
    c->add_option("--group", o->group, "Đối tượng: DN, HC, HX, GD, HS, BHXHTN, ... (mặc định DN)");
    c->add_option("--member", o->member, "Thứ tự thành viên hộ gia đình (GD)")->check(CLI::Range(0, 20));
    c->add_option("--funds", o->funds, "Các quỹ, ví dụ HT,OM,TN,BHTN,BHYT (mặc định: tất cả)");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      Json body = {{"month", o->month},
                   {"salary", o->salary},
                   {"region", o->region},
                   {"group", o->group},
                   {"household_member", o->member}};
      if (!o->funds.empty()) body["funds"] = o->funds;
      sh.Run("POST", "/calc/contribution", {}, DumpJson(body), [](const Json& j) {
        std::cout << "Tháng " << DateVi(Txt(j, "month")) << " · đối tượng " << Txt(j, "group") << " ("
                  << Txt(j, "group_name") << ") · " << Txt(j, "law") << "\n"
                  << Txt(j, "rule") << "\n\n";
        TextTable t({{"Quỹ"},
                     {"Bên đóng"},
                     {"Căn cứ đóng", TextTable::Align::kRight},
                     {"Tỷ lệ", TextTable::Align::kRight},
                     {"Số tiền", TextTable::Align::kRight}});
        for (const auto& l : j["lines"])
          t.Row({Txt(l, "fund_name"), Txt(l, "party_name"), MoneyVi(l["base"].get<int64_t>()),
                 PercentTextVi(Txt(l, "rate_percent")), MoneyVi(l["amount"].get<int64_t>())});
        t.Print(std::cout);
        std::cout << "\nTổng cộng: " << MoneyVi(j["totals"]["total"].get<int64_t>()) << "\n\nTham số áp dụng:\n";
        TextTable p({{"Tham số"}, {"Giá trị"}, {"Từ ngày"}, {"Văn bản"}});
        for (const auto& x : j["parameters"])
          p.Row({Txt(x, "key"), Txt(x, "value"), DateVi(Txt(x, "effective_from")), Txt(x, "law")});
        p.Print(std::cout);
      });
    }));
  }
  {
    auto date = std::make_shared<std::string>();
    auto* c = sh.app().add_subcommand("law", "Tham số pháp lý có hiệu lực vào một ngày / law parameters in force");
    c->add_option("--date", *date, "Ngày YYYY-MM-DD (mặc định hôm nay)");
    c->callback(sh.Guard([&sh, date] {
      auto ctx = sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("GET", "/law/in-force", {{"date", *date}}, "", [](const Json& j) {
        std::cout << "Tham số có hiệu lực ngày " << DateVi(Txt(j, "date")) << ":\n";
        TextTable t({{"Tham số"}, {"Giá trị", TextTable::Align::kRight}, {"Đơn vị"}, {"Từ ngày"}, {"Văn bản", {}, 60}});
        for (const auto& p : j["parameters"]) {
          std::string v = Txt(p, "value");
          if (auto n = ParseInt(v, "value"); Txt(p, "unit") == "VND" && n.ok()) v = NumberVi(*n);
          t.Row({Txt(p, "key"), v, Txt(p, "unit"), DateVi(Txt(p, "effective_from")), Txt(p, "law")});
        }
        t.Print(std::cout);
      });
    }));
  }
}

}  // namespace bhxh
