#include "platform/routes.h"

#include <set>

#include "platform/access/accounts.h"
#include "platform/access/users.h"
#include "platform/audit/audit.h"
#include "platform/context.h"
#include "platform/http/metrics.h"
#include "platform/http/route_table.h"
#include "platform/messages/outbox.h"

namespace bhxh {
namespace {

Json UserJson(const Actor& a, const std::string& display) {
  return {{"id", a.id}, {"display_name", display.empty() ? a.id : display}, {"roles", a.roles}, {"province", a.province},
          {"employer_code", a.employer_code}, {"facility_code", a.facility_code}, {"cccd", a.cccd}, {"commune", a.commune}};
}

}  // namespace

Schema UserSchema() {
  return Schema::Object({Req("id", Schema::String()), Req("display_name", Schema::String()),
         Req("roles", Schema::Array(Schema::String())), Req("province", Schema::String()),
         Req("employer_code", Schema::String()), Req("facility_code", Schema::String()),
         Req("cccd", Schema::String()), Req("commune", Schema::String())})
      .Named("User");
}

Schema SessionSchema() {
  return Schema::Object({Req("token", Schema::String()), Req("expires_at", S::DateTime()), Req("user", UserSchema())}).Named("Session");
}

Schema ChallengeSchema() {
  return Schema::Object({Req("challenge", Schema::String().Describe("Mã phiên xác thực, gửi lại cùng mã số / send back with the code")),
                         Req("channel", S::OneOf({"sms", "email"})), Req("sent_to", Schema::String()),
                         Req("expires_at", S::DateTime())})
      .Named("SecondFactorChallenge");
}

Json SessionJson(const Session& s) {
  return {{"token", s.token}, {"expires_at", s.expires_at}, {"user", UserJson(s.actor, s.display_name)}};
}

Json ChallengeJson(const ChallengeSent& c) {
  return {{"challenge", c.id}, {"channel", c.channel}, {"sent_to", c.sent_to}, {"expires_at", c.expires_at}};
}

void PlatformRoutes(RouteTable& t) {
  t.AddTag("platform", "Vận hành: tình trạng, số đo, tài liệu API, nhật ký, tài khoản / operations");
  Schema health = Schema::Object({Req("status", S::OneOf({"ok", "unavailable"})), Opt("database", Schema::String())})
                      .Named("Health");

  // Liveness under both names that load balancers and orchestrators ask.
  for (const char* name : {"health", "healthz"})
    t.Add(Route::Get(std::string("/") + name, name)
              .Tag("platform")
              .Summary("Tình trạng dịch vụ (còn sống)", "Liveness")
              .Public()
              .NoDb()
              .Returns(200, health)
              .Handle([](Call&) -> Result<Reply> { return Reply::Ok({{"status", "ok"}}); }));
  t.Add(Route::Get("/readyz", "readyz")
            .Tag("platform")
            .Summary("Sẵn sàng phục vụ (kết nối được cơ sở dữ liệu)", "Readiness: the database answers")
            .Public()
            .NoDb()
            .Returns(200, health)
            .Returns(503, health, "Chưa sẵn sàng / not ready")
            .Handle([](Call& c) -> Result<Reply> {
              if (!c.ctx().pool) return Reply::With(503, {{"status", "unavailable"}, {"database", "none"}});
              auto lease = c.ctx().pool->Acquire();
              if (!lease.ok())
                return Reply::With(503, {{"status", "unavailable"}, {"database", lease.status().message_en()}});
              auto n = (*lease)->QueryInt("SELECT 1");
              if (!n.ok()) return Reply::With(503, {{"status", "unavailable"}, {"database", n.status().message_en()}});
              return Reply::Ok({{"status", "ok"}, {"database", "ok"}});
            }));
  t.Add(Route::Get("/metrics", "metrics")
            .Tag("platform")
            .Summary("Số đo theo định dạng Prometheus", "Metrics in the Prometheus text format")
            .Public()
            .NoDb()
            .ReturnsFile(200, {"text/plain"}, "Prometheus text format 0.0.4")
            .Handle([](Call& c) -> Result<Reply> {
              std::string extra;
              if (c.ctx().pool) {
                extra += "# HELP bhxh_db_connections Store connections by state.\n# TYPE bhxh_db_connections gauge\n";
                extra += "bhxh_db_connections{state=\"in_use\"} " + std::to_string(c.ctx().pool->in_use()) + "\n";
                extra += "bhxh_db_connections{state=\"idle\"} " + std::to_string(c.ctx().pool->idle()) + "\n";
              }
              return Reply::Inline(Metrics::Get().Text(extra), "text/plain; version=0.0.4; charset=utf-8");
            }));
  RouteTable* table = &t;
  t.Add(Route::Get("/openapi.json", "openapi")
            .Tag("platform")
            .Summary("Tài liệu OpenAPI của API này", "This API's OpenAPI document")
            .Public()
            .NoDb()
            .ReturnsFile(200, {"application/json"}, "OpenAPI 3.0")
            .Handle([table](Call&) -> Result<Reply> {
              return Reply::Inline(table->OpenApiText(), "application/json; charset=utf-8");
            }));

  Schema entry = Schema::Object({Req("id", Schema::Integer()), Req("at", S::DateTime()), Req("actor", Schema::String()),
                                 Req("action", Schema::String()), Req("entity", Schema::String()),
                                 Req("entity_key", Schema::String()), Req("detail", Schema::String())});
  t.Add(Route::Get("/audit", "auditTrail")
            .Tag("platform")
            .Summary("Nhật ký thao tác, mới nhất trước", "The audit trail, newest first")
            .Permission("audit.read")
            .Query("key", S::Text(100), "Chỉ các dòng về khoá này (CCCD, mã đơn vị, tháng) / entries about this key")
            .Query("before", S::Int(1, INT64_MAX), "Các dòng cũ hơn mã này (phân trang) / entries older than this id")
            .Query("limit", S::Int(1, 1000), "Số dòng (mặc định 100) / rows")
            .Returns(200, Schema::Object({Req("entries", Schema::Array(entry))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(
                  auto r, RecentAudit(c.db(), static_cast<int>(c.Int("limit", 100)), c.Str("key"), c.Int("before", 0)));
              Json out = Json::array();
              for (const auto& e : r)
                out.push_back({{"id", e.id},
                               {"at", e.at},
                               {"actor", e.actor},
                               {"action", e.action},
                               {"entity", e.entity},
                               {"entity_key", e.entity_key},
                               {"detail", e.detail}});
              return Reply::Ok({{"entries", out}});
            }));

  Schema user = UserSchema();
  Schema factor = ChallengeSchema();
  Schema session = SessionSchema();
  t.Add(Route::Post("/auth/login", "login")
            .Tag("platform")
            .Summary("Đăng nhập bằng tên và mật khẩu", "Log in with a user name and password")
            .Describe("Trả về mã phiên (Authorization: Bearer ...) có hạn; tài khoản có xác thực hai lớp nhận second_factor (mã "
                      "gửi qua SMS hoặc thư) rồi gọi /auth/verify; sai mật khẩu nhiều lần thì tài khoản bị khoá tạm / returns a "
                      "session token that expires, or for an account with a second factor a challenge whose code was sent (then "
                      "/auth/verify); repeated wrong passwords lock the account for a while.")
            .Public()
            .JsonBody(Schema::Object({Req("username", S::Text(64).Length(1, 64)), Req("password", S::Text(1024).Length(1, 1024))}), 4096)
            .Returns(200, Schema::Object({Opt("token", Schema::String()), Opt("expires_at", S::DateTime()), Opt("user", user),
                                          Opt("second_factor", factor)}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(LoginOutcome o, Login(c.db(), c.BodyStr("username"), c.BodyStr("password"), std::chrono::hours(8)));
              if (o.challenge) return Reply::Ok({{"second_factor", ChallengeJson(*o.challenge)}});
              return Reply::Ok(SessionJson(*o.session));
            }));
  t.Add(Route::Post("/auth/verify", "verifyLogin")
            .Tag("platform")
            .Summary("Nhập mã xác thực hai lớp để hoàn tất đăng nhập", "Complete a login with its second-factor code")
            .Describe("Mã có hiệu lực 5 phút, dùng một lần, tối đa 5 lần thử / the code lives five minutes, is used once, five tries.")
            .Public()
            .JsonBody(Schema::Object({Req("challenge", S::Text(80).Length(1, 80)), Req("code", S::Text(16).Length(1, 16))}), 1024)
            .Returns(200, session)
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Session s, CompleteLogin(c.db(), c.BodyStr("challenge"), c.BodyStr("code"), std::chrono::hours(8)));
              return Reply::Ok(SessionJson(s));
            }));
  t.Add(Route::Get("/outbox", "listOutbox")
            .Tag("platform")
            .Summary("Tin nhắn hệ thống đã gửi (SMS, thư) và trạng thái chuyển", "Messages the system sent and their delivery")
            .Permission("outbox.read")
            .Query("pending", S::Bool(), "Chỉ tin chưa chuyển / undelivered only")
            .Query("limit", S::Int(1, 1000), "Số dòng / rows (mặc định 100)")
            .Returns(200, Schema::Object({Req("messages", Schema::Array(Schema::Object(
                                              {Req("id", Schema::Integer()), Req("channel", Schema::String()),
                                               Req("recipient", Schema::String()), Req("purpose", Schema::String()),
                                               Req("created_at", S::DateTime()), Req("delivered_at", S::DateTime().Nullable())})))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto ms, ListOutbox(c.db(), c.Has("pending") && c.Bool("pending"), static_cast<int>(c.Int("limit", 100))));
              Json out = Json::array();
              // The body stays out of the answer: it holds codes meant for one person.
              for (const auto& m : ms)
                out.push_back({{"id", m.id}, {"channel", m.channel}, {"recipient", MaskRecipient(m.channel, m.recipient)},
                               {"purpose", m.purpose}, {"created_at", m.created_at},
                               {"delivered_at", m.delivered_at.empty() ? Json(nullptr) : Json(m.delivered_at)}});
              return Reply::Ok({{"messages", out}});
            }));
  t.Add(Route::Post("/auth/logout", "logout")
            .Tag("platform")
            .Summary("Đăng xuất", "Log out")
            .Permission("session.self")
            .Returns(200, Schema::Object({Req("logged_out", S::Bool())}))
            .Handle([](Call& c) -> Result<Reply> {
              const std::string* auth = c.request().Header("authorization");
              std::string token = auth && auth->size() > 7 ? auth->substr(7) : "";
              if (token.rfind(kSessionPrefix, 0) == 0) {
                BHXH_RETURN_IF_ERROR(Logout(c.db(), token));
                c.ctx().ForgetToken(token);
              }
              return Reply::Ok({{"logged_out", true}});
            }));
  t.Add(Route::Get("/auth/me", "me")
            .Tag("platform")
            .Summary("Tài khoản đang đăng nhập và quyền của nó", "The signed-in account and its permissions")
            .Permission("session.self")
            .NoDb()
            .Returns(200, Schema::Object({Req("user", user), Req("permissions", Schema::Array(Schema::String()))}))
            .Handle([table](Call& c) -> Result<Reply> {
              const Actor& a = c.actor();
              std::set<std::string> perms;
              for (const auto& r : table->routes())
                if (!r->is_public() && c.ctx().policy.Widest(a, r->permission())) perms.insert(r->permission());
              return Reply::Ok({{"user", UserJson(a, a.name)}, {"permissions", Json(perms)}});
            }));

  t.Add(Route::Get("/jobs/{id}", "getJob")
            .Tag("platform")
            .Summary("Tiến độ và kết quả của một việc chạy lâu", "Progress and result of a long job")
            .Permission("jobs.read")
            .NoDb()
            .PathParam("id", S::Text(60).Length(1, 60), "Mã việc / job id")
            .Returns(200, Schema::Object({Req("id", Schema::String()), Req("kind", Schema::String()),
                                          Req("status", S::OneOf({"running", "done", "failed"})), Req("done", Schema::Integer()),
                                          Req("total", Schema::Integer()), Req("started_by", Schema::String()),
                                          Req("started_at", S::DateTime()), Req("finished_at", S::DateTime().Nullable()),
                                          Req("result", Schema().Describe("Kết quả khi xong / the result when done")),
                                          Req("error", Schema().Describe("Lỗi khi thất bại / the error when failed"))})
                              .Named("Job"))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(JobView j, c.ctx().jobs.Get(c.Path("id")));
              return Reply::Ok({{"id", j.id}, {"kind", j.kind}, {"status", j.status}, {"done", j.done}, {"total", j.total},
                                {"started_by", j.started_by}, {"started_at", j.started_at},
                                {"finished_at", j.finished_at.empty() ? Json(nullptr) : Json(j.finished_at)}, {"result", j.result},
                                {"error", j.error}});
            }));

  t.Add(Route::Post("/accounts/{actor}/revoke", "revokeToken")
            .Tag("platform")
            .Summary("Thu hồi mã truy cập của một tài khoản", "Revoke an account's token")
            .Describe("Có hiệu lực ngay trong tiến trình này và trong vòng 30 giây ở các tiến trình khác / "
                      "effective at once here and within 30 seconds elsewhere.")
            .Permission("accounts.manage")
            .PathParam("actor", S::Text(120).Length(1, 120), "Tài khoản, ví dụ employer:01A00001 / the account")
            .Returns(200, Schema::Object({Req("actor", Schema::String()), Req("revoked", S::Bool())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_RETURN_IF_ERROR(RevokeToken(c.db(), c.Path("actor"), c.actor()));
              c.ctx().ForgetActor(c.Path("actor"));
              return Reply::Ok({{"actor", c.Path("actor")}, {"revoked", true}});
            }));
}

}  // namespace bhxh
