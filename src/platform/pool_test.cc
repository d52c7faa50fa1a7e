// The connection pool when a PostgreSQL server goes away (a crash, an
// administrator, a failover): the request that finds out is told
// "unavailable" (send it again), and neither that connection nor any other
// opened before the loss is handed out again.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "platform/context.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

TEST(DbPool, DropsEveryConnectionOpenedBeforeItsServerWasLost) {
  std::string why;
  std::string url = testing::FreshDatabaseUrl("postgres", &why);
  ASSERT_FALSE(url.empty()) << "PostgreSQL is part of the suite: " << why;
  DbPool pool(url);
  auto a = pool.Acquire();
  auto b = pool.Acquire();
  ASSERT_TRUE(a.ok() && b.ok());
  auto pid_a = (*a)->QueryInt("SELECT pg_backend_pid()");
  auto pid_b = (*b)->QueryInt("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid_a.ok() && pid_b.ok());
  { auto drop = std::move(b).value(); }  // b goes back to the pool, idle
  EXPECT_EQ(pool.idle(), 1);

  // The server ends a's backend (as a crash or a failover would).
  auto admin = Db::Open(url);
  ASSERT_TRUE(admin.ok());
  ASSERT_TRUE((*admin)->QueryInt("SELECT pg_terminate_backend(" + std::to_string(*pid_a) + ")::int").ok());
  auto lost = (*a)->QueryInt("SELECT 1");
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.status().code(), "unavailable");
  EXPECT_NE(lost.status().message_vi().find("vui lòng gửi lại"), std::string::npos);
  EXPECT_FALSE((*a)->Usable());
  { auto drop = std::move(a).value(); }
  EXPECT_EQ(pool.idle(), 1) << "the lost connection is not kept";

  // b was opened before the loss was seen: it is not handed out again.
  auto c = pool.Acquire();
  ASSERT_TRUE(c.ok());
  auto pid_c = (*c)->QueryInt("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid_c.ok()) << pid_c.status().ToString();
  EXPECT_NE(*pid_c, *pid_a);
  EXPECT_NE(*pid_c, *pid_b);
  EXPECT_TRUE((*c)->Usable());
  { auto drop = std::move(c).value(); }
  EXPECT_EQ(pool.idle(), 1);
}

// A connection whose backend was ended while it sat idle in the pool (the
// server sends its FATAL message, then closes) is found out before it is
// handed out: the request gets a fresh connection, not an error.
TEST(DbPool, ChecksAnIdleConnectionBeforeHandingItOut) {
  std::string why;
  std::string url = testing::FreshDatabaseUrl("postgres", &why);
  ASSERT_FALSE(url.empty()) << "PostgreSQL is part of the suite: " << why;
  DbPool pool(url);
  int64_t pid = 0;
  {
    auto a = pool.Acquire();
    ASSERT_TRUE(a.ok());
    pid = *(*a)->QueryInt("SELECT pg_backend_pid()");
  }
  ASSERT_EQ(pool.idle(), 1);
  auto admin = Db::Open(url);
  ASSERT_TRUE(admin.ok());
  ASSERT_TRUE((*admin)->QueryInt("SELECT pg_terminate_backend(" + std::to_string(pid) + ")::int").ok());
  // Wait for the backend to be gone (pg_terminate_backend only signals it).
  for (int i = 0; i < 100; ++i) {
    auto n = (*admin)->QueryInt("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + std::to_string(pid));
    if (n.ok() && *n == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // ... and its socket closed (the process leaves pg_stat_activity just before).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto b = pool.Acquire();
  ASSERT_TRUE(b.ok());
  auto one = (*b)->QueryInt("SELECT 1");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_NE(*(*b)->QueryInt("SELECT pg_backend_pid()"), pid);
}

TEST(DbPool, SqliteConnectionsStayUsable) {
  std::string why;
  std::string url = testing::FreshDatabaseUrl("sqlite", &why);
  ASSERT_FALSE(url.empty()) << why;
  DbPool pool(url);
  {
    auto a = pool.Acquire();
    ASSERT_TRUE(a.ok());
    EXPECT_TRUE((*a)->Usable());
  }
  EXPECT_EQ(pool.idle(), 1);
}

}  // namespace
}  // namespace bhxh
