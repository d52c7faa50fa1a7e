#include "identity/identity.h"

#include <jwt.h>

#include <ctime>
#include <filesystem>
#include <memory>

#include "base/csv.h"
#include "base/text.h"
#include "platform/audit/audit.h"
#include "platform/jsonio/json.h"

namespace bhxh {
namespace {

constexpr const char* kCitizen = "citizen";

Status NotMatched(const std::string& field) {
  return Status::Error("not_matched", field,
                       "Số định danh, họ tên và ngày sinh không khớp với cơ sở dữ liệu quốc gia về bảo hiểm; kiểm tra lại hoặc "
                       "liên hệ cơ quan BHXH để điều chỉnh thông tin",
                       "the CCCD, full name and birth date do not match a living person in the national insurance database");
}

// Names compared as a person writes them: case and runs of spaces do not
// matter, diacritics do (Nguyễn and Nguyên are different names).
std::string NameKey(const std::string& name) {
  std::string folded = CaseFold(name), out;
  for (char ch : folded) {
    if (ch == ' ' || ch == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(ch);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A birth date as the person gives it, against the record's (which may be a
// year or a month only): every part the record knows must agree, and the
// person must not claim parts the record does not have differently.
Result<bool> BirthMatches(const std::string& given, const PartialDate& recorded, const std::string& field) {
  PartialDate g;
  if (given.size() == 10 && given[2] == '/') {
    BHXH_ASSIGN_OR_RETURN(Date d, Date::ParseIsoOrVi(given, field));
    Ymd y = d.ymd();
    g.year = y.year;
    g.month = y.month;
    g.day = y.day;
  } else {
    BHXH_ASSIGN_OR_RETURN(g, PartialDate::Parse(given, field));
  }
  // The record knows the day: the person must give it, not a year alone.
  return g.Matches(recorded) && !(recorded.day && !g.day);
}

Result<Person> LivingPerson(Registry& registry, const std::string& cccd, const std::string& field) {
  if (cccd.size() != 12 || !IsDigits(cccd))
    return Status::Invalid(field, "Số định danh cá nhân phải gồm đúng 12 chữ số", "the CCCD has exactly 12 digits");
  Result<Person> p = registry.PersonByCccd(cccd);
  if (!p.ok()) {
    if (p.status().code() == "not_found") return NotMatched(field);
    return p.status();
  }
  if (p->deceased_on) return NotMatched(field);
  return p;
}

bool ValidEmail(const std::string& e) {
  size_t at = e.find('@');
  return e.size() <= 254 && at != std::string::npos && at > 0 && e.find('.', at) != std::string::npos && e.back() != '.' &&
         e.find(' ') == std::string::npos && !HasControlChars(e);
}

struct JwtDeleter {
  void operator()(jwt_t* j) const { jwt_free(j); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

Status BadToken(const std::string& vi, const std::string& en) {
  return Status::Error("unauthenticated", "id_token", "Mã định danh điện tử không hợp lệ: " + vi, "the ID token is not valid: " + en);
}

// The audience claim may be one string or a list.
bool AudienceHas(jwt_t* j, const std::string& audience) {
  if (const char* a = jwt_get_grant(j, "aud")) return audience == a;
  char* raw = jwt_get_grants_json(j, "aud");
  if (!raw) return false;
  std::string text(raw);
  free(raw);
  Json v = Json::parse(text, nullptr, false);
  if (!v.is_array()) return false;
  for (const auto& x : v)
    if (x.is_string() && x.get<std::string>() == audience) return true;
  return false;
}

}  // namespace

Result<std::string> NormalizeMobile(const std::string& phone, const std::string& field) {
  std::string d;
  for (char ch : phone) {
    if (ch == ' ' || ch == '.' || ch == '-') continue;
    d.push_back(ch);
  }
  if (d.rfind("+84", 0) == 0) d = "0" + d.substr(3);
  else if (d.size() == 11 && d.rfind("84", 0) == 0) d = "0" + d.substr(2);
  if (d.size() != 10 || !IsDigits(d) || d[0] != '0' || std::string("35789").find(d[1]) == std::string::npos)
    return Status::Invalid(field, "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09",
                           "a mobile number has 10 digits starting 03, 05, 07, 08 or 09");
  return d;
}

namespace {

// Mismatched particulars are counted per CCCD (the route writes outside a
// transaction, so the count stays although the answer is an error); from
// the fifth in an hour the CCCD is refused until the hour has passed.
constexpr int kMismatchesPerHour = 5;

Status TooManyMismatches(Db& db, const std::string& cccd) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM identity_mismatches WHERE cccd = ? AND at > ?"));
  st->Bind(cccd, IsoUtcAt(std::time(nullptr) - 3600));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row && st->Int(0) >= kMismatchesPerHour)
    return Status::Error("rate_limited", "cccd", "Đã nhập sai thông tin nhiều lần; vui lòng thử lại sau một giờ hoặc đến cơ quan BHXH",
                         "too many mismatched attempts for this CCCD; try again in an hour or at a VSS office");
  return Status::Ok();
}

Status CountMismatch(Db& db, const std::string& cccd, const Status& why) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO identity_mismatches (cccd, at) VALUES (?, ?)"));
  BHXH_RETURN_IF_ERROR(st->Bind(cccd, NowIsoUtc()).Run());
  return why;
}

}  // namespace

Result<ChallengeSent> StartEnrolment(Db& db, Registry& registry, const EnrolmentInput& in, const Actor& actor) {
  if (in.channel != "sms" && in.channel != "email")
    return Status::Invalid("channel", "Kênh nhận mã là sms hoặc email", "the code goes by sms or email");
  std::string phone, email;
  if (!in.phone.empty() || in.channel == "sms") {
    BHXH_ASSIGN_OR_RETURN(phone, NormalizeMobile(in.phone));
  }
  if (!in.email.empty() || in.channel == "email") {
    if (!ValidEmail(in.email))
      return Status::Invalid("email", "Địa chỉ thư điện tử không hợp lệ", "the e-mail address is not valid");
    email = in.email;
  }
  if (in.full_name.empty() || in.full_name.size() > 255 || !IsValidUtf8(in.full_name))
    return Status::Invalid("full_name", "Họ tên từ 1 đến 255 byte UTF-8", "the full name has 1 to 255 bytes of UTF-8");
  BHXH_RETURN_IF_ERROR(CheckPassword(in.password));
  if (in.cccd.size() != 12 || !IsDigits(in.cccd))
    return Status::Invalid("cccd", "Số định danh cá nhân phải gồm đúng 12 chữ số", "the CCCD has exactly 12 digits");
  BHXH_RETURN_IF_ERROR(TooManyMismatches(db, in.cccd));
  Result<Person> found = LivingPerson(registry, in.cccd, "cccd");
  if (!found.ok()) {
    if (found.status().code() == "not_matched") return CountMismatch(db, in.cccd, found.status());
    return found.status();
  }
  const Person& p = *found;
  BHXH_ASSIGN_OR_RETURN(bool born, BirthMatches(in.birth_date, p.dob, "birth_date"));
  if (!born || NameKey(in.full_name) != NameKey(p.full_name)) return CountMismatch(db, in.cccd, NotMatched("cccd"));
  BHXH_ASSIGN_OR_RETURN(auto existing, UserForCccd(db, p.cccd, kCitizen));
  if (existing)
    return Status::Conflict("cccd", "Số định danh này đã có tài khoản; hãy đăng nhập (tên đăng nhập là số định danh)",
                            "this CCCD has an account already; log in (the user name is the CCCD)");
  BHXH_ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password));
  Json payload = {{"password_hash", hash}, {"phone", phone},         {"email", email},
                  {"channel", in.channel}, {"name", p.full_name},    {"province", p.province}};
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(
      ChallengeSent c,
      StartChallenge(db, "enrolment", p.cccd, in.channel, in.channel == "sms" ? phone : email, payload.dump(),
                     "BHXH Việt Nam: mã xác thực mở tài khoản giao dịch điện tử của bạn là {code}, có hiệu lực 5 phút. "
                     "Không cung cấp mã này cho bất kỳ ai."));
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "e-account-code-sent", "person", p.cccd, in.channel));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return c;
}

