// Programmes in the store and their follow-up, on SQLite and PostgreSQL:
// import replay / conflict / replace, progress validation,
// overdue days and missing yearly reports, follow-up lists, the deadline
// calendar, indicators entered and computed, the annual report, and
// mapping an unknown unit name.
#include "programmes/tracking.h"

#include <gtest/gtest.h>

#include "base/zip.h"
#include "programmes/coverage.h"
#include "programmes/indicator_values.h"
#include "programmes/json.h"
#include "programmes/module.h"
#include "programmes/report.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

// A small decision in the seeds' format, with dates chosen so the expected
// states can be worked out by hand.
const char* kDecision = R"(BẢO HIỂM XÃ HỘI VIỆT NAM
-------
Số: 77/QĐ-BHXH
Hà Nội, ngày 10 tháng 01 năm 2024
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH THỬ NGHIỆM
TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM
Căn cứ Nghị định số 89/2020/NĐ-CP ngày 04/8/2020 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch kèm theo.
Nơi nhận:
- Lưu: VT.
TỔNG GIÁM ĐỐC
Nguyễn Văn B
KẾ HOẠCH THỬ NGHIỆM
I. CHẾ ĐỘ BÁO CÁO
- Báo cáo năm: gửi trước ngày 05 tháng 11 hàng năm về Vụ Kế hoạch và Đầu tư.
PHỤ LỤC I
CHỈ TIÊU
TT
Chỉ tiêu
Đơn vị tính
Chỉ tiêu năm 2025
Chỉ tiêu năm 2030
Đơn vị chủ trì
Đơn vị phối hợp
1
Tỷ lệ dân số tham gia BHYT
%
95
97
Vụ Kế hoạch và Đầu tư
Ban Quản lý Thu - Sổ, thẻ
2
Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH
%
45
60
3
Tỷ lệ số người sau độ tuổi nghỉ hưu được hưởng lương hưu
%
55
60
Ban Thực hiện chính sách BHXH
PHỤ LỤC II
NHIỆM VỤ
TT
Nội dung
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
I
Nhóm thứ nhất
1
Nhiệm vụ A
Vụ Tài chính - Kế toán
Văn phòng BHXH Việt Nam
Quý II/2024
2
Nhiệm vụ B
Trung tâm Công nghệ thông tin
Các đơn vị liên quan; Sở Tư pháp các tỉnh
Hàng năm
3
Nhiệm vụ C
Vụ Tài chính - Kế toán
Các đơn vị liên quan
Sau khi Chính phủ ban hành Nghị định
4
Nhiệm vụ D
Văn phòng BHXH Việt Nam
Các đơn vị liên quan
Giai đoạn 2024-2026
)";

class Tracking : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto p = ImportDecision(kDecision, *ctx_->State<ProgrammesState>().units());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    imported_ = *p;
    auto s = SaveProgramme(db(), imported_, kDecision, false, testing::TestOfficer());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    id_ = s->programme.id;
  }
  Result<ProgressOutcome> Post(const std::string& key, const std::string& unit, const std::string& status,
                               const std::string& percent = "", const std::string& period = "") {
    ProgressInput in{"77/QĐ-BHXH", key, unit, status, percent, period, "ghi chú <b>", "", "", ""};
    return PostProgress(db(), *ctx_->State<ProgrammesState>().units(), in, Date::Today(), testing::TestOfficer());
  }
  const TaskState* State(const std::vector<TaskState>& v, const std::string& key) {
    for (const auto& s : v)
      if (s.task.key == key) return &s;
    return nullptr;
  }
  ImportedProgramme imported_;
  int64_t id_ = 0;
};

