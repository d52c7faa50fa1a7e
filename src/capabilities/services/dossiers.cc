#include "services/dossiers.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

#include "base/parse.h"
#include "base/text.h"
#include "benefits/cases.h"
#include "collection/declarations.h"
#include "collection/json.h"
#include "platform/audit/audit.h"
#include "registry/registry.h"

namespace bhxh {

namespace {

constexpr const char* kCols =
    "id, number, procedure, province, channel, filer_kind, filer_id, filer_name, COALESCE(cccd,''), "
    "COALESCE(employer_code,''), contact, payload, received_at, counted_from, due_on, deadline_notes, "
    "COALESCE(new_due_on,''), COALESCE(apology_on,''), apology_late, status, COALESCE(outcome,''), "
    "COALESCE(returned_on,''), holder_unit, holder_officer, COALESCE(result,''), COALESCE(refusal,''), "
    "COALESCE(missing,'')";

std::vector<std::string> StrList(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  auto j = ParseJson(text, 4);
  if (!j.ok() || !j->is_array()) return out;
  for (const auto& v : *j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string ListJson(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return DumpJson(a);
}

bool IsOpen(const std::string& status) { return status == "received" || status == "processing" || status == "supplement"; }

Result<LocalTime> AtOrNow(const std::string& at, const std::string& field) {
  if (at.empty()) return LocalTime::Now();
  return LocalTime::Parse(at, field);
}

Result<Dossier> LoadDossier(Db& db, int64_t id) {
  Dossier d;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM dossiers WHERE id = ?"));
    st->BindInt(1, id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::NotFound("id", "Không có hồ sơ số " + std::to_string(id), "no dossier " + std::to_string(id));
    d.id = st->Int(0);
    d.number = st->Text(1);
    d.procedure = st->Text(2);
    d.province = st->Text(3);
    d.channel = st->Text(4);
    d.filer_kind = st->Text(5);
    d.filer_id = st->Text(6);
    d.filer_name = st->Text(7);
    d.cccd = st->Text(8);
    d.employer_code = st->Text(9);
    d.contact = st->Text(10);
    auto p = ParseJson(st->Text(11));
    d.payload = p.ok() ? *p : Json::object();
    d.received_at = st->Text(12);
    d.counted_from = st->Text(13);
    d.due_on = st->Text(14);
    d.deadline_notes = StrList(st->Text(15));
    d.new_due_on = st->Text(16);
    d.apology_on = st->Text(17);
    d.apology_late = st->Int(18) != 0;
    d.status = st->Text(19);
    d.outcome = st->Text(20);
    d.returned_on = st->Text(21);
    d.holder_unit = st->Text(22);
    d.holder_officer = st->Text(23);
    std::string result = st->Text(24);
    if (!result.empty()) {
      auto r = ParseJson(result);
      if (r.ok()) d.result = *r;
    }
    d.refusal_reasons = StrList(st->Text(25));
    d.missing_documents = StrList(st->Text(26));
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT seq, at, action, from_unit, from_officer, to_unit, to_officer, note, "
                                              "recorded_by FROM dossier_steps WHERE dossier_id = ? ORDER BY seq"));
    st->BindInt(1, id);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      d.steps.push_back({static_cast<int>(st->Int(0)), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5),
                         st->Text(6), st->Text(7), st->Text(8)});
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT seq, name, media_type, sha256, added_by, added_at, size FROM "
                                              "dossier_attachments WHERE dossier_id = ? ORDER BY seq"));
    st->BindInt(1, id);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      d.attachments.push_back(
          {static_cast<int>(st->Int(0)), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Int(6)});
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT accessibility, procedures, service_quality, results, feedback_handling, "
                                              "comment, rated_by, rated_at FROM dossier_ratings WHERE dossier_id = ?"));
    st->BindInt(1, id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row)
      d.rating = Rating{static_cast<int>(st->Int(0)), static_cast<int>(st->Int(1)), static_cast<int>(st->Int(2)),
                        static_cast<int>(st->Int(3)), static_cast<int>(st->Int(4)), st->Text(5), st->Text(6), st->Text(7)};
  }
  return d;
}

// Appends a step; a step with a unit moves the dossier to that holder.
Status AddStep(Db& db, const Dossier& d, const std::string& action, const LocalTime& at, const std::string& to_unit,
               const std::string& to_officer, const std::string& note, const Actor& by) {
  int seq = d.steps.empty() ? 1 : d.steps.back().seq + 1;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO dossier_steps (dossier_id, seq, at, action, from_unit, from_officer, "
                                            "to_unit, to_officer, note, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(d.id, seq, at.ToString(), action, d.holder_unit, d.holder_officer,
                                to_unit.empty() ? d.holder_unit : to_unit, to_unit.empty() ? d.holder_officer : to_officer,
                                note, by.id)
                           .Run());
  if (!to_unit.empty()) {
    BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE dossiers SET holder_unit = ?, holder_officer = ? WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(up->Bind(to_unit, to_officer, d.id).Run());
  }
  return WriteAudit(db, by, action, "dossier", d.number, note);
}

