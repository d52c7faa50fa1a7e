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
    static const std::pair<const char*, FieldKind> kKinds[] = {
        {"C", FieldKind::kText}, {"N", FieldKind::kNumber}, {"D12", FieldKind::kD12}, {"D8", FieldKind::kD8},
        {"B12", FieldKind::kB12}, {"L8", FieldKind::kL8},   {"L15", FieldKind::kL15}};
    auto kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return x.type == k.first; });
    if (kind == std::end(kKinds))
      return Status::Invalid(where + " type", "Kiểu dữ liệu \"" + x.type + "\" không thuộc C, N, D12, D8, B12, L8, L15",
                             "type \"" + x.type + "\" is not one of C, N, D12, D8, B12, L8, L15");
    x.kind = kind->second;
    x.read = FieldOf(x.name);
    auto& specs = s.fields_[x.table];
    if (specs.size() >= 30000)  // positions are kept in 16 bits by the records
      return Status::Invalid(where, "Bảng có quá nhiều trường", "too many fields in one table");
    s.field_index_[x.table].emplace(x.name, static_cast<int>(specs.size()));  // the first row of a name counts
    specs.push_back(x);
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

const FieldSpec* ClaimSchema::Field(const std::string& table, std::string_view name) const {
  int i = FieldIndex(table, name);
  return i < 0 ? nullptr : &fields_.at(table)[static_cast<size_t>(i)];
}

int ClaimSchema::FieldIndex(const std::string& table, std::string_view name) const {
  const auto* index = NameIndex(table);
  if (!index) return -1;
  auto it = index->find(name);
  return it == index->end() ? -1 : it->second;
}

const FieldNameIndex* ClaimSchema::NameIndex(const std::string& table) const {
  auto t = field_index_.find(table);
  return t == field_index_.end() ? nullptr : &t->second;
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
constexpr const char* kFieldNames[] = {
#define BHXH_XML130_NAME(n) #n,
    BHXH_XML130_READ_FIELDS(BHXH_XML130_NAME)
#undef BHXH_XML130_NAME
};
static_assert(std::size(kFieldNames) == kReadFields);

const std::unordered_map<std::string_view, XmlField>& FieldNumbers() {
  static const auto* m = [] {
    auto* out = new std::unordered_map<std::string_view, XmlField>();
    for (size_t i = 0; i < kReadFields; ++i) out->emplace(kFieldNames[i], static_cast<XmlField>(i));
    return out;
  }();
  return *m;
}
}  // namespace

const char* FieldName(XmlField f) {
  return static_cast<size_t>(f) < kReadFields ? kFieldNames[static_cast<size_t>(f)] : "";
}

XmlField FieldOf(std::string_view name) {
  const auto& m = FieldNumbers();
  auto it = m.find(name);
  return it == m.end() ? XmlField::kCount : it->second;
}

void Record::Index(const ClaimSchema* schema, const Record* like) {
  pos_.fill(-1);
  spec_.clear();
  const auto* names = schema ? schema->NameIndex(table) : nullptr;
  const std::vector<FieldSpec>* specs = names ? &schema->Fields(table) : nullptr;
  if (names) spec_.resize(fields.size(), -1);
  // `like` counts only when it was indexed against this table's specifications.
  const size_t alike =
      like && names && like->table == table && like->spec_.size() == like->fields.size() ? like->fields.size() : 0;
  for (size_t i = 0; i < fields.size(); ++i) {
    XmlField f = XmlField::kCount;
    if (names) {  // one lookup gives both the specification and the number
      int spec = -1;
      if (i < alike && like->fields[i].first == fields[i].first) {
        spec = like->spec_[i];
      } else if (auto at = names->find(fields[i].first); at != names->end()) {
        spec = at->second;
      }
      if (spec >= 0) {
        spec_[i] = static_cast<int16_t>(spec);
        f = (*specs)[static_cast<size_t>(spec)].read;
      } else {
        f = FieldOf(fields[i].first);  // a field outside its table still reads as without the schema
      }
    } else {
      f = FieldOf(fields[i].first);
    }
    if (f != XmlField::kCount && pos_[static_cast<size_t>(f)] < 0)
      pos_[static_cast<size_t>(f)] = static_cast<int32_t>(i);
  }
}

