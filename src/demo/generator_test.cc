// The generator is deterministic and its output passes the registry's own
// validation; its shape follows the national statistics it is built on.
#include "demo/generator.h"

#include <gtest/gtest.h>

#include "base/cccd.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

std::string Digest(Db& db) {
  auto st = db.Prepare("SELECT cccd, full_name, dob FROM persons ORDER BY id LIMIT 50");
  std::string out;
  while (*(*st)->Step()) out += (*st)->Text(0) + (*st)->Text(1) + (*st)->Text(2);
  return out;
}

TEST(Generator, SameSeedSameDataAndEveryIdValidates) {
  std::string why;
  auto a = testing::FreshContext("sqlite", &why);
  auto b = testing::FreshContext("sqlite", &why);
  ASSERT_TRUE(a && b) << why;
  GenOptions opt;
  opt.persons = 3000;
  opt.seed = 42;
  opt.start = Month::Of(2025, 1);
  opt.end = Month::Of(2025, 6);
  auto la = a->pool->Acquire();
  auto lb = b->pool->Acquire();
  auto ga = Generate(**la, a->geo, a->law, opt, testing::TestOfficer());
  auto gb = Generate(**lb, b->geo, b->law, opt, testing::TestOfficer());
  ASSERT_TRUE(ga.ok()) << ga.status().ToString();
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(Digest(**la), Digest(**lb));
  EXPECT_EQ(ga->payments, gb->payments);
  // Every generated person passes the CCCD rules.
  auto st = (*la)->Prepare("SELECT cccd, dob, sex FROM persons");
  int n = 0;
  while (*(*st)->Step()) {
    auto dob = PartialDate::Parse((*st)->Text(1), "dob");
    ASSERT_TRUE(dob.ok());
    Status s = ValidateCccd((*st)->Text(0), [&](std::string_view c) { return a->geo.IsCccdProvince(c); }, *dob,
                            static_cast<Sex>((*st)->Int(2)));
    ASSERT_TRUE(s.ok()) << s.ToString();
    ++n;
  }
  EXPECT_EQ(n, 3000);
  // Shape: about 93% with an HI card, about 40% of working age in SI, some cooperatives.
  double coverage = static_cast<double>(ga->cards) / ga->persons;
  EXPECT_GT(coverage, 0.88);
  EXPECT_LT(coverage, 0.97);
  EXPECT_GT(ga->workers, 600);
  EXPECT_GT(ga->cooperatives, 0);
  EXPECT_EQ(ga->months_collected, 6);
  // Refuses to write into a database that already holds persons.
  EXPECT_EQ(Generate(**la, a->geo, a->law, opt, testing::TestOfficer()).status().code(), "conflict");
}

// The same demo on PostgreSQL (a deployment's first `init --demo`, and the
// high-availability tests' record): the same persons and payments.
TEST(Generator, SameDataOnPostgres) {
  std::string why;
  auto a = testing::FreshContext("sqlite", &why);
  auto b = testing::FreshContext("postgres", &why);
  ASSERT_TRUE(a && b) << why;
  GenOptions opt;
  opt.persons = 1500;
  opt.seed = 7;
  opt.start = Month::Of(2025, 1);
  opt.end = Month::Of(2025, 3);
  auto la = a->pool->Acquire();
  auto lb = b->pool->Acquire();
  auto ga = Generate(**la, a->geo, a->law, opt, testing::TestOfficer());
  auto gb = Generate(**lb, b->geo, b->law, opt, testing::TestOfficer());
  ASSERT_TRUE(ga.ok()) << ga.status().ToString();
  ASSERT_TRUE(gb.ok()) << gb.status().ToString();
  EXPECT_EQ(Digest(**la), Digest(**lb));
  EXPECT_GT(gb->payments, 0);
  EXPECT_EQ(ga->payments, gb->payments);
  EXPECT_EQ(*(*la)->QueryInt("SELECT SUM(amount) FROM payments"), *(*lb)->QueryInt("SELECT SUM(amount) FROM payments"));
}

}  // namespace
}  // namespace bhxh
