#include "store/db.h"

namespace bhxh {

Status Stmt::Run() {
  while (true) {
    auto r = Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
  }
}

std::string PgArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string PgArray(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (int64_t v : values) out += (out.size() > 1 ? "," : "") + std::to_string(v);
  return out + "}";
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
  BHXH_ASSIGN_OR_RETURN(auto st, Prepare(sql));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row || st->IsNull(0)) return int64_t{0};
  return st->Int(0);
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& url) {
  Status err;
  std::unique_ptr<Db> db;
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0 ||
      url.find("dbname=") != std::string::npos) {
    db = OpenPostgres(url, &err);
  } else {
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    db = OpenSqlite(path, &err);
  }
  if (!db) return err;
  return db;
}

}  // namespace bhxh
