// Identifiers of the national database: the 12-digit personal ID (CCCD),
// the 10-digit social-insurance number and the 15-character HI card code.
//
// CCCD layout PPP G YY RRRRRR (Decree 137/2015 Art.13; geography.md §1):
// PPP the province where the birth was registered (must be in the official
// list, passed in by the caller), G the century/sex digit (1900s: male 0,
// female 1; 2000s: 2/3; ... 2300s: 8/9), YY the last two digits of the
// birth year. No check digit exists, so none is checked.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"

namespace bhxh {

enum class Sex { kMale = 1, kFemale = 2, kUndetermined = 3 };
Result<Sex> ParseSex(std::string_view s, const std::string& field);  // "1"/"2"/"3", "male"/"female", "nam"/"nữ"
const char* SexCode(Sex s);                                          // "1", "2", "3"

// Validates `cccd`; `known_province` says whether a 3-digit code is in the
// official list. When `dob`/`sex` are given, digit 4 and digits 5-6 must
// agree with them.
Status ValidateCccd(std::string_view cccd, const std::function<bool(std::string_view)>& known_province,
                    const std::optional<PartialDate>& dob, std::optional<Sex> sex, const std::string& field = "cccd");

// 10 digits; the first two are a province code (not checked against today's
// list: SI numbers keep retired codes).
Status ValidateSiNumber(std::string_view si, const std::string& field = "si_number");

struct CardCode {
  std::string group;      // 2 letters, e.g. "DN"
  int level = 0;          // benefit digit 1-5
  std::string province;   // 2 digits
  std::string si_number;  // 10 digits
  std::string ToString() const { return group + std::to_string(level) + province + si_number; }
};
// Parses the 15-character HI card code `XX Y ZZ NNNNNNNNNN`.
Result<CardCode> ParseCardCode(std::string_view code, const std::string& field = "card_code");

}  // namespace bhxh
