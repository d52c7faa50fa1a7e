// Escaping text for HTML pages the system prints (reports, one-stop slips).
#pragma once

#include <string>
#include <string_view>

namespace bhxh {

// &, <, >, " and ' as entities; everything else (UTF-8 included) as is.
std::string HtmlEscape(std::string_view s);

// A printable page in the administrative layout (Decree 30/2020/NĐ-CP):
// the form number at the top right when given, the issuing body's block
// (`issuer_html`, already escaped, lines separated by <br>) beside the
// national motto, the title, then `body_html`. A4, Times New Roman.
// `place_date` ("Hà Nội, ngày 02 tháng 12 năm 2026"), when given, goes
// under the motto in italics.
std::string OfficialPage(const std::string& form, const std::string& issuer_html, const std::string& title,
                         const std::string& body_html, const std::string& place_date = "");

}  // namespace bhxh
