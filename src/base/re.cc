#include "base/re.h"

#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>

namespace bhxh {

Regex::Regex(std::string_view pattern, bool icase) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_case_sensitive(!icase);
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  re_ = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), o);
  if (!re_->ok()) {
    std::fprintf(stderr, "bhxh: bad regular expression /%.*s/: %s\n", static_cast<int>(pattern.size()), pattern.data(),
                 re_->error().c_str());
    std::abort();
  }
}

Regex::~Regex() = default;

int Regex::groups() const { return re_->NumberOfCapturingGroups(); }

bool Regex::Do(std::string_view text, int anchor, Groups* groups) const {
  int n = groups ? re_->NumberOfCapturingGroups() + 1 : 0;
  std::vector<re2::StringPiece> sp(n);
  bool ok = re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), static_cast<RE2::Anchor>(anchor),
                       sp.data(), n);
  if (ok && groups) {
    groups->assign(n, std::string_view());
    for (int i = 0; i < n; ++i)
      if (sp[i].data()) (*groups)[i] = std::string_view(sp[i].data(), sp[i].size());
  }
  return ok;
}

bool Regex::SearchFrom(std::string_view text, size_t pos, Groups* groups) const {
  if (pos > text.size()) return false;
  int n = re_->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sp(n);
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, sp.data(), n))
    return false;
  groups->assign(n, std::string_view());
  for (int i = 0; i < n; ++i)
    if (sp[i].data()) (*groups)[i] = std::string_view(sp[i].data(), sp[i].size());
  return true;
}

bool Regex::FullMatch(std::string_view text, Groups* g) const { return Do(text, RE2::ANCHOR_BOTH, g); }
bool Regex::Search(std::string_view text, Groups* g) const { return Do(text, RE2::UNANCHORED, g); }

std::string Regex::ReplaceAll(std::string_view text, std::string_view rewrite) const {
  std::string out(text);
  RE2::GlobalReplace(&out, *re_, re2::StringPiece(rewrite.data(), rewrite.size()));
  return out;
}

std::vector<Regex::Groups> Regex::FindAll(std::string_view text) const {
  std::vector<Groups> out;
  int n = re_->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sp(n);
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re_->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, sp.data(), n)) break;
    Groups g(n);
    for (int i = 0; i < n; ++i)
      if (sp[i].data()) g[i] = std::string_view(sp[i].data(), sp[i].size());
    size_t end = static_cast<size_t>(sp[0].data() - text.data()) + sp[0].size();
    out.push_back(std::move(g));
    pos = sp[0].empty() ? end + 1 : end;
  }
  return out;
}

}  // namespace bhxh
