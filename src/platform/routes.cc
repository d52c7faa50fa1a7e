#include "platform/routes.h"

#include "platform/access/accounts.h"
#include "platform/audit/audit.h"
#include "platform/context.h"
#include "platform/http/metrics.h"
#include "platform/http/route_table.h"

namespace bhxh {

void PlatformRoutes(RouteTable& t) {
  t.AddTag("platform", "Vận hành: tình trạng, số đo, tài liệu API, nhật ký, tài khoản / operations");
  Schema health = Schema::Object({Req("status", S::OneOf({"ok", "unavailable"})), Opt("database", Schema::String())})
                      .Named("Health");

  t.Add(Route::Get("/health", "health")
            .Tag("platform")
            .Summary("Tình trạng dịch vụ (còn sống)", "Liveness")
            .Public()
            .NoDb()
            .Returns(200, health)
            .Handle([](Call&) -> Result<Reply> {
              return Reply::Ok({{"status", "ok"}});
            }));
  t.Add(Route::Get("/healthz", "healthz")
            .Tag("platform")
            .Summary("Tình trạng dịch vụ (còn sống)", "Liveness")
            .Public()
            .NoDb()
            .Returns(200, health)
            .Handle([](Call&) -> Result<Reply> {
              return Reply::Ok({{"status", "ok"}});
            }));
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
