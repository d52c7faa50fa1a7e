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
  {
    struct N {
      std::string cccd, month, out;
    };
    auto n = std::make_shared<N>();
    auto* nc = sh.app().add_subcommand("notice", "Thông báo hằng tháng cho người tham gia (Luật BHXH 2024 Điều 10) / the monthly notice");
    nc->add_option("--cccd", n->cccd, "Số định danh cá nhân")->required();
    nc->add_option("--month", n->month, "Tháng đóng YYYY-MM (mặc định tháng trước)");
    nc->add_option("--out", n->out, "Ghi trang in (HTML) ra tệp");
    nc->callback(sh.Guard([&sh, n] {
      std::map<std::string, std::string> q;
      if (!n->month.empty()) q["month"] = n->month;
      if (!n->out.empty()) return sh.Save("/persons/" + n->cccd + "/notice/page", q, n->out);
      sh.Run("GET", "/persons/" + n->cccd + "/notice", q, "", [](const Json& j) {
        const Json& p = j["person"];
        std::cout << "Thông báo tháng " << DateVi(Txt(j, "month")) << " cho " << Txt(p, "full_name") << " (CCCD "
                  << Txt(p, "cccd") << "), lập ngày " << DateVi(Txt(j, "issued_on")) << " — " << Txt(j, "law") << "\n";
        for (const auto& c : j["contributions"]) {
          std::cout << "\n" << Txt(c, "employer_name") << " (" << Txt(c, "employer_code") << "): "
                    << (c["paid"].get<bool>() ? "đã đóng đủ" : "chưa đóng đủ, hạn " + DateVi(Txt(c, "deadline"))) << "\n";
          TextTable t({{"Quỹ"}, {"Căn cứ đóng", TextTable::Align::kRight}, {"Đơn vị đóng", TextTable::Align::kRight},
                       {"Người lao động đóng", TextTable::Align::kRight}});
          for (int f = 0; f < kFundCount; ++f) {
            const char* k = FundCode(static_cast<Fund>(f));
            if (c["base"][k].get<int64_t>() == 0) continue;
            t.Row({FundNameVi(static_cast<Fund>(f)), MoneyVi(c["base"][k].get<int64_t>()), MoneyVi(c["employer"][k].get<int64_t>()),
                   MoneyVi(c["employee"][k].get<int64_t>())});
          }
          t.Print(std::cout);
          std::cout << "Tổng: " << MoneyVi(c["total"].get<int64_t>()) << "\n";
        }
        if (j["contributions"].empty()) std::cout << "Không có số phải đóng qua đơn vị trong tháng.\n";
        std::cout << "\nSố tháng đã đóng theo quỹ:";
        for (int f = 0; f < kFundCount; ++f)
          std::cout << (f ? "; " : " ") << FundNameVi(static_cast<Fund>(f)) << " "
                    << j["months_by_fund"].value(FundCode(static_cast<Fund>(f)), 0);
        std::cout << "\n";
        if (j["arrears"].empty()) {
          std::cout << "Không có tháng nào đơn vị nợ quá hạn.\n";
        } else {
          TextTable a({{"Đơn vị", {}, 36}, {"Từ tháng"}, {"Đến tháng"}, {"Số tháng", TextTable::Align::kRight},
                       {"Số tiền", TextTable::Align::kRight}});
          for (const auto& x : j["arrears"])
            a.Row({Txt(x, "employer_name") + " (" + Txt(x, "employer_code") + ")", DateVi(Txt(x, "from")), DateVi(Txt(x, "to")),
                   std::to_string(x["months"].get<int>()), MoneyVi(x["total"].get<int64_t>())});
          std::cout << "\nCác tháng đơn vị nợ quá hạn:\n";
          a.Print(std::cout);
        }
        for (const auto& note : j["notes"]) std::cout << "* " << note.get<std::string>() << "\n";
      });
    }));
  }
}

}  // namespace bhxh