Status RequireOpen(const Dossier& d) {
  if (!IsOpen(d.status))
    return Status::Error("conflict", "status",
                         "Hồ sơ " + d.number + " đã " + (d.status == "returned" ? "trả kết quả" : "bị từ chối") +
                             ", không xử lý tiếp được",
                         "the dossier is closed (" + d.status + ")");
  return Status::Ok();
}

// A step's time cannot go back before the last one.
Status RequireAfterLast(const Dossier& d, const LocalTime& at) {
  if (!d.steps.empty() && at.ToString() < d.steps.back().at)
    return Status::Invalid("at", "Thời điểm không được trước bước trước (" + d.steps.back().at + ")",
                           "a step cannot be earlier than the previous one");
  return Status::Ok();
}

std::string OutcomeOn(Date done, const std::string& due) {
  std::string d = done.ToString();
  return d < due ? "early" : d == due ? "on_time" : "late";
}

Status SetStatus(Db& db, int64_t id, const std::string& status) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE dossiers SET status = ? WHERE id = ?"));
  return st->Bind(status, id).Run();
}

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> FromBase64(const std::string& text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return Status::Internal("stored attachment is not base64");
  out.resize(len);
  return out;
}

// Voluntary SI is for people outside compulsory SI (Law 41/2024 Art. 2.4):
// no period with an employer may cover the first month.
Status OutsideCompulsory(Db& db, int64_t person_id, Month from) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM periods WHERE person_id = ? AND employer_id IS NOT NULL AND "
                                            "from_month <= ? AND (to_month IS NULL OR to_month >= ?)"));
  st->Bind(person_id, from.index(), from.index());
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row && st->Int(0) > 0)
    return Status::Invalid("payload.from_month",
                           "Người này đang tham gia BHXH bắt buộc tháng " + from.ToVi() +
                               "; BHXH tự nguyện dành cho người không thuộc diện bắt buộc (Luật BHXH 2024 Điều 2.4)",
                           "the person is in compulsory SI in " + from.ToString() + "; voluntary SI is for those outside it");
  return Status::Ok();
}

// What a procedure's action needs in the payload, checked at filing.
Status ValidateForAction(Db& db, const ServiceEngines& eng, const Procedure& p, const FileInput& in) {
  const Json& pl = in.payload;
  if (!pl.is_object()) return Status::Invalid("payload", "Nội dung hồ sơ phải là một đối tượng JSON", "payload must be an object");
  Registry reg(db, *eng.geo, *eng.law);
  if (p.action == "declaration") {
    if (in.employer_code.empty())
      return Status::Invalid("employer_code", "Thủ tục " + p.code + " cần mã đơn vị", "procedure " + p.code + " needs the employer");
    if (!pl.contains("month") || !pl["month"].is_string())
      return Status::Invalid("payload.month", "Cần kỳ kê khai (month, YYYY-MM)", "payload.month (YYYY-MM) is required");
    BHXH_RETURN_IF_ERROR(Month::Parse(pl["month"].get<std::string>(), "payload.month").status());
    if (!pl.contains("rows") || !pl["rows"].is_array() || pl["rows"].empty())
      return Status::Invalid("payload.rows", "Cần danh sách lao động (D02-LT)", "payload.rows (the D02-LT rows) is required");
  }
  if (p.action == "hi_card_reissue" || p.action == "hi_card_exchange" || p.action == "benefit_case") {
    if (in.cccd.empty())
      return Status::Invalid("cccd", "Thủ tục " + p.code + " cần số định danh của người tham gia",
                             "procedure " + p.code + " needs the person's CCCD");
  }
  if (p.action == "hi_card_exchange") {
    std::string f = pl.value("facility", "");
    if (f.size() != 5 || !IsDigits(f))
      return Status::Invalid("payload.facility", "Đổi thẻ cần nơi đăng ký KCB ban đầu mới (5 chữ số)",
                             "an exchange needs the new registered facility (5 digits)");
  }
  if (p.action == "benefit_case") {
    if (!pl.contains("event_date") || !pl["event_date"].is_string())
      return Status::Invalid("payload.event_date", "Cần ngày phát sinh chế độ (event_date)", "payload.event_date is required");
    BHXH_RETURN_IF_ERROR(Date::Parse(pl["event_date"].get<std::string>(), "payload.event_date").status());
  }
  auto text = [&](const char* k) { return pl.contains(k) && pl[k].is_string() ? pl[k].get<std::string>() : std::string(); };
  if (p.action == "voluntary_registration") {
    BHXH_RETURN_IF_ERROR(Month::Parse(text("from_month"), "payload.from_month").status());
    if (!(pl.contains("income") && (pl["income"].is_number_integer() || pl["income"].is_string())))
      return Status::Invalid("payload.income", "Cần mức thu nhập tháng làm căn cứ đóng (income)", "payload.income is required");
    auto person = reg.PersonByCccd(in.cccd);
    if (!person.ok() && person.status().code() == "not_found") {
      // Someone not yet in the record: the TK1-TS form's particulars.
      Person unused;
      Status v = reg.ValidatePersonInput({in.cccd, "", text("full_name"), text("dob"), text("sex"),
                                          text("province").empty() ? in.province : text("province"), text("commune"), ""},
                                         &unused);
      if (!v.ok()) return Status::Invalid("payload." + v.field(), v.message_vi(), v.message_en());
      return reg.EmployerByCode(in.employer_code).status().ok() || in.employer_code.empty() ? Status::Ok()
                                                                                          : reg.EmployerByCode(in.employer_code).status();
    }
    BHXH_RETURN_IF_ERROR(person.status());
    BHXH_RETURN_IF_ERROR(OutsideCompulsory(db, person->id, *Month::Parse(text("from_month"), "payload.from_month")));
  }
  if (p.action == "registered_info_correction") {
    bool any = false;
    for (const char* k : {"full_name", "dob", "sex", "province", "commune"}) any = any || !text(k).empty();
    if (!any)
      return Status::Invalid("payload", "Cần thông tin cần điều chỉnh: full_name, dob, sex, province hoặc commune",
                             "the payload names what to correct: full_name, dob, sex, province or commune");
  }
  if (!in.cccd.empty()) BHXH_RETURN_IF_ERROR(reg.PersonByCccd(in.cccd).status());
  if (!in.employer_code.empty()) BHXH_RETURN_IF_ERROR(reg.EmployerByCode(in.employer_code).status());
  return Status::Ok();
}

