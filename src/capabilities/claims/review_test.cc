// Review against the national database and the catalogues, stored with
// versions; settlement counts the current version once.
#include "claims/review.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "base/csv.h"
#include "base/text.h"
#include "base/xlsx.h"
#include "base/zip.h"
#include "capabilities/all.h"
#include "claims/checkin.h"
#include "claims/module.h"
#include "claims/portal.h"
#include "claims/settlement.h"
#include "claims/synth.h"
#include "eligibility/module.h"
#include "store/migrations.h"
#include "store/partitioned.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

using testing::BackendTest;
using testing::TestOfficer;

const char* kDrugs =
    "facility,drug_code,name,tt_thau,unit_price,valid_from,valid_to\n"
    "01001,40.17,Paracetamol 500mg,QĐ123;G1;N4;2026,1100,2026-01-01,2026-12-31\n"
    "01001,40.678,Amoxicillin 500mg,QĐ123;G1;N4;2026,1000,2026-01-01,2026-12-31\n";  // claimed at 1,200
const char* kServices =
    "facility,service_code,name,group_code,unit_price,valid_from,valid_to\n"
    "01001,02.1896,Khám Nội,13,38700,2026-01-01,2026-12-31\n"
    "01001,02.1897,Khám Tai Mũi Họng,13,38700,2026-01-01,2026-12-31\n"
    "01001,22.0120.1370,Tổng phân tích tế bào máu,1,46200,2026-01-01,2026-12-31\n"
    "01001,K01.1911,Giường Nội khoa loại 1,15,199100,2026-01-01,2026-12-31\n";

class Review : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    std::vector<CardRecord> recs;
    for (CardRecord& r : SynthCards(8)) {
      if (r.si_number == "0100000005") r.card_code = "DN3" + r.card_code.substr(3);  // the national record says level 3
      if (r.si_number != "0100000006") recs.push_back(r);                            // patient 6 has no card
    }
    ctx_->State<EligibilityState>().cards().Build(recs);
    ASSERT_TRUE(ImportCatalogue(db(), "drugs", kDrugs, TestOfficer())->accepted);
    ASSERT_TRUE(ImportCatalogue(db(), "services", kServices, TestOfficer())->accepted);
    ASSERT_TRUE(ctx_->State<ClaimsState>().ReloadCatalogue(*ctx_).ok());
  }
  Result<ReviewResult> Submit(const std::string& xml, const std::string& key) {
    auto cat = ctx_->State<ClaimsState>().catalogue();
    ReviewDeps deps{ctx_->State<ClaimsState>().schema, ctx_->law, ctx_->State<EligibilityState>().cards(), *cat};
    return SubmitClaims(db(), deps, xml, key, TestOfficer());
  }
  std::string Envelope(int n, std::vector<SynthDefect> defects = {}, uint64_t seed = 1, std::string prefix = "LK") {
    SynthOptions o;
    o.ma_lk_prefix = prefix;
    o.encounters = n;
    o.seed = seed;
    o.defects = std::move(defects);
    return SynthEnvelope(ctx_->law, o);
  }
  // The envelope's first encounter admitted an hour later (07:30 → 08:30):
  // another visit of the same patient the same day, not a duplicate.
  static std::string AnHourLater(std::string envelope) {
    size_t at = envelope.find("<NOIDUNGFILE>");  // XML1 is the first file
    size_t end = envelope.find("</NOIDUNGFILE>", at);
    if (at == std::string::npos || end == std::string::npos) return "";
    auto x1 = DecodeBase64(envelope.substr(at + 13, end - at - 13));
    if (!x1.ok()) return "";
    size_t vao = x1->find("<NGAY_VAO>");
    if (vao == std::string::npos) return "";
    x1->replace(vao + 10 + 8, 4, "0830");
    envelope.replace(at + 13, end - at - 13, EncodeBase64(*x1));
    return envelope;
  }
  static std::set<std::string> Rules(const ReviewedEncounter& e) {
    std::set<std::string> s;
    for (const auto& f : e.report.findings) s.insert(f.rule);
    return s;
  }
};

