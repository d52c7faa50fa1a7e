#include "programmes/store.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "base/parse.h"
#include "base/text.h"
#include "programmes/json.h"

namespace bhxh {
namespace {

std::optional<Date> OptDate(Stmt& st, int col) {
  if (st.IsNull(col) || st.Text(col).empty()) return std::nullopt;
  auto d = Date::Parse(st.Text(col), "date");
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

void BindOptDate(Stmt& st, int i, const std::optional<Date>& d) {
  if (d)
    st.BindText(i, d->ToString());
  else
    st.BindNull(i);
}

std::string NumberKey(const std::string& number) {
  std::string n = number;
  std::replace(n.begin(), n.end(), '-', '/');
  auto f = FoldForSearch(n);
  std::string k = f.ok() ? *f : n;
  k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
  return k;
}

constexpr const char* kProgrammeColumns =
    "p.id, p.number, p.title, p.programme_title, p.signer, p.signing_line, p.imported_at, p.imported_by, "
    "p.decision_date, p.period_start, p.period_end, "
    "(SELECT COUNT(*) FROM programme_tasks t WHERE t.programme_id = p.id), "
    "(SELECT COUNT(*) FROM programme_indicators i WHERE i.programme_id = p.id), "
    "(SELECT COUNT(*) FROM programme_reports r WHERE r.programme_id = p.id)";

StoredProgramme ReadProgramme(Stmt& st) {
  StoredProgramme p;
  p.id = st.Int(0);
  p.number = st.Text(1);
  p.title = st.Text(2);
  p.programme_title = st.Text(3);
  p.signer = st.Text(4);
  p.signing_line = st.Text(5);
  p.imported_at = st.Text(6);
  p.imported_by = st.Text(7);
  p.decision_date = OptDate(st, 8);
  p.period_start = OptDate(st, 9);
  p.period_end = OptDate(st, 10);
  p.tasks = static_cast<int>(st.Int(11));
  p.indicators = static_cast<int>(st.Int(12));
  p.reports = static_cast<int>(st.Int(13));
  return p;
}

Status WriteChildren(Db& db, int64_t id, const ImportedProgramme& p) {
  for (const char* table : {"programme_tasks", "programme_reports", "programme_indicators"}) {
    BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare(std::string("DELETE FROM ") + table + " WHERE programme_id = ?"));
    BHXH_RETURN_IF_ERROR(del->Bind(id).Run());
  }
  std::map<std::string, std::string> group_titles;
  for (const auto& g : p.groups) group_titles[g.key] = g.title;
  BHXH_ASSIGN_OR_RETURN(
      auto ts,
      db.Prepare(
          "INSERT INTO programme_tasks (programme_id, task_key, id_text, group_key, group_title, content, lead_units, "
          "coordinating_units, unknown_units, leader, tf_text, tf_kind, tf_start, tf_end, tf_recurrence, first_line, "
          "plan, "
          "product, notes, unknown_cells) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  for (const auto& e : p.tasks) {
    const TaskRow& t = e.row;
    ts->Reset();
    ts->Bind(id, t.key, t.id, t.group_key, group_titles[t.group_key], t.content, JoinIds(t.lead_units),
             JoinIds(t.coordinating_units), JoinIds(t.unknown_units), t.leader, t.timeframe.text,
             t.timeframe.text.empty() ? std::string("none") : t.timeframe.kind);
    BindOptDate(*ts, 13, t.timeframe.start);
    BindOptDate(*ts, 14, t.timeframe.end);
    ts->BindText(15, t.timeframe.recurrence);
    ts->BindInt(16, t.first_line);
    ts->BindText(17, t.plan);
    ts->BindText(18, t.product);
    ts->BindText(19, t.notes);
    ts->BindText(20, JoinIds(t.unknown_cells));
    BHXH_RETURN_IF_ERROR(ts->Run());
  }
  BHXH_ASSIGN_OR_RETURN(auto rs, db.Prepare("INSERT INTO programme_reports (programme_id, seq, name, kind, recurrence, "
                                            "due_day, due_month, due_date, recipients) "
                                            "VALUES (?,?,?,?,?,?,?,?,?)"));
  for (size_t i = 0; i < p.reports.size(); ++i) {
    const ReportDue& r = p.reports[i];
    rs->Reset();
    rs->Bind(id, static_cast<int64_t>(i + 1), r.name, r.kind, r.recurrence);
    if (r.recurrence == "yearly")
      rs->BindInt(6, r.day), rs->BindInt(7, r.month);
    else
      rs->BindNull(6), rs->BindNull(7);
    BindOptDate(*rs, 8, r.date);
    rs->BindText(9, r.recipients);
    BHXH_RETURN_IF_ERROR(rs->Run());
  }
  BHXH_ASSIGN_OR_RETURN(auto is, db.Prepare("INSERT INTO programme_indicators (programme_id, indicator_key, name, "
                                            "measure, targets, lead_units, coordinating_units) "
                                            "VALUES (?,?,?,?,?,?,?)"));
  // What the decision says was achieved ("Thực hiện năm 2023") is the first
  // value of its indicator; a value a unit entered later is kept.
  BHXH_ASSIGN_OR_RETURN(auto vs, db.Prepare("INSERT INTO indicator_values (programme_id, indicator_key, year, "
                                            "province, value, source, method, recorded_at, "
                                            "recorded_by) VALUES (?,?,?,'',?,'decision',?,?,?) ON CONFLICT "
                                            "(programme_id, indicator_key, year, province) DO NOTHING"));
  for (const auto& r : p.indicators) {
    nlohmann::json targets(r.targets);
    is->Reset();
    BHXH_RETURN_IF_ERROR(
        is->Bind(id, r.key, r.name, r.measure, targets.dump(), JoinIds(r.lead_units), JoinIds(r.coordinating_units))
            .Run());
    for (const auto& [year, written] : r.actuals) {
      std::string value = written;
      if (auto n = TargetNumber(written)) value = DecimalText(*n);
      vs->Reset();
      int y = DigitsValue(year);
      if (y < 1900 || y > 2200) continue;  // a column header that is not a year
      BHXH_RETURN_IF_ERROR(vs->Bind(id, r.key, static_cast<int64_t>(y), value,
                                    "Số liệu thực hiện ghi trong Quyết định " + p.decision.number, NowIsoUtc(),
                                    std::string("decision"))
                               .Run());
    }
  }
  return Status::Ok();
}

}  // namespace

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& i : ids) out += (out.empty() ? "" : "|") + i;
  return out;
}

