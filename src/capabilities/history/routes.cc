// GET /persons/{cccd}/history: the social-insurance book; GET
// /persons/{cccd}/notice: the participant's monthly notice (JSON and page).
#include "history/module.h"
#include "history/notice.h"
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

Json ToJson(const MonthlyNotice& n) {
  auto funds = [](const std::array<Vnd, kFundCount>& v) {
    Json j = Json::object();
    for (int f = 0; f < kFundCount; ++f) j[FundCode(static_cast<Fund>(f))] = v[f];
    return j;
  };
  Json contributions = Json::array(), arrears = Json::array(), months = Json::object();
  for (const auto& c : n.contributions)
    contributions.push_back({{"employer_code", c.employer_code}, {"employer_name", c.employer_name}, {"group", c.group},
                             {"base", funds(c.base)}, {"employer", funds(c.employer)}, {"employee", funds(c.employee)},
                             {"total", c.total}, {"paid", c.paid}, {"deadline", c.deadline.ToString()}});
  for (const auto& a : n.arrears)
    arrears.push_back({{"employer_code", a.employer_code}, {"employer_name", a.employer_name}, {"from", a.from.ToString()},
                       {"to", a.to.ToString()}, {"months", a.months}, {"by_fund", funds(a.by_fund)}, {"total", a.total}});
  for (int f = 0; f < kFundCount; ++f) months[FundCode(static_cast<Fund>(f))] = n.months_by_fund[f];
  return {{"person", ToJson(n.person)}, {"month", n.month.ToString()}, {"issued_on", n.issued_on.ToString()},
          {"law", n.law}, {"contributions", contributions}, {"months_by_fund", months}, {"arrears", arrears},
          {"arrears_total", n.arrears_total}, {"notes", n.notes}};
}

namespace {
Schema NoticeSchema() {
  Schema funds = Schema::Map(S::Money());
  return Schema::Object(
             {Req("person", schemas::Person()), Req("month", S::Month()), Req("issued_on", S::Date()), Req("law", Schema::String()),
              Req("contributions", Schema::Array(Schema::Object({Req("employer_code", Schema::String()),
                                                                 Req("employer_name", Schema::String()), Req("group", Schema::String()),
                                                                 Req("base", funds), Req("employer", funds), Req("employee", funds),
                                                                 Req("total", S::Money()), Req("paid", S::Bool()),
                                                                 Req("deadline", S::Date())}))),
              Req("months_by_fund", Schema::Map(Schema::Integer())),
              Req("arrears", Schema::Array(Schema::Object({Req("employer_code", Schema::String()), Req("employer_name", Schema::String()),
                                                           Req("from", S::Month()), Req("to", S::Month()),
                                                           Req("months", Schema::Integer()), Req("by_fund", funds),
                                                           Req("total", S::Money())}))),
              Req("arrears_total", S::Money()), Req("notes", Schema::Array(Schema::String()))})
      .Named("MonthlyNotice");
}

// Without a month: last month, or the latest month the collection has run
// before it (a notice of a month not yet collected would be empty).
Result<MonthlyNotice> NoticeOf(Call& c) {
  Month month = Month::OfDate(Date::Today()).Prev();
  if (c.Has("month")) {
    BHXH_ASSIGN_OR_RETURN(month, Month::Parse(c.Str("month"), "month"));
  } else {
    BHXH_ASSIGN_OR_RETURN(int64_t run, c.db().QueryInt("SELECT COALESCE(MAX(month), -1) FROM collection_runs WHERE month <= " +
                                                       std::to_string(month.index())));
    if (run >= 0) month = Month::FromIndex(static_cast<int32_t>(run));
  }
  return BuildNotice(c.db(), c.ctx().geo, c.ctx().law, c.Path("cccd"), month, Date::Today());
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
  t.Add(Route::Get("/persons/{cccd}/notice", "participantNotice")
            .Tag("history")
            .Summary("Thông báo hằng tháng cho người tham gia: số phải đóng theo quỹ, đã đóng chưa, các tháng đơn vị nợ",
                     "The participant's monthly notice (Law 41/2024 Art.10)")
            .Permission("history.read")
            .PathParam("cccd", S::Cccd(), "Số định danh cá nhân / personal ID")
            .Query("month", S::Month(), "Tháng đóng (mặc định tháng trước, hoặc tháng gần nhất đã chạy thu) / contribution month, default last month collected")
            .OwnedBy([](Call& c) { return PersonOwner(c.db(), c.Path("cccd")); })
            .Returns(200, NoticeSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(MonthlyNotice n, NoticeOf(c));
              return Reply::Ok(ToJson(n));
            }));
  t.Add(Route::Get("/persons/{cccd}/notice/page", "participantNoticePage")
            .Tag("history")
            .Summary("Thông báo hằng tháng, trang in", "The monthly notice as a printable page")
            .Permission("history.read")
            .PathParam("cccd", S::Cccd(), "Số định danh cá nhân / personal ID")
            .Query("month", S::Month(), "Tháng đóng (mặc định tháng trước) / contribution month")
            .OwnedBy([](Call& c) { return PersonOwner(c.db(), c.Path("cccd")); })
            .ReturnsFile(200, {"text/html"}, "Trang in / printable page")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(MonthlyNotice n, NoticeOf(c));
              return Reply::Inline(NoticeHtml(n), "text/html; charset=utf-8");
            }));
}

}  // namespace bhxh
