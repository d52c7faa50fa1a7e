#include "collection/declarations.h"

#include <nlohmann/json.hpp>

#include "base/parse.h"
#include "base/text.h"

namespace bhxh {
namespace {

struct ParsedRow {
  std::string action, cccd;
  Month effective;
  Vnd salary = 0;
  std::string group;
  FundMask funds = 0;
  bool has_person = false;
  PersonInput person;
  std::string facility;
};

void AddError(std::vector<RowError>& errs, int row, const Status& s) {
  errs.push_back({row, s.field(), s.code(), s.message_vi(), s.message_en()});
}

// The open period of `person` at `employer` covering or after `m`, if any.
Result<std::optional<Period>> OpenPeriod(Db& db, int64_t person, int64_t employer) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT id, from_month, salary, funds, group_code, province FROM periods WHERE person_id = ? AND "
          "employer_id = ? AND to_month IS NULL ORDER BY from_month DESC LIMIT 1"));
  st->Bind(person, employer);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<Period>{};
  Period p;
  p.id = st->Int(0);
  p.person_id = person;
  p.employer_id = employer;
  p.from = Month::FromIndex(static_cast<int32_t>(st->Int(1)));
  p.salary = st->Int(2);
  p.funds = static_cast<FundMask>(st->Int(3));
  p.group = st->Text(4);
  p.province = st->Text(5);
  return std::optional<Period>{p};
}

// A period of work is recorded under its employer's province.
Status InsertPeriod(Db& db, int64_t person, const Employer& employer, Month from, Vnd salary, FundMask funds,
                    const std::string& group, int64_t decl_id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO periods (person_id, employer_id, from_month, to_month, "
                                            "salary, funds, group_code, declaration_id, province) "
                                            "VALUES (?,?,?,NULL,?,?,?,?,?)"));
  return st->Bind(person, employer.id, from.index(), salary, static_cast<int>(funds), group, decl_id, employer.province)
      .Run();
}

// Closes `p` before `effective`; a period left with no month is removed.
// Its province names its partition, so on PostgreSQL only that one (perhaps
// on a shard) is touched.
Status ClosePeriod(Db& db, const Period& p, Month effective) {
  if (effective <= p.from) {
    BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM periods WHERE id = ? AND province = ?"));
    return del->Bind(p.id, p.province).Run();
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE periods SET to_month = ? WHERE id = ? AND province = ?"));
  return st->Bind(effective.Prev().index(), p.id, p.province).Run();
}

// The next SI number of a province: its 2-digit code and 8 digits.
Result<std::string> NextSiNumber(Db& db, const std::string& province) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT MAX(si_number) FROM persons WHERE si_number LIKE ?"));
  st->Bind(province + "%");
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  int64_t next = 1;
  if (row && !st->IsNull(0)) {
    BHXH_ASSIGN_OR_RETURN(int64_t last, ParseInt(st->Text(0).substr(2), "si_number"));
    next = last + 1;
  }
  if (next > 99'999'999)
    return Status::Internal("SI numbers of province " + province + " are exhausted");
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%08lld", province.c_str(), static_cast<long long>(next));
  return std::string(buf);
}

