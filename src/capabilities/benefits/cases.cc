#include "benefits/cases.h"

#include <map>
#include <set>

#include "base/citation.h"
#include "base/parse.h"
#include "base/xlsx_out.h"
#include "benefits/json.h"
#include "history/book.h"
#include "platform/audit/audit.h"

namespace bhxh {

const char* FundOfRegime(std::string_view regime) {
  if (regime == "occupational") return "accident";
  if (regime == "unemployment") return "unemployment";
  if (regime == "social_pension") return "budget";
  return "retirement";  // pension, survivor (monthly), monthly_allowance
}

namespace {

constexpr const char* kCaseColumns =
    "c.id, c.version, c.supersedes, c.cccd, p.full_name, c.province, c.regime, c.event_date, c.status, c.eligible, "
    "c.monthly, c.lump_sum, c.result, c.excluded, c.checks, c.payee, c.bank, c.bank_account, c.cash_point, "
    "c.prepared_by, c.prepared_at, c.decided_by, c.decided_at, c.note";

Result<CaseView> ReadCase(Stmt& s, bool with_result) {
  CaseView v;
  v.id = s.Int(0);
  v.version = static_cast<int>(s.Int(1));
  if (!s.IsNull(2)) v.supersedes = s.Int(2);
  v.cccd = s.Text(3);
  v.full_name = s.Text(4);
  v.province = s.Text(5);
  v.regime = s.Text(6);
  BHXH_ASSIGN_OR_RETURN(v.event_date, Date::Parse(s.Text(7), "event_date"));
  v.status = s.Text(8);
  v.eligible = s.Int(9) != 0;
  v.monthly = s.Int(10);
  v.lump_sum = s.Int(11);
  if (with_result) {
    BHXH_ASSIGN_OR_RETURN(v.result, ParseJson(s.Text(12)));
  }
  BHXH_ASSIGN_OR_RETURN(Json ex, ParseJson(s.Text(13)));
  for (const auto& e : ex) v.excluded.push_back(e.get<std::string>());
  BHXH_ASSIGN_OR_RETURN(Json ch, ParseJson(s.Text(14)));
  for (const auto& e : ch) v.checks.push_back(e.get<std::string>());
  v.payee = s.Text(15);
  v.bank = s.Text(16);
  v.bank_account = s.Text(17);
  v.cash_point = s.Text(18);
  v.prepared_by = s.Text(19);
  v.prepared_at = s.Text(20);
  if (!s.IsNull(21)) v.decided_by = s.Text(21);
  if (!s.IsNull(22)) v.decided_at = s.Text(22);
  if (!s.IsNull(23)) v.note = s.Text(23);
  return v;
}

// The record's months as calculator history: one item per run of months
// with the same salary and employer; months not paid are left out and
// listed, each line citing `rule` (the law row in force on the event date).
// Two employers in one month count the month once, on the sum of their
// salaries.
Json HistoryFromBook(const Book& b, const LawParam& rule, std::vector<std::string>* excluded) {
  const std::string cite = CitationVi(rule.law) + (rule.uncertain() ? ", căn cứ chưa được xác nhận" : "");
  std::map<int32_t, std::pair<Vnd, std::string>> paid;
  std::set<int32_t> ui;  // months with unemployment insurance
  std::map<int32_t, std::string> unpaid;
  for (const auto& m : b.months) {
    if (!m.paid) {
      unpaid[m.month.index()] = m.employer_code;
      continue;
    }
    if (m.ui) ui.insert(m.month.index());
    auto& slot = paid[m.month.index()];
    slot.first += m.salary_base;
    slot.second = slot.second.empty() ? m.employer_code : slot.second;
  }
  // Runs of consecutive unpaid months of one employer, one line each.
  int32_t run_from = -1, run_to = -1;
  std::string run_emp;
  auto flush = [&] {
    if (run_from < 0) return;
    int n = run_to - run_from + 1;
    excluded->push_back((n == 1 ? Month::FromIndex(run_from).ToVi()
                                : Month::FromIndex(run_from).ToVi() + " – " + Month::FromIndex(run_to).ToVi()) +
                        " (" + std::to_string(n) + " tháng): đơn vị " + run_emp +
                        " chưa đóng đủ nên chưa được tính thời gian đóng (" + cite + ")");
  };
  for (const auto& [idx, emp] : unpaid) {
    if (paid.count(idx)) continue;
    if (run_from >= 0 && idx == run_to + 1 && emp == run_emp) {
      run_to = idx;
      continue;
    }
    flush();
    run_from = run_to = idx;
    run_emp = emp;
  }
  flush();
  Json h = Json::array();
  Json cur;
  int32_t last = -10;
  for (const auto& [idx, v] : paid) {
    const bool has_ui = ui.count(idx) > 0;
    bool extend = !cur.is_null() && idx == last + 1 && cur["salary"].get<Vnd>() == v.first &&
                  Txt(cur, "source") == "đơn vị " + v.second && cur["unemployment_insurance"].get<bool>() == has_ui;
    if (extend) {
      cur["to"] = Month::FromIndex(idx).ToString();
    } else {
      if (!cur.is_null()) h.push_back(cur);
      cur = {{"from", Month::FromIndex(idx).ToString()},
             {"to", Month::FromIndex(idx).ToString()},
             {"salary", v.first},
             {"unemployment_insurance", has_ui},
             {"source", "đơn vị " + v.second}};
    }
    last = idx;
  }
  if (!cur.is_null()) h.push_back(cur);
  return h;
}

// Checks on a new case against the person's other cases.
Result<std::vector<std::string>> CaseChecks(Db& db, int64_t person_id,
                                            const BenefitRequest& req, const BenefitResult& res,
                                            std::optional<int64_t> supersedes) {
  std::vector<std::string> out;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                     "SELECT id, regime, event_date, request FROM benefit_cases WHERE person_id = ? AND "
                                     "status IN ('prepared','approved') ORDER BY id"));
  st->Bind(person_id);
  struct Other {
    int64_t id;
    std::string regime;
    Date date;
    Json request;
  };
  std::vector<Other> others;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    if (supersedes && st->Int(0) == *supersedes) continue;
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(2), "event_date"));
    BHXH_ASSIGN_OR_RETURN(Json rq, ParseJson(st->Text(3)));
    others.push_back({st->Int(0), st->Text(1), d, std::move(rq)});
  }
  auto days_of = [](const Json& rq) {
    return rq.contains("facts") && rq["facts"].contains("days") ? rq["facts"]["days"].get<int>() : 0;
  };
  const std::string regime = RegimeCode(req.regime);
  if (regime == "sickness") {
    int used = 0;
    for (const auto& o : others)
      if (o.regime == "sickness" && o.date.year() == req.event_date.year()) used += days_of(o.request);
    int days = req.facts.days.value_or(0);
    // The yearly limit is the one the calculator applied (cited in its step).
    // The law in force on the event date, as the step cites it.
    int limit = 0;
    std::string law;
    for (const auto& s : res.steps)
      if (s.code == "sickness") {
        law = s.law;
        for (const auto& p : s.params)
          if (p.key.rfind("sickness.days.", 0) == 0) limit = std::atoi(p.value.c_str());
      }
    if (limit > 0 && used + days > limit)
      out.push_back("Số ngày nghỉ ốm trong năm " + std::to_string(req.event_date.year()) + " (" + std::to_string(used) +
                    " ngày đã giải quyết + " + std::to_string(days) + " ngày) vượt giới hạn " + std::to_string(limit) +
                    " ngày (" + law + ")");
    for (const auto& o : others) {
      if (o.regime != "maternity") continue;
      Date start = o.date, end = o.date.AddDays(183);
      Date s = req.event_date, e = req.event_date.AddDays(std::max(days, 1) - 1);
      if (s <= end && e >= start)
        out.push_back("Nghỉ ốm trùng thời gian nghỉ thai sản của hồ sơ số " + std::to_string(o.id) +
                      " (không hưởng đồng thời hai chế độ cho cùng thời gian)");
    }
  }
  if (regime == "maternity") {
    for (const auto& o : others) {
      if (o.regime != "sickness") continue;
      if (o.date >= req.event_date && o.date <= req.event_date.AddDays(183))
        out.push_back("Thời gian nghỉ thai sản trùng hồ sơ ốm đau số " + std::to_string(o.id));
    }
  }
  if (regime == "one_time") {
    for (const auto& o : others)
      if (o.regime == "one_time")
        out.push_back(
            "Đã có hồ sơ BHXH một lần số " + std::to_string(o.id) +
            " cho thời gian đóng này: thời gian đã hưởng một lần không được tính lại (" +
            (res.law == "41/2024/QH15" ? "Luật BHXH 41/2024/QH15 Điều 70, 71" : "Luật BHXH 58/2014/QH13 Điều 60") +
            ")");
  }
  return out;
}

