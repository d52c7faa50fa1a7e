// `bhxh history --cccd ...`: a citizen's social-insurance book.
#include <iostream>

#include "history/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"
#include "registry/labels.h"

namespace bhxh {

void HistoryCommands(Shell& sh) {
  struct Opt {
    std::string cccd, as_of;
  };
  auto o = std::make_shared<Opt>();
  auto* c =
      sh.app().add_subcommand("history", "Quá trình tham gia BHXH của một người (sổ BHXH) / the social-insurance book");
  c->add_option("--cccd", o->cccd, "Số định danh cá nhân")->required();
  c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD (mặc định hôm nay)");
  c->callback(sh.Guard([&sh, o] {
    sh.Run("GET", "/persons/" + o->cccd + "/history", {{"as_of", o->as_of}}, "", [](const Json& j) {
      const Json& p = j["person"];
      std::cout << "Sổ BHXH của " << Txt(p, "full_name") << " (CCCD " << Txt(p, "cccd") << ", mã số BHXH "
                << Txt(p, "si_number") << ", sinh " << DateVi(Txt(p, "dob")) << ") tính đến " << DateVi(Txt(j, "as_of"))
                << "\n\n";
      TextTable t({{"Từ tháng"},
                   {"Đến tháng"},
                   {"Đơn vị", {}, 40},
                   {"Đối tượng"},
                   {"Tiền lương", TextTable::Align::kRight},
                   {"Số tháng", TextTable::Align::kRight}});
      for (const auto& x : j["periods"])
        t.Row({DateVi(Txt(x, "from")), x["to"].is_null() ? "nay" : DateVi(Txt(x, "to")),
               Txt(x, "employer_name").empty() ? "(tự nguyện / hộ gia đình)" : Txt(x, "employer_name"), Txt(x, "group"),
               MoneyVi(x["salary"].get<int64_t>()), std::to_string(x["months"].get<int>())});
      t.Print(std::cout);
      std::cout << "\nSố tháng đóng theo quỹ (đến hết tháng " << DateVi(Txt(j, "counted_through")) << "):";
      for (const auto& [k, v] : j["months_by_fund"].items()) std::cout << "  " << k << " " << v.get<int>();
      std::cout << "\n";
      const Json& unpaid = j["unpaid_months"];
      if (unpaid.empty()) {
        std::cout << "Không có tháng nào đơn vị chưa đóng.\n";
      } else {
        std::cout << "\nCác tháng đơn vị chưa đóng đủ (" << unpaid.size() << "):\n";
        TextTable u({{"Tháng"}, {"Đơn vị"}, {"Số phải đóng", TextTable::Align::kRight}});
        for (const auto& m : unpaid)
          u.Row({DateVi(Txt(m, "month")), Txt(m, "employer_code"), MoneyVi(m["due"].get<int64_t>())});
        u.Print(std::cout);
      }
    });
  }));
}

}  // namespace bhxh
