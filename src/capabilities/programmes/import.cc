#include "programmes/import.h"

#include <algorithm>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"
#include "programmes/formats.h"
#include "programmes/table.h"

namespace bhxh {
namespace {

size_t IndexOfLine(const std::vector<SourceLine>& lines, int number) {
  size_t i = 0;
  while (i < lines.size() && lines[i].number < number) ++i;
  return i;
}

// --- Appendices -----------------------------------------------------------

// The start of the heading block above a table's "TT" line at `h`: the
// "(Ban hành kèm theo ...)" parenthesis, the title in capitals, and the
// "PHỤ LỤC ..." label when there is one.
size_t HeadingStart(const std::vector<SourceLine>& lines, size_t h, size_t floor) {
  size_t j = h;
  if (j > floor && !lines[j - 1].text.empty() && lines[j - 1].text.back() == ')') {
    size_t k = j - 1;
    while (k > floor && k + 12 > j && lines[k].text[0] != '(') --k;
    if (lines[k].text[0] == '(') j = k;
  }
  for (size_t k = j; k > floor && k + 8 > j; --k)
    if (FoldOrSelf(lines[k - 1].text).rfind("phu luc", 0) == 0 && lines[k - 1].text.size() < 40) return k - 1;
  while (j > floor && IsUpperLine(lines[j - 1].text) && !IsRowId(lines[j - 1].text)) --j;
  return j;
}

// --- The programme's outline ----------------------------------------------

struct Marker {
  std::string id, form, rest;
};

std::optional<Marker> LineMarker(const std::string& line) {
  static const Regex roman(R"(([IVX]{1,5})\.\s*(.*))");
  static const Regex number(R"((\d{1,2}(?:\.\d{1,2}){0,3})\.\s*(.*))");
  static const Regex letter(R"(([a-z]|đ)\)\s*(.*))");
  static const Regex dash(R"(([-+])\s+(.*))");
  Regex::Groups m;
  if (roman.FullMatch(line, &m)) return Marker{Str(m, 1), "R", Str(m, 2)};
  if (number.FullMatch(line, &m)) {
    std::string id = Str(m, 1);
    return Marker{id, "N" + std::to_string(std::count(id.begin(), id.end(), '.')), Str(m, 2)};
  }
  if (letter.FullMatch(line, &m)) return Marker{Str(m, 1), "L", Str(m, 2)};
  if (dash.FullMatch(line, &m)) return Marker{Str(m, 1), "D" + Str(m, 1), Str(m, 2)};
  return std::nullopt;
}

std::string RoleOf(const std::string& text) {
  std::string f = FoldOrSelf(Utf8Prefix(text, 90));
  if (f.find("muc tieu") != std::string::npos || f.find("muc dich") != std::string::npos) return "objectives";
  if (f.find("yeu cau") != std::string::npos) return "requirements";
  if (f.find("che do bao cao") != std::string::npos || f.rfind("bao cao", 0) == 0 ||
      f.find("thoi gian gui bao cao") != std::string::npos)
    return "reporting";
  if (f.find("to chuc thuc hien") != std::string::npos) return "organisation";
  if (f.rfind("chi tieu", 0) == 0 || f.find("muc tieu, chi tieu") != std::string::npos) return "objectives";
  if (f.find("nhiem vu") != std::string::npos || f.find("giai phap") != std::string::npos) return "tasks";
  return "";
}

std::vector<Section> ReadOutline(const std::vector<SourceLine>& lines, size_t from, size_t to,
                                 const std::set<std::string>& vocab) {
  std::vector<Section> out;
  struct Open {
    std::string form, id, key;
    size_t section;
  };
  std::vector<Open> stack;
  std::vector<SourceLine> body;  // the current section's lines, marker removed
  auto flush = [&]() {
    if (!out.empty()) out.back().text = JoinLines(body, 0, body.size(), vocab);
    body.clear();
  };
  for (size_t i = from; i < to; ++i) {
    auto mk = LineMarker(lines[i].text);
    if (!mk && out.empty()) {  // text before the first heading: the preamble
      out.push_back({"", "0", "", 0, "preamble", "", lines[i].number, lines[i].number});
    }
    if (mk) {
      flush();
      for (size_t k = 0; k < stack.size(); ++k)
        if (stack[k].form == mk->form) {
          stack.resize(k);
          break;
        }
      Section s;
      s.id = mk->id;
      s.parent_key = stack.empty() ? "" : stack.back().key;
      s.level = static_cast<int>(stack.size());
      std::string part = mk->form[0] == 'D' ? std::to_string(out.size()) : mk->id;  // dashes are numbered by position
      std::string pid = stack.empty() ? "" : stack.back().id;
      if (s.parent_key.empty())
        s.key = part;
      else if (!pid.empty() && part.rfind(pid + ".", 0) == 0)
        s.key = s.parent_key.substr(0, s.parent_key.size() - pid.size()) + part;
      else
        s.key = s.parent_key + "." + part;
      s.first_line = s.last_line = lines[i].number;
      if (!stack.empty()) s.role = out[stack.back().section].role;
      if (!mk->rest.empty()) body.push_back({lines[i].number, false, mk->rest});
      stack.push_back({mk->form, mk->id, s.key, out.size()});
      out.push_back(std::move(s));
      continue;
    }
    body.push_back(lines[i]);
    out.back().last_line = lines[i].number;
  }
  flush();
  // Roles: a heading names its own ("Mục tiêu", "Yêu cầu", "Chế độ báo
  // cáo"); a section without one takes its parent's.
  for (auto& s : out) {
    if (s.key == "0") continue;
    std::string own = s.text.size() < 200 ? RoleOf(s.text) : "";
    if (!own.empty())
      s.role = own;
    else if (!s.parent_key.empty())
      for (const auto& p : out)
        if (p.key == s.parent_key) s.role = p.role;
  }
  return out;
}

// Issued by VSS: its number's symbol ends in "BHXH" (249/QĐ-BHXH), or its
// issuer is VSS; a header without either is taken as VSS's, the importer's
// usual input.
bool IssuedByVss(const DecisionHeader& h) {
  const std::string issuer = FoldOrSelf(h.issuer);
  const bool vss_issuer = issuer.find("bao hiem xa hoi viet nam") != std::string::npos ||
                          issuer.find("bhxh viet nam") != std::string::npos;
  if (h.number.empty()) return h.issuer.empty() || vss_issuer;
  const std::string symbol = h.number.substr(h.number.rfind('-') == std::string::npos ? 0 : h.number.rfind('-') + 1);
  return symbol == "BHXH" || vss_issuer;
}

// --- Tasks written as text ------------------------------------------------

// Ministries' plans for carrying out a law, and many provincial plans, set
// their tasks out as text instead of a table:
//   1. Rà soát văn bản quy phạm pháp luật ...
//      a) Cơ quan chủ trì: Vụ Pháp chế.
//      b) Cơ quan phối hợp: Vụ Bảo hiểm xã hội, Bảo hiểm xã hội Việt Nam.
//      c) Thời gian hoàn thành: Quý I/2027.
// or in one sentence ("... (cơ quan chủ trì: ...; thời hạn: ...)"). A
// section of the outline is such a task when its text, or the label lines
// under it, name the body in charge; the text before the first label is the
// content, the section above it the group.
struct Label {
  enum Kind { kLead, kCoordinating, kTime, kProduct } kind;
  size_t at, end;  // the label's span in the text, its leading mark included
};

std::vector<Label> Labels(const std::string& text) {
  static const Regex label(
      R"((?i)(?:^|[\s.;(,])(?:[a-zđ]\)\s*|[-+•]\s*)?(?:)"
      R"(((?:cơ quan|đơn vị|bộ phận)\s+(?:chủ trì|chịu trách nhiệm|thực hiện)(?:\s+thực hiện)?|chủ trì(?:\s+thực hiện)?)|)"
      R"(((?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?|phối hợp(?:\s+thực hiện)?)|)"
      R"((thời gian(?:\s+hoàn thành|\s+thực hiện)?|thời hạn(?:\s+hoàn thành)?|tiến độ(?:\s+thực hiện|\s+hoàn thành)?)|)"
      R"((sản phẩm(?:\s+đầu ra)?|kết quả(?:,?\s+sản phẩm)?(?:\s+đầu ra)?))\s*:)");
  std::vector<Label> out;
  for (const auto& g : label.FindAll(text)) {
    Label l{Label::kLead, static_cast<size_t>(g[0].data() - text.data()), 0};
    l.end = l.at + g[0].size();
    if (!g[2].empty()) l.kind = Label::kCoordinating;
    if (!g[3].empty()) l.kind = Label::kTime;
    if (!g[4].empty()) l.kind = Label::kProduct;
    out.push_back(l);
  }
  return out;
}

std::string TrimPunctuation(std::string s) {
  s = Trim(s);
  while (!s.empty() && std::string_view(" .;:,(").find(s.back()) != std::string_view::npos) s.pop_back();
  while (!s.empty() && s.back() == ')' && std::count(s.begin(), s.end(), '(') < std::count(s.begin(), s.end(), ')'))
    s.pop_back();
  return Trim(s);
}

// The group a heading makes, made the first time a task falls under it.
TaskGroup& GroupOf(const Section& heading, const std::string& title, std::vector<TaskGroup>& groups) {
  auto g = std::find_if(groups.begin(), groups.end(), [&](const TaskGroup& x) { return x.key == heading.key; });
  if (g != groups.end()) return *g;
  TaskGroup ng;
  ng.id = heading.id;
  ng.key = heading.key;
  ng.parent_key = heading.parent_key;
  ng.title = Utf8Prefix(title, 400);
  ng.level = heading.level;
  ng.first_line = heading.first_line;
  groups.push_back(std::move(ng));
  return groups.back();
}

void ReadLabelledTasks(const std::vector<Section>& sections, const UnitRegistry& units, std::vector<TaskGroup>& groups,
                       std::vector<TaskRow>& tasks) {
  std::set<std::string> consumed;  // label sections folded into their task
  for (size_t s = 0; s < sections.size(); ++s) {
    const Section& sec = sections[s];
    if (sec.key == "0" || consumed.count(sec.key)) continue;
    std::string text = sec.text;
    int last_line = sec.last_line;
    std::vector<std::string> children;
    for (size_t c = s + 1; c < sections.size() && sections[c].level > sec.level; ++c) {
      if (sections[c].parent_key != sec.key) continue;
      const bool has_children = c + 1 < sections.size() && sections[c + 1].parent_key == sections[c].key;
      std::vector<Label> own = Labels(sections[c].text);
      if (has_children || own.empty() || own.front().at > 2) continue;
      text += "; " + sections[c].text;
      last_line = std::max(last_line, sections[c].last_line);
      children.push_back(sections[c].key);
    }
    std::vector<Label> labels = Labels(text);
    const bool has_lead =
        std::any_of(labels.begin(), labels.end(), [](const Label& l) { return l.kind == Label::kLead; });
    if (!has_lead || labels.front().at == 0) continue;  // no body in charge, or no content before the labels
    for (const auto& k : children) consumed.insert(k);
    TaskRow t;
    t.id = sec.id;
    t.key = sec.key;
    t.content = TrimPunctuation(text.substr(0, labels.front().at));
    t.first_line = sec.first_line;
    t.last_line = last_line;
    bool seen[4] = {false, false, false, false};
    for (size_t k = 0; k < labels.size(); ++k) {
      const Label& l = labels[k];
      if (seen[l.kind]) continue;
      seen[l.kind] = true;
      const size_t stop = k + 1 < labels.size() ? labels[k + 1].at : text.size();
      const std::string value = TrimPunctuation(text.substr(l.end, stop - l.end));
      if (l.kind == Label::kTime) {
        t.timeframe = ParseTimeFrame(value);
      } else if (l.kind == Label::kProduct) {
        t.product = value;
      } else {
        UnitResolution r = units.ResolveList(value);
        (l.kind == Label::kLead ? t.lead_units : t.coordinating_units) = r.ids;
        for (const auto& u : r.unknown) {
          t.unknown_units.push_back(u);
          t.unknown_cells.push_back(l.kind == Label::kLead ? "lead" : "coordinating");
        }
      }
    }
    if (!sec.parent_key.empty()) {
      auto parent = std::find_if(sections.begin(), sections.end(),
                                 [&](const Section& x) { return x.key == sec.parent_key; });
      if (parent != sections.end()) {
        t.group_id = parent->id;
        t.group_key = parent->key;
        ++GroupOf(*parent, parent->text, groups).tasks;
      }
    }
    tasks.push_back(std::move(t));
  }
}

// --- Work assigned body by body --------------------------------------------

// Provincial plans, and many programmes, give their tasks under "Tổ chức
// thực hiện" body by body instead of in a table:
//   IV. TỔ CHỨC THỰC HIỆN
//   1. Bảo hiểm xã hội tỉnh
//   - Chủ trì, phối hợp với Sở Y tế ... hoàn thành trước ngày 30/9/2026.
//   - Định kỳ ... báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
//   2. Sở Tài chính: Tham mưu bố trí kinh phí ..., trước ngày 31/12/2026.
// Each item under a body's heading (or the heading's own sentence when it
// has no items) is a task of that body; its time frame is the one the
// sentence names; the bodies it works "phối hợp với" are its coordinating
// units when the registry knows them (prose names no cell, so names the
// registry does not know stay in the content only).

// The words of `s`, each with its folded form.
struct Words {
  std::vector<std::string> raw, folded;
  explicit Words(const std::string& s) {
    for (const auto& w : Split(s, ' '))
      if (!w.empty()) raw.push_back(w), folded.push_back(FoldOrSelf(w));
  }
  // The first word from `from` where the folded phrase `phrase` starts
  // (its words compared without trailing punctuation), or size().
  size_t Find(const std::string& phrase, size_t from = 0) const {
    const std::vector<std::string> p = Split(phrase, ' ');
    for (size_t i = from; i + p.size() <= folded.size(); ++i) {
      size_t k = 0;
      while (k < p.size() && Bare(folded[i + k], k + 1 < p.size()) == p[k]) ++k;
      if (k == p.size()) return i;
    }
    return folded.size();
  }
  std::string Join(size_t from, size_t to) const {
    std::string out;
    for (size_t i = from; i < to && i < raw.size(); ++i) out += (out.empty() ? "" : " ") + raw[i];
    return out;
  }
  size_t size() const { return raw.size(); }
  // A word without the punctuation after it; inside a phrase a comma ends it.
  static std::string Bare(std::string w, bool inner) {
    while (!w.empty() && std::string_view(",;:.").find(w.back()) != std::string_view::npos) {
      if (inner) return "";
      w.pop_back();
    }
    return w;
  }
};

// What a heading in "Tổ chức thực hiện" assigns: the body, as written, and
// the text after its name.
struct Assignee {
  std::string name, rest;
};

std::optional<Assignee> AssigneeOf(const std::string& heading, const std::string& text, const UnitRegistry& units) {
  // Words a sentence starts its duties with; before them is the body's name
  // ("Bảo hiểm xã hội tỉnh chủ trì, phối hợp ...").
  static const char* const kDuties[] = {"co trach nhiem", "chiu trach nhiem", "co nhiem vu", "chu tri",
                                        "phoi hop",       "can cu",           "chi dao",     "huong dan",
                                        "tham muu",       "trien khai",       "bo tri",      "theo chuc nang",
                                        "thuc hien",      "to chuc",          "tiep tuc",    "khan truong",
                                        "theo doi",       "don doc",          "chu dong",    "la"};
  // Words before the name that are not part of it ("Đề nghị Ủy ban Mặt trận
  // Tổ quốc Việt Nam tỉnh phối hợp ...").
  auto without_ask = [](const std::string& s) {
    Words w(s);
    for (const char* a : {"de nghi", "giao", "yeu cau"}) {
      const size_t n = Split(a, ' ').size();
      if (w.Find(a) == 0 && w.size() > n) return w.Join(n, w.size());
    }
    return s;
  };
  std::string name, rest;
  const size_t colon = heading.find(':');
  if (colon != std::string::npos && colon < 240) {
    name = Trim(heading.substr(0, colon));
    rest = Trim(text.substr(std::min(text.size(), text.find(':') + 1)));
    // "Ủy ban nhân dân các xã có trách nhiệm:" names the body before its duty.
    Words w(name);
    for (const char* d : {"co trach nhiem", "chiu trach nhiem", "co nhiem vu"})
      if (size_t at = w.Find(d); at > 0 && at < w.size()) name = w.Join(0, at);
  } else {
    Words w(heading);
    size_t cut = w.size();
    for (const char* d : kDuties)
      for (size_t at = w.Find(d); at < w.size(); at = w.Find(d, at + 1))
        if (at >= 2 && at < cut && units.NamesABody(without_ask(w.Join(0, at)))) {
          cut = at;
          break;
        }
    if (cut < w.size()) {
      name = w.Join(0, cut);  // "Bảo hiểm xã hội tỉnh chủ trì, ..."
    } else if (heading.size() < 240 && !heading.empty() && heading.back() != '.') {
      name = Trim(heading);  // the name on its own line, the duties below it or in items
    } else {
      return std::nullopt;
    }
    rest = Trim(text.rfind(name, 0) == 0 ? text.substr(name.size()) : text);
  }
  while (!name.empty() && std::string_view(",;.").find(name.back()) != std::string_view::npos) name.pop_back();
  name = without_ask(name);
  if (name.empty() || name.size() > 240 || !units.NamesABody(name)) return std::nullopt;
  return Assignee{name, rest};
}

// The bodies a sentence works with: the names after "phối hợp với", up to
// the verb that follows them.
std::vector<std::string> PartnersIn(const std::string& sentence, const UnitRegistry& units) {
  static const char* const kStops[] = {"to chuc",  "trien khai", "thuc hien", "kiem soat", "ra soat", "tuyen truyen",
                                       "huong dan", "kiem tra",  "xay dung",  "tham muu",  "giai quyet", "theo doi",
                                       "de",        "nham",      "trong",     "doi voi",   "ve",      "tai",
                                       "lap",       "danh gia",  "tong hop",  "bao cao",   "cung cap", "dam bao"};
  std::vector<std::string> ids;
  Words w(sentence);
  for (size_t at = w.Find("phoi hop voi"); at < w.size(); at = w.Find("phoi hop voi", at + 1)) {
    size_t from = at + 3, to = from;
    for (; to < w.size(); ++to) {
      bool stop = false;
      for (const char* s : kStops)
        if (w.Find(s, to) == to) stop = true;
      if (stop) break;
      const char last = w.raw[to].back();
      if (last == ';' || last == '.' || last == ':') {
        ++to;
        break;
      }
    }
    for (const auto& id : units.ResolveList(TrimPunctuation(w.Join(from, to))).ids)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

// A plan's closing paragraph runs on in its last item's text.
std::string WithoutClosing(std::string s) {
  for (const char* closing : {"Trên đây là", "Trong quá trình tổ chức thực hiện", "Trong quá trình thực hiện"})
    if (size_t at = s.find(closing); at != std::string::npos && at > 0) s = s.substr(0, at);
  return TrimPunctuation(s);
}

void ReadAssignedTasks(const std::vector<SourceLine>& lines, const std::vector<Section>& sections,
                       const UnitRegistry& units, std::vector<TaskGroup>& groups, std::vector<TaskRow>& tasks) {
  auto heading_of = [&](const Section& s) {
    const size_t i = IndexOfLine(lines, s.first_line);
    auto mk = i < lines.size() ? LineMarker(lines[i].text) : std::nullopt;
    return mk ? mk->rest : std::string();
  };
  // Under a heading "Tổ chức thực hiện", "Trách nhiệm thực hiện", "Phân
  // công nhiệm vụ" (the words of an item may give it another role).
  auto organising = [&](size_t s) {
    static const char* const kHeadings[] = {"to chuc thuc hien", "trach nhiem to chuc thuc hien",
                                            "trach nhiem thuc hien", "trach nhiem cua cac", "phan cong nhiem vu",
                                            "phan cong thuc hien", "phan cong trach nhiem"};
    for (const Section* x = &sections[s]; x;) {
      const std::string f = FoldOrSelf(Utf8Prefix(x->text, 120));
      if (x->text.size() < 200 && std::any_of(std::begin(kHeadings), std::end(kHeadings),
                                              [&](const char* h) { return f.rfind(h, 0) == 0; }))
        return x != &sections[s];
      auto p = std::find_if(sections.begin(), sections.end(), [&](const Section& y) { return y.key == x->parent_key; });
      x = x->parent_key.empty() || p == sections.end() ? nullptr : &*p;
    }
    return false;
  };
  std::vector<std::optional<Assignee>> assignees(sections.size());
  for (size_t s = 0; s < sections.size(); ++s)
    if (sections[s].key != "0" && organising(s))
      assignees[s] = AssigneeOf(heading_of(sections[s]), sections[s].text, units);
  for (size_t s = 0; s < sections.size(); ++s) {
    if (!assignees[s]) continue;
    const Section& sec = sections[s];
    std::vector<size_t> items;  // the items under the body's heading
    bool bodies_below = false;
    for (size_t c = s + 1; c < sections.size() && sections[c].level > sec.level; ++c) {
      if (sections[c].parent_key != sec.key) continue;
      if (assignees[c]) bodies_below = true;
      items.push_back(c);
    }
    if (bodies_below) continue;  // a heading over bodies ("Các sở, ngành: a) Sở Y tế: ...")
    // A body's heading that is a lettered or dashed item ("a) Sở Y tế: ...",
    // "- Sở Tài chính: ...") is numbered under the heading above it: 1.a, 2.1.
    Section head = sec;
    if (auto mk = LineMarker(sec.id + (sec.id == "-" || sec.id == "+" ? " x" : ") x"));
        mk && (mk->form == "L" || mk->form[0] == 'D')) {
      auto parent = std::find_if(sections.begin(), sections.end(),
                                 [&](const Section& y) { return y.key == sec.parent_key; });
      if (parent != sections.end()) {
        std::string part = sec.id;
        if (mk->form[0] == 'D')
          part = std::to_string(std::count_if(sections.begin(), sections.begin() + static_cast<std::ptrdiff_t>(s) + 1,
                                              [&](const Section& y) {
                                                return y.parent_key == sec.parent_key && (y.id == "-" || y.id == "+");
                                              }));
        head.id = parent->id + "." + part;
        head.key = parent->key + "." + part;
      }
    }
    UnitResolution lead = units.ResolveList(assignees[s]->name);
    auto add = [&](const std::string& id, const std::string& key, std::string content, int first, int last) {
      content = WithoutClosing(content);
      if (content.empty()) return;
      TaskRow t;
      t.id = id;
      t.key = key;
      t.content = UpperFirst(content);
      t.first_line = first;
      t.last_line = last;
      t.lead_units = lead.ids;
      for (const auto& u : lead.unknown) t.unknown_units.push_back(u), t.unknown_cells.push_back("lead");
      for (const auto& id2 : PartnersIn(content, units))
        if (std::find(lead.ids.begin(), lead.ids.end(), id2) == lead.ids.end()) t.coordinating_units.push_back(id2);
      t.timeframe = TimeFrameIn(t.content);
      t.group_id = head.id;
      t.group_key = head.key;
      ++GroupOf(head, assignees[s]->name, groups).tasks;
      tasks.push_back(std::move(t));
    };
    const std::string& rest = assignees[s]->rest;
    if (!rest.empty() && (items.empty() || rest.back() != ':'))
      add(head.id, head.key, rest, sec.first_line, items.empty() ? sec.last_line : sec.first_line);
    int dash = 0;
    for (size_t c : items) {
      const Section& item = sections[c];
      std::string content = item.text;
      int last = item.last_line;
      for (size_t d = c + 1; d < sections.size() && sections[d].level > item.level; ++d) {
        content += "; " + sections[d].text;
        last = std::max(last, sections[d].last_line);
      }
      const bool dashed = item.id == "-" || item.id == "+";
      const std::string part = dashed ? std::to_string(++dash) : item.id;
      add(head.id + "." + part, head.key + "." + part, content, item.first_line, last);
    }
  }
}

// --- Quantitative targets -------------------------------------------------

std::optional<int> LastYear(const std::string& s, size_t before) {
  static const Regex year(R"(năm\s+((?:19|20)\d\d))", true);
  std::optional<int> y;
  std::string head = s.substr(0, std::min(before, s.size()));
  for (const auto& g : year.FindAll(head)) y = DigitsValue(g[1]);
  return y;
}

// A number of a target: a share ("60%", "2,5%") or a count of people or
// bodies ("45.000 người", "1,2 triệu người", as provinces' plans set them;
// the dot groups thousands, the comma is the decimal mark).
struct TargetNumber {
  size_t at = 0, stop = 0;
  double value = 0;
  std::string unit;
};

std::vector<TargetNumber> TargetNumbers(const std::string& t) {
  static const Regex pct(R"((\d{1,3}(?:[.,]\d{1,2})?)\s?%)");
  static const Regex count(
      R"((?:^|[^\d.,/])(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{1,2})?\s(?:triệu|nghìn|ngàn)|\d{2,})\s(người|lao động|doanh nghiệp|đơn vị|hộ)(?:$|[^\pL\d]))",
      true);
  std::vector<TargetNumber> out;
  for (const auto& g : pct.FindAll(t)) {
    std::string num = Str(g, 1);
    std::replace(num.begin(), num.end(), ',', '.');
    auto v = ParseDouble(num, "target");
    if (!v.ok()) continue;
    const size_t at = static_cast<size_t>(g[0].data() - t.data());
    out.push_back({at, at + g[0].size(), *v, "%"});
  }
  for (const auto& g : count.FindAll(t)) {
    std::string num = Str(g, 1);
    double scale = 1;
    for (const auto& [word, s] : std::initializer_list<std::pair<const char*, double>>{
             {" triệu", 1e6}, {" nghìn", 1e3}, {" ngàn", 1e3}})
      if (size_t w = num.find(word); w != std::string::npos) num = num.substr(0, w), scale = s;
    if (scale == 1) std::erase(num, '.');
    std::replace(num.begin(), num.end(), ',', '.');
    auto v = ParseDouble(num, "target");
    if (!v.ok() || *v * scale < 10) continue;  // "2 người": a task's staffing, not a target
    const size_t at = static_cast<size_t>(g[1].data() - t.data());
    // "Đến năm 2030 người lao động ...": a year, not a count.
    const std::string_view lead_in = std::string_view(t).substr(at >= 5 ? at - 5 : 0, at >= 5 ? 5 : at);
    if (lead_in == "năm " || lead_in == "Năm ") continue;
    out.push_back({at, static_cast<size_t>(g[2].data() - t.data()) + g[2].size(), *v * scale, Str(g, 2)});
  }
  std::sort(out.begin(), out.end(), [](const TargetNumber& a, const TargetNumber& b) { return a.at < b.at; });
  return out;
}

void FindTargets(const std::vector<Section>& sections, std::vector<QuantTarget>& out) {
  bool any_objectives =
      std::any_of(sections.begin(), sections.end(), [](const Section& s) { return s.role == "objectives"; });
  for (const auto& s : sections) {
    if (any_objectives ? s.role != "objectives" : s.role == "tasks") continue;
    const std::string& t = s.text;
    std::vector<TargetNumber> ms = TargetNumbers(t);
    auto position = [&](size_t k) { return ms[k].at; };
    size_t prev_end = 0;
    for (size_t k = 0; k < ms.size(); ++k) {
      size_t at = position(k), stop = ms[k].stop;
      size_t start = t.find_last_of(".;:", at);
      start = start == std::string::npos || start < prev_end ? prev_end : start + 1;
      size_t end = t.find_first_of(";.", stop);
      // A "." inside a number ("2.5%") is not an end; neither is the next target's start.
      if (k + 1 < ms.size()) {
        size_t next_at = position(k + 1);
        size_t comma = t.rfind(',', next_at);
        if (comma != std::string::npos && comma > stop && (end == std::string::npos || comma < end)) end = comma;
      }
      if (end == std::string::npos) end = t.size();
      QuantTarget q;
      q.text = Trim(t.substr(start, end - start));
      while (!q.text.empty() && (q.text[0] == ',' || q.text[0] == ';')) q.text = Trim(q.text.substr(1));
      while (!q.text.empty() && (q.text.back() == ',' || q.text.back() == ';')) q.text.pop_back();
      q.value = ms[k].value;
      q.unit = ms[k].unit;
      std::string before = FoldOrSelf(t.substr(start, at - start));
      for (const char* w : {"khoang", "tren", "toi thieu", "it nhat", "duoi", "dat muc", "dat"}) {
        std::string ws(w);
        if (before.size() >= ws.size() && Trim(before).size() >= ws.size() &&
            Trim(before).compare(Trim(before).size() - ws.size(), ws.size(), ws) == 0) {
          static const std::map<std::string, std::string> vi = {
              {"khoang", "khoảng"},   {"tren", "trên"}, {"toi thieu", "tối thiểu"},
              {"it nhat", "ít nhất"}, {"duoi", "dưới"}, {"dat muc", "đạt mức"},
              {"dat", "đạt"}};
          q.qualifier = vi.at(ws);
          break;
        }
      }
      q.year = LastYear(t, at);
      for (std::string pk = s.parent_key; !q.year && !pk.empty();) {
        auto p = std::find_if(sections.begin(), sections.end(), [&](const Section& x) { return x.key == pk; });
        if (p == sections.end()) break;
        q.year = LastYear(p->text, p->text.size());
        pk = p->parent_key;
      }
      q.section_key = s.key;
      q.line = s.first_line;
      out.push_back(std::move(q));
      prev_end = end;
    }
  }
}

// --- Reporting obligations ------------------------------------------------

std::vector<std::string> Sentences(const std::string& t) {
  std::vector<std::string> out;
  size_t start = 0;
  int depth = 0;  // "(khth. khdt@vss.gov.vn)": no sentence ends inside parentheses
  for (size_t i = 0; i + 1 < t.size(); ++i)
    if (t[i] == '(')
      ++depth;
    else if (t[i] == ')')
      depth = std::max(0, depth - 1);
    else if (depth == 0 && t[i] == '.' && t[i + 1] == ' ' && i > 0 &&
             !std::isdigit(static_cast<unsigned char>(t[i - 1]))) {
      out.push_back(Trim(t.substr(start, i - start)));
      start = i + 2;
    }
  if (start < t.size()) out.push_back(Trim(t.substr(start)));
  return out;
}

// "gửi (về) X (Y; Z) ..." — the recipients, parentheses kept whole.
std::string RecipientsIn(const std::string& s) {
  size_t at = s.find("gửi ");
  if (at == std::string::npos) return "";
  std::string r = s.substr(at + std::string("gửi ").size());
  if (r.rfind("về ", 0) == 0) r = r.substr(std::string("về ").size());
  if (r.rfind("trước", 0) == 0 || r.rfind("chậm nhất", 0) == 0) return "";  // "gửi trước ngày ...": no recipient named
  int depth = 0;
  size_t i = 0;
  for (; i < r.size(); ++i) {
    if (r[i] == '(')
      ++depth;
    else if (r[i] == ')')
      --depth;
    else if (depth == 0 && (r[i] == ';' || r[i] == '.' || r[i] == ','))
      break;
    if (depth == 0) {
      for (const char* stop : {" để ", " trước ngày", " chậm nhất", " qua ", " theo "})
        if (r.compare(i, std::string(stop).size(), stop) == 0) goto done;
    }
  }
done:
  std::string out = Trim(r.substr(0, i));
  // A recipient is a name: "gửi báo cáo" sends, it does not name anyone.
  if (out.empty()) return "";
  unsigned char c0 = static_cast<unsigned char>(out[0]);
  if (c0 < 0x80 && !std::isupper(c0)) return "";  // "gửi trước ...", "gửi (qua ...)": no name
  if (FoldOrSelf(out).rfind("bao cao", 0) == 0) return "";
  return out;
}

std::vector<std::string> RecipientUnits(const std::string& rec, const UnitRegistry& units) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& name) {
    std::string n = Trim(name);
    if (FoldOrSelf(n).rfind("qua ", 0) == 0) n = n.substr(4);
    for (const auto& id : units.ResolveList(n).ids)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  size_t paren = rec.find('(');
  std::string outside = rec.substr(0, paren);
  // "BHXH Việt Nam - Vụ Kế hoạch và Đầu tư": the agency, then its unit.
  for (size_t dash; (dash = outside.find(" - ")) != std::string::npos;) {
    add(outside.substr(0, dash));
    outside = outside.substr(dash + 3);
  }
  add(outside);
  if (paren != std::string::npos) {
    size_t close = rec.rfind(')');
    add(rec.substr(paren + 1, (close == std::string::npos ? rec.size() : close) - paren - 1));
  }
  return ids;
}

std::string KindOf(const std::string& name, const std::string& recurrence) {
  std::string f = FoldOrSelf(name);
  if (f.find("so ket") != std::string::npos) return "midterm";
  if (f.find("tong ket") != std::string::npos) return "final";
  if (recurrence == "yearly" || f.find("bao cao nam") != std::string::npos) return "annual";
  return "other";
}

std::string UpperFirst(const std::string& s) {
  if (s.rfind("báo cáo", 0) == 0) return "Báo cáo" + s.substr(std::string("báo cáo").size());
  return s;
}

void FindReports(const std::string& text, const std::string& role, int line, const UnitRegistry& units,
                 std::vector<ReportDue>& out) {
  static const Regex long_form(
      R"((trước|chậm nhất|hạn chót|trong)\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?)");
  static const Regex short_form(R"((trước|chậm nhất|hạn chót)\s+ngày\s+(\d{1,2})/(\d{1,2})(?:/(\d{4}))?)");
  static const Regex review_year(R"((sơ kết|tổng kết)[^.;]{0,80}?(?:vào|trong)\s+năm\s+(\d{4}))");
  for (const std::string& s : Sentences(text)) {
    std::string f = FoldOrSelf(s);
    bool about_report = f.find("bao cao") != std::string::npos || f.find("gui ") != std::string::npos;
    Regex::Groups m;
    bool dated = (about_report || role == "reporting") && (long_form.Search(s, &m) || short_form.Search(s, &m));
    if (dated) {
      ReportDue r;
      r.text = s;
      r.line = line;
      int d = DigitsValue(m[2]), mo = DigitsValue(m[3]);
      if (!m[4].empty()) {
        int y = DigitsValue(m[4]);
        if (!Date::IsValidYmd(y, mo, d)) continue;
        r.recurrence = "once";
        r.date = Date::FromYmd(y, mo, d);
      } else {
        if (!Date::IsValidYmd(2024, mo, d)) continue;  // any leap year: 29/2 is a valid yearly day
        r.recurrence = "yearly";
        r.day = d, r.month = mo;
      }
      static const Regex labelled(R"(^(?:-\s*)?(Báo cáo[^:]{0,60}):)");
      Regex::Groups lm;
      size_t bc = f.find("bao cao");
      if (labelled.Search(s, &lm))
        r.name = Str(lm, 1);
      else if (bc != std::string::npos) {
        // Folding keeps byte offsets only for ASCII; find the phrase in the original instead.
        size_t at = s.find("báo cáo");
        if (at == std::string::npos) at = s.find("Báo cáo");
        if (at != std::string::npos) {
          std::string rest = s.substr(at);
          size_t stop = rest.size();
          for (const char* k : {" gửi", ",", ";", " trước ngày", " chậm nhất", " (", " để "})
            stop = std::min(stop, rest.find(k) == std::string::npos ? rest.size() : rest.find(k));
          std::string name = Utf8Prefix(rest.substr(0, stop), 160);
          if (name.size() < stop && name.rfind(' ') != std::string::npos)
            name = name.substr(0, name.rfind(' '));  // whole words
          r.name = UpperFirst(Trim(name));
        }
      }
      r.recipients = RecipientsIn(s);
      if (r.name == "Báo cáo" && r.recurrence == "yearly") r.name = "Báo cáo năm";
      if (r.name.empty()) r.name = r.recipients.empty() ? "Văn bản theo yêu cầu" : "Văn bản gửi " + r.recipients;
      r.recipient_units = RecipientUnits(r.recipients, units);
      r.kind = KindOf(r.name, r.recurrence);
      out.push_back(std::move(r));
    } else if (review_year.Search(s, &m)) {
      ReportDue r;
      r.text = s;
      r.line = line;
      r.recurrence = "once";
      int y = DigitsValue(m[2]);
      r.date = Date::FromYmd(y, 12, 31);
      r.name = (m[1] == "sơ kết" ? "Sơ kết" : "Tổng kết") + std::string(" năm ") + Str(m, 2);
      r.kind = m[1] == "sơ kết" ? "midterm" : "final";
      r.recipients = RecipientsIn(s);
      r.recipient_units = RecipientUnits(r.recipients, units);
      out.push_back(std::move(r));
    }
  }
}

}  // namespace

Result<ImportedProgramme> ImportDecisionFile(std::string_view bytes, const UnitRegistry& units, std::string* text) {
  if (bytes.size() > kMaxDecisionFileBytes)
    return Status::Invalid("file", "Tệp quá lớn (tối đa 20 MB)", "the file is larger than 20 MB");
  BHXH_ASSIGN_OR_RETURN(DecisionText d, ReadDecisionFile(bytes));
  BHXH_ASSIGN_OR_RETURN(ImportedProgramme p, ImportDecision(d.text, units));
  p.source_format = d.format;
  *text = std::move(d.text);
  return p;
}

Result<ImportedProgramme> ImportDecision(std::string_view raw, const UnitRegistry& registry) {
  if (!IsValidUtf8(raw))
    return Status::Invalid("text", "Văn bản không phải UTF-8 hợp lệ", "the text is not valid UTF-8");
  // A decision page is some 100 KB with lines of a paragraph at most; far
  // larger input is refused before any pattern runs over it (the standard
  // library's regex engine recurses per character).
  if (raw.size() > kMaxDecisionBytes)
    return Status::Invalid("text", "Văn bản quá lớn (tối đa 2 MB)", "the text is larger than 2 MB");
  std::string text = CleanSourceText(raw);
  {
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '\n') {
        if (i - start > kMaxLineBytes)
          return Status::Invalid(
              "text",
              "Dòng " + std::to_string(line) + " dài quá " + std::to_string(kMaxLineBytes) +
                  " byte; văn bản không đúng dạng một quyết định",
              "line " + std::to_string(line) + " is longer than " + std::to_string(kMaxLineBytes) + " bytes");
        start = i + 1;
        ++line;
      }
  }
  ImportedProgramme p;
  BHXH_ASSIGN_OR_RETURN(p.decision, ReadDecisionHeader(text));
  // VSS's own departments ("Vụ Pháp chế", "Văn phòng", "Ban Thu") are
  // named alike in every ministry; in another body's decision such a name
  // is that body's department, listed for an officer, never VSS's.
  const bool by_vss = IssuedByVss(p.decision);
  const UnitRegistry outside = by_vss ? UnitRegistry() : registry.WithoutCentralUnits();
  const UnitRegistry& units = by_vss ? registry : outside;
  std::vector<SourceLine> lines = SplitSourceLines(text);
  std::set<std::string> vocab = DocumentVocabulary(lines);