std::vector<std::string> SplitIds(const std::string& joined) {
  std::vector<std::string> out;
  for (const auto& s : Split(joined, '|'))
    if (!s.empty()) out.push_back(s);
  return out;
}

Result<SaveOutcome> SaveProgramme(Db& db, const ImportedProgramme& p, std::string_view source, bool replace,
                                  const Actor& actor) {
  if (!p.decision.date) return Status::Invalid("date", "Quyết định không có ngày ban hành", "the decision has no date");
  std::string sha = Sha256Hex(source);
  SaveOutcome out;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT id, source_sha256 FROM programmes WHERE number = ?"));
  q->Bind(p.decision.number);
  BHXH_ASSIGN_OR_RETURN(bool exists, q->Step());
  int64_t id = exists ? q->Int(0) : 0;
  std::string old_sha = exists ? q->Text(1) : "";
  q->Reset();
  if (exists && old_sha == sha) {
    BHXH_ASSIGN_OR_RETURN(out.programme, FindProgramme(db, std::to_string(id)));
    out.replayed = true;
    return out;
  }
  if (exists && !replace)
    return Status::Conflict(
        "number",
        DocumentKindVi(p.decision.kind) + " " + p.decision.number +
            " đã được nhập với nội dung khác; nhập lại với tuỳ chọn thay thế (replace) nếu đây là bản đúng",
        "decision " + p.decision.number + " was imported with different text; use replace");
  std::string extract = ToJson(p).dump();
  std::string now = NowIsoUtc();
  if (exists) {
    BHXH_ASSIGN_OR_RETURN(
        auto up,
        db.Prepare(
            "UPDATE programmes SET decision_date = ?, title = ?, programme_title = ?, signer = ?, signing_line = ?, "
            "period_start = ?, period_end = ?, source_sha256 = ?, extracted = ?, imported_at = ?, imported_by = ? "
            "WHERE id = ?"));
    up->Bind(p.decision.date->ToString(), p.decision.title, p.programme_title, p.decision.signer,
             p.decision.signing_line);
    BindOptDate(*up, 6, p.period_start);
    BindOptDate(*up, 7, p.period_end);
    up->BindText(8, sha);
    up->BindText(9, extract);
    up->BindText(10, now);
    up->BindText(11, actor.id);
    up->BindInt(12, id);
    BHXH_RETURN_IF_ERROR(up->Run());
    out.replaced = true;
  } else {
    BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO programmes (number, decision_date, title, programme_title, "
                                               "signer, signing_line, period_start, "
                                               "period_end, source_sha256, extracted, imported_at, imported_by) VALUES "
                                               "(?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    ins->Bind(p.decision.number, p.decision.date->ToString(), p.decision.title, p.programme_title, p.decision.signer,
              p.decision.signing_line);
    BindOptDate(*ins, 7, p.period_start);
    BindOptDate(*ins, 8, p.period_end);
    ins->BindText(9, sha);
    ins->BindText(10, extract);
    ins->BindText(11, now);
    ins->BindText(12, actor.id);
    BHXH_ASSIGN_OR_RETURN(bool row, ins->Step());
    if (!row) return Status::Internal("insert programme returned no id");
    id = ins->Int(0);
    ins->Reset();
  }
  BHXH_RETURN_IF_ERROR(WriteChildren(db, id, p));
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, out.replaced ? "replace" : "import", "programme", p.decision.number,
                                  std::to_string(p.tasks.size()) + " nhiệm vụ, " + std::to_string(p.indicators.size()) +
                                      " chỉ tiêu, sha256 " + sha));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  BHXH_ASSIGN_OR_RETURN(out.programme, FindProgramme(db, std::to_string(id)));
  return out;
}

