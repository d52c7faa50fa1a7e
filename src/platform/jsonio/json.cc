#include "platform/jsonio/json.h"

namespace bhxh {

int JsonDepth(std::string_view t, int limit) {
  int depth = 0, max = 0;
  bool in_string = false, escaped = false;
  for (char c : t) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max;
}

Result<Json> ParseJson(std::string_view text, int max_depth) {
  if (JsonDepth(text, max_depth) > max_depth)
    return Status::Error("too_deep", "body", "Nội dung JSON lồng nhau quá " + std::to_string(max_depth) + " cấp",
                         "JSON nested more than " + std::to_string(max_depth) + " levels");
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded())
    return Status::Error("malformed_json", "body", "Nội dung không phải JSON hợp lệ (hoặc có ký tự không phải UTF-8)",
                         "body is not valid JSON (or not valid UTF-8)");
  return j;
}

std::string DumpJson(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

Json ErrorJson(const Status& s) {
  return {{"error",
           {{"code", s.code()}, {"field", s.field()}, {"message", s.message_vi()}, {"message_en", s.message_en()}}}};
}

std::string JsonText(const Json& j) { return j.is_string() ? j.get<std::string>() : DumpJson(j); }

std::string Txt(const Json& j) { return j.is_null() ? "" : JsonText(j); }

std::string Txt(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it == j.end() ? "" : Txt(*it);
}

}  // namespace bhxh
