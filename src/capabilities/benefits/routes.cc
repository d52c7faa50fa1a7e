// Routes of the benefits capability: the calculator, cases, beneficiaries,
// payrolls, deaths and checks.
#include "base/parse.h"
#include "base/xlsx_out.h"
#include "benefits/json.h"
#include "benefits/module.h"
#include "platform/http/route_table.h"
#include "platform/jsonio/rows.h"
#include "registry/owners.h"

namespace bhxh {

namespace {

constexpr const char* kXlsx = kXlsxMediaType;

Schema IdParam() { return S::Text(18).Pattern(R"(\d{1,18})", "số hồ sơ", "a case number"); }
Result<int64_t> IdOf(Call& c) { return ParseInt(c.Path("id"), "id", 1); }

std::vector<std::string> ScopeProvinces(Call& c) {
  const AccessScope& s = c.scope();
  return s.scope == GrantScope::kProvince ? s.provinces : std::vector<std::string>{};
}

Result<Owner> CaseOwner(Call& c) {
  BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
  BHXH_ASSIGN_OR_RETURN(CaseOwnerKey k, CaseOwnerOf(c.db(), id));
  return Owner{k.province, "", "", k.cccd};
}

// A citizen's lists hold only her own cases and benefits.
std::string ScopeCccd(Call& c) {
  if (c.scope().scope != GrantScope::kOwn) return c.Str("cccd");
  return c.actor().cccd.empty() ? std::string("-") : c.actor().cccd;  // no CCCD: nothing is hers
}

Result<Month> MonthOf(Call& c) { return Month::Parse(c.Path("month"), "month"); }

}  // namespace

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

  t.Add(Route::Get("/persons/{cccd}/benefit-request", "benefitRequestFromRecord")
            .Tag("benefits")
            .Summary("Yêu cầu tính chế độ lập từ quá trình đóng trong cơ sở dữ liệu, để tính thử",
                     "A calculator request built from the national record, for an estimate")
            .Describe("Giới tính, ngày sinh và các tháng đã đóng như khi lập hồ sơ; tháng đơn vị chưa đóng không "
                      "được tính và được liệt kê. assume_continued=true: giả định tiếp tục đóng với tiền lương tháng "
                      "cuối đến tháng trước ngày sự kiện / the person and paid months as a case reads them; "
                      "assume_continued extends the last salary to the month before the event.")
            .Permission("history.read")
            .PathParam("cccd", S::Cccd(), "Số định danh cá nhân / personal ID")
            .Query("regime", S::OneOf(RegimeCodes()), "Chế độ (mặc định pension) / regime, default pension")
            .Query("event_date", S::Date(), "Ngày của sự kiện (mặc định hôm nay) / event date, default today")
            .Query("assume_continued", S::Bool(), "Giả định tiếp tục đóng đến sự kiện / assume contributions go on")
            .OwnedBy([](Call& c) { return PersonOwner(c.db(), c.Path("cccd")); })
            .Returns(200, schemas::RecordRequest())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(
                  RecordRequest r,
                  RequestFromRecord(c.db(), c.ctx().geo, c.ctx().law, c.Path("cccd"), c.Str("regime", "pension"),
                                    c.DateOr("event_date", Date::Today()), c.Bool("assume_continued")));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Post("/benefits/cases", "prepareBenefitCase")
            .Tag("benefits")
            .Summary("Lập hồ sơ hưởng chế độ từ dữ liệu quá trình đóng", "Prepare a benefit case from the national record")
            .Describe("Quá trình đóng lấy từ cơ sở dữ liệu; tháng đơn vị chưa đóng không được tính và được liệt kê. "
                      "Hồ sơ do một cán bộ lập, cán bộ khác phê duyệt / the history comes from the record; unpaid "
                      "months are excluded and listed; another officer decides.")
            .Permission("benefits.cases.prepare")
            .OwnedBy([](Call& c) { return PersonOwner(c.db(), c.BodyStr("cccd")); })
            .Idempotent(Idempotency::kRequired)
            .JsonBody(schemas::CaseInput())
            .BodyExample({{"cccd", "001064000001"},
                          {"request", {{"regime", "pension"}, {"event_date", "2026-06-30"}}},
                          {"bank", "Vietcombank"},
                          {"bank_account", "0011001234567"}})
            .Returns(201, schemas::Case())
            .Handle([](Call& c) -> Result<Reply> {
              CaseInput in = CaseInputFromJson(c.Body());
              in.idempotency_key = "api:" + c.actor().id + ":" + c.idempotency_key();
              BHXH_ASSIGN_OR_RETURN(CaseView v, PrepareCase(c.db(), c.ctx().geo, c.ctx().law,
                                                            c.ctx().State<BenefitsState>().law(), in, c.actor()));
              return Reply::Created(ToJson(v));
            }));