// Runs the procedure's action; the dossier's number keys the engines' idempotency.
Result<Json> RunAction(Db& db, const ServiceEngines& eng, const Procedure& p, Dossier& d, const Actor& by) {
  std::string key = "dossier:" + d.number;
  if (p.action == "declaration") {
    Json j = d.payload;
    j["employer_code"] = d.employer_code;
    Declaration decl = DeclarationFromJson(j);
    decl.idempotency_key = key;
    BHXH_ASSIGN_OR_RETURN(DeclarationResult r, SubmitDeclaration(db, *eng.geo, *eng.law, decl, by));
    if (!r.accepted) {
      std::string first = r.errors.empty() ? "" : r.errors[0].message_vi;
      return Status::Invalid("payload.rows", "Tờ khai D02-LT có " + std::to_string(r.errors.size()) + " dòng lỗi: " + first,
                             "the D02-LT rows have errors; request documents or refuse");
    }
    d.events.push_back({"declaration.applied", d.employer_code});
    for (const auto& c : r.cards) d.events.push_back({"person.changed", c.cccd});
    for (const auto& c : r.decreased) d.events.push_back({"person.changed", c.cccd});
    return Json{{"declaration_id", r.declaration_id}, {"joined", r.joined}, {"left", r.left},
                {"salary_changes", r.salary_changes}, {"cards_issued", r.cards.size()}};
  }
  if (p.action == "hi_card_reissue" || p.action == "hi_card_exchange") {
    Registry reg(db, *eng.geo, *eng.law);
    std::string facility = p.action == "hi_card_exchange" ? d.payload.value("facility", "") : "";
    BHXH_ASSIGN_OR_RETURN(Card c, reg.ReissueCard(d.cccd, facility, Date::Today(), by));
    d.events.push_back({"person.changed", d.cccd});
    return Json{{"card_id", c.id}, {"card_code", c.code.ToString()}, {"facility", c.facility},
                {"valid_from", c.valid_from.ToString()}, {"valid_to", c.valid_to.ToString()}};
  }
  if (p.action == "benefit_case") {
    CaseInput ci;
    ci.cccd = d.cccd;
    ci.request = {{"regime", p.regime}, {"event_date", d.payload["event_date"]}};
    if (d.payload.contains("facts")) ci.request["facts"] = d.payload["facts"];
    if (d.payload.contains("prior_history")) ci.request["prior_history"] = d.payload["prior_history"];
    ci.payee = d.payload.value("payee", "");
    ci.bank = d.payload.value("bank", "");
    ci.bank_account = d.payload.value("bank_account", "");
    ci.cash_point = d.payload.value("cash_point", "");
    if (ci.bank_account.empty() && ci.cash_point.empty()) ci.cash_point = "Bưu điện";
    ci.idempotency_key = key;
    BHXH_ASSIGN_OR_RETURN(CaseView c, PrepareCase(db, *eng.geo, *eng.law, *eng.benefit_law, ci, by));
    return Json{{"case_id", c.id}, {"case_status", c.status}, {"regime", c.regime}};
  }
  if (p.action == "voluntary_registration") {
    Registry reg(db, *eng.geo, *eng.law);
    const Json& pl = d.payload;
    auto text = [&](const char* k) { return pl.contains(k) && pl[k].is_string() ? pl[k].get<std::string>() : std::string(); };
    auto person = reg.PersonByCccd(d.cccd);
    if (!person.ok() && person.status().code() == "not_found") {
      // Not yet in the record: the TK1-TS form carries who they are.
      BHXH_ASSIGN_OR_RETURN(Person np, reg.RegisterPerson({d.cccd, "", text("full_name"), text("dob"), text("sex"),
                                                           text("province").empty() ? d.province : text("province"),
                                                           text("commune"), ""},
                                                          by));
      d.events.push_back({"person.changed", np.cccd});
    } else if (!person.ok()) {
      return person.status();
    } else {
      BHXH_ASSIGN_OR_RETURN(Month from, Month::Parse(text("from_month"), "payload.from_month"));
      BHXH_RETURN_IF_ERROR(OutsideCompulsory(db, person->id, from));
    }
    std::string income = pl.contains("income") && pl["income"].is_number_integer() ? std::to_string(pl["income"].get<int64_t>())
                                                                                   : text("income");
    BHXH_ASSIGN_OR_RETURN(Period per, reg.AddPeriod({d.cccd, "BHXHTN", text("from_month"), text("to_month"), income, ""}, by));
    d.events.push_back({"person.changed", d.cccd});
    return Json{{"period_id", per.id}, {"from_month", per.from.ToString()}, {"income", per.salary}};
  }
  if (p.action == "registered_info_correction") {
    Registry reg(db, *eng.geo, *eng.law);
    PersonCorrection c;
    for (auto [k, f] : {std::pair{"full_name", &c.full_name}, {"dob", &c.dob}, {"sex", &c.sex}, {"province", &c.province},
                        {"commune", &c.commune}})
      if (d.payload.contains(k) && d.payload[k].is_string()) *f = d.payload[k].get<std::string>();
    BHXH_ASSIGN_OR_RETURN(Person np, reg.CorrectPerson(d.cccd, c, by));
    d.events.push_back({"person.changed", d.cccd});
    return Json{{"cccd", np.cccd}, {"full_name", np.full_name}, {"dob", np.dob.ToString()}, {"sex", SexCode(np.sex)},
                {"province", np.province}, {"commune", np.commune}};
  }
  return Json{{"recorded", true}};
}

