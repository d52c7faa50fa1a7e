// /identity/...: a citizen's electronic account (enrolment with a code sent
// to their phone) and the hand-off from an identity provider. All public:
// they are how a person without a session gets one.
#include "identity/module.h"
#include "platform/http/route_table.h"
#include "platform/routes.h"

namespace bhxh {

namespace {

constexpr auto kSessionTtl = std::chrono::hours(8);

const std::vector<IdentityProvider>& Providers(Call& c) { return c.ctx().State<IdentityState>().providers(); }

}  // namespace

void IdentityRoutes(RouteTable& t) {
  t.AddTag("identity", "Định danh điện tử: tài khoản công dân gắn số định danh, VNeID / electronic identity");

  t.Add(Route::Get("/identity/providers", "listIdentityProviders")
            .Tag("identity")
            .Summary("Các nhà cung cấp định danh điện tử được tin cậy (VNeID)", "Trusted identity providers (VNeID)")
            .Public()
            .NoDb()
            .Returns(200, Schema::Object({Req("providers", Schema::Array(Schema::Object(
                                                  {Req("code", Schema::String()), Req("name", Schema::String()),
                                                   Req("issuer", Schema::String())})))}))
            .Handle([](Call& c) -> Result<Reply> {
              Json out = Json::array();
              for (const auto& p : Providers(c)) out.push_back({{"code", p.code}, {"name", p.name}, {"issuer", p.issuer}});
              return Reply::Ok({{"providers", out}});
            }));

  t.Add(Route::Post("/identity/enrolments", "startEnrolment")
            .Tag("identity")
            .Summary("Đăng ký tài khoản giao dịch điện tử của công dân (gửi mã xác thực)",
                     "Open a citizen's electronic account: checks the particulars and sends a code")
            .Describe("Số định danh, họ tên, ngày sinh phải khớp cơ sở dữ liệu; mã 6 chữ số gửi qua SMS hoặc thư, hiệu lực 5 phút "
                      "/ the CCCD, name and birth date must match the record; a six-digit code goes by SMS or e-mail, valid five "
                      "minutes.")
            .Public()
            .JsonBody(Schema::Object({Req("cccd", S::Text(12).Length(12, 12)), Req("full_name", S::Text(255).Length(1, 255)),
                                      Req("birth_date", S::Text(10).Length(4, 10).Describe("YYYY-MM-DD, dd/mm/yyyy, YYYY-MM hoặc YYYY")),
                                      Opt("channel", S::OneOf({"sms", "email"})), Opt("phone", S::Text(20)),
                                      Opt("email", S::Text(254)), Req("password", S::Text(1024).Length(1, 1024))}),
                      8192)
            .Returns(200, ChallengeSchema())
            .Handle([](Call& c) -> Result<Reply> {
              EnrolmentInput in;
              in.cccd = c.BodyStr("cccd");
              in.full_name = c.BodyStr("full_name");
              in.birth_date = c.BodyStr("birth_date");
              if (std::string ch = c.BodyStr("channel"); !ch.empty()) in.channel = ch;
              in.phone = c.BodyStr("phone");
              in.email = c.BodyStr("email");
              in.password = c.BodyStr("password");
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              Actor public_actor{"public:enrolment", {}, "", "", "", in.cccd, ""};
              BHXH_ASSIGN_OR_RETURN(ChallengeSent s, StartEnrolment(c.db(), reg, in, public_actor));
              return Reply::Ok(ChallengeJson(s));
            }));

  t.Add(Route::Post("/identity/enrolments/confirm", "confirmEnrolment")
            .Tag("identity")
            .Summary("Nhập mã xác thực để mở tài khoản và đăng nhập", "Confirm an enrolment with its code: the account opens")
            .Public()
            .JsonBody(Schema::Object({Req("challenge", S::Text(80).Length(1, 80)), Req("code", S::Text(16).Length(1, 16))}), 1024)
            .Returns(200, SessionSchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(Session s, ConfirmEnrolment(c.db(), c.BodyStr("challenge"), c.BodyStr("code"), kSessionTtl));
              return Reply::Ok(SessionJson(s));
            }));

  t.Add(Route::Post("/identity/handoff", "identityHandOff")
            .Tag("identity")
            .Summary("Đăng nhập bằng định danh điện tử (VNeID): nhận mã định danh (ID token) đã ký",
                     "Log in with an identity provider's signed ID token (VNeID hand-off)")
            .Describe("Mã OpenID Connect ký RS/ES bằng khoá của nhà cung cấp trong data/identity/providers.csv; dùng một lần "
                      "/ an OpenID Connect ID token signed with a provider's key listed in data/identity/providers.csv; good once.")
            .Public()
            .JsonBody(Schema::Object({Req("id_token", S::Text(16384).Length(1, 16384))}), 20000)
            .Returns(200, Schema::Object({Req("token", Schema::String()), Req("expires_at", S::DateTime()), Req("user", UserSchema()),
                                          Req("provider", Schema::String()), Req("account_opened", S::Bool())}))
            .Handle([](Call& c) -> Result<Reply> {
              Registry reg(c.db(), c.ctx().geo, c.ctx().law);
              BHXH_ASSIGN_OR_RETURN(HandOff h, HandOffLogin(c.db(), reg, Providers(c), c.BodyStr("id_token"), kSessionTtl));
              Json out = SessionJson(h.session);
              out["provider"] = h.provider;
              out["account_opened"] = h.account_opened;
              return Reply::Ok(out);
            }));
}

}  // namespace bhxh
