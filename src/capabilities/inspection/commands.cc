// `bhxh inspection ...`: the risk ranking, tax data, fines, inspections and
// post-audit samples, through the route table.
#include <iostream>

#include "inspection/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

void PrintInspection(const Json& j) {
  std::cout << "Cuộc thanh tra số " << j["id"] << " — " << Txt(j, "employer_name") << " (" << Txt(j, "employer_code")
            << "), quyết định " << Txt(j, "decision_no") << " ngày " << DateVi(Txt(j, "decided_on")) << ", trạng thái "
            << Txt(j, "status") << "\n";
  TextTable t({{"Số"}, {"Khoản"}, {"Sai phạm", {}, 40}, {"Phải thu", TextTable::Align::kRight},
               {"Phạt", TextTable::Align::kRight}, {"Đã thu hồi", TextTable::Align::kRight}});
  for (const auto& f : j["findings"])
    t.Row({std::to_string(f["id"].get<int64_t>()), Txt(f, "clause"), Txt(f, "description"), MoneyVi(f["total_due"].get<int64_t>()),
           MoneyVi(f["fine"]["fine"].get<int64_t>()), MoneyVi(f["recovered"].get<int64_t>())});
  t.Print(std::cout);
  std::cout << "Phải thu hồi " << MoneyVi(j["to_recover"].get<int64_t>()) << ", tiền phạt " << MoneyVi(j["fines"].get<int64_t>())
            << ", đã thu " << MoneyVi(j["recovered"].get<int64_t>()) << ", còn lại " << MoneyVi(j["outstanding"].get<int64_t>()) << "\n";
}

void PrintPostAudit(const Json& j) {
  std::cout << "Đợt hậu kiểm số " << j["id"] << " \"" << Txt(j, "label") << "\" từ " << DateVi(Txt(j, "from")) << " đến "
            << DateVi(Txt(j, "to")) << " (hạt giống " << Txt(j, "seed").substr(0, 16) << "…)\n";
  for (const auto& s : j["strata"])
    std::cout << "  " << Txt(s, "kind") << ": chọn " << s["drawn"] << "/" << s["population"] << " (tỷ lệ " << Txt(s, "share") << "%)\n";
  TextTable t({{"Loại"}, {"Mã giao dịch"}, {"Nội dung", {}, 50}, {"Kết quả"}});
  for (const auto& i : j["items"]) t.Row({Txt(i, "kind"), Txt(i, "ref"), Txt(i, "summary"), Txt(i, "result")});
  t.Print(std::cout);
  std::cout << "Chưa kiểm tra " << j["pending"] << ", đúng " << j["ok"] << ", có sai lệch " << j["discrepancies"] << "\n";
}

}  // namespace