std::string PersonProvinceSql() { return "SELECT id, full_name, province, sex, dob, deceased_on FROM persons WHERE cccd = ?"; }

}  // namespace

Result<RecordRequest> RequestFromRecord(Db& db, const Geo& geo, const LawBook& law, const std::string& cccd,
                                        const std::string& regime, Date event, bool assume_continued) {
  BHXH_ASSIGN_OR_RETURN(Book book, BuildBook(db, geo, law, cccd, event));
  RecordRequest out;
  out.full_name = book.person.full_name;
  out.counted_through = book.counted_through;
  // Which provision keeps unpaid months out is dated law data
  // (unpaid_months.counted), cited as the event date's law has it.
  BHXH_ASSIGN_OR_RETURN(LawParam rule, law.Param("unpaid_months.counted", event));
  Json history = HistoryFromBook(book, rule, &out.excluded);
  // The month before the event is the last one a contribution can be for.
  const Month last = Month::OfDate(event).Prev();
  if (assume_continued && !history.empty()) {
    const Json tail = history.back();
    BHXH_ASSIGN_OR_RETURN(Month to, Month::Parse(Txt(tail, "to"), "history.to"));
    // After the months the record has run through: an unpaid month there
    // stays excluded, not assumed paid.
    if (to < book.counted_through) to = book.counted_through;
    if (to < last) {
      history.push_back({{"from", to.Next().ToString()},
                         {"to", last.ToString()},
                         {"salary", tail["salary"]},
                         {"unemployment_insurance", tail.value("unemployment_insurance", false)},
                         {"source", "giả định tiếp tục đóng với tiền lương tháng cuối"}});
      out.continued = true;
    }
  }
  out.request = {{"regime", regime},
                 {"event_date", event.ToString()},
                 {"person",
                  {{"sex", book.person.sex == Sex::kFemale ? "female" : "male"},
                   {"birth_date", book.person.dob.ToString()}}},
                 {"history", history}};
  return out;
}

