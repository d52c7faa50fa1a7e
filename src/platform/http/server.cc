#include "platform/http/server.h"

#include <boost/asio.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast.hpp>
#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "platform/http/route_table.h"
#include "platform/jsonio/json.h"

namespace bhxh {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string NewRequestId() {
  unsigned char b[8];
  if (RAND_bytes(b, sizeof b) != 1) return "0000000000000000";
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : b) s.push_back(hex[c >> 4]), s.push_back(hex[c & 15]);
  return s;
}

bool GoodRequestId(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

class Session;

struct Shared {
  const ServerOptions& opt;
  RouteTable& table;
  asio::thread_pool& workers;
  std::atomic<bool> draining{false};
  std::atomic<int> in_flight{0};
  std::mutex sessions_mu;
  std::set<Session*> sessions;  // live connections, for closing idle ones on drain
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket s, Shared& sh) : stream_(std::move(s)), sh_(sh) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }
  ~Session() {
    std::lock_guard lock(sh_.sessions_mu);
    sh_.sessions.erase(this);
  }
  void Start() {
    {
      std::lock_guard lock(sh_.sessions_mu);
      sh_.sessions.insert(this);
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }
  // Called on drain: an idle connection is closed; a busy one closes after its answer.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

 private:
  void ReadHeader() {
    if (sh_.draining) return Close();
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(boost::none);
    stream_.expires_after(std::chrono::seconds(sh_.opt.header_timeout_seconds));
    busy_ = false;
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) {
      if (ec != http::error::end_of_stream && ec != beast::error::timeout && ec != asio::error::connection_reset &&
          ec != asio::error::operation_aborted && ec != asio::error::bad_descriptor) {
        if (ec == http::error::header_limit)
          return Immediate(
              431, Status::Error("bad_request", "headers", "Tiêu đề HTTP quá lớn", "request headers too large"));
        return Immediate(400, Status::Error("bad_request", "", "Yêu cầu HTTP không hợp lệ", "malformed HTTP request"));
      }
      return Close();
    }
    busy_ = true;
    sh_.in_flight++;
    started_ = std::chrono::steady_clock::now();
    auto& h = parser_->get();
    req_ = HttpRequest();
    req_.method = std::string(h.method_string());
    req_.target = std::string(h.target());
    size_t q = req_.target.find('?');
    req_.path = req_.target.substr(0, q);
    if (q != std::string::npos) req_.query = ParseQuery(std::string_view(req_.target).substr(q + 1));
    for (const auto& f : h) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req_.headers[name] = std::string(f.value());
    }
    req_.remote = remote_;
    const std::string* rid = req_.Header("x-request-id");
    req_.request_id = rid && GoodRequestId(*rid) ? *rid : NewRequestId();
    keep_alive_ = h.keep_alive() && !sh_.draining;
    adm_ = sh_.table.Admit(req_);
    bool has_body = parser_->content_length().value_or(0) > 0 || parser_->chunked();
    if (adm_.reject) {
      if (has_body) keep_alive_ = false;  // the body is not read, so the connection cannot be reused
      return Dispatch();
    }
    if (!has_body) return Dispatch();
    if (parser_->content_length() && *parser_->content_length() > adm_.body_limit) {
      keep_alive_ = false;
      adm_.reject = ErrorResponse(Status::Error(
          "payload_too_large", "body", "Nội dung yêu cầu quá lớn (tối đa " + std::to_string(adm_.body_limit) + " byte)",
          "request body too large (at most " + std::to_string(adm_.body_limit) + " bytes)"));
      return Dispatch();
    }
    parser_->body_limit(adm_.body_limit);
    uint64_t len = parser_->content_length().value_or(adm_.body_limit);
    int secs = sh_.opt.body_base_seconds + static_cast<int>(len / (1024ull * std::max(1, sh_.opt.body_min_rate_kbps)));
    stream_.expires_after(std::chrono::seconds(secs));
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec == http::error::body_limit) {
        self->keep_alive_ = false;
        self->adm_.reject = ErrorResponse(
            Status::Error("payload_too_large", "body", "Nội dung yêu cầu quá lớn", "request body too large"));
        return self->Dispatch();
      }
      if (ec) {
        self->sh_.in_flight--;
        self->Release();
        return self->Close();
      }
      self->req_.body = std::move(self->parser_->get().body());
      self->Dispatch();
    });
  }

  // Runs the handler on a worker, then writes from the connection's strand.
  void Dispatch() {
    asio::post(sh_.workers, [self = shared_from_this()] {
      HttpResponse resp = self->sh_.table.Handle(self->req_, self->adm_);
      asio::post(self->stream_.get_executor(),
                 [self, resp = std::move(resp)]() mutable { self->Write(std::move(resp)); });
    });
  }

  // A heavy slot reserved at admission is released by Handle; a request
  // abandoned before Handle gives it back here.
  void Release() { sh_.table.Abandon(adm_); }

  void Immediate(int status, const Status& s) {
    busy_ = true;
    sh_.in_flight++;
    started_ = std::chrono::steady_clock::now();
    keep_alive_ = false;
    HttpResponse r = JsonResponse(status, ErrorJson(s));
    Write(std::move(r));
  }

  void Write(HttpResponse resp) {
    bool head = req_.method == "HEAD";
    if (sh_.draining) keep_alive_ = false;
    res_ = std::make_shared<http::response<http::string_body>>();
    res_->version(11);
    res_->result(static_cast<http::status>(resp.status));
    res_->set(http::field::server, "bhxh");
    if (!resp.content_type.empty()) res_->set(http::field::content_type, resp.content_type);
    for (const auto& [n, v] : resp.headers) res_->set(n, v);
    res_->keep_alive(keep_alive_);
    size_t size = resp.body.size();
    res_->body() = std::move(resp.body);
    res_->prepare_payload();
    if (head) res_->body().clear();  // Content-Length stays that of the GET answer
    status_ = resp.status;
    bytes_ = size;
    int secs =
        sh_.opt.write_base_seconds + static_cast<int>(size / (1024ull * std::max(1, sh_.opt.body_min_rate_kbps)));
    stream_.expires_after(std::chrono::seconds(secs));
    if (head) {
      auto sr = std::make_shared<http::response_serializer<http::string_body>>(*res_);
      http::async_write_header(stream_, *sr,
                               [self = shared_from_this(), sr](beast::error_code ec, size_t) { self->OnWritten(ec); });
    } else {
      http::async_write(stream_, *res_,
                        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnWritten(ec); });
    }
  }

  void OnWritten(beast::error_code ec) {
    Log();
    busy_ = false;
    sh_.in_flight--;
    if (ec || !keep_alive_) return Close();
    ReadHeader();
  }

  void Log() {
    if (!sh_.opt.access_log) return;
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    std::string target = req_.target.size() > 300 ? req_.target.substr(0, 300) + "..." : req_.target;
    if (sh_.opt.log_format == "json") {
      Json j = {{"request_id", req_.request_id},
                {"remote", remote_},
                {"method", req_.method},
                {"target", target},
                {"status", status_},
                {"bytes", bytes_},
                {"ms", static_cast<int64_t>(ms * 10) / 10.0},
                {"actor", adm_.actor.id}};
      spdlog::info("{}", DumpJson(j));
    } else {
      spdlog::info("{} {} \"{} {}\" {} {}B {:.1f}ms {}", req_.request_id, remote_, req_.method, target, status_, bytes_,
                   ms, adm_.actor.id.empty() ? "-" : adm_.actor.id);
    }
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  Shared& sh_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> res_;
  HttpRequest req_;
  RouteTable::Admission adm_;
  std::string remote_;
  bool keep_alive_ = false;
  std::atomic<bool> busy_{false};
  int status_ = 0;
  size_t bytes_ = 0;
  std::chrono::steady_clock::time_point started_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, tcp::acceptor acc, Shared& sh) : ioc_(ioc), acc_(std::move(acc)), sh_(sh) {}
  void Accept() {
    acc_.async_accept(asio::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      if (!ec && !self->sh_.draining) {
        s.set_option(tcp::no_delay(true));
        std::make_shared<Session>(std::move(s), self->sh_)->Start();
      }
      if (self->acc_.is_open() && !self->sh_.draining) self->Accept();
    });
  }
  void Stop() {
    beast::error_code ec;
    acc_.close(ec);
  }

 private:
  asio::io_context& ioc_;
  tcp::acceptor acc_;
  Shared& sh_;
};

}  // namespace

