#include "funds/journal.h"

#include <algorithm>
#include <set>

#include "base/csv.h"
#include "base/parse.h"
#include "base/xlsx_out.h"

namespace bhxh {

// ---------------------------------------------------------------- catalogue

Result<FundsCatalog> FundsCatalog::Load(const std::string& dir) {
  FundsCatalog c;
  {
    std::string path = dir + "/accounts.csv";
    BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
    std::vector<int> col;
    for (const char* n : {"code", "number", "kind", "normal", "name_vi", "name_en"}) {
      int i = t.Column(n);
      if (i < 0) return Status::Invalid(path, std::string("Thiếu cột ") + n, std::string("missing column ") + n);
      col.push_back(i);
    }
    static const std::set<std::string> kKinds = {"asset", "liability", "equity", "revenue", "expense"};
    for (const auto& r : t.rows) {
      AccountDef a{r.cells[col[0]], r.cells[col[1]], r.cells[col[2]], r.cells[col[3]], r.cells[col[4]], r.cells[col[5]]};
      if (a.code.empty() || !kKinds.count(a.kind) || (a.normal != "debit" && a.normal != "credit"))
        return Status::Invalid(path + ":" + std::to_string(r.line), "Tài khoản không hợp lệ: " + a.code,
                               "bad account row " + a.code);
      c.accounts_.push_back(std::move(a));
    }
  }
  {
    std::string path = dir + "/funds.csv";
    BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
    std::vector<int> col;
    for (const char* n : {"code", "source_fund", "name_vi", "name_en", "law"}) {
      int i = t.Column(n);
      if (i < 0) return Status::Invalid(path, std::string("Thiếu cột ") + n, std::string("missing column ") + n);
      col.push_back(i);
    }
    for (const auto& r : t.rows)
      c.funds_.push_back({r.cells[col[0]], r.cells[col[1]], r.cells[col[2]], r.cells[col[3]], r.cells[col[4]]});
  }
  return c;
}

const AccountDef* FundsCatalog::Account(const std::string& code) const {
  for (const auto& a : accounts_)
    if (a.code == code) return &a;
  return nullptr;
}
const FundDef* FundsCatalog::Fund(const std::string& code) const {
  for (const auto& f : funds_)
    if (f.code == code) return &f;
  return nullptr;
}

Vnd Entry::Total() const {
  Vnd t = 0;
  for (const auto& l : lines) t += l.debit;
  return t;
}

// ---------------------------------------------------------------- entries

namespace {

constexpr Vnd kMaxLine = 1'000'000'000'000'000'000;  // 10^18 VND: far above any fund

std::string LineField(size_t i, const char* name) { return ItemField("lines", i) + "." + name; }

bool ProvinceOk(const std::string& p) {
  return p.empty() || (p.size() == 2 && std::isdigit(static_cast<unsigned char>(p[0])) &&
                       std::isdigit(static_cast<unsigned char>(p[1])));
}

std::string CanonicalLines(const std::vector<PostingLine>& lines) {
  std::string s;
  for (const auto& l : lines)
    s += l.account + "|" + l.fund + "|" + l.province + "|" + std::to_string(l.debit) + "|" +
         std::to_string(l.credit) + ";";
  return s;
}

Result<std::vector<PostingLine>> LoadLines(Db& db, int64_t entry_id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT account, fund, province, debit, credit FROM fund_lines WHERE "
                                            "entry_id = ? ORDER BY line_no"));
  st->Bind(entry_id);
  std::vector<PostingLine> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->Text(0), st->Text(1), st->Text(2), st->Int(3), st->Int(4)});
  }
  return out;
}

constexpr const char* kEntryCols =
    "e.id, e.posted_on, e.period, e.description, e.source_kind, e.source_ref, e.reverses, e.created_at, "
    "e.created_by, (SELECT r.id FROM fund_entries r WHERE r.reverses = e.id)";