Result<Dossier> Reload(Db& db, int64_t id, Tx& tx) {
  BHXH_ASSIGN_OR_RETURN(Dossier d, LoadDossier(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return d;
}

// One step on an open dossier: the step's time (now when empty), one
// transaction, the dossier loaded, open and not dated before its last step;
// `step` writes; the dossier is read back and the transaction committed.
template <typename F>
Result<Dossier> OnOpenDossier(Db& db, int64_t id, const std::string& at_text, F&& step) {
  BHXH_ASSIGN_OR_RETURN(LocalTime at, AtOrNow(at_text, "at"));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Dossier d, LoadDossier(db, id));
  BHXH_RETURN_IF_ERROR(RequireOpen(d));
  BHXH_RETURN_IF_ERROR(RequireAfterLast(d, at));
  BHXH_RETURN_IF_ERROR(step(d, at));
  return Reload(db, id, tx);
}

// Hand-overs and results wait while documents are requested.
Status NotWaiting(const Dossier& d) {
  if (d.status == "supplement")
    return Status::Error("conflict", "status", "Hồ sơ đang chờ bổ sung giấy tờ", "the dossier waits for documents");
  return Status::Ok();
}

}  // namespace

Result<WorkCalendar> LoadCalendar(Db& db, const ServicesData& data) {
  WorkCalendar cal = data.calendar();
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT day, kind, name, source FROM service_calendar"));
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(0), "day"));
    cal.Set({d, st->Text(1), st->Text(2), st->Text(3), "đã sửa bởi cán bộ"});
  }
  return cal;
}

Status SetCalendarDay(Db& db, const CalendarDay& day, const Actor& by) {
  if (day.kind != "holiday" && day.kind != "day_off" && day.kind != "working_day" && day.kind != "normal")
    return Status::Invalid("kind", "Loại ngày phải là holiday, day_off, working_day hoặc normal",
                           "kind must be holiday, day_off, working_day or normal");
  if (day.name.empty()) return Status::Invalid("name", "Cần tên ngày nghỉ hoặc lý do", "a name is required");
  if (day.source.empty()) return Status::Invalid("source", "Cần căn cứ (văn bản thông báo)", "the source notice is required");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM service_calendar WHERE day = ?"));
  BHXH_RETURN_IF_ERROR(del->Bind(day.date.ToString()).Run());
  // "normal" undoes a file's row: the weekday rule applies again.
  std::string kind = day.kind == "normal" ? (Weekday(day.date) == 0 || Weekday(day.date) == 6 ? "day_off" : "working_day")
                                          : day.kind;
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO service_calendar (day, kind, name, source, set_by, set_at) "
                                             "VALUES (?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(ins->Bind(day.date.ToString(), kind, day.name, day.source, by.id, NowIsoUtc()).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "set", "service_calendar", day.date.ToString(), kind + " " + day.name));
  return tx.Commit();
}

Result<int> CutoffOf(const ServicesData& data, const Procedure& p, Date on) {
  if (!p.cutoff.empty()) return ParseClock(p.cutoff, "cutoff");
  BHXH_ASSIGN_OR_RETURN(LawParam c, data.params().Param("receipt.cutoff", on));
  return ParseClock(c.value, "receipt.cutoff");
}

