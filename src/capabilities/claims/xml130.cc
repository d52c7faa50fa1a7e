#include "claims/xml130.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "base/csv.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/text.h"

namespace bhxh {

Result<ClaimSchema> ClaimSchema::Load(const std::string& dir) {
  ClaimSchema s;
  BHXH_ASSIGN_OR_RETURN(CsvTable f, ReadCsvFile(dir + "/xml130_fields.csv"));
  int ct = f.Column("table"), cf = f.Column("field"), cy = f.Column("type"), cl = f.Column("length"),
      cd = f.Column("decimals"), cr = f.Column("required");
  if (ct < 0 || cf < 0 || cy < 0 || cl < 0 || cd < 0 || cr < 0)
    return Status::Invalid("xml130_fields.csv", "Thiếu cột trong danh mục trường", "missing columns");
  for (const auto& r : f.rows) {
    FieldSpec x{r.cells[ct], r.cells[cf], r.cells[cy], 0, 0, r.cells[cr] == "1"};
    std::string where = "xml130_fields.csv:" + std::to_string(r.line);
    BHXH_ASSIGN_OR_RETURN(x.length, ParseInt32(r.cells[cl], where + " length", 0, 100000));
    BHXH_ASSIGN_OR_RETURN(x.decimals, ParseInt32(r.cells[cd], where + " decimals", 0, 6));
    s.fields_[x.table].push_back(x);
  }
  BHXH_ASSIGN_OR_RETURN(CsvTable rt, ReadCsvFile(dir + "/rules.csv"));
  int ri = rt.Column("rule"), rs = rt.Column("severity"), rn = rt.Column("needs_store"), rp = rt.Column("param"),
      rl = rt.Column("legal_basis"), rm = rt.Column("message_vi");
  if (ri < 0 || rs < 0 || rn < 0 || rp < 0 || rl < 0 || rm < 0)
    return Status::Invalid("rules.csv", "Thiếu cột trong danh mục quy tắc", "missing columns");
  for (const auto& r : rt.rows) {
    RuleSpec x{r.cells[ri], r.cells[rs], r.cells[rl], r.cells[rm], r.cells[rn] == "1", 0};
    if (x.severity != "reject" && x.severity != "warn")
      return Status::Invalid("rules.csv:" + std::to_string(r.line), "Mức độ phải là reject hoặc warn",
                             "severity must be reject or warn");
    if (!r.cells[rp].empty()) {
      BHXH_ASSIGN_OR_RETURN(x.param,
                            ParseInt(r.cells[rp], "rules.csv:" + std::to_string(r.line) + " param", 0, INT32_MAX));
    }
    s.rules_[x.id] = x;
  }
  return s;
}

const FieldSpec* ClaimSchema::Field(const std::string& table, const std::string& name) const {
  auto it = fields_.find(table);
  if (it == fields_.end()) return nullptr;
  for (const auto& f : it->second)
    if (f.name == name) return &f;
  return nullptr;
}

const std::vector<FieldSpec>& ClaimSchema::Fields(const std::string& table) const {
  static const std::vector<FieldSpec> kNone;
  auto it = fields_.find(table);
  return it == fields_.end() ? kNone : it->second;
}

const RuleSpec& ClaimSchema::Rule(const std::string& id) const {
  auto it = rules_.find(id);
  if (it == rules_.end()) throw std::logic_error("rule not in rules.csv: " + id);
  return it->second;
}

namespace {
// Names ordered by length first, then bytes: most comparisons of a lookup
// are then settled by the lengths, not by comparing bytes (the XML 130
// names share long prefixes — MA_, NGAY_, T_ — so byte comparisons were
// most of the lookups' cost).
bool NameBefore(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return std::memcmp(a.data(), b.data(), a.size()) < 0;
}

template <typename R>
const std::pair<std::string, std::string>* FindField(const R& fields, const std::vector<uint32_t>& index,
                                                     const std::string& name) {
  auto it = std::lower_bound(index.begin(), index.end(), name,
                             [&](uint32_t i, const std::string& n) { return NameBefore(fields[i].first, n); });
  return it != index.end() && fields[*it].first == name ? &fields[*it] : nullptr;
}
}  // namespace

void Record::Index() {
  index_.resize(fields.size());
  for (uint32_t i = 0; i < fields.size(); ++i) index_[i] = i;
  std::stable_sort(index_.begin(), index_.end(),
                   [this](uint32_t a, uint32_t b) { return NameBefore(fields[a].first, fields[b].first); });
}

const std::string& Record::Get(const std::string& name) const {
  static const std::string kEmpty;
  const auto* f = FindField(fields, index_, name);
  return f ? f->second : kEmpty;
}

bool Record::Has(const std::string& name) const { return FindField(fields, index_, name) != nullptr; }

std::optional<int64_t> Milli(const std::string& s) {
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  bool neg = s[0] == '-';
  if (neg) i = 1;
  int64_t whole = 0, frac = 0;
  int fd = 0;
  bool dot = false, any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
    } else if (c >= '0' && c <= '9') {
      any = true;
      if (!dot) {
        whole = whole * 10 + (c - '0');
        if (whole > 1'000'000'000'000'000LL) return std::nullopt;
      } else if (fd < 3) {
        frac = frac * 10 + (c - '0');
        ++fd;
      } else if (c != '0') {
        return std::nullopt;  // more precision than a thousandth
      }
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  while (fd < 3) {
    frac *= 10;
    ++fd;
  }
  int64_t v = whole * 1000 + frac;
  return neg ? -v : v;
}

std::string Stamp12(int64_t minutes) {
  if (minutes <= 0) return "";
  Date d = Date::FromDays(static_cast<int32_t>(minutes / (24 * 60)));
  int m = static_cast<int>(minutes % (24 * 60));
  auto y = d.ymd();
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d", y.year, y.month, y.day, m / 60, m % 60);
  return buf;
}

std::optional<int64_t> Minutes12(const std::string& s) {
  if (s.size() != 12 || !IsDigits(s)) return std::nullopt;
  int y = DigitsValue(s.substr(0, 4)), mo = DigitsValue(s.substr(4, 2)), d = DigitsValue(s.substr(6, 2)),
      h = DigitsValue(s.substr(8, 2)), mi = DigitsValue(s.substr(10, 2));
  if (!Date::IsValidYmd(y, mo, d) || h > 23 || mi > 59) return std::nullopt;
  return static_cast<int64_t>(Date::FromYmd(y, mo, d).days()) * 1440 + h * 60 + mi;
}

namespace {

const char* RecordTag(const std::string& type) {
  if (type == "XML1") return "TONG_HOP";
  if (type == "XML2") return "CHI_TIET_THUOC";
  if (type == "XML3") return "CHI_TIET_DVKT";
  return nullptr;
}

void Collect(const pugi::xml_node& n, const char* tag, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node c : n.children()) {
    if (std::string(c.name()) == tag)
      out.push_back(c);
    else
      Collect(c, tag, out);
  }
}

}  // namespace

std::vector<Encounter> ReadEncounters(const Envelope& env, std::vector<EnvelopeError>* errors) {
  std::vector<Encounter> out;
  for (const Hoso& h : env.hoso) {
    Encounter e;
    e.hoso = h.index;
    std::vector<Record> lines2, lines3;
    for (const ClaimFile& f : h.files) {
      const char* tag = RecordTag(f.type);
      if (!tag) {
        e.others.push_back(f);
        continue;
      }
      pugi::xml_document doc;
      auto pr = doc.load_buffer(f.xml.data(), f.xml.size(), pugi::parse_default, pugi::encoding_utf8);
      std::string where = "HOSO[" + std::to_string(h.index) + "]/" + f.type;
      if (!pr) {
        errors->push_back({"", where, std::string("Tệp ") + f.type + " không phải XML hợp lệ: " + pr.description()});
        continue;
      }
      std::vector<pugi::xml_node> nodes;
      Collect(doc, tag, nodes);
      if (doc.child(tag)) nodes = {doc.child(tag)};
      for (const auto& n : nodes) {
        Record r;
        r.table = f.type;
        for (pugi::xml_node c : n.children())
          if (c.type() == pugi::node_element) r.fields.emplace_back(c.name(), Trim(c.text().as_string()));
        r.Index();
        if (f.type == "XML1") {
          if (e.xml1)
            errors->push_back({r.Get("MA_LK"), where, "Một hồ sơ chỉ có một bảng tổng hợp XML1"});
          else {
            e.xml1 = std::move(r);
            e.xml1_raw = f.xml;
          }
        } else {
          (f.type == "XML2" ? lines2 : lines3).push_back(std::move(r));
        }
      }
    }
    if (!e.xml1) {
      errors->push_back({"", "HOSO[" + std::to_string(h.index) + "]/XML1", "Hồ sơ thiếu bảng tổng hợp XML1"});
      continue;
    }
    e.ma_lk = e.xml1->Get("MA_LK");
    for (auto* lines : {&lines2, &lines3}) {
      for (auto& r : *lines) {
        if (r.Get("MA_LK") != e.ma_lk) {
          errors->push_back({r.Get("MA_LK"), r.table + ".MA_LK",
                             "Dòng " + r.table + " STT " + r.Get("STT") + " có MA_LK \"" + r.Get("MA_LK") +
                                 "\" không khớp hồ sơ tổng hợp \"" + e.ma_lk + "\""});
          continue;
        }
        (lines == &lines2 ? e.xml2 : e.xml3).push_back(std::move(r));
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace bhxh
