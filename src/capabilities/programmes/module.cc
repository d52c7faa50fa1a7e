#include "programmes/module.h"

#include "programmes/store.h"

namespace bhxh {

std::shared_ptr<const UnitRegistry> ProgrammesState::units() const {
  std::lock_guard lock(mu_);
  return units_;
}

void ProgrammesState::set_units(std::shared_ptr<const UnitRegistry> u) {
  std::lock_guard lock(mu_);
  units_ = std::move(u);
}

Result<int> ProgrammesState::MapUnit(Db& db, const std::string& name, const std::string& unit_id, const Actor& actor) {
  auto next = std::make_shared<UnitRegistry>(*units());
  BHXH_RETURN_IF_ERROR(next->AddAlias(name, unit_id));
  BHXH_ASSIGN_OR_RETURN(int changed, ApplyUnitAlias(db, name, unit_id, actor));
  set_units(std::move(next));
  return changed;
}

namespace {
Status Load(AppContext& ctx) {
  auto st = std::make_unique<ProgrammesState>();
  BHXH_ASSIGN_OR_RETURN(UnitRegistry units, UnitRegistry::Load(ctx.data_dir + "/programmes/units.csv",
                                                               ctx.data_dir + "/programmes/unit_words.csv"));
  if (ctx.pool) {
    BHXH_ASSIGN_OR_RETURN(auto lease, ctx.pool->Acquire());
    BHXH_ASSIGN_OR_RETURN(auto aliases, LoadUnitAliases(*lease));
    for (const auto& [name, id] : aliases)
      (void)units.AddAlias(name, id);  // a unit since removed from the file: skipped
  }
  st->set_units(std::make_shared<UnitRegistry>(std::move(units)));
  BHXH_ASSIGN_OR_RETURN(st->measures, MeasureBook::Load(ctx.data_dir + "/programmes/indicator_measures.csv"));
  ctx.AddState(std::move(st));
  return Status::Ok();
}
}  // namespace

const Capability kProgrammes{
    .name = "programmes",
    .depends = {"registry"},
    .migrations = ProgrammesMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = ProgrammesRoutes,
    .commands = ProgrammesCommands,
};

}  // namespace bhxh
