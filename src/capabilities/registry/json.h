// The registry's JSON: request schemas, readers into engine inputs, and the
// answers' shapes (used by the routes, the CLI's --json and the OpenAPI
// document alike).
#pragma once

#include "platform/jsonio/schema.h"
#include "registry/registry.h"

namespace bhxh {

namespace schemas {
Schema PersonInput();
Schema Person();
Schema EmployerInput();
Schema Employer();
Schema CardInput();
Schema Card();
Schema PeriodInput();
Schema Period();
Schema Sex();
Schema PartialDob();
}  // namespace schemas

PersonInput PersonInputFromJson(const Json& j);
EmployerInput EmployerInputFromJson(const Json& j);
CardInput CardInputFromJson(const Json& j);
PeriodInput PeriodInputFromJson(const Json& j);

Json ToJson(const Person& p);
Json ToJson(const Employer& e, Date on);
Json ToJson(const Card& c);
Json ToJson(const Period& p);

}  // namespace bhxh