std::string_view Record::Get(std::string_view name) const {
  if (XmlField f = FieldOf(name); f != XmlField::kCount) return Get(f);
  for (const auto& [n, v] : fields)
    if (n == name) return v;
  return {};
}

bool Record::Has(std::string_view name) const {
  if (XmlField f = FieldOf(name); f != XmlField::kCount) return Has(f);
  for (const auto& field : fields)
    if (field.first == name) return true;
  return false;
}

std::optional<int64_t> Milli(std::string_view s) {
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

std::optional<int64_t> Minutes12(std::string_view s) {
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
    if (std::strcmp(c.name(), tag) == 0)
      out.push_back(c);
    else
      Collect(c, tag, out);
  }
}

}  // namespace

std::vector<Encounter> ReadEncounters(const Envelope& env, std::vector<EnvelopeError>* errors,
                                      const ClaimSchema* schema) {
  Envelope copy = env;
  return ReadEncounters(std::move(copy), errors, schema);
}

std::vector<Encounter> ReadEncounters(Envelope&& env, std::vector<EnvelopeError>* errors,
                                      const ClaimSchema* schema) {
  std::vector<Encounter> out;
  for (Hoso& h : env.hoso) {
    Encounter e;
    e.hoso = h.index;
    std::vector<Record> lines2, lines3;
    for (ClaimFile& f : h.files) {
      const char* tag = RecordTag(f.type);
      if (!tag) {
        e.others.push_back(std::move(f));
        continue;
      }
      // Each file is parsed in place and kept with the encounter, whose
      // records view it; XML1 is also kept as received, so a copy of it is
      // the one parsed.
      auto text =
          f.type == "XML1" ? std::make_unique<std::string>(f.xml) : std::make_unique<std::string>(std::move(f.xml));
      pugi::xml_document doc;
      auto pr = doc.load_buffer_inplace(text->data(), text->size(), pugi::parse_default, pugi::encoding_utf8);
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
        size_t count = 0;  // a record's ~45 fields, placed once instead of regrown
        for (pugi::xml_node c : n.children()) count += c.type() == pugi::node_element;
        r.fields.reserve(count);
        for (pugi::xml_node c : n.children())
          if (c.type() == pugi::node_element) r.fields.emplace_back(c.name(), TrimView(c.text().get()));
        std::vector<Record>* lines = f.type == "XML1" ? nullptr : f.type == "XML2" ? &lines2 : &lines3;
        r.Index(schema, lines && !lines->empty() ? &lines->back() : nullptr);
        if (!lines) {
          if (e.xml1)
            errors->push_back({std::string(r.Get(XmlField::MA_LK)), where, "Một hồ sơ chỉ có một bảng tổng hợp XML1"});
          else {
            e.xml1 = std::move(r);
            e.xml1_raw = std::move(f.xml);  // the copy in `text` is the one parsed
          }
        } else {
          lines->push_back(std::move(r));
        }
      }
      e.text.push_back(std::move(text));
    }
    if (!e.xml1) {
      errors->push_back({"", "HOSO[" + std::to_string(h.index) + "]/XML1", "Hồ sơ thiếu bảng tổng hợp XML1"});
      continue;
    }
    e.ma_lk = e.xml1->Get(XmlField::MA_LK);
    for (auto* lines : {&lines2, &lines3}) {
      for (auto& r : *lines) {
        if (r.Get(XmlField::MA_LK) != e.ma_lk) {
          std::string ma_lk(r.Get(XmlField::MA_LK));
          errors->push_back({ma_lk, r.table + ".MA_LK",
                             "Dòng " + r.table + " STT " + std::string(r.Get(XmlField::STT)) + " có MA_LK \"" + ma_lk +
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