// The card of a join (see declarations.h).
Status IssueJoinCard(Db& db, Registry& reg, const LawBook& law, const Employer& emp, const Person& person,
                     const ParsedRow& p, const Actor& actor, DeclarationResult& res) {
  BHXH_ASSIGN_OR_RETURN(GroupRule g, law.Group(p.group, p.effective.FirstDay()));
  if (g.hi_level == 0) return Status::Ok();
  BHXH_ASSIGN_OR_RETURN(auto cards, reg.CardsOfPerson(person.id));
  std::string facility = p.facility;
  const Card* latest = nullptr;
  for (const auto& c : cards) {
    if (c.status == "active" && c.valid_from <= p.effective.FirstDay() && p.effective.FirstDay() <= c.valid_to)
      return Status::Ok();  // already covered
    if (!latest || c.valid_to > latest->valid_to) latest = &c;
  }
  if (facility.empty() && latest) facility = latest->facility;
  std::string si = person.si_number;
  if (si.empty()) {
    BHXH_ASSIGN_OR_RETURN(si, NextSiNumber(db, emp.province));
  }
  if (facility.empty()) {
    res.warnings.push_back(p.cccd + ": chưa cấp thẻ BHYT vì chưa có nơi đăng ký KCB ban đầu (cột facility) / no card "
                           "issued: no registered facility given");
    if (person.si_number.empty()) {
      BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE persons SET si_number = ? WHERE id = ?"));
      BHXH_RETURN_IF_ERROR(up->Bind(si, person.id).Run());
      res.cards.push_back({p.cccd, si, "", "", "", ""});
    }
    return Status::Ok();
  }
  BHXH_ASSIGN_OR_RETURN(int64_t months, law.Integer("hi_card.valid_months", p.effective.FirstDay()));
  CardInput in;
  in.cccd = p.cccd;
  in.code = CardCode{p.group, g.hi_level, emp.province, si}.ToString();
  in.valid_from = p.effective.FirstDay().ToString();
  in.valid_to = p.effective.Add(static_cast<int>(months) - 1).LastDay().ToString();
  in.facility = facility;
  BHXH_ASSIGN_OR_RETURN(Card c, reg.IssueCard(in, actor));
  res.cards.push_back({p.cccd, si, c.code.ToString(), in.valid_from, in.valid_to, facility});
  return Status::Ok();
}

// A leave from `effective` (the first month without contribution): the
// person's active cards of the period's group that cover days after the
// month before are cut to its last day (never before the card's first day
// less one: a card of a period removed whole covers nothing). Law on HI
// Art. 16: the card's value follows the contribution.
Status DecreaseCards(Db& db, const std::string& cccd, int64_t person, const std::string& group, Month effective,
                     DeclarationResult& res) {
  // Still participating elsewhere (the new employer declared the join
  // first): the card goes on under that period.
  {
    BHXH_ASSIGN_OR_RETURN(auto open, db.Prepare("SELECT COUNT(*) FROM periods WHERE person_id = ? AND to_month IS NULL"));
    open->Bind(person);
    BHXH_ASSIGN_OR_RETURN(bool row, open->Step());
    if (row && open->Int(0) > 0) return Status::Ok();
  }
  const Date last = effective.FirstDay().AddDays(-1);
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, code, valid_from, valid_to FROM hi_cards WHERE person_id = ? AND "
                                            "status = 'active' AND decrease_code IS NULL AND substr(code, 1, 2) = ? "
                                            "ORDER BY id"));
  st->Bind(person, group);
  struct Cut {
    int64_t id;
    std::string code;
    Date to;
  };
  std::vector<Cut> cuts;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(Date from, Date::Parse(st->Text(2), "valid_from"));
    BHXH_ASSIGN_OR_RETURN(Date to, Date::Parse(st->Text(3), "valid_to"));
    if (to <= last) continue;  // ends before the leave: nothing to cut
    cuts.push_back({st->Int(0), st->Text(1), std::max(last, from.AddDays(-1))});
  }
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE hi_cards SET valid_to_issued = valid_to, valid_to = ?, "
                                            "decrease_code = '124' WHERE id = ?"));
  for (const Cut& c : cuts) {
    up->Reset();
    BHXH_RETURN_IF_ERROR(up->Bind(c.to.ToString(), c.id).Run());
    res.decreased.push_back({cccd, c.code, c.to.ToString(), "124"});
  }
  return Status::Ok();
}

