// The list of capabilities this system is made of, in dependency order.
// Adding a capability: its folder, and one line in all.cc
// (docs/ADDING_A_CAPABILITY.md).
#pragma once

#include <vector>

#include "platform/context.h"

namespace bhxh {

const std::vector<const Capability*>& AllCapabilities();
// Every migration: the platform's and each capability's (benchmarks and
// tools that open a store without a context).
std::vector<Migration> AllMigrations();

}  // namespace bhxh
