// The collection's API: declarations, the monthly run, payments and bank
// statements, an employer's statement, the arrears report.
#include "base/xlsx_out.h"
#include "collection/c12.h"
#include "collection/json.h"
#include "collection/module.h"
#include "collection/records.h"
#include "platform/http/metrics.h"
#include "platform/http/route_table.h"
#include "registry/json.h"
#include "registry/owners.h"

namespace bhxh {

void CollectionRoutes(RouteTable& t) {
  t.AddTag("collection",
           "Thu BHXH, BHYT, BHTN: kê khai, số phải thu, nộp tiền, nợ / contribution collection (M3, M14)");

  t.Add(Route::Post("/declarations", "submitDeclaration")
            .Tag("collection")
            .Summary("Tờ khai tăng, giảm, điều chỉnh lao động hằng tháng", "An employer's monthly declaration")
            .Describe("Mọi dòng được kiểm tra; một dòng lỗi thì không dòng nào được ghi (422 với lỗi từng dòng) / "
                      "every row is checked; one bad row stores nothing (422 with each row's problem).")
            .Permission("collection.declare")
            .JsonBody(schemas::Declaration(), 16 << 20)
            .BodyExample({{"employer_code", "01A00001"},
                          {"month", "2026-11"},
                          {"rows",
                           {{{"action", "join"},
                             {"cccd", "001085012345"},
                             {"effective_month", "2026-11"},
                             {"salary", 8000000},
                             {"group", "DN"}}}}})
            .Idempotent(Idempotency::kRequired)
            .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.BodyStr("employer_code"), "employer_code"); })
            .Returns(201, schemas::DeclarationResult())
            .Handle([](Call& c) -> Result<Reply> {
              Declaration d = DeclarationFromJson(c.Body());
              d.idempotency_key = c.idempotency_key();
              BHXH_ASSIGN_OR_RETURN(DeclarationResult r,
                                    SubmitDeclaration(c.db(), c.ctx().geo, c.ctx().law, d, c.actor()));
              if (!r.accepted) return Reply::With(422, RowsRejectedJson(r.errors, "Tờ khai", "the declaration"));
              c.AfterCommit([&ctx = c.ctx(), key = std::string(d.employer_code)] { ctx.Publish("declaration.applied", key); });
              // New cards reach the card check as soon as the declaration commits.
              for (const auto& card : r.cards)
                c.AfterCommit([&ctx = c.ctx(), key = card.cccd] { ctx.Publish("person.changed", key); });
              // So do cards cut by a leave.
              for (const auto& card : r.decreased)
                c.AfterCommit([&ctx = c.ctx(), key = card.cccd] { ctx.Publish("person.changed", key); });
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/collections", "runCollection")
            .Tag("collection")
            .Summary("Tính số phải thu của một tháng cho mọi đơn vị", "The monthly collection run")
            .Permission("collection.run")
            .Heavy()
            .JsonBody(Schema::Object({Req("month", S::Month())}))
            .Returns(201, schemas::CollectStats())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, Month::Parse(c.BodyStr("month"), "month"));
              BHXH_ASSIGN_OR_RETURN(CollectStats r, RunCollection(c.db(), c.ctx().law, m, c.actor()));
              Metrics::Get().Job("collection", r.load_seconds + r.compute_seconds + r.write_seconds);
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Post("/collections/jobs", "startCollection")
            .Tag("collection")
            .Summary("Chạy tính số phải thu của một tháng ở chế độ nền, theo dõi tiến độ", "Start the monthly run as a job")
            .Describe("Trả về mã việc; xem tiến độ và kết quả ở GET /jobs/{id} / returns a job id to poll at GET /jobs/{id}.")
            .Permission("collection.run")
            .NoDb()
            .JsonBody(Schema::Object({Req("month", S::Month())}))
            .Returns(202, Schema::Object({Req("id", Schema::String()), Req("status", Schema::String())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Month m, Month::Parse(c.BodyStr("month"), "month"));
              AppContext* ctx = &c.ctx();
              Actor actor = c.actor();
              BHXH_ASSIGN_OR_RETURN(JobView j, ctx->jobs.Start("collection", actor, [ctx, m, actor](const Jobs::Progress& p) -> Result<Json> {
                BHXH_ASSIGN_OR_RETURN(auto lease, ctx->pool->Acquire());
                BHXH_ASSIGN_OR_RETURN(CollectStats r, RunCollection(*lease, ctx->law, m, actor, p));
                Metrics::Get().Job("collection", r.load_seconds + r.compute_seconds + r.write_seconds);
                return ToJson(r);
              }));
              return Reply::With(202, {{"id", j.id}, {"status", j.status}});
            }));

  t.Add(Route::Post("/payments", "postPayment")
            .Tag("collection")
            .Summary("Ghi nhận số tiền đơn vị đã nộp", "Post a payment received from an employer")
            .Permission("collection.payments.write")
            .JsonBody(schemas::PaymentInput())
            .Idempotent(Idempotency::kRequired)
            .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.BodyStr("employer_code"), "employer_code"); })
            .Returns(201, schemas::PaymentResult())
            .Returns(200, schemas::PaymentResult(), "Đã ghi trước đó / recorded before")
            .Handle([](Call& c) -> Result<Reply> {
              PaymentInput in = PaymentInputFromJson(c.Body());
              in.idempotency_key = "api:" + c.actor().id + ":" + c.idempotency_key();
              BHXH_ASSIGN_OR_RETURN(PaymentResult r, PostPayment(c.db(), in, c.actor()));
              return Reply::With(r.replayed ? 200 : 201, ToJson(r));
            }));

  t.Add(
      Route::Post("/payments/bank-statement", "importBankStatement")
          .Tag("collection")
          .Summary("Nhập sao kê ngân hàng (CSV)", "Import a bank statement (CSV)")
          .Describe("Cột: employer_code, paid_on, amount, reference. Giao dịch đã nhập (cùng reference) được bỏ qua / "
                    "columns employer_code, paid_on, amount, reference; rows already imported are skipped.")
          .Permission("collection.payments.write")
          .RawBody({"text/csv"}, "CSV: employer_code,paid_on,amount,reference", 32 << 20)
          .Idempotent(Idempotency::kOptional)
          .Heavy()
          .Returns(201, schemas::BankImportResult())
          .Handle([](Call& c) -> Result<Reply> {
            BHXH_ASSIGN_OR_RETURN(BankImportResult r, ImportBankStatement(c.db(), c.RawBody(), c.actor()));
            if (!r.accepted) return Reply::With(422, RowsRejectedJson(r.errors, "Sao kê", "the statement"));
            return Reply::Created(ToJson(r));
          }));

  t.Add(Route::Get("/employers/{code}/statement", "employerStatement")
            .Tag("collection")
            .Summary("Đối chiếu phải đóng, đã đóng, còn nợ, lãi chậm đóng",
                     "An employer's statement: due, paid, balance, interest")
            .Permission("collection.statement.read")
            .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
            .Query("as_of", S::Date(), "Tính đến ngày (mặc định hôm nay) / as of, default today")
            .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.Path("code")); })
            .Returns(200, schemas::Ledger())
            .Handle([](Call& c) -> Result<Reply> {
              Date as_of = c.DateOr("as_of", Date::Today());
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
              BHXH_ASSIGN_OR_RETURN(Ledger L, EmployerLedger(c.db(), c.ctx().law, e.id, as_of));
              Json j = ToJson(L);
              j["employer"] = ToJson(e, as_of);
              return Reply::Ok(j);
            }));

  {
    auto cols = [](const C12Columns& v) {
      Json j = Json::object();
      for (int k = 0; k < 5; ++k) j[C12ColumnName(k)] = v[k];
      return j;
    };
    Schema col = Schema::Object({Req("bhxh", Schema::Integer()), Req("bhyt", Schema::Integer()), Req("bhtn", Schema::Integer()),
                                 Req("bhtnld", Schema::Integer()), Req("cong", Schema::Integer())})
                     .Named("C12Columns");
    Schema pay = Schema::Object({Req("reference", Schema::String()), Req("paid_on", Schema::String()), Req("amount", Schema::Integer())});
    Schema c12 =
        Schema::Object(
            {Req("employer_code", Schema::String()), Req("employer_name", Schema::String()), Req("month", Schema::String()),
             Req("law", Schema::String()),
             Req("a", Schema::Object({Req("headcount", Schema::Integer()), Req("overpaid", col), Req("underpaid", col),
                                      Req("interest_owed", Schema::Integer())})),
             Req("b", Schema::Object({Req("headcount", Schema::Integer()), Req("up", Schema::Integer()), Req("down", Schema::Integer()),
                                      Req("wage_fund", col), Req("due", col),
                                      Req("adjustments",
                                          Schema::Object(
                                              {Req("up", col), Req("up_prior_year", col), Req("down", col),
                                               Req("down_prior_year", col), Req("net", col),
                                               Req("months", Schema::Array(Schema::Object(
                                                                 {Req("month", S::Month()), Req("workers_before", Schema::Integer()),
                                                                  Req("workers_after", Schema::Integer()), Req("amount", col)})))})
                                              .Describe("B.4 Điều chỉnh kỳ trước: thay đổi số phải đóng của các tháng trước ghi "
                                                        "nhận trong tháng này (giảm ghi số dương) / changes to earlier months "
                                                        "recorded this month (decreases as positive amounts)")),
                                      Req("interest", Schema::Integer())})),
             Req("c", Schema::Object({Req("payments", Schema::Array(pay)), Req("total", Schema::Integer())})),
             Req("d", Schema::Object({Req("to_contributions", Schema::Integer()), Req("to_interest", Schema::Integer())})),
             Req("carried", Schema::Object({Req("headcount", Schema::Integer()), Req("overpaid", col), Req("underpaid", col),
                                            Req("interest_owed", Schema::Integer())})),
             Req("transfer_note", Schema::String())})
            .Named("C12");
    t.Add(Route::Get("/employers/{code}/c12", "employerC12")
              .Tag("collection")
              .Summary("Thông báo kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN (mẫu C12-TS) của một tháng",
                       "The C12-TS notice of a month: brought forward, due, paid, carried forward by fund")
              .Permission("collection.statement.read")
              .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
              .Query("month", S::Month(), "Tháng YYYY-MM", true)
              .Query("format", S::OneOf({"json", "html", "xlsx"}), "json (mặc định), html (trang in) hoặc xlsx")
              .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.Path("code")); })
              .Returns(200, c12)
              .ReturnsFile(200, {"text/html", kXlsxMediaType},
                           "Trang in (format=html) hoặc bảng tính (format=xlsx) / printable page or workbook")
              .Handle([cols](Call& c) -> Result<Reply> {
                BHXH_ASSIGN_OR_RETURN(Month m, Month::Parse(c.Str("month"), "month"));
                Registry reg(c.db(), c.ctx().geo, c.ctx().law);
                BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
                BHXH_ASSIGN_OR_RETURN(C12 r, BuildC12(c.db(), c.ctx().law, e.id, e.code, e.name, m));
                if (c.Str("format") == "html")
                  return Reply::Inline(C12Html(r, c.ctx().geo.NameOf(e.province)), "text/html; charset=utf-8");
                if (c.Str("format") == "xlsx") {
                  BHXH_ASSIGN_OR_RETURN(std::string x, C12Xlsx(r));
                  return Reply::File(std::move(x), kXlsxMediaType, "c12-ts-" + e.code + "-" + m.ToString() + ".xlsx");
                }
                Json pays = Json::array();
                for (const auto& p : r.c_payments)
                  pays.push_back({{"reference", p.reference}, {"paid_on", p.paid_on.ToString()}, {"amount", p.amount}});
                Json adjusted = Json::array();
                for (const auto& m : r.b4_months)
                  adjusted.push_back({{"month", m.month.ToString()}, {"workers_before", m.workers_before},
                                      {"workers_after", m.workers_after}, {"amount", cols(m.amount)}});
                Json adjustments = {{"up", cols(r.b4_up)}, {"up_prior_year", cols(r.b4_up_prior_year)}, {"down", cols(r.b4_down)},
                                    {"down_prior_year", cols(r.b4_down_prior_year)}, {"net", cols(r.b4_net)},
                                    {"months", adjusted}};
                return Reply::Ok({{"employer_code", r.employer_code},
                                  {"employer_name", r.employer_name},
                                  {"month", r.month.ToString()},
                                  {"law", r.law},
                                  {"a", {{"headcount", r.a_headcount}, {"overpaid", cols(r.a_overpaid)}, {"underpaid", cols(r.a_underpaid)},
                                         {"interest_owed", r.a_interest}}},
                                  {"b", {{"headcount", r.b_headcount}, {"up", r.b_up}, {"down", r.b_down}, {"wage_fund", cols(r.b_wage_fund)},
                                         {"due", cols(r.b_due)}, {"adjustments", adjustments}, {"interest", r.b_interest}}},
                                  {"c", {{"payments", pays}, {"total", r.c_total}}},
                                  {"d", {{"to_contributions", r.d_contributions}, {"to_interest", r.d_interest}}},
                                  {"carried", {{"headcount", r.e_headcount}, {"overpaid", cols(r.e_overpaid)},
                                               {"underpaid", cols(r.e_underpaid)}, {"interest_owed", r.e_interest}}},
                                  {"transfer_note", r.transfer_note}});
              }));
  }

  t.Add(Route::Get("/employers/{code}/payments", "employerPayments")
            .Tag("collection")
            .Summary("Các lần đơn vị đã nộp tiền, mới nhất trước", "An employer's payments, newest first")
            .Permission("collection.statement.read")
            .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
            .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.Path("code")); })
            .Paged(50, 1000)
            .Returns(200, Schema::Object({Req("payments", Schema::Array(Schema::Object(
                                                               {Req("id", Schema::Integer()), Req("paid_on", S::Date()),
                                                                Req("amount", S::Money()), Req("reference", Schema::String()),
                                                                Req("source", Schema::String()), Req("recorded_at", S::DateTime()),
                                                                Req("recorded_by", Schema::String())}))),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
              BHXH_ASSIGN_OR_RETURN(auto page, PaymentsOf(c.db(), e.id, c.page().limit, c.page().offset));
              Json out = {{"payments", Json::array()}};
              for (const auto& p : page.items)
                out["payments"].push_back({{"id", p.id}, {"paid_on", p.paid_on.ToString()}, {"amount", p.amount}, {"reference", p.reference},
                                           {"source", p.source}, {"recorded_at", p.created_at}, {"recorded_by", p.created_by}});
              c.PageInfo(out, page.total, static_cast<int64_t>(page.items.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/employers/{code}/declarations", "employerDeclarations")
            .Tag("collection")
            .Summary("Các tờ khai đơn vị đã nộp, mới nhất trước", "An employer's declarations, newest first")
            .Permission("collection.statement.read")
            .PathParam("code", S::EmployerCode(), "Mã đơn vị / employer code")
            .OwnedBy([](Call& c) { return EmployerOwner(c.db(), c.Path("code")); })
            .Paged(50, 1000)
            .Returns(200, Schema::Object({Req("declarations", Schema::Array(Schema::Object(
                                                                   {Req("id", Schema::Integer()), Req("month", S::Month()),
                                                                    Req("row_count", Schema::Integer()),
                                                                    Req("rows", Schema::Array(Schema().Describe("Dòng như đã nộp / a row as submitted"))),
                                                                    Req("submitted_at", S::DateTime()), Req("submitted_by", Schema::String())}))),
                                          Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(Employer e, reg.EmployerByCode(c.Path("code")));
              BHXH_ASSIGN_OR_RETURN(auto page, DeclarationsOf(c.db(), e.id, c.page().limit, c.page().offset));
              Json out = {{"declarations", Json::array()}};
              for (const auto& d : page.items) {
                auto rows = ParseJson(d.body, 16);
                out["declarations"].push_back({{"id", d.id}, {"month", d.month.ToString()}, {"row_count", d.rows},
                                               {"rows", rows.ok() && rows->is_array() ? *rows : Json::array()},
                                               {"submitted_at", d.created_at}, {"submitted_by", d.created_by}});
              }
              c.PageInfo(out, page.total, static_cast<int64_t>(page.items.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/arrears", "arrearsReport")
            .Tag("collection")
            .Summary("Báo cáo nợ đóng theo tỉnh, loại hình, trạng thái; hợp tác xã (2422/QĐ-BHXH)",
                     "Arrears by province, type and status; cooperatives")
            .Describe(
                "Cán bộ cấp tỉnh chỉ thấy đơn vị của tỉnh mình / provincial officers see their province's employers.")
            .Permission("collection.arrears.read")
            .Query("as_of", S::Date(), "Tính đến ngày (mặc định hôm nay) / as of, default today")
            .Query("province", S::ProvinceCode(), "Chỉ một tỉnh / one province only")
            .Query("units", S::OneOf({"current", "recorded"}),
                   "current: 34 tỉnh hiện nay (mặc định); recorded: mã tỉnh như khi ghi")
            .Query("top", S::Int(0, 1000), "Số đơn vị nợ nhiều nhất liệt kê (mặc định 20) / top debtors listed")
            .Heavy()
            .Returns(200, schemas::ArrearsReport())
            .Handle([](Call& c) -> Result<Reply> {
              ArrearsOptions opt;
              opt.as_of = c.DateOr("as_of", Date::Today());
              opt.current_units = c.Str("units", "current") != "recorded";
              opt.province = c.Str("province");
              opt.top_n = static_cast<int>(c.Int("top", 20));
              if (c.scope().scope == GrantScope::kProvince) opt.within = c.scope().provinces;
              BHXH_ASSIGN_OR_RETURN(ArrearsReport r, BuildArrearsReport(c.db(), c.ctx().law, c.ctx().geo, opt));
              return Reply::Ok(ToJson(r));
            }));
}

}  // namespace bhxh
