#include "platform/jsonio/schema.h"

#include <cmath>

#include "base/date.h"
#include "base/re.h"
#include "base/text.h"
#include "platform/cli/format.h"

namespace bhxh {

struct SchemaNode {
  Schema::Kind kind = Schema::Kind::kAny;
  std::string name, description, format;
  std::vector<Property> props;
  std::shared_ptr<Schema> items;  // array items / map values
  bool is_map = false;
  bool open = false;
  bool nullable = false;
  std::vector<std::string> enums;
  std::shared_ptr<Regex> pattern;
  std::string pattern_text, pattern_vi, pattern_en;
  bool has_range = false;
  int64_t min = 0, max = 0;
  bool has_drange = false;
  double dmin = 0, dmax = 0;
  int min_len = -1, max_len = -1, min_items = -1, max_items = -1;
  Json example;
};

namespace {

std::shared_ptr<SchemaNode> Make(Schema::Kind k) {
  auto n = std::make_shared<SchemaNode>();
  n->kind = k;
  return n;
}

const char* KindVi(Schema::Kind k) {
  switch (k) {
    case Schema::Kind::kString:
      return "chuỗi ký tự";
    case Schema::Kind::kInteger:
      return "số nguyên";
    case Schema::Kind::kNumber:
      return "số";
    case Schema::Kind::kBoolean:
      return "true hoặc false";
    case Schema::Kind::kArray:
      return "mảng";
    case Schema::Kind::kObject:
      return "đối tượng JSON";
    default:
      return "giá trị";
  }
}
const char* KindEn(Schema::Kind k) {
  switch (k) {
    case Schema::Kind::kString:
      return "a string";
    case Schema::Kind::kInteger:
      return "an integer";
    case Schema::Kind::kNumber:
      return "a number";
    case Schema::Kind::kBoolean:
      return "true or false";
    case Schema::Kind::kArray:
      return "an array";
    case Schema::Kind::kObject:
      return "an object";
    default:
      return "a value";
  }
}
const char* KindName(Schema::Kind k) {
  switch (k) {
    case Schema::Kind::kString:
      return "string";
    case Schema::Kind::kInteger:
      return "integer";
    case Schema::Kind::kNumber:
      return "number";
    case Schema::Kind::kBoolean:
      return "boolean";
    case Schema::Kind::kArray:
      return "array";
    case Schema::Kind::kObject:
      return "object";
    default:
      return "";
  }
}

std::string Shown(const std::string& path) { return path.empty() ? "body" : path; }

std::string Join(const std::vector<std::string>& v, size_t max = 12) {
  std::string out;
  for (size_t i = 0; i < v.size() && i < max; ++i) out += (i ? ", " : "") + v[i];
  if (v.size() > max) out += ", ...";
  return out;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Schema::Schema() : n_(Make(Kind::kAny)) {}
Schema Schema::String() { return Schema(Make(Kind::kString)); }
Schema Schema::Integer() { return Schema(Make(Kind::kInteger)); }
Schema Schema::Number() { return Schema(Make(Kind::kNumber)); }
Schema Schema::Boolean() { return Schema(Make(Kind::kBoolean)); }
Schema Schema::Array(const Schema& items) {
  auto n = Make(Kind::kArray);
  n->items = std::make_shared<Schema>(items);
  return Schema(n);
}
Schema Schema::Object(std::vector<Property> props) {
  auto n = Make(Kind::kObject);
  n->props = std::move(props);
  return Schema(n);
}
Schema Schema::Map(const Schema& values) {
  auto n = Make(Kind::kObject);
  n->is_map = true;
  n->items = std::make_shared<Schema>(values);
  return Schema(n);
}

Schema Schema::Modified(const std::function<void(SchemaNode&)>& f) const {
  auto n = std::make_shared<SchemaNode>(*n_);
  f(*n);
  return Schema(n);
}
Schema Schema::Named(const std::string& c) const {
  return Modified([&](SchemaNode& n) { n.name = c; });
}
Schema Schema::Describe(const std::string& t) const {
  return Modified([&](SchemaNode& n) { n.description = t; });
}
Schema Schema::Format(const std::string& f) const {
  return Modified([&](SchemaNode& n) { n.format = f; });
}
Schema Schema::Pattern(const std::string& re, const std::string& vi, const std::string& en) const {
  return Modified([&](SchemaNode& n) {
    n.pattern = std::make_shared<Regex>(re);
    n.pattern_text = re;
    n.pattern_vi = vi;
    n.pattern_en = en;
  });
}
Schema Schema::Enum(std::vector<std::string> v) const {
  return Modified([&](SchemaNode& n) { n.enums = v; });
}
Schema Schema::Range(int64_t lo, int64_t hi) const {
  return Modified([&](SchemaNode& n) { n.has_range = true, n.min = lo, n.max = hi; });
}
Schema Schema::RangeD(double lo, double hi) const {
  return Modified([&](SchemaNode& n) { n.has_drange = true, n.dmin = lo, n.dmax = hi; });
}
Schema Schema::Length(int lo, int hi) const {
  return Modified([&](SchemaNode& n) { n.min_len = lo, n.max_len = hi; });
}
Schema Schema::Items(int lo, int hi) const {
  return Modified([&](SchemaNode& n) { n.min_items = lo, n.max_items = hi; });
}
Schema Schema::Nullable() const {
  return Modified([](SchemaNode& n) { n.nullable = true; });
}
Schema Schema::Example(const Json& e) const {
  return Modified([&](SchemaNode& n) { n.example = e; });
}
Schema Schema::Open() const {
  return Modified([](SchemaNode& n) { n.open = true; });
}

Schema::Kind Schema::kind() const { return n_->kind; }
const std::string& Schema::name() const { return n_->name; }
bool Schema::nullable() const { return n_->nullable; }
const std::vector<Property>& Schema::properties() const { return n_->props; }
const Schema* Schema::items() const { return n_->items.get(); }
const std::vector<std::string>& Schema::enum_values() const { return n_->enums; }
const std::string& Schema::format() const { return n_->format; }

Json Schema::ToOpenApi(std::map<std::string, Json>* components) const {
  const SchemaNode& n = *n_;
  if (!n.name.empty() && components) {
    if (!components->count(n.name)) {
      (*components)[n.name] = Json();  // placeholder: recursion-safe
      Schema unnamed = Modified([](SchemaNode& m) { m.name.clear(); });
      (*components)[n.name] = unnamed.ToOpenApi(components);
    } else if (!(*components)[n.name].is_null()) {
      // Two different shapes under one name would silently share the first:
      // the second is kept under a marked name that the route catalogue
      // test refuses.
      Schema unnamed = Modified([](SchemaNode& m) { m.name.clear(); });
      Json again = unnamed.ToOpenApi(components);
      if (again != (*components)[n.name]) (*components)["DuplicateName_" + n.name] = again;
    }
    Json ref = {{"$ref", "#/components/schemas/" + n.name}};
    return ref;
  }
  Json j = Json::object();
  if (n.kind != Kind::kAny) j["type"] = KindName(n.kind);
  if (!n.description.empty()) j["description"] = n.description;
  if (!n.format.empty()) j["format"] = n.format;
  if (n.nullable) j["nullable"] = true;
  if (!n.enums.empty()) j["enum"] = n.enums;
  if (!n.pattern_text.empty()) j["pattern"] = "^(?:" + n.pattern_text + ")$";
  if (n.has_range) j["minimum"] = n.min, j["maximum"] = n.max;
  if (n.has_drange) j["minimum"] = n.dmin, j["maximum"] = n.dmax;
  if (n.min_len >= 0) j["minLength"] = n.min_len;
  if (n.max_len >= 0) j["maxLength"] = n.max_len;
  if (n.min_items >= 0) j["minItems"] = n.min_items;
  if (n.max_items >= 0) j["maxItems"] = n.max_items;
  if (!n.example.is_null()) j["example"] = n.example;
  if (n.kind == Kind::kArray && n.items) j["items"] = n.items->ToOpenApi(components);
  if (n.kind == Kind::kObject) {
    if (n.is_map) {
      j["additionalProperties"] = n.items ? n.items->ToOpenApi(components) : Json(true);
    } else {
      Json props = Json::object();
      Json req = Json::array();
      for (const auto& p : n.props) {
        props[p.name] = p.schema.ToOpenApi(components);
        if (p.required) req.push_back(p.name);
      }
      if (!props.empty()) j["properties"] = props;
      if (!req.empty()) j["required"] = req;
      j["additionalProperties"] = n.open;
    }
  }
  return j;
}

Status Schema::Validate(const Json& v, const std::string& path) const {
  const SchemaNode& n = *n_;
  const std::string f = Shown(path);
  auto type_error = [&] {
    return Status::Error("invalid_type", f, "Trường \"" + f + "\" phải là " + KindVi(n.kind),
                         "field \"" + f + "\" must be " + KindEn(n.kind));
  };
  if (v.is_null()) {
    if (n.nullable || n.kind == Kind::kAny) return Status::Ok();
    return type_error();
  }
  switch (n.kind) {
    case Kind::kAny:
      return Status::Ok();
    case Kind::kString: {
      if (!v.is_string()) return type_error();
      const std::string& s = v.get_ref<const std::string&>();
      size_t len = CodePoints(s);
      if ((n.min_len >= 0 && len < static_cast<size_t>(n.min_len)) ||
          (n.max_len >= 0 && len > static_cast<size_t>(n.max_len))) {
        if (n.min_len > 0 && s.empty())
          return Status::Error("missing_field", f, "Trường \"" + f + "\" không được để trống",
                               "field \"" + f + "\" must not be empty");
        return Status::Error("out_of_range", f,
                             "Trường \"" + f + "\" dài từ " + std::to_string(std::max(0, n.min_len)) + " đến " +
                                 std::to_string(n.max_len) + " ký tự",
                             "field \"" + f + "\" must have " + std::to_string(std::max(0, n.min_len)) + " to " +
                                 std::to_string(n.max_len) + " characters");
      }
      if (s.find('\0') != std::string::npos)
        return Status::Error("invalid_value", f, "Trường \"" + f + "\" chứa ký tự NUL",
                             "field \"" + f + "\" contains a NUL byte");
      if (!n.enums.empty() && std::find(n.enums.begin(), n.enums.end(), s) == n.enums.end())
        return Status::Error("invalid_value", f, "Trường \"" + f + "\" phải là một trong: " + Join(n.enums),
                             "field \"" + f + "\" must be one of: " + Join(n.enums));
      if (n.pattern && !n.pattern->FullMatch(s))
        return Status::Error("invalid_format", f, "Trường \"" + f + "\" không đúng định dạng (" + n.pattern_vi + ")",
                             "field \"" + f + "\" has the wrong format (" + n.pattern_en + ")");
      if (n.format == "date") {
        auto d = Date::Parse(s, f);
        if (!d.ok()) return Status::Error("invalid_format", f, d.status().message_vi(), d.status().message_en());
      } else if (n.format == "month") {
        auto m = Month::Parse(s, f);
        if (!m.ok() || s.size() != 7)
          return Status::Error("invalid_format", f, "Trường \"" + f + "\" phải là tháng dạng YYYY-MM",
                               "field \"" + f + "\" must be a month YYYY-MM");
      }
      return Status::Ok();
    }
    case Kind::kInteger: {
      if (!v.is_number_integer()) {
        if (v.is_number_float()) {
          return Status::Error("invalid_type", f, "Trường \"" + f + "\" phải là số nguyên (không có phần thập phân)",
                               "field \"" + f + "\" must be a whole number");
        }
        return type_error();
      }
      if (n.has_range) {
        bool ok = v.is_number_unsigned()
                      ? v.get<uint64_t>() <= static_cast<uint64_t>(std::max<int64_t>(n.max, 0)) &&
                            static_cast<int64_t>(std::min<uint64_t>(v.get<uint64_t>(), INT64_MAX)) >= n.min
                      : v.get<int64_t>() >= n.min && v.get<int64_t>() <= n.max;
        if (!ok)
          return Status::Error(
              "out_of_range", f,
              "Trường \"" + f + "\" phải từ " + NumberVi(n.min) + " đến " + NumberVi(n.max),
              "field \"" + f + "\" must be between " + std::to_string(n.min) + " and " + std::to_string(n.max));
      }
      return Status::Ok();
    }
    case Kind::kNumber: {
      if (!v.is_number()) return type_error();
      double d = v.get<double>();
      if (!std::isfinite(d)) return type_error();
      if (n.has_drange && (d < n.dmin || d > n.dmax))
        return Status::Error("out_of_range", f, "Trường \"" + f + "\" nằm ngoài khoảng cho phép",
                             "field \"" + f + "\" is out of range");
      if (n.has_range && (d < static_cast<double>(n.min) || d > static_cast<double>(n.max)))
        return Status::Error(
            "out_of_range", f,
            "Trường \"" + f + "\" phải từ " + NumberVi(n.min) + " đến " + NumberVi(n.max),
            "field \"" + f + "\" must be between " + std::to_string(n.min) + " and " + std::to_string(n.max));
      return Status::Ok();
    }
    case Kind::kBoolean:
      return v.is_boolean() ? Status::Ok() : type_error();
    case Kind::kArray: {
      if (!v.is_array()) return type_error();
      if ((n.min_items >= 0 && v.size() < static_cast<size_t>(n.min_items)) ||
          (n.max_items >= 0 && v.size() > static_cast<size_t>(n.max_items)))
        return Status::Error("out_of_range", f,
                             "Trường \"" + f + "\" có từ " + std::to_string(std::max(0, n.min_items)) + " đến " +
                                 std::to_string(n.max_items) + " phần tử",
                             "field \"" + f + "\" must have " + std::to_string(std::max(0, n.min_items)) + " to " +
                                 std::to_string(n.max_items) + " items");
      if (n.items) {
        size_t i = 0;
        for (const auto& x : v) BHXH_RETURN_IF_ERROR(n.items->Validate(x, ItemField(path, i++)));
      }
      return Status::Ok();
    }
    case Kind::kObject: {
      if (!v.is_object()) return type_error();
      auto child = [&](const std::string& k) { return path.empty() ? k : path + "." + k; };
      if (n.is_map) {
        if (n.items)
          for (const auto& [k, x] : v.items()) BHXH_RETURN_IF_ERROR(n.items->Validate(x, child(k)));
        return Status::Ok();
      }
      for (const auto& p : n.props) {
        auto it = v.find(p.name);
        if (it == v.end()) {
          if (p.required)
            return Status::Error("missing_field", child(p.name), "Thiếu trường bắt buộc \"" + child(p.name) + "\"",
                                 "missing required field \"" + child(p.name) + "\"");
          continue;
        }
        BHXH_RETURN_IF_ERROR(p.schema.Validate(*it, child(p.name)));
      }
      if (!n.open) {
        for (const auto& [k, x] : v.items()) {
          bool known = false;
          for (const auto& p : n.props) known |= p.name == k;
          if (!known) {
            std::vector<std::string> names;
            for (const auto& p : n.props) names.push_back(p.name);
            std::string shown = Utf8Prefix(k, 60);
            return Status::Error(
                "unknown_field", child(shown),
                "Trường \"" + child(shown) + "\" không được hỗ trợ (các trường: " + Join(names, 30) + ")",
                "unknown field \"" + child(shown) + "\" (fields: " + Join(names, 30) + ")");
          }
        }
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

namespace S {
Schema Str() { return Schema::String().Length(0, 1000); }
Schema Text(int max_chars) { return Schema::String().Length(0, max_chars); }
Schema Int(int64_t min, int64_t max) { return Schema::Integer().Range(min, max); }
Schema Num() { return Schema::Number(); }
Schema Bool() { return Schema::Boolean(); }
Schema Date() { return Schema::String().Format("date").Example("2026-11-20"); }
Schema DateTime() { return Schema::String().Format("date-time"); }
Schema Month() {
  return Schema::String().Format("month").Pattern("\\d{4}-\\d{2}", "YYYY-MM", "YYYY-MM").Example("2026-10");
}
Schema Year() { return Schema::Integer().Range(1900, 2200).Example(2025); }
Schema Quarter() {
  return Schema::String().Pattern("\\d{4}-Q[1-4]", "YYYY-Qn, n từ 1 đến 4", "YYYY-Qn, n 1-4").Example("2026-Q4");
}
Schema Money() {
  return Schema::Integer().Range(0, 1'000'000'000'000'000LL).Describe("VND, số đồng nguyên / whole dong");
}
Schema SignedMoney() {
  return Schema::Integer()
      .Range(-1'000'000'000'000'000LL, 1'000'000'000'000'000LL)
      .Describe("VND, số đồng nguyên / whole dong");
}
Schema Cccd() { return Schema::String().Pattern("\\d{12}", "12 chữ số", "12 digits").Example("001085012345"); }
Schema SiNumber() { return Schema::String().Pattern("\\d{10}", "10 chữ số", "10 digits").Example("0123456789"); }
Schema CardCode() {
  return Schema::String()
      .Pattern("[A-Z]{2}[1-5]\\d{2}\\d{10}", "15 ký tự: 2 chữ, mức hưởng, mã tỉnh, mã số BHXH",
               "15 characters: group, level, province, SI number")
      .Example("DN4010123456789");
}
Schema EmployerCode() {
  return Schema::String()
      .Pattern("[0-9A-Za-z]{2,20}", "2-20 chữ cái hoặc chữ số", "2-20 letters or digits")
      .Example("01A00001");
}
Schema FacilityCode() { return Schema::String().Pattern("[0-9A-Za-z]{5}", "5 ký tự", "5 characters").Example("01001"); }
Schema ProvinceCode() { return Schema::String().Pattern("\\d{2}", "2 chữ số", "2 digits").Example("01"); }
Schema Key() {
  return Schema::String().Pattern("[\\x21-\\x7E]{1,200}", "1-200 ký tự in được, không dấu cách",
                                  "1-200 printable characters");
}
Schema OneOf(std::vector<std::string> values) { return Schema::String().Enum(std::move(values)); }
Schema ArrayOf(const Schema& items) { return Schema::Array(items); }
Schema Any() { return Schema(); }
}  // namespace S

}  // namespace bhxh
