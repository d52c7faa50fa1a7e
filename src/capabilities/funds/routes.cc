// Routes of the funds capability: the journal, statements, postings from
// the engines, investments, the fund-balance model, forecasts, estimates.
#include "base/parse.h"
#include "base/xlsx_out.h"
#include "benefits/module.h"
#include "funds/json.h"
#include "funds/module.h"
#include "funds/proposals.h"
#include "platform/http/route_table.h"

namespace bhxh {

namespace {

constexpr const char* kXlsx = kXlsxMediaType;

const FundsData& Data(Call& c) { return c.ctx().State<FundsState>().data(); }

Schema SpanQuery() {
  return S::Text(7).Pattern(R"(\d{4}(-\d{2}|-[Qq][1-4])?)", "YYYY, YYYY-Qn hoặc YYYY-MM", "YYYY, YYYY-Qn or YYYY-MM");
}
Schema IdParam() { return S::Text(18).Pattern(R"(\d{1,18})", "số bút toán", "an entry number"); }
Schema YearParam() { return S::Text(4).Pattern(R"(\d{4})", "năm YYYY", "a year YYYY"); }

Result<Span> SpanOf(Call& c) {
  std::string p = c.Str("period");
  if (p.empty()) p = Month::OfDate(Date::Today()).ToString();
  return ParseSpan(p, "period");
}
Result<int> YearOf(Call& c) { return ParseInt32(c.Path("year"), "year", 2000, 2200); }
Result<Month> MonthBody(Call& c) { return Month::Parse(c.BodyStr("month"), "month"); }

Result<Month> MonthQuery(Call& c, const char* name) {
  std::string m = c.Str(name);
  if (m.empty()) return Month::OfDate(Date::Today()).Prev();
  return Month::Parse(m, name);
}

Result<ProjectionRun> Run(Call& c, const Json& body) {
  ProjectionRequest req;
  req.base = body.value("base", "national");
  req.scenario = body.value("scenario", "");
  if (body.contains("as_of")) {
      BHXH_ASSIGN_OR_RETURN(req.as_of, Month::Parse(body["as_of"].get<std::string>(), "as_of"));
    }
  if (body.contains("set"))
    for (const auto& [k, v] : body["set"].items()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
      req.set.emplace_back(k, buf);
    }
  req.stochastic = body.value("stochastic", false);
  const BenefitLaw& bl = c.ctx().State<BenefitsState>().law();
  if (req.base != "db") return RunProjection(nullptr, Data(c), bl, c.ctx().law, req);
  if (!c.ctx().pool)
    return Status::Error("unavailable", "db", "Dân số gốc từ cơ sở dữ liệu cần cơ sở dữ liệu",
                         "base=db needs a database");
  BHXH_ASSIGN_OR_RETURN(auto lease, c.ctx().pool->Acquire());
  return RunProjection(&*lease, Data(c), bl, c.ctx().law, req);
}

}  // namespace

void FundsRoutes(RouteTable& t) {
  t.AddTag("funds", "Quỹ: sổ kế toán, đầu tư, mô hình cân đối, dự báo, dự toán / funds: journal, investment, "
                    "balance model, forecasts, estimates (M8, M15)");

  t.Add(Route::Get("/funds/accounts", "listFundAccounts")
            .Tag("funds")
            .Summary("Hệ thống tài khoản và danh sách quỹ", "Chart of accounts and the funds")
            .Permission("funds.read")
            .NoDb()
            .Returns(200, Schema::Object({Req("accounts", Schema::Array(Schema().Describe("account"))),
                                          Req("funds", Schema::Array(Schema().Describe("fund")))}))
            .Handle([](Call& c) -> Result<Reply> {
              Json a = Json::array(), f = Json::array();
              for (const auto& x : Data(c).catalog.accounts())
                a.push_back({{"code", x.code}, {"number", x.number}, {"kind", x.kind}, {"normal", x.normal},
                             {"name", x.name_vi}, {"name_en", x.name_en}});
              for (const auto& x : Data(c).catalog.funds())
                f.push_back({{"code", x.code}, {"name", x.name_vi}, {"name_en", x.name_en}, {"law", x.law}});
              return Reply::Ok({{"accounts", a}, {"funds", f}});
            }));

  Schema proposal =
      Schema::Object({Req("id", Schema::Integer()), Req("status", S::OneOf({"pending", "posted", "rejected"})),
                      Req("posted_on", Schema::String()), Req("description", Schema::String()),
                      Req("lines", Schema::Array(Schema::Object({Req("account", Schema::String()), Req("fund", Schema::String()),
                                                                 Req("province", Schema::String()), Req("debit", Schema::Integer()),
                                                                 Req("credit", Schema::Integer())}))),
                      Req("total", Schema::Integer()), Req("prepared_by", Schema::String()), Req("prepared_at", Schema::String()),
                      Req("decided_by", Schema::String()), Req("decided_at", Schema::String()), Req("note", Schema::String()),
                      Req("entry_id", Schema::Integer().Nullable()),
                      Req("reverses", Schema::Integer().Nullable()), Req("reason", Schema::String()), Req("replayed", Schema::Boolean())})
          .Named("FundProposal");
  auto proposal_json = [](const FundProposal& p) {
    Json lines = Json::array();
    for (const auto& l : p.input.lines)
      lines.push_back({{"account", l.account}, {"fund", l.fund}, {"province", l.province}, {"debit", l.debit}, {"credit", l.credit}});
    return Json{{"id", p.id},
                {"status", p.status},
                {"posted_on", p.input.posted_on.ToString()},
                {"description", p.input.description},
                {"lines", lines},
                {"total", p.total},
                {"prepared_by", p.prepared_by},
                {"prepared_at", p.prepared_at},
                {"decided_by", p.decided_by},
                {"decided_at", p.decided_at},
                {"note", p.note},
                {"entry_id", p.entry_id ? Json(*p.entry_id) : Json(nullptr)},
                {"reverses", p.reverses ? Json(*p.reverses) : Json(nullptr)},
                {"reason", p.reason},
                {"replayed", p.replayed}};
  };
  t.Add(Route::Post("/funds/entries", "postFundEntry")
            .Tag("funds")
            .Summary("Lập một bút toán thủ công (cân đối trong từng quỹ); vào sổ khi cán bộ khác duyệt",
                     "Prepare a manual journal entry; it is posted when another person approves it")
            .Describe("Bút toán không sửa, không xoá; sai thì đảo bút toán và ghi bút toán mới. Người lập không được tự duyệt "
                      "(phân tách nhiệm vụ) / entries are never edited; the preparer cannot approve.")
            .Permission("funds.post")
            .Idempotent(Idempotency::kRequired)
            .JsonBody(schemas::FundEntryInput())
            .BodyExample({{"posted_on", "2026-11-30"},
                          {"description", "Chi phí quản lý tháng 11/2026"},
                          {"lines",
                           {{{"account", "management_cost"}, {"fund", "retirement"}, {"debit", 1000000}},
                            {{"account", "cash"}, {"fund", "retirement"}, {"credit", 1000000}}}}})
            .Returns(201, proposal)
            .Returns(200, proposal, "Đã lập trước đó với cùng khoá / replayed")
            .Handle([proposal_json](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(EntryInput in, EntryInputFromJson(c.Body()));
              in.idempotency_key = "api:" + c.idempotency_key();
              BHXH_ASSIGN_OR_RETURN(FundProposal p, ProposeEntry(c.db(), Data(c).catalog, in, c.actor()));
              return p.replayed ? Reply::Ok(proposal_json(p)) : Reply::Created(proposal_json(p));
            }));

  t.Add(Route::Get("/funds/proposals", "listFundProposals")
            .Tag("funds")
            .Summary("Bút toán thủ công chờ duyệt và đã quyết định", "Manual entries waiting for approval, and decided")
            .Permission("funds.read")
            .Query("status", S::OneOf({"pending", "posted", "rejected"}), "Trạng thái")
            .Returns(200, Schema::Object({Req("proposals", Schema::Array(proposal))}))
            .Handle([proposal_json](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto list, ListProposals(c.db(), c.Str("status"), 500));
              Json out = Json::array();
              for (const auto& p : list) out.push_back(proposal_json(p));
              return Reply::Ok({{"proposals", out}});
            }));

