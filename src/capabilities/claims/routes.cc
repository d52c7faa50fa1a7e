// The claims' API: pre-check and submission of XML 130 envelopes, the
// facilities' catalogues, settlement and advances, published drug prices,
// daily cost alerts.
#include <algorithm>

#include "base/parse.h"
#include "claims/json.h"
#include "claims/checkin.h"
#include "claims/module.h"
#include "claims/xml130.h"
#include "claims/portal.h"
#include "eligibility/module.h"
#include "platform/http/metrics.h"
#include "platform/http/route_table.h"
#include "platform/jsonio/rows.h"

namespace bhxh {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<Owner> FacilityOwner(Db& db, const std::string& code) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province FROM facilities WHERE code = ?"));
  st->Bind(code);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("facility", "Không có cơ sở KCB " + code, "no facility " + code);
  Owner o;
  o.province = st->Text(0);
  o.facility = code;
  return o;
}

// The facilities a list may show: all (empty) for national scope, the
// account's own, or those of its province (and the old ones merged into
// it); a `facility` query narrows it, and one outside the scope is refused.
Result<std::vector<std::string>> VisibleFacilities(Call& c) {
  std::vector<std::string> facilities;
  const AccessScope& scope = c.scope();
  if (scope.scope == GrantScope::kOwn) facilities = {scope.facility};
  if (scope.scope == GrantScope::kProvince) {
    std::string in;
    for (size_t i = 0; i < scope.provinces.size(); ++i) in += i ? ",?" : "?";
    BHXH_ASSIGN_OR_RETURN(auto st, c.db().Prepare("SELECT code FROM facilities WHERE province IN (" +
                                                   (in.empty() ? std::string("NULL") : in) + ") ORDER BY code"));
    for (size_t i = 0; i < scope.provinces.size(); ++i) st->BindText(static_cast<int>(i + 1), scope.provinces[i]);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      facilities.push_back(st->Text(0));
    }
    if (facilities.empty()) facilities = {"-"};  // none: nothing is visible
  }
  if (c.Has("facility")) {
    if (scope.scope != GrantScope::kNational &&
        std::find(facilities.begin(), facilities.end(), c.Str("facility")) == facilities.end())
      return Status::Error("forbidden", "facility", "Chỉ xem được dữ liệu của cơ sở trong phạm vi của mình",
                           "facilities within the account's scope only");
    facilities = {c.Str("facility")};
  }
  return facilities;
}

}  // namespace

