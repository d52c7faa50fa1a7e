// Status and Result<T>: the one error convention of bhxh.
//
// Every fallible call returns a Status (or a Result<T> holding a value or a
// Status). An error carries a stable machine code (e.g. "invalid_cccd"), the
// field at fault, and a message in Vietnamese (shown to users) and English
// (for developers and logs). Exceptions are reserved for ending a request or
// job on a broken invariant; expected failures never throw.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace bhxh {

// The field name of an array's item as every message names it: counted from
// 1, as people number rows — ItemField("history", 0) is "history[1]". The
// request schema and the engines both name items this way, so the console
// can mark the row a message names.
inline std::string ItemField(const std::string& array, size_t index) {
  return array + "[" + std::to_string(index + 1) + "]";
}

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string code, std::string field, std::string message_vi, std::string message_en) {
    Status s;
    s.code_ = std::move(code);
    s.field_ = std::move(field);
    s.message_vi_ = std::move(message_vi);
    s.message_en_ = std::move(message_en);
    return s;
  }
  // Shorthands for the common categories; the code is the category.
  static Status Invalid(std::string field, std::string vi, std::string en) {
    return Error("invalid_input", std::move(field), std::move(vi), std::move(en));
  }
  static Status NotFound(std::string field, std::string vi, std::string en) {
    return Error("not_found", std::move(field), std::move(vi), std::move(en));
  }
  static Status Conflict(std::string field, std::string vi, std::string en) {
    return Error("conflict", std::move(field), std::move(vi), std::move(en));
  }
  static Status Internal(std::string en) { return Error("internal", "", "Lỗi hệ thống: " + en, std::move(en)); }

  bool ok() const { return code_.empty(); }
  explicit operator bool() const { return ok(); }
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }
  const std::string& message_vi() const { return message_vi_; }
  const std::string& message_en() const { return message_en_; }
  // "code [field]: english message" for logs and CLI.
  std::string ToString() const;
  // Returns a copy whose field is prefixed, e.g. "rows[3]." + field.
  Status WithFieldPrefix(const std::string& prefix) const {
    Status s = *this;
    s.field_ = prefix + field_;
    return s;
  }

 private:
  std::string code_, field_, message_vi_, message_en_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must be an error
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace bhxh

#define BHXH_RETURN_IF_ERROR(expr) \
  do {                             \
    ::bhxh::Status _st = (expr);   \
    if (!_st.ok()) return _st;     \
  } while (0)

#define BHXH_CONCAT_INNER(a, b) a##b
#define BHXH_CONCAT(a, b) BHXH_CONCAT_INNER(a, b)
#define BHXH_ASSIGN_OR_RETURN(lhs, expr) BHXH_ASSIGN_OR_RETURN_IMPL(BHXH_CONCAT(_res_, __LINE__), lhs, expr)
#define BHXH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()
