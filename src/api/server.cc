#include "api/server.h"

#include <boost/asio.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast.hpp>
#include <spdlog/spdlog.h>

#include <memory>
#include <thread>
#include <vector>

namespace bhxh {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::map<std::string, std::string> ParseQuery(std::string_view q) {
  std::map<std::string, std::string> m;
  size_t start = 0;
  while (start <= q.size()) {
    size_t amp = q.find('&', start);
    if (amp == std::string_view::npos) amp = q.size();
    std::string_view part = q.substr(start, amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos) m[PercentDecode(part)] = "";
      else m[PercentDecode(part.substr(0, eq))] = PercentDecode(part.substr(eq + 1));
    }
    start = amp + 1;
  }
  return m;
}

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket s, const ServerOptions& opt, const Router& router)
      : stream_(std::move(s)), opt_(opt), router_(router) {}
  void Start() { asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); }); }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(opt_.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(opt_.timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset) {
      Close();
      return;
    }
    if (ec == http::error::body_limit) {
      Reply(413, R"({"error":{"code":"payload_too_large","field":"body","message":"Nội dung yêu cầu quá lớn","message_en":"request body too large"}})",
            false);
      return;
    }
    if (ec) {
      Reply(400, R"({"error":{"code":"bad_request","field":"","message":"Yêu cầu HTTP không hợp lệ","message_en":"malformed HTTP request"}})",
            false);
      return;
    }
    auto& req = parser_->get();
    HttpRequest r;
    r.method = std::string(req.method_string());
    std::string_view target(req.target().data(), req.target().size());
    size_t q = target.find('?');
    r.path = std::string(target.substr(0, q));  // segments are decoded by the router, so "%2F" stays inside one
    if (q != std::string_view::npos) r.query = ParseQuery(target.substr(q + 1));
    for (const auto& f : req) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(f.value());
    }
    r.body = std::move(req.body());
    keep_alive_ = req.keep_alive();
    HttpResponse resp;
    try {
      resp = router_(r);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} failed: {}", r.method, r.path, e.what());
      resp.status = 500;
      resp.body = R"({"error":{"code":"internal","field":"","message":"Lỗi hệ thống","message_en":"internal error"}})";
    }
    res_ = std::make_shared<http::response<http::string_body>>();
    res_->version(req.version());
    res_->result(static_cast<http::status>(resp.status));
    res_->set(http::field::server, "bhxh");
    res_->set(http::field::content_type, resp.content_type);
    res_->keep_alive(keep_alive_);
    res_->body() = std::move(resp.body);
    res_->prepare_payload();
    Write();
  }

  void Reply(int status, std::string body, bool keep) {
    keep_alive_ = keep;
    res_ = std::make_shared<http::response<http::string_body>>();
    res_->version(11);
    res_->result(static_cast<http::status>(status));
    res_->set(http::field::content_type, "application/json; charset=utf-8");
    res_->keep_alive(keep);
    res_->body() = std::move(body);
    res_->prepare_payload();
    Write();
  }

  void Write() {
    http::async_write(stream_, *res_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec || !self->keep_alive_) { self->Close(); return; }
      self->Read();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> res_;
  const ServerOptions& opt_;
  const Router& router_;
  bool keep_alive_ = false;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, tcp::acceptor acc, const ServerOptions& opt, const Router& router)
      : ioc_(ioc), acc_(std::move(acc)), opt_(opt), router_(router) {}
  void Accept() {
    acc_.async_accept(asio::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      if (!ec) {
        s.set_option(tcp::no_delay(true));
        std::make_shared<Session>(std::move(s), self->opt_, self->router_)->Start();
      }
      if (self->acc_.is_open()) self->Accept();
    });
  }

 private:
  asio::io_context& ioc_;
  tcp::acceptor acc_;
  const ServerOptions& opt_;
  const Router& router_;
};

}  // namespace

Status Serve(const ServerOptions& opt, Router router) {
  asio::io_context ioc(opt.threads);
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
  std::make_shared<Listener>(ioc, std::move(acc), opt, router)->Accept();
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) { ioc.stop(); });
  spdlog::info("bhxh đang phục vụ tại http://{}:{}/api/v1 ({} luồng)", opt.host, opt.port, opt.threads);
  std::vector<std::thread> pool;
  for (int i = 1; i < opt.threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return Status::Ok();
}

}  // namespace bhxh
