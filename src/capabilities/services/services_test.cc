// Public services against dates worked by hand from the calendar of
// data/services/calendar.csv (Tết Bính Ngọ 14–22/02/2026; Hùng Kings made
// up on Mon 27/04/2026; 30/04–01/05; the 2025 swap of Fri 02/05 for Sat
// 26/04) and the procedures' deadlines, and a dossier's whole life on both
// backends.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "benefits/module.h"
#include "services/module.h"
#include "services/quality.h"
#include "testing/backend_fixture.h"
#include "testing/worker_fixture.h"

namespace bhxh {
namespace {

const ServicesData& Catalogue() {
  static const ServicesData d = [] {
    auto r = ServicesData::Load(testing::DataDir() + "/services");
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(r).value();
  }();
  return d;
}

Deadline Due(const std::string& procedure, const std::string& at) {
  const Procedure* p = Catalogue().Find(procedure);
  EXPECT_NE(p, nullptr) << procedure;
  auto t = LocalTime::Parse(at, "at");
  if (!p || !t.ok()) return {};
  auto cut = CutoffOf(Catalogue(), *p, t->date);
  if (!cut.ok()) {
    ADD_FAILURE() << cut.status().ToString();
    return {};
  }
  auto d = ComputeDeadline(Catalogue().calendar(), *t, *cut, p->deadline, p->deadline_unit);
  if (!d.ok()) {
    ADD_FAILURE() << d.status().ToString();
    return {};
  }
  return *d;
}

TEST(ServicesCalendar, DeadlinesAcrossTetWeekendsAndHolidays) {
  // THE-02, 7 working days, received Fri 13/02/2026 10:00: Tết 16–20/02 and
  // the weekends skipped: 23, 24, 25, 26, 27/02, 02, 03/03.
  EXPECT_EQ(Due("THE-02", "2026-02-13T10:00").due.ToString(), "2026-03-03");
  // The same at 17:30 counts from the next working day, Mon 23/02: 24/02 … 04/03.
  Deadline late = Due("THE-02", "2026-02-13T17:30");
  EXPECT_TRUE(late.after_cutoff);
  EXPECT_EQ(late.counted_from.ToString(), "2026-02-23");
  EXPECT_EQ(late.due.ToString(), "2026-03-04");
  // Received on Saturday 14/02 (Tết): the count starts on 23/02 as well.
  EXPECT_EQ(Due("THE-02", "2026-02-14T09:00").due.ToString(), "2026-03-04");
  // 600, 5 working days from Wed 29/04/2026: 30/04 and 01/05 holidays, then
  // 04, 05, 06, 07, 08/05.
  EXPECT_EQ(Due("600", "2026-04-29T08:00").due.ToString(), "2026-05-08");
  // THE-03 (Decree 63/2024: cut-off 15:00), 3 working days from Fri
  // 24/04/2026: Mon 27/04 makes up Hùng Kings (Sun 26/04): 28, 29/04, 04/05.
  EXPECT_EQ(Due("THE-03", "2026-04-24T09:00").due.ToString(), "2026-05-04");
  // At 15:30 it counts from Tue 28/04: 29/04, 04/05, 05/05.
  EXPECT_EQ(Due("THE-03", "2026-04-24T15:30").due.ToString(), "2026-05-05");
  // Pension (CD-03): 20 days less public holidays (weekends count) from Mon
  // 09/02/2026: 10–15/02 are days 1–6, Tết 16–20/02 skipped, 21/02 … 06/03.
  EXPECT_EQ(Due("CD-03", "2026-02-09T09:00").due.ToString(), "2026-03-06");
  // 2025: Sat 26/04 was worked to make up Fri 02/05. 600 from Fri 25/04:
  // 26/04 (1), 28 (2), 29 (3), [30/04, 01/05, 02/05 off], 05/05 (4), 06/05 (5).
  EXPECT_EQ(Due("600", "2025-04-25T10:00").due.ToString(), "2025-05-06");
  // A year the calendar does not hold is flagged, never guessed silently.
  Deadline y27 = Due("600", "2027-01-04T09:00");
  EXPECT_TRUE(y27.beyond_calendar);
  EXPECT_FALSE(y27.notes.empty());
  EXPECT_FALSE(Due("600", "2026-06-01T09:00").beyond_calendar);
}

TEST(ServicesCalendar, TimesAndTheCatalogueAreValidated) {
  EXPECT_FALSE(LocalTime::Parse("2026-02-13 25:00", "at").ok());
  EXPECT_FALSE(LocalTime::Parse("13/02/2026", "at").ok());
  EXPECT_EQ(LocalTime::Parse("2026-02-13T08:05:59", "at")->ToString(), "2026-02-13T08:05");
  EXPECT_EQ(Catalogue().Find("600")->action, "declaration");
  EXPECT_TRUE(Catalogue().Find("600")->MayFile("employer"));
  EXPECT_FALSE(Catalogue().Find("600")->MayFile("citizen"));
  EXPECT_EQ(Catalogue().Find("CD-03")->deadline_unit, "days_excl_holidays");
}

class ServicesDb : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Date::SetTodayForTesting(Date::FromYmd(2025, 11, 3));
    ASSERT_TRUE(testing::JoinTestWorker(db(), *ctx_).ok());
    // The worker's HI card for 2025 (the join names no facility, so it
    // issues none).
    Registry reg(db(), ctx_->geo, ctx_->law);
    auto p = reg.PersonByCccd(testing::kWorkerCccd);
    ASSERT_TRUE(p.ok());
    auto cards = reg.CardsOfPerson(p->id);
    ASSERT_TRUE(cards.ok());
    if (cards->empty()) {
      ASSERT_FALSE(p->si_number.empty());
      auto c = reg.IssueCard({testing::kWorkerCccd, "DN401" + p->si_number, "2025-01-01", "2025-12-31", "01001", ""},
                             testing::TestOfficer());
      ASSERT_TRUE(c.ok()) << c.status().ToString();
    }
  }
  void TearDown() override {
    Date::SetTodayForTesting(std::nullopt);
    BackendTest::TearDown();
  }
  const ServicesData& data() { return ctx_->State<ServicesState>().data(); }
  ServiceEngines eng() { return {&ctx_->geo, &ctx_->law, &ctx_->State<BenefitsState>().law()}; }
  FileInput Input(const std::string& procedure, const std::string& channel, const std::string& filer_kind,
                  const std::string& filer_id, const std::string& at, const std::string& key) {
    FileInput in;
    in.procedure = procedure;
    in.channel = channel;
    in.filer_kind = filer_kind;
    in.filer_id = filer_id;
    in.filer_name = filer_kind == "employer" ? "Công ty 01A1" : "Trần Thị Bình";
    if (filer_kind == "citizen") in.cccd = filer_id;
    if (filer_kind == "employer") in.employer_code = filer_id;
    in.province = "01";
    in.received_at = at;
    in.idempotency_key = key;
    if (procedure == "SO-01") in.payload = {{"commune", "00002"}};  // what the correction asks for
    return in;
  }
  int64_t ActiveCards() {
    auto n = db().QueryInt("SELECT COUNT(*) FROM hi_cards c JOIN persons p ON p.id = c.person_id WHERE p.cccd = '" +
                           std::string(testing::kWorkerCccd) + "' AND c.status = 'active'");
    return n.ok() ? *n : -1;
  }
  Actor citizen_{"citizen:binh", {"citizen"}, "", "", "", testing::kWorkerCccd, "Trần Thị Bình"};
  Actor desk_{"user:motcua", {"provincial_officer"}, "01", "", "", "", "Lê Mai"};
  Actor officer_{"user:cb.the", {"provincial_officer"}, "01", "", "", "", "Phạm Hà"};
  Actor employer_{"employer:01A1", {"employer"}, "", "01A1", "", "", ""};
};

