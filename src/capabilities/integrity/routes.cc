// /audit/verify, /audit/seals, /audit/export: the tamper-evident trail for
// auditors and inspectors.
#include "base/date.h"
#include "integrity/module.h"
#include "platform/audit/chain.h"
#include "platform/http/route_table.h"

namespace bhxh {

namespace {

Json ToJson(const AuditVerifyReport& r) {
  Json problems = Json::array();
  for (const auto& p : r.problems)
    problems.push_back({{"kind", p.kind}, {"seq", p.seq}, {"id", p.id}, {"message", p.message_vi}, {"message_en", p.message_en}});
  return {{"ok", r.ok()},       {"rows", r.rows},   {"head_seq", r.head_seq}, {"head_hash", r.head_hash},
          {"seals", r.seals},   {"last_sealed_seq", r.last_sealed_seq},      {"problems", problems},
          {"seconds", r.seconds}};
}

Json ToJson(const AuditSeal& s) {
  return {{"seq", s.seq},         {"day", s.day},           {"head_hash", s.head_hash}, {"key_id", s.key_id},
          {"public_key", s.public_key}, {"signature", s.signature}, {"sealed_at", s.sealed_at}, {"sealed_by", s.sealed_by},
          {"replayed", s.replayed}};
}

Schema VerifySchema() {
  Schema problem = Schema::Object({Req("kind", S::OneOf({"changed", "removed", "inserted", "link_broken", "seal_mismatch",
                                                         "seal_signature", "seal_untrusted", "truncated"})),
                                   Req("seq", Schema::Integer()), Req("id", Schema::Integer()),
                                   Req("message", Schema::String()), Req("message_en", Schema::String())})
                       .Named("AuditProblem");
  return Schema::Object({Req("ok", Schema::Boolean()), Req("rows", Schema::Integer()), Req("head_seq", Schema::Integer()),
                         Req("head_hash", Schema::String()), Req("seals", Schema::Integer()),
                         Req("last_sealed_seq", Schema::Integer()), Req("problems", Schema::Array(problem)),
                         Req("seconds", Schema::Number())})
      .Named("AuditVerification");
}

Schema SealSchema() {
  return Schema::Object({Req("seq", Schema::Integer()), Req("day", Schema::String()), Req("head_hash", Schema::String()),
                         Req("key_id", Schema::String()), Req("public_key", Schema::String()),
                         Req("signature", Schema::String()), Req("sealed_at", Schema::String()),
                         Req("sealed_by", Schema::String()), Req("replayed", Schema::Boolean())})
      .Named("AuditSeal");
}

// The keys a verification trusts: the system's own (when its key file is
// there) and one an inspector brings.
Result<std::vector<std::string>> TrustedKeys(Call& c, bool need_system_key) {
  std::vector<std::string> keys;
  std::string given = c.Str("public_key");
  if (!given.empty()) keys.push_back(given);
  auto key = SealKey::Load(c.ctx().State<IntegrityState>().key_path(), false);
  if (key.ok())
    keys.push_back(key->public_hex());
  else if (need_system_key && given.empty())
    return key.status();
  return keys;
}

}  // namespace

void IntegrityRoutes(RouteTable& t) {
  t.AddTag("integrity", "Kiểm soát: nhật ký chống sửa đổi, niêm phong, xuất cho thanh tra / integrity");
  Schema hex_key = Schema::String().Pattern("^[0-9a-f]{64}$", "64 chữ số thập lục phân", "64 hex digits");

  t.Add(Route::Get("/audit/verify", "verifyAuditTrail")
            .Tag("integrity")
            .Summary("Kiểm tra toàn bộ chuỗi nhật ký: dòng nào bị sửa, xoá hoặc chèn",
                     "Walk the audit chain and name the first row changed, removed or inserted")
            .Permission("audit.verify")
            .Query("public_key", hex_key, "Khoá công khai (hex) mà thanh tra tin cậy, thêm vào khoá của hệ thống")
            .Heavy()
            .Returns(200, VerifySchema())
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto keys, TrustedKeys(c, false));
              BHXH_ASSIGN_OR_RETURN(auto rep, VerifyAuditChain(c.db(), keys));
              return Reply::Ok(ToJson(rep));
            }));

  t.Add(Route::Post("/audit/seals", "sealAuditTrail")
            .Tag("integrity")
            .Summary("Niêm phong đầu chuỗi nhật ký hôm nay bằng chữ ký Ed25519",
                     "Sign today's head of the audit chain (Ed25519)")
            .Permission("audit.seal")
            .Idempotent(Idempotency::kOptional)
            .Returns(201, SealSchema())
            .Returns(200, SealSchema(), "Đầu chuỗi đã được niêm phong / already sealed")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto key, SealKey::Load(c.ctx().State<IntegrityState>().key_path(), true));
              BHXH_ASSIGN_OR_RETURN(auto seal, SealAuditChain(c.db(), key, Date::Today().ToString(), c.actor()));
              return seal.replayed ? Reply::Ok(ToJson(seal)) : Reply::Created(ToJson(seal));
            }));

  t.Add(Route::Get("/audit/seals", "listAuditSeals")
            .Tag("integrity")
            .Summary("Các lần niêm phong nhật ký, mới nhất trước", "The seals of the audit chain, newest first")
            .Permission("audit.read")
            .Query("limit", S::Int(1, 1000), "Số dòng (mặc định 100)")
            .Returns(200, Schema::Object({Req("seals", Schema::Array(SealSchema())), Opt("system_public_key", Schema::String())}))
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(auto seals, ListSeals(c.db(), static_cast<int>(c.Int("limit", 100))));
              Json out = Json::array();
              for (const auto& s : seals) out.push_back(ToJson(s));
              Json j = {{"seals", out}};
              if (auto key = SealKey::Load(c.ctx().State<IntegrityState>().key_path(), false); key.ok())
                j["system_public_key"] = key->public_hex();
              return Reply::Ok(j);
            }));

  t.Add(Route::Get("/audit/export", "exportAuditTrail")
            .Tag("integrity")
            .Summary("Xuất chuỗi nhật ký kèm niêm phong (JSON Lines) cho thanh tra",
                     "Export the chain with its seals (JSON Lines) for the inspectors")
            .Permission("audit.export")
            .Query("from", S::Int(1, INT64_MAX), "Từ dòng số (mặc định 1)")
            .Query("to", S::Int(1, INT64_MAX), "Đến dòng số (mặc định: đầu chuỗi)")
            .Heavy()
            .ReturnsFile(200, {"application/x-ndjson"}, "Mỗi dòng một bản ghi nhật ký, sau đó các niêm phong")
            .Handle([](Call& c) -> Result<Reply> {
              BHXH_ASSIGN_OR_RETURN(std::string body, ExportAuditChain(c.db(), c.Int("from", 1), c.Int("to", 0)));
              return Reply::File(std::move(body), "application/x-ndjson", "nhat-ky-" + Date::Today().ToString() + ".jsonl");
            }));

  t.Add(Route::Post("/audit/export/verify", "verifyAuditExport")
            .Tag("integrity")
            .Summary("Kiểm tra một tệp nhật ký đã xuất, không cần cơ sở dữ liệu",
                     "Verify an exported audit file, away from the database")
            .Permission("audit.verify")
            .Query("public_key", hex_key, "Khoá công khai (hex) mà thanh tra tin cậy")
            .RawBody({"application/x-ndjson", "text/plain"}, "JSON Lines từ /audit/export", 512 << 20)
            .NoDb()
            .Heavy()
            .Returns(200, VerifySchema())
            .Handle([](Call& c) -> Result<Reply> {
              std::vector<std::string> keys;
              if (!c.Str("public_key").empty()) keys.push_back(c.Str("public_key"));
              BHXH_ASSIGN_OR_RETURN(auto rep, VerifyAuditExport(c.RawBody(), keys));
              return Reply::Ok(ToJson(rep));
            }));
}

}  // namespace bhxh
