// A citizen's electronic account, on SQLite and PostgreSQL.
//
// The record holds Trần Thị Bình, CCCD 001166012345, born 02/03/1966
// (testing::JoinTestWorker). She enrols with her name typed in another case
// and spacing, her birth date as dd/mm/yyyy and her phone in the +84 form;
// the code goes to 0912345678 (shown as 091****678). Five tries per code,
// five codes per hour, a code used once. The hand-off tokens are signed
// with a P-256 key made here (ES256), as VNeID's would be with its own.
#include <gtest/gtest.h>
#include <jwt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "identity/module.h"
#include "platform/messages/outbox.h"
#include "testing/backend_fixture.h"
#include "testing/worker_fixture.h"

namespace bhxh {
namespace {

constexpr const char* kCccd = "001166012345";
constexpr const char* kPassword = "MatKhau@2026x";

struct KeyPair {
  std::string private_pem, public_pem;
};

KeyPair MakeKey() {
  EVP_PKEY* k = EVP_EC_gen("P-256");
  KeyPair out;
  auto dump = [](BIO* b) {
    char* p = nullptr;
    long n = BIO_get_mem_data(b, &p);
    std::string s(p, static_cast<size_t>(n));
    BIO_free(b);
    return s;
  };
  BIO* a = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(a, k, nullptr, nullptr, 0, nullptr, nullptr);
  out.private_pem = dump(a);
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(b, k);
  out.public_pem = dump(b);
  EVP_PKEY_free(k);
  return out;
}

struct Claims {
  std::string iss = "https://vneid.test", aud = "bhxh", cccd = kCccd, name = "Trần Thị Bình", birth = "1966-03-02", jti = "t-1";
  long exp_in = 300;
};

std::string Sign(const Claims& c, jwt_alg_t alg, const std::string& key) {
  jwt_t* j = nullptr;
  jwt_new(&j);
  long now = static_cast<long>(std::time(nullptr));
  jwt_add_grant(j, "iss", c.iss.c_str());
  jwt_add_grant(j, "aud", c.aud.c_str());
  jwt_add_grant(j, "sub", c.cccd.c_str());
  if (!c.name.empty()) jwt_add_grant(j, "name", c.name.c_str());
  if (!c.birth.empty()) jwt_add_grant(j, "birthdate", c.birth.c_str());
  jwt_add_grant(j, "jti", c.jti.c_str());
  jwt_add_grant_int(j, "iat", now);
  jwt_add_grant_int(j, "exp", now + c.exp_in);
  jwt_set_alg(j, alg, reinterpret_cast<const unsigned char*>(key.data()), static_cast<int>(key.size()));
  char* t = jwt_encode_str(j);
  std::string out = t ? t : "";
  free(t);
  jwt_free(j);
  return out;
}

class Identity : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(testing::JoinTestWorker(db(), *ctx_).ok());
    reg_ = std::make_unique<Registry>(db(), ctx_->geo, ctx_->law);
  }
  EnrolmentInput Her() {
    EnrolmentInput in;
    in.cccd = kCccd;
    in.full_name = "trần thị  BÌNH";
    in.birth_date = "02/03/1966";
    in.phone = "+84 912 345 678";
    in.password = kPassword;
    return in;
  }
  // The code in the newest message to `to`.
  std::string LastCode(const std::string& to) {
    auto ms = ListOutbox(db(), false, 10);
    EXPECT_TRUE(ms.ok());
    for (const auto& m : *ms)
      if (m.recipient == to) {
        size_t p = m.body.find_first_of("0123456789");
        while (p != std::string::npos && m.body.find_first_not_of("0123456789", p) - p != 6)
          p = m.body.find_first_of("0123456789", m.body.find_first_not_of("0123456789", p));
        return p == std::string::npos ? "" : m.body.substr(p, 6);
      }
    return "";
  }
  Actor Public() { return Actor{"public:enrolment", {}, "", "", "", kCccd, ""}; }
  std::unique_ptr<Registry> reg_;
};

