// The benefits capability's tables.
#include "benefits/module.h"

namespace bhxh {

std::vector<Migration> BenefitsMigrations() { return {}; }

}  // namespace bhxh