  size_t body = IndexOfLine(lines, p.decision.body_start_line);
  size_t doc_end = body;
  while (doc_end < lines.size() && FoldOrSelf(lines[doc_end].text).rfind("tai van ban", 0) != 0) ++doc_end;

  // Footnotes: the second appearance of a mark "[n]" starts the notes.
  static const Regex mark(R"(\[(\d{1,3})\])");
  size_t notes = doc_end;
  {
    std::set<std::string> seen;
    for (size_t i = 0; i < doc_end; ++i)
      if (mark.FullMatch(lines[i].text) && !seen.insert(lines[i].text).second && i >= body) {
        notes = i;
        break;
      }
    for (size_t i = notes; i < doc_end;) {
      Footnote n{lines[i].text.substr(1, lines[i].text.size() - 2), "", lines[i].number, lines[i].number};
      size_t j = i + 1;
      while (j < doc_end && !mark.FullMatch(lines[j].text)) ++j;
      n.text = JoinLines(lines, i + 1, j, vocab);
      if (j > i + 1) n.last_line = lines[j - 1].number;
      p.footnotes.push_back(std::move(n));
      i = j;
    }
  }

  // Appendices: a heading block and a table from each "TT"/"STT" line.
  std::vector<size_t> heads, starts;
  for (size_t h = FindTableHeader(lines, body, notes); h < notes; h = FindTableHeader(lines, h + 1, notes)) {
    size_t floor = heads.empty() ? body : heads.back() + 1;
    heads.push_back(h);
    starts.push_back(HeadingStart(lines, h, floor));
  }
  size_t text_end = starts.empty() ? notes : starts.front();
  // A plan issued on its own ends its body at "Nơi nhận:" / its signature; a
  // table inside the body ends there too.
  size_t body_end = p.decision.body_end_line > 0 ? IndexOfLine(lines, p.decision.body_end_line) : lines.size();
  text_end = std::min(text_end, body_end);
  int task_tables = 0;
  for (size_t a = 0; a < heads.size(); ++a) {
    size_t end = a + 1 < heads.size() ? starts[a + 1] : notes;
    if (heads[a] < body_end) end = std::min(end, body_end);
    Appendix ap;
    ap.first_line = lines[starts[a]].number;
    ap.header_line = lines[heads[a]].number;
    ap.last_line = lines[end - 1].number;
    size_t title_from = starts[a];
    if (FoldOrSelf(lines[title_from].text).rfind("phu luc", 0) == 0) ap.label = lines[title_from++].text;
    size_t title_to = title_from;
    while (title_to < heads[a] && lines[title_to].text[0] != '(') ++title_to;
    ap.title = JoinLines(lines, title_from, title_to, vocab);
    size_t first_body = 0;
    std::vector<std::string> header = ReadHeaderCells(lines, heads[a], end, &first_body);
    if (IsIndicatorHeader(header)) {
      ap.kind = "indicators";
      BHXH_ASSIGN_OR_RETURN(IndicatorTable it, ReadIndicatorTable(lines, heads[a], end, vocab, units));
      for (auto& r : it.rows) p.indicators.push_back(std::move(r));
      for (auto& u : it.unplaced) p.unplaced.push_back(std::move(u));
    } else {
      ap.kind = "tasks";
      ++task_tables;
      BHXH_ASSIGN_OR_RETURN(TaskTable tt, ReadTaskTable(lines, heads[a], end, vocab, units));
      for (auto& g : tt.groups) p.groups.push_back(std::move(g));
      for (auto& t : tt.tasks) p.tasks.push_back({static_cast<int>(a), std::move(t)});
      for (auto& u : tt.unplaced) p.unplaced.push_back(std::move(u));
      if (tt.stated_total >= 0) p.stated_total = std::max(0, p.stated_total) + tt.stated_total;
    }
    p.appendices.push_back(std::move(ap));
  }
  // Keys stay unique when a decision has more than one task table.
  if (task_tables > 1) {
    for (auto& t : p.tasks) {
      std::string prefix = "PL" + std::to_string(t.appendix + 1) + ".";
      t.row.key = prefix + t.row.key;
      if (!t.row.group_key.empty()) t.row.group_key = prefix + t.row.group_key;
    }
  }

