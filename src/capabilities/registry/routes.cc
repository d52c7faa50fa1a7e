// The registry's API: persons, employers, HI cards and periods without an
// employer. Thin: each handler reads its validated input, calls the
// Registry and answers its JSON.
#include "platform/context.h"
#include "platform/http/route_table.h"
#include "registry/json.h"
#include "registry/module.h"
#include "registry/owners.h"

namespace bhxh {

void RegistryRoutes(RouteTable& t) {
  t.AddTag("registry", "Người tham gia, đơn vị, thẻ BHYT / persons, employers, HI cards (M1, M5)");
  auto person_owner = [](Call& c) { return PersonOwner(c.db(), c.Path("cccd")); };
  auto employer_owner = [](Call& c) { return EmployerOwner(c.db(), c.Path("code")); };

  t.Add(Route::Post("/persons", "registerPerson")
            .Tag("registry")
            .Summary("Đăng ký người tham gia", "Register a person")
            .Permission("registry.persons.write")
            // A provincial officer registers the people of her province.
            .OwnedBy([](Call& c) -> Result<Owner> { return Owner{c.BodyStr("province"), "", "", ""}; })
            .JsonBody(schemas::PersonInput())
            .BodyExample({{"cccd", "001085012345"},
                          {"full_name", "Nguyễn Văn An"},
                          {"dob", "1985-03-12"},
                          {"sex", "male"},
                          {"province", "01"}})
            .Returns(201, schemas::Person())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Person p, reg.RegisterPerson(PersonInputFromJson(c.Body()), c.actor()));
              c.AfterCommit([&ctx = c.ctx(), key = std::string(p.cccd)] { ctx.Publish("person.changed", key); });
              return Reply::Created(ToJson(p));
            }));

  t.Add(
      Route::Get("/persons", "searchPersons")
          .Tag("registry")
          .Summary("Tìm người tham gia theo họ tên, không cần dấu", "Search persons by name, diacritics ignored")
          .Describe("Cán bộ cấp tỉnh chỉ thấy người cư trú trong tỉnh mình / provincial officers see their province's "
                    "residents.")
          .Permission("registry.persons.search")
          .Query("q", S::Text(100).Length(2, 100), "Họ tên hoặc một phần, ví dụ \"nguyen van an\" / name or part", true)
          .Paged(50, 1000)
          .Returns(200, Schema::Object({Req("persons", Schema::Array(schemas::Person())), Req("page", PageSchema())}))
          .Handle([](Call& c) -> Result<Reply> {
            Registry reg(c.db(), c.ctx().geo, c.ctx().law);
            const AccessScope& s = c.scope();
            std::vector<std::string> provinces =
                s.scope == GrantScope::kProvince ? s.provinces : std::vector<std::string>{};
            BHXH_ASSIGN_OR_RETURN(PersonPage page,
                                  reg.SearchPersons(c.Str("q"), provinces, c.page().limit, c.page().offset));
            Json out = {{"persons", Json::array()}};
            for (const auto& p : page.persons) out["persons"].push_back(ToJson(p));
            c.PageInfo(out, page.total, static_cast<int64_t>(page.persons.size()));
            return Reply::Ok(out);
          }));

  t.Add(Route::Get("/persons/{cccd}", "getPerson")
            .Tag("registry")
            .Summary("Thông tin người tham gia và thẻ BHYT", "A person and their HI cards")
            .Permission("registry.persons.read")
            .PathParam("cccd", S::Cccd(), "Số định danh cá nhân / personal ID")
            .OwnedBy(person_owner)
            .Returns(200, schemas::Person())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Person p, reg.PersonByCccd(c.Path("cccd")));
              Json j = ToJson(p);
              BHXH_ASSIGN_OR_RETURN(auto cards, reg.CardsOfPerson(p.id));
              j["cards"] = Json::array();
              for (const auto& card : cards) j["cards"].push_back(ToJson(card));
              return Reply::Ok(j);
            }));

  t.Add(Route::Post("/persons/{cccd}/deceased", "recordDeath")
            .Tag("registry")
            .Summary("Ghi nhận người tham gia đã chết", "Record a death")
            .Permission("registry.persons.write")
            .PathParam("cccd", S::Cccd(), "Số định danh cá nhân / personal ID")
            .OwnedBy(person_owner)
            .JsonBody(Schema::Object({Req("deceased_on", S::Date())}))
            .Returns(200, Schema::Object({Req("cccd", S::Cccd()), Req("deceased_on", S::Date())}))
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_RETURN_IF_ERROR(reg.MarkDeceased(c.Path("cccd"), c.BodyStr("deceased_on"), c.actor()));
              c.AfterCommit([&ctx = c.ctx(), key = std::string(c.Path("cccd"))] { ctx.Publish("person.changed", key); });
              return Reply::Ok({{"cccd", c.Path("cccd")}, {"deceased_on", c.BodyStr("deceased_on")}});
            }));

  t.Add(Route::Post("/employers", "registerEmployer")
            .Tag("registry")
            .Summary("Đăng ký đơn vị sử dụng lao động", "Register an employer")
            .Permission("registry.employers.write")
            .OwnedBy([](Call& c) -> Result<Owner> { return Owner{c.BodyStr("province"), "", "", ""}; })
            .JsonBody(schemas::EmployerInput())
            .BodyExample({{"code", "01A09999"},
                          {"tax_code", "0109999999"},
                          {"name", "Công ty TNHH Ánh Dương"},
                          {"type", "enterprise"},
                          {"province", "01"},
                          {"region", 1}})
            .Returns(201, schemas::Employer())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.RegisterEmployer(EmployerInputFromJson(c.Body()), c.actor()));
              return Reply::Created(ToJson(e, Date::Today()));
            }));

  t.Add(Route::Get("/employers", "searchEmployers")
            .Tag("registry")
            .Summary("Tìm đơn vị theo mã, mã số thuế hoặc tên", "Search employers by code, tax code or name")
            .Describe("Cán bộ cấp tỉnh chỉ thấy đơn vị của tỉnh mình / provincial officers see their province's employers.")
            .Permission("registry.employers.search")
            .Query("q", S::Text(100), "Mã, mã số thuế hoặc một phần tên (không cần dấu); trống: tất cả / code, tax code or name")
            .Paged(50, 1000)
            .Returns(200, Schema::Object({Req("employers", Schema::Array(schemas::Employer())), Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              std::vector<std::string> provinces = c.scope().scope == GrantScope::kProvince ? c.scope().provinces : std::vector<std::string>{};
              BHXH_ASSIGN_OR_RETURN(EmployerPage page, reg.SearchEmployers(c.Str("q"), provinces, c.page().limit, c.page().offset));
              Json out = {{"employers", Json::array()}};
              for (const auto& e : page.employers) out["employers"].push_back(ToJson(e, Date::Today()));
              c.PageInfo(out, page.total, static_cast<int64_t>(page.employers.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/employers/{code}/workers", "employerWorkers")
            .Tag("registry")
            .Summary("Người lao động của đơn vị và quá trình tại đơn vị", "An employer's workers and their periods there")
            .Permission("registry.employers.read")
            .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
            .Query("as_of", S::Month(), "Đang làm việc tại tháng (mặc định tháng này) / current in this month")
            .Query("current", S::Bool(), "Chỉ người đang làm việc / only current workers")
            .OwnedBy(employer_owner)
            .Paged(100, 2000)
            .Returns(200, Schema::Object({Req("employer", Schema::String()), Req("as_of", S::Month()),
                                          Req("workers", Schema::Array(Schema::Object({Req("person", schemas::Person()),
                                                                                       Req("current", S::Bool()),
                                                                                       Req("periods", Schema::Array(schemas::Period()))}))),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
              Month as_of = Month::OfDate(Date::Today());
              if (c.Has("as_of")) { BHXH_ASSIGN_OR_RETURN(as_of, Month::Parse(c.Str("as_of"), "as_of")); }
              BHXH_ASSIGN_OR_RETURN(auto workers, reg.WorkersOf(e.id, as_of));
              Json all = Json::array();
              for (const auto& w : workers) {
                if (c.Bool("current") && !w.current) continue;
                Json periods = Json::array();
                for (const auto& p : w.periods) periods.push_back(ToJson(p));
                all.push_back({{"person", ToJson(w.person)}, {"current", w.current}, {"periods", periods}});
              }
              Json out = {{"employer", e.code}, {"as_of", as_of.ToString()}};
              c.Paginate(out, "workers", std::move(all));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/employers/{code}", "getEmployer")
            .Tag("registry")
            .Summary("Thông tin đơn vị", "An employer")
            .Permission("registry.employers.read")
            .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
            .OwnedBy(employer_owner)
            .Returns(200, schemas::Employer())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
              return Reply::Ok(ToJson(e, Date::Today()));
            }));

  t.Add(Route::Post("/employers/{code}/status", "setEmployerStatus")
            .Tag("registry")
            .Summary("Ghi nhận thay đổi trạng thái đơn vị", "Record an employer's status change")
            .Permission("registry.employers.write")
            .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
            .OwnedBy(employer_owner)
            .JsonBody(Schema::Object({Req("status", S::OneOf({"active", "suspended", "dissolved", "bankrupt"})),
                                      Req("effective_from", S::Date())}))
            .Returns(200, schemas::Employer())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_RETURN_IF_ERROR(
                  reg.SetEmployerStatus(c.Path("code"), c.BodyStr("effective_from"), c.BodyStr("status"), c.actor()));
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
              return Reply::Ok(ToJson(e, Date::Today()));
            }));

  t.Add(Route::Post("/cards", "issueCard")
            .Tag("registry")
            .Summary("Cấp thẻ BHYT", "Issue an HI card")
            .Permission("registry.cards.write")
            .JsonBody(schemas::CardInput())
            .Returns(201, schemas::Card())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              CardInput in = CardInputFromJson(c.Body());
              BHXH_ASSIGN_OR_RETURN(Card card, reg.IssueCard(in, c.actor()));
              c.AfterCommit([&ctx = c.ctx(), key = std::string(in.cccd)] { ctx.Publish("person.changed", key); });
              return Reply::Created(ToJson(card));
            }));

  t.Add(Route::Post("/periods", "addPeriod")
            .Tag("registry")
            .Summary("Thời gian tham gia BHXH tự nguyện, BHYT hộ gia đình, học sinh",
                     "A voluntary, household or student period")
            .Permission("registry.periods.write")
            .JsonBody(schemas::PeriodInput())
            .Returns(201, schemas::Period())
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Period p, reg.AddPeriod(PeriodInputFromJson(c.Body()), c.actor()));
              return Reply::Created(ToJson(p));
            }));
}

}  // namespace bhxh
