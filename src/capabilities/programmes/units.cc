#include "programmes/units.h"

#include <algorithm>

#include "base/csv.h"
#include "base/text.h"

namespace bhxh {
namespace {

std::string Key(const std::string& s) {
  auto f = FoldForSearch(s);
  std::string k = f.ok() ? *f : s;
  while (!k.empty() && (k.back() == '.' || k.back() == ';' || k.back() == ',' || k.back() == ' ')) k.pop_back();
  // "Thanh tra-Kiểm tra" and "Thanh tra - Kiểm tra" are one name.
  std::string out;
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i] == ' ' && ((i + 1 < k.size() && k[i + 1] == '-') || (!out.empty() && out.back() == '-'))) continue;
    out.push_back(k[i]);
  }
  // "... của BHXH Việt Nam" / "... của BHXH": the tables' "of VSS" adds nothing.
  for (const char* tail : {" cua bhxh viet nam", " cua bhxh"}) {
    std::string t(tail);
    if (out.size() > t.size() && out.compare(out.size() - t.size(), t.size(), t) == 0)
      out.resize(out.size() - t.size());
  }
  return out;
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
    if (!t.empty())
      out.push_back({t, sep});
    else if (!out.empty())
      out.back().sep_after = sep;
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ';' || c == '\n') {
      flush("; ");
      continue;
    }
    if (c == ',') {
      flush(", ");
      continue;
    }
    // "Ban THCS BHXH. Ban THCS BHYT": a full stop before a capital separates two names.
    if (c == '.' && i + 2 < text.size() && text[i + 1] == ' ' &&
        std::isupper(static_cast<unsigned char>(text[i + 2]))) {
      flush(". ");
      ++i;
      continue;
    }
    if (c == ' ' && text.compare(i, 5, " và ") == 0) {
      flush(" và ");
      i += 4;
      continue;
    }  // "và" is 3 bytes
    cur.push_back(c);
  }
  flush("");
  return out;
}

// A capitals abbreviation glued to a lower-case word by the page:
// "BHXHcác tỉnh" → "BHXH các tỉnh".
std::string SpaceGluedAbbreviation(std::string p) {
  for (size_t i = 2; i < p.size(); ++i)
    if (std::islower(static_cast<unsigned char>(p[i])) && std::isupper(static_cast<unsigned char>(p[i - 1])) &&
        std::isupper(static_cast<unsigned char>(p[i - 2])) &&
        (i < 3 || !std::isalpha(static_cast<unsigned char>(p[i - 3])) ||
         std::isupper(static_cast<unsigned char>(p[i - 3]))))
      p.insert(i++, " ");
  return p;
}

}  // namespace