Result<std::vector<StoredProgramme>> ListProgrammes(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kProgrammeColumns +
                                            " FROM programmes p ORDER BY p.decision_date, p.id"));
  std::vector<StoredProgramme> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ReadProgramme(*st));
  }
  return out;
}

Result<StoredProgramme> FindProgramme(Db& db, const std::string& ref) {
  std::string r = Trim(ref);
  if (r.empty())
    return Status::Invalid("programme", "Cần số quyết định hoặc mã chương trình", "a programme is required");
  if (IsDigits(r) && r.size() < 10) {
    BHXH_ASSIGN_OR_RETURN(auto st,
                          db.Prepare(std::string("SELECT ") + kProgrammeColumns + " FROM programmes p WHERE p.id = ?"));
    st->Bind(static_cast<int64_t>(DigitsValue(r)));
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) return ReadProgramme(*st);
  }
  BHXH_ASSIGN_OR_RETURN(auto all, ListProgrammes(db));
  for (const auto& p : all)
    if (NumberKey(p.number) == NumberKey(r)) return p;
  return Status::NotFound("programme", "Chưa nhập chương trình của quyết định " + r, "no programme " + r);
}

Result<std::vector<StoredTask>> LoadTasks(Db& db, int64_t programme_id) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT t.programme_id, p.number, t.task_key, t.id_text, t.group_key, t.group_title, t.content, t.leader, "
          "t.lead_units, t.coordinating_units, t.unknown_units, t.tf_text, t.tf_kind, t.tf_start, t.tf_end, "
          "t.tf_recurrence, "
          "t.first_line, t.plan, t.product, t.notes, t.unknown_cells FROM programme_tasks t JOIN programmes p ON p.id = t.programme_id "
          "WHERE ? = 0 OR t.programme_id = ? ORDER BY t.programme_id, t.first_line"));
  st->Bind(programme_id, programme_id);
  std::vector<StoredTask> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    StoredTask t;
    t.programme_id = st->Int(0);
    t.programme_number = st->Text(1);
    t.key = st->Text(2);
    t.id_text = st->Text(3);
    t.group_key = st->Text(4);
    t.group_title = st->Text(5);
    t.content = st->Text(6);
    t.leader = st->Text(7);
    t.lead_units = SplitIds(st->Text(8));
    t.coordinating_units = SplitIds(st->Text(9));
    t.unknown_units = SplitIds(st->Text(10));
    t.timeframe.text = st->Text(11);
    t.timeframe.kind = st->Text(12);
    t.timeframe.start = OptDate(*st, 13);
    t.timeframe.end = OptDate(*st, 14);
    t.timeframe.recurrence = st->Text(15);
    t.first_line = static_cast<int>(st->Int(16));
    t.plan = st->Text(17);
    t.product = st->Text(18);
    t.notes = st->Text(19);
    t.unknown_cells = SplitIds(st->Text(20));
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<StoredReport>> LoadReports(Db& db, int64_t programme_id) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT r.programme_id, p.number, r.seq, r.name, r.kind, r.recurrence, r.due_day, r.due_month, r.due_date, "
          "r.recipients FROM programme_reports r JOIN programmes p ON p.id = r.programme_id "
          "WHERE ? = 0 OR r.programme_id = ? ORDER BY r.programme_id, r.seq"));
  st->Bind(programme_id, programme_id);
  std::vector<StoredReport> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    StoredReport r;
    r.programme_id = st->Int(0);
    r.programme_number = st->Text(1);
    r.seq = static_cast<int>(st->Int(2));
    r.name = st->Text(3);
    r.kind = st->Text(4);
    r.recurrence = st->Text(5);
    r.day = st->IsNull(6) ? 0 : static_cast<int>(st->Int(6));
    r.month = st->IsNull(7) ? 0 : static_cast<int>(st->Int(7));
    r.date = OptDate(*st, 8);
    r.recipients = st->Text(9);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<StoredIndicator>> LoadIndicators(Db& db, int64_t programme_id) {
  BHXH_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT programme_id, indicator_key, name, measure, targets, lead_units, coordinating_units "
                          "FROM programme_indicators WHERE programme_id = ?"));
  st->Bind(programme_id);
  std::vector<StoredIndicator> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    StoredIndicator i;
    i.programme_id = st->Int(0);
    i.key = st->Text(1);
    i.name = st->Text(2);
    i.measure = st->Text(3);
    auto targets = nlohmann::json::parse(st->Text(4), nullptr, false);
    if (targets.is_object())
      for (auto it = targets.begin(); it != targets.end(); ++it) i.targets[it.key()] = it.value().get<std::string>();
    i.lead_units = SplitIds(st->Text(5));
    i.coordinating_units = SplitIds(st->Text(6));
    out.push_back(std::move(i));
  }
  // Keys in reading order: "1", "1.1", "2", ..., "10".
  std::sort(out.begin(), out.end(), [](const StoredIndicator& a, const StoredIndicator& b) {
    auto parts = [](const std::string& k) {
      std::vector<int> v;
      for (const auto& s : Split(k, '.')) v.push_back(std::max(0, DigitsValue(s)));
      return v;
    };
    return parts(a.key) < parts(b.key);
  });
  return out;
}

