// Routes of the benefits capability: the calculator, cases, beneficiaries,
// payrolls, deaths and checks.
#include "benefits/json.h"
#include "benefits/module.h"
#include "platform/http/route_table.h"

namespace bhxh {

void BenefitsRoutes(RouteTable& t) {
  t.AddTag("benefits", "Chế độ BHXH: tính, giải quyết, chi trả / benefits: compute, decide, pay (M6)");
  t.Add(Route::Post("/calc/benefit", "calculateBenefit")
            .Tag("benefits")
            .Summary("Tính chế độ BHXH, BHTN kèm từng bước và căn cứ pháp lý",
                     "Compute a benefit with every step and the law behind it (no database)")
            .Describe(
                "Chế độ: sickness, maternity, occupational, pension, one_time, survivor, funeral, unemployment, "
                "social_pension, monthly_allowance. Luật áp dụng theo ngày của sự kiện (event_date): Luật 58/2014/QH13 "
                "trước 01/7/2025, Luật 41/2024/QH15 từ ngày đó.")
            .Permission("benefits.calc")
            .NoDb()
            .JsonBody(schemas::BenefitRequest(), 256 * 1024)
            .BodyExample({{"regime", "pension"},
                          {"event_date", "2025-10-15"},
                          {"person", {{"sex", "male"}, {"birth_date", "1964-04"}}},
                          {"history", {{{"from", "1995-01"}, {"to", "2025-09"}, {"salary", 10000000}}}}})
            .Returns(200, schemas::BenefitResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(BenefitRequest req, BenefitRequestFromJson(c.Body()));
              BHXH_ASSIGN_OR_RETURN(BenefitResult r,
                                    ComputeBenefit(c.ctx().State<BenefitsState>().law(), c.ctx().law, req));
              return Reply::Ok(ToJson(r));
            }));
}

}  // namespace bhxh