  // The programme's own text: its title in capitals, the "(Kèm theo ...)"
  // line, then the outline.
  size_t i = body;
  std::vector<SourceLine> title;
  while (i < text_end && (IsUpperLine(lines[i].text) || (!title.empty() && lines[i].indented && title.size() < 8)) &&
         !LineMarker(lines[i].text)) {
    title.push_back(lines[i]);
    ++i;
  }
  p.programme_title = JoinLines(title, 0, title.size(), vocab);
  if (p.programme_title.empty() && p.decision.kind != "decision") p.programme_title = p.decision.title;
  if (i < text_end && lines[i].text[0] == '(') {
    size_t k = i;
    while (k < text_end && k < i + 20 && lines[k].text.find(')') == std::string::npos) ++k;
    if (k < text_end && k < i + 20) i = k + 1;
  }
  p.sections = ReadOutline(lines, i, text_end, vocab);
  // A decision that approves a programme or scheme in its first article
  // ("Điều 1. Phê duyệt Đề án ... với những nội dung chủ yếu sau: I. MỤC
  // TIÊU ..."), as the Prime Minister's do: the article holds the outline.
  if (p.sections.empty() && !p.decision.articles.empty()) {
    const Article& first = p.decision.articles.front();
    size_t from = IndexOfLine(lines, first.first_line), to = IndexOfLine(lines, first.last_line + 1);
    if (from + 1 < to) p.sections = ReadOutline(lines, from + 1, to, vocab);
    if (p.programme_title.empty() && !p.sections.empty()) p.programme_title = p.decision.title;
  }
  // Without a task table, tasks set out as text (appendix 0 in the JSON:
  // the programme's own text).
  if (p.tasks.empty()) {
    std::vector<TaskRow> rows;
    ReadLabelledTasks(p.sections, units, p.groups, rows);
    if (rows.empty()) ReadAssignedTasks(lines, p.sections, units, p.groups, rows);
    for (auto& r : rows) p.tasks.push_back({-1, std::move(r)});
  }
  FindTargets(p.sections, p.targets);