TEST_P(Tracking, ImportIsStoredOnceAndReplacedOnlyWhenAsked) {
  EXPECT_EQ(Count("programmes"), 1);
  EXPECT_EQ(Count("programme_tasks"), 4);
  EXPECT_EQ(Count("programme_indicators"), 3);
  EXPECT_EQ(Count("programme_reports"), 1);
  auto again = SaveProgramme(db(), imported_, kDecision, false, testing::TestOfficer());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  std::string changed = std::string(kDecision) + "\n";
  auto conflict = SaveProgramme(db(), imported_, changed, false, testing::TestOfficer());
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.status().code(), "conflict");
  EXPECT_EQ(conflict.status().field(), "number");
  ASSERT_TRUE(Post("I.1", "TCKT", "in_progress", "30").ok());
  auto replaced = SaveProgramme(db(), imported_, changed, true, testing::TestOfficer());
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_TRUE(replaced->replaced);
  EXPECT_EQ(replaced->programme.id, id_);
  EXPECT_EQ(Count("programme_tasks"), 4);
  EXPECT_EQ(Count("task_progress"), 1);  // progress survives a corrected text
  auto found = FindProgramme(db(), "77-qd-bhxh");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, id_);
}

TEST_P(Tracking, ProgressIsValidatedFieldByFieldAndAppliedOnce) {
  EXPECT_EQ(Post("I.1", "TCKT", "finished").status().field(), "status");
  EXPECT_EQ(Post("I.1", "TCKT", "in_progress", "101").status().field(), "percent");
  EXPECT_EQ(Post("I.1", "TCKT", "done", "50").status().field(), "percent");
  EXPECT_EQ(Post("I.1", "TCKT", "in_progress", "").status().field(), "percent");
  EXPECT_EQ(Post("I.1", "TCKT", "done", "", "2024-13").status().field(), "period");
  EXPECT_EQ(Post("I.1", "TCKT", "done", "", std::to_string(Date::Today().year() + 1)).status().field(), "period");
  EXPECT_EQ(Post("I.1", "Vụ Không Có", "done").status().field(), "unit");
  auto other = Post("I.1", "CSXH", "done");  // not named by task A
  EXPECT_EQ(other.status().code(), "forbidden");
  EXPECT_EQ(Post("I.9", "TCKT", "done").status().field(), "task_key");
  EXPECT_EQ(Count("task_progress"), 0);
  EXPECT_TRUE(Post("I.2", "CSXH", "in_progress", "10").ok());  // "Các đơn vị liên quan": any unit reports
  auto first = Post("I.1", "Vụ Tài chính - Kế toán", "done", "", "2024");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->entry.unit, "TCKT");
  EXPECT_EQ(first->entry.percent, 100);
  EXPECT_EQ(Count("task_progress"), 2);  // a retry is the API's idempotency key (programme_api_test)
  auto history = ProgressHistory(db(), id_, "I.1");
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 1u);
}

TEST_P(Tracking, OverdueDaysAndMissingYearlyReports) {
  Date today = Date::Today();
  auto states = TaskStates(db(), id_, today);
  ASSERT_TRUE(states.ok());
  const TaskState* a = State(*states, "I.1");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->deadline->ToString(), "2024-06-30");  // Quý II/2024
  EXPECT_TRUE(a->overdue);
  EXPECT_EQ(a->days_overdue, today.days() - Date::FromYmd(2024, 6, 30).days());
  const TaskState* c = State(*states, "I.3");
  EXPECT_FALSE(c->deadline.has_value());  // conditional: no deadline yet
  EXPECT_FALSE(c->overdue);
  // "Hàng năm" from the decision (2024-01-10) to the programme's end (2026-12-31): one post per ended year.
  const TaskState* b = State(*states, "I.2");
  EXPECT_EQ(b->expects, "yearly");
  std::vector<std::string> years;
  for (int y = 2024; y <= std::min(2026, today.year() - 1); ++y) years.push_back(std::to_string(y));
  EXPECT_EQ(b->missing_periods, years);
  ASSERT_TRUE(Post("I.2", "CNTT", "in_progress", "50", "2024").ok());
  ASSERT_TRUE(Post("I.1", "TCKT", "done").ok());
  states = TaskStates(db(), id_, today);
  years.erase(years.begin());
  EXPECT_EQ(State(*states, "I.2")->missing_periods, years);
  EXPECT_FALSE(State(*states, "I.1")->overdue);
  // As of a day before the posts, the task was still open and overdue by 10 days.
  auto earlier = TaskStates(db(), id_, Date::FromYmd(2024, 7, 10));
  ASSERT_TRUE(earlier.ok());
  EXPECT_EQ(State(*earlier, "I.1")->status, "not_started");
  EXPECT_EQ(State(*earlier, "I.1")->days_overdue, 10);
}

