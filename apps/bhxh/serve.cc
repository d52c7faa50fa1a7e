// `bhxh serve`: the HTTP API, the web console and the API reference on one
// port, with the settings of a configuration file (--config) or options.
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "apps/bhxh/app.h"
#include "platform/cli/shell.h"
#include "platform/cli/format.h"
#include "platform/http/server.h"
#include "platform/messages/outbox.h"
#include "platform/routes.h"

namespace bhxh {
namespace {

std::string DocsPage() {
  return R"(<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API bhxh — Tài liệu tham khảo</title></head>
<body><redoc spec-url="/api/v1/openapi.json" hide-download-button="false"></redoc>
<script src="/vendor/redoc.standalone.js"></script></body></html>
)";
}

}  // namespace

void ServeCommand(Shell& sh) {
  struct Opt {
    ServerOptions server;
    std::vector<std::string> cors;
    std::string static_dir = BHXH_DEFAULT_WEB_DIR;
    int heavy = 2;
    int auth_failures = 20;
    std::string outbox_dir;
  };
  auto o = std::make_shared<Opt>();
  auto* c =
      sh.app().add_subcommand("serve", "Phục vụ API, giao diện web và tài liệu API / serve the API and the console");
  c->add_option("--host", o->server.host, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
  c->add_option("--port", o->server.port, "Cổng (mặc định 8080; 0: tự chọn)");
  c->add_option("--io-threads", o->server.io_threads, "Luồng vào/ra (mặc định 2)")->check(CLI::Range(1, 64));
  c->add_option("--workers", o->server.workers, "Luồng xử lý yêu cầu (mặc định 4)")->check(CLI::Range(1, 256));
  c->add_option("--header-timeout", o->server.header_timeout_seconds,
                "Giây chờ phần đầu yêu cầu và kết nối rảnh (mặc định 15)")
      ->check(CLI::Range(1, 3600));
  c->add_option("--body-timeout", o->server.body_base_seconds, "Giây tối thiểu để nhận nội dung (mặc định 30)")
      ->check(CLI::Range(1, 3600));
  c->add_option("--min-rate", o->server.body_min_rate_kbps, "Tốc độ tối thiểu khi nhận và gửi, KB/giây (mặc định 64)")
      ->check(CLI::Range(1, 1 << 20));
  c->add_option("--shutdown-grace", o->server.shutdown_grace_seconds,
                "Giây chờ các yêu cầu đang xử lý khi dừng (mặc định 20)")
      ->check(CLI::Range(0, 3600));
  c->add_option("--log-format", o->server.log_format, "Nhật ký truy cập: text (mặc định) hoặc json")
      ->check(CLI::IsMember({"text", "json"}));
  c->add_flag("--access-log,!--no-access-log", o->server.access_log, "Ghi nhật ký truy cập (mặc định có)");
  c->add_option("--cors-origin", o->cors, "Nguồn (origin) được gọi API từ trình duyệt; lặp lại được; * là mọi nguồn");
  c->add_option("--static-dir", o->static_dir, "Thư mục giao diện web đã build (mặc định web/dist)");
  c->add_option("--heavy-limit", o->heavy, "Số yêu cầu nặng cùng lúc (mặc định 2)")->check(CLI::Range(1, 64));
  c->add_option("--auth-failures", o->auth_failures,
                "Số lần xác thực sai mỗi phút từ một địa chỉ trước khi chặn (mặc định 20)")
      ->check(CLI::Range(1, 100000));
  c->add_option("--outbox-dir", o->outbox_dir,
                 "Thư mục nhận tin nhắn hệ thống gửi (mã xác thực SMS, thư) cho cổng SMS hoặc máy chủ thư lấy đi "
                 "(biến BHXH_OUTBOX_DIR; không đặt thì tin nằm trong hộp thư đi)")
      ->envname("BHXH_OUTBOX_DIR");
  c->callback(sh.Guard([&sh, o] {
    auto ctx = sh.Context();
    if (!ctx.ok()) return sh.Fail(ctx.status());
    if (Status s = (*ctx)->Warm(); !s.ok()) return sh.Fail(s);
    std::unique_ptr<OutboxDeliverer> deliverer;
    if (!o->outbox_dir.empty())
      deliverer = std::make_unique<OutboxDeliverer>(*(*ctx)->pool, o->outbox_dir, std::chrono::milliseconds(500));
    TableOptions topt;
    topt.cors_origins = o->cors;
    topt.heavy_limit = o->heavy;
    topt.auth_failures_per_minute = o->auth_failures;
    std::error_code ec;
    if (!o->static_dir.empty() && std::filesystem::is_regular_file(o->static_dir + "/index.html", ec))
      topt.static_dir = o->static_dir;
    else
      spdlog::warn("chưa có giao diện web tại {} (chạy `npm --prefix web ci && npm --prefix web run build`)",
                   o->static_dir);
    topt.docs_html = DocsPage();
    const char* v = std::getenv("BHXH_VALIDATE_RESPONSES");
    topt.validate_responses = v && std::string(v) == "1";
    RouteTable table(**ctx, topt);
    PlatformRoutes(table);
    for (const auto* cap : sh.capabilities())
      if (cap->routes) cap->routes(table);
    Status s = Serve(o->server, table, [&](unsigned short port) {
      std::cout << "bhxh " << BHXH_VERSION << " đang phục vụ:\n"
                << "  Giao diện web:  http://" << o->server.host << ":" << port << "/\n"
                << "  API:            http://" << o->server.host << ":" << port << "/api/v1\n"
                << "  Tài liệu API:   http://" << o->server.host << ":" << port << "/api/docs\n"
                << std::flush;
    });
    if (!s.ok()) sh.Fail(s);
  }));
}

void OutboxCommand(Shell& sh) {
  struct Opt {
    bool pending = false;
    int limit = 50;
    std::string deliver_to;
  };
  auto o = std::make_shared<Opt>();
  auto* c = sh.app().add_subcommand("outbox", "Tin nhắn hệ thống gửi (SMS, thư): xem, chuyển vào thư mục của cổng gửi / the outbox");
  c->add_flag("--pending", o->pending, "Chỉ tin chưa chuyển");
  c->add_option("--limit", o->limit, "Số dòng (mặc định 50)")->check(CLI::Range(1, 1000));
  c->add_option("--deliver-to", o->deliver_to, "Chuyển các tin chưa gửi vào thư mục này (mỗi tin một tệp) rồi đánh dấu đã chuyển");
  c->callback(sh.Guard([&sh, o] {
    if (!o->deliver_to.empty()) {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      auto lease = (*ctx)->pool->Acquire();
      if (!lease.ok()) return sh.Fail(lease.status());
      Result<int> n = DeliverToDirectory(**lease, o->deliver_to, 100000);
      if (!n.ok()) return sh.Fail(n.status());
      std::cout << "Đã chuyển " << NumberVi(*n) << " tin vào " << o->deliver_to << ".\n";
      return;
    }
    std::map<std::string, std::string> q = {{"limit", std::to_string(o->limit)}};
    if (o->pending) q["pending"] = "true";
    sh.Run("GET", "/outbox", q, "", [](const Json& j) {
      TextTable t({{"Số", TextTable::Align::kRight}, {"Kênh"}, {"Người nhận"}, {"Mục đích"}, {"Lúc tạo"}, {"Đã chuyển"}});
      for (const auto& m : j["messages"])
        t.Row({NumberVi(m["id"].get<int64_t>()), m["channel"].get<std::string>(), m["recipient"].get<std::string>(),
               m["purpose"].get<std::string>(), DateVi(m["created_at"].get<std::string>()),
               m["delivered_at"].is_null() ? "chưa" : DateVi(m["delivered_at"].get<std::string>())});
      t.Print(std::cout);
    });
  }));
}

void OpenApiCommand(Shell& sh) {
  auto* c = sh.app().add_subcommand("openapi", "In tài liệu OpenAPI của API / print the OpenAPI document");
  c->callback(sh.Guard([&sh] {
    auto ctx = sh.ContextNoDb();
    if (!ctx.ok()) return sh.Fail(ctx.status());
    RouteTable table(**ctx, {});
    PlatformRoutes(table);
    for (const auto* cap : sh.capabilities())
      if (cap->routes) cap->routes(table);
    std::cout << table.OpenApiText() << "\n";
  }));
}

}  // namespace bhxh