TEST_P(Review, PriceAboveTheBidRejectsOnlyTheFundShareOfTheExcess) {
  auto r = Submit(Envelope(5), "k1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->encounters.size(), 5u);
  const ReviewedEncounter& e = r->encounters[0];
  EXPECT_EQ(Rules(e), std::set<std::string>{"DRUG-PRICE-ABOVE-BID"});
  // Amoxicillin: 14 × (1,200 − 1,000) = 2,800 VND over the bid, × MUC_HUONG.
  const LineOutcome* amox = nullptr;
  for (const auto& l : e.lines)
    if (l.code == "40.678") amox = &l;
  ASSERT_NE(amox, nullptr);
  int64_t muc = amox->claimed == 14 * 1200 * 1000 ? 100 : 80;
  EXPECT_EQ(amox->claimed, 14 * 1200 * 10 * muc);  // 16,800 × muc% in thousandths
  EXPECT_EQ(amox->rejected, 2800 * 10 * muc);      // 2,800 × muc%
  EXPECT_EQ(amox->approved, amox->claimed - amox->rejected);
  EXPECT_EQ(e.rejected, amox->rejected);
}

TEST_P(Review, NationalCardDataDecides) {
  auto r = Submit(Envelope(8), "k1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Rules(r->encounters[5]).count("CARD-DB-LEVEL"), 1u);
  EXPECT_EQ(Rules(r->encounters[6]).count("CARD-NO-DATA"), 1u);
  // An encounter-level rejection rejects every line.
  EXPECT_EQ(r->encounters[6].approved, 0);
  EXPECT_EQ(r->encounters[6].rejected, r->encounters[6].claimed);
  EXPECT_EQ(Rules(r->encounters[1]).count("CARD-NO-DATA"), 0u);
}

// The portal's card lookup (KQNhanLichSuKCB2024): the card with its dates
// as dd/MM/yyyy and the person's visits from the stored claims, newest
// first, times as yyyyMMddHHmm; a wrong name answers 060 without history.
TEST_P(Review, ThePortalCardLookupAnswersInThePortalsShape) {
  ASSERT_TRUE(Submit(Envelope(3), "k1").ok());
  const CardRecord card = SynthCards(8)[0];
  auto& cards = ctx_->State<EligibilityState>().cards();
  auto dob = PortalDateToIso(card.dob.ToString().size() == 10 ? Date::Parse(card.dob.ToString(), "d")->ToVi()
                                                              : std::to_string(card.dob.year),
                             "ngaySinh");
  ASSERT_TRUE(dob.ok()) << dob.status().ToString();
  auto a = cards.Check({card.card_code, "01001", "", card.full_name, *dob});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto visits = RecentVisits(db(), card.si_number, 20);
  ASSERT_TRUE(visits.ok()) << visits.status().ToString();
  ASSERT_EQ(visits->size(), 1u);  // the first synthetic encounter is this person's
  Json j = PortalCardAnswer(*a, *visits);
  EXPECT_EQ(j["maKetQua"], "000");
  EXPECT_EQ(j["maThe"], card.card_code);
  EXPECT_EQ(j["gtTheTu"], card.valid_from.ToVi());
  EXPECT_EQ(j["gtTheDen"], card.valid_to.ToVi());
  EXPECT_EQ(j["maDKBD"], card.facility);
  ASSERT_EQ(j["dsLichSuKCB2018"].size(), 1u);
  const Json& v = j["dsLichSuKCB2018"][0];
  EXPECT_EQ(v["maCSKCB"], "01001");
  EXPECT_EQ(v["ngayVao"].get<std::string>().size(), 12u);
  EXPECT_FALSE(v["maBenh"].get<std::string>().empty());
  auto wrong = cards.Check({card.card_code, "01001", "", "Người Khác Hẳn", *dob});
  ASSERT_TRUE(wrong.ok());
  // 061 when the card's name also begins with N (a slip), 060 otherwise.
  auto folded = FoldForSearch(card.full_name);
  ASSERT_TRUE(folded.ok());
  EXPECT_EQ(wrong->code, folded->front() == 'n' ? "061" : "060") << card.full_name;
  EXPECT_EQ(PortalDateToIso("31-12-1985", "ngaySinh").status().field(), "ngaySinh");
  EXPECT_EQ(*PortalDateToIso("05/03/1985", "ngaySinh"), "1985-03-05");
}

// The check-in table (XML0): each card checked on the admission date with
// the portal's code, an emergency without a card accepted, the same MA_LK
// sent again replacing the first; a wrong row refuses the whole table.
TEST_P(Review, CheckinsAreCheckedAndStoredOncePerEncounter) {
  const CardRecord card = SynthCards(8)[0];
  // The name as on the card: the check compares it (another name answers 060).
  auto row = [&card](const std::string& lk, const std::string& the, const std::string& group, const std::string& vao,
                     const std::string& facility) {
    return "<TRANG_THAI_KCB><MA_LK>" + lk + "</MA_LK><STT>1</STT><HO_TEN>" + card.full_name + "</HO_TEN><MA_THE_BHYT>" + the +
           "</MA_THE_BHYT><MA_DOITUONG_KCB>" + group + "</MA_DOITUONG_KCB><NGAY_VAO>" + vao +
           "</NGAY_VAO><MA_LOAI_KCB>01</MA_LOAI_KCB><MA_CSKCB>" + facility + "</MA_CSKCB></TRANG_THAI_KCB>";
  };
  auto doc = [](const std::string& rows) {
    return "<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB>" + rows + "</DSACH_TRANG_THAI_KCB></CHI_TIEU_TRANG_THAI_KCB>";
  };
  const std::string day = card.valid_from.AddDays(10).ToString();
  const std::string vao = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + "0815";
  auto& cards = ctx_->State<EligibilityState>().cards();
  auto r = ReceiveCheckins(db(), cards,
                           doc(row("CI-1", card.card_code, "1.1", vao, "01001") + row("CI-2", "DN4019999999999", "1.1", vao, "01001") +
                               row("CI-3", "", "2", vao, "01001")),
                           "01001", TestOfficer());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->errors.empty()) << r->errors[0].message_en;
  ASSERT_EQ(r->rows.size(), 3u);
  EXPECT_EQ(r->rows[0].card_result, "000");
  EXPECT_EQ(r->rows[1].card_result, "050");  // not in the national record
  EXPECT_EQ(r->rows[2].card_result, "");     // an emergency without a card
  EXPECT_EQ(Count("claim_checkins"), 3);
  // Sent again for CI-1: replaced, not added.
  ASSERT_TRUE(ReceiveCheckins(db(), cards, doc(row("CI-1", card.card_code, "1.1", vao, "01001")), "01001", TestOfficer()).ok());
  EXPECT_EQ(Count("claim_checkins"), 3);
  auto listed = ListCheckins(db(), {"01001"}, *Date::Parse(day, "d"), 100);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 3u);
  // Another facility's code, a bad time and a missing card refuse the table.
  auto bad = ReceiveCheckins(db(), cards,
                             doc(row("CI-4", card.card_code, "1.1", vao, "01002") + row("CI-5", card.card_code, "1.1", "2026", "01001") +
                                 row("CI-6", "", "1.1", vao, "01001")),
                             "01001", TestOfficer());
  ASSERT_TRUE(bad.ok());
  ASSERT_EQ(bad->errors.size(), 3u);
  EXPECT_EQ(bad->errors[0].field, "MA_CSKCB");
  EXPECT_EQ(bad->errors[1].field, "NGAY_VAO");
  EXPECT_EQ(bad->errors[2].field, "MA_THE_BHYT");
  EXPECT_EQ(Count("claim_checkins"), 3);
  EXPECT_EQ(ReceiveCheckins(db(), cards, "<a><b>", "", TestOfficer()).status().field(), "body");
  EXPECT_EQ(ReceiveCheckins(db(), cards, "<X/>", "", TestOfficer()).status().field(), "body");
}