Result<Entry> EntryFromRow(Stmt& st) {
  Entry e;
  e.id = st.Int(0);
  BHXH_ASSIGN_OR_RETURN(e.posted_on, Date::Parse(st.Text(1), "posted_on"));
  e.period = Month::FromIndex(static_cast<int32_t>(st.Int(2)));
  e.description = st.Text(3);
  e.source_kind = st.Text(4);
  e.source_ref = st.Text(5);
  if (!st.IsNull(6)) e.reverses = st.Int(6);
  e.created_at = st.Text(7);
  e.created_by = st.Text(8);
  if (!st.IsNull(9)) e.reversed_by = st.Int(9);
  return e;
}

}  // namespace

Status ValidateEntry(const FundsCatalog& cat, const EntryInput& in) {
  if (in.idempotency_key.empty())
    return Status::Invalid("idempotency_key", "Thiếu khoá chống trùng (Idempotency-Key)", "an idempotency key is required");
  if (in.description.empty() || in.description.size() > 500)
    return Status::Invalid("description", "Diễn giải bắt buộc, tối đa 500 ký tự",
                           "description is required, at most 500 bytes");
  if (in.lines.size() < 2)
    return Status::Invalid("lines", "Bút toán cần ít nhất hai dòng (một bên Nợ, một bên Có)",
                           "an entry needs at least two lines");
  if (in.lines.size() > 10000)
    return Status::Invalid("lines", "Bút toán có quá nhiều dòng (tối đa 10.000)", "at most 10,000 lines");
  std::map<std::string, std::pair<Vnd, Vnd>> by_fund;
  for (size_t i = 0; i < in.lines.size(); ++i) {
    const auto& l = in.lines[i];
    if (!cat.Account(l.account))
      return Status::Invalid(LineField(i, "account"), "Tài khoản không có trong hệ thống tài khoản: \"" + l.account + "\"",
                             "unknown account \"" + l.account + "\"");
    if (!cat.Fund(l.fund))
      return Status::Invalid(LineField(i, "fund"), "Quỹ không tồn tại: \"" + l.fund + "\"", "unknown fund \"" + l.fund + "\"");
    if (!ProvinceOk(l.province))
      return Status::Invalid(LineField(i, "province"), "Mã tỉnh phải gồm 2 chữ số hoặc để trống (toàn quốc)",
                             "province must be two digits or empty (national)");
    if (l.debit < 0 || l.credit < 0)
      return Status::Invalid(LineField(i, l.debit < 0 ? "debit" : "credit"), "Số tiền không được âm",
                             "amounts must not be negative");
    if ((l.debit > 0) == (l.credit > 0))
      return Status::Invalid(LineField(i, "debit"), "Mỗi dòng ghi một bên: Nợ hoặc Có, số tiền lớn hơn 0",
                             "each line has either a debit or a credit, greater than zero");
    if (l.debit > kMaxLine || l.credit > kMaxLine)
      return Status::Invalid(LineField(i, "debit"), "Số tiền vượt giới hạn 10^18 đồng", "amount above 10^18 VND");
    by_fund[l.fund].first += l.debit;
    by_fund[l.fund].second += l.credit;
  }
  for (const auto& [fund, dc] : by_fund)
    if (dc.first != dc.second)
      return Status::Error("unbalanced", "lines",
                           "Bút toán không cân đối trong quỹ " + fund + ": Nợ " + FormatVnd(dc.first) + " ≠ Có " +
                               FormatVnd(dc.second),
                           "entry does not balance in fund " + fund + ": debit " + std::to_string(dc.first) +
                               " != credit " + std::to_string(dc.second));
  return Status::Ok();
}

Status RequireOpen(Db& db, Month period) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT closed_at FROM fund_periods WHERE period = ?"));
  st->Bind(static_cast<int64_t>(period.index()));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row)
    return Status::Error("period_closed", "posted_on",
                         "Kỳ " + period.ToVi() + " đã khoá sổ (" + st->Text(0) + "); ghi điều chỉnh vào kỳ đang mở",
                         "period " + period.ToString() + " is closed; post the correction in an open period");
  return Status::Ok();
}

Result<Entry> GetEntry(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kEntryCols + " FROM fund_entries e WHERE e.id = ?"));
  st->Bind(id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("id", "Không có bút toán số " + std::to_string(id), "no entry " + std::to_string(id));
  BHXH_ASSIGN_OR_RETURN(Entry e, EntryFromRow(*st));
  BHXH_ASSIGN_OR_RETURN(e.lines, LoadLines(db, id));
  return e;
}

