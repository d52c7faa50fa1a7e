// The real server on a loopback socket: nothing is read from a client that
// has not authenticated, HEAD answers without a body, and on shutdown every
// request in flight gets its answer while new connections are refused.
#include "platform/http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/http/route_table.h"
#include "platform/routes.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

// Sends `request` and reads until the peer closes or `timeout` passes.
std::string Exchange(unsigned short port, const std::string& request, int timeout_ms = 5000) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return "";
  }
  timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  (void)!send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  while (true) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

class Server : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    ctx_ = testing::ContextWithoutDb(&why);
    ASSERT_TRUE(ctx_) << why;
    table_ = std::make_unique<RouteTable>(*ctx_, TableOptions{});
    PlatformRoutes(*table_);
    table_->Add(Route::Get("/slow", "slow")
                    .Summary("chậm", "slow")
                    .Public()
                    .NoDb()
                    .Returns(200, Schema::Object({Req("done", S::Bool())}))
                    .Handle([](Call&) -> Result<Reply> {
                      std::this_thread::sleep_for(std::chrono::milliseconds(400));
                      return Reply::Ok({{"done", true}});
                    }));
    table_->Add(Route::Post("/upload", "upload")
                    .Summary("tải lên", "upload")
                    .Permission("audit.read")
                    .NoDb()
                    .RawBody({"text/plain"}, "text", 1 << 20)
                    .Returns(200, Schema::Object({Req("bytes", Schema::Integer())}))
                    .Handle([](Call& c) -> Result<Reply> { return Reply::Ok({{"bytes", c.RawBody().size()}}); }));
    opt_.port = 0;
    opt_.access_log = false;
    opt_.shutdown_grace_seconds = 10;
    thread_ = std::thread([this] {
      Status s = Serve(opt_, *table_, [this](unsigned short p) { port_ = p; }, &stop_);
      EXPECT_TRUE(s.ok()) << s.ToString();
    });
    for (int i = 0; i < 200 && port_ == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_NE(port_.load(), 0);
  }
  void TearDown() override {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  std::unique_ptr<AppContext> ctx_;
  std::unique_ptr<RouteTable> table_;
  ServerOptions opt_;
  std::atomic<unsigned short> port_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

TEST_F(Server, AnUnauthenticatedBodyIsNeverRead) {
  // Headers promise 100 MB; the server answers 401 before a byte of it.
  auto t0 = std::chrono::steady_clock::now();
  std::string r = Exchange(port_, "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000000\r\n\r\n");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_NE(r.find("HTTP/1.1 401"), std::string::npos) << r;
  EXPECT_LT(secs, 3.0);
  // A body larger than the route allows is refused from its declared length.
  r = Exchange(port_, "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\nContent-Length: 5000000\r\n\r\n");
  EXPECT_NE(r.find("HTTP/1.1 401"), std::string::npos) << r;
}

TEST_F(Server, HeadAnswersWithoutABodyAndUnknownMethodsAre405) {
  std::string r = Exchange(port_, "HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(r.find("HTTP/1.1 200"), std::string::npos) << r;
  EXPECT_EQ(r.find("{\"status\""), std::string::npos) << r;
  EXPECT_NE(r.find("X-Request-Id"), std::string::npos) << r;
  r = Exchange(port_, "PUT /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(r.find("HTTP/1.1 405"), std::string::npos) << r;
  EXPECT_NE(r.find("Allow: GET, HEAD, OPTIONS"), std::string::npos) << r;
}

// The console's files: read whole (a file larger than one read chunk, every
// byte value), the gzip variant to a client that takes it, no body to HEAD,
// the application's page for a client-side route, 404 for a missing asset.
TEST(StaticFiles, ServedWholeAndThePageForClientRoutes) {
  std::string why;
  auto ctx = testing::ContextWithoutDb(&why);
  ASSERT_TRUE(ctx) << why;
  const std::string dir = ::testing::TempDir() + "/bhxh_static";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/assets");
  std::string js;
  for (int i = 0; i < 300'001; ++i) js.push_back(static_cast<char>((i * 31) % 256));
  std::ofstream(dir + "/index.html", std::ios::binary) << "<!doctype html><title>bhxh</title>";
  std::ofstream(dir + "/assets/app.js", std::ios::binary) << js;
  std::ofstream(dir + "/assets/app.js.gz", std::ios::binary) << "gz-bytes";
  TableOptions o;
  o.static_dir = dir;
  RouteTable table(*ctx, o);
  PlatformRoutes(table);
  auto get = [&](const std::string& method, const std::string& path, bool gzip) {
    HttpRequest r;
    r.method = method;
    r.path = r.target = path;
    if (gzip) r.headers["accept-encoding"] = "gzip, deflate";
    return table.Dispatch(r);
  };
  auto header = [](const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return std::string();
  };
  HttpResponse a = get("GET", "/assets/app.js", false);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body.size(), 300'001u);
  EXPECT_TRUE(a.body == js);
  EXPECT_EQ(header(a, "Cache-Control"), "public, max-age=31536000, immutable");
  HttpResponse z = get("GET", "/assets/app.js", true);
  EXPECT_EQ(z.body, "gz-bytes");
  EXPECT_EQ(header(z, "Content-Encoding"), "gzip");
  HttpResponse h = get("HEAD", "/assets/app.js", false);
  EXPECT_EQ(h.status, 200);
  EXPECT_TRUE(h.body.empty());
  HttpResponse page = get("GET", "/ho-so/123", false);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "<!doctype html><title>bhxh</title>");
  EXPECT_EQ(header(page, "Cache-Control"), "no-cache");
  EXPECT_EQ(get("GET", "/assets/none.js", false).status, 404);
  std::filesystem::remove_all(dir);
}

TEST_F(Server, ShutdownLetsRequestsInFlightFinish) {
  std::vector<std::thread> clients;
  std::vector<std::string> answers(8);
  for (int i = 0; i < 8; ++i)
    clients.emplace_back([&, i] {
      answers[i] = Exchange(port_, "GET /api/v1/slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // all eight are in the handler now
  stop_ = true;
  for (auto& c : clients) c.join();
  thread_.join();
  for (int i = 0; i < 8; ++i) {
    EXPECT_NE(answers[i].find("HTTP/1.1 200"), std::string::npos) << i << ": " << answers[i];
    EXPECT_NE(answers[i].find("\"done\":true"), std::string::npos) << i;
  }
  // The port is closed: a new connection gets nothing.
  EXPECT_EQ(Exchange(port_, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 500), "");
}

}  // namespace
}  // namespace bhxh
