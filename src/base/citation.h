// Legal citations for people. The dated law files cite in English, as the
// developers read them ("Decree 115/2015/NĐ-CP Art.7", "Employment Law
// 38/2013/QH13 Art.50.1", "41/2024/QH15 Art.70.1.a"); an officer or a
// citizen reads "Nghị định 115/2015/NĐ-CP, Điều 7". CitationVi names the
// instrument and the article in Vietnamese and leaves numbers, symbols and
// anything already Vietnamese as they are, so the data stays one source.
#pragma once

#include <string>
#include <string_view>

namespace bhxh {

std::string CitationVi(std::string_view citation);

}  // namespace bhxh
