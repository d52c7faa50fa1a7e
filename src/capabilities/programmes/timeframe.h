// Time frames of programme tasks (issue #3 §3), parsed from the words the
// decisions use, with the original text kept beside the structure:
//   date         31/3/2024, ngày 30/6/2025, ngày 15 tháng 12 năm 2026
//   month        Tháng 01/2024, Tháng 9/2024, Tháng 6 năm 2025, Tháng 3-6/2025
//   quarter      Quý III/2023, Quý 01/2024, Quý I, II/2025
//   half_year    6 tháng đầu / cuối năm 2025
//   (parts)      Đầu năm 2026 (quarter I), Giữa năm 2026 (June–July), Cuối năm 2026 (quarter IV)
//   range        several spans: Năm 2024, 2025; Quý II/2025 - Quý IV/2025;
//                several dates of one task: Trước ngày 10/6 và 10/12/2026 (10/6 → 10/12)
//   year         Năm 2024
//   period       Giai đoạn 2017-2020, 2021 - 2025
//   recurring    Hàng năm / Hằng năm / Định kỳ hằng năm (yearly), Hàng quý, Hàng tháng,
//                Thường xuyên / Nhiệm vụ thường xuyên (ongoing),
//                Định kỳ 6 tháng, năm / 6 tháng một lần (half_yearly)
//   conditional  Sau khi Chính phủ ban hành ..., Theo hướng dẫn của ...
//   open_ended   Năm 2023 và các năm tiếp theo, Từ năm 2024, Kết thúc giai đoạn 1
// Matching ignores diacritics and case. Start and end are inclusive; the
// end is the deadline a task is judged against. Text that fits no form is
// kind "unknown", never dropped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace bhxh {

struct TimeFrame {
  std::string text;
  std::string kind = "unknown";
  std::optional<Date> start, end;
  std::string recurrence;  // yearly | quarterly | monthly | ongoing
  std::string condition;   // for conditional frames
};

TimeFrame ParseTimeFrame(std::string_view text);
// A time frame written inside a sentence ("..., hoàn thành trước ngày
// 30/9/2026", "... trong Quý IV/2026", "báo cáo ... trước ngày 15/12 hằng
// năm", "... thường xuyên", "từ tháng 10/2026 đến tháng 6/2027", "Thời hạn:
// Quý III/2026", "kể từ tháng 7/2026"): the
// phrase as written, parsed. A concrete deadline or span wins over a
// recurrence; a sentence that names none gives kind "unknown" and no text.
TimeFrame TimeFrameIn(std::string_view sentence);
// A task whose table gives a start column and an end column: the start of
// the first and the end of the second (e.g. Quý III/2023 → Quý IV/2024).
TimeFrame CombineTimeFrames(const TimeFrame& from, const TimeFrame& to);

}  // namespace bhxh
