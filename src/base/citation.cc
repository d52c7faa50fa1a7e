#include "base/citation.h"

#include <memory>
#include <utility>
#include <vector>

#include "base/re.h"

namespace bhxh {

std::string CitationVi(std::string_view citation) {
  // Longest names first, so "Joint Circular" is not read as "Circular".
  static const std::pair<const char*, const char*> kNames[] = {
      {R"(\bJoint Circular\b)", "Thông tư liên tịch"},
      {R"(\bCircular of (\d{4})\b)", "Thông tư năm \\1"},
      {R"(\bCircular\b)", "Thông tư"},
      {R"(\bDecree\b)", "Nghị định"},
      {R"(\bResolution\b)", "Nghị quyết"},
      {R"(\bDecision\b)", "Quyết định"},
      {R"(\bOfficial letter\b)", "Công văn"},
      {R"(\bLabour Code\b)", "Bộ luật Lao động"},
      {R"(\bEmployment Law\b)", "Luật Việc làm"},
      {R"(\bLaw on Social Insurance\b)", "Luật Bảo hiểm xã hội"},
      {R"(\bLaw on HI\b)", "Luật Bảo hiểm y tế"},
      {R"(\bLaw on Health Insurance\b)", "Luật Bảo hiểm y tế"},
      {R"(\bLaw on Denunciations\b)", "Luật Tố cáo"},
      {R"(\bLaw on Complaints\b)", "Luật Khiếu nại"},
      {R"(\bLaw on Anti-corruption\b)", "Luật Phòng, chống tham nhũng"},
      {R"(\bLaw\b)", "Luật"},
      // "Art.7.2" and "Article 7": the article, after a comma as Vietnamese cites it.
      {R"(,? \bArt(?:icle|\.) ?(\d))", ", Điều \\1"},
      {R"(\bamending\b)", "sửa đổi"},
      {R"(\bamended by\b)", "được sửa đổi bởi"},
      {R"(\bin force from\b)", "có hiệu lực từ"},
      {R"(\bin force\b)", "có hiệu lực"},
  };
  // A law's number alone ("41/2024/QH15 Art.70"): the National Assembly's laws.
  static const Regex kBareLaw(R"(^(\d+/\d{4}/QH\d+))");
  // Most citations reach here already Vietnamese (the engines' own): one
  // search tells whether there is anything to render.
  static const Regex kEnglish(
      R"(^\d+/\d{4}/QH|\b(?:Circular|Decree|Resolution|Decision|Official letter|Labour|Employment|Law|Art|Article|amending|amended|in force)\b)");
  if (!kEnglish.Search(citation)) return std::string(citation);
  static const std::vector<std::unique_ptr<Regex>> kCompiled = [] {
    std::vector<std::unique_ptr<Regex>> v;
    for (const auto& [pattern, vi] : kNames) v.push_back(std::make_unique<Regex>(pattern));
    return v;
  }();
  std::string out = kBareLaw.ReplaceAll(citation, "Luật \\1");
  for (size_t i = 0; i < kCompiled.size(); ++i) out = kCompiled[i]->ReplaceAll(out, kNames[i].second);
  return out;
}

}  // namespace bhxh