Result<Dossier> FileDossier(Db& db, const ServicesData& data, const ServiceEngines& eng, const FileInput& in,
                            const Actor& by) {
  if (in.idempotency_key.empty())
    return Status::Error("missing_field", "Idempotency-Key", "Cần khoá chống gửi trùng", "an idempotency key is required");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, procedure, filer_id, payload FROM dossiers WHERE idempotency_key = ?"));
    st->BindText(1, in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      int64_t id = st->Int(0);
      if (st->Text(1) != in.procedure || st->Text(2) != in.filer_id || st->Text(3) != DumpJson(in.payload))
        return Status::Error("idempotency_conflict", "Idempotency-Key", "Khoá đã dùng cho một hồ sơ khác",
                             "the key was used for another dossier");
      BHXH_ASSIGN_OR_RETURN(Dossier d, LoadDossier(db, id));
      d.replayed = true;
      return d;
    }
  }
  const Procedure* p = data.Find(in.procedure);
  if (!p)
    return Status::NotFound("procedure", "Không có thủ tục mã " + in.procedure, "no procedure " + in.procedure);
  if (in.channel != "online" && in.channel != "desk")
    return Status::Invalid("channel", "Kênh nộp phải là online hoặc desk", "channel must be online or desk");
  if (!p->MayFile(in.filer_kind))
    return Status::Error("not_allowed", "procedure",
                         "Thủ tục " + p->code + " (" + p->name + ") không dành cho đối tượng nộp này",
                         "this filer may not file procedure " + p->code);
  if (in.channel == "online" && !p->fully_online)
    return Status::Error("not_allowed", "channel", "Thủ tục " + p->code + " chưa nộp trực tuyến toàn trình được; nộp tại bộ phận một cửa",
                         "procedure " + p->code + " is not fully online; file it at the desk");
  if (in.filer_id.empty()) return Status::Invalid("filer_id", "Cần mã người nộp", "the filer's id is required");
  if (in.filer_name.empty()) return Status::Invalid("filer_name", "Cần tên người nộp", "the filer's name is required");
  if (in.province.size() != 2 || !IsDigits(in.province))
    return Status::Invalid("province", "Mã tỉnh tiếp nhận gồm 2 chữ số", "the receiving province is 2 digits");
  if (!eng.geo->IsKnownCode(in.province))
    return Status::Invalid("province", "Mã tỉnh " + in.province + " không có trong danh mục", "unknown province");
  BHXH_ASSIGN_OR_RETURN(LocalTime at, AtOrNow(in.received_at, "received_at"));
  if (at.date < p->valid_from)
    return Status::Invalid("procedure", "Thủ tục " + p->code + " áp dụng từ " + p->valid_from.ToVi(),
                           "the procedure applies from " + p->valid_from.ToString());
  BHXH_RETURN_IF_ERROR(ValidateForAction(db, eng, *p, in));
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  BHXH_ASSIGN_OR_RETURN(int cutoff, CutoffOf(data, *p, at.date));
  BHXH_ASSIGN_OR_RETURN(Deadline dl, ComputeDeadline(cal, at, cutoff, p->deadline, p->deadline_unit));
  BHXH_ASSIGN_OR_RETURN(LawParam agency, data.params().Param("dossier.number_agency", at.date));
  BHXH_ASSIGN_OR_RETURN(LawParam system, data.params().Param("dossier.number_system", at.date));
  Ymd ymd = at.date.ymd();
  char day[48];
  std::snprintf(day, sizeof day, "%02d%02d%02d", ymd.year % 100, ymd.month, ymd.day);
  std::string prefix = agency.value + "." + in.province + "-" + day + "-" + system.value;

  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  int64_t seq = 0;
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st, db.Prepare("INSERT INTO dossier_sequences (prefix, last) VALUES (?, 1) ON CONFLICT (prefix) DO "
                            "UPDATE SET last = dossier_sequences.last + 1 RETURNING last"));
    st->BindText(1, prefix);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Internal("dossier number sequence");
    seq = st->Int(0);
  }
  char num[32];
  std::snprintf(num, sizeof num, "%04lld", static_cast<long long>(seq));
  std::string number = prefix + num;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                     "INSERT INTO dossiers (number, procedure, province, channel, filer_kind, filer_id, "
                                     "filer_name, cccd, employer_code, contact, payload, received_at, counted_from, due_on, "
                                     "deadline_notes, status, holder_unit, holder_officer, idempotency_key, created_by) "
                                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'received',?,?,?,?) RETURNING id"));
  st->Bind(number, p->code, in.province, in.channel, in.filer_kind, in.filer_id, in.filer_name);
  if (in.cccd.empty())
    st->BindNull(8);
  else
    st->BindText(8, in.cccd);
  if (in.employer_code.empty())
    st->BindNull(9);
  else
    st->BindText(9, in.employer_code);
  st->BindText(10, in.contact);
  st->BindText(11, DumpJson(in.payload));
  st->BindText(12, at.ToString());
  st->BindText(13, dl.counted_from.ToString());
  st->BindText(14, dl.due.ToString());
  st->BindText(15, ListJson(dl.notes));
  st->BindText(16, in.unit);
  st->BindText(17, by.id);
  st->BindText(18, in.idempotency_key);
  st->BindText(19, by.id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert dossier returned no id");
  int64_t id = st->Int(0);
  st->Reset();
  BHXH_ASSIGN_OR_RETURN(Dossier d, LoadDossier(db, id));
  d.holder_unit = in.channel == "online" ? "Cổng dịch vụ công" : "";
  d.holder_officer = in.channel == "online" ? in.filer_id : "";
  BHXH_RETURN_IF_ERROR(AddStep(db, d, "receive", at, in.unit, by.id,
                               "Tiếp nhận hồ sơ " + p->code + ", hẹn trả " + dl.due.ToVi(), by));
  return Reload(db, id, tx);
}

Result<Dossier> GetDossier(Db& db, int64_t id) { return LoadDossier(db, id); }

