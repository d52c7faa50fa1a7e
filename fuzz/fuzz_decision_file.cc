// libFuzzer target: a decision file from anyone (Word, PDF, HTML, Markdown,
// UTF-16 or UTF-8 text, or anything else) through kind detection, the
// reader of its kind, trimming, the whole import and its JSON.
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/context.h"
#include "platform/jsonio/json.h"
#include "programmes/import.h"
#include "programmes/json.h"

using namespace bhxh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static UnitRegistry* units = new UnitRegistry(*UnitRegistry::Load(DefaultDataDir() + "/programmes/units.csv",
                                                                     DefaultDataDir() + "/programmes/unit_words.csv"));
  std::string text;
  auto p = ImportDecisionFile(std::string_view(reinterpret_cast<const char*>(data), size), *units, &text);
  if (p.ok()) (void)DumpJson(ToJson(*p));
  return 0;
}
