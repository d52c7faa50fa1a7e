// libFuzzer target: a JSON body from anyone, as the route table reads it —
// the depth bound, the parser, and validation against every route's
// declared body schema; then the readers of the bodies that pass.
#include <cstdint>
#include <string_view>

#include "capabilities/all.h"
#include "collection/json.h"
#include "platform/http/route_table.h"
#include "platform/routes.h"
#include "registry/json.h"

using namespace bhxh;

namespace {
struct Table {
  std::unique_ptr<AppContext> ctx;
  std::unique_ptr<RouteTable> table;
  std::vector<const Schema*> bodies;
  Table() {
    ctx = std::move(AppContext::Open({DefaultDataDir(), "", AllCapabilities(), false})).value();
    table = std::make_unique<RouteTable>(*ctx, TableOptions{});
    PlatformRoutes(*table);
    for (const auto* c : ctx->capabilities())
      if (c->routes) c->routes(*table);
    for (const auto& r : table->routes())
      if (r->body().kind == BodySpec::Kind::kJson) bodies.push_back(&r->body().schema);
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Table* t = new Table();
  auto j = ParseJson(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!j.ok()) return 0;
  (void)DumpJson(*j);
  for (const Schema* s : t->bodies) {
    if (!s->Validate(*j).ok()) continue;
    if (s->name() == "Declaration") (void)DeclarationFromJson(*j);
    if (s->name() == "PersonInput") (void)PersonInputFromJson(*j);
    if (s->name() == "PaymentInput") (void)PaymentInputFromJson(*j);
  }
  return 0;
}
