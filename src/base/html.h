// Escaping text for HTML pages the system prints (reports, one-stop slips).
#pragma once

#include <string>
#include <string_view>

namespace bhxh {

// &, <, >, " and ' as entities; everything else (UTF-8 included) as is.
std::string HtmlEscape(std::string_view s);

}  // namespace bhxh