Result<std::string> LoadExtract(Db& db, int64_t programme_id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT extracted FROM programmes WHERE id = ?"));
  st->Bind(programme_id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("programme", "Không có chương trình này", "no such programme");
  return st->Text(0);
}

Status SaveUnitAlias(Db& db, const std::string& name, const std::string& unit_id, const Actor& actor) {
  auto key = FoldForSearch(Trim(name));
  if (!key.ok() || key->empty())
    return Status::Invalid("name", "Tên đơn vị cần ánh xạ không hợp lệ", "the name to map is empty or not UTF-8");
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("INSERT INTO unit_aliases (alias_key, alias, unit_id, created_at, created_by) VALUES (?,?,?,?,?) "
                 "ON CONFLICT (alias_key) DO UPDATE SET alias = excluded.alias, unit_id = excluded.unit_id, "
                 "created_at = excluded.created_at, created_by = excluded.created_by"));
  BHXH_RETURN_IF_ERROR(st->Bind(*key, Trim(name), unit_id, NowIsoUtc(), actor.id).Run());
  return WriteAudit(db, actor, "map", "unit_alias", Trim(name), unit_id);
}

Result<std::vector<std::pair<std::string, std::string>>> LoadUnitAliases(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT alias, unit_id FROM unit_aliases ORDER BY alias_key"));
  std::vector<std::pair<std::string, std::string>> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.emplace_back(st->Text(0), st->Text(1));
  }
  return out;
}

Result<int> ApplyUnitAlias(Db& db, const std::string& name, const std::string& unit_id, const Actor& actor) {
  auto key = FoldForSearch(Trim(name));
  if (!key.ok()) return Status::Invalid("name", "Tên đơn vị không hợp lệ", "invalid name");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_RETURN_IF_ERROR(SaveUnitAlias(db, name, unit_id, actor));
  BHXH_ASSIGN_OR_RETURN(auto tasks, LoadTasks(db, 0));
  BHXH_ASSIGN_OR_RETURN(
      auto up, db.Prepare("UPDATE programme_tasks SET lead_units = ?, coordinating_units = ?, unknown_units = ?, "
                          "unknown_cells = ? WHERE programme_id = ? AND task_key = ?"));
  int changed = 0;
  for (auto& t : tasks) {
    auto it = std::find_if(t.unknown_units.begin(), t.unknown_units.end(), [&](const std::string& u) {
      auto f = FoldForSearch(Trim(u));
      return f.ok() && *f == *key;
    });
    if (it == t.unknown_units.end()) continue;
    // The unit goes where the table put the name; a task imported before
    // cells were kept takes it as its unit in charge when it has none.
    size_t at = static_cast<size_t>(it - t.unknown_units.begin());
    std::string cell = at < t.unknown_cells.size() ? t.unknown_cells[at] : "";
    if (at < t.unknown_cells.size()) t.unknown_cells.erase(t.unknown_cells.begin() + static_cast<long>(at));
    t.unknown_units.erase(it);
    auto& into = cell == "lead" || (cell.empty() && t.lead_units.empty()) ? t.lead_units : t.coordinating_units;
    if (std::find(into.begin(), into.end(), unit_id) == into.end()) into.push_back(unit_id);
    up->Reset();
    BHXH_RETURN_IF_ERROR(
        up->Bind(JoinIds(t.lead_units), JoinIds(t.coordinating_units), JoinIds(t.unknown_units),
                 JoinIds(t.unknown_cells), t.programme_id, t.key)
            .Run());
    ++changed;
  }
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return changed;
}

}  // namespace bhxh
