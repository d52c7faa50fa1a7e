// The tamper-evident audit trail on both backends: rows written through
// WriteAudit chain; a seal signs the head; tampering directly in the
// database — a changed row, a removed row, a row inserted, a row changed
// with every later hash recomputed, the tail cut off, a seal by another
// key — is named by verification; an export verifies away from the
// database and its own tampering is caught.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "platform/audit/audit.h"
#include "platform/audit/chain.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

class AuditChain : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    dir_ = std::filesystem::temp_directory_path() / ("bhxh-seal-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::remove_all(dir_);
    auto k = SealKey::Load((dir_ / "seal.key").string(), true);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    key_ = *k;
    for (int i = 1; i <= 10; ++i)
      ASSERT_TRUE(WriteAudit(db(), officer_, "test", "thing", "K" + std::to_string(i), "chi tiết " + std::to_string(i)).ok());
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    BackendTest::TearDown();
  }
  AuditVerifyReport Verify() {
    auto r = VerifyAuditChain(db(), {key_.public_hex()});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : AuditVerifyReport{};
  }
  void Exec(const std::string& sql) { ASSERT_TRUE(db().Exec(sql).ok()) << sql; }
  // Recomputes the hashes of rows from `seq` on, as a careful forger would.
  void Rehash(int64_t from) {
    auto st = db().Prepare("SELECT seq, at, actor, action, entity, COALESCE(entity_key,''), COALESCE(detail,''), prev_hash "
                           "FROM audit_log WHERE seq >= ? ORDER BY seq");
    ASSERT_TRUE(st.ok());
    (*st)->BindInt(1, from);
    std::vector<std::vector<std::string>> rows;
    while (*(*st)->Step())
      rows.push_back({(*st)->Text(0), (*st)->Text(1), (*st)->Text(2), (*st)->Text(3), (*st)->Text(4), (*st)->Text(5),
                      (*st)->Text(6), (*st)->Text(7)});
    std::string prev;
    for (auto& r : rows) {
      if (!prev.empty()) r[7] = prev;
      std::string h = AuditRowHash(static_cast<int64_t>(std::strtoll(r[0].c_str(), nullptr, 10)), r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
      auto up = db().Prepare("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE seq = ?");
      ASSERT_TRUE((*up)->Bind(r[7], h, static_cast<int64_t>(std::strtoll(r[0].c_str(), nullptr, 10))).Run().ok());
      prev = h;
    }
    auto up = db().Prepare("UPDATE audit_head SET hash = ? WHERE id = 1");
    ASSERT_TRUE((*up)->Bind(prev).Run().ok());
  }
  Actor officer_{"officer:test", {"officer"}, "", "", "", "", ""};
  std::filesystem::path dir_;
  SealKey key_;
};

TEST_P(AuditChain, AnUntouchedChainVerifiesAndSealsSignTheHead) {
  auto r = Verify();
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.rows, 10);
  EXPECT_EQ(r.head_seq, 10);
  // Row 1 links to the genesis, row 2 to row 1.
  auto st = db().Prepare("SELECT prev_hash, row_hash FROM audit_log ORDER BY seq LIMIT 2");
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->Text(0), kAuditGenesis);
  std::string h1 = (*st)->Text(1);
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->Text(0), h1);

  auto seal = SealAuditChain(db(), key_, "2026-12-01", officer_);
  ASSERT_TRUE(seal.ok()) << seal.status().ToString();
  // The seal writes its own row (11) first and signs the head with it.
  EXPECT_EQ(seal->seq, 11);
  EXPECT_FALSE(seal->replayed);
  EXPECT_TRUE(VerifySignature(key_.public_hex(), SealMessage("2026-12-01", 11, seal->head_hash), seal->signature));
  EXPECT_FALSE(VerifySignature(key_.public_hex(), SealMessage("2026-12-02", 11, seal->head_hash), seal->signature));
  r = Verify();
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.rows, 11);
  EXPECT_EQ(r.last_sealed_seq, 11);
  // Nothing new since: the same seal back.
  auto again = SealAuditChain(db(), key_, "2026-12-01", officer_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->seq, 11);
  EXPECT_EQ(again->signature, seal->signature);
  // A new row, then the next day's seal covers it.
  ASSERT_TRUE(WriteAudit(db(), officer_, "test", "thing", "K12", "mới").ok());
  auto next = SealAuditChain(db(), key_, "2026-12-02", officer_);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->seq, 13);
  EXPECT_EQ(Verify().last_sealed_seq, 13);
}

TEST_P(AuditChain, AChangedRowIsNamed) {
  Exec("UPDATE audit_log SET detail = 'chi tiết đã sửa' WHERE seq = 4");
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "changed");
  EXPECT_EQ(r.problems[0].seq, 4);
  EXPECT_EQ(r.problems.size(), 1u) << "only the changed row, not the ones after it";
  // Another actor is a change too.
  Exec("UPDATE audit_log SET detail = 'chi tiết 4' WHERE seq = 4");
  EXPECT_TRUE(Verify().ok());
  Exec("UPDATE audit_log SET actor = 'officer:other' WHERE seq = 7");
  r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].seq, 7);
}

TEST_P(AuditChain, ARemovedRowIsNamed) {
  Exec("DELETE FROM audit_log WHERE seq = 6");
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "removed");
  EXPECT_EQ(r.problems[0].seq, 6);
}