TEST_P(Review, TheNationalCardMustCoverTheDischargeDate) {
  // Patient 0's national card ends on 2026-11-18, before the stay ends on 2026-11-20.
  std::vector<CardRecord> recs = SynthCards(8);
  recs[0].valid_to = Date::FromYmd(2026, 11, 18);
  ctx_->State<EligibilityState>().cards().Build(recs);
  SynthOptions o;
  o.encounters = 1;
  o.defects = {{0, "bed_days"}};  // makes it an inpatient stay (admitted 2026-11-16)
  auto r = Submit(SynthEnvelope(ctx_->law, o), "k-discharge");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Rules(r->encounters[0]).count("CARD-DB-EXPIRES-BEFORE-DISCHARGE"), 1u);
}

TEST_P(Review, ResendingKeepsHistoryAndSettlesOnce) {
  std::string xml = Envelope(3);
  auto a = Submit(xml, "k1");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto again = Submit(xml, "k1");  // a retry: same key
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->txn, a->txn);
  auto b = Submit(xml, "k2");  // the facility sends the same encounters again
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->encounters[0].version, 2);
  EXPECT_EQ(Count("claims"), 6);
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM claims WHERE is_current = 1"), 3);
  // Not a duplicate of itself.
  EXPECT_EQ(Rules(b->encounters[0]).count("DUPLICATE-CLAIM"), 0u);
  auto s = SettleQuarter(db(), "01001", "2026-Q4");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->encounters, 3);
  int64_t approved = 0;
  for (const auto& e : b->encounters) approved += e.approved;
  EXPECT_EQ(s->approved, approved);
  // An advance counts only once another officer approves it (four eyes).
  auto adv = RecordAdvance(db(), {"01001", "2026-Q4", "100000", "2026-10-05", "TU-1"}, TestOfficer());
  ASSERT_TRUE(adv.ok()) << adv.status().ToString();
  EXPECT_EQ(adv->status, "pending");
  EXPECT_EQ(SettleQuarter(db(), "01001", "2026-Q4")->advances, 0);
  auto replay = RecordAdvance(db(), {"01001", "2026-Q4", "100000", "2026-10-05", "TU-1"}, TestOfficer());
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->id, adv->id);
  EXPECT_EQ(RecordAdvance(db(), {"01001", "2026-Q4", "200000", "2026-10-05", "TU-1"}, TestOfficer()).status().code(),
            "conflict");
  EXPECT_EQ(DecideAdvance(db(), adv->id, true, "", TestOfficer()).status().code(), "four_eyes");
  Actor second{"officer:second", {"officer"}, "", "", "", ""};
  EXPECT_EQ(DecideAdvance(db(), adv->id, false, "", second).status().field(), "note");
  auto ok = DecideAdvance(db(), adv->id, true, "", second);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->status, "approved");
  EXPECT_EQ(ok->decided_by, "officer:second");
  EXPECT_EQ(DecideAdvance(db(), adv->id, false, "x", second).status().code(), "conflict");
  // A rejected advance never counts.
  auto other = RecordAdvance(db(), {"01001", "2026-Q4", "700000", "2026-11-05", "TU-2"}, TestOfficer());
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(DecideAdvance(db(), other->id, false, "Sai số tiền", second).ok());
  s = SettleQuarter(db(), "01001", "2026-Q4");
  EXPECT_EQ(s->advances, 100'000);
  EXPECT_EQ(s->to_settle, approved - 100'000'000);
  EXPECT_GT(s->rejected_by_reason.at("DRUG-PRICE-ABOVE-BID"), 0);
}

