#include <iostream>

#include <fstream>

#include "benefits/module.h"
#include "claims/module.h"
#include "demo/benefits_gen.h"
#include "demo/funds_gen.h"
#include "demo/integrity_gen.h"
#include "demo/services_gen.h"
#include "demo/development_gen.h"
#include "development/module.h"
#include "platform/audit/chain.h"
#include "demo/claims_gen.h"
#include "demo/demo.h"
#include "demo/generator.h"
#include "eligibility/module.h"
#include "services/module.h"
#include "platform/access/accounts.h"
#include "platform/access/users.h"
#include "platform/audit/audit.h"
#include "platform/cli/format.h"
#include "platform/cli/progress.h"
#include "platform/cli/shell.h"

namespace bhxh {

Status EnsureDemoAccounts(Db& db, const std::string& province, const std::string& employer_code,
                          const std::string& citizen_cccd, const std::string& facility_code) {
  const std::string fac = facility_code.empty() ? province + "001" : facility_code;
  Actor officer{"officer:demo", {"officer"}, province, "", "", ""};
  BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-officer-token", officer));
  Actor facility{"facility:" + fac, {"facility"}, province, "", fac, ""};
  BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-facility-token", facility));
  if (!employer_code.empty()) {
    Actor employer{"employer:" + employer_code, {"employer"}, province, employer_code, "", ""};
    BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-employer-token", employer));
  }
  if (!citizen_cccd.empty()) {
    Actor citizen{"citizen:" + citizen_cccd, {"citizen"}, province, "", "", citizen_cccd};
    BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-citizen-token", citizen));
  }
  return Status::Ok();
}

Status EnsureDemoUsers(Db& db, const std::string& province, const std::string& employer_code,
                       const std::string& citizen_cccd, const std::string& facility_code, const std::string& commune) {
  const std::string fac = facility_code.empty() ? province + "001" : facility_code;
  std::vector<UserInput> users = {
      {"canbo", kDemoPassword, "Nguyễn Thị Lan — cán bộ BHXH tỉnh", {"officer"}, province, "", "", ""},
      {"lanhdao", kDemoPassword, "Trần Văn Hùng — lãnh đạo BHXH tỉnh", {"officer"}, province, "", "", ""},
      {"donvi", kDemoPassword, "Phạm Thu Hà — kế toán đơn vị " + employer_code, {"employer"}, province, employer_code, "", ""},
      {"cosokcb", kDemoPassword, "Lê Minh Tuấn — cán bộ BHYT cơ sở " + fac, {"facility"}, province, "", fac, ""},
      {"thanhtra", kDemoPassword, "Hoàng Văn Long — thanh tra viên", {"inspector"}, province, "", "", ""},
      {"kiemtoan", kDemoPassword, "Mai Thị Hạnh — kiểm toán nội bộ", {"auditor"}, province, "", "", ""},
  };
  if (!citizen_cccd.empty())
    users.push_back({"congdan", kDemoPassword, "Người tham gia " + citizen_cccd, {"citizen"}, province, "", "", citizen_cccd});
  if (!commune.empty()) {
    UserInput u{"canboxa", kDemoPassword, "Đinh Thị Thu — cán bộ phụ trách xã " + commune, {"commune_officer"}, province, "", "", ""};
    u.commune = commune;
    users.push_back(u);
  }
  for (const auto& u : users) BHXH_RETURN_IF_ERROR(CreateUser(db, u));
  return Status::Ok();
}

namespace {

struct GenArgs {
  GenOptions gen;
  std::string start = "2023-01", end = "2026-10";
  int claims_days = 28;
  bool demo = false;
};

void AddGenOptions(CLI::App* c, GenArgs& a) {
  c->add_option("--persons", a.gen.persons, "Số người (mặc định 40.000)")
      ->check(CLI::Range(int64_t{100}, int64_t{20'000'000}));
  c->add_option("--seed", a.gen.seed, "Hạt ngẫu nhiên: cùng hạt, cùng dữ liệu (mặc định 1)");
  c->add_option("--province", a.gen.province, "Mã tỉnh của tỉnh mẫu (mặc định 01)");
  c->add_option("--from", a.start, "Tháng đầu của quá trình đóng YYYY-MM (mặc định 2023-01)");
  c->add_option("--to", a.end, "Tháng cuối đã tính số phải thu YYYY-MM (mặc định 2026-10)");
  c->add_option("--claims-days", a.claims_days,
                "Số ngày hồ sơ KCB mẫu, kết thúc ngày 20 tháng sau --to (0: không tạo; mặc định 28)")
      ->check(CLI::Range(0, 365));
}

void GenerateInto(Shell& sh, AppContext& ctx, GenArgs& a) {
  auto s = Month::Parse(a.start, "from");
  auto e = Month::Parse(a.end, "to");
  if (!s.ok()) return sh.Fail(s.status());
  if (!e.ok()) return sh.Fail(e.status());
  a.gen.start = *s;
  a.gen.end = *e;
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return sh.Fail(lease.status());
  ProgressBar bar("tạo dữ liệu");
  auto r =
      Generate(**lease, ctx.geo, ctx.law, a.gen, sh.Operator(), [&](const std::string& what, int64_t d, int64_t t) {
        bar.SetLabel(what);
        bar.Update(d, t);
      });
  bar.Clear();
  if (!r.ok()) return sh.Fail(r.status());
  std::string first_employer = a.gen.province + "A00001";
  // The citizen of the demo: a living worker of the first employer, with a card.
  std::string citizen, card;
  {
    auto st = (*lease)->Prepare(
        "SELECT p.cccd, c.code FROM persons p JOIN periods pe ON pe.person_id = p.id JOIN employers e ON e.id = pe.employer_id "
        "JOIN hi_cards c ON c.person_id = p.id WHERE p.deceased_on IS NULL AND e.code = ? ORDER BY p.id, c.valid_to DESC LIMIT 1");
    if (!st.ok()) return sh.Fail(st.status());
    (*st)->Bind(first_employer);
    auto row = (*st)->Step();
    if (row.ok() && *row) citizen = (*st)->Text(0), card = (*st)->Text(1);
  }
  // The commune officer's commune: the most populous of the province.
  std::string commune;
  {
    auto st = (*lease)->Prepare("SELECT commune FROM persons WHERE province = ? AND commune IS NOT NULL AND commune <> '' "
                                "GROUP BY commune ORDER BY COUNT(*) DESC, commune LIMIT 1");
    if (!st.ok()) return sh.Fail(st.status());
    (*st)->Bind(a.gen.province);
    auto row = (*st)->Step();
    if (row.ok() && *row) commune = (*st)->Text(0);
  }
  // The demo facility is the province hospital the claims generator makes (code + "901").
  const std::string facility = a.gen.province + "901";
  if (Status st = EnsureDemoAccounts(**lease, a.gen.province, first_employer, citizen, facility); !st.ok())
    return sh.Fail(st);
  if (Status st = EnsureDemoUsers(**lease, a.gen.province, first_employer, citizen, facility, commune); !st.ok())
    return sh.Fail(st);
  ClaimsGenStats cs;
  if (a.claims_days > 0) {
    auto& elig = ctx.State<EligibilityState>();
    if (Status st = elig.Reload(ctx); !st.ok()) return sh.Fail(st);
    ClaimsGenOptions co;
    co.seed = a.gen.seed;
    co.province = a.gen.province;
    co.last_day = a.gen.end.Next().FirstDay().AddDays(19);
    co.days = a.claims_days;
    auto c = GenerateClaims(**lease, ctx.State<ClaimsState>().schema, ctx.law, elig.cards(), co, sh.Operator());
    if (!c.ok()) return sh.Fail(c.status());
    cs = *c;
    if (Status st = ctx.State<ClaimsState>().ReloadCatalogue(ctx); !st.ok()) return sh.Fail(st);
  }
  // Beneficiaries, prepared by canbo and decided by lanhdao (four eyes).
  auto bg = GenerateBenefits(**lease, ctx.geo, ctx.law, ctx.State<BenefitsState>().law(), a.gen.province, a.gen.end,
                             a.gen.seed, {"user:canbo", {"officer"}, a.gen.province, "", "", "", "Nguyễn Thị Lan"},
                             {"user:lanhdao", {"officer"}, a.gen.province, "", "", "", "Trần Văn Hùng"});
  if (!bg.ok()) return sh.Fail(bg.status());
  auto fg = GenerateFunds(**lease, ctx.law, ctx.State<FundsState>().data(), a.gen.start, a.gen.end, a.gen.province,
                          {"user:ketoan", {"officer"}, a.gen.province, "", "", "", "Lê Thu Hà"});
  if (!fg.ok()) return sh.Fail(fg.status());
  // Officials, complaints and an inspection: the personnel office (canbo)
  // and an inspector (thanhtra).
  auto ig = GenerateIntegrity(**lease, ctx.law, ctx.geo, ctx.State<OfficialsState>().data(),
                              ctx.State<InspectionState>().params(), a.gen.province, Date::Today(),
                              {"user:canbo", {"officer"}, a.gen.province, "", "", "", "Nguyễn Thị Lan"},
                              {"user:thanhtra", {"inspector"}, a.gen.province, "", "", "", "Hoàng Văn Long"});
  if (!ig.ok()) return sh.Fail(ig.status());
  // A few weeks at the one-stop desk (canbo) with decisions by lanhdao, the
  // citizen's and the employer's online filings, ratings and feedback.
  ServicesGenStats sg;
  if (!citizen.empty()) {
    ServicesGenPeople who{a.gen.province,
                          first_employer,
                          citizen,
                          {"user:canbo", {"officer"}, a.gen.province, "", "", "", "Nguyễn Thị Lan"},
                          {"user:lanhdao", {"officer"}, a.gen.province, "", "", "", "Trần Văn Hùng"},
                          {"user:congdan", {"citizen"}, a.gen.province, "", "", citizen, "Người tham gia " + citizen},
                          {"user:donvi", {"employer"}, a.gen.province, first_employer, "", "", "Phạm Thu Hà"}};
    auto r2 = GenerateServices(**lease, ctx.State<ServicesState>().data(),
                               {&ctx.geo, &ctx.law, &ctx.State<BenefitsState>().law()}, who, Date::Today());
    if (!r2.ok()) return sh.Fail(r2.status());
    sg = *r2;
  }
  // A year of the tax authority's wage data and the business register,
  // matched with the record (canbo).
  auto dg = GenerateDevelopment(**lease, ctx.geo, ctx.law, ctx.State<DevelopmentState>().data(), a.gen.province, Date::Today(),
                                {"user:canbo", {"officer"}, a.gen.province, "", "", "", "Nguyễn Thị Lan"});
  if (!dg.ok()) return sh.Fail(dg.status());
  // The first employer's late raise, so this month's C12-TS has a B.4.
  auto raise = GenerateRetroactiveRaise(**lease, ctx.geo, ctx.law, first_employer, a.gen.end,
                                        {"user:donvi", {"employer"}, a.gen.province, first_employer, "", "", "Phạm Thu Hà"});
  if (!raise.ok()) return sh.Fail(raise.status());
  // Next to an SQLite database file (the current directory for PostgreSQL).
  std::string deaths_file = "demo-deaths.csv";
  {
    std::string url = sh.g().db;
    if (url.rfind("sqlite:", 0) == 0) url = url.substr(7);
    auto slash = url.rfind('/');
    if (url.find("postgres") == std::string::npos && url.find('=') == std::string::npos && slash != std::string::npos)
      deaths_file = url.substr(0, slash + 1) + deaths_file;
  }
  {
    std::ofstream f(deaths_file);
    f << bg->deaths_csv;
  }
  // The last step: `init --demo` treats demo data without this row as half-written.
  if (Status done = WriteAudit(**lease, sh.Operator(), "generate-complete", "database", a.gen.province, ""); !done.ok())
    return sh.Fail(done);
  // The day's seal of the audit chain, with the key kept next to the database.
  auto key = SealKey::Load(SealKey::DefaultPath(sh.g().db), true);
  if (!key.ok()) return sh.Fail(key.status());
  if (auto seal = SealAuditChain(**lease, *key, Date::Today().ToString(), sh.Operator()); !seal.ok()) return sh.Fail(seal.status());
  if (sh.g().json) {
    sh.PrintJson({{"persons", r->persons},
                  {"employers", r->employers},
                  {"cooperatives", r->cooperatives},
                  {"workers", r->workers},
                  {"periods", r->periods},
                  {"cards", r->cards},
                  {"payments", r->payments},
                  {"months_collected", r->months_collected},
                  {"claim_envelopes", cs.envelopes},
                  {"claim_encounters", cs.encounters},
                  {"claims_with_rejections", cs.rejected_encounters},
                  {"pensioners", bg->pensioners},
                  {"benefit_open_cases", bg->open_cases},
                  {"fund_entries", fg->entries},
                  {"officials", ig->officials},
                  {"complaints", ig->complaints},
                  {"inspected_employer", ig->top_employer},
                  {"dossiers", sg.dossiers},
                  {"dossiers_open", sg.open},
                  {"development_findings", dg->findings},
                  {"deaths_file", deaths_file},
                  {"demo_cccd", citizen},
                  {"demo_card", card},
                  {"retroactive_adjustment", *raise ? Json{{"employer", first_employer},
                                                           {"from", (*raise)->from.ToString()},
                                                           {"recorded_month", (*raise)->recorded.ToString()},
                                                           {"net", (*raise)->net}}
                                                    : Json()}});
    return;
  }
  std::cout << "Đã tạo dữ liệu mẫu: " << NumberVi(r->persons) << " người, " << NumberVi(r->employers) << " đơn vị ("
            << NumberVi(r->cooperatives) << " hợp tác xã), " << NumberVi(r->workers) << " người lao động, "
            << NumberVi(r->cards) << " thẻ BHYT, " << r->months_collected << " tháng thu, " << NumberVi(r->payments)
            << " lần nộp tiền; " << NumberVi(cs.encounters) << " hồ sơ KCB BHYT (" << cs.envelopes << " lần gửi, "
            << cs.rejected_encounters << " hồ sơ bị xuất toán một phần; cơ sở " << cs.jump_facility
            << " tăng chi phí đột biến).\n"
            << "Mã truy cập mẫu (cho chương trình): demo-officer-token, demo-employer-token (đơn vị " << first_employer
            << "), demo-facility-token (cơ sở " << facility << "), demo-citizen-token (CCCD " << citizen << ")\n"
            << "Chế độ: " << bg->pensioners << " người hưởng lương hưu, " << bg->other_monthly
            << " người hưởng trợ cấp khác, " << bg->open_cases << " hồ sơ chờ duyệt; " << bg->deaths_pending
            << " người đã chết chưa được báo (thử: bhxh benefits deaths " << deaths_file << ")\n"
            << "Quỹ: " << fg->months << " tháng ghi sổ, " << NumberVi(fg->entries) << " bút toán, " << fg->investments
            << " khoản đầu tư (thử: bhxh funds statement --period " << a.gen.end.year() << ")\n"
            << "Kiểm soát: " << ig->officials << " cán bộ, " << ig->declarations << " bản kê khai tài sản, " << ig->complaints
            << " đơn khiếu nại, tố cáo; đơn vị " << ig->top_employer
            << " rủi ro cao nhất đang được thanh tra (thử: bhxh inspection risk; bhxh audit verify)\n"
            << "Dịch vụ công: " << sg.dossiers << " hồ sơ một cửa (" << sg.open << " đang giải quyết), " << sg.feedback
            << " phản ánh, kiến nghị (thử: bhxh dossiers list --open; bhxh dossiers list --needs-apology)\n"
            << "Phát triển người tham gia: dữ liệu thuế năm " << dg->year << " của " << NumberVi(dg->tax_employers)
            << " đơn vị, " << NumberVi(dg->tax_workers) << " người; " << dg->findings
            << " đơn vị chưa đăng ký hoặc đóng thiếu, ước " << MoneyVi(dg->at_stake)
            << " (thử: bhxh development findings; bhxh development communes)\n"
            << "Người mẫu để thử: CCCD " << citizen << ", mã thẻ BHYT " << card << "\n";
  if (*raise)
    std::cout << "Khai bổ sung: đơn vị " << first_employer << " báo tăng lương từ tháng " << DateVi((*raise)->from.ToString()) << " cho CCCD " << (*raise)->cccd << "; số phải đóng tăng " << MoneyVi((*raise)->net)
              << ", ghi vào tháng " << DateVi((*raise)->recorded.ToString()) << " (thử: bhxh c12 --employer " << first_employer << " --month " << (*raise)->recorded.ToString() << ")\n";
  std::cout
            << "Đăng nhập giao diện web (mật khẩu " << kDemoPassword << "): canbo, lanhdao (cán bộ), donvi (đơn vị "
            << first_employer << "), cosokcb (cơ sở KCB " << facility << "), congdan (người tham gia), thanhtra (thanh tra), kiemtoan (kiểm toán), canboxa (cán bộ phụ trách xã " << commune
            << ")\n";
}

}  // namespace

void DemoCommands(Shell& sh) {
  {
    auto a = std::make_shared<GenArgs>();
    auto* c = sh.app().add_subcommand(
        "init", "Tạo hoặc cập nhật cấu trúc cơ sở dữ liệu; có thể nạp dữ liệu mẫu / create or migrate the database");
    c->add_flag("--demo", a->demo, "Tạo một tỉnh mẫu (nếu cơ sở dữ liệu còn trống)");
    AddGenOptions(c, *a);
    c->callback(sh.Guard([&sh, a] {
      auto ctx = sh.Context(/*create=*/true);
      if (!ctx.ok()) return sh.Fail(ctx.status());
      if (!a->demo) {
        std::cout << "Cơ sở dữ liệu sẵn sàng: " << sh.g().db << "\n";
        return;
      }
      {
        auto lease = (*ctx)->pool->Acquire();
        if (!lease.ok()) return sh.Fail(lease.status());
        auto n = (*lease)->QueryInt("SELECT COUNT(*) FROM persons");
        if (!n.ok()) return sh.Fail(n.status());
        if (*n > 0) {
          auto started = (*lease)->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'generate'");
          auto finished = (*lease)->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'generate-complete'");
          if (started.ok() && finished.ok() && *started > 0 && *finished == 0)
            return sh.Fail(Status::Error(
                "incomplete_demo", "database",
                "Dữ liệu mẫu trong " + sh.g().db + " được tạo dở (lần trước bị lỗi); hãy xoá tệp và chạy lại",
                "the demo data in " + sh.g().db + " is half-written (an earlier run failed); delete it and run again"));
          std::cout << "Cơ sở dữ liệu đã có " << NumberVi(*n) << " người; bỏ qua tạo dữ liệu mẫu.\n";
          return;
        }
      }
      GenerateInto(sh, **ctx, *a);
    }));
  }
  {
    auto a = std::make_shared<GenArgs>();
    auto* c = sh.app().add_subcommand("generate", "Tạo dữ liệu mẫu vào một cơ sở dữ liệu trống / generate demo data");
    AddGenOptions(c, *a);
    c->callback(sh.Guard([&sh, a] {
      auto ctx = sh.Context(/*create=*/true);
      if (!ctx.ok()) return sh.Fail(ctx.status());
      GenerateInto(sh, **ctx, *a);
    }));
  }
}

}  // namespace bhxh