// "Định kỳ 6 tháng, năm": one post per ended half year, which a post of
// the year, of the half, or of a quarter or month within it covers.
TEST_P(Tracking, HalfYearlyReportsAreExpectedEachHalf) {
  std::string text = kDecision;
  for (auto [from, to] : {std::pair<std::string, std::string>{"77/QĐ-BHXH", "78/QĐ-BHXH"},
                          {"Giai đoạn 2024-2026", "Định kỳ 6 tháng, năm"}})
    text.replace(text.find(from), from.size(), to);
  auto p = ImportDecision(text, *ctx_->State<ProgrammesState>().units());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto saved = SaveProgramme(db(), *p, text, false, testing::TestOfficer());
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  const int64_t id = saved->programme.id;
  auto states = TaskStates(db(), id, Date::FromYmd(2025, 8, 1));
  ASSERT_TRUE(states.ok());
  const TaskState* d = State(*states, "I.4");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->task.timeframe.recurrence, "half_yearly");
  EXPECT_EQ(d->expects, "half_yearly");
  // From the decision's date (10/01/2024) to 01/8/2025: three halves ended.
  EXPECT_EQ(d->missing_periods, (std::vector<std::string>{"2024-H1", "2024-H2", "2025-H1"}));
  auto post = [&](const std::string& period) {
    ProgressInput in{"78/QĐ-BHXH", "I.4", "VP", "in_progress", "50", period, "", "", "", ""};
    return PostProgress(db(), *ctx_->State<ProgrammesState>().units(), in, Date::Today(), testing::TestOfficer());
  };
  ASSERT_TRUE(post("2024-H1").ok());
  ASSERT_TRUE(post("2025-05").ok());  // a month within the first half of 2025
  EXPECT_EQ(post("2025-H3").status().field(), "period");
  states = TaskStates(db(), id, Date::FromYmd(2025, 8, 1));
  ASSERT_TRUE(states.ok());
  EXPECT_EQ(State(*states, "I.4")->missing_periods, (std::vector<std::string>{"2024-H2"}));
  ASSERT_TRUE(post("2024-Q4").ok());  // a quarter within the second half
  states = TaskStates(db(), id, Date::FromYmd(2025, 8, 1));
  ASSERT_TRUE(states.ok());
  EXPECT_TRUE(State(*states, "I.4")->missing_periods.empty());
}

TEST_P(Tracking, FollowUpListsByUnitAndLeaderAndTheDeadlineCalendar) {
  Date today = Date::Today();
  auto states = TaskStates(db(), id_, today);
  ASSERT_TRUE(states.ok());
  FollowUpFilter f;
  f.unit = "TCKT";
  auto groups = FollowUp(*states, *ctx_->State<ProgrammesState>().units(), f);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].name, "Vụ Tài chính - Kế toán");
  ASSERT_EQ(groups[0].tasks.size(), 2u);
  EXPECT_EQ(groups[0].tasks[0].task.key, "I.1");  // overdue first
  EXPECT_EQ(groups[0].overdue, 1);
  FollowUpFilter all;
  auto by_unit = FollowUp(*states, *ctx_->State<ProgrammesState>().units(), all);
  EXPECT_EQ(by_unit.size(), 3u);  // TCKT, CNTT, VP
  auto cal = DeadlineCalendar(db(), Date::FromYmd(2025, 1, 1), Date::FromYmd(2026, 12, 31), Date::FromYmd(2025, 1, 1));
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  std::vector<std::string> got;
  for (const auto& d : *cal)
    got.push_back(d.date.ToString() + " " + d.kind + (d.task_key.empty() ? "" : " " + d.task_key));
  EXPECT_EQ(got, (std::vector<std::string>{"2025-11-05 report", "2026-11-05 report", "2026-12-31 task I.4"}));
  EXPECT_EQ((*cal)[0].days_left, 308);  // 1 January to 5 November 2025
  EXPECT_FALSE(DeadlineCalendar(db(), Date::FromYmd(2026, 1, 1), Date::FromYmd(2025, 1, 1), today).ok());
}