Result<int64_t> DossierIdByNumber(Db& db, const std::string& number) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM dossiers WHERE number = ?"));
  st->BindText(1, number);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("number", "Không có hồ sơ số " + number, "no dossier " + number);
  return st->Int(0);
}

Result<Dossier> HandOver(Db& db, int64_t id, const std::string& to_unit, const std::string& to_officer,
                         const std::string& note, const std::string& at_text, const Actor& by) {
  if (to_unit.empty()) return Status::Invalid("to_unit", "Cần đơn vị nhận hồ sơ", "the receiving unit is required");
  if (to_officer.empty()) return Status::Invalid("to_officer", "Cần cán bộ nhận hồ sơ", "the receiving officer is required");
  return OnOpenDossier(db, id, at_text, [&](Dossier& d, const LocalTime& at) -> Status {
    BHXH_RETURN_IF_ERROR(NotWaiting(d));
    BHXH_RETURN_IF_ERROR(AddStep(db, d, "handover", at, to_unit, to_officer, note, by));
    return SetStatus(db, id, "processing");
  });
}

Result<Dossier> RequestSupplement(Db& db, int64_t id, const std::vector<std::string>& missing, const std::string& note,
                                  const std::string& at_text, const Actor& by) {
  if (missing.empty())
    return Status::Invalid("missing", "Cần nêu giấy tờ phải bổ sung", "list the documents to be supplied");
  return OnOpenDossier(db, id, at_text, [&](Dossier& d, const LocalTime& at) -> Status {
    if (d.status == "supplement")
      return Status::Error("conflict", "status", "Hồ sơ đã đang chờ bổ sung", "documents are already requested");
    std::string text;
    for (const auto& m : missing) text += (text.empty() ? "" : "; ") + m;
    BHXH_RETURN_IF_ERROR(
        AddStep(db, d, "supplement_request", at, "", "", "Yêu cầu bổ sung: " + text + (note.empty() ? "" : ". " + note), by));
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE dossiers SET status = 'supplement', missing = ? WHERE id = ?"));
    return st->Bind(ListJson(missing), id).Run();
  });
}

Result<Dossier> SupplementReceived(Db& db, const ServicesData& data, int64_t id, const std::string& note,
                                   const std::string& at_text, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  return OnOpenDossier(db, id, at_text, [&](Dossier& d, const LocalTime& at) -> Status {
    if (d.status != "supplement")
      return Status::Error("conflict", "status", "Hồ sơ không chờ bổ sung giấy tờ", "the dossier is not waiting for documents");
    const Procedure* p = data.Find(d.procedure);
    if (!p) return Status::Internal("procedure " + d.procedure + " left the catalogue");
    // The count starts again from the complete dossier (Decree 118/2025).
    BHXH_ASSIGN_OR_RETURN(int cutoff, CutoffOf(data, *p, at.date));
    BHXH_ASSIGN_OR_RETURN(Deadline dl, ComputeDeadline(cal, at, cutoff, p->deadline, p->deadline_unit));
    std::vector<std::string> notes = d.deadline_notes;
    notes.push_back("Hồ sơ đủ ngày " + at.date.ToVi() + ": thời hạn tính lại, hẹn trả " + dl.due.ToVi());
    for (const auto& n : dl.notes) notes.push_back(n);
    BHXH_RETURN_IF_ERROR(AddStep(db, d, "supplement_received", at, "", "", note.empty() ? "Đã nhận đủ giấy tờ bổ sung" : note, by));
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE dossiers SET status = 'processing', counted_from = ?, due_on = ?, "
                                              "deadline_notes = ? WHERE id = ?"));
    return st->Bind(dl.counted_from.ToString(), dl.due.ToString(), ListJson(notes), id).Run();
  });
}

Result<Dossier> Refuse(Db& db, int64_t id, const std::vector<std::string>& reasons, const std::string& at_text,
                       const Actor& by) {
  if (reasons.empty()) return Status::Invalid("reasons", "Từ chối phải nêu lý do", "a refusal needs its reasons");
  return OnOpenDossier(db, id, at_text, [&](Dossier& d, const LocalTime& at) -> Status {
    std::string text;
    for (const auto& r : reasons) text += (text.empty() ? "" : "; ") + r;
    BHXH_RETURN_IF_ERROR(AddStep(db, d, "refuse", at, "", "", "Từ chối: " + text, by));
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE dossiers SET status = 'refused', refusal = ?, returned_on = ?, "
                                              "outcome = ? WHERE id = ?"));
    return st->Bind(ListJson(reasons), at.date.ToString(), OutcomeOn(at.date, d.due_on), id).Run();
  });
}

