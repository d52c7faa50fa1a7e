// The bulk writer on both backends: what is written is read back exactly
// (SQLite's multi-row inserts; PostgreSQL's COPY in text, whose escapes a
// tab, a backslash or a new line in a value must survive), and on
// PostgreSQL a row its table cannot hold fails the write instead of storing
// something else.
#include <gtest/gtest.h>

#include <climits>

#include "store/db.h"
#include "testing/backend_fixture.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

class Bulk : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = testing::OpenFreshDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (a INTEGER, b BIGINT, c TEXT, d SMALLINT)").ok());
  }
  std::vector<std::string> Rows() {
    std::vector<std::string> out;
    auto st = db_->Prepare("SELECT a, b, c, d FROM t ORDER BY b");
    if (!st.ok()) return {st.status().ToString()};
    while (*(*st)->Step()) {
      std::string r;
      for (int i = 0; i < 4; ++i)
        r += (i ? "|" : "") + ((*st)->IsNull(i) ? std::string("NULL") : (*st)->Text(i));
      out.push_back(r);
    }
    return out;
  }
  std::unique_ptr<Db> db_;
};

TEST_P(Bulk, WhatIsWrittenIsReadBack) {
  ASSERT_TRUE(db_->Begin().ok());
  auto w = db_->Bulk("t", {"a", "b", "c", "d"});
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  BulkWriter& b = **w;
  // Text that text-mode COPY must escape, Vietnamese, and the extremes.
  b.Int(-7);
  b.Int(INT64_MIN);
  b.Text("tab\there\\slash\nline Nguyễn");
  b.Int(-32768);
  ASSERT_TRUE(b.EndRow().ok());
  b.Int(INT32_MAX);
  b.Int(INT64_MAX);
  b.Text("");
  b.Null();
  ASSERT_TRUE(b.EndRow().ok());
  // Digits given for an integer column and an integer for a text column,
  // as callers write them.
  b.Text("42");
  b.Int(5);
  b.Int(1234567890123);
  b.Int(32767);
  ASSERT_TRUE(b.EndRow().ok());
  b.Null();
  b.Int(6);
  b.Null();
  b.Text("-3");
  ASSERT_TRUE(b.EndRow().ok());
  ASSERT_TRUE(b.Finish().ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"-7|" + std::to_string(INT64_MIN) + "|tab\there\\slash\nline Nguyễn|-32768",
                                              "42|5|1234567890123|32767", "NULL|6|NULL|-3",
                                              std::to_string(INT32_MAX) + "|" + std::to_string(INT64_MAX) + "||NULL"}));
}

// On PostgreSQL a value its column cannot hold, or a row of the wrong
// length, fails the write and nothing of it is stored. (SQLite's columns
// take any integer: there the check is the engines'.)
class BulkOnPostgres : public Bulk {};

// An array literal bound as one parameter reads back element by element,
// quotes, backslashes, commas, braces and empty strings included.
TEST_P(BulkOnPostgres, AnArrayLiteralIsOneParameterReadBackWhole) {
  const std::vector<std::string> values = {"si:0100000500", "a\"b", "c\\d", "e,f", "{g}", "", "Nguyễn"};
  EXPECT_EQ(PgArray(std::vector<int64_t>{202611, -1}), "{202611,-1}");
  EXPECT_EQ(PgArray(std::vector<std::string>{}), "{}");
  auto st = db_->Prepare("SELECT x FROM unnest(CAST(? AS TEXT[])) WITH ORDINALITY AS u(x, n) ORDER BY n");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  (*st)->Bind(PgArray(values));
  std::vector<std::string> got;
  while (true) {
    auto row = (*st)->Step();
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    if (!*row) break;
    got.push_back((*st)->Text(0));
  }
  EXPECT_EQ(got, values);
}

TEST_P(BulkOnPostgres, AValueItsColumnCannotHoldFailsTheWrite) {
  for (int c = 0; c < 3; ++c) {
    ASSERT_TRUE(db_->Begin().ok());
    auto w = db_->Bulk("t", {"a", "b", "c", "d"});
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    BulkWriter& b = **w;
    if (c == 0) {  // 2^31 in an INTEGER
      b.Int(int64_t{1} << 31);
      b.Int(1);
      b.Text("x");
      b.Int(1);
    } else if (c == 1) {  // letters in an integer column
      b.Text("12a");
      b.Int(1);
      b.Text("x");
      b.Int(1);
    } else {  // three fields for four columns
      b.Int(1);
      b.Int(1);
      b.Text("x");
    }
    Status s = b.EndRow();
    if (s.ok()) s = b.Finish();
    EXPECT_FALSE(s.ok()) << "case " << c;
    (void)db_->Rollback();
  }
  EXPECT_TRUE(Rows().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, Bulk, ::testing::Values("sqlite", "postgres"), testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, BulkOnPostgres, ::testing::Values("postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
