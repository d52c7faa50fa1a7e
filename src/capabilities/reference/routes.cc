// Reference data and calculators: the law's parameters in force, a
// parameter's history, provinces (63 → 34), the contribution calculator.
#include "platform/context.h"
#include "platform/http/route_table.h"
#include "reference/json.h"
#include "reference/module.h"

namespace bhxh {

void ReferenceRoutes(RouteTable& t) {
  t.AddTag("reference", "Tham số pháp lý, địa giới, máy tính số phải đóng / law parameters, geography, calculators");

  t.Add(Route::Post("/calc/contribution", "calculateContribution")
            .Tag("reference")
            .Summary("Tính số phải đóng theo quỹ và bên đóng", "What the worker and the employer owe for a month")
            .Permission("reference.read")
            .NoDb()
            .JsonBody(schemas::CalcRequest(), 16 * 1024)
            .BodyExample({{"month", "2025-08"}, {"salary", 10000000}, {"region", 1}, {"group", "DN"}})
            .Returns(200, schemas::CalcResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(CalcRequest req, CalcRequestFromJson(c.Body()));
              BHXH_ASSIGN_OR_RETURN(CalcResult r, CalculateContribution(c.ctx().law, req));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(
      Route::Get("/law/in-force", "lawInForce")
          .Tag("reference")
          .Summary("Tham số pháp lý có hiệu lực vào một ngày", "Law parameters in force on a date")
          .Permission("reference.read")
          .NoDb()
          .Query("date", S::Date(), "Ngày (mặc định hôm nay) / date, default today")
          .Returns(200, Schema::Object({Req("date", S::Date()), Req("parameters", Schema::Array(schemas::LawParam()))}))
          .Handle([](Call& c) -> Result<Reply> {
            Date d = c.DateOr("date", Date::Today());
            Json out = Json::array();
            for (const auto& p : c.ctx().law.InForce(d)) out.push_back(ToJson(p));
            return Reply::Ok({{"date", d.ToString()}, {"parameters", out}});
          }));

  t.Add(Route::Get("/law/history/{key}", "lawHistory")
            .Tag("reference")
            .Summary("Lịch sử một tham số pháp lý", "The history of one law parameter")
            .Permission("reference.read")
            .NoDb()
            .PathParam("key", S::Text(80).Length(1, 80), "Tên tham số, ví dụ base_salary / parameter key")
            .Returns(200,
                     Schema::Object({Req("key", Schema::String()), Req("history", Schema::Array(schemas::LawParam()))}))
            .Handle([](Call& c) -> Result<Reply> {
              Json out = Json::array();
              for (const auto& p : c.ctx().law.History(c.Path("key"))) out.push_back(ToJson(p));
              if (out.empty())
                return Status::NotFound("key", "Không có tham số " + c.Path("key"), "no parameter " + c.Path("key"));
              return Reply::Ok({{"key", c.Path("key")}, {"history", out}});
            }));

  t.Add(Route::Get("/provinces", "provinces")
            .Tag("reference")
            .Summary("Đơn vị hành chính cấp tỉnh có hiệu lực",
                     "Provinces in force on a date (63 before 2025-07-01, 34 after)")
            .Permission("reference.read")
            .NoDb()
            .Query("date", S::Date(), "Ngày (mặc định hôm nay) / date, default today")
            .Returns(200, Schema::Object(
                              {Req("date", S::Date()),
                               Req("provinces", Schema::Array(Schema::Object(
                                                    {Req("code", S::ProvinceCode()), Req("name", Schema::String()),
                                                     Opt("merged_from", Schema::Array(Schema::String()))})))}))
            .Handle([](Call& c) -> Result<Reply> {
              Date d = c.DateOr("date", Date::Today());
              Json out = Json::array();
              for (const auto& p : c.ctx().geo.InForce(d)) {
                Json j = {{"code", p.code}, {"name", p.name}};
                if (d >= Geo::MergerDate()) j["merged_from"] = c.ctx().geo.MergedFrom(p.code);
                out.push_back(j);
              }
              return Reply::Ok({{"date", d.ToString()}, {"provinces", out}});
            }));
}

}  // namespace bhxh
