// Access policy: which role may do what, and over which data.
//
// The policy is data (data/access/roles.csv: role, permission, scope), as
// the law's parameters are: roles are sets of permissions, each granted
// with a scope — national (everything), province (the actor's province and
// the old provinces merged into it), commune (one commune of that province:
// the officer or collection agent who works a commune), or own (the actor's
// own employer, facility or CCCD). A permission ending in ".*" grants every permission
// with that prefix. What is not granted is denied.
//
// Authorize() answers for one permission and, when the request is about one
// object, that object's owner (its province, employer, facility or person);
// for lists it returns the scope the caller must filter by. A commune grant
// is honoured only by routes that say they filter by commune
// (Route::CommuneScoped); elsewhere it is refused, so a route that knows
// only provinces never shows a commune account its whole province.
// Thread-safe once loaded.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "platform/access/actor.h"

namespace bhxh {

enum class GrantScope { kOwn = 0, kCommune = 1, kProvince = 2, kNational = 3 };
const char* GrantScopeName(GrantScope s);

// What an object belongs to, for scope checks. Empty fields are unknown.
struct Owner {
  std::string province;  // any code, old or new
  std::string employer;
  std::string facility;
  std::string cccd;
  std::string commune;  // within `province`
};

// The scope granted for one permission: what a list must be filtered by.
struct AccessScope {
  GrantScope scope = GrantScope::kNational;
  std::vector<std::string> provinces;    // kProvince, kCommune: the actor's province and those merged into it
  std::string commune;                   // kCommune: the actor's commune
  std::string employer, facility, cccd;  // kOwn
  bool national() const { return scope == GrantScope::kNational; }
};

class AccessPolicy {
 public:
  static Result<AccessPolicy> Load(const std::string& csv_path);
  // Built from rows (tests): {role, permission, scope}.
  static Result<AccessPolicy> FromRows(const std::vector<std::vector<std::string>>& rows);

  // Widest scope any of the actor's roles has for `permission`.
  std::optional<GrantScope> Widest(const Actor& a, std::string_view permission) const;
  bool HasRole(std::string_view role) const { return roles_.count(std::string(role)) > 0; }
  const std::set<std::string>& roles() const { return roles_; }
  // Permissions named in the file (with wildcards as written).
  std::set<std::string> Permissions() const;

 private:
  struct Grant {
    std::string permission;  // exact, or "prefix.*"
    GrantScope scope;
  };
  std::map<std::string, std::vector<Grant>> by_role_;
  std::set<std::string> roles_;
};

// Maps a province code (old or new) to the codes it covers today: the
// current unit and the old units merged into it. Supplied by the caller
// (the geography), so this layer knows no map.
using ProvinceExpander = std::function<std::vector<std::string>(const std::string& code)>;

// OK with the scope to filter by, or "forbidden" naming the permission.
// With `owner`, the object must fall inside the widest grant.
Result<AccessScope> Authorize(const AccessPolicy& policy, const Actor& actor, std::string_view permission,
                              const Owner* owner, const ProvinceExpander& expand);

}  // namespace bhxh