// A correction that moves an encounter's discharge into another month: the
// version stored under the old month is retired there, the new one is
// current under the new month, and the facility's directory of current
// versions follows (on PostgreSQL each in its own month's partition).
TEST_P(Review, ACorrectionIntoAnotherMonthRetiresTheVersionInItsOldMonth) {
  SynthOptions o;
  o.encounters = 3;
  ctx_->State<EligibilityState>().cards().Build(SynthCards(8, Date::FromYmd(2026, 12, 3)));
  auto a = Submit(SynthEnvelope(ctx_->law, o), "k-nov");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  o.day = Date::FromYmd(2026, 12, 3);  // same MA_LK values, discharged in December
  auto b = Submit(SynthEnvelope(ctx_->law, o), "k-dec");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->encounters[0].version, 2);
  EXPECT_EQ(Joined("SELECT month || ':' || is_current || ':' || version FROM claims ORDER BY id"),
            "202611:0:1,202611:0:1,202611:0:1,202612:1:2,202612:1:2,202612:1:2");
  EXPECT_EQ(Text("SELECT COUNT(*) || ':' || MIN(version) || ':' || MIN(month) FROM claim_keys"), "3:2:202612");
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM claim_keys k JOIN claims c ON c.id = k.claim_id AND c.is_current = 1"),
            3);
  // Where province 01 lives on this server (not on a test shard, where
  // the coordinator sees one foreign table: ClaimsSharding looks there),
  // each version is in its month's partition.
  if (GetParam() == "postgres" && Text("SELECT relkind FROM pg_class WHERE relname = 'claims_p01'") == "p") {
    EXPECT_EQ(Text("SELECT string_agg(DISTINCT tableoid::regclass::text, ',') FROM claims"),
              "claims_p01_m202611,claims_p01_m202612");
    EXPECT_EQ(Text("SELECT string_agg(DISTINCT tableoid::regclass::text, ',') FROM claim_lines"),
              "claim_lines_p01_m202611,claim_lines_p01_m202612");
  }
  // Settled by the month of discharge: November's quarter counts nothing
  // current from these encounters any more, December's all three.
  auto s = SettleQuarter(db(), "01001", "2026-Q4");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->encounters, 3);
}

// The same MA_LK twice in one envelope (a duplicate the pre-check flags):
// both are stored, numbered on, and only the last is current.
TEST_P(Review, AnEncounterRepeatedInOneEnvelopeKeepsItsLastAsCurrent) {
  auto cat = ctx_->State<ClaimsState>().catalogue();
  ReviewDeps deps{ctx_->State<ClaimsState>().schema, ctx_->law, ctx_->State<EligibilityState>().cards(), *cat};
  auto prep = PrepareReview(deps, Envelope(3), "k-dup", TestOfficer());
  ASSERT_TRUE(prep.ok()) << prep.status().ToString();
  prep->encounters[2].ma_lk = prep->encounters[0].ma_lk;
  auto r = CommitReview(db(), deps, std::move(*prep), TestOfficer());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->encounters[0].version, 1);
  EXPECT_EQ(r->encounters[2].version, 2);
  EXPECT_EQ(Joined("SELECT ma_lk || ':' || version || ':' || is_current FROM claims ORDER BY id"),
            "LK1-0:1:0,LK1-1:1:1,LK1-0:2:1");
  EXPECT_EQ(Joined("SELECT ma_lk || ':' || version || ':' || claim_id FROM claim_keys ORDER BY ma_lk"),
            "LK1-0:2:" + std::to_string(r->encounters[2].claim_id) + ",LK1-1:1:" +
                std::to_string(r->encounters[1].claim_id));
}