namespace {

Result<Entry> Insert(Db& db, const EntryInput& in, std::optional<int64_t> reverses, const Actor& actor) {
  Month period = Month::OfDate(in.posted_on);
  std::string ref = in.source_ref.empty() ? in.idempotency_key : in.source_ref;
  std::string hash = Sha256Hex(in.description + "\n" + in.source_kind + "\n" + ref + "\n" + in.posted_on.ToString() +
                               "\n" + CanonicalLines(in.lines));
  // Replay or conflict on the idempotency key.
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, body_hash FROM fund_entries WHERE idempotency_key = ?"));
    st->Bind(in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      if (st->Text(1) != hash)
        return Status::Conflict("idempotency_key", "Khoá chống trùng đã dùng cho một bút toán khác",
                                "the idempotency key was used for another entry");
      BHXH_ASSIGN_OR_RETURN(Entry e, GetEntry(db, st->Int(0)));
      e.replayed = true;
      return e;
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM fund_entries WHERE source_kind = ? AND source_ref = ?"));
    st->Bind(in.source_kind, ref);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row)
      return Status::Conflict("source_ref",
                              "Chứng từ " + in.source_kind + " " + ref + " đã được ghi sổ (bút toán số " +
                                  std::to_string(st->Int(0)) + ")",
                              "source " + in.source_kind + " " + ref + " is already posted");
  }
  BHXH_RETURN_IF_ERROR(RequireOpen(db, period));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  std::string now = NowIsoUtc();
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO fund_entries (posted_on, period, description, source_kind, "
                                             "source_ref, reverses, idempotency_key, body_hash, created_at, created_by) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  ins->Bind(in.posted_on.ToString(), static_cast<int64_t>(period.index()), in.description, in.source_kind, ref);
  if (reverses) ins->BindInt(6, *reverses);
  else ins->BindNull(6);
  ins->BindText(7, in.idempotency_key);
  ins->BindText(8, hash);
  ins->BindText(9, now);
  ins->BindText(10, actor.id);
  BHXH_ASSIGN_OR_RETURN(bool got, ins->Step());
  if (!got) return Status::Internal("fund entry insert returned no id");
  int64_t id = ins->Int(0);
  ins.reset();
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("fund_lines", {"entry_id", "line_no", "period", "account", "fund", "province",
                                                         "debit", "credit"}));
    int n = 0;
    for (const auto& l : in.lines) {
      w->Int(id);
      w->Int(++n);
      w->Int(period.index());
      w->Text(l.account);
      w->Text(l.fund);
      w->Text(l.province);
      w->Int(l.debit);
      w->Int(l.credit);
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "funds.post", "fund_entry", std::to_string(id),
                                  in.source_kind + " " + ref + ": " + in.description));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  Entry e;
  e.id = id;
  e.posted_on = in.posted_on;
  e.period = period;
  e.description = in.description;
  e.source_kind = in.source_kind;
  e.source_ref = ref;
  e.reverses = reverses;
  e.lines = in.lines;
  e.created_at = now;
  e.created_by = actor.id;
  return e;
}

}  // namespace

Result<Entry> PostEntry(Db& db, const FundsCatalog& cat, const EntryInput& in, const Actor& actor) {
  BHXH_RETURN_IF_ERROR(ValidateEntry(cat, in));
  if (in.source_kind == "reversal")
    return Status::Invalid("source_kind", "Bút toán đảo lập bằng chức năng đảo bút toán",
                           "reversals are made with the reverse operation");
  return Insert(db, in, std::nullopt, actor);
}

