#include <fstream>
#include "platform/cli/shell.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "base/csv.h"
#include "platform/cli/format.h"
#include "platform/cli/progress.h"
#include "platform/routes.h"

namespace bhxh {

Status WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  if (!f) return Status::Invalid("out", "Không ghi được tệp " + path, "cannot write " + path);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) return Status::Invalid("out", "Không ghi được tệp " + path, "cannot write " + path);
  return Status::Ok();
}


Shell::Shell(CLI::App& app, std::vector<const Capability*> caps) : app_(app), caps_(std::move(caps)) {}
Shell::~Shell() = default;

CLI::App* Shell::Group(const std::string& name, const std::string& description) {
  auto it = groups_.find(name);
  if (it != groups_.end()) return it->second;
  CLI::App* g = app_.add_subcommand(name, description);
  g->require_subcommand(1);
  groups_[name] = g;
  return g;
}

namespace {
bool IsPostgresUrl(const std::string& u) {
  return u.rfind("postgresql://", 0) == 0 || u.rfind("postgres://", 0) == 0 || u.find("dbname=") != std::string::npos ||
         u.find("host=") != std::string::npos;
}
}  // namespace

Result<AppContext*> Shell::Context(bool create) {
  if (ctx_ && ctx_has_db_) return ctx_.get();
  std::string url = g_.db;
  if (!IsPostgresUrl(url) && url != ":memory:") {
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (!create && !std::filesystem::exists(path))
      return Status::Error(
          "not_found", "db",
          "Không có cơ sở dữ liệu \"" + path + "\"; tạo bằng `bhxh --db " + path + " init` (hoặc chỉ đúng --db)",
          "no database \"" + path + "\"; create it with `bhxh --db " + path + " init` (or fix --db)");
  }
  AppContext::Options o{g_.data, url, caps_, true};
  BHXH_ASSIGN_OR_RETURN(ctx_, AppContext::Open(o));
  ctx_has_db_ = true;
  routes_.reset();
  return ctx_.get();
}

Result<AppContext*> Shell::ContextNoDb() {
  if (ctx_) return ctx_.get();
  AppContext::Options o{g_.data, "", caps_, false};
  BHXH_ASSIGN_OR_RETURN(ctx_, AppContext::Open(o));
  return ctx_.get();
}

RouteTable& Shell::Routes() {
  if (!routes_) {
    TableOptions opt;
    const char* v = std::getenv("BHXH_VALIDATE_RESPONSES");
    opt.validate_responses = v && std::string(v) == "1";
    routes_ = std::make_unique<RouteTable>(*ctx_, opt);
    PlatformRoutes(*routes_);  // the outbox, the audit trail: the same answers as the API
    for (const auto* c : caps_)
      if (c->routes) c->routes(*routes_);
  }
  return *routes_;
}

Actor Shell::Operator() const {
  std::string who = g_.op;
  if (who.empty()) {
    const char* u = std::getenv("USER");
    who = u && *u ? u : "operator";
  }
  // The operator at the server's console acts for the agency nationally;
  // the operator role's permissions are in data/access/roles.csv.
  Actor a;
  a.id = "cli:" + who;
  a.roles = {"operator"};
  return a;
}

HttpResponse Shell::Call(const std::string& method, const std::string& path,
                         const std::map<std::string, std::string>& query, const std::string& body,
                         const std::map<std::string, std::string>& headers) {
  if (!ctx_) {
    auto c = Context();
    if (!c.ok()) return ErrorResponse(c.status());
  }
  HttpRequest req;
  req.method = method;
  req.path = "/api/v1" + path;
  for (const auto& [k, v] : query)
    if (!v.empty()) req.query[k] = v;
  req.body = body;
  for (const auto& [k, v] : headers) req.headers[k] = v;
  if (!body.empty() && !req.headers.count("content-type"))
    req.headers["content-type"] = !body.empty() && (body[0] == '{' || body[0] == '[') ? "application/json" : "";
  if (req.headers["content-type"].empty()) req.headers.erase("content-type");
  return Routes().DispatchAs(Operator(), std::move(req));
}

void Shell::Save(const std::string& path, const std::map<std::string, std::string>& query, const std::string& file) {
  HttpResponse r = Call("GET", path, query);
  if (r.status >= 400) return Run("GET", path, query, "", [](const Json&) {});
  if (file.empty()) {
    std::cout << r.body << "\n";
    return;
  }
  if (Status s = WriteFileBytes(file, r.body); !s.ok()) return Fail(s);
  std::cout << "Đã ghi " << file << "\n";
}

void Shell::Run(const std::string& method, const std::string& path, const std::map<std::string, std::string>& query,
                const std::string& body, const std::function<void(const Json&)>& human,
                const std::map<std::string, std::string>& headers) {
  HttpResponse r = Call(method, path, query, body, headers);
  ProgressBar::ClearActive();
  auto j = ParseJson(r.body, 512);
  if (r.status >= 400) {
    if (j.ok() && j->contains("error")) {
      const Json& e = (*j)["error"];
      if (g_.json) {
        PrintJson(*j);
      } else {
        Fail(Status::Error(Txt(e, "code"), Txt(e, "field"), Txt(e, "message"), Txt(e, "message_en")));
        // A file or a declaration refused row by row: every row's problem.
        if (j->contains("errors") && (*j)["errors"].is_array() && !(*j)["errors"].empty()) {
          TextTable t({{"Dòng", TextTable::Align::kRight}, {"Trường"}, {"Lỗi", {}, 100}});
          for (const auto& r : (*j)["errors"]) t.Row({Txt(r, "row"), Txt(r, "field"), Txt(r, "message")});
          t.Print(std::cerr);
        }
      }
    } else {
      Fail(Status::Internal("HTTP " + std::to_string(r.status)));
    }
    rc_ = ExitCodeFor(r.status);
    return;
  }
  rc_ = 0;
  if (!j.ok()) {  // a file answer
    std::cout << r.body;
    return;
  }
  if (g_.json)
    PrintJson(*j);
  else
    human(*j);
}

void Shell::Fail(const Status& s) {
  ProgressBar::ClearActive();
  if (g_.json)
    std::cout << DumpJson(ErrorJson(s), 2) << "\n";
  else
    std::cerr << "Lỗi [" << s.code() << (s.field().empty() ? "" : " · " + s.field()) << "]: " << s.message_vi()
              << "\n  (" << s.message_en() << ")\n";
  rc_ = ExitCodeFor(HttpStatusFor(s));
}

void Shell::PrintJson(const Json& j) {
  ProgressBar::ClearActive();
  std::cout << DumpJson(j, 2) << "\n";
}

std::function<void()> Shell::Guard(std::function<void()> f) {
  return [this, f = std::move(f)] {
    try {
      f();
    } catch (const std::exception& e) {
      Fail(Status::Internal(e.what()));
    }
  };
}

Result<std::string> Shell::ReadArg(const std::string& file) {
  if (file == "-") return std::string((std::istreambuf_iterator<char>(std::cin)), {});
  return ReadFile(file);
}

}  // namespace bhxh
