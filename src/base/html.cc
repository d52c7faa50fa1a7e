#include "base/html.h"

namespace bhxh {

std::string HtmlEscape(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      case '\'':
        o += "&#39;";
        break;
      default:
        o.push_back(c);
    }
  }
  return o;
}



std::string OfficialPage(const std::string& form, const std::string& issuer_html, const std::string& title,
                         const std::string& body_html, const std::string& place_date) {
  std::string h =
      "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(title) +
      "</title><style>body{font-family:'Times New Roman',serif;max-width:800px;margin:2em auto;line-height:1.5}"
      "table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px;vertical-align:top}"
      ".head{display:flex;justify-content:space-between;text-align:center}.form{text-align:right;font-style:italic}"
      "h1{text-align:center;font-size:1.2em}.sign{display:flex;justify-content:space-between;text-align:center;margin-top:2em}"
      ".num{text-align:right}@media print{body{margin:0}}</style></head><body>";
  if (!form.empty()) h += "<p class=\"form\">Mẫu số " + HtmlEscape(form) + "</p>";
  h += "<div class=\"head\"><div>" + issuer_html +
       "</div><div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b>" +
       (place_date.empty() ? "" : "<br><i>" + HtmlEscape(place_date) + "</i>") + "</div></div>";
  h += "<h1>" + HtmlEscape(title) + "</h1>" + body_html + "</body></html>";
  return h;
}

}  // namespace bhxh
