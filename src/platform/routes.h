// The platform's own routes, which know no domain: health and readiness,
// Prometheus metrics, the OpenAPI document, the audit trail, and token
// revocation.
#pragma once

namespace bhxh {

class RouteTable;
void PlatformRoutes(RouteTable& t);

}  // namespace bhxh
