#include "funds/investments.h"

#include <algorithm>
#include <cmath>

#include "base/citation.h"
#include "base/csv.h"
#include "base/parse.h"

namespace bhxh {

Result<std::vector<InstrumentRule>> LoadInstruments(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  std::vector<int> c;
  for (const char* n : {"kind", "allowed_from", "allowed_until", "min_share_percent", "max_share_percent", "name_vi",
                        "law", "note"}) {
    int i = t.Column(n);
    if (i < 0) return Status::Invalid(path, std::string("Thiếu cột ") + n, std::string("missing column ") + n);
    c.push_back(i);
  }
  std::vector<InstrumentRule> out;
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    InstrumentRule k;
    k.kind = r.cells[c[0]];
    BHXH_ASSIGN_OR_RETURN(k.allowed_from, Date::Parse(r.cells[c[1]], where));
    if (!r.cells[c[2]].empty()) {
      BHXH_ASSIGN_OR_RETURN(k.allowed_until, Date::Parse(r.cells[c[2]], where));
    }
    if (!r.cells[c[3]].empty()) {
      BHXH_ASSIGN_OR_RETURN(k.min_share, ParseDouble(r.cells[c[3]], where));
    }
    if (!r.cells[c[4]].empty()) {
      BHXH_ASSIGN_OR_RETURN(k.max_share, ParseDouble(r.cells[c[4]], where));
    }
    k.name_vi = r.cells[c[5]];
    k.law = r.cells[c[6]];
    k.note = r.cells[c[7]];
    out.push_back(std::move(k));
  }
  return out;
}

