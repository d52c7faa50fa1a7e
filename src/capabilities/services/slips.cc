// The six standard one-stop slips (Mẫu 01–06 of the one-stop rules, Decree
// 118/2025/NĐ-CP and its circulars) as printable pages.
#include <algorithm>

#include "base/html.h"
#include "services/dossiers.h"

namespace bhxh {

namespace {

std::string Vi(const std::string& iso_date) {
  auto d = Date::Parse(iso_date.substr(0, 10), "");
  return d.ok() ? d->ToVi() : iso_date;
}

std::string ViTime(const std::string& local) {
  auto t = LocalTime::Parse(local, "");
  return t.ok() ? t->ToVi() : local;
}

std::string OutcomeVi(const std::string& o) {
  return o == "early" ? "Trước hạn" : o == "on_time" ? "Đúng hạn" : o == "late" ? "Quá hạn" : "";
}

std::string Page(const std::string& form, const std::string& title, const std::string& province, const std::string& body) {
  return OfficialPage(form,
                      "<b>BẢO HIỂM XÃ HỘI VIỆT NAM</b><br>BHXH tỉnh/thành phố mã " + HtmlEscape(province) +
                          "<br><b>BỘ PHẬN MỘT CỬA</b>",
                      title, body);
}

std::string Signatures(const std::string& left, const std::string& right) {
  return "<div class=\"sign\"><div><b>" + HtmlEscape(left) + "</b><br><i>(Ký và ghi rõ họ tên)</i></div><div><b>" +
         HtmlEscape(right) + "</b><br><i>(Ký và ghi rõ họ tên)</i></div></div>";
}

std::string Who(const Dossier& d) {
  return "<p>Ông/Bà/Tổ chức: <b>" + HtmlEscape(d.filer_name) + "</b>" +
         (d.contact.empty() ? "" : "; liên hệ: " + HtmlEscape(d.contact)) + "</p>";
}

}  // namespace

Result<std::string> SlipHtml(Db& db, const ServicesData& data, int64_t id, const std::string& form) {
  BHXH_ASSIGN_OR_RETURN(Dossier d, GetDossier(db, id));
  const Procedure* p = data.Find(d.procedure);
  std::string proc = p ? p->code + " — " + p->name : d.procedure;
  std::string b;
  if (form == "01") {
    b += "<p>Mã hồ sơ: <b>" + HtmlEscape(d.number) + "</b></p>";
    b += "<p>" + std::string(d.channel == "online" ? "Cổng dịch vụ công" : "Bộ phận một cửa") + " đã tiếp nhận hồ sơ của:</p>" + Who(d);
    b += "<p>Nội dung yêu cầu giải quyết: " + HtmlEscape(proc) + "</p><p>Thành phần hồ sơ nộp gồm:</p><ol>";
    if (p)
      for (const auto& f : p->forms) b += "<li>Mẫu " + HtmlEscape(f) + "</li>";
    for (const auto& a : d.attachments)
      b += "<li>" + HtmlEscape(a.name) + " (" + std::to_string(a.size) + " byte, SHA-256 " + HtmlEscape(a.sha256.substr(0, 16)) + "…)</li>";
    b += "</ol><p>Thời gian nhận hồ sơ: " + HtmlEscape(ViTime(d.received_at)) + "</p>";
    b += "<p>Thời gian trả kết quả giải quyết hồ sơ: <b>ngày " + HtmlEscape(Vi(d.due_on)) + "</b>" +
         (p ? " (" + std::to_string(p->deadline) + (p->deadline_unit == "working_days" ? " ngày làm việc" : " ngày") +
                  ", " + HtmlEscape(p->article) + ")"
            : "") +
         "</p>";
    for (const auto& n : d.deadline_notes) b += "<p><i>" + HtmlEscape(n) + "</i></p>";
    b += "<p>Vào Sổ theo dõi hồ sơ, Quyển số: " + HtmlEscape(d.province) + "/" + HtmlEscape(d.received_at.substr(0, 4)) + "</p>";
    b += Signatures("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    return Page("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", d.province, b);
  }
  if (form == "02") {
    if (d.missing_documents.empty())
      return Status::Error("not_found", "form", "Hồ sơ chưa có yêu cầu bổ sung", "no documents were requested");
    b += "<p>Mã hồ sơ: <b>" + HtmlEscape(d.number) + "</b></p>" + Who(d);
    b += "<p>Hồ sơ đề nghị giải quyết: " + HtmlEscape(proc) + "</p><p>Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</p><ol>";
    for (const auto& m : d.missing_documents) b += "<li>" + HtmlEscape(m) + "</li>";
    b += "</ol><p>Lý do: hồ sơ chưa đầy đủ theo quy định. Thời hạn giải quyết được tính lại từ ngày nhận đủ hồ sơ.</p>";
    b += "<p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, xin liên hệ Bộ phận một cửa để được hướng dẫn.</p>";
    b += Signatures("", "NGƯỜI HƯỚNG DẪN");
    return Page("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", d.province, b);
  }
  if (form == "03") {
    if (d.status != "refused")
      return Status::Error("not_found", "form", "Hồ sơ không bị từ chối", "the dossier was not refused");
    b += "<p>Mã hồ sơ: <b>" + HtmlEscape(d.number) + "</b></p>" + Who(d);
    b += "<p>Hồ sơ đề nghị giải quyết: " + HtmlEscape(proc) + "</p>";
    b += "<p>Sau khi xem xét, đối chiếu, cơ quan BHXH từ chối tiếp nhận, giải quyết hồ sơ với lý do:</p><ol>";
    for (const auto& r : d.refusal_reasons) b += "<li>" + HtmlEscape(r) + "</li>";
    b += "</ol><p>Ngày " + HtmlEscape(Vi(d.returned_on)) + ".</p>";
    b += "<p>Xin thông báo để Ông/Bà/Tổ chức được biết và thực hiện.</p>" + Signatures("", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    return Page("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", d.province, b);
  }
  if (form == "04") {
    if (d.apology_on.empty())
      return Status::Error("not_found", "form", "Hồ sơ chưa có phiếu xin lỗi", "no apology was issued");
    std::string reason;
    for (const auto& s : d.steps)
      if (s.action == "apology") reason = s.note;
    b += "<p>Cơ quan BHXH tiếp nhận hồ sơ của:</p>" + Who(d);
    b += "<p>Mã hồ sơ: <b>" + HtmlEscape(d.number) + "</b> — " + HtmlEscape(proc) + "</p>";
    b += "<p>Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày " + HtmlEscape(Vi(d.due_on)) + ".</p>";
    b += "<p>Tuy nhiên đến nay, cơ quan chưa trả kết quả giải quyết hồ sơ. " + HtmlEscape(reason) + "</p>";
    b += "<p>Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. Cơ quan xin lỗi và hẹn trả kết quả vào <b>ngày " +
         HtmlEscape(Vi(d.new_due_on)) + "</b>.</p><p>Phiếu lập ngày " + HtmlEscape(Vi(d.apology_on)) + ".</p>";
    b += Signatures("", "THỦ TRƯỞNG CƠ QUAN");
    return Page("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", d.province, b);
  }
  if (form == "05") {
    b += "<p>Mã hồ sơ: <b>" + HtmlEscape(d.number) + "</b> — " + HtmlEscape(proc) + "</p>" + Who(d);
    b += "<p>Ngày nhận: " + HtmlEscape(ViTime(d.received_at)) + "; ngày hẹn trả: " + HtmlEscape(Vi(d.due_on)) +
         (d.new_due_on.empty() ? "" : " (hẹn lại " + HtmlEscape(Vi(d.new_due_on)) + ")") + "</p>";
    b += "<table><tr><th>Tên cơ quan, bộ phận giao, nhận hồ sơ</th><th>Thời gian giao, nhận hồ sơ</th><th>Việc</th>"
         "<th>Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)</th><th>Ghi chú</th></tr>";
    for (const auto& s : d.steps) {
      std::string result;
      if (s.action == "return" || s.action == "refuse") result = OutcomeVi(d.outcome);
      b += "<tr><td>1. Giao: " + HtmlEscape(s.from_unit.empty() ? "—" : s.from_unit + " (" + s.from_officer + ")") +
           "<br>2. Nhận: " + HtmlEscape(s.to_unit + " (" + s.to_officer + ")") + "</td><td>" + HtmlEscape(ViTime(s.at)) + "</td><td>" +
           HtmlEscape(s.action) + "</td><td>" + HtmlEscape(result) + "</td><td>" + HtmlEscape(s.note) + "</td></tr>";
    }
    b += "</table>";
    return Page("05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", d.province, b);
  }
  return Status::Invalid("form", "Mẫu phiếu phải là 01, 02, 03, 04 hoặc 05 (Mẫu 06 là sổ theo dõi)",
                         "the slip is 01 to 05 (06 is the tracking book)");
}

Result<std::string> TrackingBookHtml(Db& db, const DossierFilter& f, Date from, Date to) {
  if (to < from) return Status::Invalid("to", "Đến ngày phải sau từ ngày", "to must not be before from");
  if (to.days() - from.days() > 366) return Status::Invalid("to", "Sổ theo dõi tối đa một năm", "at most a year");
  std::string where = " WHERE received_at >= ? AND received_at < ?";
  std::vector<std::string> args = {from.ToString(), to.AddDays(1).ToString()};
  if (!f.provinces.empty()) {
    where += " AND province IN (";
    for (size_t i = 0; i < f.provinces.size(); ++i) {
      where += i ? ",?" : "?";
      args.push_back(f.provinces[i]);
    }
    where += ")";
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT number, procedure, filer_name, contact, received_at, due_on, "
                                            "COALESCE(returned_on,''), COALESCE(outcome,''), status, holder_unit, province "
                                            "FROM dossiers" + where + " ORDER BY received_at, id"));
  for (size_t i = 0; i < args.size(); ++i) st->BindText(static_cast<int>(i + 1), args[i]);
  std::string b = "<p>Từ ngày " + from.ToVi() + " đến ngày " + to.ToVi() + "</p>";
  b += "<table><tr><th>STT</th><th>Mã hồ sơ</th><th>Tên TTHC</th><th>Tên cá nhân, tổ chức</th><th>Địa chỉ, số điện thoại</th>"
       "<th>Cơ quan chủ trì giải quyết</th><th>Nhận hồ sơ</th><th>Hẹn trả kết quả</th><th>Ngày có kết quả</th><th>Ghi chú</th></tr>";
  int n = 0;
  std::string province;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    ++n;
    province = st->Text(10);
    std::string note = st->Text(8) == "refused" ? "Từ chối" : OutcomeVi(st->Text(7));
    b += "<tr><td>" + std::to_string(n) + "</td><td>" + HtmlEscape(st->Text(0)) + "</td><td>" + HtmlEscape(st->Text(1)) + "</td><td>" +
         HtmlEscape(st->Text(2)) + "</td><td>" + HtmlEscape(st->Text(3)) + "</td><td>" + HtmlEscape(st->Text(9)) + "</td><td>" +
         HtmlEscape(ViTime(st->Text(4))) + "</td><td>" + HtmlEscape(Vi(st->Text(5))) + "</td><td>" +
         HtmlEscape(st->Text(6).empty() ? "" : Vi(st->Text(6))) + "</td><td>" + HtmlEscape(note) + "</td></tr>";
  }
  b += "</table><p>Tổng số: " + std::to_string(n) + " hồ sơ.</p>";
  return Page("06", "SỔ THEO DÕI HỒ SƠ", f.provinces.size() == 1 ? f.provinces[0] : province, b);
}

}  // namespace bhxh