Result<CaseView> GetCase(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCaseColumns +
                                            " FROM benefit_cases c JOIN persons p ON p.id = c.person_id WHERE c.id = ?"));
  st->Bind(id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("id", "Không có hồ sơ số " + std::to_string(id), "no case " + std::to_string(id));
  return ReadCase(*st, true);
}

Result<CaseOwnerKey> CaseOwnerOf(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province, cccd FROM benefit_cases WHERE id = ?"));
  st->Bind(id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("id", "Không có hồ sơ số " + std::to_string(id), "no case " + std::to_string(id));
  return CaseOwnerKey{st->Text(0), st->Text(1)};
}

Result<CaseView> PrepareCase(Db& db, const Geo& geo, const LawBook& law, const BenefitLaw& bl, const CaseInput& in,
                             const Actor& actor) {
  if (in.idempotency_key.empty() || in.idempotency_key.size() > 200)
    return Status::Invalid("idempotency_key", "Cần khoá chống trùng (1-200 ký tự)", "an idempotency key is required");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM benefit_cases WHERE idempotency_key = ?"));
    st->Bind(in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      BHXH_ASSIGN_OR_RETURN(CaseView v, GetCase(db, st->Int(0)));
      v.replayed = true;
      return v;
    }
  }
  if (!in.request.is_object())
    return Status::Invalid("request", "Cần đối tượng yêu cầu tính (regime, event_date, facts)",
                           "request must be an object");
  if (in.request.contains("person") || in.request.contains("history"))
    return Status::Invalid("request.history",
                           "Hồ sơ lấy người và quá trình đóng từ cơ sở dữ liệu; quá trình trước khi có dữ liệu ghi "
                           "vào prior_history",
                           "a case reads the person and history from the record; use prior_history");
  if (!in.bank_account.empty() && !in.cash_point.empty())
    return Status::Invalid("bank_account",
                           "Chỉ ghi một trong hai: tài khoản ngân hàng (bank_account) hoặc điểm chi trả tiền mặt (cash_point)",
                           "give bank_account or cash_point, not both");
  if (!in.bank_account.empty()) {
    if (in.bank_account.size() < 6 || in.bank_account.size() > 20 ||
        in.bank_account.find_first_not_of("0123456789") != std::string::npos)
      return Status::Invalid("bank_account", "Số tài khoản ngân hàng gồm 6-20 chữ số",
                             "a bank account is 6 to 20 digits");
    if (in.bank.empty()) return Status::Invalid("bank", "Cần tên ngân hàng", "the bank is required");
  }
  // The person.
  BHXH_ASSIGN_OR_RETURN(auto ps, db.Prepare(PersonProvinceSql()));
  ps->Bind(in.cccd);
  BHXH_ASSIGN_OR_RETURN(bool found, ps->Step());
  if (!found)
    return Status::NotFound("cccd", "Không có người tham gia có CCCD " + in.cccd, "no person with this CCCD");
  const int64_t person_id = ps->Int(0);
  const std::string full_name = ps->Text(1), province = ps->Text(2);
  std::string payee = in.payee.empty() ? full_name : in.payee;
  BHXH_ASSIGN_OR_RETURN(Date event, Date::Parse(Txt(in.request, "event_date"), "request.event_date"));

  // The record, as of the event.
  BHXH_ASSIGN_OR_RETURN(RecordRequest record,
                        RequestFromRecord(db, geo, law, in.cccd, Txt(in.request, "regime"), event, false));
  std::vector<std::string>& excluded = record.excluded;
  Json history = std::move(record.request["history"]);
  if (in.request.contains("prior_history")) {
    if (!in.request["prior_history"].is_array())
      return Status::Invalid("request.prior_history", "prior_history phải là mảng", "prior_history must be an array");
    for (auto h : in.request["prior_history"]) {
      if (h.is_object() && !h.contains("source")) h["source"] = "sổ BHXH giấy";
      history.push_back(h);
    }
  }
  Json full = in.request;
  full.erase("prior_history");
  full["person"] = std::move(record.request["person"]);
  full["history"] = history;
  auto req = BenefitRequestFromJson(full);
  if (!req.ok()) return req.status().WithFieldPrefix(req.status().field().rfind("history", 0) == 0 ? "" : "request.");
  BHXH_ASSIGN_OR_RETURN(BenefitResult res, ComputeBenefit(bl, law, *req));
  BHXH_ASSIGN_OR_RETURN(std::vector<std::string> checks,
                        CaseChecks(db, person_id, *req, res, in.supersedes));

  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  int version = 1;
  if (in.supersedes) {
    BHXH_ASSIGN_OR_RETURN(CaseView old, GetCase(db, *in.supersedes));
    if (old.cccd != in.cccd)
      return Status::Invalid("supersedes", "Hồ sơ được điều chỉnh thuộc người khác", "the superseded case is another person's");
    if (old.status != "approved")
      return Status::Conflict("supersedes", "Chỉ điều chỉnh được hồ sơ đã phê duyệt (hồ sơ số " +
                                                std::to_string(old.id) + " đang ở trạng thái " + old.status + ")",
                              "only an approved case can be corrected");
    version = old.version + 1;
  }
  Json ex = excluded, ch = checks;
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(
                                      "INSERT INTO benefit_cases (version, supersedes, person_id, cccd, province, regime, "
                                      "event_date, status, eligible, monthly, lump_sum, request, result, excluded, checks, "
                                      "payee, bank, bank_account, cash_point, idempotency_key, prepared_by, prepared_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, 'prepared', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "RETURNING id"));
  ins->BindInt(1, version);
  if (in.supersedes)
    ins->BindInt(2, *in.supersedes);
  else
    ins->BindNull(2);
  ins->BindInt(3, person_id);
  ins->BindText(4, in.cccd);
  ins->BindText(5, province);
  ins->BindText(6, RegimeCode(res.regime));
  ins->BindText(7, event.ToString());
  ins->BindInt(8, res.eligible ? 1 : 0);
  ins->BindInt(9, res.Monthly());
  ins->BindInt(10, res.LumpSum());
  ins->BindText(11, DumpJson(full));
  ins->BindText(12, DumpJson(ToJson(res)));
  ins->BindText(13, DumpJson(ex));
  ins->BindText(14, DumpJson(ch));
  ins->BindText(15, payee);
  ins->BindText(16, in.bank);
  ins->BindText(17, in.bank_account);
  ins->BindText(18, in.cash_point);
  ins->BindText(19, in.idempotency_key);
  ins->BindText(20, actor.id);
  ins->BindText(21, NowIsoUtc());
  BHXH_ASSIGN_OR_RETURN(bool got, ins->Step());
  if (!got) return Status::Internal("case insert returned no id");
  int64_t id = ins->Int(0);
  ins.reset();
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "benefit_case_prepared", "benefit_case", std::to_string(id),
                                  std::string(RegimeCode(res.regime)) + " " + in.cccd));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return GetCase(db, id);
}

