// The card check: GET /eligibility, answered from memory with the
// portal's result codes.
#include "base/money.h"
#include "eligibility/module.h"
#include "platform/http/route_table.h"

namespace bhxh {

Json ToJson(const EligibilityAnswer& a) {
  Json j = {{"code", a.code},
            {"valid", a.valid},
            {"message", a.message_vi},
            {"message_en", a.message_en},
            {"date", a.date.ToString()}};
  if (a.card) {
    const CardRecord& c = *a.card;
    j["card"] = {{"code", c.card_code},
                 {"full_name", c.full_name},
                 {"dob", c.dob.ToString()},
                 {"sex", SexCode(c.sex)},
                 {"cccd", c.cccd},
                 {"valid_from", c.valid_from.ToString()},
                 {"valid_to", c.valid_to.ToString()},
                 {"registered_facility", c.facility}};
    j["card"]["five_year_date"] = c.five_year_date ? Json(c.five_year_date->ToString()) : Json(nullptr);
    j["group"] = a.group;
    j["level"] = a.level;
    j["benefit_percent"] = PercentString(a.percent);
    j["registered_here"] = a.registered_here;
    j["five_years_reached"] = a.five_years_reached;
  }
  return j;
}

namespace {
Schema AnswerSchema() {
  Schema card =
      Schema::Object({Req("code", Schema::String()), Req("full_name", Schema::String()), Req("dob", Schema::String()),
                      Req("sex", Schema::String()), Req("cccd", Schema::String()), Req("valid_from", S::Date()),
                      Req("valid_to", S::Date()), Req("registered_facility", Schema::String()),
                      Req("five_year_date", S::Date().Nullable())});
  return Schema::Object({Req("code", S::OneOf({"000", "001", "002", "003", "004", "010", "050", "051", "052", "053", "060", "061", "070", "110",
                                           "120", "121", "122", "123", "124", "130"})
                                         .Describe("Mã kết quả của cổng giám định / the portal's result code")),
                         Req("valid", S::Bool()), Req("message", Schema::String()), Req("message_en", Schema::String()),
                         Req("date", S::Date()), Opt("card", card), Opt("group", Schema::String()),
                         Opt("level", Schema::Integer()), Opt("benefit_percent", Schema::String()),
                         Opt("registered_here", S::Bool()), Opt("five_years_reached", S::Bool())})
      .Named("EligibilityAnswer");
}
}  // namespace

void EligibilityRoutes(RouteTable& t) {
  t.AddTag("eligibility", "Kiểm tra thẻ BHYT tại cơ sở KCB / the HI card check at the facility (M2)");
  t.Add(Route::Get("/eligibility", "checkCard")
            .Tag("eligibility")
            .Summary("Kiểm tra thẻ BHYT theo CCCD, mã số BHXH hoặc mã thẻ",
                     "Check an HI card by CCCD, SI number or card code")
            .Permission("eligibility.check")
            .NoDb()
            .Query(
                "id",
                Schema::String().Pattern("\\d{12}|\\d{10}|[A-Z]{2}\\d{13}", "12 chữ số, 10 chữ số hoặc mã thẻ 15 ký tự",
                                         "12 digits, 10 digits or a 15-character card code"),
                "CCCD, mã số BHXH hoặc mã thẻ / CCCD, SI number or card code", true)
            .Query("facility", S::FacilityCode(), "Mã cơ sở KCB đang khám / the facility checking")
            .Query("date", S::Date(), "Ngày khám (mặc định hôm nay) / visit date, default today")
            .Query("full_name", S::Text(100), "Họ tên để đối chiếu / name to check")
            .Query("dob", S::Text(10), "Ngày sinh để đối chiếu / date of birth to check")
            .Returns(200, AnswerSchema())
            .Handle([](Call& c) -> Result<Reply> {
              auto& st = c.ctx().State<EligibilityState>();
              BHXH_RETURN_IF_ERROR(st.EnsureLoaded(c.ctx()));
              EligibilityQuery q{c.Str("id"), c.Str("facility"), c.Str("date"), c.Str("full_name"), c.Str("dob")};
              BHXH_ASSIGN_OR_RETURN(EligibilityAnswer a, st.Check(c.ctx(), q));
              return Reply::Ok(ToJson(a));
            }));
}

}  // namespace bhxh
