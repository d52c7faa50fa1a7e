// A bulk write spread over several connections to one PostgreSQL server
// (store/partitioned.h, WriteOptions::connections): the coordinator's
// partitions are dealt among the connections by their rows, every
// connection is fed by its own thread, and the extra connections' work is
// prepared and follows the caller's transaction — committed with it,
// rolled back with it, settled by ResolvePrepared when the caller died in
// between. A row the server refuses fails the write and nothing stays.
#include <gtest/gtest.h>

#include "store/db.h"
#include "store/partitioned.h"
#include "testing/backend_fixture.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

class Spread : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string why;
    url_ = testing::FreshDatabaseUrl(GetParam(), &why);
    ASSERT_FALSE(url_.empty()) << why;
    auto db = Db::Open(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (k TEXT NOT NULL, n BIGINT NOT NULL, s TEXT) PARTITION BY LIST (k); "
                          "CREATE TABLE t_a PARTITION OF t FOR VALUES IN ('a'); "
                          "CREATE TABLE t_b PARTITION OF t FOR VALUES IN ('b', 'bb'); "
                          "CREATE TABLE t_c PARTITION OF t FOR VALUES IN ('c'); "
                          "CREATE TABLE t_other PARTITION OF t DEFAULT")
                    .ok());
    auto other = Db::Open(url_);
    ASSERT_TRUE(other.ok());
    reader_ = std::move(other).value();
  }
  std::string Text(const std::string& sql) {
    auto st = reader_->Prepare(sql);
    if (!st.ok()) return st.status().ToString();
    auto row = (*st)->Step();
    if (!row.ok()) return row.status().ToString();
    return *row ? (*st)->Text(0) : "";
  }
  // "key=rows:sum,..." as another session sees the table.
  std::string Seen() {
    return Text("SELECT COALESCE(string_agg(k || '=' || c || ':' || s, ',' ORDER BY k), '') FROM "
                "(SELECT k, COUNT(*) AS c, SUM(n) AS s FROM t GROUP BY k) x");
  }
  std::string Prepared() {
    return Text("SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database() AND gid LIKE 'bhxh/t/%'");
  }
  // Rows in groups of 10,000 a key, the keys in turn, as the engines write
  // them (a key's rows grouped within chunks): a 30,000, b 20,000 with
  // 10,000 of them under the merged code bb, c 10,000, and 10 for the
  // DEFAULT partition; n runs 1, 2, ... within each key. About 2.4 MB: the
  // connections' threads take them in several batches.
  Status Write(PartitionedWrite& w, bool bad_row_in_b = false) {
    std::map<std::string, int64_t> next;
    const std::vector<std::pair<std::string, int>> plan = {{"a", 3}, {"b", 1}, {"bb", 1}, {"c", 1}};
    for (int round = 0; round < 3; ++round) {
      for (const auto& [key, rounds] : plan) {
        if (round >= rounds) continue;
        BHXH_ASSIGN_OR_RETURN(BulkWriter * out, w.For(key));
        for (int i = 0; i < kGroup; ++i) {
          out->Text(key);
          if (bad_row_in_b && key == "b" && i == 9000)
            out->Text("năm trăm");  // not a number: the server refuses the row
          else
            out->Int(++next[key]);
          out->Text("Nguyễn\tVăn\\An " + std::to_string(i));
          BHXH_RETURN_IF_ERROR(out->EndRow());
        }
      }
    }
    BHXH_ASSIGN_OR_RETURN(BulkWriter * out, w.For("zz"));
    for (int i = 1; i <= 10; ++i) {
      out->Text("zz");
      out->Int(i);
      out->Null();
      BHXH_RETURN_IF_ERROR(out->EndRow());
    }
    return Status::Ok();
  }
  static constexpr int kGroup = 10000;
  static WriteOptions TwoConnections() {
    WriteOptions o;
    o.connections = 2;
    o.rows_by_key = {{"a", 3 * kGroup}, {"b", kGroup}, {"bb", kGroup}, {"c", kGroup}};
    return o;
  }
  // Sum of 1..n.
  static int64_t Upto(int64_t n) { return n * (n + 1) / 2; }
  std::string Expected() {
    const std::string one = std::to_string(kGroup) + ":" + std::to_string(Upto(kGroup));
    return "a=" + std::to_string(3 * kGroup) + ":" + std::to_string(Upto(3 * kGroup)) + ",b=" + one + ",bb=" + one +
           ",c=" + one + ",zz=10:" + std::to_string(Upto(10));
  }

  std::string url_;
  std::unique_ptr<Db> db_, reader_;
};