TEST_P(Identity, EnrolmentChecksTheRecordSendsACodeAndOpensTheAccountOnce) {
  int64_t users = Count("users");
  // Wrong particulars: the same answer whichever part differs, and nothing stored.
  auto in = Her();
  in.full_name = "Trần Thị Binh";  // diacritics count
  auto r = StartEnrolment(db(), *reg_, in, Public());
  EXPECT_EQ(r.status().code(), "not_matched");
  EXPECT_EQ(r.status().field(), "cccd");
  in = Her();
  in.birth_date = "03/03/1966";
  EXPECT_EQ(StartEnrolment(db(), *reg_, in, Public()).status().code(), "not_matched");
  in = Her();
  in.birth_date = "1966";  // the record knows the day: a year alone is not enough
  EXPECT_EQ(StartEnrolment(db(), *reg_, in, Public()).status().code(), "not_matched");
  in = Her();
  in.cccd = "001166099999";  // a well-formed CCCD nobody has
  auto nobody = StartEnrolment(db(), *reg_, in, Public());
  EXPECT_EQ(nobody.status().code(), "not_matched");
  EXPECT_EQ(nobody.status().message_vi(), r.status().message_vi());
  in = Her();
  in.phone = "0212345678";  // a landline prefix
  EXPECT_EQ(StartEnrolment(db(), *reg_, in, Public()).status().field(), "phone");
  in = Her();
  in.password = "short";
  EXPECT_EQ(StartEnrolment(db(), *reg_, in, Public()).status().field(), "password");
  in = Her();
  in.channel = "email";
  in.email = "not-an-address";
  EXPECT_EQ(StartEnrolment(db(), *reg_, in, Public()).status().field(), "email");
  EXPECT_EQ(Count("auth_challenges"), 0);
  EXPECT_EQ(Count("outbox"), 0);
  EXPECT_EQ(Count("users"), users);

  // The good one: one message to the normalised number, masked on screen.
  auto sent = StartEnrolment(db(), *reg_, Her(), Public());
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(sent->channel, "sms");
  EXPECT_EQ(sent->sent_to, "091****678");
  std::string code = LastCode("0912345678");
  ASSERT_EQ(code.size(), 6u);
  EXPECT_EQ(Count("outbox"), 1);

  // A wrong code counts a try and opens nothing.
  std::string wrong = code == "000000" ? "111111" : "000000";
  auto bad = ConfirmEnrolment(db(), sent->id, wrong, std::chrono::hours(1));
  EXPECT_EQ(bad.status().code(), "unauthenticated");
  EXPECT_NE(bad.status().message_en().find("4 tries left"), std::string::npos) << bad.status().message_en();
  EXPECT_EQ(Count("users"), users);
  // A login's code is no enrolment's.
  EXPECT_EQ(CompleteLogin(db(), sent->id, code, std::chrono::hours(1)).status().code(), "unauthenticated");

  auto s = ConfirmEnrolment(db(), sent->id, code, std::chrono::hours(1));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->actor.id, std::string("user:") + kCccd);
  EXPECT_EQ(s->actor.cccd, kCccd);
  EXPECT_EQ(s->actor.province, "01");
  EXPECT_EQ(s->actor.roles, std::vector<std::string>{"citizen"});
  EXPECT_EQ(s->display_name, "Trần Thị Bình");  // the record's spelling
  auto who = ActorForSession(db(), s->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->cccd, kCccd);
  EXPECT_EQ(Count("users"), users + 1);
  // Used once; a second enrolment of the CCCD is a conflict.
  EXPECT_EQ(ConfirmEnrolment(db(), sent->id, code, std::chrono::hours(1)).status().code(), "unauthenticated");
  EXPECT_EQ(StartEnrolment(db(), *reg_, Her(), Public()).status().code(), "conflict");
  EXPECT_EQ(Count("users"), users + 1);
}

TEST_P(Identity, BirthDatesCannotBeGuessed) {
  // Five wrong birth dates in an hour, then even the right particulars wait.
  for (int day = 10; day < 15; ++day) {
    auto in = Her();
    in.birth_date = std::to_string(day) + "/03/1966";
    EXPECT_EQ(StartEnrolment(db(), *reg_, in, Public()).status().code(), "not_matched") << day;
  }
  auto r = StartEnrolment(db(), *reg_, Her(), Public());
  EXPECT_EQ(r.status().code(), "rate_limited");
  EXPECT_EQ(r.status().field(), "cccd");
  EXPECT_EQ(Count("identity_mismatches"), 5);
  EXPECT_EQ(Count("auth_challenges"), 0);
  // Another CCCD is not affected.
  auto other = Her();
  other.cccd = "001166099999";
  EXPECT_EQ(StartEnrolment(db(), *reg_, other, Public()).status().code(), "not_matched");
}