Result<CaseView> DecideCase(Db& db, int64_t id, bool approve, const std::string& note, const Actor& actor) {
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(CaseView c, GetCase(db, id));
  if (c.status != "prepared")
    return Status::Conflict("id", "Hồ sơ số " + std::to_string(id) + " đã được quyết định (" + c.status + ")",
                            "the case has already been decided");
  if (c.prepared_by == actor.id)
    return Status::Error("four_eyes", "id", "Người lập hồ sơ không được tự phê duyệt; cần cán bộ khác duyệt",
                         "the officer who prepared a case cannot decide it");
  if (!approve && note.empty())
    return Status::Invalid("note", "Cần ghi lý do từ chối", "a reason is required to reject");
  if (approve && !c.eligible)
    return Status::Conflict("id", "Người tham gia không đủ điều kiện hưởng theo kết quả tính; chỉ có thể từ chối",
                            "the person is not eligible; the case can only be rejected");
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare(
                                     "UPDATE benefit_cases SET status = ?, decided_by = ?, decided_at = ?, note = ? "
                                     "WHERE id = ? AND status = 'prepared'"));
  BHXH_RETURN_IF_ERROR(up->Bind(approve ? "approved" : "rejected", actor.id, NowIsoUtc(), note, id).Run());
  if (approve) {
    std::optional<Month> start;
    for (const auto& a : c.result["amounts"])
      if (a["monthly"].get<bool>() && a.contains("from")) {
        BHXH_ASSIGN_OR_RETURN(Month m, Month::Parse(Txt(a, "from"), "from"));
        start = start ? std::min(*start, m) : m;
      }
    if (c.supersedes) {
      BHXH_ASSIGN_OR_RETURN(auto old, db.Prepare("UPDATE benefit_cases SET status = 'superseded' WHERE id = ?"));
      BHXH_RETURN_IF_ERROR(old->Bind(*c.supersedes).Run());
      // The earlier entry ends the month before the corrected one starts.
      BHXH_ASSIGN_OR_RETURN(auto end, db.Prepare(
                                          "UPDATE beneficiaries SET status = 'stopped', stop_reason = 'superseded', "
                                          "end_month = ? WHERE case_id = ? AND status = 'active'"));
      BHXH_RETURN_IF_ERROR(
          end->Bind(static_cast<int64_t>((start ? *start : Month::OfDate(c.event_date)).Prev().index()), *c.supersedes)
              .Run());
    }
    if (c.monthly > 0 && start && c.bank_account.empty() && c.cash_point.empty())
      return Status::Invalid("bank_account",
                             "Chế độ hằng tháng cần tài khoản ngân hàng hoặc điểm chi trả tiền mặt trước khi phê duyệt",
                             "a monthly benefit needs a bank account or a cash point before approval");
    if (c.monthly > 0 && start) {
      // One register entry per stretch of the monthly amount (a survivors'
      // benefit steps down when a child comes of age), each with its months.
      // A survivors' benefit keeps the reference level it was computed at,
      // as the result cites it: the payroll pays the share at each month's
      // level (payroll.h).
      std::optional<Vnd> level;
      if (c.regime == "survivor")
        for (const auto& s : c.result["steps"])
          for (const auto& p : s["params"])
            if (Txt(p, "key") == "reference_level") {
              BHXH_ASSIGN_OR_RETURN(level, ParseInt(Txt(p, "value"), "reference_level", 0));
            }
      BHXH_ASSIGN_OR_RETURN(
          auto ins, db.Prepare("INSERT INTO beneficiaries (case_id, person_id, cccd, province, regime, monthly, "
                               "start_month, end_month, reference_level, payee, bank, bank_account, cash_point, "
                               "status) SELECT id, person_id, cccd, province, regime, ?, ?, ?, ?, payee, bank, "
                               "bank_account, cash_point, 'active' FROM benefit_cases WHERE id = ?"));
      for (const auto& a : c.result["amounts"]) {
        if (!a["monthly"].get<bool>() || !a.contains("from")) continue;
        BHXH_ASSIGN_OR_RETURN(Month from, Month::Parse(Txt(a, "from"), "from"));
        const int months = a.contains("months") ? a["months"].get<int>() : 0;
        ins->BindInt(1, a["amount"].get<int64_t>());
        ins->BindInt(2, from.index());
        if (months > 0)
          ins->BindInt(3, from.Add(months - 1).index());
        else
          ins->BindNull(3);
        if (level)
          ins->BindInt(4, *level);
        else
          ins->BindNull(4);
        ins->BindInt(5, id);
        BHXH_RETURN_IF_ERROR(ins->Run());
        ins->Reset();
      }
    }
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, approve ? "benefit_case_approved" : "benefit_case_rejected",
                                  "benefit_case", std::to_string(id), note));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return GetCase(db, id);
}