Result<Session> ConfirmEnrolment(Db& db, const std::string& challenge, const std::string& code, std::chrono::seconds ttl) {
  BHXH_ASSIGN_OR_RETURN(ChallengePassed passed, PassChallenge(db, "enrolment", challenge, code));
  Json p = Json::parse(passed.payload, nullptr, false);
  if (!p.is_object()) return Status::Internal("an enrolment challenge without its particulars");
  const std::string cccd = passed.subject;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto existing, UserForCccd(db, cccd, kCitizen));
  if (existing)
    return Status::Conflict("cccd", "Số định danh này đã có tài khoản; hãy đăng nhập", "this CCCD has an account already; log in");
  UserInput u;
  u.username = cccd;
  u.password_hash = p.value("password_hash", "");
  u.display_name = p.value("name", "");
  u.roles = {kCitizen};
  u.province = p.value("province", "");
  u.cccd = cccd;
  u.phone = p.value("phone", "");
  u.email = p.value("email", "");
  u.second_factor = p.value("channel", "sms");
  BHXH_RETURN_IF_ERROR(CreateUser(db, u, /*must_be_new=*/true));
  Actor self{"user:" + cccd, {kCitizen}, u.province, "", "", cccd, u.display_name};
  BHXH_RETURN_IF_ERROR(WriteAudit(db, self, "e-account-opened", "person", cccd, u.second_factor));
  BHXH_ASSIGN_OR_RETURN(Session s, OpenSession(db, cccd, ttl, "enrolment"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return s;
}

Result<std::vector<IdentityProvider>> LoadIdentityProviders(const std::string& csv_path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(csv_path));
  const char* need[] = {"code", "name", "issuer", "audience", "algorithm", "public_key_file", "cccd_claim", "name_claim", "birth_claim",
                        "status"};
  std::vector<int> col;
  for (const char* n : need) {
    col.push_back(t.Column(n));
    if (col.back() < 0) return Status::Invalid(csv_path, std::string("Thiếu cột ") + n, std::string("missing column ") + n);
  }
  std::string dir = std::filesystem::path(csv_path).parent_path().string();
  std::vector<IdentityProvider> out;
  int line = 1;
  for (const auto& r : t.rows) {
    ++line;
    const std::string where = csv_path + ":" + std::to_string(line);
    const std::string& status = r.cells[col[9]];
    if (status != "active" && status != "disabled")
      return Status::Invalid(where, "Trạng thái là active hoặc disabled", "status is active or disabled");
    if (status != "active") continue;
    IdentityProvider p{r.cells[col[0]], r.cells[col[1]], r.cells[col[2]], r.cells[col[3]], r.cells[col[4]], "",
                       r.cells[col[6]], r.cells[col[7]], r.cells[col[8]]};
    jwt_alg_t alg = jwt_str_alg(p.algorithm.c_str());
    if (alg != JWT_ALG_RS256 && alg != JWT_ALG_RS384 && alg != JWT_ALG_RS512 && alg != JWT_ALG_ES256 && alg != JWT_ALG_ES384 &&
        alg != JWT_ALG_ES512)
      return Status::Invalid(where, "Thuật toán ký phải là RS256/384/512 hoặc ES256/384/512 (khoá công khai)",
                             "the algorithm must be RS256/384/512 or ES256/384/512 (a public key)");
    if (p.code.empty() || p.issuer.empty() || p.audience.empty() || p.cccd_claim.empty())
      return Status::Invalid(where, "Thiếu mã, nơi cấp, đối tượng nhận hoặc trường số định danh",
                             "code, issuer, audience and cccd_claim are required");
    BHXH_ASSIGN_OR_RETURN(p.public_key_pem, ReadFile(dir + "/" + r.cells[col[5]]));
    if (p.public_key_pem.find("PRIVATE KEY") != std::string::npos)
      return Status::Invalid(where, "Tệp khoá phải là khoá công khai, không phải khoá bí mật",
                             "the key file must hold a public key, never a private one");
    out.push_back(std::move(p));
  }
  return out;
}