  // Reporting obligations: in the articles and in the programme's sections.
  size_t art_from = IndexOfLine(lines, p.decision.articles_first_line);
  size_t art_to = IndexOfLine(lines, p.decision.articles_end_line);
  FindReports(JoinLines(lines, art_from, art_to, vocab), "", p.decision.articles_first_line, units, p.reports);
  for (const auto& s : p.sections) FindReports(s.text, s.role, s.first_line, units, p.reports);
  // A report without recipients takes those its reporting section names elsewhere ("Phương thức báo cáo").
  std::string section_recipients;
  std::vector<std::string> section_units;
  for (const auto& s : p.sections)
    if (s.role == "reporting" && section_recipients.empty())
      for (const std::string& sen : Sentences(s.text))
        if (std::string r = RecipientsIn(sen); !r.empty()) {
          section_recipients = r;
          section_units = RecipientUnits(r, units);
          break;
        }
  for (auto& r : p.reports)
    if (r.recipients.empty()) r.recipients = section_recipients, r.recipient_units = section_units;
  // A review "in 2025" duplicates a dated review of the same kind that year.
  std::erase_if(p.reports, [&](const ReportDue& r) {
    if (r.name.rfind("Sơ kết năm", 0) != 0 && r.name.rfind("Tổng kết năm", 0) != 0) return false;
    return std::any_of(p.reports.begin(), p.reports.end(), [&](const ReportDue& o) {
      return &o != &r && o.kind == r.kind && o.date && o.date->year() == r.date->year() && o.name != r.name;
    });
  });

