// ParamTable: one file of dated law parameters.
//
// A CSV with the columns key, effective_from, value, unit, law, source,
// note; one row = one value of one key, in force from effective_from until
// the next row of the same key. "What is in force on D" is the latest row
// with effective_from <= D, returned whole so that a computed amount can cite
// it. Values with unit VND or percent are checked when the file is read; a
// malformed row fails the load with its file and line. Immutable after
// loading, so it is shared freely between threads. LawBook keeps the
// contribution side's table; capabilities keep their own (benefits, funds).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/status.h"

namespace bhxh {

// One dated row of any law file, as cited in explanations.
struct LawParam {
  std::string key;
  Date effective_from;
  std::string value;  // as written in the file
  std::string unit;
  std::string law;
  std::string source;
  std::string note;
  bool uncertain() const { return note.rfind("uncertain", 0) == 0; }
};

// Appends `p` unless the same row (key and effective date) is already cited.
void CiteOnce(std::vector<LawParam>& cited, const LawParam& p);

class ParamTable {
 public:
  static Result<ParamTable> LoadFile(const std::string& path);

  // The row of `key` in force on `d`, or not_found naming the key and date.
  Result<LawParam> Param(const std::string& key, Date d) const;
  // Param parsed as a whole-dong amount / percent (micro) / integer /
  // decimal in millionths ("1.5" → 1'500'000).
  Result<Vnd> Amount(const std::string& key, Date d) const;
  Result<RateMicro> Percent(const std::string& key, Date d) const;
  Result<int64_t> Integer(const std::string& key, Date d) const;
  Result<int64_t> Micro(const std::string& key, Date d) const;
  // Every key with its row in force on `d` (keys with no row yet in force
  // are left out).
  std::vector<LawParam> InForce(Date d) const;
  // Full history of one key, oldest first.
  std::vector<LawParam> History(const std::string& key) const;
  bool Has(const std::string& key) const { return params_.count(key) > 0; }
  // Adds a row, replacing the row of the same key and date (a value
  // published by an engine over the file's typed one). Only while loading:
  // the table is immutable once shared.
  void Put(LawParam p);

 private:
  std::map<std::string, std::vector<LawParam>> params_;  // sorted by date
};

}  // namespace bhxh
