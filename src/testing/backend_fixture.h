// A fixture run once per storage backend (SQLite and PostgreSQL): a fresh
// migrated database per test, with the law book and geography loaded.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>

#include "testing/test_support.h"

namespace bhxh::testing {

class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string why;
    ctx_ = FreshContext(GetParam(), &why);
    if (!ctx_) {
      // PostgreSQL is part of the suite: without it the test fails.
      FAIL() << "cannot open " << GetParam() << ": " << why;
    }
    auto lease = ctx_->pool->Acquire();
    ASSERT_TRUE(lease.ok());
    lease_ = std::make_unique<DbPool::Lease>(std::move(lease).value());
  }
  void TearDown() override {
    lease_.reset();
    ctx_.reset();
  }
  Db& db() { return **lease_; }
  int64_t Count(const std::string& table) {
    auto n = db().QueryInt("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  }
  // The first column of the first row as text ("" for none; the error's text
  // for a query that fails, so a comparison shows it).
  std::string Text(const std::string& sql) {
    auto st = db().Prepare(sql);
    if (!st.ok()) return st.status().ToString();
    auto row = (*st)->Step();
    if (!row.ok()) return row.status().ToString();
    return *row ? (*st)->Text(0) : "";
  }
  // The first column of every row, joined with ',' (both backends; SQLite
  // has no ordered string_agg).
  std::string Joined(const std::string& sql) {
    auto st = db().Prepare(sql);
    if (!st.ok()) return st.status().ToString();
    std::string out;
    for (bool first = true;; first = false) {
      auto row = (*st)->Step();
      if (!row.ok()) return row.status().ToString();
      if (!*row) return out;
      out += (first ? "" : ",") + (*st)->Text(0);
    }
  }
  std::unique_ptr<AppContext> ctx_;
  std::unique_ptr<DbPool::Lease> lease_;
};

inline std::string BackendName(const ::testing::TestParamInfo<std::string>& i) { return i.param; }

}  // namespace bhxh::testing
