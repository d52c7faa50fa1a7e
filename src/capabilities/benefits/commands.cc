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
}

}  // namespace bhxh