Result<UnitRegistry> UnitRegistry::Load(const std::string& path, const std::string& words_path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable words, ReadCsvFile(words_path));
  const int cw = words.Column("word");
  if (cw < 0)
    return Status::Invalid(words_path, "Thiếu cột \"word\" trong danh sách từ mở đầu tên cơ quan",
                           "the list of words a body's name starts with lacks the column \"word\"");
  UnitRegistry r;
  for (const auto& row : words.rows)
    if (std::string k = Key(row.cells[cw]); !k.empty()) r.head_words_.push_back(k);
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int ci = t.Column("id"), cn = t.Column("name"), ca = t.Column("abbreviations"), ce = t.Column("earlier_names"),
      ck = t.Column("kind");
  if (ci < 0 || cn < 0 || ca < 0 || ce < 0 || ck < 0)
    return Status::Invalid(path, "Thiếu cột trong danh mục đơn vị", "units file lacks columns");
  for (const auto& row : t.rows) {
    Unit u{row.cells[ci], row.cells[cn], row.cells[ck], {}, {}};
    for (const auto& a : Split(row.cells[ca], '|'))
      if (!Trim(a).empty()) u.abbreviations.push_back(Trim(a));
    for (const auto& e : Split(row.cells[ce], '|'))
      if (!Trim(e).empty()) u.earlier_names.push_back(Trim(e));
    r.Add(std::move(u));
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

std::optional<std::vector<const Unit*>> UnitRegistry::SplitAdjacent(const std::string& p) const {
  if (p.size() > 120) return std::nullopt;  // two unit names, not a sentence
  for (size_t sp = p.find(' '); sp != std::string::npos; sp = p.find(' ', sp + 1)) {
    const Unit* a = Find(p.substr(0, sp));
    const Unit* b = a ? Find(p.substr(sp + 1)) : nullptr;
    if (a && b) return std::vector<const Unit*>{a, b};
  }
  return std::nullopt;
}

Status UnitRegistry::AddAlias(const std::string& name, const std::string& unit_id) {
  for (size_t i = 0; i < units_.size(); ++i)
    if (units_[i].id == unit_id) {
      if (Key(name).empty()) return Status::Invalid("name", "Tên đơn vị trống", "empty name");
      by_key_[Key(name)] = i;
      units_[i].abbreviations.push_back(Trim(name));
      return Status::Ok();
    }
  return Status::NotFound("unit", "Không có đơn vị mã " + unit_id + " trong danh mục", "no unit " + unit_id);
}

void UnitRegistry::Add(Unit u) {
  const size_t idx = units_.size();
  for (const std::string* alias : {&u.name, &u.id}) by_key_[Key(*alias)] = idx;
  for (const auto& a : u.abbreviations) by_key_[Key(a)] = idx;
  for (const auto& e : u.earlier_names) by_key_[Key(e)] = idx;
  units_.push_back(std::move(u));
}

UnitRegistry UnitRegistry::WithoutCentralUnits() const {
  UnitRegistry r;
  r.head_words_ = head_words_;
  for (const Unit& u : units_) {
    if (u.kind != "central") r.Add(u);
  }
  return r;
}

bool UnitRegistry::NamesABody(const std::string& s) const {
  if (Find(s)) return true;
  const std::string k = Key(s);
  return StartsAName(s) && std::find(head_words_.begin(), head_words_.end(), k) == head_words_.end() &&
         k.find(' ') != std::string::npos;
}

bool UnitRegistry::StartsAName(const std::string& piece) const {
  const std::string k = Key(piece);
  for (const auto& w : head_words_)
    if (k.size() >= w.size() && k.compare(0, w.size(), w) == 0 && (k.size() == w.size() || k[w.size()] == ' '))
      return true;
  // An abbreviation ("KGVX", "UBND", "GĐĐT") names a body of its own.
  const std::string first = piece.substr(0, piece.find(' '));
  return first.size() >= 2 &&
         std::none_of(first.begin(), first.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }) &&
         std::any_of(first.begin(), first.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

const Unit* UnitRegistry::ById(const std::string& id) const {
  for (const auto& u : units_)
    if (u.id == id) return &u;
  return nullptr;
}

UnitResolution UnitRegistry::ResolveList(const std::string& cell) const {
  UnitResolution res;
  std::string text = cell;
  // "Các đơn vị: A, B" — the prefix names no unit itself.
  if (auto folded = FoldForSearch(text); folded.ok() && folded->rfind("cac don vi:", 0) == 0)
    text = text.substr(text.find(':') + 1);
  text = SpaceGluedAbbreviation(text);
  if (const Unit* whole = Find(text)) {
    res.ids.push_back(whole->id);
    return res;
  }
  std::vector<Piece> parts = Pieces(text);
  auto add = [&](const Unit* u) {
    if (std::find(res.ids.begin(), res.ids.end(), u->id) == res.ids.end()) res.ids.push_back(u->id);
  };
  size_t last_unknown = std::string::npos;  // piece index of the last unknown name
  for (size_t i = 0; i < parts.size(); ++i) {
    // Greedy: the longest run of pieces that names a unit ("BHXH các tỉnh" + "thành phố").
    std::vector<const Unit*> best;
    size_t used = 0;
    std::string joined;
    for (size_t j = i; j < parts.size() && j < i + 4; ++j) {
      joined += (j == i ? "" : parts[j - 1].sep_after) + parts[j].text;
      if (const Unit* u = Find(joined)) {
        best = {u};
        used = j - i + 1;
      }
      // "BHXH các tỉnh, thành phố (Địa phương được lựa chọn ...)": a trailing remark in parentheses.
      else if (size_t paren = joined.find(" (");
               paren != std::string::npos && joined.back() == ')' && Find(joined.substr(0, paren)))
        best = {Find(joined.substr(0, paren))}, used = j - i + 1;
      // "Ban Quản lý Thu-Sổ, Thẻ Vụ Quản lý Đầu tư quỹ": two names side by side across a comma.
      else if (j > i)
        if (auto two = SplitAdjacent(joined)) best = *two, used = j - i + 1;
    }
    if (!best.empty()) {
      for (const Unit* u : best) add(u);
      i += used - 1;
      continue;
    }
    // "Trung tâm CNTT" / "... (Địa phương được lựa chọn ...)": drop a trailing remark in parentheses.
    std::string p = parts[i].text;
    // Two names the page put side by side without a separator ("Vụ Tài
    // chính - Kế toán Trung tâm Công nghệ thông tin", "BHXHcác tỉnh").
    if (auto two = SplitAdjacent(p)) {
      for (const Unit* u : *two) add(u);
      continue;
    }
    if (size_t paren = p.find(" ("); paren != std::string::npos) {
      if (const Unit* u = Find(p.substr(0, paren))) {
        add(u);
        continue;
      }
    }
    // "Cục quản lý giám sát kế toán, kiểm toán của Bộ Tài chính": a piece
    // starting in lower case continues the unknown name before it.
    unsigned char c0 = static_cast<unsigned char>(p[0]);
    std::string first = p.substr(0, c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4);
    bool lower = (c0 >= 'a' && c0 <= 'z') || (c0 >= 0x80 && CaseFold(first) == first);
    // "Sở Văn hóa, Thể thao và Du lịch": after a comma or "và", a piece
    // that does not start a body's name continues the one before it. A
    // collective in lower case ("Ngân hàng Nhà nước; các ngân hàng thương
    // mại", "Bộ Công an, các bộ, ngành liên quan") is a body of its own.
    const bool collective = Key(p).rfind("cac ", 0) == 0;
    const bool continues =
        last_unknown + 1 == i && !res.unknown.empty() && !collective &&
        (lower || ((parts[i - 1].sep_after == ", " || parts[i - 1].sep_after == " và ") && !StartsAName(p)));
    if (continues)
      res.unknown.back() += parts[i - 1].sep_after + p;
    else
      res.unknown.push_back(p);
    last_unknown = i;
  }
  return res;
}

std::vector<std::string> UnitNamesOfCell(const std::vector<std::string>& ids, const std::vector<std::string>& unknown,
                                         const std::vector<std::string>& cells, const std::string& cell,
                                         const UnitRegistry& units) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    const Unit* u = units.ById(id);
    out.push_back(u ? u->name : id);
  }
  for (size_t i = 0; i < unknown.size(); ++i)
    if (i < cells.size() && cells[i] == cell) out.push_back(unknown[i]);
  return out;
}

}  // namespace bhxh
