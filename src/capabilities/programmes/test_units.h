// For the programmes' tests: the unit registry of data/programmes/, loaded
// once per test binary. A registry that does not load fails every test that
// asks for it (an empty registry would pass some in silence).
#pragma once

#include <gtest/gtest.h>

#include "programmes/units.h"
#include "testing/test_support.h"

namespace bhxh::testing {

inline const UnitRegistry& ProgrammeUnits() {
  static const Result<UnitRegistry>* loaded = new Result<UnitRegistry>(
      UnitRegistry::Load(DataDir() + "/programmes/units.csv", DataDir() + "/programmes/unit_words.csv"));
  static const UnitRegistry empty;
  if (!loaded->ok()) {
    ADD_FAILURE() << "data/programmes: " << loaded->status().ToString();
    return empty;
  }
  return **loaded;
}

}  // namespace bhxh::testing
