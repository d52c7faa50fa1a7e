// Text helpers for Vietnamese: search keys that ignore diacritics and case.
//
// FoldForSearch("Nguyễn Văn  An") == "nguyen van an": NFD decomposition
// (utf8proc), combining marks dropped, case folded, đ/Đ mapped to d, runs of
// white space collapsed. Invalid UTF-8 is reported, not guessed at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace bhxh {

Result<std::string> FoldForSearch(std::string_view utf8);
// FoldForSearch, or the text unchanged when it is not UTF-8 (for matching
// words in text already checked).
std::string FoldOrSelf(std::string_view utf8);
// Unicode case folding that keeps diacritics ("VIỆC" → "việc").
std::string CaseFold(std::string_view utf8);
bool IsValidUtf8(std::string_view s);
std::string Trim(std::string_view s);
// The same without a copy: a view into `s` (spaces, tabs and line ends cut).
std::string_view TrimView(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
bool IsDigits(std::string_view s);
// True when `s` holds a control character (NUL, tab, newline, DEL, ...):
// never part of a name or a code.
bool HasControlChars(std::string_view s);
// Unicode NFC (composed): "Điều" typed or copied with combining marks
// becomes the same bytes as the precomposed form. Invalid UTF-8 is returned unchanged.
std::string NormalizeNfc(std::string_view utf8);
// `s` with its first letter in upper case ("chủ trì" → "Chủ trì", "đề nghị" → "Đề nghị").
std::string UpperFirst(std::string_view utf8);
// At most `max_bytes` of `s`, cut at a code point boundary.
std::string Utf8Prefix(std::string_view s, size_t max_bytes);

}  // namespace bhxh