  t.Add(Route::Post("/funds/proposals/{id}/decision", "decideFundProposal")
            .Tag("funds")
            .Summary("Duyệt (vào sổ) hoặc từ chối một bút toán thủ công — không phải người lập",
                     "Approve (post) or reject a manual entry — not by whoever prepared it")
            .Permission("funds.approve")
            .PathParam("id", S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"), "Số đề xuất")
            .JsonBody(Schema::Object({Req("approve", S::Bool()), Opt("note", S::Text(2000))}))
            .Idempotent(Idempotency::kOptional)
            .Returns(200, proposal)
            .Handle([proposal_json](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, ParseInt(c.Path("id"), "id", 1));
              BHXH_ASSIGN_OR_RETURN(FundProposal p, DecideProposal(c.db(), Data(c).catalog, id, c.Body()["approve"].get<bool>(),
                                                                   c.BodyStr("note"), c.actor()));
              return Reply::Ok(proposal_json(p));
            }));

  t.Add(Route::Get("/funds/entries", "listFundEntries")
            .Tag("funds")
            .Summary("Sổ nhật ký quỹ", "The fund journal")
            .Permission("funds.read")
            .Query("period", SpanQuery(), "Kỳ YYYY-MM, YYYY-Qn hoặc YYYY / period")
            .Query("fund", S::Text(40), "Quỹ / fund")
            .Query("source_kind", S::Text(40), "Nguồn chứng từ / source")
            .Paged(50, 500)
            .Returns(200, Schema::Object({Req("entries", Schema::Array(schemas::FundEntry())), Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              EntryFilter f;
              if (!c.Str("period").empty()) {
                BHXH_ASSIGN_OR_RETURN(Span s, SpanOf(c));
                f.from = s.from;
                f.to = s.to;
              }
              f.fund = c.Str("fund");
              f.source_kind = c.Str("source_kind");
              BHXH_ASSIGN_OR_RETURN(EntryPage p, ListEntries(c.db(), f, c.page().limit, c.page().offset));
              Json out = {{"entries", Json::array()}};
              for (const auto& e : p.items) out["entries"].push_back(ToJson(e));
              c.PageInfo(out, p.total, static_cast<int64_t>(p.items.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/funds/entries/{id}", "getFundEntry")
            .Tag("funds")
            .Summary("Một bút toán", "One entry")
            .Permission("funds.read")
            .PathParam("id", IdParam(), "Số bút toán / entry number")
            .Returns(200, schemas::FundEntry())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, ParseInt(c.Path("id"), "id", 1));
              BHXH_ASSIGN_OR_RETURN(Entry e, GetEntry(c.db(), id));
              return Reply::Ok(ToJson(e));
            }));

  t.Add(Route::Post("/funds/entries/{id}/reversal", "reverseFundEntry")
            .Tag("funds")
            .Summary("Đề xuất đảo một bút toán (cán bộ khác duyệt mới vào sổ)",
                     "Propose the reversal of an entry (posted when another officer approves it)")
            .Permission("funds.post")
            .PathParam("id", IdParam(), "Số bút toán / entry number")
            .Idempotent(Idempotency::kRequired)
            .JsonBody(Schema::Object({Req("posted_on", S::Date()), Req("reason", S::Text(500))}))
            .Returns(201, proposal)
            .Handle([proposal_json](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, ParseInt(c.Path("id"), "id", 1));
              BHXH_ASSIGN_OR_RETURN(Date on, Date::ParseIsoOrVi(c.BodyStr("posted_on"), "posted_on"));
              BHXH_ASSIGN_OR_RETURN(FundProposal p, ProposeReversal(c.db(), Data(c).catalog, id, on, c.BodyStr("reason"),
                                                                    "api:" + c.idempotency_key(), c.actor()));
              return p.replayed ? Reply::Ok(proposal_json(p)) : Reply::Created(proposal_json(p));
            }));

  t.Add(Route::Post("/funds/postings", "postFundSources")
            .Tag("funds")
            .Summary("Ghi sổ quỹ từ thu, chi trả chế độ và quyết toán KCB của tháng",
                     "Post the month's contributions, payments, benefits and HI settlement to the funds")
            .Describe("Chạy lại được: chỉ ghi phần chênh lệch so với số đã ghi / re-runnable: posts only the "
                      "difference from what is already posted.")
            .Permission("funds.post")
            .JsonBody(Schema::Object({Req("month", S::Month())}))
            .Returns(200, schemas::SourcesResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, MonthBody(c));
              BHXH_ASSIGN_OR_RETURN(SourcesResult r,
                                    PostSources(c.db(), c.ctx().law, Data(c).params, Data(c).catalog, m, c.actor()));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Get("/funds/periods", "listFundPeriods")
            .Tag("funds")
            .Summary("Các kỳ đã khoá sổ", "Closed periods")
            .Permission("funds.read")
            .Returns(200, Schema::Object({Req("closed", Schema::Array(Schema::Object(
                                                             {Req("period", S::Month()), Req("closed_at", S::DateTime()),
                                                              Req("closed_by", S::Str())})))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto rows, ClosedPeriods(c.db()));
              Json a = Json::array();
              for (const auto& r : rows)
                a.push_back({{"period", r.period.ToString()}, {"closed_at", r.closed_at}, {"closed_by", r.closed_by}});
              return Reply::Ok({{"closed", a}});
            }));

  t.Add(Route::Post("/funds/periods/{month}/close", "closeFundPeriod")
            .Tag("funds")
            .Summary("Khoá sổ một kỳ (không mở lại)", "Close a period (it stays closed)")
            .Permission("funds.close")
            .PathParam("month", S::Month(), "Tháng YYYY-MM")
            .Returns(200, Schema::Object({Req("period", S::Month()), Req("closed", S::Bool())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, Month::Parse(c.Path("month"), "month"));
              BHXH_RETURN_IF_ERROR(ClosePeriod(c.db(), m, c.actor()));
              return Reply::Ok({{"period", m.ToString()}, {"closed", true}});
            }));

  t.Add(Route::Get("/funds/trial-balance", "getTrialBalance")
            .Tag("funds")
            .Summary("Bảng cân đối số phát sinh", "Trial balance")
            .Permission("funds.read")
            .Query("period", SpanQuery(), "Kỳ YYYY-MM, YYYY-Qn hoặc YYYY (mặc định tháng này)")
            .Query("province", S::ProvinceCode(), "Tỉnh (để trống: toàn quốc)")
            .Returns(200, schemas::TrialBalance())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Span s, SpanOf(c));
              BHXH_ASSIGN_OR_RETURN(TrialBalance tb, ComputeTrialBalance(c.db(), Data(c).catalog, s, c.Str("province")));
              return Reply::Ok(ToJson(tb));
            }));

  t.Add(Route::Get("/funds/statements", "getFundStatements")
            .Tag("funds")
            .Summary("Báo cáo thu, chi, số dư từng quỹ theo tháng, quý, năm",
                     "Statements of each fund by month, quarter, year")
            .Permission("funds.read")
            .Query("period", SpanQuery(), "Kỳ YYYY-MM, YYYY-Qn hoặc YYYY (mặc định tháng này)")
            .Query("fund", S::Text(40), "Quỹ (để trống: mọi quỹ)")
            .Query("province", S::ProvinceCode(), "Tỉnh (để trống: toàn quốc)")
            .Query("format", S::OneOf({"json", "xlsx"}), "json hoặc xlsx")
            .Returns(200, Schema::Object({Req("statements", Schema::Array(schemas::FundStatement()))}))
            .ReturnsFile(200, {kXlsx}, "Báo cáo các quỹ (format=xlsx) / the statements as a workbook")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Span s, SpanOf(c));
              if (c.Str("format") == "xlsx") {
                BHXH_ASSIGN_OR_RETURN(std::string x, StatementsXlsx(c.db(), Data(c).catalog, s, c.Str("province")));
                return Reply::File(std::move(x), kXlsx, "bao-cao-quy-" + s.from.ToString() + ".xlsx");
              }
              Json a = Json::array();
              std::vector<std::string> funds;
              if (!c.Str("fund").empty()) funds.push_back(c.Str("fund"));
              else
                for (const auto& f : Data(c).catalog.funds()) funds.push_back(f.code);
              for (const auto& f : funds) {
                BHXH_ASSIGN_OR_RETURN(FundStatement st,
                                      ComputeStatement(c.db(), Data(c).catalog, f, s, c.Str("province")));
                a.push_back(ToJson(st));
              }
              return Reply::Ok({{"statements", a}});
            }));

  t.Add(Route::Get("/funds/statistics/{year}", "getFundStatistics")
            .Tag("funds")
            .Summary("Bảng thống kê năm: người tham gia theo quỹ và tỉnh, người hưởng theo chế độ, thu chi các quỹ",
                     "The year's statistical tables: participants by fund and province, beneficiaries by regime, "
                     "revenue and expenditure of every fund")
            .Permission("funds.read")
            .PathParam("year", YearParam(), "Năm")
            .Query("province", S::ProvinceCode(), "Tỉnh (để trống: toàn quốc)")
            .Query("format", S::OneOf({"json", "xlsx"}), "json hoặc xlsx")
            .Returns(200, schemas::Statistics())
            .ReturnsFile(200, {kXlsx}, "Các bảng thống kê (format=xlsx) / the tables as a workbook")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int y, YearOf(c));
              BHXH_ASSIGN_OR_RETURN(YearStatistics s, ComputeStatistics(c.db(), Data(c).catalog, y, c.Str("province")));
              if (c.Str("format") == "xlsx") {
                BHXH_ASSIGN_OR_RETURN(std::string x, StatisticsXlsx(s, Data(c).catalog));
                return Reply::File(std::move(x), kXlsx, "thong-ke-" + std::to_string(y) + ".xlsx");
              }
              return Reply::Ok(ToJson(s));
            }));

  t.Add(Route::Get("/funds/investments", "getPortfolio")
            .Tag("funds")
            .Summary("Danh mục đầu tư, lãi dự thu, thang đáo hạn, cơ cấu so với luật",
                     "Portfolio, accrued interest, maturity ladder, structure against the law")
            .Permission("funds.read")
            .Query("as_of", S::Date(), "Ngày (mặc định hôm nay)")
            .Returns(200, schemas::Portfolio())
            .Handle([](Call& c) -> Result<Reply> {
              Date d = Date::Today();
              if (!c.Str("as_of").empty()) {
      BHXH_ASSIGN_OR_RETURN(d, Date::ParseIsoOrVi(c.Str("as_of"), "as_of"));
    }
              BHXH_ASSIGN_OR_RETURN(Portfolio p, LoadPortfolio(c.db(), Data(c).instruments, Data(c).params, d));
              return Reply::Ok(ToJson(p));
            }));

  t.Add(Route::Post("/funds/investments", "addInvestment")
            .Tag("funds")
            .Summary("Ghi một khoản đầu tư (mua trái phiếu, gửi tiền ...)", "Record an investment")
            .Permission("funds.invest")
            .Idempotent(Idempotency::kRequired)
            .JsonBody(schemas::InvestmentInput())
            .BodyExample({{"fund", "retirement"},
                          {"kind", "government_bond"},
                          {"issuer", "Kho bạc Nhà nước"},
                          {"reference", "TD2636001"},
                          {"amount", 100000000000},
                          {"rate", 2.9},
                          {"purchased_on", "2026-01-15"},
                          {"matures_on", "2036-01-15"}})
            .Returns(201, schemas::Investment())
            .Handle([](Call& c) -> Result<Reply> {
              const Json& b = c.Body();
              char rate[32];
              std::snprintf(rate, sizeof rate, "%.4f", b["rate"].get<double>());
              InvestmentInput in{b["fund"], b["kind"], b["issuer"], b["reference"],
                                 std::to_string(b["amount"].get<int64_t>()), rate, b["purchased_on"], b["matures_on"],
                                 c.idempotency_key()};
              BHXH_ASSIGN_OR_RETURN(Investment v, AddInvestment(c.db(), Data(c).catalog, Data(c).instruments, in,
                                                                c.actor()));
              return Reply::Created(ToJson(v, 0));
            }));

  t.Add(Route::Post("/funds/interest", "accrueFundInterest")
            .Tag("funds")
            .Summary("Ghi lãi đầu tư dự thu và các khoản đáo hạn của tháng", "Post the month's accrued interest and maturities")
            .Permission("funds.post")
            .JsonBody(Schema::Object({Req("month", S::Month())}))
            .Returns(200, Schema::Object({Req("posting", Schema().Describe("SourcePosting"))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, MonthBody(c));
              BHXH_ASSIGN_OR_RETURN(SourcePosting p,
                                    AccrueInterest(c.db(), Data(c).catalog, Data(c).params, m, c.actor()));
              return Reply::Ok({{"posting", ToJson(p)}});
            }));

  t.Add(Route::Get("/funds/yield/{year}", "getRealisedYield")
            .Tag("funds")
            .Summary("Lợi suất đầu tư thực hiện của năm", "Realised investment yield of a year")
            .Permission("funds.read")
            .PathParam("year", YearParam(), "Năm")
            .Returns(200, schemas::YieldResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int y, YearOf(c));
              BHXH_ASSIGN_OR_RETURN(YieldResult r, RealisedYield(c.db(), Data(c).params, y));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Post("/funds/yield/{year}/publish", "publishRealisedYield")
            .Tag("funds")
            .Summary("Công bố lợi suất năm làm tham số lãi chậm đóng (Luật 58/2014 Điều 122)",
                     "Publish the year's yield as the late-interest parameter")
            .Describe("Có hiệu lực từ 01/01 năm sau, khi dịch vụ khởi động lại / in force from 1 January of the "
                      "next year, once the service restarts.")
            .Permission("funds.publish")
            .PathParam("year", YearParam(), "Năm")
            .Returns(200, schemas::YieldResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int y, YearOf(c));
              BHXH_ASSIGN_OR_RETURN(YieldResult r, PublishYield(c.db(), Data(c).params, y, c.actor()));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Post("/funds/plans/{year}", "saveInvestmentPlan")
            .Tag("funds")
            .Summary("Lưu kế hoạch đầu tư năm", "Save the year's investment plan")
            .Permission("funds.invest")
            .PathParam("year", YearParam(), "Năm")
            .JsonBody(schemas::PlanInput())
            .Returns(200, schemas::PlanCheck())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int y, YearOf(c));
              std::vector<PlanRow> rows;
              for (const auto& r : c.Body()["rows"]) rows.push_back({r["kind"], r["amount"].get<int64_t>()});
              BHXH_RETURN_IF_ERROR(SavePlan(c.db(), y, rows, Data(c).instruments, c.actor()));
              BHXH_ASSIGN_OR_RETURN(PlanCheck pc, CheckPlan(c.db(), y, Data(c).instruments, Data(c).params));
              return Reply::Ok(ToJson(pc));
            }));

  t.Add(Route::Get("/funds/plans/{year}", "checkInvestmentPlan")
            .Tag("funds")
            .Summary("Kế hoạch đầu tư năm, đối chiếu luật và thực hiện", "The year's plan against the law and the portfolio")
            .Permission("funds.read")
            .PathParam("year", YearParam(), "Năm")
            .Returns(200, schemas::PlanCheck())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int y, YearOf(c));
              BHXH_ASSIGN_OR_RETURN(PlanCheck pc, CheckPlan(c.db(), y, Data(c).instruments, Data(c).params));
              return Reply::Ok(ToJson(pc));
            }));

  t.Add(Route::Post("/funds/projection", "projectFund")
            .Tag("funds")
            .Summary("Mô hình cân đối quỹ hưu trí, tử tuất: dự báo dài hạn theo tuổi và giới",
                     "Fund-balance model: long-term cohort projection of the retirement and survivors fund")
            .Describe("Mọi giả định có tên, nguồn và khoảng cho phép; thay đổi bằng set / every assumption is named, "
                      "sourced and range-checked; override with set. stochastic=true thêm 1.000 kịch bản ngẫu nhiên.")
            .Permission("funds.model")
            .NoDb()
            .Heavy()
            .JsonBody(schemas::ProjectionInput())
            .BodyExample({{"base", "national"}, {"set", {{"retirement_age_male", 65}}}, {"stochastic", false}})
            .Returns(200, schemas::Projection())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(ProjectionRun r, Run(c, c.Body()));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Get("/funds/scenarios", "compareFundScenarios")
            .Tag("funds")
            .Summary("So sánh các kịch bản cải cách của mô hình cân đối quỹ", "Scenarios of the fund-balance model side by side")
            .Permission("funds.model")
            .NoDb()
            .Heavy()
            .Returns(200, Schema::Object({Req("scenarios", Schema::Array(Schema::Object(
                                                               {Req("scenario", S::Str()), Req("title", S::Str()),
                                                                Req("start_year", S::Year()),
                                                                Req("deficit_year", S::Year().Nullable()),
                                                                Req("depletion_year", S::Year().Nullable()),
                                                                Req("payg_cost_rate", S::Num()), Req("gap", S::Num()),
                                                                Req("reserve", Schema::Map(S::Num()))})))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Json j, CompareScenarios(Data(c), c.ctx().State<BenefitsState>().law(), c.ctx().law));
              return Reply::Ok(j);
            }));

  t.Add(Route::Get("/funds/forecast", "forecastFundShort")
            .Tag("funds")
            .Summary("Dự báo 12 tháng tới của một quỹ (theo mùa vụ)", "12-month forecast of a fund (seasonal)")
            .Permission("funds.read")
            .Query("fund", S::Text(40), "Quỹ, ví dụ health_medical, sickness")
            .Query("month", S::Month(), "Tháng thực hiện cuối (mặc định tháng trước)")
            .Returns(200, schemas::ShortForecast())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, MonthQuery(c, "month"));
              BHXH_ASSIGN_OR_RETURN(ShortForecast f,
                                    ForecastShort(c.db(), Data(c).catalog, Data(c).assumptions, c.Str("fund"), m));
              return Reply::Ok(ToJson(f));
            }));

  t.Add(Route::Get("/funds/forecast/medium", "forecastFundsMedium")
            .Tag("funds")
            .Summary("Dự báo 5 năm tới của mọi quỹ", "Five-year forecast of every fund")
            .Permission("funds.read")
            .Query("month", S::Month(), "Tháng thực hiện cuối (mặc định tháng trước)")
            .Returns(200, schemas::MediumForecast())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, MonthQuery(c, "month"));
              BHXH_ASSIGN_OR_RETURN(ProjectionRun r, Run(c, Json::object()));
              BHXH_ASSIGN_OR_RETURN(auto f, ForecastMedium(c.db(), Data(c).catalog, Data(c).assumptions, r.central, m));
              return Reply::Ok(ToJson(f));
            }));

  t.Add(Route::Post("/funds/estimates", "makeFundEstimates")
            .Tag("funds")
            .Summary("Lập dự toán thu, chi năm theo tỉnh và quỹ", "Prepare the year's revenue and expenditure estimate")
            .Permission("funds.estimate")
            .JsonBody(Schema::Object({Req("year", S::Year()), Opt("as_of", S::Month())}))
            .Returns(201, schemas::Estimates())
            .Handle([](Call& c) -> Result<Reply> {
              int year = c.Body()["year"].get<int>();
              Month as_of = Month::OfDate(Date::Today()).Prev();
              if (c.Body().contains("as_of")) {
      BHXH_ASSIGN_OR_RETURN(as_of, Month::Parse(c.BodyStr("as_of"), "as_of"));
    }
              BHXH_ASSIGN_OR_RETURN(Estimates e,
                                    MakeEstimates(c.db(), Data(c).catalog, Data(c).params, Data(c).assumptions, year, as_of,
                                                  c.actor()));
              return Reply::Created(ToJson(e));
            }));

  t.Add(Route::Get("/funds/estimates/{year}", "compareFundEstimates")
            .Tag("funds")
            .Summary("Dự toán năm và số thực hiện", "The year's estimate against what happened")
            .Permission("funds.read")
            .PathParam("year", YearParam(), "Năm")
            .Returns(200, schemas::Estimates())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int y, YearOf(c));
              BHXH_ASSIGN_OR_RETURN(Estimates e, CompareEstimates(c.db(), Data(c).catalog, y));
              return Reply::Ok(ToJson(e));
            }));
}

}  // namespace bhxh