void ClaimsRoutes(RouteTable& t) {
  t.AddTag("claims",
           "Giám định BHYT theo chuẩn XML 130: tiếp nhận, giám định, quyết toán, cảnh báo / HI claim review (M7)");

  t.Add(Route::Post("/claims/check", "precheckClaims")
            .Tag("claims")
            .Summary("Kiểm tra trước hồ sơ XML 130 (không lưu)", "Pre-check a GIAMDINHHS envelope (nothing stored)")
            .Permission("claims.check")
            .NoDb()
            .Heavy()
            .RawBody({"application/xml", "text/xml"}, "Bản tin GIAMDINHHS (XML 130/4750/3176)", 32 << 20)
            .Returns(200, schemas::CheckReport())
            .Handle([](Call& c) -> Result<Reply> {
              auto& st = c.ctx().State<ClaimsState>();
              BHXH_ASSIGN_OR_RETURN(Envelope env, ParseEnvelope(c.RawBody()));
              return Reply::Ok(ToJson(PreCheck(env, st.schema, c.ctx().law)));
            }));

  t.Add(Route::Post("/claims", "submitClaims")
            .Tag("claims")
            .Summary("Gửi hồ sơ XML 130 để giám định", "Submit claims for review")
            .Describe(
                "Mỗi hồ sơ (MA_LK) được lưu thành một phiên bản mới; gửi lại cùng khoá được trả lại kết quả lần đầu / "
                "each encounter is stored as a new version; a retry with the same key replays the first answer.")
            .Permission("claims.submit")
            .Heavy()
            .RawBody({"application/xml", "text/xml"}, "Bản tin GIAMDINHHS (XML 130/4750/3176)", 64 << 20)
            .Idempotent(Idempotency::kRequired)
            .Returns(201, schemas::ReviewResult())
            .Returns(200, schemas::ReviewResult(), "Đã tiếp nhận trước đó / received before")
            .Handle([](Call& c) -> Result<Reply> {
              auto& st = c.ctx().State<ClaimsState>();
              auto& elig = c.ctx().State<EligibilityState>();
              BHXH_RETURN_IF_ERROR(elig.EnsureLoaded(c.ctx()));
              BHXH_RETURN_IF_ERROR(st.EnsureCatalogue(c.ctx()));
              auto cat = st.catalogue();
              ReviewDeps deps{st.schema, c.ctx().law, elig.cards(), *cat};
              auto t0 = std::chrono::steady_clock::now();
              // The key is the submitter's own: another facility's "2026-11-20-1" is another key.
              BHXH_ASSIGN_OR_RETURN(ReviewResult r, SubmitClaims(c.db(), deps, c.RawBody(),
                                                                 c.actor().id + "|" + c.idempotency_key(), c.actor()));
              Metrics::Get().Job("claims_review",
                                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
              return Reply::With(r.replayed ? 200 : 201, ToJson(r));
            }));

  {
    Schema checkin = Schema::Object({Req("maLk", Schema::String()), Req("maCSKCB", Schema::String()), Req("maThe", Schema::String()),
                                     Req("hoTen", Schema::String()), Req("ngayVao", Schema::String().Describe("yyyyMMddHHmm")),
                                     Req("maDoiTuongKcb", Schema::String()), Req("maKetQuaThe", Schema::String()),
                                     Req("ghiChu", Schema::String()), Req("thoiGianTiepNhan", Schema::String())})
                         .Named("Checkin");
    auto to_json = [](const Checkin& c) {
      return Json{{"maLk", c.ma_lk}, {"maCSKCB", c.facility}, {"maThe", c.card_code}, {"hoTen", c.full_name},
                  {"ngayVao", Stamp12(c.admitted_at)}, {"maDoiTuongKcb", c.patient_group}, {"maKetQuaThe", c.card_result},
                  {"ghiChu", c.card_message}, {"thoiGianTiepNhan", c.received_at}};
    };
    t.Add(Route::Post("/claims/checkins", "sendCheckins")
              .Tag("claims")
              .Summary("Gửi bảng check-in (XML0, QĐ 4750) khi người bệnh vào khám", "Send the check-in table (XML0) on admission")
              .Describe("Tương ứng checkInKcbQd4750 của cổng giám định; mỗi dòng được kiểm tra thẻ theo ngày vào / "
                        "the portal's checkInKcbQd4750; each card is checked on the admission date.")
              .Permission("claims.submit")
              .RawBody({"application/xml", "text/xml"}, "CHI_TIEU_TRANG_THAI_KCB (XML0)", 8 << 20)
              .Idempotent(Idempotency::kOptional)
              .Returns(201, Schema::Object({Req("maKetQua", Schema::String()), Req("thongDiep", Schema::String()),
                                            Req("thoiGianTiepNhan", Schema::String()), Req("dsKetQua", Schema::Array(checkin))}))
              .Handle([to_json](Call& c) -> Result<Reply> {
                auto& elig = c.ctx().State<EligibilityState>();
                BHXH_RETURN_IF_ERROR(elig.EnsureLoaded(c.ctx()));
                std::string own = c.scope().scope == GrantScope::kOwn ? c.scope().facility : "";
                BHXH_ASSIGN_OR_RETURN(CheckinResult r, ReceiveCheckins(c.db(), elig.cards(), c.RawBody(), own, c.actor()));
                if (!r.errors.empty()) return Reply::With(422, RowsRejectedJson(r.errors, "Bảng check-in", "the check-in table"));
                Json rows = Json::array();
                for (const auto& x : r.rows) rows.push_back(to_json(x));
                return Reply::Created({{"maKetQua", "200"},
                                       {"thongDiep", "Tiếp nhận " + std::to_string(r.rows.size()) + " lượt check-in"},
                                       {"thoiGianTiepNhan", r.received_at},
                                       {"dsKetQua", rows}});
              }));
    t.Add(Route::Get("/claims/checkins", "listCheckins")
              .Tag("claims")
              .Summary("Các lượt check-in trong một ngày", "Check-ins of a day")
              .Permission("claims.submissions.read")
              .Query("facility", S::FacilityCode(), "Cơ sở KCB / facility")
              .Query("day", S::Date(), "Ngày vào (mặc định hôm nay) / admission day", false)
              .Returns(200, Schema::Object({Req("checkins", Schema::Array(checkin))}))
              .Handle([to_json](Call& c) -> Result<Reply> {
                BHXH_ASSIGN_OR_RETURN(std::vector<std::string> facilities, VisibleFacilities(c));
                BHXH_ASSIGN_OR_RETURN(auto rows, ListCheckins(c.db(), facilities, c.DateOr("day", Date::Today()), 1000));
                Json a = Json::array();
                for (const auto& x : rows) a.push_back(to_json(x));
                return Reply::Ok({{"checkins", a}});
              }));
  }

  t.Add(Route::Get("/claims/submissions", "listSubmissions")
            .Tag("claims")
            .Summary("Các lần gửi hồ sơ, mới nhất trước", "Claim submissions, newest first")
            .Describe("Cơ sở KCB chỉ thấy các lần gửi của mình / a facility sees its own.")
            .Permission("claims.submissions.read")
            .Query("facility", S::FacilityCode(), "Cơ sở KCB / facility")
            .Query("from", S::Date(), "Từ ngày nhận / received from")
            .Query("to", S::Date(), "Đến ngày nhận / received through")
            .Paged(50, 500)
            .Returns(200, Schema::Object({Req("submissions", Schema::Array(schemas::SubmissionSummary())), Req("page", PageSchema())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(std::vector<std::string> facilities, VisibleFacilities(c));
              BHXH_ASSIGN_OR_RETURN(auto page, ListSubmissions(c.db(), facilities, c.Str("from"), c.Str("to"), c.page().limit,
                                                               c.page().offset));
              Json out = {{"submissions", Json::array()}};
              for (const auto& s : page.items) out["submissions"].push_back(ToJson(s));
              c.PageInfo(out, page.total, static_cast<int64_t>(page.items.size()));
              return Reply::Ok(out);
            }));

  t.Add(Route::Get("/claims/submissions/{txn}", "getSubmission")
            .Tag("claims")
            .Summary("Một lần gửi: từng hồ sơ, lỗi phát hiện, từng dòng chấp nhận và xuất toán",
                     "One submission: each encounter, its findings, each line approved and rejected")
            .Permission("claims.submissions.read")
            .PathParam("txn", S::Text(60).Length(1, 60), "Mã giao dịch (maGiaoDich) / the transaction code")
            .OwnedBy([](Call& c) -> Result<Owner> {
              BHXH_ASSIGN_OR_RETURN(std::string f, SubmissionFacility(c.db(), c.Path("txn")));
              return FacilityOwner(c.db(), f);
            })
            .Returns(200, schemas::ReviewResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(ReviewResult r, LoadSubmission(c.db(), c.Path("txn")));
              return Reply::Ok(ToJson(r));
            }));

  t.Add(Route::Get("/claims/{facility}/{ma_lk}", "claimVersions")
            .Tag("claims")
            .Summary("Mọi phiên bản của một hồ sơ (MA_LK), phiên bản đang có hiệu lực", "Every version of one encounter, and the current one")
            .Permission("claims.submissions.read")
            .PathParam("facility", S::FacilityCode(), "Cơ sở KCB / facility")
            .PathParam("ma_lk", S::Text(100).Length(1, 100), "Mã liên kết hồ sơ / the encounter's MA_LK")
            .OwnedBy([](Call& c) { return FacilityOwner(c.db(), c.Path("facility")); })
            .Returns(200, Schema::Object({Req("facility", Schema::String()), Req("ma_lk", Schema::String()),
                                          Req("versions", Schema::Array(schemas::ClaimVersion()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto versions, ClaimVersions(c.db(), c.Path("facility"), c.Path("ma_lk")));
              Json out = Json::array();
              for (const auto& v : versions) out.push_back(ToJson(v));
              return Reply::Ok({{"facility", c.Path("facility")}, {"ma_lk", c.Path("ma_lk")}, {"versions", out}});
            }));

  t.Add(Route::Post("/egw/KQNhanLichSuKCB2024", "portalCardLookup")
            .Tag("claims")
            .Summary("Tra cứu thẻ và lịch sử KCB theo mẫu của cổng giám định (KQNhanLichSuKCB2024)",
                     "Card and visit-history lookup in the assessment portal's shape")
            .Permission("eligibility.check")
            .JsonBody(Schema::Object(
                {Req("maThe", Schema::String().Pattern("[A-Z]{2}\\d{13}|\\d{10}", "mã thẻ 15 ký tự hoặc mã số BHXH 10 số",
                                                       "a 15-character card code or a 10-digit SI number")),
                 Req("hoTen", S::Text(100).Length(1, 100)), Req("ngaySinh", S::Text(10).Length(4, 10)),
                 Opt("hoTenCb", S::Text(100)), Opt("cccdCb", S::Text(12)), Opt("maCSKCB", S::FacilityCode())}))
            .Returns(200, Schema::Object({Req("maKetQua", Schema::String()), Req("ghiChu", Schema::String()),
                                          Opt("maThe", Schema::String()), Opt("maSoBHXH", Schema::String()),
                                          Opt("hoTen", Schema::String()), Opt("ngaySinh", Schema::String()),
                                          Opt("gioiTinh", Schema::String()), Opt("maDKBD", Schema::String()),
                                          Opt("gtTheTu", Schema::String()), Opt("gtTheDen", Schema::String()),
                                          Opt("ngayDu5Nam", Schema::String()), Opt("maKV", Schema::String()),
                                          Opt("mucHuong", Schema::Integer()),
                                          Req("dsLichSuKCB2018", Schema::Array(Schema::Object(
                                                                     {Req("maHoSo", Schema::String()), Req("maCSKCB", Schema::String()),
                                                                      Req("ngayVao", Schema::String()), Req("ngayRa", Schema::String()),
                                                                      Req("maBenh", Schema::String()), Req("tenBenh", Schema::String()),
                                                                      Req("kqDieuTri", Schema::String()), Req("lyDoVV", Schema::String())})))})
                              .Named("PortalCardAnswer"))
            .Handle([](Call& c) -> Result<Reply> {
              auto& st = c.ctx().State<EligibilityState>();
              BHXH_RETURN_IF_ERROR(st.EnsureLoaded(c.ctx()));
              BHXH_ASSIGN_OR_RETURN(std::string dob, PortalDateToIso(c.BodyStr("ngaySinh"), "ngaySinh"));
              std::string facility = c.BodyStr("maCSKCB").empty() ? c.actor().facility_code : c.BodyStr("maCSKCB");
              EligibilityQuery q{c.BodyStr("maThe"), facility, "", c.BodyStr("hoTen"), dob};
              BHXH_ASSIGN_OR_RETURN(EligibilityAnswer a, st.Check(c.ctx(), q, &c.db()));
              std::vector<PastVisit> visits;
              // The history goes only with a card that answered (not to a wrong name or birth date).
              if (a.card && a.code != "060" && a.code != "061" && a.code != "070") {
                BHXH_ASSIGN_OR_RETURN(visits, RecentVisits(c.db(), a.card->si_number, 20));
              }
              return Reply::Ok(PortalCardAnswer(a, visits));
            }));

  t.Add(Route::Post("/catalogues/{kind}", "importCatalogue")
            .Tag("claims")
            .Summary("Nhập danh mục: thuốc, dịch vụ, vật tư, cơ sở KCB (CSV hoặc XLSX)",
                     "Import a catalogue (CSV or XLSX)")
            .Permission("claims.catalogue.write")
            .PathParam("kind", S::OneOf({"drugs", "services", "supplies", "facilities"}), "Loại danh mục / catalogue")
            .RawBody({"text/csv", kXlsx}, "CSV hoặc XLSX có dòng tiêu đề / CSV or XLSX with a header row", 64 << 20)
            .Heavy()
            .Returns(201, schemas::ImportResult())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(ImportResult r, ImportCatalogue(c.db(), c.Path("kind"), c.RawBody(), c.actor()));
              if (!r.accepted) return Reply::With(422, RowsRejectedJson(r.errors, "Danh mục", "the catalogue"));
              BHXH_RETURN_IF_ERROR(c.ctx().State<ClaimsState>().ReloadCatalogue(c.ctx()));
              return Reply::Created(ToJson(r));
            }));

  t.Add(Route::Get("/settlements", "settlement")
            .Tag("claims")
            .Summary("Quyết toán chi phí KCB BHYT theo quý của một cơ sở", "A facility's quarterly settlement")
            .Permission("claims.settlement.read")
            .Query("facility", S::FacilityCode(), "Mã cơ sở KCB / facility", true)
            .Query("quarter", S::Quarter(), "Quý YYYY-Qn / quarter", true)
            .OwnedBy([](Call& c) { return FacilityOwner(c.db(), c.Str("facility")); })
            .Returns(200, schemas::Settlement())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Settlement s, SettleQuarter(c.db(), c.Str("facility"), c.Str("quarter")));
              return Reply::Ok(ToJson(s));
            }));

  t.Add(Route::Post("/advances", "recordAdvance")
            .Tag("claims")
            .Summary("Lập khoản tạm ứng chi phí KCB cho cơ sở (chờ cán bộ khác duyệt)",
                     "Prepare an advance to a facility (waits for another officer's approval)")
            .Permission("claims.settlement.write")
            .JsonBody(
                Schema::Object({Req("facility", S::FacilityCode()), Req("quarter", S::Quarter()),
                                Req("amount", S::Money().Range(1, 1'000'000'000'000'000LL)), Req("paid_on", S::Date()),
                                Req("reference", S::Text(100).Length(1, 100)), Opt("idempotency_key", S::Key())}))
            .Idempotent(Idempotency::kRequired)
            .OwnedBy([](Call& c) { return FacilityOwner(c.db(), c.BodyStr("facility")); })
            .Returns(201, schemas::Advance())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Advance a, RecordAdvance(c.db(),
                                                             {c.BodyStr("facility"), c.BodyStr("quarter"),
                                                              c.BodyStr("amount"), c.BodyStr("paid_on"),
                                                              c.BodyStr("reference")},
                                                             c.actor()));
              return Reply::Created(ToJson(a));
            }));

  t.Add(Route::Post("/advances/{id}/decision", "decideAdvance")
            .Tag("claims")
            .Summary("Duyệt hoặc từ chối khoản tạm ứng — không phải người lập",
                     "Approve or reject an advance — not by whoever prepared it")
            .Permission("claims.settlement.approve")
            .PathParam("id", S::Text(18).Pattern(R"(\d{1,18})", "số", "a number"), "Số khoản tạm ứng / advance number")
            .JsonBody(Schema::Object({Req("approve", S::Bool()), Opt("note", S::Text(2000))}))
            .Idempotent(Idempotency::kOptional)
            .OwnedBy([](Call& c) -> Result<Owner> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, ParseInt(c.Path("id"), "id", 1));
              BHXH_ASSIGN_OR_RETURN(auto st, c.db().Prepare("SELECT facility FROM advances WHERE id = ?"));
              st->BindInt(1, id);
              BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
              if (!row) return Status::NotFound("id", "Không có khoản tạm ứng số " + std::to_string(id),
                                                "no advance " + std::to_string(id));
              return FacilityOwner(c.db(), st->Text(0));
            })
            .Returns(200, schemas::Advance())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(int64_t id, ParseInt(c.Path("id"), "id", 1));
              BHXH_ASSIGN_OR_RETURN(Advance a,
                                    DecideAdvance(c.db(), id, c.Body()["approve"].get<bool>(), c.BodyStr("note"), c.actor()));
              return Reply::Ok(ToJson(a));
            }));

  t.Add(Route::Get("/advances", "listAdvances")
            .Tag("claims")
            .Summary("Các khoản tạm ứng cho cơ sở KCB", "Advances to facilities")
            .Permission("claims.settlement.read")
            .Query("facility", S::FacilityCode(), "Mã cơ sở KCB / facility")
            .Query("status", S::OneOf({"pending", "approved", "rejected"}), "Trạng thái / status")
            .Returns(200, Schema::Object({Req("advances", Schema::Array(schemas::Advance()))}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(std::vector<std::string> facilities, VisibleFacilities(c));
              BHXH_ASSIGN_OR_RETURN(auto rows, ListAdvances(c.db(), facilities, c.Str("status"), 500));
              Json a = Json::array();
              for (const auto& r : rows) a.push_back(ToJson(r));
              return Reply::Ok({{"advances", a}});
            }));

  t.Add(
      Route::Get("/drug-prices", "drugPrices")
          .Tag("claims")
          .Summary("Công khai giá thuốc trúng thầu của các cơ sở KCB", "Published winning-bid drug prices")
          .Permission("claims.prices.read")
          .Query("province", S::ProvinceCode(), "Tỉnh / province")
          .Query("facility", S::FacilityCode(), "Cơ sở KCB / facility")
          .Query("date", S::Date(), "Giá có hiệu lực ngày (mặc định hôm nay) / in force on")
          .Query("format", S::OneOf({"json", "csv", "xlsx"}), "json (mặc định, phân trang), csv, xlsx")
          .Paged(100, 5000)
          .Returns(200,
                   Schema::Object({Req("prices", Schema::Array(schemas::PublishedPrice())), Req("page", PageSchema())}))
          .ReturnsFile(200, {"text/csv", kXlsx}, "Bảng giá (format=csv hoặc xlsx) / the price list as a file")
          .Handle([](Call& c) -> Result<Reply> {
            BHXH_ASSIGN_OR_RETURN(auto r, PublishedPrices(c.db(), c.Str("province"), c.Str("facility"), c.Str("date")));
            std::string f = c.Str("format", "json");
            if (f == "csv") return Reply::File(PricesCsv(r), "text/csv; charset=utf-8", "gia-thuoc-trung-thau.csv");
            if (f == "xlsx") {
              BHXH_ASSIGN_OR_RETURN(std::string x, PricesXlsx(r, c.DateOr("date", Date::Today())));
              return Reply::File(std::move(x), kXlsx, "gia-thuoc-trung-thau.xlsx");
            }
            Json all = Json::array();
            for (const auto& p : r) all.push_back(ToJson(p));
            Json out = Json::object();
            c.Paginate(out, "prices", std::move(all));
            return Reply::Ok(out);
          }));

  t.Add(Route::Get("/alerts", "costAlerts")
            .Tag("claims")
            .Summary("Cảnh báo gia tăng chi phí KCB bất thường hằng ngày (Nghị định 75/2023)",
                     "Daily alerts of abnormal cost rises")
            .Describe("Cơ sở KCB chỉ thấy cảnh báo của mình / a facility sees only its own alerts.")
            .Permission("claims.alerts.read")
            .Query("date", S::Date(), "Ngày (mặc định: ngày gần nhất có hồ sơ) / day, default the latest day with claims")
            .Query("province", S::ProvinceCode(), "Tỉnh / province")
            .Query("facility", S::FacilityCode(), "Cơ sở KCB / facility")
            .Query("format", S::OneOf({"json", "csv"}), "json (mặc định) hoặc csv")
            .Heavy()
            .Returns(200, schemas::AlertRun())
            .ReturnsFile(200, {"text/csv"}, "Danh sách cảnh báo (format=csv) / alerts as CSV")
            .Handle([](Call& c) -> Result<Reply> {
              auto& st = c.ctx().State<ClaimsState>();
              BHXH_RETURN_IF_ERROR(st.EnsureCatalogue(c.ctx()));
              auto cat = st.catalogue();
              Date day = Date::Today();
              if (c.Has("date")) {
                day = c.DateOr("date", day);
              } else {
                BHXH_ASSIGN_OR_RETURN(day, LatestClaimDay(c.db(), day));
              }
              BHXH_ASSIGN_OR_RETURN(AlertRun r, DailyAlerts(c.db(), *cat, st.alert_params, day, c.Str("province")));
              std::string facility = c.Str("facility");
              const AccessScope& s = c.scope();
              std::erase_if(r.alerts, [&](const CostAlert& x) {
                if (!facility.empty() && x.facility != facility) return true;
                if (s.scope == GrantScope::kOwn) return x.facility != s.facility;
                if (s.scope == GrantScope::kProvince)
                  return std::find(s.provinces.begin(), s.provinces.end(), x.province) == s.provinces.end();
                return false;
              });
              if (c.Str("format") == "csv")
                return Reply::File(AlertsCsv(r), "text/csv; charset=utf-8", "canh-bao-chi-phi.csv");
              return Reply::Ok(ToJson(r));
            }));
}

}  // namespace bhxh