Result<EntryInput> PrepareReversal(Db& db, const FundsCatalog& cat, int64_t id, Date on, const std::string& reason,
                                   const std::string& idempotency_key) {
  BHXH_ASSIGN_OR_RETURN(Entry orig, GetEntry(db, id));
  EntryInput in;
  in.posted_on = on;
  in.description = "Đảo bút toán số " + std::to_string(id) + ": " + reason;
  in.source_kind = "reversal";
  in.source_ref = std::to_string(id);
  in.idempotency_key = idempotency_key;
  for (const auto& l : orig.lines) in.lines.push_back({l.account, l.fund, l.province, l.credit, l.debit});
  if (reason.empty())
    return Status::Invalid("reason", "Cần ghi lý do đảo bút toán", "a reason for the reversal is required");
  if (orig.source_kind == "reversal")
    return Status::Invalid("id", "Không đảo một bút toán đảo; lập bút toán mới", "a reversal is not reversed again");
  if (on < orig.posted_on)
    return Status::Invalid("posted_on", "Ngày đảo không được trước ngày của bút toán gốc (" + orig.posted_on.ToVi() + ")",
                           "a reversal cannot be dated before the entry it reverses");
  BHXH_RETURN_IF_ERROR(ValidateEntry(cat, in));
  return in;
}

Result<Entry> ReverseEntry(Db& db, const FundsCatalog& cat, int64_t id, Date on, const std::string& reason,
                           const std::string& idempotency_key, const Actor& actor) {
  // A replay of the same reversal returns it; another reversal of the same entry is refused by (kind, ref).
  BHXH_ASSIGN_OR_RETURN(EntryInput in, PrepareReversal(db, cat, id, on, reason, idempotency_key));
  return Insert(db, in, id, actor);
}

Result<EntryPage> ListEntries(Db& db, const EntryFilter& f, int64_t limit, int64_t offset) {
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> args;
  std::vector<int64_t> ints;
  if (f.from) where += " AND e.period >= " + std::to_string(f.from->index());
  if (f.to) where += " AND e.period <= " + std::to_string(f.to->index());
  if (!f.source_kind.empty()) {
    where += " AND e.source_kind = ?";
    args.push_back(f.source_kind);
  }
  if (!f.fund.empty()) {
    where += " AND EXISTS (SELECT 1 FROM fund_lines l WHERE l.entry_id = e.id AND l.fund = ?)";
    args.push_back(f.fund);
  }
  EntryPage page;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM fund_entries e" + where));
    for (size_t i = 0; i < args.size(); ++i) st->BindText(static_cast<int>(i + 1), args[i]);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    page.total = row ? st->Int(0) : 0;
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kEntryCols + " FROM fund_entries e" + where +
                                            " ORDER BY e.id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
                                            std::to_string(offset)));
  for (size_t i = 0; i < args.size(); ++i) st->BindText(static_cast<int>(i + 1), args[i]);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(Entry e, EntryFromRow(*st));
    page.items.push_back(std::move(e));
  }
  for (auto& e : page.items) {
    BHXH_ASSIGN_OR_RETURN(e.lines, LoadLines(db, e.id));
  }
  return page;
}

// ---------------------------------------------------------------- periods

Status ClosePeriod(Db& db, Month period, const Actor& actor) {
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_RETURN_IF_ERROR(RequireOpen(db, period));
  if (period >= Month::OfDate(Date::Today()))
    return Status::Invalid("period", "Chỉ khoá sổ kỳ đã kết thúc (trước tháng " + Month::OfDate(Date::Today()).ToVi() + ")",
                           "only a period that has ended can be closed");
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO fund_periods (period, closed_at, closed_by) VALUES (?, ?, ?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(static_cast<int64_t>(period.index()), NowIsoUtc(), actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "funds.close", "fund_period", period.ToString(), "closed"));
  return tx.Commit();
}

Result<std::vector<PeriodRow>> ClosedPeriods(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT period, closed_at, closed_by FROM fund_periods ORDER BY period"));
  std::vector<PeriodRow> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({Month::FromIndex(static_cast<int32_t>(st->Int(0))), st->Text(1), st->Text(2)});
  }
  return out;
}

