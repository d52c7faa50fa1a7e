// JSON at the edges of the system: reading request bodies safely and
// writing answers that never throw.
//
// Bodies come from anyone, so parsing (1) refuses nesting deeper than a
// bound before the parser sees the text — a document nested 70,000 levels
// would otherwise overflow the stack where it is later walked or printed —
// (2) never throws, and (3) keeps nlohmann's UTF-8 validation. Writing
// replaces invalid UTF-8 (text echoed from an XML file, say) instead of
// throwing. Only shells and capability JSON files include this header;
// engines do not see nlohmann.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "base/status.h"

namespace bhxh {

using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 32;

// Parses `text`; malformed JSON is code "malformed_json", nesting beyond
// `max_depth` is code "too_deep" (both on field "body").
Result<Json> ParseJson(std::string_view text, int max_depth = kMaxJsonDepth);
// Deepest nesting of arrays/objects in `text` (strings skipped), stopping
// early once past `limit`.
int JsonDepth(std::string_view text, int limit);
// Serialises without throwing: invalid UTF-8 becomes U+FFFD.
std::string DumpJson(const Json& j, int indent = -1);
// {"error": {"code", "field", "message", "message_en"}}.
Json ErrorJson(const Status& s);

// A JSON value's text when it is a string, else its serialisation (for
// messages and keys).
std::string JsonText(const Json& j);
// A field's text ("" when absent or null); for objects already validated.
std::string Txt(const Json& j, const char* key);
std::string Txt(const Json& j);

}  // namespace bhxh