Result<HandOff> HandOffLogin(Db& db, Registry& registry, const std::vector<IdentityProvider>& providers, const std::string& id_token,
                             std::chrono::seconds ttl) {
  if (providers.empty())
    return Status::Error("unavailable", "id_token", "Chưa cấu hình nhà cung cấp định danh điện tử (VNeID)",
                         "no identity provider (VNeID) is configured");
  if (id_token.empty() || id_token.size() > 16384) return BadToken("độ dài", "length");
  // Read the issuer without trusting anything, only to choose the key.
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, id_token.c_str(), nullptr, 0) != 0 || !raw) return BadToken("không đọc được", "cannot be read");
  JwtPtr unverified(raw);
  const char* iss = jwt_get_grant(unverified.get(), "iss");
  const IdentityProvider* prov = nullptr;
  for (const auto& p : providers)
    if (iss && p.issuer == iss) prov = &p;
  if (!prov) return BadToken("nơi cấp không được tin cậy", "issuer not trusted");
  raw = nullptr;
  if (jwt_decode(&raw, id_token.c_str(), reinterpret_cast<const unsigned char*>(prov->public_key_pem.data()),
                 static_cast<int>(prov->public_key_pem.size())) != 0 ||
      !raw)
    return BadToken("chữ ký sai", "bad signature");
  JwtPtr tok(raw);
  // Only the provider's own algorithm: an HMAC "signed" with the public key
  // as its secret, or "none", would otherwise pass.
  if (jwt_get_alg(tok.get()) != jwt_str_alg(prov->algorithm.c_str())) return BadToken("thuật toán ký không đúng", "wrong algorithm");
  if (!AudienceHas(tok.get(), prov->audience)) return BadToken("không dành cho hệ thống này", "audience mismatch");
  long now = static_cast<long>(std::time(nullptr)), skew = 60;
  errno = 0;
  long exp = jwt_get_grant_int(tok.get(), "exp");
  if (errno != 0 || exp <= 0) return BadToken("thiếu thời hạn", "no expiry");
  if (exp + skew < now) return BadToken("đã hết hạn", "expired");
  errno = 0;
  long nbf = jwt_get_grant_int(tok.get(), "nbf");
  if (errno == 0 && nbf > now + skew) return BadToken("chưa đến thời điểm hiệu lực", "not yet valid");
  const char* cccd_c = jwt_get_grant(tok.get(), prov->cccd_claim.c_str());
  if (!cccd_c) return BadToken("thiếu số định danh (" + prov->cccd_claim + ")", "no CCCD claim (" + prov->cccd_claim + ")");
  const std::string cccd = cccd_c;
  BHXH_ASSIGN_OR_RETURN(Person person, LivingPerson(registry, cccd, "id_token"));
  if (const char* n = prov->name_claim.empty() ? nullptr : jwt_get_grant(tok.get(), prov->name_claim.c_str()))
    if (NameKey(n) != NameKey(person.full_name)) return NotMatched("id_token");
  if (const char* b = prov->birth_claim.empty() ? nullptr : jwt_get_grant(tok.get(), prov->birth_claim.c_str())) {
    Result<bool> same = BirthMatches(b, person.dob, "id_token");
    if (!same.ok() || !*same) return NotMatched("id_token");
  }
  const char* jti = jwt_get_grant(tok.get(), "jti");
  const std::string token_key = Sha256Hex(prov->code + "|" + (jti ? std::string(jti) : id_token));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto used, db.Prepare("SELECT 1 FROM identity_assertions WHERE token_sha256 = ?"));
  used->Bind(token_key);
  BHXH_ASSIGN_OR_RETURN(bool seen, used->Step());
  if (seen) return BadToken("đã được dùng", "already used");
  used->Reset();
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(
      "INSERT INTO identity_assertions (token_sha256, provider, cccd, expires_at, used_at) VALUES (?,?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(ins->Bind(token_key, prov->code, cccd, IsoUtcAt(static_cast<std::time_t>(exp)), NowIsoUtc()).Run());
  HandOff out;
  out.provider = prov->code;
  BHXH_ASSIGN_OR_RETURN(auto existing, UserForCccd(db, cccd, kCitizen));
  std::string username;
  if (existing) {
    username = *existing;
  } else {
    UserInput u;
    u.username = cccd;
    u.password_hash = kNoPassword;
    u.display_name = person.full_name;
    u.roles = {kCitizen};
    u.province = person.province;
    u.cccd = cccd;
    BHXH_RETURN_IF_ERROR(CreateUser(db, u, /*must_be_new=*/true));
    Actor self{"user:" + cccd, {kCitizen}, person.province, "", "", cccd, person.full_name};
    BHXH_RETURN_IF_ERROR(WriteAudit(db, self, "e-account-opened", "person", cccd, "handoff:" + prov->code));
    username = cccd;
    out.account_opened = true;
  }
  BHXH_ASSIGN_OR_RETURN(out.session, OpenSession(db, username, ttl, "handoff:" + prov->code));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

}  // namespace bhxh
