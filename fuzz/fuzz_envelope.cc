// libFuzzer target: a claim envelope from anyone — parsed, read into
// records and pre-checked with every rule that needs no store. Whatever the
// bytes, the result is an answer or a Status, never a crash.
#include <cstdint>
#include <string_view>

#include "claims/precheck.h"
#include "platform/context.h"

using namespace bhxh;

namespace {
struct Loaded {
  LawBook law;
  ClaimSchema schema;
  Loaded() {
    law = *LawBook::Load(DefaultDataDir() + "/law");
    schema = *ClaimSchema::Load(DefaultDataDir() + "/claims");
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Loaded* l = new Loaded();
  auto env = ParseEnvelope(std::string_view(reinterpret_cast<const char*>(data), size));
  if (env.ok()) (void)PreCheck(*env, l->schema, l->law);
  return 0;
}