Result<Span> ParseSpan(const std::string& text, const std::string& field) {
  auto bad = [&] {
    return Status::Invalid(field, "Kỳ phải có dạng YYYY-MM, YYYY-Qn hoặc YYYY: \"" + text + "\"",
                           "period must be YYYY-MM, YYYY-Qn or YYYY: \"" + text + "\"");
  };
  if (text.size() == 4) {
    auto y = ParseInt32(text, field, 1990, 2200);
    if (!y.ok()) return bad();
    return Span{Month::Of(*y, 1), Month::Of(*y, 12), "năm " + text};
  }
  if (text.size() == 7 && (text[5] == 'Q' || text[5] == 'q') && text[4] == '-') {
    auto y = ParseInt32(text.substr(0, 4), field, 1990, 2200);
    auto q = ParseInt32(text.substr(6), field, 1, 4);
    if (!y.ok() || !q.ok()) return bad();
    static const char* kRoman[] = {"I", "II", "III", "IV"};
    return Span{Month::Of(*y, *q * 3 - 2), Month::Of(*y, *q * 3),
                std::string("quý ") + kRoman[*q - 1] + "/" + text.substr(0, 4)};
  }
  auto m = Month::Parse(text, field);
  if (!m.ok()) return bad();
  return Span{*m, *m, "tháng " + m->ToVi()};
}

// ---------------------------------------------------------------- balances

namespace {

struct Sums {
  Vnd before_debit = 0, before_credit = 0, debit = 0, credit = 0;
};

// Sums of every (account, fund) before and within the span.
Result<std::map<std::pair<std::string, std::string>, Sums>> SumLines(Db& db, Month from, Month to,
                                                                     const std::string& province,
                                                                     const std::string& fund) {
  std::string sql =
      "SELECT account, fund, SUM(CASE WHEN period < ? THEN debit ELSE 0 END), SUM(CASE WHEN period < ? THEN credit "
      "ELSE 0 END), SUM(CASE WHEN period >= ? THEN debit ELSE 0 END), SUM(CASE WHEN period >= ? THEN credit ELSE 0 "
      "END) FROM fund_lines WHERE period <= ?";
  if (!province.empty()) sql += " AND province = ?";
  if (!fund.empty()) sql += " AND fund = ?";
  sql += " GROUP BY account, fund";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  int64_t f = from.index(), t = to.index();
  st->Bind(f, f, f, f, t);
  int i = 6;
  if (!province.empty()) st->BindText(i++, province);
  if (!fund.empty()) st->BindText(i++, fund);
  std::map<std::pair<std::string, std::string>, Sums> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out[{st->Text(0), st->Text(1)}] = {st->Int(2), st->Int(3), st->Int(4), st->Int(5)};
  }
  return out;
}

Vnd Normal(const AccountDef* a, Vnd debit, Vnd credit) { return a && !a->debit_normal() ? credit - debit : debit - credit; }

}  // namespace

Result<TrialBalance> ComputeTrialBalance(Db& db, const FundsCatalog& cat, const Span& span,
                                         const std::string& province) {
  BHXH_ASSIGN_OR_RETURN(auto sums, SumLines(db, span.from, span.to, province, ""));
  TrialBalance tb;
  tb.span = span;
  tb.province = province;
  for (const auto& [key, s] : sums) {
    const AccountDef* a = cat.Account(key.first);
    TrialRow r{key.first, key.second, Normal(a, s.before_debit, s.before_credit), s.debit, s.credit, 0};
    r.closing = r.opening + Normal(a, s.debit, s.credit);
    tb.total_debit += s.debit;
    tb.total_credit += s.credit;
    tb.rows.push_back(r);
  }
  return tb;
}