Result<Dossier> Apologise(Db& db, const ServicesData& data, int64_t id, const std::string& new_due_text,
                          const std::string& reason, const std::string& at_text, const Actor& by) {
  if (reason.empty()) return Status::Invalid("reason", "Cần nêu lý do chậm", "the reason for the delay is required");
  BHXH_ASSIGN_OR_RETURN(Date new_due, Date::ParseIsoOrVi(new_due_text, "new_due"));
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  if (!cal.IsWorkingDay(new_due))
    return Status::Invalid("new_due", "Ngày hẹn mới " + new_due.ToVi() + " không phải ngày làm việc",
                           "the new date must be a working day");
  return OnOpenDossier(db, id, at_text, [&](Dossier& d, const LocalTime& at) -> Status {
    if (!d.apology_on.empty())
      return Status::Error("conflict", "id", "Hồ sơ đã có phiếu xin lỗi ngày " + d.apology_on, "an apology was already issued");
    BHXH_ASSIGN_OR_RETURN(Date due, Date::Parse(d.due_on, "due_on"));
    if (new_due <= due)
      return Status::Invalid("new_due", "Ngày hẹn mới phải sau ngày hẹn " + due.ToVi(), "the new date must be after the due date");
    BHXH_ASSIGN_OR_RETURN(int64_t lead, data.params().Integer("apology.lead_days", at.date));
    bool late = cal.WorkingDaysBetween(at.date, due) < lead;
    BHXH_RETURN_IF_ERROR(AddStep(db, d, "apology", at, "", "", "Xin lỗi, hẹn lại " + new_due.ToVi() + ": " + reason, by));
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE dossiers SET new_due_on = ?, apology_on = ?, apology_late = ? WHERE id = ?"));
    return st->Bind(new_due.ToString(), at.date.ToString(), late ? 1 : 0, id).Run();
  });
}

Result<Dossier> ReturnResult(Db& db, const ServicesData& data, const ServiceEngines& eng, int64_t id, const std::string& note,
                             const std::string& at_text, const Actor& by) {
  std::vector<std::pair<std::string, std::string>> events;
  BHXH_ASSIGN_OR_RETURN(Dossier out, OnOpenDossier(db, id, at_text, [&](Dossier& d, const LocalTime& at) -> Status {
    BHXH_RETURN_IF_ERROR(NotWaiting(d));
    const Procedure* p = data.Find(d.procedure);
    if (!p) return Status::Internal("procedure " + d.procedure + " left the catalogue");
    BHXH_ASSIGN_OR_RETURN(Json result, RunAction(db, eng, *p, d, by));
    if (!note.empty()) result["note"] = note;
    std::string outcome = OutcomeOn(at.date, d.due_on);
    BHXH_RETURN_IF_ERROR(AddStep(db, d, "return", at, "", "",
                                 std::string("Trả kết quả (") +
                                     (outcome == "early" ? "trước hạn" : outcome == "on_time" ? "đúng hạn" : "quá hạn") + ")" +
                                     (note.empty() ? "" : ": " + note),
                                 by));
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE dossiers SET status = 'returned', returned_on = ?, outcome = ?, "
                                              "result = ? WHERE id = ?"));
    BHXH_RETURN_IF_ERROR(st->Bind(at.date.ToString(), outcome, DumpJson(result), id).Run());
    events = std::move(d.events);
    return Status::Ok();
  }));
  out.events = std::move(events);
  return out;
}

Result<Dossier> RateDossier(Db& db, int64_t id, const Rating& r, const Actor& by) {
  for (auto [v, f] : {std::pair{r.accessibility, "accessibility"}, {r.procedures, "procedures"}, {r.service_quality, "service_quality"},
                      {r.results, "results"}, {r.feedback_handling, "feedback_handling"}})
    if (v < 1 || v > 5)
      return Status::Invalid(f, std::string("Điểm đánh giá từ 1 đến 5"), std::string("a rating is 1 to 5"));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Dossier d, LoadDossier(db, id));
  if (d.status != "returned" && d.status != "refused")
    return Status::Error("conflict", "status", "Chỉ đánh giá sau khi đã có kết quả", "rate after the result is returned");
  if (d.rating) return Status::Error("conflict", "id", "Hồ sơ đã được đánh giá", "the dossier is already rated");
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO dossier_ratings (dossier_id, accessibility, procedures, service_quality, "
                                            "results, feedback_handling, comment, rated_by, rated_at) VALUES (?,?,?,?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(id, r.accessibility, r.procedures, r.service_quality, r.results, r.feedback_handling, r.comment,
                                by.id, NowIsoUtc())
                           .Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "rate", "dossier", d.number, std::to_string(r.Mean())));
  return Reload(db, id, tx);
}

