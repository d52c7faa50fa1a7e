// Administrative units with effective dates.
//
// Before 2025-07-01 Vietnam had 63 provincial units; from that day 34
// (Resolution 202/2025/QH15). Loaded from data/geo/provinces.csv (old code,
// old name, CCCD code, new code, new name). A code recorded in history keeps
// its meaning at its date; CurrentCode maps any old code to the unit that
// holds it today so statistics stay comparable across the merger. CCCD
// province codes never change (a person born in Bình Dương keeps 074).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace bhxh {

struct Province {
  std::string code;  // 2-digit GSO code
  std::string name;
  Date valid_from, valid_to;  // valid_to exclusive; Date::FromDays(INT32_MAX) = open
};

class Geo {
 public:
  static Result<Geo> Load(const std::string& csv_path);
  static Date MergerDate() { return Date::FromYmd(2025, 7, 1); }

  bool IsCccdProvince(std::string_view three_digits) const { return cccd_.count(std::string(three_digits)) > 0; }
  // The unit with `code` in force on `d`, or not_found.
  Result<Province> At(const std::string& code, Date d) const;
  // Any code, old or new, mapped to today's unit code.
  Result<std::string> CurrentCode(const std::string& code) const;
  // Units in force on `d`.
  std::vector<Province> InForce(Date d) const;
  // Today's units, each with every code whose records it holds (its own
  // and the older codes merged into it): the groups tables partitioned by
  // province are made of.
  std::vector<std::pair<std::string, std::vector<std::string>>> ProvinceGroups() const;
  // Old codes merged into the new unit `new_code`.
  std::vector<std::string> MergedFrom(const std::string& new_code) const;
  // The name a code stands for: today's unit for a current code, else the
  // old unit's ("Hà Tây" for 28 recorded before the merger of 2008 would be
  // the old name). Unknown codes come back as they are.
  std::string NameOf(const std::string& code) const {
    if (auto it = new_.find(code); it != new_.end()) return it->second.name;
    if (auto it = old_.find(code); it != old_.end()) return it->second.name;
    return code;
  }
  // True for a code that was valid at some time (old or new).
  bool IsKnownCode(const std::string& code) const { return old_.count(code) || new_.count(code); }

 private:
  std::map<std::string, Province> old_, new_;
  std::map<std::string, std::string> old_to_new_;
  std::set<std::string> cccd_;
};

}  // namespace bhxh
