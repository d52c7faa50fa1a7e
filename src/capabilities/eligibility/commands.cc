// `bhxh eligibility`: the card check from the command line.
#include <iostream>

#include "eligibility/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

void EligibilityCommands(Shell& sh) {
  struct Opt {
    std::string id, facility, date, name, dob;
  };
  auto o = std::make_shared<Opt>();
  auto* c = sh.app().add_subcommand("eligibility", "Kiểm tra thẻ BHYT / check an HI card");
  c->add_option("--id", o->id, "CCCD, mã số BHXH hoặc mã thẻ")->required();
  c->add_option("--facility", o->facility, "Mã cơ sở KCB (5 ký tự)");
  c->add_option("--date", o->date, "Ngày khám YYYY-MM-DD (mặc định hôm nay)");
  c->add_option("--name", o->name, "Họ tên để đối chiếu");
  c->add_option("--dob", o->dob, "Ngày sinh để đối chiếu");
  c->callback(sh.Guard([&sh, o] {
    sh.Run("GET", "/eligibility",
           {{"id", o->id}, {"facility", o->facility}, {"date", o->date}, {"full_name", o->name}, {"dob", o->dob}}, "",
           [](const Json& j) {
             std::cout << "Kết quả " << Txt(j, "code") << ": " << Txt(j, "message") << " (ngày "
                       << DateVi(Txt(j, "date")) << ")\n";
             if (!j.contains("card")) return;
             const Json& k = j["card"];
             PrintFields(std::cout,
                         {{"Mã thẻ", Txt(k, "code")},
                          {"Họ và tên", Txt(k, "full_name")},
                          {"Ngày sinh", DateVi(Txt(k, "dob"))},
                          {"Hiệu lực", DateVi(Txt(k, "valid_from")) + " – " + DateVi(Txt(k, "valid_to"))},
                          {"Nơi ĐK KCB ban đầu", Txt(k, "registered_facility") +
                                                     (j.value("registered_here", false) ? " (tại cơ sở này)" : "")},
                          {"Mức hưởng", PercentTextVi(Txt(j, "benefit_percent"))},
                          {"Đủ 5 năm liên tục", j.value("five_years_reached", false) ? "Có" : "Chưa"}},
                         2);
           });
  }));
}

}  // namespace bhxh
