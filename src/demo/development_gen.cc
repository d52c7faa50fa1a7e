#include "demo/development_gen.h"

#include <map>
#include <set>

namespace bhxh {

namespace {

std::string Cccd(const std::string& province, int64_t n) {
  std::string tail = std::to_string(900'000 + n % 100'000);
  return "0" + province + "0" + "88" + tail;  // a man born in 1988 (digit 4 = 0, digits 5-6 = 88)
}

Status Import(Db& db, const Geo& geo, const std::string& kind, const std::string& csv, int year, const Actor& by,
              int64_t* rows) {
  BHXH_ASSIGN_OR_RETURN(DevImport r, ImportDevelopmentFile(db, geo, kind, csv, year, by));
  if (!r.errors.empty())
    return Status::Internal("demo " + kind + " row " + std::to_string(r.errors[0].row) + ": " + r.errors[0].message_en);
  if (rows) *rows = r.rows;
  return Status::Ok();
}

}  // namespace

Result<DevelopmentGenStats> GenerateDevelopment(Db& db, const Geo& geo, const LawBook& law, const DevelopmentData& data,
                                                const std::string& province, Date today, const Actor& officer) {
  DevelopmentGenStats out;
  out.year = today.year() - 1;
  // What the record holds for the year, read as the match reads it.
  BHXH_ASSIGN_OR_RETURN(MatchColumns si, LoadMatchColumns(db, nullptr, out.year, Date::FromYmd(out.year, 12, 31)));
  std::map<uint32_t, std::set<uint64_t>> workers;
  std::map<uint32_t, std::map<uint64_t, int64_t>> income;
  for (size_t i = 0; i < si.eng_employer.size(); ++i) {
    workers[si.eng_employer[i]].insert(si.eng_cccd[i]);
    income[si.eng_employer[i]][si.eng_cccd[i]] += si.eng_wage[i];
  }
  std::string employers = "Mã số thuế,Tên người nộp thuế,Số lao động có thu nhập,Tổng quỹ lương,Mã tỉnh\n";
  std::string people = "Mã số thuế,Số định danh cá nhân,Họ và tên,Tổng thu nhập\n";
  std::string reg = "Mã số doanh nghiệp,Tên doanh nghiệp,Địa chỉ trụ sở,Mã tỉnh,Mã xã,Ngày thành lập,Tình trạng,Số lao động\n";
  int64_t extra = 0;
  int k = 0;
  auto pad12 = [](uint64_t n) {
    std::string s = std::to_string(n);
    return std::string(12 - std::min<size_t>(12, s.size()), '0') + s;
  };
  for (const auto& [e, set] : workers) {
    ++k;
    std::string code(si.si_tax_code[e]), name(si.si_name[e]);
    int64_t wage = 0;
    for (const auto& [cccd, w] : income[e]) wage += w;
    int64_t n = static_cast<int64_t>(set.size());
    std::string lines;
    for (const auto& [cccd, w] : income[e]) lines += code + "," + pad12(cccd) + ",," + std::to_string(w) + "\n";
    if (k % 15 == 3) {  // two workers paid for tax, never declared for SI
      for (int j = 0; j < 2; ++j) {
        int64_t pay = 96'000'000 + 6'000'000 * j;
        ++extra;
        lines += code + "," + Cccd(province, extra) + ",Người lao động chưa đóng " + std::to_string(extra) + "," +
                 std::to_string(pay) + "\n";
        wage += pay;
        ++n;
      }
    }
    if (k % 15 == 7) wage += wage / 4;  // wages a quarter above the declared salaries
    employers += code + ",\"" + name + "\"," + std::to_string(n) + "," + std::to_string(wage) + "," + province + "\n";
    people += lines;
    char commune[8];
    std::snprintf(commune, sizeof commune, "%05d", 1 + k % 12);
    reg += code + ",\"" + name + "\",," + province + "," + commune + ",01/01/2020,Đang hoạt động," + std::to_string(n) + "\n";
  }
  // Businesses that pay wages and never registered for SI.
  const std::string p2 = province.size() == 2 ? province : "01";
  for (int u = 1; u <= 2; ++u) {
    std::string code = p2 + "9999990" + std::to_string(u);
    int n = 3 + 2 * u;
    employers += code + ",Công ty TNHH Thương mại Dịch vụ Số " + std::to_string(u) + "," + std::to_string(n) + "," +
                 std::to_string(n * 84'000'000LL) + "," + province + "\n";
    for (int j = 0; j < n; ++j) {
      ++extra;
      people += code + "," + Cccd(province, extra) + ",Người lao động " + std::to_string(extra) + ",84000000\n";
    }
    reg += code + ",Công ty TNHH Thương mại Dịch vụ Số " + std::to_string(u) + ",," + province + ",0000" +
           std::to_string(u) + ",01/03/2024,Đang hoạt động," + std::to_string(n) + "\n";
  }
  // Newly registered: two past the 30 days, one still within them.
  const std::pair<int, int> fresh[] = {{60, 4}, {45, 7}, {10, 5}};
  for (int f = 0; f < 3; ++f)
    reg += p2 + "8888880" + std::to_string(f + 1) + ",Công ty Cổ phần Mới Thành Lập " + std::to_string(f + 1) + ",," + province +
           ",0000" + std::to_string(f + 3) + "," + today.AddDays(-fresh[f].first).ToVi() + ",Đang hoạt động," +
           std::to_string(fresh[f].second) + "\n";
  BHXH_RETURN_IF_ERROR(Import(db, geo, "tax_employers", employers, out.year, officer, &out.tax_employers));
  BHXH_RETURN_IF_ERROR(Import(db, geo, "tax_workers", people, out.year, officer, &out.tax_workers));
  BHXH_RETURN_IF_ERROR(Import(db, geo, "business_register", reg, 0, officer, nullptr));
  // The communes' targets for this year: voluntary participants and HI.
  std::string targets = "Mã tỉnh,Mã xã,Chỉ tiêu BHXH tự nguyện,Chỉ tiêu BHYT\n";
  for (int c = 1; c <= 12; ++c) {
    char commune[8];
    std::snprintf(commune, sizeof commune, "%05d", c);
    targets += province + "," + commune + "," + std::to_string(5 + c % 4) + "," + std::to_string(60 + 5 * c) + "\n";
  }
  BHXH_RETURN_IF_ERROR(Import(db, geo, "commune_targets", targets, today.year(), officer, nullptr));
  BHXH_ASSIGN_OR_RETURN(MatchRun run, RunMatch(db, nullptr, data, law, out.year, today, officer));
  out.findings = run.findings;
  out.at_stake = run.at_stake;
  FindingFilter f;
  f.year = out.year;
  f.kind = "under_declared";
  f.limit = 1;
  BHXH_ASSIGN_OR_RETURN(FindingPage page, ListFindings(db, f));
  if (!page.items.empty()) {
    auto fu = SetFollowUp(db, page.items[0].id, "contacted", "Đã gửi công văn đề nghị đơn vị rà soát, đăng ký bổ sung", officer);
    if (!fu.ok()) return fu.status();
  }
  return out;
}

}  // namespace bhxh
