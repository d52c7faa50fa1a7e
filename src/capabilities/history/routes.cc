// GET /persons/{cccd}/history: the social-insurance book.
#include "history/module.h"
#include "platform/http/route_table.h"
#include "registry/json.h"
#include "registry/owners.h"

namespace bhxh {

Json ToJson(const Book& b) {
  Json periods = Json::array();
  for (const auto& p : b.periods) {
    Json j = {
        {"from", p.period.from.ToString()},        {"salary", p.period.salary}, {"group", p.period.group},
        {"funds", FundMaskString(p.period.funds)}, {"months", p.months},        {"employer_code", p.employer_code},
        {"employer_name", p.employer_name}};
    j["to"] = p.period.to ? Json(p.period.to->ToString()) : Json(nullptr);
    periods.push_back(j);
  }
  Json by_fund = Json::object();
  for (int f = 0; f < kFundCount; ++f) by_fund[FundCode(static_cast<Fund>(f))] = b.months_by_fund[f];
  auto months = [](const std::vector<BookMonth>& v) {
    Json a = Json::array();
    for (const auto& m : v)
      a.push_back({{"month", m.month.ToString()},
                   {"employer_code", m.employer_code},
                   {"base", m.salary_base},
                   {"due", m.due},
                   {"paid", m.paid}});
    return a;
  };
  Json cards = Json::array();
  for (const auto& c : b.cards) cards.push_back(ToJson(c));
  return {{"person", ToJson(b.person)},
          {"as_of", b.as_of.ToString()},
          {"periods", periods},
          {"counted_through", b.counted_through.ToString()},
          {"months_by_fund", by_fund},
          {"months", months(b.months)},
          {"unpaid_months", months(b.unpaid)},
          {"cards", cards}};
}

namespace {
Schema BookSchema() {
  Schema month = Schema::Object({Req("month", S::Month()), Req("employer_code", Schema::String()),
                                 Req("base", S::Money()), Req("due", S::Money()), Req("paid", S::Bool())});
  Schema period =
      Schema::Object({Req("from", S::Month()), Req("to", S::Month().Nullable()), Req("salary", S::Money()),
                      Req("group", Schema::String()), Req("funds", Schema::String()), Req("months", Schema::Integer()),
                      Req("employer_code", Schema::String()), Req("employer_name", Schema::String())});
  return Schema::Object({Req("person", schemas::Person()), Req("as_of", S::Date()),
                         Req("counted_through", S::Month().Describe("Số tháng tính đến hết tháng này (tháng đã chạy thu) / months counted through this month")),
                         Req("periods", Schema::Array(period)), Req("months_by_fund", Schema::Map(Schema::Integer())),
                         Req("months", Schema::Array(month)), Req("unpaid_months", Schema::Array(month)),
                         Req("cards", Schema::Array(schemas::Card()))})
      .Named("Book");
}
}  // namespace

void HistoryRoutes(RouteTable& t) {
  t.AddTag("history", "Sổ BHXH: quá trình tham gia của người lao động / the social-insurance book (M5)");
  t.Add(Route::Get("/persons/{cccd}/history", "personHistory")
            .Tag("history")
            .Summary("Quá trình tham gia (sổ BHXH) và các tháng đơn vị chưa đóng",
                     "Contribution history and unpaid months")
            .Permission("history.read")
            .PathParam("cccd", S::Cccd(), "Số định danh cá nhân / personal ID")
            .Query("as_of", S::Date(), "Tính đến ngày (mặc định hôm nay) / as of, default today")
            .OwnedBy([](Call& c) { return PersonOwner(c.db(), c.Path("cccd")); })
            .Returns(200, BookSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Book b, BuildBook(c.db(), c.ctx().geo, c.ctx().law, c.Path("cccd"),
                                                      c.DateOr("as_of", Date::Today())));
              return Reply::Ok(ToJson(b));
            }));
}

}  // namespace bhxh
