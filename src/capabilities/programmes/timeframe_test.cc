// Every time-frame form found in the five seeds, and the combinations of
// start and end columns (88/QĐ-BHXH).
#include "programmes/timeframe.h"

#include <gtest/gtest.h>

namespace bhxh {
namespace {

std::string D(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

struct Case {
  const char* text;
  const char* kind;
  const char* start;
  const char* end;
  const char* rec;
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    TimeFrame t = ParseTimeFrame(c.text);
    EXPECT_EQ(t.kind, c.kind) << c.text;
    EXPECT_EQ(D(t.start), c.start) << c.text;
    EXPECT_EQ(D(t.end), c.end) << c.text;
    EXPECT_EQ(t.recurrence, c.rec) << c.text;
    EXPECT_EQ(t.text.empty(), std::string(c.text).empty());
  }
}

TEST(TimeFrame, EachFormOfTheSeeds) {
  Check({
      {"Giai đoạn 2017-2020", "period", "2017-01-01", "2020-12-31", ""},
      {"Giai\n  đoạn 2021 - 2025", "period", "2021-01-01", "2025-12-31", ""},
      {"Năm 2024", "year", "2024-01-01", "2024-12-31", ""},
      {"Tháng 01/2024", "month", "2024-01-01", "2024-01-31", ""},
      {"Tháng 9/2024", "month", "2024-09-01", "2024-09-30", ""},
      {"Quý III/2023", "quarter", "2023-07-01", "2023-09-30", ""},
      {"Quý 04/2024", "quarter", "2024-10-01", "2024-12-31", ""},
      {"31/3/2024", "date", "2024-03-31", "2024-03-31", ""},
      {"Trước ngày 30/6/2025", "date", "2025-06-30", "2025-06-30", ""},
      {"Hàng năm", "recurring", "-", "-", "yearly"},
      {"Hằng năm", "recurring", "-", "-", "yearly"},
      {"Thường xuyên", "recurring", "-", "-", "ongoing"},
      {"Nhiệm vụ thường xuyên", "recurring", "-", "-", "ongoing"},
      {"Hàng quý", "recurring", "-", "-", "quarterly"},
      {"Năm 2023 và các năm tiếp theo", "open_ended", "2023-01-01", "-", "yearly"},
      {"Từ năm 2024", "open_ended", "2024-01-01", "-", ""},
      {"Kết thúc giai đoạn 1", "open_ended", "-", "-", ""},
      {"Sau khi Chính phủ ban hành Nghị định về cơ chế quản lý tài chính", "conditional", "-", "-", ""},
      {"Theo Hướng dẫn của Bộ Tài chính", "conditional", "-", "-", ""},
      {"Khi có yêu cầu", "conditional", "-", "-", ""},
      {"Theo kế hoạch riêng", "unknown", "-", "-", ""},
  });
  EXPECT_EQ(ParseTimeFrame("Sau khi Chính phủ ban hành Nghị định").condition, "Sau khi Chính phủ ban hành Nghị định");
}

// Forms other decisions use: several quarters or months at once, halves of
// a year, a month written with "năm", lists and ranges of spans.
TEST(TimeFrame, FormsBeyondTheSeeds) {
  Check({
      {"Quý I, II/2025", "quarter", "2025-01-01", "2025-06-30", ""},
      {"Tháng 3-6/2025", "month", "2025-03-01", "2025-06-30", ""},
      {"Tháng 6 năm 2025", "month", "2025-06-01", "2025-06-30", ""},
      {"6 tháng đầu năm 2025", "half_year", "2025-01-01", "2025-06-30", ""},
      {"6 tháng cuối năm 2025", "half_year", "2025-07-01", "2025-12-31", ""},
      {"Quý II/2025 - Quý IV/2025", "range", "2025-04-01", "2025-12-31", ""},
      {"Năm 2024, 2025", "range", "2024-01-01", "2025-12-31", ""},
      {"Hoàn thành trước 31/12/2024", "date", "2024-12-31", "2024-12-31", ""},
      {"Định kỳ hằng năm", "recurring", "-", "-", "yearly"},
      {"Tháng 12", "unknown", "-", "-", ""},  // no year: not guessed
      {"Quý V/2025", "unknown", "-", "-", ""},
      {"Tháng 13/2025", "unknown", "-", "-", ""},
      // As plans of provinces and communes write them.
      {"Quý IV năm 2026", "quarter", "2026-10-01", "2026-12-31", ""},
      {"Quý III và Quý IV năm 2026", "quarter", "2026-07-01", "2026-12-31", ""},
      {"Tháng 3 - tháng 6/2026", "month", "2026-03-01", "2026-06-30", ""},
      {"Tháng 9, 10/2026", "month", "2026-09-01", "2026-10-31", ""},
      {"Tháng 10, 11 và 12/2026", "month", "2026-10-01", "2026-12-31", ""},
      {"Tháng 6/2026 và tháng 12/2026", "range", "2026-06-01", "2026-12-31", ""},
      {"Định kỳ 6 tháng, năm", "recurring", "-", "-", "half_yearly"},
      {"6 tháng một lần", "recurring", "-", "-", "half_yearly"},
      {"Định kỳ sáu tháng", "recurring", "-", "-", "half_yearly"},
      // A month written as numbers alone, as start and end columns have it.
      {"03/2026", "month", "2026-03-01", "2026-03-31", ""},
      {"12/2026", "month", "2026-12-01", "2026-12-31", ""},
      {"13/2026", "unknown", "-", "-", ""},
      {"Quý 1/2026", "quarter", "2026-01-01", "2026-03-31", ""},   // still a quarter
      {"31/03/2026", "date", "2026-03-31", "2026-03-31", ""},      // still a date
      {"Văn bản 1234/2025", "unknown", "-", "-", ""},  // a number's tail is no month
  });
}

// "Từ ... đến ...": the start may leave its year to the end's.
TEST(TimeFrame, FromTo) {
  Check({
      {"Từ tháng 3 đến tháng 10/2026", "range", "2026-03-01", "2026-10-31", ""},
      {"Từ tháng 10/2026 đến tháng 6/2027", "range", "2026-10-01", "2027-06-30", ""},
      {"Từ Quý II đến hết Quý IV/2026", "range", "2026-04-01", "2026-12-31", ""},
      {"Từ năm 2026 đến năm 2028", "range", "2026-01-01", "2028-12-31", ""},
      {"từ 01/3/2026 đến 30/10/2026", "range", "2026-03-01", "2026-10-30", ""},
      {"Từ tháng 10 đến tháng 3/2026", "range", "2025-10-01", "2026-03-31", ""},  // a span runs forwards
      {"Từ tháng 10/2026 đến tháng 3/2026", "unknown", "-", "-", ""},          // written backwards: not guessed
      {"Từ năm 2026", "open_ended", "2026-01-01", "-", ""},
      {"Từ tháng 7/2026", "open_ended", "2026-07-01", "-", ""},
      {"Từ Quý II/2026", "open_ended", "2026-04-01", "-", ""},
      {"Từ nay đến năm 2030", "range", "-", "2030-12-31", ""},  // from the document's date
      {"Từ nay đến hết tháng 6/2027", "range", "-", "2027-06-30", ""},
  });
}

TEST(TimeFrame, StartAndEndColumnsCombine) {
  TimeFrame r = CombineTimeFrames(ParseTimeFrame("Quý III/2023"), ParseTimeFrame("Quý IV/2024"));
  EXPECT_EQ(r.kind, "range");
  EXPECT_EQ(D(r.start), "2023-07-01");
  EXPECT_EQ(D(r.end), "2024-12-31");
  EXPECT_EQ(r.text, "Quý III/2023 → Quý IV/2024");
  TimeFrame m = CombineTimeFrames(ParseTimeFrame("Tháng 01/2024"), ParseTimeFrame("Tháng 12/2024"));
  EXPECT_EQ(D(m.start), "2024-01-01");
  EXPECT_EQ(D(m.end), "2024-12-31");
  TimeFrame c =
      CombineTimeFrames(ParseTimeFrame("Tháng 01/2024"), ParseTimeFrame("Sau khi Chính phủ ban hành Nghị định"));
  EXPECT_EQ(c.kind, "conditional");
  EXPECT_EQ(D(c.start), "2024-01-01");
  EXPECT_FALSE(c.end.has_value());
}

// A time frame inside a sentence: the phrase as written; a deadline or a
// span before a recurrence; a day without its year is no deadline.
// The beginning, middle and end of a year, as plans write them: the first
// quarter, June and July, the last quarter; "6 tháng cuối năm" stays a half.
TEST(TimeFrame, PartsOfAYear) {
  Check({
      {"Đầu năm 2026", "quarter", "2026-01-01", "2026-03-31", ""},
      {"Giữa năm 2026", "month", "2026-06-01", "2026-07-31", ""},
      {"Cuối năm 2026", "quarter", "2026-10-01", "2026-12-31", ""},
      {"6 tháng cuối năm 2026", "half_year", "2026-07-01", "2026-12-31", ""},
      {"Cuối năm 2026, đầu năm 2027", "range", "2026-10-01", "2027-03-31", ""},
  });
  TimeFrame t = TimeFrameIn("Sơ kết việc triển khai, hoàn thành trước cuối năm 2026.");
  EXPECT_EQ(t.kind, "quarter");
  EXPECT_EQ(t.text, "hoàn thành trước cuối năm 2026");
  EXPECT_EQ(D(t.end), "2026-12-31");
  EXPECT_EQ(D(TimeFrameIn("Báo cáo kết quả trong giữa năm 2027").end), "2027-07-31");
}

TEST(TimeFrame, InASentence) {
  TimeFrame d = TimeFrameIn("Rà soát người chưa tham gia, hoàn thành trước ngày 30/9/2026.");
  EXPECT_EQ(d.kind, "date");
  EXPECT_EQ(d.text, "hoàn thành trước ngày 30/9/2026");
  EXPECT_EQ(D(d.end), "2026-09-30");
  TimeFrame q = TimeFrameIn("Kiểm soát chi phí, hoàn thành trong Quý IV/2026");
  EXPECT_EQ(q.kind, "quarter");
  EXPECT_EQ(D(q.start), "2026-10-01");
  TimeFrame r = TimeFrameIn("Tổ chức hội nghị từ tháng 3/2027 đến tháng 6/2027, hằng năm tổng kết");
  EXPECT_EQ(r.kind, "range");
  EXPECT_EQ(D(r.start), "2027-03-01");
  EXPECT_EQ(D(r.end), "2027-06-30");
  // Every six months and every year: the half years, the second of which is the year's.
  TimeFrame y = TimeFrameIn("Định kỳ 6 tháng, hằng năm báo cáo trước ngày 15/12 hằng năm");
  EXPECT_EQ(y.kind, "recurring");
  EXPECT_EQ(y.recurrence, "half_yearly");
  EXPECT_EQ(TimeFrameIn("Báo cáo hằng năm về Vụ Kế hoạch").recurrence, "yearly");
  TimeFrame q4 = TimeFrameIn("Tổng kết, đánh giá trong quý IV năm 2026.");
  EXPECT_EQ(q4.kind, "quarter");
  EXPECT_EQ(q4.text, "trong quý IV năm 2026");
  EXPECT_EQ(D(q4.end), "2026-12-31");
  TimeFrame o = TimeFrameIn("Tuyên truyền THƯỜNG XUYÊN trên báo, đài");
  EXPECT_EQ(o.recurrence, "ongoing");
  TimeFrame n = TimeFrameIn("Đẩy mạnh chi trả không dùng tiền mặt");
  EXPECT_EQ(n.kind, "unknown");
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(TimeFrameIn("Giao chỉ tiêu chậm nhất là ngày 31/2/2026").kind, "unknown") << "no such day";
}

// A time frame found inside a sentence: kind, start, end and the phrase.
struct In {
  std::string sentence;
  const char* kind;
  const char* start;
  const char* end;
  std::string text;
};
void CheckIn(const std::vector<In>& cases) {
  for (const In& c : cases) {
    TimeFrame t = TimeFrameIn(c.sentence);
    EXPECT_EQ(t.kind, c.kind) << c.sentence;
    EXPECT_EQ(D(t.start), c.start) << c.sentence;
    EXPECT_EQ(D(t.end), c.end) << c.sentence;
    EXPECT_EQ(t.text, c.text) << c.sentence;
  }
}

// Two deadlines of one task: days that take the year of the list's last
// date, read as the span from the first to the last, in a cell and in a
// sentence alike (before, the cell gave only 10/12/2026 and the sentence
// nothing, or only the first date).
TEST(TimeFrame, SeveralDatesOfOneTask) {
  Check({
      {"Trước ngày 10/6 và 10/12/2026", "range", "2026-06-10", "2026-12-10", ""},
      {"Trước ngày 10/6/2026 và 10/12/2026", "range", "2026-06-10", "2026-12-10", ""},
      {"Ngày 15/3, 15/6, 15/9 và 15/12/2026", "range", "2026-03-15", "2026-12-15", ""},
      {"10/12 và 10/6/2027", "range", "2026-12-10", "2027-06-10", ""},
      {"Trước 30/6/2026; trước 31/12/2026", "range", "2026-06-30", "2026-12-31", ""},
      {"Ngày 15/6 và 15/12 hằng năm", "recurring", "-", "-", "yearly"},
  });
  CheckIn({
      {"Gửi báo cáo sơ kết, tổng kết trước 10/6 và 10/12/2026.", "range", "2026-06-10", "2026-12-10",
       "trước 10/6 và 10/12/2026"},
      {"Gửi báo cáo trước ngày 10/6/2026 và ngày 10/12/2026", "range", "2026-06-10", "2026-12-10",
       "trước ngày 10/6/2026 và ngày 10/12/2026"},
      // A date followed by a comma and words is one date.
      {"Hoàn thành trước ngày 30/9/2026, báo cáo về Ban", "date", "2026-09-30", "2026-09-30",
       "Hoàn thành trước ngày 30/9/2026"},
  });
  EXPECT_EQ(ParseTimeFrame("Ngày 31/2 và 10/12/2026").kind, "unknown") << "no such day";
}

// A date as formal text writes it, in words: the day, not the month's end.
TEST(TimeFrame, ADateWrittenInWords) {
  Check({
      {"Trước ngày 15 tháng 12 năm 2026", "date", "2026-12-15", "2026-12-15", ""},
      {"Ngày 30 tháng 6 năm 2026", "date", "2026-06-30", "2026-06-30", ""},
      {"Tháng 6 năm 2026", "month", "2026-06-01", "2026-06-30", ""},
  });
  CheckIn({{"Các đơn vị gửi báo cáo về Ban Thực hiện chính sách BHXH trước ngày 15 tháng 12 năm 2026.", "date",
            "2026-12-15", "2026-12-15", "trước ngày 15 tháng 12 năm 2026"}});
  EXPECT_EQ(ParseTimeFrame("Ngày 31 tháng 2 năm 2026").kind, "unknown") << "no such day";
}

// Inside a sentence: a time after a label, a period, "vào", and a start
// with no end.
TEST(TimeFrame, MoreWaysASentenceGivesItsTime) {
  CheckIn({
      {"Thời gian hoàn thành: tháng 10/2026.", "month", "2026-10-01", "2026-10-31", "Thời gian hoàn thành: tháng 10/2026"},
      {"Thời hạn: Quý III/2026", "quarter", "2026-07-01", "2026-09-30", "Thời hạn: Quý III/2026"},
      {"Tổ chức thực hiện trong giai đoạn 2026 - 2030", "period", "2026-01-01", "2030-12-31", "trong giai đoạn 2026 - 2030"},
      {"Sơ kết vào Quý IV/2027", "quarter", "2027-10-01", "2027-12-31", "vào Quý IV/2027"},
      {"Triển khai từ ngày 01/01/2027", "open_ended", "2027-01-01", "-", "từ ngày 01/01/2027"},
      {"Áp dụng kể từ tháng 7/2026 trên toàn quốc", "open_ended", "2026-07-01", "-", "từ tháng 7/2026"},
      {"Đưa vào sử dụng phần mềm mới", "unknown", "-", "-", ""},
  });
}

}  // namespace
}  // namespace bhxh
