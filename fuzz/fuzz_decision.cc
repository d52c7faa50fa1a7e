// libFuzzer target: a decision's text from anyone, through the whole
// import pipeline (cleaning, header, outline, tables, tasks, indicators,
// time frames, units) and its JSON.
#include <cstdint>
#include <string_view>

#include "platform/context.h"
#include "platform/jsonio/json.h"
#include "programmes/import.h"
#include "programmes/json.h"

using namespace bhxh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static UnitRegistry* units = new UnitRegistry(*UnitRegistry::Load(DefaultDataDir() + "/programmes/units.csv",
                                                                     DefaultDataDir() + "/programmes/unit_words.csv"));
  auto p = ImportDecision(std::string_view(reinterpret_cast<const char*>(data), size), *units);
  if (p.ok()) (void)DumpJson(ToJson(*p));
  return 0;
}
