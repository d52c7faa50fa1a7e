#include "demo/funds_gen.h"

#include "funds/forecast.h"
#include "funds/investments.h"
#include "funds/sources.h"

namespace bhxh {

Result<FundsGenStats> GenerateFunds(Db& db, const LawBook& law, const FundsData& data, Month first, Month last,
                                    const std::string& province, const Actor& actor) {
  FundsGenStats st;
  // Balances brought forward: the province's reserves (made up, in
  // proportion to its monthly dues: about five years of them).
  BHXH_ASSIGN_OR_RETURN(int64_t monthly, db.QueryInt("SELECT COALESCE(SUM(amount), 0) FROM employer_dues WHERE month = " +
                                                     std::to_string(first.index())));
  const Vnd reserve = std::max<Vnd>(monthly, 1'000'000) * 60;
  EntryInput open;
  open.posted_on = first.FirstDay();
  open.description = "Số dư các quỹ chuyển sang (dữ liệu mẫu)";
  open.source_kind = "opening";
  open.source_ref = first.ToString();
  open.idempotency_key = "demo:opening";
  const std::pair<const char*, int> shares[] = {{"retirement", 70}, {"sickness", 6}, {"accident", 3},
                                                {"unemployment", 12}, {"health_medical", 7}, {"health_reserve", 2}};
  for (const auto& [fund, pct] : shares) {
    Vnd v = reserve / 100 * pct;
    open.lines.push_back({"cash", fund, province, v, 0});
    open.lines.push_back({"fund_reserve", fund, province, 0, v});
  }
  BHXH_ASSIGN_OR_RETURN(Entry e, PostEntry(db, data.catalog, open, actor));
  (void)e;
  ++st.entries;
  // The retirement fund's investments: bonds and deposits bought in the first year.
  const Vnd invest = reserve / 100 * 60;
  struct Buy {
    const char *kind, *issuer, *ref, *rate;
    int pct, month, years;
  };
  const Buy buys[] = {{"government_bond", "Kho bạc Nhà nước", "TD2335001", "3.15", 45, 1, 10},
                      {"government_bond", "Kho bạc Nhà nước", "TD2330002", "2.85", 30, 3, 7},
                      {"bank_deposit", "Ngân hàng TMCP Ngoại thương Việt Nam", "TG-VCB-2301", "5.2", 15, 2, 2},
                      {"bank_bond", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "BIDL2326001", "6.1", 10, 6, 3}};
  for (const auto& b : buys) {
    Month m = first.Add(b.month - 1);
    InvestmentInput in{"retirement", b.kind, b.issuer, b.ref, std::to_string(invest / 100 * b.pct), b.rate,
                       m.FirstDay().AddDays(14).ToString(),
                       Month::Of(m.year() + b.years, m.month()).FirstDay().AddDays(14).ToString(),
                       std::string("demo:") + b.ref};
    BHXH_ASSIGN_OR_RETURN(Investment v, AddInvestment(db, data.catalog, data.instruments, in, actor));
    (void)v;
    ++st.investments;
  }
  // Every month from the engines, interest, management costs.
  for (Month m = first; m <= last; m = m.Next()) {
    BHXH_ASSIGN_OR_RETURN(SourcesResult r, PostSources(db, law, data.params, data.catalog, m, actor));
    for (const auto& p : r.postings) st.entries += p.entry_id ? 1 : 0;
    BHXH_ASSIGN_OR_RETURN(SourcePosting i, AccrueInterest(db, data.catalog, data.params, m, actor));
    st.entries += i.entry_id ? 1 : 0;
    EntryInput cost;
    cost.posted_on = m.LastDay();
    cost.description = "Chi phí quản lý BHXH, BHYT, BHTN tháng " + m.ToVi();
    cost.idempotency_key = "demo:cost:" + m.ToString();
    Vnd c = std::max<Vnd>(monthly / 100, 1000);  // about 1% of the month's dues (made up)
    cost.lines = {{"management_cost", "retirement", province, c, 0}, {"cash", "retirement", province, 0, c}};
    BHXH_ASSIGN_OR_RETURN(Entry ce, PostEntry(db, data.catalog, cost, actor));
    (void)ce;
    ++st.entries;
    ++st.months;
  }
  for (Month m = first; m < last.Add(-1); m = m.Next()) BHXH_RETURN_IF_ERROR(ClosePeriod(db, m, actor));
  BHXH_ASSIGN_OR_RETURN(Estimates est, MakeEstimates(db, data.catalog, data.params, data.assumptions, last.year() + 1, last, actor));
  (void)est;
  return st;
}

}  // namespace bhxh