namespace {

// A filtered, paged list: `from` is "FROM t x JOIN persons p ..." and `alias`
// the list table's alias; status, CCCD and provinces filter when given.
// Runs the COUNT and prepares the page's SELECT of `columns`, bound.
struct ListQuery {
  int64_t total = 0;
  std::unique_ptr<Stmt> page;
};
Result<ListQuery> PrepareList(Db& db, const std::string& columns, const std::string& from, const std::string& alias,
                              const std::string& order, const std::string& status, const std::string& cccd,
                              const std::vector<std::string>& provinces, int limit, int offset) {
  std::string where = " " + from + " WHERE 1=1";
  if (!status.empty()) where += " AND " + alias + ".status = ?";
  if (!cccd.empty()) where += " AND " + alias + ".cccd = ?";
  if (!provinces.empty()) {
    where += " AND " + alias + ".province IN (";
    for (size_t i = 0; i < provinces.size(); ++i) where += (i ? ",?" : "?");
    where += ")";
  }
  auto bind = [&](Stmt& st) {
    int i = 1;
    if (!status.empty()) st.BindText(i++, status);
    if (!cccd.empty()) st.BindText(i++, cccd);
    for (const auto& p : provinces) st.BindText(i++, p);
    return i;
  };
  ListQuery q;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*)" + where));
    bind(*st);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    q.total = row ? st->Int(0) : 0;
  }
  BHXH_ASSIGN_OR_RETURN(q.page, db.Prepare("SELECT " + columns + where + " ORDER BY " + order + " LIMIT ? OFFSET ?"));
  int i = bind(*q.page);
  q.page->BindInt(i++, limit);
  q.page->BindInt(i, offset);
  return q;
}

}  // namespace