Result<FundStatement> ComputeStatement(Db& db, const FundsCatalog& cat, const std::string& fund, const Span& span,
                                       const std::string& province) {
  if (!fund.empty() && !cat.Fund(fund))
    return Status::Invalid("fund", "Quỹ không tồn tại: \"" + fund + "\"", "unknown fund \"" + fund + "\"");
  BHXH_ASSIGN_OR_RETURN(auto sums, SumLines(db, span.from, span.to, province, fund));
  FundStatement out;
  out.span = span;
  out.fund = fund;
  out.fund_name_vi = fund.empty() ? "Tất cả các quỹ" : cat.Fund(fund)->name_vi;
  out.province = province;
  std::map<std::string, Sums> by_account;
  for (const auto& [key, s] : sums) {
    auto& t = by_account[key.first];
    t.before_debit += s.before_debit;
    t.before_credit += s.before_credit;
    t.debit += s.debit;
    t.credit += s.credit;
  }
  for (const auto& a : cat.accounts()) {
    auto it = by_account.find(a.code);
    if (it == by_account.end()) continue;
    const Sums& s = it->second;
    // Net assets = assets − liabilities; it moves by revenue − expense (+ equity put in).
    if (a.kind == "asset") out.opening += s.before_debit - s.before_credit;
    if (a.kind == "liability") out.opening -= s.before_credit - s.before_debit;
    Vnd in_span = Normal(&a, s.debit, s.credit);
    Vnd at_end = Normal(&a, s.before_debit + s.debit, s.before_credit + s.credit);
    if (a.kind == "revenue" || a.kind == "equity") {
      if (in_span) out.revenues.push_back({a.code, a.name_vi, in_span});
      out.revenue += in_span;
    } else if (a.kind == "expense") {
      if (in_span) out.expenditures.push_back({a.code, a.name_vi, in_span});
      out.expenditure += in_span;
    } else if (a.kind == "asset") {
      out.assets.push_back({a.code, a.name_vi, at_end});
    } else {
      out.liabilities.push_back({a.code, a.name_vi, at_end});
    }
  }
  out.closing = out.opening + out.revenue - out.expenditure;
  return out;
}

Result<FundBalance> FundBalanceAt(Db& db, const FundsCatalog& cat, const std::string& fund, Month month) {
  BHXH_ASSIGN_OR_RETURN(FundStatement s, ComputeStatement(db, cat, fund, Span{month, month, ""}, ""));
  return FundBalance{fund, s.closing};
}

Result<std::string> StatementsXlsx(Db& db, const FundsCatalog& cat, const Span& span, const std::string& province) {
  std::vector<XlsxSheet> sheets;
  XlsxSheet summary;
  summary.name = "Tổng hợp";
  summary.header = {"Quỹ", "Số dư đầu kỳ", "Thu trong kỳ", "Chi trong kỳ", "Số dư cuối kỳ"};
  summary.widths = {48, 20, 20, 20, 20};
  for (const auto& f : cat.funds()) {
    BHXH_ASSIGN_OR_RETURN(FundStatement s, ComputeStatement(db, cat, f.code, span, province));
    summary.rows.push_back({f.name_vi, static_cast<double>(s.opening), static_cast<double>(s.revenue),
                            static_cast<double>(s.expenditure), static_cast<double>(s.closing)});
    XlsxSheet sh;
    sh.name = f.code.substr(0, 31);
    sh.header = {"Mục", "Tài khoản", "Số tiền (đồng)"};
    sh.widths = {48, 28, 20};
    sh.rows.push_back({f.name_vi + " — " + span.label_vi, std::string(""), std::string("")});
    sh.rows.push_back({std::string("Số dư đầu kỳ"), std::string(""), static_cast<double>(s.opening)});
    for (const auto& l : s.revenues) sh.rows.push_back({"Thu: " + l.name_vi, l.account, static_cast<double>(l.amount)});
    sh.rows.push_back({std::string("Tổng thu"), std::string(""), static_cast<double>(s.revenue)});
    for (const auto& l : s.expenditures)
      sh.rows.push_back({"Chi: " + l.name_vi, l.account, static_cast<double>(l.amount)});
    sh.rows.push_back({std::string("Tổng chi"), std::string(""), static_cast<double>(s.expenditure)});
    sh.rows.push_back({std::string("Số dư cuối kỳ"), std::string(""), static_cast<double>(s.closing)});
    for (const auto& l : s.assets) sh.rows.push_back({"Tài sản: " + l.name_vi, l.account, static_cast<double>(l.amount)});
    for (const auto& l : s.liabilities)
      sh.rows.push_back({"Nợ phải trả: " + l.name_vi, l.account, static_cast<double>(l.amount)});
    sheets.push_back(std::move(sh));
  }
  sheets.insert(sheets.begin(), std::move(summary));
  return WriteXlsx(sheets, {"Báo cáo thu, chi các quỹ " + span.label_vi + (province.empty() ? "" : ", tỉnh " + province),
                            Date::Today()});
}

}  // namespace bhxh
