#include "demo/services_gen.h"

#include "services/quality.h"

namespace bhxh {

namespace {

// The working day `n` working days before `d` (n >= 0).
Date WorkingDaysBefore(const WorkCalendar& cal, Date d, int n) {
  Date x = d;
  while (n > 0) {
    x = x.AddDays(-1);
    if (cal.IsWorkingDay(x)) --n;
  }
  return x;
}

std::string At(Date d, int hour, int minute = 0) { return LocalTime{d, hour * 60 + minute}.ToString(); }

}  // namespace

Result<ServicesGenStats> GenerateServices(Db& db, const ServicesData& data, const ServiceEngines& eng,
                                          const ServicesGenPeople& who, Date today) {
  ServicesGenStats s;
  BHXH_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(db, data));
  Date last = cal.IsWorkingDay(today) ? today : WorkingDaysBefore(cal, today, 1);
  auto file = [&](const std::string& procedure, const std::string& filer_kind, int days_ago, int hour,
                  const std::string& key, const Actor& by) -> Result<Dossier> {
    FileInput in;
    in.procedure = procedure;
    in.channel = by.Is("citizen") || by.Is("employer") ? "online" : "desk";
    in.filer_kind = filer_kind;
    in.filer_id = filer_kind == "employer" ? who.employer_code : who.citizen_cccd;
    in.filer_name = filer_kind == "employer" ? "Đơn vị " + who.employer_code : "Người tham gia " + who.citizen_cccd;
    in.contact = filer_kind == "employer" ? "024 3838 0000" : "0912 000 000";
    in.cccd = who.citizen_cccd;
    if (filer_kind == "employer") in.employer_code = who.employer_code;
    in.province = who.province;
    in.received_at = At(WorkingDaysBefore(cal, last, days_ago), hour);
    in.idempotency_key = "demo-dossier-" + key;
    if (procedure == "SO-01") in.payload = {{"commune", "00005"}};  // a move to another commune
    if (procedure == "TN-01") {
      // Voluntary SI is for people outside compulsory SI: a woman not yet in
      // the record, with the TK1-TS form's particulars.
      in.cccd = in.filer_id = "0" + who.province + "195" + (key == "supplement" ? "000702" : "000701");
      in.filer_name = key == "supplement" ? "Lê Thị Hoa" : "Nguyễn Thị Mai";
      in.payload = {{"full_name", in.filer_name}, {"dob", "1995-05-05"}, {"sex", "2"}, {"commune", "00003"},
                    {"from_month", Month::OfDate(WorkingDaysBefore(cal, last, days_ago)).ToString()}, {"income", 3000000}};
    }
    auto d = FileDossier(db, data, eng, in, by);
    if (d.ok()) ++s.dossiers;
    return d;
  };
  auto day = [&](int days_ago) { return WorkingDaysBefore(cal, last, days_ago); };
  // Returned on time or early, with ratings.
  struct Done {
    const char* procedure;
    const char* kind;
    int filed, handed, returned;
    int rating[5];
  };
  const Done done[] = {
      {"TN-01", "citizen", 20, 19, 16, {5, 5, 4, 5, 4}}, {"601", "employer", 18, 17, 14, {4, 4, 4, 5, 4}},
      {"CD-06", "citizen", 15, 15, 11, {5, 4, 5, 5, 5}}, {"CT-01", "citizen", 12, 11, 8, {3, 3, 4, 4, 3}},
      {"604", "employer", 10, 9, 5, {5, 5, 5, 5, 4}},
  };
  int n = 0;
  for (const auto& d : done) {
    const Actor& by = std::string(d.kind) == "employer" ? who.employer : who.desk;
    BHXH_ASSIGN_OR_RETURN(Dossier x, file(d.procedure, d.kind, d.filed, 9, "done-" + std::to_string(++n), by));
    BHXH_RETURN_IF_ERROR(HandOver(db, x.id, "Phòng Quản lý thu - Sổ, thẻ", "Phạm Thu Hà", "", At(day(d.handed), 14), who.desk).status());
    BHXH_ASSIGN_OR_RETURN(Dossier r, ReturnResult(db, data, eng, x.id, "Đã giải quyết", At(day(d.returned), 10), who.officer));
    ++s.returned;
    const Actor& rater = std::string(d.kind) == "employer" ? who.employer : who.citizen;
    BHXH_RETURN_IF_ERROR(
        RateDossier(db, r.id, {d.rating[0], d.rating[1], d.rating[2], d.rating[3], d.rating[4], "", "", ""}, rater).status());
  }
  // Late, with its apology a working day before the deadline.
  {
    BHXH_ASSIGN_OR_RETURN(Dossier x, file("SO-01", "citizen", 14, 15, "late", who.desk));
    BHXH_RETURN_IF_ERROR(HandOver(db, x.id, "Phòng Quản lý thu - Sổ, thẻ", "Phạm Thu Hà", "", At(day(13), 9), who.desk).status());
    BHXH_ASSIGN_OR_RETURN(Date due, Date::Parse(x.due_on, "due_on"));
    Date apology = WorkingDaysBefore(cal, due, 1);
    BHXH_RETURN_IF_ERROR(Apologise(db, data, x.id, cal.AddWorkingDays(due, 3).ToString(),
                                   "Cần xác minh quá trình công tác với đơn vị cũ", At(apology, 16), who.desk)
                             .status());
    BHXH_RETURN_IF_ERROR(ReturnResult(db, data, eng, x.id, "Đã điều chỉnh thông tin", At(cal.AddWorkingDays(due, 2), 10), who.officer).status());
    ++s.returned;
  }
  // Refused with its reasons.
  {
    BHXH_ASSIGN_OR_RETURN(Dossier x, file("CT-02", "citizen", 9, 10, "refused", who.desk));
    BHXH_RETURN_IF_ERROR(
        Refuse(db, x.id, {"Chưa có quyết định chấm dứt việc tạm dừng của cơ quan có thẩm quyền"}, At(day(8), 11), who.desk).status());
  }
  // Waiting for documents.
  {
    BHXH_ASSIGN_OR_RETURN(Dossier x, file("TN-01", "citizen", 4, 9, "supplement", who.desk));
    BHXH_RETURN_IF_ERROR(RequestSupplement(db, x.id, {"Bản sao giấy khai sinh", "Tờ khai TK1-TS có chữ ký"}, "", At(day(3), 10), who.desk).status());
    ++s.open;
  }
  // Open: one due within a working day and no apology yet; the citizen's
  // card exchange filed online the day before yesterday.
  {
    BHXH_ASSIGN_OR_RETURN(Dossier x, file("SO-01", "citizen", 4, 10, "due-soon", who.desk));
    BHXH_RETURN_IF_ERROR(HandOver(db, x.id, "Phòng Quản lý thu - Sổ, thẻ", "Phạm Thu Hà", "", At(day(3), 15), who.desk).status());
    ++s.open;
  }
  {
    FileInput in;
    in.procedure = "THE-02";
    in.channel = "online";
    in.filer_kind = "citizen";
    in.filer_id = in.cccd = who.citizen_cccd;
    in.filer_name = "Người tham gia " + who.citizen_cccd;
    in.province = who.province;
    in.received_at = At(day(2), 20);  // after hours: counts from the next working day
    in.payload = {{"facility", who.province + "002"}, {"reason", "Chuyển nơi ở, đổi nơi đăng ký KCB ban đầu"}};
    in.idempotency_key = "demo-dossier-exchange";
    BHXH_ASSIGN_OR_RETURN(Dossier x, FileDossier(db, data, eng, in, who.citizen));
    ++s.dossiers;
    ++s.open;
    (void)x;
  }
  // Feedback: answered on time and judged; open; overdue.
  {
    BHXH_ASSIGN_OR_RETURN(Feedback f, ReceiveFeedback(db, data,
                                                      {day(15).ToString(), who.province, "Người tham gia " + who.citizen_cccd,
                                                       who.citizen_cccd, "Chưa nhận được thẻ BHYT sau khi đổi",
                                                       "Tôi nộp hồ sơ đổi thẻ đã hai tuần nhưng chưa nhận được thẻ.", "demo-fb-1"},
                                                      who.citizen));
    BHXH_RETURN_IF_ERROR(AnswerFeedback(db, f.id, day(10).ToString(), "Thẻ đã được cấp trên VssID; bản giấy gửi qua bưu điện.", who.officer).status());
    BHXH_RETURN_IF_ERROR(JudgeAnswer(db, f.id, true, who.citizen).status());
    BHXH_RETURN_IF_ERROR(ReceiveFeedback(db, data, {day(14).ToString(), who.province, "Nguyễn Văn An", "", "Thời gian chờ tại quầy lâu",
                                                    "Buổi sáng chỉ có một quầy làm việc.", "demo-fb-2"},
                                         who.desk)
                             .status());
    BHXH_RETURN_IF_ERROR(ReceiveFeedback(db, data, {day(1).ToString(), who.province, "Lê Thị Hồng", "", "Hướng dẫn đóng BHXH tự nguyện",
                                                    "Xin hướng dẫn mức đóng thấp nhất.", "demo-fb-3"},
                                         who.desk)
                             .status());
    s.feedback = 3;
  }
  return s;
}

}  // namespace bhxh