TEST_P(Tracking, IndicatorsEnteredAndTheirPathToTheTargets) {
  auto bad = RecordIndicatorValue(db(), id_, "1", 2024, "", "101", testing::TestOfficer());
  EXPECT_EQ(bad.status().field(), "value");
  EXPECT_EQ(RecordIndicatorValue(db(), id_, "1", 2024, "", "nhiều", testing::TestOfficer()).status().field(), "value");
  EXPECT_EQ(RecordIndicatorValue(db(), id_, "9", 2024, "", "1", testing::TestOfficer()).status().field(), "indicator");
  EXPECT_EQ(RecordIndicatorValue(db(), id_, "1", 2024, "1", "1", testing::TestOfficer()).status().field(), "province");
  ASSERT_TRUE(RecordIndicatorValue(db(), id_, "1", 2024, "", "92,5", testing::TestOfficer()).ok());
  // One value only: it is its own baseline, so it is neither on track nor
  // behind (a 92.5 against 95 used to read "on track").
  auto first = IndicatorStatuses(db(), ctx_->State<ProgrammesState>().measures, id_, "");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ((*first)[0].status, "no_baseline");
  ASSERT_TRUE(RecordIndicatorValue(db(), id_, "1", 2025, "", "94", testing::TestOfficer()).ok());
  auto st = IndicatorStatuses(db(), ctx_->State<ProgrammesState>().measures, id_, "");
  ASSERT_TRUE(st.ok());
  const IndicatorStatus& hi = (*st)[0];
  EXPECT_EQ(hi.values[0].value, "92.50");
  // The line from 92.5 (2024) to 95 (2025), then to 97 (2030): 2025 expects 95; 94 is behind.
  EXPECT_DOUBLE_EQ(hi.path.at(2025), 95);
  EXPECT_DOUBLE_EQ(hi.path.at(2027), 95.8);
  EXPECT_EQ(hi.status, "behind");
  EXPECT_EQ(hi.measure, "hi_population_share");
  EXPECT_EQ((*st)[2].measure, "pension_share");  // computed by the benefits capability
  EXPECT_EQ((*st)[2].status, "no_data");
  ASSERT_TRUE(RecordIndicatorValue(db(), id_, "1", 2025, "", "95,5", testing::TestOfficer()).ok());
  st = IndicatorStatuses(db(), ctx_->State<ProgrammesState>().measures, id_, "");
  EXPECT_EQ((*st)[0].status, "on_track");
  EXPECT_EQ(Count("indicator_values"), 2);  // one value per year and province, replaced
}