TEST_P(ServicesDb, ACardExchangeChangesTheRecordOnceAndIsRated) {
  FileInput in = Input("THE-02", "online", "citizen", testing::kWorkerCccd, "2025-11-07T16:00", "the-1");
  in.payload = {{"facility", "01002"}, {"reason", "Chuyển nơi làm việc"}};
  auto d = FileDossier(db(), data(), eng(), in, citizen_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  // Fri 07/11 16:00, 7 working days: 10, 11, 12, 13, 14, 17, 18/11.
  EXPECT_EQ(d->due_on, "2025-11-18");
  EXPECT_EQ(d->number, "BHXH.01-251107-010001");
  EXPECT_EQ(d->status, "received");
  // The same filing again is a replay; the same key for another is refused.
  auto again = FileDossier(db(), data(), eng(), in, citizen_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, d->id);
  FileInput other = in;
  other.payload["facility"] = "01003";
  EXPECT_EQ(FileDossier(db(), data(), eng(), other, citizen_).status().code(), "idempotency_conflict");
  auto h = HandOver(db(), d->id, "Phòng Cấp sổ, thẻ", "cb.the", "", "2025-11-10T08:30", desk_);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->status, "processing");
  EXPECT_EQ(h->holder_unit, "Phòng Cấp sổ, thẻ");
  ASSERT_EQ(h->steps.size(), 2u);
  EXPECT_EQ(h->steps[1].from_unit, "Bộ phận một cửa");
  // A step cannot be dated before the last one.
  EXPECT_EQ(HandOver(db(), d->id, "Phòng X", "x", "", "2025-11-09T08:00", desk_).status().field(), "at");
  EXPECT_EQ(ActiveCards(), 1);
  auto r = ReturnResult(db(), data(), eng(), d->id, "", "2025-11-12T10:00", officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, "returned");
  EXPECT_EQ(r->outcome, "early");
  EXPECT_EQ(r->result["facility"], "01002");
  EXPECT_EQ(ActiveCards(), 1);  // the old card withdrawn, the new one active
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM hi_cards WHERE status = 'withdrawn'"), 1);
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_EQ(r->events[0].first, "person.changed");
  // Exactly once: a second result is refused and changes nothing.
  EXPECT_EQ(ReturnResult(db(), data(), eng(), d->id, "", "2025-11-12T11:00", officer_).status().code(), "conflict");
  EXPECT_EQ(Count("hi_cards"), 2);
  // Rated by the filer on the five factors; once.
  EXPECT_EQ(RateDossier(db(), d->id, {5, 4, 5, 4, 6, "", "", ""}, citizen_).status().field(), "feedback_handling");
  auto rated = RateDossier(db(), d->id, {5, 4, 5, 4, 5, "Nhanh", "", ""}, citizen_);
  ASSERT_TRUE(rated.ok()) << rated.status().ToString();
  EXPECT_DOUBLE_EQ(rated->rating->Mean(), 4.6);
  EXPECT_EQ(RateDossier(db(), d->id, {5, 5, 5, 5, 5, "", "", ""}, citizen_).status().code(), "conflict");
  auto slip = SlipHtml(db(), data(), d->id, "01");
  ASSERT_TRUE(slip.ok());
  EXPECT_NE(slip->find("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), std::string::npos);
  EXPECT_NE(slip->find("18/11/2025"), std::string::npos);
}

// TN-01 for someone not yet in the record: the result registers the person
// from the TK1-TS fields and opens the voluntary period, once. SO-01 corrects
// the registered name and commune; a birth year the CCCD contradicts is
// refused and changes nothing.
TEST_P(ServicesDb, VoluntaryRegistrationAndACorrectionChangeTheRegistryOnce) {
  const std::string cccd = "001090000021";
  FileInput in = Input("TN-01", "online", "citizen", cccd, "2025-11-10T09:00", "tn-1");
  in.filer_name = "Đỗ Văn Hải";
  in.payload = {{"full_name", "Đỗ Văn Hải"}, {"dob", "1990-04-04"}, {"sex", "1"}, {"province", "01"}, {"commune", "00003"},
                {"from_month", "2025-12"}, {"income", 3000000}};
  Actor hai{"citizen:hai", {"citizen"}, "", "", "", cccd, "Đỗ Văn Hải"};
  auto d = FileDossier(db(), data(), eng(), in, hai);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  auto r = ReturnResult(db(), data(), eng(), d->id, "", "2025-11-12T10:00", officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->result["from_month"], "2025-12");
  EXPECT_EQ(r->result["income"], 3000000);
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM periods p JOIN persons pe ON pe.id = p.person_id WHERE pe.cccd = '" + cccd +
                           "' AND p.group_code = 'BHXHTN' AND p.employer_id IS NULL AND p.salary = 3000000 AND p.from_month = " +
                           std::to_string(2025 * 12 + 11)),
            1);
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM persons WHERE cccd = '" + cccd + "' AND commune = '00003'"), 1);
  EXPECT_EQ(ReturnResult(db(), data(), eng(), d->id, "", "2025-11-12T11:00", officer_).status().code(), "conflict");
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM periods WHERE group_code = 'BHXHTN'"), 1);
  // A worker in compulsory SI (01A1 since 01/2025) cannot also register as voluntary.
  FileInput busy = Input("TN-01", "online", "citizen", testing::kWorkerCccd, "2025-11-10T09:10", "tn-2");
  busy.payload = {{"from_month", "2025-12"}, {"income", 3000000}};
  EXPECT_EQ(FileDossier(db(), data(), eng(), busy, citizen_).status().field(), "payload.from_month");

  FileInput fix = Input("SO-01", "online", "citizen", testing::kWorkerCccd, "2025-11-10T09:30", "so-1");
  fix.payload = {{"full_name", "Trần Thị Bình An"}, {"commune", "00009"}};
  auto c = FileDossier(db(), data(), eng(), fix, citizen_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto cr = ReturnResult(db(), data(), eng(), c->id, "", "2025-11-11T10:00", officer_);
  ASSERT_TRUE(cr.ok()) << cr.status().ToString();
  EXPECT_EQ(cr->result["full_name"], "Trần Thị Bình An");
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM persons WHERE cccd = '" + std::string(testing::kWorkerCccd) +
                           "' AND full_name = 'Trần Thị Bình An' AND commune = '00009' AND dob = '1966-03-02'"),
            1);
  FileInput wrong = Input("SO-01", "online", "citizen", testing::kWorkerCccd, "2025-11-10T09:40", "so-2");
  wrong.payload = {{"dob", "1970-03-02"}};  // the CCCD says born in 1966
  auto w = FileDossier(db(), data(), eng(), wrong, citizen_);
  ASSERT_TRUE(w.ok());
  auto wr = ReturnResult(db(), data(), eng(), w->id, "", "2025-11-11T10:00", officer_);
  EXPECT_FALSE(wr.ok());
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM persons WHERE cccd = '" + std::string(testing::kWorkerCccd) +
                           "' AND dob = '1966-03-02'"),
            1);
  auto still = GetDossier(db(), w->id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->status, "received");
}

