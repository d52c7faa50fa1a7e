// Bulk reads (Db::Stream) on both backends: the rows, NULLs and text a
// statement gives through Prepare come back the same when streamed (on
// PostgreSQL through COPY (query) TO STDOUT, whose text escapes must be
// undone, with the parameters inlined as literals); a statement left before
// its last row, or one the server fails half way, leaves the connection
// ready for the next.
#include <gtest/gtest.h>

#include <climits>

#include "store/db.h"
#include "testing/backend_fixture.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

class Stream : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = testing::OpenFreshDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (a INTEGER, b BIGINT, c TEXT)").ok());
    auto w = db_->Bulk("t", {"a", "b", "c"});
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    BulkWriter& b = **w;
    // Text COPY must escape (tab, new line, carriage return, backslash, a
    // literal "\N" that is not NULL), Vietnamese, the extremes, NULLs.
    const std::vector<std::tuple<int64_t, int64_t, const char*>> rows = {
        {1, INT64_MIN, "tab\there\\slash\nline Nguyễn Thị Ánh"},
        {2, INT64_MAX, ""},
        {3, -5, nullptr},
        {4, 0, "\\N"},
        {5, 42, "cr\rend\\"},
        {6, 7, "O'Brien"},
    };
    for (const auto& [a, bv, c] : rows) {
      b.Int(a);
      b.Int(bv);
      if (c)
        b.Text(c);
      else
        b.Null();
      ASSERT_TRUE(b.EndRow().ok());
    }
    ASSERT_TRUE(b.Finish().ok());
  }
  // Every row of a statement as "a|b|c", NULL spelled out.
  static std::vector<std::string> All(Stmt& st) {
    std::vector<std::string> out;
    while (true) {
      auto row = st.Step();
      if (!row.ok()) return {"error: " + row.status().ToString()};
      if (!*row) break;
      std::string r;
      for (int i = 0; i < 3; ++i) r += (i ? "|" : "") + (st.IsNull(i) ? std::string("NULL") : std::string(st.View(i)));
      out.push_back(r);
    }
    return out;
  }
  std::unique_ptr<Db> db_;
};

TEST_P(Stream, GivesWhatPrepareGives) {
  const std::string sql = "SELECT a, b, c FROM t WHERE a >= ? AND (c IS NULL OR c <> ?) ORDER BY a";
  auto p = db_->Prepare(sql);
  auto s = db_->Stream(sql);
  ASSERT_TRUE(p.ok() && s.ok());
  (*p)->Bind(int64_t{1}, "nothing");
  (*s)->Bind(int64_t{1}, "nothing");
  const std::vector<std::string> expected = {"1|" + std::to_string(INT64_MIN) + "|tab\there\\slash\nline Nguyễn Thị Ánh",
                                             "2|" + std::to_string(INT64_MAX) + "|",
                                             "3|-5|NULL",
                                             "4|0|\\N",
                                             "5|42|cr\rend\\",
                                             "6|7|O'Brien"};
  EXPECT_EQ(All(**p), expected);
  EXPECT_EQ(All(**s), expected);
  // Integers read as integers; the statement runs again with new values,
  // a quote and a backslash in a text parameter included.
  (*s)->Reset();
  (*s)->Bind(int64_t{2}, "cr\rend\\");
  ASSERT_TRUE(*(*s)->Step());
  EXPECT_EQ((*s)->Int(0), 2);
  EXPECT_EQ((*s)->Int(1), INT64_MAX);
  EXPECT_EQ((*s)->Text(2), "");
  EXPECT_FALSE((*s)->IsNull(2));
  EXPECT_EQ(All(**s), (std::vector<std::string>{"3|-5|NULL", "4|0|\\N", "6|7|O'Brien"}));
  (*s)->Reset();
  (*s)->Bind(int64_t{1}, "O'Brien");
  EXPECT_EQ(All(**s).size(), 5u);
}

TEST_P(Stream, ANullParameterIsNull) {
  auto s = db_->Stream("SELECT a, b, c FROM t WHERE c IS NOT DISTINCT FROM ? ORDER BY a");
  ASSERT_TRUE(s.ok());
  (*s)->BindNull(1);
  EXPECT_EQ(All(**s), (std::vector<std::string>{"3|-5|NULL"}));
}

