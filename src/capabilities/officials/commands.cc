// `bhxh officials ...` and `bhxh complaints ...`: declarations, the
// verification draw, the rotation plan, complaints — through the route table.
#include <iostream>

#include "officials/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

const char* StatusVi(const std::string& s) {
  if (s == "submitted") return "Đã nộp";
  if (s == "due") return "Đến hạn";
  if (s == "overdue") return "QUÁ HẠN";
  if (s == "not_due") return "Chưa đến hạn";
  if (s == "exempt_retirement") return "Miễn (sắp nghỉ hưu)";
  if (s == "pending") return "Trong hạn";
  if (s == "on_time") return "Đúng hạn";
  if (s == "late") return "Trễ hạn";
  return s.c_str();
}

void PrintComplaints(const Json& j) {
  TextTable t({{"Số", TextTable::Align::kRight}, {"Loại"}, {"Ngày nhận"}, {"Người gửi", {}, 24}, {"Nội dung", {}, 40},
               {"Trạng thái"}, {"Hạn"}, {"Tiến độ"}});
  for (const auto& c : j["complaints"]) {
    std::string st = Txt(c, "status");
    t.Row({std::to_string(c["id"].get<int64_t>()), Txt(c, "kind") == "complaint" ? "Khiếu nại" : "Tố cáo", DateVi(Txt(c, "received_on")),
           Txt(c, "complainant"), Txt(c, "subject"),
           st == "received" ? "Mới nhận" : st == "accepted" ? "Đã thụ lý" : st == "refused" ? "Từ chối thụ lý" : "Đã trả lời",
           DateVi(st == "received" ? Txt(c, "accept_by") : Txt(c, "resolve_by")), StatusVi(Txt(c, "timeliness"))});
  }
  t.Print(std::cout);
}

}  // namespace

void OfficialsCommands(Shell& sh) {
  auto* g = sh.Group("officials", "Cán bộ: kê khai tài sản, xác minh, chuyển đổi vị trí / officials' integrity");
  {
    struct Opts {
      int year = 0;
      std::string unit, status;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("declarations", "Ai phải kê khai tài sản, thu nhập trong năm và ai quá hạn");
    c->add_option("--year", o->year, "Năm kê khai")->required();
    c->add_option("--unit", o->unit, "Đơn vị");
    c->add_option("--status", o->status, "submitted | due | overdue");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      std::map<std::string, std::string> q = {{"year", std::to_string(o->year)}};
      if (!o->unit.empty()) q["unit"] = o->unit;
      if (!o->status.empty()) q["status"] = o->status;
      sh.Run("GET", "/officials/asset-declarations", q, "", [](const Json& j) {
        TextTable t({{"Mã"}, {"Họ tên", {}, 28}, {"Đơn vị", {}, 28}, {"Loại"}, {"Hạn"}, {"Trạng thái"}});
        for (const auto& r : j["rows"])
          t.Row({Txt(r["official"], "code"), Txt(r["official"], "full_name"), Txt(r["official"], "unit"),
                 Txt(r, "kind") == "annual" ? "Hằng năm" : "Lần đầu", DateVi(Txt(r, "deadline")),
                 Txt(r, "status") == "due" ? "Chưa nộp, còn hạn" : StatusVi(Txt(r, "status"))});
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opts {
      int year = 0;
      std::string unit;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("verify-draw", "Bốc thăm người được xác minh tài sản trong năm (tái lập được)");
    c->add_option("--year", o->year, "Năm kế hoạch xác minh")->required();
    c->add_option("--unit", o->unit, "Đơn vị được chọn")->required();
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("POST", "/officials/verifications", {}, DumpJson(Json{{"year", o->year}, {"unit", o->unit}}), [](const Json& j) {
        std::cout << "Đợt xác minh số " << j["id"] << " năm " << j["year"] << ", " << Txt(j, "unit") << ": chọn "
                  << j["items"].size() << "/" << j["eligible"] << " người (hạt giống " << Txt(j, "seed").substr(0, 16) << "…)\n";
        for (const auto& i : j["items"])
          std::cout << "  " << Txt(i, "official_code") << " " << Txt(i, "full_name") << (i["leader"].get<bool>() ? " (lãnh đạo)" : "")
                    << " — " << Txt(i, "result") << "\n";
      });
    }));
  }
  {
    auto year = std::make_shared<int>(0);
    auto* c = g->add_subcommand("rotation", "Kế hoạch chuyển đổi vị trí công tác trong năm");
    c->add_option("--year", *year, "Năm kế hoạch")->required();
    c->callback(sh.Guard([&sh, year] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("GET", "/officials/rotation", {{"year", std::to_string(*year)}}, "", [](const Json& j) {
        TextTable t({{"Mã"}, {"Họ tên", {}, 26}, {"Vị trí", {}, 34}, {"Số năm", TextTable::Align::kRight}, {"Đến hạn"},
                     {"Trạng thái"}});
        for (const auto& r : j["rows"])
          t.Row({Txt(r["official"], "code"), Txt(r["official"], "full_name"), Txt(r, "position_name"),
                 DecimalVi(r["years_in_post"].get<double>(), 1), DateVi(Txt(r, "due_on")), StatusVi(Txt(r, "status"))});
        t.Print(std::cout);
      });
    }));
  }
  auto* cg = sh.Group("complaints", "Khiếu nại, tố cáo / complaints and denunciations");
  {
    auto status = std::make_shared<std::string>();
    auto* c = cg->add_subcommand("list", "Đơn khiếu nại, tố cáo và hạn giải quyết");
    c->add_option("--status", *status, "received | accepted | refused | answered");
    c->callback(sh.Guard([&sh, status] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      std::map<std::string, std::string> q;
      if (!status->empty()) q["status"] = *status;
      sh.Run("GET", "/complaints", q, "", PrintComplaints);
    }));
  }
}

}  // namespace bhxh