// Filings at the same moment from several counters take consecutive
// numbers of the day: the day's sequence is one row, locked by its upsert.
TEST_P(ServicesDb, SimultaneousFilingsTakeConsecutiveNumbers) {
  std::vector<std::thread> counters;
  std::mutex m;
  std::vector<std::string> numbers, errors;
  for (int t = 0; t < 2; ++t)
    counters.emplace_back([&, t] {
      for (int k = 0; k < 5; ++k) {
        auto lease = ctx_->pool->Acquire();
        if (!lease.ok()) {
          std::lock_guard<std::mutex> g(m);
          errors.push_back(lease.status().ToString());
          continue;
        }
        FileInput in = Input("THE-02", "online", "citizen", testing::kWorkerCccd, "2025-11-07T09:00",
                             "same-day-" + std::to_string(t) + "-" + std::to_string(k));
        in.payload = {{"facility", "01002"}, {"reason", "Chuyển nơi làm việc"}};
        auto d = FileDossier(**lease, data(), eng(), in, citizen_);
        std::lock_guard<std::mutex> g(m);
        if (d.ok())
          numbers.push_back(d->number);
        else
          errors.push_back(d.status().ToString());
      }
    });
  for (auto& c : counters) c.join();
  EXPECT_TRUE(errors.empty()) << errors.front();
  std::sort(numbers.begin(), numbers.end());
  std::vector<std::string> want;
  for (int n = 1; n <= 10; ++n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", n);
    want.push_back("BHXH.01-251107-01" + std::string(buf));
  }
  EXPECT_EQ(numbers, want);
}