// A join after a leave: the card decreased last (124, "stopped") gets the
// reason the portal gives once the worker is back — the same employer
// (123), or an employer of the card's province (122, merged codes count as
// their province of today) or of another (121).
Status ReasonForRejoin(Db& db, const Geo& geo, const std::string& cccd, int64_t person, const Employer& emp,
                       Month effective, DeclarationResult& res) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, code, valid_to FROM hi_cards WHERE person_id = ? AND "
                                            "decrease_code = '124' AND valid_to < ? ORDER BY valid_to DESC, id DESC LIMIT 1"));
  st->Bind(person, effective.FirstDay().ToString());
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Ok();
  const int64_t card = st->Int(0);
  const std::string code = st->Text(1), valid_to = st->Text(2);
  BHXH_ASSIGN_OR_RETURN(auto last, db.Prepare("SELECT employer_id FROM periods WHERE person_id = ? AND to_month IS NOT NULL "
                                              "AND employer_id IS NOT NULL ORDER BY to_month DESC, id DESC LIMIT 1"));
  last->Bind(person);
  BHXH_ASSIGN_OR_RETURN(bool had, last->Step());
  std::string reason;
  if (had && last->Int(0) == emp.id) {
    reason = "123";
  } else {
    auto current = [&geo](const std::string& c) {
      auto r = geo.CurrentCode(c);
      return r.ok() ? *r : c;
    };
    reason = code.size() >= 5 && current(code.substr(3, 2)) == current(emp.province) ? "122" : "121";
  }
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE hi_cards SET decrease_code = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(up->Bind(reason, card).Run());
  res.decreased.push_back({cccd, code, valid_to, reason});
  return Status::Ok();
}

}  // namespace