TEST_P(Tracking, IndicatorsComputedFromTheNationalDatabaseSayHow) {
  // Four residents of province 01, three with an HI card valid on 31 December 2025.
  ASSERT_TRUE(db().Exec("INSERT INTO persons (cccd, full_name, name_key, dob, sex, province, commune, created_at, "
                        "created_by) VALUES "
                        "('001085000001','A','a','1985-01-01',1,'01','','x','t'),"
                        "('001085000002','B','b','1985-01-01',1,'01','','x','t'),"
                        "('001085000003','C','c','1985-01-01',1,'01','','x','t'),"
                        "('001085000004','D','d','1985-01-01',1,'01','','x','t')")
                  .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO hi_cards (person_id, code, valid_from, valid_to, facility, status, issued_by) "
                        "SELECT id, 'DN40101' || cccd, '2025-01-01', '2026-06-30', '01001', 'active', 't' FROM persons "
                        "WHERE cccd <> '001085000004'")
                  .ok());
  Date today = Date::Today();
  auto computed = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "1", 2025, "01", today,
                                        testing::TestOfficer());
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  EXPECT_EQ(computed->value, "75.00");  // 3 of the 4 persons alive in the registry
  EXPECT_NE(computed->method.find("= 3;"), std::string::npos) << computed->method;
  EXPECT_NE(computed->method.find("chưa nhập dân số"), std::string::npos) << computed->method;
  ASSERT_TRUE(
      RecordDenominator(db(), "population", "01", 2025, 5, "Niên giám thống kê 2025", testing::TestOfficer()).ok());
  computed = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "1", 2025, "01", today,
                                   testing::TestOfficer());
  ASSERT_TRUE(computed.ok());
  EXPECT_EQ(computed->value, "60.00");  // 3 / 5 entered
  EXPECT_EQ(computed->source, "computed");
  auto si = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "2", 2025, "01", today,
                                  testing::TestOfficer());
  EXPECT_EQ(si.status().code(), "missing_denominator");
  // A works for an employer (all funds) through 2025; B pays voluntary SI; C's period ended in June 2025.
  ASSERT_TRUE(db().Exec("INSERT INTO employers (code, tax_code, name, type, province, region, created_at, created_by) "
                        "VALUES ('01A1','0100000001','Công ty A','enterprise','01',1,'x','t')")
                  .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO periods (person_id, employer_id, from_month, to_month, salary, funds, group_code) "
                        "SELECT p.id, e.id, 24288, NULL, 9000000, 31, 'DN' FROM persons p, employers e WHERE p.cccd = "
                        "'001085000001'")
                  .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO periods (person_id, employer_id, from_month, to_month, salary, funds, group_code) "
                        "SELECT id, NULL, 24288, NULL, 2000000, 1, 'BHXHTN' FROM persons WHERE cccd = '001085000002'")
                  .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO periods (person_id, employer_id, from_month, to_month, salary, funds, group_code) "
                        "SELECT p.id, e.id, 24288, 24305, 9000000, 31, 'DN' FROM persons p, employers e WHERE p.cccd = "
                        "'001085000003'")
                  .ok());
  auto counts = CountCoverage(db(), Date::FromYmd(2025, 12, 31), {"01"});
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->alive, 4);
  EXPECT_EQ(counts->hi, 3);
  EXPECT_EQ(counts->si, 2);  // A and B in December 2025 (month 24311); C left in June (24305)
  EXPECT_EQ(counts->ui, 1);
  EXPECT_EQ(counts->voluntary, 1);
  ASSERT_TRUE(RecordDenominator(db(), "labour_force", "01", 2025, 8, "Điều tra lao động", testing::TestOfficer()).ok());
  si = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "2", 2025, "01", today,
                             testing::TestOfficer());
  ASSERT_TRUE(si.ok()) << si.status().ToString();
  EXPECT_EQ(si->value, "25.00");  // 2 / 8
  auto pension = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "3", 2025, "", today,
                                       testing::TestOfficer());
  // Computed by the benefits capability (registered provider); the
  // denominator (persons past retirement age) has not been entered.
  EXPECT_EQ(pension.status().code(), "missing_denominator");
  // Hà Giang (02) merged into Tuyên Quang (08) on 2025-07-01: a resident recorded under 02 counts for 08.
  ASSERT_TRUE(
      db().Exec("INSERT INTO persons (cccd, full_name, name_key, dob, sex, province, commune, created_at, created_by) "
                "VALUES ('002085000005','E','e','1985-01-01',1,'02','','x','t')")
          .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO hi_cards (person_id, code, valid_from, valid_to, facility, status, issued_by) "
                        "SELECT id, 'DN40202' || cccd, '2025-01-01', '2026-06-30', '02001', 'active', 't' FROM persons "
                        "WHERE cccd = '002085000005'")
                  .ok());
  auto merged = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "1", 2025, "08", today,
                                      testing::TestOfficer(), &ctx_->geo);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->value, "100.00");
  EXPECT_NE(merged->method.find("gồm mã tỉnh cũ 02"), std::string::npos) << merged->method;
  EXPECT_EQ(ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "1", 2025, "99", today,
                                  testing::TestOfficer(), &ctx_->geo)
                .status()
                .field(),
            "province");
  EXPECT_EQ(RecordDenominator(db(), "people", "01", 2025, 5, "x", testing::TestOfficer()).field(), "kind");
  EXPECT_EQ(RecordDenominator(db(), "population", "01", 2025, 0, "x", testing::TestOfficer()).field(), "value");

  // Cut-off counts (số liệu chốt): 31/12/2025 counted once for every
  // residence code — 01 (A, B, C, D; cards of three) and 02 (E) — and read
  // back by the indicators, which say so.
  const Date dec31 = Date::FromYmd(2025, 12, 31);
  auto snap = SnapshotCoverage(db(), dec31, testing::TestOfficer());
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_EQ(snap->provinces, 2);
  EXPECT_EQ(snap->country.alive, 5);
  EXPECT_EQ(snap->country.hi, 4);
  EXPECT_EQ(snap->country.si, 2);
  EXPECT_EQ(snap->country.voluntary, 1);
  // A resident of 01 with a card registered after the cut-off is not in it.
  ASSERT_TRUE(
      db().Exec("INSERT INTO persons (cccd, full_name, name_key, dob, sex, province, commune, created_at, created_by) "
                "VALUES ('001085000006','F','f','1985-01-01',1,'01','','x','t')")
          .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO hi_cards (person_id, code, valid_from, valid_to, facility, status, issued_by) "
                        "SELECT id, 'DN40101' || cccd, '2025-01-01', '2026-06-30', '01001', 'active', 't' FROM persons "
                        "WHERE cccd = '001085000006'")
                  .ok());
  auto cut = CountCoverage(db(), dec31, {"01"});
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->alive, 4);
  EXPECT_EQ(cut->hi, 3);
  EXPECT_FALSE(cut->cut_off.empty());
  auto merged_cut = CountCoverage(db(), dec31, {"08", "02"});
  ASSERT_TRUE(merged_cut.ok());
  EXPECT_EQ(merged_cut->alive, 1);
  auto from_snapshot = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "1", 2025, "01", today,
                                             testing::TestOfficer(), &ctx_->geo);
  ASSERT_TRUE(from_snapshot.ok()) << from_snapshot.status().ToString();
  EXPECT_EQ(from_snapshot->value, "60.00");  // 3 / 5 entered, as counted at the cut-off
  EXPECT_NE(from_snapshot->method.find("số liệu chốt lúc "), std::string::npos) << from_snapshot->method;
  // Counted again, the snapshot replaces the day's figures.
  ASSERT_TRUE(SnapshotCoverage(db(), dec31, testing::TestOfficer()).ok());
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM coverage_snapshots"), 2);
  auto again = ComputeIndicatorValue(db(), ctx_->State<ProgrammesState>().measures, id_, "1", 2025, "01", today,
                                     testing::TestOfficer(), &ctx_->geo);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->value, "80.00");  // F and her card now in: 4 / 5
}