Result<CasePage> ListCases(Db& db, const std::string& status, const std::string& cccd,
                           const std::vector<std::string>& provinces, int limit, int offset) {
  BHXH_ASSIGN_OR_RETURN(ListQuery q, PrepareList(db, kCaseColumns, "FROM benefit_cases c JOIN persons p ON p.id = c.person_id",
                                                 "c", "c.id DESC", status, cccd, provinces, limit, offset));
  CasePage page;
  page.total = q.total;
  auto& st = q.page;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(CaseView v, ReadCase(*st, false));
    page.items.push_back(std::move(v));
  }
  return page;
}

Result<BeneficiaryPage> ListBeneficiaries(Db& db, const std::string& status, const std::string& cccd,
                                          const std::vector<std::string>& provinces, int limit, int offset) {
  BHXH_ASSIGN_OR_RETURN(ListQuery q,
                        PrepareList(db,
                                    "b.id, b.case_id, b.cccd, p.full_name, b.province, b.regime, b.monthly, "
                                    "b.start_month, b.end_month, b.payee, b.bank, b.bank_account, b.cash_point, b.status, "
                                    "COALESCE(b.stop_reason, '')",
                                    "FROM beneficiaries b JOIN persons p ON p.id = b.person_id", "b", "b.id", status, cccd,
                                    provinces, limit, offset));
  BeneficiaryPage page;
  page.total = q.total;
  auto& st = q.page;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BeneficiaryView b;
    b.id = st->Int(0);
    b.case_id = st->Int(1);
    b.cccd = st->Text(2);
    b.full_name = st->Text(3);
    b.province = st->Text(4);
    b.regime = st->Text(5);
    b.monthly = st->Int(6);
    b.start = Month::FromIndex(static_cast<int32_t>(st->Int(7)));
    if (!st->IsNull(8)) b.end = Month::FromIndex(static_cast<int32_t>(st->Int(8)));
    b.payee = st->Text(9);
    b.bank = st->Text(10);
    b.bank_account = st->Text(11);
    b.cash_point = st->Text(12);
    b.status = st->Text(13);
    b.stop_reason = st->Text(14);
    page.items.push_back(std::move(b));
  }
  return page;
}

