#include "funds/module.h"

#include <algorithm>
#include <filesystem>

#include "base/csv.h"
#include "benefits/module.h"
#include "funds/base.h"

namespace bhxh {

Result<FundsData> FundsData::Load(const std::string& dir) {
  FundsData d;
  BHXH_ASSIGN_OR_RETURN(d.catalog, FundsCatalog::Load(dir));
  BHXH_ASSIGN_OR_RETURN(d.params, ParamTable::LoadFile(dir + "/parameters.csv"));
  BHXH_ASSIGN_OR_RETURN(d.instruments, LoadInstruments(dir + "/instruments.csv"));
  BHXH_ASSIGN_OR_RETURN(d.assumptions, Assumptions::LoadFile(dir + "/assumptions.csv"));
  BHXH_ASSIGN_OR_RETURN(d.mortality, LoadMortality(dir + "/mortality.csv"));
  BHXH_ASSIGN_OR_RETURN(d.national_base, NationalBase(dir + "/base_national.csv"));
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/scenarios", ec))
    if (e.path().extension() == ".csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(f.string()));
    int cn = t.Column("name"), cv = t.Column("value");
    if (cn < 0 || cv < 0)
      return Status::Invalid(f.string(), "Thiếu cột name, value trong " + f.string(), "missing name, value columns");
    Scenario s;
    s.name = f.stem().string();
    for (const auto& r : t.rows) {
      const std::string& n = r.cells[cn];
      if (n == "title") s.title_vi = r.cells[cv];
      else if (n == "base") {
        BHXH_ASSIGN_OR_RETURN(BasePopulation b, NationalBase(dir + "/" + r.cells[cv]));
        s.base = std::move(b);
      } else {
        if (!d.assumptions.Has(n))
          return Status::Invalid(f.string() + ":" + std::to_string(r.line), "Giả định không tồn tại: " + n,
                                 "unknown assumption " + n);
        s.set.emplace_back(n, r.cells[cv]);
      }
    }
    d.scenarios.push_back(std::move(s));
  }
  return d;
}

const Scenario* FundsData::FindScenario(const std::string& name) const {
  for (const auto& s : scenarios)
    if (s.name == name) return &s;
  return nullptr;
}

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(FundsData d, FundsData::Load(ctx.data_dir + "/funds"));
  ctx.AddState(std::make_unique<FundsState>(std::move(d)));
  // The realised yields the funds published replace the typed values of
  // the law book before it is shared (investments.h).
  if (ctx.pool) {
    BHXH_ASSIGN_OR_RETURN(auto lease, ctx.pool->Acquire());
    BHXH_ASSIGN_OR_RETURN(auto published, PublishedParameters(*lease));
    for (auto& p : published) ctx.law.Publish(std::move(p));
  }
  return Status::Ok();
}
}  // namespace

const Capability kFunds{
    .name = "funds",
    .depends = {"registry", "collection", "claims", "benefits"},
    .migrations = FundsMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = FundsRoutes,
    .commands = FundsCommands,
};

}  // namespace bhxh
