// The OpenAPI 3 description of /api/v1, served at /api/v1/openapi.json.
#include <nlohmann/json.hpp>

#include "api/routes.h"

namespace bhxh {
namespace {

using J = nlohmann::json;

J Op(const std::string& summary, const std::vector<std::string>& params = {}, bool body = false,
     const std::string& body_type = "application/json") {
  J op = {{"summary", summary},
          {"responses", {{"200", {{"description", "OK"}}},
                         {"4XX", {{"description", "Error", }, {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}}}};
  J ps = J::array();
  for (const auto& p : params) {
    bool in_path = p[0] == '{';
    std::string name = in_path ? p.substr(1, p.size() - 2) : p;
    ps.push_back({{"name", name}, {"in", in_path ? "path" : "query"}, {"required", in_path},
                  {"schema", {{"type", "string"}}}});
  }
  if (!ps.empty()) op["parameters"] = ps;
  if (body) op["requestBody"] = {{"required", true}, {"content", {{body_type, {{"schema", {{"type", body_type == "application/json" ? "object" : "string"}}}}}}}};
  return op;
}

}  // namespace

std::string OpenApiDocument() {
  J paths = {
      {"/health", {{"get", Op("Tình trạng dịch vụ / service health")}}},
      {"/calc/contribution", {{"post", Op("Tính số phải đóng theo quỹ và bên đóng / contribution calculator", {}, true)}}},
      {"/eligibility", {{"get", Op("Kiểm tra thẻ BHYT / HI card eligibility",
                                   {"id", "facility", "date", "full_name", "dob"})}}},
      {"/claims/check", {{"post", Op("Kiểm tra trước hồ sơ XML 130 (không cần CSDL) / pre-check a GIAMDINHHS envelope", {}, true, "application/xml")}}},
      {"/claims", {{"post", Op("Gửi hồ sơ XML 130 để giám định (Idempotency-Key) / submit claims for review", {}, true, "application/xml")}}},
      {"/catalogues/{kind}", {{"post", Op("Nhập danh mục CSV: drugs, services, facilities / import a catalogue", {"{kind}"}, true, "text/csv")}}},
      {"/settlements", {{"get", Op("Quyết toán theo quý / quarterly settlement", {"facility", "quarter"})}}},
      {"/advances", {{"post", Op("Ghi nhận tạm ứng / record an advance", {}, true)}}},
      {"/drug-prices", {{"get", Op("Công khai giá thuốc trúng thầu / published winning-bid prices", {"province", "facility", "date", "format"})}}},
      {"/alerts", {{"get", Op("Cảnh báo gia tăng chi phí KCB hằng ngày / daily cost alerts", {"date", "province", "facility", "format"})}}},
      {"/law/in-force", {{"get", Op("Tham số pháp lý có hiệu lực / parameters in force on a date", {"date"})}}},
      {"/law/history/{key}", {{"get", Op("Lịch sử một tham số / history of one parameter", {"{key}"})}}},
      {"/provinces", {{"get", Op("Đơn vị hành chính cấp tỉnh có hiệu lực / provinces in force", {"date"})}}},
      {"/persons", {{"post", Op("Đăng ký người tham gia / register a person", {}, true)},
                    {"get", Op("Tìm theo họ tên, không dấu / search by name", {"q", "limit"})}}},
      {"/persons/{cccd}", {{"get", Op("Thông tin người tham gia / a person", {"{cccd}"})}}},
      {"/persons/{cccd}/deceased", {{"post", Op("Ghi nhận chết / record a death", {"{cccd}"}, true)}}},
      {"/persons/{cccd}/history", {{"get", Op("Quá trình tham gia (sổ BHXH) / contribution history", {"{cccd}", "as_of"})}}},
      {"/employers", {{"post", Op("Đăng ký đơn vị / register an employer", {}, true)}}},
      {"/employers/{code}", {{"get", Op("Thông tin đơn vị / an employer", {"{code}"})}}},
      {"/employers/{code}/status", {{"post", Op("Thay đổi trạng thái / record a status change", {"{code}"}, true)}}},
      {"/employers/{code}/statement", {{"get", Op("Đối chiếu phải đóng, đã đóng, còn nợ, lãi / statement", {"{code}", "as_of"})}}},
      {"/periods", {{"post", Op("Thời gian tham gia tự nguyện / hộ gia đình / voluntary or household period", {}, true)}}},
      {"/cards", {{"post", Op("Cấp thẻ BHYT / issue an HI card", {}, true)}}},
      {"/declarations", {{"post", Op("Tờ khai tăng/giảm/điều chỉnh lao động (Idempotency-Key) / monthly declaration", {}, true)}}},
      {"/collections", {{"post", Op("Tính phải thu tháng / monthly collection run", {}, true)}}},
      {"/payments", {{"post", Op("Ghi nhận số tiền đơn vị nộp (Idempotency-Key) / post a payment", {}, true)}}},
      {"/payments/bank-statement", {{"post", Op("Nhập sao kê ngân hàng CSV / import a bank statement", {}, true, "text/csv")}}},
      {"/arrears", {{"get", Op("Báo cáo nợ đóng / arrears report", {"as_of", "province", "units", "top"})}}},
      {"/audit", {{"get", Op("Nhật ký thao tác / audit trail", {"limit", "key"})}}},
      {"/programmes", {{"post", Op("Nhập quyết định từ văn bản gốc (dry_run=true: chỉ trích xuất; replace=true: thay bản đã nhập) / "
                                   "import a decision from its raw text", {"dry_run", "replace"}, true, "text/plain")},
                       {"get", Op("Danh sách chương trình đã nhập / programmes imported")}}},
      {"/programmes/{ref}", {{"get", Op("Một chương trình và nội dung trích xuất (ref: mã hoặc số quyết định, '/' viết %2F) / "
                                         "one programme with its extraction", {"{ref}"})}}},
      {"/programmes/{ref}/tasks", {{"get", Op("Nhiệm vụ và tình trạng / tasks with their state",
                                              {"{ref}", "unit", "status", "overdue", "as_of"})}}},
      {"/programmes/{ref}/tasks/{key}/progress",
       {{"post", Op("Báo cáo tiến độ nhiệm vụ (Idempotency-Key) / post progress: unit, status, percent, period, note, "
                    "evidence, difficulties, lessons", {"{ref}", "{key}"}, true)},
        {"get", Op("Lịch sử báo cáo tiến độ / progress history", {"{ref}", "{key}"})}}},
      {"/followup", {{"get", Op("Danh sách theo dõi, đôn đốc theo đơn vị hoặc lãnh đạo / follow-up list",
                                {"programme", "unit", "leader", "by", "include_done", "as_of"})}}},
      {"/programmes/{ref}/report", {{"get", Op("Báo cáo năm (json, md, html, xlsx) / annual report", {"{ref}", "year", "format"})}}},
      {"/deadlines", {{"get", Op("Lịch hạn báo cáo và hạn nhiệm vụ / deadline calendar", {"from", "to"})}}},
      {"/units", {{"get", Op("Danh mục đơn vị / unit registry")}}},
      {"/units/unknown", {{"get", Op("Tên đơn vị chưa có trong danh mục / names to map")}}},
      {"/units/aliases", {{"post", Op("Ánh xạ một tên vào đơn vị: {name, unit} / map a name to a unit", {}, true)}}},
      {"/programmes/{ref}/indicators", {{"get", Op("Chỉ tiêu: giá trị, lộ trình, đánh giá / indicators with path and status",
                                                   {"{ref}", "province"})}}},
      {"/programmes/{ref}/indicators/{key}/values", {{"post", Op("Nhập giá trị chỉ tiêu: {year, province, value} / enter a value",
                                                                 {"{ref}", "{key}"}, true)}}},
      {"/programmes/{ref}/indicators/{key}/compute", {{"post", Op("Tính chỉ tiêu từ CSDL quốc gia: {year, province} / compute",
                                                                  {"{ref}", "{key}"}, true)}}},
      {"/denominators", {{"post", Op("Nhập mẫu số: {kind: labour_force|population|retirement_age_population, province, year, "
                                     "value, source} / enter a denominator", {}, true)}}},
  };
  J doc = {
      {"openapi", "3.0.3"},
      {"info", {{"title", "bhxh — Hệ thống thông tin BHXH Việt Nam"}, {"version", "1.0.0"},
                {"description", "API of the national insurance database: registry, law parameters, declarations, "
                                "collection, arrears, HI eligibility, contribution history. Errors are JSON with a "
                                "stable code, a Vietnamese message, an English message and the field at fault."}}},
      {"servers", J::array({{{"url", "/api/v1"}}})},
      {"security", J::array({{{"bearer", J::array()}}})},
      {"components",
       {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
        {"schemas",
         {{"Error", {{"type", "object"},
                     {"properties", {{"error", {{"type", "object"},
                                                {"properties", {{"code", {{"type", "string"}}}, {"field", {{"type", "string"}}},
                                                                {"message", {{"type", "string"}}}, {"message_en", {{"type", "string"}}}}}}}}}}}}}}},
      {"paths", paths}};
  return doc.dump(2);
}

}  // namespace bhxh
