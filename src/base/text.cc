#include "base/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace bhxh {

// A byte-level check (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF);
// it runs on every claim file, so it avoids a per-code-point library call.
bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Claim files and decisions are mostly ASCII: eight bytes at a time
    // while no byte has its high bit set.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if (c >= 0xE1 && c <= 0xEC)
      len = 3;
    else if (c == 0xED) {
      len = 3;
      hi = 0x9F;
    } else if (c >= 0xEE && c <= 0xEF)
      len = 3;
    else if (c == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3)
      len = 4;
    else if (c == 0xF4) {
      len = 4;
      hi = 0x8F;
    } else
      return false;
    if (i + len > n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    i += len;
  }
  return true;
}

Result<std::string> FoldForSearch(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {  // the common short token ("BHXH", "tham"): no normalisation needed, same result
    std::string r;
    r.reserve(s.size());
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = !r.empty();
        continue;
      }
      if (space) r.push_back(' ');
      space = false;
      r.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    return r;
  }
  if (!IsValidUtf8(s)) return Status::Invalid("text", "Chuỗi không phải UTF-8 hợp lệ", "text is not valid UTF-8");
  utf8proc_uint8_t* out = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, opts);
  if (n < 0)
    return Status::Invalid("text", "Chuỗi không hợp lệ",
                           std::string("text could not be normalised: ") + utf8proc_errmsg(n));
  std::string folded(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  // đ (U+0111) has no decomposition; fold it (Đ was case-folded to đ already).
  std::string r;
  r.reserve(folded.size());
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = folded[i];
    if (c == 0xC4 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      if (space) r.push_back(' ');
      r.push_back('d');
      ++i;
      space = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !r.empty();
      continue;
    }
    if (space) r.push_back(' ');
    space = false;
    r.push_back(static_cast<char>(c));
  }
  return r;
}

std::string FoldOrSelf(std::string_view s) {
  auto f = FoldForSearch(s);
  return f.ok() ? *f : std::string(s);
}

std::string CaseFold(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string r(s);
    for (char& c : r) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    return r;
  }
  utf8proc_uint8_t* out = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, opts);
  if (n < 0) return std::string(s);
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

std::string UpperFirst(std::string_view s) {
  utf8proc_int32_t c = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &c);
  if (n <= 0) return std::string(s);
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(c), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(m)) + std::string(s.substr(static_cast<size_t>(n)));
}

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool HasControlChars(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string NormalizeNfc(std::string_view s) {
  // Fast path: without a combining mark (U+0300-U+036F: lead bytes CC, CD)
  // precomposed Vietnamese text is already NFC.
  if (std::none_of(s.begin(), s.end(), [](char c) {
        return static_cast<unsigned char>(c) == 0xCC || static_cast<unsigned char>(c) == 0xCD;
      }))
    return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (n < 0) return std::string(s);
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

std::string Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // back to a lead byte
  return std::string(s.substr(0, n));
}

}  // namespace bhxh