  t.Add(Route::Get("/benefits/cases", "listBenefitCases")
            .Tag("benefits")
            .Summary("Danh sách hồ sơ hưởng chế độ", "Benefit cases")
            .Permission("benefits.cases.read")
            .Query("status", S::OneOf({"prepared", "approved", "rejected", "superseded"}), "Trạng thái / status")
            .Query("cccd", S::Cccd(), "Số CCCD / personal ID")
            .Query("format", S::OneOf({"json", "xlsx"}), "json (mặc định, phân trang) hoặc xlsx (danh sách quyết định)")
            .Paged(50, 500)
            .Returns(200, Schema::Object({Req("cases", Schema::Array(schemas::Case())), Req("page", PageSchema())}))
            .ReturnsFile(200, {kXlsx}, "Danh sách hồ sơ, quyết định (format=xlsx) / the cases as a workbook")
            .Handle([](Call& c) -> Result<Reply> {
              if (c.Str("format") == "xlsx" && c.scope().scope != GrantScope::kOwn) {
                BHXH_ASSIGN_OR_RETURN(std::string x, CasesXlsx(c.db(), c.Str("status"), ScopeProvinces(c)));
                return Reply::File(std::move(x), kXlsx, "ho-so-che-do.xlsx");
              }
              BHXH_ASSIGN_OR_RETURN(CasePage page, ListCases(c.db(), c.Str("status"), ScopeCccd(c), ScopeProvinces(c),
                                                             c.page().limit, c.page().offset));
              Json out = {{"cases", Json::array()}};
              for (const auto& v : page.items) out["cases"].push_back(ToJson(v));
              c.PageInfo(out, page.total, static_cast<int64_t>(page.items.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/benefits/cases/{id}", "getBenefitCase")
            .Tag("benefits")
            .Summary("Hồ sơ hưởng chế độ, với từng bước tính", "A benefit case with its steps")
            .Permission("benefits.cases.read")
            .PathParam("id", IdParam(), "Số hồ sơ / case number")
            .OwnedBy(CaseOwner)
            .Returns(200, schemas::Case())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(CaseView v, GetCase(c.db(), id));
              return Reply::Ok(ToJson(v));
            }));

  t.Add(Route::Post("/benefits/cases/{id}/decision", "decideBenefitCase")
            .Tag("benefits")
            .Summary("Phê duyệt hoặc từ chối hồ sơ (người duyệt khác người lập)",
                     "Approve or reject a case (not by the officer who prepared it)")
            .Permission("benefits.cases.approve")
            .PathParam("id", IdParam(), "Số hồ sơ / case number")
            .OwnedBy(CaseOwner)
            .Idempotent(Idempotency::kRequired)
            .JsonBody(Schema::Object({Req("approve", S::Bool()), Opt("note", S::Text(1000))}))
            .Returns(200, schemas::Case())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, IdOf(c));
              BHXH_ASSIGN_OR_RETURN(CaseView v, DecideCase(c.db(), id, c.Body()["approve"].get<bool>(),
                                                           c.BodyStr("note"), c.actor()));
              return Reply::Ok(ToJson(v));
            }));

  t.Add(Route::Get("/benefits/beneficiaries", "listBeneficiaries")
            .Tag("benefits")
            .Summary("Danh sách người hưởng hằng tháng", "The register of monthly beneficiaries")
            .Permission("benefits.cases.read")
            .Query("status", S::OneOf({"active", "stopped"}), "Trạng thái / status")
            .Query("cccd", S::Cccd(), "Số CCCD / personal ID")
            .Paged(50, 1000)
            .Returns(200, Schema::Object({Req("beneficiaries", Schema::Array(schemas::Beneficiary())),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(BeneficiaryPage page, ListBeneficiaries(c.db(), c.Str("status"), ScopeCccd(c),
                                                                            ScopeProvinces(c), c.page().limit,
                                                                            c.page().offset));
              Json out = {{"beneficiaries", Json::array()}};
              for (const auto& v : page.items) out["beneficiaries"].push_back(ToJson(v));
              c.PageInfo(out, page.total, static_cast<int64_t>(page.items.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Post("/benefits/payrolls", "runBenefitPayroll")
            .Tag("benefits")
            .Summary("Chi trả hằng tháng cho mọi người hưởng, kèm kiểm tra", "The monthly payroll, with its checks")
            .Permission("benefits.payroll.run")
            .Heavy()
            .JsonBody(Schema::Object({Req("month", S::Month())}))
            .Returns(201, schemas::Payroll())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, Month::Parse(c.BodyStr("month"), "month"));
              BHXH_ASSIGN_OR_RETURN(
                  PayrollStats s, RunPayroll(c.db(), c.ctx().law, c.ctx().State<BenefitsState>().law(), m, c.actor()));
              return Reply::Created(ToJson(s));
            }));

  t.Add(Route::Get("/benefits/payrolls/{month}", "getBenefitPayroll")
            .Tag("benefits")
            .Summary("Kết quả chi trả một tháng: theo tỉnh, theo quỹ, tỷ lệ không dùng tiền mặt, kiểm tra",
                     "A month's payroll: by province, by fund, cashless share, findings")
            .Permission("benefits.payroll.read")
            .PathParam("month", S::Month(), "Tháng YYYY-MM / month")
            .Query("format", S::OneOf({"json", "xlsx"}), "json (mặc định) hoặc xlsx")
            .Returns(200, schemas::Payroll())
            .ReturnsFile(200, {kXlsx}, "Bảng tổng hợp (format=xlsx) / the summary workbook")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, MonthOf(c));
              if (c.Str("format") == "xlsx") {
                BHXH_ASSIGN_OR_RETURN(std::string x, PayrollXlsx(c.db(), m));
                return Reply::File(std::move(x), kXlsx, "chi-tra-" + m.ToString() + ".xlsx");
              }
              BHXH_ASSIGN_OR_RETURN(PayrollStats s, GetPayroll(c.db(), m));
              return Reply::Ok(ToJson(s));
            }));

  // The payroll's two CSV files: one route each, one shape.
  using FileFn = Result<std::string> (*)(Db&, Month, const std::string&);
  auto payroll_file = [&t](const std::string& kind, const char* op, const char* vi, const char* en, FileFn make,
                           const std::string& name) {
    t.Add(Route::Get("/benefits/payrolls/{month}/" + kind, op)
              .Tag("benefits")
              .Summary(vi, en)
              .Permission("benefits.payroll.read")
              .PathParam("month", S::Month(), "Tháng YYYY-MM / month")
              .Query("province", S::Text(2).Pattern(R"(\d{2})", "2 chữ số", "2 digits"), "Tỉnh / province")
              .ReturnsFile(200, {"text/csv"}, "CSV")
              .Handle([make, name](Call& c) -> Result<Reply> {
                BHXH_ASSIGN_OR_RETURN(Month m, MonthOf(c));
                BHXH_ASSIGN_OR_RETURN(std::string csv, make(c.db(), m, c.Str("province")));
                return Reply::File(std::move(csv), "text/csv; charset=utf-8", name + m.ToString() + ".csv");
              }));
  };
  payroll_file("bank-file", "benefitPayrollBankFile", "Tệp chuyển khoản cho ngân hàng (CSV)",
               "The banks' transfer file (CSV)", PayrollBankFile, "chuyen-khoan-");
  payroll_file("cash-list", "benefitPayrollCashList", "Danh sách chi tiền mặt theo điểm chi trả (CSV)",
               "Cash lists by cash point (CSV)", PayrollCashList, "chi-tien-mat-");

  t.Add(Route::Post("/benefits/deaths", "notifyBenefitDeaths")
            .Tag("benefits")
            .Summary("Nhận danh sách người chết từ CSDL quốc gia về dân cư (CSV)",
                     "Deaths from the population database (CSV)")
            .Describe("Cột cccd, death_date (YYYY-MM-DD hoặc DD/MM/YYYY). Dừng chi từ tháng sau tháng chết, tính số "
                      "tiền chi thừa cần thu hồi, lập hồ sơ trợ cấp mai táng. Một dòng lỗi: không ghi gì.")
            .Permission("benefits.deaths.write")
            .RawBody({"text/csv"}, "CSV: cccd,death_date", 16 << 20)
            .Idempotent(Idempotency::kOptional)
            .Returns(201, schemas::DeathsResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(DeathsResult r, ProcessDeaths(c.db(), c.ctx().geo, c.ctx().law,
                                                                  c.ctx().State<BenefitsState>().law(), c.RawBody(),
                                                                  c.actor()));
              if (!r.accepted) return Reply::With(422, RowsRejectedJson(r.errors, "Danh sách người chết", "the deaths file"));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/benefits/commune-types", "importCommuneTypes")
            .Tag("benefits")
            .Summary("Nhập loại đơn vị hành chính cấp xã (phường: urban, xã: rural)",
                     "Import the communes' urban/rural type (CSV)")
            .Permission("benefits.payroll.run")
            .RawBody({"text/csv"}, "CSV: province,commune,type", 8 << 20)
            .Idempotent(Idempotency::kOptional)
            .Returns(201, Schema::Object({Req("applied", Schema::Integer())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(CommuneTypesResult r, ImportCommuneTypes(c.db(), c.RawBody(), c.actor()));
              if (!r.errors.empty()) return Reply::With(422, RowsRejectedJson(r.errors, "Danh sách xã", "the communes"));
              return Reply::Created({{"applied", r.applied}});
            }));
}

}  // namespace bhxh