// A batch of files: on PostgreSQL stored through two connections at once
// (each facility's on one), on SQLite in turn; either way each facility's
// envelopes are stored in the files' order, results come back in that
// order, a file sent twice is applied once, and a file that cannot be read
// stops the batch with its name while what was stored before stays.
TEST_P(Review, ABatchOfFilesIsStoredInOrderPerFacility) {
  const char* before = std::getenv("BHXH_WRITE_CONNECTIONS");
  std::string saved = before ? before : "";
  setenv("BHXH_WRITE_CONNECTIONS", "2", 1);
  std::string dir = ::testing::TempDir() + "/bhxh_batch_" + std::to_string(::getpid()) + "_" + GetParam();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  };
  auto envelope = [&](const std::string& facility, int n, uint64_t seed, int offset) {
    SynthOptions o;
    o.facility = facility;
    o.encounters = n;
    o.seed = seed;
    o.patient_offset = offset;
    return SynthEnvelope(ctx_->law, o);
  };
  std::string a = envelope("01001", 3, 1, 0), b = envelope("01002", 2, 2, 3), c = envelope("01003", 2, 3, 5);
  std::vector<std::string> files = {write("1.xml", a), write("2.xml", b),
                                    write("3.xml", a + "\n"),  // 01001 again: its encounters' second versions
                                    write("4.xml", b),          // the same bytes as 2.xml: applied once
                                    write("5.xml", c)};
  auto cat = ctx_->State<ClaimsState>().catalogue();
  ReviewDeps deps{ctx_->State<ClaimsState>().schema, ctx_->law, ctx_->State<EligibilityState>().cards(), *cat};
  std::vector<std::string> order;
  std::vector<ReviewResult> results;
  Status s = SubmitFiles(db(), deps, files, TestOfficer(), [&](const std::string& f, const ReviewResult& r) {
    order.push_back(f);
    results.push_back(r);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(order, files);
  ASSERT_EQ(results.size(), 5u);
  EXPECT_EQ(results[0].encounters.at(0).version, 1);
  EXPECT_EQ(results[2].encounters.at(0).version, 2);
  EXPECT_FALSE(results[1].replayed);
  EXPECT_TRUE(results[3].replayed);
  EXPECT_EQ(results[3].txn, results[1].txn);
  EXPECT_EQ(Count("claims"), 3 + 3 + 2 + 2);
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM claims WHERE is_current = 1"), 3 + 2 + 2);
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM claims WHERE facility = '01001' AND is_current = 1 AND version = 2"),
            3);
  EXPECT_EQ(Count("claim_submissions"), 4);
  // A missing file stops the batch, named; the file before it is stored.
  std::vector<std::string> broken = {write("6.xml", envelope("01004", 1, 4, 7)), dir + "/missing.xml"};
  order.clear();
  s = SubmitFiles(db(), deps, broken, TestOfficer(), [&](const std::string& f, const ReviewResult&) {
    order.push_back(f);
  });
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("missing.xml"), std::string::npos) << s.ToString();
  EXPECT_EQ(order, std::vector<std::string>{broken[0]});
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM claims WHERE facility = '01004'"), 1);
  // Nothing is left open or prepared by the batch's connections.
  if (GetParam() == "postgres") {
    // The server's list holds the prepared work of the tests beside this one.
    EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database()"), 0);
  }
  std::filesystem::remove_all(dir);
  if (before)
    setenv("BHXH_WRITE_CONNECTIONS", saved.c_str(), 1);
  else
    unsetenv("BHXH_WRITE_CONNECTIONS");
}

TEST_P(Review, SettlementNeedsAFacilityCodeAndAQuarter) {
  EXPECT_EQ(SettleQuarter(db(), "", "2026-Q4").status().field(), "facility");
  EXPECT_EQ(SettleQuarter(db(), "01001", "2026-Q5").status().field(), "quarter");
}

