#include "base/cccd.h"

#include "base/text.h"

namespace bhxh {

Result<Sex> ParseSex(std::string_view s, const std::string& field) {
  if (s == "1" || s == "male" || s == "nam" || s == "Nam") return Sex::kMale;
  if (s == "2" || s == "female" || s == "nữ" || s == "Nữ") return Sex::kFemale;
  if (s == "3" || s == "undetermined") return Sex::kUndetermined;
  return Status::Invalid(field, "Giới tính không hợp lệ: \"" + std::string(s) + "\" (1 nam, 2 nữ, 3 chưa xác định)",
                         "invalid sex \"" + std::string(s) + "\" (1 male, 2 female, 3 undetermined)");
}

const char* SexCode(Sex s) {
  switch (s) {
    case Sex::kMale:
      return "1";
    case Sex::kFemale:
      return "2";
    default:
      return "3";
  }
}

Status ValidateCccd(std::string_view c, const std::function<bool(std::string_view)>& known_province,
                    const std::optional<PartialDate>& dob, std::optional<Sex> sex, const std::string& field) {
  if (c.size() != 12 || !IsDigits(c))
    return Status::Error("invalid_cccd", field,
                         "Số định danh cá nhân phải gồm đúng 12 chữ số: \"" + std::string(c) + "\"",
                         "personal ID must be exactly 12 digits: \"" + std::string(c) + "\"");
  if (!known_province(c.substr(0, 3)))
    return Status::Error(
        "invalid_cccd", field,
        "Mã tỉnh nơi đăng ký khai sinh \"" + std::string(c.substr(0, 3)) + "\" không có trong danh mục",
        "province-of-birth code \"" + std::string(c.substr(0, 3)) + "\" is not in the official list");
  int g = c[3] - '0';
  int century = 1900 + (g / 2) * 100;
  Sex id_sex = (g % 2 == 0) ? Sex::kMale : Sex::kFemale;
  int yy = (c[4] - '0') * 10 + (c[5] - '0');
  if (dob) {
    int want_century = (dob->year / 100) * 100;
    if (want_century != century || dob->year % 100 != yy)
      return Status::Error("invalid_cccd", field,
                           "Số định danh (chữ số thứ 4-6) không khớp năm sinh " + std::to_string(dob->year),
                           "personal ID digits 4-6 do not agree with birth year " + std::to_string(dob->year));
  }
  if (sex && *sex != Sex::kUndetermined && *sex != id_sex)
    return Status::Error("invalid_cccd", field, "Chữ số thứ 4 của số định danh không khớp giới tính",
                         "personal ID digit 4 does not agree with sex");
  return Status::Ok();
}

Status ValidateSiNumber(std::string_view si, const std::string& field) {
  if (si.size() != 10 || !IsDigits(si))
    return Status::Error("invalid_si_number", field, "Mã số BHXH phải gồm đúng 10 chữ số: \"" + std::string(si) + "\"",
                         "social-insurance number must be exactly 10 digits: \"" + std::string(si) + "\"");
  return Status::Ok();
}

Result<CardCode> ParseCardCode(std::string_view s, const std::string& field) {
  auto bad = [&](const std::string& vi, const std::string& en) {
    return Status::Error("invalid_card_code", field, "Mã thẻ BHYT \"" + std::string(s) + "\" " + vi,
                         "HI card code \"" + std::string(s) + "\" " + en);
  };
  if (s.size() != 15) return bad("phải gồm 15 ký tự", "must have 15 characters");
  for (int i = 0; i < 2; ++i)
    if (s[i] < 'A' || s[i] > 'Z')
      return bad("phải bắt đầu bằng 2 chữ in hoa (mã đối tượng)", "must start with a 2-letter group code");
  if (s[2] < '1' || s[2] > '5')
    return bad("có ký tự thứ 3 (mức hưởng) phải từ 1 đến 5", "has a benefit digit (char 3) outside 1-5");
  if (!IsDigits(s.substr(3, 12))) return bad("có ký tự 4-15 phải là chữ số", "must have digits in chars 4-15");
  CardCode c;
  c.group = std::string(s.substr(0, 2));
  c.level = s[2] - '0';
  c.province = std::string(s.substr(3, 2));
  c.si_number = std::string(s.substr(5, 10));
  return c;
}

}  // namespace bhxh
