// bhxh — the command line: one subcommand per job, usable from scripts.
// Exit codes: 0 success; 1 usage error; 2 rejected input (invalid, not
// found, conflict); 3 storage or internal failure. --json prints exactly
// what the HTTP API would answer.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <iostream>

#include "api/routes.h"
#include "api/server.h"
#include "app/context.h"
#include "base/csv.h"
#include "base/text.h"
#include "cli/common.h"
#include "cli/progress.h"
#include "claims/precheck.h"
#include "claims/review.h"
#include "claims/settlement.h"
#include "claims/synth.h"
#include "collection/arrears.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/ledger.h"
#include "collection/payments.h"
#include "gen/claims_gen.h"
#include "gen/generator.h"
#include "history/book.h"
#include "views/json_views.h"

using namespace bhxh;

namespace {

std::string Dong(int64_t v) { return FormatVnd(v) + " đ"; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bhxh — Hệ thống thông tin Bảo hiểm xã hội Việt Nam (national insurance database)"};
  app.require_subcommand(1);
  app.fallthrough(true);  // global options may follow the subcommand
  Globals g;
  app.add_option("--db", g.db, "SQLite file or postgresql:// URL (env BHXH_DB)");
  app.add_option("--data", g.data, "Directory of law and geography data (env BHXH_DATA)");
  app.add_option("--operator", g.op, "Who runs this command (recorded in the audit trail)");
  app.add_flag("--json", g.json, "Print JSON (the API's shape)");
  int rc = 0;

  AddProgrammeCommands(app, g, rc);

  // init
  auto* init = app.add_subcommand("init", "Create or migrate the database; optionally load demo data");
  bool demo = false;
  GenOptions gen;
  std::string start = "2023-01", end = "2026-10";
  int claims_days = 28;
  init->add_flag("--demo", demo, "Generate a demo province");
  auto add_gen_opts = [&](CLI::App* c) {
    c->add_option("--persons", gen.persons, "Number of persons")->check(CLI::Range(int64_t{100}, int64_t{20'000'000}));
    c->add_option("--seed", gen.seed, "Seed (same seed, same data)");
    c->add_option("--province", gen.province, "Province code of the demo province");
    c->add_option("--from", start, "First month of history (YYYY-MM)");
    c->add_option("--to", end, "Last month collected (YYYY-MM)");
    c->add_option("--claims-days", claims_days, "Days of demo HI claims ending on the 20th of the month after --to (0: none)");
  };
  add_gen_opts(init);
  auto generate_into = [&](AppContext& ctx) -> int {
    auto s = Month::Parse(start, "from");
    auto e = Month::Parse(end, "to");
    if (!s.ok()) return Fail(s.status(), g.json);
    if (!e.ok()) return Fail(e.status(), g.json);
    gen.start = *s;
    gen.end = *e;
    auto lease = ctx.pool->Acquire();
    if (!lease.ok()) return Fail(lease.status(), g.json);
    ProgressBar bar("generate");
    auto r = Generate(**lease, ctx.geo, ctx.law, gen, Operator(g), [&](const std::string& what, int64_t d, int64_t t) {
      bar.SetLabel(what);
      bar.Update(d, t);
    });
    if (!r.ok()) return Fail(r.status(), g.json);
    std::string first_employer = gen.province + "A00001";
    auto acc = EnsureDemoAccounts(**lease, gen.province, first_employer);
    if (!acc.ok()) return Fail(acc, g.json);
    ClaimsGenStats cs;
    if (claims_days > 0) {
      Status s = ctx.LoadCards();
      if (!s.ok()) return Fail(s, g.json);
      ClaimsGenOptions co;
      co.seed = gen.seed;
      co.province = gen.province;
      co.last_day = gen.end.Next().FirstDay().AddDays(19);
      co.days = claims_days;
      auto c = GenerateClaims(**lease, ctx.claims, ctx.law, *ctx.cards, co, Operator(g));
      if (!c.ok()) return Fail(c.status(), g.json);
      cs = *c;
    }
    // The last step: `init --demo` treats demo data without this row as half-written.
    Status done = WriteAudit(**lease, Operator(g), "generate-complete", "database", gen.province, "");
    if (!done.ok()) return Fail(done, g.json);
    if (g.json) {
      Print({{"persons", r->persons}, {"employers", r->employers}, {"cooperatives", r->cooperatives},
             {"workers", r->workers}, {"periods", r->periods}, {"cards", r->cards}, {"payments", r->payments},
             {"months_collected", r->months_collected}, {"claim_envelopes", cs.envelopes},
             {"claim_encounters", cs.encounters}, {"claims_with_rejections", cs.rejected_encounters}});
    } else {
      std::cout << "Đã tạo dữ liệu mẫu: " << r->persons << " người, " << r->employers << " đơn vị ("
                << r->cooperatives << " hợp tác xã), " << r->workers << " người lao động, " << r->cards
                << " thẻ BHYT, " << r->months_collected << " tháng thu, " << r->payments << " lần nộp tiền; "
                << cs.encounters << " hồ sơ KCB BHYT (" << cs.envelopes << " lần gửi, " << cs.rejected_encounters
                << " hồ sơ bị xuất toán một phần; cơ sở " << cs.jump_facility << " tăng chi phí đột biến).\n"
                << "Mã truy cập mẫu: demo-officer-token, demo-employer-token (đơn vị " << first_employer
                << "), demo-facility-token\n";
    }
    return 0;
  };
  init->callback([&] {
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    if (demo) {
      auto lease = (*ctx)->pool->Acquire();
      auto n = lease.ok() ? (*lease)->QueryInt("SELECT COUNT(*) FROM persons") : Result<int64_t>(lease.status());
      if (n.ok() && *n > 0) {
        auto started = (*lease)->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'generate'");
        auto finished = (*lease)->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'generate-complete'");
        if (started.ok() && finished.ok() && *started > 0 && *finished == 0) {
          rc = Fail(Status::Error("incomplete_demo", "database",
                                  "Dữ liệu mẫu trong " + g.db + " được tạo dở (lần trước bị lỗi); hãy xoá tệp và chạy lại",
                                  "the demo data in " + g.db + " is half-written (an earlier run failed); delete it and run again"),
                    g.json);
          return;
        }
        std::cout << "Cơ sở dữ liệu đã có " << *n << " người; bỏ qua tạo dữ liệu mẫu.\n";
        return;
      }
      rc = generate_into(**ctx);
    } else {
      std::cout << "Cơ sở dữ liệu sẵn sàng: " << g.db << "\n";
    }
  });

  auto* genc = app.add_subcommand("generate", "Generate demo data into an empty database");
  add_gen_opts(genc);
  genc->callback([&] {
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    rc = generate_into(**ctx);
  });

  // serve
  auto* serve = app.add_subcommand("serve", "Serve the HTTP API");
  ServerOptions so;
  serve->add_option("--host", so.host, "Address to listen on");
  serve->add_option("--port", so.port, "Port");
  serve->add_option("--threads", so.threads, "I/O threads")->check(CLI::Range(1, 64));
  serve->callback([&] {
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    Status s = (*ctx)->LoadCards();
    if (!s.ok()) { rc = Fail(s, g.json); return; }
    spdlog::info("Đã nạp {} thẻ BHYT vào bộ nhớ", (*ctx)->cards->size());
    AppContext* c = ctx->get();
    s = Serve(so, [c](const HttpRequest& r) { return HandleApi(*c, r); });
    if (!s.ok()) rc = Fail(s, g.json);
  });

  // calc contribution
  auto* calc = app.add_subcommand("calc", "Calculators that need no database");
  calc->require_subcommand(1);
  auto* cc = calc->add_subcommand("contribution", "What the worker and the employer owe for a month");
  std::string c_month, c_salary = "0", c_group = "DN", c_funds;
  int c_region = 0, c_member = 0;
  cc->add_option("--month", c_month, "YYYY-MM")->required();
  cc->add_option("--salary", c_salary, "Contribution salary, VND");
  cc->add_option("--region", c_region, "Wage region 1-4");
  cc->add_option("--group", c_group, "Participant group (DN, HC, HX, GD, HS, BHXHTN, ...)");
  cc->add_option("--member", c_member, "Household member order (GD)");
  cc->add_option("--funds", c_funds, "Funds covered, e.g. HT,OM,TN,BHTN,BHYT (default all)");
  cc->callback([&] {
    auto law = LawBook::Load(g.data + "/law");
    if (!law.ok()) { rc = Fail(law.status(), g.json); return; }
    CalcRequest r;
    auto m = Month::Parse(c_month, "month");
    if (!m.ok()) { rc = Fail(m.status(), g.json); return; }
    auto sal = ParseVnd(c_salary, "salary");
    if (!sal.ok()) { rc = Fail(sal.status(), g.json); return; }
    r.month = *m;
    r.salary = *sal;
    r.region = c_region;
    r.group = c_group;
    r.household_member = c_member;
    if (!c_funds.empty()) {
      auto f = ParseFundMask(c_funds, "funds");
      if (!f.ok()) { rc = Fail(f.status(), g.json); return; }
      r.funds = *f;
    }
    auto res = CalculateContribution(*law, r);
    if (!res.ok()) { rc = Fail(res.status(), g.json); return; }
    if (g.json) { Print(ToJson(*res)); return; }
    std::cout << "Tháng " << r.month.ToString() << " · đối tượng " << res->group.group << " (" << res->group.name_vi
              << ") · luật " << res->card.law << "\n" << res->card.rule_vi << "\n\n";
    for (const auto& l : res->breakdown.lines) {
      if (!l.covered) continue;
      const auto& t = res->card.funds[static_cast<int>(l.fund)];
      for (int p = 0; p < kPartyCount; ++p)
        if (t.rate[p])
          std::printf("  %-36s %-24s căn cứ %14s × %5s%% = %12s\n", FundNameVi(l.fund),
                      PartyNameVi(static_cast<Party>(p)), Dong(l.base).c_str(), PercentString(t.rate[p]).c_str(),
                      Dong(l.amount[p]).c_str());
    }
    for (int p = 0; p < kPartyCount; ++p)
      if (res->breakdown.party_total[p])
        std::cout << "  Cộng " << PartyNameVi(static_cast<Party>(p)) << ": " << Dong(res->breakdown.party_total[p]) << "\n";
    std::cout << "  Tổng cộng: " << Dong(res->breakdown.total) << "\n\nTham số áp dụng:\n";
    for (const auto& p : res->card.params)
      std::cout << "  " << p.key << " = " << p.value << " (từ " << p.effective_from.ToString() << ", " << p.law << ")\n";
  });

  // law
  auto* lawc = app.add_subcommand("law", "Law parameters as data");
  std::string l_date;
  lawc->add_option("--date", l_date, "YYYY-MM-DD (default today)");
  lawc->callback([&] {
    auto law = LawBook::Load(g.data + "/law");
    if (!law.ok()) { rc = Fail(law.status(), g.json); return; }
    Date d = Date::Today();
    if (!l_date.empty()) {
      auto p = Date::Parse(l_date, "date");
      if (!p.ok()) { rc = Fail(p.status(), g.json); return; }
      d = *p;
    }
    Json out = Json::array();
    for (const auto& p : law->InForce(d)) out.push_back(ToJson(p));
    if (g.json) { Print({{"date", d.ToString()}, {"parameters", out}}); return; }
    std::cout << "Tham số có hiệu lực ngày " << d.ToString() << ":\n";
    for (const auto& p : law->InForce(d))
      std::printf("  %-28s %-24s từ %s  %s\n", p.key.c_str(), p.value.c_str(), p.effective_from.ToString().c_str(),
                  p.law.c_str());
  });

  // A helper for subcommands that send a JSON document through the same
  // path as the API.
  auto api_call = [&](const std::string& method, const std::string& path, const std::string& body,
                      const std::map<std::string, std::string>& query = {}) -> int {
    return ApiCommand(g, method, path, body, query);
  };
  auto read_arg = [&](const std::string& file) -> Result<std::string> {
    if (file == "-") { std::string s((std::istreambuf_iterator<char>(std::cin)), {}); return s; }
    return ReadFile(file);
  };

  // person / employer / card
  auto* person = app.add_subcommand("person", "Persons: add (JSON file), show, search, deceased");
  person->require_subcommand(1);
  std::string file, cccd, query, date;
  auto* padd = person->add_subcommand("add", "Register a person from a JSON file");
  padd->add_option("file", file, "JSON file or -")->required();
  padd->callback([&] { auto b = read_arg(file); rc = b.ok() ? api_call("POST", "/persons", *b) : Fail(b.status(), g.json); });
  auto* pshow = person->add_subcommand("show", "Show a person by CCCD");
  pshow->add_option("cccd", cccd)->required();
  pshow->callback([&] { rc = api_call("GET", "/persons/" + cccd, ""); });
  auto* psearch = person->add_subcommand("search", "Search by name (diacritics and case ignored)");
  psearch->add_option("query", query)->required();
  psearch->callback([&] { rc = api_call("GET", "/persons", "", {{"q", query}}); });
  auto* pdead = person->add_subcommand("deceased", "Record a death");
  pdead->add_option("cccd", cccd)->required();
  pdead->add_option("--date", date)->required();
  pdead->callback([&] { rc = api_call("POST", "/persons/" + cccd + "/deceased", Json({{"deceased_on", date}}).dump()); });

  auto* employer = app.add_subcommand("employer", "Employers: add (JSON file), show, status, statement");
  employer->require_subcommand(1);
  std::string code, status, as_of;
  auto* eadd = employer->add_subcommand("add", "Register an employer from a JSON file");
  eadd->add_option("file", file)->required();
  eadd->callback([&] { auto b = read_arg(file); rc = b.ok() ? api_call("POST", "/employers", *b) : Fail(b.status(), g.json); });
  auto* eshow = employer->add_subcommand("show", "Show an employer");
  eshow->add_option("code", code)->required();
  eshow->callback([&] { rc = api_call("GET", "/employers/" + code, ""); });
  auto* estat = employer->add_subcommand("status", "Record a status change");
  estat->add_option("code", code)->required();
  estat->add_option("--status", status, "active | suspended | dissolved | bankrupt")->required();
  estat->add_option("--from", date, "YYYY-MM-DD")->required();
  estat->callback([&] {
    rc = api_call("POST", "/employers/" + code + "/status", Json({{"status", status}, {"effective_from", date}}).dump());
  });
  auto* stmt = app.add_subcommand("statement", "An employer's statement: due, paid, balance, interest");
  stmt->add_option("--employer", code)->required();
  stmt->add_option("--as-of", as_of, "YYYY-MM-DD (default today)");
  stmt->callback([&] { rc = api_call("GET", "/employers/" + code + "/statement", "", {{"as_of", as_of}}); });

  auto* card = app.add_subcommand("card", "HI cards");
  card->require_subcommand(1);
  auto* cissue = card->add_subcommand("issue", "Issue a card from a JSON file");
  cissue->add_option("file", file)->required();
  cissue->callback([&] { auto b = read_arg(file); rc = b.ok() ? api_call("POST", "/cards", *b) : Fail(b.status(), g.json); });

  auto* period = app.add_subcommand("period", "Voluntary SI and household/student HI periods");
  period->require_subcommand(1);
  auto* peradd = period->add_subcommand("add", "Add a period from a JSON file");
  peradd->add_option("file", file)->required();
  peradd->callback([&] { auto b = read_arg(file); rc = b.ok() ? api_call("POST", "/periods", *b) : Fail(b.status(), g.json); });

  // declarations, payments, bank statements
  auto* declare = app.add_subcommand("declare", "Submit an employer's monthly declaration (JSON file)");
  std::string key;
  declare->add_option("file", file)->required();
  declare->add_option("--key", key, "Idempotency key (else the file's idempotency_key)");
  declare->callback([&] {
    auto b = read_arg(file);
    if (!b.ok()) { rc = Fail(b.status(), g.json); return; }
    std::string body = *b;
    if (!key.empty()) {
      auto j = Json::parse(body, nullptr, false);
      if (j.is_object()) { j["idempotency_key"] = key; body = j.dump(); }
    }
    rc = api_call("POST", "/declarations", body);
  });
  auto* imp = app.add_subcommand("import", "Import files");
  imp->require_subcommand(1);
  auto* bank = imp->add_subcommand("bank-statement", "Import a bank statement CSV (employer_code,paid_on,amount,reference)");
  bank->add_option("file", file)->required();
  bank->callback([&] { auto b = read_arg(file); rc = b.ok() ? api_call("POST", "/payments/bank-statement", *b) : Fail(b.status(), g.json); });
  auto* pay = app.add_subcommand("pay", "Post one payment");
  std::string amount, reference;
  pay->add_option("--employer", code)->required();
  pay->add_option("--amount", amount)->required();
  pay->add_option("--date", date)->required();
  pay->add_option("--reference", reference)->required();
  pay->add_option("--key", key, "Idempotency key (default: the reference)");
  pay->callback([&] {
    rc = api_call("POST", "/payments", Json({{"employer_code", code}, {"amount", amount}, {"paid_on", date},
                                             {"reference", reference}, {"idempotency_key", key.empty() ? reference : key}}).dump());
  });

  // collect
  auto* collect = app.add_subcommand("collect", "Compute the dues of a month (monthly collection run)");
  std::string month;
  collect->add_option("--month", month, "YYYY-MM")->required();
  collect->callback([&] {
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    auto m = Month::Parse(month, "month");
    if (!m.ok()) { rc = Fail(m.status(), g.json); return; }
    auto lease = (*ctx)->pool->Acquire();
    if (!lease.ok()) { rc = Fail(lease.status(), g.json); return; }
    ProgressBar bar("collect");
    auto r = RunCollection(**lease, (*ctx)->law, *m, Operator(g), [&](int64_t d, int64_t t) { bar.Update(d, t); });
    if (!r.ok()) { rc = Fail(r.status(), g.json); return; }
    if (g.json) { Print(ToJson(*r)); return; }
    std::cout << "Tháng " << r->month.ToString() << " (luật " << r->law << "): " << r->workers << " người lao động, "
              << r->employers << " đơn vị, phải thu " << Dong(r->total) << " (lần tính số " << r->run_id << ")\n";
  });

  // arrears
  auto* arrears = app.add_subcommand("arrears", "Arrears report by province, type and status; cooperatives (2422)");
  std::string units = "current", province;
  arrears->add_option("--as-of", as_of, "YYYY-MM-DD (default today)");
  arrears->add_option("--units", units, "current (34 provinces) | recorded (as registered)");
  arrears->add_option("--province", province, "Only this province code");
  arrears->callback([&] {
    std::map<std::string, std::string> q = {{"as_of", as_of}, {"units", units}, {"province", province}};
    if (g.json) { rc = api_call("GET", "/arrears", "", q); return; }
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    auto lease = (*ctx)->pool->Acquire();
    if (!lease.ok()) { rc = Fail(lease.status(), g.json); return; }
    ArrearsOptions opt;
    opt.as_of = Date::Today();
    if (!as_of.empty()) {
      auto d = Date::Parse(as_of, "as_of");
      if (!d.ok()) { rc = Fail(d.status(), g.json); return; }
      opt.as_of = *d;
    }
    opt.current_units = units != "recorded";
    opt.province = province;
    auto r = BuildArrearsReport(**lease, (*ctx)->law, (*ctx)->geo, opt);
    if (!r.ok()) { rc = Fail(r.status(), g.json); return; }
    auto row = [](const std::string& k, const ArrearsBucket& b) {
      std::printf("  %-22s %6d đơn vị  %6d nợ 1+ tháng  %6d nợ 3+ tháng  %6d trốn đóng  %18s nợ  %16s lãi\n", k.c_str(),
                  b.employers, b.owing_1plus, b.owing_3plus, b.evasion, Dong(b.owed).c_str(), Dong(b.interest).c_str());
    };
    std::cout << "Báo cáo nợ đóng đến ngày " << r->as_of.ToString() << "\n";
    row("Tổng", r->total);
    std::cout << "Theo tỉnh:\n";
    for (const auto& [k, b] : r->by_province) row(k, b);
    std::cout << "Theo loại hình:\n";
    for (const auto& [k, b] : r->by_type) row(k, b);
    std::cout << "Theo trạng thái:\n";
    for (const auto& [k, b] : r->by_status) row(k, b);
    std::cout << "Hợp tác xã (QĐ 2422/QĐ-BHXH §II.2):\n";
    for (const auto& [k, b] : r->cooperatives) row(k, b);
    std::cout << "  Người lao động của HTX giải thể/phá sản còn nợ: " << r->cooperative_workers.size() << "\n";
  });

  // eligibility
  auto* elig = app.add_subcommand("eligibility", "Check an HI card by CCCD, SI number or card code");
  std::string e_id, e_fac, e_name, e_dob;
  elig->add_option("--id", e_id, "CCCD, SI number or card code")->required();
  elig->add_option("--facility", e_fac, "Facility code (5 digits)");
  elig->add_option("--date", date, "YYYY-MM-DD (default today)");
  elig->add_option("--name", e_name, "Full name to check");
  elig->add_option("--dob", e_dob, "Date of birth to check");
  elig->callback([&] {
    rc = api_call("GET", "/eligibility", "", {{"id", e_id}, {"facility", e_fac}, {"date", date}, {"full_name", e_name}, {"dob", e_dob}});
  });

  // history
  auto* hist = app.add_subcommand("history", "A citizen's contribution history (social-insurance book)");
  hist->add_option("--cccd", cccd)->required();
  hist->add_option("--as-of", as_of);
  hist->callback([&] { rc = api_call("GET", "/persons/" + cccd + "/history", "", {{"as_of", as_of}}); });

  auto* audit = app.add_subcommand("audit", "Recent audit entries");
  int limit = 50;
  audit->add_option("--limit", limit);
  audit->add_option("--key", key, "Only entries about this key (CCCD, employer code, month)");
  audit->callback([&] { rc = api_call("GET", "/audit", "", {{"limit", std::to_string(limit)}, {"key", key}}); });

  // claims
  auto* claims = app.add_subcommand("claims", "HI claims in the XML 130 standard");
  claims->require_subcommand(1);
  auto* ccheck = claims->add_subcommand("check", "Pre-check an envelope (GIAMDINHHS) without the database");
  ccheck->add_option("file", file, "Envelope XML file or -")->required();
  ccheck->callback([&] {
    auto law = LawBook::Load(g.data + "/law");
    if (!law.ok()) { rc = Fail(law.status(), g.json); return; }
    auto schema = ClaimSchema::Load(g.data + "/claims");
    if (!schema.ok()) { rc = Fail(schema.status(), g.json); return; }
    auto text = read_arg(file);
    if (!text.ok()) { rc = Fail(text.status(), g.json); return; }
    auto env = ParseEnvelope(*text);
    if (!env.ok()) { rc = Fail(env.status(), g.json); return; }
    CheckReport r = PreCheck(*env, *schema, *law);
    if (g.json) { Print(ToJson(r)); return; }
    int rejected = 0;
    for (const auto& e : r.encounters) {
      rejected += e.rejected();
      if (e.findings.empty()) continue;
      std::cout << "Hồ sơ " << e.ma_lk << (e.rejected() ? " — có lỗi xuất toán" : " — cảnh báo") << "\n";
      for (const auto& f : e.findings)
        std::cout << "  [" << (f.severity == "reject" ? "XUẤT TOÁN" : "CẢNH BÁO") << "] " << f.rule << " " << f.table
                  << (f.stt.empty() ? "" : " dòng " + f.stt) << " " << f.field << ": " << f.message << "\n";
    }
    for (const auto& e : r.errors) std::cout << "  [LỖI] " << e.field << ": " << e.message << "\n";
    std::cout << r.encounters.size() << " hồ sơ, " << r.lines << " dòng chi tiết; " << rejected
              << " hồ sơ có lỗi xuất toán; " << r.errors.size() << " lỗi cấu trúc.\n";
  });
  auto* csynth = claims->add_subcommand("synth", "Write a synthetic envelope (for trying the checks)");
  SynthOptions so_synth;
  std::string out_file = "-";
  std::vector<std::string> defect_args;
  csynth->add_option("--encounters", so_synth.encounters)->check(CLI::Range(1, 1'000'000));
  csynth->add_option("--seed", so_synth.seed);
  csynth->add_option("--facility", so_synth.facility);
  csynth->add_option("--defect", defect_args, "INDEX:KIND, e.g. 2:line_price (kinds: line_price total benefit "
                                               "order_before_admission expired_card bed_days exam_fee no_performer overlap bad_date)");
  csynth->add_option("--out", out_file);
  csynth->callback([&] {
    auto law = LawBook::Load(g.data + "/law");
    if (!law.ok()) { rc = Fail(law.status(), g.json); return; }
    for (const auto& d : defect_args) {
      size_t c = d.find(':');
      if (c == std::string::npos || !IsDigits(d.substr(0, c))) {
        rc = Fail(Status::Invalid("defect", "Dạng INDEX:KIND", "expected INDEX:KIND"), g.json);
        return;
      }
      so_synth.defects.push_back({std::stoi(d.substr(0, c)), d.substr(c + 1)});
    }
    std::string xml = SynthEnvelope(*law, so_synth);
    if (out_file == "-") std::cout << xml << "\n";
    else {
      FILE* f = std::fopen(out_file.c_str(), "w");
      if (!f) { rc = Fail(Status::Invalid("out", "Không ghi được tệp", "cannot write file"), g.json); return; }
      std::fwrite(xml.data(), 1, xml.size(), f);
      std::fclose(f);
    }
  });

  auto* csubmit = claims->add_subcommand("submit", "Submit envelopes (files or folders of .xml) for review");
  std::vector<std::string> paths;
  csubmit->add_option("paths", paths, "Envelope files or folders")->required();
  csubmit->callback([&] {
    std::vector<std::string> files;
    for (const auto& p : paths) {
      if (std::filesystem::is_directory(p)) {
        for (const auto& e : std::filesystem::directory_iterator(p))
          if (e.path().extension() == ".xml") files.push_back(e.path().string());
      } else {
        files.push_back(p);
      }
    }
    std::sort(files.begin(), files.end());
    auto ctx = OpenCtx(g);
    if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
    Status s = (*ctx)->LoadCards();
    if (!s.ok()) { rc = Fail(s, g.json); return; }
    auto lease = (*ctx)->pool->Acquire();
    if (!lease.ok()) { rc = Fail(lease.status(), g.json); return; }
    ProgressBar bar("claims");
    Json all = Json::array();
    int64_t n = 0;
    auto cat = (*ctx)->CurrentCatalogue();
    ReviewDeps deps{(*ctx)->claims, (*ctx)->law, *(*ctx)->cards, *cat};
    Status st = SubmitFiles(**lease, deps, files, Operator(g), [&](const std::string& f, const ReviewResult& r) {
      if (g.json) all.push_back(ToJson(r));
      else {
        int64_t claimed = 0, approved = 0;
        for (const auto& e : r.encounters) { claimed += e.claimed; approved += e.approved; }
        std::cout << f << ": " << r.encounters.size() << " hồ sơ, đề nghị " << Dong(claimed / 1000) << ", chấp nhận "
                  << Dong(approved / 1000) << (r.replayed ? " (đã gửi trước đó)" : "") << "\n";
      }
      bar.Update(++n, static_cast<int64_t>(files.size()));
    });
    if (!st.ok()) { rc = Fail(st, g.json); return; }
    if (g.json) Print(all);
  });
  auto* ccat = claims->add_subcommand("catalogue", "Import a catalogue CSV (drugs, services, facilities)");
  std::string kind;
  ccat->add_option("kind", kind, "drugs | services | facilities")->required();
  ccat->add_option("file", file)->required();
  ccat->callback([&] { auto b = read_arg(file); rc = b.ok() ? api_call("POST", "/catalogues/" + kind, *b) : Fail(b.status(), g.json); });
  auto* csettle = claims->add_subcommand("settle", "Quarterly settlement of a facility");
  std::string quarter;
  csettle->add_option("--facility", code)->required();
  csettle->add_option("--quarter", quarter, "YYYY-Qn")->required();
  csettle->callback([&] { rc = api_call("GET", "/settlements", "", {{"facility", code}, {"quarter", quarter}}); });
  auto* cprices = claims->add_subcommand("prices", "Published winning-bid drug prices (CSV with --csv)");
  bool csv = false;
  cprices->add_option("--province", province);
  cprices->add_option("--facility", code);
  cprices->add_option("--date", date);
  cprices->add_flag("--csv", csv);
  std::string xlsx_out;
  cprices->add_option("--xlsx", xlsx_out, "Write an XLSX workbook to this file");
  cprices->callback([&] {
    if (!xlsx_out.empty()) {
      auto ctx = OpenCtx(g);
      if (!ctx.ok()) { rc = Fail(ctx.status(), g.json); return; }
      auto lease = (*ctx)->pool->Acquire();
      if (!lease.ok()) { rc = Fail(lease.status(), g.json); return; }
      auto r = PublishedPrices(**lease, province, code, date);
      if (!r.ok()) { rc = Fail(r.status(), g.json); return; }
      auto x = PricesXlsx(*r);
      if (!x.ok()) { rc = Fail(x.status(), g.json); return; }
      FILE* f = std::fopen(xlsx_out.c_str(), "wb");
      if (!f) { rc = Fail(Status::Invalid("xlsx", "Không ghi được tệp", "cannot write file"), g.json); return; }
      std::fwrite(x->data(), 1, x->size(), f);
      std::fclose(f);
      std::cout << "Đã ghi " << r->size() << " dòng giá thuốc vào " << xlsx_out << "\n";
      return;
    }
    rc = api_call("GET", "/drug-prices", "", {{"province", province}, {"facility", code}, {"date", date}, {"format", csv ? "csv" : ""}});
  });

  auto* calerts = claims->add_subcommand("alerts", "Daily alerts of abnormal cost rises (88/QĐ-BHXH task 13.1)");
  calerts->add_option("--date", date, "YYYY-MM-DD (default today)");
  calerts->add_option("--province", province);
  calerts->add_option("--facility", code);
  calerts->add_flag("--csv", csv);
  calerts->callback([&] {
    rc = api_call("GET", "/alerts", "", {{"date", date}, {"province", province}, {"facility", code}, {"format", csv ? "csv" : ""}});
  });

  auto* openapi = app.add_subcommand("openapi", "Print the OpenAPI document");
  openapi->callback([&] { std::cout << OpenApiDocument() << "\n"; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  return rc;
}
