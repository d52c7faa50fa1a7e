// The access policy's scopes, worked by hand: a provincial grant covers the
// old provinces merged into the actor's, a commune grant one commune of its
// province, own grants the actor's own objects.
#include "platform/access/policy.h"

#include <gtest/gtest.h>

namespace bhxh {
namespace {

AccessPolicy Policy() {
  auto p = AccessPolicy::FromRows({{"prov", "dev.read", "province"},
                                   {"xa", "dev.read", "commune"},
                                   {"xa", "session.self", "national"},
                                   {"dn", "dev.read", "own"}});
  EXPECT_TRUE(p.ok());
  return *p;
}

// Hà Tây (old 1B, say) merged into Hà Nội (01).
std::vector<std::string> Expand(const std::string& c) {
  if (c == "01" || c == "1B") return {"01", "1B"};
  return {c};
}

TEST(AccessPolicy, ACommuneGrantCoversOneCommuneOfItsProvince) {
  AccessPolicy p = Policy();
  Actor xa{"user:xa", {"xa"}, "01", "", "", "", "Cán bộ xã"};
  xa.commune = "00004";
  auto list = Authorize(p, xa, "dev.read", nullptr, Expand);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->scope, GrantScope::kCommune);
  EXPECT_EQ(list->commune, "00004");
  EXPECT_EQ(list->provinces, (std::vector<std::string>{"01", "1B"}));

  Owner same{"01", "", "", "", "00004"}, merged{"1B", "", "", "", "00004"}, other{"01", "", "", "", "00007"},
      elsewhere{"79", "", "", "", "00004"};
  EXPECT_TRUE(Authorize(p, xa, "dev.read", &same, Expand).ok());
  EXPECT_TRUE(Authorize(p, xa, "dev.read", &merged, Expand).ok());
  auto r = Authorize(p, xa, "dev.read", &other, Expand);
  EXPECT_EQ(r.status().code(), "forbidden");
  EXPECT_NE(r.status().message_en().find("another commune"), std::string::npos);
  EXPECT_NE(Authorize(p, xa, "dev.read", &elsewhere, Expand).status().message_en().find("another province"), std::string::npos);

  // A provincial grant does not look at the commune.
  Actor prov{"user:p", {"prov"}, "01", "", "", "", ""};
  EXPECT_TRUE(Authorize(p, prov, "dev.read", &other, Expand).ok());
  // A commune account without its commune gets nothing.
  Actor lost{"user:x", {"xa"}, "01", "", "", "", ""};
  EXPECT_EQ(Authorize(p, lost, "dev.read", nullptr, Expand).status().code(), "forbidden");
  // Widest ranks commune between own and province.
  Actor both{"user:b", {"xa", "dn"}, "01", "01A1", "", "", ""};
  both.commune = "00004";
  EXPECT_EQ(*p.Widest(both, "dev.read"), GrantScope::kCommune);
  EXPECT_EQ(std::string(GrantScopeName(GrantScope::kCommune)), "commune");
  EXPECT_EQ(AccessPolicy::FromRows({{"r", "x", "village"}}).status().message_en(), "scope must be national, province, commune or own");
}

}  // namespace
}  // namespace bhxh