void InspectionCommands(Shell& sh) {
  auto* g = sh.Group("inspection", "Thanh tra, kiểm tra và hậu kiểm / inspection and post-audit");
  {
    struct Opts {
      std::string as_of, province;
      int limit = 20;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("risk", "Xếp hạng rủi ro đơn vị cho kế hoạch thanh tra / risk ranking");
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD (mặc định hôm nay)");
    c->add_option("--province", o->province, "Mã tỉnh");
    c->add_option("--limit", o->limit, "Số đơn vị (mặc định 20)");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      std::map<std::string, std::string> q = {{"limit", std::to_string(o->limit)}};
      if (!o->as_of.empty()) q["as_of"] = o->as_of;
      if (!o->province.empty()) q["province"] = o->province;
      sh.Run("GET", "/inspection/risk", q, "", [](const Json& j) {
        std::cout << "Xếp hạng rủi ro " << j["employers"] << " đơn vị tính đến " << DateVi(Txt(j, "as_of")) << "; "
                  << j["mandatory"] << " đơn vị bắt buộc thanh tra (nợ từ 3 tháng)"
                  << (j["tax_data"].get<bool>() ? "" : "; chưa có dữ liệu lao động của cơ quan thuế") << "\n";
        TextTable t({{"Hạng", TextTable::Align::kRight}, {"Mã"}, {"Đơn vị", {}, 32}, {"Điểm", TextTable::Align::kRight},
                     {"Bắt buộc"}, {"Yếu tố chính", {}, 60}});
        int rank = 0;
        for (const auto& e : j["ranking"]) {
          std::string why;
          for (const auto& f : e["factors"])
            if (f["points"].get<double>() > 0) why += (why.empty() ? "" : "; ") + Txt(f, "explanation");
          t.Row({std::to_string(++rank), Txt(e, "code"), Txt(e, "name"), DecimalVi(e["score"].get<double>(), 1),
                 e["mandatory"].get<bool>() ? "Có" : "", why.empty() ? "Không có yếu tố rủi ro" : why});
        }
        t.Print(std::cout);
      });
    }));
  }
  {
    struct Opts {
      std::string file, source;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("tax-import", "Nhập dữ liệu lao động của cơ quan thuế (CSV tax_code,year,employees)");
    c->add_option("file", o->file, "Tệp CSV")->required();
    c->add_option("--source", o->source, "Nguồn dữ liệu (công văn, cơ quan thuế)")->required();
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run("POST", "/inspection/tax-workforce", {{"source", o->source}}, *body, [](const Json& j) {
        std::cout << "Đã nhập " << j["rows"] << " dòng; " << j["unknown_tax_codes"].size()
                  << " mã số thuế chưa có trong danh sách đơn vị tham gia\n";
      }, {{"content-type", "text/csv"}});
    }));
  }
  {
    struct Opts {
      std::string clause, circumstance = "none", date;
      int64_t due = 0;
      bool individual = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("fine", "Tính mức phạt theo Điều 39 Nghị định 12/2022/NĐ-CP / compute a fine");
    c->add_option("--clause", o->clause, "Khoản, ví dụ 39.5")->required();
    c->add_option("--due", o->due, "Tổng số tiền phải đóng tại thời điểm lập biên bản (đồng)");
    c->add_flag("--individual", o->individual, "Người vi phạm là cá nhân (mặc định: tổ chức, gấp đôi)");
    c->add_option("--circumstance", o->circumstance, "none | mitigating | aggravating");
    c->add_option("--date", o->date, "Ngày vi phạm YYYY-MM-DD (mặc định hôm nay)");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      Json b = {{"clause", o->clause}, {"total_due", o->due}, {"organisation", !o->individual}, {"circumstance", o->circumstance}};
      if (!o->date.empty()) b["date"] = o->date;
      sh.Run("POST", "/inspection/fine", {}, DumpJson(b), [](const Json& j) {
        std::cout << Txt(j, "explanation") << "\nCăn cứ:\n";
        for (const auto& x : j["basis"]) std::cout << "  " << x.get<std::string>() << "\n";
      });
    }));
  }
  {
    struct Opts {
      std::string employer, decision, decided_on, kind = "planned", key;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("open", "Mở một cuộc thanh tra / open an inspection");
    c->add_option("--employer", o->employer, "Mã đơn vị")->required();
    c->add_option("--decision", o->decision, "Số quyết định thanh tra")->required();
    c->add_option("--decided-on", o->decided_on, "Ngày quyết định YYYY-MM-DD")->required();
    c->add_option("--kind", o->kind, "planned | unannounced");
    c->add_option("--key", o->key, "Khoá chống gửi trùng (mặc định: số quyết định và mã đơn vị)");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      Json b = {{"employer_code", o->employer}, {"decision_no", o->decision}, {"decided_on", o->decided_on}, {"kind", o->kind}};
      std::string key = o->key.empty() ? "insp-" + o->decision + "-" + o->employer : o->key;
      sh.Run("POST", "/inspection/inspections", {}, DumpJson(b), PrintInspection, {{"idempotency-key", key}});
    }));
  }
  {
    struct Opts {
      int64_t id = 0;
      std::string clause, description, circumstance = "none";
      int64_t due = 0;
      int workers = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("finding", "Ghi một sai phạm của cuộc thanh tra / record a finding");
    c->add_option("id", o->id, "Số cuộc thanh tra")->required();
    c->add_option("--clause", o->clause, "Khoản của Điều 39, ví dụ 39.5")->required();
    c->add_option("--description", o->description, "Mô tả sai phạm")->required();
    c->add_option("--due", o->due, "Số tiền phải đóng, phải thu hồi");
    c->add_option("--workers", o->workers, "Số lao động liên quan");
    c->add_option("--circumstance", o->circumstance, "none | mitigating | aggravating");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      Json b = {{"clause", o->clause}, {"description", o->description}, {"total_due", o->due}, {"workers", o->workers},
                {"circumstance", o->circumstance}};
      sh.Run("POST", "/inspection/inspections/" + std::to_string(o->id) + "/findings", {}, DumpJson(b), PrintInspection);
    }));
  }
  {
    struct Opts {
      int64_t id = 0;
      std::string on;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("conclude", "Kết luận thanh tra (không phải người đã ghi sai phạm)");
    c->add_option("id", o->id, "Số cuộc thanh tra")->required();
    c->add_option("--on", o->on, "Ngày kết luận YYYY-MM-DD")->required();
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("POST", "/inspection/inspections/" + std::to_string(o->id) + "/conclusion", {},
             DumpJson(Json{{"concluded_on", o->on}}), PrintInspection);
    }));
  }
  {
    auto id = std::make_shared<int64_t>(0);
    auto* c = g->add_subcommand("show", "Một cuộc thanh tra / one inspection");
    c->add_option("id", *id, "Số cuộc thanh tra")->required();
    c->callback(sh.Guard([&sh, id] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("GET", "/inspection/inspections/" + std::to_string(*id), {}, "", PrintInspection);
    }));
  }
  {
    struct Opts {
      std::string label, from, to;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("sample", "Chọn mẫu hậu kiểm giao dịch điện tử / draw a post-audit sample");
    c->add_option("--label", o->label, "Tên đợt, ví dụ \"Hậu kiểm quý 3/2025\"")->required();
    c->add_option("--from", o->from, "Từ ngày YYYY-MM-DD")->required();
    c->add_option("--to", o->to, "Đến ngày YYYY-MM-DD")->required();
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      sh.Run("POST", "/inspection/post-audits", {}, DumpJson(Json{{"label", o->label}, {"from", o->from}, {"to", o->to}}),
             PrintPostAudit);
    }));
  }
  {
    struct Opts {
      int64_t id = 0;
      std::string kind, ref, result, note;
    };
    auto o = std::make_shared<Opts>();
    auto* c = g->add_subcommand("check", "Ghi kết quả kiểm tra lại một giao dịch trong mẫu hậu kiểm");
    c->add_option("id", o->id, "Số đợt hậu kiểm")->required();
    c->add_option("--kind", o->kind, "declaration | claims_envelope | benefit_payment")->required();
    c->add_option("--ref", o->ref, "Mã giao dịch")->required();
    c->add_option("--result", o->result, "ok | discrepancy")->required();
    c->add_option("--note", o->note, "Ghi chú (bắt buộc khi có sai lệch)");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      Json b = {{"kind", o->kind}, {"ref", o->ref}, {"result", o->result}};
      if (!o->note.empty()) b["note"] = o->note;
      sh.Run("POST", "/inspection/post-audits/" + std::to_string(o->id) + "/results", {}, DumpJson(b), PrintPostAudit);
    }));
  }
}

}  // namespace bhxh
