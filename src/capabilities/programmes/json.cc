#include "programmes/json.h"

namespace bhxh {
namespace {

using Json = nlohmann::json;

Json OptDate(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json Lines(int first, int last) { return Json::array({first, last}); }

}  // namespace

Json ToJson(const TimeFrame& t) {
  Json j = {{"text", t.text},
            {"kind", t.text.empty() ? "none" : t.kind},
            {"start", OptDate(t.start)},
            {"end", OptDate(t.end)}};
  if (!t.recurrence.empty()) j["recurrence"] = t.recurrence;
  if (!t.condition.empty()) j["condition"] = t.condition;
  return j;
}

Json IndicatorJson(const IndicatorRow& r) {
  Json targets = Json::object(), written = Json::object();
  for (const auto& [y, v] : r.targets) {
    auto n = TargetNumber(v);
    targets[y] = n ? Json(*n) : Json(v);
    written[y] = v;
  }
  return {{"key", r.key},
          {"id", r.id},
          {"part_of", r.part_of.empty() ? Json(nullptr) : Json(r.part_of)},
          {"name", r.name},
          {"unit", r.measure},
          {"targets", targets},
          {"targets_text", written},
          {"targets_merged", r.targets_merged},
          {"actuals", r.actuals},
          {"lead_units", r.lead_units},
          {"coordinating_units", r.coordinating_units},
          {"lead_units_inherited", r.lead_inherited},
          {"coordinating_units_inherited", r.coordinating_inherited},
          {"unknown_units", r.unknown_units},
          {"lines", Lines(r.first_line, r.last_line)}};
}

Json ReportJson(const ReportDue& r) {
  Json due = r.recurrence == "yearly" ? Json{{"day", r.day}, {"month", r.month}} : Json{{"date", OptDate(r.date)}};
  return {{"name", r.name},
          {"kind", r.kind},
          {"recurrence", r.recurrence},
          {"due", due},
          {"recipients", r.recipients},
          {"recipient_units", r.recipient_units},
          {"text", r.text},
          {"line", r.line}};
}

Json ToJson(const ImportedProgramme& p) {
  const DecisionHeader& d = p.decision;
  Json bases = Json::array();
  for (const auto& b : d.legal_bases)
    bases.push_back({{"kind", b.kind}, {"number", b.number}, {"date", OptDate(b.date)}, {"text", b.text}});
  Json articles = Json::array();
  for (const auto& a : d.articles)
    articles.push_back({{"number", a.number}, {"text", a.text}, {"lines", Lines(a.first_line, a.last_line)}});
  Json decision = {{"kind", d.kind},             {"number", d.number},         {"date", OptDate(d.date)},
                   {"place", d.place},           {"articles", articles},
                   {"recipients", d.recipients}, {"issuer", d.issuer},
                   {"title", d.title},           {"authority", d.authority},
                   {"legal_bases", bases},       {"signing_line", d.signing_line},
                   {"signer", d.signer}};
  Json sections = Json::array(), objectives = Json::array(), targets = Json::array();
  for (const auto& s : p.sections) {
    sections.push_back({{"id", s.id},
                        {"key", s.key},
                        {"parent", s.parent_key},
                        {"level", s.level},
                        {"role", s.role},
                        {"text", s.text},
                        {"lines", Lines(s.first_line, s.last_line)}});
    bool leaf =
        std::none_of(p.sections.begin(), p.sections.end(), [&](const Section& c) { return c.parent_key == s.key; });
    if (s.role == "objectives" && leaf && !s.text.empty())
      objectives.push_back({{"key", s.key}, {"text", s.text}, {"lines", Lines(s.first_line, s.last_line)}});
  }
  for (const auto& q : p.targets)
    targets.push_back({{"value", q.value},
                       {"unit", q.unit},
                       {"qualifier", q.qualifier},
                       {"year", q.year ? Json(*q.year) : Json(nullptr)},
                       {"text", q.text},
                       {"section", q.section_key},
                       {"line", q.line}});
  Json appendices = Json::array();
  for (const auto& a : p.appendices)
    appendices.push_back({{"label", a.label},
                          {"title", a.title},
                          {"kind", a.kind},
                          {"lines", Lines(a.first_line, a.last_line)},
                          {"header_line", a.header_line}});
  Json groups = Json::array();
  for (const auto& g : p.groups)
    groups.push_back({{"id", g.id},
                      {"key", g.key},
                      {"parent", g.parent_key},
                      {"level", g.level},
                      {"title", g.title},
                      {"units", g.units},
                      {"stated_count", g.stated_count >= 0 ? Json(g.stated_count) : Json(nullptr)},
                      {"tasks", g.tasks},
                      {"line", g.first_line}});
  Json tasks = Json::array();
  int unknown = 0;
  for (const auto& e : p.tasks) {
    const TaskRow& t = e.row;
    unknown += !t.unknown_units.empty();
    tasks.push_back({{"id", t.id},
                     {"key", t.key},
                     {"appendix", e.appendix + 1},
                     {"group", t.group_id},
                     {"group_key", t.group_key},
                     {"content", t.content},
                     {"lead", t.lead_names},
                     {"coordinating", t.coordinating_names},
                     {"lead_units", t.lead_units},
                     {"coordinating_units", t.coordinating_units},
                     {"unknown_units", t.unknown_units},
                     {"unknown_unit_cells", t.unknown_cells},
                     {"timeframe", ToJson(t.timeframe)},
                     {"leader", t.leader.empty() ? Json(nullptr) : Json(t.leader)},
                     {"plan", t.plan.empty() ? Json(nullptr) : Json(t.plan)},
                     {"product", t.product.empty() ? Json(nullptr) : Json(t.product)},
                     {"notes", t.notes.empty() ? Json(nullptr) : Json(t.notes)},
                     {"lines", Lines(t.first_line, t.last_line)}});
  }
  Json indicators = Json::array();
  for (const auto& r : p.indicators) indicators.push_back(IndicatorJson(r));
  Json reports = Json::array();
  for (const auto& r : p.reports) reports.push_back(ReportJson(r));
  Json footnotes = Json::array();
  for (const auto& f : p.footnotes)
    footnotes.push_back({{"mark", f.mark}, {"text", f.text}, {"lines", Lines(f.first_line, f.last_line)}});
  Json unplaced = Json::array();
  for (const auto& u : p.unplaced) unplaced.push_back({{"lines", Lines(u.first_line, u.last_line)}, {"text", u.text}});
  return {{"decision", decision},
          {"programme",
           {{"title", p.programme_title},
            {"period", {{"start", OptDate(p.period_start)}, {"end", OptDate(p.period_end)}}},
            {"sections", sections},
            {"objectives", objectives},
            {"targets", targets}}},
          {"appendices", appendices},
          {"groups", groups},
          {"tasks", tasks},
          {"indicators", indicators},
          {"reports", reports},
          {"footnotes", footnotes},
          {"unplaced", unplaced},
          {"source_format", p.source_format},
          {"counts",
           {{"tasks", p.tasks.size()},
            {"groups", p.groups.size()},
            {"indicators", p.indicators.size()},
            {"reports", p.reports.size()},
            {"stated_total", p.stated_total >= 0 ? Json(p.stated_total) : Json(nullptr)},
            {"tasks_with_unknown_units", unknown},
            {"unplaced", p.unplaced.size()}}}};
}

Json ToJson(const StoredProgramme& p) {
  return {{"id", p.id},
          {"number", p.number},
          {"date", OptDate(p.decision_date)},
          {"title", p.title},
          {"programme_title", p.programme_title},
          {"signer", p.signer},
          {"signing_line", p.signing_line},
          {"period", {{"start", OptDate(p.period_start)}, {"end", OptDate(p.period_end)}}},
          {"counts", {{"tasks", p.tasks}, {"indicators", p.indicators}, {"reports", p.reports}}},
          {"imported_at", p.imported_at},
          {"imported_by", p.imported_by}};
}

namespace {
Json UnitList(const std::vector<std::string>& ids, const UnitRegistry& units) {
  Json out = Json::array();
  for (const auto& id : ids) {
    const Unit* u = units.ById(id);
    out.push_back({{"id", id}, {"name", u ? u->name : id}});
  }
  return out;
}
}  // namespace

Json ToJson(const StoredTask& t, const UnitRegistry& units) {
  return {{"programme", t.programme_number},
          {"programme_id", t.programme_id},
          {"key", t.key},
          {"id", t.id_text},
          {"group_key", t.group_key},
          {"group", t.group_title},
          {"content", t.content},
          {"lead", UnitNamesOfCell(t.lead_units, t.unknown_units, t.unknown_cells, "lead", units)},
          {"coordinating",
           UnitNamesOfCell(t.coordinating_units, t.unknown_units, t.unknown_cells, "coordinating", units)},
          {"lead_units", UnitList(t.lead_units, units)},
          {"coordinating_units", UnitList(t.coordinating_units, units)},
          {"unknown_units", t.unknown_units},
          {"unknown_unit_cells", t.unknown_cells},
          {"leader", t.leader.empty() ? Json(nullptr) : Json(t.leader)},
          {"timeframe", ToJson(t.timeframe)},
          {"plan", t.plan.empty() ? Json(nullptr) : Json(t.plan)},
          {"product", t.product.empty() ? Json(nullptr) : Json(t.product)},
          {"notes", t.notes.empty() ? Json(nullptr) : Json(t.notes)},
          {"line", t.first_line}};
}

Json ToJson(const StoredReport& r) {
  Json due = r.recurrence == "yearly" ? Json{{"day", r.day}, {"month", r.month}} : Json{{"date", OptDate(r.date)}};
  return {{"programme", r.programme_number},
          {"seq", r.seq},
          {"name", r.name},
          {"kind", r.kind},
          {"recurrence", r.recurrence},
          {"due", due},
          {"recipients", r.recipients}};
}

Json ToJson(const ProgressEntry& e) {
  return {{"id", e.id},           {"task_key", e.task_key},       {"unit", e.unit},
          {"status", e.status},   {"percent", e.percent},         {"period", e.period},
          {"note", e.note},       {"evidence", e.evidence},       {"difficulties", e.difficulties},
          {"lessons", e.lessons}, {"reported_at", e.reported_at}, {"reported_by", e.reported_by}};
}

Json ToJson(const TaskState& s, const UnitRegistry& units) {
  Json j = ToJson(s.task, units);
  j["status"] = s.status;
  j["percent"] = s.percent;
  j["deadline"] = OptDate(s.deadline);
  j["overdue"] = s.overdue;
  j["days_overdue"] = s.days_overdue;
  j["expects"] = s.expects.empty() ? Json(nullptr) : Json(s.expects);
  j["missing_periods"] = s.missing_periods;
  j["last_reported_at"] = s.last_reported_at.empty() ? Json(nullptr) : Json(s.last_reported_at);
  j["last_note"] = s.last_note;
  return j;
}

Json ToJson(const FollowUpGroup& g, const UnitRegistry& units) {
  Json tasks = Json::array();
  for (const auto& s : g.tasks) tasks.push_back(ToJson(s, units));
  return {{"who", g.who}, {"name", g.name}, {"overdue", g.overdue}, {"missing_reports", g.missing}, {"tasks", tasks}};
}

Json ToJson(const Deadline& d) {
  return {{"date", d.date.ToString()},
          {"kind", d.kind},
          {"programme", d.programme_number},
          {"programme_id", d.programme_id},
          {"name", d.name},
          {"detail", d.detail},
          {"task_key", d.task_key.empty() ? Json(nullptr) : Json(d.task_key)},
          {"days_left", d.days_left}};
}

Json ToJson(const IndicatorValue& v) {
  return {{"year", v.year},
          {"province", v.province},
          {"value", v.value},
          {"source", v.source},
          {"method", v.method},
          {"recorded_at", v.recorded_at},
          {"recorded_by", v.recorded_by}};
}

Json ToJson(const IndicatorStatus& s) {
  Json values = Json::array();
  for (const auto& v : s.values) values.push_back(ToJson(v));
  Json path = Json::object();
  for (const auto& [y, v] : s.path) path[std::to_string(y)] = v;
  Json targets = Json::object();
  for (const auto& [y, t] : s.indicator.targets) {
    auto n = TargetNumber(t);
    targets[y] = n ? Json(*n) : Json(t);
  }
  return {{"key", s.indicator.key},
          {"name", s.indicator.name},
          {"unit", s.indicator.measure},
          {"targets", targets},
          {"lead_units", s.indicator.lead_units},
          {"coordinating_units", s.indicator.coordinating_units},
          {"computable", !s.measure.empty()},
          {"measure", s.measure.empty() ? Json(nullptr) : Json(s.measure)},
          {"values", values},
          {"latest", s.latest ? Json(*s.latest) : Json(nullptr)},
          {"latest_year", s.latest_year ? Json(s.latest_year) : Json(nullptr)},
          {"expected", s.expected ? Json(*s.expected) : Json(nullptr)},
          {"path", path},
          {"status", s.status}};
}

Json ToJson(const AnnualReport& r, const UnitRegistry& units) {
  Json done = Json::array(), open = Json::array(), inds = Json::array(), diff = Json::array(), less = Json::array(),
       obl = Json::array();
  for (const auto& s : r.tasks_done) done.push_back(ToJson(s, units));
  for (const auto& s : r.tasks_not_done) open.push_back(ToJson(s, units));
  for (const auto& s : r.indicators) inds.push_back(ToJson(s));
  for (const auto& d : r.difficulties) diff.push_back({{"task_key", d.task_key}, {"unit", d.unit}, {"text", d.text}});
  for (const auto& d : r.lessons) less.push_back({{"task_key", d.task_key}, {"unit", d.unit}, {"text", d.text}});
  for (const auto& o : r.obligations) obl.push_back(ToJson(o));
  return {{"programme", ToJson(r.programme)},
          {"year", r.year},
          {"as_of", r.as_of.ToString()},
          {"summary",
           {{"total", r.total},
            {"done", r.done},
            {"in_progress", r.in_progress},
            {"blocked", r.blocked},
            {"not_started", r.not_started},
            {"overdue_or_missing", r.overdue}}},
          {"indicators", inds},
          {"tasks_done", done},
          {"tasks_not_done", open},
          {"difficulties", diff},
          {"lessons", less},
          {"obligations", obl}};
}

Json ToJson(const Unit& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"kind", u.kind},
          {"abbreviations", u.abbreviations},
          {"earlier_names", u.earlier_names}};
}

}  // namespace bhxh
