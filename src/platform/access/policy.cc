#include "platform/access/policy.h"

#include "base/csv.h"
#include "base/text.h"

namespace bhxh {

std::vector<std::string> ParseRoles(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& r : Split(text, ',')) {
    std::string t = Trim(r);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

const char* GrantScopeName(GrantScope s) {
  switch (s) {
    case GrantScope::kNational:
      return "national";
    case GrantScope::kProvince:
      return "province";
    case GrantScope::kCommune:
      return "commune";
    case GrantScope::kOwn:
      return "own";
  }
  return "";
}

Result<AccessPolicy> AccessPolicy::FromRows(const std::vector<std::vector<std::string>>& rows) {
  AccessPolicy p;
  int n = 0;
  for (const auto& r : rows) {
    ++n;
    if (r.size() < 3) return Status::Invalid("roles.csv:" + std::to_string(n), "Thiếu cột", "missing columns");
    GrantScope s;
    if (r[2] == "national")
      s = GrantScope::kNational;
    else if (r[2] == "province")
      s = GrantScope::kProvince;
    else if (r[2] == "commune")
      s = GrantScope::kCommune;
    else if (r[2] == "own")
      s = GrantScope::kOwn;
    else
      return Status::Invalid("roles.csv:" + std::to_string(n), "Phạm vi phải là national, province, commune hoặc own",
                             "scope must be national, province, commune or own");
    if (r[0].empty() || r[1].empty())
      return Status::Invalid("roles.csv:" + std::to_string(n), "Thiếu vai trò hoặc quyền",
                             "role and permission required");
    p.by_role_[r[0]].push_back({r[1], s});
    p.roles_.insert(r[0]);
  }
  return p;
}

Result<AccessPolicy> AccessPolicy::Load(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int cr = t.Column("role"), cp = t.Column("permission"), cs = t.Column("scope");
  if (cr < 0 || cp < 0 || cs < 0)
    return Status::Invalid(path, "Tệp phân quyền cần các cột role, permission, scope",
                           "roles file needs role, permission, scope");
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : t.rows) rows.push_back({r.cells[cr], r.cells[cp], r.cells[cs]});
  return FromRows(rows);
}

std::set<std::string> AccessPolicy::Permissions() const {
  std::set<std::string> out;
  for (const auto& [role, grants] : by_role_)
    for (const auto& g : grants) out.insert(g.permission);
  return out;
}

std::optional<GrantScope> AccessPolicy::Widest(const Actor& a, std::string_view perm) const {
  std::optional<GrantScope> best;
  for (const auto& role : a.roles) {
    auto it = by_role_.find(role);
    if (it == by_role_.end()) continue;
    for (const auto& g : it->second) {
      bool match = g.permission == perm || g.permission == "*";
      if (!match && g.permission.size() >= 2 && g.permission.compare(g.permission.size() - 2, 2, ".*") == 0)
        match = perm.substr(0, g.permission.size() - 1) ==
                std::string_view(g.permission).substr(0, g.permission.size() - 1);
      if (match && (!best || static_cast<int>(g.scope) > static_cast<int>(*best))) best = g.scope;
    }
  }
  return best;
}

Result<AccessScope> Authorize(const AccessPolicy& policy, const Actor& actor, std::string_view permission,
                              const Owner* owner, const ProvinceExpander& expand) {
  auto forbidden = [&](const std::string& why_vi, const std::string& why_en) {
    return Status::Error("forbidden", "Authorization", why_vi + " (quyền " + std::string(permission) + ")",
                         why_en + " (permission " + std::string(permission) + ")");
  };
  auto g = policy.Widest(actor, permission);
  if (!g) return forbidden("Tài khoản không có quyền thực hiện thao tác này", "the account may not do this");
  AccessScope s;
  s.scope = *g;
  if (*g == GrantScope::kProvince || *g == GrantScope::kCommune) {
    if (actor.province.empty())
      return forbidden("Tài khoản cấp tỉnh, cấp xã chưa gắn với tỉnh nào", "a provincial or commune account has no province");
    s.provinces = expand ? expand(actor.province) : std::vector<std::string>{actor.province};
    if (*g == GrantScope::kCommune) {
      if (actor.commune.empty()) return forbidden("Tài khoản cấp xã chưa gắn với xã nào", "a commune account has no commune");
      s.commune = actor.commune;
    }
  } else if (*g == GrantScope::kOwn) {
    s.employer = actor.employer_code;
    s.facility = actor.facility_code;
    s.cccd = actor.cccd;
    if (s.employer.empty() && s.facility.empty() && s.cccd.empty())
      return forbidden("Tài khoản chưa gắn với đơn vị, cơ sở hoặc người nào", "the account owns nothing");
  }
  if (!owner) return s;
  switch (*g) {
    case GrantScope::kNational:
      return s;
    case GrantScope::kProvince:
    case GrantScope::kCommune: {
      std::vector<std::string> of =
          expand && !owner->province.empty() ? expand(owner->province) : std::vector<std::string>{owner->province};
      bool in_province = false;
      for (const auto& p : of)
        for (const auto& mine : s.provinces) in_province |= !p.empty() && p == mine;
      if (!in_province) return forbidden("Dữ liệu thuộc tỉnh khác", "the data belongs to another province");
      if (*g == GrantScope::kProvince || owner->commune == s.commune) return s;
      return forbidden("Dữ liệu thuộc xã khác", "the data belongs to another commune");
    }
    case GrantScope::kOwn: {
      bool mine = (!s.employer.empty() && s.employer == owner->employer) ||
                  (!s.facility.empty() && s.facility == owner->facility) || (!s.cccd.empty() && s.cccd == owner->cccd);
      if (mine) return s;
      return forbidden("Chỉ được truy cập dữ liệu của chính mình", "only one's own data");
    }
  }
  return forbidden("Không có quyền", "denied");
}

}  // namespace bhxh
