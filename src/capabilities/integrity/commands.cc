// `bhxh audit ...`: verify the chain, seal its head, list the seals, export
// it for the inspectors, show the public key they should trust.
#include <iostream>

#include "integrity/module.h"
#include "platform/audit/chain.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

void PrintVerification(Shell& sh, const Json& j) {
  std::cout << "Đã kiểm tra " << NumberVi(j["rows"].get<int64_t>()) << " dòng nhật ký và " << j["seals"].get<int64_t>()
            << " niêm phong trong " << DecimalVi(j["seconds"].get<double>(), 2) << " giây.\n";
  std::cout << "Đầu chuỗi: dòng " << j["head_seq"].get<int64_t>() << ", mã băm " << Txt(j, "head_hash").substr(0, 16)
            << "…; niêm phong hợp lệ gần nhất đến dòng " << j["last_sealed_seq"].get<int64_t>() << ".\n";
  if (j["ok"].get<bool>()) {
    std::cout << "Kết quả: chuỗi nhật ký nguyên vẹn.\n";
    return;
  }
  std::cout << "Kết quả: PHÁT HIỆN SAI LỆCH\n";
  for (const auto& p : j["problems"]) std::cout << "  - " << Txt(p, "message") << "\n";
  sh.set_rc(2);
}

}  // namespace

void IntegrityCommands(Shell& sh) {
  auto* g = sh.Group("audit", "Nhật ký chống sửa đổi: kiểm tra, niêm phong, xuất / the tamper-evident audit trail");
  {
    struct Opts {
      std::string public_key, file;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("verify", "Kiểm tra chuỗi nhật ký (hoặc một tệp đã xuất) / verify the chain");
    c->add_option("--public-key", o->public_key, "Khoá công khai (hex) tin cậy, ngoài khoá của hệ thống");
    c->add_option("--file", o->file, "Kiểm tra tệp JSON Lines đã xuất thay vì cơ sở dữ liệu");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q;
      if (!o->public_key.empty()) q["public_key"] = o->public_key;
      auto print = [&sh](const Json& j) { PrintVerification(sh, j); };
      if (!o->file.empty()) {
        auto ctx = sh.ContextNoDb();
        if (!ctx.ok()) return sh.Fail(ctx.status());
        auto body = sh.ReadArg(o->file);
        if (!body.ok()) return sh.Fail(body.status());
        return sh.Run("POST", "/audit/export/verify", q, *body, print, {{"content-type", "application/x-ndjson"}});
      }
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("GET", "/audit/verify", q, "", print);
    }));
  }
  {
    auto* c = g->add_subcommand("seal", "Niêm phong đầu chuỗi nhật ký hôm nay (chạy hằng ngày) / sign today's head");
    c->callback(sh.Guard([&sh] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("POST", "/audit/seals", {}, "", [](const Json& j) {
        std::cout << (j["replayed"].get<bool>() ? "Đầu chuỗi đã được niêm phong trước đó: " : "Đã niêm phong: ") << "dòng "
                  << j["seq"].get<int64_t>() << ", ngày " << DateVi(Txt(j, "day")) << ", khoá " << Txt(j, "key_id") << "\n";
      });
    }));
  }
  {
    auto* c = g->add_subcommand("seals", "Các lần niêm phong / the seals");
    c->callback(sh.Guard([&sh] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("GET", "/audit/seals", {}, "", [](const Json& j) {
        TextTable t({{"Ngày"}, {"Đến dòng", TextTable::Align::kRight}, {"Mã băm"}, {"Khoá"}, {"Người niêm phong"}});
        for (const auto& s : j["seals"])
          t.Row({DateVi(Txt(s, "day")), NumberVi(s["seq"].get<int64_t>()), Txt(s, "head_hash").substr(0, 16) + "…",
                 Txt(s, "key_id"), Txt(s, "sealed_by")});
        t.Print(std::cout);
        if (j.contains("system_public_key")) std::cout << "Khoá công khai của hệ thống: " << Txt(j, "system_public_key") << "\n";
      });
    }));
  }
  {
    struct Opts {
      int64_t from = 0, to = 0;
      std::string out;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("export", "Xuất chuỗi nhật ký kèm niêm phong cho thanh tra / export for inspectors");
    c->add_option("--from", o->from, "Từ dòng số");
    c->add_option("--to", o->to, "Đến dòng số");
    c->add_option("-o,--output", o->out, "Tệp kết quả (.jsonl)")->required();
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      std::map<std::string, std::string> q;
      if (o->from > 0) q["from"] = std::to_string(o->from);
      if (o->to > 0) q["to"] = std::to_string(o->to);
      auto r = sh.Call("GET", "/audit/export", q);
      if (r.status != 200) return sh.Run("GET", "/audit/export", q, "", [](const Json&) {});
      if (Status s = WriteFileBytes(o->out, r.body); !s.ok()) return sh.Fail(s);
      size_t lines = std::count(r.body.begin(), r.body.end(), '\n');
      if (sh.g().json)
        sh.PrintJson({{"file", o->out}, {"lines", lines}});
      else
        std::cout << "Đã xuất " << NumberVi(static_cast<int64_t>(lines)) << " dòng vào " << o->out << "\n";
    }));
  }
  {
    auto* c = g->add_subcommand("key", "Khoá công khai để thanh tra kiểm tra niêm phong (tạo khoá nếu chưa có)");
    c->callback(sh.Guard([&sh] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      const std::string& path = (*ctx)->State<IntegrityState>().key_path();
      auto key = SealKey::Load(path, true);
      if (!key.ok()) return sh.Fail(key.status());
      if (sh.g().json)
        sh.PrintJson({{"public_key", key->public_hex()}, {"key_id", key->key_id()}, {"file", path}});
      else
        std::cout << "Khoá công khai (Ed25519): " << key->public_hex() << "\nMã khoá: " << key->key_id()
                  << "\nTệp khoá bí mật: " << path << " (giữ riêng, không để cùng cơ sở dữ liệu khi vận hành thật)\n";
    }));
  }
}

}  // namespace bhxh
