// The monthly collection on a coordinator whose province 79 lives on a
// shard (PostgreSQL only: a second database reached through postgres_fdw,
// as scripts/shard/shard.sh places it). The run writes 79's dues straight
// to the shard in a prepared transaction that follows the coordinator's:
// committed with it, rolled back with it, and settled later if the
// coordinator died in between. A worker on 10,000,000 VND in region I in
// 2025 owes 3,200,000 a month (collection_test.cc).
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/payments.h"
#include "registry/registry.h"
#include "store/partitioned.h"
#include "testing/test_support.h"

#include <gtest/gtest.h>


namespace bhxh {
namespace {

using testing::TestOfficer;

class Sharding : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    set_ = testing::OpenCoordinatorWithShard(&why);
    ASSERT_TRUE(set_.ctx) << why;
    ctx_ = set_.ctx.get();
    shard_ = set_.shard.get();
    // Province 79 (with the codes merged into it) placed on the shard.
    Status s = PlaceEmptyPartition(db(), *shard_, "dues_p79", "shard");
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(Text("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'dues_p79'::regclass"),
              "FOR VALUES IN ('79', '74', '77')");
    EXPECT_EQ(Text(*shard_, "SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes "
                            "WHERE tablename = 'dues_p79'"),
              "CREATE INDEX dues_p79_dues_by_month ON public.dues_p79 USING brin (month); "
              "CREATE INDEX dues_p79_dues_person ON public.dues_p79 USING btree (person_id)");
    Registry reg(db(), ctx_->geo, ctx_->law);
    ASSERT_TRUE(reg.RegisterEmployer({"01A1", "0101234567", "Công ty 01A1", "enterprise", "01", 1, "active", "2020-01-01"},
                                     TestOfficer())
                    .ok());
    ASSERT_TRUE(reg.RegisterEmployer({"79B2", "0301234567", "Công ty 79B2", "enterprise", "79", 1, "active", "2020-01-01"},
                                     TestOfficer())
                    .ok());
    Join("01A1", "001085012345", "Nguyễn Văn An", "1985-03-02", "k1");
    Join("79B2", "079090001234", "Trần Văn Bình", "1990-05-06", "k2");
  }
  void Join(const std::string& employer, const std::string& cccd, const std::string& name, const std::string& dob,
            const std::string& key) {
    DeclarationRow r;
    r.action = "join";
    r.cccd = cccd;
    r.effective_month = "2025-08";
    r.salary = "10000000";
    r.full_name = name;
    r.dob = dob;
    r.sex = "1";
    auto d = SubmitDeclaration(db(), ctx_->geo, ctx_->law, {employer, "2025-08", key, {r}}, TestOfficer());
    ASSERT_TRUE(d.ok() && d->accepted) << (d.ok() ? "not accepted" : d.status().ToString());
  }
  Db& db() { return set_.db(); }
  std::string Text(const std::string& sql) { return Text(db(), sql); }
  static std::string Text(Db& d, const std::string& sql) {
    auto st = d.Prepare(sql);
    if (!st.ok()) return st.status().ToString();
    auto row = (*st)->Step();
    if (!row.ok()) return row.status().ToString();
    return *row ? (*st)->Text(0) : "";
  }
  // "rows:sum" of the shard's own table for a month.
  std::string OnShard(int month) {
    return Text(*shard_, "SELECT COUNT(*) || ':' || COALESCE(SUM(total), 0) FROM dues_p79 WHERE month = " +
                             std::to_string(month));
  }
  // Prepared transactions are per server: count this shard database's.
  std::string Prepared() {
    return Text(*shard_, "SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database()");
  }
  Status Collect(Month m) { return RunCollection(db(), ctx_->law, m, TestOfficer()).status(); }

  testing::CoordinatorWithShard set_;
  AppContext* ctx_ = nullptr;
  Db* shard_ = nullptr;
};

const Month kAug = Month::Of(2025, 8), kSep = Month::Of(2025, 9);

