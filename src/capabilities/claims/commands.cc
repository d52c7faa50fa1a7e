// `bhxh claims ...`: check, submit, catalogues, settlement, prices, alerts,
// and synthetic envelopes to try the checks with.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/parse.h"
#include "claims/json.h"
#include "claims/module.h"
#include "claims/synth.h"
#include "eligibility/module.h"
#include "platform/cli/format.h"
#include "platform/cli/progress.h"
#include "platform/cli/shell.h"

namespace bhxh {
namespace {

void PrintFindings(const Json& encounters) {
  for (const auto& e : encounters) {
    if (e["findings"].empty()) continue;
    bool rejected = e.value("rejected", false);
    std::cout << "Hồ sơ " << Txt(e, "ma_lk") << (rejected ? " — có lỗi xuất toán" : " — cảnh báo") << "\n";
    for (const auto& f : e["findings"])
      std::cout << "  [" << (Txt(f, "severity") == "reject" ? "XUẤT TOÁN" : "CẢNH BÁO") << "] " << Txt(f, "rule") << " "
                << Txt(f, "table") << (Txt(f, "stt").empty() ? "" : " dòng " + Txt(f, "stt")) << " " << Txt(f, "field")
                << ": " << Txt(f, "message") << "\n";
  }
}

}  // namespace

void ClaimsCommands(Shell& sh) {
  auto* claims = sh.Group("claims", "Giám định BHYT theo chuẩn XML 130 / HI claims");
  {
    auto file = std::make_shared<std::string>();
    auto* c =
        claims->add_subcommand("check", "Kiểm tra trước một bản tin (không cần cơ sở dữ liệu) / pre-check an envelope");
    c->add_option("file", *file, "Tệp XML (- là đầu vào chuẩn)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto ctx = sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      auto text = sh.ReadArg(*file);
      if (!text.ok()) return sh.Fail(text.status());
      sh.Run("POST", "/claims/check", {}, *text,
             [](const Json& j) {
               PrintFindings(j["encounters"]);
               for (const auto& e : j["errors"])
                 std::cout << "  [LỖI] " << Txt(e, "field") << ": " << Txt(e, "message") << "\n";
               const Json& s = j["summary"];
               std::cout << NumberVi(s["encounters"].get<int64_t>()) << " hồ sơ, "
                         << NumberVi(s["lines"].get<int64_t>()) << " dòng chi tiết; " << s["with_rejections"]
                         << " hồ sơ có lỗi xuất toán; " << s["errors"] << " lỗi cấu trúc.\n";
             },
             {{"content-type", "application/xml"}});
    }));
  }
  {
    struct Opt {
      SynthOptions synth;
      std::vector<std::string> defects;
      std::string out = "-";
      bool from_record = false;
      std::string date;
    };
    auto o = std::make_shared<Opt>();
    auto* c = claims->add_subcommand("synth", "Tạo bản tin mẫu để thử các quy tắc / write a synthetic envelope");
    c->add_option("--encounters", o->synth.encounters, "Số hồ sơ (mặc định 10)")->check(CLI::Range(1, 1'000'000));
    c->add_option("--seed", o->synth.seed, "Hạt ngẫu nhiên (mặc định 1)");
    c->add_option("--facility", o->synth.facility, "Mã cơ sở KCB (mặc định 01001)");
    c->add_option(
        "--defect", o->defects,
        "INDEX:KIND, ví dụ 2:line_price (line_price total benefit order_before_admission expired_card bed_days "
        "exam_fee no_performer overlap bad_date)");
    c->add_option("--out", o->out, "Tệp ghi ra (mặc định: màn hình)");
    c->add_option("--date", o->date, "Ngày khám YYYY-MM-DD (mặc định 20/11/2026)");
    c->add_flag("--from-record", o->from_record,
                "Bệnh nhân là người tham gia có thẻ BHYT còn hạn trong cơ sở dữ liệu (--db), cùng tỉnh với cơ sở KCB");
    c->callback(sh.Guard([&sh, o] {
      auto ctx = o->from_record ? sh.Context() : sh.ContextNoDb();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      for (const auto& d : o->defects) {
        size_t colon = d.find(':');
        auto idx = colon == std::string::npos ? Result<int64_t>(Status::Invalid("defect", "", ""))
                                              : ParseInt(d.substr(0, colon), "defect", 0, 1'000'000);
        bool known =
            colon != std::string::npos && std::any_of(kSynthDefects.begin(), kSynthDefects.end(),
                                                      [&](const auto& k) { return k.first == d.substr(colon + 1); });
        if (!idx.ok() || !known)
          return sh.Fail(Status::Invalid("defect",
                                         "Lỗi mẫu dạng INDEX:KIND với KIND trong danh sách (xem --help): " + d,
                                         "defect must be INDEX:KIND with a known KIND: " + d));
        o->synth.defects.push_back({static_cast<int>(*idx), d.substr(colon + 1)});
      }
      if (!o->date.empty()) {
        auto d = Date::ParseIsoOrVi(o->date, "date");
        if (!d.ok()) return sh.Fail(d.status());
        o->synth.day = *d;
      }
      if (o->from_record) {
        auto lease = (*ctx)->pool->Acquire();
        if (!lease.ok()) return sh.Fail(lease.status());
        auto pats = LoadSynthPatients(**lease, o->synth.day, o->synth.facility.substr(0, 2), o->synth.encounters * 4);
        if (!pats.ok()) return sh.Fail(pats.status());
        o->synth.patients = std::move(*pats);
      }
      std::string xml = SynthEnvelope((*ctx)->law, o->synth);
      if (o->out == "-") {
        std::cout << xml << "\n";
      } else if (Status s = WriteFileBytes(o->out, xml); !s.ok()) {
        sh.Fail(s);
      }
    }));
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = claims->add_subcommand("checkin", "Gửi bảng check-in XML0 (QĐ 4750) khi người bệnh vào khám / send the check-in table");
    c->add_option("file", *file, "Tệp XML0 (CHI_TIEU_TRANG_THAI_KCB)")->required();
    c->callback(sh.Guard([&sh, file] {
      auto body = sh.ReadArg(*file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run(
          "POST", "/claims/checkins", {}, *body,
          [](const Json& j) {
            std::cout << Txt(j, "thongDiep") << "\n";
            TextTable t({{"MA_LK"}, {"Mã thẻ"}, {"Họ tên", {}, 30}, {"Vào"}, {"Kết quả thẻ"}, {"Ghi chú", {}, 40}});
            for (const auto& r : j["dsKetQua"])
              t.Row({Txt(r, "maLk"), Txt(r, "maThe"), Txt(r, "hoTen"), Txt(r, "ngayVao"), Txt(r, "maKetQuaThe"), Txt(r, "ghiChu")});
            t.Print(std::cout);
          },
          {{"content-type", "application/xml"}});
    }));
  }
  {
    auto paths = std::make_shared<std::vector<std::string>>();
    auto* c =
        claims->add_subcommand("submit", "Gửi các bản tin để giám định (tệp hoặc thư mục .xml) / submit envelopes");
    c->add_option("paths", *paths, "Tệp hoặc thư mục")->required();
    c->callback(sh.Guard([&sh, paths] {
      std::vector<std::string> files;
      for (const auto& p : *paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
          for (const auto& e : std::filesystem::directory_iterator(p, ec))
            if (e.path().extension() == ".xml") files.push_back(e.path().string());
        } else {
          files.push_back(p);
        }
      }
      std::sort(files.begin(), files.end());
      auto ctx = sh.Context();
      if (!ctx.ok()) return sh.Fail(ctx.status());
      auto& st = (*ctx)->State<ClaimsState>();
      auto& elig = (*ctx)->State<EligibilityState>();
      if (Status s = elig.EnsureLoaded(**ctx); !s.ok()) return sh.Fail(s);
      if (Status s = st.EnsureCatalogue(**ctx); !s.ok()) return sh.Fail(s);
      auto lease = (*ctx)->pool->Acquire();
      if (!lease.ok()) return sh.Fail(lease.status());
      ProgressBar bar("giám định");
      Json all = Json::array();
      int64_t n = 0;
      auto cat = st.catalogue();
      ReviewDeps deps{st.schema, (*ctx)->law, elig.cards(), *cat};
      Status s = SubmitFiles(**lease, deps, files, sh.Operator(), [&](const std::string& f, const ReviewResult& r) {
        bar.Clear();
        if (sh.g().json) {
          all.push_back(ToJson(r));
        } else {
          int64_t claimed = 0, approved = 0, rejected_encounters = 0;
          for (const auto& e : r.encounters) {
            claimed += e.claimed, approved += e.approved;
            rejected_encounters += e.rejected > 0;
          }
          std::cout << f << ": " << r.encounters.size() << " hồ sơ, đề nghị " << MoneyVi(DongOf(claimed))
                    << ", chấp nhận " << MoneyVi(DongOf(approved)) << ", " << rejected_encounters
                    << " hồ sơ bị xuất toán" << (r.replayed ? " (đã gửi trước đó)" : "") << "\n";
        }
        bar.Update(++n, static_cast<int64_t>(files.size()));
      });
      bar.Clear();
      if (!s.ok()) return sh.Fail(s);
      if (sh.g().json) sh.PrintJson(all);
    }));
  }
  {
    struct Opt {
      std::string kind, file;
    };
    auto o = std::make_shared<Opt>();
    auto* c = claims->add_subcommand("catalogue", "Nhập danh mục CSV hoặc XLSX: drugs, services, supplies, facilities");
    c->add_option("kind", o->kind, "drugs | services | supplies | facilities")->required();
    c->add_option("file", o->file, "Tệp CSV hoặc XLSX")->required();
    c->callback(sh.Guard([&sh, o] {
      auto body = sh.ReadArg(o->file);
      if (!body.ok()) return sh.Fail(body.status());
      sh.Run(
          "POST", "/catalogues/" + o->kind, {}, *body,
          [](const Json& j) { std::cout << "Đã nhập " << NumberVi(j["rows"].get<int64_t>()) << " dòng danh mục.\n"; },
          {{"content-type", body->rfind("PK", 0) == 0
                                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                : "text/csv"}});
    }));
  }
  {
    struct Opt {
      std::string facility, quarter;
    };
    auto o = std::make_shared<Opt>();
    auto* c = claims->add_subcommand("settle", "Quyết toán theo quý của một cơ sở / a facility's quarterly settlement");
    c->add_option("--facility", o->facility, "Mã cơ sở KCB")->required();
    c->add_option("--quarter", o->quarter, "Quý YYYY-Qn")->required();
    c->callback(sh.Guard([&sh, o] {
      sh.Run("GET", "/settlements", {{"facility", o->facility}, {"quarter", o->quarter}}, "", [](const Json& j) {
        std::cout << "Quyết toán quý " << Txt(j, "quarter") << " của cơ sở " << Txt(j, "facility") << "\n";
        PrintFields(std::cout, {{"Số hồ sơ", NumberVi(j["encounters"].get<int64_t>())},
                                {"Đề nghị thanh toán", MoneyVi(j["claimed"].get<int64_t>())},
                                {"Chấp nhận", MoneyVi(j["approved"].get<int64_t>())},
                                {"Xuất toán", MoneyVi(j["rejected"].get<int64_t>())},
                                {"Đã tạm ứng", MoneyVi(j["advances"].get<int64_t>())},
                                {"Còn phải thanh toán", MoneyVi(j["to_settle"].get<int64_t>())}});
        if (!j["rejected_by_reason"].empty()) {
          std::cout << "\nXuất toán theo lý do:\n";
          TextTable t({{"Quy tắc"}, {"Số tiền", TextTable::Align::kRight}});
          for (const auto& [k, v] : j["rejected_by_reason"].items()) t.Row({k, MoneyVi(v.get<int64_t>())});
          t.Print(std::cout);
        }
      });
    }));
  }
  {
    struct Opt {
      std::string province, facility, date, xlsx;
      bool csv = false;
    };
    auto o = std::make_shared<Opt>();
    auto* c = claims->add_subcommand("prices", "Giá thuốc trúng thầu công khai / published drug prices");
    c->add_option("--province", o->province, "Tỉnh");
    c->add_option("--facility", o->facility, "Cơ sở KCB");
    c->add_option("--date", o->date, "Có hiệu lực ngày YYYY-MM-DD (mặc định hôm nay)");
    c->add_flag("--csv", o->csv, "In ra dạng CSV");
    c->add_option("--xlsx", o->xlsx, "Ghi ra tệp XLSX");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q = {{"province", o->province}, {"facility", o->facility}, {"date", o->date}};
      if (o->csv || !o->xlsx.empty()) {
        q["format"] = o->csv ? "csv" : "xlsx";
        HttpResponse r = sh.Call("GET", "/drug-prices", q);
        if (r.status >= 400) return sh.Run("GET", "/drug-prices", q, "", [](const Json&) {});
        if (o->csv) {
          std::cout << r.body;
          return;
        }
        if (Status s = WriteFileBytes(o->xlsx, r.body); !s.ok()) return sh.Fail(s);
        std::cout << "Đã ghi bảng giá vào " << o->xlsx << "\n";
        return;
      }
      q["limit"] = "5000";
      sh.Run("GET", "/drug-prices", q, "", [](const Json& j) {
        TextTable t({{"Cơ sở"},
                     {"Mã thuốc"},
                     {"Tên thuốc", {}, 40},
                     {"Gói thầu"},
                     {"Đơn giá", TextTable::Align::kRight},
                     {"Từ ngày"},
                     {"Đến ngày"}});
        for (const auto& p : j["prices"])
          t.Row({Txt(p, "facility"), Txt(p, "drug_code"), Txt(p, "name"), Txt(p, "tt_thau"),
                 MoneyVi(p["unit_price"].get<int64_t>()), DateVi(Txt(p, "valid_from")), DateVi(Txt(p, "valid_to"))});
        t.Print(std::cout);
        std::cout << t.rows() << " / " << NumberVi(j["page"]["total"].get<int64_t>()) << " dòng\n";
      });
    }));
  }
  {
    struct Opt {
      std::string date, province, facility;
      bool csv = false;
    };
    auto o = std::make_shared<Opt>();
    auto* c = claims->add_subcommand(
        "alerts", "Cảnh báo gia tăng chi phí KCB hằng ngày (88/QĐ-BHXH nhiệm vụ 13.1) / daily cost alerts");
    c->add_option("--date", o->date, "Ngày YYYY-MM-DD (mặc định hôm nay)");
    c->add_option("--province", o->province, "Tỉnh");
    c->add_option("--facility", o->facility, "Cơ sở KCB");
    c->add_flag("--csv", o->csv, "In ra dạng CSV");
    c->callback(sh.Guard([&sh, o] {
      std::map<std::string, std::string> q = {{"date", o->date}, {"province", o->province}, {"facility", o->facility}};
      if (o->csv) {
        q["format"] = "csv";
        HttpResponse r = sh.Call("GET", "/alerts", q);
        if (r.status >= 400) return sh.Run("GET", "/alerts", q, "", [](const Json&) {});
        std::cout << r.body;
        return;
      }
      sh.Run("GET", "/alerts", q, "", [](const Json& j) {
        std::cout << "Cảnh báo ngày " << DateVi(Txt(j, "day")) << ": " << j["alerts"].size() << " cảnh báo trên "
                  << j["facilities_checked"] << " cơ sở (" << NumberVi(j["claims_read"].get<int64_t>()) << " hồ sơ).\n";
        TextTable t({{"Cơ sở"},
                     {"Tên", {}, 36},
                     {"Chỉ số"},
                     {"So với"},
                     {"Giá trị", TextTable::Align::kRight},
                     {"Mức thường", TextTable::Align::kRight},
                     {"Tăng", TextTable::Align::kRight}});
        for (const auto& a : j["alerts"])
          t.Row({Txt(a, "facility"), Txt(a, "facility_name"), Txt(a, "indicator"), Txt(a, "baseline"),
                 DecimalVi(a["value"].get<double>(), 1), DecimalVi(a["baseline_median"].get<double>(), 1),
                 DecimalVi(a["rise_percent"].get<double>(), 0) + "%"});
        if (t.rows()) t.Print(std::cout);
        for (const auto& a : j["alerts"]) std::cout << "- " << Txt(a, "message") << "\n";
      });
    }));
  }
}

}  // namespace bhxh
