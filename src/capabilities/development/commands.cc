// `bhxh development ...`: imports of tax and business-register data, the
// cross-match, its ranked list and follow-ups, and coverage by commune —
// through the route table, as the officer at the console.
#include <iostream>

#include "base/citation.h"
#include "development/module.h"
#include "platform/cli/format.h"
#include "platform/cli/shell.h"

namespace bhxh {

namespace {

const char* KindVi(const std::string& k) { return k == "unregistered" ? "Chưa đăng ký" : "Đóng thiếu"; }
const char* StageVi(const std::string& s) {
  if (s == "within_deadline") return "trong hạn đăng ký";
  if (s == "late") return "quá hạn đăng ký";
  if (s == "evasion") return "quá 60 ngày: trốn đóng";
  return "";
}
const char* FollowVi(const std::string& s) {
  if (s == "contacted") return "Đã liên hệ";
  if (s == "registered") return "Đã đăng ký";
  if (s == "referred_inspection") return "Chuyển thanh tra";
  if (s == "closed") return "Đã đóng";
  return "Chưa xử lý";
}

std::string Opt(const Json& j) { return j.is_null() ? "" : NumberVi(j.get<int64_t>()); }

}  // namespace

void DevelopmentCommands(Shell& sh) {
  auto* g = sh.Group("development", "Phát triển người tham gia: đối chiếu thuế, đăng ký doanh nghiệp, theo xã / participant development");
  {
    struct O {
      std::string kind, file;
      int year = 0;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("import", "Nhập tệp CSV/XLSX: tax_employers, tax_workers, business_register, commune_targets");
    c->add_option("kind", o->kind, "tax_employers | tax_workers | business_register | commune_targets")->required();
    c->add_option("file", o->file, "Tệp CSV hoặc XLSX")->required();
    c->add_option("--year", o->year, "Năm của dữ liệu thuế hoặc chỉ tiêu");
    c->callback(sh.Guard([&sh, o] {
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      std::map<std::string, std::string> q;
      if (o->year) q["year"] = std::to_string(o->year);
      sh.Run(
          "POST", "/development/imports/" + o->kind, q, *body,
          [](const Json& j) {
            std::cout << (j["replayed"].get<bool>() ? "Tệp này đã được nhập trước đó: " : "Đã nhập ")
                      << NumberVi(j["rows"].get<int64_t>()) << " dòng.\n";
          },
          {{"content-type", body->rfind("PK", 0) == 0 ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                                       : "text/csv"}});
    }));
  }
  {
    struct O {
      int year = 0;
      std::string as_of;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("match", "Đối chiếu dữ liệu thuế, đăng ký doanh nghiệp với cơ sở dữ liệu quốc gia");
    c->add_option("--year", o->year, "Năm thu nhập")->required();
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD (mặc định hôm nay)");
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"year", o->year}};
      if (!o->as_of.empty()) body["as_of"] = o->as_of;
      sh.Run("POST", "/development/matches", {}, body.dump(), [](const Json& j) {
        std::cout << "Lần đối chiếu " << j["id"] << " · năm " << j["year"] << " · đến ngày " << DateVi(Txt(j, "as_of")) << "\n"
                  << "Chưa đăng ký tham gia: " << NumberVi(j["unregistered"].get<int64_t>())
                  << " · đóng thiếu: " << NumberVi(j["under_declared"].get<int64_t>())
                  << " · số tiền phải đóng ước tính: " << MoneyVi(j["at_stake"].get<int64_t>()) << "\n"
                  << "Thời gian: đọc " << DecimalVi(j["seconds"]["load"].get<double>(), 2) << " giây, đối chiếu "
                  << DecimalVi(j["seconds"]["match"].get<double>(), 2) << " giây, ghi "
                  << DecimalVi(j["seconds"]["store"].get<double>(), 2) << " giây\n";
        for (const auto& p : j["parameters"])
          std::cout << "  * " << Txt(p, "key") << " = " << Txt(p, "value") << " (" << CitationVi(Txt(p, "law")) << ")\n";
      });
    }));
  }
  {
    struct O {
      std::string province, commune, kind, follow_up, csv;
      int year = 0;
      int limit = 50;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("findings", "Danh sách đơn vị chưa tham gia, đóng thiếu (xếp theo số tiền)");
    c->add_option("--year", o->year, "Năm thu nhập");
    c->add_option("--province", o->province, "Mã tỉnh");
    c->add_option("--commune", o->commune, "Mã xã");
    c->add_option("--kind", o->kind, "unregistered | under_declared");
    c->add_option("--follow-up", o->follow_up, "open | contacted | registered | referred_inspection | closed");
    c->add_option("--limit", o->limit, "Số dòng");
    c->add_option("--csv", o->csv, "Ghi toàn bộ danh sách ra tệp CSV");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q;
      if (o->year) q["year"] = std::to_string(o->year);
      for (auto [k, v] : {std::pair{"province", &o->province}, {"commune", &o->commune}, {"kind", &o->kind},
                          {"follow_up", &o->follow_up}})
        if (!v->empty()) q[k] = *v;
      if (!o->csv.empty()) return sh.Save("/development/findings/export", q, o->csv);
      q["limit"] = std::to_string(o->limit);
      sh.Run("GET", "/development/findings", q, "", [](const Json& j) {
        if (!j.contains("run")) {
          std::cout << "Chưa có lần đối chiếu nào.\n";
          return;
        }
        std::cout << "Năm " << j["run"]["year"] << " · " << NumberVi(j["page"]["total"].get<int64_t>()) << " đơn vị · "
                  << MoneyVi(j["total_at_stake"].get<int64_t>()) << "\n";
        TextTable t({{"Số", TextTable::Align::kRight}, {"Mã số thuế"}, {"Tên", {}, 36}, {"Loại"}, {"Tỉnh"}, {"Xã"},
                     {"Thiếu LĐ", TextTable::Align::kRight}, {"Thiếu quỹ lương", TextTable::Align::kRight},
                     {"Phải đóng", TextTable::Align::kRight}, {"Hạn đăng ký", {}, 24}, {"Theo dõi"}});
        for (const auto& f : j["findings"])
          t.Row({std::to_string(f["id"].get<int64_t>()), Txt(f, "tax_code"), Txt(f, "name"), KindVi(Txt(f, "kind")),
                 Txt(f, "province"), Txt(f, "commune"), NumberVi(f["gap_people"].get<int64_t>()),
                 MoneyVi(f["gap_wage"].get<int64_t>()),
                 MoneyVi(f["at_stake"].get<int64_t>()) + (f["estimated"].get<bool>() ? " (ước)" : ""),
                 StageVi(Txt(f, "stage")), FollowVi(Txt(f["follow_up"], "status"))});
        t.Print(std::cout);
      });
    }));
  }
  {
    auto id = std::make_shared<std::string>();
    auto* c = g->add_subcommand("finding", "Một đơn vị: bằng chứng, người lao động chưa đóng, lịch sử theo dõi");
    c->add_option("id", *id, "Số của kết quả")->required();
    c->callback(sh.Guard([&sh, id] {
      sh.Run("GET", "/development/findings/" + *id, {}, "", [](const Json& j) {
        const Json& f = j["finding"];
        std::cout << Txt(f, "name") << " (MST " << Txt(f, "tax_code") << ") · " << KindVi(Txt(f, "kind")) << "\n";
        PrintFields(std::cout, {{"Mã đơn vị BHXH", Txt(f, "employer_code")},
                                {"Tỉnh / xã", Txt(f, "province") + " / " + Txt(f, "commune")},
                                {"Ngày thành lập", DateVi(Txt(f, "registered_on"))},
                                {"Quá hạn đăng ký", Opt(f["days_past_deadline"]) + " ngày " + StageVi(Txt(f, "stage"))},
                                {"Lao động theo thuế / đóng BHXH", NumberVi(f["tax_workers"].get<int64_t>()) + " / " +
                                                                        NumberVi(f["si_workers"].get<int64_t>())},
                                {"Quỹ lương theo thuế / đóng BHXH", MoneyVi(f["tax_wage"].get<int64_t>()) + " / " +
                                                                         MoneyVi(f["si_wage"].get<int64_t>())},
                                {"Số tiền phải đóng ước tính", MoneyVi(f["at_stake"].get<int64_t>())},
                                {"Theo dõi", FollowVi(Txt(f["follow_up"], "status"))}});
        if (!j["people"].empty()) {
          TextTable t({{"CCCD"}, {"Họ tên", {}, 30}, {"Thu nhập", TextTable::Align::kRight}, {"Có trong CSDL"}});
          for (const auto& p : j["people"])
            t.Row({Txt(p, "cccd"), Txt(p, "full_name"), MoneyVi(p["income"].get<int64_t>()), p["known"].get<bool>() ? "có" : "không"});
          t.Print(std::cout);
        }
        for (const auto& h : j["history"])
          std::cout << "  " << Txt(h, "at") << " " << FollowVi(Txt(h, "status")) << " — " << Txt(h, "note") << " (" << Txt(h, "by") << ")\n";
      });
    }));
  }
  {
    struct O {
      std::string id, status, note;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("follow-up", "Ghi kết quả theo dõi một đơn vị");
    c->add_option("id", o->id, "Số của kết quả")->required();
    c->add_option("status", o->status, "contacted | registered | referred_inspection | closed | open")->required();
    c->add_option("--note", o->note, "Ghi chú");
    c->callback(sh.Guard([&sh, o] {
      Json body = {{"status", o->status}, {"note", o->note}};
      sh.Run("POST", "/development/findings/" + o->id + "/follow-up", {}, body.dump(), [](const Json& f) {
        std::cout << Txt(f, "name") << ": " << FollowVi(Txt(f["follow_up"], "status")) << "\n";
      });
    }));
  }
  {
    struct O {
      std::string province, as_of;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("communes", "Theo xã: người chưa tham gia, BHYT hết hạn, chỉ tiêu và tiến độ");
    c->add_option("--province", o->province, "Mã tỉnh");
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q;
      if (!o->province.empty()) q["province"] = o->province;
      if (!o->as_of.empty()) q["as_of"] = o->as_of;
      sh.Run("GET", "/development/communes", q, "", [](const Json& j) {
        std::cout << "Tính đến ngày " << DateVi(Txt(j, "as_of")) << "\n";
        TextTable t({{"Tỉnh"}, {"Xã"}, {"Dân cư", TextTable::Align::kRight}, {"Độ tuổi LĐ", TextTable::Align::kRight},
                     {"Bắt buộc", TextTable::Align::kRight}, {"Tự nguyện", TextTable::Align::kRight},
                     {"Tiềm năng", TextTable::Align::kRight}, {"BHYT hết hạn", TextTable::Align::kRight},
                     {"Chỉ tiêu TN", TextTable::Align::kRight}, {"Đạt", TextTable::Align::kRight}});
        for (const auto& x : j["communes"])
          t.Row({Txt(x, "province"), Txt(x, "commune"), NumberVi(x["residents"].get<int64_t>()),
                 NumberVi(x["working_age"].get<int64_t>()), NumberVi(x["compulsory"].get<int64_t>()),
                 NumberVi(x["voluntary"].get<int64_t>()), NumberVi(x["potential_voluntary"].get<int64_t>()),
                 NumberVi(x["hi_lapsed"].get<int64_t>()), Opt(x["voluntary_target"]),
                 x["voluntary_progress"].is_null() ? "" : DecimalVi(x["voluntary_progress"].get<double>(), 1) + "%"});
        t.Print(std::cout);
      });
    }));
  }
  {
    struct O {
      std::string province, commune, reason = "voluntary", as_of;
    };
    auto o = std::make_shared<O>();
    auto* c = g->add_subcommand("people", "Danh sách người của một xã: tiềm năng tự nguyện hoặc BHYT hết hạn");
    c->add_option("province", o->province, "Mã tỉnh")->required();
    c->add_option("commune", o->commune, "Mã xã")->required();
    c->add_option("--reason", o->reason, "voluntary | hi_lapsed");
    c->add_option("--as-of", o->as_of, "Tính đến ngày YYYY-MM-DD");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q = {{"reason", o->reason}, {"limit", "1000"}};
      if (!o->as_of.empty()) q["as_of"] = o->as_of;
      sh.Run("GET", "/development/communes/" + o->province + "/" + o->commune + "/people", q, "", [](const Json& j) {
        TextTable t({{"CCCD"}, {"Họ tên", {}, 30}, {"Ngày sinh"}, {"Giới tính"}, {"Thẻ BHYT đến"}});
        for (const auto& p : j["people"])
          t.Row({Txt(p, "cccd"), Txt(p, "full_name"), DateVi(Txt(p, "dob")), Txt(p, "sex") == "female" ? "Nữ" : "Nam",
                 DateVi(Txt(p, "hi_valid_to"))});
        t.Print(std::cout);
        std::cout << NumberVi(j["page"]["total"].get<int64_t>()) << " người\n";
      });
    }));
  }
}

}  // namespace bhxh