Status Serve(const ServerOptions& opt, RouteTable& table, const std::function<void(unsigned short)>& on_listening,
             std::atomic<bool>* stop) {
  asio::io_context ioc(opt.io_threads);
  beast::error_code ec;
  auto addr = asio::ip::make_address(opt.host, ec);
  if (ec) return Status::Invalid("host", "Địa chỉ không hợp lệ: " + opt.host, "bad host " + opt.host);
  tcp::acceptor acc(ioc);
  tcp::endpoint ep(addr, opt.port);
  acc.open(ep.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(ep, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Status::Error("bind_failed", "port", "Không mở được cổng " + std::to_string(opt.port) + ": " + ec.message(),
                         "cannot listen on port " + std::to_string(opt.port) + ": " + ec.message());
  unsigned short port = acc.local_endpoint().port();
  asio::thread_pool workers(static_cast<size_t>(std::max(1, opt.workers)));
  Shared sh{opt, table, workers};
  auto listener = std::make_shared<Listener>(ioc, std::move(acc), sh);
  listener->Accept();

  asio::steady_timer drain_timer(ioc);
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> check_drained;
  check_drained = [&] {
    if (sh.in_flight.load() <= 0 || std::chrono::steady_clock::now() >= *deadline) {
      if (sh.in_flight.load() > 0)
        spdlog::warn("hết thời gian chờ: {} yêu cầu chưa xong khi dừng", sh.in_flight.load());
      else
        spdlog::info("đã xử lý xong mọi yêu cầu đang chạy; dừng máy chủ");
      ioc.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(50));
    drain_timer.async_wait([&](beast::error_code) { check_drained(); });
  };
  auto begin_drain = [&](const char* why) {
    if (sh.draining.exchange(true)) return;
    spdlog::info("nhận {}: ngừng nhận kết nối mới, chờ {} yêu cầu đang xử lý (tối đa {} giây)", why,
                 sh.in_flight.load(), opt.shutdown_grace_seconds);
    listener->Stop();
    {
      std::lock_guard lock(sh.sessions_mu);
      for (Session* p : sh.sessions)
        if (auto s = p->weak_from_this().lock()) s->CloseIfIdle();
    }
    *deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opt.shutdown_grace_seconds);
    check_drained();
  };
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code e, int sig) {
    if (!e) begin_drain(sig == SIGTERM ? "SIGTERM" : "SIGINT");
  });
  asio::steady_timer stop_poll(ioc);
  std::function<void()> poll;
  poll = [&] {
    if (stop && stop->load()) return begin_drain("yêu cầu dừng");
    stop_poll.expires_after(std::chrono::milliseconds(100));
    stop_poll.async_wait([&](beast::error_code e) {
      if (!e) poll();
    });
  };
  if (stop) poll();
  spdlog::info("bhxh đang phục vụ tại http://{}:{}/ ({} luồng I/O, {} luồng xử lý)", opt.host, port, opt.io_threads,
               opt.workers);
  if (on_listening) on_listening(port);
  std::vector<std::thread> io;
  for (int i = 1; i < opt.io_threads; ++i) io.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : io) t.join();
  workers.join();
  return Status::Ok();
}

}  // namespace bhxh
