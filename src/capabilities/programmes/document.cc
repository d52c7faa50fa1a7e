#include "programmes/document.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"

namespace bhxh {
namespace {

// A code point is part of a word when it is an ASCII letter or any
// non-ASCII character (Vietnamese letters and combining marks).
bool WordByte(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80; }

std::string Lower(const std::string& s) {
  auto f = FoldForSearch(s);  // only for deciding vocabulary membership
  return f.ok() ? *f : s;
}

// The run of word bytes at the end / start of `s`.
std::string TailWord(const std::string& s) {
  size_t i = s.size();
  while (i > 0 && WordByte(static_cast<unsigned char>(s[i - 1]))) --i;
  return s.substr(i);
}
std::string HeadWord(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && WordByte(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(0, i);
}

// Vocabulary keys keep diacritics (so "li" and "liên" differ) but not case.
std::string VocabKey(const std::string& w) { return CaseFold(w); }

// A Vietnamese syllable needs a vowel; a piece without one ("đ", "nh", "th",
// "B") can only be part of a word.
bool HasVowel(const std::string& piece) {
  std::string f = FoldForSearch(piece).ok() ? *FoldForSearch(piece) : piece;
  return f.find_first_of("aeiouy") != std::string::npos;
}

// Upper-case (Unicode): a string is all capitals when folding changes every letter.
std::string Upper(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string cp = s.substr(i, n);
    out += CaseFold(cp) == cp && c >= 'a' && c <= 'z' ? std::string(1, static_cast<char>(c - 32)) : cp;
    i += n;
  }
  return out;
}

std::optional<Date> FindDate(const std::string& s) {
  static const Regex long_form(R"(ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))");
  static const Regex short_form(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
  Regex::Groups m;
  if (long_form.Search(s, &m) || short_form.Search(s, &m)) {
    int d = DigitsValue(m[1]), mo = DigitsValue(m[2]), y = DigitsValue(m[3]);
    if (Date::IsValidYmd(y, mo, d)) return Date::FromYmd(y, mo, d);
  }
  return std::nullopt;
}

}  // namespace

// A head of a body or its signing formula, folded: "tong giam doc", "kt. bo truong", "thu tuong chinh phu".
static bool IsHeadTitle(const std::string& f) {
  // The line starts with the head ("THỦ TƯỚNG CHÍNH PHỦ"); a title that
  // mentions one ("... CỦA THỦ TƯỚNG CHÍNH PHỦ") does not.
  std::string g = f.rfind("pho ", 0) == 0 ? f.substr(4) : f;
  for (const char* w : {"tong giam doc", "giam doc", "thu tuong", "bo truong", "chu tich", "truong ban", "cuc truong",
                        "tong cuc truong", "vien truong", "chanh an", "tong thu ky"})
    if (g.rfind(w, 0) == 0) return true;
  for (const char* p : {"kt.", "tm.", "tl.", "q.", "tuq.", "ktl."})
    if (f.rfind(p, 0) == 0) return true;
  return false;
}

// A signing formula written on one line (a page's table cell joins its
// lines: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH") into its lines:
// each "KT.", "TM.", "TL.", "TUQ.", "Q." and "PHÓ" after the first word
// starts one, as the formula of delegated signing is written (Decree
// 30/2020/NĐ-CP, Appendix I).
static std::vector<std::string> SigningParts(const std::string& line) {
  static const Regex starts(R"(\s+((?:KT|TM|TL|TUQ|Q)\.\s|PHÓ\s))");
  std::string s = starts.ReplaceAll(line, "\n\\1");
  std::vector<std::string> out;
  for (const auto& p : Split(s, '\n'))
    if (!Trim(p).empty()) out.push_back(Trim(p));
  return out;
}

bool StartsLowerCase(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  std::string cp(s.substr(0, std::min(n, s.size())));
  return CaseFold(cp) == cp;  // a letter that folds to itself is lower case (or caseless)
}

std::string_view WithoutCellMark(std::string_view line) {
  if (line.empty() || line[0] != '\x1F') return line;
  size_t close = line.find('\x1F', 1);
  return close == std::string_view::npos ? line : line.substr(close + 1);
}

bool IsNumberLine(std::string_view line) {
  static const Regex number(R"(so\s*[:.]?\s*\d+(?:/\d{4})?\s*/\s*[a-zđ].*)");
  return line.size() < 120 && number.FullMatch(Lower(std::string(line)));
}

bool IsUpperLine(const std::string& s) {
  // No ASCII lower-case letter and at least one letter (Vietnamese capitals are multi-byte).
  bool letter = false;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

std::string CleanSourceText(std::string_view text) {
  std::string s = NormalizeNfc(text);
  std::string out;
  out.reserve(s.size());
  bool line_start = true;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0 no-break space
      out.push_back(' ');
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x8B) {  // U+200B zero-width space
      i += 2;
      continue;
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF) {  // U+FEFF byte-order mark
      i += 2;
      continue;
    }
    if (c == '\r') continue;
    if (c == '\t') {
      // A leading tab indents (a cell's continuation); a tab inside a line
      // separates table cells copied from a word processor, so each cell
      // gets its own line as in the page's text.
      if (line_start)
        out += "  ";
      else {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out.push_back('\n');
        line_start = true;
      }
      continue;
    }
    out.push_back(static_cast<char>(c));
    line_start = c == '\n' || (line_start && c == ' ');
  }
  return out;
}

// The mark is ASCII unit separators around "column,span": control
// characters no decision's text contains, so plain text never reads as structured.
std::string StructuredCellLine(int column, int span, std::string_view text) {
  return "\x1F" + std::to_string(column) + "," + std::to_string(span) + "\x1F" + std::string(text);
}

std::string StructuredParagraphLine(std::string_view text) { return "\x1F+\x1F" + std::string(text); }

std::vector<SourceLine> SplitSourceLines(std::string_view text) {
  std::vector<SourceLine> out;
  int n = 0;
  for (const std::string& raw : Split(text, '\n')) {
    ++n;
    if (raw.size() > 3 && raw.compare(0, 3, "\x1F+\x1F") == 0) {
      std::string t = Trim(raw.substr(3));
      if (!t.empty()) {
        SourceLine l{n, true, t};
        l.new_paragraph = true;
        out.push_back(std::move(l));
      }
      continue;
    }
    if (!raw.empty() && raw[0] == '\x1F') {
      size_t close = raw.find('\x1F', 1);
      size_t comma = raw.find(',', 1);
      if (close != std::string::npos && comma != std::string::npos && comma < close) {
        int column = DigitsValue(raw.substr(1, comma - 1)), span = DigitsValue(raw.substr(comma + 1, close - comma - 1));
        std::string t = Trim(raw.substr(close + 1));
        if (column >= 0 && span >= 1) {
          if (!t.empty()) out.push_back({n, false, t, column, span});
          continue;  // an empty cell holds nothing to read
        }
      }
    }
    std::string t = Trim(raw);
    std::erase(t, '\x1F');
    if (t.empty()) continue;
    out.push_back({n, raw.rfind("  ", 0) == 0, t});
  }
  return out;
}

std::set<std::string> DocumentVocabulary(const std::vector<SourceLine>& lines) {
  std::set<std::string> v;
  for (const auto& l : lines) {
    std::vector<std::string> words;
    std::string cur;
    for (char c : l.text) {
      if (WordByte(static_cast<unsigned char>(c)))
        cur.push_back(c);
      else {
        if (!cur.empty()) words.push_back(cur);
        cur.clear();
      }
    }
    if (!cur.empty()) words.push_back(cur);
    // Only words with neighbours on both sides on the same line are sure to be whole.
    for (size_t i = 1; i + 1 < words.size(); ++i) v.insert(VocabKey(words[i]));
  }
  return v;
}

std::string JoinLines(const std::vector<SourceLine>& lines, size_t from, size_t to,
                      const std::set<std::string>& vocab) {
  std::string out;
  for (size_t i = from; i < to && i < lines.size(); ++i) {
    const std::string& next = lines[i].text;
    if (out.empty()) {
      out = next;
      continue;
    }
    unsigned char last = static_cast<unsigned char>(out.back()), first = static_cast<unsigned char>(next[0]);
    bool glue = false;
    if (std::string("/.,;:)]").find(static_cast<char>(first)) != std::string::npos)
      glue = true;  // "1541" + "/QĐ-BHXH"
    else if (first == '-' && next.size() > 1 && next[1] != ' ' && std::isalnum(last))
      glue = true;  // "01/NQ" + "-CP"
    else if (last == '(' || last == '/' || last == '-')
      glue = last != '-' || std::isdigit(first);
    else if (WordByte(last) && WordByte(first)) {
      std::string t = VocabKey(TailWord(out)), h = VocabKey(HeadWord(next));
      bool tw = vocab.count(t) > 0, hw = vocab.count(h) > 0, jw = vocab.count(t + h) > 0;
      // An abbreviation in capitals before a capitalised word ("TTĐT" / "Trường") stays apart.
      std::string tail = TailWord(out), head = HeadWord(next);
      bool abbrev = tail.size() >= 2 && CaseFold(tail) != tail && Upper(tail) == tail && head.size() >= 2 &&
                    CaseFold(head) != head && Upper(head) != head;
      // Two whole words stay apart even if the source once glued them ("BHXHcác").
      glue = !abbrev && ((jw && (!tw || !hw)) || (!tw && !hw && (!HasVowel(t) || !HasVowel(h))));
      // A lone fragment line ("HI" / "Ể" / "M XÃ HỘI"): look through it to the next line's head.
      if (!glue && (!tw || !hw) && next.find(' ') == std::string::npos && i + 1 < to && i + 1 < lines.size()) {
        std::string h2 = VocabKey(HeadWord(lines[i + 1].text));
        glue = !h2.empty() && vocab.count(t + h + h2) > 0;
      }
      // An indented line is a wrapped line: a whole-word break unless the join is a word.
      if (lines[i].indented && !jw) glue = false;
    }
    if (!glue) out.push_back(' ');
    out += next;
  }
  return out;
}

Result<DecisionHeader> ReadDecisionHeader(std::string_view raw) {
  std::string text = CleanSourceText(raw);
  std::vector<SourceLine> lines = SplitSourceLines(text);
  std::set<std::string> vocab = DocumentVocabulary(lines);
  auto find = [&](const std::function<bool(const std::string&)>& pred, size_t from = 0) -> size_t {
    for (size_t i = from; i < lines.size(); ++i)
      if (pred(Lower(lines[i].text))) return i;
    return lines.size();
  };
  size_t qd = find([](const std::string& s) { return s == "quyet dinh"; });
  size_t qd2 = find([](const std::string& s) { return s == "quyet dinh:"; }, qd == lines.size() ? 0 : qd + 1);
  // A plan, programme or scheme issued on its own (a provincial People's
  // Committee's "KẾ HOẠCH Số: 85/KH-UBND"): its heading names the kind, its
  // body follows the title and ends at "Nơi nhận:"; there are no articles.
  std::string doc_kind = "decision";
  if (qd == lines.size() || qd2 == lines.size()) {
    static const std::pair<const char*, const char*> kinds[] = {
        {"ke hoach", "plan"}, {"chuong trinh", "programme"}, {"chuong trinh hanh dong", "programme"},
        {"de an", "scheme"}};
    qd = lines.size();
    for (size_t k = 0; k < std::min<size_t>(lines.size(), 40) && qd == lines.size(); ++k)
      for (const auto& [heading, name] : kinds)
        if (Lower(lines[k].text) == heading && IsUpperLine(lines[k].text)) qd = k, doc_kind = name;
    if (qd == lines.size())
      return Status::Error("not_a_decision", "text",
                           "Văn bản không phải một quyết định hay kế hoạch (thiếu dòng \"QUYẾT ĐỊNH\" và \"QUYẾT "
                           "ĐỊNH:\", hoặc tiêu đề \"KẾ HOẠCH\", \"CHƯƠNG TRÌNH\", \"ĐỀ ÁN\")",
                           "the text is not a decision or a plan (no \"QUYẾT ĐỊNH\" heading and \"QUYẾT ĐỊNH:\" "
                           "line, nor a \"KẾ HOẠCH\", \"CHƯƠNG TRÌNH\" or \"ĐỀ ÁN\" heading)");
    // The title: capitals after the heading; the body starts after it and
    // an optional "(...)" line.
    qd2 = qd + 1;
    while (qd2 < lines.size() && (IsUpperLine(lines[qd2].text) || lines[qd2].indented) && qd2 < qd + 8 &&
           !std::isdigit(static_cast<unsigned char>(lines[qd2].text[0])))
      ++qd2;
    // A title set in bold sentence case, as provincial plans often have it
    // ("KẾ HOẠCH" / "Thực hiện chính sách bảo hiểm xã hội ... năm 2026"):
    // one short line that does not end a sentence or open a list, nor start
    // the bases or a numbered section.
    if (qd2 == qd + 1 && qd2 < lines.size()) {
      const std::string& t = lines[qd2].text;
      const std::string f = Lower(t);
      const char last = t.empty() ? ':' : t.back();
      static const Regex section(R"((?:[ivxlc]+|[a-z])[.)] .*)");
      if (t.size() < 300 && last != ':' && last != ';' && last != '.' &&
          !std::isdigit(static_cast<unsigned char>(t[0])) && f.rfind("can cu", 0) != 0 && !section.FullMatch(f)) {
        ++qd2;
        // The same title wrapped by a PDF's line ("... trên địa bàn xã
        // năm" / "2026"): a short line that does not end or open anything.
        while (qd2 < lines.size() && qd2 < qd + 4) {
          const std::string& n = lines[qd2].text;
          const std::string nf = Lower(n);
          const char end = n.empty() ? ':' : n.back();
          if (n.size() >= 120 || end == ':' || end == ';' || end == '.' || nf.rfind("can cu", 0) == 0 ||
              section.FullMatch(nf) || (std::isdigit(static_cast<unsigned char>(n[0])) && !IsDigits(n)))
            break;
          ++qd2;
        }
      }
    }
  }
  DecisionHeader h;
  std::string head = JoinLines(lines, 0, qd, vocab);
  // The number is read line by line (joined by newlines): a symbol ending in
  // a lower-case letter ("QĐ-TTg") must not run into the next line's place.
  std::string head_lines;
  for (size_t k = 0; k < qd; ++k) head_lines += lines[k].text + "\n";
  Regex::Groups m;
  // 249/QĐ-BHXH, 38/QĐ-TTg, 89/2020/NĐ-CP.
  static const Regex number(R"(Số:\s*(\d+(?:/\d{4})?\s*/\s*[A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)*))");
  if (number.Search(head_lines, &m)) {
    h.number = Str(m, 1);
    h.number.erase(std::remove(h.number.begin(), h.number.end(), '\n'), h.number.end());
    h.number.erase(std::remove(h.number.begin(), h.number.end(), ' '), h.number.end());
  }
  // The place sits between the number and ", ngày ...".
  if (size_t at = head.find(", ngày"); at != std::string::npos) {
    size_t from = h.number.empty() ? std::string::npos : head.find(h.number.substr(h.number.find('/')));
    size_t start = from == std::string::npos ? head.rfind(' ', at) : from + h.number.size() - h.number.find('/');
    if (start != std::string::npos && start < at) h.place = Trim(head.substr(start, at - start));
    // The number under the issuer, the motto and the place beside them
    // ("Số: 112/KH-UBND" / "Độc lập - Tự do - Hạnh phúc" / "____" / "An
    // Thới Đông, ngày ..."): the place follows the motto and its rule.
    for (const char* motto_end : {"Hạnh phúc", "HẠNH PHÚC"})
      if (size_t m = h.place.rfind(motto_end); m != std::string::npos) h.place = h.place.substr(m + strlen(motto_end));
    h.place = Trim(h.place.substr(std::min(h.place.size(), h.place.find_first_not_of("-_=. "))));
  }
  h.date = FindDate(head.substr(head.find("ngày") == std::string::npos ? 0 : head.find("ngày")));
  // The rule under the issuer, typed as dashes or underscores.
  size_t dash = find([](const std::string& s) { return s.rfind("---", 0) == 0 || s.rfind("___", 0) == 0; });
  if (dash < qd) {
    h.issuer = JoinLines(lines, 0, dash, vocab);
  } else {  // the rule under the issuer drawn as a shape: the issuer ends at the motto or the number
    size_t motto = find([](const std::string& s) { return s.find("cong hoa xa hoi chu nghia") != std::string::npos; });
    size_t number_line = find([](const std::string& s) { return IsNumberLine(s); });
    if (std::min(motto, number_line) < qd) h.issuer = JoinLines(lines, 0, std::min(motto, number_line), vocab);
  }
  // Title: from after "QUYẾT ĐỊNH" to the authority line (all capitals, "... GIÁM ĐỐC ...").
  // The authority: the capitals line naming the head who decides (TỔNG GIÁM
  // ĐỐC ..., THỦ TƯỚNG CHÍNH PHỦ, BỘ TRƯỞNG ...), just before "Căn cứ".
  h.kind = doc_kind;
  size_t bases_at = doc_kind == "decision" ? find([](const std::string& s) { return s.rfind("can cu", 0) == 0; }, qd + 1)
                                       : qd2;
  size_t title_end = std::min(bases_at, qd2);
  size_t auth = qd + 1;
  while (auth < title_end && !(IsUpperLine(lines[auth].text) && IsHeadTitle(Lower(lines[auth].text)))) ++auth;
  if (doc_kind == "decision" && auth == title_end && title_end > qd + 2 && IsUpperLine(lines[title_end - 1].text))
    auth = title_end - 1;
  h.title = JoinLines(lines, qd + 1, auth, vocab);
  if (auth < title_end) h.authority = JoinLines(lines, auth, title_end, vocab);
  // Legal bases: clauses starting "Căn cứ", up to ';' / the "Xét/Theo đề nghị" clause.
  size_t bases_from = auth + 1, bases_to = qd2;
  if (doc_kind != "decision") {  // the "Căn cứ ..." paragraphs opening the body, if any
    bases_from = qd2;
    if (bases_from < lines.size() && lines[bases_from].text[0] == '(') ++bases_from;
    bases_to = bases_from;
    while (bases_to < lines.size() && bases_to < bases_from + 30 &&
           (Lower(lines[bases_to].text).rfind("can cu", 0) == 0 || (bases_to > bases_from && lines[bases_to].indented) ||
            (bases_to > bases_from && StartsLowerCase(lines[bases_to].text))))
      ++bases_to;
  }
  std::string bases = JoinLines(lines, bases_from, bases_to, vocab);
  if (bases.size() > 16 * 1024)  // a few clauses; more is not a decision's header
    return Status::Error("not_a_decision", "text", "Phần căn cứ của quyết định dài bất thường (trên 16 KB)",
                         "the legal bases run over 16 KB");
  // A clause runs to ';', to the "Xét/Theo đề nghị" clause, or to the end
  // (the terminator is consumed; it never starts a clause).
  static const Regex clause(R"(Căn cứ\s+([^;]+?)(?:;|\s*(?:Xét|Theo) đề nghị|$))");
  static const Regex kind(
      R"(^(Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Kết luận|Thông tư|Chỉ thị|Hiến pháp|Kế hoạch|Chương trình))");
  static const Regex ref_number(R"((\d+(?:/\d{4})?[-/][A-ZĐ]+(?:[-/][A-ZĐa-z]+)*))");
  for (const auto& g : clause.FindAll(bases)) {
    LegalReference r;
    r.text = Trim(g[1]);
    Regex::Groups k;
    if (kind.Search(r.text, &k)) r.kind = Str(k, 1);
    if (ref_number.Search(r.text, &k)) r.number = Str(k, 1);
    r.date = FindDate(r.text);
    h.legal_bases.push_back(std::move(r));
  }
  // Signature: after the recipients ("Nơi nhận:"), capitals lines, then the signer's name.
  size_t recv = find([](const std::string& s) { return s.rfind("noi nhan", 0) == 0; }, qd2);
  auto signing = [&](size_t k) { return IsUpperLine(lines[k].text) && IsHeadTitle(Lower(lines[k].text)); };
  size_t i = recv;
  while (i < lines.size() && !signing(i)) ++i;
  if (i == lines.size()) {  // a page that puts the signature before "Nơi nhận:"
    for (i = qd2 + 1; i < recv && !signing(i); ++i) {
    }
    if (i == recv) i = lines.size();
  }
  while (i > recv && i < lines.size() && lines[i].indented && IsUpperLine(lines[i - 1].text))
    --i;  // "TỔNG" / "  GIÁM ĐỐC"
  std::vector<std::string> sign;
  size_t j = i;
  while (j < lines.size() && IsUpperLine(lines[j].text) && sign.size() < 4) {
    if (lines[j].indented && !lines[j].new_paragraph && !sign.empty())
      sign.back() += " " + lines[j].text;
    else
      sign.push_back(lines[j].text);
    ++j;
  }
  for (size_t k = 0; k < sign.size(); ++k)
    for (const auto& part : SigningParts(sign[k])) h.signing_line += (h.signing_line.empty() ? "" : " / ") + part;
  // The articles, "Điều 1. ..." up to "Nơi nhận:", and the distribution list.
  static const Regex article(R"(Điều\s+(\d+)\.?\s*(.*))");
  for (size_t k = qd2 + 1; k < recv && k < lines.size(); ++k) {
    Regex::Groups am;
    if (article.FullMatch(lines[k].text, &am)) {
      size_t e = k + 1;
      while (e < recv && e < lines.size() && !article.FullMatch(lines[e].text)) ++e;
      std::vector<SourceLine> body;
      if (!am[2].empty()) body.push_back({lines[k].number, false, Str(am, 2)});
      for (size_t x = k + 1; x < e; ++x) body.push_back(lines[x]);
      h.articles.push_back({Str(am, 1), JoinLines(body, 0, body.size(), vocab), lines[k].number, lines[e - 1].number});
      k = e - 1;
    }
  }
  for (size_t k = recv + 1; k < i && k < lines.size(); ++k) {
    std::string r = lines[k].text;
    if (r.rfind("- ", 0) == 0)
      h.recipients.push_back(Trim(r.substr(2)));
    else if (!h.recipients.empty())
      h.recipients.back() += " " + r;
  }
  h.articles_first_line = lines[qd2].number + 1;
  h.articles_end_line = recv < lines.size() ? lines[recv].number : h.articles_first_line;
  if (j < lines.size() && !IsUpperLine(lines[j].text)) {
    h.signer = lines[j].text;
    h.body_start_line = lines[j].number + 1;
  }
  if (doc_kind != "decision") {
    // The plan is its own programme: from after its title (and bases) to
    // "Nơi nhận:"; tables after the signature are its appendices.
    h.articles_first_line = h.articles_end_line = 0;
    h.body_start_line = bases_to < lines.size() ? lines[bases_to].number : lines.back().number + 1;
    size_t end = std::min(recv, i);
    h.body_end_line = end < lines.size() ? lines[end].number : 0;
    h.appendix_start_line = j < lines.size() ? lines[j].number + 1 : 0;
  }
  if (h.number.empty() || !h.date)
    return Status::Error("not_a_decision", "text", "Không tìm thấy số hiệu hoặc ngày ban hành của quyết định",
                         "no decision number or date found");
  return h;
}

std::string DocumentKindVi(const std::string& kind) {
  if (kind == "plan") return "Kế hoạch";
  if (kind == "programme") return "Chương trình";
  if (kind == "scheme") return "Đề án";
  return "Quyết định";
}

}  // namespace bhxh