TEST_P(Tracking, AnnualReportInThreeFormats) {
  ProgressInput in{"77/QĐ-BHXH",      "I.1",        "TCKT",           "blocked",          "20", "",
                   "Chờ <hướng dẫn>", "CV 12/BHXH", "Thiếu nhân lực", "Cần phân công sớm"};
  ASSERT_TRUE(
      PostProgress(db(), *ctx_->State<ProgrammesState>().units(), in, Date::Today(), testing::TestOfficer()).ok());
  ASSERT_TRUE(Post("I.4", "VP", "done").ok());
  auto r = BuildAnnualReport(db(), ctx_->State<ProgrammesState>().measures, id_, Date::Today().year(), Date::Today());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, 4);
  EXPECT_EQ(r->done, 1);
  EXPECT_EQ(r->blocked, 1);
  EXPECT_EQ(r->not_started, 2);
  ASSERT_EQ(r->difficulties.size(), 1u);
  EXPECT_EQ(r->difficulties[0].text, "Thiếu nhân lực");
  EXPECT_EQ(r->lessons[0].text, "Cần phân công sớm");
  ASSERT_EQ(r->obligations.size(), 1u);
  std::string md = ReportMarkdown(*r, *ctx_->State<ProgrammesState>().units());
  EXPECT_NE(md.find("## 3. Nhiệm vụ chưa hoàn thành"), std::string::npos);
  EXPECT_NE(md.find("| I.1 | Nhiệm vụ A | Vụ Tài chính - Kế toán | Vướng mắc | 20 |"), std::string::npos) << md;
  std::string html = ReportHtml(*r, *ctx_->State<ProgrammesState>().units());
  EXPECT_NE(html.find("Chờ &lt;hướng dẫn&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<hướng"), std::string::npos);
  // Decree 30/2020 layout: issuing body and number, motto, place and date,
  // recipients and the signature block; dates as dd/mm/yyyy.
  EXPECT_NE(html.find("BẢO HIỂM XÃ HỘI VIỆT NAM</b><br>Số: ......../BC-BHXH"), std::string::npos);
  EXPECT_NE(html.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
  EXPECT_NE(html.find("Hà Nội, ngày "), std::string::npos);
  EXPECT_NE(html.find("Nơi nhận:"), std::string::npos);
  EXPECT_NE(html.find("THỦ TRƯỞNG ĐƠN VỊ"), std::string::npos);
  EXPECT_NE(html.find("(số liệu đến ngày " + r->as_of.ToVi() + ")"), std::string::npos);
  auto x = ReportXlsx(*r, *ctx_->State<ProgrammesState>().units());
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  EXPECT_EQ(x->substr(0, 2), "PK");
  // Counts are numbers in the workbook (no t="s" on the count cell B4, below
  // the title, the as-of line and the header: "Tổng số nhiệm vụ" = 4), so
  // Excel adds them up.
  auto zip = ZipPackage::Open(*x, "XLSX");
  ASSERT_TRUE(zip.ok());
  auto sheet = zip->Read("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.ok());
  EXPECT_NE(zip->Read("xl/sharedStrings.xml")->find("Số liệu đến ngày " + r->as_of.ToVi()), std::string::npos);
  size_t b2 = sheet->find("<c r=\"B4\"");
  ASSERT_NE(b2, std::string::npos);
  std::string cell = sheet->substr(b2, sheet->find("</c>", b2) - b2);
  EXPECT_EQ(cell.find("t=\"s\""), std::string::npos) << cell;
  EXPECT_NE(cell.find("<v>4</v>"), std::string::npos) << cell;
  EXPECT_FALSE(
      BuildAnnualReport(db(), ctx_->State<ProgrammesState>().measures, id_, Date::Today().year() + 1, Date::Today())
          .ok());
}

// Issue #9: a post made today about an earlier year belongs in that year's report.
TEST_P(Tracking, ALateReportAboutAnEarlierYearIsInThatYearsReport) {
  int last_year = Date::Today().year() - 1;
  ProgressInput in{"77/QĐ-BHXH", "I.1", "TCKT", "done", "100", std::to_string(last_year), "Đã xong", "", "Chậm giải ngân",
                   ""};
  ASSERT_TRUE(
      PostProgress(db(), *ctx_->State<ProgrammesState>().units(), in, Date::Today(), testing::TestOfficer()).ok());
  auto r = BuildAnnualReport(db(), ctx_->State<ProgrammesState>().measures, id_, last_year, Date::Today());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->done, 1);
  ASSERT_EQ(r->difficulties.size(), 1u);
  EXPECT_EQ(r->difficulties[0].text, "Chậm giải ngân");
  // ... and not in this year's, which it is not about.
  auto now = BuildAnnualReport(db(), ctx_->State<ProgrammesState>().measures, id_, Date::Today().year(), Date::Today());
  ASSERT_TRUE(now.ok());
  EXPECT_TRUE(now->difficulties.empty());
}

