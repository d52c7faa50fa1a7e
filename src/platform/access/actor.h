// Who is acting: the account behind a request or a command.
//
// Every write takes an Actor and records it in the audit trail. An account
// has one or more roles (each a set of permissions, data/access/roles.csv)
// and a scope: its province for provincial roles, its commune (within that
// province) for commune roles, its employer, facility or CCCD for the "own"
// scope of employers, facilities and citizens.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace bhxh {

struct Actor {
  std::string id;                  // "officer:demo", "employer:01A00001", "cli:root", "user:lan.nt"
  std::vector<std::string> roles;  // "officer", "employer", "facility", "citizen", ...
  std::string province;            // home province (2 digits) for provincial scope
  std::string employer_code;       // "own" scope of an employer account
  std::string facility_code;       // "own" scope of a facility account
  std::string cccd;                // "own" scope of a citizen account
  std::string name;                // a person's display name ("Nguyễn Thị Lan"), empty for programs
  std::string commune;             // home commune (code within `province`) for commune scope

  bool Is(std::string_view role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }
  // Roles as stored: "officer" or "inspector,auditor".
  std::string RolesText() const {
    std::string s;
    for (const auto& r : roles) s += (s.empty() ? "" : ",") + r;
    return s;
  }
};

// Roles from their stored text ("a,b").
std::vector<std::string> ParseRoles(std::string_view text);

}  // namespace bhxh