TEST_F(Sharding, ProvinceDuesAreWrittenOnTheShardAndReadThroughTheCoordinator) {
  auto places = PartitionsOf(db(), "dues");
  ASSERT_TRUE(places.ok());
  int remote = 0;
  for (const auto& p : *places)
    if (!p.server.empty()) {
      ++remote;
      EXPECT_EQ(p.partition, "dues_p79");
    }
  EXPECT_EQ(remote, 1);
  ASSERT_OK(Collect(kAug));
  EXPECT_EQ(OnShard(kAug.index()), "1:3200000");
  EXPECT_EQ(Text("SELECT COUNT(*) || ':' || SUM(total) FROM dues_p01 WHERE month = " + std::to_string(kAug.index())),
            "1:3200000");
  EXPECT_EQ(Text("SELECT string_agg(province || '=' || total, ',' ORDER BY province) FROM dues"), "01=3200000,79=3200000");
  EXPECT_EQ(Prepared(), "0");
  // A partition with rows is moved by scripts/shard/shard.sh, not placed.
  EXPECT_EQ(PlaceEmptyPartition(db(), *shard_, "dues_p01", "shard").code(), "invalid_input");
  // Run again: replaced on the shard, not added.
  ASSERT_OK(Collect(kAug));
  EXPECT_EQ(OnShard(kAug.index()), "1:3200000");
  EXPECT_EQ(Text("SELECT COUNT(DISTINCT run_id) FROM dues"), "1");
  EXPECT_EQ(Text("SELECT MAX(id) FROM collection_runs"), Text("SELECT MIN(run_id) FROM dues"));
  EXPECT_EQ(Prepared(), "0");
}

TEST_F(Sharding, ShardWorkRollsBackWithTheCoordinator) {
  ASSERT_OK(Collect(kAug));
  {
    Tx outer(db());  // the run inside a transaction that then fails (an API request rolled back)
    ASSERT_OK(Collect(kSep));
    ASSERT_OK(Collect(kAug));  // also deletes August's rows, in the same transaction
    EXPECT_EQ(Prepared(), "2");       // prepared, not yet visible
    EXPECT_EQ(OnShard(kSep.index()), "0:0");
  }
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(OnShard(kSep.index()), "0:0");
  EXPECT_EQ(OnShard(kAug.index()), "1:3200000");
  EXPECT_EQ(Text("SELECT COUNT(*) FROM collection_runs"), "1");
}

// Two provinces on one shard share its connection and its prepared
// transaction: a shard holding 17 provinces holds one per run, not 17
// (max_prepared_transactions is counted per server).
TEST_F(Sharding, OneShardOnePreparedTransactionForAllItsProvinces) {
  ASSERT_OK(PlaceEmptyPartition(db(), *shard_, "dues_p48", "shard"));
  Registry reg(db(), ctx_->geo, ctx_->law);
  ASSERT_TRUE(reg.RegisterEmployer({"48C3", "0401234567", "Công ty 48C3", "enterprise", "48", 1, "active", "2020-01-01"},
                                   TestOfficer())
                  .ok());
  Join("48C3", "048092003456", "Lê Thị Cúc", "1992-07-08", "k3");
  {
    Tx tx(db());
    ASSERT_OK(Collect(kAug));
    EXPECT_EQ(Prepared(), "1");
    EXPECT_EQ(OnShard(kAug.index()), "0:0");  // not visible before the coordinator commits
    ASSERT_OK(tx.Commit());
  }
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(OnShard(kAug.index()), "1:3200000");
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) || ':' || SUM(total) FROM dues_p48 WHERE month = " +
                              std::to_string(kAug.index())),
            "1:3200000");
  EXPECT_EQ(Text("SELECT string_agg(province || '=' || total, ',' ORDER BY province) FROM dues"),
            "01=3200000,48=3200000,79=3200000");
}

// What a coordinator that died between prepare and commit leaves: prepared
// dues on the shard. Kept when their run is recorded, dropped when not.
TEST_F(Sharding, DuesLeftPreparedAreSettledByTheirRun) {
  ASSERT_OK(Collect(kAug));
  std::string run = Text("SELECT MAX(id) FROM collection_runs");
  auto leave = [&](const std::string& token, int month) {
    std::string row = "(" + std::to_string(month) +
                      ", 2, 2, 2, 1, 'DN', 0,0,0, 0,0,0, 0,0,0, 0,0,0, 0,0,0, 777, '79')";
    ASSERT_OK(shard_->Exec("BEGIN; INSERT INTO dues_p79 VALUES " + row + "; PREPARE TRANSACTION 'bhxh/dues/" + token +
                           "/dues_p79/" + Text(*shard_, "SELECT current_database()") + "'"));
  };
  leave("collect-" + run, 30001);
  leave("collect-987654", 30002);
  EXPECT_EQ(Prepared(), "2");
  auto recorded = [&](const std::string& t) { return CollectionRunRecorded(db(), t); };
  // Within the grace period an unrecorded run may still be committing.
  auto n = ResolvePrepared(db(), "dues", recorded);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Text("SELECT COUNT(*) FROM dues WHERE month = 30001"), "1");
  EXPECT_EQ(Prepared(), "1");
  n = ResolvePrepared(db(), "dues", recorded, std::chrono::seconds(0));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Text("SELECT COUNT(*) FROM dues WHERE month = 30002"), "0");
}