Result<Attachment> AddAttachment(Db& db, const ServicesData& data, int64_t id, const std::string& name,
                                 const std::string& media_type, const std::string& bytes, const Actor& by) {
  Date today = Date::Today();
  BHXH_ASSIGN_OR_RETURN(int64_t max_bytes, data.params().Integer("attachment.max_bytes", today));
  BHXH_ASSIGN_OR_RETURN(int64_t max_count, data.params().Integer("attachment.max_count", today));
  if (name.size() > 200 || name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
    return Status::Invalid("name", "Tên tệp không quá 200 ký tự, không chứa / hoặc \\",
                           "a file name has at most 200 characters and no slashes");
  if (bytes.empty()) return Status::Invalid("body", "Tệp đính kèm rỗng", "the attachment is empty");
  if (static_cast<int64_t>(bytes.size()) > max_bytes)
    return Status::Error("payload_too_large", "body",
                         "Tệp " + std::to_string(bytes.size()) + " byte vượt giới hạn " + std::to_string(max_bytes) + " byte",
                         "the attachment exceeds " + std::to_string(max_bytes) + " bytes");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Dossier d, LoadDossier(db, id));
  BHXH_RETURN_IF_ERROR(RequireOpen(d));
  if (static_cast<int64_t>(d.attachments.size()) >= max_count)
    return Status::Error("conflict", "body", "Hồ sơ đã đủ " + std::to_string(max_count) + " tệp đính kèm",
                         "the dossier has the most attachments allowed");
  Attachment a;
  a.seq = d.attachments.empty() ? 1 : d.attachments.back().seq + 1;
  a.name = name.empty() ? "tep-" + std::to_string(a.seq) : name;
  a.media_type = media_type;
  a.size = static_cast<int64_t>(bytes.size());
  a.sha256 = Sha256Hex(bytes);
  a.added_by = by.id;
  a.added_at = NowIsoUtc();
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO dossier_attachments (dossier_id, seq, name, media_type, size, sha256, "
                                            "content, added_by, added_at) VALUES (?,?,?,?,?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(id, a.seq, a.name, a.media_type, a.size, a.sha256, Base64(bytes), a.added_by, a.added_at).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "attach", "dossier", d.number, a.name + " sha256:" + a.sha256));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return a;
}

Result<std::pair<Attachment, std::string>> ReadAttachment(Db& db, int64_t id, int seq) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT seq, name, media_type, sha256, added_by, added_at, size, content FROM "
                                            "dossier_attachments WHERE dossier_id = ? AND seq = ?"));
  st->Bind(id, seq);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("seq", "Không có tệp đính kèm số " + std::to_string(seq), "no such attachment");
  Attachment a{static_cast<int>(st->Int(0)), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Int(6)};
  BHXH_ASSIGN_OR_RETURN(std::string bytes, FromBase64(st->Text(7)));
  if (Sha256Hex(bytes) != a.sha256)
    return Status::Error("integrity", "seq", "Tệp đính kèm đã bị thay đổi so với lúc nộp (SHA-256 không khớp)",
                         "the stored attachment no longer matches its SHA-256");
  return std::pair{a, bytes};
}

Result<DossierPage> ListDossiers(Db& db, const ServicesData& data, const DossierFilter& f, Date today, int64_t limit,
                                 int64_t offset) {
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> args;
  auto eq = [&](const char* col, const std::string& v) {
    if (v.empty()) return;
    where += std::string(" AND ") + col + " = ?";
    args.push_back(v);
  };
  eq("cccd", f.cccd);
  eq("employer_code", f.employer_code);
  if (!f.facility.empty()) {
    where += " AND filer_kind = 'facility' AND filer_id = ?";
    args.push_back(f.facility);
  }
  eq("status", f.status);
  eq("procedure", f.procedure);
  if (!f.provinces.empty()) {
    where += " AND province IN (";
    for (size_t i = 0; i < f.provinces.size(); ++i) {
      where += i ? ",?" : "?";
      args.push_back(f.provinces[i]);
    }
    where += ")";
  }
  // Waiting for documents stops the clock (the count restarts when they
  // arrive), so such a dossier needs no apology.
  if (f.needs_apology)
    where += " AND status IN ('received','processing')";
  else if (f.open_only)
    where += " AND status IN ('received','processing','supplement')";
  if (f.needs_apology) {
    BHXH_ASSIGN_OR_RETURN(int64_t lead, data.params().Integer("apology.lead_days", today));
    where += " AND apology_on IS NULL AND due_on <= ?";
    args.push_back(cal.AddWorkingDays(today, static_cast<int>(lead)).ToString());
  }
  if (!f.received_from.empty()) {
    where += " AND received_at >= ?";
    args.push_back(f.received_from);
  }
  if (!f.received_to.empty()) {
    where += " AND received_at < ?";
    BHXH_ASSIGN_OR_RETURN(Date to, Date::Parse(f.received_to, "to"));
    args.push_back(to.AddDays(1).ToString());
  }
  DossierPage page;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM dossiers" + where));
    for (size_t i = 0; i < args.size(); ++i) st->BindText(static_cast<int>(i + 1), args[i]);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    page.total = row ? st->Int(0) : 0;
  }
  std::string order = (f.open_only || f.needs_apology) ? " ORDER BY due_on, id" : " ORDER BY id DESC";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, number, procedure, province, channel, filer_name, received_at, due_on, "
                                            "COALESCE(new_due_on,''), status, COALESCE(outcome,''), holder_unit FROM dossiers" +
                                            where + order + " LIMIT " + std::to_string(limit) + " OFFSET " +
                                            std::to_string(offset)));
  for (size_t i = 0; i < args.size(); ++i) st->BindText(static_cast<int>(i + 1), args[i]);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    DossierRow r{st->Int(0), st->Text(1), st->Text(2), "", st->Text(3), st->Text(4), st->Text(5), st->Text(6), st->Text(7),
                 st->Text(8), st->Text(9), st->Text(10), st->Text(11)};
    if (const Procedure* p = data.Find(r.procedure)) r.procedure_name = p->name;
    if (IsOpen(r.status)) {
      auto due = Date::Parse(r.due_on, "due_on");
      if (due.ok()) r.working_days_left = cal.WorkingDaysBetween(today, *due);
    }
    page.rows.push_back(std::move(r));
  }
  return page;
}

}  // namespace bhxh