TEST_P(Spread, PartitionsAreDealtByRowsAndTheWorkFollowsTheCaller) {
  ASSERT_TRUE(db_->Begin().ok());
  auto w = PartitionedWrite::Open(*db_, "t", {"k", "n", "s"}, "test-1", TwoConnections());
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ((*w)->local_connections(), 2);
  // a (30,000 rows) to the caller's connection; b (b and bb, 20,000) and
  // c (10,000) to the other, 30,000 each. DEFAULT stays with the caller's.
  auto where = [&](const std::string& key) -> Db* {
    auto p = (*w)->Where(key);
    return p.ok() ? p->db : nullptr;
  };
  EXPECT_EQ(where("a"), db_.get());
  Db* other = where("b");
  EXPECT_NE(other, nullptr);
  EXPECT_NE(other, db_.get());
  EXPECT_EQ(where("c"), other);
  EXPECT_EQ(where("zz"), db_.get());
  ASSERT_TRUE(Write(**w).ok());
  Status s = (*w)->Finish();
  ASSERT_TRUE(s.ok()) << s.ToString();
  // Prepared, not visible, until the caller commits.
  EXPECT_EQ(Prepared(), "1");
  // pg_prepared_xacts is the whole server's: tests running beside this one
  // in their own databases prepare theirs there too.
  EXPECT_EQ(Text("SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND gid LIKE 'bhxh/t/%'"),
            "bhxh/t/test-1/local1/" + Text("SELECT current_database()"));
  EXPECT_EQ(Seen(), "");
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Seen(), Expected());
  EXPECT_EQ(Text("SELECT COUNT(*) FROM t_b"), std::to_string(2 * kGroup));
  EXPECT_EQ(Text("SELECT s FROM t WHERE k = 'c' AND n = 1"), "Nguyễn\tVăn\\An 0");
}

TEST_P(Spread, RolledBackWithTheCallerLeavesNothing) {
  ASSERT_TRUE(db_->Begin().ok());
  auto w = PartitionedWrite::Open(*db_, "t", {"k", "n", "s"}, "test-2", TwoConnections());
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(Write(**w).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  EXPECT_EQ(Prepared(), "1");
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Seen(), "");
}

TEST_P(Spread, ARowTheServerRefusesFailsTheWriteAndNothingStays) {
  ASSERT_TRUE(db_->Begin().ok());
  auto w = PartitionedWrite::Open(*db_, "t", {"k", "n", "s"}, "test-3", TwoConnections());
  ASSERT_TRUE(w.ok());
  Status s = Write(**w, /*bad_row_in_b=*/true);
  if (s.ok()) s = (*w)->Finish();  // the refusal may come a batch behind
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message_en().find("bigint"), std::string::npos) << s.message_en();
  w->reset();
  (void)db_->Rollback();
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Seen(), "");
  // The connection is whole: the next write goes through.
  ASSERT_TRUE(db_->Begin().ok());
  auto again = PartitionedWrite::Open(*db_, "t", {"k", "n", "s"}, "test-4", TwoConnections());
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(Write(**again).ok());
  ASSERT_TRUE((*again)->Finish().ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Seen(), Expected());
}

// Asked for one connection, the write stays on the caller's connection and
// in the caller's thread: nothing is prepared. (The same path is taken on
// a server without two-phase commit, which these tests' server is not.)
TEST_P(Spread, OneConnectionWhenAskedForOne) {
  ASSERT_TRUE(db_->Begin().ok());
  auto w = PartitionedWrite::Open(*db_, "t", {"k", "n", "s"}, "test-5", WriteOptions{});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ((*w)->local_connections(), 1);
  ASSERT_TRUE(Write(**w).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  EXPECT_EQ(Prepared(), "0");
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Seen(), Expected());
}

// The number of connections is the deployment's to set; a value that is
// not one is refused with the variable's name, not silently replaced.
TEST_P(Spread, TheConnectionsSettingIsCheckedNotGuessed) {
  const char* before = std::getenv("BHXH_WRITE_CONNECTIONS");
  const std::string saved = before ? before : "";
  setenv("BHXH_WRITE_CONNECTIONS", "3", 1);
  auto n = BulkWriteConnections();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3);
  for (const char* bad : {"0", "17", "hai", "2x"}) {
    setenv("BHXH_WRITE_CONNECTIONS", bad, 1);
    n = BulkWriteConnections();
    ASSERT_FALSE(n.ok()) << bad;
    EXPECT_EQ(n.status().field(), "BHXH_WRITE_CONNECTIONS");
    EXPECT_NE(n.status().message_vi().find("từ 1 đến 16"), std::string::npos);
  }
  unsetenv("BHXH_WRITE_CONNECTIONS");
  n = BulkWriteConnections();
  ASSERT_TRUE(n.ok());
  EXPECT_GE(*n, 1);
  EXPECT_LE(*n, 4);
  if (!saved.empty()) setenv("BHXH_WRITE_CONNECTIONS", saved.c_str(), 1);
}

// What a caller that died between its commit and the extra connections'
// COMMIT PREPARED leaves: their rows prepared on the coordinator itself.
// Committed when the caller's work is recorded, rolled back when it is not
// (after the grace period).
TEST_P(Spread, WorkLeftPreparedOnTheCoordinatorIsSettledByItsRecord) {
  const std::string database = Text("SELECT current_database()");
  auto leave = [&](const std::string& token, int n) {
    auto conn = Db::Open(url_);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)
                    ->Exec("BEGIN; INSERT INTO t VALUES ('b', " + std::to_string(n) +
                           ", NULL); PREPARE TRANSACTION 'bhxh/t/" + token + "/local1/" + database + "'")
                    .ok());
  };
  leave("run-1", 7);
  leave("run-2", 8);
  EXPECT_EQ(Prepared(), "2");
  auto recorded = [](const std::string& token) -> Result<bool> { return token == "run-1"; };
  auto n = ResolvePrepared(*db_, "t", recorded);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Seen(), "b=1:7");
  EXPECT_EQ(Prepared(), "1");
  n = ResolvePrepared(*db_, "t", recorded, std::chrono::seconds(0));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Seen(), "b=1:7");
}

INSTANTIATE_TEST_SUITE_P(Backends, Spread, ::testing::Values("postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