TEST_P(Review, SameVisitUnderAnotherKeyIsADuplicate) {
  ASSERT_TRUE(Submit(Envelope(2), "k1").ok());
  // The same visits (patients, admission times) under other MA_LK values.
  auto r = Submit(Envelope(2, {}, 1, "RE"), "k2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Rules(r->encounters[0]).count("DUPLICATE-CLAIM"), 1u);
}

TEST_P(Review, ALabTestRepeatedWithinADayOfAStoredOneIsFlagged) {
  // On PostgreSQL the stored claims are read with lookup plans (no
  // sequential scan, no parallel workers: StoredRule::Load, review.cc); the
  // session's planner settings must be as they were afterwards.
  const char* planner =
      "SELECT (CASE WHEN current_setting('enable_seqscan') = 'on' THEN 100 ELSE 0 END) + "
      "CAST(current_setting('max_parallel_workers_per_gather') AS INTEGER)";
  std::optional<int64_t> before;
  if (GetParam() == "postgres") before = *db().QueryInt(planner);
  ASSERT_TRUE(Submit(Envelope(1), "k1").ok());
  // The same patient comes back the same day: a new encounter (other MA_LK, admitted an hour later).
  std::string again = AnHourLater(Envelope(1, {}, 1, "RE"));
  ASSERT_FALSE(again.empty());
  auto r = Submit(again, "k2");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto rules = Rules(r->encounters[0]);
  EXPECT_EQ(rules.count("DUPLICATE-CLAIM"), 0u);
  EXPECT_EQ(rules.count("TIME-REPEATED-SERVICE"), 1u);
  if (before) {
    EXPECT_EQ(*db().QueryInt(planner), *before);
    EXPECT_GE(*before, 100);  // sequential scans allowed outside the lookups
  }
}

// The patient's claim of the morning was stored by a facility of Hà Nội;
// the same lab test ordered an hour later in Hồ Chí Minh City is found:
// the stored claims are looked for in every province, on PostgreSQL
// through the provinces claim_patients names for the patient.
TEST_P(Review, ALabTestRepeatedInAnotherProvinceIsFlagged) {
  ASSERT_TRUE(Submit(Envelope(1), "k1").ok());
  SynthOptions o;
  o.facility = "79001";
  o.ma_lk_prefix = "HCM";
  o.encounters = 1;
  std::string again = AnHourLater(SynthEnvelope(ctx_->law, o));
  ASSERT_FALSE(again.empty());
  auto r = Submit(again, "k2");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->facility, "79001");
  EXPECT_EQ(Rules(r->encounters[0]).count("TIME-REPEATED-SERVICE"), 1u);
  if (GetParam() == "postgres") {
    auto st = db().Prepare("SELECT province || ':' || month FROM claim_patients ORDER BY province");
    ASSERT_TRUE(st.ok());
    std::vector<std::string> got;
    while (*(*st)->Step()) got.push_back((*st)->Text(0));
    EXPECT_EQ(got, (std::vector<std::string>{"01:202611", "79:202611"}));
  }
}

TEST_P(Review, CatalogueImportIsValidatedWhole) {
  auto r = ImportCatalogue(db(), "drugs",
                           "facility,drug_code,name,tt_thau,unit_price,valid_from,valid_to\n"
                           "01001,40.1,A,X,100,2026-01-01,2026-12-31\n"
                           "0100,40.2,B,X,-5,2026-13-01,2026-12-31\n",
                           TestOfficer());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->accepted);
  ASSERT_GE(r->errors.size(), 3u);
  EXPECT_EQ(r->errors[0].row, 3);
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM drug_prices WHERE drug_code = '40.1'"), 0);
}

TEST_P(Review, WinningBidPricesArePublishedAsCsvAndXlsx) {
  auto p = PublishedPrices(db(), "01", "", "2026-06-01");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[1].drug_code, "40.678");
  EXPECT_EQ((*p)[1].unit_price, 1'000'000);  // 1,000 VND in thousandths
  std::string csv = PricesCsv(*p);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");  // Excel reads UTF-8 only with the mark
  auto back = ParseCsv(csv, "prices.csv");       // and the file reads back
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->rows.size(), 2u);
  EXPECT_EQ(back->rows[1].cells[back->Column("ma_thuoc")], "40.678");
  EXPECT_EQ(back->rows[1].cells[back->Column("ten_thuoc")], "Amoxicillin 500mg");
  // The export reads back as a catalogue, as it is (its Vietnamese column names).
  auto again = ImportCatalogue(db(), "drugs", csv, TestOfficer());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->accepted) << (again->errors.empty() ? "" : again->errors[0].message_vi);
  EXPECT_EQ(again->rows, 2);
  // Headers as a facility's own sheet writes them.
  auto vi = ImportCatalogue(db(), "drugs",
                            "Mã CSKCB;Mã thuốc;Tên thuốc;TT_THAU;Đơn giá (đồng);Từ ngày;Đến ngày\n"
                            "01001;40.9;Paracetamol 500mg;G1;1500;01/01/2026;31/12/2026\n",
                            TestOfficer());
  ASSERT_TRUE(vi.ok()) << vi.status().ToString();
  EXPECT_TRUE(vi->accepted) << (vi->errors.empty() ? "" : vi->errors[0].message_vi);
  EXPECT_EQ(*db().QueryInt("SELECT unit_price FROM drug_prices WHERE drug_code = '40.9'"), 1'500'000);
  // dd/mm/yyyy dates are stored as the dates they are.
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM drug_prices WHERE drug_code = '40.9' AND valid_from = '2026-01-01' AND "
                           "valid_to = '2026-12-31'"),
            1);
  auto missing = ImportCatalogue(db(), "drugs", "Mã CSKCB,Tên thuốc\n01001,A\n", TestOfficer());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message_vi().find("ma thuoc"), std::string::npos) << missing.status().message_vi();
  auto x = PricesXlsx(*p, Date::FromYmd(2026, 6, 1));
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->substr(0, 2), "PK");  // an OOXML zip package
  // The workbook opens with its title and as-of line, then the header; the
  // dates are Excel dates (serial numbers shown dd/mm/yyyy), the prices numbers.
  auto sheet = ReadXlsxFirstSheet(*x, "prices.xlsx");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->header[0], "Mã CSKCB");
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(sheet->rows[0].line, 4);  // title, "Số liệu đến ngày 01/06/2026", header
  const auto& row = sheet->rows[1].cells;
  EXPECT_EQ(row[3], "40.678");
  EXPECT_EQ(row[6], "1000");
  EXPECT_EQ(ExcelSerialToIso(row[7]), (*p)[1].valid_from);
  EXPECT_NE(row[7], (*p)[1].valid_from);  // a number, not the text
  auto zip = ZipPackage::Open(*x, "XLSX");
  ASSERT_TRUE(zip.ok());
  EXPECT_NE(zip->Read("xl/sharedStrings.xml")->find("Số liệu đến ngày 01/06/2026"), std::string::npos);
  // And the workbook imports back as a catalogue, as it is.
  auto xback = ImportCatalogue(db(), "drugs", *x, TestOfficer());
  ASSERT_TRUE(xback.ok()) << xback.status().ToString();
  EXPECT_TRUE(xback->accepted) << (xback->errors.empty() ? "" : xback->errors[0].message_vi);
  EXPECT_EQ(xback->rows, 2);
  EXPECT_TRUE(PublishedPrices(db(), "01", "", "2027-06-01")->empty());  // no longer in force
}