TEST_P(ServicesDb, ALateDossierGetsItsApologyAndStaysLate) {
  auto d = FileDossier(db(), data(), eng(), Input("SO-01", "desk", "citizen", testing::kWorkerCccd, "2025-11-03T09:00", "so-1"), desk_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->due_on, "2025-11-10");  // 5 working days: 04, 05, 06, 07, 10/11
  // On Fri 07/11 it is due within one working day and has no apology yet.
  DossierFilter f;
  f.needs_apology = true;
  auto need = ListDossiers(db(), data(), f, Date::FromYmd(2025, 11, 7), 50, 0);
  ASSERT_TRUE(need.ok());
  ASSERT_EQ(need->total, 1);
  EXPECT_EQ(need->rows[0].working_days_left, 1);
  EXPECT_EQ(ListDossiers(db(), data(), f, Date::FromYmd(2025, 11, 5), 50, 0)->total, 0);
  EXPECT_EQ(Apologise(db(), data(), d->id, "2025-11-08", "Chờ xác minh", "2025-11-07T15:00", desk_).status().field(), "new_due");
  EXPECT_EQ(Apologise(db(), data(), d->id, "2025-11-15", "Chờ xác minh", "2025-11-07T15:00", desk_).status().field(),
            "new_due");  // a Saturday
  auto a = Apologise(db(), data(), d->id, "2025-11-14", "Chờ xác minh thông tin với cơ quan công an", "2025-11-07T15:00", desk_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_FALSE(a->apology_late);  // one working day before the deadline
  EXPECT_EQ(a->new_due_on, "2025-11-14");
  EXPECT_EQ(ListDossiers(db(), data(), f, Date::FromYmd(2025, 11, 7), 50, 0)->total, 0);
  auto r = ReturnResult(db(), data(), eng(), d->id, "Đã điều chỉnh", "2025-11-13T09:00", officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, "late");  // met the new date, still past the legal one
  auto s4 = SlipHtml(db(), data(), d->id, "04");
  ASSERT_TRUE(s4.ok());
  EXPECT_NE(s4->find("14/11/2025"), std::string::npos);
  auto s5 = SlipHtml(db(), data(), d->id, "05");
  ASSERT_TRUE(s5.ok());
  EXPECT_NE(s5->find("Quá hạn"), std::string::npos);
  EXPECT_EQ(SlipHtml(db(), data(), d->id, "03").status().code(), "not_found");
}

TEST_P(ServicesDb, ADeclarationDossierWaitsForDocumentsThenAppliesOnce) {
  FileInput in = Input("600", "online", "employer", "01A1", "2025-11-03T10:00", "d02-1");
  in.payload = {{"month", "2025-11"},
                {"rows", {{{"action", "join"}, {"cccd", "001192012346"}, {"effective_month", "2025-11"}, {"salary", 9000000},
                           {"full_name", "Lê Thị Cúc"}, {"dob", "1992-05-01"}, {"sex", "2"}, {"province", "01"}}}}};
  auto d = FileDossier(db(), data(), eng(), in, employer_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->due_on, "2025-11-10");
  auto s = RequestSupplement(db(), d->id, {"Hợp đồng lao động"}, "", "2025-11-04T09:00", desk_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->status, "supplement");
  // Waiting for documents stops the clock: no apology is due on Fri 07/11.
  DossierFilter apology;
  apology.needs_apology = true;
  EXPECT_EQ(ListDossiers(db(), data(), apology, Date::FromYmd(2025, 11, 7), 50, 0)->total, 0);
  EXPECT_EQ(ReturnResult(db(), data(), eng(), d->id, "", "2025-11-05T09:00", officer_).status().code(), "conflict");
  // Complete on Thu 06/11 at 16:00: the count restarts, 07, 10, 11, 12, 13/11.
  auto got = SupplementReceived(db(), data(), d->id, "", "2025-11-06T16:00", desk_);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->due_on, "2025-11-13");
  int64_t persons = Count("persons");
  auto r = ReturnResult(db(), data(), eng(), d->id, "", "2025-11-13T10:00", officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, "on_time");
  EXPECT_EQ(r->result["joined"], 1);
  EXPECT_EQ(Count("persons"), persons + 1);
  EXPECT_EQ(ReturnResult(db(), data(), eng(), d->id, "", "2025-11-13T11:00", officer_).status().code(), "conflict");
  EXPECT_EQ(Count("persons"), persons + 1);
  // The month's indicators: 2 dossiers finished, both in time; one of them
  // online; 5 working days of handling (06/11 → 13/11).
  auto ind = ComputeServiceIndicators(db(), data(), {}, Date::FromYmd(2025, 11, 1), Date::FromYmd(2025, 11, 30), Date::FromYmd(2025, 11, 30));
  ASSERT_TRUE(ind.ok()) << ind.status().ToString();
  EXPECT_EQ(ind->on_time.numerator, 1);
  EXPECT_EQ(ind->on_time.denominator, 1);
  EXPECT_EQ(ind->online_dossiers.numerator, 1);
  ASSERT_EQ(ind->by_procedure.size(), 1u);
  EXPECT_DOUBLE_EQ(ind->by_procedure[0].avg_working_days, 5.0);
  EXPECT_FALSE(ind->satisfaction_pct.has_value());  // no rating: no value, not 0
}