// Payments of an employer of 79 go to 79's partition on the shard, in the
// poster's transaction (prepared there, committed with the coordinator);
// their keys stay on the coordinator, so a replay is answered there and a
// rolled-back post leaves nothing on either side.
TEST_F(Sharding, PaymentsOfAProvinceOnAShardAreStoredThereOnce) {
  ASSERT_OK(PlaceEmptyPartition(db(), *shard_, "payments_p79", "shard"));
  auto post = [&](const std::string& employer, const std::string& amount, const std::string& key) {
    return PostPayment(db(), {employer, "2025-09-10", amount, "UNC " + key, key}, TestOfficer());
  };
  auto on_shard = [&] { return Text(*shard_, "SELECT COUNT(*) || ':' || COALESCE(SUM(amount), 0) FROM payments_p79"); };
  auto a = post("79B2", "3200000", "p-79");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_FALSE(a->replayed);
  auto b = post("01A1", "1000000", "p-01");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(on_shard(), "1:3200000");
  EXPECT_EQ(Text("SELECT COUNT(*) || ':' || SUM(amount) FROM payments_p01"), "1:1000000");
  EXPECT_EQ(Text("SELECT string_agg(province || '=' || amount, ',' ORDER BY province) FROM payments"),
            "01=1000000,79=3200000");
  EXPECT_EQ(Prepared(), "0");
  // The same key again: answered from the coordinator's keys, nothing added.
  auto again = post("79B2", "3200000", "p-79");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->payment_id, a->payment_id);
  EXPECT_EQ(on_shard(), "1:3200000");
  {
    Tx outer(db());  // a post inside a request that then fails
    auto c = post("79B2", "500000", "p-79-rolled-back");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(Prepared(), "1");
    EXPECT_EQ(on_shard(), "1:3200000");
  }
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(on_shard(), "1:3200000");
  EXPECT_EQ(Text("SELECT COUNT(*) FROM payment_keys"), "2");
  // A bank statement: two rows of 79 and one of 01, one of them repeated.
  auto st = ImportBankStatement(db(),
                                "employer_code,paid_on,amount,reference\n"
                                "79B2,2025-10-10,3200000,FT-1\n01A1,2025-10-10,1000000,FT-2\n"
                                "79B2,2025-10-10,3200000,FT-1\n79B2,2025-10-12,100000,FT-3\n",
                                TestOfficer());
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_TRUE(st->accepted);
  EXPECT_EQ(st->applied, 3);
  EXPECT_EQ(st->duplicates, 1);
  EXPECT_EQ(on_shard(), "3:6500000");
  EXPECT_EQ(Prepared(), "0");
  // Left prepared by a coordinator that died: kept when the first payment's
  // key was committed on the coordinator, left (then rolled back after the
  // grace period) when not.
  auto leave = [&](int64_t id) {
    ASSERT_OK(shard_->Exec("BEGIN; INSERT INTO payments_p79 VALUES (" + std::to_string(id) +
                           ", 2, '2025-11-10', 777, 'x', 'api', 'left-" + std::to_string(id) +
                           "', 'x', 'x', '79'); PREPARE TRANSACTION 'bhxh/payments/payment-" + std::to_string(id) +
                           "/shard/" + Text(*shard_, "SELECT current_database()") + "'"));
  };
  leave(a->payment_id);
  leave(987654);
  EXPECT_EQ(Prepared(), "2");
  auto settled = SettleLeftPayments(db(), std::chrono::seconds(0));
  ASSERT_TRUE(settled.ok()) << settled.status().ToString();
  EXPECT_EQ(*settled, 1);
  EXPECT_EQ(Text("SELECT COUNT(*) FROM payments WHERE idempotency_key = 'left-" + std::to_string(a->payment_id) + "'"),
            "1");
  EXPECT_EQ(Prepared(), "1");
  auto rest = ResolvePrepared(db(), "payments",
                              RecordedAs(db(), "payment", "SELECT COUNT(*) FROM payment_keys WHERE payment_id = ?"),
                              std::chrono::seconds(0));
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(*rest, 1);
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Text("SELECT COUNT(*) FROM payments WHERE idempotency_key = 'left-987654'"), "0");
}

}  // namespace
}  // namespace bhxh