TEST_P(Identity, LoginWithASecondFactorNeedsTheCodeAndLimitsTries) {
  auto sent = StartEnrolment(db(), *reg_, Her(), Public());
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  ASSERT_TRUE(ConfirmEnrolment(db(), sent->id, LastCode("0912345678"), std::chrono::hours(1)).ok());
  int64_t sessions = Count("sessions");

  // The password alone gives a challenge, not a session.
  auto out = Login(db(), kCccd, kPassword, std::chrono::hours(1));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE(out->challenge.has_value());
  EXPECT_FALSE(out->session.has_value());
  EXPECT_EQ(out->challenge->sent_to, "091****678");
  EXPECT_EQ(Count("sessions"), sessions);
  std::string code = LastCode("0912345678");
  auto s = CompleteLogin(db(), out->challenge->id, code, std::chrono::hours(1));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->actor.cccd, kCccd);
  EXPECT_EQ(Count("sessions"), sessions + 1);

  // Five wrong codes, then even the right one is refused: ask for a new code.
  out = Login(db(), kCccd, kPassword, std::chrono::hours(1));
  ASSERT_TRUE(out.ok() && out->challenge);
  code = LastCode("0912345678");
  std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(CompleteLogin(db(), out->challenge->id, wrong, std::chrono::hours(1)).status().code(), "unauthenticated") << i;
  EXPECT_EQ(CompleteLogin(db(), out->challenge->id, code, std::chrono::hours(1)).status().code(), "rate_limited");

  // Five codes an hour per account (two sent above): the sixth is refused.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(Login(db(), kCccd, kPassword, std::chrono::hours(1)).ok()) << i;
  auto sixth = Login(db(), kCccd, kPassword, std::chrono::hours(1));
  EXPECT_EQ(sixth.status().code(), "rate_limited");
  EXPECT_EQ(Count("sessions"), sessions + 1);

  // Handed to the gateway's folder, a message leaves the table without its code.
  auto dir = std::filesystem::temp_directory_path() / ("bhxh-outbox-" + std::to_string(::getpid()) + "-" + GetParam());
  auto n = DeliverToDirectory(db(), dir.string(), 100);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, Count("outbox"));
  EXPECT_EQ(*db().QueryInt("SELECT COUNT(*) FROM outbox WHERE body <> '' OR delivered_at IS NULL"), 0);
  EXPECT_EQ(static_cast<int>(std::distance(std::filesystem::directory_iterator(dir), {})), *n);
  std::filesystem::remove_all(dir);

  // Accounts without a second factor still get their session at once.
  ASSERT_TRUE(CreateUser(db(), {"canbo.test", "MatKhau@2026y", "Cán bộ", {"officer"}, "01", "", "", ""}).ok());
  auto officer = Login(db(), "canbo.test", "MatKhau@2026y", std::chrono::hours(1));
  ASSERT_TRUE(officer.ok());
  EXPECT_TRUE(officer->session.has_value());
  // A second factor without its address is refused.
  UserInput bad{"x.test", "MatKhau@2026z", "X", {"officer"}, "01", "", "", ""};
  bad.second_factor = "sms";
  EXPECT_EQ(CreateUser(db(), bad).field(), "second_factor");
}

class HandOffTest : public Identity {
 protected:
  void SetUp() override {
    Identity::SetUp();
    if (HasFatalFailure()) return;
    key_ = MakeKey();
    dir_ = std::filesystem::temp_directory_path() / ("bhxh-idp-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::create_directories(dir_ / "keys");
    std::ofstream(dir_ / "keys" / "idp.pem") << key_.public_pem;
    std::ofstream(dir_ / "providers.csv")
        << "code,name,issuer,audience,algorithm,public_key_file,cccd_claim,name_claim,birth_claim,status\n"
        << "vneid-test,VNeID (thử),https://vneid.test,bhxh,ES256,keys/idp.pem,sub,name,birthdate,active\n"
        << "old,Cũ,https://old.test,bhxh,ES256,keys/idp.pem,sub,,,disabled\n";
    auto p = LoadIdentityProviders((dir_ / "providers.csv").string());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    providers_ = *p;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    Identity::TearDown();
  }
  Result<HandOff> Hand(const std::string& token) { return HandOffLogin(db(), *reg_, providers_, token, std::chrono::hours(1)); }
  KeyPair key_;
  std::filesystem::path dir_;
  std::vector<IdentityProvider> providers_;
};

TEST_P(HandOffTest, AVerifiedTokenOpensTheCitizensSessionOnce) {
  ASSERT_EQ(providers_.size(), 1u);  // the disabled one is not trusted
  int64_t users = Count("users");
  auto first = Hand(Sign({}, JWT_ALG_ES256, key_.private_pem));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->account_opened);
  EXPECT_EQ(first->provider, "vneid-test");
  EXPECT_EQ(first->session.actor.cccd, kCccd);
  EXPECT_EQ(Count("users"), users + 1);
  // The same token again is a replay.
  auto again = Hand(Sign({}, JWT_ALG_ES256, key_.private_pem));
  EXPECT_EQ(again.status().code(), "unauthenticated");
  EXPECT_NE(again.status().message_en().find("already used"), std::string::npos);
  // A new token finds the account.
  Claims c;
  c.jti = "t-2";
  auto second = Hand(Sign(c, JWT_ALG_ES256, key_.private_pem));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(second->account_opened);
  EXPECT_EQ(Count("users"), users + 1);
  // No password logs in to an account opened this way.
  EXPECT_EQ(Login(db(), kCccd, "!no-password", std::chrono::hours(1)).status().code(), "unauthenticated");
}