TEST_P(Review, CataloguesImportFromXlsxToo) {
  std::string path = std::filesystem::temp_directory_path() / ("bhxh_cat_" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  const char* head[] = {"facility", "drug_code", "name", "tt_thau", "unit_price", "valid_from", "valid_to"};
  for (int c = 0; c < 7; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c], nullptr);
  worksheet_write_string(ws, 1, 0, "01002", nullptr);
  worksheet_write_string(ws, 1, 1, "40.999", nullptr);
  worksheet_write_string(ws, 1, 2, "Vitamin C 500mg", nullptr);
  worksheet_write_string(ws, 1, 3, "QĐ 7;G2;N1;2026", nullptr);
  worksheet_write_number(ws, 1, 4, 850.5, nullptr);
  worksheet_write_number(ws, 1, 5, 46023, nullptr);  // Excel serial for 2026-01-01
  worksheet_write_string(ws, 1, 6, "2026-12-31", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string bytes = *ReadFile(path);
  std::filesystem::remove(path);
  auto r = ImportCatalogue(db(), "drugs", bytes, TestOfficer());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->accepted) << (r->errors.empty() ? "" : r->errors[0].message_vi);
  EXPECT_EQ(r->rows, 1);
  auto st = db().Prepare("SELECT unit_price, valid_from, tt_thau FROM drug_prices WHERE drug_code = '40.999'");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->Int(0), 850'500);
  EXPECT_EQ((*st)->Text(1), "2026-01-01");
  EXPECT_EQ((*st)->Text(2), "QĐ 7;G2;N1;2026");
  // Not a zip: a clear error, nothing stored.
  EXPECT_FALSE(ImportCatalogue(db(), "drugs", std::string("PK\x03\x04garbage"), TestOfficer()).ok());
}

TEST_P(Review, SuppliesAreCheckedAgainstTheirOwnList) {
  ASSERT_TRUE(ImportCatalogue(db(), "supplies",
                              "facility,supply_code,name,group_code,unit_price,valid_from,valid_to\n"
                              "01001,N03.05.070,Bơm tiêm 5ml,10,1500,2026-01-01,2026-12-31\n",
                              TestOfficer())
                  ->accepted);
  ASSERT_TRUE(ctx_->State<ClaimsState>().ReloadCatalogue(*ctx_).ok());
  auto cat = ctx_->State<ClaimsState>().catalogue();
  ReviewDeps deps{ctx_->State<ClaimsState>().schema, ctx_->law, ctx_->State<EligibilityState>().cards(), *cat};
  LineOutcome line;
  line.claimed = 16'000'000;  // 10 × 2,000 VND × 80%, in thousandths
  Record r;
  r.table = "XML3";
  r.fields = {{"STT", "9"},          {"MA_VAT_TU", "N03.05.070"}, {"MA_NHOM", "10"},
              {"SO_LUONG", "10"},    {"DON_GIA_BH", "2000"},      {"TYLE_TT_DV", "100"},
              {"TYLE_TT_BH", "100"}, {"MUC_HUONG", "80"},         {"NGAY_YL", "202611200900"}};
  r.Index();
  EncounterReport rep;
  CatalogueRuleForTest(deps, rep, "01001", r, line);
  ASSERT_EQ(rep.findings.size(), 1u);
  EXPECT_EQ(rep.findings[0].rule, "SUPPLY-PRICE-ABOVE");
  EXPECT_EQ(line.rejected, 4'000'000);  // 10 × (2,000 − 1,500) × 80% = 4,000 VND
  r.fields[1].second = "N99.99.999";
  r.Index();
  EncounterReport rep2;
  LineOutcome line2;
  line2.claimed = 16'000'000;
  CatalogueRuleForTest(deps, rep2, "01001", r, line2);
  EXPECT_EQ(rep2.findings[0].rule, "SUPPLY-NOT-IN-LIST");
  EXPECT_EQ(line2.rejected, line2.claimed);
}