TEST_P(ServicesDb, BadInputIsRefusedAndStoresNothing) {
  // A citizen may not file the employer's procedure 600.
  auto no = FileDossier(db(), data(), eng(), Input("600", "online", "citizen", testing::kWorkerCccd, "2025-11-03T09:00", "b1"), citizen_);
  EXPECT_EQ(no.status().code(), "not_allowed");
  // The pension is not fully online: it is filed at the desk.
  FileInput pen = Input("CD-03", "online", "citizen", testing::kWorkerCccd, "2025-11-03T09:00", "b2");
  pen.payload = {{"event_date", "2026-03-02"}};
  EXPECT_EQ(FileDossier(db(), data(), eng(), pen, citizen_).status().field(), "channel");
  EXPECT_EQ(FileDossier(db(), data(), eng(), Input("XYZ", "online", "citizen", testing::kWorkerCccd, "", "b3"), citizen_).status().code(),
            "not_found");
  // An exchange without the new facility names the field.
  EXPECT_EQ(FileDossier(db(), data(), eng(), Input("THE-02", "online", "citizen", testing::kWorkerCccd, "", "b4"), citizen_).status().field(),
            "payload.facility");
  EXPECT_EQ(Count("dossiers"), 0);
  // An attachment over the limit (10 MiB) is refused whole.
  auto d = FileDossier(db(), data(), eng(), Input("SO-01", "desk", "citizen", testing::kWorkerCccd, "2025-11-03T09:00", "b5"), desk_);
  ASSERT_TRUE(d.ok());
  std::string big(10 * 1024 * 1024 + 1, 'x');
  EXPECT_EQ(AddAttachment(db(), data(), d->id, "scan.pdf", "application/pdf", big, desk_).status().code(), "payload_too_large");
  EXPECT_EQ(Count("dossier_attachments"), 0);
  auto a = AddAttachment(db(), data(), d->id, "don.pdf", "application/pdf", "%PDF-1.4 test", desk_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->sha256.size(), 64u);
  auto back = ReadAttachment(db(), d->id, 1);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->second, "%PDF-1.4 test");
  // Changed in the database behind the system's back: caught on reading.
  ASSERT_TRUE(db().Exec("UPDATE dossier_attachments SET content = 'JVBERi0xLjQgdGVzdQ==' WHERE seq = 1").ok());
  EXPECT_EQ(ReadAttachment(db(), d->id, 1).status().code(), "integrity");
  // Refusal needs reasons; afterwards nothing moves.
  EXPECT_EQ(Refuse(db(), d->id, {}, "2025-11-04T09:00", desk_).status().field(), "reasons");
  ASSERT_TRUE(Refuse(db(), d->id, {"Không đúng đối tượng"}, "2025-11-04T09:00", desk_).ok());
  EXPECT_EQ(HandOver(db(), d->id, "Phòng X", "x", "", "2025-11-05T09:00", desk_).status().code(), "conflict");
  EXPECT_NE(SlipHtml(db(), data(), d->id, "03")->find("Không đúng đối tượng"), std::string::npos);
}