TEST_P(Tracking, AnOfficerMapsAnUnknownUnitName) {
  auto tasks = LoadTasks(db(), id_);
  ASSERT_TRUE(tasks.ok());
  EXPECT_EQ((*tasks)[1].unknown_units, std::vector<std::string>{"Sở Tư pháp các tỉnh"});
  EXPECT_EQ((*tasks)[1].unknown_cells, std::vector<std::string>{"coordinating"});  // the cell it stood in
  {
    auto j = ToJson((*tasks)[1], *ctx_->State<ProgrammesState>().units());
    EXPECT_EQ(j["coordinating"], nlohmann::json::array({"Các đơn vị liên quan", "Sở Tư pháp các tỉnh"}))
        << "the unknown name still read, as written";
  }
  EXPECT_EQ((*tasks)[1].content, "Nhiệm vụ B");  // the unit on the next line is not glued to it
  EXPECT_FALSE(
      ctx_->State<ProgrammesState>().MapUnit(db(), "Sở Tư pháp các tỉnh", "NO_SUCH", testing::TestOfficer()).ok());
  auto changed =
      ctx_->State<ProgrammesState>().MapUnit(db(), "Sở Tư pháp các tỉnh", "LIEN_QUAN", testing::TestOfficer());
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(*changed, 1);
  auto lease = ctx_->pool->Acquire();
  ASSERT_TRUE(lease.ok());
  tasks = LoadTasks(**lease, id_);
  EXPECT_TRUE((*tasks)[1].unknown_units.empty());
  EXPECT_TRUE((*tasks)[1].unknown_cells.empty());
  EXPECT_EQ((*tasks)[1].lead_units, std::vector<std::string>{"CNTT"});
  EXPECT_EQ((*tasks)[1].coordinating_units, (std::vector<std::string>{"LIEN_QUAN"}));  // where the table put the name
  EXPECT_EQ(ToJson((*tasks)[1], *ctx_->State<ProgrammesState>().units())["coordinating"],
            nlohmann::json::array({"Các đơn vị liên quan"}));
  EXPECT_EQ(ctx_->State<ProgrammesState>().units()->Find("sở tư pháp các tỉnh")->id, "LIEN_QUAN");
}