namespace {

const InstrumentRule* RuleFor(const std::vector<InstrumentRule>& rules, const std::string& kind) {
  for (const auto& r : rules)
    if (r.kind == kind) return &r;
  return nullptr;
}
bool AllowedOn(const InstrumentRule& r, Date d) { return d >= r.allowed_from && (!r.allowed_until || d <= *r.allowed_until); }

Result<int> DayCount(const ParamTable& p, Date d) {
  BHXH_ASSIGN_OR_RETURN(int64_t v, p.Integer("investment.day_count", d));
  return static_cast<int>(v);
}

constexpr const char* kCols =
    "id, fund, kind, issuer, reference, amount, rate_micro, purchased_on, matures_on, entry_id, created_at, created_by";

Result<Investment> FromRow(Stmt& st) {
  Investment v;
  v.id = st.Int(0);
  v.fund = st.Text(1);
  v.kind = st.Text(2);
  v.issuer = st.Text(3);
  v.reference = st.Text(4);
  v.amount = st.Int(5);
  v.rate = st.Int(6);
  BHXH_ASSIGN_OR_RETURN(v.purchased_on, Date::Parse(st.Text(7), "purchased_on"));
  BHXH_ASSIGN_OR_RETURN(v.matures_on, Date::Parse(st.Text(8), "matures_on"));
  v.entry_id = st.Int(9);
  v.created_at = st.Text(10);
  v.created_by = st.Text(11);
  return v;
}

Result<std::vector<Investment>> LoadAll(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM fund_investments ORDER BY id"));
  std::vector<Investment> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(Investment v, FromRow(*st));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

Vnd Investment::AccruedThrough(Date through, int day_count) const {
  // Days earning interest: purchase day up to the day before maturity.
  int last = std::min(through.days(), matures_on.days() - 1);
  int days = last - purchased_on.days() + 1;
  if (days <= 0 || day_count <= 0) return 0;
  __int128 num = static_cast<__int128>(amount) * rate * days;
  __int128 den = static_cast<__int128>(kMicroPerUnit) * day_count;  // rate in millionths
  return static_cast<Vnd>((num + den / 2) / den);
}

Result<Investment> AddInvestment(Db& db, const FundsCatalog& cat, const std::vector<InstrumentRule>& rules,
                                 const InvestmentInput& in, const Actor& actor) {
  if (!cat.Fund(in.fund) || in.fund == "unallocated")
    return Status::Invalid("fund", "Quỹ không tồn tại hoặc không đầu tư được: \"" + in.fund + "\"",
                           "unknown or non-investing fund \"" + in.fund + "\"");
  const InstrumentRule* rule = RuleFor(rules, in.kind);
  if (!rule)
    return Status::Invalid("kind", "Hình thức đầu tư không có trong danh mục luật cho phép: \"" + in.kind + "\"",
                           "investment kind not permitted by law: \"" + in.kind + "\"");
  if (in.issuer.empty() || in.issuer.size() > 200)
    return Status::Invalid("issuer", "Tổ chức phát hành/nhận tiền gửi bắt buộc, tối đa 200 ký tự",
                           "issuer is required, at most 200 bytes");
  if (in.reference.empty() || in.reference.size() > 100)
    return Status::Invalid("reference", "Số hợp đồng/mã trái phiếu bắt buộc, tối đa 100 ký tự",
                           "reference is required, at most 100 bytes");
  BHXH_ASSIGN_OR_RETURN(Vnd amount, ParseVnd(in.amount, "amount"));
  if (amount <= 0) return Status::Invalid("amount", "Số tiền đầu tư phải lớn hơn 0", "amount must be positive");
  BHXH_ASSIGN_OR_RETURN(RateMicro rate, ParsePercent(in.rate, "rate"));
  if (rate <= 0 || rate > 300'000)
    return Status::Invalid("rate", "Lãi suất phải lớn hơn 0 và không quá 30%/năm", "rate must be in (0, 30] percent");
  BHXH_ASSIGN_OR_RETURN(Date bought, Date::ParseIsoOrVi(in.purchased_on, "purchased_on"));
  BHXH_ASSIGN_OR_RETURN(Date matures, Date::ParseIsoOrVi(in.matures_on, "matures_on"));
  if (matures <= bought)
    return Status::Invalid("matures_on", "Ngày đáo hạn phải sau ngày mua", "maturity must be after purchase");
  if (!AllowedOn(*rule, bought))
    return Status::Invalid("kind",
                           "Hình thức \"" + rule->name_vi + "\" không được phép vào ngày " + bought.ToVi() + " (" +
                               CitationVi(rule->law) + ")",
                           "kind " + in.kind + " not permitted on " + bought.ToString());
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM fund_investments WHERE reference = ?"));
    st->Bind(in.reference);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      BHXH_ASSIGN_OR_RETURN(Investment v, FromRow(*st));
      if (v.fund != in.fund || v.kind != in.kind || v.amount != amount || v.rate != rate || v.purchased_on != bought ||
          v.matures_on != matures)
        return Status::Conflict("reference", "Mã khoản đầu tư đã có với nội dung khác",
                                "the reference exists with other terms");
      v.replayed = true;
      return v;
    }
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  EntryInput e;
  e.posted_on = bought;
  e.description = "Mua " + rule->name_vi + " " + in.reference + " của " + in.issuer;
  e.source_kind = "investment";
  e.source_ref = in.reference;
  e.idempotency_key = "funds:investment:" + in.reference;
  e.lines = {{"investments", in.fund, "", amount, 0}, {"cash", in.fund, "", 0, amount}};
  BHXH_ASSIGN_OR_RETURN(Entry posted, PostEntry(db, cat, e, actor));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO fund_investments (fund, kind, issuer, reference, amount, "
                                            "rate_micro, purchased_on, matures_on, entry_id, created_at, created_by) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  st->Bind(in.fund, in.kind, in.issuer, in.reference, amount, static_cast<int64_t>(rate), bought.ToString(),
           matures.ToString(), posted.id, NowIsoUtc(), actor.id);
  BHXH_ASSIGN_OR_RETURN(bool got, st->Step());
  if (!got) return Status::Internal("investment insert returned no id");
  Investment v;
  v.id = st->Int(0);
  st.reset();
  BHXH_RETURN_IF_ERROR(tx.Commit());
  v.fund = in.fund;
  v.kind = in.kind;
  v.issuer = in.issuer;
  v.reference = in.reference;
  v.amount = amount;
  v.rate = rate;
  v.purchased_on = bought;
  v.matures_on = matures;
  v.entry_id = posted.id;
  v.created_by = actor.id;
  return v;
}

namespace {

std::vector<KindShare> Structure(const std::map<std::string, Vnd>& by_kind, const std::vector<InstrumentRule>& rules,
                                 Date on) {
  Vnd total = 0;
  for (const auto& [k, v] : by_kind) total += v;
  std::vector<KindShare> out;
  for (const auto& [k, v] : by_kind) {
    KindShare s;
    s.kind = k;
    s.amount = v;
    s.share = total > 0 ? 100.0 * static_cast<double>(v) / static_cast<double>(total) : 0;
    const InstrumentRule* r = RuleFor(rules, k);
    if (r) {
      s.name_vi = r->name_vi;
      s.max_share = r->max_share;
      s.min_share = r->min_share;
      s.allowed = AllowedOn(*r, on);
    } else {
      s.allowed = false;
    }
    char buf[160];
    if (!s.allowed) s.problem_vi = "hình thức không được phép vào ngày " + on.ToVi();
    else if (s.max_share && s.share > *s.max_share + 1e-9) {
      std::snprintf(buf, sizeof buf, "tỷ trọng %.2f%% vượt mức tối đa %.2f%%", s.share, *s.max_share);
      s.problem_vi = buf;
    } else if (s.min_share && s.share + 1e-9 < *s.min_share) {
      std::snprintf(buf, sizeof buf, "tỷ trọng %.2f%% dưới mức tối thiểu %.2f%%", s.share, *s.min_share);
      s.problem_vi = buf;
    }
    for (auto& ch : s.problem_vi)
      if (ch == '.') ch = ',';
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<Portfolio> LoadPortfolio(Db& db, const std::vector<InstrumentRule>& rules, const ParamTable& params, Date as_of) {
  BHXH_ASSIGN_OR_RETURN(int dc, DayCount(params, as_of));
  BHXH_ASSIGN_OR_RETURN(auto all, LoadAll(db));
  Portfolio p;
  p.as_of = as_of;
  std::map<int, LadderRow> ladder;
  std::map<std::string, Vnd> by_kind;
  for (auto& v : all) {
    if (v.purchased_on > as_of || v.matures_on <= as_of) continue;
    Vnd acc = v.AccruedThrough(as_of, dc);
    p.principal += v.amount;
    p.accrued_total += acc;
    auto& l = ladder[v.matures_on.ymd().year];
    l.year = v.matures_on.ymd().year;
    l.amount += v.amount;
    ++l.count;
    by_kind[v.kind] += v.amount;
    p.accrued.push_back(acc);
    p.items.push_back(std::move(v));
  }
  for (auto& [y, l] : ladder) p.ladder.push_back(l);
  p.structure = Structure(by_kind, rules, as_of);
  return p;
}

Result<SourcePosting> AccrueInterest(Db& db, const FundsCatalog& cat, const ParamTable& params, Month month,
                                     const Actor& actor) {
  BHXH_RETURN_IF_ERROR(RequireOpen(db, month));
  BHXH_ASSIGN_OR_RETURN(auto all, LoadAll(db));
  NetLines target;
  Date end = month.LastDay(), before = month.FirstDay().AddDays(-1);
  for (const auto& v : all) {
    if (v.purchased_on > end || v.matures_on.days() <= month.FirstDay().days() - 1) continue;
    BHXH_ASSIGN_OR_RETURN(int dc, DayCount(params, v.purchased_on));
    Vnd in_month = v.AccruedThrough(end, dc) - v.AccruedThrough(before, dc);
    if (in_month) {
      target[{"interest_receivable", v.fund, ""}] += in_month;
      target[{"investment_income", v.fund, ""}] -= in_month;
    }
    if (v.matures_on >= month.FirstDay() && v.matures_on <= end) {
      Vnd interest = v.AccruedThrough(end, dc);
      target[{"cash", v.fund, ""}] += v.amount + interest;
      target[{"investments", v.fund, ""}] -= v.amount;
      target[{"interest_receivable", v.fund, ""}] -= interest;
    }
  }
  for (auto it = target.begin(); it != target.end();) it = it->second == 0 ? target.erase(it) : std::next(it);
  return ReconcileSource(db, cat, "interest", month.ToString(),
                         "Lãi đầu tư dự thu và các khoản đáo hạn tháng " + month.ToVi(), target, month, actor);
}

Result<YieldResult> RealisedYield(Db& db, const ParamTable& params, int year) {
  BHXH_ASSIGN_OR_RETURN(auto all, LoadAll(db));
  Date first = Date::FromYmd(year, 1, 1), last = Date::FromYmd(year, 12, 31);
  int days = last.days() - first.days() + 1;
  YieldResult y;
  y.year = year;
  __int128 principal_days = 0;
  for (const auto& v : all) {
    int from = std::max(first.days(), v.purchased_on.days()), to = std::min(last.days(), v.matures_on.days() - 1);
    if (to < from) continue;
    principal_days += static_cast<__int128>(v.amount) * (to - from + 1);
    BHXH_ASSIGN_OR_RETURN(int dc, DayCount(params, v.purchased_on));
    y.interest += v.AccruedThrough(last, dc) - v.AccruedThrough(first.AddDays(-1), dc);
  }
  y.average_principal = static_cast<double>(principal_days) / days;
  if (y.average_principal <= 0)
    return Status::NotFound("year", "Không có khoản đầu tư nào trong năm " + std::to_string(year),
                            "no investment outstanding in " + std::to_string(year));
  y.yield_percent = 100.0 * static_cast<double>(y.interest) / y.average_principal;
  char buf[256];
  std::snprintf(buf, sizeof buf, "Lãi phát sinh trong năm %s đồng / dư nợ gốc bình quân ngày %s đồng = %.4f%%",
                FormatVnd(y.interest).c_str(), FormatVnd(static_cast<Vnd>(std::llround(y.average_principal))).c_str(),
                y.yield_percent);
  y.method_vi = buf;
  return y;
}

Status SavePlan(Db& db, int year, const std::vector<PlanRow>& rows, const std::vector<InstrumentRule>& rules,
                const Actor& actor) {
  if (year < 2016 || year > 2200)
    return Status::Invalid("year", "Năm kế hoạch không hợp lệ", "plan year out of range");
  if (rows.empty()) return Status::Invalid("rows", "Kế hoạch cần ít nhất một dòng", "a plan needs at least one row");
  Date on = Date::FromYmd(year, 1, 1);
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string f = ItemField("rows", i);
    const InstrumentRule* r = RuleFor(rules, rows[i].kind);
    if (!r || !AllowedOn(*r, on))
      return Status::Invalid(f + ".kind", "Hình thức \"" + rows[i].kind + "\" không được phép trong năm " + std::to_string(year),
                             "kind " + rows[i].kind + " not permitted in " + std::to_string(year));
    if (rows[i].amount < 0)
      return Status::Invalid(f + ".amount", "Số tiền kế hoạch không được âm", "plan amount must not be negative");
    for (size_t j = 0; j < i; ++j)
      if (rows[j].kind == rows[i].kind)
        return Status::Invalid(f + ".kind", "Hình thức lặp lại trong kế hoạch", "kind repeated in the plan");
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM fund_investment_plans WHERE year = ?"));
  BHXH_RETURN_IF_ERROR(del->Bind(static_cast<int64_t>(year)).Run());
  for (const auto& r : rows) {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO fund_investment_plans (year, kind, amount, created_at, "
                                              "created_by) VALUES (?, ?, ?, ?, ?)"));
    BHXH_RETURN_IF_ERROR(st->Bind(static_cast<int64_t>(year), r.kind, r.amount, NowIsoUtc(), actor.id).Run());
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "funds.plan", "investment_plan", std::to_string(year),
                                  std::to_string(rows.size()) + " rows"));
  return tx.Commit();
}

Result<PlanCheck> CheckPlan(Db& db, int year, const std::vector<InstrumentRule>& rules, const ParamTable& params) {
  PlanCheck c;
  c.year = year;
  std::map<std::string, Vnd> planned;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT kind, amount FROM fund_investment_plans WHERE year = ?"));
    st->Bind(static_cast<int64_t>(year));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      planned[st->Text(0)] = st->Int(1);
    }
  }
  if (planned.empty())
    return Status::NotFound("year", "Chưa có kế hoạch đầu tư năm " + std::to_string(year),
                            "no investment plan for " + std::to_string(year));
  Date on = Date::FromYmd(year, 1, 1);
  c.planned = Structure(planned, rules, on);
  Date end = std::min(Date::FromYmd(year, 12, 31), Date::Today());
  BHXH_ASSIGN_OR_RETURN(Portfolio p, LoadPortfolio(db, rules, params, end));
  c.realised = p.structure;
  for (const auto& s : c.planned)
    if (!s.problem_vi.empty()) c.problems_vi.push_back("Kế hoạch, " + s.name_vi + ": " + s.problem_vi);
  for (const auto& s : c.realised)
    if (!s.problem_vi.empty()) c.problems_vi.push_back("Thực hiện, " + s.name_vi + ": " + s.problem_vi);
  BHXH_ASSIGN_OR_RETURN(RateMicro tol, params.Percent("investment.plan_tolerance", on));
  double tolerance = static_cast<double>(tol) / 10'000;  // millionths → percent points
  for (const auto& pl : c.planned) {
    double realised = 0;
    for (const auto& r : c.realised)
      if (r.kind == pl.kind) realised = r.share;
    if (std::abs(realised - pl.share) > tolerance) {
      char buf[200];
      std::snprintf(buf, sizeof buf, "%s: tỷ trọng thực hiện %.2f%% lệch kế hoạch %.2f%% quá %.2f điểm",
                    pl.name_vi.c_str(), realised, pl.share, tolerance);
      std::string s = buf;
      for (auto& ch : s)
        if (ch == '.') ch = ',';
      c.problems_vi.push_back(s);
    }
  }
  return c;
}

Result<YieldResult> PublishYield(Db& db, const ParamTable& params, int year, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(YieldResult y, RealisedYield(db, params, year));
  if (Date::FromYmd(year, 12, 31) >= Date::Today())
    return Status::Invalid("year", "Chỉ công bố lợi suất của năm đã kết thúc", "only an ended year's yield is published");
  char value[32];
  std::snprintf(value, sizeof value, "%.4f", y.yield_percent);
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  std::string from = std::to_string(year + 1) + "-01-01";
  BHXH_ASSIGN_OR_RETURN(auto old, db.Prepare("SELECT value FROM published_parameters WHERE key = "
                                             "'fund_investment_yield' AND effective_from = ?"));
  old->Bind(from);
  BHXH_ASSIGN_OR_RETURN(bool exists, old->Step());
  if (exists) {
    if (old->Text(0) == value) return y;
    return Status::Conflict("year", "Lợi suất năm " + std::to_string(year) + " đã công bố là " + old->Text(0) + "%",
                            "the yield of " + std::to_string(year) + " is already published");
  }
  old.reset();
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO published_parameters (key, effective_from, value, unit, law, "
                                            "source, note, created_at, created_by) VALUES ('fund_investment_yield', ?, ?, "
                                            "'percent', 'VSS investment results', 'funds', ?, ?, ?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(from, std::string(value), y.method_vi, NowIsoUtc(), actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "funds.publish_yield", "law_parameter", "fund_investment_yield " + from, value));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return y;
}

Result<std::vector<LawParam>> PublishedParameters(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT key, effective_from, value, unit, law, source, note FROM "
                                            "published_parameters ORDER BY key, effective_from"));
  std::vector<LawParam> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    LawParam p;
    p.key = st->Text(0);
    BHXH_ASSIGN_OR_RETURN(p.effective_from, Date::Parse(st->Text(1), "effective_from"));
    p.value = st->Text(2);
    p.unit = st->Text(3);
    p.law = st->Text(4);
    p.source = st->Text(5);
    p.note = "published: " + st->Text(6);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace bhxh