TEST_P(ServicesDb, FeedbackIsAnsweredWithinItsDeadlineAndCorrectionsMoveTheCalendar) {
  auto f = ReceiveFeedback(db(), data(), {"2025-11-03", "01", "Trần Thị Bình", testing::kWorkerCccd, "Chậm trả thẻ", "Nội dung", "fb-1"},
                           citizen_);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->due_on, "2025-11-17");  // 10 working days from Mon 03/11
  ASSERT_TRUE(AnswerFeedback(db(), f->id, "2025-11-12", "Đã cấp thẻ", officer_).ok());
  ASSERT_TRUE(JudgeAnswer(db(), f->id, true, citizen_).ok());
  auto ind = ComputeServiceIndicators(db(), data(), {}, Date::FromYmd(2025, 11, 1), Date::FromYmd(2025, 11, 30), Date::FromYmd(2025, 11, 30));
  ASSERT_TRUE(ind.ok());
  EXPECT_EQ(ind->feedback_on_time.numerator, 1);
  EXPECT_EQ(ind->feedback_satisfied.numerator, 1);
  // An officer declares Mon 10/11/2025 a day off: a dossier of 5 working days
  // received Mon 03/11 is now due Tue 11/11.
  ASSERT_TRUE(SetCalendarDay(db(), {Date::FromYmd(2025, 11, 10), "day_off", "Nghỉ theo thông báo", "TB số 1/TB-UBND", ""}, officer_).ok());
  auto d = FileDossier(db(), data(), eng(), Input("SO-01", "desk", "citizen", testing::kWorkerCccd, "2025-11-03T09:00", "c1"), desk_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->due_on, "2025-11-11");
  EXPECT_EQ(SetCalendarDay(db(), {Date::FromYmd(2025, 11, 11), "holiday", "", "x", ""}, officer_).field(), "name");
}

INSTANTIATE_TEST_SUITE_P(Backends, ServicesDb, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