TEST_P(AuditChain, ARowInsertedBehindTheChainsBackIsNamed) {
  Exec("INSERT INTO audit_log (at, actor, action, entity, entity_key, detail) VALUES "
       "('2026-01-01T00:00:00Z', 'officer:ghost', 'write_off', 'arrears', '01A1', 'xoá nợ')");
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "inserted");
  EXPECT_GT(r.problems[0].id, 0);
  // Reopening the database does not launder it into the chain.
  EXPECT_EQ(*ChainUnchainedAudit(db()), 0);
  EXPECT_FALSE(Verify().ok());
}

TEST_P(AuditChain, ARehashedChangeIsCaughtByTheSeal) {
  ASSERT_TRUE(SealAuditChain(db(), key_, "2026-12-01", officer_).ok());  // seals rows 1–11 (11: the seal's own)
  Exec("UPDATE audit_log SET detail = 'sửa rồi tính lại' WHERE seq = 3");
  Rehash(3);
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "seal_mismatch");
  EXPECT_EQ(r.problems[0].seq, 11);
  EXPECT_NE(r.problems[0].message_vi.find("đến dòng 11"), std::string::npos) << r.problems[0].message_vi;
}

TEST_P(AuditChain, ACutTailIsCaught) {
  ASSERT_TRUE(SealAuditChain(db(), key_, "2026-12-01", officer_).ok());
  // Remove rows 9–11 and move the head back, as if they never were.
  Exec("DELETE FROM audit_log WHERE seq >= 9");
  auto st = db().Prepare("SELECT row_hash FROM audit_log WHERE seq = 8");
  ASSERT_TRUE(*(*st)->Step());
  std::string h8 = (*st)->Text(0);
  auto up = db().Prepare("UPDATE audit_head SET seq = 8, hash = ? WHERE id = 1");
  ASSERT_TRUE((*up)->Bind(h8).Run().ok());
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "truncated");
  EXPECT_EQ(r.problems[0].seq, 11);
}

TEST_P(AuditChain, ASealByAnotherKeyIsNotTrusted) {
  auto other = SealKey::Load((dir_ / "other.key").string(), true);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(SealAuditChain(db(), *other, "2026-12-01", officer_).ok());
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "seal_untrusted");
  // A signature altered in the table is not valid.
  Exec("UPDATE audit_seals SET day = '2026-11-30'");
  r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].kind, "seal_signature");
}

TEST_P(AuditChain, AnExportVerifiesAwayFromTheDatabase) {
  ASSERT_TRUE(SealAuditChain(db(), key_, "2026-12-01", officer_).ok());
  auto text = ExportAuditChain(db(), 1, 0);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(std::count(text->begin(), text->end(), '\n'), 12);  // 11 rows and 1 seal
  auto r = VerifyAuditExport(*text, {key_.public_hex()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok());
  EXPECT_EQ(r->rows, 11);
  EXPECT_EQ(r->last_sealed_seq, 11);
  // A part of the chain verifies on its own (its first link taken as given).
  auto part = ExportAuditChain(db(), 5, 0);
  ASSERT_TRUE(part.ok());
  EXPECT_TRUE(VerifyAuditExport(*part, {key_.public_hex()})->ok());
  // The file edited: row 2's detail.
  std::string t = *text;
  size_t p = t.find("chi tiết 2\"");
  ASSERT_NE(p, std::string::npos);
  t.replace(p, 10, "chi tiết 9");
  r = VerifyAuditExport(t, {key_.public_hex()});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(r->problems[0].kind, "changed");
  EXPECT_EQ(r->problems[0].seq, 2);
  // Not JSON: a clear error naming the line.
  auto bad = VerifyAuditExport("{\"seq\":1}\nnot json\n", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "line 1");
}

TEST_P(AuditChain, RowsWrittenBeforeTheChainAreChainedOnceInIdOrder) {
  // A database from before the chain: rows without a place, head at 0.
  Exec("DELETE FROM audit_log");
  Exec("UPDATE audit_head SET seq = 0, hash = '" + std::string(kAuditGenesis) + "' WHERE id = 1");
  Exec("INSERT INTO audit_log (at, actor, action, entity, entity_key, detail) VALUES "
       "('2025-01-01T00:00:00Z', 'officer:a', 'x', 'y', 'k1', 'd1'), ('2025-01-02T00:00:00Z', 'officer:b', 'x', 'y', 'k2', 'd2')");
  auto n = ChainUnchainedAudit(db());
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  auto r = Verify();
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.rows, 2);
  EXPECT_EQ(*ChainUnchainedAudit(db()), 0);
}

TEST_P(AuditChain, AKeyFileIsCreatedPrivateAndAMalformedOneRefused) {
  auto path = dir_ / "seal.key";
  auto perms = std::filesystem::status(path).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto again = SealKey::Load(path.string(), false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->public_hex(), key_.public_hex());
  std::ofstream((dir_ / "bad.key").string()) << "ed25519-secret abc\n";
  auto bad = SealKey::Load((dir_ / "bad.key").string(), false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "audit_key");
  EXPECT_FALSE(SealKey::Load((dir_ / "missing.key").string(), false).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChain, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
