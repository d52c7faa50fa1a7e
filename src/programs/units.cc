#include "programs/units.h"

#include <algorithm>

#include "base/csv.h"
#include "base/text.h"

namespace bhxh {
namespace {

std::string Key(const std::string& s) {
  auto f = FoldForSearch(s);
  std::string k = f.ok() ? *f : s;
  while (!k.empty() && (k.back() == '.' || k.back() == ';' || k.back() == ',' || k.back() == ' ')) k.pop_back();
  return k;
}

// Splits on ';', newlines, ',' and ' và ', remembering each separator so a
// name that contains one ("Vụ Kế hoạch và Đầu tư", "BHXH các tỉnh, thành
// phố") can be put back together exactly.
struct Piece {
  std::string text, sep_after;
};

std::vector<Piece> Pieces(const std::string& text) {
  std::vector<Piece> out;
  std::string cur;
  auto flush = [&](const std::string& sep) {
    std::string t = Trim(cur);
    while (!t.empty() && (t[0] == '-' || t[0] == '+')) t = Trim(t.substr(1));
    if (!t.empty()) out.push_back({t, sep});
    else if (!out.empty()) out.back().sep_after = sep;
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ';' || c == '\n') { flush("; "); continue; }
    if (c == ',') { flush(", "); continue; }
    // "Ban THCS BHXH. Ban THCS BHYT": a full stop before a capital separates two names.
    if (c == '.' && i + 2 < text.size() && text[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(text[i + 2]))) {
      flush(". ");
      ++i;
      continue;
    }
    if (c == ' ' && text.compare(i, 5, " và ") == 0) { flush(" và "); i += 4; continue; }  // "và" is 3 bytes
    cur.push_back(c);
  }
  flush("");
  return out;
}

}  // namespace

Result<UnitRegistry> UnitRegistry::Load(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int ci = t.Column("id"), cn = t.Column("name"), ca = t.Column("abbreviations"), ce = t.Column("earlier_names"),
      ck = t.Column("kind");
  if (ci < 0 || cn < 0 || ca < 0 || ce < 0 || ck < 0)
    return Status::Invalid(path, "Thiếu cột trong danh mục đơn vị", "units file lacks columns");
  UnitRegistry r;
  for (const auto& row : t.rows) {
    Unit u{row.cells[ci], row.cells[cn], row.cells[ck], {}, {}};
    for (const auto& a : Split(row.cells[ca], '|')) if (!Trim(a).empty()) u.abbreviations.push_back(Trim(a));
    for (const auto& e : Split(row.cells[ce], '|')) if (!Trim(e).empty()) u.earlier_names.push_back(Trim(e));
    size_t idx = r.units_.size();
    for (const std::string* alias : {&u.name, &u.id}) r.by_key_[Key(*alias)] = idx;
    for (const auto& a : u.abbreviations) r.by_key_[Key(a)] = idx;
    for (const auto& e : u.earlier_names) r.by_key_[Key(e)] = idx;
    r.units_.push_back(std::move(u));
  }
  return r;
}

const Unit* UnitRegistry::Find(const std::string& name) const {
  std::string k = Key(name);
  if (k.rfind("cac don vi: ", 0) == 0) k = k.substr(12);  // "Các đơn vị: TCCB" names the unit after the colon
  auto it = by_key_.find(k);
  if (it != by_key_.end()) return &units_[it->second];
  // "Vụ TCCB", "Ban THCS BHXH", "Viện KH BHXH": a unit word followed by an abbreviation.
  for (const char* word : {"vu ", "ban ", "vien ", "trung tam ", "van phong "}) {
    std::string w(word);
    if (k.rfind(w, 0) == 0) {
      auto ab = by_key_.find(k.substr(w.size()));
      if (ab != by_key_.end()) return &units_[ab->second];
    }
  }
  return nullptr;
}

const Unit* UnitRegistry::ById(const std::string& id) const {
  for (const auto& u : units_) if (u.id == id) return &u;
  return nullptr;
}

UnitResolution UnitRegistry::ResolveList(const std::string& cell) const {
  UnitResolution res;
  std::string text = cell;
  // "Các đơn vị: A, B" — the prefix names no unit itself.
  if (auto folded = FoldForSearch(text); folded.ok() && folded->rfind("cac don vi:", 0) == 0)
    text = text.substr(text.find(':') + 1);
  if (const Unit* whole = Find(text)) {
    res.ids.push_back(whole->id);
    return res;
  }
  std::vector<Piece> parts = Pieces(text);
  auto add = [&](const Unit* u) {
    if (std::find(res.ids.begin(), res.ids.end(), u->id) == res.ids.end()) res.ids.push_back(u->id);
  };
  for (size_t i = 0; i < parts.size(); ++i) {
    // Greedy: the longest run of pieces that names a unit ("BHXH các tỉnh" + "thành phố").
    const Unit* best = nullptr;
    size_t used = 0;
    std::string joined;
    for (size_t j = i; j < parts.size() && j < i + 4; ++j) {
      joined += (j == i ? "" : parts[j - 1].sep_after) + parts[j].text;
      if (const Unit* u = Find(joined)) { best = u; used = j - i + 1; }
    }
    if (best) {
      add(best);
      i += used - 1;
      continue;
    }
    // "Trung tâm CNTT" / "... (Địa phương được lựa chọn ...)": drop a trailing remark in parentheses.
    std::string p = parts[i].text;
    if (size_t paren = p.find(" ("); paren != std::string::npos) {
      if (const Unit* u = Find(p.substr(0, paren))) { add(u); continue; }
    }
    res.unknown.push_back(p);
  }
  return res;
}

}  // namespace bhxh
