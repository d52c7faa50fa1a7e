// The registry of VSS units named in task tables (issue #3 §2), loaded from
// data/programmes/units.csv: canonical names, the abbreviations the tables
// use (TCCB, PC, GĐĐT, ...), earlier names (Ban Thu → Ban Quản lý Thu - Sổ,
// thẻ) and collective entries (BHXH các tỉnh, thành phố; Các đơn vị liên
// quan). Names of bodies outside the registry may hold the separators
// themselves ("Sở Văn hóa, Thể thao và Du lịch"); the words a body's name
// starts with (data/programmes/unit_words.csv) tell where one begins.
// ResolveList splits a table cell ("Các đơn vị: TCCB, PC, GĐĐT và
// BHXH các tỉnh, thành phố") into units; whatever it cannot place is
// returned as unknown for an officer to map, never dropped. Matching
// ignores diacritics, case and spacing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace bhxh {

struct Unit {
  std::string id, name, kind;
  std::vector<std::string> abbreviations, earlier_names;
};

struct UnitResolution {
  std::vector<std::string> ids;      // resolved, in order, without repeats
  std::vector<std::string> unknown;  // names not in the registry, as written
};

class UnitRegistry {
 public:
  // `units_path`: units.csv; `words_path`: unit_words.csv.
  static Result<UnitRegistry> Load(const std::string& units_path, const std::string& words_path);
  const Unit* Find(const std::string& name) const;  // by name, abbreviation or earlier name
  const Unit* ById(const std::string& id) const;
  UnitResolution ResolveList(const std::string& cell) const;
  // Whether `s` reads as the name of a body: a name or alias the registry
  // knows, or words that start with a word bodies' names start with and go
  // on past it ("Sở Tài chính", not "Sở" alone).
  bool NamesABody(const std::string& s) const;
  // The registry without VSS's central departments (kind "central"): the
  // names another body's decision uses for its own departments.
  UnitRegistry WithoutCentralUnits() const;
  // Maps one more name to a known unit (an officer's answer to an unknown name).
  Status AddAlias(const std::string& name, const std::string& unit_id);
  const std::vector<Unit>& units() const { return units_; }

 private:
  // One piece that is two names side by side, or one name after a fix.
  std::optional<std::vector<const Unit*>> SplitAdjacent(const std::string& piece) const;
  std::vector<Unit> units_;
  void Add(Unit u);  // with its name, id, abbreviations and earlier names as keys
  // Whether `piece` starts with a word a body's name starts with.
  bool StartsAName(const std::string& piece) const;
  std::map<std::string, size_t> by_key_;  // folded alias → unit index
  std::vector<std::string> head_words_;   // folded
};

// The bodies of one cell (lead | coordinating) by name, as a reader of the
// table names them: each recognised unit by its registry name, then each
// name the registry does not know as written (`cells[i]` says which cell
// `unknown[i]` stood in). A task's unit in charge is thus readable whether
// or not the registry knows it yet.
std::vector<std::string> UnitNamesOfCell(const std::vector<std::string>& ids, const std::vector<std::string>& unknown,
                                         const std::vector<std::string>& cells, const std::string& cell,
                                         const UnitRegistry& units);

}  // namespace bhxh
