// JSON Schema as data the code can use twice: to validate what a client
// sends (and, in tests, what the server answers) and to describe it in the
// OpenAPI document. A route declares its body and its answers with these,
// so the document cannot drift from what the code accepts.
//
// The subset is OpenAPI 3.0's: string, integer, number, boolean, array,
// object (closed by default: an unknown field is an error naming it), maps
// (objects with free keys), nullable, enum, pattern (RE2), format (date
// YYYY-MM-DD and month YYYY-MM are checked as real calendar values),
// ranges, lengths (in characters) and item counts. A schema given a name
// becomes a component and is referenced by that name.
//
// Errors name the field by its path ("rows[3].salary"; array positions
// count from 1, as people number rows: ItemField in base/status.h) with a Vietnamese and an English
// message, and a code: missing_field, unknown_field, invalid_type,
// invalid_value, invalid_format, out_of_range.
//
// Schemas are immutable values (shared nodes) built once at start-up;
// modifiers return a changed copy. Thread-safe to use once built.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "platform/jsonio/json.h"

namespace bhxh {

class Regex;
struct SchemaNode;
struct Property;

class Schema {
 public:
  enum class Kind { kAny, kString, kInteger, kNumber, kBoolean, kArray, kObject };

  Schema();  // any value
  static Schema String();
  static Schema Integer();
  static Schema Number();
  static Schema Boolean();
  static Schema Array(const Schema& items);
  // A closed object with these properties.
  static Schema Object(std::vector<Property> props);
  // An object whose keys are free and whose values follow `values`.
  static Schema Map(const Schema& values);

  Schema Named(const std::string& component) const;
  Schema Describe(const std::string& text) const;
  // "date" and "month" are checked; others ("date-time", "binary") are documentation.
  Schema Format(const std::string& f) const;
  // RE2 syntax, anchored at both ends; `shown` describes it in messages ("12 chữ số / 12 digits").
  Schema Pattern(const std::string& re, const std::string& shown_vi, const std::string& shown_en) const;
  Schema Enum(std::vector<std::string> values) const;
  Schema Range(int64_t min, int64_t max) const;  // integer
  Schema RangeD(double min, double max) const;   // number
  Schema Length(int min, int max) const;         // string, characters
  Schema Items(int min, int max) const;          // array
  Schema Nullable() const;
  Schema Example(const Json& example) const;
  // Allows properties not listed (for objects that carry extras, such as
  // stored extraction documents).
  Schema Open() const;

  Kind kind() const;
  const std::string& name() const;
  bool nullable() const;
  const std::vector<Property>& properties() const;
  const Schema* items() const;
  const std::vector<std::string>& enum_values() const;
  const std::string& format() const;

  // OpenAPI 3.0 schema object. Named schemas go to `components` (once) and
  // are referenced; pass nullptr to inline everything.
  Json ToOpenApi(std::map<std::string, Json>* components) const;
  // OK, or the first problem found (depth-first, in property order).
  Status Validate(const Json& value, const std::string& path = "") const;

 private:
  explicit Schema(std::shared_ptr<SchemaNode> n) : n_(std::move(n)) {}
  Schema Modified(const std::function<void(SchemaNode&)>& f) const;
  std::shared_ptr<const SchemaNode> n_;
};

struct Property {
  std::string name;
  Schema schema;
  bool required = false;
};
inline Property Req(std::string name, Schema s) { return {std::move(name), std::move(s), true}; }
inline Property Opt(std::string name, Schema s) { return {std::move(name), std::move(s), false}; }

// Common shapes of the domain's values, so every route spells them alike.
namespace S {
Schema Str();                // a string (at most 1,000 characters)
Schema Text(int max_chars);  // free text up to `max_chars`
Schema Int(int64_t min, int64_t max);
Schema Num();
Schema Bool();
Schema Date();         // YYYY-MM-DD, a real date
Schema DateTime();     // ISO 8601 timestamp (answers only)
Schema Month();        // YYYY-MM
Schema Year();         // 1900..2200
Schema Quarter();      // YYYY-Qn
Schema Money();        // whole dong, integer, >= 0
Schema SignedMoney();  // whole dong, may be negative (balances, corrections)
Schema Cccd();         // 12 digits
Schema SiNumber();     // 10 digits
Schema CardCode();     // 15 characters
Schema EmployerCode();
Schema FacilityCode();  // 5 characters
Schema ProvinceCode();  // 2 digits
Schema Key();           // an idempotency key: 1-200 printable characters
Schema OneOf(std::vector<std::string> values);
Schema ArrayOf(const Schema& items);
Schema Any();
}  // namespace S

}  // namespace bhxh