// Claims stored before the migration get their facility's province, and
// their lines and findings the claim's province and month; on PostgreSQL they
// move into the partitions of their province and month (a day that is not
// a date into the province's DEFAULT month partition), and new ids go on
// from the old ones.
TEST_P(Review, MigrationGivesExistingClaimsTheirFacilitysProvince) {
  std::string why;
  SchemaLayout layout{ctx_->geo.ProvinceGroups()};
  auto raw = testing::DatabaseBefore(GetParam(), 2026121001, layout, &why);
  ASSERT_TRUE(raw) << why;
  Db& d = *raw;
  ASSERT_TRUE(d.Exec("INSERT INTO facilities (code, name, level, province) VALUES ('79001', 'BV', 'province', '79')").ok());
  const std::string claim =
      "INSERT INTO claims (facility, ma_lk, version, is_current, submission_id, patient_key, card_code, kind, day, "
      "treatment_days, total_bv, claimed, approved, rejected, drug_lines, high_cost, xml1, others) VALUES ";
  ASSERT_TRUE(d.Exec(claim + "('79001', 'A', 1, 1, 1, 'p', 'c', '01', '2026-11-20', 0, 0, 100, 100, 0, 0, 0, '', '[]'), "
                             "('X9', 'B', 1, 1, 1, 'p', 'c', '01', '2026-11-20', 0, 0, 200, 200, 0, 0, 0, '', '[]'), "
                             "('79001', 'C', 1, 1, 1, 'p', 'c', '01', '', 0, 0, 300, 300, 0, 0, 0, '', '[]')")
                  .ok());
  ASSERT_TRUE(d.Exec("INSERT INTO claim_lines (claim_id, tbl, stt, code, group_code, quantity, unit_price, claimed, "
                     "approved, rejected, reasons) SELECT id, 'XML2', '1', 'x', '4', 1, 1, claimed, claimed, 0, '' "
                     "FROM claims")
                  .ok());
  ASSERT_TRUE(d.Exec("INSERT INTO claim_findings (claim_id, rule, severity, tbl, stt, field, message) "
                     "SELECT id, 'R', 'warn', 'XML1', '', '', 'm' FROM claims")
                  .ok());
  int64_t last = *d.QueryInt("SELECT MAX(id) FROM claims");
  auto applied = Migrate(d, AllMigrations(), layout);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_GE(*applied, 1);
  const bool pg = GetParam() == "postgres";
  std::string where = pg ? " || ' ' || tableoid::regclass::text" : "";
  for (const std::string table : {"claims", "claim_lines", "claim_findings"}) {
    auto st = d.Prepare("SELECT province || ' ' || month" + where + " FROM " + table + " ORDER BY " +
                        (table == "claims" ? "id" : "claim_id"));
    ASSERT_TRUE(st.ok());
    std::vector<std::string> got;
    while (*(*st)->Step()) got.push_back((*st)->Text(0));
    // A facility not in the catalogue had no province to give: the DEFAULT partition.
    if (pg)
      EXPECT_EQ(got, (std::vector<std::string>{"79 202611 " + table + "_p79_m202611",
                                               " 202611 " + table + "_pother_m202611",
                                               "79 0 " + table + "_p79_other"}))
          << table;
    else
      EXPECT_EQ(got, (std::vector<std::string>{"79 202611", " 202611", "79 0"})) << table;
  }
  // Where each patient's claims are, by month and province (PostgreSQL:
  // one claims table on SQLite needs none); a claim whose discharge is not
  // a date has no month to be found under.
  if (pg) {
    auto st = d.Prepare("SELECT patient_key || ' ' || month || ' [' || province || ']' FROM claim_patients ORDER BY province");
    ASSERT_TRUE(st.ok());
    std::vector<std::string> got;
    while (*(*st)->Step()) got.push_back((*st)->Text(0));
    EXPECT_EQ(got, (std::vector<std::string>{"p 202611 []", "p 202611 [79]"}));
  }
  // The directory of current versions, one row per encounter.
  EXPECT_EQ(*d.QueryInt("SELECT COUNT(*) FROM claim_keys k JOIN claims c ON c.id = k.claim_id AND c.month = k.month "
                        "AND c.facility = k.facility AND c.ma_lk = k.ma_lk AND c.province = k.province"),
            3);
  auto ids = NewIds(d, "claims", 2);
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_GT((*ids)[0], last);
  EXPECT_NE((*ids)[0], (*ids)[1]);
}

INSTANTIATE_TEST_SUITE_P(Backends, Review, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
