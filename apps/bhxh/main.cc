// bhxh — the command line of the national insurance system: one subcommand
// per job, usable from scripts. Exit codes: 0 success; 1 usage error; 2
// rejected input (invalid, not found, conflict, forbidden); 3 storage or
// internal failure. --json prints exactly what the HTTP API answers.
#include <CLI/CLI.hpp>

#include <iostream>

#include "apps/bhxh/app.h"
#include "capabilities/all.h"
#include "demo/demo.h"
#include "platform/cli/shell.h"

int main(int argc, char** argv) {
  using namespace bhxh;
  CLI::App app{"bhxh — Hệ thống thông tin Bảo hiểm xã hội Việt Nam / the national insurance information system"};
  app.set_version_flag("--version", std::string("bhxh ") + BHXH_VERSION);
  app.set_config("--config", "", "Tệp cấu hình TOML hoặc INI (mục [serve] cho máy chủ) / a configuration file");
  app.require_subcommand(1);
  app.fallthrough(true);  // global options may follow the subcommand
  Shell sh(app, AllCapabilities());
  app.add_option("--db", sh.g().db, "Tệp SQLite hoặc URL postgresql:// (biến môi trường BHXH_DB; mặc định bhxh.db)");
  app.add_option("--data", sh.g().data, "Thư mục dữ liệu pháp lý, địa giới, danh mục (biến BHXH_DATA)");
  app.add_option("--operator", sh.g().op, "Người chạy lệnh, ghi vào nhật ký (mặc định $USER)");
  app.add_flag("--json", sh.g().json, "In JSON (đúng như API trả lời)");
  for (const auto* c : sh.capabilities())
    if (c->commands) c->commands(sh);
  DemoCommands(sh);
  ServeCommand(sh);
  OpenApiCommand(sh);
  OutboxCommand(sh);
  // An unknown command is named (CLI11 alone would only say that one is required).
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" || a == "--data" || a == "--operator" || a == "--config") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] == '-') continue;
    bool known = false;
    std::string names;
    for (const auto* sub : app.get_subcommands({})) {
      known |= sub->get_name() == a;
      for (const auto& al : sub->get_aliases()) known |= al == a;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::cerr << "Lệnh không tồn tại: \"" << a << "\" (unknown command). Các lệnh: " << names << "\n"
                << "Xem `bhxh --help`.\n";
      return 1;
    }
    break;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, the version, or what was wrong (unknown command, missing option)
    return code == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "Lỗi hệ thống: " << e.what() << "\n";
    return 3;
  }
  return sh.rc();
}
