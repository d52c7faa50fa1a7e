// `bhxh identity ...`: open a citizen's electronic account at the desk (the
// code still goes to the person's phone), confirm it, try a provider's ID
// token, list the providers — through the route table, as the API does.
#include <iostream>

#include "identity/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

void PrintSession(const Json& j) {
  std::cout << "Đã đăng nhập: " << j["user"]["display_name"].get<std::string>() << " (" << j["user"]["id"].get<std::string>()
            << "), phiên có hạn đến " << DateVi(j["expires_at"].get<std::string>()) << ".\n";
}

}  // namespace

void IdentityCommands(Shell& sh) {
  auto* g = sh.Group("identity", "Định danh điện tử: tài khoản công dân, VNeID / electronic identity");
  {
    struct O {
      std::string cccd, name, birth, phone, email, channel = "sms";
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("enrol", "Mở tài khoản giao dịch điện tử cho công dân; mật khẩu đọc từ đầu vào chuẩn, mã gửi tới điện thoại");
    c->add_option("--cccd", o->cccd, "Số định danh cá nhân")->required();
    c->add_option("--name", o->name, "Họ tên như trong cơ sở dữ liệu")->required();
    c->add_option("--birth", o->birth, "Ngày sinh: dd/mm/yyyy, YYYY-MM-DD hoặc năm")->required();
    c->add_option("--phone", o->phone, "Số điện thoại di động nhận mã");
    c->add_option("--email", o->email, "Thư điện tử (khi nhận mã qua thư)");
    c->add_option("--channel", o->channel, "sms (mặc định) hoặc email")->check(CLI::IsMember({"sms", "email"}));
    c->callback(sh.Guard([&sh, o] {
      // The password never goes on the command line (it would stay in the shell's history and the process list).
      std::string password;
      std::getline(std::cin, password);
      Json body = {{"cccd", o->cccd}, {"full_name", o->name}, {"birth_date", o->birth}, {"channel", o->channel},
                   {"password", password}};
      if (!o->phone.empty()) body["phone"] = o->phone;
      if (!o->email.empty()) body["email"] = o->email;
      sh.Run("POST", "/identity/enrolments", {}, body.dump(), [](const Json& j) {
        std::cout << "Đã gửi mã xác thực tới " << j["sent_to"].get<std::string>() << " (" << j["channel"].get<std::string>()
                  << "), hiệu lực đến " << DateVi(j["expires_at"].get<std::string>()) << ".\n"
                  << "Mã phiên xác thực: " << j["challenge"].get<std::string>() << "\n"
                  << "Nhập mã: bhxh identity confirm <mã phiên> <mã số>\n";
      });
    }));
  }
  {
    struct O {
      std::string challenge, code;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("confirm", "Nhập mã xác thực: mở tài khoản");
    c->add_option("challenge", o->challenge, "Mã phiên xác thực")->required();
    c->add_option("code", o->code, "Mã 6 chữ số đã nhận")->required();
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"challenge", o->challenge}, {"code", o->code}};
      sh.Run("POST", "/identity/enrolments/confirm", {}, body.dump(), [](const Json& j) {
        std::cout << "Đã mở tài khoản; tên đăng nhập là số định danh " << j["user"]["cccd"].get<std::string>() << ".\n";
        PrintSession(j);
      });
    }));
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = g->add_subcommand("handoff", "Kiểm tra mã định danh (ID token) của nhà cung cấp và đăng nhập");
    c->add_option("file", *file, "Tệp chứa ID token (- là đầu vào chuẩn)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto tok = sh.ReadArg(*file);
      if (!tok.ok()) return sh.Fail(tok.status());
      std::string t = *tok;
      while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
      sh.Run("POST", "/identity/handoff", {}, Json{{"id_token", t}}.dump(), [](const Json& j) {
        std::cout << "Nhà cung cấp: " << j["provider"].get<std::string>()
                  << (j["account_opened"].get<bool>() ? "; lần đầu: đã mở tài khoản.\n" : "; tài khoản đã có.\n");
        PrintSession(j);
      });
    }));
  }
  {
    auto* c = g->add_subcommand("providers", "Các nhà cung cấp định danh được tin cậy");
    c->callback(sh.Guard([&sh] {
      sh.Run("GET", "/identity/providers", {}, "", [](const Json& j) {
        if (j["providers"].empty()) {
          std::cout << "Chưa cấu hình nhà cung cấp định danh nào (data/identity/providers.csv).\n";
          return;
        }
        TextTable t({{"Mã"}, {"Tên"}, {"Nơi cấp (issuer)", {}, 60}});
        for (const auto& p : j["providers"])
          t.Row({p["code"].get<std::string>(), p["name"].get<std::string>(), p["issuer"].get<std::string>()});
        t.Print(std::cout);
      });
    }));
  }
}

}  // namespace bhxh