TEST_P(Stream, LeftBeforeItsLastRowTheConnectionServesTheNext) {
  // Enough rows that the server is still sending when the reader stops.
  ASSERT_TRUE(db_->Exec("CREATE TABLE many (n INTEGER)").ok());
  {
    auto w = db_->Bulk("many", {"n"});
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < 200000; ++i) {
      (*w)->Int(i);
      ASSERT_TRUE((*w)->EndRow().ok());
    }
    ASSERT_TRUE((*w)->Finish().ok());
  }
  {
    auto s = db_->Stream("SELECT n, n, 'x' FROM many ORDER BY n");
    ASSERT_TRUE(s.ok());
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(*(*s)->Step());
      EXPECT_EQ((*s)->Int(0), i);
    }
    (*s)->Reset();  // and run again, to the end
    int64_t rows = 0, sum = 0;
    while (*(*s)->Step()) {
      ++rows;
      sum += (*s)->Int(0);
    }
    EXPECT_EQ(rows, 200000);
    EXPECT_EQ(sum, int64_t{199999} * 200000 / 2);
    ASSERT_TRUE(*(*s)->Step() == false);
    // Left half way by its destructor.
    auto s2 = db_->Stream("SELECT n, n, 'x' FROM many");
    ASSERT_TRUE(s2.ok());
    ASSERT_TRUE(*(*s2)->Step());
  }
  auto n = db_->QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 6);
  // Left half way inside a transaction: the transaction goes on and commits.
  ASSERT_TRUE(db_->Begin().ok());
  {
    auto s = db_->Stream("SELECT n, n, 'x' FROM many ORDER BY n");
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(*(*s)->Step());
  }
  ASSERT_TRUE(db_->Exec("INSERT INTO t (a, b, c) VALUES (8, 80, 'tám')").ok());
  ASSERT_TRUE(db_->Commit().ok());
  n = db_->QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 7);
}

TEST_P(Stream, SeesTheRowsOfItsOwnTransaction) {
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Exec("INSERT INTO t (a, b, c) VALUES (7, 70, 'bảy')").ok());
  auto s = db_->Stream("SELECT a, b, c FROM t WHERE a = ?");
  ASSERT_TRUE(s.ok());
  (*s)->Bind(int64_t{7});
  EXPECT_EQ(All(**s), (std::vector<std::string>{"7|70|bảy"}));
  ASSERT_TRUE(db_->Rollback().ok());
  (*s)->Reset();
  (*s)->Bind(int64_t{7});
  EXPECT_TRUE(All(**s).empty());
}

// PostgreSQL: a statement the server refuses, or one that fails after many
// rows were sent (a division by zero at the 150,000th), is an error from
// Step, and the connection serves the next statement.
class StreamOnPostgres : public Stream {};

TEST_P(StreamOnPostgres, AFailureHalfWayIsAnErrorAndTheConnectionGoesOn) {
  auto bad = db_->Stream("SELECT a, b, nosuchcolumn FROM t");
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE((*bad)->Step().ok());
  auto s = db_->Stream("SELECT g, 100 / (g - 150000), 'x' FROM generate_series(1, 200000) g");
  ASSERT_TRUE(s.ok());
  int rows = 0;
  Status failed;
  while (true) {
    auto row = (*s)->Step();
    if (!row.ok()) {
      failed = row.status();
      break;
    }
    if (!*row) break;
    ++rows;
  }
  EXPECT_GT(rows, 100000);
  EXPECT_LT(rows, 150000);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(failed.ToString().find("division by zero"), std::string::npos) << failed.ToString();
  auto n = db_->QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 6);
  // Booleans read as integers, as Prepare's do.
  auto b = db_->Stream("SELECT a > 3, a < 3, c FROM t WHERE a = 4");
  ASSERT_TRUE(b.ok());
  ASSERT_TRUE(*(*b)->Step());
  EXPECT_EQ((*b)->Int(0), 1);
  EXPECT_EQ((*b)->Int(1), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Stream, ::testing::Values("sqlite", "postgres"), testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, StreamOnPostgres, ::testing::Values("postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