TEST_P(Tracking, WhatTheDecisionSaysWasAchievedIsTheBaseline) {
  std::string text = kDecision;
  text.replace(text.find("Đơn vị tính\nChỉ tiêu năm 2025"), std::string("Đơn vị tính\n").size(),
               "Đơn vị tính\nThực hiện năm 2023\n");
  text.replace(text.find("%\n95\n97"), std::string("%\n").size(), "%\n92,36\n");
  text.replace(text.find("%\n45\n60"), std::string("%\n").size(), "%\n38,1\n");
  text.replace(text.find("%\n55\n60"), std::string("%\n").size(), "%\n50\n");
  text.replace(text.find("Số: 77/"), std::string("Số: 77/").size(), "Số: 78/");
  auto p = ImportDecision(text, *ctx_->State<ProgrammesState>().units());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->indicators[0].actuals.at("2023"), "92,36");
  EXPECT_EQ(p->indicators[0].targets.at("2025"), "95");
  auto s = SaveProgramme(db(), *p, text, false, testing::TestOfficer());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto st = IndicatorStatuses(db(), ctx_->State<ProgrammesState>().measures, s->programme.id, "");
  ASSERT_TRUE(st.ok());
  ASSERT_EQ((*st)[0].values.size(), 1u);
  EXPECT_EQ((*st)[0].values[0].value, "92.36");
  EXPECT_EQ((*st)[0].values[0].source, "decision");
  // The line from 92.36 (2023) to 95 (2025): 93.68 expected in 2024.
  EXPECT_DOUBLE_EQ((*st)[0].path.at(2024), 93.68);
  ASSERT_TRUE(RecordIndicatorValue(db(), s->programme.id, "1", 2024, "", "93,5", testing::TestOfficer()).ok());
  st = IndicatorStatuses(db(), ctx_->State<ProgrammesState>().measures, s->programme.id, "");
  EXPECT_EQ((*st)[0].status, "behind");  // 93.5 < 93.68
}

INSTANTIATE_TEST_SUITE_P(Backends, Tracking, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