  if (p.sections.empty() && p.tasks.empty() && p.indicators.empty())
    return Status::Error("no_programme", "text",
                         "Quyết định không kèm chương trình, kế hoạch hay bảng nhiệm vụ nào để theo dõi",
                         "the decision carries no programme text, task table or indicator table");

  // The period the programme runs: from its decision to its last deadline or target year.
  p.period_start = p.decision.date;
  auto later = [&](const Date& d) {
    if (!p.period_end || *p.period_end < d) p.period_end = d;
  };
  for (const auto& t : p.tasks)
    if (t.row.timeframe.end) later(*t.row.timeframe.end);
  for (const auto& r : p.reports)
    if (r.date) later(*r.date);
  for (const auto& q : p.targets)
    if (q.year) later(Date::FromYmd(*q.year, 12, 31));
  for (const auto& ind : p.indicators)
    for (const auto& [y, v] : ind.targets)
      if (int year = DigitsValue(y); year > 0 && Date::IsValidYmd(year, 12, 31)) later(Date::FromYmd(year, 12, 31));
  if (p.period_start && p.period_end && *p.period_end < *p.period_start) p.period_end = p.period_start;
  for (auto& e : p.tasks) {
    TaskRow& t = e.row;
    t.lead_names = UnitNamesOfCell(t.lead_units, t.unknown_units, t.unknown_cells, "lead", units);
    t.coordinating_names =
        UnitNamesOfCell(t.coordinating_units, t.unknown_units, t.unknown_cells, "coordinating", units);
  }
  return p;
}

}  // namespace bhxh
