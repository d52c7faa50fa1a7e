#include "platform/jsonio/rows.h"

namespace bhxh {

Schema RowErrorsSchema() {
  return Schema::Array(Schema::Object({Req("row", Schema::Integer()), Req("field", Schema::String()),
                                       Req("code", Schema::String()), Req("message", Schema::String()),
                                       Req("message_en", Schema::String())}))
      .Describe("Lỗi từng dòng (dòng đánh số từ 1) / each row's problems (rows count from 1)");
}

Json ToJson(const RowError& e) {
  return {
      {"row", e.row}, {"field", e.field}, {"code", e.code}, {"message", e.message_vi}, {"message_en", e.message_en}};
}

Json RowsRejectedJson(const std::vector<RowError>& errors, const std::string& what_vi, const std::string& what_en) {
  Json errs = Json::array();
  for (const auto& e : errors) errs.push_back(ToJson(e));
  std::string n = std::to_string(errors.size());
  return {
      {"error",
       {{"code", "rows_rejected"},
        {"field", "rows"},
        {"message", what_vi + " không được chấp nhận: " + n + " lỗi ở các dòng (xem errors); không dòng nào được ghi"},
        {"message_en", what_en + " refused: " + n + " row errors (see errors); nothing was stored"}}},
      {"errors", errs}};
}

}  // namespace bhxh
