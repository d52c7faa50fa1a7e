// /development/...: the tax and business-register imports, match runs, the
// ranked findings with their evidence and follow-ups, and coverage by
// commune with the people behind it.
#include <algorithm>
#include <optional>

#include "base/parse.h"
#include "base/xlsx_out.h"
#include "benefits/module.h"
#include "development/module.h"
#include "platform/http/route_table.h"
#include "platform/jsonio/rows.h"
#include "reference/json.h"

namespace bhxh {

namespace {

constexpr const char* kXlsx = kXlsxMediaType;

const DevelopmentData& Data(Call& c) { return c.ctx().State<DevelopmentState>().data(); }

// The provinces a list may show: the caller's own when its grant is
// provincial, and within that the one asked for.
Result<std::vector<std::string>> Provinces(Call& c) {
  std::vector<std::string> in = c.scope().scope == GrantScope::kProvince ? c.scope().provinces : std::vector<std::string>{};
  if (!c.Has("province")) return in;
  if (!in.empty() && std::find(in.begin(), in.end(), c.Str("province")) == in.end())
    return Status::Error("forbidden", "province", "Chỉ xem được dữ liệu của tỉnh mình", "own province only");
  return std::vector<std::string>{c.Str("province")};
}

Result<int64_t> IdOf(Call& c) { return ParseInt(c.Path("id"), "id", 1); }

Result<Owner> FindingOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
  BHXH_ASSIGN_OR_RETURN(StoredFinding f, GetFinding(c.db(), id));
  return Owner{f.province, "", "", ""};
}

Json ToJson(const DevImport& r) {
  return {{"kind", r.kind}, {"year", r.year}, {"rows", r.rows}, {"replayed", r.replayed}, {"sha256", r.sha256}};
}

Json ToJson(const MatchRun& r) {
  Json cited = Json::array();
  for (const auto& p : r.cited) cited.push_back(ToJson(p));
  return {{"id", r.id},
          {"year", r.year},
          {"as_of", r.as_of.ToString()},
          {"ran_at", r.ran_at},
          {"ran_by", r.ran_by},
          {"findings", r.findings},
          {"unregistered", r.unregistered},
          {"under_declared", r.under_declared},
          {"at_stake", r.at_stake},
          {"parameters", cited},
          {"seconds", {{"load", r.seconds_load}, {"match", r.seconds_match}, {"store", r.seconds_store}}}};
}

Json ToJson(const StoredFinding& f) {
  return {{"id", f.id},
          {"run_id", f.run_id},
          {"year", f.year},
          {"kind", f.kind},
          {"tax_code", f.tax_code},
          {"employer_code", f.employer_code},
          {"name", f.name},
          {"province", f.province},
          {"commune", f.commune},
          {"tax_workers", f.tax_workers},
          {"si_workers", f.si_workers},
          {"gap_people", f.gap_people},
          {"tax_wage", f.tax_wage},
          {"si_wage", f.si_wage},
          {"gap_wage", f.gap_wage},
          {"missing_income", f.missing_income},
          {"at_stake", f.at_stake},
          {"estimated", f.estimated},
          {"days_past_deadline", f.days_past_deadline ? Json(*f.days_past_deadline) : Json(nullptr)},
          {"stage", f.stage},
          {"new_business", f.new_business},
          {"registered_on", f.registered_on},
          {"follow_up", {{"status", f.follow_up}, {"note", f.follow_up_note}, {"at", f.follow_up_at}, {"by", f.follow_up_by}}}};
}

Schema ImportSchema() {
  return Schema::Object({Req("kind", Schema::String()), Req("year", Schema::Integer()), Req("rows", Schema::Integer()),
                         Req("replayed", Schema::Boolean()), Req("sha256", Schema::String())})
      .Named("DevelopmentImport");
}

Schema RunSchema() {
  return Schema::Object({Req("id", Schema::Integer()), Req("year", Schema::Integer()), Req("as_of", S::Date()),
                         Req("ran_at", Schema::String()), Req("ran_by", Schema::String()),
                         Req("findings", Schema::Integer()), Req("unregistered", Schema::Integer()),
                         Req("under_declared", Schema::Integer()), Req("at_stake", S::Money()),
                         Req("parameters", Schema::Array(schemas::LawParam())),
                         Req("seconds", Schema::Object({Req("load", Schema::Number()), Req("match", Schema::Number()),
                                                        Req("store", Schema::Number())}))})
      .Named("MatchRun");
}

Schema FindingSchema() {
  return Schema::Object(
             {Req("id", Schema::Integer()), Req("run_id", Schema::Integer()), Req("year", Schema::Integer()),
              Req("kind", S::OneOf({"unregistered", "under_declared"})), Req("tax_code", Schema::String()),
              Req("employer_code", Schema::String()), Req("name", Schema::String()), Req("province", Schema::String()),
              Req("commune", Schema::String()), Req("tax_workers", Schema::Integer()), Req("si_workers", Schema::Integer()),
              Req("gap_people", Schema::Integer()), Req("tax_wage", S::Money()), Req("si_wage", S::Money()),
              Req("gap_wage", S::Money()), Req("missing_income", S::Money()), Req("at_stake", S::Money()),
              Req("estimated", Schema::Boolean()), Req("days_past_deadline", Schema::Integer().Nullable()),
              Req("stage", Schema::String()), Req("new_business", Schema::Boolean()),
              Req("registered_on", Schema::String()),
              Req("follow_up", Schema::Object({Req("status", S::OneOf(FollowUpStatuses())), Req("note", Schema::String()),
                                               Req("at", Schema::String()), Req("by", Schema::String())}))})
      .Named("DevelopmentFinding");
}

Result<FindingFilter> FilterOf(Call& c) {
  FindingFilter f;
  BHXH_ASSIGN_OR_RETURN(f.provinces, Provinces(c));
  f.year = static_cast<int>(c.Int("year"));
  f.commune = c.Str("commune");
  f.kind = c.Str("kind");
  f.follow_up = c.Str("follow_up");
  return f;
}

Result<CoverageQuery> CoverageOf(Call& c) {
  CoverageQuery q;
  BHXH_ASSIGN_OR_RETURN(q.provinces, Provinces(c));
  q.commune = c.scope().commune;  // a commune account sees its commune only
  q.as_of = c.DateOr("as_of", Date::Today());
  return q;
}

void FilterQueries(Route& r) {
  r.Query("year", S::Year(), "Năm thu nhập (mặc định: lần đối chiếu mới nhất) / income year")
      .Query("province", S::ProvinceCode(), "Mã tỉnh / province")
      .Query("commune", S::Text(10), "Mã xã / commune")
      .Query("kind", S::OneOf({"unregistered", "under_declared"}), "Loại / kind")
      .Query("follow_up", S::OneOf(FollowUpStatuses()), "Trạng thái theo dõi / follow-up status");
}

}  // namespace