Result<DeclarationResult> SubmitDeclaration(Db& db, const Geo& geo, const LawBook& law, const Declaration& decl,
                                            const Actor& actor) {
  DeclarationResult res;
  if (decl.idempotency_key.empty() || decl.idempotency_key.size() > 200)
    return Status::Invalid("idempotency_key", "Cần khoá chống gửi trùng (idempotency_key, tối đa 200 ký tự)",
                           "an idempotency_key of at most 200 characters is required");
  // Defence in depth: the API checks the scope before this, but an
  // employer's account declares for its own employer whatever the caller.
  if (!actor.employer_code.empty() && actor.employer_code != decl.employer_code)
    return Status::Error("forbidden", "employer_code", "Tài khoản đơn vị chỉ được kê khai cho chính đơn vị mình",
                         "an employer account may only declare for its own employer");
  // The key is the submitter's: two employers may both call theirs "T11-1".
  const std::string scoped_key = actor.id + "|" + decl.idempotency_key;
  {
    BHXH_ASSIGN_OR_RETURN(auto dup, db.Prepare("SELECT id FROM declarations WHERE idempotency_key = ?"));
    dup->Bind(scoped_key);
    BHXH_ASSIGN_OR_RETURN(bool seen, dup->Step());
    if (seen)
      return Status::Conflict("idempotency_key", "Tờ khai với khoá \"" + decl.idempotency_key + "\" đã được nộp",
                              "a declaration with key \"" + decl.idempotency_key + "\" was already submitted");
  }

  BHXH_ASSIGN_OR_RETURN(Month decl_month, Month::Parse(decl.month, "month"));
  Registry reg(db, geo, law);
  BHXH_ASSIGN_OR_RETURN(Employer emp, reg.EmployerByCode(decl.employer_code));
  if (decl.rows.empty()) return Status::Invalid("rows", "Tờ khai không có dòng nào", "the declaration has no rows");
  if (decl.rows.size() > 100000) return Status::Invalid("rows", "Tờ khai quá 100.000 dòng", "more than 100,000 rows");

  // Phase 1: every row on its own.
  std::vector<ParsedRow> rows(decl.rows.size());
  for (size_t i = 0; i < decl.rows.size(); ++i) {
    const DeclarationRow& in = decl.rows[i];
    ParsedRow& p = rows[i];
    int n = static_cast<int>(i) + 1;
    p.action = in.action;
    if (!in.plan.empty()) {
      // The D02-LT change code in force in the declaration's month.
      auto plan = law.Plan(in.plan, decl_month.FirstDay());
      if (!plan.ok()) {
        AddError(res.errors, n, plan.status());
        continue;
      }
      if (!in.action.empty() && in.action != plan->action) {
        AddError(res.errors, n,
                 Status::Invalid("plan", "Mã phương án " + in.plan + " (" + plan->name_vi + ") là " + plan->action +
                                             ", không khớp loại biến động " + in.action,
                                 "change code " + in.plan + " means " + plan->action + ", not " + in.action));
        continue;
      }
      p.action = plan->action;
    }
    if (p.action != "join" && p.action != "leave" && p.action != "salary" && p.action != "suspend" && p.action != "resume") {
      AddError(res.errors, n,
               Status::Invalid("action",
                               "Loại biến động phải là join (tăng), leave (giảm), salary (điều chỉnh lương), suspend "
                               "(tạm dừng: nghỉ không lương, ốm, thai sản) hoặc resume (đi làm lại), hoặc mã phương án D02-LT",
                               "action must be join, leave, salary, suspend or resume, or a D02-LT change code"));
      continue;
    }
    if (in.cccd.size() != 12 || !IsDigits(in.cccd)) {
      AddError(res.errors, n,
               Status::Error("invalid_cccd", "cccd", "Số định danh cá nhân phải gồm đúng 12 chữ số",
                             "personal ID must be exactly 12 digits"));
      continue;
    }
    p.cccd = in.cccd;
    auto m = Month::Parse(in.effective_month, "effective_month");
    if (!m.ok()) {
      AddError(res.errors, n, m.status());
      continue;
    }
    p.effective = *m;
    if (p.effective > decl_month.Next() || p.effective < Month::Of(2016, 1)) {
      AddError(res.errors, n,
               Status::Invalid("effective_month", "Tháng hiệu lực phải từ 2016-01 đến tháng sau kỳ kê khai",
                               "effective month must be between 2016-01 and the month after the declaration"));
      continue;
    }
    if (p.action == "leave" || p.action == "suspend") continue;
    if (p.action == "resume" && in.salary.empty()) continue;  // the salary before the suspension
    auto sal = ParseVnd(in.salary, "salary");
    if (!sal.ok()) {
      AddError(res.errors, n, sal.status());
      continue;
    }
    p.salary = *sal;
    p.group = p.action == "join" ? in.group : "";
    if (p.action == "join") {
      if (!in.facility.empty() && (in.facility.size() != 5 || !IsDigits(in.facility))) {
        AddError(res.errors, n,
                 Status::Invalid("facility", "Mã nơi đăng ký KCB ban đầu phải gồm 5 chữ số",
                                 "the registered facility code must be 5 digits"));
        continue;
      }
      p.facility = in.facility;
      auto g = law.Group(in.group, p.effective.FirstDay());
      if (!g.ok()) {
        AddError(res.errors, n, g.status());
        continue;
      }
      if (g->scheme != "employee_private" && g->scheme != "employee_state") {
        AddError(res.errors, n,
                 Status::Invalid("group", "Đối tượng " + in.group + " không đóng qua đơn vị sử dụng lao động",
                                 "group " + in.group + " does not contribute through an employer"));
        continue;
      }
      auto card = BuildRateCard(law, g->scheme, p.effective, emp.region);
      if (!card.ok()) {
        AddError(res.errors, n, card.status());
        continue;
      }
      p.funds = card->scheme_funds;
      if (!in.funds.empty()) {
        auto f = ParseFundMask(in.funds, "funds");
        if (!f.ok()) {
          AddError(res.errors, n, f.status());
          continue;
        }
        p.funds = *f & card->scheme_funds;
      }
      // The floor applies to every fund alike; check it once.
      for (const auto& t : card->funds) {
        if (t.present && t.floor && p.salary < t.floor) {
          AddError(res.errors, n,
                   Status::Invalid("salary",
                                   "Tiền lương " + FormatVnd(p.salary) + " thấp hơn mức sàn " + FormatVnd(t.floor) +
                                       " đồng (" + card->floor_rule + ", tháng " + p.effective.ToVi() + ")",
                                   "salary below the floor " + std::to_string(t.floor) + " in force for " +
                                       p.effective.ToString()));
          break;
        }
      }
      if (!in.full_name.empty()) {
        p.has_person = true;
        p.person = {in.cccd, in.si_number, in.full_name, in.dob, in.sex, in.province, "", ""};
        Person tmp;
        Status s = reg.ValidatePersonInput(p.person, &tmp);
        if (!s.ok()) AddError(res.errors, n, s);
      }
    } else if (p.salary == 0 && p.action == "salary") {
      AddError(res.errors, n,
               Status::Invalid("salary", "Tiền lương mới phải lớn hơn 0", "new salary must be positive"));
    }
  }
  if (!res.errors.empty()) return res;

  // Phase 2: apply in order against stored state, in one transaction.
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(
      auto ins,
      db.Prepare(
          "INSERT INTO declarations (employer_id, month, idempotency_key, row_count, body, created_at, created_by) "
          "VALUES (?,?,?,?,?,?,?) RETURNING id"));
  nlohmann::json body = nlohmann::json::array();
  for (const auto& r : decl.rows)
    body.push_back({{"action", r.action},
                    {"plan", r.plan},
                    {"cccd", r.cccd},
                    {"effective_month", r.effective_month},
                    {"salary", r.salary},
                    {"group", r.group},
                    {"funds", r.funds}});
  ins->Bind(emp.id, decl_month.index(), scoped_key, static_cast<int64_t>(decl.rows.size()), body.dump(), NowIsoUtc(),
            actor.id);
  BHXH_ASSIGN_OR_RETURN(bool got, ins->Step());
  if (!got) return Status::Internal("insert declaration returned no id");
  res.declaration_id = ins->Int(0);
  ins.reset();  // finish the INSERT ... RETURNING before any savepoint (SQLite refuses one while it runs)

  for (size_t i = 0; i < rows.size(); ++i) {
    const ParsedRow& p = rows[i];
    int n = static_cast<int>(i) + 1;
    auto person = reg.PersonByCccd(p.cccd);
    if (!person.ok() && person.status().code() == "not_found" && p.has_person) {
      // Registering inside our transaction: RegisterPerson opens its own, so
      // insert directly through the same validated path.
      Person np;
      BHXH_RETURN_IF_ERROR(reg.ValidatePersonInput(p.person, &np));
      BHXH_ASSIGN_OR_RETURN(std::string key, FoldForSearch(np.full_name));
      BHXH_ASSIGN_OR_RETURN(auto pst, db.Prepare("INSERT INTO persons (cccd, si_number, full_name, name_key, dob, sex, "
                                                 "province, commune, created_at, created_by) "
                                                 "VALUES (?,?,?,?,?,?,?,?,?,?)"));
      pst->Bind(np.cccd, np.si_number, np.full_name, key, np.dob.ToString(), static_cast<int>(np.sex), np.province,
                std::string(), NowIsoUtc(), actor.id);
      if (np.si_number.empty()) pst->BindNull(2);
      Status s = pst->Run();
      if (!s.ok()) {
        AddError(res.errors, n, s.WithFieldPrefix(""));
        continue;
      }
      ++res.persons_registered;
      person = reg.PersonByCccd(p.cccd);
    }
    if (!person.ok()) {
      AddError(res.errors, n,
               Status::NotFound("cccd",
                                "Chưa có người tham gia với số định danh " + p.cccd +
                                    " (cần họ tên, ngày sinh, giới tính để đăng ký mới)",
                                "no person with this CCCD (give full_name, dob, sex to register)"));
      continue;
    }
    if (person->deceased_on && p.action != "leave" && p.action != "suspend" && p.effective.FirstDay() > *person->deceased_on) {
      AddError(res.errors, n,
               Status::Invalid("cccd", "Người tham gia đã chết từ " + person->deceased_on->ToString(),
                               "the person died on " + person->deceased_on->ToString()));
      continue;
    }
    BHXH_ASSIGN_OR_RETURN(auto open, OpenPeriod(db, person->id, emp.id));
    if (p.action == "resume") {
      // Back to work (ON): the period suspended last starts again with its
      // salary (or the one given), group and funds.
      if (open) {
        AddError(res.errors, n,
                 Status::Conflict("cccd", "Người lao động đang tham gia, không tạm dừng (từ " + open->from.ToVi() + ")",
                                  "the worker is not suspended"));
        continue;
      }
      BHXH_ASSIGN_OR_RETURN(auto last, db.Prepare("SELECT salary, funds, group_code, to_month FROM periods WHERE person_id = ? "
                                                  "AND employer_id = ? ORDER BY from_month DESC LIMIT 1"));
      last->Bind(person->id, emp.id);
      BHXH_ASSIGN_OR_RETURN(bool had, last->Step());
      if (!had) {
        AddError(res.errors, n,
                 Status::NotFound("cccd", "Người lao động chưa từng tham gia tại đơn vị, không thể đi làm lại (dùng TM/TD)",
                                  "the worker never participated here; use a join"));
        continue;
      }
      if (Month::FromIndex(static_cast<int32_t>(last->Int(3))) >= p.effective) {
        AddError(res.errors, n,
                 Status::Invalid("effective_month", "Tháng đi làm lại phải sau tháng cuối cùng đã tham gia",
                                 "the return must come after the last month of participation"));
        continue;
      }
      BHXH_RETURN_IF_ERROR(InsertPeriod(db, person->id, emp, p.effective, p.salary > 0 ? p.salary : last->Int(0),
                                        static_cast<FundMask>(last->Int(1)), last->Text(2), res.declaration_id));
      ++res.resumed;
    } else if (p.action == "join") {
      if (open) {
        AddError(res.errors, n,
                 Status::Conflict("cccd", "Người lao động đang tham gia tại đơn vị từ " + open->from.ToVi(),
                                  "the worker already has an open period here since " + open->from.ToString()));
        continue;
      }
      BHXH_RETURN_IF_ERROR(
          InsertPeriod(db, person->id, emp, p.effective, p.salary, p.funds, p.group, res.declaration_id));
      BHXH_RETURN_IF_ERROR(ReasonForRejoin(db, geo, p.cccd, person->id, emp, p.effective, res));
      if (Status s = IssueJoinCard(db, reg, law, emp, *person, p, actor, res); !s.ok()) {
        AddError(res.errors, n, s.field().empty() ? s.WithFieldPrefix("card") : s);
        continue;
      }
      ++res.joined;
    } else if (!open) {
      AddError(res.errors, n,
               Status::NotFound("cccd", "Người lao động không đang tham gia tại đơn vị",
                                "the worker has no open period at this employer"));
    } else if (p.action == "leave" || p.action == "suspend") {
      // Both end the period before the effective month: no contribution
      // from then (a suspension resumes with ON).
      BHXH_RETURN_IF_ERROR(ClosePeriod(db, *open, p.effective));
      // A suspension (KL, OF, TS) keeps its card: during maternity leave
      // the SI fund pays the HI contribution (Law on HI Art. 13); whether
      // unpaid or long sick leave cut the card is not settled in the
      // sources at hand, so here they do not.
      if (p.action == "leave") BHXH_RETURN_IF_ERROR(DecreaseCards(db, p.cccd, person->id, open->group, p.effective, res));
      ++(p.action == "leave" ? res.left : res.suspended);
    } else {
      if (p.effective <= open->from) {
        BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE periods SET salary = ? WHERE id = ? AND province = ?"));
        BHXH_RETURN_IF_ERROR(up->Bind(p.salary, open->id, open->province).Run());
      } else {
        BHXH_RETURN_IF_ERROR(ClosePeriod(db, *open, p.effective));
        BHXH_RETURN_IF_ERROR(
            InsertPeriod(db, person->id, emp, p.effective, p.salary, open->funds, open->group, res.declaration_id));
      }
      ++res.salary_changes;
    }
  }
  if (!res.errors.empty()) {
    res.declaration_id = 0;
    res.joined = res.left = res.salary_changes = res.persons_registered = res.suspended = res.resumed = 0;
    res.decreased.clear();
    return res;  // Tx rolls back
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "declare", "employer", emp.code,
                                  "declaration " + std::to_string(res.declaration_id) + ": " +
                                      std::to_string(rows.size()) + " rows for " + decl_month.ToString()));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  res.accepted = true;
  return res;
}

}  // namespace bhxh