TEST_P(HandOffTest, WhatIsWrongWithATokenIsSaidAndOpensNothing) {
  int64_t users = Count("users");
  auto expect = [&](const Claims& c, jwt_alg_t alg, const std::string& key, const std::string& code, const std::string& says) {
    auto r = Hand(Sign(c, alg, key));
    EXPECT_EQ(r.status().code(), code) << says << ": " << r.status().ToString();
    EXPECT_NE(r.status().message_en().find(says), std::string::npos) << r.status().message_en();
  };
  Claims c;
  c.jti = "expired";
  c.exp_in = -120;
  expect(c, JWT_ALG_ES256, key_.private_pem, "unauthenticated", "expired");
  c = {};
  c.jti = "aud";
  c.aud = "another-system";
  expect(c, JWT_ALG_ES256, key_.private_pem, "unauthenticated", "audience");
  c = {};
  c.jti = "iss";
  c.iss = "https://evil.test";
  expect(c, JWT_ALG_ES256, key_.private_pem, "unauthenticated", "issuer");
  c = {};
  c.jti = "other-key";
  expect(c, JWT_ALG_ES256, MakeKey().private_pem, "unauthenticated", "signature");
  // The classic forgery: HS256 "signed" with the provider's public key as the secret.
  c.jti = "hmac";
  expect(c, JWT_ALG_HS256, key_.public_pem, "unauthenticated", "algorithm");
  c = {};
  c.jti = "name";
  c.name = "Trần Thị Bính";
  expect(c, JWT_ALG_ES256, key_.private_pem, "not_matched", "do not match");
  c = {};
  c.jti = "nobody";
  c.cccd = "001166099999";
  expect(c, JWT_ALG_ES256, key_.private_pem, "not_matched", "do not match");
  EXPECT_EQ(Hand("not.a.token").status().code(), "unauthenticated");
  EXPECT_EQ(HandOffLogin(db(), *reg_, {}, Sign({}, JWT_ALG_ES256, key_.private_pem), std::chrono::hours(1)).status().code(),
            "unavailable");
  EXPECT_EQ(Count("users"), users);
  EXPECT_EQ(Count("sessions"), 0);
}

TEST_P(HandOffTest, ProviderListRefusesPrivateKeysAndSymmetricAlgorithms) {
  std::ofstream(dir_ / "keys" / "private.pem") << key_.private_pem;
  std::ofstream(dir_ / "p2.csv") << "code,name,issuer,audience,algorithm,public_key_file,cccd_claim,name_claim,birth_claim,status\n"
                                 << "x,X,https://x,bhxh,ES256,keys/private.pem,sub,,,active\n";
  auto r = LoadIdentityProviders((dir_ / "p2.csv").string());
  EXPECT_NE(r.status().message_en().find("public key"), std::string::npos) << r.status().ToString();
  std::ofstream(dir_ / "p3.csv") << "code,name,issuer,audience,algorithm,public_key_file,cccd_claim,name_claim,birth_claim,status\n"
                                 << "x,X,https://x,bhxh,HS256,keys/idp.pem,sub,,,active\n";
  r = LoadIdentityProviders((dir_ / "p3.csv").string());
  EXPECT_NE(r.status().field().find("p3.csv:2"), std::string::npos) << r.status().ToString();
  // The shipped list loads (and trusts no one until the agency adds its provider).
  auto shipped = LoadIdentityProviders(testing::DataDir() + "/identity/providers.csv");
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_TRUE(shipped->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, Identity, ::testing::Values("sqlite", "postgres"), testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, HandOffTest, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