void DevelopmentRoutes(RouteTable& t) {
  t.AddTag("development", "Phát triển người tham gia: đối chiếu dữ liệu thuế, đăng ký doanh nghiệp; xã, phường");

  t.Add(Route::Post("/development/imports/{kind}", "importDevelopmentData")
            .Tag("development")
            .Summary("Nhập dữ liệu thuế (đơn vị, người lao động), đăng ký doanh nghiệp hoặc chỉ tiêu xã (CSV/XLSX)",
                     "Import tax wage data, the business register or commune targets (CSV or XLSX)")
            .Permission("development.import")
            .PathParam("kind", S::OneOf(DevImportKinds()), "tax_employers | tax_workers | business_register | commune_targets")
            .Query("year", S::Year(), "Năm của dữ liệu thuế hoặc chỉ tiêu / the data's year")
            .RawBody({"text/csv", kXlsx}, "CSV hoặc XLSX có dòng tiêu đề (tên cột tiếng Việt hoặc tiếng Anh)", 256u << 20)
            .Heavy()
            .Returns(201, ImportSchema())
            .Returns(200, ImportSchema(), "Tệp này đã được nhập trước đó / the same file was imported before")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(DevImport r, ImportDevelopmentFile(c.db(), c.ctx().geo, c.Path("kind"), c.RawBody(),
                                                                       static_cast<int>(c.Int("year")), c.actor()));
              if (!r.errors.empty()) return Reply::With(422, RowsRejectedJson(r.errors, "Tệp dữ liệu", "the file"));
              return r.replayed ? Reply::Ok(ToJson(r)) : Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/development/matches", "runDevelopmentMatch")
            .Tag("development")
            .Summary("Đối chiếu dữ liệu thuế và đăng ký doanh nghiệp với cơ sở dữ liệu quốc gia về bảo hiểm",
                     "Cross-match tax and business-register data with the national record")
            .Permission("development.match")
            .JsonBody(Schema::Object({Req("year", S::Year()), Opt("as_of", S::Date()), Opt("idempotency_key", S::Key())}))
            .Idempotent(Idempotency::kOptional)
            .Heavy()
            .Returns(201, RunSchema())
            .Handle([](Call& c) -> Result<Reply> {
              Date as_of = Date::Today();
              if (!c.BodyStr("as_of").empty()) {
                BHXH_ASSIGN_OR_RETURN(as_of, Date::Parse(c.BodyStr("as_of"), "as_of"));
              }
              // A second connection reads the tax workers on the other core
              // (not for an in-memory SQLite database: another connection
              // would see another database).
              const std::string& url = c.ctx().pool->url();
              std::optional<DbPool::Lease> helper;
              if (url.find(":memory:") == std::string::npos && url.find("mode=memory") == std::string::npos) {
                auto lease = c.ctx().pool->Acquire();
                if (lease.ok()) helper.emplace(std::move(lease).value());
              }
              BHXH_ASSIGN_OR_RETURN(MatchRun r, RunMatch(c.db(), helper ? &**helper : nullptr, Data(c), c.ctx().law,
                                                         static_cast<int>(c.Body()["year"].get<int64_t>()), as_of, c.actor()));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Get("/development/matches", "listDevelopmentMatches")
            .Tag("development")
            .Summary("Các lần đối chiếu đã chạy", "Match runs")
            .Permission("development.read")
            .Returns(200, Schema::Object({Req("runs", Schema::Array(RunSchema()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto runs, ListRuns(c.db()));
              Json a = Json::array();
              for (const auto& r : runs) a.push_back(ToJson(r));
              return Reply::Ok({{"runs", a}});
            }));

  {
    Route r = Route::Get("/development/findings", "listDevelopmentFindings");
    r.Tag("development")
        .Summary("Đơn vị chưa tham gia hoặc đóng thiếu, xếp theo số tiền phải đóng", "Findings ranked by contributions at stake")
        .Permission("development.read")
        .Paged();
    FilterQueries(r);
    r.Returns(200, Schema::Object({Opt("run", RunSchema()), Req("total_at_stake", S::Money()),
                                   Req("findings", Schema::Array(FindingSchema())), Req("page", PageSchema())}))
        .Handle([](Call& c) -> Result<Reply> {
          BHXH_ASSIGN_OR_RETURN(FindingFilter f, FilterOf(c));
          f.limit = c.page().limit;
          f.offset = c.page().offset;
          BHXH_ASSIGN_OR_RETURN(FindingPage page, ListFindings(c.db(), f));
          Json a = Json::array();
          for (const auto& x : page.items) a.push_back(ToJson(x));
          Json out = {{"total_at_stake", page.total_at_stake}, {"findings", a}};
          if (page.run) out["run"] = ToJson(*page.run);
          c.PageInfo(out, page.total, static_cast<int64_t>(page.items.size()));
          return Reply::Ok(out);
        });
    t.Add(std::move(r));
  }

  {
    Route r = Route::Get("/development/findings/export", "exportDevelopmentFindings");
    r.Tag("development")
        .Summary("Xuất danh sách (CSV mở được bằng Excel)", "The list as CSV for Excel")
        .Permission("development.read");
    FilterQueries(r);
    r.ReturnsFile(200, {"text/csv"}, "Danh sách đơn vị / the list")
        .Heavy()
        .Handle([](Call& c) -> Result<Reply> {
          BHXH_ASSIGN_OR_RETURN(FindingFilter f, FilterOf(c));
          f.limit = 1'000'000;
          BHXH_ASSIGN_OR_RETURN(FindingPage page, ListFindings(c.db(), f));
          std::string name = "doi-chieu-" + (page.run ? std::to_string(page.run->year) : std::string("trong")) + ".csv";
          return Reply::File(FindingsCsv(page.items), "text/csv; charset=utf-8", name);
        });
    t.Add(std::move(r));
  }

  t.Add(Route::Get("/development/findings/{id}", "getDevelopmentFinding")
            .Tag("development")
            .Summary("Một đơn vị: bằng chứng, người lao động chưa đóng, lịch sử theo dõi", "One finding with its evidence")
            .Permission("development.read")
            .PathParam("id", S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"), "Mã kết quả / finding id")
            .OwnedBy(FindingOwner)
            .Returns(200, Schema::Object({Req("finding", FindingSchema()),
                                          Req("people", Schema::Array(Schema::Object({Req("cccd", S::Cccd()), Req("full_name", Schema::String()),
                                                                                      Req("income", S::Money()), Req("known", Schema::Boolean())})
                                                                          .Named("FindingPerson"))),
                                          Req("history", Schema::Array(Schema::Object({Req("status", Schema::String()), Req("note", Schema::String()),
                                                                                       Req("at", Schema::String()), Req("by", Schema::String())})
                                                                           .Named("FollowUp")))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(StoredFinding f, GetFinding(c.db(), id));
              BHXH_ASSIGN_OR_RETURN(auto people, FindingPeople(c.db(), id));
              BHXH_ASSIGN_OR_RETURN(auto history, FollowUpHistory(c.db(), id));
              Json p = Json::array(), h = Json::array();
              for (const auto& x : people) p.push_back({{"cccd", x.cccd}, {"full_name", x.full_name}, {"income", x.income}, {"known", x.known}});
              for (const auto& x : history) h.push_back({{"status", x.status}, {"note", x.note}, {"at", x.at}, {"by", x.by}});
              return Reply::Ok({{"finding", ToJson(f)}, {"people", p}, {"history", h}});
            }));

  t.Add(Route::Post("/development/findings/{id}/follow-up", "followUpDevelopmentFinding")
            .Tag("development")
            .Summary("Ghi kết quả theo dõi: đã liên hệ, đã đăng ký, chuyển thanh tra, đóng", "Record a follow-up")
            .Permission("development.follow_up")
            .PathParam("id", S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"), "Mã kết quả / finding id")
            .JsonBody(Schema::Object({Req("status", S::OneOf(FollowUpStatuses())), Opt("note", S::Text(2000)),
                                      Opt("idempotency_key", S::Key())}))
            .Idempotent(Idempotency::kOptional)
            .OwnedBy(FindingOwner)
            .Returns(200, FindingSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(StoredFinding f, SetFollowUp(c.db(), id, c.BodyStr("status"), c.BodyStr("note"), c.actor()));
              return Reply::Ok(ToJson(f));
            }));

  t.Add(Route::Get("/development/communes", "developmentCoverage")
            .Tag("development")
            .Summary("Theo xã, phường: người trong độ tuổi lao động chưa tham gia, thẻ BHYT hết hạn, chỉ tiêu và tiến độ",
                     "Coverage by commune: potential participants, lapsed HI, targets and progress")
            .Permission("development.communes.read")
            .CommuneScoped()
            .Query("as_of", S::Date(), "Tính đến ngày (mặc định hôm nay) / as of")
            .Query("province", S::ProvinceCode(), "Mã tỉnh / province")
            .Heavy()
            .Returns(200, Schema::Object(
                              {Req("as_of", S::Date()), Req("parameters", Schema::Array(schemas::LawParam())),
                               Req("communes", Schema::Array(
                                                   Schema::Object({Req("province", Schema::String()), Req("commune", Schema::String()),
                                                                   Req("residents", Schema::Integer()), Req("working_age", Schema::Integer()),
                                                                   Req("compulsory", Schema::Integer()), Req("voluntary", Schema::Integer()),
                                                                   Req("pensioners", Schema::Integer()),
                                                                   Req("potential_voluntary", Schema::Integer()),
                                                                   Req("hi_valid", Schema::Integer()), Req("hi_lapsed", Schema::Integer()),
                                                                   Req("voluntary_target", Schema::Integer().Nullable()),
                                                                   Req("hi_target", Schema::Integer().Nullable()),
                                                                   Req("voluntary_progress", Schema::Number().Nullable()),
                                                                   Req("hi_progress", Schema::Number().Nullable())})
                                                       .Named("CommuneCoverage")))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(CoverageQuery q, CoverageOf(c));
              std::vector<LawParam> cited;
              BHXH_ASSIGN_OR_RETURN(auto rows, Coverage(c.db(), Data(c), c.ctx().law, c.ctx().State<BenefitsState>().law(), q, &cited));
              auto opt = [](const auto& v) { return v ? Json(*v) : Json(nullptr); };
              Json a = Json::array(), p = Json::array();
              for (const auto& x : rows)
                a.push_back({{"province", x.province}, {"commune", x.commune}, {"residents", x.residents},
                             {"working_age", x.working_age}, {"compulsory", x.compulsory}, {"voluntary", x.voluntary},
                             {"pensioners", x.pensioners}, {"potential_voluntary", x.potential_voluntary},
                             {"hi_valid", x.hi_valid}, {"hi_lapsed", x.hi_lapsed}, {"voluntary_target", opt(x.voluntary_target)},
                             {"hi_target", opt(x.hi_target)}, {"voluntary_progress", opt(x.voluntary_progress)},
                             {"hi_progress", opt(x.hi_progress)}});
              for (const auto& x : cited) p.push_back(ToJson(x));
              return Reply::Ok({{"as_of", q.as_of.ToString()}, {"parameters", p}, {"communes", a}});
            }));

  t.Add(Route::Get("/development/communes/{province}/{commune}/people", "developmentPeople")
            .Tag("development")
            .Summary("Danh sách người của một xã: chưa tham gia BHXH (tiềm năng tự nguyện) hoặc thẻ BHYT đã hết hạn",
                     "People of a commune: potential voluntary participants or lapsed HI")
            .Permission("development.communes.read")
            .CommuneScoped()
            .PathParam("province", S::ProvinceCode(), "Mã tỉnh / province")
            .PathParam("commune", S::Text(10).Length(1, 10), "Mã xã / commune")
            .Query("reason", S::OneOf({"voluntary", "hi_lapsed"}), "voluntary | hi_lapsed", true)
            .Query("as_of", S::Date(), "Tính đến ngày / as of")
            .OwnedBy([](Call& c) -> Result<Owner> { return Owner{c.Path("province"), "", "", "", c.Path("commune")}; })
            .Paged()
            .Heavy()
            .Returns(200, Schema::Object({Req("people", Schema::Array(Schema::Object({Req("cccd", S::Cccd()), Req("full_name", Schema::String()),
                                                                                    Req("dob", Schema::String()), Req("sex", Schema::String()),
                                                                                    Req("reason", Schema::String()),
                                                                                    Req("hi_valid_to", Schema::String())})
                                                                        .Named("PotentialPerson"))),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              CoverageQuery q;
              q.as_of = c.DateOr("as_of", Date::Today());
              q.province = c.Path("province");
              q.commune = c.Path("commune");
              BHXH_ASSIGN_OR_RETURN(auto people, PotentialPeople(c.db(), Data(c), c.ctx().law, c.ctx().State<BenefitsState>().law(), q,
                                                                 c.Str("reason")));
              Json all = Json::array();
              for (const auto& p : people)
                all.push_back({{"cccd", p.cccd}, {"full_name", p.full_name}, {"dob", p.dob}, {"sex", p.sex}, {"reason", p.reason},
                               {"hi_valid_to", p.hi_valid_to}});
              Json out;
              c.Paginate(out, "people", std::move(all));
              return Reply::Ok(out);
            }));
}

}  // namespace bhxh
