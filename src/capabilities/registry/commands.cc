// `bhxh person|employer|card|period ...`: the registry from the command
// line, through the API's routes as the operator. People read Vietnamese
// labels, dd/mm/yyyy dates and aligned tables; --json prints the API's JSON.
#include <iostream>

#include "platform/cli/format.h"
#include "platform/cli/shell.h"
#include "registry/labels.h"
#include "registry/module.h"

namespace bhxh {
namespace {

std::string ProvinceLabel(Shell& sh, const std::string& code) {
  auto ctx = sh.Context();
  if (code.empty() || !ctx.ok()) return code;
  return (*ctx)->geo.NameOf(code) + " (" + code + ")";
}

void PrintPerson(Shell& sh, const Json& p) {
  PrintFields(std::cout, {{"Số định danh (CCCD)", Txt(p, "cccd")},
                          {"Mã số BHXH", Txt(p, "si_number")},
                          {"Họ và tên", Txt(p, "full_name")},
                          {"Ngày sinh", DateVi(Txt(p, "dob"))},
                          {"Giới tính", SexVi(Txt(p, "sex"))},
                          {"Nơi cư trú", ProvinceLabel(sh, Txt(p, "province"))},
                          {"Ngày chết", DateVi(Txt(p, "deceased_on"))}});
  if (p.contains("cards") && !p["cards"].empty()) {
    std::cout << "\nThẻ BHYT:\n";
    TextTable t({{"Mã thẻ"}, {"Từ ngày"}, {"Đến ngày"}, {"Nơi ĐK KCB ban đầu"}, {"Đủ 5 năm từ"}, {"Trạng thái"}});
    for (const auto& c : p["cards"])
      t.Row({Txt(c, "code"), DateVi(Txt(c, "valid_from")), DateVi(Txt(c, "valid_to")), Txt(c, "facility"),
             DateVi(Txt(c, "five_year_date")), Txt(c, "status") == "active" ? "Còn hiệu lực" : "Đã thu hồi"});
    t.Print(std::cout);
  }
}

void PrintEmployer(Shell& sh, const Json& e) {
  PrintFields(std::cout, {{"Mã đơn vị", Txt(e, "code")},
                          {"Mã số thuế", Txt(e, "tax_code")},
                          {"Tên đơn vị", Txt(e, "name")},
                          {"Loại hình", EmployerTypeVi(Txt(e, "type"))},
                          {"Tỉnh", ProvinceLabel(sh, Txt(e, "province"))},
                          {"Vùng lương tối thiểu", "Vùng " + Txt(e, "region")},
                          {"Trạng thái", EmployerStatusVi(Txt(e, "status"))}});
  if (e.contains("status_history") && !e["status_history"].empty()) {
    std::cout << "\nLịch sử trạng thái:\n";
    TextTable t({{"Từ ngày"}, {"Trạng thái"}});
    for (const auto& h : e["status_history"])
      t.Row({DateVi(Txt(h, "effective_from")), EmployerStatusVi(Txt(h, "status"))});
    t.Print(std::cout);
  }
}

// `NAME add FILE`: posts a JSON file to `path` and prints the answer.
void AddFromFile(Shell& sh, CLI::App* parent, const std::string& path, const std::string& help,
                 std::function<void(const Json&)> human) {
  auto file = std::make_shared<std::string>();
  auto* c = parent->add_subcommand("add", help);
  c->add_option("file", *file, "Tệp JSON (- là đầu vào chuẩn) / JSON file or -")->required();
  c->callback(sh.Guard([&sh, file, path, human] {
    auto body = sh.ReadArg(*file);
    if (!body.ok()) return sh.Fail(body.status());
    sh.Run("POST", path, {}, *body, human);
  }));
}

}  // namespace

void RegistryCommands(Shell& sh) {
  auto* person = sh.Group("person", "Người tham gia: add, show, search, deceased / persons");
  AddFromFile(sh, person, "/persons", "Đăng ký người tham gia từ tệp JSON / register a person", [&sh](const Json& j) {
    std::cout << "Đã đăng ký người tham gia:\n";
    PrintPerson(sh, j);
  });
  {
    auto cccd = std::make_shared<std::string>();
    auto* c = person->add_subcommand("show", "Thông tin một người theo CCCD / a person by CCCD");
    c->add_option("cccd", *cccd, "Số định danh cá nhân (12 chữ số)")->required();
    c->callback(sh.Guard(
        [&sh, cccd] { sh.Run("GET", "/persons/" + *cccd, {}, "", [&sh](const Json& j) { PrintPerson(sh, j); }); }));
  }
  {
    struct Opt {
      std::string q;
      int limit = 50;
      std::string cursor;
    };
    auto o = std::make_shared<Opt>();
    auto* c = person->add_subcommand("search", "Tìm theo họ tên, không cần dấu / search by name");
    c->add_option("query", o->q, "Họ tên hoặc một phần (\"nguyen van an\")")->required();
    c->add_option("--limit", o->limit, "Số dòng mỗi trang (mặc định 50)")->check(CLI::Range(1, 1000));
    c->add_option("--cursor", o->cursor, "Trang tiếp theo (next_cursor của trang trước)");
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/persons", {{"q", o->q}, {"limit", std::to_string(o->limit)}, {"cursor", o->cursor}}, "",
             [&sh](const Json& j) {
               TextTable t({{"CCCD"}, {"Họ và tên"}, {"Ngày sinh"}, {"Giới tính"}, {"Nơi cư trú"}, {"Ngày chết"}});
               for (const auto& p : j["persons"])
                 t.Row({Txt(p, "cccd"), Txt(p, "full_name"), DateVi(Txt(p, "dob")), SexVi(Txt(p, "sex")),
                        ProvinceLabel(sh, Txt(p, "province")), DateVi(Txt(p, "deceased_on"))});
               t.Print(std::cout);
               const Json& pg = j["page"];
               std::cout << t.rows() << " / " << NumberVi(pg["total"].get<int64_t>()) << " người";
               if (!pg["next_cursor"].is_null()) std::cout << "; trang sau: --cursor " << Txt(pg, "next_cursor");
               std::cout << "\n";
             });
    }));
  }
  {
    auto cccd = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto* c = person->add_subcommand("deceased", "Ghi nhận người tham gia đã chết / record a death");
    c->add_option("cccd", *cccd, "Số định danh cá nhân")->required();
    c->add_option("--date", *date, "Ngày chết YYYY-MM-DD")->required();
    c->callback(sh.Guard([&sh, cccd, date] {
      sh.Run("POST", "/persons/" + *cccd + "/deceased", {}, DumpJson({{"deceased_on", *date}}), [](const Json& j) {
        std::cout << "Đã ghi nhận người có CCCD " << Txt(j, "cccd") << " chết ngày " << DateVi(Txt(j, "deceased_on"))
                  << ".\n";
      });
    }));
  }

  auto* employer = sh.Group("employer", "Đơn vị sử dụng lao động: add, show, status / employers");
  AddFromFile(sh, employer, "/employers", "Đăng ký đơn vị từ tệp JSON / register an employer", [&sh](const Json& j) {
    std::cout << "Đã đăng ký đơn vị:\n";
    PrintEmployer(sh, j);
  });
  {
    auto code = std::make_shared<std::string>();
    auto* c = employer->add_subcommand("show", "Thông tin đơn vị / an employer");
    c->add_option("code", *code, "Mã đơn vị")->required();
    c->callback(sh.Guard(
        [&sh, code] { sh.Run("GET", "/employers/" + *code, {}, "", [&sh](const Json& j) { PrintEmployer(sh, j); }); }));
  }
  {
    struct Opt {
      std::string code, status, from;
    };
    auto o = std::make_shared<Opt>();
    auto* c = employer->add_subcommand("status", "Ghi nhận thay đổi trạng thái / record a status change");
    c->add_option("code", o->code, "Mã đơn vị")->required();
    c->add_option("--status", o->status, "active | suspended | dissolved | bankrupt")->required();
    c->add_option("--from", o->from, "Có hiệu lực từ ngày YYYY-MM-DD")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("POST", "/employers/" + o->code + "/status", {},
             DumpJson({{"status", o->status}, {"effective_from", o->from}}),
             [&sh](const Json& j) { PrintEmployer(sh, j); });
    }));
  }

  auto* card = sh.Group("card", "Thẻ BHYT / HI cards");
  {
    auto file = std::make_shared<std::string>();
    auto* c = card->add_subcommand("issue", "Cấp thẻ BHYT từ tệp JSON / issue a card");
    c->add_option("file", *file, "Tệp JSON (- là đầu vào chuẩn)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto body = sh.ReadArg(*file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/cards", {}, *body, [](const Json& j) {
        std::cout << "Đã cấp thẻ " << Txt(j, "code") << ", hiệu lực " << DateVi(Txt(j, "valid_from")) << " – "
                  << DateVi(Txt(j, "valid_to")) << ", nơi đăng ký KCB ban đầu " << Txt(j, "facility") << ".\n";
      });
    }));
  }
  auto* period = sh.Group("period", "Thời gian tham gia tự nguyện, hộ gia đình / voluntary and household periods");
  AddFromFile(sh, period, "/periods", "Thêm thời gian tham gia từ tệp JSON / add a period", [](const Json& j) {
    std::cout << "Đã ghi thời gian tham gia " << Txt(j, "group") << " từ " << DateVi(Txt(j, "from"))
              << (j["to"].is_null() ? "" : " đến " + DateVi(Txt(j, "to"))) << ", mức "
              << MoneyVi(j["salary"].get<int64_t>()) << ", quỹ " << Txt(j, "funds") << ".\n";
  });
}

}  // namespace bhxh
