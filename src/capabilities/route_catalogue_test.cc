// Every route of the assembled system, tried two ways:
//  1. the access matrix: each role (officer, employer, facility, citizen,
//     no token) on an object inside its scope and one outside, against what
//     data/access/roles.csv grants — a route added without a sample here, or
//     whose answer disagrees with the policy, fails the test;
//  2. the malformed-input catalogue, generated from each route's declared
//     schemas: broken JSON, a body of the wrong kind, each required field
//     missing, each field of the wrong type, an unknown field, a bad query
//     parameter, a raw body of the wrong type — each a clear error naming
//     the field, and nothing stored (the audit trail does not grow: every
//     write writes its audit row in the same transaction).
#include <gtest/gtest.h>

#include <set>

#include "benefits/cases.h"
#include "benefits/module.h"
#include "claims/settlement.h"
#include "claims/synth.h"
#include "funds/module.h"
#include "funds/proposals.h"
#include "inspection/records.h"
#include "officials/complaints.h"
#include "officials/module.h"
#include "platform/access/accounts.h"
#include "services/module.h"
#include "services/quality.h"
#include "testing/api_fixture.h"

namespace bhxh {
namespace {

struct Sample {
  std::string method, path;
  std::map<std::string, std::string> query;
  std::string body;
  std::string content_type;
  std::set<int> ok = {200, 201};  // answers that mean "allowed and done"
};

// {EMP}, {CCCD}, {FAC}: the caller's own employer, person and facility
// (inside); the "outside" variant swaps in another's.
const std::map<std::string, Sample>& Samples() {
  static const std::map<std::string, Sample> kSamples = {
      {"health", {"GET", "/health"}},
      {"healthz", {"GET", "/healthz"}},
      {"readyz", {"GET", "/readyz"}},
      {"metrics", {"GET", "/metrics"}},
      {"openapi", {"GET", "/openapi.json"}},
      {"auditTrail", {"GET", "/audit", {{"limit", "5"}}}},
      {"registerOfficial",
       {"POST", "/officials", {},
        R"({"code":"CB9","full_name":"Lê Thị Thu","sex":"female","birth_date":"1985-01-01","unit":"Phòng Thu","province":"01","position":"thu_bhxh","position_since":"2022-01-01"})",
        "", {201, 409}}},
      {"listOfficials", {"GET", "/officials"}},
      {"assignOfficialPosition", {"POST", "/officials/{OFF}/position", {}, R"({"position":"ke_toan","since":"2026-01-05"})", "", {200, 422}}},
      {"submitAssetDeclaration",
       {"POST", "/officials/{OFF}/asset-declarations", {},
        R"({"kind":"annual","year":2025,"submitted_on":"2025-12-20","items":[{"kind":"house","description":"Nhà ở","value":2000000000}],"income":300000000})",
        "", {200, 201}}},
      {"assetDeclarationStatus", {"GET", "/officials/asset-declarations", {{"year", "2025"}}}},
      {"drawAssetVerification", {"POST", "/officials/verifications", {}, R"({"year":2026,"unit":"Phòng Thu"})", "", {200, 201}}},
      {"recordAssetVerification",
       {"POST", "/officials/verifications/1/results", {}, R"({"official_code":"CB01","result":"consistent"})", "", {200, 404, 409}}},
      {"rotationPlan", {"GET", "/officials/rotation", {{"year", "2026"}}}},
      {"receiveComplaint",
       {"POST", "/complaints", {},
        R"({"kind":"complaint","received_on":"2026-11-02","complainant":"Nguyễn Văn B","subject":"Chậm giải quyết chế độ ốm đau","unit":"Phòng Chế độ","province":"01"})",
        "", {200, 201}}},
      {"listComplaints", {"GET", "/complaints"}},
      {"decideComplaint", {"POST", "/complaints/{CMP}/decision", {}, R"({"accept":true,"on":"2026-11-05","assigned_to":"Phòng Chế độ"})", "", {200, 409}}},
      {"answerComplaint", {"POST", "/complaints/{CMP}/answer", {}, R"({"on":"2026-11-20","answer":"Đã giải quyết"})", "", {200, 409}}},
      {"rankEmployersByRisk", {"GET", "/inspection/risk", {{"as_of", "2025-09-30"}}}},
      {"importTaxWorkforce",
       {"POST", "/inspection/tax-workforce", {{"source", "Cục Thuế"}}, "tax_code,year,employees\n0101234567,2025,40\n", "text/csv"}},
      {"calculateFine", {"POST", "/inspection/fine", {}, R"({"clause":"39.5","total_due":100000000})"}},
      {"openInspection",
       {"POST", "/inspection/inspections", {}, R"({"employer_code":"{EMP}","decision_no":"1/QĐ-TTr","decided_on":"2026-03-02"})", "",
        {200, 201}}},
      {"listInspections", {"GET", "/inspection/inspections"}},
      {"getInspection", {"GET", "/inspection/inspections/{INSP}"}},
      {"recordInspectionFinding",
       {"POST", "/inspection/inspections/{INSP}/findings", {}, R"({"clause":"39.5","description":"Chậm đóng","total_due":1000000})", "",
        {201, 409}}},
      // 409 also when the caller recorded a finding of it (four eyes).
      {"concludeInspection", {"POST", "/inspection/inspections/{INSP}/conclusion", {}, R"({"concluded_on":"2026-11-30"})", "", {200, 409}}},
      {"recordInspectionRecovery",
       {"POST", "/inspection/inspections/{INSP}/recoveries", {},
        R"({"finding_id":1,"amount":1000,"paid_on":"2026-11-30","reference":"BL-1"})", "", {201, 404, 409}}},
      {"drawPostAudit", {"POST", "/inspection/post-audits", {}, R"({"label":"Thử","from":"2025-01-01","to":"2025-12-31"})", "", {200, 201}}},
      {"getPostAudit", {"GET", "/inspection/post-audits/1", {}, "", "", {200, 404}}},
      {"recordPostAuditResult",
       {"POST", "/inspection/post-audits/1/results", {}, R"({"kind":"declaration","ref":"1","result":"ok"})", "", {200, 404, 409}}},
      {"verifyAuditTrail", {"GET", "/audit/verify"}},
      {"sealAuditTrail", {"POST", "/audit/seals"}},
      {"listAuditSeals", {"GET", "/audit/seals"}},
      {"exportAuditTrail", {"GET", "/audit/export", {{"from", "1"}}}},
      {"verifyAuditExport",
       {"POST", "/audit/export/verify", {},
        R"({"seq":1,"at":"2026-12-01T00:00:00Z","actor":"a","action":"b","entity":"c","entity_key":"","detail":"","prev_hash":"0","row_hash":"1"})",
        "application/x-ndjson"}},
      {"revokeToken", {"POST", "/accounts/officer:spare/revoke", {}, "", "", {200, 404}}},
      {"calculateBenefit",
       {"POST", "/calc/benefit", {},
        R"({"regime":"funeral","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1970"}})"}},
      {"prepareBenefitCase",
       {"POST", "/benefits/cases", {},
        R"({"cccd":"{CCCD}","request":{"regime":"funeral","event_date":"2025-09-10"},"cash_point":"UBND phường"})"}},
      {"listBenefitCases", {"GET", "/benefits/cases"}},
      {"getBenefitCase", {"GET", "/benefits/cases/{CASE}"}},
      {"decideBenefitCase", {"POST", "/benefits/cases/{CASE}/decision", {}, R"({"approve":false,"note":"Thử"})", "", {200, 409}}},
      {"listBeneficiaries", {"GET", "/benefits/beneficiaries"}},
      {"runBenefitPayroll", {"POST", "/benefits/payrolls", {}, R"({"month":"2025-09"})", "", {201, 409}}},
      {"getBenefitPayroll", {"GET", "/benefits/payrolls/2025-09", {}, "", "", {200, 404}}},
      {"benefitPayrollBankFile", {"GET", "/benefits/payrolls/2025-09/bank-file", {}, "", "", {200, 404}}},
      {"benefitPayrollCashList", {"GET", "/benefits/payrolls/2025-09/cash-list", {}, "", "", {200, 404}}},
      {"notifyBenefitDeaths", {"POST", "/benefits/deaths", {}, "cccd,death_date\n{DYING},2026-01-02\n", "text/csv"}},
      {"importCommuneTypes", {"POST", "/benefits/commune-types", {}, "province,commune,type\n01,00001,urban\n", "text/csv"}},
      {"importDevelopmentData",
       {"POST", "/development/imports/tax_employers", {{"year", "2025"}}, "tax_code,workers,wage_cost\n0101234567,40,4800000000\n",
        "text/csv", {200, 201}}},
      {"runDevelopmentMatch", {"POST", "/development/matches", {}, R"({"year":2025,"as_of":"2026-03-15"})", "", {201, 404}}},
      {"listDevelopmentMatches", {"GET", "/development/matches"}},
      {"listDevelopmentFindings", {"GET", "/development/findings", {{"year", "2025"}}}},
      {"exportDevelopmentFindings", {"GET", "/development/findings/export", {{"year", "2025"}}}},
      {"getDevelopmentFinding", {"GET", "/development/findings/1", {}, "", "", {200, 404}}},
      {"followUpDevelopmentFinding",
       {"POST", "/development/findings/1/follow-up", {}, R"({"status":"contacted","note":"Gọi điện"})", "", {200, 404}}},
      {"developmentCoverage", {"GET", "/development/communes", {{"as_of", "2026-03-15"}}}},
      {"developmentPeople", {"GET", "/development/communes/{PROV}/00001/people", {{"reason", "voluntary"}}}},
      {"listFundAccounts", {"GET", "/funds/accounts"}},
      {"postFundEntry",
       {"POST", "/funds/entries", {},
        R"({"posted_on":"2026-06-30","description":"Chi phí quản lý","lines":[{"account":"management_cost","fund":"retirement","debit":1000},{"account":"cash","fund":"retirement","credit":1000}]})"}},
      {"listFundEntries", {"GET", "/funds/entries", {{"period", "2026"}}}},
      {"listFundProposals", {"GET", "/funds/proposals"}},
      {"listProcedures", {"GET", "/services/procedures"}},
      {"serviceCalendar", {"GET", "/services/calendar", {{"year", "2026"}}}},
      {"setCalendarDay", {"POST", "/services/calendar", {}, R"({"date":"2026-12-31","kind":"day_off","name":"Nghỉ thử","source":"TB 1/TB"})"}},
      {"computeDeadline", {"GET", "/services/deadline", {{"procedure", "600"}, {"received_at", "2026-04-29T08:00"}}}},
      {"fileDossier",
       {"POST", "/dossiers", {},
        R"({"procedure":"SO-01","province":"{PROV}","filer_kind":"employer","filer_id":"{EMP}","employer_code":"{EMP}","cccd":"{CCCD}","filer_name":"Công ty","payload":{"commune":"00002"}})",
        "", {200, 201}}},
      {"listDossiers", {"GET", "/dossiers", {{"open", "true"}}}},
      {"getDossier", {"GET", "/dossiers/{DOS}"}},
      {"handOverDossier", {"POST", "/dossiers/{DOS}/handover", {}, R"({"to_unit":"Phòng Cấp sổ, thẻ","to_officer":"cb1"})", "", {200, 409}}},
      {"requestDossierSupplement", {"POST", "/dossiers/{DOS}/supplement-request", {}, R"({"missing":["Tờ khai TK1-TS"]})", "", {200, 409}}},
      {"receiveDossierSupplement", {"POST", "/dossiers/{DOS}/supplement-received", {}, "{}", "", {200, 409}}},
      {"refuseDossier", {"POST", "/dossiers/{DOS}/refusal", {}, R"({"reasons":["Không đúng đối tượng"]})", "", {200, 409}}},
      {"apologiseForDossier",
       {"POST", "/dossiers/{DOS}/apology", {}, R"({"new_due":"2027-01-05","reason":"Chờ xác minh"})", "", {200, 409}}},
      {"returnDossierResult", {"POST", "/dossiers/{DOS}/result", {}, "{}", "", {200, 409}}},
      {"rateDossier",
       {"POST", "/dossiers/{DOS}/rating", {},
        R"({"accessibility":5,"procedures":4,"service_quality":5,"results":5,"feedback_handling":4})", "", {200, 409}}},
      {"attachToDossier", {"POST", "/dossiers/{DOS}/attachments", {{"name", "don.pdf"}}, "%PDF-1.4", "application/pdf", {201, 409}}},
      {"getDossierAttachment", {"GET", "/dossiers/{DOS}/attachments/1", {}, "", "", {200, 404}}},
      {"dossierSlip", {"GET", "/dossiers/{DOS}/slips/01"}},
      {"trackingBook", {"GET", "/services/tracking-book", {{"from", "2026-11-01"}, {"to", "2026-11-30"}}}},
      {"serviceIndicators", {"GET", "/services/indicators", {{"from", "2026-11-01"}, {"to", "2026-11-30"}}}},
      {"sendFeedback", {"POST", "/services/feedback", {}, R"({"province":"{PROV}","subject":"Hỏi","content":"Nội dung","cccd":"{CCCD}","from_name":"Nguyễn Văn A"})"}},
      {"listFeedback", {"GET", "/services/feedback"}},
      {"answerFeedback", {"POST", "/services/feedback/{FB}/answer", {}, R"({"on":"2026-11-05","answer":"Đã trả lời"})", "", {200, 409}}},
      {"judgeFeedbackAnswer", {"POST", "/services/feedback/{FB}/judgement", {}, R"({"satisfied":true})", "", {200, 409}}},
      {"decideAdvance", {"POST", "/advances/{ADV}/decision", {}, R"({"approve":true})", "", {200, 409}}},
      {"listAdvances", {"GET", "/advances", {{"status", "pending"}}}},
      {"decideFundProposal", {"POST", "/funds/proposals/1/decision", {}, R"({"approve":true})", "", {200, 409}}},
      {"getFundEntry", {"GET", "/funds/entries/1", {}, "", "", {200, 404}}},
      {"reverseFundEntry", {"POST", "/funds/entries/1/reversal", {}, R"({"posted_on":"2026-07-01","reason":"Thử"})", "", {201, 404, 409}}},
      {"postFundSources", {"POST", "/funds/postings", {}, R"({"month":"2025-09"})"}},
      {"listFundPeriods", {"GET", "/funds/periods"}},
      {"closeFundPeriod", {"POST", "/funds/periods/2025-01/close", {}, "", "", {200, 409}}},
      {"getTrialBalance", {"GET", "/funds/trial-balance", {{"period", "2025"}}}},
      {"getFundStatements", {"GET", "/funds/statements", {{"period", "2025-Q3"}}}},
      {"getPortfolio", {"GET", "/funds/investments"}},
      {"getFundStatistics", {"GET", "/funds/statistics/2025"}},
      {"addInvestment",
       {"POST", "/funds/investments", {},
        R"({"fund":"retirement","kind":"government_bond","issuer":"Kho bạc Nhà nước","reference":"TD-THU-1","amount":1000000000,"rate":3.1,"purchased_on":"2026-01-15","matures_on":"2031-01-15"})"}},
      {"accrueFundInterest", {"POST", "/funds/interest", {}, R"({"month":"2026-02"})"}},
      {"getRealisedYield", {"GET", "/funds/yield/2026", {}, "", "", {200, 404}}},
      {"publishRealisedYield", {"POST", "/funds/yield/2025/publish", {}, "", "", {200, 404}}},
      {"saveInvestmentPlan", {"POST", "/funds/plans/2026", {}, R"({"rows":[{"kind":"government_bond","amount":1000000000}]})"}},
      {"checkInvestmentPlan", {"GET", "/funds/plans/2026", {}, "", "", {200, 404}}},
      {"projectFund", {"POST", "/funds/projection", {}, R"({"set":{"years":10}})"}},
      {"compareFundScenarios", {"GET", "/funds/scenarios"}},
      {"forecastFundShort", {"GET", "/funds/forecast", {{"fund", "retirement"}, {"month", "2026-06"}}, "", "", {200, 404}}},
      {"forecastFundsMedium", {"GET", "/funds/forecast/medium", {{"month", "2026-06"}}, "", "", {200, 404}}},
      {"makeFundEstimates", {"POST", "/funds/estimates", {}, R"({"year":2027,"as_of":"2026-06"})", "", {201, 404}}},
      {"compareFundEstimates", {"GET", "/funds/estimates/2027", {}, "", "", {200, 404}}},
      {"calculateContribution", {"POST", "/calc/contribution", {}, R"({"month":"2025-08","salary":10000000,"region":1})"}},
      {"lawInForce", {"GET", "/law/in-force", {{"date", "2025-07-01"}}}},
      {"lawHistory", {"GET", "/law/history/reference_level"}},
      {"provinces", {"GET", "/provinces"}},
      {"registerPerson",
       {"POST", "/persons", {}, R"({"cccd":"001090011111","full_name":"Lê Văn Mới","dob":"1990-01-01","sex":"male","province":"01"})", "",
        {201, 409}}},
      {"searchPersons", {"GET", "/persons", {{"q", "nguyen"}}}},
      {"getPerson", {"GET", "/persons/{CCCD}"}},
      {"recordDeath", {"POST", "/persons/{DYING}/deceased", {}, R"({"deceased_on":"2026-01-02"})"}},
      {"personHistory", {"GET", "/persons/{CCCD}/history"}},
      {"benefitRequestFromRecord",
       {"GET", "/persons/{CCCD}/benefit-request", {{"regime", "pension"}, {"event_date", "2031-06-30"}, {"assume_continued", "true"}}}},
      {"participantNotice", {"GET", "/persons/{CCCD}/notice", {{"month", "2025-10"}}}},
      {"participantNoticePage", {"GET", "/persons/{CCCD}/notice/page", {{"month", "2025-10"}}}},
      {"registerEmployer",
       {"POST", "/employers", {}, R"({"code":"01A9","tax_code":"0109999999","name":"Công ty Mới","type":"enterprise","province":"01","region":1})",
        "", {201, 409}}},
      {"getEmployer", {"GET", "/employers/{EMP}"}},
      {"setEmployerStatus", {"POST", "/employers/{EMP}/status", {}, R"({"status":"active","effective_from":"2020-01-01"})"}},
      {"employerStatement", {"GET", "/employers/{EMP}/statement", {{"as_of", "2025-09-30"}}}},
      {"employerC12", {"GET", "/employers/{EMP}/c12", {{"month", "2025-08"}}}},
      {"issueCard",
       {"POST", "/cards", {}, R"({"cccd":"001085012345","code":"DN4010112345678","valid_from":"2027-01-01","valid_to":"2027-12-31","facility":"01001"})",
        "", {201, 409}}},
      {"addPeriod", {"POST", "/periods", {}, R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2030-01","salary":2000000})", "", {201, 409}}},
      {"submitDeclaration",
       {"POST", "/declarations", {},
        R"({"employer_code":"{EMP}","month":"2025-09","rows":[{"action":"salary","cccd":"{WORKER}","effective_month":"2025-09","salary":11000000}]})",
        "", {201, 422}}},
      {"runCollection", {"POST", "/collections", {}, R"({"month":"2025-08"})"}},
      {"postPayment", {"POST", "/payments", {}, R"({"employer_code":"{EMP}","paid_on":"2025-09-10","amount":100000,"reference":"UNC-M"})"}},
      {"importBankStatement",
       {"POST", "/payments/bank-statement", {}, "employer_code,paid_on,amount,reference\n01A1,2025-09-11,5000,NH-1\n", "text/csv"}},
      {"arrearsReport", {"GET", "/arrears", {{"as_of", "2025-09-30"}}}},
      {"checkCard", {"GET", "/eligibility", {{"id", "001085012345"}, {"date", "2026-11-20"}}}},
      {"portalCardLookup", {"POST", "/egw/KQNhanLichSuKCB2024", {}, R"({"maThe":"0101234567","hoTen":"Nguyễn Văn A","ngaySinh":"1985"})"}},
      {"login", {"POST", "/auth/login", {}, R"({"username":"canbo","password":"Demo@2026bhxh"})"}},
      {"verifyLogin", {"POST", "/auth/verify", {}, R"({"challenge":"c.unknown","code":"123456"})", "", {401}}},
      {"listOutbox", {"GET", "/outbox", {{"pending", "true"}}}},
      {"listIdentityProviders", {"GET", "/identity/providers"}},
      {"startEnrolment",
       {"POST", "/identity/enrolments", {},
        R"({"cccd":"079085054321","full_name":"Trần Văn Bình","birth_date":"05/05/1985","phone":"0912345678","password":"MatKhau@2026x"})",
        "", {200, 429}}},
      {"confirmEnrolment", {"POST", "/identity/enrolments/confirm", {}, R"({"challenge":"c.unknown","code":"123456"})", "", {401}}},
      // No provider is configured in data/: the hand-off says so.
      {"identityHandOff", {"POST", "/identity/handoff", {}, R"({"id_token":"eyJhbGciOiJFUzI1NiJ9.e30.c2ln"})", "", {503}}},
      {"logout", {"POST", "/auth/logout"}},
      {"me", {"GET", "/auth/me"}},
      {"getJob", {"GET", "/jobs/collection-1", {}, "", "", {200, 404}}},
      {"startCollection", {"POST", "/collections/jobs", {}, R"({"month":"2025-08"})", "", {202, 503}}},
      {"listSubmissions", {"GET", "/claims/submissions", {{"facility", "{FAC}"}}}},
      {"sendCheckins",
       {"POST", "/claims/checkins", {},
        "<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB><TRANG_THAI_KCB><MA_LK>CI1</MA_LK><STT>1</STT><HO_TEN>Nguyễn Văn A</HO_TEN>"
        "<MA_THE_BHYT>DN4010100000001</MA_THE_BHYT><MA_DOITUONG_KCB>1.1</MA_DOITUONG_KCB><NGAY_VAO>202611200800</NGAY_VAO>"
        "<MA_LOAI_KCB>01</MA_LOAI_KCB><MA_CSKCB>{FAC}</MA_CSKCB></TRANG_THAI_KCB></DSACH_TRANG_THAI_KCB></CHI_TIEU_TRANG_THAI_KCB>",
        "application/xml"}},
      {"listCheckins", {"GET", "/claims/checkins", {{"facility", "{FAC}"}, {"day", "2026-11-20"}}}},
      {"getSubmission", {"GET", "/claims/submissions/{TXN}"}},
      {"claimVersions", {"GET", "/claims/{FAC}/{MALK}"}},
      {"searchEmployers", {"GET", "/employers", {{"q", "cong ty"}}}},
      {"employerWorkers", {"GET", "/employers/{EMP}/workers"}},
      {"employerPayments", {"GET", "/employers/{EMP}/payments"}},
      {"employerDeclarations", {"GET", "/employers/{EMP}/declarations"}},
      {"precheckClaims", {"POST", "/claims/check", {}, "{ENVELOPE}", "application/xml"}},
      {"submitClaims", {"POST", "/claims", {}, "{ENVELOPE}", "application/xml"}},
      {"importCatalogue",
       {"POST", "/catalogues/facilities", {}, "code,name,level,province\n01003,Trạm Y tế xã 3,commune,01\n", "text/csv"}},
      {"settlement", {"GET", "/settlements", {{"facility", "{FAC}"}, {"quarter", "2026-Q4"}}}},
      {"recordAdvance",
       {"POST", "/advances", {}, R"({"facility":"{FAC}","quarter":"2026-Q4","amount":1000000,"paid_on":"2026-10-05","reference":"TU-M"})",
        "", {201, 409}}},
      {"drugPrices", {"GET", "/drug-prices", {{"facility", "01001"}}}},
      {"costAlerts", {"GET", "/alerts", {{"date", "2026-11-20"}, {"facility", "{FAC}"}}}},
      {"importProgramme", {"POST", "/programmes", {{"dry_run", "true"}}, "{DECISION}", "text/plain"}},
      {"listProgrammes", {"GET", "/programmes"}},
      {"getProgramme", {"GET", "/programmes/88%2FQĐ-BHXH"}},
      {"programmeTasks", {"GET", "/programmes/88%2FQĐ-BHXH/tasks", {{"unit", "TCKT"}}}},
      {"postProgress", {"POST", "/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", {}, R"({"unit":"TCKT","status":"in_progress","percent":10})"}},
      {"progressHistory", {"GET", "/programmes/88%2FQĐ-BHXH/tasks/1.1/progress"}},
      {"followUp", {"GET", "/followup", {{"unit", "TCKT"}}}},
      {"annualReport", {"GET", "/programmes/88%2FQĐ-BHXH/report", {{"year", "2024"}}}},
      {"deadlines", {"GET", "/deadlines", {{"from", "2024-01-01"}, {"to", "2024-12-31"}}}},
      {"units", {"GET", "/units"}},
      {"unknownUnits", {"GET", "/units/unknown"}},
      {"mapUnit", {"POST", "/units/aliases", {}, R"({"name":"Phòng Tổng hợp cũ","unit":"VP"})"}},
      {"programmeIndicators", {"GET", "/programmes/88%2FQĐ-BHXH/indicators"}},
      {"recordIndicatorValue",
       {"POST", "/programmes/88%2FQĐ-BHXH/indicators/1/values", {}, R"({"year":2024,"value":"90,5"})", "", {201, 404}}},
      {"computeIndicator", {"POST", "/programmes/88%2FQĐ-BHXH/indicators/1/compute", {}, R"({"year":2024})", "", {201, 404, 422}}},
      {"snapshotCoverage", {"POST", "/coverage-snapshots", {}, R"({"day":"2025-12-31"})"}},
      {"recordDenominator",
       {"POST", "/denominators", {}, R"({"kind":"population","province":"01","year":2024,"value":8500000,"source":"TCTK"})"}},
  };
  return kSamples;
}

struct Role {
  std::string name, token;
  Actor actor;
  std::string emp, cccd, fac;  // its own objects (for the "inside" variant)
};

class RouteCatalogue : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    decision_ = testing::SeedText("003_254a1e4a17401211.txt");
    auto ok = [&](const HttpResponse& r) { ASSERT_TRUE(r.status == 200 || r.status == 201) << r.body; };
    ok(Call("POST", "/api/v1/employers", R"({"code":"01A1","tax_code":"0101234567","name":"Công ty A","type":"enterprise","province":"01","region":1})"));
    ok(Call("POST", "/api/v1/employers", R"({"code":"79A2","tax_code":"0307654321","name":"Công ty B","type":"enterprise","province":"79","region":1})"));
    ok(Call("POST", "/api/v1/persons", R"({"cccd":"001085012345","si_number":"0112345678","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1","province":"01"})"));
    ok(Call("POST", "/api/v1/persons", R"({"cccd":"079085054321","full_name":"Trần Văn Bình","dob":"1985-05-05","sex":"1","province":"79"})"));
    ok(Call("POST", "/api/v1/persons", R"({"cccd":"001070099999","full_name":"Phạm Văn Cả","dob":"1970-05-05","sex":"1","province":"01"})"));
    ok(Call("POST", "/api/v1/persons", R"({"cccd":"079070099999","full_name":"Đỗ Văn Cả","dob":"1970-05-05","sex":"1","province":"79"})"));
    ok(Call("POST", "/api/v1/catalogues/facilities", "code,name,level,province\n01001,Bệnh viện A,province,01\n79002,Bệnh viện B,province,79\n",
            "demo-officer-token", {}, {{"content-type", "text/csv"}}));
    ok(Call("POST", "/api/v1/declarations",
            R"({"employer_code":"01A1","month":"2025-08","rows":[{"action":"join","cccd":"001085012345","effective_month":"2025-08","salary":10000000}]})",
            "demo-officer-token", {}, {{"idempotency-key", "setup-1"}}));
    ok(Call("POST", "/api/v1/declarations",
            R"({"employer_code":"79A2","month":"2025-08","rows":[{"action":"join","cccd":"079085054321","effective_month":"2025-08","salary":10000000}]})",
            "demo-officer-token", {}, {{"idempotency-key", "setup-2"}}));
    if (!decision_.empty())
      ok(Call("POST", "/api/v1/programmes", decision_, "demo-officer-token", {}, {{"content-type", "text/plain"}}));
    // One submission of each facility, for the lookups.
    for (const char* fac : {"01001", "79002"}) {
      SynthOptions o;
      o.encounters = 1;
      o.facility = fac;
      o.seed = fac[0] == '0' ? 101 : 102;
      auto r = Call("POST", "/api/v1/claims", SynthEnvelope(ctx_->law, o), "demo-officer-token", {},
                    {{"idempotency-key", std::string("setup-") + fac}, {"content-type", "application/xml"}});
      ASSERT_EQ(r.status, 201) << r.body;
      Json j = Json::parse(r.body);
      (fac[0] == '0' ? txn_in_ : txn_out_) = j["maGiaoDich"];
      (fac[0] == '0' ? malk_in_ : malk_out_) = j["encounters"][0]["ma_lk"];
    }
    auto lease = ctx_->pool->Acquire();
    ASSERT_TRUE(CreateAccount(**lease, "spare-token", {"officer:spare", {"officer"}, "01", "", "", ""}).ok());
    ASSERT_TRUE(EnsureDemoUsers(**lease, "01", "01A1", "001085012345").ok());
    // A benefit case in each province, prepared by another officer (the
    // samples decide them: four eyes).
    for (const char* cccd : {"001085012345", "079085054321"}) {
      CaseInput in;
      in.cccd = cccd;
      in.request = {{"regime", "funeral"}, {"event_date", "2025-09-10"}};
      in.cash_point = "UBND";
      in.idempotency_key = std::string("setup-case-") + cccd;
      auto c = PrepareCase(**lease, ctx_->geo, ctx_->law, ctx_->State<BenefitsState>().law(), in,
                           {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      (cccd[1] == '0' ? case_in_ : case_out_) = std::to_string(c->id);
    }
    // An inspection of each employer, opened by another officer.
    for (const char* emp : {"01A1", "79A2"}) {
      InspectionOpenInput oi;
      oi.employer_code = emp;
      oi.decision_no = std::string("9/QĐ-TTr-") + emp;
      oi.decided_on = "2026-03-01";
      oi.idempotency_key = std::string("setup-insp-") + emp;
      auto in = OpenInspection(**lease, oi, {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(in.ok()) << in.status().ToString();
      (emp[0] == '0' ? insp_in_ : insp_out_) = std::to_string(in->id);
    }
    // An advance to each facility, prepared by another officer (four eyes).
    for (const char* fac : {"01001", "79002"}) {
      auto a = RecordAdvance(**lease, {fac, "2026-Q4", "5000000", "2026-10-02", std::string("setup-adv-") + fac},
                             {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(a.ok()) << a.status().ToString();
      (fac[0] == '0' ? adv_in_ : adv_out_) = std::to_string(a->id);
    }
    // A dossier of each employer about its worker, received at its
    // province's desk, and a citizen's feedback in each province.
    for (const char* prov : {"01", "79"}) {
      bool in = prov[0] == '0';
      FileInput fi;
      fi.procedure = "SO-01";
      fi.payload = {{"commune", "00002"}};
      fi.channel = "desk";
      fi.filer_kind = "employer";
      fi.filer_id = fi.employer_code = in ? "01A1" : "79A2";
      fi.filer_name = "Công ty";
      fi.cccd = in ? "001085012345" : "079085054321";
      fi.province = prov;
      fi.received_at = "2026-11-02T09:00";
      fi.idempotency_key = std::string("setup-dos-") + prov;
      ServiceEngines eng{&ctx_->geo, &ctx_->law, &ctx_->State<BenefitsState>().law()};
      auto d = FileDossier(**lease, ctx_->State<ServicesState>().data(), eng, fi, {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      (in ? dos_in_ : dos_out_) = std::to_string(d->id);
      auto f = ReceiveFeedback(**lease, ctx_->State<ServicesState>().data(),
                               {"2026-11-02", prov, "Người dân", fi.cccd, "Hỏi về thẻ", "Nội dung", std::string("setup-fb-") + prov},
                               {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(f.ok()) << f.status().ToString();
      (in ? fb_in_ : fb_out_) = std::to_string(f->id);
    }
    // A manual fund entry prepared by another officer (the sample decides it: four eyes).
    {
      EntryInput in;
      in.posted_on = Date::FromYmd(2026, 6, 30);
      in.description = "Chi phí quản lý";
      in.idempotency_key = "setup-proposal";
      in.lines = {{"management_cost", "retirement", "", 1000, 0}, {"cash", "retirement", "", 0, 1000}};
      auto p = ProposeEntry(**lease, ctx_->State<FundsState>().data().catalog, in, {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(p.ok()) << p.status().ToString();
      ASSERT_EQ(p->id, 1);
    }
    // An official and a complaint in each province.
    for (const char* prov : {"01", "79"}) {
      const auto& data = ctx_->State<OfficialsState>().data();
      auto o = RegisterOfficial(**lease, data,
                                {std::string("CB") + prov, "Cán bộ " + std::string(prov), "female", "1980-01-01", "Phòng Thu", prov,
                                 "ke_toan", "2020-01-01"},
                                {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(o.ok()) << o.status().ToString();
      auto cmp = ReceiveComplaint(**lease, data,
                                  {"complaint", "2026-11-01", "Trần Văn C", "Chậm trả sổ", "Phòng Thu", prov, std::string("setup-cmp-") + prov},
                                  {"officer:setup", {"officer"}, "", "", "", ""});
      ASSERT_TRUE(cmp.ok()) << cmp.status().ToString();
      (prov[0] == '0' ? cmp_in_ : cmp_out_) = std::to_string(cmp->id);
    }
    // One account for each further role; the provincial ones in Hà Nội (01).
    for (const char* role : {"provincial_officer", "reviewer", "inspector", "auditor", "admin"})
      ASSERT_TRUE(CreateAccount(**lease, std::string("tok-") + role, {std::string("user:") + role, {role}, "01", "", "", ""}).ok());
    roles_ = {{"officer", "demo-officer-token", {}, "01A1", "001085012345", "01001"},
              {"employer", "demo-employer-token", {}, "01A1", "001085012345", "01001"},
              {"facility", "demo-facility-token", {}, "01A1", "001085012345", "01001"},
              {"citizen", "demo-citizen-token", {}, "01A1", "001085012345", "01001"}};
    for (const char* role : {"provincial_officer", "reviewer", "inspector", "auditor", "admin"})
      roles_.push_back({role, std::string("tok-") + role, {}, "01A1", "001085012345", "01001"});
    // The commune officer of commune 00001 of Hà Nội (the samples' commune).
    Actor xa{"user:commune_officer", {"commune_officer"}, "01", "", "", ""};
    xa.commune = "00001";
    ASSERT_TRUE(CreateAccount(**lease, "tok-commune_officer", xa).ok());
    roles_.push_back({"commune_officer", "tok-commune_officer", {}, "01A1", "001085012345", "01001"});
    for (auto& r : roles_) {
      auto a = ctx_->Authenticate(r.token);
      ASSERT_TRUE(a.ok()) << r.token;
      r.actor = *a;
    }
  }

  HttpResponse Send(const Sample& s, const std::string& token, bool outside) {
    auto sub = [&](std::string t) {
      auto rep = [&](const std::string& k, const std::string& in, const std::string& out) {
        for (size_t p; (p = t.find(k)) != std::string::npos;) t.replace(p, k.size(), outside ? out : in);
      };
      rep("{EMP}", "01A1", "79A2");
      rep("{CCCD}", "001085012345", "079085054321");
      rep("{WORKER}", "001085012345", "079085054321");
      rep("{FAC}", "01001", "79002");
      rep("{DYING}", "001070099999", "079070099999");
      rep("{TXN}", txn_in_, txn_out_);
      rep("{CASE}", case_in_, case_out_);
      rep("{INSP}", insp_in_, insp_out_);
      rep("{OFF}", "CB01", "CB79");
      rep("{CMP}", cmp_in_, cmp_out_);
      rep("{ADV}", adv_in_, adv_out_);
      rep("{DOS}", dos_in_, dos_out_);
      rep("{FB}", fb_in_, fb_out_);
      rep("{PROV}", "01", "79");
      rep("{MALK}", malk_in_, malk_out_);
      if (t == "{ENVELOPE}") {
        SynthOptions o;
        o.encounters = 1;
        o.facility = outside ? "79002" : "01001";
        o.seed = static_cast<uint64_t>(++seq_);
        t = SynthEnvelope(ctx_->law, o);
      }
      if (t == "{DECISION}") t = decision_;
      return t;
    };
    std::map<std::string, std::string> q, h;
    for (const auto& [k, v] : s.query) q[k] = sub(v);
    if (!s.content_type.empty()) h["content-type"] = s.content_type;
    if (s.method == "POST") h["idempotency-key"] = "m-" + std::to_string(++seq_);
    return Call(s.method, "/api/v1" + sub(s.path), sub(s.body), token, q, h);
  }

  int64_t AuditRows() {
    auto lease = ctx_->pool->Acquire();
    return *(*lease)->QueryInt("SELECT COUNT(*) FROM audit_log");
  }

  std::string decision_;
  std::string txn_in_, txn_out_, malk_in_, malk_out_, case_in_, case_out_, insp_in_, insp_out_, cmp_in_, cmp_out_, adv_in_, adv_out_, dos_in_, dos_out_, fb_in_, fb_out_;
  std::vector<Role> roles_;
  int seq_ = 0;
};

TEST_F(RouteCatalogue, EveryRouteHasASampleAndEverySampleARoute) {
  // Each named schema of the OpenAPI document has one shape.
  {
    auto doc = Call("GET", "/api/v1/openapi.json", "", "");
    ASSERT_EQ(doc.status, 200);
    Json d = Json::parse(doc.body);
    ASSERT_GT(d["components"]["schemas"].size(), 100u);
    for (const auto& [name, v] : d["components"]["schemas"].items())
      EXPECT_EQ(name.rfind("DuplicateName_", 0), std::string::npos) << "two different schemas are named " << name.substr(14);
  }
  std::set<std::string> ids;
  for (const auto& r : routes_->routes()) {
    ids.insert(r->operation_id());
    EXPECT_TRUE(Samples().count(r->operation_id())) << "no sample for route " << r->operation_id()
                                                    << ": add one to route_catalogue_test.cc";
  }
  for (const auto& [id, s] : Samples()) EXPECT_TRUE(ids.count(id)) << "sample for a route that does not exist: " << id;
  // Every permission a route names is granted to some role, and every
  // permission the policy names is used by a route (no typos either side).
  std::set<std::string> used;
  for (const auto& r : routes_->routes())
    if (!r->is_public()) {
      used.insert(r->permission());
      bool someone = false;
      for (const auto& role : ctx_->policy.roles()) {
        Actor a;
        a.roles = {role};
        someone |= role != "operator" && ctx_->policy.Widest(a, r->permission()).has_value();
      }
      EXPECT_TRUE(someone) << r->permission() << " is granted to no role";
    }
  for (const auto& p : ctx_->policy.Permissions()) {
    if (p == "*" || p == "log.reads") continue;  // a marker of the role, not a route's permission
    bool matched = false;
    for (const auto& u : used)
      matched |= u == p || (p.size() > 2 && p.compare(p.size() - 2, 2, ".*") == 0 && u.rfind(p.substr(0, p.size() - 1), 0) == 0);
    EXPECT_TRUE(matched) << "roles.csv grants " << p << ", which no route uses";
  }
}

TEST_F(RouteCatalogue, AccessMatrix) {
  ASSERT_FALSE(decision_.empty());
  for (const auto& rp : routes_->routes()) {
    const Route& route = *rp;
    auto it = Samples().find(route.operation_id());
    ASSERT_NE(it, Samples().end()) << route.operation_id();
    const Sample& s = it->second;
    if (route.is_public()) {
      auto r = Send(s, "", false);
      EXPECT_TRUE(s.ok.count(r.status)) << route.operation_id() << " public: " << r.status << " " << r.body;
      continue;
    }
    EXPECT_EQ(Send(s, "", false).status, 401) << route.operation_id() << " without a token";
    for (const auto& role : roles_) {
      auto widest = ctx_->policy.Widest(role.actor, route.permission());
      auto in = Send(s, role.token, false);
      if (!widest) {
        EXPECT_EQ(in.status, 403) << route.operation_id() << " as " << role.name << ": " << in.body;
        continue;
      }
      EXPECT_TRUE(s.ok.count(in.status)) << route.operation_id() << " as " << role.name << " inside its scope: " << in.status
                                         << " " << in.body;
      if (*widest != GrantScope::kNational) {
        // Out of scope: another's employer, person or facility, or one of
        // another province (79) for a provincial account (01).
        bool has_object = s.path.find('{') != std::string::npos || s.body.find("{EMP}") != std::string::npos ||
                          s.body.find("{ENVELOPE}") != std::string::npos ||
                          std::any_of(s.query.begin(), s.query.end(), [](const auto& kv) { return kv.second.find('{') != std::string::npos; });
        if (!has_object) continue;
        auto out = Send(s, role.token, true);
        if (route.operation_id() == "costAlerts") {
          // A list filtered by scope: another facility's alerts are simply not there.
          EXPECT_EQ(out.status, 200);
          const Json answer = Json::parse(out.body);  // named: a temporary would die before the loop
          for (const auto& a : answer["alerts"]) {
            if (*widest == GrantScope::kOwn) {
              EXPECT_EQ(a["facility"], role.fac);
            } else {
              EXPECT_EQ(a["province"], "01");
            }
          }
          continue;
        }
        EXPECT_EQ(out.status, 403) << route.operation_id() << " as " << role.name << " outside its scope: " << out.body;
      }
    }
  }
}

// The auditor reads everything and changes nothing, and each of her reads
// is an audit row; anyone's look at one person's data is an audit row with
// the reason given; other reads are not logged.
TEST_F(RouteCatalogue, AuditorOnlyReadsAndLooksArePersonallyLogged) {
  Actor auditor;
  auditor.roles = {"auditor"};
  for (const auto& r : routes_->routes()) {
    // Calculators and checks that need no database (a file posted to be
    // verified, a request to be computed) and one's own session change no data.
    if (r->is_public() || r->method() == Method::kGet || !r->needs_db() || r->permission() == "session.self") continue;
    EXPECT_FALSE(ctx_->policy.Widest(auditor, r->permission()).has_value())
        << "the auditor may " << r->operation_id() << " " << r->path() << " (" << r->permission() << "), which changes data";
  }
  int64_t before = AuditRows();
  ASSERT_EQ(Call("GET", "/api/v1/employers/01A1", "", "tok-auditor").status, 200);
  EXPECT_EQ(AuditRows(), before + 1);
  auto last = [&] {
    auto lease = ctx_->pool->Acquire();
    auto st = (*lease)->Prepare("SELECT actor, action, entity, entity_key, detail FROM audit_log ORDER BY seq DESC LIMIT 1");
    EXPECT_TRUE(st.ok());
    EXPECT_TRUE(*(*st)->Step());
    return std::vector<std::string>{(*st)->Text(0), (*st)->Text(1), (*st)->Text(2), (*st)->Text(3), (*st)->Text(4)};
  };
  auto row = last();
  EXPECT_EQ(row[0], "user:auditor");
  EXPECT_EQ(row[1], "read");
  EXPECT_EQ(row[2], "getEmployer");
  // An officer's look at a person, with the reason the header gives.
  before = AuditRows();
  ASSERT_EQ(Call("GET", "/api/v1/persons/001085012345", "", "demo-officer-token", {},
                 {{"x-access-reason", "Giải quyết hồ sơ ốm đau số 12"}})
                .status,
            200);
  EXPECT_EQ(AuditRows(), before + 1);
  row = last();
  EXPECT_EQ(row[1], "read");
  EXPECT_EQ(row[2], "person");
  EXPECT_EQ(row[3], "001085012345");
  EXPECT_NE(row[4].find("Giải quyết hồ sơ ốm đau số 12"), std::string::npos) << row[4];
  // An officer's look at an employer is not a person's data: no row.
  before = AuditRows();
  ASSERT_EQ(Call("GET", "/api/v1/employers/01A1").status, 200);
  EXPECT_EQ(AuditRows(), before);
  // A refused look leaves no row either.
  ASSERT_EQ(Call("GET", "/api/v1/persons/079085054321", "", "tok-provincial_officer").status, 403);
  EXPECT_EQ(AuditRows(), before);
}

// The malformed-input catalogue, from the routes' own schemas.
Json WrongKind(const Schema& s) {
  switch (s.kind()) {
    case Schema::Kind::kString: return 12345;
    case Schema::Kind::kInteger: return "12";
    case Schema::Kind::kNumber: return "1.5";
    case Schema::Kind::kBoolean: return "yes";
    case Schema::Kind::kArray: return Json::object();
    case Schema::Kind::kObject: return Json::array();
    default: return nullptr;
  }
}

TEST_F(RouteCatalogue, MalformedInputIsNamedAndStoresNothing) {
  int cases = 0;
  for (const auto& rp : routes_->routes()) {
    const Route& route = *rp;
    const Sample& s = Samples().at(route.operation_id());
    std::map<std::string, std::string> h = {{"idempotency-key", "bad"}};
    // As the officer, or the first role that may call the route (the outbox is the admin's and the auditor's).
    std::string tok = "demo-officer-token";
    if (!route.is_public())
      for (const auto& role : roles_)
        if (ctx_->policy.Widest(role.actor, route.permission())) {
          tok = role.token;
          break;
        }
    std::string path = s.path;
    std::vector<std::pair<std::string, std::string>> subs = {{"{EMP}", "01A1"}, {"{CCCD}", "001085012345"}, {"{FAC}", "01001"},
                                                             {"{DYING}", "001070099999"}, {"{TXN}", txn_in_}, {"{MALK}", malk_in_},
                                                             {"{CASE}", case_in_}, {"{INSP}", insp_in_},
                                                             {"{OFF}", "CB01"}, {"{CMP}", cmp_in_}, {"{ADV}", adv_in_},
                                                             {"{DOS}", dos_in_}, {"{FB}", fb_in_}, {"{PROV}", "01"}};
    for (const auto& [k, v] : subs)
      for (size_t p; (p = path.find(k)) != std::string::npos;) path.replace(p, k.size(), v);
    path = "/api/v1" + path;
    int64_t before = AuditRows();
    auto expect = [&](const HttpResponse& r, int status, const std::string& field, const std::string& what) {
      ++cases;
      EXPECT_EQ(r.status, status) << route.operation_id() << " " << what << ": " << r.body;
      if (!field.empty() && r.status == status) {
        EXPECT_EQ(Json::parse(r.body)["error"]["field"], field) << route.operation_id() << " " << what;
      }
      EXPECT_EQ(AuditRows(), before) << route.operation_id() << " " << what << " stored something";
    };
    std::map<std::string, std::string> good_query;
    for (const auto& [k, v] : s.query) {
      std::string t = v;
      for (auto [a, z] : {std::pair<const char*, const char*>{"{EMP}", "01A1"}, {"{FAC}", "01001"}})
        for (size_t p; (p = t.find(a)) != std::string::npos;) t.replace(p, std::string(a).size(), z);
      good_query[k] = t;
    }
    for (const auto& p : route.params()) {
      if (p.in_path) continue;
      std::map<std::string, std::string> q = good_query;
      q[p.name] = p.schema.kind() == Schema::Kind::kString ? std::string(2000, 'x') + "\x01" : "x!";
      auto r = Call(route.method() == Method::kGet ? "GET" : "POST", path, "", tok, q, h);
      ++cases;
      EXPECT_EQ(r.status, 422) << route.operation_id() << " bad " << p.name << ": " << r.body;
      if (r.status == 422) {
        EXPECT_EQ(Json::parse(r.body)["error"]["field"], p.name) << route.operation_id();
      }
      EXPECT_EQ(AuditRows(), before) << route.operation_id();
    }
    {
      auto r = Call(route.method() == Method::kGet ? "GET" : "POST", path, "", tok, {{"zz_unknown", "1"}}, h);
      expect(r, 422, "zz_unknown", "unknown query parameter");
    }
    const BodySpec& b = route.body();
    if (b.kind == BodySpec::Kind::kJson) {
      std::map<std::string, std::string> hj = h;
      hj["content-type"] = "application/json";
      expect(Call("POST", path, "{\"a\":", tok, {}, hj), 400, "body", "broken JSON");
      expect(Call("POST", path, "[1,2]", tok, {}, hj), 422, "body", "an array for an object");
      std::string raw = s.body.empty() ? "{}" : s.body;
      for (auto [a, z] : {std::pair<const char*, const char*>{"{EMP}", "01A1"}, {"{WORKER}", "001085012345"},
                          {"{CCCD}", "001085012345"}, {"{FAC}", "01001"}, {"{PROV}", "01"}})
        for (size_t p; (p = raw.find(a)) != std::string::npos;) raw.replace(p, std::string(a).size(), z);
      Json base = Json::parse(raw, nullptr, false);
      if (!base.is_object()) continue;
      for (const auto& prop : b.schema.properties()) {
        if (prop.name == "idempotency_key") continue;
        if (prop.required && base.contains(prop.name)) {
          Json j = base;
          j.erase(prop.name);
          expect(Call("POST", path, DumpJson(j), tok, {}, hj), 422, prop.name, "missing " + prop.name);
        }
        Json wrong = WrongKind(prop.schema);
        if (!wrong.is_null()) {
          Json j = base;
          j[prop.name] = wrong;
          expect(Call("POST", path, DumpJson(j), tok, {}, hj), 422, prop.name, "wrong type of " + prop.name);
        }
      }
      Json j = base;
      j["zz_unknown"] = 1;
      expect(Call("POST", path, DumpJson(j), tok, {}, hj), 422, "zz_unknown", "unknown field");
    } else if (b.kind == BodySpec::Kind::kRaw) {
      expect(Call("POST", path, "", tok, {}, h), 422, "body", "empty body");
      std::map<std::string, std::string> hw = h;
      hw["content-type"] = "image/png";
      expect(Call("POST", path, "x", tok, {}, hw), 415, "Content-Type", "wrong media type");
    }
  }
  EXPECT_GT(cases, 150);
}

}  // namespace
}  // namespace bhxh