Result<std::string> CasesXlsx(Db& db, const std::string& status, const std::vector<std::string>& provinces) {
  BHXH_ASSIGN_OR_RETURN(ListQuery q, PrepareList(db, kCaseColumns, "FROM benefit_cases c JOIN persons p ON p.id = c.person_id",
                                                 "c", "c.id", status, "", provinces, 1'000'000, 0));
  XlsxSheet sheet{"Hồ sơ",
                  {"Số hồ sơ", "Lần", "Số CCCD", "Họ tên", "Tỉnh", "Chế độ", "Ngày sự kiện", "Trạng thái",
                   "Đủ điều kiện", "Hằng tháng", "Một lần", "Người lập", "Người quyết định", "Ngày quyết định", "Ghi chú"},
                  {},
                  {10, 6, 15, 24, 6, 28, 13, 12, 12, 14, 14, 18, 18, 20, 40}};
  auto& st = q.page;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(CaseView v, ReadCase(*st, false));
    auto regime = ParseRegime(v.regime);
    sheet.rows.push_back({static_cast<double>(v.id), static_cast<double>(v.version), v.cccd, v.full_name, v.province,
                          regime.ok() ? std::string(RegimeNameVi(*regime)) : v.regime, v.event_date, v.status,
                          v.eligible ? "có" : "không", static_cast<double>(v.monthly), static_cast<double>(v.lump_sum),
                          v.prepared_by, v.decided_by, v.decided_at, v.note});
  }
  return WriteXlsx({sheet}, {"Danh sách hồ sơ hưởng chế độ BHXH" + (status.empty() ? std::string() : " (" + status + ")"),
                            Date::Today()});
}

}  // namespace bhxh
